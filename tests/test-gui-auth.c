/* test-gui-auth.c: headers, the Authorization override warning, and the authentication editor
 *
 * Run by keyring-session.sh under Xvfb: the auth group asks a real,
 * throwaway keyring whether a secret is stored. Everything is driven
 * through the real widgets, found by name, and checked against the model
 * (and the model against the widgets). Screenshots of the API page go to
 * $RC_SCREENSHOT_DIR at 1000 and 360 px wide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rc-auth-group.h"
#include "rc-field-check.h"
#include "rc-headers-group.h"
#include "rc-pair-row.h"
#include "rc-test-gui.h"
#include "rc-test-keyring.h"
#include "rc-test-keys.h"
#include "rc-text-row.h"
#include "rc-window.h"

/* The main window onto the sample project. */
typedef struct
{
  RcProject *project;
  RcWindow  *window;
} Fixture;

/* A bare window with a headers group and an auth group, for a method. */
typedef struct
{
  GtkWindow      *window;
  RcHeadersGroup *headers;
  RcAuthGroup    *auth;
} Editor;

typedef struct
{
  guint count;
} Counter;

/* Helpers */

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 Counter    *counter)
{
  counter->count++;
}

static gboolean
widget_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The pair row at or below @root that edits @pair, or NULL. */
static RcPairRow *
find_pair_row (GtkWidget *root,
               RcPair    *pair)
{
  if (RC_IS_PAIR_ROW (root) && rc_pair_row_get_pair (RC_PAIR_ROW (root)) == pair)
    return RC_PAIR_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RcPairRow *row = find_pair_row (child, pair);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* The widget named @name inside the row that edits @pair. */
static GtkWidget *
get_in_pair_row (GtkWidget  *root,
                 RcPair     *pair,
                 const char *name)
{
  RcPairRow *row = find_pair_row (root, pair);
  GtkWidget *widget;

  g_assert_nonnull (row);
  widget = rc_test_gui_find_named (GTK_WIDGET (row), name);
  g_assert_nonnull (widget);

  return widget;
}

/* Whether the override warning of @pair's row is shown. */
static gboolean
warning_shown (GtkWidget *root,
               RcPair    *pair)
{
  GtkWidget *warning = get_in_pair_row (root, pair, "header-override-warning");
  gboolean visible = gtk_widget_get_visible (warning);

  /* What the user sees and what the row says agree. */
  g_assert_cmpint (visible, ==, rc_pair_row_get_overridden (find_pair_row (root, pair)));
  if (visible)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (warning);

      g_assert_nonnull (tooltip);
      g_assert_nonnull (strstr (tooltip, "Authorization"));
    }

  return visible;
}

static RcPair *
get_pair (RcPairList *list,
          guint       position)
{
  g_autoptr(RcPair) pair = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (pair);

  return pair;  /* the list keeps it */
}

/* Scrolls the page that holds @widget to its end, where the headers are. */
static void
scroll_to_end (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  /* As long as the page is now laid out. */
  rc_test_gui_wait_for_frame (widget);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                          gtk_adjustment_get_page_size (adjustment));
  rc_test_gui_wait_for_frame (widget);
}

static void
type_text (GtkWidget  *widget,
           const char *text)
{
  rc_test_gui_type_over (widget, text);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The label that shows @row's title, or NULL. */
static GtkLabel *
find_title_label (GtkWidget  *root,
                  const char *title)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), title) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_title_label (child, title);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* Every mnemonic on screen below @root, its key to the label's text. */
static void
collect_mnemonics (GtkWidget  *root,
                   GHashTable *mnemonics)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      gtk_label_get_mnemonic_keyval (GTK_LABEL (root)) != GDK_KEY_VoidSymbol)
    {
      guint keyval = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (root)));
      const char *text = gtk_label_get_label (GTK_LABEL (root));
      const char *other = g_hash_table_lookup (mnemonics, GUINT_TO_POINTER (keyval));

      /* The view switcher shows each tab's label twice (one of them only
       * while it is narrow): the same tab, not a clash. */
      if (other != NULL && !g_str_equal (other, text))
        g_error ("“%s” and “%s” share the mnemonic %s", other, text, gdk_keyval_name (keyval));
      g_hash_table_insert (mnemonics, GUINT_TO_POINTER (keyval), (gpointer) text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, mnemonics);
}

/* Checks that @name's title has the mnemonic @letter, shown as such, and
 * that the mnemonic takes the focus into the row (for an entry or text row). */
static void
assert_mnemonic (GtkWidget  *root,
                 const char *name,
                 guint       letter)
{
  GtkWidget *row = rc_test_gui_get_named (root, name);
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  GtkLabel *label;
  GtkWidget *focus;

  g_test_message ("%s: “%s”", name, title);
  g_assert_true (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)));
  label = find_title_label (row, title);
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_use_underline (label));
  g_assert_cmpuint (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (label)), ==, letter);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));

  if (!ADW_IS_ENTRY_ROW (row) && !RC_IS_TEXT_ROW (row))
    return;

  /* Alt+letter: the entry has the keyboard. */
  gtk_widget_grab_focus (rc_test_gui_get_named (root, "auth-kind-row"));
  g_assert_true (gtk_widget_mnemonic_activate (GTK_WIDGET (label), FALSE));
  focus = gtk_root_get_focus (gtk_widget_get_root (row));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, row));
}

/* The entry row's edit icon, at the end of the row. */
static GtkWidget *
find_edit_icon (GtkWidget *root)
{
  if (GTK_IS_IMAGE (root) &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (root)), "document-edit-symbolic") == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *icon = find_edit_icon (child);

      if (icon != NULL)
        return icon;
    }

  return NULL;
}

static float
get_edit_icon_x (GtkWidget  *root,
                 const char *name)
{
  GtkWidget *icon = find_edit_icon (rc_test_gui_get_named (root, name));
  graphene_rect_t bounds;

  g_assert_nonnull (icon);
  g_assert_true (gtk_widget_get_mapped (icon));
  g_assert_true (gtk_widget_compute_bounds (icon, root, &bounds));

  return bounds.origin.x;
}

/* Fixture: the main window */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *project_id = g_uuid_string_random ();

  if (!rc_test_gui_has_display ())
    return;

  fixture->project = rc_test_gui_load_sample ();
  /* Its own project in the keyring. */
  rc_project_set_id (fixture->project, project_id);
  rc_project_set_dirty (fixture->project, FALSE);
  fixture->window = rc_test_gui_present_window (fixture->project, 1000, 860);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!rc_test_gui_has_display ())
    return;

  rc_test_gui_destroy_window (&fixture->window);
  g_assert_finalize_object (fixture->project);
}

/* Editor: a bare window */

static void
editor_open (Editor *editor)
{
  GtkWidget *page = adw_preferences_page_new ();

  editor->auth = RC_AUTH_GROUP (rc_auth_group_new (rc_test_gui_get_context ()));
  editor->headers = RC_HEADERS_GROUP (rc_headers_group_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (editor->auth));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (editor->headers));

  editor->window = GTK_WINDOW (adw_window_new ());
  adw_window_set_content (ADW_WINDOW (editor->window), page);
  gtk_window_set_default_size (editor->window, 600, 900);
  gtk_window_present (editor->window);
  g_assert_true (rc_test_gui_wait (widget_mapped_cb, editor->window));
}

/* editor_open(), showing @auth, @api's, of the project @project_id:
 * returns the window. */
static GtkWidget *
editor_open_for (Editor     *editor,
                 RcAuth     *auth,
                 const char *project_id,
                 RcApi      *api)
{
  editor_open (editor);
  rc_auth_group_set_auth (editor->auth, auth, project_id, G_OBJECT (api));

  return GTK_WIDGET (editor->window);
}

/* OAuth 2.0 client credentials for @client_id, at a token URL of its own. */
static void
set_oauth (RcAuth     *auth,
           const char *client_id)
{
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, client_id);
  rc_auth_set_token_url (auth, "https://auth.example.com/token");
}

/* Closes the editor's window, and waits until its groups are gone: what
 * they waited for (the keyring) has answered and let them go. */
