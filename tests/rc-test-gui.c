/* rc-test-gui.c: helpers for tests that drive a real window (under Xvfb)
 *
 * Waits on the main loop for what a test expects: a condition (with a
 * deadline that only guards against a hang), a frame, the end of the
 * transitions, the focus, a size, the app's idles; never for a time.
 * Finding widgets by name or type, reading what the labels and text views
 * on screen say, combo rows, how a field check shows (RcFieldCheck), the
 * window's sidebar, pages, dialogs and message dialogs, and screenshots for
 * a person to look at.
 *
 * Each test gets services of its own (rc_test_gui_get_context()): a token
 * fetched, a secret kept for the session or a keyring write on its way in
 * one test is not there for the next.
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

typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
} Size;

typedef struct
{
  GtkWidget     *widget;
  GdkPaintable  *paintable;
  GskRenderNode *node;
  int            width;
  int            height;
} Drawn;

typedef struct
{
  GtkWidget   *root;
  const char **wanted;
} LabelsWait;

static gboolean have_display;
static guint wait_seconds = RC_TEST_GUI_WAIT_SECONDS;

/* Helpers */

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

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, search->type) &&
          gtk_widget_get_mapped (GTK_WIDGET (window)))
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

static gboolean
flag_set_cb (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

static gboolean
mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Whether a transition or an animation still runs at or below @widget,
 * among those shown: a stack's, a revealer's (an expander row's, the view
 * switcher bar's), a leaflet's, a squeezer's. */
static gboolean
is_moving (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  if ((GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget))) ||
      (GTK_IS_REVEALER (widget) && gtk_revealer_get_reveal_child (GTK_REVEALER (widget)) !=
                                     gtk_revealer_get_child_revealed (GTK_REVEALER (widget))) ||
      (ADW_IS_LEAFLET (widget) &&
       adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget))) ||
      (ADW_IS_SQUEEZER (widget) && adw_squeezer_get_transition_running (ADW_SQUEEZER (widget))))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (is_moving (child))
        return TRUE;
    }

  return FALSE;
}

static gboolean
still_cb (gpointer data)
{
  return !is_moving (data);
}

