/* rc-http.c: HTTP bodies read with a cap and a deadline; Basic credentials; transport errors
 *
 * libsoup's soup_session_send_and_read() keeps whatever a server sends: a
 * 1 GiB body, an endless chunked one, or a small gzip body that decodes to
 * gigabytes all end up in memory. Here a response is read as a stream, in
 * chunks, after libsoup's content decoder, so the cap holds for the decoded
 * size; past it, reading stops and the connection is closed.
 *
 * A body bigger than SPILL_SIZE goes on to a temporary file as it comes,
 * deleted at once and mapped into memory once the body has ended: a big
 * response costs the pages that are read (the part shown, or saved), not
 * its whole size in the heap, where it could not be given back to the
 * system once freed. Without a temporary file, it stays in memory.
 *
 * Downloads (a document to import, or one its $refs point into) add a
 * deadline for the whole download, headers and body: a server that sends a
 * byte a second never trips libsoup's idle timeout, but it trips this.
 * rc_http_download() does the same synchronously, for worker threads and
 * the command line, on a main context and a session of its own.
 *
 * And the plain HTTP that API calls and token requests share: the
 * credentials of a Basic header (RFC 7617), and why a server could not be
 * reached, in words, in the error domain of whoever called it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rc-http.h"
#include "rc-text.h"

#define CHUNK_SIZE (64 * 1024)
/* A body over this size goes on to a temporary file. */
#define SPILL_SIZE (1024 * 1024)

typedef struct
{
  GInputStream  *stream;
  GByteArray    *body;        /* the body, or its start until it is spilled */
  GOutputStream *spill;       /* the temporary file, deleted, once spilled */
  int            spill_fd;
  gsize          size;
  gsize          max_size;
  GError        *error;       /* returned once the stream is closed */
} Read;

typedef struct
{
  SoupMessage  *message;
  GCancellable *user_cancellable;
  RcDeadline   *deadline;
  guint         timeout;
} Download;

struct _RcDeadline
{
  GCancellable *cancellable;  /* ours: cancelled by the caller's or the timer */
  GCancellable *user_cancellable;
  gulong        user_cancelled_id;
  GSource      *source;
  gboolean      passed;
};

G_DEFINE_QUARK (rc-http-error-quark, rc_http_error)

static void read_next (GTask *task);

static void
read_free (gpointer data)
{
  Read *read = data;

  g_clear_object (&read->stream);
  g_clear_pointer (&read->body, g_byte_array_unref);
  g_clear_object (&read->spill);
  if (read->spill_fd >= 0)
    g_close (read->spill_fd, NULL);
  g_clear_error (&read->error);
  g_free (read);
}

static void
download_free (gpointer data)
{
  Download *download = data;

  g_clear_pointer (&download->deadline, rc_deadline_free);
  g_clear_object (&download->user_cancellable);
  g_clear_object (&download->message);
  g_free (download);
}

static void
set_too_large_error (GError **error,
                     gsize    max_size)
{
  g_autofree char *size = rc_http_format_size (max_size);

  g_set_error (error, RC_HTTP_ERROR, RC_HTTP_ERROR_TOO_LARGE,
               _("it is larger than %s once decompressed, the most Restcall reads"), size);
}

/* Reading */

/* Moves what was read so far on to a temporary file, deleted at once:
 * FALSE if there is none to be had (the body then stays in memory). */
static gboolean
start_spilling (Read *read)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("restcall-body-XXXXXX", &path, &error);

  if (fd < 0)
    {
      g_debug ("A big body stays in memory: %s", error->message);
      return FALSE;
    }

  g_unlink (path);
  read->spill_fd = fd;
  read->spill = g_unix_output_stream_new (fd, FALSE);
  if (!g_output_stream_write_all (read->spill, read->body->data, read->body->len, NULL, NULL,
                                  &error))
    {
      g_debug ("A big body stays in memory: %s", error->message);
      g_clear_object (&read->spill);
      g_close (g_steal_fd (&read->spill_fd), NULL);
      return FALSE;
    }

  g_byte_array_set_size (read->body, 0);
  return TRUE;
}

