/* rc-sidebar-row.c: one row of the sidebar: an API or a method
 *
 * The row shows the item's name, and a method's verb, bound to the model so
 * that a rename shows at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "restcall-core.h"

#include "rc-sidebar-row.h"

struct _RcSidebarRow
{
  GtkWidget      parent_instance;

  GObject       *item;
  GBindingGroup *name_bindings;
  GBindingGroup *verb_bindings;

  GtkImage      *icon;
  GtkLabel      *name_label;
  GtkLabel      *verb_label;
};

G_DEFINE_FINAL_TYPE (RcSidebarRow, rc_sidebar_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
name_to_label (GBinding     *binding,
               const GValue *from_value,
               GValue       *to_value,
               gpointer      user_data)
{
  RcSidebarRow *self = user_data;
  const char *name = g_value_get_string (from_value);

  if (name != NULL && name[0] != '\0')
    g_value_set_string (to_value, name);
  else if (RC_IS_API (self->item))
    g_value_set_string (to_value, _("Unnamed API"));
  else
    g_value_set_string (to_value, _("Unnamed method"));

  return TRUE;
}

static void
rc_sidebar_row_dispose (GObject *object)
{
  RcSidebarRow *self = (RcSidebarRow *)object;

  if (self->name_bindings)
    g_binding_group_set_source (self->name_bindings, NULL);
  if (self->verb_bindings)
    g_binding_group_set_source (self->verb_bindings, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_SIDEBAR_ROW);

  g_clear_object (&self->name_bindings);
  g_clear_object (&self->verb_bindings);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (rc_sidebar_row_parent_class)->dispose (object);
}

static void
rc_sidebar_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RcSidebarRow *self = RC_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_sidebar_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RcSidebarRow *self = RC_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      rc_sidebar_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_sidebar_row_class_init (RcSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_sidebar_row_dispose;
  object_class->get_property = rc_sidebar_row_get_property;
  object_class->set_property = rc_sidebar_row_set_property;

  /**
   * RcSidebarRow:item:
   *
   * The #RcApi or #RcMethod the row shows.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RcSidebarRow, icon);
  gtk_widget_class_bind_template_child (widget_class, RcSidebarRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RcSidebarRow, verb_label);
}

static void
rc_sidebar_row_init (RcSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->name_bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->name_bindings, "name",
                             self->name_label, "label",
                             G_BINDING_SYNC_CREATE,
                             name_to_label, NULL, self, NULL);

  self->verb_bindings = g_binding_group_new ();
  g_binding_group_bind (self->verb_bindings, "verb",
                        self->verb_label, "label",
                        G_BINDING_SYNC_CREATE);
}

GtkWidget *
rc_sidebar_row_new (void)
{
  return g_object_new (RC_TYPE_SIDEBAR_ROW, NULL);
}

/**
 * rc_sidebar_row_get_item:
 *
 * Returns: (transfer none) (nullable): the #RcApi or #RcMethod shown
 */
GObject *
rc_sidebar_row_get_item (RcSidebarRow *self)
{
  g_return_val_if_fail (RC_IS_SIDEBAR_ROW (self), NULL);

  return self->item;
}

void
rc_sidebar_row_set_item (RcSidebarRow *self,
                         GObject      *item)
{
  gboolean is_method;

  g_return_if_fail (RC_IS_SIDEBAR_ROW (self));
  g_return_if_fail (item == NULL || RC_IS_API (item) || RC_IS_METHOD (item));

  if (self->item == item)
    return;

  /* Set the item first: the name transform looks at its type. */
  g_set_object (&self->item, item);
  is_method = RC_IS_METHOD (item);

  g_binding_group_set_source (self->name_bindings, item);
  g_binding_group_set_source (self->verb_bindings, is_method ? item : NULL);

  gtk_image_set_from_icon_name (self->icon,
                                is_method ? "network-transmit-receive-symbolic"
                                          : "network-server-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->verb_label), is_method);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
