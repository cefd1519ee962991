/* rc-method-page.h: edits a method: name, verb, URL, description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_METHOD_PAGE (rc_method_page_get_type ())

G_DECLARE_FINAL_TYPE (RcMethodPage, rc_method_page, RC, METHOD_PAGE, AdwPreferencesPage)

GtkWidget *rc_method_page_new        (void);
RcMethod  *rc_method_page_get_method (RcMethodPage *self);
void       rc_method_page_set_method (RcMethodPage *self,
                                      RcMethod     *method);
void       rc_method_page_focus_name (RcMethodPage *self);

G_END_DECLS
