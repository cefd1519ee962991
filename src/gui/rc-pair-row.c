/* rc-pair-row.c: a row that edits one name and value (a header, a token parameter)
 *
 * The entries are bound both ways to the pair, so typing edits the model
 * at once and the model drives the entries. The row cannot remove its own
 * pair (it does not know the list); its remove button emits ::remove for
 * the list's owner to do it.
 *
 * A header named Authorization is replaced by the one the authentication
 * sets when that is Basic or OAuth 2.0: whoever knows the authentication
 * tells the row (rc_pair_row_set_auth_override()), and the row shows an
 * inline warning as long as its name is Authorization.
 *
 * A header's name and value are checked as the executor checks them before
 * it sends (rc_check_header_name(), rc_check_header_value()): what is wrong
 * shows under the entries, which get the error style and the invalid state,
 * until it is fixed. So is a token parameter's name, which must not be one
 * that Restcall sets itself (rc_check_token_param_name()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-field-check.h"
#include "rc-pair-row.h"

struct _RcPairRow
{
  AdwPreferencesRow  parent_instance;

  RcPair            *pair;
  RcPairRowKind      kind;
  char              *override_explanation;
  gboolean           overridden;

  GtkLabel          *name_label;
  GtkEntry          *name_entry;
  GtkLabel          *value_label;
  GtkEntry          *value_entry;
  GtkButton         *remove_button;
  GtkWidget         *warning_box;
  GtkLabel          *warning_label;
  GtkWidget         *error_box;
  GtkLabel          *error_label;
};

G_DEFINE_FINAL_TYPE (RcPairRow, rc_pair_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_PAIR,
  PROP_OVERRIDDEN,
  N_PROPS
};

enum {
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
name_is_authorization (RcPairRow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (rc_pair_get_name (self->pair)));

  return g_ascii_strcasecmp (name, "Authorization") == 0;
}

static void
update_override (RcPairRow *self)
{
  gboolean overridden = self->override_explanation != NULL && name_is_authorization (self);

  gtk_widget_set_tooltip_text (self->warning_box, self->override_explanation);
  gtk_widget_set_visible (self->warning_box, overridden);

  if (overridden)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_entry), "warning");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->name_entry),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->warning_label,
                                      NULL, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_entry), "warning");
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->name_entry),
                                     GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }

  if (self->overridden == overridden)
    return;

  self->overridden = overridden;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERRIDDEN]);
}

/* A header that could not be sent says why; so does a token parameter
 * that Restcall sets itself. A token parameter's value is sent
 * form-encoded, whatever it holds. */
