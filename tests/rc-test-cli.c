/* rc-test-cli.c: running the real restcall binary, as a user would
 *
 * The binary ($RESTCALL_BIN) runs as a subprocess without any display,
 * while this process's main context iterates, so that a scripted server
 * living in it can answer. The session bus goes along only inside
 * keyring-session.sh (RC_KEYRING_SESSION), where it is a throwaway one
 * with a throwaway keyring; anywhere else it is taken away, so that the
 * binary never reaches the user's keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rc-test-cli.h"
#include "rc-test-server.h"

#define RUN_TIMEOUT_SEC 60

typedef struct
{
  gboolean  done;
  char     *out;
  char     *err;
  GError   *error;
} Communicated;

/* Callbacks */

static gboolean
communicated_done_cb (gpointer data)
{
  return ((Communicated *) data)->done;
}

static void
communicated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Communicated *communicated = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &communicated->out,
                                        &communicated->err, &communicated->error);
  communicated->done = TRUE;
}

/* Public API */

/* Frees what @run printed; @run itself is the caller's. */
void
rc_test_run_clear (RcTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs restcall with @args (NULL-terminated), @stdin_text on its standard
 * input (empty when NULL) and @env ("NAME=value", NULL-terminated, or NULL)
 * added to its environment, for at most a minute; fills in @run. */
void
rc_test_run_restcall_full (RcTestRun          *run,
                           const char         *stdin_text,
                           const char * const *env,
                           const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Communicated communicated = { 0 };
  const char *bin = g_getenv ("RESTCALL_BIN");
  g_autofree char *stdin_path = NULL;
  int stdin_fd;

  g_assert_nonnull (bin);

  g_ptr_array_add (argv, (gpointer)bin);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  /* No display of any kind. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "GDK_BACKEND");
  if (g_getenv ("RC_KEYRING_SESSION") == NULL)
    envp = g_environ_unsetenv (envp, "DBUS_SESSION_BUS_ADDRESS");
  for (guint i = 0; env && env[i]; i++)
    {
      g_autofree char *name = g_strndup (env[i], strcspn (env[i], "="));

      envp = g_environ_setenv (envp, name, env[i] + strlen (name) + 1, TRUE);
    }

  /* Standard input is a file, not a pipe: a command that exits without
   * reading it (a usage error) would otherwise make the write fail with
   * EPIPE, depending on who is faster. */
  stdin_fd = g_file_open_tmp ("restcall-stdin-XXXXXX", &stdin_path, &error);
  g_assert_no_error (error);
  close (stdin_fd);
  g_file_set_contents (stdin_path, stdin_text ? stdin_text : "", -1, &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, envp);
  g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_unlink (stdin_path);

  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, &communicated);

  if (!rc_test_wait_until (communicated_done_cb, &communicated, RUN_TIMEOUT_SEC))
    {
      g_subprocess_force_exit (process);
      while (!communicated.done)
        g_main_context_iteration (NULL, TRUE);
      g_assert_not_reached ();
    }

  g_assert_no_error (communicated.error);
  run->out = communicated.out;
  run->err = communicated.err;
  {
    g_autofree char *out = rc_test_shorten_lines (run->out, 2000);
    g_autofree char *err = rc_test_shorten_lines (run->err, 2000);

    /* Said before the exit is checked: a crash or a sanitizer report
     * (which aborts) is on the binary's standard error. */
    if (g_subprocess_get_if_signaled (process))
      g_test_message ("restcall %s: killed by signal %d\nstdout:\n%s\nstderr:\n%s",
                      args[0] ? args[0] : "", g_subprocess_get_term_sig (process), out, err);
    g_assert_true (g_subprocess_get_if_exited (process));
    run->status = g_subprocess_get_exit_status (process);
    g_test_message ("restcall %s: exit %d\nstdout:\n%s\nstderr:\n%s", args[0] ? args[0] : "",
                    run->status, out, err);
  }
}

/* The first request @server got for a path that starts with @path_prefix; there must be one. */
RcTestRequest *
rc_test_find_request (RcTestServer *server,
                      const char   *path_prefix)
{
  for (guint i = 0; i < server->requests->len; i++)
    {
      RcTestRequest *request = g_ptr_array_index (server->requests, i);

      if (g_str_has_prefix (request->path, path_prefix))
        return request;
    }

  g_assert_not_reached ();
}

/* Parses what restcall printed as JSON; it must be JSON. */
JsonNode *
rc_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

