/* rc-token-refusal.c: the hint that fits an authorization server's refusal
 *
 * A refused token request is first sorted into what it is about (the
 * token URL, the client, the scopes, the audience, the grant), from the
 * error code (RFC 6749 §5.2, RFC 8707), the status and, where servers
 * bend a code to another use, the words of the error_description. Then
 * the first row of one table whose kind and conditions fit gives the
 * hint: more rows, not more branches.
 *
 * A hint says what Restcall sent and what to try; it says what the server
 * does only with "may": Restcall has not seen it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-json.h"
#include "rc-token-refusal.h"

typedef enum {
  KIND_OTHER,
  KIND_NOT_FOUND,       /* 404: no token endpoint there */
  KIND_CLIENT,          /* invalid_client, or another code about the credentials */
  KIND_CLIENT_UNSAID,   /* 401 or 403 without an OAuth 2.0 error */
  KIND_SCOPE,
  KIND_AUDIENCE,
  KIND_UNAUTHORIZED_CLIENT,
  KIND_UNSUPPORTED_GRANT,
} Kind;

typedef enum {
  NEEDS_NOTHING          = 0,
  NEEDS_ENCODING_CHANGES = 1 << 0,  /* the encoding changes the client ID or secret */
  NEEDS_FORM_AUTO        = 1 << 1,  /* Basic Auth header, automatic form: both forms went */
  NEEDS_FORM_RFC         = 1 << 2,  /* Basic Auth header, RFC 6749 encoding chosen */
  NEEDS_FORM_RAW         = 1 << 3,  /* Basic Auth header, unencoded chosen */
  NEEDS_BODY             = 1 << 4,  /* credentials in the body */
  NEEDS_NO_SCOPE         = 1 << 5,  /* no scope was sent */
  NEEDS_SECRET_JWT       = 1 << 6,  /* an assertion signed with the secret */
  NEEDS_KEY_JWT          = 1 << 7,  /* an assertion signed with a private key */
  NEEDS_TLS              = 1 << 8,  /* a client certificate (mutual TLS) */
} Needs;

/* In lower case: a description about the client's credentials, or about a
 * client the server does not know (as Keycloak and Entra ID word an
 * unauthorized_client). */
static const char * const client_words[] = {
  "credential",
  "client_id",
  "client id",
  "client_secret",
  "client secret",
  "client authentication",
  "unknown client",
  "invalid client",
  "client not found",
  "was not found",
  "authorization header",
  "encoded",
  NULL
};

static const char * const audience_words[] = {
  "audience",
  NULL
};

/* Also for an API that refuses a token for another audience
 * (rc-api-refusal.c). */
static const char audience_hint[] =
  N_("Say which API the token is for with an extra token parameter, audience or resource, as the "
     "server expects (--token-param audience=… on the command line).");

