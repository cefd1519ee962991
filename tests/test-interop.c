/* test-interop.c: the call engine against a real OAuth 2.0 server
 *
 * Starts tests/oauth-server/server.mjs (the npm package oidc-provider,
 * configured for the client credentials grant, and a protected API that
 * verifies its JWT access tokens for real) on free loopback ports, and
 * checks that Restcall's token requests, token cache and executor work
 * with it: every client authentication method (a Basic header, the body,
 * and RFC 7523's signed assertions: HS256 with the secret, RS256, PS256
 * and ES256 with the keys the server made at start), form-urlencoded Basic
 * credentials, the errors a real server gives, single-flight, expiry,
 * the replay after a 401 and a 403 that must not cause a refetch.
 *
 * Mutual TLS (RFC 8705 tls_client_auth) against the same provider over
 * HTTPS, with the test CA and client certificates the server makes at
 * start: the token, a call to the API (whose tokens are bound to the
 * certificate, so the call must present it too), a certificate the server
 * does not know, and the command line with --cert, --key and --cacert.
 *
 * And tests/oauth-server/node-oauth-server.mjs (@node-oauth/oauth2-server
 * with its Express adapter), a server that compares the Basic credentials
 * unencoded, where oidc-provider decodes them: the same secret must work
 * with both.
 *
 * Each server is started once, by the first test that needs it, and
 * stopped after the last one by closing its stdin; if this process dies,
 * the server sees its stdin close and exits too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "restcall-core.h"
#include "rc-executor.h"
#include "rc-exchange.h"
#include "rc-test-cli.h"
#include "rc-test-server.h"

#define SERVER_START_SECONDS 20
#define SERVER_STOP_SECONDS  10
#define CALL_SECONDS         30

#define SETUP_HINT "Run build-aux/dev test, which installs Node.js, npm and the server's " \
                   "npm packages, or run npm ci in tests/oauth-server."

typedef struct
{
  const char  *script;        /* in tests/oauth-server */
  const char  *package;       /* the npm package it needs */
  GSubprocess *process;
  char        *skip_reason;   /* node or the npm packages are missing */
  gboolean     failed;        /* it did not start: every test fails */
  char        *issuer;
  char        *token_url;
  char        *api_url;
  char        *rsa_key_file;  /* the private_key_jwt client's keys (oidc-provider) */
  char        *ec_key_file;
  char        *mtls_token_url; /* over HTTPS, asking for a client certificate */
  char        *mtls_api_url;
  char        *ca_file;        /* the test CA, of every certificate below */
  char        *client_cert;    /* mtls-client's certificate and key */
  char        *client_key;
  char        *stranger_cert;  /* one registered for no client */
  char        *stranger_key;
  SoupSession *session;       /* for /_stats and /_reset only */
} OAuthServer;

/* oidc-provider: decodes the Basic credentials, as RFC 6749 asks. */
static OAuthServer oidc = { "server.mjs", "oidc-provider" };

/* @node-oauth/oauth2-server: compares them unencoded. */
static OAuthServer node_oauth = { "node-oauth-server.mjs", "@node-oauth/express-oauth-server" };

/* A secret that RFC 6749's form-urlencoding changes. */
#define TRICKY_CLIENT "tricky-client"
#define TRICKY_SECRET "p+ss/w%rd:=&?# x"


typedef struct
{
  guint       *n_done;
  RcExchange  *exchange;
} Called;

/* Bounded waits */

typedef struct
{
  guint *count;
  guint  wanted;
} Count;

static gboolean
count_reached_cb (gpointer data)
{
  Count *count = data;

  return *count->count >= count->wanted;
}

static gboolean
wait_until_count (guint *count,
                  guint  wanted,
                  guint  seconds)
{
  Count reached = { count, wanted };

  return rc_test_wait_until (count_reached_cb, &reached, seconds);
}

/* The server process */

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
result_set_cb (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
wait_for_result (GAsyncResult **result,
                 guint          seconds)
{
  return rc_test_wait_until (result_set_cb, result, seconds);
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_dup_string (node);
}

/* Ends a server that did not start properly. */
static void
server_kill (OAuthServer *server)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_subprocess_force_exit (server->process);
  g_subprocess_wait_async (server->process, NULL, result_cb, &result);
  wait_for_result (&result, 5);
  g_clear_object (&server->process);
}

static gboolean
server_start (OAuthServer *server)
{
  const char *dir = g_getenv ("OAUTH_SERVER_DIR");
  g_autofree char *node = NULL;
  g_autofree char *package = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  JsonObject *ready;
  gint64 start;

  if (dir == NULL)
    {
      server->skip_reason = g_strdup ("OAUTH_SERVER_DIR is not set: run this test with "
                                     "meson test (or build-aux/dev test).");
      return FALSE;
    }

  node = g_find_program_in_path ("node");
  if (node == NULL)
    {
      server->skip_reason = g_strdup ("Node.js (node) is not installed, so the OAuth test "
                                     "server cannot run. " SETUP_HINT);
      return FALSE;
    }

  package = g_build_filename (dir, "node_modules", server->package, "package.json", NULL);
  if (!g_file_test (package, G_FILE_TEST_IS_REGULAR))
    {
      server->skip_reason = g_strdup_printf ("The OAuth test server's npm packages are not "
                                            "installed (%s is missing). " SETUP_HINT,
                                            package);
      return FALSE;
    }

  start = g_get_monotonic_time ();
  /* Its stderr (diagnostics, one line per refused token request) goes to
   * ours, so meson's test log has it. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_cwd (launcher, dir);
  g_subprocess_launcher_unsetenv (launcher, "OAUTH_SERVER_IGNORE_STDIN");
  server->process = g_subprocess_launcher_spawn (launcher, &error, node, server->script, NULL);
  if (server->process == NULL)
    {
      g_test_fail_printf ("Could not start %s %s in %s: %s", node, server->script, dir,
                          error->message);
      return FALSE;
    }

  /* The first line on its stdout says where it listens. */
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (lines), FALSE);
  cancellable = g_cancellable_new ();
  g_data_input_stream_read_line_async (lines, G_PRIORITY_DEFAULT, cancellable,
                                       result_cb, &result);
  if (!wait_for_result (&result, SERVER_START_SECONDS))
    {
      g_cancellable_cancel (cancellable);
      wait_for_result (&result, 5);
      server_kill (server);
      g_test_fail_printf ("The OAuth test server (node %s in %s) did not say it was "
                          "ready within %d s; its stderr is above.", server->script, dir,
                          SERVER_START_SECONDS);
      return FALSE;
    }

  line = g_data_input_stream_read_line_finish_utf8 (lines, result, NULL, &error);
  if (line == NULL)
    {
      server_kill (server);
      g_test_fail_printf ("The OAuth test server (node %s in %s) exited before it was "
                          "ready (%s); its stderr is above.", server->script, dir,
                          error ? error->message : "end of its output");
      return FALSE;
    }
  g_test_message ("OAuth test server %s ready in %" G_GINT64_FORMAT " ms: %s", server->script,
                  (g_get_monotonic_time () - start) / 1000, line);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, line, -1, &error)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      server_kill (server);
      g_test_fail_printf ("The OAuth test server's ready line is not a JSON object: %s", line);
      return FALSE;
    }
  ready = json_node_get_object (json_parser_get_root (parser));
  server->issuer = dup_member (ready, "issuer");
  server->token_url = dup_member (ready, "token_url");
  server->api_url = dup_member (ready, "api_url");
  server->rsa_key_file = dup_member (ready, "rsa_key_file");
  server->ec_key_file = dup_member (ready, "ec_key_file");
  server->mtls_token_url = dup_member (ready, "mtls_token_url");
  server->mtls_api_url = dup_member (ready, "mtls_api_url");
  server->ca_file = dup_member (ready, "ca_file");
  server->client_cert = dup_member (ready, "client_cert");
  server->client_key = dup_member (ready, "client_key");
  server->stranger_cert = dup_member (ready, "stranger_cert");
  server->stranger_key = dup_member (ready, "stranger_key");
  if (server->issuer == NULL || server->token_url == NULL || server->api_url == NULL)
    {
      server_kill (server);
      g_test_fail_printf ("The OAuth test server's ready line lacks issuer, token_url or "
                          "api_url: %s", line);
      return FALSE;
    }

  server->session = soup_session_new_with_options ("timeout", 10, NULL);

  return TRUE;
}

