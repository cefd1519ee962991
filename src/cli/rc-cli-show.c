/* rc-cli-show.c: `restcall show FILE [--json]`
 *
 * Prints everything a project holds: its APIs and methods with their
 * headers, test values, bodies and authentication (token parameters
 * included), as an aligned listing for people (rc-cli-output.c) or, with
 * --json, as the project file holds it (rc_project_to_json()). Never a
 * secret: the project file holds none; the keyring is asked only whether
 * each authentication's secret is stored ("secret" in the JSON), and when
 * there is no keyring that is said, not a failure. A URL's password and
 * an Authorization header's credentials are not shown either.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "restcall-core.h"
#include "rc-cli-output.h"
#include "rc-cli-private.h"
#include "rc-cli-resolve.h"
#include "rc-cli-target.h"

/* The keyring, asked no more once it was found missing: each question
 * would wait for the same failure. */
typedef struct
{
  RcProject *project;
  gboolean   unavailable;
} Keyring;

static RcCliSecretState
get_secret_state (Keyring          *keyring,
                  RcAuth           *auth,
                  RcSecretBinding  *binding,
                  RcSecretBinding **saved_for)
{
  RcCliSecretState state;

  if (keyring->unavailable)
    return RC_CLI_SECRET_UNAVAILABLE;

  state = rc_cli_keyring_get_state (keyring->project, auth, binding, saved_for);
  keyring->unavailable = state == RC_CLI_SECRET_UNAVAILABLE;

  return state;
}

/* Adds whether the secret is stored to an auth object of the project
 * file's shape. */
static void
add_secret_member (Keyring         *keyring,
                   JsonObject      *object,
                   RcAuth          *auth,
                   RcSecretBinding *binding)
{
  RcCliSecretState state;

  if (rc_auth_get_kind (auth) == RC_AUTH_KIND_NONE)
    return;

  state = get_secret_state (keyring, auth, binding, NULL);
  json_object_set_string_member (object, "secret", rc_cli_secret_state_to_string (state));
}

/* The project file's members and values (rc_project_to_json()), and for
 * each authentication whether its secret is stored. */
static void
print_json (RcProject *project)
{
  g_autoptr(JsonNode) root = rc_project_to_json (project, RC_MODEL_JSON_SHOWN);
  JsonArray *apis = json_object_get_array_member (json_node_get_object (root), "apis");
  guint n_apis = rc_project_get_n_apis (project);
  Keyring keyring = { project, FALSE };

  for (guint i = 0; i < n_apis; i++)
    {
      RcApi *api = rc_project_get_api (project, i);
      JsonObject *api_object = json_array_get_object_element (apis, i);
      JsonArray *methods = json_object_get_array_member (api_object, "methods");
      g_autoptr(RcSecretBinding) binding = rc_secret_binding_new_for_api (api);
      guint n_methods = rc_api_get_n_methods (api);

      add_secret_member (&keyring, json_object_get_object_member (api_object, "auth"),
                         rc_api_get_auth (api), binding);

      for (guint j = 0; j < n_methods; j++)
        {
          RcMethod *method = rc_api_get_method (api, j);
          JsonObject *method_object = json_array_get_object_element (methods, j);
          g_autoptr(RcSecretBinding) method_binding = NULL;

          if (rc_method_get_auth (method) == NULL)
            continue;

          method_binding = rc_secret_binding_new_for_method (method, NULL);
          add_secret_member (&keyring, json_object_get_object_member (method_object, "auth"),
                             rc_method_get_auth (method), method_binding);
        }
    }

  rc_cli_print_json (root);
}

