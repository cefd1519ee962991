/* test-cli-call.c: `restcall call`, `run` and `token`, run as a user would
 *
 * Runs the real `restcall` binary, without a display, against a scripted
 * SoupServer on 127.0.0.1 that is both the authorization server (/token)
 * and the API (/api/…). The server lives in this process's main context,
 * so the binary runs as a GSubprocess while the context iterates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "restcall-core.h"
#include "rc-test-cli.h"
#include "rc-test-server.h"

#define ACCESS_TOKEN "tok-abcdefghijklmnopqrstuvwxyz0123456789"
#define CLIENT_ID "example.com"
#define CLIENT_SECRET "s=cr%t"
/* Basic base64(form-encode(id) ":" form-encode(secret)), RFC 6749 §2.3.1. */
#define CLIENT_CREDENTIALS "ZXhhbXBsZS5jb206cyUzRGNyJTI1dA=="
#define CLIENT_BASIC "Basic " CLIENT_CREDENTIALS
/* Basic base64(id ":" secret), for servers that compare them unencoded. */
#define CLIENT_RAW_CREDENTIALS "ZXhhbXBsZS5jb206cz1jciV0"
#define CLIENT_RAW_BASIC "Basic " CLIENT_RAW_CREDENTIALS
#define API_BODY "{\"pets\": [\"Rex\", \"Tom\"]}\n"

typedef struct
{
  RcTestServer *server;
  char         *token_url;
  char         *api_url;
  guint         api_status;     /* what /api answers when the token is right */
  gboolean      refused_once;   /* /api/refused-once has answered 401 */
  guint64       written;        /* body bytes sent by /endless… */
} Fixture;

static const char * const secret_env[] = { "RC_TEST_SECRET=" CLIENT_SECRET, NULL };

static void
server_handler (RcTestServer      *server,
                SoupServerMessage *message,
                const char        *path,
                gpointer           user_data)
{
  Fixture *fixture = user_data;
  const char *authorization = soup_message_headers_get_one (
    soup_server_message_get_request_headers (message), "Authorization");

  if (g_str_equal (path, "/token-unencoded") && g_strcmp0 (authorization, CLIENT_RAW_BASIC) != 0)
    rc_test_respond (message, 401, "application/json", "{\"error\": \"invalid_client\"}");
  else if (g_str_equal (path, "/token-refused"))
    rc_test_respond (message, 401, "application/json",
                     "{\"error\": \"invalid_client\", \"error_description\": \"unknown client\"}");
  else if (g_str_equal (path, "/token-busy"))
    rc_test_respond (message, 503, "text/plain", "busy");
  else if (g_str_equal (path, "/token") || g_str_equal (path, "/token-unencoded"))
    rc_test_respond (message, 200, "application/json",
                     "{\"access_token\": \"" ACCESS_TOKEN "\", \"token_type\": \"bearer\", "
                     "\"expires_in\": 3600, \"scope\": \"read write\"}");
  else if (g_str_equal (path, "/token-crlf"))
    rc_test_respond (message, 200, "application/json",
                     "{\"access_token\": \"" ACCESS_TOKEN
                     "\\r\\nX-Evil: 1\", \"token_type\": \"bearer\"}");
  else if (g_str_has_prefix (path, "/api/hang"))
    soup_server_message_pause (message);
  else if (g_str_equal (path, "/endless") || g_str_equal (path, "/token-endless"))
    /* As good as endless: 48 MiB at most, so that a client without a cap
     * ends too. */
    rc_test_respond_stream (message, 200, "application/json", 48 << 20, 0, &fixture->written);
  else if (g_str_has_prefix (path, "/api/basic"))
    rc_test_respond (message, 200, "text/plain", "basic ok");
  else if (g_str_has_prefix (path, "/api/hostile-redirect"))
    {
      /* Text meant for a terminal: clear the screen, set the title. */
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Location",
                                    "https://user:hunter2@evil.example/\x1b[2J\x1b]0;pwned\x07");
      rc_test_respond (message, 302, "text/plain", "moved");
    }
  else if (g_str_has_prefix (path, "/api/hostile-challenge"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    "WWW-Authenticate",
                                    "Bearer error=\"insufficient_scope\", scope=\"admin\x1b[8m\", "
                                    "error_description=\"\x1b[2Jdenied\"");
      rc_test_respond (message, 403, "text/plain", "denied");
    }
  else if (g_str_has_prefix (path, "/api/audience"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    "WWW-Authenticate",
                                    "Bearer realm=\"pets\", error=\"invalid_token\", "
                                    "error_description=\"token is for another audience\"");
      rc_test_respond (message, 401, "text/plain", "wrong audience");
    }
  else if (g_str_has_prefix (path, "/api/refused-once") && !fixture->refused_once)
    {
      fixture->refused_once = TRUE;
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    "WWW-Authenticate", "Bearer error=\"invalid_token\"");
      rc_test_respond (message, 401, "text/plain", "expired");
    }
  else if (g_strcmp0 (authorization, "Bearer " ACCESS_TOKEN) != 0)
    rc_test_respond (message, 401, "text/plain", "wrong token");
  else if (g_str_has_prefix (path, "/api/deep"))
    {
      g_autofree char *open = g_strnfill (100000, '[');
      g_autofree char *close = g_strnfill (100000, ']');
      g_autofree char *deep =
        g_strconcat ("{\"access_token\": \"" ACCESS_TOKEN "\", \"a\": ", open, close, "}", NULL);

      rc_test_respond (message, 200, "application/json", deep);
    }
  else if (g_str_has_prefix (path, "/api/fail"))
    rc_test_respond (message, 500, "text/plain", "boom");
  else
    rc_test_respond (message, fixture->api_status, "application/json", API_BODY);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = server_handler;
  fixture->server->handler_data = fixture;
  fixture->token_url = rc_test_server_url (fixture->server, "/token");
  fixture->api_url = rc_test_server_url (fixture->server, "/api/pets");
  fixture->api_status = 200;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->token_url, g_free);
  g_clear_pointer (&fixture->api_url, g_free);
  g_clear_pointer (&fixture->server, rc_test_server_free);
}