/* Call at the start of every test: FALSE means the test was skipped or
 * failed and must return. */
static gboolean
server_ensure (OAuthServer *server)
{
  /* The first test starts it; a failure to start fails that test with
   * the reason, and the others with a pointer to it. */
  if (server->skip_reason == NULL && !server->failed && server->api_url == NULL)
    {
      if (server_start (server))
        return TRUE;
      if (server->skip_reason == NULL)
        {
          server->failed = TRUE;
          return FALSE;
        }
    }

  if (server->skip_reason)
    {
      g_test_skip (server->skip_reason);
      return FALSE;
    }
  if (server->failed)
    {
      g_test_fail_printf ("The OAuth test server is not running (see the first test).");
      return FALSE;
    }

  return TRUE;
}

/* Stops the server by closing its stdin; returns whether it exited in
 * time with status 0. */
static gboolean
server_stop (OAuthServer *server)
{
  g_autoptr(GAsyncResult) result = NULL;
  gboolean clean = TRUE;

  g_clear_object (&server->session);
  g_clear_pointer (&server->issuer, g_free);
  g_clear_pointer (&server->token_url, g_free);
  g_clear_pointer (&server->api_url, g_free);
  g_clear_pointer (&server->rsa_key_file, g_free);
  g_clear_pointer (&server->ec_key_file, g_free);
  g_clear_pointer (&server->mtls_token_url, g_free);
  g_clear_pointer (&server->mtls_api_url, g_free);
  g_clear_pointer (&server->ca_file, g_free);
  g_clear_pointer (&server->client_cert, g_free);
  g_clear_pointer (&server->client_key, g_free);
  g_clear_pointer (&server->stranger_cert, g_free);
  g_clear_pointer (&server->stranger_key, g_free);
  g_clear_pointer (&server->skip_reason, g_free);

  if (server->process == NULL)
    return TRUE;

  g_output_stream_close (g_subprocess_get_stdin_pipe (server->process), NULL, NULL);
  g_subprocess_wait_async (server->process, NULL, result_cb, &result);

  if (!wait_for_result (&result, SERVER_STOP_SECONDS))
    {
      g_print ("# The OAuth test server did not exit within %d s of its stdin closing; "
               "killing it\n", SERVER_STOP_SECONDS);
      g_subprocess_force_exit (server->process);
      wait_for_result (&result, 5);
      clean = FALSE;
    }
  else if (!g_subprocess_get_successful (server->process))
    {
      g_print ("# The OAuth test server exited with status %d\n",
               g_subprocess_get_exit_status (server->process));
      clean = FALSE;
    }

  g_clear_object (&server->process);

  return clean;
}

static GBytes *
server_request (OAuthServer *server,
                const char  *method,
                const char  *path)
{
  g_autofree char *url = g_strconcat (server->api_url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  GBytes *body;

  body = soup_session_send_and_read (server->session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);

  return body;
}

static void
server_reset_stats (OAuthServer *server)
{
  g_bytes_unref (server_request (server, "POST", "/_reset"));
}

/* One of the server's counters: token_requests, tokens_issued,
 * token_errors, api_requests. */
static gint64
server_get_stat (OAuthServer *server,
                 const char  *name)
{
  g_autoptr(GBytes) body = server_request (server, "GET", "/_stats");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                              g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (object, name));

  return json_object_get_int_member (object, name);
}

/* Builders */

static void
setup_oauth (RcAuth       *auth,
             OAuthServer  *server,
             const char   *client_id,
             RcClientAuth  client_auth)
{
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_token_url (auth, server->token_url);
  rc_auth_set_client_id (auth, client_id);
  rc_auth_set_scopes (auth, "pets:read pets:write");
  rc_auth_set_client_auth (auth, client_auth);
}

/* OAuth 2.0 as @client_id of @server. */
static RcAuth *
new_oauth_at (OAuthServer  *server,
              const char   *client_id,
              RcClientAuth  client_auth)
{
  RcAuth *auth = rc_auth_new ();

  setup_oauth (auth, server, client_id, client_auth);

  return auth;
}

static RcAuth *
new_oauth (const char   *client_id,
           RcClientAuth  client_auth)
{
  return new_oauth_at (&oidc, client_id, client_auth);
}

/* An API on @server whose methods use OAuth 2.0 as @client_id. */
static RcApi *
new_api_at (OAuthServer  *server,
            const char   *client_id,
            RcClientAuth  client_auth)
{
  RcApi *api = rc_api_new ("Pets");

  rc_api_set_base_url (api, server->api_url);
  setup_oauth (rc_api_get_auth (api), server, client_id, client_auth);

  return api;
}

static RcApi *
new_api (const char   *client_id,
         RcClientAuth  client_auth)
{
  return new_api_at (&oidc, client_id, client_auth);
}

/* Returns: (transfer none): a method of @api, which owns it */
static RcMethod *
add_method (RcApi      *api,
            const char *verb,
            const char *url)
{
  g_autoptr(RcMethod) method = rc_method_new (url);

  rc_method_set_verb (method, verb);
  rc_method_set_url (method, url);
  rc_api_add_method (api, method);

  return method;
}

/* Token requests */

/* Fetches a token with a cache of its own, so a request is always sent,
 * trusting @database's CAs if given. */
static void
fetch_token_trusting (RcAuth        *auth,
                      const char    *secret,
                      GTlsDatabase  *database,
                      RcTestFetched *fetched)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 10,
                                                                  "tls-database", database,
                                                                  NULL);
  RcTokenCache *cache = rc_token_cache_new (session);

  rc_token_cache_get_token_async (cache, auth, secret, NULL, NULL, rc_test_fetched_cb, fetched);
  rc_test_wait_for (&fetched->done, CALL_SECONDS);
  g_assert_finalize_object (cache);

  if (fetched->error)
    g_test_message ("token request refused: %s", fetched->error->message);
}

static void
fetch_token (RcAuth        *auth,
             const char    *secret,
             RcTestFetched *fetched)
{
  fetch_token_trusting (auth, secret, NULL, fetched);
}

