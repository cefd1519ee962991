/* test-project-file.c: reading and writing *.restcall files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* symlink(), chown(), flock() and utimensat(), which -std=c11 hides. */
#define _DEFAULT_SOURCE

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rc-test-server.h"
#include "restcall-core.h"

#define LOOP_TIMEOUT_SECONDS 10

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A subprocess may drop root and could not clean up after itself: it
   * works in its parent's folders only. */
  if (g_test_subprocess ())
    return;

  fixture->dir = g_dir_make_tmp ("restcall-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_chmod (path, 0700);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->dir == NULL)
    return;

  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sample.restcall", NULL);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;

  return n;
}

/* Runs the default main context until *done, for at most a few seconds. */
static void
wait_for (gboolean *done)
{
  rc_test_wait_for (done, LOOP_TIMEOUT_SECONDS);
}

typedef struct
{
  gboolean      done;
  RcProject    *project;
  GError       *error;
} AsyncResult;

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->project = rc_project_load_finish (result, &async->error);
  async->done = TRUE;
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncResult *async = user_data;

  rc_project_save_finish (RC_PROJECT (object), result, &async->error);
  async->done = TRUE;
}

static RcProject *
load_async (GFile   *file,
            GError **error)
{
  AsyncResult async = { 0 };

  rc_project_load_async (file, NULL, load_cb, &async);
  wait_for (&async.done);
  if (async.error)
    g_propagate_error (error, async.error);

  return async.project;
}

static gboolean
save_async_full (RcProject           *project,
                 GFile               *file,
                 RcProjectSaveFlags   flags,
                 GError             **error)
{
  AsyncResult async = { 0 };

  rc_project_save_full_async (project, file, flags, NULL, save_cb, &async);
  wait_for (&async.done);
  if (async.error)
    {
      g_propagate_error (error, async.error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_async (RcProject  *project,
            GFile      *file,
            GError    **error)
{
  return save_async_full (project, file, RC_PROJECT_SAVE_NONE, error);
}

static void
test_round_trip_sample (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = sample_path ();
  g_autofree char *out_path = g_build_filename (fixture->dir, "copy.restcall", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GBytes) original = read_bytes (path);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = load_async (file, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (rc_project_get_file (project), file));
  g_assert_false (rc_project_get_dirty (project));
  g_assert_cmpuint (rc_project_get_n_apis (project), ==, 2);

  /* The sample has what later tests rely on. */
  {
    RcApi *petstore = rc_project_find_api (project, "Petstore");
    RcApi *billing = rc_project_find_api (project, "Billing");
    RcAuth *auth;

    g_assert_nonnull (petstore);
    g_assert_nonnull (billing);
    auth = rc_api_get_auth (petstore);
    g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
    g_assert_cmpstr (rc_auth_get_token_url (auth), ==, "https://auth.example.com/oauth2/token");
    g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "pets:read pets:write");
    g_assert_cmpstr (rc_pair_list_lookup (rc_auth_get_token_params (auth), "audience"), ==,
                     "https://petstore.example.com");
    g_assert_cmpint (rc_auth_get_kind (rc_api_get_auth (billing)), ==, RC_AUTH_KIND_BASIC);
    g_assert_cmpuint (rc_api_get_n_methods (petstore), ==, 3);
    g_assert_cmpstr (rc_method_get_url (rc_api_find_method (petstore, "getPet")), ==,
                     "/pets/{petId}");
    /* Written before parameters could be marked as required: none is. */
    g_assert_cmpstrv (rc_method_get_required_parameters (rc_api_find_method (petstore, "getPet")),
                      ((const char *[]) { NULL }));
    g_assert_nonnull (rc_method_get_auth (rc_api_find_method (billing, "health")));
    g_assert_true (rc_method_get_effective_auth (rc_api_find_method (billing, "listInvoices"))
                   == rc_api_get_auth (billing));
  }

  /* In memory, and through a file written by save. */
  saved = rc_project_serialize (project);
  g_assert_true (g_bytes_equal (saved, original));

  g_assert_true (save_async (project, out, &error));
  g_assert_no_error (error);
  g_clear_pointer (&saved, g_bytes_unref);
  saved = read_bytes (out_path);
  g_assert_true (g_bytes_equal (saved, original));
  g_assert_true (g_file_equal (rc_project_get_file (project), out));
  g_assert_false (rc_project_get_dirty (project));

  /* Only the project file is left in the folder: no temporary file. */
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

static RcProject *
build_full_project (void)
{
  RcProject *project = rc_project_new ();
  g_autoptr(RcApi) api = rc_api_new ("Ünïcödé API \"quoted\" \\ backslash");
  g_autoptr(RcApi) empty = rc_api_new ("");
  g_autoptr(RcMethod) method = rc_method_new ("post\tthing");
  g_autoptr(RcMethod) bare = rc_method_new ("bare");
  g_autoptr(RcAuth) own = rc_auth_new ();
  RcAuth *auth = rc_api_get_auth (api);

  rc_api_set_base_url (api, "https://api.example.com/v1/");
  rc_api_set_description (api, "Line one\nLine two — with “quotes” and emoji 🎉");
  rc_pair_list_append (rc_api_get_headers (api), "X-Empty", "");
  rc_pair_list_append (rc_api_get_headers (api), "Accept", "application/json");

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "id with spaces+plus%percent");
  rc_auth_set_token_url (auth, "https://auth.example.com/token?x=1&y=2");
  rc_auth_set_scopes (auth, "a  b");
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_BODY);
  rc_auth_set_basic_form (auth, RC_BASIC_FORM_RAW);
  rc_auth_set_remembered_basic_form (auth, RC_BASIC_FORM_RAW);
  rc_auth_set_username (auth, "kept even when the type is not basic");
  rc_pair_list_append (rc_auth_get_token_params (auth), "resource", "r1");
  rc_pair_list_append (rc_auth_get_token_params (auth), "resource", "r2");
  rc_auth_ensure_secret_id (auth);

  rc_method_set_verb (method, "patch");
  rc_method_set_url (method, "/things/{id}?q={q}");
  rc_method_set_required_parameters (method, (const char *[]) { "q", "id", NULL });
  rc_method_set_body (method, "{\n  \"a\": [1, 2, 3],\n  \"nul\": \"\\u0000\"\n}");
  rc_method_set_content_type (method, "application/json; charset=utf-8");
  rc_pair_list_append (rc_method_get_headers (method), "Authorization", "Bearer manual");
  rc_pair_list_append (rc_method_get_test_values (method), "id", "1/2");
  rc_auth_set_kind (own, RC_AUTH_KIND_BASIC);
  rc_auth_set_username (own, "me");
  rc_method_set_auth (method, own);

  rc_api_add_method (api, method);
  rc_api_add_method (api, bare);
  rc_project_add_api (project, api);
  rc_project_add_api (project, empty);

  return project;
}

static void
test_round_trip_built (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RcProject) project = build_full_project ();
  g_autoptr(RcProject) loaded = NULL;
  g_autoptr(GBytes) first = rc_project_serialize (project);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *required;
  RcApi *api;
  RcMethod *method;
  RcAuth *auth;

  loaded = rc_project_deserialize (first, "built", &error);
  g_assert_no_error (error);
  g_assert_false (rc_project_get_dirty (loaded));
  g_assert_null (rc_project_get_file (loaded));

  second = rc_project_serialize (loaded);
  g_assert_true (g_bytes_equal (first, second));

  /* The required parameters come right after the URL they belong to, in
   * the order they were set; a method with none has no such member. */
  text = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  required = strstr (text,
                     "\"url\" : \"/things/{id}?q={q}\",\n"
                     "          \"required_parameters\" : [\n"
                     "            \"q\",\n"
                     "            \"id\"\n"
                     "          ],\n"
                     "          \"headers\"");
  g_assert_nonnull (required);
  required = strstr (text, "required_parameters");
  g_assert_null (strstr (required + 1, "required_parameters"));

  /* Every value survives, not only the bytes. */
  g_assert_cmpstr (rc_project_get_id (loaded), ==, rc_project_get_id (project));
  api = rc_project_get_api (loaded, 0);
  g_assert_cmpstr (rc_api_get_name (api), ==, "Ünïcödé API \"quoted\" \\ backslash");
  g_assert_cmpstr (rc_api_get_description (api), ==,
                   "Line one\nLine two — with “quotes” and emoji 🎉");
  g_assert_cmpstr (rc_api_get_id (api), ==, rc_api_get_id (rc_project_get_api (project, 0)));
  g_assert_cmpstr (rc_pair_list_lookup (rc_api_get_headers (api), "X-Empty"), ==, "");
  auth = rc_api_get_auth (api);
  g_assert_cmpint (rc_auth_get_client_auth (auth), ==, RC_CLIENT_AUTH_BODY);
  g_assert_cmpint (rc_auth_get_basic_form (auth), ==, RC_BASIC_FORM_RAW);
  g_assert_cmpint (rc_auth_get_remembered_basic_form (auth), ==, RC_BASIC_FORM_RAW);
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "a  b");
  g_assert_cmpstr (rc_auth_get_username (auth), ==, "kept even when the type is not basic");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rc_auth_get_token_params (auth))), ==,
                    2);
  g_assert_true (g_uuid_string_is_valid (rc_auth_get_secret_id (auth)));

  method = rc_api_get_method (api, 0);
  g_assert_cmpstr (rc_method_get_verb (method), ==, "PATCH");
  g_assert_cmpstr (rc_method_get_name (method), ==, "post\tthing");
  g_assert_cmpstr (rc_method_get_body (method), ==,
                   "{\n  \"a\": [1, 2, 3],\n  \"nul\": \"\\u0000\"\n}");
  g_assert_cmpstr (rc_pair_list_lookup (rc_method_get_test_values (method), "id"), ==, "1/2");
  g_assert_cmpstrv (rc_method_get_required_parameters (method),
                    ((const char *[]){ "q", "id", NULL }));
  g_assert_true (rc_method_is_parameter_required (method, "id"));
  g_assert_cmpstr (rc_auth_get_username (rc_method_get_auth (method)), ==, "me");
  g_assert_null (rc_method_get_auth (rc_api_get_method (api, 1)));
  g_assert_cmpstrv (rc_method_get_required_parameters (rc_api_get_method (api, 1)),
                    ((const char *[]){ NULL }));
  g_assert_cmpstr (rc_api_get_name (rc_project_get_api (loaded, 1)), ==, "");
}

