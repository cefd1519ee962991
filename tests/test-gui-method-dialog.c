/* test-gui-method-dialog.c: Consume REST API, a single method, for real (under Xvfb)
 *
 * The dialog is opened as the user opens it, through the window's Consume
 * action. Finish must stay disabled while the method is not valid; a method
 * with OAuth 2.0 is tested against a token endpoint and an API, both
 * SoupServers on 127.0.0.1, with the client secret stored in the (throwaway)
 * keyring by typing it; Finish puts it in the project; closing with edits
 * asks, and a discarded draft's secret leaves the keyring. A secret typed
 * and never applied is stored by Ctrl+Return (the call sends it) and by
 * Finish, never by Discard, and one discarded while its store is still on
 * its way is gone once the store ends. The same action
 * reaches the OpenAPI import. The API the method goes to is the Request
 * tab's first group, the Test tab has the dialog's full height; no two
 * mnemonics shown at once share a letter, Tab follows the reading order and
 * Alt with a tab's letter takes the keyboard to that tab's first field.
 * Screenshots go to $RC_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>

#include "rc-auth-group.h"
#include "rc-import-dialog.h"
#include "rc-method-dialog.h"
#include "rc-method-editor.h"
#include "rc-test-gui.h"
#include "rc-test-keyring.h"
#include "rc-test-server.h"
#include "rc-text-row.h"
#include "rc-window.h"

#define CLIENT_ID "restcall-test-client"
#define CLIENT_SECRET "s3cret-Value-91"

typedef struct
{
  RcProject      *project;
  RcWindow       *window;
  RcMethodDialog *dialog;
} Fixture;

/* Helpers */

static GtkWidget *
dialog_widget (Fixture    *fixture,
               const char *name)
{
  return rc_test_gui_get_named (GTK_WIDGET (fixture->dialog), name);
}

static RcAuthGroup *
auth_group (Fixture *fixture)
{
  GtkWidget *group = rc_test_gui_find_of_type (GTK_WIDGET (fixture->dialog), RC_TYPE_AUTH_GROUP);

  g_assert_nonnull (group);

  return RC_AUTH_GROUP (group);
}

static void
show_tab (Fixture    *fixture,
          const char *page)
{
  rc_test_gui_show_page (dialog_widget (fixture, "method-editor-stack"), page);
}

/* The tab shown, by name. */
static const char *
visible_tab (Fixture *fixture)
{
  return adw_view_stack_get_visible_child_name (
    ADW_VIEW_STACK (dialog_widget (fixture, "method-editor-stack")));
}

static gboolean
tab_is_cb (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (visible_tab (args[0]), args[1]) == 0;
}

/* The closest widget at or above the focus that has a name of ours (with
 * a dash; GTK names the others after their type), or "" without focus. */
static const char *
focus_owner (Fixture *fixture)
{
  for (GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (fixture->dialog));
       widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      if (strchr (gtk_widget_get_name (widget), '-') != NULL)
        return gtk_widget_get_name (widget);
    }

  return "";
}

static void
collect_mnemonic_labels (GtkWidget *widget,
                         GPtrArray *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) &&
      gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonic_labels (child, labels);
}

/* The key that goes with Alt: “_Name” and “User _name” both take Alt+N. */
static guint
mnemonic_key (GtkLabel *label)
{
  return gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (label));
}

/* Whether two labels are one target's: a row's title and its placeholder
 * (AdwEntryRow shows both), or one tab in two switchers (the header's and
 * the bar's, while one fades into the other). */
static gboolean
same_mnemonic_target (GtkLabel *label,
                      GtkLabel *other)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_PREFERENCES_ROW);

  if (row != NULL && row == gtk_widget_get_ancestor (GTK_WIDGET (other), ADW_TYPE_PREFERENCES_ROW))
    return TRUE;

  return gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_VIEW_SWITCHER) != NULL &&
         gtk_widget_get_ancestor (GTK_WIDGET (other), ADW_TYPE_VIEW_SWITCHER) != NULL &&
         g_str_equal (gtk_label_get_label (label), gtk_label_get_label (other));
}

/* Fails when two labels shown at once in @window share a mnemonic, for Alt
 * and that letter would then only move between them. */
static void
assert_mnemonics_unique (GtkWidget  *window,
                         const char *where)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_mnemonic_labels (window, labels);
  g_assert_cmpuint (labels->len, >, 0);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      g_test_message ("%s: Alt+%s, “%s”", where,
                      gdk_keyval_name (gtk_label_get_mnemonic_keyval (label)),
                      gtk_label_get_label (label));
      for (guint j = i + 1; j < labels->len; j++)
        {
          GtkLabel *other = g_ptr_array_index (labels, j);

          if (mnemonic_key (label) == mnemonic_key (other) &&
              !same_mnemonic_target (label, other))
            g_error ("%s: “%s” and “%s” share the mnemonic Alt+%s", where,
                     gtk_label_get_label (label), gtk_label_get_label (other),
                     gdk_keyval_name (gtk_label_get_mnemonic_keyval (label)));
        }
    }
}

/* The one label shown in the dialog whose mnemonic is Alt+@keyval, or NULL. */
static GtkWidget *
find_mnemonic (Fixture *fixture,
               guint    keyval)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *found = NULL;

  collect_mnemonic_labels (GTK_WIDGET (fixture->dialog), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      if (mnemonic_key (g_ptr_array_index (labels, i)) == keyval)
        {
          if (found != NULL &&
              !same_mnemonic_target (GTK_LABEL (found), g_ptr_array_index (labels, i)))
            return NULL;
          found = g_ptr_array_index (labels, i);
        }
    }

  return found;
}

static gboolean
mnemonic_shown_cb (gpointer data)
{
  gpointer *args = data;

  return find_mnemonic (args[0], GPOINTER_TO_UINT (args[1])) != NULL;
}

/* Presses Alt+@keyval as GTK does: the one label shown with that mnemonic
 * activates its widget. */
static void
press_mnemonic (Fixture *fixture,
                guint    keyval)
{
  gpointer args[] = { fixture, GUINT_TO_POINTER (keyval) };

  g_assert_true (rc_test_gui_wait (mnemonic_shown_cb, args));
  g_assert_true (gtk_widget_mnemonic_activate (find_mnemonic (fixture, keyval), FALSE));
}

/* Alt+@keyval, then the tab @page with the focus in @first_field. */
static void
assert_mnemonic_focuses (Fixture    *fixture,
                         guint       keyval,
                         const char *page,
                         const char *first_field)
{
  gpointer args[] = { fixture, (gpointer) page };
  AdwViewStack *stack = ADW_VIEW_STACK (dialog_widget (fixture, "method-editor-stack"));

  press_mnemonic (fixture, keyval);
  g_assert_true (rc_test_gui_wait (tab_is_cb, args));
  /* The editor takes the keyboard there once the tab is on screen. */
  rc_test_gui_wait_for_focus (first_field != NULL ? dialog_widget (fixture, first_field)
                                                  : adw_view_stack_get_child_by_name (stack, page));
  g_test_message ("Alt+%s: the %s tab, the focus in %s", gdk_keyval_name (keyval), page,
                  focus_owner (fixture));
  if (first_field != NULL)
    g_assert_cmpstr (focus_owner (fixture), ==, first_field);
}

/* Tab (or Shift+Tab) as the window's key binding moves the focus. */
static const char *
press_tab (Fixture          *fixture,
           GtkDirectionType  direction)
{
  g_signal_emit_by_name (fixture->dialog, "move-focus", direction);

  return focus_owner (fixture);
}

/* Where @widget is in the dialog. */
static graphene_rect_t
bounds_in_dialog (Fixture   *fixture,
                  GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (fixture->dialog), &bounds));

  return bounds;
}

static gboolean
finish_enabled (Fixture *fixture)
{
  /* Finish can always be pressed, and says what is missing: it finishes
   * when the method is complete. */
  g_assert_true (gtk_widget_get_sensitive (dialog_widget (fixture, "method-dialog-finish-button")));

  return rc_method_editor_get_valid (RC_METHOD_EDITOR (
    rc_test_gui_find_of_type (GTK_WIDGET (fixture->dialog), RC_TYPE_METHOD_EDITOR)));
}

/* Types @secret in the secret row, the focus in it, and leaves it there
 * without Enter: typed, not applied. */
static void
type_secret_without_enter (Fixture    *fixture,
                           const char *secret)
{
  GtkWidget *row = dialog_widget (fixture, "auth-secret-row");

  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (gtk_widget_grab_focus (row));
  gtk_editable_set_text (GTK_EDITABLE (row), secret);
  g_assert_true (rc_auth_group_has_pending_secret (auth_group (fixture)));
}

/* Types @secret in the secret row and presses Enter, as a user does. */
static void
type_secret (Fixture    *fixture,
             const char *secret)
{
  GtkWidget *row = dialog_widget (fixture, "auth-secret-row");

  g_assert_true (gtk_widget_get_visible (row));
  gtk_editable_set_text (GTK_EDITABLE (row), secret);
  g_signal_emit_by_name (row, "entry-activated");
}

/* Win.consume, then “Add Single Method”: the dialog the user gets. */
static void
open_dialog (Fixture *fixture)
{
  AdwMessageDialog *question;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.consume", NULL));
  question = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Consume REST API");
  g_assert_true (adw_message_dialog_has_response (question, "openapi"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "single");
  rc_test_gui_respond (question, "single");

  rc_test_gui_wait_for_window (RC_TYPE_METHOD_DIALOG, &fixture->dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->dialog)) ==
                 GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->dialog)));
}

