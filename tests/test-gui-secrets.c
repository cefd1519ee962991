/* test-gui-secrets.c: secrets typed in the window go to a real keyring
 *
 * Run by keyring-session.sh (a private session bus with a throwaway,
 * unlocked GNOME Keyring) under Xvfb. What the window says is checked
 * against what the keyring holds, seen through a store of its own or
 * through libsecret itself, never through the window's. One case runs in a
 * subprocess with no session bus at all: no keyring to be had.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "rc-api-page.h"
#include "rc-auth-group.h"
#include "rc-sidebar.h"
#include "rc-test-gui.h"
#include "rc-test-keyring.h"
#include "rc-test-server.h"
#include "rc-window.h"

typedef struct
{
  RcProject *project;
  RcWindow  *window;
  char      *dir;
} Fixture;

/* Helpers */

static gboolean
sidebar_shows (Fixture    *fixture,
               const char *text)
{
  const char *wanted[] = { text, NULL };

  return rc_test_gui_shows_labels (rc_test_gui_get_widget (fixture->window, "sidebar-list"),
                                   wanted);
}

static gboolean
sidebar_ready_cb (gpointer data)
{
  return sidebar_shows (data, "Petstore") && sidebar_shows (data, "Billing");
}

static gboolean
petstore_gone_cb (gpointer data)
{
  return !sidebar_shows (data, "Petstore") && !sidebar_shows (data, "listPets");
}

static const char *
get_state (Fixture *fixture)
{
  GtkWidget *row = rc_test_gui_get_widget (fixture->window, "auth-secret-state-row");

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
get_state_detail (Fixture *fixture)
{
  GtkWidget *row = rc_test_gui_get_widget (fixture->window, "auth-secret-state-row");

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

typedef struct
{
  Fixture    *fixture;
  const char *state;
} StateShown;

static gboolean
state_shown_cb (gpointer data)
{
  StateShown *shown = data;

  return g_strcmp0 (get_state (shown->fixture), shown->state) == 0 &&
         gtk_widget_get_mapped (
           rc_test_gui_get_widget (shown->fixture->window, "auth-secret-state-row"));
}

static void
assert_state (Fixture    *fixture,
              const char *state)
{
  StateShown shown = { fixture, state };

  if (!rc_test_gui_wait (state_shown_cb, &shown))
    g_error ("The secret's state is “%s” (%s), not “%s”",
             get_state (fixture), get_state_detail (fixture), state);
  g_test_message ("Secret state: “%s”: %s", state, get_state_detail (fixture));
}

/* Types @secret and presses Enter, as a user would. */
static void
type_secret (Fixture    *fixture,
             const char *secret)
{
  GtkWidget *row = rc_test_gui_get_widget (fixture->window, "auth-secret-row");
  GtkWidget *text = rc_test_gui_find_of_type (row, GTK_TYPE_TEXT);

  g_assert_nonnull (text);
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), secret);
  g_signal_emit_by_name (text, "activate");
}

/* Presses @keyval on @widget, through the shortcuts it has. */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/* The keyring, seen by another program: a store of its own. */

