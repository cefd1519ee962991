/* rc-secret-row.h: whether an auth's secret is in the keyring, and forgetting it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_SECRET_ROW (rc_secret_row_get_type ())

G_DECLARE_FINAL_TYPE (RcSecretRow, rc_secret_row, RC, SECRET_ROW, AdwActionRow)

GtkWidget *rc_secret_row_new         (RcContext   *context);
void       rc_secret_row_set_context (RcSecretRow *self,
                                      RcContext   *context);
void       rc_secret_row_set_auth    (RcSecretRow *self,
                                      RcAuth      *auth,
                                      const char  *project_id,
                                      GObject     *owner);
gboolean   rc_secret_row_get_stored  (RcSecretRow *self);
void       rc_secret_row_store       (RcSecretRow *self,
                                      const char  *secret);

G_END_DECLS
