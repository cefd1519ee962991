/* rc-token-cache.c: obtains and caches OAuth 2.0 access tokens
 *
 * Tokens are kept in memory only, keyed by everything that decides what
 * token the server gives: token URL, client ID, client authentication
 * (and, for a `private_key_jwt` client, which key signs, how), sorted
 * scopes and extra parameters, and with mutual TLS the client
 * certificate and its key (their files, or the key's keyring entry).
 * Every method and API with the same key shares one token.
 *
 * Fetching is single-flight: while a token request is out, every caller
 * that needs the same token waits for it, and all get its result, token or
 * error. A caller that saw its token rejected (a 401) passes that token
 * back: it is dropped only if it is still the cached one, so N calls that
 * are all refused cause one new request, not N.
 *
 * Each request (a Fetch) is a single flight (rc-single-flight.c): its own
 * waiters and its own cancellable. When all its waiters have given up, it
 * is cancelled and abandoned: a caller that comes later starts a request
 * of its own rather than joining one that will end cancelled, and only the
 * entry's current request, while someone waits for it, may put its token
 * in the cache.
 *
 * A request whose client credentials go in a Basic Auth header of the
 * automatic form is sent once more, in the other form, when the server
 * refuses the client (rc-basic-form.c): the waiters wait for both attempts
 * and get the last one's record, which points to the first. The form that
 * worked then is remembered by the auth each waiter asked with
 * (rc_auth_set_remembered_basic_form()), so that a caller that copied its
 * auth can take it back (rc_basic_form_remember()).
 *
 * A cache that remembers refusals (rc_token_cache_set_remember_refusals(),
 * for the command line's repeated calls) asks no more after a refusal that
 * the same request would meet again (rc_token_refusal_is_permanent()):
 * later callers get %RC_OAUTH_ERROR_REFUSED_BEFORE at once. A server that
 * is down, busy or failing is asked again, as before. The window's cache
 * does not remember: the user fixes the settings and tries again.
 *
 * A token response is read up to %RC_HTTP_MAX_TOKEN_RESPONSE_SIZE only: a
 * server that sends more (a huge or endless body, a compressed bomb) gets
 * an error at that size, in memory and in time, not at the call's deadline.
 *
 * Everything runs on the thread-default main context of the caller.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-basic-form.h"
#include "rc-http.h"
#include "rc-oauth.h"
#include "rc-secret-store.h"
#include "rc-single-flight.h"
#include "rc-text.h"
#include "rc-token-cache.h"
#include "rc-token-refusal.h"

typedef struct _Fetch Fetch;

typedef struct
{
  char         *key;
  RcToken      *token;
  Fetch        *fetch;         /* borrowed: the request callers join, if any */
  char         *refusal;       /* why the server refused for good, if remembered:
                                * "invalid_client", "HTTP 401" */
} Entry;

struct _Fetch
{
  RcTokenCache   *cache;
  Entry          *entry;
  RcSingleFlight *flight;      /* the callers waiting, the request's cancellable */
  SoupMessage    *message;     /* of the attempt out */
  RcHttpRecord   *record;      /* of the attempt out, pointing to the one before */
  RcAuth         *auth;
  RcBasicForm     form;        /* of the Basic credentials of the attempt out */
  char           *secret;      /* kept for an attempt in the other form, if one may follow */
  gboolean        encoding_changes; /* form-encoding changes the client ID or secret */
  GError         *refusal;     /* why the first form was refused, once the other is out */
};

/* A caller: the auth it asked with, and the exchange it gets. */
typedef struct
{
  RcAuth       *auth;
  RcHttpRecord *record;
} Waiter;

/* What a request brought, for each of its waiters. */
typedef struct
{
  RcToken      *token;
  RcHttpRecord *record;
  const GError *error;
  RcAuth       *asked;
  RcBasicForm   found;         /* the form that worked after the other did not */
} Result;

struct _RcTokenCache
{
  GObject      parent_instance;

  SoupSession *session;
  GHashTable  *entries;        /* key → Entry (rc box) */
  guint        n_requests;
  gboolean     remember_refusals;
};

