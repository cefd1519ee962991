/* test-gui-window.c: the main window, shown for real (under Xvfb)
 *
 * The sidebar must show what the project holds, the pages (the method
 * editor's tabs among them) must edit the model, and the title must say
 * when there are unsaved changes. Closing the window must not lose what is
 * typed in a Consume dialog, nor crash while a Test call is running, and a
 * secret typed and not applied must reach the (real, throwaway) keyring when
 * the window closes or the selection changes, even after the window is gone.
 * Screenshots
 * go to $RC_SCREENSHOT_DIR for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <gtksourceview/gtksource.h>

#include "rc-api-page.h"
#include "rc-headers-group.h"
#include "rc-auth-group.h"
#include "rc-method-dialog.h"
#include "rc-method-editor.h"
#include "rc-sidebar-row.h"
#include "rc-sidebar.h"
#include "rc-source-warm-up.h"
#include "rc-switcher-title.h"
#include "rc-test-panel.h"
#include "rc-test-gui.h"
#include "rc-test-keyring.h"
#include "rc-test-server.h"
#include "rc-window.h"

typedef struct
{
  RcProject *project;
  RcWindow  *window;
} Fixture;

/* Helpers */

/* The names (and verbs) the model says the sidebar must show. */
static GPtrArray *
dup_model_names (RcProject *project)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rc_project_get_n_apis (project); i++)
    {
      RcApi *api = rc_project_get_api (project, i);

      g_ptr_array_add (names, g_strdup (rc_api_get_name (api)));
      for (guint j = 0; j < rc_api_get_n_methods (api); j++)
        {
          RcMethod *method = rc_api_get_method (api, j);

          g_ptr_array_add (names, g_strdup (rc_method_get_name (method)));
          g_ptr_array_add (names, g_strdup (rc_method_get_verb (method)));
        }
    }
  g_ptr_array_add (names, NULL);

  return names;
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
} Expectation;

static gboolean
sidebar_shows_model_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *list = rc_test_gui_find_named (GTK_WIDGET (fixture->window), "sidebar-list");
  g_autoptr(GPtrArray) wanted = dup_model_names (fixture->project);

  return rc_test_gui_shows_labels (list, (const char **) wanted->pdata);
}

static gboolean
sidebar_shows_text_cb (gpointer data)
{
  Expectation *expectation = data;
  GtkWidget *list =
    rc_test_gui_find_named (GTK_WIDGET (expectation->fixture->window), "sidebar-list");
  const char *wanted[] = { expectation->text, NULL };

  return rc_test_gui_shows_labels (list, wanted);
}

/* What the location column of parameter @name's row says: “Path” or “Query”. */
static const char *
parameter_location (RcWindow   *window,
                    const char *name)
{
  GtkWidget *row = rc_test_gui_find_parameter_row (GTK_WIDGET (window), name);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = rc_test_gui_find_named (row, "method-parameter-location");

  g_assert_nonnull (label);

  return gtk_label_get_text (GTK_LABEL (label));
}

static void
created_handler (RcTestServer      *server,
                 SoupServerMessage *message,
                 const char        *path,
                 gpointer           user_data)
{
  rc_test_respond (message, 201, "application/json", "{\"id\": 1}");
}

static gboolean
body_written_cb (gpointer data)
{
  RcMethod *method = data;

  return g_strcmp0 (rc_method_get_body (method), "{\"name\": \"Rex\"}") == 0;
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!rc_test_gui_has_display ())
    return;

  fixture->project = rc_test_gui_load_sample ();
  g_assert_nonnull (fixture->project);
  g_assert_cmpuint (rc_project_get_n_apis (fixture->project), >=, 2);

  fixture->window = rc_test_gui_present_window (fixture->project, 1000, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!rc_test_gui_has_display ())
    return;

  /* Close without the unsaved-changes prompt. */
  rc_test_gui_destroy_window (&fixture->window);

  /* Nothing in the window may keep the project alive. */
  g_assert_finalize_object (fixture->project);
}

/* Tests */

static void
test_sidebar_shows_project (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *list;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) wanted = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  list = rc_test_gui_get_widget (fixture->window, "sidebar-list");
  g_assert_true (GTK_IS_LIST_VIEW (list));

  /* Every API, method and verb of the model is on screen. */
  g_assert_true (rc_test_gui_wait (sidebar_shows_model_cb, fixture));

  wanted = dup_model_names (fixture->project);
  rc_test_gui_collect_shown_labels (list, shown);
  for (guint i = 0; wanted->pdata[i] != NULL; i++)
    g_test_message ("Sidebar shows “%s”", (char *) wanted->pdata[i]);
  g_assert_true (g_ptr_array_find_with_equal_func (shown, "Petstore", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (shown, "createInvoice", g_str_equal, NULL));

  /* Its heading, a term of the low-code platform's, says what it holds
   * and what consuming an API means. */
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (rc_test_gui_get_widget (
                              fixture->window, "sidebar-heading")),
                            "To consume an API is to say how to call its methods"));

  /* There are APIs but nothing is selected yet. */
  rc_test_gui_assert_page_shown (fixture->window, "no-selection");
  g_assert_false (rc_project_get_dirty (fixture->project));
}

static void
test_method_page_shows_url (Fixture       *fixture,
                            gconstpointer  data)
{
  RcApi *api;
  RcMethod *method;
  GtkWidget *url_row;
  GtkWidget *row;
  GtkWidget *stack;
  GtkWidget *switcher_title;
  graphene_rect_t param_icon, url_icon;
  g_auto(GStrv) parameters = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  api = rc_project_find_api (fixture->project, "Petstore");
  g_assert_nonnull (api);
  method = rc_api_find_method (api, "getPet");
  g_assert_nonnull (method);

  g_assert_true (rc_test_gui_wait (sidebar_shows_model_cb, fixture));
  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");

  url_row = rc_test_gui_get_widget (fixture->window, "method-url-row");
  g_assert_true (gtk_widget_get_mapped (url_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==, rc_method_get_url (method));

  /* The editor shows the Request tab, its tabs in the header bar. */
  stack = rc_test_gui_get_widget (fixture->window, "method-editor-stack");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "request");
  switcher_title = rc_test_gui_get_widget (fixture->window, "method-switcher-title");
  g_assert_true (gtk_widget_get_mapped (switcher_title));
  g_assert_true (rc_switcher_title_get_stack (RC_SWITCHER_TITLE (switcher_title)) ==
                 ADW_VIEW_STACK (stack));

  /* The URL's parameter is in the table, in the path, with its test value. */
  parameters = rc_method_dup_parameters (method);
  g_assert_cmpstr (parameters[0], ==, "petId");
  row = rc_test_gui_find_parameter_row (GTK_WIDGET (fixture->window), "petId");
  g_assert_nonnull (row);
  g_assert_cmpstr (parameter_location (fixture->window, "petId"), ==, "Path");
  g_assert_nonnull (rc_test_gui_find_named (row, "test-value-required"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   rc_pair_list_lookup (rc_method_get_test_values (method), "petId"));
  /* Its location and Required go before the value: its edit icon is where
   * the Method group's are, at the end of the row. */
  rc_test_gui_wait_for_frame (row);
  g_assert_true (gtk_widget_compute_bounds (rc_test_gui_find_edit_icon (row),
                                            GTK_WIDGET (fixture->window), &param_icon));
  g_assert_true (gtk_widget_compute_bounds (rc_test_gui_find_edit_icon (url_row),
                                            GTK_WIDGET (fixture->window), &url_icon));
  g_assert_cmpfloat (param_icon.origin.x, ==, url_icon.origin.x);

  /* Selecting shows, it does not change anything. */
  g_assert_false (rc_project_get_dirty (fixture->project));

  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "main-window.png");

  /* Typing a parameter into the URL lists it at once, in the query if it is. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "/pets/{petId}/photos?size={size}");
  g_assert_cmpstr (rc_method_get_url (method), ==, "/pets/{petId}/photos?size={size}");
  row = rc_test_gui_find_parameter_row (GTK_WIDGET (fixture->window), "size");
  g_assert_nonnull (row);
  g_assert_cmpstr (parameter_location (fixture->window, "size"), ==, "Query");
  g_assert_cmpstr (parameter_location (fixture->window, "petId"), ==, "Path");
  g_assert_true (rc_project_get_dirty (fixture->project));

  /* A test value typed in the table is the method's. */
  gtk_editable_set_text (GTK_EDITABLE (row), "large");
  g_assert_cmpstr (rc_pair_list_lookup (rc_method_get_test_values (method), "size"), ==, "large");

  /* A parameter gone from the URL leaves the table. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "/pets/{petId}");
  g_assert_null (rc_test_gui_find_parameter_row (GTK_WIDGET (fixture->window), "size"));
  g_assert_nonnull (rc_test_gui_find_parameter_row (GTK_WIDGET (fixture->window), "petId"));
}

/* Where the table says a parameter is: a placeholder after the URL's "?"
 * is in the query, however it is spaced, even one named in the path too. */
static void
test_parameter_location (Fixture       *fixture,
                         gconstpointer  data)
{
  RcMethod *method;
  GtkWidget *url_row;

  if (rc_test_gui_skip_without_display ())
    return;

  method = rc_api_find_method (rc_project_find_api (fixture->project, "Petstore"), "getPet");
  g_assert_true (rc_test_gui_wait (sidebar_shows_model_cb, fixture));
  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");

  url_row = rc_test_gui_get_widget (fixture->window, "method-url-row");
  gtk_editable_set_text (GTK_EDITABLE (url_row),
                         "/pets/{ petId }?q={ query }&size={size}&again={petId}");
  g_assert_cmpstr (parameter_location (fixture->window, "petId"), ==, "Path");
  g_assert_cmpstr (parameter_location (fixture->window, "query"), ==, "Query");
  g_assert_cmpstr (parameter_location (fixture->window, "size"), ==, "Query");

  /* Moved from the path to the query: the row says so. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "/pets?id={ petId }");
  g_assert_cmpstr (parameter_location (fixture->window, "petId"), ==, "Query");
  g_assert_null (rc_test_gui_find_parameter_row (GTK_WIDGET (fixture->window), "query"));
}

/* Typing a test value character by character, in the Test tab and in the
 * Request tab, while both show the same value: each sees what was typed
 * (this freed the value being shown, and garbled it or crashed). */
static void
test_type_test_value (Fixture       *fixture,
                      gconstpointer  data)
{
  RcMethod *method;
  RcPairList *values;
  GtkWidget *test_row;
  GtkWidget *request_row;

  if (rc_test_gui_skip_without_display ())
    return;

  method = rc_api_find_method (rc_project_find_api (fixture->project, "Petstore"), "getPet");
  values = rc_method_get_test_values (method);
  g_assert_true (rc_test_gui_wait (sidebar_shows_model_cb, fixture));
  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");

  test_row = rc_test_gui_find_titled_row (GTK_WIDGET (fixture->window), "test-value-row", "petId");
  request_row = rc_test_gui_find_parameter_row (GTK_WIDGET (fixture->window), "petId");
  g_assert_nonnull (test_row);
  g_assert_nonnull (request_row);

  gtk_editable_delete_text (GTK_EDITABLE (test_row), 0, -1);
  rc_test_gui_type_characters (test_row, "42");
  g_assert_cmpstr (rc_pair_list_lookup (values, "petId"), ==, "42");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_row)), ==, "42");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (request_row)), ==, "42");

  rc_test_gui_type_characters (request_row, "7é");
  g_assert_cmpstr (rc_pair_list_lookup (values, "petId"), ==, "427é");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_row)), ==, "427é");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (request_row)), ==, "427é");
}

