/* test-gui-response-save.c: Save Response…, through GTK's own file chooser
 *
 * The chooser suggests a name from the URL and the content type and
 * starts in the folder given, else in Downloads; the whole body is
 * written where the user says. Dismissed, nothing is written; cancelled,
 * the chooser closes, and a file already chosen is written all the same.
 * A file that cannot be written is named in the error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rc-response-save.h"
#include "rc-test-gui.h"

#define BODY "{\"id\":42,\"name\":\"Rex\"}"
#define URL "https://api.example.com/v1/pets/42"

typedef struct
{
  GtkWindow    *window;
  GBytes       *body;
  char         *dir;
  GAsyncResult *result;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!rc_test_gui_has_display ())
    return;

  fixture->body = g_bytes_new_static (BODY, strlen (BODY));
  fixture->dir = g_dir_make_tmp ("restcall-response-save-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 600, 400);
  rc_test_gui_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!rc_test_gui_has_display ())
    return;

  rc_test_gui_close_window (&fixture->window);
  g_clear_object (&fixture->result);
  g_clear_pointer (&fixture->body, g_bytes_unref);
  if (fixture->dir)
    g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->result = g_object_ref (result);
}

static gboolean
saved_cond (gpointer data)
{
  return ((Fixture *) data)->result != NULL;
}

/* Saves the fixture's body from its window; sets *@chooser to the
 * chooser, and to %NULL once it is gone. */
static void
start (Fixture       *fixture,
       GFile         *folder,
       GCancellable  *cancellable,
       GtkWindow    **chooser)
{
  rc_response_save_async (GTK_WIDGET (fixture->window), fixture->body, "application/json", URL,
                          folder, cancellable, saved_cb, fixture);
  *chooser = rc_test_gui_wait_for_file_chooser ();
  /* It loads the folder in the background: a folder set meanwhile may
   * be lost. */
  if (folder && !rc_test_gui_wait_for_chooser_folder (*chooser, folder))
    g_error ("The chooser does not start in %s", g_file_peek_path (folder));
  g_object_add_weak_pointer (G_OBJECT (*chooser), (gpointer *) chooser);
}

static GFile *
finish (Fixture  *fixture,
        GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_true (rc_test_gui_wait (saved_cond, fixture));
  result = g_steal_pointer (&fixture->result);

  return rc_response_save_finish (result, error);
}

static gboolean
file_written_cb (gpointer data)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (data, &contents, NULL, NULL) && g_str_equal (contents, BODY);
}

/* The name from the URL and the type, in the folder given; the whole body
 * written where the user says. */
static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GtkWindow *chooser;

  if (rc_test_gui_skip_without_display ())
    return;

  folder = g_file_new_for_path (fixture->dir);
  start (fixture, folder, NULL, &chooser);
  g_assert_true (gtk_window_get_modal (chooser));
  g_assert_true (gtk_window_get_transient_for (chooser) == fixture->window);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==, "42.json");

  file = g_file_get_child (folder, "rex.json");
  rc_test_gui_choose_file (chooser, file);
  saved = finish (fixture, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (saved, file));
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, BODY);
  rc_test_gui_wait_gone (&chooser);

  g_assert_true (g_file_delete (file, NULL, NULL));
}

/* No folder given: Downloads (or the home folder). Dismissed: nothing
 * written, and it says “cancelled”. */
static void
test_dismissed (Fixture       *fixture,
                gconstpointer  data)
{
  const char *downloads = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);
  g_autoptr(GFile) start_folder = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *chooser;

  if (rc_test_gui_skip_without_display ())
    return;

  if (downloads && g_file_test (downloads, G_FILE_TEST_IS_DIR))
    start_folder = g_file_new_for_path (downloads);
  else
    start_folder = g_file_new_for_path (g_get_home_dir ());

  start (fixture, NULL, NULL, &chooser);
  if (!rc_test_gui_wait_for_chooser_folder (chooser, start_folder))
    g_error ("The chooser does not start in %s", g_file_peek_path (start_folder));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);

  saved = finish (fixture, &error);
  g_assert_null (saved);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  rc_test_gui_wait_gone (&chooser);
}

/* Cancelled while the chooser is open: it closes. Cancelled once a file
 * is chosen: the file is written all the same. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *chooser;

  if (rc_test_gui_skip_without_display ())
    return;

  folder = g_file_new_for_path (fixture->dir);
  start (fixture, folder, cancellable, &chooser);
  g_cancellable_cancel (cancellable);
  rc_test_gui_wait_gone (&chooser);
  saved = finish (fixture, &error);
  g_assert_null (saved);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Already cancelled: no chooser at all. */
  rc_response_save_async (GTK_WIDGET (fixture->window), fixture->body, NULL, NULL, folder,
                          cancellable, saved_cb, fixture);
  saved = finish (fixture, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_cancellable_reset (cancellable);
  file = g_file_get_child (folder, "written-anyway.json");
  start (fixture, folder, cancellable, &chooser);
  rc_test_gui_choose_file (chooser, file);
  /* The chooser checks the name before it answers; once it has, it goes. */
  rc_test_gui_wait_gone (&chooser);
  g_cancellable_cancel (cancellable);
  saved = finish (fixture, &error);
  g_assert_null (saved);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (rc_test_gui_wait (file_written_cb, (gpointer) g_file_peek_path (file)));

  g_assert_true (g_file_delete (file, NULL, NULL));
}

/* A file that cannot be written (in /sys, not even by root): the error
 * names it. */
static void
test_not_written (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path ("/sys");
  g_autoptr(GFile) file = g_file_get_child (folder, "restcall-response.json");
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *chooser;

  if (rc_test_gui_skip_without_display ())
    return;

  start (fixture, folder, NULL, &chooser);
  rc_test_gui_choose_file (chooser, file);
  saved = finish (fixture, &error);
  g_assert_null (saved);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_assert_true (g_str_has_prefix (error->message, "The response could not be saved to “/sys/"
                                   "restcall-response.json”: "));
  g_assert_true (g_str_has_suffix (error->message, ". Choose another file and try again."));
  rc_test_gui_wait_gone (&chooser);
  g_assert_false (g_file_query_exists (file, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rc_test_gui_init ();

#define ADD(path, func) \
  g_test_add ("/restcall/gui/response-save/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("save", test_save);
  ADD ("dismissed", test_dismissed);
  ADD ("cancelled", test_cancelled);
  ADD ("not-written", test_not_written);

#undef ADD

  return g_test_run ();
}
