/* bench-timings.c: how soon deadlines and cancels answer, and how long hostile documents take
 *
 * The time limits the core tests used to assert, measured here instead:
 * the tests still prove that a deadline ends a call with its error, that a
 * cancel ends it, that a hostile document is refused or named right; how
 * fast is a figure for a person, not a pass or a failure of a busy machine.
 * Each case runs ROUNDS times (3 unless told); its worst round is held
 * against its goal:
 *
 *   executor-deadline   a call with a 1 s deadline to an API that never
 *                       answers, until its error (goal: under 4 s)
 *   executor-cancel     a call cancelled once it reached the API, from the
 *                       cancel to its end (goal: under 1 s)
 *   cancel-one-waiter   two calls waiting for one token request held at
 *                       the server; one cancelled: from the cancel to its
 *                       end (goal: under 1 s)
 *   token-timeout       a token request to a server that never answers,
 *                       with a 1 s session timeout (goal: under 5 s)
 *   cli-timeout         `restcall call --timeout 1`, then the same as a
 *                       batch of 3 at once, to a server that never answers
 *                       (goal: under 10 s for both)
 *   yaml-alias-bomb     refusing YAML whose aliases expand to 10^20 nodes
 *                       (goal: under 10 s)
 *   openapi-same-ids    naming 20,000 operations with one operationId
 *                       (goal: under 10 s)
 *   openapi-many-params reading a document whose $refs make 1,042,000
 *                       parameters, keeping 1,000,000 (goal: under 60 s)
 *   keyring-locked      storing a secret while the keyring is locked and
 *                       no one answers its prompt (goal: under 8 s); only
 *                       in keyring-session.sh's throwaway keyring
 *
 *   bench/run-stall-bench.sh [BUILD_DIR]
 *   meson test -C _build --benchmark -v timings
 *
 * Prints a line per figure, and exits 1 when a goal was missed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-figures.h"
#include "rc-test-documents.h"
#include "rc-test-keyring.h"
#include "rc-test-server.h"
#include "restcall-core.h"

typedef struct
{
  gboolean    done;
  RcExchange *exchange;
  RcToken    *token;
  GError     *error;
} Called;

/* The token endpoint and the API of a case; what they hold back. */
typedef struct
{
  RcTestServer *server;
  GPtrArray    *held;
  gboolean      hold_api;
  gboolean      hold_token;
} Server;

typedef struct
{
  GPtrArray *held;
  guint      before;
} Reached;

/* A run of restcall, once it has exited. */
typedef struct
{
  gboolean done;
  int      status;
} Ran;

/* Helpers */

