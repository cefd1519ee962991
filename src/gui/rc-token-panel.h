/* rc-token-panel.h: the access token of an API with OAuth 2.0: its state, scopes and claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_TOKEN_PANEL (rc_token_panel_get_type ())

G_DECLARE_FINAL_TYPE (RcTokenPanel, rc_token_panel, RC, TOKEN_PANEL, AdwPreferencesGroup)

GtkWidget *rc_token_panel_new         (RcContext    *context);
void       rc_token_panel_set_context (RcTokenPanel *self,
                                       RcContext    *context);
void       rc_token_panel_set_ready   (RcTokenPanel *self,
                                       gboolean      ready);
void       rc_token_panel_set_api     (RcTokenPanel *self,
                                       RcApi        *api,
                                       const char   *project_id);

G_END_DECLS
