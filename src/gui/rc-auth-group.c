/* rc-auth-group.c: the rows that edit an RcAuth
 *
 * A combo row picks the kind; only the rows that kind uses are shown. Every
 * row is bound both ways to the auth, so editing marks the project dirty.
 *
 * For a method (rc_auth_group_set_method()) the combo starts with "Use
 * API’s authentication": the method then has no auth of its own. Picking a
 * kind gives it one; going back to the API's keeps that one aside, so that
 * switching back and forth loses nothing typed while the method is shown.
 *
 * With mutual TLS (a client certificate), the certificate row shows, and
 * the private key row a private_key_jwt client has too, each with a
 * button that opens a file chooser; a key that is in no file is the
 * secret, in the keyring, and the secret row says so.
 *
 * How the client credentials go into a Basic Auth header is under
 * Advanced: automatically, or always in one form. What the automatic form
 * found out about the server (rc_auth_get_remembered_basic_form()) is
 * said on the Advanced row itself, where it shows while folded.
 *
 * The client ID, the token URL and the Basic user name are checked as they
 * are typed (rc-check), and a field at fault is marked the way every tab
 * marks one (RcFieldCheck): the error style and a warning icon on it, the
 * explanation in a row right under it and as its accessible description.
 * RcAuthGroup:valid sums it up for a dialog's Finish button.
 *
 * A private_key_jwt client's key file is checked too, in a thread (it
 * may be on a slow file system), whenever the file or the algorithm
 * changes: a file that is not there, cannot be read or holds no PEM
 * private key is marked under the key file's row; an algorithm the key
 * cannot sign with, on the algorithm's row too. The checks are advice:
 * the settings are valid without them.
 *
 * The secret is the exception: it never enters the model. What is typed in
 * the password row goes to the keyring (RcSecretRow, below it, stores it
 * and says where it stands), and the entry is emptied again: on Enter, on
 * its apply button, when the focus leaves it (for another field, another
 * tab, the Test button), and on rc_auth_group_commit(), which a dialog
 * calls before it takes what was typed. The store runs on, whatever
 * becomes of the group: RcSecretStore keeps the writes in order and says
 * while they are on their way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-auth-group.h"
#include "rc-client-assertion.h"
#include "rc-field-check.h"
#include "rc-pair-row.h"
#include "rc-pem-chooser.h"
#include "rc-secret-row.h"
#include "rc-text-row.h"

/* A field that rc-check judges, and where the verdict is shown. */
typedef struct
{
  RcFieldCheck  *shown;
  char        *(*check) (RcAuth *auth);
} Field;

enum {
  FIELD_USERNAME,
  FIELD_CLIENT_ID,
  FIELD_TOKEN_URL,
  FIELD_CERT_FILE,
  N_FIELDS
};

struct _RcAuthGroup
{
  AdwPreferencesGroup parent_instance;

  RcAuth             *auth;
  RcMethod           *method;      /* in method mode */
  RcAuth             *own_auth;    /* the method's own, kept while it inherits */
  GObject            *owner;       /* whose secret it is: the API or the method */
  char               *project_id;
  gboolean            valid;
  gboolean            ready;
  gboolean            api_link;  /* the inherited row goes to the API's page */
  gboolean            updating;

  GBindingGroup      *bindings;
  GSignalGroup       *auth_signals;
  GSignalGroup       *params_signals;
  GSignalGroup       *method_signals;
  GSignalGroup       *api_auth_signals;
  GSignalGroup       *api_signals;       /* the method's API, for its name */
  GEnumClass         *kinds;
  GPtrArray          *param_rows;
  Field               fields[N_FIELDS];

  AdwComboRow        *kind_row;
  AdwActionRow       *inherited_row;
  AdwEntryRow        *username_row;
  RcFieldCheck       *username_check;
  AdwEntryRow        *client_id_row;
  RcFieldCheck       *client_id_check;
  AdwEntryRow        *token_url_row;
  RcFieldCheck       *token_url_check;
  RcTextRow          *scopes_row;
  AdwComboRow        *client_auth_row;
  AdwEntryRow        *private_key_row;
  RcFieldCheck       *private_key_check;
  GCancellable       *key_cancellable;  /* the key file's check */
  char               *key_checked;      /* what it checked: path, algorithm */
  AdwEntryRow        *key_id_row;
  AdwComboRow        *jwt_alg_row;
  AdwEntryRow        *cert_file_row;
  RcFieldCheck       *cert_file_check;
  AdwEntryRow        *secret_row;
  RcSecretRow        *secret_state_row;
  GtkWidget          *inherited_link_icon;
  AdwExpanderRow     *token_params_row;
  AdwExpanderRow     *advanced_row;
  AdwComboRow        *basic_form_row;
};

