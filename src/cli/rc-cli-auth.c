/* rc-cli-auth.c: `restcall auth PROJECT API [METHOD] [OPTION…]`
 *
 * Without a setting option, prints how the API (or the method) logs in,
 * the secret shown only as stored or not; with --json, as the project file
 * holds it (rc_auth_to_json()), and whether the secret is stored. With options, changes those
 * settings and saves the project atomically, so scripts can configure a
 * project without the window; --secret-stdin also stores the secret in
 * the keyring.
 *
 * For a method, the first change gives it its own authentication: a copy
 * of the API's, with its own secret reference (the API's secret is copied
 * into the keyring for it when the login is the same). `--type inherit`
 * takes it away again, and its secret with it. When an API or method
 * changes the kind of authentication, its old secret is removed from the
 * keyring: a password must never be sent as a client secret.
 *
 * A stored secret stays bound to the origin and login it was saved for:
 * a change of the token URL's origin, the client ID, the base URL's origin
 * or the user name does not take it along. The command says so, and which
 * command stores one for the new settings. A project that is a copy of
 * another file gets an id of its own before the keyring is written to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rc-cli-auth-options.h"
#include "rc-cli-input.h"
#include "rc-cli-output.h"
#include "rc-cli-private.h"
#include "rc-cli-target.h"
#include "rc-secret-store.h"

/* What the keyring has to do once the project is saved. */
typedef struct
{
  gboolean  clear_old;     /* the owner's old secret no longer fits */
  RcAuth   *copy_from;     /* the API's auth, whose secret the method gets */
  gboolean  rebound;       /* the settings now send the secret elsewhere */
} KeyringWork;

/* The same login: the copied secret still belongs to it. */
static gboolean
same_login (RcAuth *a,
            RcAuth *b)
{
  if (rc_auth_get_kind (a) != rc_auth_get_kind (b))
    return FALSE;

  switch (rc_auth_get_kind (a))
    {
    case RC_AUTH_KIND_BASIC:
      return g_str_equal (rc_auth_get_username (a), rc_auth_get_username (b));
    case RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS:
      return g_str_equal (rc_auth_get_client_id (a), rc_auth_get_client_id (b))
             && g_str_equal (rc_auth_get_token_url (a), rc_auth_get_token_url (b));
    case RC_AUTH_KIND_NONE:
    default:
      return FALSE;
    }
}

/* Whether the secret is stored for these settings, never the secret. */
static RcCliSecretState
get_secret_state (RcCliTarget      *target,
                  RcAuth           *auth,
                  RcSecretBinding **saved_for)
{
  g_autoptr(RcSecretBinding) binding = rc_cli_target_dup_binding (target, target->method, NULL);

  return rc_cli_keyring_get_state (target->project, auth, binding, saved_for);
}

static void
print_auth (RcCliTarget *target)
{
  g_autoptr(RcCliListing) listing = rc_cli_listing_new ();
  g_autoptr(RcSecretBinding) saved_for = NULL;
  g_autofree char *what = rc_cli_target_describe (target, target->method);
  g_autofree char *heading = NULL;
  g_autofree char *type = NULL;
  g_autofree char *secret_state = NULL;
  RcAuth *auth = target->method ? rc_method_get_effective_auth (target->method)
                                : rc_api_get_auth (target->api);
  RcAuthKind kind = rc_auth_get_kind (auth);

  if (target->method && rc_method_get_auth (target->method) == NULL)
    /* TRANSLATORS: “Authentication of the method “m” of the API “a”: inherited from the API” */
    heading = g_strdup_printf (_("Authentication of %s: inherited from the API"), what);
  else
    heading = g_strdup_printf (_("Authentication of %s"), what);
  rc_cli_listing_add_heading (listing, 0, heading);

  type = g_strdup_printf ("%s (%s)", rc_cli_auth_kind_to_option (kind),
                          rc_auth_kind_get_label (kind));
  rc_cli_listing_add (listing, 2, _("Type"), type);

  if (kind != RC_AUTH_KIND_NONE)
    {
      RcCliSecretState state = get_secret_state (target, auth, &saved_for);

      secret_state = rc_cli_secret_state_describe (state, saved_for, kind);
    }
  rc_cli_listing_add_auth (listing, 2, auth, secret_state);
  rc_cli_listing_print (listing);
}

/* The settings as the project file holds them, and whether the secret is
 * stored: {"api", "method"?, "inherited"?, "auth": {…, "secret"?}}. */
