/* rc-cli-target.c: the API or method that `restcall run`, `token`, `auth` and `secret` name
 *
 * PROJECT API [METHOD] is loaded once; a name that does not exist is
 * answered with the names that do. The target also names itself in
 * messages, in the keyring label (the API's and method's names, never a
 * URL), and in the command that would fix a missing secret, or one saved
 * for another server or login; and it reads the secret a call or a token
 * request needs, given or stored (rc_cli_target_read_secret()).
 *
 * Loading also tells whether the file is a copy of another that has the
 * same project id (rc-project-registry.c); a command that writes to the
 * keyring first gives such a copy an id of its own
 * (rc_cli_target_make_own()), so that it never replaces or removes the
 * original's secrets. Reading them is left to the bindings: a copy still
 * pointing where the original does may use its secrets, one pointing
 * elsewhere may not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-cli-input.h"
#include "rc-cli-private.h"
#include "rc-cli-target.h"

typedef struct
{
  gboolean  done;
  gboolean  saved;
  GError   *error;
} Save;

/**
 * rc_cli_quote_names:
 * @names: (element-type utf8): names
 *
 * Returns: (transfer full): the names quoted, for a message: “a”, “b”
 */
char *
rc_cli_quote_names (GPtrArray *names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s“%s”", i ? ", " : "", (char *)g_ptr_array_index (names, i));

  return g_string_free (text, FALSE);
}

static RcApi *
find_api (RcProject  *project,
          const char *path,
          const char *api_name)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;
  RcApi *api;

  if ((api = rc_project_find_api (project, api_name)))
    return api;

  for (guint i = 0; i < rc_project_get_n_apis (project); i++)
    g_ptr_array_add (names, (gpointer)rc_api_get_name (rc_project_get_api (project, i)));
  list = rc_cli_quote_names (names);

  if (names->len == 0)
    rc_cli_error (_("The project %s has no API “%s”: it has no APIs at all."), path, api_name);
  else
    rc_cli_error (_("The project %s has no API “%s”. Its APIs: %s."), path, api_name, list);

  return NULL;
}

static RcMethod *
find_method (RcApi      *api,
             const char *method_name)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;
  RcMethod *method;

  if ((method = rc_api_find_method (api, method_name)))
    return method;

  for (guint i = 0; i < rc_api_get_n_methods (api); i++)
    g_ptr_array_add (names, (gpointer)rc_method_get_name (rc_api_get_method (api, i)));
  list = rc_cli_quote_names (names);

  if (names->len == 0)
    rc_cli_error (_("The API “%s” has no method “%s”: it has no methods at all."),
                  rc_api_get_name (api), method_name);
  else
    rc_cli_error (_("The API “%s” has no method “%s”. Its methods: %s."),
                  rc_api_get_name (api), method_name, list);

  return NULL;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Save *save = user_data;

  save->saved = rc_project_save_finish (RC_PROJECT (object), result, &save->error);
  save->done = TRUE;
}

/**
 * rc_cli_target_load:
 * @api_name: (nullable): the API, or %NULL to name the project alone
 * @method_name: (nullable): the method, or %NULL to name the API alone
 *
 * Loads @path and finds the API and method; prints what is wrong when
 * one does not exist.
 *
 * Returns: %TRUE when found; clear @self with rc_cli_target_clear() either way
 */
gboolean
rc_cli_target_load (RcCliTarget *self,
                    const char  *path,
                    const char  *api_name,
                    const char  *method_name)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  self->path = g_strdup (path);

  if (!(self->project = rc_project_load (file, NULL, &error)))
    {
      rc_cli_error ("%s", error->message);
      return FALSE;
    }

  self->original = rc_project_registry_check (rc_project_get_id (self->project), file, NULL);

  if (api_name == NULL)
    return TRUE;

  if (!(self->api = find_api (self->project, path, api_name)))
    return FALSE;

  if (method_name && !(self->method = find_method (self->api, method_name)))
    return FALSE;

  return TRUE;
}

void
rc_cli_target_clear (RcCliTarget *self)
{
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->project);
  g_clear_object (&self->original);
  self->api = NULL;
  self->method = NULL;
}

