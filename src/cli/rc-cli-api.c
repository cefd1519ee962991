/* rc-cli-api.c: `restcall api add|set|remove PROJECT NAME [OPTION…]`
 *
 * Adds, changes, renames or removes an API of a project without the
 * window. `api add` on a file that does not exist makes a new project.
 * An API's name is its project's one; a base URL must be an http:// or
 * https:// URL that a call could be built on (rc_check_method_url()), and
 * a new one must still make every method's URL one. Removing an API that
 * has methods takes --force; its secrets, and its methods', leave the
 * keyring with it. Its authentication is `restcall auth`'s. The rest is
 * rc-cli-edit.c's, shared with `restcall method`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-cli-edit.h"
#include "rc-cli-private.h"

/* Checks a base URL as a call would build on it: as the URL of a method
 * of its own (whose parameters, if it has any, get stand-ins). */
static char *
check_base_url (const char *base_url)
{
  g_autoptr(RcMethod) probe = NULL;
  const char *scheme = g_uri_peek_scheme (base_url);

  if (base_url[0] == '\0')
    return NULL;

  /* One with {{variables}} is checked as the methods' URLs are. */
  if (strstr (base_url, "{{") == NULL
      && g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    {
      g_autofree char *shown = rc_text_dup_url (base_url);

      return g_strdup_printf (_("--base-url needs an http:// or https:// URL, such as "
                                "https://api.example.com/v1, not “%s”."),
                              shown);
    }

  probe = rc_method_new ("base-url");
  rc_method_set_url (probe, base_url);

  return rc_check_method_url (probe);
}

/* The first method that a new base URL would break, and how. */
static char *
check_methods (RcApi      *api,
               const char *base_url)
{
  g_autofree char *old_base_url = g_strdup (rc_api_get_base_url (api));
  char *problem = NULL;

  for (guint i = 0; i < rc_api_get_n_methods (api) && problem == NULL; i++)
    {
      RcMethod *method = rc_api_get_method (api, i);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      rc_api_set_base_url (api, old_base_url);
      before = rc_check_method_url (method);
      rc_api_set_base_url (api, base_url);
      after = rc_check_method_url (method);

      /* One that did not work before is not this change's doing. */
      if (before == NULL && after != NULL)
        problem = g_strdup_printf (_("With this base URL, the method “%s” would not work: %s"),
                                   rc_method_get_name (method), after);
    }

  rc_api_set_base_url (api, old_base_url);

  return problem;
}

/* Applies the options to @api, which is in @project; says what is wrong
 * and returns its exit status if something is. */
static int
apply (RcCliEditOptions *options,
       RcProject        *project,
       RcApi            *api,
       const char       *base_url)
{
  g_autofree char *what = NULL;
  g_autofree char *problem = NULL;
  RcApi *other;

  if (options->rename)
    {
      if ((problem = rc_cli_edit_check_name (options->rename, "--rename")))
        return rc_cli_usage_error (problem);
      if ((other = rc_project_find_api (project, options->rename)) && other != api)
        {
          rc_cli_error (_("The project already has an API named “%s”. Choose another name."),
                        options->rename);
          return rc_failure_get_exit_status (RC_FAILURE_FILE);
        }
      rc_api_set_name (api, options->rename);
    }

  if (base_url)
    {
      if ((problem = check_base_url (base_url)))
        return rc_cli_usage_error (problem);
      if ((problem = check_methods (api, base_url)))
        {
          rc_cli_error ("%s", problem);
          return rc_failure_get_exit_status (RC_FAILURE_FILE);
        }
      rc_api_set_base_url (api, base_url);
    }

  if (options->description)
    rc_api_set_description (api, options->description);

  what = g_strdup_printf (_("the API “%s”"), rc_api_get_name (api));

  return rc_cli_edit_apply_headers (options, rc_api_get_headers (api), what);
}

static int
add_api (RcCliEditOptions  *options,
         const char        *base_url)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->args[0]);
  g_autoptr(GError) error = NULL;
  g_auto(RcCliTarget) target = { 0 };
  g_autoptr(RcApi) api = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *line = NULL;
  g_autofree char *json = NULL;
  const char *name = options->args[1];
  gboolean created = FALSE;
  int status;

  if ((problem = rc_cli_edit_check_name (name, NULL)))
    return rc_cli_usage_error (problem);

  target.path = g_strdup (options->args[0]);
  if (!(target.project = rc_project_load (file, NULL, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          return rc_cli_report_error (error);
        }
      target.project = rc_project_new ();
      created = TRUE;
    }

  if (rc_project_find_api (target.project, name))
    {
      g_autofree char *command = NULL;

      target.api = rc_project_find_api (target.project, name);
      command = rc_cli_target_dup_command (&target, "api set", NULL);
      rc_cli_error (_("%s already has an API named “%s”. Choose another name, or change that "
                      "one with “%s”."),
                    target.path, name, command);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  api = rc_api_new (name);
  rc_project_add_api (target.project, api);
  if ((status = apply (options, target.project, api, base_url)) != RC_CLI_EXIT_OK)
    return status;

  if (!rc_cli_edit_save (&target, file))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  if (created && !options->quiet)
    g_printerr (_("There was no %s, so it is a new project.\n"), target.path);

  line = g_strdup_printf (_("Added the API “%s” to %s."), rc_api_get_name (api), target.path);
  json = rc_project_serialize_api (api);
  rc_cli_edit_report (options, line, json);

  return RC_CLI_EXIT_OK;
}

static int
set_api (RcCliEditOptions  *options,
         const char        *base_url)
{
  g_auto(RcCliTarget) target = { 0 };
  g_autofree char *old_name = NULL;
  g_autofree char *line = NULL;
  g_autofree char *json = NULL;
  int status;

  if (!options->rename && !base_url && !options->description && !options->headers
      && !options->remove_headers)
    return rc_cli_usage_error (_("Say what to change: --base-url, --description, --header, "
                                 "--remove-header or --rename."));

  if (!rc_cli_edit_load (&target, options->args[0], options->args[1], NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  old_name = g_strdup (rc_api_get_name (target.api));
  if ((status = apply (options, target.project, target.api, base_url)) != RC_CLI_EXIT_OK)
    return status;

  if (!rc_cli_edit_save (&target, NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  if (g_str_equal (old_name, rc_api_get_name (target.api)))
    line = g_strdup_printf (_("Changed the API “%s” in %s."), old_name, target.path);
  else
    line = g_strdup_printf (_("Renamed the API “%s” to “%s” in %s."), old_name,
                            rc_api_get_name (target.api), target.path);
  json = rc_project_serialize_api (target.api);
  rc_cli_edit_report (options, line, json);

  /* A Basic password goes with the API's origin. */
  if (base_url)
    {
      gboolean to_stderr = options->json || options->quiet;

      rc_cli_target_report_moved_secret (&target, NULL, to_stderr);
      for (guint i = 0; i < rc_api_get_n_methods (target.api); i++)
        {
          RcMethod *method = rc_api_get_method (target.api, i);

          if (rc_method_get_auth (method))
            rc_cli_target_report_moved_secret (&target, method, to_stderr);
        }
    }

  return RC_CLI_EXIT_OK;
}

static int
remove_api (RcCliEditOptions *options)
{
  g_auto(RcCliTarget) target = { 0 };
  g_autoptr(RcApi) api = NULL;
  g_autofree char *what = NULL;
  g_autofree char *line = NULL;
  g_autofree char *json = NULL;
  guint n_methods;

  if (!rc_cli_edit_load (&target, options->args[0], options->args[1], NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  api = g_object_ref (target.api);
  n_methods = rc_api_get_n_methods (api);
  if (n_methods > 0 && !options->force)
    {
      rc_cli_error (g_dngettext (GETTEXT_PACKAGE,
                                 "The API “%s” has %u method, which would be removed with it. "
                                 "Add --force to remove the API and its method.",
                                 "The API “%s” has %u methods, which would be removed with it. "
                                 "Add --force to remove the API and its methods.",
                                 n_methods),
                    rc_api_get_name (api), n_methods);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  json = rc_project_serialize_api (api);
  rc_project_remove_api (target.project, api);
  target.api = NULL;
  if (!rc_cli_edit_save (&target, NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  what = g_strdup_printf (_("the API “%s”"), rc_api_get_name (api));
  if (n_methods == 0)
    line = g_strdup_printf (_("Removed the API “%s” from %s."), rc_api_get_name (api),
                            target.path);
  else
    line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Removed the API “%s” and its %u method from %s.",
                                         "Removed the API “%s” and its %u methods from %s.",
                                         n_methods),
                            rc_api_get_name (api), n_methods, target.path);

  return rc_cli_edit_report_removal (options, &target, G_OBJECT (api), what, line, json);
}

int
rc_cli_api (int    argc,
            char **argv)
{
  g_auto(RcCliEditOptions) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *base_url = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "base-url", 0, 0, G_OPTION_ARG_STRING, &base_url,
      N_("What the URLs of its methods follow, such as https://api.example.com/v1"), N_("URL") },
    { NULL }
  };
  const GOptionEntry remove_entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &options.force,
      N_("Remove the API even when it has methods, and them with it"), NULL },
    { NULL }
  };

  if (!rc_cli_edit_parse_action ("api", _("PROJECT NAME"), NULL, argc, argv, &options.action,
                                 &status))
    return status;
  argc--;
  argv++;

  switch (options.action)
    {
    case RC_CLI_EDIT_ADD:
      context = rc_cli_edit_context_new (
        &options, "api add", _("— add an API to a project"), N_("PROJECT NAME"), entries,
        _("Adds the API NAME to the project file PROJECT, and makes the file when there is none. "
          "Its methods are added with “restcall method add”, its authentication is set with "
          "“restcall auth”."),
        "  restcall api add pets.restcall 'Pet Store' --base-url https://petstore.example.com/v1\n"
        "  restcall api add pets.restcall 'Pet Store' --header 'Accept: application/json'");
      break;

    case RC_CLI_EDIT_SET:
      context = rc_cli_edit_context_new (
        &options, "api set", _("— change or rename an API"), N_("PROJECT NAME"), entries,
        _("Changes what the options say and leaves the rest as it is. A new base URL must "
          "still make a URL of each method’s."),
        "  restcall api set pets.restcall 'Pet Store' --base-url https://staging.example.com/v1\n"
        "  restcall api set pets.restcall 'Pet Store' --rename 'Pets' --remove-header Accept");
      break;

    case RC_CLI_EDIT_REMOVE:
    default:
      context = rc_cli_edit_context_new (
        &options, "api remove", _("— remove an API and its secrets"), N_("PROJECT NAME"),
        remove_entries,
        _("Removes the API from the project, and its stored secrets, and its methods’, from "
          "the keyring. An API that has methods is removed only with --force."),
        "  restcall api remove pets.restcall 'Pet Store'\n"
        "  restcall api remove pets.restcall 'Pet Store' --force --json > removed.json");
      break;
    }

  if (!rc_cli_edit_parse (context, &options, &argc, &argv, 2, &status))
    return status;

  switch (options.action)
    {
    case RC_CLI_EDIT_ADD:
      return add_api (&options, base_url);
    case RC_CLI_EDIT_SET:
      return set_api (&options, base_url);
    case RC_CLI_EDIT_REMOVE:
    default:
      return remove_api (&options);
    }
}
