/* test-gui-window.c: the main window, shown for real (under Xvfb)
 *
 * The sidebar must show what the project holds, the pages must edit the
 * model, and the title must say when there are unsaved changes. Screenshots
 * go to $RC_SCREENSHOT_DIR for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rc-window.h"

#define WAIT_TIMEOUT_USEC (5 * G_USEC_PER_SEC)

typedef gboolean (*Condition) (gpointer data);

typedef struct
{
  RcProject *project;
  RcWindow  *window;
} Fixture;

static gboolean have_display;

/* Helpers */

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds, for at most a few seconds. */
static gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_USEC;
  guint wake_up = g_timeout_add (10, wake_up_cb, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_up);

  return met;
}

/* Lets pending layout, drawing and transitions run for @msec. */
static void
settle (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;
  guint wake_up = g_timeout_add (10, wake_up_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_up);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_widget (Fixture    *fixture,
            const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (fixture->window), name);

  g_assert_nonnull (widget);

  return widget;
}

/* The text of every label on screen below @root. */
static void
collect_shown_labels (GtkWidget *root,
                      GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (root))
    return;

  if (GTK_IS_LABEL (root))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (root))));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shown_labels (child, texts);
}

static gboolean
strv_contains_all (GPtrArray   *texts,
                   const char **wanted)
{
  for (guint i = 0; wanted[i] != NULL; i++)
    {
      if (!g_ptr_array_find_with_equal_func (texts, wanted[i], g_str_equal, NULL))
        return FALSE;
    }

  return TRUE;
}

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
  const char *page;
} Expectation;

static gboolean
sidebar_shows_model_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *list = find_named (GTK_WIDGET (fixture->window), "sidebar-list");
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) wanted = dup_model_names (fixture->project);

  collect_shown_labels (list, shown);

  return strv_contains_all (shown, (const char **) wanted->pdata);
}

static gboolean
sidebar_shows_text_cb (gpointer data)
{
  Expectation *expectation = data;
  GtkWidget *list = find_named (GTK_WIDGET (expectation->fixture->window), "sidebar-list");
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  const char *wanted[] = { expectation->text, NULL };

  collect_shown_labels (list, shown);

  return strv_contains_all (shown, wanted);
}

static gboolean
page_shown_cb (gpointer data)
{
  Expectation *expectation = data;
  GtkWidget *stack = find_named (GTK_WIDGET (expectation->fixture->window), "content-stack");
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (stack));

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), expectation->page) == 0 &&
         gtk_widget_get_mapped (page) &&
         !gtk_stack_get_transition_running (GTK_STACK (stack));
}

static void
assert_page_shown (Fixture    *fixture,
                   const char *page)
{
  Expectation expectation = { fixture, NULL, page };

  g_assert_true (wait_for (page_shown_cb, &expectation));
}

static void
select_item (Fixture *fixture,
             GObject *item)
{
  GtkWidget *list = get_widget (fixture, "sidebar-list");
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (list));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (selection), i);
      g_autoptr(GObject) row_item = gtk_tree_list_row_get_item (row);

      if (row_item == item)
        {
          gtk_selection_model_select_item (selection, i, TRUE);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *file_name)
{
  const char *dir = g_getenv ("RC_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s (%d×%d)", path, width, height);
}

static gboolean
window_ready_cb (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->window)) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->window)) > 0;
}

static void
show_window (Fixture *fixture,
             int      width,
             int      height)
{
  fixture->window = rc_window_new (NULL, fixture->project);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (wait_for (window_ready_cb, fixture));
}

typedef struct
{
  GtkWindow        *parent;
  AdwMessageDialog *dialog;
} DialogSearch;

static gboolean
dialog_shown_cb (gpointer data)
{
  DialogSearch *search = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  search->dialog = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_window_get_transient_for (window) == search->parent &&
          gtk_widget_get_mapped (GTK_WIDGET (window)))
        search->dialog = ADW_MESSAGE_DIALOG (window);
    }

  return search->dialog != NULL;
}

