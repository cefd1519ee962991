/* rc-import-row.h: a row of the import dialog's list: a tag or an operation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rc-import-item.h"

G_BEGIN_DECLS

#define RC_TYPE_IMPORT_ROW (rc_import_row_get_type ())

G_DECLARE_FINAL_TYPE (RcImportRow, rc_import_row, RC, IMPORT_ROW, GtkWidget)

GtkWidget    *rc_import_row_new      (void);
RcImportItem *rc_import_row_get_item (RcImportRow  *self);
void          rc_import_row_set_item (RcImportRow  *self,
                                      RcImportItem *item);

G_END_DECLS
