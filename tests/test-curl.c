/* test-curl.c: "Copy as curl" scripts, run by sh against real servers
 *
 * Each case writes the script for a method, runs it with `sh -c` and the
 * secret in the environment against two SoupServers on 127.0.0.1 (an
 * authorization server and an API), and checks what the servers received.
 * The token endpoint decodes client credentials as RFC 6749 §2.3.1 says
 * and refuses wrong ones, as a real one would. Where it applies, the same
 * method is then called through the executor, and the two requests are
 * compared: the script must send what Restcall sends.
 *
 * curl and jq are needed; without them, the cases are skipped and say why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "restcall-core.h"
#include "rc-test-server.h"

#define ACCESS_TOKEN "eyJhbGciOiJub25lIn0.eyJzdWIiOiJjdXJsIn0.token-from-test"

typedef struct
{
  RcTestServer *token_server;
  RcTestServer *api_server;
  RcProject    *project;
  RcApi        *api;
  RcMethod     *method;
  char         *dir;       /* where the script runs: a file made there is a command that ran */

  /* What the token endpoint accepts, and what it made of the last request. */
  char         *client_id;
  char         *client_secret;
  gboolean      raw_basic;
  const char   *refusal;   /* an error_description to refuse every request with */
  char         *got_client_id;
  char         *got_client_secret;
  GHashTable   *got_fields;
} Fixture;

typedef struct
{
  gboolean  done;
  char     *out;
  char     *err;
  GError   *error;
} Ran;

typedef struct
{
  gboolean    done;
  RcExchange *exchange;
} Called;

/* Helpers */

/* Both tools, or a skip that says which is missing. */
static gboolean
skip_without_tools (void)
{
  const char *tools[] = { "curl", "jq", "sh" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_autofree char *reason = g_strdup_printf ("%s is not installed: the generated scripts "
                                                     "cannot be run (install curl and jq)",
                                                     tools[i]);
          g_test_skip (reason);
          return TRUE;
        }
    }

  return FALSE;
}

/* application/x-www-form-urlencoded, decoded: '+' is a space. */
static char *
form_decode (const char *text)
{
  g_autofree char *plus = g_strdup (text);

  for (char *p = plus; *p; p++)
    {
      if (*p == '+')
        *p = ' ';
    }

  return g_uri_unescape_string (plus, NULL);
}

static void
respond_refused (SoupServerMessage *message,
                 const char        *error,
                 const char        *description)
{
  g_autofree char *body = g_strdup_printf ("{\"error\":\"%s\",\"error_description\":\"%s\"}",
                                           error, description);

  rc_test_respond (message, error[0] == 'i' && g_str_equal (error, "invalid_client") ? 401 : 400,
                   "application/json", body);
}

/* A token endpoint as RFC 6749 §2.3.1 and §4.4 describe it. */
static void
token_handler (RcTestServer      *server,
               SoupServerMessage *message,
               const char        *path,
               gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  RcTestRequest *request = g_ptr_array_index (server->requests, server->requests->len - 1);
  g_autofree char *body = g_strndup (g_bytes_get_data (request->body, NULL),
                                     g_bytes_get_size (request->body));

  g_clear_pointer (&fixture->got_client_id, g_free);
  g_clear_pointer (&fixture->got_client_secret, g_free);
  g_clear_pointer (&fixture->got_fields, g_hash_table_unref);

  if (g_strcmp0 (soup_server_message_get_method (message), "POST") != 0)
    {
      respond_refused (message, "invalid_request", "Token requests are POSTs");
      return;
    }

  fixture->got_fields = soup_form_decode (body);

  if (authorization && g_str_has_prefix (authorization, "Basic "))
    {
      gsize size = 0;
      g_autofree guchar *decoded = g_base64_decode (authorization + 6, &size);
      g_autofree char *credentials = g_strndup ((const char *) decoded, size);
      char *colon = strchr (credentials, ':');

      if (colon == NULL || g_hash_table_contains (fixture->got_fields, "client_secret"))
        {
          respond_refused (message, "invalid_request", "One client authentication method, please");
          return;
        }
      *colon = '\0';
      if (fixture->raw_basic)
        {
          fixture->got_client_id = g_strdup (credentials);
          fixture->got_client_secret = g_strdup (colon + 1);
        }
      else
        {
          fixture->got_client_id = form_decode (credentials);
          fixture->got_client_secret = form_decode (colon + 1);
        }
    }
  else
    {
      fixture->got_client_id = g_strdup (g_hash_table_lookup (fixture->got_fields, "client_id"));
      fixture->got_client_secret =
        g_strdup (g_hash_table_lookup (fixture->got_fields, "client_secret"));
    }

  if (fixture->refusal)
    {
      respond_refused (message, "invalid_client", fixture->refusal);
      return;
    }

  if (g_strcmp0 (fixture->got_client_id, fixture->client_id) != 0
      || g_strcmp0 (fixture->got_client_secret, fixture->client_secret) != 0)
    {
      respond_refused (message, "invalid_client", "Unknown client or wrong secret");
      return;
    }

  if (g_strcmp0 (g_hash_table_lookup (fixture->got_fields, "grant_type"), "client_credentials") !=
      0)
    {
      respond_refused (message, "unsupported_grant_type", "Only client_credentials");
      return;
    }

  rc_test_respond (message, 200, "application/json",
                   "{\"access_token\":\"" ACCESS_TOKEN "\",\"token_type\":\"Bearer\","
                   "\"expires_in\":3600}");
}

