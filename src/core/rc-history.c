/* rc-history.c: the calls made, kept masked in the user's state folder
 *
 * Every call made from the window (Test, Get New Token) and, when asked,
 * from the command line (`restcall run --save-history`) is kept, masked
 * (rc-history-entry.c), outside the project: a project file stays safe
 * to commit, and the history stays with the user. One file an entry:
 *
 *   $XDG_STATE_HOME/restcall/history/       (rc_history_new (NULL))
 *     PROJECT-ID/
 *       API-ID/
 *         ID.json                 the API's own token requests
 *         METHOD-ID/ID.json       the method's calls
 *
 * where an entry's ID is the time it was recorded, to the microsecond,
 * and a random part (20250102T030405.123456Z-0123abcd): the names sort
 * oldest first. The ids of the project, API and method come from the
 * project file, and are escaped to stay one plain name each (a byte but a
 * letter, a digit, '-' or '_' is written %XX). Folders are made 0700,
 * entries 0600. An entry is one line of JSON, written whole to a
 * temporary file that then takes its name: a crash leaves the entry
 * whole or absent, never half a file that breaks reading. A file that
 * does not read as an entry (a disk's fault, a hand's) is skipped with a
 * debug message, never an error.
 *
 * Caps (RcHistoryLimits, settable for tests): 100 entries a method (or
 * an API's own token requests), the oldest dropped first as an entry is
 * added; 200 MB for every entry of every project together, the oldest
 * anywhere dropped first; 256 KiB of each body, the whole size recorded.
 * The total is counted over the whole folder once, then kept up to date
 * as entries come and go, and counted again before anything is dropped
 * for it: other processes add entries too.
 *
 * Clear: a method's entries, an API's (its methods' and its own), a
 * project's, or everything. Everything that touches the disk has a sync
 * form (the command line) and an async one that runs it in a worker
 * thread (the window, whose calls rc_history_record() keeps while the
 * application holds itself); within a process, one thing at a time
 * touches the folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"
#define _DEFAULT_SOURCE /* lstat() */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rc-history-private.h"
#include "rc-json.h"

/* How deep entries lie below the history's folder: project, API, method. */
#define MAX_DEPTH 3

struct _RcHistory
{
  GObject          parent_instance;

  char            *directory;
  GMutex           lock;         /* limits and total_size */
  RcHistoryLimits  limits;
  gint64           total_size;   /* every entry's, as last counted; -1 before */
};

/* What a job does. */
typedef enum {
  OP_ADD,
  OP_LIST,
  OP_READ,
  OP_CLEAR,
} Op;

/* One operation on the disk, maybe run in a worker thread. */
typedef struct
{
  Op               op;
  RcHistoryEntry  *entry;
  RcHistoryLimits  limits;
  char            *project_id;
  char            *api_id;
  char            *method_id;
  char            *entry_id;
  guint            limit;
} Job;

/* An entry file found on the disk. */
typedef struct
{
  char   *name;
  char   *path;
  goffset size;
} Found;

G_DEFINE_FINAL_TYPE (RcHistory, rc_history, G_TYPE_OBJECT)

/* One thing at a time touches the folders, whichever history it is for. */
static GMutex disk_lock;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->entry, rc_history_entry_free);
  g_free (job->project_id);
  g_free (job->api_id);
  g_free (job->method_id);
  g_free (job->entry_id);
  g_free (job);
}

static Job *
job_new (Op          op,
         const char *project_id,
         const char *api_id,
         const char *method_id,
         const char *entry_id)
{
  Job *job = g_new0 (Job, 1);

  job->op = op;
  job->project_id = g_strdup (project_id);
  job->api_id = g_strdup (api_id);
  job->method_id = g_strdup (method_id);
  job->entry_id = g_strdup (entry_id);

  return job;
}

static void
found_clear (gpointer data)
{
  Found *found = data;

  g_free (found->name);
  g_free (found->path);
}

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const Found *)a)->name, ((const Found *)b)->name);
}

