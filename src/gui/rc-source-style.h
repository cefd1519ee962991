/* rc-source-style.h: a source buffer's colours follow the light or dark style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

void rc_source_style_follow (GtkSourceBuffer *buffer);

G_END_DECLS
