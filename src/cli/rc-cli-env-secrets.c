/* rc-cli-env-secrets.c: the keyring work of `restcall env`, in an order that loses nothing
 *
 * A secret variable's value is in the keyring (rc-environment.c), so some
 * changes to an environment are keyring work too: a value given with
 * --secret is stored; a plain variable made secret takes its value from
 * the file to the keyring; a secret variable renamed takes its stored
 * value to its new name; a new environment made `--from` another gets the
 * other's stored values; a secret variable removed, or made plain, leaves
 * no value behind.
 *
 * The command collects that work while it changes the project in memory,
 * then, once every option was found good:
 *
 * 1. reads the values to carry, under the project's id as it was loaded;
 * 2. when there is a value to store and the project is a copy of another
 *    file (the same project id), gives it an id of its own
 *    (rc_cli_target_take_own_id()), so the original's values are never
 *    replaced;
 * 3. stores the values. One the user asked for (given, moved from the
 *    file, or renamed) that cannot be stored fails the command before the
 *    file is touched, and what was stored is taken out again; the values
 *    of a copied environment are a convenience: said when they could not
 *    be copied, no failure;
 * 4. the command saves the file; if that fails, the values stored for
 *    variables that had none are taken out again (rc_cli_env_secrets_undo());
 * 5. removes the values that no variable refers to any more, but not a
 *    copy's: those are the original's, which still uses them.
 *
 * A value is held wiped-on-free, and never printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-cli-env.h"
#include "rc-cli-private.h"

typedef enum {
  GIVEN,      /* --secret NAME */
  FROM_FILE,  /* a plain variable's value, now secret */
  RENAMED,    /* the stored value of a variable renamed */
  COPIED,     /* the stored value of the environment copied */
} Kind;

typedef struct
{
  Kind           kind;
  RcEnvironment *from;         /* read from its variable from_name; NULL: value given */
  char          *from_name;
  RcEnvironment *environment;  /* stored as its variable name */
  char          *name;
  RcCliSecret   *value;
  gboolean       replaces;     /* the variable had a stored value before */
  gboolean       stored;
} Transfer;

typedef struct
{
  RcEnvironment *environment;
  char          *name;
  gboolean       moved;        /* the old name of one renamed: said as moved */
} Forget;

struct _RcCliEnvSecrets
{
  GPtrArray *transfers;
  GPtrArray *forgets;
  gboolean   own_id;          /* a copy, given an id of its own to store */
  GError    *copy_error;      /* why the copied values were not copied */
  Transfer  *copy_failed;     /* the first one that was not */
};

static void
transfer_free (gpointer data)
{
  Transfer *transfer = data;

  g_clear_object (&transfer->from);
  g_free (transfer->from_name);
  g_clear_object (&transfer->environment);
  g_free (transfer->name);
  rc_cli_secret_free (transfer->value);
  g_free (transfer);
}

static void
forget_free (gpointer data)
{
  Forget *forget = data;

  g_clear_object (&forget->environment);
  g_free (forget->name);
  g_free (forget);
}

static Transfer *
add_transfer (RcCliEnvSecrets *self,
              Kind             kind,
              RcEnvironment   *environment,
              const char      *name)
{
  Transfer *transfer = g_new0 (Transfer, 1);

  transfer->kind = kind;
  transfer->environment = g_object_ref (environment);
  transfer->name = g_strdup (name);
  g_ptr_array_add (self->transfers, transfer);

  return transfer;
}

