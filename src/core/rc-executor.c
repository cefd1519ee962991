/* rc-executor.c: sends a method as configured and records the exchange
 *
 * A call is built in a fixed order: the URL template with its parameters
 * percent-encoded (an optional query parameter left empty is left out),
 * the API's headers, then the method's, the body, and the authentication
 * last, so that Basic or OAuth 2.0 replaces any Authorization header typed
 * by hand (the exchange says so).
 *
 * libsoup's own authentication and redirect handling are kept out of the
 * way: the executor follows redirects itself, only within the API's origin
 * (scheme, host and port), so credentials never reach another one. A 401
 * with a Bearer challenge drops the token, fetches a new one and replays
 * the call once, unless the API says the token is for another audience; a
 * 401 or 403 that stays is reported in the API's words (rc-api-refusal.c).
 * Every call has a deadline, for the whole of it (token request,
 * redirects, every body read to its end), and can be cancelled. A
 * response body is read in chunks up to a cap
 * (rc_executor_set_max_body_size(), after decompression), so an endless
 * or a compressed-bomb answer costs at most the cap.
 *
 * Nothing goes out whose verb, content type, headers or access token would
 * not be read back as written (rc-wire.c): the call fails instead, before
 * a token is fetched when it can.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-api.h"
#include "rc-api-refusal.h"
#include "rc-basic-form.h"
#include "rc-client-cert.h"
#include "rc-executor.h"
#include "rc-http.h"
#include "rc-resolve.h"
#include "rc-setting-private.h"
#include "rc-text.h"
#include "rc-url-template.h"
#include "rc-wire.h"

#define DEFAULT_TIMEOUT_SECONDS 60
#define MAX_REDIRECTS 5

struct _RcExecutor
{
  GObject       parent_instance;

  SoupSession  *session;
  RcTokenCache *token_cache;
  guint         timeout;
  gsize         max_body_size;
  guint         owns_session : 1;
};

typedef struct
{
  RcExecutor   *executor;
  RcApi        *api;
  RcMethod     *method;
  RcAuth       *auth;          /* a snapshot of the effective auth */
  RcAuth       *source_auth;   /* the effective auth, which remembers a Basic form found */
  char         *secret;
  char         *verb;
  char         *url;
  GUri         *origin;
  GBytes       *body;
  char         *content_type;

  RcExchange   *exchange;
  RcToken      *token;
  SoupMessage  *message;
  RcHttpRecord *record;

  GCancellable *cancellable;   /* the deadline's: cancelled by the user's or the timer */
  RcDeadline   *deadline;
  gint64        start;
  guint         n_redirects;
  guint         replayed : 1;
} Call;

G_DEFINE_FINAL_TYPE (RcExecutor, rc_executor, G_TYPE_OBJECT)

/* What an error keeps beside its message: the libsoup or GIO error behind
 * a %RC_EXECUTOR_ERROR_NETWORK; the setting a %RC_EXECUTOR_ERROR_SETTINGS
 * is about, its problem without the window's remedy, and the URL parameter
 * without a value; so that a caller can tell them apart, or word them its
 * own way, without reading the message. */
typedef struct
{
  GError   *cause;
  RcSetting setting;
  char     *problem;
  char     *parameter;
} RcExecutorErrorPrivate;

static void
rc_executor_error_private_init (RcExecutorErrorPrivate *priv)
{
}

static void
rc_executor_error_private_copy (const RcExecutorErrorPrivate *src,
                                RcExecutorErrorPrivate       *dest)
{
  dest->cause = src->cause ? g_error_copy (src->cause) : NULL;
  dest->setting = src->setting;
  dest->problem = g_strdup (src->problem);
  dest->parameter = g_strdup (src->parameter);
}

static void
rc_executor_error_private_clear (RcExecutorErrorPrivate *priv)
{
  g_clear_error (&priv->cause);
  g_clear_pointer (&priv->problem, g_free);
  g_clear_pointer (&priv->parameter, g_free);
}

G_DEFINE_EXTENDED_ERROR (RcExecutorError, rc_executor_error)

