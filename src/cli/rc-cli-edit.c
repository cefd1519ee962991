/* rc-cli-edit.c: what `restcall api`, `method` and `env` share
 *
 * They edit a project without the window, so that scripts can build one
 * and keep it in a repository: an action (add, set, remove, and for
 * environments list), options for what the API, method or environment
 * holds, and the same ways to load, check, save and report. The project
 * is saved atomically, as `restcall auth` saves it
 * (rc_cli_save_project()), and only once every option was found good: a
 * command that fails leaves the file as it was, byte for byte.
 *
 * Secrets never come from arguments: an API's or method's authentication
 * is `restcall auth`'s. What was removed loses its secrets in the keyring
 * too, as when the window deletes it (rc-delete-dialog.c): the API's own
 * and each of its methods', an environment's secret variables' values. A
 * file that is a copy of another with the same project id shares the
 * original's secrets, so they are left alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-cli-edit.h"
#include "rc-cli-input.h"
#include "rc-cli-private.h"

/* Each owner (an API, a method or an environment) whose secrets go with
 * @item, and whether any of them has a secret at all. */
static gboolean
collect_owners (GObject   *item,
                GPtrArray *owner_ids)
{
  gboolean referenced = FALSE;
  RcMethod *method;

  if (RC_IS_ENVIRONMENT (item))
    {
      RcEnvironment *environment = RC_ENVIRONMENT (item);

      g_ptr_array_add (owner_ids, (gpointer) rc_environment_get_id (environment));
      for (guint i = 0; i < rc_environment_get_n_variables (environment); i++)
        referenced |= rc_variable_get_secret (rc_environment_get_variable (environment, i));

      return referenced;
    }

  if (RC_IS_API (item))
    {
      RcApi *api = RC_API (item);

      g_ptr_array_add (owner_ids, (gpointer) rc_api_get_id (api));
      referenced = rc_auth_get_secret_id (rc_api_get_auth (api))[0] != '\0';

      for (guint i = 0; i < rc_api_get_n_methods (api); i++)
        referenced |= collect_owners (G_OBJECT (rc_api_get_method (api, i)), owner_ids);

      return referenced;
    }

  method = RC_METHOD (item);
  g_ptr_array_add (owner_ids, (gpointer) rc_method_get_id (method));

  return rc_method_get_auth (method) != NULL
         && rc_auth_get_secret_id (rc_method_get_auth (method))[0] != '\0';
}

/* Removes the secrets of @item from the keyring, as the window does when
 * it deletes one: an API's own and each of its methods'. One with no
 * secret reference has none, and the keyring is not asked: removing it
 * works without a keyring. Says what went wrong (@what names @item)
 * and returns %FALSE when secrets may be left in the keyring; @cleared
 * says whether some were removed. */
static gboolean
forget_secrets (RcCliTarget *target,
                GObject     *item,
                const char  *what,
                gboolean    *cleared)
{
  g_autoptr(GPtrArray) owner_ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  *cleared = FALSE;

  if (!collect_owners (item, owner_ids))
    return TRUE;

  /* A copy's secrets are the original's, which still uses them. */
  if (target->original != NULL)
    {
      g_debug ("Left the secrets of a copy's removed item to the original");
      return TRUE;
    }

  for (guint i = 0; i < owner_ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!rc_cli_keyring_clear_owner (target->project, g_ptr_array_index (owner_ids, i),
                                       &local_error) && error == NULL)
        error = g_steal_pointer (&local_error);
    }

  if (error == NULL)
    {
      *cleared = TRUE;
      return TRUE;
    }

  if (rc_cli_keyring_is_unavailable (error))
    {
      g_debug ("%s", error->message);
      /* Translators: the first %s is “the API “Pets”” or “the method …” */
      rc_cli_error (_("Removed %s from %s, but no keyring could be used, so its stored secrets "
                      "were left in it, unused. Unlock the keyring and remove them there (their "
                      "labels begin with “Restcall:”)."),
                    what, target->path);
    }
  else
    rc_cli_error (_("Removed %s from %s, but its stored secrets could not be removed from the "
                    "keyring: %s"),
                  what, target->path, error->message);

  return FALSE;
}

/**
 * rc_cli_edit_parse_action:
 * @command: "api", "method" or "env"
 * @arguments: its arguments after the action, such as "PROJECT NAME"
 * @list_arguments: (nullable): the arguments of its list action, or %NULL
 *   when it has none
 *
 * Reads the action, the first argument after @command; `--help` there
 * prints the actions.
 *
 * Returns: %TRUE with @action set; %FALSE with @exit_status set when
 *   there is nothing more to do
 */
