/* rc-json.c: the one way the app parses JSON text
 *
 * Every JSON text Restcall reads comes from somewhere it does not control:
 * a project file, an OpenAPI document, a token response, the claims of a
 * JWT, an API's answer shown in the inspector. json-glib's parser recurses
 * once per nesting level, so `[[[[…` a hundred thousand levels deep
 * overflows the stack and kills the process. rc_json_parse() refuses text
 * that nests deeper than %RC_JSON_MAX_DEPTH before json-glib sees it, with
 * a linear pre-scan that reads the text as json-glib's scanner does:
 *
 * - "double-quoted" strings, where a backslash escapes the next character;
 * - 'single-quoted' strings (json-glib accepts them), with no escapes;
 * - comments, which json-glib skips: from a '/' to the next '/' (its
 *   scanner takes its "//\n" comment pair for a start and an end), so
 *   C comments, but also "/ \" /" and "//".
 *
 * A bracket inside any of those is not counted; every other `[` and `{`
 * is. Where the scanner would stop (an unterminated string or comment),
 * the parser stops too, so the scan can stop there. Strings, most of a
 * document's bytes, are skipped with memchr().
 *
 * The same scan keeps out what json-glib reads but JSON does not have, and
 * what would put bytes that are not UTF-8 into the model: escapes other
 * than JSON's (json-glib turns "caf\351" into a raw 0xE9 byte), lone
 * UTF-16 surrogates, and \u0000, at which json-glib cuts the string.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rc-json.h"
#include "rc-util-private.h"

G_DEFINE_QUARK (rc-json-error-quark, rc_json_error)

/* The offset just past the double-quoted string opening at @start, or -1
 * when it never closes. The closing quote is the first one after an even
 * number of backslashes. */
static gssize
skip_double_quoted (const char *data,
                    gsize       length,
                    gsize       start)
{
  gsize j = start + 1;

  for (;;)
    {
      const char *quote = memchr (data + j, '"', length - j);
      gsize backslashes = 0;

      if (quote == NULL)
        return -1;
      j = quote - data;
      /* data[start] is a quote, so the count stops there at the latest. */
      while (data[j - 1 - backslashes] == '\\')
        backslashes++;
      if (backslashes % 2 == 0)
        return j + 1;
      j++;
    }
}

/* The value of the four hex digits at @p, or -1. */
static int
read_hex4 (const char *p,
           const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* Checks the escapes of the string between @start and @end (its quotes
 * excluded) as JSON defines them. json-glib also reads octal escapes and
 * lone surrogates, which make bytes that are not UTF-8, and cuts a string
 * at \u0000: text that must not enter the model. On error, @offset is
 * where the bad escape starts. */
static gboolean
check_escapes (const char  *data,
               gsize        start,
               gsize        end,
               gsize       *offset,
               GError     **error)
{
  const char *limit = data + end;
  const char *p = data + start;

  while ((p = memchr (p, '\\', limit - p)) != NULL)
    {
      const char *escape = p;
      int unit, low;

      /* The text ends within the escape: the string never ends, as
       * json-glib will say. */
      if (p + 1 >= limit)
        return TRUE;

      switch (p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          p += 2;
          continue;

        case 'u':
          unit = read_hex4 (p + 2, limit);
          p += 6;
          if (unit > 0 && (unit < 0xD800 || unit > 0xDFFF))
            continue;
          if (unit >= 0xD800 && unit <= 0xDBFF && limit - p >= 2 && p[0] == '\\' && p[1] == 'u' &&
              (low = read_hex4 (p + 2, limit)) >= 0xDC00 && low <= 0xDFFF)
            {
              p += 6;
              continue;
            }
          *offset = escape - data;
          if (unit == 0)
            g_set_error_literal (
              error, RC_JSON_ERROR, RC_JSON_ERROR_SYNTAX,
              _("a string holds a NUL character (\\u0000), which Restcall cannot keep"));
          else if (unit < 0)
            g_set_error_literal (error, RC_JSON_ERROR, RC_JSON_ERROR_SYNTAX,
                                 _("a \\u escape in a string needs four hexadecimal digits"));
          else
            g_set_error_literal (error, RC_JSON_ERROR, RC_JSON_ERROR_SYNTAX,
                                 _("a string holds half of a UTF-16 surrogate pair"));
          return FALSE;

        default:
          *offset = escape - data;
          g_set_error (error, RC_JSON_ERROR, RC_JSON_ERROR_SYNTAX,
                       _("a string holds “\\%.*s”, which is not a JSON escape"),
                       (int) (g_utf8_next_char (p + 1) - (p + 1)), p + 1);
          return FALSE;
        }
    }

  return TRUE;
}

/* Reads the text as json-glib's scanner will, and refuses a `[` or `{`
 * nested deeper than @max_depth, a string escape that is not JSON's, or
 * a second value: json-glib reads an object or array after the first
 * value ("{}{}"), keeps the first and leaks the second. On error,
 * @offset is where the problem starts. */
static gboolean
prescan (const char  *data,
         gsize        length,
         guint        max_depth,
         gsize       *offset,
         GError     **error)
{
  guint depth = 0;
  gboolean value_seen = FALSE;
  gsize i = 0;

  /* json-glib skips a byte order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  while (i < length)
    {
      const char *end;
      gssize next;

      switch (data[i])
        {
        /* Where a string or comment never ends, json-glib stops too; but
         * its escapes are checked all the same, since json-glib leaks its
         * buffer on a malformed surrogate pair even there. */
        case '"':
          if ((next = skip_double_quoted (data, length, i)) < 0)
            return check_escapes (data, i + 1, length, offset, error);
          if (!check_escapes (data, i + 1, next - 1, offset, error))
            return FALSE;
          value_seen = TRUE;
          i = next;
          break;

        case '\'':
          if ((end = memchr (data + i + 1, '\'', length - i - 1)) == NULL)
            return TRUE;
          value_seen = TRUE;
          i = end - data + 1;
          break;

        case '/':
          if ((end = memchr (data + i + 1, '/', length - i - 1)) == NULL)
            return TRUE;
          i = end - data + 1;
          break;

        case '[':
        case '{':
          if (depth == 0 && value_seen)
            {
              *offset = i;
              g_set_error_literal (error, RC_JSON_ERROR, RC_JSON_ERROR_SYNTAX,
                                   _("it holds more than one value"));
              return FALSE;
            }
          if (++depth > max_depth)
            {
              *offset = i;
              g_set_error (error, RC_JSON_ERROR, RC_JSON_ERROR_TOO_DEEP,
                           _("it nests deeper than %u levels"), max_depth);
              return FALSE;
            }
          i++;
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          value_seen = TRUE;
          i++;
          break;

        case ' ':
        case '\t':
        case '\n':
        case '\r':
          i++;
          break;

        default:
          value_seen = TRUE;
          i++;
          break;
        }
    }

  return TRUE;
}

