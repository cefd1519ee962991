/* rc-auth-group.c: the rows that edit an RcAuth
 *
 * A combo row picks the kind; only the rows that kind uses are shown. Every
 * row is bound both ways to the auth, so editing marks the project dirty.
 *
 * The secret is the exception: it never enters the model. What is typed in
 * the password row goes to the keyring (RcSecretRow, below it, stores it
 * and says where it stands), and the entry is emptied again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-auth-group.h"
#include "rc-secret-row.h"

struct _RcAuthGroup
{
  AdwPreferencesGroup parent_instance;

  RcAuth             *auth;
  GBindingGroup      *bindings;
  GEnumClass         *kinds;

  AdwComboRow        *kind_row;
  AdwEntryRow        *username_row;
  AdwEntryRow        *client_id_row;
  AdwEntryRow        *token_url_row;
  AdwEntryRow        *scopes_row;
  AdwComboRow        *client_auth_row;
  AdwEntryRow        *secret_row;
  RcSecretRow        *secret_state_row;
};

G_DEFINE_FINAL_TYPE (RcAuthGroup, rc_auth_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_AUTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the client authentication combo row's items. */
static const RcClientAuth client_auths[] = {
  RC_CLIENT_AUTH_BASIC_HEADER,
  RC_CLIENT_AUTH_BODY,
};

