/* rc-sidebar.c: the project's APIs and their methods, as a tree
 *
 * A GtkListView over a GtkTreeListModel: the roots are the project's APIs,
 * their children the methods. The single selection drives the window's
 * content; nothing is selected at first. The Delete key asks the window to
 * delete the selected API or method (win.delete-api, win.delete-method).
 * A right click, Shift+F10 or the Menu key opens a context menu of the
 * window's actions (Consume REST API, add, delete) for the row at hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-sidebar-row.h"
#include "rc-sidebar.h"

struct _RcSidebar
{
  GtkWidget           parent_instance;

  RcProject          *project;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  GObject            *selected_item;

  GtkListView        *list_view;
  GMenuModel         *context_menu;
  GtkWidget          *popover;
  gboolean            menu_on_root;  /* the menu last opened below the rows */
};

G_DEFINE_FINAL_TYPE (RcSidebar, rc_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SELECTED_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  if (RC_IS_API (item))
    return g_object_ref (rc_api_get_methods (RC_API (item)));

  return NULL;
}

/* Finds @item among the rows shown, expanding its API if it is a method. */
static guint
find_position (RcSidebar *self,
               GObject   *item)
{
  GObject *parent = RC_IS_METHOD (item) ? G_OBJECT (rc_method_get_api (RC_METHOD (item))) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(GObject) row_item = gtk_tree_list_row_get_item (row);

      if (row_item == item)
        return i;

      if (parent != NULL && row_item == parent)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
selection_changed_cb (RcSidebar          *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (g_set_object (&self->selected_item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

static void
list_view_activate_cb (RcSidebar   *self,
                       guint        position,
                       GtkListView *list_view)
{
  g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, position);

  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

/* Opens the context menu pointing at (@x, @y), in the sidebar's coordinates. */
static void
popup_menu_at (RcSidebar *self,
               double     x,
               double     y)
{
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* The item of the row at (@x, @y) in the list's coordinates, if any. */
static GObject *
pick_item (RcSidebar *self,
           double     x,
           double     y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);

  for (; picked != NULL && picked != GTK_WIDGET (self->list_view);
       picked = gtk_widget_get_parent (picked))
    {
      GtkWidget *row;

      if (RC_IS_SIDEBAR_ROW (picked))
        return rc_sidebar_row_get_item (RC_SIDEBAR_ROW (picked));

      /* A row's expander holds the sidebar row. */
      if (GTK_IS_TREE_EXPANDER (picked) &&
          (row = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (picked))) != NULL &&
          RC_IS_SIDEBAR_ROW (row))
        return rc_sidebar_row_get_item (RC_SIDEBAR_ROW (row));

      for (GtkWidget *child = gtk_widget_get_first_child (picked); child;
           child = gtk_widget_get_next_sibling (child))
        {
          if (GTK_IS_TREE_EXPANDER (child) &&
              (row = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child))) != NULL &&
              RC_IS_SIDEBAR_ROW (row))
            return rc_sidebar_row_get_item (RC_SIDEBAR_ROW (row));
        }
    }

  return NULL;
}

static void
secondary_click_cb (RcSidebar       *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  GObject *item = pick_item (self, x, y);
  graphene_point_t point;

  /* The menu acts on the row clicked, as it would on a selected one;
   * below the rows, on the tree itself. */
  if (item != NULL && item != self->selected_item)
    rc_sidebar_select_item (self, item);
  self->menu_on_root = item == NULL;

  if (!gtk_widget_compute_point (GTK_WIDGET (self->list_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (x, y);

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at (self, point.x, point.y);
}

/* sidebar.popup-menu (Shift+F10, the Menu key): the menu points at the
 * focused row. */
static void
popup_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RcSidebar *self = RC_SIDEBAR (widget);
  GtkWidget *row = gtk_widget_get_focus_child (GTK_WIDGET (self->list_view));
  graphene_rect_t bounds;

  self->menu_on_root = row == NULL;
  if (row != NULL && gtk_widget_compute_bounds (row, widget, &bounds))
    popup_menu_at (self, bounds.origin.x + 24, bounds.origin.y + bounds.size.height / 2);
  else
    popup_menu_at (self, 24, 24);
}

static gboolean
delete_selected_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  RcSidebar *self = RC_SIDEBAR (widget);

  if (RC_IS_API (self->selected_item))
    return gtk_widget_activate_action (widget, "win.delete-api", NULL);

  if (RC_IS_METHOD (self->selected_item))
    return gtk_widget_activate_action (widget, "win.delete-method", NULL);

  return FALSE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RcSidebar                *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), rc_sidebar_row_new ());
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RcSidebar                *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (expander, row);
  rc_sidebar_row_set_item (RC_SIDEBAR_ROW (gtk_tree_expander_get_child (expander)), item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RcSidebar                *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));

  gtk_tree_expander_set_list_row (expander, NULL);
  rc_sidebar_row_set_item (RC_SIDEBAR_ROW (gtk_tree_expander_get_child (expander)), NULL);
}

