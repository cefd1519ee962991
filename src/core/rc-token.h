/* rc-token.h: an access token and how long it may be used
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RC_TYPE_TOKEN (rc_token_get_type ())

G_DECLARE_FINAL_TYPE (RcToken, rc_token, RC, TOKEN, GObject)

/**
 * RcTokenLifetime:
 * @RC_TOKEN_LIFETIME_KNOWN: the server said when the token expires
 * @RC_TOKEN_LIFETIME_UNKNOWN: no expiry given: use the token until the API
 *   answers 401
 * @RC_TOKEN_LIFETIME_NONE: zero, negative or invalid expiry: use the token
 *   for the call that fetched it only, never cache it
 */
typedef enum {
  RC_TOKEN_LIFETIME_KNOWN,
  RC_TOKEN_LIFETIME_UNKNOWN,
  RC_TOKEN_LIFETIME_NONE,
} RcTokenLifetime;

/* Longer than this (ten years), a lifetime is not believed: the token is
 * then used until the API refuses it, as if the server had not said. */
#define RC_TOKEN_MAX_LIFETIME_SECONDS (10 * 365 * 24 * 3600LL)

RcTokenLifetime  rc_token_lifetime_from_seconds (double   seconds,
                                                 gint64  *lifetime_seconds);

RcToken         *rc_token_new                (const char *access_token,
                                              const char *scopes,
                                              RcTokenLifetime lifetime,
                                              gint64      lifetime_seconds);
const char      *rc_token_get_access_token   (RcToken    *self);
const char      *rc_token_get_scopes         (RcToken    *self);
void             rc_token_set_scopes_unsaid  (RcToken    *self);
gboolean         rc_token_get_scopes_unsaid  (RcToken    *self);
void             rc_token_set_type_unsaid    (RcToken    *self);
gboolean         rc_token_get_type_unsaid    (RcToken    *self);
RcTokenLifetime  rc_token_get_lifetime       (RcToken    *self);
gint64           rc_token_get_expires_in     (RcToken    *self);
gboolean         rc_token_is_cacheable       (RcToken    *self);
gboolean         rc_token_is_fresh           (RcToken    *self);
gint64           rc_token_get_cache_until    (RcToken    *self);
GObject         *rc_token_get_record         (RcToken    *self);
void             rc_token_set_record         (RcToken    *self,
                                              GObject    *record);

gint64           rc_token_safety_margin      (gint64      lifetime_seconds);
char            *rc_token_format_duration    (gint64      seconds);

G_END_DECLS
