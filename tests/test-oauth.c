/* test-oauth.c: the client credentials token request and response
 *
 * Every rule of RFC 6749 §2.3.1, §4.4, §5.1 and §5.2 that Restcall
 * follows, checked over real HTTP against a scripted SoupServer on
 * 127.0.0.1.
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
  SoupSession  *session;
  RcTokenCache *cache;
  RcAuth       *auth;

  /* What the scripted token endpoint answers. */
  guint         status;
  const char   *content_type;
  const char   *body;
  const char   *location;
} Fixture;


static void
token_endpoint (RcTestServer      *server,
                SoupServerMessage *message,
                const char        *path,
                gpointer           user_data)
{
  Fixture *fixture = user_data;

  if (fixture->location)
    soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                  "Location", fixture->location);
  rc_test_respond (message, fixture->status, fixture->content_type, fixture->body);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *token_url = NULL;

  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = token_endpoint;
  fixture->server->handler_data = fixture;
  fixture->session = soup_session_new_with_options ("timeout", 5, NULL);
  fixture->cache = rc_token_cache_new (fixture->session);

  fixture->status = 200;
  fixture->content_type = "application/json";
  fixture->body = "{\"access_token\": \"abcdefghijklmnopqrstuvwxyz0123456789\", "
                  "\"token_type\": \"Bearer\", \"expires_in\": 3600}";

  token_url = rc_test_server_url (fixture->server, "/token");
  fixture->auth = rc_auth_new ();
  rc_auth_set_kind (fixture->auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_token_url (fixture->auth, token_url);
  rc_auth_set_client_id (fixture->auth, "example.com");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->auth);
  g_assert_finalize_object (fixture->cache);
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->server, rc_test_server_free);
}

static void
fetch (Fixture       *fixture,
       const char    *secret,
       RcTestFetched *fetched)
{
  rc_test_fetched_clear (fetched);
  rc_token_cache_clear (fixture->cache, fixture->auth);
  rc_token_cache_get_token_async (fixture->cache, fixture->auth, secret, NULL, NULL,
                                  rc_test_fetched_cb, fetched);
  rc_test_wait_for (&fetched->done, 10);
  if (fetched->error)
    g_test_message ("error: %s", fetched->error->message);
}

static char *
request_body (RcTestServer *server,
              guint         index)
{
  GBytes *body = rc_test_server_get_request (server, index)->body;

  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
test_form_encode (void)
{
  struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "s=cr%t", "s%3Dcr%25t" },
    { "a b+c", "a+b%2Bc" },
    { "x:y&z", "x%3Ay%26z" },
    { "é", "%C3%A9" },
    { "plain-._~09AZaz", NULL },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *encoded = rc_oauth_form_encode (cases[i].in);

      if (cases[i].out)
        g_assert_cmpstr (encoded, ==, cases[i].out);
      else
        {
          /* Unreserved characters pass through, but for "~", which form
           * encoding may escape: either way it decodes back. */
          g_autofree char *decoded = g_uri_unescape_string (encoded, NULL);

          g_assert_cmpstr (decoded, ==, cases[i].in);
        }
    }
}

static void
test_basic_golden (void)
{
  g_autofree char *encoded = rc_oauth_basic_credentials ("example.com", "s=cr%t", FALSE);
  g_autofree char *raw = rc_oauth_basic_credentials ("example.com", "s=cr%t", TRUE);
  g_autofree guchar *decoded = NULL;
  gsize len;

  /* RFC 6749 §2.3.1: each part form-urlencoded, then joined and base64. */
  g_assert_cmpstr (encoded, ==, "ZXhhbXBsZS5jb206cyUzRGNyJTI1dA==");

  decoded = g_base64_decode (raw, &len);
  g_assert_cmpmem (decoded, len, "example.com:s=cr%t", 18);
}

static void
test_token_url_checks (void)
{
  struct {
    const char *url;
    gboolean    ok;
  } cases[] = {
    { "https://auth.example.com/token", TRUE },
    { "http://127.0.0.1:8080/token", TRUE },
    { "http://127.1.2.3/token", TRUE },
    { "http://localhost/token", TRUE },
    { "http://[::1]:9/token", TRUE },
    { "http://auth.example.com/token", FALSE },
    { "http://10.0.0.1/token", FALSE },
    { "ftp://auth.example.com/token", FALSE },
    { "auth.example.com/token", FALSE },
    { "https://", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = rc_oauth_check_token_url (cases[i].url, &error);

      g_test_message ("%s: %s", cases[i].url, error ? error->message : "ok");
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        {
          g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
          if (cases[i].url[0])
            g_assert_nonnull (strstr (error->message, cases[i].url));
        }
    }
}

static void
test_request_basic_header (Fixture       *fixture,
                           gconstpointer  data)
{
  RcTestFetched fetched = { 0 };
  RcTestRequest *request;
  g_autofree char *body = NULL;

  rc_auth_set_scopes (fixture->auth, "pets:read  pets:write");
  rc_pair_list_append (rc_auth_get_token_params (fixture->auth), "audience",
                       "https://api.example.com/");
  rc_pair_list_append (rc_auth_get_token_params (fixture->auth), "resource", "r 1");
  rc_pair_list_append (rc_auth_get_token_params (fixture->auth), "resource", "r2");

  fetch (fixture, "s=cr%t", &fetched);
  g_assert_no_error (fetched.error);
  g_assert_nonnull (fetched.token);

  g_assert_cmpuint (fixture->server->requests->len, ==, 1);
  request = rc_test_server_get_request (fixture->server, 0);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (request->path, ==, "/token");
  g_assert_cmpstr (soup_message_headers_get_content_type (request->headers, NULL), ==,
                   "application/x-www-form-urlencoded");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Accept"), ==,
                   "application/json");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Authorization"), ==,
                   "Basic ZXhhbXBsZS5jb206cyUzRGNyJTI1dA==");

  body = request_body (fixture->server, 0);
  g_assert_cmpstr (body, ==,
                   "grant_type=client_credentials&scope=pets%3Aread+pets%3Awrite"
                   "&audience=https%3A%2F%2Fapi.example.com%2F&resource=r+1&resource=r2");

  /* The record holds the request as sent, and masks it by default. */
  {
    g_autofree char *masked = rc_http_record_format_request (fetched.record, FALSE);
    g_autofree char *revealed = rc_http_record_format_request (fetched.record, TRUE);

    g_assert_null (strstr (masked, "ZXhhbXBsZS5jb206cyUzRGNyJTI1dA=="));
    g_assert_nonnull (strstr (masked, "Authorization: Basic ••••••••"));
    g_assert_nonnull (strstr (revealed, "ZXhhbXBsZS5jb206cyUzRGNyJTI1dA=="));
    g_assert_nonnull (strstr (masked, "grant_type=client_credentials"));
  }

  rc_test_fetched_clear (&fetched);
}