static char *
dup_bytes (GBytes *bytes)
{
  if (bytes == NULL)
    return g_strdup ("");

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
form_has (GBytes     *body,
          const char *name,
          const char *value)
{
  g_autofree char *text = dup_bytes (body);
  g_autoptr(GHashTable) form = g_uri_parse_params (text, -1, "&",
                                                   G_URI_PARAMS_WWW_FORM, NULL);

  return form && g_strcmp0 (g_hash_table_lookup (form, name), value) == 0;
}

static gboolean
form_has_name (GBytes     *body,
               const char *name)
{
  g_autofree char *text = dup_bytes (body);
  g_autoptr(GHashTable) form = g_uri_parse_params (text, -1, "&",
                                                   G_URI_PARAMS_WWW_FORM, NULL);

  return form && g_hash_table_contains (form, name);
}

/* A JWT: three base64url parts, the payload JSON with an exp. */
static void
assert_jwt_access_token (RcToken *token)
{
  const char *access_token = rc_token_get_access_token (token);
  g_auto(GStrv) parts = g_strsplit (access_token, ".", -1);
  gint64 exp = 0;

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (strlen (parts[i]), >, 0);
      g_assert_cmpuint (strspn (parts[i], "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                          "0123456789-_"), ==, strlen (parts[i]));
    }
  g_assert_true (rc_jwt_get_expiry (access_token, &exp));
  g_assert_cmpint (exp, >, g_get_real_time () / G_USEC_PER_SEC);
}

static void
assert_refused (OAuthServer   *server,
                RcTestFetched *fetched,
                guint          status,
                const char    *code)
{
  g_autofree char *status_text = g_strdup_printf ("HTTP %u", status);

  g_assert_null (fetched->token);
  g_assert_error (fetched->error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED);
  g_assert_nonnull (strstr (fetched->error->message, server->token_url));
  g_assert_nonnull (strstr (fetched->error->message, status_text));
  g_assert_nonnull (strstr (fetched->error->message, code));
  g_assert_nonnull (fetched->record);
  g_assert_cmpuint (rc_http_record_get_status (fetched->record), ==, status);
}

/* API calls */

static void
called_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Called *called = user_data;

  called->exchange = rc_executor_call_finish (RC_EXECUTOR (object), result);
  *called->n_done += 1;
}

/* Calls @method and waits for the exchange (transfer full). */
static RcExchange *
call (RcExecutor *executor,
      RcMethod   *method,
      RcPairList *values,
      const char *secret)
{
  guint n_done = 0;
  Called called = { &n_done, NULL };
  const GError *error;

  rc_executor_call_async (executor, method, values, secret, NULL, called_cb, &called);
  g_assert_true (wait_until_count (&n_done, 1, CALL_SECONDS));
  g_assert_nonnull (called.exchange);

  error = rc_exchange_get_error (called.exchange);
  g_test_message ("%s %s: HTTP %u%s%s", rc_method_get_verb (method), rc_method_get_url (method),
                  rc_exchange_get_status (called.exchange),
                  error ? ", error: " : "", error ? error->message : "");

  return called.exchange;
}

static JsonObject *
response_json (RcExchange *exchange)
{
  RcHttpRecord *record = rc_exchange_get_api_record (exchange);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GBytes *body;

  g_assert_nonnull (record);
  body = rc_http_record_get_response_body (record);
  g_assert_nonnull (body);
  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                              g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
assert_ok_as (RcExchange *exchange,
              const char *client_id)
{
  g_autoptr(JsonObject) json = NULL;

  g_assert_null (rc_exchange_get_error (exchange));
  g_assert_cmpuint (rc_exchange_get_status (exchange), ==, 200);
  g_assert_true (rc_exchange_is_success (exchange));
  json = response_json (exchange);
  g_assert_cmpstr (json_object_get_string_member (json, "client_id"), ==, client_id);
}

/* Calls GET /pets of @api with @secret, through an executor of its own,
 * and checks that the API answered @client_id. */
static void
assert_pets_open_to (RcApi      *api,
                     const char *secret,
                     const char *client_id)
{
  g_autoptr(RcExecutor) executor = rc_executor_new ();
  g_autoptr(RcExchange) exchange = call (executor, add_method (api, "GET", "/pets"), NULL, secret);

  assert_ok_as (exchange, client_id);
  g_clear_object (&exchange);
  g_assert_finalize_object (g_steal_pointer (&executor));
}

static gboolean
has_note_containing (RcExchange *exchange,
                     const char *text)
{
  const char * const *notes = rc_exchange_get_notes (exchange);

  for (guint i = 0; notes && notes[i]; i++)
    {
      g_test_message ("note: %s", notes[i]);
      if (strstr (notes[i], text))
        return TRUE;
    }

  return FALSE;
}

/* Tests: token requests */

static void
test_token_client_secret_basic (void)
{
  g_autoptr(RcAuth) auth = NULL;
  RcTestFetched fetched = { 0 };
  const char *authorization;
  GBytes *body;

  if (!server_ensure (&oidc))
    return;

  auth = new_oauth ("basic-client", RC_CLIENT_AUTH_BASIC_HEADER);
  fetch_token (auth, "s3cret", &fetched);

  g_assert_no_error (fetched.error);
  g_assert_nonnull (fetched.token);
  assert_jwt_access_token (fetched.token);
  g_assert_cmpint (rc_token_get_lifetime (fetched.token), ==, RC_TOKEN_LIFETIME_KNOWN);
  g_assert_cmpint (rc_token_get_expires_in (fetched.token), >, 3500);
  g_assert_cmpint (rc_token_get_expires_in (fetched.token), <=, 3600);
  g_assert_cmpstr (rc_token_get_scopes (fetched.token), ==, "pets:read pets:write");

  g_assert_nonnull (fetched.record);
  g_assert_cmpuint (rc_http_record_get_status (fetched.record), ==, 200);
  authorization = rc_http_record_get_request_header (fetched.record, "Authorization");
  g_assert_nonnull (authorization);
  g_assert_true (g_str_has_prefix (authorization, "Basic "));
  body = rc_http_record_get_request_body (fetched.record);
  g_assert_true (form_has (body, "grant_type", "client_credentials"));
  g_assert_false (form_has_name (body, "client_secret"));

  rc_test_fetched_clear (&fetched);
}

static void
test_token_client_secret_post (void)
{
  g_autoptr(RcAuth) auth = NULL;
  RcTestFetched fetched = { 0 };
  GBytes *body;

  if (!server_ensure (&oidc))
    return;

  auth = new_oauth ("post-client", RC_CLIENT_AUTH_BODY);
  fetch_token (auth, "p0st-secret", &fetched);

  g_assert_no_error (fetched.error);
  g_assert_nonnull (fetched.token);
  assert_jwt_access_token (fetched.token);
  g_assert_cmpint (rc_token_get_lifetime (fetched.token), ==, RC_TOKEN_LIFETIME_KNOWN);
  g_assert_cmpint (rc_token_get_expires_in (fetched.token), >, 3500);
  g_assert_cmpint (rc_token_get_expires_in (fetched.token), <=, 3600);

  g_assert_null (rc_http_record_get_request_header (fetched.record, "Authorization"));
  body = rc_http_record_get_request_body (fetched.record);
  g_assert_true (form_has (body, "grant_type", "client_credentials"));
  g_assert_true (form_has (body, "client_id", "post-client"));
  g_assert_true (form_has_name (body, "client_secret"));

  rc_test_fetched_clear (&fetched);
}

/* RFC 6749 §2.3.1: id and secret are form-urlencoded before base64. */
static void
test_token_special_characters (void)
{
  g_autoptr(RcAuth) auth = NULL;
  g_autoptr(RcApi) api = NULL;
  RcTestFetched fetched = { 0 };

  if (!server_ensure (&oidc))
    return;

  auth = new_oauth ("special:client+id", RC_CLIENT_AUTH_BASIC_HEADER);
  fetch_token (auth, "s=cr%t +:&?/", &fetched);
  g_assert_no_error (fetched.error);
  assert_jwt_access_token (fetched.token);
  rc_test_fetched_clear (&fetched);

  /* The token opens the API, which sees the client ID intact. */
  api = new_api ("special:client+id", RC_CLIENT_AUTH_BASIC_HEADER);
  assert_pets_open_to (api, "s=cr%t +:&?/", "special:client+id");

  /* Unencoded, as for servers that do not decode: this one does, and
   * refuses, and the message says why. */
  rc_auth_set_basic_form (auth, RC_BASIC_FORM_RAW);
  fetch_token (auth, "s=cr%t +:&?/", &fetched);
  assert_refused (&oidc, &fetched, 400, "invalid_request");
  g_assert_nonnull (strstr (fetched.error->message, "not properly encoded"));
  rc_test_fetched_clear (&fetched);
}

static void
test_token_wrong_secret (void)
{
  g_autoptr(RcAuth) auth = NULL;
  RcTestFetched fetched = { 0 };

  if (!server_ensure (&oidc))
    return;

  auth = new_oauth ("basic-client", RC_CLIENT_AUTH_BASIC_HEADER);
  fetch_token (auth, "not-the-secret", &fetched);
  assert_refused (&oidc, &fetched, 401, "invalid_client");
  g_assert_nonnull (strstr (fetched.error->message, "Check the client ID and secret"));
  rc_test_fetched_clear (&fetched);
}

/* Each client may use only its registered method; the message suggests
 * the other one. */
static void
test_token_wrong_client_auth (void)
{
  g_autoptr(RcAuth) post_as_basic = NULL;
  g_autoptr(RcAuth) basic_as_post = NULL;
  RcTestFetched fetched = { 0 };

  if (!server_ensure (&oidc))
    return;

  post_as_basic = new_oauth ("post-client", RC_CLIENT_AUTH_BASIC_HEADER);
  fetch_token (post_as_basic, "p0st-secret", &fetched);
  assert_refused (&oidc, &fetched, 401, "invalid_client");
  g_assert_nonnull (strstr (fetched.error->message, "try the other client authentication"));
  rc_test_fetched_clear (&fetched);

  basic_as_post = new_oauth ("basic-client", RC_CLIENT_AUTH_BODY);
  fetch_token (basic_as_post, "s3cret", &fetched);
  assert_refused (&oidc, &fetched, 401, "invalid_client");
  g_assert_nonnull (strstr (fetched.error->message, "try the other client authentication"));
  rc_test_fetched_clear (&fetched);
}

/* Tests: signed client assertions (RFC 7523) */

#define JWT_SECRET_CLIENT "jwt-secret-client"
#define JWT_SECRET        "jwt-s3cret-long-enough-for-hs256-signing"
#define JWT_KEY_CLIENT    "jwt-key-client"

/* The body carries an assertion, its type and the client ID; no secret. */
static void
assert_assertion_sent (RcHttpRecord *record,
                       const char   *client_id,
                       const char   *alg)
{
  GBytes *body = rc_http_record_get_request_body (record);
  g_autofree char *text = dup_bytes (body);
  g_autoptr(GHashTable) form = g_uri_parse_params (text, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  g_autofree char *header = NULL;
  g_autofree char *claims = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *alg_member = g_strdup_printf ("\"alg\": \"%s\"", alg);

  g_assert_null (rc_http_record_get_request_header (record, "Authorization"));
  g_assert_true (form_has (body, "client_id", client_id));
  g_assert_true (form_has (body, "client_assertion_type",
                           "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
  g_assert_false (form_has_name (body, "client_secret"));
  g_assert_true (rc_jwt_decode (g_hash_table_lookup (form, "client_assertion"), &header, &claims,
                                &error));
  g_assert_no_error (error);
  if (strstr (header, alg_member) == NULL)
    g_error ("the assertion's header is not %s: %s", alg, header);
}

static void
test_token_client_secret_jwt (void)
{
  g_autoptr(RcAuth) auth = NULL;
  g_autoptr(RcApi) api = NULL;
  RcTestFetched fetched = { 0 };

  if (!server_ensure (&oidc))
    return;

  auth = new_oauth (JWT_SECRET_CLIENT, RC_CLIENT_AUTH_SECRET_JWT);
  fetch_token (auth, JWT_SECRET, &fetched);
  g_assert_no_error (fetched.error);
  assert_jwt_access_token (fetched.token);
  assert_assertion_sent (fetched.record, JWT_SECRET_CLIENT, "HS256");
  rc_test_fetched_clear (&fetched);

  /* Signed with another secret: the server refuses the client. */
  fetch_token (auth, "not-the-secret-but-as-long-as-the-real-one", &fetched);
  assert_refused (&oidc, &fetched, 401, "invalid_client");
  g_assert_nonnull (strstr (fetched.error->message, "signed (HS256) with this secret"));
  rc_test_fetched_clear (&fetched);

  /* The token opens the API. */
  api = new_api (JWT_SECRET_CLIENT, RC_CLIENT_AUTH_SECRET_JWT);
  assert_pets_open_to (api, JWT_SECRET, JWT_SECRET_CLIENT);
}

/* A token with each algorithm, and a call to the API with it: the key
 * from its file, or (@in_keyring) in the secret's place. */
static void
check_private_key_jwt (const char *key_file,
                       RcJwtAlg    alg,
                       const char *expected_alg,
                       const char *kid,
                       gboolean    in_keyring)
{
  g_autoptr(RcApi) api = NULL;
  g_autoptr(RcExecutor) executor = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pem = NULL;
  RcAuth *auth;

  g_test_message ("private_key_jwt, %s%s%s", expected_alg, kid ? ", kid " : "", kid ? kid : "");
  api = new_api (JWT_KEY_CLIENT, RC_CLIENT_AUTH_PRIVATE_KEY_JWT);
  auth = rc_api_get_auth (api);
  rc_auth_set_jwt_alg (auth, alg);
  rc_auth_set_key_id (auth, kid);
  if (in_keyring)
    {
      g_assert_true (g_file_get_contents (key_file, &pem, NULL, &error));
      g_assert_no_error (error);
    }
  else
    rc_auth_set_private_key_file (auth, key_file);

  executor = rc_executor_new ();
  exchange = call (executor, add_method (api, "GET", "/pets"), NULL, pem);
  assert_ok_as (exchange, JWT_KEY_CLIENT);
  g_assert_cmpuint (rc_exchange_get_n_token_requests (exchange), ==, 1);
  assert_assertion_sent (rc_exchange_get_token_record (exchange), JWT_KEY_CLIENT, expected_alg);
  g_clear_object (&exchange);
  g_assert_finalize_object (g_steal_pointer (&executor));
}

static void
test_token_private_key_jwt (void)
{
  g_autoptr(RcAuth) auth = NULL;
  RcTestFetched fetched = { 0 };

  if (!server_ensure (&oidc))
    return;

  check_private_key_jwt (oidc.rsa_key_file, RC_JWT_ALG_RS256, "RS256", "rsa-1", FALSE);
  check_private_key_jwt (oidc.rsa_key_file, RC_JWT_ALG_PS256, "PS256", NULL, FALSE);
  check_private_key_jwt (oidc.ec_key_file, RC_JWT_ALG_ES256, "ES256", "ec-1", FALSE);
  /* The algorithm from the key, the key from the keyring. */
  check_private_key_jwt (oidc.ec_key_file, RC_JWT_ALG_AUTO, "ES256", NULL, TRUE);
  check_private_key_jwt (oidc.rsa_key_file, RC_JWT_ALG_AUTO, "RS256", NULL, TRUE);

  /* A key the client did not register: refused. */
  auth = new_oauth (JWT_KEY_CLIENT, RC_CLIENT_AUTH_PRIVATE_KEY_JWT);
  rc_auth_set_private_key_file (auth, oidc.rsa_key_file);
  rc_auth_set_key_id (auth, "ec-1");
  fetch_token (auth, NULL, &fetched);
  assert_refused (&oidc, &fetched, 401, "invalid_client");
  g_assert_nonnull (strstr (fetched.error->message, "the key’s public half"));
  rc_test_fetched_clear (&fetched);
}

/* `restcall call` with each signed assertion, as a user would type it;
 * the options that make no sense together are usage errors. */
static void
test_cli_client_assertion (void)
{
  g_autofree char *pets = NULL;
  const char *secret_env[] = { "RC_TEST_SECRET=" JWT_SECRET, NULL };
  const struct {
    const char *key_file;
    const char *alg;
  } keys[] = {
    { oidc.rsa_key_file, "PS256" },
    { oidc.ec_key_file, NULL },
  };

  if (!server_ensure (&oidc))
    return;

  pets = g_strconcat (oidc.api_url, "/pets", NULL);

  {
    g_auto(RcTestRun) run = { 0 };

    rc_test_run_restcall (&run, NULL, secret_env, "call", "--client-id", JWT_SECRET_CLIENT,
                          "--client-secret-env", "RC_TEST_SECRET", "--token-url", oidc.token_url,
                          "--client-auth", "secret-jwt", pets);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "\"client_id\":\"" JWT_SECRET_CLIENT "\""));
  }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_auto(RcTestRun) run = { 0 };

      if (keys[i].alg)
        rc_test_run_restcall (&run, NULL, NULL, "call", "--client-id", JWT_KEY_CLIENT,
                              "--token-url", oidc.token_url, "--client-auth", "private-key-jwt",
                              "--private-key", keys[i].key_file, "--jwt-alg", keys[i].alg,
                              "--key-id", "rsa-1", pets);
      else
        rc_test_run_restcall (&run, NULL, NULL, "call", "--client-id", JWT_KEY_CLIENT,
                              "--token-url", oidc.token_url, "--client-auth", "private-key-jwt",
                              "--private-key", keys[i].key_file, pets);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "\"client_id\":\"" JWT_KEY_CLIENT "\""));
    }

  {
    const struct {
      const char *args[8];
      const char *says;
    } mistakes[] = {
      { { "--client-auth", "secret-jwt", "--basic-form", "raw" }, "--basic-form is for" },
      { { "--client-auth", "private-key-jwt", "--private-key", "k.pem", "--raw-basic" },
        "--raw-basic is for" },
      { { "--private-key", "k.pem" }, "add --client-auth private-key-jwt" },
      { { "--client-auth", "body", "--key-id", "k" }, "add --client-auth private-key-jwt" },
      { { "--client-auth", "private-key-jwt", "--private-key", "k.pem", "--jwt-alg", "HS256" },
        "Unknown --jwt-alg “HS256”" },
      { { "--client-auth", "private-key-jwt" }, "needs the private key" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
      {
        g_auto(RcTestRun) run = { 0 };
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) args = NULL;

        g_strv_builder_add_many (builder, "call", "--client-id", "c", "--token-url",
                                 oidc.token_url, NULL);
        for (guint j = 0; mistakes[i].args[j]; j++)
          g_strv_builder_add (builder, mistakes[i].args[j]);
        /* A secret where one is wanted, so that only the mistake is said. */
        if (!g_strv_contains (mistakes[i].args, "private-key-jwt"))
          g_strv_builder_add_many (builder, "--client-secret-env", "RC_TEST_SECRET", NULL);
        g_strv_builder_add (builder, pets);
        args = g_strv_builder_end (builder);

        rc_test_run_restcall_full (&run, NULL, secret_env, (const char * const *) args);
        g_test_message ("%s", run.err);
        g_assert_cmpint (run.status, ==, 2);
        if (strstr (run.err, mistakes[i].says) == NULL)
          g_error ("“%s” does not say “%s”", run.err, mistakes[i].says);
      }
  }
}

/* Tests: a server that compares the Basic credentials unencoded */

/* @node-oauth/oauth2-server takes the client ID and secret of a Basic
 * header as they are: RFC 6749's form-encoding, which changes this secret,
 * makes them wrong. */
static void
test_node_oauth_rfc_form_refused (void)
{
  g_autoptr(RcAuth) auth = NULL;
  RcTestFetched fetched = { 0 };

  if (!server_ensure (&node_oauth))
    return;

  auth = new_oauth_at (&node_oauth, TRICKY_CLIENT, RC_CLIENT_AUTH_BASIC_HEADER);
  rc_auth_set_basic_form (auth, RC_BASIC_FORM_RFC);
  fetch_token (auth, TRICKY_SECRET, &fetched);
  assert_refused (&node_oauth, &fetched, 401, "invalid_client");
  rc_test_fetched_clear (&fetched);
}

static void
test_node_oauth_unencoded (void)
{
  g_autoptr(RcAuth) auth = NULL;
  g_autoptr(RcApi) api = NULL;
  RcTestFetched fetched = { 0 };

  if (!server_ensure (&node_oauth))
    return;

  auth = new_oauth_at (&node_oauth, TRICKY_CLIENT, RC_CLIENT_AUTH_BASIC_HEADER);
  rc_auth_set_basic_form (auth, RC_BASIC_FORM_RAW);
  fetch_token (auth, TRICKY_SECRET, &fetched);
  g_assert_no_error (fetched.error);
  g_assert_cmpuint (rc_http_record_get_status (fetched.record), ==, 200);
  rc_test_fetched_clear (&fetched);

  /* Its token opens its protected resource. */
  api = new_api_at (&node_oauth, TRICKY_CLIENT, RC_CLIENT_AUTH_BASIC_HEADER);
  rc_auth_set_basic_form (rc_api_get_auth (api), RC_BASIC_FORM_RAW);
  assert_pets_open_to (api, TRICKY_SECRET, TRICKY_CLIENT);
}

/* In the body, the secret is form-encoded as any field, and decoded. */
static void
test_node_oauth_body (void)
{
  g_autoptr(RcAuth) auth = NULL;
  RcTestFetched fetched = { 0 };

  if (!server_ensure (&node_oauth))
    return;

  auth = new_oauth_at (&node_oauth, TRICKY_CLIENT, RC_CLIENT_AUTH_BODY);
  fetch_token (auth, TRICKY_SECRET, &fetched);
  g_assert_no_error (fetched.error);
  rc_test_fetched_clear (&fetched);
}

/* Tests: the automatic Basic form, against both servers */

/* oidc-provider decodes: the RFC 6749 form works at once, one request;
 * unencoded, chosen, it is refused. */
static void
test_automatic_oidc_provider (void)
{
  g_autoptr(RcAuth) auth = NULL;
  g_autoptr(RcApi) api = NULL;
  RcTestFetched fetched = { 0 };

  if (!server_ensure (&oidc))
    return;

  server_reset_stats (&oidc);
  auth = new_oauth (TRICKY_CLIENT, RC_CLIENT_AUTH_BASIC_HEADER);
  g_assert_cmpint (rc_auth_get_basic_form (auth), ==, RC_BASIC_FORM_AUTO);
  fetch_token (auth, TRICKY_SECRET, &fetched);
  g_assert_no_error (fetched.error);
  assert_jwt_access_token (fetched.token);
  g_assert_null (rc_http_record_get_previous_attempt (fetched.record));
  g_assert_cmpint (server_get_stat (&oidc, "token_requests"), ==, 1);
  g_assert_cmpint (rc_auth_get_remembered_basic_form (auth), ==, RC_BASIC_FORM_AUTO);
  rc_test_fetched_clear (&fetched);

  api = new_api (TRICKY_CLIENT, RC_CLIENT_AUTH_BASIC_HEADER);
  assert_pets_open_to (api, TRICKY_SECRET, TRICKY_CLIENT);

  rc_auth_set_basic_form (auth, RC_BASIC_FORM_RAW);
  fetch_token (auth, TRICKY_SECRET, &fetched);
  assert_refused (&oidc, &fetched, 400, "invalid_request");
  g_assert_null (rc_http_record_get_previous_attempt (fetched.record));
  rc_test_fetched_clear (&fetched);
}

/* @node-oauth/oauth2-server compares unencoded: the RFC 6749 form is
 * refused, the unencoded one sent once more and remembered, and the next
 * token request sends it first. */
static void
test_automatic_node_oauth (void)
{
  g_autoptr(RcAuth) auth = NULL;
  g_autoptr(RcApi) api = NULL;
  g_autoptr(RcExecutor) executor = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  RcTestFetched fetched = { 0 };

  if (!server_ensure (&node_oauth))
    return;

  server_reset_stats (&node_oauth);
  auth = new_oauth_at (&node_oauth, TRICKY_CLIENT, RC_CLIENT_AUTH_BASIC_HEADER);
  fetch_token (auth, TRICKY_SECRET, &fetched);
  g_assert_no_error (fetched.error);
  g_assert_cmpuint (rc_http_record_get_status (fetched.record), ==, 200);
  attempts = rc_http_record_dup_attempts (fetched.record);
  g_assert_cmpuint (attempts->len, ==, 2);
  g_assert_cmpuint (rc_http_record_get_status (g_ptr_array_index (attempts, 0)), ==, 401);
  g_assert_cmpint (server_get_stat (&node_oauth, "token_requests"), ==, 2);
  g_assert_cmpint (rc_auth_get_remembered_basic_form (auth), ==, RC_BASIC_FORM_RAW);
  rc_test_fetched_clear (&fetched);

  /* Remembered: one request. */
  fetch_token (auth, TRICKY_SECRET, &fetched);
  g_assert_no_error (fetched.error);
  g_assert_null (rc_http_record_get_previous_attempt (fetched.record));
  g_assert_cmpint (server_get_stat (&node_oauth, "token_requests"), ==, 3);
  rc_test_fetched_clear (&fetched);

  /* A call finds its way too, and its API remembers. */
  api = new_api_at (&node_oauth, TRICKY_CLIENT, RC_CLIENT_AUTH_BASIC_HEADER);
  executor = rc_executor_new ();
  exchange = call (executor, add_method (api, "GET", "/pets"), NULL, TRICKY_SECRET);
  assert_ok_as (exchange, TRICKY_CLIENT);
  g_assert_true (has_note_containing (exchange, "compares the credentials unencoded"));
  g_assert_cmpint (rc_auth_get_remembered_basic_form (rc_api_get_auth (api)), ==,
                   RC_BASIC_FORM_RAW);
  g_assert_cmpint (server_get_stat (&node_oauth, "token_requests"), ==, 5);
  g_clear_object (&exchange);
  g_assert_finalize_object (g_steal_pointer (&executor));
}

/* Tests: API calls through the executor */

static void
test_call_pets (void)
{
  g_autoptr(RcApi) api = NULL;
  g_autoptr(RcExecutor) executor = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  g_autoptr(RcPairList) values = NULL;
  g_autoptr(JsonObject) json = NULL;
  RcHttpRecord *token_record;
  RcMethod *list;
  RcMethod *get;
  const char *authorization;

  if (!server_ensure (&oidc))
    return;

  api = new_api ("basic-client", RC_CLIENT_AUTH_BASIC_HEADER);
  list = add_method (api, "GET", "/pets");
  get = add_method (api, "GET", "/pets/{id}");
  executor = rc_executor_new ();

  exchange = call (executor, list, NULL, "s3cret");
  assert_ok_as (exchange, "basic-client");
  json = response_json (exchange);
  g_assert_cmpstr (json_object_get_string_member (json, "scope"), ==, "pets:read pets:write");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json, "pets")), ==, 3);
  g_clear_pointer (&json, json_object_unref);

  authorization = rc_http_record_get_request_header (rc_exchange_get_api_record (exchange),
                                                     "Authorization");
  g_assert_nonnull (authorization);
  g_assert_true (g_str_has_prefix (authorization, "Bearer "));
  g_assert_cmpuint (rc_exchange_get_n_token_requests (exchange), ==, 1);
  g_assert_false (rc_exchange_get_token_from_cache (exchange));
  token_record = rc_exchange_get_token_record (exchange);
  g_assert_nonnull (token_record);
  g_assert_cmpuint (rc_http_record_get_status (token_record), ==, 200);
  g_assert_true (form_has (rc_http_record_get_request_body (token_record),
                           "grant_type", "client_credentials"));
  g_clear_object (&exchange);

  /* A URL parameter, and the token from the cache. */
  values = rc_pair_list_new ();
  rc_pair_list_append (values, "id", "2");
  exchange = call (executor, get, values, "s3cret");
  assert_ok_as (exchange, "basic-client");
  json = response_json (exchange);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json, "pet"), "id"),
                   ==, 2);
  g_assert_cmpuint (rc_exchange_get_n_token_requests (exchange), ==, 0);
  g_assert_true (rc_exchange_get_token_from_cache (exchange));
  g_assert_null (rc_exchange_get_token_record (exchange));
  g_clear_object (&exchange);

  g_assert_finalize_object (g_steal_pointer (&executor));
}

