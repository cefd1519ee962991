/* rc-cli-advice.c: a settings error, in the command line's words
 *
 * The core words a settings error for the window (“No client ID is set.
 * Enter the client ID…”) and keeps which setting it is about
 * (rc_setting_from_error()). Here the problem gets the command line's
 * remedy instead: the command that changes the setting, quoted so that it
 * can be pasted, for a project's API or method; the option, for `call`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-cli-advice.h"

/* The command that changes @method's authentication: its own, or else
 * its API's. */
static char *
dup_auth_command (RcCliTarget *target,
                  RcMethod    *method)
{
  return rc_cli_target_dup_command (target, "auth",
                                    method && rc_method_get_auth (method) ? method : NULL);
}

/* The remedy for @setting, for a project's @method (or its API). */
static char *
dup_project_remedy (RcSetting    setting,
                    const GError *error,
                    RcCliTarget *target,
                    RcMethod    *method)
{
  g_autofree char *command = NULL;

  switch (setting)
    {
    case RC_SETTING_BASE_URL:
      {
        g_autofree char *api = rc_cli_target_dup_command (target, "api set", NULL);

        if (method == NULL)
          return g_strdup_printf (_("Set it with “%s --base-url URL”."), api);

        command = rc_cli_target_dup_command (target, "method set", method);
        return g_strdup_printf (_("Set the API’s base URL with “%s --base-url URL”, or give the "
                                  "method a full URL with “%s --url URL”."),
                                api, command);
      }

    case RC_SETTING_PARAMETER:
      {
        g_autofree char *pair =
          g_strdup_printf ("%s=VALUE", rc_executor_error_get_parameter (error));
        g_autofree char *quoted = rc_text_dup_shell_word (pair);

        if (method == NULL)
          return NULL;
        command = rc_cli_target_dup_command (target, "method set", method);
        return g_strdup_printf (_("Give it a test value with “%s --test-value %s”."), command,
                                quoted);
      }

    case RC_SETTING_TOKEN_URL:
      command = dup_auth_command (target, method);
      return g_strdup_printf (_("Set the authorization server’s token endpoint with “%s "
                                "--token-url URL”."),
                              command);

    case RC_SETTING_CLIENT_ID:
      command = dup_auth_command (target, method);
      return g_strdup_printf (_("Set the client ID the authorization server gave this "
                                "application with “%s --client-id ID”."),
                              command);

    case RC_SETTING_PRIVATE_KEY:
      {
        g_autofree char *secret = NULL;

        command = dup_auth_command (target, method);
        secret = rc_cli_target_dup_command (target, "secret set",
                                            method && rc_method_get_auth (method) ? method
                                                                                  : NULL);
        return g_strdup_printf (_("Set its PEM file with “%s --private-key FILE”, or store the "
                                  "key in the keyring with “%s”."),
                                command, secret);
      }

    case RC_SETTING_NONE:
    default:
      return NULL;
    }
}

/* The remedy for @setting, for `call`: the option to give. */
static char *
dup_option_remedy (RcSetting setting)
{
  switch (setting)
    {
    case RC_SETTING_TOKEN_URL:
      return g_strdup (_("Give the authorization server’s token endpoint with --token-url URL."));
    case RC_SETTING_CLIENT_ID:
      return g_strdup (_("Give the client ID with --client-id ID."));
    case RC_SETTING_PRIVATE_KEY:
      return g_strdup (_("Give its PEM file with --private-key FILE."));
    case RC_SETTING_NONE:
    case RC_SETTING_BASE_URL:
    case RC_SETTING_PARAMETER:
    default:
      return NULL;
    }
}

/**
 * rc_cli_dup_error_message:
 * @error: an error of any domain
 * @target: (nullable): the project's API the command names, or %NULL for
 *   `call`, whose settings are its options
 * @method: (nullable): the method that failed, one of @target's API's
 *
 * Returns: (transfer full): @error's message; for a settings error, its
 *   problem with the command line's remedy in place of the window's
 */
char *
rc_cli_dup_error_message (const GError *error,
                          RcCliTarget  *target,
                          RcMethod     *method)
{
  const char *problem = NULL;
  RcSetting setting;
  g_autofree char *remedy = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  setting = rc_setting_from_error (error, &problem);
  if (setting != RC_SETTING_NONE)
    remedy = target ? dup_project_remedy (setting, error, target, method)
                    : dup_option_remedy (setting);

  if (remedy == NULL)
    return g_strdup (error->message);

  return g_strdup_printf ("%s %s", problem, remedy);
}

/**
 * rc_cli_advise_exchange:
 * @target: (nullable): as for rc_cli_dup_error_message()
 * @method: (nullable): the method @exchange sent
 *
 * Words @exchange's error, if it has one, for the command line
 * (rc_cli_dup_error_message()), so that its text, JSON and JUnit reports
 * all say the same.
 */
void
rc_cli_advise_exchange (RcExchange  *exchange,
                        RcCliTarget *target,
                        RcMethod    *method)
{
  const GError *error = rc_exchange_get_error (exchange);
  g_autofree char *message = NULL;
  g_autoptr(GError) advised = NULL;

  if (error == NULL || rc_setting_from_error (error, NULL) == RC_SETTING_NONE)
    return;

  message = rc_cli_dup_error_message (error, target, method);
  if (g_str_equal (message, error->message))
    return;

  advised = g_error_copy (error);
  g_free (advised->message);
  advised->message = g_steal_pointer (&message);
  rc_exchange_set_error (exchange, advised);
}