/* An id from the project file as one plain name: no '/', no "..". */
static char *
escape_id (const char *id)
{
  GString *name = g_string_new (NULL);

  for (const char *p = id; *p; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
        g_string_append_c (name, *p);
      else
        g_string_append_printf (name, "%%%02X", (guchar)*p);
    }

  return g_string_free (name, FALSE);
}

/* The folder of a project's entries, an API's or a method's (each id
 * %NULL for the level above); the history's folder when all are %NULL. */
static char *
dup_folder (RcHistory  *self,
            const char *project_id,
            const char *api_id,
            const char *method_id)
{
  const char *ids[] = { project_id, api_id, method_id };
  char *folder = g_strdup (self->directory);

  for (guint i = 0; i < G_N_ELEMENTS (ids) && ids[i]; i++)
    {
      g_autofree char *name = escape_id (ids[i]);
      char *inner = g_build_filename (folder, name, NULL);

      g_free (folder);
      folder = inner;
    }

  return folder;
}

static gboolean
is_entry_file (const char *name)
{
  return rc_history_is_entry_id (name, ".json");
}

/* The entries in @folder (not below it); with @depth > 1, those in the
 * folders below it too, that many levels down. */
static void
find_entries (const char *folder,
              guint       depth,
              GArray     *found)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf info;

      if (g_lstat (path, &info) != 0)
        continue;
      if (S_ISREG (info.st_mode) && is_entry_file (name))
        {
          Found entry = { g_strdup (name), g_steal_pointer (&path), info.st_size };

          g_array_append_val (found, entry);
        }
      else if (S_ISDIR (info.st_mode) && depth > 1)
        find_entries (path, depth - 1, found);
    }
}

/* The entries in @folder and @depth - 1 levels below it, oldest first. */
static GArray *
find_sorted (const char *folder,
             guint       depth)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Found));

  g_array_set_clear_func (found, found_clear);
  find_entries (folder, depth, found);
  g_array_sort (found, compare_found);

  return found;
}

/* Removes the @count oldest of @found; returns how many bytes that gave. */
static goffset
drop_oldest (GArray *found,
             guint   count)
{
  goffset freed = 0;

  for (guint i = 0; i < count && i < found->len; i++)
    {
      Found *entry = &g_array_index (found, Found, i);

      /* Another process may have dropped it first. */
      if (g_unlink (entry->path) == 0 || errno == ENOENT)
        freed += entry->size;
      else
        g_debug ("History entry %s could not be removed: %s", entry->path, g_strerror (errno));
    }

  return freed;
}

/* Keeps @max_entries in @folder, the newest. */
static goffset
cap_folder (const char *folder,
            guint       max_entries)
{
  g_autoptr(GArray) found = find_sorted (folder, 1);

  if (found->len <= max_entries)
    return 0;

  return drop_oldest (found, found->len - max_entries);
}

/* Keeps every entry together within @max_total_size, the newest. */
static void
cap_total (RcHistory *self,
           gint64     added,
           guint64    max_total_size)
{
  g_autoptr(GArray) found = NULL;
  gint64 total = 0;
  guint count = 0;

  g_mutex_lock (&self->lock);
  if (self->total_size >= 0)
    self->total_size += added;
  total = self->total_size;
  g_mutex_unlock (&self->lock);

  if (total >= 0 && (guint64)total <= max_total_size)
    return;

  /* Counted once, or again before dropping: other processes add too. */
  found = find_sorted (self->directory, MAX_DEPTH + 1);
  total = 0;
  for (guint i = 0; i < found->len; i++)
    total += g_array_index (found, Found, i).size;
  for (; count < found->len && (guint64)total > max_total_size; count++)
    total -= g_array_index (found, Found, count).size;
  if (count > 0)
    g_debug ("Dropping the %u oldest history entries, over %" G_GUINT64_FORMAT " bytes", count,
             max_total_size);
  drop_oldest (found, count);

  g_mutex_lock (&self->lock);
  self->total_size = total;
  g_mutex_unlock (&self->lock);
}

/* Removes @path and everything below it; never follows a link. */
static gboolean
set_errno_error (GError     **error,
                 const char  *path)
{
  int saved = errno;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path,
               g_strerror (saved));

  return FALSE;
}