G_DEFINE_FINAL_TYPE (RcTokenCache, rc_token_cache, G_TYPE_OBJECT)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_assert (entry->fetch == NULL);

  g_clear_pointer (&entry->key, g_free);
  g_clear_object (&entry->token);
  g_clear_pointer (&entry->refusal, g_free);
}

static void
entry_unref (gpointer data)
{
  g_rc_box_release_full (data, entry_clear);
}

static Entry *
entry_new (const char *key)
{
  Entry *entry = g_rc_box_new0 (Entry);

  entry->key = g_strdup (key);

  return entry;
}

static void
waiter_free (Waiter *waiter)
{
  g_clear_object (&waiter->auth);
  g_clear_object (&waiter->record);
  g_free (waiter);
}

/* The fetch no longer answers new callers, nor fills the cache. */
static void
fetch_detach (Fetch *fetch)
{
  if (fetch->entry->fetch == fetch)
    fetch->entry->fetch = NULL;
}

/* The token exchange travels in the waiter, the task data, so that a
 * caller sees it whether it brought a token or an error. */
static void
return_result (GTask        *task,
               RcToken      *token,
               RcHttpRecord *record,
               const GError *error)
{
  Waiter *waiter = g_task_get_task_data (task);

  g_set_object (&waiter->record, record);

  if (token)
    g_task_return_pointer (task, g_object_ref (token), g_object_unref);
  else
    g_task_return_error (task, g_error_copy (error));
}

static void
land_cb (GTask    *task,
         gpointer  user_data)
{
  Result *result = user_data;
  Waiter *waiter = g_task_get_task_data (task);

  if (result->found != RC_BASIC_FORM_AUTO)
    rc_basic_form_remember (waiter->auth, result->asked, result->found);

  return_result (task, result->token, result->record, result->error);
}

static void
fetch_free (Fetch *fetch)
{
  fetch_detach (fetch);
  g_clear_object (&fetch->cache);
  g_clear_pointer (&fetch->entry, entry_unref);
  g_clear_pointer (&fetch->flight, rc_single_flight_free);
  g_clear_object (&fetch->message);
  g_clear_object (&fetch->record);
  g_clear_object (&fetch->auth);
  g_clear_pointer (&fetch->secret, rc_secret_free);
  g_clear_error (&fetch->refusal);
  g_free (fetch);
}

static void
remember_refusal (Entry  *entry,
                  guint   status,
                  GBytes *body)
{
  g_autoptr(JsonNode) root = NULL;
  RcTokenRefusal refusal;

  root = rc_token_refusal_read (&refusal, status, body);
  if (!rc_token_refusal_is_permanent (&refusal))
    return;

  g_free (entry->refusal);
  entry->refusal = refusal.code ? rc_text_dup_printable (refusal.code, -1, 100, RC_TEXT_ONE_LINE)
                                : g_strdup_printf ("HTTP %u", status);
}

static void fetch_cb (GObject      *object,
                      GAsyncResult *async_result,
                      gpointer      user_data);

/* Sends @message, the next attempt, whose record follows the last one. */
static void
fetch_send (Fetch       *fetch,
            SoupMessage *message,
            GBytes      *request_body)
{
  g_autoptr(RcHttpRecord) previous = g_steal_pointer (&fetch->record);

  g_set_object (&fetch->message, message);
  fetch->record = rc_http_record_new_for_request (message, request_body);
  if (previous)
    {
      rc_http_record_set_label (previous,
                                rc_basic_form_describe (rc_basic_form_other (fetch->form)));
      rc_http_record_set_label (fetch->record, rc_basic_form_describe (fetch->form));
      rc_http_record_set_previous_attempt (fetch->record, previous);
    }
  fetch->cache->n_requests++;

  rc_http_send_and_read_async (fetch->cache->session, message, RC_HTTP_MAX_TOKEN_RESPONSE_SIZE,
                               rc_single_flight_get_cancellable (fetch->flight), fetch_cb, fetch);
}

/* The server refused the client's credentials in one Basic form: they go
 * once more in the other, and never a third time. */
