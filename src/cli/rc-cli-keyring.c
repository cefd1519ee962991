/* rc-cli-keyring.c: the keyring, for a command that waits for its answer
 *
 * The secret store is asynchronous; a command has nothing else to do, so
 * it iterates the main context until the answer comes, within a deadline:
 * a keyring that waits for an unlock prompt nobody sees must not hang a
 * script. Secrets read here are freed with rc_secret_free() and never
 * printed.
 *
 * Two kinds of secrets go through here: an authentication's (an API's
 * or a method's, found through its RcAuth) and a secret variable's value,
 * filed under its environment (rc-environment.c).
 *
 * A process runs one command: it has one secret store, this file's, made
 * when the keyring is first asked. No window's services (RcContext) are
 * needed: each command makes its executor from its own options.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-cli-private.h"
#include "rc-cli-target.h"

/* Long enough to type a password into an unlock prompt. */
#define KEYRING_TIMEOUT_SECONDS 120

typedef struct
{
  GCancellable    *cancellable;
  gboolean         done;
  gboolean         timed_out;
  gboolean         ok;
  char            *secret;
  RcSecretBinding *saved_for;
  GError          *error;
} Wait;

static RcSecretStore *
get_store (void)
{
  static RcSecretStore *store;

  if (store == NULL)
    store = rc_secret_store_new ();

  return store;
}

static gboolean
deadline_cb (gpointer user_data)
{
  Wait *wait = user_data;

  wait->timed_out = TRUE;
  g_cancellable_cancel (wait->cancellable);

  return G_SOURCE_REMOVE;
}

static void
wait_init (Wait *wait)
{
  *wait = (Wait) { .cancellable = g_cancellable_new () };
}

/* Iterates until the operation ends; a timeout becomes UNAVAILABLE. */
static gboolean
wait_finish (Wait    *wait,
             GError **error)
{
  guint deadline_id = g_timeout_add_seconds (KEYRING_TIMEOUT_SECONDS, deadline_cb, wait);

  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);

  if (!wait->timed_out)
    g_source_remove (deadline_id);
  g_clear_object (&wait->cancellable);

  if (wait->timed_out && wait->error)
    {
      g_clear_error (&wait->error);
      g_set_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE,
                   _("The keyring did not answer within %d seconds. Unlock it (a prompt may be "
                     "waiting), or pass the secret another way."),
                   KEYRING_TIMEOUT_SECONDS);
      return FALSE;
    }

  if (wait->error)
    {
      g_propagate_error (error, wait->error);
      wait->error = NULL;
      return FALSE;
    }

  return TRUE;
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->secret = rc_call_lookup_secret_finish (result, &wait->saved_for, &wait->error);
  /* None stored is no failure here: the command says what it means for it. */
  if (g_error_matches (wait->error, RC_CALL_ERROR, RC_CALL_ERROR_NO_SECRET))
    g_clear_error (&wait->error);
  wait->done = TRUE;
}

static void
looked_up_id_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Wait *wait = user_data;

  wait->secret = rc_secret_store_lookup_finish (RC_SECRET_STORE (object), result,
                                                &wait->saved_for, &wait->error);
  wait->done = TRUE;
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = rc_secret_store_store_finish (RC_SECRET_STORE (object), result, &wait->error);
  wait->done = TRUE;
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = rc_secret_store_clear_finish (RC_SECRET_STORE (object), result, &wait->error);
  wait->done = TRUE;
}

