/* rc-cli-run-all.c: `restcall run PROJECT --all`, every method with its test values
 *
 * The collection runner: sends every method of a project (or of one API,
 * --api) with its test values, one at a time or --concurrency at once,
 * on one executor, so that every call shares one session and one token
 * cache: the methods of an API fetch its token once. The run ends like a
 * batch (rc-cli-batch.c): every call has the executor's deadline, and a
 * watchdog cancels what is left when nothing finishes for longer.
 *
 * The report is in the project's order, whatever order the calls ended
 * in: one aligned line per method on stdout and a summary, each failure's
 * sentence on stderr; or, with --json, {"results": [the call's object
 * (rc-cli-result.c) with "api" and "method_name"], "summary": {…}}; and
 * with --junit FILE, JUnit XML for CI systems (rc-cli-junit.c).
 *
 * A method that cannot be sent is reported failed without being sent: a
 * URL parameter without a test value ("file": the project makes no
 * request), a secret the keyring does not give ("keyring"). One secret
 * given with --secret-env or --secret-stdin goes to every method that
 * needs one; else each comes from the keyring.
 *
 * With --save-history, each call sent is kept in the history as it ends.
 *
 * The exit status is that of the most frequent kind of failure; of kinds
 * as frequent, that of the first in the project's order. 0 only when
 * every call got a 2xx (and, with --save-history, was kept).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rc-cli-advice.h"
#include "rc-cli-input.h"
#include "rc-cli-junit.h"
#include "rc-cli-output.h"
#include "rc-cli-private.h"
#include "rc-cli-resolve.h"
#include "rc-cli-result.h"
#include "rc-cli-run-all.h"

/* How long the watchdog waits after cancelling for the calls to end. */
#define GRACE_SECONDS 5

typedef struct
{
  RcExecutor              *executor;
  RcCliTarget             *target;
  const RcCliBatchOptions *options;
  GPtrArray               *items;     /* RcCliRunItem, in the project's order */
  GMainLoop               *loop;
  GCancellable            *cancellable;
  guint                    watchdog_id;
  gboolean                 cancelled_by_watchdog;
  guint                    next;      /* the next item to look at */
  guint                    n_running;
  gboolean                 history_failed;
  gint64                   start;
  gint64                   end;
} Run;

typedef struct
{
  Run          *run;
  RcCliRunItem *item;
} CallData;

static void call_done_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data);

static void
item_free (gpointer data)
{
  RcCliRunItem *item = data;

  g_clear_pointer (&item->secret, rc_secret_free);
  g_clear_object (&item->resolved);
  g_clear_object (&item->values);
  g_clear_object (&item->exchange);
  g_free (item);
}

static void
run_free (Run *run)
{
  g_clear_handle_id (&run->watchdog_id, g_source_remove);
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->items, g_ptr_array_unref);
  g_free (run);
}

/* An exchange for a method that was never sent, saying why. */
static RcExchange *
new_unsent (const GError *error)
{
  RcExchange *exchange = rc_exchange_new ();

  rc_exchange_set_error (exchange, error);

  return exchange;
}

/* The method's test values, or why they make no URL. */
static gboolean
check_values (RcCliRunItem *item,
              GError      **error)
{
  g_autofree char *url = rc_executor_build_url (item->method, item->values, error);

  return url != NULL;
}

/* The method with the environment filled in, and its test values. */
static gboolean
resolve_item (RcCliTarget  *view,
              RcResolver   *resolver,
              RcCliRunItem *item,
              GError      **error)
{
  int status;

  if (!rc_cli_resolver_load (resolver, view, item->method, NULL, &status))
    {
      g_set_error_literal (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE,
                           _("The values of the secret variables could not be read from the "
                             "keyring."));
      return FALSE;
    }

  item->resolved = rc_resolver_resolve_method (resolver, item->method, error);
  if (item->resolved == NULL)
    return FALSE;

  item->method = item->resolved;
  rc_pair_list_copy_from (item->values, rc_method_get_test_values (item->method));

  return TRUE;
}

/* The secret the method needs: the one given, a secret variable's, or
 * the keyring's. */
