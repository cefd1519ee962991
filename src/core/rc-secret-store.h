/* rc-secret-store.h: secrets in the system keyring, never in a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rc-secret-binding.h"

G_BEGIN_DECLS

#define RC_SECRET_STORE_ERROR (rc_secret_store_error_quark ())

/**
 * RcSecretStoreError:
 * @RC_SECRET_STORE_ERROR_UNAVAILABLE: no keyring could be used (no Secret
 *   Service, a locked keyring, an unlock prompt dismissed); the secret is
 *   kept in memory for this session only
 * @RC_SECRET_STORE_ERROR_MISMATCH: a secret is stored, but for another
 *   origin or login than the one it would now be sent to (or, stored by
 *   an earlier Restcall, for none): it was not handed out
 */
typedef enum {
  RC_SECRET_STORE_ERROR_UNAVAILABLE,
  RC_SECRET_STORE_ERROR_MISMATCH,
} RcSecretStoreError;

#define RC_TYPE_SECRET_STORE (rc_secret_store_get_type ())

G_DECLARE_FINAL_TYPE (RcSecretStore, rc_secret_store, RC, SECRET_STORE, GObject)

GQuark         rc_secret_store_error_quark      (void);

RcSecretStore *rc_secret_store_new              (void);

void           rc_secret_store_store_async      (RcSecretStore        *self,
                                                 const char           *project_id,
                                                 const char           *owner_id,
                                                 const char           *secret_id,
                                                 const RcSecretBinding *binding,
                                                 const char           *label,
                                                 const char           *secret,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       rc_secret_store_store_finish     (RcSecretStore        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void           rc_secret_store_lookup_async     (RcSecretStore        *self,
                                                 const char           *project_id,
                                                 const char           *secret_id,
                                                 const RcSecretBinding *binding,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
char          *rc_secret_store_lookup_finish    (RcSecretStore        *self,
                                                 GAsyncResult         *result,
                                                 RcSecretBinding     **saved_for,
                                                 GError              **error);
void           rc_secret_store_rebind_async     (RcSecretStore        *self,
                                                 const char           *project_id,
                                                 const char           *secret_id,
                                                 const RcSecretBinding *binding,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       rc_secret_store_rebind_finish    (RcSecretStore        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void           rc_secret_store_clear_async      (RcSecretStore        *self,
                                                 const char           *project_id,
                                                 const char           *secret_id,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       rc_secret_store_clear_finish     (RcSecretStore        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void           rc_secret_store_clear_owner_async  (RcSecretStore      *self,
                                                   const char         *project_id,
                                                   const char         *owner_id,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean       rc_secret_store_clear_owner_finish (RcSecretStore      *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);
gboolean       rc_secret_store_is_session_only  (RcSecretStore        *self,
                                                 const char           *project_id,
                                                 const char           *secret_id);
gboolean       rc_secret_store_get_busy         (RcSecretStore        *self);

void           rc_secret_free                   (char                 *secret);

G_END_DECLS
