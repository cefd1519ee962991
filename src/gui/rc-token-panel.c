/* rc-token-panel.c: the access token of an API with OAuth 2.0: its state, scopes and claims
 *
 * The panel shows what its context's token cache (rc_context_get_executor(),
 * shared by every window of the application) holds for the API's
 * authentication: no token, a token valid for so long (counted down once
 * a second while the panel is on screen), or one that expired. It is
 * visible only while the API uses OAuth 2.0 client credentials, and
 * follows the edits of its authentication: another client ID or scope is
 * another token.
 *
 * "Get New Token" looks the client secret up in the keyring and asks the
 * authorization server for a new token (rc_call_fetch_token_async(): the
 * cached one is dropped, as after a refusal); "Clear Token" forgets it.
 * Neither waits on the main loop, and a request can be cancelled. A
 * client secret saved for another token URL origin or client ID is not
 * sent: the panel asks first (rc-secret-prompt.c), and emits
 * RcTokenPanel::secret-wanted when the user would rather type a new one.
 *
 * Each token request sent is kept in the context's history, as the API's
 * own (rc_history_record(), off the main thread), unless it was
 * cancelled.
 *
 * The token itself stays hidden unless asked for; the claims of a JWT are
 * shown decoded (decoding runs in a worker thread).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-secret-prompt.h"
#include "rc-token-panel.h"

struct _RcTokenPanel
{
  AdwPreferencesGroup  parent_instance;

  RcContext           *context;
  RcApi               *api;
  char                *project_id;
  RcToken             *token;         /* the last token shown, held to tell "expired" */
  char                *token_key;     /* the cache key it was shown for */
  RcResolver          *resolver;      /* of the last token fetched: its secret variables' values */
  GCancellable        *request_cancellable;
  GCancellable        *decode_cancellable;
  guint                tick_id;

  AdwActionRow        *state_row;
  GtkImage            *state_icon;
  GtkSpinner          *spinner;
  AdwActionRow        *scopes_row;
  AdwActionRow        *value_row;
  GtkToggleButton     *reveal_button;
  GtkLabel            *error_label;
  GtkWidget           *clear_button;
  GtkWidget           *cancel_button;
  GtkWidget           *get_button;
  GtkWidget           *claims_heading;
  GtkTextView         *claims_view;
};

/* A token request, and the panel and API it was made for. */
typedef struct
{
  RcTokenPanel    *self;
  RcContext       *context;
  RcApi           *api;
  RcAuth          *auth;          /* a snapshot: edits made meanwhile do not mix in; filled in
                                   * from the active environment once resolved */
  RcResolver      *resolver;
  RcSecretBinding *binding;       /* where the snapshot sends the secret, when saved elsewhere */
  char            *project_id;
  GCancellable    *cancellable;
} Request;

/* What a worker thread made of a token. */
typedef struct
{
  char *header;
  char *claims;
  char *error;
} Decoded;

static void token_cb           (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data);
static void prompt_answered_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data);

G_DEFINE_FINAL_TYPE (RcTokenPanel, rc_token_panel, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_API,
  PROP_READY,
  N_PROPS
};

enum {
  SECRET_WANTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static Request *
request_new (RcTokenPanel *self)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->context = g_object_ref (self->context);
  request->api = g_object_ref (self->api);
  request->auth = rc_auth_copy (rc_api_get_auth (self->api));
  request->project_id = g_strdup (self->project_id);
  request->cancellable = g_object_ref (self->request_cancellable);

  return request;
}

