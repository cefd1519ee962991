/* rc-cli-batch.c: N calls of one method, C at once, and their report
 *
 * A batch sends one method N times, at most C at once, on one executor,
 * so every call shares one session and one token cache: N calls that need
 * the same token cause one token request. The batch runs in a main loop
 * that always ends: every call has the executor's deadline, and a watchdog
 * cancels what is left when nothing finishes for longer than that. A
 * response body is read up to --max-size (64 MiB by default), decompressed.
 *
 * Once the authorization server has refused the token request for good
 * (the client, its grant, its scopes), the calls after it are not sent:
 * the token cache remembers the refusal, and the report counts them
 * apart. A server that is down or failing is asked again by each call.
 *
 * One call prints its body on stdout as it came (and a newline after
 * it only on a terminal, like HTTPie), with -i its status line and
 * headers first; or writes it to the --output file, whole and only after
 * a 2xx; or, with --json, prints the call as JSON (rc-cli-result.c).
 * More calls print a summary, or with --json a report that counts
 * statuses and failures by their stable codes. -s leaves out the notes
 * on stderr (an all-successful summary, where the body was saved), never
 * an error.
 *
 * With `run --save-history`, each call is kept in the history
 * (rc-history.c) as it ends, as the window keeps it.
 *
 * The exit status is that of the most frequent kind of failure
 * (rc-failure.c) among the calls; of kinds as frequent, that of the call
 * started first. 0 only when every call got a 2xx (and, with
 * --save-history, was kept).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <unistd.h>

#include "rc-cli-batch.h"
#include "rc-cli-advice.h"
#include "rc-cli-private.h"
#include "rc-cli-result.h"

#define DEFAULT_TIMEOUT_SECONDS 30
/* A day: longer waits are a typo, and the deadline must fit a guint. */
#define MAX_TIMEOUT_SECONDS (24 * 3600)
#define MAX_REPEAT 1000000
#define MAX_CONCURRENCY 256
/* How long the watchdog waits after cancelling for the calls to end. */
#define GRACE_SECONDS 5

typedef struct
{
  RcExecutor              *executor;
  RcCliTarget             *target;
  RcMethod                *method;
  RcPairList              *values;
  const char              *secret;
  const RcCliBatchOptions *options;

  GMainLoop               *loop;
  GCancellable            *cancellable;
  guint                    watchdog_id;
  gboolean                 cancelled_by_watchdog;

  guint                    n_started;
  guint                    n_finished;
  guint                    n_successes;
  guint                    n_not_sent;  /* after a token refusal remembered */
  char                    *not_sent;    /* why, the error message */
  RcExchange              *first;
  GArray                  *durations;   /* gint64, µs */
  GHashTable              *statuses;    /* status → count */
  GHashTable              *errors;      /* message → ErrorCount */
  RcCliTally               failures;    /* by kind, and the first call of each */
  gboolean                 history_failed;
  gint64                   start;
  gint64                   end;
} Batch;

typedef struct
{
  Batch *batch;
  guint  index;
} CallData;

/* Calls that got no response, by what they were told. */
typedef struct
{
  const char *message;
  RcFailure   failure;
  guint       count;
} ErrorCount;

static gboolean watchdog_cb  (gpointer      user_data);
static void     call_done_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data);

static void
batch_free (Batch *batch)
{
  g_clear_handle_id (&batch->watchdog_id, g_source_remove);
  g_clear_pointer (&batch->loop, g_main_loop_unref);
  g_clear_object (&batch->cancellable);
  g_clear_object (&batch->first);
  g_clear_pointer (&batch->not_sent, g_free);
  g_clear_pointer (&batch->durations, g_array_unref);
  g_clear_pointer (&batch->statuses, g_hash_table_unref);
  g_clear_pointer (&batch->errors, g_hash_table_unref);
  g_free (batch);
}

static void
error_count_free (gpointer data)
{
  ErrorCount *error = data;

  g_free ((char *)error->message);
  g_free (error);
}

