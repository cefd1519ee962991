/* rc-import-dialog.c: adds methods to a project from an OpenAPI document
 *
 * Three pages: where the document is (a file, or an http(s) URL); a spinner
 * while the core's loader (rc-openapi-loader.c) downloads and parses it (in
 * a worker thread), with Cancel; then what it holds: title, servers (the
 * base URL stays editable), the authentication the API will get, warnings,
 * and a searchable list of its operations grouped by tag, each with a check
 * button. “Add” builds the API from the selected operations, in a worker
 * thread, and gives it to the window, with the variables of the server
 * chosen that its base URL uses (rc_project_add_variables(): a new
 * environment when the project has none); the dialog then hides, and is
 * torn down in a later turn of the main loop, once the window has drawn it.
 *
 * A document whose `$ref`s point into other documents on the web, or into
 * files outside its folder, is first read without them; the user is asked
 * whether to read them, and on “Fetch” (or “Read”) it is read again, with
 * them, in a worker thread (the loading page and its Cancel meanwhile).
 * Those may lead further out of bounds: the user is asked again, about the
 * new ones only.
 *
 * Every load has its own cancellable: Cancel, Back, a new load or closing
 * the dialog cancels it, and its callbacks then change nothing. A failure
 * is shown on the first page, with what the user typed kept, and what to do
 * in the dialog's terms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-import-dialog.h"
#include "rc-import-item.h"
#include "rc-import-row.h"
#include "rc-import-summary.h"

#define DOWNLOAD_TIMEOUT_SECONDS 60
/* How long each document a $ref points into may take to download. */
#define REF_TIMEOUT_SECONDS 30
/* The list is filled a few rows at a time, for at most this long per idle:
 * the list view makes rows for new items, and the main loop must keep
 * turning. */
#define ITEMS_PER_STEP 8
#define FILL_BUDGET_USEC (8 * G_TIME_SPAN_MILLISECOND)

struct _RcImportDialog
{
  AdwWindow           parent_instance;

  RcWindow           *window;           /* weak */
  GCancellable       *cancellable;      /* the current load's */
  GCancellable       *add_cancellable;  /* the API being built, after Add */
  GStrv               allowed;          /* documents out of bounds it may read */
  SoupSession        *session;
  RcOpenApi          *open_api;
  GListStore         *items;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GStrv               search_words;
  GPtrArray          *pending;          /* items not in the list yet */
  guint               n_added;
  guint               fill_idle;
  guint               update_idle;
  guint               close_idle;