static void
editor_close (Editor *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor->auth), (gpointer *) &editor->auth);
  g_object_add_weak_pointer (G_OBJECT (editor->headers), (gpointer *) &editor->headers);
  gtk_window_destroy (editor->window);
  rc_test_gui_wait_gone (&editor->auth);
  rc_test_gui_wait_gone (&editor->headers);
}

/* Nothing in the closed editor may keep the model alive. */
static void
editor_finalize_model (RcApi    *api,
                       RcMethod *method)
{
  if (method != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (method), (gpointer *) &method);
      g_object_unref (method);
    }
  g_assert_finalize_object (api);
  g_assert_null (method);
}

/* Tests */

static void
test_api_headers (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *root;
  GtkWidget *kind_row;
  GtkWidget *name_entry;
  RcPairList *headers;
  RcApi *api;
  RcPair *pair;
  RcPair *accept;
  guint n_headers;

  if (rc_test_gui_skip_without_display ())
    return;

  root = GTK_WIDGET (fixture->window);
  api = rc_project_find_api (fixture->project, "Petstore");
  headers = rc_api_get_headers (api);
  n_headers = g_list_model_get_n_items (G_LIST_MODEL (headers));
  g_assert_cmpuint (n_headers, ==, 1);
  accept = get_pair (headers, 0);
  g_assert_cmpint (rc_auth_get_kind (rc_api_get_auth (api)), ==,
                   RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);

  rc_test_gui_select_item (fixture->window, G_OBJECT (api));
  rc_test_gui_assert_page_shown (fixture->window, "api");

  /* The header the API has is shown, and not overridden: it is not Authorization. */
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (get_in_pair_row (root, accept, "header-name-entry"))), ==,
    "Accept");
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (get_in_pair_row (root, accept, "header-value-entry"))), ==,
    "application/json");
  g_assert_false (warning_shown (root, accept));

  /* Add: a new empty header in the model, its name entry focused. */
  click (rc_test_gui_get_widget (fixture->window, "headers-add-button"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (headers)), ==, n_headers + 1);
  g_assert_true (rc_project_get_dirty (fixture->project));
  pair = get_pair (headers, n_headers);
  g_assert_cmpstr (rc_pair_get_name (pair), ==, "");
  name_entry = get_in_pair_row (root, pair, "header-name-entry");
  rc_test_gui_wait_for_focus (name_entry);
  g_assert_false (warning_shown (root, pair));

  /* Typing edits the model at once; Authorization, in any case, is overridden by OAuth 2.0. */
  type_text (name_entry, "authorization");
  g_assert_cmpstr (rc_pair_get_name (pair), ==, "authorization");
  type_text (get_in_pair_row (root, pair, "header-value-entry"), "Bearer by-hand");
  g_assert_cmpstr (rc_pair_get_value (pair), ==, "Bearer by-hand");
  g_assert_true (warning_shown (root, pair));
  g_assert_nonnull (
    strstr (gtk_widget_get_tooltip_text (get_in_pair_row (root, pair, "header-override-warning")),
            "OAuth 2.0"));
  g_assert_true (gtk_widget_get_mapped (get_in_pair_row (root, pair, "header-override-warning")));

  scroll_to_end (name_entry);
  rc_test_gui_save_screenshot (root, "auth-api-page-1000.png");

  /* The warning follows the auth type, live. */
  kind_row = rc_test_gui_get_widget (fixture->window, "auth-kind-row");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), RC_AUTH_KIND_NONE);
  g_assert_cmpint (rc_auth_get_kind (rc_api_get_auth (api)), ==, RC_AUTH_KIND_NONE);
  g_assert_false (warning_shown (root, pair));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), RC_AUTH_KIND_BASIC);
  g_assert_true (warning_shown (root, pair));
  g_assert_nonnull (
    strstr (gtk_widget_get_tooltip_text (get_in_pair_row (root, pair, "header-override-warning")),
            "Basic"));
  rc_auth_set_kind (rc_api_get_auth (api), RC_AUTH_KIND_NONE);
  g_assert_false (warning_shown (root, pair));
  rc_auth_set_kind (rc_api_get_auth (api), RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_true (warning_shown (root, pair));

  /* And the name: another header is not overridden. */
  type_text (name_entry, "X-Trace");
  g_assert_false (warning_shown (root, pair));
  rc_pair_set_name (pair, " Authorization ");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_entry)), ==, " Authorization ");
  g_assert_true (warning_shown (root, pair));

  /* A header added in the model shows as a row. */
  rc_pair_list_append (headers, "X-From-Model", "1");
  g_assert_nonnull (find_pair_row (root, get_pair (headers, n_headers + 1)));

  /* At 360 px wide, nothing is cut: the row fits the window. */
  rc_test_gui_resize (GTK_WINDOW (fixture->window), 360, 860);
  scroll_to_end (name_entry);
  rc_test_gui_save_screenshot (root, "auth-api-page-360.png");
  {
    RcPairRow *row = find_pair_row (root, pair);
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (get_in_pair_row (root, pair, "header-remove-button"),
                                              root, &bounds));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (root));
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  }

  /* Remove: out of the model, and its row gone. */
  click (get_in_pair_row (root, pair, "header-remove-button"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (headers)), ==, n_headers + 1);
  g_assert_null (find_pair_row (root, pair));
  g_assert_cmpstr (rc_pair_get_name (get_pair (headers, 0)), ==, "Accept");
  g_assert_cmpstr (rc_pair_get_name (get_pair (headers, n_headers)), ==, "X-From-Model");
}

static void
test_method_headers (void)
{
  RcApi *api = rc_api_new ("Billing");
  RcMethod *method = rc_method_new ("getInvoice");
  g_autofree char *project_id = g_uuid_string_random ();
  RcAuth *api_auth = rc_api_get_auth (api);
  RcAuth *own;
  GtkWidget *root;
  GtkWidget *kind_row;
  RcPair *pair;
  Editor editor = { 0 };

  if (rc_test_gui_skip_without_display ())
    return;

  rc_api_set_base_url (api, "https://billing.example.com");
  rc_auth_set_kind (api_auth, RC_AUTH_KIND_BASIC);
  rc_auth_set_username (api_auth, "billing");
  rc_method_set_url (method, "/invoices");
  rc_api_add_method (api, method);
  pair = rc_pair_list_append (rc_method_get_headers (method), "Authorization", "Bearer by-hand");

  editor_open (&editor);
  root = GTK_WIDGET (editor.window);
  rc_headers_group_set_owner (editor.headers, G_OBJECT (method));
  rc_auth_group_set_method (editor.auth, method, project_id);
  kind_row = rc_test_gui_get_named (root, "auth-kind-row");

  /* Inheriting the API's Basic: overridden. */
  g_assert_null (rc_method_get_auth (method));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, 0);
  g_assert_true (warning_shown (root, pair));

  /* The API's auth changes: the method's headers follow. */
  rc_auth_set_kind (api_auth, RC_AUTH_KIND_NONE);
  g_assert_false (warning_shown (root, pair));
  rc_auth_set_kind (api_auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_true (warning_shown (root, pair));

  /* Its own auth, None, takes over from the API's OAuth 2.0. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), 1 + RC_AUTH_KIND_NONE);
  own = rc_method_get_auth (method);
  g_assert_nonnull (own);
  g_assert_cmpint (rc_auth_get_kind (own), ==, RC_AUTH_KIND_NONE);
  g_assert_false (warning_shown (root, pair));

  /* Its own, Basic. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), 1 + RC_AUTH_KIND_BASIC);
  g_assert_true (rc_method_get_auth (method) == own);
  g_assert_cmpint (rc_auth_get_kind (own), ==, RC_AUTH_KIND_BASIC);
  g_assert_true (warning_shown (root, pair));

  /* Changed in the model, not the editor. */
  rc_auth_set_kind (own, RC_AUTH_KIND_NONE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==,
                    1 + RC_AUTH_KIND_NONE);
  g_assert_false (warning_shown (root, pair));

  /* Back to the API's (OAuth 2.0), then the API to None. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), 0);
  g_assert_null (rc_method_get_auth (method));
  g_assert_true (warning_shown (root, pair));
  rc_auth_set_kind (api_auth, RC_AUTH_KIND_NONE);
  g_assert_false (warning_shown (root, pair));

  /* Headers edits reach the method's list. */
  click (rc_test_gui_get_named (root, "headers-add-button"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rc_method_get_headers (method))), ==,
                    2);
  click (get_in_pair_row (root, pair, "header-remove-button"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rc_method_get_headers (method))), ==,
                    1);
  g_assert_null (find_pair_row (root, pair));

  editor_close (&editor);
  editor_finalize_model (api, method);
}

