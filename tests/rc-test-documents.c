/* rc-test-documents.c: large and hostile documents, built for tests and benchmarks
 *
 * A test asserts what the app makes of them; a benchmark in bench/ times
 * the same documents against its goal, so both speak of one thing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include "rc-test-documents.h"

/* About @size bytes of JSON on one line: an object holding a long list of
 * small objects, as a large list endpoint answers. */
GBytes *
rc_test_big_json_body (gsize size)
{
  GString *json = g_string_sized_new (size + 256);

  g_string_append (json, "{\"items\":[");
  for (guint i = 0; json->len < size; i++)
    g_string_append_printf (
      json, "%s{\"id\":%u,\"name\":\"item %u\",\"price\":%u.5,\"tags\":[\"a\",\"b\"]}",
      i ? "," : "", i, i, i % 1000);
  g_string_append (json, "]}");

  return g_string_free_to_bytes (json);
}

/* An OpenAPI document with @n_operations operations (two parameters each,
 * a tag for every hundred), written to a temporary file; delete it after. */
GFile *
rc_test_write_big_openapi (guint n_operations)
{
  g_autoptr(GString) text =
    g_string_new ("{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Big\", \"version\": \"1\"}, "
                  "\"servers\": [{\"url\": \"https://big.example.com\"}], \"paths\": {");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd;

  for (guint i = 0; i < n_operations; i++)
    g_string_append_printf (
      text,
      "%s\"/things%u/{id}\": {\"get\": {\"operationId\": \"getThing%u\", "
      "\"summary\": \"Gets thing number %u\", \"tags\": [\"group%u\"], "
      "\"parameters\": [{\"name\": \"id\", \"in\": \"path\", \"required\": true, "
      "\"schema\": {\"type\": \"string\"}}, {\"name\": \"q\", \"in\": \"query\", "
      "\"required\": true, \"schema\": {\"type\": \"string\"}}], "
      "\"responses\": {\"200\": {\"description\": \"The thing\"}}}}",
      i ? ", " : "", i, i, i, i / 100);
  g_string_append (text, "}}");

  fd = g_file_open_tmp ("restcall-big-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* YAML whose aliases, each level ten of the one before, expand to 10^20
 * nodes. */
GBytes *
rc_test_yaml_alias_bomb (void)
{
  GString *text = g_string_new ("a: &a [x, x, x, x, x, x, x, x, x, x]\n");

  for (char c = 'b'; c <= 'u'; c++)
    g_string_append_printf (text, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n", c,
                            c, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1,
                            c - 1);

  return g_string_free_to_bytes (text);
}

/* An OpenAPI document whose @n_operations operations all have the
 * operationId "same". */
GBytes *
rc_test_openapi_same_ids (guint n_operations)
{
  GString *text = g_string_new ("{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", "
                                "\"version\": \"1\"}, \"paths\": {");

  for (guint i = 0; i < n_operations; i++)
    g_string_append_printf (text, "%s\"/p%u\": {\"get\": {\"operationId\": \"same\"}}",
                            i ? ", " : "", i);
  g_string_append (text, "}}");

  return g_string_free_to_bytes (text);
}

/* An OpenAPI document whose $refs multiply parameters: first a path with
 * 1,000 parameters whose operation overrides them all and adds 1,000;
 * then one path item with 1,000 parameters and eight operations,
 * referenced from 130 paths: 1,042,000 parameters in all. */
GBytes *
rc_test_openapi_many_params (void)
{
  GString *text = g_string_new ("{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", "
                                "\"version\": \"1\"}, \"x-item\": {\"parameters\": [");
  const char *const verbs[] = {
    "get", "put", "post", "delete", "options", "head", "patch", "trace"
  };

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "%s{\"name\": \"p%u\", \"in\": \"query\"}", i ? ", " : "", i);
  g_string_append (text, "]");
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    g_string_append_printf (text, ", \"%s\": {}", verbs[i]);
  g_string_append (text, "}, \"paths\": {\"/first\": {\"parameters\": [");
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "%s{\"name\": \"p%u\", \"in\": \"query\"}", i ? ", " : "", i);
  g_string_append (text, "], \"get\": {\"parameters\": [");
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "%s{\"name\": \"p%u\", \"in\": \"query\", \"required\": true}",
                            i ? ", " : "", i);
  g_string_append (text, "]}}");
  for (guint i = 0; i < 130; i++)
    g_string_append_printf (text, ", \"/p%u\": {\"$ref\": \"#/x-item\"}", i);
  g_string_append (text, "}}");

  return g_string_free_to_bytes (text);
}