/* json-glib's messages read "<data>:LINE:COLUMN: Parse error: problem".
 * The problem may quote a string cut after 29 bytes, within a character:
 * it is made UTF-8 again, since it is shown. */
static void
set_parser_error (GError     **error,
                  const char  *message,
                  guint       *line,
                  guint       *column)
{
  g_autofree char *valid = NULL;
  guint parsed_line = 0, parsed_column = 0;
  int consumed = 0;

  if (sscanf (message, "<data>:%u:%u: %n", &parsed_line, &parsed_column, &consumed) == 2 &&
      consumed > 0)
    {
      message += consumed;
      if (g_str_has_prefix (message, "Parse error: "))
        message += strlen ("Parse error: ");
    }

  if (line != NULL)
    *line = parsed_line;
  if (column != NULL)
    *column = parsed_column;
  valid = g_utf8_make_valid (message, -1);
  g_set_error_literal (error, RC_JSON_ERROR, RC_JSON_ERROR_SYNTAX, valid);
}

/**
 * rc_json_parse:
 * @data: (array length=length) (nullable): the text, not necessarily
 *   nul-terminated; %NULL when @length is 0
 * @length: its length in bytes
 * @flags: how to build the nodes
 * @line: (out) (optional): where a syntax error or the nesting that is too
 *   deep starts, 1-based; 0 when the error has no position
 * @column: (out) (optional): the column there, in characters
 * @error: an #RcJsonError whose message completes “The JSON is broken:”,
 *   such as “it nests deeper than 1000 levels”; callers name the text and
 *   say what to do
 *
 * Parses JSON text as json-glib does, refusing text that is not UTF-8 or
 * that nests deeper than %RC_JSON_MAX_DEPTH.
 *
 * Returns: (transfer full): the root node
 */
JsonNode *
rc_json_parse (const char   *data,
               gsize         length,
               RcJsonFlags   flags,
               guint        *line,
               guint        *column,
               GError      **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *invalid = NULL;
  gsize offset = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (line != NULL)
    *line = 0;
  if (column != NULL)
    *column = 0;

  if (data == NULL)
    data = "";

  if (!(flags & RC_JSON_VALID_UTF8) && !g_utf8_validate_len (data, length, &invalid))
    {
      rc_offset_to_position (data, invalid - data, line, column);
      g_set_error_literal (error, RC_JSON_ERROR, RC_JSON_ERROR_ENCODING,
                           _("it holds a byte that is not UTF-8"));
      return NULL;
    }

  if (!prescan (data, length, RC_JSON_MAX_DEPTH, &offset, error))
    {
      rc_offset_to_position (data, offset, line, column);
      return NULL;
    }

  parser = (flags & RC_JSON_IMMUTABLE) ? json_parser_new_immutable () : json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      set_parser_error (error, local_error->message, line, column);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, RC_JSON_ERROR, RC_JSON_ERROR_EMPTY, _("it is empty"));
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/**
 * rc_json_object_get_string:
 * @object: (nullable): an object, from text anyone may have written
 *
 * Unlike json-glib's getters, never warns about a member of another type.
 *
 * Returns: (nullable): the string member @name, or %NULL when it is
 *   missing or not a string
 */
const char *
rc_json_object_get_string (JsonObject *object,
                           const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

/**
 * rc_json_builder_add_string:
 * @builder: a builder inside an object
 * @value: (nullable): the member's value
 *
 * Adds the member @name, @value as a string, or null when it is %NULL.
 */
void
rc_json_builder_add_string (JsonBuilder *builder,
                            const char  *name,
                            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}