static gboolean
fetch_retry (Fetch  *fetch,
             GBytes *body)
{
  g_autoptr(GBytes) request_body = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(RcToken) token = NULL;
  g_autoptr(GError) refusal = NULL;
  RcBasicForm other = rc_basic_form_other (fetch->form);

  /* The refusal in the server's words, for when the other form fares no
   * better; a refusal is never a token, but what is read is checked. */
  token = rc_oauth_parse_token_response (fetch->auth, fetch->message, body,
                                         fetch->encoding_changes, &refusal);
  if (token == NULL)
    message = rc_oauth_new_token_message (fetch->auth, fetch->secret, other, &request_body, NULL);
  g_clear_pointer (&fetch->secret, rc_secret_free);
  if (message == NULL)
    return FALSE;

  rc_http_record_set_response (fetch->record, fetch->message, body);
  fetch->refusal = g_steal_pointer (&refusal);
  fetch->form = other;

  g_debug (
    "The authorization server refused the client: sending the Basic credentials once more, %s",
    rc_basic_form_describe (fetch->form));
  fetch_send (fetch, message, request_body);

  return TRUE;
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *async_result,
          gpointer      user_data)
{
  Fetch *fetch = user_data;
  Entry *entry = fetch->entry;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) send_error = NULL;
  g_autoptr(RcToken) token = NULL;
  Result result;

  body = rc_http_send_and_read_finish (async_result, &send_error);

  if (send_error == NULL && fetch->secret != NULL
      && rc_basic_form_is_refusal (soup_message_get_status (fetch->message), body)
      && fetch_retry (fetch, body))
    return;

  if (send_error)
    {
      g_autofree char *url = g_uri_to_string_partial (soup_message_get_uri (fetch->message),
                                                      G_URI_HIDE_PASSWORD);
      g_autofree char *what = g_strdup_printf (_("the authorization server at %s"), url);

      if (g_error_matches (send_error, RC_HTTP_ERROR, RC_HTTP_ERROR_TOO_LARGE))
        {
          g_autofree char *size = rc_http_format_size (RC_HTTP_MAX_TOKEN_RESPONSE_SIZE);

          g_set_error (&error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_TOO_LARGE,
                       _("The authorization server at %s answered HTTP %u with more than %s once "
                         "decompressed, which is no token response (those are a few kilobytes); "
                         "Restcall stopped reading there. Check the access token URL."),
                       url, soup_message_get_status (fetch->message), size);
        }
      else
        {
          rc_http_set_transport_error (&error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_NETWORK,
                                       fetch->message, what, send_error);
          rc_oauth_error_set_cause (error, send_error);
        }
      if (soup_message_get_status (fetch->message) != SOUP_STATUS_NONE)
        rc_http_record_set_response (fetch->record, fetch->message, NULL);
    }
  else
    {
      rc_http_record_set_response (fetch->record, fetch->message, body);
      token = rc_oauth_parse_token_response (fetch->auth, fetch->message, body,
                                             fetch->encoding_changes, &error);
    }

  /* Both forms were refused: the first refusal, in the server's words,
   * and that the other form fared no better. */
  if (error && fetch->refusal && soup_message_get_status (fetch->message) != SOUP_STATUS_NONE)
    {
      /* Translators: the first %s is the refusal of the first form, the
       * second how the credentials went the second time, such as "client ID
       * and secret unencoded" */
      g_autofree char *message =
        g_strdup_printf (_("%s Sent once more with the %s, the request was "
                           "refused too (HTTP %u)."),
                         fetch->refusal->message, rc_basic_form_describe (fetch->form),
                         soup_message_get_status (fetch->message));

      g_clear_error (&error);
      error = g_error_new_literal (fetch->refusal->domain, fetch->refusal->code, message);
    }

  if (error)
    {
      rc_http_record_set_error (fetch->record, error);
      g_debug ("Token request failed: %s", error->message);
    }
  else
    g_debug ("Token for client %s, valid for %" G_GINT64_FORMAT " s (-1: not said)%s",
             rc_auth_get_client_id (fetch->auth), rc_token_get_expires_in (token),
             rc_token_is_cacheable (token) ? "" : ", not cached");

  /* A refusal the same request would meet again, when remembered. */
  if (error && send_error == NULL && fetch->cache->remember_refusals && entry->fetch == fetch)
    remember_refusal (entry, soup_message_get_status (fetch->message), body);

  /* The exchange that obtained it goes with it: the inspector shows it
   * when a later call takes the token from the cache. */
  if (token)
    rc_token_set_record (token, G_OBJECT (fetch->record));

  /* A request everyone gave up on is cancelled: its token, if it came
   * anyway, is not cached over what a newer request brings. */
  if (entry->fetch == fetch && token && rc_token_is_cacheable (token) &&
      !g_cancellable_is_cancelled (rc_single_flight_get_cancellable (fetch->flight)))
    g_set_object (&entry->token, token);
  fetch_detach (fetch);

  /* Hand the result to everyone who waited for this request. */
  result.token = token;
  result.record = fetch->record;
  result.error = error;
  result.asked = fetch->auth;
  result.found = token && fetch->refusal ? fetch->form : RC_BASIC_FORM_AUTO;
  rc_single_flight_land (fetch->flight, land_cb, &result);

  fetch_free (fetch);
}

