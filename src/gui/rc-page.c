/* rc-page.c: a scrolled column of groups at the window's one content width
 *
 * What AdwPreferencesPage does, at the width that every page and tab of
 * the window and of the Consume dialog shares: AdwPreferencesPage (1.2)
 * clamps at 600 px and cannot be told otherwise, and the Test tab's
 * inspector needs more. Children given in a .ui file or to rc_page_add()
 * go one under the other, 24 px apart, all starting at one left edge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include "rc-page.h"

typedef struct
{
  GtkScrolledWindow *scroller;
  GtkBox            *box;
} RcPagePrivate;

static void rc_page_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (RcPage, rc_page, GTK_TYPE_WIDGET,
                         G_ADD_PRIVATE (RcPage)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, rc_page_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
rc_page_buildable_add_child (GtkBuildable *buildable,
                             GtkBuilder   *builder,
                             GObject      *child,
                             const char   *type)
{
  if (type == NULL && GTK_IS_WIDGET (child))
    rc_page_add (RC_PAGE (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
rc_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = rc_page_buildable_add_child;
}

static void
rc_page_dispose (GObject *object)
{
  RcPage *self = RC_PAGE (object);
  RcPagePrivate *priv = rc_page_get_instance_private (self);

  if (priv->scroller != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (priv->scroller));
      priv->scroller = NULL;
      priv->box = NULL;
    }

  G_OBJECT_CLASS (rc_page_parent_class)->dispose (object);
}

static void
rc_page_class_init (RcPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rc_page_init (RcPage *self)
{
  RcPagePrivate *priv = rc_page_get_instance_private (self);
  GtkWidget *clamp;

  priv->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_top (GTK_WIDGET (priv->box), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (priv->box), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (priv->box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (priv->box), 12);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), RC_PAGE_MAXIMUM_WIDTH);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), RC_PAGE_TIGHTENING_THRESHOLD);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (priv->box));

  priv->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (priv->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (GTK_WIDGET (priv->scroller), TRUE);
  gtk_scrolled_window_set_child (priv->scroller, clamp);
  gtk_widget_set_parent (GTK_WIDGET (priv->scroller), GTK_WIDGET (self));
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
rc_page_new (void)
{
  return g_object_new (RC_TYPE_PAGE, NULL);
}

/**
 * rc_page_add:
 * @child: a group or any widget
 *
 * Puts @child at the bottom of the page.
 */
void
rc_page_add (RcPage    *self,
             GtkWidget *child)
{
  RcPagePrivate *priv;

  g_return_if_fail (RC_IS_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  priv = rc_page_get_instance_private (self);
  gtk_box_append (priv->box, child);
}

/**
 * rc_page_insert_before:
 * @child: a widget not yet on the page
 * @sibling: a child of the page
 *
 * Puts @child just above @sibling.
 */
void
rc_page_insert_before (RcPage    *self,
                       GtkWidget *child,
                       GtkWidget *sibling)
{
  RcPagePrivate *priv;

  g_return_if_fail (RC_IS_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (GTK_IS_WIDGET (sibling));

  priv = rc_page_get_instance_private (self);
  g_return_if_fail (gtk_widget_get_parent (sibling) == GTK_WIDGET (priv->box));

  gtk_box_insert_child_after (priv->box, child, gtk_widget_get_prev_sibling (sibling));
}

/**
 * rc_page_scroll_to_widget:
 * @widget: a widget inside the page
 *
 * Scrolls the page so that @widget's top is at the top of the view, or as
 * near as the page's length allows.
 */
void
rc_page_scroll_to_widget (RcPage    *self,
                          GtkWidget *widget)
{
  RcPagePrivate *priv;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_return_if_fail (RC_IS_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  priv = rc_page_get_instance_private (self);
  if (!gtk_widget_compute_point (widget, GTK_WIDGET (priv->box),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return;

  /* The box's own top margin stays above the widget, as above the first. */
  adjustment = gtk_scrolled_window_get_vadjustment (priv->scroller);
  gtk_adjustment_set_value (adjustment, point.y);
}
