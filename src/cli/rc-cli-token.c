/* rc-cli-token.c: `restcall token PROJECT API`
 *
 * Fetches an access token for a saved project's API, through the token
 * cache as a call would, and shows it masked: for people, or with --json.
 * Only --print-token, asked for by name, prints it whole, alone on stdout,
 * for another program to read. --inspect prints the token request and
 * response, secrets masked (on stderr beside --json or --print-token). The secret comes from --secret-env or --secret-stdin, or else
 * from the keyring (rc_cli_target_read_secret()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rc-cli-advice.h"
#include "rc-cli-batch.h"
#include "rc-cli-input.h"
#include "rc-cli-private.h"
#include "rc-cli-resolve.h"
#include "rc-cli-target.h"

typedef struct
{
  gboolean      done;
  gboolean      timed_out;
  RcToken      *token;
  RcHttpRecord *record;
  GError       *error;
} Fetch;

static void
print_token (RcToken  *token,
             gboolean  json)
{
  g_autofree char *masked = rc_mask_secret_value (rc_token_get_access_token (token));
  g_auto(GStrv) scopes = g_strsplit_set (rc_token_get_scopes (token), " \t", -1);
  RcTokenLifetime lifetime = rc_token_get_lifetime (token);
  g_autoptr(GString) scope_text = g_string_new (NULL);
  g_autofree char *masked_line = NULL;
  g_autofree char *scopes_line = NULL;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "token_type");
      json_builder_add_string_value (builder, "Bearer");
      json_builder_set_member_name (builder, "expires_in");
      if (lifetime == RC_TOKEN_LIFETIME_UNKNOWN)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, MAX (0, rc_token_get_expires_in (token)));
      json_builder_set_member_name (builder, "scopes");
      json_builder_begin_array (builder);
      for (guint i = 0; scopes[i]; i++)
        if (scopes[i][0])
          json_builder_add_string_value (builder, scopes[i]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "access_token_masked");
      json_builder_add_string_value (builder, masked);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
      return;
    }

  for (guint i = 0; scopes[i]; i++)
    if (scopes[i][0])
      g_string_append_printf (scope_text, "%s%s", scope_text->len ? " " : "", scopes[i]);

  /* The masked token's prefix and the scopes are the server's text: one
   * line each, whatever it sent. */
  masked_line = rc_text_dup_printable (masked, -1, 0, RC_TEXT_ONE_LINE);
  scopes_line = rc_text_dup_printable (scope_text->len ? scope_text->str : _("(none granted)"), -1,
                                       0, RC_TEXT_ONE_LINE);
  rc_cli_print (_("Token type: Bearer\n"));
  rc_cli_print (_("Access token: %s\n"), masked_line);
  if (lifetime == RC_TOKEN_LIFETIME_KNOWN)
    {
      g_autofree char *duration = rc_token_format_duration (rc_token_get_expires_in (token));

      rc_cli_print (_("Expires in: %s\n"), duration);
    }
  else if (lifetime == RC_TOKEN_LIFETIME_UNKNOWN)
    rc_cli_print (_("Expires in: not given; used until the API refuses it\n"));
  else
    rc_cli_print (_("Expires in: at once; not cached\n"));
  rc_cli_print (_("Scopes: %s\n"), scopes_line);
}

static void
print_token_record (RcHttpRecord *record,
                    gboolean      to_stderr)
{
  g_autofree char *request = rc_http_record_format_attempts (record, FALSE, FALSE);
  g_autofree char *response = rc_http_record_format_attempts (record, TRUE, FALSE);
  g_autofree char *text = g_strdup_printf ("── %s ──\n%s\n── %s ──\n%s",
                                           _("Authorization server request"), request,
                                           _("Authorization server response"), response);

  if (to_stderr)
    g_printerr ("%s", text);
  else
    g_print ("%s", text);
}

static void
token_fetched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Fetch *fetch = user_data;

  fetch->token = rc_token_cache_get_token_finish (RC_TOKEN_CACHE (object), result,
                                                  &fetch->record, &fetch->error);
  fetch->done = TRUE;
}