static gboolean
remove_tree (const char  *path,
             GError     **error)
{
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return errno == ENOENT || set_errno_error (error, path);

  if (S_ISDIR (info.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, error);
      const char *name;

      if (dir == NULL)
        return FALSE;
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *inner = g_build_filename (path, name, NULL);

          if (!remove_tree (inner, error))
            return FALSE;
        }
    }

  if (g_remove (path) != 0 && errno != ENOENT)
    return set_errno_error (error, path);

  return TRUE;
}

/* The entry in @path, or %NULL (and a debug message) when it is none. */
static JsonNode *
read_entry (const char  *path,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_debug ("History entry %s skipped: %s", path, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  node = rc_json_parse (data, length, RC_JSON_DEFAULT, NULL, NULL, &local_error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_debug ("History entry %s skipped: %s", path,
               local_error ? local_error->message : "not a JSON object");
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The history entry “%s” could not be read: it is damaged."), path);
      return NULL;
    }

  return g_steal_pointer (&node);
}

static char *
add_entry (RcHistory        *self,
           RcHistoryEntry   *entry,
           RcHistoryLimits  *limits,
           GError          **error)
{
  g_autofree char *folder = dup_folder (self, entry->project_id, entry->api_id, entry->method_id);
  g_autofree char *name = g_strconcat (entry->id, ".json", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *text = rc_history_entry_to_text (entry, limits->max_body_size);
  gsize length = strlen (text);
  gint64 freed;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The call could not be kept in the history: “%s” could not be made (%s)."),
                   folder, g_strerror (saved));
      return NULL;
    }

  if (!g_file_set_contents_full (path, text, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      g_prefix_error (error, _("The call could not be kept in the history: "));
      return NULL;
    }

  freed = cap_folder (folder, limits->max_entries);
  cap_total (self, (gint64)length - freed, limits->max_total_size);

  return g_strdup (entry->id);
}

static GPtrArray *
list_entries (RcHistory  *self,
              Job        *job,
              GError    **error)
{
  g_autofree char *folder = dup_folder (self, job->project_id, job->api_id, job->method_id);
  g_autoptr(GArray) found = find_sorted (folder, 1);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);

  for (guint i = found->len; i > 0 && (job->limit == 0 || entries->len < job->limit); i--)
    {
      JsonNode *node = read_entry (g_array_index (found, Found, i - 1).path, NULL);

      if (node)
        g_ptr_array_add (entries, node);
    }

  return entries;
}

static JsonNode *
read_one (RcHistory  *self,
          Job        *job,
          GError    **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (!rc_history_is_entry_id (job->entry_id, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not the id of a history entry."), job->entry_id);
      return NULL;
    }

  folder = dup_folder (self, job->project_id, job->api_id, job->method_id);
  name = g_strconcat (job->entry_id, ".json", NULL);
  path = g_build_filename (folder, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The history holds no entry “%s”: it was cleared, or dropped as the oldest."),
                   job->entry_id);
      return NULL;
    }

  return read_entry (path, error);
}

static gboolean
clear (RcHistory  *self,
       Job        *job,
       GError    **error)
{
  g_autofree char *folder = dup_folder (self, job->project_id, job->api_id, job->method_id);

  g_mutex_lock (&self->lock);
  self->total_size = -1;
  g_mutex_unlock (&self->lock);

  if (!remove_tree (folder, error))
    {
      g_prefix_error (error, _("The history could not be cleared: "));
      return FALSE;
    }

  return TRUE;
}

static gpointer
run_job (RcHistory  *self,
         Job        *job,
         GError    **error)
{
  gpointer result = NULL;

  g_mutex_lock (&disk_lock);
  switch (job->op)
    {
    case OP_ADD:
      result = add_entry (self, job->entry, &job->limits, error);
      break;
    case OP_LIST:
      result = list_entries (self, job, error);
      break;
    case OP_READ:
      result = read_one (self, job, error);
      break;
    case OP_CLEAR:
    default:
      result = GINT_TO_POINTER (clear (self, job, error));
      break;
    }
  g_mutex_unlock (&disk_lock);

  return result;
}

