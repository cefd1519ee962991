/* bench-gui-stalls.c: how long the main loop stalls, and how soon the GUI answers
 *
 * The responsiveness limits the GUI tests used to enforce, measured here
 * instead: on a busy machine a test must not fail for being slow, and a
 * figure is worth more than a pass. Each case runs ROUNDS times (3 unless
 * told) in a real window; its worst round is held against its goal:
 *
 *   test-tab-body     the Test tab receiving a 20 MB JSON body and showing
 *                     it cut: the longest gap between two ticks of a 20 ms
 *                     timer, in the main thread's own CPU time (goal: under
 *                     100 ms) and in wall-clock time, which also counts the
 *                     time the thread waited for a core (goal: under 400 ms);
 *                     the time from the response to the cut text in the
 *                     view (goal: under 500 ms) and the peak RSS (VmHWM,
 *                     reset before each press). Each round presses Test
 *                     twice (test-tab-again: the first text cleared as the
 *                     second comes), and gives the RSS before and after.
 *   test-tab-cancel   Cancel pressed while the API has not answered, until
 *                     the call has ended (goal: under 1 s)
 *   import            the import dialog reading and listing 2,000
 *                     operations: the longest gap (goal: under 100 ms)
 *   import-big        the same with GitHub's 73 MB dereferenced
 *                     description, if bench/run-openapi-bench.sh fetched
 *                     it: the longest gap (goal: under 50 ms), and the
 *                     peak RSS of the process (so run it alone, in a
 *                     process of its own, for a figure worth having)
 *   add               Add pressed in the import dialog over GitHub's 13 MB
 *                     description (1,223 methods; 1,223 generated ones
 *                     without it), until the sidebar shows the new API
 *                     and the window has drawn it: the longest gap (goal:
 *                     under 50 ms)
 *   open              a project file of 1,223 methods loaded and shown in
 *                     a new window, until its first frame: the longest gap
 *                     (goal: under 50 ms); the first round is the one a
 *                     fresh process pays, templates and all; then, in
 *                     the first round, the window settling: GtkSourceView's
 *                     definitions read at low priority after the first
 *                     frame (rc-source-warm-up.c), the longest gap until
 *                     they are (goal: under 50 ms), as a person's first
 *                     click comes later than that; then the first method
 *                     selected, which builds the method editor
 *   keyring-enter     Enter in the API page's secret row: how long Enter
 *                     takes to return (goal: under 100 ms), and the longest
 *                     gap until the page says the secret is stored (goal:
 *                     under 250 ms)
 *
 * Name cases after the rounds to run only those, in that order. With
 * PERF_CTL_FIFO set, perf samples only the measured stretches (see
 * perf_ctl()).
 *
 * With --no-keyring, keyring-enter runs with no session bus at all, the
 * secret kept for the session only, as the test of that case did. With
 * --test-tab-body, only test-tab-body runs.
 *
 *   bench/run-stall-bench.sh [BUILD_DIR]    (a display and a throwaway keyring)
 *   tests/keyring-session.sh _build/bench/bench-gui-stalls --test-tab-body 3
 *                                           (with run-stall-bench.sh's environment)
 *   meson test -C _build --benchmark -v gui-stalls
 *
 * Prints a line per figure, and exits 1 when a goal was missed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-figures.h"
#include "rc-import-dialog.h"
#include "rc-import-item.h"
#include "rc-inspector.h"
#include "rc-source-warm-up.h"
#include "rc-test-documents.h"
#include "rc-test-gui.h"
#include "rc-test-panel.h"
#include "rc-test-server.h"
#include "rc-window.h"

#define TICK_MSEC 20
#define BIG_BODY_SIZE (20 * 1000 * 1000)
#define N_OPERATIONS 2000
#define N_GITHUB_METHODS 1223
#define GITHUB_DIR "bench/.cache/octokit/node_modules/@octokit/openapi/generated"
/* The longest rc_test_gui_wait() may take: a guard against a hang. */
#define WAIT_SECONDS 120

