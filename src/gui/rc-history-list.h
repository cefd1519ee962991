/* rc-history-list.h: a method's calls from the history, newest first, on the Test tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_HISTORY_LIST (rc_history_list_get_type ())

G_DECLARE_FINAL_TYPE (RcHistoryList, rc_history_list, RC, HISTORY_LIST, AdwPreferencesGroup)

GtkWidget *rc_history_list_new        (RcContext     *context);
void       rc_history_list_set_method (RcHistoryList *self,
                                       RcMethod      *method,
                                       const char    *project_id);
guint      rc_history_list_get_n_entries (RcHistoryList *self);

G_END_DECLS
