/* rc-response-save.h: Save Response…: a file chooser, then the whole body written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void   rc_response_save_async  (GtkWidget           *parent,
                                GBytes              *body,
                                const char          *content_type,
                                const char          *url,
                                GFile               *folder,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
GFile *rc_response_save_finish (GAsyncResult        *result,
                                GError             **error);

G_END_DECLS