/**
 * rc_cli_target_get_auth_owner:
 *
 * Returns: (nullable): the method when it has its own authentication;
 *   %NULL when the API's applies
 */
RcMethod *
rc_cli_target_get_auth_owner (RcCliTarget *self)
{
  if (self->method && rc_method_get_auth (self->method))
    return self->method;

  return NULL;
}

/**
 * rc_cli_target_get_auth:
 *
 * Returns: (nullable): the target's own auth: the API's, or the method's
 *   own; %NULL for a method that inherits the API's
 */
RcAuth *
rc_cli_target_get_auth (RcCliTarget *self)
{
  if (self->method)
    return rc_method_get_auth (self->method);

  return rc_api_get_auth (self->api);
}

/* The keyring's `owner` attribute: the id of the API or method named. */
const char *
rc_cli_target_get_owner_id (RcCliTarget *self)
{
  return self->method ? rc_method_get_id (self->method) : rc_api_get_id (self->api);
}

/**
 * rc_cli_target_describe:
 * @method: (nullable): one of the API's methods, or %NULL for the API
 *
 * Returns: “the API “Pets”” or “the method “getItem” of the API “Pets””
 */
char *
rc_cli_target_describe (RcCliTarget *self,
                        RcMethod    *method)
{
  if (method)
    return g_strdup_printf (_("the method “%s” of the API “%s”"),
                            rc_method_get_name (method), rc_api_get_name (self->api));

  return g_strdup_printf (_("the API “%s”"), rc_api_get_name (self->api));
}

/**
 * rc_cli_target_dup_command:
 * @command: the sub-command, such as "secret set"
 * @method: (nullable): one of the API's methods, or %NULL for the API
 *
 * Returns: the command line that runs @command on the API or method,
 *   quoted for a shell
 */
char *
rc_cli_target_dup_command (RcCliTarget *self,
                           const char  *command,
                           RcMethod    *method)
{
  g_autofree char *path = rc_text_dup_shell_word (self->path);
  g_autofree char *api = rc_text_dup_shell_word (rc_api_get_name (self->api));
  g_autofree char *name = method ? rc_text_dup_shell_word (rc_method_get_name (method)) : NULL;

  return g_strdup_printf ("restcall %s %s %s%s%s", command, path, api, name ? " " : "",
                          name ? name : "");
}

/**
 * rc_cli_target_dup_label:
 *
 * Returns: what the keyring shows for the secret: the API's (and
 *   method's) name, never a URL
 */
char *
rc_cli_target_dup_label (RcCliTarget *self,
                         RcMethod    *method,
                         RcAuthKind   kind)
{
  const char *api = rc_api_get_name (self->api);

  if (kind == RC_AUTH_KIND_BASIC)
    return method ? g_strdup_printf (_("Restcall: Basic password of “%s” › “%s”"), api,
                                     rc_method_get_name (method))
                  : g_strdup_printf (_("Restcall: Basic password of “%s”"), api);

  return method ? g_strdup_printf (_("Restcall: client secret of “%s” › “%s”"), api,
                                   rc_method_get_name (method))
                : g_strdup_printf (_("Restcall: client secret of “%s”"), api);
}

/**
 * rc_cli_save_project:
 * @file: (nullable): where to save, or %NULL for the project's own file
 *
 * Saves the project atomically (a complete temporary file replaces the old
 * one, so an interrupted save leaves it whole), waiting for the result. A
 * read-only file is refused, with what to do about it.
 */
gboolean
rc_cli_save_project (RcProject  *project,
                     GFile      *file,
                     GError    **error)
{
  Save save = { 0 };

  rc_project_save_async (project, file, NULL, saved_cb, &save);
  while (!save.done)
    g_main_context_iteration (NULL, TRUE);

  if (!save.saved)
    {
      /* The command line has no Save Anyway: it says how to allow it. */
      if (g_error_matches (save.error, RC_PROJECT_ERROR, RC_PROJECT_ERROR_READ_ONLY))
        {
          g_autoptr(GFile) target = g_object_ref (file ? file : rc_project_get_file (project));
          g_autofree char *name = g_file_get_parse_name (target);
          g_autofree char *quoted = rc_text_dup_shell_word (name);

          g_set_error (error, RC_PROJECT_ERROR, RC_PROJECT_ERROR_READ_ONLY,
                       _("“%s” is read-only, so it was left as it is. To change it, make it "
                         "writable (“chmod u+w %s”) and run the command again."),
                       name, quoted);
          g_clear_error (&save.error);
          return FALSE;
        }

      g_propagate_error (error, save.error);
      return FALSE;
    }

  return TRUE;
}