static void
store_elsewhere (const char            *project_id,
                 const char            *owner_id,
                 const char            *secret_id,
                 const RcSecretBinding *binding,
                 const char            *secret)
{
  g_autoptr(RcSecretStore) store = rc_secret_store_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = rc_test_keyring_store (store, project_id, owner_id, secret_id, binding, secret, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* The secret of @api's own authentication, bound as the window binds it. */
static void
store_api_elsewhere (const char *project_id,
                     RcApi      *api,
                     const char *secret)
{
  g_autoptr(RcSecretBinding) binding = rc_secret_binding_new_for_api (api);

  store_elsewhere (project_id, rc_api_get_id (api),
                   rc_auth_ensure_secret_id (rc_api_get_auth (api)), binding, secret);
}

/* The secret of @method's own authentication, bound as the window binds it. */
static void
store_method_elsewhere (const char *project_id,
                        RcMethod   *method,
                        const char *secret)
{
  g_autoptr(RcSecretBinding) binding = rc_secret_binding_new_for_method (method, NULL);

  store_elsewhere (project_id, rc_method_get_id (method),
                   rc_auth_ensure_secret_id (rc_method_get_auth (method)), binding, secret);
}

static char *
lookup_elsewhere (const char *project_id,
                  const char *secret_id)
{
  g_autoptr(RcSecretStore) store = rc_secret_store_new ();
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = rc_test_keyring_lookup (store, project_id, secret_id, &error);
  g_assert_no_error (error);

  return secret;
}

/* The label of the one item of @owner_id in the keyring. */
static char *
dup_item_label (const char *project_id,
                const char *owner_id)
{
  GList *items = rc_test_keyring_search (project_id, owner_id);
  char *label;

  g_assert_cmpuint (g_list_length (items), ==, 1);
  label = secret_retrievable_get_label (items->data);
  g_list_free_full (items, g_object_unref);

  return label;
}

typedef struct
{
  const char *project_id;
  GPtrArray  *owner_ids;
} Owners;

static gboolean
owners_cleared_cb (gpointer data)
{
  Owners *owners = data;

  for (guint i = 0; i < owners->owner_ids->len; i++)
    {
      if (rc_test_keyring_count (owners->project_id, g_ptr_array_index (owners->owner_ids, i)) > 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
project_saved_cb (gpointer data)
{
  return !rc_project_get_dirty (data);
}

/* Whether the app's secret store has writes on their way. */
static gboolean
secrets_busy (void)
{
  return rc_secret_store_get_busy (rc_test_gui_get_secret_store ());
}

/* What RcSecretStore:busy said, in order, and what the group's row said then. */
typedef struct
{
  RcAuthGroup *group;
  GArray      *values;
  GPtrArray   *states;
} BusyLog;

static void
busy_notify_cb (RcSecretStore *store,
                GParamSpec    *pspec,
                BusyLog       *log)
{
  GtkWidget *state_row = rc_test_gui_find_named (GTK_WIDGET (log->group), "auth-secret-state-row");
  gboolean busy = rc_secret_store_get_busy (store);

  g_array_append_val (log->values, busy);
  g_ptr_array_add (log->states,
                   g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (state_row))));
}

static void
busy_log_init (BusyLog     *log,
               RcAuthGroup *group)
{
  log->group = group;
  log->values = g_array_new (FALSE, FALSE, sizeof (gboolean));
  log->states = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (rc_test_gui_get_secret_store (), "notify::busy", G_CALLBACK (busy_notify_cb),
                    log);
}

static void
busy_log_clear (BusyLog *log)
{
  g_signal_handlers_disconnect_by_func (rc_test_gui_get_secret_store (), busy_notify_cb, log);
  g_clear_pointer (&log->values, g_array_unref);
  g_clear_pointer (&log->states, g_ptr_array_unref);
}

static gboolean
widget_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
not_busy_cb (gpointer data)
{
  return !secrets_busy ();
}

/* The auth group that holds @secret_row. */
static RcAuthGroup *
get_auth_group (GtkWidget *secret_row)
{
  GtkWidget *group = gtk_widget_get_ancestor (secret_row, RC_TYPE_AUTH_GROUP);

  g_assert_nonnull (group);

  return RC_AUTH_GROUP (group);
}

static void
assert_in_keyring (const char *project_id,
                   const char *secret_id,
                   const char *expected)
{
  char *secret = lookup_elsewhere (project_id, secret_id);

  g_assert_cmpstr (secret, ==, expected);
  rc_secret_free (secret);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *project_id = g_uuid_string_random ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!rc_test_gui_has_display ())
    return;

  fixture->project = rc_test_gui_load_sample ();

  /* Each case its own project in the keyring, and its own file. */
  rc_project_set_id (fixture->project, project_id);
  fixture->dir = g_dir_make_tmp ("restcall-gui-secrets-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "project.restcall", NULL);
  file = g_file_new_for_path (path);
  rc_project_set_file (fixture->project, file);
  rc_project_set_dirty (fixture->project, FALSE);

  fixture->window = rc_test_gui_present_window (fixture->project, 1000, 860);
  g_assert_true (rc_test_gui_wait (sidebar_ready_cb, fixture));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!rc_test_gui_has_display ())
    return;

  rc_test_gui_destroy_window (&fixture->window);
  g_assert_finalize_object (fixture->project);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Tests */

static void
test_store_and_forget (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *canary = "canary-gui-4c1d2e9f";
  const char *project_id;
  RcApi *api;
  RcAuth *auth;
  GtkWidget *secret_row;
  GtkWidget *forget;
  g_autofree char *path = NULL;
  char *secret;

  if (rc_test_gui_skip_without_display ())
    return;

  project_id = rc_project_get_id (fixture->project);
  api = rc_project_find_api (fixture->project, "Petstore");
  auth = rc_api_get_auth (api);
  /* As a new auth: no reference yet. Entering a secret makes one. */
  rc_auth_set_secret_id (auth, "");
  rc_project_set_dirty (fixture->project, FALSE);

  rc_test_gui_select_item (fixture->window, G_OBJECT (api));
  rc_test_gui_assert_page_shown (fixture->window, "api");

  secret_row = rc_test_gui_get_widget (fixture->window, "auth-secret-row");
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (secret_row));
  g_assert_true (gtk_widget_get_mapped (secret_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (secret_row)), ==,
                   "Client _secret");
  assert_state (fixture, "Not stored");
  forget = rc_test_gui_get_widget (fixture->window, "auth-forget-secret-button");
  g_assert_false (gtk_widget_get_visible (forget));
  g_assert_false (rc_project_get_dirty (fixture->project));

  /* Typed, not yet applied: shown as dots, with an apply button. */
  gtk_widget_grab_focus (secret_row);
  gtk_editable_set_text (GTK_EDITABLE (secret_row), canary);
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "api-page-secret-typed.png");
  g_assert_cmpstr (get_state (fixture), ==, "Not stored");

  /* Enter: stored without waiting, the entry emptied at once. */
  type_secret (fixture, canary);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==, "");
  g_assert_cmpstr (get_state (fixture), ==, "Storing in the keyring…");
  assert_state (fixture, "Stored in the keyring");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==, "");
  g_assert_true (gtk_widget_get_visible (forget));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (forget), ==, "Forget the secret");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (forget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Forget the secret");

  /* The reference is in the model, which so has unsaved changes; the
   * secret is not. */
  g_assert_true (g_uuid_string_is_valid (rc_auth_get_secret_id (auth)));
  g_assert_true (rc_project_get_dirty (fixture->project));

  /* Really in the keyring: another store finds it. */
  secret = lookup_elsewhere (project_id, rc_auth_get_secret_id (auth));
  g_assert_cmpstr (secret, ==, canary);
  rc_secret_free (secret);
  g_assert_cmpuint (rc_test_keyring_count (project_id, rc_api_get_id (api)), ==, 1);

  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "api-page-secret.png");

  /* Saved: the file refers to the secret and does not hold it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  g_assert_true (rc_test_gui_wait (project_saved_cb, fixture->project));
  path = g_file_get_path (rc_project_get_file (fixture->project));
  g_assert_true (rc_test_file_contains (path, rc_auth_get_secret_id (auth)));
  g_assert_false (rc_test_file_contains (path, canary));

  /* Forget clears it from the keyring. */
  g_signal_emit_by_name (forget, "clicked");
  assert_state (fixture, "Not stored");
  g_assert_false (gtk_widget_get_visible (forget));
  secret = lookup_elsewhere (project_id, rc_auth_get_secret_id (auth));
  g_assert_null (secret);
  g_assert_cmpuint (rc_test_keyring_count (project_id, rc_api_get_id (api)), ==, 0);
}

