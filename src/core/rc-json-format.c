/* rc-json-format.c: JSON text written out, exactly and readably
 *
 * Two ways, for two jobs. rc_json_reindent() pretty-prints JSON text
 * token by token, as received: numbers, escapes and key order stay
 * exactly as the server sent them (a tree would round big integers and
 * rewrite escapes), the work can stop at a limit, and memory stays at the
 * size of the text. rc_json_reindent_masked() does the same and hides the
 * string values that a mask function names (secrets, in the inspector's
 * panes), so that what a pane shows is masked without a tree of the whole
 * body. rc_json_write() writes a tree that was changed (a masked exchange)
 * as compact JSON.
 *
 * rc_json_write() exists because json-glib's generator writes some numbers
 * that are not JSON: a double in exponent form gets ".0" appended
 * ("2e+89.0") and one past a double's range is written "inf.0". Here every
 * double is written in the shortest form that reads back the same, and
 * one that overflowed as 1e999, which any reader takes for as big as it
 * can hold. Everything else is written as json-glib would write it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rc-json-format.h"

/* How much input is read between two looks at the cancellable. */
#define CANCEL_CHECK_BYTES (64 * 1024)
#define INDENT "  "

/* Where the re-indenter stands in the grammar. */
typedef enum {
  EXPECT_VALUE,
  EXPECT_VALUE_OR_CLOSE,      /* just after [ */
  EXPECT_KEY_OR_CLOSE,        /* just after { */
  EXPECT_KEY,                 /* after a comma in an object */
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,
  EXPECT_END,
} Expect;

static void write_string (const char *text,
                          GString    *out);

static void
append_indent (GString *out,
               guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, INDENT);
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;

  return p;
}

/* The end of the string token opening at @p, or NULL if it is not one. */
static const char *
scan_string (const char *p,
             const char *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '"')
        return p + 1;
      if ((guchar) *p < 0x20)
        return NULL;
      if (*p == '\\')
        {
          p++;
          if (p >= end || strchr ("\"\\/bfnrtu", *p) == NULL)
            return NULL;
          if (*p == 'u')
            {
              for (guint i = 0; i < 4; i++)
                if (++p >= end || !g_ascii_isxdigit (*p))
                  return NULL;
            }
        }
    }

  return NULL;
}

/* The end of the number opening at @p, per RFC 8259, or NULL. */
static const char *
scan_number (const char *p,
             const char *end)
{
  if (p < end && *p == '-')
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return NULL;
  if (*p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;

  if (p < end && *p == '.')
    {
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  /* A number runs up to a delimiter: "12ab" is not one. */
  if (p < end && (g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '+'))
    return NULL;

  return p;
}

static const char *
scan_literal (const char *p,
              const char *end)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if ((gsize) (end - p) >= len && memcmp (p, literals[i], len) == 0 &&
          (p + len == end || !g_ascii_isalnum (p[len])))
        return p + len;
    }

  return NULL;
}

static Expect
after_value (GString *stack)
{
  return stack->len > 0 ? EXPECT_COMMA_OR_CLOSE : EXPECT_END;
}

/* The text of the string token from @p to @end, its escapes read. */
static char *
dup_string_token (const char *p,
                  const char *end)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *token = NULL;

  if (memchr (p, '\\', end - p) == NULL)
    return g_strndup (p + 1, end - p - 2);

  token = g_strndup (p, end - p);
  node = json_from_string (token, NULL);

  return g_strdup (node ? json_node_get_string (node) : "");
}

/* Writes the string token from @p to @end, the value of the member
 * @key_start…@key_end (%NULL when it is no member's), masked if @mask
 * says so. */
static void
append_string_value (const char     *p,
                     const char     *end,
                     const char     *key_start,
                     const char     *key_end,
                     RcJsonMaskFunc  mask,
                     GString        *out)
{
  g_autofree char *masked = NULL;

  if (mask && key_start)
    {
      g_autofree char *key = dup_string_token (key_start, key_end);
      g_autofree char *value = dup_string_token (p, end);

      masked = mask (key, value);
    }

  if (masked)
    write_string (masked, out);
  else
    g_string_append_len (out, p, end - p);
}

/**
 * rc_json_reindent:
 * @data: JSON text
 * @size: its length in bytes
 * @limit: how many bytes to write at most, about (%G_MAXSIZE for all)
 * @out: where the text goes, two spaces an indent, a newline at the end
 * @truncated: (out): set when the text stopped at @limit
 * @cancellable: (nullable): looked at every 64 KiB of input
 * @error: set only when @cancellable was cancelled
 *
 * Re-indents @data token by token: numbers, escapes and key order stay as
 * they were written. The tokens are checked as they go.
 *
 * Returns: %FALSE (with @out in any state) when the text is not JSON
 *   before the limit, or when @cancellable is cancelled (@error set)
 */
gboolean
rc_json_reindent (const char    *data,
                  gsize          size,
                  gsize          limit,
                  GString       *out,
                  gboolean      *truncated,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return rc_json_reindent_masked (data, size, limit, NULL, out, truncated, cancellable, error);
}

