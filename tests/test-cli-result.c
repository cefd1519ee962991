/* test-cli-result.c: what `restcall call` and `run` give a script, run as a user would
 *
 * Runs the real `restcall` binary, without a display, against a scripted
 * SoupServer on 127.0.0.1 that is both the authorization server (/token)
 * and the API (/api/…): --json for one call (a success, a failure of each
 * kind, a binary body) and for a batch, --output, -i, -s, and the body's
 * last newline on a pipe and on a terminal. The per-call JSON of a call
 * whose token came from the cache is built in this process
 * (rc-cli-result.c), as one command cannot make two calls that print
 * one object each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _DEFAULT_SOURCE /* posix_openpt(), grantpt(), cfmakeraw() */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "restcall-core.h"
#include "rc-cli-result.h"
#include "rc-test-cli.h"
#include "rc-test-server.h"

#define ACCESS_TOKEN "tok-abcdefghijklmnopqrstuvwxyz0123456789"
#define MASKED_TOKEN "tok-ab••••••••"
#define CLIENT_ID "example.com"
#define CLIENT_SECRET "s3cret-value"
#define API_BODY "{\"pets\": [\"Rex\", \"Tom\"]}\n"
/* Not UTF-8, and with a NUL byte. */
#define BINARY_BODY "\x89PNG\r\n\x1a\n\x00\x01\xff\xfe"
#define BINARY_BASE64 "iVBORw0KGgoAAf/+"
#define MIX_SIZE 5

typedef struct
{
  RcTestServer *server;
  char         *token_url;
  char         *dir;
  guint         n_mixed;    /* calls /api/mixed answered */
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

  if (g_str_equal (path, "/token"))
    rc_test_respond_token (message, CLIENT_ID, CLIENT_SECRET, ACCESS_TOKEN);
  else if (g_str_equal (path, "/api/text"))
    rc_test_respond (message, 200, "text/plain", "no newline");
  else if (g_str_equal (path, "/api/line"))
    rc_test_respond (message, 200, "text/plain", "one line\n");
  else if (g_str_equal (path, "/api/binary"))
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "image/png", SOUP_MEMORY_STATIC, BINARY_BODY,
                                        sizeof BINARY_BODY - 1);
    }
  else if (g_str_equal (path, "/api/missing"))
    rc_test_respond (message, 404, "text/plain", "no such pet");
  else if (g_str_equal (path, "/api/mixed"))
    {
      /* Of every MIX_SIZE calls: a 500, a 404, a body over --max-size 1K,
       * and two 200s. */
      guint n = fixture->n_mixed++ % MIX_SIZE;
      g_autofree char *big = g_strnfill (4096, 'x');

      if (n == 0)
        rc_test_respond (message, 500, "text/plain", "boom");
      else if (n == 1)
        rc_test_respond (message, 404, "text/plain", "gone");
      else if (n == 2)
        rc_test_respond (message, 200, "text/plain", big);
      else
        rc_test_respond (message, 200, "text/plain", "ok");
    }
  else if (g_strcmp0 (authorization, "Bearer " ACCESS_TOKEN) != 0)
    rc_test_respond (message, 401, "text/plain", "wrong token");
  else
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    "X-Pet-Count", "2");
      rc_test_respond (message, 200, "application/json", API_BODY);
    }
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = server_handler;
  fixture->server->handler_data = fixture;
  fixture->token_url = rc_test_server_url (fixture->server, "/token");
  fixture->dir = rc_test_make_dir ("restcall-cli-result-XXXXXX");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  rc_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->token_url, g_free);
  g_clear_pointer (&fixture->server, rc_test_server_free);
}

/* The object has exactly these members, in this order. */
static void
assert_members (JsonObject *object,
                const char *names)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (GList *l = members; l; l = l->next)
    g_string_append_printf (joined, "%s%s", joined->len ? " " : "", (char *)l->data);
  g_assert_cmpstr (joined->str, ==, names);
}

#define CALL_MEMBERS \
  "method url status headers body body_encoding body_size timings token notes error"
#define TOKEN_MEMBERS "source requests access_token expires_in exchange"