static void
test_inherit_and_own (void)
{
  RcApi *api = rc_api_new ("Petstore");
  RcMethod *method = rc_method_new ("getPet");
  g_autofree char *project_id = g_uuid_string_random ();
  GtkWidget *root;
  GtkWidget *kind_row;
  GtkWidget *inherited_row;
  RcAuth *own;
  GtkStringObject *item;
  Counter auth_notified = { 0 };
  Editor editor = { 0 };

  if (rc_test_gui_skip_without_display ())
    return;

  rc_auth_set_kind (rc_api_get_auth (api), RC_AUTH_KIND_BASIC);
  rc_api_add_method (api, method);

  editor_open (&editor);
  root = GTK_WIDGET (editor.window);
  g_signal_connect (editor.auth, "notify::auth", G_CALLBACK (notify_count_cb), &auth_notified);
  rc_auth_group_set_method (editor.auth, method, project_id);
  kind_row = rc_test_gui_get_named (root, "auth-kind-row");
  inherited_row = rc_test_gui_get_named (root, "auth-inherited-row");

  /* Inherit: the first item, what the API uses said, no field shown, valid. */
  item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (kind_row));
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Use API’s authentication");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (kind_row))),
                    ==, 4);
  g_assert_true (gtk_widget_get_visible (inherited_row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (inherited_row)), "Basic"));
  rc_auth_set_kind (rc_api_get_auth (api), RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_nonnull (
    strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (inherited_row)), "OAuth 2.0"));
  g_assert_false (gtk_widget_get_visible (rc_test_gui_get_named (root, "auth-client-id-row")));
  g_assert_false (gtk_widget_get_visible (rc_test_gui_get_named (root, "auth-secret-row")));
  g_assert_true (rc_auth_group_get_valid (editor.auth));
  g_assert_null (rc_auth_group_get_auth (editor.auth));
  rc_test_gui_save_screenshot (root, "auth-method-inherit.png");

  /* OAuth 2.0 of its own: a new auth, its rows shown and bound to it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), 1 + RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  own = rc_method_get_auth (method);
  g_assert_nonnull (own);
  g_assert_true (own != rc_api_get_auth (api));
  g_assert_true (rc_auth_group_get_auth (editor.auth) == own);
  g_assert_cmpuint (auth_notified.count, >=, 1);
  g_assert_cmpint (rc_auth_get_kind (own), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_false (gtk_widget_get_visible (inherited_row));
  g_assert_true (gtk_widget_get_visible (rc_test_gui_get_named (root, "auth-client-id-row")));
  g_assert_true (gtk_widget_get_visible (rc_test_gui_get_named (root, "auth-secret-row")));
  type_text (rc_test_gui_get_named (root, "auth-client-id-row"), "own-client");
  type_text (rc_test_gui_get_named (root, "auth-token-url-row"), "https://auth.example.com/token");
  g_assert_cmpstr (rc_auth_get_client_id (own), ==, "own-client");
  g_assert_true (rc_auth_group_get_valid (editor.auth));

  /* Back to the API's: the method has none; then its own again, as typed. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), 0);
  g_assert_null (rc_method_get_auth (method));
  g_assert_null (rc_auth_group_get_auth (editor.auth));
  g_assert_true (gtk_widget_get_visible (inherited_row));
  g_assert_false (gtk_widget_get_visible (rc_test_gui_get_named (root, "auth-client-id-row")));

  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), 1 + RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_true (rc_method_get_auth (method) == own);
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (rc_test_gui_get_named (root, "auth-client-id-row"))), ==,
    "own-client");

  /* The model drives the combo too. */
  rc_method_set_auth (method, NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, 0);

  /* Shown for an API, the combo has no inherit item, and the kind is the index. */
  rc_auth_group_set_auth (editor.auth, rc_api_get_auth (api), project_id, G_OBJECT (api));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (kind_row))),
                    ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==,
                    RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_false (gtk_widget_get_visible (inherited_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), RC_AUTH_KIND_BASIC);
  g_assert_cmpint (rc_auth_get_kind (rc_api_get_auth (api)), ==, RC_AUTH_KIND_BASIC);
  g_assert_null (rc_method_get_auth (method));

  editor_close (&editor);
  editor_finalize_model (api, method);
}

static void
test_validation (void)
{
  RcApi *api = rc_api_new ("Petstore");
  g_autofree char *project_id = g_uuid_string_random ();
  RcAuth *auth = rc_api_get_auth (api);
  GtkWidget *root;
  GtkWidget *client_id_row;
  GtkWidget *token_url_row;
  Counter valid_notified = { 0 };
  Editor editor = { 0 };

  if (rc_test_gui_skip_without_display ())
    return;

  editor_open (&editor);
  root = GTK_WIDGET (editor.window);
  g_signal_connect (editor.auth, "notify::valid", G_CALLBACK (notify_count_cb), &valid_notified);
  rc_auth_set_kind (auth, RC_AUTH_KIND_NONE);
  rc_auth_group_set_auth (editor.auth, auth, project_id, G_OBJECT (api));
  g_assert_true (rc_auth_group_get_valid (editor.auth));

  /* OAuth 2.0 with nothing filled in: not valid, but nothing is painted
   * red before the user has been at the fields (GNOME HIG)... */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rc_test_gui_get_named (root, "auth-kind-row")),
                              RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_test_gui_assert_field_check (root, "auth-client-id-row", NULL);
  rc_test_gui_assert_field_check (root, "auth-token-url-row", NULL);
  g_assert_false (rc_auth_group_get_valid (editor.auth));
  g_assert_cmpuint (valid_notified.count, ==, 1);
  /* ...until what is missing is asked for (Finish does so). */
  rc_field_check_reveal_all (root);
  rc_test_gui_assert_field_check (root, "auth-client-id-row", "No client ID");
  rc_test_gui_assert_field_check (root, "auth-token-url-row", "No access token URL");
  {
    g_autofree char *message = rc_check_auth_client_id (auth);

    g_assert_cmpstr (rc_test_gui_assert_field_check (root, "auth-client-id-row", "No client ID"),
                     ==, message);
  }

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  client_id_row = rc_test_gui_get_named (root, "auth-client-id-row");
  token_url_row = rc_test_gui_get_named (root, "auth-token-url-row");

  /* As the user types. */
  type_text (client_id_row, "petstore");
  rc_test_gui_assert_field_check (root, "auth-client-id-row", NULL);
  g_assert_false (rc_auth_group_get_valid (editor.auth));

  type_text (token_url_row, "auth.example.com/token");
  rc_test_gui_assert_field_check (root, "auth-token-url-row", "not a valid https:// address");
  g_assert_false (rc_auth_group_get_valid (editor.auth));

  type_text (token_url_row, "http://auth.example.com/token");
  rc_test_gui_assert_field_check (root, "auth-token-url-row", "unencrypted");
  g_assert_false (rc_auth_group_get_valid (editor.auth));
  {
    g_autofree char *message = rc_check_auth_token_url (auth);

    g_assert_cmpstr (rc_test_gui_assert_field_check (root, "auth-token-url-row", "unencrypted"), ==,
                     message);
  }
  type_text (client_id_row, "");
  rc_test_gui_save_screenshot (root, "auth-validation.png");
  rc_test_gui_resize (editor.window, 360, 900);
  rc_test_gui_save_screenshot (root, "auth-validation-360.png");
  type_text (client_id_row, "petstore");

  type_text (token_url_row, "http://127.0.0.1:8080/token");
  rc_test_gui_assert_field_check (root, "auth-token-url-row", NULL);
  g_assert_true (rc_auth_group_get_valid (editor.auth));
  g_assert_cmpuint (valid_notified.count, ==, 2);

  type_text (token_url_row, "https://auth.example.com/token");
  rc_test_gui_assert_field_check (root, "auth-token-url-row", NULL);
  g_assert_true (rc_auth_group_get_valid (editor.auth));

  type_text (client_id_row, "");
  rc_test_gui_assert_field_check (root, "auth-client-id-row", "No client ID");
  g_assert_false (rc_auth_group_get_valid (editor.auth));
  type_text (client_id_row, "petstore");
  g_assert_true (rc_auth_group_get_valid (editor.auth));

  /* Basic: the user name, marked once typed into and emptied. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rc_test_gui_get_named (root, "auth-kind-row")),
                              RC_AUTH_KIND_BASIC);
  rc_test_gui_assert_field_check (root, "auth-username-row", NULL);
  type_text (rc_test_gui_get_named (root, "auth-username-row"), "a");
  type_text (rc_test_gui_get_named (root, "auth-username-row"), "");
  rc_test_gui_assert_field_check (root, "auth-username-row", "No user name");
  g_assert_false (rc_auth_group_get_valid (editor.auth));
  g_assert_false (
    gtk_widget_get_visible (rc_test_gui_get_named (root, "auth-client-id-row-error")));
  type_text (rc_test_gui_get_named (root, "auth-username-row"), "alice");
  rc_test_gui_assert_field_check (root, "auth-username-row", NULL);
  g_assert_true (rc_auth_group_get_valid (editor.auth));

  /* Another API's authentication: its fields are not marked before they
   * are edited, whatever this one's were. */
  {
    g_autoptr(RcApi) other = rc_api_new ("Billing");

    rc_auth_set_kind (rc_api_get_auth (other), RC_AUTH_KIND_BASIC);
    rc_auth_group_set_auth (editor.auth, rc_api_get_auth (other), project_id, G_OBJECT (other));
    rc_test_gui_assert_field_check (root, "auth-username-row", NULL);
    rc_auth_group_set_auth (editor.auth, auth, project_id, G_OBJECT (api));
  }

  /* None is always valid, whatever the hidden fields hold. */
  rc_auth_set_username (auth, "");
  g_assert_false (rc_auth_group_get_valid (editor.auth));
  rc_auth_set_kind (auth, RC_AUTH_KIND_NONE);
  g_assert_true (rc_auth_group_get_valid (editor.auth));
  g_assert_false (gtk_widget_get_visible (rc_test_gui_get_named (root, "auth-username-row-error")));

  editor_close (&editor);
  editor_finalize_model (api, NULL);
}