typedef struct
{
  guint  source;
  gint64 last;
  gint64 last_cpu;
  gint64 max_gap;
  gint64 max_cpu_gap;
} Ticker;

/* A Test tab in a window of its own, and the API it calls. */
typedef struct
{
  RcTestServer *server;
  GBytes       *body;       /* the answer, or NULL: never answer */
  GPtrArray    *paused;
  RcApi        *api;
  RcMethod     *method;
  GtkWindow    *window;
  RcTestPanel  *panel;
  gint64        arrived;    /* when the call ended */
  gint64        shown;      /* when the body was in the view */
} Tab;

typedef struct
{
  RcWindow   *window;
  const char *state;
} StateWait;

typedef struct
{
  RcImportDialog *dialog;
  guint           n;
} Listed;

typedef struct
{
  RcProject *project;
  GError    *error;
  gboolean   done;
} Loading;

/* Helpers */

static gint64
get_thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
tick_cb (gpointer data)
{
  Ticker *ticker = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = get_thread_cpu_time ();

  ticker->max_gap = MAX (ticker->max_gap, now - ticker->last);
  ticker->max_cpu_gap = MAX (ticker->max_cpu_gap, cpu - ticker->last_cpu);
  ticker->last = now;
  ticker->last_cpu = cpu;

  return G_SOURCE_CONTINUE;
}

/* With PERF_CTL_FIFO set to the control FIFO of a `perf record -D -1
 * --control fifo:PATH`, perf samples only while a ticker runs. */
static void
perf_ctl (const char *command)
{
  const char *path = g_getenv ("PERF_CTL_FIFO");
  FILE *fifo;

  if (path == NULL)
    return;

  if ((fifo = fopen (path, "w")) == NULL)
    {
      g_printerr ("%s: %s\n", path, g_strerror (errno));
      return;
    }
  fputs (command, fifo);
  fclose (fifo);
}

static void
ticker_start (Ticker *ticker)
{
  perf_ctl ("enable\n");
  *ticker = (Ticker) { 0 };
  ticker->last = g_get_monotonic_time ();
  ticker->last_cpu = get_thread_cpu_time ();
  ticker->source = g_timeout_add (TICK_MSEC, tick_cb, ticker);
}

/* Counts the gap up to now, and stops. */
static void
ticker_stop (Ticker *ticker)
{
  tick_cb (ticker);
  perf_ctl ("disable\n");
  g_clear_handle_id (&ticker->source, g_source_remove);
}

/* The Test tab */

static void
api_handler (RcTestServer      *server,
             SoupServerMessage *message,
             const char        *path,
             gpointer           user_data)
{
  Tab *tab = user_data;

  if (tab->body == NULL)
    {
      g_ptr_array_add (tab->paused, g_object_ref (message));
      soup_server_message_pause (message);
      return;
    }

  soup_server_message_set_status (message, 200, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (message),
                                         "application/json", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (message), tab->body);
}

static void
tab_open (Tab    *tab,
          GBytes *body)
{
  g_autofree char *base_url = NULL;

  tab->server = rc_test_server_new (FALSE);
  tab->server->handler = api_handler;
  tab->server->handler_data = tab;
  tab->body = body ? g_bytes_ref (body) : NULL;
  tab->paused = g_ptr_array_new_with_free_func (g_object_unref);
  base_url = rc_test_server_url (tab->server, "/");

  tab->api = rc_api_new ("Pets");
  rc_api_set_base_url (tab->api, base_url);
  rc_auth_set_kind (rc_api_get_auth (tab->api), RC_AUTH_KIND_NONE);
  tab->method = rc_method_new ("getPet");
  rc_method_set_url (tab->method, "/pets/{petId}");
  rc_pair_list_set (rc_method_get_test_values (tab->method), "petId", "42");
  rc_api_add_method (tab->api, tab->method);

  tab->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (tab->window, 1000, 900);
  tab->panel = RC_TEST_PANEL (rc_test_panel_new (rc_test_gui_get_context ()));
  gtk_window_set_child (tab->window, GTK_WIDGET (tab->panel));
  rc_test_panel_set_method (tab->panel, tab->method, "bench-project");
  gtk_window_present (tab->window);
  rc_test_gui_wait_for_frame (GTK_WIDGET (tab->panel));
}