static void
api_handler (RcTestServer      *server,
             SoupServerMessage *message,
             const char        *path,
             gpointer           user_data)
{
  rc_test_respond (message, 200, "application/json", "{\"answer\":42}");
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *base = NULL;
  g_autofree char *token_url = NULL;
  g_autoptr(GError) error = NULL;

  fixture->token_server = rc_test_server_new (FALSE);
  fixture->token_server->handler = token_handler;
  fixture->token_server->handler_data = fixture;
  fixture->api_server = rc_test_server_new (FALSE);
  fixture->api_server->handler = api_handler;
  fixture->api_server->handler_data = fixture;

  fixture->dir = g_dir_make_tmp ("test-curl-XXXXXX", &error);
  g_assert_no_error (error);

  base = rc_test_server_url (fixture->api_server, "/v1/");
  token_url = rc_test_server_url (fixture->token_server, "/oauth2/token");

  fixture->project = rc_project_new ();
  fixture->api = rc_api_new ("Pet Store");
  rc_api_set_base_url (fixture->api, base);
  rc_auth_set_token_url (rc_api_get_auth (fixture->api), token_url);
  rc_project_add_api (fixture->project, fixture->api);

  fixture->method = rc_method_new ("getPet");
  rc_method_set_url (fixture->method, "/pets/{petId}?q={q}");
  rc_pair_list_append (rc_method_get_test_values (fixture->method), "petId", "a b/c");
  rc_pair_list_append (rc_method_get_test_values (fixture->method), "q", "x&y=z+1 %#?é");
  rc_api_add_method (fixture->api, fixture->method);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;

  /* Nothing the script was given ran as a command. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);

  g_clear_object (&fixture->method);
  g_clear_object (&fixture->api);
  g_clear_object (&fixture->project);
  g_clear_pointer (&fixture->token_server, rc_test_server_free);
  g_clear_pointer (&fixture->api_server, rc_test_server_free);
  g_clear_pointer (&fixture->got_fields, g_hash_table_unref);
  g_free (fixture->got_client_id);
  g_free (fixture->got_client_secret);
  g_free (fixture->client_id);
  g_free (fixture->client_secret);
  g_free (fixture->dir);
}

static void
set_oauth (Fixture      *fixture,
           const char   *client_id,
           const char   *client_secret,
           RcClientAuth  client_auth,
           gboolean      raw_basic)
{
  RcAuth *auth = rc_api_get_auth (fixture->api);

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, client_id);
  rc_auth_set_client_auth (auth, client_auth);
  rc_auth_set_basic_form (auth, raw_basic ? RC_BASIC_FORM_RAW : RC_BASIC_FORM_AUTO);
  rc_auth_set_scopes (auth, "pets:read pets:write");
  rc_pair_list_append (rc_auth_get_token_params (auth), "audience",
                       "https://api.example.com/v1?x=1&y=2");
  rc_pair_list_append (rc_auth_get_token_params (auth), "resource", "urn:pets 100%");

  g_free (fixture->client_id);
  fixture->client_id = g_strdup (client_id);
  g_free (fixture->client_secret);
  fixture->client_secret = g_strdup (client_secret);
  fixture->raw_basic = raw_basic;
}

static char *
format (RcMethod *method)
{
  g_autoptr(GError) error = NULL;
  char *script = rc_curl_format_command (method, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (script);
  g_test_message ("Script:\n%s", script);

  return script;
}

/* The script must not hold the secret, in any of the forms it is sent in. */
static void
assert_no_secret (const char *script,
                  const char *user,
                  const char *secret)
{
  g_autofree char *encoded = rc_oauth_form_encode (secret);
  g_autofree char *basic = rc_oauth_basic_credentials (user, secret, FALSE);
  g_autofree char *raw_basic = rc_oauth_basic_credentials (user, secret, TRUE);

  g_assert_null (strstr (script, secret));
  g_assert_null (strstr (script, encoded));
  g_assert_null (strstr (script, basic));
  g_assert_null (strstr (script, raw_basic));
}

static void
communicated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Ran *ran = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &ran->out, &ran->err,
                                        &ran->error);
  ran->done = TRUE;
}