static void
test_token_params_and_basic_form (void)
{
  RcApi *api = rc_api_new ("Petstore");
  g_autofree char *project_id = g_uuid_string_random ();
  RcAuth *auth = rc_api_get_auth (api);
  RcPairList *params = rc_auth_get_token_params (auth);
  GtkWidget *root;
  GtkWidget *advanced;
  GtkWidget *form_row;
  GtkWidget *token_params_row;
  RcPair *audience;
  RcPair *pair;
  Editor editor = { 0 };

  if (rc_test_gui_skip_without_display ())
    return;

  set_oauth (auth, "petstore");
  audience = rc_pair_list_append (params, "audience", "https://petstore.example.com");

  root = editor_open_for (&editor, auth, project_id, api);

  /* The parameter the auth has is shown. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     get_in_pair_row (root, audience, "auth-token-param-value-entry"))),
                   ==, "https://petstore.example.com");

  /* Add one, and type it: it is in the model. */
  click (rc_test_gui_get_named (root, "auth-token-params-add-button"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (params)), ==, 2);
  g_assert_true (adw_expander_row_get_expanded (
    ADW_EXPANDER_ROW (rc_test_gui_get_named (root, "auth-token-params-row"))));
  pair = get_pair (params, 1);
  type_text (get_in_pair_row (root, pair, "auth-token-param-name-entry"), "resource");
  type_text (get_in_pair_row (root, pair, "auth-token-param-value-entry"), "urn:pets");
  g_assert_cmpstr (rc_pair_list_lookup (params, "resource"), ==, "urn:pets");
  g_assert_false (gtk_widget_get_visible (get_in_pair_row (root, pair, "auth-token-param-error")));
  g_assert_true (rc_auth_group_get_valid (editor.auth));

  /* A name Restcall sets itself is refused on its row, and the auth with it. */
  type_text (get_in_pair_row (root, pair, "auth-token-param-name-entry"), "scope");
  g_assert_true (gtk_widget_get_visible (get_in_pair_row (root, pair, "auth-token-param-error")));
  g_assert_true (gtk_widget_has_css_class (
    get_in_pair_row (root, pair, "auth-token-param-name-entry"), "error"));
  g_assert_nonnull (
    strstr (gtk_label_get_text (GTK_LABEL (rc_test_gui_find_of_type (
              get_in_pair_row (root, pair, "auth-token-param-error"), GTK_TYPE_LABEL))),
            "“scope” cannot be an extra token parameter: Restcall sets it itself. "
            "Enter the scopes in the Scopes field"));
  g_assert_false (rc_auth_group_get_valid (editor.auth));
  type_text (get_in_pair_row (root, pair, "auth-token-param-name-entry"), "resource");
  g_assert_false (gtk_widget_get_visible (get_in_pair_row (root, pair, "auth-token-param-error")));
  g_assert_true (rc_auth_group_get_valid (editor.auth));
  token_params_row = rc_test_gui_get_named (root, "auth-token-params-row");
  g_assert_true (
    g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (token_params_row)), "2"));

  /* Remove the first: the other stays, with its row. */
  click (get_in_pair_row (root, audience, "auth-token-param-remove-button"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (params)), ==, 1);
  g_assert_null (rc_pair_list_lookup (params, "audience"));
  g_assert_null (find_pair_row (root, audience));
  g_assert_nonnull (find_pair_row (root, pair));

  /* The Basic form, under Advanced, both ways. */
  advanced = rc_test_gui_get_named (root, "auth-advanced-row");
  form_row = rc_test_gui_get_named (root, "auth-basic-form-row");
  g_assert_true (gtk_widget_get_visible (advanced));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (advanced), TRUE);
  g_assert_true (rc_test_gui_wait (widget_mapped_cb, form_row));
  rc_test_gui_save_screenshot (root, "auth-token-params.png");
  g_assert_cmpint (rc_auth_get_basic_form (auth), ==, RC_BASIC_FORM_AUTO);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (form_row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row), 2);
  g_assert_cmpint (rc_auth_get_basic_form (auth), ==, RC_BASIC_FORM_RAW);
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row), 1);
  g_assert_cmpint (rc_auth_get_basic_form (auth), ==, RC_BASIC_FORM_RFC);
  rc_auth_set_basic_form (auth, RC_BASIC_FORM_AUTO);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (form_row)), ==, 0);

  /* What the automatic form found is said on the Advanced row, folded. */
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (advanced)), ==, "");
  rc_auth_set_remembered_basic_form (auth, RC_BASIC_FORM_RAW);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (advanced)), ==,
                   "This server compares the credentials unencoded");
  rc_test_gui_save_screenshot (root, "auth-basic-form-found.png");
  rc_auth_set_basic_form (auth, RC_BASIC_FORM_RFC);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (advanced)), ==, "");
  rc_auth_set_basic_form (auth, RC_BASIC_FORM_AUTO);

  /* It only concerns credentials sent in a Basic Auth header. */
  g_assert_true (gtk_widget_is_sensitive (form_row));
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_BODY);
  g_assert_false (gtk_widget_is_sensitive (form_row));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (advanced)), ==, "");

  /* Neither shows for Basic. */
  rc_auth_set_kind (auth, RC_AUTH_KIND_BASIC);
  g_assert_false (gtk_widget_get_visible (advanced));
  g_assert_false (gtk_widget_get_visible (rc_test_gui_get_named (root, "auth-token-params-row")));

  editor_close (&editor);
  editor_finalize_model (api, NULL);
}

/* Each signed-assertion method, chosen in the list: the key's rows show
 * only for private_key_jwt, typed into they set the auth, and the secret
 * row says what it holds, or goes when the key is a file. */
