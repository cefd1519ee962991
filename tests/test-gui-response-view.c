/* test-gui-response-view.c: a response body, formatted, in a view as tall as its text
 *
 * An RcResponseView in a real window: JSON pretty-printed with its
 * highlighting (none over a size, which a caption says), a note for what
 * is not shown as text (no body, binary data, a body cut at
 * RC_RESPONSE_VIEW_LIMIT), a view as tall as a short body and no taller
 * than about twenty lines, a style scheme that follows the dark style, a
 * body shown in place of one still being formatted, and a view gone while
 * its body is formatted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <gtksourceview/gtksource.h>
#include <string.h>

#include "rc-response-view.h"
#include "rc-test-documents.h"
#include "rc-test-gui.h"

typedef struct
{
  GtkWindow      *window;
  RcResponseView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!rc_test_gui_has_display ())
    return;

  fixture->view = RC_RESPONSE_VIEW (rc_response_view_new ());
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  rc_test_gui_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window)
    rc_test_gui_close_window (&fixture->window);
}

static GtkWidget *
get_widget (Fixture    *fixture,
            const char *name)
{
  return rc_test_gui_get_named (GTK_WIDGET (fixture->view), name);
}

static GtkSourceBuffer *
get_buffer (Fixture *fixture)
{
  GtkWidget *view = get_widget (fixture, "test-response-view");

  return GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
}

static char *
dup_text (Fixture *fixture)
{
  return rc_test_gui_dup_view_text (get_widget (fixture, "test-response-view"));
}

static gboolean
view_empty_cb (gpointer data)
{
  return gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (get_buffer (data))) == 0;
}

static const char *
get_note (Fixture *fixture)
{
  GtkWidget *note = get_widget (fixture, "test-body-note");

  return gtk_widget_get_visible (note) ? gtk_label_get_text (GTK_LABEL (note)) : NULL;
}

static const char *
get_caption (Fixture *fixture)
{
  GtkWidget *caption = get_widget (fixture, "test-plain-caption");

  return gtk_widget_get_visible (caption) ? gtk_label_get_text (GTK_LABEL (caption)) : NULL;
}

static const char *
get_language (Fixture *fixture)
{
  GtkSourceLanguage *language = gtk_source_buffer_get_language (get_buffer (fixture));

  return language ? gtk_source_language_get_id (language) : NULL;
}

static gboolean
idle_cb (gpointer data)
{
  return !rc_response_view_get_busy (data);
}

/* Shows @text as @content_type, and waits until it is all in the view. */
static void
show (Fixture    *fixture,
      const char *text,
      gsize       length,
      const char *content_type)
{
  g_autoptr(GBytes) body = g_bytes_new (text, length);

  rc_response_view_show (fixture->view, body, content_type);
  g_assert_true (rc_response_view_get_busy (fixture->view));
  g_assert_true (rc_test_gui_wait (idle_cb, fixture->view));
}

/* Whether the text view @data is as tall as its text: it does not scroll. */
static gboolean
fits_text_cb (gpointer data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (data));

  return gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment);
}

static gboolean
scrolls_cb (gpointer data)
{
  return !fits_text_cb (data);
}

typedef struct
{
  GtkWidget *widget;
  int        height;
} Height;

static gboolean
has_height_cb (gpointer data)
{
  Height *wanted = data;

  return gtk_widget_get_height (wanted->widget) == wanted->height;
}

/* JSON, pretty and highlighted, in a view as tall as it, no taller. */
static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  static const char json[] = "{\"id\":42,\"name\":\"Rex\",\"tags\":[\"good\",\"dog\"]}";
  g_autofree char *text = NULL;
  GtkSourceLanguage *language;
  GtkWidget *scroller;

  if (rc_test_gui_skip_without_display ())
    return;

  /* Empty: a few lines high. */
  scroller = get_widget (fixture, "test-response-scroller");
  g_assert_cmpint (gtk_widget_get_height (scroller), <, 150);

  show (fixture, json, strlen (json), "application/json");
  text = dup_text (fixture);
  g_assert_true (g_str_has_prefix (text, "{\n  \"id\": 42,\n  \"name\": \"Rex\",\n"));
  language = gtk_source_buffer_get_language (get_buffer (fixture));
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "json");
  g_assert_null (get_note (fixture));
  g_assert_null (get_caption (fixture));
  if (!rc_test_gui_wait (fits_text_cb, get_widget (fixture, "test-response-view")))
    g_error ("The response view does not grow to its text: it scrolls");
  g_assert_cmpint (gtk_widget_get_height (scroller), <, 320);
}