static void
test_call_post_body (void)
{
  g_autoptr(RcApi) api = NULL;
  g_autoptr(RcExecutor) executor = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  g_autoptr(JsonObject) json = NULL;
  const char *body = "{\"name\":\"Kiki\",\"kind\":\"bird\"}";
  RcMethod *create;

  if (!server_ensure (&oidc))
    return;

  api = new_api ("post-client", RC_CLIENT_AUTH_BODY);
  create = add_method (api, "POST", "/pets");
  rc_method_set_body (create, body);
  rc_method_set_content_type (create, "application/json");
  executor = rc_executor_new ();

  exchange = call (executor, create, NULL, "p0st-secret");
  assert_ok_as (exchange, "post-client");
  json = response_json (exchange);
  g_assert_true (json_object_get_boolean_member (json, "created"));
  g_assert_cmpstr (json_object_get_string_member (json, "received"), ==, body);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json, "content_type"),
                                   "application/json"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json, "pet"),
                                                  "name"), ==, "Kiki");
  g_clear_object (&exchange);

  g_assert_finalize_object (g_steal_pointer (&executor));
}

/* Ten calls at once, no token yet: one token request, counted by the
 * server itself and by the cache. */
static void
test_call_single_flight (void)
{
  g_autoptr(RcApi) api = NULL;
  g_autoptr(RcExecutor) executor = NULL;
  Called called[10] = { { 0 } };
  guint n_done = 0;
  guint n_token_requests = 0;
  RcHttpRecord *token_record = NULL;
  RcMethod *list;

  if (!server_ensure (&oidc))
    return;

  server_reset_stats (&oidc);
  api = new_api ("basic-client", RC_CLIENT_AUTH_BASIC_HEADER);
  list = add_method (api, "GET", "/pets");
  executor = rc_executor_new ();

  for (guint i = 0; i < G_N_ELEMENTS (called); i++)
    {
      called[i].n_done = &n_done;
      rc_executor_call_async (executor, list, NULL, "s3cret", NULL, called_cb, &called[i]);
    }
  g_assert_true (wait_until_count (&n_done, G_N_ELEMENTS (called), CALL_SECONDS));

  /* Every call that waited for the token shows the one token exchange. */
  for (guint i = 0; i < G_N_ELEMENTS (called); i++)
    {
      RcHttpRecord *record;

      assert_ok_as (called[i].exchange, "basic-client");
      record = rc_exchange_get_token_record (called[i].exchange);
      if (record && token_record == NULL)
        token_record = record;
      g_assert_true (record == NULL || record == token_record);
      n_token_requests += rc_exchange_get_n_token_requests (called[i].exchange);
    }
  g_test_message ("%u of %u calls waited for the one token request", n_token_requests,
                  (guint) G_N_ELEMENTS (called));
  g_assert_nonnull (token_record);
  for (guint i = 0; i < G_N_ELEMENTS (called); i++)
    g_clear_object (&called[i].exchange);

  g_assert_cmpuint (rc_token_cache_get_n_requests (rc_executor_get_token_cache (executor)), ==, 1);
  g_assert_cmpint (server_get_stat (&oidc, "token_requests"), ==, 1);
  g_assert_cmpint (server_get_stat (&oidc, "api_requests"), ==, 10);

  g_assert_finalize_object (g_steal_pointer (&executor));
}

