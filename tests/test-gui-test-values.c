/* test-gui-test-values.c: the rows that edit a method's test values, two views of them at once
 *
 * Two RcTestValues show one method in a real window, as the Request and
 * Test tabs do: their rows follow the URL's parameters (made anew only
 * when one comes, goes or moves between path and query), say where each
 * is when asked, and a value typed character by character in either view
 * reaches the method once a character and shows in the other, without a
 * write of the view's own coming back. A parameter marked as required says
 * so in its rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include "rc-test-gui.h"
#include "rc-test-values.h"

typedef struct
{
  RcMethod     *method;
  GtkWindow    *window;
  RcTestValues *request;   /* as on the Request tab: with the location */
  RcTestValues *test;      /* as on the Test tab */
} Fixture;

static gboolean
window_ready_cb (gpointer data)
{
  GtkWidget *window = data;

  return gtk_widget_get_mapped (window) && gtk_widget_get_width (window) > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box;

  if (!rc_test_gui_has_display ())
    return;

  fixture->method = rc_method_new ("getPet");
  rc_method_set_url (fixture->method, "/pets/{petId}?fields={ fields }");
  rc_pair_list_append (rc_method_get_test_values (fixture->method), "petId", "7");

  fixture->request = g_object_new (RC_TYPE_TEST_VALUES,
                                   "show-location", TRUE,
                                   "row-name", "request-row",
                                   "method", fixture->method,
                                   NULL);
  fixture->test = g_object_new (RC_TYPE_TEST_VALUES,
                                "row-name", "test-row",
                                "method", fixture->method,
                                NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->request));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->test));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 600, 400);
  gtk_window_set_child (fixture->window, box);
  gtk_window_present (fixture->window);
  g_assert_true (rc_test_gui_wait (window_ready_cb, fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window)
    {
      gtk_window_destroy (fixture->window);
      rc_test_gui_wait_for_idle ();
    }
  g_clear_object (&fixture->method);
}

/* The rows of @values, in order. */
static GPtrArray *
get_rows (RcTestValues *values)
{
  GPtrArray *rows = g_ptr_array_new ();
  const char *name = rc_test_values_get_row_name (values);

  for (GtkWidget *row = rc_test_gui_find_named (GTK_WIDGET (values), name);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        g_ptr_array_add (rows, row);
    }

  return rows;
}

static const char *
get_title (GPtrArray *rows,
           guint      index)
{
  return adw_preferences_row_get_title (g_ptr_array_index (rows, index));
}