static void token_param_remove_cb (RcAuthGroup *self,
                                   RcPairRow   *row);

G_DEFINE_FINAL_TYPE (RcAuthGroup, rc_auth_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_AUTH,
  PROP_VALID,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The values of an enum that a combo row's items stand for, in order. */
typedef struct
{
  const int *values;
  guint      n_values;
} Choices;

static const int client_auth_values[] = {
  RC_CLIENT_AUTH_BASIC_HEADER,
  RC_CLIENT_AUTH_BODY,
  RC_CLIENT_AUTH_SECRET_JWT,
  RC_CLIENT_AUTH_PRIVATE_KEY_JWT,
  RC_CLIENT_AUTH_TLS,
};

static const Choices client_auth_choices = { client_auth_values,
                                             G_N_ELEMENTS (client_auth_values) };

static const int basic_form_values[] = {
  RC_BASIC_FORM_AUTO,
  RC_BASIC_FORM_RFC,
  RC_BASIC_FORM_RAW,
};

static const Choices basic_form_choices = { basic_form_values, G_N_ELEMENTS (basic_form_values) };

static const int jwt_alg_values[] = {
  RC_JWT_ALG_AUTO,
  RC_JWT_ALG_RS256,
  RC_JWT_ALG_ES256,
  RC_JWT_ALG_PS256,
};

static const Choices jwt_alg_choices = { jwt_alg_values, G_N_ELEMENTS (jwt_alg_values) };

/* The combo's first item, in method mode, is "Use API’s authentication". */
static guint
get_kind_offset (RcAuthGroup *self)
{
  return self->method != NULL ? 1 : 0;
}

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
          g_value_set_uint (to_value, i + get_kind_offset (self));
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
  guint offset = get_kind_offset (self);

  /* "Use API’s authentication" is no kind: selected_cb() handles it. */
  if (selected < offset || selected - offset >= self->kinds->n_values)
    return FALSE;

  g_value_set_enum (to_value, self->kinds->values[selected - offset].value);
  return TRUE;
}

/* An enum property to the item of a combo row (user data: its Choices). */
static gboolean
enum_to_selected (GBinding     *binding,
                  const GValue *from_value,
                  GValue       *to_value,
                  gpointer      user_data)
{
  const Choices *choices = user_data;
  int value = g_value_get_enum (from_value);

  for (guint i = 0; i < choices->n_values; i++)
    {
      if (choices->values[i] == value)
        {
          g_value_set_uint (to_value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
selected_to_enum (GBinding     *binding,
                  const GValue *from_value,
                  GValue       *to_value,
                  gpointer      user_data)
{
  const Choices *choices = user_data;
  guint selected = g_value_get_uint (from_value);

  if (selected >= choices->n_values)
    return FALSE;

  g_value_set_enum (to_value, choices->values[selected]);
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
           gpointer     row)
{
  g_binding_group_bind (self->bindings, property, row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

/* The combo's items: the kinds, after "Use API’s authentication" for a method. */
static void
set_kind_model (RcAuthGroup *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (self->method != NULL)
    gtk_string_list_append (labels, _("Use API’s authentication"));
  for (guint i = 0; i < self->kinds->n_values; i++)
    gtk_string_list_append (labels, rc_auth_kind_get_label (self->kinds->values[i].value));

  self->updating = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  self->updating = FALSE;
}

static void
update_inherited_row (RcAuthGroup *self)
{
  RcApi *api = self->method ? rc_method_get_api (self->method) : NULL;
  g_autofree char *subtitle = NULL;

  if (api == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->inherited_row),
                                   _("The method is in no API: it sends no authentication."));
      return;
    }

  /* Translators: the first %s is an API's name, the second an authentication type */
  subtitle = g_strdup_printf (_("“%s” uses %s."), rc_api_get_name (api),
                              rc_auth_kind_get_label (rc_auth_get_kind (rc_api_get_auth (api))));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->inherited_row), subtitle);
}

/* The inherited row, activated: the API's page, at its secret (the
 * window's win.edit-api-secret). */
static void
inherited_row_activated_cb (RcAuthGroup *self)
{
  if (self->api_link)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-api-secret", NULL);
}

static void
update_api_link (RcAuthGroup *self)
{
  gboolean link = self->api_link && self->method != NULL && rc_method_get_api (self->method);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->inherited_row), link);
  gtk_widget_set_visible (self->inherited_link_icon, link);
}

