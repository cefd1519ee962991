/* rc-method-editor.h: the tabs that edit a method: Request, Headers and Authentication, Body, Test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rc-auth-group.h"
#include "rc-switcher-title.h"
#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_METHOD_EDITOR (rc_method_editor_get_type ())

G_DECLARE_FINAL_TYPE (RcMethodEditor, rc_method_editor, RC, METHOD_EDITOR, GtkBox)

GtkWidget    *rc_method_editor_new                (RcContext            *context);
void          rc_method_editor_set_context        (RcMethodEditor       *self,
                                                   RcContext            *context);
RcMethod     *rc_method_editor_get_method         (RcMethodEditor       *self);
void          rc_method_editor_set_method         (RcMethodEditor       *self,
                                                   RcMethod             *method,
                                                   const char           *project_id);
void          rc_method_editor_set_auth_api       (RcMethodEditor       *self,
                                                   RcApi                *api);
gboolean      rc_method_editor_get_valid          (RcMethodEditor       *self);
AdwViewStack *rc_method_editor_get_stack          (RcMethodEditor       *self);
void          rc_method_editor_set_switcher_title (RcMethodEditor       *self,
                                                   AdwViewSwitcherTitle *title);
void          rc_method_editor_set_header_title   (RcMethodEditor       *self,
                                                   RcSwitcherTitle      *title);
void          rc_method_editor_set_page           (RcMethodEditor       *self,
                                                   const char           *page);
void          rc_method_editor_focus_name         (RcMethodEditor       *self);
void          rc_method_editor_commit             (RcMethodEditor       *self);
void          rc_method_editor_add_request_group  (RcMethodEditor       *self,
                                                   AdwPreferencesGroup  *group);
RcAuthGroup  *rc_method_editor_get_auth_group     (RcMethodEditor       *self);
void          rc_method_editor_set_save_folder    (RcMethodEditor       *self,
                                                   GFile                *folder);

G_END_DECLS
