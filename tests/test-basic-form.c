/* test-basic-form.c: the automatic Basic form of client credentials
 *
 * Which form of the client ID and secret a token request sends in its
 * Basic Auth header, when it sends the other form once more, and that it
 * remembers the one that worked: against a scripted token endpoint on
 * 127.0.0.1 that takes one form and refuses the other as a real server
 * does, counting the requests it gets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "restcall-core.h"
#include "rc-test-server.h"

#define CLIENT_ID     "tricky-client"
#define TRICKY_SECRET "p+ss/w%rd:=&?# x"
#define ACCESS_TOKEN  "abcdefghijklmnopqrstuvwxyz0123456789"

typedef struct
{
  RcTestServer *server;
  SoupSession  *session;
  RcTokenCache *cache;
  RcAuth       *auth;
  char         *secret;       /* the client's, as the server knows it */

  /* What the scripted token endpoint takes, and how it refuses the rest. */
  RcBasicForm   takes;        /* RC_BASIC_FORM_AUTO: nothing */
  guint         refusal_status;
  const char   *refusal_body;
  guint         n_token_requests;
} Fixture;


static gboolean
has_credentials (SoupServerMessage *message,
                 const char        *client_id,
                 const char        *secret,
                 RcBasicForm        form)
{
  const char *authorization = soup_message_headers_get_one (
    soup_server_message_get_request_headers (message), "Authorization");
  g_autofree char *credentials =
    rc_oauth_basic_credentials (client_id, secret, form == RC_BASIC_FORM_RAW);
  g_autofree char *expected = g_strconcat ("Basic ", credentials, NULL);

  return g_strcmp0 (authorization, expected) == 0;
}

static void
endpoint (RcTestServer      *server,
          SoupServerMessage *message,
          const char        *path,
          gpointer           user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (path, "/pets"))
    {
      const char *authorization = soup_message_headers_get_one (
        soup_server_message_get_request_headers (message), "Authorization");

      if (g_strcmp0 (authorization, "Bearer " ACCESS_TOKEN) == 0)
        rc_test_respond (message, 200, "application/json", "{\"pets\":[]}");
      else
        rc_test_respond (message, 401, "application/json", "{\"error\":\"invalid_token\"}");
      return;
    }

  fixture->n_token_requests++;
  if (fixture->takes != RC_BASIC_FORM_AUTO
      && has_credentials (message, CLIENT_ID, fixture->secret, fixture->takes))
    rc_test_respond (message, 200, "application/json",
                     "{\"access_token\": \"" ACCESS_TOKEN "\", \"token_type\": \"Bearer\", "
                     "\"expires_in\": 3600}");
  else
    rc_test_respond (message, fixture->refusal_status, "application/json", fixture->refusal_body);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *token_url = NULL;

  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = endpoint;
  fixture->server->handler_data = fixture;
  fixture->session = soup_session_new_with_options ("timeout", 5, NULL);
  fixture->cache = rc_token_cache_new (fixture->session);
  fixture->secret = g_strdup (TRICKY_SECRET);

  /* As @node-oauth/oauth2-server: unencoded only. */
  fixture->takes = RC_BASIC_FORM_RAW;
  fixture->refusal_status = 401;
  fixture->refusal_body =
    "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client: client is invalid\"}";

  token_url = rc_test_server_url (fixture->server, "/token");
  fixture->auth = rc_auth_new ();
  rc_auth_set_kind (fixture->auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_token_url (fixture->auth, token_url);
  rc_auth_set_client_id (fixture->auth, CLIENT_ID);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->auth);
  g_assert_finalize_object (fixture->cache);
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->server, rc_test_server_free);
  g_clear_pointer (&fixture->secret, g_free);
}

/* A new token for @fixture's auth, through @cache. */
static void
fetch_with (Fixture       *fixture,
            RcTokenCache  *cache,
            RcTestFetched *fetched)
{
  rc_test_fetched_clear (fetched);
  rc_token_cache_clear (cache, fixture->auth);
  rc_token_cache_get_token_async (cache, fixture->auth, fixture->secret, NULL, NULL,
                                  rc_test_fetched_cb, fetched);
  rc_test_wait_for (&fetched->done, 10);
  if (fetched->error)
    g_test_message ("error: %s", fetched->error->message);
}