static GHashTable *
decode_form (RcTestRequest *request)
{
  g_autofree char *body = g_strndup (g_bytes_get_data (request->body, NULL),
                                     g_bytes_get_size (request->body));

  return soup_form_decode (body);
}

static const char *
header (RcTestRequest *request,
        const char    *name)
{
  return soup_message_headers_get_one (request->headers, name);
}

/* @text with every @from replaced by @to. */
static char *
replace_all (const char *text,
                 const char *from,
                 const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

/* A secret must never be printed, nor the whole token. */
static void
assert_no_secrets (RcTestRun *run)
{
  rc_test_assert_lacks (run->out, CLIENT_SECRET, ACCESS_TOKEN, NULL);
  rc_test_assert_lacks (run->err, CLIENT_SECRET, ACCESS_TOKEN, NULL);
}

static void
test_bearer_get (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };
  g_autoptr(GHashTable) form = NULL;
  RcTestRequest *token_request, *api_request;

  rc_test_run_restcall (&run, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url", fixture->token_url,
                        "--scope", "read write", "--token-param",
                        "audience=https://api.example.com", "-H", "X-Trace: abc 123", "-H",
                        "Accept:application/json", fixture->api_url);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, API_BODY);
  g_assert_cmpstr (run.err, ==, "");

  g_assert_cmpuint (fixture->server->requests->len, ==, 2);

  /* The token request: RFC 6749 §4.4.2, client authentication §2.3.1. */
  token_request = rc_test_server_get_request (fixture->server, 0);
  g_assert_cmpstr (token_request->path, ==, "/token");
  g_assert_cmpstr (token_request->method, ==, "POST");
  g_assert_cmpstr (header (token_request, "Content-Type"), ==, "application/x-www-form-urlencoded");
  g_assert_cmpstr (header (token_request, "Authorization"), ==, CLIENT_BASIC);
  form = decode_form (token_request);
  g_assert_cmpuint (g_hash_table_size (form), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (form, "grant_type"), ==, "client_credentials");
  g_assert_cmpstr (g_hash_table_lookup (form, "scope"), ==, "read write");
  g_assert_cmpstr (g_hash_table_lookup (form, "audience"), ==, "https://api.example.com");

  /* The API call, with the token and the headers typed. */
  api_request = rc_test_server_get_request (fixture->server, 1);
  g_assert_cmpstr (api_request->method, ==, "GET");
  g_assert_cmpstr (api_request->path, ==, "/api/pets");
  g_assert_cmpstr (header (api_request, "Authorization"), ==, "Bearer " ACCESS_TOKEN);
  g_assert_cmpstr (header (api_request, "X-Trace"), ==, "abc 123");
  g_assert_cmpstr (header (api_request, "Accept"), ==, "application/json");
}

/* --inspect masks a JSON answer by parsing it: one nested too deep to
 * parse is shown as it came (this crashed the process). */
static void
test_inspect_deep (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };
  g_autofree char *url = rc_test_server_url (fixture->server, "/api/deep");

  rc_test_run_restcall (&run, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url", fixture->token_url,
                        "--inspect", url);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "── API response ──\nHTTP/1.1 200"));
  g_assert_nonnull (strstr (run.out, "\"a\": [[[[[[[["));
}

/* A server that compares the Basic credentials unencoded: the second
 * form is sent once, for the first call only, and --inspect shows both
 * attempts; a form given is sent alone. */
static void
test_basic_form (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) rfc = { 0 };
  g_autofree char *token_url = rc_test_server_url (fixture->server, "/token-unencoded");
  const char *attempt_1, *attempt_2;

  rc_test_run_restcall (&run, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url", token_url,
                        "--repeat", "3", "--inspect", fixture->api_url);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token-unencoded"), ==, 2);
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/api"), ==, 3);
  g_assert_cmpstr (header (g_ptr_array_index (fixture->server->requests, 0), "Authorization"), ==,
                   CLIENT_BASIC);
  g_assert_cmpstr (header (g_ptr_array_index (fixture->server->requests, 1), "Authorization"), ==,
                   CLIENT_RAW_BASIC);

  attempt_1 = strstr (run.out, "Attempt 1 of 2, client ID and secret RFC 6749-encoded:\nPOST ");
  attempt_2 = strstr (run.out, "Attempt 2 of 2, client ID and secret unencoded:\nPOST ");
  g_assert_nonnull (attempt_1);
  g_assert_nonnull (attempt_2);
  g_assert_true (attempt_1 < attempt_2);
  g_assert_nonnull (
    strstr (run.out, "Attempt 1 of 2, client ID and secret RFC 6749-encoded:\nHTTP/1.1 401"));
  g_assert_nonnull (strstr (run.out, "compares the credentials unencoded"));
  g_assert_null (strstr (run.out, CLIENT_CREDENTIALS));
  g_assert_null (strstr (run.out, CLIENT_RAW_CREDENTIALS));
  assert_no_secrets (&run);

  /* RFC 6749 encoding, chosen: one request, refused. */
  rc_test_run_restcall (&rfc, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url", token_url,
                        "--basic-form", "rfc", fixture->api_url);
  g_assert_cmpint (rfc.status, ==, 9);
  g_assert_nonnull (strstr (rfc.err, "invalid_client"));
  g_assert_null (strstr (rfc.err, "Sent once more"));
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token-unencoded"), ==, 3);
}

/* Finds each of @parts in @text, in this order, one after the other. */
static void
assert_in_order (const char         *text,
                 const char * const *parts)
{
  const char *at = text;

  for (guint i = 0; parts[i]; i++)
    {
      const char *found = strstr (at, parts[i]);

      if (found == NULL)
        g_error ("“%s” is not after “%.60s…” in:\n%s", parts[i], at, text);
      at = found + strlen (parts[i]);
    }
}

/* --inspect prints every exchange in the order it happened: both
 * attempts of the automatic Basic form, the API's 401, the new token and
 * the replay. */