static void
test_stored_secret_is_not_shown (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *project_id;
  RcApi *petstore, *billing;
  GtkWidget *secret_row;
  const char *state;

  if (rc_test_gui_skip_without_display ())
    return;

  project_id = rc_project_get_id (fixture->project);

  petstore = rc_project_find_api (fixture->project, "Petstore");
  billing = rc_project_find_api (fixture->project, "Billing");
  store_api_elsewhere (project_id, petstore, "stored-before");

  /* Looked up without waiting: the page says so meanwhile. */
  rc_test_gui_select_item (fixture->window, G_OBJECT (petstore));
  state = get_state (fixture);
  g_assert_true (g_str_equal (state, "Checking the keyring…") ||
                 g_str_equal (state, "Stored in the keyring"));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  assert_state (fixture, "Stored in the keyring");

  /* Found, but never put in the entry. */
  secret_row = rc_test_gui_get_widget (fixture->window, "auth-secret-row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==, "");
  g_assert_false (rc_project_get_dirty (fixture->project));

  /* Another API at once: the first lookup's answer is not shown for it. */
  rc_test_gui_select_item (fixture->window, G_OBJECT (billing));
  rc_test_gui_select_item (fixture->window, G_OBJECT (petstore));
  rc_test_gui_select_item (fixture->window, G_OBJECT (billing));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  assert_state (fixture, "Not stored");
  /* Petstore's lookups have been answered since, and dropped. */
  g_assert_true (rc_test_keyring_wait_idle (rc_test_gui_get_secret_store ()));
  g_assert_cmpstr (get_state (fixture), ==, "Not stored");

  /* A lookup still running when the window closes is cancelled. */
  rc_test_gui_select_item (fixture->window, G_OBJECT (petstore));
  g_assert_cmpstr (get_state (fixture), ==, "Checking the keyring…");
}

static void
test_secret_row_follows_kind (Fixture       *fixture,
                              gconstpointer  data)
{
  RcApi *billing;
  RcAuth *auth;
  GtkWidget *secret_row;
  GtkWidget *state_row;
  g_autofree char *label = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  billing = rc_project_find_api (fixture->project, "Billing");
  auth = rc_api_get_auth (billing);
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_BASIC);

  rc_test_gui_select_item (fixture->window, G_OBJECT (billing));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  assert_state (fixture, "Not stored");

  secret_row = rc_test_gui_get_widget (fixture->window, "auth-secret-row");
  state_row = rc_test_gui_get_widget (fixture->window, "auth-secret-state-row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (secret_row)), ==,
                   "_Password");
  g_assert_true (gtk_widget_get_visible (secret_row));

  /* Typed, then the apply button: stored, under a label with no URL. */
  gtk_editable_set_text (GTK_EDITABLE (secret_row), "basic-password");
  g_signal_emit_by_name (secret_row, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==, "");
  assert_state (fixture, "Stored in the keyring");
  label = dup_item_label (rc_project_get_id (fixture->project), rc_api_get_id (billing));
  g_assert_cmpstr (label, ==, "Restcall: password of “Billing”");

  /* Nothing typed, nothing stored. */
  g_signal_emit_by_name (secret_row, "apply");
  g_assert_cmpstr (get_state (fixture), ==, "Stored in the keyring");

  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "api-page-password.png");

  rc_auth_set_kind (auth, RC_AUTH_KIND_NONE);
  g_assert_false (gtk_widget_get_visible (secret_row));
  g_assert_false (gtk_widget_get_visible (state_row));

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_true (gtk_widget_get_visible (secret_row));
  g_assert_true (gtk_widget_get_visible (state_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (secret_row)), ==,
                   "Client _secret");
}


static gboolean
api_secret_focused_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *page = rc_test_gui_find_of_type (GTK_WIDGET (fixture->window), RC_TYPE_API_PAGE);
  GtkWidget *secret_row = rc_test_gui_get_named (page, "auth-secret-row");
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return gtk_widget_get_mapped (secret_row) && focus != NULL
         && (focus == secret_row || gtk_widget_is_ancestor (focus, secret_row));
}

