/* rc-pem-chooser.h: a file chooser for a PEM file (a key, a certificate)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *rc_pem_chooser_new (GtkWidget  *widget,
                                          const char *title,
                                          const char *accept_label);

G_END_DECLS
