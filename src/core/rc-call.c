/* rc-call.c: the secret an authentication needs, looked up; then the call, or the token
 *
 * The one way from the Test button and Get New Token to the executor
 * when a secret is kept in the keyring; `restcall run`, `token` and `auth`
 * look secrets up through it too (rc_call_lookup_secret_async()). The
 * authentication says which secret it needs; the secret store hands it out
 * only if it was saved for where it would now go (rc-secret-binding.c);
 * then the call is made (rc_call_method_async()) or a new token fetched
 * (rc_call_fetch_token_async()). What stops it before anything is sent is
 * an error of its own kind, for the window to turn into its question and
 * the command line into its message:
 *
 * - %RC_CALL_ERROR_NO_SECRET: a secret is needed and none is stored;
 * - %RC_SECRET_STORE_ERROR_MISMATCH: one is, saved for elsewhere; the
 *   finish function says what for, and where it would go now;
 * - %RC_SECRET_STORE_ERROR_UNAVAILABLE: the keyring could not be read;
 * - %G_IO_ERROR_CANCELLED.
 *
 * Once the call is made, it never fails: its exchange says what happened.
 * A method's settings may change while the keyring answers: the secret is
 * then looked up again, for where the call would go now. When the user
 * says a stored secret may go where it would now go,
 * rc_call_rebind_secret_async() stores it again, bound there.
 *
 * An operation holds its own copies and references, never its caller:
 * the caller's callback may look at its cancellable first and return.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-api.h"
#include "rc-basic-form.h"
#include "rc-call.h"

/* A lookup of the secret an authentication needs. */
typedef struct
{
  RcAuthKind       kind;
  gboolean         key;         /* the secret is a private key */
  RcSecretBinding *saved_for;   /* a mismatch: what the stored secret was saved for */
} Lookup;

/* A call or a token request, and the secret it needs. */
typedef struct
{
  RcExecutor      *executor;
  RcSecretStore   *store;
  char            *project_id;
  RcMethod        *method;      /* a call's; %NULL for a token request */
  RcPairList      *values;
  RcAuth          *auth;        /* a snapshot, as it was when asked */
  RcAuth          *source_auth; /* a token request's auth, which remembers a Basic form found */
  RcSecretBinding *binding;     /* where its secret would go */
  RcSecretBinding *saved_for;   /* a mismatch: what the stored secret was saved for */
  RcHttpRecord    *record;      /* a token request's exchange */
} Call;

static void look_up_for_call (GTask *task);

G_DEFINE_QUARK (rc-call-error-quark, rc_call_error)

static void
lookup_free (Lookup *lookup)
{
  g_clear_pointer (&lookup->saved_for, rc_secret_binding_free);
  g_free (lookup);
}

static Call *
call_new (RcExecutor    *executor,
          RcSecretStore *store,
          const char    *project_id)
{
  Call *call = g_new0 (Call, 1);

  call->executor = g_object_ref (executor);
  call->store = g_object_ref (store);
  call->project_id = g_strdup (project_id);

  return call;
}

static void
call_free (Call *call)
{
  g_clear_object (&call->executor);
  g_clear_object (&call->store);
  g_free (call->project_id);
  g_clear_object (&call->method);
  g_clear_object (&call->values);
  g_clear_object (&call->auth);
  g_clear_object (&call->source_auth);
  g_clear_pointer (&call->binding, rc_secret_binding_free);
  g_clear_pointer (&call->saved_for, rc_secret_binding_free);
  g_clear_object (&call->record);
  g_free (call);
}

/* On a mismatch (@error), what the stored secret was saved for, and
 * where it would go. */
static void
copy_mismatch (Call             *call,
                 const GError     *error,
                 RcSecretBinding **saved_for,
                 RcSecretBinding **wanted)
{
  gboolean mismatch = g_error_matches (error, RC_SECRET_STORE_ERROR,
                                       RC_SECRET_STORE_ERROR_MISMATCH);

  if (saved_for != NULL)
    *saved_for = mismatch && call->saved_for ? rc_secret_binding_copy (call->saved_for) : NULL;
  if (wanted != NULL)
    *wanted = mismatch && call->binding ? rc_secret_binding_copy (call->binding) : NULL;
}

