/* rc-check.c: the checks an editor shows on its fields
 *
 * Each check answers with a sentence for the field it is about, saying what
 * is wrong and what to do, or NULL when the field is fine. A check only
 * judges a field the settings use: the user name of an auth that is not
 * Basic is fine whatever it holds.
 *
 * The rules are those the call engine applies when it sends the call
 * (rc-url-template.c, rc_executor_build_url(), rc_oauth_check_token_url(),
 * rc-wire.c), so an editor marks exactly what would make a call fail
 * before it leaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rc-check.h"
#include "rc-client-cert.h"
#include "rc-executor.h"
#include "rc-oauth.h"
#include "rc-resolve.h"
#include "rc-url-template.h"
#include "rc-wire.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/**
 * rc_check_method_name:
 *
 * Returns: (transfer full) (nullable): what is wrong with the method's name
 */
char *
rc_check_method_name (RcMethod *method)
{
  g_return_val_if_fail (RC_IS_METHOD (method), NULL);

  if (is_blank (rc_method_get_name (method)))
    return g_strdup (_("The method has no name. Enter a name to find it by, such as "
                       "“Get pet”."));

  return NULL;
}

/**
 * rc_check_method_url_full:
 * @error: where to put what is wrong: an %RC_EXECUTOR_ERROR_SETTINGS,
 *   about the API's base URL (rc_setting_from_error()) when a relative
 *   URL has none to join
 *
 * Checks the URL template as the call engine will build it: braces that
 * pair up, then the API's base URL joined with it and every parameter
 * filled in (with its test value, or a stand-in when it has none) must be
 * an http:// or https:// URL with a host.
 *
 * Returns: whether the method's URL makes a call
 */
static gboolean check_url_as_written (RcMethod  *method,
                                      GError   **error);

gboolean
rc_check_method_url_full (RcMethod  *method,
                          GError   **error)
{
  RcApi *api;

  g_return_val_if_fail (RC_IS_METHOD (method), FALSE);

  api = rc_method_get_api (method);

  /* {{variables}}: checked as the project's active environment fills
   * them in; one it cannot fill in is said when the call is made. */
  if (strstr (rc_method_get_url (method), "{{")
      || (api && strstr (rc_api_get_base_url (api), "{{")))
    {
      g_autoptr(RcResolver) resolver = api ? rc_resolver_new_for_api (api) : rc_resolver_new (NULL);
      g_autoptr(RcMethod) resolved = NULL;

      rc_resolver_leave_secrets (resolver);
      resolved = rc_resolver_resolve_method (resolver, method, NULL);

      return resolved == NULL || check_url_as_written (resolved, error);
    }

  return check_url_as_written (method, error);
}

static gboolean
check_url_as_written (RcMethod  *method,
                      GError   **error)
{
  g_autoptr(RcPairList) values = NULL;
  g_auto(GStrv) parameters = NULL;
  g_autofree char *url = NULL;
  const char *template;
  char *braces;

  g_return_val_if_fail (RC_IS_METHOD (method), FALSE);

  template = rc_method_get_url (method);
  if (is_blank (template))
    {
      g_set_error_literal (error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS,
                           _("The method has no URL. Enter a full URL, such as "
                             "https://api.example.com/pets/{petId}, or a path under its API’s "
                             "base URL."));
      return FALSE;
    }

  braces = rc_url_template_check (template);
  if (braces != NULL)
    {
      g_set_error_literal (error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS, braces);
      g_free (braces);
      return FALSE;
    }

  /* Missing test values are the Test tab's business, not the URL's. */
  values = rc_pair_list_new ();
  parameters = rc_method_dup_parameters (method);
  for (guint i = 0; parameters[i] != NULL; i++)
    {
      const char *value = rc_pair_list_lookup (rc_method_get_test_values (method), parameters[i]);

      rc_pair_list_append (values, parameters[i],
                           value != NULL && value[0] != '\0' ? value : parameters[i]);
    }

  url = rc_executor_build_url (method, values, error);
  return url != NULL;
}

/**
 * rc_check_method_url:
 *
 * As rc_check_method_url_full(), for an editor.
 *
 * Returns: (transfer full) (nullable): what is wrong with the method's URL
 */
char *
rc_check_method_url (RcMethod *method)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RC_IS_METHOD (method), NULL);

  if (!rc_check_method_url_full (method, &error))
    return g_strdup (error->message);

  return NULL;
}

/**
 * rc_check_method_content_type:
 *
 * Returns: (transfer full) (nullable): what is wrong with the method's
 *   content type: one that is not a media type could add headers or
 *   requests to the call
 */
char *
rc_check_method_content_type (RcMethod *method)
{
  g_return_val_if_fail (RC_IS_METHOD (method), NULL);

  return rc_wire_check_content_type (NULL, rc_method_get_content_type (method));
}

/**
 * rc_check_header_name:
 *
 * A header without a name yet is fine: it is not sent.
 *
 * Returns: (transfer full) (nullable): what is wrong with the header's name
 */
char *
rc_check_header_name (RcPair *header)
{
  g_return_val_if_fail (RC_IS_PAIR (header), NULL);

  if (rc_pair_get_name (header)[0] == '\0')
    return NULL;

  return rc_wire_check_header_name (NULL, rc_pair_get_name (header));
}

/**
 * rc_check_header_value:
 *
 * The value of a header without a name yet is fine: it is not sent.
 *
 * Returns: (transfer full) (nullable): what is wrong with the header's
 *   value
 */
