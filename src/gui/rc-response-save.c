/* rc-response-save.c: Save Response…: a file chooser, then the whole body written
 *
 * The chooser, modal to the window of the widget that asks, suggests a
 * name from the URL's last segment and the content type
 * (rc_body_guess_file_name()) and starts in the folder it is given (the
 * project's), else in Downloads, else in the home folder. The body is
 * written as it came, whole, whatever the response view shows of it.
 *
 * Cancelling closes the chooser. A file being written is written all the
 * same: only the answer says “cancelled” then, for a caller that is gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "restcall-core.h"
#include "rc-response-save.h"

typedef struct
{
  GBytes               *body;
  GtkFileChooserNative *chooser;
  gulong                response_id;
  GCancellable         *cancellable;
  gulong                cancelled_id;
} Save;

static void
close_chooser (Save *save)
{
  if (save->cancelled_id != 0)
    g_signal_handler_disconnect (save->cancellable, save->cancelled_id);
  save->cancelled_id = 0;

  if (save->chooser == NULL)
    return;

  g_clear_signal_handler (&save->response_id, save->chooser);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (save->chooser));
  g_clear_object (&save->chooser);
}

static void
save_free (Save *save)
{
  close_chooser (save);
  g_clear_pointer (&save->body, g_bytes_unref);
  g_clear_object (&save->cancellable);
  g_free (save);
}

/* Where the chooser starts: @folder, else Downloads, else the home folder. */
static GFile *
dup_start_folder (GFile *folder)
{
  const char *downloads = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);

  if (folder)
    return g_object_ref (folder);
  if (downloads && g_file_test (downloads, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (downloads);

  return g_file_new_for_path (g_get_home_dir ());
}

/* Callbacks */

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;

  if (g_file_replace_contents_finish (file, result, NULL, &error))
    {
      g_task_return_pointer (task, g_object_ref (file), g_object_unref);
      return;
    }

  {
    g_autofree char *name = g_file_get_parse_name (file);

    g_task_return_new_error (task, error->domain, error->code,
                             _("The response could not be saved to “%s”: %s. Choose another file "
                               "and try again."), name, error->message);
  }
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             gpointer         user_data)
{
  GTask *task = user_data;
  Save *save = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  close_chooser (save);

  if (file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("The response was not saved."));
      g_object_unref (task);
      return;
    }

  /* Not cancellable: once chosen, the file is written. */
  g_file_replace_contents_bytes_async (file, save->body, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, NULL, written_cb, task);
}

static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  GTask *task = user_data;

  close_chooser (g_task_get_task_data (task));
  g_task_return_error_if_cancelled (task);
  g_object_unref (task);
}

/* Public API */

/**
 * rc_response_save_async:
 * @parent: a widget of the window the chooser is modal to
 * @body: the whole response body
 * @content_type: (nullable): its Content-Type, for the name suggested
 * @url: (nullable): the URL it came from, for the name suggested
 * @folder: (nullable): the folder the chooser starts in, such as the
 *   project's; %NULL for Downloads
 * @cancellable: (nullable): cancelling it closes the chooser; a file
 *   being written is written all the same. Cancel it from the main thread.
 *
 * Asks where to save @body, then writes it there.
 */
void
rc_response_save_async (GtkWidget           *parent,
                        GBytes              *body,
                        const char          *content_type,
                        const char          *url,
                        GFile               *folder,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GtkNative *native;
  g_autoptr(GFile) start = NULL;
  g_autofree char *name = NULL;
  GTask *task;
  Save *save;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (body != NULL);
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_response_save_async);
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  save = g_new0 (Save, 1);
  save->body = g_bytes_ref (body);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);

  native = gtk_widget_get_native (parent);
  name = rc_body_guess_file_name (url, content_type, g_bytes_get_data (body, NULL),
                                  g_bytes_get_size (body));
  start = dup_start_folder (folder);

  save->chooser = gtk_file_chooser_native_new (_("Save Response"),
                                               GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (save->chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (save->chooser), start, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (save->chooser), name);
  save->response_id = g_signal_connect (save->chooser, "response", G_CALLBACK (response_cb), task);
  if (cancellable)
    {
      save->cancellable = g_object_ref (cancellable);
      save->cancelled_id = g_signal_connect (cancellable, "cancelled", G_CALLBACK (cancelled_cb),
                                             task);
    }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (save->chooser));
}

/**
 * rc_response_save_finish:
 *
 * Returns: (transfer full): the file written, or %NULL with an error:
 *   %G_IO_ERROR_CANCELLED when the chooser was dismissed or the save
 *   cancelled, else why the file could not be written, in a sentence
 *   that names it
 */
GFile *
rc_response_save_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_response_save_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
