/* fuzz-body.c: libFuzzer target for the body formatter (rc-body.c)
 *
 * The input is a response as the Test tab gets it: a first line with the
 * Content-Type (empty for none), a second with the method's URL, then the
 * body. It is made readable (rc_body_format()) with the default limit and
 * with a small one, counted in lines, and named for saving, as the Test
 * tab and the inspector do. The text must be UTF-8, no longer than the
 * limit, and, when pretty-printed whole, the same JSON tokens as the body;
 * text shown as received must be the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rc-fuzz.h"
#include "restcall-core.h"

/* @json without the white space between its tokens (and a byte order
 * mark), to compare two spellings of the same JSON. */
static GString *
squeeze_json (const char *json,
              gsize       length)
{
  GString *tokens = g_string_sized_new (length);
  gboolean in_string = FALSE;

  if (length >= 3 && memcmp (json, "\xEF\xBB\xBF", 3) == 0)
    {
      json += 3;
      length -= 3;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = json[i];

      if (in_string)
        {
          g_string_append_c (tokens, c);
          if (c == '\\' && i + 1 < length)
            g_string_append_c (tokens, json[++i]);
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        {
          g_string_append_c (tokens, c);
          in_string = TRUE;
        }
      else if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        g_string_append_c (tokens, c);
    }

  return tokens;
}

static void
check_format (GBytes     *body,
              const char *content_type,
              gsize       limit)
{
  g_autoptr(RcBody) formatted = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);
  const char *text;
  gsize length;
  g_autofree char *lower_type = content_type ? g_ascii_strdown (content_type, -1) : NULL;
  /* A charset may have been converted from: the text is not the body. */
  gboolean converted = lower_type && strstr (lower_type, "charset") != NULL;

  formatted = rc_body_format (body, content_type, limit, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (RC_IS_BODY (formatted));

  text = rc_body_get_text (formatted);
  length = rc_body_get_length (formatted);
  rc_fuzz_check_text ("the formatted body", text, length);
  g_assert_cmpuint (strlen (text), ==, length);
  g_assert_cmpuint (rc_body_get_size (formatted), ==, size);
  if (length > (limit ? limit : RC_BODY_DEFAULT_LIMIT))
    {
      g_printerr ("a formatted body of %" G_GSIZE_FORMAT
                  " bytes is longer than its limit, %" G_GSIZE_FORMAT "\n",
                  length, limit);
      abort ();
    }

  if (rc_body_get_truncated (formatted) || converted)
    return;

  if (rc_body_get_reformatted (formatted))
    {
      g_autoptr(GString) before = squeeze_json (data, size);
      g_autoptr(GString) after = squeeze_json (text, length);

      if (!g_string_equal (before, after))
        {
          g_printerr ("pretty-printing changed the JSON:\n%s\n---\n%s\n", before->str, after->str);
          abort ();
        }
    }
  else if (!rc_body_get_binary (formatted)
           && (length != size || (size > 0 && memcmp (text, data, size) != 0)))
    {
      g_printerr ("a body shown as received is not the body\n");
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *content_type = rc_fuzz_take_line (&data, &size);
  g_autofree char *url = rc_fuzz_take_line (&data, &size);
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(RcBody) formatted = NULL;
  g_autofree char *file_name = NULL;
  const char *type = content_type[0] ? content_type : NULL;
  guint lines;
  guint columns = size % 100;

  check_format (body, type, 0);
  check_format (body, type, 1 + size / 3);

  formatted = rc_body_format (body, type, 0, NULL, NULL);
  lines = rc_body_count_lines (rc_body_get_text (formatted), rc_body_get_length (formatted),
                               columns, 1000);
  g_assert_cmpuint (lines, >=, 1);
  g_assert_cmpuint (lines, <=, 1000);
  g_assert_cmpuint (rc_body_count_lines (rc_body_get_text (formatted), -1, columns, 1000), ==,
                    lines);

  file_name = rc_body_guess_file_name (url[0] ? url : NULL, type, (const char *) data, size);
  rc_fuzz_check_text ("the file name", file_name, -1);
  g_assert_true (file_name[0] != '\0' && file_name[0] != '.');
  g_assert_null (strchr (file_name, '/'));

  return 0;
}