static void
tab_close (Tab *tab)
{
  for (guint i = 0; i < tab->paused->len; i++)
    {
      soup_server_message_unpause (g_ptr_array_index (tab->paused, i));
      rc_test_respond (g_ptr_array_index (tab->paused, i), 503, "text/plain", "gone");
    }

  g_object_add_weak_pointer (G_OBJECT (tab->panel), (gpointer *) &tab->panel);
  gtk_window_destroy (tab->window);
  rc_test_gui_wait_gone (&tab->panel);

  g_clear_object (&tab->method);
  g_clear_object (&tab->api);
  g_clear_pointer (&tab->paused, g_ptr_array_unref);
  g_clear_pointer (&tab->body, g_bytes_unref);
  g_clear_pointer (&tab->server, rc_test_server_free);
}

static void
click (GtkWidget  *root,
       const char *name)
{
  g_signal_emit_by_name (rc_test_gui_get_named (root, name), "clicked");
}

/* The call has ended, and all it brought is shown. */
static gboolean
tab_done_cb (gpointer data)
{
  Tab *tab = data;
  RcInspector *inspector =
    RC_INSPECTOR (rc_test_gui_find_of_type (GTK_WIDGET (tab->panel), RC_TYPE_INSPECTOR));
  gboolean running, showing_body;

  g_object_get (tab->panel, "running", &running, "showing-body", &showing_body, NULL);

  return !running && !showing_body && !rc_inspector_get_busy (inspector);
}

static gboolean
api_reached_cb (gpointer data)
{
  return ((Tab *) data)->paused->len > 0;
}

/* A figure from /proc/self/status, in kB: "VmHWM" (the peak resident
 * set since the last reset_peak_rss()), "VmRSS". */
static double
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return 0;

  return g_ascii_strtod (line + strlen (key), NULL);
}

