/* rc-jwt.h: reads the header and claims of a JSON Web Token, without checking it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RC_JWT_ERROR (rc_jwt_error_quark ())

/**
 * RcJwtError:
 * @RC_JWT_ERROR_NOT_A_JWT: the token is not three dot-separated parts
 *   (an opaque token, or an encrypted JWT)
 * @RC_JWT_ERROR_BAD_ENCODING: a part is not base64url
 * @RC_JWT_ERROR_BAD_JSON: a part is not a JSON object
 */
typedef enum {
  RC_JWT_ERROR_NOT_A_JWT,
  RC_JWT_ERROR_BAD_ENCODING,
  RC_JWT_ERROR_BAD_JSON,
} RcJwtError;

GQuark   rc_jwt_error_quark (void);

gboolean rc_jwt_decode      (const char  *token,
                             char       **header_json,
                             char       **claims_json,
                             GError     **error);
gboolean rc_jwt_get_expiry  (const char  *token,
                             gint64      *exp);

G_END_DECLS