static void
add_auth (RcCliListing    *listing,
          guint            indent,
          Keyring         *keyring,
          RcAuth          *auth,
          RcSecretBinding *binding)
{
  RcAuthKind kind = rc_auth_get_kind (auth);
  g_autoptr(RcSecretBinding) saved_for = NULL;
  g_autofree char *type = g_strdup_printf ("%s (%s)", rc_auth_kind_to_string (kind),
                                           rc_auth_kind_get_label (kind));
  g_autofree char *secret_state = NULL;

  rc_cli_listing_add (listing, indent, _("Authentication"), type);
  if (kind != RC_AUTH_KIND_NONE)
    {
      RcCliSecretState state = get_secret_state (keyring, auth, binding, &saved_for);

      secret_state = rc_cli_secret_state_describe (state, saved_for, kind);
    }
  rc_cli_listing_add_auth (listing, indent + 2, auth, secret_state);
}

static void
add_optional (RcCliListing *listing,
              guint         indent,
              const char   *label,
              const char   *value)
{
  if (value && value[0])
    rc_cli_listing_add (listing, indent, label, value);
}

static void
add_optional_pairs (RcCliListing *listing,
                    guint         indent,
                    const char   *label,
                    RcPairList   *pairs,
                    const char   *separator)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (pairs)) > 0)
    rc_cli_listing_add_pairs (listing, indent, label, pairs, separator);
}

static void
add_method (RcCliListing *listing,
            Keyring      *keyring,
            RcMethod     *method)
{
  const char * const *required = rc_method_get_required_parameters (method);
  g_autofree char *url = rc_text_dup_url (rc_method_get_url (method));
  g_autofree char *verb = rc_text_dup_printable (rc_method_get_verb (method), -1, 0,
                                                 RC_TEXT_ONE_LINE);
  g_autofree char *name = rc_text_dup_printable (rc_method_get_name (method), -1, 0,
                                                 RC_TEXT_ONE_LINE);
  g_autofree char *heading = g_strdup_printf ("%-7s %s  %s", verb, name, url);

  rc_cli_listing_add_heading (listing, 2, heading);
  if (required && required[0])
    {
      g_autofree char *joined = g_strjoinv (" ", (char **) required);

      rc_cli_listing_add (listing, 4, _("Required parameters"), joined);
    }
  add_optional (listing, 4, _("Description"), rc_method_get_description (method));
  add_optional_pairs (listing, 4, _("Headers"), rc_method_get_headers (method), ": ");
  add_optional (listing, 4, _("Content type"), rc_method_get_content_type (method));
  add_optional (listing, 4, _("Body"), rc_method_get_body (method));
  add_optional_pairs (listing, 4, _("Test values"), rc_method_get_test_values (method), "=");

  if (rc_method_get_auth (method))
    {
      g_autoptr(RcSecretBinding) binding = rc_secret_binding_new_for_method (method, NULL);

      add_auth (listing, 4, keyring, rc_method_get_auth (method), binding);
    }
  else
    rc_cli_listing_add (listing, 4, _("Authentication"), _("inherited from the API"));
}

static void
print_project (RcProject *project)
{
  g_autoptr(RcCliListing) listing = rc_cli_listing_new ();
  guint n_apis = rc_project_get_n_apis (project);
  Keyring keyring = { project, FALSE };
  RcEnvironment *active = rc_project_get_active_environment (project);

  if (active)
    {
      g_autoptr(GString) others = g_string_new (NULL);

      rc_cli_listing_add (listing, 0, _("Environment"), rc_environment_get_name (active));
      for (guint i = 0; i < rc_project_get_n_environments (project); i++)
        {
          RcEnvironment *environment = rc_project_get_environment (project, i);

          if (environment != active)
            g_string_append_printf (others, "%s%s", others->len ? ", " : "",
                                    rc_environment_get_name (environment));
        }
      if (others->len)
        rc_cli_listing_add (listing, 0, _("Other environments"), others->str);
      rc_cli_listing_add_heading (listing, 0, "");
    }

  if (n_apis == 0)
    rc_cli_listing_add_heading (listing, 0, _("No APIs."));

  for (guint i = 0; i < n_apis; i++)
    {
      RcApi *api = rc_project_get_api (project, i);
      guint n_methods = rc_api_get_n_methods (api);
      g_autoptr(RcSecretBinding) binding = rc_secret_binding_new_for_api (api);

      if (i > 0)
        rc_cli_listing_add_heading (listing, 0, "");
      rc_cli_listing_add_heading (listing, 0, rc_api_get_name (api));
      rc_cli_listing_add_url (listing, 2, _("Base URL"), rc_api_get_base_url (api));
      add_optional (listing, 2, _("Description"), rc_api_get_description (api));
      rc_cli_listing_add_pairs (listing, 2, _("Headers"), rc_api_get_headers (api), ": ");
      add_auth (listing, 2, &keyring, rc_api_get_auth (api), binding);

      if (n_methods == 0)
        rc_cli_listing_add_heading (listing, 2, _("No methods."));

      for (guint j = 0; j < n_methods; j++)
        {
          rc_cli_listing_add_heading (listing, 0, "");
          add_method (listing, &keyring, rc_api_get_method (api, j));
        }
    }

  rc_cli_listing_print (listing);
}

