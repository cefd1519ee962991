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
 * The exit status is that of the most frequent kind of failure
 * (rc-failure.c) among the calls; of kinds as frequent, that of the call
 * started first. 0 only when every call got a 2xx.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "rc-cli-batch.h"
#include "rc-cli-private.h"

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
  GHashTable              *errors;      /* message → count */
  guint                    failures[RC_FAILURE_N_KINDS];       /* how many of each kind */
  guint                    first_failure[RC_FAILURE_N_KINDS];  /* the first call's index */
  gint64                   start;
  gint64                   end;
} Batch;

typedef struct
{
  Batch *batch;
  guint  index;
} CallData;

typedef struct
{
  const char *message;
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
count_error (Batch      *batch,
             const char *message,
             guint       count)
{
  guint old = GPOINTER_TO_UINT (g_hash_table_lookup (batch->errors, message));

  g_hash_table_replace (batch->errors, g_strdup (message), GUINT_TO_POINTER (old + count));
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
      ErrorCount error = { key, GPOINTER_TO_UINT (value) };

      if (with_not_sent || g_strcmp0 (key, batch->not_sent) != 0)
        g_array_append_val (errors, error);
    }
  g_array_sort (errors, compare_error_counts);

  return errors;
}

static void
append_json_string (GString    *text,
                    const char *value)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);
  g_autofree char *quoted = json_to_string (node, FALSE);

  g_string_append (text, quoted);
}

/* "name" : { "key" : count, … } */
static void
append_counts (GString    *text,
               const char *name,
               GPtrArray  *keys,
               GArray     *counts)
{
  g_string_append_printf (text, "  \"%s\" : {", name);
  for (guint i = 0; i < keys->len; i++)
    {
      g_string_append (text, i ? ",\n    " : "\n    ");
      append_json_string (text, g_ptr_array_index (keys, i));
      g_string_append_printf (text, " : %u", g_array_index (counts, guint, i));
    }
  g_string_append (text, keys->len ? "\n  },\n" : "},\n");
}

