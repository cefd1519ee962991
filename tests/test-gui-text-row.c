/* test-gui-text-row.c: long and multi-line values show whole, in rows that wrap and grow
 *
 * The API's and a method's descriptions and the OAuth scopes are RcTextRows
 * in a real window: a description with a line break, from a project file,
 * shows both lines in a row taller than an entry row; what is typed there
 * reaches the model and marks the project changed. The scopes row is
 * single-line: Enter activates it instead of breaking the line, a pasted
 * line break becomes a space, and a long list wraps, the row growing with
 * it. Setting the text from the model notifies once and is never written
 * back changed; Tab leaves the text, as from an entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gstdio.h>

#include "rc-test-gui.h"
#include "rc-text-row.h"

#define API_DESCRIPTION    "Pets, with OAuth 2.0\nclient credentials"
#define METHOD_DESCRIPTION "List all pets,\na page at a time"

typedef struct
{
  char      *folder;
  RcProject *project;
  RcApi     *api;
  RcWindow  *window;
} Fixture;

typedef struct
{
  GtkWidget *row;
  int        height;
} Taller;

typedef struct
{
  RcTextRow  *row;
  const char *text;
} TextWait;

/* The sample project, its descriptions with a line break, through a file
 * as a person's would come. */
static RcProject *
load_project (const char *folder)
{
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "data", "sample.restcall", NULL);
  g_autofree char *path = g_build_filename (folder, "multi-line.restcall", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RcProject *project;

  g_assert_true (g_file_get_contents (sample_path, &contents, NULL, &error));
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "\"Pets, with OAuth 2.0 client credentials\"",
                                      "\"Pets, with OAuth 2.0\\nclient credentials\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"List all pets\"",
                                      "\"List all pets,\\na page at a time\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, &error));
  g_assert_no_error (error);

  project = rc_project_load (file, NULL, &error);
  g_assert_no_error (error);

  return project;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!rc_test_gui_has_display ())
    return;

  fixture->folder = g_dir_make_tmp ("restcall-text-row-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->project = load_project (fixture->folder);
  fixture->api = rc_project_find_api (fixture->project, "Petstore");
  g_assert_nonnull (fixture->api);
  g_assert_false (rc_project_get_dirty (fixture->project));
  fixture->window = rc_test_gui_present_window (fixture->project, 1000, 860);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;

  if (!rc_test_gui_has_display ())
    return;

  rc_test_gui_destroy_window (&fixture->window);
  g_assert_finalize_object (fixture->project);
  path = g_build_filename (fixture->folder, "multi-line.restcall", NULL);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (fixture->folder), ==, 0);
  g_free (fixture->folder);
}

/* The page @page_name of the window's content, shown. */
static GtkWidget *
show_page (Fixture    *fixture,
           GObject    *item,
           const char *page_name)
{
  GtkWidget *stack = rc_test_gui_get_widget (fixture->window, "content-stack");

  rc_test_gui_select_item (fixture->window, item);
  rc_test_gui_assert_page_shown (fixture->window, page_name);

  return gtk_stack_get_child_by_name (GTK_STACK (stack), page_name);
}

static RcTextRow *
get_text_row (GtkWidget  *root,
              const char *name)
{
  GtkWidget *row = rc_test_gui_get_named (root, name);

  g_assert_true (RC_IS_TEXT_ROW (row));
  g_assert_true (gtk_widget_get_mapped (row));

  return RC_TEXT_ROW (row);
}

/* What the row's text view holds, which is what it shows. */
static char *
dup_shown (RcTextRow *row)
{
  return rc_test_gui_dup_view_text (GTK_WIDGET (rc_text_row_get_text_view (row)));
}

static gboolean
taller_cb (gpointer data)
{
  Taller *taller = data;

  return gtk_widget_get_height (taller->row) > taller->height;
}

/* Waits until @row is laid out taller than @height (a text view lays out
 * its lines after the frame it is first given its width in). */
static void
wait_taller (GtkWidget *row,
             int        height)
{
  Taller taller = { row, height };

  if (!rc_test_gui_wait (taller_cb, &taller))
    g_error ("%s stays %d px high, no taller than %d px", gtk_widget_get_name (row),
             gtk_widget_get_height (row), height);
}

