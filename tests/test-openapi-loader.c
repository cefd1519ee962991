/* test-openapi-loader.c: loading an OpenAPI document from a file or a URL
 *
 * rc-openapi-loader.c, as the import dialog (asynchronously) and
 * `restcall import` (synchronously) use it: files, downloads from a
 * scripted server (tests/rc-test-server.h), `$ref`s to other documents on
 * the web fetched, left out or allowed, and why a load failed. A
 * synchronous download runs in a thread of its own, as the server answers
 * in this one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "restcall-core.h"
#include "rc-test-server.h"

#define WAIT_SECONDS 30

/* What an asynchronous load left. */
typedef struct
{
  gboolean         done;
  RcOpenApi       *open_api;
  RcOpenApiSource *source;
  GError          *error;
  GPtrArray       *statuses;
} Loaded;

/* A synchronous load in a thread of its own. */
typedef struct
{
  const char                 *url;
  const RcOpenApiLoadOptions *options;
  RcOpenApi                  *open_api;
  GError                     *error;
  gint                        done;
} SyncLoad;

static void
loaded_clear (Loaded *loaded)
{
  g_clear_object (&loaded->open_api);
  g_clear_pointer (&loaded->source, rc_open_api_source_unref);
  g_clear_error (&loaded->error);
  g_clear_pointer (&loaded->statuses, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loaded, loaded_clear)

static void
loaded_init (Loaded *loaded)
{
  loaded->statuses = g_ptr_array_new_with_free_func (g_free);
}

static void
status_cb (const char *status,
           gpointer    user_data)
{
  Loaded *loaded = user_data;

  g_ptr_array_add (loaded->statuses, g_strdup (status));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Loaded *loaded = user_data;

  g_assert_null (object);
  loaded->open_api = rc_open_api_load_finish (result, &loaded->source, &loaded->error);
  g_assert_true ((loaded->open_api == NULL) != (loaded->error == NULL));
  g_assert_true ((loaded->open_api == NULL) == (loaded->source == NULL));
  loaded->done = TRUE;
}

static gpointer
sync_load_thread (gpointer data)
{
  SyncLoad *load = data;

  load->open_api = rc_open_api_load_url (load->url, load->options, NULL, &load->error);
  g_atomic_int_set (&load->done, TRUE);

  return NULL;
}

static gboolean
sync_load_done (gpointer data)
{
  SyncLoad *load = data;

  return g_atomic_int_get (&load->done);
}

/* rc_open_api_load_url() while this thread's server answers. */
static RcOpenApi *
load_url_sync (const char                  *url,
               const RcOpenApiLoadOptions  *options,
               GError                     **error)
{
  SyncLoad load = { url, options };
  GThread *thread = g_thread_new ("load", sync_load_thread, &load);

  g_assert_true (rc_test_wait_until (sync_load_done, &load, WAIT_SECONDS));
  g_thread_join (thread);
  if (load.error)
    g_propagate_error (error, load.error);

  return load.open_api;
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "openapi", name, NULL);
}

static guint
count_requests (RcTestServer *server,
                const char   *path)
{
  guint n = 0;

  for (guint i = 0; i < server->requests->len; i++)
    n += g_str_equal (rc_test_server_get_request (server, i)->path, path);

  return n;
}

static guint
n_parameters (RcOpenApi  *open_api,
              const char *operation)
{
  return rc_open_api_find_operation (open_api, operation)->parameters->len;
}

static gboolean
has_request (gpointer data)
{
  RcTestServer *server = data;

  return server->requests->len > 0;
}

/* The document at /v1/openapi.yaml (and /old/openapi.yaml, a redirect to
 * it) refers to /v1/common.yaml on its own origin and to the common.yaml
 * of another origin, @user_data. */