/* The Basic form: what each choice does, and what the automatic one
 * found out about the server. */
static void
update_basic_form_rows (RcAuthGroup *self)
{
  gboolean basic_header = self->auth != NULL
                          && rc_auth_get_client_auth (self->auth) == RC_CLIENT_AUTH_BASIC_HEADER;
  RcBasicForm form = self->auth ? rc_auth_get_basic_form (self->auth) : RC_BASIC_FORM_AUTO;
  RcBasicForm remembered =
    self->auth ? rc_auth_get_remembered_basic_form (self->auth) : RC_BASIC_FORM_AUTO;
  const char *subtitle;
  const char *found = NULL;

  /* The form only concerns credentials sent in a Basic Auth header. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->basic_form_row), basic_header);

  switch (form)
    {
    case RC_BASIC_FORM_RFC:
      subtitle = _("The client ID and secret are form-encoded first, as RFC 6749 requires.");
      break;

    case RC_BASIC_FORM_RAW:
      subtitle = _("The client ID and secret go as typed, for servers that do not decode them.");
      break;

    case RC_BASIC_FORM_AUTO:
    default:
      subtitle =
        _("RFC 6749 encoding first; unencoded once more if the server refuses the client.");
      break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->basic_form_row), subtitle);

  if (basic_header && form == RC_BASIC_FORM_AUTO && remembered == RC_BASIC_FORM_RAW)
    found = _("This server compares the credentials unencoded");
  else if (basic_header && form == RC_BASIC_FORM_AUTO && remembered == RC_BASIC_FORM_RFC)
    found = _("This server decodes the credentials, as RFC 6749 asks");
  adw_expander_row_set_subtitle (self->advanced_row, found ? found : "");
}

/* Shows the rows the kind of the auth shown uses, and only those. */
static void
update_rows (RcAuthGroup *self)
{
  int kind = self->auth ? (int) rc_auth_get_kind (self->auth) : -1;
  gboolean basic = kind == RC_AUTH_KIND_BASIC;
  gboolean oauth2 = kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS;
  gboolean key_jwt = oauth2
                     && rc_auth_get_client_auth (self->auth) == RC_CLIENT_AUTH_PRIVATE_KEY_JWT;
  gboolean needs_secret = self->auth && rc_auth_needs_secret (self->auth);
  gboolean tls = oauth2 && rc_auth_get_client_auth (self->auth) == RC_CLIENT_AUTH_TLS;
  const char *secret_title;

  gtk_widget_set_visible (GTK_WIDGET (self->inherited_row),
                          self->method != NULL && self->auth == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->username_row), basic);
  gtk_widget_set_visible (GTK_WIDGET (self->client_id_row), oauth2);
  gtk_widget_set_visible (GTK_WIDGET (self->token_url_row), oauth2);
  gtk_widget_set_visible (GTK_WIDGET (self->scopes_row), oauth2);
  gtk_widget_set_visible (GTK_WIDGET (self->client_auth_row), oauth2);
  /* Its key signs an assertion, or proves the client's certificate. */
  gtk_widget_set_visible (GTK_WIDGET (self->private_key_row), key_jwt || tls);
  gtk_widget_set_visible (GTK_WIDGET (self->key_id_row), key_jwt);
  gtk_widget_set_visible (GTK_WIDGET (self->jwt_alg_row), key_jwt);
  gtk_widget_set_visible (GTK_WIDGET (self->cert_file_row), tls);
  /* A private key in a file: nothing in the keyring. */
  gtk_widget_set_visible (GTK_WIDGET (self->secret_row), needs_secret);
  gtk_widget_set_visible (GTK_WIDGET (self->secret_state_row), needs_secret);
  gtk_widget_set_visible (GTK_WIDGET (self->token_params_row), oauth2);
  gtk_widget_set_visible (GTK_WIDGET (self->advanced_row), oauth2);

  if (basic)
    secret_title = _("_Password");
  else if (key_jwt || tls)
    secret_title = _("Private key (PEM, _stored in the keyring)");
  else
    secret_title = _("Client _secret");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row), secret_title);

  update_basic_form_rows (self);

  if (self->method != NULL)
    update_inherited_row (self);
  update_api_link (self);
}

