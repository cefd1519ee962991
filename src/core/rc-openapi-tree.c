/* rc-openapi-tree.c: the importer's reading of json-glib trees and $refs
 *
 * Small typed getters that never fail on unexpected shapes (a document may
 * hold anything anywhere), JSON pointers, and the `$ref` resolution the
 * importer uses everywhere: local pointers, and pointers into other
 * documents (local files relative to the document holding the `$ref`, and
 * http(s) URLs when a fetch function is given), each document read once.
 * Where each `$ref` leads is remembered (by document and pointer), so long
 * chains used from many places cost linear time, and a cycle ends with a
 * warning, never a hang.
 *
 * Other documents stay in bounds: a local document's `$ref`s read regular
 * files only (no device, pipe or standard input, which never end or
 * block), under a size cap, inside the document's folder (symbolic links
 * resolved); a downloaded document's reach its own origin only, and never a
 * local file. Anything else is read only when allowed
 * (#RcOpenApiRefOptions), else left out with a warning and listed, so
 * that a window can ask.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"
/* realpath() and O_CLOEXEC */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rc-document.h"
#include "rc-http.h"
#include "rc-openapi-private.h"
#include "rc-text.h"

/* Tree helpers */

/* A scalar as text: YAML authors write `version: 1.0` or `swagger: 2.0`
 * unquoted, which arrives as a number. */
char *
_rc_open_api_node_dup_text (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node) == G_TYPE_STRING ? 0 :
          json_node_get_value_type (node) == G_TYPE_INT64 ? 1 :
          json_node_get_value_type (node) == G_TYPE_DOUBLE ? 2 : 3)
    {
    case 0:
      return g_strdup (json_node_get_string (node));
    case 1:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case 2:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node));
        if (strpbrk (buffer, ".eEn") == NULL)
          return g_strconcat (buffer, ".0", NULL);
        return g_strdup (buffer);
      }
    default:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    }
}

char *
_rc_open_api_dup_text (JsonObject *object,
                       const char *name)
{
  return _rc_open_api_node_dup_text (get_member (object, name));
}

/* The string elements of an array, or the keys of a mapping (scopes). */
GStrv
_rc_open_api_dup_strings (JsonNode *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = node_get_array (node);
  JsonObject *object = node_get_object (node);

  if (array)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *text = _rc_open_api_node_dup_text (json_array_get_element (array, i));

          if (text)
            g_strv_builder_add (builder, text);
        }
    }
  else if (object)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

/* JSON pointers */

char *
_rc_open_api_pointer_append (const char *base,
                             const char *token)
{
  GString *pointer = g_string_new (base);

  g_string_append_c (pointer, '/');
  for (const char *p = token; *p; p++)
    {
      if (*p == '~')
        g_string_append (pointer, "~0");
      else if (*p == '/')
        g_string_append (pointer, "~1");
      else
        g_string_append_c (pointer, *p);
    }

  return g_string_free (pointer, FALSE);
}

static char *
pointer_token_unescape (const char *start,
                        gsize       length)
{
  GString *token = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (start[i] == '~' && i + 1 < length && start[i + 1] == '1')
        {
          g_string_append_c (token, '/');
          i++;
        }
      else if (start[i] == '~' && i + 1 < length && start[i + 1] == '0')
        {
          g_string_append_c (token, '~');
          i++;
        }
      else
        g_string_append_c (token, start[i]);
    }

  return g_string_free (token, FALSE);
}

static JsonNode *
pointer_lookup (JsonNode   *root,
                const char *pointer)
{
  JsonNode *node = root;
  const char *p = pointer;

  if (*p == '\0')
    return root;

  if (*p != '/')
    return NULL;

  while (node && *p == '/')
    {
      const char *start = p + 1;
      const char *end = strchr (start, '/');
      g_autofree char *token = NULL;

      if (end == NULL)
        end = start + strlen (start);
      token = pointer_token_unescape (start, end - start);

      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), token);
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          guint64 index;

          if (!g_ascii_string_to_unsigned (token, 10, 0, G_MAXUINT, &index, NULL) ||
              index >= json_array_get_length (array))
            return NULL;
          node = json_array_get_element (array, index);
        }
      else
        return NULL;

      p = end;
    }

  return node;
}

