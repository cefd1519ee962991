/* test-executor.c: sending methods as configured, against scripted servers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "restcall-core.h"
#include "rc-test-server.h"

typedef struct
{
  RcTestServer *server;
  RcExecutor   *executor;
  RcProject    *project;
  RcApi        *api;
  RcMethod     *method;

  guint         n_tokens;          /* tokens issued: "token-1", "token-2"… */
  const char   *token_expires_in;  /* JSON value, or NULL to leave it out */
  const char   *token_scope;       /* JSON value, or NULL to leave it out */
  const char   *token_type;        /* "Bearer" by default; NULL to leave it out */
  guint         token_status;
  guint         api_status;
  const char   *api_challenge;     /* WWW-Authenticate with api_status */
  guint         refuse_first_n;    /* 401 invalid_token for the first N calls */
  guint         n_api_calls;
  char         *redirect_to;       /* /api/redirect answers 302 to this */
  GPtrArray    *held_tokens;       /* token answers held back until the test lets them go */
  const char   *access_token_json; /* the access_token's JSON text instead of "token-N" */
  guint64       written;           /* body bytes a hostile handler sent */
} Fixture;

typedef struct
{
  gboolean    done;
  RcExchange *exchange;
} Called;

static void
handler (RcTestServer      *server,
         SoupServerMessage *message,
         const char        *path,
         gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (message);

  if (g_str_equal (path, "/token"))
    {
      g_autofree char *body = NULL;

      if (fixture->token_status != 200)
        {
          rc_test_respond (message, fixture->token_status, "application/json",
                           "{\"error\":\"invalid_client\",\"error_description\":\"bad secret\"}");
          return;
        }

      fixture->n_tokens++;
      if (fixture->access_token_json)
        body = g_strdup_printf ("{\"access_token\":%s,\"token_type\":\"Bearer\"}",
                                fixture->access_token_json);
      else
        body = g_strdup_printf ("{\"access_token\":\"token-%u\"%s%s%s%s%s%s%s}",
                              fixture->n_tokens,
                              fixture->token_type ? ",\"token_type\":\"" : "",
                              fixture->token_type ? fixture->token_type : "",
                              fixture->token_type ? "\"" : "",
                              fixture->token_expires_in ? ",\"expires_in\":" : "",
                              fixture->token_expires_in ? fixture->token_expires_in : "",
                              fixture->token_scope ? ",\"scope\":" : "",
                              fixture->token_scope ? fixture->token_scope : "");
      rc_test_respond (message, 200, "application/json", body);
      if (fixture->held_tokens)
        {
          soup_server_message_pause (message);
          g_ptr_array_add (fixture->held_tokens, g_object_ref (message));
        }
      return;
    }

  fixture->n_api_calls++;

  if (g_str_equal (path, "/api/redirect") && fixture->redirect_to)
    {
      soup_message_headers_replace (response_headers, "Location", fixture->redirect_to);
      rc_test_respond (message, 302, NULL, NULL);
      return;
    }

  if (g_str_equal (path, "/api/see-other"))
    {
      soup_message_headers_replace (response_headers, "Location", "/api/result");
      rc_test_respond (message, 303, NULL, NULL);
      return;
    }

  if (g_str_equal (path, "/api/loop"))
    {
      soup_message_headers_replace (response_headers, "Location", "/api/loop");
      rc_test_respond (message, 307, NULL, NULL);
      return;
    }

  if (fixture->refuse_first_n > 0)
    {
      fixture->refuse_first_n--;
      soup_message_headers_replace (response_headers, "WWW-Authenticate",
                                    "Bearer realm=\"api\", error=\"invalid_token\", "
                                    "error_description=\"The token expired\"");
      rc_test_respond (message, 401, "application/json", "{\"message\":\"expired\"}");
      return;
    }

  if (fixture->api_challenge)
    soup_message_headers_replace (response_headers, "WWW-Authenticate", fixture->api_challenge);
  rc_test_respond (message, fixture->api_status, "application/json", "{\"ok\":true}");
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *base = NULL;
  g_autofree char *token_url = NULL;
  RcAuth *auth;

  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = handler;
  fixture->server->handler_data = fixture;
  fixture->executor = rc_executor_new ();
  fixture->token_status = 200;
  fixture->api_status = 200;
  fixture->token_expires_in = "3600";
  fixture->token_type = "Bearer";

  base = rc_test_server_url (fixture->server, "/api/");
  token_url = rc_test_server_url (fixture->server, "/token");

  fixture->project = rc_project_new ();
  fixture->api = rc_api_new ("Test API");
  rc_api_set_base_url (fixture->api, base);
  auth = rc_api_get_auth (fixture->api);
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "client");
  rc_auth_set_token_url (auth, token_url);
  rc_project_add_api (fixture->project, fixture->api);

  fixture->method = rc_method_new ("getThing");
  rc_method_set_url (fixture->method, "/things/{id}");
  rc_pair_list_append (rc_method_get_test_values (fixture->method), "id", "42");
  rc_api_add_method (fixture->api, fixture->method);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->method);
  g_clear_object (&fixture->api);
  g_assert_finalize_object (fixture->project);
  g_assert_finalize_object (fixture->executor);
  g_clear_pointer (&fixture->held_tokens, g_ptr_array_unref);
  g_clear_pointer (&fixture->server, rc_test_server_free);
  g_free (fixture->redirect_to);
}

static void
called_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Called *called = user_data;

  called->exchange = rc_executor_call_finish (RC_EXECUTOR (object), result);
  called->done = TRUE;
}

static RcExchange *
call (Fixture  *fixture,
      RcMethod *method)
{
  Called called = { 0 };

  rc_executor_call_async (fixture->executor, method, NULL, "secret", NULL, called_cb, &called);
  rc_test_wait_for (&called.done, 10);
  g_assert_nonnull (called.exchange);

  if (rc_exchange_get_error (called.exchange))
    g_test_message ("error: %s", rc_exchange_get_error (called.exchange)->message);

  return called.exchange;
}

static RcTestRequest *
last_api_request (Fixture *fixture)
{
  for (guint i = fixture->server->requests->len; i > 0; i--)
    {
      RcTestRequest *request = rc_test_server_get_request (fixture->server, i - 1);

      if (!g_str_equal (request->path, "/token"))
        return request;
    }

  g_assert_not_reached ();
}