  GtkWidget          *back_button;
  GtkWidget          *add_button;
  GtkStack           *stack;
  AdwEntryRow        *url_row;
  GtkWidget          *load_button;
  GtkWidget          *error_group;
  GtkLabel           *error_label;
  GtkSpinner         *spinner;
  GtkLabel           *status_label;
  RcImportSummary    *summary;
  GtkLabel           *count_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (RcImportDialog, rc_import_dialog, ADW_TYPE_WINDOW)

static void     search_changed_cb (RcImportDialog *self);
static void     schedule_update   (RcImportDialog *self);
static gboolean fill_idle_cb      (gpointer        user_data);

/* Helpers */

static void
show_page (RcImportDialog *self,
           const char     *page)
{
  gboolean operations = g_str_equal (page, "operations");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
  gtk_widget_set_visible (self->back_button, operations);
  gtk_widget_set_visible (self->add_button, operations);
}

static void
cancel_load (RcImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* A new load's cancellable (the dialog's); any earlier load is cancelled. */
static GCancellable *
start_load (RcImportDialog *self)
{
  cancel_load (self);
  self->cancellable = g_cancellable_new ();
  g_strfreev (self->allowed);
  self->allowed = g_new0 (char *, 1);

  gtk_widget_set_visible (self->error_group, FALSE);
  gtk_label_set_text (self->status_label, "");
  show_page (self, "loading");

  return self->cancellable;
}

static void
show_error (RcImportDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (self->error_group, TRUE);
  show_page (self, "source");
}

/* Empties the list in one step: with the list view attached, removing
 * every item tears its rows down one by one (each also leaving the
 * accessibility tree), which takes a while for a few thousand. */
static void
clear_items (RcImportDialog *self)
{
  GtkSelectionModel *model;

  if (self->items == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    return;

  model = g_object_ref (gtk_list_view_get_model (self->list_view));
  gtk_list_view_set_model (self->list_view, NULL);
  g_list_store_remove_all (self->items);
  gtk_list_view_set_model (self->list_view, model);
  g_object_unref (model);
}

static void
clear_document (RcImportDialog *self)
{
  g_clear_handle_id (&self->fill_idle, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  clear_items (self);
  g_clear_object (&self->open_api);
}

/* The flat list: each tag in the order it first appears, then its
 * operations; an operation goes under its first tag. */
static void
fill_items (RcImportDialog *self)
{
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = rc_open_api_get_n_operations (self->open_api);

  for (guint i = 0; i < n; i++)
    {
      const RcOpenApiOperation *operation = rc_open_api_get_operation (self->open_api, i);
      const char *tag = operation->tags && operation->tags[0] ? operation->tags[0] : "";
      GPtrArray *group = g_hash_table_lookup (groups, tag);

      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (group, rc_import_item_new_tag (tag));
          g_hash_table_insert (groups, (gpointer) tag, group);
          g_ptr_array_add (tags, group);
        }

      g_ptr_array_add (group, rc_import_item_new_operation (group->pdata[0], operation));
    }

  /* Untagged operations come last. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < tags->len; i++)
      {
        GPtrArray *group = tags->pdata[i];
        gboolean untagged = *rc_import_item_get_tag (group->pdata[0]) == '\0';

        if (untagged != (pass == 1))
          continue;

        /* Everything is selected at first. */
        rc_import_item_set_n_matching (group->pdata[0], group->len - 1);
        rc_import_item_set_selected (group->pdata[0], TRUE);
        g_signal_connect_object (group->pdata[0], "notify::n-selected",
                                 G_CALLBACK (schedule_update), self, G_CONNECT_SWAPPED);
        for (guint j = 0; j < group->len; j++)
          g_ptr_array_add (all, g_object_ref (group->pdata[j]));
      }

  /* The list view makes up to a few hundred rows at once for new items:
   * adding them in small batches keeps the main loop turning. */
  self->pending = g_steal_pointer (&all);
  self->n_added = 0;
  self->fill_idle = g_idle_add (fill_idle_cb, self);
}

static void
show_document (RcImportDialog *self)
{
  rc_import_summary_set_document (self->summary, self->open_api);
  g_clear_pointer (&self->search_words, g_strfreev);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  fill_items (self);
}

static GPtrArray *
dup_selected_operations (RcImportDialog *self)
{
  GListModel *items = G_LIST_MODEL (self->items);
  GPtrArray *selected = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RcImportItem) item = g_list_model_get_item (items, i);

      if (!rc_import_item_is_tag (item) && rc_import_item_get_selected (item))
        g_ptr_array_add (selected, (gpointer) rc_import_item_get_operation (item));
    }

  return selected;
}

static void
update (RcImportDialog *self)
{
  g_autoptr(GPtrArray) selected = NULL;
  g_autofree char *count = NULL;
  gboolean complete;
  guint n_operations;

  if (self->open_api == NULL)
    return;

  selected = dup_selected_operations (self);
  n_operations = rc_open_api_get_n_operations (self->open_api);
  complete = rc_import_summary_is_complete (self->summary);

  /* Translators: how many operations of the document are selected */
  count = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u of %u selected", "%u of %u selected", n_operations),
    selected->len, n_operations);
  gtk_label_set_text (self->count_label, count);

  gtk_widget_set_sensitive (self->add_button,
                            self->pending == NULL && self->add_cancellable == NULL &&
                            selected->len > 0 && complete);
  if (selected->len == 0)
    gtk_widget_set_tooltip_text (self->add_button, _("Select at least one operation"));
  else if (!complete)
    gtk_widget_set_tooltip_text (self->add_button, _("Name the API and type its base URL"));
  else
    gtk_widget_set_tooltip_text (self->add_button, _("Add the API with the selected operations"));

  rc_import_summary_set_selection (self->summary, selected);
}