/* External documents */

#define REFUSED_SCHEME "x-restcall-refused:"

/**
 * rc_open_api_dup_document_label:
 * @uri: a document's absolute URI, such as one of
 *   rc_open_api_get_external_documents()
 *
 * Returns: (transfer full): how messages name the document: a local file's
 *   name, or the URL without its password
 */
char *
rc_open_api_dup_document_label (const char *uri)
{
  g_autofree char *filename = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  if (g_str_has_prefix (uri, "file:") && (filename = g_filename_from_uri (uri, NULL, NULL)))
    return g_filename_display_name (filename);

  /* Never with a password. */
  return rc_text_dup_url (uri);
}

/* Splits @ref at its '#': the absolute URI of the document it names,
 * resolved against @base (%NULL when @ref names no other document, or when
 * it cannot be resolved: *@unresolvable is set then), and the raw fragment. */
static char *
ref_dup_target (const char  *base,
                const char  *ref,
                const char **fragment,
                gboolean    *unresolvable)
{
  const char *hash = strchr (ref, '#');
  g_autofree char *document = hash ? g_strndup (ref, hash - ref) : g_strdup (ref);

  *fragment = hash ? hash + 1 : "";
  *unresolvable = FALSE;

  if (document[0] == '\0')
    return NULL;

  if (g_uri_peek_scheme (document) == NULL && base == NULL)
    {
      *unresolvable = TRUE;
      return NULL;
    }

  {
    const GUriFlags flags = G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED;
    g_autoptr(GUri) base_uri = base ? g_uri_parse (base, flags, NULL) : NULL;
    g_autoptr(GUri) target = NULL;
    const char *path;

    if (base == NULL || base_uri != NULL)
      target = g_uri_parse_relative (base_uri, document, flags, NULL);

    /* The relaxed parser takes a ';' for the end of the host ("https://a;b/x"
     * has host "" and path ";b/x"), and GLib then fails a critical writing
     * the URI (g_uri_resolve_relative() does too); so it does for no host
     * and a path that starts with "//" ("file:/..///x"): such a URI is not
     * one. */
    path = target ? g_uri_get_path (target) : NULL;
    if (target == NULL
        || (g_uri_get_host (target) != NULL && path[0] != '\0' && path[0] != '/')
        || (g_uri_get_host (target) == NULL && g_str_has_prefix (path, "//")))
      {
        *unresolvable = TRUE;
        return NULL;
      }

    return g_uri_to_string (target);
  }
}

/* Makes the `$ref`s in @root, read from @uri, absolute, so that they are
 * followed relative to the document that holds them. A remote document's
 * `$ref`s to anything but http(s) are refused. */
static void
absolutize_refs (JsonNode   *root,
                 const char *uri)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  gboolean remote = !g_str_has_prefix (uri, "file:");

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      JsonNode *node = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);
          const char *ref = get_string (object, "$ref");
          JsonObjectIter iter;
          JsonNode *member;

          if (ref)
            {
              const char *fragment;
              gboolean unresolvable;
              g_autofree char *target = ref_dup_target (uri, ref, &fragment, &unresolvable);
              g_autofree char *absolute = NULL;

              if (target == NULL && !unresolvable)
                target = g_strdup (uri);
              if (target)
                {
                  gboolean refused = remote && !g_str_has_prefix (target, "https:") &&
                                     !g_str_has_prefix (target, "http:");

                  absolute =
                    g_strconcat (refused ? REFUSED_SCHEME : "", target, "#", fragment, NULL);
                  json_object_set_string_member (object, "$ref", absolute);
                }
            }

          json_object_iter_init (&iter, object);
          while (json_object_iter_next (&iter, NULL, &member))
            if (JSON_NODE_HOLDS_OBJECT (member) || JSON_NODE_HOLDS_ARRAY (member))
              g_ptr_array_add (stack, member);
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_OBJECT (element) || JSON_NODE_HOLDS_ARRAY (element))
                g_ptr_array_add (stack, element);
            }
        }
    }
}

