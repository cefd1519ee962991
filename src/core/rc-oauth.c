/* rc-oauth.c: OAuth 2.0 client credentials: the token request and response
 *
 * The request follows RFC 6749 §4.4: a form-encoded POST with
 * grant_type=client_credentials, the scopes and any extra parameters, and
 * the client authenticated either by a Basic Auth header, whose id and
 * secret are form-urlencoded first (§2.3.1 and Appendix B) or, for servers
 * that compare them unencoded, not (which form: rc-basic-form.c), or by
 * client_id and client_secret fields in the body; never both. A
 * `client_secret_jwt` or `private_key_jwt` client sends instead a JWT it
 * signed, new for each request (rc-client-assertion.c), with its
 * client_id, in the body (RFC 7523 §2.2).
 * An extra parameter may not be one of the fields Restcall sets itself
 * (rc_oauth_check_token_param()): the request would carry it twice.
 *
 * The response is read as §5.1 and §5.2 say, strictly: anything that is
 * not a Bearer token with a value is an error that says what came back,
 * in the server's words, and what to do (rc-token-refusal.c). The one
 * leniency: a token without a token_type, which some servers send, is
 * taken for a Bearer token, and the token says so
 * (rc_token_get_type_unsaid()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "rc-oauth-private.h"
#include "rc-setting-private.h"
#include "rc-client-assertion.h"
#include "rc-client-cert.h"
#include "rc-http.h"
#include "rc-json.h"
#include "rc-jwt.h"
#include "rc-text.h"
#include "rc-token-refusal.h"
#include "rc-wire.h"

/* How much of a body an error message quotes. */
#define QUOTE_LENGTH 200

/* What an error keeps beside its message: the libsoup or GIO error behind
 * an %RC_OAUTH_ERROR_NETWORK, so that a caller can tell a name that does
 * not resolve from a refused connection without reading the message; the
 * setting an %RC_OAUTH_ERROR_SETTINGS is about, and its problem without
 * the window's remedy (rc_setting_from_error()). */
typedef struct
{
  GError   *cause;
  RcSetting setting;
  char     *problem;
} RcOAuthErrorPrivate;

static void
rc_oauth_error_private_init (RcOAuthErrorPrivate *priv)
{
}

static void
rc_oauth_error_private_copy (const RcOAuthErrorPrivate *src,
                             RcOAuthErrorPrivate       *dest)
{
  dest->cause = src->cause ? g_error_copy (src->cause) : NULL;
  dest->setting = src->setting;
  dest->problem = g_strdup (src->problem);
}

static void
rc_oauth_error_private_clear (RcOAuthErrorPrivate *priv)
{
  g_clear_error (&priv->cause);
  g_clear_pointer (&priv->problem, g_free);
}

G_DEFINE_EXTENDED_ERROR (RcOAuthError, rc_oauth_error)

/**
 * rc_oauth_error_get_cause:
 * @error: an error of any domain
 *
 * Returns: (nullable): the libsoup, GIO or GnuTLS error behind an
 *   %RC_OAUTH_ERROR_NETWORK error, whose message words it; %NULL for any
 *   other error
 */
const GError *
rc_oauth_error_get_cause (const GError *error)
{
  if (error == NULL || error->domain != RC_OAUTH_ERROR)
    return NULL;

  return rc_oauth_error_get_private (error)->cause;
}

/**
 * rc_oauth_error_set_cause:
 * @error: an %RC_OAUTH_ERROR_NETWORK error, or another that is left as it is
 * @cause: the libsoup or GIO error that @error words
 *
 * Keeps a copy of @cause with @error (rc_oauth_error_get_cause()).
 */
void
rc_oauth_error_set_cause (GError       *error,
                          const GError *cause)
{
  RcOAuthErrorPrivate *priv;

  g_return_if_fail (error != NULL);
  g_return_if_fail (cause != NULL);

  if (error->domain != RC_OAUTH_ERROR)
    return;

  priv = rc_oauth_error_get_private (error);
  g_clear_error (&priv->cause);
  priv->cause = g_error_copy (cause);
}