/* Runs @job here and now, and frees it. */
static gpointer
run_sync (RcHistory  *self,
          Job        *job,
          GError    **error)
{
  gpointer result = run_job (self, job, error);

  job_free (job);

  return result;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  Op op = job->op;
  g_autoptr(GError) error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;

  result = run_job (source_object, job, &error);
  if (error)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (op == OP_CLEAR)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_pointer (task, result,
                           op == OP_ADD    ? g_free
                           : op == OP_LIST ? (GDestroyNotify)g_ptr_array_unref
                                           : (GDestroyNotify)json_node_unref);
}

static void
start_job (RcHistory           *self,
           Job                 *job,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, job_thread);
}

static gpointer
finish_job (RcHistory     *self,
            GAsyncResult  *result,
            gpointer       source_tag,
            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
rc_history_finalize (GObject *object)
{
  RcHistory *self = (RcHistory *)object;

  g_free (self->directory);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rc_history_parent_class)->finalize (object);
}

static guint changed_signal;

static void
rc_history_class_init (RcHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_history_finalize;

  /**
   * RcHistory::changed:
   * @project_id: the project whose history changed
   *
   * Emitted in the main context once rc_history_record() wrote an entry,
   * for a list to read the history again.
   */
  changed_signal =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rc_history_init (RcHistory *self)
{
  g_mutex_init (&self->lock);
  self->limits.max_entries = RC_HISTORY_DEFAULT_MAX_ENTRIES;
  self->limits.max_total_size = RC_HISTORY_DEFAULT_MAX_TOTAL_SIZE;
  self->limits.max_body_size = RC_HISTORY_DEFAULT_MAX_BODY_SIZE;
  self->total_size = -1;
}

/**
 * rc_history_new:
 * @directory: (nullable): where to keep the history; %NULL for the
 *   user's: restcall/history in g_get_user_state_dir()
 *
 * Returns: (transfer full): a history, with the default limits
 */
RcHistory *
rc_history_new (const char *directory)
{
  RcHistory *self = g_object_new (RC_TYPE_HISTORY, NULL);

  self->directory = directory ? g_strdup (directory)
                              : g_build_filename (g_get_user_state_dir (), "restcall",
                                                  "history", NULL);

  return self;
}

const char *
rc_history_get_directory (RcHistory *self)
{
  g_return_val_if_fail (RC_IS_HISTORY (self), NULL);

  return self->directory;
}

void
rc_history_get_limits (RcHistory       *self,
                       RcHistoryLimits *limits)
{
  g_return_if_fail (RC_IS_HISTORY (self));

  g_mutex_lock (&self->lock);
  *limits = self->limits;
  g_mutex_unlock (&self->lock);
}

/**
 * rc_history_set_limits:
 *
 * Sets the caps for the entries added from now on (see #RcHistoryLimits).
 */
void
rc_history_set_limits (RcHistory             *self,
                       const RcHistoryLimits *limits)
{
  g_return_if_fail (RC_IS_HISTORY (self));
  g_return_if_fail (limits->max_entries > 0 && limits->max_body_size > 0);

  g_mutex_lock (&self->lock);
  self->limits = *limits;
  g_mutex_unlock (&self->lock);
}

static Job *
new_add_job (RcHistory  *self,
             const char *project_id,
             RcApi      *api,
             RcMethod   *method,
             RcPairList *values,
             RcResolver *resolver,
             RcExchange *exchange)
{
  Job *job = job_new (OP_ADD, NULL, NULL, NULL, NULL);

  job->entry = rc_history_entry_new (project_id, api, method, values, resolver, exchange);
  rc_history_get_limits (self, &job->limits);

  return job;
}

/**
 * rc_history_add:
 * @project_id: the id of the project called
 * @api: the API called, or whose token was asked for
 * @method: (nullable): the method called; %NULL for a token request of
 *   the API's own (rc_exchange_new_for_token_request())
 * @values: (nullable): the method's URL parameters' values, as called;
 *   %NULL for its test values
 * @resolver: (nullable): the resolver the call was made with: the name of
 *   its environment is kept (the values of its secret variables are
 *   masked as the records of @exchange say, rc_resolve_mask_record())
 * @exchange: what the call came to
 *
 * Keeps the call in the history, masked, and drops the oldest entries
 * over the caps. Blocks on the disk: the window calls
 * rc_history_add_async().
 *
 * Returns: (transfer full): the entry's id, or %NULL with @error
 */
char *
rc_history_add (RcHistory   *self,
                const char  *project_id,
                RcApi       *api,
                RcMethod    *method,
                RcPairList  *values,
                RcResolver  *resolver,
                RcExchange  *exchange,
                GError     **error)
{
  g_return_val_if_fail (RC_IS_HISTORY (self), NULL);
  g_return_val_if_fail (project_id != NULL && RC_IS_API (api), NULL);
  g_return_val_if_fail (RC_IS_EXCHANGE (exchange), NULL);

  return run_sync (self, new_add_job (self, project_id, api, method, values, resolver, exchange),
                   error);
}

/**
 * rc_history_add_async:
 *
 * rc_history_add(), its disk work in a worker thread. What it needs from
 * @api, @method, @values and @resolver is taken at once.
 */
void
rc_history_add_async (RcHistory           *self,
                      const char          *project_id,
                      RcApi               *api,
                      RcMethod            *method,
                      RcPairList          *values,
                      RcResolver          *resolver,
                      RcExchange          *exchange,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (RC_IS_HISTORY (self));
  g_return_if_fail (project_id != NULL && RC_IS_API (api));
  g_return_if_fail (RC_IS_EXCHANGE (exchange));

  start_job (self, new_add_job (self, project_id, api, method, values, resolver, exchange),
             rc_history_add_async, cancellable, callback, user_data);
}

/* What rc_history_record() waits with. */
typedef struct
{
  GApplication *application;
  char         *project_id;
} Recording;

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Recording *recording = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = rc_history_add_finish (RC_HISTORY (object), result, &error);

  if (id == NULL)
    g_warning ("%s", error->message);
  else
    g_signal_emit (object, changed_signal, 0, recording->project_id);
  if (recording->application)
    {
      g_application_release (recording->application);
      g_object_unref (recording->application);
    }
  g_free (recording->project_id);
  g_free (recording);
}

