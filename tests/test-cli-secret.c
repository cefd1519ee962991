/* test-cli-secret.c: `restcall secret`, `auth`, and `run`/`token` with the keyring
 *
 * Run by keyring-session.sh, inside a private session bus with a
 * throwaway, unlocked GNOME Keyring. Runs the real `restcall` binary as a
 * subprocess (which inherits that session bus) against a scripted
 * SoupServer on 127.0.0.1 that is both the authorization server (/token)
 * and the API (/api/…); the server lives in this process's main context,
 * which iterates while the binary runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* symlink(), which -std=c11 hides. */
#define _DEFAULT_SOURCE

#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>
#include <unistd.h>

#include "restcall-core.h"
#include "rc-test-cli.h"
#include "rc-test-keyring.h"
#include "rc-test-keys.h"
#include "rc-test-server.h"

#define ACCESS_TOKEN "tok-abcdefghijklmnopqrstuvwxyz0123456789"
#define CLIENT_ID "example.com"
#define CLIENT_SECRET "s=cr%t"
/* Basic base64(form-encode(id) ":" form-encode(secret)), RFC 6749 §2.3.1. */
#define CLIENT_BASIC "Basic ZXhhbXBsZS5jb206cyUzRGNyJTI1dA=="
#define API_BODY "{\"pets\": [\"Rex\", \"Tom\"]}\n"
#define NO_KEYRING "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent"

typedef struct
{
  RcTestServer *server;
  char         *dir;
  char         *path;
  const char   *token;   /* what /token issues and /api wants */
} Fixture;

static void
server_handler (RcTestServer      *server,
                SoupServerMessage *message,
                const char        *path,
                gpointer           user_data)
{
  const char *authorization = soup_message_headers_get_one (
    soup_server_message_get_request_headers (message), "Authorization");

  Fixture *fixture = user_data;
  g_autofree char *bearer = g_strconcat ("Bearer ", fixture->token, NULL);

  if (g_str_equal (path, "/token"))
    {
      g_autofree char *body =
        g_strdup_printf ("{\"access_token\": \"%s\", \"token_type\": \"bearer\", "
                         "\"expires_in\": 3600, \"scope\": \"read write\"}",
                         fixture->token);

      rc_test_respond (message, 200, "application/json", body);
    }
  else if (g_str_has_prefix (path, "/basic"))
    rc_test_respond (message, 200, "text/plain", "basic ok");
  else if (g_strcmp0 (authorization, bearer) != 0)
    rc_test_respond (message, 401, "text/plain", "wrong token");
  else
    rc_test_respond (message, 200, "application/json", API_BODY);
}

/* A project with an OAuth 2.0 API “Pets” (method getItem) and a Basic API
 * “Plain” (method get), both pointing at the scripted server. */
static char *
write_project (Fixture    *fixture,
               const char *dir)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) api = rc_api_new ("Pets");
  g_autoptr(RcApi) basic = rc_api_new ("Plain");
  g_autoptr(RcMethod) method = rc_method_new ("getItem");
  g_autoptr(RcMethod) get = rc_method_new ("get");
  g_autofree char *base = rc_test_server_url (fixture->server, "/api");
  g_autofree char *basic_base = rc_test_server_url (fixture->server, "/basic");
  g_autofree char *token_url = rc_test_server_url (fixture->server, "/token");
  char *path = g_build_filename (dir, "test.restcall", NULL);
  RcAuth *auth = rc_api_get_auth (api);

  rc_api_set_base_url (api, base);
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, CLIENT_ID);
  rc_auth_set_token_url (auth, token_url);
  rc_auth_set_scopes (auth, "read write");
  rc_method_set_url (method, "/items/{id}");
  rc_pair_list_append (rc_method_get_test_values (method), "id", "1");
  rc_api_add_method (api, method);
  rc_project_add_api (project, api);

  rc_api_set_base_url (basic, basic_base);
  rc_auth_set_kind (rc_api_get_auth (basic), RC_AUTH_KIND_BASIC);
  rc_auth_set_username (rc_api_get_auth (basic), "alice");
  rc_method_set_url (get, "/status");
  rc_api_add_method (basic, get);
  rc_project_add_api (project, basic);

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
  fixture->token = ACCESS_TOKEN;
  fixture->dir = rc_test_make_dir ("restcall-cli-secret-XXXXXX");
  fixture->path = write_project (fixture, fixture->dir);
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

/* The auth object of the API @index in the project file, as written. */
static JsonNode *
dup_file_auth (Fixture *fixture,
               guint    index)
{
  g_autofree char *contents = rc_test_read_file (fixture->path);
  g_autoptr(JsonNode) root = rc_test_parse_json (contents);
  JsonArray *apis = json_object_get_array_member (json_node_get_object (root), "apis");

  return json_node_copy (
    json_object_get_member (json_array_get_object_element (apis, index), "auth"));
}

static const char *
last_header (Fixture    *fixture,
             const char *path_prefix,
             const char *name)
{
  for (guint i = fixture->server->requests->len; i > 0; i--)
    {
      RcTestRequest *request = g_ptr_array_index (fixture->server->requests, i - 1);

      if (g_str_has_prefix (request->path, path_prefix))
        return soup_message_headers_get_one (request->headers, name);
    }

  g_assert_not_reached ();
}

static void
assert_secret_state (Fixture    *fixture,
                     const char *api,
                     const char *method,
                     const char *state)
{
  g_auto(RcTestRun) run = { 0 };
  g_autofree char *line = g_strdup_printf (": %s\n", state);
  g_autofree char *out = NULL;

  if (method)
    rc_test_run_restcall (&run, NULL, NULL, "auth", fixture->path, api, method);
  else
    rc_test_run_restcall (&run, NULL, NULL, "auth", fixture->path, api);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  out = rc_test_squeeze_listing (run.out);
  g_assert_true (g_str_has_suffix (out, line));
}

static void
test_set_show_clear (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GList) items = NULL;
  g_autofree char *base = rc_test_server_url (fixture->server, "/");
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) replace = { 0 };
  g_auto(RcTestRun) clear = { 0 };
  g_auto(RcTestRun) clear_again = { 0 };
  g_autofree char *secret_id = NULL;

  assert_secret_state (fixture, "Pets", NULL, "not stored");

  rc_test_run_restcall (&set, CLIENT_SECRET "\n", NULL, "secret", "set", fixture->path, "Pets");
  g_assert_cmpint (set.status, ==, 0);
  g_assert_cmpstr (set.out, ==, "Stored the client secret of the API “Pets” in the keyring.\n");
  g_assert_cmpstr (set.err, ==, "");

  /* The file got the reference, and only that. */
  project = rc_test_load_project (fixture->path);
  secret_id =
    g_strdup (rc_auth_get_secret_id (rc_api_get_auth (rc_project_find_api (project, "Pets"))));
  g_assert_true (g_uuid_string_is_valid (secret_id));
  g_assert_cmpstr (rc_auth_get_secret_id (rc_api_get_auth (rc_project_find_api (project, "Plain"))),
                   ==, "");

  assert_secret_state (fixture, "Pets", NULL, "stored");
  /* The method inherits the API's authentication, so its secret too. */
  assert_secret_state (fixture, "Pets", "getItem", "stored");
  assert_secret_state (fixture, "Plain", NULL, "not stored");

  /* One item: a label with names, attributes with ids, no URL anywhere. */
  items = rc_test_keyring_search (rc_project_get_id (project), NULL);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  {
    SecretRetrievable *item = items->data;
    g_autofree char *label = secret_retrievable_get_label (item);
    g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (item);

    g_assert_cmpstr (label, ==, "Restcall: client secret of “Pets”");
    g_assert_cmpstr (g_hash_table_lookup (attributes, "project"), ==, rc_project_get_id (project));
    g_assert_cmpstr (g_hash_table_lookup (attributes, "owner"), ==,
                     rc_api_get_id (rc_project_find_api (project, "Pets")));
    g_assert_cmpstr (g_hash_table_lookup (attributes, "secret"), ==, secret_id);
    g_assert_null (strstr (label, base));
  }
  g_list_free_full (g_steal_pointer (&items), g_object_unref);

  /* Storing again replaces: still one item, same reference. */
  rc_test_run_restcall (&replace, "another\n", NULL, "secret", "set", fixture->path, "Pets");
  g_assert_cmpint (replace.status, ==, 0);
  items = rc_test_keyring_search (rc_project_get_id (project), NULL);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_list_free_full (g_steal_pointer (&items), g_object_unref);
  g_clear_object (&project);
  project = rc_test_load_project (fixture->path);
  g_assert_cmpstr (rc_auth_get_secret_id (rc_api_get_auth (rc_project_find_api (project, "Pets"))),
                   ==, secret_id);

  rc_test_run_restcall (&clear, NULL, NULL, "secret", "clear", fixture->path, "Pets");
  g_assert_cmpint (clear.status, ==, 0);
  g_assert_cmpstr (clear.out, ==, "Removed the secret of the API “Pets” from the keyring.\n");
  assert_secret_state (fixture, "Pets", NULL, "not stored");
  items = rc_test_keyring_search (rc_project_get_id (project), NULL);
  g_assert_null (items);

  /* Nothing to clear is no failure. */
  rc_test_run_restcall (&clear_again, NULL, NULL, "secret", "clear", fixture->path, "Plain");
  g_assert_cmpint (clear_again.status, ==, 0);
  g_assert_nonnull (strstr (clear_again.out, "nothing to remove"));
}