static void
test_save_while_editing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RcProject) project = build_full_project ();
  g_autofree char *path = g_build_filename (fixture->dir, "editing.restcall", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncResult async = { 0 };

  /* The file holds the project as it was when saving started; an edit
   * made meanwhile keeps the project dirty. */
  rc_project_save_async (project, file, NULL, save_cb, &async);
  rc_api_set_name (rc_project_get_api (project, 1), "Edited meanwhile");
  wait_for (&async.done);
  g_assert_no_error (async.error);
  g_assert_true (rc_project_get_dirty (project));

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RcProject) loaded = rc_project_load (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rc_api_get_name (rc_project_get_api (loaded, 1)), ==, "");
  }
}

static void
test_keeps_permissions (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RcProject) project = build_full_project ();
  g_autofree char *path = g_build_filename (fixture->dir, "private.restcall", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_text (path, "{}");
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  g_assert_true (save_async (project, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
assert_load_fails_untouched (const char  *path,
                             GQuark       domain,
                             int          code,
                             const char  *expected_fragment)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GStatBuf st_before, st_after;
  gboolean exists = g_file_test (path, G_FILE_TEST_IS_REGULAR);

  if (exists)
    {
      before = read_bytes (path);
      g_assert_cmpint (g_stat (path, &st_before), ==, 0);
    }

  project = load_async (file, &error);
  g_assert_null (project);
  g_assert_error (error, domain, code);
  g_test_message ("error: %s", error->message);

  /* The message names the file and what failed. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, expected_fragment));

  /* Loading never writes. */
  if (exists)
    {
      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_cmpint (g_stat (path, &st_after), ==, 0);
      g_assert_cmpint (st_after.st_mtime, ==, st_before.st_mtime);
    }
  else if (domain == G_IO_ERROR && code == G_IO_ERROR_NOT_FOUND)
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Before basic_form, "raw_basic": true chose the unencoded form; a file
 * without either gets the automatic one. */
static void
test_raw_basic_of_old (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *text =
    "{\"format\": 1, \"id\": \"x\", \"apis\": ["
    "{\"id\": \"a\", \"name\": \"Raw\", \"auth\": {\"type\": \"oauth2-client-credentials\", "
    "\"raw_basic\": true}},"
    "{\"id\": \"b\", \"name\": \"Plain\", \"auth\": {\"type\": \"oauth2-client-credentials\", "
    "\"raw_basic\": false}}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcProject) project = rc_project_deserialize (bytes, "old.restcall", &error);

  g_assert_no_error (error);
  g_assert_cmpint (rc_auth_get_basic_form (rc_api_get_auth (rc_project_get_api (project, 0))), ==,
                   RC_BASIC_FORM_RAW);
  g_assert_cmpint (rc_auth_get_basic_form (rc_api_get_auth (rc_project_get_api (project, 1))), ==,
                   RC_BASIC_FORM_AUTO);

  /* Saved again, in today's words. */
  saved = rc_project_serialize (project);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                  "\"basic_form\" : \"raw\""));
  g_assert_null (
    g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "raw_basic"));
}