static void
test_method_editor_body (Fixture       *fixture,
                         gconstpointer  data)
{
  RcMethod *method;
  GtkWidget *stack;
  GtkWidget *view;
  GtkWidget *type_row;
  GtkWidget *type_entry;
  GtkSourceBuffer *buffer;
  GtkSourceLanguage *language;
  GtkSourceStyleScheme *scheme;
  g_autoptr(RcTestServer) server = NULL;
  g_autoptr(RcAuth) none = rc_auth_new ();
  g_autofree char *url = NULL;
  RcTestRequest *request;

  if (rc_test_gui_skip_without_display ())
    return;

  method = rc_api_find_method (rc_project_find_api (fixture->project, "Petstore"), "createPet");
  g_assert_nonnull (method);
  g_assert_true (rc_test_gui_wait (sidebar_shows_model_cb, fixture));
  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");

  stack = rc_test_gui_get_widget (fixture->window, "method-editor-stack");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "body");
  view = rc_test_gui_get_widget (fixture->window, "method-body-view");
  g_assert_true (GTK_SOURCE_IS_VIEW (view));
  g_assert_true (gtk_widget_get_mapped (view));
  buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));

  /* JSON highlighting, in the scheme of the style in use. */
  language = gtk_source_buffer_get_language (buffer);
  g_assert_nonnull (language);
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "json");
  scheme = gtk_source_buffer_get_style_scheme (buffer);
  g_assert_nonnull (scheme);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==,
                   adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "Adwaita-dark"
                                                                                 : "Adwaita");

  /* Typing reaches the method once it pauses, not key by key. */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), "{\"name\": \"Rex\"}", -1);
  g_assert_cmpstr (rc_method_get_body (method), !=, "{\"name\": \"Rex\"}");
  g_assert_true (rc_test_gui_wait (body_written_cb, method));
  g_assert_true (rc_project_get_dirty (fixture->project));

  /* Typed, then another tab at once (to press Test there): it is in the
   * method before that tab shows, not once the pause is over. */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), "{\"name\": \"Max\"}", -1);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "test");
  g_assert_cmpstr (rc_method_get_body (method), ==, "{\"name\": \"Max\"}");
  rc_test_gui_show_page (stack, "body");

  /* And the model drives the view. */
  rc_method_set_body (method, "[1, 2]");
  rc_test_gui_wait_for_text (view, "[1, 2]");
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
    text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (buffer), &start, &end, TRUE);
    g_assert_cmpstr (text, ==, "[1, 2]");
  }

  /* The content type: a common one, then a custom one typed in. */
  type_row = rc_test_gui_get_widget (fixture->window, "method-content-type-row");
  type_entry = rc_test_gui_get_widget (fixture->window, "method-content-type-entry");
  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), 3);
  g_assert_cmpstr (rc_method_get_content_type (method), ==, "application/xml");
  g_assert_cmpstr (gtk_source_language_get_id (gtk_source_buffer_get_language (buffer)), ==, "xml");
  g_assert_false (gtk_widget_get_visible (type_entry));

  adw_combo_row_set_selected (
    ADW_COMBO_ROW (type_row),
    g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (type_row))) - 1);
  g_assert_true (gtk_widget_get_visible (type_entry));
  gtk_editable_set_text (GTK_EDITABLE (type_entry), "application/vnd.pet+json");
  g_assert_cmpstr (rc_method_get_content_type (method), ==, "application/vnd.pet+json");
  g_assert_cmpstr (gtk_source_language_get_id (gtk_source_buffer_get_language (buffer)), ==,
                   "json");

  rc_method_set_content_type (method, "application/json");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (type_row)), ==, 1);
  g_assert_false (gtk_widget_get_visible (type_entry));

  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "method-body.png");

  /* Ctrl+Return's action shows the Test tab and runs the method, against
   * a server on loopback, without authentication. */
  server = rc_test_server_new (FALSE);
  server->handler = created_handler;
  url = rc_test_server_url (server, "/pets");
  rc_method_set_url (method, url);
  rc_method_set_auth (method, none);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), "{\"name\": \"Tom\"}", -1);
  g_assert_true (gtk_widget_activate_action (
    rc_test_gui_get_widget (fixture->window, "method-editor-stack"), "editor.run-test", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "test");
  /* What was typed reached the method before the test ran… */
  g_assert_cmpstr (rc_method_get_body (method), ==, "{\"name\": \"Tom\"}");
  rc_test_gui_wait_for_text (rc_test_gui_get_widget (fixture->window, "test-status-label"), "201");

  /* …and went over the wire. */
  g_assert_cmpuint (server->requests->len, ==, 1);
  request = rc_test_server_get_request (server, 0);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpmem (g_bytes_get_data (request->body, NULL), g_bytes_get_size (request->body),
                   "{\"name\": \"Tom\"}", strlen ("{\"name\": \"Tom\"}"));
}

static void
test_method_editor_checks (Fixture       *fixture,
                           gconstpointer  data)
{
  RcMethod *method;
  GtkWidget *root;
  GtkWidget *name_row;
  GtkWidget *url_row;
  g_autofree char *explanation = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  method = rc_api_find_method (rc_project_find_api (fixture->project, "Billing"), "listInvoices");
  g_assert_true (rc_test_gui_wait (sidebar_shows_model_cb, fixture));
  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");

  root = GTK_WIDGET (fixture->window);
  name_row = rc_test_gui_get_widget (fixture->window, "method-name-row");
  url_row = rc_test_gui_get_widget (fixture->window, "method-url-row");

  /* A valid method: no error shown. */
  rc_test_gui_assert_field_check (root, "method-name-row", NULL);
  rc_test_gui_assert_field_check (root, "method-url-row", NULL);

  /* An empty name is marked, with rc-check's explanation beneath it. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  explanation = rc_check_method_name (method);
  g_assert_nonnull (explanation);
  g_assert_cmpstr (rc_test_gui_assert_field_check (root, "method-name-row", explanation), ==,
                   explanation);

  gtk_editable_set_text (GTK_EDITABLE (name_row), "listInvoices");
  rc_test_gui_assert_field_check (root, "method-name-row", NULL);

  /* So is a malformed URL. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "/invoices?status={status");
  g_clear_pointer (&explanation, g_free);
  explanation = rc_check_method_url (method);
  g_assert_nonnull (explanation);
  g_assert_cmpstr (rc_test_gui_assert_field_check (root, "method-url-row", explanation), ==,
                   explanation);
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "method-invalid-url.png");

  gtk_editable_set_text (GTK_EDITABLE (url_row), "/invoices?status={status}");
  rc_test_gui_assert_field_check (root, "method-url-row", NULL);
}

static void
test_api_page_edits_model (Fixture       *fixture,
                           gconstpointer  data)
{
  RcApi *api;
  RcAuth *auth;
  GtkWidget *name_row;
  GtkWidget *kind_row;
  Expectation renamed = { fixture, "Pet Shop" };

  if (rc_test_gui_skip_without_display ())
    return;

  api = rc_project_find_api (fixture->project, "Petstore");
  auth = rc_api_get_auth (api);
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);

  g_assert_true (rc_test_gui_wait (sidebar_shows_model_cb, fixture));
  rc_test_gui_select_item (fixture->window, G_OBJECT (api));
  rc_test_gui_assert_page_shown (fixture->window, "api");

  name_row = rc_test_gui_get_widget (fixture->window, "api-name-row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Petstore");
  g_assert_cmpstr (gtk_editable_get_text (
                     GTK_EDITABLE (rc_test_gui_get_widget (fixture->window, "api-base-url-row"))),
                   ==, rc_api_get_base_url (api));

  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "api-page.png");

  /* The OAuth 2.0 rows are shown, the Basic one is not. */
  kind_row = rc_test_gui_get_widget (fixture->window, "auth-kind-row");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==,
                    RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);

  /* Typing in the page edits the model, which the sidebar follows. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Pet Shop");
  g_assert_cmpstr (rc_api_get_name (api), ==, "Pet Shop");
  g_assert_true (rc_project_get_dirty (fixture->project));
  g_assert_true (rc_test_gui_wait (sidebar_shows_text_cb, &renamed));

  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), RC_AUTH_KIND_BASIC);
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_BASIC);

  /* And the model drives the page. */
  rc_auth_set_kind (auth, RC_AUTH_KIND_NONE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, RC_AUTH_KIND_NONE);
}