/* Runs @script with `sh -c`, @variable set to @value (unless NULL), while
 * the servers answer; returns its exit status. */
static int
run_script (Fixture    *fixture,
            const char *script,
            const char *variable,
            const char *value,
            char      **out,
            char      **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Ran ran = { 0 };
  const char *unset[] = { RC_CURL_PASSWORD_VARIABLE, RC_CURL_CLIENT_SECRET_VARIABLE,
                          RC_CURL_CLIENT_ASSERTION_VARIABLE,
                          "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY",
                          "all_proxy", "ALL_PROXY" };

  launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);
  for (guint i = 0; i < G_N_ELEMENTS (unset); i++)
    g_subprocess_launcher_unsetenv (launcher, unset[i]);
  /* No ~/.curlrc of the user's. */
  g_subprocess_launcher_setenv (launcher, "HOME", fixture->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "CURL_HOME", fixture->dir, TRUE);
  if (variable)
    g_subprocess_launcher_setenv (launcher, variable, value, TRUE);

  process = g_subprocess_launcher_spawn (launcher, &error, "sh", "-c", script, NULL);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, &ran);
  rc_test_wait_for (&ran.done, 30);
  g_assert_no_error (ran.error);
  g_subprocess_wait (process, NULL, NULL);
  g_assert_true (g_subprocess_get_if_exited (process));

  g_test_message ("sh said (%d): %s%s", g_subprocess_get_exit_status (process), ran.out, ran.err);

  if (out)
    *out = g_steal_pointer (&ran.out);
  if (err)
    *err = g_steal_pointer (&ran.err);
  g_free (ran.out);
  g_free (ran.err);

  return g_subprocess_get_exit_status (process);
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

/* The method, called as the application calls it. */
static void
call_with_executor (RcMethod   *method,
                    const char *secret)
{
  g_autoptr(RcExecutor) executor = rc_executor_new ();
  g_autoptr(RcExchange) exchange = NULL;
  Called called = { 0 };

  rc_executor_call_async (executor, method, NULL, secret, NULL, called_cb, &called);
  rc_test_wait_for (&called.done, 10);
  exchange = called.exchange;
  g_assert_no_error (rc_exchange_get_error (exchange));
}

static const char *
get_header (RcTestRequest *request,
            const char    *name)
{
  return soup_message_headers_get_one (request->headers, name);
}

static char *
body_text (RcTestRequest *request)
{
  return g_strndup (g_bytes_get_data (request->body, NULL), g_bytes_get_size (request->body));
}