static gboolean
lines_shown_cb (gpointer data)
{
  GtkWidget *view = data;
  int height;

  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view),
                      &height, NULL, NULL, NULL);

  return height > 0 && gtk_widget_get_height (view) == height;
}

/* Waits until the text view of @row is as high as its lines: the first
 * allocation lays them out, too late for itself. */
static void
wait_lines_shown (RcTextRow *row)
{
  GtkWidget *view = GTK_WIDGET (rc_text_row_get_text_view (row));

  if (!rc_test_gui_wait (lines_shown_cb, view))
    g_error ("The text of %s stays %d px high", gtk_widget_get_name (GTK_WIDGET (row)),
             gtk_widget_get_height (view));
}

static gboolean
text_is_cb (gpointer data)
{
  TextWait *wait = data;

  return g_strcmp0 (rc_text_row_get_text (wait->row), wait->text) == 0;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
count_activated_cb (RcTextRow *row,
                    guint     *count)
{
  (*count)++;
}

/* Types @text where the cursor is, as the keyboard's characters arrive:
 * one interactive insertion a character. */
static void
type_at_cursor (RcTextRow  *row,
                const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (rc_text_row_get_text_view (row));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    gtk_text_buffer_insert_interactive_at_cursor (buffer, p, (int) (g_utf8_next_char (p) - p), TRUE);
}

/* The text view's key controller that runs first, as a key press reaches it. */
static GtkEventController *
find_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return controller;
    }

  return NULL;
}

/* Tests */

static void
test_descriptions_whole (Fixture       *fixture,
                         gconstpointer  data)
{
  RcMethod *method;
  GtkWidget *page;
  RcTextRow *row;
  g_autofree char *api_shown = NULL;
  g_autofree char *method_shown = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  /* The API's: both lines, in a row taller than the one-line name's. */
  page = show_page (fixture, G_OBJECT (fixture->api), "api");
  row = get_text_row (page, "api-description-row");
  api_shown = dup_shown (row);
  g_assert_cmpstr (api_shown, ==, API_DESCRIPTION);
  g_assert_cmpstr (rc_text_row_get_text (row), ==, API_DESCRIPTION);
  wait_taller (GTK_WIDGET (row), gtk_widget_get_height (rc_test_gui_get_named (page, "api-name-row")));

  /* The method's. */
  method = rc_api_find_method (fixture->api, "listPets");
  page = show_page (fixture, G_OBJECT (method), "method");
  row = get_text_row (page, "method-description-row");
  method_shown = dup_shown (row);
  g_assert_cmpstr (method_shown, ==, METHOD_DESCRIPTION);
  wait_taller (GTK_WIDGET (row),
               gtk_widget_get_height (rc_test_gui_get_named (page, "method-name-row")));

  /* Showing them changed nothing. */
  g_assert_cmpstr (rc_api_get_description (fixture->api), ==, API_DESCRIPTION);
  g_assert_cmpstr (rc_method_get_description (method), ==, METHOD_DESCRIPTION);
  g_assert_false (rc_project_get_dirty (fixture->project));
}

static void
test_edit_descriptions (Fixture       *fixture,
                        gconstpointer  data)
{
  RcMethod *method;
  GtkWidget *page;
  RcTextRow *row;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autofree char *shown = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  method = rc_api_find_method (fixture->api, "getPet");

  /* A method without one: the title alone, then typed into, a line break too. */
  page = show_page (fixture, G_OBJECT (method), "method");
  row = get_text_row (page, "method-description-row");
  g_assert_cmpstr (rc_text_row_get_text (row), ==, "");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  rc_test_gui_wait_for_focus (GTK_WIDGET (rc_text_row_get_text_view (row)));
  type_at_cursor (row, "One pet\nby its id");
  g_assert_cmpstr (rc_method_get_description (method), ==, "One pet\nby its id");
  g_assert_true (rc_project_get_dirty (fixture->project));

  /* The API's, at its end. */
  rc_project_set_dirty (fixture->project, FALSE);
  page = show_page (fixture, G_OBJECT (fixture->api), "api");
  row = get_text_row (page, "api-description-row");
  view = rc_text_row_get_text_view (row);
  buffer = gtk_text_view_get_buffer (view);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  rc_test_gui_wait_for_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  type_at_cursor (row, ".\nSee the docs.");
  g_assert_cmpstr (rc_api_get_description (fixture->api), ==,
                   API_DESCRIPTION ".\nSee the docs.");
  g_assert_true (rc_project_get_dirty (fixture->project));

  /* The model, changed elsewhere, shows. */
  rc_api_set_description (fixture->api, "Changed\nelsewhere");
  shown = dup_shown (row);
  g_assert_cmpstr (shown, ==, "Changed\nelsewhere");
}

