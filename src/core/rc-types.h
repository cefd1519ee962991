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
 * @RC_CLIENT_AUTH_SECRET_JWT: send a JWT assertion signed HS256 with the
 *   client secret (RFC 7523, `client_secret_jwt`)
 * @RC_CLIENT_AUTH_PRIVATE_KEY_JWT: send a JWT assertion signed with the
 *   client's private key (RFC 7523, `private_key_jwt`)
 * @RC_CLIENT_AUTH_TLS: present a client certificate in the TLS handshake and send
 *   `client_id` in the body (RFC 8705 tls_client_auth)
 */
typedef enum {
  RC_CLIENT_AUTH_BASIC_HEADER,
  RC_CLIENT_AUTH_BODY,
  RC_CLIENT_AUTH_SECRET_JWT,
  RC_CLIENT_AUTH_PRIVATE_KEY_JWT,
  RC_CLIENT_AUTH_TLS,
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

/**
 * RcJwtAlg:
 * @RC_JWT_ALG_AUTO: the algorithm that fits the private key: RS256 for
 *   an RSA key, PS256 for an RSA-PSS key, ES256 for a P-256 key
 * @RC_JWT_ALG_RS256: RSASSA-PKCS1-v1_5 with SHA-256
 * @RC_JWT_ALG_ES256: ECDSA on P-256 with SHA-256
 * @RC_JWT_ALG_PS256: RSASSA-PSS with SHA-256 (salt of 32 bytes)
 *
 * What signs a `private_key_jwt` client assertion.
 */
typedef enum {
  RC_JWT_ALG_AUTO,
  RC_JWT_ALG_RS256,
  RC_JWT_ALG_ES256,
  RC_JWT_ALG_PS256,
} RcJwtAlg;

G_END_DECLS
