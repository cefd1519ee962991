/* rc-api-refusal.h: what an API's refusal of a token says, and what to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "rc-token.h"

G_BEGIN_DECLS

GHashTable *rc_api_refusal_parse_challenge (const char *header);
gboolean    rc_api_refusal_is_audience     (GHashTable *challenge);
char       *rc_api_refusal_dup_note        (GHashTable *challenge,
                                            guint       status,
                                            RcToken    *token,
                                            gboolean    renewed,
                                            gboolean    not_renewed);

G_END_DECLS
