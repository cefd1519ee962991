/* rc-auth-group.h: the rows that edit an RcAuth
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_AUTH_GROUP (rc_auth_group_get_type ())

G_DECLARE_FINAL_TYPE (RcAuthGroup, rc_auth_group, RC, AUTH_GROUP, AdwPreferencesGroup)

GtkWidget *rc_auth_group_new      (RcContext   *context);
void       rc_auth_group_set_context (RcAuthGroup *self,
                                      RcContext   *context);
RcAuth    *rc_auth_group_get_auth (RcAuthGroup *self);
void       rc_auth_group_set_auth (RcAuthGroup *self,
                                   RcAuth      *auth,
                                   const char  *project_id,
                                   GObject     *owner);
void       rc_auth_group_set_method (RcAuthGroup *self,
                                     RcMethod    *method,
                                     const char  *project_id);
gboolean   rc_auth_group_get_valid  (RcAuthGroup *self);
gboolean   rc_auth_group_has_pending_secret (RcAuthGroup *self);
void       rc_auth_group_commit     (RcAuthGroup *self);
void       rc_auth_group_focus_secret (RcAuthGroup *self);
void       rc_auth_group_set_api_link (RcAuthGroup *self,
                                       gboolean     api_link);

G_END_DECLS
