/* rc-method-dialog.h: consume a single method: the method editor in a dialog, and Finish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_METHOD_DIALOG (rc_method_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RcMethodDialog, rc_method_dialog, RC, METHOD_DIALOG, AdwWindow)

GtkWidget *rc_method_dialog_new        (GtkWindow      *parent,
                                        RcContext      *context,
                                        RcProject      *project,
                                        RcApi          *api);
RcMethod  *rc_method_dialog_get_method (RcMethodDialog *self);

void       rc_method_dialog_set_target_follows_url (RcMethodDialog *self,
                                                    gboolean        follows);

G_END_DECLS
