/* test-cli-resolve.c: `restcall run|token --env NAME --var NAME=VALUE`, run as a user would
 *
 * Runs the real `restcall` binary, without a display, on a project with
 * two environments, “Staging” and “Production”, against a scripted
 * SoupServer on 127.0.0.1 that is both the authorization server (/token:
 * the token names the client and secret it was given) and the API (it
 * answers with the path and headers it got). The client secret is a
 * secret variable, its values stored per environment in a throwaway
 * gnome-keyring-daemon. Checks that each environment's values reach the
 * server and its secret gets its own token, that --var wins, that an
 * unknown environment or variable is said with the command that fixes it,
 * and that no secret value is ever printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "restcall-core.h"
#include "rc-test-cli.h"
#include "rc-test-keyring.h"
#include "rc-test-server.h"

#define STAGING_SECRET "staging-s3cret-canary"
#define PRODUCTION_SECRET "production-s3cret-canary"

typedef struct
{
  RcTestServer *server;
  char         *dir;
  char         *path;
} Fixture;

/* The token for @client with @secret: "tok-CLIENT-" and the start of the
 * secret's SHA-256. */
static char *
dup_token (const char *client,
           const char *secret)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, secret, -1);

  return g_strdup_printf ("tok-%s-%.8s", client, sum);
}

/* /token: "tok-CLIENT-" and the start of the secret's SHA-256 (a token
 * never holds the secret itself); the API: "PATH TENANT AUTHORIZATION". */
static void
handler (RcTestServer      *server,
         SoupServerMessage *message,
         const char        *path,
         gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);

  if (g_str_equal (path, "/token"))
    {
      const char *authorization = soup_message_headers_get_one (headers, "Authorization");
      g_autofree guchar *decoded = NULL;
      g_autofree char *credentials = NULL;
      g_autofree char *token = NULL;
      g_autofree char *body = NULL;
      char *colon;
      gsize len;

      decoded = g_base64_decode (authorization + strlen ("Basic "), &len);
      credentials = g_strndup ((const char *) decoded, len);
      colon = strchr (credentials, ':');
      *colon = '\0';
      token = dup_token (credentials, colon + 1);
      body = g_strdup_printf ("{\"access_token\": \"%s\", \"token_type\": \"Bearer\", "
                              "\"expires_in\": 3600}", token);
      rc_test_respond (message, 200, "application/json", body);
    }
  else
    {
      g_autofree char *seen =
        g_strdup_printf ("%s %s %s", path, soup_message_headers_get_one (headers, "X-Tenant"),
                         soup_message_headers_get_one (headers, "Authorization"));

      rc_test_respond (message, 200, "text/plain", seen);
    }
}

static void
add_environment (RcProject  *project,
                 const char *name,
                 const char *origin,
                 const char *tenant)
{
  g_autoptr(RcEnvironment) environment = rc_environment_new (name);
  g_autoptr(RcVariable) base = rc_variable_new ("base", origin);
  g_autoptr(RcVariable) tenant_variable = rc_variable_new ("tenant", tenant);
  g_autoptr(RcVariable) secret = rc_variable_new_secret ("client_secret");

  rc_environment_add_variable (environment, base);
  rc_environment_add_variable (environment, tenant_variable);
  rc_environment_add_variable (environment, secret);
  rc_project_add_environment (project, environment);
}