/* Waits for a message dialog over the window. */
static AdwMessageDialog *
wait_for_dialog (Fixture *fixture)
{
  DialogSearch search = { GTK_WINDOW (fixture->window), NULL };

  g_assert_true (wait_for (dialog_shown_cb, &search));
  g_test_message ("Dialog: “%s”: %s",
                  adw_message_dialog_get_heading (search.dialog),
                  adw_message_dialog_get_body (search.dialog));

  return search.dialog;
}

/* Answers as a click on the button would: respond, then close. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_display)
    return;

  path = g_test_build_filename (G_TEST_DIST, "data", "sample.restcall", NULL);
  file = g_file_new_for_path (path);
  fixture->project = rc_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->project);
  g_assert_cmpuint (rc_project_get_n_apis (fixture->project), >=, 2);

  show_window (fixture, 1000, 700);
}

static gboolean
window_gone_cb (gpointer data)
{
  Fixture *fixture = data;

  return fixture->window == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  /* Close without the unsaved-changes prompt. */
  if (fixture->window != NULL)
    {
      rc_project_set_dirty (fixture->project, FALSE);
      g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_assert_true (wait_for (window_gone_cb, fixture));
    }

  /* Nothing in the window may keep the project alive. */
  g_assert_finalize_object (fixture->project);
}

static gboolean
skip_without_display (void)
{
  if (have_display)
    return FALSE;

  g_test_skip ("No display: GTK could not open one (run under xvfb-run, or set DISPLAY)");
  return TRUE;
}

/* Tests */

static void
test_sidebar_shows_project (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *list;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) wanted = NULL;

  if (skip_without_display ())
    return;

  list = get_widget (fixture, "sidebar-list");
  g_assert_true (GTK_IS_LIST_VIEW (list));

  /* Every API, method and verb of the model is on screen. */
  g_assert_true (wait_for (sidebar_shows_model_cb, fixture));

  wanted = dup_model_names (fixture->project);
  collect_shown_labels (list, shown);
  for (guint i = 0; wanted->pdata[i] != NULL; i++)
    g_test_message ("Sidebar shows “%s”", (char *) wanted->pdata[i]);
  g_assert_true (g_ptr_array_find_with_equal_func (shown, "Petstore", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (shown, "createInvoice", g_str_equal, NULL));

  /* There are APIs but nothing is selected yet. */
  assert_page_shown (fixture, "no-selection");
  g_assert_false (rc_project_get_dirty (fixture->project));
}

static void
test_method_page_shows_url (Fixture       *fixture,
                            gconstpointer  data)
{
  RcApi *api;
  RcMethod *method;
  GtkWidget *url_row;
  GtkWidget *parameters_row;
  GtkWidget *auth_row;
  g_auto(GStrv) parameters = NULL;

  if (skip_without_display ())
    return;

  api = rc_project_find_api (fixture->project, "Petstore");
  g_assert_nonnull (api);
  method = rc_api_find_method (api, "getPet");
  g_assert_nonnull (method);

  g_assert_true (wait_for (sidebar_shows_model_cb, fixture));
  select_item (fixture, G_OBJECT (method));
  assert_page_shown (fixture, "method");

  url_row = get_widget (fixture, "method-url-row");
  g_assert_true (gtk_widget_get_mapped (url_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==, rc_method_get_url (method));

  parameters = rc_method_dup_parameters (method);
  g_assert_nonnull (parameters[0]);
  parameters_row = get_widget (fixture, "method-parameters-row");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (parameters_row)), parameters[0]));

  auth_row = get_widget (fixture, "method-auth-row");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (auth_row)), "Petstore"));

  /* Selecting shows, it does not change anything. */
  g_assert_false (rc_project_get_dirty (fixture->project));

  save_screenshot (GTK_WIDGET (fixture->window), "main-window.png");

  /* Typing a parameter into the URL lists it at once. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "/pets/{petId}/photos/{photoId}");
  g_assert_cmpstr (rc_method_get_url (method), ==, "/pets/{petId}/photos/{photoId}");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (parameters_row)), "photoId"));
  g_assert_true (rc_project_get_dirty (fixture->project));
}

static void
test_api_page_edits_model (Fixture       *fixture,
                           gconstpointer  data)
{
  RcApi *api;
  RcAuth *auth;
  GtkWidget *name_row;
  GtkWidget *kind_row;
  Expectation renamed = { fixture, "Pet Shop", NULL };

  if (skip_without_display ())
    return;

  api = rc_project_find_api (fixture->project, "Petstore");
  auth = rc_api_get_auth (api);
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);

  g_assert_true (wait_for (sidebar_shows_model_cb, fixture));
  select_item (fixture, G_OBJECT (api));
  assert_page_shown (fixture, "api");

  name_row = get_widget (fixture, "api-name-row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Petstore");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (fixture, "api-base-url-row"))),
                   ==, rc_api_get_base_url (api));

  save_screenshot (GTK_WIDGET (fixture->window), "api-page.png");

  /* The OAuth 2.0 rows are shown, the Basic one is not. */
  kind_row = get_widget (fixture, "auth-kind-row");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==,
                    RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);

  /* Typing in the page edits the model, which the sidebar follows. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Pet Shop");
  g_assert_cmpstr (rc_api_get_name (api), ==, "Pet Shop");
  g_assert_true (rc_project_get_dirty (fixture->project));
  g_assert_true (wait_for (sidebar_shows_text_cb, &renamed));

  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), RC_AUTH_KIND_BASIC);
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_BASIC);

  /* And the model drives the page. */
  rc_auth_set_kind (auth, RC_AUTH_KIND_NONE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, RC_AUTH_KIND_NONE);
}