static void
fetch (Fixture *fixture,
       RcTestFetched *fetched)
{
  fetch_with (fixture, fixture->cache, fetched);
}

static const char *
authorization_of (RcHttpRecord *record)
{
  return rc_http_record_get_request_header (record, "Authorization");
}

static char *
expected_authorization (RcBasicForm form)
{
  g_autofree char *credentials =
    rc_oauth_basic_credentials (CLIENT_ID, TRICKY_SECRET, form == RC_BASIC_FORM_RAW);

  return g_strconcat ("Basic ", credentials, NULL);
}

/* Units */

static void
test_is_refusal (void)
{
  struct {
    guint       status;
    const char *body;
    gboolean    refusal;
  } cases[] = {
    { 401, "{\"error\":\"invalid_client\"}", TRUE },
    { 400, "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}",
      TRUE },
    /* glewlwyd: a 403 with nothing in it. */
    { 403, "", TRUE },
    { 401, "<html>Unauthorized</html>", TRUE },
    /* oidc-provider, for raw credentials it cannot decode. */
    { 400,
      "{\"error\":\"invalid_request\",\"error_description\":\"client_id and client_secret in the "
      "authorization header are not properly encoded\"}",
      TRUE },
    { 400, "{\"error\":\"invalid_request\",\"error_description\":\"Invalid client credentials\"}",
      TRUE },
    /* Not about the client: another form would not help. */
    { 400,
      "{\"error\":\"invalid_request\",\"error_description\":\"missing required parameter "
      "grant_type\"}",
      FALSE },
    { 400, "{\"error\":\"invalid_request\"}", FALSE },
    { 400, "{\"error\":\"invalid_scope\"}", FALSE },
    { 400, "{\"error\":\"unsupported_grant_type\"}", FALSE },
    { 400, "", FALSE },
    { 400, "{\"error\":{\"code\":\"invalid_client\"}}", FALSE },
    { 400, "[\"invalid_client\"]", FALSE },
    { 404, "{\"error\":\"invalid_client\"}", FALSE },
    { 500, "", FALSE },
    { 200, "{\"access_token\":\"x\",\"token_type\":\"Bearer\"}", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new_static (cases[i].body, strlen (cases[i].body));

      g_test_message ("case %u: %u %s", i, cases[i].status, cases[i].body);
      g_assert_cmpint (rc_basic_form_is_refusal (cases[i].status, body), ==, cases[i].refusal);
    }

  g_assert_true (rc_basic_form_is_refusal (401, NULL));
  g_assert_false (rc_basic_form_is_refusal (400, NULL));
}

static void
test_first_and_retry (void)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "client");

  /* Automatic: RFC 6749's first, or what was found. */
  g_assert_cmpint (rc_basic_form_first (auth), ==, RC_BASIC_FORM_RFC);
  rc_auth_set_remembered_basic_form (auth, RC_BASIC_FORM_RAW);
  g_assert_cmpint (rc_basic_form_first (auth), ==, RC_BASIC_FORM_RAW);

  /* A form chosen wins over one found. */
  rc_auth_set_basic_form (auth, RC_BASIC_FORM_RFC);
  g_assert_cmpint (rc_basic_form_first (auth), ==, RC_BASIC_FORM_RFC);
  rc_auth_set_basic_form (auth, RC_BASIC_FORM_RAW);
  rc_auth_set_remembered_basic_form (auth, RC_BASIC_FORM_RFC);
  g_assert_cmpint (rc_basic_form_first (auth), ==, RC_BASIC_FORM_RAW);

  g_assert_cmpint (rc_basic_form_other (RC_BASIC_FORM_RFC), ==, RC_BASIC_FORM_RAW);
  g_assert_cmpint (rc_basic_form_other (RC_BASIC_FORM_RAW), ==, RC_BASIC_FORM_RFC);

  /* A retry only for the automatic form, and only when the encoding
   * changes the ID or the secret. */
  g_assert_false (rc_basic_form_may_retry (auth, TRICKY_SECRET));
  rc_auth_set_basic_form (auth, RC_BASIC_FORM_RFC);
  g_assert_false (rc_basic_form_may_retry (auth, TRICKY_SECRET));
  rc_auth_set_basic_form (auth, RC_BASIC_FORM_AUTO);
  g_assert_true (rc_basic_form_may_retry (auth, TRICKY_SECRET));
  g_assert_false (rc_basic_form_may_retry (auth, "s3cret-with.safe_chars"));
  g_assert_false (rc_basic_form_may_retry (auth, NULL));
  rc_auth_set_client_id (auth, "client id");
  g_assert_true (rc_basic_form_may_retry (auth, "s3cret"));
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_BODY);
  g_assert_false (rc_basic_form_may_retry (auth, TRICKY_SECRET));
}

