/* rc-cli-call.c: `restcall call [OPTION…] URL`
 *
 * An ad-hoc call, like curl with OAuth 2.0 client credentials built in:
 * the options become a one-method API (no base URL, the method's URL is
 * the absolute URL) that the executor sends like any saved method. The
 * authentication options are rc-cli-auth-options.c's, shared with
 * `restcall auth`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rc-cli-auth-options.h"
#include "rc-cli-batch.h"
#include "rc-cli-input.h"
#include "rc-cli-private.h"

typedef struct
{
  char             *verb;
  char            **headers;
  char             *data;
  char             *data_file;
  char             *content_type;
  RcCliAuthOptions  auth;
  char            **args;
} CallOptions;

static void
call_options_clear (CallOptions *options)
{
  g_clear_pointer (&options->verb, g_free);
  g_clear_pointer (&options->headers, g_strfreev);
  g_clear_pointer (&options->data, g_free);
  g_clear_pointer (&options->data_file, g_free);
  g_clear_pointer (&options->content_type, g_free);
  rc_cli_auth_options_clear (&options->auth);
  g_clear_pointer (&options->args, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CallOptions, call_options_clear)

static char *
configure_method (CallOptions *options,
                  RcMethod    *method)
{
  const char *url = options->args[0];
  const char *scheme = g_uri_peek_scheme (url);
  g_autofree char *verb = NULL;
  g_autofree char *body = NULL;
  char *problem;

  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    {
      g_autofree char *shown = rc_text_dup_url (url);

      return g_strdup_printf (_("“%s” is not an http:// or https:// URL."), shown);
    }
  rc_method_set_url (method, url);

  if (options->data && options->data_file)
    return g_strdup (_("Give the body once: -d BODY or --data-file FILE."));

  if (options->data_file)
    {
      if ((problem = rc_cli_read_body (options->data_file, &body)))
        return problem;
    }
  else
    body = g_strdup (options->data);

  /* As with curl, a body without a verb is POSTed. */
  if ((problem = rc_cli_parse_verb (options->verb ? options->verb : body ? "POST" : "GET",
                                    &verb)))
    return problem;
  rc_method_set_verb (method, verb);

  if (body)
    rc_method_set_body (method, body);
  if (options->content_type)
    {
      if ((problem = rc_wire_check_content_type ("--content-type", options->content_type)))
        return problem;
      rc_method_set_content_type (method, options->content_type);
    }

  /* A header that cannot be sent is refused, never left out. */
  for (guint i = 0; options->headers && options->headers[i]; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if ((problem = rc_cli_parse_header ("-H", options->headers[i], &name, &value)))
        return problem;
      rc_pair_list_append (rc_method_get_headers (method), name, value);
    }

  return NULL;
}

int
rc_cli_call (int    argc,
             char **argv)
{
  g_auto(CallOptions) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RcApi) api = rc_api_new (_("Command line"));
  g_autoptr(RcMethod) method = rc_method_new ("call");
  g_autoptr(RcExecutor) executor = NULL;
  g_autoptr(RcCliSecret) secret = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_auto(RcCliBatchOptions) batch = { 0 };
  RcCliAuthOptions *auth = &options.auth;
  int status;
  const GOptionEntry entries[] = {
    { "request", 'X', 0, G_OPTION_ARG_STRING, &options.verb,
      N_("The HTTP verb (default GET, or POST with a body)"), N_("VERB") },
    { "header", 'H', 0, G_OPTION_ARG_STRING_ARRAY, &options.headers,
      N_("Add a request header (repeatable)"), N_("'NAME: VALUE'") },
    { "data", 'd', 0, G_OPTION_ARG_STRING, &options.data, N_("Send BODY"), N_("BODY") },
    { "data-file", 0, 0, G_OPTION_ARG_FILENAME, &options.data_file,
      N_("Send the text in FILE as the body (- for standard input)"), N_("FILE") },
    { "content-type", 0, 0, G_OPTION_ARG_STRING, &options.content_type,
      N_("The body’s type (default: JSON or plain text, guessed)"), N_("TYPE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.args, NULL, N_("URL") },
    { NULL }
  };

  rc_cli_auth_options_init (auth, RC_CLI_AUTH_FOR_CALL);
  rc_cli_batch_options_init (&batch);

  /* The usage line reads “restcall call [OPTION…] URL — …”. */
  g_set_prgname ("restcall call");
  context = g_option_context_new (_("— send one HTTP call, with OAuth 2.0 built in"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  rc_cli_auth_options_add_entries (auth, context);
  rc_cli_batch_options_add_entries (&batch, context, TRUE);
  rc_cli_set_description (context,
                          _("Secrets are never taken as arguments: use --password-env, "
                            "--client-secret-env or --client-secret-stdin."));

  if (!rc_cli_parse_options (context, &argc, &argv,
                             _("Use --client-secret-env VAR or --client-secret-stdin for a client "
                               "secret, --password-env VAR for a password."),
                             &status))
    return status;

  if (!rc_cli_batch_options_check (&batch, &status))
    return status;

  if (options.args == NULL || options.args[0] == NULL || options.args[1] != NULL)
    return rc_cli_usage_error (_("Name exactly one URL."));

  if (auth->client_secret_stdin && g_strcmp0 (options.data_file, "-") == 0)
    return rc_cli_usage_error (_("Standard input cannot give both the body and the secret."));

  if ((message = rc_cli_auth_options_parse (auth, FALSE))
      || (message = configure_method (&options, method)))
    return rc_cli_usage_error (message);
  rc_cli_auth_options_apply (auth, rc_api_get_auth (api));

  /* Last, so that a usage error never asks for a secret first. */
  secret = rc_cli_read_secret (auth->kind == RC_AUTH_KIND_BASIC ? auth->password_env
                                                                : auth->client_secret_env,
                               auth->client_secret_stdin, _("Client secret: "), &error);
  if (error)
    {
      rc_cli_error ("%s", error->message);
      return RC_CLI_EXIT_FAILED;
    }

  rc_api_add_method (api, method);
  executor = rc_cli_executor_new (&batch);

  return rc_cli_run_batch (executor, NULL, method, NULL, secret, &batch);
}