/* VmHWM starts again from the resident set now (Linux 4.0 and later). */
static void
reset_peak_rss (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

/* The call has ended: notes the time, once. */
static gboolean
tab_arrived_cb (gpointer data)
{
  Tab *tab = data;
  gboolean running;

  g_object_get (tab->panel, "running", &running, NULL);
  if (!running && tab->arrived == 0)
    tab->arrived = g_get_monotonic_time ();

  return !running;
}

/* The body is in the view, and the time noted; the inspector may still
 * be formatting. */
static gboolean
tab_shown_cb (gpointer data)
{
  Tab *tab = data;
  gboolean showing_body;

  tab_arrived_cb (tab);
  g_object_get (tab->panel, "showing-body", &showing_body, NULL);
  if (tab->arrived != 0 && !showing_body && tab->shown == 0)
    tab->shown = g_get_monotonic_time ();

  return tab->shown != 0;
}

/* Test pressed, until the body is shown and all is done: the figures of
 * one press. */
static void
press_test (Tab         *tab,
            BenchFigure *cpu,
            BenchFigure *wall,
            BenchFigure *shown,
            BenchFigure *total,
            BenchFigure *peak)
{
  Ticker ticker;
  gint64 start;

  tab->arrived = tab->shown = 0;
  reset_peak_rss ();
  start = g_get_monotonic_time ();
  ticker_start (&ticker);
  click (GTK_WIDGET (tab->panel), "test-button");
  bench_wait (tab_shown_cb, tab, "the 20 MB body to be shown");
  bench_wait (tab_done_cb, tab, "the 20 MB body to be shown");
  rc_test_gui_wait_for_frame (GTK_WIDGET (tab->panel));
  ticker_stop (&ticker);
  bench_figure_add (cpu, ticker.max_cpu_gap / 1000.0);
  bench_figure_add (wall, ticker.max_gap / 1000.0);
  bench_figure_add (shown, (tab->shown - tab->arrived) / 1000.0);
  bench_figure_add (total, bench_ms_since (start));
  bench_figure_add (peak, read_status_kb ("VmHWM") / 1024);
}

static void
bench_test_tab_body (guint rounds)
{
  g_autoptr(GBytes) body = NULL;
  BenchFigure *cpu[2], *wall[2], *shown[2], *total[2], *peak[2];
  BenchFigure *start_rss = bench_figure_new ("test-tab-body", "RSS before Test (MB, not ms)", 0);
  BenchFigure *end_rss =
    bench_figure_new ("test-tab-body", "RSS after Test again (MB, not ms)", 0);
  const char *names[2] = { "test-tab-body", "test-tab-again" };

  for (guint j = 0; j < 2; j++)
    {
      cpu[j] = bench_figure_new (names[j], "longest stall, main thread's CPU time", 100);
      wall[j] = bench_figure_new (names[j], "longest stall, wall-clock time", 400);
      shown[j] = bench_figure_new (names[j], "response arrived to the text shown", 500);
      total[j] = bench_figure_new (names[j], "20 MB fetched and shown", 0);
      peak[j] = bench_figure_new (names[j], "peak RSS (VmHWM, MB, not ms)", 0);
    }

  body = rc_test_big_json_body (BIG_BODY_SIZE);

  for (guint i = 0; i < rounds; i++)
    {
      Tab tab = { 0 };

      tab_open (&tab, body);
      bench_figure_add (start_rss, read_status_kb ("VmRSS") / 1024);
      for (guint j = 0; j < 2; j++)
        press_test (&tab, cpu[j], wall[j], shown[j], total[j], peak[j]);
      bench_figure_add (end_rss, read_status_kb ("VmRSS") / 1024);
      tab_close (&tab);
    }

  bench_figure_report (start_rss);
  for (guint j = 0; j < 2; j++)
    {
      bench_figure_report (cpu[j]);
      bench_figure_report (wall[j]);
      bench_figure_report (shown[j]);
      bench_figure_report (total[j]);
      bench_figure_report (peak[j]);
    }
  bench_figure_report (end_rss);
}

static void
bench_test_tab_cancel (guint rounds)
{
  BenchFigure *latency =
    bench_figure_new ("test-tab-cancel", "Cancel pressed to the call ended", 1000);

  for (guint i = 0; i < rounds; i++)
    {
      Tab tab = { 0 };
      gint64 start;

      tab_open (&tab, NULL);
      click (GTK_WIDGET (tab.panel), "test-button");
      bench_wait (api_reached_cb, &tab, "the call to reach the API");
      start = g_get_monotonic_time ();
      click (GTK_WIDGET (tab.panel), "test-cancel-button");
      bench_wait (tab_done_cb, &tab, "the cancelled call to end");
      bench_figure_add (latency, bench_ms_since (start));
      tab_close (&tab);
    }

  bench_figure_report (latency);
}

/* The import dialog */

static gboolean
all_listed_cb (gpointer data)
{
  Listed *listed = data;
  GListModel *items = rc_import_dialog_get_items (listed->dialog);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RcImportItem) item = g_list_model_get_item (items, i);

      n += !rc_import_item_is_tag (item);
    }

  return n == listed->n;
}