static gboolean
project_clean_cb (gpointer data)
{
  return !rc_project_get_dirty (data);
}

static gboolean
title_is_dirty_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *title = rc_test_gui_find_named (GTK_WIDGET (fixture->window), "window-title");

  return g_str_has_prefix (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), "• ") &&
         g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "• ");
}

static void
test_rename_updates_sidebar_and_title (Fixture       *fixture,
                                       gconstpointer  data)
{
  RcApi *api;
  GtkWidget *title;
  GtkWidget *save_button;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  Expectation renamed = { fixture, "Billing v2" };

  if (rc_test_gui_skip_without_display ())
    return;

  title = rc_test_gui_get_widget (fixture->window, "window-title");
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "sample.restcall");
  g_assert_nonnull (
    strstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), "sample.restcall"));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), !=, "");
  g_assert_false (title_is_dirty_cb (fixture));

  g_assert_true (rc_test_gui_wait (sidebar_shows_model_cb, fixture));

  api = rc_project_find_api (fixture->project, "Billing");
  g_assert_nonnull (api);
  rc_api_set_name (api, "Billing v2");

  g_assert_true (rc_test_gui_wait (sidebar_shows_text_cb, &renamed));
  g_assert_true (rc_test_gui_wait (title_is_dirty_cb, fixture));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "• sample.restcall");

  /* Beside the title, a Save button while there is something to save; it
   * saves, and goes with the marker. */
  save_button = rc_test_gui_get_widget (fixture->window, "save-button");
  rc_test_gui_wait_for_frame (save_button);
  g_assert_true (gtk_widget_get_mapped (save_button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (save_button)), ==, "win.save");
  /* Folded, the content's header bar has one too, the sidebar's being out of sight. */
  g_assert_false (gtk_widget_get_visible (rc_test_gui_get_widget (fixture->window,
                                                                  "content-save-button")));
  rc_test_gui_resize (GTK_WINDOW (fixture->window), 360, 700);
  g_assert_true (gtk_widget_get_visible (rc_test_gui_get_widget (fixture->window,
                                                                 "content-save-button")));
  rc_test_gui_resize (GTK_WINDOW (fixture->window), 1000, 700);
  rc_test_gui_wait_for_frame (save_button);
  g_assert_true (gtk_widget_get_mapped (save_button));
  /* Into a folder of the test's: never over the sample. */
  dir = g_dir_make_tmp ("restcall-window-XXXXXX", NULL);
  g_assert_nonnull (dir);
  path = g_build_filename (dir, "sample.restcall", NULL);
  file = g_file_new_for_path (path);
  rc_project_set_file (fixture->project, file);
  g_signal_emit_by_name (save_button, "clicked");
  g_assert_true (rc_test_gui_wait (project_clean_cb, fixture->project));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "sample.restcall");
  g_assert_false (gtk_widget_get_visible (save_button));
  g_assert_false (gtk_widget_get_visible (rc_test_gui_get_widget (fixture->window,
                                                                  "content-save-button")));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_narrow_window (Fixture       *fixture,
                    gconstpointer  data)
{
  RcMethod *method;
  GtkWidget *window;
  int minimum;

  if (rc_test_gui_skip_without_display ())
    return;

  window = GTK_WIDGET (fixture->window);

  /* Nothing in the window asks for more than a phone's width (the window's
   * own decorations aside, which differ between X11 and Wayland). */
  gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("The window's content needs at least %d px", minimum);
  g_assert_cmpint (minimum, <=, 360);

  rc_test_gui_resize (GTK_WINDOW (fixture->window), 360, 640);
  g_assert_true (rc_test_gui_wait (sidebar_shows_model_cb, fixture));
  rc_test_gui_save_screenshot (window, "narrow-sidebar.png");

  method = rc_api_find_method (rc_project_find_api (fixture->project, "Billing"), "listInvoices");
  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  rc_test_gui_wait_for_transitions (window);
  /* Too narrow for the tabs in the header bar: they move to the bottom. */
  g_assert_true (rc_switcher_title_get_title_visible (RC_SWITCHER_TITLE (
                   rc_test_gui_get_widget (fixture->window, "method-switcher-title"))));
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (
    rc_test_gui_find_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_SWITCHER_BAR))));
  g_assert_cmpint (
    gtk_widget_get_width (rc_test_gui_get_widget (fixture->window, "method-url-row")), <=, 360);
  rc_test_gui_save_screenshot (window, "narrow-method.png");

  /* Back to the list, which lets go of the selection: once the list has
   * slid in, the content (off screen) shows no selection. Then an API. */
  g_signal_emit_by_name (rc_test_gui_get_widget (fixture->window, "back-button"), "clicked");
  rc_test_gui_wait_for_transitions (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (rc_test_gui_get_widget (fixture->window, "content-stack"))),
                   ==, "no-selection");
  g_assert_true (rc_test_gui_wait (sidebar_shows_model_cb, fixture));

  rc_test_gui_select_item (fixture->window,
                           G_OBJECT (rc_project_find_api (fixture->project, "Billing")));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  rc_test_gui_save_screenshot (window, "narrow-api.png");
}

typedef struct
{
  GtkWidget  *header;
  GtkWidget  *bar;
  const char *title;
} HeaderWait;

/* The label on screen at or below @root that reads @prefix and more, or NULL. */
static GtkLabel *
find_shown_label (GtkWidget  *root,
                  const char *prefix)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_shown_label (child, prefix);

      if (label != NULL)
        return label;
    }

  return NULL;
}

static gboolean
shows_whole (GtkWidget  *root,
             const char *text)
{
  GtkLabel *label = find_shown_label (root, text);

  return label != NULL && !pango_layout_is_ellipsized (gtk_label_get_layout (label));
}

/* The header bar shows the title, the marker first, and the four tabs,
 * none cut short; the bar at the bottom is hidden. */
static gboolean
header_shows_title_and_tabs_cb (gpointer data)
{
  HeaderWait *wait = data;
  const char *tabs[] = { "Request", "Headers", "Body", "Test" };

  if (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (wait->bar)) ||
      !shows_whole (wait->header, wait->title))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      if (!shows_whole (wait->header, tabs[i]))
        return FALSE;
    }

  return TRUE;
}

/* Whether fontconfig has the font family @family (and not a stand-in). */
static gboolean
has_font_family (const char *family)
{
  PangoFontFamily **families = NULL;
  int n_families = 0;
  gboolean found = FALSE;

  pango_font_map_list_families (pango_cairo_font_map_get_default (), &families, &n_families);
  for (int i = 0; i < n_families && !found; i++)
    found = g_ascii_strcasecmp (pango_font_family_get_name (families[i]), family) == 0;
  g_free (families);

  return found;
}

/* At the default size, with a wider font than GNOME's Cantarell (DejaVu
 * Sans, Debian's default outside GNOME: GTK's “Sans 10” is DejaVu Sans
 * there), the method's tabs stay in the header bar and the file's name
 * with its unsaved-changes marker stays beside them, both whole. */
static void
test_tabs_and_title_in_header (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *fonts[] = { "DejaVu Sans 10", "DejaVu Sans 11" };
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *font_before = NULL;
  g_autoptr(GFile) file = NULL;
  HeaderWait wait = { NULL };
  RcMethod *method;

  if (rc_test_gui_skip_without_display ())
    return;
  if (!has_font_family ("DejaVu Sans"))
    {
      g_test_skip ("DejaVu Sans is not installed (Debian package fonts-dejavu-core)");
      return;
    }

  /* Where a user keeps it: the folder in the title is ~/Projects (a
   * private HOME), whatever the build tree's path. Not saved yet. */
  file = g_file_new_build_filename (g_get_home_dir (), "Projects", "sample.restcall", NULL);
  rc_project_set_file (fixture->project, file);
  rc_project_set_dirty (fixture->project, TRUE);

  method = rc_api_find_method (rc_project_find_api (fixture->project, "Billing"), "listInvoices");
  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");

  wait.header = gtk_widget_get_ancestor (
    rc_test_gui_get_widget (fixture->window, "method-switcher-title"), ADW_TYPE_HEADER_BAR);
  wait.bar = rc_test_gui_find_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_SWITCHER_BAR);
  wait.title = "• sample.restcall";
  g_assert_nonnull (wait.header);
  g_assert_nonnull (wait.bar);

  g_object_get (settings, "gtk-font-name", &font_before, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    {
      g_autofree char *shot = g_strdup_printf ("window-tabs-%u.png", i);

      g_object_set (settings, "gtk-font-name", fonts[i], NULL);
      rc_test_gui_resize (GTK_WINDOW (fixture->window), 1000, 700);
      if (!rc_test_gui_wait (header_shows_title_and_tabs_cb, &wait))
        {
          g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *joined = NULL;

          rc_test_gui_collect_shown_labels (wait.header, shown);
          g_ptr_array_add (shown, NULL);
          joined = g_strjoinv ("”, “", (char **) shown->pdata);
          g_error ("With %s at 1000×700, the header bar shows “%s”, the tabs %s", fonts[i], joined,
                   adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (wait.bar))
                     ? "at the bottom"
                     : "in it");
        }
      rc_test_gui_wait_for_transitions (GTK_WIDGET (fixture->window));
      g_assert_true (header_shows_title_and_tabs_cb (&wait));
      rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), shot);
    }

  /* Narrow: the title alone in the header bar, the tabs at the bottom. */
  rc_test_gui_resize (GTK_WINDOW (fixture->window), 700, 700);
  rc_test_gui_wait_for_transitions (GTK_WIDGET (fixture->window));
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (wait.bar)));
  g_assert_true (shows_whole (wait.header, wait.title));

  g_object_set (settings, "gtk-font-name", font_before, NULL);
}