/* Neither the secret, nor the token, nor the Basic credentials. */
static void
assert_no_secrets (const char *text)
{
  g_autofree char *basic = g_base64_encode ((const guchar *)CLIENT_ID ":" CLIENT_SECRET,
                                            strlen (CLIENT_ID ":" CLIENT_SECRET));

  rc_test_assert_lacks (text, CLIENT_SECRET, ACCESS_TOKEN, basic, NULL);
}

static const char *
find_header (JsonObject *call,
             const char *name)
{
  JsonArray *headers = json_object_get_array_member (call, "headers");

  for (guint i = 0; i < json_array_get_length (headers); i++)
    {
      JsonObject *header = json_array_get_object_element (headers, i);

      assert_members (header, "name value");
      if (g_ascii_strcasecmp (json_object_get_string_member (header, "name"), name) == 0)
        return json_object_get_string_member (header, "value");
    }

  return NULL;
}

/* The token exchange that obtained ACCESS_TOKEN, masked as the inspector
 * masks it. */
static void
assert_token_exchange (JsonObject *token,
                       Fixture    *fixture)
{
  JsonArray *exchange = json_object_get_array_member (token, "exchange");
  JsonObject *attempt;
  const char *request, *response;

  g_assert_cmpuint (json_array_get_length (exchange), ==, 1);
  attempt = json_array_get_object_element (exchange, 0);
  assert_members (attempt, "method url status request response");
  g_assert_cmpstr (json_object_get_string_member (attempt, "method"), ==, "POST");
  g_assert_cmpstr (json_object_get_string_member (attempt, "url"), ==, fixture->token_url);
  g_assert_cmpint (json_object_get_int_member (attempt, "status"), ==, 200);
  request = json_object_get_string_member (attempt, "request");
  response = json_object_get_string_member (attempt, "response");
  g_assert_true (g_str_has_prefix (request, "POST "));
  g_assert_nonnull (strstr (request, "Authorization: Basic ••••••••\n"));
  g_assert_nonnull (strstr (request, "grant_type=client_credentials"));
  g_assert_true (g_str_has_prefix (response, "HTTP/1.1 200 OK\n"));
  g_assert_nonnull (strstr (response, MASKED_TOKEN));
}

static void
test_json_success (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *url = rc_test_server_url (fixture->server, "/api/pets");
  g_autoptr(JsonNode) root = NULL;
  g_auto(RcTestRun) run = { 0 };
  JsonObject *call, *timings, *token;

  rc_test_run_restcall (&run, NULL, secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url",
                        fixture->token_url, "--json", url);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_no_secrets (run.out);
  g_assert_true (g_str_has_suffix (run.out, "}\n"));

  root = rc_test_parse_json (run.out);
  call = json_node_get_object (root);
  assert_members (call, CALL_MEMBERS);
  g_assert_cmpstr (json_object_get_string_member (call, "method"), ==, "GET");
  g_assert_cmpstr (json_object_get_string_member (call, "url"), ==, url);
  g_assert_cmpint (json_object_get_int_member (call, "status"), ==, 200);
  g_assert_cmpstr (find_header (call, "Content-Type"), ==, "application/json");
  g_assert_cmpstr (find_header (call, "X-Pet-Count"), ==, "2");
  g_assert_cmpstr (json_object_get_string_member (call, "body"), ==, API_BODY);
  g_assert_cmpstr (json_object_get_string_member (call, "body_encoding"), ==, "text");
  g_assert_cmpint (json_object_get_int_member (call, "body_size"), ==, strlen (API_BODY));

  timings = json_object_get_object_member (call, "timings");
  assert_members (timings, "total_ms response_ms token_ms");
  g_assert_cmpfloat (json_object_get_double_member (timings, "total_ms"), >, 0);
  g_assert_cmpfloat (json_object_get_double_member (timings, "response_ms"), >, 0);
  g_assert_cmpfloat (json_object_get_double_member (timings, "token_ms"), >, 0);
  g_assert_cmpfloat (json_object_get_double_member (timings, "response_ms"), <=,
                     json_object_get_double_member (timings, "total_ms"));

  token = json_object_get_object_member (call, "token");
  assert_members (token, TOKEN_MEMBERS);
  g_assert_cmpstr (json_object_get_string_member (token, "source"), ==, "request");
  g_assert_cmpint (json_object_get_int_member (token, "requests"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (token, "access_token"), ==, MASKED_TOKEN);
  g_assert_cmpint (json_object_get_int_member (token, "expires_in"), >, 3500);
  assert_token_exchange (token, fixture);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (call, "notes")), ==, 0);
  g_assert_true (json_object_get_null_member (call, "error"));
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  RcExchange **exchange = user_data;

  *exchange = rc_executor_call_finish (RC_EXECUTOR (object), result);
}