static void
token_and_api_handler (RcTestServer      *server,
                       SoupServerMessage *message,
                       const char        *path,
                       gpointer           user_data)
{
  if (g_str_equal (path, "/token"))
    rc_test_respond (
      message, 200, "application/json",
      "{\"access_token\": \"tok-abc-123\", \"token_type\": \"Bearer\", \"expires_in\": 3600}");
  else if (g_str_has_prefix (path, "/items/"))
    rc_test_respond (message, 200, "application/json", "{\"id\": 7, \"name\": \"Rex\"}");
  else
    rc_test_respond (message, 404, "text/plain", "not here");
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!rc_test_gui_has_display ())
    return;

  fixture->project = rc_test_gui_load_sample ();
  fixture->window = rc_test_gui_present_window (fixture->project, 1000, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!rc_test_gui_has_display ())
    return;

  rc_test_gui_close_window (&fixture->dialog);
  rc_test_gui_destroy_window (&fixture->window);
  g_assert_finalize_object (fixture->project);
}

/* Tests */

/* Typing a test value character by character in the dialog, where the
 * Request and Test tabs both show it (this crashed the app). */
static void
test_type_test_value (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *test_row;
  GtkWidget *request_row;

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-url-row")),
                         "https://api.example.com/pets/{petId}");
  request_row = rc_test_gui_find_parameter_row (GTK_WIDGET (fixture->dialog), "petId");
  test_row = rc_test_gui_find_titled_row (GTK_WIDGET (fixture->dialog), "test-value-row", "petId");
  g_assert_nonnull (request_row);
  g_assert_nonnull (test_row);

  rc_test_gui_type_characters (test_row, "42");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_row)), ==, "42");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (request_row)), ==, "42");

  rc_test_gui_type_characters (request_row, "7");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_row)), ==, "427");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (request_row)), ==, "427");
}

/* A name is never required: typing the URL names the method after it
 * (GET …/pets/{petId} → GetPet), like the target API's methods and free
 * there; a name the user types is kept whatever the URL becomes. */
static void
test_name_suggested (Fixture       *fixture,
                     gconstpointer  data)
{
  RcApi *petstore;
  RcMethod *draft;
  GtkWidget *api_row, *name_row, *url_row;
  guint n_methods;

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  draft = rc_method_dialog_get_method (fixture->dialog);
  api_row = dialog_widget (fixture, "method-dialog-api-row");
  name_row = dialog_widget (fixture, "method-name-row");
  url_row = dialog_widget (fixture, "method-url-row");
  rc_test_gui_select_combo_label (api_row, "New API");

  /* Typed a character at a time, as a person does: the name follows. */
  rc_test_gui_type_characters (url_row, "https://api.example.com/pets");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "ListPets");
  rc_test_gui_type_characters (url_row, "/{petId}");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "GetPet");
  g_assert_cmpstr (rc_method_get_name (draft), ==, "GetPet");
  g_assert_true (finish_enabled (fixture));

  /* Petstore's methods are getPet, listPets…: written like them, and free. */
  petstore = rc_project_find_api (fixture->project, "Petstore");
  n_methods = rc_api_get_n_methods (petstore);
  rc_test_gui_select_combo_label (api_row, "Petstore");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "getPet2");

  /* The user's own name stays, whatever the URL becomes. */
  gtk_editable_select_region (GTK_EDITABLE (name_row), 0, -1);
  gtk_editable_delete_selection (GTK_EDITABLE (name_row));
  rc_test_gui_type_characters (name_row, "fetchPet");
  rc_test_gui_type_characters (url_row, "/photo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "fetchPet");

  /* Cleared, it is not refilled under the user's keys; the URL's next
   * change names it again. */
  gtk_editable_select_region (GTK_EDITABLE (name_row), 0, -1);
  gtk_editable_delete_selection (GTK_EDITABLE (name_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  g_assert_false (finish_enabled (fixture));
  rc_test_gui_type_characters (url_row, "s");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "listPetPhotos");
  g_assert_true (finish_enabled (fixture));

  g_signal_emit_by_name (dialog_widget (fixture, "method-dialog-finish-button"), "clicked");
  rc_test_gui_wait_gone (&fixture->dialog);
  g_assert_cmpuint (rc_api_get_n_methods (petstore), ==, n_methods + 1);
  g_assert_true (rc_api_find_method (petstore, "listPetPhotos") == draft);
}

/* Consumed from the top, the method goes where its URL says until the user
 * picks an API: the API whose base URL it starts with, else a new one.
 * Consumed from an API's context menu, it stays in that API. */
static void
test_target_follows_url (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *api_row, *url_row;
  AdwMessageDialog *question;

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  api_row = dialog_widget (fixture, "method-dialog-api-row");
  url_row = dialog_widget (fixture, "method-url-row");

  rc_test_gui_type_characters (url_row, "https://billing.example.com/api/invoices/{id}");
  g_assert_cmpstr (rc_test_gui_get_combo_label (api_row), ==, "Billing");
  rc_test_gui_type_over (url_row, "https://petstore.example.com/v1/pets");
  g_assert_cmpstr (rc_test_gui_get_combo_label (api_row), ==, "Petstore");
  /* Another origin, or a path outside the base URL's: a new API. */
  rc_test_gui_type_over (url_row, "https://petstore.example.com/v10/pets");
  g_assert_cmpstr (rc_test_gui_get_combo_label (api_row), ==, "New API");
  rc_test_gui_type_over (url_row, "https://api.example.org/things");
  g_assert_cmpstr (rc_test_gui_get_combo_label (api_row), ==, "New API");

  /* The user's pick stays, whatever the URL becomes. */
  rc_test_gui_select_combo_label (api_row, "Petstore");
  rc_test_gui_type_over (url_row, "https://billing.example.com/api/invoices");
  g_assert_cmpstr (rc_test_gui_get_combo_label (api_row), ==, "Petstore");
  rc_test_gui_close_window (&fixture->dialog);

  /* From Billing's context menu: Billing, whatever the URL. */
  rc_test_gui_select_item (fixture->window,
                           G_OBJECT (rc_project_find_api (fixture->project, "Billing")));
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.consume-here", NULL));
  question = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window));
  rc_test_gui_respond (question, "single");
  rc_test_gui_wait_for_window (RC_TYPE_METHOD_DIALOG, &fixture->dialog);
  api_row = dialog_widget (fixture, "method-dialog-api-row");
  rc_test_gui_type_characters (dialog_widget (fixture, "method-url-row"),
                               "https://api.example.org/things");
  g_assert_cmpstr (rc_test_gui_get_combo_label (api_row), ==, "Billing");
}

/* Finish, pressed; the dialog gone with the method added. */
static void
press_finish (Fixture *fixture)
{
  g_signal_emit_by_name (dialog_widget (fixture, "method-dialog-finish-button"), "clicked");
  rc_test_gui_wait_gone (&fixture->dialog);
}

/* Opens the dialog from the top and types @url as the Method URL, a
 * character at a time. Returns the method being written. */
static RcMethod *
consume_url (Fixture    *fixture,
             const char *url)
{
  open_dialog (fixture);
  rc_test_gui_type_characters (dialog_widget (fixture, "method-url-row"), url);

  return rc_method_dialog_get_method (fixture->dialog);
}

/* Whether the combo row @row offers @label. */
static gboolean
combo_offers (GtkWidget  *row,
              const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        return TRUE;
    }

  return FALSE;
}

/* Headers and Authentication says which API's authentication the method
 * would use by that API's own name, whichever API is chosen; for a new API,
 * it sets the new API's, with nothing to inherit. */
static void
test_api_auth_by_name (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *api_row, *kind_row, *inherited_row;
  g_autofree char *petstore = NULL;
  g_autofree char *billing = NULL;
  RcMethod *draft;

  if (rc_test_gui_skip_without_display ())
    return;

  petstore = g_strdup_printf ("“Petstore” uses %s.",
                              rc_auth_kind_get_label (RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS));
  billing = g_strdup_printf ("“Billing” uses %s.", rc_auth_kind_get_label (RC_AUTH_KIND_BASIC));

  open_dialog (fixture);
  draft = rc_method_dialog_get_method (fixture->dialog);
  api_row = dialog_widget (fixture, "method-dialog-api-row");
  kind_row = dialog_widget (fixture, "auth-kind-row");
  inherited_row = dialog_widget (fixture, "auth-inherited-row");

  rc_test_gui_select_combo_label (api_row, "Petstore");
  show_tab (fixture, "headers");
  g_assert_cmpstr (rc_test_gui_get_combo_label (kind_row), ==, "Use API’s authentication");
  g_assert_true (gtk_widget_get_visible (inherited_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (inherited_row)), ==, petstore);
  /* No link to the API's page: the dialog would be left. */
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (inherited_row)));

  rc_test_gui_select_combo_label (api_row, "Billing");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (inherited_row)), ==, billing);
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-inherited-auth.png");

  /* The method's own instead: the user's choice. */
  rc_test_gui_select_combo_label (kind_row, rc_auth_kind_get_label (RC_AUTH_KIND_BASIC));
  g_assert_nonnull (rc_method_get_auth (draft));
  g_assert_false (gtk_widget_get_visible (inherited_row));
  rc_test_gui_select_combo_label (kind_row, "Use API’s authentication");
  g_assert_null (rc_method_get_auth (draft));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (inherited_row)), ==, billing);

  /* A new API: its own authentication, nothing to use instead. */
  rc_test_gui_select_combo_label (api_row, "New API");
  g_assert_false (gtk_widget_get_visible (inherited_row));
  g_assert_false (combo_offers (kind_row, "Use API’s authentication"));
  g_assert_cmpstr (rc_test_gui_get_combo_label (kind_row), ==,
                   rc_auth_kind_get_label (RC_AUTH_KIND_NONE));
  g_assert_true (rc_auth_group_get_auth (auth_group (fixture)) ==
                 rc_api_get_auth (rc_method_get_api (draft)));
}

