/* rc-window.c: a window onto one project
 *
 * A leaflet holds the sidebar (the project's APIs and methods) and the
 * content (a page editing the selected item, or a status page). A selected
 * method shows in the method editor, its tabs in the header bar beside the
 * title (RcSwitcherTitle), which keeps saying which file this is. “Consume
 * REST API” asks whether to add a single method (RcMethodDialog) or many
 * from an OpenAPI document (RcImportDialog). The window
 * owns the document's life: its title shows the file and whether it has
 * unsaved changes, it saves (asking before it replaces a read-only file),
 * and it asks before closing over unsaved work, a method being written in
 * an RcMethodDialog first.
 *
 * A secret typed in the API page's or the method editor's password entry
 * and not applied yet is kept, like any field typed: it goes to the keyring
 * when another item is selected and when the window closes. The
 * application then runs on, past its last window, until the keyring has
 * it (rc-application.c holds itself while RcSecretStore:busy).
 *
 * The API page and the method editor are built the first time they are
 * shown, not with the window: a window opened onto a project shows
 * neither yet, and the method editor (its source views, the language
 * definitions they load) is the costliest part of the window.
 *
 * The services (the executor, the secret store) are the window's context,
 * which whoever opens the window gives it: the window hands it to its
 * pages and to the dialogs it opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-api-page.h"
#include "rc-delete-dialog.h"
#include "rc-import-dialog.h"
#include "rc-method-dialog.h"
#include "rc-method-editor.h"
#include "rc-sidebar.h"
#include "rc-source-warm-up.h"
#include "rc-switcher-title.h"
#include "rc-window.h"

struct _RcWindow
{
  AdwApplicationWindow parent_instance;

  RcContext           *context;
  RcProject           *project;
  GSignalGroup        *project_signals;
  GCancellable        *cancellable;
  GSettings           *settings;

  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar_pane;
  GtkWidget           *content_pane;
  AdwWindowTitle      *sidebar_title;
  AdwWindowTitle      *window_title;
  GtkStack            *title_stack;
  RcSwitcherTitle     *switcher_title;
  GtkWidget           *add_menu_button;
  gboolean             consume_here;
  GtkWidget           *primary_menu_button;
  GtkWidget           *back_button;
  GtkWidget           *save_button;
  GtkWidget           *content_save_button;
  RcSidebar           *sidebar;
  GtkStack            *content_stack;
  RcApiPage           *api_page;        /* NULL until first shown */
  RcMethodEditor      *method_editor;   /* NULL until first shown */
  RcProject           *pending_project;   /* to show after the first frame */
  GObject             *pending_selection; /* to select after the next frame */
  guint                after_frame_idle;

  guint                drawn : 1;
  guint                waiting_for_frame : 1;
  guint                close_confirmed : 1;
  guint                close_after_save : 1;
};

static void save_cb                  (GObject          *object,
                                      GAsyncResult     *result,
                                      gpointer          user_data);
static void save_as_response_cb      (GtkNativeDialog  *native,
                                      int               response,
                                      RcWindow         *self);
static void save_changes_response_cb (RcWindow         *self,
                                      const char       *response,
                                      AdwMessageDialog *dialog);
static void read_only_response_cb    (RcWindow         *self,
                                      const char       *response,
                                      AdwMessageDialog *dialog);
static void consume_response_cb      (RcWindow         *self,
                                      const char       *response,
                                      AdwMessageDialog *dialog);