static gboolean
find_secret (RcCliTarget  *view,
             RcResolver   *resolver,
             RcCliRunItem *item,
             const char   *given,
             GError      **error)
{
  RcAuth *auth = rc_method_get_effective_auth (item->method);
  RcMethod *owner = rc_method_get_auth (item->method) ? item->method : NULL;
  g_autoptr(RcSecretBinding) binding = NULL;
  const char *variable_secret;

  if (!rc_auth_needs_secret (auth))
    return TRUE;

  variable_secret = rc_resolver_get_auth_secret (resolver, auth);
  if (given || variable_secret)
    {
      item->secret = g_strdup (given ? given : variable_secret);
      return TRUE;
    }

  binding = rc_secret_binding_new_for_method (item->method, item->values);

  return rc_cli_target_lookup_secret (view, owner, auth, binding, &item->secret, error);
}

/* Every method of @api, or of the project; NULL when none needs a
 * secret, else the first auth that does. */
static GPtrArray *
list_items (RcCliTarget  *target,
            RcAuth      **needs_secret)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (item_free);

  *needs_secret = NULL;
  for (guint i = 0; i < rc_project_get_n_apis (target->project); i++)
    {
      RcApi *api = rc_project_get_api (target->project, i);

      if (target->api && api != target->api)
        continue;

      for (guint j = 0; j < rc_api_get_n_methods (api); j++)
        {
          RcCliRunItem *item = g_new0 (RcCliRunItem, 1);
          RcAuth *auth;

          item->api = api;
          item->method = rc_api_get_method (api, j);
          item->values = rc_pair_list_new ();
          rc_pair_list_copy_from (item->values, rc_method_get_test_values (item->method));
          g_ptr_array_add (items, item);

          auth = rc_method_get_effective_auth (item->method);
          if (*needs_secret == NULL && rc_auth_needs_secret (auth))
            *needs_secret = auth;
        }
    }

  return items;
}

/* Reads each method's values and secret; marks failed those that cannot
 * be sent. */
static void
prepare_items (RcCliTarget *target,
               RcResolver  *resolver,
               GPtrArray   *items,
               const char  *given)
{
  for (guint i = 0; i < items->len; i++)
    {
      RcCliRunItem *item = g_ptr_array_index (items, i);
      RcCliTarget view = *target;
      g_autoptr(GError) error = NULL;

      view.api = item->api;
      view.method = item->method;
      if (!resolve_item (&view, resolver, item, &error))
        {
          g_autofree char *message = rc_cli_dup_resolve_message (error, &view, resolver);

          g_free (error->message);
          error->message = g_steal_pointer (&message);
          item->exchange = new_unsent (error);
        }
      else if (!check_values (item, &error) || !find_secret (&view, resolver, item, given, &error))
        {
          item->exchange = new_unsent (error);
          rc_cli_advise_exchange (item->exchange, &view, item->method);
        }
    }
}

static gboolean
watchdog_cb (gpointer user_data)
{
  Run *run = user_data;

  if (!run->cancelled_by_watchdog)
    {
      /* The executor's deadline should have ended every call by now. */
      run->cancelled_by_watchdog = TRUE;
      g_cancellable_cancel (run->cancellable);
      run->watchdog_id = g_timeout_add_seconds (GRACE_SECONDS, watchdog_cb, run);
      return G_SOURCE_REMOVE;
    }

  run->watchdog_id = 0;
  g_main_loop_quit (run->loop);

  return G_SOURCE_REMOVE;
}

static void
restart_watchdog (Run *run)
{
  if (run->cancelled_by_watchdog)
    return;

  g_clear_handle_id (&run->watchdog_id, g_source_remove);
  run->watchdog_id = g_timeout_add_seconds (run->options->timeout + GRACE_SECONDS,
                                            watchdog_cb, run);
}