static void
test_remember_guarded (void)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();
  g_autoptr(RcAuth) asked = NULL;

  rc_auth_set_token_url (auth, "https://auth.example.com/token");
  rc_auth_set_client_id (auth, "client");
  asked = rc_auth_copy (auth);

  rc_basic_form_remember (auth, asked, RC_BASIC_FORM_AUTO);
  g_assert_cmpint (rc_auth_get_remembered_basic_form (auth), ==, RC_BASIC_FORM_AUTO);
  rc_basic_form_remember (auth, asked, RC_BASIC_FORM_RAW);
  g_assert_cmpint (rc_auth_get_remembered_basic_form (auth), ==, RC_BASIC_FORM_RAW);

  /* Edited while the request was out: what was found is for another. */
  rc_auth_set_token_url (auth, "https://other.example.com/token");
  rc_basic_form_remember (auth, asked, RC_BASIC_FORM_RAW);
  g_assert_cmpint (rc_auth_get_remembered_basic_form (auth), ==, RC_BASIC_FORM_AUTO);
}

/* Against the scripted server */

/* A server that compares the credentials unencoded: the RFC form is
 * refused, the raw one sent once more, and remembered. */
static void
test_finds_unencoded (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *rfc = expected_authorization (RC_BASIC_FORM_RFC);
  g_autofree char *raw = expected_authorization (RC_BASIC_FORM_RAW);
  g_autoptr(GPtrArray) attempts = NULL;
  g_autofree char *requests = NULL;
  g_autofree char *responses = NULL;
  RcTestFetched fetched = { 0 };

  fetch (fixture, &fetched);
  g_assert_no_error (fetched.error);
  g_assert_cmpstr (rc_token_get_access_token (fetched.token), ==, ACCESS_TOKEN);
  g_assert_cmpuint (fixture->n_token_requests, ==, 2);
  g_assert_cmpuint (rc_token_cache_get_n_requests (fixture->cache), ==, 2);
  g_assert_cmpstr (soup_message_headers_get_one (
                     rc_test_server_get_request (fixture->server, 0)->headers, "Authorization"),
                   ==, rfc);
  g_assert_cmpstr (soup_message_headers_get_one (
                     rc_test_server_get_request (fixture->server, 1)->headers, "Authorization"),
                   ==, raw);

  /* Both attempts are in the exchange, the last first. */
  attempts = rc_http_record_dup_attempts (fetched.record);
  g_assert_cmpuint (attempts->len, ==, 2);
  g_assert_true (g_ptr_array_index (attempts, 1) == fetched.record);
  g_assert_cmpstr (authorization_of (g_ptr_array_index (attempts, 0)), ==, rfc);
  g_assert_cmpuint (rc_http_record_get_status (g_ptr_array_index (attempts, 0)), ==, 401);
  g_assert_cmpstr (authorization_of (fetched.record), ==, raw);
  g_assert_cmpuint (rc_http_record_get_status (fetched.record), ==, 200);

  /* Shown with headings, masked. */
  requests = rc_http_record_format_attempts (fetched.record, FALSE, FALSE);
  responses = rc_http_record_format_attempts (fetched.record, TRUE, FALSE);
  g_test_message ("%s\n%s", requests, responses);
  g_assert_nonnull (strstr (requests, "Attempt 1 of 2, client ID and secret RFC 6749-encoded:\n"));
  g_assert_nonnull (strstr (requests, "Attempt 2 of 2, client ID and secret unencoded:\n"));
  g_assert_null (strstr (requests, rfc + strlen ("Basic ")));
  g_assert_null (strstr (requests, raw + strlen ("Basic ")));
  g_assert_nonnull (strstr (responses, "Attempt 1 of 2"));
  g_assert_nonnull (strstr (responses, "401"));
  g_assert_nonnull (strstr (responses, "Invalid client: client is invalid"));
  g_assert_null (strstr (responses, ACCESS_TOKEN));

  /* The auth asked with remembers the form. */
  g_assert_cmpint (rc_auth_get_remembered_basic_form (fixture->auth), ==, RC_BASIC_FORM_RAW);
  rc_test_fetched_clear (&fetched);
}