static void
document_free (gpointer data)
{
  if (data)
    json_node_unref (data);
}

/* Where a `$ref` leads: a node, or why it leads nowhere. */

typedef enum {
  RESOLVED,
  FAILED_SILENTLY,      /* a document that could not be read: said once, when read */
  FAILED_REFUSED,       /* a downloaded document's $ref to a local file */
  FAILED_UNRESOLVABLE,  /* another document, but this one's location is not known */
  FAILED_CYCLE,
  FAILED_DANGLING,
} Outcome;

typedef struct
{
  Outcome   outcome;
  JsonNode *node;      /* RESOLVED: borrowed from a document the reader holds */
  char     *ref;       /* failures: the $ref at fault, as written */
  char     *document;  /* FAILED_DANGLING: the other document's label, or NULL */
  char     *pointer;   /* FAILED_DANGLING */
} Resolution;

/* A $ref being followed now: meeting it again is a cycle. */
static Resolution in_progress;

static void
resolution_clear (gpointer data)
{
  Resolution *resolution = data;

  g_free (resolution->ref);
  g_free (resolution->document);
  g_free (resolution->pointer);
}

static void
resolution_release (gpointer data)
{
  if (data != &in_progress)
    g_rc_box_release_full (data, resolution_clear);
}

static Resolution *
resolution_new (Outcome     outcome,
                JsonNode   *node,
                const char *ref)
{
  Resolution *resolution = g_rc_box_new0 (Resolution);

  resolution->outcome = outcome;
  resolution->node = node;
  resolution->ref = g_strdup (ref);

  return resolution;
}

/* Says why @resolution leads nowhere, for the $ref at @where. */
static void
warn_failure (RcOpenApiReader  *reader,
              const Resolution *resolution,
              const char       *where)
{
  switch (resolution->outcome)
    {
    case FAILED_REFUSED:
      _rc_open_api_warn (reader->self,
                         _("The $ref “%s” at %s is in a downloaded document but points to a local "
                           "file; it is not followed."),
                         resolution->ref, where);
      break;
    case FAILED_UNRESOLVABLE:
      _rc_open_api_warn (reader->self,
                         _("The $ref “%s” at %s points into another document, which is not "
                           "read: the document’s own location is not known; what it describes "
                           "is left out."),
                         resolution->ref, where);
      break;
    case FAILED_CYCLE:
      _rc_open_api_warn (reader->self,
                         _("The $ref “%s” at %s leads back to itself; it is left out."),
                         resolution->ref, where);
      break;
    case FAILED_DANGLING:
      if (resolution->document)
        _rc_open_api_warn (reader->self,
                           _("The $ref “%s” at %s points to nothing in “%s” (no “%s” there); "
                             "it is left out."),
                           resolution->ref, where, resolution->document, resolution->pointer);
      else
        _rc_open_api_warn (reader->self,
                           _("The $ref “%s” at %s points to nothing in the document; it is "
                             "left out."),
                           resolution->ref, where);
      break;
    case RESOLVED:
    case FAILED_SILENTLY:
    default:
      break;
    }
}

/* Bounds */

static gboolean
same_origin (const char *a,
             const char *b)
{
  const GUriFlags flags =
    G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_SCHEME_NORMALIZE;
  g_autoptr(GUri) uri_a = g_uri_parse (a, flags, NULL);
  g_autoptr(GUri) uri_b = g_uri_parse (b, flags, NULL);

  if (uri_a == NULL || uri_b == NULL || g_uri_get_host (uri_a) == NULL ||
      g_uri_get_host (uri_b) == NULL)
    return FALSE;

  return g_ascii_strcasecmp (g_uri_get_scheme (uri_a), g_uri_get_scheme (uri_b)) == 0
         && g_ascii_strcasecmp (g_uri_get_host (uri_a), g_uri_get_host (uri_b)) == 0
         && g_uri_get_port (uri_a) == g_uri_get_port (uri_b);
}

static gboolean
is_remote (const char *uri)
{
  return g_str_has_prefix (uri, "https:") || g_str_has_prefix (uri, "http:");
}

