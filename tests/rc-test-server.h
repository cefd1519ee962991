/* rc-test-server.h: a scriptable HTTP server on 127.0.0.1 for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "rc-token-cache.h"

G_BEGIN_DECLS

typedef struct
{
  char               *method;
  char               *path;
  char               *query;
  SoupMessageHeaders *headers;
  GBytes             *body;
} RcTestRequest;

typedef struct _RcTestServer RcTestServer;

/* What rc_test_wait_until() waits for: TRUE once it holds. */
typedef gboolean (*RcTestCondition) (gpointer data);

/* Answers one request; the server has already recorded it. */
typedef void (*RcTestHandler) (RcTestServer      *server,
                               SoupServerMessage *message,
                               const char        *path,
                               gpointer           user_data);

struct _RcTestServer
{
  SoupServer    *server;
  GUri          *base;
  GPtrArray     *requests;   /* RcTestRequest */
  RcTestHandler  handler;
  gpointer       handler_data;
};

RcTestServer  *rc_test_server_new           (gboolean            tls);
void           rc_test_server_free          (RcTestServer       *self);
char          *rc_test_server_url           (RcTestServer       *self,
                                             const char         *path);
RcTestRequest *rc_test_server_get_request   (RcTestServer       *self,
                                             guint               index);
void           rc_test_respond              (SoupServerMessage  *message,
                                             guint               status,
                                             const char         *content_type,
                                             const char         *body);
void           rc_test_respond_stream       (SoupServerMessage  *message,
                                             guint               status,
                                             const char         *content_type,
                                             guint64             size,
                                             guint64             declared_size,
                                             guint64            *written);
void           rc_test_respond_gzip         (SoupServerMessage  *message,
                                             guint               status,
                                             const char         *content_type,
                                             const char         *head,
                                             gsize               decoded_size);
void           rc_test_respond_drip         (SoupServerMessage  *message,
                                             const char         *content_type,
                                             const char         *head,
                                             guint               interval_ms,
                                             guint64            *written);
gboolean       rc_test_wait_until           (RcTestCondition     condition,
                                             gpointer            data,
                                             guint               seconds);
void           rc_test_wait_for             (gboolean           *done,
                                             guint               seconds);
gboolean       rc_test_wait_for_refs        (gpointer            object,
                                             guint               ref_count,
                                             guint               seconds);
gboolean       rc_test_check_client         (SoupServerMessage  *message,
                                             const char         *client_id,
                                             const char         *secret);
char          *rc_test_base64url            (const char         *text);
char          *rc_test_make_jwt             (const char         *header_json,
                                             const char         *claims_json);
void           rc_test_assert_printable     (const char         *text);
guint          rc_test_count_requests       (RcTestServer       *server,
                                             const char         *path_prefix);

/* What rc_token_cache_get_token_async() brought, for a test that waits
 * for it (done) with rc_test_fetched_cb() as its callback. */
typedef struct
{
  gboolean      done;
  RcToken      *token;
  RcHttpRecord *record;
  GError       *error;
} RcTestFetched;

void           rc_test_fetched_cb           (GObject            *object,
                                             GAsyncResult       *result,
                                             gpointer            user_data);
void           rc_test_fetched_clear        (RcTestFetched      *fetched);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcTestServer, rc_test_server_free)

/* @text for g_test_message(): each line cut to @max_line bytes (meson's
 * TAP reader splits a line of over 64 KiB and fails on the rest). */
char *rc_test_shorten_lines (const char *text,
                             gsize       max_line);

G_END_DECLS