RcSetting
_rc_oauth_error_get_setting (const GError  *error,
                             const char   **problem)
{
  RcOAuthErrorPrivate *priv;

  if (error == NULL || error->domain != RC_OAUTH_ERROR)
    return RC_SETTING_NONE;

  priv = rc_oauth_error_get_private (error);
  if (problem && priv->setting != RC_SETTING_NONE)
    *problem = priv->problem;
  return priv->setting;
}

/* An %RC_OAUTH_ERROR_SETTINGS error about @setting: “@problem @remedy”,
 * where @remedy says what to do in the window. */
void
_rc_oauth_set_settings_error (GError     **error,
                              RcSetting    setting,
                              const char  *problem,
                              const char  *remedy)
{
  GError *local_error = g_error_new (RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS, "%s %s", problem,
                                     remedy);
  RcOAuthErrorPrivate *priv = rc_oauth_error_get_private (local_error);

  priv->setting = setting;
  priv->problem = g_strdup (problem);
  g_propagate_error (error, local_error);
}

/* Whether @auth has a client ID; the error when it has none. */
gboolean
_rc_oauth_check_client_id (RcAuth  *auth,
                           GError **error)
{
  if (rc_auth_get_client_id (auth)[0] != '\0')
    return TRUE;

  _rc_oauth_set_settings_error (error, RC_SETTING_CLIENT_ID, _("No client ID is set."),
                                _("Enter the client ID the authorization server gave this "
                                  "application."));
  return FALSE;
}

/**
 * rc_oauth_form_encode:
 *
 * Returns: (transfer full): @value encoded as in
 *   application/x-www-form-urlencoded (spaces become `+`)
 */
char *
rc_oauth_form_encode (const char *value)
{
  g_autofree char *pair = soup_form_encode ("v", value ? value : "", NULL);

  /* libsoup encodes whole fields; keep what follows "v=". */
  return g_strdup (pair + 2);
}

/**
 * rc_oauth_basic_credentials:
 * @raw: %FALSE to form-urlencode @user and @secret first, as RFC 6749
 *   §2.3.1 asks of OAuth 2.0 clients; %TRUE to send them as they are, for
 *   servers that do not decode
 *
 * Returns: (transfer full): the base64 credentials of the client's Basic
 *   header
 */
char *
rc_oauth_basic_credentials (const char *user,
                            const char *secret,
                            gboolean    raw)
{
  g_autofree char *enc_user = NULL;
  g_autofree char *enc_secret = NULL;
  char *encoded;

  if (raw)
    return rc_http_basic_credentials (user, secret);

  enc_user = rc_oauth_form_encode (user);
  enc_secret = rc_oauth_form_encode (secret);
  encoded = rc_http_basic_credentials (enc_user, enc_secret);
  memset (enc_secret, 0, strlen (enc_secret));

  return encoded;
}

/**
 * rc_oauth_uri_is_loopback:
 *
 * Returns: %TRUE for localhost, 127.0.0.0/8 and ::1
 */
