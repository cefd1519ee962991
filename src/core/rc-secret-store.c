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

struct _RcSecretStore
{
  GObject     parent_instance;

  /* "project\x1fsecret" → SessionSecret, when no keyring could be used */
  GHashTable *session;
};

typedef struct
{
  char *project_id;
  char *owner_id;
  char *secret_id;
  char *secret;
} Request;

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
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  session_secret = g_new0 (SessionSecret, 1);
  session_secret->owner_id = g_strdup (request->owner_id);
  session_secret->secret = g_steal_pointer (&request->secret);
  g_hash_table_replace (self->session, g_steal_pointer (&key), session_secret);

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
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);

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

static void
rc_secret_store_finalize (GObject *object)
{
  RcSecretStore *self = (RcSecretStore *)object;

  g_clear_pointer (&self->session, g_hash_table_unref);

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

  g_return_if_fail (RC_IS_SECRET_STORE (self));
  g_return_if_fail (project_id && *project_id && owner_id && *owner_id && secret_id && *secret_id);
  g_return_if_fail (secret != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_secret_store_store_async);
  g_task_set_task_data (task, request_new (project_id, owner_id, secret_id, secret), request_free);

  secret_password_store (&schema, SECRET_COLLECTION_DEFAULT, label, secret, cancellable,
                         store_cb, g_steal_pointer (&task),
                         "project", project_id,
                         "owner", owner_id,
                         "secret", secret_id,
                         NULL);
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

void
rc_secret_store_lookup_async (RcSecretStore       *self,
                              const char          *project_id,
                              const char          *secret_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  SessionSecret *session_secret;

  g_return_if_fail (RC_IS_SECRET_STORE (self));
  g_return_if_fail (project_id != NULL && secret_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_secret_store_lookup_async);

  if (secret_id[0] == '\0')
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  key = session_key (project_id, secret_id);
  if ((session_secret = g_hash_table_lookup (self->session, key)))
    {
      g_task_return_pointer (task, g_strdup (session_secret->secret), (GDestroyNotify)rc_secret_free);
      return;
    }

  secret_password_lookup (&schema, cancellable, lookup_cb, g_steal_pointer (&task),
                          "project", project_id,
                          "secret", secret_id,
                          NULL);
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
 * Removes the secret, from memory and from the keyring.
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
  g_autofree char *key = NULL;

  g_return_if_fail (RC_IS_SECRET_STORE (self));
  g_return_if_fail (project_id && *project_id && secret_id && *secret_id);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_secret_store_clear_async);

  key = session_key (project_id, secret_id);
  g_hash_table_remove (self->session, key);

  secret_password_clear (&schema, cancellable, clear_cb, g_steal_pointer (&task),
                         "project", project_id,
                         "secret", secret_id,
                         NULL);
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
 * API or a method leaves nothing behind in the keyring.
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
  GHashTableIter iter;
  g_autofree char *prefix = NULL;
  gpointer key, value;

  g_return_if_fail (RC_IS_SECRET_STORE (self));
  g_return_if_fail (project_id && *project_id && owner_id && *owner_id);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_secret_store_clear_owner_async);

  prefix = g_strconcat (project_id, "\x1f", NULL);
  g_hash_table_iter_init (&iter, self->session);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SessionSecret *session_secret = value;

      if (g_str_has_prefix (key, prefix) && g_str_equal (session_secret->owner_id, owner_id))
        g_hash_table_iter_remove (&iter);
    }

  secret_password_clear (&schema, cancellable, clear_cb, g_steal_pointer (&task),
                         "project", project_id,
                         "owner", owner_id,
                         NULL);
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