/* In the window: a secret saved for the API's old token URL is shown as
 * such; Test on a method that uses it asks, and Type a New Secret takes
 * the user to the API's secret entry, where the new one is stored for the
 * new settings. */
static void
test_saved_for_other_settings (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *project_id;
  RcApi *petstore;
  RcMethod *method;
  RcAuth *auth;
  AdwMessageDialog *dialog;
  g_autoptr(RcSecretBinding) now = NULL;
  g_autoptr(RcSecretBinding) stored = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  project_id = rc_project_get_id (fixture->project);
  petstore = rc_project_find_api (fixture->project, "Petstore");
  method = rc_api_find_method (petstore, "getPet");
  auth = rc_api_get_auth (petstore);
  store_api_elsewhere (project_id, petstore, "saved-for-auth-example");

  /* The file now says another token URL. */
  rc_auth_set_token_url (auth, "https://evil.example.net/oauth2/token");
  now = rc_secret_binding_new_for_api (petstore);
  rc_test_gui_select_item (fixture->window, G_OBJECT (petstore));
  assert_state (fixture, "Stored for other settings");
  g_assert_nonnull (strstr (get_state_detail (fixture),
                            "https://auth.example.com and the client “petstore-client”"));
  g_assert_nonnull (strstr (get_state_detail (fixture),
                            "https://evil.example.net and the client “petstore-client”"));
  g_assert_true (
    gtk_widget_get_visible (rc_test_gui_get_widget (fixture->window, "auth-forget-secret-button")));

  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  g_signal_emit_by_name (rc_test_gui_get_widget (fixture->window, "test-button"), "clicked");
  dialog = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window));
  rc_test_gui_respond (dialog, "new");

  /* The API's page, its secret entry focused. */
  g_assert_true (rc_test_gui_wait (api_secret_focused_cb, fixture));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  assert_state (fixture, "Stored for other settings");
  assert_in_keyring (project_id, rc_auth_get_secret_id (auth), "saved-for-auth-example");

  type_secret (fixture, "typed-for-evil");
  assert_state (fixture, "Stored in the keyring");
  assert_in_keyring (project_id, rc_auth_get_secret_id (auth), "typed-for-evil");
  stored = rc_test_keyring_get_binding (project_id, rc_auth_get_secret_id (auth));
  g_assert_true (rc_secret_binding_equal (stored, now));

  /* The row follows edits of where the secret would go. */
  rc_auth_set_token_url (auth, "https://auth.example.com/oauth2/token");
  assert_state (fixture, "Stored for other settings");
  rc_auth_set_token_url (auth, "https://evil.example.net/other/path");
  assert_state (fixture, "Stored in the keyring");
}

typedef struct
{
  const char            *project_id;
  const char            *secret_id;
  const RcSecretBinding *binding;
} Bound;

/* Looked at once no write is on its way: a store or a rebind replaces
 * the item. */
static gboolean
bound_cb (gpointer data)
{
  Bound *bound = data;
  g_autoptr(RcSecretBinding) stored = NULL;

  if (rc_secret_store_get_busy (rc_test_gui_get_secret_store ()))
    return FALSE;

  stored = rc_test_keyring_get_binding (bound->project_id, bound->secret_id);

  return stored != NULL && rc_secret_binding_equal (stored, bound->binding);
}

/* The keyring's item for @secret_id comes to be bound to @binding. */
static void
assert_bound (const char            *project_id,
              const char            *secret_id,
              const RcSecretBinding *binding)
{
  Bound bound = { project_id, secret_id, binding };

  g_assert_true (rc_test_gui_wait (bound_cb, &bound));
}

/* The reference document's order: the client secret, then the access
 * token URL. The secret, typed for no origin yet, follows the token URL
 * typed after it (no “Stored for other settings”), until the page shows
 * another API; then an edit of where it goes is one again. */
static void
test_typed_before_token_url (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *project_id;
  const char *secret_id;
  RcApi *petstore;
  RcAuth *auth;
  g_autoptr(RcSecretBinding) unbound = NULL;
  g_autoptr(RcSecretBinding) typed = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  project_id = rc_project_get_id (fixture->project);
  petstore = rc_project_find_api (fixture->project, "Petstore");
  auth = rc_api_get_auth (petstore);
  rc_auth_set_token_url (auth, "");
  rc_auth_set_secret_id (auth, "");

  rc_test_gui_select_item (fixture->window, G_OBJECT (petstore));
  type_secret (fixture, "typed-first");
  assert_state (fixture, "Stored in the keyring");
  secret_id = rc_auth_get_secret_id (auth);
  unbound = rc_secret_binding_new_for_api (petstore);
  g_assert_cmpstr (rc_secret_binding_get_origin (unbound), ==, "");
  assert_bound (project_id, secret_id, unbound);

  /* Typed a character at a time, the typing pausing anywhere. */
  rc_test_gui_type_characters (rc_test_gui_get_widget (fixture->window, "auth-token-url-row"),
                               "https://auth.example.org/oauth2/token");
  typed = rc_secret_binding_new_for_api (petstore);
  g_assert_cmpstr (rc_secret_binding_get_origin (typed), ==, "https://auth.example.org");
  assert_bound (project_id, secret_id, typed);
  assert_state (fixture, "Stored in the keyring");
  assert_in_keyring (project_id, secret_id, "typed-first");

  /* Shown again, it is bound for good. */
  rc_test_gui_select_item (fixture->window,
                           G_OBJECT (rc_project_find_api (fixture->project, "Billing")));
  rc_test_gui_select_item (fixture->window, G_OBJECT (petstore));
  assert_state (fixture, "Stored in the keyring");
  gtk_editable_set_text (
    GTK_EDITABLE (rc_test_gui_get_widget (fixture->window, "auth-token-url-row")),
    "https://elsewhere.example.net/token");
  assert_state (fixture, "Stored for other settings");
  assert_bound (project_id, secret_id, typed);
}