static void
test_inspect_order (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *token_url = rc_test_server_url (fixture->server, "/token-unencoded");
  g_autofree char *api_url = rc_test_server_url (fixture->server, "/api/refused-once");
  g_auto(RcTestRun) run = { 0 };
  const char * const order[] = {
    "── Authorization server request ──\n"
    "Attempt 1 of 2, client ID and secret RFC 6749-encoded:\nPOST ",
    "── Authorization server response ──\n"
    "Attempt 1 of 2, client ID and secret RFC 6749-encoded:\nHTTP/1.1 401",
    "── Authorization server request ──\n"
    "Attempt 2 of 2, client ID and secret unencoded:\nPOST ",
    "── Authorization server response ──\n"
    "Attempt 2 of 2, client ID and secret unencoded:\nHTTP/1.1 200",
    "── API request ──\nGET ",
    "── API response ──\nHTTP/1.1 401",
    "── Authorization server request ──\nPOST ",
    "── Authorization server response ──\nHTTP/1.1 200",
    "── API request ──\nGET ",
    "── API response ──\nHTTP/1.1 200",
    "── Notes ──\n",
    NULL
  };

  rc_test_run_restcall (&run, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url", token_url,
                        "--inspect", api_url);
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token-unencoded"), ==, 3);
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/api"), ==, 2);
  assert_in_order (run.out, order);
  assert_no_secrets (&run);
}

static void
test_secret_stdin (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };
  g_autoptr(GHashTable) form = NULL;
  RcTestRequest *token_request;

  rc_test_run_restcall (&run, CLIENT_SECRET "\n", NULL, "call", "--client-id", CLIENT_ID,
                        "--client-secret-stdin", "--client-auth", "body", "--token-url",
                        fixture->token_url, "-X", "post", "-d", "{\"name\": \"Rex\"}",
                        fixture->api_url);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, API_BODY);
  assert_no_secrets (&run);

  /* Client credentials in the body, and no Authorization header. */
  token_request = rc_test_find_request (fixture->server, "/token");
  g_assert_null (header (token_request, "Authorization"));
  form = decode_form (token_request);
  g_assert_cmpstr (g_hash_table_lookup (form, "client_id"), ==, CLIENT_ID);
  g_assert_cmpstr (g_hash_table_lookup (form, "client_secret"), ==, CLIENT_SECRET);
  g_assert_false (g_hash_table_contains (form, "scope"));

  g_assert_cmpstr (rc_test_find_request (fixture->server, "/api")->method, ==, "POST");
  g_assert_cmpstr (header (rc_test_find_request (fixture->server, "/api"), "Content-Type"), ==,
                   "application/json");

  /* Standard input that ends before a secret: a clear error. */
  {
    g_auto(RcTestRun) empty = { 0 };

    rc_test_run_restcall (&empty, "", NULL, "call", "--client-id", CLIENT_ID,
                          "--client-secret-stdin", "--token-url", fixture->token_url,
                          fixture->api_url);
    g_assert_cmpint (empty.status, ==, 1);
    g_assert_nonnull (strstr (empty.err, "Standard input ended before a secret was read"));
    g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token"), ==, 1);
  }
}

static void
test_repeat_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };
  g_autoptr(JsonObject) report = NULL;
  JsonObject *statuses;

  rc_test_run_restcall (&run, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url", fixture->token_url,
                        "--repeat", "20", "--concurrency", "5", "--json", fixture->api_url);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* Exactly one token request for the 20 calls, as the server saw it. */
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token"), ==, 1);
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/api"), ==, 20);

  report = rc_test_parse_object (run.out);
  g_assert_cmpint (json_object_get_int_member (report, "calls"), ==, 20);
  g_assert_cmpint (json_object_get_int_member (report, "successes"), ==, 20);
  g_assert_cmpint (json_object_get_int_member (report, "failures"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "token_requests"), ==, 1);
  statuses = json_object_get_object_member (report, "status_counts");
  g_assert_cmpuint (json_object_get_size (statuses), ==, 1);
  g_assert_cmpint (json_object_get_int_member (statuses, "200"), ==, 20);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (report, "failure_codes")),
                    ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "errors")), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (report, "median_ms"), >, 0);
  g_assert_cmpfloat (json_object_get_double_member (report, "median_ms"), <=,
                     json_object_get_double_member (report, "total_ms"));
}

static void
test_repeat_summary (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };

  fixture->api_status = 201;
  rc_test_run_restcall (&run, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url", fixture->token_url,
                        "--repeat", "4", "--concurrency", "2", fixture->api_url);
  g_assert_cmpint (run.status, ==, 0);

  /* No bodies, one line on stderr. */
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "restcall: 4 calls in "));
  g_assert_nonnull (strstr (run.err, "4 succeeded, 0 failed; HTTP 201 ×4; 1 token request."));
  g_assert_nonnull (strchr (run.err, '\n'));
  g_assert_cmpstr (strchr (run.err, '\n'), ==, "\n");
}

/* The API's words when it refuses the token, on the one line a failed
 * call prints; a token for another audience is not asked for again. */
static void
test_api_refusal (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *url = rc_test_server_url (fixture->server, "/api/audience");
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall (&run, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url", fixture->token_url,
                        url);
  g_assert_cmpint (run.status, ==, 10);
  g_assert_nonnull (strstr (run.err, "answered HTTP 401 Unauthorized. The API refused the token: "
                                     "invalid_token — token is for another audience. A new token "
                                     "would be for the same audience"));
  g_assert_nonnull (strstr (run.err, "--token-param audience="));
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token"), ==, 1);
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/api"), ==, 1);
}

/* A token request refused for good is not sent again by the calls that
 * follow: the summary and the report count them apart. A server that is
 * only busy is asked again by each call. */
