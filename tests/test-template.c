/* test-template.c: {{name}} references filled in with variables' values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "restcall-core.h"

/* The value after @name in a NULL-terminated list of names and values. */
static const char *
lookup_cb (const char *name,
           gpointer    user_data)
{
  const char * const *variables = user_data;

  for (guint i = 0; variables[i] != NULL; i += 2)
    {
      if (g_str_equal (variables[i], name))
        return variables[i + 1];
    }

  return NULL;
}

/* Every name is defined, as its name in capitals. */
static const char *
upper_cb (const char *name,
          gpointer    user_data)
{
  GHashTable *values = user_data;
  char *value = g_hash_table_lookup (values, name);

  if (value == NULL)
    {
      value = g_ascii_strup (name, -1);
      g_hash_table_insert (values, g_strdup (name), value);
    }

  return value;
}

static char *
expand_upper (const char *text)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  char *expanded = rc_template_expand (text, upper_cb, values, &error);

  g_assert_no_error (error);
  return expanded;
}

typedef struct {
  const char *text;
  const char *expected;
} Case;

/* Checks that each case's text, filled in by expand_upper(), is what it
 * expects. */
static void
check_cases (const Case *cases,
             gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *expanded = expand_upper (cases[i].text);

      g_test_message ("%s → %s", cases[i].text, expanded);
      g_assert_cmpstr (expanded, ==, cases[i].expected);
    }
}

/* Checks that @text fails with @code, @message and @name. */
static void
check_error (const char         *text,
             const char * const *variables,
             RcTemplateError     code,
             const char         *message,
             const char         *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expanded = rc_template_expand (text, lookup_cb, (gpointer) variables, &error);

  g_test_message ("%s → %s", text, error ? error->message : expanded);
  g_assert_error (error, RC_TEMPLATE_ERROR, (int) code);
  g_assert_null (expanded);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpstr (rc_template_error_get_name (error), ==, name);
}

static void
test_plain (void)
{
  const char *none[] = { NULL };
  const char *texts[] = {
    "",
    "https://api.example.com/v1/pets/{petId}?q={query}",
    "{ } {} }} }}} { { {a} {a}}",
    "{\"a\": {\"b\": [1, {}]}}",
    "Grüße, 東京 🎉",
    "C:\\path\\{name}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expanded = rc_template_expand (texts[i], lookup_cb, none, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (expanded, ==, texts[i]);
      g_assert_true (expanded != texts[i]);
      g_assert_false (rc_template_has_references (texts[i]));
    }
}