/* Whether @model (or a section of it) has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static gboolean
popover_shown_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_consume_entry_points (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *sidebar;
  GtkWidget *popover;
  GtkWidget *button;
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;
  GSList *objects;
  gboolean listed = FALSE;

  if (rc_test_gui_skip_without_display ())
    return;

  /* The header bar's one Add menu offers it, with the other ways to add;
   * the button says what it is to a screen reader. */
  button = rc_test_gui_get_widget (fixture->window, "add-menu-button");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Add");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Add");
  {
    GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    GtkWidget *primary = rc_test_gui_get_widget (fixture->window, "primary-menu-button");
    GMenuModel *primary_menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (primary));

    g_assert_true (menu_has_action (menu, "win.consume"));
    g_assert_true (menu_has_action (menu, "win.import-openapi"));
    g_assert_true (menu_has_action (menu, "win.add-api"));
    g_assert_true (menu_has_action (menu, "win.add-method"));
    /* In one place only. */
    g_assert_false (menu_has_action (primary_menu, "win.consume"));
    g_assert_false (menu_has_action (primary_menu, "win.import-openapi"));
  }

  /* The sidebar's context menu (Shift+F10, Menu, right click) offers it,
   * for the API it was opened on. */
  sidebar = rc_test_gui_find_of_type (GTK_WIDGET (fixture->window), RC_TYPE_SIDEBAR);
  g_assert_nonnull (sidebar);
  popover = rc_test_gui_get_widget (fixture->window, "sidebar-context-menu");
  g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)),
                                  "win.consume-here"));
  g_assert_false (gtk_widget_get_mapped (popover));
  g_assert_true (gtk_widget_activate_action (sidebar, "sidebar.popup-menu", NULL));
  g_assert_true (rc_test_gui_wait (popover_shown_cb, popover));
  rc_test_gui_save_screenshot (popover, "sidebar-context-menu.png");
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* The shortcuts window lists it. */
  builder = gtk_builder_new_from_resource ("/io/github/restcall/Restcall/rc-help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        {
          g_autofree char *action = NULL;

          g_object_get (l->data, "action-name", &action, NULL);
          listed |= g_strcmp0 (action, "win.consume") == 0;
        }
    }
  g_slist_free (objects);
  g_assert_true (listed);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_close_asks_about_unsaved_changes (Fixture       *fixture,
                                       gconstpointer  data)
{
  AdwMessageDialog *dialog;

  if (rc_test_gui_skip_without_display ())
    return;

  rc_api_set_name (rc_project_get_api (fixture->project, 0), "Changed");
  g_assert_true (rc_project_get_dirty (fixture->project));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);

  /* Cancel keeps the window and the changes. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "sample.restcall"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  rc_test_gui_respond (dialog, "cancel");
  /* Whatever the answer queued has run: the window stays. */
  rc_test_gui_wait_for_idle ();
  g_assert_nonnull (fixture->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_true (rc_project_get_dirty (fixture->project));

  /* Discard closes it. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  rc_test_gui_respond (rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window)), "discard");
  rc_test_gui_wait_gone (&fixture->window);
}

static void
test_failed_save_keeps_changes (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-restcall-dir/sample.restcall");
  AdwMessageDialog *dialog;
  RcApi *api;

  if (rc_test_gui_skip_without_display ())
    return;

  api = rc_project_get_api (fixture->project, 0);
  rc_api_set_name (api, "Typed by hand");
  rc_project_set_file (fixture->project, nowhere);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  dialog = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Project");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  rc_test_gui_respond (dialog, "close");

  /* Nothing typed is lost, and the window still says it is unsaved. */
  g_assert_cmpstr (rc_api_get_name (api), ==, "Typed by hand");
  g_assert_true (rc_project_get_dirty (fixture->project));
  g_assert_true (title_is_dirty_cb (fixture));
}

static gboolean
dialog_mapped_cb (gpointer data)
{
  return *(GtkWidget **) data != NULL && gtk_widget_get_mapped (*(GtkWidget **) data);
}

/* A Consume dialog for the window, open, with a weak pointer to it. */
static RcMethodDialog *
open_method_dialog (Fixture         *fixture,
                    RcMethodDialog **dialog)
{
  *dialog = RC_METHOD_DIALOG (rc_method_dialog_new (GTK_WINDOW (fixture->window),
                                                    rc_test_gui_get_context (), fixture->project,
                                                    NULL));
  g_object_add_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
  gtk_window_present (GTK_WINDOW (*dialog));
  g_assert_true (rc_test_gui_wait (dialog_mapped_cb, dialog));

  return *dialog;
}

static void
test_close_keeps_dialog_edits (Fixture       *fixture,
                               gconstpointer  data)
{
  RcMethodDialog *dialog = NULL;
  AdwMessageDialog *question;
  GtkWidget *name_row;

  if (rc_test_gui_skip_without_display ())
    return;

  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  open_method_dialog (fixture, &dialog);
  name_row = rc_test_gui_find_named (GTK_WIDGET (dialog), "method-name-row");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "typedByHand");

  /* Closing the window asks about the dialog's method first; keeping it
   * keeps the dialog, what was typed, and the window. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  question = rc_test_gui_wait_for_dialog (GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Discard This Method?");
  rc_test_gui_respond (question, "keep");
  /* Whatever the answer queued has run: the dialog and the window stay. */
  rc_test_gui_wait_for_idle ();
  g_assert_nonnull (fixture->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "typedByHand");
  g_assert_cmpstr (rc_method_get_name (rc_method_dialog_get_method (dialog)), ==, "typedByHand");

  /* Discarding closes the dialog; the window stays for the user to close. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  rc_test_gui_respond (rc_test_gui_wait_for_dialog (GTK_WINDOW (dialog)), "discard");
  rc_test_gui_wait_gone (&dialog);
  g_assert_nonnull (fixture->window);
  g_assert_false (rc_project_get_dirty (fixture->project));

  /* A dialog with nothing typed goes with the window, without a question. */
  open_method_dialog (fixture, &dialog);
  gtk_window_close (GTK_WINDOW (fixture->window));
  rc_test_gui_wait_gone (&dialog);
  rc_test_gui_wait_gone (&fixture->window);
}

/* Never answers: the call is in flight when the window goes. */
static void
silent_handler (RcTestServer      *server,
                SoupServerMessage *message,
                const char        *path,
                gpointer           user_data)
{
  soup_server_message_pause (message);
}

static gboolean
token_requested_cb (gpointer data)
{
  return ((RcTestServer *) data)->requests->len > 0;
}

/* Petstore's getPet, its OAuth 2.0 token from @auth_server (its secret
 * in the keyring), shown on the Test tab; Test pressed. */
static void
start_test (Fixture      *fixture,
            RcTestServer *auth_server,
            RcTestServer *api_server)
{
  g_autofree char *token_url = rc_test_server_url (auth_server, "/token");
  g_autofree char *base_url = rc_test_server_url (api_server, "/v1");
  RcApi *api = rc_project_find_api (fixture->project, "Petstore");
  RcAuth *auth = rc_api_get_auth (api);
  RcMethod *method = rc_api_find_method (api, "getPet");
  GtkWidget *stack;
  g_autoptr(RcSecretBinding) binding = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_token_url (auth, token_url);
  rc_api_set_base_url (api, base_url);
  binding = rc_secret_binding_new_for_api (api);
  rc_test_keyring_store (rc_test_gui_get_secret_store (), rc_project_get_id (fixture->project),
                         rc_api_get_id (api), rc_auth_get_secret_id (auth), binding,
                         "petstore-secret", &error);
  g_assert_no_error (error);

  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  stack = rc_test_gui_get_widget (fixture->window, "method-editor-stack");
  rc_test_gui_show_page (stack, "test");
  g_signal_emit_by_name (rc_test_gui_get_widget (fixture->window, "test-button"), "clicked");
}

/* Destroys the window while its test panel is still at work, and waits
 * (bounded) until the panel is gone: what held it, the call and the
 * keyring lookup it waited for, has ended and been dropped. */
static void
destroy_window_at_work (Fixture *fixture)
{
  GtkWidget *panel = rc_test_gui_find_of_type (GTK_WIDGET (fixture->window), RC_TYPE_TEST_PANEL);

  g_assert_nonnull (panel);
  g_object_add_weak_pointer (G_OBJECT (panel), (gpointer *) &panel);
  rc_test_gui_destroy_window (&fixture->window);
  rc_test_gui_wait_gone (&panel);
  g_assert_true (rc_test_keyring_wait_idle (rc_test_gui_get_secret_store ()));
}