static void
show_field_check (RcAuthGroup *self,
                  Field       *field)
{
  GtkWidget *row = GTK_WIDGET (rc_field_check_get_field (field->shown));
  g_autofree char *message = NULL;

  if (self->auth != NULL && gtk_widget_get_visible (row))
    message = field->check (self->auth);

  rc_field_check_set_message (field->shown, message);
}

/* Valid, and with the secret it needs, if any, at hand. */
static void
update_ready (RcAuthGroup *self)
{
  gboolean ready = self->valid &&
                   (self->auth == NULL || !rc_auth_needs_secret (self->auth) ||
                    rc_secret_row_get_stored (self->secret_state_row));

  if (ready == self->ready)
    return;

  self->ready = ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
validate (RcAuthGroup *self)
{
  gboolean valid;

  for (guint i = 0; i < N_FIELDS; i++)
    show_field_check (self, &self->fields[i]);

  valid = rc_check_auth (self->auth);
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }

  update_ready (self);
}

static void
key_checked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean is_key = FALSE;
  RcAuthGroup *self;

  if (rc_client_assertion_check_file_finish (result, &is_key, &error)
      || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self = RC_AUTH_GROUP (user_data);
      rc_field_check_set_message (self->private_key_check, error ? error->message : NULL);
      rc_field_check_mark (GTK_WIDGET (self->jwt_alg_row),
                           error && is_key ? error->message : NULL);
    }
}

/* Checks the key file shown, when it or the algorithm changed. */
static void
check_private_key (RcAuthGroup *self)
{
  g_autofree char *path = NULL;
  g_autofree char *checked = NULL;
  RcJwtAlg alg = RC_JWT_ALG_AUTO;

  if (self->auth && gtk_widget_get_visible (GTK_WIDGET (self->private_key_row)))
    {
      path = rc_auth_dup_file_path (self->auth, rc_auth_get_private_key_file (self->auth));
      alg = rc_auth_get_jwt_alg (self->auth);
    }
  if (path)
    checked = g_strdup_printf ("%s\x1f%s", path, rc_jwt_alg_to_string (alg));
  if (g_strcmp0 (checked, self->key_checked) == 0)
    return;

  g_free (self->key_checked);
  self->key_checked = g_steal_pointer (&checked);
  g_cancellable_cancel (self->key_cancellable);
  g_clear_object (&self->key_cancellable);

  if (path == NULL)
    {
      rc_field_check_set_message (self->private_key_check, NULL);
      rc_field_check_mark (GTK_WIDGET (self->jwt_alg_row), NULL);
      return;
    }

  self->key_cancellable = g_cancellable_new ();
  rc_client_assertion_check_file_async (path, alg, self->key_cancellable, key_checked_cb, self);
}

static void
update_token_params_subtitle (RcAuthGroup *self)
{
  guint n_params = self->param_rows->len;
  g_autofree char *subtitle = NULL;

  if (n_params == 0)
    subtitle = g_strdup (_("Such as audience or resource; none set"));
  else
    subtitle = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u parameter", "%u parameters", n_params), n_params);

  adw_expander_row_set_subtitle (self->token_params_row, subtitle);
}

/* One pair row per extra token parameter of the auth shown. */
static void
rebuild_token_params (RcAuthGroup *self)
{
  RcPairList *params = self->auth ? rc_auth_get_token_params (self->auth) : NULL;
  guint n_items = params ? g_list_model_get_n_items (G_LIST_MODEL (params)) : 0;

  for (guint i = 0; i < self->param_rows->len; i++)
    adw_expander_row_remove (self->token_params_row, g_ptr_array_index (self->param_rows, i));
  g_ptr_array_set_size (self->param_rows, 0);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (G_LIST_MODEL (params), i);
      GtkWidget *row = rc_pair_row_new (pair, RC_PAIR_ROW_TOKEN_PARAM);

      g_signal_connect_object (row, "remove", G_CALLBACK (token_param_remove_cb), self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->token_params_row, row);
      g_ptr_array_add (self->param_rows, row);
    }

  update_token_params_subtitle (self);
}