static void
test_request_body (Fixture       *fixture,
                   gconstpointer  data)
{
  RcTestFetched fetched = { 0 };
  RcTestRequest *request;
  g_autofree char *body = NULL;

  rc_auth_set_client_auth (fixture->auth, RC_CLIENT_AUTH_BODY);
  rc_auth_set_client_id (fixture->auth, "my client");

  fetch (fixture, "p&ss=wörd", &fetched);
  g_assert_no_error (fetched.error);

  request = rc_test_server_get_request (fixture->server, 0);
  /* Never both: the body carries the credentials, no header does. */
  g_assert_null (soup_message_headers_get_one (request->headers, "Authorization"));
  body = request_body (fixture->server, 0);
  g_assert_cmpstr (
    body, ==, "grant_type=client_credentials&client_id=my+client&client_secret=p%26ss%3Dw%C3%B6rd");

  {
    g_autofree char *masked = rc_http_record_format_request (fetched.record, FALSE);
    g_autofree char *response = rc_http_record_format_response (fetched.record, FALSE);

    g_assert_null (strstr (masked, "p%26ss"));
    g_assert_nonnull (strstr (masked, "client_secret=••••••••"));
    g_assert_nonnull (strstr (masked, "client_id=my+client"));
    /* The access token shows only a prefix. */
    g_assert_null (strstr (response, "abcdefghijklmnopqrstuvwxyz0123456789"));
    g_assert_nonnull (strstr (response, "abcdef••••••••"));
  }

  rc_test_fetched_clear (&fetched);
}

static void
test_raw_basic (Fixture       *fixture,
                gconstpointer  data)
{
  RcTestFetched fetched = { 0 };
  g_autofree char *expected = NULL;
  g_autofree char *body = NULL;

  rc_auth_set_basic_form (fixture->auth, RC_BASIC_FORM_RAW);
  fetch (fixture, "s=cr%t", &fetched);
  g_assert_no_error (fetched.error);

  expected = g_strconcat ("Basic ", "ZXhhbXBsZS5jb206cz1jciV0", NULL);
  g_assert_cmpstr (soup_message_headers_get_one (
                     rc_test_server_get_request (fixture->server, 0)->headers, "Authorization"),
                   ==, expected);
  /* No scope asked for: no scope parameter. */
  body = request_body (fixture->server, 0);
  g_assert_cmpstr (body, ==, "grant_type=client_credentials");

  rc_test_fetched_clear (&fetched);
}

/* A parameter Restcall sets itself would go twice: the request is refused
 * before it leaves, with where to set it instead. */
static void
test_own_param_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  RcTestFetched fetched = { 0 };

  rc_pair_list_append (rc_auth_get_token_params (fixture->auth), "audience",
                       "https://api.example.com/");
  rc_pair_list_append (rc_auth_get_token_params (fixture->auth), "grant_type", "password");
  fetch (fixture, "secret", &fetched);
  g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_assert_cmpstr (fetched.error->message, ==,
                   "“grant_type” cannot be an extra token parameter: Restcall sets it itself. "
                   "Restcall always sends grant_type=client_credentials.");
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);

  rc_test_fetched_clear (&fetched);
}

static void
test_redirect_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RcTestServer) elsewhere = rc_test_server_new (FALSE);
  g_autofree char *location = rc_test_server_url (elsewhere, "/steal");
  RcTestFetched fetched = { 0 };
  guint statuses[] = { 301, 302, 303, 307, 308 };

  fixture->location = location;
  fixture->content_type = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      fixture->status = statuses[i];
      fetch (fixture, "secret", &fetched);
      g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REDIRECTED);
      g_assert_nonnull (strstr (fetched.error->message, location));
    }

  /* The secret never reached the other server. */
  g_assert_cmpuint (elsewhere->requests->len, ==, 0);
  g_assert_cmpuint (fixture->server->requests->len, ==, G_N_ELEMENTS (statuses));

  rc_test_fetched_clear (&fetched);
}