/* The folder of the document being read, symbolic links resolved; NULL
 * when it is no local file. */
static const char *
reader_get_folder (RcOpenApiReader *reader)
{
  if (reader->folder == NULL && reader->document_uri &&
      g_str_has_prefix (reader->document_uri, "file:"))
    {
      g_autofree char *filename = g_filename_from_uri (reader->document_uri, NULL, NULL);
      g_autofree char *folder = filename ? g_path_get_dirname (filename) : NULL;
      char *real = folder ? realpath (folder, NULL) : NULL;

      reader->folder = real ? g_strdup (real) : NULL;
      free (real);
    }

  return reader->folder;
}

static gboolean
is_inside (const char *path,
           const char *folder)
{
  gsize length = strlen (folder);

  return strncmp (path, folder, length) == 0
         && (path[length] == '/' || (length > 0 && folder[length - 1] == '/'));
}

/* Whether the document at @uri (a file at @real_path) may be read: in
 * bounds, or allowed. */
static gboolean
may_read (RcOpenApiReader *reader,
          const char      *uri,
          const char      *real_path)
{
  const RcOpenApiRefOptions *options = reader->options;

  if (options->allow_external)
    return TRUE;

  if (options->allowed_documents && g_strv_contains (options->allowed_documents, uri))
    return TRUE;

  if (real_path)
    return reader_get_folder (reader) && is_inside (real_path, reader_get_folder (reader));

  return reader->document_uri && is_remote (reader->document_uri) &&
         same_origin (uri, reader->document_uri);
}

static gsize
reader_get_max_size (RcOpenApiReader *reader)
{
  return reader->options->max_document_size > 0 ? reader->options->max_document_size
                                                 : RC_HTTP_DEFAULT_MAX_BODY_SIZE;
}

static void
set_too_large_error (GError **error,
                     gsize    max_size)
{
  g_autofree char *size = rc_http_format_size (max_size);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("it is larger than %s, the most Restcall reads of a document"), size);
}

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
}

/* Reads @filename if it is a regular file of at most @max_size bytes:
 * never a device (/dev/zero), a pipe or standard input, which would block
 * or never end. Opening does not wait for a pipe's writer. */
static GBytes *
read_regular_file (const char  *filename,
                   gsize        max_size,
                   GError     **error)
{
  g_autoptr(GByteArray) contents = NULL;
  struct stat info;
  char chunk[64 * 1024];
  int fd;

  if (g_stat (filename, &info) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  if (!S_ISREG (info.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("it is not a regular file, and only regular files are read"));
      return NULL;
    }

  if ((guint64) info.st_size > max_size)
    {
      set_too_large_error (error, max_size);
      return NULL;
    }

  if ((fd = g_open (filename, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0)) < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  /* It may have been swapped for something else since. */
  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("it is not a regular file, and only regular files are read"));
      close (fd);
      return NULL;
    }

  contents = g_byte_array_sized_new (MIN ((gsize) info.st_size, max_size));
  for (;;)
    {
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      if ((gsize) n > max_size - contents->len)
        {
          /* It grew while being read. */
          set_too_large_error (error, max_size);
          close (fd);
          return NULL;
        }
      g_byte_array_append (contents, (const guint8 *) chunk, n);
    }
  close (fd);

  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}

/* Leaves the document at @uri out, for good, and says why. */
static void
leave_out_external (RcOpenApiReader *reader,
                    const char      *uri,
                    const char      *label,
                    const char      *ref,
                    const char      *where)
{
  if (g_str_has_prefix (uri, "file:"))
    _rc_open_api_warn (
      reader->self,
      _("The $ref “%s” at %s points into “%s”, outside the document’s folder; it is "
        "not read, so what it describes is left out. Allow references outside the "
        "document’s folder to include it (--allow-external-refs on the command line)."),
      ref, where, label);
  else
    _rc_open_api_warn (
      reader->self,
      _("The $ref “%s” at %s points into “%s”, which is not on the document’s own "
        "origin; it is not fetched, so what it describes is left out. Allow references "
        "to other origins to include it (--allow-external-refs on the command line)."),
      ref, where, label);

  g_ptr_array_insert (reader->self->external, reader->self->external->len - 1, g_strdup (uri));
  g_hash_table_insert (reader->documents, g_strdup (uri), NULL);
}