/* Shows @auth (NULL: the method's API's), and whose secret it is. */
static void
show_auth (RcAuthGroup *self,
           RcAuth      *auth)
{
  gboolean changed;

  self->updating = TRUE;

  /* Whatever was typed and not applied goes with the auth it was for. */
  empty_secret_entry (self);
  if (auth != NULL)
    rc_secret_row_set_auth (self->secret_state_row, auth, self->project_id, self->owner);
  else
    rc_secret_row_set_auth (self->secret_state_row, NULL, NULL, NULL);

  changed = g_set_object (&self->auth, auth);
  g_binding_group_set_source (self->bindings, auth);
  g_signal_group_set_target (self->auth_signals, auth);
  g_signal_group_set_target (self->params_signals, auth ? rc_auth_get_token_params (auth) : NULL);

  if (auth == NULL && self->method != NULL)
    adw_combo_row_set_selected (self->kind_row, 0);

  self->updating = FALSE;

  rebuild_token_params (self);
  update_rows (self);
  validate (self);
  check_private_key (self);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH]);
}

/* Enters method mode for @method, or leaves it for %NULL. */
static void
set_mode (RcAuthGroup *self,
          RcMethod    *method,
          const char  *project_id,
          GObject     *owner)
{
  gboolean mode_changes = (self->method == NULL) != (method == NULL);

  g_free (self->project_id);
  self->project_id = g_strdup (project_id);
  g_set_object (&self->owner, owner);

  if (self->method != method)
    {
      g_clear_object (&self->own_auth);
      g_set_object (&self->method, method);
      g_signal_group_set_target (self->method_signals, method);
    }

  if (mode_changes)
    {
      /* The combo's items change under the binding: show_auth() binds
       * it again, with the new offset. */
      g_binding_group_set_source (self->bindings, NULL);
      set_kind_model (self);
    }
}

static void
auth_changed_cb (RcAuthGroup *self)
{
  update_rows (self);
  validate (self);
  check_private_key (self);
}

static void
file_chosen_cb (GtkNativeDialog *native,
                int              response,
                RcAuthGroup     *self)
{
  AdwEntryRow *row = g_object_get_data (G_OBJECT (native), "rc-row");

  if (response == GTK_RESPONSE_ACCEPT && self->auth != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autofree char *saved = NULL;

      /* Through the row, whose binding sets the auth: relative to the
       * project's folder when the file is in it, so that the project
       * and its keys can move (or be shared) together. */
      if (path != NULL)
        {
          saved = rc_auth_dup_path_to_save (self->auth, path);
          gtk_editable_set_text (GTK_EDITABLE (row), saved);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

/* A file chooser for @row's file, PEM files first. */
static void
choose_file (RcAuthGroup *self,
             AdwEntryRow *row,
             const char  *title)
{
  GtkFileChooserNative *native = rc_pem_chooser_new (GTK_WIDGET (self), title, _("_Choose"));

  /* The group may go while the chooser is open: the dialog is dropped
   * with it. */
  g_object_set_data (G_OBJECT (native), "rc-row", row);
  g_signal_connect_object (native, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
private_key_browse_cb (RcAuthGroup *self)
{
  choose_file (self, self->private_key_row, _("Choose the Private Key File"));
}

static void
cert_file_browse_cb (RcAuthGroup *self)
{
  choose_file (self, self->cert_file_row, _("Choose the Client Certificate File"));
}

static void
token_params_changed_cb (RcAuthGroup *self)
{
  rebuild_token_params (self);
}

static void
token_param_remove_cb (RcAuthGroup *self,
                       RcPairRow   *row)
{
  RcPairList *params;
  guint n_items;

  if (self->auth == NULL)
    return;

  params = rc_auth_get_token_params (self->auth);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (params));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (G_LIST_MODEL (params), i);

      if (pair == rc_pair_row_get_pair (row))
        {
          rc_pair_list_remove (params, i);
          break;
        }
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->token_params_row));
}

static void
token_param_add_cb (RcAuthGroup *self)
{
  if (self->auth == NULL)
    return;

  rc_pair_list_append (rc_auth_get_token_params (self->auth), "", "");
  adw_expander_row_set_expanded (self->token_params_row, TRUE);

  if (self->param_rows->len > 0)
    rc_pair_row_focus_name (g_ptr_array_index (self->param_rows, self->param_rows->len - 1));
}

/* In method mode: "Use API’s authentication" takes the method's own auth
 * away (and keeps it aside); any kind gives it one. */
static void
selected_cb (RcAuthGroup *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);
  g_autoptr(RcAuth) auth = NULL;

  if (self->updating || self->method == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected == 0)
    {
      rc_method_set_auth (self->method, NULL);
      return;
    }

  if (rc_method_get_auth (self->method) != NULL || selected - 1 >= self->kinds->n_values)
    return;

  auth = self->own_auth ? g_object_ref (self->own_auth) : rc_auth_new ();
  rc_auth_set_kind (auth, self->kinds->values[selected - 1].value);
  rc_method_set_auth (self->method, auth);
}

static void
method_auth_changed_cb (RcAuthGroup *self)
{
  RcAuth *auth = rc_method_get_auth (self->method);

  if (auth != NULL)
    g_set_object (&self->own_auth, auth);

  show_auth (self, auth);
}

static void
method_api_changed_cb (RcAuthGroup *self)
{
  RcApi *api = rc_method_get_api (self->method);

  g_signal_group_set_target (self->api_auth_signals, api ? rc_api_get_auth (api) : NULL);
  g_signal_group_set_target (self->api_signals, api);
  update_rows (self);
}

/* Enter or the apply button: to the keyring, and out of the entry. */
static void
secret_apply_cb (RcAuthGroup *self)
{
  rc_auth_group_commit (self);
}

/* Leaving the entry applies what was typed in it, as Enter would: for
 * another field, another tab, or the Test button. Not when the window
 * goes to the background (the focus stays in the entry, and the user may
 * be copying the rest of the secret), nor when it is hidden or destroyed
 * (a dialog whose edits are discarded). */
static void
secret_focus_leave_cb (RcAuthGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus;

  /* A window being destroyed is hidden first, and then loses its focus. */
  if (root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (root)) ||
      gtk_widget_in_destruction (GTK_WIDGET (root)) ||
      gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  focus = gtk_root_get_focus (root);
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->secret_row)))
    return;

  rc_auth_group_commit (self);
}

