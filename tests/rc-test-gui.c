/* rc-test-gui.c: helpers for tests that drive a real window (under Xvfb)
 *
 * Bounded waits on the main loop, finding widgets by name or type, reading
 * what the labels and text views on screen say, combo rows, how a field
 * check shows (RcFieldCheck), the window's sidebar, pages, dialogs and
 * message dialogs, and screenshots for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rc-test-gui.h"

typedef gboolean (*Match) (GtkWidget *widget,
                           gpointer   data);

typedef struct
{
  GtkStack   *stack;
  const char *page;
} PageShown;

typedef struct
{
  GType      type;
  GtkWindow *window;
} WindowSearch;

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} TextWait;

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

/* A field check's icon, shown, on its field. */
static gboolean
is_warning_icon (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "dialog-warning-symbolic") == 0;
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
  return *(gpointer *) data == NULL;
}

static gboolean
window_shown_cb (gpointer data)
{
  WindowSearch *search = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, search->type) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          search->window = window;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
page_shown_cb (gpointer data)
{
  PageShown *shown = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (shown->stack), shown->page) == 0 &&
         gtk_widget_get_mapped (gtk_stack_get_visible_child (shown->stack)) &&
         !gtk_stack_get_transition_running (shown->stack);
}

static gboolean
text_shown_cb (gpointer data)
{
  TextWait *wait = data;
  g_autofree char *text = rc_test_gui_dup_shown_text (wait->widget);

  return strstr (text, wait->text) != NULL;
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

/* For a program that reaches the keyring: in keyring-session.sh's private
 * session bus (with its throwaway keyring), opens the display and makes
 * rc_test_gui_wait() wait up to @seconds (the keyring answers over
 * D-Bus); anywhere else says so on stderr and returns FALSE, for main() to
 * fail rather than touch the user's keyring. */
gboolean
rc_test_gui_init_keyring_session (guint seconds)
{
  if (g_getenv ("RC_KEYRING_SESSION") == NULL)
    {
      g_printerr ("Run this through tests/keyring-session.sh (meson test and build-aux/screenshots do), "
                  "so that it uses a throwaway keyring, not yours\n");
      return FALSE;
    }

  rc_test_gui_init ();
  rc_test_gui_set_wait_seconds (seconds);

  return TRUE;
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

/* The widget named @name at or below @root, which must have one. */
GtkWidget *
rc_test_gui_get_named (GtkWidget  *root,
                       const char *name)
{
  GtkWidget *widget = rc_test_gui_find_named (root, name);

  if (widget == NULL)
    g_error ("No widget named “%s” in %s", name, G_OBJECT_TYPE_NAME (root));

  return widget;
}

/* Types @text at the end of @editable as key presses do: one character at
 * a time, inserted at the cursor, with every view of the model listening. */
void
rc_test_gui_type_characters (GtkWidget  *editable,
                             const char *text)
{
  GtkEditable *entry = GTK_EDITABLE (editable);

  gtk_editable_set_position (entry, -1);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = gtk_editable_get_position (entry);

      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
      gtk_editable_set_position (entry, position);
    }
}

/* The row named @name at or below @root whose title is @title, or NULL:
 * rows of one kind share a name, and their titles tell them apart. */
GtkWidget *
rc_test_gui_find_titled_row (GtkWidget  *root,
                             const char *name,
                             const char *title)
{
  GtkWidget *row = rc_test_gui_find_named (root, name);

  for (; row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), name) == 0 &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return row;
    }

  return NULL;
}

/* All the text of @text_view. */
char *
rc_test_gui_dup_view_text (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* What @widget shows: a label's text, a text view's, a row's title. */
char *
rc_test_gui_dup_shown_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return g_strdup (gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_TEXT_VIEW (widget))
    return rc_test_gui_dup_view_text (widget);
  if (ADW_IS_PREFERENCES_ROW (widget))
    return g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));

  g_error ("%s shows no text that rc_test_gui_dup_shown_text() reads", G_OBJECT_TYPE_NAME (widget));
}

/* Waits until @widget (a label, a text view, a row) shows @text; fails
 * saying what it shows instead. */
void
rc_test_gui_wait_for_text (GtkWidget  *widget,
                           const char *text)
{
  TextWait wait = { widget, text };

  if (!rc_test_gui_wait (text_shown_cb, &wait))
    {
      g_autofree char *shown = rc_test_gui_dup_shown_text (widget);

      g_error ("“%s” does not show “%s”; it shows:\n%s", gtk_widget_get_name (widget), text, shown);
    }
}

/* Chooses the item of the combo row @row whose label is @label. */
void
rc_test_gui_select_combo_label (GtkWidget  *row,
                                const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (GTK_IS_STRING_OBJECT (item) &&
          g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), label) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          return;
        }
    }

  g_error ("The combo row %s offers no “%s”", gtk_widget_get_name (row), label);
}

/* The label of the item the combo row @row has selected. */
const char *
rc_test_gui_get_combo_label (GtkWidget *row)
{
  GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));

  g_assert_true (GTK_IS_STRING_OBJECT (item));

  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

/* Asserts how the entry row @name below @root shows its check
 * (RcFieldCheck, named @name + "-error"): with @message_part NULL, as a
 * field like any other; else marked with the error style, a warning icon
 * and its accessible description and invalid state, and explained, in
 * words holding @message_part, in a row under it. Returns the explanation. */
