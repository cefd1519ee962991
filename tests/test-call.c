/* test-call.c: the secret looked up, then the call made or the token fetched
 *
 * Against a real GNOME Keyring (run by keyring-session.sh, in a private
 * session bus with a throwaway, unlocked keyring) and a scripted server on
 * 127.0.0.1 that is both the API and the authorization server. What stops
 * a call before anything is sent comes back as a typed error, and nothing
 * reaches the server then: no secret stored, one saved for elsewhere (with
 * what it was saved for and where it would go), the settings changed while
 * the keyring answered, a cancelled lookup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "restcall-core.h"
#include "rc-test-keyring.h"
#include "rc-test-server.h"

#define PASSWORD "pass-5e1f0c7a"
#define CLIENT_SECRET "canary-SECRET-2b9d4e"

typedef struct
{
  RcTestServer  *server;
  RcExecutor    *executor;
  RcSecretStore *store;
  char          *project_id;
  RcApi         *api;
  RcMethod      *method;
  guint          n_tokens;
} Fixture;

typedef struct
{
  GAsyncResult *result;
} Finished;

static void
handler (RcTestServer      *server,
         SoupServerMessage *message,
         const char        *path,
         gpointer           user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (path, "/token"))
    {
      g_autofree char *body = NULL;

      if (!rc_test_check_client (message, "client", CLIENT_SECRET))
        return;

      body = g_strdup_printf ("{\"access_token\":\"token-%u\",\"token_type\":\"Bearer\","
                              "\"expires_in\":3600}", ++fixture->n_tokens);
      rc_test_respond (message, 200, "application/json", body);
      return;
    }

  rc_test_respond (message, 200, "application/json", "{\"ok\":true}");
}

static const char *
get_authorization (RcTestServer *server,
                   guint         index)
{
  return soup_message_headers_get_one (rc_test_server_get_request (server, index)->headers,
                                       "Authorization");
}

static void
finished_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Finished *finished = user_data;

  finished->result = g_object_ref (result);
}

static gboolean
finished_cond (gpointer data)
{
  return ((Finished *) data)->result != NULL;
}

static GAsyncResult *
wait_for_result (Finished *finished)
{
  g_assert_true (rc_test_wait_until (finished_cond, finished, 30));

  return g_steal_pointer (&finished->result);
}

/* Looks up, then calls; waits for the end. */
static RcExchange *
call (Fixture          *fixture,
      GCancellable     *cancellable,
      RcSecretBinding **saved_for,
      RcSecretBinding **wanted,
      GError          **error)
{
  Finished finished = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  rc_call_method_async (fixture->executor, fixture->store, fixture->project_id, fixture->method,
                        NULL, cancellable, finished_cb, &finished);
  result = wait_for_result (&finished);

  return rc_call_method_finish (result, saved_for, wanted, error);
}

static RcToken *
fetch_token (Fixture          *fixture,
             RcHttpRecord    **record,
             RcSecretBinding **saved_for,
             RcSecretBinding **wanted,
             GError          **error)
{
  Finished finished = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  rc_call_fetch_token_async (fixture->executor, fixture->store, fixture->project_id,
                             rc_api_get_auth (fixture->api), NULL, finished_cb, &finished);
  result = wait_for_result (&finished);

  return rc_call_fetch_token_finish (result, record, saved_for, wanted, error);
}

/* Stores @secret for the API's authentication, bound to @binding. */
static void
store_secret (Fixture               *fixture,
              const RcSecretBinding *binding,
              const char            *secret)
{
  g_autoptr(GError) error = NULL;
  RcAuth *auth = rc_api_get_auth (fixture->api);

  g_assert_true (rc_test_keyring_store (fixture->store, fixture->project_id,
                                        rc_api_get_id (fixture->api),
                                        rc_auth_ensure_secret_id (auth), binding, secret, &error));
  g_assert_no_error (error);
}

/* Stores @secret bound to where the method's authentication sends it. */
static void
store_secret_here (Fixture    *fixture,
                   const char *secret)
{
  g_autoptr(RcSecretBinding) binding = rc_secret_binding_new_for_method (fixture->method, NULL);

  store_secret (fixture, binding, secret);
}