/* What is set on Headers and Authentication for a new API is the new API's
 * authentication: the method uses it, and its secret is stored under the
 * API. Each choice of API keeps what was set for it; Finish forgets the
 * secret of the one not taken. */
static void
test_new_api_owns_auth (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *own_secret_id = NULL;
  g_autofree char *new_secret_id = NULL;
  g_autofree char *orphan_secret_id = NULL;
  GtkWidget *api_row, *kind_row;
  RcAuth *own, *new_auth;
  RcMethod *draft;
  RcApi *added, *billing;
  const char *project_id = rc_project_get_id (fixture->project);
  RcSecretStore *store = rc_test_gui_get_secret_store ();

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  draft = rc_method_dialog_get_method (fixture->dialog);
  api_row = dialog_widget (fixture, "method-dialog-api-row");
  kind_row = dialog_widget (fixture, "auth-kind-row");

  /* Into Petstore, with an authentication of the method's own. */
  rc_test_gui_select_combo_label (api_row, "Petstore");
  show_tab (fixture, "headers");
  rc_test_gui_select_combo_label (kind_row, rc_auth_kind_get_label (RC_AUTH_KIND_BASIC));
  own = rc_method_get_auth (draft);
  g_assert_nonnull (own);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-username-row")), "own-user");
  type_secret (fixture, "own-secret");
  own_secret_id = g_strdup (rc_auth_get_secret_id (own));
  g_assert_true (rc_test_keyring_wait_for (store, project_id, own_secret_id, "own-secret"));

  /* A new API instead: the tab sets its authentication, the method uses it. */
  rc_test_gui_select_combo_label (api_row, "New API");
  g_assert_null (rc_method_get_auth (draft));
  new_auth = rc_api_get_auth (rc_method_get_api (draft));
  g_assert_true (rc_auth_group_get_auth (auth_group (fixture)) == new_auth);
  rc_test_gui_select_combo_label (kind_row,
                                  rc_auth_kind_get_label (RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS));
  g_assert_null (rc_method_get_auth (draft));
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-client-id-row")),
                         "new-client");
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-token-url-row")),
                         "https://auth.example.org/token");
  type_secret (fixture, "new-api-secret");
  new_secret_id = g_strdup (rc_auth_get_secret_id (new_auth));
  g_assert_cmpstr (new_secret_id, !=, own_secret_id);
  g_assert_true (rc_test_keyring_wait_for (store, project_id, new_secret_id, "new-api-secret"));
  g_assert_cmpuint (rc_test_keyring_count (project_id, rc_api_get_id (rc_method_get_api (draft))),
                    ==, 1);

  /* Back to Petstore: the method's own, as it was; and to the new API. */
  rc_test_gui_select_combo_label (api_row, "Petstore");
  g_assert_true (rc_method_get_auth (draft) == own);
  g_assert_cmpstr (rc_auth_get_username (own), ==, "own-user");
  g_assert_cmpstr (rc_test_gui_get_combo_label (kind_row), ==,
                   rc_auth_kind_get_label (RC_AUTH_KIND_BASIC));
  rc_test_gui_select_combo_label (api_row, "New API");
  g_assert_null (rc_method_get_auth (draft));
  g_assert_cmpstr (rc_auth_get_client_id (new_auth), ==, "new-client");
  g_assert_cmpstr (rc_auth_get_secret_id (new_auth), ==, new_secret_id);
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (dialog_widget (fixture, "auth-client-id-row"))), ==,
    "new-client");

  /* Finish: the new API has the authentication, and the secret. */
  show_tab (fixture, "request");
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-url-row")),
                         "https://api.example.org/v2/things/{id}");
  press_finish (fixture);
  added = rc_project_find_api (fixture->project, "api.example.org");
  g_assert_nonnull (added);
  g_assert_true (rc_method_get_api (draft) == added);
  g_assert_null (rc_method_get_auth (draft));
  g_assert_true (rc_method_get_effective_auth (draft) == rc_api_get_auth (added));
  g_assert_cmpint (rc_auth_get_kind (rc_api_get_auth (added)), ==,
                   RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_cmpstr (rc_auth_get_client_id (rc_api_get_auth (added)), ==, "new-client");
  g_assert_cmpstr (rc_auth_get_secret_id (rc_api_get_auth (added)), ==, new_secret_id);
  g_assert_true (rc_test_keyring_wait_for (store, project_id, new_secret_id, "new-api-secret"));
  g_assert_cmpuint (rc_test_keyring_count (project_id, rc_api_get_id (added)), ==, 1);
  /* The method's own, left aside, is gone, its secret too. */
  g_assert_true (rc_test_keyring_wait_for (store, project_id, own_secret_id, NULL));
  g_assert_cmpuint (rc_test_keyring_count (project_id, rc_method_get_id (draft)), ==, 0);

  /* Set for a new API, then sent to Billing: Billing's authentication
   * stays as it was, and the secret typed for the new API is forgotten. */
  billing = rc_project_find_api (fixture->project, "Billing");
  open_dialog (fixture);
  draft = rc_method_dialog_get_method (fixture->dialog);
  rc_test_gui_select_combo_label (dialog_widget (fixture, "method-dialog-api-row"), "New API");
  show_tab (fixture, "headers");
  rc_test_gui_select_combo_label (dialog_widget (fixture, "auth-kind-row"),
                                  rc_auth_kind_get_label (RC_AUTH_KIND_BASIC));
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-username-row")),
                         "orphan-user");
  type_secret (fixture, "orphan-secret");
  orphan_secret_id = g_strdup (rc_auth_get_secret_id (rc_api_get_auth (rc_method_get_api (draft))));
  g_assert_true (rc_test_keyring_wait_for (store, project_id, orphan_secret_id, "orphan-secret"));
  rc_test_gui_select_combo_label (dialog_widget (fixture, "method-dialog-api-row"), "Billing");
  g_assert_null (rc_method_get_auth (draft));
  show_tab (fixture, "request");
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-url-row")), "/refunds");
  press_finish (fixture);
  g_assert_true (rc_method_get_api (draft) == billing);
  g_assert_null (rc_method_get_auth (draft));
  g_assert_cmpstr (rc_auth_get_username (rc_api_get_auth (billing)), ==, "billing-user");
  g_assert_true (rc_test_keyring_wait_for (store, project_id, orphan_secret_id, NULL));
}

/* The method's URL, stored relative to its API's base URL: an existing
 * API's when it starts with it; a new API's made from the URL's origin and
 * path up to the resource. A URL outside the API's base URL stays whole. */
static void
test_base_url (Fixture       *fixture,
               gconstpointer  data)
{
  AdwMessageDialog *question;
  RcMethod *draft;
  RcApi *petstore, *billing, *added;

  if (rc_test_gui_skip_without_display ())
    return;

  petstore = rc_project_find_api (fixture->project, "Petstore");
  billing = rc_project_find_api (fixture->project, "Billing");

  /* Under Petstore's base URL: Petstore, and the rest. */
  draft = consume_url (fixture, "https://petstore.example.com/v1/pets/{petId}/photos");
  g_assert_cmpstr (rc_test_gui_get_combo_label (dialog_widget (fixture, "method-dialog-api-row")),
                   ==, "Petstore");
  press_finish (fixture);
  g_assert_true (rc_method_get_api (draft) == petstore);
  g_assert_cmpstr (rc_method_get_url (draft), ==, "/pets/{petId}/photos");
  g_assert_cmpstr (rc_method_get_name (draft), ==, "listPetPhotos");

  /* Under no API's: a new one, whose base URL ends before the resource. */
  draft = consume_url (fixture, "https://shop.example.net/api/v3/orders/{orderId}?expand={expand}");
  g_assert_cmpstr (rc_test_gui_get_combo_label (dialog_widget (fixture, "method-dialog-api-row")),
                   ==, "New API");
  /* The new API follows the URL as it is typed (a Basic password typed
   * for it is bound to that origin). */
  g_assert_cmpstr (rc_api_get_name (rc_method_get_api (draft)), ==, "shop.example.net");
  g_assert_cmpstr (rc_api_get_base_url (rc_method_get_api (draft)), ==,
                   "https://shop.example.net/api/v3");
  press_finish (fixture);
  added = rc_method_get_api (draft);
  g_assert_true (added == rc_project_find_api (fixture->project, "shop.example.net"));
  g_assert_cmpstr (rc_api_get_base_url (added), ==, "https://shop.example.net/api/v3");
  g_assert_cmpstr (rc_method_get_url (draft), ==, "/orders/{orderId}?expand={expand}");

  /* The next method from that host finds the new API. */
  draft = consume_url (fixture, "https://shop.example.net/api/v3/carts");
  g_assert_cmpstr (rc_test_gui_get_combo_label (dialog_widget (fixture, "method-dialog-api-row")),
                   ==, "shop.example.net");
  press_finish (fixture);
  g_assert_true (rc_method_get_api (draft) == added);
  g_assert_cmpstr (rc_method_get_url (draft), ==, "/carts");

  /* From Billing's context menu, a URL outside its base URL: kept whole. */
  rc_test_gui_select_item (fixture->window, G_OBJECT (billing));
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.consume-here", NULL));
  question = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window));
  rc_test_gui_respond (question, "single");
  rc_test_gui_wait_for_window (RC_TYPE_METHOD_DIALOG, &fixture->dialog);
  draft = rc_method_dialog_get_method (fixture->dialog);
  rc_test_gui_type_characters (dialog_widget (fixture, "method-url-row"),
                               "https://status.example.com/ping");
  press_finish (fixture);
  g_assert_true (rc_method_get_api (draft) == billing);
  g_assert_cmpstr (rc_method_get_url (draft), ==, "https://status.example.com/ping");
}