static gboolean
is_set_cb (gpointer data)
{
  return *(gpointer *)data != NULL;
}

static RcExchange *
call_and_wait (RcExecutor *executor,
               RcMethod   *method)
{
  RcExchange *exchange = NULL;

  rc_executor_call_async (executor, method, NULL, CLIENT_SECRET, NULL, call_done_cb, &exchange);
  g_assert_true (rc_test_wait_until (is_set_cb, &exchange, 30));

  return exchange;
}

/* A second call on the same executor takes the token from the cache; its
 * object says so and shows the exchange that obtained it, masked. */
static void
test_json_cached_token (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *url = rc_test_server_url (fixture->server, "/api/pets");
  g_autoptr(RcExecutor) executor = rc_executor_new ();
  g_autoptr(RcApi) api = rc_api_new ("Pets");
  g_autoptr(RcMethod) method = rc_method_new ("list");
  g_autoptr(RcExchange) first = NULL;
  g_autoptr(RcExchange) second = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  RcAuth *auth = rc_api_get_auth (api);
  JsonObject *call, *token, *timings;

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, CLIENT_ID);
  rc_auth_set_token_url (auth, fixture->token_url);
  rc_method_set_url (method, url);
  rc_api_add_method (api, method);

  first = call_and_wait (executor, method);
  second = call_and_wait (executor, method);
  g_assert_true (rc_exchange_is_success (second));

  node = rc_exchange_json_build (second, method, NULL);
  text = rc_cli_json_to_text (node);
  assert_no_secrets (text);

  root = rc_test_parse_json (text);
  call = json_node_get_object (root);
  assert_members (call, CALL_MEMBERS);
  g_assert_cmpint (json_object_get_int_member (call, "status"), ==, 200);
  timings = json_object_get_object_member (call, "timings");
  g_assert_true (json_object_get_null_member (timings, "token_ms"));

  token = json_object_get_object_member (call, "token");
  assert_members (token, TOKEN_MEMBERS);
  g_assert_cmpstr (json_object_get_string_member (token, "source"), ==, "cache");
  g_assert_cmpint (json_object_get_int_member (token, "requests"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (token, "access_token"), ==, MASKED_TOKEN);
  assert_token_exchange (token, fixture);
  g_assert_true (json_object_get_null_member (call, "error"));
}

/* A failed call: no response (dns), or a 4xx; the error with its code. */
static void
test_json_failures (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *missing = rc_test_server_url (fixture->server, "/api/missing");
  g_autoptr(JsonNode) dns_root = NULL;
  g_autoptr(JsonNode) missing_root = NULL;
  g_auto(RcTestRun) dns = { 0 };
  g_auto(RcTestRun) not_found = { 0 };
  g_autofree char *expected = NULL;
  JsonObject *call, *error;

  rc_test_run_restcall (&dns, NULL, NULL, "call", "--json", "http://restcall-test.invalid/pets");
  g_assert_cmpint (dns.status, ==, 5);
  dns_root = rc_test_parse_json (dns.out);
  call = json_node_get_object (dns_root);
  assert_members (call, CALL_MEMBERS);
  g_assert_cmpstr (json_object_get_string_member (call, "method"), ==, "GET");
  g_assert_cmpstr (json_object_get_string_member (call, "url"), ==,
                   "http://restcall-test.invalid/pets");
  g_assert_true (json_object_get_null_member (call, "status"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (call, "headers")), ==, 0);
  g_assert_true (json_object_get_null_member (call, "body"));
  g_assert_true (json_object_get_null_member (call, "body_encoding"));
  g_assert_true (json_object_get_null_member (call, "token"));
  error = json_object_get_object_member (call, "error");
  assert_members (error, "code message");
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "dns");
  g_assert_nonnull (strstr (json_object_get_string_member (error, "message"),
                            "restcall-test.invalid"));
  /* The same sentence on stderr, for people. */
  expected = g_strdup_printf ("restcall: %s\n", json_object_get_string_member (error, "message"));
  g_assert_cmpstr (dns.err, ==, expected);

  rc_test_run_restcall (&not_found, NULL, NULL, "call", "--json", missing);
  g_assert_cmpint (not_found.status, ==, 10);
  missing_root = rc_test_parse_json (not_found.out);
  call = json_node_get_object (missing_root);
  assert_members (call, CALL_MEMBERS);
  g_assert_cmpint (json_object_get_int_member (call, "status"), ==, 404);
  g_assert_cmpstr (json_object_get_string_member (call, "body"), ==, "no such pet");
  error = json_object_get_object_member (call, "error");
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "http-4xx");
  g_free (expected);
  expected = g_strdup_printf ("GET %s answered HTTP 404 Not Found.", missing);
  g_assert_cmpstr (json_object_get_string_member (error, "message"), ==, expected);
}

