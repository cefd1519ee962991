/* rc-basic-form.c: which form of the client's Basic credentials to send, and when to try the other
 *
 * RFC 6749 §2.3.1 has a client form-urlencode its ID and secret before
 * they go into a Basic Auth header; many servers compare them as they are
 * (RFC 7617) instead, and refuse the encoded ones, while others decode
 * them and refuse the raw ones. No single form works everywhere.
 *
 * The automatic form (%RC_BASIC_FORM_AUTO) sends the form the auth
 * remembers to have worked for its token URL and client, or else the RFC
 * one. When the server refuses the client, and only when the encoding
 * changes the credentials (otherwise both forms are the same bytes), the
 * token request is sent once more in the other form: never more than
 * once. The form that then worked is remembered, so that the next request
 * goes right the first time. An explicit form is sent as it is, alone.
 *
 * The server refuses the client when it answers invalid_client (400 or
 * 401), any 401 or 403 (some answer one with an empty body), or
 * invalid_request about the credentials (oidc-provider's "not properly
 * encoded").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-basic-form.h"
#include "rc-oauth.h"
#include "rc-token-refusal.h"

/* What an invalid_request's description says when it is about the client's
 * credentials, in lower case. */
static const char * const credential_words[] = {
  "credential",
  "client_id",
  "client id",
  "client_secret",
  "client secret",
  "client authentication",
  "authorization header",
  "encoded",
  NULL
};

static gboolean
encoding_changes (const char *text)
{
  g_autofree char *encoded = rc_oauth_form_encode (text);

  return g_strcmp0 (encoded, text) != 0;
}

/**
 * rc_basic_form_first:
 *
 * Returns: the form of the first token request for @auth: the one chosen,
 *   or for the automatic form the one remembered, else RFC 6749's
 */
RcBasicForm
rc_basic_form_first (RcAuth *auth)
{
  RcBasicForm form;

  g_return_val_if_fail (RC_IS_AUTH (auth), RC_BASIC_FORM_RFC);

  form = rc_auth_get_basic_form (auth);
  if (form == RC_BASIC_FORM_AUTO)
    form = rc_auth_get_remembered_basic_form (auth);

  return form == RC_BASIC_FORM_AUTO ? RC_BASIC_FORM_RFC : form;
}

/**
 * rc_basic_form_other:
 *
 * Returns: the form that is not @form
 */
RcBasicForm
rc_basic_form_other (RcBasicForm form)
{
  return form == RC_BASIC_FORM_RAW ? RC_BASIC_FORM_RFC : RC_BASIC_FORM_RAW;
}

/**
 * rc_basic_form_changes_credentials:
 * @secret: (nullable): the client secret
 *
 * Returns: whether form-encoding changes @auth's client ID or @secret:
 *   only then are the two forms different bytes
 */
gboolean
rc_basic_form_changes_credentials (RcAuth     *auth,
                                   const char *secret)
{
  g_return_val_if_fail (RC_IS_AUTH (auth), FALSE);

  return encoding_changes (rc_auth_get_client_id (auth)) || encoding_changes (secret ? secret : "");
}

/**
 * rc_basic_form_may_retry:
 * @secret: (nullable): the client secret
 *
 * Returns: whether a refused token request of @auth is worth sending once
 *   more in the other form: the form is automatic, the credentials go in
 *   a Basic Auth header, and the encoding changes the client ID or secret
 */
gboolean
rc_basic_form_may_retry (RcAuth     *auth,
                         const char *secret)
{
  g_return_val_if_fail (RC_IS_AUTH (auth), FALSE);

  return rc_auth_get_basic_form (auth) == RC_BASIC_FORM_AUTO
         && rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_BASIC_HEADER
         && rc_basic_form_changes_credentials (auth, secret);
}

/**
 * rc_basic_form_is_refusal:
 * @status: the token endpoint's HTTP status
 * @body: (nullable): its body
 *
 * Returns: whether the answer refuses the client itself, as a server does
 *   when the credentials are in a form it does not take
 */
gboolean
rc_basic_form_is_refusal (guint   status,
                          GBytes *body)
{
  g_autoptr(JsonNode) root = NULL;
  RcTokenRefusal refusal;

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    return TRUE;

  if (status != SOUP_STATUS_BAD_REQUEST)
    return FALSE;

  root = rc_token_refusal_read (&refusal, status, body);

  return g_strcmp0 (refusal.code, "invalid_client") == 0
         || (g_strcmp0 (refusal.code, "invalid_request") == 0
             && rc_token_refusal_mentions (refusal.description, credential_words));
}

/**
 * rc_basic_form_remember:
 * @auth: the auth that remembers
 * @asked: the auth the token request was made for (a copy of @auth, or
 *   @auth itself)
 * @form: the form that worked; %RC_BASIC_FORM_AUTO for none found
 *
 * @auth remembers @form, if it still has the token URL and client ID
 * @asked had: it may have been edited while the request was out.
 */
void
rc_basic_form_remember (RcAuth      *auth,
                        RcAuth      *asked,
                        RcBasicForm  form)
{
  g_return_if_fail (RC_IS_AUTH (auth));
  g_return_if_fail (RC_IS_AUTH (asked));

  if (form == RC_BASIC_FORM_AUTO
      || g_strcmp0 (rc_auth_get_token_url (auth), rc_auth_get_token_url (asked)) != 0
      || g_strcmp0 (rc_auth_get_client_id (auth), rc_auth_get_client_id (asked)) != 0)
    return;

  rc_auth_set_remembered_basic_form (auth, form);
}

/**
 * rc_basic_form_describe:
 *
 * Returns: how @form puts the credentials, in words, for an attempt's
 *   heading
 */
const char *
rc_basic_form_describe (RcBasicForm form)
{
  if (form == RC_BASIC_FORM_RAW)
    return _("client ID and secret unencoded");

  return _("client ID and secret RFC 6749-encoded");
}

/**
 * rc_basic_form_dup_note:
 * @worked: the form the server took, after it refused the other
 *
 * Returns: (transfer full): what happened, for the exchange's notes
 */
char *
rc_basic_form_dup_note (RcBasicForm worked)
{
  if (worked == RC_BASIC_FORM_RAW)
    return g_strdup (
      _("The authorization server refused the client ID and secret RFC 6749-encoded and "
        "took them unencoded: it compares the credentials unencoded. Restcall remembers "
        "this for its token URL and client."));

  return g_strdup (
    _("The authorization server refused the client ID and secret unencoded and took them "
      "RFC 6749-encoded: it decodes the credentials. Restcall remembers this for its "
      "token URL and client."));
}
