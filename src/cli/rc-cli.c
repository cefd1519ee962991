/* rc-cli.c: the headless `restcall` sub-commands
 *
 * `restcall SUBCOMMAND ...` runs without a display and never initialises
 * GTK, so scripts and CI can use the same projects as the GUI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

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
  { "token", rc_cli_token, N_("Fetch an access token for a project’s API") },
  { "auth", rc_cli_auth, N_("Show or change how an API or method authenticates") },
  { "secret", rc_cli_secret, N_("Store or remove a secret in the keyring") },
  { "import", rc_cli_import,
    N_("Read an OpenAPI or Swagger document, or add its API to a project") },
  { "api", rc_cli_api, N_("Add, change or remove a project’s API") },
  { "method", rc_cli_method, N_("Add, change or remove a method of a project’s API") },
};

static void
print_help (void)
{
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
             "Exit status: 0 on success, 1 when the command failed, 2 on a usage error.\n"));
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
 *   the version), so the GUI must not start
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

  return FALSE;
}

int
rc_cli_main (int    argc,
             char **argv)
{
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

  rc_cli_error (_("Unknown command “%s”. Run “restcall --help” for the list."), argv[1]);

  return RC_CLI_EXIT_USAGE;
}