/* The project as the environment --env names (or the active one) makes
 * it, --var over it: plain variables filled in, secret ones left as
 * {{name}} (never looked up); NULL, said, with @exit_status set, when it
 * cannot be. */
static RcProject *
resolve_project (const char            *path,
                 RcProject             *project,
                 const RcCliEnvOptions *env,
                 int                   *exit_status)
{
  RcCliTarget target = { (char *) path, project, NULL, NULL, NULL };
  g_autoptr(RcResolver) resolver = rc_cli_resolver_new (&target, env, exit_status);
  g_autoptr(RcProject) resolved = NULL;
  RcEnvironment *environment;

  if (resolver == NULL)
    return NULL;

  environment = rc_resolver_get_environment (resolver);
  rc_resolver_leave_secrets (resolver);

  resolved = rc_project_new ();
  rc_project_set_id (resolved, rc_project_get_id (project));
  rc_project_set_file (resolved, rc_project_get_file (project));
  for (guint i = 0; i < rc_project_get_n_environments (project); i++)
    rc_project_add_environment (resolved, rc_project_get_environment (project, i));
  rc_project_set_active_environment (resolved, environment);

  for (guint i = 0; i < rc_project_get_n_apis (project); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RcApi) api = rc_resolver_resolve_api (resolver, rc_project_get_api (project, i),
                                                      &error);

      if (api == NULL)
        {
          g_autofree char *message = rc_cli_dup_resolve_message (error, &target, resolver);

          rc_cli_error ("%s", message);
          *exit_status = rc_failure_get_exit_status (RC_FAILURE_FILE);
          return NULL;
        }
      rc_project_add_api (resolved, api);
    }

  return g_steal_pointer (&resolved);
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
  g_auto(RcCliEnvOptions) env = { 0 };
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("FILE") },
    { NULL }
  };

  g_set_prgname ("restcall show");
  context = g_option_context_new (_("— print a project’s APIs and methods"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  rc_cli_env_options_add_entries (&env, context);
  rc_cli_set_description (
    context, _("Lists every setting of each API and method. Secrets are never printed: only "
               "whether each is stored in the keyring. With --json, the members are the "
               "project file’s, and “secret” says whether it is stored. With --env or --var, "
               "the settings as that environment makes them: {{variables}} filled in, secret "
               "ones left as {{name}}."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return rc_cli_usage_error (error->message);

  if (args == NULL || args[0] == NULL || args[1] != NULL)
    return rc_cli_usage_error (_("Name exactly one project file."));

  file = g_file_new_for_commandline_arg (args[0]);
  if (!(project = rc_project_load (file, NULL, &error)))
    return rc_cli_report_error (error);

  if (env.env || env.vars)
    {
      RcProject *resolved = resolve_project (args[0], project, &env, &status);

      if (resolved == NULL)
        return status;
      g_object_unref (project);
      project = resolved;
    }

  if (json)
    print_json (project);
  else
    print_project (project);

  return RC_CLI_EXIT_OK;
}