static void
test_delete_api (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *project_id;
  g_autoptr(GPtrArray) owner_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RcAuth) own = rc_auth_new ();
  AdwMessageDialog *dialog;
  RcApi *petstore, *billing;
  RcMethod *method;
  Owners owners = { NULL, owner_ids };
  GtkWidget *menu_button;
  char *kept;

  if (rc_test_gui_skip_without_display ())
    return;

  project_id = rc_project_get_id (fixture->project);
  owners.project_id = project_id;

  petstore = rc_project_find_api (fixture->project, "Petstore");
  billing = rc_project_find_api (fixture->project, "Billing");

  /* Secrets of the API, of one of its methods, and of another API. */
  method = rc_api_find_method (petstore, "listPets");
  rc_auth_set_kind (own, RC_AUTH_KIND_BASIC);
  rc_method_set_auth (method, own);
  store_api_elsewhere (project_id, petstore, "api-secret");
  store_method_elsewhere (project_id, method, "method-secret");
  store_api_elsewhere (project_id, billing, "other-api-secret");

  g_ptr_array_add (owner_ids, g_strdup (rc_api_get_id (petstore)));
  for (guint i = 0; i < rc_api_get_n_methods (petstore); i++)
    g_ptr_array_add (owner_ids, g_strdup (rc_method_get_id (rc_api_get_method (petstore, i))));
  g_assert_false (owners_cleared_cb (&owners));

  rc_test_gui_select_item (fixture->window, G_OBJECT (petstore));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  assert_state (fixture, "Stored in the keyring");

  /* The main menu offers to delete the API, and only that. */
  menu_button = rc_test_gui_find_of_type (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  rc_test_gui_save_screenshot (
    GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))),
    "primary-menu-api-selected.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  /* Asked first; cancelling keeps everything. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-api", NULL));
  dialog = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Petstore”?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Its methods and stored secrets are deleted too.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  rc_test_gui_save_screenshot (GTK_WIDGET (dialog), "delete-api-dialog.png");
  rc_test_gui_respond (dialog, "cancel");
  g_assert_cmpuint (rc_project_get_n_apis (fixture->project), ==, 2);
  g_assert_false (owners_cleared_cb (&owners));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-api", NULL));
  rc_test_gui_respond (rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window)), "delete");

  /* Gone from the model and the sidebar; the next API is shown. */
  g_assert_cmpuint (rc_project_get_n_apis (fixture->project), ==, 1);
  g_assert_null (rc_project_find_api (fixture->project, "Petstore"));
  g_assert_true (rc_project_get_dirty (fixture->project));
  g_assert_true (rc_test_gui_wait (petstore_gone_cb, fixture));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rc_test_gui_get_widget (fixture->window,
                                                                                 "api-name-row"))),
                   ==, "Billing");

  /* No orphan: nothing of the API or its methods is left in the keyring,
   * and nothing else went. */
  g_assert_true (rc_test_gui_wait (owners_cleared_cb, &owners));
  kept = lookup_elsewhere (project_id, rc_auth_get_secret_id (rc_api_get_auth (billing)));
  g_assert_cmpstr (kept, ==, "other-api-secret");
  rc_secret_free (kept);
  assert_state (fixture, "Stored in the keyring");
}

static void
test_delete_method (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *project_id;
  g_autoptr(GPtrArray) owner_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RcAuth) own = rc_auth_new ();
  Owners owners = { NULL, owner_ids };
  AdwMessageDialog *dialog;
  RcApi *billing;
  RcMethod *method, *next;
  GtkWidget *sidebar;

  if (rc_test_gui_skip_without_display ())
    return;

  project_id = rc_project_get_id (fixture->project);
  owners.project_id = project_id;

  billing = rc_project_find_api (fixture->project, "Billing");
  method = rc_api_find_method (billing, "createInvoice");
  next = rc_api_find_method (billing, "health");
  rc_auth_set_kind (own, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_method_set_auth (method, own);
  store_method_elsewhere (project_id, method, "m");
  g_ptr_array_add (owner_ids, g_strdup (rc_method_get_id (method)));

  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");

  /* The Delete key, in the list. */
  sidebar = gtk_widget_get_ancestor (rc_test_gui_get_widget (fixture->window, "sidebar-list"),
                                     RC_TYPE_SIDEBAR);
  g_assert_true (press_key (sidebar, GDK_KEY_Delete));
  dialog = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “createInvoice”?");
  rc_test_gui_respond (dialog, "delete");

  g_assert_null (rc_api_find_method (billing, "createInvoice"));
  g_assert_cmpuint (rc_api_get_n_methods (billing), ==, 2);
  rc_test_gui_assert_page_shown (fixture->window, "method");
  g_assert_cmpstr (gtk_editable_get_text (
                     GTK_EDITABLE (rc_test_gui_get_widget (fixture->window, "method-name-row"))),
                   ==, rc_method_get_name (next));
  g_assert_true (rc_test_gui_wait (owners_cleared_cb, &owners));
}