/* The authorization server's text reaches the error escaped: a
 * redirect's Location (as it came, with a password), a reason phrase,
 * an error_description (whose control characters became spaces). */
static void
test_server_text_cleaned (Fixture       *fixture,
                          gconstpointer  data)
{
  RcTestFetched fetched = { 0 };

  fixture->status = 302;
  fixture->content_type = NULL;
  fixture->body = NULL;
  fixture->location = "https://user:hunter2@evil.example/\x1b[2J\x1b]0;pwned\x07";
  fetch (fixture, "secret", &fetched);
  g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REDIRECTED);
  g_assert_nonnull (
    strstr (fetched.error->message, "“https://user@evil.example/\\x1b[2J\\x1b]0;pwned\\x07”"));
  g_assert_null (strstr (fetched.error->message, "hunter2"));
  g_assert_null (strchr (fetched.error->message, '\x1b'));

  fixture->status = 400;
  fixture->location = NULL;
  fixture->content_type = "application/json";
  fixture->body =
    "{\"error\":\"invalid_client\",\"error_description\":\"\\u001b[2Jwrong\\u202esecret\"}";
  fetch (fixture, "secret", &fetched);
  g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED);
  g_assert_nonnull (strstr (fetched.error->message, "invalid_client: \\x1b[2Jwrong\\u202esecret"));

  rc_test_fetched_clear (&fetched);
}

/* A token URL's password is never echoed in a message (it was). */
static void
test_messages_hide_passwords (void)
{
  const char *urls[] = {
    "http://client:hunter2@auth.example.com/token",
    "ftp://client:hunter2@auth.example.com/token",
    "client:hunter2@auth.example.com/token",
  };
  const char *shown[] = {
    "“http://client@auth.example.com/token”",
    "“ftp://client@auth.example.com/token”",
    "“client@auth.example.com/token”",
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (rc_oauth_check_token_url (urls[i], &error));
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, shown[i]));
      g_assert_null (strstr (error->message, "hunter2"));
    }
}

static void
test_insecure_url_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  RcTestFetched fetched = { 0 };

  rc_auth_set_token_url (fixture->auth, "http://auth.example.com/token");
  fetch (fixture, "secret", &fetched);
  g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_assert_nonnull (strstr (fetched.error->message, "http://auth.example.com/token"));
  g_assert_cmpuint (rc_token_cache_get_n_requests (fixture->cache), ==, 0);

  rc_test_fetched_clear (&fetched);
}

static void
test_invalid_certificate (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RcTestServer) tls_server = rc_test_server_new (TRUE);
  g_autofree char *url = rc_test_server_url (tls_server, "/token");
  RcTestFetched fetched = { 0 };

  rc_auth_set_token_url (fixture->auth, url);
  fetch (fixture, "secret", &fetched);
  g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_NETWORK);
  g_assert_nonnull (strstr (fetched.error->message, "TLS certificate of “127.0.0.1” is not valid"));
  g_assert_nonnull (strstr (fetched.error->message, "not signed by a trusted authority"));
  /* Nothing was sent over the untrusted connection. */
  g_assert_cmpuint (tls_server->requests->len, ==, 0);

  rc_test_fetched_clear (&fetched);
}

typedef struct
{
  guint            status;
  const char      *content_type;
  const char      *body;
  RcTokenLifetime  lifetime;   /* when it succeeds */
  gint64           lifetime_seconds;
  int              error_code; /* -1: succeeds */
  const char      *fragments[3];
} ResponseCase;