gboolean
rc_cli_edit_parse_action (const char       *command,
                          const char       *arguments,
                          const char       *list_arguments,
                          int               argc,
                          char            **argv,
                          RcCliEditAction  *action,
                          int              *exit_status)
{
  static const char * const actions[] = { "add", "set", "remove", "list" };
  guint n_actions = list_arguments ? G_N_ELEMENTS (actions) : G_N_ELEMENTS (actions) - 1;
  const char *choices = list_arguments ? _("list, add, set or remove") : _("add, set or remove");
  g_autofree char *statuses = NULL;
  g_autofree char *prgname = g_strconcat ("restcall ", command, NULL);
  g_autofree char *message = NULL;

  g_set_prgname (prgname);

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print (_("Usage:\n"));
      if (list_arguments)
        g_print ("  restcall %s list [OPTION…] %s\n", command, list_arguments);
      for (guint i = 0; i < 3; i++)
        g_print ("  restcall %s %s [OPTION…] %s\n", command, actions[i], arguments);
      /* Translators: %s is “api”, “method” or “env” */
      g_print (_("\nRun “restcall %s add --help” (or another action) for its options and "
                 "examples.\n"),
               command);
      statuses = rc_cli_dup_exit_statuses ();
      g_print ("\n%s\n", statuses);
      *exit_status = RC_CLI_EXIT_OK;
      return FALSE;
    }

  for (guint i = 0; argc >= 2 && i < n_actions; i++)
    {
      if (g_str_equal (argv[1], actions[i]))
        {
          *action = (RcCliEditAction) i;
          return TRUE;
        }
    }

  /* Translators: %s is “add, set or remove” or “list, add, set or remove” */
  if (argc < 2)
    message = g_strdup_printf (_("Say what to do: %s."), choices);
  else
    message = g_strdup_printf (_("Unknown action “%s”: use %s."), argv[1], choices);
  *exit_status = rc_cli_usage_error (message);

  return FALSE;
}

void
rc_cli_edit_options_clear (RcCliEditOptions *options)
{
  g_clear_pointer (&options->rename, g_free);
  g_clear_pointer (&options->description, g_free);
  g_clear_pointer (&options->headers, g_strfreev);
  g_clear_pointer (&options->remove_headers, g_strfreev);
  g_clear_pointer (&options->args, g_strfreev);
}

/**
 * rc_cli_edit_context_new:
 * @command: the command and its action, such as "api add"
 * @summary: what the action does, for the usage line
 * @arguments: the arguments, such as "PROJECT NAME"
 * @entries: (nullable): the command's own options, before the shared ones
 * @help: a paragraph that says what the action does
 * @examples: command lines, one a line
 *
 * Returns: (transfer full): the options of the action in @options, with
 *   all the shared ones (an API's or a method's)
 */
GOptionContext *
rc_cli_edit_context_new (RcCliEditOptions   *options,
                         const char         *command,
                         const char         *summary,
                         const char         *arguments,
                         const GOptionEntry *entries,
                         const char         *help,
                         const char         *examples)
{
  return rc_cli_edit_context_new_full (options, RC_CLI_EDIT_SHARED_CONTENT, command, summary,
                                       arguments, entries, help, examples);
}

/**
 * rc_cli_edit_context_new_full:
 * @which: which of the shared options the item has
 *
 * As rc_cli_edit_context_new(), for an item that may lack some of the
 * shared options. A list action has only --json.
 */