static void
test_finish_needs_valid_method (Fixture       *fixture,
                                gconstpointer  data)
{
  RcApi *billing;
  RcMethod *draft;
  GtkWidget *api_row;
  GtkWidget *name_row;
  GtkWidget *url_row;
  GtkWidget *kind_row;
  guint n_methods;
  g_autofree char *explanation = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  /* The API selected in the sidebar is the one the method goes to. */
  billing = rc_project_find_api (fixture->project, "Billing");
  n_methods = rc_api_get_n_methods (billing);
  rc_test_gui_select_item (fixture->window, G_OBJECT (billing));
  open_dialog (fixture);
  draft = rc_method_dialog_get_method (fixture->dialog);

  api_row = dialog_widget (fixture, "method-dialog-api-row");
  g_assert_cmpstr (rc_test_gui_get_combo_label (api_row), ==, "Billing");
  /* A relative URL is relative to the chosen API's base URL, as it will be. */
  g_assert_cmpstr (rc_api_get_base_url (rc_method_get_api (draft)), ==,
                   rc_api_get_base_url (billing));
  g_assert_cmpint (rc_auth_get_kind (rc_method_get_effective_auth (draft)), ==, RC_AUTH_KIND_BASIC);
  g_assert_cmpstr (rc_auth_get_secret_id (rc_method_get_effective_auth (draft)), ==,
                   rc_auth_get_secret_id (rc_api_get_auth (billing)));

  /* Nothing entered: nothing to finish. */
  g_assert_false (finish_enabled (fixture));
  /* Typing starts with the name. */
  name_row = dialog_widget (fixture, "method-name-row");
  rc_test_gui_wait_for_focus (name_row);

  url_row = dialog_widget (fixture, "method-url-row");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "getInvoice");
  gtk_editable_set_text (GTK_EDITABLE (url_row), "/invoices/{invoiceId}");
  g_assert_true (finish_enabled (fixture));
  g_assert_nonnull (rc_test_gui_find_parameter_row (GTK_WIDGET (fixture->dialog), "invoiceId"));

  /* An empty name: marked, and explained, as the auth fields are. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  g_assert_false (finish_enabled (fixture));
  explanation = rc_check_method_name (draft);
  g_assert_cmpstr (
    rc_test_gui_assert_field_check (GTK_WIDGET (fixture->dialog), "method-name-row", explanation),
    ==, explanation);
  g_clear_pointer (&explanation, g_free);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "getInvoice");
  g_assert_true (finish_enabled (fixture));
  rc_test_gui_assert_field_check (GTK_WIDGET (fixture->dialog), "method-name-row", NULL);

  /* A malformed URL. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "/invoices/{invoiceId");
  g_assert_false (finish_enabled (fixture));
  explanation = rc_check_method_url (draft);
  g_assert_cmpstr (
    rc_test_gui_assert_field_check (GTK_WIDGET (fixture->dialog), "method-url-row", explanation),
    ==, explanation);
  g_clear_pointer (&explanation, g_free);
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-invalid-url.png");
  gtk_editable_set_text (GTK_EDITABLE (url_row), "/invoices/{invoiceId}");
  g_assert_true (finish_enabled (fixture));
  rc_test_gui_assert_field_check (GTK_WIDGET (fixture->dialog), "method-url-row", NULL);

  /* The method's own OAuth 2.0, its client ID left empty. */
  show_tab (fixture, "headers");
  kind_row = dialog_widget (fixture, "auth-kind-row");
  rc_test_gui_select_combo_label (kind_row,
                                  rc_auth_kind_get_label (RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS));
  g_assert_nonnull (rc_method_get_auth (draft));
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-token-url-row")),
                         "https://auth.example.com/oauth/token");
  g_assert_false (finish_enabled (fixture));
  /* Not red before the user has been at it; Finish says what is missing,
   * and stays. */
  rc_test_gui_assert_field_check (GTK_WIDGET (fixture->dialog), "auth-client-id-row", NULL);
  show_tab (fixture, "request");
  g_signal_emit_by_name (dialog_widget (fixture, "method-dialog-finish-button"), "clicked");
  g_assert_cmpstr (visible_tab (fixture), ==, "headers");
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (rc_api_get_n_methods (billing), ==, n_methods);
  rc_test_gui_assert_field_check (GTK_WIDGET (fixture->dialog), "auth-client-id-row",
                                  "No client ID");
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-client-id-row")), CLIENT_ID);
  g_assert_true (finish_enabled (fixture));
  rc_test_gui_assert_field_check (GTK_WIDGET (fixture->dialog), "auth-client-id-row", NULL);

  /* A token URL in the clear to another machine. */
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-token-url-row")),
                         "http://auth.example.com/oauth/token");
  g_assert_false (finish_enabled (fixture));
  rc_test_gui_assert_field_check (GTK_WIDGET (fixture->dialog), "auth-token-url-row",
                                  "unencrypted");
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-invalid-auth.png");
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-token-url-row")),
                         "https://auth.example.com/oauth/token");
  g_assert_true (finish_enabled (fixture));

  /* Finish: into Billing, selected in the sidebar, the project dirty. */
  g_assert_false (rc_project_get_dirty (fixture->project));
  g_signal_emit_by_name (dialog_widget (fixture, "method-dialog-finish-button"), "clicked");
  rc_test_gui_wait_gone (&fixture->dialog);
  g_assert_cmpuint (rc_api_get_n_methods (billing), ==, n_methods + 1);
  g_assert_true (rc_api_find_method (billing, "getInvoice") == draft);
  g_assert_true (rc_method_get_api (draft) == billing);
  g_assert_cmpstr (rc_auth_get_client_id (rc_method_get_auth (draft)), ==, CLIENT_ID);
  g_assert_true (rc_project_get_dirty (fixture->project));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  g_assert_cmpstr (gtk_editable_get_text (
                     GTK_EDITABLE (rc_test_gui_get_widget (fixture->window, "method-name-row"))),
                   ==, "getInvoice");
}

