/* bench-api-server.c: a small protected API and token endpoint for benchmarks
 *
 * Listens on 127.0.0.1 (a free port), issues one fixed Bearer token at
 * POST /token (client credentials, counted), answers GET /pets/{id} with a
 * small JSON body when the token is right and 401 otherwise, and reports
 * its counters at GET /_stats. Prints {"base_url": "http://127.0.0.1:P"}
 * when ready, and exits when its standard input closes.
 *
 * For bench/run-limits-bench.sh it also serves what no client should keep,
 * made on the fly (tests/rc-test-server.c): GET /huge (declares and sends
 * 1 GiB), /endless (chunked, never ends), /gzip-bomb (2 GiB of zeros
 * gzipped, about 2 MB), /drip (a byte a second, forever), and POST
 * /token-huge (a 1 GiB token response).
 *
 * For bench/run-gui-bench.sh: GET /big.json, a 20 MB JSON array of small
 * objects (tests/rc-test-documents.c's), made once, without credentials.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>

#include "rc-test-documents.h"
#include "rc-test-server.h"

#define BIG_JSON_SIZE (20 * 1000 * 1000)
#define TOKEN "bench-token-0123456789abcdefghijklmnopqrstuvwxyz"

static guint token_requests;
static guint api_requests;
static guint refused;
static GBytes *big_json;

static void
respond (SoupServerMessage *message,
         guint              status,
         const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body,
                                    strlen (body));
}

static void
handler (SoupServer        *server,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  const char *authorization = soup_message_headers_get_one (
    soup_server_message_get_request_headers (message), "Authorization");

  if (g_str_equal (path, "/token"))
    {
      token_requests++;
      respond (message, 200,
               "{\"access_token\":\"" TOKEN "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }
  else if (g_str_equal (path, "/_stats"))
    {
      g_autofree char *stats =
        g_strdup_printf ("{\"token_requests\":%u,\"api_requests\":%u,\"refused\":%u}",
                         token_requests, api_requests, refused);

      respond (message, 200, stats);
    }
  else if (g_str_equal (path, "/huge") || g_str_equal (path, "/token-huge"))
    rc_test_respond_stream (message, 200, "application/json", G_GUINT64_CONSTANT (1) << 30,
                            G_GUINT64_CONSTANT (1) << 30, NULL);
  else if (g_str_equal (path, "/endless"))
    rc_test_respond_stream (message, 200, "application/json", G_MAXUINT64, 0, NULL);
  else if (g_str_equal (path, "/gzip-bomb"))
    rc_test_respond_gzip (message, 200, "application/json", "{\"pad\": \"", (gsize) 2 << 30);
  else if (g_str_equal (path, "/big.json"))
    {
      if (big_json == NULL)
        big_json = rc_test_big_json_body (BIG_JSON_SIZE);
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (big_json, NULL),
                                        g_bytes_get_size (big_json));
    }
  else if (g_str_equal (path, "/drip"))
    rc_test_respond_drip (message, "application/yaml", "openapi: 3.0.0\n", 1000, NULL);
  else if (g_str_has_prefix (path, "/pets/"))
    {
      api_requests++;
      if (g_strcmp0 (authorization, "Bearer " TOKEN) == 0)
        respond (message, 200, "{\"id\":1,\"name\":\"Rex\",\"tag\":\"dog\"}");
      else
        {
          refused++;
          soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                        "WWW-Authenticate", "Bearer error=\"invalid_token\"");
          respond (message, 401, "{\"error\":\"invalid_token\"}");
        }
    }
  else
    respond (message, 404, "{}");
}

static gboolean
stdin_closed_cb (GIOChannel   *channel,
                 GIOCondition  condition,
                 gpointer      loop)
{
  char buffer[256];
  gsize n = 0;

  if ((condition & G_IO_IN)
      && g_io_channel_read_chars (channel, buffer, sizeof buffer, &n, NULL) == G_IO_STATUS_NORMAL
      && n > 0)
    return G_SOURCE_CONTINUE;

  g_main_loop_quit (loop);

  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GIOChannel) in = g_io_channel_unix_new (0);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  g_autofree char *base = NULL;

  soup_server_add_handler (server, NULL, handler, NULL, NULL);
  if (!soup_server_listen (server, address, 0, &error))
    {
      g_printerr ("bench-api-server: %s\n", error->message);
      return 1;
    }

  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  if (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';

  g_print ("{\"base_url\": \"%s\"}\n", base);
  fflush (stdout);

  g_io_add_watch (in, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_closed_cb, loop);
  g_main_loop_run (loop);

  return 0;
}
