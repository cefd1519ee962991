/* test-cli-exit.c: exit statuses and the command line's conventions, run as a user would
 *
 * Runs the real `restcall` binary, without a display, against a scripted
 * SoupServer on 127.0.0.1 (and one with TLS whose certificate nobody
 * trusts): each exit status for a real cause, the status a batch of
 * different failures ends with, a mistyped command, the one-line usage
 * error, hints that can be pasted, and the exit statuses in every --help.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "restcall-core.h"
#include "rc-cli.h"
#include "rc-test-cli.h"
#include "rc-test-server.h"

#define ACCESS_TOKEN "tok-abcdefghijklmnopqrstuvwxyz0123456789"
#define CLIENT_ID "example.com"
#define CLIENT_SECRET "s3cret"

typedef struct
{
  RcTestServer *server;
  guint         n_mixed;    /* calls /api/mixed answered */
  char         *dir;
} Fixture;

static const char * const secret_env[] = { "RC_TEST_SECRET=" CLIENT_SECRET, NULL };
static const char * const wrong_secret_env[] = { "RC_TEST_SECRET=wrong", NULL };

static void
server_handler (RcTestServer      *server,
                SoupServerMessage *message,
                const char        *path,
                gpointer           user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (path, "/token"))
    {
      if (rc_test_check_client (message, CLIENT_ID, CLIENT_SECRET))
        rc_test_respond (message, 200, "application/json",
                         "{\"access_token\": \"" ACCESS_TOKEN "\", \"token_type\": \"bearer\"}");
      else
        rc_test_respond (message, 401, "application/json",
                         "{\"error\": \"invalid_client\", \"error_description\": \"bad secret\"}");
    }
  else if (g_str_has_prefix (path, "/hang"))
    soup_server_message_pause (message);
  else if (g_str_equal (path, "/api/missing"))
    rc_test_respond (message, 404, "text/plain", "no such pet");
  else if (g_str_equal (path, "/api/fail"))
    rc_test_respond (message, 500, "text/plain", "boom");
  else if (g_str_equal (path, "/api/mixed"))
    {
      /* 500, then 404 twice: the 4xx are the most frequent. */
      guint n = fixture->n_mixed++;

      rc_test_respond (message, n == 0 ? 500 : 404, "text/plain", "mixed");
    }
  else if (g_str_equal (path, "/api/tie"))
    {
      /* 500, then 404: as frequent; the first call's wins. */
      guint n = fixture->n_mixed++;

      rc_test_respond (message, n == 0 ? 500 : 404, "text/plain", "tie");
    }
  else
    rc_test_respond (message, 200, "text/plain", "ok");
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = server_handler;
  fixture->server->handler_data = fixture;
  fixture->dir = rc_test_make_dir ("restcall-cli-exit-XXXXXX");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  rc_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->server, rc_test_server_free);
}

/* A project in the fixture's folder: the API @api_name, with OAuth 2.0
 * client credentials against @token_path, and its method @method_name
 * at @method_url. */
static char *
write_project (Fixture    *fixture,
               const char *file_name,
               const char *api_name,
               const char *token_path,
               const char *method_name,
               const char *method_url)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) api = rc_api_new (api_name);
  g_autoptr(RcMethod) method = rc_method_new (method_name);
  g_autofree char *base = rc_test_server_url (fixture->server, "/api");
  g_autofree char *token_url = rc_test_server_url (fixture->server, token_path);
  char *path = g_build_filename (fixture->dir, file_name, NULL);
  RcAuth *auth = rc_api_get_auth (api);

  rc_api_set_base_url (api, base);
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, CLIENT_ID);
  rc_auth_set_token_url (auth, token_url);
  rc_method_set_url (method, method_url);
  rc_api_add_method (api, method);
  rc_project_add_api (project, api);

  rc_test_save_project (project, path);

  return path;
}

