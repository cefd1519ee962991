/* rc-test-keyring.c: the keyring as tests see it, beside the app's own view
 *
 * Blocking wrappers over RcSecretStore's asynchronous calls (the main
 * context runs meanwhile, for at most WAIT_SECONDS), bounded waits for the
 * keyring to hold a secret and for the app's own calls to end, and a search
 * through libsecret itself, as another program would look for the app's
 * items.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rc-test-keyring.h"
#include "rc-test-server.h"

/* Only a guard against a hang: the keyring answers over D-Bus, slowly on a
 * loaded machine. */
#define WAIT_SECONDS 30

/* An asynchronous call, once it has finished. */
typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Finished;

/* A secret the keyring should hold (or not, when @wanted is NULL). */
typedef struct
{
  RcSecretStore *store;
  const char    *project_id;
  const char    *secret_id;
  const char    *wanted;
} Holds;

/* The app's schema, as another program would look for its items, and as
 * Restcall stored them before secrets were bound to what they
 * authenticate: these three attributes only. */
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

/* Helpers */

/* Runs the main context until @finished (for at most WAIT_SECONDS); its result, to finish. */
static GAsyncResult *
wait_for_finish (Finished *finished)
{
  rc_test_wait_for (&finished->done, WAIT_SECONDS);

  return finished->result;
}

/* Callbacks */

static void
finished_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  Finished *finished = data;

  finished->result = g_object_ref (result);
  finished->done = TRUE;
}

static gboolean
holds_cb (gpointer data)
{
  Holds *holds = data;
  char *secret = rc_test_keyring_lookup (holds->store, holds->project_id, holds->secret_id, NULL);
  gboolean found = g_strcmp0 (secret, holds->wanted) == 0;

  rc_secret_free (secret);

  return found;
}

/* Public API */

/* Stores @secret through @store, bound to @binding, and waits for the answer. */
gboolean
rc_test_keyring_store (RcSecretStore          *store,
                       const char             *project_id,
                       const char             *owner_id,
                       const char             *secret_id,
                       const RcSecretBinding  *binding,
                       const char             *secret,
                       GError                **error)
{
  Finished finished = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  rc_secret_store_store_async (store, project_id, owner_id, secret_id, binding,
                               "Restcall: client secret of “Test”", secret, NULL, finished_cb,
                               &finished);
  result = wait_for_finish (&finished);

  return rc_secret_store_store_finish (store, result, error);
}

/* Stores @secret as an earlier Restcall did: no binding. */
void
rc_test_keyring_store_unbound (const char *project_id,
                               const char *owner_id,
                               const char *secret_id,
                               const char *secret)
{
  g_autoptr(GError) error = NULL;

  secret_password_store_sync (&schema, SECRET_COLLECTION_DEFAULT,
                              "Restcall: client secret of “Old”", secret, NULL, &error, "project",
                              project_id, "owner", owner_id, "secret", secret_id, NULL);
  g_assert_no_error (error);
}

/* What the keyring's one item for @secret_id is bound to, seen through
 * libsecret itself; NULL for an item with no binding. */
RcSecretBinding *
rc_test_keyring_get_binding (const char *project_id,
                             const char *secret_id)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GError) error = NULL;
  GList *items;
  const char *origin;
  RcSecretBinding *binding = NULL;

  g_hash_table_insert (attributes, (gpointer) "project", (gpointer) project_id);
  g_hash_table_insert (attributes, (gpointer) "secret", (gpointer) secret_id);
  items = secret_service_search_sync (NULL, &schema, attributes, SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);

  found = secret_retrievable_get_attributes (items->data);
  if ((origin = g_hash_table_lookup (found, "origin")) != NULL)
    binding = rc_secret_binding_new (origin, g_hash_table_lookup (found, "login"));
  g_list_free_full (items, g_object_unref);

  return binding;
}

/* Looks a secret up through @store (NULL when none is stored), whatever it
 * is bound to, and waits for the answer. */
char *
rc_test_keyring_lookup (RcSecretStore  *store,
                        const char     *project_id,
                        const char     *secret_id,
                        GError        **error)
{
  Finished finished = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  rc_secret_store_lookup_async (store, project_id, secret_id, NULL, NULL, finished_cb, &finished);
  result = wait_for_finish (&finished);

  return rc_secret_store_lookup_finish (store, result, NULL, error);
}