/* The spilled body, mapped. */
static GBytes *
dup_spilled_bytes (Read    *read,
                   GError **error)
{
  g_autoptr(GMappedFile) mapped = NULL;

  if (!g_output_stream_close (read->spill, NULL, error))
    return NULL;

  mapped = g_mapped_file_new_from_fd (read->spill_fd, FALSE, error);
  if (mapped == NULL)
    return NULL;

  return g_mapped_file_get_bytes (mapped);
}

static void
closed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Read *read = g_task_get_task_data (task);

  /* What the body held, or why it was not read, matters; a failure to
   * close after that does not. */
  g_input_stream_close_finish (G_INPUT_STREAM (object), result, NULL);

  if (read->error)
    g_task_return_error (task, g_steal_pointer (&read->error));
  else if (read->spill != NULL)
    {
      GError *error = NULL;
      GBytes *bytes = dup_spilled_bytes (read, &error);

      if (bytes != NULL)
        g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
      else
        g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, g_byte_array_free_to_bytes (g_steal_pointer (&read->body)),
                           (GDestroyNotify) g_bytes_unref);
}

/* Closing a response stream before its end drops the connection rather
 * than reading the rest. */
static void
close_and_return (GTask  *task,
                  GError *error)
{
  Read *read = g_task_get_task_data (task);

  read->error = error;
  g_input_stream_close_async (read->stream, G_PRIORITY_DEFAULT, NULL, closed_cb, task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Read *read = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;
  gsize size;

  if (!(chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error)))
    {
      close_and_return (task, error);
      return;
    }

  size = g_bytes_get_size (chunk);
  if (size == 0)
    {
      close_and_return (task, NULL);
      return;
    }

  if (size > read->max_size - read->size)
    {
      set_too_large_error (&error, read->max_size);
      close_and_return (task, error);
      return;
    }

  read->size += size;
  if (read->spill == NULL)
    {
      g_byte_array_append (read->body, g_bytes_get_data (chunk, NULL), size);
      if (read->size > SPILL_SIZE && read->spill_fd == -1 && !start_spilling (read))
        read->spill_fd = -2;  /* tried once: not again */
    }
  else if (!g_output_stream_write_all (read->spill, g_bytes_get_data (chunk, NULL), size, NULL,
                                       NULL, &error))
    {
      close_and_return (task, error);
      return;
    }

  read_next (task);
}

static void
read_next (GTask *task)
{
  Read *read = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (read->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), read_cb, task);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Read *read = g_task_get_task_data (task);
  GError *error = NULL;

  if (!(read->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  read_next (task);
}

/* Deadlines */

static gboolean
deadline_passed_cb (gpointer user_data)
{
  RcDeadline *self = user_data;

  self->passed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->source, g_source_unref);

  return G_SOURCE_REMOVE;
}