/* short-client's tokens live 2 s. Once the cache holds its token stale,
 * the next call must not send it: it fetches a new one ahead (the lifetime
 * is known), or, should the server have refused the old one first, the
 * API's 401 invalid_token made it fetch one and replay. */
static gboolean
token_stale_cb (gpointer token)
{
  return !rc_token_is_fresh (token);
}

static void
test_call_short_lived_token (void)
{
  g_autoptr(RcToken) token = NULL;
  g_autoptr(RcApi) api = NULL;
  g_autoptr(RcExecutor) executor = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  RcMethod *list;
  guint n_attempts;

  if (!server_ensure (&oidc))
    return;

  server_reset_stats (&oidc);
  api = new_api ("short-client", RC_CLIENT_AUTH_BASIC_HEADER);
  list = add_method (api, "GET", "/pets");
  executor = rc_executor_new ();

  exchange = call (executor, list, NULL, "short");
  assert_ok_as (exchange, "short-client");
  g_assert_cmpint (rc_token_get_lifetime (rc_exchange_get_token (exchange)), ==,
                   RC_TOKEN_LIFETIME_KNOWN);
  g_assert_cmpint (rc_token_get_expires_in (rc_exchange_get_token (exchange)), <=, 2);
  token = g_object_ref (rc_exchange_get_token (exchange));
  g_clear_object (&exchange);

  /* Until the cache no longer hands it out. */
  g_assert_true (rc_test_wait_until (token_stale_cb, token, CALL_SECONDS));

  exchange = call (executor, list, NULL, "short");
  assert_ok_as (exchange, "short-client");
  g_assert_cmpuint (rc_exchange_get_n_token_requests (exchange), ==, 1);
  g_assert_false (rc_exchange_get_token_from_cache (exchange));
  n_attempts = rc_exchange_get_api_records (exchange)->len;
  g_test_message ("the second call took %u attempt(s): %s", n_attempts,
                  n_attempts == 1 ? "the expired token was dropped before sending"
                                  : "the API's 401 caused a refetch and a replay");
  g_assert_cmpuint (n_attempts, <=, 2);
  g_clear_object (&exchange);

  g_assert_cmpint (server_get_stat (&oidc, "token_requests"), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&executor));
}