RcSetting
_rc_executor_error_get_setting (const GError  *error,
                                const char   **problem)
{
  RcExecutorErrorPrivate *priv;

  if (error == NULL || error->domain != RC_EXECUTOR_ERROR)
    return RC_SETTING_NONE;

  priv = rc_executor_error_get_private (error);
  if (problem && priv->setting != RC_SETTING_NONE)
    *problem = priv->problem;
  return priv->setting;
}

/* An %RC_EXECUTOR_ERROR_SETTINGS error about @setting: “@problem @remedy”,
 * where @remedy says what to do in the window. */
static GError *
settings_error_new (RcSetting   setting,
                    const char *problem,
                    const char *remedy)
{
  GError *error = g_error_new (RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS, "%s %s", problem,
                               remedy);
  RcExecutorErrorPrivate *priv = rc_executor_error_get_private (error);

  priv->setting = setting;
  priv->problem = g_strdup (problem);
  return error;
}

static void send_message (GTask *task);

static void
call_free (Call *call)
{
  g_clear_pointer (&call->deadline, rc_deadline_free);
  g_clear_object (&call->executor);
  g_clear_object (&call->api);
  g_clear_object (&call->method);
  g_clear_object (&call->auth);
  g_clear_object (&call->source_auth);
  if (call->secret)
    memset (call->secret, 0, strlen (call->secret));
  g_clear_pointer (&call->secret, g_free);
  g_clear_pointer (&call->verb, g_free);
  g_clear_pointer (&call->url, g_free);
  g_clear_pointer (&call->origin, g_uri_unref);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_clear_pointer (&call->content_type, g_free);
  g_clear_object (&call->exchange);
  g_clear_object (&call->token);
  g_clear_object (&call->message);
  g_clear_object (&call->record);
  g_free (call);
}

/* The call ends here, whatever happened: finish never fails. */
static void
finish (GTask  *task,
        GError *error)
{
  Call *call = g_task_get_task_data (task);

  if (error)
    {
      if (rc_deadline_has_passed (call->deadline))
        {
          g_autofree char *url =
            rc_text_dup_url (call->url ? call->url : rc_method_get_url (call->method));
          g_autoptr(GError) timed_out =
            g_error_new (RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_TIMED_OUT,
                         _("The call to %s did not finish within %u seconds. Try again, or "
                           "allow it more time."),
                         url, call->executor->timeout);

          rc_exchange_set_error (call->exchange, timed_out);
        }
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                             _("The call was cancelled."));

          rc_exchange_set_error (call->exchange, cancelled);
        }
      else
        rc_exchange_set_error (call->exchange, error);
    }

  rc_exchange_set_duration_us (call->exchange, g_get_monotonic_time () - call->start);
  g_task_return_pointer (task, g_object_ref (call->exchange), g_object_unref);
}

