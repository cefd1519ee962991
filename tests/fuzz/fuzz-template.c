/* fuzz-template.c: libFuzzer target for {{variable}} references (rc-template.c)
 *
 * The input is a text on its first line, then variables, one “name=value”
 * a line, as an environment would give them. The text is filled in
 * (rc_template_expand()) twice:
 *
 * - with every name defined as “0”: it either fails with a syntax error or
 *   gives a text without references, unless the input has a backslash
 *   (“\{{a}}” is meant to give “{{a}}”). The value is one that cannot
 *   start a name, since a value is not read again: “{{{{a}}b}}” gives
 *   “{{xb}}” when a is “x”, as it should;
 * - with the input's variables, where cycles, undefined names, deep
 *   nesting and broken values are found: any error is an
 *   %RC_TEMPLATE_ERROR with a UTF-8 message and, when it is about a
 *   variable, that variable's valid name.
 *
 * The names it lists (rc_template_dup_names()) must be valid, each once,
 * and there must be some exactly when rc_template_has_references() says
 * so. A text and values in UTF-8 must give UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rc-fuzz.h"
#include "restcall-core.h"

static const char *
zero_cb (const char *name,
         gpointer    user_data)
{
  return "0";
}

static const char *
lookup_cb (const char *name,
           gpointer    user_data)
{
  return g_hash_table_lookup (user_data, name);
}

static void
check_names (const char *text)
{
  g_auto(GStrv) names = rc_template_dup_names (text);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!rc_template_name_is_valid (names[i]))
        {
          g_printerr ("the name “%s” of “%s” is not valid\n", names[i], text);
          abort ();
        }
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (names[j], !=, names[i]);
    }

  g_assert_cmpint (rc_template_has_references (text), ==, names[0] != NULL);
}

static void
check_error (const GError *error)
{
  const char *name = rc_template_error_get_name (error);

  g_assert_true (error != NULL && error->domain == RC_TEMPLATE_ERROR);
  rc_fuzz_check_text ("the error message", error->message, -1);
  if (error->code == RC_TEMPLATE_ERROR_SYNTAX && name == NULL)
    return;

  if (name == NULL || !rc_template_name_is_valid (name))
    {
      g_printerr ("the error “%s” is about no valid name: “%s”\n", error->message,
                  name ? name : "(null)");
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GHashTable) variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *text = rc_fuzz_take_line (&data, &size);
  gboolean utf8 = g_utf8_validate (text, -1, NULL);
  g_autofree char *zeroed = NULL;
  g_autofree char *expanded = NULL;
  g_autoptr(GError) error = NULL;

  while (size > 0)
    {
      g_autofree char *line = rc_fuzz_take_line (&data, &size);
      char *equals = strchr (line, '=');

      if (equals == NULL)
        continue;
      *equals = '\0';
      utf8 = utf8 && g_utf8_validate (equals + 1, -1, NULL);
      g_hash_table_replace (variables, g_strdup (line), g_strdup (equals + 1));
    }

  check_names (text);

  zeroed = rc_template_expand (text, zero_cb, NULL, &error);
  if (zeroed == NULL)
    {
      check_error (error);
      g_assert_cmpint (error->code, ==, RC_TEMPLATE_ERROR_SYNTAX);
      g_clear_error (&error);
    }
  else if (strchr (text, '\\') == NULL && rc_template_has_references (zeroed))
    {
      g_printerr ("“%s” filled in still has a reference: “%s”\n", text, zeroed);
      abort ();
    }

  expanded = rc_template_expand (text, lookup_cb, variables, &error);
  if (expanded == NULL)
    check_error (error);
  else if (utf8)
    rc_fuzz_check_text ("the text filled in", expanded, -1);

  return 0;
}
