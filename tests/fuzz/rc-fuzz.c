/* rc-fuzz.c: what the libFuzzer targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "rc-fuzz.h"

static gboolean
is_failure (GLogLevelFlags level)
{
  return (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) != 0;
}

static void
log_cb (const char     *log_domain,
        GLogLevelFlags  level,
        const char     *message,
        gpointer        user_data)
{
  if (!is_failure (level))
    return;

  g_printerr ("%s: %s\n", log_domain ? log_domain : "(no domain)", message);
  abort ();
}

static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  if (!is_failure (level))
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  abort ();
}

/**
 * LLVMFuzzerInitialize:
 *
 * Called by libFuzzer once, before the first input: makes criticals and
 * warnings abort, so that libFuzzer records the input that led to one
 * (GLib's own fatal criticals raise SIGTRAP, which libFuzzer does not
 * catch), and keeps quiet about anything less.
 */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_default_handler (log_cb, NULL);
  g_log_set_writer_func (log_writer_cb, NULL, NULL);

  return 0;
}

/**
 * rc_fuzz_take_line:
 * @data: (inout): the input; moved past the line and its newline
 * @size: (inout): its size
 *
 * Returns: (transfer full): the input's first line, without its newline
 *   (all of it when there is none), cut at a NUL byte
 */
char *
rc_fuzz_take_line (const guint8 **data,
                   gsize         *size)
{
  const guint8 *newline = memchr (*data, '\n', *size);
  gsize length = newline ? (gsize) (newline - *data) : *size;
  char *line = g_strndup ((const char *) *data, length);

  *data += newline ? length + 1 : length;
  *size -= newline ? length + 1 : length;

  return line;
}

/**
 * rc_fuzz_check_text:
 * @what: what the text is, for the message
 * @length: its length, or -1 when it ends with a NUL
 *
 * Aborts unless @text is UTF-8: everything the core hands the window to
 * show must be.
 */
void
rc_fuzz_check_text (const char *what,
                    const char *text,
                    gssize      length)
{
  if (text == NULL)
    {
      g_printerr ("%s is NULL\n", what);
      abort ();
    }

  if (!g_utf8_validate (text, length, NULL))
    {
      g_autofree char *copy = length < 0 ? g_strdup (text) : g_strndup (text, length);
      g_autofree char *escaped = g_strescape (copy, NULL);

      g_printerr ("%s is not UTF-8: \"%s\"\n", what, escaped);
      abort ();
    }
}

/**
 * rc_fuzz_check_round_trip:
 *
 * Aborts unless @project saves, loads again, and saves again to the same
 * bytes.
 */
void
rc_fuzz_check_round_trip (RcProject *project)
{
  g_autoptr(GBytes) saved = rc_project_serialize (project);
  g_autoptr(RcProject) reloaded = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;

  rc_fuzz_check_text ("the saved project", g_bytes_get_data (saved, NULL),
                      g_bytes_get_size (saved));

  reloaded = rc_project_deserialize (saved, "saved.restcall", &error);
  if (reloaded == NULL)
    {
      g_printerr ("a saved project does not load again (%s):\n%.*s\n", error->message,
                  (int) g_bytes_get_size (saved), (const char *) g_bytes_get_data (saved, NULL));
      abort ();
    }

  g_assert_cmpuint (rc_project_get_n_apis (reloaded), ==, rc_project_get_n_apis (project));
  saved_again = rc_project_serialize (reloaded);
  if (!g_bytes_equal (saved, saved_again))
    {
      g_printerr ("a project saved, loaded and saved again changed:\n%.*s\n---\n%.*s\n",
                  (int) g_bytes_get_size (saved), (const char *) g_bytes_get_data (saved, NULL),
                  (int) g_bytes_get_size (saved_again),
                  (const char *) g_bytes_get_data (saved_again, NULL));
      abort ();
    }
}
