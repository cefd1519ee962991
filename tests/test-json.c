/* test-json.c: the one JSON entry point, its depth limit, and JSON written out
 *
 * rc_json_parse() must refuse text nested deeper than RC_JSON_MAX_DEPTH
 * before json-glib's recursive parser sees it, however the brackets are
 * hidden from a naive scan: after a single-quoted string holding a double
 * quote, after a comment holding one, after escaped quotes. Brackets that
 * really are inside strings or comments do not count. Every error says
 * where (line and column) and what.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "restcall-core.h"

/* @prefix, then @depth opening brackets, then as many closing ones. */
static char *
nest (const char *prefix,
      guint       depth,
      const char *suffix)
{
  GString *text = g_string_new (prefix);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, i % 2 ? '{' : '[');
  for (guint i = depth; i > 0; i--)
    {
      if ((i - 1) % 2)
        g_string_append (text, "\"k\":1}");
      else
        g_string_append_c (text, ']');
    }
  g_string_append (text, suffix);

  return g_string_free (text, FALSE);
}

/* Objects need a member name before a value: nest arrays only. */
static char *
nest_arrays (const char *prefix,
             guint       depth,
             const char *suffix)
{
  GString *text = g_string_new (prefix);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append (text, suffix);

  return g_string_free (text, FALSE);
}

static void
assert_too_deep (const char *text,
                 guint       expected_line)
{
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;
  JsonNode *root = rc_json_parse (text, strlen (text), RC_JSON_DEFAULT, &line, &column, &error);

  g_assert_null (root);
  g_assert_error (error, RC_JSON_ERROR, RC_JSON_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "deeper than 1000 levels"));
  g_assert_cmpuint (line, ==, expected_line);
  g_assert_cmpuint (column, >, 0);
}

static void
test_depth_limit (void)
{
  g_autofree char *at_limit = nest_arrays ("", RC_JSON_MAX_DEPTH, "");
  g_autofree char *past_limit = nest_arrays ("", RC_JSON_MAX_DEPTH + 1, "");
  g_autofree char *objects = nest ("", RC_JSON_MAX_DEPTH + 1, "");
  g_autofree char *huge = nest_arrays ("\n\n", 100000, "");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;

  root = rc_json_parse (at_limit, strlen (at_limit), RC_JSON_IMMUTABLE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  assert_too_deep (past_limit, 1);
  assert_too_deep (objects, 1);

  /* The position is that of the first bracket too many. */
  g_assert_null (rc_json_parse (huge, strlen (huge), RC_JSON_DEFAULT, &line, &column, NULL));
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, RC_JSON_MAX_DEPTH + 1);
}

/* Brackets a naive scan would miss, each followed by nesting too deep. */
static void
test_hidden_nesting (void)
{
  const char *prefixes[] = {
    /* json-glib reads single-quoted strings, without escapes. */
    "{\"a\": '\"', \"b\": ",
    "{\"a\": 'x\\', \"b\": ",
    /* and skips C comments, whatever they hold. */
    "{\"a\": /* \" */ 1, \"b\": ",
    "{\"a\": /* ' */ 1, \"b\": ",
    /* Its comments run from a '/' to the next one: not only C's. */
    "{\"a\": / \" / 1, \"b\": ",
    "{\"a\": // 1, \"b\": /'/",
    /* Escaped quotes do not close a string; an escaped backslash does. */
    "{\"a\": \"\\\"\", \"b\": ",
    "{\"a\": \"\\\\\", \"b\": ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *text = nest_arrays (prefixes[i], 100000, "}");

      g_test_message ("prefix: %s", prefixes[i]);
      assert_too_deep (text, 1);
    }
}