/* What was found is saved with the project and used the next time, by a
 * new cache: one request. */
static void
test_remembered_saved_and_reused (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) api = rc_api_new ("Pets");
  g_autoptr(RcProject) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcTokenCache) cache = NULL;
  g_autofree char *raw = expected_authorization (RC_BASIC_FORM_RAW);
  RcAuth *auth = rc_api_get_auth (api);
  RcTestFetched fetched = { 0 };

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_token_url (auth, rc_auth_get_token_url (fixture->auth));
  rc_auth_set_client_id (auth, CLIENT_ID);
  rc_project_add_api (project, api);
  g_set_object (&fixture->auth, auth);

  fetch (fixture, &fetched);
  g_assert_no_error (fetched.error);
  g_assert_cmpuint (fixture->n_token_requests, ==, 2);
  g_assert_cmpint (rc_auth_get_remembered_basic_form (auth), ==, RC_BASIC_FORM_RAW);
  g_assert_true (rc_project_get_dirty (project));

  /* The same cache, the token dropped: one request, in the raw form. */
  fetch (fixture, &fetched);
  g_assert_no_error (fetched.error);
  g_assert_cmpuint (fixture->n_token_requests, ==, 3);
  g_assert_null (rc_http_record_get_previous_attempt (fetched.record));
  g_assert_cmpstr (authorization_of (fetched.record), ==, raw);

  /* Saved, loaded, and asked again by a new cache: one request. */
  saved = rc_project_serialize (project);
  loaded = rc_project_deserialize (saved, "saved.restcall", &error);
  g_assert_no_error (error);
  g_set_object (&fixture->auth, rc_api_get_auth (rc_project_get_api (loaded, 0)));
  g_assert_cmpint (rc_auth_get_remembered_basic_form (fixture->auth), ==, RC_BASIC_FORM_RAW);
  cache = rc_token_cache_new (fixture->session);
  fetch_with (fixture, cache, &fetched);
  g_assert_no_error (fetched.error);
  g_assert_cmpuint (fixture->n_token_requests, ==, 4);
  g_assert_cmpuint (rc_token_cache_get_n_requests (cache), ==, 1);
  g_assert_cmpstr (authorization_of (fetched.record), ==, raw);
  rc_test_fetched_clear (&fetched);
}

/* What was found no longer holds (the server changed): the form
 * remembered is refused, the other sent once, and remembered instead. */
