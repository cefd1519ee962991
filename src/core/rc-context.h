/* rc-context.h: the services a window and its widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-executor.h"
#include "rc-history.h"
#include "rc-secret-store.h"

G_BEGIN_DECLS

#define RC_TYPE_CONTEXT (rc_context_get_type ())

G_DECLARE_FINAL_TYPE (RcContext, rc_context, RC, CONTEXT, GObject)

RcContext     *rc_context_new              (void);
RcExecutor    *rc_context_get_executor     (RcContext *self);
RcSecretStore *rc_context_get_secret_store (RcContext *self);
RcHistory     *rc_context_get_history      (RcContext *self);

G_END_DECLS