static void
test_destroy_during_token_request (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(RcTestServer) auth_server = rc_test_server_new (FALSE);
  g_autoptr(RcTestServer) api_server = rc_test_server_new (FALSE);

  if (rc_test_gui_skip_without_display ())
    return;

  auth_server->handler = silent_handler;
  api_server->handler = silent_handler;
  start_test (fixture, auth_server, api_server);

  /* The token request is at the server, unanswered: the window goes. */
  g_assert_true (rc_test_gui_wait (token_requested_cb, auth_server));
  g_assert_true (
    gtk_widget_get_visible (rc_test_gui_get_widget (fixture->window, "test-cancel-button")));

  /* Whatever comes back finds nothing gone (criticals are fatal here). */
  destroy_window_at_work (fixture);
  g_assert_cmpuint (api_server->requests->len, ==, 0);
}

static void
test_destroy_during_secret_lookup (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(RcTestServer) auth_server = rc_test_server_new (FALSE);
  g_autoptr(RcTestServer) api_server = rc_test_server_new (FALSE);

  if (rc_test_gui_skip_without_display ())
    return;

  auth_server->handler = silent_handler;
  api_server->handler = silent_handler;
  start_test (fixture, auth_server, api_server);

  /* At once: the keyring has not answered yet. */
  destroy_window_at_work (fixture);
  g_assert_cmpuint (auth_server->requests->len, ==, 0);
}

/* The password entry of the API page, or of the method editor. */
static GtkWidget *
get_api_secret_row (RcWindow *window)
{
  GtkWidget *page = rc_test_gui_find_of_type (GTK_WIDGET (window), RC_TYPE_API_PAGE);

  g_assert_nonnull (page);

  return rc_test_gui_find_named (page, "auth-secret-row");
}

static GtkWidget *
get_method_secret_row (RcWindow *window)
{
  return rc_test_gui_find_named (rc_test_gui_get_widget (window, "method-editor-stack"),
                                 "auth-secret-row");
}

/* Types @secret in @row as a user would, the focus in it, without Enter. */
static RcAuthGroup *
type_secret (GtkWidget  *row,
             const char *secret)
{
  g_assert_nonnull (row);
  rc_test_gui_wait_for_frame (row);
  gtk_widget_grab_focus (row);
  g_assert_true (gtk_widget_has_focus (row) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (row)), row));
  gtk_editable_set_text (GTK_EDITABLE (row), secret);

  return RC_AUTH_GROUP (gtk_widget_get_ancestor (row, RC_TYPE_AUTH_GROUP));
}

static gboolean
pointer_cleared_cb (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Nothing of the app's is on its way to the keyring. */
static gboolean
secrets_idle_cb (gpointer data)
{
  return !rc_secret_store_get_busy (rc_test_gui_get_secret_store ());
}

/* Waits (bounded) for the keyring, seen from a store of its own, to hold
 * @wanted under @secret_id. */
static void
assert_keyring_has (const char *project_id,
                    const char *secret_id,
                    const char *wanted)
{
  g_autoptr(RcSecretStore) elsewhere = rc_secret_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  g_assert_cmpstr (secret_id, !=, "");
  if (!rc_test_keyring_wait_for (elsewhere, project_id, secret_id, wanted))
    {
      found = rc_test_keyring_lookup (elsewhere, project_id, secret_id, &error);
      g_error ("The keyring has %s under %s, not “%s” (%s)", found ? found : "nothing",
               secret_id, wanted, error ? error->message : "no error");
    }
}

static void
clear_keyring (const char *project_id,
               const char *secret_id)
{
  g_autoptr(RcSecretStore) elsewhere = rc_secret_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  rc_test_keyring_clear (elsewhere, project_id, secret_id, &error);
  g_assert_no_error (error);
  found = rc_test_keyring_lookup (elsewhere, project_id, secret_id, &error);
  g_assert_no_error (error);
  g_assert_null (found);
}

static void
test_close_stores_api_secret (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *project_id = NULL;
  g_autofree char *secret_id = NULL;
  RcAuthGroup *group;
  RcApi *api;

  if (rc_test_gui_skip_without_display ())
    return;

  api = rc_project_find_api (fixture->project, "Petstore");
  project_id = g_strdup (rc_project_get_id (fixture->project));
  secret_id = g_strdup (rc_auth_get_secret_id (rc_api_get_auth (api)));
  clear_keyring (project_id, secret_id);

  rc_test_gui_select_item (fixture->window, G_OBJECT (api));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  group = type_secret (get_api_secret_row (fixture->window), "typed-then-closed");
  g_assert_true (rc_auth_group_has_pending_secret (group));
  g_object_add_weak_pointer (G_OBJECT (group), (gpointer *) &group);

  /* Closed with the focus still in the entry: the secret is kept. The
   * auth already has its reference: nothing to save, no question. */
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_close (GTK_WINDOW (fixture->window));
  rc_test_gui_wait_gone (&fixture->window);
  g_assert_false (rc_project_get_dirty (fixture->project));

  /* The store ends after the window has gone, and nothing keeps the group. */
  assert_keyring_has (project_id, secret_id, "typed-then-closed");
  if (!rc_test_gui_wait (pointer_cleared_cb, &group))
    g_error ("The auth group is still alive after its store ended");
}

static void
test_close_stores_method_secret (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();
  g_autofree char *project_id = NULL;
  RcAuthGroup *group;
  AdwMessageDialog *question;
  RcMethod *method;
  GtkWidget *stack;

  if (rc_test_gui_skip_without_display ())
    return;

  /* A method with authentication of its own, whose secret has no
   * reference in the project yet. */
  method = rc_api_find_method (rc_project_find_api (fixture->project, "Billing"), "createInvoice");
  rc_auth_set_kind (auth, RC_AUTH_KIND_BASIC);
  rc_auth_set_username (auth, "method-user");
  rc_method_set_auth (method, auth);
  rc_project_set_dirty (fixture->project, FALSE);
  project_id = g_strdup (rc_project_get_id (fixture->project));
  g_assert_cmpstr (rc_auth_get_secret_id (auth), ==, "");

  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  stack = rc_test_gui_get_widget (fixture->window, "method-editor-stack");
  rc_test_gui_show_page (stack, "headers");
  group = type_secret (get_method_secret_row (fixture->window), "method-typed-then-closed");
  g_assert_true (group == rc_method_editor_get_auth_group (RC_METHOD_EDITOR (
                            gtk_widget_get_ancestor (stack, RC_TYPE_METHOD_EDITOR))));
  g_object_add_weak_pointer (G_OBJECT (group), (gpointer *) &group);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);

  /* Closing stores it, which gives the auth a reference to save: the
   * unsaved-changes question comes, as for any field typed. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_cmpstr (rc_auth_get_secret_id (auth), !=, "");
  g_assert_true (rc_project_get_dirty (fixture->project));
  question = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window));
  rc_test_gui_respond (question, "discard");
  rc_test_gui_wait_gone (&fixture->window);

  assert_keyring_has (project_id, rc_auth_get_secret_id (auth), "method-typed-then-closed");
  if (!rc_test_gui_wait (pointer_cleared_cb, &group))
    g_error ("The auth group is still alive after its store ended");
}

static void
test_selection_stores_secret (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();
  RcApi *petstore;
  RcMethod *method;
  const char *project_id;
  const char *api_secret_id;
  RcAuthGroup *group;

  if (rc_test_gui_skip_without_display ())
    return;

  petstore = rc_project_find_api (fixture->project, "Petstore");
  method = rc_api_find_method (rc_project_find_api (fixture->project, "Billing"), "createInvoice");
  project_id = rc_project_get_id (fixture->project);
  api_secret_id = rc_auth_get_secret_id (rc_api_get_auth (petstore));

  clear_keyring (project_id, api_secret_id);
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "method-client");
  rc_auth_ensure_secret_id (auth);
  rc_method_set_auth (method, auth);
  clear_keyring (project_id, rc_auth_get_secret_id (auth));

  /* The API's secret typed; another item selected in the sidebar, the
   * focus still in the entry: the secret goes with the API it was for. */
  rc_test_gui_select_item (fixture->window, G_OBJECT (petstore));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  group = type_secret (get_api_secret_row (fixture->window), "api-typed-then-left");
  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  g_assert_false (rc_auth_group_has_pending_secret (group));
  assert_keyring_has (project_id, api_secret_id, "api-typed-then-left");

  /* The method's, then a keyboard shortcut's new API, the focus still in
   * the entry. */
  rc_test_gui_show_page (rc_test_gui_get_widget (fixture->window, "method-editor-stack"),
                         "headers");
  group = type_secret (get_method_secret_row (fixture->window), "method-typed-then-left");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-api", NULL));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  g_assert_false (rc_auth_group_has_pending_secret (group));
  assert_keyring_has (project_id, rc_auth_get_secret_id (auth), "method-typed-then-left");

  /* Nothing is left on its way to the keyring when the fixture closes. */
  if (!rc_test_gui_wait (secrets_idle_cb, NULL))
    g_error ("The method's secret is still being stored");
}

static gboolean
drawable_cb (gpointer data)
{
  return gtk_widget_is_drawable (data);
}

/* Saves the project with win.save, as Ctrl+S does, and reads the file back. */
static RcProject *
save_and_load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RcProject *saved;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  g_assert_true (rc_test_gui_wait (project_clean_cb, fixture->project));
  saved = rc_project_load (rc_project_get_file (fixture->project), NULL, &error);
  g_assert_no_error (error);

  return saved;
}

/* Ctrl+S right after typing saves what was typed: the body, which reaches
 * the method only once the typing pauses, and a secret typed without
 * Enter, whose store gives the auth the reference the file keeps. */