static void
count_error (Batch      *batch,
             const char *message,
             RcFailure   failure,
             guint       count)
{
  ErrorCount *error = g_hash_table_lookup (batch->errors, message);

  if (error == NULL)
    {
      char *key = g_strdup (message);

      error = g_new0 (ErrorCount, 1);
      error->message = key;
      error->failure = failure;
      g_hash_table_insert (batch->errors, key, error);
    }
  error->count += count;
}

static double
median_ms (GArray *durations)
{
  gint64 *values = (gint64 *)(gpointer)durations->data;
  guint n = durations->len;

  if (n == 0)
    return 0;

  /* The array is sorted by the caller. */
  if (n % 2)
    return values[n / 2] / 1000.0;

  return (values[n / 2 - 1] + values[n / 2]) / 2000.0;
}

static int
compare_durations (gconstpointer a,
                   gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (*(gconstpointer *)a);
  guint y = GPOINTER_TO_UINT (*(gconstpointer *)b);

  return (x > y) - (x < y);
}

static int
compare_error_counts (gconstpointer a,
                      gconstpointer b)
{
  const ErrorCount *x = a;
  const ErrorCount *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;

  return g_strcmp0 (x->message, y->message);
}

/* Statuses in ascending order. */
static GPtrArray *
sorted_statuses (Batch *batch)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, batch->statuses);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_uints);

  return keys;
}

/* Errors, the most frequent first; without the calls not sent, for
 * those the summary counts apart. */
static GArray *
sorted_errors (Batch    *batch,
               gboolean  with_not_sent)
{
  GArray *errors = g_array_new (FALSE, FALSE, sizeof (ErrorCount));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, batch->errors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (with_not_sent || g_strcmp0 (key, batch->not_sent) != 0)
        g_array_append_vals (errors, value, 1);
    }
  g_array_sort (errors, compare_error_counts);

  return errors;
}

static void
add_count (JsonBuilder *builder,
           const char  *name,
           guint        count)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, count);
}

/* The calls as a whole, for --json with --repeat: their statuses, their
 * failures by stable code, and the errors of those that got no response
 * (doc/restcall.1, JSON OUTPUT). */
static char *
build_report (Batch *batch)
{
  g_autoptr(GPtrArray) statuses = sorted_statuses (batch);
  g_autoptr(GArray) errors = sorted_errors (batch, TRUE);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n_calls = batch->options->repeat;

  json_builder_begin_object (builder);
  add_count (builder, "calls", n_calls);
  add_count (builder, "successes", batch->n_successes);
  add_count (builder, "failures", n_calls - batch->n_successes);

  json_builder_set_member_name (builder, "status_counts");
  json_builder_begin_object (builder);
  for (guint i = 0; i < statuses->len; i++)
    {
      gpointer status = g_ptr_array_index (statuses, i);
      g_autofree char *key = g_strdup_printf ("%u", GPOINTER_TO_UINT (status));

      add_count (builder, key,
                 GPOINTER_TO_UINT (g_hash_table_lookup (batch->statuses, status)));
    }
  json_builder_end_object (builder);

  rc_cli_tally_add_json (&batch->failures, builder);

  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < errors->len; i++)
    {
      ErrorCount *error = &g_array_index (errors, ErrorCount, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, rc_failure_get_code (error->failure));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, error->message);
      add_count (builder, "count", error->count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_count (builder, "token_requests",
             rc_token_cache_get_n_requests (rc_executor_get_token_cache (batch->executor)));
  json_builder_set_member_name (builder, "total_ms");
  json_builder_add_double_value (builder, (batch->end - batch->start) / 1000.0);
  json_builder_set_member_name (builder, "median_ms");
  json_builder_add_double_value (builder, median_ms (batch->durations));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return rc_cli_json_to_text (root);
}