static void
finish_with_error (GTask  *task,
                   GError *error)
{
  finish (task, error);
  g_error_free (error);
}

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  const char *host_a = g_uri_get_host (a);
  const char *host_b = g_uri_get_host (b);

  /* A URI without a host (“http:\\host\path”) has no origin: it matches
   * none, its own kind included. */
  if (host_a == NULL || host_b == NULL || host_a[0] == '\0' || host_b[0] == '\0')
    return FALSE;

  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0
         && g_ascii_strcasecmp (host_a, host_b) == 0
         && g_uri_get_port (a) == g_uri_get_port (b);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(RcHttpRecord) record = NULL;
  g_autoptr(RcToken) token = NULL;
  GError *error = NULL;

  token = rc_token_cache_get_token_finish (RC_TOKEN_CACHE (object), result, &record, &error);

  if (record)
    {
      rc_resolve_mask_record (call->method, record);
      rc_exchange_set_token_record (call->exchange, record);
    }

  if (token == NULL)
    {
      finish_with_error (task, error);
      return;
    }

  /* The other Basic form worked: the project's auth remembers it. */
  if (record && rc_http_record_get_previous_attempt (record))
    {
      RcBasicForm found = rc_auth_get_remembered_basic_form (call->auth);
      g_autofree char *note = rc_basic_form_dup_note (found);

      rc_exchange_add_note (call->exchange, note);
      rc_basic_form_remember (call->source_auth, call->auth, found);
    }

  /* Fetched for this call: how it was taken when the response does not
   * say its type, and what it was asked for, when it does not say what it
   * grants. */
  if (record && rc_token_get_type_unsaid (token))
    rc_exchange_add_note (call->exchange,
                          _("The authorization server did not say the token type; Restcall "
                            "sent the token as a Bearer token."));

  if (record && rc_token_get_scopes_unsaid (token) && rc_token_get_scopes (token)[0] != '\0')
    {
      g_autofree char *asked = rc_text_dup_printable (rc_token_get_scopes (token), -1, 500,
                                                      RC_TEXT_ONE_LINE);
      g_autofree char *note = g_strdup_printf (_("Restcall asked for the scopes “%s”; the token "
                                                 "response did not say which scopes the server "
                                                 "granted."),
                                               asked);

      rc_exchange_add_note (call->exchange, note);
    }

  g_set_object (&call->token, token);
  rc_exchange_set_token (call->exchange, token, record == NULL);

  send_message (task);
}

static void
get_token (GTask   *task,
           RcToken *rejected)
{
  Call *call = g_task_get_task_data (task);

  rc_token_cache_get_token_async (call->executor->token_cache, call->auth, call->secret,
                                  rejected, call->cancellable, token_cb, g_object_ref (task));
}

static void
apply_headers (SoupMessage *message,
               RcPairList  *headers)
{
  GListModel *list = G_LIST_MODEL (headers);
  guint n_items = g_list_model_get_n_items (list);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (list, i);

      if (rc_pair_get_name (pair)[0] != '\0')
        soup_message_headers_replace (soup_message_get_request_headers (message),
                                      rc_pair_get_name (pair), rc_pair_get_value (pair));
    }
}

/* Authentication comes last and replaces an Authorization header set by
 * hand. A token that cannot be sent fails the call: libsoup would leave
 * the header out and send the call without it. */
static gboolean
apply_auth (Call         *call,
            SoupMessage  *message,
            GError      **error)
{
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);
  g_autofree char *value = NULL;
  RcAuthKind kind = rc_auth_get_kind (call->auth);

  if (kind == RC_AUTH_KIND_NONE)
    return TRUE;

  if (kind == RC_AUTH_KIND_BASIC)
    {
      g_autofree char *credentials = rc_http_basic_credentials (rc_auth_get_username (call->auth),
                                                                call->secret ? call->secret : "");

      value = g_strconcat ("Basic ", credentials, NULL);
    }
  else
    {
      const char *token = rc_token_get_access_token (call->token);
      g_autofree char *problem =
        rc_wire_check_bearer_token (rc_auth_get_token_url (call->auth), token);

      if (problem)
        {
          g_set_error_literal (error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS, problem);
          return FALSE;
        }
      value = g_strconcat ("Bearer ", token, NULL);
    }

  if (soup_message_headers_get_one (headers, "Authorization")
      && !rc_exchange_get_authorization_overridden (call->exchange))
    {
      rc_exchange_set_authorization_overridden (call->exchange, TRUE);
      rc_exchange_add_note (
        call->exchange,
        kind == RC_AUTH_KIND_BASIC
          ? _("The Authorization header set by hand was replaced by Basic authentication.")
          : _("The Authorization header set by hand was replaced by the OAuth 2.0 token."));
    }

  soup_message_headers_replace (headers, "Authorization", value);
  memset (value, 0, strlen (value));

  return TRUE;
}

/* Certificate-bound tokens (RFC 8705 §3) are good only with the
 * certificate they were issued to: an auth that presents one to the
 * authorization server presents it to the API too. */