static void
user_cancelled_cb (GCancellable *cancellable,
                   GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

/* Downloading */

/* What is wrong with the server's certificate, when @cause is about it. */
static char *
dup_certificate_problem (GTlsCertificateFlags  flags,
                         const GError         *cause)
{
  if (flags == 0 && cause->domain != G_TLS_ERROR)
    return NULL;

  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return g_strdup (_("it is not signed by a trusted authority"));
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return g_strdup (_("it was issued for another host name"));
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    return g_strdup (_("it has expired"));
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return g_strdup (_("it is not valid yet"));
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    return g_strdup (_("it has been revoked"));
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    return g_strdup (_("it uses an insecure algorithm"));

  return g_strdup (cause->message);
}


static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  guint status;

  bytes = rc_http_send_and_read_finish (result, &error);

  if (error)
    {
      if (rc_deadline_has_passed (download->deadline) &&
          !g_cancellable_is_cancelled (download->user_cancellable))
        g_task_return_new_error (task, RC_HTTP_ERROR, RC_HTTP_ERROR_TIMED_OUT,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "it did not arrive in full within %u second",
                                              "it did not arrive in full within %u seconds",
                                              download->timeout),
                                 download->timeout);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
               || (problem = dup_certificate_problem (
                     soup_message_get_tls_peer_certificate_errors (download->message),
                     error)) == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        /* Still a TLS error, for rc_failure_classify(). */
        g_task_return_new_error (task, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE,
                                 _("the TLS certificate of “%s” is not valid (%s); Restcall "
                                   "never accepts an invalid certificate"),
                                 g_uri_get_host (soup_message_get_uri (download->message)),
                                 problem);
      return;
    }

  status = soup_message_get_status (download->message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autofree char *reason = rc_text_dup_printable (
        soup_message_get_reason_phrase (download->message), -1, 200, RC_TEXT_ONE_LINE);

      g_task_return_new_error (task, RC_HTTP_ERROR, RC_HTTP_ERROR_STATUS,
                               _("the server answered %u %s"), status, reason);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Public API */

/**
 * rc_deadline_new:
 * @cancellable: (nullable): the caller's
 * @seconds: when the deadline passes, from now; 0 for never
 *
 * Returns: (transfer full): a deadline whose cancellable
 *   (rc_deadline_get_cancellable()) is cancelled when @cancellable is, or
 *   when @seconds have passed on the thread-default main context
 */
RcDeadline *
rc_deadline_new (GCancellable *cancellable,
                 guint         seconds)
{
  RcDeadline *self = g_new0 (RcDeadline, 1);

  self->cancellable = g_cancellable_new ();

  if (cancellable)
    {
      self->user_cancellable = g_object_ref (cancellable);
      self->user_cancelled_id =
        g_cancellable_connect (cancellable, G_CALLBACK (user_cancelled_cb),
                               g_object_ref (self->cancellable), g_object_unref);
    }

  if (seconds > 0)
    {
      g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

      self->source = g_timeout_source_new_seconds (seconds);
      g_source_set_callback (self->source, deadline_passed_cb, self, NULL);
      g_source_attach (self->source, context);
    }

  return self;
}

GCancellable *
rc_deadline_get_cancellable (RcDeadline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->cancellable;
}

/**
 * rc_deadline_has_passed:
 *
 * Returns: whether the time is up (the cancellable was cancelled for it)
 */
gboolean
rc_deadline_has_passed (RcDeadline *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->passed;
}

void
rc_deadline_free (RcDeadline *self)
{
  if (self == NULL)
    return;

  if (self->user_cancelled_id)
    g_cancellable_disconnect (self->user_cancellable, self->user_cancelled_id);
  if (self->source)
    {
      g_source_destroy (self->source);
      g_source_unref (self->source);
    }
  g_clear_object (&self->user_cancellable);
  g_clear_object (&self->cancellable);
  g_free (self);
}

/**
 * rc_http_format_size:
 *
 * Returns: (transfer full): @size for people, exact: “64 MiB”, “1 KiB”,
 *   “1000 bytes”
 */
char *
rc_http_format_size (guint64 size)
{
  g_autofree char *number = NULL;
  int unit = -1;

  while (unit < 2 && size >= 1024 && size % 1024 == 0)
    {
      size /= 1024;
      unit++;
    }

  number = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
  switch (unit)
    {
    case 0:
      return g_strdup_printf (_("%s KiB"), number);
    case 1:
      return g_strdup_printf (_("%s MiB"), number);
    case 2:
      return g_strdup_printf (_("%s GiB"), number);
    default:
      return g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s byte", "%s bytes", (gulong) MIN (size, G_MAXULONG)),
        number);
    }
}

/**
 * rc_http_parse_size:
 * @text: a number of bytes, maybe followed by K, M or G (powers of 1024,
 *   also written KiB, MiB, GiB)
 *
 * Returns: whether @text is such a size, above zero and at most
 *   %RC_HTTP_MAX_MAX_BODY_SIZE
 */