static const char *
get_location (GPtrArray *rows,
              guint      index)
{
  GtkWidget *label =
    rc_test_gui_find_named (g_ptr_array_index (rows, index), "method-parameter-location");

  return label ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The row of @values for parameter @name: titled "NAME · test value"
 * where the rows say where their parameter is (the Request tab's). */
static GtkWidget *
find_row (RcTestValues *values,
          const char   *name)
{
  g_autofree char *title = rc_test_values_get_show_location (values)
                           ? g_strdup_printf ("%s · test value", name)
                           : g_strdup (name);

  return rc_test_gui_find_titled_row (GTK_WIDGET (values), rc_test_values_get_row_name (values),
                                      title);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_rows_follow_url (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) test_rows = NULL;
  guint empty_notified = 0;

  if (rc_test_gui_skip_without_display ())
    return;

  /* A row a parameter, with its test value; where it is, when asked. */
  rows = get_rows (fixture->request);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (get_title (rows, 0), ==, "petId · test value");
  g_assert_cmpstr (get_location (rows, 0), ==, "Path");
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (rows, 0)), ==, "7");
  g_assert_cmpstr (get_title (rows, 1), ==, "fields · test value");
  g_assert_cmpstr (get_location (rows, 1), ==, "Query");
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (rows, 1)), ==, "");
  test_rows = get_rows (fixture->test);
  g_assert_cmpuint (test_rows->len, ==, 2);
  g_assert_null (get_location (test_rows, 1));
  g_assert_false (rc_test_values_get_empty (fixture->request));

  /* Typing elsewhere in the URL keeps the rows (and the focus in them). */
  rc_method_set_url (fixture->method, "/v2/pets/{petId}?fields={fields}");
  kept = get_rows (fixture->request);
  g_assert_cmpuint (kept->len, ==, 2);
  g_assert_true (g_ptr_array_index (kept, 0) == g_ptr_array_index (rows, 0));
  g_assert_true (g_ptr_array_index (kept, 1) == g_ptr_array_index (rows, 1));
  g_clear_pointer (&kept, g_ptr_array_unref);

  /* A parameter moved to the query says so. */
  rc_method_set_url (fixture->method, "/pets?id={petId}&fields={fields}");
  kept = get_rows (fixture->request);
  g_assert_cmpstr (get_title (kept, 0), ==, "petId · test value");
  g_assert_cmpstr (get_location (kept, 0), ==, "Query");
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (kept, 0)), ==, "7");
  g_clear_pointer (&kept, g_ptr_array_unref);

  /* No parameters: no rows, the values kept in the method. */
  g_signal_connect_swapped (fixture->request, "notify::empty", G_CALLBACK (count_cb),
                            &empty_notified);
  rc_method_set_url (fixture->method, "/pets");
  kept = get_rows (fixture->request);
  g_assert_cmpuint (kept->len, ==, 0);
  g_assert_true (rc_test_values_get_empty (fixture->request));
  g_assert_cmpuint (empty_notified, ==, 1);
  g_assert_cmpstr (rc_pair_list_lookup (rc_method_get_test_values (fixture->method), "petId"), ==,
                   "7");

  /* Another method: its rows. */
  {
    g_autoptr(RcMethod) other = rc_method_new ("getToy");

    rc_method_set_url (other, "/toys/{toyId}");
    rc_test_values_set_method (fixture->request, other);
    g_assert_nonnull (find_row (fixture->request, "toyId"));
    g_assert_cmpuint (empty_notified, ==, 2);
    rc_test_values_set_method (fixture->request, NULL);
    g_assert_true (rc_test_values_get_empty (fixture->request));
  }
}

/* Whether the row @title of @values says its parameter is required, on
 * screen and to assistive technologies. */
static gboolean
row_says_required (RcTestValues *values,
                   const char   *title)
{
  GtkWidget *row = find_row (values, title);
  GtkWidget *marker;

  g_assert_nonnull (row);
  marker = rc_test_gui_find_named (row, "test-value-required");
  if (marker == NULL)
    return FALSE;

  g_assert_true (gtk_widget_get_mapped (marker));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (marker)), ==, "Required");
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Required");

  return TRUE;
}

/* A path parameter says it is required (a path needs each value), in both
 * views; a query parameter only when the method marks it so (as an import
 * does), following the method's marks. */
static void
test_required_marked (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const fields[] = { "fields", NULL };
  GtkWidget *kept;

  if (rc_test_gui_skip_without_display ())
    return;

  rc_method_set_url (fixture->method, "/pets/{petId}?fields={fields}");
  rc_test_gui_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (row_says_required (fixture->request, "petId"));
  g_assert_true (row_says_required (fixture->test, "petId"));
  g_assert_false (row_says_required (fixture->request, "fields"));
  g_assert_false (row_says_required (fixture->test, "fields"));

  rc_method_set_required_parameters (fixture->method, fields);
  rc_test_gui_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (row_says_required (fixture->request, "fields"));
  g_assert_true (row_says_required (fixture->test, "fields"));
  g_assert_true (row_says_required (fixture->test, "petId"));
  /* The value stays in the row made anew. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (fixture->test, "petId"))), ==,
                   "7");
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "test-values-required.png");

  /* Typing elsewhere in the URL keeps the rows and their marks. */
  kept = find_row (fixture->request, "petId");
  rc_method_set_url (fixture->method, "/v2/pets/{petId}?fields={fields}");
  g_assert_true (find_row (fixture->request, "petId") == kept);

  rc_method_set_required_parameters (fixture->method, NULL);
  rc_test_gui_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_false (row_says_required (fixture->request, "fields"));
  g_assert_true (row_says_required (fixture->request, "petId"));
}

/* A path parameter without a value is marked as an error, with the focus,
 * until it is typed into; an empty query parameter is not. */
