/* test-cli-advice.c: the command line's errors say what to run, not what to type
 *
 * Runs the real `restcall` binary, without a display, on projects built
 * with `restcall api|method add` and `restcall auth`, each missing one
 * setting, and checks that the error names the command that sets it,
 * quoted so that it can be pasted (names with spaces and quotes), never the
 * window's “Enter …”, and that the exit status is the settings one. No
 * call reaches a network: each fails before it is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "restcall-core.h"
#include "rc-test-cli.h"

/* The exit status of a file or project error (rc_failure_get_exit_status()). */
#define EXIT_FILE 3

static const char * const secret_env[] = { "RC_TEST_SECRET=s3cret", NULL };

typedef struct
{
  char *dir;
  char *path;   /* "it's here.restcall", in dir */
  char *quoted; /* … as the shell takes it */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = rc_test_make_dir ("restcall-cli-advice-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "it's here.restcall", NULL);
  fixture->quoted = g_shell_quote (fixture->path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  rc_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->quoted);
}

/* Runs restcall and checks that it succeeded. */
#define run_ok(...) \
  G_STMT_START { \
    g_auto(RcTestRun) ok_run = { 0 }; \
    rc_test_run_restcall (&ok_run, NULL, NULL, __VA_ARGS__); \
    g_test_message ("%s", ok_run.err); \
    g_assert_cmpint (ok_run.status, ==, 0); \
  } G_STMT_END

/* The API “Pet Store”, on 127.0.0.1 port 9 (nothing is sent), with the
 * method “find pets” at /pets/{id}. */
static void
add_pet_store (Fixture *fixture)
{
  run_ok ("api", "add", fixture->path, "Pet Store", "--base-url", "http://127.0.0.1:9/v1");
  run_ok ("method", "add", fixture->path, "Pet Store", "find pets", "--url", "/pets/{id}",
          "--test-value", "id=7");
}

/* @err is one line, the error, which suggests @command (which is then pasted
 * as the shell would take it) and does not speak of the window. */
static void
assert_advice (const char *err,
               const char *command)
{
  g_autofree char *expected = g_strdup_printf ("“%s”", command);

  g_test_message ("stderr: %s", err);
  g_assert_true (g_str_has_prefix (err, "restcall: "));
  g_assert_nonnull (strstr (err, expected));
  g_assert_null (strstr (err, "Enter "));
  g_assert_null (strstr (err, "Choose "));
  g_assert_null (strstr (err, "Try “restcall"));
}

/* The suggested command, pasted into a shell, names the same project and
 * API. */
static void
assert_pastes (const char *command,
               const char *path)
{
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_shell_parse_argv (command, NULL, &argv, &error));
  g_assert_no_error (error);
  guint i = 1;

  g_assert_cmpstr (argv[0], ==, "restcall");
  while (argv[i] && !g_str_equal (argv[i], path))
    i++;
  g_assert_cmpstr (argv[i], ==, path);
  g_assert_cmpstr (argv[i + 1], ==, "Pet Store");
}

static void
test_token_url (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };
  g_autofree char *command = NULL;

  add_pet_store (fixture);
  run_ok ("auth", fixture->path, "Pet Store", "--type", "oauth2-cc", "--client-id", "pets-app");

  rc_test_run_restcall (&run, NULL, secret_env, "run", fixture->path, "Pet Store", "find pets",
                        "--secret-env", "RC_TEST_SECRET");
  g_assert_cmpint (run.status, ==, EXIT_FILE);
  command = g_strdup_printf ("restcall auth %s 'Pet Store' --token-url URL", fixture->quoted);
  assert_advice (run.err, command);
  g_assert_true (g_str_has_prefix (run.err, "restcall: No access token URL is set. "));
  assert_pastes (command, fixture->path);
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_client_id (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) token = { 0 };
  g_autofree char *command = NULL;

  add_pet_store (fixture);
  /* The method's own authentication: the command names the method. */
  run_ok ("auth", fixture->path, "Pet Store", "find pets", "--type", "oauth2-cc",
          "--token-url", "http://127.0.0.1:9/token");

  rc_test_run_restcall (&run, NULL, secret_env, "run", fixture->path, "Pet Store", "find pets",
                        "--secret-env", "RC_TEST_SECRET");
  g_assert_cmpint (run.status, ==, EXIT_FILE);
  command = g_strdup_printf ("restcall auth %s 'Pet Store' 'find pets' --client-id ID",
                             fixture->quoted);
  assert_advice (run.err, command);
  assert_pastes (command, fixture->path);

  /* `token` on the API, whose own authentication has no client ID. */
  run_ok ("auth", fixture->path, "Pet Store", "--type", "oauth2-cc",
          "--token-url", "http://127.0.0.1:9/token");
  rc_test_run_restcall (&token, NULL, secret_env, "token", fixture->path, "Pet Store",
                        "--secret-env", "RC_TEST_SECRET");
  g_assert_cmpint (token.status, ==, EXIT_FILE);
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("restcall auth %s 'Pet Store' --client-id ID", fixture->quoted);
  assert_advice (token.err, command);
}

