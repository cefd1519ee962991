/* rc-body.c: a response body made readable, off the main thread
 *
 * A body is shown as its text, pretty-printed when it is JSON, with the
 * name of the GtkSourceView language that highlights it. It is never
 * shown whole when it is big: the text stops at a limit (2 MiB unless
 * told otherwise) and says it was cut, so that a 20 MB response does not
 * go whole into a text buffer on the main thread. A body that is not
 * text becomes a hexadecimal dump.
 *
 * JSON is re-indented token by token rather than parsed into a tree and
 * written out again: numbers, escapes and key order stay exactly as the
 * server sent them (a tree would round big integers and rewrite escapes),
 * the work stops at the limit, and memory stays at the size of the text.
 * The tokens are checked as they go; a body that is not valid JSON before
 * the limit is shown as received. rc_body_format_masked() masks a JSON
 * body's secrets as it goes (rc_json_reindent_masked()): only what is
 * shown is read, and no tree of the whole body is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-body.h"
#include "rc-document.h"

#define HEX_BYTES_PER_LINE 16
/* How much of a body is read, at most, to show @limit bytes of it. */
#define READ_FACTOR 2

struct _RcBody
{
  GObject  parent_instance;

  char    *text;
  gsize    length;
  char    *language;
  gsize    size;
  guint    truncated : 1;
  guint    reformatted : 1;
  guint    binary : 1;
};

typedef struct
{
  GBytes *body;
  char   *content_type;
  gsize   limit;
} FormatData;


G_DEFINE_FINAL_TYPE (RcBody, rc_body, G_TYPE_OBJECT)

/* Helpers */

static void
format_data_free (FormatData *data)
{
  g_bytes_unref (data->body);
  g_free (data->content_type);
  g_free (data);
}

static gboolean
has_prefix_nocase (const char *data,
                   gsize       size,
                   const char *prefix)
{
  gsize len = strlen (prefix);

  return size >= len && g_ascii_strncasecmp (data, prefix, len) == 0;
}

/* The charset parameter of a Content-Type, if it names one. */
static char *
get_charset (const char *content_type)
{
  const char *p;
  const char *end;

  if (content_type == NULL)
    return NULL;

  for (p = content_type; (p = strchr (p, ';')) != NULL; )
    {
      p++;
      while (*p == ' ' || *p == '\t')
        p++;
      if (g_ascii_strncasecmp (p, "charset=", 8) != 0)
        continue;

      p += 8;
      if (*p == '"')
        p++;
      end = p;
      while (*end && *end != ';' && *end != '"' && *end != ' ')
        end++;

      return end > p ? g_strndup (p, end - p) : NULL;
    }

  return NULL;
}

static gboolean
content_type_says (const char *content_type,
                   const char *word)
{
  g_autofree char *lower = NULL;

  if (content_type == NULL)
    return FALSE;

  lower = g_ascii_strdown (content_type, strcspn (content_type, ";"));

  return strstr (lower, word) != NULL;
}

static gboolean
charset_is_utf8 (const char *charset)
{
  return g_ascii_strcasecmp (charset, "utf-8") == 0 ||
         g_ascii_strcasecmp (charset, "utf8") == 0 ||
         g_ascii_strcasecmp (charset, "us-ascii") == 0;
}

/* A dump like `hexdump -C`: offset, sixteen bytes, and those that print;
 * whole lines, as many as @limit holds. */
