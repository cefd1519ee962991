/* rc-import-dialog.h: adds methods to a project from an OpenAPI document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

#include "rc-window.h"

G_BEGIN_DECLS

#define RC_TYPE_IMPORT_DIALOG (rc_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RcImportDialog, rc_import_dialog, RC, IMPORT_DIALOG, AdwWindow)

GtkWidget  *rc_import_dialog_new          (RcWindow       *window);
void        rc_import_dialog_load_file    (RcImportDialog *self,
                                           GFile          *file);
void        rc_import_dialog_load_url     (RcImportDialog *self,
                                           const char     *url);
RcOpenApi  *rc_import_dialog_get_open_api (RcImportDialog *self);
GListModel *rc_import_dialog_get_items    (RcImportDialog *self);

G_END_DECLS