static void
return_no_secret (GTask *task)
{
  Lookup *lookup = g_task_get_task_data (task);

  g_task_return_new_error (task, RC_CALL_ERROR, RC_CALL_ERROR_NO_SECRET, "%s",
                           lookup->kind == RC_AUTH_KIND_BASIC
                           ? _("No password is stored for this authentication.")
                           : lookup->key
                           ? _("No private key is stored for this authentication, and no key "
                               "file is set.")
                           : _("No client secret is stored for this authentication."));
}

/* Callbacks */

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Lookup *lookup = g_task_get_task_data (task);
  GError *error = NULL;
  char *secret;

  secret = rc_secret_store_lookup_finish (RC_SECRET_STORE (object), result, &lookup->saved_for,
                                          &error);

  if (error != NULL)
    {
      g_debug ("The secret was not handed out: %s", error->message);
      g_task_return_error (task, error);
    }
  else if (secret == NULL)
    {
      g_debug ("No secret is stored for this authentication");
      return_no_secret (task);
    }
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) rc_secret_free);
}

static void
rebound_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* Kept for this session only is enough for a call: the secret's row
   * says the rest. */
  if (!rc_secret_store_rebind_finish (RC_SECRET_STORE (object), result, &error)
      && !g_error_matches (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE))
    g_task_return_error (task, error);
  else
    {
      g_clear_error (&error);
      g_task_return_boolean (task, TRUE);
    }
}

static void
called_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RcExchange *exchange = rc_executor_call_finish (RC_EXECUTOR (object), result);

  g_task_return_pointer (task, exchange, g_object_unref);
}

/* Makes the call of @task (taking it), with @secret. */
static void
send_call (GTask      *task,
           const char *secret)
{
  Call *call = g_task_get_task_data (task);

  rc_executor_call_async (call->executor, call->method, call->values, secret,
                          g_task_get_cancellable (task), called_cb, task);
}

static void
call_secret_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(RcSecretBinding) now = NULL;
  GError *error = NULL;
  char *secret;

  g_clear_pointer (&call->saved_for, rc_secret_binding_free);
  secret = rc_call_lookup_secret_finish (result, &call->saved_for, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The settings changed while the keyring answered: asked again, for
   * where the call would go now. */
  now = rc_secret_binding_new_for_method (call->method, call->values);
  if (!rc_secret_binding_equal (now, call->binding))
    {
      g_debug ("The settings changed while the keyring answered: the secret is looked up again");
      rc_secret_free (secret);
      g_clear_pointer (&call->binding, rc_secret_binding_free);
      call->binding = g_steal_pointer (&now);
      if (call->binding == NULL)
        /* No authentication any more: nothing to look up. */
        send_call (g_steal_pointer (&task), NULL);
      else
        look_up_for_call (g_steal_pointer (&task));
      return;
    }

  send_call (g_steal_pointer (&task), secret);
  rc_secret_free (secret);
}

/* Looks up the secret of the call of @task (taking it), for where it
 * would go. */
static void
look_up_for_call (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  rc_call_lookup_secret_async (call->store, call->project_id, call->auth, call->binding,
                               g_task_get_cancellable (task), call_secret_cb, task);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  GError *error = NULL;
  RcToken *token;

  token = rc_token_cache_get_token_finish (RC_TOKEN_CACHE (object), result, &call->record, &error);
  if (token == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The other Basic form worked: the auth asked with remembers it. */
  if (call->record && rc_http_record_get_previous_attempt (call->record))
    rc_basic_form_remember (call->source_auth, call->auth,
                            rc_auth_get_remembered_basic_form (call->auth));

  g_task_return_pointer (task, token, g_object_unref);
}

static void
token_secret_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  RcTokenCache *cache = rc_executor_get_token_cache (call->executor);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;
  char *secret;

  secret = rc_call_lookup_secret_finish (result, &call->saved_for, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A new token, not the cached one: it is dropped, as after a refusal. */
  rc_token_cache_get_token_async (cache, call->auth, secret,
                                  rc_token_cache_lookup (cache, call->auth), cancellable, token_cb,
                                  g_steal_pointer (&task));
  rc_secret_free (secret);
}

/* Public API */

/**
 * rc_call_lookup_secret_async:
 * @store: the secret store
 * @project_id: (nullable): the id of the project @auth is in
 * @auth: (nullable): the authentication whose secret to look up
 * @binding: (nullable): where the secret would now be sent; %NULL only to
 *   say whether one is stored, wherever it may go
 *
 * Looks up the secret @auth needs, handed out only if it was saved for
 * @binding. An authentication of kind None (or none at all), or a private_key_jwt
 * client whose key is a file (rc_auth_needs_secret()), needs none:
 * the keyring is not asked.
 */
void
rc_call_lookup_secret_async (RcSecretStore         *store,
                             const char            *project_id,
                             RcAuth                *auth,
                             const RcSecretBinding *binding,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Lookup *lookup;
  const char *secret_id;

  g_return_if_fail (RC_IS_SECRET_STORE (store));
  g_return_if_fail (auth == NULL || RC_IS_AUTH (auth));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_call_lookup_secret_async);
  lookup = g_new0 (Lookup, 1);
  lookup->kind = auth ? rc_auth_get_kind (auth) : RC_AUTH_KIND_NONE;
  lookup->key = auth && rc_auth_secret_holds_key (auth);
  g_task_set_task_data (task, lookup, (GDestroyNotify) lookup_free);

  /* A private_key_jwt or mutual TLS client whose key is a file has no
   * secret either. */
  if (auth == NULL || !rc_auth_needs_secret (auth))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  /* No reference, no project: no keyring entry to look up. */
  secret_id = rc_auth_get_secret_id (auth);
  if (project_id == NULL || project_id[0] == '\0' || secret_id[0] == '\0')
    {
      return_no_secret (task);
      return;
    }

  rc_secret_store_lookup_async (store, project_id, secret_id, binding, cancellable, looked_up_cb,
                                g_steal_pointer (&task));
}

