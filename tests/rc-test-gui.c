/* rc-test-gui.c: helpers for tests that drive a real window (under Xvfb)
 *
 * Bounded waits on the main loop, finding widgets by name or type, reading
 * what the labels on screen say, the window's sidebar, pages and message
 * dialogs, and screenshots for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rc-test-gui.h"

typedef gboolean (*Match) (GtkWidget *widget,
                           gpointer   data);

typedef struct
{
  RcWindow   *window;
  const char *page;
} PageShown;

typedef struct
{
  GtkWindow        *parent;
  AdwMessageDialog *dialog;
} DialogSearch;

static gboolean have_display;
static guint wait_seconds = 5;

/* Helpers */

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* The first widget at or below @root that @match accepts, depth first. */
static GtkWidget *
find_first (GtkWidget *root,
            Match      match,
            gpointer   data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_name (GtkWidget *widget,
          gpointer   name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
has_type (GtkWidget *widget,
          gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* Callbacks */

static gboolean
window_ready_cb (gpointer data)
{
  GtkWidget *window = data;

  return gtk_widget_get_mapped (window) && gtk_widget_get_width (window) > 0;
}

static gboolean
window_gone_cb (gpointer data)
{
  return *(RcWindow **) data == NULL;
}

static gboolean
page_shown_cb (gpointer data)
{
  PageShown *shown = data;
  GtkWidget *stack = rc_test_gui_find_named (GTK_WIDGET (shown->window), "content-stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), shown->page) == 0 &&
         gtk_widget_get_mapped (gtk_stack_get_visible_child (GTK_STACK (stack))) &&
         !gtk_stack_get_transition_running (GTK_STACK (stack));
}

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
          (search->parent == NULL || gtk_window_get_transient_for (window) == search->parent) &&
          gtk_widget_get_mapped (GTK_WIDGET (window)))
        search->dialog = ADW_MESSAGE_DIALOG (window);
    }

  return search->dialog != NULL;
}

/* Public API */

/* Opens the display (GTK and libadwaita); says on stderr when there is none. */
gboolean
rc_test_gui_init (void)
{
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  else
    g_printerr ("# No display: GTK could not open one, so the GUI tests are skipped "
                "(run them under xvfb-run)\n");

  return have_display;
}

/* Whether rc_test_gui_init() opened a display. */
gboolean
rc_test_gui_has_display (void)
{
  return have_display;
}

/* Marks the test skipped when there is no display; TRUE if so. */
gboolean
rc_test_gui_skip_without_display (void)
{
  if (have_display)
    return FALSE;

  g_test_skip ("No display: GTK could not open one (run under xvfb-run, or set DISPLAY)");
  return TRUE;
}

/* Sets how long rc_test_gui_wait() waits at most (5 seconds unless set). */
void
rc_test_gui_set_wait_seconds (guint seconds)
{
  wait_seconds = seconds;
}

/* Runs the main loop until @condition holds, for at most a few seconds. */
gboolean
rc_test_gui_wait (RcTestCondition condition,
                  gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + wait_seconds * G_USEC_PER_SEC;
  guint wake_up = g_timeout_add (10, wake_up_cb, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_up);

  return met;
}

/* Lets pending layout, drawing and transitions run for @msec. */
void
rc_test_gui_settle (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;
  guint wake_up = g_timeout_add (10, wake_up_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_up);
}

/* The sample project (tests/data/sample.restcall), as the project reader reads it. */
RcProject *
rc_test_gui_load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sample.restcall", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RcProject *project = rc_project_load (file, NULL, &error);

  g_assert_no_error (error);

  return project;
}

/* The first widget at or below @root whose name is @name, or NULL. */
GtkWidget *
rc_test_gui_find_named (GtkWidget  *root,
                        const char *name)
{
  return find_first (root, has_name, (gpointer) name);
}

/* The first widget at or below @root of @type, or NULL. */
GtkWidget *
rc_test_gui_find_of_type (GtkWidget *root,
                          GType      type)
{
  return find_first (root, has_type, GSIZE_TO_POINTER (type));
}

/* The widget named @name in @window, which must have one. */
GtkWidget *
rc_test_gui_get_widget (RcWindow   *window,
                        const char *name)
{
  GtkWidget *widget = rc_test_gui_find_named (GTK_WIDGET (window), name);

  g_assert_nonnull (widget);

  return widget;
}

/* The text of every label on screen below @root. */
void
rc_test_gui_collect_shown_labels (GtkWidget *root,
                                  GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (root))
    return;

  if (GTK_IS_LABEL (root))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (root))));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rc_test_gui_collect_shown_labels (child, texts);
}

/* Whether every text of @wanted (NULL-terminated) is a label on screen below @root. */
gboolean
rc_test_gui_shows_labels (GtkWidget   *root,
                          const char **wanted)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);

  rc_test_gui_collect_shown_labels (root, shown);

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      if (!g_ptr_array_find_with_equal_func (shown, wanted[i], g_str_equal, NULL))
        return FALSE;
    }

  return TRUE;
}

/* A new window onto @project, shown at @width × @height and laid out. */
RcWindow *
rc_test_gui_present_window (RcProject *project,
                            int        width,
                            int        height)
{
  RcWindow *window = rc_window_new (NULL, project);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rc_test_gui_wait (window_ready_cb, window));

  return window;
}

/* Destroys *@window (if any) without the unsaved-changes prompt, and waits until it is gone. */
void
rc_test_gui_destroy_window (RcWindow **window)
{
  if (*window == NULL)
    return;

  rc_project_set_dirty (rc_window_get_project (*window), FALSE);
  g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
  gtk_window_destroy (GTK_WINDOW (*window));
  g_assert_true (rc_test_gui_wait (window_gone_cb, window));
}

/* Selects @item (an API or a method) in the sidebar, expanding its API if need be. */
void
rc_test_gui_select_item (RcWindow *window,
                         GObject  *item)
{
  GtkWidget *list = rc_test_gui_get_widget (window, "sidebar-list");
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

      /* A method shows once its API is expanded. */
      if (RC_IS_METHOD (item) && row_item == G_OBJECT (rc_method_get_api (RC_METHOD (item))))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }

  g_assert_not_reached ();
}

/* Waits until @window shows @page, mapped and with no transition running. */
void
rc_test_gui_assert_page_shown (RcWindow   *window,
                               const char *page)
{
  PageShown shown = { window, page };

  g_assert_true (rc_test_gui_wait (page_shown_cb, &shown));
}

/* Waits for a message dialog over @parent (over any window if NULL), and logs what it says. */
AdwMessageDialog *
rc_test_gui_wait_for_dialog (GtkWindow *parent)
{
  DialogSearch search = { parent, NULL };

  g_assert_true (rc_test_gui_wait (dialog_shown_cb, &search));
  g_test_message ("Dialog: “%s”: %s",
                  adw_message_dialog_get_heading (search.dialog),
                  adw_message_dialog_get_body (search.dialog));

  return search.dialog;
}

/* Answers as a click on the button would: respond, then close. */
void
rc_test_gui_respond (AdwMessageDialog *dialog,
                     const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Saves @widget, once laid out and drawn, as $RC_SCREENSHOT_DIR/@file_name (if that is set). */
void
rc_test_gui_save_screenshot (GtkWidget  *widget,
                             const char *file_name)
{
  const char *dir = g_getenv ("RC_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  /* Let the last changes be laid out and drawn; a widget not drawn yet
   * gives no render node, so try again a few times. */
  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; attempt < 20 && node == NULL; attempt++)
    {
      rc_test_gui_settle (attempt == 0 ? 300 : 100);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s (%d×%d)", path, width, height);
}
