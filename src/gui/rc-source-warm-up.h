/* rc-source-warm-up.h: GtkSourceView's definitions read once a window is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     rc_source_warm_up_after_frame (GtkWidget *widget);
gboolean rc_source_warm_up_is_done     (void);

G_END_DECLS