static gboolean
update_idle_cb (gpointer user_data)
{
  RcImportDialog *self = user_data;

  self->update_idle = 0;
  update (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_update (RcImportDialog *self)
{
  if (self->update_idle == 0)
    self->update_idle = g_idle_add (update_idle_cb, self);
}

static void
set_shown_selected (RcImportDialog *self,
                    gboolean        selected)
{
  GListModel *shown = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(RcImportItem) item = g_list_model_get_item (shown, i);

      if (!rc_import_item_is_tag (item))
        rc_import_item_set_selected (item, selected);
    }
}

static void
choose_file (RcImportDialog *self);

/* Callbacks */

static gboolean
fill_idle_cb (gpointer user_data)
{
  RcImportDialog *self = user_data;
  gint64 start = g_get_monotonic_time ();

  do
    {
      guint n = MIN (ITEMS_PER_STEP, self->pending->len - self->n_added);

      g_list_store_splice (self->items, g_list_model_get_n_items (G_LIST_MODEL (self->items)), 0,
                           self->pending->pdata + self->n_added, n);
      self->n_added += n;
    }
  while (self->n_added < self->pending->len && g_get_monotonic_time () - start < FILL_BUDGET_USEC);

  if (self->n_added < self->pending->len)
    return G_SOURCE_CONTINUE;

  self->fill_idle = 0;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  /* A search typed meanwhile counted only part of the list. */
  search_changed_cb (self);
  schedule_update (self);

  return G_SOURCE_REMOVE;
}

/* Told by the loader only while the load's cancellable is not cancelled,
 * so never after dispose. */
static void
status_changed_cb (const char *status,
                   gpointer    user_data)
{
  RcImportDialog *self = RC_IMPORT_DIALOG (user_data);

  if (self->status_label != NULL)
    gtk_label_set_text (self->status_label, status);
}

static void
show_loaded (RcImportDialog *self,
             RcOpenApi      *open_api)
{
  clear_document (self);
  self->open_api = g_object_ref (open_api);
  show_document (self);
  update (self);
  show_page (self, "operations");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data);

typedef struct
{
  RcImportDialog  *self;
  RcOpenApi       *open_api;     /* read without the remote documents */
  RcOpenApiSource *source;       /* what was read, to read again */
  GCancellable    *cancellable;  /* the load's */
  GStrv            allowed;      /* what a “Fetch” allows: earlier answers and these */
} FetchQuestion;

static void
fetch_question_free (gpointer  data,
                     GClosure *closure)
{
  FetchQuestion *question = data;

  g_object_unref (question->self);
  g_object_unref (question->open_api);
  rc_open_api_source_unref (question->source);
  g_object_unref (question->cancellable);
  g_strfreev (question->allowed);
  g_free (question);
}

static void
fetch_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   FetchQuestion    *question)
{
  RcImportDialog *self = question->self;

  /* Cancelled, or another load started meanwhile. */
  if (g_cancellable_is_cancelled (question->cancellable) ||
      question->cancellable != self->cancellable)
    return;

  if (g_str_equal (response, "fetch"))
    {
      RcOpenApiLoadOptions options = {
        .ref_timeout_seconds = REF_TIMEOUT_SECONDS,
        .fetch_refs = TRUE,
        .allowed_documents = (const char * const *) question->allowed,
      };

      g_strfreev (self->allowed);
      self->allowed = g_strdupv (question->allowed);
      rc_open_api_reload_async (question->source, &options, status_changed_cb, self,
                                question->cancellable, loaded_cb, g_object_ref (self));
    }
  else
    show_loaded (self, question->open_api);
}

