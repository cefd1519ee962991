/* test-http.c: HTTP bodies read with a size cap, downloads with a deadline; Basic; transport errors
 *
 * Against scripted servers on 127.0.0.1 that send what no client should
 * keep: endless bodies, bodies that declare a gigabyte, gzip bombs, and a
 * byte every 100 ms forever. Every body is made on the fly; the tests
 * count what was sent and check the errors, never the time taken. And
 * the plain HTTP pieces: RFC 7617's Basic credentials, and a transport
 * error said in words in the caller's own error domain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "restcall-core.h"
#include "rc-test-server.h"

/* The temporary folder of this test alone (TMPDIR): big bodies go there. */
static char *tmp_dir;

typedef struct
{
  RcTestServer *server;
  SoupSession  *session;
  guint64       written;   /* body bytes the server sent */
  GString      *big;       /* what /big answers */
} Fixture;

typedef struct
{
  GBytes   *bytes;
  char     *final_url;
  GError   *error;
  gboolean  done;
} Downloaded;

static void
downloaded_clear (Downloaded *downloaded)
{
  g_clear_pointer (&downloaded->bytes, g_bytes_unref);
  g_clear_pointer (&downloaded->final_url, g_free);
  g_clear_error (&downloaded->error);
  downloaded->done = FALSE;
}

static void
handler (RcTestServer      *server,
         SoupServerMessage *message,
         const char        *path,
         gpointer           user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (path, "/doc.yaml"))
    rc_test_respond (message, 200, "application/yaml", "openapi: 3.0.0\n");
  else if (g_str_equal (path, "/moved"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Location",
                                    "/doc.yaml");
      rc_test_respond (message, 301, NULL, NULL);
    }
  else if (g_str_equal (path, "/endless"))
    /* As good as endless: 48 MiB at most. */
    rc_test_respond_stream (message, 200, "application/yaml", 48 << 20, 0, &fixture->written);
  else if (g_str_equal (path, "/huge"))
    /* Declares 1 GiB, stalls after 48 MiB. */
    rc_test_respond_stream (message, 200, "application/yaml", 48 << 20,
                            G_GUINT64_CONSTANT (1) << 30, &fixture->written);
  else if (g_str_equal (path, "/exactly"))
    rc_test_respond_stream (message, 200, "application/yaml", 1 << 20, 1 << 20, &fixture->written);
  else if (g_str_equal (path, "/gzip-bomb"))
    rc_test_respond_gzip (message, 200, "application/yaml", "openapi: 3.0.0\nx: '", 8 << 20);
  else if (g_str_equal (path, "/big"))
    rc_test_respond (message, 200, "text/plain", fixture->big->str);
  else if (g_str_equal (path, "/drip"))
    rc_test_respond_drip (message, "application/yaml", "openapi: 3.0.0\n", 100, &fixture->written);
  else
    rc_test_respond (message, 404, "text/plain", "not here");
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = handler;
  fixture->server->handler_data = fixture;
  fixture->session = soup_session_new ();
  fixture->big = g_string_new (NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->session);
  g_clear_pointer (&fixture->server, rc_test_server_free);
  g_string_free (fixture->big, TRUE);
}

static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Downloaded *downloaded = user_data;

  downloaded->bytes = rc_http_download_finish (result, &downloaded->final_url, &downloaded->error);
  downloaded->done = TRUE;
}

/* Downloads @path with rc_http_download_async(), as a window does. */
static void
download (Fixture      *fixture,
          const char   *path,
          gsize         max_size,
          guint         timeout,
          GCancellable *cancellable,
          Downloaded   *downloaded)
{
  g_autofree char *url =
    strstr (path, "://") ? g_strdup (path) : rc_test_server_url (fixture->server, path);

  downloaded_clear (downloaded);
  fixture->written = 0;
  rc_http_download_async (fixture->session, url, max_size, timeout, cancellable, downloaded_cb,
                          downloaded);
  while (!downloaded->done)
    g_main_context_iteration (NULL, TRUE);

  if (downloaded->error)
    g_test_message ("%s: %s (the server sent %" G_GUINT64_FORMAT " bytes)", path,
                    downloaded->error->message, fixture->written);
}