G_DEFINE_FINAL_TYPE (RcWindow, rc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where the file is, the home folder written as ~, for the subtitle. */
static char *
dup_folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return NULL;

  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);

  return g_file_get_parse_name (parent);
}

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("The GSettings schema %s is not installed; the window size is not kept",
               BASE_APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
load_window_state (RcWindow *self)
{
  self->settings = settings_new ();
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (RcWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width, height;

  if (self->settings == NULL)
    return;

  g_settings_delay (self->settings);

  /* The default size follows the window's size while it is not maximized. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  g_settings_apply (self->settings);
}

/* The tooltip is what a screen reader should say for an icon. */
static void
label_icon_buttons (RcWindow *self)
{
  GtkWidget *buttons[] = {
    self->add_menu_button,
    self->primary_menu_button,
    self->back_button,
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_widget_get_tooltip_text (buttons[i]),
                                    -1);
}

/* While there are changes to save, a Save button: in the sidebar's header
 * bar, and in the content's too when folded, where the sidebar's is out of
 * sight (beside the title otherwise, it would push the method's tabs out). */
static void
update_save_buttons (RcWindow *self)
{
  gboolean dirty = self->project != NULL && rc_project_get_dirty (self->project);

  gtk_widget_set_visible (self->save_button, dirty);
  gtk_widget_set_visible (self->content_save_button,
                          dirty && adw_leaflet_get_folded (self->leaflet));
}

static void
update_title (RcWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *window_title = NULL;
  GFile *file;

  if (self->project == NULL)
    return;

  title = rc_project_dup_title (self->project);
  shown = rc_project_get_dirty (self->project) ? g_strconcat ("• ", title, NULL)
                                               : g_strdup (title);
  file = rc_project_get_file (self->project);
  folder = file ? dup_folder_name (file) : NULL;

  update_save_buttons (self);
  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, folder ? folder : "");
  adw_window_title_set_title (self->sidebar_title, shown);
  adw_window_title_set_subtitle (self->sidebar_title, folder ? folder : "");
  rc_switcher_title_set_title (self->switcher_title, shown);
  rc_switcher_title_set_subtitle (self->switcher_title, folder ? folder : "");

  /* Translators: the window's title: the project's name, then the app's */
  window_title = g_strdup_printf (_("%s – Restcall"), shown);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_actions (RcWindow *self)
{
  GObject *item = rc_sidebar_get_selected_item (self->sidebar);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-method",
                                 rc_sidebar_get_selected_api (self->sidebar) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-api", RC_IS_API (item));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-method", RC_IS_METHOD (item));
}

/* Shows the content, or the list when nothing is selected, once folded. */
static void
update_navigation (RcWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);

  if (!adw_leaflet_get_folded (self->leaflet))
    return;

  adw_leaflet_set_visible_child (self->leaflet,
                                 g_strcmp0 (page, "no-selection") == 0 ? self->sidebar_pane
                                                                       : self->content_pane);
}

static GFile *
dup_save_folder (RcWindow *self)
{
  GFile *file = rc_project_get_file (self->project);

  return file ? g_file_get_parent (file) : NULL;
}

static RcApiPage *
ensure_api_page (RcWindow *self)
{
  if (self->api_page == NULL)
    {
      self->api_page = g_object_new (RC_TYPE_API_PAGE, NULL);
      rc_api_page_set_context (self->api_page, self->context);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->api_page), "api");
    }

  return self->api_page;
}

static RcMethodEditor *
ensure_method_editor (RcWindow *self)
{
  if (self->method_editor == NULL)
    {
      g_autoptr(GFile) folder = dup_save_folder (self);

      self->method_editor = g_object_new (RC_TYPE_METHOD_EDITOR, NULL);
      rc_method_editor_set_context (self->method_editor, self->context);
      rc_method_editor_set_header_title (self->method_editor, self->switcher_title);
      rc_method_editor_set_save_folder (self->method_editor, folder);
      /* A method that uses its API's authentication links to its page. */
      rc_auth_group_set_api_link (rc_method_editor_get_auth_group (self->method_editor), TRUE);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->method_editor), "method");
    }

  return self->method_editor;
}