static void
web_handler (RcTestServer      *server,
             SoupServerMessage *message,
             const char        *path,
             gpointer           user_data)
{
  const char *other = user_data;

  if (g_str_equal (path, "/v1/openapi.yaml"))
    {
      g_autofree char *text = g_strdup_printf ("openapi: 3.0.0\n"
                                               "info: {title: Web, version: '1'}\n"
                                               "servers: [{url: api}]\n"
                                               "paths:\n"
                                               "  /x:\n"
                                               "    get:\n"
                                               "      operationId: x\n"
                                               "      parameters:\n"
                                               "        - $ref: 'common.yaml#/P'\n"
                                               "        - $ref: '%scommon.yaml#/Q'\n"
                                               "      responses: {}\n",
                                               other);

      rc_test_respond (message, 200, "application/yaml", text);
    }
  else if (g_str_equal (path, "/old/openapi.yaml"))
    {
      soup_server_message_set_redirect (message, 301, "/v1/openapi.yaml");
    }
  else if (g_str_equal (path, "/v1/common.yaml") || g_str_equal (path, "/common.yaml"))
    rc_test_respond (message, 200, "application/yaml",
                     "P: {name: p, in: query}\nQ: {name: q, in: query}\n");
  else if (g_str_equal (path, "/broken.yaml"))
    rc_test_respond (message, 200, "application/yaml", "openapi: 3.0.0\ninfo: [\n");
  else if (g_str_equal (path, "/big.yaml"))
    rc_test_respond_stream (message, 200, "application/yaml", 1 << 20, 0, NULL);
  else if (g_str_equal (path, "/drip.yaml"))
    rc_test_respond_drip (message, "application/yaml", "openapi: 3.0.0\n", 100, NULL);
  else
    rc_test_respond (message, 404, "text/plain", "not here");
}

/* A file: read, parsed in a worker thread with the files its $refs point
 * into, the status told on the way; synchronously too. */
static void
test_file (void)
{
  g_autofree char *path = fixture_path ("external/main.yaml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *opening = g_strdup_printf ("Opening “%s”…", parse_name);
  g_autofree char *reading = g_strdup_printf ("Reading “%s”…", parse_name);
  g_autoptr(RcOpenApi) sync = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Loaded) loaded = { 0 };

  loaded_init (&loaded);
  rc_open_api_load_file_async (file, NULL, NULL, status_cb, &loaded, NULL, loaded_cb, &loaded);
  rc_test_wait_for (&loaded.done, WAIT_SECONDS);

  g_assert_no_error (loaded.error);
  g_assert_cmpstr (rc_open_api_get_display_name (loaded.open_api), ==, parse_name);
  g_assert_cmpuint (n_parameters (loaded.open_api, "listPets"), ==, 2);
  g_assert_cmpstrv (rc_open_api_get_servers (loaded.open_api),
                    ((const char * const[]) { "https://ext.example.com/v1", NULL }));
  g_assert_cmpstr (rc_open_api_source_get_display_name (loaded.source), ==, parse_name);
  g_assert_cmpstr (rc_open_api_source_get_document_uri (loaded.source), ==, uri);
  g_assert_cmpuint (loaded.statuses->len, ==, 2);
  g_assert_cmpstr (loaded.statuses->pdata[0], ==, opening);
  g_assert_cmpstr (loaded.statuses->pdata[1], ==, reading);

  /* As the command line names it. */
  sync = rc_open_api_load_file (file, "main.yaml", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_open_api_get_display_name (sync), ==, "main.yaml");
  g_assert_cmpuint (n_parameters (sync, "listPets"), ==, 2);
}

/* A URL: downloaded after redirects, relative server URLs resolved against
 * where it was, its password never shown, its remote $refs not fetched. */
