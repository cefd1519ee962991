/* rc-cli-env-variables.c: the options of `restcall env add|set` that change variables
 *
 * First checked on their own (a usage error: the project is not even
 * read), then applied to the environment in memory, in one order:
 * --remove-var, --rename-var, --plain-var, --var, --secret-var, then
 * --secret. A variable may be named by one of them only, so the order
 * never decides what becomes of it. A name must be one a `{{name}}`
 * reference can name (rc_template_name_is_valid()).
 *
 * Secret values never come from an argument: --secret-var takes a name
 * only, and --secret NAME=VALUE is refused, saying how to give the value
 * (standard input or an environment variable). What the keyring must do
 * follows the changes (rc-cli-env-secrets.c): a plain variable made secret
 * takes its value there, one renamed its stored value, one removed or
 * made plain leaves none behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-cli-env.h"
#include "rc-cli-private.h"

/* The longest name rc_template_name_is_valid() takes, for messages. */
#define NAME_MAX_LENGTH 64

void
rc_cli_env_changes_clear (RcCliEnvChanges *options)
{
  g_clear_pointer (&options->color, g_free);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->vars, g_strfreev);
  g_clear_pointer (&options->secret_vars, g_strfreev);
  g_clear_pointer (&options->plain_vars, g_strfreev);
  g_clear_pointer (&options->remove_vars, g_strfreev);
  g_clear_pointer (&options->rename_vars, g_strfreev);
  g_clear_pointer (&options->secret, g_free);
  g_clear_pointer (&options->secret_env, g_free);
}

static char *
check_name (const char *option,
            const char *name)
{
  if (rc_template_name_is_valid (name))
    return NULL;

  /* Translators: “--var “1st” does not name a variable: …” */
  return g_strdup_printf (_("%s “%s” does not name a variable: a name is 1 to %d letters, digits, "
                            "“_”, “-” or “.”, and starts with a letter or “_”, such as base_url."),
                          option, name, NAME_MAX_LENGTH);
}

/* A secret value given as an argument, which other users and the shell
 * history would see. */
static char *
refuse_value (const char *option,
              const char *text)
{
  g_autofree char *name = g_strndup (text, strcspn (text, "="));

  return g_strdup_printf (_("%s takes a variable’s name only: a secret value is never taken as a "
                            "command-line argument, which other users and the shell history can "
                            "see. Store it with --secret %s --secret-stdin (or --secret-env VAR)."),
                          option, name);
}

/* Each name given to @option (as NAME=VALUE with @pairs), checked when
 * it is a new one (@new_names), and added to @names. */
static char *
check_names (const char  *option,
             char       **args,
             gboolean     pairs,
             gboolean     new_names,
             GPtrArray   *names)
{
  for (guint i = 0; args && args[i]; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      char *problem;

      if (pairs && !rc_cli_split_pair (args[i], '=', &name, &value))
        /* Translators: “--var “host” is not NAME=VALUE.” */
        return g_strdup_printf (_("%s “%s” is not NAME=VALUE."), option, args[i]);
      if (!pairs)
        name = g_strdup (args[i]);

      /* One the file has may be named whatever it is. */
      if (new_names && (problem = check_name (option, name)))
        return problem;

      for (guint j = 0; j < names->len; j++)
        {
          if (g_str_equal (g_ptr_array_index (names, j), name))
            return g_strdup_printf (_("The variable “%s” is named by two options: say once what "
                                      "becomes of it."),
                                    name);
        }
      g_ptr_array_add (names, g_steal_pointer (&name));
    }

  return NULL;
}