static const struct {
  Kind        kind;
  Needs       needs;
  const char *hint;
} hints[] = {
  { KIND_NOT_FOUND, NEEDS_NOTHING,
    N_(
      "Check the access token URL: the server has no token endpoint at this address (HTTP 404).") },
  { KIND_CLIENT, NEEDS_SECRET_JWT,
    N_("Check the client ID and secret: the client assertion was signed (HS256) with this secret "
       "(client_secret_jwt). If they are right, the server may expect another client "
       "authentication for this client.") },
  { KIND_CLIENT, NEEDS_KEY_JWT,
    N_("Check the client ID and the private key: the server must hold the key’s public half for "
       "this client and accept the algorithm and key ID the client assertion names "
       "(private_key_jwt). If they are right, the server may expect another client "
       "authentication for this client.") },
  { KIND_CLIENT, NEEDS_ENCODING_CHANGES | NEEDS_FORM_AUTO,
    N_("The client ID or secret holds characters that form-encoding changes, and the server took "
       "them "
       "in the Basic Auth header neither RFC 6749-encoded nor unencoded. Check them; if they are "
       "right, "
       "the server may take the credentials only in the request body: set the client "
       "authentication to "
       "the body (--client-auth body on the command line).") },
  { KIND_CLIENT, NEEDS_ENCODING_CHANGES | NEEDS_FORM_RFC,
    N_("The client ID or secret holds characters that form-encoding changes, and they went RFC "
       "6749-encoded into the Basic Auth header. Check them; if they are right, the server may "
       "compare "
       "the credentials unencoded: choose the Automatic form, which tries both, or Unencoded; or "
       "send "
       "them in the request body (--client-auth body on the command line).") },
  { KIND_CLIENT, NEEDS_ENCODING_CHANGES | NEEDS_FORM_RAW,
    N_("The client ID or secret holds characters that form-encoding changes, and they went "
       "unencoded "
       "into the Basic Auth header. Check them; if they are right, the server may decode them, as "
       "RFC "
       "6749 requires: choose the Automatic form, which tries both, or RFC 6749 encoding; or send "
       "them "
       "in the request body (--client-auth body on the command line).") },
  { KIND_CLIENT, NEEDS_ENCODING_CHANGES | NEEDS_BODY,
    N_("The client ID or secret holds characters that form-encoding changes; in the request body "
       "they "
       "are form-encoded, as the form requires. Check them; if they are right, the server may "
       "take the "
       "credentials only in a Basic Auth header: send them there with the Automatic form, which "
       "tries "
       "them both RFC 6749-encoded and unencoded.") },
  { KIND_CLIENT, NEEDS_TLS,
    N_("The client presented a client certificate (mutual TLS). Check the client ID, and that "
       "the certificate is the one registered for this client (its subject) and issued by a "
       "certificate authority the server trusts.") },
  { KIND_CLIENT, NEEDS_NOTHING,
    N_("Check the client ID and secret. If they are right, try the other client authentication: "
       "credentials in the body instead of a Basic Auth header, or the reverse.") },
  { KIND_CLIENT_UNSAID, NEEDS_NOTHING,
    N_("The server refused the client without saying why. Check the client ID and secret, the "
       "client "
       "authentication (a Basic Auth header or the request body) and the scopes.") },
  { KIND_SCOPE, NEEDS_NO_SCOPE,
    N_("No scope was sent, and this server requires a scope: enter the scopes the API needs "
       "(--scope on the command line).") },
  { KIND_SCOPE, NEEDS_NOTHING,
    N_("Check the scopes: the server does not grant one of them to this client.") },
  { KIND_AUDIENCE, NEEDS_NOTHING, audience_hint },
  { KIND_UNAUTHORIZED_CLIENT, NEEDS_NOTHING,
    N_("This client may not use the client credentials grant; ask the server’s administrator to "
       "allow it.") },
  { KIND_UNSUPPORTED_GRANT, NEEDS_NOTHING,
    N_("The server does not offer the client credentials grant at this address.") },
  { KIND_OTHER, NEEDS_NOTHING, N_("Check the authentication settings.") },
};

/**
 * rc_token_refusal_mentions:
 * @text: (nullable): a server's text
 * @words: (array zero-terminated=1): words in lower case
 *
 * Returns: whether @text holds one of @words, in any case
 */
gboolean
rc_token_refusal_mentions (const char         *text,
                           const char * const *words)
{
  g_autofree char *lower = NULL;

  if (text == NULL)
    return FALSE;

  lower = g_utf8_strdown (text, -1);
  for (guint i = 0; words[i]; i++)
    {
      if (strstr (lower, words[i]))
        return TRUE;
    }

  return FALSE;
}

/**
 * rc_token_refusal_mentions_audience:
 * @text: (nullable): a server's text
 *
 * Returns: whether @text talks about the token's audience
 */
gboolean
rc_token_refusal_mentions_audience (const char *text)
{
  return rc_token_refusal_mentions (text, audience_words);
}

/**
 * rc_token_refusal_get_audience_hint:
 *
 * Returns: (transfer none): what to do when a token is for another
 *   audience than the API's, a translated sentence
 */
const char *
rc_token_refusal_get_audience_hint (void)
{
  return _(audience_hint);
}

/**
 * rc_token_refusal_read:
 * @refusal: (out caller-allocates): filled in from the answer; its
 *   encoding_changes is %FALSE
 * @status: the token endpoint's HTTP status
 * @body: (nullable): its body
 *
 * Reads the error and error_description of an OAuth 2.0 error response
 * (RFC 6749 §5.2), when @body is one.
 *
 * Returns: (transfer full) (nullable): the body read, which the strings of
 *   @refusal point into: keep it as long as @refusal
 */