static void
handler (RcTestServer      *test_server,
         SoupServerMessage *message,
         const char        *path,
         gpointer           user_data)
{
  Server *server = user_data;

  if (g_str_equal (path, "/token"))
    {
      rc_test_respond (
        message, 200, "application/json",
        "{\"access_token\":\"bench-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
      if (!server->hold_token)
        return;
    }
  else if (!server->hold_api)
    {
      rc_test_respond (message, 200, "application/json", "{\"ok\":true}");
      return;
    }

  g_ptr_array_add (server->held, g_object_ref (message));
  soup_server_message_pause (message);
}

static void
server_start (Server *server)
{
  server->server = rc_test_server_new (FALSE);
  server->server->handler = handler;
  server->server->handler_data = server;
  server->held = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
server_stop (Server *server)
{
  for (guint i = 0; i < server->held->len; i++)
    {
      soup_server_message_unpause (g_ptr_array_index (server->held, i));
      rc_test_respond (g_ptr_array_index (server->held, i), 503, "text/plain", "gone");
    }
  g_clear_pointer (&server->held, g_ptr_array_unref);
  g_clear_pointer (&server->server, rc_test_server_free);
}

/* An API on @server whose one method needs a token (or none). */
static RcApi *
new_api (Server  *server,
         gboolean oauth)
{
  g_autofree char *base = rc_test_server_url (server->server, "/api/");
  g_autofree char *token_url = rc_test_server_url (server->server, "/token");
  RcApi *api = rc_api_new ("Bench");
  RcAuth *auth = rc_api_get_auth (api);
  RcMethod *method = rc_method_new ("get");

  rc_api_set_base_url (api, base);
  if (oauth)
    {
      rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
      rc_auth_set_client_id (auth, "bench");
      rc_auth_set_token_url (auth, token_url);
    }
  else
    {
      rc_auth_set_kind (auth, RC_AUTH_KIND_NONE);
    }
  rc_method_set_url (method, "/thing");
  rc_api_add_method (api, method);
  g_object_unref (method);

  return api;
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

static gboolean
done_cb (gpointer data)
{
  return ((Called *) data)->done;
}

static gboolean
reached_cb (gpointer data)
{
  Reached *reached = data;

  return reached->held->len > reached->before;
}

static void
expect_no_error (const GError *error)
{
  if (error != NULL)
    g_error ("Unexpected error: %s", error->message);
}

static void
expect_error (const GError *error,
              GQuark        domain,
              int           code)
{
  if (!g_error_matches (error, domain, code))
    g_error ("Expected error %s #%d, got %s", g_quark_to_string (domain), code,
             error ? error->message : "none");
}

/* The cases */

static void
bench_executor (guint rounds)
{
  BenchFigure *deadline =
    bench_figure_new ("executor-deadline", "a 1 s deadline, until the call ends", 4000);
  BenchFigure *cancel = bench_figure_new ("executor-cancel", "a cancel, until the call ends", 1000);

  for (guint i = 0; i < rounds; i++)
    {
      Server server = { .hold_api = TRUE };
      g_autoptr(RcExecutor) executor = rc_executor_new ();
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(RcApi) api = NULL;
      RcMethod *method;
      Called timed_out = { 0 }, cancelled = { 0 };
      Reached reached;
      gint64 start;
      double ms;

      server_start (&server);
      api = new_api (&server, FALSE);
      method = rc_api_get_method (api, 0);

      rc_executor_set_timeout (executor, 1);
      start = g_get_monotonic_time ();
      rc_executor_call_async (executor, method, NULL, NULL, NULL, called_cb, &timed_out);
      bench_wait (done_cb, &timed_out, "the deadline");
      ms = bench_ms_since (start);
      bench_figure_add (deadline, ms);
      expect_error (rc_exchange_get_error (timed_out.exchange), RC_EXECUTOR_ERROR,
                    RC_EXECUTOR_ERROR_TIMED_OUT);

      rc_executor_set_timeout (executor, 30);
      reached = (Reached) { server.held, server.held->len };
      rc_executor_call_async (executor, method, NULL, NULL, cancellable, called_cb, &cancelled);
      bench_wait (reached_cb, &reached, "the call to reach the API");
      start = g_get_monotonic_time ();
      g_cancellable_cancel (cancellable);
      bench_wait (done_cb, &cancelled, "the cancelled call to end");
      ms = bench_ms_since (start);
      bench_figure_add (cancel, ms);
      expect_error (rc_exchange_get_error (cancelled.exchange), G_IO_ERROR, G_IO_ERROR_CANCELLED);

      g_clear_object (&timed_out.exchange);
      g_clear_object (&cancelled.exchange);
      server_stop (&server);
    }

  bench_figure_report (deadline);
  bench_figure_report (cancel);
}

static void
bench_cancel_one_waiter (guint rounds)
{
  BenchFigure *cancel =
    bench_figure_new ("cancel-one-waiter", "a cancel, until that waiter ends", 1000);

  for (guint i = 0; i < rounds; i++)
    {
      Server server = { .hold_token = TRUE };
      g_autoptr(RcExecutor) executor = rc_executor_new ();
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(RcApi) api = NULL;
      RcMethod *method;
      Called cancelled = { 0 }, kept = { 0 };
      Reached reached;
      gint64 start;
      double ms;

      server_start (&server);
      api = new_api (&server, TRUE);
      method = rc_api_get_method (api, 0);
      reached = (Reached) { server.held, 0 };
      rc_executor_call_async (executor, method, NULL, "s", cancellable, called_cb, &cancelled);
      rc_executor_call_async (executor, method, NULL, "s", NULL, called_cb, &kept);
      bench_wait (reached_cb, &reached, "the token request to reach the server");
      start = g_get_monotonic_time ();
      g_cancellable_cancel (cancellable);
      bench_wait (done_cb, &cancelled, "the cancelled waiter to end");
      ms = bench_ms_since (start);
      bench_figure_add (cancel, ms);
      expect_error (rc_exchange_get_error (cancelled.exchange), G_IO_ERROR, G_IO_ERROR_CANCELLED);

      soup_server_message_unpause (g_ptr_array_index (server.held, 0));
      g_ptr_array_remove_index (server.held, 0);
      bench_wait (done_cb, &kept, "the other waiter to end");
      g_clear_object (&cancelled.exchange);
      g_clear_object (&kept.exchange);
      server_stop (&server);
    }

  bench_figure_report (cancel);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Called *called = user_data;

  called->token =
    rc_token_cache_get_token_finish (RC_TOKEN_CACHE (object), result, NULL, &called->error);
  called->done = TRUE;
}

static void
bench_token_timeout (guint rounds)
{
  BenchFigure *timeout =
    bench_figure_new ("token-timeout", "a 1 s session timeout, until the error", 5000);

  for (guint i = 0; i < rounds; i++)
    {
      Server server = { .hold_token = TRUE };
      g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 1, NULL);
      g_autoptr(RcTokenCache) cache = rc_token_cache_new (session);
      g_autoptr(RcApi) api = NULL;
      Called fetched = { 0 };
      gint64 start;
      double ms;

      server_start (&server);
      api = new_api (&server, TRUE);
      start = g_get_monotonic_time ();
      rc_token_cache_get_token_async (cache, rc_api_get_auth (api), "s", NULL, NULL, fetched_cb,
                                      &fetched);
      bench_wait (done_cb, &fetched, "the token request to time out");
      ms = bench_ms_since (start);
      bench_figure_add (timeout, ms);
      expect_error (fetched.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_NETWORK);
      g_clear_error (&fetched.error);
      g_clear_object (&fetched.token);
      server_stop (&server);
    }

  bench_figure_report (timeout);
}

static void
exited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Ran *ran = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  ran->status = g_subprocess_get_exit_status (G_SUBPROCESS (object));
  ran->done = TRUE;
}

static gboolean
exited_done_cb (gpointer data)
{
  return ((Ran *) data)->done;
}

/* Runs $RESTCALL_BIN with @args (its output thrown away) while the main
 * loop serves the server; its exit status. */
static int
run_restcall (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Ran ran = { 0 };

  g_ptr_array_add (argv, (gpointer) g_getenv ("RESTCALL_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv (
    (const char *const *) argv->pdata,
    G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, exited_cb, &ran);
  bench_wait (exited_done_cb, &ran, "restcall to exit");

  return ran.status;
}

static void
bench_cli_timeout (guint rounds)
{
  BenchFigure *both =
    bench_figure_new ("cli-timeout", "--timeout 1, once and as a batch of 3", 10000);

  for (guint i = 0; i < rounds; i++)
    {
      Server server = { .hold_api = TRUE };
      g_autofree char *url = NULL;
      int single, batch;
      gint64 start;
      double ms;

      server_start (&server);
      url = rc_test_server_url (server.server, "/api/hang");
      start = g_get_monotonic_time ();
      single = run_restcall ((const char * const[]) { "call", "--timeout", "1", url, NULL });
      batch = run_restcall ((const char *const[]){ "call", "--timeout", "1", "--repeat", "3",
                                                   "--concurrency", "3", "--json", url, NULL });
      ms = bench_ms_since (start);
      bench_figure_add (both, ms);
      if (single != 1 || batch != 1)
        g_error ("restcall call --timeout 1 exited %d and %d, not 1", single, batch);
      server_stop (&server);
    }

  bench_figure_report (both);
}

static void
bench_documents (guint rounds)
{
  g_autoptr(GBytes) bomb = rc_test_yaml_alias_bomb ();
  g_autoptr(GBytes) same = rc_test_openapi_same_ids (20000);
  g_autoptr(GBytes) many = rc_test_openapi_many_params ();
  BenchFigure *bomb_ms =
    bench_figure_new ("yaml-alias-bomb", "aliases for 10^20 nodes, until refused", 10000);
  BenchFigure *same_ms =
    bench_figure_new ("openapi-same-ids", "20,000 operations of one operationId", 10000);
  BenchFigure *many_ms =
    bench_figure_new ("openapi-many-params", "1,042,000 parameters through $refs", 60000);

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(RcOpenApi) named = NULL;
      g_autoptr(RcOpenApi) kept = NULL;
      gint64 start;
      double ms;

      start = g_get_monotonic_time ();
      root = rc_document_parse (bomb, "bomb.yaml", &error);
      ms = bench_ms_since (start);
      bench_figure_add (bomb_ms, ms);
      expect_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_TOO_LARGE);
      g_clear_error (&error);

      start = g_get_monotonic_time ();
      named = rc_open_api_new_from_bytes (same, "same.json", NULL, &error);
      ms = bench_ms_since (start);
      bench_figure_add (same_ms, ms);
      expect_no_error (error);

      start = g_get_monotonic_time ();
      kept = rc_open_api_new_from_bytes (many, "many.json", NULL, &error);
      ms = bench_ms_since (start);
      bench_figure_add (many_ms, ms);
      expect_no_error (error);
    }

  bench_figure_report (bomb_ms);
  bench_figure_report (same_ms);
  bench_figure_report (many_ms);
}