static void
test_sizes (void)
{
  const struct {
    const char *text;
    guint64     size;
  } good[] = {
    { "1", 1 },
    { "1000", 1000 },
    { "500K", 500 << 10 },
    { "64M", 64 << 20 },
    { "64MiB", 64 << 20 },
    { "1g", 1 << 30 },
    { "2G", G_GUINT64_CONSTANT (2) << 30 },
    { "2048M", G_GUINT64_CONSTANT (2) << 30 },
  };
  const char *const bad[] = {
    "",  "0",    "0M", "-1", "+1", " 1", "1 M", "1MB", "1T", "3G", "2049M", "99999999999999999999",
    "M", "1.5M",
  };
  const struct {
    guint64     size;
    const char *text;
  } formatted[] = {
    { 1, "1 byte" }, { 1000, "1000 bytes" }, { 1 << 10, "1 KiB" }, { 1 << 20, "1 MiB" },
    { 64 << 20, "64 MiB" }, { 1536 << 10, "1536 KiB" }, { G_GUINT64_CONSTANT (2) << 30, "2 GiB" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      guint64 size = 0;

      g_assert_true (rc_http_parse_size (good[i].text, &size));
      g_assert_cmpuint (size, ==, good[i].size);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      guint64 size = 0;

      g_assert_false (rc_http_parse_size (bad[i], &size));
    }

  for (guint i = 0; i < G_N_ELEMENTS (formatted); i++)
    {
      g_autofree char *text = rc_http_format_size (formatted[i].size);

      g_assert_cmpstr (text, ==, formatted[i].text);
    }
}

/* What is in bounds arrives whole, after redirects; what is not is an
 * error that says why. */
static void
test_download (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *doc_url = rc_test_server_url (fixture->server, "/doc.yaml");
  Downloaded downloaded = { 0 };

  download (fixture, "/moved", 1 << 20, 10, NULL, &downloaded);
  g_assert_no_error (downloaded.error);
  g_assert_cmpmem (g_bytes_get_data (downloaded.bytes, NULL), g_bytes_get_size (downloaded.bytes),
                   "openapi: 3.0.0\n", strlen ("openapi: 3.0.0\n"));
  g_assert_cmpstr (downloaded.final_url, ==, doc_url);

  /* Exactly the cap is still in. */
  download (fixture, "/exactly", 1 << 20, 0, NULL, &downloaded);
  g_assert_no_error (downloaded.error);
  g_assert_cmpuint (g_bytes_get_size (downloaded.bytes), ==, 1 << 20);

  download (fixture, "/missing", 1 << 20, 10, NULL, &downloaded);
  g_assert_error (downloaded.error, RC_HTTP_ERROR, RC_HTTP_ERROR_STATUS);
  g_assert_cmpstr (downloaded.error->message, ==, "the server answered 404 Not Found");
  g_assert_null (downloaded.bytes);

  download (fixture, "file:///etc/hostname", 1 << 20, 10, NULL, &downloaded);
  g_assert_error (downloaded.error, RC_HTTP_ERROR, RC_HTTP_ERROR_INVALID_URL);

  downloaded_clear (&downloaded);
}

/* Past the cap, reading stops: the server sent not much more than the cap
 * (what socket buffers hold), whatever it declared; a gzip body is capped
 * by its decompressed size. */
static void
test_cap (Fixture       *fixture,
          gconstpointer  data)
{
  const char * const paths[] = { "/endless", "/huge", "/gzip-bomb" };
  Downloaded downloaded = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      download (fixture, paths[i], 1 << 20, 0, NULL, &downloaded);
      g_assert_error (downloaded.error, RC_HTTP_ERROR, RC_HTTP_ERROR_TOO_LARGE);
      g_assert_cmpstr (downloaded.error->message, ==,
                       "it is larger than 1 MiB once decompressed, the most Restcall reads");
      g_assert_null (downloaded.bytes);
      g_assert_cmpuint (fixture->written, <, 17 << 20);
    }

  downloaded_clear (&downloaded);
}