static void
test_url (void)
{
  g_autoptr(RcTestServer) server = rc_test_server_new (FALSE);
  g_autoptr(RcTestServer) other = rc_test_server_new (FALSE);
  g_autofree char *other_url = rc_test_server_url (other, "/");
  g_autofree char *url = rc_test_server_url (server, "/old/openapi.yaml");
  g_autofree char *final_url = rc_test_server_url (server, "/v1/openapi.yaml");
  g_autofree char *api_url = rc_test_server_url (server, "/v1/api");
  g_autofree char *common_url = rc_test_server_url (server, "/v1/common.yaml");
  g_autofree char *other_common_url = rc_test_server_url (other, "/common.yaml");
  g_autofree char *downloading = g_strdup_printf ("Downloading “%s”…", url);
  g_autofree char *reading = g_strdup_printf ("Reading “%s”…", url);
  g_autoptr(GUri) with_password = NULL;
  g_autofree char *secret_url = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(RcOpenApi) sync = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Loaded) loaded = { 0 };
  RcOpenApiLoadOptions base = { .base_uri = "https://base.example.com/" };

  server->handler = web_handler;
  server->handler_data = other_url;
  other->handler = web_handler;

  loaded_init (&loaded);
  rc_open_api_load_url_async (session, url, NULL, status_cb, &loaded, NULL, loaded_cb, &loaded);
  rc_test_wait_for (&loaded.done, WAIT_SECONDS);

  g_assert_no_error (loaded.error);
  g_assert_cmpstr (rc_open_api_get_display_name (loaded.open_api), ==, url);
  g_assert_cmpstrv (rc_open_api_get_servers (loaded.open_api),
                    ((const char *const[]){ api_url, NULL }));
  g_assert_cmpuint (n_parameters (loaded.open_api, "x"), ==, 0);
  g_assert_cmpstrv (rc_open_api_get_unfetched_documents (loaded.open_api),
                    ((const char * const[]) { common_url, other_common_url, NULL }));
  g_assert_cmpstr (rc_open_api_source_get_document_uri (loaded.source), ==, final_url);
  g_assert_cmpuint (loaded.statuses->len, ==, 2);
  g_assert_cmpstr (loaded.statuses->pdata[0], ==, downloading);
  g_assert_cmpstr (loaded.statuses->pdata[1], ==, reading);
  g_assert_cmpuint (count_requests (server, "/v1/common.yaml"), ==, 0);
  g_assert_cmpuint (other->requests->len, ==, 0);

  /* Synchronously, against another base URL, named without the password. */
  with_password = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  secret_url = g_uri_join (G_URI_FLAGS_NONE, "http", "user:hunter2", g_uri_get_host (with_password),
                           g_uri_get_port (with_password), "/v1/openapi.yaml", NULL, NULL);
  sync = load_url_sync (secret_url, &base, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (rc_open_api_get_display_name (sync), "hunter2"));
  g_assert_cmpstrv (rc_open_api_get_servers (sync),
                    ((const char * const[]) { "https://base.example.com/api", NULL }));
}

/* Remote $refs: on the document's origin with fetch_refs, elsewhere only
 * when allowed, by name or all; a reload reads the same bytes again. */
