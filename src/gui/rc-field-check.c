/* rc-field-check.c: what is wrong with an entry row, shown on it and under it
 *
 * One look for every field that rc-check judges, on every tab: the field
 * (an AdwEntryRow) gets the error style, a warning icon among its suffixes
 * with the explanation as tooltip, the explanation as its accessible
 * description and the invalid state; this row, placed right under the field
 * in the same list, shows the explanation in words. With no message, the
 * row is hidden and the field looks like any other.
 *
 * In a template:
 *
 *   <object class="RcFieldCheck">
 *     <property name="name">method-url-row-error</property>
 *     <property name="field">url_row</property>
 *   </object>
 *
 * and rc_field_check_set_message() with rc-check's verdict, or NULL.
 *
 * With :after-edit set, errors come after interaction, not before (GNOME
 * HIG): the verdict is shown once the user has edited the field (its text
 * changed while the focus was in it), or once rc_field_check_reveal_all()
 * was called, as Finish does when something is missing;
 * rc_field_check_conceal_all() starts over, when the fields show another
 * object. The authentication's fields work so: choosing OAuth 2.0 does not
 * paint its empty fields red.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include "rc-field-check.h"

struct _RcFieldCheck
{
  AdwPreferencesRow  parent_instance;

  AdwEntryRow       *field;
  GtkWidget         *icon;    /* among the field's suffixes; a reference of ours */
  GtkLabel          *label;
  char              *message;
  gulong             changed_id;
  guint              after_edit : 1;
  guint              revealed : 1;
};

G_DEFINE_FINAL_TYPE (RcFieldCheck, rc_field_check, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_MESSAGE,
  PROP_AFTER_EDIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The entry row keeps its box of suffixes shown, and its spacing, with the
 * icon hidden: that would push the row's edit icon out of line with the
 * other rows'. So the box is shown only while something in it is. */
static void
update_suffixes (GtkWidget *icon)
{
  GtkWidget *box = gtk_widget_get_parent (icon);
  gboolean shown = FALSE;

  if (!GTK_IS_BOX (box))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    shown = shown || gtk_widget_get_visible (child);

  gtk_widget_set_visible (box, shown);
}

static void
show_message (RcFieldCheck *self)
{
  const char *message = !self->after_edit || self->revealed ? self->message : NULL;
  GtkWidget *field = GTK_WIDGET (self->field);

  gtk_widget_set_visible (GTK_WIDGET (self), message != NULL);
  gtk_label_set_text (self->label, message ? message : "");

  if (field == NULL)
    return;

  gtk_widget_set_visible (self->icon, message != NULL);
  gtk_widget_set_tooltip_text (self->icon, message);
  update_suffixes (self->icon);

  rc_field_check_mark (field, message);
}

/* Takes the icon and the error style off the field it leaves. */
static void
release_field (RcFieldCheck *self)
{
  GtkWidget *field = GTK_WIDGET (self->field);

  if (field == NULL)
    return;

  if (gtk_widget_is_ancestor (self->icon, field))
    {
      adw_entry_row_remove (self->field, self->icon);
      rc_field_check_mark (field, NULL);
    }

  g_clear_signal_handler (&self->changed_id, field);
  g_clear_object (&self->field);
}

/* Whether the keyboard focus of the field's window is in the field: a
 * change then is the user's, not the model's. */
static gboolean
has_focus_within (GtkWidget *field)
{
  GtkRoot *root = gtk_widget_get_root (field);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == field || gtk_widget_is_ancestor (focus, field));
}

static void
field_changed_cb (RcFieldCheck *self)
{
  if (self->revealed || !has_focus_within (GTK_WIDGET (self->field)))
    return;

  self->revealed = TRUE;
  show_message (self);
}

static void
rc_field_check_dispose (GObject *object)
{
  RcFieldCheck *self = (RcFieldCheck *)object;

  /* The field goes away with the list it shares with this row: nothing to
   * take off it. */
  if (self->field != NULL)
    g_clear_signal_handler (&self->changed_id, self->field);
  g_clear_object (&self->field);

  G_OBJECT_CLASS (rc_field_check_parent_class)->dispose (object);
}

static void
rc_field_check_finalize (GObject *object)
{
  RcFieldCheck *self = (RcFieldCheck *)object;

  g_clear_object (&self->icon);
  g_free (self->message);

  G_OBJECT_CLASS (rc_field_check_parent_class)->finalize (object);
}