/* A token the server no longer accepts but the cache still holds (revoked
 * on the server's side): the call gets 401 invalid_token, drops the token,
 * fetches another and replays once. */
static void
test_call_replay_after_expired_token (void)
{
  g_autoptr(RcApi) api = NULL;
  g_autoptr(RcExecutor) executor = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  RcHttpRecord *first;
  RcMethod *list;
  const char *challenge;

  if (!server_ensure (&oidc))
    return;

  api = new_api ("basic-client", RC_CLIENT_AUTH_BASIC_HEADER);
  list = add_method (api, "GET", "/pets");
  executor = rc_executor_new ();

  server_reset_stats (&oidc);
  exchange = call (executor, list, NULL, "s3cret");
  assert_ok_as (exchange, "basic-client");
  g_clear_object (&exchange);

  g_bytes_unref (server_request (&oidc, "POST", "/_revoke"));
  g_assert_nonnull (
    rc_token_cache_lookup (rc_executor_get_token_cache (executor), rc_api_get_auth (api)));

  exchange = call (executor, list, NULL, "s3cret");
  assert_ok_as (exchange, "basic-client");
  g_assert_cmpuint (rc_exchange_get_api_records (exchange)->len, ==, 2);
  first = g_ptr_array_index (rc_exchange_get_api_records (exchange), 0);
  g_assert_cmpuint (rc_http_record_get_status (first), ==, 401);
  challenge = rc_http_record_get_response_header (first, "WWW-Authenticate");
  g_assert_nonnull (challenge);
  g_test_message ("first attempt: 401, WWW-Authenticate: %s", challenge);
  g_assert_nonnull (strstr (challenge, "invalid_token"));
  g_assert_cmpuint (rc_exchange_get_n_token_requests (exchange), ==, 1);
  g_assert_nonnull (rc_exchange_get_token_record (exchange));
  g_clear_object (&exchange);

  g_assert_cmpint (server_get_stat (&oidc, "token_requests"), ==, 2);
  g_assert_cmpint (server_get_stat (&oidc, "api_requests"), ==, 3);

  g_assert_finalize_object (g_steal_pointer (&executor));
}

