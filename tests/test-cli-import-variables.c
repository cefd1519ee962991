/* test-cli-import-variables.c: `restcall import --into` with OpenAPI server variables
 *
 * Runs the real `restcall` binary, without a display. The first server's
 * variables reach the project file: a project without environments gets
 * one, named after the server's description and made active; one with
 * environments has each get the variables it lacks, never a value changed.
 * `import --json` shows them as the file holds them. A first server with a
 * variable that has no default is refused, naming it. Then the API is
 * called against a scripted server on 127.0.0.1: {{region}} in its base
 * URL is filled in from the environment, or from --var.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "restcall-core.h"
#include "rc-test-cli.h"
#include "rc-test-server.h"

typedef struct
{
  char *dir;
  char *path;  /* the project file, not there at first */
} Fixture;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "openapi", name, NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = rc_test_make_dir ("restcall-import-variables-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "regions.restcall", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  rc_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
assert_variable (RcEnvironment      *environment,
                 const char         *name,
                 const char         *value,
                 const char * const *choices)
{
  RcVariable *variable = rc_environment_find_variable (environment, name);

  g_assert_nonnull (variable);
  g_assert_cmpstr (rc_variable_get_value (variable), ==, value);
  g_assert_cmpstrv (rc_variable_get_choices (variable), choices);
}

static const char * const regions[] = { "eu", "us", NULL };
static const char * const any[] = { NULL };

/* A new project: one environment, named after the server's description,
 * active, with its variables; the API's base URL refers to them. */
static void
test_into_new_project (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *document = fixture_path ("server-variables-3.0.yaml");
  g_autoptr(RcProject) project = NULL;
  g_auto(RcTestRun) run = { 0 };
  RcEnvironment *environment;
  RcApi *api;

  rc_test_run_restcall (&run, NULL, NULL, "import", document, "--into", fixture->path);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Variables: region (eu, us), basePath, in the new "
                                     "environment “Production”\n"));
  /* What is not imported is said. */
  g_assert_nonnull (strstr (run.err, "restcall: warning: The server variable “tenant id”"));

  project = rc_test_load_project (fixture->path);
  api = rc_project_find_api (project, "Regions");
  g_assert_cmpstr (rc_api_get_base_url (api), ==,
                   "https://{{region}}.example.com/{{basePath}}/{{region}}");
  g_assert_cmpstr (rc_auth_get_token_url (rc_api_get_auth (api)), ==,
                   "https://{{region}}.example.com/oauth/token");

  g_assert_cmpuint (rc_project_get_n_environments (project), ==, 1);
  environment = rc_project_get_active_environment (project);
  g_assert_nonnull (environment);
  g_assert_cmpstr (rc_environment_get_name (environment), ==, "Production");
  g_assert_cmpuint (rc_environment_get_n_variables (environment), ==, 2);
  assert_variable (environment, "region", "eu", regions);
  assert_variable (environment, "basePath", "v1", any);
}

/* A project with environments: each gets what it lacks, keeps its values;
 * the active one stays active, and no environment is added. */
static void
test_into_environments (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *document = fixture_path ("server-variables-3.1.json");
  g_autoptr(RcProject) before = rc_project_new ();
  g_autoptr(RcProject) project = NULL;
  g_autoptr(RcEnvironment) dev = rc_environment_new ("Dev");
  g_autoptr(RcEnvironment) prod = rc_environment_new ("Prod");
  g_autoptr(RcVariable) region = rc_variable_new ("region", "local");
  g_autoptr(RcVariable) token = rc_variable_new_secret ("token");
  g_auto(RcTestRun) run = { 0 };
  RcEnvironment *environment;

  rc_environment_add_variable (dev, region);
  rc_environment_add_variable (prod, token);
  rc_project_add_environment (before, dev);
  rc_project_add_environment (before, prod);
  rc_project_set_active_environment (before, prod);
  rc_test_save_project (before, fixture->path);

  rc_test_run_restcall (&run, NULL, NULL, "import", document, "--into", fixture->path);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Variables: region (eu, us), basePath, in each environment "
                                     "that lacked them\n"));

  project = rc_test_load_project (fixture->path);
  g_assert_cmpuint (rc_project_get_n_environments (project), ==, 2);
  g_assert_cmpstr (rc_environment_get_name (rc_project_get_active_environment (project)), ==,
                   "Prod");

  environment = rc_project_find_environment (project, "Dev");
  g_assert_cmpuint (rc_environment_get_n_variables (environment), ==, 2);
  assert_variable (environment, "region", "local", any);
  assert_variable (environment, "basePath", "v1", any);

  environment = rc_project_find_environment (project, "Prod");
  g_assert_cmpuint (rc_environment_get_n_variables (environment), ==, 3);
  g_assert_true (rc_variable_get_secret (rc_environment_find_variable (environment, "token")));
  assert_variable (environment, "region", "eu", regions);
  assert_variable (environment, "basePath", "v1", any);
}