/* A signed-JWT client's settings are saved in their place, after the
 * Basic forms; its key is a path, never the key. */
static void
test_client_assertion_settings (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) api = rc_api_new ("Signed");
  g_autoptr(RcApi) secret_api = rc_api_new ("HMAC");
  g_autoptr(RcProject) loaded = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RcAuth *auth = rc_api_get_auth (api);
  const char *order[] = { "\"client_auth\" : \"private-key-jwt\"", "\"jwt_alg\" : \"PS256\"",
                          "\"key_id\" : \"key 1\"", "\"private_key_file\" : \"/keys/client.pem\"",
                          "\"secret_id\"", "\"client_auth\" : \"secret-jwt\"" };
  const char *at;

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_PRIVATE_KEY_JWT);
  rc_auth_set_jwt_alg (auth, RC_JWT_ALG_PS256);
  rc_auth_set_key_id (auth, "key 1");
  rc_auth_set_private_key_file (auth, "/keys/client.pem");
  rc_auth_ensure_secret_id (auth);
  rc_auth_set_kind (rc_api_get_auth (secret_api), RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_auth (rc_api_get_auth (secret_api), RC_CLIENT_AUTH_SECRET_JWT);
  rc_project_add_api (project, api);
  rc_project_add_api (project, secret_api);

  first = rc_project_serialize (project);
  text = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  at = text;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      at = strstr (at, order[i]);
      if (at == NULL)
        g_error ("“%s” is missing or out of order in:\n%s", order[i], text);
    }
  /* The automatic algorithm, no key ID, no key file: nothing written. */
  g_assert_null (strstr (at, "jwt_alg"));
  g_assert_null (strstr (at, "key_id"));
  g_assert_null (strstr (at, "private_key_file"));

  loaded = rc_project_deserialize (first, "signed", &error);
  g_assert_no_error (error);
  auth = rc_api_get_auth (rc_project_get_api (loaded, 0));
  g_assert_cmpint (rc_auth_get_client_auth (auth), ==, RC_CLIENT_AUTH_PRIVATE_KEY_JWT);
  g_assert_cmpint (rc_auth_get_jwt_alg (auth), ==, RC_JWT_ALG_PS256);
  g_assert_cmpstr (rc_auth_get_key_id (auth), ==, "key 1");
  g_assert_cmpstr (rc_auth_get_private_key_file (auth), ==, "/keys/client.pem");
  g_assert_false (rc_auth_secret_holds_key (auth));
  auth = rc_api_get_auth (rc_project_get_api (loaded, 1));
  g_assert_cmpint (rc_auth_get_client_auth (auth), ==, RC_CLIENT_AUTH_SECRET_JWT);
  g_assert_cmpint (rc_auth_get_jwt_alg (auth), ==, RC_JWT_ALG_AUTO);

  second = rc_project_serialize (loaded);
  g_assert_true (g_bytes_equal (first, second));
}

/* Mutual TLS: the certificate file and the private key file (the one a
 * private_key_jwt client has) are saved, by name, in the stable order
 * after the client authentication; the key never is. */
static void
test_client_cert (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) api = rc_api_new ("mTLS");
  g_autoptr(RcProject) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RcAuth *auth = rc_api_get_auth (api);
  const char *order[] = { "\"client_auth\" : \"tls-client-auth\"",
                          "\"client_cert_file\" : \"/certs/client \\\"one\\\".pem\"",
                          "\"private_key_file\" : \"/certs/client.key\"",
                          "\"secret_id\"" };
  const char *at = NULL;

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "mtls-client");
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_TLS);
  rc_auth_set_client_cert_file (auth, "/certs/client \"one\".pem");
  rc_auth_set_private_key_file (auth, "/certs/client.key");
  rc_auth_ensure_secret_id (auth);
  rc_project_add_api (project, api);

  saved = rc_project_serialize (project);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_test_message ("%s", text);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *next = strstr (text, order[i]);

      g_assert_nonnull (next);
      g_assert_true (next > at);
      at = next;
    }

  loaded = rc_project_deserialize (saved, "mtls.restcall", &error);
  g_assert_no_error (error);
  auth = rc_api_get_auth (rc_project_get_api (loaded, 0));
  g_assert_cmpint (rc_auth_get_client_auth (auth), ==, RC_CLIENT_AUTH_TLS);
  g_assert_cmpstr (rc_auth_get_client_cert_file (auth), ==, "/certs/client \"one\".pem");
  g_assert_cmpstr (rc_auth_get_private_key_file (auth), ==, "/certs/client.key");

  /* No files named: no members. */
  rc_auth_set_client_cert_file (auth, "");
  rc_auth_set_private_key_file (auth, "");
  g_clear_pointer (&saved, g_bytes_unref);
  saved = rc_project_serialize (loaded);
  g_assert_null (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                               "client_cert_file"));
  g_assert_null (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                               "private_key_file"));
}

/* A format 1 file (before environments) opens as a project without any,
 * is written as format 2 with nothing else changed, and that reads back
 * and saves byte-identically. */