/**
 * rc_cli_target_save:
 *
 * Saves the target's project over its file, atomically.
 */
gboolean
rc_cli_target_save (RcCliTarget  *self,
                    GError      **error)
{
  return rc_cli_save_project (self->project, NULL, error);
}

/**
 * rc_cli_target_make_own:
 *
 * Gives a project that is a copy of another file an id of its own, and
 * saves it, before a command writes to the keyring: the original's secrets
 * stay the original's. Says so. Does nothing for a project that is no copy.
 */
gboolean
rc_cli_target_make_own (RcCliTarget  *self,
                        GError      **error)
{
  if (!rc_cli_target_take_own_id (self))
    return TRUE;

  if (!rc_cli_target_save (self, error))
    return FALSE;

  rc_cli_target_claim_own_id (self, FALSE);

  return TRUE;
}

/**
 * rc_cli_target_take_own_id:
 *
 * What rc_cli_target_make_own() does, in two steps, for a command that
 * writes to the keyring before it saves: gives a project that is a copy
 * of another file an id of its own, in memory only. Once the project is
 * saved, rc_cli_target_claim_own_id() records and says it.
 *
 * Returns: whether the project was a copy, and has a new id
 */
gboolean
rc_cli_target_take_own_id (RcCliTarget *self)
{
  g_autofree char *id = NULL;

  if (self->original == NULL)
    return FALSE;

  id = g_uuid_string_random ();
  rc_project_set_id (self->project, id);

  return TRUE;
}

/**
 * rc_cli_target_claim_own_id:
 * @to_stderr: whether to say it on stderr, as for --json
 *
 * After rc_cli_target_take_own_id() and a save: records which file the
 * project is, and says that it is no longer the original's.
 */
void
rc_cli_target_claim_own_id (RcCliTarget *self,
                            gboolean     to_stderr)
{
  void (*say) (const char *format, ...) = to_stderr ? g_printerr : g_print;
  const char *id = rc_project_get_id (self->project);
  g_autofree char *original = NULL;
  g_autoptr(GError) error = NULL;

  if (self->original == NULL)
    return;

  if (!rc_project_registry_claim (id, rc_project_get_file (self->project), &error))
    g_debug ("Could not record which file the project %s is: %s", id, error->message);

  original = g_file_get_parse_name (self->original);
  g_clear_object (&self->original);

  say (_("%s is a copy of %s (it had the same project ID), so it now has an ID of its own: "
         "its secrets in the keyring and the original’s stay apart.\n"),
       self->path, original);
}

/**
 * rc_cli_target_dup_binding:
 * @method: (nullable): one of the API's methods, for its effective auth;
 *   %NULL for the API's own
 * @values: (nullable): the URL parameters' values a call has; %NULL for the
 *   test values
 *
 * Returns: (transfer full) (nullable): what the secret of that auth goes
 *   to: the origin and the client ID or user name
 */
RcSecretBinding *
rc_cli_target_dup_binding (RcCliTarget *self,
                           RcMethod    *method,
                           RcPairList  *values)
{
  if (method != NULL)
    return rc_secret_binding_new_for_method (method, values);

  return rc_secret_binding_new_for_api (self->api);
}

/**
 * rc_cli_target_report_moved_secret:
 * @method: (nullable): one of the API's methods, for the authentication
 *   it sends (its own or the API's); %NULL for the API's own
 * @to_stderr: whether to say it on stderr, as for --json, where stdout is
 *   the data's
 *
 * After a change that moves where a secret goes (a token URL, a client ID
 * or user name, an API's base URL or a method's URL), says when
 * the stored secret is now for other settings, and so is not sent, and how
 * to store one for these. Said, not fixed: only the user can say that the
 * secret goes there too.
 */
