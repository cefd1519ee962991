/* rc-model-json.c: APIs, methods and authentications as the project file writes them
 *
 * The one place that turns the model into JSON (environments too): the
 * project file is
 * written from it (rc-project-file.c), and so is what `restcall show
 * --json`, `auth --json` and `import --json` print, so the names, shapes
 * and values are the file's everywhere (scopes as one string, `client_auth`
 * as the file spells it). The key order is stable, so that a file loaded
 * and saved again is byte-identical.
 *
 * Optional members are written only when they hold something. Every field
 * of an auth is kept whatever its type, so switching the type back and
 * forth loses nothing the user typed.
 *
 * No secret is ever written: the model holds none (an auth has only
 * `secret_id`, a reference into the keyring; a key file's name, never the
 * key). %RC_MODEL_JSON_SHOWN leaves out what is not for printing as well:
 * the keyring reference, the password of a URL's `user:password@`, and the
 * credentials of an Authorization header typed into the project, masked as
 * the inspector masks them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include "rc-http-record.h"
#include "rc-model-json.h"
#include "rc-text.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  if (value && value[0] != '\0')
    add_string (builder, name, value);
}

static void
add_url (JsonBuilder      *builder,
         const char       *name,
         const char       *url,
         gboolean          optional,
         RcModelJsonFlags  flags)
{
  g_autofree char *shown = NULL;

  if (flags & RC_MODEL_JSON_SHOWN)
    url = shown = rc_url_dup_without_password (url);

  if (optional)
    add_optional_string (builder, name, url);
  else
    add_string (builder, name, url);
}

/* @headers: whether the pairs are headers, whose credentials are masked
 * when shown */
static void
add_optional_pairs (JsonBuilder      *builder,
                    const char       *name,
                    RcPairList       *pairs,
                    gboolean          headers,
                    RcModelJsonFlags  flags)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (pairs));

  if (n_items == 0)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (G_LIST_MODEL (pairs), i);
      g_autofree char *masked = NULL;

      if (headers && (flags & RC_MODEL_JSON_SHOWN))
        masked = rc_mask_header_value (rc_pair_get_name (pair), rc_pair_get_value (pair));

      json_builder_begin_object (builder);
      add_string (builder, "name", rc_pair_get_name (pair));
      add_string (builder, "value", masked ? masked : rc_pair_get_value (pair));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_optional_strings (JsonBuilder        *builder,
                      const char         *name,
                      const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i]; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
build_auth (JsonBuilder      *builder,
            RcAuth           *auth,
            RcModelJsonFlags  flags)
{
  json_builder_begin_object (builder);

  add_string (builder, "type", rc_auth_kind_to_string (rc_auth_get_kind (auth)));
  add_optional_string (builder, "username", rc_auth_get_username (auth));
  add_optional_string (builder, "client_id", rc_auth_get_client_id (auth));
  add_url (builder, "token_url", rc_auth_get_token_url (auth), TRUE, flags);
  add_optional_string (builder, "scopes", rc_auth_get_scopes (auth));
  if (rc_auth_get_client_auth (auth) != RC_CLIENT_AUTH_BASIC_HEADER)
    add_string (builder, "client_auth", rc_client_auth_to_string (rc_auth_get_client_auth (auth)));
  if (rc_auth_get_basic_form (auth) != RC_BASIC_FORM_AUTO)
    add_string (builder, "basic_form", rc_basic_form_to_string (rc_auth_get_basic_form (auth)));
  if (rc_auth_get_remembered_basic_form (auth) != RC_BASIC_FORM_AUTO)
    add_string (builder, "remembered_basic_form",
                rc_basic_form_to_string (rc_auth_get_remembered_basic_form (auth)));
  if (rc_auth_get_jwt_alg (auth) != RC_JWT_ALG_AUTO)
    add_string (builder, "jwt_alg", rc_jwt_alg_to_string (rc_auth_get_jwt_alg (auth)));
  add_optional_string (builder, "key_id", rc_auth_get_key_id (auth));
  /* File names only: a key itself is never in the project. */
  add_optional_string (builder, "client_cert_file", rc_auth_get_client_cert_file (auth));
  add_optional_string (builder, "private_key_file", rc_auth_get_private_key_file (auth));
  add_optional_pairs (builder, "token_params", rc_auth_get_token_params (auth), FALSE, flags);
  add_optional_string (builder, "secret_variable", rc_auth_get_secret_variable (auth));
  if (!(flags & RC_MODEL_JSON_SHOWN))
    add_optional_string (builder, "secret_id", rc_auth_get_secret_id (auth));

  json_builder_end_object (builder);
}

static void
build_method (JsonBuilder      *builder,
              RcMethod         *method,
              RcModelJsonFlags  flags)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", rc_method_get_id (method));
  add_string (builder, "name", rc_method_get_name (method));
  add_string (builder, "verb", rc_method_get_verb (method));
  add_url (builder, "url", rc_method_get_url (method), FALSE, flags);
  add_optional_strings (builder, "required_parameters", rc_method_get_required_parameters (method));
  add_optional_string (builder, "description", rc_method_get_description (method));
  add_optional_pairs (builder, "headers", rc_method_get_headers (method), TRUE, flags);
  add_optional_string (builder, "content_type", rc_method_get_content_type (method));
  add_optional_string (builder, "body", rc_method_get_body (method));
  add_optional_pairs (builder, "test_values", rc_method_get_test_values (method), FALSE, flags);
  if (rc_method_get_auth (method))
    {
      json_builder_set_member_name (builder, "auth");
      build_auth (builder, rc_method_get_auth (method), flags);
    }
  json_builder_end_object (builder);
}