/* Says what the cache does with @auth's token, for G_MESSAGES_DEBUG: the
 * token URL is made fit to print (no password) only when someone listens,
 * not on every call. */
static void
debug_token (RcAuth     *auth,
             const char *what)
{
  g_autofree char *url = NULL;

  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    return;

  url = rc_text_dup_url (rc_auth_get_token_url (auth));
  g_debug ("%s (%s)", what, url);
}

static void
start_fetch (RcTokenCache *self,
             Entry        *entry,
             RcAuth       *auth,
             const char   *secret,
             GTask        *task)
{
  g_autoptr(GBytes) request_body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) message = NULL;
  RcBasicForm form = rc_basic_form_first (auth);
  Fetch *fetch;

  message = rc_oauth_new_token_message (auth, secret, form, &request_body, &error);
  if (message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  fetch = g_new0 (Fetch, 1);
  fetch->cache = g_object_ref (self);
  fetch->entry = g_rc_box_acquire (entry);
  fetch->flight = rc_single_flight_new (RC_SINGLE_FLIGHT_FOR_WAITERS);
  fetch->auth = rc_auth_copy (auth);
  fetch->form = form;
  fetch->encoding_changes = rc_basic_form_changes_credentials (auth, secret);
  if (rc_basic_form_may_retry (auth, secret))
    fetch->secret = g_strdup (secret);

  entry->fetch = fetch;
  rc_single_flight_join (fetch->flight, task, NULL, NULL);
  fetch_send (fetch, message, request_body);
}

static void
rc_token_cache_dispose (GObject *object)
{
  RcTokenCache *self = (RcTokenCache *)object;
  GHashTableIter iter;
  gpointer value;

  if (self->entries)
    {
      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Entry *entry = value;

          if (entry->fetch != NULL)
            g_cancellable_cancel (rc_single_flight_get_cancellable (entry->fetch->flight));
        }
    }

  G_OBJECT_CLASS (rc_token_cache_parent_class)->dispose (object);
}

static void
rc_token_cache_finalize (GObject *object)
{
  RcTokenCache *self = (RcTokenCache *)object;

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rc_token_cache_parent_class)->finalize (object);
}

static void
rc_token_cache_class_init (RcTokenCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rc_token_cache_dispose;
  object_class->finalize = rc_token_cache_finalize;
}

static void
rc_token_cache_init (RcTokenCache *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_unref);
}

/**
 * rc_token_cache_new:
 * @session: the session token requests go through
 */
RcTokenCache *
rc_token_cache_new (SoupSession *session)
{
  RcTokenCache *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);

  self = g_object_new (RC_TYPE_TOKEN_CACHE, NULL);
  self->session = g_object_ref (session);

  return self;
}

/**
 * rc_token_cache_get_session:
 *
 * Returns: (transfer none): the session token requests go through
 */
