/* rc-method-dialog.c: consume a single method: the method editor in a dialog, and Finish
 *
 * The draft method lives in a scratch API outside the project, which copies
 * the target API's name, base URL, headers and authentication (with the
 * same secret ID, so the target's stored secret is found). So “Use API's
 * authentication” (said with the API's own name), relative URLs and the
 * Test tab behave as they will once the method is in its API. Finish moves
 * the draft into the chosen API, its URL made relative to the API's base
 * URL when it starts with it; or adds the scratch API itself as a new one,
 * named after the URL's host, with the URL's origin and common path as its
 * base URL (rc_url_template_split_base()) and the rest as the method's URL.
 *
 * A new API owns the authentication set with it, as the reference says
 * (“the OAuth 2.0 authentication for the REST API you are consuming”):
 * while “New API” is chosen, Headers and Authentication edits the scratch
 * API's, which the draft uses, and a secret typed there is stored under the
 * scratch API's ID, the new API's once finished. Each choice keeps its own:
 * the new API's authentication waits aside while another API is chosen, and
 * the draft's own authentication while the new API is; Finish forgets the
 * secret of the one left aside.
 *
 * The API the method goes to is the first group of the Request tab. Alt+F
 * (Finish's mnemonic) finishes; Escape cancels; Ctrl+Return tests.
 *
 * Closing with edits asks first, and so does closing the main window while
 * the dialog has edits (rc-window.c closes its dialogs first); a secret
 * typed and not stored yet counts as an edit. Finish hands such a secret to
 * the keyring (rc_method_editor_commit()); Discard never does, and clears
 * the secrets stored for the draft (its own authentication's, and the
 * scratch API's) from the keyring. RcSecretStore makes the clear wait for
 * the stores of them still on their way, one of which ending later would
 * put the secret back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-field-check.h"
#include "rc-method-dialog.h"
#include "rc-method-editor.h"
#include "rc-window.h"

struct _RcMethodDialog
{
  AdwWindow             parent_instance;

  RcContext            *context;
  RcProject            *project;
  RcApi                *scratch;
  RcMethod             *draft;
  GPtrArray            *targets;   /* RcApi, in the API row's order; "New API" follows */
  RcAuth               *new_api_auth;  /* the new API's, kept while another API is chosen */
  RcAuth               *own_auth;      /* the draft's own, kept while the new API is chosen */

  RcMethodEditor       *editor;
  AdwComboRow          *api_row;
  GtkWidget            *finish_button;
  AdwViewSwitcherTitle *switcher_title;

  /* The name last suggested from the verb and URL; the name follows them
   * while it is this one (or empty), and is the user's once they type. */
  char                 *suggested_name;

  guint                 edited : 1;
  guint                 new_api_shown : 1;       /* the scratch API is the new API */
  guint                 target_follows_url : 1;  /* consumed from the top, not from an API */
  guint                 target_chosen : 1;       /* the user picked the API */
  guint                 proposing : 1;
  guint                 finished : 1;
  guint                 close_confirmed : 1;
};

static void discard_response_cb (RcMethodDialog   *self,
                                 const char       *response,
                                 AdwMessageDialog *dialog);

G_DEFINE_FINAL_TYPE (RcMethodDialog, rc_method_dialog, ADW_TYPE_WINDOW)

/* Makes @auth say what @from says; with no @from, no authentication. */
static void
copy_auth (RcAuth *auth,
           RcAuth *from)
{
  g_autoptr(RcAuth) none = from ? NULL : rc_auth_new ();

  if (from == NULL)
    from = none;

  rc_auth_set_kind (auth, rc_auth_get_kind (from));
  rc_auth_set_username (auth, rc_auth_get_username (from));
  rc_auth_set_client_id (auth, rc_auth_get_client_id (from));
  rc_auth_set_token_url (auth, rc_auth_get_token_url (from));
  rc_auth_set_scopes (auth, rc_auth_get_scopes (from));
  rc_auth_set_client_auth (auth, rc_auth_get_client_auth (from));
  rc_auth_set_client_cert_file (auth, rc_auth_get_client_cert_file (from));
  rc_auth_set_private_key_file (auth, rc_auth_get_private_key_file (from));
  rc_auth_set_basic_form (auth, rc_auth_get_basic_form (from));
  rc_auth_set_remembered_basic_form (auth, rc_auth_get_remembered_basic_form (from));
  rc_auth_set_secret_id (auth, rc_auth_get_secret_id (from));
  rc_pair_list_copy_from (rc_auth_get_token_params (auth), rc_auth_get_token_params (from));
}