static gboolean
apply_client_cert (Call         *call,
                   SoupMessage  *message,
                   GError      **error)
{
  g_autoptr(GTlsCertificate) certificate = NULL;

  if (!rc_client_cert_is_used (call->auth))
    return TRUE;

  certificate = rc_client_cert_load (call->auth, call->secret, error);
  if (certificate == NULL)
    return FALSE;

  rc_client_cert_present (message, certificate);

  return TRUE;
}

/* The last check before anything goes out: a verb, a content type or a
 * header that would break the request or add another. Headers can change
 * while a token is fetched, so this runs before each send. */
static gboolean
check_wire (Call     *call,
            GError  **error)
{
  g_autofree char *problem = rc_wire_check_method (call->method);

  if (problem == NULL)
    problem = rc_wire_check_verb (NULL, call->verb);
  if (problem == NULL && call->content_type)
    problem = rc_wire_check_content_type (NULL, call->content_type);

  if (problem)
    {
      g_set_error_literal (error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS, problem);
      return FALSE;
    }

  return TRUE;
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) challenge = NULL;
  SoupMessageHeaders *response_headers;
  gboolean not_renewed = FALSE;
  guint status;

  body = rc_http_send_and_read_finish (result, &error);

  if (error)
    {
      g_autofree char *url = rc_text_dup_url (call->url);
      g_autofree char *what = g_strdup_printf (_("the API at %s"), url);
      g_autoptr(GError) wrapped = NULL;

      if (soup_message_get_status (call->message) != SOUP_STATUS_NONE)
        rc_http_record_set_response (call->record, call->message, NULL);

      if (g_error_matches (error, RC_HTTP_ERROR, RC_HTTP_ERROR_TOO_LARGE))
        {
          g_autofree char *size = rc_http_format_size (call->executor->max_body_size);

          wrapped =
            g_error_new (RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_TOO_LARGE,
                         _("The API at %s answered HTTP %u with a body larger than %s once "
                           "decompressed, the most Restcall reads; it stopped reading there. "
                           "Ask the API for less (a page, a filter), or allow more (restcall "
                           "--max-size)."),
                         url, soup_message_get_status (call->message), size);
          rc_http_record_set_error (call->record, wrapped);
          finish (task, wrapped);
          return;
        }

      rc_http_set_transport_error (&wrapped, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_NETWORK,
                                   call->message, what, error);
      if (wrapped->domain == RC_EXECUTOR_ERROR)
        rc_executor_error_get_private (wrapped)->cause = g_error_copy (error);
      rc_http_record_set_error (call->record, wrapped);
      finish (task, wrapped);
      return;
    }

  rc_http_record_set_response (call->record, call->message, body);
  status = soup_message_get_status (call->message);
  response_headers = soup_message_get_response_headers (call->message);

  /* Redirects: followed within the API's origin only. */
  if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
      && soup_message_headers_get_one (response_headers, "Location"))
    {
      const char *location = soup_message_headers_get_one (response_headers, "Location");
      g_autoptr(GUri) target = g_uri_parse_relative (soup_message_get_uri (call->message),
                                                      location, SOUP_HTTP_URI_FLAGS, NULL);
      g_autofree char *note = NULL;
      g_autofree char *shown = NULL;

      if (target == NULL || !same_origin (target, call->origin))
        {
          /* The server's text, so cleaned; a password in it is not shown. */
          shown = rc_text_dup_url (location);
          note = g_strdup_printf (_("The API redirected to “%s”, another origin. Restcall did not "
                                    "follow, so that the credentials stay with the API."),
                                  shown);
          rc_exchange_add_note (call->exchange, note);
          finish (task, NULL);
          return;
        }

      if (++call->n_redirects > MAX_REDIRECTS)
        {
          shown = rc_text_dup_url (call->url);
          finish_with_error (task,
                             g_error_new (RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_TOO_MANY_REDIRECTS,
                                          _("The API at %s redirected more than %d times. "
                                            "Check the method’s URL."),
                                          shown, MAX_REDIRECTS));
          return;
        }

      g_free (call->url);
      call->url = g_uri_to_string (target);
      shown = rc_text_dup_url (call->url);
      note = g_strdup_printf (_("Followed the API’s redirect (HTTP %u) to %s."), status, shown);
      rc_exchange_add_note (call->exchange, note);

      /* As browsers do: 303, and 301/302 after a POST, become a GET. */
      if (status == 303 || ((status == 301 || status == 302) && g_str_equal (call->verb, "POST")))
        {
          g_free (call->verb);
          call->verb = g_strdup ("GET");
          g_clear_pointer (&call->body, g_bytes_unref);
        }

      send_message (task);
      return;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    challenge = rc_api_refusal_parse_challenge (soup_message_headers_get_list (response_headers,
                                                                               "WWW-Authenticate"));

  /* A refused token: a new one, and the call once more; not when the API
   * says the token is for another audience, as a new one would be too. */
  if (status == SOUP_STATUS_UNAUTHORIZED
      && rc_auth_get_kind (call->auth) == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS
      && challenge != NULL
      && !call->replayed)
    {
      if (!rc_api_refusal_is_audience (challenge))
        {
          call->replayed = TRUE;
          rc_exchange_add_note (call->exchange,
                                _("The API refused the token (HTTP 401); Restcall fetched a new "
                                  "one and sent the call once more."));
          get_token (task, call->token);
          return;
        }
      not_renewed = TRUE;
    }

  /* The API's words, last: what the user reads first. */
  if (challenge)
    {
      g_autofree char *note =
        rc_api_refusal_dup_note (challenge, status, call->token, call->replayed, not_renewed);

      if (note)
        rc_exchange_add_note (call->exchange, note);
    }

  finish (task, NULL);
}