static void
build_api (JsonBuilder      *builder,
           RcApi            *api,
           RcModelJsonFlags  flags)
{
  guint n_methods = rc_api_get_n_methods (api);

  json_builder_begin_object (builder);
  add_string (builder, "id", rc_api_get_id (api));
  add_string (builder, "name", rc_api_get_name (api));
  add_url (builder, "base_url", rc_api_get_base_url (api), FALSE, flags);
  add_optional_string (builder, "description", rc_api_get_description (api));
  add_optional_pairs (builder, "headers", rc_api_get_headers (api), TRUE, flags);
  json_builder_set_member_name (builder, "auth");
  build_auth (builder, rc_api_get_auth (api), flags);

  json_builder_set_member_name (builder, "methods");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_methods; i++)
    build_method (builder, rc_api_get_method (api, i), flags);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/**
 * rc_auth_to_json:
 *
 * Returns: (transfer full): @auth as the project file's `auth` object
 */
JsonNode *
rc_auth_to_json (RcAuth           *auth,
                 RcModelJsonFlags  flags)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (RC_IS_AUTH (auth), NULL);

  build_auth (builder, auth, flags);

  return json_builder_get_root (builder);
}

/**
 * rc_method_to_json:
 *
 * Returns: (transfer full): @method as an element of the project file's
 *   `methods`; `auth` only when the method has its own
 */
JsonNode *
rc_method_to_json (RcMethod         *method,
                   RcModelJsonFlags  flags)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (RC_IS_METHOD (method), NULL);

  build_method (builder, method, flags);

  return json_builder_get_root (builder);
}

/**
 * rc_api_to_json:
 *
 * Returns: (transfer full): @api as an element of the project file's
 *   `apis`, its methods included
 */
JsonNode *
rc_api_to_json (RcApi            *api,
                RcModelJsonFlags  flags)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (RC_IS_API (api), NULL);

  build_api (builder, api, flags);

  return json_builder_get_root (builder);
}

/* A variable: a secret one is its name only. */
static void
build_variable (JsonBuilder *builder,
                RcVariable  *variable)
{
  const char * const *choices = rc_variable_get_choices (variable);

  json_builder_begin_object (builder);
  add_string (builder, "name", rc_variable_get_name (variable));
  if (rc_variable_get_secret (variable))
    {
      json_builder_set_member_name (builder, "secret");
      json_builder_add_boolean_value (builder, TRUE);
    }
  else
    add_string (builder, "value", rc_variable_get_value (variable));
  if (choices[0] != NULL)
    {
      json_builder_set_member_name (builder, "choices");
      json_builder_begin_array (builder);
      for (guint i = 0; choices[i]; i++)
        json_builder_add_string_value (builder, choices[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

/* An environment: a secret variable is its name only. */
static void
build_environment (JsonBuilder   *builder,
                   RcEnvironment *environment)
{
  guint n_variables = rc_environment_get_n_variables (environment);

  json_builder_begin_object (builder);
  add_string (builder, "id", rc_environment_get_id (environment));
  add_string (builder, "name", rc_environment_get_name (environment));
  add_optional_string (builder, "color", rc_environment_get_color (environment));
  json_builder_set_member_name (builder, "variables");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_variables; i++)
    build_variable (builder, rc_environment_get_variable (environment, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * rc_environment_to_json:
 *
 * Returns: (transfer full): @environment as the project file writes it,
 *   one of its "environments": a secret variable by its name only
 */
JsonNode *
rc_environment_to_json (RcEnvironment    *environment,
                        RcModelJsonFlags  flags)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (RC_IS_ENVIRONMENT (environment), NULL);

  /* Nothing in an environment is masked: it holds no secret. */
  build_environment (builder, environment);

  return json_builder_get_root (builder);
}

/**
 * rc_variable_to_json:
 *
 * Returns: (transfer full): @variable as the project file writes it, one
 *   of an environment's "variables": `name`, and `value` or (a secret
 *   one) `secret`, and `choices` when it has any
 */
JsonNode *
rc_variable_to_json (RcVariable       *variable,
                     RcModelJsonFlags  flags)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (RC_IS_VARIABLE (variable), NULL);

  build_variable (builder, variable);

  return json_builder_get_root (builder);
}

/**
 * rc_project_to_json:
 *
 * Returns: (transfer full): the project file's root object: `format`, `id`
 *   and `apis`
 */
JsonNode *
rc_project_to_json (RcProject        *project,
                    RcModelJsonFlags  flags)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_apis;

  g_return_val_if_fail (RC_IS_PROJECT (project), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, RC_PROJECT_FORMAT);
  add_string (builder, "id", rc_project_get_id (project));

  if (rc_project_get_n_environments (project) > 0)
    {
      RcEnvironment *active = rc_project_get_active_environment (project);

      json_builder_set_member_name (builder, "environments");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rc_project_get_n_environments (project); i++)
        build_environment (builder, rc_project_get_environment (project, i));
      json_builder_end_array (builder);
      if (active)
        add_string (builder, "active_environment", rc_environment_get_id (active));
    }

  json_builder_set_member_name (builder, "apis");
  json_builder_begin_array (builder);
  n_apis = rc_project_get_n_apis (project);
  for (guint i = 0; i < n_apis; i++)
    build_api (builder, rc_project_get_api (project, i), flags);
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