/* Parses what restcall printed as a JSON object; it must be one. */
JsonObject *
rc_test_parse_object (const char *text)
{
  g_autoptr(JsonNode) root = rc_test_parse_json (text);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

/* A listing with one space between each label and its value, whatever
 * the column the values are aligned to. */
char *
rc_test_squeeze_listing (const char *listing)
{
  g_autoptr(GRegex) regex = g_regex_new (":  +", 0, 0, NULL);

  return g_regex_replace_literal (regex, listing, -1, 0, ": ", 0, NULL);
}

/* A new, empty folder for one test, made from @tmpl ("name-XXXXXX"). */
char *
rc_test_make_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);

  return dir;
}

/* Removes @dir and the files in it (it holds no folder). */
void
rc_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* What the file at @path holds; it must be readable. */
char *
rc_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* The project saved at @path; it must load. */
RcProject *
rc_test_load_project (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RcProject *project = rc_project_load (file, NULL, &error);

  g_assert_no_error (error);

  return project;
}

/* Writes @project to @path, as the application saves it. */
void
rc_test_save_project (RcProject  *project,
                      const char *path)
{
  g_autoptr(GBytes) bytes = rc_project_serialize (project);

  g_assert_true (
    g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

/* A token endpoint: @access_token for an hour to the client @client_id
 * authenticated with @client_secret, invalid_client to any other. */
void
rc_test_respond_token (SoupServerMessage *message,
                       const char        *client_id,
                       const char        *client_secret,
                       const char        *access_token)
{
  g_autofree char *body = NULL;

  if (!rc_test_check_client (message, client_id, client_secret))
    {
      rc_test_respond (message, 401, "application/json",
                       "{\"error\": \"invalid_client\", \"error_description\": \"bad secret\"}");
      return;
    }

  body = g_strdup_printf ("{\"access_token\": \"%s\", \"token_type\": \"bearer\", "
                          "\"expires_in\": 3600}", access_token);
  rc_test_respond (message, 200, "application/json", body);
}

/* None of the strings that follow @text (up to a NULL) is in it: no
 * secret, token or credentials in what restcall printed or wrote. */
void
rc_test_assert_lacks (const char *text,
                      ...)
{
  const char *secret;
  va_list args;

  va_start (args, text);
  while ((secret = va_arg (args, const char *)))
    g_assert_null (strstr (text, secret));
  va_end (args);
}

/* Fails when @needle is in @text, saying @where it is. */
void
rc_test_assert_absent (const char *where,
                       const char *text,
                       const char *needle)
{
  if (text != NULL && strstr (text, needle) != NULL)
    g_error ("A canary is in %s:\n%s", where, text);
}

/* Fails when @needle is in any file at or below @dir. */
static void
assert_in_no_file (const char *dir,
                   const char *needle)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_in_no_file (path, needle);
      else if (g_file_get_contents (path, &contents, NULL, NULL))
        rc_test_assert_absent (path, contents, needle);
    }
}

/* Neither printed by @run nor written to the project's folder @dir or
 * HOME (the state folder, the keyring's files, which hold it encrypted). */
void
rc_test_assert_nowhere (RcTestRun  *run,
                        const char *dir,
                        const char *needle)
{
  rc_test_assert_absent ("standard output", run->out, needle);
  rc_test_assert_absent ("standard error", run->err, needle);
  assert_in_no_file (dir, needle);
  assert_in_no_file (g_get_home_dir (), needle);
}

/* Runs restcall with @args, which must fail with @status, print nothing on
 * standard output, begin standard error with “restcall: ” and @message,
 * and leave the project @path as it was, byte for byte (or not there). */
void
rc_test_assert_refused_full (const char         *path,
                             int                 status,
                             const char         *stdin_text,
                             const char * const *env,
                             const char         *message,
                             const char * const *args)
{
  g_autofree char *before = g_file_test (path, G_FILE_TEST_EXISTS) ? rc_test_read_file (path)
                                                                    : NULL;
  g_autofree char *expected = g_strconcat ("restcall: ", message, NULL);
  g_autofree char *command = g_strjoinv (" ", (char **) args);
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall_full (&run, stdin_text, env, args);
  if (run.status != status)
    g_error ("restcall %s exited with %d, not %d: %s", command, run.status, status, run.err);
  g_assert_cmpstr (run.out, ==, "");
  if (!g_str_has_prefix (run.err, expected))
    g_error ("Expected “%s…” on stderr from restcall %s, got “%s”", expected, command, run.err);

  if (before != NULL)
    {
      g_autofree char *after = rc_test_read_file (path);

      g_assert_cmpstr (after, ==, before);
    }
  else
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Runs restcall with @args, which must succeed, print @out and nothing on
 * standard error. */
void
rc_test_assert_done_full (const char         *out,
                          const char * const *args)
{
  g_auto(RcTestRun) run = { 0 };

  rc_test_run_restcall_full (&run, NULL, NULL, args);
  if (run.status != 0)
    g_error ("restcall failed (%d): %s", run.status, run.err);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, out);
}
