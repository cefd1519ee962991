/* rc-secret-binding.c: what a stored secret was saved for, and may be sent to
 *
 * A project file is shared and can be edited by anyone: the ids in it that
 * find a secret in the keyring say nothing about where the secret may go.
 * So each secret is stored with what it authenticates, its binding: the
 * origin it is sent to (the access token URL's for an OAuth 2.0 client
 * secret, the API's for a Basic password) and the login it goes with (the
 * client ID or the user name). A secret is handed out only for the same
 * binding (rc_secret_store_lookup_async()).
 *
 * An origin is "scheme://host[:port]", the scheme and host in lower case,
 * the port only when it is not the scheme's default, an IPv6 address in
 * brackets; never a user name, a password, a path or a query. A URL that
 * is not a valid http:// or https:// one has no origin: "" then, which
 * matches only a secret saved with no origin, and a call to such a URL is
 * refused before anything is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "rc-api.h"
#include "rc-executor.h"
#include "rc-secret-binding.h"

struct _RcSecretBinding
{
  char *origin;
  char *login;
};

G_DEFINE_BOXED_TYPE (RcSecretBinding,
                     rc_secret_binding,
                     rc_secret_binding_copy,
                     rc_secret_binding_free)

/**
 * rc_url_dup_origin:
 *
 * Returns: (transfer full): the origin of @url, as bindings hold it, or ""
 *   when @url is not a valid http:// or https:// URL
 */
char *
rc_url_dup_origin (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  gboolean ipv6;
  int port;

  if (url == NULL || url[0] == '\0')
    return g_strdup ("");

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return g_strdup ("");

  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  if (!g_str_equal (scheme, "http") && !g_str_equal (scheme, "https"))
    return g_strdup ("");

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  port = g_uri_get_port (uri);
  if ((g_str_equal (scheme, "http") && port == 80) ||
      (g_str_equal (scheme, "https") && port == 443))
    port = -1;

  ipv6 = strchr (host, ':') != NULL;
  if (port > 0)
    return g_strdup_printf ("%s://%s%s%s:%d", scheme, ipv6 ? "[" : "", host, ipv6 ? "]" : "", port);

  return g_strdup_printf ("%s://%s%s%s", scheme, ipv6 ? "[" : "", host, ipv6 ? "]" : "");
}

/**
 * rc_secret_binding_new:
 * @origin: (nullable): an origin as rc_url_dup_origin() makes it
 * @login: (nullable): the client ID or the user name
 */
RcSecretBinding *
rc_secret_binding_new (const char *origin,
                       const char *login)
{
  RcSecretBinding *self = g_new0 (RcSecretBinding, 1);

  self->origin = g_strdup (origin ? origin : "");
  self->login = g_strdup (login ? login : "");

  return self;
}

/**
 * rc_secret_binding_new_for_auth:
 * @url: (nullable): for Basic, the URL the password goes with (the API's
 *   base URL, or the call's URL); unused for OAuth 2.0
 *
 * Returns: (transfer full) (nullable): what the secret of @auth goes to:
 *   the token URL's origin and the client ID for OAuth 2.0, @url's origin
 *   and the user name for Basic; %NULL for no authentication
 */
RcSecretBinding *
rc_secret_binding_new_for_auth (RcAuth     *auth,
                                const char *url)
{
  g_autofree char *origin = NULL;

  g_return_val_if_fail (RC_IS_AUTH (auth), NULL);

  switch (rc_auth_get_kind (auth))
    {
    case RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS:
      origin = rc_url_dup_origin (rc_auth_get_token_url (auth));
      return rc_secret_binding_new (origin, rc_auth_get_client_id (auth));

    case RC_AUTH_KIND_BASIC:
      origin = rc_url_dup_origin (url);
      return rc_secret_binding_new (origin, rc_auth_get_username (auth));

    case RC_AUTH_KIND_NONE:
    default:
      return NULL;
    }
}

/**
 * rc_secret_binding_new_for_api:
 *
 * Returns: (transfer full) (nullable): the binding of the API's own
 *   authentication, a Basic password going with its base URL
 */
RcSecretBinding *
rc_secret_binding_new_for_api (RcApi *api)
{
  g_return_val_if_fail (RC_IS_API (api), NULL);

  return rc_secret_binding_new_for_auth (rc_api_get_auth (api), rc_api_get_base_url (api));
}

/**
 * rc_secret_binding_new_for_method:
 * @values: (nullable): the URL parameters' values; %NULL for the test values
 *
 * Returns: (transfer full) (nullable): the binding of the method's
 *   effective authentication for a call with @values: a Basic password
 *   goes with the URL the call is sent to, which an absolute method URL or
 *   a parameter in the host can take elsewhere than the API's base URL
 */
RcSecretBinding *
rc_secret_binding_new_for_method (RcMethod   *method,
                                  RcPairList *values)
{
  g_autofree char *url = NULL;
  RcAuth *auth;

  g_return_val_if_fail (RC_IS_METHOD (method), NULL);

  if ((auth = rc_method_get_effective_auth (method)) == NULL)
    return NULL;

  if (rc_auth_get_kind (auth) == RC_AUTH_KIND_BASIC && rc_method_get_api (method) != NULL)
    url = rc_executor_build_url (method, values, NULL);

  return rc_secret_binding_new_for_auth (auth, url);
}

RcSecretBinding *
rc_secret_binding_copy (const RcSecretBinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return rc_secret_binding_new (self->origin, self->login);
}

void
rc_secret_binding_free (RcSecretBinding *self)
{
  if (self == NULL)
    return;

  g_free (self->origin);
  g_free (self->login);
  g_free (self);
}

/**
 * rc_secret_binding_get_origin:
 *
 * Returns: the origin, or "" when the secret goes to no valid URL
 */
const char *
rc_secret_binding_get_origin (const RcSecretBinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->origin;
}

/**
 * rc_secret_binding_get_login:
 *
 * Returns: the client ID or the user name; may be ""
 */
const char *
rc_secret_binding_get_login (const RcSecretBinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->login;
}

gboolean
rc_secret_binding_equal (const RcSecretBinding *a,
                         const RcSecretBinding *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_str_equal (a->origin, b->origin) && g_str_equal (a->login, b->login);
}

/**
 * rc_secret_binding_describe:
 * @kind: the kind of authentication, to name the login
 *
 * Returns: (transfer full): the binding for a sentence, like
 *   “https://auth.example.com and the client “pets-client””
 */
char *
rc_secret_binding_describe (const RcSecretBinding *self,
                            RcAuthKind             kind)
{
  const char *origin;

  g_return_val_if_fail (self != NULL, NULL);

  origin = self->origin[0] ? self->origin : _("no valid URL");

  if (kind == RC_AUTH_KIND_BASIC)
    /* Translators: where a password may be sent: an origin and a user name */
    return g_strdup_printf (_("%s and the user “%s”"), origin, self->login);

  /* Translators: where a client secret may be sent: an origin and a client ID */
  return g_strdup_printf (_("%s and the client “%s”"), origin, self->login);
}
