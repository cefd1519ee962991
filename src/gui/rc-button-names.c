/* rc-button-names.c: a button is named by the label it shows
 *
 * GTK 4.8 gives a button whose label has a mnemonic (use-underline) two
 * names at once, which AT-SPI joins: its label as written, underscore and
 * all (the accessible label property), and what the label inside shows,
 * which labels the button (labelled-by), so a screen reader announces
 * “_Finish Finish”. The row whose activatable widget the button is labels
 * it instead of its own label (“_Choose a File… File”). A button given a
 * label as its child rather than as its label (AdwAboutWindow's version)
 * gets no name at all.
 *
 * Once installed, every button of the process whose child is a label
 * (libadwaita's, such as a message dialog's responses, as much as ours) is
 * named, as it is mapped, by the text that label shows, and by nothing
 * else. A button whose child is something else (an icon, AdwButtonContent)
 * is left alone: it names itself, or its tooltip does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include "rc-button-names.h"

static gboolean
widget_mapped_hook (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkWidget *label;

  if (!GTK_IS_BUTTON (widget))
    return TRUE;

  label = gtk_button_get_child (GTK_BUTTON (widget));
  if (!GTK_IS_LABEL (label))
    return TRUE;

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  return TRUE;
}

/**
 * rc_button_names_install:
 *
 * Names each button that shows a label by that label's text, from now on.
 * Once is enough; more is harmless.
 */
void
rc_button_names_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* The class makes the signal, and may not be made yet. */
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  widget_mapped_hook, NULL, NULL);
      g_type_class_unref (widget_class);
      g_once_init_leave (&installed, 1);
    }
}