static void
test_upgrade_format_1 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *old_path = g_test_build_filename (G_TEST_DIST, "data", "format-1.restcall",
                                                     NULL);
  g_autoptr(GBytes) old = read_bytes (old_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcProject) project = rc_project_deserialize (old, "format-1.restcall", &error);
  g_autoptr(RcProject) again = NULL;
  g_autoptr(GBytes) upgraded = NULL;
  g_autoptr(GBytes) resaved = NULL;
  g_autoptr(GString) expected = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (rc_project_get_n_environments (project), ==, 0);
  g_assert_null (rc_project_get_active_environment (project));

  upgraded = rc_project_serialize (project);
  expected = g_string_new_len (g_bytes_get_data (old, NULL), g_bytes_get_size (old));
  g_assert_cmpuint (g_string_replace (expected, "\"format\" : 1,", "\"format\" : 2,", 1), ==, 1);
  g_assert_cmpstr (g_bytes_get_data (upgraded, NULL), ==, expected->str);

  again = rc_project_deserialize (upgraded, "upgraded.restcall", &error);
  g_assert_no_error (error);
  resaved = rc_project_serialize (again);
  g_assert_true (g_bytes_equal (resaved, upgraded));
}

/* The sample's environments, read: names, colours, variables in order, a
 * secret one without a value, and the active one. */
static void
test_environments (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sample.restcall", NULL);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcProject) project = rc_project_deserialize (bytes, "sample.restcall", &error);
  RcEnvironment *development, *production;
  RcVariable *secret;

  g_assert_no_error (error);
  g_assert_cmpuint (rc_project_get_n_environments (project), ==, 2);
  development = rc_project_find_environment (project, "Development");
  production = rc_project_find_environment (project, "Production");
  g_assert_true (rc_project_get_active_environment (project) == development);
  g_assert_cmpstr (rc_environment_get_color (development), ==, "");
  g_assert_cmpstr (rc_environment_get_color (production), ==, "red");
  g_assert_cmpstr (rc_variable_get_value (rc_environment_find_variable (production, "host")), ==,
                   "petstore.example.com");
  secret = rc_environment_get_variable (production, 1);
  g_assert_cmpstr (rc_variable_get_name (secret), ==, "client_secret");
  g_assert_true (rc_variable_get_secret (secret));
  g_assert_cmpstr (rc_variable_get_value (secret), ==, "");
  g_assert_false (rc_project_get_dirty (project));

  /* Switching is not an edit; editing an environment is. */
  rc_project_set_active_environment (project, production);
  g_assert_false (rc_project_get_dirty (project));
  rc_variable_set_value (rc_environment_find_variable (development, "host"), "localhost");
  g_assert_true (rc_project_get_dirty (project));

  /* Choices, as an OpenAPI server variable's enum gives them, are kept. */
  rc_variable_set_choices (rc_environment_find_variable (development, "host"),
                           (const char * const[]) { "localhost", "dev.example.com", NULL });

  /* A secret variable keeps no value, even when asked to. */
  rc_variable_set_value (secret, "hunter2");
  g_assert_cmpstr (rc_variable_get_value (secret), ==, "");

  /* The active one is saved, and an auth's secret variable, by name;
   * removing the active one makes the first left active. */
  rc_auth_set_secret_variable (rc_api_get_auth (rc_project_get_api (project, 0)), "client_secret");
  {
    g_autoptr(GBytes) saved = rc_project_serialize (project);
    g_autoptr(RcProject) reread = rc_project_deserialize (saved, "saved.restcall", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rc_auth_get_secret_variable (rc_api_get_auth (rc_project_get_api (reread, 0))),
                     ==, "client_secret");
    g_assert_cmpstrv (rc_variable_get_choices (rc_environment_find_variable (
                        rc_project_find_environment (reread, "Development"), "host")),
                      ((const char * const[]) { "localhost", "dev.example.com", NULL }));
    g_assert_cmpstr (rc_environment_get_name (rc_project_get_active_environment (reread)), ==,
                     "Production");
    g_assert_null (g_strstr_len (g_bytes_get_data (saved, NULL), -1, "hunter2"));
  }
  rc_project_remove_environment (project, production);
  g_assert_true (rc_project_get_active_environment (project) == development);
  rc_project_remove_environment (project, development);
  g_assert_null (rc_project_get_active_environment (project));
}

/* A file that names an active environment it does not have opens with its
 * first one active. */
static void
test_unknown_active_environment (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *text =
    "{\"format\": 2, \"id\": \"x\", \"apis\": [], \"active_environment\": \"gone\", "
    "\"environments\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"b\", \"name\": \"B\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(RcProject) project = rc_project_deserialize (bytes, "x.restcall", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rc_environment_get_name (rc_project_get_active_environment (project)), ==,
                   "A");
  g_assert_cmpuint (rc_environment_get_n_variables (rc_project_get_environment (project, 1)), ==,
                    0);
}

static void
test_newer_format (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "future.restcall", NULL);

  write_text (
    path, "{\n  \"format\" : 3,\n  \"id\" : \"x\",\n  \"apis\" : [],\n  \"hologram\" : true\n}\n");
  assert_load_fails_untouched (path, RC_PROJECT_ERROR, RC_PROJECT_ERROR_NEWER_FORMAT,
                               "newer version of Restcall");
}

