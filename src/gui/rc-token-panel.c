/* rc-token-panel.c: the access token of an API with OAuth 2.0: its state, scopes and claims
 *
 * SCAFFOLD: the type exists so that other widgets can hold it; its owner
 * replaces this file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-token-panel.h"

struct _RcTokenPanel
{
  AdwPreferencesGroup parent_instance;
};

G_DEFINE_FINAL_TYPE (RcTokenPanel, rc_token_panel, ADW_TYPE_PREFERENCES_GROUP)

static void
rc_token_panel_class_init (RcTokenPanelClass *klass)
{
}

static void
rc_token_panel_init (RcTokenPanel *self)
{
}

GtkWidget *
rc_token_panel_new (void)
{
  return g_object_new (RC_TYPE_TOKEN_PANEL, NULL);
}

void
rc_token_panel_set_api (RcTokenPanel *self,
                        RcApi        *api,
                        const char   *project_id)
{
}