/* Says why a value the user asked for was not stored: nothing changed. */
static void
report_not_stored (Transfer     *transfer,
                   const GError *error)
{
  g_autofree char *reason = NULL;

  if (rc_cli_keyring_is_unavailable (error))
    {
      g_debug ("%s", error->message);
      reason = g_strdup (_("no keyring could be used"));
    }
  else
    reason = g_strdup (error->message);

  switch (transfer->kind)
    {
    case FROM_FILE:
      rc_cli_error (_("The value of “%s” could not be moved from the file to the keyring (%s), so "
                      "nothing was changed: it stays plain. Unlock the keyring, or start a "
                      "Secret Service such as GNOME Keyring, and try again; or empty its value "
                      "first (--var %s=) to make it secret without it."),
                    transfer->name, reason, transfer->name);
      break;

    case RENAMED:
      rc_cli_error (_("The stored value of “%s” could not be moved to “%s” (%s), so nothing was "
                      "changed. Unlock the keyring, or start a Secret Service such as GNOME "
                      "Keyring, and try again."),
                    transfer->from_name, transfer->name, reason);
      break;

    case GIVEN:
    case COPIED:
    default:
      rc_cli_error (_("The value of “%s” was not stored in the keyring (%s), so nothing was "
                      "changed. Unlock the keyring, or start a Secret Service such as GNOME "
                      "Keyring, and try again."),
                    transfer->name, reason);
      break;
    }
}

RcCliEnvSecrets *
rc_cli_env_secrets_new (void)
{
  RcCliEnvSecrets *self = g_new0 (RcCliEnvSecrets, 1);

  self->transfers = g_ptr_array_new_with_free_func (transfer_free);
  self->forgets = g_ptr_array_new_with_free_func (forget_free);

  return self;
}

void
rc_cli_env_secrets_free (RcCliEnvSecrets *self)
{
  g_ptr_array_unref (self->transfers);
  g_ptr_array_unref (self->forgets);
  g_clear_error (&self->copy_error);
  g_free (self);
}

/* Whether the change needs the keyring at all. */
gboolean
rc_cli_env_secrets_is_empty (RcCliEnvSecrets *self)
{
  return self->transfers->len == 0 && self->forgets->len == 0;
}

/**
 * rc_cli_env_secrets_give:
 * @value: (transfer full): the value
 * @from_file: whether it was the plain value in the file, now secret
 * @replaces: whether the variable was secret in the file as loaded, so
 *   that its stored value is replaced, not new
 *
 * Stores @value as the value of the secret variable @name.
 */
void
rc_cli_env_secrets_give (RcCliEnvSecrets *self,
                         RcEnvironment   *environment,
                         const char      *name,
                         RcCliSecret     *value,
                         gboolean         from_file,
                         gboolean         replaces)
{
  Transfer *transfer = add_transfer (self, from_file ? FROM_FILE : GIVEN, environment, name);

  transfer->value = value;
  transfer->replaces = replaces;
}

static void
add_forget (RcCliEnvSecrets *self,
            RcEnvironment   *environment,
            const char      *name,
            gboolean         moved)
{
  Forget *forget = g_new0 (Forget, 1);

  forget->environment = g_object_ref (environment);
  forget->name = g_strdup (name);
  forget->moved = moved;
  g_ptr_array_add (self->forgets, forget);
}

/**
 * rc_cli_env_secrets_carry:
 *
 * Takes the stored value of the secret variable @from_name of @from, if
 * there is one, to @name of @environment: within one environment, a
 * rename, which needs the keyring and leaves no value under the old name;
 * from another, a copy, which is done when it can be.
 */
void
rc_cli_env_secrets_carry (RcCliEnvSecrets *self,
                          RcEnvironment   *from,
                          const char      *from_name,
                          RcEnvironment   *environment,
                          const char      *name)
{
  Transfer *transfer = add_transfer (self, from == environment ? RENAMED : COPIED, environment,
                                     name);

  transfer->from = g_object_ref (from);
  transfer->from_name = g_strdup (from_name);

  if (transfer->kind == RENAMED)
    add_forget (self, from, from_name, TRUE);
}

/* Removes the stored value of @name, once the file no longer has it. */
void
rc_cli_env_secrets_forget (RcCliEnvSecrets *self,
                           RcEnvironment   *environment,
                           const char      *name)
{
  add_forget (self, environment, name, FALSE);
}

/**
 * rc_cli_env_secrets_store:
 *
 * Reads the values to carry and stores every value, before the file is
 * saved; says what failed and sets @exit_status when a value the user
 * asked for could not be stored, after taking out what was.
 *
 * Returns: whether the command can go on and save
 */
