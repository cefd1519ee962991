/* rc-scroll-chain.c: a scrolled pane inside a scrolled page lets the page scroll at its ends
 *
 * A GtkScrolledWindow takes every wheel notch over it while it can scroll
 * at all, even at its end: with the pointer over the response body or an
 * inspector pane, the page under it would not move and the rest of the Test
 * tab could not be reached with the wheel (a scroll trap). Attached to a
 * pane, this passes a vertical scroll on to the scrolled window around the
 * pane whenever the pane cannot go further that way, as web browsers do
 * with a scrolled box inside a page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <math.h>

#include "rc-scroll-chain.h"

/* Whether @adjustment is at its end in the direction of @dy. */
static gboolean
at_end (GtkAdjustment *adjustment,
        double         dy)
{
  double value = gtk_adjustment_get_value (adjustment);

  if (dy > 0)
    return value >= gtk_adjustment_get_upper (adjustment) -
                    gtk_adjustment_get_page_size (adjustment) - 0.5;

  return value <= gtk_adjustment_get_lower (adjustment) + 0.5;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           gpointer                  user_data)
{
  GtkWidget *pane = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *outer;
  GtkAdjustment *adjustment;
  double delta;

  if (dy == 0 || !at_end (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (pane)), dy))
    return GDK_EVENT_PROPAGATE;

  outer = gtk_widget_get_ancestor (gtk_widget_get_parent (pane), GTK_TYPE_SCROLLED_WINDOW);
  if (outer == NULL)
    return GDK_EVENT_PROPAGATE;

  /* A notch moves the page as far as GtkScrolledWindow itself would. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));
  delta = dy;
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    delta *= pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta);

  return GDK_EVENT_STOP;
}

/**
 * rc_scroll_chain_attach:
 * @pane: a scrolled window inside another
 *
 * Makes a vertical scroll over @pane move the scrolled window around it
 * whenever @pane is at its end that way.
 */
void
rc_scroll_chain_attach (GtkScrolledWindow *pane)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (pane));

  /* In the capture phase: before the pane's own handler takes the event. */
  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (pane), controller);
}