static void
test_remembered_stale (Fixture       *fixture,
                       gconstpointer  data)
{
  RcTestFetched fetched = { 0 };

  fixture->takes = RC_BASIC_FORM_RFC;
  fixture->refusal_status = 400;
  fixture->refusal_body =
    "{\"error\":\"invalid_request\",\"error_description\":\"client_id and client_secret "
    "in the authorization header are not properly encoded\"}";
  rc_auth_set_remembered_basic_form (fixture->auth, RC_BASIC_FORM_RAW);

  fetch (fixture, &fetched);
  g_assert_no_error (fetched.error);
  g_assert_cmpuint (fixture->n_token_requests, ==, 2);
  g_assert_cmpint (rc_auth_get_remembered_basic_form (fixture->auth), ==, RC_BASIC_FORM_RFC);
  rc_test_fetched_clear (&fetched);
}

/* A server that decodes, as RFC 6749 asks: the first request works, and
 * nothing is sent again nor remembered. */
static void
test_rfc_server_one_request (Fixture       *fixture,
                             gconstpointer  data)
{
  RcTestFetched fetched = { 0 };

  fixture->takes = RC_BASIC_FORM_RFC;
  fetch (fixture, &fetched);
  g_assert_no_error (fetched.error);
  g_assert_cmpuint (fixture->n_token_requests, ==, 1);
  g_assert_null (rc_http_record_get_previous_attempt (fetched.record));
  g_assert_cmpint (rc_auth_get_remembered_basic_form (fixture->auth), ==, RC_BASIC_FORM_AUTO);
  rc_test_fetched_clear (&fetched);
}

/* Credentials the encoding leaves as they are: both forms are the same
 * bytes, so a refusal is final after one request. */
static void
test_no_retry_plain_credentials (Fixture       *fixture,
                                 gconstpointer  data)
{
  RcTestFetched fetched = { 0 };

  fixture->takes = RC_BASIC_FORM_AUTO;
  g_free (fixture->secret);
  fixture->secret = g_strdup ("s3cret-0123_ABC.xyz");

  fetch (fixture, &fetched);
  g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED);
  g_assert_cmpuint (fixture->n_token_requests, ==, 1);
  g_assert_cmpuint (rc_token_cache_get_n_requests (fixture->cache), ==, 1);
  g_assert_null (rc_http_record_get_previous_attempt (fetched.record));
  g_assert_null (strstr (fetched.error->message, "Sent once more"));
  rc_test_fetched_clear (&fetched);
}

/* A form chosen is sent alone, refused or not. */
static void
test_explicit_forms_no_retry (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *rfc = expected_authorization (RC_BASIC_FORM_RFC);
  g_autofree char *raw = expected_authorization (RC_BASIC_FORM_RAW);
  RcTestFetched fetched = { 0 };

  /* RFC 6749 encoding, to a server that compares unencoded: refused. */
  rc_auth_set_basic_form (fixture->auth, RC_BASIC_FORM_RFC);
  fetch (fixture, &fetched);
  g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED);
  g_assert_cmpuint (fixture->n_token_requests, ==, 1);
  g_assert_cmpstr (authorization_of (fetched.record), ==, rfc);

  /* Unencoded, to a server that decodes: refused. */
  fixture->takes = RC_BASIC_FORM_RFC;
  rc_auth_set_basic_form (fixture->auth, RC_BASIC_FORM_RAW);
  fetch (fixture, &fetched);
  g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED);
  g_assert_cmpuint (fixture->n_token_requests, ==, 2);
  g_assert_cmpstr (authorization_of (fetched.record), ==, raw);

  g_assert_cmpint (rc_auth_get_remembered_basic_form (fixture->auth), ==, RC_BASIC_FORM_AUTO);
  rc_test_fetched_clear (&fetched);
}

/* Refused in both forms (a wrong secret): two requests, never three, an
 * error that says both were tried, and nothing remembered. */