/* One line on stderr, saying why, and nothing on stdout. */
static void
assert_one_error_line (RcTestRun  *run,
                       const char *expected)
{
  g_test_message ("stderr: %s", run->err);
  g_assert_true (g_str_has_prefix (run->err, "restcall: "));
  g_assert_cmpstr (strchr (run->err, '\n'), ==, "\n");
  g_assert_nonnull (strstr (run->err, expected));
}

static void
test_network_statuses (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RcTestServer) gone = rc_test_server_new (FALSE);
  g_autoptr(RcTestServer) tls = rc_test_server_new (TRUE);
  g_autofree char *closed = rc_test_server_url (gone, "/api/pets");
  g_autofree char *untrusted = rc_test_server_url (tls, "/api/pets");
  g_autofree char *hang = rc_test_server_url (fixture->server, "/hang");
  g_autofree char *ok = rc_test_server_url (fixture->server, "/api/pets");
  g_autofree char *missing = rc_test_server_url (fixture->server, "/api/missing");
  g_autofree char *fail = rc_test_server_url (fixture->server, "/api/fail");
  /* Only the server that never answers has a short deadline: a slow
   * machine (a sanitized build) may take seconds for a TLS handshake. */
  struct {
    const char *url;
    const char *timeout;
    int         status;
    const char *expected;
  } cases[] = {
    { "http://restcall-test.invalid/pets", "30", 5, "restcall-test.invalid" },
    { closed, "30", 6, "Connection refused" },
    { untrusted, "30", 7, "is not signed by a trusted authority" },
    { hang, "1", 8, "did not finish within 1 seconds" },
    { missing, "30", 10, "HTTP 404" },
    { fail, "30", 11, "HTTP 500" },
  };

  /* Nothing listens there any more. */
  g_clear_pointer (&gone, rc_test_server_free);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(RcTestRun) run = { 0 };

      rc_test_run_restcall (&run, NULL, NULL, "call", "--timeout", cases[i].timeout, cases[i].url);
      g_assert_cmpint (run.status, ==, cases[i].status);
      assert_one_error_line (&run, cases[i].expected);
    }

  /* Every call got a 2xx. */
  {
    g_auto(RcTestRun) run = { 0 };

    rc_test_run_restcall (&run, NULL, NULL, "call", ok);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "ok");
    g_assert_cmpstr (run.err, ==, "");
  }
}

/* `import` of a URL: what kept the document away, as `call` says it. */
static void
test_import_statuses (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RcTestServer) gone = rc_test_server_new (FALSE);
  g_autoptr(RcTestServer) tls = rc_test_server_new (TRUE);
  g_autofree char *closed = rc_test_server_url (gone, "/openapi.json");
  g_autofree char *untrusted = rc_test_server_url (tls, "/openapi.json");
  g_autofree char *missing = rc_test_server_url (fixture->server, "/api/missing");
  struct {
    const char *url;
    int         status;
    const char *expected;
  } cases[] = {
    { "http://restcall-test.invalid/openapi.json", 5, "restcall-test.invalid" },
    { closed, 6, "Connection refused" },
    { untrusted, 7, "is not signed by a trusted authority" },
    { missing, 3, "404" },
  };

  g_clear_pointer (&gone, rc_test_server_free);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(RcTestRun) run = { 0 };

      rc_test_run_restcall (&run, NULL, NULL, "import", cases[i].url);
      g_assert_cmpint (run.status, ==, cases[i].status);
      assert_one_error_line (&run, cases[i].expected);
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_token_statuses (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_project (fixture, "pets.restcall", "Pets", "/token", "list",
                                         "/pets");
  g_autofree char *hanging = write_project (fixture, "hang.restcall", "Pets", "/hang-token",
                                            "list", "/pets");
  g_autofree char *token_url = rc_test_server_url (fixture->server, "/token");
  g_autofree char *api_url = rc_test_server_url (fixture->server, "/api/pets");
  g_auto(RcTestRun) call = { 0 };
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) token = { 0 };
  g_auto(RcTestRun) slow = { 0 };
  g_auto(RcTestRun) good = { 0 };

  /* The wrong secret: the authorization server refuses the request. */
  rc_test_run_restcall (&call, NULL, wrong_secret_env, "call", "--client-id", CLIENT_ID,
                        "--client-secret-env", "RC_TEST_SECRET", "--token-url", token_url,
                        api_url);
  g_assert_cmpint (call.status, ==, 9);
  assert_one_error_line (&call, "bad secret");

  rc_test_run_restcall (&run, NULL, wrong_secret_env, "run", path, "Pets", "list",
                        "--secret-env", "RC_TEST_SECRET");
  g_assert_cmpint (run.status, ==, 9);
  assert_one_error_line (&run, "bad secret");

  rc_test_run_restcall (&token, NULL, wrong_secret_env, "token", path, "Pets", "--secret-env",
                        "RC_TEST_SECRET");
  g_assert_cmpint (token.status, ==, 9);
  assert_one_error_line (&token, "bad secret");

  /* `token` has a deadline of its own. */
  rc_test_run_restcall (&slow, NULL, secret_env, "token", hanging, "Pets", "--secret-env",
                        "RC_TEST_SECRET", "--timeout", "1");
  g_assert_cmpint (slow.status, ==, 8);
  assert_one_error_line (&slow, "did not finish within 1 seconds");

  rc_test_run_restcall (&good, NULL, secret_env, "token", path, "Pets", "--secret-env",
                        "RC_TEST_SECRET");
  g_assert_cmpint (good.status, ==, 0);
  g_assert_cmpstr (good.err, ==, "");
}