static void
owner_cleared_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = rc_secret_store_clear_owner_finish (RC_SECRET_STORE (object), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
store (RcProject             *project,
       const char            *owner_id,
       const char            *secret_id,
       const RcSecretBinding *binding,
       const char            *label,
       const char            *secret,
       GError               **error)
{
  Wait wait;

  wait_init (&wait);
  rc_secret_store_store_async (get_store (), rc_project_get_id (project), owner_id, secret_id,
                               binding, label, secret, wait.cancellable, stored_cb, &wait);

  return wait_finish (&wait, error) && wait.ok;
}

static gboolean
clear (RcProject   *project,
       const char  *secret_id,
       GError     **error)
{
  Wait wait;

  wait_init (&wait);
  rc_secret_store_clear_async (get_store (), rc_project_get_id (project), secret_id,
                               wait.cancellable, cleared_cb, &wait);

  return wait_finish (&wait, error) && wait.ok;
}

/* What a lookup's answer says of the secret: the secret itself is freed
 * unread. */
static RcCliSecretState
state_of (char         *secret,
          const GError *error)
{
  if (secret)
    {
      rc_secret_free (secret);
      return RC_CLI_SECRET_STORED;
    }

  if (error)
    g_debug ("Could not look up the secret: %s", error->message);

  if (error == NULL)
    return RC_CLI_SECRET_NOT_STORED;
  if (g_error_matches (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH))
    return RC_CLI_SECRET_STORED_ELSEWHERE;
  if (rc_cli_keyring_is_unavailable (error))
    return RC_CLI_SECRET_UNAVAILABLE;
  return RC_CLI_SECRET_FAILED;
}

/**
 * rc_cli_keyring_lookup:
 * @binding: (nullable): what the secret is about to be sent to; %NULL only
 *   to say whether one is stored
 * @saved_for: (out) (optional) (nullable): what the secret found was saved
 *   for; %NULL when none was, or by an earlier Restcall
 *
 * Looks up the secret of @auth, as a call would (rc-call.c). An auth
 * without a secret reference has none, and the keyring is not asked. A
 * secret saved for another binding than @binding is not handed out:
 * %RC_SECRET_STORE_ERROR_MISMATCH.
 *
 * Returns: (transfer full) (nullable): the secret, to free with
 *   rc_secret_free(); %NULL without an error when none is stored
 *   (%RC_CALL_ERROR_NO_SECRET)
 */
RcCliStoredSecret *
rc_cli_keyring_lookup (RcProject              *project,
                       RcAuth                 *auth,
                       const RcSecretBinding  *binding,
                       RcSecretBinding       **saved_for,
                       GError                **error)
{
  Wait wait;

  if (saved_for != NULL)
    *saved_for = NULL;

  wait_init (&wait);
  rc_call_lookup_secret_async (get_store (), rc_project_get_id (project), auth,
                               binding, wait.cancellable, looked_up_cb, &wait);
  if (!wait_finish (&wait, error))
    {
      g_clear_pointer (&wait.secret, rc_secret_free);
      if (saved_for != NULL)
        *saved_for = g_steal_pointer (&wait.saved_for);
      g_clear_pointer (&wait.saved_for, rc_secret_binding_free);
      return NULL;
    }

  if (saved_for != NULL)
    *saved_for = g_steal_pointer (&wait.saved_for);
  g_clear_pointer (&wait.saved_for, rc_secret_binding_free);

  return wait.secret;
}

static void
variables_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = rc_resolver_load_secrets_finish (RC_RESOLVER (object), result, &wait->error);
  wait->done = TRUE;
}

/**
 * rc_cli_keyring_load_variables:
 * @names: secret variables of the resolver's environment
 *
 * Gives @resolver the values the keyring holds for @names; one not stored
 * is said when it is used (%RC_RESOLVE_ERROR_NO_SECRET).
 *
 * Returns: whether the keyring answered
 */
gboolean
rc_cli_keyring_load_variables (RcResolver          *resolver,
                               RcProject           *project,
                               const char * const  *names,
                               GError             **error)
{
  Wait wait;

  if (names == NULL || names[0] == NULL)
    return TRUE;

  wait_init (&wait);
  rc_resolver_load_secrets_async (resolver, get_store (), rc_project_get_id (project), names,
                                  wait.cancellable, variables_loaded_cb, &wait);

  return wait_finish (&wait, error);
}

/**
 * rc_cli_keyring_store:
 * @binding: what the secret authenticates: where it may be sent
 *
 * Stores @secret for @auth, which must have a secret reference.
 *
 * Returns: %TRUE when the keyring holds it; %FALSE with
 *   %RC_SECRET_STORE_ERROR_UNAVAILABLE when no keyring could be used (a
 *   session-only copy is worthless to a command that exits)
 */
gboolean
rc_cli_keyring_store (RcProject             *project,
                      const char            *owner_id,
                      RcAuth                *auth,
                      const RcSecretBinding *binding,
                      const char            *label,
                      const char            *secret,
                      GError               **error)
{
  g_return_val_if_fail (rc_auth_get_secret_id (auth)[0] != '\0', FALSE);

  return store (project, owner_id, rc_auth_get_secret_id (auth), binding, label, secret, error);
}

/* Removes the secret of @auth from the keyring, if it has one. */
gboolean
rc_cli_keyring_clear (RcProject  *project,
                      RcAuth     *auth,
                      GError    **error)
{
  if (rc_auth_get_secret_id (auth)[0] == '\0')
    return TRUE;

  return clear (project, rc_auth_get_secret_id (auth), error);
}

/* Removes every secret of an API, a method or an environment from the keyring. */
gboolean
rc_cli_keyring_clear_owner (RcProject   *project,
                            const char  *owner_id,
                            GError     **error)
{
  Wait wait;

  wait_init (&wait);
  rc_secret_store_clear_owner_async (get_store (), rc_project_get_id (project),
                                     owner_id, wait.cancellable, owner_cleared_cb, &wait);

  return wait_finish (&wait, error) && wait.ok;
}

gboolean
rc_cli_keyring_is_unavailable (const GError *error)
{
  return g_error_matches (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE);
}

/**
 * rc_cli_keyring_get_state:
 * @binding: the settings the secret is for
 * @saved_for: (out) (optional) (nullable): what a secret stored for other
 *   settings was saved for
 *
 * Asks the keyring whether the secret of @auth is stored for @binding. The
 * secret itself is freed unread.
 */
RcCliSecretState
rc_cli_keyring_get_state (RcProject              *project,
                          RcAuth                 *auth,
                          const RcSecretBinding  *binding,
                          RcSecretBinding       **saved_for)
{
  g_autoptr(GError) error = NULL;
  char *secret = rc_cli_keyring_lookup (project, auth, binding, saved_for, &error);

  return state_of (secret, error);
}

