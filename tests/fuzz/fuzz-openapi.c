/* fuzz-openapi.c: libFuzzer target for the OpenAPI importer (rc-document.c, rc-openapi*.c)
 *
 * The input is a Swagger 2.0 or OpenAPI 3.x document, JSON or YAML, as if
 * downloaded from https://fuzz.invalid/api/openapi.yaml. What follows a
 * line `@@fetch@@` in it is the document that every http(s) `$ref` into
 * another document fetches. Once read, the document is imported as the
 * window and `restcall import --into` do: the `--json` report, the
 * authentication, and an API of every operation (and of one operation,
 * and of one tag), which goes into a project that is saved, loaded and
 * saved again to the same bytes. Seeds: tests/data/openapi.
 *
 * A document from the web may point its `$ref`s at other web documents
 * only: opening, reading, resolving or even looking at a local file while
 * it is imported aborts (open(), stat(), realpath() and
 * g_file_get_contents() are wrapped at link time, see meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* memmem(), O_TMPFILE, struct stat64 */
#define _GNU_SOURCE

#include "config.h"

#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rc-fuzz.h"
#include "restcall-core.h"

#define DOCUMENT_URI "https://fuzz.invalid/api/openapi.yaml"
#define FETCH_MARKER "\n@@fetch@@\n"

/* Set while a document from the web is imported. */
static gboolean importing;

static void
check_local_access (const char *what,
                    const char *path)
{
  if (!importing)
    return;

  g_printerr ("a document from %s made the importer %s the local file %s\n", DOCUMENT_URI, what,
              path);
  abort ();
}

/* The wrapped functions (-Wl,--wrap=NAME makes the core's calls to NAME
 * call __wrap_NAME, and __real_NAME the function itself). */
gboolean
__real_g_file_get_contents (const char *filename, char **contents, gsize *length, GError **error);
gboolean
__wrap_g_file_get_contents (const char *filename, char **contents, gsize *length, GError **error);
int      __real_open                 (const char *path, int flags, ...);
int      __wrap_open                 (const char *path, int flags, ...);
int      __real_open64               (const char *path, int flags, ...);
int      __wrap_open64               (const char *path, int flags, ...);
int      __real_stat                 (const char *path, struct stat *info);
int      __wrap_stat                 (const char *path, struct stat *info);
int      __real_stat64               (const char *path, struct stat64 *info);
int      __wrap_stat64               (const char *path, struct stat64 *info);
char    *__real_realpath             (const char *path, char *resolved);
char    *__wrap_realpath             (const char *path, char *resolved);

gboolean
__wrap_g_file_get_contents (const char  *filename,
                            char       **contents,
                            gsize       *length,
                            GError     **error)
{
  check_local_access ("read", filename);
  return __real_g_file_get_contents (filename, contents, length, error);
}

static mode_t
get_mode (int     flags,
          va_list args)
{
  return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t) va_arg (args, int) : 0;
}

int
__wrap_open (const char *path,
             int         flags,
             ...)
{
  va_list args;
  mode_t mode;

  va_start (args, flags);
  mode = get_mode (flags, args);
  va_end (args);
  check_local_access ("open", path);
  return __real_open (path, flags, mode);
}

int
__wrap_open64 (const char *path,
               int         flags,
               ...)
{
  va_list args;
  mode_t mode;

  va_start (args, flags);
  mode = get_mode (flags, args);
  va_end (args);
  check_local_access ("open", path);
  return __real_open64 (path, flags, mode);
}

int
__wrap_stat (const char  *path,
             struct stat *info)
{
  check_local_access ("look at", path);
  return __real_stat (path, info);
}

int
__wrap_stat64 (const char    *path,
               struct stat64 *info)
{
  check_local_access ("look at", path);
  return __real_stat64 (path, info);
}

char *
__wrap_realpath (const char *path,
                 char       *resolved)
{
  check_local_access ("resolve", path);
  return __real_realpath (path, resolved);
}

