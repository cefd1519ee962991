/* rc-cli-show.c: `restcall show FILE [--json]`
 *
 * Prints a project's APIs and methods, as text for people or as JSON for
 * scripts. Never prints a secret: the project file holds none, and the
 * keyring is not asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "restcall-core.h"
#include "rc-cli-private.h"

static void
build_auth (JsonBuilder *builder,
            RcAuth      *auth,
            gboolean     inherited)
{
  RcAuthKind kind = rc_auth_get_kind (auth);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, rc_auth_kind_to_string (kind));
  json_builder_set_member_name (builder, "inherited");
  json_builder_add_boolean_value (builder, inherited);

  if (kind == RC_AUTH_KIND_BASIC)
    {
      json_builder_set_member_name (builder, "username");
      json_builder_add_string_value (builder, rc_auth_get_username (auth));
    }
  else if (kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      g_auto(GStrv) scopes = rc_auth_dup_scope_list (auth);
      RcPairList *params = rc_auth_get_token_params (auth);
      guint n_params = g_list_model_get_n_items (G_LIST_MODEL (params));

      json_builder_set_member_name (builder, "client_id");
      json_builder_add_string_value (builder, rc_auth_get_client_id (auth));
      json_builder_set_member_name (builder, "token_url");
      json_builder_add_string_value (builder, rc_auth_get_token_url (auth));
      json_builder_set_member_name (builder, "scopes");
      json_builder_begin_array (builder);
      for (guint i = 0; scopes[i]; i++)
        json_builder_add_string_value (builder, scopes[i]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "client_auth");
      json_builder_add_string_value (builder,
                                     rc_client_auth_to_string (rc_auth_get_client_auth (auth)));
      if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_PRIVATE_KEY_JWT)
        {
          json_builder_set_member_name (builder, "jwt_alg");
          json_builder_add_string_value (builder,
                                         rc_jwt_alg_to_string (rc_auth_get_jwt_alg (auth)));
          json_builder_set_member_name (builder, "key_id");
          json_builder_add_string_value (builder, rc_auth_get_key_id (auth));
          json_builder_set_member_name (builder, "private_key_file");
          json_builder_add_string_value (builder, rc_auth_get_private_key_file (auth));
        }
      if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_TLS)
        {
          json_builder_set_member_name (builder, "client_cert_file");
          json_builder_add_string_value (builder, rc_auth_get_client_cert_file (auth));
          json_builder_set_member_name (builder, "private_key_file");
          json_builder_add_string_value (builder, rc_auth_get_private_key_file (auth));
        }
      json_builder_set_member_name (builder, "token_params");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_params; i++)
        {
          g_autoptr(RcPair) pair = g_list_model_get_item (G_LIST_MODEL (params), i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, rc_pair_get_name (pair));
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, rc_pair_get_value (pair));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static void
build_method (JsonBuilder *builder,
              RcMethod    *method)
{
  g_auto(GStrv) parameters = rc_method_dup_parameters (method);
  RcAuth *auth = rc_method_get_effective_auth (method);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, rc_method_get_name (method));
  json_builder_set_member_name (builder, "verb");
  json_builder_add_string_value (builder, rc_method_get_verb (method));
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, rc_method_get_url (method));
  json_builder_set_member_name (builder, "parameters");
  json_builder_begin_array (builder);
  for (guint i = 0; parameters[i]; i++)
    json_builder_add_string_value (builder, parameters[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "auth");
  build_auth (builder, auth, rc_method_get_auth (method) == NULL);
  json_builder_end_object (builder);
}

static char *
project_to_json (RcProject *project)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n_apis = rc_project_get_n_apis (project);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "apis");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_apis; i++)
    {
      RcApi *api = rc_project_get_api (project, i);
      guint n_methods = rc_api_get_n_methods (api);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, rc_api_get_name (api));
      json_builder_set_member_name (builder, "base_url");
      json_builder_add_string_value (builder, rc_api_get_base_url (api));
      json_builder_set_member_name (builder, "auth");
      build_auth (builder, rc_api_get_auth (api), FALSE);
      json_builder_set_member_name (builder, "methods");
      json_builder_begin_array (builder);
      for (guint j = 0; j < n_methods; j++)
        build_method (builder, rc_api_get_method (api, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

static void
print_auth (RcAuth     *auth,
            const char *indent)
{
  RcAuthKind kind = rc_auth_get_kind (auth);

  rc_cli_print (_("%sAuthentication: %s\n"), indent, rc_auth_kind_get_label (kind));

  if (kind == RC_AUTH_KIND_BASIC)
    rc_cli_print (_("%s  User name: %s\n"), indent, rc_auth_get_username (auth));
  else if (kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      g_autofree char *token_url = rc_text_dup_url (rc_auth_get_token_url (auth));

      rc_cli_print (_("%s  Client ID: %s\n"), indent, rc_auth_get_client_id (auth));
      rc_cli_print (_("%s  Access token URL: %s\n"), indent, token_url);
      rc_cli_print (_("%s  Scopes: %s\n"), indent, rc_auth_get_scopes (auth));
      rc_cli_print (_("%s  Client authentication: %s\n"), indent,
                    rc_client_auth_get_label (rc_auth_get_client_auth (auth)));
      if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_TLS)
        {
          rc_cli_print (_("%s  Client certificate: %s\n"), indent,
                        rc_auth_get_client_cert_file (auth));
          rc_cli_print (_("%s  Private key: %s\n"), indent,
                        rc_auth_secret_holds_key (auth) ? _("in the keyring")
                                                        : rc_auth_get_private_key_file (auth));
        }
    }
}

static void
print_project (RcProject *project)
{
  guint n_apis = rc_project_get_n_apis (project);

  if (n_apis == 0)
    rc_cli_print (_("No APIs.\n"));

  for (guint i = 0; i < n_apis; i++)
    {
      RcApi *api = rc_project_get_api (project, i);
      guint n_methods = rc_api_get_n_methods (api);
      g_autofree char *base_url = rc_text_dup_url (rc_api_get_base_url (api));

      rc_cli_print ("%s%s\n", i ? "\n" : "", rc_api_get_name (api));
      rc_cli_print (_("  Base URL: %s\n"), base_url);
      print_auth (rc_api_get_auth (api), "  ");

      if (n_methods == 0)
        rc_cli_print (_("  No methods.\n"));

      for (guint j = 0; j < n_methods; j++)
        {
          RcMethod *method = rc_api_get_method (api, j);
          g_autofree char *url = rc_text_dup_url (rc_method_get_url (method));

          rc_cli_print ("  %-7s %s  %s\n", rc_method_get_verb (method),
                        rc_method_get_name (method), url);
          if (rc_method_get_auth (method))
            print_auth (rc_method_get_auth (method), "          ");
        }
    }
}

int
rc_cli_show (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RcProject) project = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("FILE") },
    { NULL }
  };

  g_set_prgname ("restcall show");
  context = g_option_context_new (_("— print a project’s APIs and methods"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  rc_cli_set_description (context, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return rc_cli_usage_error (error->message);

  if (args == NULL || args[0] == NULL || args[1] != NULL)
    return rc_cli_usage_error (_("Name exactly one project file."));

  file = g_file_new_for_commandline_arg (args[0]);
  if (!(project = rc_project_load (file, NULL, &error)))
    return rc_cli_report_error (error);

  if (json)
    {
      g_autofree char *text = project_to_json (project);

      g_print ("%s\n", text);
    }
  else
    print_project (project);

  return RC_CLI_EXIT_OK;
}