/* A secret typed and not applied is stored when a dialog commits: the
 * store's busy says when it has landed, and a clear issued then removes it
 * for good. */
static void
test_commit (Fixture       *fixture,
             gconstpointer  data)
{
  const char *canary = "canary-commit-7a2b";
  const char *project_id;
  RcApi *api;
  RcAuth *auth;
  RcAuthGroup *group;
  GtkWidget *secret_row;
  g_autoptr(RcSecretStore) elsewhere = rc_secret_store_new ();
  g_autoptr(GError) error = NULL;
  BusyLog log;
  gboolean cleared;

  if (rc_test_gui_skip_without_display ())
    return;

  project_id = rc_project_get_id (fixture->project);
  api = rc_project_find_api (fixture->project, "Petstore");
  auth = rc_api_get_auth (api);
  rc_test_gui_select_item (fixture->window, G_OBJECT (api));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  assert_state (fixture, "Not stored");

  secret_row = rc_test_gui_get_widget (fixture->window, "auth-secret-row");
  group = get_auth_group (secret_row);
  busy_log_init (&log, group);

  /* Nothing typed: nothing to commit. */
  g_assert_false (rc_auth_group_has_pending_secret (group));
  rc_auth_group_commit (group);
  g_assert_false (secrets_busy ());
  g_assert_cmpuint (log.values->len, ==, 0);

  /* Typed, not applied: pending, not in the keyring. */
  gtk_editable_set_text (GTK_EDITABLE (secret_row), canary);
  g_assert_true (rc_auth_group_has_pending_secret (group));
  g_assert_cmpstr (get_state (fixture), ==, "Not stored");
  assert_in_keyring (project_id, rc_auth_get_secret_id (auth), NULL);

  /* Committed: out of the entry at once, busy until it has landed. */
  rc_auth_group_commit (group);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==, "");
  g_assert_false (rc_auth_group_has_pending_secret (group));
  g_assert_true (secrets_busy ());
  g_assert_cmpuint (log.values->len, ==, 1);
  g_assert_true (g_array_index (log.values, gboolean, 0));
  g_assert_cmpstr (g_ptr_array_index (log.states, 0), ==, "Storing in the keyring…");
  g_assert_true (rc_test_gui_wait (not_busy_cb, group));

  /* TRUE then FALSE, once each; the answer shown by the time it is FALSE. */
  g_assert_cmpuint (log.values->len, ==, 2);
  g_assert_false (g_array_index (log.values, gboolean, 1));
  g_assert_cmpstr (g_ptr_array_index (log.states, 1), ==, "Stored in the keyring");
  assert_in_keyring (project_id, rc_auth_get_secret_id (auth), canary);

  /* A discard: commit, and clear as soon as busy turns FALSE. Nothing is
   * left, because nothing was still on its way. */
  gtk_editable_set_text (GTK_EDITABLE (secret_row), "to-be-discarded");
  rc_auth_group_commit (group);
  g_assert_true (secrets_busy ());
  g_assert_true (rc_test_gui_wait (not_busy_cb, group));
  g_assert_cmpuint (log.values->len, ==, 4);
  cleared = rc_test_keyring_clear (elsewhere, project_id, rc_auth_get_secret_id (auth), &error);
  g_assert_no_error (error);
  g_assert_true (cleared);
  g_assert_true (rc_test_keyring_wait_idle (rc_test_gui_get_secret_store ()));
  assert_in_keyring (project_id, rc_auth_get_secret_id (auth), NULL);
  g_assert_cmpuint (log.values->len, ==, 4);

  busy_log_clear (&log);
}

typedef struct
{
  const char *project_id;
  const char *secret_id;
  const char *secret;
} InKeyring;

static gboolean
in_keyring_cb (gpointer data)
{
  InKeyring *in = data;
  char *secret;
  gboolean found;

  secret = lookup_elsewhere (in->project_id, in->secret_id);
  found = g_strcmp0 (secret, in->secret) == 0;
  rc_secret_free (secret);

  return found;
}