static void
test_build_url (Fixture       *fixture,
                gconstpointer  data)
{
  struct {
    const char *base;
    const char *template;
    const char *value;
    const char *expected;
  } cases[] = {
    { "https://h/v1", "/pets/{id}", "42", "https://h/v1/pets/42" },
    { "https://h/v1/", "pets/{id}", "42", "https://h/v1/pets/42" },
    { "https://h/v1//", "//pets/{id}", "42", "https://h/v1/pets/42" },
    { "https://h", "/pets/{id}", "a/b c&d=é", "https://h/pets/a%2Fb%20c%26d%3D%C3%A9" },
    { "https://h", "/pets?q={id}&x=1", "1 + 1", "https://h/pets?q=1%20%2B%201&x=1" },
    { "https://ignored", "http://other:8080/x/{id}", "7", "http://other:8080/x/7" },
    { "https://h", "/a/{}/{id}", "1", "https://h/a/{}/1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RcApi) api = rc_api_new ("A");
      g_autoptr(RcMethod) method = rc_method_new ("m");
      g_autoptr(RcPairList) values = rc_pair_list_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *url = NULL;

      rc_api_set_base_url (api, cases[i].base);
      rc_method_set_url (method, cases[i].template);
      rc_api_add_method (api, method);
      rc_pair_list_append (values, "id", cases[i].value);

      url = rc_executor_build_url (method, values, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (url, ==, cases[i].expected);
    }

  /* Errors name what to fix. */
  {
    g_autoptr(RcApi) api = rc_api_new ("A");
    g_autoptr(RcMethod) method = rc_method_new ("listPets");
    g_autoptr(GError) error = NULL;
    g_autofree char *url = NULL;

    rc_method_set_url (method, "/pets/{petId}");
    rc_api_add_method (api, method);

    url = rc_executor_build_url (method, NULL, &error);
    g_assert_error (error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS);
    g_assert_nonnull (strstr (error->message, "has no base URL"));
    g_clear_error (&error);

    rc_api_set_base_url (api, "https://h");
    url = rc_executor_build_url (method, NULL, &error);
    g_assert_error (error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS);
    g_assert_nonnull (strstr (error->message, "“petId”"));
    g_assert_nonnull (strstr (error->message, "“listPets”"));
    g_clear_error (&error);

    rc_api_set_base_url (api, "ftp://h");
    rc_method_set_url (method, "/x");
    url = rc_executor_build_url (method, NULL, &error);
    g_assert_error (error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS);
    g_assert_nonnull (strstr (error->message, "ftp://h/x"));
  }
}

/* A query parameter whose test value is empty is left out of the call, with
 * a note above the API request (saying so when the description requires
 * it); one with a value is sent percent-encoded. Only a path parameter
 * must have a value: without one, the error names it (test-url-template.c
 * has the rest). */
static void
test_optional_query (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RcExchange) exchange = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *request_pane = NULL;
  RcPairList *test_values = rc_method_get_test_values (fixture->method);
  const char * const *notes;
  RcTestRequest *request;

  rc_method_set_url (fixture->method, "/things/{id}?q={q}&limit={limit}&sort={sort}");
  rc_method_set_required_parameters (fixture->method, (const char *[]) { "id", "sort", NULL });
  rc_pair_list_set (test_values, "q", "");
  rc_pair_list_set (test_values, "limit", "1 & 2/3");
  rc_pair_list_set (test_values, "sort", "");
  exchange = call (fixture, fixture->method);
  g_assert_true (rc_exchange_is_success (exchange));
  request = last_api_request (fixture);
  g_assert_cmpstr (request->path, ==, "/api/things/42");
  g_assert_cmpstr (request->query, ==, "limit=1%20%26%202%2F3");

  notes = rc_exchange_get_request_notes (exchange);
  g_assert_cmpuint (g_strv_length ((char **) notes), ==, 2);
  g_assert_cmpstr (notes[0], ==, "The query parameter “q” has no test value, so it is left out.");
  g_assert_cmpstr (notes[1], ==,
                   "The query parameter “sort” has no test value, so it is left out, though the "
                   "API’s description says it is required.");
  g_assert_null (rc_exchange_get_notes (exchange)[0]);
  request_pane = rc_exchange_format_part (exchange, RC_EXCHANGE_API_REQUEST, FALSE);
  g_assert_true (g_str_has_prefix (request_pane, "Note: The query parameter “q”"));

  /* A method made by hand says nothing is required: the same. */
  rc_method_set_required_parameters (fixture->method, NULL);
  g_clear_object (&exchange);
  exchange = call (fixture, fixture->method);
  g_assert_true (rc_exchange_is_success (exchange));
  g_assert_cmpstr (last_api_request (fixture)->query, ==, "limit=1%20%26%202%2F3");

  /* A path parameter without a value is an error that names it. */
  rc_pair_list_set (test_values, "id", "");
  url = rc_executor_build_url (fixture->method, NULL, &error);
  g_assert_error (error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS);
  g_assert_nonnull (strstr (error->message, "“id”"));
  g_assert_null (url);
}

static void
test_oauth_call_and_cache (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RcExchange) first = NULL;
  g_autoptr(RcExchange) second = NULL;
  g_autofree char *formatted = NULL;
  RcTestRequest *request;

  first = call (fixture, fixture->method);
  g_assert_true (rc_exchange_is_success (first));
  g_assert_cmpuint (rc_exchange_get_status (first), ==, 200);
  /* Timings come from libsoup's metrics. */
  g_assert_cmpint (rc_http_record_get_duration_us (rc_exchange_get_api_record (first)), >, 0);
  g_assert_cmpint (rc_http_record_get_duration_us (rc_exchange_get_token_record (first)), >, 0);
  g_assert_cmpint (rc_exchange_get_duration_us (first), >=,
                   rc_http_record_get_duration_us (rc_exchange_get_api_record (first)));
  g_assert_cmpuint (rc_exchange_get_n_token_requests (first), ==, 1);
  g_assert_false (rc_exchange_get_token_from_cache (first));
  g_assert_nonnull (rc_exchange_get_token_record (first));

  request = last_api_request (fixture);
  g_assert_cmpstr (request->method, ==, "GET");
  g_assert_cmpstr (request->path, ==, "/api/things/42");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Authorization"), ==,
                   "Bearer token-1");

  second = call (fixture, fixture->method);
  g_assert_true (rc_exchange_is_success (second));
  g_assert_cmpuint (rc_exchange_get_n_token_requests (second), ==, 0);
  g_assert_true (rc_exchange_get_token_from_cache (second));
  g_assert_cmpuint (fixture->n_tokens, ==, 1);
  g_assert_cmpstr (
    soup_message_headers_get_one (last_api_request (fixture)->headers, "Authorization"), ==,
    "Bearer token-1");

  formatted = rc_exchange_format (second, FALSE);
  g_test_message ("%s", formatted);
  g_assert_nonnull (strstr (formatted, "── API request ──\nGET http://127.0.0.1:"));
  g_assert_nonnull (
    strstr (formatted, "── Authorization server request ──\nToken from cache, expires in"));
  g_assert_nonnull (strstr (formatted, "Authorization: Bearer ••••••••"));
  g_assert_null (strstr (formatted, "token-1"));

  /* The inspector's panes show the exchange that obtained the cached
   * token, masked. */
  {
    g_autofree char *token_request =
      rc_exchange_format_part (second, RC_EXCHANGE_TOKEN_REQUEST, FALSE);
    g_autofree char *token_response =
      rc_exchange_format_part (second, RC_EXCHANGE_TOKEN_RESPONSE, FALSE);
    g_autofree char *obtained_request =
      rc_exchange_format_part (first, RC_EXCHANGE_TOKEN_REQUEST, FALSE);

    g_test_message ("%s\n%s", token_request, token_response);
    g_assert_true (g_str_has_prefix (token_request, "Token from cache, expires in "));
    g_assert_nonnull (strstr (token_request, ".\nIt was obtained with this request:\n\nPOST "));
    g_assert_true (g_str_has_suffix (token_request, obtained_request));
    g_assert_nonnull (
      strstr (token_response, "It was obtained with this response:\n\nHTTP/1.1 200"));
    g_assert_null (strstr (token_request, "token-1"));
    g_assert_null (strstr (token_response, "token-1"));
  }
}