static void
request_free (Request *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->context);
  g_clear_object (&request->api);
  g_clear_object (&request->auth);
  g_clear_object (&request->resolver);
  g_clear_pointer (&request->binding, rc_secret_binding_free);
  g_free (request->project_id);
  g_clear_object (&request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static gboolean
request_is_current (Request *request)
{
  return request->self->request_cancellable == request->cancellable
         && request->self->api == request->api;
}

static void
decoded_free (Decoded *decoded)
{
  g_free (decoded->header);
  g_free (decoded->claims);
  g_free (decoded->error);
  g_free (decoded);
}

static RcTokenCache *
get_cache (RcTokenPanel *self)
{
  return rc_executor_get_token_cache (rc_context_get_executor (self->context));
}

static RcAuth *
get_auth (RcTokenPanel *self)
{
  return self->api ? rc_api_get_auth (self->api) : NULL;
}

/* The API's authentication as the project's active environment makes it,
 * secret variables left unfilled: what tells its cached token; the one
 * written when it cannot be filled in. */
static RcAuth *
dup_key_auth (RcTokenPanel *self)
{
  g_autoptr(RcResolver) resolver = rc_resolver_new_for_api (self->api);
  RcAuth *resolved = NULL;

  /* The values the last token was fetched with, in the same environment:
   * a secret variable in a token parameter makes the key too. */
  if (self->resolver
      && rc_resolver_get_environment (self->resolver) == rc_resolver_get_environment (resolver))
    resolved = rc_resolver_resolve_auth (self->resolver, get_auth (self), NULL);

  if (resolved == NULL)
    {
      rc_resolver_leave_secrets (resolver);
      resolved = rc_resolver_resolve_auth (resolver, get_auth (self), NULL);
    }

  return resolved ? resolved : g_object_ref (get_auth (self));
}

static gboolean
is_oauth2 (RcTokenPanel *self)
{
  RcAuth *auth = get_auth (self);

  return auth && rc_auth_get_kind (auth) == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS;
}

static gboolean
is_running (RcTokenPanel *self)
{
  return self->request_cancellable != NULL;
}

static void
show_state (RcTokenPanel *self,
            const char   *title,
            const char   *subtitle,
            const char   *icon_name,
            gboolean      warning)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), title);
  adw_action_row_set_subtitle (self->state_row, subtitle ? subtitle : "");
  gtk_image_set_from_icon_name (self->state_icon, icon_name);

  if (warning)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "warning");
}

static void
show_error (RcTokenPanel *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_running (RcTokenPanel *self,
              gboolean      running)
{
  gboolean had_focus = gtk_widget_has_focus (running ? self->get_button : self->cancel_button);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_widget_set_visible (self->get_button, !running);
  gtk_widget_set_sensitive (self->clear_button, !running && self->token != NULL);

  /* The keyboard stays where it was when its button goes away. */
  if (had_focus)
    gtk_widget_grab_focus (running ? self->cancel_button : self->get_button);
}

static void
show_value (RcTokenPanel *self)
{
  if (self->token && gtk_toggle_button_get_active (self->reveal_button))
    adw_action_row_set_subtitle (self->value_row, rc_token_get_access_token (self->token));
  else
    /* Translators: stands for a token that is not shown */
    adw_action_row_set_subtitle (self->value_row, _("Hidden"));
}

/* The time of a claim's line, like `  "exp": 1765103600,`: iat, exp or
 * nbf, a number of seconds since 1970 (RFC 7519 §4.1); NULL for another. */
static GDateTime *
dup_claim_time (const char *line)
{
  static const char * const names[] = { "\"iat\": ", "\"exp\": ", "\"nbf\": " };
  const char *number = NULL;
  guint64 seconds;
  char *end;

  if (!g_str_has_prefix (line, "  \""))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names) && number == NULL; i++)
    if (g_str_has_prefix (line + 2, names[i]))
      number = line + 2 + strlen (names[i]);

  if (number == NULL || !g_ascii_isdigit (*number))
    return NULL;

  seconds = g_ascii_strtoull (number, &end, 10);
  if (*end != '\0' && g_strcmp0 (end, ",") != 0)
    return NULL;

  return g_date_time_new_from_unix_local (MIN (seconds, G_MAXINT64 / 2));
}

/* The claims as decoded, and beside each time claim its local date. */
static void
insert_claims (GtkTextBuffer *buffer,
               const char    *claims)
{
  g_auto(GStrv) lines = g_strsplit (claims, "\n", -1);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr(GDateTime) time = dup_claim_time (lines[i]);

      gtk_text_buffer_insert (buffer, &end, lines[i], -1);
      if (time != NULL)
        {
          g_autofree char *date = g_date_time_format (time, "%c");

          gtk_text_buffer_insert (buffer, &end, "  ", -1);
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, date, -1, "note", NULL);
        }
      if (lines[i + 1] != NULL)
        gtk_text_buffer_insert (buffer, &end, "\n", -1);
    }
}

