/* rc-token-cache.h: obtains and caches OAuth 2.0 access tokens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "rc-auth.h"
#include "rc-http-record.h"
#include "rc-token.h"

G_BEGIN_DECLS

#define RC_TYPE_TOKEN_CACHE (rc_token_cache_get_type ())

G_DECLARE_FINAL_TYPE (RcTokenCache, rc_token_cache, RC, TOKEN_CACHE, GObject)

RcTokenCache *rc_token_cache_new              (SoupSession          *session);
SoupSession  *rc_token_cache_get_session      (RcTokenCache         *self);
char         *rc_token_cache_dup_key          (RcAuth               *auth);
void          rc_token_cache_get_token_async  (RcTokenCache         *self,
                                               RcAuth               *auth,
                                               const char           *secret,
                                               RcToken              *rejected,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RcToken      *rc_token_cache_get_token_finish (RcTokenCache         *self,
                                               GAsyncResult         *result,
                                               RcHttpRecord        **record,
                                               GError              **error);
RcToken      *rc_token_cache_lookup           (RcTokenCache         *self,
                                               RcAuth               *auth);
void          rc_token_cache_clear            (RcTokenCache         *self,
                                               RcAuth               *auth);
void          rc_token_cache_set_remember_refusals (RcTokenCache    *self,
                                                    gboolean         remember);
guint         rc_token_cache_get_n_requests   (RcTokenCache         *self);

G_END_DECLS
