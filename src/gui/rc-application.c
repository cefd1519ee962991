/* rc-application.c: the application: windows, opening files, app actions
 *
 * One window per project. Opening a file loads it asynchronously; a file
 * that cannot be read is reported in a dialog that names it, over an empty
 * window if there is no other.
 *
 * A file whose project id another file claimed first (a copy: `cp
 * prod.restcall staging.restcall`, a Save As kept, rc-project-registry.c)
 * would share that file's secrets in the keyring, and a secret typed for
 * one would replace the other's. Before it is shown, the window asks
 * whether to give it an id of its own (the project then has unsaved
 * changes, and its secrets are typed again) or to keep sharing. Either
 * way, no secret is sent anywhere it was not saved for (the bindings).
 * Checking reads the registry, and maybe the other file: in a thread.
 *
 * A secret typed and its window closed at once is still on its way to the
 * keyring: the application holds itself while the secret store has writes
 * on their way (RcSecretStore:busy), as GNOME Text Editor does while it
 * saves, and so quits only once they have ended.
 *
 * The application owns the services (RcContext: the executor with its
 * token cache, the secret store) and gives them to every window it opens,
 * so that all its windows share one token cache.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-about.h"
#include "rc-application.h"
#include "rc-button-names.h"
#include "rc-window.h"

struct _RcApplication
{
  AdwApplication parent_instance;

  RcContext     *context;
  gboolean       held_for_secrets;
};

/* A project loaded, on its way to a window. */
typedef struct
{
  RcProject *project;
  char      *project_id;
  GFile     *file;
  GFile     *original;   /* the file it is a copy of, once checked */
  GWeakRef   window;     /* while it asks: the window may be closed meanwhile */
  gboolean   answered;
} Opening;

G_DEFINE_FINAL_TYPE (RcApplication, rc_application, ADW_TYPE_APPLICATION)

static RcWindow *
new_window (RcApplication *self,
            RcProject     *project)
{
  RcWindow *window = rc_window_new (self, self->context, project);

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static RcWindow *
find_window_for_file (RcApplication *self,
                      GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *shown;

      if (!RC_IS_WINDOW (l->data))
        continue;

      shown = rc_project_get_file (rc_window_get_project (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

static RcWindow *
get_active_rc_window (RcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return RC_IS_WINDOW (window) ? RC_WINDOW (window) : NULL;
}

static void
opening_free (Opening *opening)
{
  g_clear_object (&opening->project);
  g_free (opening->project_id);
  g_clear_object (&opening->file);
  g_clear_object (&opening->original);
  g_weak_ref_clear (&opening->window);
  g_free (opening);
}

/* The window a loaded project goes to: the active one if nobody touched
 * it yet, else a new one, empty for now. */
static RcWindow *
dup_target_window (RcApplication *self)
{
  RcWindow *window = get_active_rc_window (self);

  if (window != NULL && rc_window_is_pristine (window))
    return g_object_ref (window);

  return g_object_ref (new_window (self, NULL));
}

static void
show_project (RcApplication *self,
              RcWindow      *window,
              RcProject     *project)
{
  rc_window_present_project (window, project);
  g_application_release (G_APPLICATION (self));
}

static void
claim_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Opening *opening = task_data;
  g_autoptr(GError) error = NULL;

  if (!rc_project_registry_claim (opening->project_id, opening->file, &error))
    g_debug ("Could not record which file the project %s is: %s", opening->project_id,
             error->message);
  g_task_return_boolean (task, TRUE);
}

/* Records, off the main thread, that the file now holds its new id. */
static void
claim_new_id (RcApplication *self,
              const char    *project_id,
              GFile         *file)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, NULL, NULL);
  Opening *claim = g_new0 (Opening, 1);

  claim->project_id = g_strdup (project_id);
  claim->file = g_object_ref (file);
  g_task_set_source_tag (task, claim_new_id);
  g_task_set_task_data (task, claim, (GDestroyNotify)opening_free);
  g_task_run_in_thread (task, claim_thread);
}

static void
copy_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  GTask            *task)
{
  RcApplication *self = g_task_get_source_object (task);
  Opening *opening = g_task_get_task_data (task);
  g_autoptr(RcWindow) window = NULL;

  opening->answered = TRUE;
  if (g_strcmp0 (response, "own") == 0)
    {
      g_autofree char *id = g_uuid_string_random ();

      /* An unsaved change, until the file has it. */
      rc_project_set_id (opening->project, id);
      claim_new_id (self, id, opening->file);
    }

  window = g_weak_ref_get (&opening->window);
  if (window != NULL)
    show_project (self, window, opening->project);
  else
    g_application_release (G_APPLICATION (self));
}

/* Answered, or gone with its window unanswered: the file is not shown then. */
static void
copy_dialog_destroy_cb (GtkWidget *dialog,
                        GTask     *task)
{
  Opening *opening = g_task_get_task_data (task);

  if (!opening->answered)
    g_application_release (G_APPLICATION (g_task_get_source_object (task)));
  g_object_unref (task);
}

