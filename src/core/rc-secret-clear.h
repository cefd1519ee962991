/* rc-secret-clear.h: removing items from the keyring, one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsecret/secret.h>

G_BEGIN_DECLS

void     rc_secret_clear_async  (const SecretSchema  *schema,
                                 GHashTable          *attributes,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
gboolean rc_secret_clear_finish (GAsyncResult        *result,
                                 GError             **error);

G_END_DECLS