static gboolean
title_is_dirty_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *title = find_named (GTK_WIDGET (fixture->window), "window-title");

  return g_str_has_prefix (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), "• ") &&
         g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "• ");
}

static void
test_rename_updates_sidebar_and_title (Fixture       *fixture,
                                       gconstpointer  data)
{
  RcApi *api;
  GtkWidget *title;
  Expectation renamed = { fixture, "Billing v2", NULL };

  if (skip_without_display ())
    return;

  title = get_widget (fixture, "window-title");
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "sample.restcall");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), "sample.restcall"));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), !=, "");
  g_assert_false (title_is_dirty_cb (fixture));

  g_assert_true (wait_for (sidebar_shows_model_cb, fixture));

  api = rc_project_find_api (fixture->project, "Billing");
  g_assert_nonnull (api);
  rc_api_set_name (api, "Billing v2");

  g_assert_true (wait_for (sidebar_shows_text_cb, &renamed));
  g_assert_true (wait_for (title_is_dirty_cb, fixture));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "• sample.restcall");

  /* Saved (as far as the window knows): the marker goes. */
  rc_project_set_dirty (fixture->project, FALSE);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "sample.restcall");
}

static void
test_narrow_window (Fixture       *fixture,
                    gconstpointer  data)
{
  RcMethod *method;
  GtkWidget *window;
  int minimum;

  if (skip_without_display ())
    return;

  window = GTK_WIDGET (fixture->window);

  /* Nothing in the window asks for more than a phone's width (the window's
   * own decorations aside, which differ between X11 and Wayland). */
  gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("The window's content needs at least %d px", minimum);
  g_assert_cmpint (minimum, <=, 360);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  g_assert_true (wait_for (sidebar_shows_model_cb, fixture));
  settle (300);
  save_screenshot (window, "narrow-sidebar.png");

  method = rc_api_find_method (rc_project_find_api (fixture->project, "Billing"), "listInvoices");
  select_item (fixture, G_OBJECT (method));
  assert_page_shown (fixture, "method");
  settle (500);
  g_assert_cmpint (gtk_widget_get_width (get_widget (fixture, "method-url-row")), <=, 360);
  save_screenshot (window, "narrow-method.png");

  /* Back to the list, which lets go of the selection; then an API. */
  g_signal_emit_by_name (get_widget (fixture, "back-button"), "clicked");
  assert_page_shown (fixture, "no-selection");
  g_assert_true (wait_for (sidebar_shows_model_cb, fixture));

  select_item (fixture, G_OBJECT (rc_project_find_api (fixture->project, "Billing")));
  assert_page_shown (fixture, "api");
  settle (500);
  save_screenshot (window, "narrow-api.png");
}