/* Starts calls up to --concurrency; quits when none is left to run. */
static void
start_calls (Run *run)
{
  while (run->next < run->items->len && run->n_running < (guint)run->options->concurrency)
    {
      RcCliRunItem *item = g_ptr_array_index (run->items, run->next++);
      CallData *data;

      if (item->exchange)
        continue;   /* never to be sent */

      data = g_new0 (CallData, 1);
      data->run = run;
      data->item = item;
      run->n_running++;
      rc_executor_call_async (run->executor, item->method, item->values, item->secret,
                              run->cancellable, call_done_cb, data);
    }

  if (run->n_running == 0)
    {
      run->end = g_get_monotonic_time ();
      g_main_loop_quit (run->loop);
    }
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree CallData *data = user_data;
  Run *run = data->run;

  RcCliTarget view = *run->target;

  data->item->exchange = rc_executor_call_finish (RC_EXECUTOR (object), result);
  view.api = data->item->api;
  rc_cli_advise_exchange (data->item->exchange, &view, data->item->method);
  rc_cli_keep_in_history (run->options, run->target, data->item->method, data->item->values,
                          data->item->exchange, &run->history_failed);
  run->n_running--;
  restart_watchdog (run);
  start_calls (run);
}

/* "Pets › list" */
static char *
dup_name (RcCliRunItem *item)
{
  return g_strdup_printf ("%s › %s", rc_api_get_name (item->api), rc_method_get_name (item->method));
}

/* "200 OK", or a dash for a call that got no response. */
static char *
dup_status (RcCliRunItem *item)
{
  guint status = rc_exchange_get_status (item->exchange);
  RcHttpRecord *record = rc_exchange_get_api_record (item->exchange);

  if (record == NULL || !rc_http_record_has_response (record) || status == 0)
    return g_strdup ("—");

  return g_strdup_printf ("%u %s", status, soup_status_get_phrase (status));
}

/* Kinds of failure, the most frequent first; of those as frequent, the
 * first in the project's order. */
static int
compare_kinds (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const RcCliTally *tally = user_data;
  RcFailure x = *(const RcFailure *)a;
  RcFailure y = *(const RcFailure *)b;

  if (tally->counts[x] != tally->counts[y])
    return tally->counts[x] > tally->counts[y] ? -1 : 1;

  return (tally->first[x] > tally->first[y]) - (tally->first[x] < tally->first[y]);
}

static gboolean
uses_oauth (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      RcCliRunItem *item = g_ptr_array_index (items, i);

      if (rc_auth_get_kind (rc_method_get_effective_auth (item->method)) ==
          RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
        return TRUE;
    }

  return FALSE;
}

/* One aligned line per method, and the summary, on stdout. */
static void
print_text (Run              *run,
            const RcCliTally *tally,
            guint             n_successes)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (RcFailure));
  g_autoptr(GString) line = g_string_new (NULL);
  guint name_width = 0, status_width = 0, time_width = 0;
  guint n_items = run->items->len;
  guint n_tokens = rc_token_cache_get_n_requests (rc_executor_get_token_cache (run->executor));

  for (guint i = 0; i < n_items; i++)
    {
      RcCliRunItem *item = g_ptr_array_index (run->items, i);

      g_ptr_array_add (names, dup_name (item));
      g_ptr_array_add (statuses, dup_status (item));
      g_ptr_array_add (times, g_strdup_printf (_("%.1f ms"),
                                               rc_exchange_get_duration_us (item->exchange)
                                               / 1000.0));
      name_width = MAX (name_width, rc_cli_text_width (g_ptr_array_index (names, i)));
      status_width = MAX (status_width, rc_cli_text_width (g_ptr_array_index (statuses, i)));
      time_width = MAX (time_width, rc_cli_text_width (g_ptr_array_index (times, i)));
    }

  for (guint i = 0; i < n_items; i++)
    {
      RcCliRunItem *item = g_ptr_array_index (run->items, i);
      RcFailure failure = rc_exchange_get_failure (item->exchange);
      const char *time = g_ptr_array_index (times, i);

      g_string_truncate (line, 0);
      /* Translators: the verdict of one method, four characters wide. */
      rc_cli_append_padded (line, failure == RC_FAILURE_NONE ? _("PASS") : _("FAIL"), 4, FALSE);
      g_string_append (line, "  ");
      rc_cli_append_padded (line, g_ptr_array_index (names, i), name_width, FALSE);
      g_string_append (line, "  ");
      rc_cli_append_padded (line, g_ptr_array_index (statuses, i), status_width, FALSE);
      g_string_append (line, "  ");
      rc_cli_append_padded (line, time, time_width, TRUE);
      if (failure != RC_FAILURE_NONE)
        g_string_append_printf (line, "  %s", rc_failure_get_code (failure));
      rc_cli_print ("%s\n", line->str);
    }

  g_string_truncate (line, 0);
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE,
                                             "%u method in %.0f ms: %u passed, %u failed",
                                             "%u methods in %.0f ms: %u passed, %u failed",
                                             n_items),
                          n_items, (run->end - run->start) / 1000.0, n_successes,
                          n_items - n_successes);

  for (RcFailure failure = RC_FAILURE_OTHER; failure < RC_FAILURE_N_KINDS; failure++)
    if (tally->counts[failure] > 0)
      g_array_append_val (kinds, failure);
  g_array_sort_with_data (kinds, compare_kinds, (gpointer)tally);
  for (guint i = 0; i < kinds->len; i++)
    {
      RcFailure failure = g_array_index (kinds, RcFailure, i);

      g_string_append_printf (line, "%s%s ×%u", i ? ", " : " (", rc_failure_get_code (failure),
                              tally->counts[failure]);
    }
  if (kinds->len > 0)
    g_string_append_c (line, ')');

  if (uses_oauth (run->items))
    g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "; %u token request",
                                               "; %u token requests", n_tokens),
                            n_tokens);
  rc_cli_print ("%s.\n", line->str);
}

