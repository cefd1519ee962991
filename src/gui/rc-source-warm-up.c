/* rc-source-warm-up.c: GtkSourceView's definitions read once a window is drawn
 *
 * The first body editor or response view built would otherwise read every
 * language file's header, then JSON's whole definition (validated against
 * its schema, its patterns compiled) and every style scheme, in the click
 * that shows it. Once the first window has drawn its first frame, this
 * reads them at low priority instead, one step per idle turn, so that
 * neither start-up nor that click pays for it.
 *
 * GtkSourceView forgets a language's definition once no buffer uses it, so
 * a buffer with the JSON language is kept for as long as the process runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <gtksourceview/gtksource.h>

#include "rc-source-warm-up.h"

typedef void (*WarmUpStep) (void);

static gboolean started;
static guint next_step;
static GtkSourceBuffer *json_buffer;  /* holds JSON's definition read */

/* Every language file's header. */
static void
read_languages (void)
{
  gtk_source_init ();
  gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (), "json");
}

/* Every style scheme. */
static void
read_schemes (void)
{
  gtk_source_style_scheme_manager_get_scheme (gtk_source_style_scheme_manager_get_default (),
                                              "Adwaita");
}

/* JSON's whole definition. */
static void
read_json (void)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  json_buffer =
    gtk_source_buffer_new_with_language (gtk_source_language_manager_get_language (languages,
                                                                                   "json"));
}

static const WarmUpStep steps[] = { read_languages, read_schemes, read_json };

static gboolean
warm_up_cb (gpointer user_data)
{
  steps[next_step++] ();
  if (next_step < G_N_ELEMENTS (steps))
    return G_SOURCE_CONTINUE;

  g_debug ("GtkSourceView's definitions read");
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  if (started)
    return;

  started = TRUE;
  g_idle_add_full (G_PRIORITY_LOW, warm_up_cb, NULL, NULL);
}

/**
 * rc_source_warm_up_after_frame:
 * @widget: a realized widget, a window being shown
 *
 * Reads GtkSourceView's definitions at low priority once @widget has drawn
 * its next frame, unless they were read already (or are being read).
 */
void
rc_source_warm_up_after_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  clock = gtk_widget_get_frame_clock (widget);
  if (started || clock == NULL)
    return;

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

/**
 * rc_source_warm_up_is_done:
 *
 * Returns: whether GtkSourceView's definitions were read
 */
gboolean
rc_source_warm_up_is_done (void)
{
  return json_buffer != NULL;
}