static void
test_broken (Fixture       *fixture,
             gconstpointer  data)
{
  struct {
    const char *contents;
    const char *fragment;
  } cases[] = {
    /* Truncated JSON names the line. */
    { "{\n  \"format\" : 1,\n  \"apis\" : [\n", "at line 4, column 0 (" },
    { "", "the file is empty" },
    { "  \n\t", "the file is empty" },
    { "[1, 2]", "no JSON object" },
    { "{\"apis\": []}", "no “format” number" },
    { "{\"format\": \"1\", \"apis\": []}", "no “format” number" },
    { "{\"format\": 0, \"id\": \"x\", \"apis\": []}", "invalid file format number 0" },
    { "{\"format\": 1, \"id\": \"x\"}", "apis is missing" },
    { "{\"format\": 1, \"id\": \"x\", \"apis\": {}}", "apis must be a list" },
    { "{\"format\": 1, \"id\": \"x\", \"apis\": [3]}", "apis[0] must be an object" },
    { "{\"format\": 1, \"id\": \"x\", \"apis\": [{\"id\": \"a\", \"name\": 7, \"auth\": {\"type\": "
      "\"none\"}}]}",
      "apis[0].name must be a string" },
    { "{\"format\": 1, \"id\": \"x\", \"apis\": [{\"id\": \"a\", \"name\": \"n\", \"auth\": "
      "{\"type\": \"digest\"}}]}",
      "apis[0].auth has an unknown type “digest”" },
    { "{\"format\": 1, \"id\": \"x\", \"apis\": [{\"id\": \"a\", \"name\": \"n\", \"auth\": "
      "{\"type\": \"none\"}, "
      "\"methods\": [{\"id\": \"m\", \"name\": \"m\", \"url\": \"/\"}]}]}",
      "apis[0].methods[0].verb is missing" },
    { "{\"format\": 1, \"id\": \"x\", \"apis\": [{\"id\": \"a\", \"name\": \"n\", \"auth\": "
      "{\"type\": \"none\"}, "
      "\"methods\": [{\"id\": \"m\", \"name\": \"m\", \"verb\": \"GET\", \"url\": \"/\", "
      "\"headers\": [{\"name\": \"A\", \"value\": 1}]}]}]}",
      "apis[0].methods[0].headers[0].value must be a string" },
    { "{\"format\": 1, \"id\": \"x\", \"apis\": [{\"id\": \"a\", \"name\": \"n\", "
      "\"auth\": {\"type\": \"oauth2-client-credentials\", \"client_auth\": \"mtls\"}}]}",
      "unknown client_auth “mtls”" },
    { "{\"format\": 1, \"id\": \"x\", \"apis\": [{\"id\": \"a\", \"name\": \"n\", "
      "\"auth\": {\"type\": \"oauth2-client-credentials\", \"basic_form\": \"plain\"}}]}",
      "unknown basic_form “plain” (expected auto, rfc or raw)" },
    { "{\"format\": 1, \"id\": \"x\", \"apis\": [{\"id\": \"a\", \"name\": \"n\", "
      "\"auth\": {\"type\": \"oauth2-client-credentials\", \"remembered_basic_form\": \"auto\"}}]}",
      "unknown remembered_basic_form “auto” (expected rfc or raw)" },
    { "{\"format\": 1, \"id\": \"x\", \"apis\": [{\"id\": \"a\", \"name\": \"n\", "
      "\"auth\": {\"type\": \"oauth2-client-credentials\", \"jwt_alg\": \"HS512\"}}]}",
      "unknown jwt_alg “HS512” (expected RS256, ES256 or PS256)" },
    { "\xff\xfe{}", "not UTF-8" },
    /* An octal escape json-glib reads made a byte that is not UTF-8: saved,
     * the project could not be opened again. */
    { "{\"format\": 1, \"id\": \"caf\\351\", \"apis\": []}",
      "line 1, column 25 (a string holds “\\3”" },
    { "{\"format\": 1, \"id\": \"x\", \"apis\": [{\"id\": \"a\", \"name\": \"n\", \"auth\": "
      "{\"type\": \"none\"}, "
      "\"methods\": [{\"id\": \"m\", \"name\": \"m\", \"verb\": \"GET\", \"url\": \"/\", "
      "\"required_parameters\": \"q\"}]}]}",
      "apis[0].methods[0].required_parameters must be a list" },
    { "{\"format\": 1, \"id\": \"x\", \"apis\": [{\"id\": \"a\", \"name\": \"n\", \"auth\": "
      "{\"type\": \"none\"}, "
      "\"methods\": [{\"id\": \"m\", \"name\": \"m\", \"verb\": \"GET\", \"url\": \"/\", "
      "\"required_parameters\": [\"q\", null]}]}]}",
      "apis[0].methods[0].required_parameters[1] must be a string" },
    /* Environments: a secret is never read from the file; names that
     * --env and {{name}} use are one of a kind. */
    { "{\"format\": 2, \"id\": \"x\", \"apis\": [], \"environments\": [{\"id\": \"e\", "
      "\"name\": \"Dev\", \"variables\": [{\"name\": \"key\", \"secret\": true, "
      "\"value\": \"hunter2\"}]}]}",
      "environments[0].variables[0] is a secret variable with a value in the file" },
    { "{\"format\": 2, \"id\": \"x\", \"apis\": [], \"environments\": [{\"id\": \"e\", "
      "\"name\": \"Dev\", \"variables\": [{\"name\": \"key\", \"secret\": \"yes\"}]}]}",
      "environments[0].variables[0] secret must be true or false" },
    { "{\"format\": 2, \"id\": \"x\", \"apis\": [], \"environments\": [{\"id\": \"e\", "
      "\"name\": \"Dev\", \"variables\": [{\"name\": \"a\", \"value\": \"1\"}, "
      "{\"name\": \"a\", \"value\": \"2\"}]}]}",
      "environments[0].variables[1] repeats the variable “a”" },
    { "{\"format\": 2, \"id\": \"x\", \"apis\": [], \"environments\": ["
      "{\"id\": \"e\", \"name\": \"Dev\"}, {\"id\": \"f\", \"name\": \"Dev\"}]}",
      "environments[1] repeats the environment name “Dev”" },
    { "{\"format\": 2, \"id\": \"x\", \"apis\": [], \"environments\": ["
      "{\"id\": \"e\", \"name\": \"Dev\", \"color\": \"pink\"}]}",
      "environments[0] has an unknown color “pink”" },
    { "{\"format\": 2, \"id\": \"x\", \"apis\": [], \"environments\": ["
      "{\"id\": \"e\", \"name\": \"\"}]}",
      "environments[0] has an empty name" },
    { "{\"format\": 2, \"id\": \"x\", \"apis\": [], \"environments\": {}}",
      "environments must be a list" },
    /* An API needs its auth (this logged a critical). */
    { "{\"format\": 1, \"id\": \"x\", \"apis\": [{\"id\": \"a\", \"name\": \"n\"}]}",
      "apis[0].auth is missing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("broken-%u.restcall", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_autofree char *escaped = g_strescape (cases[i].contents, NULL);

      g_test_message ("case %u: %s", i, escaped);
      write_text (path, cases[i].contents);
      assert_load_fails_untouched (path, RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                                   cases[i].fragment);
    }
}

/* A shared project file must not add headers or requests to a call: a
 * verb, content type or header that could not be sent as written is
 * refused, naming where it is and showing it, control characters visible. */
static void
test_wire (Fixture       *fixture,
           gconstpointer  data)
{
  struct {
    const char *file;
    const char *fragment;
  } cases[] = {
    { "smuggled-verb.restcall", "apis[0].methods[1].verb: “GET /smuggled HTTP/1.1\\r\\nHost: "
                                "evil\\r\\n\\r\\nGET” is not an HTTP verb" },
    { "smuggled-content-type.restcall",
      "apis[0].methods[0].content_type: “text/plain\\r\\nContent-Length: 1\\r\\n\\r\\nxGET /steal "
      "HTTP/1.1\\r\\nX-Ignore: ” is not a media type" },
    { "header-value.restcall",
      "apis[0].headers[0].value: “application/json\\r\\nX-Injected: 1” holds a line break" },
    { "header-name.restcall",
      "apis[0].methods[0].headers[1].name: “X-Evil: 1\\r\\nX-Trace” is not a header name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path =
        g_test_build_filename (G_TEST_DIST, "data", "wire", cases[i].file, NULL);

      assert_load_fails_untouched (path, RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                                   cases[i].fragment);
      assert_load_fails_untouched (path, RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                                   "Fix the file in a text editor or open a backup.");
    }

  /* What is fine stays fine: any token as a verb, parameters in a content
   * type, an empty verb (GET) and a header row not named yet. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "fine.restcall", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(RcProject) project = NULL;
    RcMethod *method;

    write_text (
      path,
      "{\"format\": 1, \"id\": \"x\", \"apis\": [{\"id\": \"a\", \"name\": \"n\", "
      "\"auth\": {\"type\": \"none\"}, \"headers\": [{\"name\": \"\", \"value\": \"a\\nb\"}], "
      "\"methods\": [{\"id\": \"m\", \"name\": \"m\", \"verb\": \"propfind\", \"url\": \"/\", "
      "\"content_type\": \"text/plain; charset=\\\"utf-8\\\"\"}, "
      "{\"id\": \"e\", \"name\": \"e\", \"verb\": \"\", \"url\": \"/\"}]}]}");
    project = load_async (file, &error);
    g_assert_no_error (error);
    method = rc_api_get_method (rc_project_get_api (project, 0), 0);
    g_assert_cmpstr (rc_method_get_verb (method), ==, "PROPFIND");
    g_assert_cmpstr (rc_method_get_content_type (method), ==, "text/plain; charset=\"utf-8\"");
    g_assert_cmpstr (rc_method_get_verb (rc_api_get_method (rc_project_get_api (project, 0), 1)),
                     ==, "GET");
  }
}

/* Nesting deep enough to overflow json-glib's recursive parser is refused
 * with the line and column, wherever it is and however it is hidden. */
static void
test_too_deep (Fixture       *fixture,
               gconstpointer  data)
{
  const char *hiding[] = {
    "",
    "'\"', ",          /* a single-quoted string holding a double quote */
    "/* \" */ ",       /* a comment holding one */
  };

  for (guint i = 0; i < G_N_ELEMENTS (hiding); i++)
    {
      g_autofree char *name = g_strdup_printf ("deep-%u.restcall", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_append_printf (text, "{\"format\": 1, \"id\": \"x\", \"apis\": [],\n\"note\": [%s",
                              hiding[i]);
      for (guint j = 0; j < 100000; j++)
        g_string_append_c (text, '[');
      for (guint j = 0; j < 100000; j++)
        g_string_append_c (text, ']');
      g_string_append (text, "]}\n");

      write_text (path, text->str);
      assert_load_fails_untouched (path, RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                                   "line 2, column");
      assert_load_fails_untouched (path, RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                                   "nests deeper than 1000 levels");
    }
}

/* An empty buffer whose data pointer is NULL is an empty file. */
static void
test_empty_bytes (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcProject) project = rc_project_deserialize (bytes, "empty.restcall", &error);

  g_assert_null (project);
  g_assert_error (error, RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "the file is empty"));
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "nothing-here.restcall", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "a-folder.restcall", NULL);

  assert_load_fails_untouched (path, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "does not exist");

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_load_fails_untouched (folder, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "is a folder");
}

/* Permission checks do not apply to root, so as root the check runs in a
 * child process that has become "nobody". */
static gboolean
drop_root (void)
{
  if (geteuid () != 0)
    return TRUE;

  return setgid (65534) == 0 && setuid (65534) == 0;
}

/* The folder the unwritable-folder test uses, named after the test
 * process so that its subprocess finds it. */
static char *
unwritable_folder_for (GPid parent)
{
  g_autofree char *name = g_strdup_printf ("restcall-test-ro-%d", (int)parent);

  return g_build_filename (g_get_tmp_dir (), name, "read-only", NULL);
}

static void
test_unwritable_folder (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *folder = unwritable_folder_for (g_test_subprocess () ? getppid () : getpid ());
  g_autofree char *outer = g_path_get_dirname (folder);
  g_autofree char *path = g_build_filename (folder, "project.restcall", NULL);
  g_autofree char *sample = sample_path ();
  g_autoptr(GBytes) original = read_bytes (sample);

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RcProject) project = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (drop_root ());

      project = rc_project_load (file, NULL, &error);
      g_assert_no_error (error);
      rc_api_set_name (rc_project_get_api (project, 0), "Renamed");

      g_assert_false (save_async (project, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_test_message ("error: %s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, "permission to write in the folder"));
      g_assert_nonnull (strstr (error->message, "Save As"));

      /* What the user typed is still there, and still unsaved. */
      g_assert_true (rc_project_get_dirty (project));
      g_assert_cmpstr (rc_api_get_name (rc_project_get_api (project, 0)), ==, "Renamed");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  write_text (path, g_bytes_get_data (original, NULL));
  /* Root's subprocess becomes "nobody", who may enter both folders but
   * write in neither; the file itself is writable for everyone, as writing
   * it in place would need. */
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_assert_cmpint (g_chmod (outer, 0755), ==, 0);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);

  /* The old file is whole and nothing else was left behind. */
  {
    g_autoptr(GBytes) after = read_bytes (path);

    g_assert_true (g_bytes_equal (after, original));
    g_assert_cmpuint (count_entries (folder), ==, 1);
  }

  remove_tree (outer);
  g_test_trap_assert_passed ();
}

/* A project opened through a symbolic link: saving writes the file the
 * link points to, and the link stays a link (it was replaced by a regular
 * file, and the real file kept its old content). */
static void
test_symlink_written_through (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *real_folder = g_build_filename (fixture->dir, "real", NULL);
  g_autofree char *real = g_build_filename (real_folder, "project.restcall", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.restcall", NULL);
  g_autofree char *link_to_link = g_build_filename (fixture->dir, "again.restcall", NULL);
  g_autoptr(GBytes) original = read_bytes (sample);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (real_folder, 0755), ==, 0);
  write_text (real, g_bytes_get_data (original, NULL));
  /* A relative link, and a link to that link. */
  g_assert_cmpint (symlink ("real/project.restcall", link), ==, 0);
  g_assert_cmpint (symlink (link, link_to_link), ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? link : link_to_link;
      const char *name = i == 0 ? "Through the link" : "Through two links";
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RcProject) project = rc_project_load (file, NULL, &error);
      g_autoptr(RcProject) reloaded = NULL;
      g_autofree char *target = NULL;
      g_autoptr(GFile) real_file = g_file_new_for_path (real);

      g_assert_no_error (error);
      rc_api_set_name (rc_project_get_api (project, 0), name);
      g_assert_true (save_async (project, NULL, &error));
      g_assert_no_error (error);

      /* The links are links still, to the same place. */
      g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
      g_assert_true (g_file_test (link_to_link, G_FILE_TEST_IS_SYMLINK));
      target = g_file_read_link (link, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (target, ==, "real/project.restcall");

      /* The real file has what was saved. */
      reloaded = rc_project_load (real_file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (rc_api_get_name (rc_project_get_api (reloaded, 0)), ==, name);
      g_assert_true (g_file_equal (rc_project_get_file (project), file));
      g_assert_false (rc_project_get_dirty (project));
    }

  /* No temporary file left, beside the links or the real file. */
  g_assert_cmpuint (count_entries (fixture->dir), ==, 3);
  g_assert_cmpuint (count_entries (real_folder), ==, 1);
}

/* As root, the owner and group of the file replaced are kept, not only its
 * mode (they became root's). */
static void
test_keeps_owner_and_group (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RcProject) project = build_full_project ();
  g_autofree char *path = g_build_filename (fixture->dir, "theirs.restcall", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (geteuid () != 0)
    {
      g_test_skip ("Only root can give a file to another user");
      return;
    }

  write_text (path, "{}");
  g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  g_assert_true (save_async (project, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_uid, ==, 65534);
  g_assert_cmpint (st.st_gid, ==, 65534);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

/* A folder for a test whose subprocess drops root: outside the fixture's
 * private folder, named after the test process so that the subprocess
 * finds it. */
static char *
shared_folder_for (const char *test)
{
  g_autofree char *name = g_strdup_printf ("restcall-test-%s-%d", test,
                                           (int)(g_test_subprocess () ? getppid () : getpid ()));

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

/* In @folder, open to everyone: a copy of the sample at @path with this
 * owner, group and mode, for a subprocess that drops root. */
static void
share_sample (const char *folder,
              const char *path,
              uid_t       uid,
              gid_t       gid,
              int         mode)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GBytes) original = read_bytes (sample);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0777), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0777), ==, 0);
  write_text (path, g_bytes_get_data (original, NULL));
  g_assert_cmpint (chown (path, uid, gid), ==, 0);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

/* As “nobody”: loads @path and renames its first API, to save it. */
static RcProject *
load_as_nobody (const char *path,
                const char *new_name)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RcProject *project;

  g_assert_true (drop_root ());

  project = rc_project_load (file, NULL, &error);
  g_assert_no_error (error);
  rc_api_set_name (rc_project_get_api (project, 0), new_name);

  return project;
}

/* Another user's file that this user may write through its group: the
 * new one could not be theirs, so it is written in place, as GIO does,
 * and stays theirs. */
static void
test_other_users_file_written_in_place (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autofree char *folder = shared_folder_for ("in-place");
  g_autofree char *path = g_build_filename (folder, "shared.restcall", NULL);
  GStatBuf st;

  if (geteuid () != 0 && !g_test_subprocess ())
    {
      g_test_skip ("Only root can set up another user's file");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(RcProject) project = load_as_nobody (path, "Written in place");
      g_autoptr(GError) error = NULL;

      g_assert_true (save_async (project, NULL, &error));
      g_assert_no_error (error);
      return;
    }

  /* root's file, in nobody's group, which nobody may write; the folder
   * is everyone's, so that replacing the file would work too. */
  share_sample (folder, path, 0, 65534, 0664);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(RcProject) reloaded = rc_project_load (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rc_api_get_name (rc_project_get_api (reloaded, 0)), ==, "Written in place");
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_uid, ==, 0);
    g_assert_cmpint (st.st_gid, ==, 65534);
    g_assert_cmpint (st.st_mode & 07777, ==, 0664);
    g_assert_cmpuint (count_entries (folder), ==, 1);
  }

  remove_tree (folder);
  g_test_trap_assert_passed ();
}