static void
test_oauth_method_tested_and_added (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(RcTestServer) auth_server = rc_test_server_new (FALSE);
  g_autoptr(RcTestServer) api_server = rc_test_server_new (FALSE);
  g_autofree char *token_url = rc_test_server_url (auth_server, "/token");
  g_autofree char *api_url = rc_test_server_url (api_server, "/items/{itemId}");
  g_autofree char *basic = NULL;
  g_autofree char *token_request = NULL;
  g_autofree char *token_response = NULL;
  g_autofree char *api_request = NULL;
  g_autofree char *api_response = NULL;
  g_autofree char *credentials = NULL;
  g_autofree char *base_url = NULL;
  RcMethod *draft;
  RcAuth *auth;
  RcApi *added;
  GtkWidget *api_row;
  GtkWidget *parameter;
  const char *wanted[] = { "getItem", NULL };
  guint n_apis = rc_project_get_n_apis (fixture->project);

  if (rc_test_gui_skip_without_display ())
    return;

  auth_server->handler = token_and_api_handler;
  api_server->handler = token_and_api_handler;

  open_dialog (fixture);
  draft = rc_method_dialog_get_method (fixture->dialog);

  /* A new API: the method's URL is a full one. */
  api_row = dialog_widget (fixture, "method-dialog-api-row");
  rc_test_gui_select_combo_label (api_row, "New API");
  g_assert_cmpstr (rc_api_get_base_url (rc_method_get_api (draft)), ==, "");

  /* Request */
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-name-row")), "getItem");
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-url-row")), api_url);
  parameter = rc_test_gui_find_parameter_row (GTK_WIDGET (fixture->dialog), "itemId");
  g_assert_nonnull (parameter);
  gtk_editable_set_text (GTK_EDITABLE (parameter), "7");
  g_assert_cmpstr (rc_pair_list_lookup (rc_method_get_test_values (draft), "itemId"), ==, "7");
  show_tab (fixture, "request");
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-request.png");

  /* Headers and Authentication: OAuth 2.0 client credentials against the
   * token endpoint on loopback (http:// is fine there), the new API's,
   * which the method uses. */
  show_tab (fixture, "headers");
  rc_test_gui_select_combo_label (dialog_widget (fixture, "auth-kind-row"),
                      rc_auth_kind_get_label (RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS));
  auth = rc_api_get_auth (rc_method_get_api (draft));
  g_assert_null (rc_method_get_auth (draft));
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-client-id-row")), CLIENT_ID);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-token-url-row")), token_url);
  rc_text_row_set_text (RC_TEXT_ROW (dialog_widget (fixture, "auth-scopes-row")), "items:read");
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_cmpstr (rc_auth_get_token_url (auth), ==, token_url);
  type_secret (fixture, CLIENT_SECRET);
  g_assert_nonnull (rc_auth_get_secret_id (auth));
  g_assert_true (rc_test_keyring_wait_for (rc_test_gui_get_secret_store (),
                                           rc_project_get_id (fixture->project),
                                           rc_auth_get_secret_id (auth), CLIENT_SECRET));
  /* The secret went to the keyring, and out of the entry. */
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (dialog_widget (fixture, "auth-secret-row"))), ==, "");
  g_assert_true (finish_enabled (fixture));
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-headers.png");

  show_tab (fixture, "body");
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-body.png");

  /* Test */
  show_tab (fixture, "test");
  g_signal_emit_by_name (dialog_widget (fixture, "test-button"), "clicked");
  rc_test_gui_wait_for_text (dialog_widget (fixture, "inspector-api-response"), "200");

  /* The token was asked for once, as client credentials; then the API. */
  g_assert_cmpuint (auth_server->requests->len, ==, 1);
  g_assert_cmpuint (api_server->requests->len, ==, 1);

  token_request = rc_test_gui_dup_view_text (dialog_widget (fixture, "inspector-token-request"));
  token_response = rc_test_gui_dup_view_text (dialog_widget (fixture, "inspector-token-response"));
  api_request = rc_test_gui_dup_view_text (dialog_widget (fixture, "inspector-api-request"));
  api_response = rc_test_gui_dup_view_text (dialog_widget (fixture, "inspector-api-response"));
  g_test_message ("Token request:\n%s", token_request);
  g_test_message ("API response:\n%s", api_response);

  g_assert_nonnull (strstr (token_request, "grant_type=client_credentials"));
  g_assert_nonnull (strstr (token_request, "/token"));
  /* The secret is masked: neither in the clear nor in the Basic header. */
  credentials = g_strdup_printf ("%s:%s", CLIENT_ID, CLIENT_SECRET);
  basic = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  g_assert_null (strstr (token_request, CLIENT_SECRET));
  g_assert_null (strstr (token_request, basic));
  g_assert_null (strstr (api_request, "tok-abc-123"));
  g_assert_nonnull (strstr (api_request, "/items/7"));
  g_assert_nonnull (strstr (api_response, "200"));
  g_assert_cmpstr (token_response, !=, "");

  rc_test_gui_wait_for_text (dialog_widget (fixture, "test-status-label"), "200");
  rc_test_gui_wait_for_text (dialog_widget (fixture, "test-response-view"), "Rex");
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-test.png");

  /* Narrow: the tabs go to the bottom, nothing is cut. */
  rc_test_gui_resize (GTK_WINDOW (fixture->dialog), 360, 700);
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-narrow-test.png");
  show_tab (fixture, "headers");
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-narrow-headers.png");

  /* Finish: a new API named after the host, holding the method. Its base
   * URL is the URL's origin, the method's URL the rest; its authentication
   * is the one set, which the method uses. */
  g_signal_emit_by_name (dialog_widget (fixture, "method-dialog-finish-button"), "clicked");
  rc_test_gui_wait_gone (&fixture->dialog);
  g_assert_cmpuint (rc_project_get_n_apis (fixture->project), ==, n_apis + 1);
  added = rc_project_find_api (fixture->project, "127.0.0.1");
  g_assert_nonnull (added);
  g_assert_true (rc_method_get_api (draft) == added);
  base_url = g_strndup (api_url, strlen (api_url) - strlen ("/items/{itemId}"));
  g_assert_cmpstr (rc_api_get_base_url (added), ==, base_url);
  g_assert_cmpstr (rc_method_get_url (draft), ==, "/items/{itemId}");
  g_assert_true (rc_api_get_auth (added) == auth);
  g_assert_null (rc_method_get_auth (draft));
  g_assert_cmpstr (rc_auth_get_client_id (auth), ==, CLIENT_ID);
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "items:read");
  g_assert_true (rc_project_get_dirty (fixture->project));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  rc_test_gui_wait_for_labels (rc_test_gui_get_widget (fixture->window, "sidebar-list"), wanted);

  /* The secret stays, with the API that owns it. */
  g_assert_true (rc_test_keyring_wait_for (rc_test_gui_get_secret_store (),
                                           rc_project_get_id (fixture->project),
                                           rc_auth_get_secret_id (auth), CLIENT_SECRET));
  g_assert_cmpuint (
    rc_test_keyring_count (rc_project_get_id (fixture->project), rc_api_get_id (added)), ==, 1);
  g_assert_cmpuint (
    rc_test_keyring_count (rc_project_get_id (fixture->project), rc_method_get_id (draft)), ==, 0);
}

static void
test_discard_asks (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *question;
  RcMethod *draft;
  RcAuth *auth;
  g_autofree char *secret_id = NULL;
  guint n_apis = rc_project_get_n_apis (fixture->project);

  if (rc_test_gui_skip_without_display ())
    return;

  /* Nothing entered: Cancel closes at once. */
  open_dialog (fixture);
  g_signal_emit_by_name (dialog_widget (fixture, "method-dialog-cancel-button"), "clicked");
  rc_test_gui_wait_gone (&fixture->dialog);

  /* Something entered: Escape asks; Keep Editing keeps it all. */
  open_dialog (fixture);
  draft = rc_method_dialog_get_method (fixture->dialog);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-name-row")), "draftMethod");
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "window.close", NULL);
  question = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->dialog));
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "keep");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (question, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  rc_test_gui_save_screenshot (GTK_WIDGET (question), "method-dialog-discard.png");
  rc_test_gui_respond (question, "keep");
  /* Whatever the answer queued has run: the dialog stays. */
  rc_test_gui_wait_for_idle ();
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (dialog_widget (fixture, "method-name-row"))), ==,
    "draftMethod");

  /* The draft's own secret, stored by typing it… */
  show_tab (fixture, "headers");
  rc_test_gui_select_combo_label (dialog_widget (fixture, "auth-kind-row"),
                                  rc_auth_kind_get_label (RC_AUTH_KIND_BASIC));
  auth = rc_method_get_auth (draft);
  g_assert_nonnull (auth);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-username-row")), "someone");
  type_secret (fixture, "to-be-discarded");
  secret_id = g_strdup (rc_auth_get_secret_id (auth));
  g_assert_nonnull (secret_id);
  g_assert_true (rc_test_keyring_wait_for (rc_test_gui_get_secret_store (),
                                           rc_project_get_id (fixture->project),
                                           secret_id, "to-be-discarded"));

  /* …leaves the keyring with the discarded draft. */
  g_signal_emit_by_name (dialog_widget (fixture, "method-dialog-cancel-button"), "clicked");
  rc_test_gui_respond (rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->dialog)), "discard");
  rc_test_gui_wait_gone (&fixture->dialog);
  g_assert_true (rc_test_keyring_wait_for (rc_test_gui_get_secret_store (),
                                           rc_project_get_id (fixture->project), secret_id, NULL));

  /* And the project never saw it. */
  g_assert_cmpuint (rc_project_get_n_apis (fixture->project), ==, n_apis);
  for (guint i = 0; i < n_apis; i++)
    g_assert_null (rc_api_find_method (rc_project_get_api (fixture->project, i), "draftMethod"));
  g_assert_false (rc_project_get_dirty (fixture->project));
}

/* The token request carries @secret: in its Basic header or its body. */
static gboolean
token_request_sends_secret (RcTestServer *auth_server,
                            const char   *client_id,
                            const char   *secret)
{
  RcTestRequest *request;
  g_autofree char *credentials = g_strdup_printf ("%s:%s", client_id, secret);
  g_autofree char *basic = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  g_autofree char *header = g_strconcat ("Basic ", basic, NULL);
  g_autofree char *field = g_strconcat ("client_secret=", secret, NULL);
  const char *authorization;
  g_autofree char *body = NULL;

  g_assert_cmpuint (auth_server->requests->len, >, 0);
  request = g_ptr_array_index (auth_server->requests, auth_server->requests->len - 1);
  authorization = soup_message_headers_get_one (request->headers, "Authorization");
  if (request->body != NULL)
    body = g_strndup (g_bytes_get_data (request->body, NULL), g_bytes_get_size (request->body));

  return g_strcmp0 (authorization, header) == 0 || (body != NULL && strstr (body, field) != NULL);
}

/* A secret typed and never applied (no Enter, the focus still in it):
 * Ctrl+Return stores it and the call sends it, at once, without “No client
 * secret is stored”; Finish stores the one typed next. Both checked with a
 * store of its own, as another run of the app would. */
static void
test_typed_secret_committed (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RcTestServer) auth_server = rc_test_server_new (FALSE);
  g_autoptr(RcTestServer) api_server = rc_test_server_new (FALSE);
  g_autoptr(RcSecretStore) other = NULL;
  g_autofree char *token_url = rc_test_server_url (auth_server, "/token");
  g_autofree char *api_url = rc_test_server_url (api_server, "/items/{itemId}");
  g_autofree char *status = NULL;
  g_autofree char *secret_id = NULL;
  RcMethod *draft;
  RcAuth *auth;

  if (rc_test_gui_skip_without_display ())
    return;

  auth_server->handler = token_and_api_handler;
  api_server->handler = token_and_api_handler;
  other = rc_secret_store_new ();

  open_dialog (fixture);
  draft = rc_method_dialog_get_method (fixture->dialog);
  rc_test_gui_select_combo_label (dialog_widget (fixture, "method-dialog-api-row"), "New API");
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-name-row")), "getItem");
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-url-row")), api_url);
  gtk_editable_set_text (
    GTK_EDITABLE (rc_test_gui_find_parameter_row (GTK_WIDGET (fixture->dialog), "itemId")), "7");

  show_tab (fixture, "headers");
  rc_test_gui_select_combo_label (dialog_widget (fixture, "auth-kind-row"),
                      rc_auth_kind_get_label (RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS));
  auth = rc_api_get_auth (rc_method_get_api (draft));
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-client-id-row")), CLIENT_ID);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-token-url-row")), token_url);
  type_secret_without_enter (fixture, CLIENT_SECRET);

  /* Ctrl+Return, the focus still in the secret: the editor's shortcut. */
  g_assert_true (gtk_widget_activate_action (dialog_widget (fixture, "auth-secret-row"),
                                             "editor.run-test", NULL));
  g_assert_false (rc_auth_group_has_pending_secret (auth_group (fixture)));
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (dialog_widget (fixture, "auth-secret-row"))), ==, "");
  rc_test_gui_wait_for_text (dialog_widget (fixture, "inspector-api-response"), "200");

  status = g_strdup (gtk_label_get_text (GTK_LABEL (dialog_widget (fixture, "test-status-label"))));
  g_test_message ("Status: %s", status);
  g_assert_null (strstr (status, "No client secret"));
  g_assert_cmpuint (auth_server->requests->len, ==, 1);
  g_assert_true (token_request_sends_secret (auth_server, CLIENT_ID, CLIENT_SECRET));
  g_assert_cmpuint (api_server->requests->len, ==, 1);

  secret_id = g_strdup (rc_auth_get_secret_id (auth));
  g_assert_true (secret_id != NULL && secret_id[0] != '\0');
  g_assert_true (rc_test_keyring_wait_for (other, rc_project_get_id (fixture->project),
                                           secret_id, CLIENT_SECRET));

  /* A new secret typed, and Finish pressed at once (as Alt+F does, the
   * focus not leaving the entry). */
  show_tab (fixture, "headers");
  type_secret_without_enter (fixture, "n3w-Secret-22");
  g_assert_true (finish_enabled (fixture));
  g_signal_emit_by_name (dialog_widget (fixture, "method-dialog-finish-button"), "clicked");
  rc_test_gui_wait_gone (&fixture->dialog);
  g_assert_nonnull (rc_method_get_api (draft));
  g_assert_true (rc_project_find_api (fixture->project, "127.0.0.1") == rc_method_get_api (draft));
  g_assert_cmpstr (rc_auth_get_secret_id (auth), ==, secret_id);
  g_assert_true (rc_test_keyring_wait_for (other, rc_project_get_id (fixture->project),
                                           secret_id, "n3w-Secret-22"));
  g_assert_cmpuint (rc_test_keyring_count (rc_project_get_id (fixture->project),
                                           rc_api_get_id (rc_method_get_api (draft))), ==, 1);
}