static void
test_headers_and_override (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RcExchange) exchange = NULL;
  g_autoptr(RcExchange) plain = NULL;
  RcTestRequest *request;
  RcAuth *auth = rc_api_get_auth (fixture->api);

  rc_pair_list_append (rc_api_get_headers (fixture->api), "X-Level", "api");
  rc_pair_list_append (rc_api_get_headers (fixture->api), "X-Api-Only", "yes");
  rc_pair_list_append (rc_method_get_headers (fixture->method), "X-Level", "method");
  rc_pair_list_append (rc_method_get_headers (fixture->method), "Authorization",
                       "Bearer typed-by-hand");

  rc_auth_set_kind (auth, RC_AUTH_KIND_BASIC);
  rc_auth_set_username (auth, "user");
  exchange = call (fixture, fixture->method);

  request = last_api_request (fixture);
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "X-Level"), ==, "method");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "X-Api-Only"), ==, "yes");
  /* RFC 7617: Basic credentials are not form-encoded. */
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Authorization"), ==,
                   "Basic dXNlcjpzZWNyZXQ=");
  g_assert_true (rc_exchange_get_authorization_overridden (exchange));
  g_assert_nonnull (strstr (rc_exchange_get_notes (exchange)[0], "replaced by Basic"));

  /* Without authentication the header typed by hand is sent as it is. */
  rc_auth_set_kind (auth, RC_AUTH_KIND_NONE);
  plain = call (fixture, fixture->method);
  g_assert_cmpstr (
    soup_message_headers_get_one (last_api_request (fixture)->headers, "Authorization"), ==,
    "Bearer typed-by-hand");
  g_assert_false (rc_exchange_get_authorization_overridden (plain));
  g_assert_null (rc_exchange_get_notes (plain)[0]);
}

static void
test_oauth_overrides_manual_header (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(RcExchange) exchange = NULL;

  rc_pair_list_append (rc_api_get_headers (fixture->api), "authorization", "Basic typed");
  exchange = call (fixture, fixture->method);
  g_assert_cmpstr (
    soup_message_headers_get_one (last_api_request (fixture)->headers, "Authorization"), ==,
    "Bearer token-1");
  g_assert_true (rc_exchange_get_authorization_overridden (exchange));
  g_assert_nonnull (strstr (rc_exchange_get_notes (exchange)[0], "OAuth 2.0 token"));
}

static void
test_body (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(RcExchange) guessed = NULL;
  g_autoptr(RcExchange) typed = NULL;
  RcTestRequest *request;

  rc_method_set_verb (fixture->method, "POST");
  rc_method_set_body (fixture->method, "  {\"name\": \"Rex\"}");
  guessed = call (fixture, fixture->method);
  request = last_api_request (fixture);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (soup_message_headers_get_content_type (request->headers, NULL), ==,
                   "application/json");
  g_assert_cmpmem (g_bytes_get_data (request->body, NULL), g_bytes_get_size (request->body),
                   "  {\"name\": \"Rex\"}", 17);

  rc_method_set_content_type (fixture->method, "application/vnd.api+json");
  typed = call (fixture, fixture->method);
  g_assert_cmpstr (
    soup_message_headers_get_content_type (last_api_request (fixture)->headers, NULL), ==,
    "application/vnd.api+json");
}

static void
test_replay_after_401 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RcExchange) warm = NULL;
  g_autoptr(RcExchange) exchange = NULL;
  GPtrArray *records;

  warm = call (fixture, fixture->method);
  g_assert_cmpuint (fixture->n_tokens, ==, 1);

  /* The cached token is refused once: a new one, and the call again. */
  fixture->refuse_first_n = 1;
  exchange = call (fixture, fixture->method);
  g_assert_true (rc_exchange_is_success (exchange));
  g_assert_cmpuint (fixture->n_tokens, ==, 2);
  records = rc_exchange_get_api_records (exchange);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpuint (rc_http_record_get_status (g_ptr_array_index (records, 0)), ==, 401);
  g_assert_cmpstr (
    rc_http_record_get_request_header (g_ptr_array_index (records, 0), "Authorization"), ==,
    "Bearer token-1");
  g_assert_cmpstr (
    rc_http_record_get_request_header (g_ptr_array_index (records, 1), "Authorization"), ==,
    "Bearer token-2");
  g_assert_nonnull (strstr (rc_exchange_get_notes (exchange)[0], "HTTP 401"));
}

static void
test_second_401_reported (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RcExchange) exchange = NULL;

  fixture->refuse_first_n = 100;
  exchange = call (fixture, fixture->method);
  g_assert_null (rc_exchange_get_error (exchange));
  g_assert_false (rc_exchange_is_success (exchange));
  g_assert_cmpuint (rc_exchange_get_status (exchange), ==, 401);
  /* Once, not a loop. */
  g_assert_cmpuint (fixture->n_api_calls, ==, 2);
  g_assert_cmpuint (fixture->n_tokens, ==, 2);
}

static void
test_401_without_bearer_challenge (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(RcExchange) exchange = NULL;

  fixture->api_status = 401;
  fixture->api_challenge = "Basic realm=\"other\"";
  exchange = call (fixture, fixture->method);
  g_assert_cmpuint (rc_exchange_get_status (exchange), ==, 401);
  g_assert_cmpuint (fixture->n_api_calls, ==, 1);
  g_assert_cmpuint (fixture->n_tokens, ==, 1);
}

/* The scopes asked for, when the token response does not say which it
 * granted; nothing when it says, or when none were asked for. */
static void
test_scopes_unsaid (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RcExchange) unasked = NULL;
  g_autoptr(RcExchange) unsaid = NULL;
  g_autoptr(RcExchange) cached = NULL;
  g_autoptr(RcExchange) said = NULL;
  RcAuth *auth = rc_api_get_auth (fixture->api);

  unasked = call (fixture, fixture->method);
  g_assert_cmpuint (rc_exchange_get_status (unasked), ==, 200);
  g_assert_null (rc_exchange_get_notes (unasked)[0]);

  rc_auth_set_scopes (auth, "pets:read pets:write");
  unsaid = call (fixture, fixture->method);
  g_assert_cmpuint (fixture->n_tokens, ==, 2);
  g_assert_cmpstr (
    rc_exchange_get_notes (unsaid)[0], ==,
    "Restcall asked for the scopes “pets:read pets:write”; the token response did not "
    "say which scopes the server granted.");
  g_assert_null (rc_exchange_get_notes (unsaid)[1]);

  /* Said once, with the token's own exchange: not again from the cache. */
  cached = call (fixture, fixture->method);
  g_assert_cmpuint (fixture->n_tokens, ==, 2);
  g_assert_null (rc_exchange_get_notes (cached)[0]);

  fixture->token_scope = "\"pets:read\"";
  rc_auth_set_scopes (auth, "pets:read");
  said = call (fixture, fixture->method);
  g_assert_cmpuint (fixture->n_tokens, ==, 3);
  g_assert_null (rc_exchange_get_notes (said)[0]);
}

/* A token response without a token_type: the token goes as a Bearer
 * token, and the exchange that fetched it says so. */
static void
test_type_unsaid (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RcExchange) fetched = NULL;
  g_autoptr(RcExchange) cached = NULL;
  RcTestRequest *request;

  fixture->token_type = NULL;
  fetched = call (fixture, fixture->method);
  g_assert_true (rc_exchange_is_success (fetched));
  request = last_api_request (fixture);
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Authorization"), ==,
                   "Bearer token-1");
  g_assert_cmpstr (rc_exchange_get_notes (fetched)[0], ==,
                   "The authorization server did not say the token type; Restcall sent the "
                   "token as a Bearer token.");
  g_assert_null (rc_exchange_get_notes (fetched)[1]);

  cached = call (fixture, fixture->method);
  g_assert_true (rc_exchange_is_success (cached));
  g_assert_cmpuint (fixture->n_tokens, ==, 1);
  g_assert_null (rc_exchange_get_notes (cached)[0]);
}