static gboolean
mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Before the first body, and once cleared, the view says that nothing was
 * received yet, over the empty view; not while a body is shown. */
static void
test_placeholder (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *placeholder;

  if (rc_test_gui_skip_without_display ())
    return;

  placeholder = get_widget (fixture, "test-response-placeholder");
  g_assert_true (rc_test_gui_wait (mapped_cb, placeholder));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (placeholder)), ==,
                   "Nothing received yet. Press Test to make the call.");

  show (fixture, "{}", 2, "application/json");
  g_assert_false (gtk_widget_get_visible (placeholder));

  rc_response_view_clear (fixture->view);
  g_assert_true (rc_test_gui_wait (mapped_cb, placeholder));
}

/* Many lines: about twenty shown, the rest scrolled to. */
static void
test_tall (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  Height wanted = { NULL, 400 };

  if (rc_test_gui_skip_without_display ())
    return;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (lines, "line %u\n", i);
  show (fixture, lines->str, lines->len, "text/plain");

  wanted.widget = get_widget (fixture, "test-response-scroller");
  if (!rc_test_gui_wait (has_height_cb, &wanted))
    g_error ("The response view is %d px high, not at most 400",
             gtk_widget_get_height (wanted.widget));
  if (!rc_test_gui_wait (scrolls_cb, get_widget (fixture, "test-response-view")))
    g_error ("The response view does not scroll to the rest of its text");

  /* Cleared: a few lines high again. */
  rc_response_view_clear (fixture->view);
  {
    int height;

    gtk_widget_get_size_request (wanted.widget, NULL, &height);
    g_assert_cmpint (height, ==, 96);
  }
}

/* What is not shown as text is said above the view. */
static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  static const char binary[] = { 0x00, 0x01, 0x02, (char) 0xff, (char) 0xfe, 0x00, 0x7f };
  GtkWidget *note;

  if (rc_test_gui_skip_without_display ())
    return;

  note = get_widget (fixture, "test-body-note");

  show (fixture, "", 0, "application/json");
  g_assert_cmpstr (get_note (fixture), ==, "The response has no body.");
  g_assert_true (gtk_widget_has_css_class (note, "dim-label"));

  show (fixture, binary, sizeof binary, "application/octet-stream");
  g_assert_nonnull (strstr (get_note (fixture), "binary data"));
  g_assert_nonnull (strstr (get_note (fixture), "shown in hexadecimal"));
  g_assert_true (gtk_widget_has_css_class (note, "dim-label"));

  /* The owner's note; then none. */
  rc_response_view_set_note (fixture->view, "No response.", "error");
  g_assert_cmpstr (get_note (fixture), ==, "No response.");
  g_assert_true (gtk_widget_has_css_class (note, "error"));
  g_assert_false (gtk_widget_has_css_class (note, "warning"));
  rc_response_view_set_note (fixture->view, NULL, NULL);
  g_assert_null (get_note (fixture));

  /* A short body after a note: the note goes. */
  show (fixture, "{}", 2, "application/json");
  g_assert_null (get_note (fixture));
}

/* More than a view shows: cut, and said in a warning. */
static void
test_cut (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *text = NULL;
  GtkWidget *note;

  if (rc_test_gui_skip_without_display ())
    return;

  note = get_widget (fixture, "test-body-note");
  while (big->len <= RC_RESPONSE_VIEW_LIMIT)
    g_string_append (big, "All work and no play makes Jack a dull boy.\n");
  show (fixture, big->str, big->len, "text/plain");
  g_assert_nonnull (strstr (get_note (fixture), "The body is cut here"));
  g_assert_true (gtk_widget_has_css_class (note, "warning"));
  text = dup_text (fixture);
  g_assert_cmpuint (strlen (text), <=, RC_RESPONSE_VIEW_LIMIT);
  g_assert_true (g_str_has_prefix (text, "All work and no play"));
}

/* A big body is shown plain, which a caption under it says, in the
 * monospace font; a small one after it is highlighted again, with no
 * caption. */