static void
test_client_assertion (void)
{
  RcApi *api = rc_api_new ("Petstore");
  g_autofree char *project_id = g_uuid_string_random ();
  RcAuth *auth = rc_api_get_auth (api);
  GtkWidget *root, *client_auth, *key_row, *kid_row, *alg_row, *secret_row;
  GListModel *options;
  Editor editor = { 0 };

  if (rc_test_gui_skip_without_display ())
    return;

  set_oauth (auth, "petstore");

  root = editor_open_for (&editor, auth, project_id, api);
  client_auth = rc_test_gui_get_named (root, "auth-client-auth-row");
  key_row = rc_test_gui_get_named (root, "auth-private-key-row");
  kid_row = rc_test_gui_get_named (root, "auth-key-id-row");
  alg_row = rc_test_gui_get_named (root, "auth-jwt-alg-row");
  secret_row = rc_test_gui_get_named (root, "auth-secret-row");

  /* The list says each method as the core does. */
  options = adw_combo_row_get_model (ADW_COMBO_ROW (client_auth));
  g_assert_cmpuint (g_list_model_get_n_items (options), ==, 5);
  for (RcClientAuth i = RC_CLIENT_AUTH_BASIC_HEADER; i <= RC_CLIENT_AUTH_TLS; i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (options), i), ==,
                     rc_client_auth_get_label (i));

  g_assert_false (gtk_widget_get_visible (key_row));

  /* Signed with the secret: the secret row stays a secret's. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (client_auth), 2);
  g_assert_cmpint (rc_auth_get_client_auth (auth), ==, RC_CLIENT_AUTH_SECRET_JWT);
  g_assert_false (gtk_widget_get_visible (key_row));
  g_assert_false (gtk_widget_get_visible (kid_row));
  g_assert_false (gtk_widget_get_visible (alg_row));
  g_assert_true (gtk_widget_get_visible (secret_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (secret_row)), ==,
                   "Client _secret");

  /* Signed with a private key: its rows; the key in the keyring until a
   * file is named. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (client_auth), 3);
  g_assert_cmpint (rc_auth_get_client_auth (auth), ==, RC_CLIENT_AUTH_PRIVATE_KEY_JWT);
  g_assert_true (gtk_widget_get_visible (key_row));
  g_assert_true (gtk_widget_get_visible (kid_row));
  g_assert_true (gtk_widget_get_visible (alg_row));
  g_assert_true (gtk_widget_get_visible (secret_row));
  g_assert_true (g_str_has_prefix (
    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (secret_row)), "Private key (PEM"));
  rc_test_gui_save_screenshot (root, "auth-private-key-jwt.png");

  type_text (kid_row, "key-1");
  g_assert_cmpstr (rc_auth_get_key_id (auth), ==, "key-1");
  adw_combo_row_set_selected (ADW_COMBO_ROW (alg_row), 3);
  g_assert_cmpint (rc_auth_get_jwt_alg (auth), ==, RC_JWT_ALG_PS256);
  adw_combo_row_set_selected (ADW_COMBO_ROW (alg_row), 2);
  g_assert_cmpint (rc_auth_get_jwt_alg (auth), ==, RC_JWT_ALG_ES256);
  type_text (key_row, "/keys/client.pem");
  g_assert_cmpstr (rc_auth_get_private_key_file (auth), ==, "/keys/client.pem");
  g_assert_false (gtk_widget_get_visible (secret_row));
  g_assert_nonnull (rc_test_gui_get_named (root, "auth-private-key-browse-button"));

  /* Back to a Basic Auth header: the key's rows go, the secret is back. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (client_auth), 0);
  g_assert_false (gtk_widget_get_visible (key_row));
  g_assert_true (gtk_widget_get_visible (secret_row));

  editor_close (&editor);
  editor_finalize_model (api, NULL);
}

/* What the key check row under @name shows: NULL when hidden. */
typedef struct
{
  GtkWidget  *root;
  const char *part;
} KeyVerdict;

static gboolean
key_verdict_cb (gpointer data)
{
  KeyVerdict *verdict = data;
  GtkWidget *check = rc_test_gui_get_named (verdict->root, "auth-private-key-row-error");
  GtkWidget *label = rc_test_gui_find_of_type (check, GTK_TYPE_LABEL);

  if (verdict->part == NULL)
    return !gtk_widget_get_visible (check);

  return gtk_widget_get_visible (check)
         && strstr (gtk_label_get_text (GTK_LABEL (label)), verdict->part) != NULL;
}

static void
wait_key_verdict (GtkWidget  *root,
                  const char *part)
{
  KeyVerdict verdict = { root, part };

  g_assert_true (rc_test_gui_wait (key_verdict_cb, &verdict));
  rc_test_gui_assert_field_check (root, "auth-private-key-row", part);
}

/* The key file is checked as it is typed, off the main thread: one that
 * is not there, is no PEM private key, or cannot sign with the algorithm
 * chosen is marked under its row (the algorithm's row too, for the
 * last); a relative path is the project folder's. */
static void
test_key_check (void)
{
  RcApi *api = rc_api_new ("Petstore");
  g_autofree char *project_id = g_uuid_string_random ();
  g_autofree char *dir = g_dir_make_tmp ("restcall-gui-key-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.pem", NULL);
  g_autofree char *not_key = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *ec_path = g_build_filename (dir, "ec.pem", NULL);
  g_autofree char *ec = rc_test_generate_key (GNUTLS_PK_ECDSA, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  RcAuth *auth = rc_api_get_auth (api);
  GtkWidget *root, *key_row, *alg_row;
  Editor editor = { 0 };

  if (rc_test_gui_skip_without_display ())
    return;

  g_assert_true (g_file_set_contents (not_key, "-----BEGIN CERTIFICATE-----\nMIIB\n"
                                               "-----END CERTIFICATE-----\n", -1, NULL));
  g_assert_true (g_file_set_contents (ec_path, ec, -1, NULL));
  set_oauth (auth, "petstore");
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_PRIVATE_KEY_JWT);

  root = editor_open_for (&editor, auth, project_id, api);
  key_row = rc_test_gui_get_named (root, "auth-private-key-row");
  alg_row = rc_test_gui_get_named (root, "auth-jwt-alg-row");
  /* In the keyring: nothing to check. */
  rc_test_gui_assert_field_check (root, "auth-private-key-row", NULL);

  type_text (key_row, missing);
  wait_key_verdict (root, "could not be read");
  type_text (key_row, not_key);
  wait_key_verdict (root, "not a PEM private key");
  type_text (key_row, ec_path);
  wait_key_verdict (root, NULL);
  g_assert_false (gtk_widget_has_css_class (alg_row, "error"));

  /* An RSA algorithm for a P-256 key: said, and the algorithm marked. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (alg_row), 1);
  wait_key_verdict (root, "RS256");
  g_assert_true (gtk_widget_has_css_class (alg_row, "error"));
  rc_test_gui_save_screenshot (root, "auth-private-key-alg.png");
  adw_combo_row_set_selected (ADW_COMBO_ROW (alg_row), 2);
  wait_key_verdict (root, NULL);
  g_assert_false (gtk_widget_has_css_class (alg_row, "error"));

  /* Relative: in the project's folder, not the working one. */
  type_text (key_row, "ec.pem");
  wait_key_verdict (root, "could not be read");
  rc_auth_set_folder (auth, folder);
  type_text (key_row, "./ec.pem");
  wait_key_verdict (root, NULL);

  /* Back in the keyring: the verdict goes. */
  type_text (key_row, not_key);
  wait_key_verdict (root, "not a PEM private key");
  type_text (key_row, "");
  wait_key_verdict (root, NULL);

  editor_close (&editor);
  editor_finalize_model (api, NULL);
  g_unlink (not_key);
  g_unlink (ec_path);
  g_rmdir (dir);
}


/* Clicks @button, and chooses @path in the file chooser it opens. */
static void
choose_with (GtkWidget  *button,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *chooser;

  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  chooser = rc_test_gui_wait_for_file_chooser ();
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  rc_test_gui_choose_file (chooser, file);
  rc_test_gui_wait_gone (&chooser);
}

typedef struct
{
  GtkWidget  *row;
  const char *title;
} Titled;

static gboolean
row_titled_cb (gpointer data)
{
  Titled *titled = data;

  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (titled->row)),
                    titled->title) == 0;
}

/* Waits until the secret's state row says @title, and returns what it
 * says under it. */
static const char *
wait_secret_state (GtkWidget  *root,
                   const char *title)
{
  Titled titled = { rc_test_gui_get_named (root, "auth-secret-state-row"), title };

  if (!rc_test_gui_wait (row_titled_cb, &titled))
    g_error ("The secret's row says “%s”, not “%s”",
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (titled.row)), title);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (titled.row));
}