/* The tree of the document at @uri (absolute, no fragment), read once;
 * %NULL with a warning when it cannot be read, or may not be. */
static JsonNode *
load_document (RcOpenApiReader *reader,
               const char      *uri,
               const char      *ref,
               const char      *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *label = rc_open_api_dup_document_label (uri);
  JsonNode *root = NULL;

  if (reader->document_uri && g_str_equal (uri, reader->document_uri))
    return reader->root;

  if (reader->documents == NULL)
    reader->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, document_free);

  if (g_hash_table_lookup_extended (reader->documents, uri, NULL, (gpointer *)&root))
    return root;

  if (g_hash_table_size (reader->documents) >= RC_OPEN_API_MAX_EXTERNAL_DOCUMENTS)
    {
      _rc_open_api_warn (reader->self,
                         _("The $refs lead into more than %u other documents; “%s” and any further "
                           "ones are not read."),
                         RC_OPEN_API_MAX_EXTERNAL_DOCUMENTS, label);
      return NULL;
    }

  if (g_str_has_prefix (uri, "file:"))
    {
      g_autofree char *filename = NULL;
      g_autofree char *real_path = NULL;
      int saved_errno = 0;

      /* A downloaded document never leads into this machine's files. */
      if (reader->document_uri && is_remote (reader->document_uri))
        {
          _rc_open_api_warn (
            reader->self,
            _("The $ref “%s” at %s is in a downloaded document but points to a local "
              "file; it is not followed."),
            ref, where);
          g_hash_table_insert (reader->documents, g_strdup (uri), NULL);
          return NULL;
        }

      if ((filename = g_filename_from_uri (uri, NULL, &error)))
        {
          char *real = realpath (filename, NULL);

          saved_errno = errno;
          real_path = real ? g_strdup (real) : g_canonicalize_filename (filename, NULL);
          free (real);

          if (!may_read (reader, uri, real_path))
            {
              leave_out_external (reader, uri, label, ref, where);
              return NULL;
            }

          if (real == NULL)
            set_errno_error (&error, saved_errno);
          else
            bytes = read_regular_file (real_path, reader_get_max_size (reader), &error);
        }
    }
  else if (is_remote (uri))
    {
      if (reader->fetch == NULL)
        {
          _rc_open_api_warn (
            reader->self,
            _("The $ref “%s” at %s points into another document, “%s”, which was not fetched, "
              "so what it describes is left out. Allow fetching remote documents to include "
              "it (--allow-remote-refs on the command line)."),
            ref, where, label);
          g_ptr_array_insert (reader->self->unfetched, reader->self->unfetched->len - 1,
                              g_strdup (uri));
          g_hash_table_insert (reader->documents, g_strdup (uri), NULL);
          return NULL;
        }

      if (!may_read (reader, uri, NULL))
        {
          leave_out_external (reader, uri, label, ref, where);
          return NULL;
        }

      bytes = reader->fetch (uri, reader->fetch_data, &error);
      if (bytes && g_bytes_get_size (bytes) > reader_get_max_size (reader))
        {
          g_clear_pointer (&bytes, g_bytes_unref);
          set_too_large_error (&error, reader_get_max_size (reader));
        }
    }
  else
    {
      _rc_open_api_warn (reader->self,
                         _("The $ref “%s” at %s points into another document, “%s”, which is not "
                           "a file or an http(s) "
                           "URL; what it describes is left out."),
                         ref, where, label);
      g_hash_table_insert (reader->documents, g_strdup (uri), NULL);
      return NULL;
    }

  if (bytes)
    root = rc_document_parse (bytes, label, &error);

  if (root == NULL)
    {
      _rc_open_api_warn (reader->self,
                         _("The $ref “%s” at %s points into another document, “%s”, which could "
                           "not be read (%s); what it "
                           "describes is left out."),
                         ref, where, label, error ? error->message : "?");
      g_hash_table_insert (reader->documents, g_strdup (uri), NULL);
      return NULL;
    }

  absolutize_refs (root, uri);
  g_hash_table_insert (reader->documents, g_strdup (uri), root);

  return root;
}