static void
rc_auth_group_dispose (GObject *object)
{
  RcAuthGroup *self = (RcAuthGroup *)object;

  if (self->bindings)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->auth_signals)
    g_signal_group_set_target (self->auth_signals, NULL);
  if (self->params_signals)
    g_signal_group_set_target (self->params_signals, NULL);
  if (self->method_signals)
    g_signal_group_set_target (self->method_signals, NULL);
  if (self->api_auth_signals)
    g_signal_group_set_target (self->api_auth_signals, NULL);
  if (self->api_signals)
    g_signal_group_set_target (self->api_signals, NULL);

  g_cancellable_cancel (self->key_cancellable);
  g_clear_object (&self->key_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_AUTH_GROUP);

  g_clear_object (&self->bindings);
  g_clear_object (&self->auth_signals);
  g_clear_object (&self->params_signals);
  g_clear_object (&self->method_signals);
  g_clear_object (&self->api_auth_signals);
  g_clear_object (&self->api_signals);
  g_clear_object (&self->auth);
  g_clear_object (&self->own_auth);
  g_clear_object (&self->method);
  g_clear_object (&self->owner);
  g_clear_pointer (&self->param_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rc_auth_group_parent_class)->dispose (object);
}

static void
rc_auth_group_finalize (GObject *object)
{
  RcAuthGroup *self = (RcAuthGroup *)object;

  g_clear_pointer (&self->kinds, g_type_class_unref);
  g_free (self->project_id);
  g_free (self->key_checked);

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

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    case PROP_READY:
      g_value_set_boolean (value, self->ready);
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
   * it is, for the keyring. %NULL for a method that uses its API's.
   */
  properties[PROP_AUTH] =
    g_param_spec_object ("auth", NULL, NULL,
                         RC_TYPE_AUTH,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcAuthGroup:valid:
   *
   * Whether the auth shown passes rc_check_auth(): always for None, and
   * for a method that uses its API's.
   */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcAuthGroup:ready:
   *
   * Whether the auth shown is valid and has the secret it needs (stored,
   * or kept for the session): whether a token request can be made as it
   * is.
   */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RC_TYPE_FIELD_CHECK);
  g_type_ensure (RC_TYPE_SECRET_ROW);
  g_type_ensure (RC_TYPE_TEXT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-auth-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, inherited_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, username_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, username_check);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, client_id_check);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, token_url_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, token_url_check);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, scopes_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, client_auth_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, private_key_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, private_key_check);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, key_id_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, jwt_alg_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, cert_file_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, cert_file_check);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, secret_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, secret_state_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, inherited_link_icon);
  gtk_widget_class_bind_template_callback (widget_class, inherited_row_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, token_params_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, RcAuthGroup, basic_form_row);
  gtk_widget_class_bind_template_callback (widget_class, secret_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, secret_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, token_param_add_cb);
  gtk_widget_class_bind_template_callback (widget_class, private_key_browse_cb);
  gtk_widget_class_bind_template_callback (widget_class, cert_file_browse_cb);
}