/* Headers a client adds for itself, whose values may differ. */
static gboolean
is_transport_header (const char *name)
{
  const char *names[] = { "Host", "Connection", "Accept-Encoding", "Content-Length", "Expect" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (name, names[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  RcTestRequest *other;
  const char    *which;
  const char    *also_ignore;
} HeaderCheck;

static void
check_header_cb (const char  *name,
                 const char  *value,
                 HeaderCheck *check)
{
  const char *other;

  if (is_transport_header (name)
      || (check->also_ignore && g_ascii_strcasecmp (name, check->also_ignore) == 0))
    return;

  other = soup_message_headers_get_list (check->other->headers, name);
  if (g_strcmp0 (value, other) != 0)
    g_error ("The header %s is “%s” in one request but “%s” in %s's", name, value, other,
             check->which);
}

/* What curl sent is what the executor sent, but for transport headers,
 * and curl's Accept: * / * when the method sets none. */
static void
assert_same_request (RcTestRequest *from_curl,
                     RcTestRequest *from_restcall)
{
  g_autofree char *curl_body = body_text (from_curl);
  g_autofree char *restcall_body = body_text (from_restcall);
  HeaderCheck curl_has_all = { from_curl, "curl", NULL };
  HeaderCheck restcall_has_all = { from_restcall, "Restcall", "Accept" };

  g_assert_cmpstr (from_curl->method, ==, from_restcall->method);
  g_assert_cmpstr (from_curl->path, ==, from_restcall->path);
  g_assert_cmpstr (from_curl->query, ==, from_restcall->query);
  g_assert_cmpstr (curl_body, ==, restcall_body);

  soup_message_headers_foreach (from_restcall->headers,
                                (SoupMessageHeadersForeachFunc) check_header_cb, &curl_has_all);
  if (get_header (from_restcall, "Accept") == NULL)
    g_assert_cmpstr (get_header (from_curl, "Accept"), ==, "*/*");
  soup_message_headers_foreach (from_curl->headers,
                                (SoupMessageHeadersForeachFunc) check_header_cb, &restcall_has_all);
}

/* Two token requests ask for the same, however their fields are encoded. */
static void
assert_same_fields (GHashTable *from_curl,
                    GHashTable *from_restcall)
{
  GHashTableIter iter;
  gpointer name, value;

  g_assert_cmpuint (g_hash_table_size (from_curl), ==, g_hash_table_size (from_restcall));
  g_hash_table_iter_init (&iter, from_restcall);
  while (g_hash_table_iter_next (&iter, &name, &value))
    g_assert_cmpstr (g_hash_table_lookup (from_curl, name), ==, value);
}

/* Runs an OAuth 2.0 script, checks both requests, then compares them with
 * the executor's. */
static void
check_oauth_call (Fixture    *fixture,
                  const char *script)
{
  g_autoptr(GHashTable) curl_fields = NULL;
  g_autofree char *out = NULL;
  RcTestRequest *token_request, *api_request;

  g_assert_cmpint (run_script (fixture, script, RC_CURL_CLIENT_SECRET_VARIABLE,
                               fixture->client_secret, &out, NULL), ==, 0);

  /* The token request, as the token endpoint decoded it. */
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 1);
  token_request = rc_test_server_get_request (fixture->token_server, 0);
  g_assert_cmpstr (token_request->method, ==, "POST");
  g_assert_cmpstr (token_request->path, ==, "/oauth2/token");
  g_assert_cmpstr (get_header (token_request, "Accept"), ==, "application/json");
  g_assert_cmpstr (get_header (token_request, "Content-Type"), ==,
                   "application/x-www-form-urlencoded");
  g_assert_cmpstr (fixture->got_client_id, ==, fixture->client_id);
  g_assert_cmpstr (fixture->got_client_secret, ==, fixture->client_secret);
  g_assert_cmpstr (g_hash_table_lookup (fixture->got_fields, "grant_type"), ==,
                   "client_credentials");
  g_assert_cmpstr (g_hash_table_lookup (fixture->got_fields, "scope"), ==, "pets:read pets:write");
  g_assert_cmpstr (g_hash_table_lookup (fixture->got_fields, "audience"), ==,
                   "https://api.example.com/v1?x=1&y=2");
  g_assert_cmpstr (g_hash_table_lookup (fixture->got_fields, "resource"), ==, "urn:pets 100%");

  /* The call, with the token. */
  g_assert_cmpuint (fixture->api_server->requests->len, ==, 1);
  api_request = rc_test_server_get_request (fixture->api_server, 0);
  g_assert_cmpstr (get_header (api_request, "Authorization"), ==, "Bearer " ACCESS_TOKEN);
  g_assert_cmpstr (api_request->path, ==, "/v1/pets/a b/c");
  g_assert_cmpstr (out, ==, "{\"answer\":42}");

  /* The same as Restcall's own requests. */
  curl_fields = g_steal_pointer (&fixture->got_fields);
  call_with_executor (fixture->method, fixture->client_secret);
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 2);
  g_assert_cmpuint (fixture->api_server->requests->len, ==, 2);
  assert_same_fields (curl_fields, fixture->got_fields);
  assert_same_request (rc_test_server_get_request (fixture->api_server, 0),
                       rc_test_server_get_request (fixture->api_server, 1));
}

/* Tests */

static const char special_id[] = "client id:+=%&?/";
static const char special_secret[] = "s3cr3t: +=%&?/ and 'quotes' \"$HOME\" `x` ünï";

static void
test_oauth_basic_header (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *script = NULL;
  RcTestRequest *token_request;

  if (skip_without_tools ())
    return;

  set_oauth (fixture, special_id, special_secret, RC_CLIENT_AUTH_BASIC_HEADER, FALSE);
  /* Set by hand, and replaced by the token. */
  rc_pair_list_append (rc_method_get_headers (fixture->method), "Authorization", "Basic bWFudWFs");

  script = format (fixture->method);
  assert_no_secret (script, special_id, special_secret);
  g_assert_true (g_str_has_prefix (script, "#!/bin/sh\n# “getPet”: GET http://127.0.0.1:"));
  g_assert_nonnull (
    strstr (script, "\n# Set " RC_CURL_CLIENT_SECRET_VARIABLE " to the client secret"));
  g_assert_nonnull (strstr (script, "jq"));
  g_assert_nonnull (strstr (script, "\n# The Authorization header set by hand is left out"));

  check_oauth_call (fixture, script);

  /* The credentials were form-urlencoded before base64 (the id's own
   * colon would have broken them otherwise), and never in the body. */
  token_request = rc_test_server_get_request (fixture->token_server, 0);
  g_assert_true (g_str_has_prefix (get_header (token_request, "Authorization"), "Basic "));
  g_assert_false (g_hash_table_contains (fixture->got_fields, "client_id"));
  g_assert_false (g_hash_table_contains (fixture->got_fields, "client_secret"));
}

static void
test_oauth_body (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *script = NULL;
  RcTestRequest *token_request;

  if (skip_without_tools ())
    return;

  set_oauth (fixture, special_id, special_secret, RC_CLIENT_AUTH_BODY, FALSE);
  script = format (fixture->method);
  assert_no_secret (script, special_id, special_secret);
  g_assert_nonnull (
    strstr (script, "--data-urlencode \"client_secret=$" RC_CURL_CLIENT_SECRET_VARIABLE "\""));

  check_oauth_call (fixture, script);

  token_request = rc_test_server_get_request (fixture->token_server, 0);
  g_assert_null (get_header (token_request, "Authorization"));
  g_assert_cmpstr (g_hash_table_lookup (fixture->got_fields, "client_id"), ==, special_id);
  g_assert_cmpstr (g_hash_table_lookup (fixture->got_fields, "client_secret"), ==, special_secret);
}

static void
test_oauth_raw_basic (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *secret = "raw s3cret+=%&?/:";
  g_autofree char *script = NULL;
  g_autofree char *credentials = NULL;
  g_autofree char *expected = NULL;
  RcTestRequest *token_request;

  if (skip_without_tools ())
    return;

  set_oauth (fixture, "raw-client", secret, RC_CLIENT_AUTH_BASIC_HEADER, TRUE);
  script = format (fixture->method);
  assert_no_secret (script, "raw-client", secret);

  check_oauth_call (fixture, script);

  /* Not encoded: base64 of the id and secret as they are. */
  token_request = rc_test_server_get_request (fixture->token_server, 0);
  credentials = rc_oauth_basic_credentials ("raw-client", secret, TRUE);
  expected = g_strconcat ("Basic ", credentials, NULL);
  g_assert_cmpstr (get_header (token_request, "Authorization"), ==, expected);
}

/* Automatic, once it found the server compares the credentials unencoded:
 * curl cannot try twice, so the script sends the form that works. */
static void
test_oauth_remembered_raw (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *secret = "p+ss/w%rd:=&?# x";
  g_autofree char *script = NULL;
  g_autofree char *credentials = NULL;
  g_autofree char *expected = NULL;

  if (skip_without_tools ())
    return;

  set_oauth (fixture, "tricky-client", secret, RC_CLIENT_AUTH_BASIC_HEADER, FALSE);
  rc_auth_set_remembered_basic_form (rc_api_get_auth (fixture->api), RC_BASIC_FORM_RAW);
  fixture->raw_basic = TRUE;
  script = format (fixture->method);
  assert_no_secret (script, "tricky-client", secret);

  check_oauth_call (fixture, script);

  credentials = rc_oauth_basic_credentials ("tricky-client", secret, TRUE);
  expected = g_strconcat ("Basic ", credentials, NULL);
  g_assert_cmpstr (
    get_header (rc_test_server_get_request (fixture->token_server, 0), "Authorization"), ==,
    expected);
}

/* Basic auth, both levels of headers, a body, and what a shell would run. */
static void
test_basic (Fixture       *fixture,
            gconstpointer  data)
{
  const char *user = "al ice'$(touch user)";
  const char *password = "p:ss w+rd%&'\"$HOME`touch password`";
  RcAuth *auth = rc_api_get_auth (fixture->api);
  RcPairList *api_headers = rc_api_get_headers (fixture->api);
  RcPairList *headers = rc_method_get_headers (fixture->method);
  const char *body = "{\n  \"name\": \"Rex 'the dog' $(touch body)\",\n  \"tags\": [\"@file\"]\n}";
  g_autofree char *script = NULL;
  g_autofree char *credentials = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *received = NULL;
  g_auto(GStrv) lines = NULL;
  RcTestRequest *request;

  if (skip_without_tools ())
    return;

  rc_auth_set_kind (auth, RC_AUTH_KIND_BASIC);
  rc_auth_set_username (auth, user);
  rc_method_set_name (fixture->method, "Update pet\ntouch name");
  rc_method_set_verb (fixture->method, "PUT");
  rc_method_set_body (fixture->method, body);
  rc_pair_list_append (api_headers, "X-Api-Key", "api-level");
  rc_pair_list_append (api_headers, "X-Both", "from the API");
  rc_pair_list_append (headers, "x-both", "from the method");
  rc_pair_list_append (headers, "X-Quote", "it's \"$(touch header)\" `touch header` \\n");
  rc_pair_list_append (headers, "X-Empty", "");
  rc_pair_list_append (headers, "authorization", "Bearer set-by-hand");

  script = format (fixture->method);
  assert_no_secret (script, user, password);

  /* The name stays in its comment line. */
  lines = g_strsplit (script, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    g_assert_false (g_str_has_prefix (lines[i], "touch"));

  g_assert_cmpint (run_script (fixture, script, RC_CURL_PASSWORD_VARIABLE, password, NULL, NULL),
                   ==, 0);

  g_assert_cmpuint (fixture->api_server->requests->len, ==, 1);
  request = rc_test_server_get_request (fixture->api_server, 0);
  g_assert_cmpstr (request->method, ==, "PUT");
  g_assert_cmpstr (request->path, ==, "/v1/pets/a b/c");
  g_assert_cmpstr (request->query, ==, "q=x%26y%3Dz%2B1%20%25%23%3F%C3%A9");
  received = body_text (request);
  g_assert_cmpstr (received, ==, body);
  g_assert_cmpstr (get_header (request, "Content-Type"), ==, "application/json");
  g_assert_cmpstr (get_header (request, "X-Api-Key"), ==, "api-level");
  g_assert_cmpstr (soup_message_headers_get_list (request->headers, "X-Both"), ==,
                   "from the method");
  g_assert_cmpstr (get_header (request, "X-Quote"), ==,
                   "it's \"$(touch header)\" `touch header` \\n");
  g_assert_cmpstr (get_header (request, "X-Empty"), ==, "");
  credentials = rc_http_basic_credentials (user, password);
  expected = g_strconcat ("Basic ", credentials, NULL);
  g_assert_cmpstr (get_header (request, "Authorization"), ==, expected);

  call_with_executor (fixture->method, password);
  g_assert_cmpuint (fixture->api_server->requests->len, ==, 2);
  assert_same_request (rc_test_server_get_request (fixture->api_server, 0),
                       rc_test_server_get_request (fixture->api_server, 1));
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 0);
}

/* No auth: no variable to set, and the verb only when curl would not guess it. */
static void
test_verbs (Fixture       *fixture,
            gconstpointer  data)
{
  struct {
    const char *verb;
    const char *body;
    const char *content_type;
    gboolean    explicit_verb;
  } cases[] = {
    { "GET", "", "", FALSE },
    { "POST", "a,b\n1,2", "text/csv", FALSE },
    { "DELETE", "", "", TRUE },
    { "PATCH", "plain words", "", TRUE },
    { "GET", "[1]", "", TRUE },
    { "POST", "", "", TRUE },
  };

  if (skip_without_tools ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *script = NULL;
      g_autofree char *verb_option = g_strdup_printf ("-X '%s'", cases[i].verb);
      RcTestRequest *request;

      rc_method_set_verb (fixture->method, cases[i].verb);
      rc_method_set_body (fixture->method, cases[i].body);
      rc_method_set_content_type (fixture->method, cases[i].content_type);

      script = format (fixture->method);
      g_assert_null (strstr (script, "RESTCALL_"));
      g_assert_cmpint (strstr (script, verb_option) != NULL, ==, cases[i].explicit_verb);

      g_assert_cmpint (run_script (fixture, script, NULL, NULL, NULL, NULL), ==, 0);
      call_with_executor (fixture->method, NULL);

      g_assert_cmpuint (fixture->api_server->requests->len, ==, 2 * i + 2);
      request = rc_test_server_get_request (fixture->api_server, 2 * i);
      g_assert_cmpstr (request->method, ==, cases[i].verb);
      g_assert_null (get_header (request, "Authorization"));
      assert_same_request (request, rc_test_server_get_request (fixture->api_server, 2 * i + 1));
    }
}

/* curl cannot sign: the script says so, what the assertion must claim,
 * and sends the one signed for it; without one, it sends nothing. */
static void
test_oauth_client_assertion (Fixture       *fixture,
                             gconstpointer  data)
{
  RcAuth *auth = rc_api_get_auth (fixture->api);
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *assertion = NULL;

  if (skip_without_tools ())
    return;

  set_oauth (fixture, "jwt client", NULL, RC_CLIENT_AUTH_SECRET_JWT, FALSE);
  script = format (fixture->method);
  g_assert_nonnull (strstr (script, "\n# curl cannot sign a client assertion (RFC 7523)"));
  g_assert_nonnull (strstr (script, "signed HS256 with the client secret"));
  g_assert_null (strstr (script, RC_CURL_CLIENT_SECRET_VARIABLE));

  g_assert_cmpint (run_script (fixture, script, NULL, NULL, NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, "Set " RC_CURL_CLIENT_ASSERTION_VARIABLE " to a client "
                                 "assertion signed just now first."));
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 0);

  assertion = rc_client_assertion_new (auth, "s3cret", g_get_real_time () / G_USEC_PER_SEC,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_script (fixture, script, RC_CURL_CLIENT_ASSERTION_VARIABLE, assertion,
                               &out, NULL), ==, 0);
  g_assert_cmpstr (g_hash_table_lookup (fixture->got_fields, "client_assertion"), ==, assertion);
  g_assert_cmpstr (g_hash_table_lookup (fixture->got_fields, "client_assertion_type"), ==,
                   "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  g_assert_cmpstr (g_hash_table_lookup (fixture->got_fields, "client_id"), ==, "jwt client");
  g_assert_cmpstr (g_hash_table_lookup (fixture->got_fields, "scope"), ==, "pets:read pets:write");
  g_assert_cmpstr (out, ==, "{\"answer\":42}");

  /* A private key: the algorithm chosen, or the ones that may be. */
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_PRIVATE_KEY_JWT);
  g_clear_pointer (&script, g_free);
  script = format (fixture->method);
  g_assert_nonnull (strstr (script, "signed RS256, PS256 or ES256 with the client’s private key"));
  rc_auth_set_jwt_alg (auth, RC_JWT_ALG_ES256);
  g_clear_pointer (&script, g_free);
  script = format (fixture->method);
  g_assert_nonnull (strstr (script, "signed ES256 with the client’s private key"));
}