gboolean
rc_oauth_uri_is_loopback (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * rc_oauth_check_token_url:
 *
 * Accepts https:// URLs, and http:// ones only on this machine: a client
 * secret must not cross a network in clear text.
 */
gboolean
rc_oauth_check_token_url (const char  *token_url,
                          GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *shown = NULL;
  const char *scheme;

  if (token_url == NULL || token_url[0] == '\0')
    {
      _rc_oauth_set_settings_error (error, RC_SETTING_TOKEN_URL,
                                    _("No access token URL is set."),
                                    _("Enter the authorization server’s token endpoint, such as "
                                      "https://auth.example.com/oauth2/token."));
      return FALSE;
    }

  uri = g_uri_parse (token_url, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  shown = rc_text_dup_url (token_url);

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0'
      || (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      g_autofree char *problem =
        g_strdup_printf (_("The access token URL “%s” is not a valid https:// address."), shown);

      _rc_oauth_set_settings_error (error, RC_SETTING_TOKEN_URL, problem,
                                    _("Enter the authorization server’s token endpoint."));
      return FALSE;
    }

  if (g_str_equal (scheme, "http") && !rc_oauth_uri_is_loopback (uri))
    {
      g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS,
                   _("The access token URL “%s” uses http://, which would send the client "
                     "secret unencrypted. Use https:// (http:// is allowed only for "
                     "localhost)."),
                   shown);
      return FALSE;
    }

  return TRUE;
}

/**
 * rc_oauth_check_auth_token_url:
 *
 * rc_oauth_check_token_url() for @auth's token URL, which with mutual TLS
 * must be https:// even on this machine: no certificate goes over http://.
 */
gboolean
rc_oauth_check_auth_token_url (RcAuth  *auth,
                               GError **error)
{
  const char *token_url;

  g_return_val_if_fail (RC_IS_AUTH (auth), FALSE);

  token_url = rc_auth_get_token_url (auth);
  if (!rc_oauth_check_token_url (token_url, error))
    return FALSE;

  if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_TLS
      && g_strcmp0 (g_uri_peek_scheme (token_url), "https") != 0)
    {
      g_autofree char *shown = rc_text_dup_url (token_url);

      g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS,
                   _("The access token URL “%s” uses http://, where no client certificate "
                     "can be presented. Mutual TLS needs the server’s https:// token "
                     "endpoint."),
                   shown);
      return FALSE;
    }

  return TRUE;
}

/* The token request's fields that Restcall fills in itself, and where
 * each is set instead of as an extra parameter. */
static const struct {
  const char *name;
  const char *instead;
} own_fields[] = {
  { "grant_type", N_("Restcall always sends grant_type=client_credentials.") },
  { "scope", N_("Enter the scopes in the Scopes field (--scope on the command line).") },
  { "client_id", N_("Enter it as the Client ID (--client-id on the command line).") },
  { "client_secret", N_("Store it as the Client Secret: Restcall sends it as the client "
                        "authentication says, from the keyring (--client-secret-env or "
                        "--client-secret-stdin on the command line).") },
  { "client_assertion", N_("Choose the client authentication that signs one: with the client "
                           "secret (client_secret_jwt) or with a private key (private_key_jwt); "
                           "--client-auth on the command line.") },
  { "client_assertion_type", N_("Choose the client authentication that signs a client "
                                "assertion: with the client secret (client_secret_jwt) or with a "
                                "private key (private_key_jwt); --client-auth on the command "
                                "line.") },
};

/**
 * rc_oauth_check_token_param:
 * @name: the name of an extra token request parameter
 *
 * The fields Restcall fills in itself (grant_type, scope, client_id,
 * client_secret, client_assertion, client_assertion_type) cannot be extra
 * parameters too: the request would carry them twice.
 *
 * Returns: (transfer full) (nullable): what is wrong with @name and where
 *   to set it instead, or %NULL when it may be sent
 */
char *
rc_oauth_check_token_param (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  for (guint i = 0; i < G_N_ELEMENTS (own_fields); i++)
    {
      if (g_str_equal (stripped, own_fields[i].name))
        return g_strdup_printf (_("“%s” cannot be an extra token parameter: Restcall sets it "
                                  "itself. %s"),
                                own_fields[i].name, _(own_fields[i].instead));
    }

  return NULL;
}

static gboolean
check_token_params (RcAuth  *auth,
                    GError **error)
{
  GListModel *params = G_LIST_MODEL (rc_auth_get_token_params (auth));
  guint n_params = g_list_model_get_n_items (params);

  for (guint i = 0; i < n_params; i++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (params, i);
      g_autofree char *message = rc_oauth_check_token_param (rc_pair_get_name (pair));

      if (message)
        {
          g_set_error_literal (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS, message);
          return FALSE;
        }
    }

  return TRUE;
}