static void
rc_auth_group_init (RcAuthGroup *self)
{
  g_autoptr(GtkEntryBuffer) secret_buffer = gtk_password_entry_buffer_new ();
  GtkEditable *secret_text;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->valid = TRUE;
  self->ready = TRUE;
  self->param_rows = g_ptr_array_new ();
  g_signal_connect_object (self->secret_state_row, "notify::stored", G_CALLBACK (update_ready),
                           self, G_CONNECT_SWAPPED);
  self->fields[FIELD_USERNAME] = (Field) { self->username_check, rc_check_auth_username };
  self->fields[FIELD_CLIENT_ID] = (Field) { self->client_id_check, rc_check_auth_client_id };
  self->fields[FIELD_TOKEN_URL] = (Field) { self->token_url_check, rc_check_auth_token_url };
  self->fields[FIELD_CERT_FILE] =
    (Field) { self->cert_file_check, rc_check_auth_client_cert_file };

  /* What is typed lives in secure memory, wiped when it is let go of. */
  secret_text = gtk_editable_get_delegate (GTK_EDITABLE (self->secret_row));
  if (GTK_IS_TEXT (secret_text))
    gtk_text_set_buffer (GTK_TEXT (secret_text), secret_buffer);

  self->kinds = g_type_class_ref (RC_TYPE_AUTH_KIND);
  set_kind_model (self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (selected_cb), self);

  self->bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->bindings, "kind", self->kind_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             kind_to_selected, selected_to_kind, self, NULL);
  bind_text (self, "username", self->username_row);
  bind_text (self, "client-id", self->client_id_row);
  bind_text (self, "token-url", self->token_url_row);
  bind_text (self, "scopes", self->scopes_row);
  bind_text (self, "client-cert-file", self->cert_file_row);
  g_binding_group_bind_full (self->bindings, "client-auth", self->client_auth_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL, enum_to_selected,
                             selected_to_enum, (gpointer) &client_auth_choices, NULL);
  g_binding_group_bind_full (self->bindings, "basic-form", self->basic_form_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL, enum_to_selected,
                             selected_to_enum, (gpointer) &basic_form_choices, NULL);
  bind_text (self, "private-key-file", self->private_key_row);
  bind_text (self, "key-id", self->key_id_row);
  g_binding_group_bind_full (self->bindings, "jwt-alg", self->jwt_alg_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL, enum_to_selected,
                             selected_to_enum, (gpointer) &jwt_alg_choices, NULL);

  self->auth_signals = g_signal_group_new (RC_TYPE_AUTH);
  g_signal_group_connect_swapped (self->auth_signals, "changed", G_CALLBACK (auth_changed_cb),
                                  self);

  self->params_signals = g_signal_group_new (RC_TYPE_PAIR_LIST);
  g_signal_group_connect_swapped (self->params_signals, "items-changed",
                                  G_CALLBACK (token_params_changed_cb), self);

  self->method_signals = g_signal_group_new (RC_TYPE_METHOD);
  g_signal_group_connect_swapped (self->method_signals, "notify::auth",
                                  G_CALLBACK (method_auth_changed_cb), self);
  g_signal_group_connect_swapped (self->method_signals, "notify::api",
                                  G_CALLBACK (method_api_changed_cb), self);

  /* What the API's auth is, said while a method uses it. */
  self->api_auth_signals = g_signal_group_new (RC_TYPE_AUTH);
  g_signal_group_connect_swapped (self->api_auth_signals, "changed",
                                  G_CALLBACK (update_rows), self);
  /* And the API's name, which the row says too. */
  self->api_signals = g_signal_group_new (RC_TYPE_API);
  g_signal_group_connect_swapped (self->api_signals, "notify::name",
                                  G_CALLBACK (update_rows), self);

  update_rows (self);
}

GtkWidget *
rc_auth_group_new (RcContext *context)
{
  RcAuthGroup *self = g_object_new (RC_TYPE_AUTH_GROUP, NULL);

  rc_auth_group_set_context (self, context);

  return GTK_WIDGET (self);
}