/* Tab moves on, as from an entry, and types no tab. */
static void
test_tab_leaves (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *page;
  RcTextRow *row;
  GtkWidget *view;
  GtkWidget *focus;

  if (rc_test_gui_skip_without_display ())
    return;

  page = show_page (fixture, G_OBJECT (fixture->api), "api");
  row = get_text_row (page, "api-description-row");
  view = GTK_WIDGET (rc_text_row_get_text_view (row));
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (view)));

  /* Into it from the row above, and out of it to the next. */
  gtk_widget_grab_focus (rc_test_gui_get_named (page, "api-base-url-row"));
  g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_widget_has_focus (view));
  g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_TAB_FORWARD);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));
  g_assert_cmpstr (rc_text_row_get_text (row), ==, API_DESCRIPTION);

  /* And back. */
  g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_TAB_BACKWARD);
  g_assert_true (gtk_widget_has_focus (view));
}

static void
test_scopes_single_line (Fixture       *fixture,
                         gconstpointer  data)
{
  RcAuth *auth;
  GtkWidget *page;
  RcTextRow *row;
  GtkWidget *view;
  GtkEventController *keys;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  gboolean handled = FALSE;
  guint activated = 0;
  TextWait pasted;

  if (rc_test_gui_skip_without_display ())
    return;

  auth = rc_api_get_auth (fixture->api);
  page = show_page (fixture, G_OBJECT (fixture->api), "api");
  row = get_text_row (page, "auth-scopes-row");
  g_assert_true (rc_text_row_get_single_line (row));
  view = GTK_WIDGET (rc_text_row_get_text_view (row));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  rc_test_gui_wait_for_focus (view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);

  /* Enter: activated, no line break. */
  g_signal_connect (row, "entry-activated", G_CALLBACK (count_activated_cb), &activated);
  keys = find_key_controller (view);
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 36, (GdkModifierType) 0, &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_KP_Enter, 104, (GdkModifierType) 0, &handled);
  g_assert_true (handled);
  g_assert_cmpuint (activated, ==, 2);
  g_assert_cmpstr (rc_text_row_get_text (row), ==, "pets:read pets:write");
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "pets:read pets:write");

  /* A line break typed or pasted: a space. */
  type_at_cursor (row, "\n");
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "pets:read pets:write ");
  gdk_clipboard_set_text (gtk_widget_get_clipboard (view), "pets:admin\r\nowners:read\n");
  g_signal_emit_by_name (view, "paste-clipboard");
  pasted.row = row;
  pasted.text = "pets:read pets:write pets:admin owners:read ";
  if (!rc_test_gui_wait (text_is_cb, &pasted))
    g_error ("The pasted scopes read “%s”", rc_text_row_get_text (row));
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, pasted.text);
  g_assert_true (rc_project_get_dirty (fixture->project));

  /* Down from its last line: the next row, as from an entry row; Up: back. */
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE);
  rc_test_gui_wait_for_focus (rc_test_gui_get_named (page, "auth-client-auth-row"));
  g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_UP);
  rc_test_gui_wait_for_focus (view);
}

