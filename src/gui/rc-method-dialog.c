/* rc-method-dialog.c: consume a single method: the method editor in a dialog, and Finish
 *
 * SCAFFOLD: the type exists so that other widgets can hold it; its owner
 * replaces this file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-method-dialog.h"

struct _RcMethodDialog
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (RcMethodDialog, rc_method_dialog, ADW_TYPE_WINDOW)

static void
rc_method_dialog_class_init (RcMethodDialogClass *klass)
{
}

static void
rc_method_dialog_init (RcMethodDialog *self)
{
}

GtkWidget *
rc_method_dialog_new (GtkWindow *parent,
                      RcProject *project,
                      RcApi     *api)
{
  return g_object_new (RC_TYPE_METHOD_DIALOG, "transient-for", parent, NULL);
}