static void
store_secret (RcProject  *project,
              const char *environment_name,
              const char *value)
{
  g_autoptr(RcSecretStore) store = rc_secret_store_new ();
  RcEnvironment *environment = rc_project_find_environment (project, environment_name);
  g_autofree char *id = rc_environment_dup_secret_id (environment, "client_secret");
  g_autoptr(RcSecretBinding) binding =
    rc_environment_dup_secret_binding (environment, "client_secret");
  g_autoptr(GError) error = NULL;

  g_assert_true (rc_test_keyring_store (store, rc_project_get_id (project),
                                        rc_environment_get_id (environment), id, binding, value,
                                        &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) api = rc_api_new ("Pets");
  g_autoptr(RcMethod) method = rc_method_new ("list");
  g_autofree char *origin = NULL;
  RcAuth *auth;

  rc_test_keyring_require_session ();

  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = handler;
  fixture->dir = rc_test_make_dir ("restcall-cli-resolve-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "pets.restcall", NULL);
  origin = rc_test_server_url (fixture->server, "");
  origin[strlen (origin) - 1] = '\0';

  add_environment (project, "Staging", origin, "blue");
  add_environment (project, "Production", origin, "red");

  rc_api_set_base_url (api, "{{base}}/api");
  rc_pair_list_append (rc_api_get_headers (api), "X-Tenant", "{{tenant}}");
  rc_pair_list_append (rc_api_get_headers (api), "X-Key", "{{client_secret}}");
  auth = rc_api_get_auth (api);
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "app-{{tenant}}");
  rc_auth_set_token_url (auth, "{{base}}/token");
  rc_auth_set_secret_variable (auth, "client_secret");
  rc_method_set_url (method, "/{{tenant}}/pets");
  rc_api_add_method (api, method);
  rc_project_add_api (project, api);

  store_secret (project, "Staging", STAGING_SECRET);
  store_secret (project, "Production", PRODUCTION_SECRET);
  rc_test_save_project (project, fixture->path);
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

static void
assert_no_secret (RcTestRun *run)
{
  rc_test_assert_lacks (run->out, STAGING_SECRET, PRODUCTION_SECRET, NULL);
  rc_test_assert_lacks (run->err, STAGING_SECRET, PRODUCTION_SECRET, NULL);
}

/* The active environment by default, another with --env, --var over it. */
static void
test_run (Fixture       *fixture,
          gconstpointer  data)
{
  g_auto(RcTestRun) active = { 0 };
  g_auto(RcTestRun) production = { 0 };
  g_auto(RcTestRun) var = { 0 };
  g_autofree char *before = rc_test_read_file (fixture->path);
  g_autofree char *after = NULL;
  g_autofree char *blue = dup_token ("app-blue", STAGING_SECRET);
  g_autofree char *red = dup_token ("app-red", PRODUCTION_SECRET);
  g_autofree char *green = dup_token ("app-green", PRODUCTION_SECRET);
  g_autofree char *expected = NULL;

  rc_test_run_restcall (&active, NULL, NULL, "run", fixture->path, "Pets", "list");
  g_test_message ("%s", active.err);
  g_assert_cmpint (active.status, ==, 0);
  expected = g_strconcat ("/api/blue/pets blue Bearer ", blue, NULL);
  g_assert_cmpstr (active.out, ==, expected);
  assert_no_secret (&active);

  rc_test_run_restcall (&production, NULL, NULL, "run", fixture->path, "Pets", "list",
                        "--env", "Production");
  g_assert_cmpint (production.status, ==, 0);
  g_free (expected);
  expected = g_strconcat ("/api/red/pets red Bearer ", red, NULL);
  g_assert_cmpstr (production.out, ==, expected);

  rc_test_run_restcall (&var, NULL, NULL, "run", fixture->path, "Pets", "list",
                        "--env", "Production", "--var", "tenant=green");
  g_assert_cmpint (var.status, ==, 0);
  g_free (expected);
  expected = g_strconcat ("/api/green/pets green Bearer ", green, NULL);
  g_assert_cmpstr (var.out, ==, expected);

  /* Nothing was written back. */
  after = rc_test_read_file (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (strstr (after, STAGING_SECRET));
}

/* One run of every method in each environment: one token each. */
static void
test_run_all_and_token (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(RcTestRun) all = { 0 };
  g_auto(RcTestRun) token = { 0 };
  g_autoptr(JsonObject) report = NULL;
  g_autofree char *blue = dup_token ("app-blue", STAGING_SECRET);
  g_autofree char *printed = g_strconcat (blue, "\n", NULL);

  rc_test_run_restcall (&all, NULL, NULL, "run", fixture->path, "--all", "--env", "Production",
                        "--json");
  g_assert_cmpint (all.status, ==, 0);
  report = rc_test_parse_object (all.out);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (report, "summary"),
                                               "successes"), ==, 1);
  g_assert_nonnull (strstr (all.out, "/api/red/pets"));
  assert_no_secret (&all);

  rc_test_run_restcall (&token, NULL, NULL, "token", fixture->path, "Pets", "--env", "Staging",
                        "--print-token");
  g_assert_cmpint (token.status, ==, 0);
  g_assert_cmpstr (token.out, ==, printed);
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token"), ==, 2);
}

/* `show`: the environment in use; with --env, the settings it makes,
 * secret variables left as {{name}}. */
static void
test_show (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(RcTestRun) plain = { 0 };
  g_auto(RcTestRun) text = { 0 };
  g_auto(RcTestRun) json = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonObject *api;

  rc_test_run_restcall (&plain, NULL, NULL, "show", fixture->path);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_true (g_str_has_prefix (plain.out, "Environment"));
  g_assert_nonnull (strstr (plain.out, "Staging\n"));
  g_assert_nonnull (strstr (plain.out, "Production\n"));
  g_assert_nonnull (strstr (plain.out, "{{base}}/api"));

  rc_test_run_restcall (&text, NULL, NULL, "show", fixture->path, "--env", "Production");
  g_test_message ("%s", text.out);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "/api\n"));
  g_assert_null (strstr (text.out, "{{base}}"));
  g_assert_nonnull (strstr (text.out, "app-red"));
  g_assert_nonnull (strstr (text.out, "X-Key: {{client_secret}}"));
  assert_no_secret (&text);

  rc_test_run_restcall (&json, NULL, NULL, "show", fixture->path, "--json", "--env", "Staging",
                        "--var", "tenant=green");
  g_assert_cmpint (json.status, ==, 0);
  root = rc_test_parse_object (json.out);
  api = json_array_get_object_element (json_object_get_array_member (root, "apis"), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (api, "auth"),
                                                  "client_id"), ==, "app-green");
  g_assert_cmpstr (json_object_get_string_member (root, "active_environment"), ==,
                   json_object_get_string_member (
                     json_array_get_object_element (
                       json_object_get_array_member (root, "environments"), 0), "id"));
  assert_no_secret (&json);
}

