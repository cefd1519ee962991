/* test-cli-history.c: `restcall run --save-history` and `restcall history`, run as a user would
 *
 * Runs the real `restcall` binary, without a display, against a scripted
 * SoupServer on 127.0.0.1 that is both the authorization server (/token)
 * and the API (/api/…), with XDG_STATE_HOME in a folder of the test's
 * own: calls are kept with --save-history (one method, a --repeat, and
 * --all), then listed as text and as JSON, --limit, cleared at each
 * level, and every usage error and exit status checked.
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

#define ACCESS_TOKEN "tok-CANARY-abcdefghijklmnopqrstuvwxyz0123"
#define CLIENT_ID "example.com"
#define CLIENT_SECRET "s3cret-CANARY-value"

typedef struct
{
  RcTestServer *server;
  char         *dir;
  char         *path;
  char         *state_env;   /* XDG_STATE_HOME=…, for restcall */
  const char   *env[3];
} Fixture;

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
  else if (g_str_equal (path, "/api/health"))
    rc_test_respond (message, 200, "application/json", "{}");
  else if (g_strcmp0 (authorization, "Bearer " ACCESS_TOKEN) != 0)
    rc_test_respond (message, 401, "text/plain", "wrong token");
  else if (g_str_equal (path, "/api/pets/missing"))
    rc_test_respond (message, 404, "text/plain", "no such pet");
  else
    rc_test_respond (message, 200, "application/json", "{\"pets\": []}");
}

static void
add_method (RcApi      *api,
            const char *name,
            const char *url)
{
  g_autoptr(RcMethod) method = rc_method_new (name);

  rc_method_set_url (method, url);
  rc_api_add_method (api, method);
}

/* Pets › list, missing (OAuth); Health › ping. */
static char *
write_project (Fixture *fixture)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) pets = rc_api_new ("Pets");
  g_autoptr(RcApi) health = rc_api_new ("Health");
  g_autofree char *base = rc_test_server_url (fixture->server, "/api");
  g_autofree char *token_url = rc_test_server_url (fixture->server, "/token");
  char *path = g_build_filename (fixture->dir, "shop.restcall", NULL);
  RcAuth *auth = rc_api_get_auth (pets);

  rc_api_set_base_url (pets, base);
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, CLIENT_ID);
  rc_auth_set_token_url (auth, token_url);
  add_method (pets, "list", "/pets");
  add_method (pets, "missing", "/pets/missing");
  rc_project_add_api (project, pets);

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
  g_autofree char *state = NULL;

  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = server_handler;
  fixture->server->handler_data = fixture;
  fixture->dir = rc_test_make_dir ("restcall-cli-history-XXXXXX");
  fixture->path = write_project (fixture);
  state = g_build_filename (fixture->dir, "state", NULL);
  fixture->state_env = g_strconcat ("XDG_STATE_HOME=", state, NULL);
  fixture->env[0] = fixture->state_env;
  fixture->env[1] = "RC_TEST_SECRET=" CLIENT_SECRET;
  fixture->env[2] = NULL;
}

/* Removes @path and all below it. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *inner = g_build_filename (path, name, NULL);

      remove_tree (inner);
    }
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->state_env, g_free);
  g_clear_pointer (&fixture->server, rc_test_server_free);
}

/* restcall run PROJECT API METHOD --save-history, and its exit status. */
static int
run_saved (Fixture    *fixture,
           const char *api,
           const char *method)
{
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall (&run, NULL, fixture->env, "run", fixture->path, api, method,
                        "--secret-env", "RC_TEST_SECRET", "--save-history", "-s");

  return run.status;
}

/* The lines of `restcall history PROJECT API METHOD`, its runs of
 * spaces squeezed; its stderr must be empty. */
static GStrv
list_lines (Fixture    *fixture,
            const char *api,
            const char *method)
{
  g_auto(RcTestRun) run = { 0 };
  g_autoptr(GRegex) spaces = g_regex_new ("  +", 0, 0, NULL);
  g_autofree char *squeezed = NULL;

  rc_test_run_restcall (&run, NULL, fixture->env, "history", fixture->path, api, method);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  squeezed = g_regex_replace_literal (spaces, run.out, -1, 0, " ", 0, NULL);
  g_assert_true (run.out[0] == '\0' || g_str_has_suffix (run.out, "\n"));
  if (run.out[0] == '\0')
    return g_new0 (char *, 1);
  squeezed[strlen (squeezed) - 1] = '\0';

  return g_strsplit (squeezed, "\n", -1);
}

