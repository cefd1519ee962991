/* rc-pem-chooser.c: a file chooser for a PEM file (a key, a certificate)
 *
 * The private key and certificate rows choose a file to name, the secret
 * row one to import into the keyring: each opens the same chooser, modal
 * on the widget's window, PEM files first, all files a filter away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-pem-chooser.h"

/**
 * rc_pem_chooser_new:
 * @widget: the widget whose window the chooser is modal on
 * @title: the chooser's title
 * @accept_label: its button that takes the file, with a mnemonic
 *
 * Returns: (transfer full): a new chooser that opens a file, not yet shown
 */
GtkFileChooserNative *
rc_pem_chooser_new (GtkWidget  *widget,
                    const char *title,
                    const char *accept_label)
{
  g_autoptr(GtkFileFilter) pem = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title,
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, accept_label,
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (pem, _("PEM files"));
  gtk_file_filter_add_suffix (pem, "pem");
  gtk_file_filter_add_suffix (pem, "crt");
  gtk_file_filter_add_suffix (pem, "cer");
  gtk_file_filter_add_suffix (pem, "key");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), pem);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  return native;
}
