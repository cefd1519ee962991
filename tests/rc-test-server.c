/* rc-test-server.c: a scriptable HTTP server on 127.0.0.1 for tests
 *
 * The server listens on loopback only, on a free port, and records every
 * request before a test's handler answers it. JWTs are built here too, as
 * an authorization server would issue them, from JSON a test writes. And
 * the waits every test uses: the main loop runs until a condition holds,
 * with a deadline that only guards against a hang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rc-test-server.h"
#include "restcall-core.h"

/* An object, and the references it has once nothing else holds it. */
typedef struct
{
  GObject *object;
  guint    ref_count;
} Refs;

static void
request_free (gpointer data)
{
  RcTestRequest *request = data;

  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_clear_pointer (&request->headers, soup_message_headers_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request);
}

static void
copy_header (const char         *name,
             const char         *value,
             SoupMessageHeaders *copy)
{
  soup_message_headers_append (copy, name, value);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  RcTestServer *self = user_data;
  RcTestRequest *request = g_new0 (RcTestRequest, 1);
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  GUri *uri = soup_server_message_get_uri (message);

  request->method = g_strdup (soup_server_message_get_method (message));
  request->path = g_strdup (path);
  request->query = g_strdup (g_uri_get_query (uri));
  request->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_foreach (soup_server_message_get_request_headers (message),
                                (SoupMessageHeadersForeachFunc)copy_header, request->headers);
  request->body = soup_message_body_flatten (body);
  g_ptr_array_add (self->requests, request);

  if (self->handler)
    self->handler (self, message, path, self->handler_data);
  else
    rc_test_respond (message, 404, "text/plain", "no handler");
}

RcTestServer *
rc_test_server_new (gboolean tls)
{
  RcTestServer *self = g_new0 (RcTestServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;

  self->server = soup_server_new (NULL, NULL);
  self->requests = g_ptr_array_new_with_free_func (request_free);

  if (tls)
    {
      g_autofree char *cert = g_test_build_filename (G_TEST_DIST, "data", "tls", "cert.pem", NULL);
      g_autofree char *key = g_test_build_filename (G_TEST_DIST, "data", "tls", "key.pem", NULL);
      g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_files (cert, key, &error);

      g_assert_no_error (error);
      soup_server_set_tls_certificate (self->server, certificate);
    }

  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  soup_server_listen (self->server, address, tls ? SOUP_SERVER_LISTEN_HTTPS : 0, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->base = g_uri_ref (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  return self;
}

void
rc_test_server_free (RcTestServer *self)
{
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->base, g_uri_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_free (self);
}

char *
rc_test_server_url (RcTestServer *self,
                    const char   *path)
{
  g_autofree char *base = g_uri_to_string (self->base);

  /* The base ends in "/". */
  return g_strconcat (base, path[0] == '/' ? path + 1 : path, NULL);
}

RcTestRequest *
rc_test_server_get_request (RcTestServer *self,
                            guint         index)
{
  g_assert_cmpuint (index, <, self->requests->len);

  return g_ptr_array_index (self->requests, index);
}

void
rc_test_respond (SoupServerMessage *message,
                 guint              status,
                 const char        *content_type,
                 const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  if (content_type)
    soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY,
                                      body ? body : "", body ? strlen (body) : 0);
  else if (body)
    /* A body without a Content-Type, as some servers send. */
    soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_COPY,
                              body, strlen (body));
}

/* Hostile bodies, made on the fly and never held whole. */

#define STREAM_CHUNK_SIZE (64 * 1024)

typedef struct
{
  guint64  remaining;
  guint64 *written;
} Stream;

static void
stream_next_cb (SoupServerMessage *message,
                Stream            *stream)
{
  static const char chunk[STREAM_CHUNK_SIZE] = { 0 };
  SoupMessageBody *body = soup_server_message_get_response_body (message);
  gsize size = MIN (stream->remaining, sizeof chunk);

  if (size == 0)
    {
      /* A chunked body ends; one that declared more just stops. */
      if (soup_message_headers_get_encoding (soup_server_message_get_response_headers (message))
          == SOUP_ENCODING_CHUNKED)
        soup_message_body_complete (body);
      return;
    }

  soup_message_body_append (body, SOUP_MEMORY_STATIC, chunk, size);
  stream->remaining -= size;
  if (stream->written)
    *stream->written += size;
}

/* Answers with @size zero bytes sent a chunk at a time, as the client
 * reads them (the server keeps none): chunked when @declared_size is 0,
 * else with that Content-Length, stalling after @size if it is more.
 * *@written (if given) counts the bytes handed to the connection. */
void
rc_test_respond_stream (SoupServerMessage *message,
                        guint              status,
                        const char        *content_type,
                        guint64            size,
                        guint64            declared_size,
                        guint64           *written)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  Stream *stream = g_new0 (Stream, 1);

  stream->remaining = size;
  stream->written = written;

  soup_server_message_set_status (message, status, NULL);
  soup_message_headers_replace (headers, "Content-Type", content_type);
  if (declared_size > 0)
    soup_message_headers_set_content_length (headers, declared_size);
  else
    soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (message), FALSE);

  g_signal_connect (message, "wrote-headers", G_CALLBACK (stream_next_cb), stream);
  g_signal_connect (message, "wrote-chunk", G_CALLBACK (stream_next_cb), stream);
  /* Freed with the message: a client that hangs up mid-body (one that
   * stops at its cap) never gets it "finished". */
  g_object_set_data_full (G_OBJECT (message), "rc-test-stream", stream, g_free);
}

