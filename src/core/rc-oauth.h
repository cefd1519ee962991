/* rc-oauth.h: OAuth 2.0 client credentials: the token request and response
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "rc-auth.h"
#include "rc-token.h"

G_BEGIN_DECLS

#define RC_OAUTH_ERROR (rc_oauth_error_quark ())

/**
 * RcOAuthError:
 * @RC_OAUTH_ERROR_SETTINGS: the settings cannot make a token request
 *   (no token URL, no client ID, an http:// URL that is not loopback)
 * @RC_OAUTH_ERROR_REDIRECTED: the server answered with a redirect
 * @RC_OAUTH_ERROR_REFUSED: the server answered with an OAuth 2.0 error
 * @RC_OAUTH_ERROR_BAD_RESPONSE: the answer is not a usable token response
 * @RC_OAUTH_ERROR_UNSUPPORTED_TOKEN_TYPE: the token is not a Bearer token
 * @RC_OAUTH_ERROR_NETWORK: the server could not be reached; the error
 *   behind it is rc_oauth_error_get_cause()
 * @RC_OAUTH_ERROR_TOO_LARGE: the answer is larger than any token response
 *   (%RC_HTTP_MAX_TOKEN_RESPONSE_SIZE); it was not read to its end
 * @RC_OAUTH_ERROR_REFUSED_BEFORE: not sent: the server refused the same
 *   request for good before (rc_token_cache_set_remember_refusals())
 */
typedef enum {
  RC_OAUTH_ERROR_SETTINGS,
  RC_OAUTH_ERROR_REDIRECTED,
  RC_OAUTH_ERROR_REFUSED,
  RC_OAUTH_ERROR_BAD_RESPONSE,
  RC_OAUTH_ERROR_UNSUPPORTED_TOKEN_TYPE,
  RC_OAUTH_ERROR_NETWORK,
  RC_OAUTH_ERROR_TOO_LARGE,
  RC_OAUTH_ERROR_REFUSED_BEFORE,
} RcOAuthError;

GQuark       rc_oauth_error_quark            (void);
const GError *rc_oauth_error_get_cause       (const GError  *error);
void         rc_oauth_error_set_cause        (GError        *error,
                                              const GError  *cause);

char        *rc_oauth_form_encode            (const char    *value);
char        *rc_oauth_basic_credentials      (const char    *user,
                                              const char    *secret,
                                              gboolean       raw);
gboolean     rc_oauth_uri_is_loopback        (GUri          *uri);
gboolean     rc_oauth_check_token_url        (const char    *token_url,
                                              GError       **error);
gboolean     rc_oauth_check_auth_token_url   (RcAuth        *auth,
                                              GError       **error);
char        *rc_oauth_check_token_param      (const char    *name);
gboolean     rc_oauth_client_auth_is_jwt     (RcClientAuth   client_auth);
char        *rc_oauth_build_token_body       (RcAuth        *auth,
                                              const char    *secret,
                                              const char    *assertion);
SoupMessage *rc_oauth_new_token_message      (RcAuth        *auth,
                                              const char    *secret,
                                              RcBasicForm    form,
                                              GBytes       **body_out,
                                              GError       **error);
RcToken     *rc_oauth_parse_token_response   (RcAuth        *auth,
                                              SoupMessage   *message,
                                              GBytes        *body,
                                              gboolean       encoding_changes,
                                              GError       **error);

G_END_DECLS