/* The hosts of @urls, each once, in order, as “a, b”. */
static char *
dup_hosts (const char * const *urls)
{
  g_autoptr(GPtrArray) hosts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; urls[i]; i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (urls[i], G_URI_FLAGS_NONE, NULL);
      const char *host = uri ? g_uri_get_host (uri) : NULL;

      if (host && !g_ptr_array_find_with_equal_func (hosts, host, g_str_equal, NULL))
        g_ptr_array_add (hosts, g_strdup (host));
    }
  g_ptr_array_add (hosts, NULL);

  /* Translators: the separator between host names in a list */
  return g_strjoinv (_(", "), (char **) hosts->pdata);
}

/* For documents outside the folder of a local document, or on other
 * origins than a downloaded one's. */
static char *
dup_external_body (const char * const *external,
                   guint               n_unfetched,
                   const char         *document_uri)
{
  guint n = g_strv_length ((char **) external);
  gboolean local = document_uri && g_str_has_prefix (document_uri, "file:");
  g_autofree char *first = rc_open_api_dup_document_label (external[0]);
  g_autofree char *hosts = dup_hosts (external);
  GString *body = g_string_new (NULL);

  if (local && n == 1)
    g_string_append_printf (
      body,
      _("The document refers to “%s”, outside its folder. Read it and read the "
        "document again with it? If not, what it describes is left out."),
      first);
  else if (local)
    g_string_append_printf (
      body,
      g_dngettext (GETTEXT_PACKAGE,
                   "The document refers to %u file outside its folder, the first “%s”. "
                   "Read them and read the document again with them? If not, what they "
                   "describe is left out.",
                   "The document refers to %u files outside its folder, the first “%s”. "
                   "Read them and read the document again with them? If not, what they "
                   "describe is left out.",
                   n),
      n, first);
  else if (n == 1)
    g_string_append_printf (
      body,
      _("The document refers to “%s”, on another website (%s). Fetch it and read "
        "the document again with it? If not, what it describes is left out."),
      first, hosts);
  else
    g_string_append_printf (
      body,
      g_dngettext (GETTEXT_PACKAGE,
                   "The document refers to %u document on other websites (%s), the first "
                   "“%s”. Fetch them and read the document again with them? If not, what "
                   "they describe is left out.",
                   "The document refers to %u documents on other websites (%s), the first "
                   "“%s”. Fetch them and read the document again with them? If not, what "
                   "they describe is left out.",
                   n),
      n, hosts, first);

  if (n_unfetched > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (
        body,
        g_dngettext (
          GETTEXT_PACKAGE, "It also refers to %u document on the web, which would be fetched too.",
          "It also refers to %u documents on the web, which would be fetched too.", n_unfetched),
        n_unfetched);
    }

  return g_string_free (body, FALSE);
}

/* Asks whether to read @open_api's document again, with the documents on
 * the web that its $refs point into, and those out of its bounds. */