static void
test_repeat_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *refused_url = rc_test_server_url (fixture->server, "/token-refused");
  g_autofree char *busy_url = rc_test_server_url (fixture->server, "/token-busy");
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) json = { 0 };
  g_auto(RcTestRun) busy = { 0 };
  const char *not_sent = "The token request was refused (invalid_client); Restcall did not "
                         "ask again.";
  g_autoptr(JsonObject) report = NULL;
  JsonObject *error;
  JsonArray *errors;

  rc_test_run_restcall (&run, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--client-auth", "body",
                        "--token-url", refused_url, "--repeat", "20", "--concurrency", "4",
                        fixture->api_url);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 9);
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token-refused"), ==, 1);
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/api"), ==, 0);
  /* The four calls that waited for the request get its refusal. */
  g_assert_nonnull (strstr (run.err, "0 succeeded, 20 failed; no response ×4: The authorization "
                                     "server at "));
  g_assert_nonnull (strstr (run.err, "; 16 calls not sent: The token request was refused "
                                     "(invalid_client); Restcall did not ask again.; 1 token "
                                     "request."));

  rc_test_run_restcall (&json, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--client-auth", "body",
                        "--token-url", refused_url, "--repeat", "5", "--json", fixture->api_url);
  g_assert_cmpint (json.status, ==, 9);
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token-refused"), ==, 2);
  report = rc_test_parse_object (json.out);
  g_assert_cmpint (json_object_get_int_member (report, "token_requests"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (
                     json_object_get_object_member (report, "failure_codes"), "token-refused"),
                   ==, 5);
  /* The calls not sent, then the one that waited for the refusal. */
  errors = json_object_get_array_member (report, "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 2);
  error = json_array_get_object_element (errors, 0);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "token-refused");
  g_assert_cmpstr (json_object_get_string_member (error, "message"), ==, not_sent);
  g_assert_cmpint (json_object_get_int_member (error, "count"), ==, 4);
  error = json_array_get_object_element (errors, 1);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "token-refused");
  g_assert_cmpint (json_object_get_int_member (error, "count"), ==, 1);

  rc_test_run_restcall (&busy, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--client-auth", "body",
                        "--token-url", busy_url, "--repeat", "3", fixture->api_url);
  g_assert_cmpint (busy.status, ==, 1);
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token-busy"), ==, 3);
  g_assert_null (strstr (busy.err, "not sent"));
}

static void
test_authorization_overridden (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall (&run, NULL, secret_env, "call", "--auth", "oauth2-cc", "--client-id",
                        CLIENT_ID, "--client-secret-env", "RC_TEST_SECRET", "--token-url",
                        fixture->token_url, "-H", "Authorization: typed-by-hand", "--inspect",
                        fixture->api_url);
  g_assert_cmpint (run.status, ==, 0);

  /* The server saw the token, not the header typed by hand. */
  g_assert_cmpstr (header (rc_test_find_request (fixture->server, "/api"), "Authorization"), ==,
                   "Bearer " ACCESS_TOKEN);

  /* The four parts, masked, and the note. */
  g_assert_nonnull (strstr (run.out, "── API request ──"));
  g_assert_nonnull (strstr (run.out, "── API response ──"));
  g_assert_nonnull (strstr (run.out, "── Authorization server request ──"));
  g_assert_nonnull (strstr (run.out, "── Authorization server response ──"));
  g_assert_nonnull (strstr (run.out, "grant_type=client_credentials"));
  g_assert_nonnull (strstr (run.out, "Authorization: Bearer tok-ab"));
  g_assert_nonnull (strstr (run.out, "replaced by the OAuth 2.0 token"));
  g_assert_null (strstr (run.out, "ZXhhbXBsZS5jb206"));
  assert_no_secrets (&run);
}

static void
test_server_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *url = rc_test_server_url (fixture->server, "/api/fail");
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall (&run, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url", fixture->token_url,
                        url);
  g_assert_cmpint (run.status, ==, 11);

  /* The body as received, and one line naming the call and the status. */
  g_assert_cmpstr (run.out, ==, "boom");
  g_assert_nonnull (strstr (run.err, url));
  g_assert_nonnull (strstr (run.err, "500"));
  g_assert_cmpstr (strchr (run.err, '\n'), ==, "\n");
}

static void
test_token_server_unreachable (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(RcTestServer) gone = rc_test_server_new (FALSE);
  g_autofree char *token_url = rc_test_server_url (gone, "/token");
  g_autofree char *host_port = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (gone->base));
  g_auto(RcTestRun) run = { 0 };

  /* Nothing listens there any more. */
  g_clear_pointer (&gone, rc_test_server_free);

  rc_test_run_restcall (&run, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url", token_url,
                        "--timeout", "10", fixture->api_url);
  g_assert_cmpint (run.status, ==, 6);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "authorization server"));
  g_assert_nonnull (strstr (run.err, host_port));
  g_assert_cmpstr (strchr (run.err, '\n'), ==, "\n");

  /* No API call without a token. */
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *url = rc_test_server_url (fixture->server, "/api/hang");
  g_auto(RcTestRun) single = { 0 };
  g_auto(RcTestRun) batch = { 0 };
  g_autoptr(JsonObject) report = NULL;
  JsonObject *error;
  JsonArray *errors;

  rc_test_run_restcall (&single, NULL, NULL, "call", "--timeout", "1", url);
  g_assert_cmpint (single.status, ==, 8);
  g_assert_nonnull (strstr (single.err, "did not finish within 1 seconds"));
  g_assert_cmpstr (strchr (single.err, '\n'), ==, "\n");

  /* Every call of a batch has its own deadline; the report counts them. */
  rc_test_run_restcall (&batch, NULL, NULL, "call", "--timeout", "1", "--repeat", "3",
                        "--concurrency", "3", "--json", url);
  g_assert_cmpint (batch.status, ==, 8);
  report = rc_test_parse_object (batch.out);
  g_assert_cmpint (json_object_get_int_member (report, "failures"), ==, 3);
  errors = json_object_get_array_member (report, "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 1);
  error = json_array_get_object_element (errors, 0);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "timeout");
  g_assert_nonnull (strstr (json_object_get_string_member (error, "message"),
                            "did not finish within 1 seconds"));
  g_assert_cmpint (json_object_get_int_member (error, "count"), ==, 3);
}

