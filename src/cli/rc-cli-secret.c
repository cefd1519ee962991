/* rc-cli-secret.c: `restcall secret set|clear PROJECT API [METHOD]`
 *
 * Puts the secret of an API's (or a method's own) authentication into the
 * system keyring, or takes it out. The secret comes from standard input,
 * without echo on a terminal, never from an argument; the project file
 * gets only the opaque reference, saved atomically when it is new.
 *
 * A method that inherits the API's authentication has no secret of its
 * own: naming it is an error that says to set the API's secret, so that
 * one command never silently changes the secret every method uses.
 *
 * The secret is stored bound to what the authentication says now: the
 * access token URL's origin and the client ID, or the API's origin and
 * the user name. A project that is a copy of another file first gets an
 * id of its own, so that its secret never replaces the original's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-cli-input.h"
#include "rc-cli-private.h"
#include "rc-cli-target.h"
#include "rc-secret-store.h"

/* The auth that `secret` works on: the API's, or the method's own. */
static RcAuth *
get_own_auth (RcCliTarget *target)
{
  RcAuth *auth = rc_cli_target_get_auth (target);

  if (auth == NULL)
    {
      g_autofree char *api_command = rc_cli_target_dup_command (target, "secret set", NULL);
      g_autofree char *auth_command = rc_cli_target_dup_command (target, "auth", target->method);

      rc_cli_error (_("The method “%s” inherits the authentication of the API “%s”, so it has no "
                      "secret of its own. Set the API’s secret with “%s”, or give the method its "
                      "own authentication first with “%s --type …”."),
                    rc_method_get_name (target->method), rc_api_get_name (target->api),
                    api_command, auth_command);
    }

  return auth;
}

static int
secret_set (RcCliTarget *target)
{
  g_autoptr(RcCliSecret) secret = NULL;
  g_autoptr(RcSecretBinding) binding = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *label = NULL;
  RcAuth *auth;
  RcAuthKind kind;

  if (!(auth = get_own_auth (target)))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  what = rc_cli_target_describe (target, target->method);
  kind = rc_auth_get_kind (auth);
  if (kind == RC_AUTH_KIND_NONE)
    {
      g_autofree char *command = rc_cli_target_dup_command (target, "auth", target->method);

      rc_cli_error (_("There is no secret to store: %s uses no authentication. Choose one first "
                      "with “%s --type basic” or “--type oauth2-cc”."),
                    what, command);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  secret = rc_cli_read_auth_secret (auth, NULL, TRUE, &error);
  if (secret == NULL)
    {
      rc_cli_error ("%s", error->message);
      return RC_CLI_EXIT_FAILED;
    }

  if (!rc_cli_target_make_own (target, &error))
    {
      rc_cli_error (_("The secret was not saved: %s"), error->message);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  /* The reference first: a keyring item nothing refers to would be an
   * orphan, while a reference to nothing is just a secret not stored. */
  if (rc_auth_get_secret_id (auth)[0] == '\0')
    {
      rc_auth_ensure_secret_id (auth);
      if (!rc_cli_target_save (target, &error))
        {
          rc_cli_error (_("The secret was not saved: %s"), error->message);
          return rc_failure_get_exit_status (RC_FAILURE_FILE);
        }
    }

  label = rc_cli_target_dup_label (target, target->method, kind);
  binding = rc_cli_target_dup_binding (target, target->method, NULL);
  if (!rc_cli_keyring_store (target->project, rc_cli_target_get_owner_id (target), auth, binding,
                             label, secret, &error))
    {
      rc_cli_report_not_stored (error);
      return rc_failure_get_exit_status (RC_FAILURE_KEYRING);
    }

  /* TRANSLATORS: “Stored the client secret of the API “Pets” in the keyring.” */
  g_print (_("Stored %s of %s in the keyring.\n"), rc_cli_secret_noun (kind), what);

  return RC_CLI_EXIT_OK;
}

static int
secret_clear (RcCliTarget *target)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  RcAuth *auth;

  if (!(auth = get_own_auth (target)))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  what = rc_cli_target_describe (target, target->method);

  if (rc_auth_get_secret_id (auth)[0] == '\0')
    {
      g_print (_("No secret of %s was ever stored: there is nothing to remove.\n"), what);
      return RC_CLI_EXIT_OK;
    }

  /* A copy's secret is the original's, until the copy has an id of its own. */
  if (!rc_cli_target_make_own (target, &error))
    {
      rc_cli_error (_("The secret of %s was not removed from the keyring: %s"), what,
                    error->message);
      return rc_failure_get_exit_status (RC_FAILURE_FILE);
    }

  if (!rc_cli_keyring_clear (target->project, auth, &error))
    {
      rc_cli_error (_("The secret of %s was not removed from the keyring: %s"), what,
                    error->message);
      return rc_failure_get_exit_status (RC_FAILURE_KEYRING);
    }

  g_print (_("Removed the secret of %s from the keyring.\n"), what);

  return RC_CLI_EXIT_OK;
}

int
rc_cli_secret (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(RcCliTarget) target = { 0 };
  g_auto(GStrv) args = NULL;
  guint n_args;
  int status;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
      N_("set|clear PROJECT API [METHOD]") },
    { NULL }
  };

  g_set_prgname ("restcall secret");
  context = g_option_context_new (_("— store or remove a secret in the keyring"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  rc_cli_set_description (
    context, _("Commands:\n"
               "  set     Store the client secret or password of the API, or of "
               "the method’s own authentication, in the keyring; it is read as "
               "one line from standard input (without echo on a terminal)\n"
               "  clear   Remove it from the keyring\n"
               "\n"
               "A method that inherits the API’s authentication has no secret of "
               "its own: set the API’s.\n"
               "The secret is stored for the access token URL’s origin and the "
               "client ID (for Basic, the API’s origin and the user name) as they "
               "are now; “restcall run” and “restcall token” send it nowhere else. "
               "A copy of another project file gets a project ID of its own first, "
               "so that the original’s secrets stay as they are."));

  if (!rc_cli_parse_options (context, &argc, &argv,
                             _("Write the secret to standard input of “restcall secret set”."),
                             &status))
    return status;

  n_args = args ? g_strv_length (args) : 0;
  if (n_args == 0)
    return rc_cli_usage_error (_("Say what to do: set or clear."));

  if (!g_str_equal (args[0], "set") && !g_str_equal (args[0], "clear"))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown action “%s”: use set or clear."), args[0]);

      return rc_cli_usage_error (message);
    }

  if (n_args < 3 || n_args > 4)
    return rc_cli_usage_error (_("Name a project file, one of its APIs and, optionally, one "
                                 "of its methods."));

  if (!rc_cli_target_load (&target, args[1], args[2], args[3]))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  if (g_str_equal (args[0], "set"))
    return secret_set (&target);

  return secret_clear (&target);
}