static void
send_message (GTask *task)
{
  Call *call = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = NULL;
  GError *error = NULL;

  if (!check_wire (call, &error))
    {
      finish_with_error (task, error);
      return;
    }

  message = soup_message_new (call->verb, call->url);
  if (message == NULL)
    {
      g_autofree char *url = rc_text_dup_url (call->url);

      finish_with_error (task, g_error_new (RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS,
                                            _("“%s” is not a valid URL. Check the API’s base URL "
                                              "and the method’s URL."),
                                            url));
      return;
    }

  apply_headers (message, rc_api_get_headers (call->api));
  apply_headers (message, rc_method_get_headers (call->method));

  if (call->body)
    soup_message_set_request_body_from_bytes (message, call->content_type, call->body);

  if (!apply_auth (call, message, &error) || !apply_client_cert (call, message, &error))
    {
      finish_with_error (task, error);
      return;
    }

  soup_message_add_flags (message,
                          SOUP_MESSAGE_NO_REDIRECT
                          | SOUP_MESSAGE_DO_NOT_USE_AUTH_CACHE
                          | SOUP_MESSAGE_COLLECT_METRICS);

  g_set_object (&call->message, message);
  g_clear_object (&call->record);
  call->record = rc_http_record_new_for_request (message, call->body);
  rc_resolve_mask_record (call->method, call->record);
  rc_exchange_add_api_record (call->exchange, call->record);

  rc_http_send_and_read_async (call->executor->session, message, call->executor->max_body_size,
                               call->cancellable, sent_cb, g_object_ref (task));
}

static void
rc_executor_finalize (GObject *object)
{
  RcExecutor *self = (RcExecutor *)object;

  g_clear_object (&self->token_cache);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rc_executor_parent_class)->finalize (object);
}

static void
rc_executor_class_init (RcExecutorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_executor_finalize;
}

static void
rc_executor_init (RcExecutor *self)
{
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  self->max_body_size = RC_HTTP_DEFAULT_MAX_BODY_SIZE;
}

/**
 * rc_executor_new_for_session:
 *
 * Uses @session for API calls and token requests; libsoup's own
 * authentication manager is removed from it.
 */
RcExecutor *
rc_executor_new_for_session (SoupSession *session)
{
  RcExecutor *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);

  self = g_object_new (RC_TYPE_EXECUTOR, NULL);
  self->session = g_object_ref (session);
  soup_session_remove_feature_by_type (session, SOUP_TYPE_AUTH_MANAGER);
  self->token_cache = rc_token_cache_new (session);

  return self;
}