static void
set_claims_text (RcTokenPanel *self,
                 const char   *header,
                 const char   *claims,
                 const char   *message)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->claims_view);
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_get_end_iter (buffer, &end);

  if (message)
    {
      gtk_text_buffer_insert (buffer, &end, message, -1);
      return;
    }

  /* Translators: a heading above the decoded header of a JSON Web Token */
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, _("Header"), -1, "heading", NULL);
  gtk_text_buffer_insert (buffer, &end, "\n", -1);
  gtk_text_buffer_insert (buffer, &end, header, -1);
  gtk_text_buffer_insert (buffer, &end, "\n\n", -1);
  /* Translators: a heading above the decoded claims of a JSON Web Token */
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, _("Claims"), -1, "heading", NULL);
  gtk_text_buffer_insert (buffer, &end, "\n", -1);
  insert_claims (buffer, claims);
}

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *token = task_data;
  Decoded *decoded = g_new0 (Decoded, 1);
  g_autoptr(GError) error = NULL;

  if (!rc_jwt_decode (token, &decoded->header, &decoded->claims, &error))
    decoded->error = g_strdup (error->message);

  g_task_return_pointer (task, decoded, (GDestroyNotify) decoded_free);
}

static void
decoded_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RcTokenPanel *self = RC_TOKEN_PANEL (object);
  Decoded *decoded = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Cancelled: another token, or none, is shown now. */
  if (decoded == NULL)
    return;

  g_clear_object (&self->decode_cancellable);
  set_claims_text (self, decoded->header, decoded->claims, decoded->error);
  decoded_free (decoded);
}

/* Shows @token (or none), if it is not already shown. */
static void
hold_token (RcTokenPanel *self,
            RcToken      *token,
            const char   *key)
{
  g_autoptr(GTask) task = NULL;

  if (self->token == token)
    return;

  g_set_object (&self->token, token);
  g_free (self->token_key);
  self->token_key = g_strdup (key);

  g_cancellable_cancel (self->decode_cancellable);
  g_clear_object (&self->decode_cancellable);
  gtk_toggle_button_set_active (self->reveal_button, FALSE);
  show_value (self);

  gtk_widget_set_sensitive (self->clear_button, token != NULL && !is_running (self));
  gtk_widget_set_visible (GTK_WIDGET (self->scopes_row), token != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->value_row), token != NULL);
  gtk_widget_set_visible (self->claims_heading, token != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->claims_view), token != NULL);
  set_claims_text (self, NULL, NULL, "");

  if (token == NULL)
    return;

  adw_action_row_set_subtitle (self->scopes_row,
                               rc_token_get_scopes (token)[0] ? rc_token_get_scopes (token)
                                                              : _("None named"));

  self->decode_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->decode_cancellable, decoded_cb, NULL);
  g_task_set_source_tag (task, hold_token);
  g_task_set_task_data (task, g_strdup (rc_token_get_access_token (token)), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, decode_thread);
}

/* Reads the cache again, and says where the token stands. */
static void
refresh (RcTokenPanel *self)
{
  g_autoptr(RcAuth) auth = NULL;
  g_autofree char *key = NULL;
  RcToken *cached;

  gtk_widget_set_visible (GTK_WIDGET (self), is_oauth2 (self));

  if (!is_oauth2 (self))
    {
      hold_token (self, NULL, NULL);
      return;
    }

  auth = dup_key_auth (self);
  key = rc_token_cache_dup_key (auth);
  cached = rc_token_cache_lookup (get_cache (self), auth);

  if (cached)
    hold_token (self, cached, key);
  else if (self->token && g_strcmp0 (self->token_key, key) != 0)
    /* Another client, scope or server: the token shown was not for it. */
    hold_token (self, NULL, NULL);

  if (is_running (self))
    {
      show_state (self, _("Getting a new token…"),
                  rc_auth_get_token_url (auth), "content-loading-symbolic", FALSE);
      return;
    }

  if (self->token == NULL)
    {
      show_state (self, _("No token"),
                  _("Get one now, or test a method: Restcall gets one when a call needs it."),
                  "channel-insecure-symbolic", FALSE);
      return;
    }

  if (cached == NULL && rc_token_get_lifetime (self->token) == RC_TOKEN_LIFETIME_NONE)
    {
      show_state (self, _("Not kept"),
                  _("The authorization server gave no usable lifetime, so Restcall gets a new "
                    "token for every call."),
                  "dialog-warning-symbolic", TRUE);
      return;
    }

  if (cached == NULL)
    {
      show_state (self, _("Expired"),
                  _("The next call gets a new token, or get one now."),
                  "dialog-warning-symbolic", TRUE);
      return;
    }

  if (rc_token_get_lifetime (self->token) == RC_TOKEN_LIFETIME_KNOWN)
    {
      gint64 left = rc_token_get_expires_in (self->token);
      g_autofree char *duration = rc_token_format_duration (left);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) expires = g_date_time_add_seconds (now, left);
      g_autofree char *time = g_date_time_format (expires, "%X");

      /* Translators: %s is a duration, such as “59 s” or “4 min 10 s” */
      title = g_strdup_printf (_("Valid for %s"), duration);
      /* Translators: %s is a time of day */
      subtitle = g_strdup_printf (_("Expires at %s"), time);
      show_state (self, title, subtitle, "channel-secure-symbolic", FALSE);
    }
  else
    show_state (self, _("Valid until the API refuses it"),
                _("The authorization server did not say when it expires."),
                "channel-secure-symbolic", FALSE);
}