/* The new names of --rename-var OLD=NEW, and their old ones, checked. */
static char *
check_renames (char      **args,
               GPtrArray  *names)
{
  g_autoptr(GPtrArray) olds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) news = g_ptr_array_new_with_free_func (g_free);
  char *problem;

  for (guint i = 0; args && args[i]; i++)
    {
      g_autofree char *old_name = NULL;
      g_autofree char *new_name = NULL;

      if (!rc_cli_split_pair (args[i], '=', &old_name, &new_name))
        return g_strdup_printf (_("%s “%s” is not OLD=NEW."), "--rename-var", args[i]);
      g_ptr_array_add (olds, g_steal_pointer (&old_name));
      g_ptr_array_add (news, g_steal_pointer (&new_name));
    }
  g_ptr_array_add (olds, NULL);
  g_ptr_array_add (news, NULL);

  if ((problem = check_names ("--rename-var", (char **) olds->pdata, FALSE, FALSE, names)))
    return problem;
  if ((problem = check_names ("--rename-var", (char **) news->pdata, FALSE, TRUE, names)))
    return problem;

  return NULL;
}

/* What is wrong with --secret-var, --secret and where its value comes
 * from, if something is. */
static char *
check_secret_options (RcCliEnvChanges *options)
{
  char *problem;

  for (guint i = 0; options->secret_vars && options->secret_vars[i]; i++)
    {
      if (strchr (options->secret_vars[i], '='))
        return refuse_value ("--secret-var", options->secret_vars[i]);
    }

  if (options->secret && strchr (options->secret, '='))
    return refuse_value ("--secret", options->secret);
  if (options->secret && (problem = check_name ("--secret", options->secret)))
    return problem;
  if (options->secret_env && options->secret_stdin)
    return g_strdup (_("Give the secret once: --secret-env VAR or --secret-stdin."));
  if (options->secret && !options->secret_env && !options->secret_stdin)
    return g_strdup_printf (_("Say where the value of “%s” comes from: --secret-stdin (one line "
                              "of standard input) or --secret-env VAR."),
                            options->secret);
  if (!options->secret && (options->secret_env || options->secret_stdin))
    return g_strdup (_("--secret-stdin and --secret-env give the value of a secret variable: "
                       "name it with --secret NAME."));

  return NULL;
}

/**
 * rc_cli_env_check_options:
 *
 * Checks the options on their own, before the project is read.
 *
 * Returns: the exit status: %RC_CLI_EXIT_OK when they can be applied
 */
int
rc_cli_env_check_options (RcCliEnvChanges *options)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *problem = NULL;
  g_autofree char *color = NULL;

  problem = check_secret_options (options);
  if (problem == NULL && options->color)
    problem = rc_cli_env_parse_color (options->color, &color);
  if (problem == NULL)
    problem = check_names ("--remove-var", options->remove_vars, FALSE, FALSE, names);
  if (problem == NULL)
    problem = check_renames (options->rename_vars, names);
  if (problem == NULL)
    problem = check_names ("--plain-var", options->plain_vars, TRUE, TRUE, names);
  if (problem == NULL)
    problem = check_names ("--var", options->vars, TRUE, TRUE, names);
  if (problem == NULL)
    problem = check_names ("--secret-var", options->secret_vars, FALSE, TRUE, names);

  if (problem)
    return rc_cli_usage_error (problem);

  return RC_CLI_EXIT_OK;
}

/**
 * rc_cli_env_parse_color:
 * @text: a colour's name, or "none"
 * @color: (out) (transfer full): the colour as the file names it, "" for
 *   none
 *
 * Returns: (transfer full) (nullable): what is wrong with @text, or %NULL
 */
char *
rc_cli_env_parse_color (const char  *text,
                        char       **color)
{
  g_autofree char *colors = NULL;

  if (g_str_equal (text, "none"))
    text = "";

  if (rc_environment_color_is_valid (text))
    {
      *color = g_strdup (text);
      return NULL;
    }

  colors = g_strjoinv (", ", (char **) rc_environment_list_colors ());

  return g_strdup_printf (_("Unknown colour “%s”: use one of %s, or none."), text, colors);
}

