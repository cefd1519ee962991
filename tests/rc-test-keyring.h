/* rc-test-keyring.h: the keyring as tests see it, beside the app's own view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsecret/secret.h>

#include "restcall-core.h"

G_BEGIN_DECLS

void      rc_test_keyring_require_session (void);
gboolean  rc_test_keyring_store        (RcSecretStore  *store,
                                        const char     *project_id,
                                        const char     *owner_id,
                                        const char     *secret_id,
                                        const RcSecretBinding *binding,
                                        const char     *secret,
                                        GError        **error);
void      rc_test_keyring_store_unbound (const char    *project_id,
                                        const char     *owner_id,
                                        const char     *secret_id,
                                        const char     *secret);
RcSecretBinding *rc_test_keyring_get_binding (const char *project_id,
                                        const char     *secret_id);
char     *rc_test_keyring_lookup       (RcSecretStore  *store,
                                        const char     *project_id,
                                        const char     *secret_id,
                                        GError        **error);
gboolean  rc_test_keyring_clear        (RcSecretStore  *store,
                                        const char     *project_id,
                                        const char     *secret_id,
                                        GError        **error);
gboolean  rc_test_keyring_clear_owner  (RcSecretStore  *store,
                                        const char     *project_id,
                                        const char     *owner_id,
                                        GError        **error);
GList    *rc_test_keyring_search       (const char     *project_id,
                                        const char     *owner_id);
guint     rc_test_keyring_count        (const char     *project_id,
                                        const char     *owner_id);
gboolean  rc_test_keyring_wait_for     (RcSecretStore  *store,
                                        const char     *project_id,
                                        const char     *secret_id,
                                        const char     *wanted);
gboolean  rc_test_keyring_wait_idle    (RcSecretStore  *store);
GPid      rc_test_keyring_daemon_pid   (void);
gboolean  rc_test_file_contains        (const char     *path,
                                        const char     *needle);

G_END_DECLS
