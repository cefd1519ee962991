/* rc-secret-store.c: secrets in the system keyring, never in a file
 *
 * One libsecret schema, io.github.restcall.Secret. Its attributes find a
 * secret: the project's id, the id of the API or method that owns the
 * authentication, and the secret's own (RcAuth:secret-id), all opaque. Two
 * more bind it to what it authenticates (rc-secret-binding.c): `origin`,
 * where it may be sent (scheme, host and port only), and `login`, the
 * client ID or user name it goes with. No name, path or full URL goes into
 * attributes; the label names the API or method for the user.
 *
 * The ids come from the project file, which anyone may have edited or
 * shared, so they do not say where the secret may go: a lookup says what
 * the secret is about to be sent to, and the secret is handed out only if
 * that is what it was saved for. Otherwise the lookup fails with
 * RC_SECRET_STORE_ERROR_MISMATCH and says what it was saved for, without
 * reading the secret at all; the window asks the user, the command line
 * refuses. An item stored by an earlier Restcall has no binding: it
 * matches nothing, until the user stores it again for the authentication
 * that uses it (rc_secret_store_rebind_async(), “Use It Here”) or types a
 * new one. Storing replaces the owner's item for that secret, whatever it
 * was bound to.
 *
 * Inside Flatpak libsecret talks to the Secret portal by itself; no D-Bus
 * call here names a service. Items are removed through rc-secret-clear.c,
 * which answers once even when another clear removed an item first.
 *
 * When no keyring can be used (no Secret Service, a locked keyring, an
 * unlock prompt dismissed), a secret being stored is kept in memory for
 * this session only, with its binding, and the caller is told so, to say
 * it to the user. It is never written anywhere in plain text.
 *
 * Stores, rebinds and clears are "writes", remembered while they are on
 * their way. A lookup or a clear waits for the writes before it for the
 * same project and secret id (a store waits too, so that writes land in
 * order), before it asks the keyring or the session copies: a secret
 * looked up right after it was typed (a Test pressed at once) is the new
 * one, and one forgotten right after it was typed stays forgotten.
 * Clearing an owner's secrets waits for that owner's writes. Each write is
 * a single flight (rc-single-flight.c) that the calls after it join, one
 * write after the other; a waiting call that is cancelled answers at once.
 * Nothing blocks.
 *
 * RcSecretStore:busy is TRUE from the moment a write is asked for until
 * its callback has run: the application holds itself meanwhile, so that
 * a secret typed and the window closed still reaches the keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "rc-secret-clear.h"
#include "rc-secret-store.h"
#include "rc-single-flight.h"

typedef struct
{
  char            *owner_id;
  char            *secret;
  RcSecretBinding *binding;
} SessionSecret;

/* A store, a rebind or a clear on its way; NULL ids match any (a clear
 * has no owner, an owner's clear no secret id). The calls after it for
 * the same ids wait for it: its flight's waiters. */
typedef struct
{
  char           *project_id;
  char           *owner_id;
  char           *secret_id;
  guint64         serial;  /* in the order writes began */
  RcSingleFlight *flight;
} Write;

struct _RcSecretStore
{
  GObject     parent_instance;

  /* "project\x1fsecret" → SessionSecret, when no keyring could be used */
  GHashTable *session;
  /* Write, on their way */
  GPtrArray  *writes;
  guint64     next_serial;
  /* Writes asked for whose callback has not run yet */
  guint       n_busy;
};

typedef struct
{
  char            *project_id;
  char            *owner_id;
  char            *secret_id;
  char            *secret;
  char            *label;
  /* A store's or a rebind's binding; what a lookup's secret goes to. */
  RcSecretBinding *binding;
  /* What the item found was saved for (a lookup, a rebind). */
  RcSecretBinding *saved;
  Write           *write;  /* this call's own, for a write */
  guint64          after;  /* it comes after the writes begun before this */
  void           (*start) (GTask *task);  /* once they have ended */
} Request;

/* What a lookup found. */
typedef struct
{
  char            *secret;
  RcSecretBinding *saved;
  gboolean         mismatch;
} Found;