static void
test_file_status (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.restcall", NULL);
  g_autofree char *path = write_project (fixture, "pets.restcall", "Pets", "/token", "list",
                                         "/pets");
  g_auto(RcTestRun) show = { 0 };
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall (&show, NULL, NULL, "show", missing);
  g_assert_cmpint (show.status, ==, 3);
  assert_one_error_line (&show, "does not exist");

  rc_test_run_restcall (&run, NULL, secret_env, "run", path, "Pets", "lits", "--secret-env",
                        "RC_TEST_SECRET");
  g_assert_cmpint (run.status, ==, 3);
  assert_one_error_line (&run, "no method “lits”");
}

/* --repeat: the most frequent failure gives the status; of failures as
 * frequent, the earliest call's. */
static void
test_repeat_status (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *mixed = rc_test_server_url (fixture->server, "/api/mixed");
  g_autofree char *tie = rc_test_server_url (fixture->server, "/api/tie");
  g_auto(RcTestRun) most = { 0 };
  g_auto(RcTestRun) first = { 0 };

  rc_test_run_restcall (&most, NULL, NULL, "call", "--repeat", "3", mixed);
  g_assert_cmpint (most.status, ==, 10);
  g_assert_nonnull (strstr (most.err, "HTTP 404 ×2"));

  fixture->n_mixed = 0;
  rc_test_run_restcall (&first, NULL, NULL, "call", "--repeat", "2", tie);
  g_assert_cmpint (first.status, ==, 11);
  g_assert_nonnull (strstr (first.err, "HTTP 500 ×1"));
}

static void
test_unknown_command (void)
{
  g_auto(RcTestRun) close = { 0 };
  g_auto(RcTestRun) far = { 0 };
  g_auto(RcTestRun) swapped = { 0 };

  rc_test_run_restcall (&close, NULL, NULL, "shwo", "pets.restcall");
  g_assert_cmpint (close.status, ==, 2);
  g_assert_cmpstr (close.out, ==, "");
  g_assert_cmpstr (close.err, ==,
                   "restcall: Unknown command “shwo”; did you mean “show”?\n"
                   "Try “restcall --help” for more information.\n");

  rc_test_run_restcall (&swapped, NULL, NULL, "imprt");
  g_assert_cmpint (swapped.status, ==, 2);
  g_assert_nonnull (strstr (swapped.err, "did you mean “import”?"));

  /* Nothing is close: no suggestion. */
  rc_test_run_restcall (&far, NULL, NULL, "frobnicate");
  g_assert_cmpint (far.status, ==, 2);
  g_assert_cmpstr (far.out, ==, "");
  g_assert_cmpstr (far.err, ==,
                   "restcall: Unknown command “frobnicate”.\n"
                   "Try “restcall --help” for more information.\n");
}