/* --json: the base URL and the variables beside the API, the variables as
 * the project file writes them. */
static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *document = fixture_path ("server-variables-3.0.yaml");
  g_autofree char *contents = NULL;
  g_auto(RcTestRun) json = { 0 };
  g_auto(RcTestRun) into = { 0 };
  JsonObject *report, *file, *environment;

  rc_test_run_restcall (&json, NULL, NULL, "import", document, "--json");
  g_assert_cmpint (json.status, ==, 0);
  rc_test_run_restcall (&into, NULL, NULL, "import", document, "--into", fixture->path);
  g_assert_cmpint (into.status, ==, 0);

  report = rc_test_parse_object (json.out);
  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
  file = rc_test_parse_object (contents);
  environment = json_array_get_object_element (json_object_get_array_member (file,
                                                                             "environments"), 0);

  g_assert_cmpstr (json_object_get_string_member (report, "base_url"), ==,
                   json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (file, "apis"),
                                                    0),
                     "base_url"));
  g_assert_true (json_node_equal (json_object_get_member (report, "variables"),
                                  json_object_get_member (environment, "variables")));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "variables")), ==,
                    2);

  json_object_unref (report);
  json_object_unref (file);
}

/* The first server has a variable without a default or an enum: refused,
 * naming it, and no file is written. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *document = g_build_filename (fixture->dir, "zones.yaml", NULL);
  g_auto(RcTestRun) run = { 0 };
  const char *text =
    "openapi: 3.0.3\n"
    "info: {title: Zones, version: '1'}\n"
    "servers: [{url: 'https://{zone}.example.io', variables: {zone: {description: Where}}}]\n"
    "paths: {/a: {get: {operationId: getA}}}\n";

  g_assert_true (g_file_set_contents (document, text, -1, NULL));
  rc_test_run_restcall (&run, NULL, NULL, "import", document, "--into", fixture->path);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "restcall: The server URL “https://{zone}.example.io” uses "
                                     "the variable “zone”, which has no default value"));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* The API answers with the path it was called at. */
static void
echo_path_cb (RcTestServer      *server,
              SoupServerMessage *message,
              const char        *path,
              gpointer           user_data)
{
  rc_test_respond (message, 200, "text/plain", path);
}

/* Called through its base URL, the API is at the region the environment
 * says, or --var. */
static void
test_call (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(RcTestServer) server = rc_test_server_new (FALSE);
  g_autofree char *url = rc_test_server_url (server, "{region}/v1");
  g_autofree char *document = g_build_filename (fixture->dir, "local.yaml", NULL);
  g_autofree char *text = NULL;
  g_auto(RcTestRun) import = { 0 };
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) other = { 0 };

  server->handler = echo_path_cb;
  text = g_strdup_printf ("openapi: 3.1.0\n"
                          "info: {title: Local, version: '1'}\n"
                          "servers:\n"
                          "  - url: '%s'\n"
                          "    description: Local\n"
                          "    variables: {region: {default: eu, enum: [eu, us]}}\n"
                          "paths: {/things: {get: {operationId: listThings}}}\n",
                          url);
  g_assert_true (g_file_set_contents (document, text, -1, NULL));

  rc_test_run_restcall (&import, NULL, NULL, "import", document, "--into", fixture->path);
  g_test_message ("%s", import.err);
  g_assert_cmpint (import.status, ==, 0);

  rc_test_run_restcall (&run, NULL, NULL, "run", fixture->path, "Local", "listThings");
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "/eu/v1/things");

  rc_test_run_restcall (&other, NULL, NULL, "run", fixture->path, "Local", "listThings",
                        "--var", "region=us");
  g_assert_cmpint (other.status, ==, 0);
  g_assert_cmpstr (other.out, ==, "/us/v1/things");
  g_assert_cmpuint (rc_test_count_requests (server, "/"), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/restcall/cli/import-variables/into-new-project", Fixture, NULL, fixture_setup,
              test_into_new_project, fixture_teardown);
  g_test_add ("/restcall/cli/import-variables/into-environments", Fixture, NULL, fixture_setup,
              test_into_environments, fixture_teardown);
  g_test_add ("/restcall/cli/import-variables/json", Fixture, NULL, fixture_setup, test_json,
              fixture_teardown);
  g_test_add ("/restcall/cli/import-variables/refused", Fixture, NULL, fixture_setup,
              test_refused, fixture_teardown);
  g_test_add ("/restcall/cli/import-variables/call", Fixture, NULL, fixture_setup, test_call,
              fixture_teardown);

  return g_test_run ();
}