static void
test_auth_settings (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *token_url = rc_test_server_url (fixture->server, "/oauth2/token");
  g_autoptr(RcProject) project = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_auto(RcTestRun) change = { 0 };
  g_auto(RcTestRun) show = { 0 };
  g_auto(RcTestRun) json = { 0 };
  g_auto(RcTestRun) method_json = { 0 };
  g_auto(RcTestRun) json_change = { 0 };
  g_auto(RcTestRun) one_param = { 0 };
  g_auto(RcTestRun) no_params = { 0 };
  RcAuth *auth;
  RcPairList *params;

  rc_test_run_restcall (&change, "pets-secret-0451\n", NULL, "auth", fixture->path, "Pets",
                        "--client-id", "new-client", "--token-url", token_url,
                        "--scope", "pets:read pets:write", "--client-auth", "body",
                        "--token-param", "audience=https://api.example.com",
                        "--token-param", "resource=pets", "--secret-stdin");
  g_assert_cmpint (change.status, ==, 0);
  g_assert_cmpstr (change.err, ==, "");
  g_assert_nonnull (strstr (change.out, "Saved the authentication of the API “Pets” in "));
  g_assert_nonnull (
    strstr (change.out, "Stored the client secret of the API “Pets” in the keyring.\n"));

  /* The saved file round-trips, without the secret. */
  project = rc_test_load_project (fixture->path);
  auth = rc_api_get_auth (rc_project_find_api (project, "Pets"));
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_cmpstr (rc_auth_get_client_id (auth), ==, "new-client");
  g_assert_cmpstr (rc_auth_get_token_url (auth), ==, token_url);
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "pets:read pets:write");
  g_assert_cmpint (rc_auth_get_client_auth (auth), ==, RC_CLIENT_AUTH_BODY);
  g_assert_cmpint (rc_auth_get_basic_form (auth), ==, RC_BASIC_FORM_AUTO);
  params = rc_auth_get_token_params (auth);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (params)), ==, 2);
  g_assert_cmpstr (rc_pair_list_lookup (params, "audience"), ==, "https://api.example.com");
  g_assert_cmpstr (rc_pair_list_lookup (params, "resource"), ==, "pets");
  g_assert_true (g_uuid_string_is_valid (rc_auth_get_secret_id (auth)));
  contents = rc_test_read_file (fixture->path);
  g_assert_null (strstr (contents, "pets-secret-0451"));
  g_clear_object (&project);

  rc_test_run_restcall (&show, NULL, NULL, "auth", fixture->path, "Pets");
  g_assert_cmpint (show.status, ==, 0);
  /* Aligned: each value starts in one column. */
  expected = g_strdup_printf ("Authentication of the API “Pets”\n"
                              "  Type:                  oauth2-cc (OAuth 2.0: client credentials)\n"
                              "  Client ID:             new-client\n"
                              "  Access token URL:      %s\n"
                              "  Scopes:                pets:read pets:write\n"
                              "  Client authentication: body\n"
                              "  Basic form:            auto\n"
                              "  Token parameters:      audience=https://api.example.com\n"
                              "                         resource=pets\n"
                              "  Client secret:         stored\n",
                              token_url);
  g_assert_cmpstr (show.out, ==, expected);
  g_assert_null (strstr (show.out, "pets-secret-0451"));

  /* --json: the project file's names and values (scopes one string,
   * client_auth as the file spells it), the secret only as stored. */
  rc_test_run_restcall (&json, NULL, NULL, "auth", fixture->path, "Pets", "--json");
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.err, ==, "");
  g_assert_null (strstr (json.out, "pets-secret-0451"));
  g_assert_null (strstr (json.out, "secret_id"));
  {
    g_autoptr(JsonNode) root = rc_test_parse_json (json.out);
    g_autoptr(JsonNode) file_auth = dup_file_auth (fixture, 0);
    JsonObject *object = json_node_get_object (root);
    JsonObject *shown = json_object_get_object_member (object, "auth");

    g_assert_cmpstr (json_object_get_string_member (object, "api"), ==, "Pets");
    g_assert_false (json_object_has_member (object, "method"));
    g_assert_cmpstr (json_object_get_string_member (shown, "scopes"), ==, "pets:read pets:write");
    g_assert_cmpstr (json_object_get_string_member (shown, "client_auth"), ==, "body");
    g_assert_cmpstr (json_object_get_string_member (shown, "secret"), ==, "stored");
    json_object_remove_member (shown, "secret");
    json_object_remove_member (json_node_get_object (file_auth), "secret_id");
    g_assert_true (json_node_equal (file_auth, json_object_get_member (object, "auth")));
  }

  /* A method that inherits shows the API's, and says so. */
  rc_test_run_restcall (&method_json, NULL, NULL, "auth", fixture->path, "Pets", "getItem",
                        "--json");
  g_assert_cmpint (method_json.status, ==, 0);
  {
    g_autoptr(JsonNode) root = rc_test_parse_json (method_json.out);
    JsonObject *object = json_node_get_object (root);

    g_assert_cmpstr (json_object_get_string_member (object, "method"), ==, "getItem");
    g_assert_true (json_object_get_boolean_member (object, "inherited"));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "auth"),
                                                    "client_id"),
                     ==, "new-client");
  }

  /* It prints; it changes nothing. */
  rc_test_run_restcall (&json_change, NULL, NULL, "auth", fixture->path, "Pets", "--json",
                        "--scope", "admin");
  g_assert_cmpint (json_change.status, ==, 2);
  g_assert_cmpstr (json_change.out, ==, "");

  /* --token-param replaces the whole list; --no-token-params empties it. */
  rc_test_run_restcall (&one_param, NULL, NULL, "auth", fixture->path, "Pets", "--token-param",
                        "audience=x", "--no-raw-basic");
  g_assert_cmpint (one_param.status, ==, 0);
  project = rc_test_load_project (fixture->path);
  auth = rc_api_get_auth (rc_project_find_api (project, "Pets"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rc_auth_get_token_params (auth))), ==,
                    1);
  g_assert_cmpstr (rc_pair_list_lookup (rc_auth_get_token_params (auth), "audience"), ==, "x");
  g_assert_cmpint (rc_auth_get_basic_form (auth), ==, RC_BASIC_FORM_RFC);
  /* What was not named stays. */
  g_assert_cmpstr (rc_auth_get_client_id (auth), ==, "new-client");
  g_assert_cmpint (rc_auth_get_client_auth (auth), ==, RC_CLIENT_AUTH_BODY);
  g_clear_object (&project);

  rc_test_run_restcall (&no_params, NULL, NULL, "auth", fixture->path, "Pets", "--no-token-params");
  g_assert_cmpint (no_params.status, ==, 0);
  project = rc_test_load_project (fixture->path);
  auth = rc_api_get_auth (rc_project_find_api (project, "Pets"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rc_auth_get_token_params (auth))), ==,
                    0);
  assert_secret_state (fixture, "Pets", NULL, "stored");
}

static void
test_auth_kind_change (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GList) items = NULL;
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) to_none = { 0 };
  g_auto(RcTestRun) show = { 0 };
  g_auto(RcTestRun) to_basic = { 0 };

  rc_test_run_restcall (&set, "p:w\n", NULL, "secret", "set", fixture->path, "Plain");
  g_assert_cmpint (set.status, ==, 0);
  g_assert_cmpstr (set.out, ==, "Stored the password of the API “Plain” in the keyring.\n");

  /* Another kind: the password must not stay, nor its reference. */
  rc_test_run_restcall (&to_none, NULL, NULL, "auth", fixture->path, "Plain", "--type", "none");
  g_assert_cmpint (to_none.status, ==, 0);
  g_assert_nonnull (
    strstr (to_none.out, "Removed the old secret of the API “Plain” from the keyring."));
  project = rc_test_load_project (fixture->path);
  g_assert_cmpint (rc_auth_get_kind (rc_api_get_auth (rc_project_find_api (project, "Plain"))), ==,
                   RC_AUTH_KIND_NONE);
  g_assert_cmpstr (rc_auth_get_secret_id (rc_api_get_auth (rc_project_find_api (project, "Plain"))),
                   ==, "");
  items = rc_test_keyring_search (rc_project_get_id (project), NULL);
  g_assert_null (items);

  rc_test_run_restcall (&show, NULL, NULL, "auth", fixture->path, "Plain");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_cmpstr (show.out, ==, "Authentication of the API “Plain”\n  Type: none (None)\n");

  /* Back to Basic, with a new user and password at once. */
  rc_test_run_restcall (&to_basic, "bob-pw\n", NULL, "auth", fixture->path, "Plain", "--type",
                        "basic", "--user", "bob", "--secret-stdin");
  g_assert_cmpint (to_basic.status, ==, 0);
  g_assert_nonnull (
    strstr (to_basic.out, "Stored the password of the API “Plain” in the keyring."));
  assert_secret_state (fixture, "Plain", NULL, "stored");
}