/* What cannot be resolved is said with the command that fixes it, and
 * nothing is sent. */
static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(RcTestRun) unknown_env = { 0 };
  g_auto(RcTestRun) bad_var = { 0 };
  g_auto(RcTestRun) undefined = { 0 };
  g_autoptr(RcProject) project = rc_test_load_project (fixture->path);

  rc_test_run_restcall (&unknown_env, NULL, NULL, "run", fixture->path, "Pets", "list",
                        "--env", "QA");
  g_assert_cmpint (unknown_env.status, ==, 3);
  g_assert_nonnull (strstr (unknown_env.err, "pets.restcall has no environment “QA”. Its "
                                             "environments: “Staging”, “Production”.\n"));

  rc_test_run_restcall (&bad_var, NULL, NULL, "run", fixture->path, "Pets", "list",
                        "--var", "tenant");
  g_assert_cmpint (bad_var.status, ==, 2);
  g_assert_nonnull (strstr (bad_var.err, "--var takes NAME=VALUE"));

  /* A variable the environment lacks. */
  rc_method_set_url (rc_api_find_method (rc_project_find_api (project, "Pets"), "list"),
                     "/{{region}}/pets");
  rc_test_save_project (project, fixture->path);
  rc_test_run_restcall (&undefined, NULL, NULL, "run", fixture->path, "Pets", "list",
                        "--env", "Production");
  g_test_message ("%s", undefined.err);
  g_assert_cmpint (undefined.status, ==, 3);
  g_assert_nonnull (strstr (undefined.err, "{{region}}, used in the URL of the method “list”, is "
                                           "not defined in “Production”. Add it with “restcall "
                                           "env set "));
  g_assert_nonnull (strstr (undefined.err, " Production --var region=VALUE”, or give it for "
                                           "this run with --var region=VALUE.\n"));
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/restcall/cli-resolve/" name, Fixture, NULL, fixture_setup, func, \
              fixture_teardown)
  ADD ("run", test_run);
  ADD ("run-all-and-token", test_run_all_and_token);
  ADD ("show", test_show);
  ADD ("errors", test_errors);
#undef ADD

  return g_test_run ();
}
