/* rc-import-row.c: a row of the import dialog's list: a tag or an operation
 *
 * The whole row is a check button, so that a click anywhere on it selects:
 * for an operation, its verb, its path, and its name and summary; for a tag,
 * the tag's name, and the check selects all of its operations (inconsistent
 * while only some are).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-import-row.h"

struct _RcImportRow
{
  GtkWidget     parent_instance;

  RcImportItem *item;
  GBinding     *selected_binding;
  GBinding     *inconsistent_binding;

  GtkWidget    *check;
  GtkWidget    *verb_label;
  GtkWidget    *title_label;
  GtkWidget    *detail_label;
};

G_DEFINE_FINAL_TYPE (RcImportRow, rc_import_row, GTK_TYPE_WIDGET)

static void
unbind (RcImportRow *self)
{
  if (self->selected_binding)
    g_binding_unbind (g_steal_pointer (&self->selected_binding));
  if (self->inconsistent_binding)
    g_binding_unbind (g_steal_pointer (&self->inconsistent_binding));
  g_clear_object (&self->item);
}

static void
rc_import_row_dispose (GObject *object)
{
  RcImportRow *self = (RcImportRow *)object;

  unbind (self);
  g_clear_pointer (&self->check, gtk_widget_unparent);

  G_OBJECT_CLASS (rc_import_row_parent_class)->dispose (object);
}

static void
rc_import_row_class_init (RcImportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_import_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "importrow");
}

static void
rc_import_row_init (RcImportRow *self)
{
  GtkWidget *content = gtk_grid_new ();

  /* The verb and the path share a line, and their text a baseline: the
   * verb is set smaller. The name and summary go below the path. */
  gtk_grid_set_column_spacing (GTK_GRID (content), 8);
  gtk_grid_set_row_spacing (GTK_GRID (content), 2);

  self->verb_label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "name", "import-row-verb",
                                   "width-chars", 7,
                                   "valign", GTK_ALIGN_BASELINE,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);
  gtk_widget_add_css_class (self->verb_label, "verb");
  gtk_widget_add_css_class (self->verb_label, "caption");

  self->title_label = g_object_new (GTK_TYPE_LABEL,
                                    "name", "import-row-title",
                                    "xalign", 0.0f,
                                    "hexpand", TRUE,
                                    "valign", GTK_ALIGN_BASELINE,
                                    "ellipsize", PANGO_ELLIPSIZE_MIDDLE,
                                    NULL);
  self->detail_label = g_object_new (GTK_TYPE_LABEL,
                                     "xalign", 0.0f,
                                     "ellipsize", PANGO_ELLIPSIZE_END,
                                     NULL);
  gtk_widget_add_css_class (self->detail_label, "caption");
  gtk_widget_add_css_class (self->detail_label, "dim-label");

  gtk_grid_attach (GTK_GRID (content), self->verb_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (content), self->title_label, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (content), self->detail_label, 1, 1, 1, 1);

  self->check = gtk_check_button_new ();
  gtk_check_button_set_child (GTK_CHECK_BUTTON (self->check), content);
  gtk_widget_set_parent (self->check, GTK_WIDGET (self));
}

GtkWidget *
rc_import_row_new (void)
{
  return g_object_new (RC_TYPE_IMPORT_ROW, NULL);
}

/**
 * rc_import_row_get_item:
 *
 * Returns: (transfer none) (nullable): the item shown
 */
RcImportItem *
rc_import_row_get_item (RcImportRow *self)
{
  g_return_val_if_fail (RC_IS_IMPORT_ROW (self), NULL);

  return self->item;
}

/* Shows @item (or nothing) and ties the check button to its selection. */
void
rc_import_row_set_item (RcImportRow  *self,
                        RcImportItem *item)
{
  const RcOpenApiOperation *operation;
  g_autofree char *label = NULL;

  g_return_if_fail (RC_IS_IMPORT_ROW (self));
  g_return_if_fail (item == NULL || RC_IS_IMPORT_ITEM (item));

  if (item == self->item)
    return;

  unbind (self);
  if (item == NULL)
    return;

  self->item = g_object_ref (item);
  operation = rc_import_item_get_operation (item);

  if (operation == NULL)
    {
      const char *tag = rc_import_item_get_tag (item);

      if (*tag == '\0')
        tag = _("Other Operations");

      gtk_widget_add_css_class (GTK_WIDGET (self), "tag");
      gtk_widget_add_css_class (self->title_label, "heading");
      gtk_widget_set_visible (self->verb_label, FALSE);
      gtk_widget_set_visible (self->detail_label, FALSE);
      gtk_label_set_text (GTK_LABEL (self->title_label), tag);
      /* Translators: the check button of a tag's header in the list of operations */
      label = g_strdup_printf (_("All operations tagged “%s”"), tag);
      gtk_widget_set_tooltip_text (self->check, label);
    }
  else
    {
      g_autofree char *detail = NULL;

      if (operation->summary && *operation->summary)
        /* Translators: an operation's name, then its summary */
        detail = g_strdup_printf (_("%s — %s"), operation->name, operation->summary);
      else
        detail = g_strdup (operation->name);

      gtk_widget_remove_css_class (GTK_WIDGET (self), "tag");
      gtk_widget_remove_css_class (self->title_label, "heading");
      gtk_widget_set_visible (self->verb_label, TRUE);
      gtk_widget_set_visible (self->detail_label, TRUE);
      gtk_label_set_text (GTK_LABEL (self->verb_label), operation->method);
      gtk_label_set_text (GTK_LABEL (self->title_label), operation->path);
      gtk_label_set_text (GTK_LABEL (self->detail_label), detail);
      gtk_widget_set_tooltip_text (self->check, NULL);
      label = g_strdup_printf ("%s %s: %s", operation->method, operation->path, detail);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);

  self->selected_binding = g_object_bind_property (item, "selected", self->check, "active",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->inconsistent_binding = g_object_bind_property (item, "inconsistent", self->check,
                                                       "inconsistent", G_BINDING_SYNC_CREATE);
}