static void
test_responses (Fixture       *fixture,
                gconstpointer  data)
{
  const char *json = "application/json";
  const ResponseCase cases[] = {
    { 200, json, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}",
      RC_TOKEN_LIFETIME_KNOWN, 3600, -1 },
    { 200, json, "{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":\"120\"}",
      RC_TOKEN_LIFETIME_KNOWN, 120, -1 },
    { 200, json, "{\"access_token\":\"t\",\"token_type\":\"BEARER\",\"expires_in\":2.9}",
      RC_TOKEN_LIFETIME_KNOWN, 2, -1 },
    { 200, json, "{\"access_token\":\"t\",\"token_type\":\"Bearer\"}", RC_TOKEN_LIFETIME_UNKNOWN, 0,
      -1 },
    { 200, json, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":null}",
      RC_TOKEN_LIFETIME_UNKNOWN, 0, -1 },
    { 200, json, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":0}",
      RC_TOKEN_LIFETIME_NONE, 0, -1 },
    { 200, json, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":-30}",
      RC_TOKEN_LIFETIME_NONE, 0, -1 },
    { 200, json, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":\"soon\"}",
      RC_TOKEN_LIFETIME_NONE, 0, -1 },
    { 200, json, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":true}",
      RC_TOKEN_LIFETIME_NONE, 0, -1 },
    { 200, json, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":1e300}",
      RC_TOKEN_LIFETIME_UNKNOWN, 0, -1 },
    { 200, json,
      "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":60,"
      "\"refresh_token\":\"r\",\"scope\":\"granted\"}",
      RC_TOKEN_LIFETIME_KNOWN, 60, -1 },
    /* Content types servers get wrong do not matter when the body is JSON. */
    { 200, "text/plain", "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":60}",
      RC_TOKEN_LIFETIME_KNOWN, 60, -1 },
    { 200,
      json,
      "{\"access_token\":\"t\",\"token_type\":\"mac\"}",
      0,
      0,
      RC_OAUTH_ERROR_UNSUPPORTED_TOKEN_TYPE,
      { "“mac”", "Bearer" } },
    { 200,
      json,
      "{\"token_type\":\"Bearer\"}",
      0,
      0,
      RC_OAUTH_ERROR_BAD_RESPONSE,
      { "without an access_token" } },
    { 200,
      json,
      "{\"access_token\":{},\"token_type\":\"Bearer\"}",
      0,
      0,
      RC_OAUTH_ERROR_BAD_RESPONSE,
      { "without an access_token" } },
    { 200,
      json,
      "{\"access_token\":\"\",\"token_type\":\"Bearer\"}",
      0,
      0,
      RC_OAUTH_ERROR_BAD_RESPONSE,
      { "without an access_token" } },
    { 400,
      json,
      "{\"error\":\"invalid_client\",\"error_description\":\"Client <b>auth</b>\\nfailed\"}",
      0,
      0,
      RC_OAUTH_ERROR_REFUSED,
      { "HTTP 400, invalid_client: Client <b>auth</b> failed", "other client authentication" } },
    { 401,
      json,
      "{\"error\":\"invalid_client\"}",
      0,
      0,
      RC_OAUTH_ERROR_REFUSED,
      { "HTTP 401, invalid_client)", "client ID and secret" } },
    { 400,
      json,
      "{\"error\":\"invalid_scope\",\"error_description\":\"nope\"}",
      0,
      0,
      RC_OAUTH_ERROR_REFUSED,
      { "invalid_scope: nope", "this server requires a scope" } },
    { 200,
      json,
      "{\"error\":\"server_error\"}",
      0,
      0,
      RC_OAUTH_ERROR_REFUSED,
      { "HTTP 200, server_error" } },
    { 500,
      "text/html",
      "<html><head><title>Oops</title></head><body>Internal</body></html>",
      0,
      0,
      RC_OAUTH_ERROR_BAD_RESPONSE,
      { "HTTP 500", "an HTML page", "Oops" } },
    { 503, NULL, NULL, 0, 0, RC_OAUTH_ERROR_BAD_RESPONSE, { "HTTP 503", "an empty body" } },
    { 200,
      "text/html",
      "<html>login</html>",
      0,
      0,
      RC_OAUTH_ERROR_BAD_RESPONSE,
      { "an HTML page", "not a JSON token response" } },
    { 200,
      "application/x-www-form-urlencoded",
      "access_token=t&token_type=bearer",
      0,
      0,
      RC_OAUTH_ERROR_BAD_RESPONSE,
      { "application/x-www-form-urlencoded", "access_token=t" } },
    { 200, json, "", 0, 0, RC_OAUTH_ERROR_BAD_RESPONSE, { "an empty body" } },
    { 200,
      json,
      "{\"access_token\":\"abc",
      0,
      0,
      RC_OAUTH_ERROR_BAD_RESPONSE,
      { "broken JSON", "cut off" } },
    { 200,
      json,
      "[\"access_token\"]",
      0,
      0,
      RC_OAUTH_ERROR_BAD_RESPONSE,
      { "not a JSON token response" } },
  };
  RcTestFetched fetched = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ResponseCase *c = &cases[i];

      g_test_message ("case %u: HTTP %u %s", i, c->status, c->body ? c->body : "(no body)");
      fixture->status = c->status;
      fixture->content_type = c->content_type;
      fixture->body = c->body;

      fetch (fixture, "secret", &fetched);

      if (c->error_code < 0)
        {
          g_assert_no_error (fetched.error);
          g_assert_cmpstr (rc_token_get_access_token (fetched.token), ==, "t");
          g_assert_cmpint (rc_token_get_lifetime (fetched.token), ==, c->lifetime);
          if (c->lifetime == RC_TOKEN_LIFETIME_KNOWN)
            {
              gint64 left = rc_token_get_expires_in (fetched.token);

              g_assert_cmpint (left, <=, c->lifetime_seconds);
              g_assert_cmpint (left, >=, c->lifetime_seconds - 2);
            }
          else
            g_assert_cmpint (rc_token_get_expires_in (fetched.token), ==, -1);
        }
      else
        {
          g_assert_null (fetched.token);
          g_assert_error (fetched.error, RC_OAUTH_ERROR, c->error_code);
          for (guint j = 0; j < G_N_ELEMENTS (c->fragments) && c->fragments[j]; j++)
            {
              g_test_message ("expecting “%s”", c->fragments[j]);
              g_assert_nonnull (strstr (fetched.error->message, c->fragments[j]));
            }
          /* The error names the server. */
          g_assert_nonnull (strstr (fetched.error->message, rc_auth_get_token_url (fixture->auth)));
          /* The record still shows what came back. */
          g_assert_nonnull (fetched.record);
          g_assert_true (rc_http_record_has_response (fetched.record));
          g_assert_cmpuint (rc_http_record_get_status (fetched.record), ==, c->status);
          g_assert_cmpstr (rc_http_record_get_error (fetched.record), ==, fetched.error->message);
        }
    }

  rc_test_fetched_clear (&fetched);
}