static void
rc_field_check_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RcFieldCheck *self = RC_FIELD_CHECK (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_object (value, self->field);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_AFTER_EDIT:
      g_value_set_boolean (value, self->after_edit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_field_check_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RcFieldCheck *self = RC_FIELD_CHECK (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      rc_field_check_set_field (self, g_value_get_object (value));
      break;

    case PROP_MESSAGE:
      rc_field_check_set_message (self, g_value_get_string (value));
      break;

    case PROP_AFTER_EDIT:
      if (self->after_edit != g_value_get_boolean (value))
        {
          self->after_edit = g_value_get_boolean (value);
          show_message (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_field_check_class_init (RcFieldCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rc_field_check_dispose;
  object_class->finalize = rc_field_check_finalize;
  object_class->get_property = rc_field_check_get_property;
  object_class->set_property = rc_field_check_set_property;

  /**
   * RcFieldCheck:field:
   *
   * The entry row whose input is judged; it should stand right above.
   */
  properties[PROP_FIELD] =
    g_param_spec_object ("field", NULL, NULL,
                         ADW_TYPE_ENTRY_ROW,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcFieldCheck:message:
   *
   * What is wrong with the field and what to do, or %NULL when nothing is.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcFieldCheck:after-edit:
   *
   * Whether the verdict waits until the user has edited the field (or
   * until rc_field_check_reveal_all()), rather than showing at once.
   */
  properties[PROP_AFTER_EDIT] =
    g_param_spec_boolean ("after-edit", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rc_field_check_init (RcFieldCheck *self)
{
  GtkWidget *label;

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "field-check");

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), label);
  self->label = GTK_LABEL (label);

  /* The field's description says it in words already. */
  self->icon = g_object_new (GTK_TYPE_IMAGE,
                             "icon-name", "dialog-warning-symbolic",
                             "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                             "valign", GTK_ALIGN_CENTER,
                             "visible", FALSE,
                             NULL);
  g_object_ref_sink (self->icon);
  gtk_widget_add_css_class (self->icon, "error");
}

/**
 * rc_field_check_new:
 * @field: (nullable): the entry row to judge
 *
 * Returns: a hidden row, to be placed right under @field
 */
GtkWidget *
rc_field_check_new (AdwEntryRow *field)
{
  g_return_val_if_fail (field == NULL || ADW_IS_ENTRY_ROW (field), NULL);

  return g_object_new (RC_TYPE_FIELD_CHECK, "field", field, NULL);
}

/**
 * rc_field_check_get_field:
 *
 * Returns: (transfer none) (nullable): the entry row judged
 */
AdwEntryRow *
rc_field_check_get_field (RcFieldCheck *self)
{
  g_return_val_if_fail (RC_IS_FIELD_CHECK (self), NULL);

  return self->field;
}

/**
 * rc_field_check_set_field:
 * @field: (nullable): the entry row to judge
 *
 * Moves the warning icon to @field, and shows the message on it.
 */
void
rc_field_check_set_field (RcFieldCheck *self,
                          AdwEntryRow  *field)
{
  g_return_if_fail (RC_IS_FIELD_CHECK (self));
  g_return_if_fail (field == NULL || ADW_IS_ENTRY_ROW (field));

  if (self->field == field)
    return;

  release_field (self);

  if (field != NULL)
    {
      self->field = g_object_ref (field);
      adw_entry_row_add_suffix (field, self->icon);
      /* After the field's own handlers: the verdict comes from them. */
      self->changed_id = g_signal_connect_object (field, "changed", G_CALLBACK (field_changed_cb),
                                                  self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  show_message (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

/**
 * rc_field_check_get_message:
 *
 * Returns: (nullable): what is wrong with the field, or %NULL
 */
const char *
rc_field_check_get_message (RcFieldCheck *self)
{
  g_return_val_if_fail (RC_IS_FIELD_CHECK (self), NULL);

  return self->message;
}

/**
 * rc_field_check_set_message:
 * @message: (nullable): what is wrong with the field and what to do, or
 *   %NULL when nothing is
 *
 * Marks the field and explains under it, or takes the mark away.
 */
void
rc_field_check_set_message (RcFieldCheck *self,
                            const char   *message)
{
  g_return_if_fail (RC_IS_FIELD_CHECK (self));

  if (message != NULL && message[0] == '\0')
    message = NULL;

  if (g_strcmp0 (self->message, message) == 0)
    return;

  g_free (self->message);
  self->message = g_strdup (message);

  show_message (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

/**
 * rc_field_check_mark:
 * @widget: a field, such as an entry
 * @message: (nullable): what is wrong with it, or %NULL when nothing is
 *
 * Gives @widget the error style, the invalid state and @message as its
 * accessible description, or takes them off: the look of a field that a
 * check marks, for fields that are not entry rows too.
 */
void
rc_field_check_mark (GtkWidget  *widget,
                     const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (message != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Revealing shows the verdicts of the fields shown: one a choice hides
 * (the user name under OAuth 2.0) is fresh when it shows again. */
static void
set_revealed_below (GtkWidget *root,
                    gboolean   revealed)
{
  if (RC_IS_FIELD_CHECK (root) && RC_FIELD_CHECK (root)->revealed != !!revealed &&
      (!revealed || (RC_FIELD_CHECK (root)->field != NULL &&
                     gtk_widget_get_visible (GTK_WIDGET (RC_FIELD_CHECK (root)->field)))))
    {
      RC_FIELD_CHECK (root)->revealed = !!revealed;
      show_message (RC_FIELD_CHECK (root));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_revealed_below (child, revealed);
}

/**
 * rc_field_check_reveal_all:
 * @root: a widget
 *
 * Shows the verdict of every check below @root, edited or not: what Finish
 * does when something is missing.
 */
void
rc_field_check_reveal_all (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  set_revealed_below (root, TRUE);
}

/**
 * rc_field_check_conceal_all:
 * @root: a widget
 *
 * Hides the verdicts below @root again until their fields are edited: the
 * fields show another object now.
 */
void
rc_field_check_conceal_all (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  set_revealed_below (root, FALSE);
}

/**
 * rc_field_check_get_revealed:
 *
 * Returns: whether the verdict is shown (once edited, or revealed)
 */
gboolean
rc_field_check_get_revealed (RcFieldCheck *self)
{
  g_return_val_if_fail (RC_IS_FIELD_CHECK (self), FALSE);

  return self->revealed;
}