static void
test_save_commits_typed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();
  g_autoptr(RcProject) saved = NULL;
  g_autoptr(RcProject) saved_again = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  RcMethod *method;
  RcMethod *saved_method;
  GtkWidget *stack;
  GtkWidget *view;
  GtkWidget *secret_row;

  if (rc_test_gui_skip_without_display ())
    return;

  dir = g_dir_make_tmp ("restcall-window-XXXXXX", NULL);
  g_assert_nonnull (dir);
  path = g_build_filename (dir, "typed.restcall", NULL);
  file = g_file_new_for_path (path);
  rc_project_set_file (fixture->project, file);

  /* A method with a Basic authentication of its own, and no secret yet. */
  method = rc_api_find_method (rc_project_find_api (fixture->project, "Billing"), "createInvoice");
  rc_auth_set_kind (auth, RC_AUTH_KIND_BASIC);
  rc_auth_set_username (auth, "method-user");
  rc_method_set_auth (method, auth);
  g_assert_cmpstr (rc_auth_get_secret_id (auth), ==, "");
  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  stack = rc_test_gui_get_widget (fixture->window, "method-editor-stack");

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "body");
  view = rc_test_gui_get_widget (fixture->window, "method-body-view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "{\"typed\": \"just now\"}", -1);
  saved = save_and_load (fixture);
  saved_method = rc_api_find_method (rc_project_find_api (saved, "Billing"), "createInvoice");
  g_assert_cmpstr (rc_method_get_body (saved_method), ==, "{\"typed\": \"just now\"}");

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "headers");
  secret_row = get_method_secret_row (fixture->window);
  g_assert_true (rc_test_gui_wait (drawable_cb, secret_row));
  type_secret (secret_row, "typed-then-saved");
  saved_again = save_and_load (fixture);
  saved_method = rc_api_find_method (rc_project_find_api (saved_again, "Billing"), "createInvoice");
  g_assert_cmpstr (rc_auth_get_secret_id (auth), !=, "");
  g_assert_cmpstr (rc_auth_get_secret_id (rc_method_get_auth (saved_method)), ==,
                   rc_auth_get_secret_id (auth));
  assert_keyring_has (rc_project_get_id (fixture->project), rc_auth_get_secret_id (auth),
                      "typed-then-saved");
  if (!rc_test_gui_wait (secrets_idle_cb, NULL))
    g_error ("The method's secret is still being stored");
  clear_keyring (rc_project_get_id (fixture->project), rc_auth_get_secret_id (auth));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Save Response… from the Test tab; the chooser must start in @folder. */
static void
assert_save_starts_in (RcWindow *window,
                       GFile    *folder)
{
  GtkWindow *chooser;
  g_autoptr(GFile) shown = NULL;

  g_assert_true (
    gtk_widget_activate_action (rc_test_gui_get_widget (window, "test-button"), "test.save", NULL));
  chooser = rc_test_gui_wait_for_file_chooser ();
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  if (!rc_test_gui_wait_for_chooser_folder (chooser, folder))
    {
      shown = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
      g_error ("Save Response… starts in %s, not in the project's folder %s",
               shown ? g_file_peek_path (shown) : "(none)", g_file_peek_path (folder));
    }

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  if (!rc_test_gui_wait (pointer_cleared_cb, &chooser))
    g_error ("The file chooser stays after Cancel");
}

static void
test_save_response_in_project_folder (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(RcTestServer) server = rc_test_server_new (FALSE);
  g_autoptr(RcAuth) none = rc_auth_new ();
  g_autoptr(GFile) sample_folder = NULL;
  g_autoptr(GFile) other_file = NULL;
  g_autoptr(GFile) other_folder = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *url = NULL;
  RcMethod *method;
  GtkWidget *stack;

  if (rc_test_gui_skip_without_display ())
    return;

  server->handler = created_handler;
  url = rc_test_server_url (server, "/invoices");
  method = rc_api_find_method (rc_project_find_api (fixture->project, "Billing"), "createInvoice");
  rc_method_set_url (method, url);
  rc_method_set_auth (method, none);

  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  stack = rc_test_gui_get_widget (fixture->window, "method-editor-stack");
  rc_test_gui_show_page (stack, "test");
  g_signal_emit_by_name (rc_test_gui_get_widget (fixture->window, "test-button"), "clicked");
  rc_test_gui_wait_for_text (rc_test_gui_get_widget (fixture->window, "test-status-label"), "201");

  /* The project's file is tests/data/sample.restcall. */
  sample_folder = g_file_get_parent (rc_project_get_file (fixture->project));
  assert_save_starts_in (fixture->window, sample_folder);

  /* Saved elsewhere, the project takes its folder along. */
  dir = g_dir_make_tmp ("restcall-window-XXXXXX", NULL);
  g_assert_nonnull (dir);
  other_folder = g_file_new_for_path (dir);
  other_file = g_file_get_child (other_folder, "moved.restcall");
  rc_project_set_file (fixture->project, other_file);
  assert_save_starts_in (fixture->window, other_folder);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Saving over a read-only file asks first: Cancel and Save As… leave it
 * as it is; Save Anyway replaces it, and it stays read-only. (Root's save
 * replaced it without a word.) */
static void
test_save_asks_before_replacing_read_only (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *chooser;
  GStatBuf st;
  guint refs;

  if (rc_test_gui_skip_without_display ())
    return;

  dir = g_dir_make_tmp ("restcall-window-XXXXXX", NULL);
  g_assert_nonnull (dir);
  path = g_build_filename (dir, "locked.restcall", NULL);
  file = g_file_new_for_path (path);
  original = rc_project_serialize (fixture->project);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (original, NULL),
                                      g_bytes_get_size (original), NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  rc_project_set_file (fixture->project, file);
  rc_api_set_name (rc_project_get_api (fixture->project, 0), "Typed by hand");

  /* Cancel: nothing written, nothing lost, once every save the window
   * started has ended (each holds the project). */
  refs = G_OBJECT (fixture->project)->ref_count;
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  dialog = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window));
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog),
                  adw_message_dialog_get_body (dialog));
  g_assert_nonnull (
    strstr (adw_message_dialog_get_heading (dialog), "“locked.restcall” Is Read-Only"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save-as");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "save-anyway"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  rc_test_gui_respond (dialog, "cancel");
  g_assert_true (rc_test_gui_wait_for_refs (fixture->project, refs));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, g_bytes_get_data (original, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (rc_project_get_dirty (fixture->project));
  g_assert_true (title_is_dirty_cb (fixture));

  /* Save As… offers another file; cancelled, nothing changes either. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  rc_test_gui_respond (rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window)), "save-as");
  chooser = rc_test_gui_wait_for_file_chooser ();
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_assert_true (rc_test_gui_wait (pointer_cleared_cb, &chooser));
  g_assert_true (rc_project_get_dirty (fixture->project));

  /* Save Anyway: replaced, and still read-only. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  rc_test_gui_respond (rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->window)), "save-anyway");
  g_assert_true (rc_test_gui_wait (project_clean_cb, fixture->project));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"name\" : \"Typed by hand\""));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The label under @root that reads @text, if any. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_empty_state (void)
{
  Fixture fixture = { 0 };
  GtkWidget *title;
  Expectation new_api = { &fixture, NULL };
  GtkWidget *add_menu;
  GtkWidget *item;

  if (rc_test_gui_skip_without_display ())
    return;

  fixture.project = rc_project_new ();
  fixture.window = rc_test_gui_present_window (fixture.project, 1000, 700);

  rc_test_gui_assert_page_shown (fixture.window, "empty");
  title = rc_test_gui_get_widget (fixture.window, "window-title");
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "Untitled Project");
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture.window), "empty-project.png");

  /* No API to add a method to: the Add menu's Add Method is off. */
  add_menu = rc_test_gui_get_widget (fixture.window, "add-menu-button");
  gtk_menu_button_popup (GTK_MENU_BUTTON (add_menu));
  g_assert_true (rc_test_gui_wait (popover_shown_cb,
                                   gtk_menu_button_get_popover (GTK_MENU_BUTTON (add_menu))));
  item = find_label (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add_menu))),
                     "Add Method");
  g_assert_nonnull (item);
  g_assert_false (gtk_widget_is_sensitive (item));
  g_assert_true (gtk_widget_is_sensitive (
    find_label (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add_menu))),
                "Add API")));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (add_menu));

  /* The status page offers to consume an API, or to add an empty one. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (
                     rc_test_gui_get_widget (fixture.window, "empty-consume-button"))),
                   ==, "win.consume");

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (
                     rc_test_gui_get_widget (fixture.window, "empty-import-button"))),
                   ==, "win.import-openapi");

  /* The Add menu's Add API adds an API and shows it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.add-api", NULL));
  g_assert_cmpuint (rc_project_get_n_apis (fixture.project), ==, 1);
  rc_test_gui_assert_page_shown (fixture.window, "api");

  new_api.text = rc_api_get_name (rc_project_get_api (fixture.project, 0));
  g_assert_true (rc_test_gui_wait (sidebar_shows_text_cb, &new_api));
  g_assert_true (rc_test_gui_wait (title_is_dirty_cb, &fixture));

  /* Adding a method puts it under the selected API. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.add-method", NULL));
  g_assert_cmpuint (rc_api_get_n_methods (rc_project_get_api (fixture.project, 0)), ==, 1);
  rc_test_gui_assert_page_shown (fixture.window, "method");
  g_assert_true (gtk_widget_is_sensitive (item));

  fixture_tear_down (&fixture, NULL);
}

/* The API page and the method editor are built the first time they are
 * shown, not with the window; once built, each shows whatever is selected. */
static gboolean
source_warmed_up_cb (gpointer data)
{
  return rc_source_warm_up_is_done ();
}

/* Once a window is drawn, GtkSourceView's definitions are read in the
 * background, so the first method shown need not read them; no page is
 * built for it. */