/* The reference document's order: Client ID, Client secret, Access token
 * URL, Scopes, then the Test tab and Test at once. The secret, stored as
 * the focus left it, was typed for no token URL yet: it goes with the one
 * typed after it, and the call sends it without asking. */
static void
test_reference_order (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RcTestServer) auth_server = rc_test_server_new (FALSE);
  g_autoptr(RcTestServer) api_server = rc_test_server_new (FALSE);
  g_autofree char *token_url = rc_test_server_url (auth_server, "/token");
  g_autofree char *api_url = rc_test_server_url (api_server, "/items/{itemId}");
  RcMethod *draft;

  if (rc_test_gui_skip_without_display ())
    return;

  auth_server->handler = token_and_api_handler;
  api_server->handler = token_and_api_handler;

  open_dialog (fixture);
  draft = rc_method_dialog_get_method (fixture->dialog);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-url-row")), api_url);
  rc_test_gui_select_combo_label (dialog_widget (fixture, "method-dialog-api-row"), "New API");
  gtk_editable_set_text (
    GTK_EDITABLE (rc_test_gui_find_parameter_row (GTK_WIDGET (fixture->dialog), "itemId")), "7");

  show_tab (fixture, "headers");
  rc_test_gui_select_combo_label (dialog_widget (fixture, "auth-kind-row"),
                                  rc_auth_kind_get_label (RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS));
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-client-id-row")), CLIENT_ID);
  type_secret (fixture, CLIENT_SECRET);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-token-url-row")), token_url);
  rc_text_row_set_text (RC_TEXT_ROW (dialog_widget (fixture, "auth-scopes-row")), "items:read");

  show_tab (fixture, "test");
  g_signal_emit_by_name (dialog_widget (fixture, "test-button"), "clicked");
  rc_test_gui_wait_for_text (dialog_widget (fixture, "inspector-api-response"), "200");
  g_assert_cmpuint (auth_server->requests->len, ==, 1);
  g_assert_true (token_request_sends_secret (auth_server, CLIENT_ID, CLIENT_SECRET));
  g_assert_nonnull (rc_method_get_api (draft));
}

/* Whether the app's secret store has writes on their way. */
static gboolean
secrets_busy (void)
{
  return rc_secret_store_get_busy (rc_test_gui_get_secret_store ());
}

/* Each time the dialog is asked to close; the last is the one that does. */
static gboolean
record_busy_cb (GtkWindow *dialog,
                gpointer   user_data)
{
  gboolean *busy_when_closed = user_data;

  *busy_when_closed = secrets_busy ();

  return FALSE;
}

/* The question @parent has just presented, without waiting for it to show. */
static AdwMessageDialog *
find_question_now (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }

  g_assert_not_reached ();
}

static gboolean
dialog_gone_cb (gpointer data)
{
  Fixture *fixture = data;

  return fixture->dialog == NULL;
}

static gboolean
not_busy_cb (gpointer data)
{
  return !secrets_busy ();
}

/* Discard keeps nothing: a secret typed and not applied never reaches the
 * keyring, and one whose store is still on its way is cleared once it has
 * ended, the dialog gone by then. */
static void
test_discard_typed_secret (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RcSecretStore) other = NULL;
  g_autofree char *draft_id = NULL;
  g_autofree char *secret_id = NULL;
  AdwMessageDialog *question;
  RcMethod *draft;
  RcAuth *auth;
  GPid daemon;
  gboolean busy_when_closed = FALSE;
  gboolean busy_at_enter;
  gboolean gone;

  if (rc_test_gui_skip_without_display ())
    return;

  other = rc_secret_store_new ();

  /* Typed, not applied, then discarded: the prompt, and nothing stored. */
  open_dialog (fixture);
  draft = rc_method_dialog_get_method (fixture->dialog);
  draft_id = g_strdup (rc_method_get_id (draft));
  show_tab (fixture, "headers");
  rc_test_gui_select_combo_label (dialog_widget (fixture, "auth-kind-row"),
                                  rc_auth_kind_get_label (RC_AUTH_KIND_BASIC));
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-username-row")), "someone");
  type_secret_without_enter (fixture, "typed-never-applied");
  g_signal_emit_by_name (dialog_widget (fixture, "method-dialog-cancel-button"), "clicked");
  question = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->dialog));
  rc_test_gui_respond (question, "discard");
  rc_test_gui_wait_gone (&fixture->dialog);
  /* Whatever the dialog asked of the keyring has been answered. */
  g_assert_true (rc_test_keyring_wait_idle (rc_test_gui_get_secret_store ()));
  g_assert_cmpuint (rc_test_keyring_count (rc_project_get_id (fixture->project), draft_id), ==, 0);
  g_clear_pointer (&draft_id, g_free);

  /* Applied (Enter), and discarded while the keyring is still storing it. */
  open_dialog (fixture);
  draft = rc_method_dialog_get_method (fixture->dialog);
  draft_id = g_strdup (rc_method_get_id (draft));
  show_tab (fixture, "headers");
  rc_test_gui_select_combo_label (dialog_widget (fixture, "auth-kind-row"),
                                  rc_auth_kind_get_label (RC_AUTH_KIND_BASIC));
  auth = rc_method_get_auth (draft);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "auth-username-row")), "someone");
  g_signal_connect (fixture->dialog, "close-request", G_CALLBACK (record_busy_cb),
                    &busy_when_closed);

  /* Enter, Escape and Discard, while the keyring is still storing: its
   * daemon is held still meanwhile (and let go before any check). */
  daemon = rc_test_keyring_daemon_pid ();
  g_assert_cmpint (kill (daemon, SIGSTOP), ==, 0);
  type_secret (fixture, "stored-then-discarded");
  busy_at_enter = secrets_busy ();
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  rc_test_gui_respond (find_question_now (GTK_WINDOW (fixture->dialog)), "discard");
  gone = rc_test_gui_wait (dialog_gone_cb, fixture);
  g_assert_cmpint (kill (daemon, SIGCONT), ==, 0);

  secret_id = g_strdup (rc_auth_get_secret_id (auth));
  g_assert_true (busy_at_enter);
  g_assert_true (gone);
  g_assert_true (busy_when_closed);
  g_assert_true (secrets_busy ());

  /* The store ends, and then the clear: nothing is left, anywhere. */
  g_assert_true (rc_test_gui_wait (not_busy_cb, NULL));
  g_assert_true (
    rc_test_keyring_wait_for (other, rc_project_get_id (fixture->project), secret_id, NULL));
  g_assert_true (rc_test_keyring_wait_idle (rc_test_gui_get_secret_store ()));
  g_assert_true (
    rc_test_keyring_wait_for (other, rc_project_get_id (fixture->project), secret_id, NULL));
  g_assert_cmpuint (rc_test_keyring_count (rc_project_get_id (fixture->project), draft_id), ==, 0);
  g_assert_false (rc_secret_store_is_session_only (
    rc_test_gui_get_secret_store (), rc_project_get_id (fixture->project), secret_id));
}