/* A private_key_jwt client with no key file: the secret is its key. */
static RcAuth *
key_in_keyring_auth (RcApi *api)
{
  RcAuth *auth = rc_api_get_auth (api);

  set_oauth (auth, "petstore");
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_PRIVATE_KEY_JWT);

  return auth;
}

/* When the secret is a private key, the secret's row imports one from a
 * file: a file that holds no key is said on the row, with its name, and
 * nothing is stored; a key is stored in the keyring, as it is. */
static void
test_import_key (void)
{
  RcApi *api = rc_api_new ("Petstore");
  g_autofree char *project_id = g_uuid_string_random ();
  g_autofree char *dir = g_dir_make_tmp ("restcall-gui-import-XXXXXX", NULL);
  g_autofree char *not_key = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *ec_path = g_build_filename (dir, "ec.pem", NULL);
  g_autofree char *ec = rc_test_generate_key (GNUTLS_PK_ECDSA, NULL);
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  RcAuth *auth = key_in_keyring_auth (api);
  GtkWidget *root, *import_button, *key_row, *client_auth_row;
  const char *said;
  Editor editor = { 0 };

  if (rc_test_gui_skip_without_display ())
    return;

  g_assert_true (g_file_set_contents (not_key, "-----BEGIN CERTIFICATE-----\nMIIB\n"
                                               "-----END CERTIFICATE-----\n", -1, NULL));
  g_assert_true (g_file_set_contents (ec_path, ec, -1, NULL));

  root = editor_open_for (&editor, auth, project_id, api);
  import_button = rc_test_gui_get_named (root, "auth-import-key-button");
  key_row = rc_test_gui_get_named (root, "auth-private-key-row");
  client_auth_row = rc_test_gui_get_named (root, "auth-client-auth-row");
  wait_secret_state (root, "Not stored");

  /* Only while the secret is a key. */
  g_assert_true (gtk_widget_get_visible (import_button));
  type_text (key_row, ec_path);
  g_assert_false (gtk_widget_get_visible (import_button));
  type_text (key_row, "");
  g_assert_true (gtk_widget_get_visible (import_button));
  adw_combo_row_set_selected (ADW_COMBO_ROW (client_auth_row), RC_CLIENT_AUTH_SECRET_JWT);
  g_assert_false (gtk_widget_get_visible (import_button));
  adw_combo_row_set_selected (ADW_COMBO_ROW (client_auth_row), RC_CLIENT_AUTH_TLS);
  g_assert_true (gtk_widget_get_visible (import_button));
  adw_combo_row_set_selected (ADW_COMBO_ROW (client_auth_row), RC_CLIENT_AUTH_PRIVATE_KEY_JWT);

  /* No key: said with the file's name, and nothing stored. */
  choose_with (import_button, not_key);
  said = wait_secret_state (root, "The key was not imported");
  g_assert_nonnull (strstr (said, not_key));
  g_assert_nonnull (strstr (said, "not a PEM private key"));
  g_assert_cmpstr (rc_auth_get_secret_id (auth), ==, "");
  g_assert_cmpuint (rc_test_keyring_count (project_id, rc_api_get_id (api)), ==, 0);

  /* A key: in the keyring, as the file holds it. */
  choose_with (import_button, ec_path);
  wait_secret_state (root, "Stored in the keyring");
  stored = rc_test_keyring_lookup (rc_test_gui_get_secret_store (), project_id,
                                   rc_auth_get_secret_id (auth), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, ec);
  g_assert_cmpstr (rc_auth_get_private_key_file (auth), ==, "");

  editor_close (&editor);
  g_assert_true (rc_test_keyring_clear_owner (rc_test_gui_get_secret_store (), project_id,
                                              rc_api_get_id (api), &error));
  g_assert_no_error (error);
  editor_finalize_model (api, NULL);
  g_unlink (not_key);
  g_unlink (ec_path);
  g_rmdir (dir);
}

static gboolean
has_line_break_cb (gpointer data)
{
  return strchr (gtk_editable_get_text (GTK_EDITABLE (data)), '\n') != NULL;
}

/* A PEM pasted into the secret's entry keeps its line breaks, and is
 * stored; what is no key (a paste cut at its first line) is refused, with
 * a word about the import, and the key stored stays. */
static void
test_paste_key (void)
{
  RcApi *api = rc_api_new ("Petstore");
  g_autofree char *project_id = g_uuid_string_random ();
  g_autofree char *ec = rc_test_generate_key (GNUTLS_PK_ECDSA, NULL);
  g_auto(GStrv) lines = g_strsplit (ec, "\n", -1);
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  RcAuth *auth = key_in_keyring_auth (api);
  GtkWidget *root, *secret_row;
  GtkEditable *text;
  const char *said;
  Editor editor = { 0 };

  if (rc_test_gui_skip_without_display ())
    return;

  root = editor_open_for (&editor, auth, project_id, api);
  wait_secret_state (root, "Not stored");
  secret_row = rc_test_gui_get_named (root, "auth-secret-row");
  text = gtk_editable_get_delegate (GTK_EDITABLE (secret_row));

  /* Pasted, as a user would. */
  gtk_widget_grab_focus (secret_row);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (text)), ec);
  g_signal_emit_by_name (text, "paste-clipboard");
  g_assert_true (rc_test_gui_wait (has_line_break_cb, text));
  g_assert_cmpstr (gtk_editable_get_text (text), ==, ec);
  rc_auth_group_commit (editor.auth);
  g_assert_cmpstr (gtk_editable_get_text (text), ==, "");
  wait_secret_state (root, "Stored in the keyring");
  stored = rc_test_keyring_lookup (rc_test_gui_get_secret_store (), project_id,
                                   rc_auth_get_secret_id (auth), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, ec);

  /* Its first line only, as an entry that truncates a paste keeps: no
   * key, refused. */
  gtk_editable_set_text (text, lines[0]);
  rc_auth_group_commit (editor.auth);
  g_assert_cmpstr (gtk_editable_get_text (text), ==, "");
  said = wait_secret_state (root, "The key was not stored");
  g_assert_nonnull (strstr (said, "Import Key From File…"));
  g_clear_pointer (&stored, g_free);
  g_assert_true (rc_test_keyring_wait_idle (rc_test_gui_get_secret_store ()));
  stored = rc_test_keyring_lookup (rc_test_gui_get_secret_store (), project_id,
                                   rc_auth_get_secret_id (auth), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, ec);

  editor_close (&editor);
  g_assert_true (rc_test_keyring_clear_owner (rc_test_gui_get_secret_store (), project_id,
                                              rc_api_get_id (api), &error));
  g_assert_no_error (error);
  editor_finalize_model (api, NULL);
}

/* The key and certificate files chosen with Browse are saved relative to
 * the project's folder when they are in it, so that a project shared
 * with its keys works elsewhere; absolute otherwise. */
static void
test_browse_relative (void)
{
  RcApi *api = rc_api_new ("Petstore");
  g_autofree char *project_id = g_uuid_string_random ();
  g_autofree char *dir = g_dir_make_tmp ("restcall-gui-browse-XXXXXX", NULL);
  g_autofree char *elsewhere = g_dir_make_tmp ("restcall-gui-elsewhere-XXXXXX", NULL);
  g_autofree char *keys = g_build_filename (dir, "keys", NULL);
  g_autofree char *key = g_build_filename (keys, "client.pem", NULL);
  g_autofree char *cert = g_build_filename (elsewhere, "client.crt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  RcAuth *auth = key_in_keyring_auth (api);
  GtkWidget *root;
  Editor editor = { 0 };

  if (rc_test_gui_skip_without_display ())
    return;

  g_assert_cmpint (g_mkdir (keys, 0700), ==, 0);
  g_assert_true (g_file_set_contents (key, "a key", -1, NULL));
  g_assert_true (g_file_set_contents (cert, "a certificate", -1, NULL));
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_TLS);
  rc_auth_set_folder (auth, folder);

  root = editor_open_for (&editor, auth, project_id, api);

  choose_with (rc_test_gui_get_named (root, "auth-private-key-browse-button"), key);
  g_assert_cmpstr (rc_auth_get_private_key_file (auth), ==, "keys/client.pem");
  g_assert_cmpstr (gtk_editable_get_text (
                     GTK_EDITABLE (rc_test_gui_get_named (root, "auth-private-key-row"))),
                   ==, "keys/client.pem");

  choose_with (rc_test_gui_get_named (root, "auth-cert-file-browse-button"), cert);
  g_assert_cmpstr (rc_auth_get_client_cert_file (auth), ==, cert);

  editor_close (&editor);
  editor_finalize_model (api, NULL);
  g_unlink (key);
  g_unlink (cert);
  g_rmdir (keys);
  g_rmdir (dir);
  g_rmdir (elsewhere);
}