/* --json: every call's object, with its API's and method's names first,
 * and the summary. */
static void
print_json (Run              *run,
            const RcCliTally *tally,
            guint             n_successes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  guint n_items = run->items->len;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_items; i++)
    {
      RcCliRunItem *item = g_ptr_array_index (run->items, i);
      g_autoptr(JsonNode) call = rc_exchange_json_build (item->exchange, item->method,
                                                           item->values);
      JsonObject *object = json_node_get_object (call);
      g_autoptr(GList) members = json_object_get_members (object);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "api");
      json_builder_add_string_value (builder, rc_api_get_name (item->api));
      json_builder_set_member_name (builder, "method_name");
      json_builder_add_string_value (builder, rc_method_get_name (item->method));
      for (GList *l = members; l; l = l->next)
        {
          json_builder_set_member_name (builder, l->data);
          json_builder_add_value (builder, json_object_dup_member (object, l->data));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "calls");
  json_builder_add_int_value (builder, n_items);
  json_builder_set_member_name (builder, "successes");
  json_builder_add_int_value (builder, n_successes);
  json_builder_set_member_name (builder, "failures");
  json_builder_add_int_value (builder, n_items - n_successes);
  rc_cli_tally_add_json (tally, builder);
  json_builder_set_member_name (builder, "token_requests");
  json_builder_add_int_value (
    builder, rc_token_cache_get_n_requests (rc_executor_get_token_cache (run->executor)));
  json_builder_set_member_name (builder, "total_ms");
  json_builder_add_double_value (builder, (run->end - run->start) / 1000.0);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = rc_cli_json_to_text (root);
  g_print ("%s", text);
}

/* Prints the report and each failure's sentence; returns the failure
 * the exit status tells. */
static RcFailure
report (Run                     *run,
        const RcCliBatchOptions *options)
{
  RcCliTally tally = { { 0 } };
  guint n_successes = 0;

  for (guint i = 0; i < run->items->len; i++)
    {
      RcCliRunItem *item = g_ptr_array_index (run->items, i);
      RcFailure failure = rc_exchange_get_failure (item->exchange);

      if (failure == RC_FAILURE_NONE)
        n_successes++;
      rc_cli_tally_add (&tally, failure, i, 1);
    }

  if (options->json)
    print_json (run, &tally, n_successes);
  else
    print_text (run, &tally, n_successes);

  for (guint i = 0; i < run->items->len; i++)
    {
      RcCliRunItem *item = g_ptr_array_index (run->items, i);
      g_autofree char *message = rc_exchange_dup_failure_message (item->exchange);
      g_autofree char *name = dup_name (item);

      if (message)
        rc_cli_error ("%s: %s", name, message);
    }

  return rc_cli_tally_get_main (&tally);
}