void
rc_cli_target_report_moved_secret (RcCliTarget *self,
                                   RcMethod    *method,
                                   gboolean     to_stderr)
{
  void (*say) (const char *format, ...) = to_stderr ? g_printerr : g_print;
  g_autoptr(RcSecretBinding) binding = NULL;
  g_autoptr(RcSecretBinding) saved_for = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *to = NULL;
  g_autofree char *from = NULL;
  RcAuth *auth = method ? rc_method_get_effective_auth (method) : rc_api_get_auth (self->api);
  gboolean inherited = method && rc_method_get_auth (method) == NULL;
  RcAuthKind kind;
  const char *noun;
  char *stored;

  if (auth == NULL || rc_auth_get_secret_id (auth)[0] == '\0')
    return;

  binding = rc_cli_target_dup_binding (self, method, NULL);
  stored = rc_cli_keyring_lookup (self->project, auth, binding, &saved_for, &error);
  rc_secret_free (stored);
  if (!g_error_matches (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH))
    {
      if (error)
        g_debug ("Could not look up the secret: %s", error->message);
      return;
    }

  kind = rc_auth_get_kind (auth);
  noun = kind == RC_AUTH_KIND_BASIC ? _("password") : _("client secret");
  to = rc_secret_binding_describe (binding, kind);
  from = saved_for ? rc_secret_binding_describe (saved_for, kind)
                   : g_strdup (_("no settings in particular"));

  if (inherited)
    {
      /* The API's secret stays the API's: the method needs its own. */
      command = rc_cli_target_dup_command (self, "auth", method);
      /* TRANSLATORS: “The API’s stored password was saved for https://a and the user “u”:
       * it is not sent to https://b…, where the method “m” goes. …” */
      say (_("The API’s stored %s was saved for %s: it is not sent to %s, where the method "
             "“%s” goes. Give the method its own authentication with “%s”, and store its "
             "%s.\n"),
           noun, from, to, rc_method_get_name (method), command, noun);
      return;
    }

  command = rc_cli_target_dup_command (self, "secret set", method);
  /* TRANSLATORS: “The stored client secret was saved for https://a and the
   * client “x”: …” */
  say (_("The stored %s was saved for %s: it is not sent to %s. Run “%s” to store one for "
         "these settings.\n"),
           noun, from, to, command);
}

/**
 * rc_cli_target_dup_mismatch:
 * @method: (nullable): the method whose own auth it is, or %NULL for the API's
 * @saved: (nullable): what the stored secret was saved for; %NULL for one
 *   an earlier Restcall stored, bound to nothing
 * @wanted: what it would have been sent to
 *
 * Returns: (transfer full): why the stored secret was not sent, and what to do
 */
char *
rc_cli_target_dup_mismatch (RcCliTarget           *self,
                            RcMethod              *method,
                            RcAuthKind             kind,
                            const RcSecretBinding *saved,
                            const RcSecretBinding *wanted)
{
  g_autofree char *what = rc_cli_target_describe (self, method);
  g_autofree char *command = rc_cli_target_dup_command (self, "secret set", method);
  g_autofree char *to = rc_secret_binding_describe (wanted, kind);
  g_autofree char *from = NULL;
  const char *noun = kind == RC_AUTH_KIND_BASIC ? _("password") : _("client secret");

  if (saved == NULL)
    /* TRANSLATORS: “The stored client secret of the API “Pets” was saved by …” */
    return g_strdup_printf (
      _("The stored %s of %s was saved by an earlier version of Restcall, "
        "which did not record where it may be sent, so it was not sent to %s. "
        "Run “%s” to store it again for them, or pass it with --secret-env "
        "VAR or --secret-stdin."),
      noun, what, to, command);

  from = rc_secret_binding_describe (saved, kind);

  return g_strdup_printf (_("The stored %s of %s was saved for %s; this project would send it to "
                            "%s, so it was not sent. Run “%s” to use a secret with %s, or pass one "
                            "with --secret-env VAR or --secret-stdin."),
                          noun,
                          what, from, to, command, to);
}