static void
test_at_most_one_retry (Fixture       *fixture,
                        gconstpointer  data)
{
  const struct {
    guint       status;
    const char *body;
    const char *words;
  } refusals[] = {
    { 401, "{\"error\":\"invalid_client\",\"error_description\":\"Client disabled\"}",
      "(HTTP 401, invalid_client: Client disabled)" },
    { 403, "", "refused the token request (HTTP 403 Forbidden) with an empty body" },
    { 400, "{\"error\":\"invalid_request\",\"error_description\":\"Invalid client credentials\"}",
      "invalid_request: Invalid client credentials" },
  };
  RcTestFetched fetched = { 0 };

  fixture->takes = RC_BASIC_FORM_AUTO;

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      fixture->n_token_requests = 0;
      fixture->refusal_status = refusals[i].status;
      fixture->refusal_body = refusals[i].body;

      fetch (fixture, &fetched);
      g_assert_nonnull (fetched.error);
      g_assert_cmpuint (fixture->n_token_requests, ==, 2);
      g_assert_nonnull (rc_http_record_get_previous_attempt (fetched.record));
      g_assert_null (
        rc_http_record_get_previous_attempt (rc_http_record_get_previous_attempt (fetched.record)));
      {
        g_autofree char *again =
          g_strdup_printf ("Sent once more with the client ID and secret unencoded, "
                           "the request was refused too (HTTP %u).",
                           refusals[i].status);

        /* The first refusal, in the server's words, then the second. */
        g_assert_true (g_str_has_suffix (fetched.error->message, again));
        g_assert_nonnull (strstr (fetched.error->message, refusals[i].words));
      }
      g_assert_null (strstr (fetched.error->message, TRICKY_SECRET));
      g_assert_cmpint (rc_auth_get_remembered_basic_form (fixture->auth), ==, RC_BASIC_FORM_AUTO);
    }

  rc_test_fetched_clear (&fetched);
}

/* Answers that do not refuse the client are final: another form would
 * not change them. */
static void
test_no_retry_other_answers (Fixture       *fixture,
                             gconstpointer  data)
{
  const struct {
    guint       status;
    const char *body;
  } answers[] = {
    { 400, "{\"error\":\"invalid_scope\"}" },
    { 400, "{\"error\":\"unsupported_grant_type\"}" },
    { 404, "" },
    { 500, "{\"error\":\"server_error\"}" },
  };
  RcTestFetched fetched = { 0 };

  fixture->takes = RC_BASIC_FORM_AUTO;

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      fixture->n_token_requests = 0;
      fixture->refusal_status = answers[i].status;
      fixture->refusal_body = answers[i].body;

      fetch (fixture, &fetched);
      g_assert_nonnull (fetched.error);
      g_assert_cmpuint (fixture->n_token_requests, ==, 1);
    }

  /* Credentials in the body have one form only. */
  fixture->n_token_requests = 0;
  fixture->refusal_status = 401;
  fixture->refusal_body = "{\"error\":\"invalid_client\"}";
  rc_auth_set_client_auth (fixture->auth, RC_CLIENT_AUTH_BODY);
  fetch (fixture, &fetched);
  g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED);
  g_assert_cmpuint (fixture->n_token_requests, ==, 1);

  rc_test_fetched_clear (&fetched);
}

/* Calls waiting for one token request wait for both attempts: two
 * requests for all of them, and each one's auth remembers the form. */
static void
test_single_flight (Fixture       *fixture,
                    gconstpointer  data)
{
  RcTestFetched fetched[5] = { { 0 } };
  RcAuth *auths[G_N_ELEMENTS (fetched)];

  for (guint i = 0; i < G_N_ELEMENTS (fetched); i++)
    {
      auths[i] = rc_auth_copy (fixture->auth);
      rc_token_cache_get_token_async (fixture->cache, auths[i], fixture->secret, NULL, NULL,
                                      rc_test_fetched_cb, &fetched[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fetched); i++)
    rc_test_wait_for (&fetched[i].done, 10);

  g_assert_cmpuint (fixture->n_token_requests, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (fetched); i++)
    {
      g_assert_no_error (fetched[i].error);
      g_assert_true (fetched[i].record == fetched[0].record);
      g_assert_cmpint (rc_auth_get_remembered_basic_form (auths[i]), ==, RC_BASIC_FORM_RAW);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fetched); i++)
    {
      rc_test_fetched_clear (&fetched[i]);
      g_object_unref (auths[i]);
    }
}