static void
test_auth_method (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GList) items = NULL;
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) inherited = { 0 };
  g_auto(RcTestRun) own = { 0 };
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) method_set = { 0 };
  g_auto(RcTestRun) inherit = { 0 };
  RcAuth *api_auth, *method_auth;
  RcMethod *method;

  rc_test_run_restcall (&set, CLIENT_SECRET "\n", NULL, "secret", "set", fixture->path, "Pets");
  g_assert_cmpint (set.status, ==, 0);

  /* A method that inherits has no secret of its own to set. */
  rc_test_run_restcall (&inherited, "x\n", NULL, "secret", "set", fixture->path, "Pets", "getItem");
  g_assert_cmpint (inherited.status, ==, 3);
  g_assert_nonnull (strstr (inherited.err, "inherits the authentication of the API “Pets”"));
  g_assert_nonnull (strstr (inherited.err, "restcall secret set "));

  /* Its own: a copy of the API's, with its own reference and a copy of
   * the API's secret (the same login). */
  rc_test_run_restcall (&own, NULL, NULL, "auth", fixture->path, "Pets", "getItem", "--scope",
                        "read");
  g_assert_cmpint (own.status, ==, 0);
  g_assert_nonnull (strstr (own.out, "Copied the API’s secret for the method"));
  project = rc_test_load_project (fixture->path);
  api_auth = rc_api_get_auth (rc_project_find_api (project, "Pets"));
  method = rc_api_find_method (rc_project_find_api (project, "Pets"), "getItem");
  method_auth = rc_method_get_auth (method);
  g_assert_nonnull (method_auth);
  g_assert_cmpstr (rc_auth_get_client_id (method_auth), ==, CLIENT_ID);
  g_assert_cmpstr (rc_auth_get_scopes (method_auth), ==, "read");
  g_assert_cmpstr (rc_auth_get_scopes (api_auth), ==, "read write");
  g_assert_true (g_uuid_string_is_valid (rc_auth_get_secret_id (method_auth)));
  g_assert_cmpstr (rc_auth_get_secret_id (method_auth), !=, rc_auth_get_secret_id (api_auth));
  items = rc_test_keyring_search (rc_project_get_id (project), NULL);
  g_assert_cmpuint (g_list_length (items), ==, 2);
  g_list_free_full (g_steal_pointer (&items), g_object_unref);

  /* The copy works for a call. */
  rc_test_run_restcall (&run, NULL, NULL, "run", fixture->path, "Pets", "getItem");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, API_BODY);
  g_assert_cmpstr (last_header (fixture, "/token", "Authorization"), ==, CLIENT_BASIC);

  rc_test_run_restcall (&method_set, "method-secret\n", NULL, "secret", "set", fixture->path,
                        "Pets", "getItem");
  g_assert_cmpint (method_set.status, ==, 0);
  g_assert_cmpstr (
    method_set.out, ==,
    "Stored the client secret of the method “getItem” of the API “Pets” in the keyring.\n");

  /* Inheriting again removes the method's auth and its secret, and only
   * that: the API's stays. */
  rc_test_run_restcall (&inherit, NULL, NULL, "auth", fixture->path, "Pets", "getItem", "--type",
                        "inherit");
  g_assert_cmpint (inherit.status, ==, 0);
  g_clear_object (&project);
  project = rc_test_load_project (fixture->path);
  g_assert_null (
    rc_method_get_auth (rc_api_find_method (rc_project_find_api (project, "Pets"), "getItem")));
  items = rc_test_keyring_search (rc_project_get_id (project), NULL);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  assert_secret_state (fixture, "Pets", NULL, "stored");
  g_list_free_full (g_steal_pointer (&items), g_object_unref);
}

static void
test_run_from_keyring (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *other_dir = g_dir_make_tmp ("restcall-cli-secret-XXXXXX", NULL);
  g_autofree char *other_path = write_project (fixture, other_dir);
  g_auto(RcTestRun) not_stored = { 0 };
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) token = { 0 };
  g_auto(RcTestRun) basic_empty = { 0 };
  g_auto(RcTestRun) basic_set = { 0 };
  g_auto(RcTestRun) basic = { 0 };
  g_auto(RcTestRun) other_set = { 0 };
  g_auto(RcTestRun) other_run = { 0 };
  g_auto(RcTestRun) again = { 0 };

  /* Nothing stored: a clear error, and no call. */
  rc_test_run_restcall (&not_stored, NULL, NULL, "run", fixture->path, "Pets", "getItem");
  g_assert_cmpint (not_stored.status, ==, 4);
  g_assert_nonnull (strstr (not_stored.err, "No client secret is stored for the API “Pets”: run "
                                            "“restcall secret set "));
  g_assert_nonnull (strstr (not_stored.err, "--secret-env VAR"));
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);

  rc_test_run_restcall (&set, CLIENT_SECRET "\n", NULL, "secret", "set", fixture->path, "Pets");
  g_assert_cmpint (set.status, ==, 0);

  rc_test_run_restcall (&run, NULL, NULL, "run", fixture->path, "Pets", "getItem");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, API_BODY);
  g_assert_cmpstr (run.err, ==, "");
  /* The token endpoint got the client credentials from the keyring. */
  g_assert_cmpstr (soup_message_headers_get_one (
                     rc_test_find_request (fixture->server, "/token")->headers, "Authorization"),
                   ==, CLIENT_BASIC);
  g_assert_cmpstr (last_header (fixture, "/api", "Authorization"), ==, "Bearer " ACCESS_TOKEN);

  rc_test_run_restcall (&token, NULL, NULL, "token", fixture->path, "Pets");
  g_assert_cmpint (token.status, ==, 0);
  g_assert_nonnull (strstr (token.out, "Access token: tok-ab"));
  g_assert_cmpstr (last_header (fixture, "/token", "Authorization"), ==, CLIENT_BASIC);

  /* Basic with no password stored is sent as before: an empty password. */
  rc_test_run_restcall (&basic_empty, NULL, NULL, "run", fixture->path, "Plain", "get");
  g_assert_cmpint (basic_empty.status, ==, 0);
  g_assert_cmpstr (last_header (fixture, "/basic", "Authorization"), ==, "Basic YWxpY2U6");

  /* RFC 7617: user ":" password, unencoded. */
  rc_test_run_restcall (&basic_set, "p:w\n", NULL, "secret", "set", fixture->path, "Plain");
  g_assert_cmpint (basic_set.status, ==, 0);
  rc_test_run_restcall (&basic, NULL, NULL, "run", fixture->path, "Plain", "get");
  g_assert_cmpint (basic.status, ==, 0);
  g_assert_cmpstr (basic.out, ==, "basic ok");
  g_assert_cmpstr (last_header (fixture, "/basic", "Authorization"), ==, "Basic YWxpY2U6cDp3");

  /* Another project with the same API names keeps its own secret. */
  rc_test_run_restcall (&other_set, "other-pw\n", NULL, "secret", "set", other_path, "Plain");
  g_assert_cmpint (other_set.status, ==, 0);
  rc_test_run_restcall (&other_run, NULL, NULL, "run", other_path, "Plain", "get");
  g_assert_cmpint (other_run.status, ==, 0);
  g_assert_cmpstr (last_header (fixture, "/basic", "Authorization"), ==,
                   "Basic YWxpY2U6b3RoZXItcHc=");
  rc_test_run_restcall (&again, NULL, NULL, "run", fixture->path, "Plain", "get");
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (last_header (fixture, "/basic", "Authorization"), ==, "Basic YWxpY2U6cDp3");

  rc_test_remove_dir (other_dir);
}

/* A canary client secret, Basic password and access token through every
 * command that touches them, with every debug message on: they reach the
 * servers, and appear in no output, log or file. */
