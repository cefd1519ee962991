/* rc-switcher-title.h: a header bar's title, with a view stack's tabs beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RC_TYPE_SWITCHER_TITLE (rc_switcher_title_get_type ())

G_DECLARE_FINAL_TYPE (RcSwitcherTitle, rc_switcher_title, RC, SWITCHER_TITLE, GtkWidget)

GtkWidget    *rc_switcher_title_new               (void);
const char   *rc_switcher_title_get_title         (RcSwitcherTitle *self);
void          rc_switcher_title_set_title         (RcSwitcherTitle *self,
                                                   const char      *title);
const char   *rc_switcher_title_get_subtitle      (RcSwitcherTitle *self);
void          rc_switcher_title_set_subtitle      (RcSwitcherTitle *self,
                                                   const char      *subtitle);
AdwViewStack *rc_switcher_title_get_stack         (RcSwitcherTitle *self);
void          rc_switcher_title_set_stack         (RcSwitcherTitle *self,
                                                   AdwViewStack    *stack);
gboolean      rc_switcher_title_get_title_visible (RcSwitcherTitle *self);
int           rc_switcher_title_get_tabs_width    (RcSwitcherTitle *self,
                                                   gboolean         title_cut);

G_END_DECLS