static void
ask_about_copy (GTask *task)
{
  Opening *opening = g_task_get_task_data (task);
  g_autofree char *name = g_file_get_basename (opening->file);
  g_autofree char *original = g_file_get_parse_name (opening->original);
  g_autoptr(RcWindow) window = g_weak_ref_get (&opening->window);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("Give This Copy Its Own Secrets?"), NULL));
  adw_message_dialog_format_body (
    dialog,
    _("“%s” has the same project ID as “%s”, so it looks like a copy "
      "of it. While they share that ID, they share their secrets in "
      "the keyring: a secret typed for one replaces the other’s. Give "
      "this project an ID of its own? Its secrets must then be typed "
      "again, and the new ID saved."),
    name, original);
  adw_message_dialog_add_responses (dialog,
                                    "share", _("_Keep Sharing"),
                                    "own", _("_Give It Its Own"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "own", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "own");
  adw_message_dialog_set_close_response (dialog, "share");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  g_signal_connect (dialog, "response", G_CALLBACK (copy_response_cb), task);
  g_signal_connect (dialog, "destroy", G_CALLBACK (copy_dialog_destroy_cb), g_object_ref (task));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Opening *opening = task_data;

  g_task_return_pointer (
    task, rc_project_registry_check (opening->project_id, opening->file, cancellable),
    g_object_unref);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RcApplication *self = RC_APPLICATION (object);
  GTask *task = G_TASK (result);
  Opening *opening = g_task_get_task_data (task);
  g_autoptr(RcWindow) window = NULL;

  opening->original = g_task_propagate_pointer (task, NULL);
  window = dup_target_window (self);

  if (opening->original == NULL)
    {
      show_project (self, window, opening->project);
      return;
    }

  /* The question comes before the project is shown, so that the window
   * never holds the id that is about to change. */
  g_weak_ref_set (&opening->window, window);
  gtk_window_present (GTK_WINDOW (window));
  ask_about_copy (task);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RcApplication) self = user_data;
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  RcWindow *window = get_active_rc_window (self);
  Opening *opening;

  project = rc_project_load_finish (result, &error);

  if (project == NULL)
    {
      if (window == NULL)
        window = new_window (self, NULL);
      rc_window_show_error (window, _("Could Not Open the Project"), error->message);
      g_application_release (G_APPLICATION (self));
      return;
    }

  opening = g_new0 (Opening, 1);
  opening->project = g_object_ref (project);
  opening->project_id = g_strdup (rc_project_get_id (project));
  opening->file = g_object_ref (rc_project_get_file (project));
  g_weak_ref_init (&opening->window, NULL);

  task = g_task_new (self, NULL, checked_cb, NULL);
  g_task_set_source_tag (task, load_cb);
  g_task_set_task_data (task, opening, (GDestroyNotify)opening_free);
  g_task_run_in_thread (task, check_thread);
}

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  RcApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          rc_application_open_file (self, file);
        }
    }

  g_object_unref (native);
}

static void
secrets_busy_cb (RcApplication *self,
                 GParamSpec    *pspec,
                 RcSecretStore *store)
{
  gboolean busy = rc_secret_store_get_busy (store);

  if (busy == self->held_for_secrets)
    return;

  self->held_for_secrets = busy;
  if (busy)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  new_window (RC_APPLICATION (user_data), NULL);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RcApplication *self = user_data;
  g_autoptr(GtkFileFilter) filter = rc_application_project_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Project"),
                                        gtk_application_get_active_window (GTK_APPLICATION (self)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  g_signal_connect_object (native, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RcApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes; the application quits
   * when the last one has closed. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RcApplication *self = user_data;
  GtkWidget *about;

  about = rc_about_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "quit", quit_action },
  { "about", about_action },
};

static void
rc_application_activate (GApplication *application)
{
  new_window (RC_APPLICATION (application), NULL);
}

static void
rc_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    rc_application_open_file (RC_APPLICATION (application), files[i]);
}

static void
rc_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.consume", { "<Control><Shift>a", NULL } },
    { "win.import-openapi", { "<Control>i", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };
  RcApplication *self = RC_APPLICATION (application);
  RcSecretStore *store = rc_context_get_secret_store (self->context);

  G_APPLICATION_CLASS (rc_application_parent_class)->startup (application);

  g_signal_connect_object (store, "notify::busy", G_CALLBACK (secrets_busy_cb), self,
                           G_CONNECT_SWAPPED);
  secrets_busy_cb (self, NULL, store);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
  rc_button_names_install ();
}

static void
rc_application_finalize (GObject *object)
{
  RcApplication *self = (RcApplication *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (rc_application_parent_class)->finalize (object);
}

static void
rc_application_class_init (RcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rc_application_finalize;

  app_class->activate = rc_application_activate;
  app_class->open = rc_application_open;
  app_class->startup = rc_application_startup;
}

static void
rc_application_init (RcApplication *self)
{
  self->context = rc_context_new ();
}

RcApplication *
rc_application_new (void)
{
  /* One resource path for both profiles: the .Devel id must not move it,
   * or style.css would not be found. */
  return g_object_new (RC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/restcall/Restcall",
                       NULL);
}

/**
 * rc_application_get_context:
 *
 * Returns: (transfer none): the services every window of the application
 *   shares
 */
RcContext *
rc_application_get_context (RcApplication *self)
{
  g_return_val_if_fail (RC_IS_APPLICATION (self), NULL);

  return self->context;
}

/**
 * rc_application_open_file:
 *
 * Shows @file: presents the window that already shows it, or loads it into
 * a new window (or into the active one if nobody touched it yet).
 */
void
rc_application_open_file (RcApplication *self,
                          GFile         *file)
{
  RcWindow *window;

  g_return_if_fail (RC_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  g_application_hold (G_APPLICATION (self));
  rc_project_load_async (file, NULL, load_cb, g_object_ref (self));
}

/**
 * rc_application_project_filter:
 *
 * Returns: (transfer full): a file filter for Restcall project files
 */
GtkFileFilter *
rc_application_project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Restcall projects"));
  gtk_file_filter_add_pattern (filter, "*.restcall");

  return filter;
}