RcExecutor *
rc_executor_new (void)
{
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *user_agent = g_strdup_printf ("Restcall/%s", PACKAGE_VERSION);
  RcExecutor *self;

  /* The session's I/O timeout stays longer than the call's deadline, so
   * that the deadline is what the user hears about. */
  session = soup_session_new_with_options ("user-agent", user_agent,
                                           "timeout", DEFAULT_TIMEOUT_SECONDS + 5,
                                           "max-conns-per-host", 16,
                                           NULL);
  self = rc_executor_new_for_session (session);
  self->owns_session = TRUE;

  return self;
}

/**
 * rc_executor_get_session:
 *
 * Returns: (transfer none): the session calls go through
 */
SoupSession *
rc_executor_get_session (RcExecutor *self)
{
  g_return_val_if_fail (RC_IS_EXECUTOR (self), NULL);

  return self->session;
}

/**
 * rc_executor_set_tls_database:
 * @database: (nullable): the certificate authorities API and authorization
 *   servers are checked against, or %NULL for the system's
 *
 * Trusts a private CA (`--cacert`), for token requests and API calls alike.
 */
void
rc_executor_set_tls_database (RcExecutor   *self,
                              GTlsDatabase *database)
{
  g_return_if_fail (RC_IS_EXECUTOR (self));
  g_return_if_fail (!database || G_IS_TLS_DATABASE (database));

  soup_session_set_tls_database (self->session, database);
}

/**
 * rc_executor_get_token_cache:
 *
 * Returns: (transfer none): the token cache every call shares
 */
RcTokenCache *
rc_executor_get_token_cache (RcExecutor *self)
{
  g_return_val_if_fail (RC_IS_EXECUTOR (self), NULL);

  return self->token_cache;
}

guint
rc_executor_get_timeout (RcExecutor *self)
{
  g_return_val_if_fail (RC_IS_EXECUTOR (self), 0);

  return self->timeout;
}

/**
 * rc_executor_set_timeout:
 * @seconds: how long a whole call may take, token request included
 */
void
rc_executor_set_timeout (RcExecutor *self,
                         guint       seconds)
{
  g_return_if_fail (RC_IS_EXECUTOR (self));
  g_return_if_fail (seconds > 0);

  self->timeout = seconds;
  if (self->owns_session)
    soup_session_set_timeout (self->session, seconds + 5);
}

gsize
rc_executor_get_max_body_size (RcExecutor *self)
{
  g_return_val_if_fail (RC_IS_EXECUTOR (self), 0);

  return self->max_body_size;
}

/**
 * rc_executor_set_max_body_size:
 * @max_size: how many bytes of a response body, decompressed, a call reads
 *   at most (%RC_HTTP_DEFAULT_MAX_BODY_SIZE by default); past it, the call
 *   fails with %RC_EXECUTOR_ERROR_TOO_LARGE
 */
void
rc_executor_set_max_body_size (RcExecutor *self,
                               gsize       max_size)
{
  g_return_if_fail (RC_IS_EXECUTOR (self));
  g_return_if_fail (max_size > 0);

  self->max_body_size = max_size;
}

/**
 * rc_executor_build_url:
 * @values: (nullable): values for the URL's parameters; %NULL for the
 *   method's test values
 *
 * Joins the API's base URL and the method's URL template (unless the
 * template is absolute) and fills in each `{name}` with its value,
 * percent-encoded, leaving out a query parameter without a value
 * (rc_url_template_expand(), rc_executor_dup_left_out()): only a path
 * parameter must have one.
 *
 * Returns: (transfer full): the URL, or %NULL with an error naming the
 *   parameter or the URL at fault
 */