/* One line on stderr: what a repeated call did. */
static void
print_summary (Batch *batch)
{
  g_autoptr(GPtrArray) statuses = sorted_statuses (batch);
  g_autoptr(GArray) errors = sorted_errors (batch, FALSE);
  guint n_calls = batch->options->repeat;
  guint n_tokens = rc_token_cache_get_n_requests (rc_executor_get_token_cache (batch->executor));
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, _("%u calls in %.1f ms (median %.1f ms): %u succeeded, %u failed"),
                          n_calls, (batch->end - batch->start) / 1000.0,
                          median_ms (batch->durations), batch->n_successes,
                          n_calls - batch->n_successes);

  for (guint i = 0; i < statuses->len; i++)
    {
      gpointer status = g_ptr_array_index (statuses, i);

      g_string_append_printf (line, _("%sHTTP %u ×%u"), i ? ", " : "; ", GPOINTER_TO_UINT (status),
                              GPOINTER_TO_UINT (g_hash_table_lookup (batch->statuses, status)));
    }

  if (errors->len > 0)
    {
      ErrorCount *error = &g_array_index (errors, ErrorCount, 0);

      g_string_append_printf (line, _("; no response ×%u: %s"), error->count, error->message);
      if (errors->len > 1)
        g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, " (and %u other error)",
                                                   " (and %u other errors)", errors->len - 1),
                                errors->len - 1);
    }

  if (batch->n_not_sent > 0)
    /* Translators: the %s is why, such as "The token request was refused
     * (invalid_client); Restcall did not ask again." */
    g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "; %u call not sent: %s",
                                               "; %u calls not sent: %s", batch->n_not_sent),
                            batch->n_not_sent, batch->not_sent);

  if (rc_auth_get_kind (rc_method_get_effective_auth (batch->method)) ==
      RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "; %u token request",
                                               "; %u token requests", n_tokens),
                            n_tokens);
  if (line->str[line->len - 1] != '.')
    g_string_append_c (line, '.');

  rc_cli_error ("%s", line->str);
  g_string_free (line, TRUE);
}

/* The response's body, exactly as it came; with a newline after it on a
 * terminal only, so that the prompt starts a line of its own. */
static void
print_body (GBytes *body)
{
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;

  if (size > 0)
    {
      fwrite (data, 1, size, stdout);
      if (data[size - 1] != '\n' && isatty (fileno (stdout)))
        fputc ('\n', stdout);
    }
  fflush (stdout);
}

/* --output: the body of a call that got a 2xx, written whole to the file
 * or not at all, as Save Response writes it (rc-response-save.c). */
static RcFailure
save_body (GBytes                  *body,
           const RcCliBatchOptions *options)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->output);
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  gsize length = 0;
  const char *data = body ? g_bytes_get_data (body, &length) : "";

  if (!g_file_replace_contents (file, data ? data : "", length, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      rc_cli_error (_("The response could not be saved to “%s”: %s."), options->output,
                    error->message);
      return RC_FAILURE_FILE;
    }

  if (!options->silent)
    {
      size = g_format_size_full (length, G_FORMAT_SIZE_LONG_FORMAT);
      /* Translators: "Saved 1.2 kB (1,234 bytes) to pet.png." */
      rc_cli_error (_("Saved %s to %s."), size, options->output);
    }

  return RC_FAILURE_NONE;
}

/* A single call's response, without --json or --inspect: its head with
 * -i, then its body on stdout, or in the --output file. */
static void
print_response (RcExchange              *exchange,
                const RcCliBatchOptions *options)
{
  RcHttpRecord *record = rc_exchange_get_api_record (exchange);
  GBytes *body;

  if (record == NULL || !rc_http_record_has_response (record))
    return;

  body = rc_http_record_get_response_body (record);
  if (options->include)
    {
      g_autofree char *head = rc_http_record_format_head (record, TRUE, FALSE);

      g_print ("%s\n", head);
    }
  if (options->output == NULL)
    print_body (body);
  else
    fflush (stdout);
}

/* Prints what the calls came to; returns a failure of its own, if any
 * (the --output file could not be written). */
