/* rc-secret-clear.c: removing items from the keyring, one by one
 *
 * What secret_password_clear() does, the unlocked items matching some
 * attributes deleted, but sound when a delete fails. libsecret 0.20's own
 * clear (secret_service_clear()) answers twice then: first the failure,
 * then TRUE, which GLib refuses with "g_task_return_boolean: assertion
 * '!task->ever_returned' failed". A delete fails whenever another clear
 * (another store, another Restcall, the command line, Seahorse) removed
 * the item between the search and the delete, and when it is cancelled.
 *
 * Here, as there, the paths of the items are searched for and each
 * unlocked one is deleted, but the answer comes once, after the last: an
 * item gone meanwhile counts as removed, any other failure is the answer.
 * Where libsecret uses its file backend instead of a Secret Service (in
 * Flatpak, behind the Secret portal), its own clear does it, without
 * D-Bus and without the bug.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

/* secret-paths.h: unchanged since libsecret 0.8. */
#define SECRET_API_SUBJECT_TO_CHANGE

#include "config.h"

#include "rc-secret-clear.h"

typedef struct
{
  const SecretSchema *schema;
  GHashTable         *attributes;
  guint               n_deleting;
  gboolean            deleted;
  GError             *error;  /* the first delete that failed */
} Clear;

static void
clear_free (gpointer data)
{
  Clear *clear = data;

  g_hash_table_unref (clear->attributes);
  g_clear_error (&clear->error);
  g_free (clear);
}

/* Whether libsecret talks to a Secret Service, as secret_backend_get()
 * (not public in libsecret 0.20) decides: unless SECRET_BACKEND says
 * otherwise, its file backend inside Flatpak, the service elsewhere. */
static gboolean
uses_secret_service (void)
{
  const char *backend = g_getenv ("SECRET_BACKEND");

  if (backend != NULL && backend[0] != '\0')
    return g_str_equal (backend, "service");

  return !g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/* Whether @error says the item is not there (any more). */
static gboolean
is_gone (const GError *error)
{
  return g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE);
}

/* Answers once no delete is on its way any more. */
static void
return_if_done (GTask *task)
{
  Clear *clear = g_task_get_task_data (task);

  if (clear->n_deleting > 0)
    return;

  if (clear->error != NULL)
    g_task_return_error (task, g_steal_pointer (&clear->error));
  else
    g_task_return_boolean (task, clear->deleted);
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Clear *clear = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  clear->n_deleting--;

  if (secret_service_delete_item_dbus_path_finish (SECRET_SERVICE (object), result, &error))
    clear->deleted = TRUE;
  else if (is_gone (error))
    g_debug ("A keyring item was removed by someone else meanwhile: %s", error->message);
  else if (clear->error == NULL)
    clear->error = g_steal_pointer (&error);

  return_if_done (task);
}

static void
searched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SecretService *service = SECRET_SERVICE (object);
  Clear *clear = g_task_get_task_data (task);
  g_auto(GStrv) unlocked = NULL;
  GError *error = NULL;

  if (!secret_service_search_for_dbus_paths_finish (service, result, &unlocked, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Unlocked ones only, as libsecret's clear: no unlock prompt. */
  for (guint i = 0; unlocked != NULL && unlocked[i] != NULL; i++)
    {
      clear->n_deleting++;
      secret_service_delete_item_dbus_path (service, unlocked[i], g_task_get_cancellable (task),
                                            deleted_cb, g_object_ref (task));
    }

  return_if_done (task);
}

static void
backend_cleared_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean deleted;

  deleted = secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, deleted);
}

static void
service_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Clear *clear = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(SecretService) service = NULL;
  GError *error = NULL;

  if ((service = secret_service_get_finish (result, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  secret_service_search_for_dbus_paths (service, clear->schema, clear->attributes, cancellable,
                                        searched_cb, g_steal_pointer (&task));
}

/**
 * rc_secret_clear_async:
 * @schema: the schema of the items (not copied: a static one)
 * @attributes: (element-type utf8 utf8): which items to remove
 *
 * Removes the unlocked items of @schema matching @attributes, as
 * secret_password_clearv() would, and answers once.
 */
void
rc_secret_clear_async (const SecretSchema  *schema,
                       GHashTable          *attributes,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Clear *clear;

  g_return_if_fail (schema != NULL);
  g_return_if_fail (attributes != NULL && g_hash_table_size (attributes) > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_secret_clear_async);
  clear = g_new0 (Clear, 1);
  clear->schema = schema;
  clear->attributes = g_hash_table_ref (attributes);
  g_task_set_task_data (task, clear, clear_free);

  if (uses_secret_service ())
    secret_service_get (SECRET_SERVICE_NONE, cancellable, service_cb, g_steal_pointer (&task));
  else
    secret_password_clearv (schema, attributes, cancellable, backend_cleared_cb,
                            g_steal_pointer (&task));
}

/**
 * rc_secret_clear_finish:
 *
 * Returns: whether an item was removed; %FALSE with an error when one
 *   could not be, other than for being gone already
 */
gboolean
rc_secret_clear_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_secret_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
