/* rc-sidebar.h: the project's APIs and their methods, as a tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_SIDEBAR (rc_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (RcSidebar, rc_sidebar, RC, SIDEBAR, GtkWidget)

GtkWidget *rc_sidebar_new               (void);
RcProject *rc_sidebar_get_project       (RcSidebar *self);
void       rc_sidebar_set_project       (RcSidebar *self,
                                         RcProject *project);
GObject   *rc_sidebar_get_selected_item (RcSidebar *self);
void       rc_sidebar_select_item       (RcSidebar *self,
                                         GObject   *item);
RcApi     *rc_sidebar_get_selected_api  (RcSidebar *self);
gboolean   rc_sidebar_get_menu_on_root  (RcSidebar *self);

G_END_DECLS