static void
test_plain (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GBytes) big = rc_test_big_json_body (200 * 1000);
  g_autoptr(GString) lines = g_string_new (NULL);
  GtkWidget *caption;
  g_autofree char *text = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  show (fixture, g_bytes_get_data (big, NULL), g_bytes_get_size (big), "application/json");
  text = dup_text (fixture);
  g_assert_true (g_str_has_prefix (text, "{\n  \"items\": [\n"));
  g_assert_null (get_language (fixture));
  g_assert_nonnull (get_caption (fixture));
  g_assert_true (g_str_has_prefix (get_caption (fixture), "Syntax highlighting is off"));
  caption = get_widget (fixture, "test-plain-caption");
  g_assert_true (gtk_widget_has_css_class (caption, "dim-label"));
  g_assert_true (gtk_text_view_get_monospace (GTK_TEXT_VIEW (get_widget (fixture,
                                                                         "test-response-view"))));

  show (fixture, "{\"small\":true}", strlen ("{\"small\":true}"), "application/json");
  g_assert_cmpstr (get_language (fixture), ==, "json");
  g_assert_true (gtk_source_buffer_get_highlight_syntax (get_buffer (fixture)));
  g_assert_null (get_caption (fixture));

  /* Cleared: no caption either. */
  show (fixture, g_bytes_get_data (big, NULL), g_bytes_get_size (big), "application/json");
  g_assert_nonnull (get_caption (fixture));
  rc_response_view_clear (fixture->view);
  g_assert_null (get_caption (fixture));

  /* Plain text is never highlighted: nothing to say. */
  while (lines->len <= 1000 * 1000)
    g_string_append (lines, "All work and no play makes Jack a dull boy.\n");
  show (fixture, lines->str, lines->len, "text/plain");
  g_assert_null (get_language (fixture));
  g_assert_null (get_caption (fixture));
}

/* A body shown while another is formatted or inserted: only the last is
 * shown, and the view is busy until it is. */
static void
test_replaced (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) first = rc_test_big_json_body (20 * 1000);
  g_autofree char *text = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  rc_response_view_show (fixture->view, first, "application/json");
  show (fixture, "{\"second\":true}", strlen ("{\"second\":true}"), "application/json");
  text = dup_text (fixture);
  g_assert_cmpstr (text, ==, "{\n  \"second\": true\n}\n");
  g_clear_pointer (&text, g_free);

  /* Cleared while busy: nothing comes in later. */
  rc_response_view_show (fixture->view, first, "application/json");
  rc_response_view_clear (fixture->view);
  g_assert_false (rc_response_view_get_busy (fixture->view));
  show (fixture, "[1]", 3, "application/json");
  text = dup_text (fixture);
  g_assert_cmpstr (text, ==, "[\n  1\n]\n");
}

/* Gone with its window while its body is formatted: finalized, and the
 * formatting's end touches nothing (the sanitizers would say). */
static void
test_gone_while_formatting (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GBytes) body = rc_test_big_json_body (20 * 1000);
  RcResponseView *view = fixture->view;

  if (rc_test_gui_skip_without_display ())
    return;

  rc_response_view_show (view, body, "application/json");
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  rc_test_gui_close_window (&fixture->window);
  g_assert_null (view);

  /* Another view formats the same body meanwhile, to its end. */
  fixture_set_up (fixture, data);
  show (fixture, g_bytes_get_data (body, NULL), g_bytes_get_size (body), "application/json");
}

/* Shown, cleared, shown again: the view shows the last body only, highlighted, from its
 * start, in the style; and the buffer that held the big text before is let go of (it is
 * emptied in the background), not kept for the next text. A big text leaves the view in
 * a main loop turn of its own, not in the one that cleared it. */