/* The names of @environment's variables, quoted, for messages. */
static char *
list_variables (RcEnvironment *environment)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < rc_environment_get_n_variables (environment); i++)
    g_ptr_array_add (names,
                     (gpointer) rc_variable_get_name (rc_environment_get_variable (environment, i)));

  return rc_cli_quote_names (names);
}

/* The variable @name of @environment; or %NULL, said. */
static RcVariable *
find_variable (RcEnvironment *environment,
               const char    *name)
{
  RcVariable *variable = rc_environment_find_variable (environment, name);
  g_autofree char *names = NULL;

  if (variable)
    return variable;

  if (rc_environment_get_n_variables (environment) == 0)
    rc_cli_error (_("The environment “%s” has no variable “%s”: it has no variables at all."),
                  rc_environment_get_name (environment), name);
  else
    {
      names = list_variables (environment);
      rc_cli_error (_("The environment “%s” has no variable “%s”. Its variables: %s."),
                    rc_environment_get_name (environment), name, names);
    }

  return NULL;
}

/* Sets the plain variable @name; a secret one only when @unsecret. */
static gboolean
set_plain (RcEnvironment   *environment,
           RcCliEnvSecrets *secrets,
           const char      *text,
           gboolean         unsecret)
{
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  g_autoptr(RcVariable) added = NULL;
  RcVariable *variable;

  if (!rc_cli_split_pair (text, '=', &name, &value))
    g_assert_not_reached ();  /* checked */

  if (!(variable = rc_environment_find_variable (environment, name)))
    {
      added = rc_variable_new (name, value);
      rc_environment_add_variable (environment, added);
      return TRUE;
    }

  if (rc_variable_get_secret (variable) && !unsecret)
    {
      rc_cli_error (_("“%s” is a secret variable of “%s”: its value goes in the keyring, never in "
                      "the file. Store it with --secret %s --secret-stdin, or make the variable "
                      "plain with --plain-var %s=VALUE."),
                    name, rc_environment_get_name (environment), name, name);
      return FALSE;
    }

  if (rc_variable_get_secret (variable))
    {
      rc_variable_set_secret (variable, FALSE);
      rc_cli_env_secrets_forget (secrets, environment, name);
    }
  rc_variable_set_value (variable, value);

  return TRUE;
}

/* Makes @name secret, taking a plain value to the keyring, unless
 * --secret gives it one. */
static void
set_secret (RcEnvironment   *environment,
            RcCliEnvSecrets *secrets,
            const char      *name,
            const char      *given)
{
  g_autoptr(RcVariable) added = NULL;
  RcVariable *variable = rc_environment_find_variable (environment, name);
  char *value;

  if (variable == NULL)
    {
      added = rc_variable_new_secret (name);
      rc_environment_add_variable (environment, added);
      return;
    }

  if (rc_variable_get_secret (variable))
    return;

  value = g_strdup (rc_variable_get_value (variable));
  rc_variable_set_secret (variable, TRUE);
  if (value[0] != '\0' && g_strcmp0 (given, name) != 0)
    rc_cli_env_secrets_give (secrets, environment, name, value, TRUE, FALSE);
  else
    rc_cli_secret_free (value);
}

/* Renames the variable OLD of @text (OLD=NEW), and its stored value. */
static gboolean
rename_variable (RcEnvironment   *environment,
                 RcCliEnvSecrets *secrets,
                 const char      *text)
{
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;
  RcVariable *variable;

  if (!rc_cli_split_pair (text, '=', &old_name, &new_name))
    g_assert_not_reached ();  /* checked */

  if (!(variable = find_variable (environment, old_name)))
    return FALSE;

  if (rc_environment_find_variable (environment, new_name))
    {
      rc_cli_error (_("The environment “%s” already has a variable named “%s”. Choose another "
                      "name, or remove that one with --remove-var %s."),
                    rc_environment_get_name (environment), new_name, new_name);
      return FALSE;
    }

  rc_variable_set_name (variable, new_name);
  if (rc_variable_get_secret (variable))
    rc_cli_env_secrets_carry (secrets, environment, old_name, environment, new_name);

  return TRUE;
}