static JsonArray *
list_json (Fixture    *fixture,
           const char *api,
           const char *method,
           const char *limit,
           JsonNode  **root)
{
  g_auto(RcTestRun) run = { 0 };

  if (limit)
    rc_test_run_restcall (&run, NULL, fixture->env, "history", fixture->path, api, method,
                          "--json", "--limit", limit);
  else
    rc_test_run_restcall (&run, NULL, fixture->env, "history", fixture->path, api, method,
                          "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  rc_test_assert_lacks (run.out, CLIENT_SECRET, ACCESS_TOKEN, NULL);
  *root = rc_test_parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*root));

  return json_node_get_array (*root);
}

static guint
count (Fixture    *fixture,
       const char *api,
       const char *method)
{
  g_autoptr(JsonNode) root = NULL;

  return json_array_get_length (list_json (fixture, api, method, NULL, &root));
}

/* Calls kept one by one, listed newest first, one aligned line each:
 * time, status, duration, environment, URL. A run without
 * --save-history keeps nothing. */
static void
test_save_and_list (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(RcTestRun) unsaved = { 0 };
  g_auto(GStrv) list = NULL;
  g_auto(GStrv) missing = NULL;
  g_autoptr(GRegex) line = g_regex_new ("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d 200 OK "
                                        "\\d+\\.\\d ms — http://127\\.0\\.0\\.1:\\d+/api/pets$",
                                        0, 0, NULL);

  g_assert_cmpint (run_saved (fixture, "Pets", "list"), ==, 0);
  g_assert_cmpint (run_saved (fixture, "Pets", "missing"), ==, 10);
  g_assert_cmpint (run_saved (fixture, "Pets", "list"), ==, 0);
  rc_test_run_restcall (&unsaved, NULL, fixture->env, "run", fixture->path, "Pets", "list",
                        "--secret-env", "RC_TEST_SECRET");
  g_assert_cmpint (unsaved.status, ==, 0);

  list = list_lines (fixture, "Pets", "list");
  g_assert_cmpuint (g_strv_length (list), ==, 2);
  for (guint i = 0; list[i]; i++)
    {
      g_test_message ("%s", list[i]);
      g_assert_true (g_regex_match (line, list[i], 0, NULL));
    }
  /* Newest first: the time of the first is not before the second's. */
  g_assert_cmpint (strncmp (list[0], list[1], 19), >=, 0);

  missing = list_lines (fixture, "Pets", "missing");
  g_assert_cmpuint (g_strv_length (missing), ==, 1);
  g_assert_nonnull (strstr (missing[0], " 404 Not Found "));
  g_assert_true (g_str_has_suffix (missing[0], "/api/pets/missing"));
}

/* --json: the entries as kept, newest first, masked; --limit N the N
 * newest. */
static void
test_json_and_limit (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const members[] = {
    "id", "time", "environment", "api", "method_name", "method", "url", "request", "status",
    "reason", "headers", "body", "body_encoding", "body_size", "body_truncated", "timings",
    "token", "notes", "error", NULL
  };
  g_autoptr(JsonNode) all_root = NULL;
  g_autoptr(JsonNode) one_root = NULL;
  JsonArray *all, *one;
  JsonObject *entry, *token;

  g_assert_cmpint (run_saved (fixture, "Pets", "list"), ==, 0);
  g_assert_cmpint (run_saved (fixture, "Pets", "list"), ==, 0);

  all = list_json (fixture, "Pets", "list", NULL, &all_root);
  g_assert_cmpuint (json_array_get_length (all), ==, 2);
  entry = json_array_get_object_element (all, 0);
  for (guint i = 0; members[i]; i++)
    g_assert_true (json_object_has_member (entry, members[i]));
  g_assert_cmpuint (json_object_get_size (entry), ==, g_strv_length ((char **)members));
  g_assert_cmpstr (json_object_get_string_member (entry, "api"), ==, "Pets");
  g_assert_cmpstr (json_object_get_string_member (entry, "method_name"), ==, "list");
  g_assert_true (json_object_get_null_member (entry, "environment"));
  g_assert_cmpint (json_object_get_int_member (entry, "status"), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (entry, "body"), ==, "{\n  \"pets\": []\n}\n");
  token = json_object_get_object_member (entry, "token");
  g_assert_cmpstr (json_object_get_string_member (token, "access_token"), ==, "tok-CA••••••••");

  one = list_json (fixture, "Pets", "list", "1", &one_root);
  g_assert_cmpuint (json_array_get_length (one), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (one, 0), "id"),
                   ==, json_object_get_string_member (entry, "id"));
}