static void
print_auth_json (RcCliTarget *target)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  RcAuth *auth = target->method ? rc_method_get_effective_auth (target->method)
                                : rc_api_get_auth (target->api);
  JsonNode *auth_node = rc_auth_to_json (auth, RC_MODEL_JSON_SHOWN);

  if (rc_auth_get_kind (auth) != RC_AUTH_KIND_NONE)
    json_object_set_string_member (
      json_node_get_object (auth_node), "secret",
      rc_cli_secret_state_to_string (get_secret_state (target, auth, NULL)));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "api");
  json_builder_add_string_value (builder, rc_api_get_name (target->api));
  if (target->method)
    {
      json_builder_set_member_name (builder, "method");
      json_builder_add_string_value (builder, rc_method_get_name (target->method));
      json_builder_set_member_name (builder, "inherited");
      json_builder_add_boolean_value (builder, rc_method_get_auth (target->method) == NULL);
    }
  json_builder_set_member_name (builder, "auth");
  json_builder_add_value (builder, auth_node);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  rc_cli_print_json (root);
}

/* Copies the API's secret for the method that now has its own auth. */
static gboolean
copy_secret (RcCliTarget  *target,
             RcAuth       *from,
             RcAuth       *to,
             gboolean     *copied,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RcSecretBinding) from_binding = rc_cli_target_dup_binding (target, NULL, NULL);
  g_autoptr(RcSecretBinding) to_binding = rc_cli_target_dup_binding (target, target->method, NULL);
  g_autofree char *label = NULL;
  gboolean stored;
  char *secret;

  *copied = FALSE;

  /* Only the API's secret for the API's settings, and only when the
   * method's go to the same place. */
  if (!rc_secret_binding_equal (from_binding, to_binding))
    return TRUE;

  if (!(secret = rc_cli_keyring_lookup (target->project, from, from_binding, NULL, &local_error)))
    {
      /* Nothing stored (for these settings) is nothing to copy. */
      if (local_error == NULL
          || g_error_matches (local_error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  label = rc_cli_target_dup_label (target, target->method, rc_auth_get_kind (to));
  stored = rc_cli_keyring_store (target->project, rc_cli_target_get_owner_id (target), to,
                                 to_binding, label, secret, error);
  rc_secret_free (secret);
  *copied = stored;

  return stored;
}

static int
update_keyring (RcCliTarget *target,
                RcAuth      *auth,
                KeyringWork *work,
                const char  *secret)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = rc_cli_target_describe (target, target->method);
  const char *owner_id = rc_cli_target_get_owner_id (target);
  int status = RC_CLI_EXIT_OK;

  if (work->clear_old)
    {
      if (rc_cli_keyring_clear_owner (target->project, owner_id, &error))
        g_print (_("Removed the old secret of %s from the keyring.\n"), what);
      else
        {
          rc_cli_error (_("The old secret of %s could not be removed from the keyring: %s"),
                        what, error->message);
          g_clear_error (&error);
          status = rc_failure_get_exit_status (RC_FAILURE_KEYRING);
        }
    }

  if (auth == NULL)
    return status;

  if (secret)
    {
      g_autofree char *label =
        rc_cli_target_dup_label (target, target->method, rc_auth_get_kind (auth));
      g_autoptr(RcSecretBinding) binding = rc_cli_target_dup_binding (target, target->method, NULL);

      if (rc_cli_keyring_store (target->project, owner_id, auth, binding, label, secret, &error))
        g_print (_("Stored %s of %s in the keyring.\n"),
                 rc_cli_secret_noun (rc_auth_get_kind (auth)), what);
      else
        {
          rc_cli_report_not_stored (error);
          status = rc_failure_get_exit_status (RC_FAILURE_KEYRING);
        }
    }
  else if (work->copy_from)
    {
      g_autofree char *command = rc_cli_target_dup_command (target, "secret set", target->method);
      gboolean copied;

      /* A convenience: when it fails, the settings are saved all the same. */
      if (!copy_secret (target, work->copy_from, auth, &copied, &error))
        rc_cli_error (_("The API’s secret could not be copied for the method: %s Store the "
                        "method’s own with “%s”."),
                      error->message, command);
      else if (copied)
        g_print (_("Copied the API’s secret for the method in the keyring.\n"));
    }
  else if (work->rebound)
    rc_cli_target_report_moved_secret (target, target->method, FALSE);

  return status;
}

static int
change_auth (RcCliTarget      *target,
             RcCliAuthOptions *options,
             GOptionContext   *context)
{
  g_autoptr(RcAuth) copy = NULL;
  g_autoptr(RcCliSecret) secret = NULL;
  g_autoptr(RcSecretBinding) before = NULL;
  g_autoptr(RcSecretBinding) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = rc_cli_target_describe (target, target->method);
  g_autofree char *message = NULL;
  KeyringWork work = { 0 };
  RcAuth *auth = rc_cli_target_get_auth (target);
  RcAuthKind old_kind;
  gboolean had_secret;

  if (options->inherit)
    {
      if (auth == NULL)
        {
          g_print (_("The method “%s” already inherits the authentication of the API “%s”.\n"),
                   rc_method_get_name (target->method), rc_api_get_name (target->api));
          return RC_CLI_EXIT_OK;
        }
      work.clear_old = rc_auth_get_secret_id (auth)[0] != '\0';
      rc_method_set_auth (target->method, NULL);
      auth = NULL;
    }
  else
    {
      if (auth == NULL)
        {
          /* The method's own: the API's settings, a reference of its own. */
          copy = rc_auth_copy (rc_api_get_auth (target->api));
          rc_auth_set_secret_id (copy, "");
          auth = copy;
        }

      old_kind = rc_auth_get_kind (auth);
      if ((message = rc_cli_auth_options_check_fit (
             options, options->has_kind ? options->kind : old_kind, what)))
        return rc_cli_usage_error (message);

      /* Last of the checks, so that a mistake never asks for a secret first. */
      if (options->secret_stdin)
        {
          /* The secret is for the auth as the options leave it: a
           * private key's PEM is read whole, and checked. */
          g_autoptr(RcAuth) changed = rc_auth_copy (auth);

          rc_cli_auth_options_apply (options, changed);
          secret = rc_cli_read_auth_secret (changed, NULL, TRUE, &error);
          if (secret == NULL)
            {
              rc_cli_error ("%s", error->message);
              return RC_CLI_EXIT_FAILED;
            }
        }

      had_secret = rc_auth_get_secret_id (auth)[0] != '\0';
      before = rc_secret_binding_new_for_auth (auth, rc_api_get_base_url (target->api));
      rc_cli_auth_options_apply (options, auth);
      after = rc_secret_binding_new_for_auth (auth, rc_api_get_base_url (target->api));
      work.rebound = had_secret && !rc_secret_binding_equal (before, after);

      if (had_secret && rc_auth_get_kind (auth) != old_kind)
        {
          /* A password must never be sent as a client secret. */
          work.clear_old = TRUE;
          rc_auth_set_secret_id (auth, "");
        }

      if (copy && !secret && same_login (copy, rc_api_get_auth (target->api))
          && rc_auth_get_secret_id (rc_api_get_auth (target->api))[0] != '\0')
        work.copy_from = rc_api_get_auth (target->api);

      if (secret || work.copy_from)
        rc_auth_ensure_secret_id (auth);

      if (copy)
        rc_method_set_auth (target->method, copy);
    }

  /* A copy's secrets are the original's until it has an id of its own:
   * nothing here may replace or remove them. */
  if ((secret || work.clear_old || work.copy_from) && !rc_cli_target_make_own (target, &error))
    return rc_cli_report_error (error);

  if (!rc_cli_target_save (target, &error))
    return rc_cli_report_error (error);

  if (options->inherit)
    g_print (_("The method “%s” now inherits the authentication of the API “%s”; saved %s.\n"),
             rc_method_get_name (target->method), rc_api_get_name (target->api), target->path);
  else
    g_print (_("Saved the authentication of %s in %s.\n"), what, target->path);

  return update_keyring (target, auth, &work, secret);
}

int
rc_cli_auth (int    argc,
             char **argv)
{
  g_auto(RcCliAuthOptions) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_auto(RcCliTarget) target = { 0 };
  g_autofree char *message = NULL;
  g_auto(GStrv) args = NULL;
  guint n_args;
  int status;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the settings as JSON, with the project file’s names"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
      N_("PROJECT API [METHOD]") },
    { NULL }
  };

  rc_cli_auth_options_init (&options, RC_CLI_AUTH_FOR_AUTH);

  g_set_prgname ("restcall auth");
  context = g_option_context_new (_("— show or change how an API or method authenticates"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  rc_cli_auth_options_add_entries (&options, context);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  rc_cli_set_description (
    context, _("Without an option, prints the settings (with --json, named as "
               "in the project file); the secret is shown only as stored or "
               "not stored. With options, changes them and "
               "saves the project. For a METHOD that inherits the API’s "
               "authentication, the first change gives it its own, a copy of "
               "the API’s. When the type changes, the old secret is removed "
               "from the keyring.\n"
               "Secrets are never taken as arguments: use --secret-stdin, or "
               "“restcall secret set”."));

  if (!rc_cli_parse_options (context, &argc, &argv,
                             _("Use --secret-stdin, or “restcall secret set”."), &status))
    return status;

  n_args = args ? g_strv_length (args) : 0;
  if (n_args < 2 || n_args > 3)
    return rc_cli_usage_error (
      _("Name a project file, one of its APIs and, optionally, one of its "
                 "methods."));

  if ((message = rc_cli_auth_options_parse (&options, n_args == 3)))
    return rc_cli_usage_error (message);

  if (json && (options.kind_text || rc_cli_auth_options_has_settings (&options)))
    return rc_cli_usage_error (_("--json prints the settings: it cannot be given with an option "
                                 "that changes them."));

  if (!rc_cli_target_load (&target, args[0], args[1], args[2]))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  if (options.kind_text == NULL && !rc_cli_auth_options_has_settings (&options))
    {
      if (json)
        print_auth_json (&target);
      else
        print_auth (&target);
      return RC_CLI_EXIT_OK;
    }

  return change_auth (&target, &options, context);
}