char *
rc_executor_build_url (RcMethod    *method,
                       RcPairList  *values,
                       GError     **error)
{
  RcApi *api = rc_method_get_api (method);
  const char *template = rc_method_get_url (method);
  g_autofree char *joined = NULL;
  g_autofree char *url = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (RC_IS_METHOD (method), NULL);

  if (values == NULL)
    values = rc_method_get_test_values (method);

  joined = rc_url_template_join (api ? rc_api_get_base_url (api) : "", template);
  if (joined == NULL)
    {
      g_autofree char *shown = rc_text_dup_url (template);
      g_autofree char *problem =
        g_strdup_printf (_("The method “%s” has the relative URL “%s” but its API has no base "
                           "URL."),
                         rc_method_get_name (method), shown);

      g_propagate_error (error, settings_error_new (RC_SETTING_BASE_URL, problem,
                                                    _("Enter the API’s base URL, or a full URL "
                                                      "for the method.")));
      return NULL;
    }

  /* A path needs every value; a query parameter without one is left out
   * (rc_executor_dup_left_out()). */
  {
    g_autoptr(GArray) parameters = rc_url_template_dup_parameters (joined);
    g_autoptr(GPtrArray) in_path = g_ptr_array_new ();

    for (guint i = 0; i < parameters->len; i++)
      {
        RcUrlParameter *parameter = &g_array_index (parameters, RcUrlParameter, i);

        const char *value = rc_pair_list_lookup (values, parameter->name);

        if (parameter->kind != RC_URL_PARAMETER_PATH)
          continue;

        /* An empty segment is no value for a path. */
        if ((value == NULL || value[0] == '\0') && missing == NULL)
          missing = g_strdup (parameter->name);
        g_ptr_array_add (in_path, parameter->name);
      }
    g_ptr_array_add (in_path, NULL);

    if (missing == NULL)
      url = rc_url_template_expand (joined, values, (const char * const *) in_path->pdata,
                                    &missing);
  }
  if (url == NULL)
    {
      g_autofree char *problem =
        g_strdup_printf (_("The URL parameter “%s” of the method “%s” has no value."), missing,
                         rc_method_get_name (method));
      g_autoptr(GError) local_error =
        settings_error_new (RC_SETTING_PARAMETER, problem, _("Enter a test value for it."));

      rc_executor_error_get_private (local_error)->parameter = g_steal_pointer (&missing);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL
      || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0
          && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0)
      || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_autofree char *shown = rc_text_dup_url (url);

      g_set_error (error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS,
                   _("“%s” is not a valid http:// or https:// URL. Check the API’s base URL and "
                     "the method’s URL."),
                   shown);
      return NULL;
    }

  return g_steal_pointer (&url);
}

/**
 * rc_executor_dup_left_out:
 * @values: (nullable): values for the URL's parameters; %NULL for the
 *   method's test values
 *
 * Returns: (transfer full): a note for each query parameter of @method's
 *   URL that rc_executor_build_url() leaves out, having no value; saying
 *   so when the API's description requires it. %NULL-terminated.
 */
char **
rc_executor_dup_left_out (RcMethod   *method,
                          RcPairList *values)
{
  g_autoptr(GStrvBuilder) notes = g_strv_builder_new ();
  g_autoptr(GArray) parameters = NULL;

  g_return_val_if_fail (RC_IS_METHOD (method), NULL);

  if (values == NULL)
    values = rc_method_get_test_values (method);

  parameters = rc_url_template_dup_parameters (rc_method_get_url (method));
  for (guint i = 0; i < parameters->len; i++)
    {
      RcUrlParameter *parameter = &g_array_index (parameters, RcUrlParameter, i);
      const char *value = rc_pair_list_lookup (values, parameter->name);
      g_autofree char *note = NULL;

      if (parameter->kind != RC_URL_PARAMETER_QUERY || (value != NULL && value[0] != '\0'))
        continue;

      if (rc_method_is_parameter_required (method, parameter->name))
        note = g_strdup_printf (_("The query parameter “%s” has no test value, so it is left "
                                  "out, though the API’s description says it is required."),
                                parameter->name);
      else
        note = g_strdup_printf (_("The query parameter “%s” has no test value, so it is left "
                                  "out."),
                                parameter->name);
      g_strv_builder_add (notes, note);
    }

  return g_strv_builder_end (notes);
}