char *
rc_check_header_value (RcPair *header)
{
  g_return_val_if_fail (RC_IS_PAIR (header), NULL);

  if (rc_pair_get_name (header)[0] == '\0')
    return NULL;

  return rc_wire_check_header_value (NULL, rc_pair_get_value (header));
}

/**
 * rc_check_token_param_name:
 *
 * Returns: (transfer full) (nullable): what is wrong with the name of an
 *   extra token parameter: one Restcall sets itself
 *   (rc_oauth_check_token_param())
 */
char *
rc_check_token_param_name (RcPair *param)
{
  g_return_val_if_fail (RC_IS_PAIR (param), NULL);

  return rc_oauth_check_token_param (rc_pair_get_name (param));
}

/**
 * rc_check_auth_username:
 *
 * Returns: (transfer full) (nullable): what is wrong with the Basic user
 *   name, if @auth is Basic
 */
char *
rc_check_auth_username (RcAuth *auth)
{
  g_return_val_if_fail (RC_IS_AUTH (auth), NULL);

  if (rc_auth_get_kind (auth) == RC_AUTH_KIND_BASIC && is_blank (rc_auth_get_username (auth)))
    return g_strdup (_("No user name is set. Enter the user name the API expects for Basic "
                       "authentication."));

  return NULL;
}

/**
 * rc_check_auth_client_id:
 *
 * Returns: (transfer full) (nullable): what is wrong with the client ID,
 *   if @auth is OAuth 2.0
 */
char *
rc_check_auth_client_id (RcAuth *auth)
{
  g_return_val_if_fail (RC_IS_AUTH (auth), NULL);

  if (rc_auth_get_kind (auth) == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS
      && is_blank (rc_auth_get_client_id (auth)))
    return g_strdup (_("No client ID is set. Enter the client ID the authorization server "
                       "gave this application."));

  return NULL;
}

/**
 * rc_check_auth_token_url:
 *
 * Returns: (transfer full) (nullable): what is wrong with the access token
 *   URL, if @auth is OAuth 2.0: none, not an https:// URL, or an http://
 *   one to another machine
 */
char *
rc_check_auth_token_url (RcAuth *auth)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RC_IS_AUTH (auth), NULL);

  if (rc_auth_get_kind (auth) != RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    return NULL;

  /* Checked once the environment fills it in, when the call is made. */
  if (strstr (rc_auth_get_token_url (auth), "{{"))
    return NULL;

  if (!rc_oauth_check_auth_token_url (auth, &error))
    return g_strdup (error->message);

  return NULL;
}

/**
 * rc_check_auth_client_cert_file:
 *
 * Returns: (transfer full) (nullable): what is wrong with the client
 *   certificate file, if @auth uses mutual TLS: none, or one that cannot
 *   be read
 */
char *
rc_check_auth_client_cert_file (RcAuth *auth)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (RC_IS_AUTH (auth), NULL);

  if (!rc_client_cert_is_used (auth))
    return NULL;

  if (is_blank (rc_auth_get_client_cert_file (auth)))
    return g_strdup (_("No client certificate file is set. Choose the certificate (PEM) the "
                       "authorization server knows this client by."));

  /* As the call reads it: a relative path from the project's folder. */
  path = rc_auth_dup_file_path (auth, rc_auth_get_client_cert_file (auth));
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_access (path, R_OK) == 0)
    return NULL;

  return g_strdup_printf (_("The client certificate file “%s” cannot be read. Check the path, "
                            "and that you may read the file."),
                          path);
}

/**
 * rc_check_auth:
 * @auth: (nullable): an auth, or %NULL for one inherited
 *
 * Returns: whether every field of @auth's kind passes its check, the
 *   names of an OAuth 2.0 auth's extra token parameters included
 */
gboolean
rc_check_auth (RcAuth *auth)
{
  g_autofree char *problem = NULL;

  g_return_val_if_fail (auth == NULL || RC_IS_AUTH (auth), FALSE);

  problem = rc_check_auth_dup_problem (auth);

  return problem == NULL;
}

/**
 * rc_check_auth_dup_problem:
 *
 * Returns: (transfer full) (nullable): what rc_check_auth() finds wrong
 *   first, as the field that has it says it, or %NULL
 */
char *
rc_check_auth_dup_problem (RcAuth *auth)
{
  char *problem;
  GListModel *params;

  g_return_val_if_fail (auth == NULL || RC_IS_AUTH (auth), NULL);

  if (auth == NULL)
    return NULL;

  if ((problem = rc_check_auth_username (auth)) != NULL ||
      (problem = rc_check_auth_client_id (auth)) != NULL ||
      (problem = rc_check_auth_token_url (auth)) != NULL ||
      (problem = rc_check_auth_client_cert_file (auth)) != NULL)
    return problem;

  if (rc_auth_get_kind (auth) != RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    return NULL;

  params = G_LIST_MODEL (rc_auth_get_token_params (auth));
  for (guint i = 0; i < g_list_model_get_n_items (params); i++)
    {
      g_autoptr(RcPair) param = g_list_model_get_item (params, i);

      if ((problem = rc_check_token_param_name (param)) != NULL)
        return problem;
    }

  return NULL;
}

/**
 * rc_check_method:
 *
 * Returns: whether @method's name, URL, verb, content type, headers (its
 *   API's too) and effective authentication pass their checks
 */
gboolean
rc_check_method (RcMethod *method)
{
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  g_autofree char *wire = NULL;

  g_return_val_if_fail (RC_IS_METHOD (method), FALSE);

  name = rc_check_method_name (method);
  url = rc_check_method_url (method);
  wire = rc_wire_check_method (method);

  return name == NULL && url == NULL && wire == NULL
         && rc_check_auth (rc_method_get_effective_auth (method));
}