static void
stop_request (RcTokenPanel *self)
{
  g_cancellable_cancel (self->request_cancellable);
  g_clear_object (&self->request_cancellable);
  show_running (self, FALSE);
}

static void
disconnect_api (RcTokenPanel *self)
{
  if (self->api == NULL)
    return;

  g_signal_handlers_disconnect_by_data (rc_api_get_auth (self->api), self);
}

/* Callbacks */

static gboolean
tick_cb (gpointer user_data)
{
  refresh (user_data);

  return G_SOURCE_CONTINUE;
}

static void
auth_changed_cb (RcTokenPanel *self)
{
  refresh (self);
}

/* Ends the request with @message (or none), the panel as it was. */
static void
end_request (RcTokenPanel *self,
             const char   *message)
{
  g_clear_object (&self->request_cancellable);
  show_running (self, FALSE);
  show_error (self, message);
  refresh (self);
}

/* Keeps a token request that was sent in the history, unless it was
 * cancelled, with the environment it was made in. */
static void
keep_in_history (Request      *request,
                 RcToken      *token,
                 RcHttpRecord *record,
                 const GError *error)
{
  g_autoptr(RcExchange) exchange = NULL;

  if (record == NULL || request->project_id == NULL
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Its secret variables' values masked, as a call's are. */
  rc_resolve_mask_record (request->auth, record);
  exchange = rc_exchange_new_for_token_request (token, record, error);
  rc_history_record (rc_context_get_history (request->context), request->project_id,
                     request->api, NULL, NULL, request->resolver, exchange);
}

static void
cache_token_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcHttpRecord) record = NULL;
  g_autoptr(RcToken) token =
    rc_token_cache_get_token_finish (RC_TOKEN_CACHE (object), result, &record, &error);

  keep_in_history (request, token, record, error);

  if (!request_is_current (request))
    return;

  if (token)
    {
      g_autofree char *key = rc_token_cache_dup_key (request->auth);

      g_set_object (&request->self->resolver, request->resolver);
      hold_token (request->self, token, key);
      end_request (request->self, NULL);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    end_request (request->self, error->message);
}

/* Looks the client secret of @request up (taking @request), then asks
 * for a new token; a secret variable's value the resolver has already. */
static void
fetch_token (Request *request)
{
  const char *variable_secret = rc_resolver_get_auth_secret (request->resolver, request->auth);

  if (variable_secret)
    {
      RcExecutor *executor = rc_context_get_executor (request->context);
      RcTokenCache *cache = rc_executor_get_token_cache (executor);

      /* A new token, not the cached one, as rc_call_fetch_token_async() asks. */
      rc_token_cache_get_token_async (cache, request->auth, variable_secret,
                                      rc_token_cache_lookup (cache, request->auth),
                                      request->cancellable, cache_token_cb, request);
      return;
    }

  rc_call_fetch_token_async (rc_context_get_executor (request->context),
                             rc_context_get_secret_store (request->context),
                             request->project_id, request->auth, request->cancellable, token_cb,
                             request);
}

/* The secret variables' values are in: the authentication as the
 * environment makes it, then the request. */
