/* bench-openapi.c: OpenAPI import against the json-glib parse-only floor
 *
 *   bench-openapi parse  FILE ROUNDS   read FILE and parse it with json-glib
 *   bench-openapi import FILE ROUNDS   read FILE and do what
 *                                      `restcall import FILE --json` does:
 *                                      rc_open_api_new_from_bytes() (the
 *                                      document tree and the analysis), then
 *                                      rc_open_api_to_json() serialized
 *   bench-openapi compare ROUNDS FILE…  run both modes for each FILE, every
 *                                      round in a fresh process of its own
 *                                      (so peak RSS is that mode's alone),
 *                                      parse and import alternating so that
 *                                      drifting machine load hits both
 *                                      alike; print the medians, the ratio
 *                                      and the highest peak RSS
 *
 * Both modes read the file the same way (g_file_get_contents()), so the
 * floor is reading plus json-glib's parse and the tree it builds; the ratio
 * is what the importer adds. A round's time covers reading through freeing.
 * A FILE that does not exist makes `compare` exit 77 (skipped) with a
 * message saying how to fetch the documents (bench/run-openapi-bench.sh).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "restcall-core.h"

#define EXIT_SKIP 77

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  if (times->len % 2)
    return g_array_index (times, double, times->len / 2);
  return (g_array_index (times, double, times->len / 2 - 1) +
          g_array_index (times, double, times->len / 2)) / 2;
}

static gsize
run_parse (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error) ||
      !json_parser_load_from_data (parser, contents, length, &error))
    g_error ("%s", error->message);

  return json_parser_get_root (parser) ? 1 : 0;
}

static gsize
run_import (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RcOpenApi) api = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  if (!(api = rc_open_api_new_from_bytes (bytes, path, NULL, &error)))
    g_error ("%s", error->message);

  json = rc_open_api_to_json (api);
  text = json_to_string (json, FALSE);

  return rc_open_api_get_n_operations (api);
}

/* One mode in this process; prints one line of key=value figures. */
static int
run_mode (const char *mode,
          const char *path,
          guint       rounds)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean import = g_str_equal (mode, "import");
  struct rusage usage;
  gsize result = 0;

  for (guint i = 0; i < rounds; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      result = import ? run_import (path) : run_parse (path);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("mode=%s median_ms=%.1f min_ms=%.1f maxrss_kb=%ld operations=%zu\n",
           mode, median (times), g_array_index (times, double, 0), usage.ru_maxrss,
           import ? result : (gsize)0);

  return EXIT_SUCCESS;
}

/* Runs `self MODE PATH ROUNDS` in a fresh process and reads its figures. */
static gboolean
spawn_mode (const char  *self,
            const char  *mode,
            const char  *path,
            guint        rounds,
            double      *median_ms,
            long        *maxrss_kb,
            gsize       *operations)
{
  g_autofree char *rounds_text = g_strdup_printf ("%u", rounds);
  const char *argv[] = { self, mode, path, rounds_text, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s %s %s: %s\n", self, mode, path, error->message);
      return FALSE;
    }

  if (sscanf (out, "mode=%*s median_ms=%lf min_ms=%*f maxrss_kb=%ld operations=%zu", median_ms,
              maxrss_kb, operations) != 3)
    {
      g_printerr ("%s %s %s: unexpected output: %s\n", self, mode, path, out);
      return FALSE;
    }

  return TRUE;
}

static int
run_compare (const char  *self,
             guint        rounds,
             char       **paths,
             int          n_paths)
{
  gboolean ok = TRUE;

  for (int i = 0; i < n_paths; i++)
    {
      if (!g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
        {
          g_print ("SKIP: %s is missing; run bench/run-openapi-bench.sh to fetch the "
                   "documents (npm package @octokit/openapi) and run this benchmark.\n",
                   paths[i]);
          return EXIT_SKIP;
        }
    }

  g_print ("%-26s %6s %12s %12s %7s %11s %11s %6s\n", "document", "MB", "parse ms", "import ms",
           "ratio", "parse RSS", "import RSS", "ops");

  for (int i = 0; i < n_paths; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);
      g_autoptr(GArray) parse_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) import_times = g_array_new (FALSE, FALSE, sizeof (double));
      double parse_ms = 0, import_ms = 0;
      long parse_kb = 0, import_kb = 0;
      gsize unused = 0, operations = 0;
      gboolean failed = FALSE;
      GStatBuf st;

      if (g_stat (paths[i], &st) != 0)
        st.st_size = 0;

      for (guint round = 0; round < rounds && !failed; round++)
        {
          double ms;
          long kb;

          failed = !spawn_mode (self, "parse", paths[i], 1, &ms, &kb, &unused);
          g_array_append_val (parse_times, ms);
          parse_kb = MAX (parse_kb, kb);
          failed = failed || !spawn_mode (self, "import", paths[i], 1, &ms, &kb, &operations);
          g_array_append_val (import_times, ms);
          import_kb = MAX (import_kb, kb);
        }

      if (failed)
        {
          ok = FALSE;
          continue;
        }
      parse_ms = median (parse_times);
      import_ms = median (import_times);

      g_print ("%-26s %6.1f %12.1f %12.1f %6.2fx %8ld MB %8ld MB %6zu\n", base,
               st.st_size / 1e6, parse_ms, import_ms, import_ms / parse_ms, parse_kb / 1024,
               import_kb / 1024, operations);
    }

  g_print ("(median of %u rounds each, every round a fresh process, parse and import "
           "alternating; RSS is the highest peak)\n", rounds);

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
main (int   argc,
      char *argv[])
{
  guint64 rounds;

  if (argc >= 4 && g_str_equal (argv[1], "compare") &&
      g_ascii_string_to_unsigned (argv[2], 10, 1, 1000, &rounds, NULL))
    return run_compare (argv[0], rounds, argv + 3, argc - 3);

  if (argc == 4 && (g_str_equal (argv[1], "parse") || g_str_equal (argv[1], "import")) &&
      g_ascii_string_to_unsigned (argv[3], 10, 1, 1000, &rounds, NULL))
    return run_mode (argv[1], argv[2], rounds);

  g_printerr ("Usage: %s parse|import FILE ROUNDS\n"
              "       %s compare ROUNDS FILE...\n",
              argv[0], argv[0]);
  return EXIT_FAILURE;
}
