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

/**
 * RcBasicForm:
 * @RC_BASIC_FORM_AUTO: the RFC 6749 form first; the unencoded one once
 *   more when the server refuses the client and the encoding changed the
 *   credentials (rc-basic-form.c). As a remembered form: none yet.
 * @RC_BASIC_FORM_RFC: the client ID and secret form-urlencoded before they
 *   are joined and base64-encoded (RFC 6749 §2.3.1)
 * @RC_BASIC_FORM_RAW: the client ID and secret as they are (RFC 7617), for
 *   servers that compare them unencoded
 *
 * How the client credentials go into a Basic Auth header.
 */
typedef enum {
  RC_BASIC_FORM_AUTO,
  RC_BASIC_FORM_RFC,
  RC_BASIC_FORM_RAW,
} RcBasicForm;

G_END_DECLS