JsonNode *
rc_token_refusal_read (RcTokenRefusal *refusal,
                       guint           status,
                       GBytes         *body)
{
  g_autoptr(JsonNode) root = NULL;
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  JsonObject *object;

  *refusal = (RcTokenRefusal) { status, NULL, NULL, FALSE };

  if (size == 0)
    return NULL;

  root = rc_json_parse (data, size, RC_JSON_IMMUTABLE, NULL, NULL, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  refusal->code = rc_json_object_get_string (object, "error");
  refusal->description = rc_json_object_get_string (object, "error_description");

  return g_steal_pointer (&root);
}

/**
 * rc_token_refusal_is_permanent:
 *
 * Returns: whether the same request would be refused again as it is: the
 *   server refused the client (invalid_client, or a 401 or 403 without an
 *   OAuth 2.0 error), its grant (unauthorized_client) or its scopes
 *   (invalid_scope); not a server that is busy or failing
 */
gboolean
rc_token_refusal_is_permanent (const RcTokenRefusal *refusal)
{
  const char *code = refusal->code;

  if (code == NULL)
    return refusal->status == 401 || refusal->status == 403;

  return g_str_equal (code, "invalid_client")
         || g_str_equal (code, "unauthorized_client")
         || g_str_equal (code, "invalid_scope")
         || g_str_equal (code, "scope_invalid");
}

static Kind
classify (const RcTokenRefusal *refusal)
{
  const char *code = refusal->code;

  if (refusal->status == 404)
    return KIND_NOT_FOUND;

  if (code == NULL)
    return refusal->status == 401 || refusal->status == 403 ? KIND_CLIENT_UNSAID : KIND_OTHER;

  if (g_str_equal (code, "invalid_client"))
    return KIND_CLIENT;
  if (g_str_equal (code, "unauthorized_client") || g_str_equal (code, "invalid_request"))
    {
      if (rc_token_refusal_mentions (refusal->description, client_words))
        return KIND_CLIENT;
      return g_str_equal (code, "unauthorized_client") ? KIND_UNAUTHORIZED_CLIENT : KIND_OTHER;
    }
  if (g_str_equal (code, "invalid_scope") || g_str_equal (code, "scope_invalid"))
    return KIND_SCOPE;
  if (g_str_equal (code, "invalid_target") || g_str_equal (code, "invalid_resource")
      || (g_str_equal (code, "access_denied")
          && rc_token_refusal_mentions_audience (refusal->description)))
    return KIND_AUDIENCE;
  if (g_str_equal (code, "unsupported_grant_type"))
    return KIND_UNSUPPORTED_GRANT;

  return KIND_OTHER;
}

static Needs
what_was_sent (const RcTokenRefusal *refusal,
               RcAuth               *auth)
{
  g_auto(GStrv) scopes = rc_auth_dup_scope_list (auth);
  Needs sent = NEEDS_NOTHING;

  if (scopes[0] == NULL)
    sent |= NEEDS_NO_SCOPE;

  /* A signed assertion is not encoded: the secret or key only signs it. */
  if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_SECRET_JWT)
    return sent | NEEDS_SECRET_JWT;
  if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_PRIVATE_KEY_JWT)
    return sent | NEEDS_KEY_JWT;
  /* Nor is a certificate. */
  if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_TLS)
    return sent | NEEDS_TLS;

  if (refusal->encoding_changes)
    sent |= NEEDS_ENCODING_CHANGES;

  if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_BODY)
    return sent | NEEDS_BODY;

  switch (rc_auth_get_basic_form (auth))
    {
    case RC_BASIC_FORM_RFC:
      return sent | NEEDS_FORM_RFC;
    case RC_BASIC_FORM_RAW:
      return sent | NEEDS_FORM_RAW;
    case RC_BASIC_FORM_AUTO:
    default:
      return sent | NEEDS_FORM_AUTO;
    }
}

/**
 * rc_token_refusal_hint:
 * @auth: the auth the token request was sent for
 *
 * Returns: (transfer none): what to do about @refusal, a translated
 *   sentence or two
 */
const char *
rc_token_refusal_hint (const RcTokenRefusal *refusal,
                       RcAuth               *auth)
{
  Kind kind;
  Needs sent;

  g_return_val_if_fail (refusal != NULL, NULL);
  g_return_val_if_fail (RC_IS_AUTH (auth), NULL);

  kind = classify (refusal);
  sent = what_was_sent (refusal, auth);

  /* A 401 or 403 that says nothing is a refusal of the client all the
   * same: the rows about the credentials' form fit it too. */
  for (guint i = 0; i < G_N_ELEMENTS (hints); i++)
    {
      gboolean kind_fits = hints[i].kind == kind
                           || (kind == KIND_CLIENT_UNSAID && hints[i].kind == KIND_CLIENT
                               && hints[i].needs != NEEDS_NOTHING);

      if (kind_fits && (hints[i].needs & sent) == hints[i].needs)
        return _(hints[i].hint);
    }

  g_return_val_if_reached (NULL);
}