static void
test_missing_marked (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *missing = NULL;
  GtkWidget *pet_id;
  GtkWidget *fields;

  if (rc_test_gui_skip_without_display ())
    return;

  rc_method_set_url (fixture->method, "/pets/{petId}?fields={fields}");
  rc_test_gui_wait_for_frame (GTK_WIDGET (fixture->window));
  pet_id = find_row (fixture->test, "petId");
  fields = find_row (fixture->test, "fields");

  missing = rc_test_values_mark_missing (fixture->test);
  g_assert_null (missing);
  g_assert_false (gtk_widget_has_css_class (pet_id, "error"));

  gtk_editable_set_text (GTK_EDITABLE (pet_id), "");
  missing = rc_test_values_mark_missing (fixture->test);
  g_assert_cmpstr (missing, ==, "petId");
  g_assert_true (gtk_widget_has_css_class (pet_id, "error"));
  g_assert_false (gtk_widget_has_css_class (fields, "error"));
  g_assert_true (gtk_widget_is_focus (gtk_root_get_focus (GTK_ROOT (fixture->window))) &&
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         pet_id));

  gtk_editable_set_text (GTK_EDITABLE (pet_id), "8");
  g_assert_false (gtk_widget_has_css_class (pet_id, "error"));
}

/* Each character typed reaches the method once, and the other view; a
 * value shown in a row never writes itself back (setting a row's text
 * first clears it: without the guard that would reach the method, and the
 * view being typed into). */
static void
test_type_in_two_views (Fixture       *fixture,
                        gconstpointer  data)
{
  RcPairList *values;
  GtkWidget *request_row;
  GtkWidget *test_row;
  guint changes = 0;

  if (rc_test_gui_skip_without_display ())
    return;

  values = rc_method_get_test_values (fixture->method);
  request_row = find_row (fixture->request, "fields");
  test_row = find_row (fixture->test, "fields");
  g_assert_nonnull (request_row);
  g_assert_nonnull (test_row);
  g_signal_connect_swapped (values, "changed", G_CALLBACK (count_cb), &changes);

  rc_test_gui_type_characters (test_row, "name");
  g_assert_cmpuint (changes, ==, 4);
  g_assert_cmpstr (rc_pair_list_lookup (values, "fields"), ==, "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_row)), ==, "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (request_row)), ==, "name");

  changes = 0;
  rc_test_gui_type_characters (request_row, ",tagé");
  g_assert_cmpuint (changes, ==, 5);
  g_assert_cmpstr (rc_pair_list_lookup (values, "fields"), ==, "name,tagé");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_row)), ==, "name,tagé");

  /* Set elsewhere (a file, the command line): shown, not written back. */
  changes = 0;
  rc_pair_list_set (values, "fields", "id");
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_row)), ==, "id");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (request_row)), ==, "id");

  /* Emptied in a row: an empty value, not none. */
  gtk_editable_delete_text (GTK_EDITABLE (request_row), 0, -1);
  g_assert_cmpstr (rc_pair_list_lookup (values, "fields"), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_row)), ==, "");
}

static void
test_entry_activated (Fixture       *fixture,
                      gconstpointer  data)
{
  guint activated = 0;

  if (rc_test_gui_skip_without_display ())
    return;

  g_signal_connect_swapped (fixture->test, "entry-activated", G_CALLBACK (count_cb), &activated);
  g_signal_emit_by_name (find_row (fixture->test, "petId"), "entry-activated");
  g_assert_cmpuint (activated, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rc_test_gui_init ();

  g_test_add ("/restcall/gui/test-values/rows-follow-url", Fixture, NULL,
              fixture_set_up, test_rows_follow_url, fixture_tear_down);
  g_test_add ("/restcall/gui/test-values/required-marked", Fixture, NULL,
              fixture_set_up, test_required_marked, fixture_tear_down);
  g_test_add ("/restcall/gui/test-values/missing-marked", Fixture, NULL,
              fixture_set_up, test_missing_marked, fixture_tear_down);
  g_test_add ("/restcall/gui/test-values/type-in-two-views", Fixture, NULL,
              fixture_set_up, test_type_in_two_views, fixture_tear_down);
  g_test_add ("/restcall/gui/test-values/entry-activated", Fixture, NULL,
              fixture_set_up, test_entry_activated, fixture_tear_down);

  return g_test_run ();
}