/* 403 insufficient_scope: reported with the scope needed, and no new
 * token (another token would not have the scope either). */
static void
test_call_insufficient_scope (void)
{
  g_autoptr(RcApi) api = NULL;
  g_autoptr(RcExecutor) executor = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  g_autoptr(JsonObject) json = NULL;
  RcHttpRecord *record;
  const char *challenge;
  RcMethod *list;
  RcMethod *admin;

  if (!server_ensure (&oidc))
    return;

  server_reset_stats (&oidc);
  api = new_api ("basic-client", RC_CLIENT_AUTH_BASIC_HEADER);
  list = add_method (api, "GET", "/pets");
  admin = add_method (api, "GET", "/admin");
  executor = rc_executor_new ();

  exchange = call (executor, list, NULL, "s3cret");
  assert_ok_as (exchange, "basic-client");
  g_clear_object (&exchange);
  g_assert_cmpint (server_get_stat (&oidc, "token_requests"), ==, 1);

  exchange = call (executor, admin, NULL, "s3cret");
  g_assert_null (rc_exchange_get_error (exchange));
  g_assert_cmpuint (rc_exchange_get_status (exchange), ==, 403);
  g_assert_false (rc_exchange_is_success (exchange));
  g_assert_cmpuint (rc_exchange_get_api_records (exchange)->len, ==, 1);
  g_assert_cmpuint (rc_exchange_get_n_token_requests (exchange), ==, 0);
  g_assert_true (rc_exchange_get_token_from_cache (exchange));

  record = rc_exchange_get_api_record (exchange);
  challenge = rc_http_record_get_response_header (record, "WWW-Authenticate");
  g_assert_nonnull (challenge);
  g_assert_nonnull (strstr (challenge, "insufficient_scope"));
  json = response_json (exchange);
  g_assert_cmpstr (json_object_get_string_member (json, "error"), ==, "insufficient_scope");
  g_assert_true (has_note_containing (exchange, "pets:admin"));
  g_clear_object (&exchange);

  g_assert_cmpint (server_get_stat (&oidc, "token_requests"), ==, 1);
  g_assert_cmpint (server_get_stat (&oidc, "api_requests"), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&executor));
}

/* Tests: mutual TLS (RFC 8705 tls_client_auth) */

/* The test CA, which issued the servers' certificates. */
static GTlsDatabase *
new_test_ca (OAuthServer *server)
{
  g_autoptr(GError) error = NULL;
  GTlsDatabase *database = g_tls_file_database_new (server->ca_file, &error);

  g_assert_no_error (error);

  return database;
}

static void
setup_mtls (RcAuth     *auth,
            const char *cert,
            const char *key)
{
  setup_oauth (auth, &oidc, "mtls-client", RC_CLIENT_AUTH_TLS);
  rc_auth_set_token_url (auth, oidc.mtls_token_url);
  rc_auth_set_client_cert_file (auth, cert);
  rc_auth_set_private_key_file (auth, key);
}

