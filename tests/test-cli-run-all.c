/* test-cli-run-all.c: `restcall run PROJECT --all`, run as a CI job would
 *
 * Runs the real `restcall` binary, without a display, against a scripted
 * SoupServer on 127.0.0.1 that is both the authorization server (/token)
 * and the API (/api/…), on a project of three APIs: “Pets” (OAuth 2.0,
 * three methods sharing one token, one answered 404), “Store” (a 200 and
 * a method whose test value is missing) and “Health” (one 200). Checks
 * the text report, --api, --concurrency (the report in project order, one
 * token request), --json, the JUnit file (parsed with GMarkup) and the
 * exit status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "restcall-core.h"
#include "rc-test-cli.h"
#include "rc-test-server.h"

#define ACCESS_TOKEN "tok-abcdefghijklmnopqrstuvwxyz0123456789"
#define CLIENT_ID "example.com"
#define CLIENT_SECRET "s3cret-value"

typedef struct
{
  RcTestServer *server;
  char         *dir;
  char         *path;
} Fixture;

static const char * const secret_env[] = { "RC_TEST_SECRET=" CLIENT_SECRET, NULL };

static void
server_handler (RcTestServer      *server,
                SoupServerMessage *message,
                const char        *path,
                gpointer           user_data)
{
  const char *authorization = soup_message_headers_get_one (
    soup_server_message_get_request_headers (message), "Authorization");

  if (g_str_equal (path, "/token"))
    rc_test_respond_token (message, CLIENT_ID, CLIENT_SECRET, ACCESS_TOKEN);
  else if (g_str_has_prefix (path, "/api/pets"))
    {
      if (g_strcmp0 (authorization, "Bearer " ACCESS_TOKEN) != 0)
        rc_test_respond (message, 401, "text/plain", "wrong token");
      else if (g_str_equal (path, "/api/pets/missing"))
        rc_test_respond (message, 404, "text/plain", "no such pet <&>");
      else
        rc_test_respond (message, 200, "application/json", "{\"pets\": []}");
    }
  else if (g_str_equal (path, "/api/store") || g_str_equal (path, "/api/health"))
    rc_test_respond (message, 200, "application/json", "{}");
  else
    rc_test_respond (message, 500, "text/plain", "unexpected");
}

static RcMethod *
add_method (RcApi      *api,
            const char *name,
            const char *url)
{
  g_autoptr(RcMethod) method = rc_method_new (name);

  rc_method_set_url (method, url);
  rc_api_add_method (api, method);

  return method;
}

/* Pets › list, get, missing <&> (OAuth); Store › inventory, order (no
 * value for {id}); Health › ping. */
static char *
write_project (Fixture *fixture)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) pets = rc_api_new ("Pets");
  g_autoptr(RcApi) store = rc_api_new ("Store");
  g_autoptr(RcApi) health = rc_api_new ("Health");
  g_autofree char *base = rc_test_server_url (fixture->server, "/api");
  g_autofree char *token_url = rc_test_server_url (fixture->server, "/token");
  char *path = g_build_filename (fixture->dir, "shop.restcall", NULL);
  RcAuth *auth = rc_api_get_auth (pets);
  RcMethod *get, *order;

  rc_api_set_base_url (pets, base);
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, CLIENT_ID);
  rc_auth_set_token_url (auth, token_url);
  add_method (pets, "list", "/pets");
  get = add_method (pets, "get", "/pets/{id}");
  rc_pair_list_append (rc_method_get_test_values (get), "id", "7");
  add_method (pets, "missing <&>", "/pets/missing");
  rc_project_add_api (project, pets);

  rc_api_set_base_url (store, base);
  add_method (store, "inventory", "/store");
  order = add_method (store, "order", "/store/orders/{id}");
  rc_pair_list_append (rc_method_get_test_values (order), "id", "");
  rc_project_add_api (project, store);

  rc_api_set_base_url (health, base);
  add_method (health, "ping", "/health");
  rc_project_add_api (project, health);

  rc_test_save_project (project, path);

  return path;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = server_handler;
  fixture->server->handler_data = fixture;
  fixture->dir = rc_test_make_dir ("restcall-cli-run-all-XXXXXX");
  fixture->path = write_project (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  rc_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->server, rc_test_server_free);
}

/* The report's lines, without their run of spaces, one per method and
 * the summary. */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("  +", 0, 0, NULL);
  g_autoptr(GRegex) times = g_regex_new ("[0-9]+(\\.[0-9])? ms", 0, 0, NULL);
  g_autofree char *squeezed = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

  return g_regex_replace_literal (times, squeezed, -1, 0, "N ms", 0, NULL);
}

#define REPORT_LINES \
  "PASS Pets › list 200 OK N ms\n" \
  "PASS Pets › get 200 OK N ms\n" \
  "FAIL Pets › missing <&> 404 Not Found N ms http-4xx\n" \
  "PASS Store › inventory 200 OK N ms\n" \
  "FAIL Store › order — N ms file\n" \
  "PASS Health › ping 200 OK N ms\n"

