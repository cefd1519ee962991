/* test-cli.c: the headless command line, run as a user would
 *
 * Runs the real `restcall` binary without any display, so a sub-command
 * that initialised GTK would fail here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "restcall-core.h"
#include "rc-test-cli.h"

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sample.restcall", NULL);
}

static void
test_version (void)
{
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall (&run, NULL, NULL, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "restcall " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_help (void)
{
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) show_help = { 0 };

  rc_test_run_restcall (&run, NULL, NULL, "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "restcall COMMAND"));
  g_assert_nonnull (strstr (run.out, "  show "));

  rc_test_run_restcall (&show_help, NULL, NULL, "show", "--help");
  g_assert_cmpint (show_help.status, ==, 0);
  g_assert_nonnull (strstr (show_help.out, "--json"));
}

/* A usage error is its one line and where to read more, never the whole
 * help that would push it off the screen. */
static void
test_usage_error (void)
{
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall (&run, NULL, NULL, "call", "https://api.example.com/pets",
                        "https://api.example.com/owners");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "restcall: Name exactly one URL.\n"
                   "Try “restcall call --help” for more information.\n");
}

static void
test_show_json (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RcProject) project = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(RcTestRun) run = { 0 };
  JsonArray *apis;
  guint n_apis;

  rc_test_run_restcall (&run, NULL, NULL, "show", path, "--json");
  g_assert_cmpint (run.status, ==, 0);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);

  /* The output lists exactly what the project file holds. */
  project = rc_project_load (file, NULL, &error);
  g_assert_no_error (error);

  apis =
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "apis");
  n_apis = json_array_get_length (apis);
  g_assert_cmpuint (n_apis, ==, rc_project_get_n_apis (project));

  for (guint i = 0; i < n_apis; i++)
    {
      JsonObject *api_object = json_array_get_object_element (apis, i);
      RcApi *api = rc_project_get_api (project, i);
      JsonArray *methods = json_object_get_array_member (api_object, "methods");
      JsonObject *auth = json_object_get_object_member (api_object, "auth");

      g_assert_cmpstr (json_object_get_string_member (api_object, "name"), ==,
                       rc_api_get_name (api));
      g_assert_cmpstr (json_object_get_string_member (api_object, "base_url"), ==,
                       rc_api_get_base_url (api));
      g_assert_cmpstr (json_object_get_string_member (auth, "type"), ==,
                       rc_auth_kind_to_string (rc_auth_get_kind (rc_api_get_auth (api))));
      g_assert_cmpuint (json_array_get_length (methods), ==, rc_api_get_n_methods (api));

      for (guint j = 0; j < json_array_get_length (methods); j++)
        {
          JsonObject *method_object = json_array_get_object_element (methods, j);
          RcMethod *method = rc_api_get_method (api, j);
          JsonObject *method_auth = json_object_get_object_member (method_object, "auth");

          g_assert_cmpstr (json_object_get_string_member (method_object, "name"), ==,
                           rc_method_get_name (method));
          g_assert_cmpstr (json_object_get_string_member (method_object, "verb"), ==,
                           rc_method_get_verb (method));
          g_assert_cmpstr (json_object_get_string_member (method_object, "url"), ==,
                           rc_method_get_url (method));
          g_assert_cmpint (json_object_get_boolean_member (method_auth, "inherited"), ==,
                           rc_method_get_auth (method) == NULL);
        }
    }

  /* The OAuth 2.0 API shows its settings. */
  {
    JsonObject *petstore_auth =
      json_object_get_object_member (json_array_get_object_element (apis, 0), "auth");
    JsonArray *scopes = json_object_get_array_member (petstore_auth, "scopes");

    g_assert_cmpstr (json_object_get_string_member (petstore_auth, "type"), ==,
                     "oauth2-client-credentials");
    g_assert_cmpstr (json_object_get_string_member (petstore_auth, "token_url"), ==,
                     "https://auth.example.com/oauth2/token");
    g_assert_cmpuint (json_array_get_length (scopes), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (scopes, 1), ==, "pets:write");
  }

  /* Not even the secret's reference is printed. */
  g_assert_null (strstr (run.out, "secret"));
}

static void
test_show_text (void)
{
  g_autofree char *path = sample_path ();
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall (&run, NULL, NULL, "show", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Petstore\n"));
  g_assert_nonnull (strstr (run.out, "Billing\n"));
  g_assert_nonnull (strstr (run.out, "Authentication: OAuth 2.0: client credentials"));
  g_assert_nonnull (strstr (run.out, "GET     getPet  /pets/{petId}"));
  g_assert_nonnull (strstr (run.out, "POST    createInvoice  /invoices"));
  g_assert_null (strstr (run.out, "secret"));
}

static void
test_show_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-cli-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.restcall", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.restcall", NULL);
  g_auto(RcTestRun) no_file = { 0 };
  g_auto(RcTestRun) two_files = { 0 };
  g_auto(RcTestRun) not_found = { 0 };
  g_auto(RcTestRun) invalid = { 0 };

  rc_test_run_restcall (&no_file, NULL, NULL, "show");
  g_assert_cmpint (no_file.status, ==, 2);
  g_assert_nonnull (strstr (no_file.err, "Name exactly one project file"));

  rc_test_run_restcall (&two_files, NULL, NULL, "show", "a", "b");
  g_assert_cmpint (two_files.status, ==, 2);

  rc_test_run_restcall (&not_found, NULL, NULL, "show", missing);
  g_assert_cmpint (not_found.status, ==, 3);
  g_assert_nonnull (strstr (not_found.err, missing));
  g_assert_nonnull (strstr (not_found.err, "does not exist"));
  g_assert_cmpstr (not_found.out, ==, "");

  g_assert_true (g_file_set_contents (broken, "{\"format\": 1, \"apis\": [", -1, NULL));
  rc_test_run_restcall (&invalid, NULL, NULL, "show", broken, "--json");
  g_assert_cmpint (invalid.status, ==, 3);
  g_assert_nonnull (strstr (invalid.err, broken));
  g_assert_nonnull (strstr (invalid.err, "not a valid Restcall project"));

  g_unlink (broken);
  g_rmdir (dir);
}