static void
variables_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcAuth) resolved = NULL;
  gboolean loaded = rc_resolver_load_secrets_finish (RC_RESOLVER (object), result, &error);

  if (!request_is_current (request))
    return;

  if (!loaded)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("The secret variables could not be read from the keyring: %s"),
                                 error->message);
      end_request (request->self, message);
      return;
    }

  if (!(resolved = rc_resolver_resolve_auth (request->resolver, request->auth, &error)))
    {
      end_request (request->self, error->message);
      return;
    }

  g_set_object (&request->auth, resolved);
  fetch_token (g_steal_pointer (&request));
}

/* Fills the project's active environment in (taking @request), then
 * fetches. */
static void
resolve_and_fetch (Request *request)
{
  g_auto(GStrv) names = NULL;

  request->resolver = rc_resolver_new_for_api (request->api);
  names = rc_resolver_dup_secret_names (request->resolver, NULL, request->auth);
  rc_resolver_load_secrets_async (request->resolver,
                                  rc_context_get_secret_store (request->context),
                                  request->project_id ? request->project_id : "",
                                  (const char * const *) names, request->cancellable,
                                  variables_loaded_cb, request);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  RcTokenPanel *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSecretBinding) saved_for = NULL;
  g_autoptr(RcSecretBinding) wanted = NULL;
  g_autoptr(RcHttpRecord) record = NULL;
  g_autoptr(RcToken) token = NULL;
  g_autofree char *message = NULL;

  token = rc_call_fetch_token_finish (result, &record, &saved_for, &wanted, &error);
  keep_in_history (request, token, record, error);

  if (!request_is_current (request))
    return;

  if (token)
    {
      g_autofree char *key = rc_token_cache_dup_key (request->auth);

      g_set_object (&self->resolver, request->resolver);
      hold_token (self, token, key);
    }
  else if (g_error_matches (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH))
    {
      Request *asking = g_steal_pointer (&request);

      /* Nothing is sent before the user says so. */
      asking->binding = g_steal_pointer (&wanted);
      rc_secret_prompt_async (GTK_WIDGET (self), RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS, saved_for,
                              asking->binding, asking->cancellable, prompt_answered_cb, asking);
      return;
    }
  else if (g_error_matches (error, RC_CALL_ERROR, RC_CALL_ERROR_NO_SECRET))
    message = g_strdup (_("No client secret is stored for this API: enter it above, then get a "
                          "token."));
  else if (error->domain == RC_SECRET_STORE_ERROR)
    message = g_strdup_printf (_("The client secret could not be read from the keyring: %s"),
                               error->message);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (error->message);

  end_request (self, message);
}

static void
rebound_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GError) error = NULL;
  gboolean rebound = rc_call_rebind_secret_finish (result, &error);

  if (!request_is_current (request))
    return;

  if (!rebound)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      message = g_strdup_printf (
        _("The client secret could not be stored for this authentication: %s"), error->message);
      end_request (request->self, message);
      return;
    }

  fetch_token (g_steal_pointer (&request));
}

static void
prompt_answered_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  RcSecretPromptAnswer answer = rc_secret_prompt_finish (result);
  RcTokenPanel *self = request->self;

  if (!request_is_current (request))
    return;

  switch (answer)
    {
    case RC_SECRET_PROMPT_USE_HERE:
      {
        Request *rebinding = g_steal_pointer (&request);

        rc_call_rebind_secret_async (rc_context_get_secret_store (rebinding->context),
                                     rebinding->project_id,
                                     rc_auth_get_secret_id (rebinding->auth), rebinding->binding,
                                     rebinding->cancellable, rebound_cb, rebinding);
      }
      break;

    case RC_SECRET_PROMPT_TYPE_NEW:
      end_request (self, _("The stored client secret was not sent. Type the client secret for this "
                           "authentication above, then get a token."));
      g_signal_emit (self, signals[SECRET_WANTED], 0);
      break;

    case RC_SECRET_PROMPT_CANCEL:
    default:
      end_request (self, _("Cancelled: the stored client secret was not sent."));
      break;
    }
}