static void
test_canary (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *canary = g_strdup_printf ("canary-%s", uuid);
  g_autofree char *canary_line = g_strdup_printf ("%s\n", canary);
  g_autofree char *canary_env = g_strdup_printf ("RC_TEST_CANARY=%s", canary);
  const char * const debug_env[] = { "G_MESSAGES_DEBUG=all", canary_env, NULL };
  g_autofree char *token = g_strdup_printf ("canary-token-%s", uuid);
  g_autofree char *bearer = g_strdup_printf ("Bearer %s", token);
  g_autofree char *basic_credentials = g_strdup_printf ("alice:%s", canary);
  g_autofree char *basic_base64 = g_base64_encode ((const guchar *)basic_credentials,
                                                   strlen (basic_credentials));
  g_autofree char *client_credentials = g_strdup_printf ("%s:%s", CLIENT_ID, canary);
  g_autofree char *client_base64 = g_base64_encode ((const guchar *)client_credentials,
                                                    strlen (client_credentials));
  g_autofree char *expected_basic = g_strdup_printf ("Basic %s", basic_base64);
  g_autofree char *expected_client = g_strdup_printf ("Basic %s", client_base64);
  g_autofree char *token_url = rc_test_server_url (fixture->server, "/token");
  g_autofree char *api_url = rc_test_server_url (fixture->server, "/api/items/1");
  RcTestRun runs[16] = { { 0 } };
  guint n = 0;

  fixture->token = token;

  rc_test_run_restcall (&runs[n++], canary_line, debug_env, "secret", "set", fixture->path, "Pets");
  rc_test_run_restcall (&runs[n++], canary_line, debug_env, "auth", fixture->path, "Plain",
                        "--secret-stdin");
  rc_test_run_restcall (&runs[n++], canary_line, debug_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-stdin", "--client-auth", "body", "--token-url", token_url,
                        "--inspect", api_url);
  rc_test_run_restcall (&runs[n++], NULL, debug_env, "run", fixture->path, "Pets", "getItem",
                        "--inspect");
  rc_test_run_restcall (&runs[n++], NULL, debug_env, "run", fixture->path, "Plain", "get",
                        "--inspect");
  rc_test_run_restcall (&runs[n++], NULL, debug_env, "run", fixture->path, "Pets", "getItem",
                        "--inspect", "--json");
  rc_test_run_restcall (&runs[n++], NULL, debug_env, "run", fixture->path, "Pets", "getItem",
                        "--repeat", "3", "--concurrency", "2", "--json");
  rc_test_run_restcall (&runs[n++], NULL, debug_env, "token", fixture->path, "Pets", "--inspect");
  rc_test_run_restcall (&runs[n++], NULL, debug_env, "token", fixture->path, "Pets", "--json");
  rc_test_run_restcall (&runs[n++], NULL, debug_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_CANARY", "--token-url", token_url,
                        "--inspect", api_url);
  rc_test_run_restcall (&runs[n++], NULL, debug_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_CANARY", "--token-url", token_url,
                        "--repeat", "2", "--json", "--inspect", api_url);
  rc_test_run_restcall (&runs[n++], NULL, debug_env, "auth", fixture->path, "Pets", "--scope",
                        "read write admin");
  rc_test_run_restcall (&runs[n++], NULL, debug_env, "auth", fixture->path, "Pets");
  rc_test_run_restcall (&runs[n++], NULL, debug_env, "show", fixture->path);
  rc_test_run_restcall (&runs[n++], NULL, debug_env, "show", fixture->path, "--json");
  rc_test_run_restcall (&runs[n++], NULL, debug_env, "secret", "clear", fixture->path, "Plain");
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (runs));

  for (guint i = 0; i < n; i++)
    {
      if (runs[i].status != 0)
        g_error ("Run %u exited %d:\n%s", i, runs[i].status, runs[i].err);
    }

  /* The canaries were used, so their absence below means something. */
  g_assert_cmpstr (last_header (fixture, "/token", "Authorization"), ==, expected_client);
  g_assert_cmpstr (last_header (fixture, "/basic", "Authorization"), ==, expected_basic);
  g_assert_cmpstr (last_header (fixture, "/api", "Authorization"), ==, bearer);
  g_assert_nonnull (strstr (runs[2].out, "── Authorization server request ──"));

  /* Not in any output, nor in any file, plain or as the Basic credentials
   * it makes. */
  for (guint i = 0; i < n; i++)
    {
      rc_test_assert_nowhere (&runs[i], fixture->dir, canary);
      rc_test_assert_nowhere (&runs[i], fixture->dir, token);
      rc_test_assert_nowhere (&runs[i], fixture->dir, basic_base64);
      rc_test_assert_nowhere (&runs[i], fixture->dir, client_base64);
      rc_test_run_clear (&runs[i]);
    }
}

/* `show` says, for each authentication, whether its secret is stored,
 * and never prints the secret. */
static void
test_show_secret_state (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *secret = g_strdup_printf ("show-secret-%s", uuid);
  g_autofree char *secret_line = g_strdup_printf ("%s\n", secret);
  g_autofree char *listing = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) show = { 0 };
  g_auto(RcTestRun) json = { 0 };
  JsonArray *apis;
  const char *pets, *plain;

  rc_test_run_restcall (&set, secret_line, NULL, "secret", "set", fixture->path, "Pets");
  g_assert_cmpint (set.status, ==, 0);

  rc_test_run_restcall (&show, NULL, NULL, "show", fixture->path);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_cmpstr (show.err, ==, "");
  listing = rc_test_squeeze_listing (show.out);
  pets = strstr (listing, "    Client secret: stored\n");
  plain = strstr (listing, "    Password: not stored\n");
  g_assert_nonnull (pets);
  g_assert_nonnull (plain);
  g_assert_true (pets < strstr (listing, "Plain\n") && strstr (listing, "Plain\n") < plain);
  g_assert_nonnull (strstr (listing, "    Test values: id=1\n"));
  rc_test_assert_nowhere (&show, fixture->dir, secret);

  rc_test_run_restcall (&json, NULL, NULL, "show", fixture->path, "--json");
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.err, ==, "");
  root = rc_test_parse_json (json.out);
  apis = json_object_get_array_member (json_node_get_object (root), "apis");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_array_get_object_element (apis, 0), "auth"),
                     "secret"),
                   ==, "stored");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_array_get_object_element (apis, 1), "auth"),
                     "secret"),
                   ==, "not-stored");
  rc_test_assert_nowhere (&json, fixture->dir, secret);
}

/* `token --print-token` prints the access token the server issued, and
 * nothing else, on stdout; without it, the token is only ever masked. */
static void
test_print_token (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *token = g_strdup_printf ("printed-%s", uuid);
  g_autofree char *token_line = g_strdup_printf ("%s\n", token);
  g_autofree char *api_url = rc_test_server_url (fixture->server, "/api/items/1");
  g_autofree char *header = NULL;
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) masked = { 0 };
  g_auto(RcTestRun) masked_json = { 0 };
  g_auto(RcTestRun) bare = { 0 };
  g_auto(RcTestRun) inspected = { 0 };
  g_auto(RcTestRun) both = { 0 };
  g_auto(RcTestRun) help = { 0 };
  g_auto(RcTestRun) use = { 0 };
  guint n_requests;

  fixture->token = token;
  rc_test_run_restcall (&set, CLIENT_SECRET "\n", NULL, "secret", "set", fixture->path, "Pets");
  g_assert_cmpint (set.status, ==, 0);

  /* The default, and --json, mask it. */
  rc_test_run_restcall (&masked, NULL, NULL, "token", fixture->path, "Pets");
  g_assert_cmpint (masked.status, ==, 0);
  g_assert_nonnull (strstr (masked.out, "Access token: print"));
  rc_test_run_restcall (&masked_json, NULL, NULL, "token", fixture->path, "Pets", "--json");
  g_assert_cmpint (masked_json.status, ==, 0);
  rc_test_assert_absent ("standard output", masked.out, token);
  rc_test_assert_absent ("standard error", masked.err, token);
  rc_test_assert_absent ("standard output", masked_json.out, token);
  rc_test_assert_absent ("standard error", masked_json.err, token);

  /* Asked for by name: the token the server issued, a newline, no more. */
  n_requests = fixture->server->requests->len;
  rc_test_run_restcall (&bare, NULL, NULL, "token", fixture->path, "Pets", "--print-token");
  g_assert_cmpint (bare.status, ==, 0);
  g_assert_cmpstr (bare.out, ==, token_line);
  g_assert_cmpstr (bare.err, ==, "");
  g_assert_cmpuint (fixture->server->requests->len, ==, n_requests + 1);
  g_assert_cmpstr (last_header (fixture, "/token", "Authorization"), ==, CLIENT_BASIC);

  /* … which the API takes. */
  header = g_strdup_printf ("Authorization: Bearer %.*s", (int) strlen (bare.out) - 1, bare.out);
  rc_test_run_restcall (&use, NULL, NULL, "call", "--header", header, api_url);
  g_assert_cmpint (use.status, ==, 0);
  g_assert_cmpstr (use.out, ==, API_BODY);

  /* --inspect goes to stderr, masked, and leaves stdout to the token. */
  rc_test_run_restcall (&inspected, NULL, NULL, "token", fixture->path, "Pets", "--print-token",
                        "--inspect");
  g_assert_cmpint (inspected.status, ==, 0);
  g_assert_cmpstr (inspected.out, ==, token_line);
  g_assert_nonnull (strstr (inspected.err, "── Authorization server response ──"));
  rc_test_assert_absent ("standard error", inspected.err, token);

  rc_test_run_restcall (&both, NULL, NULL, "token", fixture->path, "Pets", "--print-token",
                        "--json");
  g_assert_cmpint (both.status, ==, 2);
  g_assert_cmpstr (both.out, ==, "");
  g_assert_nonnull (strstr (both.err, "Use --print-token or --json, not both."));

  rc_test_run_restcall (&help, NULL, NULL, "token", "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--print-token"));
}