/* Mutual TLS: the client authentication list offers it; the certificate
 * and key rows show then, and only then; their files are checked on the
 * rows; the secret row, which then holds the private key, shows only
 * when no key file is named, and says what it holds. */
static void
test_client_certificate (void)
{
  RcApi *api = rc_api_new ("Petstore");
  g_autofree char *project_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *missing = NULL;
  RcAuth *auth = rc_api_get_auth (api);
  GtkWidget *root, *client_auth_row, *cert_row, *key_row, *secret_row, *token_url_row;
  Editor editor = { 0 };

  if (rc_test_gui_skip_without_display ())
    return;

  dir = g_dir_make_tmp ("restcall-gui-cert-XXXXXX", &error);
  g_assert_no_error (error);
  cert = g_build_filename (dir, "client.pem", NULL);
  missing = g_build_filename (dir, "missing.pem", NULL);
  g_file_set_contents (cert, "not read by the checks", -1, &error);
  g_assert_no_error (error);

  set_oauth (auth, "mtls-client");

  root = editor_open_for (&editor, auth, project_id, api);
  client_auth_row = rc_test_gui_get_named (root, "auth-client-auth-row");
  cert_row = rc_test_gui_get_named (root, "auth-cert-file-row");
  key_row = rc_test_gui_get_named (root, "auth-private-key-row");
  secret_row = rc_test_gui_get_named (root, "auth-secret-row");
  token_url_row = rc_test_gui_get_named (root, "auth-token-url-row");
  g_assert_false (gtk_widget_get_visible (cert_row));
  g_assert_false (gtk_widget_get_visible (key_row));
  g_assert_true (rc_auth_group_get_valid (editor.auth));

  /* Chosen in the list: the last item, as the core says it. */
  g_assert_cmpstr (gtk_string_list_get_string (
                     GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (client_auth_row))),
                     RC_CLIENT_AUTH_TLS),
                   ==, "Client certificate (mutual TLS)");
  g_assert_cmpstr (rc_client_auth_get_label (RC_CLIENT_AUTH_TLS), ==,
                   "Client certificate (mutual TLS)");
  adw_combo_row_set_selected (ADW_COMBO_ROW (client_auth_row), RC_CLIENT_AUTH_TLS);
  g_assert_cmpint (rc_auth_get_client_auth (auth), ==, RC_CLIENT_AUTH_TLS);
  g_assert_true (gtk_widget_get_visible (cert_row));
  g_assert_true (gtk_widget_get_visible (key_row));
  g_assert_true (gtk_widget_get_visible (secret_row));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (secret_row)),
                            "Private key"));
  g_assert_false (gtk_widget_is_sensitive (rc_test_gui_get_named (root, "auth-basic-form-row")));
  g_assert_true (
    gtk_widget_get_visible (rc_test_gui_get_named (root, "auth-cert-file-browse-button")));
  g_assert_false (rc_auth_group_get_valid (editor.auth));
  rc_field_check_reveal_all (root);
  rc_test_gui_assert_field_check (root, "auth-cert-file-row", "No client certificate file");

  /* Typed: a file that is not there is said so on its row. */
  type_text (cert_row, missing);
  g_assert_cmpstr (rc_auth_get_client_cert_file (auth), ==, missing);
  rc_test_gui_assert_field_check (root, "auth-cert-file-row", "cannot be read");
  g_assert_false (rc_auth_group_get_valid (editor.auth));
  type_text (cert_row, cert);
  rc_test_gui_assert_field_check (root, "auth-cert-file-row", NULL);
  g_assert_true (rc_auth_group_get_valid (editor.auth));

  /* A key file, the private key row a private_key_jwt client has too,
   * checked as it is: the keyring holds no key, and the secret row goes. */
  type_text (key_row, missing);
  wait_key_verdict (root, "could not be read");
  g_assert_false (gtk_widget_get_visible (secret_row));
  type_text (key_row, "");
  g_assert_true (gtk_widget_get_visible (secret_row));
  g_assert_true (rc_auth_group_get_valid (editor.auth));

  /* No certificate over http://, even on this machine. */
  type_text (token_url_row, "http://127.0.0.1:8080/token");
  rc_test_gui_assert_field_check (root, "auth-token-url-row", "no client certificate");
  g_assert_false (rc_auth_group_get_valid (editor.auth));
  type_text (token_url_row, "https://auth.example.com/token");
  rc_test_gui_save_screenshot (root, "auth-client-certificate.png");

  /* Back to a secret: the rows go, the files stay in the auth. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (client_auth_row), 1);
  g_assert_false (gtk_widget_get_visible (cert_row));
  g_assert_false (gtk_widget_get_visible (key_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (secret_row)), ==,
                   "Client _secret");
  g_assert_cmpstr (rc_auth_get_client_cert_file (auth), ==, cert);

  editor_close (&editor);
  editor_finalize_model (api, NULL);
  g_remove (cert);
  g_rmdir (dir);
}

static void
test_mnemonics (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *root;
  GtkWidget *stack;
  g_autoptr(GHashTable) mnemonics = NULL;
  g_autoptr(RcAuth) own = rc_auth_new ();
  RcApi *petstore, *billing;
  RcMethod *method;

  if (rc_test_gui_skip_without_display ())
    return;

  root = GTK_WIDGET (fixture->window);
  petstore = rc_project_find_api (fixture->project, "Petstore");
  billing = rc_project_find_api (fixture->project, "Billing");
  g_assert_cmpint (rc_auth_get_kind (rc_api_get_auth (petstore)), ==,
                   RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_cmpint (rc_auth_get_kind (rc_api_get_auth (billing)), ==, RC_AUTH_KIND_BASIC);

  /* OAuth 2.0, on an API's page, with its token panel and headers. */
  rc_test_gui_select_item (fixture->window, G_OBJECT (petstore));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  adw_expander_row_set_expanded (
    ADW_EXPANDER_ROW (rc_test_gui_get_named (root, "auth-advanced-row")), TRUE);
  rc_test_gui_wait_for_transitions (root);
  assert_mnemonic (root, "auth-kind-row", GDK_KEY_y);
  assert_mnemonic (root, "auth-client-id-row", GDK_KEY_i);
  assert_mnemonic (root, "auth-token-url-row", GDK_KEY_u);
  assert_mnemonic (root, "auth-scopes-row", GDK_KEY_o);
  assert_mnemonic (root, "auth-client-auth-row", GDK_KEY_e);
  assert_mnemonic (root, "auth-secret-row", GDK_KEY_s);
  assert_mnemonic (root, "auth-token-params-row", GDK_KEY_x);
  assert_mnemonic (root, "auth-advanced-row", GDK_KEY_v);
  mnemonics = g_hash_table_new (NULL, NULL);
  collect_mnemonics (root, mnemonics);
  g_assert_cmpuint (g_hash_table_size (mnemonics), >=, 9);
  g_clear_pointer (&mnemonics, g_hash_table_unref);

  /* Basic. */
  rc_test_gui_select_item (fixture->window, G_OBJECT (billing));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  assert_mnemonic (root, "auth-kind-row", GDK_KEY_y);
  assert_mnemonic (root, "auth-username-row", GDK_KEY_n);
  assert_mnemonic (root, "auth-secret-row", GDK_KEY_p);
  mnemonics = g_hash_table_new (NULL, NULL);
  collect_mnemonics (root, mnemonics);
  g_clear_pointer (&mnemonics, g_hash_table_unref);

  /* A method's Headers and Authentication tab, beside the tabs' own
   * mnemonics and the Add Header button's. */
  method = rc_api_find_method (petstore, "listPets");
  rc_auth_set_kind (own, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_method_set_auth (method, own);
  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  stack = rc_test_gui_get_named (root, "method-editor-stack");
  rc_test_gui_show_page (stack, "headers");
  g_assert_true (gtk_widget_get_mapped (rc_test_gui_find_named (stack, "auth-secret-row")));
  mnemonics = g_hash_table_new (NULL, NULL);
  collect_mnemonics (root, mnemonics);
  g_assert_nonnull (
    g_hash_table_lookup (mnemonics, GUINT_TO_POINTER (GDK_KEY_a))); /* _Add Header */
  g_assert_nonnull (
    g_hash_table_lookup (mnemonics, GUINT_TO_POINTER (GDK_KEY_s))); /* Client _secret */
  g_assert_nonnull (g_hash_table_lookup (mnemonics, GUINT_TO_POINTER (GDK_KEY_h)));  /* the tab */
}

