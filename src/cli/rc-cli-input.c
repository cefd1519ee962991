/* rc-cli-input.c: what a command reads from its user: options and secrets
 *
 * Secrets never come from the command line, where other users (ps) and
 * the shell's history see them: only from an environment variable or from
 * standard input, without echo when that is a terminal. An option that
 * looks like a secret is refused with a word on how to give it instead.
 *
 * A secret is one line, but a private key kept in the keyring
 * (rc_auth_secret_holds_key()) is all of its PEM: standard input is read
 * to the key's END line, at most RC_PRIVATE_KEY_MAX_SIZE bytes, and the
 * key is checked before anything stores it.
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

/* Whether @line, the last one read, ends a PEM block. */
static gboolean
ends_pem (GString *text,
          gsize    line_start)
{
  return g_str_has_prefix (text->str + line_start, "-----END ");
}

/* One line, or for @pem, every line up to the PEM block's END line (or
 * the end of the input), at most a private key's size. */
static RcCliSecret *
read_text (const char  *prompt,
           gboolean     pem,
           GError     **error)
{
  gboolean tty = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved_termios) == 0;
  struct sigaction restore = { 0 }, old_int, old_term, old_hup;
  GString *line = g_string_new (NULL);
  gsize line_start = 0;
  gboolean too_long = FALSE;
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

  while ((c = getc (stdin)) != EOF)
    {
      if (c == '\n' && !pem)
        break;
      if (line->len >= RC_PRIVATE_KEY_MAX_SIZE)
        {
          too_long = TRUE;
          break;
        }
      g_string_append_c (line, (char)c);
      if (c == '\n')
        {
          if (ends_pem (line, line_start))
            break;
          line_start = line->len;
        }
    }

  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
      sigaction (SIGINT, &old_int, NULL);
      sigaction (SIGTERM, &old_term, NULL);
      sigaction (SIGHUP, &old_hup, NULL);
    }

  if (!pem && line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);

  if (too_long)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Standard input holds more than a private key (over %u bytes)."),
                   (guint) RC_PRIVATE_KEY_MAX_SIZE);
      memset (line->str, 0, line->len);
      g_string_free (line, TRUE);
      return NULL;
    }

  if (line->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           pem
                           ? _("Standard input ended before a private key was read. Write the "
                               "key’s PEM to standard input.")
                           : c == EOF
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

              *exit_status = rc_cli_usage_error (message);
              return FALSE;
            }
        }
    }

  *exit_status = rc_cli_usage_error (error->message);

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
 * rc_cli_parse_header:
 * @option: the option that gave it, such as "-H" or "--header"
 * @text: "Name: value"
 * @name: (out) (transfer full): the header's name
 * @value: (out) (transfer full): its value
 *
 * Reads a header as a command's option gives it. A header that cannot be
 * sent as it is (rc-wire.c) is refused, never left out.
 *
 * Returns: (transfer full) (nullable): what is wrong with it, or %NULL
 */
char *
rc_cli_parse_header (const char  *option,
                     const char  *text,
                     char       **name,
                     char       **value)
{
  g_autofree char *header_name = NULL;
  g_autofree char *header_value = NULL;
  g_autofree char *what = NULL;
  char *problem;

  if (!rc_cli_split_pair (text, ':', &header_name, &header_value) || strchr (header_name, ' '))
    {
      g_autofree char *shown = rc_wire_escape (text);

      /* Translators: “-H “Accept” is not “Name: value”.” */
      return g_strdup_printf (_("%s “%s” is not “Name: value”."), option, shown);
    }
  if ((problem = rc_wire_check_header_name (option, header_name)))
    return problem;

  /* Translators: “The value of -H “Accept””: the first %s is an option,
   * the second a header's name */
  what = g_strdup_printf (_("The value of %s “%s”"), option, header_name);
  if ((problem = rc_wire_check_header_value (what, header_value)))
    return problem;

  *name = g_steal_pointer (&header_name);
  *value = g_steal_pointer (&header_value);

  return NULL;
}

/**
 * rc_cli_parse_verb:
 * @verb: (out) (transfer full): @text in capitals
 *
 * Returns: (transfer full) (nullable): what is wrong with @text, a verb
 *   such as GET or post, or %NULL
 */