static void
test_no_keyring (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const no_keyring[] = { NO_KEYRING, NULL };
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GList) items = NULL;
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) show = { 0 };
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) token = { 0 };
  g_auto(RcTestRun) with_env = { 0 };
  const char * const secret_env[] = { NO_KEYRING, "RC_TEST_SECRET=" CLIENT_SECRET, NULL };

  rc_test_run_restcall (&set, "no-keyring-secret\n", no_keyring, "secret", "set", fixture->path,
                        "Pets");
  g_assert_cmpint (set.status, ==, 4);
  g_assert_cmpstr (set.out, ==, "");
  g_assert_nonnull (strstr (set.err, "No keyring could be used, so the secret was not saved."));
  g_assert_null (strstr (set.err, "no-keyring-secret"));
  {
    g_autofree char *contents = rc_test_read_file (fixture->path);

    g_assert_null (strstr (contents, "no-keyring-secret"));
  }

  /* The reference was saved before the keyring was tried; the real
   * keyring has nothing. */
  project = rc_test_load_project (fixture->path);
  items = rc_test_keyring_search (rc_project_get_id (project), NULL);
  g_assert_null (items);

  rc_test_run_restcall (&show, NULL, no_keyring, "auth", fixture->path, "Pets");
  g_assert_cmpint (show.status, ==, 0);
  {
    g_autofree char *listing = rc_test_squeeze_listing (show.out);

    g_assert_true (g_str_has_suffix (listing, "  Client secret: unknown (keyring unavailable)\n"));
  }

  rc_test_run_restcall (&run, NULL, no_keyring, "run", fixture->path, "Pets", "getItem");
  g_assert_cmpint (run.status, ==, 4);
  g_assert_nonnull (
    strstr (run.err, "Could not read the client secret of the API “Pets” from the keyring"));
  g_assert_nonnull (strstr (run.err, "--secret-env VAR"));

  rc_test_run_restcall (&token, NULL, no_keyring, "token", fixture->path, "Pets");
  g_assert_cmpint (token.status, ==, 4);
  g_assert_nonnull (strstr (token.err, "--secret-env VAR"));
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);

  /* What CI does: the secret from the environment, no keyring needed. */
  rc_test_run_restcall (&with_env, NULL, secret_env, "run", fixture->path, "Pets", "getItem",
                        "--secret-env", "RC_TEST_SECRET");
  g_assert_cmpint (with_env.status, ==, 0);
  g_assert_cmpstr (with_env.out, ==, API_BODY);
  g_assert_cmpstr (last_header (fixture, "/token", "Authorization"), ==, CLIENT_BASIC);
}

/* A read-only project is not replaced by the commands that save: they
 * say so and how to allow it, and nothing reaches the keyring. (They
 * replaced it, since rename() only asks the folder, and root may write
 * anything.) */
static void
test_read_only_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *before = rc_test_read_file (fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(RcProject) project = rc_test_load_project (fixture->path);
  g_autoptr(GList) items = NULL;
  g_auto(RcTestRun) auth = { 0 };
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) show = { 0 };
  g_auto(RcTestRun) writable = { 0 };
  GStatBuf st;

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);

  rc_test_run_restcall (&auth, NULL, NULL, "auth", fixture->path, "Pets", "--scope", "admin");
  g_test_message ("%s", auth.err);
  g_assert_cmpint (auth.status, ==, 3);
  g_assert_cmpstr (auth.out, ==, "");
  g_assert_nonnull (strstr (auth.err, "is read-only, so it was left as it is"));
  g_assert_nonnull (strstr (auth.err, "chmod u+w"));
  g_assert_nonnull (strstr (auth.err, fixture->path));

  rc_test_run_restcall (&set, "read-only-secret\n", NULL, "secret", "set", fixture->path, "Pets");
  g_assert_cmpint (set.status, ==, 3);
  g_assert_nonnull (strstr (set.err, "The secret was not saved"));
  g_assert_nonnull (strstr (set.err, "is read-only"));
  items = rc_test_keyring_search (rc_project_get_id (project), NULL);
  g_assert_null (items);

  after = rc_test_read_file (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);

  /* Reading it is no problem. */
  rc_test_run_restcall (&show, NULL, NULL, "auth", fixture->path, "Pets");
  g_assert_cmpint (show.status, ==, 0);

  /* Made writable, as advised, it is saved. */
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  rc_test_run_restcall (&writable, NULL, NULL, "auth", fixture->path, "Pets", "--scope", "admin");
  g_assert_cmpint (writable.status, ==, 0);
  g_clear_object (&project);
  project = rc_test_load_project (fixture->path);
  g_assert_cmpstr (rc_auth_get_scopes (rc_api_get_auth (rc_project_find_api (project, "Pets"))), ==,
                   "admin");
}

/* A project reached through a symbolic link is saved through it: the
 * link stays, the file it points to changes. */
static void
test_saved_through_link (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *link = g_build_filename (fixture->dir, "link.restcall", NULL);
  g_autoptr(RcProject) project = NULL;
  g_auto(RcTestRun) auth = { 0 };

  g_assert_cmpint (symlink ("test.restcall", link), ==, 0);

  rc_test_run_restcall (&auth, NULL, NULL, "auth", link, "Pets", "--scope", "through the link");
  g_assert_cmpint (auth.status, ==, 0);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  project = rc_test_load_project (fixture->path);
  g_assert_cmpstr (rc_auth_get_scopes (rc_api_get_auth (rc_project_find_api (project, "Pets"))), ==,
                   "through the link");
}

/* Another server, as an edited or copied project file may name: it only
 * counts what it gets. */
static void
elsewhere_handler (RcTestServer      *server,
                   SoupServerMessage *message,
                   const char        *path,
                   gpointer           user_data)
{
  rc_test_respond (
    message, 200, "application/json",
    "{\"access_token\": \"stolen\", \"token_type\": \"bearer\", \"expires_in\": 60}");
}

/* Writes the project at @from to @to, changed by @edit, with the same
 * project id: an edited copy. */
static void
write_edited_copy (const char  *from,
                   const char  *to,
                   void       (*edit) (RcProject *project, gpointer data),
                   gpointer     data)
{
  g_autoptr(RcProject) project = rc_test_load_project (from);

  if (edit)
    edit (project, data);
  rc_test_save_project (project, to);
}

static void
set_token_url (RcProject *project,
               gpointer   data)
{
  rc_auth_set_token_url (rc_api_get_auth (rc_project_find_api (project, "Pets")), data);
}

static void
set_client_id (RcProject *project,
               gpointer   data)
{
  rc_auth_set_client_id (rc_api_get_auth (rc_project_find_api (project, "Pets")), data);
}

static void
set_basic_base_url (RcProject *project,
                    gpointer   data)
{
  rc_api_set_base_url (rc_project_find_api (project, "Plain"), data);
}

/* No request reached @server with anything of the secret. */
static void
assert_nothing_sent (RcTestServer *server)
{
  for (guint i = 0; i < server->requests->len; i++)
    {
      RcTestRequest *request = g_ptr_array_index (server->requests, i);
      const char *authorization = soup_message_headers_get_one (request->headers, "Authorization");
      gsize size = 0;
      const char *body = request->body ? g_bytes_get_data (request->body, &size) : NULL;

      g_assert_cmpstr (authorization, !=, CLIENT_BASIC);
      g_assert_true (body == NULL || g_strstr_len (body, size, "s%3Dcr%25t") == NULL);
    }
  g_assert_cmpuint (server->requests->len, ==, 0);
}

/* A project file that now sends the stored secret elsewhere (another token
 * URL origin, another client, another Basic origin), edited in place or in
 * a copy: nothing is sent, and the message says what the secret was saved
 * for, where it would go, and what to run. */