/* A read-only file (as root: one without any write permission bit) is
 * not replaced unless the caller says so; then it stays read-only. */
static void
test_read_only_not_replaced (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *path = g_build_filename (fixture->dir, "locked.restcall", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) original = read_bytes (sample);
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_text (path, g_bytes_get_data (original, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  project = rc_project_load (file, NULL, &error);
  g_assert_no_error (error);
  rc_api_set_name (rc_project_get_api (project, 0), "Changed");

  g_assert_false (save_async (project, NULL, &error));
  g_assert_error (error, RC_PROJECT_ERROR, RC_PROJECT_ERROR_READ_ONLY);
  g_test_message ("error: %s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  /* Untouched, and what was typed is still there to save elsewhere. */
  {
    g_autoptr(GBytes) after = read_bytes (path);

    g_assert_true (g_bytes_equal (after, original));
  }
  g_assert_true (rc_project_get_dirty (project));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);

  /* Told to, it replaces the file, which stays read-only. */
  g_assert_true (save_async_full (project, NULL, RC_PROJECT_SAVE_REPLACE_READ_ONLY, &error));
  g_assert_no_error (error);
  g_assert_false (rc_project_get_dirty (project));
  {
    g_autoptr(RcProject) reloaded = rc_project_load (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rc_api_get_name (rc_project_get_api (reloaded, 0)), ==, "Changed");
  }
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

/* Not root: a file this user may not write is read-only too, even where
 * the folder would let the save replace it. */
static void
test_read_only_for_user (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *folder = shared_folder_for ("read-only");
  g_autofree char *path = g_build_filename (folder, "roots.restcall", NULL);
  g_autofree char *sample = sample_path ();
  g_autoptr(GBytes) original = read_bytes (sample);

  if (geteuid () != 0 && !g_test_subprocess ())
    {
      g_test_skip ("Only root can set up another user's file");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(RcProject) project = load_as_nobody (path, "Changed");
      g_autoptr(GError) error = NULL;

      g_assert_false (save_async (project, NULL, &error));
      g_assert_error (error, RC_PROJECT_ERROR, RC_PROJECT_ERROR_READ_ONLY);
      g_assert_true (rc_project_get_dirty (project));
      return;
    }

  share_sample (folder, path, 0, 0, 0644);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);

  {
    g_autoptr(GBytes) after = read_bytes (path);
    GStatBuf st;

    g_assert_true (g_bytes_equal (after, original));
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_uid, ==, 0);
    g_assert_cmpuint (count_entries (folder), ==, 1);
  }

  remove_tree (folder);
  g_test_trap_assert_passed ();
}

/* Sets a file's modification time @seconds from now. */
static void
touch_at (const char *path,
          gint64      seconds)
{
  struct timespec times[2];

  times[0].tv_sec = times[1].tv_sec = time (NULL) + seconds;
  times[0].tv_nsec = times[1].tv_nsec = 0;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW), ==, 0);
}

