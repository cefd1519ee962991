/* rc-delete-dialog.h: asks before deleting an API or a method, then deletes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_DELETE_DIALOG (rc_delete_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RcDeleteDialog, rc_delete_dialog, RC, DELETE_DIALOG, AdwMessageDialog)

GtkWidget *rc_delete_dialog_new      (GtkWindow      *parent,
                                      RcContext      *context,
                                      RcProject      *project,
                                      GObject        *item);
GObject   *rc_delete_dialog_get_item (RcDeleteDialog *self);

G_END_DECLS
