/* rc-types.h: forward declarations of the core types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _RcApi      RcApi;
typedef struct _RcAuth     RcAuth;
typedef struct _RcMethod   RcMethod;
typedef struct _RcPair     RcPair;
typedef struct _RcPairList RcPairList;
typedef struct _RcProject  RcProject;

/**
 * RcAuthKind:
 * @RC_AUTH_KIND_NONE: no authentication
 * @RC_AUTH_KIND_BASIC: HTTP Basic authentication (user name and password)
 * @RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS: OAuth 2.0 client credentials grant
 */
typedef enum {
  RC_AUTH_KIND_NONE,
  RC_AUTH_KIND_BASIC,
  RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS,
} RcAuthKind;

/**
 * RcClientAuth:
 * @RC_CLIENT_AUTH_BASIC_HEADER: send the client credentials as a Basic Auth header
 * @RC_CLIENT_AUTH_BODY: send `client_id` and `client_secret` in the token request body
 */
typedef enum {
  RC_CLIENT_AUTH_BASIC_HEADER,
  RC_CLIENT_AUTH_BODY,
} RcClientAuth;

G_END_DECLS
