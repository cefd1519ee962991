/* rc-cli.c: the headless `restcall` sub-commands
 *
 * `restcall SUBCOMMAND ...` runs without a display and never initialises
 * GTK, so scripts and CI can use the same projects as the GUI. An
 * argument that reads like a command's name but is neither a command nor
 * a file is a mistyped command, said so here, never a file for the
 * window. The exit statuses (rc-failure.c) are listed once, here, for
 * `restcall --help` and every command's --help.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rc-cli.h"
#include "rc-cli-private.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "show", rc_cli_show, N_("Print a project’s APIs and methods") },
  { "call", rc_cli_call, N_("Send an HTTP call to a URL, with OAuth 2.0 built in") },
  { "run", rc_cli_run, N_("Send a project’s method") },
  { "history", rc_cli_history, N_("List the calls a method made, or forget them") },
  { "token", rc_cli_token, N_("Fetch an access token for a project’s API") },
  { "auth", rc_cli_auth, N_("Show or change how an API or method authenticates") },
  { "secret", rc_cli_secret, N_("Store or remove a secret in the keyring") },
  { "import", rc_cli_import,
    N_("Read an OpenAPI or Swagger document, or add its API to a project") },
  { "api", rc_cli_api, N_("Add, change or remove a project’s API") },
  { "method", rc_cli_method, N_("Add, change or remove a method of a project’s API") },
  { "env", rc_cli_env, N_("List, add, change or remove a project’s environments") },
};

/* What each exit status means, indexed by RcFailure. */
static const char * const exit_meanings[RC_FAILURE_N_KINDS] = {
  [RC_FAILURE_NONE] = N_("success: every call got a 2xx response"),
  [RC_FAILURE_OTHER] = N_("another failure"),
  [RC_FAILURE_USAGE] = N_("usage error: an unknown command or option, a missing argument"),
  [RC_FAILURE_FILE] = N_("a file or project could not be read, written or used as asked"),
  [RC_FAILURE_KEYRING] = N_("no secret came from the keyring: none stored, or no keyring"),
  [RC_FAILURE_DNS] = N_("a host name could not be resolved"),
  [RC_FAILURE_CONNECTION] = N_("a connection was refused, reset or closed early"),
  [RC_FAILURE_TLS] = N_("TLS failed: an untrusted certificate, or the handshake"),
  [RC_FAILURE_TIMEOUT] = N_("a call or token request did not finish within --timeout"),
  [RC_FAILURE_TOKEN_REFUSED] = N_("the authorization server refused the token request"),
  [RC_FAILURE_HTTP_4XX] = N_("the API answered with a 4xx status"),
  [RC_FAILURE_HTTP_5XX] = N_("the API answered with a 5xx status"),
};

/**
 * rc_cli_dup_exit_statuses:
 *
 * Returns: (transfer full): the “Exit status” block that ends every
 *   command's --help, the same for all
 */
char *
rc_cli_dup_exit_statuses (void)
{
  GString *text = g_string_new (_("Exit status and failure code:\n"));

  for (guint i = 0; i < RC_FAILURE_N_KINDS; i++)
    g_string_append_printf (text, "  %2d  %-13s  %s\n", rc_failure_get_exit_status (i),
                            rc_failure_get_code (i), _(exit_meanings[i]));
  g_string_append (text, _("With --repeat or --all, the most frequent failure gives the status;\n"
                           "of failures as frequent, that of the earliest call\n"
                           "(with --all, the first in the project’s order)."));

  return g_string_free (text, FALSE);
}

/**
 * rc_cli_set_description:
 * @description: (nullable): what the command's --help says after its options
 *
 * Sets @context's description: @description, then the exit statuses.
 */
void
rc_cli_set_description (GOptionContext *context,
                        const char     *description)
{
  g_autofree char *statuses = rc_cli_dup_exit_statuses ();
  g_autofree char *text = description ? g_strconcat (description, "\n\n", statuses, NULL)
                                      : g_steal_pointer (&statuses);

  g_option_context_set_description (context, text);
}

