/* test-secret-store.c: secrets in a real GNOME Keyring
 *
 * Run by keyring-session.sh, inside a private session bus with a
 * throwaway, unlocked keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _DEFAULT_SOURCE /* symlink(), link() */

#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>
#include <unistd.h>

#include "restcall-core.h"
#include "rc-test-keyring.h"
#include "rc-test-server.h"

/* A connection to the keyring with its collections, of the test's own: not
 * libsecret's shared one, which RcSecretStore uses. Collections loaded into
 * that one would stay for the rest of the program, and libsecret 0.20 leaks
 * a little for every item created in or deleted from a collection it
 * watches (LeakSanitizer reports it at exit). */
static SecretService *
open_service (void)
{
  g_autoptr(GError) error = NULL;
  SecretService *service = secret_service_open_sync (SECRET_TYPE_SERVICE, NULL,
                                                     SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);

  g_assert_no_error (error);

  return service;
}

/* What the keyring holds for a project, seen through libsecret itself. */
static GList *
search_items (const char *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SecretService) service = open_service ();
  GList *items;

  g_hash_table_insert (attributes, (gpointer)"project", (gpointer)project);
  items = secret_service_search_sync (service, NULL, attributes,
                                      SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK, NULL, &error);
  g_assert_no_error (error);

  return items;
}

/* What the tests' secrets authenticate, unless they say otherwise. */
#define BINDING (default_binding ())

static const RcSecretBinding *
default_binding (void)
{
  static RcSecretBinding *binding;

  if (binding == NULL)
    binding = rc_secret_binding_new ("https://auth.example.com", "client");

  return binding;
}