static void
test_insufficient_scope (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RcExchange) exchange = NULL;

  rc_auth_set_scopes (rc_api_get_auth (fixture->api), "pets:read");
  fixture->api_status = 403;
  fixture->api_challenge = "Bearer error=\"insufficient_scope\", scope=\"pets:admin\"";
  exchange = call (fixture, fixture->method);
  g_assert_cmpuint (rc_exchange_get_status (exchange), ==, 403);
  g_assert_cmpuint (fixture->n_api_calls, ==, 1);
  g_assert_cmpuint (fixture->n_tokens, ==, 1);
  /* The token response did not say what it granted: first a note of that. */
  g_assert_cmpstr (
    rc_exchange_get_notes (exchange)[0], ==,
    "Restcall asked for the scopes “pets:read”; the token response did not say which "
    "scopes the server granted.");
  /* Then what was requested, not what the token “has”. */
  g_assert_cmpstr (rc_exchange_get_notes (exchange)[1], ==,
                   "The API refused the token: insufficient_scope. The API requires the scope "
                   "“pets:admin”; Restcall requested “pets:read”, and the server did not say what "
                   "it granted. Add it to the scopes.");
  g_clear_object (&exchange);

  /* Said: what the token has. */
  fixture->token_scope = "\"pets:read\"";
  rc_token_cache_clear (rc_executor_get_token_cache (fixture->executor),
                        rc_api_get_auth (fixture->api));
  exchange = call (fixture, fixture->method);
  g_assert_cmpstr (rc_exchange_get_notes (exchange)[0], ==,
                   "The API refused the token: insufficient_scope. The API requires the scope "
                   "“pets:admin”, which the token does not have (it has “pets:read”). Add it to "
                   "the scopes.");
  g_clear_object (&exchange);

  /* Requested, granted unsaid: perhaps not granted. */
  fixture->token_scope = NULL;
  rc_auth_set_scopes (rc_api_get_auth (fixture->api), "pets:admin");
  exchange = call (fixture, fixture->method);
  g_assert_nonnull (strstr (rc_exchange_get_notes (exchange)[1],
                            "Restcall requested “pets:admin”, and the server did not say what it "
                            "granted: it may not grant that scope to this client."));
}

/* A token the API still refuses once renewed: the API's own words, last,
 * and what decides which tokens the server issues. */
static void
test_refusal_quoted (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RcExchange) exchange = NULL;
  const char * const *notes;

  fixture->refuse_first_n = 100;
  exchange = call (fixture, fixture->method);
  g_assert_cmpuint (rc_exchange_get_status (exchange), ==, 401);
  g_assert_cmpuint (fixture->n_tokens, ==, 2);
  notes = rc_exchange_get_notes (exchange);
  g_assert_nonnull (strstr (notes[0], "fetched a new one"));
  g_assert_true (
    g_str_has_prefix (notes[1], "The API refused the token: invalid_token — The token expired. "
                                "Restcall fetched a new token and sent the call once more, and "
                                "the API refused that one too."));
  g_assert_null (notes[2]);
}

/* A token for another audience: a new one would be too, so none is asked
 * for; the audience token parameter is what to change. */
static void
test_audience_not_renewed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RcExchange) exchange = NULL;
  const char * const *notes;

  fixture->api_status = 401;
  fixture->api_challenge = "Bearer realm=\"api\", error=\"invalid_token\", "
                           "error_description=\"token is for another audience\"";
  exchange = call (fixture, fixture->method);
  g_assert_cmpuint (rc_exchange_get_status (exchange), ==, 401);
  g_assert_cmpuint (fixture->n_tokens, ==, 1);
  g_assert_cmpuint (fixture->n_api_calls, ==, 1);
  notes = rc_exchange_get_notes (exchange);
  g_assert_cmpstr (notes[0], ==,
                   "The API refused the token: invalid_token — token is for another audience. A "
                   "new token would be for the same audience, so Restcall did not ask for one. "
                   "Say which API the token is for with an extra token parameter, audience or "
                   "resource, as the server expects (--token-param audience=… on the command "
                   "line).");
  g_assert_null (notes[1]);
}

/* The Bearer challenge among others, read by libsoup's header parsers:
 * commas in quoted strings, other schemes' parameters left out. */
static void
test_parse_challenge (void)
{
  g_autoptr(GHashTable) challenge = NULL;
  g_autoptr(GHashTable) bare = NULL;

  challenge = rc_api_refusal_parse_challenge (
    "Basic realm=\"a, Bearer x\", Bearer realm=\"api\", error=\"invalid_token\", "
    "error_description=\"one, two\", DPoP algs=\"ES256\", error=\"other\"");
  g_assert_nonnull (challenge);
  g_assert_cmpstr (g_hash_table_lookup (challenge, "realm"), ==, "api");
  g_assert_cmpstr (g_hash_table_lookup (challenge, "error"), ==, "invalid_token");
  g_assert_cmpstr (g_hash_table_lookup (challenge, "error_description"), ==, "one, two");
  g_assert_null (g_hash_table_lookup (challenge, "algs"));

  bare = rc_api_refusal_parse_challenge ("bearer");
  g_assert_nonnull (bare);
  g_assert_cmpuint (g_hash_table_size (bare), ==, 0);

  g_assert_null (rc_api_refusal_parse_challenge ("Basic realm=\"x\""));
  g_assert_null (rc_api_refusal_parse_challenge ("Bearerish realm=\"x\""));
  g_assert_null (rc_api_refusal_parse_challenge (NULL));
}

static void
test_redirects (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RcTestServer) elsewhere = rc_test_server_new (FALSE);
  g_autoptr(RcExchange) same = NULL;
  g_autoptr(RcExchange) other = NULL;
  g_autoptr(RcExchange) see_other = NULL;
  g_autoptr(RcExchange) loop = NULL;

  /* Within the origin: followed, with the credentials. */
  fixture->redirect_to = g_strdup ("/api/target");
  rc_method_set_url (fixture->method, "/redirect");
  same = call (fixture, fixture->method);
  g_assert_true (rc_exchange_is_success (same));
  g_assert_cmpstr (last_api_request (fixture)->path, ==, "/api/target");
  g_assert_cmpstr (
    soup_message_headers_get_one (last_api_request (fixture)->headers, "Authorization"), ==,
    "Bearer token-1");
  g_assert_cmpuint (rc_exchange_get_api_records (same)->len, ==, 2);

  /* To another port: not followed; nothing reaches it. */
  g_free (fixture->redirect_to);
  fixture->redirect_to = rc_test_server_url (elsewhere, "/steal");
  other = call (fixture, fixture->method);
  g_assert_cmpuint (rc_exchange_get_status (other), ==, 302);
  g_assert_null (rc_exchange_get_error (other));
  g_assert_cmpuint (elsewhere->requests->len, ==, 0);
  g_assert_nonnull (strstr (rc_exchange_get_notes (other)[0], "another origin"));

  /* Backslashes for slashes: a URL without a host, which no origin
   * matches (this compared NULL hosts, logged a critical and followed). */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RcExchange) hostless = NULL;
      g_autofree char *port = g_strdup_printf ("%d", g_uri_get_port (fixture->server->base));

      g_free (fixture->redirect_to);
      fixture->redirect_to = i == 0
                               ? g_strconcat ("http:\\\\127.0.0.1:", port, "\\api\\target", NULL)
                               : g_strdup ("http:///api/target");
      g_test_message ("Location: %s", fixture->redirect_to);
      hostless = call (fixture, fixture->method);
      g_assert_cmpuint (rc_exchange_get_status (hostless), ==, 302);
      g_assert_nonnull (strstr (rc_exchange_get_notes (hostless)[0], "another origin"));
      g_assert_cmpuint (rc_exchange_get_api_records (hostless)->len, ==, 1);
    }

  /* 303 after a POST: a GET without the body. */
  rc_method_set_verb (fixture->method, "POST");
  rc_method_set_body (fixture->method, "{}");
  rc_method_set_url (fixture->method, "/see-other");
  see_other = call (fixture, fixture->method);
  g_assert_true (rc_exchange_is_success (see_other));
  g_assert_cmpstr (last_api_request (fixture)->method, ==, "GET");
  g_assert_cmpuint (g_bytes_get_size (last_api_request (fixture)->body), ==, 0);

  /* A loop ends with an error. */
  rc_method_set_url (fixture->method, "/loop");
  loop = call (fixture, fixture->method);
  g_assert_error ((GError *)rc_exchange_get_error (loop), RC_EXECUTOR_ERROR,
                  RC_EXECUTOR_ERROR_TOO_MANY_REDIRECTS);
}