static void
test_source_warmed_up_after_frame (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);

  if (rc_test_gui_skip_without_display ())
    return;

  g_assert_true (rc_test_gui_wait (source_warmed_up_cb, NULL));
  g_assert_null (rc_test_gui_find_of_type (root, RC_TYPE_METHOD_EDITOR));
  g_assert_null (rc_test_gui_find_of_type (root, RC_TYPE_API_PAGE));
}

static gboolean
widget_has_focus_within_cb (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A method says which API it is in, shows the headers its API adds, which
 * link to them; one that uses its API's authentication links to it: its row, on Headers & Auth, goes to the
 * API's page with the secret's entry focused (not in the Consume dialog,
 * which would be left: test-gui-method-dialog.c). */
static void
test_inherited_auth_links_to_api (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  RcApi *api;
  RcMethod *method;
  GtkWidget *row;
  GtkWidget *page;
  GtkWidget *group;
  GtkWidget *editor;
  GtkWidget *inherited;
  GtkWidget *header_row;

  if (rc_test_gui_skip_without_display ())
    return;

  api = rc_project_find_api (fixture->project, "Petstore");
  method = rc_api_find_method (api, "getPet");
  g_assert_null (rc_method_get_auth (method));

  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");

  /* The method says which API it is in, and follows a rename. */
  group = rc_test_gui_get_named (root, "method-group");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "In the API “Petstore”");
  rc_api_set_name (api, "Pets");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "In the API “Pets”");

  /* Its API's headers are shown under its own, read only; one goes to
   * the API's headers. */
  editor = rc_test_gui_find_of_type (root, RC_TYPE_METHOD_EDITOR);
  inherited = rc_test_gui_get_named (editor, "headers-inherited-list");
  g_assert_true (gtk_widget_get_visible (inherited));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rc_test_gui_get_named (
                     editor, "headers-inherited-label"))),
                   ==, "Also sent, as every method of “Pets” sends them:");
  header_row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (inherited), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (header_row)), ==, "Accept");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (header_row)), ==,
                   "application/json");
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (inherited), 1));
  rc_test_gui_show_page (rc_test_gui_get_widget (fixture->window, "method-editor-stack"),
                         "headers");
  rc_test_gui_save_screenshot (root, "method-inherited-headers.png");
  gtk_widget_activate (header_row);
  rc_test_gui_assert_page_shown (fixture->window, "api");
  page = rc_test_gui_find_of_type (root, RC_TYPE_API_PAGE);
  g_assert_true (rc_test_gui_wait (widget_has_focus_within_cb,
                                   rc_test_gui_get_named (page, "headers-list")));
  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");

  row = rc_test_gui_get_named (editor, "auth-inherited-row");
  g_assert_true (gtk_widget_get_visible (row));
  /* It names the API as it is now. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "“Pets” uses OAuth 2.0: client credentials.");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  gtk_widget_activate (row);
  rc_test_gui_assert_page_shown (fixture->window, "api");
  page = rc_test_gui_find_of_type (root, RC_TYPE_API_PAGE);
  g_assert_true (rc_api_page_get_api (RC_API_PAGE (page)) == api);
  g_assert_true (rc_test_gui_wait (widget_has_focus_within_cb,
                                   rc_test_gui_get_named (page, "auth-secret-row")));
}

/* Where, across the window, the widget named @name (or its ancestor of
 * @type, if not 0) on tab @tab of the method editor is, once shown. */
static graphene_rect_t
tab_bounds (Fixture    *fixture,
            const char *tab,
            const char *name,
            GType       type)
{
  GtkWidget *widget;
  graphene_rect_t bounds;

  rc_test_gui_show_page (rc_test_gui_get_widget (fixture->window, "method-editor-stack"), tab);
  widget = rc_test_gui_get_widget (fixture->window, name);
  if (type != 0)
    widget = gtk_widget_get_ancestor (widget, type);
  g_assert_nonnull (widget);
  rc_test_gui_wait_for_frame (widget);
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (fixture->window), &bounds));
  g_test_message ("%s: %s at %.0f, %.0f px wide", tab, name, bounds.origin.x, bounds.size.width);

  return bounds;
}

/* Every tab of a method, and the API's page, start and end their groups
 * at the same two edges, wide and narrow. */
static void
test_one_content_width (Fixture       *fixture,
                        gconstpointer  data)
{
  const int widths[] = { 1280, 1000, 360 };
  RcApi *api = rc_project_find_api (fixture->project, "Petstore");

  if (rc_test_gui_skip_without_display ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      graphene_rect_t tabs[4], api_group;
      GtkWidget *name_row;

      rc_test_gui_resize (GTK_WINDOW (fixture->window), widths[i], 800);
      rc_test_gui_select_item (fixture->window, G_OBJECT (rc_api_find_method (api, "getPet")));
      rc_test_gui_assert_page_shown (fixture->window, "method");
      tabs[0] = tab_bounds (fixture, "request", "method-group", 0);
      tabs[1] = tab_bounds (fixture, "headers", "auth-kind-row", ADW_TYPE_PREFERENCES_GROUP);
      tabs[2] = tab_bounds (fixture, "body", "method-content-type-row", GTK_TYPE_LIST_BOX);
      tabs[3] = tab_bounds (fixture, "test", "test-value-row", ADW_TYPE_PREFERENCES_GROUP);
      for (guint t = 1; t < G_N_ELEMENTS (tabs); t++)
        {
          g_assert_cmpfloat (tabs[t].origin.x, ==, tabs[0].origin.x);
          g_assert_cmpfloat (tabs[t].size.width, ==, tabs[0].size.width);
        }
      g_assert_cmpfloat (tabs[0].size.width, <=, 800);

      rc_test_gui_select_item (fixture->window, G_OBJECT (api));
      rc_test_gui_assert_page_shown (fixture->window, "api");
      name_row = rc_test_gui_get_widget (fixture->window, "api-name-row");
      rc_test_gui_wait_for_frame (name_row);
      g_assert_true (gtk_widget_compute_bounds (
        gtk_widget_get_ancestor (name_row, ADW_TYPE_PREFERENCES_GROUP),
        GTK_WIDGET (fixture->window), &api_group));
      g_assert_cmpfloat (api_group.origin.x, ==, tabs[0].origin.x);
      g_assert_cmpfloat (api_group.size.width, ==, tabs[0].size.width);
    }
}

/* Adds to @images every mapped GtkImage at or below @root showing @icon. */
static void
collect_icons (GtkWidget  *root,
               const char *icon,
               GPtrArray  *images)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_IMAGE (root) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (root)), icon) == 0)
    g_ptr_array_add (images, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_icons (child, icon, images);
}

/* Asserts that @icon shows at least once in the window, and every time
 * inside a widget named one of @names (a NULL-terminated list). */
static void
assert_icon_only_in (RcWindow    *window,
                     const char  *icon,
                     const char **names)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new ();

  collect_icons (GTK_WIDGET (window), icon, images);
  if (images->len == 0)
    g_error ("%s does not show", icon);

  for (guint i = 0; i < images->len; i++)
    {
      gboolean inside = FALSE;

      for (GtkWidget *w = g_ptr_array_index (images, i); w != NULL && !inside;
           w = gtk_widget_get_parent (w))
        inside = g_strv_contains (names, gtk_widget_get_name (w));
      if (!inside)
        g_error ("%s shows outside %s", icon, names[0]);
    }
}

/* The key is a stored secret, the padlock a token (closed: valid; open:
 * none), the share glyph what a method inherits from its API: each only
 * there, on the API page and the method's Headers and Authentication tab,
 * and no tab uses one. The API page orders its groups as the method's
 * tab does: headers, then authentication. */
static void
test_icons_one_meaning (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *secret[] = { "auth-secret-state-row", NULL };
  const char *token[] = { "token-state-row", NULL };
  const char *inherited[] = { "auth-inherited-row", "headers-inherited-list", NULL };
  const char *reserved[] = { "dialog-password-symbolic", "channel-secure-symbolic",
                             "channel-insecure-symbolic", "emblem-shared-symbolic", NULL };
  GtkWidget *root = GTK_WIDGET (fixture->window);
  RcApi *api = rc_project_find_api (fixture->project, "Petstore");
  RcAuth *auth = rc_api_get_auth (api);
  g_autoptr(RcSecretBinding) binding = rc_secret_binding_new_for_api (api);
  g_autoptr(GListModel) pages = NULL;
  g_autoptr(GError) error = NULL;
  graphene_rect_t headers, authentication;
  GtkWidget *page;

  if (rc_test_gui_skip_without_display ())
    return;

  rc_test_keyring_store (rc_test_gui_get_secret_store (), rc_project_get_id (fixture->project),
                         rc_api_get_id (api), rc_auth_ensure_secret_id (auth), binding,
                         "petstore-secret", &error);
  g_assert_no_error (error);

  rc_test_gui_select_item (fixture->window, G_OBJECT (api));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  page = rc_test_gui_find_of_type (root, RC_TYPE_API_PAGE);
  rc_test_gui_wait_for_text (rc_test_gui_get_named (page, "auth-secret-state-row"),
                             "Stored in the keyring");
  rc_test_gui_wait_for_frame (page);
  assert_icon_only_in (fixture->window, "dialog-password-symbolic", secret);
  assert_icon_only_in (fixture->window, "channel-insecure-symbolic", token);
  g_assert_true (gtk_widget_compute_bounds (
    rc_test_gui_find_of_type (page, RC_TYPE_HEADERS_GROUP), page, &headers));
  g_assert_true (gtk_widget_compute_bounds (
    rc_test_gui_find_of_type (page, RC_TYPE_AUTH_GROUP), page, &authentication));
  g_assert_cmpfloat (headers.origin.y, <, authentication.origin.y);

  rc_test_gui_select_item (fixture->window,
                           G_OBJECT (rc_api_find_method (api, "getPet")));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  rc_test_gui_show_page (rc_test_gui_get_widget (fixture->window, "method-editor-stack"),
                         "headers");
  rc_test_gui_wait_for_frame (root);
  assert_icon_only_in (fixture->window, "emblem-shared-symbolic", inherited);

  pages = G_LIST_MODEL (adw_view_stack_get_pages (
    ADW_VIEW_STACK (rc_test_gui_get_widget (fixture->window, "method-editor-stack"))));
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(AdwViewStackPage) tab = g_list_model_get_item (pages, i);

      g_assert_false (g_strv_contains (reserved, adw_view_stack_page_get_icon_name (tab)));
    }
}

