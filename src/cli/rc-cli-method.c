/* rc-cli-method.c: `restcall method add|set|remove PROJECT API NAME [OPTION…]`
 *
 * Adds, changes, renames or removes a method of a project's API without
 * the window. A method's name is its API's one; its URL, a full one or a
 * path under the API's base URL, is checked as the window's editor checks
 * it (rc_check_method_url()), and so are its verb, headers and content
 * type (rc-wire.c): what could not be sent is refused. A test value is
 * for one of the URL's parameters. Removing a method removes its secrets
 * from the keyring. Its authentication is `restcall auth`'s. The rest is
 * rc-cli-edit.c's, shared with `restcall api`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-cli-advice.h"
#include "rc-cli-edit.h"
#include "rc-cli-input.h"
#include "rc-cli-private.h"

/* What only a method has. */
typedef struct
{
  char  *verb;
  char  *url;
  char  *body;
  char  *body_file;
  char  *content_type;
  char **test_values;
} MethodOptions;

static void
method_options_clear (MethodOptions *options)
{
  g_clear_pointer (&options->verb, g_free);
  g_clear_pointer (&options->url, g_free);
  g_clear_pointer (&options->body, g_free);
  g_clear_pointer (&options->body_file, g_free);
  g_clear_pointer (&options->content_type, g_free);
  g_clear_pointer (&options->test_values, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MethodOptions, method_options_clear)

/* Applies the options to @method, which is in its API, @target's; says
 * what is wrong and returns its exit status if something is. */
static int
apply (RcCliEditOptions *options,
       MethodOptions    *own,
       RcCliTarget      *target,
       RcMethod         *method)
{
  RcApi *api = rc_method_get_api (method);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *verb = NULL;
  g_autofree char *body = NULL;
  g_autofree char *what = NULL;
  RcMethod *other;
  int status;

  if (options->rename)
    {
      if ((problem = rc_cli_edit_check_name (options->rename, "--rename")))
        return rc_cli_usage_error (problem);
      if ((other = rc_api_find_method (api, options->rename)) && other != method)
        {
          rc_cli_error (_("The API “%s” already has a method named “%s”. Choose another name."),
                        rc_api_get_name (api), options->rename);
          return rc_failure_get_exit_status (RC_FAILURE_FILE);
        }
      rc_method_set_name (method, options->rename);
    }

  if (own->verb)
    {
      if ((problem = rc_cli_parse_verb (own->verb, &verb)))
        return rc_cli_usage_error (problem);
      rc_method_set_verb (method, verb);
    }

  if (own->url)
    rc_method_set_url (method, own->url);

  if (own->body && own->body_file)
    return rc_cli_usage_error (_("Give the body once: --body TEXT or --body-file FILE."));
  if (own->body_file && (problem = rc_cli_read_body (own->body_file, &body)))
    return rc_cli_usage_error (problem);
  if (body && !g_utf8_validate (body, -1, NULL))
    return rc_cli_usage_error (_("The body file holds text that is not UTF-8, which a project "
                                 "cannot hold."));
  if (body || own->body)
    rc_method_set_body (method, body ? body : own->body);

  if (own->content_type)
    {
      if ((problem = rc_wire_check_content_type ("--content-type", own->content_type)))
        return rc_cli_usage_error (problem);
      rc_method_set_content_type (method, own->content_type);
    }

  if (options->description)
    rc_method_set_description (method, options->description);

  what = g_strdup_printf (_("the method “%s”"), rc_method_get_name (method));
  if ((status = rc_cli_edit_apply_headers (options, rc_method_get_headers (method), what)))
    return status;

  if ((problem = rc_cli_parse_values (method, "--test-value", own->test_values,
                                      rc_method_get_test_values (method))))
    return rc_cli_usage_error (problem);

  /* As the window's editor judges it: a URL that pairs its braces and
   * makes, with the API's base URL, an http:// or https:// one. A path
   * needs the API's base URL first: the project's state, not a typo. */
  if (own->url && !rc_check_method_url_full (method, &error))
    {
      g_autofree char *message = rc_cli_dup_error_message (error, target, NULL);

      if (rc_setting_from_error (error, NULL) != RC_SETTING_BASE_URL)
        return rc_cli_usage_error (message);
      rc_cli_error ("%s", message);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  return RC_CLI_EXIT_OK;
}

static int
add_method (RcCliEditOptions *options,
            MethodOptions    *own)
{
  g_auto(RcCliTarget) target = { 0 };
  g_autoptr(RcMethod) method = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *line = NULL;
  g_autofree char *json = NULL;
  const char *name = options->args[2];
  int status;

  if ((problem = rc_cli_edit_check_name (name, NULL)))
    return rc_cli_usage_error (problem);
  if (own->url == NULL)
    return rc_cli_usage_error (_("A new method needs --url URL: a full URL, or a path under "
                                 "its API’s base URL."));

  if (!rc_cli_edit_load (&target, options->args[0], options->args[1], NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  if (rc_api_find_method (target.api, name))
    {
      g_autofree char *command = NULL;

      target.method = rc_api_find_method (target.api, name);
      command = rc_cli_target_dup_command (&target, "method set", target.method);
      rc_cli_error (_("The API “%s” already has a method named “%s”. Choose another name, or "
                      "change that one with “%s”."),
                    rc_api_get_name (target.api), name, command);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  method = rc_method_new (name);
  rc_api_add_method (target.api, method);
  if ((status = apply (options, own, &target, method)) != RC_CLI_EXIT_OK)
    return status;

  if (!rc_cli_edit_save (&target, NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  line = g_strdup_printf (_("Added the method “%s” to the API “%s” in %s."),
                          rc_method_get_name (method), rc_api_get_name (target.api), target.path);
  json = rc_project_serialize_method (method);
  rc_cli_edit_report (options, line, json);

  return RC_CLI_EXIT_OK;
}

static int
set_method (RcCliEditOptions *options,
            MethodOptions    *own)
{
  g_auto(RcCliTarget) target = { 0 };
  g_autofree char *old_name = NULL;
  g_autofree char *line = NULL;
  g_autofree char *json = NULL;
  int status;

  if (!options->rename && !options->description && !options->headers && !options->remove_headers
      && !own->verb && !own->url && !own->body && !own->body_file && !own->content_type
      && !own->test_values)
    return rc_cli_usage_error (_("Say what to change: --verb, --url, --description, --header, "
                                 "--remove-header, --body, --body-file, --content-type, "
                                 "--test-value or --rename."));

  if (!rc_cli_edit_load (&target, options->args[0], options->args[1], options->args[2]))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  old_name = g_strdup (rc_method_get_name (target.method));
  if ((status = apply (options, own, &target, target.method)) != RC_CLI_EXIT_OK)
    return status;

  if (!rc_cli_edit_save (&target, NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  if (g_str_equal (old_name, rc_method_get_name (target.method)))
    line = g_strdup_printf (_("Changed the method “%s” of the API “%s” in %s."), old_name,
                            rc_api_get_name (target.api), target.path);
  else
    line = g_strdup_printf (_("Renamed the method “%s” of the API “%s” to “%s” in %s."),
                            old_name, rc_api_get_name (target.api),
                            rc_method_get_name (target.method), target.path);
  json = rc_project_serialize_method (target.method);
  rc_cli_edit_report (options, line, json);

  /* A Basic password goes with the URL the method is sent to. */
  if (own->url)
    rc_cli_target_report_moved_secret (&target, target.method, options->json || options->quiet);

  return RC_CLI_EXIT_OK;
}

static int
remove_method (RcCliEditOptions *options)
{
  g_auto(RcCliTarget) target = { 0 };
  g_autoptr(RcMethod) method = NULL;
  g_autofree char *what = NULL;
  g_autofree char *line = NULL;
  g_autofree char *json = NULL;

  if (!rc_cli_edit_load (&target, options->args[0], options->args[1], options->args[2]))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  method = g_object_ref (target.method);
  json = rc_project_serialize_method (method);
  rc_api_remove_method (target.api, method);
  target.method = NULL;
  if (!rc_cli_edit_save (&target, NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  what = rc_cli_target_describe (&target, method);
  line = g_strdup_printf (_("Removed the method “%s” from the API “%s” in %s."),
                          rc_method_get_name (method), rc_api_get_name (target.api), target.path);

  return rc_cli_edit_report_removal (options, &target, G_OBJECT (method), what, line, json);
}

int
rc_cli_method (int    argc,
               char **argv)
{
  g_auto(RcCliEditOptions) options = { 0 };
  g_auto(MethodOptions) own = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "verb", 0, 0, G_OPTION_ARG_STRING, &own.verb,
      N_("The HTTP verb, such as GET or POST (default GET)"), N_("VERB") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &own.url,
      N_("A full URL, or a path under the API’s base URL, with {name} for each parameter"),
      N_("URL") },
    { "body", 0, 0, G_OPTION_ARG_STRING, &own.body, N_("Send TEXT as the body (\"\" for none)"),
      N_("TEXT") },
    { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &own.body_file,
      N_("Send the text in FILE as the body (- for standard input)"), N_("FILE") },
    { "content-type", 0, 0, G_OPTION_ARG_STRING, &own.content_type,
      N_("The body’s type (default: JSON or plain text, guessed)"), N_("TYPE") },
    { "test-value", 0, 0, G_OPTION_ARG_STRING_ARRAY, &own.test_values,
      N_("The value a URL parameter is sent with by “restcall run” and the Test button "
         "(repeatable)"),
      N_("NAME=VALUE") },
    { NULL }
  };

  if (!rc_cli_edit_parse_action ("method", _("PROJECT API NAME"), NULL, argc, argv,
                                 &options.action, &status))
    return status;
  argc--;
  argv++;

  switch (options.action)
    {
    case RC_CLI_EDIT_ADD:
      context = rc_cli_edit_context_new (
        &options, "method add", _("— add a method to a project’s API"), N_("PROJECT API NAME"),
        entries,
        _("Adds the method NAME to the API of the project file PROJECT. It inherits the API’s "
          "authentication; “restcall auth” gives it its own."),
        "  restcall method add pets.restcall 'Pet Store' 'Get pet' --url '/pets/{petId}' "
        "--test-value petId=1\n"
        "  restcall method add pets.restcall 'Pet Store' 'Add pet' --verb POST --url /pets "
        "--body-file pet.json --header 'X-Request-Id: 42'");
      break;

    case RC_CLI_EDIT_SET:
      context = rc_cli_edit_context_new (
        &options, "method set", _("— change or rename a method"), N_("PROJECT API NAME"),
        entries, _("Changes what the options say and leaves the rest as it is."),
        "  restcall method set pets.restcall 'Pet Store' 'Get pet' --test-value petId=2\n"
        "  restcall method set pets.restcall 'Pet Store' 'Get pet' --rename 'Fetch pet' "
        "--remove-header X-Request-Id");
      break;

    case RC_CLI_EDIT_REMOVE:
    default:
      context = rc_cli_edit_context_new (
        &options, "method remove", _("— remove a method and its secrets"),
        N_("PROJECT API NAME"), NULL,
        _("Removes the method from its API, and its stored secrets from the keyring."),
        "  restcall method remove pets.restcall 'Pet Store' 'Get pet'");
      break;
    }

  if (!rc_cli_edit_parse (context, &options, &argc, &argv, 3, &status))
    return status;

  switch (options.action)
    {
    case RC_CLI_EDIT_ADD:
      return add_method (&options, &own);
    case RC_CLI_EDIT_SET:
      return set_method (&options, &own);
    case RC_CLI_EDIT_REMOVE:
    default:
      return remove_method (&options);
    }
}