static RcApi *
get_target (RcMethodDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->api_row);

  if (selected >= self->targets->len)
    return NULL;

  return g_ptr_array_index (self->targets, selected);
}

/* The name a new API gets: the URL's host, free among the project's APIs. */
static char *
dup_new_api_name (RcMethodDialog *self)
{
  g_autoptr(GUri) uri = NULL;
  const char *host = NULL;
  const char *name;
  g_autoptr(RcNameSet) names = rc_name_set_new_for_apis (self->project);

  if (self->draft != NULL)
    uri = g_uri_parse (rc_method_get_url (self->draft), G_URI_FLAGS_NONE, NULL);
  if (uri != NULL)
    host = g_uri_get_host (uri);
  name = host && host[0] ? host : _("New API");

  return rc_name_set_add_unique (names, name);
}

/* The new API follows the URL: named after its host, its base URL the
 * URL's origin and common path, as Finish makes them. A secret is bound to
 * where it goes from there (a Basic password to the base URL's origin). */
static void
update_new_api (RcMethodDialog *self)
{
  g_autofree char *name = dup_new_api_name (self);
  g_autofree char *base_url = NULL;

  if (self->draft != NULL)
    rc_url_template_split_base (rc_method_get_url (self->draft), &base_url, NULL);

  rc_api_set_name (self->scratch, name);
  rc_api_set_base_url (self->scratch, base_url ? base_url : "");
}

/* The draft's own authentication goes aside while the new API's is edited
 * (the draft uses it), and comes back with another API. */
static void
set_own_auth_aside (RcMethodDialog *self,
                    gboolean        aside)
{
  if (self->draft == NULL)
    return;

  if (aside && rc_method_get_auth (self->draft) != NULL)
    {
      g_set_object (&self->own_auth, rc_method_get_auth (self->draft));
      rc_method_set_auth (self->draft, NULL);
    }
  else if (!aside && self->own_auth != NULL)
    {
      rc_method_set_auth (self->draft, self->own_auth);
      g_clear_object (&self->own_auth);
    }
}

/* The scratch API becomes a copy of the target, or the new API, whose
 * authentication the editor then edits. */
static void
copy_target (RcMethodDialog *self)
{
  RcApi *target = get_target (self);
  RcAuth *auth = rc_api_get_auth (self->scratch);

  if (self->new_api_shown && target != NULL)
    {
      copy_auth (self->new_api_auth, auth);
      if (self->draft != NULL)
        rc_method_editor_set_auth_api (self->editor, NULL);
      set_own_auth_aside (self, FALSE);
    }

  /* The name before the authentication: its row names the API it is. */
  if (target != NULL)
    {
      rc_api_set_name (self->scratch, rc_api_get_name (target));
      rc_api_set_base_url (self->scratch, rc_api_get_base_url (target));
      rc_pair_list_copy_from (rc_api_get_headers (self->scratch), rc_api_get_headers (target));
    }
  else
    {
      update_new_api (self);
      rc_pair_list_clear (rc_api_get_headers (self->scratch));
    }

  if (target == NULL && !self->new_api_shown)
    set_own_auth_aside (self, TRUE);
  copy_auth (auth, target ? rc_api_get_auth (target) : self->new_api_auth);
  self->new_api_shown = target == NULL;
  if (self->draft != NULL)
    rc_method_editor_set_auth_api (self->editor, target ? NULL : self->scratch);
}

/* A name no other method of @api has: “getPet”, then “getPet2”… */
static void
make_name_unique (RcMethod *method,
                  RcApi    *api)
{
  g_autoptr(RcNameSet) names = rc_name_set_new_for_methods (api);
  g_autofree char *name = rc_name_set_add_unique (names, rc_method_get_name (method));

  rc_method_set_name (method, name);
}

static void
forget_secret_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rc_secret_store_clear_finish (RC_SECRET_STORE (object), result, &error))
    g_warning ("Could not clear a secret set aside from the keyring: %s", error->message);
}

/* Finished: the secret of an authentication left aside, if one was
 * stored, leaves the keyring (once its stores on their way have ended). */