static RcFailure
print_results (Batch *batch)
{
  const RcCliBatchOptions *options = batch->options;
  gboolean single = options->repeat == 1;
  RcFailure failure = RC_FAILURE_NONE;

  g_array_sort (batch->durations, compare_durations);

  if (options->inspect && batch->first)
    {
      g_autofree char *text = rc_exchange_format (batch->first, FALSE);

      /* Beside --json, stdout is the report's alone. */
      if (options->json)
        g_printerr ("%s", text);
      else
        g_print ("%s", text);
    }
  else if (single && !options->json && batch->first)
    print_response (batch->first, options);

  if (options->json)
    {
      g_autoptr(JsonNode) call = NULL;
      g_autofree char *text = NULL;

      /* One call is that call; more, or none that finished, the batch. */
      if (single && batch->first)
        {
          call = rc_exchange_json_build (batch->first, batch->method, batch->values);
          text = rc_cli_json_to_text (call);
        }
      else
        text = build_report (batch);
      g_print ("%s", text);
    }

  if (single && batch->first && options->output && rc_exchange_is_success (batch->first))
    {
      RcHttpRecord *record = rc_exchange_get_api_record (batch->first);

      failure = save_body (rc_http_record_get_response_body (record), options);
    }

  if (single && batch->first == NULL)
    rc_cli_error ("%s", _("The call did not finish, even after it was cancelled."));
  else if (single && !rc_exchange_is_success (batch->first))
    {
      g_autofree char *message = rc_exchange_dup_failure_message (batch->first);

      rc_cli_error ("%s", message);
    }
  else if (!single && !options->json
           && (!options->silent || batch->n_successes < (guint)options->repeat))
    print_summary (batch);

  return failure;
}

static void
restart_watchdog (Batch *batch)
{
  if (batch->cancelled_by_watchdog)
    return;

  g_clear_handle_id (&batch->watchdog_id, g_source_remove);
  batch->watchdog_id = g_timeout_add_seconds (batch->options->timeout + GRACE_SECONDS,
                                              watchdog_cb, batch);
}

static void
start_calls (Batch *batch)
{
  while (batch->n_started < (guint)batch->options->repeat
         && batch->n_started - batch->n_finished < (guint)batch->options->concurrency)
    {
      CallData *data = g_new0 (CallData, 1);

      data->batch = batch;
      data->index = batch->n_started++;
      rc_executor_call_async (batch->executor, batch->method, batch->values, batch->secret,
                              batch->cancellable, call_done_cb, data);
    }
}

static gboolean
watchdog_cb (gpointer user_data)
{
  Batch *batch = user_data;

  if (!batch->cancelled_by_watchdog)
    {
      /* The executor's deadline should have ended every call by now. */
      batch->cancelled_by_watchdog = TRUE;
      g_cancellable_cancel (batch->cancellable);
      batch->watchdog_id = g_timeout_add_seconds (GRACE_SECONDS, watchdog_cb, batch);
      return G_SOURCE_REMOVE;
    }

  batch->watchdog_id = 0;
  g_main_loop_quit (batch->loop);

  return G_SOURCE_REMOVE;
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree CallData *data = user_data;
  Batch *batch = data->batch;
  g_autoptr(RcExchange) exchange = rc_executor_call_finish (RC_EXECUTOR (object), result);
  const GError *error;
  gint64 duration = rc_exchange_get_duration_us (exchange);
  RcFailure failure = rc_exchange_get_failure (exchange);

  rc_cli_advise_exchange (exchange, batch->target, batch->method);
  rc_cli_keep_in_history (batch->options, batch->target, batch->method, batch->values, exchange,
                          &batch->history_failed);
  error = rc_exchange_get_error (exchange);

  batch->n_finished++;
  g_array_append_val (batch->durations, duration);

  if (failure == RC_FAILURE_NONE)
    batch->n_successes++;
  else
    rc_cli_tally_add (&batch->failures, failure, data->index, 1);

  if (g_error_matches (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED_BEFORE))
    {
      batch->n_not_sent++;
      if (batch->not_sent == NULL)
        batch->not_sent = g_strdup (error->message);
    }

  if (error)
    count_error (batch, error->message, failure, 1);
  else
    {
      gpointer status = GUINT_TO_POINTER (rc_exchange_get_status (exchange));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (batch->statuses, status));

      g_hash_table_replace (batch->statuses, status, GUINT_TO_POINTER (count + 1));
    }

  if (data->index == 0)
    batch->first = g_steal_pointer (&exchange);

  if (batch->n_finished == (guint)batch->options->repeat)
    {
      batch->end = g_get_monotonic_time ();
      g_main_loop_quit (batch->loop);
      return;
    }

  restart_watchdog (batch);
  start_calls (batch);
}

