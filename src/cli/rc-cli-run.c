/* rc-cli-run.c: `restcall run PROJECT API METHOD` and `restcall run PROJECT --all`
 *
 * Sends one of a saved project's methods, with its test values or others
 * given as --param, once or as a batch (rc-cli-batch.c); or, with --all,
 * every method of the project or of one API (rc-cli-run-all.c). The secret comes
 * from --secret-env or --secret-stdin, or else from the keyring
 * (rc_cli_target_read_secret()). With --save-history, each call is kept in
 * the history (rc-history.c), masked, as the window keeps its calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-cli-batch.h"
#include "rc-cli-input.h"
#include "rc-cli-private.h"
#include "rc-cli-resolve.h"
#include "rc-cli-run-all.h"
#include "rc-cli-target.h"

/* The method's test values, with --param NAME=VALUE on top. */
static char *
build_values (RcMethod    *method,
              char       **params,
              RcPairList  *values)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  char *problem;
  const char *missing;

  rc_pair_list_copy_from (values, rc_method_get_test_values (method));

  if ((problem = rc_cli_parse_values (method, "--param", params, values)))
    return problem;

  /* A path parameter without a value, in the command line's words, not
   * the window's (the executor's message asks for a test value). */
  url = rc_executor_build_url (method, values, &error);
  if (url == NULL && (missing = rc_executor_error_get_parameter (error)))
    {
      g_autofree char *pair = g_strdup_printf ("%s=VALUE", missing);
      g_autofree char *quoted = rc_text_dup_shell_word (pair);

      return g_strdup_printf (_("The URL parameter “%s” of the method “%s” has no value: give it "
                                "one with --param %s."),
                              missing, rc_method_get_name (method), quoted);
    }

  return NULL;
}

int
rc_cli_run (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(RcCliTarget) target = { 0 };
  g_autoptr(RcPairList) values = rc_pair_list_new ();
  g_autoptr(RcExecutor) executor = NULL;
  g_autoptr(RcCliSecret) secret = NULL;
  g_autoptr(RcCliStoredSecret) stored = NULL;
  g_autoptr(RcSecretBinding) binding = NULL;
  g_autofree char *message = NULL;
  g_autofree char *secret_env = NULL;
  g_autofree char *api_name = NULL;
  g_autofree char *junit = NULL;
  gboolean all = FALSE;
  g_auto(GStrv) params = NULL;
  g_auto(GStrv) args = NULL;
  gboolean secret_stdin = FALSE;
  gboolean save_history = FALSE;
  g_auto(RcCliBatchOptions) batch = { 0 };
  g_auto(RcCliEnvOptions) env = { 0 };
  g_autoptr(RcResolver) resolver = NULL;
  g_autoptr(RcMethod) resolved = NULL;
  g_autoptr(GError) error = NULL;
  const char *variable_secret;
  int status;
  const GOptionEntry entries[] = {
    { "param", 0, 0, G_OPTION_ARG_STRING_ARRAY, &params,
      N_("Give a URL parameter a value other than its test value (repeatable)"), N_("NAME=VALUE") },
    { "secret-env", 0, 0, G_OPTION_ARG_STRING, &secret_env,
      N_("Read the client secret or password from the environment variable VAR (default: the "
         "keyring)"), N_("VAR") },
    { "secret-stdin", 0, 0, G_OPTION_ARG_NONE, &secret_stdin,
      N_("Read the client secret or password as one line from standard input"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("Send every method of the project with its test values, and report each"), NULL },
    { "api", 0, 0, G_OPTION_ARG_STRING, &api_name,
      N_("With --all, send the methods of the API NAME only"), N_("NAME") },
    { "junit", 0, 0, G_OPTION_ARG_FILENAME, &junit,
      N_("With --all, also write the report to FILE as JUnit XML, for CI systems"), N_("FILE") },
    { "save-history", 0, 0, G_OPTION_ARG_NONE, &save_history,
      N_("Keep each call in the history, secrets masked, as the window does (see “restcall "
         "history”)"),
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
      N_("PROJECT API METHOD | PROJECT --all") },
    { NULL }
  };

  rc_cli_batch_options_init (&batch);

  g_set_prgname ("restcall run");
  context = g_option_context_new (_("— send a saved method"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  rc_cli_batch_options_add_entries (&batch, context, TRUE);
  rc_cli_env_options_add_entries (&env, context);
  rc_cli_set_description (context, NULL);

  if (!rc_cli_parse_options (context, &argc, &argv,
                             _("Use --secret-env VAR or --secret-stdin."), &status)
      || !rc_cli_batch_options_check (&batch, &status))
    return status;

  if (save_history)
    batch.history = rc_history_new (NULL);

  if (all)
    {
      if (args == NULL || g_strv_length (args) != 1)
        return rc_cli_usage_error (_("With --all, name a project file alone (and an API with "
                                     "--api NAME)."));
      if (params || batch.repeat > 1 || batch.output || batch.include || batch.inspect)
        return rc_cli_usage_error (_("--all sends each method once with its test values: "
                                     "--param, --repeat, --output, --include and --inspect are "
                                     "for one method."));
      if (!rc_cli_target_load (&target, args[0], api_name, NULL))
        return rc_failure_get_exit_status (RC_FAILURE_FILE);
      if (!(resolver = rc_cli_resolver_new (&target, &env, &status)))
        return status;
      batch.resolver = g_object_ref (resolver);

      return rc_cli_run_all (&target, resolver, secret_env, secret_stdin, junit, &batch);
    }

  if (api_name || junit)
    return rc_cli_usage_error (_("--api and --junit go with --all."));

  if (args == NULL || g_strv_length (args) != 3)
    return rc_cli_usage_error (_("Name a project file, one of its APIs and one of its methods."));

  if (!rc_cli_target_load (&target, args[0], args[1], args[2]))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  /* The method as the environment makes it; the project stays as it is. */
  if (!(resolver = rc_cli_resolver_new (&target, &env, &status))
      || !rc_cli_resolver_load (resolver, &target, target.method, NULL, &status))
    return status;
  if (!(resolved = rc_resolver_resolve_method (resolver, target.method, &error)))
    {
      message = rc_cli_dup_resolve_message (error, &target, resolver);
      rc_cli_error ("%s", message);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  if ((message = build_values (resolved, params, values)))
    return rc_cli_usage_error (message);

  /* The secret goes with the URL these values make; a secret variable's
   * is the environment's. */
  variable_secret = rc_resolver_get_auth_secret (resolver,
                                                 rc_method_get_effective_auth (resolved));
  binding = rc_secret_binding_new_for_method (resolved, values);
  if ((variable_secret == NULL || secret_env || secret_stdin)
      && !rc_cli_target_read_secret (&target, rc_cli_target_get_auth_owner (&target),
                                     rc_method_get_effective_auth (resolved), binding, secret_env,
                                     secret_stdin, &secret, &stored, &status))
    return status;

  executor = rc_cli_executor_new (&batch);
  batch.resolver = g_object_ref (resolver);

  return rc_cli_run_batch (executor, &target, resolved, values,
                           secret ? secret : stored ? stored : variable_secret, &batch);
}