/* Follows one `$ref` chain from @node until a node that is no `$ref`, a
 * `$ref` already resolved, or a failure. Every `$ref` met is marked in
 * progress in reader->resolutions and added to @chain. */
static Resolution *
follow (RcOpenApiReader *reader,
        JsonNode        *node,
        const char      *where,
        GPtrArray       *chain)
{
  while (node && JSON_NODE_HOLDS_OBJECT (node))
    {
      const char *ref = get_string (json_node_get_object (node), "$ref");
      g_autofree char *unescaped = NULL;
      g_autofree char *target = NULL;
      g_autofree char *key = NULL;
      Resolution *known;
      const char *fragment;
      const char *pointer;
      gboolean unresolvable;
      JsonNode *root = reader->root;

      if (ref == NULL)
        break;

      if (g_str_has_prefix (ref, REFUSED_SCHEME))
        return resolution_new (FAILED_REFUSED, NULL, ref + strlen (REFUSED_SCHEME));

      target = ref_dup_target (reader->document_uri, ref, &fragment, &unresolvable);
      if (unresolvable)
        return resolution_new (FAILED_UNRESOLVABLE, NULL, ref);

      key = g_strconcat (target ? target : "", "#", fragment, NULL);
      known = g_hash_table_lookup (reader->resolutions, key);
      if (known == &in_progress)
        return resolution_new (FAILED_CYCLE, NULL, ref);
      if (known)
        return g_rc_box_acquire (known);

      g_hash_table_insert (reader->resolutions, g_strdup (key), &in_progress);
      g_ptr_array_add (chain, g_steal_pointer (&key));
      reader->self->n_ref_steps++;

      if (target && !(root = load_document (reader, target, ref, where)))
        return resolution_new (FAILED_SILENTLY, NULL, ref);

      unescaped = g_uri_unescape_string (fragment, NULL);
      pointer = unescaped ? unescaped : fragment;
      node = pointer_lookup (root, pointer);
      if (node == NULL)
        {
          Resolution *dangling = resolution_new (FAILED_DANGLING, NULL, ref);

          dangling->document = target ? rc_open_api_dup_document_label (target) : NULL;
          dangling->pointer = g_strdup (pointer);
          return dangling;
        }
    }

  return resolution_new (RESOLVED, node, NULL);
}

/* Follows `$ref`s from @node, which is at @where. Returns (transfer none)
 * the node they lead to, @node itself when it is no `$ref`, or %NULL with
 * a warning. A `$ref` into another document reads that document (once);
 * the `$ref`s inside it were made absolute when it was read, so they are
 * followed relative to it. Where each `$ref` leads is remembered, so a
 * chain of N `$ref`s used from M places costs N + M steps, not N × M. */
JsonNode *
_rc_open_api_resolve (RcOpenApiReader *reader,
                      JsonNode        *node,
                      const char      *where)
{
  g_autoptr(GPtrArray) chain = NULL;
  Resolution *resolution;
  JsonNode *result;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
      || !json_object_has_member (json_node_get_object (node), "$ref"))
    return node;

  if (reader->resolutions == NULL)
    reader->resolutions =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, resolution_release);

  chain = g_ptr_array_new_with_free_func (g_free);
  resolution = follow (reader, node, where, chain);

  /* Every $ref of the chain leads where the last one did. */
  for (guint i = 0; i < chain->len; i++)
    g_hash_table_insert (reader->resolutions, g_strdup (chain->pdata[i]),
                         g_rc_box_acquire (resolution));

  warn_failure (reader, resolution, where);
  result = resolution->node;
  resolution_release (resolution);

  return result;
}

/* Frees what the reader gathered while reading. */
void
_rc_open_api_reader_clear (RcOpenApiReader *reader)
{
  g_clear_pointer (&reader->resolutions, g_hash_table_unref);
  g_clear_pointer (&reader->documents, g_hash_table_unref);
  g_clear_pointer (&reader->folder, g_free);
}