static GBytes *
fetch (const char  *url,
       gpointer     user_data,
       GError     **error)
{
  GBytes *other = user_data;

  if (!g_str_has_prefix (url, "https:") && !g_str_has_prefix (url, "http:"))
    {
      g_printerr ("the importer fetched %s, which is not an http(s) URL\n", url);
      abort ();
    }

  if (other == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "Not Found");
      return NULL;
    }

  return g_bytes_ref (other);
}

static void
check_report (RcOpenApi *open_api)
{
  g_autoptr(JsonNode) report = rc_open_api_to_json (open_api);
  g_autofree char *text = json_to_string (report, TRUE);
  g_autoptr(GPtrArray) operations = g_ptr_array_new ();
  const RcOpenApiScheme *scheme = NULL;
  g_autoptr(RcAuth) auth = NULL;

  rc_fuzz_check_text ("the import report", text, -1);

  for (guint i = 0; i < rc_open_api_get_n_operations (open_api); i++)
    g_ptr_array_add (operations, (gpointer) rc_open_api_get_operation (open_api, i));
  auth = rc_open_api_dup_auth (open_api, operations, &scheme);
  g_assert_true (RC_IS_AUTH (auth));

  for (guint i = 0; i < rc_open_api_get_n_schemes (open_api); i++)
    {
      g_autofree char *token_url =
        rc_open_api_resolve_token_url (open_api, rc_open_api_get_scheme (open_api, i),
                                       "https://other.fuzz.invalid/v2/");

      if (token_url)
        rc_fuzz_check_text ("a token URL", token_url, -1);
    }
}

/* Imports what @names and @tag choose, into a project that must save and
 * load again. */
static void
check_import (RcOpenApi          *open_api,
              const char * const *names,
              const char         *tag)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) api = NULL;
  g_autoptr(GError) error = NULL;

  api = rc_open_api_build_api (open_api, names, tag, &error);
  if (api == NULL)
    {
      /* Nothing selected, or a server whose variables make no base URL
       * (one without a default): refused, saying why. */
      g_assert_true (g_error_matches (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_NOT_FOUND)
                     || g_error_matches (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_INVALID));
      g_assert_nonnull (strstr (error->message, " "));
      return;
    }

  rc_project_add_api (project, api);
  rc_project_set_dirty (project, FALSE);
  rc_fuzz_check_round_trip (project);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const guint8 *marker = memmem (data, size, FETCH_MARKER, strlen (FETCH_MARKER));
  gsize document_size = marker ? (gsize) (marker - data) : size;
  g_autoptr(GBytes) document = g_bytes_new (data, document_size);
  g_autoptr(GBytes) other = NULL;
  g_autoptr(RcOpenApi) open_api = NULL;
  g_autoptr(GError) error = NULL;

  if (marker)
    other =
      g_bytes_new (marker + strlen (FETCH_MARKER), size - document_size - strlen (FETCH_MARKER));

  importing = TRUE;
  open_api = rc_open_api_new_from_bytes_full (document, "openapi.yaml", DOCUMENT_URI, DOCUMENT_URI,
                                              fetch, other, &error);
  importing = FALSE;
  if (open_api == NULL)
    {
      g_assert_true (error != NULL &&
                     (error->domain == RC_DOCUMENT_ERROR || error->domain == RC_OPEN_API_ERROR));
      rc_fuzz_check_text ("the error message", error->message, -1);
      return 0;
    }

  g_assert_no_error (error);
  for (const char * const *warning = rc_open_api_get_warnings (open_api); *warning; warning++)
    rc_fuzz_check_text ("a warning", *warning, -1);

  check_report (open_api);
  check_import (open_api, NULL, NULL);

  if (rc_open_api_get_n_operations (open_api) > 0)
    {
      const RcOpenApiOperation *operation = rc_open_api_get_operation (open_api, 0);
      const char *names[] = { operation->name, NULL };

      check_import (open_api, names, NULL);
      if (operation->tags && operation->tags[0])
        check_import (open_api, NULL, operation->tags[0]);
    }

  return 0;
}