/* Whether a temporary file of ours, deleted, is mapped into memory. */
static gboolean
body_file_mapped (void)
{
  g_autofree char *maps = NULL;
  g_autofree char *deleted = g_build_filename (tmp_dir, "restcall-body-", NULL);
  g_autoptr(GError) error = NULL;
  const char *found;
  const char *mark;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, &error));
  found = strstr (maps, deleted);
  mark = found ? strstr (found, "(deleted)") : NULL;

  return mark != NULL && mark < strchr (found, '\n');
}

/* A body over a MiB goes on to a temporary file, deleted at once, and comes
 * back mapped, byte for byte; a smaller one stays in memory. Nothing is
 * left in the temporary folder. */
static void
test_big_body (Fixture       *fixture,
               gconstpointer  data)
{
  Downloaded downloaded = { 0 };
  g_autoptr(GDir) dir = NULL;

  for (guint line = 0; fixture->big->len < 5 << 20; line++)
    g_string_append_printf (fixture->big, "line %08u of a big body\n", line);

  download (fixture, "/big", 8 << 20, 0, NULL, &downloaded);
  g_assert_no_error (downloaded.error);
  g_assert_cmpmem (g_bytes_get_data (downloaded.bytes, NULL), g_bytes_get_size (downloaded.bytes),
                   fixture->big->str, fixture->big->len);
  g_assert_true (body_file_mapped ());

  dir = g_dir_open (tmp_dir, 0, NULL);
  g_assert_null (g_dir_read_name (dir));

  downloaded_clear (&downloaded);
  g_assert_false (body_file_mapped ());

  g_string_truncate (fixture->big, 512 << 10);
  download (fixture, "/big", 8 << 20, 0, NULL, &downloaded);
  g_assert_no_error (downloaded.error);
  g_assert_cmpmem (g_bytes_get_data (downloaded.bytes, NULL), g_bytes_get_size (downloaded.bytes),
                   fixture->big->str, fixture->big->len);
  g_assert_false (body_file_mapped ());
  downloaded_clear (&downloaded);
}

/* A server that sends a byte every 100 ms never trips an idle timeout; the
 * whole-download deadline stops it. Cancelling is not timing out. */
static void
test_deadline (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Downloaded downloaded = { 0 };

  download (fixture, "/drip", 1 << 20, 1, NULL, &downloaded);
  g_assert_error (downloaded.error, RC_HTTP_ERROR, RC_HTTP_ERROR_TIMED_OUT);
  g_assert_cmpstr (downloaded.error->message, ==, "it did not arrive in full within 1 second");
  g_assert_null (downloaded.bytes);

  g_cancellable_cancel (cancellable);
  download (fixture, "/drip", 1 << 20, 1, cancellable, &downloaded);
  g_assert_error (downloaded.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  downloaded_clear (&downloaded);
}

typedef struct
{
  char         *url;
  GCancellable *cancellable;
  GBytes       *bytes;
  GError       *error;
  gint          done;
} Worker;

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;

  worker->bytes =
    rc_http_download (worker->url, 1 << 20, 1, worker->cancellable, NULL, &worker->error);
  g_atomic_int_set (&worker->done, TRUE);
  g_main_context_wakeup (NULL);

  return NULL;
}

/* rc_http_download() in a worker thread (as for the $refs of a document
 * in the window), on its own main context: the same cap and deadline. */