/* What the credentials were and how they went, for a refusal's hint. */
typedef enum {
  SENT_BASIC_AUTO,
  SENT_BASIC_RFC,
  SENT_BASIC_RAW,
  SENT_BODY,
} Sent;

typedef struct
{
  const char *what;
  guint       status;
  const char *content_type;
  const char *body;
  const char *secret;
  const char *scopes;
  Sent        sent;
  int         error_code;
  const char *fragments[4];
  const char *absent;       /* never in the message */
} RefusalCase;

#define TRICKY "p+ss/w%rd:=&?# x"

/* Every refusal quotes the server (its error and error_description, or its
 * body), then gives the hint that fits, and never one that does not. */
static void
test_refusal_hints (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *json = "application/json";
  const RefusalCase cases[] = {
    { "401 with an empty body: the client is refused, not the server broken",
      401,
      NULL,
      NULL,
      "secret",
      NULL,
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_REFUSED,
      { "refused the token request (HTTP 401 Unauthorized) with an empty body.",
        "The server refused the client without saying why. Check the client ID and secret, the "
        "client authentication (a Basic Auth header or the request body) and the scopes." },
      "try again later" },
    { "403 with an HTML page",
      403,
      "text/html",
      "<html><body>Forbidden client</body></html>",
      "secret",
      "pets:read",
      SENT_BODY,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 403 Forbidden) with an HTML page", "Forbidden client", "without saying why" },
      "try again later" },
    { "403 with an empty body, credentials the encoding changes (glewlwyd)",
      403,
      NULL,
      NULL,
      TRICKY,
      NULL,
      SENT_BASIC_RFC,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 403 Forbidden) with an empty body",
        "went RFC 6749-encoded into the Basic Auth header",
        "the server may compare the credentials unencoded" },
      "try again later" },
    { "invalid_client, RFC 6749-encoded, credentials the encoding changes",
      401,
      json,
      "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}",
      TRICKY,
      NULL,
      SENT_BASIC_RFC,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 401, invalid_client: client authentication failed)",
        "The client ID or secret holds characters that form-encoding changes, and they went RFC "
        "6749-encoded into the Basic Auth header. Check them; if they are right, the server may "
        "compare the credentials unencoded: choose the Automatic form, which tries both, or "
        "Unencoded; or send them in the request body (--client-auth body on the command line)." },
      "compares" },
    { "invalid_client, unencoded, credentials the encoding changes",
      401,
      json,
      "{\"error\":\"invalid_client\"}",
      TRICKY,
      NULL,
      SENT_BASIC_RAW,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 401, invalid_client)", "went unencoded into the Basic Auth header",
        "the server may decode them, as RFC 6749 requires", "request body" },
      "decodes" },
    { "invalid_client, both forms tried, credentials the encoding changes",
      401,
      json,
      "{\"error\":\"invalid_client\"}",
      TRICKY,
      NULL,
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 401, invalid_client)",
        "the server took them in the Basic Auth header neither RFC 6749-encoded nor unencoded",
        "the server may take the credentials only in the request body",
        "Sent once more with the client ID and secret unencoded, the request was refused too" },
      NULL },
    { "invalid_client, in the body, credentials the encoding changes",
      400,
      json,
      "{\"error\":\"invalid_client\"}",
      TRICKY,
      NULL,
      SENT_BODY,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 400, invalid_client)", "in the request body they are form-encoded",
        "the server may take the credentials only in a Basic Auth header",
        "both RFC 6749-encoded and unencoded" },
      NULL },
    { "invalid_client, credentials the encoding leaves alone: the forms are the same bytes",
      401,
      json,
      "{\"error\":\"invalid_client\"}",
      "s3cret",
      NULL,
      SENT_BASIC_RFC,
      RC_OAUTH_ERROR_REFUSED,
      { "Check the client ID and secret. If they are right, try the other client authentication" },
      "form-encoding" },
    { "unauthorized_client about the credentials (Keycloak)",
      401,
      json,
      "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid "
      "client credentials\"}",
      "s3cret",
      NULL,
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 401, unauthorized_client: Invalid client or Invalid client credentials)",
        "Check the client ID and secret. If they are right, try the other client authentication" },
      "may not use the client credentials grant" },
    { "unauthorized_client about an unknown client (Entra ID)",
      400,
      json,
      "{\"error\":\"unauthorized_client\",\"error_description\":\"AADSTS700016: Application "
      "with identifier 'x' was not found in the directory 'y'.\"}",
      "s3cret",
      NULL,
      SENT_BODY,
      RC_OAUTH_ERROR_REFUSED,
      { "unauthorized_client: AADSTS700016", "Check the client ID and secret" },
      "may not use the client credentials grant" },
    { "unauthorized_client about the grant",
      400,
      json,
      "{\"error\":\"unauthorized_client\",\"error_description\":\"grant not allowed\"}",
      "s3cret",
      NULL,
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_REFUSED,
      { "unauthorized_client: grant not allowed", "may not use the client credentials grant" },
      "Check the client ID" },
    { "invalid_scope, no scope sent",
      400,
      json,
      "{\"error\":\"invalid_scope\",\"error_description\":\"scope is required\"}",
      "s3cret",
      NULL,
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 400, invalid_scope: scope is required)",
        "No scope was sent, and this server requires a scope: enter the scopes the API needs "
        "(--scope on the command line)." },
      "does not grant" },
    { "scope_invalid, no scope sent",
      400,
      json,
      "{\"error\":\"scope_invalid\"}",
      "s3cret",
      NULL,
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 400, scope_invalid)", "this server requires a scope" },
      NULL },
    { "invalid_scope, scopes sent",
      400,
      json,
      "{\"error\":\"invalid_scope\"}",
      "s3cret",
      "pets:admin",
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 400, invalid_scope)", "Check the scopes: the server does not grant one of them" },
      "requires a scope" },
    { "access_denied about the audience",
      400,
      json,
      "{\"error\":\"access_denied\",\"error_description\":\"Token audience not allowed\"}",
      "s3cret",
      NULL,
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 400, access_denied: Token audience not allowed)",
        "Say which API the token is for with an extra token parameter, audience or resource, as "
        "the "
        "server expects (--token-param audience=… on the command line)." },
      NULL },
    { "invalid_target (RFC 8707)",
      400,
      json,
      "{\"error\":\"invalid_target\"}",
      "s3cret",
      NULL,
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 400, invalid_target)", "extra token parameter, audience or resource" },
      NULL },
    { "invalid_resource",
      400,
      json,
      "{\"error\":\"invalid_resource\"}",
      "s3cret",
      NULL,
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 400, invalid_resource)", "extra token parameter, audience or resource" },
      NULL },
    { "access_denied about something else",
      400,
      json,
      "{\"error\":\"access_denied\",\"error_description\":\"client disabled\"}",
      "s3cret",
      NULL,
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_REFUSED,
      { "access_denied: client disabled", "Check the authentication settings." },
      "audience or resource" },
    { "404 with a page",
      404,
      "text/html",
      "<html><h1>Not Found</h1></html>",
      "s3cret",
      NULL,
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_BAD_RESPONSE,
      { "answered HTTP 404 Not Found with an HTML page", "Not Found",
        "Check the access token URL: the server has no token endpoint at this address (HTTP "
        "404)." },
      "try again later" },
    { "404 with an OAuth error: the URL all the same",
      404,
      json,
      "{\"error\":\"invalid_request\",\"error_description\":\"unknown route\"}",
      "s3cret",
      NULL,
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_REFUSED,
      { "(HTTP 404, invalid_request: unknown route)", "Check the access token URL" },
      "authentication settings" },
    { "500: the server has a problem",
      500,
      NULL,
      NULL,
      "s3cret",
      NULL,
      SENT_BASIC_AUTO,
      RC_OAUTH_ERROR_BAD_RESPONSE,
      { "HTTP 500", "try again later" },
      "refused" },
  };
  RcTestFetched fetched = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RefusalCase *c = &cases[i];

      g_test_message ("case %u: %s", i, c->what);
      fixture->status = c->status;
      fixture->content_type = c->content_type;
      fixture->body = c->body;
      rc_auth_set_scopes (fixture->auth, c->scopes ? c->scopes : "");
      rc_auth_set_client_auth (fixture->auth, c->sent == SENT_BODY ? RC_CLIENT_AUTH_BODY
                                                                   : RC_CLIENT_AUTH_BASIC_HEADER);
      rc_auth_set_basic_form (fixture->auth, c->sent == SENT_BASIC_RFC ? RC_BASIC_FORM_RFC
                                             : c->sent == SENT_BASIC_RAW ? RC_BASIC_FORM_RAW
                                             : RC_BASIC_FORM_AUTO);

      fetch (fixture, c->secret, &fetched);
      g_assert_null (fetched.token);
      g_assert_error (fetched.error, RC_OAUTH_ERROR, c->error_code);
      for (guint j = 0; j < G_N_ELEMENTS (c->fragments) && c->fragments[j]; j++)
        {
          g_test_message ("expecting “%s”", c->fragments[j]);
          g_assert_nonnull (strstr (fetched.error->message, c->fragments[j]));
        }
      if (c->absent)
        g_assert_null (strstr (fetched.error->message, c->absent));
      g_assert_null (strstr (fetched.error->message, TRICKY));
    }

  rc_test_fetched_clear (&fetched);
}