typedef struct
{
  guint       pending;
  GPtrArray  *exchanges;
} Many;

static void
many_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Many *many = user_data;

  g_ptr_array_add (many->exchanges, rc_executor_call_finish (RC_EXECUTOR (object), result));
  many->pending--;
}

static gboolean
all_called_cb (gpointer data)
{
  return ((Many *) data)->pending == 0;
}

static void
test_single_flight (Fixture       *fixture,
                    gconstpointer  data)
{
  Many many = { 10, g_ptr_array_new_with_free_func (g_object_unref) };

  for (guint i = 0; i < 10; i++)
    rc_executor_call_async (fixture->executor, fixture->method, NULL, "secret", NULL, many_cb,
                            &many);

  g_assert_true (rc_test_wait_until (all_called_cb, &many, 10));

  g_assert_cmpuint (fixture->n_tokens, ==, 1);
  g_assert_cmpuint (rc_token_cache_get_n_requests (rc_executor_get_token_cache (fixture->executor)),
                    ==, 1);
  g_assert_cmpuint (fixture->n_api_calls, ==, 10);
  for (guint i = 0; i < many.exchanges->len; i++)
    {
      RcExchange *exchange = g_ptr_array_index (many.exchanges, i);

      g_assert_true (rc_exchange_is_success (exchange));
      /* Everyone waited for the one request, and sees it. */
      g_assert_nonnull (rc_exchange_get_token_record (exchange));
    }

  g_ptr_array_unref (many.exchanges);
}

static void
test_single_flight_failure (Fixture       *fixture,
                            gconstpointer  data)
{
  Many many = { 10, g_ptr_array_new_with_free_func (g_object_unref) };

  /* One refused token request; all ten calls get its error. */
  fixture->token_status = 401;
  for (guint i = 0; i < 10; i++)
    rc_executor_call_async (fixture->executor, fixture->method, NULL, "secret", NULL, many_cb,
                            &many);

  g_assert_true (rc_test_wait_until (all_called_cb, &many, 10));

  g_assert_cmpuint (fixture->server->requests->len, ==, 1);
  g_assert_cmpuint (fixture->n_api_calls, ==, 0);
  for (guint i = 0; i < many.exchanges->len; i++)
    g_assert_error ((GError *)rc_exchange_get_error (g_ptr_array_index (many.exchanges, i)),
                    RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED);

  g_ptr_array_unref (many.exchanges);
}

static void
test_token_failure_sends_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(RcExchange) exchange = NULL;
  g_autofree char *formatted = NULL;

  fixture->token_status = 401;
  exchange = call (fixture, fixture->method);
  g_assert_error ((GError *) rc_exchange_get_error (exchange), RC_OAUTH_ERROR,
                  RC_OAUTH_ERROR_REFUSED);
  g_assert_cmpuint (fixture->n_api_calls, ==, 0);
  g_assert_null (rc_exchange_get_api_record (exchange));
  g_assert_nonnull (rc_exchange_get_token_record (exchange));

  formatted = rc_exchange_format (exchange, FALSE);
  g_assert_nonnull (strstr (formatted, "The API request was not sent."));
  g_assert_nonnull (strstr (formatted, "invalid_client"));
}

/* Nothing reaches the server, not even a token request, and the error
 * names what to fix. */
static void
assert_refused (Fixture    *fixture,
                const char *words)
{
  g_autoptr(RcExchange) exchange = call (fixture, fixture->method);
  const GError *error = rc_exchange_get_error (exchange);

  g_assert_error ((GError *)error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  g_assert_null (strchr (error->message, '\r'));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);
  g_assert_null (rc_exchange_get_api_record (exchange));
}

/* A verb with CR LF would write a request of its own before the call,
 * and the call's Authorization would follow. */
static void
test_smuggled_verb (Fixture       *fixture,
                    gconstpointer  data)
{
  rc_method_set_verb (fixture->method, "GET /smuggled HTTP/1.1\r\nHost: evil\r\n\r\nGET");
  assert_refused (fixture,
                  "The verb of the method “getThing”: “GET /SMUGGLED HTTP/1.1\\r\\nHOST: EVIL");

  rc_method_set_verb (fixture->method, "GET /x");
  assert_refused (fixture, "is not an HTTP verb");
}

/* A content type with CR LF would add headers and a second request. */
static void
test_smuggled_content_type (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RcExchange) exchange = NULL;

  rc_method_set_verb (fixture->method, "POST");
  rc_method_set_body (fixture->method, "x");
  rc_method_set_content_type (
    fixture->method, "text/plain\r\nContent-Length: 1\r\n\r\nxGET /steal HTTP/1.1\r\nX-A: ");
  assert_refused (fixture,
                  "The content type of the method “getThing”: “text/plain\\r\\nContent-Length: 1");

  /* Without a body it is not sent, but it is wrong all the same. */
  rc_method_set_body (fixture->method, "");
  assert_refused (fixture, "is not a media type");

  rc_method_set_body (fixture->method, "x");
  rc_method_set_content_type (fixture->method, "text/plain; charset=\"utf-8\"");
  exchange = call (fixture, fixture->method);
  g_assert_true (rc_exchange_is_success (exchange));
  g_assert_cmpstr (
    soup_message_headers_get_one (last_api_request (fixture)->headers, "Content-Type"), ==,
    "text/plain; charset=\"utf-8\"");
}

/* libsoup leaves out a header with a line break in its value or a space
 * in its name, with a critical warning, and sends the rest: an error
 * instead. */
static void
test_header_that_cannot_be_sent (Fixture       *fixture,
                                 gconstpointer  data)
{
  RcPair *header =
    rc_pair_list_append (rc_method_get_headers (fixture->method), "X-Test", "a\r\nY: b");

  assert_refused (fixture,
                  "The header “X-Test” of the method “getThing”: “a\\r\\nY: b” holds a line break");

  rc_pair_set_value (header, "a");
  rc_pair_set_name (header, "X Test");
  assert_refused (fixture, "A header name of the method “getThing”: “X Test” is not a header name");

  rc_pair_list_clear (rc_method_get_headers (fixture->method));
  rc_pair_list_append (rc_api_get_headers (fixture->api), "Accept",
                       "application/json\nX-Injected: 1");
  assert_refused (fixture, "The header “Accept” of the API “Test API”");
}

/* A token that cannot follow “Bearer ”: libsoup would leave the
 * Authorization out and send the call unauthenticated. */
static void
test_token_that_cannot_be_sent (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *tokens[] = { "\"SeCrEt\\r\\nX-Evil: 1\"", "\"SeCrEt SeCrEt\"", "\"SeCr\\u00e9t\"",
                           NULL };

  for (guint i = 0; tokens[i]; i++)
    {
      g_autoptr(RcExchange) exchange = NULL;
      g_autofree char *token_url = rc_test_server_url (fixture->server, "/token");
      const GError *error;

      fixture->access_token_json = tokens[i];
      exchange = call (fixture, fixture->method);
      error = rc_exchange_get_error (exchange);
      g_assert_error ((GError *)error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_BAD_RESPONSE);
      g_assert_nonnull (strstr (error->message, token_url));
      g_assert_nonnull (strstr (error->message, "cannot be sent as a Bearer header"));
      g_assert_null (strstr (error->message, "SeCr"));
      g_assert_cmpuint (fixture->n_api_calls, ==, 0);
      g_assert_null (rc_exchange_get_api_record (exchange));
      /* Not cached: each call asks again. */
      g_assert_cmpuint (fixture->n_tokens, ==, i + 1);
    }
}