static void
get_clicked_cb (RcTokenPanel *self)
{
  g_autofree char *problem = NULL;

  if (!is_oauth2 (self) || is_running (self))
    return;

  /* Not the suggested action then (RcTokenPanel:ready): says why. */
  problem = rc_check_auth_dup_problem (get_auth (self));
  if (problem != NULL)
    {
      g_autofree char *message =
        /* Translators: %s says what is wrong, as the field that has it says it */
        g_strdup_printf (_("No token request can be made with these settings. %s"), problem);

      show_error (self, message);
      return;
    }

  show_error (self, NULL);
  self->request_cancellable = g_cancellable_new ();
  show_running (self, TRUE);
  refresh (self);

  resolve_and_fetch (request_new (self));
}

static void
cancel_clicked_cb (RcTokenPanel *self)
{
  stop_request (self);
  refresh (self);
}

static void
clear_clicked_cb (RcTokenPanel *self)
{
  g_autoptr(RcAuth) auth = NULL;

  if (get_auth (self) == NULL)
    return;
  auth = dup_key_auth (self);

  /* The keyboard goes on to the button that still has a use. */
  if (gtk_widget_has_focus (self->clear_button))
    gtk_widget_grab_focus (self->get_button);

  rc_token_cache_clear (get_cache (self), auth);
  hold_token (self, NULL, NULL);
  show_error (self, NULL);
  refresh (self);
}

static void
reveal_toggled_cb (RcTokenPanel *self)
{
  gboolean active = gtk_toggle_button_get_active (self->reveal_button);
  const char *tip = active ? _("Hide the token") : _("Show the token");

  gtk_button_set_icon_name (GTK_BUTTON (self->reveal_button),
                            active ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reveal_button), tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reveal_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tip,
                                  -1);
  show_value (self);
}

static void
copy_clicked_cb (RcTokenPanel *self)
{
  if (self->token == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                          rc_token_get_access_token (self->token));
}

/* Overrides */