/**
 * rc_cli_target_read_secret:
 * @owner: (nullable): the method whose own auth @auth is, or %NULL for
 *   the API's
 * @binding: where the secret would be sent now
 * @env_var: (nullable): --secret-env
 * @from_stdin: --secret-stdin
 * @secret: (out) (transfer full): the secret given, if it was
 * @stored: (out) (transfer full): else the keyring's, if there is one
 *
 * Reads the secret @auth needs: from --secret-env or --secret-stdin when
 * given, else from the keyring, only if it was saved for what @binding
 * says it now goes to (a project file may have been edited to point
 * elsewhere). A client secret is required; a Basic password that was
 * never stored is sent empty, as before. On failure, says why (a usage
 * error) and sets @exit_status.
 *
 * Returns: whether the command can go on
 */
gboolean
rc_cli_target_read_secret (RcCliTarget            *self,
                           RcMethod               *owner,
                           RcAuth                 *auth,
                           const RcSecretBinding  *binding,
                           const char             *env_var,
                           gboolean                from_stdin,
                           RcCliSecret           **secret,
                           RcCliStoredSecret     **stored,
                           int                    *exit_status)
{
  g_autoptr(GError) error = NULL;

  if (env_var && from_stdin)
    {
      *exit_status = rc_cli_usage_error (
        _("Give the secret once: --secret-env VAR or --secret-stdin."));
      return FALSE;
    }

  /* None, or a private_key_jwt client's key file. */
  if (!rc_auth_needs_secret (auth))
    return TRUE;

  if (env_var || from_stdin)
    {
      *secret = rc_cli_read_auth_secret (auth, env_var, from_stdin, &error);
      if (error)
        {
          rc_cli_error ("%s", error->message);
          *exit_status = RC_CLI_EXIT_FAILED;
          return FALSE;
        }
      return TRUE;
    }

  if (rc_cli_target_lookup_secret (self, owner, auth, binding, stored, &error))
    return TRUE;

  rc_cli_error ("%s", error->message);
  *exit_status = rc_failure_get_exit_status (RC_FAILURE_KEYRING);
  return FALSE;
}

/**
 * rc_cli_target_lookup_secret:
 * @owner: (nullable): the method whose own auth @auth is, or %NULL for
 *   the API's
 * @binding: where the secret would be sent now
 * @stored: (out) (transfer full): the keyring's secret, if there is one
 *
 * Reads the secret @auth needs from the keyring, only if it was saved
 * for what @binding says it now goes to. A client secret is required; a
 * Basic password that was never stored is sent empty.
 *
 * Returns: whether the call can go on; if not, @error (of the keyring
 *   kind, rc_failure_classify()) says why and what to run
 */
gboolean
rc_cli_target_lookup_secret (RcCliTarget            *self,
                             RcMethod               *owner,
                             RcAuth                 *auth,
                             const RcSecretBinding  *binding,
                             RcCliStoredSecret     **stored,
                             GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RcSecretBinding) saved_for = NULL;
  g_autofree char *what = NULL;
  g_autofree char *command = NULL;
  RcAuthKind kind = rc_auth_get_kind (auth);

  if (!rc_auth_needs_secret (auth))
    return TRUE;

  if ((*stored = rc_cli_keyring_lookup (self->project, auth, binding, &saved_for, &local_error)))
    return TRUE;

  what = rc_cli_target_describe (self, owner);
  command = rc_cli_target_dup_command (self, "secret set", owner);

  if (g_error_matches (local_error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH))
    {
      g_autofree char *message = rc_cli_target_dup_mismatch (self, owner, kind, saved_for, binding);

      g_set_error_literal (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH, message);
      return FALSE;
    }

  if (local_error)
    {
      /* TRANSLATORS: “Could not read the client secret of the API “Pets” from the keyring: …” */
      g_set_error (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE,
                   _("Could not read %s of %s from the keyring: %s Pass it with --secret-env VAR or "
                     "--secret-stdin instead."),
                   rc_cli_secret_noun (kind), what, local_error->message);
      return FALSE;
    }

  if (kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      g_set_error (error, RC_CALL_ERROR, RC_CALL_ERROR_NO_SECRET,
                   _("No client secret is stored for %s: run “%s”, or pass it with --secret-env VAR "
                     "or --secret-stdin."),
                   what, command);
      return FALSE;
    }

  return TRUE;
}

/* “the client secret” or “the password”, for messages. */
const char *
rc_cli_secret_noun (RcAuthKind kind)
{
  return kind == RC_AUTH_KIND_BASIC ? _("the password") : _("the client secret");
}