gboolean
rc_cli_env_secrets_store (RcCliEnvSecrets *self,
                          RcCliTarget     *target,
                          int             *exit_status)
{
  gboolean copy_store_failed = FALSE;
  gboolean any = FALSE;

  for (guint i = 0; i < self->transfers->len; i++)
    {
      Transfer *transfer = g_ptr_array_index (self->transfers, i);
      g_autoptr(GError) error = NULL;
      char *stored;

      if (transfer->from == NULL)
        {
          any = TRUE;
          continue;
        }

      /* The keyring that failed one copy would fail them all, slowly. */
      if (transfer->kind == COPIED && self->copy_error)
        continue;

      stored = rc_cli_keyring_lookup_variable (target->project, transfer->from,
                                               transfer->from_name, &error);
      if (error && transfer->kind == COPIED)
        {
          if (self->copy_error == NULL)
            {
              self->copy_error = g_steal_pointer (&error);
              self->copy_failed = transfer;
            }
          continue;
        }
      if (error)
        {
          report_not_stored (transfer, error);
          *exit_status = rc_failure_get_exit_status (RC_FAILURE_KEYRING);
          return FALSE;
        }

      /* None stored is none to carry. */
      transfer->value = g_strdup (stored);
      rc_secret_free (stored);
      any |= transfer->value != NULL;
    }

  if (!any)
    return TRUE;

  self->own_id = rc_cli_target_take_own_id (target);

  for (guint i = 0; i < self->transfers->len; i++)
    {
      Transfer *transfer = g_ptr_array_index (self->transfers, i);
      g_autoptr(GError) error = NULL;

      if (transfer->value == NULL || (transfer->kind == COPIED && copy_store_failed))
        continue;

      if (rc_cli_keyring_store_variable (target->project, transfer->environment, transfer->name,
                                         transfer->value, &error))
        {
          transfer->stored = TRUE;
          continue;
        }

      if (transfer->kind == COPIED)
        {
          copy_store_failed = TRUE;
          if (self->copy_error == NULL)
            {
              self->copy_error = g_steal_pointer (&error);
              self->copy_failed = transfer;
            }
          continue;
        }

      report_not_stored (transfer, error);
      rc_cli_env_secrets_undo (self, target);
      *exit_status = rc_failure_get_exit_status (RC_FAILURE_KEYRING);
      return FALSE;
    }

  return TRUE;
}

/**
 * rc_cli_env_secrets_undo:
 *
 * Takes out of the keyring the values stored for variables that had none,
 * after the command failed: nothing refers to them.
 */
void
rc_cli_env_secrets_undo (RcCliEnvSecrets *self,
                         RcCliTarget     *target)
{
  for (guint i = 0; i < self->transfers->len; i++)
    {
      Transfer *transfer = g_ptr_array_index (self->transfers, i);
      g_autoptr(GError) error = NULL;

      if (!transfer->stored || transfer->replaces)
        continue;

      if (!rc_cli_keyring_clear_variable (target->project, transfer->environment, transfer->name,
                                          &error))
        g_debug ("Could not take the value of %s out of the keyring again: %s", transfer->name,
                 error->message);
      transfer->stored = FALSE;
    }
}

/* Says that the stored values of a copied environment were not copied,
 * and how to store them. */
static void
report_not_copied (RcCliEnvSecrets *self,
                   RcCliTarget     *target)
{
  Transfer *transfer = self->copy_failed;
  g_autofree char *path = rc_text_dup_shell_word (target->path);
  g_autofree char *name = rc_text_dup_shell_word (rc_environment_get_name (transfer->environment));
  g_autofree char *reason = NULL;

  if (rc_cli_keyring_is_unavailable (self->copy_error))
    {
      g_debug ("%s", self->copy_error->message);
      reason = g_strdup (_("no keyring could be used"));
    }
  else
    reason = g_strdup (self->copy_error->message);

  rc_cli_error (_("The stored values of the secret variables of “%s” were not copied to “%s” "
                  "(%s). Store each with “restcall env set %s %s --secret NAME --secret-stdin”."),
                rc_environment_get_name (transfer->from),
                rc_environment_get_name (transfer->environment), reason, path, name);
}

