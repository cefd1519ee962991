/* rc-client-cert.h: the client certificate of mutual TLS client authentication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "rc-auth.h"

G_BEGIN_DECLS

#define RC_CLIENT_CERT_ERROR (rc_client_cert_error_quark ())

/**
 * RcClientCertError:
 * @RC_CLIENT_CERT_ERROR_NO_CERTIFICATE: no certificate file is set
 * @RC_CLIENT_CERT_ERROR_NO_KEY: no key file is set and none is in the keyring
 * @RC_CLIENT_CERT_ERROR_UNREADABLE: a file cannot be read
 * @RC_CLIENT_CERT_ERROR_INVALID: a file holds no PEM certificate or key
 * @RC_CLIENT_CERT_ERROR_MISMATCH: the key is not the certificate's
 */
typedef enum {
  RC_CLIENT_CERT_ERROR_NO_CERTIFICATE,
  RC_CLIENT_CERT_ERROR_NO_KEY,
  RC_CLIENT_CERT_ERROR_UNREADABLE,
  RC_CLIENT_CERT_ERROR_INVALID,
  RC_CLIENT_CERT_ERROR_MISMATCH,
} RcClientCertError;

GQuark           rc_client_cert_error_quark (void);

gboolean         rc_client_cert_is_used     (RcAuth           *auth);
GTlsCertificate *rc_client_cert_load        (RcAuth           *auth,
                                             const char       *key_pem,
                                             GError          **error);
const char      *rc_client_cert_get_file    (GTlsCertificate  *certificate);
void             rc_client_cert_present     (SoupMessage      *message,
                                             GTlsCertificate  *certificate);
GTlsCertificate *rc_client_cert_get_presented (SoupMessage    *message);
char            *rc_client_cert_describe    (GTlsCertificate  *certificate);

G_END_DECLS