/* Answers with @head followed by zero bytes, @decoded_size in all, sent
 * gzip-compressed (Content-Encoding: gzip): about 1 KB a megabyte. */
void
rc_test_respond_gzip (SoupServerMessage *message,
                      guint              status,
                      const char        *content_type,
                      const char        *head,
                      gsize              decoded_size)
{
  static const char zeros[STREAM_CHUNK_SIZE] = { 0 };
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GByteArray) compressed = g_byte_array_new ();
  gsize head_length = head ? strlen (head) : 0;
  gsize remaining = decoded_size;
  gboolean done = FALSE;

  g_assert_cmpuint (head_length, <=, decoded_size);

  while (!done)
    {
      guint8 out[STREAM_CHUNK_SIZE];
      const void *in = zeros;
      gsize in_size, bytes_read = 0, bytes_written = 0;
      GConverterFlags flags = G_CONVERTER_NO_FLAGS;
      g_autoptr(GError) error = NULL;

      if (remaining == decoded_size && head_length > 0)
        {
          in = head;
          in_size = head_length;
        }
      else
        in_size = MIN (remaining, sizeof zeros);
      if (in_size == remaining)
        flags = G_CONVERTER_INPUT_AT_END;

      if (g_converter_convert (G_CONVERTER (compressor), in, in_size, out, sizeof out, flags,
                               &bytes_read, &bytes_written, &error) == G_CONVERTER_FINISHED)
        done = TRUE;
      g_assert_no_error (error);
      remaining -= bytes_read;
      g_byte_array_append (compressed, out, bytes_written);
    }

  soup_server_message_set_status (message, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "Content-Encoding", "gzip");
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY,
                                    (const char *) compressed->data, compressed->len);
}

typedef struct
{
  SoupServerMessage *message;
  guint              source;
  guint64           *written;
} Drip;