static void
update_check (RcPairRow *self)
{
  g_autofree char *name_error = NULL;
  g_autofree char *value_error = NULL;
  const char *message;

  if (self->kind == RC_PAIR_ROW_HEADER)
    {
      name_error = rc_check_header_name (self->pair);
      value_error = rc_check_header_value (self->pair);
    }
  else
    name_error = rc_check_token_param_name (self->pair);

  rc_field_check_mark (GTK_WIDGET (self->name_entry), name_error);
  rc_field_check_mark (GTK_WIDGET (self->value_entry), value_error);

  message = name_error ? name_error : value_error;
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

/* The remove button's name says which pair it removes: each is unique. */
static void
update_remove_label (RcPairRow *self)
{
  const char *name = rc_pair_get_name (self->pair);
  g_autofree char *label = NULL;

  if (self->kind == RC_PAIR_ROW_HEADER)
    {
      if (name[0] != '\0')
        /* Translators: an icon-only button's name; %s is a header's name */
        label = g_strdup_printf (_("Remove header “%s”"), name);
      else
        label = g_strdup (_("Remove this header"));
    }
  else
    {
      if (name[0] != '\0')
        /* Translators: an icon-only button's name; %s is a token request parameter's name */
        label = g_strdup_printf (_("Remove parameter “%s”"), name);
      else
        label = g_strdup (_("Remove this parameter"));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
pair_name_changed_cb (RcPairRow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), rc_pair_get_name (self->pair));
  update_remove_label (self);
  update_override (self);
  update_check (self);
}

static void
remove_clicked_cb (RcPairRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
rc_pair_row_constructed (GObject *object)
{
  RcPairRow *self = (RcPairRow *)object;

  G_OBJECT_CLASS (rc_pair_row_parent_class)->constructed (object);

  g_assert (RC_IS_PAIR (self->pair));

  g_object_bind_property (self->pair, "name", self->name_entry, "text",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->pair, "value", self->value_entry, "text",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->pair, "notify::name",
                           G_CALLBACK (pair_name_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pair, "notify::value",
                           G_CALLBACK (update_check), self, G_CONNECT_SWAPPED);
  pair_name_changed_cb (self);
}

static void
rc_pair_row_dispose (GObject *object)
{
  RcPairRow *self = (RcPairRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_PAIR_ROW);

  g_clear_object (&self->pair);

  G_OBJECT_CLASS (rc_pair_row_parent_class)->dispose (object);
}

static void
rc_pair_row_finalize (GObject *object)
{
  RcPairRow *self = (RcPairRow *)object;

  g_free (self->override_explanation);

  G_OBJECT_CLASS (rc_pair_row_parent_class)->finalize (object);
}

static void
rc_pair_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RcPairRow *self = RC_PAIR_ROW (object);

  switch (prop_id)
    {
    case PROP_PAIR:
      g_value_set_object (value, self->pair);
      break;

    case PROP_OVERRIDDEN:
      g_value_set_boolean (value, self->overridden);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_pair_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RcPairRow *self = RC_PAIR_ROW (object);

  switch (prop_id)
    {
    case PROP_PAIR:
      self->pair = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_pair_row_class_init (RcPairRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rc_pair_row_constructed;
  object_class->dispose = rc_pair_row_dispose;
  object_class->finalize = rc_pair_row_finalize;
  object_class->get_property = rc_pair_row_get_property;
  object_class->set_property = rc_pair_row_set_property;

  properties[PROP_PAIR] =
    g_param_spec_object ("pair", NULL, NULL,
                         RC_TYPE_PAIR,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RcPairRow:overridden:
   *
   * Whether the row shows that the authentication replaces its header.
   */
  properties[PROP_OVERRIDDEN] =
    g_param_spec_boolean ("overridden", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcPairRow::remove:
   *
   * The user asked for the pair to be removed from its list.
   */
  signals[REMOVE] =
    g_signal_new ("remove",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-pair-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RcPairRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RcPairRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, RcPairRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, RcPairRow, value_entry);
  gtk_widget_class_bind_template_child (widget_class, RcPairRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, RcPairRow, warning_box);
  gtk_widget_class_bind_template_child (widget_class, RcPairRow, warning_label);
  gtk_widget_class_bind_template_child (widget_class, RcPairRow, error_box);
  gtk_widget_class_bind_template_child (widget_class, RcPairRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
rc_pair_row_init (RcPairRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rc_pair_row_new:
 * @pair: the pair to edit
 * @kind: what the pair is
 */
GtkWidget *
rc_pair_row_new (RcPair        *pair,
                 RcPairRowKind  kind)
{
  RcPairRow *self;

  g_return_val_if_fail (RC_IS_PAIR (pair), NULL);

  self = g_object_new (RC_TYPE_PAIR_ROW, "pair", pair, NULL);
  self->kind = kind;

  if (kind == RC_PAIR_ROW_HEADER)
    {
      gtk_label_set_text (self->name_label, _("Header name"));
      gtk_label_set_text (self->value_label, _("Value"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), _("Remove Header"));
      gtk_widget_set_name (GTK_WIDGET (self->name_entry), "header-name-entry");
      gtk_widget_set_name (GTK_WIDGET (self->value_entry), "header-value-entry");
      gtk_widget_set_name (GTK_WIDGET (self->remove_button), "header-remove-button");
      gtk_widget_set_name (self->warning_box, "header-override-warning");
      gtk_widget_set_name (self->error_box, "header-error");
    }
  else
    {
      gtk_label_set_text (self->name_label, _("Parameter name"));
      gtk_label_set_text (self->value_label, _("Value"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), _("Remove Parameter"));
      gtk_widget_set_name (GTK_WIDGET (self->name_entry), "auth-token-param-name-entry");
      gtk_widget_set_name (GTK_WIDGET (self->value_entry), "auth-token-param-value-entry");
      gtk_widget_set_name (GTK_WIDGET (self->remove_button), "auth-token-param-remove-button");
      gtk_widget_set_name (self->error_box, "auth-token-param-error");
    }

  update_remove_label (self);
  update_check (self);

  return GTK_WIDGET (self);
}

/**
 * rc_pair_row_get_pair:
 *
 * Returns: (transfer none): the pair the row edits
 */
RcPair *
rc_pair_row_get_pair (RcPairRow *self)
{
  g_return_val_if_fail (RC_IS_PAIR_ROW (self), NULL);

  return self->pair;
}

/**
 * rc_pair_row_set_auth_override:
 * @explanation: (nullable): why the authentication replaces an
 *   Authorization header, or %NULL when it does not
 *
 * Shows the override warning, with @explanation as its tooltip, for as
 * long as the pair is named Authorization (in any case).
 */
void
rc_pair_row_set_auth_override (RcPairRow  *self,
                               const char *explanation)
{
  g_return_if_fail (RC_IS_PAIR_ROW (self));

  if (g_strcmp0 (self->override_explanation, explanation) != 0)
    {
      g_free (self->override_explanation);
      self->override_explanation = g_strdup (explanation);
    }

  update_override (self);
}

/**
 * rc_pair_row_get_overridden:
 *
 * Returns: whether the row shows the override warning
 */
gboolean
rc_pair_row_get_overridden (RcPairRow *self)
{
  g_return_val_if_fail (RC_IS_PAIR_ROW (self), FALSE);

  return self->overridden;
}

/**
 * rc_pair_row_focus_name:
 *
 * Moves the keyboard focus to the name, for a new pair to be named.
 */
void
rc_pair_row_focus_name (RcPairRow *self)
{
  g_return_if_fail (RC_IS_PAIR_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}