/* Leaving the entry applies it: for another field, and for another tab. */
static void
test_focus_out_stores (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *project_id;
  g_autoptr(RcAuth) own = rc_auth_new ();
  RcApi *api;
  RcMethod *method;
  RcAuthGroup *group;
  GtkWidget *secret_row;
  GtkWidget *stack;
  InKeyring in;

  if (rc_test_gui_skip_without_display ())
    return;

  project_id = rc_project_get_id (fixture->project);
  api = rc_project_find_api (fixture->project, "Petstore");
  rc_test_gui_select_item (fixture->window, G_OBJECT (api));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  assert_state (fixture, "Not stored");
  secret_row = rc_test_gui_get_widget (fixture->window, "auth-secret-row");
  group = get_auth_group (secret_row);

  /* Typed, then on to the Scopes row. */
  gtk_widget_grab_focus (secret_row);
  rc_test_gui_wait_for_focus (secret_row);
  gtk_editable_set_text (GTK_EDITABLE (secret_row), "left-by-tab");
  g_assert_true (rc_auth_group_has_pending_secret (group));
  g_assert_true (
    gtk_widget_grab_focus (rc_test_gui_get_widget (fixture->window, "auth-scopes-row")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==, "");
  g_assert_true (secrets_busy ());
  assert_state (fixture, "Stored in the keyring");
  g_assert_false (secrets_busy ());
  assert_in_keyring (project_id, rc_auth_get_secret_id (rc_api_get_auth (api)), "left-by-tab");

  /* A method's own secret, typed on the Headers and Authentication tab,
   * then another tab. */
  method = rc_api_find_method (api, "listPets");
  rc_auth_set_kind (own, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (own, "list-pets");
  rc_auth_set_token_url (own, "https://auth.example.com/token");
  rc_method_set_auth (method, own);
  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  stack = rc_test_gui_get_widget (fixture->window, "method-editor-stack");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "headers");
  secret_row = rc_test_gui_find_named (stack, "auth-secret-row");
  g_assert_true (rc_test_gui_wait (widget_mapped_cb, secret_row));
  gtk_widget_grab_focus (secret_row);
  rc_test_gui_wait_for_focus (secret_row);
  gtk_editable_set_text (GTK_EDITABLE (secret_row), "left-for-request-tab");
  g_assert_true (rc_auth_group_has_pending_secret (get_auth_group (secret_row)));

  rc_test_gui_show_page (stack, "request");
  g_assert_false (rc_auth_group_has_pending_secret (get_auth_group (secret_row)));
  g_assert_true (g_uuid_string_is_valid (rc_auth_get_secret_id (own)));
  in = (InKeyring) { project_id, rc_auth_get_secret_id (own), "left-for-request-tab" };
  g_assert_true (rc_test_gui_wait (in_keyring_cb, &in));
  g_assert_cmpuint (rc_test_keyring_count (project_id, rc_method_get_id (method)), ==, 1);
}

/* A window destroyed with a secret typed in it (a dialog's edits
 * discarded) stores nothing. */
static void
test_destroy_stores_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *project_id;
  const char *secret_id;
  RcApi *api;
  GtkWidget *secret_row;
  char *secret;

  if (rc_test_gui_skip_without_display ())
    return;

  project_id = rc_project_get_id (fixture->project);
  api = rc_project_find_api (fixture->project, "Petstore");
  secret_id = rc_auth_get_secret_id (rc_api_get_auth (api));
  g_assert_true (g_uuid_string_is_valid (secret_id));
  rc_test_gui_select_item (fixture->window, G_OBJECT (api));
  assert_state (fixture, "Not stored");

  secret_row = rc_test_gui_get_widget (fixture->window, "auth-secret-row");
  gtk_widget_grab_focus (secret_row);
  rc_test_gui_wait_for_focus (secret_row);
  gtk_editable_set_text (GTK_EDITABLE (secret_row), "never-applied");
  g_assert_true (rc_auth_group_has_pending_secret (get_auth_group (secret_row)));

  rc_test_gui_destroy_window (&fixture->window);
  /* Whatever the window asked of the keyring has been answered. */
  g_assert_true (rc_test_keyring_wait_idle (rc_test_gui_get_secret_store ()));
  secret = lookup_elsewhere (project_id, secret_id);
  g_assert_null (secret);
  g_assert_cmpuint (rc_test_keyring_count (project_id, rc_api_get_id (api)), ==, 0);
}

/* In a subprocess with no session bus: no keyring at all. */

