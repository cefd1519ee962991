/* rc-application.c: the application: windows, opening files, app actions
 *
 * One window per project. Opening a file loads it asynchronously; a file
 * that cannot be read is reported in a dialog that names it, over an empty
 * window if there is no other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-application.h"
#include "rc-window.h"

struct _RcApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (RcApplication, rc_application, ADW_TYPE_APPLICATION)

static RcWindow *
new_window (RcApplication *self,
            RcProject     *project)
{
  RcWindow *window = rc_window_new (self, project);

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
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RcApplication) self = user_data;
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GError) error = NULL;
  RcWindow *window = get_active_rc_window (self);

  project = rc_project_load_finish (result, &error);

  if (project == NULL)
    {
      if (window == NULL)
        window = new_window (self, NULL);
      rc_window_show_error (window, _("Could Not Open the Project"), error->message);
    }
  else if (window != NULL && rc_window_is_pristine (window))
    {
      rc_window_set_project (window, project);
      gtk_window_present (GTK_WINDOW (window));
    }
  else
    {
      new_window (self, project);
    }

  g_application_release (G_APPLICATION (self));
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

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Restcall"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Restcall developers"),
                        "comments", _("Consume REST APIs, authenticated with Basic or OAuth 2.0 client credentials"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
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
  };
  RcApplication *self = RC_APPLICATION (application);

  G_APPLICATION_CLASS (rc_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
rc_application_class_init (RcApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = rc_application_activate;
  app_class->open = rc_application_open;
  app_class->startup = rc_application_startup;
}

static void
rc_application_init (RcApplication *self)
{
}

RcApplication *
rc_application_new (void)
{
  /* One resource path for both profiles: the .Devel id must not move it,
   * or gtk/help-overlay.ui and style.css would not be found. */
  return g_object_new (RC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/restcall/Restcall",
                       NULL);
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