/* Without the variable, the script stops before sending anything. */
static void
test_missing_secret (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *script = NULL;
  g_autofree char *err = NULL;

  if (skip_without_tools ())
    return;

  set_oauth (fixture, "client", "secret", RC_CLIENT_AUTH_BASIC_HEADER, FALSE);
  script = format (fixture->method);
  g_assert_cmpint (run_script (fixture, script, NULL, NULL, NULL, &err), !=, 0);
  g_assert_nonnull (
    strstr (err, "Set " RC_CURL_CLIENT_SECRET_VARIABLE " to the client secret first."));
  g_clear_pointer (&script, g_free);
  g_clear_pointer (&err, g_free);

  rc_auth_set_kind (rc_api_get_auth (fixture->api), RC_AUTH_KIND_BASIC);
  script = format (fixture->method);
  g_assert_cmpint (run_script (fixture, script, NULL, NULL, NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, "Set " RC_CURL_PASSWORD_VARIABLE " to the password first."));

  g_assert_cmpuint (fixture->token_server->requests->len, ==, 0);
  g_assert_cmpuint (fixture->api_server->requests->len, ==, 0);
}

/* A refused token request stops the script, which shows the answer. */
static void
test_token_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *script = NULL;
  g_autofree char *err = NULL;

  if (skip_without_tools ())
    return;

  set_oauth (fixture, "client", "secret", RC_CLIENT_AUTH_BODY, FALSE);
  fixture->refusal = "The client is disabled";
  script = format (fixture->method);

  g_assert_cmpint (
    run_script (fixture, script, RC_CURL_CLIENT_SECRET_VARIABLE, "secret", NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, "No access token in the answer of the authorization server at "));
  g_assert_nonnull (strstr (err, "\"error_description\":\"The client is disabled\""));
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 1);
  g_assert_cmpuint (fixture->api_server->requests->len, ==, 0);
}