static void
test_json_binary (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *url = rc_test_server_url (fixture->server, "/api/binary");
  g_autoptr(JsonNode) root = NULL;
  g_auto(RcTestRun) run = { 0 };
  JsonObject *call;

  rc_test_run_restcall (&run, NULL, NULL, "call", "--json", url);
  g_assert_cmpint (run.status, ==, 0);
  root = rc_test_parse_json (run.out);
  call = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (call, "body_encoding"), ==, "base64");
  g_assert_cmpstr (json_object_get_string_member (call, "body"), ==, BINARY_BASE64);
  g_assert_cmpint (json_object_get_int_member (call, "body_size"), ==, sizeof BINARY_BODY - 1);
}

/* --repeat: the summary, each status counted, each failure by its code. */
static void
test_json_breakdown (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *url = rc_test_server_url (fixture->server, "/api/mixed");
  g_autoptr(JsonNode) root = NULL;
  g_auto(RcTestRun) run = { 0 };
  JsonObject *report, *statuses, *codes, *error;
  JsonArray *errors;

  rc_test_run_restcall (&run, NULL, NULL, "call", "--repeat", "20", "--concurrency", "4",
                        "--max-size", "1K", "--json", url);
  g_assert_cmpuint (fixture->n_mixed, ==, 20);
  g_assert_cmpstr (run.err, ==, "");
  root = rc_test_parse_json (run.out);
  report = json_node_get_object (root);
  assert_members (report, "calls successes failures status_counts failure_codes errors "
                          "token_requests total_ms median_ms");
  g_assert_cmpint (json_object_get_int_member (report, "calls"), ==, 20);
  g_assert_cmpint (json_object_get_int_member (report, "successes"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (report, "failures"), ==, 12);

  statuses = json_object_get_object_member (report, "status_counts");
  assert_members (statuses, "200 404 500");
  g_assert_cmpint (json_object_get_int_member (statuses, "200"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (statuses, "404"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (statuses, "500"), ==, 4);

  /* Keyed by the stable code, in the order of the exit statuses. */
  codes = json_object_get_object_member (report, "failure_codes");
  assert_members (codes, "other http-4xx http-5xx");
  g_assert_cmpint (json_object_get_int_member (codes, "other"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (codes, "http-4xx"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (codes, "http-5xx"), ==, 4);

  /* The calls that got no response: their code, and the sentence. */
  errors = json_object_get_array_member (report, "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 1);
  error = json_array_get_object_element (errors, 0);
  assert_members (error, "code message count");
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "other");
  g_assert_cmpint (json_object_get_int_member (error, "count"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (report, "token_requests"), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (report, "median_ms"), <=,
                     json_object_get_double_member (report, "total_ms"));

  /* The failures are as frequent: the first call's (the 500) gives the status. */
  g_assert_cmpint (run.status, ==, 11);
}

static void
test_output (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *url = rc_test_server_url (fixture->server, "/api/binary");
  g_autofree char *missing = rc_test_server_url (fixture->server, "/api/missing");
  g_autofree char *path = g_build_filename (fixture->dir, "pet.png", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-folder", "pet.png", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) quiet = { 0 };
  g_auto(RcTestRun) refused = { 0 };
  g_auto(RcTestRun) failed = { 0 };
  gsize length;

  /* The body, byte for byte, in the file; nothing on stdout. */
  rc_test_run_restcall (&run, NULL, NULL, "call", "--output", path, url);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  expected = g_strdup_printf ("restcall: Saved %u bytes to %s.\n",
                              (guint)(sizeof BINARY_BODY - 1), path);
  g_assert_cmpstr (run.err, ==, expected);
  g_file_get_contents (path, &saved, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (saved, length, BINARY_BODY, sizeof BINARY_BODY - 1);

  /* -s: the same, without the note. */
  g_unlink (path);
  rc_test_run_restcall (&quiet, NULL, NULL, "call", "-s", "-o", path, url);
  g_assert_cmpint (quiet.status, ==, 0);
  g_assert_cmpstr (quiet.out, ==, "");
  g_assert_cmpstr (quiet.err, ==, "");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* A folder that does not exist: said, and nothing sent. */
  rc_test_run_restcall (&refused, NULL, NULL, "call", "--output", nowhere, url);
  g_assert_cmpint (refused.status, ==, 3);
  g_assert_cmpstr (refused.out, ==, "");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("restcall: --output: there is no folder “%s%sno-such-folder” to "
                              "write “%s” in. Create it first, or give another file.\n",
                              fixture->dir, G_DIR_SEPARATOR_S, nowhere);
  g_assert_cmpstr (refused.err, ==, expected);
  g_assert_cmpuint (fixture->server->requests->len, ==, 2);

  /* A failed call leaves the file as it was. */
  rc_test_run_restcall (&failed, NULL, NULL, "call", "-o", path, missing);
  g_assert_cmpint (failed.status, ==, 10);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, BINARY_BODY, sizeof BINARY_BODY - 1);
}

/* @text with its Date header's value replaced by DATE, once it is seen
 * to be an HTTP date. */
static char *
replace_date (const char *text)
{
  g_autoptr(GRegex) regex =
    g_regex_new ("^Date: [A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT$",
                 G_REGEX_MULTILINE, 0, NULL);

  return g_regex_replace_literal (regex, text, -1, 0, "Date: DATE", 0, NULL);
}

static void
test_include (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *url = rc_test_server_url (fixture->server, "/api/text");
  g_autofree char *missing = rc_test_server_url (fixture->server, "/api/missing");
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) failed = { 0 };
  g_auto(RcTestRun) both = { 0 };

  rc_test_run_restcall (&run, NULL, NULL, "call", "-i", url);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  out = replace_date (run.out);
  g_assert_cmpstr (out, ==,
                   "HTTP/1.1 200 OK\n"
                   "Date: DATE\n"
                   "Content-Type: text/plain\n"
                   "Content-Length: 10\n"
                   "\n"
                   "no newline");

  /* A 4xx: its head and body, and the error on stderr. */
  rc_test_run_restcall (&failed, NULL, NULL, "call", "--include", missing);
  g_assert_cmpint (failed.status, ==, 10);
  g_clear_pointer (&out, g_free);
  out = replace_date (failed.out);
  g_assert_cmpstr (out, ==,
                   "HTTP/1.1 404 Not Found\n"
                   "Date: DATE\n"
                   "Content-Type: text/plain\n"
                   "Content-Length: 11\n"
                   "\n"
                   "no such pet");
  expected = g_strdup_printf ("restcall: GET %s answered HTTP 404 Not Found.\n", missing);
  g_assert_cmpstr (failed.err, ==, expected);

  rc_test_run_restcall (&both, NULL, NULL, "call", "-i", "--json", url);
  g_assert_cmpint (both.status, ==, 2);
  g_assert_true (g_str_has_prefix (both.err, "restcall: --include is for the body alone"));
}

/* -s silences the summary of calls that all succeeded, never an error. */
static void
test_silent (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *url = rc_test_server_url (fixture->server, "/api/line");
  g_autofree char *missing = rc_test_server_url (fixture->server, "/api/missing");
  g_autofree char *expected = NULL;
  g_auto(RcTestRun) loud = { 0 };
  g_auto(RcTestRun) quiet = { 0 };
  g_auto(RcTestRun) failed = { 0 };
  g_auto(RcTestRun) failed_batch = { 0 };

  rc_test_run_restcall (&loud, NULL, NULL, "call", "--repeat", "3", url);
  g_assert_cmpint (loud.status, ==, 0);
  g_assert_true (g_str_has_prefix (loud.err, "restcall: 3 calls in "));

  rc_test_run_restcall (&quiet, NULL, NULL, "call", "-s", "--repeat", "3", url);
  g_assert_cmpint (quiet.status, ==, 0);
  g_assert_cmpstr (quiet.out, ==, "");
  g_assert_cmpstr (quiet.err, ==, "");

  rc_test_run_restcall (&failed, NULL, NULL, "call", "--silent", missing);
  g_assert_cmpint (failed.status, ==, 10);
  g_assert_cmpstr (failed.out, ==, "no such pet");
  expected = g_strdup_printf ("restcall: GET %s answered HTTP 404 Not Found.\n", missing);
  g_assert_cmpstr (failed.err, ==, expected);

  rc_test_run_restcall (&failed_batch, NULL, NULL, "call", "-s", "--repeat", "2", missing);
  g_assert_cmpint (failed_batch.status, ==, 10);
  g_assert_nonnull (strstr (failed_batch.err, "HTTP 404 ×2"));
}

static void
waited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *)user_data = TRUE;
}

static gboolean
is_true_cb (gpointer data)
{
  return *(gboolean *)data;
}

/* Runs restcall with its stdout on a terminal (a pseudo-terminal that
 * passes bytes as they are) and returns what it wrote there. */
static char *
run_on_terminal (const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  struct termios raw;
  int master, slave;
  char buffer[4096];
  ssize_t n;
  gboolean waited = FALSE;

  master = posix_openpt (O_RDWR | O_NOCTTY);
  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  slave = open (ptsname (master), O_RDWR | O_NOCTTY);
  g_assert_cmpint (slave, >=, 0);
  g_assert_cmpint (tcgetattr (slave, &raw), ==, 0);
  cfmakeraw (&raw);
  g_assert_cmpint (tcsetattr (slave, TCSANOW, &raw), ==, 0);

  g_ptr_array_add (argv, (gpointer)g_getenv ("RESTCALL_BIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  /* The launcher closes its copy; ours keeps the terminal open until read. */
  g_subprocess_launcher_take_stdout_fd (launcher, dup (slave));
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_clear_object (&launcher);

  g_subprocess_wait_async (process, NULL, waited_cb, &waited);
  g_assert_true (rc_test_wait_until (is_true_cb, &waited, 60));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  g_assert_cmpint (fcntl (master, F_SETFL, O_NONBLOCK), ==, 0);
  while ((n = read (master, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  g_assert_true (n == 0 || errno == EAGAIN || errno == EIO);
  close (slave);
  close (master);

  return g_strdup (out->str);
}

/* Piped, the bytes are the body's; on a terminal, a body that does not
 * end a line gets a newline, so that the prompt starts one. */
static void
test_last_newline (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *text = rc_test_server_url (fixture->server, "/api/text");
  g_autofree char *line = rc_test_server_url (fixture->server, "/api/line");
  g_autofree char *terminal_text = NULL;
  g_autofree char *terminal_line = NULL;
  g_auto(RcTestRun) piped_text = { 0 };
  g_auto(RcTestRun) piped_line = { 0 };

  rc_test_run_restcall (&piped_text, NULL, NULL, "call", text);
  g_assert_cmpint (piped_text.status, ==, 0);
  g_assert_cmpstr (piped_text.out, ==, "no newline");
  rc_test_run_restcall (&piped_line, NULL, NULL, "call", line);
  g_assert_cmpstr (piped_line.out, ==, "one line\n");

  terminal_text = run_on_terminal ((const char * const[]) { "call", text, NULL });
  g_assert_cmpstr (terminal_text, ==, "no newline\n");
  terminal_line = run_on_terminal ((const char * const[]) { "call", line, NULL });
  g_assert_cmpstr (terminal_line, ==, "one line\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/restcall/cli-result/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("json-success", test_json_success);
  ADD ("json-cached-token", test_json_cached_token);
  ADD ("json-failures", test_json_failures);
  ADD ("json-binary", test_json_binary);
  ADD ("json-breakdown", test_json_breakdown);
  ADD ("output", test_output);
  ADD ("include", test_include);
  ADD ("silent", test_silent);
  ADD ("last-newline", test_last_newline);

#undef ADD

  return g_test_run ();
}
