/* rc-source-style.c: a source buffer's colours follow the light or dark style
 *
 * The body editor and the response view highlight with GtkSourceView's
 * Adwaita schemes; this picks the one for the current style and switches
 * when the user (or the system) changes it, for as long as the buffer
 * lives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <adwaita.h>

#include "rc-source-style.h"

static void
update_scheme (GtkSourceBuffer *buffer)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

/**
 * rc_source_style_follow:
 *
 * Gives @buffer the scheme of the current style now, and the other one
 * whenever the style changes until @buffer is finalized.
 */
void
rc_source_style_follow (GtkSourceBuffer *buffer)
{
  g_return_if_fail (GTK_SOURCE_IS_BUFFER (buffer));

  update_scheme (buffer);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), buffer, G_CONNECT_SWAPPED);
}
