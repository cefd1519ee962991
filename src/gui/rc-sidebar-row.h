/* rc-sidebar-row.h: one row of the sidebar: an API or a method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RC_TYPE_SIDEBAR_ROW (rc_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (RcSidebarRow, rc_sidebar_row, RC, SIDEBAR_ROW, GtkWidget)

GtkWidget *rc_sidebar_row_new      (void);
GObject   *rc_sidebar_row_get_item (RcSidebarRow *self);
void       rc_sidebar_row_set_item (RcSidebarRow *self,
                                    GObject      *item);

G_END_DECLS