#define NO_KEYRING "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent"

static void
write_project (const char *path,
               RcProject  *project)
{
  g_autoptr(GBytes) bytes = rc_project_serialize (project);

  g_assert_true (
    g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

/* `import --into` a read-only project says so, with what to do, and
 * leaves the file as it was (it replaced it). */
static void
test_import_into_read_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "locked.restcall", NULL);
  g_autofree char *document =
    g_test_build_filename (G_TEST_DIST, "data", "openapi", "petstore-3.0.yaml", NULL);
  g_autoptr(RcProject) project = rc_project_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(RcTestRun) run = { 0 };

  write_project (path, project);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  rc_test_run_restcall (&run, NULL, NULL, "import", document, "--into", path);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "The project was not saved"));
  g_assert_nonnull (strstr (run.err, "is read-only"));
  g_assert_nonnull (strstr (run.err, "chmod u+w"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* What the command line prints for a person never holds a URL's password
 * nor a control character from a file or a document (both were printed
 * as they were). */
static void
test_printed_text_is_safe (void)
{
  static const char * const no_keyring[] = { NO_KEYRING, NULL };
  g_autofree char *dir = g_dir_make_tmp ("restcall-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "hostile.restcall", NULL);
  g_autofree char *document = g_build_filename (dir, "hostile.json", NULL);
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) api = rc_api_new ("Pets\x1b]0;pwned\x07");
  g_autoptr(RcMethod) method = rc_method_new ("get\x1b[2J");
  RcAuth *auth = rc_api_get_auth (api);
  g_auto(RcTestRun) show = { 0 };
  g_auto(RcTestRun) show_auth = { 0 };
  g_auto(RcTestRun) import = { 0 };
  RcTestRun *runs[] = { &show, &show_auth, &import };

  rc_api_set_base_url (api, "https://user:hunter2@api.example.com/v1");
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "client");
  rc_auth_set_token_url (auth, "https://client:hunter2@auth.example.com/token");
  rc_method_set_url (method, "https://u:hunter2@other.example.com/x");
  rc_api_add_method (api, method);
  rc_project_add_api (project, api);
  write_project (path, project);

  g_assert_true (
    g_file_set_contents (document,
                         "{\"openapi\": \"3.0.0\", "
                         "\"info\": {\"title\": \"Evil\\u001b[2J\", \"version\": \"1\"}, "
                         "\"servers\": [{\"url\": \"https://user:hunter2@api.example.com\"}], "
                         "\"paths\": {\"/x\": {\"get\": {\"operationId\": \"op\\u009b1m\", "
                         "\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}",
                         -1, NULL));

  rc_test_run_restcall (&show, NULL, NULL, "show", path);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Pets\\x1b]0;pwned\\x07\n"));
  g_assert_nonnull (strstr (show.out, "Base URL: https://user@api.example.com/v1"));
  g_assert_nonnull (strstr (show.out, "Access token URL: https://client@auth.example.com/token"));
  g_assert_nonnull (strstr (show.out, "get\\x1b[2J  https://u@other.example.com/x"));

  rc_test_run_restcall (&show_auth, NULL, no_keyring, "auth", path, "Pets\x1b]0;pwned\x07");
  g_assert_cmpint (show_auth.status, ==, 0);
  g_assert_nonnull (
    strstr (show_auth.out, "Access token URL: https://client@auth.example.com/token"));

  rc_test_run_restcall (&import, NULL, NULL, "import", document);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "Evil\\x1b[2J"));
  g_assert_nonnull (strstr (import.out, "Server: https://user@api.example.com"));
  g_assert_nonnull (strstr (import.out, "op\\u009b1m"));

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_test_message ("%s%s", runs[i]->out, runs[i]->err);
      g_assert_null (strstr (runs[i]->out, "hunter2"));
      g_assert_null (strstr (runs[i]->err, "hunter2"));
      g_assert_null (strchr (runs[i]->out, '\x1b'));
      g_assert_null (strchr (runs[i]->err, '\x1b'));
      g_assert_null (strstr (runs[i]->out, "\xc2\x9b"));
    }

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_unlink (document), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/cli/version", test_version);
  g_test_add_func ("/restcall/cli/help", test_help);
  g_test_add_func ("/restcall/cli/usage-error", test_usage_error);
  g_test_add_func ("/restcall/cli/show-json", test_show_json);
  g_test_add_func ("/restcall/cli/show-text", test_show_text);
  g_test_add_func ("/restcall/cli/show-errors", test_show_errors);
  g_test_add_func ("/restcall/cli/import-into-read-only", test_import_into_read_only);
  g_test_add_func ("/restcall/cli/printed-text-is-safe", test_printed_text_is_safe);

  return g_test_run ();
}