static void
test_round_trip (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autofree char *project = g_uuid_string_random ();
  g_autofree char *owner = g_uuid_string_random ();
  g_autofree char *secret_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  char *secret;

  g_assert_true (
    rc_test_keyring_store (secrets, project, owner, secret_id, BINDING, "s=cr%t +:&é/", &error));
  g_assert_no_error (error);
  g_assert_false (rc_secret_store_is_session_only (secrets, project, secret_id));

  /* A new store, as another run of the app: the keyring has it. */
  {
    g_autoptr(RcSecretStore) other = rc_secret_store_new ();

    secret = rc_test_keyring_lookup (other, project, secret_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (secret, ==, "s=cr%t +:&é/");
    rc_secret_free (secret);
  }

  /* Storing again replaces: one item, the new value. */
  rc_test_keyring_store (secrets, project, owner, secret_id, BINDING, "second", &error);
  g_assert_no_error (error);
  secret = rc_test_keyring_lookup (secrets, project, secret_id, &error);
  g_assert_cmpstr (secret, ==, "second");
  rc_secret_free (secret);
  {
    GList *items = search_items (project);

    g_assert_cmpuint (g_list_length (items), ==, 1);
    g_list_free_full (items, g_object_unref);
  }

  g_assert_true (rc_test_keyring_clear (secrets, project, secret_id, &error));
  g_assert_no_error (error);
  secret = rc_test_keyring_lookup (secrets, project, secret_id, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  /* Clearing what is not there is fine. */
  g_assert_true (rc_test_keyring_clear (secrets, project, secret_id, &error));
  g_assert_no_error (error);
}

static void
test_projects_do_not_collide (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autofree char *project_a = g_uuid_string_random ();
  g_autofree char *project_b = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  char *a, *b;

  /* Two projects, each with an API called the same, even with the same
   * secret reference (a copied file): separate secrets. */
  g_assert_true (
    rc_test_keyring_store (secrets, project_a, "api", "same-ref", BINDING, "secret-a", &error));
  g_assert_true (
    rc_test_keyring_store (secrets, project_b, "api", "same-ref", BINDING, "secret-b", &error));
  a = rc_test_keyring_lookup (secrets, project_a, "same-ref", &error);
  b = rc_test_keyring_lookup (secrets, project_b, "same-ref", &error);
  g_assert_cmpstr (a, ==, "secret-a");
  g_assert_cmpstr (b, ==, "secret-b");
  rc_secret_free (a);
  rc_secret_free (b);

  g_assert_true (rc_test_keyring_clear (secrets, project_a, "same-ref", &error));
  b = rc_test_keyring_lookup (secrets, project_b, "same-ref", &error);
  g_assert_cmpstr (b, ==, "secret-b");
  rc_secret_free (b);
  rc_test_keyring_clear (secrets, project_b, "same-ref", &error);
}

static void
test_clear_owner (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autofree char *project = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  GList *items;
  gboolean ok;
  char *kept;

  rc_test_keyring_store (secrets, project, "api-1", "ref-1", BINDING, "one", &error);
  rc_test_keyring_store (secrets, project, "method-of-api-1", "ref-2", BINDING, "two", &error);
  rc_test_keyring_store (secrets, project, "api-1", "ref-3", BINDING, "three", &error);
  g_assert_no_error (error);

  /* Deleting "api-1" leaves no orphan, and nothing else goes. */
  ok = rc_test_keyring_clear_owner (secrets, project, "api-1", &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  items = search_items (project);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_list_free_full (items, g_object_unref);
  kept = rc_test_keyring_lookup (secrets, project, "ref-2", &error);
  g_assert_cmpstr (kept, ==, "two");
  rc_secret_free (kept);
  rc_test_keyring_clear (secrets, project, "ref-2", &error);
}

/* One asynchronous call of the store, and its answer. */
typedef struct
{
  gboolean  done;
  gboolean  ok;
  char     *secret;
  GError   *error;
} Answer;

static void
answer_clear (Answer *answer)
{
  rc_secret_free (answer->secret);
  g_clear_error (&answer->error);
}

static void
stored_cb (GObject *object, GAsyncResult *res, gpointer data)
{
  Answer *answer = data;

  answer->ok = rc_secret_store_store_finish (RC_SECRET_STORE (object), res, &answer->error);
  answer->done = TRUE;
}

static void
looked_up_cb (GObject *object, GAsyncResult *res, gpointer data)
{
  Answer *answer = data;

  /* A lookup that answers before the store it waits for is a bug. */
  answer->secret =
    rc_secret_store_lookup_finish (RC_SECRET_STORE (object), res, NULL, &answer->error);
  answer->ok = answer->error == NULL;
  answer->done = TRUE;
}

static void
cleared_cb (GObject *object, GAsyncResult *res, gpointer data)
{
  Answer *answer = data;

  answer->ok = rc_secret_store_clear_finish (RC_SECRET_STORE (object), res, &answer->error);
  answer->done = TRUE;
}

static void
finished_cb (GObject *object, GAsyncResult *res, gpointer data)
{
  *(GAsyncResult **)data = g_object_ref (res);
}

static void
owner_cleared_cb (GObject *object, GAsyncResult *res, gpointer data)
{
  Answer *answer = data;

  answer->ok = rc_secret_store_clear_owner_finish (RC_SECRET_STORE (object), res, &answer->error);
  answer->done = TRUE;
}

/* A Test pressed right after a secret is typed: the lookup starts while
 * the store is on its way, and must see the new secret, not the old one
 * nor none. Several times, for the race to have its chances. */
static void
test_lookup_waits_for_store (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autofree char *project = g_uuid_string_random ();
  g_autofree char *secret_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *value = g_strdup_printf ("value-%u", i);
      Answer stored = { 0 }, looked_up = { 0 };

      rc_secret_store_store_async (secrets, project, "owner", secret_id, BINDING, "Restcall: test",
                                   value, NULL, stored_cb, &stored);
      rc_secret_store_lookup_async (secrets, project, secret_id, NULL, NULL, looked_up_cb,
                                    &looked_up);
      rc_test_wait_for (&looked_up.done, 10);
      g_assert_true (looked_up.done);
      rc_test_wait_for (&stored.done, 10);
      g_assert_true (stored.done);

      g_assert_no_error (stored.error);
      g_assert_true (stored.ok);
      g_assert_no_error (looked_up.error);
      g_assert_cmpstr (looked_up.secret, ==, value);
      answer_clear (&stored);
      answer_clear (&looked_up);
    }

  g_assert_true (rc_test_keyring_clear (secrets, project, secret_id, &error));
  g_assert_no_error (error);
}

/* Forgetting a secret whose store is still on its way leaves nothing:
 * neither in the keyring nor in memory. */
static void
test_clear_waits_for_store (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autofree char *project = g_uuid_string_random ();
  g_autofree char *secret_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  Answer stored = { 0 }, cleared = { 0 }, owner_stored = { 0 }, owner_cleared = { 0 };
  GList *items;
  char *secret;

  rc_secret_store_store_async (secrets, project, "owner", secret_id, BINDING, "Restcall: test",
                               "short-lived", NULL, stored_cb, &stored);
  rc_secret_store_clear_async (secrets, project, secret_id, NULL, cleared_cb, &cleared);
  rc_test_wait_for (&cleared.done, 10);
  g_assert_true (cleared.done);
  /* The clear ended after the store, not before. */
  g_assert_true (stored.done);
  g_assert_no_error (stored.error);
  g_assert_no_error (cleared.error);
  g_assert_true (cleared.ok);

  items = search_items (project);
  g_assert_cmpuint (g_list_length (items), ==, 0);
  secret = rc_test_keyring_lookup (secrets, project, secret_id, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  /* Deleting an API or a method right after its secret was typed, too. */
  rc_secret_store_store_async (secrets, project, "deleted-owner", secret_id, BINDING,
                               "Restcall: test", "also-short-lived", NULL, stored_cb,
                               &owner_stored);
  rc_secret_store_clear_owner_async (secrets, project, "deleted-owner", NULL, owner_cleared_cb,
                                     &owner_cleared);
  rc_test_wait_for (&owner_cleared.done, 10);
  g_assert_true (owner_cleared.done);
  g_assert_true (owner_stored.done);
  g_assert_no_error (owner_cleared.error);
  items = search_items (project);
  g_assert_cmpuint (g_list_length (items), ==, 0);
  g_assert_false (rc_secret_store_is_session_only (secrets, project, secret_id));
}

/* A call cancelled while it waits for a store answers so, and leaves the
 * rest in order: a cancelled store neither lands nor holds others up. */
static void
test_cancelled_while_waiting (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *project = g_uuid_string_random ();
  g_autofree char *secret_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  Answer stored = { 0 }, cancelled_lookup = { 0 }, cancelled_store = { 0 }, looked_up = { 0 };

  g_cancellable_cancel (cancellable);
  rc_secret_store_store_async (secrets, project, "owner", secret_id, BINDING, "Restcall: test",
                               "kept", NULL, stored_cb, &stored);
  rc_secret_store_lookup_async (secrets, project, secret_id, NULL, cancellable, looked_up_cb,
                                &cancelled_lookup);
  rc_secret_store_store_async (secrets, project, "owner", secret_id, BINDING, "Restcall: test",
                               "never-stored", cancellable, stored_cb, &cancelled_store);
  rc_secret_store_lookup_async (secrets, project, secret_id, NULL, NULL, looked_up_cb, &looked_up);

  rc_test_wait_for (&looked_up.done, 10);
  g_assert_true (looked_up.done);
  g_assert_true (stored.done && cancelled_lookup.done && cancelled_store.done);
  g_assert_no_error (stored.error);
  g_assert_error (cancelled_lookup.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled_lookup.secret);
  g_assert_error (cancelled_store.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_no_error (looked_up.error);
  g_assert_cmpstr (looked_up.secret, ==, "kept");
  answer_clear (&stored);
  answer_clear (&cancelled_lookup);
  answer_clear (&cancelled_store);
  answer_clear (&looked_up);

  g_assert_true (rc_test_keyring_clear (secrets, project, secret_id, &error));
  g_assert_no_error (error);
}

/* Two clears of the same secret at once, from two stores (two runs of the
 * app, or the app and the command line), and a store whose old item
 * another store clears meanwhile: each succeeds, whichever deletes the
 * item first. libsecret 0.20's own clear answered twice when one of its
 * deletes failed: "g_task_return_boolean: assertion '!task->ever_returned'
 * failed", then the failure, as if the keyring could not be reached. */
static void
test_clears_at_once (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autoptr(RcSecretStore) other = rc_secret_store_new ();
  g_autofree char *project = g_uuid_string_random ();
  g_autofree char *secret_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      Answer cleared = { 0 }, other_cleared = { 0 }, stored = { 0 }, raced = { 0 };

      g_assert_true (
        rc_test_keyring_store (secrets, project, "owner", secret_id, BINDING, "old", &error));
      g_assert_no_error (error);
      rc_secret_store_clear_async (secrets, project, secret_id, NULL, cleared_cb, &cleared);
      rc_secret_store_clear_async (other, project, secret_id, NULL, cleared_cb, &other_cleared);
      rc_test_wait_for (&cleared.done, 10);
      rc_test_wait_for (&other_cleared.done, 10);
      g_assert_true (cleared.done && other_cleared.done);
      g_assert_no_error (cleared.error);
      g_assert_no_error (other_cleared.error);
      g_assert_true (cleared.ok && other_cleared.ok);
      g_assert_cmpuint (rc_test_keyring_count (project, NULL), ==, 0);

      g_assert_true (
        rc_test_keyring_store (secrets, project, "owner", secret_id, BINDING, "old", &error));
      rc_secret_store_store_async (secrets, project, "owner", secret_id, BINDING, "Restcall: test",
                                   "new", NULL, stored_cb, &stored);
      rc_secret_store_clear_async (other, project, secret_id, NULL, cleared_cb, &raced);
      rc_test_wait_for (&stored.done, 10);
      rc_test_wait_for (&raced.done, 10);
      g_assert_true (stored.done && raced.done);
      g_assert_no_error (stored.error);
      g_assert_true (stored.ok);
      g_assert_no_error (raced.error);

      answer_clear (&cleared);
      answer_clear (&other_cleared);
      answer_clear (&stored);
      answer_clear (&raced);
      g_assert_true (rc_test_keyring_clear (secrets, project, secret_id, &error));
      g_assert_no_error (error);
    }
}

/* RcSecretStore:busy, and what its callback saw. */
typedef struct
{
  RcSecretStore *store;
  gboolean       done;
  gboolean       busy_in_callback;
  guint          n_notified;
} BusyWatch;

static void
busy_stored_cb (GObject *object, GAsyncResult *res, gpointer data)
{
  BusyWatch *watch = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (rc_secret_store_store_finish (RC_SECRET_STORE (object), res, &error));
  g_assert_no_error (error);
  watch->busy_in_callback = rc_secret_store_get_busy (watch->store);
  watch->done = TRUE;
}

static void
busy_notify_cb (RcSecretStore *store, GParamSpec *pspec, gpointer data)
{
  BusyWatch *watch = data;

  watch->n_notified++;
}

static gboolean
not_busy_cb (gpointer data)
{
  return !rc_secret_store_get_busy (data);
}

/* Busy from the moment a write is asked for until its caller has had the
 * answer (who holds the application waits for that); lookups do not
 * count. */
static void
test_busy (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autofree char *project = g_uuid_string_random ();
  g_autofree char *secret_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  BusyWatch watch = { secrets };
  Answer looked_up = { 0 };
  gboolean busy;

  g_signal_connect (secrets, "notify::busy", G_CALLBACK (busy_notify_cb), &watch);
  g_assert_false (rc_secret_store_get_busy (secrets));

  rc_secret_store_lookup_async (secrets, project, secret_id, NULL, NULL, looked_up_cb, &looked_up);
  g_assert_false (rc_secret_store_get_busy (secrets));
  rc_test_wait_for (&looked_up.done, 10);
  g_assert_true (looked_up.done);
  answer_clear (&looked_up);
  g_assert_cmpuint (watch.n_notified, ==, 0);

  rc_secret_store_store_async (secrets, project, "owner", secret_id, BINDING, "Restcall: test",
                               "busy-secret", NULL, busy_stored_cb, &watch);
  g_object_get (secrets, "busy", &busy, NULL);
  g_assert_true (busy);
  g_assert_cmpuint (watch.n_notified, ==, 1);
  g_assert_true (rc_test_wait_until (not_busy_cb, secrets, 30));
  g_assert_true (watch.done);
  g_assert_true (watch.busy_in_callback);
  g_assert_cmpuint (watch.n_notified, ==, 2);

  g_assert_true (rc_test_keyring_clear (secrets, project, secret_id, &error));
  g_assert_no_error (error);
  g_assert_false (rc_secret_store_get_busy (secrets));
  g_assert_cmpuint (watch.n_notified, ==, 4);
  g_signal_handlers_disconnect_by_func (secrets, busy_notify_cb, &watch);
}

/* Attributes: opaque ids, and the binding: an origin (no path, no query,
 * no user name) and the login. No name, no full URL. */
static void
test_attributes (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autoptr(RcSecretBinding) binding = NULL;
  g_autofree char *project = g_uuid_string_random ();
  g_autofree char *owner = g_uuid_string_random ();
  g_autofree char *secret_id = g_uuid_string_random ();
  g_autofree char *origin =
    rc_url_dup_origin ("HTTPS://user:pw@Auth.Example.COM:443/oauth2/token?x=1#f");
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  GList *items;
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  g_assert_cmpstr (origin, ==, "https://auth.example.com");
  binding = rc_secret_binding_new (origin, "pets-client");
  rc_test_keyring_store (secrets, project, owner, secret_id, binding, "opaque", &error);
  items = search_items (project);
  g_assert_cmpuint (g_list_length (items), ==, 1);

  attributes = secret_item_get_attributes (items->data);
  g_hash_table_iter_init (&iter, attributes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_test_message ("attribute %s = %s", (char *)key, (char *)value);
      n++;
      if (g_str_equal (key, "xdg:schema"))
        g_assert_cmpstr (value, ==, "io.github.restcall.Secret");
      else if (g_str_equal (key, "origin"))
        g_assert_cmpstr (value, ==, "https://auth.example.com");
      else if (g_str_equal (key, "login"))
        g_assert_cmpstr (value, ==, "pets-client");
      else
        {
          g_assert_true (g_str_equal (key, "project") || g_str_equal (key, "owner")
                         || g_str_equal (key, "secret"));
          g_assert_true (g_uuid_string_is_valid (value));
        }
    }
  g_assert_cmpuint (n, ==, 6);
  g_list_free_full (items, g_object_unref);
  rc_test_keyring_clear (secrets, project, secret_id, &error);
}


/* Lookups through @store for @binding, with what the item was saved for. */
static char *
lookup_for (RcSecretStore          *store,
            const char             *project,
            const char             *secret_id,
            const RcSecretBinding  *binding,
            RcSecretBinding       **saved_for,
            GError                **error)
{
  GAsyncResult *result = NULL;
  char *secret;

  rc_secret_store_lookup_async (store, project, secret_id, binding, NULL, finished_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  secret = rc_secret_store_lookup_finish (store, result, saved_for, error);
  g_object_unref (result);

  return secret;
}

static gboolean
rebind (RcSecretStore         *store,
        const char            *project,
        const char            *secret_id,
        const RcSecretBinding *binding,
        GError               **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  rc_secret_store_rebind_async (store, project, secret_id, binding, NULL, finished_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = rc_secret_store_rebind_finish (store, result, error);
  g_object_unref (result);

  return ok;
}

/* A secret is handed out only for what it was saved for: the same origin
 * and the same login. Anything else is refused, unread, saying what it
 * was saved for. */
static void
test_binding (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autofree char *project = g_uuid_string_random ();
  g_autofree char *secret_id = g_uuid_string_random ();
  g_autoptr(RcSecretBinding) prod =
    rc_secret_binding_new ("https://auth.example.com", "prod-client");
  g_autoptr(RcSecretBinding) elsewhere =
    rc_secret_binding_new ("https://evil.example.net", "prod-client");
  g_autoptr(RcSecretBinding) other_port = rc_secret_binding_new ("https://auth.example.com:8443",
                                                                 "prod-client");
  g_autoptr(RcSecretBinding) other_client = rc_secret_binding_new ("https://auth.example.com",
                                                                   "other-client");
  const RcSecretBinding *refused[] = { elsewhere, other_port, other_client };
  g_autoptr(GError) error = NULL;
  RcSecretBinding *saved_for = NULL;
  char *secret;

  g_assert_true (
    rc_test_keyring_store (secrets, project, "api", secret_id, prod, "PROD-SECRET", &error));
  g_assert_no_error (error);

  secret = lookup_for (secrets, project, secret_id, prod, &saved_for, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "PROD-SECRET");
  g_assert_true (rc_secret_binding_equal (saved_for, prod));
  rc_secret_free (secret);
  g_clear_pointer (&saved_for, rc_secret_binding_free);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      /* Another store, as another run of the app: the keyring says it. */
      g_autoptr(RcSecretStore) other = rc_secret_store_new ();

      secret = lookup_for (other, project, secret_id, refused[i], &saved_for, &error);
      g_assert_null (secret);
      g_assert_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH);
      g_test_message ("%s", error->message);
      g_assert_null (strstr (error->message, "PROD-SECRET"));
      g_assert_true (rc_secret_binding_equal (saved_for, prod));
      g_clear_error (&error);
      g_clear_pointer (&saved_for, rc_secret_binding_free);
    }

  /* Whether one is stored, whatever for: a NULL binding. */
  secret = lookup_for (secrets, project, secret_id, NULL, &saved_for, &error);
  g_assert_cmpstr (secret, ==, "PROD-SECRET");
  g_assert_true (rc_secret_binding_equal (saved_for, prod));
  rc_secret_free (secret);
  g_clear_pointer (&saved_for, rc_secret_binding_free);

  /* Storing for another binding replaces it: one item, bound anew. */
  g_assert_true (
    rc_test_keyring_store (secrets, project, "api", secret_id, elsewhere, "NEW", &error));
  g_assert_cmpuint (rc_test_keyring_count (project, NULL), ==, 1);
  secret = lookup_for (secrets, project, secret_id, prod, NULL, &error);
  g_assert_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH);
  g_assert_null (secret);
  g_clear_error (&error);
  secret = lookup_for (secrets, project, secret_id, elsewhere, NULL, &error);
  g_assert_cmpstr (secret, ==, "NEW");
  rc_secret_free (secret);

  rc_test_keyring_clear (secrets, project, secret_id, &error);
}

/* “Use It Here”: the secret stored again, bound anew, under the same ids,
 * owner and label; it never leaves the store. */
static void
test_rebind (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autofree char *project = g_uuid_string_random ();
  g_autofree char *secret_id = g_uuid_string_random ();
  g_autoptr(RcSecretBinding) prod =
    rc_secret_binding_new ("https://auth.example.com", "prod-client");
  g_autoptr(RcSecretBinding) staging =
    rc_secret_binding_new ("https://staging.example.com", "prod-client");
  g_autoptr(RcSecretBinding) bound = NULL;
  g_autoptr(GError) error = NULL;
  GList *items;
  char *secret;

  g_assert_true (
    rc_test_keyring_store (secrets, project, "the-owner", secret_id, prod, "s3cret", &error));
  g_assert_true (rebind (secrets, project, secret_id, staging, &error));
  g_assert_no_error (error);

  items = rc_test_keyring_search (project, "the-owner");
  g_assert_cmpuint (g_list_length (items), ==, 1);
  {
    g_autofree char *label = secret_retrievable_get_label (items->data);

    g_assert_cmpstr (label, ==, "Restcall: client secret of “Test”");
  }
  g_list_free_full (items, g_object_unref);
  bound = rc_test_keyring_get_binding (project, secret_id);
  g_assert_true (rc_secret_binding_equal (bound, staging));

  secret = lookup_for (secrets, project, secret_id, staging, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "s3cret");
  rc_secret_free (secret);
  secret = lookup_for (secrets, project, secret_id, prod, NULL, &error);
  g_assert_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH);
  g_assert_null (secret);
  g_clear_error (&error);

  /* Bound so already: nothing changes. */
  g_assert_true (rebind (secrets, project, secret_id, staging, &error));
  g_assert_cmpuint (rc_test_keyring_count (project, NULL), ==, 1);

  /* Nothing stored: nothing to bind. */
  g_assert_true (rc_test_keyring_clear (secrets, project, secret_id, &error));
  g_assert_false (rebind (secrets, project, secret_id, prod, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* An item an earlier Restcall stored has no binding: it goes nowhere
 * until the user binds it (or stores a new one). */
static void
test_unbound_item (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autofree char *project = g_uuid_string_random ();
  g_autofree char *secret_id = g_uuid_string_random ();
  g_autoptr(RcSecretBinding) prod =
    rc_secret_binding_new ("https://auth.example.com", "prod-client");
  g_autoptr(RcSecretBinding) bound = NULL;
  g_autoptr(GError) error = NULL;
  RcSecretBinding *saved_for = NULL;
  char *secret;

  rc_test_keyring_store_unbound (project, "api", secret_id, "old-secret");

  secret = lookup_for (secrets, project, secret_id, prod, &saved_for, &error);
  g_assert_null (secret);
  g_assert_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "earlier version"));
  g_assert_null (saved_for);
  g_clear_error (&error);

  g_assert_true (rebind (secrets, project, secret_id, prod, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rc_test_keyring_count (project, NULL), ==, 1);
  bound = rc_test_keyring_get_binding (project, secret_id);
  g_assert_true (rc_secret_binding_equal (bound, prod));
  secret = lookup_for (secrets, project, secret_id, prod, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "old-secret");
  rc_secret_free (secret);

  rc_test_keyring_clear (secrets, project, secret_id, &error);
}

/* Origins, and what each kind of authentication binds its secret to. */
static void
test_origins (void)
{
  static const struct {
    const char *url;
    const char *origin;
  } origins[] = {
    { "https://auth.example.com/oauth2/token", "https://auth.example.com" },
    { "HTTPS://Auth.Example.COM:443/t?q#f", "https://auth.example.com" },
    { "https://user:password@auth.example.com/t", "https://auth.example.com" },
    { "https://auth.example.com:8443/t", "https://auth.example.com:8443" },
    { "http://127.0.0.1:8080/token", "http://127.0.0.1:8080" },
    { "http://127.0.0.1:80/token", "http://127.0.0.1" },
    { "http://[::1]:9000/token", "http://[::1]:9000" },
    { "ftp://auth.example.com/token", "" },
    { "/relative/token", "" },
    { "not a URL", "" },
    { "", "" },
  };
  g_autoptr(RcApi) api = rc_api_new ("Pets");
  g_autoptr(RcMethod) relative = rc_method_new ("relative");
  g_autoptr(RcMethod) absolute = rc_method_new ("absolute");
  g_autoptr(RcMethod) param_host = rc_method_new ("param-host");
  g_autoptr(RcAuth) own = rc_auth_new ();
  g_autoptr(RcSecretBinding) binding = NULL;
  g_autoptr(RcPairList) values = rc_pair_list_new ();
  RcAuth *auth = rc_api_get_auth (api);

  for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
    {
      g_autofree char *origin = rc_url_dup_origin (origins[i].url);

      g_assert_cmpstr (origin, ==, origins[i].origin);
    }

  /* OAuth 2.0: the token URL's origin and the client ID. */
  rc_api_set_base_url (api, "https://api.example.com/v1");
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "pets-client");
  rc_auth_set_token_url (auth, "https://auth.example.com/oauth2/token");
  binding = rc_secret_binding_new_for_api (api);
  g_assert_cmpstr (rc_secret_binding_get_origin (binding), ==, "https://auth.example.com");
  g_assert_cmpstr (rc_secret_binding_get_login (binding), ==, "pets-client");
  g_clear_pointer (&binding, rc_secret_binding_free);

  /* Basic: the origin the call goes to, and the user name. */
  rc_auth_set_kind (auth, RC_AUTH_KIND_BASIC);
  rc_auth_set_username (auth, "alice");
  binding = rc_secret_binding_new_for_api (api);
  g_assert_cmpstr (rc_secret_binding_get_origin (binding), ==, "https://api.example.com");
  g_assert_cmpstr (rc_secret_binding_get_login (binding), ==, "alice");
  g_clear_pointer (&binding, rc_secret_binding_free);

  rc_method_set_url (relative, "/pets");
  rc_method_set_url (absolute, "https://elsewhere.example.net/pets");
  rc_method_set_url (param_host, "https://{tenant}.example.com/pets");
  rc_pair_list_append (rc_method_get_test_values (param_host), "tenant", "acme");
  rc_api_add_method (api, relative);
  rc_api_add_method (api, absolute);
  rc_api_add_method (api, param_host);
  binding = rc_secret_binding_new_for_method (relative, NULL);
  g_assert_cmpstr (rc_secret_binding_get_origin (binding), ==, "https://api.example.com");
  g_clear_pointer (&binding, rc_secret_binding_free);
  binding = rc_secret_binding_new_for_method (absolute, NULL);
  g_assert_cmpstr (rc_secret_binding_get_origin (binding), ==, "https://elsewhere.example.net");
  g_clear_pointer (&binding, rc_secret_binding_free);
  binding = rc_secret_binding_new_for_method (param_host, NULL);
  g_assert_cmpstr (rc_secret_binding_get_origin (binding), ==, "https://acme.example.com");
  g_clear_pointer (&binding, rc_secret_binding_free);
  rc_pair_list_append (values, "tenant", "evil");
  binding = rc_secret_binding_new_for_method (param_host, values);
  g_assert_cmpstr (rc_secret_binding_get_origin (binding), ==, "https://evil.example.com");
  g_clear_pointer (&binding, rc_secret_binding_free);

  /* A method's own authentication is the one that counts. */
  rc_auth_set_kind (own, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (own, "own-client");
  rc_auth_set_token_url (own, "https://other-auth.example.com/token");
  rc_method_set_auth (relative, own);
  binding = rc_secret_binding_new_for_method (relative, NULL);
  g_assert_cmpstr (rc_secret_binding_get_origin (binding), ==, "https://other-auth.example.com");
  g_assert_cmpstr (rc_secret_binding_get_login (binding), ==, "own-client");
  g_clear_pointer (&binding, rc_secret_binding_free);

  /* No authentication, no binding. */
  rc_auth_set_kind (auth, RC_AUTH_KIND_NONE);
  g_assert_null (rc_secret_binding_new_for_api (api));
}

/* Writes a project with @id at @path. */
static void
write_project_file (const char *path,
                    const char *id)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(GBytes) bytes = NULL;

  rc_project_set_id (project, id);
  bytes = rc_project_serialize (project);
  g_assert_true (
    g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

/* Which file a project id belongs to: the first that opened it; a copy
 * elsewhere is told from a move, a link to the same file, and a file that
 * has since changed its id. */
static void
test_copies (void)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-copies-XXXXXX", NULL);
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *prod_path = g_build_filename (dir, "prod.restcall", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "staging.restcall", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.restcall", NULL);
  g_autofree char *hard_path = g_build_filename (dir, "hard.restcall", NULL);
  g_autoptr(GFile) prod = g_file_new_for_path (prod_path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GFile) linked = g_file_new_for_path (link_path);
  g_autoptr(GFile) hard = g_file_new_for_path (hard_path);
  GFile *original;

  write_project_file (prod_path, id);
  g_assert_null (rc_project_registry_check (id, prod, NULL));

  /* cp prod.restcall staging.restcall */
  write_project_file (copy_path, id);
  original = rc_project_registry_check (id, copy, NULL);
  g_assert_nonnull (original);
  g_assert_true (g_file_equal (original, prod));
  g_clear_object (&original);
  /* Still a copy, and the original still the original. */
  original = rc_project_registry_check (id, copy, NULL);
  g_assert_nonnull (original);
  g_clear_object (&original);
  g_assert_null (rc_project_registry_check (id, prod, NULL));

  /* The same file by another name is no copy. */
  g_assert_cmpint (symlink (prod_path, link_path), ==, 0);
  g_assert_null (rc_project_registry_check (id, linked, NULL));
  g_assert_cmpint (link (prod_path, hard_path), ==, 0);
  g_assert_null (rc_project_registry_check (id, hard, NULL));

  /* The original gone (moved away): the copy is the project now. */
  g_unlink (link_path);
  g_unlink (hard_path);
  g_assert_cmpint (g_unlink (prod_path), ==, 0);
  g_assert_null (rc_project_registry_check (id, copy, NULL));
  write_project_file (prod_path, id);
  original = rc_project_registry_check (id, prod, NULL);
  g_assert_nonnull (original);
  g_assert_true (g_file_equal (original, copy));
  g_clear_object (&original);

  /* The other file got an id of its own: no copy any more. */
  {
    g_autofree char *other_id = g_uuid_string_random ();

    write_project_file (copy_path, other_id);
    g_assert_null (rc_project_registry_check (id, prod, NULL));
  }

  g_unlink (prod_path);
  g_unlink (copy_path);
  g_rmdir (dir);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Saved;

static void
saved_cb (GObject *object, GAsyncResult *res, gpointer data)
{
  Saved *saved = data;

  saved->ok = rc_project_save_finish (RC_PROJECT (object), res, &saved->error);
  saved->done = TRUE;
}

static void
test_saved_files_hold_no_secret (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) oauth_api = rc_api_new ("OAuth API");
  g_autoptr(RcApi) basic_api = rc_api_new ("Basic API");
  g_autoptr(RcMethod) method = rc_method_new ("own");
  g_autoptr(RcAuth) own = rc_auth_new ();
  g_autofree char *dir = g_dir_make_tmp ("restcall-secret-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.restcall", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  Saved saved = { 0 };
  struct {
    RcAuth     *auth;
    const char *owner;
    const char *canary;
  } kinds[3];
  const char *name;

  rc_auth_set_kind (rc_api_get_auth (oauth_api), RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (rc_api_get_auth (oauth_api), "id");
  rc_auth_set_kind (rc_api_get_auth (basic_api), RC_AUTH_KIND_BASIC);
  rc_auth_set_username (rc_api_get_auth (basic_api), "user");
  rc_auth_set_kind (own, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_method_set_auth (method, own);
  rc_api_add_method (basic_api, method);
  rc_project_add_api (project, oauth_api);
  rc_project_add_api (project, basic_api);

  kinds[0].auth = rc_api_get_auth (oauth_api);
  kinds[0].owner = rc_api_get_id (oauth_api);
  kinds[0].canary = "canary-oauth-7f3a9c";
  kinds[1].auth = rc_api_get_auth (basic_api);
  kinds[1].owner = rc_api_get_id (basic_api);
  kinds[1].canary = "canary-basic-1b2d4e";
  kinds[2].auth = own;
  kinds[2].owner = rc_method_get_id (method);
  kinds[2].canary = "canary-method-9e8d7c";

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_true (rc_test_keyring_store (secrets, rc_project_get_id (project), kinds[i].owner,
                                          rc_auth_ensure_secret_id (kinds[i].auth), BINDING,
                                          kinds[i].canary, &error));

  /* Twice: the second save replaces a file, through a temporary one. */
  for (guint round = 0; round < 2; round++)
    {
      saved.done = FALSE;
      rc_project_save_async (project, file, NULL, saved_cb, &saved);
      rc_test_wait_for (&saved.done, 10);
      g_assert_no_error (saved.error);
    }

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)))
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        g_assert_false (rc_test_file_contains (child, kinds[i].canary));
      /* The file refers to each secret. */
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        g_assert_true (rc_test_file_contains (child, rc_auth_get_secret_id (kinds[i].auth)));
      g_unlink (child);
    }
  g_rmdir (dir);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    rc_test_keyring_clear (secrets, rc_project_get_id (project),
                           rc_auth_get_secret_id (kinds[i].auth), &error);
}

static void
test_locked_keyring (void)
{
  g_autoptr(RcSecretStore) secrets = rc_secret_store_new ();
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GError) error = NULL;
  GList *collections, *to_lock = NULL;
  char *secret;

  service = open_service ();
  collections = secret_service_get_collections (service);
  for (GList *l = collections; l; l = l->next)
    to_lock = g_list_prepend (to_lock, l->data);
  secret_service_lock_sync (service, to_lock, NULL, NULL, &error);
  g_assert_no_error (error);
  g_list_free (to_lock);

  /* Unlocking needs a prompt no one can answer here: the secret is kept
   * for the session, and nothing waits on the prompt (the store answers
   * within rc_test_keyring_store()'s bound; how soon, bench/bench-timings.c
   * measures). */
  g_assert_false (rc_test_keyring_store (secrets, "locked-project", "o", "s", BINDING,
                                         "while-locked", &error));
  g_test_message ("%s", error ? error->message : "(no error)");
  g_assert_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  secret = rc_test_keyring_lookup (secrets, "locked-project", "s", &error);
  g_assert_cmpstr (secret, ==, "while-locked");
  rc_secret_free (secret);

  /* A lookup made while such a store is on its way finds the session copy
   * it leaves, not the locked keyring's nothing. */
  {
    Answer stored = { 0 }, looked_up = { 0 };

    rc_secret_store_store_async (secrets, "locked-project", "o", "s2", BINDING, "Restcall: test",
                                 "typed-then-tested", NULL, stored_cb, &stored);
    rc_secret_store_lookup_async (secrets, "locked-project", "s2", NULL, NULL, looked_up_cb,
                                  &looked_up);
    rc_test_wait_for (&looked_up.done, 10);
    g_assert_true (looked_up.done);
    g_assert_true (stored.done);
    g_assert_error (stored.error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE);
    g_assert_no_error (looked_up.error);
    g_assert_cmpstr (looked_up.secret, ==, "typed-then-tested");
    answer_clear (&stored);
    answer_clear (&looked_up);
  }

  secret_service_unlock_sync (service, collections, NULL, NULL, NULL);
  g_list_free_full (collections, g_object_unref);
}

static void
test_no_secret_service (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(RcSecretStore) secrets = NULL;
      g_autoptr(GError) error = NULL;
      char *secret;

      /* Before libsecret first connects: no bus at all. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
      secrets = rc_secret_store_new ();

      g_assert_false (
        rc_test_keyring_store (secrets, "p", "o", "s", BINDING, "kept-in-memory", &error));
      g_assert_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "for this session only"));
      g_assert_nonnull (strstr (error->message, "Unlock the keyring"));
      g_clear_error (&error);

      /* The session copy serves this run, bound as a stored one is. */
      g_assert_true (rc_secret_store_is_session_only (secrets, "p", "s"));
      secret = rc_test_keyring_lookup (secrets, "p", "s", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (secret, ==, "kept-in-memory");
      rc_secret_free (secret);
      {
        g_autoptr(RcSecretBinding) elsewhere =
          rc_secret_binding_new ("https://evil.example.net", "client");
        g_autoptr(RcSecretBinding) saved_for = NULL;

        secret = lookup_for (secrets, "p", "s", elsewhere, &saved_for, &error);
        g_assert_null (secret);
        g_assert_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH);
        g_assert_true (rc_secret_binding_equal (saved_for, BINDING));
        g_clear_error (&error);

        /* Bound anew in memory too. */
        g_assert_true (rebind (secrets, "p", "s", elsewhere, &error));
        secret = lookup_for (secrets, "p", "s", elsewhere, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (secret, ==, "kept-in-memory");
        rc_secret_free (secret);
      }

      /* Clearing drops it, and says the keyring was not reached. */
      g_assert_false (rc_test_keyring_clear (secrets, "p", "s", &error));
      g_assert_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE);
      g_clear_error (&error);
      g_assert_false (rc_secret_store_is_session_only (secrets, "p", "s"));

      secret = rc_test_keyring_lookup (secrets, "p", "s", &error);
      g_assert_null (secret);
      g_assert_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!g_test_subprocess ())
    rc_test_keyring_require_session ();

  g_test_add_func ("/restcall/secret-store/round-trip", test_round_trip);
  g_test_add_func ("/restcall/secret-store/projects-do-not-collide", test_projects_do_not_collide);
  g_test_add_func ("/restcall/secret-store/clear-owner", test_clear_owner);
  g_test_add_func ("/restcall/secret-store/lookup-waits-for-store", test_lookup_waits_for_store);
  g_test_add_func ("/restcall/secret-store/clear-waits-for-store", test_clear_waits_for_store);
  g_test_add_func ("/restcall/secret-store/cancelled-while-waiting", test_cancelled_while_waiting);
  g_test_add_func ("/restcall/secret-store/busy", test_busy);
  g_test_add_func ("/restcall/secret-store/clears-at-once", test_clears_at_once);
  g_test_add_func ("/restcall/secret-store/attributes", test_attributes);
  g_test_add_func ("/restcall/secret-store/binding", test_binding);
  g_test_add_func ("/restcall/secret-store/rebind", test_rebind);
  g_test_add_func ("/restcall/secret-store/unbound-item", test_unbound_item);
  g_test_add_func ("/restcall/secret-store/origins", test_origins);
  g_test_add_func ("/restcall/secret-store/copies", test_copies);
  g_test_add_func ("/restcall/secret-store/saved-files-hold-no-secret",
                   test_saved_files_hold_no_secret);
  g_test_add_func ("/restcall/secret-store/no-secret-service", test_no_secret_service);
  g_test_add_func ("/restcall/secret-store/locked-keyring", test_locked_keyring);

  return g_test_run ();
}