static void
bench_import (guint rounds)
{
  g_autoptr(GFile) document = rc_test_write_big_openapi (N_OPERATIONS);
  BenchFigure *stall = bench_figure_new ("import", "longest stall reading 2,000 operations", 100);
  BenchFigure *total = bench_figure_new ("import", "read and listed", 0);

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(RcProject) project = rc_project_new ();
      RcWindow *window = rc_test_gui_present_window (project, 1000, 700);
      GtkWidget *dialog = rc_import_dialog_new (window);
      Listed listed = { RC_IMPORT_DIALOG (dialog), N_OPERATIONS };
      Ticker ticker;
      gint64 start;

      gtk_window_present (GTK_WINDOW (dialog));
      rc_test_gui_wait_for_frame (dialog);
      start = g_get_monotonic_time ();
      ticker_start (&ticker);
      rc_import_dialog_load_file (RC_IMPORT_DIALOG (dialog), document);
      bench_wait (all_listed_cb, &listed, "the operations to be listed");
      rc_test_gui_wait_for_frame (dialog);
      ticker_stop (&ticker);
      bench_figure_add (stall, ticker.max_gap / 1000.0);
      bench_figure_add (total, bench_ms_since (start));

      rc_test_gui_close_window (&dialog);
      rc_test_gui_destroy_window (&window);
    }

  g_file_delete (document, NULL, NULL);
  bench_figure_report (stall);
  bench_figure_report (total);
}

/* GitHub's description, as bench/run-openapi-bench.sh fetches it, or NULL. */
static GFile *
dup_github_document (const char *name)
{
  g_autofree char *path = g_build_filename (SOURCE_ROOT, GITHUB_DIR, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_file_new_for_path (path);
}

static guint
count_operations (RcImportDialog *dialog)
{
  RcOpenApi *open_api = rc_import_dialog_get_open_api (dialog);

  return open_api ? rc_open_api_get_n_operations (open_api) : 0;
}

static gboolean
document_read_cb (gpointer data)
{
  Listed *listed = data;

  listed->n = count_operations (listed->dialog);

  return listed->n > 0 && all_listed_cb (listed);
}

/* Loads @document into a new import dialog over @window, until listed. */
static GtkWidget *
open_import (RcWindow *window,
             GFile    *document,
             Ticker   *ticker)
{
  GtkWidget *dialog = rc_import_dialog_new (window);
  Listed listed = { RC_IMPORT_DIALOG (dialog), 0 };

  gtk_window_present (GTK_WINDOW (dialog));
  rc_test_gui_wait_for_frame (dialog);
  if (ticker != NULL)
    ticker_start (ticker);
  rc_import_dialog_load_file (RC_IMPORT_DIALOG (dialog), document);
  bench_wait (document_read_cb, &listed, "the operations to be listed");
  rc_test_gui_wait_for_frame (dialog);
  rc_test_gui_wait_for_frame (dialog);
  if (ticker != NULL)
    ticker_stop (ticker);

  return dialog;
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_maxrss / 1024.0;
}

static void
bench_import_big (guint rounds)
{
  g_autoptr(GFile) document = dup_github_document ("api.github.com.deref.json");
  BenchFigure *stall, *total, *rss;

  if (document == NULL)
    {
      g_print ("import-big: skipped, no %s/api.github.com.deref.json "
               "(bench/run-openapi-bench.sh fetches it)\n", GITHUB_DIR);
      return;
    }

  stall = bench_figure_new ("import-big", "longest stall reading 73 MB", 50);
  total = bench_figure_new ("import-big", "read and listed", 0);
  rss = bench_figure_new ("import-big", "peak RSS so far, MB (not ms)", 0);

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(RcProject) project = rc_project_new ();
      RcWindow *window = rc_test_gui_present_window (project, 1000, 700);
      gint64 start = g_get_monotonic_time ();
      Ticker ticker;
      GtkWidget *dialog = open_import (window, document, &ticker);

      bench_figure_add (stall, ticker.max_gap / 1000.0);
      bench_figure_add (total, bench_ms_since (start));
      rc_test_gui_close_window (&dialog);
      rc_test_gui_destroy_window (&window);
      bench_figure_add (rss, peak_rss_mb ());
    }

  bench_figure_report (stall);
  bench_figure_report (total);
  bench_figure_report (rss);
}

static gboolean
add_enabled_cb (gpointer data)
{
  return gtk_widget_get_sensitive (rc_test_gui_get_named (data, "import-add-button"));
}