/* Clears a secret through @store, and waits for the answer. */
gboolean
rc_test_keyring_clear (RcSecretStore  *store,
                       const char     *project_id,
                       const char     *secret_id,
                       GError        **error)
{
  Finished finished = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  rc_secret_store_clear_async (store, project_id, secret_id, NULL, finished_cb, &finished);
  result = wait_for_finish (&finished);

  return rc_secret_store_clear_finish (store, result, error);
}

/* Clears every secret of @owner_id through @store, and waits for the answer. */
gboolean
rc_test_keyring_clear_owner (RcSecretStore  *store,
                             const char     *project_id,
                             const char     *owner_id,
                             GError        **error)
{
  Finished finished = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  rc_secret_store_clear_owner_async (store, project_id, owner_id, NULL, finished_cb, &finished);
  result = wait_for_finish (&finished);

  return rc_secret_store_clear_owner_finish (store, result, error);
}

/* The keyring items (SecretRetrievable) of the app's schema for @project_id, and of
 * @owner_id unless NULL, asked of libsecret itself; free with g_list_free_full(). */
GList *
rc_test_keyring_search (const char *project_id,
                        const char *owner_id)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GList *items;

  g_hash_table_insert (attributes, (gpointer) "project", (gpointer) project_id);
  if (owner_id != NULL)
    g_hash_table_insert (attributes, (gpointer) "owner", (gpointer) owner_id);

  /* The service's own search: the password one leaks in libsecret 0.20. */
  items = secret_service_search_sync (NULL, &schema, attributes, SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);

  return items;
}

/* How many keyring items rc_test_keyring_search() finds. */
guint
rc_test_keyring_count (const char *project_id,
                       const char *owner_id)
{
  GList *items = rc_test_keyring_search (project_id, owner_id);
  guint n = g_list_length (items);

  g_list_free_full (items, g_object_unref);

  return n;
}

/* Waits (for at most WAIT_SECONDS) until @store (the app's own, the
 * test's context's in a GUI test) finds @wanted under @secret_id, or
 * nothing if @wanted is NULL: a store or a clear the app started may
 * still be on its way. Each look is a round trip to the keyring; the
 * next starts when it has answered. */
gboolean
rc_test_keyring_wait_for (RcSecretStore *store,
                          const char    *project_id,
                          const char    *secret_id,
                          const char    *wanted)
{
  Holds holds = { store, project_id, secret_id, wanted };

  g_return_val_if_fail (RC_IS_SECRET_STORE (store), FALSE);

  return rc_test_wait_until (holds_cb, &holds, WAIT_SECONDS);
}

/* Waits (for at most WAIT_SECONDS) until every call the app made on its
 * @store (the test's context's in a GUI test) has ended and its callback
 * has run: each holds the store (its GTask's source object) until then.
 * For what must NOT have reached the keyring, before looking. */
gboolean
rc_test_keyring_wait_idle (RcSecretStore *store)
{
  g_return_val_if_fail (RC_IS_SECRET_STORE (store), FALSE);

  return rc_test_wait_for_refs (store, 1, WAIT_SECONDS);
}

/* The throwaway keyring's daemon (keyring-session.sh started it on this
 * test's private bus), to hold it still for a moment. */
GPid
rc_test_keyring_daemon_pid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) reply = NULL;
  guint32 pid;

  g_assert_no_error (error);
  g_assert_nonnull (g_getenv ("RC_KEYRING_SESSION"));
  reply = g_dbus_connection_call_sync (
    bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
    "GetConnectionUnixProcessID", g_variant_new ("(s)", "org.freedesktop.secrets"),
    G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &pid);
  g_assert_cmpuint (pid, >, 1);

  return (GPid) pid;
}

/* Whether the file at @path holds @needle (a saved file must hold no secret). */
gboolean
rc_test_file_contains (const char *path,
                       const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_strstr_len (contents, length, needle) != NULL;
}

/**
 * rc_test_keyring_require_session:
 *
 * Stops the test unless it runs inside tests/keyring-session.sh, where the
 * keyring is a throwaway one: never the user's.
 */
void
rc_test_keyring_require_session (void)
{
  if (g_getenv ("RC_KEYRING_SESSION") == NULL)
    g_error ("run this test through tests/keyring-session.sh (meson test does)");
}
