/* rc-secret-store.c: secrets in the system keyring, never in a file
 *
 * One libsecret schema, io.github.restcall.Secret, whose attributes hold
 * only opaque ids: the project's, the API's or method's that owns the
 * authentication, and the secret's own (RcAuth:secret-id). Names, URLs and
 * paths never go into attributes. Inside Flatpak libsecret talks to the
 * Secret portal by itself; no D-Bus call here names a service.
 *
 * When no keyring can be used (no Secret Service, a locked keyring, an
 * unlock prompt dismissed), a secret being stored is kept in memory for
 * this session only, and the caller is told so, to say it to the user. It
 * is never written anywhere in plain text.
 *
 * Stores and clears are "writes", remembered while they are on their way.
 * A lookup or a clear waits for the writes before it for the same project
 * and secret id (a store waits too, so that writes land in order), before
 * it asks the keyring or the session copies: a secret looked up right
 * after it was typed (a Test pressed at once) is the new one, and one
 * forgotten right after it was typed stays forgotten. Clearing an owner's
 * secrets waits for that owner's writes. A waiting call that is cancelled
 * answers at once. Nothing blocks: waiting is a list of GTasks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "rc-secret-store.h"

typedef struct
{
  char *owner_id;
  char *secret;
} SessionSecret;

/* A call waiting for writes to end before it starts. */
typedef struct
{
  GTask        *task;
  void        (*start) (GTask *task);
  guint         n_writes;
  GCancellable *cancellable;
  GMainContext *context;
  gulong        cancelled_id;
  gboolean      done;
} Waiter;

/* A store or a clear on its way; NULL ids match any (a clear has no
 * owner, an owner's clear no secret id). */
typedef struct
{
  char      *project_id;
  char      *owner_id;
  char      *secret_id;
  GPtrArray *waiters;
} Write;

struct _RcSecretStore
{
  GObject     parent_instance;

  /* "project\x1fsecret" → SessionSecret, when no keyring could be used */
  GHashTable *session;
  /* Write, in the order they started */
  GPtrArray  *writes;
};

typedef struct
{
  char  *project_id;
  char  *owner_id;
  char  *secret_id;
  char  *secret;
  char  *label;
  Write *write;  /* this call's own, for a store or a clear */
} Request;

static void store_cb            (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data);
static void lookup_cb           (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data);
static void clear_cb            (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data);
static void waiter_cancelled_cb (GCancellable *cancellable,
                                 gpointer      user_data);

G_DEFINE_FINAL_TYPE (RcSecretStore, rc_secret_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (rc-secret-store-error-quark, rc_secret_store_error)

static const SecretSchema schema = {
  "io.github.restcall.Secret",
  SECRET_SCHEMA_NONE,
  {
    { "project", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "owner", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "secret", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

/**
 * rc_secret_free:
 *
 * Wipes a secret and frees it.
 */
void
rc_secret_free (char *secret)
{
  if (secret == NULL)
    return;

  memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
session_secret_free (gpointer data)
{
  SessionSecret *session_secret = data;

  g_free (session_secret->owner_id);
  rc_secret_free (session_secret->secret);
  g_free (session_secret);
}

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->project_id);
  g_free (request->owner_id);
  g_free (request->secret_id);
  g_free (request->label);
  rc_secret_free (request->secret);
  g_free (request);
}

static Request *
request_new (const char *project_id,
             const char *owner_id,
             const char *secret_id,
             const char *secret)
{
  Request *request = g_new0 (Request, 1);

  request->project_id = g_strdup (project_id);
  request->owner_id = g_strdup (owner_id);
  request->secret_id = g_strdup (secret_id);
  request->secret = g_strdup (secret);

  return request;
}

static char *
session_key (const char *project_id,
             const char *secret_id)
{
  return g_strconcat (project_id, "\x1f", secret_id, NULL);
}

static GError *
unavailable_error (const GError *error,
                   const char   *what)
{
  return g_error_new (RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE,
                      "%s (%s).", what, error ? error->message : _("the keyring is locked"));
}

static void
waiter_clear (gpointer data)
{
  Waiter *waiter = data;

  g_clear_object (&waiter->task);
  g_clear_object (&waiter->cancellable);
  g_clear_pointer (&waiter->context, g_main_context_unref);
}

static Waiter *
waiter_ref (Waiter *waiter)
{
  return g_rc_box_acquire (waiter);
}

static void
waiter_unref (gpointer data)
{
  g_rc_box_release_full (data, waiter_clear);
}

/* The writes it waited for have ended, or it was cancelled: the call
 * starts (and then answers at once if it was cancelled). Once. */
static void
waiter_start (Waiter *waiter)
{
  GTask *task;

  if (waiter->done)
    return;

  waiter->done = TRUE;
  if (waiter->cancelled_id != 0)
    g_cancellable_disconnect (waiter->cancellable, waiter->cancelled_id);
  waiter->cancelled_id = 0;

  task = g_steal_pointer (&waiter->task);
  waiter->start (task);
}

static void
write_free (Write *write)
{
  g_free (write->project_id);
  g_free (write->owner_id);
  g_free (write->secret_id);
  g_clear_pointer (&write->waiters, g_ptr_array_unref);
  g_free (write);
}

/* Whether a call for these ids (NULL: any) must wait for @write. */
static gboolean
write_matches (Write      *write,
               const char *project_id,
               const char *owner_id,
               const char *secret_id)
{
  return g_str_equal (write->project_id, project_id) &&
         (owner_id == NULL || write->owner_id == NULL || g_str_equal (write->owner_id, owner_id)) &&
         (secret_id == NULL || write->secret_id == NULL || g_str_equal (write->secret_id, secret_id));
}

/* @request, a store or a clear, is on its way from now on: later calls
 * for the same ids wait for it. */
static Write *
write_begin (RcSecretStore *self,
             Request       *request)
{
  Write *write = g_new0 (Write, 1);

  write->project_id = g_strdup (request->project_id);
  write->owner_id = g_strdup (request->owner_id);
  write->secret_id = g_strdup (request->secret_id);
  write->waiters = g_ptr_array_new_with_free_func (waiter_unref);
  g_ptr_array_add (self->writes, write);

  return write;
}

/* @write has ended, whatever its answer: the calls that waited for it
 * and for nothing else start. */
static void
write_end (RcSecretStore *self,
           Write         *write)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&write->waiters);

  g_ptr_array_remove_fast (self->writes, write);
  write_free (write);

  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (waiters, i);

      if (--waiter->n_writes == 0)
        waiter_start (waiter);
    }
}

