/* bench-body.c: how fast the Test tab makes a large response body readable
 *
 * Builds a JSON response of about SIZE MiB (an array of objects, like a
 * large list endpoint answers), then times, side by side in one run:
 *
 *   parse      json-glib parsing the body alone: the floor for reading it
 *   generate   json-glib parsing, then pretty-printing the whole tree: what
 *              a viewer built on json-glib alone would do
 *   shown      rc_body_format() with the Test tab's limit (2 MiB of text):
 *              what the Test tab waits for before it shows the body
 *   whole      rc_body_format() with no practical limit: the whole body
 *              pretty-printed
 *   stall      rc_body_format_async() with the Test tab's limit, as the Test
 *              tab calls it: the longest the main loop goes without turning
 *              meanwhile, between two ticks of a 20 ms timer (goal: under
 *              100 ms, the limit tests/test-body.c used to assert)
 *
 * Prints the median of several rounds and the ratios to the floor, and the
 * worst stall against its goal (exit status 1 when it was missed). How the
 * Test tab itself stalls while it shows the text, bench-gui-stalls.c
 * measures.
 *
 *   meson test -C _build --benchmark -v    or    _build/bench/bench-body [SIZE_MIB ROUNDS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "restcall-core.h"

#define TICK_MSEC 20
#define MAX_STALL_MSEC 100

typedef struct
{
  gint64        last;
  gint64        max_gap;
  GAsyncResult *result;
} Stall;

static GBytes *
build_body (gsize size)
{
  GString *json = g_string_sized_new (size + 1024);

  g_string_append_c (json, '[');
  for (guint i = 0; json->len < size; i++)
    g_string_append_printf (json,
                            "%s{\"id\":%u,\"name\":\"Pet number %u\",\"tag\":\"dog\","
                            "\"status\":\"available\",\"price\":%u.%02u,"
                            "\"photoUrls\":[\"https://petstore.example.com/photos/%u.jpg\"],"
                            "\"owner\":{\"name\":\"Ann \\u00e9\",\"verified\":true,\"note\":null}}",
                            i ? "," : "", i, i, i % 1000, i % 100, i);
  g_string_append_c (json, ']');

  return g_string_free_to_bytes (json);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static gsize
time_parse (GBytes *body,
            double *ms)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  if (!json_parser_load_from_data (parser, data, size, &error))
    g_error ("parse: %s", error->message);
  *ms = (g_get_monotonic_time () - start) / 1000.0;

  return size;
}

static gsize
time_generate (GBytes *body,
               double *ms)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 start = g_get_monotonic_time ();
  gsize size, length;
  const char *data = g_bytes_get_data (body, &size);

  if (!json_parser_load_from_data (parser, data, size, &error))
    g_error ("parse: %s", error->message);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  *ms = (g_get_monotonic_time () - start) / 1000.0;

  return length;
}

static gsize
time_format (GBytes *body,
             gsize   limit,
             double *ms)
{
  g_autoptr(RcBody) formatted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  formatted = rc_body_format (body, "application/json", limit, NULL, &error);
  *ms = (g_get_monotonic_time () - start) / 1000.0;
  if (formatted == NULL)
    g_error ("format: %s", error->message);
  if (!rc_body_get_reformatted (formatted))
    g_error ("format: the body was not recognised as JSON");
  if (rc_body_get_truncated (formatted) != (limit < G_MAXSIZE))
    g_error ("format: the text was%s cut", rc_body_get_truncated (formatted) ? "" : " not");

  return rc_body_get_length (formatted);
}

static gboolean
stall_tick_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  stall->max_gap = MAX (stall->max_gap, now - stall->last);
  stall->last = now;

  return G_SOURCE_CONTINUE;
}

static void
formatted_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  ((Stall *) data)->result = g_object_ref (result);
}

/* The longest gap, in ms, between two turns of the main loop while the
 * body is formatted in the worker thread. */
static double
time_stall (GBytes *body)
{
  g_autoptr(RcBody) formatted = NULL;
  g_autoptr(GError) error = NULL;
  Stall stall = { g_get_monotonic_time () };
  guint tick = g_timeout_add (TICK_MSEC, stall_tick_cb, &stall);

  rc_body_format_async (body, "application/json", RC_BODY_DEFAULT_LIMIT, NULL, formatted_cb,
                        &stall);
  while (stall.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  stall_tick_cb (&stall);
  g_source_remove (tick);

  formatted = rc_body_format_finish (stall.result, &error);
  g_clear_object (&stall.result);
  if (formatted == NULL)
    g_error ("format: %s", error->message);

  return stall.max_gap / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  guint size_mib = argc > 1 ? (guint) atoi (argv[1]) : 20;
  guint rounds = argc > 2 ? (guint) atoi (argv[2]) : 5;
  g_autoptr(GBytes) body = NULL;
  g_autofree double *parse = NULL, *generate = NULL, *shown = NULL, *whole = NULL;
  double worst_stall = 0;
  gsize generated = 0, shown_length = 0, whole_length = 0;

  if (size_mib == 0 || rounds == 0)
    {
      g_printerr ("usage: %s [SIZE_MIB ROUNDS]\n", argv[0]);
      return 2;
    }

  body = build_body ((gsize) size_mib * 1024 * 1024);
  parse = g_new (double, rounds);
  generate = g_new (double, rounds);
  shown = g_new (double, rounds);
  whole = g_new (double, rounds);

  /* Interleaved, so that a busy moment of the machine hits every one. */
  for (guint i = 0; i < rounds; i++)
    {
      time_parse (body, &parse[i]);
      generated = time_generate (body, &generate[i]);
      shown_length = time_format (body, RC_BODY_DEFAULT_LIMIT, &shown[i]);
      whole_length = time_format (body, G_MAXSIZE, &whole[i]);
      worst_stall = MAX (worst_stall, time_stall (body));
    }

  {
    double p = median (parse, rounds);
    double g = median (generate, rounds);
    double s = median (shown, rounds);
    double w = median (whole, rounds);

    g_print ("body: %.1f MiB of JSON, median of %u rounds\n",
             g_bytes_get_size (body) / 1048576.0, rounds);
    g_print ("  json-glib parse only        %8.1f ms  1.00x\n", p);
    g_print ("  json-glib parse + generate  %8.1f ms  %.2fx  (%.1f MiB of text)\n", g, g / p,
             generated / 1048576.0);
    g_print ("  restcall, shown (2 MiB)     %8.1f ms  %.2fx  (%.1f MiB of text)\n", s, s / p,
             shown_length / 1048576.0);
    g_print ("  restcall, whole             %8.1f ms  %.2fx  (%.1f MiB of text)\n", w, w / p,
             whole_length / 1048576.0);
    g_print ("  main loop, longest stall    %8.1f ms  (the worst round; goal < %d ms: %s)\n",
             worst_stall, MAX_STALL_MSEC, worst_stall < MAX_STALL_MSEC ? "met" : "MISSED");
  }

  return worst_stall < MAX_STALL_MSEC ? 0 : 1;
}