static void
test_pages_built_when_shown (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  RcApi *api, *other_api;
  RcMethod *method, *other;
  GtkWidget *editor, *page;

  if (rc_test_gui_skip_without_display ())
    return;

  api = rc_project_find_api (fixture->project, "Petstore");
  method = rc_api_find_method (api, "getPet");
  other_api = rc_project_get_api (fixture->project, 1);
  g_assert_true (other_api != api);
  other = rc_api_get_method (other_api, 0);
  g_assert_nonnull (other);

  g_assert_true (rc_test_gui_wait (sidebar_shows_model_cb, fixture));
  rc_test_gui_assert_page_shown (fixture->window, "no-selection");
  g_assert_null (rc_test_gui_find_of_type (root, RC_TYPE_METHOD_EDITOR));
  g_assert_null (rc_test_gui_find_of_type (root, RC_TYPE_API_PAGE));

  rc_test_gui_select_item (fixture->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  editor = rc_test_gui_find_of_type (root, RC_TYPE_METHOD_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     rc_test_gui_get_widget (fixture->window, "method-name-row"))), ==, "getPet");
  g_assert_null (rc_test_gui_find_of_type (root, RC_TYPE_API_PAGE));

  rc_test_gui_select_item (fixture->window, G_OBJECT (api));
  rc_test_gui_assert_page_shown (fixture->window, "api");
  page = rc_test_gui_find_of_type (root, RC_TYPE_API_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     rc_test_gui_get_widget (fixture->window, "api-name-row"))), ==, "Petstore");

  /* Another API's method: the same editor, showing that one. */
  rc_test_gui_select_item (fixture->window, G_OBJECT (other));
  rc_test_gui_assert_page_shown (fixture->window, "method");
  g_assert_true (rc_test_gui_find_of_type (root, RC_TYPE_METHOD_EDITOR) == editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     rc_test_gui_get_widget (fixture->window, "method-name-row"))), ==,
                   rc_method_get_name (other));

  /* Showing built nothing into the model. */
  g_assert_false (rc_project_get_dirty (fixture->project));
}

static guint
count_of_type (GtkWidget *root,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    n += count_of_type (child, type);

  return n;
}

/* GitHub's size: the sidebar makes rows for what it shows, not for every
 * method, and reaches every one of them. */
static void
test_sidebar_big_project (void)
{
  g_autoptr(RcProject) project = NULL;
  g_autoptr(RcApi) api = NULL;
  RcWindow *window;
  GtkWidget *list, *name_row;
  const guint n_methods = 1223;

  if (rc_test_gui_skip_without_display ())
    return;

  project = rc_project_new ();
  api = rc_api_new ("GitHub");
  for (guint i = 0; i < n_methods; i++)
    {
      g_autofree char *name = g_strdup_printf ("method%04u", i);
      g_autoptr(RcMethod) method = rc_method_new (name);

      rc_api_add_method (api, method);
    }
  rc_project_add_api (project, api);
  rc_project_set_dirty (project, FALSE);
  window = rc_test_gui_present_window (project, 1000, 700);
  list = rc_test_gui_get_widget (window, "sidebar-list");

  for (guint i = 0; i < n_methods; i += n_methods / 7)
    {
      RcMethod *method = rc_api_get_method (api, i);
      const char *wanted[] = { rc_method_get_name (method), NULL };

      /* As the window selects what it adds: scrolled to. */
      rc_window_select_item (window, G_OBJECT (method));
      rc_test_gui_assert_page_shown (window, "method");
      rc_test_gui_wait_for_labels (list, wanted);
      name_row = rc_test_gui_get_widget (window, "method-name-row");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, wanted[0]);
      g_assert_cmpuint (count_of_type (list, RC_TYPE_SIDEBAR_ROW), <, n_methods / 4);
    }

  g_assert_false (rc_project_get_dirty (project));
  rc_test_gui_destroy_window (&window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rc_test_gui_init ();

  g_test_add ("/restcall/gui/window/sidebar-shows-project", Fixture, NULL,
              fixture_set_up, test_sidebar_shows_project, fixture_tear_down);
  g_test_add ("/restcall/gui/window/method-page-shows-url", Fixture, NULL,
              fixture_set_up, test_method_page_shows_url, fixture_tear_down);
  g_test_add ("/restcall/gui/window/parameter-location", Fixture, NULL,
              fixture_set_up, test_parameter_location, fixture_tear_down);
  g_test_add ("/restcall/gui/window/type-test-value", Fixture, NULL,
              fixture_set_up, test_type_test_value, fixture_tear_down);
  g_test_add ("/restcall/gui/window/method-editor-body", Fixture, NULL,
              fixture_set_up, test_method_editor_body, fixture_tear_down);
  g_test_add ("/restcall/gui/window/method-editor-checks", Fixture, NULL,
              fixture_set_up, test_method_editor_checks, fixture_tear_down);
  g_test_add ("/restcall/gui/window/api-page-edits-model", Fixture, NULL,
              fixture_set_up, test_api_page_edits_model, fixture_tear_down);
  g_test_add ("/restcall/gui/window/rename-updates-sidebar-and-title", Fixture, NULL,
              fixture_set_up, test_rename_updates_sidebar_and_title, fixture_tear_down);
  g_test_add ("/restcall/gui/window/narrow", Fixture, NULL,
              fixture_set_up, test_narrow_window, fixture_tear_down);
  g_test_add ("/restcall/gui/window/tabs-and-title-in-header", Fixture, NULL,
              fixture_set_up, test_tabs_and_title_in_header, fixture_tear_down);
  g_test_add ("/restcall/gui/window/one-content-width", Fixture, NULL,
              fixture_set_up, test_one_content_width, fixture_tear_down);
  g_test_add ("/restcall/gui/window/icons-one-meaning", Fixture, NULL,
              fixture_set_up, test_icons_one_meaning, fixture_tear_down);
  g_test_add ("/restcall/gui/window/inherited-auth-links-to-api", Fixture, NULL,
              fixture_set_up, test_inherited_auth_links_to_api, fixture_tear_down);
  g_test_add ("/restcall/gui/window/consume-entry-points", Fixture, NULL,
              fixture_set_up, test_consume_entry_points, fixture_tear_down);
  g_test_add ("/restcall/gui/window/close-asks-about-unsaved-changes", Fixture, NULL,
              fixture_set_up, test_close_asks_about_unsaved_changes, fixture_tear_down);
  g_test_add ("/restcall/gui/window/save-asks-before-replacing-read-only", Fixture, NULL,
              fixture_set_up, test_save_asks_before_replacing_read_only, fixture_tear_down);
  g_test_add ("/restcall/gui/window/failed-save-keeps-changes", Fixture, NULL,
              fixture_set_up, test_failed_save_keeps_changes, fixture_tear_down);
  g_test_add ("/restcall/gui/window/close-keeps-dialog-edits", Fixture, NULL,
              fixture_set_up, test_close_keeps_dialog_edits, fixture_tear_down);
  g_test_add ("/restcall/gui/window/destroy-during-token-request", Fixture, NULL,
              fixture_set_up, test_destroy_during_token_request, fixture_tear_down);
  g_test_add ("/restcall/gui/window/destroy-during-secret-lookup", Fixture, NULL,
              fixture_set_up, test_destroy_during_secret_lookup, fixture_tear_down);
  g_test_add ("/restcall/gui/window/close-stores-api-secret", Fixture, NULL,
              fixture_set_up, test_close_stores_api_secret, fixture_tear_down);
  g_test_add ("/restcall/gui/window/close-stores-method-secret", Fixture, NULL,
              fixture_set_up, test_close_stores_method_secret, fixture_tear_down);
  g_test_add ("/restcall/gui/window/selection-stores-secret", Fixture, NULL,
              fixture_set_up, test_selection_stores_secret, fixture_tear_down);
  g_test_add ("/restcall/gui/window/save-commits-typed", Fixture, NULL,
              fixture_set_up, test_save_commits_typed, fixture_tear_down);
  g_test_add ("/restcall/gui/window/save-response-in-project-folder", Fixture, NULL,
              fixture_set_up, test_save_response_in_project_folder, fixture_tear_down);
  g_test_add_func ("/restcall/gui/window/empty-state", test_empty_state);
  g_test_add ("/restcall/gui/window/pages-built-when-shown", Fixture, NULL,
              fixture_set_up, test_pages_built_when_shown, fixture_tear_down);
  g_test_add_func ("/restcall/gui/window/sidebar-big-project", test_sidebar_big_project);
  g_test_add ("/restcall/gui/window/source-warmed-up-after-frame", Fixture, NULL,
              fixture_set_up, test_source_warmed_up_after_frame, fixture_tear_down);

  return g_test_run ();
}
