/* rc-http.h: HTTP bodies read with a cap and a deadline; Basic credentials; transport errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* How much of an API response or a downloaded document is read, at most,
 * after decompression, unless the caller asks otherwise: well above the
 * 20 MB answers the window is made to show, far below what hurts. */
#define RC_HTTP_DEFAULT_MAX_BODY_SIZE ((gsize) 64 * 1024 * 1024)

/* How much of a token response is read: a token response is a few
 * kilobytes, a JWT with many claims some tens. */
#define RC_HTTP_MAX_TOKEN_RESPONSE_SIZE ((gsize) 1024 * 1024)

/* The most a caller may ask for: a body is held in memory whole. */
#define RC_HTTP_MAX_MAX_BODY_SIZE (G_GUINT64_CONSTANT (2) << 30)

/* How long a whole download (a document, or one its $refs point into)
 * may take, unless the caller asks otherwise. */
#define RC_HTTP_DEFAULT_DOWNLOAD_TIMEOUT_SECONDS 60

#define RC_HTTP_ERROR (rc_http_error_quark ())

/**
 * RcHttpError:
 * @RC_HTTP_ERROR_TOO_LARGE: the body, decoded, is larger than the cap
 * @RC_HTTP_ERROR_TIMED_OUT: the download did not end within its deadline
 * @RC_HTTP_ERROR_STATUS: the server answered with a status other than 2xx
 * @RC_HTTP_ERROR_INVALID_URL: the URL is not an http(s) URL
 *
 * Their messages say what happened in a clause (“it is larger than 64 MiB,
 * …”) that callers place after the name of what they read.
 */
typedef enum {
  RC_HTTP_ERROR_TOO_LARGE,
  RC_HTTP_ERROR_TIMED_OUT,
  RC_HTTP_ERROR_STATUS,
  RC_HTTP_ERROR_INVALID_URL,
} RcHttpError;

/* A cancellable that the caller's cancels, and a timer too. */
typedef struct _RcDeadline RcDeadline;

GQuark    rc_http_error_quark           (void);

RcDeadline   *rc_deadline_new             (GCancellable *cancellable,
                                           guint         seconds);
GCancellable *rc_deadline_get_cancellable (RcDeadline   *self);
gboolean      rc_deadline_has_passed      (RcDeadline   *self);
void          rc_deadline_free            (RcDeadline   *self);


char     *rc_http_format_size           (guint64               size);
gboolean  rc_http_parse_size            (const char           *text,
                                         guint64              *size);

gboolean  rc_http_is_http_url           (const char           *text,
                                         GUri                **uri);

void      rc_http_send_and_read_async   (SoupSession          *session,
                                         SoupMessage          *message,
                                         gsize                 max_size,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GBytes   *rc_http_send_and_read_finish  (GAsyncResult         *result,
                                         GError              **error);

void      rc_http_download_async        (SoupSession          *session,
                                         const char           *url,
                                         gsize                 max_size,
                                         guint                 timeout_seconds,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GBytes   *rc_http_download_finish       (GAsyncResult         *result,
                                         char                **final_url,
                                         GError              **error);
GBytes   *rc_http_download              (const char           *url,
                                         gsize                 max_size,
                                         guint                 timeout_seconds,
                                         GCancellable         *cancellable,
                                         char                **final_url,
                                         GError              **error);

char     *rc_http_basic_credentials     (const char           *user,
                                         const char           *password);
void      rc_http_set_transport_error   (GError              **error,
                                         GQuark                domain,
                                         gint                  code,
                                         SoupMessage          *message,
                                         const char           *what,
                                         const GError         *cause);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcDeadline, rc_deadline_free)

G_END_DECLS