static void
ask_fetch (RcImportDialog  *self,
           RcOpenApiSource *source,
           RcOpenApi       *open_api)
{
  const char * const *urls = rc_open_api_get_unfetched_documents (open_api);
  const char * const *external = rc_open_api_get_external_documents (open_api);
  guint n = g_strv_length ((char **) urls);
  g_autofree char *hosts = dup_hosts (urls);
  g_autofree char *body = NULL;
  g_autoptr(GStrvBuilder) allowed = g_strv_builder_new ();
  const char *document_uri = rc_open_api_source_get_document_uri (source);
  FetchQuestion *question = g_new0 (FetchQuestion, 1);
  gboolean read_files = FALSE;
  AdwMessageDialog *dialog;

  question->self = g_object_ref (self);
  question->open_api = g_object_ref (open_api);
  question->source = rc_open_api_source_ref (source);
  question->cancellable = g_object_ref (self->cancellable);

  /* “Fetch” allows what was asked now, and before, for this document. */
  g_strv_builder_addv (allowed, (const char **) self->allowed);
  g_strv_builder_addv (allowed, (const char **) urls);
  g_strv_builder_addv (allowed, (const char **) external);
  question->allowed = g_strv_builder_end (allowed);

  if (external[0] != NULL)
    {
      read_files = g_str_has_prefix (external[0], "file:");
      body = dup_external_body (external, n, document_uri);
    }
  else if (n == 1)
    body = g_strdup_printf (
      _("The document refers to another document on the web, “%s” (on %s). Fetch it "
        "and read the document again with it? If not, what it describes is left out."),
      urls[0], hosts);
  else
    body = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "The document refers to %u other document on the web, the first "
                   "“%s” (on %s). Fetch them and read the document again with them? If "
                   "not, what they describe is left out.",
                   "The document refers to %u other documents on the web, the first "
                   "“%s” (on %s). Fetch them and read the document again with them? If "
                   "not, what they describe is left out.",
                   n),
      n, urls[0], hosts);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self),
    read_files ? _("Read Files Outside the Folder?") : _("Fetch Referenced Documents?"), body));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (dialog,
                                    "dont-fetch", read_files ? _("_Don’t Read") : _("_Don’t Fetch"),
                                    "fetch", read_files ? _("_Read") : _("_Fetch"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "fetch", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "dont-fetch");
  adw_message_dialog_set_close_response (dialog, "dont-fetch");
  g_signal_connect_data (dialog, "response", G_CALLBACK (fetch_response_cb), question,
                         fetch_question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What to do when a document could not be read, in the dialog's terms;
 * NULL when the error says it already. */
static const char *
get_advice (const GError *error)
{
  static const char *const advice[] = {
    [RC_OPEN_API_LOAD_ERROR_NO_SUCH_FILE] = N_("Choose another file."),
    [RC_OPEN_API_LOAD_ERROR_INVALID_URL] =
      N_("Type an address such as https://api.example.com/openapi.json, or choose a file."),
    [RC_OPEN_API_LOAD_ERROR_STATUS] = N_("Check the URL."),
    [RC_OPEN_API_LOAD_ERROR_TOO_LARGE] =
      N_("Download the document another way and choose the file."),
    [RC_OPEN_API_LOAD_ERROR_TIMED_OUT] =
      N_("Download the document another way and choose the file."),
    [RC_OPEN_API_LOAD_ERROR_DOWNLOAD] =
      N_("Check the URL and the network, or download the document and choose the file."),
  };

  if (error->domain != RC_OPEN_API_LOAD_ERROR || (guint) error->code >= G_N_ELEMENTS (advice)
      || advice[error->code] == NULL)
    return NULL;

  return _(advice[error->code]);
}

/* @user_data is a reference to the dialog, which a load holds until it
 * ends (so that one can tell when it has), let go of here, in the main
 * thread; the loader's worker thread never holds it. A load cancelled (by
 * Cancel, Back, a new load or closing) ends cancelled, whatever it had
 * read, and changes nothing. */
static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RcImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApiSource) source = NULL;
  g_autoptr(RcOpenApi) open_api = rc_open_api_load_finish (result, &source, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (open_api == NULL)
    {
      const char *advice = get_advice (error);
      g_autofree char *message = advice ? g_strdup_printf ("%s %s", error->message, advice) : NULL;

      show_error (self, message ? message : error->message);
      return;
    }

  /* Read without the documents on the web that it refers to, or those
   * out of its bounds that were not allowed yet: ask. Each answer allows
   * more, so the questions end. */
  if (rc_open_api_get_unfetched_documents (open_api)[0] != NULL
      || rc_open_api_get_external_documents (open_api)[0] != NULL)
    {
      ask_fetch (self, source, open_api);
      return;
    }

  show_loaded (self, open_api);
}

static void
choose_response_cb (GtkNativeDialog *native,
                    int              response,
                    RcImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        rc_import_dialog_load_file (self, file);
    }

  g_object_unref (native);
}

