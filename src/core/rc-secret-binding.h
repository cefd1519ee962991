/* rc-secret-binding.h: what a stored secret was saved for, and may be sent to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-method.h"

G_BEGIN_DECLS

#define RC_TYPE_SECRET_BINDING (rc_secret_binding_get_type ())

typedef struct _RcSecretBinding RcSecretBinding;

GType            rc_secret_binding_get_type       (void) G_GNUC_CONST;

RcSecretBinding *rc_secret_binding_new            (const char            *origin,
                                                   const char            *login);
RcSecretBinding *rc_secret_binding_new_for_auth   (RcAuth                *auth,
                                                   const char            *url);
RcSecretBinding *rc_secret_binding_new_for_api    (RcApi                 *api);
RcSecretBinding *rc_secret_binding_new_for_method (RcMethod              *method,
                                                   RcPairList            *values);
RcSecretBinding *rc_secret_binding_copy           (const RcSecretBinding *self);
void             rc_secret_binding_free           (RcSecretBinding       *self);

const char      *rc_secret_binding_get_origin     (const RcSecretBinding *self);
const char      *rc_secret_binding_get_login      (const RcSecretBinding *self);
gboolean         rc_secret_binding_equal          (const RcSecretBinding *a,
                                                   const RcSecretBinding *b);
char            *rc_secret_binding_describe       (const RcSecretBinding *self,
                                                   RcAuthKind             kind);

char            *rc_url_dup_origin                (const char            *url);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcSecretBinding, rc_secret_binding_free)

G_END_DECLS