/* Whether the focus of @widget's window is @widget or inside it. */
static gboolean
has_focus_cb (gpointer data)
{
  GtkWidget *widget = data;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
has_size_cb (gpointer data)
{
  Size *size = data;

  return gtk_widget_get_width (size->widget) == size->width &&
         gtk_widget_get_height (size->widget) == size->height;
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
 * session bus (with its throwaway keyring), opens the display; anywhere
 * else says so on stderr and returns FALSE, for main() to fail rather than
 * touch the user's keyring. */
gboolean
rc_test_gui_init_keyring_session (void)
{
  if (g_getenv ("RC_KEYRING_SESSION") == NULL)
    {
      g_printerr (
        "Run this through tests/keyring-session.sh (meson test and build-aux/screenshots do), "
        "so that it uses a throwaway keyring, not yours\n");
      return FALSE;
    }

  rc_test_gui_init ();

  return TRUE;
}

/* The services of the test running (g_test_get_path()): a new context for
 * each test, the same all through it, its teardown included. Windows
 * rc_test_gui_present_window() opens use it; so must every widget a test
 * makes, and whatever it looks at in the token cache or the secret store.
 * Outside a test case (a benchmark, the screenshots), one for the program. */
RcContext *
rc_test_gui_get_context (void)
{
  static RcContext *context;
  static char *context_path;
  const char *path = g_test_get_path ();

  if (path == NULL)
    path = "";

  if (context == NULL || g_strcmp0 (path, context_path) != 0)
    {
      g_free (context_path);
      context_path = g_strdup (path);
      g_clear_object (&context);
      context = rc_context_new ();
    }

  return context;
}

/* The token cache of rc_test_gui_get_context(). */
RcTokenCache *
rc_test_gui_get_token_cache (void)
{
  return rc_executor_get_token_cache (rc_context_get_executor (rc_test_gui_get_context ()));
}

/* The secret store of rc_test_gui_get_context(). */
RcSecretStore *
rc_test_gui_get_secret_store (void)
{
  return rc_context_get_secret_store (rc_test_gui_get_context ());
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

/* Sets how long rc_test_gui_wait() waits at most (RC_TEST_GUI_WAIT_SECONDS
 * unless set). */
void
rc_test_gui_set_wait_seconds (guint seconds)
{
  wait_seconds = seconds;
}

/* Runs the main loop until @condition holds, for at most a few seconds
 * (rc_test_gui_set_wait_seconds()): a guard against a hang, not a time
 * anything is expected to take. Returns whether @condition holds. */
gboolean
rc_test_gui_wait (RcTestCondition condition,
                  gpointer        data)
{
  return rc_test_wait_until (condition, data, wait_seconds);
}

/* Runs the main loop until @object has @ref_count references again (see
 * rc_test_wait_for_refs()): what held it, an operation on its way, has
 * ended and its callback has run. */
gboolean
rc_test_gui_wait_for_refs (gpointer object,
                           guint    ref_count)
{
  return rc_test_wait_for_refs (object, ref_count, wait_seconds);
}

/* Waits until @widget is on screen, then for the next frame of its window:
 * whatever changed before is laid out and drawn once this returns, and the
 * X server has done what it was asked (GNOME Console's tests wait so). */
void
rc_test_gui_wait_for_frame (GtkWidget *widget)
{
  if (!rc_test_gui_wait (mapped_cb, widget))
    g_error ("%s “%s” is not on screen: no frame of it comes", G_OBJECT_TYPE_NAME (widget),
             gtk_widget_get_name (widget));

  gtk_test_widget_wait_for_draw (widget);
  gdk_display_sync (gtk_widget_get_display (widget));
}

/* Runs the main loop until it has nothing more urgent to do than a
 * low-priority idle: what the app queued (its idles, a redraw) has run. */
void
rc_test_gui_wait_for_idle (void)
{
  gboolean reached = FALSE;

  g_idle_add_full (G_PRIORITY_LOW, set_flag_cb, &reached, NULL);
  if (!rc_test_gui_wait (flag_set_cb, &reached))
    g_error ("The main loop never went idle");
}

/* Waits until no transition or animation runs at or below @root (stacks,
 * revealers, leaflets, squeezers shown), then for a frame of what they
 * ended on. */
void
rc_test_gui_wait_for_transitions (GtkWidget *root)
{
  if (!rc_test_gui_wait (still_cb, root))
    g_error ("A transition in %s still runs", G_OBJECT_TYPE_NAME (root));

  rc_test_gui_wait_for_frame (root);
}

/* Waits until the keyboard focus is in @widget (or @widget itself); fails
 * saying where it is instead. */
void
rc_test_gui_wait_for_focus (GtkWidget *widget)
{
  GtkRoot *root;
  GtkWidget *focus;

  if (rc_test_gui_wait (has_focus_cb, widget))
    return;

  root = gtk_widget_get_root (widget);
  focus = root ? gtk_root_get_focus (root) : NULL;
  g_error ("The focus is not in %s “%s” but in %s “%s”", G_OBJECT_TYPE_NAME (widget),
           gtk_widget_get_name (widget), focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
           focus ? gtk_widget_get_name (focus) : "");
}

/* Resizes @window as a user would (@width × @height is the size of the
 * window with what it draws around itself, as gtk_window_set_default_size()
 * means it; not below the least its content needs), and waits until it has
 * that size, laid out and drawn. */
void
rc_test_gui_resize (GtkWindow *window,
                    int        width,
                    int        height)
{
  GtkWidget *widget = GTK_WIDGET (window);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  /* What the window draws around its widgets (a border, a shadow). */
  int around_x = gdk_surface_get_width (surface) - gtk_widget_get_width (widget);
  int around_y = gdk_surface_get_height (surface) - gtk_widget_get_height (widget);
  int least_width, least_height;
  Size size = { widget };

  /* A window measures itself with what it draws around its widgets. */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &least_width, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, MAX (width, least_width), &least_height,
                      NULL, NULL, NULL);
  size.width = MAX (width, least_width) - around_x;
  size.height = MAX (height, least_height) - around_y;

  gtk_window_set_default_size (window, width, height);
  if (!rc_test_gui_wait (has_size_cb, &size))
    g_error ("%s is %d × %d, not %d × %d", G_OBJECT_TYPE_NAME (window),
             gtk_widget_get_width (widget), gtk_widget_get_height (widget), size.width,
             size.height);

  rc_test_gui_wait_for_frame (widget);
}

/* Shows the page @name of the AdwViewStack @view_stack (as its switcher
 * does), and waits until it is on screen, laid out and drawn. */
void
rc_test_gui_show_page (GtkWidget  *view_stack,
                       const char *name)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (view_stack), name);

  g_assert_nonnull (page);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), name);
  rc_test_gui_wait_for_frame (page);
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