/* Written by hand: json-glib 1.6 prints 4.66 as 4.6600000000000001. */
static char *
build_report (Batch *batch)
{
  g_autoptr(GPtrArray) statuses = sorted_statuses (batch);
  g_autoptr(GArray) errors = sorted_errors (batch, TRUE);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_calls = batch->options->repeat;
  GString *text = g_string_new ("{\n");
  char total[G_ASCII_DTOSTR_BUF_SIZE];
  char median[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (text, "  \"calls\" : %u,\n", n_calls);
  g_string_append_printf (text, "  \"successes\" : %u,\n", batch->n_successes);
  g_string_append_printf (text, "  \"failures\" : %u,\n", n_calls - batch->n_successes);

  for (guint i = 0; i < statuses->len; i++)
    {
      gpointer status = g_ptr_array_index (statuses, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (batch->statuses, status));

      g_ptr_array_add (keys, g_strdup_printf ("%u", GPOINTER_TO_UINT (status)));
      g_array_append_val (counts, count);
    }
  append_counts (text, "status_counts", keys, counts);

  g_ptr_array_set_size (keys, 0);
  g_array_set_size (counts, 0);
  for (guint i = 0; i < errors->len; i++)
    {
      ErrorCount *error = &g_array_index (errors, ErrorCount, i);

      g_ptr_array_add (keys, g_strdup (error->message));
      g_array_append_val (counts, error->count);
    }
  append_counts (text, "errors", keys, counts);

  g_string_append_printf (
    text, "  \"token_requests\" : %u,\n",
    rc_token_cache_get_n_requests (rc_executor_get_token_cache (batch->executor)));
  g_ascii_formatd (total, sizeof total, "%.3f", (batch->end - batch->start) / 1000.0);
  g_ascii_formatd (median, sizeof median, "%.3f", median_ms (batch->durations));
  g_string_append_printf (text, "  \"total_ms\" : %s,\n  \"median_ms\" : %s\n}", total, median);

  return g_string_free (text, FALSE);
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

/* The one line that says why a single call failed. */
static void
print_failure (RcExchange *exchange)
{
  const GError *error = rc_exchange_get_error (exchange);
  RcHttpRecord *record = rc_exchange_get_api_record (exchange);
  guint status = rc_exchange_get_status (exchange);

  const char * const *notes = rc_exchange_get_notes (exchange);
  guint n_notes = g_strv_length ((char **)notes);

  if (error)
    rc_cli_error ("%s", error->message);
  else if (record)
    {
      g_autofree char *answered =
        g_strdup_printf (_("%s %s answered HTTP %u %s."), rc_http_record_get_method (record),
                         rc_http_record_get_url (record), status, soup_status_get_phrase (status));

      /* What Restcall did about it, such as not following a redirect to
       * another origin, is the last note. */
      if (n_notes > 0)
        rc_cli_error ("%s %s", answered, notes[n_notes - 1]);
      else
        rc_cli_error ("%s", answered);
    }
  else
    rc_cli_error (_("The call got no response."));
}

static void
print_body (RcExchange *exchange)
{
  RcHttpRecord *record = rc_exchange_get_api_record (exchange);
  GBytes *body = record ? rc_http_record_get_response_body (record) : NULL;
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;

  if (size > 0)
    fwrite (data, 1, size, stdout);
  fflush (stdout);
}

static void
print_results (Batch *batch)
{
  gboolean single = batch->options->repeat == 1;

  g_array_sort (batch->durations, compare_durations);

  if (batch->options->inspect && batch->first)
    {
      g_autofree char *text = rc_exchange_format (batch->first, FALSE);

      /* Beside --json, stdout is the report's alone. */
      if (batch->options->json)
        g_printerr ("%s", text);
      else
        g_print ("%s", text);
    }
  else if (single && !batch->options->json && batch->first)
    print_body (batch->first);

  if (batch->options->json)
    {
      g_autofree char *report = build_report (batch);

      g_print ("%s\n", report);
    }

  if (single && batch->first == NULL)
    rc_cli_error ("%s", _("The call did not finish, even after it was cancelled."));
  else if (single && !rc_exchange_is_success (batch->first))
    print_failure (batch->first);
  else if (!single && !batch->options->json)
    print_summary (batch);
}

static void
count_failure (Batch     *batch,
               RcFailure  failure,
               guint      index,
               guint      count)
{
  if (batch->failures[failure] == 0 || index < batch->first_failure[failure])
    batch->first_failure[failure] = index;
  batch->failures[failure] += count;
}

/* The most frequent failure; of those as frequent, the earliest call's. */
static RcFailure
find_main_failure (Batch *batch)
{
  RcFailure main = RC_FAILURE_NONE;

  for (RcFailure failure = RC_FAILURE_OTHER; failure < RC_FAILURE_N_KINDS; failure++)
    {
      guint count = batch->failures[failure];

      if (count == 0)
        continue;
      if (main == RC_FAILURE_NONE || count > batch->failures[main]
          || (count == batch->failures[main]
              && batch->first_failure[failure] < batch->first_failure[main]))
        main = failure;
    }

  return main;
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
  const GError *error = rc_exchange_get_error (exchange);
  gint64 duration = rc_exchange_get_duration_us (exchange);

  batch->n_finished++;
  g_array_append_val (batch->durations, duration);

  if (rc_exchange_is_success (exchange))
    batch->n_successes++;
  else if (error)
    count_failure (batch, rc_failure_classify (error), data->index, 1);
  else
    {
      RcFailure failure = rc_failure_for_http_status (rc_exchange_get_status (exchange));

      count_failure (batch, failure == RC_FAILURE_NONE ? RC_FAILURE_OTHER : failure, data->index,
                     1);
    }

  if (g_error_matches (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED_BEFORE))
    {
      batch->n_not_sent++;
      if (batch->not_sent == NULL)
        batch->not_sent = g_strdup (error->message);
    }

  if (error)
    count_error (batch, error->message, 1);
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

void
rc_cli_batch_options_init (RcCliBatchOptions *options)
{
  options->repeat = 1;
  options->concurrency = 1;
  options->timeout = DEFAULT_TIMEOUT_SECONDS;
  options->inspect = FALSE;
  options->json = FALSE;
  options->max_size_text = NULL;
  options->max_size = RC_HTTP_DEFAULT_MAX_BODY_SIZE;
}

void
rc_cli_batch_options_clear (RcCliBatchOptions *options)
{
  g_clear_pointer (&options->max_size_text, g_free);
  g_clear_pointer (&options->cacert, g_free);
  g_clear_object (&options->tls_database);
}

/**
 * rc_cli_batch_options_add_entries:
 * @batch: %TRUE to offer --repeat and --concurrency
 *
 * Adds --timeout, --inspect, --json and --cacert (and --repeat, --concurrency and
 * --max-size, for API calls) to the main group of @context.
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
      N_("With --repeat, keep up to C calls in flight at once (default 1)"), N_("C") },
    { "max-size", 0, 0, G_OPTION_ARG_STRING, &options->max_size_text,
      N_("Read at most SIZE of a response body, decompressed, such as 500K, 64M or 1G "
         "(default 64M)"),
      N_("SIZE") },
    { NULL }
  };
  const GOptionEntry entries[] = {
    { "timeout", 0, 0, G_OPTION_ARG_INT, &options->timeout,
      N_("Give each call at most SECONDS, token request included (default 30)"), N_("SECONDS") },
    { "inspect", 0, 0, G_OPTION_ARG_NONE, &options->inspect,
      N_("Print the requests and responses, secrets masked (to stderr beside --json)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json,
      N_("Print a JSON report instead of the response body"), NULL },
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

  if (message)
    {
      *exit_status = rc_cli_usage_error (message);
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
 * rc_cli_run_batch:
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
                  RcMethod                *method,
                  RcPairList              *values,
                  const char              *secret,
                  const RcCliBatchOptions *options)
{
  Batch *batch = g_new0 (Batch, 1);
  RcFailure failure;

  batch->executor = executor;
  batch->method = method;
  batch->values = values;
  batch->secret = secret;
  batch->options = options;
  batch->loop = g_main_loop_new (NULL, FALSE);
  batch->cancellable = g_cancellable_new ();
  batch->durations = g_array_sized_new (FALSE, FALSE, sizeof (gint64), options->repeat);
  batch->statuses = g_hash_table_new (NULL, NULL);
  batch->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  batch->start = g_get_monotonic_time ();
  restart_watchdog (batch);
  start_calls (batch);
  g_main_loop_run (batch->loop);

  if (batch->n_finished < (guint)options->repeat)
    {
      /* The watchdog gave up on calls that ignored their deadline. */
      batch->end = g_get_monotonic_time ();
      count_error (batch, _("The call did not finish, even after it was cancelled."),
                   options->repeat - batch->n_finished);
      count_failure (batch, RC_FAILURE_OTHER, G_MAXUINT, options->repeat - batch->n_finished);
    }

  print_results (batch);
  failure = find_main_failure (batch);

  /* Calls still out would use the batch when they end; they never will,
   * as the loop no longer runs, but keep it alive for them anyway. */
  if (batch->n_finished == batch->n_started)
    batch_free (batch);

  return rc_failure_get_exit_status (failure);
}

