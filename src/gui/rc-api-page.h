/* rc-api-page.h: edits an API: name, base URL, authentication, headers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rc-auth-group.h"
#include "rc-page.h"
#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_API_PAGE (rc_api_page_get_type ())

G_DECLARE_FINAL_TYPE (RcApiPage, rc_api_page, RC, API_PAGE, RcPage)

GtkWidget   *rc_api_page_new            (RcContext *context);
void         rc_api_page_set_context    (RcApiPage *self,
                                         RcContext *context);
RcApi       *rc_api_page_get_api        (RcApiPage *self);
void         rc_api_page_set_api        (RcApiPage *self,
                                         RcProject *project,
                                         RcApi     *api);
void         rc_api_page_focus_name     (RcApiPage *self);
void         rc_api_page_focus_headers  (RcApiPage *self);
RcAuthGroup *rc_api_page_get_auth_group (RcApiPage *self);

G_END_DECLS