/* --repeat keeps each call; --all each method's. */
static void
test_repeat_and_all (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(RcTestRun) repeat = { 0 };
  g_auto(RcTestRun) all = { 0 };

  rc_test_run_restcall (&repeat, NULL, fixture->env, "run", fixture->path, "Pets", "list",
                        "--secret-env", "RC_TEST_SECRET", "--repeat", "3", "--save-history",
                        "-s");
  g_assert_cmpint (repeat.status, ==, 0);
  g_assert_cmpuint (count (fixture, "Pets", "list"), ==, 3);

  rc_test_run_restcall (&all, NULL, fixture->env, "run", fixture->path, "--all", "--secret-env",
                        "RC_TEST_SECRET", "--save-history");
  g_assert_cmpint (all.status, ==, 10);
  g_assert_cmpuint (count (fixture, "Pets", "list"), ==, 4);
  g_assert_cmpuint (count (fixture, "Pets", "missing"), ==, 1);
  g_assert_cmpuint (count (fixture, "Health", "ping"), ==, 1);
}

static void
assert_cleared (Fixture    *fixture,
                const char *expected,
                ...)
{
  g_auto(RcTestRun) run = { 0 };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list list;

  g_ptr_array_add (args, "history");
  g_ptr_array_add (args, "clear");
  va_start (list, expected);
  while ((arg = va_arg (list, const char *)))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (list);
  g_ptr_array_add (args, NULL);

  rc_test_run_restcall_full (&run, NULL, fixture->env, (const char * const *)args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
}

/* A method's calls, an API's, a project's, every project's. */
static void
test_clear (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *project_cleared = g_strdup_printf ("Cleared the history of %s.\n",
                                                      fixture->path);

  g_assert_cmpint (run_saved (fixture, "Pets", "list"), ==, 0);
  g_assert_cmpint (run_saved (fixture, "Pets", "missing"), ==, 10);
  g_assert_cmpint (run_saved (fixture, "Health", "ping"), ==, 0);

  assert_cleared (fixture, "Cleared the history of the method “list” of the API “Pets”.\n",
                  fixture->path, "Pets", "list", NULL);
  g_assert_cmpuint (count (fixture, "Pets", "list"), ==, 0);
  g_assert_cmpuint (count (fixture, "Pets", "missing"), ==, 1);

  assert_cleared (fixture, "Cleared the history of the API “Pets”.\n", fixture->path, "Pets",
                  NULL);
  g_assert_cmpuint (count (fixture, "Pets", "missing"), ==, 0);
  g_assert_cmpuint (count (fixture, "Health", "ping"), ==, 1);

  assert_cleared (fixture, project_cleared, fixture->path, NULL);
  g_assert_cmpuint (count (fixture, "Health", "ping"), ==, 0);

  g_assert_cmpint (run_saved (fixture, "Health", "ping"), ==, 0);
  assert_cleared (fixture, "Cleared the history of every project.\n", "--all", NULL);
  g_assert_cmpuint (count (fixture, "Health", "ping"), ==, 0);
}

/* No call kept: nothing on stdout (an empty array with --json), and on
 * stderr how calls get there, as a command to paste. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) json = { 0 };
  g_autofree char *path = rc_text_dup_shell_word (fixture->path);
  g_autofree char *expected = g_strdup_printf (
    "restcall: The history holds no call of the method “list” of the API “Pets”. The calls made "
    "with Test in the window are kept, and those of “restcall run %s Pets list "
    "--save-history”.\n", path);

  rc_test_run_restcall (&run, NULL, fixture->env, "history", fixture->path, "Pets", "list");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);

  rc_test_run_restcall (&json, NULL, fixture->env, "history", fixture->path, "Pets", "list",
                        "--json");
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.out, ==, "[]\n");
  g_assert_cmpstr (json.err, ==, "");
}

static void
assert_usage_error (Fixture            *fixture,
                    const char         *message,
                    const char * const *args)
{
  g_auto(RcTestRun) run = { 0 };
  g_autofree char *expected = g_strdup_printf ("restcall: %s\nTry “restcall history --help” for "
                                               "more information.\n", message);

  rc_test_run_restcall_full (&run, NULL, fixture->env, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
}

#define USAGE(fixture, message, ...) \
  assert_usage_error (fixture, message, (const char * const[]) { "history", __VA_ARGS__, NULL })

/* Usage errors: one line and where to read more; a project, API or
 * method that is not there is a file error. */
static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  const char *path = fixture->path;
  g_auto(RcTestRun) api = { 0 };
  g_auto(RcTestRun) missing = { 0 };

  USAGE (fixture, "Name a project file, one of its APIs and one of its methods.", "--json");
  USAGE (fixture, "Name a project file, one of its APIs and one of its methods.", path, "Pets");
  USAGE (fixture, "--limit takes a number of calls, 1 or more.", path, "Pets", "list", "--limit",
         "0");
  USAGE (fixture, "--all goes with clear: “restcall history clear --all”.", path, "Pets", "list",
         "--all");
  USAGE (fixture, "Name a project file, and one of its APIs and one of its methods if you like; "
                  "or give --all.", "clear");
  USAGE (fixture, "With --all, name no project: it forgets the calls of every project.", "clear",
         "--all", path);
  USAGE (fixture, "--json and --limit are for listing a method’s calls, not with clear.", "clear",
         path, "--json");
  USAGE (fixture, "Unknown option --no-such-option", path, "Pets", "list", "--no-such-option");

  rc_test_run_restcall (&api, NULL, fixture->env, "history", path, "Shop", "list");
  g_assert_cmpint (api.status, ==, 3);
  g_assert_nonnull (strstr (api.err, "Shop"));
  rc_test_run_restcall (&missing, NULL, fixture->env, "history", "clear", "no-such.restcall");
  g_assert_cmpint (missing.status, ==, 3);
}