const char *
rc_test_gui_assert_field_check (GtkWidget  *root,
                                const char *name,
                                const char *message_part)
{
  GtkWidget *row = rc_test_gui_get_named (root, name);
  g_autofree char *check_name = g_strconcat (name, "-error", NULL);
  GtkWidget *check = rc_test_gui_get_named (root, check_name);
  GtkWidget *label = rc_test_gui_find_of_type (check, GTK_TYPE_LABEL);
  GtkWidget *icon = find_first (row, is_warning_icon, NULL);
  const char *message;

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (row));

  if (message_part == NULL)
    {
      g_assert_false (gtk_widget_has_css_class (row, "error"));
      g_assert_false (gtk_widget_get_visible (check));
      g_assert_null (icon);
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID));
      return NULL;
    }

  message = gtk_label_get_text (GTK_LABEL (label));
  g_test_message ("%s: %s", name, message);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_get_visible (check));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_nonnull (strstr (message, message_part));

  /* The field says the same: its icon's tooltip, and to assistive technology. */
  g_assert_nonnull (icon);
  g_assert_true (gtk_widget_get_mapped (icon));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), ==, message);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);

  return message;
}

/* Waits until the GtkStack @stack_name below @root shows @page, mapped and
 * with no transition running. */
void
rc_test_gui_assert_stack_page (GtkWidget  *root,
                               const char *stack_name,
                               const char *page)
{
  PageShown shown = { GTK_STACK (rc_test_gui_get_named (root, stack_name)), page };

  if (!rc_test_gui_wait (page_shown_cb, &shown))
    g_error ("%s shows the page “%s”, not “%s”", stack_name,
             gtk_stack_get_visible_child_name (shown.stack), page);
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
  rc_test_gui_close_window (window);
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
  rc_test_gui_assert_stack_page (GTK_WIDGET (window), "content-stack", page);
}

/* Waits for a window of @type (a dialog) to be shown, and returns it;
 * also in *@window_location (a GtkWindow **, unless NULL), which turns NULL
 * once the window is gone (see rc_test_gui_wait_gone()). */
GtkWindow *
rc_test_gui_wait_for_window (GType    type,
                             gpointer window_location)
{
  WindowSearch search = { type, NULL };

  if (!rc_test_gui_wait (window_shown_cb, &search))
    g_error ("No %s was shown", g_type_name (type));

  if (window_location != NULL)
    {
      *(GtkWindow **) window_location = search.window;
      g_object_add_weak_pointer (G_OBJECT (search.window), window_location);
    }

  return search.window;
}

/* Waits until *@window_location, a weak pointer to a window (as
 * rc_test_gui_wait_for_window() sets), turns NULL: the window is gone. */
void
rc_test_gui_wait_gone (gpointer window_location)
{
  if (!rc_test_gui_wait (window_gone_cb, window_location))
    g_error ("%s is still there", G_OBJECT_TYPE_NAME (*(GObject **) window_location));
}

/* Destroys the window at @window_location (a GtkWindow **; nothing if
 * NULL), and waits until it is gone and the pointer NULL. */
void
rc_test_gui_close_window (gpointer window_location)
{
  GtkWindow **window = window_location;

  if (*window == NULL)
    return;

  g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
  gtk_window_destroy (*window);
  rc_test_gui_wait_gone (window);
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

static gboolean
chooser_shown_cb (gpointer data)
{
  GtkWindow **chooser = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        *chooser = window;
    }

  return *chooser != NULL;
}

/* Waits for a file chooser dialog to be shown, and returns it. */
GtkWindow *
rc_test_gui_wait_for_file_chooser (void)
{
  GtkWindow *chooser = NULL;

  g_assert_true (rc_test_gui_wait (chooser_shown_cb, &chooser));

  return chooser;
}

typedef struct
{
  GtkWindow *chooser;
  GFile     *folder;
} InFolder;

static gboolean
chooser_in_folder_cb (gpointer data)
{
  InFolder *in_folder = data;
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (in_folder->chooser));

  return folder && g_file_equal (folder, in_folder->folder);
}

/* Waits until @chooser shows @folder (it loads a folder in the background);
 * FALSE when it still shows another once the wait runs out. */
gboolean
rc_test_gui_wait_for_chooser_folder (GtkWindow *chooser,
                                     GFile     *folder)
{
  InFolder in_folder = { chooser, folder };

  return rc_test_gui_wait (chooser_in_folder_cb, &in_folder);
}

static gboolean
widget_mapped_cb (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
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
  gint64 deadline;
  int width, height;

  if (dir == NULL)
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  /* Let the last changes be laid out and drawn; a widget not drawn yet
   * (a popover or a dialog still being mapped on a busy machine) gives no
   * render node, so try again until the usual wait runs out. */
  g_assert_true (rc_test_gui_wait (widget_mapped_cb, widget));
  paintable = gtk_widget_paintable_new (widget);
  deadline = g_get_monotonic_time () + wait_seconds * G_USEC_PER_SEC;
  for (guint attempt = 0; node == NULL && (attempt == 0 || g_get_monotonic_time () < deadline); attempt++)
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