static gboolean
kind_to_selected (GBinding     *binding,
                  const GValue *from_value,
                  GValue       *to_value,
                  gpointer      user_data)
{
  RcAuthGroup *self = user_data;
  int kind = g_value_get_enum (from_value);

  for (guint i = 0; i < self->kinds->n_values; i++)
    {
      if (self->kinds->values[i].value == kind)
        {
          g_value_set_uint (to_value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
selected_to_kind (GBinding     *binding,
                  const GValue *from_value,
                  GValue       *to_value,
                  gpointer      user_data)
{
  RcAuthGroup *self = user_data;
  guint selected = g_value_get_uint (from_value);

  if (selected >= self->kinds->n_values)
    return FALSE;

  g_value_set_enum (to_value, self->kinds->values[selected].value);
  return TRUE;
}

static gboolean
client_auth_to_selected (GBinding     *binding,
                         const GValue *from_value,
                         GValue       *to_value,
                         gpointer      user_data)
{
  int client_auth = g_value_get_enum (from_value);

  for (guint i = 0; i < G_N_ELEMENTS (client_auths); i++)
    {
      if ((int) client_auths[i] == client_auth)
        {
          g_value_set_uint (to_value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
selected_to_client_auth (GBinding     *binding,
                         const GValue *from_value,
                         GValue       *to_value,
                         gpointer      user_data)
{
  guint selected = g_value_get_uint (from_value);

  if (selected >= G_N_ELEMENTS (client_auths))
    return FALSE;

  g_value_set_enum (to_value, client_auths[selected]);
  return TRUE;
}

static gboolean
kind_is_basic (GBinding     *binding,
               const GValue *from_value,
               GValue       *to_value,
               gpointer      user_data)
{
  g_value_set_boolean (to_value, g_value_get_enum (from_value) == RC_AUTH_KIND_BASIC);
  return TRUE;
}

static gboolean
kind_is_oauth2 (GBinding     *binding,
                const GValue *from_value,
                GValue       *to_value,
                gpointer      user_data)
{
  g_value_set_boolean (to_value,
                       g_value_get_enum (from_value) == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  return TRUE;
}

static gboolean
kind_has_secret (GBinding     *binding,
                 const GValue *from_value,
                 GValue       *to_value,
                 gpointer      user_data)
{
  g_value_set_boolean (to_value, g_value_get_enum (from_value) != RC_AUTH_KIND_NONE);
  return TRUE;
}

static gboolean
kind_to_secret_title (GBinding     *binding,
                      const GValue *from_value,
                      GValue       *to_value,
                      gpointer      user_data)
{
  if (g_value_get_enum (from_value) == RC_AUTH_KIND_BASIC)
    g_value_set_string (to_value, _("Password"));
  else
    g_value_set_string (to_value, _("Client secret"));

  return TRUE;
}

/* Empties the entry, without its apply button coming back for the empty
 * text as it would while the entry has the focus. */
static void
empty_secret_entry (RcAuthGroup *self)
{
  adw_entry_row_set_show_apply_button (self->secret_row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  adw_entry_row_set_show_apply_button (self->secret_row, TRUE);
}

static void
bind_text (RcAuthGroup *self,
           const char  *property,
           AdwEntryRow *row)
{
  g_binding_group_bind (self->bindings, property, row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static void
bind_visible (RcAuthGroup          *self,
              GtkWidget            *row,
              GBindingTransformFunc kind_matches)
{
  g_binding_group_bind_full (self->bindings, "kind", row, "visible",
                             G_BINDING_SYNC_CREATE,
                             kind_matches, NULL, NULL, NULL);
}

/* Enter or the apply button: to the keyring, and out of the entry. */
static void
secret_apply_cb (RcAuthGroup *self)
{
  rc_secret_row_store (self->secret_state_row,
                       gtk_editable_get_text (GTK_EDITABLE (self->secret_row)));
  empty_secret_entry (self);
}

static void
rc_auth_group_dispose (GObject *object)
{
  RcAuthGroup *self = (RcAuthGroup *)object;

  if (self->bindings)
    g_binding_group_set_source (self->bindings, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_AUTH_GROUP);

  g_clear_object (&self->bindings);
  g_clear_object (&self->auth);

  G_OBJECT_CLASS (rc_auth_group_parent_class)->dispose (object);
}

static void
rc_auth_group_finalize (GObject *object)
{
  RcAuthGroup *self = (RcAuthGroup *)object;

  g_clear_pointer (&self->kinds, g_type_class_unref);

  G_OBJECT_CLASS (rc_auth_group_parent_class)->finalize (object);
}

static void
rc_auth_group_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RcAuthGroup *self = RC_AUTH_GROUP (object);

  switch (prop_id)
    {
    case PROP_AUTH:
      g_value_set_object (value, self->auth);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_auth_group_class_init (RcAuthGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_auth_group_dispose;
  object_class->finalize = rc_auth_group_finalize;
  object_class->get_property = rc_auth_group_get_property;

  /**
   * RcAuthGroup:auth:
   *
   * The auth being edited; rc_auth_group_set_auth() sets it, and says whose
   * it is, for the keyring.
   */
  properties[PROP_AUTH] =
    g_param_spec_object ("auth", NULL, NULL,
                         RC_TYPE_AUTH,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RC_TYPE_SECRET_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restcall/Restcall/rc-auth-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, username_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, token_url_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, scopes_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, client_auth_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, secret_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, secret_state_row);
  gtk_widget_class_bind_template_callback (widget_class, secret_apply_cb);
}

static void
rc_auth_group_init (RcAuthGroup *self)
{
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkEntryBuffer) secret_buffer = gtk_password_entry_buffer_new ();
  GtkEditable *secret_text;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* What is typed lives in secure memory, wiped when it is let go of. */
  secret_text = gtk_editable_get_delegate (GTK_EDITABLE (self->secret_row));
  if (GTK_IS_TEXT (secret_text))
    gtk_text_set_buffer (GTK_TEXT (secret_text), secret_buffer);

  self->kinds = g_type_class_ref (RC_TYPE_AUTH_KIND);
  for (guint i = 0; i < self->kinds->n_values; i++)
    gtk_string_list_append (kind_labels, rc_auth_kind_get_label (self->kinds->values[i].value));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->bindings, "kind", self->kind_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             kind_to_selected, selected_to_kind, self, NULL);
  bind_text (self, "username", self->username_row);
  bind_text (self, "client-id", self->client_id_row);
  bind_text (self, "token-url", self->token_url_row);
  bind_text (self, "scopes", self->scopes_row);
  g_binding_group_bind_full (self->bindings, "client-auth", self->client_auth_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             client_auth_to_selected, selected_to_client_auth, NULL, NULL);

  bind_visible (self, GTK_WIDGET (self->username_row), kind_is_basic);
  bind_visible (self, GTK_WIDGET (self->client_id_row), kind_is_oauth2);
  bind_visible (self, GTK_WIDGET (self->token_url_row), kind_is_oauth2);
  bind_visible (self, GTK_WIDGET (self->scopes_row), kind_is_oauth2);
  bind_visible (self, GTK_WIDGET (self->client_auth_row), kind_is_oauth2);
  bind_visible (self, GTK_WIDGET (self->secret_row), kind_has_secret);
  bind_visible (self, GTK_WIDGET (self->secret_state_row), kind_has_secret);
  g_binding_group_bind_full (self->bindings, "kind", self->secret_row, "title",
                             G_BINDING_SYNC_CREATE,
                             kind_to_secret_title, NULL, NULL, NULL);
}

GtkWidget *
rc_auth_group_new (void)
{
  return g_object_new (RC_TYPE_AUTH_GROUP, NULL);
}

/**
 * rc_auth_group_get_auth:
 *
 * Returns: (transfer none) (nullable): the auth being edited
 */
RcAuth *
rc_auth_group_get_auth (RcAuthGroup *self)
{
  g_return_val_if_fail (RC_IS_AUTH_GROUP (self), NULL);

  return self->auth;
}

/**
 * rc_auth_group_set_auth:
 * @auth: (nullable): the auth to edit, or %NULL
 * @project_id: (nullable): the id of the project it is in
 * @owner: (nullable): the #RcApi or #RcMethod whose auth it is
 *
 * Shows @auth. Its secret is kept in the keyring under the ids of the
 * project and of @owner, which a rename keeps.
 */
void
rc_auth_group_set_auth (RcAuthGroup *self,
                        RcAuth      *auth,
                        const char  *project_id,
                        GObject     *owner)
{
  g_return_if_fail (RC_IS_AUTH_GROUP (self));
  g_return_if_fail (auth == NULL || RC_IS_AUTH (auth));

  /* Whatever was typed and not applied goes with the auth it was for. */
  empty_secret_entry (self);
  rc_secret_row_set_auth (self->secret_state_row, auth, project_id, owner);

  if (!g_set_object (&self->auth, auth))
    return;

  g_binding_group_set_source (self->bindings, auth);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH]);
}