static void
update_content (RcWindow *self)
{
  GObject *item = rc_sidebar_get_selected_item (self->sidebar);
  const char *page;

  if (self->project == NULL || rc_project_get_n_apis (self->project) == 0)
    page = "empty";
  else if (RC_IS_API (item))
    page = "api";
  else if (RC_IS_METHOD (item))
    page = "method";
  else
    page = "no-selection";

  /* A page not built yet shows nothing: it is built when it has to. */
  if (self->api_page != NULL || RC_IS_API (item))
    rc_api_page_set_api (ensure_api_page (self), self->project,
                         RC_IS_API (item) ? RC_API (item) : NULL);
  if (self->method_editor != NULL || RC_IS_METHOD (item))
    rc_method_editor_set_method (ensure_method_editor (self),
                                 RC_IS_METHOD (item) ? RC_METHOD (item) : NULL,
                                 RC_IS_METHOD (item) ? rc_project_get_id (self->project) : NULL);

  /* A method's tabs take the title's place. */
  gtk_stack_set_visible_child (self->title_stack,
                               g_str_equal (page, "method") ? GTK_WIDGET (self->switcher_title)
                                                            : GTK_WIDGET (self->window_title));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), page) != 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, page);
      update_navigation (self);
    }
}

/* Whether @api is still one of the project's: a deleted item's secret
 * is not stored. */
static gboolean
project_contains_api (RcWindow *self,
                      RcApi    *api)
{
  for (guint i = 0; i < rc_project_get_n_apis (self->project); i++)
    {
      if (rc_project_get_api (self->project, i) == api)
        return TRUE;
    }

  return FALSE;
}

/* Hands a secret typed in the API page or the method editor and not
 * applied yet to the keyring, as Enter would (and, for a method, writes the
 * body typed): about to be shown no more, or saved, what was typed is kept. The
 * stores run on, the application held meanwhile (rc-application.c). */
static void
commit_typed (RcWindow *self)
{
  RcApi *api = self->api_page ? rc_api_page_get_api (self->api_page) : NULL;
  RcMethod *method = self->method_editor ? rc_method_editor_get_method (self->method_editor) : NULL;

  if (self->project == NULL)
    return;

  if (api != NULL && project_contains_api (self, api))
    rc_auth_group_commit (rc_api_page_get_auth_group (self->api_page));

  if (method != NULL && rc_method_get_api (method) != NULL &&
      project_contains_api (self, rc_method_get_api (method)))
    rc_method_editor_commit (self->method_editor);
}

static void
update_save_folder (RcWindow *self)
{
  g_autoptr(GFile) folder = NULL;

  if (self->method_editor == NULL)
    return;

  folder = dup_save_folder (self);
  rc_method_editor_set_save_folder (self->method_editor, folder);
}

/* What a save was asked to write, for the question a read-only file
 * raises. */
typedef struct
{
  RcWindow *self;
  GFile    *file;
} Saving;

static void
saving_free (Saving *saving)
{
  g_object_unref (saving->self);
  g_object_unref (saving->file);
  g_free (saving);
}

/* Saves what was typed, too: the body reaches the method only once the
 * typing pauses, and a secret once Enter is pressed or the focus leaves
 * it (its store gives the auth the reference the file keeps). */
static void
save_full (RcWindow           *self,
           GFile              *file,
           RcProjectSaveFlags  flags)
{
  Saving *saving = g_new0 (Saving, 1);

  commit_typed (self);
  saving->self = g_object_ref (self);
  saving->file = g_object_ref (file ? file : rc_project_get_file (self->project));
  rc_project_save_full_async (self->project, saving->file, flags, self->cancellable, save_cb,
                              saving);
}

static void
save (RcWindow *self,
      GFile    *file)
{
  save_full (self, file, RC_PROJECT_SAVE_NONE);
}