GOptionContext *
rc_cli_edit_context_new_full (RcCliEditOptions   *options,
                              RcCliEditShared     which,
                              const char         *command,
                              const char         *summary,
                              const char         *arguments,
                              const GOptionEntry *entries,
                              const char         *help,
                              const char         *examples)
{
  gboolean content = (which & RC_CLI_EDIT_SHARED_CONTENT) != 0;
  gboolean list = options->action == RC_CLI_EDIT_LIST;
  g_autofree char *prgname = g_strconcat ("restcall ", command, NULL);
  g_autofree char *description = NULL;
  GOptionContext *context;
  GOptionEntry shared[8];
  guint n = 0;

  g_set_prgname (prgname);
  context = g_option_context_new (summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (options->action == RC_CLI_EDIT_SET)
    shared[n++] = (GOptionEntry) { "rename", 0, 0, G_OPTION_ARG_STRING, &options->rename,
                                   N_("Give it the name NEW"), N_("NEW") };
  if (content && (options->action == RC_CLI_EDIT_ADD || options->action == RC_CLI_EDIT_SET))
    {
      shared[n++] = (GOptionEntry) { "description", 0, 0, G_OPTION_ARG_STRING,
                                     &options->description,
                                     N_("Describe it (\"\" for no description)"), N_("TEXT") };
      shared[n++] = (GOptionEntry) { "header", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->headers,
                                     N_("Send this header, in place of one of the same name "
                                        "(repeatable)"),
                                     N_("'NAME: VALUE'") };
    }
  if (content && options->action == RC_CLI_EDIT_SET)
    shared[n++] = (GOptionEntry) { "remove-header", 0, 0, G_OPTION_ARG_STRING_ARRAY,
                                   &options->remove_headers,
                                   N_("Stop sending this header (repeatable)"), N_("NAME") };
  if (!list)
    shared[n++] = (GOptionEntry) { "quiet", 'q', 0, G_OPTION_ARG_NONE, &options->quiet,
                                   N_("Print nothing but errors"), NULL };
  shared[n++] = (GOptionEntry) { "json", 0, 0, G_OPTION_ARG_NONE, &options->json,
                                 list ? N_("Print them as the project file holds them")
                                 : options->action == RC_CLI_EDIT_REMOVE
                                   ? N_("Print what was removed as the project file holds it")
                                   : N_("Print the result as the project file holds it"),
                                 NULL };
  shared[n++] = (GOptionEntry) { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY,
                                 &options->args, NULL, arguments };
  shared[n] = (GOptionEntry) { NULL };
  g_assert (n < G_N_ELEMENTS (shared));
  g_option_context_add_main_entries (context, shared, GETTEXT_PACKAGE);

  /* Translators: a command's help: what it does, “Examples:”, then
   * command lines (the exit statuses follow) */
  description = g_strdup_printf (_("%s\n\nExamples:\n%s"), help, examples);
  rc_cli_set_description (context, description);

  return context;
}

/**
 * rc_cli_edit_parse:
 * @n_args: how many arguments the action takes: the project, the API and,
 *   for a method, the method
 *
 * Parses the options and checks the arguments.
 *
 * Returns: %TRUE when the command can go on; %FALSE with @exit_status set
 */
gboolean
rc_cli_edit_parse (GOptionContext     *context,
                   RcCliEditOptions   *options,
                   int                *argc,
                   char             ***argv,
                   guint               n_args,
                   int                *exit_status)
{
  return rc_cli_edit_parse_full (
    context, options, argc, argv, n_args,
    _("An API’s or method’s authentication is set with “restcall auth”, its secret with "
      "“restcall auth --secret-stdin” or “restcall secret set”."),
    n_args == 2 ? _("Name a project file and an API.")
                : _("Name a project file, one of its APIs and a method."),
    exit_status);
}

/**
 * rc_cli_edit_parse_full:
 * @secret_hint: how the command takes secrets, for someone who tried to
 *   pass one as an argument
 * @missing_args: what to say when there are not @n_args arguments
 *
 * As rc_cli_edit_parse(), for another command than `api` or `method`.
 */
gboolean
rc_cli_edit_parse_full (GOptionContext     *context,
                        RcCliEditOptions   *options,
                        int                *argc,
                        char             ***argv,
                        guint               n_args,
                        const char         *secret_hint,
                        const char         *missing_args,
                        int                *exit_status)
{
  if (!rc_cli_parse_options (context, argc, argv, secret_hint, exit_status))
    return FALSE;

  if (options->args == NULL || g_strv_length (options->args) != n_args)
    {
      *exit_status = rc_cli_usage_error (missing_args);
      return FALSE;
    }

  for (guint i = 1; i < n_args; i++)
    {
      if (!g_utf8_validate (options->args[i], -1, NULL))
        {
          *exit_status = rc_cli_usage_error (_("A name must be UTF-8 text."));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * rc_cli_edit_load:
 * @method_name: (nullable): the method, or %NULL to name the API alone
 *
 * Loads an existing project and finds the API (and method) in it, as
 * rc_cli_target_load() does; a file that does not exist is said to, with
 * how to make one.
 *
 * Returns: %TRUE when found; clear @target with rc_cli_target_clear()
 *   either way
 */
gboolean
rc_cli_edit_load (RcCliTarget *target,
                  const char  *path,
                  const char  *api_name,
                  const char  *method_name)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  if (!g_file_query_exists (file, NULL))
    {
      g_autofree char *quoted = rc_text_dup_shell_word (path);

      rc_cli_error (_("There is no project file “%s”. Make one with “restcall api add %s NAME "
                      "--base-url URL”."),
                    path, quoted);
      return FALSE;
    }

  return rc_cli_target_load (target, path, api_name, method_name);
}

/**
 * rc_cli_edit_check_name:
 * @option: (nullable): the option that gave it, or %NULL for an argument
 *
 * Returns: (transfer full) (nullable): what is wrong with @name, a new
 *   one for an API or a method, or %NULL
 */
char *
rc_cli_edit_check_name (const char *name,
                        const char *option)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (stripped[0] != '\0')
    return NULL;

  if (option)
    return g_strdup_printf (_("%s needs a name that is not blank."), option);

  return g_strdup (_("Give a name that is not blank."));
}

/**
 * rc_cli_edit_apply_headers:
 * @what: the API or method the headers are of, for messages
 *
 * Removes the headers of --remove-header, then sets those of --header,
 * each in place of the first of the same name (in any case), or last.
 * Prints what is wrong, if something is.
 *
 * Returns: the exit status: %RC_CLI_EXIT_OK when all were applied
 */
int
rc_cli_edit_apply_headers (RcCliEditOptions *options,
                           RcPairList       *headers,
                           const char       *what)
{
  g_autoptr(RcPairList) given = rc_pair_list_new ();
  GListModel *model = G_LIST_MODEL (headers);

  /* Every header is checked before any is removed. */
  for (guint i = 0; options->headers && options->headers[i]; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      g_autofree char *problem = NULL;

      if ((problem = rc_cli_parse_header ("--header", options->headers[i], &name, &value)))
        return rc_cli_usage_error (problem);
      rc_pair_list_append (given, name, value);
    }

  for (guint i = 0; options->remove_headers && options->remove_headers[i]; i++)
    {
      const char *name = options->remove_headers[i];
      gboolean found = FALSE;

      for (guint j = g_list_model_get_n_items (model); j > 0; j--)
        {
          g_autoptr(RcPair) pair = g_list_model_get_item (model, j - 1);

          if (g_ascii_strcasecmp (rc_pair_get_name (pair), name) == 0)
            {
              rc_pair_list_remove (headers, j - 1);
              found = TRUE;
            }
        }

      if (!found)
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint j = 0; j < g_list_model_get_n_items (model); j++)
            {
              g_autoptr(RcPair) pair = g_list_model_get_item (model, j);

              g_string_append_printf (names, "%s“%s”", j ? ", " : "", rc_pair_get_name (pair));
            }

          /* Translators: the second %s is “the API “Pets”” or “the method …” */
          if (names->len == 0)
            rc_cli_error (_("There is no header “%s” in %s: it has no headers at all."), name,
                          what);
          else
            rc_cli_error (_("There is no header “%s” in %s. Its headers: %s."), name, what,
                          names->str);
          return rc_failure_get_exit_status (RC_FAILURE_FILE);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (given)); i++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (G_LIST_MODEL (given), i);

      rc_pair_list_set (headers, rc_pair_get_name (pair), rc_pair_get_value (pair));
    }

  return RC_CLI_EXIT_OK;
}