/* Appends to @report what was stored. */
static void
report_stored (RcCliEnvSecrets *self,
               GString         *report)
{
  guint n_copied = 0;

  for (guint i = 0; i < self->transfers->len; i++)
    {
      Transfer *transfer = g_ptr_array_index (self->transfers, i);

      if (!transfer->stored)
        continue;

      switch (transfer->kind)
        {
        case GIVEN:
          g_string_append_printf (report, _(" Stored the value of “%s” in the keyring."),
                                  transfer->name);
          break;
        case FROM_FILE:
          g_string_append_printf (report, _(" Moved the value of “%s” from the file to the "
                                            "keyring."),
                                  transfer->name);
          break;
        case RENAMED:
          g_string_append_printf (report, _(" Moved the stored value of “%s” to “%s”."),
                                  transfer->from_name, transfer->name);
          break;
        case COPIED:
        default:
          n_copied++;
          break;
        }
    }

  if (n_copied > 0)
    g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE,
                                                 " Copied the stored value of %u secret variable.",
                                                 " Copied the stored values of %u secret "
                                                 "variables.",
                                                 n_copied),
                            n_copied);
}

/**
 * rc_cli_env_secrets_finish:
 * @to_stderr: whether to say that a copy has an id of its own on stderr,
 *   as for --json
 * @report: what the command says it did, to append to
 *
 * After the file was saved: records a copy's own id, and removes the
 * values nothing refers to any more.
 *
 * Returns: the exit status: a value left in the keyring is a failure
 */
int
rc_cli_env_secrets_finish (RcCliEnvSecrets *self,
                           RcCliTarget     *target,
                           gboolean         to_stderr,
                           GString         *report)
{
  g_autoptr(GPtrArray) forgotten = g_ptr_array_new ();
  g_autoptr(GPtrArray) left = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  gboolean copy = self->own_id || target->original != NULL;

  if (self->own_id)
    rc_cli_target_claim_own_id (target, to_stderr);

  report_stored (self, report);
  if (self->copy_error)
    report_not_copied (self, target);

  for (guint i = 0; i < self->forgets->len; i++)
    {
      Forget *forget = g_ptr_array_index (self->forgets, i);
      g_autoptr(GError) local_error = NULL;

      /* A copy's stored values are the original's, which still uses them. */
      if (copy)
        {
          g_debug ("Left the value of %s of a copy to the original", forget->name);
          continue;
        }

      if (rc_cli_keyring_clear_variable (target->project, forget->environment, forget->name,
                                         &local_error))
        {
          /* A rename says that it moved the value. */
          if (!forget->moved)
            g_ptr_array_add (forgotten, forget->name);
        }
      else
        {
          g_ptr_array_add (left, forget->name);
          if (error == NULL)
            error = g_steal_pointer (&local_error);
        }
    }

  if (forgotten->len > 0)
    {
      names = rc_cli_quote_names (forgotten);
      g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE,
                                                   " Removed the stored value of %s from the "
                                                   "keyring.",
                                                   " Removed the stored values of %s from the "
                                                   "keyring.",
                                                   forgotten->len),
                              names);
      g_clear_pointer (&names, g_free);
    }

  if (left->len == 0)
    return RC_CLI_EXIT_OK;

  names = rc_cli_quote_names (left);
  if (rc_cli_keyring_is_unavailable (error))
    {
      g_debug ("%s", error->message);
      /* Translators: %s is one or more quoted names: “a”, “b” */
      rc_cli_error (_("Saved %s, but no keyring could be used, so the stored value of %s (if "
                      "there was one) was left in it, unused. Unlock the keyring and remove it "
                      "there (its label begins with “Restcall:”)."),
                    target->path, names);
    }
  else
    rc_cli_error (_("Saved %s, but the stored value of %s could not be removed from the "
                    "keyring: %s"),
                  target->path, names, error->message);

  return rc_failure_get_exit_status (RC_FAILURE_KEYRING);
}