static void
print_help (void)
{
  g_autofree char *statuses = rc_cli_dup_exit_statuses ();

  g_print (_("Usage:\n"
             "  restcall [FILE…]                Open projects in the Restcall window\n"
             "  restcall COMMAND [OPTION…]      Run a command without a window\n"
             "\n"
             "Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-30s  %s\n", commands[i].name, _(commands[i].summary));
  g_print (_("\n"
             "Options:\n"
             "  -h, --help                      Show this help\n"
             "  --version                       Show the version\n"
             "\n"
             "Run “restcall COMMAND --help” for a command’s options.\n"
             "\n"));
  g_print ("%s\n", statuses);
}

/* The optimal string alignment distance: insertions, deletions,
 * substitutions and swaps of neighbours (“shwo” is one from “show”). */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize m = strlen (a), n = strlen (b);
  g_autofree guint *d = g_new (guint, (m + 1) * (n + 1));

#define D(i, j) d[(i) * (n + 1) + (j)]
  for (gsize i = 0; i <= m; i++)
    D (i, 0) = i;
  for (gsize j = 0; j <= n; j++)
    D (0, j) = j;

  for (gsize i = 1; i <= m; i++)
    for (gsize j = 1; j <= n; j++)
      {
        guint cost = a[i - 1] != b[j - 1];

        D (i, j) = MIN (MIN (D (i - 1, j) + 1, D (i, j - 1) + 1), D (i - 1, j - 1) + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          D (i, j) = MIN (D (i, j), D (i - 2, j - 2) + 1);
      }

  return D (m, n);
#undef D
}

/* The command @word was most likely meant to be, or NULL when none is
 * close: one edit from a short name, two from a longer one. */
static const char *
find_closest_command (const char *word)
{
  const char *closest = NULL;
  guint best = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      guint distance = edit_distance (word, commands[i].name);
      guint allowed = strlen (commands[i].name) <= 4 ? 1 : 2;

      if (distance <= allowed && distance < best)
        {
          best = distance;
          closest = commands[i].name;
        }
    }

  return closest;
}

/* Whether @arg reads as a command's name, not a file's: one lowercase
 * word, perhaps with hyphens. */
static gboolean
looks_like_command (const char *arg)
{
  if (!g_ascii_islower (arg[0]))
    return FALSE;

  for (const char *p = arg; *p; p++)
    {
      if (!g_ascii_islower (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

/* Everything printed for a person may hold text from a server, a document
 * or a project file: its control characters are shown escaped, never sent
 * to the terminal. */
G_GNUC_PRINTF (1, 0)
static char *
dup_printable_vprintf (const char *format,
                       va_list     args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);

  return rc_text_dup_printable (text, -1, 0, RC_TEXT_MULTI_LINE);
}

void
rc_cli_error (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = dup_printable_vprintf (format, args);
  va_end (args);

  g_printerr ("restcall: %s\n", message);
}

void
rc_cli_print (const char *format,
              ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = dup_printable_vprintf (format, args);
  va_end (args);

  g_print ("%s", text);
}

/* A usage error is one line, and where to read more: the whole help
 * would push the line that matters off the screen. */
int
rc_cli_usage_error (const char *message)
{
  rc_cli_error ("%s", message);
  /* Translators: %s is a command such as “restcall call” */
  g_printerr (_("Try “%s --help” for more information.\n"), g_get_prgname ());

  return RC_CLI_EXIT_USAGE;
}

/**
 * rc_cli_report_error:
 *
 * Prints @error's message as one line on stderr.
 *
 * Returns: the exit status of @error's kind (rc_failure_classify())
 */
int
rc_cli_report_error (const GError *error)
{
  rc_cli_error ("%s", error->message);

  return rc_failure_get_exit_status (rc_failure_classify (error));
}

/**
 * rc_cli_parse_size:
 *
 * Reads a --max-size value: bytes, or K, M, G (powers of 1024).
 */
gboolean
rc_cli_parse_size (const char *text,
                   gsize      *size)
{
  guint64 value;

  if (!rc_http_parse_size (text, &value) || value > G_MAXSIZE)
    return FALSE;

  *size = value;
  return TRUE;
}

/**
 * rc_cli_handles:
 *
 * Returns: %TRUE when the arguments name a sub-command (or ask for help or
 *   the version), or a word that reads like a mistyped one and names no
 *   file, so the GUI must not start; %FALSE for files to open in the
 *   window (`restcall pets.restcall`, `restcall ./pets`)
 */
gboolean
rc_cli_handles (int    argc,
                char **argv)
{
  static const char * const flags[] = { "--help", "-h", "--version", "help", NULL };

  if (argc < 2)
    return FALSE;

  if (g_strv_contains (flags, argv[1]))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, argv[1]))
        return TRUE;
    }

  return looks_like_command (argv[1]) && !g_file_test (argv[1], G_FILE_TEST_EXISTS);
}

int
rc_cli_main (int    argc,
             char **argv)
{
  g_autofree char *message = NULL;
  const char *closest;

  g_return_val_if_fail (argc >= 2, RC_CLI_EXIT_USAGE);

  g_set_prgname ("restcall");

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("restcall %s\n", PACKAGE_VERSION);
      return RC_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help ();
      return RC_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, argv[1]))
        return commands[i].run (argc - 1, argv + 1);
    }

  closest = find_closest_command (argv[1]);
  if (closest)
    message = g_strdup_printf (_("Unknown command “%s”; did you mean “%s”?"), argv[1], closest);
  else
    message = g_strdup_printf (_("Unknown command “%s”."), argv[1]);

  return rc_cli_usage_error (message);
}