static gboolean
api_shown_cb (gpointer data)
{
  RcWindow *window = data;
  RcProject *project = rc_window_get_project (window);

  return rc_project_get_n_apis (project) == 1 &&
         rc_test_gui_find_named (GTK_WIDGET (window), "api-name-row") != NULL;
}

static void
bench_add (guint rounds)
{
  g_autoptr(GFile) github = dup_github_document ("api.github.com.json");
  g_autoptr(GFile) document = github ? g_object_ref (github)
                                     : rc_test_write_big_openapi (N_GITHUB_METHODS);
  BenchFigure *stall = bench_figure_new ("add", "longest stall, Add to the API shown", 50);
  BenchFigure *total = bench_figure_new ("add", "Add to the API shown", 0);

  g_print ("add: %s\n", github ? "GitHub's 13 MB description" : "1,223 generated operations");

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(RcProject) project = rc_project_new ();
      RcWindow *window = rc_test_gui_present_window (project, 1000, 700);
      GtkWidget *dialog = open_import (window, document, NULL);
      Ticker ticker;
      gint64 start;

      bench_wait (add_enabled_cb, dialog, "Add to be enabled");
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      start = g_get_monotonic_time ();
      ticker_start (&ticker);
      click (dialog, "import-add-button");
      rc_test_gui_wait_gone (&dialog);
      bench_wait (api_shown_cb, window, "the API to be shown");
      rc_test_gui_wait_for_frame (GTK_WIDGET (window));
      rc_test_gui_wait_for_frame (GTK_WIDGET (window));
      ticker_stop (&ticker);
      bench_figure_add (stall, ticker.max_gap / 1000.0);
      bench_figure_add (total, bench_ms_since (start));

      rc_project_set_dirty (project, FALSE);
      rc_test_gui_destroy_window (&window);
    }

  if (github == NULL)
    g_file_delete (document, NULL, NULL);
  bench_figure_report (stall);
  bench_figure_report (total);
}

static void
project_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Loading *loading = user_data;

  loading->project = rc_project_load_finish (result, &loading->error);
  loading->done = TRUE;
}

static gboolean
loaded_cb (gpointer data)
{
  return ((Loading *) data)->done;
}

static void
project_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Loading *saving = user_data;

  rc_project_save_finish (RC_PROJECT (object), result, &saving->error);
  saving->done = TRUE;
}