static void
test_binding_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RcTestServer) elsewhere = rc_test_server_new (FALSE);
  g_autofree char *evil_token_url = rc_test_server_url (elsewhere, "/token");
  g_autofree char *evil_base = rc_test_server_url (elsewhere, "/basic");
  g_autofree char *token_url = rc_test_server_url (fixture->server, "/token");
  g_autofree char *origin = rc_url_dup_origin (token_url);
  g_autofree char *evil_origin = rc_url_dup_origin (evil_token_url);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.restcall", NULL);
  g_autofree char *saved_for = NULL;
  g_autofree char *sent_to = NULL;
  g_autofree char *command = NULL;
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) basic_set = { 0 };
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) token = { 0 };
  g_auto(RcTestRun) show = { 0 };
  g_auto(RcTestRun) other_client = { 0 };
  g_auto(RcTestRun) in_place = { 0 };
  g_auto(RcTestRun) basic = { 0 };
  g_auto(RcTestRun) fixed = { 0 };
  g_auto(RcTestRun) fixed_run = { 0 };

  elsewhere->handler = elsewhere_handler;

  rc_test_run_restcall (&set, CLIENT_SECRET "\n", NULL, "secret", "set", fixture->path, "Pets");
  g_assert_cmpint (set.status, ==, 0);
  rc_test_run_restcall (&basic_set, "p:w\n", NULL, "secret", "set", fixture->path, "Plain");
  g_assert_cmpint (basic_set.status, ==, 0);

  /* A copy whose token URL points at another server. */
  write_edited_copy (fixture->path, copy_path, set_token_url, evil_token_url);
  rc_test_run_restcall (&run, NULL, NULL, "run", copy_path, "Pets", "getItem");
  g_test_message ("%s", run.err);
  /* The other server got nothing: no token request, so no secret. */
  assert_nothing_sent (elsewhere);
  g_assert_cmpint (run.status, ==, 4);
  g_assert_cmpstr (run.out, ==, "");
  saved_for = g_strdup_printf ("was saved for %s and the client “" CLIENT_ID "”", origin);
  sent_to = g_strdup_printf (
    "would send it to %s and the client “" CLIENT_ID "”, so it was not sent", evil_origin);
  command = g_strdup_printf ("Run “restcall secret set %s Pets” to use a secret with %s", copy_path,
                             evil_origin);
  g_assert_true (
    g_str_has_prefix (run.err, "restcall: The stored client secret of the API “Pets” "));
  g_assert_nonnull (strstr (run.err, saved_for));
  g_assert_nonnull (strstr (run.err, sent_to));
  g_assert_nonnull (strstr (run.err, command));
  g_assert_null (strstr (run.err, CLIENT_SECRET));
  assert_nothing_sent (elsewhere);
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);

  rc_test_run_restcall (&token, NULL, NULL, "token", copy_path, "Pets");
  g_assert_cmpint (token.status, ==, 4);
  g_assert_nonnull (strstr (token.err, saved_for));
  assert_nothing_sent (elsewhere);

  rc_test_run_restcall (&show, NULL, NULL, "auth", copy_path, "Pets");
  g_assert_cmpint (show.status, ==, 0);
  {
    g_autofree char *listing = rc_test_squeeze_listing (show.out);

    g_assert_nonnull (strstr (listing, "  Client secret: stored for "));
    g_assert_nonnull (strstr (listing, ", not for these settings\n"));
  }

  /* Another client ID, at the same server. */
  write_edited_copy (fixture->path, copy_path, set_client_id, (gpointer) "other-client");
  rc_test_run_restcall (&other_client, NULL, NULL, "run", copy_path, "Pets", "getItem");
  g_assert_cmpint (other_client.status, ==, 4);
  g_assert_nonnull (strstr (other_client.err, "would send it to "));
  g_assert_nonnull (strstr (other_client.err, " and the client “other-client”"));
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);

  /* The file itself changed, with `restcall auth` (or by a pull, a
   * colleague's edit): the secret stays with the old settings, and the
   * command says so. */
  {
    g_auto(RcTestRun) change = { 0 };
    g_autofree char *expected =
      g_strdup_printf ("The stored client secret was saved for %s and the client "
                       "“" CLIENT_ID "”: it is not sent to %s and the client "
                       "“" CLIENT_ID "”. Run “restcall secret set %s Pets” to "
                       "store one for these settings.\n",
                       origin, evil_origin, fixture->path);

    rc_test_run_restcall (&change, NULL, NULL, "auth", fixture->path, "Pets", "--token-url",
                          evil_token_url);
    g_assert_cmpint (change.status, ==, 0);
    g_assert_true (g_str_has_suffix (change.out, expected));
  }
  rc_test_run_restcall (&in_place, NULL, NULL, "run", fixture->path, "Pets", "getItem");
  g_assert_cmpint (in_place.status, ==, 4);
  g_assert_nonnull (strstr (in_place.err, saved_for));
  assert_nothing_sent (elsewhere);

  /* A Basic password goes to the API's origin only. */
  write_edited_copy (fixture->path, fixture->path, set_basic_base_url, evil_base);
  rc_test_run_restcall (&basic, NULL, NULL, "run", fixture->path, "Plain", "get");
  g_assert_cmpint (basic.status, ==, 4);
  g_assert_nonnull (strstr (basic.err, "The stored password of the API “Plain” was saved for "));
  g_assert_nonnull (strstr (basic.err, " and the user “alice”"));
  assert_nothing_sent (elsewhere);

  /* What the message says to do: a secret stored for the new settings. */
  rc_test_run_restcall (&fixed, "for-elsewhere\n", NULL, "secret", "set", fixture->path, "Pets");
  g_assert_cmpint (fixed.status, ==, 0);
  rc_test_run_restcall (&fixed_run, NULL, NULL, "token", fixture->path, "Pets");
  g_assert_cmpint (fixed_run.status, ==, 0);
  g_assert_cmpuint (elsewhere->requests->len, ==, 1);
  {
    g_autofree char *credentials = rc_oauth_basic_credentials (CLIENT_ID, "for-elsewhere", FALSE);
    g_autofree char *expected = g_strconcat ("Basic ", credentials, NULL);
    RcTestRequest *request = g_ptr_array_index (elsewhere->requests, 0);

    g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Authorization"), ==,
                     expected);
  }

  g_unlink (copy_path);
}

/* What the keyring holds for @secret_id of @project_id, through a store of
 * the test's own. */
static char *
keyring_value (const char *project_id,
               const char *secret_id)
{
  g_autoptr(RcSecretStore) store = rc_secret_store_new ();
  g_autoptr(GError) error = NULL;
  char *secret = rc_test_keyring_lookup (store, project_id, secret_id, &error);

  g_assert_no_error (error);

  return secret;
}

/* `cp prod.restcall staging.restcall`, then `restcall secret set` (or
 * clear, or an auth change) on the copy: the copy gets a project id of its
 * own first, and the original's secret stays as it was, and in use. */
/* `api set --base-url` and `method set --url` move where a Basic password
 * goes, as `auth --token-url` moves a client secret: each says that the
 * stored one is not sent there, and what to run; --json keeps stdout JSON. */
static void
test_moved_by_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) same = { 0 };
  g_auto(RcTestRun) moved = { 0 };
  g_auto(RcTestRun) method = { 0 };
  g_auto(RcTestRun) run = { 0 };
  g_autoptr(JsonObject) json = NULL;
  /* The path needs no quotes (rc_text_dup_shell_word()). */
  g_autofree char *secret_set = g_strdup_printf ("Run “restcall secret set %s Plain” to store one "
                                                 "for these settings.\n", fixture->path);
  g_autofree char *auth = g_strdup_printf ("Give the method its own authentication with "
                                           "“restcall auth %s Plain get”, and store its "
                                           "password.\n", fixture->path);
  g_autofree char *same_base = rc_test_server_url (fixture->server, "/basic/v2");

  rc_test_run_restcall (&set, "p:w\n", NULL, "secret", "set", fixture->path, "Plain");
  g_assert_cmpint (set.status, ==, 0);

  /* Another path at the same origin: the password still goes there. */
  rc_test_run_restcall (&same, NULL, NULL, "api", "set", fixture->path, "Plain",
                        "--base-url", same_base);
  g_assert_cmpint (same.status, ==, 0);
  g_assert_true (g_str_has_prefix (same.out, "Changed the API “Plain” in "));
  g_assert_null (strstr (same.out, "saved for"));
  g_assert_cmpstr (same.err, ==, "");

  rc_test_run_restcall (&moved, NULL, NULL, "api", "set", fixture->path, "Plain", "--json",
                        "--base-url", "https://elsewhere.example/v1");
  g_assert_cmpint (moved.status, ==, 0);
  json = rc_test_parse_object (moved.out);
  g_assert_cmpstr (json_object_get_string_member (json, "base_url"), ==,
                   "https://elsewhere.example/v1");
  g_test_message ("%s", moved.err);
  g_assert_true (g_str_has_prefix (moved.err, "The stored password was saved for "));
  g_assert_nonnull (strstr (moved.err, "it is not sent to https://elsewhere.example and the "
                                       "user “alice”."));
  g_assert_true (g_str_has_suffix (moved.err, secret_set));

  /* Back where it was stored; then the method alone leaves. */
  rc_test_run_restcall (&run, NULL, NULL, "api", "set", fixture->path, "Plain", "--quiet",
                        "--base-url", same_base);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  rc_test_run_restcall (&method, NULL, NULL, "method", "set", fixture->path, "Plain", "get",
                        "--url", "https://elsewhere.example/status");
  g_assert_cmpint (method.status, ==, 0);
  g_test_message ("%s", method.out);
  g_assert_nonnull (strstr (method.out, "The API’s stored password was saved for "));
  g_assert_nonnull (strstr (method.out, "it is not sent to https://elsewhere.example and the "
                                        "user “alice”, where the method “get” goes. "));
  g_assert_true (g_str_has_suffix (method.out, auth));
}