/* What a server sends reaches the terminal with its control characters
 * escaped: a redirect's Location, WWW-Authenticate parameters, headers
 * (they were printed as they came). */
static void
test_server_text_escaped (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *redirect = rc_test_server_url (fixture->server, "/api/hostile-redirect");
  g_autofree char *challenge = rc_test_server_url (fixture->server, "/api/hostile-challenge");
  g_auto(RcTestRun) redirected = { 0 };
  g_auto(RcTestRun) refused = { 0 };
  g_auto(RcTestRun) inspected = { 0 };
  RcTestRun *runs[] = { &redirected, &refused, &inspected };

  rc_test_run_restcall (&redirected, NULL, NULL, "call", redirect);
  g_assert_cmpint (redirected.status, ==, 1);
  g_assert_nonnull (strstr (
    redirected.err, "redirected to “https://user@evil.example/\\x1b[2J\\x1b]0;pwned\\x07”"));

  rc_test_run_restcall (&refused, NULL, NULL, "call", challenge);
  g_assert_cmpint (refused.status, ==, 10);
  g_assert_nonnull (strstr (refused.err, "requires the scope “admin\\x1b[8m”"));

  rc_test_run_restcall (&inspected, NULL, NULL, "call", "--inspect", challenge);
  g_assert_cmpint (inspected.status, ==, 10);
  g_assert_nonnull (strstr (inspected.out, "error_description=\"\\x1b[2Jdenied\""));

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_test_message ("%s%s", runs[i]->out, runs[i]->err);
      rc_test_assert_printable (runs[i]->out);
      rc_test_assert_printable (runs[i]->err);
      g_assert_null (strstr (runs[i]->out, "hunter2"));
      g_assert_null (strstr (runs[i]->err, "hunter2"));
    }
}

/* A URL's password is never echoed in a message: not for a call that
 * timed out, nor for a token URL or a URL refused (they were). */
static void
test_url_password_hidden (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *hang = g_strdup_printf ("http://user:hunter2@127.0.0.1:%d/api/hang",
                                           g_uri_get_port (fixture->server->base));
  g_auto(RcTestRun) timed_out = { 0 };
  g_auto(RcTestRun) token_url = { 0 };
  g_auto(RcTestRun) not_http = { 0 };
  RcTestRun *runs[] = { &timed_out, &token_url, &not_http };

  rc_test_run_restcall (&timed_out, NULL, NULL, "call", "--timeout", "1", hang);
  g_assert_cmpint (timed_out.status, ==, 8);
  g_assert_nonnull (strstr (timed_out.err, "http://user@127.0.0.1:"));

  rc_test_run_restcall (&token_url, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url",
                        "http://client:hunter2@auth.example.com/token", fixture->api_url);
  g_assert_cmpint (token_url.status, !=, 0);
  g_assert_nonnull (strstr (token_url.err, "http://client@auth.example.com/token"));

  rc_test_run_restcall (&not_http, NULL, NULL, "call", "ftp://user:hunter2@files.example.com/x");
  g_assert_cmpint (not_http.status, ==, 2);
  g_assert_nonnull (strstr (not_http.err, "ftp://user@files.example.com/x"));

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_test_message ("%s", runs[i]->err);
      g_assert_null (strstr (runs[i]->out, "hunter2"));
      g_assert_null (strstr (runs[i]->err, "hunter2"));
    }
}

/* --max-size caps a response body: past it the call fails, saying which
 * URL, the cap and what to do, and the server sent not much more. */
static void
test_max_size (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *url = rc_test_server_url (fixture->server, "/endless");
  g_auto(RcTestRun) run = { 0 };
  const char * const bad[] = { "0", "3G", "lots", "1T", "-1", "" };

  rc_test_run_restcall (&run, NULL, NULL, "call", "--max-size", "1M", url);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, url));
  g_assert_nonnull (strstr (run.err, "larger than 1 MiB once decompressed"));
  g_assert_nonnull (strstr (run.err, "--max-size"));
  g_test_message ("The server sent %" G_GUINT64_FORMAT " bytes", fixture->written);
  g_assert_cmpuint (fixture->written, <, 17 << 20);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(RcTestRun) usage = { 0 };

      rc_test_run_restcall (&usage, NULL, NULL, "call", "--max-size", bad[i], url);
      g_assert_cmpint (usage.status, ==, 2);
      g_assert_nonnull (strstr (usage.err, "--max-size takes a size such as 500K, 64M or 1G"));
    }
}