/**
 * rc_executor_call_async:
 * @method: a method of an API
 * @values: (nullable): values for the URL's parameters; %NULL for the
 *   method's test values
 * @secret: (nullable): the client secret or Basic password of the
 *   method's effective authentication
 */
void
rc_executor_call_async (RcExecutor          *self,
                        RcMethod            *method,
                        RcPairList          *values,
                        const char          *secret,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RcAuth *auth;
  Call *call;
  const char *body;

  g_return_if_fail (RC_IS_EXECUTOR (self));
  g_return_if_fail (RC_IS_METHOD (method));
  g_return_if_fail (RC_IS_API (rc_method_get_api (method)));

  call = g_new0 (Call, 1);
  call->start = g_get_monotonic_time ();
  call->executor = g_object_ref (self);
  call->method = g_object_ref (method);
  call->api = g_object_ref (rc_method_get_api (method));
  auth = rc_method_get_effective_auth (method);
  call->auth = rc_auth_copy (auth);
  call->source_auth = g_object_ref (rc_auth_get_source (auth));
  call->secret = g_strdup (secret ? secret : "");
  call->verb = g_strdup (rc_method_get_verb (method));
  call->exchange = rc_exchange_new ();

  body = rc_method_get_body (method);
  if (body[0] != '\0')
    {
      call->body = g_bytes_new (body, strlen (body));
      call->content_type = g_strdup (rc_method_get_body_content_type (method));
    }

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, rc_executor_call_async);
  g_task_set_task_data (task, call, (GDestroyNotify)call_free);

  call->deadline = rc_deadline_new (cancellable, self->timeout);
  call->cancellable = rc_deadline_get_cancellable (call->deadline);

  call->url = rc_executor_build_url (method, values, &error);
  if (call->url == NULL)
    {
      finish (task, error);
      return;
    }

  {
    g_auto(GStrv) left_out = rc_executor_dup_left_out (method, values);

    for (guint i = 0; left_out[i]; i++)
      rc_exchange_add_request_note (call->exchange, left_out[i]);
  }
  call->origin = g_uri_parse (call->url, SOUP_HTTP_URI_FLAGS, NULL);

  /* Before a token is fetched for a call that cannot be sent. */
  if (!check_wire (call, &error))
    {
      finish (task, error);
      return;
    }

  if (g_cancellable_is_cancelled (call->cancellable))
    {
      g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "");

      finish (task, cancelled);
      return;
    }

  if (rc_auth_get_kind (call->auth) == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    get_token (task, NULL);
  else
    send_message (task);
}

/**
 * rc_executor_call_finish:
 *
 * Never fails: the exchange says what happened, and why the call got no
 * response if it did not (rc_exchange_get_error()).
 *
 * Returns: (transfer full): the exchange
 */
RcExchange *
rc_executor_call_finish (RcExecutor   *self,
                         GAsyncResult *result)
{
  g_return_val_if_fail (RC_IS_EXECUTOR (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_executor_call_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}

/**
 * rc_executor_error_get_cause:
 * @error: an error of any domain
 *
 * Returns: (nullable): the libsoup, GIO or GnuTLS error behind an
 *   %RC_EXECUTOR_ERROR_NETWORK error, whose message words it; %NULL for
 *   any other error
 */
const GError *
rc_executor_error_get_cause (const GError *error)
{
  if (error == NULL || error->domain != RC_EXECUTOR_ERROR)
    return NULL;

  return rc_executor_error_get_private (error)->cause;
}

/**
 * rc_executor_error_get_parameter:
 * @error: an error of any domain
 *
 * Returns: (nullable): the URL parameter that has no value, behind an
 *   %RC_EXECUTOR_ERROR_SETTINGS error of rc_executor_build_url(); %NULL for
 *   any other error
 */
const char *
rc_executor_error_get_parameter (const GError *error)
{
  if (error == NULL || error->domain != RC_EXECUTOR_ERROR)
    return NULL;

  return rc_executor_error_get_private (error)->parameter;
}
