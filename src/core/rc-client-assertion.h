/* rc-client-assertion.h: the signed JWT a client authenticates with (RFC 7523)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-auth.h"

G_BEGIN_DECLS

/* How long an assertion is good for, in seconds after it was issued. */
#define RC_CLIENT_ASSERTION_LIFETIME 60

/* The client_assertion_type of RFC 7523 §2.2. */
#define RC_CLIENT_ASSERTION_TYPE_JWT "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

/* The most a private key's PEM file may hold, in bytes. */
#define RC_PRIVATE_KEY_MAX_SIZE (64 * 1024)

char     *rc_client_assertion_new               (RcAuth               *auth,
                                                 const char           *secret,
                                                 gint64                now,
                                                 GError              **error);
gboolean  rc_client_assertion_check_key         (const char           *pem,
                                                 RcJwtAlg              alg,
                                                 GError              **error);
void      rc_client_assertion_check_file_async  (const char           *path,
                                                 RcJwtAlg              alg,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean  rc_client_assertion_check_file_finish (GAsyncResult         *result,
                                                 gboolean             *is_key,
                                                 GError              **error);
void      rc_client_assertion_read_key_async    (const char           *path,
                                                 RcJwtAlg              alg,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
char     *rc_client_assertion_read_key_finish   (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