/* --output names a file in a folder that exists: says so when not. */
static gboolean
check_output (const char *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);

  if (type == G_FILE_TYPE_DIRECTORY)
    {
      rc_cli_error (_("--output: “%s” is a folder. Give the name of a file to write."), output);
      return FALSE;
    }

  if (parent && g_file_query_file_type (parent, G_FILE_QUERY_INFO_NONE, NULL)
                != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *folder = g_file_get_parse_name (parent);

      rc_cli_error (_("--output: there is no folder “%s” to write “%s” in. Create it first, or "
                      "give another file."),
                    folder, output);
      return FALSE;
    }

  return TRUE;
}

void
rc_cli_batch_options_init (RcCliBatchOptions *options)
{
  options->repeat = 1;
  options->concurrency = 1;
  options->timeout = DEFAULT_TIMEOUT_SECONDS;
  options->inspect = FALSE;
  options->json = FALSE;
  options->include = FALSE;
  options->silent = FALSE;
  options->output = NULL;
  options->max_size_text = NULL;
  options->max_size = RC_HTTP_DEFAULT_MAX_BODY_SIZE;
}

void
rc_cli_batch_options_clear (RcCliBatchOptions *options)
{
  g_clear_pointer (&options->max_size_text, g_free);
  g_clear_pointer (&options->cacert, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_object (&options->tls_database);
  g_clear_object (&options->history);
  g_clear_object (&options->resolver);
}

/**
 * rc_cli_batch_options_add_entries:
 * @batch: %TRUE to offer --repeat and --concurrency
 *
 * Adds --timeout, --inspect, --json and --cacert (and --repeat, --concurrency,
 * --max-size, --output, --include and --silent, for API calls) to the main
 * group of @context.
 */
void
rc_cli_batch_options_add_entries (RcCliBatchOptions *options,
                                  GOptionContext    *context,
                                  gboolean           batch)
{
  const GOptionEntry batch_entries[] = {
    { "repeat", 0, 0, G_OPTION_ARG_INT, &options->repeat,
      N_("Send the call N times, sharing one token (default 1)"), N_("N") },
    { "concurrency", 0, 0, G_OPTION_ARG_INT, &options->concurrency,
      N_("With --repeat or --all, keep up to C calls in flight at once (default 1)"), N_("C") },
    { "max-size", 0, 0, G_OPTION_ARG_STRING, &options->max_size_text,
      N_("Read at most SIZE of a response body, decompressed, such as 500K, 64M or 1G "
         "(default 64M)"),
      N_("SIZE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output,
      N_("Write the response body to FILE instead of standard output, whole or not at all, and "
         "only when the call got a 2xx"),
      N_("FILE") },
    { "include", 'i', 0, G_OPTION_ARG_NONE, &options->include,
      N_("Print the status line and the response headers before the body"), NULL },
    { "silent", 's', 0, G_OPTION_ARG_NONE, &options->silent,
      N_("Print no notes on standard error (such as the summary of calls that all succeeded), "
         "only errors"),
      NULL },
    { NULL }
  };
  const GOptionEntry entries[] = {
    { "timeout", 0, 0, G_OPTION_ARG_INT, &options->timeout,
      N_("Give each call at most SECONDS, token request included (default 30)"), N_("SECONDS") },
    { "inspect", 0, 0, G_OPTION_ARG_NONE, &options->inspect,
      N_("Print the requests and responses, secrets masked (to stderr beside --json)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json,
      N_("Print the call as JSON (with --repeat or --all, a report of the calls) instead of the "
         "response body"),
      NULL },
    { "cacert", 0, 0, G_OPTION_ARG_FILENAME, &options->cacert,
      N_("Trust the certificate authorities in FILE (PEM) instead of the system’s, for the "
         "token request and the API"),
      N_("FILE") },
    { NULL }
  };

  if (batch)
    g_option_context_add_main_entries (context, batch_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

gboolean
rc_cli_batch_options_check (RcCliBatchOptions *options,
                            int               *exit_status)
{
  g_autofree char *message = NULL;

  if (options->repeat < 1 || options->repeat > MAX_REPEAT)
    message = g_strdup_printf (_("--repeat takes a number from 1 to %d."), MAX_REPEAT);
  else if (options->concurrency < 1 || options->concurrency > MAX_CONCURRENCY)
    message = g_strdup_printf (_("--concurrency takes a number from 1 to %d."), MAX_CONCURRENCY);
  else if (options->timeout < 1 || options->timeout > MAX_TIMEOUT_SECONDS)
    message = g_strdup_printf (_("--timeout takes a number of seconds from 1 to %d (a day)."),
                               MAX_TIMEOUT_SECONDS);
  else if (options->max_size_text &&
           !rc_cli_parse_size (options->max_size_text, &options->max_size))
    message =
      g_strdup_printf (_("--max-size takes a size such as 500K, 64M or 1G, at most 2G, not “%s”."),
                       options->max_size_text);
  else if (options->cacert)
    {
      g_autoptr(GError) error = NULL;

      options->tls_database = g_tls_file_database_new (options->cacert, &error);
      if (options->tls_database == NULL)
        message = g_strdup_printf (_("--cacert: “%s” holds no certificate authority Restcall can "
                                     "read (%s). Give the CA’s certificates in PEM."),
                                   options->cacert, error->message);
    }

  else if ((options->output || options->include) && options->repeat > 1)
    message = g_strdup (_("--output and --include are for one call, not with --repeat."));
  else if (options->include && (options->json || options->inspect))
    message = g_strdup (_("--include is for the body alone: --json and --inspect print the "
                          "response’s headers already."));

  if (message)
    {
      *exit_status = rc_cli_usage_error (message);
      return FALSE;
    }

  /* Before anything is sent: a body with nowhere to go is refused. */
  if (options->output && !check_output (options->output))
    {
      *exit_status = rc_failure_get_exit_status (RC_FAILURE_FILE);
      return FALSE;
    }

  return TRUE;
}

/**
 * rc_cli_executor_new:
 *
 * Returns: (transfer full): an executor whose session keeps enough
 *   connections open for the concurrency asked for, whose deadline is
 *   the --timeout, which reads at most --max-size of a body, and whose
 *   token cache asks no more after a refusal for good
 */
RcExecutor *
rc_cli_executor_new (const RcCliBatchOptions *options)
{
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *user_agent = g_strdup_printf ("Restcall/%s", PACKAGE_VERSION);
  int per_host = MAX (options->concurrency + 1, 2);
  RcExecutor *executor;

  /* libsoup's max-conns (default 10) and max-conns-per-host (default 2)
   * are fixed once the session exists. Its I/O timeout is a backstop: the
   * executor's whole-call deadline comes first and says what happened. */
  session = soup_session_new_with_options ("user-agent", user_agent,
                                           "timeout", (guint)(options->timeout + GRACE_SECONDS),
                                           "max-conns", 2 * per_host + 2,
                                           "max-conns-per-host", per_host,
                                           NULL);
  executor = rc_executor_new_for_session (session);
  rc_token_cache_set_remember_refusals (rc_executor_get_token_cache (executor), TRUE);
  rc_executor_set_timeout (executor, options->timeout);
  rc_executor_set_max_body_size (executor, options->max_size);
  if (options->tls_database)
    rc_executor_set_tls_database (executor, options->tls_database);

  return executor;
}

/**
 * rc_cli_keep_in_history:
 * @target: the project @method is of
 * @values: (nullable): the URL parameters' values the call was made with
 * @failed: (inout): whether keeping a call failed before, to say why once
 *
 * With --save-history (options->history), keeps the call in the history,
 * made in the environment of options->resolver; on a failure, says why
 * (the first time only) and sets @failed.
 *
 * Returns: %FALSE when the call could not be kept
 */
gboolean
rc_cli_keep_in_history (const RcCliBatchOptions *options,
                        RcCliTarget             *target,
                        RcMethod                *method,
                        RcPairList              *values,
                        RcExchange              *exchange,
                        gboolean                *failed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (options->history == NULL || target == NULL)
    return TRUE;

  id = rc_history_add (options->history, rc_project_get_id (target->project),
                       rc_method_get_api (method), method, values, options->resolver, exchange,
                       &error);
  if (id != NULL)
    return TRUE;

  if (!*failed)
    rc_cli_error ("%s", error->message);
  *failed = TRUE;

  return FALSE;
}

/**
 * rc_cli_run_batch:
 * @target: (nullable): the project's API @method is of, for the commands
 *   that errors suggest; %NULL for `call`
 * @values: (nullable): the URL parameters' values; %NULL for the method's
 *   test values
 * @secret: (nullable): the effective auth's secret
 *
 * Sends @method options->repeat times, options->concurrency at once, and
 * prints the result: the response body, the exchange (--inspect), a
 * summary on stderr (--repeat), or a JSON report (--json).
 *
 * Returns: the exit status: 0 when every call got a 2xx, else that of
 *   the most frequent failure (of those as frequent, the earliest call's)
 */
int
rc_cli_run_batch (RcExecutor              *executor,
                  RcCliTarget             *target,
                  RcMethod                *method,
                  RcPairList              *values,
                  const char              *secret,
                  const RcCliBatchOptions *options)
{
  Batch *batch = g_new0 (Batch, 1);
  RcFailure failure;

  batch->executor = executor;
  batch->target = target;
  batch->method = method;
  batch->values = values;
  batch->secret = secret;
  batch->options = options;
  batch->loop = g_main_loop_new (NULL, FALSE);
  batch->cancellable = g_cancellable_new ();
  batch->durations = g_array_sized_new (FALSE, FALSE, sizeof (gint64), options->repeat);
  batch->statuses = g_hash_table_new (NULL, NULL);
  batch->errors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, error_count_free);

  batch->start = g_get_monotonic_time ();
  restart_watchdog (batch);
  start_calls (batch);
  g_main_loop_run (batch->loop);

  if (batch->n_finished < (guint)options->repeat)
    {
      /* The watchdog gave up on calls that ignored their deadline. */
      batch->end = g_get_monotonic_time ();
      count_error (batch, _("The call did not finish, even after it was cancelled."),
                   RC_FAILURE_OTHER, options->repeat - batch->n_finished);
      rc_cli_tally_add (&batch->failures, RC_FAILURE_OTHER, G_MAXUINT,
                        options->repeat - batch->n_finished);
    }

  failure = print_results (batch);
  if (failure == RC_FAILURE_NONE)
    failure = rc_cli_tally_get_main (&batch->failures);
  if (failure == RC_FAILURE_NONE && batch->history_failed)
    failure = RC_FAILURE_FILE;

  /* Calls still out would use the batch when they end; they never will,
   * as the loop no longer runs, but keep it alive for them anyway. */
  if (batch->n_finished == batch->n_started)
    batch_free (batch);

  return rc_failure_get_exit_status (failure);
}

