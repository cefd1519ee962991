/* rc-oauth-private.h: the token response, read apart from its message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-oauth.h"

G_BEGIN_DECLS

RcToken *_rc_oauth_parse_token_answer (RcAuth              *auth,
                                       const char          *token_url,
                                       guint                status,
                                       const char          *reason_phrase,
                                       SoupMessageHeaders  *headers,
                                       GBytes              *body,
                                       gboolean             encoding_changes,
                                       GError             **error);

G_END_DECLS