static void
test_basic (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const env[] = { "RC_TEST_PASSWORD=p:w", NULL };
  g_autofree char *url = rc_test_server_url (fixture->server, "/api/basic");
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall (&run, NULL, env, "call", "--user", "alice", "--password-env",
                        "RC_TEST_PASSWORD", url);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "basic ok");
  /* RFC 7617: user ":" password, unencoded. */
  g_assert_cmpstr (header (rc_test_find_request (fixture->server, "/api/basic"), "Authorization"),
                   ==, "Basic YWxpY2U6cDp3");
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  struct {
    const char *args[14];
    const char *expected;
  } cases[] = {
    { { "call", "--client-secret=x", fixture->api_url }, "--client-secret-stdin" },
    { { "call", "--password", "hunter2", fixture->api_url }, "--password-env" },
    { { "run", "p", "a", "m", "--secret=x" }, "--secret-env VAR or --secret-stdin" },
    { { "call" }, "Name exactly one URL" },
    { { "call", "ftp://example.com/" }, "not an http:// or https:// URL" },
    { { "call", "--auth", "digest", fixture->api_url }, "use none, basic or oauth2-cc" },
    { { "call", "--client-id", "x", fixture->api_url }, "--token-url URL" },
    { { "call", "--client-id", "x", "--token-url", fixture->token_url, fixture->api_url },
      "--client-secret-env VAR or --client-secret-stdin" },
    { { "call", "--auth", "none", "--scope", "a", fixture->api_url },
      "--scope goes with --auth oauth2-cc" },
    { { "call", "--client-id", "x", "--token-url", fixture->token_url, "--client-secret-env", "S",
        "--client-auth", "body", "--raw-basic", fixture->api_url },
      "--raw-basic is for client credentials in a Basic Auth header; --client-auth body" },
    { { "call", "--client-id", "x", "--token-url", fixture->token_url, "--client-secret-env", "S",
        "--basic-form", "plain", fixture->api_url },
      "Unknown --basic-form “plain”: use auto, rfc or raw" },
    { { "call", "--client-id", "x", "--token-url", fixture->token_url, "--client-auth", "tls",
        "--basic-form", "raw", "--cert", "c.pem", fixture->api_url },
      "--basic-form is for client credentials in a Basic Auth header; --client-auth tls" },
    { { "call", "--client-id", "x", "--token-url", fixture->token_url, "--client-secret-env", "S",
        "--cert", "c.pem", fixture->api_url },
      "--cert is for mutual TLS: add --client-auth tls" },
    { { "call", "--client-id", "x", "--token-url", fixture->token_url, "--client-secret-env", "S",
        "--client-auth", "body", "--key", "c.key", fixture->api_url },
      "--key is for mutual TLS: add --client-auth tls" },
    { { "call", "--client-id", "x", "--token-url", fixture->token_url, "--client-auth", "tls",
        fixture->api_url },
      "needs the client certificate: --cert FILE" },
    { { "call", "--client-id", "x", "--token-url", fixture->token_url, "--client-auth",
        "tls-client-auth", "--cert", "c.pem", "--client-secret-env", "S", fixture->api_url },
      "--client-secret-env: mutual TLS authenticates the client with its certificate" },
    { { "call", "--auth", "basic", "--user", "u", "--cert", "c.pem", fixture->api_url },
      "--cert goes with --auth oauth2-cc" },
    { { "call", "--cacert", "/nonexistent/ca.pem", fixture->api_url },
      "--cacert: “/nonexistent/ca.pem” holds no certificate authority" },
    { { "call", "-X", "FETCH", fixture->api_url }, "Unknown verb" },
    { { "call", "-H", "no colon", fixture->api_url }, "is not “Name: value”" },
    { { "call", "--repeat", "0", fixture->api_url }, "--repeat takes a number" },
    { { "call", "--concurrency", "-1", fixture->api_url }, "--concurrency takes a number" },
    { { "call", "--timeout", "0", fixture->api_url },
      "--timeout takes a number of seconds from 1 to 86400" },
    { { "call", "--timeout", "2147483647", fixture->api_url },
      "--timeout takes a number of seconds from 1 to 86400" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(RcTestRun) run = { 0 };

      rc_test_run_restcall_full (&run, NULL, NULL, cases[i].args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "restcall: "));
      g_assert_nonnull (strstr (run.err, cases[i].expected));
      g_assert_null (strstr (run.err, "hunter2"));
    }

  /* A secret's variable that is not set. */
  {
    g_auto(RcTestRun) run = { 0 };

    rc_test_run_restcall (&run, NULL, NULL, "call", "--client-id", "x", "--token-url",
                          fixture->token_url, "--client-secret-env", "RC_TEST_UNSET_VARIABLE",
                          fixture->api_url);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "“RC_TEST_UNSET_VARIABLE”"));
    g_assert_nonnull (strstr (run.err, "not set"));
  }

  g_assert_cmpuint (fixture->server->requests->len, ==, 0);
}

/* A project whose APIs point at the scripted server. */
static char *
write_project (Fixture    *fixture,
               const char *dir)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) api = rc_api_new ("Pets");
  g_autoptr(RcApi) basic = rc_api_new ("Plain");
  g_autoptr(RcMethod) method = rc_method_new ("getItem");
  g_autofree char *base = rc_test_server_url (fixture->server, "/api");
  char *path = g_build_filename (dir, "test.restcall", NULL);
  RcAuth *auth = rc_api_get_auth (api);

  rc_api_set_base_url (api, base);
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, CLIENT_ID);
  rc_auth_set_token_url (auth, fixture->token_url);
  rc_auth_set_scopes (auth, "read write");
  rc_method_set_url (method, "/items/{id}?limit={limit}");
  rc_pair_list_append (rc_method_get_test_values (method), "id", "1");
  rc_pair_list_append (rc_method_get_test_values (method), "limit", "5");
  rc_api_add_method (api, method);
  rc_project_add_api (project, api);

  rc_auth_set_kind (rc_api_get_auth (basic), RC_AUTH_KIND_BASIC);
  rc_auth_set_username (rc_api_get_auth (basic), "alice");
  rc_project_add_api (project, basic);

  rc_test_save_project (project, path);

  return path;
}

static void
test_run (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-cli-call-XXXXXX", NULL);
  g_autofree char *path = write_project (fixture, dir);
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) no_api = { 0 };
  g_auto(RcTestRun) no_method = { 0 };
  g_auto(RcTestRun) bad_param = { 0 };
  g_auto(RcTestRun) no_secret = { 0 };
  RcTestRequest *api_request;

  rc_test_run_restcall (&run, NULL, secret_env, "run", path, "Pets", "getItem", "--param", "id=4 2",
                        "--secret-env", "RC_TEST_SECRET");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, API_BODY);
  g_assert_cmpstr (run.err, ==, "");

  /* --param overrides one test value; the other stays. */
  api_request = rc_test_find_request (fixture->server, "/api");
  g_assert_cmpstr (api_request->path, ==, "/api/items/4 2");
  g_assert_cmpstr (api_request->query, ==, "limit=5");
  g_assert_cmpstr (header (api_request, "Authorization"), ==, "Bearer " ACCESS_TOKEN);
  g_assert_cmpstr (header (rc_test_find_request (fixture->server, "/token"), "Authorization"), ==,
                   CLIENT_BASIC);

  /* Names that do not exist: the ones that do are listed. */
  rc_test_run_restcall (&no_api, NULL, secret_env, "run", path, "Petz", "getItem");
  g_assert_cmpint (no_api.status, ==, 3);
  g_assert_nonnull (strstr (no_api.err, "no API “Petz”. Its APIs: “Pets”, “Plain”."));

  rc_test_run_restcall (&no_method, NULL, secret_env, "run", path, "Pets", "getitem");
  g_assert_cmpint (no_method.status, ==, 3);
  g_assert_nonnull (strstr (no_method.err, "no method “getitem”. Its methods: “getItem”."));

  rc_test_run_restcall (&bad_param, NULL, secret_env, "run", path, "Pets", "getItem", "--param",
                        "ids=1", "--secret-env", "RC_TEST_SECRET");
  g_assert_cmpint (bad_param.status, ==, 2);
  g_assert_nonnull (strstr (bad_param.err, "no URL parameter “ids”. Its parameters: id, limit."));

  /* No secret given and none in the keyring (the API has no reference to
   * one, so the keyring is not even asked). */
  rc_test_run_restcall (&no_secret, NULL, NULL, "run", path, "Pets", "getItem");
  g_assert_cmpint (no_secret.status, ==, 4);
  g_assert_nonnull (strstr (no_secret.err, "No client secret is stored for the API “Pets”"));
  g_assert_nonnull (strstr (no_secret.err, "--secret-env VAR or --secret-stdin"));

  g_assert_cmpuint (fixture->server->requests->len, ==, 2);

  g_unlink (path);
  g_rmdir (dir);
}