static void
assert_format_fails (RcMethod   *method,
                     GQuark      domain,
                     int         code,
                     const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = rc_curl_format_command (method, NULL, &error);

  g_assert_null (script);
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

/* What keeps a script from being written, in words. */
static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RcMethod) lone = rc_method_new ("lone");
  g_autoptr(RcPairList) values = rc_pair_list_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  RcAuth *auth = rc_api_get_auth (fixture->api);
  RcPair *header;

  /* A parameter without a value; given one, the script is written. */
  rc_method_set_url (fixture->method, "/pets/{petId}/toys/{toyId}");
  assert_format_fails (fixture->method, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS, "“toyId”");
  rc_pair_list_append (values, "petId", "1");
  rc_pair_list_append (values, "toyId", "ball");
  script = rc_curl_format_command (fixture->method, values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (script, "/v1/pets/1/toys/ball'\n"));

  /* A relative URL with no API, and a URL that is not http(s). */
  rc_method_set_url (lone, "/relative");
  assert_format_fails (lone, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS, "no base URL");
  rc_method_set_url (lone, "ftp://example.com/file");
  assert_format_fails (lone, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS,
                       "not a valid http:// or https:// URL");

  /* Headers that HTTP does not allow. */
  rc_method_set_url (fixture->method, "/pets");
  header = rc_pair_list_append (rc_method_get_headers (fixture->method), "X-Bad\nName", "v");
  assert_format_fails (fixture->method, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS, "“X-Bad");
  /* curl would read "@name…" as a file of headers. */
  rc_pair_set_name (header, "@headers.txt");
  assert_format_fails (fixture->method, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS,
                       "“@headers.txt”");
  rc_pair_set_name (header, "X-Bad-Value");
  rc_pair_set_value (header, "one\r\nInjected: yes");
  assert_format_fails (fixture->method, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS,
                       "line break");
  rc_pair_list_clear (rc_method_get_headers (fixture->method));

  /* What the executor would refuse to send: a script would send it. */
  rc_method_set_verb (fixture->method, "GET /smuggled HTTP/1.1\r\nHost: evil\r\n\r\nGET");
  assert_format_fails (
    fixture->method, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS,
    "“GET /SMUGGLED HTTP/1.1\\r\\nHOST: EVIL\\r\\n\\r\\nGET” is not an HTTP verb");
  rc_method_set_verb (fixture->method, "POST");
  rc_method_set_body (fixture->method, "x");
  rc_method_set_content_type (fixture->method,
                              "text/plain\r\nContent-Length: 1\r\n\r\nxGET /steal");
  assert_format_fails (
    fixture->method, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS,
    "“text/plain\\r\\nContent-Length: 1\\r\\n\\r\\nxGET /steal” is not a media type");
  rc_method_set_content_type (fixture->method, "");
  rc_method_set_body (fixture->method, "");
  rc_method_set_verb (fixture->method, "GET");
  rc_pair_list_append (rc_api_get_headers (fixture->api), "Accept", "a\nX-Injected: 1");
  assert_format_fails (fixture->method, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS,
                       "of the API “Pet Store”: “a\\nX-Injected: 1” holds a line break");
  rc_pair_list_clear (rc_api_get_headers (fixture->api));

  /* OAuth 2.0 settings that make no token request. */
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  assert_format_fails (fixture->method, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS, "No client ID");
  rc_auth_set_client_id (auth, "client");
  rc_auth_set_token_url (auth, "http://auth.example.com/token");
  assert_format_fails (fixture->method, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS, "unencrypted");
  rc_auth_set_token_url (auth, "");
  assert_format_fails (fixture->method, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS,
                       "No access token URL");
}