static void
test_refilled (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) big = rc_test_big_json_body (3 * 1024 * 1024);
  g_autofree char *text = NULL;
  GtkSourceBuffer *old;
  GtkSourceBuffer *buffer;
  GtkTextIter cursor;

  if (rc_test_gui_skip_without_display ())
    return;

  show (fixture, g_bytes_get_data (big, NULL), g_bytes_get_size (big), "application/json");
  g_assert_nonnull (strstr (get_note (fixture), "The body is cut here"));
  text = dup_text (fixture);
  g_assert_true (g_str_has_prefix (text, "{\n  \"items\": [\n    {\n      \"id\": 0,\n"));
  g_assert_cmpuint (strlen (text), >, RC_RESPONSE_VIEW_LIMIT / 2);
  g_clear_pointer (&text, g_free);

  old = get_buffer (fixture);
  g_object_add_weak_pointer (G_OBJECT (old), (gpointer *) &old);
  rc_response_view_clear (fixture->view);
  g_assert_true (get_buffer (fixture) == old);
  g_assert_null (get_note (fixture));
  g_assert_true (rc_test_gui_wait (view_empty_cb, fixture));
  rc_test_gui_wait_gone (&old);

  show (fixture, "{\"second\":true}", strlen ("{\"second\":true}"), "application/json");
  text = dup_text (fixture);
  g_assert_cmpstr (text, ==, "{\n  \"second\": true\n}\n");
  buffer = get_buffer (fixture);
  g_assert_cmpstr (gtk_source_language_get_id (gtk_source_buffer_get_language (buffer)), ==,
                   "json");
  g_assert_true (gtk_source_buffer_get_highlight_syntax (buffer));
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer)),
                   ==, "Adwaita");
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (buffer), &cursor,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (buffer)));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, 0);
  g_assert_false (gtk_text_buffer_get_enable_undo (GTK_TEXT_BUFFER (buffer)));
}

typedef struct
{
  GtkSourceBuffer *buffer;
  const char      *scheme;
} Scheme;

static gboolean
has_scheme_cb (gpointer data)
{
  Scheme *wanted = data;

  GtkSourceStyleScheme *scheme = gtk_source_buffer_get_style_scheme (wanted->buffer);

  return g_strcmp0 (gtk_source_style_scheme_get_id (scheme), wanted->scheme) == 0;
}

/* The style scheme follows the light and dark style, in the buffer of each text shown. */
static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  Scheme wanted = { NULL, "Adwaita-dark" };

  if (rc_test_gui_skip_without_display ())
    return;

  wanted.buffer = get_buffer (fixture);
  wanted.scheme = "Adwaita";
  g_assert_true (has_scheme_cb (&wanted));
  wanted.scheme = "Adwaita-dark";
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (rc_test_gui_wait (has_scheme_cb, &wanted));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  wanted.scheme = "Adwaita";
  g_assert_true (rc_test_gui_wait (has_scheme_cb, &wanted));

  show (fixture, "[1]", 3, "application/json");
  wanted.buffer = get_buffer (fixture);
  wanted.scheme = "Adwaita-dark";
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (rc_test_gui_wait (has_scheme_cb, &wanted));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  wanted.scheme = "Adwaita";
  g_assert_true (rc_test_gui_wait (has_scheme_cb, &wanted));
}

/* A widget at the end of the heading; the heading's mnemonic goes to the text. */
static void
test_header_suffix (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *button = gtk_button_new_with_label ("Save");
  GtkWidget *heading;

  if (rc_test_gui_skip_without_display ())
    return;

  g_object_set (fixture->view, "header-suffix", button, NULL);
  g_assert_true (rc_response_view_get_header_suffix (fixture->view) == button);
  heading = gtk_widget_get_prev_sibling (button);
  g_assert_true (GTK_IS_LABEL (heading));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (heading)), ==, "Response Bo_dy");
  g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (heading)) ==
                 get_widget (fixture, "test-response-view"));

  g_object_ref (button);
  rc_response_view_set_header_suffix (fixture->view, NULL);
  g_assert_null (gtk_widget_get_parent (button));
  g_assert_null (rc_response_view_get_header_suffix (fixture->view));
  g_object_unref (button);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rc_test_gui_init ();

#define ADD(path, func) \
  g_test_add ("/restcall/gui/response-view/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("json", test_json);
  ADD ("placeholder", test_placeholder);
  ADD ("tall", test_tall);
  ADD ("notes", test_notes);
  ADD ("cut", test_cut);
  ADD ("plain", test_plain);
  ADD ("replaced", test_replaced);
  ADD ("refilled", test_refilled);
  ADD ("gone-while-formatting", test_gone_while_formatting);
  ADD ("dark", test_dark);
  ADD ("header-suffix", test_header_suffix);

#undef ADD

  return g_test_run ();
}