/**
 * rc_auth_group_set_context:
 * @context: the services to use: the secret store the secret goes to
 *
 * Set before an auth is shown.
 */
void
rc_auth_group_set_context (RcAuthGroup *self,
                           RcContext   *context)
{
  g_return_if_fail (RC_IS_AUTH_GROUP (self));

  rc_secret_row_set_context (self->secret_state_row, context);
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
 * rc_auth_group_get_valid:
 *
 * Returns: whether the auth shown passes its checks
 */
gboolean
rc_auth_group_get_valid (RcAuthGroup *self)
{
  g_return_val_if_fail (RC_IS_AUTH_GROUP (self), FALSE);

  return self->valid;
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

  set_mode (self, NULL, project_id, owner);
  g_signal_group_set_target (self->api_auth_signals, NULL);
  g_signal_group_set_target (self->api_signals, NULL);
  show_auth (self, auth);
  /* After the fields took the new values: not an edit of the user's. */
  rc_field_check_conceal_all (GTK_WIDGET (self));
}

/**
 * rc_auth_group_set_method:
 * @method: (nullable): the method whose authentication to edit
 * @project_id: (nullable): the id of the project it is in
 *
 * Edits the authentication of @method: its own, or "Use API’s
 * authentication" when it has none. Its secret is kept in the keyring under
 * the ids of the project and of @method.
 */
void
rc_auth_group_set_method (RcAuthGroup *self,
                          RcMethod    *method,
                          const char  *project_id)
{
  RcApi *api;

  g_return_if_fail (RC_IS_AUTH_GROUP (self));
  g_return_if_fail (method == NULL || RC_IS_METHOD (method));

  if (method == NULL)
    {
      rc_auth_group_set_auth (self, NULL, NULL, NULL);
      return;
    }

  set_mode (self, method, project_id, G_OBJECT (method));
  if (rc_method_get_auth (method) != NULL)
    g_set_object (&self->own_auth, rc_method_get_auth (method));

  api = rc_method_get_api (method);
  g_signal_group_set_target (self->api_auth_signals, api ? rc_api_get_auth (api) : NULL);
  g_signal_group_set_target (self->api_signals, api);
  show_auth (self, rc_method_get_auth (method));
  rc_field_check_conceal_all (GTK_WIDGET (self));
}

/**
 * rc_auth_group_has_pending_secret:
 *
 * Returns: whether a secret is typed in the entry and not yet handed to
 *   the keyring
 */
gboolean
rc_auth_group_has_pending_secret (RcAuthGroup *self)
{
  g_return_val_if_fail (RC_IS_AUTH_GROUP (self), FALSE);

  return self->auth != NULL &&
         gtk_widget_get_visible (GTK_WIDGET (self->secret_row)) &&
         gtk_editable_get_text (GTK_EDITABLE (self->secret_row))[0] != '\0';
}

/**
 * rc_auth_group_commit:
 *
 * Hands a secret typed in the entry and not yet applied to the keyring, as
 * Enter would, and empties the entry. Does nothing when none is. The store
 * runs on: RcSecretStore:busy is TRUE until it has ended.
 */
void
rc_auth_group_commit (RcAuthGroup *self)
{
  g_return_if_fail (RC_IS_AUTH_GROUP (self));

  if (!rc_auth_group_has_pending_secret (self))
    return;

  rc_secret_row_store (self->secret_state_row,
                       gtk_editable_get_text (GTK_EDITABLE (self->secret_row)));
  empty_secret_entry (self);
}

/**
 * rc_auth_group_focus_secret:
 *
 * Moves the keyboard focus to the secret's entry, for a new secret to be
 * typed, when the auth shown has one.
 */
void
rc_auth_group_focus_secret (RcAuthGroup *self)
{
  g_return_if_fail (RC_IS_AUTH_GROUP (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->secret_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->secret_row));
}

/**
 * rc_auth_group_set_api_link:
 * @api_link: whether the row of a method that uses its API's
 *   authentication goes to the API's page (the window's
 *   win.edit-api-secret); not in a dialog, which would be left
 *
 * Off at first.
 */
void
rc_auth_group_set_api_link (RcAuthGroup *self,
                            gboolean     api_link)
{
  g_return_if_fail (RC_IS_AUTH_GROUP (self));

  self->api_link = !!api_link;
  update_api_link (self);
}