static void
rc_token_panel_map (GtkWidget *widget)
{
  RcTokenPanel *self = RC_TOKEN_PANEL (widget);

  GTK_WIDGET_CLASS (rc_token_panel_parent_class)->map (widget);

  refresh (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
}

static void
rc_token_panel_unmap (GtkWidget *widget)
{
  RcTokenPanel *self = RC_TOKEN_PANEL (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (rc_token_panel_parent_class)->unmap (widget);
}

static void
rc_token_panel_dispose (GObject *object)
{
  RcTokenPanel *self = (RcTokenPanel *) object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_cancellable_cancel (self->request_cancellable);
  g_clear_object (&self->request_cancellable);
  g_cancellable_cancel (self->decode_cancellable);
  g_clear_object (&self->decode_cancellable);
  disconnect_api (self);
  g_clear_object (&self->api);
  g_clear_object (&self->resolver);
  g_clear_object (&self->token);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_TOKEN_PANEL);

  G_OBJECT_CLASS (rc_token_panel_parent_class)->dispose (object);
}

static void
rc_token_panel_finalize (GObject *object)
{
  RcTokenPanel *self = (RcTokenPanel *) object;

  g_clear_pointer (&self->project_id, g_free);
  g_clear_pointer (&self->token_key, g_free);

  G_OBJECT_CLASS (rc_token_panel_parent_class)->finalize (object);
}

static void
rc_token_panel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RcTokenPanel *self = RC_TOKEN_PANEL (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, gtk_widget_has_css_class (self->get_button, "suggested-action"));
      break;

    case PROP_API:
      g_value_set_object (value, self->api);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_token_panel_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RcTokenPanel *self = RC_TOKEN_PANEL (object);

  switch (prop_id)
    {
    case PROP_READY:
      rc_token_panel_set_ready (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_token_panel_class_init (RcTokenPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_token_panel_dispose;
  object_class->finalize = rc_token_panel_finalize;
  object_class->get_property = rc_token_panel_get_property;
  object_class->set_property = rc_token_panel_set_property;

  widget_class->map = rc_token_panel_map;
  widget_class->unmap = rc_token_panel_unmap;

  /**
   * RcTokenPanel:api:
   *
   * The API whose token is shown; rc_token_panel_set_api() sets it.
   */
  /**
   * RcTokenPanel:ready:
   *
   * Whether the authentication shown can get a token as it is (valid, its
   * secret at hand): Get New Token is the suggested action only then.
   * Pressed otherwise, it says what is missing.
   */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_API] =
    g_param_spec_object ("api", NULL, NULL,
                         RC_TYPE_API,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcTokenPanel::secret-wanted:
   *
   * Emitted when the user chose to type a new client secret rather than
   * send the stored one where the token request would take it.
   */
  signals[SECRET_WANTED] =
    g_signal_new ("secret-wanted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-token-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RcTokenPanel, state_row);
  gtk_widget_class_bind_template_child (widget_class, RcTokenPanel, state_icon);
  gtk_widget_class_bind_template_child (widget_class, RcTokenPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, RcTokenPanel, scopes_row);
  gtk_widget_class_bind_template_child (widget_class, RcTokenPanel, value_row);
  gtk_widget_class_bind_template_child (widget_class, RcTokenPanel, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, RcTokenPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, RcTokenPanel, clear_button);
  gtk_widget_class_bind_template_child (widget_class, RcTokenPanel, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RcTokenPanel, get_button);
  gtk_widget_class_bind_template_child (widget_class, RcTokenPanel, claims_heading);
  gtk_widget_class_bind_template_child (widget_class, RcTokenPanel, claims_view);
  gtk_widget_class_bind_template_callback (widget_class, get_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reveal_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
}

static void
rc_token_panel_init (RcTokenPanel *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->claims_view);
  gtk_text_buffer_create_tag (buffer, "heading",
                              "weight", PANGO_WEIGHT_BOLD,
                              "family", "sans-serif",
                              NULL);
  /* A time claim's local date, beside its number. */
  gtk_text_buffer_create_tag (buffer, "note",
                              "style", PANGO_STYLE_ITALIC,
                              "family", "sans-serif",
                              NULL);
  show_value (self);
}

/* Public API */

GtkWidget *
rc_token_panel_new (RcContext *context)
{
  RcTokenPanel *self = g_object_new (RC_TYPE_TOKEN_PANEL, NULL);

  rc_token_panel_set_context (self, context);

  return GTK_WIDGET (self);
}

/**
 * rc_token_panel_set_context:
 * @context: the services to use: the token cache shown, the executor and
 *   the secret store that get a new token
 *
 * Set before an API is shown.
 */
void
rc_token_panel_set_context (RcTokenPanel *self,
                            RcContext    *context)
{
  g_return_if_fail (RC_IS_TOKEN_PANEL (self));
  g_return_if_fail (RC_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  refresh (self);
}

/**
 * rc_token_panel_set_api:
 * @api: (nullable): the API whose token to show
 * @project_id: (nullable): the id of the project it is in, under which its
 *   client secret is in the keyring
 *
 * Shows the token of @api, and the panel itself only while @api uses
 * OAuth 2.0 client credentials. A token request still running for the
 * API shown before is cancelled.
 */
void
rc_token_panel_set_api (RcTokenPanel *self,
                        RcApi        *api,
                        const char   *project_id)
{
  g_return_if_fail (RC_IS_TOKEN_PANEL (self));
  g_return_if_fail (api == NULL || RC_IS_API (api));

  g_free (self->project_id);
  self->project_id = g_strdup (project_id);

  if (self->api == api)
    return;

  stop_request (self);
  show_error (self, NULL);
  disconnect_api (self);
  g_set_object (&self->api, api);
  g_clear_object (&self->resolver);
  hold_token (self, NULL, NULL);

  if (api)
    {
      RcAuth *auth = rc_api_get_auth (api);

      g_autoptr(RcProject) project = rc_api_dup_project (api);

      /* Any setting, the extra token parameters included; and another
       * environment, which makes another token. */
      g_signal_connect_object (auth, "changed", G_CALLBACK (auth_changed_cb), self,
                               G_CONNECT_SWAPPED);
      if (project)
        g_signal_connect_object (project, "notify::active-environment",
                                 G_CALLBACK (auth_changed_cb), self, G_CONNECT_SWAPPED);
    }

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_API]);
}

/**
 * rc_token_panel_set_ready:
 *
 * Sets RcTokenPanel:ready.
 */
void
rc_token_panel_set_ready (RcTokenPanel *self,
                          gboolean      ready)
{
  g_return_if_fail (RC_IS_TOKEN_PANEL (self));

  if (!!ready == gtk_widget_has_css_class (self->get_button, "suggested-action"))
    return;

  if (ready)
    gtk_widget_add_css_class (self->get_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->get_button, "suggested-action");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}