static void
choose_clicked_cb (RcImportDialog *self)
{
  choose_file (self);
}

static void
load_clicked_cb (RcImportDialog *self)
{
  g_autofree char *url =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));

  if (*url != '\0')
    rc_import_dialog_load_url (self, url);
}

static void
url_changed_cb (RcImportDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));

  gtk_widget_set_sensitive (self->load_button, *url != '\0');
}

static void
cancel_clicked_cb (RcImportDialog *self)
{
  cancel_load (self);
  show_page (self, "source");
}

static void
back_clicked_cb (RcImportDialog *self)
{
  cancel_load (self);
  show_page (self, "source");
}

static void
entry_changed_cb (RcImportDialog *self)
{
  schedule_update (self);
}

static void
search_changed_cb (RcImportDialog *self)
{
  g_autofree char *query =
    g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  GListModel *items = G_LIST_MODEL (self->items);
  RcImportItem *tag = NULL;
  guint n_matching = 0;

  g_strfreev (self->search_words);
  self->search_words = g_strsplit_set (g_strstrip (query), " \t", -1);

  /* A tag shows when any of its operations does: count them first. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RcImportItem) item = g_list_model_get_item (items, i);

      if (rc_import_item_is_tag (item))
        {
          if (tag != NULL)
            rc_import_item_set_n_matching (tag, n_matching);
          g_set_object (&tag, item);
          n_matching = 0;
        }
      else if (rc_import_item_matches (item, (const char * const *) self->search_words))
        {
          n_matching++;
        }
    }
  if (tag != NULL)
    rc_import_item_set_n_matching (tag, n_matching);
  g_clear_object (&tag);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (
    self->list_stack,
    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ? "list" : "no-match");
}

static gboolean
filter_item_cb (gpointer item,
                gpointer user_data)
{
  RcImportDialog *self = user_data;

  return rc_import_item_matches (item, (const char * const *) self->search_words);
}

static void
select_all_clicked_cb (RcImportDialog *self)
{
  set_shown_selected (self, TRUE);
}

static void
select_none_clicked_cb (RcImportDialog *self)
{
  set_shown_selected (self, FALSE);
}

/* Rows torn down per turn of the main loop while the dialog closes. */
#define ROWS_PER_TURN 48

/* Closes the hidden dialog once its list is empty: the items go a batch
 * per turn from the end, so that the list view's rows (a couple of
 * hundred, each leaving the accessibility tree) are not all torn down in
 * one. */
static gboolean
close_idle_cb (gpointer user_data)
{
  RcImportDialog *self = user_data;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint n_removed = MIN (n_items, ROWS_PER_TURN);

  if (n_removed > 0)
    {
      g_list_store_splice (self->items, n_items - n_removed, n_removed, NULL, 0);
      return G_SOURCE_CONTINUE;
    }

  self->close_idle = 0;
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

/* What the worker building the API after Add reads: nothing of the
 * dialog's but the document, which nobody changes. */
typedef struct
{
  RcOpenApi *open_api;
  GPtrArray *selected;          /* RcOpenApiOperation, the document's */
  char      *base_url;          /* as typed when Add was clicked */
  GPtrArray *variables;         /* RcVariable, the document's: those it uses */
  char      *environment_name;  /* for them, when the project has no environment */
} Building;

static void
building_free (Building *building)
{
  g_clear_object (&building->open_api);
  g_clear_pointer (&building->selected, g_ptr_array_unref);
  g_free (building->base_url);
  g_clear_pointer (&building->variables, g_ptr_array_unref);
  g_free (building->environment_name);
  g_free (building);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Building *building = task_data;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GError *error = NULL;
  RcApi *api;

  for (guint i = 0; i < building->selected->len; i++)
    g_ptr_array_add (names, ((RcOpenApiOperation *) building->selected->pdata[i])->name);
  g_ptr_array_add (names, NULL);

  /* A relative token URL follows the base URL, that of the server the
   * user chose. */
  api = rc_open_api_build_api_with_base_url (building->open_api, building->base_url,
                                             (const char *const *) names->pdata, NULL, &error);
  if (api == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, api, g_object_unref);
}

static void
built_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Building *building = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(RcApi) api = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = NULL;
  RcImportDialog *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;                     /* self may be gone */

  self = RC_IMPORT_DIALOG (user_data);
  g_clear_object (&self->add_cancellable);

  if (api == NULL)
    {
      show_error (self, error->message);
      schedule_update (self);
      return;
    }

  name = g_strdup (rc_import_summary_get_name (self->summary));
  g_strstrip (name);
  rc_api_set_name (api, name);

  /* The variables first, so that the API is shown with them. */
  if (self->window != NULL)
    {
      rc_project_add_variables (rc_window_get_project (self->window), building->variables,
                                building->environment_name);
      rc_window_add_api (self->window, api);
    }

  /* Gone from the screen now; torn down (its list, its rows) once the
   * window has drawn the new API, not in the same turn of the main loop. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  self->close_idle = g_idle_add_full (G_PRIORITY_LOW, close_idle_cb, self, NULL);
}

/* The API is built in a worker: a thousand methods take a while. */
static void
add_clicked_cb (RcImportDialog *self)
{
  g_autoptr(GPtrArray) selected = dup_selected_operations (self);
  g_autoptr(GTask) task = NULL;
  const RcOpenApiServer *server;
  Building *building;

  if (self->open_api == NULL || self->pending != NULL || self->add_cancellable != NULL ||
      selected->len == 0 || !gtk_widget_get_sensitive (self->add_button))
    return;

  gtk_widget_set_sensitive (self->add_button, FALSE);
  self->add_cancellable = g_cancellable_new ();

  building = g_new0 (Building, 1);
  building->open_api = g_object_ref (self->open_api);
  building->selected = g_steal_pointer (&selected);
  building->base_url = g_strdup (rc_import_summary_get_base_url (self->summary));
  building->variables = rc_import_summary_dup_variables (self->summary);
  server = rc_import_summary_get_server (self->summary);
  building->environment_name =
    server ? rc_open_api_server_dup_environment_name (server) : g_strdup ("");
  task = g_task_new (NULL, self->add_cancellable, built_cb, self);
  g_task_set_source_tag (task, add_clicked_cb);
  g_task_set_task_data (task, building, (GDestroyNotify) building_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, build_thread);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, rc_import_row_new ());
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  rc_import_row_set_item (RC_IMPORT_ROW (gtk_list_item_get_child (list_item)),
                          gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  rc_import_row_set_item (RC_IMPORT_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* Overrides */

static void
rc_import_dialog_dispose (GObject *object)
{
  RcImportDialog *self = (RcImportDialog *)object;

  /* Closing the dialog stops a download or a parse. */
  cancel_load (self);
  g_cancellable_cancel (self->add_cancellable);
  g_clear_object (&self->add_cancellable);
  g_clear_handle_id (&self->close_idle, g_source_remove);
  g_clear_handle_id (&self->update_idle, g_source_remove);
  g_clear_handle_id (&self->fill_idle, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_weak_pointer (&self->window);

  /* The list view goes first, its rows with it, so that nothing is torn
   * down one item at a time. */
  if (self->list_view)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->filtered);
  g_clear_object (&self->items);
  g_clear_object (&self->session);
  g_clear_object (&self->open_api);
  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_pointer (&self->allowed, g_strfreev);

  G_OBJECT_CLASS (rc_import_dialog_parent_class)->dispose (object);
}

static void
rc_import_dialog_class_init (RcImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_import_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* A dialog to assistive technologies, named by its title. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);

  g_type_ensure (RC_TYPE_IMPORT_SUMMARY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, load_button);
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RcImportDialog, list_view);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, load_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_none_clicked_cb);
}

static void
rc_import_dialog_init (RcImportDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (self->back_button),
                                  -1);

  self->items = g_list_store_new (RC_TYPE_IMPORT_ITEM);
  self->filter = gtk_custom_filter_new (filter_item_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

/* Public API */

/**
 * rc_import_dialog_new:
 * @window: the window whose project gets the API
 *
 * Returns: (transfer floating): a new dialog, modal over @window
 */
GtkWidget *
rc_import_dialog_new (RcWindow *window)
{
  RcImportDialog *self;

  g_return_val_if_fail (RC_IS_WINDOW (window), NULL);

  self = g_object_new (RC_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);

  return GTK_WIDGET (self);
}

static void
choose_file (RcImportDialog *self)
{
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Choose an OpenAPI Document"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (documents, _("OpenAPI documents (JSON, YAML)"));
  gtk_file_filter_add_mime_type (documents, "application/json");
  gtk_file_filter_add_mime_type (documents, "application/yaml");
  gtk_file_filter_add_mime_type (documents, "application/x-yaml");
  gtk_file_filter_add_mime_type (documents, "text/yaml");
  gtk_file_filter_add_mime_type (documents, "text/x-yaml");
  gtk_file_filter_add_suffix (documents, "json");
  gtk_file_filter_add_suffix (documents, "yaml");
  gtk_file_filter_add_suffix (documents, "yml");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), documents);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  g_signal_connect_object (native, "response", G_CALLBACK (choose_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * rc_import_dialog_load_file:
 *
 * Reads and parses @file (in a worker thread), as if the user had chosen it.
 */
void
rc_import_dialog_load_file (RcImportDialog *self,
                            GFile          *file)
{
  GCancellable *cancellable;

  g_return_if_fail (RC_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  cancellable = start_load (self);
  rc_open_api_load_file_async (file, NULL, NULL, status_changed_cb, self, cancellable, loaded_cb,
                               g_object_ref (self));
}

/**
 * rc_import_dialog_load_url:
 *
 * Downloads @url, which must be http(s), and parses it, as if the user had
 * typed it; an error is shown on the first page.
 */
void
rc_import_dialog_load_url (RcImportDialog *self,
                           const char     *url)
{
  GCancellable *cancellable;

  g_return_if_fail (RC_IS_IMPORT_DIALOG (self));
  g_return_if_fail (url != NULL);

  if (self->session == NULL)
    self->session = soup_session_new_with_options ("timeout", DOWNLOAD_TIMEOUT_SECONDS,
                                                   "user-agent", "Restcall/" PACKAGE_VERSION,
                                                   NULL);

  cancellable = start_load (self);
  rc_open_api_load_url_async (self->session, url, NULL, status_changed_cb, self, cancellable,
                              loaded_cb, g_object_ref (self));
}

/**
 * rc_import_dialog_get_open_api:
 *
 * Returns: (transfer none) (nullable): the document read, once read
 */
RcOpenApi *
rc_import_dialog_get_open_api (RcImportDialog *self)
{
  g_return_val_if_fail (RC_IS_IMPORT_DIALOG (self), NULL);

  return self->open_api;
}

/**
 * rc_import_dialog_get_items:
 *
 * Returns: (transfer none): the list's rows (#RcImportItem), tags and
 *   operations, as the search filters them
 */
GListModel *
rc_import_dialog_get_items (RcImportDialog *self)
{
  g_return_val_if_fail (RC_IS_IMPORT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->filtered);
}