static void
forget_secret (RcMethodDialog *self,
               RcAuth         *auth)
{
  if (auth == NULL || rc_auth_get_secret_id (auth)[0] == '\0')
    return;

  rc_secret_store_clear_async (rc_context_get_secret_store (self->context),
                               rc_project_get_id (self->project),
                               rc_auth_get_secret_id (auth), NULL, forget_secret_cb, NULL);
}

static void
clear_secret_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rc_secret_store_clear_owner_finish (RC_SECRET_STORE (object), result, &error))
    g_warning ("Could not clear the discarded method’s secret from the keyring: %s",
               error->message);
}

/* The draft is gone: so are the secrets stored for it, and for the scratch
 * API (a new API's, or one typed for the target's authentication), once
 * the stores of them on their way have ended. A secret typed and not
 * applied is not stored. */
static void
clear_draft_secrets (RcMethodDialog *self)
{
  RcSecretStore *store = rc_context_get_secret_store (self->context);
  const char *owner_ids[] = { rc_method_get_id (self->draft), rc_api_get_id (self->scratch) };

  for (guint i = 0; i < G_N_ELEMENTS (owner_ids); i++)
    rc_secret_store_clear_owner_async (store, rc_project_get_id (self->project), owner_ids[i],
                                       NULL, clear_secret_cb, NULL);
}

/* Whether closing would lose something the user entered. */
static gboolean
has_edits (RcMethodDialog *self)
{
  return self->edited ||
         rc_auth_group_has_pending_secret (rc_method_editor_get_auth_group (self->editor));
}

