/* rc-button-names.h: a button is named by the label it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rc_button_names_install (void);

G_END_DECLS
