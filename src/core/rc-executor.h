/* rc-executor.h: sends a method as configured and records the exchange
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "rc-exchange.h"
#include "rc-method.h"
#include "rc-token-cache.h"

G_BEGIN_DECLS

#define RC_EXECUTOR_ERROR (rc_executor_error_quark ())

/**
 * RcExecutorError:
 * @RC_EXECUTOR_ERROR_SETTINGS: the method cannot be sent as configured (a
 *   URL parameter without a value, an invalid URL, a verb, content type,
 *   header or access token that HTTP cannot carry); the parameter without
 *   a value is rc_executor_error_get_parameter()
 * @RC_EXECUTOR_ERROR_NETWORK: the API could not be reached; the error
 *   behind it is rc_executor_error_get_cause()
 * @RC_EXECUTOR_ERROR_TIMED_OUT: the call did not finish within its deadline
 * @RC_EXECUTOR_ERROR_TOO_MANY_REDIRECTS: the API redirected too many times
 * @RC_EXECUTOR_ERROR_TOO_LARGE: the response body, decompressed, is larger
 *   than the executor reads (rc_executor_set_max_body_size())
 */
typedef enum {
  RC_EXECUTOR_ERROR_SETTINGS,
  RC_EXECUTOR_ERROR_NETWORK,
  RC_EXECUTOR_ERROR_TIMED_OUT,
  RC_EXECUTOR_ERROR_TOO_MANY_REDIRECTS,
  RC_EXECUTOR_ERROR_TOO_LARGE,
} RcExecutorError;

#define RC_TYPE_EXECUTOR (rc_executor_get_type ())

G_DECLARE_FINAL_TYPE (RcExecutor, rc_executor, RC, EXECUTOR, GObject)

GQuark        rc_executor_error_quark        (void);
const GError *rc_executor_error_get_cause    (const GError        *error);
const char   *rc_executor_error_get_parameter (const GError       *error);

RcExecutor   *rc_executor_new                (void);
RcExecutor   *rc_executor_new_for_session    (SoupSession         *session);
SoupSession  *rc_executor_get_session        (RcExecutor          *self);
RcTokenCache *rc_executor_get_token_cache    (RcExecutor          *self);
void          rc_executor_set_tls_database   (RcExecutor          *self,
                                              GTlsDatabase        *database);
guint         rc_executor_get_timeout        (RcExecutor          *self);
void          rc_executor_set_timeout        (RcExecutor          *self,
                                              guint                seconds);
gsize         rc_executor_get_max_body_size  (RcExecutor          *self);
void          rc_executor_set_max_body_size  (RcExecutor          *self,
                                              gsize                max_size);

char         *rc_executor_build_url          (RcMethod            *method,
                                              RcPairList          *values,
                                              GError             **error);
char        **rc_executor_dup_left_out       (RcMethod            *method,
                                              RcPairList          *values);

void          rc_executor_call_async         (RcExecutor          *self,
                                              RcMethod            *method,
                                              RcPairList          *values,
                                              const char          *secret,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
RcExchange   *rc_executor_call_finish        (RcExecutor          *self,
                                              GAsyncResult        *result);

G_END_DECLS