/**
 * rc_history_record:
 *
 * rc_history_add_async() for who does not wait for it (the window, as a
 * call ends): the application, if there is one, holds itself until the
 * entry is written, so that a window closed at once loses no call; a
 * call that could not be kept is said in the log.
 */
void
rc_history_record (RcHistory  *self,
                   const char *project_id,
                   RcApi      *api,
                   RcMethod   *method,
                   RcPairList *values,
                   RcResolver *resolver,
                   RcExchange *exchange)
{
  GApplication *application = g_application_get_default ();
  Recording *recording = g_new0 (Recording, 1);

  recording->project_id = g_strdup (project_id);
  if (application)
    {
      recording->application = g_object_ref (application);
      g_application_hold (application);
    }
  rc_history_add_async (self, project_id, api, method, values, resolver, exchange, NULL,
                        recorded_cb, recording);
}

/**
 * rc_history_add_finish:
 *
 * Returns: (transfer full): the entry's id, or %NULL with @error
 */
char *
rc_history_add_finish (RcHistory     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  return finish_job (self, result, rc_history_add_async, error);
}

/**
 * rc_history_list:
 * @method_id: (nullable): the method's id; %NULL for the API's own
 *   token requests
 * @limit: how many entries at most; 0 for all
 *
 * Returns: (transfer full) (element-type JsonNode): the entries, JSON
 *   objects (see rc-history-entry.c), newest first; none when there are
 *   none, or no folder for them. Files that are no entries are skipped.
 */
