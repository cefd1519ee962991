/* rc-test-panel.c: the Test tab: test values, the Test button, the response and the inspector
 *
 * SCAFFOLD: the type exists so that other widgets can hold it; its owner
 * replaces this file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-test-panel.h"

struct _RcTestPanel
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (RcTestPanel, rc_test_panel, GTK_TYPE_BOX)

static void
rc_test_panel_class_init (RcTestPanelClass *klass)
{
}

static void
rc_test_panel_init (RcTestPanel *self)
{
}

GtkWidget *
rc_test_panel_new (void)
{
  return g_object_new (RC_TYPE_TEST_PANEL, NULL);
}

void
rc_test_panel_set_method (RcTestPanel *self,
                          RcMethod    *method,
                          const char  *project_id)
{
}

void
rc_test_panel_run (RcTestPanel *self)
{
}

void
rc_test_panel_cancel (RcTestPanel *self)
{
}
