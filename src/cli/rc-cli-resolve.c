/* rc-cli-resolve.c: --env and --var: the environment a command's calls are made in
 *
 * `run`, `token` and `show` fill a project's `{{name}}` references in
 * (rc-resolve.c) from the environment --env names, or else the project's
 * active one, with --var NAME=VALUE over it for this run only. Secret
 * variables' values come from the keyring, looked up only for those the
 * calls use. A resolve error is said with the commands that fix it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-cli-private.h"
#include "rc-cli-resolve.h"

/**
 * rc_cli_env_options_add_entries:
 *
 * Adds --env and --var to the main group of @context.
 */
void
rc_cli_env_options_add_entries (RcCliEnvOptions *options,
                                GOptionContext  *context)
{
  const GOptionEntry entries[] = {
    { "env", 0, 0, G_OPTION_ARG_STRING, &options->env,
      N_("Fill {{variables}} in from the environment NAME (default: the project’s active one)"),
      N_("NAME") },
    { "var", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->vars,
      N_("Give the variable NAME this value for this run, over the environment’s (repeatable)"),
      N_("NAME=VALUE") },
    { NULL }
  };
  GOptionGroup *group = g_option_context_get_main_group (context);

  g_option_group_add_entries (group, entries);
}

void
rc_cli_env_options_clear (RcCliEnvOptions *options)
{
  g_clear_pointer (&options->env, g_free);
  g_clear_pointer (&options->vars, g_strfreev);
}

/**
 * rc_cli_resolver_new:
 *
 * Returns: (transfer full) (nullable): a resolver for the environment
 *   --env names (or the active one) with --var over it; %NULL, said, with
 *   @exit_status set, when --env names none or a --var is not NAME=VALUE
 */
RcResolver *
rc_cli_resolver_new (RcCliTarget           *target,
                     const RcCliEnvOptions *options,
                     int                   *exit_status)
{
  g_autoptr(RcResolver) resolver = NULL;
  RcEnvironment *environment = rc_project_get_active_environment (target->project);

  if (options->env)
    {
      environment = rc_project_find_environment (target->project, options->env);
      if (environment == NULL)
        {
          g_autoptr(GPtrArray) list = g_ptr_array_new ();
          g_autofree char *names = NULL;

          for (guint i = 0; i < rc_project_get_n_environments (target->project); i++)
            g_ptr_array_add (list, (char *) rc_environment_get_name (
                                     rc_project_get_environment (target->project, i)));
          names = rc_cli_quote_names (list);
          if (list->len > 0)
            rc_cli_error (_("%s has no environment “%s”. Its environments: %s."), target->path,
                          options->env, names);
          else
            rc_cli_error (_("%s has no environments. Add one with “restcall env add”."),
                          target->path);
          *exit_status = rc_failure_get_exit_status (RC_FAILURE_FILE);
          return NULL;
        }
    }

  resolver = rc_resolver_new (environment);
  for (guint i = 0; options->vars && options->vars[i]; i++)
    {
      const char *equals = strchr (options->vars[i], '=');
      g_autofree char *name = equals ? g_strndup (options->vars[i], equals - options->vars[i])
                                     : NULL;

      if (name == NULL || !rc_template_name_is_valid (name))
        {
          g_autofree char *message =
            g_strdup_printf (_("--var takes NAME=VALUE, a variable’s name and its value, not "
                               "“%s”."),
                             options->vars[i]);

          *exit_status = rc_cli_usage_error (message);
          return NULL;
        }
      rc_resolver_set_override (resolver, name, equals + 1);
    }

  return g_steal_pointer (&resolver);
}

/**
 * rc_cli_resolver_load:
 * @method: (nullable): the method the calls send
 * @auth: (nullable): the authentication a token request uses
 *
 * Looks up in the keyring the values of the secret variables that @method
 * or @auth use.
 *
 * Returns: whether the keyring answered; if not, said, with @exit_status set
 */
gboolean
rc_cli_resolver_load (RcResolver  *resolver,
                      RcCliTarget *target,
                      RcMethod    *method,
                      RcAuth      *auth,
                      int         *exit_status)
{
  g_auto(GStrv) names = rc_resolver_dup_secret_names (resolver, method, auth);
  g_autoptr(GError) error = NULL;

  if (rc_cli_keyring_load_variables (resolver, target->project, (const char * const *) names,
                                     &error))
    return TRUE;

  rc_cli_error (_("The values of the secret variables could not be read from the keyring: %s"),
                error->message);
  *exit_status = rc_failure_get_exit_status (RC_FAILURE_KEYRING);
  return FALSE;
}

/**
 * rc_cli_dup_resolve_message:
 * @resolver: the resolver that failed, for its environment
 *
 * Returns: (transfer full): @error's message, in the command line's words
 *   when it is a resolve error that a command fixes
 */
char *
rc_cli_dup_resolve_message (const GError *error,
                            RcCliTarget  *target,
                            RcResolver   *resolver)
{
  RcEnvironment *environment = rc_resolver_get_environment (resolver);
  const char *variable;
  g_autofree char *path = NULL;
  g_autofree char *env = NULL;
  g_autofree char *pair = NULL;

  if (!g_error_matches (error, RC_RESOLVE_ERROR, RC_RESOLVE_ERROR_UNDEFINED)
      && !g_error_matches (error, RC_RESOLVE_ERROR, RC_RESOLVE_ERROR_NO_SECRET))
    return g_strdup (error->message);

  variable = rc_resolve_error_get_variable (error);
  path = rc_text_dup_shell_word (target->path);
  if (environment == NULL)
    return g_strdup_printf (_("%s Add an environment that defines it with “restcall env add %s "
                              "NAME --var %s=VALUE”, or give it for this run with --var "
                              "%s=VALUE."),
                            rc_resolve_error_get_problem (error), path, variable, variable);

  env = rc_text_dup_shell_word (rc_environment_get_name (environment));
  if (error->code == RC_RESOLVE_ERROR_NO_SECRET)
    return g_strdup_printf (_("%s Store it with “restcall env set %s %s --secret %s "
                              "--secret-stdin”."),
                            rc_resolve_error_get_problem (error), path, env, variable);

  pair = g_strdup_printf ("%s=VALUE", variable);
  return g_strdup_printf (_("%s Add it with “restcall env set %s %s --var %s”, or give it for "
                            "this run with --var %s."),
                          rc_resolve_error_get_problem (error), path, env, pair, pair);
}
