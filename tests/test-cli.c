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

#define NO_KEYRING "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent"

/* The sample project, with more of what a project can hold: a URL with a
 * password, required parameters, a method's own private_key_jwt login. */
static char *
write_full_project (const char *dir)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(RcProject) project = rc_test_load_project (sample);
  g_autoptr(RcAuth) own = rc_auth_new ();
  RcApi *billing = rc_project_find_api (project, "Billing");
  RcApi *petstore = rc_project_find_api (project, "Petstore");
  RcMethod *get_pet = rc_api_find_method (petstore, "getPet");
  char *path = g_build_filename (dir, "full.restcall", NULL);
  const char * const required[] = { "petId", NULL };

  rc_api_set_base_url (billing, "https://billing:hunter2@billing.example.com/api");
  rc_method_set_required_parameters (get_pet, required);
  rc_auth_set_kind (own, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (own, "pets-admin");
  rc_auth_set_token_url (own, "https://auth.example.com/oauth2/token");
  rc_auth_set_scopes (own, "pets:admin");
  rc_auth_set_client_auth (own, RC_CLIENT_AUTH_PRIVATE_KEY_JWT);
  rc_auth_set_jwt_alg (own, RC_JWT_ALG_ES256);
  rc_auth_set_key_id (own, "key-1");
  rc_auth_set_private_key_file (own, "/keys/pets.pem");
  rc_pair_list_append (rc_auth_get_token_params (own), "resource", "pets");
  rc_auth_ensure_secret_id (own);
  rc_method_set_auth (get_pet, own);
  rc_test_save_project (project, path);

  return path;
}

/* Calls @func on every auth object of a project file's tree. */
static void
foreach_auth (JsonNode *root,
              void    (*func) (JsonObject *auth))
{
  JsonArray *apis = json_object_get_array_member (json_node_get_object (root), "apis");

  for (guint i = 0; i < json_array_get_length (apis); i++)
    {
      JsonObject *api = json_array_get_object_element (apis, i);
      JsonArray *methods = json_object_get_array_member (api, "methods");

      func (json_object_get_object_member (api, "auth"));
      for (guint j = 0; j < json_array_get_length (methods); j++)
        {
          JsonObject *method = json_array_get_object_element (methods, j);

          if (json_object_has_member (method, "auth"))
            func (json_object_get_object_member (method, "auth"));
        }
    }
}

static void
remove_secret_id (JsonObject *auth)
{
  json_object_remove_member (auth, "secret_id");
}

/* No keyring in this test: whether a secret is stored is not known. */
static void
remove_unknown_secret (JsonObject *auth)
{
  if (g_str_equal (json_object_get_string_member (auth, "type"), "none"))
    g_assert_false (json_object_has_member (auth, "secret"));
  else
    {
      g_assert_cmpstr (json_object_get_string_member (auth, "secret"), ==, "unknown");
      json_object_remove_member (auth, "secret");
    }
}

/* Member by member, saying where they differ. */
static void
assert_json_equal (const char *where,
                   JsonNode   *expected,
                   JsonNode   *actual)
{
  if (JSON_NODE_HOLDS_OBJECT (expected))
    {
      JsonObject *e = json_node_get_object (expected);
      JsonObject *a;
      g_autoptr(GList) members = json_object_get_members (e);

      g_assert_true (JSON_NODE_HOLDS_OBJECT (actual));
      a = json_node_get_object (actual);
      for (GList *l = members; l; l = l->next)
        {
          g_autofree char *path = g_strdup_printf ("%s.%s", where, (const char *) l->data);

          if (!json_object_has_member (a, l->data))
            g_error ("%s is missing", path);
          assert_json_equal (path, json_object_get_member (e, l->data),
                             json_object_get_member (a, l->data));
        }
      if (json_object_get_size (a) != json_object_get_size (e))
        g_error ("%s has members the file does not", where);
    }
  else if (JSON_NODE_HOLDS_ARRAY (expected))
    {
      JsonArray *e = json_node_get_array (expected);
      JsonArray *a;

      g_assert_true (JSON_NODE_HOLDS_ARRAY (actual));
      a = json_node_get_array (actual);
      g_assert_cmpuint (json_array_get_length (a), ==, json_array_get_length (e));
      for (guint i = 0; i < json_array_get_length (e); i++)
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", where, i);

          assert_json_equal (path, json_array_get_element (e, i), json_array_get_element (a, i));
        }
    }
  else if (!json_node_equal (expected, actual))
    {
      g_autofree char *e = json_to_string (expected, FALSE);
      g_autofree char *a = json_to_string (actual, FALSE);

      g_error ("%s is %s, not %s as in the file", where, a, e);
    }
}