/* A save killed before its rename leaves its temporary file: the next
 * save removes it, and only what is certainly left over from ours. */
static void
test_stale_temp_files_removed (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(RcProject) project = build_full_project ();
  g_autofree char *path = g_build_filename (fixture->dir, "p.restcall", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *stale =
    g_build_filename (fixture->dir, ".p.restcall.restcall-save-Ab12Cd", NULL);
  g_autofree char *running =
    g_build_filename (fixture->dir, ".p.restcall.restcall-save-Ef34Gh", NULL);
  g_autofree char *recent =
    g_build_filename (fixture->dir, ".p.restcall.restcall-save-Ij56Kl", NULL);
  g_autofree char *theirs =
    g_build_filename (fixture->dir, ".p.restcall.restcall-save-Mn78Op", NULL);
  g_autofree char *linked =
    g_build_filename (fixture->dir, ".p.restcall.restcall-save-Qr90St", NULL);
  g_autofree char *other_project =
    g_build_filename (fixture->dir, ".q.restcall.restcall-save-Uv12Wx", NULL);
  g_autofree char *glib_temp = g_build_filename (fixture->dir, "p.restcall.Yz34Ab", NULL);
  g_autofree char *longer =
    g_build_filename (fixture->dir, ".p.restcall.restcall-save-Cd56Ef.bak", NULL);
  const char *kept[] = { running, recent, linked, other_project, glib_temp, longer, NULL };
  int lock_fd;

  write_text (path, "{}");

  /* What a killed save left an hour ago: ours, and not locked. */
  write_text (stale, "{\"format\": 1, \"id\"");
  touch_at (stale, -3600);

  /* A save running in another process holds its file locked. */
  write_text (running, "{");
  touch_at (running, -3600);
  lock_fd = g_open (running, O_RDONLY, 0);
  g_assert_cmpint (lock_fd, >=, 0);
  g_assert_cmpint (flock (lock_fd, LOCK_EX), ==, 0);

  /* Written after this save began: not older than it. */
  write_text (recent, "{");
  touch_at (recent, 3600);

  /* Not a regular file; another project's; GLib's; not our name. */
  g_assert_cmpint (symlink (path, linked), ==, 0);
  write_text (other_project, "{");
  touch_at (other_project, -3600);
  write_text (glib_temp, "{");
  touch_at (glib_temp, -3600);
  write_text (longer, "{");
  touch_at (longer, -3600);

  /* Another user's, when root can make one. */
  write_text (theirs, "{");
  touch_at (theirs, -3600);
  if (geteuid () == 0)
    g_assert_cmpint (chown (theirs, 65534, 65534), ==, 0);
  else
    g_assert_cmpint (g_unlink (theirs), ==, 0);

  g_assert_true (save_async (project, file, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  for (guint i = 0; kept[i]; i++)
    {
      g_test_message ("kept: %s", kept[i]);
      g_assert_true (g_file_test (kept[i], G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK));
    }
  if (geteuid () == 0)
    g_assert_true (g_file_test (theirs, G_FILE_TEST_EXISTS));

  /* The project, the files kept, and nothing of this save. */
  g_assert_cmpuint (count_entries (fixture->dir), ==,
                    1 + g_strv_length ((char **) kept) + (geteuid () == 0));

  close (lock_fd);
}

static void
test_save_to_missing_folder (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RcProject) project = build_full_project ();
  g_autofree char *path = g_build_filename (fixture->dir, "no", "such", "x.restcall", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  rc_project_set_dirty (project, TRUE);
  g_assert_false (save_async (project, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (rc_project_get_dirty (project));
  g_assert_null (rc_project_get_file (project));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/restcall/project-file/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("round-trip-sample", test_round_trip_sample);
  ADD ("round-trip-built", test_round_trip_built);
  ADD ("save-while-editing", test_save_while_editing);
  ADD ("keeps-permissions", test_keeps_permissions);
  ADD ("raw-basic-of-old", test_raw_basic_of_old);
  ADD ("client-assertion-settings", test_client_assertion_settings);
  ADD ("client-cert", test_client_cert);
  ADD ("newer-format", test_newer_format);
  ADD ("upgrade-format-1", test_upgrade_format_1);
  ADD ("environments", test_environments);
  ADD ("unknown-active-environment", test_unknown_active_environment);
  ADD ("broken", test_broken);
  ADD ("wire", test_wire);
  ADD ("too-deep", test_too_deep);
  ADD ("empty-bytes", test_empty_bytes);
  ADD ("missing", test_missing);
  ADD ("unwritable-folder", test_unwritable_folder);
  ADD ("save-to-missing-folder", test_save_to_missing_folder);
  ADD ("symlink-written-through", test_symlink_written_through);
  ADD ("keeps-owner-and-group", test_keeps_owner_and_group);
  ADD ("other-users-file-written-in-place", test_other_users_file_written_in_place);
  ADD ("read-only-not-replaced", test_read_only_not_replaced);
  ADD ("read-only-for-user", test_read_only_for_user);
  ADD ("stale-temp-files-removed", test_stale_temp_files_removed);

#undef ADD

  return g_test_run ();
}