static gboolean
token_stale_cb (gpointer token)
{
  return !rc_token_is_fresh (token);
}

static void
test_short_lifetime (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RcExchange) first = NULL;
  g_autoptr(RcExchange) second = NULL;

  /* Two seconds of life: cached for the two seconds, then fetched anew. */
  fixture->token_expires_in = "2";
  first = call (fixture, fixture->method);
  g_assert_cmpuint (fixture->n_tokens, ==, 1);
  g_assert_true (rc_token_is_fresh (rc_exchange_get_token (first)));
  g_assert_true (rc_test_wait_until (token_stale_cb, rc_exchange_get_token (first), 10));
  second = call (fixture, fixture->method);
  g_assert_cmpuint (fixture->n_tokens, ==, 2);
  g_assert_cmpuint (rc_exchange_get_n_token_requests (second), ==, 1);
}

static void
test_uncacheable_token (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RcExchange) first = NULL;
  g_autoptr(RcExchange) second = NULL;

  fixture->token_expires_in = "0";
  first = call (fixture, fixture->method);
  second = call (fixture, fixture->method);
  g_assert_true (rc_exchange_is_success (second));
  g_assert_cmpuint (fixture->n_tokens, ==, 2);
}

static void
never_answer (RcTestServer      *server,
              SoupServerMessage *message,
              const char        *path,
              gpointer           user_data)
{
  g_ptr_array_add (user_data, g_object_ref (message));
  soup_server_message_pause (message);
}

typedef struct
{
  GPtrArray *paused;
  guint      before;
} Reached;

/* Whether one more request than before has reached the server. */
static gboolean
reached_cb (gpointer data)
{
  Reached *reached = data;

  return reached->paused->len > reached->before;
}

static void
test_deadline_and_cancel (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) paused = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RcExchange) timed_out = NULL;
  Called called = { 0 };
  Reached reached = { paused };

  rc_auth_set_kind (rc_api_get_auth (fixture->api), RC_AUTH_KIND_NONE);
  fixture->server->handler = never_answer;
  fixture->server->handler_data = paused;

  /* The server never answers: the call ends by its deadline. */
  rc_executor_set_timeout (fixture->executor, 1);
  timed_out = call (fixture, fixture->method);
  g_assert_error ((GError *) rc_exchange_get_error (timed_out), RC_EXECUTOR_ERROR,
                  RC_EXECUTOR_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (rc_exchange_get_error (timed_out)->message, "within 1 seconds"));

  /* Or by a cancel, at the server, long before its deadline. */
  rc_executor_set_timeout (fixture->executor, 30);
  reached.before = paused->len;
  rc_executor_call_async (fixture->executor, fixture->method, NULL, NULL, cancellable, called_cb,
                          &called);
  g_assert_true (rc_test_wait_until (reached_cb, &reached, 10));
  g_cancellable_cancel (cancellable);
  rc_test_wait_for (&called.done, 10);
  g_assert_error ((GError *) rc_exchange_get_error (called.exchange), G_IO_ERROR,
                  G_IO_ERROR_CANCELLED);
  g_clear_object (&called.exchange);

  for (guint i = 0; i < paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (paused, i));
}

/* A redirect's Location and the WWW-Authenticate parameters reach the
 * notes and the formatted exchange escaped, without a password (they
 * went in as the server sent them). */
static void
test_server_text_cleaned (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RcExchange) redirected = NULL;
  g_autoptr(RcExchange) refused = NULL;
  g_autofree char *redirected_text = NULL;
  g_autofree char *refused_text = NULL;
  const char *note;

  fixture->redirect_to =
    g_strdup ("https://user:hunter2@evil.example/\x1b[2J\x1b]0;pwned\x07\xc2\x9b"
              "31m");
  rc_method_set_url (fixture->method, "/redirect");
  redirected = call (fixture, fixture->method);
  note = rc_exchange_get_notes (redirected)[0];
  g_test_message ("%s", note);
  g_assert_nonnull (
    strstr (note, "“https://user@evil.example/\\x1b[2J\\x1b]0;pwned\\x07\\u009b31m”"));
  redirected_text = rc_exchange_format (redirected, FALSE);
  g_assert_nonnull (
    strstr (redirected_text, "Location: https://user:hunter2@evil.example/\\x1b[2J"));

  rc_method_set_url (fixture->method, "/things/{id}");
  fixture->api_status = 403;
  fixture->api_challenge =
    "Bearer error=\"insufficient_scope\", scope=\"admin\x1b[8m \xe2\x80\xaepets\", "
    "error_description=\"\x1b[2Jdenied\"";
  refused = call (fixture, fixture->method);
  note = rc_exchange_get_notes (refused)[0];
  g_test_message ("%s", note);
  g_assert_nonnull (strstr (note, "requires the scope “admin\\x1b[8m \\u202epets”"));
  refused_text = rc_exchange_format (refused, FALSE);
  g_assert_nonnull (strstr (refused_text, "error_description=\"\\x1b[2Jdenied\""));

  rc_test_assert_printable (note);
  rc_test_assert_printable (rc_exchange_get_notes (redirected)[0]);
  rc_test_assert_printable (redirected_text);
  rc_test_assert_printable (refused_text);
  g_assert_null (strstr (rc_exchange_get_notes (redirected)[0], "hunter2"));
}

/* A URL's password is never echoed in a message: not in a URL refused,
 * a redirect followed, a call that failed or timed out (they were). */
static void
test_messages_hide_passwords (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) paused = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RcExchange) followed = NULL;
  g_autoptr(RcExchange) not_http = NULL;
  g_autoptr(RcExchange) unreachable = NULL;
  g_autoptr(RcExchange) timed_out = NULL;
  g_autoptr(RcTestServer) gone = rc_test_server_new (FALSE);
  g_autofree char *gone_url = g_strdup_printf ("http://user:hunter2@127.0.0.1:%d/api/",
                                               g_uri_get_port (gone->base));
  g_autofree char *here = g_strdup_printf ("http://user:hunter2@127.0.0.1:%d",
                                           g_uri_get_port (fixture->server->base));
  g_autofree char *here_api = g_strconcat (here, "/api/", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  rc_auth_set_kind (rc_api_get_auth (fixture->api), RC_AUTH_KIND_NONE);

  /* A redirect within the origin, to a URL with a password. */
  fixture->redirect_to = g_strconcat (here, "/api/target", NULL);
  rc_method_set_url (fixture->method, "/redirect");
  followed = call (fixture, fixture->method);
  g_assert_true (rc_exchange_is_success (followed));
  g_test_message ("%s", rc_exchange_get_notes (followed)[0]);
  g_assert_nonnull (strstr (rc_exchange_get_notes (followed)[0], "to http://user@127.0.0.1:"));
  g_assert_null (strstr (rc_exchange_get_notes (followed)[0], "hunter2"));

  /* Not an http:// URL. */
  rc_api_set_base_url (fixture->api, "ftp://user:hunter2@files.example.com/");
  url = rc_executor_build_url (fixture->method, NULL, &error);
  g_assert_null (url);
  g_assert_nonnull (strstr (error->message, "ftp://user@files.example.com/redirect"));
  g_assert_null (strstr (error->message, "hunter2"));
  not_http = call (fixture, fixture->method);
  g_assert_null (strstr (rc_exchange_get_error (not_http)->message, "hunter2"));

  /* Nothing listens there any more. */
  g_clear_pointer (&gone, rc_test_server_free);
  rc_api_set_base_url (fixture->api, gone_url);
  unreachable = call (fixture, fixture->method);
  g_assert_error (rc_exchange_get_error (unreachable),
                  RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_NETWORK);
  g_assert_nonnull (
    strstr (rc_exchange_get_error (unreachable)->message, "http://user@127.0.0.1:"));
  g_assert_null (strstr (rc_exchange_get_error (unreachable)->message, "hunter2"));

  /* No answer in time. */
  fixture->server->handler = never_answer;
  fixture->server->handler_data = paused;
  rc_api_set_base_url (fixture->api, here_api);
  rc_method_set_url (fixture->method, "/things");
  rc_executor_set_timeout (fixture->executor, 1);
  timed_out = call (fixture, fixture->method);
  g_assert_error ((GError *) rc_exchange_get_error (timed_out), RC_EXECUTOR_ERROR,
                  RC_EXECUTOR_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (rc_exchange_get_error (timed_out)->message, "http://user@127.0.0.1:"));
  g_assert_null (strstr (rc_exchange_get_error (timed_out)->message, "hunter2"));

  for (guint i = 0; i < paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (paused, i));
}