static void
use_basic (Fixture *fixture)
{
  RcAuth *auth = rc_api_get_auth (fixture->api);

  rc_auth_set_kind (auth, RC_AUTH_KIND_BASIC);
  rc_auth_set_username (auth, "ada");
}

static void
use_oauth2 (Fixture *fixture)
{
  g_autofree char *token_url = rc_test_server_url (fixture->server, "/token");
  RcAuth *auth = rc_api_get_auth (fixture->api);

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "client");
  rc_auth_set_token_url (auth, token_url);
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_BASIC_HEADER);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *base = NULL;

  rc_test_keyring_require_session ();

  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = handler;
  fixture->server->handler_data = fixture;
  fixture->executor = rc_executor_new ();
  fixture->store = rc_secret_store_new ();
  /* A project of its own for each test: nothing left over is found. */
  fixture->project_id = g_uuid_string_random ();

  base = rc_test_server_url (fixture->server, "/api/");
  fixture->api = rc_api_new ("Pets");
  rc_api_set_base_url (fixture->api, base);
  fixture->method = rc_method_new ("listPets");
  rc_method_set_url (fixture->method, "/pets");
  rc_api_add_method (fixture->api, fixture->method);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->method);
  g_clear_object (&fixture->api);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->executor);
  g_clear_pointer (&fixture->project_id, g_free);
  g_clear_pointer (&fixture->server, rc_test_server_free);
}

/* Without authentication, the call goes at once: the keyring is not
 * asked, no project needed. */
static void
test_no_authentication (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RcExchange) exchange = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&fixture->project_id, g_free);
  exchange = call (fixture, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rc_exchange_is_success (exchange));
  g_assert_cmpuint (fixture->server->requests->len, ==, 1);
  g_assert_null (get_authorization (fixture->server, 0));
}

/* A secret needed and none to send: RC_CALL_ERROR_NO_SECRET, nothing sent. */
static void
test_no_secret (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RcSecretBinding) saved_for = NULL;
  g_autoptr(RcSecretBinding) wanted = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcToken) token = NULL;
  g_autoptr(RcHttpRecord) record = NULL;

  /* No secret reference. */
  use_basic (fixture);
  exchange = call (fixture, NULL, &saved_for, &wanted, &error);
  g_assert_null (exchange);
  g_assert_error (error, RC_CALL_ERROR, RC_CALL_ERROR_NO_SECRET);
  g_assert_cmpstr (error->message, ==, "No password is stored for this authentication.");
  g_assert_null (saved_for);
  g_assert_null (wanted);
  g_clear_error (&error);

  /* A reference, nothing stored under it. */
  use_oauth2 (fixture);
  rc_auth_ensure_secret_id (rc_api_get_auth (fixture->api));
  exchange = call (fixture, NULL, NULL, NULL, &error);
  g_assert_error (error, RC_CALL_ERROR, RC_CALL_ERROR_NO_SECRET);
  g_assert_cmpstr (error->message, ==, "No client secret is stored for this authentication.");
  g_clear_error (&error);
  token = fetch_token (fixture, &record, NULL, NULL, &error);
  g_assert_null (token);
  g_assert_null (record);
  g_assert_error (error, RC_CALL_ERROR, RC_CALL_ERROR_NO_SECRET);
  g_clear_error (&error);

  /* Stored, but no project to find it by. */
  store_secret_here (fixture, CLIENT_SECRET);
  g_clear_pointer (&fixture->project_id, g_free);
  exchange = call (fixture, NULL, NULL, NULL, &error);
  g_assert_error (error, RC_CALL_ERROR, RC_CALL_ERROR_NO_SECRET);

  g_assert_cmpuint (fixture->server->requests->len, ==, 0);
}

/* The stored password goes with the call, in its Basic header. */
static void
test_basic (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RcSecretBinding) binding = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *credentials = rc_http_basic_credentials ("ada", PASSWORD);
  g_autofree char *expected = g_strconcat ("Basic ", credentials, NULL);

  use_basic (fixture);
  binding = rc_secret_binding_new_for_method (fixture->method, NULL);
  store_secret (fixture, binding, PASSWORD);

  exchange = call (fixture, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rc_exchange_is_success (exchange));
  g_assert_cmpuint (fixture->server->requests->len, ==, 1);
  g_assert_cmpstr (get_authorization (fixture->server, 0), ==, expected);
}