/**
 * rc_cli_edit_save:
 * @file: (nullable): where a new project goes; %NULL for the project's own
 *   file
 *
 * Saves the project atomically; says why when it could not.
 */
gboolean
rc_cli_edit_save (RcCliTarget *target,
                  GFile       *file)
{
  g_autoptr(GError) error = NULL;

  if (rc_cli_save_project (target->project, file, &error))
    return TRUE;

  rc_cli_error (_("The project was not saved: %s"), error->message);

  return FALSE;
}

/**
 * rc_cli_edit_report:
 * @line: what changed, for people
 * @json: the API or method as the project file holds it
 *
 * Prints @json with --json, else @line unless --quiet.
 */
void
rc_cli_edit_report (RcCliEditOptions *options,
                    const char       *line,
                    const char       *json)
{
  if (options->json)
    g_print ("%s", json);
  else if (!options->quiet)
    rc_cli_print ("%s\n", line);
}

/**
 * rc_cli_edit_report_removal:
 * @item: the #RcApi, #RcMethod or #RcEnvironment removed from the
 *   project, which was saved without it
 * @what: it, for messages
 * @line: what changed, for people
 * @json: @item as the project file held it
 *
 * Removes the secrets of @item from the keyring, as the window does when
 * it deletes one, and reports the removal as rc_cli_edit_report() does,
 * @line saying that the secrets went too when there were some.
 *
 * Returns: the exit status
 */
int
rc_cli_edit_report_removal (RcCliEditOptions *options,
                            RcCliTarget      *target,
                            GObject          *item,
                            const char       *what,
                            const char       *line,
                            const char       *json)
{
  g_autofree char *reported = NULL;
  gboolean forgotten, cleared;

  forgotten = forget_secrets (target, item, what, &cleared);
  if (cleared)
    reported = g_strconcat (line, " ", _("Its stored secrets were removed from the keyring."),
                            NULL);
  rc_cli_edit_report (options, reported ? reported : line, json);

  return forgotten ? RC_CLI_EXIT_OK : rc_failure_get_exit_status (RC_FAILURE_KEYRING);
}