static gboolean
handles (const char *arg)
{
  char *argv[] = { (char *)"restcall", (char *)arg, NULL };

  return rc_cli_handles (2, argv);
}

/* Which arguments are the command line's, and which files for the window. */
static void
test_window_or_command (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *word = g_build_filename (fixture->dir, "pets", NULL);
  char *none[] = { (char *)"restcall", NULL };

  g_assert_true (g_file_set_contents (word, "{}", -1, NULL));

  g_assert_false (rc_cli_handles (1, none));
  g_assert_true (handles ("show"));
  g_assert_true (handles ("--help"));
  g_assert_true (handles ("shwo"));
  g_assert_true (handles ("api-add"));

  /* Files: whatever names one, or reads like a file name. */
  g_assert_false (handles ("project.restcall"));
  g_assert_false (handles ("./project.restcall"));
  g_assert_false (handles ("/tmp/Pets"));
  g_assert_false (handles ("file:///tmp/pets.restcall"));
  g_assert_false (handles ("--gapplication-service"));

  /* A word that is an existing file is the file. */
  g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
  g_assert_false (handles ("pets"));
  g_assert_true (handles ("petz"));
  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

/* The names of `restcall --help`'s commands. */
static GPtrArray *
list_commands (void)
{
  g_auto(RcTestRun) help = { 0 };
  g_auto(GStrv) lines = NULL;
  GPtrArray *commands = g_ptr_array_new_with_free_func (g_free);
  gboolean in_commands = FALSE;

  rc_test_run_restcall (&help, NULL, NULL, "--help");
  g_assert_cmpint (help.status, ==, 0);
  lines = g_strsplit (help.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (g_str_equal (lines[i], "Commands:"))
        in_commands = TRUE;
      else if (lines[i][0] == '\0')
        in_commands = FALSE;
      else if (in_commands)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (lines[i]));

          g_ptr_array_add (commands, g_strndup (stripped, strcspn (stripped, " ")));
        }
    }
  g_assert_cmpuint (commands->len, >=, 7);

  return commands;
}

/* A usage error: one line, and where to read more, never the whole help. */
static void
test_usage_error_format (void)
{
  g_autoptr(GRegex) line = g_regex_new ("^restcall: [^\n]+\nTry “restcall [a-z ]+ --help” for "
                                        "more information\\.\n$",
                                        0, 0, NULL);
  g_autoptr(GPtrArray) commands = list_commands ();

  for (guint i = 0; i < commands->len; i++)
    {
      g_auto(RcTestRun) run = { 0 };
      const char *command = g_ptr_array_index (commands, i);
      g_autofree char *try = g_strdup_printf ("Try “restcall %s ", command);

      rc_test_run_restcall (&run, NULL, NULL, command, "--no-such-option");
      g_test_message ("%s: %s", command, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_regex_match (line, run.err, 0, NULL));
      g_assert_nonnull (strstr (run.err, try));
    }
}

static void
assert_exit_statuses (const char *help)
{
  static const char * const lines[] = {
    "   0  none ", "   1  other ", "   2  usage ", "   3  file ", "   4  keyring ", "   5  dns ",
    "   6  connection ", "   7  tls ", "   8  timeout ", "   9  token-refused ", "  10  http-4xx ",
    "  11  http-5xx ", "With --repeat or --all, the most frequent failure gives the status",
  };
  const char *block = strstr (help, "\nExit status");

  g_assert_nonnull (block);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_assert_nonnull (strstr (block, lines[i]));
  /* Once. */
  g_assert_null (strstr (block + 1, "\nExit status"));
}