static void
assert_full_report (Fixture   *fixture,
                    RcTestRun *run)
{
  g_autofree char *report = squeeze (run->out);

  g_test_message ("stdout:\n%s\nstderr:\n%s", run->out, run->err);

  /* The most frequent failure, of those as frequent the first in the
   * project's order: http-4xx. */
  g_assert_cmpint (run->status, ==, 10);
  g_assert_true (g_str_has_prefix (report, REPORT_LINES));
  g_assert_nonnull (strstr (report, "6 methods in N ms: 4 passed, 2 failed (http-4xx ×1, file ×1); "
                                    "1 token request.\n"));
  g_assert_nonnull (strstr (run->err, "Pets › missing <&>: GET "));
  g_assert_nonnull (strstr (run->err, "answered HTTP 404 Not Found."));
  g_assert_nonnull (strstr (run->err, "Store › order: The URL parameter “id” of the method “order” "
                                      "has no value. Give it a test value with “restcall method "
                                      "set "));
  g_assert_nonnull (strstr (run->err, "--test-value id=VALUE"));
  rc_test_assert_lacks (run->out, CLIENT_SECRET, ACCESS_TOKEN, NULL);
  rc_test_assert_lacks (run->err, CLIENT_SECRET, ACCESS_TOKEN, NULL);

  /* One token for the three methods of Pets; the method without a value
   * was never sent. */
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token"), ==, 1);
  g_assert_cmpuint (fixture->server->requests->len, ==, 6);
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall (&run, NULL, secret_env, "run", fixture->path, "--all", "--secret-env",
                        "RC_TEST_SECRET");
  assert_full_report (fixture, &run);
}

/* Three at once: the same report, in the project's order, and still one
 * token request. */
static void
test_concurrency (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall (&run, NULL, secret_env, "run", fixture->path, "--all", "--concurrency",
                        "3", "--secret-env", "RC_TEST_SECRET");
  assert_full_report (fixture, &run);
}

static void
test_api (Fixture       *fixture,
          gconstpointer  data)
{
  g_auto(RcTestRun) store = { 0 };
  g_auto(RcTestRun) health = { 0 };
  g_auto(RcTestRun) unknown = { 0 };
  g_auto(RcTestRun) usage = { 0 };
  g_autofree char *report = NULL;

  /* No secret needed, none given. */
  rc_test_run_restcall (&store, NULL, NULL, "run", fixture->path, "--all", "--api", "Store");
  g_assert_cmpint (store.status, ==, 3);
  report = squeeze (store.out);
  g_assert_cmpstr (report, ==,
                   "PASS Store › inventory 200 OK N ms\n"
                   "FAIL Store › order — N ms file\n"
                   "2 methods in N ms: 1 passed, 1 failed (file ×1).\n");

  rc_test_run_restcall (&health, NULL, NULL, "run", fixture->path, "--all", "--api", "Health");
  g_assert_cmpint (health.status, ==, 0);
  g_assert_cmpstr (health.err, ==, "");
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token"), ==, 0);

  rc_test_run_restcall (&unknown, NULL, NULL, "run", fixture->path, "--all", "--api", "Petz");
  g_assert_cmpint (unknown.status, ==, 3);
  g_assert_nonnull (strstr (unknown.err, "no API “Petz”"));

  /* --all names no API and method, and --api goes with --all. */
  rc_test_run_restcall (&usage, NULL, NULL, "run", fixture->path, "Pets", "list", "--all");
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_cmpuint (fixture->server->requests->len, ==, 2);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  const char *names[][2] = { { "Pets", "list" }, { "Pets", "get" }, { "Pets", "missing <&>" },
                             { "Store", "inventory" }, { "Store", "order" },
                             { "Health", "ping" } };
  const char *codes[] = { NULL, NULL, "http-4xx", NULL, "file", NULL };
  JsonObject *object, *summary, *failure_codes;
  JsonArray *results;

  rc_test_run_restcall (&run, NULL, secret_env, "run", fixture->path, "--all", "--json",
                        "--concurrency", "2", "--secret-env", "RC_TEST_SECRET");
  g_assert_cmpint (run.status, ==, 10);
  rc_test_assert_lacks (run.out, CLIENT_SECRET, ACCESS_TOKEN, NULL);

  root = rc_test_parse_json (run.out);
  object = json_node_get_object (root);
  results = json_object_get_array_member (object, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonObject *call = json_array_get_object_element (results, i);

      g_assert_cmpstr (json_object_get_string_member (call, "api"), ==, names[i][0]);
      g_assert_cmpstr (json_object_get_string_member (call, "method_name"), ==, names[i][1]);
      g_assert_true (json_object_has_member (call, "status"));
      g_assert_true (json_object_has_member (call, "timings"));
      if (codes[i])
        g_assert_cmpstr (json_object_get_string_member (
                           json_object_get_object_member (call, "error"), "code"), ==, codes[i]);
      else
        g_assert_true (json_object_get_null_member (call, "error"));
    }
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (results, 2),
                                               "status"), ==, 404);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 4),
                                                  "method"), ==, "GET");

  summary = json_object_get_object_member (object, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "calls"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (summary, "successes"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (summary, "failures"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "token_requests"), ==, 1);
  failure_codes = json_object_get_object_member (summary, "failure_codes");
  g_assert_cmpuint (json_object_get_size (failure_codes), ==, 2);
  g_assert_cmpint (json_object_get_int_member (failure_codes, "http-4xx"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (failure_codes, "file"), ==, 1);
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token"), ==, 1);
}

/* What the JUnit file holds, as a CI system reads it. */
typedef struct
{
  GString *trail;       /* "suite(name,tests,failures)" "case(class,name)" "failure(type)" */
  GString *text;        /* every text and attribute value */
  char    *last_message;
} JUnit;

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *name)
{
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], name))
      return values[i];

  return NULL;
}

