/* rc-cli-env.c: `restcall env list|add|set|remove PROJECT [NAME] [OPTION…]`
 *
 * Lists, adds, changes, renames, activates or removes a project's
 * environments without the window, as `restcall api` does APIs: the same
 * loading, checks, atomic saving and reporting (rc-cli-edit.c), and a
 * file left as it was, byte for byte, by a command that fails. An
 * environment's name is its project's one, and not blank.
 *
 * The variables' options are rc-cli-env-variables.c's, the keyring work
 * they need rc-cli-env-secrets.c's: a secret variable's value is stored
 * from standard input or an environment variable, never an argument, and
 * removing an environment removes its stored values, as removing an API
 * removes its secrets. Listing is rc-cli-env-list.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-cli-edit.h"
#include "rc-cli-env.h"
#include "rc-cli-private.h"

/* The names of the project's environments, quoted, for messages. */
static char *
list_names (RcProject *project)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < rc_project_get_n_environments (project); i++)
    g_ptr_array_add (names,
                     (gpointer) rc_environment_get_name (rc_project_get_environment (project, i)));

  return rc_cli_quote_names (names);
}

/* The environment @name of the target's project; or %NULL, said. */
static RcEnvironment *
find_environment (RcCliTarget *target,
                  const char  *name)
{
  RcEnvironment *environment = rc_project_find_environment (target->project, name);
  g_autofree char *names = NULL;
  g_autofree char *path = NULL;
  g_autofree char *quoted = NULL;

  if (environment)
    return environment;

  if (rc_project_get_n_environments (target->project) == 0)
    {
      path = rc_text_dup_shell_word (target->path);
      quoted = rc_text_dup_shell_word (name);
      rc_cli_error (_("The project %s has no environment “%s”: it has no environments at all. Add "
                      "one with “restcall env add %s %s”."),
                    target->path, name, path, quoted);
    }
  else
    {
      names = list_names (target->project);
      rc_cli_error (_("The project %s has no environment “%s”. Its environments: %s."),
                    target->path, name, names);
    }

  return NULL;
}

/* Sets the colour of --color, checked (rc_cli_env_check_options()). */
static void
set_color (RcEnvironment *environment,
           const char    *text)
{
  g_autofree char *color = NULL;
  g_autofree char *problem = rc_cli_env_parse_color (text, &color);

  g_assert (problem == NULL);
  rc_environment_set_color (environment, color);
}

/* Stores what goes in the keyring, saves the project, removes from the
 * keyring what is no longer referred to, and says what was done:
 * @environment as the file holds it with --json. */
