/* rc-test-keys.c: private keys the tests make, never kept in the tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gnutls/gnutls.h>

#include "rc-test-keys.h"

/**
 * rc_test_generate_key:
 * @pk: %GNUTLS_PK_RSA (2048 bits) or %GNUTLS_PK_ECDSA (P-256)
 * @pubkey: (out) (optional): its public half, to deinit
 *
 * Returns: (transfer full): a new private key, as PEM
 */
char *
rc_test_generate_key (gnutls_pk_algorithm_t  pk,
                      gnutls_pubkey_t       *pubkey)
{
  gnutls_privkey_t key;
  gnutls_x509_privkey_t x509;
  gnutls_datum_t pem = { NULL, 0 };
  unsigned int bits = pk == GNUTLS_PK_ECDSA ? GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1)
                                            : 2048;
  char *text;

  g_assert_cmpint (gnutls_privkey_init (&key), ==, 0);
  g_assert_cmpint (gnutls_privkey_generate (key, pk, bits, 0), ==, 0);
  g_assert_cmpint (gnutls_privkey_export_x509 (key, &x509), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_export2 (x509, GNUTLS_X509_FMT_PEM, &pem), ==, 0);
  if (pubkey)
    {
      g_assert_cmpint (gnutls_pubkey_init (pubkey), ==, 0);
      g_assert_cmpint (gnutls_pubkey_import_privkey (*pubkey, key, 0, 0), ==, 0);
    }

  text = g_strndup ((const char *) pem.data, pem.size);
  gnutls_free (pem.data);
  gnutls_x509_privkey_deinit (x509);
  gnutls_privkey_deinit (key);

  return text;
}