/**
 * rc_cli_keyring_lookup_variable:
 * @environment: one of @project's environments
 * @name: the name of one of its secret variables
 *
 * Looks up the value of a secret variable, filed under its environment
 * (rc_environment_dup_secret_id()) and handed out only for it.
 *
 * Returns: (transfer full) (nullable): the value, to free with
 *   rc_secret_free(); %NULL without an error when none is stored
 */
RcCliStoredSecret *
rc_cli_keyring_lookup_variable (RcProject      *project,
                                RcEnvironment  *environment,
                                const char     *name,
                                GError        **error)
{
  g_autofree char *secret_id = rc_environment_dup_secret_id (environment, name);
  g_autoptr(RcSecretBinding) binding = rc_environment_dup_secret_binding (environment, name);
  Wait wait;

  wait_init (&wait);
  rc_secret_store_lookup_async (get_store (), rc_project_get_id (project), secret_id, binding,
                                wait.cancellable, looked_up_id_cb, &wait);
  if (!wait_finish (&wait, error))
    g_clear_pointer (&wait.secret, rc_secret_free);
  g_clear_pointer (&wait.saved_for, rc_secret_binding_free);

  return wait.secret;
}

/**
 * rc_cli_keyring_store_variable:
 *
 * Stores @secret as the value of the secret variable @name of
 * @environment, labelled with both names.
 *
 * Returns: %TRUE when the keyring holds it (see rc_cli_keyring_store())
 */
gboolean
rc_cli_keyring_store_variable (RcProject      *project,
                               RcEnvironment  *environment,
                               const char     *name,
                               const char     *secret,
                               GError        **error)
{
  g_autofree char *secret_id = rc_environment_dup_secret_id (environment, name);
  g_autoptr(RcSecretBinding) binding = rc_environment_dup_secret_binding (environment, name);
  g_autofree char *label = rc_environment_dup_secret_label (environment, name);

  return store (project, rc_environment_get_id (environment), secret_id, binding, label, secret,
                error);
}

/* Removes the value of the secret variable @name of @environment from the
 * keyring; none stored is no failure. */
gboolean
rc_cli_keyring_clear_variable (RcProject      *project,
                               RcEnvironment  *environment,
                               const char     *name,
                               GError        **error)
{
  g_autofree char *secret_id = rc_environment_dup_secret_id (environment, name);

  return clear (project, secret_id, error);
}

/* Whether the value of the secret variable @name is stored. */
RcCliSecretState
rc_cli_keyring_get_variable_state (RcProject     *project,
                                   RcEnvironment *environment,
                                   const char    *name)
{
  g_autoptr(GError) error = NULL;
  char *secret = rc_cli_keyring_lookup_variable (project, environment, name, &error);

  return state_of (secret, error);
}

/* What --json says: “stored”, “not-stored”, “stored-for-other-settings”
 * or “unknown”. */
const char *
rc_cli_secret_state_to_string (RcCliSecretState state)
{
  switch (state)
    {
    case RC_CLI_SECRET_STORED:
      return "stored";
    case RC_CLI_SECRET_NOT_STORED:
      return "not-stored";
    case RC_CLI_SECRET_STORED_ELSEWHERE:
      return "stored-for-other-settings";
    case RC_CLI_SECRET_UNAVAILABLE:
    case RC_CLI_SECRET_FAILED:
    default:
      return "unknown";
    }
}

/* What a listing says, in words. */
char *
rc_cli_secret_state_describe (RcCliSecretState       state,
                              const RcSecretBinding *saved_for,
                              RcAuthKind             kind)
{
  g_autofree char *from = NULL;

  switch (state)
    {
    case RC_CLI_SECRET_STORED:
      return g_strdup (_("stored"));
    case RC_CLI_SECRET_NOT_STORED:
      return g_strdup (_("not stored"));
    case RC_CLI_SECRET_STORED_ELSEWHERE:
      if (saved_for == NULL)
        return g_strdup (
          _("stored by an earlier version of Restcall, for no settings in particular"));
      from = rc_secret_binding_describe (saved_for, kind);
      return g_strdup_printf (_("stored for %s, not for these settings"), from);
    case RC_CLI_SECRET_UNAVAILABLE:
      return g_strdup (_("unknown (keyring unavailable)"));
    case RC_CLI_SECRET_FAILED:
    default:
      return g_strdup (_("unknown (the keyring failed)"));
    }
}

/**
 * rc_cli_report_not_stored:
 *
 * Says that a secret was not stored, and why. When no keyring could be
 * used, the store keeps the secret for this session only, which ends as
 * the command does: the store's own message would promise too much.
 */
void
rc_cli_report_not_stored (const GError *error)
{
  if (!rc_cli_keyring_is_unavailable (error))
    {
      rc_cli_error (_("The secret was not saved: %s"), error->message);
      return;
    }

  g_debug ("%s", error->message);
  rc_cli_error (_("No keyring could be used, so the secret was not saved. Unlock the keyring, or "
                  "start a Secret Service such as GNOME Keyring, and try again; or give the secret "
                  "to “restcall run” and “restcall token” with --secret-env VAR."));
}