static void
test_granted_scopes (Fixture       *fixture,
                     gconstpointer  data)
{
  RcTestFetched fetched = { 0 };

  rc_auth_set_scopes (fixture->auth, "a b");
  fetch (fixture, "secret", &fetched);
  g_assert_cmpstr (rc_token_get_scopes (fetched.token), ==, "a b");
  g_assert_true (rc_token_get_scopes_unsaid (fetched.token));

  fixture->body = "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"scope\":\"a\"}";
  fetch (fixture, "secret", &fetched);
  g_assert_cmpstr (rc_token_get_scopes (fetched.token), ==, "a");
  g_assert_false (rc_token_get_scopes_unsaid (fetched.token));

  rc_test_fetched_clear (&fetched);
}

/* Some servers leave token_type out: the token is taken for a Bearer
 * token, and says so; a type said is never doubted. */
static void
test_type_unsaid (Fixture       *fixture,
                  gconstpointer  data)
{
  RcTestFetched fetched = { 0 };

  fetch (fixture, "secret", &fetched);
  g_assert_false (rc_token_get_type_unsaid (fetched.token));

  fixture->body = "{\"access_token\":\"t\",\"expires_in\":60}";
  fetch (fixture, "secret", &fetched);
  g_assert_no_error (fetched.error);
  g_assert_cmpstr (rc_token_get_access_token (fetched.token), ==, "t");
  g_assert_true (rc_token_get_type_unsaid (fetched.token));

  fixture->body = "{\"access_token\":\"t\",\"token_type\":\"\"}";
  fetch (fixture, "secret", &fetched);
  g_assert_no_error (fetched.error);
  g_assert_true (rc_token_get_type_unsaid (fetched.token));

  rc_test_fetched_clear (&fetched);
}