static void
ask_discard (RcMethodDialog *self)
{
  AdwMessageDialog *dialog;

  dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Discard This Method?"),
                                                _("The method is not in the project yet: what "
                                                  "you entered will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");

  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finish (RcMethodDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *url = NULL;
  RcApi *target;

  rc_method_editor_commit (self->editor);
  if (self->finished)
    return;

  /* Finish says what is missing when pressed (the fields are not marked
   * before the user has been at them): every check shows, on the tab of
   * the first. */
  if (!rc_method_editor_get_valid (self->editor))
    {
      g_autofree char *name_error = rc_check_method_name (self->draft);
      g_autofree char *url_error = rc_check_method_url (self->draft);

      rc_field_check_reveal_all (GTK_WIDGET (self));
      rc_method_editor_set_page (self->editor, name_error || url_error ? "request" : "headers");
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* The URL changes below: nothing follows it any more. */
  g_signal_handlers_disconnect_by_data (self->draft, self);
  url = g_strdup (rc_method_get_url (self->draft));

  target = get_target (self);
  if (target != NULL)
    {
      g_autofree char *relative = rc_url_template_dup_relative (url, rc_api_get_base_url (target));

      if (relative != NULL)
        rc_method_set_url (self->draft, relative);
      make_name_unique (self->draft, target);
      rc_api_add_method (target, self->draft);
      forget_secret (self, self->new_api_auth);
    }
  else
    {
      g_autofree char *relative = NULL;

      /* Named, and its base URL set, from the URL as it is. */
      update_new_api (self);
      if (rc_url_template_split_base (url, NULL, &relative))
        rc_method_set_url (self->draft, relative);
      rc_project_add_api (self->project, self->scratch);
      forget_secret (self, self->own_auth);
    }

  rc_project_set_dirty (self->project, TRUE);
  self->finished = TRUE;

  if (RC_IS_WINDOW (parent) && rc_window_get_project (RC_WINDOW (parent)) == self->project)
    rc_window_select_item (RC_WINDOW (parent), G_OBJECT (self->draft));

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
draft_changed_cb (RcMethodDialog *self)
{
  self->edited = TRUE;
}

/* A name is never required: as the URL (or the verb) changes, the method
 * is named after them (GET …/pets/{petId} → GetPet), like the target API's
 * methods and free among them, until the user types a name of their own.
 * Only a change of URL or verb suggests, never an edit of the name itself:
 * a name cleared to be retyped is not filled in under the user's keys. */
static void
suggest_name (RcMethodDialog *self)
{
  const char *name = rc_method_get_name (self->draft);
  const char *url = rc_method_get_url (self->draft);
  RcApi *target = get_target (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *suggestion = NULL;

  if (name[0] != '\0' && g_strcmp0 (name, self->suggested_name) != 0)
    return;

  if (target != NULL)
    {
      GListModel *methods = rc_api_get_methods (target);

      for (guint i = 0; i < g_list_model_get_n_items (methods); i++)
        {
          g_autoptr(RcMethod) method = g_list_model_get_item (methods, i);

          g_strv_builder_add (builder, rc_method_get_name (method));
        }
    }
  names = g_strv_builder_end (builder);

  suggestion = url[0] != '\0' ? rc_name_suggest_method (rc_method_get_verb (self->draft), url,
                                                        (const char * const *) names)
                              : g_strdup ("");
  g_free (self->suggested_name);
  self->suggested_name = g_strdup (suggestion);
  if (!g_str_equal (name, suggestion))
    rc_method_set_name (self->draft, suggestion);
}

/* The API whose base URL @url starts with (the longest such), or NULL. */
static RcApi *
find_api_for_url (RcMethodDialog *self,
                  const char     *url)
{
  RcApi *found = NULL;
  gsize found_len = 0;

  for (guint i = 0; i < self->targets->len; i++)
    {
      RcApi *api = g_ptr_array_index (self->targets, i);
      const char *base = rc_api_get_base_url (api);
      gsize len = strlen (base);

      while (len > 0 && base[len - 1] == '/')
        len--;
      if (len == 0 || !g_str_has_prefix (base, "http") || strncmp (url, base, len) != 0)
        continue;
      if (url[len] != '\0' && url[len] != '/' && url[len] != '?' && url[len] != '#')
        continue;
      if (len > found_len)
        {
          found = api;
          found_len = len;
        }
    }

  return found;
}

/* Consumed from the top, the method goes where its URL says until the user
 * picks an API: the API whose base URL the URL starts with, else a new API.
 * A relative URL says nothing. */
static void
propose_target (RcMethodDialog *self)
{
  const char *url = rc_method_get_url (self->draft);
  g_autoptr(GUri) uri = NULL;
  RcApi *api;
  guint position;

  if (!self->target_follows_url || self->target_chosen)
    return;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return;

  api = find_api_for_url (self, url);
  if (api == NULL || !g_ptr_array_find (self->targets, api, &position))
    position = self->targets->len;   /* New API */

  if (adw_combo_row_get_selected (self->api_row) != position)
    {
      self->proposing = TRUE;
      adw_combo_row_set_selected (self->api_row, position);
      self->proposing = FALSE;
    }
}

static void
url_changed_cb (RcMethodDialog *self)
{
  propose_target (self);
  if (self->new_api_shown)
    update_new_api (self);
  suggest_name (self);
}

static void
api_selected_cb (RcMethodDialog *self)
{
  if (!self->proposing && self->draft != NULL)
    self->target_chosen = TRUE;
  if (self->scratch != NULL)
    copy_target (self);
  if (self->draft != NULL)
    suggest_name (self);
}

static void
finish_clicked_cb (RcMethodDialog *self)
{
  finish (self);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (RcMethodDialog   *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (!g_str_equal (response, "discard"))
    return;

  /* Close once the question is gone, which is transient for this dialog. */
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
rc_method_dialog_close_request (GtkWindow *window)
{
  RcMethodDialog *self = RC_METHOD_DIALOG (window);

  if (!self->finished && !self->close_confirmed && has_edits (self))
    {
      ask_discard (self);
      return TRUE;
    }

  if (!self->finished)
    clear_draft_secrets (self);

  return GTK_WINDOW_CLASS (rc_method_dialog_parent_class)->close_request (window);
}

static void
rc_method_dialog_dispose (GObject *object)
{
  RcMethodDialog *self = (RcMethodDialog *)object;

  if (self->draft)
    g_signal_handlers_disconnect_by_data (self->draft, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_METHOD_DIALOG);

  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->suggested_name, g_free);
  g_clear_object (&self->draft);
  g_clear_object (&self->scratch);
  g_clear_object (&self->new_api_auth);
  g_clear_object (&self->own_auth);
  g_clear_object (&self->project);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rc_method_dialog_parent_class)->dispose (object);
}

static void
rc_method_dialog_class_init (RcMethodDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rc_method_dialog_dispose;

  window_class->close_request = rc_method_dialog_close_request;

  /* Escape closes, asking first if something was entered. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* A dialog to assistive technologies, named by its title. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);

  g_type_ensure (RC_TYPE_METHOD_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-method-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RcMethodDialog, editor);
  gtk_widget_class_bind_template_child (widget_class, RcMethodDialog, finish_button);
  gtk_widget_class_bind_template_child (widget_class, RcMethodDialog, switcher_title);
  gtk_widget_class_bind_template_callback (widget_class, finish_clicked_cb);
}

static void
rc_method_dialog_init (RcMethodDialog *self)
{
  GtkWidget *api_group;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Where the method goes, first on the Request tab. */
  self->api_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->api_row), "method-dialog-api-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->api_row), _("Add to _API"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->api_row), TRUE);
  g_signal_connect_object (self->api_row, "notify::selected", G_CALLBACK (api_selected_cb),
                           self, G_CONNECT_SWAPPED);

  api_group = adw_preferences_group_new ();
  gtk_widget_set_name (api_group, "method-dialog-api-group");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (api_group), GTK_WIDGET (self->api_row));
  rc_method_editor_add_request_group (self->editor, ADW_PREFERENCES_GROUP (api_group));

  rc_method_editor_set_switcher_title (self->editor, self->switcher_title);

  self->targets = g_ptr_array_new_with_free_func (g_object_unref);
  self->new_api_auth = rc_auth_new ();
}

/**
 * rc_method_dialog_new:
 * @parent: the window the dialog is for
 * @context: the services its tabs use, the parent's
 * @project: the project the method goes to
 * @api: (nullable): the API chosen at first; %NULL for the first one, or a
 *   new API when the project has none
 *
 * Returns: (transfer none): a new dialog, to present
 */
GtkWidget *
rc_method_dialog_new (GtkWindow *parent,
                      RcContext *context,
                      RcProject *project,
                      RcApi     *api)
{
  RcMethodDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RC_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (api == NULL || RC_IS_API (api), NULL);

  /* GTK 4.8 loses the class's role for this dialog (AT-SPI calls it a
   * “filler”, a plain widget); given at construction, the role holds. */
  self = g_object_new (RC_TYPE_METHOD_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->project = g_object_ref (project);
  rc_method_editor_set_context (self->editor, context);

  for (guint i = 0; i < rc_project_get_n_apis (project); i++)
    {
      RcApi *target = rc_project_get_api (project, i);

      if (target == api)
        selected = i;
      g_ptr_array_add (self->targets, g_object_ref (target));
      gtk_string_list_append (names, rc_api_get_name (target));
    }
  /* Translators: in the list of APIs a new method can go to */
  gtk_string_list_append (names, _("New API"));
  adw_combo_row_set_model (self->api_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->api_row, selected);

  self->scratch = rc_api_new (_("New API"));
  copy_target (self);

  self->draft = rc_method_new ("");
  rc_api_add_method (self->scratch, self->draft);
  g_signal_connect_swapped (self->draft, "changed", G_CALLBACK (draft_changed_cb), self);
  g_signal_connect_swapped (self->draft, "notify::url", G_CALLBACK (url_changed_cb), self);
  g_signal_connect_swapped (self->draft, "notify::verb", G_CALLBACK (suggest_name), self);

  rc_method_editor_set_method (self->editor, self->draft, rc_project_get_id (project));
  rc_method_editor_set_auth_api (self->editor, self->new_api_shown ? self->scratch : NULL);
  rc_method_editor_focus_name (self->editor);

  return GTK_WIDGET (self);
}

/**
 * rc_method_dialog_set_target_follows_url:
 * @follows: whether an absolute Method URL chooses the API
 *
 * Consumed from the top (the header bar, Ctrl+Shift+A), the method goes
 * to the API whose base URL its URL starts with, or to a new API, until the
 * user picks one in *Add to API*; consumed from an API, it stays there.
 */
void
rc_method_dialog_set_target_follows_url (RcMethodDialog *self,
                                         gboolean        follows)
{
  g_return_if_fail (RC_IS_METHOD_DIALOG (self));

  self->target_follows_url = !!follows;
  propose_target (self);
}

/**
 * rc_method_dialog_get_method:
 *
 * Returns: (transfer none): the method being written
 */
RcMethod *
rc_method_dialog_get_method (RcMethodDialog *self)
{
  g_return_val_if_fail (RC_IS_METHOD_DIALOG (self), NULL);

  return self->draft;
}
