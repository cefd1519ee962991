/* bench-project-file.c: how fast a large project loads and saves
 *
 * Builds a project of N APIs × M methods, then times, side by side in one
 * run: json-glib parsing the file alone (the floor), rc_project_deserialize
 * (parse + model), rc_project_serialize, and a full atomic save. Prints the
 * median of several rounds and the ratios to the floor.
 *
 *   meson test -C _build --benchmark -v    or    _build/bench/bench-project-file [APIS METHODS
 * ROUNDS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "restcall-core.h"

static RcProject *
build_project (guint n_apis,
               guint n_methods)
{
  RcProject *project = rc_project_new ();

  for (guint i = 0; i < n_apis; i++)
    {
      g_autofree char *name = g_strdup_printf ("API %u", i);
      g_autoptr(RcApi) api = rc_api_new (name);
      RcAuth *auth = rc_api_get_auth (api);

      rc_api_set_base_url (api, "https://api.example.com/v1");
      rc_pair_list_append (rc_api_get_headers (api), "Accept", "application/json");
      rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
      rc_auth_set_client_id (auth, "client");
      rc_auth_set_token_url (auth, "https://auth.example.com/token");
      rc_auth_set_scopes (auth, "read write");
      rc_auth_ensure_secret_id (auth);

      for (guint j = 0; j < n_methods; j++)
        {
          g_autofree char *method_name = g_strdup_printf ("operation%u", j);
          g_autoptr(RcMethod) method = rc_method_new (method_name);

          rc_method_set_url (method, "/things/{id}/parts/{part}?q={q}");
          rc_method_set_description (
            method, "Gets a part of a thing, with a description of moderate length.");
          rc_pair_list_append (rc_method_get_test_values (method), "id", "42");
          rc_pair_list_append (rc_method_get_headers (method), "X-Request-Id", "abc");
          rc_api_add_method (api, method);
        }

      rc_project_add_api (project, api);
    }

  return project;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return values[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  guint n_apis = argc > 1 ? atoi (argv[1]) : 100;
  guint n_methods = argc > 2 ? atoi (argv[2]) : 100;
  guint rounds = argc > 3 ? atoi (argv[3]) : 5;
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = g_dir_make_tmp ("restcall-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.restcall", NULL);
  g_autofree double *parse = NULL, *load = NULL, *serialize = NULL, *save = NULL;

  rounds = CLAMP (rounds, 1, 50);
  parse = g_new (double, rounds);
  load = g_new (double, rounds);
  serialize = g_new (double, rounds);
  save = g_new (double, rounds);

  project = build_project (n_apis, n_methods);
  bytes = rc_project_serialize (project);

  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(RcProject) loaded = NULL;
      g_autoptr(GBytes) out = NULL;
      g_autoptr(GError) error = NULL;
      gint64 t0, t1, t2, t3, t4;

      t0 = g_get_monotonic_time ();
      json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  &error);
      g_assert_no_error (error);
      t1 = g_get_monotonic_time ();
      loaded = rc_project_deserialize (bytes, "bench", &error);
      g_assert_no_error (error);
      t2 = g_get_monotonic_time ();
      out = rc_project_serialize (loaded);
      t3 = g_get_monotonic_time ();
      g_file_set_contents_full (path, g_bytes_get_data (out, NULL), g_bytes_get_size (out),
                                G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error);
      g_assert_no_error (error);
      t4 = g_get_monotonic_time ();

      g_assert_true (g_bytes_equal (out, bytes));

      parse[r] = (t1 - t0) / 1000.0;
      load[r] = (t2 - t1) / 1000.0;
      serialize[r] = (t3 - t2) / 1000.0;
      save[r] = (t3 - t2 + t4 - t3) / 1000.0;
    }

  {
    double p = median (parse, rounds);
    double l = median (load, rounds);
    double s = median (serialize, rounds);
    double w = median (save, rounds);

    g_print ("project: %u APIs x %u methods = %u methods, %.1f MiB, median of %u rounds\n",
             n_apis, n_methods, n_apis * n_methods,
             g_bytes_get_size (bytes) / 1048576.0, rounds);
    g_print ("  json-glib parse only     %8.1f ms   1.00x\n", p);
    g_print ("  load (parse + model)     %8.1f ms   %.2fx\n", l, l / p);
    g_print ("  serialize                %8.1f ms   %.2fx\n", s, s / p);
    g_print ("  save (serialize + write) %8.1f ms   %.2fx\n", w, w / p);
  }

  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