/* Saved for another token URL: not sent; the error says for what, and
 * where it would go; once bound there, it is. */
static void
test_saved_elsewhere (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RcSecretBinding) elsewhere = rc_secret_binding_new ("https://auth.example.com",
                                                                 "client");
  g_autoptr(RcSecretBinding) here = NULL;
  g_autoptr(RcSecretBinding) saved_for = NULL;
  g_autoptr(RcSecretBinding) wanted = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcToken) token = NULL;
  Finished finished = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  RcAuth *auth;

  use_oauth2 (fixture);
  auth = rc_api_get_auth (fixture->api);
  here = rc_secret_binding_new_for_api (fixture->api);
  store_secret (fixture, elsewhere, CLIENT_SECRET);

  exchange = call (fixture, NULL, &saved_for, &wanted, &error);
  g_assert_null (exchange);
  g_assert_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH);
  g_assert_true (rc_secret_binding_equal (saved_for, elsewhere));
  g_assert_true (rc_secret_binding_equal (wanted, here));
  g_clear_pointer (&saved_for, rc_secret_binding_free);
  g_clear_pointer (&wanted, rc_secret_binding_free);
  g_clear_error (&error);

  token = fetch_token (fixture, NULL, &saved_for, &wanted, &error);
  g_assert_null (token);
  g_assert_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH);
  g_assert_true (rc_secret_binding_equal (saved_for, elsewhere));
  g_assert_true (rc_secret_binding_equal (wanted, here));
  g_clear_error (&error);
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);

  /* “Use It Here”: bound here, then sent. */
  rc_call_rebind_secret_async (fixture->store, fixture->project_id, rc_auth_get_secret_id (auth),
                               wanted, NULL, finished_cb, &finished);
  result = wait_for_result (&finished);
  g_assert_true (rc_call_rebind_secret_finish (result, &error));
  g_assert_no_error (error);

  exchange = call (fixture, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rc_exchange_is_success (exchange));
  g_assert_cmpuint (fixture->server->requests->len, ==, 2);
  g_assert_cmpstr (rc_test_server_get_request (fixture->server, 0)->path, ==, "/token");
}

/* The API moves to another origin while the keyring answers: the
 * password, saved for the first, is not sent to the second. */
static void
test_settings_change_during_lookup (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(RcTestServer) other = rc_test_server_new (FALSE);
  g_autofree char *other_base = rc_test_server_url (other, "/api/");
  g_autoptr(RcSecretBinding) binding = NULL;
  g_autoptr(RcSecretBinding) saved_for = NULL;
  g_autoptr(RcSecretBinding) wanted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  Finished finished = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  other->handler = handler;
  other->handler_data = fixture;
  use_basic (fixture);
  binding = rc_secret_binding_new_for_method (fixture->method, NULL);
  store_secret (fixture, binding, PASSWORD);

  rc_call_method_async (fixture->executor, fixture->store, fixture->project_id, fixture->method,
                        NULL, NULL, finished_cb, &finished);
  rc_api_set_base_url (fixture->api, other_base);
  result = wait_for_result (&finished);
  exchange = rc_call_method_finish (result, &saved_for, &wanted, &error);

  g_assert_null (exchange);
  g_assert_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH);
  g_assert_true (rc_secret_binding_equal (saved_for, binding));
  g_assert_false (rc_secret_binding_equal (wanted, binding));
  g_assert_cmpstr (rc_secret_binding_get_login (wanted), ==, "ada");
  g_assert_cmpuint (other->requests->len, ==, 0);
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);
}