static void
test_mtls_token (void)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();
  g_autoptr(GTlsDatabase) database = NULL;
  g_autofree char *request = NULL;
  RcTestFetched fetched = { 0 };
  const char *presented;
  GBytes *body;

  if (!server_ensure (&oidc))
    return;

  database = new_test_ca (&oidc);
  setup_mtls (auth, oidc.client_cert, oidc.client_key);
  fetch_token_trusting (auth, NULL, database, &fetched);

  g_assert_no_error (fetched.error);
  assert_jwt_access_token (fetched.token);
  g_assert_cmpstr (rc_token_get_scopes (fetched.token), ==, "pets:read pets:write");

  /* RFC 8705 §2: client_id in the body, no secret anywhere. */
  body = rc_http_record_get_request_body (fetched.record);
  g_assert_true (form_has (body, "client_id", "mtls-client"));
  g_assert_false (form_has_name (body, "client_secret"));
  g_assert_null (rc_http_record_get_request_header (fetched.record, "Authorization"));

  /* The exchange says which certificate went, and never the key. */
  presented = rc_http_record_get_client_certificate (fetched.record);
  g_assert_nonnull (presented);
  g_assert_nonnull (strstr (presented, "CN=restcall-mtls-client"));
  g_assert_nonnull (strstr (presented, oidc.client_cert));
  request = rc_http_record_format_request (fetched.record, TRUE);
  g_assert_nonnull (strstr (request, "CN=restcall-mtls-client"));
  g_assert_null (strstr (request, "PRIVATE KEY"));
  rc_test_fetched_clear (&fetched);
}

/* The token is bound to the certificate (RFC 8705 §3): the API takes it
 * only from a call that presents the certificate too. With the key in
 * the keyring, the auth's secret, rather than in a file. */
static void
test_mtls_call (void)
{
  g_autoptr(RcApi) api = rc_api_new ("Pets");
  g_autoptr(RcExecutor) executor = rc_executor_new ();
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key_pem = NULL;
  RcMethod *list;

  if (!server_ensure (&oidc))
    return;

  database = new_test_ca (&oidc);
  rc_executor_set_tls_database (executor, database);
  rc_api_set_base_url (api, oidc.mtls_api_url);
  setup_mtls (rc_api_get_auth (api), oidc.client_cert, oidc.client_key);
  list = add_method (api, "GET", "/pets");

  exchange = call (executor, list, NULL, NULL);
  assert_ok_as (exchange, "mtls-client");
  g_clear_object (&exchange);

  g_assert_true (g_file_get_contents (oidc.client_key, &key_pem, NULL, &error));
  g_assert_no_error (error);
  rc_auth_set_private_key_file (rc_api_get_auth (api), "");
  rc_token_cache_clear (rc_executor_get_token_cache (executor), rc_api_get_auth (api));
  exchange = call (executor, list, NULL, key_pem);
  assert_ok_as (exchange, "mtls-client");
  g_assert_nonnull (strstr (rc_http_record_get_client_certificate (
                              rc_exchange_get_token_record (exchange)),
                            "CN=restcall-mtls-client"));
}

/* A certificate of the same CA, but not the client's: refused, in the
 * server's words, with a hint about the certificate. */
static void
test_mtls_wrong_certificate (void)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();
  g_autoptr(GTlsDatabase) database = NULL;
  RcTestFetched fetched = { 0 };

  if (!server_ensure (&oidc))
    return;

  database = new_test_ca (&oidc);
  setup_mtls (auth, oidc.stranger_cert, oidc.stranger_key);
  fetch_token_trusting (auth, NULL, database, &fetched);

  g_assert_null (fetched.token);
  g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED);
  g_assert_nonnull (strstr (fetched.error->message, "invalid_client"));
  g_assert_nonnull (strstr (fetched.error->message, "client certificate"));
  g_assert_nonnull (strstr (fetched.error->message, "registered for this client"));
  rc_test_fetched_clear (&fetched);
}

/* `restcall call` with --cert, --key and --cacert, as curl takes them. */
static void
test_mtls_cli (void)
{
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) untrusted = { 0 };
  g_autofree char *url = NULL;

  if (!server_ensure (&oidc))
    return;

  url = g_strconcat (oidc.mtls_api_url, "/pets", NULL);
  rc_test_run_restcall (&run, NULL, NULL, "call", url, "--client-id", "mtls-client",
                        "--token-url", oidc.mtls_token_url, "--scope", "pets:read",
                        "--client-auth", "tls", "--cert", oidc.client_cert,
                        "--key", oidc.client_key, "--cacert", oidc.ca_file, "--inspect");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"client_id\":\"mtls-client\""));
  /* --inspect: the certificate each request presented, never the key. */
  g_assert_nonnull (strstr (run.out, "Client certificate presented for mutual TLS: subject "
                                     "CN=restcall-mtls-client"));
  g_assert_null (strstr (run.out, "PRIVATE KEY"));

  /* Without --cacert, the test CA is nobody's: the server is not trusted. */
  rc_test_run_restcall (&untrusted, NULL, NULL, "call", url, "--client-id", "mtls-client",
                        "--token-url", oidc.mtls_token_url, "--client-auth", "tls",
                        "--cert", oidc.client_cert, "--key", oidc.client_key);
  g_assert_cmpint (untrusted.status, ==, 7);
  g_assert_nonnull (strstr (untrusted.err, oidc.mtls_token_url));
  g_assert_nonnull (strstr (untrusted.err, "--cacert"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/interop/token/client-secret-basic", test_token_client_secret_basic);
  g_test_add_func ("/restcall/interop/token/client-secret-post", test_token_client_secret_post);
  g_test_add_func ("/restcall/interop/token/special-characters", test_token_special_characters);
  g_test_add_func ("/restcall/interop/token/wrong-secret", test_token_wrong_secret);
  g_test_add_func ("/restcall/interop/token/wrong-client-auth", test_token_wrong_client_auth);
  g_test_add_func ("/restcall/interop/token/client-secret-jwt", test_token_client_secret_jwt);
  g_test_add_func ("/restcall/interop/token/private-key-jwt", test_token_private_key_jwt);
  g_test_add_func ("/restcall/interop/cli/client-assertion", test_cli_client_assertion);
  g_test_add_func ("/restcall/interop/node-oauth/rfc-form-refused",
                   test_node_oauth_rfc_form_refused);
  g_test_add_func ("/restcall/interop/node-oauth/unencoded", test_node_oauth_unencoded);
  g_test_add_func ("/restcall/interop/node-oauth/body", test_node_oauth_body);
  g_test_add_func ("/restcall/interop/automatic/oidc-provider", test_automatic_oidc_provider);
  g_test_add_func ("/restcall/interop/automatic/node-oauth", test_automatic_node_oauth);
  g_test_add_func ("/restcall/interop/call/pets", test_call_pets);
  g_test_add_func ("/restcall/interop/call/post-body", test_call_post_body);
  g_test_add_func ("/restcall/interop/call/single-flight", test_call_single_flight);
  g_test_add_func ("/restcall/interop/call/short-lived-token", test_call_short_lived_token);
  g_test_add_func ("/restcall/interop/call/replay-after-expired-token",
                   test_call_replay_after_expired_token);
  g_test_add_func ("/restcall/interop/call/insufficient-scope", test_call_insufficient_scope);
  g_test_add_func ("/restcall/interop/mtls/token", test_mtls_token);
  g_test_add_func ("/restcall/interop/mtls/call", test_mtls_call);
  g_test_add_func ("/restcall/interop/mtls/wrong-certificate", test_mtls_wrong_certificate);
  g_test_add_func ("/restcall/interop/mtls/cli", test_mtls_cli);

  status = g_test_run ();

  if (!server_stop (&oidc) && status == 0)
    status = 1;
  if (!server_stop (&node_oauth) && status == 0)
    status = 1;

  return status;
}
