/* rc-import-summary.h: what an OpenAPI document holds, before it is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_IMPORT_SUMMARY (rc_import_summary_get_type ())

G_DECLARE_FINAL_TYPE (RcImportSummary, rc_import_summary, RC, IMPORT_SUMMARY, GtkWidget)

void        rc_import_summary_set_document  (RcImportSummary *self,
                                             RcOpenApi       *open_api);
void        rc_import_summary_set_selection (RcImportSummary *self,
                                             GPtrArray       *operations);
const char *rc_import_summary_get_name      (RcImportSummary *self);
const char *rc_import_summary_get_base_url  (RcImportSummary *self);
gboolean    rc_import_summary_is_complete   (RcImportSummary *self);
const RcOpenApiServer *rc_import_summary_get_server (RcImportSummary *self);
GPtrArray  *rc_import_summary_dup_variables (RcImportSummary *self);

G_END_DECLS