static void
test_api_row_in_request_tab (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *api_row;
  GtkWidget *name_row;
  GtkWidget *stack;
  GtkWidget *header_bar;
  GtkWidget *bar;
  const char *no_parameters[] = { "No parameters in the URL", NULL };
  graphene_rect_t api_bounds;
  graphene_rect_t name_bounds;
  graphene_rect_t stack_bounds;
  graphene_rect_t header_bounds;

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  rc_test_gui_wait_for_transitions (GTK_WIDGET (fixture->dialog));
  api_row = dialog_widget (fixture, "method-dialog-api-row");
  name_row = dialog_widget (fixture, "method-name-row");
  stack = dialog_widget (fixture, "method-editor-stack");

  /* The Request tab's first group, aligned and as wide as the method's rows. */
  g_assert_cmpstr (visible_tab (fixture), ==, "request");
  g_assert_true (gtk_widget_is_ancestor (
    api_row, adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "request")));
  g_assert_true (gtk_widget_get_mapped (api_row));
  api_bounds = bounds_in_dialog (fixture, api_row);
  name_bounds = bounds_in_dialog (fixture, name_row);
  g_assert_cmpfloat_with_epsilon (api_bounds.origin.x, name_bounds.origin.x, 0.5);
  g_assert_cmpfloat_with_epsilon (api_bounds.size.width, name_bounds.size.width, 0.5);
  g_assert_cmpfloat (api_bounds.origin.y, <, name_bounds.origin.y);

  /* No parameter yet: the table says so, again once the last one goes. */
  rc_test_gui_wait_for_labels (dialog_widget (fixture, "method-parameters-list"), no_parameters);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-url-row")), "/items/{id}");
  g_assert_nonnull (rc_test_gui_find_parameter_row (GTK_WIDGET (fixture->dialog), "id"));
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-url-row")), "/items");
  g_assert_null (rc_test_gui_find_parameter_row (GTK_WIDGET (fixture->dialog), "id"));
  rc_test_gui_wait_for_labels (dialog_widget (fixture, "method-parameters-list"), no_parameters);

  /* Nowhere else: the Test tab starts right under the header bar. */
  header_bar = rc_test_gui_find_of_type (GTK_WIDGET (fixture->dialog), ADW_TYPE_HEADER_BAR);
  header_bounds = bounds_in_dialog (fixture, header_bar);
  for (guint i = 0; i < 3; i++)
    {
      const char *tabs[] = { "headers", "body", "test" };

      show_tab (fixture, tabs[i]);
      g_assert_false (gtk_widget_get_mapped (api_row));
    }
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-test-empty.png");
  stack_bounds = bounds_in_dialog (fixture, stack);
  bar = rc_test_gui_find_of_type (GTK_WIDGET (fixture->dialog), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_cmpfloat_with_epsilon (stack_bounds.origin.y,
                                  header_bounds.origin.y + header_bounds.size.height, 0.5);
  g_assert_cmpfloat (stack_bounds.size.height, >=,
                     gtk_widget_get_height (adw_window_get_content (ADW_WINDOW (fixture->dialog))) -
                     header_bounds.size.height - gtk_widget_get_height (bar) - 1);

  /* Narrow, too: the rows keep their alignment. */
  show_tab (fixture, "request");
  rc_test_gui_resize (GTK_WINDOW (fixture->dialog), 360, 700);
  api_bounds = bounds_in_dialog (fixture, api_row);
  name_bounds = bounds_in_dialog (fixture, name_row);
  g_assert_cmpfloat_with_epsilon (api_bounds.origin.x, name_bounds.origin.x, 0.5);
  g_assert_cmpfloat_with_epsilon (api_bounds.size.width, name_bounds.size.width, 0.5);
  g_assert_cmpfloat (api_bounds.origin.x + api_bounds.size.width, <=, 360);
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-narrow-request.png");
}

typedef struct
{
  AdwViewStackPage *headers;
  GtkWidget        *bar;
  gboolean          at_bottom;
  const char       *title;
} Tabs;

/* Whether the tabs are where they are wanted (the header bar or the bar at
 * the bottom), the Headers and Authentication tab named as wanted: the
 * editor picks the name once laid out at the new width. */
static gboolean
tabs_are_cb (gpointer data)
{
  Tabs *tabs = data;

  return adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (tabs->bar)) == tabs->at_bottom &&
         g_strcmp0 (adw_view_stack_page_get_title (tabs->headers), tabs->title) == 0;
}

static void
assert_tabs (Tabs       *tabs,
             gboolean    at_bottom,
             const char *title)
{
  tabs->at_bottom = at_bottom;
  tabs->title = title;
  if (!rc_test_gui_wait (tabs_are_cb, tabs))
    g_error ("The tabs are %s, the Headers and Authentication tab named “%s”; wanted: %s, “%s”",
             adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (tabs->bar))
               ? "at the bottom"
               : "in the header bar",
             adw_view_stack_page_get_title (tabs->headers),
             at_bottom ? "at the bottom" : "in the header bar", title);
}

/* Every tab's full name where there is room; the short one where the
 * header bar has room for it only, and in the narrow bar. */
static void
test_tab_names_fit (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwViewStack *stack;
  Tabs tabs;

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  stack = ADW_VIEW_STACK (dialog_widget (fixture, "method-editor-stack"));
  tabs.headers =
    adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "headers"));
  tabs.bar = rc_test_gui_find_of_type (GTK_WIDGET (fixture->dialog), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_nonnull (tabs.bar);

  /* As it opens: wide enough for the four tabs next to Cancel and Finish. */
  rc_test_gui_wait_for_transitions (GTK_WIDGET (fixture->dialog));
  assert_tabs (&tabs, FALSE, "_Headers and Authentication");
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-default-size.png");

  /* Wide: the tabs in the header bar; less wide, still there, the long
   * name made short rather than the tabs sent to the bottom. */
  rc_test_gui_resize (GTK_WINDOW (fixture->dialog), 1000, 700);
  assert_tabs (&tabs, FALSE, "_Headers and Authentication");
  rc_test_gui_resize (GTK_WINDOW (fixture->dialog), 700, 700);
  assert_tabs (&tabs, FALSE, "_Headers & Auth");
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-700-tabs.png");

  rc_test_gui_resize (GTK_WINDOW (fixture->dialog), 360, 700);
  assert_tabs (&tabs, TRUE, "_Headers & Auth");
  show_tab (fixture, "headers");
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-narrow-tabs.png");

  /* Wide again, the full name again. */
  rc_test_gui_resize (GTK_WINDOW (fixture->dialog), 1000, 700);
  assert_tabs (&tabs, FALSE, "_Headers and Authentication");
}

static void
test_mnemonics_unique (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *tabs[] = { "request", "headers", "body", "test" };
  GtkWidget *kind_row;

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-url-row")),
                         "https://example.com/items/{id}");

  /* Each tab, with as many of its rows shown as can be: OAuth 2.0, then
   * Basic, in the Headers and Authentication tab; a header row. */
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      show_tab (fixture, tabs[i]);
      if (g_str_equal (tabs[i], "headers"))
        {
          kind_row = dialog_widget (fixture, "auth-kind-row");
          g_signal_emit_by_name (dialog_widget (fixture, "headers-add-button"), "clicked");
          rc_test_gui_select_combo_label (kind_row, rc_auth_kind_get_label (RC_AUTH_KIND_BASIC));
          rc_test_gui_wait_for_transitions (GTK_WIDGET (fixture->dialog));
          assert_mnemonics_unique (GTK_WIDGET (fixture->dialog), "headers, Basic");
          rc_test_gui_select_combo_label (
            kind_row, rc_auth_kind_get_label (RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS));
          adw_expander_row_set_expanded (
            ADW_EXPANDER_ROW (dialog_widget (fixture, "auth-advanced-row")), TRUE);
          rc_test_gui_wait_for_transitions (GTK_WIDGET (fixture->dialog));
        }
      assert_mnemonics_unique (GTK_WIDGET (fixture->dialog), tabs[i]);
    }
}

/* The error shown under a header row, "" when none is. */
static const char *
header_error (Fixture *fixture)
{
  GtkWidget *box = dialog_widget (fixture, "header-error");
  GtkWidget *label = rc_test_gui_find_of_type (box, GTK_TYPE_LABEL);

  if (!gtk_widget_get_visible (box))
    return "";

  g_assert_true (gtk_widget_get_mapped (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The entry is marked, for the eye and for assistive technology, with
 * @message, or not at all when it is NULL. */
static void
assert_entry_marked (GtkWidget  *entry,
                     const char *message)
{
  if (message == NULL)
    {
      g_assert_false (gtk_widget_has_css_class (entry, "error"));
      g_assert_false (
        gtk_test_accessible_has_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID));
      return;
    }

  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       message);
}

static gboolean
finish_disabled_cb (gpointer data)
{
  return !finish_enabled (data);
}

/* A custom content type that could not be sent as typed (it would add
 * headers, or a request, to the call) is marked on its field with what to
 * do, and Finish waits until it is fixed. */
static void
test_wire_checks_content_type (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *type_row;
  RcMethod *draft;

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  draft = rc_method_dialog_get_method (fixture->dialog);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-name-row")), "addPet");
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-url-row")),
                         "https://example.com/pets");
  g_assert_true (finish_enabled (fixture));

  /* A custom content type: checked as it is typed (pasted, here). */
  show_tab (fixture, "body");
  rc_test_gui_select_combo_label (dialog_widget (fixture, "method-content-type-row"), "Custom…");
  type_row = dialog_widget (fixture, "method-content-type-entry");
  g_assert_true (gtk_widget_get_visible (type_row));
  gtk_editable_set_text (GTK_EDITABLE (type_row),
                         "text/plain\r\nContent-Length: 1\r\n\r\nxGET /steal");
  g_assert_true (rc_test_gui_wait (finish_disabled_cb, fixture));
  rc_test_gui_assert_field_check (
    GTK_WIDGET (fixture->dialog), "method-content-type-entry",
    "“text/plain\\r\\nContent-Length: 1\\r\\n\\r\\nxGET /steal” is not a media type");
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog),
                               "method-dialog-invalid-content-type.png");
  gtk_editable_set_text (GTK_EDITABLE (type_row), "text/plain; charset=utf-8");
  rc_test_gui_assert_field_check (GTK_WIDGET (fixture->dialog), "method-content-type-entry", NULL);
  g_assert_cmpstr (rc_method_get_content_type (draft), ==, "text/plain; charset=utf-8");
  g_assert_true (finish_enabled (fixture));
}

