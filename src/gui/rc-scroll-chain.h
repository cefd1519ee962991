/* rc-scroll-chain.h: a scrolled pane inside a scrolled page lets the page scroll at its ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rc_scroll_chain_attach (GtkScrolledWindow *pane);

G_END_DECLS