/* The titles of the rows shown below @root, in order. */
static void
collect_row_titles (GtkWidget *root,
                    GPtrArray *titles)
{
  if (!gtk_widget_get_mapped (root))
    return;

  if (ADW_IS_PREFERENCES_ROW (root))
    {
      GString *title = g_string_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));

      /* As it reads: the mnemonic's underline is no character. */
      g_string_replace (title, "_", "", 0);
      g_ptr_array_add (titles, g_string_free (title, FALSE));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_row_titles (child, titles);
}

/* OAuth 2.0's fields come in the reference document's order, its client
 * authentication options in its words. */
static void
test_reference_order (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *order[] = { "Client ID", "Client secret", "Access token URL", "Scopes",
                          "Client authentication" };
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *root, *client_auth;
  GListModel *options;
  guint next = 0;

  if (rc_test_gui_skip_without_display ())
    return;

  root = GTK_WIDGET (fixture->window);
  rc_test_gui_select_item (fixture->window,
                           G_OBJECT (rc_project_find_api (fixture->project, "Petstore")));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  collect_row_titles (root, titles);

  for (guint i = 0; i < titles->len && next < G_N_ELEMENTS (order); i++)
    if (g_str_equal (titles->pdata[i], order[next]))
      next++;
  if (next < G_N_ELEMENTS (order))
    {
      g_autofree char *shown = NULL;

      g_ptr_array_add (titles, NULL);
      shown = g_strjoinv (", ", (char **) titles->pdata);

      g_error ("“%s” is not where the reference has it; the rows are: %s", order[next], shown);
    }

  client_auth = rc_test_gui_get_named (root, "auth-client-auth-row");
  options = adw_combo_row_get_model (ADW_COMBO_ROW (client_auth));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (options), 0), ==,
                   "Send as a Basic Auth header");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (options), 1), ==,
                   "Send client credentials in body");
}

static gboolean
popover_shown_cb (gpointer data)
{
  GtkWidget *popover = rc_test_gui_find_of_type (data, GTK_TYPE_POPOVER);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

/* The first label on screen at or below @root whose text is cut short. */
static GtkLabel *
find_cut_label (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (GTK_IS_LABEL (root) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (root))))
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_cut_label (child);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* Pops up the list of the combo row @name below @root, and checks that
 * it shows each option whole. */
static void
assert_options_whole (GtkWidget  *root,
                      const char *name)
{
  GtkWidget *row = rc_test_gui_get_named (root, name);
  GListModel *options = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  GtkWidget *popover;
  GtkLabel *cut;

  gtk_widget_activate (row);
  g_assert_true (rc_test_gui_wait (popover_shown_cb, row));
  popover = rc_test_gui_find_of_type (row, GTK_TYPE_POPOVER);

  for (guint i = 0; i < g_list_model_get_n_items (options); i++)
    {
      const char *wanted[] = { gtk_string_list_get_string (GTK_STRING_LIST (options), i), NULL };

      rc_test_gui_wait_for_labels (popover, wanted);
    }
  rc_test_gui_wait_for_transitions (popover);

  cut = find_cut_label (popover);
  if (cut != NULL)
    g_error ("The list of %s cuts “%s” short", name, gtk_label_get_text (cut));

  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The lists the Type and Client authentication rows pop up show their
 * options whole: libadwaita cuts them after 20 characters (“OAuth 2.0:
 * client cred…”). */
static void
test_options_whole (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *root;

  if (rc_test_gui_skip_without_display ())
    return;

  root = GTK_WIDGET (fixture->window);
  rc_test_gui_select_item (fixture->window,
                           G_OBJECT (rc_project_find_api (fixture->project, "Petstore")));
  rc_test_gui_assert_page_shown (fixture->window, "api");

  assert_options_whole (root, "auth-kind-row");
  assert_options_whole (root, "auth-client-auth-row");
}

/* The entry rows' edit icons line up, whether or not a check failed. */
static void
test_icons_line_up (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *root;
  RcApi *petstore;
  RcAuth *auth;
  float x;

  if (rc_test_gui_skip_without_display ())
    return;

  root = GTK_WIDGET (fixture->window);
  petstore = rc_project_find_api (fixture->project, "Petstore");
  auth = rc_api_get_auth (petstore);
  rc_test_gui_select_item (fixture->window, G_OBJECT (petstore));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  rc_test_gui_wait_for_transitions (root);

  x = get_edit_icon_x (root, "auth-scopes-row");
  g_test_message ("Edit icons at x = %g", x);
  g_assert_cmpfloat (get_edit_icon_x (root, "auth-client-id-row"), ==, x);
  g_assert_cmpfloat (get_edit_icon_x (root, "auth-token-url-row"), ==, x);

  /* An error shows its icon before the edit icon; fixed, all line up again. */
  rc_test_gui_type_over (rc_test_gui_get_named (root, "auth-client-id-row"), "");
  /* Away from the field, whose edit icon hides while it is edited. */
  gtk_widget_grab_focus (rc_test_gui_get_named (root, "auth-kind-row"));
  rc_test_gui_wait_for_frame (root);
  g_assert_true (
    gtk_widget_has_css_class (rc_test_gui_get_named (root, "auth-client-id-row"), "error"));
  g_assert_cmpfloat (get_edit_icon_x (root, "auth-client-id-row"), <, x);
  g_assert_cmpfloat (get_edit_icon_x (root, "auth-token-url-row"), ==, x);
  rc_auth_set_client_id (auth, "petstore-client");
  rc_test_gui_wait_for_frame (root);
  g_assert_false (
    gtk_widget_has_css_class (rc_test_gui_get_named (root, "auth-client-id-row"), "error"));
  g_assert_cmpfloat (get_edit_icon_x (root, "auth-client-id-row"), ==, x);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!rc_test_gui_init_keyring_session ())
    return 1;

  g_test_add ("/restcall/gui/auth/api-headers", Fixture, NULL,
              fixture_set_up, test_api_headers, fixture_tear_down);
  g_test_add_func ("/restcall/gui/auth/method-headers", test_method_headers);
  g_test_add_func ("/restcall/gui/auth/inherit-and-own", test_inherit_and_own);
  g_test_add_func ("/restcall/gui/auth/validation", test_validation);
  g_test_add_func ("/restcall/gui/auth/token-params-and-basic-form",
                   test_token_params_and_basic_form);
  g_test_add_func ("/restcall/gui/auth/client-assertion", test_client_assertion);
  g_test_add_func ("/restcall/gui/auth/key-check", test_key_check);
  g_test_add_func ("/restcall/gui/auth/client-certificate", test_client_certificate);
  g_test_add_func ("/restcall/gui/auth/import-key", test_import_key);
  g_test_add_func ("/restcall/gui/auth/paste-key", test_paste_key);
  g_test_add_func ("/restcall/gui/auth/browse-relative", test_browse_relative);
  g_test_add ("/restcall/gui/auth/reference-order", Fixture, NULL,
              fixture_set_up, test_reference_order, fixture_tear_down);
  g_test_add ("/restcall/gui/auth/mnemonics", Fixture, NULL,
              fixture_set_up, test_mnemonics, fixture_tear_down);
  g_test_add ("/restcall/gui/auth/icons-line-up", Fixture, NULL,
              fixture_set_up, test_icons_line_up, fixture_tear_down);
  g_test_add ("/restcall/gui/auth/options-whole", Fixture, NULL,
              fixture_set_up, test_options_whole, fixture_tear_down);

  return g_test_run ();
}
