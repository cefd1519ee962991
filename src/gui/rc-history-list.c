/* rc-history-list.c: a method's calls from the history, newest first, on the Test tab
 *
 * Reads the method's entries from the history (rc-history.c) in a worker
 * thread, the last MAX_SHOWN of them, again whenever the window records a
 * call, and lists them: the status (or the failure's code), when, how
 * long, and in which environment. Activating one emits ::entry-activated
 * with the entry, for the Test tab to show in its response view and
 * inspector. *Clear History* removes the method's entries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-history-list.h"

/* A list for a person to pick from, not the whole history. */
#define MAX_SHOWN 20

struct _RcHistoryList
{
  AdwPreferencesGroup  parent_instance;

  RcContext           *context;
  RcMethod            *method;
  char                *project_id;
  GCancellable        *cancellable;
  GPtrArray           *entries;   /* JsonNode, as the rows show them */
  GPtrArray           *rows;
  GtkWidget           *clear_button;
  GtkWidget           *empty_row;
};

G_DEFINE_FINAL_TYPE (RcHistoryList, rc_history_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (RcHistoryList *self);

/* “200 OK”, or the failure's code when there was no response. */
static char *
dup_title (JsonObject *entry)
{
  gint64 status = json_object_get_int_member_with_default (entry, "status", 0);
  JsonNode *error = json_object_get_member (entry, "error");

  if (status != 0)
    {
      const char *reason = json_object_get_string_member_with_default (entry, "reason", NULL);

      return g_strdup_printf ("%" G_GINT64_FORMAT " %s", status,
                              reason ? reason : soup_status_get_phrase (status));
    }

  if (error && JSON_NODE_HOLDS_OBJECT (error))
    return g_strdup (json_object_get_string_member_with_default (json_node_get_object (error),
                                                                 "message", ""));

  return g_strdup (_("No response"));
}

/* “17:03:12 · 35 ms · Staging” */
static char *
dup_subtitle (JsonObject *entry)
{
  const char *time = json_object_get_string_member_with_default (entry, "time", NULL);
  const char *environment =
    json_object_get_string_member_with_default (entry, "environment", NULL);
  JsonNode *timings = json_object_get_member (entry, "timings");
  g_autoptr(GDateTime) utc = time ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%x %X") : g_strdup ("");
  GString *text = g_string_new (when);

  if (timings && JSON_NODE_HOLDS_OBJECT (timings))
    {
      JsonNode *total = json_object_get_member (json_node_get_object (timings), "total_ms");

      if (total && JSON_NODE_HOLDS_VALUE (total))
        {
          g_autofree char *ms = g_strdup_printf ("%.0f", json_node_get_double (total));

          g_string_append (text, " · ");
          /* TRANSLATORS: %s is a number of milliseconds */
          g_string_append_printf (text, _("%s ms"), ms);
        }
    }
  if (environment)
    g_string_append_printf (text, " · %s", environment);

  return g_string_free (text, FALSE);
}

static void
row_activated_cb (AdwActionRow  *row,
                  RcHistoryList *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "rc-index"));

  if (self->entries && index < self->entries->len)
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, g_ptr_array_index (self->entries, index));
}