/* Reads the value of --secret NAME, last, so that a mistake never asks
 * for it first. */
static int
read_given (RcCliEnvChanges *options,
            RcEnvironment   *environment,
            RcCliEnvSecrets *secrets,
            gboolean         replaces)
{
  RcVariable *variable = rc_environment_find_variable (environment, options->secret);
  const char *env_name = rc_environment_get_name (environment);
  g_autofree char *prompt = NULL;
  g_autoptr(GError) error = NULL;
  RcCliSecret *value;

  if (variable == NULL)
    {
      rc_cli_error (_("The environment “%s” has no variable “%s”. Add it as a secret one with "
                      "--secret-var %s (in the same command, if you like)."),
                    env_name, options->secret, options->secret);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  if (!rc_variable_get_secret (variable))
    {
      rc_cli_error (_("“%s” is a plain variable of “%s”, whose value is in the project file. Make "
                      "it secret with --secret-var %s (in the same command, if you like)."),
                    options->secret, env_name, options->secret);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  /* Translators: what a terminal asks for, without echo */
  prompt = g_strdup_printf (_("Value of “%s”: "), options->secret);
  value = rc_cli_read_secret (options->secret_env, options->secret_stdin, prompt, &error);
  if (value == NULL)
    {
      rc_cli_error ("%s", error->message);
      return RC_CLI_EXIT_FAILED;
    }

  rc_cli_env_secrets_give (secrets, environment, options->secret, value, FALSE, replaces);

  return RC_CLI_EXIT_OK;
}

/**
 * rc_cli_env_apply_variables:
 * @environment: the environment to change, in memory
 * @is_new: whether @environment is being added: none of its variables has
 *   a stored value yet
 * @secrets: where the keyring work goes
 *
 * Applies the variables' options (checked by rc_cli_env_check_options())
 * to @environment, and reads the value of --secret. Says what is wrong, if
 * something is.
 *
 * Returns: the exit status: %RC_CLI_EXIT_OK when all were applied
 */
int
rc_cli_env_apply_variables (RcCliEnvChanges *options,
                            RcEnvironment   *environment,
                            gboolean         is_new,
                            RcCliEnvSecrets *secrets)
{
  int failed = rc_failure_get_exit_status (RC_FAILURE_FILE);
  RcVariable *given;
  gboolean replaces;

  /* Whether the value --secret gives replaces one that may be stored. */
  given = options->secret ? rc_environment_find_variable (environment, options->secret) : NULL;
  replaces = !is_new && given && rc_variable_get_secret (given);

  for (guint i = 0; options->remove_vars && options->remove_vars[i]; i++)
    {
      RcVariable *variable = find_variable (environment, options->remove_vars[i]);

      if (variable == NULL)
        return failed;
      if (rc_variable_get_secret (variable))
        rc_cli_env_secrets_forget (secrets, environment, options->remove_vars[i]);
      rc_environment_remove_variable (environment, variable);
    }

  for (guint i = 0; options->rename_vars && options->rename_vars[i]; i++)
    {
      if (!rename_variable (environment, secrets, options->rename_vars[i]))
        return failed;
    }

  for (guint i = 0; options->plain_vars && options->plain_vars[i]; i++)
    set_plain (environment, secrets, options->plain_vars[i], TRUE);

  for (guint i = 0; options->vars && options->vars[i]; i++)
    {
      if (!set_plain (environment, secrets, options->vars[i], FALSE))
        return failed;
    }

  for (guint i = 0; options->secret_vars && options->secret_vars[i]; i++)
    set_secret (environment, secrets, options->secret_vars[i], options->secret);

  if (options->secret)
    return read_given (options, environment, secrets, replaces);

  return RC_CLI_EXIT_OK;
}