static int
save (RcCliEditOptions *options,
      RcCliTarget      *target,
      RcCliEnvSecrets  *secrets,
      RcEnvironment    *environment,
      gboolean          changed,
      const char       *line)
{
  g_autoptr(GString) report = g_string_new (line);
  g_autofree char *json = NULL;
  int status;

  if (!rc_cli_env_secrets_store (secrets, target, &status))
    return status;

  /* Only a value stored: the file stays as it is. */
  if ((changed || rc_project_get_dirty (target->project)) && !rc_cli_edit_save (target, NULL))
    {
      rc_cli_env_secrets_undo (secrets, target);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  status = rc_cli_env_secrets_finish (secrets, target, options->json || options->quiet, report);
  json = rc_project_serialize_environment (environment);
  rc_cli_edit_report (options, report->str, json);

  return status;
}

static int
add_env (RcCliEditOptions *options,
         RcCliEnvChanges  *own)
{
  g_auto(RcCliTarget) target = { 0 };
  g_autoptr(RcCliEnvSecrets) secrets = rc_cli_env_secrets_new ();
  g_autoptr(RcEnvironment) environment = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *line = NULL;
  const char *name = options->args[1];
  RcEnvironment *from;
  int status;

  if ((problem = rc_cli_edit_check_name (name, NULL)))
    return rc_cli_usage_error (problem);

  if (!rc_cli_edit_load (&target, options->args[0], NULL, NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  if (rc_project_find_environment (target.project, name))
    {
      g_autofree char *path = rc_text_dup_shell_word (target.path);
      g_autofree char *quoted = rc_text_dup_shell_word (name);

      rc_cli_error (_("%s already has an environment named “%s”. Choose another name, or change "
                      "that one with “restcall env set %s %s”."),
                    target.path, name, path, quoted);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  if (own->from == NULL)
    environment = rc_environment_new (name);
  else if ((from = find_environment (&target, own->from)))
    {
      environment = rc_environment_duplicate (from, name);
      for (guint i = 0; i < rc_environment_get_n_variables (from); i++)
        {
          RcVariable *variable = rc_environment_get_variable (from, i);

          if (rc_variable_get_secret (variable))
            rc_cli_env_secrets_carry (secrets, from, rc_variable_get_name (variable), environment,
                                      rc_variable_get_name (variable));
        }
    }
  else
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  if (own->color)
    set_color (environment, own->color);

  if ((status = rc_cli_env_apply_variables (own, environment, TRUE, secrets)) != RC_CLI_EXIT_OK)
    return status;

  rc_project_add_environment (target.project, environment);
  if (own->activate)
    rc_project_set_active_environment (target.project, environment);

  if (rc_project_get_active_environment (target.project) == environment)
    line = g_strdup_printf (_("Added the environment “%s” to %s; it is the active one."), name,
                            target.path);
  else
    line = g_strdup_printf (_("Added the environment “%s” to %s."), name, target.path);

  return save (options, &target, secrets, environment, TRUE, line);
}

static int
set_env (RcCliEditOptions *options,
         RcCliEnvChanges  *own)
{
  g_auto(RcCliTarget) target = { 0 };
  g_autoptr(RcCliEnvSecrets) secrets = rc_cli_env_secrets_new ();
  g_autofree char *problem = NULL;
  g_autofree char *old_name = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  RcEnvironment *environment, *other;
  gboolean activated = FALSE;
  int status;

  if (!options->rename && !own->color && !own->vars && !own->secret_vars && !own->plain_vars
      && !own->remove_vars && !own->rename_vars && !own->secret && !own->activate)
    return rc_cli_usage_error (_("Say what to change: --rename, --color, --var, --secret-var, "
                                 "--plain-var, --remove-var, --rename-var, --secret or "
                                 "--activate."));

  if (options->rename && (problem = rc_cli_edit_check_name (options->rename, "--rename")))
    return rc_cli_usage_error (problem);

  if (!rc_cli_edit_load (&target, options->args[0], NULL, NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  if (!(environment = find_environment (&target, options->args[1])))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);
  old_name = g_strdup (rc_environment_get_name (environment));

  if (options->rename)
    {
      if ((other = rc_project_find_environment (target.project, options->rename))
          && other != environment)
        {
          rc_cli_error (_("The project already has an environment named “%s”. Choose another "
                          "name."),
                        options->rename);
          return rc_failure_get_exit_status (RC_FAILURE_FILE);
        }
      rc_environment_set_name (environment, options->rename);
    }

  if (own->color)
    set_color (environment, own->color);

  if ((status = rc_cli_env_apply_variables (own, environment, FALSE, secrets)) != RC_CLI_EXIT_OK)
    return status;

  if (own->activate)
    {
      activated = rc_project_get_active_environment (target.project) != environment;
      rc_project_set_active_environment (target.project, environment);
    }

  if (g_str_equal (old_name, rc_environment_get_name (environment)))
    g_string_printf (line, _("Changed the environment “%s” in %s."), old_name, target.path);
  else
    g_string_printf (line, _("Renamed the environment “%s” to “%s” in %s."), old_name,
                     rc_environment_get_name (environment), target.path);
  if (own->activate)
    g_string_append (line, _(" It is the active one."));

  return save (options, &target, secrets, environment, activated, line->str);
}

static int
remove_env (RcCliEditOptions *options)
{
  g_auto(RcCliTarget) target = { 0 };
  g_autoptr(RcEnvironment) environment = NULL;
  g_autofree char *line = NULL;
  g_autofree char *what = NULL;
  g_autofree char *json = NULL;
  RcEnvironment *found, *active;
  gboolean was_active;
  int status;

  if (!rc_cli_edit_load (&target, options->args[0], NULL, NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  if (!(found = find_environment (&target, options->args[1])))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  environment = g_object_ref (found);
  was_active = rc_project_get_active_environment (target.project) == environment;
  json = rc_project_serialize_environment (environment);
  rc_project_remove_environment (target.project, environment);
  if (!rc_cli_edit_save (&target, NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  line = g_strdup_printf (_("Removed the environment “%s” from %s."),
                          rc_environment_get_name (environment), target.path);
  what = g_strdup_printf (_("the environment “%s”"), rc_environment_get_name (environment));
  status = rc_cli_edit_report_removal (options, &target, G_OBJECT (environment), what, line, json);

  active = rc_project_get_active_environment (target.project);
  if (was_active && active && !options->json && !options->quiet)
    rc_cli_print (_("“%s” is now the active environment.\n"), rc_environment_get_name (active));

  return status;
}

static int
list_env (RcCliEditOptions *options)
{
  g_auto(RcCliTarget) target = { 0 };

  if (!rc_cli_edit_load (&target, options->args[0], NULL, NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  return rc_cli_env_list (&target, options->json);
}

int
rc_cli_env (int    argc,
            char **argv)
{
  g_auto(RcCliEditOptions) options = { 0 };
  g_auto(RcCliEnvChanges) own = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  int status;
  GOptionEntry color = {
    "color", 0, 0, G_OPTION_ARG_STRING, &own.color,
    N_("Mark it with a colour, so that it is not mistaken for another: blue, green, yellow, "
       "orange, red, purple, brown, or none"),
    N_("COLOUR")
  };
  GOptionEntry var = {
    "var", 0, 0, G_OPTION_ARG_STRING_ARRAY, &own.vars,
    N_("Set the plain variable NAME, whose value is saved in the project file (repeatable)"),
    N_("NAME=VALUE")
  };
  GOptionEntry secret_var = {
    "secret-var", 0, 0, G_OPTION_ARG_STRING_ARRAY, &own.secret_vars,
    N_("Make NAME a secret variable, whose value is kept in the keyring, never in the file; a "
       "plain one takes its value there (repeatable)"),
    N_("NAME")
  };
  GOptionEntry activate = {
    "activate", 0, 0, G_OPTION_ARG_NONE, &own.activate, N_("Make it the active environment"), NULL
  };
  const GOptionEntry add_entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &own.from,
      N_("Start as a copy of the environment ENV: its colour, its variables, and the stored "
         "values of its secret ones"),
      N_("ENV") },
    color, var, secret_var, activate,
    { NULL }
  };
  const GOptionEntry set_entries[] = {
    color, var, secret_var,
    { "plain-var", 0, 0, G_OPTION_ARG_STRING_ARRAY, &own.plain_vars,
      N_("Set NAME as a plain variable, even a secret one, whose stored value is then removed "
         "(repeatable)"),
      N_("NAME=VALUE") },
    { "remove-var", 0, 0, G_OPTION_ARG_STRING_ARRAY, &own.remove_vars,
      N_("Remove the variable NAME, and its stored value (repeatable)"), N_("NAME") },
    { "rename-var", 0, 0, G_OPTION_ARG_STRING_ARRAY, &own.rename_vars,
      N_("Rename the variable OLD to NEW, and its stored value (repeatable)"), N_("OLD=NEW") },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &own.secret,
      N_("Store the value of the secret variable NAME in the keyring, read with --secret-stdin "
         "or --secret-env"),
      N_("NAME") },
    { "secret-stdin", 0, 0, G_OPTION_ARG_NONE, &own.secret_stdin,
      N_("Read that value as one line from standard input (without echo on a terminal)"), NULL },
    { "secret-env", 0, 0, G_OPTION_ARG_STRING, &own.secret_env,
      N_("Read that value from the environment variable VAR"), N_("VAR") },
    activate,
    { NULL }
  };

  if (!rc_cli_edit_parse_action ("env", _("PROJECT NAME"), _("PROJECT"), argc, argv,
                                 &options.action, &status))
    return status;
  argc--;
  argv++;

  switch (options.action)
    {
    case RC_CLI_EDIT_LIST:
      context = rc_cli_edit_context_new_full (
        &options, RC_CLI_EDIT_SHARED_NAMES_ONLY, "env list",
        _("— list a project’s environments and their variables"), N_("PROJECT"), NULL,
        _("Lists each environment, the active one marked, with its colour and its variables. A "
          "secret variable’s value is never printed: only whether it is stored in the keyring. "
          "With --json, the members are the project file’s, each secret variable’s "
          "“secret_state” says whether its value is stored, and “active_environment” is the "
          "active one’s id."),
        "  restcall env list pets.restcall\n"
        "  restcall env list pets.restcall --json");
      break;

    case RC_CLI_EDIT_ADD:
      context = rc_cli_edit_context_new_full (
        &options, RC_CLI_EDIT_SHARED_NAMES_ONLY, "env add", _("— add an environment to a project"),
        N_("PROJECT NAME"), add_entries,
        _("Adds the environment NAME, with its variables, to the project file PROJECT; the first "
          "one is the active one. A secret variable’s value is kept in the keyring, never in the "
          "file: store it with “restcall env set PROJECT NAME --secret VARIABLE --secret-stdin”."),
        "  restcall env add pets.restcall Staging --color yellow "
        "--var base_url=https://staging.example.com --secret-var api_key\n"
        "  restcall env add pets.restcall Production --from Staging --color red "
        "--var base_url=https://example.com");
      break;

    case RC_CLI_EDIT_SET:
      context = rc_cli_edit_context_new_full (
        &options, RC_CLI_EDIT_SHARED_NAMES_ONLY, "env set",
        _("— change, rename or activate an environment"), N_("PROJECT NAME"), set_entries,
        _("Changes what the options say and leaves the rest as it is. A secret variable’s value "
          "is stored in the keyring with --secret NAME, read from standard input "
          "(--secret-stdin) or an environment variable (--secret-env VAR), never from an "
          "argument. A secret variable renamed takes its stored value along; one removed or made "
          "plain leaves none behind."),
        "  restcall env set pets.restcall Staging --var base_url=https://staging2.example.com "
        "--activate\n"
        "  restcall env set pets.restcall Staging --secret api_key --secret-stdin < key.txt\n"
        "  API_KEY=… restcall env set pets.restcall Staging --secret api_key --secret-env API_KEY");
      break;

    case RC_CLI_EDIT_REMOVE:
    default:
      context = rc_cli_edit_context_new_full (
        &options, RC_CLI_EDIT_SHARED_NAMES_ONLY, "env remove",
        _("— remove an environment and its secrets"), N_("PROJECT NAME"), NULL,
        _("Removes the environment from the project, and the stored values of its secret "
          "variables from the keyring. When it was the active one, the first one left becomes "
          "active."),
        "  restcall env remove pets.restcall Staging");
      break;
    }

  if (!rc_cli_edit_parse_full (
        context, &options, &argc, &argv, options.action == RC_CLI_EDIT_LIST ? 1 : 2,
        _("A secret variable’s value is stored with “restcall env set PROJECT NAME --secret "
          "VARIABLE --secret-stdin” (or --secret-env VAR)."),
        options.action == RC_CLI_EDIT_LIST ? _("Name one project file.")
                                           : _("Name a project file and an environment."),
        &status))
    return status;

  if ((options.action == RC_CLI_EDIT_ADD || options.action == RC_CLI_EDIT_SET)
      && (status = rc_cli_env_check_options (&own)) != RC_CLI_EXIT_OK)
    return status;

  switch (options.action)
    {
    case RC_CLI_EDIT_LIST:
      return list_env (&options);
    case RC_CLI_EDIT_ADD:
      return add_env (&options, &own);
    case RC_CLI_EDIT_SET:
      return set_env (&options, &own);
    case RC_CLI_EDIT_REMOVE:
    default:
      return remove_env (&options);
    }
}
