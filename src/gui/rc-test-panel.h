/* rc-test-panel.h: the Test tab: test values, the Test button, the response and the inspector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_TEST_PANEL (rc_test_panel_get_type ())

G_DECLARE_FINAL_TYPE (RcTestPanel, rc_test_panel, RC, TEST_PANEL, GtkBox)

GtkWidget *rc_test_panel_new             (RcContext   *context);
void       rc_test_panel_set_context     (RcTestPanel *self,
                                          RcContext   *context);
RcMethod  *rc_test_panel_get_method      (RcTestPanel *self);
void       rc_test_panel_set_method      (RcTestPanel *self,
                                          RcMethod    *method,
                                          const char  *project_id);
void       rc_test_panel_set_api_auth_here (RcTestPanel *self,
                                            gboolean     here);
void       rc_test_panel_set_save_folder (RcTestPanel *self,
                                          GFile       *folder);
void       rc_test_panel_run             (RcTestPanel *self);
void       rc_test_panel_cancel          (RcTestPanel *self);

G_END_DECLS