static void
append_field (GString    *body,
              const char *name,
              const char *value)
{
  g_autofree char *field = soup_form_encode (name, value, NULL);

  if (body->len > 0)
    g_string_append_c (body, '&');
  g_string_append (body, field);
}

/**
 * rc_oauth_client_auth_is_jwt:
 *
 * Returns: whether @client_auth sends a signed JWT assertion (RFC 7523)
 */
gboolean
rc_oauth_client_auth_is_jwt (RcClientAuth client_auth)
{
  return client_auth == RC_CLIENT_AUTH_SECRET_JWT || client_auth == RC_CLIENT_AUTH_PRIVATE_KEY_JWT;
}

/**
 * rc_oauth_build_token_body:
 * @secret: (nullable): the client secret, for the body client
 *   authentication
 * @assertion: (nullable): the signed client assertion, for the JWT ones
 *
 * Returns: (transfer full): the form-encoded body of a client credentials
 *   token request
 */
char *
rc_oauth_build_token_body (RcAuth     *auth,
                           const char *secret,
                           const char *assertion)
{
  GString *body = g_string_new (NULL);
  g_auto(GStrv) scopes = rc_auth_dup_scope_list (auth);
  GListModel *params = G_LIST_MODEL (rc_auth_get_token_params (auth));
  guint n_params = g_list_model_get_n_items (params);

  append_field (body, "grant_type", "client_credentials");

  if (scopes[0] != NULL)
    {
      g_autofree char *scope = g_strjoinv (" ", scopes);

      append_field (body, "scope", scope);
    }

  for (guint i = 0; i < n_params; i++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (params, i);

      if (rc_pair_get_name (pair)[0] != '\0')
        append_field (body, rc_pair_get_name (pair), rc_pair_get_value (pair));
    }

  if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_BODY)
    {
      append_field (body, "client_id", rc_auth_get_client_id (auth));
      append_field (body, "client_secret", secret ? secret : "");
    }
  else if (rc_oauth_client_auth_is_jwt (rc_auth_get_client_auth (auth)))
    {
      append_field (body, "client_id", rc_auth_get_client_id (auth));
      append_field (body, "client_assertion_type", RC_CLIENT_ASSERTION_TYPE_JWT);
      append_field (body, "client_assertion", assertion ? assertion : "");
    }
  /* RFC 8705 §2: the certificate authenticates; client_id says who. */
  else if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_TLS)
    append_field (body, "client_id", rc_auth_get_client_id (auth));

  return g_string_free (body, FALSE);
}

/**
 * rc_oauth_new_token_message:
 * @form: the form of the Basic credentials, %RC_BASIC_FORM_RFC or
 *   %RC_BASIC_FORM_RAW (rc_basic_form_first()); credentials in the body
 *   have one form only
 * @body_out: (out) (optional): the request body, for the exchange record
 *
 * Returns: (transfer full): a message that never follows a redirect and
 *   that libsoup's own authentication leaves alone
 */