GPtrArray *
rc_history_list (RcHistory   *self,
                 const char  *project_id,
                 const char  *api_id,
                 const char  *method_id,
                 guint        limit,
                 GError     **error)
{
  Job *job;

  g_return_val_if_fail (RC_IS_HISTORY (self), NULL);
  g_return_val_if_fail (project_id != NULL && api_id != NULL, NULL);

  job = job_new (OP_LIST, project_id, api_id, method_id, NULL);
  job->limit = limit;

  return run_sync (self, job, error);
}

void
rc_history_list_async (RcHistory           *self,
                       const char          *project_id,
                       const char          *api_id,
                       const char          *method_id,
                       guint                limit,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job;

  g_return_if_fail (RC_IS_HISTORY (self));
  g_return_if_fail (project_id != NULL && api_id != NULL);

  job = job_new (OP_LIST, project_id, api_id, method_id, NULL);
  job->limit = limit;
  start_job (self, job, rc_history_list_async, cancellable, callback, user_data);
}

/**
 * rc_history_list_finish:
 *
 * Returns: (transfer full) (element-type JsonNode): as rc_history_list()
 */
GPtrArray *
rc_history_list_finish (RcHistory     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return finish_job (self, result, rc_history_list_async, error);
}

/**
 * rc_history_read:
 * @method_id: (nullable): the method's id; %NULL for the API's own
 *   token requests
 * @entry_id: the entry's id (its "id" member)
 *
 * Returns: (transfer full): the entry, a JSON object; %NULL with
 *   %G_IO_ERROR_NOT_FOUND when there is none (any longer),
 *   %G_IO_ERROR_INVALID_DATA when it is damaged
 */
JsonNode *
rc_history_read (RcHistory   *self,
                 const char  *project_id,
                 const char  *api_id,
                 const char  *method_id,
                 const char  *entry_id,
                 GError     **error)
{
  g_return_val_if_fail (RC_IS_HISTORY (self), NULL);
  g_return_val_if_fail (project_id != NULL && api_id != NULL && entry_id != NULL, NULL);

  return run_sync (self, job_new (OP_READ, project_id, api_id, method_id, entry_id), error);
}

void
rc_history_read_async (RcHistory           *self,
                       const char          *project_id,
                       const char          *api_id,
                       const char          *method_id,
                       const char          *entry_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (RC_IS_HISTORY (self));
  g_return_if_fail (project_id != NULL && api_id != NULL && entry_id != NULL);

  start_job (self, job_new (OP_READ, project_id, api_id, method_id, entry_id),
             rc_history_read_async, cancellable, callback, user_data);
}

/**
 * rc_history_read_finish:
 *
 * Returns: (transfer full): as rc_history_read()
 */
JsonNode *
rc_history_read_finish (RcHistory     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return finish_job (self, result, rc_history_read_async, error);
}

/**
 * rc_history_clear:
 * @project_id: (nullable): the project whose entries to remove; %NULL
 *   for every entry of every project
 * @api_id: (nullable): only the entries of this API (its methods' and
 *   its own token requests')
 * @method_id: (nullable): only those of this method of the API
 *
 * Returns: %TRUE when the entries are gone (or there were none)
 */
gboolean
rc_history_clear (RcHistory   *self,
                  const char  *project_id,
                  const char  *api_id,
                  const char  *method_id,
                  GError     **error)
{
  g_return_val_if_fail (RC_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (api_id == NULL || project_id != NULL, FALSE);
  g_return_val_if_fail (method_id == NULL || api_id != NULL, FALSE);

  return GPOINTER_TO_INT (
    run_sync (self, job_new (OP_CLEAR, project_id, api_id, method_id, NULL), error));
}

void
rc_history_clear_async (RcHistory           *self,
                        const char          *project_id,
                        const char          *api_id,
                        const char          *method_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (RC_IS_HISTORY (self));
  g_return_if_fail (api_id == NULL || project_id != NULL);
  g_return_if_fail (method_id == NULL || api_id != NULL);

  start_job (self, job_new (OP_CLEAR, project_id, api_id, method_id, NULL),
             rc_history_clear_async, cancellable, callback, user_data);
}

gboolean
rc_history_clear_finish (RcHistory     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_history_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