/* Through the executor: the API's own auth remembers the form (the call
 * worked on a copy), the exchange shows both attempts and says why. */
typedef struct
{
  gboolean    done;
  RcExchange *exchange;
} Called;

static void
called_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Called *called = user_data;

  called->exchange = rc_executor_call_finish (RC_EXECUTOR (object), result);
  called->done = TRUE;
}

static void
test_executor_remembers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RcApi) api = rc_api_new ("Pets");
  g_autoptr(RcMethod) method = rc_method_new ("List");
  g_autoptr(RcExecutor) executor = rc_executor_new_for_session (fixture->session);
  g_autofree char *base = rc_test_server_url (fixture->server, "");
  g_autofree char *requests = NULL;
  g_autofree char *all = NULL;
  const char * const *notes;
  RcAuth *auth = rc_api_get_auth (api);
  Called called = { 0 };

  rc_api_set_base_url (api, base);
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_token_url (auth, rc_auth_get_token_url (fixture->auth));
  rc_auth_set_client_id (auth, CLIENT_ID);
  rc_method_set_url (method, "/pets");
  rc_api_add_method (api, method);

  rc_executor_call_async (executor, method, NULL, fixture->secret, NULL, called_cb, &called);
  rc_test_wait_for (&called.done, 10);

  g_assert_true (rc_exchange_is_success (called.exchange));
  g_assert_cmpuint (fixture->n_token_requests, ==, 2);
  g_assert_cmpint (rc_auth_get_remembered_basic_form (auth), ==, RC_BASIC_FORM_RAW);

  notes = rc_exchange_get_notes (called.exchange);
  g_assert_nonnull (notes[0]);
  g_assert_nonnull (strstr (notes[0], "compares the credentials unencoded"));

  requests = rc_exchange_format_part (called.exchange, RC_EXCHANGE_TOKEN_REQUEST, FALSE);
  g_assert_nonnull (strstr (requests, "Attempt 1 of 2"));
  g_assert_nonnull (strstr (requests, "Attempt 2 of 2"));
  all = rc_exchange_format (called.exchange, FALSE);
  g_assert_nonnull (strstr (all, "Attempt 2 of 2, client ID and secret unencoded:"));
  g_assert_null (strstr (all, ACCESS_TOKEN));
  g_clear_object (&called.exchange);

  /* The next call finds the token in the cache; the one after a new
   * executor, the form in the auth: one request. */
  g_assert_finalize_object (g_steal_pointer (&executor));
  executor = rc_executor_new_for_session (fixture->session);
  called.done = FALSE;
  rc_executor_call_async (executor, method, NULL, fixture->secret, NULL, called_cb, &called);
  rc_test_wait_for (&called.done, 10);
  g_assert_true (rc_exchange_is_success (called.exchange));
  g_assert_cmpuint (fixture->n_token_requests, ==, 3);
  g_assert_null (rc_exchange_get_notes (called.exchange)[0]);
  g_clear_object (&called.exchange);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/basic-form/is-refusal", test_is_refusal);
  g_test_add_func ("/restcall/basic-form/first-and-retry", test_first_and_retry);
  g_test_add_func ("/restcall/basic-form/remember-guarded", test_remember_guarded);

#define ADD(path, func) \
  g_test_add ("/restcall/basic-form/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("finds-unencoded", test_finds_unencoded);
  ADD ("remembered-saved-and-reused", test_remembered_saved_and_reused);
  ADD ("remembered-stale", test_remembered_stale);
  ADD ("rfc-server-one-request", test_rfc_server_one_request);
  ADD ("no-retry-plain-credentials", test_no_retry_plain_credentials);
  ADD ("explicit-forms-no-retry", test_explicit_forms_no_retry);
  ADD ("at-most-one-retry", test_at_most_one_retry);
  ADD ("no-retry-other-answers", test_no_retry_other_answers);
  ADD ("single-flight", test_single_flight);
  ADD ("executor-remembers", test_executor_remembers);

  return g_test_run ();
}
