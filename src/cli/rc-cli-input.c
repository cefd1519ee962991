/* rc-cli-input.c: what a command reads from its user: options and secrets
 *
 * Secrets never come from the command line, where other users (ps) and
 * the shell's history see them: only from an environment variable or from
 * standard input, without echo when that is a terminal. An option that
 * looks like a secret is refused with a word on how to give it instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* isatty(), termios and sigaction(), which -std=c11 hides. */
#define _POSIX_C_SOURCE 200809L

#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "rc-cli-input.h"
#include "rc-cli-private.h"

static struct termios saved_termios;

static void restore_terminal_cb (int signum);

static gboolean
is_secret_option (const char *arg)
{
  static const char * const names[] = {
    "--client-secret", "--secret", "--password", "--passwd", "--pass",
    "--token", "--access-token", "--bearer", NULL
  };
  g_autofree char *name = g_strndup (arg, strcspn (arg, "="));

  return g_strv_contains (names, name);
}

static RcCliSecret *
read_line (const char  *prompt,
           GError     **error)
{
  gboolean tty = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved_termios) == 0;
  struct sigaction restore = { 0 }, old_int, old_term, old_hup;
  GString *line = g_string_new (NULL);
  int c;

  if (tty)
    {
      struct termios quiet = saved_termios;

      /* Ctrl+C at the prompt must not leave the terminal without echo. */
      restore.sa_handler = restore_terminal_cb;
      sigemptyset (&restore.sa_mask);
      sigaction (SIGINT, &restore, &old_int);
      sigaction (SIGTERM, &restore, &old_term);
      sigaction (SIGHUP, &restore, &old_hup);

      quiet.c_lflag &= ~ECHO;
      quiet.c_lflag |= ECHONL;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
      g_printerr ("%s", prompt);
      fflush (stderr);
    }

  while ((c = getc (stdin)) != EOF && c != '\n')
    g_string_append_c (line, (char)c);

  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
      sigaction (SIGINT, &old_int, NULL);
      sigaction (SIGTERM, &old_term, NULL);
      sigaction (SIGHUP, &old_hup, NULL);
    }

  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);

  if (line->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           c == EOF
                           ? _("Standard input ended before a secret was read. Write the secret "
                               "as one line to standard input.")
                           : _("The secret read from standard input is empty."));
      g_string_free (line, TRUE);
      return NULL;
    }

  return g_string_free (line, FALSE);
}

/* Async-signal-safe: puts the terminal back, then dies of the signal. */
static void
restore_terminal_cb (int signum)
{
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  signal (signum, SIG_DFL);
  raise (signum);
}

/**
 * rc_cli_parse_options:
 * @secret_hint: (nullable): how this command takes secrets, for someone
 *   who tried to pass one as an argument
 *
 * Parses the options; on a usage error, prints it (with the hint when the
 * unknown option looks like a secret) and sets @exit_status.
 */
gboolean
rc_cli_parse_options (GOptionContext   *context,
                      int              *argc,
                      char           ***argv,
                      const char       *secret_hint,
                      int              *exit_status)
{
  g_auto(GStrv) original = g_strdupv (*argv);
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;

  if (secret_hint && g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION))
    {
      for (guint i = 1; original[i] && !g_str_equal (original[i], "--"); i++)
        {
          if (is_secret_option (original[i]))
            {
              g_autofree char *name = g_strndup (original[i], strcspn (original[i], "="));
              g_autofree char *message =
                g_strdup_printf (_("There is no %s option: secrets are never taken as "
                                   "command-line arguments, which other users and the shell "
                                   "history can see. %s"),
                                 name, secret_hint);

              *exit_status = rc_cli_usage_error (context, message);
              return FALSE;
            }
        }
    }

  *exit_status = rc_cli_usage_error (context, error->message);

  return FALSE;
}

/**
 * rc_cli_split_pair:
 *
 * Splits "name<separator>value" at the first separator; the name is
 * trimmed and must not be empty, the value loses its leading spaces.
 */
gboolean
rc_cli_split_pair (const char  *text,
                   char         separator,
                   char       **name,
                   char       **value)
{
  const char *at = strchr (text, separator);
  g_autofree char *trimmed = NULL;

  if (at == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strndup (text, at - text));
  if (trimmed[0] == '\0')
    return FALSE;

  *name = g_steal_pointer (&trimmed);
  *value = g_strchug (g_strdup (at + 1));

  return TRUE;
}

/**
 * rc_cli_read_secret:
 * @env_var: (nullable): the environment variable that holds the secret
 * @from_stdin: read the secret as one line from standard input instead
 * @prompt: what to ask when standard input is a terminal
 *
 * Returns: (transfer full) (nullable): the secret, to free with
 *   rc_cli_secret_free(); %NULL with no error when neither source is given
 */
RcCliSecret *
rc_cli_read_secret (const char  *env_var,
                    gboolean     from_stdin,
                    const char  *prompt,
                    GError     **error)
{
  const char *value;

  if (from_stdin)
    return read_line (prompt, error);

  if (env_var == NULL)
    return NULL;

  value = g_getenv (env_var);
  if (value == NULL || value[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   value
                     ? _("The environment variable “%s” that should hold the secret is empty.")
                     : _("The environment variable “%s” that should hold the secret is not set."),
                   env_var);
      return NULL;
    }

  return g_strdup (value);
}

void
rc_cli_secret_free (RcCliSecret *secret)
{
  if (secret == NULL)
    return;

  memset (secret, 0, strlen (secret));
  g_free (secret);
}