/* Setting the text notifies once, keeps it as it is, and is not echoed. */
static void
test_set_text (Fixture       *fixture,
               gconstpointer  data)
{
  RcAuth *auth;
  GtkWidget *page;
  RcTextRow *row;
  guint notified = 0;
  guint changed = 0;
  g_autofree char *shown = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  auth = rc_api_get_auth (fixture->api);
  page = show_page (fixture, G_OBJECT (fixture->api), "api");
  row = get_text_row (page, "auth-scopes-row");
  g_signal_connect (row, "notify::text", G_CALLBACK (count_notify_cb), &notified);
  g_signal_connect (auth, "notify::scopes", G_CALLBACK (count_notify_cb), &changed);

  /* From the model: a line break stays, even in single-line mode. */
  rc_auth_set_scopes (auth, "a\nb");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (rc_text_row_get_text (row), ==, "a\nb");
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "a\nb");
  shown = dup_shown (row);
  g_assert_cmpstr (shown, ==, "a\nb");

  /* The same again: nothing. */
  rc_text_row_set_text (row, "a\nb");
  g_assert_cmpuint (notified, ==, 1);

  /* Empty. */
  rc_text_row_set_text (row, NULL);
  g_assert_cmpstr (rc_text_row_get_text (row), ==, "");
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (changed, ==, 2);

  g_signal_handlers_disconnect_by_func (row, count_notify_cb, &notified);
  g_signal_handlers_disconnect_by_func (auth, count_notify_cb, &changed);
}

/* A long scope list wraps: the row grows, and the text stays inside it. */
static void
test_long_scopes_wrap (Fixture       *fixture,
                       gconstpointer  data)
{
  RcAuth *auth;
  GtkWidget *page;
  g_autoptr(GString) scopes = g_string_new (NULL);
  RcTextRow *row;
  GtkWidget *view;
  graphene_rect_t bounds;
  int one_line;
  int wrapped;

  if (rc_test_gui_skip_without_display ())
    return;

  auth = rc_api_get_auth (fixture->api);
  page = show_page (fixture, G_OBJECT (fixture->api), "api");
  /* One line: as high as an entry row, the line shown. */
  row = get_text_row (page, "auth-scopes-row");
  view = GTK_WIDGET (rc_text_row_get_text_view (row));
  wait_lines_shown (row);
  one_line = gtk_widget_get_height (GTK_WIDGET (row));
  g_assert_cmpint (one_line, ==, gtk_widget_get_height (rc_test_gui_get_named (page, "auth-client-id-row")));

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (scopes, "%shttps://petstore.example.com/scopes/pets.%u:read",
                            i ? " " : "", i);
  rc_auth_set_scopes (auth, scopes->str);
  wait_taller (GTK_WIDGET (row), 3 * one_line);
  wait_lines_shown (row);

  g_assert_true (gtk_widget_compute_bounds (view, GTK_WIDGET (row), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (row)));

  /* Narrower, it wraps again, taller. */
  wrapped = gtk_widget_get_height (GTK_WIDGET (row));
  rc_test_gui_resize (GTK_WINDOW (fixture->window), 700, 860);
  wait_taller (GTK_WIDGET (row), wrapped);
  wait_lines_shown (row);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rc_test_gui_init ();

  g_test_add ("/restcall/gui/text-row/descriptions-whole", Fixture, NULL,
              fixture_set_up, test_descriptions_whole, fixture_tear_down);
  g_test_add ("/restcall/gui/text-row/edit-descriptions", Fixture, NULL,
              fixture_set_up, test_edit_descriptions, fixture_tear_down);
  g_test_add ("/restcall/gui/text-row/tab-leaves", Fixture, NULL,
              fixture_set_up, test_tab_leaves, fixture_tear_down);
  g_test_add ("/restcall/gui/text-row/scopes-single-line", Fixture, NULL,
              fixture_set_up, test_scopes_single_line, fixture_tear_down);
  g_test_add ("/restcall/gui/text-row/set-text", Fixture, NULL,
              fixture_set_up, test_set_text, fixture_tear_down);
  g_test_add ("/restcall/gui/text-row/long-scopes-wrap", Fixture, NULL,
              fixture_set_up, test_long_scopes_wrap, fixture_tear_down);

  return g_test_run ();
}