/* Get New Token: a new one each time, the cached one dropped. */
static void
test_fetch_token (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RcToken) first = NULL;
  g_autoptr(RcToken) second = NULL;
  g_autoptr(RcHttpRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  RcTokenCache *cache = rc_executor_get_token_cache (fixture->executor);

  use_oauth2 (fixture);
  store_secret_here (fixture, CLIENT_SECRET);

  first = fetch_token (fixture, &record, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_token_get_access_token (first), ==, "token-1");
  g_assert_nonnull (record);
  g_assert_true (rc_token_cache_lookup (cache, rc_api_get_auth (fixture->api)) == first);
  g_clear_object (&record);

  second = fetch_token (fixture, &record, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_token_get_access_token (second), ==, "token-2");
  g_assert_nonnull (record);
  g_assert_cmpuint (fixture->server->requests->len, ==, 2);
}

/* Cancelled while the keyring is asked: nothing sent. Cancelled while the
 * call runs: its exchange says so. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  Finished finished = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  use_basic (fixture);
  store_secret_here (fixture, PASSWORD);

  rc_call_method_async (fixture->executor, fixture->store, fixture->project_id, fixture->method,
                        NULL, cancellable, finished_cb, &finished);
  g_cancellable_cancel (cancellable);
  result = wait_for_result (&finished);
  exchange = rc_call_method_finish (result, NULL, NULL, &error);
  g_assert_null (exchange);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);
  g_clear_error (&error);
  g_clear_object (&result);

  /* No keyring to ask: the call was under way. */
  rc_auth_set_kind (rc_api_get_auth (fixture->api), RC_AUTH_KIND_NONE);
  g_cancellable_reset (cancellable);
  rc_call_method_async (fixture->executor, fixture->store, fixture->project_id, fixture->method,
                        NULL, cancellable, finished_cb, &finished);
  g_cancellable_cancel (cancellable);
  result = wait_for_result (&finished);
  exchange = rc_call_method_finish (result, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (exchange);
  g_assert_error (rc_exchange_get_error (exchange), G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The lookup alone, as `restcall run` and `token` use it. */
static void
test_lookup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RcSecretBinding) binding = NULL;
  g_autoptr(RcSecretBinding) elsewhere = rc_secret_binding_new ("https://elsewhere.example.com",
                                                                 "ada");
  g_autoptr(RcSecretBinding) saved_for = NULL;
  g_autoptr(GError) error = NULL;
  Finished finished = { 0 };
  RcAuth *auth = rc_api_get_auth (fixture->api);
  char *secret;

  /* None needed: none, and no error. */
  rc_call_lookup_secret_async (fixture->store, fixture->project_id, auth, NULL, NULL, finished_cb,
                               &finished);
  {
    g_autoptr(GAsyncResult) result = wait_for_result (&finished);

    secret = rc_call_lookup_secret_finish (result, &saved_for, &error);
    g_assert_no_error (error);
    g_assert_null (secret);
    g_assert_null (saved_for);
  }

  use_basic (fixture);
  binding = rc_secret_binding_new_for_method (fixture->method, NULL);
  store_secret (fixture, binding, PASSWORD);

  /* For where it was saved: handed out. */
  rc_call_lookup_secret_async (fixture->store, fixture->project_id, auth, binding, NULL,
                               finished_cb, &finished);
  {
    g_autoptr(GAsyncResult) result = wait_for_result (&finished);

    secret = rc_call_lookup_secret_finish (result, &saved_for, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (secret, ==, PASSWORD);
    rc_secret_free (secret);
  }

  /* For elsewhere: not, and it says what it was saved for. */
  rc_call_lookup_secret_async (fixture->store, fixture->project_id, auth, elsewhere, NULL,
                               finished_cb, &finished);
  {
    g_autoptr(GAsyncResult) result = wait_for_result (&finished);

    secret = rc_call_lookup_secret_finish (result, &saved_for, &error);
    g_assert_null (secret);
    g_assert_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH);
    g_assert_true (rc_secret_binding_equal (saved_for, binding));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/restcall/call/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("no-authentication", test_no_authentication);
  ADD ("no-secret", test_no_secret);
  ADD ("basic", test_basic);
  ADD ("saved-elsewhere", test_saved_elsewhere);
  ADD ("settings-change-during-lookup", test_settings_change_during_lookup);
  ADD ("fetch-token", test_fetch_token);
  ADD ("cancel", test_cancel);
  ADD ("lookup", test_lookup);

#undef ADD

  return g_test_run ();
}