SoupMessage *
rc_oauth_new_token_message (RcAuth      *auth,
                            const char  *secret,
                            RcBasicForm  form,
                            GBytes     **body_out,
                            GError     **error)
{
  g_autofree char *assertion = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  const char *token_url;
  SoupMessage *message;
  char *body;

  g_return_val_if_fail (RC_IS_AUTH (auth), NULL);

  token_url = rc_auth_get_token_url (auth);
  if (!rc_oauth_check_auth_token_url (auth, error))
    return NULL;

  if (!_rc_oauth_check_client_id (auth, error))
    return NULL;

  if (!check_token_params (auth, error))
    return NULL;

  if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_TLS)
    {
      certificate = rc_client_cert_load (auth, secret, error);
      if (certificate == NULL)
        return NULL;
    }

  if (rc_oauth_client_auth_is_jwt (rc_auth_get_client_auth (auth)))
    {
      assertion = rc_client_assertion_new (auth, secret, g_get_real_time () / G_USEC_PER_SEC,
                                           error);
      if (assertion == NULL)
        return NULL;
    }

  body = rc_oauth_build_token_body (auth, secret, assertion);
  if (body_out)
    *body_out = g_bytes_new (body, strlen (body));

  /* Sets Content-Type: application/x-www-form-urlencoded. */
  message = soup_message_new_from_encoded_form ("POST", token_url, body);
  if (message == NULL)
    {
      g_autofree char *shown = rc_text_dup_url (token_url);

      g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS,
                   _("The access token URL “%s” is not a valid address."), shown);
      if (body_out)
        g_clear_pointer (body_out, g_bytes_unref);
      return NULL;
    }

  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Accept", "application/json");

  if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_BASIC_HEADER)
    {
      g_autofree char *credentials =
        rc_oauth_basic_credentials (rc_auth_get_client_id (auth), secret ? secret : "",
                                    form == RC_BASIC_FORM_RAW);
      g_autofree char *header = g_strconcat ("Basic ", credentials, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (message),
                                    "Authorization", header);
      memset (header, 0, strlen (header));
    }

  if (certificate)
    rc_client_cert_present (message, certificate);

  soup_message_add_flags (message,
                          SOUP_MESSAGE_NO_REDIRECT
                          | SOUP_MESSAGE_DO_NOT_USE_AUTH_CACHE
                          | SOUP_MESSAGE_COLLECT_METRICS);

  return message;
}

/* Text from the server for a message: one line, printable, not endless. */
static char *
dup_plain_text (const char *text)
{
  return rc_text_dup_printable (text, -1, 500, RC_TEXT_ONE_LINE);
}

/* A body quoted in an error message: plain text, one line, short. */
static char *
quote_body (GBytes *body)
{
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  g_autofree char *text = rc_text_dup_printable (data, size, QUOTE_LENGTH, RC_TEXT_ONE_LINE);

  return g_strdup (g_strstrip (text));
}

/* What came back, in words, when it is not JSON. */
static char *
describe_body (SoupMessageHeaders *headers,
               GBytes             *body)
{
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autofree char *quote = quote_body (body);
  g_autofree char *type = NULL;

  if (quote[0] == '\0')
    return g_strdup (_("an empty body"));

  if (content_type && g_ascii_strcasecmp (content_type, "text/html") == 0)
    return g_strdup_printf (_("an HTML page: “%s”"), quote);

  type = content_type ? dup_plain_text (content_type) : g_strdup (_("untyped"));
  return g_strdup_printf (_("a body of type %s: “%s”"), type, quote);
}

static void
set_refused_error (GError      **error,
                   RcAuth       *auth,
                   const char   *token_url,
                   guint         status,
                   JsonObject   *object,
                   gboolean      encoding_changes)
{
  const char *error_code = rc_json_object_get_string (object, "error");
  const char *error_description = rc_json_object_get_string (object, "error_description");
  g_autofree char *code = dup_plain_text (error_code ? error_code : _("no error code"));
  g_autofree char *description = NULL;
  RcTokenRefusal refusal = { status, error_code, error_description, encoding_changes };
  const char *hint = rc_token_refusal_hint (&refusal, auth);

  if (error_description)
    description = dup_plain_text (error_description);

  if (description && description[0])
    g_set_error (
      error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED,
      _("The authorization server at %s refused the token request (HTTP %u, %s: %s). %s"),
      token_url, status, code, description, hint);
  else
    g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED,
                 _("The authorization server at %s refused the token request (HTTP %u, %s). %s"),
                 token_url, status, code, hint);
}