static gboolean
drip_cb (gpointer user_data)
{
  Drip *drip = user_data;

  soup_message_body_append (soup_server_message_get_response_body (drip->message),
                            SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (drip->message);
  if (drip->written)
    (*drip->written)++;

  return G_SOURCE_CONTINUE;
}

/* The client went away, or the message ended: no more drops. */
static void
drip_finished_cb (Drip *drip)
{
  g_clear_handle_id (&drip->source, g_source_remove);
}

static void
drip_gone_cb (gpointer  data,
              GObject  *message)
{
  Drip *drip = data;

  g_clear_handle_id (&drip->source, g_source_remove);
  g_free (drip);
}

/* Answers 200 with @head, then one space every @interval_ms, never
 * ending: a server that never trips an idle timeout. */
void
rc_test_respond_drip (SoupServerMessage *message,
                      const char        *content_type,
                      const char        *head,
                      guint              interval_ms,
                      guint64           *written)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  SoupMessageBody *body = soup_server_message_get_response_body (message);
  Drip *drip = g_new0 (Drip, 1);

  drip->message = message;
  drip->written = written;
  soup_server_message_set_status (message, 200, NULL);
  soup_message_headers_replace (headers, "Content-Type", content_type);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_append (body, SOUP_MEMORY_COPY, head, strlen (head));
  drip->source = g_timeout_add (interval_ms, drip_cb, drip);
  g_signal_connect_swapped (message, "finished", G_CALLBACK (drip_finished_cb), drip);
  g_signal_connect_swapped (message, "disconnected", G_CALLBACK (drip_finished_cb), drip);
  g_object_weak_ref (G_OBJECT (message), drip_gone_cb, drip);
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
expired_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

static gboolean
done_cb (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
released_cb (gpointer data)
{
  Refs *refs = data;

  return (guint) g_atomic_int_get ((int *) &refs->object->ref_count) == refs->ref_count;
}

/* @seconds times RC_TEST_DEADLINE_SCALE (when set: tests/meson.build sets
 * it in a sanitized build, where everything runs several times slower). */
static guint
scale_deadline (guint seconds)
{
  static guint scale;

  if (scale == 0)
    {
      const char *value = g_getenv ("RC_TEST_DEADLINE_SCALE");
      guint64 parsed = value ? g_ascii_strtoull (value, NULL, 10) : 1;

      scale = CLAMP (parsed, 1, 100);
    }

  return seconds * scale;
}

/* Runs the main context until @condition holds, for at most @seconds
 * (scaled, see scale_deadline()): a guard against a hang, never a time the
 * test expects anything to take.
 * The loop sleeps until something happens; it also wakes every 10 ms to
 * ask again, for conditions no event of this process signals (another
 * process, the clock). Returns whether @condition holds. */
gboolean
rc_test_wait_until (RcTestCondition condition,
                    gpointer        data,
                    guint           seconds)
{
  gboolean expired = FALSE;
  guint deadline = g_timeout_add_seconds (scale_deadline (seconds), expired_cb, &expired);
  guint wake_up = g_timeout_add (10, wake_up_cb, NULL);
  gboolean met;

  while (!(met = condition (data)) && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (!expired)
    g_source_remove (deadline);
  g_source_remove (wake_up);

  return met;
}

/* Runs the main context until *@done (set by a callback), for at most
 * @seconds; fails if it is not set by then. */
void
rc_test_wait_for (gboolean *done,
                  guint     seconds)
{
  g_assert_true (rc_test_wait_until (done_cb, done, seconds));
}

/* Runs the main context until @object has @ref_count references again, for
 * at most @seconds: whatever held it meanwhile (a GTask whose source object
 * it is, a callback's data) has let it go, so that operation has ended and
 * its callback has run. Returns whether it has. */
gboolean
rc_test_wait_for_refs (gpointer object,
                       guint    ref_count,
                       guint    seconds)
{
  Refs refs = { G_OBJECT (object), ref_count };

  return rc_test_wait_until (released_cb, &refs, seconds);
}

/* For a token endpoint: whether @message authenticates the client with
 * @client_id and @secret in a Basic Auth header (RFC 6749 §2.3.1); if it
 * does not, answers it 401 invalid_client, as an authorization server does. */
gboolean
rc_test_check_client (SoupServerMessage *message,
                      const char        *client_id,
                      const char        *secret)
{
  const char *authorization = soup_message_headers_get_one (
    soup_server_message_get_request_headers (message), "Authorization");
  g_autofree char *credentials = rc_oauth_basic_credentials (client_id, secret, FALSE);
  g_autofree char *expected = g_strconcat ("Basic ", credentials, NULL);

  if (g_strcmp0 (authorization, expected) == 0)
    return TRUE;

  rc_test_respond (
    message, 401, "application/json",
    "{\"error\":\"invalid_client\",\"error_description\":\"Unknown client or wrong secret\"}");
  return FALSE;
}

/* @text in base64url (RFC 4648 §5), without padding, as RFC 7515 §2 asks;
 * GLib's base64 with its two characters turned by hand. */
char *
rc_test_base64url (const char *text)
{
  char *encoded = g_base64_encode ((const guchar *) text, strlen (text));
  gsize len = strlen (encoded);

  while (len > 0 && encoded[len - 1] == '=')
    encoded[--len] = '\0';
  for (char *p = encoded; *p; p++)
    *p = *p == '+' ? '-' : *p == '/' ? '_' : *p;

  return encoded;
}

/* A JWT with @header_json and @claims_json as its parts, and a signature
 * nobody checks. */
char *
rc_test_make_jwt (const char *header_json,
                  const char *claims_json)
{
  g_autofree char *header = rc_test_base64url (header_json);
  g_autofree char *claims = rc_test_base64url (claims_json);

  return g_strconcat (header, ".", claims, ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk", NULL);
}

/* Fails when @text holds a control character other than a line break or
 * a tab: what a server sent must not reach a terminal raw. */
void
rc_test_assert_printable (const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (((guchar)*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
        g_error ("Control character 0x%02x at “%.40s”", (guchar)*p, p);
    }
}

char *
rc_test_shorten_lines (const char *text,
                       gsize       max_line)
{
  GString *out = g_string_new (NULL);
  const char *line = text ? text : "";

  for (;;)
    {
      const char *end = strchr (line, '\n');
      gsize length = end ? (gsize) (end - line) : strlen (line);

      if (length > max_line)
        {
          /* Cut at a character's start, not inside one. */
          const char *cut = g_utf8_find_prev_char (line, line + max_line + 1);

          g_string_append_len (out, line, cut ? cut - line : (gssize) max_line);
          g_string_append_printf (out, "… (%" G_GSIZE_FORMAT " bytes in all)", length);
        }
      else
        g_string_append_len (out, line, length);

      if (end == NULL)
        break;
      g_string_append_c (out, '\n');
      line = end + 1;
    }

  return g_string_free (out, FALSE);
}

/* The callback of rc_token_cache_get_token_async(), for an RcTestFetched. */
void
rc_test_fetched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RcTestFetched *fetched = user_data;

  fetched->token = rc_token_cache_get_token_finish (RC_TOKEN_CACHE (object), result,
                                                    &fetched->record, &fetched->error);
  fetched->done = TRUE;
}

/* Empties @fetched for another fetch. */
void
rc_test_fetched_clear (RcTestFetched *fetched)
{
  g_clear_object (&fetched->token);
  g_clear_object (&fetched->record);
  g_clear_error (&fetched->error);
  fetched->done = FALSE;
}

/* How many requests @server got for paths that start with @path_prefix. */
guint
rc_test_count_requests (RcTestServer *server,
                        const char   *path_prefix)
{
  guint n = 0;

  for (guint i = 0; i < server->requests->len; i++)
    {
      RcTestRequest *request = g_ptr_array_index (server->requests, i);

      if (g_str_has_prefix (request->path, path_prefix))
        n++;
    }

  return n;
}