static void
bench_locked_keyring (guint rounds)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GError) error = NULL;
  BenchFigure *store =
    bench_figure_new ("keyring-locked", "storing while locked, until session-only", 8000);
  GList *collections;

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collections = secret_service_get_collections (service);
  secret_service_lock_sync (service, collections, NULL, NULL, &error);
  g_assert_no_error (error);
  g_list_free_full (collections, g_object_unref);

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
      g_autoptr(RcSecretBinding) binding =
        rc_secret_binding_new ("https://auth.example.com", "bench");
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (rc_test_keyring_store (secrets, "locked-project", "o", "s", binding, "while-locked",
                                 &error))
        g_error ("The locked keyring took the secret");
      ms = bench_ms_since (start);
      bench_figure_add (store, ms);
      expect_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE);
      g_clear_error (&error);
    }

  bench_figure_report (store);
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : 3;

  if (rounds == 0 || argc > 2)
    {
      g_printerr ("usage: %s [ROUNDS]\n", argv[0]);
      return 2;
    }
  if (g_getenv ("RESTCALL_BIN") == NULL)
    {
      g_printerr (
        "Set RESTCALL_BIN to the restcall binary (bench/run-stall-bench.sh and meson do)\n");
      return 2;
    }

  g_print ("%u rounds each; the worst round is held against the goal\n", rounds);
  bench_executor (rounds);
  bench_cancel_one_waiter (rounds);
  bench_token_timeout (rounds);
  bench_cli_timeout (rounds);
  bench_documents (rounds);
  /* Last: it locks the keyring for good. */
  if (g_getenv ("RC_KEYRING_SESSION") != NULL)
    bench_locked_keyring (rounds);
  else
    g_print (
      "%-19s skipped: run it through tests/keyring-session.sh, which gives it a keyring to lock\n",
      "keyring-locked");

  return bench_goal_missed () ? 1 : 0;
}