/* A call made in an environment is kept with its name: --env, or the
 * project's active one. */
static void
test_environment (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RcProject) project = rc_test_load_project (fixture->path);
  g_autoptr(RcEnvironment) staging = rc_environment_new ("Staging");
  g_autoptr(RcEnvironment) production = rc_environment_new ("Production");
  g_autoptr(RcVariable) tenant = rc_variable_new ("tenant", "blue");
  g_autoptr(JsonNode) root = NULL;
  g_auto(RcTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  JsonArray *entries;

  rc_environment_add_variable (staging, tenant);
  rc_project_add_environment (project, staging);
  rc_project_add_environment (project, production);
  rc_project_set_active_environment (project, staging);
  rc_pair_list_append (rc_api_get_headers (rc_project_find_api (project, "Health")), "X-Tenant",
                       "{{tenant}}");
  rc_test_save_project (project, fixture->path);

  g_assert_cmpint (run_saved (fixture, "Health", "ping"), ==, 0);
  rc_test_run_restcall (&run, NULL, fixture->env, "run", fixture->path, "Health", "ping",
                        "--env", "Production", "--var", "tenant=red", "--save-history");
  g_assert_cmpint (run.status, ==, 0);

  lines = list_lines (fixture, "Health", "ping");
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], " ms Production http://"));
  g_assert_nonnull (strstr (lines[1], " ms Staging http://"));

  entries = list_json (fixture, "Health", "ping", NULL, &root);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0),
                                                  "environment"), ==, "Production");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 1),
                                                  "environment"), ==, "Staging");
}

/* A call that could not be kept is said, and the run fails as a file
 * error, though the call itself succeeded. */
static void
test_not_kept (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "blocker", NULL);
  g_autofree char *state = g_build_filename (blocker, "state", NULL);
  g_autofree char *state_env = g_strconcat ("XDG_STATE_HOME=", state, NULL);
  const char *env[] = { state_env, "RC_TEST_SECRET=" CLIENT_SECRET, NULL };
  g_auto(RcTestRun) run = { 0 };

  /* A file where a folder should be. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  rc_test_run_restcall (&run, NULL, env, "run", fixture->path, "Health", "ping",
                        "--save-history");
  g_assert_cmpint (run.status, ==, 3);
  g_assert_cmpstr (run.out, ==, "{}");
  g_assert_true (g_str_has_prefix (run.err, "restcall: The call could not be kept in the history"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/restcall/cli-history/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("save-and-list", test_save_and_list);
  ADD ("json-and-limit", test_json_and_limit);
  ADD ("repeat-and-all", test_repeat_and_all);
  ADD ("clear", test_clear);
  ADD ("empty", test_empty);
  ADD ("usage", test_usage);
  ADD ("environment", test_environment);
  ADD ("not-kept", test_not_kept);

#undef ADD

  return g_test_run ();
}