/* A header name or value that could not be sent as typed is marked on its
 * row with what to do, and Finish waits until it is fixed. */
static void
test_wire_checks_headers (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *name_entry;
  GtkWidget *value_entry;

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-name-row")), "addPet");
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-url-row")),
                         "https://example.com/pets");

  show_tab (fixture, "headers");
  g_signal_emit_by_name (dialog_widget (fixture, "headers-add-button"), "clicked");
  /* The new header's row, with the focus in its name. */
  name_entry = dialog_widget (fixture, "header-name-entry");
  rc_test_gui_wait_for_focus (name_entry);
  value_entry = dialog_widget (fixture, "header-value-entry");
  g_assert_true (finish_enabled (fixture));

  gtk_editable_set_text (GTK_EDITABLE (name_entry), "X Trace");
  g_assert_false (finish_enabled (fixture));
  g_assert_nonnull (strstr (header_error (fixture), "“X Trace” is not a header name"));
  assert_entry_marked (name_entry, header_error (fixture));
  assert_entry_marked (value_entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "X-Trace");
  g_assert_cmpstr (header_error (fixture), ==, "");
  assert_entry_marked (name_entry, NULL);
  g_assert_true (finish_enabled (fixture));

  gtk_editable_set_text (GTK_EDITABLE (value_entry), "on\r\nX-Injected: 1");
  g_assert_false (finish_enabled (fixture));
  g_assert_nonnull (strstr (header_error (fixture), "“on\\r\\nX-Injected: 1” holds a line break"));
  assert_entry_marked (value_entry, header_error (fixture));
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "method-dialog-invalid-header.png");
  gtk_editable_set_text (GTK_EDITABLE (value_entry), "on");
  g_assert_cmpstr (header_error (fixture), ==, "");
  assert_entry_marked (value_entry, NULL);
  g_assert_true (finish_enabled (fixture));

  /* A row not named (yet) is not sent, and not wrong. */
  gtk_editable_set_text (GTK_EDITABLE (value_entry), "a\nb");
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "");
  g_assert_cmpstr (header_error (fixture), ==, "");
  g_assert_true (finish_enabled (fixture));
}

/* Whether the shortcuts window (Ctrl+?) lists @accelerator. */
static gboolean
shortcuts_window_lists (const char *accelerator)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/restcall/Restcall/rc-help-overlay.ui");
  GSList *objects = gtk_builder_get_objects (builder);
  gboolean listed = FALSE;

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        {
          g_autofree char *shown = NULL;

          g_object_get (l->data, "accelerator", &shown, NULL);
          listed |= g_strcmp0 (shown, accelerator) == 0;
        }
    }
  g_slist_free (objects);
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  return listed;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  const char *reading_order[] = {
    "method-name-row",
    "method-verb-row",
    "method-url-row",
    "method-description-row",
    "method-parameter-row",
  };
  RcMethod *draft;

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  draft = rc_method_dialog_get_method (fixture->dialog);

  /* Opening: the name. */
  rc_test_gui_wait_for_focus (dialog_widget (fixture, "method-name-row"));
  g_assert_cmpstr (focus_owner (fixture), ==, "method-name-row");
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-name-row")), "getItem");
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "method-url-row")),
                         "https://example.com/items/{id}");

  /* Tab: down the Request tab as it reads; Shift+Tab from the name: the API. */
  for (guint i = 1; i < G_N_ELEMENTS (reading_order); i++)
    g_assert_cmpstr (press_tab (fixture, GTK_DIR_TAB_FORWARD), ==, reading_order[i]);
  for (guint i = G_N_ELEMENTS (reading_order) - 1; i > 0; i--)
    g_assert_cmpstr (press_tab (fixture, GTK_DIR_TAB_BACKWARD), ==, reading_order[i - 1]);
  g_assert_cmpstr (press_tab (fixture, GTK_DIR_TAB_BACKWARD), ==, "method-dialog-api-row");

  /* Alt and a tab's letter: that tab, the keyboard in its first field (the
   * Test tab's first is its own business). */
  assert_mnemonic_focuses (fixture, GDK_KEY_h, "headers", "headers-add-button");
  assert_mnemonic_focuses (fixture, GDK_KEY_b, "body", "method-content-type-row");
  assert_mnemonic_focuses (fixture, GDK_KEY_r, "request", "method-name-row");
  assert_mnemonic_focuses (fixture, GDK_KEY_t, "test", NULL);

  /* Alt+F finishes, as the shortcuts window says. */
  g_assert_true (shortcuts_window_lists ("<Alt>f"));
  g_assert_true (finish_enabled (fixture));
  press_mnemonic (fixture, GDK_KEY_f);
  rc_test_gui_wait_gone (&fixture->dialog);
  g_assert_nonnull (rc_method_get_api (draft));
  /* Its URL is no API's: a new API, named after its host. */
  g_assert_true (rc_project_find_api (fixture->project, "example.com") ==
                 rc_method_get_api (draft));
}

static gboolean
import_add_sensitive_cb (gpointer data)
{
  RcImportDialog **dialog = data;
  GtkWidget *add = rc_test_gui_find_named (GTK_WIDGET (*dialog), "import-add-button");

  return add != NULL && gtk_widget_get_sensitive (add) && gtk_widget_get_mapped (add);
}

static void
test_import_through_consume (void)
{
  Fixture fixture = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  RcImportDialog *import = NULL;
  AdwMessageDialog *question;
  GtkWidget *stack;
  GtkWidget *api_page;
  RcApi *api;
  const char *wanted[] = { "Petstore", NULL };

  if (rc_test_gui_skip_without_display ())
    return;

  fixture.project = rc_project_new ();
  fixture.window = rc_test_gui_present_window (fixture.project, 1000, 700);

  /* The empty state's button is the Consume action. */
  g_signal_emit_by_name (rc_test_gui_get_widget (fixture.window, "empty-consume-button"),
                         "clicked");
  question = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture.window));
  rc_test_gui_respond (question, "openapi");
  rc_test_gui_wait_for_window (RC_TYPE_IMPORT_DIALOG, &import);

  path = g_test_build_filename (G_TEST_DIST, "data", "openapi", "petstore-3.0.yaml", NULL);
  file = g_file_new_for_path (path);
  rc_import_dialog_load_file (import, file);
  g_assert_true (rc_test_gui_wait (import_add_sensitive_cb, &import));
  g_signal_emit_by_name (rc_test_gui_find_named (GTK_WIDGET (import), "import-add-button"),
                         "clicked");
  rc_test_gui_wait_gone (&import);

  /* The sidebar shows the API; its page, the authentication the document declares. */
  api = rc_project_find_api (fixture.project, "Petstore");
  g_assert_nonnull (api);
  g_assert_cmpuint (rc_api_get_n_methods (api), >, 0);
  rc_test_gui_wait_for_labels (rc_test_gui_get_widget (fixture.window, "sidebar-list"), wanted);
  rc_test_gui_assert_page_shown (fixture.window, "api");

  stack = rc_test_gui_get_widget (fixture.window, "content-stack");
  api_page = gtk_stack_get_child_by_name (GTK_STACK (stack), "api");
  g_assert_cmpstr (rc_test_gui_get_combo_label (rc_test_gui_find_named (api_page, "auth-kind-row")),
                   ==, rc_auth_kind_get_label (RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS));
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (rc_test_gui_find_named (api_page, "auth-token-url-row"))),
    ==, "https://{{host}}/oauth/token");
  g_assert_nonnull (strstr (
    rc_text_row_get_text (RC_TEXT_ROW (rc_test_gui_find_named (api_page, "auth-scopes-row"))),
    "read:pets"));
  g_assert_true (gtk_widget_get_mapped (rc_test_gui_find_named (api_page, "auth-client-id-row")));

  fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rc_test_gui_init ();

  g_test_add ("/restcall/gui/method-dialog/type-test-value", Fixture, NULL,
              fixture_set_up, test_type_test_value, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/name-suggested", Fixture, NULL,
              fixture_set_up, test_name_suggested, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/target-follows-url", Fixture, NULL,
              fixture_set_up, test_target_follows_url, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/api-auth-by-name", Fixture, NULL,
              fixture_set_up, test_api_auth_by_name, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/new-api-owns-auth", Fixture, NULL,
              fixture_set_up, test_new_api_owns_auth, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/base-url", Fixture, NULL,
              fixture_set_up, test_base_url, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/finish-needs-valid-method", Fixture, NULL,
              fixture_set_up, test_finish_needs_valid_method, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/wire-checks-content-type", Fixture, NULL,
              fixture_set_up, test_wire_checks_content_type, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/wire-checks-headers", Fixture, NULL,
              fixture_set_up, test_wire_checks_headers, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/oauth-method-tested-and-added", Fixture, NULL,
              fixture_set_up, test_oauth_method_tested_and_added, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/reference-order", Fixture, NULL,
              fixture_set_up, test_reference_order, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/discard-asks", Fixture, NULL,
              fixture_set_up, test_discard_asks, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/typed-secret-committed", Fixture, NULL,
              fixture_set_up, test_typed_secret_committed, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/discard-typed-secret", Fixture, NULL,
              fixture_set_up, test_discard_typed_secret, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/api-row-in-request-tab", Fixture, NULL,
              fixture_set_up, test_api_row_in_request_tab, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/tab-names-fit", Fixture, NULL,
              fixture_set_up, test_tab_names_fit, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/mnemonics-unique", Fixture, NULL,
              fixture_set_up, test_mnemonics_unique, fixture_tear_down);
  g_test_add ("/restcall/gui/method-dialog/keyboard", Fixture, NULL,
              fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add_func ("/restcall/gui/method-dialog/import-through-consume",
                   test_import_through_consume);

  return g_test_run ();
}