/* A project file of 1,223 methods, from GitHub's description if there. */
static GFile *
write_big_project (void)
{
  g_autoptr(GFile) github = dup_github_document ("api.github.com.json");
  g_autoptr(GFile) document = github ? g_object_ref (github)
                                     : rc_test_write_big_openapi (N_GITHUB_METHODS);
  g_autoptr(GBytes) bytes = g_file_load_bytes (document, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api = rc_open_api_new_from_bytes (bytes, "bench.json", NULL, &error);
  g_autoptr(RcApi) api = NULL;
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(GFileIOStream) stream = NULL;
  Loading saving = { 0 };
  GFile *file;

  g_assert_no_error (error);
  api = rc_open_api_build_api (open_api, NULL, NULL, &error);
  g_assert_no_error (error);
  rc_api_set_name (api, "GitHub");
  rc_project_add_api (project, api);
  file = g_file_new_tmp ("bench-XXXXXX.restcall", &stream, &error);
  g_assert_no_error (error);
  rc_project_save_async (project, file, NULL, project_saved_cb, &saving);
  bench_wait (loaded_cb, &saving, "the project to be saved");
  g_assert_no_error (saving.error);
  if (github == NULL)
    g_file_delete (document, NULL, NULL);

  return file;
}

static gboolean
warmed_up_cb (gpointer data)
{
  return rc_source_warm_up_is_done ();
}

static void
bench_open (guint rounds)
{
  g_autoptr(GFile) file = write_big_project ();
  BenchFigure *first = bench_figure_new ("open", "longest stall, first window of the process", 50);
  BenchFigure *stall = bench_figure_new ("open", "longest stall, loaded to first frame", 50);
  BenchFigure *total = bench_figure_new ("open", "loaded to first frame", 0);
  BenchFigure *settle =
    bench_figure_new ("open", "longest stall, first window settling after its frame", 50);
  BenchFigure *method =
    bench_figure_new ("open", "longest stall, first method selected, first window", 50);

  for (guint i = 0; i < rounds; i++)
    {
      Loading loading = { 0 };
      RcWindow *window;
      RcApi *api;
      Ticker ticker;
      gint64 start;

      rc_project_load_async (file, NULL, project_loaded_cb, &loading);
      bench_wait (loaded_cb, &loading, "the project to be loaded");
      g_assert_no_error (loading.error);

      start = g_get_monotonic_time ();
      ticker_start (&ticker);
      window = rc_window_new (NULL, rc_test_gui_get_context (), loading.project);
      gtk_window_present (GTK_WINDOW (window));
      rc_test_gui_wait_for_frame (GTK_WIDGET (window));
      rc_test_gui_wait_for_frame (GTK_WIDGET (window));
      ticker_stop (&ticker);
      bench_figure_add (i == 0 ? first : stall, ticker.max_gap / 1000.0);
      bench_figure_add (total, bench_ms_since (start));

      if (i == 0)
        {
          ticker_start (&ticker);
          bench_wait (warmed_up_cb, NULL, "GtkSourceView's definitions to be read");
          ticker_stop (&ticker);
          bench_figure_add (settle, ticker.max_gap / 1000.0);
        }

      /* The method editor is built when a method is first shown. */
      api = rc_project_get_api (loading.project, 0);
      ticker_start (&ticker);
      rc_window_select_item (window, G_OBJECT (rc_api_get_method (api, 0)));
      rc_test_gui_wait_for_frame (GTK_WIDGET (window));
      rc_test_gui_wait_for_frame (GTK_WIDGET (window));
      ticker_stop (&ticker);
      if (i == 0)
        bench_figure_add (method, ticker.max_gap / 1000.0);

      g_object_unref (loading.project);
      rc_test_gui_destroy_window (&window);
    }

  g_file_delete (file, NULL, NULL);
  bench_figure_report (first);
  if (rounds > 1)
    bench_figure_report (stall);
  bench_figure_report (total);
  bench_figure_report (settle);
  bench_figure_report (method);
}

/* The API page's secret */

static const char *
get_state (RcWindow *window)
{
  return adw_preferences_row_get_title (
    ADW_PREFERENCES_ROW (rc_test_gui_get_widget (window, "auth-secret-state-row")));
}

static gboolean
state_is_cb (gpointer data)
{
  StateWait *wait = data;

  return g_strcmp0 (get_state (wait->window), wait->state) == 0;
}

static void
bench_keyring_enter (guint    rounds,
                     gboolean keyring)
{
  const char *name = keyring ? "keyring-enter" : "no-keyring-enter";
  BenchFigure *enter = bench_figure_new (name, "Enter in the secret row, until it returns", 100);
  BenchFigure *stall = bench_figure_new (name, "longest stall, until the page says where", 250);

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(RcProject) project = rc_project_new ();
      g_autofree char *project_id = g_uuid_string_random ();
      RcApi *api = rc_api_new ("Petstore");
      RcAuth *auth = rc_api_get_auth (api);
      RcWindow *window;
      GtkWidget *row, *text;
      StateWait wait;
      Ticker ticker;
      gint64 start;

      rc_project_set_id (project, project_id);
      rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
      rc_auth_set_client_id (auth, "bench-client");
      rc_auth_set_token_url (auth, "https://auth.example.com/token");
      rc_auth_ensure_secret_id (auth);
      rc_project_add_api (project, api);
      g_object_unref (api);
      window = rc_test_gui_present_window (project, 1000, 860);
      rc_test_gui_select_item (window, G_OBJECT (api));
      rc_test_gui_assert_page_shown (window, "api");
      wait = (StateWait) { window, keyring ? "Not stored" : "The keyring could not be checked" };
      bench_wait (state_is_cb, &wait, "the keyring to be checked");

      row = rc_test_gui_get_widget (window, "auth-secret-row");
      text = rc_test_gui_find_of_type (row, GTK_TYPE_TEXT);
      gtk_widget_grab_focus (row);
      gtk_editable_set_text (GTK_EDITABLE (row), "bench-secret");
      ticker_start (&ticker);
      start = g_get_monotonic_time ();
      g_signal_emit_by_name (text, "activate");
      bench_figure_add (enter, bench_ms_since (start));
      wait.state = keyring ? "Stored in the keyring" : "Kept for this session only";
      bench_wait (state_is_cb, &wait, "the secret to be stored");
      ticker_stop (&ticker);
      bench_figure_add (stall, ticker.max_gap / 1000.0);

      rc_project_set_dirty (project, FALSE);
      rc_test_gui_destroy_window (&window);
    }

  bench_figure_report (enter);
  bench_figure_report (stall);
}