static void
test_base_url (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *command = NULL;

  run_ok ("api", "add", fixture->path, "Pet Store");
  before = rc_test_read_file (fixture->path);

  /* A path under an API without a base URL: the project's state, not a
   * typo; the project is left as it was. */
  rc_test_run_restcall (&run, NULL, NULL, "method", "add", fixture->path, "Pet Store", "list",
                        "--url", "/pets");
  g_assert_cmpint (run.status, ==, EXIT_FILE);
  command = g_strdup_printf ("restcall api set %s 'Pet Store' --base-url URL", fixture->quoted);
  assert_advice (run.err, command);
  g_assert_true (g_str_has_prefix (run.err, "restcall: The method “list” has the relative URL "
                                            "“/pets” but its API has no base URL. "));
  assert_pastes (command, fixture->path);

  after = rc_test_read_file (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_test_value (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };
  g_autoptr(JsonObject) report = NULL;
  g_autofree char *command = NULL;
  const char *message;
  JsonObject *error;

  add_pet_store (fixture);
  run_ok ("method", "set", fixture->path, "Pet Store", "find pets", "--test-value", "id=");

  rc_test_run_restcall (&run, NULL, NULL, "run", fixture->path, "--all", "--json");
  g_assert_cmpint (run.status, ==, EXIT_FILE);
  report = rc_test_parse_object (run.out);
  error = json_object_get_object_member (
    json_array_get_object_element (json_object_get_array_member (report, "results"), 0), "error");
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "file");
  command = g_strdup_printf ("restcall method set %s 'Pet Store' 'find pets' --test-value "
                             "id=VALUE", fixture->quoted);
  message = json_object_get_string_member (error, "message");
  g_assert_true (g_str_has_prefix (message, "The URL parameter “id” of the method “find pets” "
                                            "has no value. "));
  g_assert_nonnull (strstr (message, command));
  g_assert_null (strstr (message, "Enter "));
  assert_pastes (command, fixture->path);

  /* The same words on stderr, after the method's name. */
  assert_advice (run.err, command);
  g_assert_nonnull (strstr (run.err, message));
}

static void
test_nothing_to_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(RcTestRun) empty = { 0 };
  g_auto(RcTestRun) no_methods = { 0 };
  g_auto(RcTestRun) api = { 0 };
  g_autofree char *command = NULL;

  /* A CI job that runs nothing must not pass. */
  run_ok ("api", "add", fixture->path, "Pet Store", "--base-url", "http://127.0.0.1:9/v1");
  rc_test_run_restcall (&no_methods, NULL, NULL, "run", fixture->path, "--all");
  g_assert_cmpint (no_methods.status, ==, EXIT_FILE);
  command = g_strdup_printf ("restcall method add %s 'Pet Store' NAME --url URL",
                             fixture->quoted);
  assert_advice (no_methods.err, command);
  g_assert_cmpstr (no_methods.out, ==, "");

  rc_test_run_restcall (&api, NULL, NULL, "run", fixture->path, "--all", "--api", "Pet Store");
  g_assert_cmpint (api.status, ==, EXIT_FILE);
  assert_advice (api.err, command);

  run_ok ("api", "remove", fixture->path, "Pet Store");
  rc_test_run_restcall (&empty, NULL, NULL, "run", fixture->path, "--all");
  g_assert_cmpint (empty.status, ==, EXIT_FILE);
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("restcall api add %s NAME --base-url URL", fixture->quoted);
  assert_advice (empty.err, command);
}

static void
test_call_options (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(RcTestRun) no_id = { 0 };
  g_auto(RcTestRun) no_url = { 0 };

  /* `call` has no project: the remedy is its own option. */
  rc_test_run_restcall (&no_id, NULL, secret_env, "call", "http://127.0.0.1:9/pets",
                        "--auth", "oauth2-cc", "--client-id", "",
                        "--token-url", "http://127.0.0.1:9/token",
                        "--client-secret-env", "RC_TEST_SECRET");
  g_assert_cmpint (no_id.status, ==, EXIT_FILE);
  g_assert_cmpstr (no_id.err, ==,
                   "restcall: No client ID is set. Give the client ID with --client-id ID.\n");

  rc_test_run_restcall (&no_url, NULL, secret_env, "call", "http://127.0.0.1:9/pets",
                        "--auth", "oauth2-cc", "--client-id", "pets-app", "--token-url", "",
                        "--client-secret-env", "RC_TEST_SECRET");
  g_assert_cmpint (no_url.status, ==, EXIT_FILE);
  g_assert_cmpstr (no_url.err, ==,
                   "restcall: No access token URL is set. Give the authorization server’s token "
                   "endpoint with --token-url URL.\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/restcall/cli-advice/" name, Fixture, NULL, fixture_setup, func, \
              fixture_teardown)
  ADD ("token-url", test_token_url);
  ADD ("client-id", test_client_id);
  ADD ("base-url", test_base_url);
  ADD ("test-value", test_test_value);
  ADD ("nothing-to-run", test_nothing_to_run);
  ADD ("call-options", test_call_options);
#undef ADD

  return g_test_run ();
}