/**
 * rc_json_reindent_masked:
 * @mask: (nullable): what to write in place of a member's string value
 *
 * rc_json_reindent(), each string value of an object's member written as
 * @mask returns for it (or as it is when @mask returns %NULL): a member
 * masked straddles no cut, as it is masked before it is written.
 */
gboolean
rc_json_reindent_masked (const char      *data,
                         gsize            size,
                         gsize            limit,
                         RcJsonMaskFunc   mask,
                         GString         *out,
                         gboolean        *truncated,
                         GCancellable    *cancellable,
                         GError         **error)
{
  const char *key_start = NULL, *key_end = NULL;
  g_autoptr(GString) stack = g_string_new (NULL);
  const char *p = data;
  const char *end = data + size;
  const char *next_check = data + CANCEL_CHECK_BYTES;
  Expect expect = EXPECT_VALUE;

  *truncated = FALSE;

  /* A byte order mark is not part of the text. */
  if (size >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  for (p = skip_space (p, end); p < end; p = skip_space (p, end))
    {
      const char *token_end;
      char c = *p;

      if (p >= next_check)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          next_check = p + CANCEL_CHECK_BYTES;
        }

      if (out->len >= limit)
        {
          *truncated = TRUE;
          return TRUE;
        }

      switch (c)
        {
        case '{':
        case '[':
          if (expect != EXPECT_VALUE && expect != EXPECT_VALUE_OR_CLOSE)
            return FALSE;
          token_end = skip_space (p + 1, end);
          if (token_end < end && *token_end == (c == '{' ? '}' : ']'))
            {
              g_string_append (out, c == '{' ? "{}" : "[]");
              p = token_end + 1;
              expect = after_value (stack);
              continue;
            }
          g_string_append_c (out, c);
          g_string_append_c (stack, c);
          append_indent (out, stack->len);
          expect = c == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
          p++;
          break;

        case '}':
        case ']':
          if (stack->len == 0 || stack->str[stack->len - 1] != (c == '}' ? '{' : '['))
            return FALSE;
          if (expect != EXPECT_COMMA_OR_CLOSE)
            return FALSE;
          g_string_truncate (stack, stack->len - 1);
          append_indent (out, stack->len);
          g_string_append_c (out, c);
          expect = after_value (stack);
          p++;
          break;

        case ',':
          if (expect != EXPECT_COMMA_OR_CLOSE)
            return FALSE;
          g_string_append_c (out, ',');
          append_indent (out, stack->len);
          expect = stack->str[stack->len - 1] == '{' ? EXPECT_KEY : EXPECT_VALUE;
          p++;
          break;

        case ':':
          if (expect != EXPECT_COLON)
            return FALSE;
          g_string_append (out, ": ");
          expect = EXPECT_VALUE;
          p++;
          break;

        case '"':
          token_end = scan_string (p, end);
          if (token_end == NULL)
            return FALSE;
          if (expect == EXPECT_KEY || expect == EXPECT_KEY_OR_CLOSE)
            {
              expect = EXPECT_COLON;
              key_start = p;
              key_end = token_end;
              g_string_append_len (out, p, token_end - p);
            }
          else if (expect == EXPECT_VALUE || expect == EXPECT_VALUE_OR_CLOSE)
            {
              gboolean member = stack->len > 0 && stack->str[stack->len - 1] == '{';

              expect = after_value (stack);
              append_string_value (p, token_end, member ? key_start : NULL, key_end, mask, out);
            }
          else
            return FALSE;
          p = token_end;
          break;

        default:
          if (expect != EXPECT_VALUE && expect != EXPECT_VALUE_OR_CLOSE)
            return FALSE;
          token_end =
            (c == '-' || g_ascii_isdigit (c)) ? scan_number (p, end) : scan_literal (p, end);
          if (token_end == NULL)
            return FALSE;
          g_string_append_len (out, p, token_end - p);
          expect = after_value (stack);
          p = token_end;
          break;
        }
    }

  if (expect != EXPECT_END)
    return FALSE;

  g_string_append_c (out, '\n');

  return TRUE;
}

static void
write_string (const char *text,
              GString    *out)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest of %.15g, %.16g and %.17g that reads back as @value: 0.1
 * stays 0.1. A whole number keeps a ".0" so that it reads back a double. */
static void
write_double (double   value,
              GString *out)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      g_string_append (out, "null");
      return;
    }
  if (isinf (value))
    {
      g_string_append (out, value > 0 ? "1e999" : "-1e999");
      return;
    }

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

/* Recursion is bounded: every tree here came from rc_json_parse(), which
 * refuses text nested deeper than %RC_JSON_MAX_DEPTH. */
static void
write_node (JsonNode *node,
            GString  *out)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            write_string (name, out);
            g_string_append_c (out, ':');
            write_node (member, out);
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            write_node (json_array_get_element (array, i), out);
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          write_string (json_node_get_string (node), out);
          break;
        case G_TYPE_DOUBLE:
          write_double (json_node_get_double (node), out);
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * rc_json_write:
 * @node: a tree, as rc_json_parse() gives (and then changed)
 *
 * Writes @node as compact JSON that any reader accepts; pass the result
 * to rc_json_reindent() to pretty-print it.
 *
 * Returns: (transfer full): the text
 */
char *
rc_json_write (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  write_node (node, out);

  return g_string_free (out, FALSE);
}