static void
test_references (void)
{
  Case cases[] = {
    { "{{a}}", "A" },
    { "x{{a}}y", "xAy" },
    { "{{a}}{{b}}", "AB" },
    { "{{a}}/{{a}}", "A/A" },
    /* Blanks inside the braces are not part of the name. */
    { "{{ a }}", "A" },
    { "{{a  }}|{{   a}}", "A|A" },
    { "{{\ta\t}}", "A" },
    /* Every character a name can hold. */
    { "{{_}}", "_" },
    { "{{Tenant_ID-2.v}}", "TENANT_ID-2.V" },
    { "{{a.b}}", "A.B" },
    /* UTF-8 around references passes through. */
    { "é{{a}}😀{{b}}ß", "éA😀Bß" },
    /* A method URL: {param}s are left for later. */
    { "https://{{host}}/pets/{petId}?q={ {{q}} }", "https://HOST/pets/{petId}?q={ Q }" },
    /* The reference in three braces is the inner one. */
    { "{{{a}}}", "{A}" },
    { "{{{{a}}}}", "{{A}}" },
    { "{{{ a }}", "{A" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_true (rc_template_has_references (cases[i].text));
}

static void
test_literal_braces (void)
{
  const char *texts[] = {
    "{{}}",
    "{{ }}",
    "{{  }}|{{\t}}",
    "{{1}}",
    "{{-a}}",
    "{{.Name}}",
    "{{#if ok}}yes{{/if}}",
    "{{> partial}}",
    "{{\"a\": 1}}",
    "{{\n  \"a\": 1\n}}",
    "[{{\"id\": 1}, {\"id\": 2}}]",
    "{\"a\":{{\"b\":{{}}}}}",
    "{{é}}",
    "{{😀}}",
    "abc{{",
    "abc{{ ",
    "{{{",
    "}}{{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *expanded = expand_upper (texts[i]);

      g_test_message ("%s", texts[i]);
      g_assert_cmpstr (expanded, ==, texts[i]);
      g_assert_false (rc_template_has_references (texts[i]));
    }
}

static void
test_json_body (void)
{
  const char *variables[] = { "tenant", "acme", "count", "3", NULL };
  const char *body = "{\n"
                     "  \"tenant\": \"{{tenant}}\",\n"
                     "  \"count\": {{ count }},\n"
                     "  \"template\": \"{{\\\"x\\\"}}\",\n"
                     "  \"nested\": {{\"a\": {}}},\n"
                     "  \"handlebars\": \"\\{{user}}\"\n"
                     "}";
  const char *expected = "{\n"
                         "  \"tenant\": \"acme\",\n"
                         "  \"count\": 3,\n"
                         "  \"template\": \"{{\\\"x\\\"}}\",\n"
                         "  \"nested\": {{\"a\": {}}},\n"
                         "  \"handlebars\": \"{{user}}\"\n"
                         "}";
  g_autoptr(GError) error = NULL;
  g_autofree char *expanded = rc_template_expand (body, lookup_cb, variables, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (expanded, ==, expected);
}

static void
test_escapes (void)
{
  Case cases[] = {
    { "\\{{a}}", "{{a}}" },
    { "\\{{", "{{" },
    { "x\\{{y", "x{{y" },
    /* Escaped, an unclosed reference is text. */
    { "\\{{a", "{{a" },
    { "\\{{ a b", "{{ a b" },
    /* Next to references. */
    { "\\{{a}}{{a}}", "{{a}}A" },
    { "{{a}}\\{{a}}", "A{{a}}" },
    { "{{a}}\\{{{a}}}", "A{{{a}}}" },
    { "\\{{{{a}}", "{{A" },
    { "{\\{{a}}", "{{{a}}" },
    /* A backslash anywhere else is text. */
    { "\\\\{{a}}", "\\{{a}}" },
    { "a\\b\\", "a\\b\\" },
    { "\\{a}", "\\{a}" },
    { "\\}}", "\\}}" },
    { "\\{ {a}}", "\\{ {a}}" },
    { "{{a}}\\", "A\\" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
  g_assert_false (rc_template_has_references ("\\{{a}}"));
  g_assert_true (rc_template_has_references ("\\{{a}}{{b}}"));
}

static void
test_syntax (void)
{
  const char *none[] = { NULL };
  g_autofree char *long_name = g_strnfill (65, 'n');
  g_autofree char *too_long = g_strdup_printf ("{{%s}}", long_name);
  g_autofree char *too_long_message =
    g_strdup_printf ("A variable’s name has at most 64 characters: {{%.64s… is longer.", long_name);

  check_error ("{{tenant", none, RC_TEMPLATE_ERROR_SYNTAX,
               "{{tenant is not closed: write {{tenant}}, or \\{{ for two literal braces.", NULL);
  check_error ("/t/{{tenant}/x", none, RC_TEMPLATE_ERROR_SYNTAX,
               "{{tenant is not closed: write {{tenant}}, or \\{{ for two literal braces.", NULL);
  check_error ("{{ tenant  x}}", none, RC_TEMPLATE_ERROR_SYNTAX,
               "{{tenant is not closed: write {{tenant}}, or \\{{ for two literal braces.", NULL);
  check_error ("{{tenant/x}}", none, RC_TEMPLATE_ERROR_SYNTAX,
               "{{tenant is not closed: write {{tenant}}, or \\{{ for two literal braces.", NULL);
  check_error ("{{a} }", none, RC_TEMPLATE_ERROR_SYNTAX, NULL, NULL);
  check_error ("{{a\n}}", none, RC_TEMPLATE_ERROR_SYNTAX, NULL, NULL);
  check_error ("{{a é}}", none, RC_TEMPLATE_ERROR_SYNTAX, NULL, NULL);
  /* The first error stops the rest: nothing is looked up after it. */
  check_error ("{{a {{b}}", none, RC_TEMPLATE_ERROR_SYNTAX,
               "{{a is not closed: write {{a}}, or \\{{ for two literal braces.", NULL);
  check_error (too_long, none, RC_TEMPLATE_ERROR_SYNTAX, too_long_message, NULL);

  /* In a value, the message says which. */
  {
    const char *variables[] = { "v", too_long, NULL };
    g_autofree char *message =
      g_strdup_printf ("The value of {{v}} has a name longer than 64 characters: {{%.64s…",
                       long_name);

    check_error ("{{v}}", variables, RC_TEMPLATE_ERROR_SYNTAX, message, "v");
  }
}

static void
test_name_length (void)
{
  g_autofree char *name = g_strnfill (64, 'n');
  g_autofree char *text = g_strdup_printf ("<{{%s}}>", name);
  g_autofree char *expanded = expand_upper (text);
  g_autofree char *upper = g_ascii_strup (name, -1);
  g_autofree char *expected = g_strdup_printf ("<%s>", upper);

  g_assert_cmpstr (expanded, ==, expected);
}

static void
test_values (void)
{
  const char *variables[] = {
    "base", "https://{{host}}/v1",
    "host", "{{ region }}.example.com",
    "region", "eu",
    "literal", "\\{{not-a-reference}} {{region}}",
    "empty", "",
    "utf8", "Grüße {{region}} 東京",
    /* b and c both use d: no cycle. */
    "a", "{{b}}+{{c}}",
    "b", "[{{d}}]",
    "c", "({{d}})",
    "d", "D",
    "braces", "{{\"x\": {{region}}}}",
    NULL
  };
  struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "{{base}}/pets", "https://eu.example.com/v1/pets" },
    { "{{literal}}", "{{not-a-reference}} eu" },
    { "<{{empty}}>", "<>" },
    { "{{utf8}}", "Grüße eu 東京" },
    { "{{a}}|{{a}}", "[D]+(D)|[D]+(D)" },
    { "{{braces}}", "{{\"x\": eu}}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expanded = rc_template_expand (cases[i].text, lookup_cb, variables, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (expanded, ==, cases[i].expected);
    }

  /* A value's own errors name the variable it belongs to. */
  {
    const char *broken[] = { "host", "{{region.example.com", "base", "https://{{host}}/", NULL };

    check_error ("{{base}}", broken, RC_TEMPLATE_ERROR_SYNTAX,
                 "{{region.example.com in the value of {{host}} is not closed: write "
                 "{{region.example.com}}, or \\{{ for two literal braces.",
                 "host");
  }
}

static void
test_undefined (void)
{
  const char *variables[] = { "host", "{{region}}.example.com", "a", "A", NULL };

  check_error ("https://{{a}}/{{tenant}}/x", variables, RC_TEMPLATE_ERROR_UNDEFINED,
               "{{tenant}} is not defined.", "tenant");
  check_error ("{{ tenant }}", variables, RC_TEMPLATE_ERROR_UNDEFINED,
               "{{tenant}} is not defined.", "tenant");
  check_error ("https://{{host}}/", variables, RC_TEMPLATE_ERROR_UNDEFINED,
               "{{region}} is not defined.", "region");
  /* Names are compared byte for byte. */
  check_error ("{{A}}", variables, RC_TEMPLATE_ERROR_UNDEFINED, "{{A}} is not defined.", "A");
}

static void
test_cycles (void)
{
  const char *self[] = { "a", "x{{a}}", NULL };
  const char *two[] = { "a", "{{b}}", "b", "{{a}}", NULL };
  const char *three[] = { "a", "1{{b}}", "b", "2{{c}}", "c", "3{{ a }}", NULL };
  const char *entered[] = { "x", "{{a}}", "a", "{{b}}", "b", "{{a}}", NULL };

  check_error ("{{a}}", self, RC_TEMPLATE_ERROR_CYCLE, "{{a}} refers to itself.", "a");
  check_error ("{{a}}", two, RC_TEMPLATE_ERROR_CYCLE, "{{a}} refers to itself through {{b}}.",
               "a");
  check_error ("{{b}}", two, RC_TEMPLATE_ERROR_CYCLE, "{{b}} refers to itself through {{a}}.",
               "b");
  check_error ("{{a}}", three, RC_TEMPLATE_ERROR_CYCLE,
               "{{a}} refers to itself through {{b}} → {{c}}.", "a");
  /* The variable the cycle is about, not the one that led to it. */
  check_error ("{{x}}", entered, RC_TEMPLATE_ERROR_CYCLE,
               "{{a}} refers to itself through {{b}}.", "a");
}

/* Variables v1 … v@depth, each the next one's reference. */
static char **
dup_chain (guint depth)
{
  GPtrArray *variables = g_ptr_array_new ();

  for (guint i = 1; i <= depth; i++)
    {
      g_ptr_array_add (variables, g_strdup_printf ("v%u", i));
      g_ptr_array_add (variables, i < depth ? g_strdup_printf ("{{v%u}}", i + 1) : g_strdup ("end"));
    }
  g_ptr_array_add (variables, NULL);

  return (char **) g_ptr_array_free (variables, FALSE);
}

static void
test_depth (void)
{
  g_auto(GStrv) deepest = dup_chain (16);
  g_auto(GStrv) too_deep = dup_chain (17);
  g_autoptr(GError) error = NULL;
  g_autofree char *expanded = rc_template_expand ("{{v1}}", lookup_cb, deepest, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (expanded, ==, "end");

  check_error ("{{v1}}", (const char * const *) too_deep, RC_TEMPLATE_ERROR_CYCLE,
               "{{v1}} refers to variables nested more than 16 deep.", "v1");
}

static void
test_too_large (void)
{
  const char *fan_out[] = {
    "a", "{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}",
    "b", "{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}",
    "c", "{{d}}{{d}}{{d}}{{d}}{{d}}{{d}}{{d}}{{d}}{{d}}{{d}}",
    "d", "{{e}}{{e}}{{e}}{{e}}{{e}}{{e}}{{e}}{{e}}{{e}}{{e}}",
    "e", "{{f}}{{f}}{{f}}{{f}}{{f}}{{f}}{{f}}{{f}}{{f}}{{f}}",
    "f", "",
    NULL
  };
  g_autofree char *big = g_strnfill (1024 * 1024, 'b');
  const char *one_mb[] = { "big", big, "small", "s", NULL };
  g_autoptr(GString) many = g_string_new ("{{small}}");
  g_autoptr(GError) error = NULL;
  g_autofree char *expanded = NULL;

  /* Ten times ten… 100,000 references to empty values. */
  check_error ("{{a}}", fan_out, RC_TEMPLATE_ERROR_TOO_LARGE,
               "{{a}} cannot be filled in: values use variables more than 65536 times in all.", "a");

  /* 16 MB more than the text. */
  for (guint i = 0; i < 16; i++)
    g_string_append (many, "{{big}}");
  expanded = rc_template_expand (many->str, lookup_cb, one_mb, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (expanded), ==, 16 * 1024 * 1024 + 1);
  g_clear_pointer (&expanded, g_free);

  g_string_append (many, "{{small}}");
  expanded = rc_template_expand (many->str, lookup_cb, one_mb, &error);
  g_assert_no_error (error);
  g_clear_pointer (&expanded, g_free);

  g_string_append (many, "{{big}}");
  check_error (many->str, one_mb, RC_TEMPLATE_ERROR_TOO_LARGE,
               "{{big}} cannot be filled in: the text would grow past 16 MB.", "big");

  /* A large text on its own is no growth. */
  g_string_truncate (many, 0);
  for (guint i = 0; i < 20; i++)
    g_string_append (many, big);
  g_string_append (many, "{{small}}");
  expanded = rc_template_expand (many->str, lookup_cb, one_mb, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (expanded), ==, 20 * 1024 * 1024 + 1);
}

static void
test_dup_names (void)
{
  struct {
    const char *text;
    const char *expected[5];
  } cases[] = {
    { "{{b}}{{a}}{{ b }}{{c}}{{a}}", { "b", "a", "c", NULL } },
    { "https://{{host}}/pets/{petId}", { "host", NULL } },
    /* Escaped, unclosed or literal braces are no reference. */
    { "\\{{a}} {{b {{c}} {{ }} {{1}} {{{d}}}", { "c", "d", NULL } },
    { "{{Host}}{{host}}", { "Host", "host", NULL } },
    { "no references", { NULL } },
    { "", { NULL } },
    { NULL, { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) names = rc_template_dup_names (cases[i].text);

      g_assert_cmpstrv (names, cases[i].expected);
      g_assert_cmpint (rc_template_has_references (cases[i].text), ==,
                       cases[i].expected[0] != NULL);
    }
}

static void
test_name_is_valid (void)
{
  g_autofree char *longest = g_strnfill (64, 'a');
  g_autofree char *too_long = g_strnfill (65, 'a');
  const char *valid[] = { "a", "Z", "_", "_1", "tenant", "Tenant_ID", "a-b", "a.b", "a.",
                          "x-1.2_3", longest };
  const char *invalid[] = { "", "1a", "-a", ".a", "a b", " a", "a ", "a}", "a{", "é", "aé",
                            "a\\b", "a/b", "a:b", too_long };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *text = g_strdup_printf ("{{%s}}", valid[i]);
      g_auto(GStrv) names = rc_template_dup_names (text);

      g_test_message ("valid: %s", valid[i]);
      g_assert_true (rc_template_name_is_valid (valid[i]));
      /* A valid name makes a reference. */
      g_assert_cmpuint (g_strv_length (names), ==, 1);
      g_assert_cmpstr (names[0], ==, valid[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("invalid: %s", invalid[i]);
      g_assert_false (rc_template_name_is_valid (invalid[i]));
    }

  g_assert_false (rc_template_name_is_valid (NULL));
}

/* Escaped, any text fills in as itself, and a reference after it stays one. */
static void
test_escape (void)
{
  const char *texts[] = { "", "plain", "{{a}}", "{{", "{{{a}}}", "{{{{", "a{{b}}c{{", "\\{{a}}",
                          "\\\\{{", "{ {a}}", "{a}}", "}}{{", "é{{ a }}" };
  const char *variables[] = { "a", "A", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *escaped = rc_template_escape (texts[i]);
      g_autofree char *followed = g_strconcat (escaped, "{{a}}", NULL);
      g_autofree char *wanted = g_strconcat (texts[i], "A", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *expanded = rc_template_expand (escaped, lookup_cb, variables, &error);
      g_autofree char *expanded_followed = NULL;

      g_test_message ("%s → %s", texts[i], escaped);
      g_assert_no_error (error);
      g_assert_cmpstr (expanded, ==, texts[i]);
      g_assert_false (rc_template_has_references (escaped));
      expanded_followed = rc_template_expand (followed, lookup_cb, variables, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (expanded_followed, ==, wanted);
    }
}

static void
test_error_name (void)
{
  const char *variables[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");
  g_autofree char *expanded = rc_template_expand ("{{tenant}}", lookup_cb, variables, &error);

  g_assert_null (expanded);
  copy = g_error_copy (error);
  g_assert_cmpstr (rc_template_error_get_name (copy), ==, "tenant");
  g_assert_null (rc_template_error_get_name (other));
  g_assert_null (rc_template_error_get_name (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/template/plain", test_plain);
  g_test_add_func ("/restcall/template/references", test_references);
  g_test_add_func ("/restcall/template/literal-braces", test_literal_braces);
  g_test_add_func ("/restcall/template/json-body", test_json_body);
  g_test_add_func ("/restcall/template/escapes", test_escapes);
  g_test_add_func ("/restcall/template/syntax", test_syntax);
  g_test_add_func ("/restcall/template/name-length", test_name_length);
  g_test_add_func ("/restcall/template/values", test_values);
  g_test_add_func ("/restcall/template/undefined", test_undefined);
  g_test_add_func ("/restcall/template/cycles", test_cycles);
  g_test_add_func ("/restcall/template/depth", test_depth);
  g_test_add_func ("/restcall/template/too-large", test_too_large);
  g_test_add_func ("/restcall/template/dup-names", test_dup_names);
  g_test_add_func ("/restcall/template/name-is-valid", test_name_is_valid);
  g_test_add_func ("/restcall/template/escape", test_escape);
  g_test_add_func ("/restcall/template/error-name", test_error_name);

  return g_test_run ();
}