static void store_cleared_cb    (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data);
static void store_cb            (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data);
static void searched_cb         (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data);
static void retrieved_cb        (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data);
static void clear_cb            (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data);

G_DEFINE_FINAL_TYPE (RcSecretStore, rc_secret_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (rc-secret-store-error-quark, rc_secret_store_error)

static const SecretSchema schema = {
  "io.github.restcall.Secret",
  SECRET_SCHEMA_NONE,
  {
    { "project", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "owner", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "secret", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "origin", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "login", SECRET_SCHEMA_ATTRIBUTE_STRING },
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
  g_clear_pointer (&session_secret->binding, rc_secret_binding_free);
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
  g_clear_pointer (&request->binding, rc_secret_binding_free);
  g_clear_pointer (&request->saved, rc_secret_binding_free);
  g_free (request);
}

static void
found_free (gpointer data)
{
  Found *found = data;

  rc_secret_free (found->secret);
  g_clear_pointer (&found->saved, rc_secret_binding_free);
  g_free (found);
}

/* The binding an item's attributes hold; %NULL for an item stored by an
 * earlier Restcall, which bound it to nothing. */
static RcSecretBinding *
binding_from_attributes (GHashTable *attributes)
{
  const char *origin = g_hash_table_lookup (attributes, "origin");

  if (origin == NULL)
    return NULL;

  return rc_secret_binding_new (origin, g_hash_table_lookup (attributes, "login"));
}

/* Answers a lookup: the secret if it goes where it was saved for (or
 * the lookup asked for any), else that it does not. Takes @secret. */
static void
return_found (GTask                 *task,
              char                  *secret,
              const RcSecretBinding *saved)
{
  Request *request = g_task_get_task_data (task);
  Found *found = g_new0 (Found, 1);

  found->saved = saved ? rc_secret_binding_copy (saved) : NULL;
  if (request->binding != NULL && !rc_secret_binding_equal (request->binding, saved))
    {
      found->mismatch = TRUE;
      rc_secret_free (secret);
    }
  else
    found->secret = secret;

  g_task_return_pointer (task, found, found_free);
}

static Request *
request_new (const char            *project_id,
             const char            *owner_id,
             const char            *secret_id,
             const char            *secret,
             const RcSecretBinding *binding)
{
  Request *request = g_new0 (Request, 1);

  request->project_id = g_strdup (project_id);
  request->owner_id = g_strdup (owner_id);
  request->secret_id = g_strdup (secret_id);
  request->secret = g_strdup (secret);
  request->binding = binding ? rc_secret_binding_copy (binding) : NULL;

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
write_free (Write *write)
{
  g_free (write->project_id);
  g_free (write->owner_id);
  g_free (write->secret_id);
  g_clear_pointer (&write->flight, rc_single_flight_free);
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
         (secret_id == NULL || write->secret_id == NULL ||
          g_str_equal (write->secret_id, secret_id));
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
  write->serial = self->next_serial++;
  write->flight = rc_single_flight_new (RC_SINGLE_FLIGHT_FOR_ITSELF);
  g_ptr_array_add (self->writes, write);

  return write;
}

/* Starts the call of @task once the writes it comes after have ended,
 * waiting for each in turn; at once if it was cancelled, to answer so. */
static void
resume_cb (GTask    *task,
           gpointer  user_data)
{
  RcSecretStore *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      for (guint i = 0; i < self->writes->len; i++)
        {
          Write *write = g_ptr_array_index (self->writes, i);

          if (write->serial < request->after &&
              write_matches (write, request->project_id, request->owner_id, request->secret_id) &&
              rc_single_flight_join (write->flight, task, resume_cb, NULL))
            return;
        }
    }

  request->start (g_object_ref (task));
}

/* @write has ended, whatever its answer: the calls that waited for it
 * go on. */
static void
write_end (RcSecretStore *self,
           Write         *write)
{
  g_ptr_array_remove_fast (self->writes, write);
  rc_single_flight_land (write->flight, resume_cb, NULL);
  write_free (write);
}

/* Starts @task (transfer full) with @start once the writes on their way
 * for the ids of its request (its task data), begun before it, have
 * ended; at once if there are none. */
static void
start_after_writes (RcSecretStore  *self,
                    GTask          *task,
                    void          (*start) (GTask *task))
{
  Request *request = g_task_get_task_data (task);

  request->start = start;
  request->after = request->write ? request->write->serial : self->next_serial;
  resume_cb (task, NULL);
  g_object_unref (task);
}

static void
write_completed_cb (GTask      *task,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  RcSecretStore *self = g_task_get_source_object (task);

  g_assert (self->n_busy > 0);

  if (--self->n_busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Starts a write (a store, a rebind, a clear): on its way from now on,
 * so that later calls for the same ids wait for it; it starts itself
 * once the writes before it have ended. Takes @request. */
static void
write_task_start (RcSecretStore        *self,
                  Request              *request,
                  gpointer              source_tag,
                  void                (*start) (GTask *task),
                  GCancellable         *cancellable,
                  GAsyncReadyCallback   callback,
                  gpointer              user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  request->write = write_begin (self, request);
  g_task_set_task_data (task, request, request_free);

  /* Busy until the caller has had the answer. */
  if (self->n_busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_signal_connect (task, "notify::completed", G_CALLBACK (write_completed_cb), NULL);

  start_after_writes (self, task, start);
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

/* Stores the request's secret under its ids and binding: the owner's
 * item for that secret first goes, whatever it was bound to, as the
 * keyring would replace it only for the very same attributes. */
static void
keyring_store (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = secret_attributes_build (&schema,
                                                              "project", request->project_id,
                                                              "owner", request->owner_id,
                                                              "secret", request->secret_id,
                                                              NULL);

  rc_secret_clear_async (&schema, attributes, g_task_get_cancellable (task), store_cleared_cb,
                         task);
}

static void
store_start (GTask *task)
{
  if (write_return_if_cancelled (task))
    return;

  keyring_store (task);
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
      return_found (task, g_strdup (session_secret->secret), session_secret->binding);
      g_object_unref (task);
      return;
    }

  /* The items only: a secret is read once it is known to fit. */
  secret_password_search (&schema, SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                          g_task_get_cancellable (task), searched_cb, task,
                          "project", request->project_id,
                          "secret", request->secret_id,
                          NULL);
}

static void
rebind_start (GTask *task)
{
  RcSecretStore *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autofree char *key = session_key (request->project_id, request->secret_id);
  SessionSecret *session_secret;

  if (write_return_if_cancelled (task))
    return;

  if ((session_secret = g_hash_table_lookup (self->session, key)))
    {
      g_clear_pointer (&session_secret->binding, rc_secret_binding_free);
      session_secret->binding = rc_secret_binding_copy (request->binding);
      write_end (self, g_steal_pointer (&request->write));
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  secret_password_search (&schema, SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                          g_task_get_cancellable (task), searched_cb, task,
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
  g_autoptr(GHashTable) attributes = NULL;

  if (write_return_if_cancelled (task))
    return;

  g_hash_table_remove (self->session, key);

  attributes = secret_attributes_build (&schema,
                                        "project", request->project_id,
                                        "secret", request->secret_id,
                                        NULL);
  rc_secret_clear_async (&schema, attributes, g_task_get_cancellable (task), clear_cb, task);
}

static void
clear_owner_start (GTask *task)
{
  RcSecretStore *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autofree char *prefix = g_strconcat (request->project_id, "\x1f", NULL);
  g_autoptr(GHashTable) attributes = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (write_return_if_cancelled (task))
    return;

  g_hash_table_iter_init (&iter, self->session);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SessionSecret *session_secret = value;

      if (g_str_has_prefix (key, prefix) &&
          g_str_equal (session_secret->owner_id, request->owner_id))
        g_hash_table_iter_remove (&iter);
    }

  attributes = secret_attributes_build (&schema,
                                        "project", request->project_id,
                                        "owner", request->owner_id,
                                        NULL);
  rc_secret_clear_async (&schema, attributes, g_task_get_cancellable (task), clear_cb, task);
}

static void
store_cleared_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  RcSecretStore *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* A keyring that cannot clear cannot store either: the store says so. */
  if (!rc_secret_clear_finish (result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      write_end (self, g_steal_pointer (&request->write));
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  secret_password_store (&schema, SECRET_COLLECTION_DEFAULT, request->label, request->secret,
                         g_task_get_cancellable (task), store_cb, task,
                         "project", request->project_id,
                         "owner", request->owner_id,
                         "secret", request->secret_id,
                         "origin", rc_secret_binding_get_origin (request->binding),
                         "login", rc_secret_binding_get_login (request->binding),
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
  session_secret->binding = rc_secret_binding_copy (request->binding);
  g_hash_table_replace (self->session, g_steal_pointer (&key), session_secret);
  write_end (self, g_steal_pointer (&request->write));

  g_task_return_error (task,
                       unavailable_error (error,
                                          _("The keyring could not be used, so the secret is kept "
                                            "for this session only and will be asked for again. "
                                            "Unlock the keyring, or start a Secret Service such as "
                                            "GNOME Keyring, to keep it")));
}

/* A lookup's or a rebind's answer from the keyring, when it failed. */
static void
return_search_error (GTask  *task,
                     GError *error)
{
  RcSecretStore *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);

  if (request->write != NULL)
    write_end (self, g_steal_pointer (&request->write));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, error);
  else
    {
      g_task_return_error (
        task, unavailable_error (error, _("The keyring could not be asked for the secret. "
                                          "Unlock the keyring, or give the secret another way")));
      g_error_free (error);
    }

  g_object_unref (task);
}

/* The items of the project and secret ids: a lookup reads the one bound
 * to what it asked for, or none; a rebind the first that is not bound so
 * already. Several items are the API's and a copy of its auth (a draft's,
 * owned by another id), which may be bound differently. */
static void
searched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  RcSecretStore *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  gboolean rebind = g_task_get_source_tag (task) == rc_secret_store_rebind_async;
  g_autoptr(GError) error = NULL;
  GList *items;
  SecretRetrievable *chosen = NULL;
  g_autoptr(RcSecretBinding) chosen_binding = NULL;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      return_search_error (task, g_steal_pointer (&error));
      return;
    }

  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (l->data);
      g_autoptr(RcSecretBinding) binding = binding_from_attributes (attributes);
      gboolean fits =
        request->binding == NULL || rc_secret_binding_equal (binding, request->binding);

      if (rebind && fits)
        {
          /* Already bound so: nothing to do. */
          g_list_free_full (items, g_object_unref);
          write_end (self, g_steal_pointer (&request->write));
          g_task_return_boolean (task, TRUE);
          g_object_unref (task);
          return;
        }

      /* A lookup takes the one that fits; else it says what the first
       * bound one was saved for (an unbound one says less). */
      if (chosen == NULL || (!rebind && fits) || (chosen_binding == NULL && binding != NULL))
        {
          chosen = l->data;
          g_clear_pointer (&chosen_binding, rc_secret_binding_free);
          chosen_binding = g_steal_pointer (&binding);
          if (!rebind && fits)
            break;
        }
    }

  if (chosen == NULL)
    {
      /* Nothing stored. */
      if (rebind)
        {
          write_end (self, g_steal_pointer (&request->write));
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                   _("The secret is no longer in the keyring. Type it again."));
        }
      else
        g_task_return_pointer (task, NULL, NULL);
      g_object_unref (task);
      return;
    }

  request->saved = g_steal_pointer (&chosen_binding);

  if (!rebind && request->binding != NULL &&
      !rc_secret_binding_equal (request->saved, request->binding))
    {
      /* Not read at all. */
      return_found (task, NULL, request->saved);
      g_list_free_full (items, g_object_unref);
      g_object_unref (task);
      return;
    }

  if (rebind)
    {
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (chosen);

      request->owner_id = g_strdup (g_hash_table_lookup (attributes, "owner"));
      request->label = secret_retrievable_get_label (chosen);
    }

  secret_retrievable_retrieve_secret (chosen, g_task_get_cancellable (task), retrieved_cb, task);
  g_list_free_full (items, g_object_unref);
}

static void
retrieved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SecretValue *value;
  const char *text;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (object), result, &error);
  if (value == NULL)
    {
      if (error == NULL)
        error =
          g_error_new_literal (SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT, _("the item is gone"));
      return_search_error (task, g_steal_pointer (&error));
      return;
    }

  text = secret_value_get_text (value);

  if (g_task_get_source_tag (task) == rc_secret_store_rebind_async)
    {
      /* Stored again, bound to what the user chose. */
      request->secret = g_strdup (text ? text : "");
      secret_value_unref (value);
      if (request->owner_id == NULL)
        request->owner_id = g_strdup ("");
      keyring_store (task);
      return;
    }

  /* Our own copy, so that every secret is freed the same way. */
  return_found (task, g_strdup (text ? text : ""), request->saved);
  secret_value_unref (value);
  g_object_unref (task);
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

  rc_secret_clear_finish (result, &error);
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

static void
rc_secret_store_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RcSecretStore *self = RC_SECRET_STORE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, rc_secret_store_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_secret_store_finalize (GObject *object)
{
  RcSecretStore *self = (RcSecretStore *)object;

  /* Every write's task holds the store: none is on its way now. */
  g_assert (self->writes->len == 0);
  g_assert (self->n_busy == 0);

  g_clear_pointer (&self->session, g_hash_table_unref);
  g_clear_pointer (&self->writes, g_ptr_array_unref);

  G_OBJECT_CLASS (rc_secret_store_parent_class)->finalize (object);
}

static void
rc_secret_store_class_init (RcSecretStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_secret_store_finalize;
  object_class->get_property = rc_secret_store_get_property;

  /**
   * RcSecretStore:busy:
   *
   * Whether a store, a rebind or a clear is on its way: TRUE from the
   * call until its callback has run. Lookups do not count.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
 * rc_secret_store_store_async:
 * @owner_id: the id of the API or method whose authentication this is
 * @secret_id: the authentication's secret reference
 * @binding: what the secret authenticates, and so where it may be sent:
 *   rc_secret_binding_new_for_api() or rc_secret_binding_new_for_method()
 *   of the auth as it is now
 * @label: what the keyring shows the user; no URL
 *
 * Stores @secret, replacing the one the owner stored before under the same
 * ids, whatever it was bound to. Lookups and clears of the same secret
 * made before it ends wait for it.
 */
void
rc_secret_store_store_async (RcSecretStore         *self,
                             const char            *project_id,
                             const char            *owner_id,
                             const char            *secret_id,
                             const RcSecretBinding *binding,
                             const char            *label,
                             const char            *secret,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  Request *request;

  g_return_if_fail (RC_IS_SECRET_STORE (self));
  g_return_if_fail (project_id && *project_id && owner_id && *owner_id && secret_id && *secret_id);
  g_return_if_fail (binding != NULL);
  g_return_if_fail (secret != NULL);

  request = request_new (project_id, owner_id, secret_id, secret, binding);
  request->label = g_strdup (label);
  write_task_start (self, request, rc_secret_store_store_async, store_start,
                    cancellable, callback, user_data);
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
 * @binding: (nullable): what the secret is about to be sent to; %NULL to
 *   find it whatever it was saved for, only to say whether one is stored
 *
 * Looks the secret up, once the stores and clears of it made before have
 * ended: a secret stored just now is found. It is handed out only when it
 * was saved for @binding.
 */
void
rc_secret_store_lookup_async (RcSecretStore         *self,
                              const char            *project_id,
                              const char            *secret_id,
                              const RcSecretBinding *binding,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
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

  g_task_set_task_data (task, request_new (project_id, NULL, secret_id, NULL, binding),
                        request_free);
  start_after_writes (self, g_steal_pointer (&task), lookup_start);
}

/**
 * rc_secret_store_lookup_finish:
 * @saved_for: (out) (optional) (nullable) (transfer full): what the secret
 *   found was saved for; %NULL when none was found, or when it was stored
 *   by an earlier Restcall, which bound it to nothing
 *
 * Returns: (transfer full) (nullable): the secret, to free with
 *   rc_secret_free(); %NULL without an error when none is stored; %NULL
 *   with %RC_SECRET_STORE_ERROR_MISMATCH when one is, saved for something
 *   else than the lookup's binding (@saved_for says what)
 */
char *
rc_secret_store_lookup_finish (RcSecretStore    *self,
                               GAsyncResult     *result,
                               RcSecretBinding **saved_for,
                               GError          **error)
{
  Request *request;
  Found *found;
  char *secret;

  g_return_val_if_fail (RC_IS_SECRET_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (saved_for != NULL)
    *saved_for = NULL;

  if ((found = g_task_propagate_pointer (G_TASK (result), error)) == NULL)
    return NULL;

  request = g_task_get_task_data (G_TASK (result));
  if (saved_for != NULL && found->saved != NULL)
    *saved_for = rc_secret_binding_copy (found->saved);

  if (found->mismatch)
    {
      if (found->saved == NULL)
        g_set_error_literal (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH,
                             _("The stored secret was saved by an earlier version of Restcall, "
                               "which did not record where it may be sent, so it was not used. "
                               "Store it again for this authentication."));
      else
        g_set_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH,
                     _("The stored secret was saved for %s as “%s”, not for %s as “%s”, so it "
                       "was not used. Store a secret for this authentication."),
                     rc_secret_binding_get_origin (found->saved),
                     rc_secret_binding_get_login (found->saved),
                     rc_secret_binding_get_origin (request->binding),
                     rc_secret_binding_get_login (request->binding));
      found_free (found);
      return NULL;
    }

  secret = g_steal_pointer (&found->secret);
  found_free (found);

  return secret;
}

/**
 * rc_secret_store_rebind_async:
 * @binding: what the secret may be sent to from now on
 *
 * Stores the secret again, bound to @binding: what “Use It Here” does, once
 * the user has been told what it was saved for and where it would go. The
 * secret never leaves the store. Lookups and clears made before it ends
 * wait for it.
 */
void
rc_secret_store_rebind_async (RcSecretStore         *self,
                              const char            *project_id,
                              const char            *secret_id,
                              const RcSecretBinding *binding,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  Request *request;

  g_return_if_fail (RC_IS_SECRET_STORE (self));
  g_return_if_fail (project_id && *project_id && secret_id && *secret_id);
  g_return_if_fail (binding != NULL);

  request = request_new (project_id, NULL, secret_id, NULL, binding);
  write_task_start (self, request, rc_secret_store_rebind_async, rebind_start,
                    cancellable, callback, user_data);
}

/**
 * rc_secret_store_rebind_finish:
 *
 * Returns: %TRUE when the secret is bound to the new binding; %FALSE with
 *   %RC_SECRET_STORE_ERROR_UNAVAILABLE when it is, for this session only
 */
gboolean
rc_secret_store_rebind_finish (RcSecretStore  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (RC_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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
  Request *request;

  g_return_if_fail (RC_IS_SECRET_STORE (self));
  g_return_if_fail (project_id && *project_id && secret_id && *secret_id);

  request = request_new (project_id, NULL, secret_id, NULL, NULL);
  write_task_start (self, request, rc_secret_store_clear_async, clear_start,
                    cancellable, callback, user_data);
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
  Request *request;

  g_return_if_fail (RC_IS_SECRET_STORE (self));
  g_return_if_fail (project_id && *project_id && owner_id && *owner_id);

  request = request_new (project_id, owner_id, NULL, NULL, NULL);
  write_task_start (self, request, rc_secret_store_clear_owner_async, clear_owner_start,
                    cancellable, callback, user_data);
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

/**
 * rc_secret_store_get_busy:
 *
 * Returns: whether a store, a rebind or a clear is on its way; see
 *   RcSecretStore:busy
 */
gboolean
rc_secret_store_get_busy (RcSecretStore *self)
{
  g_return_val_if_fail (RC_IS_SECRET_STORE (self), FALSE);

  return self->n_busy > 0;
}