/* Replaces the text of @editable as a person does: the focus into it,
 * everything selected and deleted, then @text typed a character at a time. */
void
rc_test_gui_type_over (GtkWidget  *editable,
                       const char *text)
{
  GtkEditable *entry = GTK_EDITABLE (editable);

  g_assert_true (gtk_widget_grab_focus (editable));
  gtk_editable_select_region (entry, 0, -1);
  gtk_editable_delete_selection (entry);
  rc_test_gui_type_characters (editable, text);
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

/* The row of the Request tab's Parameters for URL parameter @parameter,
 * titled as the window titles it, or NULL. */
GtkWidget *
rc_test_gui_find_parameter_row (GtkWidget  *root,
                                const char *parameter)
{
  GtkWidget *list = rc_test_gui_find_named (root, "method-parameters-list");
  g_autofree char *title = g_strdup_printf ("%s · test value", parameter);

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row;
       row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_ENTRY_ROW (row) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return row;
    }

  return NULL;
}

/* An entry row's edit icon (AdwEntryRow's pencil), or NULL. */
GtkWidget *
rc_test_gui_find_edit_icon (GtkWidget *row)
{
  if (GTK_IS_IMAGE (row) &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (row)), "document-edit-symbolic") == 0)
    return row;

  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *icon = rc_test_gui_find_edit_icon (child);

      if (icon != NULL)
        return icon;
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
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      g_assert_false (
        gtk_test_accessible_has_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID));
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
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       message);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);

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

static gboolean
labels_shown_cb (gpointer data)
{
  LabelsWait *wait = data;

  return rc_test_gui_shows_labels (wait->root, wait->wanted);
}

/* Waits until every text of @wanted (NULL-terminated) is a label on
 * screen below @root (a list builds its rows as it lays them out); fails
 * saying what is shown instead. */
void
rc_test_gui_wait_for_labels (GtkWidget   *root,
                             const char **wanted)
{
  LabelsWait wait = { root, wanted };
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree char *joined = NULL;

  if (rc_test_gui_wait (labels_shown_cb, &wait))
    return;

  shown = g_ptr_array_new_with_free_func (g_free);
  rc_test_gui_collect_shown_labels (root, shown);
  g_ptr_array_add (shown, NULL);
  joined = g_strjoinv ("”, “", (char **) shown->pdata);
  g_error ("%s does not show all of the labels wanted; it shows “%s”", gtk_widget_get_name (root),
           joined);
}

/* Scrolls the outermost scrolled window around @widget (a page's own, not
 * a view's) so that @widget is near its top, as laid out now that what
 * changed before has had its frame; then waits for a frame of it there. */