SoupSession *
rc_token_cache_get_session (RcTokenCache *self)
{
  g_return_val_if_fail (RC_IS_TOKEN_CACHE (self), NULL);

  return self->session;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * rc_token_cache_dup_key:
 *
 * Returns: (transfer full): what tells one cached token from another
 */
char *
rc_token_cache_dup_key (RcAuth *auth)
{
  g_auto(GStrv) scopes = rc_auth_dup_scope_list (auth);
  GListModel *params = G_LIST_MODEL (rc_auth_get_token_params (auth));
  guint n_params = g_list_model_get_n_items (params);
  g_autoptr(GPtrArray) param_strings = g_ptr_array_new_with_free_func (g_free);
  GString *key = g_string_new (NULL);

  qsort (scopes, g_strv_length (scopes), sizeof (char *), compare_strings);

  for (guint i = 0; i < n_params; i++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (params, i);

      g_ptr_array_add (param_strings, g_strdup_printf ("%s=%s", rc_pair_get_name (pair),
                                                       rc_pair_get_value (pair)));
    }
  g_ptr_array_sort (param_strings, compare_strings);

  /* Unit separators cannot appear in any of the parts. */
  g_string_append_printf (key, "%s\x1f%s\x1f%s\x1f",
                          rc_auth_get_token_url (auth),
                          rc_auth_get_client_id (auth),
                          rc_client_auth_to_string (rc_auth_get_client_auth (auth)));
  /* The key: its file, or the keyring entry that holds it; and mutual
   * TLS's certificate, for another certificate is another client, and a
   * bound token is its own. A relative path is one file per project
   * folder. */
  if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_PRIVATE_KEY_JWT
      || rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_TLS)
    {
      g_autofree char *path =
        rc_auth_dup_file_path (auth, rc_auth_get_private_key_file (auth));

      g_string_append_printf (key, "%s:%s ", path ? "file" : "keyring",
                              path ? path : rc_auth_get_secret_id (auth));
    }
  if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_PRIVATE_KEY_JWT)
    g_string_append_printf (key, "%s %s\x1f", rc_jwt_alg_to_string (rc_auth_get_jwt_alg (auth)),
                            rc_auth_get_key_id (auth));
  else if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_TLS)
    {
      g_autofree char *cert = rc_auth_dup_file_path (auth, rc_auth_get_client_cert_file (auth));

      g_string_append_printf (key, "%s\x1f", cert ? cert : "");
    }
  /* A secret variable's is the environment's: on a resolved auth, its id
   * in the keyring (rc-resolve.c), so environments never share a token. */
  if (rc_auth_get_secret_variable (auth)[0] != '\0')
    g_string_append_printf (key, "variable:%s\x1f", rc_auth_get_secret_variable (auth));
  for (guint i = 0; scopes[i]; i++)
    g_string_append_printf (key, "%s%s", i ? " " : "", scopes[i]);
  g_string_append_c (key, '\x1f');
  for (guint i = 0; i < param_strings->len; i++)
    g_string_append_printf (key, "%s%s", i ? "&" : "",
                            (char *) g_ptr_array_index (param_strings, i));

  return g_string_free (key, FALSE);
}

static Entry *
ensure_entry (RcTokenCache *self,
              RcAuth       *auth)
{
  g_autofree char *key = rc_token_cache_dup_key (auth);
  Entry *entry = g_hash_table_lookup (self->entries, key);

  if (entry == NULL)
    {
      entry = entry_new (key);
      g_hash_table_insert (self->entries, entry->key, entry);
    }

  return entry;
}

/**
 * rc_token_cache_get_token_async:
 * @auth: the authentication; when the automatic Basic form finds which
 *   form the server takes, @auth remembers it
 * @secret: the client secret
 * @rejected: (nullable): a token the API has just refused; it is dropped
 *   if it is still the cached one, and a new one is fetched
 *
 * Gets a fresh token from the cache, or waits for the request already out
 * for it, or sends one.
 */