static void
test_cache_state_and_sharing (Fixture       *fixture,
                              gconstpointer  data)
{
  RcTokenCache *cache = rc_executor_get_token_cache (fixture->executor);
  RcAuth *auth = rc_api_get_auth (fixture->api);
  g_autoptr(RcApi) twin = rc_api_new ("Same credentials");
  g_autoptr(RcMethod) twin_method = rc_method_new ("m");
  g_autoptr(RcExchange) first = NULL;
  g_autoptr(RcExchange) shared = NULL;
  g_autoptr(RcExchange) separate = NULL;
  g_autoptr(RcExchange) after_clear = NULL;
  RcToken *cached;

  rc_auth_set_scopes (auth, "pets:read pets:write");
  first = call (fixture, fixture->method);

  /* Its state can be read: expiry and scopes. */
  cached = rc_token_cache_lookup (cache, auth);
  g_assert_nonnull (cached);
  g_assert_cmpstr (rc_token_get_scopes (cached), ==, "pets:read pets:write");
  g_assert_cmpint (rc_token_get_expires_in (cached), >, 3590);

  /* Another API with the same key (scopes in another order) shares it. */
  rc_api_set_base_url (twin, rc_api_get_base_url (fixture->api));
  rc_auth_set_kind (rc_api_get_auth (twin), RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (rc_api_get_auth (twin), "client");
  rc_auth_set_token_url (rc_api_get_auth (twin), rc_auth_get_token_url (auth));
  rc_auth_set_scopes (rc_api_get_auth (twin), "pets:write  pets:read");
  rc_method_set_url (twin_method, "/x");
  rc_api_add_method (twin, twin_method);
  shared = call (fixture, twin_method);
  g_assert_true (rc_exchange_get_token_from_cache (shared));
  g_assert_cmpuint (fixture->n_tokens, ==, 1);

  /* Another audience is another token. */
  rc_pair_list_append (rc_auth_get_token_params (rc_api_get_auth (twin)), "audience", "other");
  separate = call (fixture, twin_method);
  g_assert_false (rc_exchange_get_token_from_cache (separate));
  g_assert_cmpuint (fixture->n_tokens, ==, 2);

  /* Clearing forgets it; the next call fetches anew. */
  rc_token_cache_clear (cache, auth);
  g_assert_null (rc_token_cache_lookup (cache, auth));
  after_clear = call (fixture, fixture->method);
  g_assert_cmpuint (rc_exchange_get_n_token_requests (after_clear), ==, 1);
  g_assert_cmpuint (fixture->n_tokens, ==, 3);
}

static gboolean
held_cb (gpointer data)
{
  Fixture *fixture = data;

  return fixture->held_tokens->len > 0;
}

static void
test_cancel_one_waiter (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Called cancelled = { 0 };
  Called kept = { 0 };

  /* Both wait for one token request, held at the server; one gives up at
   * once, while the answer is still held; the other gets it. */
  fixture->held_tokens = g_ptr_array_new_with_free_func (g_object_unref);
  rc_executor_call_async (fixture->executor, fixture->method, NULL, "s", cancellable, called_cb,
                          &cancelled);
  rc_executor_call_async (fixture->executor, fixture->method, NULL, "s", NULL, called_cb, &kept);
  g_assert_true (rc_test_wait_until (held_cb, fixture, 10));
  g_cancellable_cancel (cancellable);

  rc_test_wait_for (&cancelled.done, 10);
  g_assert_error ((GError *) rc_exchange_get_error (cancelled.exchange), G_IO_ERROR,
                  G_IO_ERROR_CANCELLED);
  g_assert_false (kept.done);
  g_assert_cmpuint (fixture->held_tokens->len, ==, 1);

  soup_server_message_unpause (g_ptr_array_index (fixture->held_tokens, 0));
  rc_test_wait_for (&kept.done, 10);
  g_assert_true (rc_exchange_is_success (kept.exchange));
  g_assert_cmpuint (fixture->n_tokens, ==, 1);
  g_assert_cmpuint (fixture->n_api_calls, ==, 1);

  g_clear_object (&cancelled.exchange);
  g_clear_object (&kept.exchange);
}

/* Bodies no call should read whole: served on the fly, never held. */
static void
hostile_handler (RcTestServer      *server,
                 SoupServerMessage *message,
                 const char        *path,
                 gpointer           user_data)
{
  Fixture *fixture = user_data;

  if (g_str_has_prefix (path, "/api/endless"))
    /* Chunked, and as good as endless: 48 MiB at most, so that a client
     * without a cap ends too, with the whole of it. */
    rc_test_respond_stream (message, 200, "application/octet-stream", 48 << 20, 0,
                            &fixture->written);
  else if (g_str_has_prefix (path, "/api/huge"))
    /* Declares 1 GiB; stalls after 48 MiB. */
    rc_test_respond_stream (message, 200, "application/json", 48 << 20,
                            G_GUINT64_CONSTANT (1) << 30, &fixture->written);
  else if (g_str_has_prefix (path, "/api/gzip-bomb"))
    /* 80 MiB once decompressed, some 80 KB on the wire. */
    rc_test_respond_gzip (message, 200, "application/json", "{\"pad\": \"", 80 << 20);
  else
    rc_test_respond (message, 404, "text/plain", "not here");
}

/* A body past the cap ends the call there: the error names the URL and the
 * cap and says what to do; the status and headers stay in the record, and
 * the server sent not much more than the cap (what socket buffers hold). */
static void
test_body_cap (Fixture       *fixture,
               gconstpointer  data)
{
  const char * const paths[] = { "/endless", "/huge" };

  rc_auth_set_kind (rc_api_get_auth (fixture->api), RC_AUTH_KIND_NONE);
  fixture->server->handler = hostile_handler;
  g_assert_cmpuint (rc_executor_get_max_body_size (fixture->executor), ==, 64 << 20);
  rc_executor_set_max_body_size (fixture->executor, 1 << 20);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(RcExchange) exchange = NULL;
      g_autofree char *path = g_strconcat ("/api", paths[i], NULL);
      g_autofree char *url = rc_test_server_url (fixture->server, path);
      const GError *error;
      RcHttpRecord *record;

      rc_method_set_url (fixture->method, paths[i]);
      fixture->written = 0;
      exchange = call (fixture, fixture->method);
      error = rc_exchange_get_error (exchange);

      g_assert_error ((GError *) error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, url));
      g_assert_nonnull (strstr (error->message, "larger than 1 MiB once decompressed"));
      g_assert_nonnull (strstr (error->message, "--max-size"));
      record = rc_exchange_get_api_record (exchange);
      g_assert_cmpuint (rc_http_record_get_status (record), ==, 200);
      g_assert_null (rc_http_record_get_response_body (record));
      g_assert_cmpstr (rc_http_record_get_error (record), ==, error->message);
      g_test_message ("%s: the server sent %" G_GUINT64_FORMAT " bytes", paths[i],
                      fixture->written);
      g_assert_cmpuint (fixture->written, >, 1 << 20);
      g_assert_cmpuint (fixture->written, <, 17 << 20);
    }
}