/* `restcall --help` and every command's --help list the exit statuses. */
static void
test_help_exit_statuses (void)
{
  g_autoptr(GPtrArray) commands = list_commands ();
  g_auto(RcTestRun) help = { 0 };

  rc_test_run_restcall (&help, NULL, NULL, "--help");
  assert_exit_statuses (help.out);

  for (guint i = 0; i < commands->len; i++)
    {
      g_auto(RcTestRun) run = { 0 };
      const char *command = g_ptr_array_index (commands, i);

      g_test_message ("restcall %s --help", command);
      rc_test_run_restcall (&run, NULL, NULL, command, "--help");
      g_assert_cmpint (run.status, ==, 0);
      assert_exit_statuses (run.out);
    }
}

/* A hint that suggests a command quotes its names for a shell. */
static void
test_pasted_hint (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = write_project (fixture, "ebay.restcall", "Browse API", "/token",
                                         "get items", "/items");
  g_autofree char *api_command = g_strdup_printf ("“restcall secret set %s 'Browse API'”", path);
  g_autofree char *method_command =
    g_strdup_printf ("“restcall auth %s 'Browse API' 'get items' --type …”", path);
  g_auto(RcTestRun) run = { 0 };

  g_autofree char *document = g_test_build_filename (G_TEST_DIST, "data", "openapi",
                                                     "petstore-3.0.yaml", NULL);
  g_autofree char *into = g_build_filename (fixture->dir, "my pets.restcall", NULL);
  g_autofree char *quoted_into = g_shell_quote (into);
  g_autofree char *auth_command = g_strdup_printf ("“restcall auth %s 'Browse API'”", quoted_into);
  g_auto(RcTestRun) imported = { 0 };

  rc_test_run_restcall (&run, NULL, NULL, "secret", "clear", path, "Browse API", "get items");
  g_assert_cmpint (run.status, ==, 3);
  assert_one_error_line (&run, api_command);
  g_assert_nonnull (strstr (run.err, method_command));

  rc_test_run_restcall (&imported, NULL, NULL, "import", document, "--into", into, "--api-name",
                        "Browse API");
  g_test_message ("%s", imported.out);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.out, auth_command));
}

/* A URL parameter without a value: said in the command line's terms. */
static void
test_param_hint (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = write_project (fixture, "pets.restcall", "Pets", "/token", "getPet",
                                         "/pets/{petId}");
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) given = { 0 };

  rc_test_run_restcall (&run, NULL, secret_env, "run", path, "Pets", "getPet", "--secret-env",
                        "RC_TEST_SECRET");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "restcall: The URL parameter “petId” of the method “getPet” has no value: "
                   "give it one with --param petId=VALUE.\n"
                   "Try “restcall run --help” for more information.\n");
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);

  rc_test_run_restcall (&given, NULL, secret_env, "run", path, "Pets", "getPet", "--param",
                        "petId=7", "--secret-env", "RC_TEST_SECRET");
  g_assert_cmpint (given.status, ==, 0);
  g_assert_cmpstr (rc_test_find_request (fixture->server, "/api")->path, ==, "/api/pets/7");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/restcall/cli-exit/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("network-statuses", test_network_statuses);
  ADD ("token-statuses", test_token_statuses);
  ADD ("import-statuses", test_import_statuses);
  ADD ("file-status", test_file_status);
  ADD ("repeat-status", test_repeat_status);
  g_test_add_func ("/restcall/cli-exit/unknown-command", test_unknown_command);
  ADD ("window-or-command", test_window_or_command);
  g_test_add_func ("/restcall/cli-exit/usage-error-format", test_usage_error_format);
  g_test_add_func ("/restcall/cli-exit/help-exit-statuses", test_help_exit_statuses);
  ADD ("pasted-hint", test_pasted_hint);
  ADD ("param-hint", test_param_hint);

#undef ADD

  return g_test_run ();
}