void
rc_token_cache_get_token_async (RcTokenCache        *self,
                                RcAuth              *auth,
                                const char          *secret,
                                RcToken             *rejected,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Waiter *waiter;
  Entry *entry;

  g_return_if_fail (RC_IS_TOKEN_CACHE (self));
  g_return_if_fail (RC_IS_AUTH (auth));
  g_return_if_fail (!rejected || RC_IS_TOKEN (rejected));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_token_cache_get_token_async);
  waiter = g_new0 (Waiter, 1);
  waiter->auth = g_object_ref (auth);
  g_task_set_task_data (task, waiter, (GDestroyNotify) waiter_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  entry = ensure_entry (self, auth);

  if (rejected && entry->token == rejected)
    {
      debug_token (auth, "The API refused the cached token: a new one is fetched");
      g_clear_object (&entry->token);
    }

  if (entry->token && !rc_token_is_fresh (entry->token))
    {
      debug_token (auth, "The cached token is about to expire: a new one is fetched");
      g_clear_object (&entry->token);
    }

  /* A request everyone else gave up on takes no new caller. */
  if (entry->refusal && self->remember_refusals)
    {
      debug_token (auth, "The token request was refused before: not asking again");
      g_task_return_new_error (task, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED_BEFORE,
                               _("The token request was refused (%s); Restcall did not ask "
                                 "again."),
                               entry->refusal);
    }
  else if (entry->token)
    {
      debug_token (auth, "Cached token");
      return_result (task, entry->token, NULL, NULL);
    }
  else if (entry->fetch != NULL && rc_single_flight_join (entry->fetch->flight, task, NULL, NULL))
    debug_token (auth, "Waiting for the token request on its way");
  else
    {
      debug_token (auth, "Requesting a token");
      start_fetch (self, entry, auth, secret, task);
    }
}

/**
 * rc_token_cache_get_token_finish:
 * @record: (out) (optional) (nullable) (transfer full): the token request
 *   and response when this call waited for one, even when it failed;
 *   %NULL when the token came from the cache or no request could be made.
 *   After a second attempt in the other Basic form, the second's, which
 *   points to the first (rc_http_record_dup_attempts()).
 *
 * Returns: (transfer full): the token
 */
RcToken *
rc_token_cache_get_token_finish (RcTokenCache  *self,
                                 GAsyncResult  *async_result,
                                 RcHttpRecord **record,
                                 GError       **error)
{
  Waiter *waiter;

  g_return_val_if_fail (RC_IS_TOKEN_CACHE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (async_result, self), NULL);
  g_return_val_if_fail (
    g_task_get_source_tag (G_TASK (async_result)) == rc_token_cache_get_token_async, NULL);

  waiter = g_task_get_task_data (G_TASK (async_result));
  if (record)
    *record = waiter->record ? g_object_ref (waiter->record) : NULL;

  return g_task_propagate_pointer (G_TASK (async_result), error);
}

/**
 * rc_token_cache_lookup:
 *
 * Returns: (transfer none) (nullable): the cached token for @auth, if it
 *   is still fresh
 */
RcToken *
rc_token_cache_lookup (RcTokenCache *self,
                       RcAuth       *auth)
{
  g_autofree char *key = NULL;
  Entry *entry;

  g_return_val_if_fail (RC_IS_TOKEN_CACHE (self), NULL);

  key = rc_token_cache_dup_key (auth);
  entry = g_hash_table_lookup (self->entries, key);

  if (entry == NULL || entry->token == NULL || !rc_token_is_fresh (entry->token))
    return NULL;

  return entry->token;
}

/**
 * rc_token_cache_clear:
 *
 * Forgets the token cached for @auth; the next call fetches a new one.
 */
void
rc_token_cache_clear (RcTokenCache *self,
                      RcAuth       *auth)
{
  g_autofree char *key = NULL;
  Entry *entry;

  g_return_if_fail (RC_IS_TOKEN_CACHE (self));

  key = rc_token_cache_dup_key (auth);
  if ((entry = g_hash_table_lookup (self->entries, key)))
    {
      g_clear_object (&entry->token);
      g_clear_pointer (&entry->refusal, g_free);
    }
}

/**
 * rc_token_cache_set_remember_refusals:
 * @remember: %TRUE to ask no more for a token the server refused for good
 *   (rc_token_refusal_is_permanent()), until rc_token_cache_clear()
 *
 * For a run of calls that cannot change the settings: the command line's
 * --repeat. %FALSE by default.
 */
void
rc_token_cache_set_remember_refusals (RcTokenCache *self,
                                      gboolean      remember)
{
  g_return_if_fail (RC_IS_TOKEN_CACHE (self));

  self->remember_refusals = !!remember;
}

/**
 * rc_token_cache_get_n_requests:
 *
 * Returns: how many token requests this cache has sent
 */
guint
rc_token_cache_get_n_requests (RcTokenCache *self)
{
  g_return_val_if_fail (RC_IS_TOKEN_CACHE (self), 0);

  return self->n_requests;
}