static char *
hex_dump (const guchar *data,
          gsize         size,
          gsize         limit,
          gboolean     *truncated)
{
  GString *out = g_string_new (NULL);
  gsize offset;

  *truncated = FALSE;

  for (offset = 0; offset < size; offset += HEX_BYTES_PER_LINE)
    {
      gsize n = MIN (HEX_BYTES_PER_LINE, size - offset);
      gsize line_start = out->len;

      g_string_append_printf (out, "%08" G_GSIZE_MODIFIER "x ", offset);
      for (gsize i = 0; i < HEX_BYTES_PER_LINE; i++)
        {
          if (i == HEX_BYTES_PER_LINE / 2)
            g_string_append_c (out, ' ');
          if (i < n)
            g_string_append_printf (out, " %02x", data[offset + i]);
          else
            g_string_append (out, "   ");
        }

      g_string_append (out, "  |");
      for (gsize i = 0; i < n; i++)
        g_string_append_c (out, g_ascii_isprint (data[offset + i]) ? data[offset + i] : '.');
      g_string_append (out, "|\n");

      if (out->len > limit)
        {
          g_string_truncate (out, line_start);
          *truncated = TRUE;
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static RcBody *
body_new (char       *text,
          gsize       length,
          const char *language,
          gsize       size)
{
  RcBody *self = g_object_new (RC_TYPE_BODY, NULL);

  self->text = text;
  self->length = length;
  self->language = g_strdup (language);
  self->size = size;

  return self;
}

/* Callbacks */

static void
format_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FormatData *data = task_data;
  g_autoptr(GError) error = NULL;
  RcBody *body;

  body = rc_body_format (data->body, data->content_type, data->limit, cancellable, &error);
  if (body == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, body, g_object_unref);
}

/* Overrides */

static void
rc_body_finalize (GObject *object)
{
  RcBody *self = (RcBody *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (rc_body_parent_class)->finalize (object);
}

static void
rc_body_class_init (RcBodyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_body_finalize;
}

static void
rc_body_init (RcBody *self)
{
}

/* Public API */

/**
 * rc_body_guess_language:
 * @content_type: (nullable): the body's Content-Type
 *
 * Returns: (nullable): "json", "xml" or "html", from the content type or,
 *   without one that says, from how the body starts
 */
const char *
rc_body_guess_language (const char *data,
                        gsize       size,
                        const char *content_type)
{
  g_autofree char *mime = NULL;
  const char *p = data;
  const char *end = data + size;

  if (content_type_says (content_type, "json"))
    return "json";
  if (content_type_says (content_type, "html"))
    return "html";
  if (content_type_says (content_type, "xml"))
    return "xml";

  if (content_type)
    {
      mime = g_ascii_strdown (content_type, strcspn (content_type, ";"));
      g_strstrip (mime);
    }

  /* Sniffed only when the content type says nothing more precise. */
  if (mime && *mime &&
      !g_str_equal (mime, "text/plain") &&
      !g_str_equal (mime, "application/octet-stream"))
    return NULL;

  if (size >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;

  if (p < end && (*p == '{' || *p == '['))
    return "json";
  if (has_prefix_nocase (p, end - p, "<!doctype html") || has_prefix_nocase (p, end - p, "<html"))
    return "html";
  if (has_prefix_nocase (p, end - p, "<?xml"))
    return "xml";

  return NULL;
}

/**
 * rc_body_cut_text:
 * @text: UTF-8 text
 * @length: its length in bytes
 * @limit: how many bytes to keep at most
 * @truncated: (out): whether it was cut
 *
 * Cuts @text at the end of a line at most @limit bytes in, or within the
 * line at a character boundary when the last line is long.
 *
 * Returns: (transfer full): the text, cut if need be
 */
char *
rc_body_cut_text (const char *text,
                  gsize       length,
                  gsize       limit,
                  gboolean   *truncated)
{
  const char *cut;
  const char *newline;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (truncated != NULL, NULL);

  if (length <= limit)
    {
      *truncated = FALSE;
      return g_strndup (text, length);
    }

  *truncated = TRUE;

  /* Keep whole lines, unless that gives up more than half the room. */
  newline = g_strrstr_len (text, limit, "\n");
  if (newline && (gsize) (newline - text) >= limit / 2)
    return g_strndup (text, newline - text + 1);

  cut = text + limit;
  while (cut > text && ((guchar) *cut & 0xC0) == 0x80)
    cut--;

  return g_strndup (text, cut - text);
}

/**
 * rc_body_format:
 * @body: (nullable): the body as received
 * @content_type: (nullable): its Content-Type header
 * @limit: how many bytes of text to make at most; 0 for
 *   %RC_BODY_DEFAULT_LIMIT
 *
 * Makes @body readable: JSON pretty-printed with two spaces, other text
 * as it is (converted from the charset its content type names), anything
 * else as a hexadecimal dump. Takes time in proportion to the body: call
 * it in a worker thread, or use rc_body_format_async().
 *
 * Returns: (transfer full): the text, or %NULL if @cancellable was cancelled
 */
RcBody *
rc_body_format (GBytes        *body,
                const char    *content_type,
                gsize          limit,
                GCancellable  *cancellable,
                GError       **error)
{
  return rc_body_format_masked (body, content_type, limit, NULL, cancellable, error);
}

/**
 * rc_body_format_masked:
 * @mask: (nullable): what to show in place of a member's string value
 *
 * rc_body_format(), a JSON body's string members masked as @mask says.
 * With a mask, a body that starts as JSON does (rc_document_is_json()) is
 * read as JSON whatever its content type says: a token response sent as
 * text/plain is masked all the same.
 */
RcBody *
rc_body_format_masked (GBytes          *body,
                       const char      *content_type,
                       gsize            limit,
                       RcJsonMaskFunc   mask,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autofree char *charset = get_charset (content_type);
  g_autofree char *converted = NULL;
  const char *data = "";
  const char *language;
  gsize size = 0;
  gsize original_size;
  gboolean truncated = FALSE;
  gsize checked;
  RcBody *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limit == 0)
    limit = RC_BODY_DEFAULT_LIMIT;

  if (body)
    data = g_bytes_get_data (body, &size);
  if (data == NULL)
    data = "";
  original_size = size;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Text in another charset, when the server says which. */
  if (charset && !charset_is_utf8 (charset) && size > 0)
    {
      gsize written = 0;

      converted = g_convert (data, size, "UTF-8", charset, NULL, &written, NULL);
      if (converted)
        {
          data = converted;
          size = written;
        }
    }

  /* Whether it is text is told by the part that can be shown (twice the
   * limit: pretty-printed JSON is seldom shorter than what it comes
   * from), ending before a character: a big body costs the part shown,
   * not its whole size. */
  checked = size;
  if (checked > READ_FACTOR * limit)
    {
      checked = READ_FACTOR * limit;
      while (checked > 0 && ((guchar) data[checked] & 0xC0) == 0x80)
        checked--;
    }

  if (!g_utf8_validate (data, checked, NULL))
    {
      char *text = hex_dump ((const guchar *) data, size, limit, &truncated);

      self = body_new (text, strlen (text), NULL, original_size);
      self->binary = TRUE;
      self->truncated = !!truncated;
      return self;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  language = rc_body_guess_language (data, size, content_type);
  if (mask && rc_document_is_json (data, size))
    language = "json";

  if (g_strcmp0 (language, "json") == 0)
    {
      g_autoptr(GString) out = g_string_sized_new (MIN (size + size / 2, limit) + 256);
      g_autoptr(GError) local_error = NULL;

      if (rc_json_reindent_masked (data, size, limit, mask, out, &truncated, cancellable,
                                   &local_error))
        {
          char *text;
          gsize length;

          if (truncated || out->len > limit)
            {
              gboolean cut;

              /* Stopped at the limit, or a long token took it past it. */
              text = rc_body_cut_text (out->str, out->len, limit, &cut);
              length = strlen (text);
              truncated = truncated || cut;
            }
          else
            {
              length = out->len;
              text = g_string_free (g_steal_pointer (&out), FALSE);
            }

          /* Read past the part checked (strings masked shorter): what
           * is not UTF-8 there is shown as U+FFFD. */
          if (!g_utf8_validate (text, length, NULL))
            {
              char *valid = g_utf8_make_valid (text, length);

              g_free (text);
              text = valid;
              length = strlen (text);
            }

          self = body_new (text, length, "json", original_size);
          self->truncated = !!truncated;
          self->reformatted = TRUE;
          return self;
        }

      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      /* Not JSON after all: as it came, highlighted only if it said JSON. */
      if (!content_type_says (content_type, "json"))
        language = NULL;
    }

  {
    char *text = rc_body_cut_text (data, size, limit, &truncated);

    self = body_new (text, strlen (text), language, original_size);
    self->truncated = !!truncated;
  }

  return self;
}

/**
 * rc_body_format_async:
 * @body: the body as received
 * @content_type: (nullable): its Content-Type header
 * @limit: how many bytes of text to make at most; 0 for
 *   %RC_BODY_DEFAULT_LIMIT
 *
 * rc_body_format(), in a worker thread.
 */
void
rc_body_format_async (GBytes              *body,
                      const char          *content_type,
                      gsize                limit,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FormatData *data;

  g_return_if_fail (body != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (FormatData, 1);
  data->body = g_bytes_ref (body);
  data->content_type = g_strdup (content_type);
  data->limit = limit;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_body_format_async);
  g_task_set_task_data (task, data, (GDestroyNotify) format_data_free);
  g_task_run_in_thread (task, format_thread);
}

/**
 * rc_body_format_finish:
 *
 * Returns: (transfer full): the text, or %NULL with the error
 */
RcBody *
rc_body_format_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_body_format_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The text to show: UTF-8, never more than the limit asked for. */
const char *
rc_body_get_text (RcBody *self)
{
  g_return_val_if_fail (RC_IS_BODY (self), NULL);

  return self->text;
}

/* The length of the text, in bytes. */
gsize
rc_body_get_length (RcBody *self)
{
  g_return_val_if_fail (RC_IS_BODY (self), 0);

  return self->length;
}

/**
 * rc_body_get_language:
 *
 * Returns: (nullable): the GtkSourceView language id for the text: "json",
 *   "xml", "html", or %NULL for none
 */
const char *
rc_body_get_language (RcBody *self)
{
  g_return_val_if_fail (RC_IS_BODY (self), NULL);

  return self->language;
}

/* The size of the body as received, in bytes. */
gsize
rc_body_get_size (RcBody *self)
{
  g_return_val_if_fail (RC_IS_BODY (self), 0);

  return self->size;
}

/* Whether the text stops at the limit before the body ends. */
gboolean
rc_body_get_truncated (RcBody *self)
{
  g_return_val_if_fail (RC_IS_BODY (self), FALSE);

  return self->truncated;
}

/* Whether the text is the body pretty-printed rather than as received. */
gboolean
rc_body_get_reformatted (RcBody *self)
{
  g_return_val_if_fail (RC_IS_BODY (self), FALSE);

  return self->reformatted;
}

/* Whether the body is not text, and the text a hexadecimal dump of it. */
gboolean
rc_body_get_binary (RcBody *self)
{
  g_return_val_if_fail (RC_IS_BODY (self), FALSE);

  return self->binary;
}

/* The usual extension for a media type, "json" for any "+json". */
static const char *
get_extension_for_type (const char *mime)
{
  static const struct {
    const char *type;
    const char *extension;
  } extensions[] = {
    { "application/json", "json" },
    { "application/xml", "xml" },
    { "text/xml", "xml" },
    { "text/html", "html" },
    { "application/xhtml+xml", "xhtml" },
    { "image/svg+xml", "svg" },
    { "text/plain", "txt" },
    { "text/csv", "csv" },
    { "text/css", "css" },
    { "text/javascript", "js" },
    { "application/javascript", "js" },
    { "application/yaml", "yaml" },
    { "application/x-yaml", "yaml" },
    { "text/yaml", "yaml" },
    { "application/pdf", "pdf" },
    { "application/zip", "zip" },
    { "application/gzip", "gz" },
    { "image/png", "png" },
    { "image/jpeg", "jpg" },
    { "image/gif", "gif" },
    { "image/webp", "webp" },
    { "application/octet-stream", "bin" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_equal (mime, extensions[i].type))
      return extensions[i].extension;

  if (g_str_has_suffix (mime, "+json"))
    return "json";
  if (g_str_has_suffix (mime, "+xml"))
    return "xml";

  return NULL;
}

/* The last segment of @url's path that is not empty, unescaped and made
 * valid UTF-8 (%E9 is not): a URL that does not parse (a template, say)
 * is taken as a path. */
static char *
dup_last_segment (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) segments = NULL;

  if (url == NULL)
    return NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED_PATH, NULL);
  path = uri ? g_strdup (g_uri_get_path (uri)) : g_strndup (url, strcspn (url, "?#"));
  segments = g_strsplit (path, "/", -1);

  for (guint i = g_strv_length (segments); i > 0; i--)
    if (segments[i - 1][0] != '\0')
      {
        g_autofree char *segment = g_uri_unescape_string (segments[i - 1], "/");

        return segment ? g_utf8_make_valid (segment, -1) : NULL;
      }

  return NULL;
}

/* Whether @name ends in a short extension of letters and digits: "a.json". */
static gboolean
has_extension (const char *name)
{
  const char *dot = strrchr (name, '.');
  gsize length;

  if (dot == NULL || dot == name)
    return FALSE;

  length = strlen (dot + 1);
  if (length == 0 || length > 5)
    return FALSE;
  for (const char *p = dot + 1; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/**
 * rc_body_guess_file_name:
 * @url: (nullable): the URL the body came from
 * @content_type: (nullable): its Content-Type
 * @data: (array length=size) (nullable): the body
 * @size: its size
 *
 * Makes a name to save a response body under: the last segment of the
 * URL's path ("42" for `…/pets/42`, "response" when there is none) with
 * an extension from the content type, or from the body itself when the
 * type says nothing ("42.json"). A segment that has an extension already
 * keeps it ("report.pdf").
 *
 * Returns: (transfer full): a file name, without a directory
 */
char *
rc_body_guess_file_name (const char *url,
                         const char *content_type,
                         const char *data,
                         gsize       size)
{
  g_autofree char *segment = dup_last_segment (url);
  g_autofree char *mime = NULL;
  const char *extension = NULL;
  GString *name;

  if (content_type)
    {
      mime = g_ascii_strdown (content_type, strcspn (content_type, ";"));
      g_strstrip (mime);
      extension = get_extension_for_type (mime);
    }

  if (extension == NULL || g_str_equal (extension, "txt") || g_str_equal (extension, "bin"))
    {
      const char *language = rc_body_guess_language (data, data ? size : 0, content_type);

      if (language)
        extension = language;
    }

  if (extension == NULL && mime && g_str_has_prefix (mime, "text/"))
    extension = "txt";
  if (extension == NULL)
    extension = (data == NULL || g_utf8_validate (data, MIN (size, 4096), NULL)) ? "txt" : "bin";

  name = g_string_new (NULL);
  if (segment)
    for (const char *p = segment; *p; p++)
      g_string_append_c (name, (strchr ("/\\:*?\"<>|", *p) || (guchar) *p < 0x20) ? '-' : *p);
  while (name->len > 0 && name->str[0] == '.')
    g_string_erase (name, 0, 1);
  if (name->len == 0)
    g_string_assign (name, "response");

  if (!has_extension (name->str))
    g_string_append_printf (name, ".%s", extension);

  return g_string_free (name, FALSE);
}

/**
 * rc_body_count_lines:
 * @text: (nullable): UTF-8 text
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @columns: how many characters a line holds before it wraps, or 0 when
 *   lines do not wrap
 * @max: where to stop counting
 *
 * Counts the lines @text takes in a view of @columns (of a monospace
 * font), stopping at @max, so that a view can be given the height of a
 * short text cheaply, however long the text. An empty text, or one that
 * ends with a newline, has an empty line at its end, as in a text view.
 *
 * Returns: the number of lines, at most @max
 */
guint
rc_body_count_lines (const char *text,
                     gssize      length,
                     guint       columns,
                     guint       max)
{
  const char *end = text && length >= 0 ? text + length : NULL;
  const char *p = text ? text : "";
  guint lines = 0;
  gsize chars = 0;

  for (;;)
    {
      gboolean at_end = end ? p >= end : *p == '\0';

      if (at_end || *p == '\n')
        {
          lines += (columns > 0 && chars > columns) ? (chars + columns - 1) / columns : 1;
          if (at_end || lines >= max)
            return MIN (lines, max);
          chars = 0;
          p++;
        }
      else
        {
          chars++;
          p = g_utf8_next_char (p);
        }
    }
}