/**
 * rc_call_lookup_secret_finish:
 * @saved_for: (out) (optional) (nullable) (transfer full): on
 *   %RC_SECRET_STORE_ERROR_MISMATCH, what the stored secret was saved for;
 *   %NULL when an earlier Restcall stored it, for nothing in particular
 *
 * Returns: (transfer full) (nullable): the secret, to free with
 *   rc_secret_free(); %NULL without an error when the authentication needs
 *   none; %NULL with %RC_CALL_ERROR_NO_SECRET when none is stored, or
 *   with the secret store's error
 */
char *
rc_call_lookup_secret_finish (GAsyncResult     *result,
                              RcSecretBinding **saved_for,
                              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  Lookup *lookup;
  char *secret;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_call_lookup_secret_async,
                        NULL);

  lookup = g_task_get_task_data (G_TASK (result));
  secret = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (saved_for != NULL)
    *saved_for = g_error_matches (local_error, RC_SECRET_STORE_ERROR,
                                  RC_SECRET_STORE_ERROR_MISMATCH)
                 ? g_steal_pointer (&lookup->saved_for) : NULL;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return secret;
}

/**
 * rc_call_rebind_secret_async:
 * @project_id: the id of the project the secret is in
 * @secret_id: the secret's reference (RcAuth:secret-id)
 * @binding: where the secret may now be sent
 *
 * Stores the secret again, bound to @binding, as the user said it may go
 * there (“Use It Here”); then rc_call_method_async() or
 * rc_call_fetch_token_async() finds it. A keyring that cannot be used
 * keeps it for this session, which is enough for a call.
 */
void
rc_call_rebind_secret_async (RcSecretStore         *store,
                             const char            *project_id,
                             const char            *secret_id,
                             const RcSecretBinding *binding,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  GTask *task;

  g_return_if_fail (RC_IS_SECRET_STORE (store));
  g_return_if_fail (binding != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_call_rebind_secret_async);
  rc_secret_store_rebind_async (store, project_id, secret_id, binding, cancellable, rebound_cb,
                                task);
}

/**
 * rc_call_rebind_secret_finish:
 *
 * Returns: whether the secret is bound there now, in the keyring or for
 *   this session
 */
gboolean
rc_call_rebind_secret_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_call_rebind_secret_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rc_call_method_async:
 * @executor: the executor to call through
 * @store: the secret store
 * @project_id: (nullable): the id of the project @method is in
 * @method: a method of an API
 * @values: (nullable): values for the URL's parameters; %NULL for the
 *   method's test values
 *
 * Looks up the secret of the method's effective authentication, for
 * where the call would send it, then makes the call. A method without
 * authentication is called at once.
 */
