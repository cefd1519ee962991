/* stall-probe.c: an LD_PRELOAD module that records a GTK program's main-loop
 * stalls, its frames and its large text-buffer inserts
 *
 *   RC_STALL_PROBE_LOG=FILE LD_PRELOAD=…/libstall-probe.so PROGRAM …
 *
 * bench/gui-bench.py loads it into the real `restcall` and into
 * bench-minimal-window, and reads FILE. Linked only to GLib and GObject: it
 * finds GTK's types by name once the program has registered them.
 *
 * A stall is the main thread's time away from poll(): from the moment the
 * default GMainContext's poll returns to the moment it is entered again
 * (checking, dispatching, preparing: everything the main thread does between
 * two waits for input, a frame's layout and drawing included). A poll
 * function of our own, installed in a constructor, takes both times. The
 * time from the constructor to the first poll (GTK's start-up, which runs
 * before the loop does) is written as `init`.
 *
 * FILE gets a line per event, times in µs of g_get_monotonic_time()
 * (CLOCK_MONOTONIC, as Python's time.monotonic()):
 *
 *   init START DURATION         constructor to the first poll
 *   stall START DURATION        every stall of RC_STALL_PROBE_MSEC (16) or more
 *   frame TIME                  every GdkFrameClock::after-paint
 *   insert TIME LENGTH BUFFER   every GtkTextBuffer::insert-text of 1 KiB or
 *                               more (BUFFER: the buffer's address)
 *
 * Each line is written with one write() to a file opened O_APPEND, outside
 * the time it measures (a stall's line is written when it ends, before the
 * next poll).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _POSIX_C_SOURCE 200809L  /* O_CLOEXEC */

#include <fcntl.h>
#include <glib-object.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define BIG_INSERT 1024

static int log_fd = -1;
static gint64 threshold_usec = 16000;
static gint64 left_poll;          /* when poll last returned, or the constructor ran */
static gboolean first_poll = TRUE;
static gboolean frame_hooked;
static gboolean insert_hooked;
static GPollFunc real_poll;

static void
log_line (const char *format,
          ...) G_GNUC_PRINTF (1, 2);

static void
log_line (const char *format,
          ...)
{
  char line[160];
  va_list args;
  int n;

  va_start (args, format);
  n = g_vsnprintf (line, sizeof line, format, args);
  va_end (args);
  if (n > 0 && (gsize) n < sizeof line && write (log_fd, line, n) != n)
    {
      /* Nothing to do: a benchmark without its figures says so itself. */
    }
}

static gboolean
after_paint_hook (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  log_line ("frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());

  return TRUE;
}

static gboolean
insert_text_hook (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  /* GtkTextBuffer::insert-text (GtkTextIter *location, char *text, int len) */
  int length;

  if (n_values < 4 || !G_VALUE_HOLDS_INT (&values[3]))
    return TRUE;

  length = g_value_get_int (&values[3]);
  if (length >= BIG_INSERT)
    log_line ("insert %" G_GINT64_FORMAT " %d %p\n", g_get_monotonic_time (), length,
              g_value_peek_pointer (&values[0]));

  return TRUE;
}

/* Hooks @signal of the type @type_name once the program has registered it. */
static gboolean
try_hook (const char           *type_name,
          const char           *signal,
          GSignalEmissionHook   hook)
{
  GType type = g_type_from_name (type_name);
  gpointer klass;
  guint id;

  if (type == 0)
    return FALSE;

  /* A signal exists once its class is initialized. */
  klass = g_type_class_ref (type);
  id = g_signal_lookup (signal, type);
  if (id != 0)
    g_signal_add_emission_hook (id, 0, hook, NULL, NULL);
  g_type_class_unref (klass);

  return TRUE;
}

static int
probe_poll (GPollFD *fds,
            guint    n_fds,
            int      timeout)
{
  gint64 entered = g_get_monotonic_time ();
  int result;

  if (first_poll)
    {
      log_line ("init %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", left_poll,
                entered - left_poll);
      first_poll = FALSE;
    }
  else if (entered - left_poll >= threshold_usec)
    log_line ("stall %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", left_poll,
              entered - left_poll);

  if (!frame_hooked)
    frame_hooked = try_hook ("GdkFrameClock", "after-paint", after_paint_hook);
  if (!insert_hooked)
    insert_hooked = try_hook ("GtkTextBuffer", "insert-text", insert_text_hook);

  result = real_poll (fds, n_fds, timeout);
  left_poll = g_get_monotonic_time ();

  return result;
}

__attribute__((constructor)) static void
stall_probe_init (void)
{
  const char *path = g_getenv ("RC_STALL_PROBE_LOG");
  const char *msec = g_getenv ("RC_STALL_PROBE_MSEC");
  GMainContext *context;

  left_poll = g_get_monotonic_time ();
  if (path == NULL || *path == '\0')
    return;

  log_fd = open (path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0)
    {
      perror (path);
      return;
    }
  if (msec != NULL)
    threshold_usec = 1000 * g_ascii_strtoll (msec, NULL, 10);

  context = g_main_context_default ();
  real_poll = g_main_context_get_poll_func (context);
  g_main_context_set_poll_func (context, probe_poll);
}