gboolean
rc_http_parse_size (const char *text,
                    guint64    *size)
{
  static const char * const suffixes[] = { "", "K", "M", "G" };
  g_autofree char *digits = NULL;
  const char *suffix;
  guint64 value;

  g_return_val_if_fail (size != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  suffix = text + strspn (text, "0123456789");
  digits = g_strndup (text, suffix - text);
  if (!g_ascii_string_to_unsigned (digits, 10, 1, RC_HTTP_MAX_MAX_BODY_SIZE, &value, NULL))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *long_form = g_strconcat (suffixes[i], "iB", NULL);

      if (g_ascii_strcasecmp (suffix, suffixes[i]) == 0 ||
          (i > 0 && g_ascii_strcasecmp (suffix, long_form) == 0))
        {
          if (value > RC_HTTP_MAX_MAX_BODY_SIZE >> (10 * i))
            return FALSE;
          *size = value << (10 * i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * rc_http_send_and_read_async:
 * @max_size: how many bytes of the body, decoded, to read at most
 *
 * Sends @message and reads its response body, as
 * soup_session_send_and_read_async() does, but stops reading past
 * @max_size (an %RC_HTTP_ERROR_TOO_LARGE error) and closes the connection.
 * The response's status and headers are on @message whatever happens
 * once they have arrived.
 */
void
rc_http_send_and_read_async (SoupSession         *session,
                             SoupMessage         *message,
                             gsize                max_size,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  Read *read;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (SOUP_IS_MESSAGE (message));
  g_return_if_fail (max_size > 0);

  read = g_new0 (Read, 1);
  read->body = g_byte_array_new ();
  read->spill_fd = -1;
  read->max_size = max_size;

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_http_send_and_read_async);
  g_task_set_task_data (task, read, read_free);

  soup_session_send_async (session, message, G_PRIORITY_DEFAULT, cancellable, sent_cb, task);
}

/**
 * rc_http_send_and_read_finish:
 *
 * Returns: (transfer full): the response body, decoded, or %NULL with an
 *   error: libsoup's or GIO's, or %RC_HTTP_ERROR_TOO_LARGE
 */
GBytes *
rc_http_send_and_read_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_http_send_and_read_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rc_http_is_http_url:
 * @text: (nullable): what may be a URL
 * @uri: (out) (optional) (transfer full): the URL parsed, as libsoup does
 *
 * Returns: whether @text is an absolute http or https URL with a host,
 *   one that rc_http_download() can get
 */
gboolean
rc_http_is_http_url (const char  *text,
                     GUri       **uri)
{
  g_autoptr(GUri) parsed = text ? g_uri_parse (text, SOUP_HTTP_URI_FLAGS, NULL) : NULL;
  const char *host = parsed ? g_uri_get_host (parsed) : NULL;

  if (host == NULL || host[0] == '\0'
      || (g_ascii_strcasecmp (g_uri_get_scheme (parsed), "http") != 0
          && g_ascii_strcasecmp (g_uri_get_scheme (parsed), "https") != 0))
    return FALSE;

  if (uri)
    *uri = g_steal_pointer (&parsed);

  return TRUE;
}

/**
 * rc_http_download_async:
 * @url: an http(s) URL
 * @max_size: how many bytes of the document, decoded, to read at most
 * @timeout_seconds: how long the whole download may take; 0 for no limit
 *
 * Gets @url, following redirects, and reads the body of a 2xx answer.
 */
void
rc_http_download_async (SoupSession         *session,
                        const char          *url,
                        gsize                max_size,
                        guint                timeout_seconds,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  Download *download;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (url != NULL);
  g_return_if_fail (max_size > 0);

  download = g_new0 (Download, 1);
  download->timeout = timeout_seconds;

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_http_download_async);
  g_task_set_task_data (task, download, download_free);

  if (!rc_http_is_http_url (url, &uri))
    {
      g_task_return_new_error (task, RC_HTTP_ERROR, RC_HTTP_ERROR_INVALID_URL,
                               _("it is not a valid http:// or https:// URL"));
      return;
    }

  download->message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  download->user_cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  download->deadline = rc_deadline_new (cancellable, timeout_seconds);

  rc_http_send_and_read_async (session, download->message, max_size,
                               rc_deadline_get_cancellable (download->deadline), downloaded_cb,
                               g_steal_pointer (&task));
}

/**
 * rc_http_download_finish:
 * @final_url: (out) (optional) (transfer full): where the document was,
 *   after redirects
 *
 * Returns: (transfer full): the document's bytes, or %NULL with an error
 */
GBytes *
rc_http_download_finish (GAsyncResult  *result,
                         char         **final_url,
                         GError       **error)
{
  GBytes *bytes;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_http_download_async, NULL);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (bytes && final_url)
    {
      Download *download = g_task_get_task_data (G_TASK (result));

      *final_url = g_uri_to_string (soup_message_get_uri (download->message));
    }

  return bytes;
}

/**
 * rc_http_download:
 *
 * rc_http_download_async(), synchronously: on a main context and a session
 * of its own, so it may run in any thread, and @cancellable may be
 * cancelled from any other.
 */
GBytes *
rc_http_download (const char    *url,
                  gsize          max_size,
                  guint          timeout_seconds,
                  GCancellable  *cancellable,
                  char         **final_url,
                  GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GBytes *bytes;

  g_main_context_push_thread_default (context);

  /* The session's idle timeout only backs up the deadline. */
  session = soup_session_new_with_options ("user-agent", "Restcall/" PACKAGE_VERSION,
                                           "timeout", timeout_seconds > 0 ? timeout_seconds + 5 : 0,
                                           NULL);
  rc_http_download_async (session, url, max_size, timeout_seconds, cancellable, sync_done_cb,
                          &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);

  bytes = rc_http_download_finish (result, final_url, error);

  /* Connections closed now, while this context still runs their sources:
   * left to the session's finalization, a socket's source outlives the
   * context, which frees it with its other sources. */
  g_clear_object (&result);
  soup_session_abort (session);
  g_clear_object (&session);
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);

  return bytes;
}