static void
test_copy_keeps_original (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *copy_path = g_build_filename (fixture->dir, "staging.restcall", NULL);
  g_autofree char *prod_id = NULL;
  g_autofree char *secret_id = NULL;
  g_autofree char *note = NULL;
  g_autoptr(RcProject) prod = NULL;
  g_autoptr(RcProject) copy = NULL;
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) prod_run = { 0 };
  g_auto(RcTestRun) copy_run = { 0 };
  g_auto(RcTestRun) copy_set = { 0 };
  g_auto(RcTestRun) copy_again = { 0 };
  g_auto(RcTestRun) prod_again = { 0 };
  g_auto(RcTestRun) copy2_clear = { 0 };
  g_auto(RcTestRun) copy3_auth = { 0 };
  g_autofree char *copy_credentials =
    rc_oauth_basic_credentials (CLIENT_ID, "STAGING-SECRET", FALSE);
  g_autofree char *copy_basic = g_strconcat ("Basic ", copy_credentials, NULL);
  char *value;

  rc_test_run_restcall (&set, CLIENT_SECRET "\n", NULL, "secret", "set", fixture->path, "Pets");
  g_assert_cmpint (set.status, ==, 0);
  prod = rc_test_load_project (fixture->path);
  prod_id = g_strdup (rc_project_get_id (prod));
  secret_id =
    g_strdup (rc_auth_get_secret_id (rc_api_get_auth (rc_project_find_api (prod, "Pets"))));

  /* The copy, as it is, may use the original's secret: it goes where it
   * was saved for. */
  write_edited_copy (fixture->path, copy_path, NULL, NULL);
  rc_test_run_restcall (&copy_run, NULL, NULL, "run", copy_path, "Pets", "getItem");
  g_assert_cmpint (copy_run.status, ==, 0);
  g_assert_cmpstr (last_header (fixture, "/token", "Authorization"), ==, CLIENT_BASIC);

  /* A secret set on the copy: its own id first, then its own secret. */
  rc_test_run_restcall (&copy_set, "STAGING-SECRET\n", NULL, "secret", "set", copy_path, "Pets");
  g_test_message ("%s", copy_set.out);
  g_assert_cmpint (copy_set.status, ==, 0);
  value = keyring_value (prod_id, secret_id);
  g_assert_cmpstr (value, ==, CLIENT_SECRET);
  rc_secret_free (value);
  note =
    g_strdup_printf ("%s is a copy of %s (it had the same project ID), so it now has an ID of its "
                     "own",
                     copy_path, fixture->path);
  g_assert_true (g_str_has_prefix (copy_set.out, note));
  g_assert_true (g_str_has_suffix (copy_set.out,
                                   "Stored the client secret of the API “Pets” in the keyring.\n"));
  copy = rc_test_load_project (copy_path);
  g_assert_cmpstr (rc_project_get_id (copy), !=, prod_id);
  g_assert_true (g_uuid_string_is_valid (rc_project_get_id (copy)));

  /* The original's is untouched, in the keyring and on the wire. */
  value = keyring_value (prod_id, secret_id);
  g_assert_cmpstr (value, ==, CLIENT_SECRET);
  rc_secret_free (value);
  rc_test_run_restcall (&prod_run, NULL, NULL, "run", fixture->path, "Pets", "getItem");
  g_assert_cmpint (prod_run.status, ==, 0);
  g_assert_cmpstr (last_header (fixture, "/token", "Authorization"), ==, CLIENT_BASIC);
  rc_test_run_restcall (&copy_again, NULL, NULL, "token", copy_path, "Pets");
  g_assert_cmpint (copy_again.status, ==, 0);
  g_assert_cmpstr (last_header (fixture, "/token", "Authorization"), ==, copy_basic);
  /* And no second note: the copy is a project of its own now. */
  g_assert_null (strstr (copy_again.out, "is a copy of"));

  /* Clearing on another copy, or changing its authentication, leaves the
   * original's secret too. */
  write_edited_copy (fixture->path, copy_path, NULL, NULL);
  rc_test_run_restcall (&copy2_clear, NULL, NULL, "secret", "clear", copy_path, "Pets");
  g_assert_cmpint (copy2_clear.status, ==, 0);
  g_assert_nonnull (strstr (copy2_clear.out, "is a copy of"));
  write_edited_copy (fixture->path, copy_path, NULL, NULL);
  rc_test_run_restcall (&copy3_auth, NULL, NULL, "auth", copy_path, "Pets", "--type", "basic",
                        "--user", "x");
  g_assert_cmpint (copy3_auth.status, ==, 0);
  g_assert_nonnull (strstr (copy3_auth.out, "is a copy of"));
  value = keyring_value (prod_id, secret_id);
  g_assert_cmpstr (value, ==, CLIENT_SECRET);
  rc_secret_free (value);
  rc_test_run_restcall (&prod_again, NULL, NULL, "run", fixture->path, "Pets", "getItem");
  g_assert_cmpint (prod_again.status, ==, 0);

  g_unlink (copy_path);
}

/* A secret an earlier Restcall stored is bound to nothing: refused, with
 * what to run; stored again, it works. */
static void
test_unbound_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RcProject) project = rc_test_load_project (fixture->path);
  RcApi *api = rc_project_find_api (project, "Pets");
  RcAuth *auth = rc_api_get_auth (api);
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) again = { 0 };

  rc_auth_ensure_secret_id (auth);
  rc_test_save_project (project, fixture->path);
  rc_test_keyring_store_unbound (rc_project_get_id (project), rc_api_get_id (api),
                                 rc_auth_get_secret_id (auth), CLIENT_SECRET);

  rc_test_run_restcall (&run, NULL, NULL, "run", fixture->path, "Pets", "getItem");
  g_assert_cmpint (run.status, ==, 4);
  g_assert_nonnull (strstr (run.err,
                            "was saved by an earlier version of Restcall, which did not record "
                            "where it may be sent, so it was not sent to http://127.0.0.1:"));
  g_assert_nonnull (strstr (run.err, "Run “restcall secret set "));
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);

  rc_test_run_restcall (&set, CLIENT_SECRET "\n", NULL, "secret", "set", fixture->path, "Pets");
  g_assert_cmpint (set.status, ==, 0);
  g_assert_cmpuint (rc_test_keyring_count (rc_project_get_id (project), NULL), ==, 1);
  rc_test_run_restcall (&again, NULL, NULL, "run", fixture->path, "Pets", "getItem");
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (last_header (fixture, "/token", "Authorization"), ==, CLIENT_BASIC);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *path = fixture->path;
  g_autofree char *before = rc_test_read_file (path);
  g_autofree char *after = NULL;
  struct {
    const char *args[10];
    int         status;
    const char *expected;
  } cases[] = {
    { { "secret" }, 2, "Say what to do: set or clear." },
    { { "secret", "store", path, "Pets" }, 2, "Unknown action “store”" },
    { { "secret", "set", path }, 2, "Name a project file, one of its APIs" },
    { { "secret", "set", path, "Pets", "getItem", "extra" }, 2, "Name a project file" },
    { { "secret", "set", path, "Pets", "--secret=x" }, 2, "never taken as command-line arguments" },
    { { "auth" }, 2, "Name a project file" },
    { { "auth", path }, 2, "Name a project file" },
    { { "auth", path, "Pets", "--type", "bogus" },
      2,
      "Unknown --type “bogus”: use none, basic, oauth2-cc" },
    { { "auth", path, "Pets", "--type", "inherit" }, 2, "--type inherit is for a method" },
    { { "auth", path, "Pets", "getItem", "--type", "inherit", "--scope", "a" },
      2,
      "takes no other option" },
    { { "auth", path, "Pets", "--user", "bob" }, 2, "--user goes with --type basic" },
    { { "auth", path, "Plain", "--type", "none", "--secret-stdin" },
      2,
      "There is no secret to store" },
    { { "auth", path, "Pets", "--client-auth", "header" }, 2, "Unknown --client-auth “header”" },
    { { "auth", path, "Pets", "--token-url", "http://example.com/token" }, 2, "uses http://" },
    { { "auth", path, "Pets", "--token-param", "novalue" }, 2, "is not NAME=VALUE" },
    { { "auth", path, "Pets", "--token-param", "client_secret=x" },
      2,
      "--token-param: “client_secret” cannot be an extra token parameter: Restcall sets it itself. "
      "Store it as the Client Secret" },
    { { "auth", path, "Pets", "--raw-basic", "--no-raw-basic" }, 2, "not both" },
    { { "auth", path, "Pets", "--basic-form", "raw", "--raw-basic" },
      2,
      "Give --basic-form or --raw-basic, not both" },
    { { "auth", path, "Pets", "--basic-form", "encoded" },
      2,
      "Unknown --basic-form “encoded”: use auto, rfc or raw" },
    { { "auth", path, "Pets", "--client-auth", "body", "--raw-basic" },
      2,
      "--raw-basic is for client credentials in a Basic Auth header" },
    { { "auth", path, "Pets", "--client-auth", "body", "--basic-form", "rfc" },
      2,
      "--basic-form is for client credentials in a Basic Auth header" },
    { { "auth", path, "Pets", "--client-secret=x" }, 2, "--secret-stdin" },
    { { "secret", "set", path, "Petz" }, 3, "has no API “Petz”. Its APIs: “Pets”, “Plain”." },
    { { "auth", path, "Petz" }, 3, "has no API “Petz”. Its APIs: “Pets”, “Plain”." },
    { { "auth", path, "Pets", "getitem" }, 3, "has no method “getitem”. Its methods: “getItem”." },
    { { "secret", "clear", path, "Pets", "getItem" }, 3, "inherits the authentication" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(RcTestRun) run = { 0 };

      rc_test_run_restcall_full (&run, "never-read\n", NULL, cases[i].args);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "restcall: "));
      g_assert_nonnull (strstr (run.err, cases[i].expected));
    }

  /* A mistake changes nothing. */
  after = rc_test_read_file (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);
}