static void
test_jwt_expiry (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *claims =
    g_strdup_printf ("{\"sub\":\"x\",\"exp\":%" G_GINT64_FORMAT "}", now + 300);
  g_autofree char *jwt = rc_test_make_jwt ("{\"alg\":\"none\"}", claims);
  g_autofree char *body =
    g_strdup_printf ("{\"access_token\":\"%s\",\"token_type\":\"Bearer\"}", jwt);
  g_autofree char *with_expires_in =
    g_strdup_printf ("{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":60}", jwt);
  RcTestFetched fetched = { 0 };
  gint64 exp;

  g_assert_true (rc_jwt_get_expiry (jwt, &exp));
  g_assert_cmpint (exp, ==, now + 300);
  g_assert_false (rc_jwt_get_expiry ("not.a-jwt", &exp));
  g_assert_false (rc_jwt_get_expiry ("a.%%%.c", &exp));

  /* Without expires_in, the JWT's exp says how long to cache. */
  fixture->body = body;
  fetch (fixture, "secret", &fetched);
  g_assert_cmpint (rc_token_get_lifetime (fetched.token), ==, RC_TOKEN_LIFETIME_KNOWN);
  g_assert_cmpint (rc_token_get_expires_in (fetched.token), >=, 297);
  g_assert_cmpint (rc_token_get_expires_in (fetched.token), <=, 300);

  /* expires_in wins when both are there. */
  fixture->body = with_expires_in;
  fetch (fixture, "secret", &fetched);
  g_assert_cmpint (rc_token_get_expires_in (fetched.token), <=, 60);

  rc_test_fetched_clear (&fetched);
}

/* exp claims at and past either end of gint64, without expires_in: read
 * as expires_in is (this overflowed, and the token was never cached). */
static void
test_jwt_expiry_extremes (Fixture       *fixture,
                          gconstpointer  data)
{
  struct {
    const char      *exp;
    RcTokenLifetime  lifetime;
  } cases[] = {
    { "9e18", RC_TOKEN_LIFETIME_UNKNOWN },
    { "9223372036854775807", RC_TOKEN_LIFETIME_UNKNOWN },
    { "1e300", RC_TOKEN_LIFETIME_UNKNOWN },
    { "-9223372036854775808", RC_TOKEN_LIFETIME_NONE },
    { "-1e300", RC_TOKEN_LIFETIME_NONE },
  };
  RcTestFetched fetched = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *claims = g_strdup_printf ("{\"sub\":\"x\",\"exp\":%s}", cases[i].exp);
      g_autofree char *jwt = rc_test_make_jwt ("{\"alg\":\"none\"}", claims);
      g_autofree char *body =
        g_strdup_printf ("{\"access_token\":\"%s\",\"token_type\":\"Bearer\"}", jwt);

      g_test_message ("exp: %s", cases[i].exp);
      fixture->body = body;
      fetch (fixture, "secret", &fetched);
      g_assert_no_error (fetched.error);
      g_assert_cmpint (rc_token_get_lifetime (fetched.token), ==, cases[i].lifetime);
      g_assert_cmpint (rc_token_get_expires_in (fetched.token), ==, -1);
      g_assert_cmpint (rc_token_is_cacheable (fetched.token), ==,
                       cases[i].lifetime == RC_TOKEN_LIFETIME_UNKNOWN);
    }

  fixture->body = NULL;
  rc_test_fetched_clear (&fetched);
}

/* A token response the parser accepts is masked in the record whatever
 * its Content-Type (text/plain, none): it was printed in full. */
static void
test_masked_whatever_type (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *types[] = { "application/json", "text/plain", "application/octet-stream", NULL };
  const char *token = "abcdefghijklmnopqrstuvwxyz0123456789";
  RcTestFetched fetched = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *response = NULL;
      g_autofree char *revealed = NULL;

      g_test_message ("Content-Type: %s", types[i] ? types[i] : "(none)");
      fixture->content_type = types[i];
      fetch (fixture, "secret", &fetched);
      g_assert_no_error (fetched.error);
      g_assert_cmpstr (rc_token_get_access_token (fetched.token), ==, token);

      response = rc_http_record_format_response (fetched.record, FALSE);
      g_assert_null (strstr (response, token));
      g_assert_nonnull (strstr (response, "\"access_token\""));
      revealed = rc_http_record_format_response (fetched.record, TRUE);
      g_assert_nonnull (strstr (revealed, token));
    }

  rc_test_fetched_clear (&fetched);
}

/* @depth nested arrays in place of the %s in @format. */
static char *
nest_in (const char *format,
         guint       depth)
{
  g_autofree char *open = g_strnfill (depth, '[');
  g_autofree char *close = g_strnfill (depth, ']');
  const char *at = strstr (format, "%s");
  g_autofree char *before = g_strndup (format, at - format);

  return g_strconcat (before, open, close, at + 2, NULL);
}