/**
 * rc_http_basic_credentials:
 * @user: the user name
 * @password: the password
 *
 * The credentials of a Basic Authorization header as RFC 7617 has them:
 * `user:password`, as they are, in base64. (OAuth 2.0 encodes the client
 * ID and secret first: rc_oauth_basic_credentials().)
 *
 * Returns: (transfer full): the credentials, to follow `Basic `
 */
char *
rc_http_basic_credentials (const char *user,
                           const char *password)
{
  g_autofree char *joined = NULL;
  char *encoded;

  g_return_val_if_fail (user != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  joined = g_strconcat (user, ":", password, NULL);
  encoded = g_base64_encode ((const guchar *) joined, strlen (joined));
  memset (joined, 0, strlen (joined));

  return encoded;
}

/**
 * rc_http_set_transport_error:
 * @error: (out) (optional): where the error goes, as with g_set_error()
 * @domain: the error domain of the caller, such as %RC_EXECUTOR_ERROR
 * @code: its code for a server that could not be reached
 * @message: (nullable): the message that could not be sent or answered
 * @what: who was called, e.g. "the authorization server at https://…"
 * @cause: the libsoup or GIO error
 *
 * Says in words why @what could not be reached: the certificate's
 * problem for TLS, a timeout, or @cause's own message; the error is made
 * in the caller's @domain with its @code. Cancellation stays what it is:
 * a copy of @cause.
 */
void
rc_http_set_transport_error (GError      **error,
                             GQuark        domain,
                             gint          code,
                             SoupMessage  *message,
                             const char   *what,
                             const GError *cause)
{
  GTlsCertificateFlags flags = message ? soup_message_get_tls_peer_certificate_errors (message) : 0;
  const char *host = message ? g_uri_get_host (soup_message_get_uri (message)) : NULL;
  g_autofree char *problem = NULL;

  g_return_if_fail (what != NULL);
  g_return_if_fail (cause != NULL);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (cause));
      return;
    }

  if ((problem = dup_certificate_problem (flags, cause)))
    {
      /* A private CA is trusted by name, not by accepting anything. */
      if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
        g_set_error (error, domain, code,
                     _("Could not reach %s: the TLS certificate of “%s” is not valid (%s). "
                       "Restcall never accepts an invalid certificate; if the server’s "
                       "certificate comes from a private certificate authority, trust that "
                       "authority (--cacert FILE on the command line)."),
                     what, host ? host : "", problem);
      else
        g_set_error (error, domain, code,
                     _("Could not reach %s: the TLS certificate of “%s” is not valid (%s). "
                       "Restcall never accepts an invalid certificate; fix the server’s "
                       "certificate or use its correct address."),
                     what, host ? host : "", problem);
      return;
    }

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, domain, code,
                 _("Could not reach %s: it did not answer in time. Check the address and your "
                   "network, then try again."),
                 what);
  else
    g_set_error (error, domain, code,
                 _("Could not reach %s: %s. Check the address and your network, then try "
                   "again."),
                 what, cause->message);
}
