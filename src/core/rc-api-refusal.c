/* rc-api-refusal.c: what an API's refusal of a token says, and what to do
 *
 * An API that refuses a Bearer token says why in its WWW-Authenticate
 * challenge (RFC 6750 §3): an error code, an error_description, the scope
 * it needs. The challenge is found among the others of the header and
 * read with libsoup's header parsers; the note that the user sees quotes
 * the API's words, then gives the hint that fits:
 *
 * - a token for another audience: a new token would be for the same one,
 *   so the call is not worth a second token request; the audience or
 *   resource token parameter is what to change (rc-token-refusal.c words
 *   it as for the authorization server's own refusal);
 * - insufficient_scope: the scope the API needs, and what was requested
 *   (or granted, when the token response said);
 * - a new token refused too: what decides which tokens the server issues.
 *
 * Server text is cleaned (rc_text_dup_printable()) before it is quoted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-api-refusal.h"
#include "rc-text.h"
#include "rc-token-refusal.h"

#define QUOTE_LENGTH 500

/* An auth-param ("name=value") rather than the start of another challenge
 * ("Scheme name=value" or "Scheme"): the token is followed by "=". */
static gboolean
is_auth_param (const char *item)
{
  const char *p = item;

  while (*p && *p != '=' && *p != ' ' && *p != '\t')
    p++;
  while (*p == ' ' || *p == '\t')
    p++;

  return *p == '=';
}

/**
 * rc_api_refusal_parse_challenge:
 * @header: (nullable): a WWW-Authenticate header, all its values joined
 *
 * Returns: (transfer full) (nullable): the parameters of the Bearer
 *   challenge among those of @header, names in lower case; %NULL when
 *   there is none
 */
GHashTable *
rc_api_refusal_parse_challenge (const char *header)
{
  GSList *items;
  GString *params = NULL;
  GHashTable *challenge = NULL;

  if (header == NULL)
    return NULL;

  /* Split at the commas outside quoted strings; a challenge's parameters
   * follow its scheme up to the next scheme. */
  items = soup_header_parse_list (header);
  for (GSList *l = items; l; l = l->next)
    {
      const char *item = l->data;

      if (params)
        {
          if (!is_auth_param (item))
            break;
          g_string_append_printf (params, ", %s", item);
        }
      else if (g_ascii_strncasecmp (item, "Bearer", 6) == 0
               && (item[6] == '\0' || item[6] == ' ' || item[6] == '\t'))
        params = g_string_new (item + 6);
    }
  soup_header_free_list (items);

  if (params)
    {
      challenge = soup_header_parse_param_list (params->str);
      g_string_free (params, TRUE);
    }

  return challenge;
}

/**
 * rc_api_refusal_is_audience:
 * @challenge: (nullable): a Bearer challenge's parameters
 *
 * Returns: whether the API says the token is for another audience, which
 *   a new token from the same request would be too
 */
gboolean
rc_api_refusal_is_audience (GHashTable *challenge)
{
  if (challenge == NULL)
    return FALSE;

  return rc_token_refusal_mentions_audience (g_hash_table_lookup (challenge, "error"))
         || rc_token_refusal_mentions_audience (g_hash_table_lookup (challenge,
                                                                     "error_description"));
}