static void
test_remote_refs (void)
{
  g_autoptr(RcTestServer) server = rc_test_server_new (FALSE);
  g_autoptr(RcTestServer) other = rc_test_server_new (FALSE);
  g_autofree char *other_url = rc_test_server_url (other, "/");
  g_autofree char *url = rc_test_server_url (server, "/v1/openapi.yaml");
  g_autofree char *other_common_url = rc_test_server_url (other, "/common.yaml");
  g_autofree char *reading = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(RcOpenApi) anywhere = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Loaded) first = { 0 };
  g_auto(Loaded) same_origin = { 0 };
  g_auto(Loaded) allowed = { 0 };
  const char *allowed_documents[] = { other_common_url, NULL };
  RcOpenApiLoadOptions fetch = { .fetch_refs = TRUE, .ref_timeout_seconds = 30 };
  RcOpenApiLoadOptions fetch_allowed = { .fetch_refs = TRUE,
                                         .allowed_documents = allowed_documents };
  RcOpenApiLoadOptions fetch_anywhere = { .fetch_refs = TRUE, .allow_external = TRUE };

  server->handler = web_handler;
  server->handler_data = other_url;
  other->handler = web_handler;

  /* Left out, then read again with those on the document's origin. */
  loaded_init (&first);
  rc_open_api_load_url_async (session, url, NULL, NULL, NULL, NULL, loaded_cb, &first);
  rc_test_wait_for (&first.done, WAIT_SECONDS);
  g_assert_no_error (first.error);
  g_assert_cmpuint (n_parameters (first.open_api, "x"), ==, 0);

  loaded_init (&same_origin);
  rc_open_api_reload_async (first.source, &fetch, status_cb, &same_origin, NULL, loaded_cb,
                            &same_origin);
  rc_test_wait_for (&same_origin.done, WAIT_SECONDS);
  g_assert_no_error (same_origin.error);
  g_assert_cmpuint (n_parameters (same_origin.open_api, "x"), ==, 1);
  g_assert_cmpstrv (rc_open_api_get_external_documents (same_origin.open_api),
                    ((const char * const[]) { other_common_url, NULL }));
  g_assert_cmpuint (count_requests (server, "/v1/common.yaml"), ==, 1);
  g_assert_cmpuint (other->requests->len, ==, 0);
  reading = g_strdup_printf ("Reading “%s” with the documents it refers to…", url);
  g_assert_cmpuint (same_origin.statuses->len, ==, 1);
  g_assert_cmpstr (same_origin.statuses->pdata[0], ==, reading);

  /* The other origin's, once allowed. */
  loaded_init (&allowed);
  rc_open_api_reload_async (same_origin.source, &fetch_allowed, NULL, NULL, NULL, loaded_cb,
                            &allowed);
  rc_test_wait_for (&allowed.done, WAIT_SECONDS);
  g_assert_no_error (allowed.error);
  g_assert_cmpuint (n_parameters (allowed.open_api, "x"), ==, 2);
  g_assert_cmpuint (other->requests->len, ==, 1);

  /* Anywhere, as --allow-external-refs asks. */
  anywhere = load_url_sync (url, &fetch_anywhere, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_parameters (anywhere, "x"), ==, 2);
  g_assert_cmpuint (other->requests->len, ==, 2);
}

static void
assert_load_url_fails (SoupSession                *session,
                       const char                 *url,
                       const RcOpenApiLoadOptions *options,
                       GQuark                      domain,
                       int                         code,
                       const char                 *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) sync = NULL;
  g_auto(Loaded) loaded = { 0 };

  loaded_init (&loaded);
  rc_open_api_load_url_async (session, url, options, NULL, NULL, NULL, loaded_cb, &loaded);
  rc_test_wait_for (&loaded.done, WAIT_SECONDS);
  g_assert_error (loaded.error, domain, code);
  g_assert_cmpstr (loaded.error->message, ==, message);

  sync = load_url_sync (url, options, &error);
  g_assert_null (sync);
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* Why a load failed: what failed, naming the document; a broken document
 * names the line and column. */