/* --content-type and -H reach the wire as headers: one with CR LF would
 * add headers, or a second request carrying the Authorization. Refused as
 * usage errors, before any request. */
static void
test_smuggling_options (Fixture       *fixture,
                        gconstpointer  data)
{
  struct {
    const char *args[6];
    const char *expected;
  } cases[] = {
    { { "--content-type",
        "text/plain\r\nContent-Length: 1\r\n\r\nxGET /steal HTTP/1.1\r\nX-Ignore: ", "-d", "x" },
      "--content-type: “text/plain\\r\\nContent-Length: 1\\r\\n\\r\\nxGET /steal "
      "HTTP/1.1\\r\\nX-Ignore: ” "
      "is not a media type" },
    { { "--content-type", "json", "-d", "x" }, "--content-type: “json” is not a media type" },
    { { "-H", "X: a\r\nY: b" }, "The value of -H “X”: “a\\r\\nY: b” holds a line break" },
    { { "-H", "X-A: ok", "-H", "X-B: a\nGET /steal HTTP/1.1" },
      "The value of -H “X-B”: “a\\nGET /steal" },
    { { "-H", "X\x01Y: v" }, "-H: “X\\x01Y” is not a header name" },
    { { "-X", "GET\r\nX: y" }, "Unknown verb “GET\\r\\nX: y”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(RcTestRun) run = { 0 };

      g_ptr_array_add (args, "call");
      g_ptr_array_add (args, "--client-id");
      g_ptr_array_add (args, CLIENT_ID);
      g_ptr_array_add (args, "--client-secret-env");
      g_ptr_array_add (args, "RC_TEST_SECRET");
      g_ptr_array_add (args, "--token-url");
      g_ptr_array_add (args, fixture->token_url);
      for (guint j = 0; cases[i].args[j]; j++)
        g_ptr_array_add (args, (gpointer)cases[i].args[j]);
      g_ptr_array_add (args, fixture->api_url);
      g_ptr_array_add (args, NULL);

      rc_test_run_restcall_full (&run, NULL, secret_env, (const char * const *)args->pdata);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i].expected));
      g_assert_null (strchr (run.err, '\r'));
      g_assert_cmpuint (fixture->server->requests->len, ==, 0);
    }
}

/* A token that cannot follow “Bearer ” fails the call, naming the
 * authorization server; the API gets nothing, unauthenticated or not. */