static gboolean
token_deadline_cb (gpointer user_data)
{
  Fetch *fetch = user_data;

  fetch->timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

int
rc_cli_token (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(RcCliTarget) target = { 0 };
  g_autoptr(RcExecutor) executor = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RcCliSecret) secret = NULL;
  g_autoptr(RcCliStoredSecret) stored = NULL;
  g_autoptr(RcSecretBinding) binding = NULL;
  g_autofree char *secret_env = NULL;
  g_auto(GStrv) args = NULL;
  gboolean secret_stdin = FALSE;
  gboolean print_bare = FALSE;
  g_auto(RcCliBatchOptions) options = { 0 };
  g_auto(RcCliEnvOptions) env = { 0 };
  g_autoptr(RcResolver) resolver = NULL;
  g_autoptr(RcAuth) resolved = NULL;
  g_autoptr(GError) error = NULL;
  const char *variable_secret;
  Fetch fetch = { 0 };
  RcAuth *auth;
  RcApi *api;
  guint deadline_id;
  int status;
  const GOptionEntry entries[] = {
    { "secret-env", 0, 0, G_OPTION_ARG_STRING, &secret_env,
      N_("Read the client secret from the environment variable VAR (default: the keyring)"),
      N_("VAR") },
    { "secret-stdin", 0, 0, G_OPTION_ARG_NONE, &secret_stdin,
      N_("Read the client secret as one line from standard input"), NULL },
    { "print-token", 0, 0, G_OPTION_ARG_NONE, &print_bare,
      N_("Print the whole access token, unmasked, and nothing else on standard output"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("PROJECT API") },
    { NULL }
  };

  rc_cli_batch_options_init (&options);

  g_set_prgname ("restcall token");
  context = g_option_context_new (_("— fetch an access token, and show it masked"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  rc_cli_batch_options_add_entries (&options, context, FALSE);
  rc_cli_env_options_add_entries (&env, context);
  rc_cli_set_description (
    context, _("The access token is shown masked unless --print-token is given: then standard "
               "output is the token and a newline, for another program to read "
               "(TOKEN=$(restcall token --print-token PROJECT API)), and --inspect writes to "
               "standard error. Anyone who can read the output can use the token until it "
               "expires."));

  if (!rc_cli_parse_options (context, &argc, &argv,
                             _("Use --secret-env VAR or --secret-stdin."), &status)
      || !rc_cli_batch_options_check (&options, &status))
    return status;

  if (print_bare && options.json)
    return rc_cli_usage_error (_("Use --print-token or --json, not both."));

  if (args == NULL || g_strv_length (args) != 2)
    return rc_cli_usage_error (_("Name a project file and one of its APIs."));

  if (!rc_cli_target_load (&target, args[0], args[1], NULL))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  api = target.api;
  auth = rc_api_get_auth (api);
  if (rc_auth_get_kind (auth) != RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      rc_cli_error (_("The API “%s” uses “%s”, not OAuth 2.0 client credentials: there is no token "
                      "to fetch."),
                    rc_api_get_name (api), rc_auth_kind_get_label (rc_auth_get_kind (auth)));
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  /* The authentication as the environment makes it. */
  if (!(resolver = rc_cli_resolver_new (&target, &env, &status))
      || !rc_cli_resolver_load (resolver, &target, NULL, auth, &status))
    return status;
  if (!(resolved = rc_resolver_resolve_auth (resolver, auth, &error)))
    {
      g_autofree char *message = rc_cli_dup_resolve_message (error, &target, resolver);

      rc_cli_error ("%s", message);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }
  auth = resolved;

  variable_secret = rc_resolver_get_auth_secret (resolver, auth);
  binding = rc_secret_binding_new_for_auth (auth, rc_api_get_base_url (api));
  if ((variable_secret == NULL || secret_env || secret_stdin)
      && !rc_cli_target_read_secret (&target, NULL, auth, binding, secret_env, secret_stdin,
                                     &secret, &stored, &status))
    return status;

  executor = rc_cli_executor_new (&options);
  rc_token_cache_get_token_async (rc_executor_get_token_cache (executor), auth,
                                  secret ? secret : stored ? stored : variable_secret, NULL,
                                  cancellable, token_fetched_cb, &fetch);

  deadline_id = g_timeout_add_seconds (options.timeout, token_deadline_cb, &fetch);
  while (!fetch.done)
    {
      if (fetch.timed_out)
        g_cancellable_cancel (cancellable);
      g_main_context_iteration (NULL, TRUE);
    }
  if (!fetch.timed_out)
    g_source_remove (deadline_id);

  /* Beside --json or --print-token, stdout is theirs alone. */
  if (options.inspect && fetch.record)
    print_token_record (fetch.record, options.json || print_bare);

  if (fetch.token == NULL)
    {
      if (fetch.timed_out)
        rc_cli_error (_("The token request to %s did not finish within %d seconds. Try again, or "
                        "allow it more time with --timeout."),
                      rc_auth_get_token_url (auth), options.timeout);
      else
        {
          g_autofree char *message = rc_cli_dup_error_message (fetch.error, &target, NULL);

          rc_cli_error ("%s", message);
        }
      status = rc_failure_get_exit_status (fetch.timed_out ? RC_FAILURE_TIMEOUT
                                                           : rc_failure_classify (fetch.error));
    }
  else
    {
      if (print_bare)
        /* Checked when it came (rc_wire_check_bearer_token()): no control
         * character can reach the terminal. */
        g_print ("%s\n", rc_token_get_access_token (fetch.token));
      else if (!options.inspect || options.json)
        print_token (fetch.token, options.json);
      status = RC_CLI_EXIT_OK;
    }

  g_clear_object (&fetch.token);
  g_clear_object (&fetch.record);
  g_clear_error (&fetch.error);

  return status;
}