/* Starts @task (transfer full) with @start once the writes on their way
 * for the ids of its request (its task data), other than the request's
 * own, have ended; at once if there are none. */
static void
start_after_writes (RcSecretStore  *self,
                    GTask          *task,
                    void          (*start) (GTask *task))
{
  Request *request = g_task_get_task_data (task);
  Waiter *waiter = NULL;
  GCancellable *cancellable;

  for (guint i = 0; i < self->writes->len; i++)
    {
      Write *write = g_ptr_array_index (self->writes, i);

      if (write == request->write
          || !write_matches (write, request->project_id, request->owner_id, request->secret_id))
        continue;

      if (waiter == NULL)
        {
          waiter = g_rc_box_new0 (Waiter);
          waiter->task = task;
          waiter->start = start;
        }
      waiter->n_writes++;
      g_ptr_array_add (write->waiters, waiter_ref (waiter));
    }

  if (waiter == NULL)
    {
      start (task);
      return;
    }

  /* A cancelled call does not wait: it answers so at once. */
  if ((cancellable = g_task_get_cancellable (waiter->task)) != NULL)
    {
      waiter->cancellable = g_object_ref (cancellable);
      waiter->context = g_main_context_ref_thread_default ();
      waiter->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (waiter_cancelled_cb),
                                                    waiter_ref (waiter), waiter_unref);
    }

  waiter_unref (waiter);
}

/* A write cancelled before it started ends without asking the keyring. */
static gboolean
write_return_if_cancelled (GTask *task)
{
  RcSecretStore *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);

  if (!g_task_return_error_if_cancelled (task))
    return FALSE;

  write_end (self, g_steal_pointer (&request->write));
  g_object_unref (task);

  return TRUE;
}

/* The calls themselves, once the writes before them have ended. Each
 * takes @task. */

static void
store_start (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  if (write_return_if_cancelled (task))
    return;

  secret_password_store (&schema, SECRET_COLLECTION_DEFAULT, request->label, request->secret,
                         g_task_get_cancellable (task), store_cb, task,
                         "project", request->project_id,
                         "owner", request->owner_id,
                         "secret", request->secret_id,
                         NULL);
}

static void
lookup_start (GTask *task)
{
  RcSecretStore *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autofree char *key = session_key (request->project_id, request->secret_id);
  SessionSecret *session_secret;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if ((session_secret = g_hash_table_lookup (self->session, key)))
    {
      g_task_return_pointer (task, g_strdup (session_secret->secret), (GDestroyNotify)rc_secret_free);
      g_object_unref (task);
      return;
    }

  secret_password_lookup (&schema, g_task_get_cancellable (task), lookup_cb, task,
                          "project", request->project_id,
                          "secret", request->secret_id,
                          NULL);
}