/* Mutual TLS: both requests present the certificate and its key, and the
 * token request sends the client ID alone; a key that is only in the
 * keyring is a variable the script asks for, never the key. */
static void
test_oauth_tls (Fixture       *fixture,
                gconstpointer  data)
{
  static const char cert[] = "/home/me/my certs/client's.pem";
  static const char key[] = "/home/me/my certs/client's.key";
  RcAuth *auth = rc_api_get_auth (fixture->api);
  g_autofree char *script = NULL;
  g_autofree char *quoted_cert = g_shell_quote (cert);
  g_autofree char *quoted_key = g_shell_quote (key);
  g_autofree char *cert_option = g_strconcat ("--cert ", quoted_cert, NULL);
  g_autofree char *key_option = g_strconcat ("--key ", quoted_key, NULL);
  g_autofree char *err = NULL;
  const char *second;

  set_oauth (fixture, "mtls-client", NULL, RC_CLIENT_AUTH_TLS, FALSE);
  rc_auth_set_token_url (auth, "http://127.0.0.1:1/token");
  assert_format_fails (fixture->method, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS, "https://");

  rc_auth_set_token_url (auth, "https://auth.example.com/token");
  rc_auth_set_client_cert_file (auth, cert);
  rc_auth_set_private_key_file (auth, key);
  script = format (fixture->method);
  g_assert_null (strstr (script, RC_CURL_CLIENT_SECRET_VARIABLE));
  g_assert_null (strstr (script, RC_CURL_CLIENT_KEY_VARIABLE));
  g_assert_null (strstr (script, "-u "));
  g_assert_nonnull (strstr (script, "--data-raw 'client_id=mtls-client'"));
  /* On the token request, and again on the call. */
  g_assert_nonnull ((second = strstr (script, cert_option)));
  g_assert_nonnull (strstr (second + 1, cert_option));
  g_assert_nonnull ((second = strstr (script, key_option)));
  g_assert_nonnull (strstr (second + 1, key_option));
  g_clear_pointer (&script, g_free);

  /* The key in the keyring: the script says so and asks for a file. */
  rc_auth_set_private_key_file (auth, "");
  script = format (fixture->method);
  g_assert_nonnull (strstr (script, "# The client certificate’s private key is in Restcall’s "
                                    "keyring, not in a file"));
  g_assert_nonnull (strstr (script, "--key \"$" RC_CURL_CLIENT_KEY_VARIABLE "\""));
  g_assert_null (strstr (script, "PRIVATE KEY"));

  if (skip_without_tools ())
    return;

  g_assert_cmpint (run_script (fixture, script, NULL, NULL, NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, "Set " RC_CURL_CLIENT_KEY_VARIABLE " to the file of the client "
                                 "certificate’s private key first."));
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/restcall/curl/oauth-basic-header", test_oauth_basic_header);
  ADD ("/restcall/curl/oauth-body", test_oauth_body);
  ADD ("/restcall/curl/oauth-raw-basic", test_oauth_raw_basic);
  ADD ("/restcall/curl/oauth-remembered-raw", test_oauth_remembered_raw);
  ADD ("/restcall/curl/oauth-client-assertion", test_oauth_client_assertion);
  ADD ("/restcall/curl/oauth-tls", test_oauth_tls);
  ADD ("/restcall/curl/basic", test_basic);
  ADD ("/restcall/curl/verbs", test_verbs);
  ADD ("/restcall/curl/missing-secret", test_missing_secret);
  ADD ("/restcall/curl/token-refused", test_token_refused);
  ADD ("/restcall/curl/errors", test_errors);

#undef ADD

  return g_test_run ();
}