static void
test_close_asks_about_unsaved_changes (Fixture       *fixture,
                                       gconstpointer  data)
{
  AdwMessageDialog *dialog;

  if (skip_without_display ())
    return;

  rc_api_set_name (rc_project_get_api (fixture->project, 0), "Changed");
  g_assert_true (rc_project_get_dirty (fixture->project));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);

  /* Cancel keeps the window and the changes. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = wait_for_dialog (fixture);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "sample.restcall"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  respond (dialog, "cancel");
  settle (100);
  g_assert_nonnull (fixture->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_true (rc_project_get_dirty (fixture->project));

  /* Discard closes it. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  respond (wait_for_dialog (fixture), "discard");
  g_assert_true (wait_for (window_gone_cb, fixture));
}

static void
test_failed_save_keeps_changes (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-restcall-dir/sample.restcall");
  AdwMessageDialog *dialog;
  RcApi *api;

  if (skip_without_display ())
    return;

  api = rc_project_get_api (fixture->project, 0);
  rc_api_set_name (api, "Typed by hand");
  rc_project_set_file (fixture->project, nowhere);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  dialog = wait_for_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Project");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  respond (dialog, "close");

  /* Nothing typed is lost, and the window still says it is unsaved. */
  g_assert_cmpstr (rc_api_get_name (api), ==, "Typed by hand");
  g_assert_true (rc_project_get_dirty (fixture->project));
  g_assert_true (title_is_dirty_cb (fixture));
}

static void
test_empty_state (void)
{
  Fixture fixture = { 0 };
  GtkWidget *add_method;
  Expectation new_api = { &fixture, NULL, NULL };

  if (skip_without_display ())
    return;

  fixture.project = rc_project_new ();
  show_window (&fixture, 1000, 700);

  assert_page_shown (&fixture, "empty");
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (get_widget (&fixture, "window-title"))),
                   ==, "Untitled Project");
  save_screenshot (GTK_WIDGET (fixture.window), "empty-project.png");

  /* No API to add a method to. */
  add_method = get_widget (&fixture, "add-method-button");
  g_assert_false (gtk_widget_get_sensitive (add_method));

  /* The status page's button adds an API and shows it. */
  g_signal_emit_by_name (get_widget (&fixture, "empty-add-api-button"), "clicked");
  g_assert_cmpuint (rc_project_get_n_apis (fixture.project), ==, 1);
  assert_page_shown (&fixture, "api");
  g_assert_true (gtk_widget_get_sensitive (add_method));

  new_api.text = rc_api_get_name (rc_project_get_api (fixture.project, 0));
  g_assert_true (wait_for (sidebar_shows_text_cb, &new_api));
  g_assert_true (wait_for (title_is_dirty_cb, &fixture));

  /* Adding a method puts it under the selected API. */
  g_signal_emit_by_name (add_method, "clicked");
  g_assert_cmpuint (rc_api_get_n_methods (rc_project_get_api (fixture.project, 0)), ==, 1);
  assert_page_shown (&fixture, "method");

  fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  else
    g_printerr ("# No display: GTK could not open one, so the GUI tests are skipped "
                "(run them under xvfb-run)\n");

  g_test_add ("/restcall/gui/window/sidebar-shows-project", Fixture, NULL,
              fixture_set_up, test_sidebar_shows_project, fixture_tear_down);
  g_test_add ("/restcall/gui/window/method-page-shows-url", Fixture, NULL,
              fixture_set_up, test_method_page_shows_url, fixture_tear_down);
  g_test_add ("/restcall/gui/window/api-page-edits-model", Fixture, NULL,
              fixture_set_up, test_api_page_edits_model, fixture_tear_down);
  g_test_add ("/restcall/gui/window/rename-updates-sidebar-and-title", Fixture, NULL,
              fixture_set_up, test_rename_updates_sidebar_and_title, fixture_tear_down);
  g_test_add ("/restcall/gui/window/narrow", Fixture, NULL,
              fixture_set_up, test_narrow_window, fixture_tear_down);
  g_test_add ("/restcall/gui/window/close-asks-about-unsaved-changes", Fixture, NULL,
              fixture_set_up, test_close_asks_about_unsaved_changes, fixture_tear_down);
  g_test_add ("/restcall/gui/window/failed-save-keeps-changes", Fixture, NULL,
              fixture_set_up, test_failed_save_keeps_changes, fixture_tear_down);
  g_test_add_func ("/restcall/gui/window/empty-state", test_empty_state);

  return g_test_run ();
}