/* `show --json` is the project file, member by member, less what is not
 * to be shown (the keyring references, a URL's password, the credentials
 * of an Authorization header), and says for each authentication whether
 * its secret is stored. */
static void
test_show_json (void)
{
  static const char * const no_keyring[] = { NO_KEYRING, NULL };
  g_autofree char *dir = g_dir_make_tmp ("restcall-cli-XXXXXX", NULL);
  g_autofree char *path = write_full_project (dir);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) file = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_auto(RcTestRun) run = { 0 };
  JsonArray *file_apis, *shown_apis;
  JsonObject *header;
  const char *masked;

  rc_test_run_restcall (&run, NULL, no_keyring, "show", path, "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  file = rc_test_parse_json (contents);
  shown = rc_test_parse_json (run.out);

  g_assert_null (strstr (run.out, "secret_id"));
  g_assert_null (strstr (run.out, "hunter2"));
  g_assert_null (strstr (run.out, "typed-by-hand"));

  /* What the file holds but is not shown, as it is shown instead. */
  foreach_auth (file, remove_secret_id);
  foreach_auth (shown, remove_unknown_secret);
  file_apis = json_object_get_array_member (json_node_get_object (file), "apis");
  shown_apis = json_object_get_array_member (json_node_get_object (shown), "apis");
  json_object_set_string_member (json_array_get_object_element (file_apis, 1), "base_url",
                                 "https://billing@billing.example.com/api");
  header = json_array_get_object_element (
    json_object_get_array_member (
      json_array_get_object_element (
        json_object_get_array_member (json_array_get_object_element (shown_apis, 0), "methods"),
        2),
      "headers"),
    0);
  masked = json_object_get_string_member (header, "value");
  g_assert_true (g_str_has_prefix (masked, "Bearer "));
  g_assert_nonnull (strstr (masked, "••••"));
  header = json_array_get_object_element (
    json_object_get_array_member (
      json_array_get_object_element (
        json_object_get_array_member (json_array_get_object_element (file_apis, 0), "methods"), 2),
      "headers"),
    0);
  g_assert_cmpstr (json_object_get_string_member (header, "value"), ==, "Bearer typed-by-hand");
  json_object_set_string_member (header, "value", masked);

  /* The rest is the file's: names, shapes (scopes one string), values. */
  assert_json_equal ("$", file, shown);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The column where the values of a listing's “Label: value” rows start,
 * checking it is the same on every row; 0 when there is none. */
static guint
get_value_column (const char *listing)
{
  g_autoptr(GRegex) regex = g_regex_new ("^ *[A-Z][A-Za-z0-9 ]*: +(?=\\S)", G_REGEX_MULTILINE, 0,
                                         NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint column = 0;

  for (g_regex_match (regex, listing, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (column == 0)
        column = end - start;
      g_assert_cmpint (end - start, ==, column);
    }

  return column;
}

/* `show` lists everything the project holds, aligned: headers, token
 * parameters, test values, bodies, and whether each secret is stored;
 * never a secret, a keyring reference or a URL's password. */
static void
test_show_text (void)
{
  static const char * const no_keyring[] = { NO_KEYRING, NULL };
  static const char * const expected[] = {
    "Petstore\n",
    "  Base URL: https://petstore.example.com/v1\n",
    "  Description: Pets, with OAuth 2.0 client credentials\n",
    "  Headers: Accept: application/json\n",
    "  Authentication: oauth2-client-credentials (OAuth 2.0: client credentials)\n",
    "    Client ID: petstore-client\n",
    "    Access token URL: https://auth.example.com/oauth2/token\n",
    "    Scopes: pets:read pets:write\n",
    "    Client authentication: basic-header\n",
    "    Token parameters: audience=https://petstore.example.com\n",
    "    Client secret: unknown (keyring unavailable)\n",
    "  GET     listPets  /pets?limit={limit}\n",
    "    Description: List all pets\n",
    "    Test values: limit=10\n",
    "    Authentication: inherited from the API\n",
    "  GET     getPet  /pets/{petId}\n",
    "    Required parameters: petId\n",
    "    Test values: petId=42\n",
    "      Client ID: pets-admin\n",
    "      Client authentication: private-key-jwt\n",
    "      Private key: /keys/pets.pem\n",
    "      Key ID: key-1\n",
    "      Signing algorithm: ES256\n",
    "      Token parameters: resource=pets\n",
    "      Client secret: unknown (keyring unavailable)\n",
    "  POST    createPet  /pets\n",
    "    Headers: Authorization: Bearer ••••••••\n",
    "    Content type: application/json\n",
    "    Body: {\n",
    "  \"name\": \"Rex\",\n",
    "Billing\n",
    "  Base URL: https://billing@billing.example.com/api\n",
    "    User name: billing-user\n",
    "    Password: unknown (keyring unavailable)\n",
    "    Test values: status=open\n",
    "page=1\n",
    "  POST    createInvoice  /invoices\n",
    "    Body: {\"customer\": \"ACME\", \"amount\": 12.5}\n",
    "  GET     health  https://status.example.com/health\n",
    "    Authentication: none (None)\n",
  };
  g_autofree char *dir = g_dir_make_tmp ("restcall-cli-XXXXXX", NULL);
  g_autofree char *path = write_full_project (dir);
  g_autofree char *listing = NULL;
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall (&run, NULL, no_keyring, "show", path);
  g_test_message ("%s", run.out);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* Every value in one column. */
  g_assert_cmpuint (get_value_column (run.out), >, 0);

  listing = rc_test_squeeze_listing (run.out);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (strstr (listing, expected[i]) == NULL)
        g_error ("Not listed: %s", expected[i]);
    }

  g_assert_null (strstr (run.out, "typed-by-hand"));
  g_assert_null (strstr (run.out, "hunter2"));
  g_assert_null (strstr (run.out, "9b2e4d6f"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* `import --json` prints the API's authentication as `import --into`
 * writes it in the project file: the same names and values. */
static void
test_import_json_auth (void)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pets.restcall", NULL);
  g_autofree char *document =
    g_test_build_filename (G_TEST_DIST, "data", "openapi", "petstore-3.0.yaml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) file = NULL;
  g_auto(RcTestRun) json = { 0 };
  g_auto(RcTestRun) into = { 0 };
  JsonObject *auth;

  rc_test_run_restcall (&json, NULL, NULL, "import", document, "--json");
  g_assert_cmpint (json.status, ==, 0);
  rc_test_run_restcall (&into, NULL, NULL, "import", document, "--into", path);
  g_assert_cmpint (into.status, ==, 0);

  report = rc_test_parse_json (json.out);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  file = rc_test_parse_json (contents);

  auth = json_object_get_object_member (json_node_get_object (report), "auth");
  g_assert_cmpstr (json_object_get_string_member (auth, "scopes"), ==,
                   "read:pets write:pets admin");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (report), "auth_scheme"), ==,
                   "cc");
  assert_json_equal ("auth",
                     json_object_get_member (
                       json_array_get_object_element (
                         json_object_get_array_member (json_node_get_object (file), "apis"), 0),
                       "auth"),
                     json_object_get_member (json_node_get_object (report), "auth"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
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

  rc_test_save_project (project, path);
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
  g_autofree char *listing = NULL;
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
  rc_test_save_project (project, path);

  g_assert_true (
    g_file_set_contents (document,
                         "{\"openapi\": \"3.0.0\", "
                         "\"info\": {\"title\": \"Evil\\u001b[2J\", \"version\": \"1\"}, "
                         "\"servers\": [{\"url\": \"https://user:hunter2@api.example.com\"}], "
                         "\"paths\": {\"/x\": {\"get\": {\"operationId\": \"op\\u009b1m\", "
                         "\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}",
                         -1, NULL));

  rc_test_run_restcall (&show, NULL, no_keyring, "show", path);
  g_assert_cmpint (show.status, ==, 0);
  listing = rc_test_squeeze_listing (show.out);
  g_assert_nonnull (strstr (listing, "Pets\\x1b]0;pwned\\x07\n"));
  g_assert_nonnull (strstr (listing, "Base URL: https://user@api.example.com/v1"));
  g_assert_nonnull (strstr (listing, "Access token URL: https://client@auth.example.com/token"));
  g_assert_nonnull (strstr (listing, "get\\x1b[2J  https://u@other.example.com/x"));
  g_clear_pointer (&listing, g_free);

  rc_test_run_restcall (&show_auth, NULL, no_keyring, "auth", path, "Pets\x1b]0;pwned\x07");
  g_assert_cmpint (show_auth.status, ==, 0);
  listing = rc_test_squeeze_listing (show_auth.out);
  g_assert_nonnull (strstr (listing, "Access token URL: https://client@auth.example.com/token"));

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
  g_test_add_func ("/restcall/cli/import-json-auth", test_import_json_auth);
  g_test_add_func ("/restcall/cli/import-into-read-only", test_import_into_read_only);
  g_test_add_func ("/restcall/cli/printed-text-is-safe", test_printed_text_is_safe);

  return g_test_run ();
}
