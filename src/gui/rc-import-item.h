/* rc-import-item.h: one row of the import dialog's list: a tag or an operation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_IMPORT_ITEM (rc_import_item_get_type ())

G_DECLARE_FINAL_TYPE (RcImportItem, rc_import_item, RC, IMPORT_ITEM, GObject)

RcImportItem             *rc_import_item_new_tag        (const char               *tag);
RcImportItem             *rc_import_item_new_operation  (RcImportItem             *tag,
                                                         const RcOpenApiOperation *operation);
gboolean                  rc_import_item_is_tag         (RcImportItem             *self);
const char               *rc_import_item_get_tag        (RcImportItem             *self);
const RcOpenApiOperation *rc_import_item_get_operation  (RcImportItem             *self);
gboolean                  rc_import_item_get_selected   (RcImportItem             *self);
void                      rc_import_item_set_selected   (RcImportItem             *self,
                                                         gboolean                  selected);
gboolean                  rc_import_item_get_inconsistent (RcImportItem           *self);
guint                     rc_import_item_get_n_selected (RcImportItem             *self);
gboolean                  rc_import_item_matches        (RcImportItem             *self,
                                                         const char * const       *words);
void                      rc_import_item_set_n_matching (RcImportItem             *self,
                                                         guint                     n_matching);
guint                     rc_import_item_get_n_matching (RcImportItem             *self);

G_END_DECLS