static void
clear_start (GTask *task)
{
  RcSecretStore *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autofree char *key = session_key (request->project_id, request->secret_id);

  if (write_return_if_cancelled (task))
    return;

  g_hash_table_remove (self->session, key);

  secret_password_clear (&schema, g_task_get_cancellable (task), clear_cb, task,
                         "project", request->project_id,
                         "secret", request->secret_id,
                         NULL);
}

static void
clear_owner_start (GTask *task)
{
  RcSecretStore *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autofree char *prefix = g_strconcat (request->project_id, "\x1f", NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (write_return_if_cancelled (task))
    return;

  g_hash_table_iter_init (&iter, self->session);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SessionSecret *session_secret = value;

      if (g_str_has_prefix (key, prefix) && g_str_equal (session_secret->owner_id, request->owner_id))
        g_hash_table_iter_remove (&iter);
    }

  secret_password_clear (&schema, g_task_get_cancellable (task), clear_cb, task,
                         "project", request->project_id,
                         "owner", request->owner_id,
                         NULL);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RcSecretStore *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = session_key (request->project_id, request->secret_id);
  SessionSecret *session_secret;

  if (secret_password_store_finish (result, &error))
    {
      /* In the keyring now: no copy stays in memory. */
      g_hash_table_remove (self->session, key);
      write_end (self, g_steal_pointer (&request->write));
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      write_end (self, g_steal_pointer (&request->write));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Kept before the calls that waited for this store start. */
  session_secret = g_new0 (SessionSecret, 1);
  session_secret->owner_id = g_strdup (request->owner_id);
  session_secret->secret = g_steal_pointer (&request->secret);
  g_hash_table_replace (self->session, g_steal_pointer (&key), session_secret);
  write_end (self, g_steal_pointer (&request->write));

  g_task_return_error (task,
                       unavailable_error (error,
                                          _("The keyring could not be used, so the secret is kept "
                                            "for this session only and will be asked for again. "
                                            "Unlock the keyring, or start a Secret Service such as "
                                            "GNOME Keyring, to keep it")));
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);

  if (error && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (error)
    g_task_return_error (task,
                         unavailable_error (error,
                                            _("The keyring could not be asked for the secret. "
                                              "Unlock the keyring, or give the secret another way")));
  else
    {
      /* Our own copy, so that every secret is freed the same way. */
      g_task_return_pointer (task, g_strdup (secret), (GDestroyNotify)rc_secret_free);
      secret_password_free (secret);
    }
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RcSecretStore *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
  write_end (self, g_steal_pointer (&request->write));

  if (error && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (error)
    g_task_return_error (task,
                         unavailable_error (error,
                                            _("The keyring could not be reached to remove the "
                                              "secret. Unlock the keyring and try again")));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
waiter_cancelled_idle_cb (gpointer user_data)
{
  waiter_start (user_data);

  return G_SOURCE_REMOVE;
}

/* Not from within the emission, where disconnecting would dead-lock. */
static void
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Waiter *waiter = user_data;
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_callback (source, waiter_cancelled_idle_cb, waiter_ref (waiter), waiter_unref);
  g_source_set_static_name (source, "[restcall] secret store cancelled");
  g_source_attach (source, waiter->context);
}

static void
rc_secret_store_finalize (GObject *object)
{
  RcSecretStore *self = (RcSecretStore *)object;

  /* Every write's task holds the store: none is on its way now. */
  g_assert (self->writes->len == 0);

  g_clear_pointer (&self->session, g_hash_table_unref);
  g_clear_pointer (&self->writes, g_ptr_array_unref);

  G_OBJECT_CLASS (rc_secret_store_parent_class)->finalize (object);
}

static void
rc_secret_store_class_init (RcSecretStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_secret_store_finalize;
}

static void
rc_secret_store_init (RcSecretStore *self)
{
  self->session = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, session_secret_free);
  self->writes = g_ptr_array_new ();
}

RcSecretStore *
rc_secret_store_new (void)
{
  return g_object_new (RC_TYPE_SECRET_STORE, NULL);
}

/**
 * rc_secret_store_get_default:
 *
 * Returns: (transfer none): the store of this process, which keeps the
 *   session-only secrets
 */
RcSecretStore *
rc_secret_store_get_default (void)
{
  static RcSecretStore *store;

  if (g_once_init_enter (&store))
    g_once_init_leave (&store, rc_secret_store_new ());

  return store;
}

/**
 * rc_secret_store_store_async:
 * @owner_id: the id of the API or method whose authentication this is
 * @secret_id: the authentication's secret reference
 * @label: what the keyring shows the user; no URL
 *
 * Stores @secret, replacing the one stored before under the same ids.
 * Lookups and clears of the same secret made before it ends wait for it.
 */
void
rc_secret_store_store_async (RcSecretStore       *self,
                             const char          *project_id,
                             const char          *owner_id,
                             const char          *secret_id,
                             const char          *label,
                             const char          *secret,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (RC_IS_SECRET_STORE (self));
  g_return_if_fail (project_id && *project_id && owner_id && *owner_id && secret_id && *secret_id);
  g_return_if_fail (secret != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_secret_store_store_async);
  request = request_new (project_id, owner_id, secret_id, secret);
  request->label = g_strdup (label);
  request->write = write_begin (self, request);
  g_task_set_task_data (task, request, request_free);

  start_after_writes (self, g_steal_pointer (&task), store_start);
}

/**
 * rc_secret_store_store_finish:
 *
 * Returns: %TRUE when the secret is in the keyring; %FALSE with
 *   %RC_SECRET_STORE_ERROR_UNAVAILABLE when it is kept for this session
 *   only (the message says why, for the user), or another error
 */
gboolean
rc_secret_store_store_finish (RcSecretStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (RC_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rc_secret_store_lookup_async:
 *
 * Looks the secret up, once the stores and clears of it made before have
 * ended: a secret stored just now is found.
 */
void
rc_secret_store_lookup_async (RcSecretStore       *self,
                              const char          *project_id,
                              const char          *secret_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RC_IS_SECRET_STORE (self));
  g_return_if_fail (project_id != NULL && secret_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_secret_store_lookup_async);

  if (secret_id[0] == '\0')
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  g_task_set_task_data (task, request_new (project_id, NULL, secret_id, NULL), request_free);
  start_after_writes (self, g_steal_pointer (&task), lookup_start);
}

/**
 * rc_secret_store_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the secret, to free with
 *   rc_secret_free(); %NULL without an error when none is stored
 */
char *
rc_secret_store_lookup_finish (RcSecretStore  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (RC_IS_SECRET_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rc_secret_store_clear_async:
 *
 * Removes the secret, from memory and from the keyring, once the stores
 * of it made before have ended: a secret stored just now goes too.
 */
void
rc_secret_store_clear_async (RcSecretStore       *self,
                             const char          *project_id,
                             const char          *secret_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (RC_IS_SECRET_STORE (self));
  g_return_if_fail (project_id && *project_id && secret_id && *secret_id);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_secret_store_clear_async);
  request = request_new (project_id, NULL, secret_id, NULL);
  request->write = write_begin (self, request);
  g_task_set_task_data (task, request, request_free);

  start_after_writes (self, g_steal_pointer (&task), clear_start);
}

/**
 * rc_secret_store_clear_finish:
 *
 * Returns: %TRUE when no copy of the secret is left, whether or not one
 *   was stored
 */
gboolean
rc_secret_store_clear_finish (RcSecretStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (RC_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rc_secret_store_clear_owner_async:
 * @owner_id: the id of an API or a method being deleted
 *
 * Removes every secret of @owner_id in the project, so that deleting an
 * API or a method leaves nothing behind in the keyring, even a secret
 * whose store is still on its way: the clear waits for it.
 */
void
rc_secret_store_clear_owner_async (RcSecretStore       *self,
                                   const char          *project_id,
                                   const char          *owner_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (RC_IS_SECRET_STORE (self));
  g_return_if_fail (project_id && *project_id && owner_id && *owner_id);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_secret_store_clear_owner_async);
  request = request_new (project_id, owner_id, NULL, NULL);
  request->write = write_begin (self, request);
  g_task_set_task_data (task, request, request_free);

  start_after_writes (self, g_steal_pointer (&task), clear_owner_start);
}

gboolean
rc_secret_store_clear_owner_finish (RcSecretStore  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (RC_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rc_secret_store_is_session_only:
 *
 * Returns: %TRUE when the secret is kept in memory only, because the
 *   keyring could not be used when it was stored
 */
gboolean
rc_secret_store_is_session_only (RcSecretStore *self,
                                 const char    *project_id,
                                 const char    *secret_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (RC_IS_SECRET_STORE (self), FALSE);

  key = session_key (project_id, secret_id);

  return g_hash_table_contains (self->session, key);
}
