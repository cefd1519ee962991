/* rc-page.h: a scrolled column of groups at the window's one content width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Every page and tab of a method or an API is this wide at most; the Body
 * tab, which does not scroll, clamps its own boxes to the same figures. */
#define RC_PAGE_MAXIMUM_WIDTH 800
#define RC_PAGE_TIGHTENING_THRESHOLD 600

#define RC_TYPE_PAGE (rc_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (RcPage, rc_page, RC, PAGE, GtkWidget)

struct _RcPageClass
{
  GtkWidgetClass parent_class;
};

GtkWidget *rc_page_new              (void);
void       rc_page_add              (RcPage    *self,
                                     GtkWidget *child);
void       rc_page_insert_before    (RcPage    *self,
                                     GtkWidget *child,
                                     GtkWidget *sibling);
void       rc_page_scroll_to_widget (RcPage    *self,
                                     GtkWidget *widget);

G_END_DECLS