static const char *all_cases[] = {
  "test-tab-body", "test-tab-cancel", "import", "keyring-enter", NULL,
};

static void
run_case (const char *name,
          guint       rounds,
          gboolean    keyring)
{
  if (g_str_equal (name, "test-tab-body"))
    bench_test_tab_body (rounds);
  else if (g_str_equal (name, "test-tab-cancel"))
    bench_test_tab_cancel (rounds);
  else if (g_str_equal (name, "import"))
    bench_import (rounds);
  else if (g_str_equal (name, "import-big"))
    bench_import_big (rounds);
  else if (g_str_equal (name, "add"))
    bench_add (rounds);
  else if (g_str_equal (name, "open"))
    bench_open (rounds);
  else if (g_str_equal (name, "keyring-enter"))
    bench_keyring_enter (rounds, keyring);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new ();
  const char *known[] = {
    "test-tab-body", "test-tab-cancel", "import", "import-big", "add", "open", "keyring-enter",
  };
  gboolean keyring = TRUE;
  guint rounds = 3;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--no-keyring"))
        keyring = FALSE;
      else if (g_str_equal (argv[i], "--test-tab-body"))
        g_ptr_array_add (cases, "test-tab-body");
      else if (atoi (argv[i]) > 0)
        rounds = atoi (argv[i]);
      else if (g_strv_contains (known, argv[i]))
        g_ptr_array_add (cases, argv[i]);
      else
        {
          g_printerr ("usage: %s [--no-keyring | --test-tab-body] [ROUNDS] [CASE…]\n"
                      "cases: test-tab-body test-tab-cancel import import-big add open "
                      "keyring-enter\n",
                      argv[0]);
          return 2;
        }
    }

  if (!keyring)
    {
      /* Before GTK or libsecret first look for the bus: there is none. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
    }
  else if (g_getenv ("RC_KEYRING_SESSION") == NULL)
    {
      g_printerr ("Run this through tests/keyring-session.sh (bench/run-stall-bench.sh does), "
                  "so that it uses a throwaway keyring, not yours\n");
      return 2;
    }

  if (!rc_test_gui_init ())
    return 77;
  rc_test_gui_set_wait_seconds (WAIT_SECONDS);

  g_print ("%u rounds each; the worst round is held against the goal\n", rounds);
  if (cases->len == 0)
    {
      for (guint i = 0; all_cases[i] != NULL; i++)
        if (keyring || g_str_equal (all_cases[i], "keyring-enter"))
          g_ptr_array_add (cases, (gpointer) all_cases[i]);
    }
  for (guint i = 0; i < cases->len; i++)
    run_case (cases->pdata[i], rounds, keyring);

  return bench_goal_missed () ? 1 : 0;
}