static void
rc_sidebar_dispose (GObject *object)
{
  RcSidebar *self = (RcSidebar *)object;
  GtkWidget *child;

  if (self->selection)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);

  g_clear_pointer (&self->popover, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_SIDEBAR);

  /* The template's unnamed children (the heading, the scrolled window). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->selected_item);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (rc_sidebar_parent_class)->dispose (object);
}

static void
rc_sidebar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RcSidebar *self = RC_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_SELECTED_ITEM:
      g_value_set_object (value, self->selected_item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_sidebar_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RcSidebar *self = RC_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      rc_sidebar_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_sidebar_class_init (RcSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_sidebar_dispose;
  object_class->get_property = rc_sidebar_get_property;
  object_class->set_property = rc_sidebar_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         RC_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcSidebar:selected-item:
   *
   * The selected #RcApi or #RcMethod, or %NULL.
   */
  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, RcSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, RcSidebar, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, secondary_click_cb);

  gtk_widget_class_install_action (widget_class, "sidebar.popup-menu", NULL, popup_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "sidebar.popup-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "sidebar.popup-menu", NULL);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_selected_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_selected_cb, NULL);

  g_type_ensure (RC_TYPE_SIDEBAR_ROW);
}

static void
rc_sidebar_init (RcSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  self->popover = gtk_popover_menu_new_from_model (self->context_menu);
  gtk_widget_set_name (self->popover, "sidebar-context-menu");
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
}

GtkWidget *
rc_sidebar_new (void)
{
  return g_object_new (RC_TYPE_SIDEBAR, NULL);
}

/**
 * rc_sidebar_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
RcProject *
rc_sidebar_get_project (RcSidebar *self)
{
  g_return_val_if_fail (RC_IS_SIDEBAR (self), NULL);

  return self->project;
}

void
rc_sidebar_set_project (RcSidebar *self,
                        RcProject *project)
{
  g_return_if_fail (RC_IS_SIDEBAR (self));
  g_return_if_fail (project == NULL || RC_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  if (self->selection)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);

  if (project != NULL)
    {
      self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (project)),
                                            FALSE, TRUE,
                                            create_child_model, NULL, NULL);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }

  if (g_set_object (&self->selected_item, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * rc_sidebar_get_selected_item:
 *
 * Returns: (transfer none) (nullable): the selected #RcApi or #RcMethod
 */
GObject *
rc_sidebar_get_selected_item (RcSidebar *self)
{
  g_return_val_if_fail (RC_IS_SIDEBAR (self), NULL);

  return self->selected_item;
}

/**
 * rc_sidebar_get_selected_api:
 *
 * Returns: (transfer none) (nullable): the selected API, or the API of the
 *   selected method
 */
RcApi *
rc_sidebar_get_selected_api (RcSidebar *self)
{
  g_return_val_if_fail (RC_IS_SIDEBAR (self), NULL);

  if (RC_IS_API (self->selected_item))
    return RC_API (self->selected_item);

  if (RC_IS_METHOD (self->selected_item))
    return rc_method_get_api (RC_METHOD (self->selected_item));

  return NULL;
}

/**
 * rc_sidebar_get_menu_on_root:
 *
 * Returns: whether the context menu was last opened on the tree itself
 *   (below its rows), not on an API or a method: what it does then is
 *   done from the top, as from the header bar
 */
gboolean
rc_sidebar_get_menu_on_root (RcSidebar *self)
{
  g_return_val_if_fail (RC_IS_SIDEBAR (self), FALSE);

  return self->menu_on_root;
}

/**
 * rc_sidebar_select_item:
 * @item: (nullable): an #RcApi or #RcMethod of the project, or %NULL to
 *   select nothing
 *
 * Selects @item and scrolls it into view.
 */
void
rc_sidebar_select_item (RcSidebar *self,
                        GObject   *item)
{
  guint position;

  g_return_if_fail (RC_IS_SIDEBAR (self));

  if (self->selection == NULL)
    return;

  position = item ? find_position (self, item) : GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected (self->selection, position);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}