static void
test_sync (Fixture       *fixture,
           gconstpointer  data)
{
  const char * const paths[] = { "/doc.yaml", "/endless", "/drip" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      Worker worker = { rc_test_server_url (fixture->server, paths[i]) };
      GThread *thread = g_thread_new ("download", worker_thread, &worker);

      while (!g_atomic_int_get (&worker.done))
        g_main_context_iteration (NULL, TRUE);
      g_thread_join (thread);

      if (i == 0)
        {
          g_assert_no_error (worker.error);
          g_assert_cmpuint (g_bytes_get_size (worker.bytes), ==, strlen ("openapi: 3.0.0\n"));
        }
      else
        {
          gint code = i == 1 ? RC_HTTP_ERROR_TOO_LARGE : RC_HTTP_ERROR_TIMED_OUT;

          g_assert_error (worker.error, RC_HTTP_ERROR, code);
        }

      g_clear_pointer (&worker.bytes, g_bytes_unref);
      g_clear_error (&worker.error);
      g_free (worker.url);
    }
}

/* RFC 7617 §2: the user and password as they are, joined, in base64. */
static void
test_basic_credentials (void)
{
  g_autofree char *aladdin = rc_http_basic_credentials ("Aladdin", "open sesame");
  g_autofree char *kept = rc_http_basic_credentials ("a b", "s=cr%t:");
  g_autofree guchar *decoded = NULL;
  gsize length;

  g_assert_cmpstr (aladdin, ==, "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  decoded = g_base64_decode (kept, &length);
  g_assert_cmpmem (decoded, length, "a b:s=cr%t:", 11);
}

/* Made in the caller's domain and code, in words; cancellation as it was. */
static void
test_transport_error (void)
{
  g_autoptr(GUri) uri = g_uri_parse ("https://api.example.com/things", SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr(SoupMessage) message = soup_message_new_from_uri ("GET", uri);
  g_autoptr(GError) refused = NULL;
  g_autoptr(GError) slow = NULL;
  g_autoptr(GError) tls = NULL;
  g_autoptr(GError) cancelled = NULL;
  g_autoptr(GError) error = NULL;
  const char *api = "the API at https://api.example.com/things";

  refused = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "Connection refused");
  slow = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "Socket I/O timed out");
  tls = g_error_new_literal (G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE,
                             "Unacceptable TLS certificate");
  cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");

  rc_http_set_transport_error (&error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_NETWORK, message, api,
                               refused);
  g_assert_error (error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_NETWORK);
  g_assert_cmpstr (error->message, ==, "Could not reach the API at https://api.example.com/things: "
                   "Connection refused. Check the address and your network, then try again.");
  g_clear_error (&error);

  rc_http_set_transport_error (&error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_NETWORK, message, api, slow);
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "it did not answer in time"));
  g_clear_error (&error);

  rc_http_set_transport_error (&error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_NETWORK, message, api, tls);
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "the TLS certificate of “api.example.com” is not "
                            "valid (Unacceptable TLS certificate)"));
  g_clear_error (&error);

  rc_http_set_transport_error (&error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_NETWORK, NULL, api,
                               cancelled);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (error->message, ==, "Operation was cancelled");

  /* Optional, as with g_set_error(). */
  rc_http_set_transport_error (NULL, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_NETWORK, NULL, api,
                               refused);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything asks GLib for the temporary folder, which it keeps. */
  tmp_dir = g_build_filename (g_getenv ("TMPDIR") ? g_getenv ("TMPDIR") : "/tmp",
                              "restcall-test-http-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (tmp_dir));
  g_setenv ("TMPDIR", tmp_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/http/sizes", test_sizes);
  g_test_add_func ("/restcall/http/basic-credentials", test_basic_credentials);
  g_test_add_func ("/restcall/http/transport-error", test_transport_error);

#define ADD(path, func) \
  g_test_add ("/restcall/http/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("download", test_download);
  ADD ("cap", test_cap);
  ADD ("deadline", test_deadline);
  ADD ("sync", test_sync);
  ADD ("big-body", test_big_body);

#undef ADD

  status = g_test_run ();
  g_assert_cmpint (g_rmdir (tmp_dir), ==, 0);
  g_free (tmp_dir);

  return status;
}