void
rc_test_gui_scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *outer;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_nonnull (scrolled);
  while (
    (outer = gtk_widget_get_ancestor (gtk_widget_get_parent (scrolled), GTK_TYPE_SCROLLED_WINDOW)))
    scrolled = outer;

  rc_test_gui_wait_for_frame (widget);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* Text views lay their lines out a few at a time, frames after they are
   * shown: the page grows, and the widget moves, until they are done. */
  for (guint frames = 0; frames < 100; frames++)
    {
      double wanted;

      /* Where the widget is in the view, which shows from value on. */
      g_assert_true (gtk_widget_compute_point (
        widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
        &GRAPHENE_POINT_INIT (0, 0), &point));
      wanted = MIN (gtk_adjustment_get_value (adjustment) + point.y - 12,
                    gtk_adjustment_get_upper (adjustment) -
                    gtk_adjustment_get_page_size (adjustment));
      if (frames > 0 && G_APPROX_VALUE (gtk_adjustment_get_value (adjustment), wanted, 0.5))
        break;
      gtk_adjustment_set_value (adjustment, wanted);
      rc_test_gui_wait_for_frame (widget);
    }
}

/* Presents @window and waits until it is mapped and laid out. */
void
rc_test_gui_present (GtkWindow *window)
{
  gtk_window_present (window);
  g_assert_true (rc_test_gui_wait (window_ready_cb, window));
}

/* A new window onto @project, shown at @width × @height and laid out, with
 * the test's context (rc_test_gui_get_context()). */
RcWindow *
rc_test_gui_present_window (RcProject *project,
                            int        width,
                            int        height)
{
  RcWindow *window = rc_window_new (NULL, rc_test_gui_get_context (), project);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  rc_test_gui_present (GTK_WINDOW (window));

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
 * rc_test_gui_wait_for_window() sets) or to any object, turns NULL: it is
 * gone, and so is whatever held it (an operation on its way). */
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
  g_autoptr(GFile) folder =
    gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (in_folder->chooser));

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

typedef struct
{
  GtkWindow *chooser;
  GFile     *file;
} Chosen;

static gboolean
chooser_has_file_cb (gpointer data)
{
  Chosen *chosen = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chosen->chooser));

  return file && g_file_equal (file, chosen->file);
}

/* Chooses @file in @chooser, as a user would, and accepts it: in a Save
 * chooser, @file's folder, then its name typed; in an Open one, the file.
 * The chooser loads the folder in the background: this waits until it has
 * @file before it answers. The chooser goes once it has answered (see
 * rc_test_gui_wait_gone()). */
void
rc_test_gui_choose_file (GtkWindow *chooser,
                         GFile     *file)
{
  Chosen chosen = { chooser, file };

  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);

      g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder,
                                                          NULL));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    {
      g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
    }

  if (!rc_test_gui_wait (chooser_has_file_cb, &chosen))
    g_error ("The file chooser does not have %s", g_file_peek_path (file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

/* Whether @widget, after one more frame, gives a render node (one being
 * mapped on a busy machine gives none yet). */
static gboolean
drawn_cb (gpointer data)
{
  Drawn *drawn = data;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  rc_test_gui_wait_for_frame (drawn->widget);
  drawn->width = gtk_widget_get_width (drawn->widget);
  drawn->height = gtk_widget_get_height (drawn->widget);
  gdk_paintable_snapshot (drawn->paintable, GDK_SNAPSHOT (snapshot), drawn->width, drawn->height);
  drawn->node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  return drawn->node != NULL;
}

/* Saves @widget, once laid out and drawn, as $RC_SCREENSHOT_DIR/@file_name (if that is set). */
void
rc_test_gui_save_screenshot (GtkWidget  *widget,
                             const char *file_name)
{
  const char *dir = g_getenv ("RC_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  Drawn drawn = { widget };

  if (dir == NULL)
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  /* What changed last, laid out and drawn, no transition half-way. */
  rc_test_gui_wait_for_transitions (widget);
  paintable = gtk_widget_paintable_new (widget);
  drawn.paintable = paintable;
  if (!rc_test_gui_wait (drawn_cb, &drawn))
    g_error ("%s gives nothing to draw", G_OBJECT_TYPE_NAME (widget));

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), drawn.node,
                                         &GRAPHENE_RECT_INIT (0, 0, drawn.width, drawn.height));
  gsk_render_node_unref (drawn.node);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s (%d×%d)", path, drawn.width, drawn.height);
}