/* Brackets inside strings and comments are text, not nesting. */
static void
test_brackets_in_strings (void)
{
  g_autofree char *brackets = g_strnfill (5000, '[');
  g_autofree char *dq = g_strdup_printf ("{\"a\": \"%s\", \"b\": [1]}", brackets);
  g_autofree char *sq = g_strdup_printf ("{\"a\": '%s\"', \"b\": [1]}", brackets);
  g_autofree char *comment = g_strdup_printf ("{\"a\": /* %s */ [1]}", brackets);
  const char *texts[] = { dq, sq, comment };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = rc_json_parse (texts[i], strlen (texts[i]), RC_JSON_IMMUTABLE,
                                                NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
    }
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;

  /* An empty buffer may have no data at all. */
  g_assert_null (rc_json_parse (NULL, 0, RC_JSON_DEFAULT, &line, &column, &error));
  g_assert_error (error, RC_JSON_ERROR, RC_JSON_ERROR_EMPTY);
  g_assert_cmpuint (line, ==, 0);
  g_clear_error (&error);

  g_assert_null (rc_json_parse (" \n\t", 3, RC_JSON_DEFAULT, NULL, NULL, &error));
  g_assert_error (error, RC_JSON_ERROR, RC_JSON_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_null (rc_json_parse ("{\n  \"a\": \xff}", 12, RC_JSON_DEFAULT, &line, &column, &error));
  g_assert_error (error, RC_JSON_ERROR, RC_JSON_ERROR_ENCODING);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 8);
  g_clear_error (&error);

  /* json-glib's own message, without its "<data>:" prefix. */
  g_assert_null (rc_json_parse ("{\n  \"a\": ,}", 11, RC_JSON_DEFAULT, &line, &column, &error));
  g_assert_error (error, RC_JSON_ERROR, RC_JSON_ERROR_SYNTAX);
  g_assert_cmpuint (line, ==, 2);
  g_assert_false (g_str_has_prefix (error->message, "<data>"));
  g_assert_false (g_str_has_prefix (error->message, "Parse error"));
  g_clear_error (&error);

  /* json-glib quotes a bad string cut after 29 bytes, here within a
   * character: the message is made UTF-8 again. */
  {
    const char *text =
      "{\"a\": \"\u1615\u1615\u1615\u1615\u1615\u1615\u1615\u1615\u1615\u1615x\"]}";

    g_assert_null (rc_json_parse (text, strlen (text), RC_JSON_DEFAULT, NULL, NULL, &error));
    g_assert_error (error, RC_JSON_ERROR, RC_JSON_ERROR_SYNTAX);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_clear_error (&error);
  }

  /* Not nul-terminated: only @length bytes are read. */
  {
    g_autoptr(JsonNode) root = rc_json_parse ("[1]]]]", 3, RC_JSON_IMMUTABLE, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  }
}

/* Only JSON's escapes: json-glib's others made bytes that are not UTF-8
 * ("caf\351" became a raw 0xE9, and the project could not be opened
 * again) or cut a string short (\u0000). */
static void
test_escapes (void)
{
  struct {
    const char *text;
    const char *expected;   /* the string read, or NULL when refused */
    const char *problem;
  } cases[] = {
    { "[\"caf\\u00e9 \\\" \\\\ \\/ \\b\\f\\n\\r\\t\"]", "café \" \\ / \b\f\n\r\t", NULL },
    { "[\"\\ud83d\\ude00\"]", "\xf0\x9f\x98\x80", NULL },
    { "['caf\\351']", "caf\\351", NULL },   /* no escapes in single quotes */
    { "[\"caf\\351\"]", NULL, "“\\3”, which is not a JSON escape" },
    { "[\"\\x41\"]", NULL, "“\\x”, which is not a JSON escape" },
    { "[\"\\'\"]", NULL, "“\\'”, which is not a JSON escape" },
    { "[\"\\udc00\"]", NULL, "half of a UTF-16 surrogate pair" },
    { "[\"\\ud83dx\"]", NULL, "half of a UTF-16 surrogate pair" },
    { "[\"\\ud83d\\u0041\"]", NULL, "half of a UTF-16 surrogate pair" },
    { "[\"a\\u0000b\"]", NULL, "NUL character" },
    { "[\"\\u12\"]", NULL, "four hexadecimal digits" },
    /* In a string that never ends too: json-glib leaks on a bad pair. */
    { "[\"\\ud83d\\ue006", NULL, "half of a UTF-16 surrogate pair" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;
      guint line = 0, column = 0;

      g_test_message ("case %u: %s", i, cases[i].text);
      root = rc_json_parse (cases[i].text, strlen (cases[i].text), RC_JSON_IMMUTABLE, &line,
                            &column, &error);
      if (cases[i].expected != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (json_array_get_string_element (json_node_get_array (root), 0), ==,
                           cases[i].expected);
        }
      else
        {
          g_assert_null (root);
          g_assert_error (error, RC_JSON_ERROR, RC_JSON_ERROR_SYNTAX);
          g_test_message ("%s", error->message);
          g_assert_nonnull (strstr (error->message, cases[i].problem));
          g_assert_cmpuint (line, ==, 1);
          g_assert_cmpuint (column, >, 2);
        }
    }
}

/* One value per text. json-glib 1.6 reads a second object or array after
 * the first ("{}{}", "8[1]"), keeps the first, and leaks the second: a
 * server answering "{…}" followed by megabytes of arrays would leak them
 * on every call. */
static void
test_one_value (void)
{
  const char *refused[] = {
    "{}{}",
    "8{}",
    "[1] [2]",
    "{\"a\": 1}\n{\"b\": 2}",
    "\"s\" []",
    "'s' []",
    "null /* { */ {}",
    "7///*/{}",
  };
  const char *accepted[] = {
    "\xEF\xBB\xBF{}",
    " /* {} [] */ {\"a\": [1, {}]}",
    "[] /* {} */",
    "\n[[], {}]\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;
      guint line = 0, column = 0;

      g_test_message ("refused %u: %s", i, refused[i]);
      root =
        rc_json_parse (refused[i], strlen (refused[i]), RC_JSON_DEFAULT, &line, &column, &error);
      g_assert_null (root);
      g_assert_error (error, RC_JSON_ERROR, RC_JSON_ERROR_SYNTAX);
      g_assert_nonnull (strstr (error->message, "more than one value"));
      g_assert_cmpuint (line, >=, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;

      g_test_message ("accepted %u: %s", i, accepted[i]);
      root = rc_json_parse (accepted[i], strlen (accepted[i]), RC_JSON_DEFAULT, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (root);
    }
}

/* What rc_json_write() writes reads back as JSON, with the same values:
 * json-glib's generator wrote 2e89 as "2e+89.0" and 1e400 as "inf.0",
 * which no reader takes (found by fuzz-jwt). */
static void
test_write_numbers (void)
{
  static const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "[2e89]", "[2e+89]" },
    { "[-1.5E-300]", "[-1.5e-300]" },
    { "[1e400]", "[1e999]" },
    { "[-1e400]", "[-1e999]" },
    { "[0.1]", "[0.1]" },
    { "[3.0]", "[3.0]" },
    { "[12345678901234567]", "[12345678901234567]" },
    { "[1, true, false, null]", "[1,true,false,null]" },
    { "{\"b\":1,\"a\":{\"c\":[]}}", "{\"b\":1,\"a\":{\"c\":[]}}" },
    { "[\"q\\\"b\\\\s\\n\\t\\u0001/é\"]", "[\"q\\\"b\\\\s\\n\\t\\u0001/é\"]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root =
        rc_json_parse (cases[i].in, strlen (cases[i].in), RC_JSON_DEFAULT, NULL, NULL, NULL);
      g_autoptr(JsonNode) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *written = NULL;

      g_assert_nonnull (root);
      written = rc_json_write (root);
      g_test_message ("%s → %s", cases[i].in, written);
      g_assert_cmpstr (written, ==, cases[i].out);
      again = rc_json_parse (written, strlen (written), RC_JSON_DEFAULT, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (json_node_equal (root, again));
    }
}

/* Re-indenting keeps every token as written and checks the grammar. */
static void
test_reindent (void)
{
  const char *text = "{\"n\":2e89,\"s\":\"\\u00e9\",\"a\":[1,{}],\"e\":[]}";
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean truncated = TRUE;

  g_assert_true (rc_json_reindent (text, strlen (text), G_MAXSIZE, out, &truncated, NULL, NULL));
  g_assert_false (truncated);
  g_assert_cmpstr (
    out->str, ==,
    "{\n  \"n\": 2e89,\n  \"s\": \"\\u00e9\",\n  \"a\": [\n    1,\n    {}\n  ],\n  \"e\": []\n}\n");

  g_string_truncate (out, 0);
  g_assert_false (rc_json_reindent ("[1,]", 4, G_MAXSIZE, out, &truncated, NULL, NULL));
}

static char *
mask_secret (const char *name,
             const char *value)
{
  return g_str_equal (name, "secret") ? g_strdup_printf ("<%zu>", strlen (value)) : NULL;
}

/* Masking re-indents as rc_json_reindent() does, and writes a member's
 * string value as the mask function says: its name and value read with
 * their escapes, a value in an array or of another type left as it is. */
static void
test_reindent_masked (void)
{
  const char *text = "{\"secret\":\"ab\\u0063\",\"a\":[\"secret\",{\"s\\u0065cret\":\"xy\"}],"
                     "\"secret\":7,\"n\":{\"secret\":[\"kept\"]},\"k\":\"secret\"}";
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean truncated = TRUE;

  g_assert_true (rc_json_reindent_masked (text, strlen (text), G_MAXSIZE, mask_secret, out,
                                          &truncated, NULL, NULL));
  g_assert_false (truncated);
  g_assert_cmpstr (out->str, ==,
                   "{\n  \"secret\": \"<3>\",\n  \"a\": [\n    \"secret\",\n    {\n"
                   "      \"s\\u0065cret\": \"<2>\"\n    }\n  ],\n  \"secret\": 7,\n"
                   "  \"n\": {\n    \"secret\": [\n      \"kept\"\n    ]\n  },\n"
                   "  \"k\": \"secret\"\n}\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/json/depth-limit", test_depth_limit);
  g_test_add_func ("/restcall/json/hidden-nesting", test_hidden_nesting);
  g_test_add_func ("/restcall/json/brackets-in-strings", test_brackets_in_strings);
  g_test_add_func ("/restcall/json/errors", test_errors);
  g_test_add_func ("/restcall/json/escapes", test_escapes);
  g_test_add_func ("/restcall/json/one-value", test_one_value);
  g_test_add_func ("/restcall/json/write-numbers", test_write_numbers);
  g_test_add_func ("/restcall/json/reindent", test_reindent);
  g_test_add_func ("/restcall/json/reindent-masked", test_reindent_masked);

  return g_test_run ();
}
