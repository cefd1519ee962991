/* rc-test-keys.h: private keys the tests make, never kept in the tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <gnutls/abstract.h>

G_BEGIN_DECLS

char *rc_test_generate_key (gnutls_pk_algorithm_t  pk,
                            gnutls_pubkey_t       *pubkey);

G_END_DECLS