/* A small gzip body that decompresses past the default cap (64 MiB) is
 * stopped there, by its decompressed size. */
static void
test_gzip_bomb (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RcExchange) exchange = NULL;
  const GError *error;

  rc_auth_set_kind (rc_api_get_auth (fixture->api), RC_AUTH_KIND_NONE);
  fixture->server->handler = hostile_handler;
  rc_method_set_url (fixture->method, "/gzip-bomb");

  exchange = call (fixture, fixture->method);
  error = rc_exchange_get_error (exchange);
  g_assert_error ((GError *) error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "/gzip-bomb"));
  g_assert_nonnull (strstr (error->message, "larger than 64 MiB once decompressed"));
}

/* A masked token keeps its first six characters, not six bytes, which
 * can end within a character; and what a server sends in a header need
 * not be UTF-8 (a Latin-1 file name). The inspector's text views take
 * UTF-8 only. */
static void
test_record_text_is_utf8 (void)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", "https://api.example.com/pets");
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(RcHttpRecord) record = NULL;
  SoupMessageHeaders *response_headers = soup_message_get_response_headers (message);

  soup_message_headers_append (
    soup_message_get_request_headers (message), "Authorization",
    "Bearer "
    "a\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
    "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9");
  soup_message_headers_append (response_headers, "Content-Type", "application/json");
  soup_message_headers_append (response_headers, "Content-Disposition",
                               "attachment; filename=caf\xe9.json");
  record = rc_http_record_new_for_request (message, NULL);
  rc_http_record_set_response (record, message, body);

  for (guint reveal = 0; reveal <= 1; reveal++)
    {
      g_autofree char *request = rc_http_record_format_request (record, reveal);
      g_autofree char *response = rc_http_record_format_response (record, reveal);

      g_assert_true (g_utf8_validate (request, -1, NULL));
      g_assert_true (g_utf8_validate (response, -1, NULL));
      g_assert_nonnull (strstr (response, "filename=caf\uFFFD.json"));
      if (!reveal)
        g_assert_nonnull (
          strstr (request, "Authorization: Bearer a\u00e9\u00e9\u00e9\u00e9\u00e9\u2022"));
    }
}

/* A record of a JSON response of @body, as received. */
static RcHttpRecord *
new_json_record (const char *body)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", "https://api.example.com/pets");
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  RcHttpRecord *record;

  soup_message_headers_append (soup_message_get_response_headers (message), "Content-Type",
                               "application/json");
  record = rc_http_record_new_for_request (message, NULL);
  rc_http_record_set_response (record, message, bytes);

  return record;
}

/* A pane's preview masks what it shows, and reads no further: a secret
 * that straddles the cut is masked before it is cut, a token keeps its
 * prefix, and a body that stops being JSON after the cut is masked all
 * the same (masking the whole body failed on it, and showed it as sent). */
static void
test_record_preview (void)
{
  g_autoptr(GString) body = g_string_new ("{\"access_token\":\"tok123-first-token-of-the-list\","
                                          "\"padding\":\"");
  g_autoptr(RcHttpRecord) record = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *revealed = NULL;
  const char *secret_at;
  gsize limit = 4096;

  /* Pretty-printed, the password's line starts before half the limit and
   * ends past it: the cut falls within it. */
  for (guint i = 0; i < 1500; i++)
    g_string_append_c (body, 'x');
  g_string_append (body, "\",\"password\":\"");
  for (guint i = 0; i < 500; i++)
    g_string_append (body, "hunter2-");
  g_string_append (body, "\",\"more\":\"");
  for (guint i = 0; i < 8000; i++)
    g_string_append_c (body, 'y');
  g_string_append (body, "\",\"broken\":");  /* and never ends */
  for (guint i = 0; i < 2000; i++)
    g_string_append (body, "[1],");

  record = new_json_record (body->str);
  masked = rc_http_record_format_preview (record, TRUE, FALSE, limit, NULL);
  revealed = rc_http_record_format_preview (record, TRUE, TRUE, limit, NULL);

  g_assert_true (g_str_has_prefix (masked, "HTTP/1.1 "));
  g_assert_nonnull (strstr (masked, "\"access_token\": \"tok123\u2022"));
  g_assert_null (strstr (masked, "first-token"));
  g_assert_nonnull (strstr (masked, "\"password\": \"\u2022\u2022"));
  g_assert_null (strstr (masked, "hunter2"));
  g_assert_nonnull (strstr (masked, "[Cut here: "));
  g_assert_cmpuint (strlen (masked), <, limit + 200);

  /* Revealed, the same text, the secret cut where it straddles the limit. */
  g_assert_nonnull (strstr (revealed, "first-token"));
  secret_at = strstr (revealed, "hunter2-");
  g_assert_nonnull (secret_at);
  g_assert_null (strstr (secret_at, "\"more\""));
  g_assert_null (strstr (masked, "\"broken\""));
  g_assert_nonnull (strstr (revealed, "[Cut here: "));

  /* A request has no response to preview: its line and headers. */
  g_clear_pointer (&masked, g_free);
  masked = rc_http_record_format_preview (record, FALSE, FALSE, limit, NULL);
  g_assert_true (g_str_has_prefix (masked, "GET https://api.example.com/pets\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/executor/record-text-is-utf8", test_record_text_is_utf8);
  g_test_add_func ("/restcall/executor/record-preview", test_record_preview);
  g_test_add_func ("/restcall/executor/parse-challenge", test_parse_challenge);

#define ADD(path, func) \
  g_test_add ("/restcall/executor/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("build-url", test_build_url);
  ADD ("optional-query", test_optional_query);
  ADD ("oauth-call-and-cache", test_oauth_call_and_cache);
  ADD ("headers-and-override", test_headers_and_override);
  ADD ("oauth-overrides-manual-header", test_oauth_overrides_manual_header);
  ADD ("body", test_body);
  ADD ("replay-after-401", test_replay_after_401);
  ADD ("second-401-reported", test_second_401_reported);
  ADD ("401-without-bearer-challenge", test_401_without_bearer_challenge);
  ADD ("scopes-unsaid", test_scopes_unsaid);
  ADD ("type-unsaid", test_type_unsaid);
  ADD ("insufficient-scope", test_insufficient_scope);
  ADD ("refusal-quoted", test_refusal_quoted);
  ADD ("audience-not-renewed", test_audience_not_renewed);
  ADD ("redirects", test_redirects);
  ADD ("single-flight", test_single_flight);
  ADD ("single-flight-failure", test_single_flight_failure);
  ADD ("token-failure-sends-nothing", test_token_failure_sends_nothing);
  ADD ("smuggled-verb", test_smuggled_verb);
  ADD ("smuggled-content-type", test_smuggled_content_type);
  ADD ("header-that-cannot-be-sent", test_header_that_cannot_be_sent);
  ADD ("token-that-cannot-be-sent", test_token_that_cannot_be_sent);
  ADD ("short-lifetime", test_short_lifetime);
  ADD ("uncacheable-token", test_uncacheable_token);
  ADD ("deadline-and-cancel", test_deadline_and_cancel);
  ADD ("cache-state-and-sharing", test_cache_state_and_sharing);
  ADD ("cancel-one-waiter", test_cancel_one_waiter);
  ADD ("server-text-cleaned", test_server_text_cleaned);
  ADD ("messages-hide-passwords", test_messages_hide_passwords);
  ADD ("body-cap", test_body_cap);
  ADD ("gzip-bomb", test_gzip_bomb);

#undef ADD

  return g_test_run ();
}