void
rc_call_method_async (RcExecutor          *executor,
                      RcSecretStore       *store,
                      const char          *project_id,
                      RcMethod            *method,
                      RcPairList          *values,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RcAuth *auth;
  Call *call;

  g_return_if_fail (RC_IS_EXECUTOR (executor));
  g_return_if_fail (RC_IS_SECRET_STORE (store));
  g_return_if_fail (RC_IS_METHOD (method));
  g_return_if_fail (RC_IS_API (rc_method_get_api (method)));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_call_method_async);
  /* A call cancelled has an exchange all the same, which says so. */
  g_task_set_check_cancellable (task, FALSE);
  call = call_new (executor, store, project_id);
  call->method = g_object_ref (method);
  call->values = values ? g_object_ref (values) : NULL;
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  auth = rc_method_get_effective_auth (method);
  if (auth == NULL || rc_auth_get_kind (auth) == RC_AUTH_KIND_NONE)
    {
      send_call (g_steal_pointer (&task), NULL);
      return;
    }

  call->auth = rc_auth_copy (auth);
  call->binding = rc_secret_binding_new_for_method (method, values);
  look_up_for_call (g_steal_pointer (&task));
}

/**
 * rc_call_method_finish:
 * @saved_for: (out) (optional) (nullable) (transfer full): on
 *   %RC_SECRET_STORE_ERROR_MISMATCH, what the stored secret was saved for
 *   (%NULL when an earlier Restcall stored it, for nothing in particular)
 * @wanted: (out) (optional) (nullable) (transfer full): on
 *   %RC_SECRET_STORE_ERROR_MISMATCH, where the call would send it
 *
 * Returns: (transfer full) (nullable): the exchange of the call, which
 *   says what happened (a call cancelled too); %NULL with an error when the
 *   secret stopped it before anything was sent
 */
RcExchange *
rc_call_method_finish (GAsyncResult     *result,
                       RcSecretBinding **saved_for,
                       RcSecretBinding **wanted,
                       GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  RcExchange *exchange;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_call_method_async, NULL);

  exchange = g_task_propagate_pointer (G_TASK (result), &local_error);
  copy_mismatch (g_task_get_task_data (G_TASK (result)), local_error, saved_for, wanted);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return exchange;
}

/**
 * rc_call_fetch_token_async:
 * @executor: the executor whose token cache gets the token
 * @store: the secret store
 * @project_id: (nullable): the id of the project @auth is in
 * @auth: an authentication with OAuth 2.0 client credentials
 *
 * Looks up the client secret of @auth (as it is now: later edits do not
 * mix in), for the token URL it would go to, then asks the authorization
 * server for a new token: the one cached, if any, is dropped, as after a
 * refusal.
 */
void
rc_call_fetch_token_async (RcExecutor          *executor,
                           RcSecretStore       *store,
                           const char          *project_id,
                           RcAuth              *auth,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  Call *call;

  g_return_if_fail (RC_IS_EXECUTOR (executor));
  g_return_if_fail (RC_IS_SECRET_STORE (store));
  g_return_if_fail (RC_IS_AUTH (auth));
  g_return_if_fail (rc_auth_get_kind (auth) == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_call_fetch_token_async);
  call = call_new (executor, store, project_id);
  call->auth = rc_auth_copy (auth);
  call->source_auth = g_object_ref (rc_auth_get_source (auth));
  call->binding = rc_secret_binding_new_for_auth (call->auth, NULL);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  rc_call_lookup_secret_async (store, project_id, call->auth, call->binding, cancellable,
                               token_secret_cb, task);
}

/**
 * rc_call_fetch_token_finish:
 * @record: (out) (optional) (nullable) (transfer full): the token
 *   request and its answer, if one was sent
 * @saved_for: (out) (optional) (nullable) (transfer full): on
 *   %RC_SECRET_STORE_ERROR_MISMATCH, what the stored secret was saved for
 * @wanted: (out) (optional) (nullable) (transfer full): on
 *   %RC_SECRET_STORE_ERROR_MISMATCH, where the token request would send it
 *
 * Returns: (transfer full) (nullable): the new token, or %NULL with an
 *   error: the secret's, or the token request's (%RC_OAUTH_ERROR)
 */
RcToken *
rc_call_fetch_token_finish (GAsyncResult     *result,
                            RcHttpRecord    **record,
                            RcSecretBinding **saved_for,
                            RcSecretBinding **wanted,
                            GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  Call *call;
  RcToken *token;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_call_fetch_token_async, NULL);

  call = g_task_get_task_data (G_TASK (result));
  token = g_task_propagate_pointer (G_TASK (result), &local_error);
  copy_mismatch (call, local_error, saved_for, wanted);
  if (record != NULL)
    *record = call->record ? g_object_ref (call->record) : NULL;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return token;
}
