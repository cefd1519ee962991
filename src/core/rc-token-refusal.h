/* rc-token-refusal.h: the hint that fits an authorization server's refusal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rc-auth.h"

G_BEGIN_DECLS

/**
 * RcTokenRefusal:
 * @status: the token endpoint's HTTP status
 * @code: (nullable): the server's error code, %NULL when the answer is
 *   not an OAuth 2.0 error response
 * @description: (nullable): the server's error_description
 * @encoding_changes: whether form-encoding changes the client ID or secret
 *   (rc_basic_form_changes_credentials())
 *
 * A refused token request, as much as the hint needs of it.
 */
typedef struct
{
  guint       status;
  const char *code;
  const char *description;
  gboolean    encoding_changes;
} RcTokenRefusal;

JsonNode   *rc_token_refusal_read          (RcTokenRefusal       *refusal,
                                            guint                 status,
                                            GBytes               *body);
gboolean    rc_token_refusal_is_permanent  (const RcTokenRefusal *refusal);
gboolean    rc_token_refusal_mentions      (const char           *text,
                                            const char * const   *words);
gboolean    rc_token_refusal_mentions_audience (const char       *text);
const char *rc_token_refusal_hint          (const RcTokenRefusal *refusal,
                                            RcAuth               *auth);
const char *rc_token_refusal_get_audience_hint (void);

G_END_DECLS