/**
 * rc_cli_run_all:
 * @target: the project loaded, and the API of --api if given
 * @secret_env: (nullable): --secret-env
 * @junit: (nullable): --junit FILE
 *
 * Runs every method of @target's API, or of its project, and reports
 * them (see the file's header comment).
 *
 * Returns: the exit status
 */
int
rc_cli_run_all (RcCliTarget             *target,
                RcResolver              *resolver,
                const char              *secret_env,
                gboolean                 secret_stdin,
                const char              *junit,
                const RcCliBatchOptions *options)
{
  g_autoptr(RcExecutor) executor = NULL;
  g_autoptr(RcCliSecret) given = NULL;
  g_autoptr(GError) error = NULL;
  RcAuth *needs_secret = NULL;
  RcFailure failure;
  Run *run;

  if (secret_env && secret_stdin)
    return rc_cli_usage_error (_("Give the secret once: --secret-env VAR or --secret-stdin."));

  run = g_new0 (Run, 1);
  run->target = target;
  run->options = options;
  run->items = list_items (target, &needs_secret);

  /* A job that runs nothing must not pass. */
  if (run->items->len == 0)
    {
      g_autofree char *path = rc_text_dup_shell_word (target->path);

      RcApi *api = target->api;

      if (api == NULL && rc_project_get_n_apis (target->project) > 0)
        api = rc_project_get_api (target->project, 0);

      if (api)
        {
          g_autofree char *name = rc_text_dup_shell_word (rc_api_get_name (api));

          if (target->api)
            rc_cli_error (_("The API “%s” has no methods to run. Add one with “restcall method "
                            "add %s %s NAME --url URL”."),
                          rc_api_get_name (api), path, name);
          else
            rc_cli_error (_("The project’s APIs have no methods to run. Add one with “restcall "
                            "method add %s %s NAME --url URL”."),
                          path, name);
        }
      else
        rc_cli_error (_("%s has no APIs to run. Add one with “restcall api add %s NAME "
                        "--base-url URL”, then its methods with “restcall method add”."),
                      target->path, path);
      run_free (run);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  /* Read once, for every method that needs a secret. */
  if (needs_secret && (secret_env || secret_stdin))
    {
      given = rc_cli_read_auth_secret (needs_secret, secret_env, secret_stdin, &error);
      if (given == NULL)
        {
          rc_cli_error ("%s", error->message);
          run_free (run);
          return RC_CLI_EXIT_FAILED;
        }
    }
  prepare_items (target, resolver, run->items, given);

  executor = rc_cli_executor_new (options);
  run->executor = executor;
  run->loop = g_main_loop_new (NULL, FALSE);
  run->cancellable = g_cancellable_new ();
  run->start = g_get_monotonic_time ();
  restart_watchdog (run);
  start_calls (run);
  if (run->n_running > 0)
    g_main_loop_run (run->loop);

  if (run->n_running > 0)
    {
      /* The watchdog gave up on calls that ignored their deadline. */
      run->end = g_get_monotonic_time ();
      for (guint i = 0; i < run->items->len; i++)
        {
          RcCliRunItem *item = g_ptr_array_index (run->items, i);

          g_autoptr(GError) gave_up = NULL;

          if (item->exchange)
            continue;
          gave_up = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                         _("The call did not finish, even after it was "
                                           "cancelled."));
          item->exchange = new_unsent (gave_up);
        }
    }

  failure = report (run, options);
  if (failure == RC_FAILURE_NONE && run->history_failed)
    failure = RC_FAILURE_FILE;

  if (junit && !rc_cli_junit_write (junit, run->items, run->end - run->start, &error))
    {
      rc_cli_error (_("The JUnit report could not be written to “%s”: %s."), junit,
                    error->message);
      failure = RC_FAILURE_FILE;
    }

  /* Calls still out would use the run when they end; they never will,
   * as the loop no longer runs, but keep it alive for them anyway. */
  if (run->n_running == 0)
    run_free (run);

  return rc_failure_get_exit_status (failure);
}