/* expires_in as RFC 6749 §5.1 means it, and as servers actually send it. */
static RcTokenLifetime
read_expires_in (JsonObject *object,
                 gint64     *seconds)
{
  JsonNode *node = json_object_get_member (object, "expires_in");
  double value;

  *seconds = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return RC_TOKEN_LIFETIME_UNKNOWN;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return RC_TOKEN_LIFETIME_NONE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      value = (double)json_node_get_int (node);
      break;

    case G_TYPE_DOUBLE:
      value = json_node_get_double (node);
      break;

    case G_TYPE_STRING:
      {
        g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (node)));
        char *end = NULL;

        value = g_ascii_strtod (text, &end);
        if (text[0] == '\0' || end == NULL || *end != '\0')
          return RC_TOKEN_LIFETIME_NONE;
      }
      break;

    default:
      return RC_TOKEN_LIFETIME_NONE;
    }

  return rc_token_lifetime_from_seconds (value, seconds);
}

/**
 * _rc_oauth_parse_token_answer:
 * @token_url: the token URL asked, for messages
 * @status: the answer's HTTP status
 * @reason_phrase: (nullable): its reason phrase
 * @headers: its headers
 * @body: (nullable): its body
 * @encoding_changes: whether form-encoding changes the client ID or secret
 *   sent, to word a refusal (rc_basic_form_changes_credentials())
 *
 * rc_oauth_parse_token_response(), from the parts of the answer rather
 * than from the message, so that an answer can be read without a
 * connection (tests/fuzz does).
 *
 * Returns: (transfer full): the token, or %NULL with an error that names
 *   the server and says what it answered
 */