/* Answers nested deep enough to overflow json-glib's recursive parser, in
 * the token, in the error, and in a JWT's claims: refused in words, shown
 * as text in the record, never a crash. */
static void
test_deep_json (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *deep_token = nest_in ("{\"access_token\":%s,\"token_type\":\"Bearer\"}", 100000);
  g_autofree char *deep_error = nest_in ("{\"error\":%s}", 100000);
  g_autofree char *claims = nest_in ("{\"sub\":%s,\"exp\":1}", 100000);
  g_autofree char *jwt = rc_test_make_jwt ("{\"alg\":\"none\"}", claims);
  g_autofree char *jwt_body =
    g_strdup_printf ("{\"access_token\":\"%s\",\"token_type\":\"Bearer\"}", jwt);
  const char *deep_bodies[] = { deep_token, deep_error };
  RcTestFetched fetched = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (deep_bodies); i++)
    {
      g_autofree char *response = NULL;

      fixture->body = deep_bodies[i];
      fetch (fixture, "secret", &fetched);
      g_assert_null (fetched.token);
      g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_BAD_RESPONSE);
      g_assert_nonnull (strstr (fetched.error->message, "nests deeper than 1000 levels"));
      g_assert_nonnull (strstr (fetched.error->message, rc_auth_get_token_url (fixture->auth)));

      /* The inspector's pane: the body as it came, not parsed. */
      response = rc_http_record_format_response (fetched.record, FALSE);
      g_assert_nonnull (strstr (response, "[[[[[[[["));
    }

  /* A JWT too deep to read is an opaque token: used, its expiry unknown. */
  fixture->body = jwt_body;
  fetch (fixture, "secret", &fetched);
  g_assert_no_error (fetched.error);
  g_assert_cmpint (rc_token_get_lifetime (fetched.token), ==, RC_TOKEN_LIFETIME_UNKNOWN);
  {
    gint64 exp = 0;

    g_assert_false (rc_jwt_get_expiry (jwt, &exp));
  }

  fixture->body = NULL;
  rc_test_fetched_clear (&fetched);
}

static void
close_connection (RcTestServer      *server,
                  SoupServerMessage *message,
                  const char        *path,
                  gpointer           user_data)
{
  GIOStream *stream = soup_server_message_steal_connection (message);

  g_io_stream_close (stream, NULL, NULL);
  g_object_unref (stream);
}

static void
test_connection_reset (Fixture       *fixture,
                       gconstpointer  data)
{
  RcTestFetched fetched = { 0 };

  fixture->server->handler = close_connection;
  fetch (fixture, "secret", &fetched);
  g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_NETWORK);
  g_assert_nonnull (strstr (fetched.error->message, "Could not reach the authorization server at"));
  g_assert_nonnull (strstr (fetched.error->message, rc_auth_get_token_url (fixture->auth)));

  rc_test_fetched_clear (&fetched);
}

static void
never_answer (RcTestServer      *server,
              SoupServerMessage *message,
              const char        *path,
              gpointer           user_data)
{
  GPtrArray *paused = user_data;

  soup_server_message_pause (message);
  g_ptr_array_add (paused, g_object_ref (message));
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) paused = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 1, NULL);
  g_autoptr(RcTokenCache) cache = rc_token_cache_new (session);
  RcTestFetched fetched = { 0 };

  /* The server never answers: the fetch ends by the session's timeout. */
  fixture->server->handler = never_answer;
  fixture->server->handler_data = paused;

  rc_token_cache_get_token_async (cache, fixture->auth, "secret", NULL, NULL, rc_test_fetched_cb,
                                  &fetched);
  rc_test_wait_for (&fetched.done, 10);
  g_assert_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_NETWORK);
  g_assert_nonnull (strstr (fetched.error->message, "did not answer in time"));

  for (guint i = 0; i < paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (paused, i));
  rc_test_fetched_clear (&fetched);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/oauth/form-encode", test_form_encode);
  g_test_add_func ("/restcall/oauth/basic-golden", test_basic_golden);
  g_test_add_func ("/restcall/oauth/token-url-checks", test_token_url_checks);
  g_test_add_func ("/restcall/oauth/messages-hide-passwords", test_messages_hide_passwords);

#define ADD(path, func) \
  g_test_add ("/restcall/oauth/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("request-basic-header", test_request_basic_header);
  ADD ("request-body", test_request_body);
  ADD ("raw-basic", test_raw_basic);
  ADD ("own-param-refused", test_own_param_refused);
  ADD ("redirect-refused", test_redirect_refused);
  ADD ("insecure-url-refused", test_insecure_url_refused);
  ADD ("invalid-certificate", test_invalid_certificate);
  ADD ("responses", test_responses);
  ADD ("refusal-hints", test_refusal_hints);
  ADD ("granted-scopes", test_granted_scopes);
  ADD ("type-unsaid", test_type_unsaid);
  ADD ("jwt-expiry", test_jwt_expiry);
  ADD ("jwt-expiry-extremes", test_jwt_expiry_extremes);
  ADD ("deep-json", test_deep_json);
  ADD ("masked-whatever-type", test_masked_whatever_type);
  ADD ("connection-reset", test_connection_reset);
  ADD ("timeout", test_timeout);
  ADD ("server-text-cleaned", test_server_text_cleaned);

#undef ADD

  return g_test_run ();
}