static void
test_errors (void)
{
  g_autoptr(RcTestServer) server = rc_test_server_new (FALSE);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *dir = g_dir_make_tmp ("restcall-loader-XXXXXX", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.yaml", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autofree char *broken_path = fixture_path ("broken.yaml");
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autofree char *missing_url = rc_test_server_url (server, "/missing.yaml");
  g_autofree char *broken_url = rc_test_server_url (server, "/broken.yaml");
  g_autofree char *big_url = rc_test_server_url (server, "/big.yaml");
  g_autofree char *drip_url = rc_test_server_url (server, "/drip.yaml");
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api = NULL;
  g_auto(Loaded) loaded = { 0 };
  RcOpenApiLoadOptions small = { .max_size = 1024 };
  RcOpenApiLoadOptions quick = { .timeout_seconds = 1 };

  server->handler = web_handler;

  /* Files. */
  loaded_init (&loaded);
  rc_open_api_load_file_async (missing, "missing.yaml", NULL, NULL, NULL, NULL, loaded_cb, &loaded);
  rc_test_wait_for (&loaded.done, WAIT_SECONDS);
  g_assert_error (loaded.error, RC_OPEN_API_LOAD_ERROR, RC_OPEN_API_LOAD_ERROR_NO_SUCH_FILE);
  g_assert_cmpstr (loaded.error->message, ==,
                   "Could not open “missing.yaml”: the file does not exist.");

  open_api = rc_open_api_load_file (missing, "missing.yaml", NULL, NULL, &error);
  g_assert_null (open_api);
  g_assert_error (error, RC_OPEN_API_LOAD_ERROR, RC_OPEN_API_LOAD_ERROR_NO_SUCH_FILE);
  g_clear_error (&error);

  open_api = rc_open_api_load_file (broken, "broken.yaml", NULL, NULL, &error);
  g_assert_null (open_api);
  g_assert_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_SYNTAX);
  g_assert_true (
    g_str_has_prefix (error->message, "“broken.yaml” is not valid YAML: line 8, column 3"));
  g_clear_error (&error);

  /* Downloads. */
  assert_load_url_fails (session, "ftp://example.com/openapi.yaml", NULL, RC_OPEN_API_LOAD_ERROR,
                         RC_OPEN_API_LOAD_ERROR_INVALID_URL,
                         "“ftp://example.com/openapi.yaml” is not an http or https URL.");

  message =
    g_strdup_printf ("Could not download “%s”: the server answered 404 Not Found.", missing_url);
  assert_load_url_fails (session, missing_url, NULL, RC_OPEN_API_LOAD_ERROR,
                         RC_OPEN_API_LOAD_ERROR_STATUS, message);
  g_clear_pointer (&message, g_free);

  message =
    g_strdup_printf ("Could not download “%s”: it is larger than 1 KiB once decompressed, the most "
                     "Restcall reads.",
                     big_url);
  assert_load_url_fails (session, big_url, &small, RC_OPEN_API_LOAD_ERROR,
                         RC_OPEN_API_LOAD_ERROR_TOO_LARGE, message);
  g_clear_pointer (&message, g_free);

  message = g_strdup_printf ("Could not download “%s”: it did not arrive in full within 1 second.",
                             drip_url);
  assert_load_url_fails (session, drip_url, &quick, RC_OPEN_API_LOAD_ERROR,
                         RC_OPEN_API_LOAD_ERROR_TIMED_OUT, message);
  g_clear_pointer (&message, g_free);

  message =
    g_strdup_printf ("“%s” is not valid YAML: line 3, column 1: did not find expected node content "
                     "(while parsing a flow node at line 3, column 1). Fix the document, or get a "
                     "valid copy from its publisher.",
                     broken_url);
  assert_load_url_fails (session, broken_url, NULL, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_SYNTAX,
                         message);

  g_rmdir (dir);
}

/* Cancelled while downloading: the load ends cancelled, and the status
 * function hears nothing more. */
static void
test_cancel (void)
{
  g_autoptr(RcTestServer) server = rc_test_server_new (FALSE);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = rc_test_server_url (server, "/drip.yaml");
  g_auto(Loaded) loaded = { 0 };

  server->handler = web_handler;

  loaded_init (&loaded);
  rc_open_api_load_url_async (session, url, NULL, status_cb, &loaded, cancellable, loaded_cb,
                              &loaded);
  g_assert_true (rc_test_wait_until (has_request, server, WAIT_SECONDS));
  g_cancellable_cancel (cancellable);
  rc_test_wait_for (&loaded.done, WAIT_SECONDS);

  g_assert_error (loaded.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (loaded.statuses->len, ==, 1);
  g_assert_true (g_str_has_prefix (loaded.statuses->pdata[0], "Downloading"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/openapi-loader/file", test_file);
  g_test_add_func ("/restcall/openapi-loader/url", test_url);
  g_test_add_func ("/restcall/openapi-loader/remote-refs", test_remote_refs);
  g_test_add_func ("/restcall/openapi-loader/errors", test_errors);
  g_test_add_func ("/restcall/openapi-loader/cancel", test_cancel);

  return g_test_run ();
}