static char *
dup_quoted (GHashTable *challenge,
            const char *name)
{
  const char *value = g_hash_table_lookup (challenge, name);
  g_autofree char *text = NULL;

  if (value == NULL)
    return NULL;

  text = rc_text_dup_printable (value, -1, QUOTE_LENGTH, RC_TEXT_ONE_LINE);
  g_strstrip (text);
  if (text[0] == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

/* The scope the API needs, and what the token was asked with or granted. */
static char *
dup_scope_hint (GHashTable *challenge,
                RcToken    *token)
{
  g_autofree char *needed = dup_quoted (challenge, "scope");
  g_autofree char *scopes = NULL;
  g_auto(GStrv) requested = NULL;

  if (needed == NULL)
    return g_strdup (_("The API says the token lacks a scope it needs. Check the scopes."));

  if (token == NULL)
    return g_strdup_printf (_("The API requires the scope “%s”. Add it to the scopes."), needed);

  scopes = rc_text_dup_printable (rc_token_get_scopes (token), -1, QUOTE_LENGTH,
                                  RC_TEXT_ONE_LINE);

  if (!rc_token_get_scopes_unsaid (token))
    return g_strdup_printf (_("The API requires the scope “%s”, which the token does not have "
                              "(it has “%s”). Add it to the scopes."),
                            needed, scopes);

  if (scopes[0] == '\0')
    return g_strdup_printf (_("The API requires the scope “%s”; Restcall requested no scope. "
                              "Add it to the scopes."),
                            needed);

  requested = g_strsplit_set (rc_token_get_scopes (token), " ", -1);
  if (g_strv_contains ((const char * const *) requested, g_hash_table_lookup (challenge, "scope")))
    return g_strdup_printf (_("The API requires the scope “%s”; Restcall requested “%s”, and the "
                              "server did not say what it granted: it may not grant that scope to "
                              "this client."),
                            needed, scopes);

  return g_strdup_printf (_("The API requires the scope “%s”; Restcall requested “%s”, and the "
                            "server did not say what it granted. Add it to the scopes."),
                          needed, scopes);
}

/**
 * rc_api_refusal_dup_note:
 * @challenge: the Bearer challenge's parameters
 *   (rc_api_refusal_parse_challenge())
 * @status: the API's status, 401 or 403
 * @token: (nullable): the token the call was sent with
 * @renewed: whether @token was fetched after the API refused another
 * @not_renewed: whether a 401 was left without a new token, because the
 *   API says the audience is wrong (rc_api_refusal_is_audience())
 *
 * Returns: (transfer full) (nullable): the API's words and what to do, or
 *   %NULL when there is nothing to say: no token was sent and the API
 *   asks for no scope
 */
char *
rc_api_refusal_dup_note (GHashTable *challenge,
                         guint       status,
                         RcToken    *token,
                         gboolean    renewed,
                         gboolean    not_renewed)
{
  g_autofree char *code = NULL;
  g_autofree char *description = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *hint = NULL;
  gboolean scope = FALSE;

  g_return_val_if_fail (challenge != NULL, NULL);

  code = dup_quoted (challenge, "error");
  description = dup_quoted (challenge, "error_description");
  scope = g_strcmp0 (g_hash_table_lookup (challenge, "error"), "insufficient_scope") == 0;

  if (token == NULL && !scope)
    return NULL;

  if (code && description)
    /* Translators: the API's error code, then its description */
    quote = g_strdup_printf (_("The API refused the token: %s — %s."), code, description);
  else if (code)
    quote = g_strdup_printf (_("The API refused the token: %s."), code);
  else
    quote = g_strdup_printf (_("The API refused the token (HTTP %u) without saying why."), status);

  if (scope)
    hint = dup_scope_hint (challenge, token);
  else if (rc_api_refusal_is_audience (challenge) && not_renewed)
    /* Translators: the second %s says what to do about the audience */
    hint = g_strdup_printf (_("A new token would be for the same audience, so Restcall did not "
                              "ask for one. %s"),
                            rc_token_refusal_get_audience_hint ());
  else if (rc_api_refusal_is_audience (challenge))
    hint = g_strdup (rc_token_refusal_get_audience_hint ());
  else if (renewed)
    hint = g_strdup (_("Restcall fetched a new token and sent the call once more, and the API "
                       "refused that one too. Check that the authorization server issues tokens "
                       "for this API: the access token URL, the scopes, and an audience or "
                       "resource token parameter if the server expects one."));

  if (hint == NULL)
    return g_steal_pointer (&quote);

  return g_strdup_printf ("%s %s", quote, hint);
}