static void
remove_rows (RcHistoryList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_entries (RcHistoryList *self)
{
  guint n_entries = self->entries ? self->entries->len : 0;

  remove_rows (self);
  gtk_widget_set_visible (self->empty_row, n_entries == 0);
  gtk_widget_set_sensitive (self->clear_button, n_entries > 0);

  for (guint i = 0; i < n_entries; i++)
    {
      JsonObject *entry = json_node_get_object (g_ptr_array_index (self->entries, i));
      g_autofree char *title = dup_title (entry);
      g_autofree char *subtitle = dup_subtitle (entry);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, "history-row");
      g_object_set_data (G_OBJECT (row), "rc-index", GUINT_TO_POINTER (i));
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = rc_history_list_finish (RC_HISTORY (object), result, &error);
  RcHistoryList *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RC_HISTORY_LIST (user_data);
  if (entries == NULL)
    g_debug ("The history could not be read: %s", error->message);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;
  show_entries (self);
}

static void
reload (RcHistoryList *self)
{
  RcApi *api = self->method ? rc_method_get_api (self->method) : NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (api == NULL || self->project_id == NULL)
    {
      g_clear_pointer (&self->entries, g_ptr_array_unref);
      show_entries (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  rc_history_list_async (rc_context_get_history (self->context), self->project_id,
                         rc_api_get_id (api), rc_method_get_id (self->method), MAX_SHOWN,
                         self->cancellable, listed_cb, self);
}

static void
history_changed_cb (RcHistoryList *self,
                    const char    *project_id)
{
  if (g_strcmp0 (project_id, self->project_id) == 0)
    reload (self);
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rc_history_clear_finish (RC_HISTORY (object), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  reload (RC_HISTORY_LIST (user_data));
}

static void
clear_clicked_cb (RcHistoryList *self)
{
  RcApi *api = self->method ? rc_method_get_api (self->method) : NULL;

  if (api == NULL || self->project_id == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  rc_history_clear_async (rc_context_get_history (self->context), self->project_id,
                          rc_api_get_id (api), rc_method_get_id (self->method),
                          self->cancellable, cleared_cb, self);
}

static void
rc_history_list_dispose (GObject *object)
{
  RcHistoryList *self = (RcHistoryList *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->method);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rc_history_list_parent_class)->dispose (object);
}

static void
rc_history_list_finalize (GObject *object)
{
  RcHistoryList *self = (RcHistoryList *)object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->project_id);

  G_OBJECT_CLASS (rc_history_list_parent_class)->finalize (object);
}

static void
rc_history_list_class_init (RcHistoryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rc_history_list_dispose;
  object_class->finalize = rc_history_list_finalize;

  /**
   * RcHistoryList::entry-activated:
   * @entry: the entry, a JSON object as rc_history_list() gives it
   *
   * Emitted when the user picks an entry, to be shown.
   */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JSON_TYPE_NODE);
}

static void
rc_history_list_init (RcHistoryList *self)
{
  GtkWidget *clear_content = adw_button_content_new ();

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("History"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("The calls made, masked: pick one to show it "
                                           "above."));

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (clear_content),
                                    "edit-clear-all-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (clear_content), _("Cle_ar History"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (clear_content), TRUE);
  self->clear_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->clear_button), clear_content);
  gtk_widget_add_css_class (self->clear_button, "flat");
  gtk_widget_set_valign (self->clear_button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (self->clear_button, "history-clear-button");
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->clear_button);

  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 _("No calls yet. Each call of Test is kept here."));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_row);
  gtk_widget_set_sensitive (self->clear_button, FALSE);
}

GtkWidget *
rc_history_list_new (RcContext *context)
{
  RcHistoryList *self = g_object_new (RC_TYPE_HISTORY_LIST, NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (rc_context_get_history (context), "changed",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * rc_history_list_set_method:
 * @method: (nullable): the method whose calls to list
 * @project_id: (nullable): its project's id
 */
void
rc_history_list_set_method (RcHistoryList *self,
                            RcMethod      *method,
                            const char    *project_id)
{
  g_return_if_fail (RC_IS_HISTORY_LIST (self));
  g_return_if_fail (method == NULL || RC_IS_METHOD (method));

  g_set_object (&self->method, method);
  g_free (self->project_id);
  self->project_id = g_strdup (project_id);
  reload (self);
}

/**
 * rc_history_list_get_n_entries:
 *
 * Returns: how many entries the list shows
 */
guint
rc_history_list_get_n_entries (RcHistoryList *self)
{
  g_return_val_if_fail (RC_IS_HISTORY_LIST (self), 0);

  return self->entries ? self->entries->len : 0;
}