static void
junit_start (GMarkupParseContext *context,
             const char          *element,
             const char         **names,
             const char         **values,
             gpointer             user_data,
             GError             **error)
{
  JUnit *junit = user_data;

  for (guint i = 0; values[i]; i++)
    g_string_append_printf (junit->text, "%s\n", values[i]);

  if (g_str_equal (element, "testsuites"))
    g_string_append_printf (junit->trail, "all(%s,%s) ", find_attribute (names, values, "tests"),
                            find_attribute (names, values, "failures"));
  else if (g_str_equal (element, "testsuite"))
    g_string_append_printf (junit->trail, "suite(%s,%s,%s) ",
                            find_attribute (names, values, "name"),
                            find_attribute (names, values, "tests"),
                            find_attribute (names, values, "failures"));
  else if (g_str_equal (element, "testcase"))
    {
      const char *time = find_attribute (names, values, "time");
      char *end = NULL;

      g_assert_nonnull (time);
      g_assert_cmpfloat (g_ascii_strtod (time, &end), >=, 0);
      g_assert_cmpstr (end, ==, "");
      g_string_append_printf (junit->trail, "case(%s,%s) ",
                              find_attribute (names, values, "classname"),
                              find_attribute (names, values, "name"));
    }
  else if (g_str_equal (element, "failure"))
    {
      g_string_append_printf (junit->trail, "failure(%s) ",
                              find_attribute (names, values, "type"));
      g_free (junit->last_message);
      junit->last_message = g_strdup (find_attribute (names, values, "message"));
    }
  else if (g_str_equal (element, "system-out"))
    g_string_append (junit->trail, "out ");
}

static void
junit_text (GMarkupParseContext *context,
            const char          *text,
            gsize                length,
            gpointer             user_data,
            GError             **error)
{
  JUnit *junit = user_data;

  g_string_append_len (junit->text, text, length);
}

static void
test_junit (Fixture       *fixture,
            gconstpointer  data)
{
  static const GMarkupParser parser = { junit_start, NULL, junit_text, NULL, NULL };
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) nowhere = { 0 };
  g_autofree char *junit_path = g_build_filename (fixture->dir, "report.xml", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "no", "report.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  JUnit junit = { g_string_new (NULL), g_string_new (NULL), NULL };

  rc_test_run_restcall (&run, NULL, secret_env, "run", fixture->path, "--all", "--junit",
                        junit_path, "--secret-env", "RC_TEST_SECRET");
  assert_full_report (fixture, &run);

  g_assert_true (g_file_get_contents (junit_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  rc_test_assert_lacks (contents, CLIENT_SECRET, ACCESS_TOKEN, NULL);

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &junit, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (junit.trail->str, ==,
                   "all(6,2) "
                   "suite(Pets,3,1) case(Pets,list) out case(Pets,get) out "
                   "case(Pets,missing <&>) failure(http-4xx) out "
                   "suite(Store,2,1) case(Store,inventory) out case(Store,order) failure(file) "
                   "suite(Health,1,0) case(Health,ping) out ");
  g_assert_nonnull (strstr (junit.text->str, "HTTP 404 Not Found"));
  g_assert_true (g_str_has_prefix (junit.last_message,
                                   "The URL parameter “id” of the method “order” has no value."));
  rc_test_assert_lacks (junit.text->str, CLIENT_SECRET, ACCESS_TOKEN, NULL);

  /* A file that cannot be written: the calls are made, and the exit
   * status says what failed. */
  rc_test_run_restcall (&nowhere, NULL, NULL, "run", fixture->path, "--all", "--api", "Health",
                        "--junit", bad_path);
  g_assert_cmpint (nowhere.status, ==, 3);
  g_assert_nonnull (strstr (nowhere.err, bad_path));

  g_string_free (junit.trail, TRUE);
  g_string_free (junit.text, TRUE);
  g_free (junit.last_message);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/restcall/cli-run-all/" name, Fixture, NULL, fixture_setup, func, \
              fixture_teardown)
  ADD ("text", test_text);
  ADD ("concurrency", test_concurrency);
  ADD ("api", test_api);
  ADD ("json", test_json);
  ADD ("junit", test_junit);
#undef ADD

  return g_test_run ();
}