/* A private_key_jwt client whose key is in the keyring: --secret-stdin
 * and `secret set` take the whole PEM from standard input, newlines and
 * all, and refuse what is not a key that fits the algorithm. */
static void
test_private_key_stdin (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *rsa = rc_test_generate_key (GNUTLS_PK_RSA, NULL);
  g_autofree char *ec = rc_test_generate_key (GNUTLS_PK_ECDSA, NULL);
  g_autofree char *value = NULL;
  g_autoptr(RcProject) project = NULL;
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) not_key = { 0 };
  g_auto(RcTestRun) wrong_alg = { 0 };
  g_auto(RcTestRun) replaced = { 0 };
  g_auto(RcTestRun) line = { 0 };
  RcAuth *auth;

  rc_test_run_restcall (&set, rsa, NULL, "auth", fixture->path, "Pets", "--client-auth",
                        "private-key-jwt", "--secret-stdin");
  g_assert_cmpstr (set.err, ==, "");
  g_assert_cmpint (set.status, ==, 0);
  project = rc_test_load_project (fixture->path);
  auth = rc_api_get_auth (rc_project_find_api (project, "Pets"));
  g_assert_true (rc_auth_secret_holds_key (auth));
  value = keyring_value (rc_project_get_id (project), rc_auth_get_secret_id (auth));
  g_assert_cmpstr (value, ==, rsa);
  g_clear_pointer (&value, g_free);

  /* What is not a key is not stored. */
  rc_test_run_restcall (&not_key, "pets-secret-0451\n", NULL, "secret", "set", fixture->path,
                        "Pets");
  g_assert_cmpint (not_key.status, ==, 1);
  g_assert_nonnull (strstr (not_key.err, "Standard input holds no key Restcall can use"));
  g_assert_nonnull (strstr (not_key.err, "PEM private key"));
  rc_test_run_restcall (&wrong_alg, ec, NULL, "auth", fixture->path, "Pets", "--jwt-alg",
                        "RS256", "--secret-stdin");
  g_assert_cmpint (wrong_alg.status, ==, 1);
  g_assert_nonnull (strstr (wrong_alg.err, "RS256"));
  value = keyring_value (rc_project_get_id (project), rc_auth_get_secret_id (auth));
  g_assert_cmpstr (value, ==, rsa);
  g_clear_pointer (&value, g_free);

  /* `secret set`, to the key's END line: what follows is not the key's. */
  {
    g_autofree char *input = g_strconcat (ec, "trailing words\n", NULL);

    rc_test_run_restcall (&replaced, input, NULL, "secret", "set", fixture->path, "Pets");
  }
  g_assert_cmpstr (replaced.err, ==, "");
  g_assert_cmpint (replaced.status, ==, 0);
  value = keyring_value (rc_project_get_id (project), rc_auth_get_secret_id (auth));
  g_assert_cmpstr (value, ==, ec);

  /* A client secret is still one line. */
  rc_test_run_restcall (&line, "one-line\nsecond line\n", NULL, "auth", fixture->path, "Pets",
                        "--client-auth", "body", "--secret-stdin");
  g_assert_cmpint (line.status, ==, 0);
  g_clear_pointer (&value, g_free);
  value = keyring_value (rc_project_get_id (project), rc_auth_get_secret_id (auth));
  g_assert_cmpstr (value, ==, "one-line");
}

/* --private-key is relative to the working folder; the project saves it
 * relative to its own folder when the key is in it. */
static void
test_private_key_path (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *keys = g_build_filename (fixture->dir, "keys", NULL);
  g_autoptr(RcProject) project = NULL;
  g_auto(RcTestRun) inside = { 0 };
  g_auto(RcTestRun) outside = { 0 };

  g_assert_cmpint (g_mkdir (keys, 0700), ==, 0);
  g_assert_cmpint (g_chdir (keys), ==, 0);
  rc_test_run_restcall (&inside, NULL, NULL, "auth", fixture->path, "Pets", "--client-auth",
                        "private-key-jwt", "--private-key", "client.pem");
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_cmpstr (inside.err, ==, "");
  g_assert_cmpint (inside.status, ==, 0);
  project = rc_test_load_project (fixture->path);
  g_assert_cmpstr (rc_auth_get_private_key_file (rc_api_get_auth (
                     rc_project_find_api (project, "Pets"))), ==, "keys/client.pem");
  g_clear_object (&project);

  rc_test_run_restcall (&outside, NULL, NULL, "auth", fixture->path, "Pets", "--private-key",
                        "/etc/restcall/client.pem");
  g_assert_cmpint (outside.status, ==, 0);
  project = rc_test_load_project (fixture->path);
  g_assert_cmpstr (rc_auth_get_private_key_file (rc_api_get_auth (
                     rc_project_find_api (project, "Pets"))), ==, "/etc/restcall/client.pem");
  g_rmdir (keys);
}

/* Mutual TLS: the certificate and key files are settings; with no key
 * file, --secret-stdin stores the private key, all its lines, in the
 * keyring, and never in the project. */
static void
test_auth_client_cert (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *key_pem = rc_test_generate_key (GNUTLS_PK_ECDSA, NULL);
  g_autofree char *value = NULL;
  g_autoptr(RcProject) project = NULL;
  g_autofree char *contents = NULL;
  g_auto(RcTestRun) change = { 0 };
  g_auto(RcTestRun) not_pem = { 0 };
  g_auto(RcTestRun) show = { 0 };
  RcAuth *auth;

  rc_test_run_restcall (&not_pem, "one line secret\n", NULL, "auth", fixture->path, "Pets",
                        "--client-auth", "tls", "--cert", "/certs/client.pem", "--secret-stdin");
  g_assert_cmpint (not_pem.status, ==, 1);
  g_assert_nonnull (strstr (not_pem.err, "Standard input holds no key Restcall can use"));

  rc_test_run_restcall (&change, key_pem, NULL, "auth", fixture->path, "Pets", "--client-auth",
                        "tls", "--cert", "/certs/client.pem", "--secret-stdin");
  g_assert_cmpint (change.status, ==, 0);
  g_assert_cmpstr (change.err, ==, "");

  project = rc_test_load_project (fixture->path);
  auth = rc_api_get_auth (rc_project_find_api (project, "Pets"));
  g_assert_cmpint (rc_auth_get_client_auth (auth), ==, RC_CLIENT_AUTH_TLS);
  g_assert_cmpstr (rc_auth_get_client_cert_file (auth), ==, "/certs/client.pem");
  g_assert_cmpstr (rc_auth_get_private_key_file (auth), ==, "");
  g_assert_true (rc_auth_secret_holds_key (auth));
  contents = rc_test_read_file (fixture->path);
  g_assert_null (strstr (contents, "PRIVATE KEY"));
  assert_secret_state (fixture, "Pets", NULL, "stored");
  /* The whole key, its lines too. */
  value = keyring_value (rc_project_get_id (project), rc_auth_get_secret_id (auth));
  g_assert_cmpstr (value, ==, key_pem);

  rc_test_run_restcall (&show, NULL, NULL, "auth", fixture->path, "Pets");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "  Client authentication:      tls-client-auth\n"
                                      "  Client certificate:         /certs/client.pem\n"
                                      "  Private key:                in the keyring\n"));
  g_assert_nonnull (strstr (show.out, "  Private key in the keyring: stored\n"));
  g_assert_null (strstr (show.out, "PRIVATE KEY"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rc_test_keyring_require_session ();

#define ADD(path, func) \
  g_test_add ("/restcall/cli-secret/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("set-show-clear", test_set_show_clear);
  ADD ("auth-settings", test_auth_settings);
  ADD ("auth-client-cert", test_auth_client_cert);
  ADD ("auth-kind-change", test_auth_kind_change);
  ADD ("auth-method", test_auth_method);
  ADD ("run-from-keyring", test_run_from_keyring);
  ADD ("canary", test_canary);
  ADD ("no-keyring", test_no_keyring);
  ADD ("show-secret-state", test_show_secret_state);
  ADD ("print-token", test_print_token);
  ADD ("usage-errors", test_usage_errors);
  ADD ("read-only-refused", test_read_only_refused);
  ADD ("saved-through-link", test_saved_through_link);
  ADD ("binding-refused", test_binding_refused);
  ADD ("copy-keeps-original", test_copy_keeps_original);
  ADD ("moved-by-edit", test_moved_by_edit);
  ADD ("unbound-refused", test_unbound_refused);
  ADD ("private-key-stdin", test_private_key_stdin);
  ADD ("private-key-path", test_private_key_path);

#undef ADD

  return g_test_run ();
}