RcToken *
_rc_oauth_parse_token_answer (RcAuth              *auth,
                              const char          *token_url,
                              guint                status,
                              const char          *reason_phrase,
                              SoupMessageHeaders  *headers,
                              GBytes              *body,
                              gboolean             encoding_changes,
                              GError             **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autofree char *unsendable = NULL;
  JsonObject *object = NULL;
  const char *access_token, *token_type, *scopes;
  RcToken *token;
  RcTokenLifetime lifetime;
  gint64 seconds;
  gboolean type_unsaid;
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *header = soup_message_headers_get_one (headers, "Location");
      g_autofree char *location = header ? rc_text_dup_url (header) : NULL;

      g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REDIRECTED,
                   _("The authorization server at %s answered HTTP %u and redirected to “%s”. "
                     "Token requests are never redirected, so the client secret cannot reach "
                     "another address: set the access token URL to the address that issues "
                     "tokens."),
                   token_url, status, location ? location : _("nowhere"));
      return NULL;
    }

  if (size > 0 &&
      (root = rc_json_parse (data, size, RC_JSON_IMMUTABLE, NULL, NULL, &json_error)) != NULL &&
      JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);

  /* §5.2: an error response, whatever its status. */
  if (object && json_object_has_member (object, "error"))
    {
      set_refused_error (error, auth, token_url, status, object, encoding_changes);
      return NULL;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autofree char *what = describe_body (headers, body);
      g_autofree char *reason = dup_plain_text (reason_phrase);
      RcTokenRefusal refusal = { status, NULL, NULL, encoding_changes };

      /* A refusal of the client that does not say why. */
      if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
        g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_REFUSED,
                     _("The authorization server at %s refused the token request (HTTP %u %s) "
                       "with %s. %s"),
                     token_url, status, reason, what, rc_token_refusal_hint (&refusal, auth));
      else if (status == SOUP_STATUS_NOT_FOUND)
        g_set_error (
          error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_BAD_RESPONSE,
          _("The authorization server at %s answered HTTP %u %s with %s, not a token. %s"),
          token_url, status, reason, what, rc_token_refusal_hint (&refusal, auth));
      else
        g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_BAD_RESPONSE,
                     _("The authorization server at %s answered HTTP %u %s with %s, not a token. "
                       "Check the access token URL, or try again later if the server has a "
                       "problem."),
                     token_url, status, reason, what);
      return NULL;
    }

  if (object == NULL)
    {
      g_autofree char *what = describe_body (headers, body);

      if (g_error_matches (json_error, RC_JSON_ERROR, RC_JSON_ERROR_TOO_DEEP))
        g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_BAD_RESPONSE,
                     _("The authorization server at %s answered HTTP %u with JSON that nests "
                       "deeper than %u levels, which Restcall does not read, not a token. "
                       "Check the access token URL, or ask the server’s administrators."),
                     token_url, status, RC_JSON_MAX_DEPTH);
      else if (json_error && size > 0 && (data[0] == '{' || data[0] == '['))
        {
          g_autofree char *problem = dup_plain_text (json_error->message);

          g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_BAD_RESPONSE,
                       _("The authorization server at %s answered HTTP %u with broken JSON (%s), "
                         "not a token. The answer may have been cut off; try again."),
                       token_url, status, problem);
        }
      else
        g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_BAD_RESPONSE,
                     _("The authorization server at %s answered HTTP %u with %s, not a JSON "
                       "token response. Check the access token URL."),
                     token_url, status, what);
      return NULL;
    }

  access_token = rc_json_object_get_string (object, "access_token");
  token_type = rc_json_object_get_string (object, "token_type");

  if (access_token == NULL || access_token[0] == '\0')
    {
      g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_BAD_RESPONSE,
                   _("The authorization server at %s answered without an access_token. "
                     "Check the access token URL."),
                   token_url);
      return NULL;
    }

  /* §5.1 requires a token_type, but some servers leave it out: their
   * token is sent as a Bearer token, and the exchange says so. */
  type_unsaid = token_type == NULL || token_type[0] == '\0';
  if (!type_unsaid && g_ascii_strcasecmp (token_type, "bearer") != 0)
    {
      g_autofree char *type = dup_plain_text (token_type);

      g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_UNSUPPORTED_TOKEN_TYPE,
                   _("The authorization server at %s issued a token of type “%s”; Restcall "
                     "sends only Bearer tokens (RFC 6750)."),
                   token_url, type);
      return NULL;
    }

  /* A token that cannot follow “Bearer ” is of no use, and libsoup would
   * send the call without it. */
  unsendable = rc_wire_check_bearer_token (token_url, access_token);
  if (unsendable)
    {
      g_set_error_literal (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_BAD_RESPONSE, unsendable);
      return NULL;
    }

  lifetime = read_expires_in (object, &seconds);
  if (lifetime == RC_TOKEN_LIFETIME_UNKNOWN
      && !json_object_has_member (object, "expires_in"))
    {
      gint64 exp;

      /* In doubles: an exp near either end of gint64 cannot overflow. */
      if (rc_jwt_get_expiry (access_token, &exp))
        lifetime = rc_token_lifetime_from_seconds (
          (double) exp - (double) (g_get_real_time () / G_USEC_PER_SEC), &seconds);
    }

  /* §5.1: scope is there when it differs from the request. A refresh_token
   * has no use in this grant and is neither kept nor stored. */
  scopes = rc_json_object_get_string (object, "scope");
  token = rc_token_new (access_token, scopes ? scopes : rc_auth_get_scopes (auth), lifetime,
                        seconds);
  if (scopes == NULL)
    rc_token_set_scopes_unsaid (token);
  if (type_unsaid)
    rc_token_set_type_unsaid (token);

  return token;
}

/**
 * rc_oauth_parse_token_response:
 * @message: the token request, answered
 * @body: the answer's body
 * @encoding_changes: whether form-encoding changes the client ID or secret
 *   sent, to word a refusal (rc_basic_form_changes_credentials())
 *
 * Returns: (transfer full): the token, or %NULL with an error that names
 *   the server, says what it answered and what to do
 */
RcToken *
rc_oauth_parse_token_response (RcAuth       *auth,
                               SoupMessage  *message,
                               GBytes       *body,
                               gboolean      encoding_changes,
                               GError      **error)
{
  g_autofree char *token_url =
    g_uri_to_string_partial (soup_message_get_uri (message), G_URI_HIDE_PASSWORD);

  return _rc_oauth_parse_token_answer (auth, token_url, soup_message_get_status (message),
                                       soup_message_get_reason_phrase (message),
                                       soup_message_get_response_headers (message), body,
                                       encoding_changes, error);
}