char *
rc_cli_parse_verb (const char  *text,
                   char       **verb)
{
  g_autofree char *upper = g_ascii_strup (text, -1);

  if (!g_strv_contains (rc_method_get_verbs (), upper))
    {
      g_autofree char *verbs = g_strjoinv (", ", (char **)rc_method_get_verbs ());
      g_autofree char *shown = rc_wire_escape (text);

      return g_strdup_printf (_("Unknown verb “%s”: use one of %s."), shown, verbs);
    }

  *verb = g_steal_pointer (&upper);

  return NULL;
}

/* The body is all of standard input. */
static char *
read_stdin (gsize *length)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, n);

  *length = text->len;

  return g_string_free (text, FALSE);
}

/**
 * rc_cli_read_body:
 * @path: a file, or "-" for standard input
 * @body: (out) (transfer full): the text it holds
 *
 * Returns: (transfer full) (nullable): why it cannot be a body (it cannot
 *   be read, or holds binary data), or %NULL
 */
char *
rc_cli_read_body (const char  *path,
                  char       **body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (g_str_equal (path, "-"))
    text = read_stdin (&length);
  else if (!g_file_get_contents (path, &text, &length, &error))
    return g_strdup_printf (_("Cannot read the body: %s"), error->message);

  if (memchr (text, '\0', length))
    return g_strdup_printf (_("The body file “%s” holds binary data; only text can be sent."),
                            path);

  *body = g_steal_pointer (&text);

  return NULL;
}

/**
 * rc_cli_parse_values:
 * @option: the option that gave them, such as "--param"
 * @args: (nullable): "NAME=VALUE" each
 * @values: where each value is set
 *
 * Sets the values of @method's URL parameters: a name that is none of
 * them is refused, with the names that are.
 *
 * Returns: (transfer full) (nullable): what is wrong, or %NULL
 */
char *
rc_cli_parse_values (RcMethod    *method,
                     const char  *option,
                     char       **args,
                     RcPairList  *values)
{
  g_auto(GStrv) parameters = rc_method_dup_parameters (method);

  for (guint i = 0; args && args[i]; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (!rc_cli_split_pair (args[i], '=', &name, &value))
        /* Translators: “--param “id” is not NAME=VALUE.” */
        return g_strdup_printf (_("%s “%s” is not NAME=VALUE."), option, args[i]);

      if (!g_strv_contains ((const char * const *)parameters, name))
        {
          g_autofree char *known = g_strjoinv (", ", parameters);

          if (parameters[0] == NULL)
            return g_strdup_printf (_("The method “%s” has no URL parameters, so none named “%s”."),
                                    rc_method_get_name (method), name);
          return g_strdup_printf (
            _("The method “%s” has no URL parameter “%s”. Its parameters: %s."),
            rc_method_get_name (method), name, known);
        }

      rc_pair_list_set (values, name, value);
    }

  return NULL;
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
    return read_text (prompt, FALSE, error);

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

/**
 * rc_cli_read_auth_secret:
 * @auth: the authentication the secret is for (after the command's
 *   options)
 * @env_var: (nullable): the environment variable that holds the secret
 * @from_stdin: read the secret from standard input instead
 *
 * Reads the secret of @auth as rc_cli_read_secret() does, asking for a
 * password or a client secret as @auth needs. When the secret is a
 * private key (rc_auth_secret_holds_key()), standard input gives all of
 * its PEM, not one line, and the key is checked: a PEM private key that
 * signs with @auth's algorithm.
 *
 * Returns: (transfer full) (nullable): the secret, to free with
 *   rc_cli_secret_free(); %NULL with no error when neither source is given
 */
RcCliSecret *
rc_cli_read_auth_secret (RcAuth      *auth,
                         const char  *env_var,
                         gboolean     from_stdin,
                         GError     **error)
{
  g_autoptr(RcCliSecret) secret = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!rc_auth_secret_holds_key (auth))
    return rc_cli_read_secret (env_var, from_stdin,
                               rc_auth_get_kind (auth) == RC_AUTH_KIND_BASIC
                                 ? _("Password: ") : _("Client secret: "),
                               error);

  if (from_stdin)
    secret = read_text (_("Private key (PEM; it ends with its END line): "), TRUE, error);
  else
    secret = rc_cli_read_secret (env_var, FALSE, NULL, error);
  if (secret == NULL)
    return NULL;

  if (!rc_client_assertion_check_key (secret, rc_auth_get_jwt_alg (auth), &local_error))
    {
      if (from_stdin)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("Standard input holds no key Restcall can use: %s"),
                     local_error->message);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The environment variable “%s” holds no key Restcall can use: %s"),
                     env_var, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&secret);
}
