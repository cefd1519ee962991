/* test-failure.c: errors sorted into kinds, each with a code and an exit status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "restcall-core.h"
#include "rc-test-server.h"

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

/* What the executor says when it calls @url, without authentication. */
static RcFailure
classify_call (const char *url)
{
  g_autoptr(RcExecutor) executor = rc_executor_new ();
  g_autoptr(RcApi) api = rc_api_new ("Pets");
  g_autoptr(RcMethod) method = rc_method_new ("list");
  g_autoptr(GError) copy = NULL;
  Called called = { 0 };
  RcFailure failure;

  rc_method_set_url (method, url);
  rc_api_add_method (api, method);
  rc_executor_call_async (executor, method, NULL, NULL, NULL, called_cb, &called);
  rc_test_wait_for (&called.done, 30);

  g_assert_nonnull (rc_exchange_get_error (called.exchange));
  failure = rc_failure_classify (rc_exchange_get_error (called.exchange));

  /* A copy keeps the error behind it. */
  copy = g_error_copy (rc_exchange_get_error (called.exchange));
  g_assert_cmpint (rc_failure_classify (copy), ==, failure);

  g_object_unref (called.exchange);

  return failure;
}

static void
test_classify (void)
{
  struct {
    GQuark    domain;
    int       code;
    RcFailure expected;
  } cases[] = {
    { G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, RC_FAILURE_DNS },
    { G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, RC_FAILURE_CONNECTION },
    { G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED, RC_FAILURE_CONNECTION },
    { G_IO_ERROR, G_IO_ERROR_TIMED_OUT, RC_FAILURE_TIMEOUT },
    { G_IO_ERROR, G_IO_ERROR_NOT_FOUND, RC_FAILURE_FILE },
    { G_IO_ERROR, G_IO_ERROR_CANCELLED, RC_FAILURE_OTHER },
    { G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE, RC_FAILURE_TLS },
    { G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION, RC_FAILURE_USAGE },
    { RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID, RC_FAILURE_FILE },
    { RC_JSON_ERROR, RC_JSON_ERROR_SYNTAX, RC_FAILURE_FILE },
    { RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE, RC_FAILURE_KEYRING },
    { RC_CALL_ERROR, RC_CALL_ERROR_NO_SECRET, RC_FAILURE_KEYRING },
    { RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED, RC_FAILURE_TOKEN_REFUSED },
    { RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED_BEFORE, RC_FAILURE_TOKEN_REFUSED },
    { RC_OAUTH_ERROR, RC_OAUTH_ERROR_BAD_RESPONSE, RC_FAILURE_OTHER },
    { RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS, RC_FAILURE_FILE },
    { RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_TIMED_OUT, RC_FAILURE_TIMEOUT },
    { RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS, RC_FAILURE_FILE },
    { RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_TOO_LARGE, RC_FAILURE_OTHER },
    { RC_HTTP_ERROR, RC_HTTP_ERROR_TIMED_OUT, RC_FAILURE_TIMEOUT },
    { RC_OPEN_API_LOAD_ERROR, RC_OPEN_API_LOAD_ERROR_NO_SUCH_FILE, RC_FAILURE_FILE },
  };

  g_assert_cmpint (rc_failure_classify (NULL), ==, RC_FAILURE_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (cases[i].domain, cases[i].code, "x");

      g_test_message ("%s %d", g_quark_to_string (cases[i].domain), cases[i].code);
      g_assert_cmpint (rc_failure_classify (error), ==, cases[i].expected);
    }
}

/* A network error in the token cache's words is sorted by the error
 * behind it, which a copy keeps. */
static void
test_oauth_cause (void)
{
  g_autoptr(GError) cause = g_error_new_literal (G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                                                 "Name or service not known");
  g_autoptr(GError) error = g_error_new_literal (RC_OAUTH_ERROR, RC_OAUTH_ERROR_NETWORK,
                                                 "Could not reach the authorization server");
  g_autoptr(GError) copy = NULL;

  g_assert_null (rc_oauth_error_get_cause (error));
  g_assert_cmpint (rc_failure_classify (error), ==, RC_FAILURE_CONNECTION);

  rc_oauth_error_set_cause (error, cause);
  copy = g_error_copy (error);
  g_clear_error (&error);
  g_assert_error (rc_oauth_error_get_cause (copy), G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND);
  g_assert_cmpint (rc_failure_classify (copy), ==, RC_FAILURE_DNS);
  g_assert_null (rc_executor_error_get_cause (copy));
}

/* The executor's network errors, from real causes. */
static void
test_executor_cause (void)
{
  g_autoptr(RcTestServer) gone = rc_test_server_new (FALSE);
  g_autofree char *closed = rc_test_server_url (gone, "/pets");

  /* Nothing listens there any more. */
  g_clear_pointer (&gone, rc_test_server_free);

  g_assert_cmpint (classify_call (closed), ==, RC_FAILURE_CONNECTION);
  g_assert_cmpint (classify_call ("http://restcall-test.invalid/pets"), ==, RC_FAILURE_DNS);
}

/* The URL parameter without a value is kept beside the message. */
static void
test_missing_parameter (void)
{
  g_autoptr(RcMethod) method = rc_method_new ("get");
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  rc_method_set_url (method, "https://example.com/pets/{petId}");
  url = rc_executor_build_url (method, NULL, &error);
  g_assert_null (url);
  g_assert_error (error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS);
  g_assert_cmpstr (rc_executor_error_get_parameter (error), ==, "petId");
  g_assert_null (rc_executor_error_get_cause (error));
}

static void
test_http_status (void)
{
  g_assert_cmpint (rc_failure_for_http_status (200), ==, RC_FAILURE_NONE);
  g_assert_cmpint (rc_failure_for_http_status (204), ==, RC_FAILURE_NONE);
  g_assert_cmpint (rc_failure_for_http_status (302), ==, RC_FAILURE_OTHER);
  g_assert_cmpint (rc_failure_for_http_status (400), ==, RC_FAILURE_HTTP_4XX);
  g_assert_cmpint (rc_failure_for_http_status (404), ==, RC_FAILURE_HTTP_4XX);
  g_assert_cmpint (rc_failure_for_http_status (500), ==, RC_FAILURE_HTTP_5XX);
  g_assert_cmpint (rc_failure_for_http_status (503), ==, RC_FAILURE_HTTP_5XX);
  g_assert_cmpint (rc_failure_for_http_status (0), ==, RC_FAILURE_OTHER);
}

/* Codes and statuses are a promise to scripts: distinct, and as documented. */
static void
test_codes (void)
{
  static const char * const codes[] = {
    "none", "other", "usage", "file", "keyring", "dns", "connection", "tls", "timeout",
    "token-refused", "http-4xx", "http-5xx",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (codes) == RC_FAILURE_N_KINDS);

  for (RcFailure failure = RC_FAILURE_NONE; failure < RC_FAILURE_N_KINDS; failure++)
    {
      g_assert_cmpstr (rc_failure_get_code (failure), ==, codes[failure]);
      g_assert_cmpint (rc_failure_get_exit_status (failure), ==, (int)failure);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/failure/classify", test_classify);
  g_test_add_func ("/restcall/failure/oauth-cause", test_oauth_cause);
  g_test_add_func ("/restcall/failure/executor-cause", test_executor_cause);
  g_test_add_func ("/restcall/failure/missing-parameter", test_missing_parameter);
  g_test_add_func ("/restcall/failure/http-status", test_http_status);
  g_test_add_func ("/restcall/failure/codes", test_codes);

  return g_test_run ();
}
