/* rc-call.h: the secret an authentication needs, looked up; then the call, or the token
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rc-executor.h"
#include "rc-secret-binding.h"
#include "rc-secret-store.h"

G_BEGIN_DECLS

#define RC_CALL_ERROR (rc_call_error_quark ())

/**
 * RcCallError:
 * @RC_CALL_ERROR_NO_SECRET: the authentication needs a secret (a client
 *   secret, a Basic password) and none is stored for it, or it has
 *   nothing to find one by (no secret reference, no project)
 */
typedef enum {
  RC_CALL_ERROR_NO_SECRET,
} RcCallError;

GQuark      rc_call_error_quark          (void);

void        rc_call_lookup_secret_async  (RcSecretStore          *store,
                                          const char             *project_id,
                                          RcAuth                 *auth,
                                          const RcSecretBinding  *binding,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
char       *rc_call_lookup_secret_finish (GAsyncResult           *result,
                                          RcSecretBinding       **saved_for,
                                          GError                **error);

void        rc_call_rebind_secret_async  (RcSecretStore          *store,
                                          const char             *project_id,
                                          const char             *secret_id,
                                          const RcSecretBinding  *binding,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
gboolean    rc_call_rebind_secret_finish (GAsyncResult           *result,
                                          GError                **error);

void        rc_call_method_async         (RcExecutor             *executor,
                                          RcSecretStore          *store,
                                          const char             *project_id,
                                          RcMethod               *method,
                                          RcPairList             *values,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
RcExchange *rc_call_method_finish        (GAsyncResult           *result,
                                          RcSecretBinding       **saved_for,
                                          RcSecretBinding       **wanted,
                                          GError                **error);

void        rc_call_fetch_token_async    (RcExecutor             *executor,
                                          RcSecretStore          *store,
                                          const char             *project_id,
                                          RcAuth                 *auth,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
RcToken    *rc_call_fetch_token_finish   (GAsyncResult           *result,
                                          RcHttpRecord          **record,
                                          RcSecretBinding       **saved_for,
                                          RcSecretBinding       **wanted,
                                          GError                **error);

G_END_DECLS