static void
save_as (RcWindow *self)
{
  g_autoptr(GtkFileFilter) filter = rc_application_project_filter ();
  GtkFileChooserNative *native;
  GFile *file = rc_project_get_file (self->project);

  native = gtk_file_chooser_native_new (_("Save Project"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  /* The native chooser asks before overwriting a file by itself. */
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Untitled.restcall"));

  g_signal_connect_object (native, "response", G_CALLBACK (save_as_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
ask_save_changes (RcWindow *self)
{
  g_autofree char *title = rc_project_dup_title (self->project);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self), NULL,
    _("Unsaved changes will be lost permanently if you don’t save them.")));
  adw_message_dialog_format_heading (dialog, _("Save changes to “%s”?"), title);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect_object (dialog, "response", G_CALLBACK (save_changes_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A read-only file is replaced only when the user says so; it stays
 * read-only then. */
static void
ask_replace_read_only (RcWindow *self,
                       GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  AdwMessageDialog *dialog;

  dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                                _("The file is marked read-only, so that it is "
                                                  "not changed by mistake. Save anyway to replace "
                                                  "it (it stays read-only), or save the project "
                                                  "as another file.")));
  adw_message_dialog_format_heading (dialog, _("“%s” Is Read-Only"), name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "save-anyway", _("Save A_nyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save-anyway", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "rc-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (read_only_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Saving *saving = user_data;
  g_autoptr(RcWindow) self = g_object_ref (saving->self);
  g_autoptr(GFile) file = g_object_ref (saving->file);
  g_autoptr(GError) error = NULL;

  saving_free (saving);

  if (!rc_project_save_finish (RC_PROJECT (object), result, &error))
    {
      /* The model is untouched and still dirty: nothing typed is lost. */
      if (g_error_matches (error, RC_PROJECT_ERROR, RC_PROJECT_ERROR_READ_ONLY))
        {
          ask_replace_read_only (self, file);
          return;
        }

      self->close_after_save = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rc_window_show_error (self, _("Could Not Save the Project"), error->message);
      return;
    }

  if (self->close_after_save)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
save_as_response_cb (GtkNativeDialog *native,
                     int              response,
                     RcWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      save (self, file);
    }
  else
    {
      self->close_after_save = FALSE;
    }

  g_object_unref (native);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
save_changes_response_cb (RcWindow         *self,
                          const char       *response,
                          AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "discard"))
    {
      /* Close once the dialog is gone: a window finalized while its dialog
       * still answers leaves the dialog a dangling parent (GTK 4.8). */
      self->close_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb,
                       g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      if (rc_project_get_file (self->project) != NULL)
        save (self, NULL);
      else
        save_as (self);
    }
}

static void
read_only_response_cb (RcWindow         *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "rc-file");

  if (g_str_equal (response, "save-anyway"))
    save_full (self, file, RC_PROJECT_SAVE_REPLACE_READ_ONLY);
  else if (g_str_equal (response, "save-as"))
    save_as (self);
  else
    self->close_after_save = FALSE;
}

static void
add_api_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RcWindow *self = RC_WINDOW (widget);
  g_autoptr(RcNameSet) names = rc_name_set_new_for_apis (self->project);
  g_autofree char *name = rc_name_set_add_unique (names, _("New API"));
  g_autoptr(RcApi) api = rc_api_new (name);

  rc_project_add_api (self->project, api);
  rc_sidebar_select_item (self->sidebar, G_OBJECT (api));
  rc_api_page_focus_name (ensure_api_page (self));
}

static void
add_method_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RcWindow *self = RC_WINDOW (widget);
  RcApi *api = rc_sidebar_get_selected_api (self->sidebar);
  g_autoptr(RcNameSet) names = NULL;
  g_autofree char *name = NULL;
  g_autoptr(RcMethod) method = NULL;

  if (api == NULL)
    return;

  names = rc_name_set_new_for_methods (api);
  name = rc_name_set_add_unique (names, _("newMethod"));
  method = rc_method_new (name);
  rc_api_add_method (api, method);
  rc_sidebar_select_item (self->sidebar, G_OBJECT (method));
  rc_method_editor_focus_name (ensure_method_editor (self));
}

static void
import_openapi_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkWidget *dialog = rc_import_dialog_new (RC_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.consume (the header bar, Ctrl+Shift+A): a single method by hand, or
 * many from a document; the method goes where its URL says. win.consume-here
 * (the sidebar's context menu): the same, into the API the menu was opened
 * on; opened below the rows, on the tree itself, it is win.consume. */
static void
consume_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RcWindow *self = RC_WINDOW (widget);
  AdwMessageDialog *dialog;

  self->consume_here = g_str_equal (action_name, "win.consume-here") &&
                       !rc_sidebar_get_menu_on_root (self->sidebar);

  dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Consume REST API"),
                                                _("Define one method by hand, or pick methods "
                                                  "from an OpenAPI or Swagger document.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "openapi", _("Add Methods From _OpenAPI…"),
                                    "single", _("Add _Single Method…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "single", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "single");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect_object (dialog, "response", G_CALLBACK (consume_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
consume_response_cb (RcWindow         *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "single"))
    {
      GtkWidget *method_dialog;

      method_dialog = rc_method_dialog_new (GTK_WINDOW (self), self->context, self->project,
                                            rc_sidebar_get_selected_api (self->sidebar));

      rc_method_dialog_set_target_follows_url (RC_METHOD_DIALOG (method_dialog),
                                               !self->consume_here);
      gtk_window_present (GTK_WINDOW (method_dialog));
    }
  else if (g_str_equal (response, "openapi"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.import-openapi", NULL);
    }
}

static void
item_deleted_cb (RcWindow       *self,
                 GObject        *next,
                 RcDeleteDialog *dialog)
{
  rc_sidebar_select_item (self->sidebar, next);
}

/* win.delete-api and win.delete-method: each is enabled only while an item
 * of its kind is selected, so both delete the selection, once confirmed. */
static void
delete_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RcWindow *self = RC_WINDOW (widget);
  GObject *item = rc_sidebar_get_selected_item (self->sidebar);
  GtkWidget *dialog;

  if (item == NULL)
    return;

  dialog = rc_delete_dialog_new (GTK_WINDOW (self), self->context, self->project, item);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (item_deleted_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* From a method, its API's page: selected, and returned to act on. */
static RcApiPage *
show_method_api (RcWindow *self)
{
  GObject *item = rc_sidebar_get_selected_item (self->sidebar);
  RcApi *api = RC_IS_METHOD (item) ? rc_method_get_api (RC_METHOD (item)) : NULL;

  if (api == NULL)
    return NULL;

  rc_sidebar_select_item (self->sidebar, G_OBJECT (api));
  return ensure_api_page (self);
}

/* win.edit-api-secret: from a method that uses its API's authentication
 * (its row, or a stored secret the user would rather type anew), the
 * API's page, its secret entry. */
static void
edit_api_secret_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RcApiPage *page = show_method_api (RC_WINDOW (widget));

  if (page != NULL)
    rc_auth_group_focus_secret (rc_api_page_get_auth_group (page));
}

/* win.edit-api-headers: from a method, its API's headers, on its page. */
static void
edit_api_headers_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RcApiPage *page = show_method_api (RC_WINDOW (widget));

  if (page != NULL)
    rc_api_page_focus_headers (page);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RcWindow *self = RC_WINDOW (widget);

  if (rc_project_get_file (self->project) == NULL)
    save_as (self);
  else
    save (self, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (RC_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* The shortcuts window, built when first asked for: GtkApplicationWindow
 * would build it (from gtk/help-overlay.ui) with every window, before the
 * window's first frame. The window keeps it, hidden when closed. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/restcall/Restcall/rc-help-overlay.ui");

      gtk_application_window_set_help_overlay (
        window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }

  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

static void
project_title_changed_cb (RcWindow *self)
{
  update_title (self);
}

static void
project_file_changed_cb (RcWindow *self)
{
  update_title (self);
  update_save_folder (self);
}

static void
project_items_changed_cb (RcWindow *self)
{
  update_content (self);
}

static void
sidebar_selection_cb (RcWindow *self)
{
  /* Before the pages show the new selection, and empty their entries. */
  commit_typed (self);
  update_content (self);
  update_actions (self);

  if (rc_sidebar_get_selected_item (self->sidebar) != NULL &&
      adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static void
leaflet_folded_cb (RcWindow *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
  update_save_buttons (self);
  update_navigation (self);
}

static void
leaflet_visible_child_cb (RcWindow *self)
{
  /* Going back to the list in a narrow window leaves the selection, so that
   * choosing the same row again shows it. */
  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->sidebar_pane)
    rc_sidebar_select_item (self->sidebar, NULL);
}

static void
back_clicked_cb (RcWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Closes the window's method dialogs; one with edits asks first and stays
 * (destroy-with-parent would take them). Returns whether one stayed. */
static gboolean
close_method_dialogs (RcWindow *self)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean stayed = FALSE;

  /* Closing changes the list of toplevels: collect first. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (RC_IS_METHOD_DIALOG (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        g_ptr_array_add (dialogs, g_steal_pointer (&window));
    }

  for (guint i = 0; i < dialogs->len; i++)
    {
      GtkWindow *dialog = g_ptr_array_index (dialogs, i);

      /* A dialog that stays has put its question over itself. */
      gtk_window_close (dialog);
      stayed |= gtk_widget_get_visible (GTK_WIDGET (dialog));
    }

  return stayed;
}

static gboolean
rc_window_close_request (GtkWindow *window)
{
  RcWindow *self = RC_WINDOW (window);

  if (!self->close_confirmed && close_method_dialogs (self))
    return TRUE;

  /* Typed and closed means kept; storing a new secret gives its auth a
   * secret reference, which the question below then asks to save. */
  commit_typed (self);

  if (!self->close_confirmed && self->project != NULL && rc_project_get_dirty (self->project))
    {
      ask_save_changes (self);
      return TRUE;
    }

  save_window_state (self);

  return GTK_WINDOW_CLASS (rc_window_parent_class)->close_request (window);
}

static void
rc_window_constructed (GObject *object)
{
  RcWindow *self = (RcWindow *)object;

  G_OBJECT_CLASS (rc_window_parent_class)->constructed (object);

  /* Not in init: GtkWindow:maximized is a construct property, which
   * g_object_new() sets back to FALSE after init. */
  load_window_state (self);

  if (self->project == NULL)
    {
      g_autoptr(RcProject) project = rc_project_new ();

      rc_window_set_project (self, project);
    }
}

static void
rc_window_dispose (GObject *object)
{
  RcWindow *self = (RcWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->after_frame_idle, g_source_remove);
  g_clear_object (&self->pending_project);
  g_clear_object (&self->pending_selection);

  if (self->project_signals)
    g_signal_group_set_target (self->project_signals, NULL);

  /* Tearing the template down must not call back into a half-gone window. */
  if (self->leaflet)
    g_signal_handlers_disconnect_by_data (self->leaflet, self);
  if (self->sidebar)
    g_signal_handlers_disconnect_by_data (self->sidebar, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_WINDOW);
  /* Gone with the content stack. */
  self->api_page = NULL;
  self->method_editor = NULL;

  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rc_window_parent_class)->dispose (object);
}

static void
rc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RcWindow *self = RC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RcWindow *self = RC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      /* Before the project: the pages, once built, need it to show it. */
      self->context = g_value_dup_object (value);
      break;

    case PROP_PROJECT:
      rc_window_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What waited for a frame, in a turn of the main loop after it: a big
 * project's sidebar rows, or the page of a big API just added, are built
 * once the frame before them is on the screen, not in the same turn. */
static gboolean
after_frame_idle_cb (gpointer user_data)
{
  RcWindow *self = user_data;
  g_autoptr(RcProject) project = g_steal_pointer (&self->pending_project);
  g_autoptr(GObject) item = g_steal_pointer (&self->pending_selection);

  self->after_frame_idle = 0;
  if (project != NULL)
    rc_window_set_project (self, project);
  if (item != NULL)
    rc_sidebar_select_item (self->sidebar, item);

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (RcWindow      *self,
                GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  self->waiting_for_frame = FALSE;
  self->drawn = TRUE;

  if ((self->pending_project != NULL || self->pending_selection != NULL) &&
      self->after_frame_idle == 0)
    self->after_frame_idle = g_idle_add (after_frame_idle_cb, self);
}

static void
wait_for_frame (RcWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->waiting_for_frame || clock == NULL)
    return;

  self->waiting_for_frame = TRUE;
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), self,
                           G_CONNECT_SWAPPED);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
rc_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rc_window_parent_class)->realize (widget);

  /* Not before the first frame: what a page shows later can wait. */
  rc_source_warm_up_after_frame (widget);
  wait_for_frame (RC_WINDOW (widget));
}

static void
rc_window_class_init (RcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rc_window_constructed;
  object_class->dispose = rc_window_dispose;
  object_class->get_property = rc_window_get_property;
  object_class->set_property = rc_window_set_property;

  widget_class->realize = rc_window_realize;

  window_class->close_request = rc_window_close_request;

  /**
   * RcWindow:context:
   *
   * The services the window, its pages and its dialogs use.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RC_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RcWindow:project:
   *
   * The project the window shows; never %NULL once constructed.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         RC_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.add-api", NULL, add_api_action);
  gtk_widget_class_install_action (widget_class, "win.add-method", NULL, add_method_action);
  gtk_widget_class_install_action (widget_class, "win.consume", NULL, consume_action);
  gtk_widget_class_install_action (widget_class, "win.consume-here", NULL, consume_action);
  gtk_widget_class_install_action (widget_class, "win.import-openapi", NULL, import_openapi_action);
  gtk_widget_class_install_action (widget_class, "win.delete-api", NULL, delete_item_action);
  gtk_widget_class_install_action (widget_class, "win.delete-method", NULL, delete_item_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.edit-api-secret", NULL,
                                   edit_api_secret_action);
  gtk_widget_class_install_action (widget_class, "win.edit-api-headers", NULL,
                                   edit_api_headers_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  g_type_ensure (RC_TYPE_SIDEBAR);
  g_type_ensure (RC_TYPE_API_PAGE);
  g_type_ensure (RC_TYPE_METHOD_EDITOR);
  g_type_ensure (RC_TYPE_SWITCHER_TITLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RcWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, add_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, content_save_button);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_selection_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
rc_window_init (RcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  label_icon_buttons (self);

  self->cancellable = g_cancellable_new ();

  self->project_signals = g_signal_group_new (RC_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::dirty",
                                  G_CALLBACK (project_title_changed_cb), self);
  g_signal_group_connect_swapped (self->project_signals, "notify::file",
                                  G_CALLBACK (project_file_changed_cb), self);
  g_signal_group_connect_swapped (self->project_signals, "items-changed",
                                  G_CALLBACK (project_items_changed_cb), self);

  update_actions (self);
}

/**
 * rc_window_new:
 * @application: (nullable): the application, or %NULL (in tests)
 * @context: the services to use, the application's
 * @project: (nullable): the project to show, or %NULL for a new, empty one
 */
RcWindow *
rc_window_new (RcApplication *application,
               RcContext     *context,
               RcProject     *project)
{
  g_return_val_if_fail (application == NULL || RC_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RC_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (project == NULL || RC_IS_PROJECT (project), NULL);

  return g_object_new (RC_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       "project", project,
                       NULL);
}

/**
 * rc_window_get_context:
 *
 * Returns: (transfer none): the services the window uses
 */
RcContext *
rc_window_get_context (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * rc_window_get_project:
 *
 * Returns: (transfer none): the project shown
 */
RcProject *
rc_window_get_project (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), NULL);

  return self->project;
}

void
rc_window_set_project (RcWindow  *self,
                       RcProject *project)
{
  g_return_if_fail (RC_IS_WINDOW (self));
  g_return_if_fail (project == NULL || RC_IS_PROJECT (project));

  if (project == NULL || !g_set_object (&self->project, project))
    return;

  /* An API added to the project shown before is not selected in this one. */
  g_clear_object (&self->pending_selection);
  g_signal_group_set_target (self->project_signals, project);
  rc_sidebar_set_project (self->sidebar, project);

  update_title (self);
  update_save_folder (self);
  update_content (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * rc_window_present_project:
 *
 * Presents the window and shows @project in it: at once if the window is on
 * the screen already, else in the turn after its first frame, so that the
 * sidebar rows of a big project do not hold the window back. Meanwhile the
 * window is not pristine (rc_window_is_pristine()): no other file goes to
 * it.
 */
void
rc_window_present_project (RcWindow  *self,
                           RcProject *project)
{
  g_return_if_fail (RC_IS_WINDOW (self));
  g_return_if_fail (RC_IS_PROJECT (project));

  if (self->drawn)
    rc_window_set_project (self, project);
  else
    g_set_object (&self->pending_project, project);

  gtk_window_present (GTK_WINDOW (self));
}

/**
 * rc_window_add_api:
 * @api: an API that belongs to no project yet
 *
 * Adds @api to the project (renamed, like “Petstore 2”, if its name is
 * taken) and selects it: after the next frame when the window is on the
 * screen, so that the sidebar rows of a thousand methods and the API's page
 * are not built in one turn.
 */
void
rc_window_add_api (RcWindow *self,
                   RcApi    *api)
{
  g_autoptr(RcNameSet) names = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (RC_IS_WINDOW (self));
  g_return_if_fail (RC_IS_API (api));

  names = rc_name_set_new_for_apis (self->project);
  name = rc_name_set_add_unique (names, rc_api_get_name (api));
  rc_api_set_name (api, name);
  rc_project_add_api (self->project, api);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      rc_sidebar_select_item (self->sidebar, G_OBJECT (api));
      return;
    }

  g_set_object (&self->pending_selection, G_OBJECT (api));
  wait_for_frame (self);
}

/**
 * rc_window_select_item:
 * @item: (nullable): an #RcApi or #RcMethod of the project, or %NULL
 *
 * Selects @item in the sidebar and shows it.
 */
void
rc_window_select_item (RcWindow *self,
                       GObject  *item)
{
  g_return_if_fail (RC_IS_WINDOW (self));
  g_return_if_fail (item == NULL || RC_IS_API (item) || RC_IS_METHOD (item));

  rc_sidebar_select_item (self->sidebar, item);
}

/**
 * rc_window_is_pristine:
 *
 * Returns: whether the window shows a new project nobody touched, which an
 *   opened file can replace
 */
gboolean
rc_window_is_pristine (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), FALSE);

  if (self->pending_project != NULL)
    return FALSE;

  return self->project == NULL ||
         (rc_project_get_file (self->project) == NULL &&
          !rc_project_get_dirty (self->project) &&
          rc_project_get_n_apis (self->project) == 0);
}

/**
 * rc_window_show_error:
 * @heading: what failed, like “Could Not Save the Project”
 * @message: the error's message, which says what to do
 *
 * Shows an error in a dialog over the window.
 */
void
rc_window_show_error (RcWindow   *self,
                      const char *heading,
                      const char *message)
{
  g_autofree char *printable = NULL;
  GtkWidget *dialog;

  g_return_if_fail (RC_IS_WINDOW (self));

  /* The message may quote a server or a file: no control characters. */
  printable = rc_text_dup_printable (message, -1, 0, RC_TEXT_MULTI_LINE);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, printable);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