static void
test_no_keyring (void)
{
  Fixture fixture_data = { 0 };
  Fixture *fixture = &fixture_data;
  RcApi *api;
  RcAuth *auth;
  GtkWidget *secret_row;
  const char *detail;

  if (!g_test_subprocess ())
    {
      if (rc_test_gui_skip_without_display ())
        return;

      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  if (rc_test_gui_skip_without_display ())
    return;

  fixture_set_up (fixture, NULL);
  api = rc_project_find_api (fixture->project, "Petstore");
  auth = rc_api_get_auth (api);
  rc_test_gui_select_item (fixture->window, G_OBJECT (api));
  rc_test_gui_assert_page_shown (fixture->window, "api");

  /* The lookup fails: said, not hidden. */
  assert_state (fixture, "The keyring could not be checked");
  g_assert_true (
    gtk_widget_get_visible (rc_test_gui_get_widget (fixture->window, "auth-secret-row")));

  /* Storing falls back to this session, with a warning. Nothing waits for
   * it: Enter returns before the answer, which the main loop brings. */
  type_secret (fixture, "session-only-secret");
  g_assert_cmpstr (get_state (fixture), ==, "Storing in the keyring…");
  assert_state (fixture, "Kept for this session only");

  detail = get_state_detail (fixture);
  g_assert_nonnull (strstr (detail, "for this session only"));
  g_assert_true (gtk_widget_get_visible (rc_test_gui_get_widget (fixture->window,
                                                                 "auth-forget-secret-button")));
  secret_row = rc_test_gui_get_widget (fixture->window, "auth-secret-row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==, "");
  g_assert_true (rc_secret_store_is_session_only (rc_test_gui_get_secret_store (),
                                                  rc_project_get_id (fixture->project),
                                                  rc_auth_get_secret_id (auth)));

  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "api-page-secret-session-only.png");

  /* Shown again later, it still says so. */
  rc_test_gui_select_item (fixture->window,
                           G_OBJECT (rc_project_find_api (fixture->project, "Billing")));
  assert_state (fixture, "The keyring could not be checked");
  rc_test_gui_select_item (fixture->window, G_OBJECT (api));
  assert_state (fixture, "Kept for this session only");

  fixture_tear_down (fixture, NULL);
}

static gboolean
error_label_shown_cb (gpointer data)
{
  GtkWidget *label = rc_test_gui_get_widget (data, "token-error-label");

  return gtk_widget_get_visible (label) && gtk_label_get_text (GTK_LABEL (label))[0] != '\0';
}

static gboolean
suggested_cb (gpointer data)
{
  return gtk_widget_has_css_class (data, "suggested-action");
}

static gboolean
not_suggested_cb (gpointer data)
{
  return !suggested_cb (data);
}

/* Get New Token is the suggested (blue) action only while it can work: the
 * settings valid and the secret stored; pressed otherwise, it says why. */
static void
test_get_token_suggested_when_ready (Fixture       *fixture,
                                     gconstpointer  data)
{
  RcApi *petstore;
  RcAuth *auth;
  GtkWidget *secret_row;
  GtkWidget *get_button;
  g_autofree char *token_url = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  petstore = rc_project_find_api (fixture->project, "Petstore");
  auth = rc_api_get_auth (petstore);
  token_url = g_strdup (rc_auth_get_token_url (auth));
  rc_test_gui_select_item (fixture->window, G_OBJECT (petstore));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  assert_state (fixture, "Not stored");
  get_button = rc_test_gui_get_widget (fixture->window, "token-get-button");
  g_assert_true (gtk_widget_get_sensitive (get_button));
  g_assert_false (gtk_widget_has_css_class (get_button, "suggested-action"));

  secret_row = rc_test_gui_get_widget (fixture->window, "auth-secret-row");
  gtk_editable_set_text (GTK_EDITABLE (secret_row), "pets-secret");
  g_signal_emit_by_name (secret_row, "apply");
  assert_state (fixture, "Stored in the keyring");
  g_assert_true (rc_test_gui_wait (suggested_cb, get_button));

  /* A token URL no request goes to: not suggested, and pressed, it says
   * what is wrong. */
  rc_auth_set_token_url (auth, "auth.example.com/token");
  g_assert_true (rc_test_gui_wait (not_suggested_cb, get_button));
  g_signal_emit_by_name (get_button, "clicked");
  g_assert_true (rc_test_gui_wait (error_label_shown_cb, fixture->window));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (rc_test_gui_get_widget (
                              fixture->window, "token-error-label"))),
                            "access token URL"));

  rc_auth_set_token_url (auth, token_url);
  g_assert_true (rc_test_gui_wait (suggested_cb, get_button));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_test_subprocess ())
    {
      /* Before GTK or libsecret first look for the bus: there is none. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
    }
  else if (g_getenv ("RC_KEYRING_SESSION") == NULL)
    {
      g_printerr ("Run this test through tests/keyring-session.sh (meson test does)\n");
      return 1;
    }

  rc_test_gui_init ();

  g_test_add ("/restcall/gui/secrets/store-and-forget", Fixture, NULL,
              fixture_set_up, test_store_and_forget, fixture_tear_down);
  g_test_add ("/restcall/gui/secrets/stored-secret-is-not-shown", Fixture, NULL,
              fixture_set_up, test_stored_secret_is_not_shown, fixture_tear_down);
  g_test_add ("/restcall/gui/secrets/secret-row-follows-kind", Fixture, NULL,
              fixture_set_up, test_secret_row_follows_kind, fixture_tear_down);
  g_test_add ("/restcall/gui/secrets/delete-api", Fixture, NULL,
              fixture_set_up, test_delete_api, fixture_tear_down);
  g_test_add ("/restcall/gui/secrets/delete-method", Fixture, NULL,
              fixture_set_up, test_delete_method, fixture_tear_down);
  g_test_add ("/restcall/gui/secrets/commit", Fixture, NULL,
              fixture_set_up, test_commit, fixture_tear_down);
  g_test_add ("/restcall/gui/secrets/saved-for-other-settings", Fixture, NULL,
              fixture_set_up, test_saved_for_other_settings, fixture_tear_down);
  g_test_add ("/restcall/gui/secrets/typed-before-token-url", Fixture, NULL,
              fixture_set_up, test_typed_before_token_url, fixture_tear_down);
  g_test_add ("/restcall/gui/secrets/focus-out-stores", Fixture, NULL,
              fixture_set_up, test_focus_out_stores, fixture_tear_down);
  g_test_add ("/restcall/gui/secrets/destroy-stores-nothing", Fixture, NULL,
              fixture_set_up, test_destroy_stores_nothing, fixture_tear_down);
  g_test_add ("/restcall/gui/secrets/get-token-suggested-when-ready", Fixture, NULL,
              fixture_set_up, test_get_token_suggested_when_ready, fixture_tear_down);
  g_test_add_func ("/restcall/gui/secrets/no-keyring", test_no_keyring);

  return g_test_run ();
}