static void
test_token_that_cannot_be_sent (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *token_url = rc_test_server_url (fixture->server, "/token-crlf");
  g_autofree char *dir = g_dir_make_tmp ("restcall-cli-call-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *edited = NULL;
  g_auto(RcTestRun) call = { 0 };
  g_auto(RcTestRun) token = { 0 };
  g_autoptr(GError) error = NULL;

  rc_test_run_restcall (&call, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url", token_url,
                        fixture->api_url);
  g_test_message ("%s", call.err);
  g_assert_cmpint (call.status, ==, 1);
  g_assert_nonnull (strstr (call.err, "The authorization server at "));
  g_assert_nonnull (strstr (call.err,
                            "/token-crlf issued an access token that cannot be sent as a Bearer "
                            "header: it holds “\\r”"));
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token-crlf"), ==, 1);
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/api"), ==, 0);
  assert_no_secrets (&call);

  /* restcall token says the same: the token is of no use. */
  path = write_project (fixture, dir);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  edited = replace_all (contents, fixture->token_url, token_url);
  g_file_set_contents (path, edited, -1, &error);
  g_assert_no_error (error);
  rc_test_run_restcall (&token, NULL, secret_env, "token", path, "Pets", "--secret-env",
                        "RC_TEST_SECRET");
  g_assert_cmpint (token.status, ==, 1);
  g_assert_nonnull (strstr (token.err, "cannot be sent as a Bearer header"));
  assert_no_secrets (&token);

  g_unlink (path);
  g_rmdir (dir);
}

/* A shared project file with a verb that would smuggle a request is
 * refused when loaded, naming the member: nothing is sent. */
static void
test_run_smuggled_verb (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-cli-call-XXXXXX", NULL);
  g_autofree char *path = write_project (fixture, dir);
  g_autofree char *contents = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RcTestRun) run = { 0 };

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  edited = replace_all (contents, "\"verb\" : \"GET\"",
                            "\"verb\" : \"GET /smuggled HTTP/1.1\\r\\nHost: evil\\r\\n\\r\\nGET\"");
  g_assert_cmpstr (edited, !=, contents);
  g_file_set_contents (path, edited, -1, &error);
  g_assert_no_error (error);

  rc_test_run_restcall (&run, NULL, secret_env, "run", path, "Pets", "getItem", "--secret-env",
                        "RC_TEST_SECRET");
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (
    strstr (run.err, "apis[0].methods[0].verb: “GET /smuggled HTTP/1.1\\r\\nHost: evil"));
  g_assert_null (strchr (run.err, '\r'));
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_token (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-cli-call-XXXXXX", NULL);
  g_autofree char *path = write_project (fixture, dir);
  g_auto(RcTestRun) json = { 0 };
  g_auto(RcTestRun) text = { 0 };
  g_auto(RcTestRun) inspect = { 0 };
  g_auto(RcTestRun) basic = { 0 };
  g_autoptr(JsonObject) object = NULL;
  JsonArray *scopes;
  gint64 expires_in;

  rc_test_run_restcall (&json, CLIENT_SECRET "\n", NULL, "token", path, "Pets", "--json",
                        "--secret-stdin");
  g_assert_cmpint (json.status, ==, 0);
  assert_no_secrets (&json);

  object = rc_test_parse_object (json.out);
  g_assert_cmpstr (json_object_get_string_member (object, "token_type"), ==, "Bearer");
  expires_in = json_object_get_int_member (object, "expires_in");
  g_assert_cmpint (expires_in, <=, 3600);
  g_assert_cmpint (expires_in, >=, 3590);
  scopes = json_object_get_array_member (object, "scopes");
  g_assert_cmpuint (json_array_get_length (scopes), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (scopes, 0), ==, "read");
  g_assert_cmpstr (json_array_get_string_element (scopes, 1), ==, "write");
  g_assert_true (
    g_str_has_prefix (json_object_get_string_member (object, "access_token_masked"), "tok-ab"));
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "access_token_masked")), <,
                    strlen (ACCESS_TOKEN));

  rc_test_run_restcall (&text, NULL, secret_env, "token", path, "Pets", "--secret-env",
                        "RC_TEST_SECRET");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Token type: Bearer\n"));
  g_assert_nonnull (strstr (text.out, "Access token: tok-ab"));
  g_assert_nonnull (strstr (text.out, "Scopes: read write\n"));
  /* Written as the window writes it: not in seconds. */
  g_assert_nonnull (strstr (text.out, "Expires in: 59 min "));
  assert_no_secrets (&text);

  rc_test_run_restcall (&inspect, NULL, secret_env, "token", path, "Pets", "--inspect",
                        "--secret-env", "RC_TEST_SECRET");
  g_assert_cmpint (inspect.status, ==, 0);
  g_assert_nonnull (strstr (inspect.out, "── Authorization server request ──\nPOST "));
  g_assert_nonnull (strstr (inspect.out, "grant_type=client_credentials"));
  g_assert_nonnull (strstr (inspect.out, "── Authorization server response ──\nHTTP/1.1 200"));
  assert_no_secrets (&inspect);

  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token"), ==, 3);

  /* An API without OAuth 2.0 has no token. */
  rc_test_run_restcall (&basic, NULL, secret_env, "token", path, "Plain", "--secret-env",
                        "RC_TEST_SECRET");
  g_assert_cmpint (basic.status, ==, 3);
  g_assert_nonnull (strstr (basic.err, "not OAuth 2.0 client credentials"));

  g_unlink (path);
  g_rmdir (dir);
}

/* A token response is read up to 1 MiB: an endless one fails there, in
 * `restcall call` and in `restcall token` alike, well before --timeout. */
static void
test_token_response_cap (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-cli-call-XXXXXX", NULL);
  g_autofree char *token_url = rc_test_server_url (fixture->server, "/token-endless");
  g_autofree char *path = NULL;
  g_auto(RcTestRun) call = { 0 };
  g_auto(RcTestRun) token = { 0 };

  rc_test_run_restcall (&call, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url", token_url,
                        "--timeout", "600", fixture->api_url);
  g_assert_cmpint (call.status, ==, 1);
  g_assert_nonnull (strstr (call.err, token_url));
  g_assert_nonnull (strstr (call.err, "more than 1 MiB once decompressed"));
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/api"), ==, 0);
  g_assert_cmpuint (fixture->written, <, 17 << 20);

  g_free (fixture->token_url);
  fixture->token_url = g_strdup (token_url);
  path = write_project (fixture, dir);
  fixture->written = 0;
  rc_test_run_restcall (&token, NULL, secret_env, "token", path, "Pets", "--secret-env",
                        "RC_TEST_SECRET", "--timeout", "600");
  g_assert_cmpint (token.status, ==, 1);
  g_assert_nonnull (strstr (token.err, "more than 1 MiB once decompressed"));
  g_assert_null (strstr (token.err, "did not finish within"));
  g_assert_cmpuint (fixture->written, <, 17 << 20);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/restcall/cli-call/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("bearer-get", test_bearer_get);
  ADD ("inspect-deep", test_inspect_deep);
  ADD ("basic-form", test_basic_form);
  ADD ("inspect-order", test_inspect_order);
  ADD ("secret-stdin", test_secret_stdin);
  ADD ("repeat-json", test_repeat_json);
  ADD ("repeat-summary", test_repeat_summary);
  ADD ("repeat-refused", test_repeat_refused);
  ADD ("api-refusal", test_api_refusal);
  ADD ("authorization-overridden", test_authorization_overridden);
  ADD ("server-error", test_server_error);
  ADD ("token-server-unreachable", test_token_server_unreachable);
  ADD ("timeout", test_timeout);
  ADD ("basic", test_basic);
  ADD ("usage-errors", test_usage_errors);
  ADD ("run", test_run);
  ADD ("token", test_token);
  ADD ("server-text-escaped", test_server_text_escaped);
  ADD ("url-password-hidden", test_url_password_hidden);
  ADD ("smuggling-options", test_smuggling_options);
  ADD ("token-that-cannot-be-sent", test_token_that_cannot_be_sent);
  ADD ("run-smuggled-verb", test_run_smuggled_verb);
  ADD ("max-size", test_max_size);
  ADD ("token-response-cap", test_token_response_cap);

#undef ADD

  return g_test_run ();
}
