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
 * - C comments, which json-glib skips.
 *
 * A bracket inside any of those is not counted; every other `[` and `{`
 * is. Where the scanner would stop (an unterminated string or comment),
 * the parser stops too, so the scan can stop there. Strings, most of a
 * document's bytes, are skipped with memchr().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

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

/* The offset of the first `[` or `{` nested deeper than @max_depth, or -1. */
static gssize
find_too_deep (const char *data,
               gsize       length,
               guint       max_depth)
{
  guint depth = 0;
  gsize i = 0;

  while (i < length)
    {
      const char *end;
      gssize next;

      switch (data[i])
        {
        case '"':
          if ((next = skip_double_quoted (data, length, i)) < 0)
            return -1;
          i = next;
          break;

        case '\'':
          if ((end = memchr (data + i + 1, '\'', length - i - 1)) == NULL)
            return -1;
          i = end - data + 1;
          break;

        case '/':
          if (i + 1 < length && data[i + 1] == '*')
            {
              if ((end = g_strstr_len (data + i + 2, length - i - 2, "*/")) == NULL)
                return -1;
              i = end - data + 2;
            }
          else
            i++;
          break;

        case '[':
        case '{':
          if (++depth > max_depth)
            return i;
          i++;
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          i++;
          break;

        default:
          i++;
          break;
        }
    }

  return -1;
}

/* json-glib's messages read "<data>:LINE:COLUMN: Parse error: problem". */
static void
set_parser_error (GError     **error,
                  const char  *message,
                  guint       *line,
                  guint       *column)
{
  guint parsed_line = 0, parsed_column = 0;
  int consumed = 0;

  if (sscanf (message, "<data>:%u:%u: %n", &parsed_line, &parsed_column, &consumed) == 2 && consumed > 0)
    {
      message += consumed;
      if (g_str_has_prefix (message, "Parse error: "))
        message += strlen ("Parse error: ");
    }

  if (line != NULL)
    *line = parsed_line;
  if (column != NULL)
    *column = parsed_column;
  g_set_error_literal (error, RC_JSON_ERROR, RC_JSON_ERROR_SYNTAX, message);
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
  gssize too_deep;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (line != NULL)
    *line = 0;
  if (column != NULL)
    *column = 0;

  if (data == NULL)
    data = "";

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      rc_offset_to_position (data, invalid - data, line, column);
      g_set_error_literal (error, RC_JSON_ERROR, RC_JSON_ERROR_ENCODING,
                           _("it holds a byte that is not UTF-8"));
      return NULL;
    }

  if ((too_deep = find_too_deep (data, length, RC_JSON_MAX_DEPTH)) >= 0)
    {
      rc_offset_to_position (data, too_deep, line, column);
      g_set_error (error, RC_JSON_ERROR, RC_JSON_ERROR_TOO_DEEP,
                   _("it nests deeper than %u levels"), RC_JSON_MAX_DEPTH);
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
