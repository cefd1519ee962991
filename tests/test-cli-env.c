/* test-cli-env.c: `restcall env list|add|set|remove`, environments and their variables
 *
 * Run by keyring-session.sh, inside a private session bus with a
 * throwaway, unlocked GNOME Keyring: a secret variable's value goes there,
 * from standard input or an environment variable, never from an argument,
 * and leaves it with its variable or environment. Runs the real `restcall`
 * binary, without a display, as a script would. A command that fails
 * must leave the project file as it was, byte for byte; a canary value
 * must appear in no output and no file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "restcall-core.h"
#include "rc-test-cli.h"
#include "rc-test-keyring.h"
#include "rc-test-server.h"

#define NO_KEYRING "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent"
#define DEV_URL "https://dev.example.com"

typedef struct
{
  char *dir;
  char *path;    /* a project with one API, made by each test */
  char *canary;  /* a secret value that must never show */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *uuid = g_uuid_string_random ();

  fixture->dir = rc_test_make_dir ("restcall-cli-env-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "pets.restcall", NULL);
  fixture->canary = g_strdup_printf ("canary-%s", uuid);
  rc_test_assert_done ("", "api", "add", "-q", fixture->path, "Pets", "--base-url",
                       "https://pets.example.com/v1");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  rc_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->canary, g_free);
}

/* Runs restcall, which must succeed and say nothing on stderr. */
#define run_ok(run_, stdin_, env_, ...)                                     \
  G_STMT_START {                                                            \
    rc_test_run_restcall (run_, stdin_, env_, __VA_ARGS__);                 \
    if ((run_)->status != 0)                                                \
      g_error ("restcall failed (%d): %s", (run_)->status, (run_)->err);    \
    g_assert_cmpstr ((run_)->err, ==, "");                                  \
  } G_STMT_END

/* Dev (blue, active): base_url and the secret api_key, not stored. */
static void
add_dev (Fixture *fixture)
{
  g_autofree char *added = g_strdup_printf (
    "Added the environment “Dev” to %s; it is the active one.\n", fixture->path);

  rc_test_assert_done (added, "env", "add", fixture->path, "Dev", "--color", "blue", "--var",
                       "base_url=" DEV_URL, "--secret-var", "api_key");
}

/* Stores the canary as the value of @name of @environment, from stdin. */
static void
store_canary (Fixture    *fixture,
              const char *environment,
              const char *name)
{
  g_autofree char *line = g_strdup_printf ("%s\n", fixture->canary);
  g_auto(RcTestRun) run = { 0 };

  run_ok (&run, line, NULL, "env", "set", fixture->path, environment, "--secret", name,
          "--secret-stdin");
  rc_test_assert_nowhere (&run, fixture->dir, fixture->canary);
}

/* The keyring's value of @name of the environment @environment_name. */
static char *
keyring_value (Fixture    *fixture,
               const char *environment_name,
               const char *name)
{
  g_autoptr(RcProject) project = rc_test_load_project (fixture->path);
  g_autoptr(RcSecretStore) store = rc_secret_store_new ();
  g_autoptr(GError) error = NULL;
  RcEnvironment *environment = rc_project_find_environment (project, environment_name);
  g_autofree char *secret_id = NULL;
  char *value;

  g_assert_nonnull (environment);
  secret_id = rc_environment_dup_secret_id (environment, name);
  value = rc_test_keyring_lookup (store, rc_project_get_id (project), secret_id, &error);
  g_assert_no_error (error);

  return value;
}

/* How many values the keyring holds for the environment, by its id. */
static guint
count_values (const char *project_id,
              const char *environment_id)
{
  return rc_test_keyring_count (project_id, environment_id);
}

/* The environment @name as the project file holds it. */
static JsonNode *
find_in_file (const char *path,
              const char *name)
{
  g_autofree char *contents = rc_test_read_file (path);
  g_autoptr(JsonNode) root = rc_test_parse_json (contents);
  JsonArray *environments = json_object_get_array_member (json_node_get_object (root),
                                                          "environments");

  for (guint i = 0; i < json_array_get_length (environments); i++)
    {
      JsonObject *object = json_array_get_object_element (environments, i);

      if (g_str_equal (json_object_get_string_member (object, "name"), name))
        return json_node_copy (json_array_get_element (environments, i));
    }

  g_assert_not_reached ();
}

/* Adding, listing and switching: the first environment is the active one,
 * each is listed with its colour and its variables aligned. */
static void
test_add_list (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RcProject) project = NULL;
  g_autofree char *added = g_strdup_printf ("Added the environment “Prod” to %s.\n",
                                            fixture->path);
  g_autofree char *empty = NULL;
  g_autofree char *quoted = NULL;
  g_auto(RcTestRun) none = { 0 };
  g_auto(RcTestRun) list = { 0 };
  g_auto(RcTestRun) again = { 0 };
  RcEnvironment *environment;
  RcVariable *variable;

  run_ok (&none, NULL, NULL, "env", "list", fixture->path);
  empty = g_strdup_printf ("No environments. Add one with “restcall env add %s NAME”.\n",
                           fixture->path);
  g_assert_cmpstr (none.out, ==, empty);

  add_dev (fixture);
  rc_test_assert_done (added, "env", "add", fixture->path, "Prod", "--color", "red", "--var",
                       "base_url=https://example.com", "--var", "empty=");
  rc_test_assert_done ("", "env", "add", "-q", fixture->path, "Bare");

  run_ok (&list, NULL, NULL, "env", "list", fixture->path);
  g_assert_cmpstr (list.out, ==,
                   "Dev (active, blue)\n"
                   "  base_url: " DEV_URL "\n"
                   "  api_key:  secret, not stored\n"
                   "\n"
                   "Prod (red)\n"
                   "  base_url: https://example.com\n"
                   "  empty:    (empty)\n"
                   "\n"
                   "Bare\n"
                   "  No variables.\n");

  project = rc_test_load_project (fixture->path);
  g_assert_cmpuint (rc_project_get_n_environments (project), ==, 3);
  environment = rc_project_find_environment (project, "Dev");
  g_assert_true (rc_project_get_active_environment (project) == environment);
  g_assert_cmpstr (rc_environment_get_color (environment), ==, "blue");
  variable = rc_environment_find_variable (environment, "api_key");
  g_assert_true (rc_variable_get_secret (variable));
  g_assert_cmpstr (rc_variable_get_value (rc_environment_find_variable (environment, "base_url")),
                   ==, DEV_URL);

  /* Switching is a change of its own. */
  quoted = g_strdup_printf ("Changed the environment “Prod” in %s. It is the active one.\n",
                            fixture->path);
  rc_test_assert_done (quoted, "env", "set", fixture->path, "Prod", "--activate");
  run_ok (&again, NULL, NULL, "env", "list", fixture->path);
  g_assert_true (g_str_has_prefix (again.out, "Dev (blue)\n"));
  g_assert_nonnull (strstr (again.out, "\nProd (active, red)\n"));
  g_clear_object (&project);
  project = rc_test_load_project (fixture->path);
  g_assert_cmpstr (rc_environment_get_name (rc_project_get_active_environment (project)), ==,
                   "Prod");

  /* --activate on add too. */
  rc_test_assert_done ("", "env", "add", "-q", fixture->path, "Local", "--activate");
  g_clear_object (&project);
  project = rc_test_load_project (fixture->path);
  g_assert_cmpstr (rc_environment_get_name (rc_project_get_active_environment (project)), ==,
                   "Local");
}

/* --json prints the environment as the file holds it; list --json the
 * file's members, each secret's state and the active one. */
static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(RcTestRun) add = { 0 };
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) list = { 0 };
  g_auto(RcTestRun) removed = { 0 };
  g_autoptr(JsonNode) printed = NULL;
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonNode) set_printed = NULL;
  g_autoptr(JsonNode) set_saved = NULL;
  g_autoptr(JsonNode) removed_printed = NULL;
  g_autoptr(RcProject) project = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonObject *dev, *staging;
  JsonArray *environments, *variables;

  run_ok (&add, NULL, NULL, "env", "add", fixture->path, "Dev", "--color", "blue", "--var",
          "base_url=" DEV_URL, "--secret-var", "api_key", "--json");
  printed = rc_test_parse_json (add.out);
  saved = find_in_file (fixture->path, "Dev");
  g_assert_true (json_node_equal (printed, saved));
  /* Written as the file is: its member order, its indentation. */
  g_assert_true (g_str_has_prefix (add.out, "{\n  \"id\" : \""));
  variables = json_object_get_array_member (json_node_get_object (printed), "variables");
  g_assert_cmpuint (json_array_get_length (variables), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (variables, 1),
                                                 "secret"));
  g_assert_false (json_object_has_member (json_array_get_object_element (variables, 1),
                                          "value"));

  store_canary (fixture, "Dev", "api_key");
  rc_test_assert_done ("", "env", "add", "-q", fixture->path, "Staging", "--secret-var", "token");

  run_ok (&set, NULL, NULL, "env", "set", fixture->path, "Staging", "--var", "region=eu",
          "--json");
  set_printed = rc_test_parse_json (set.out);
  set_saved = find_in_file (fixture->path, "Staging");
  g_assert_true (json_node_equal (set_printed, set_saved));

  run_ok (&list, NULL, NULL, "env", "list", fixture->path, "--json");
  root = rc_test_parse_object (list.out);
  environments = json_object_get_array_member (root, "environments");
  g_assert_cmpuint (json_array_get_length (environments), ==, 2);
  dev = json_array_get_object_element (environments, 0);
  staging = json_array_get_object_element (environments, 1);
  g_assert_cmpstr (json_object_get_string_member (dev, "name"), ==, "Dev");
  g_assert_cmpstr (json_object_get_string_member (dev, "color"), ==, "blue");
  g_assert_cmpstr (json_object_get_string_member (root, "active_environment"), ==,
                   json_object_get_string_member (dev, "id"));
  variables = json_object_get_array_member (dev, "variables");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (variables, 0),
                                                  "value"), ==, DEV_URL);
  g_assert_false (json_object_has_member (json_array_get_object_element (variables, 0),
                                          "secret_state"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (variables, 1),
                                                  "secret_state"), ==, "stored");
  variables = json_object_get_array_member (staging, "variables");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (variables, 0),
                                                  "secret_state"), ==, "not-stored");
  g_assert_false (json_object_has_member (staging, "color"));
  rc_test_assert_nowhere (&list, fixture->dir, fixture->canary);

  /* What was removed, as the file held it. */
  run_ok (&removed, NULL, NULL, "env", "remove", fixture->path, "Staging", "--json");
  removed_printed = rc_test_parse_json (removed.out);
  g_assert_true (json_node_equal (removed_printed, set_saved));

  /* A project without environments lists none, and no active one. */
  rc_test_assert_done ("", "env", "remove", "-q", fixture->path, "Dev");
  {
    g_auto(RcTestRun) empty = { 0 };

    run_ok (&empty, NULL, NULL, "env", "list", fixture->path, "--json");
    g_assert_cmpstr (empty.out, ==,
                     "{\n  \"environments\": [],\n  \"active_environment\": null\n}\n");
  }
  project = rc_test_load_project (fixture->path);
  g_assert_cmpuint (rc_project_get_n_environments (project), ==, 0);
}

/* A secret variable's value, from standard input or an environment
 * variable, goes to the keyring only: listed as stored, never printed or
 * written to the file. */
static void
test_secret_value (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *canary_env = g_strdup_printf ("RC_TEST_CANARY=%s", fixture->canary);
  const char * const env[] = { "G_MESSAGES_DEBUG=all", canary_env, NULL };
  g_autofree char *stored = g_strdup_printf (
    "Changed the environment “Dev” in %s. Stored the value of “token” in the keyring.\n",
    fixture->path);
  g_autofree char *line = g_strdup_printf ("%s\n", fixture->canary);
  g_autofree char *before = NULL;
  g_autofree char *value = NULL;
  g_autofree char *after = NULL;
  g_auto(RcTestRun) from_stdin = { 0 };
  g_auto(RcTestRun) from_env = { 0 };
  g_auto(RcTestRun) list = { 0 };
  g_auto(RcTestRun) json = { 0 };

  add_dev (fixture);
  before = rc_test_read_file (fixture->path);

  rc_test_run_restcall (&from_stdin, line, env, "env", "set", fixture->path, "Dev", "--secret",
                        "api_key", "--secret-stdin");
  g_assert_cmpint (from_stdin.status, ==, 0);
  value = keyring_value (fixture, "Dev", "api_key");
  g_assert_cmpstr (value, ==, fixture->canary);
  rc_secret_free (g_steal_pointer (&value));
  /* Only a value stored: the file is as it was. */
  after = rc_test_read_file (fixture->path);
  g_assert_cmpstr (after, ==, before);

  /* Made secret and given its value in one command, from a variable. */
  rc_test_run_restcall (&from_env, NULL, env, "env", "set", fixture->path, "Dev", "--secret-var",
                        "token", "--secret", "token", "--secret-env", "RC_TEST_CANARY");
  g_assert_cmpint (from_env.status, ==, 0);
  /* Debug messages go to standard output too. */
  g_assert_true (g_str_has_suffix (from_env.out, stored));
  value = keyring_value (fixture, "Dev", "token");
  g_assert_cmpstr (value, ==, fixture->canary);
  rc_secret_free (g_steal_pointer (&value));

  run_ok (&list, NULL, env, "env", "list", fixture->path);
  g_assert_nonnull (strstr (list.out, "  api_key:  secret, stored\n"));
  g_assert_nonnull (strstr (list.out, "  token:    secret, stored\n"));
  run_ok (&json, NULL, env, "env", "list", fixture->path, "--json");

  rc_test_assert_nowhere (&from_stdin, fixture->dir, fixture->canary);
  rc_test_assert_nowhere (&from_env, fixture->dir, fixture->canary);
  rc_test_assert_nowhere (&list, fixture->dir, fixture->canary);
  rc_test_assert_nowhere (&json, fixture->dir, fixture->canary);
}

/* A secret value is never an argument: each way of trying is refused,
 * saying how to give it, without repeating it. */
static void
test_secret_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *given = NULL;
  g_autofree char *canary_env = g_strdup_printf ("RC_TEST_CANARY=%s", fixture->canary);
  const char * const env[] = { canary_env, NULL };
  const char * const empty_env[] = { "RC_TEST_EMPTY=", NULL };
  g_autoptr(RcProject) project = NULL;
  g_auto(RcTestRun) run = { 0 };

  add_dev (fixture);
  given = g_strdup_printf ("api_key=%s", fixture->canary);

  rc_test_run_restcall (&run, NULL, NULL, "env", "set", fixture->path, "Dev", "--secret", given);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==,
                   "restcall: --secret takes a variable’s name only: a secret value is never "
                   "taken as a command-line argument, which other users and the shell history "
                   "can see. Store it with --secret api_key --secret-stdin (or --secret-env "
                   "VAR).\n"
                   "Try “restcall env set --help” for more information.\n");
  rc_test_assert_nowhere (&run, fixture->dir, fixture->canary);

  rc_test_assert_refused (fixture->path, 2, NULL, "--secret-var takes a variable’s name only",
                          "env", "set", fixture->path, "Dev", "--secret-var", given);
  rc_test_assert_refused (fixture->path, 2, NULL, "--secret-var takes a variable’s name only",
                          "env", "add", fixture->path, "Prod", "--secret-var", given);
  rc_test_assert_refused (fixture->path, 2, NULL, "There is no --secret option: secrets are "
                          "never taken as command-line arguments",
                          "env", "add", fixture->path, "Prod", "--secret", given);
  rc_test_assert_refused (fixture->path, 2, NULL, "There is no --password option",
                          "env", "set", fixture->path, "Dev", "--password", "x");
  rc_test_assert_refused (fixture->path, 2, NULL, "Say where the value of “api_key” comes from: "
                          "--secret-stdin (one line of standard input) or --secret-env VAR.",
                          "env", "set", fixture->path, "Dev", "--secret", "api_key");
  rc_test_assert_refused (fixture->path, 2, NULL, "--secret-stdin and --secret-env give the "
                          "value of a secret variable: name it with --secret NAME.",
                          "env", "set", fixture->path, "Dev", "--secret-stdin");
  rc_test_assert_refused (fixture->path, 2, env, "Give the secret once: --secret-env VAR or "
                          "--secret-stdin.", "env", "set", fixture->path, "Dev", "--secret",
                          "api_key", "--secret-stdin", "--secret-env", "RC_TEST_CANARY");
  rc_test_assert_refused (fixture->path, 1, empty_env, "The environment variable “RC_TEST_EMPTY” "
                          "that should hold the secret is empty.", "env", "set", fixture->path,
                          "Dev", "--secret", "api_key", "--secret-env", "RC_TEST_EMPTY");
  rc_test_assert_refused_full (fixture->path, 1, "", NULL, "Standard input ended before a secret "
                               "was read.", (const char * const[]) {
                                 "env", "set", fixture->path, "Dev", "--secret", "api_key",
                                 "--secret-stdin", NULL });
  /* Only a secret variable has a value in the keyring. */
  rc_test_assert_refused (fixture->path, 3, env, "“base_url” is a plain variable of “Dev”, whose "
                          "value is in the project file. Make it secret with --secret-var "
                          "base_url", "env", "set", fixture->path, "Dev", "--secret", "base_url",
                          "--secret-env", "RC_TEST_CANARY");
  rc_test_assert_refused (fixture->path, 3, env, "The environment “Dev” has no variable “nope”. "
                          "Add it as a secret one with --secret-var nope", "env", "set",
                          fixture->path, "Dev", "--secret", "nope", "--secret-env",
                          "RC_TEST_CANARY");
  /* A secret variable's value never goes in the file. */
  rc_test_assert_refused (fixture->path, 3, NULL, "“api_key” is a secret variable of “Dev”: its "
                          "value goes in the keyring, never in the file. Store it with --secret "
                          "api_key --secret-stdin, or make the variable plain with --plain-var "
                          "api_key=VALUE.", "env", "set", fixture->path, "Dev", "--var",
                          "api_key=x");

  project = rc_test_load_project (fixture->path);
  g_assert_cmpuint (count_values (rc_project_get_id (project), NULL), ==, 0);
}

/* set: rename, colour, plain values; a secret variable renamed takes its
 * stored value along, one removed or made plain leaves none behind, a
 * plain one made secret takes its value from the file to the keyring. */
static void
test_set (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(RcProject) project = NULL;
  g_autofree char *renamed = g_strdup_printf (
    "Renamed the environment “Dev” to “Development” in %s.\n", fixture->path);
  g_autofree char *moved = g_strdup_printf (
    "Changed the environment “Development” in %s. Moved the stored value of “api_key” to "
    "“key”. Moved the value of “region” from the file to the keyring.\n", fixture->path);
  g_autofree char *cleared = g_strdup_printf (
    "Changed the environment “Development” in %s. Removed the stored values of “key”, “region” "
    "from the keyring.\n", fixture->path);
  g_autofree char *value = NULL;
  g_autofree char *file = NULL;
  RcEnvironment *environment;
  RcVariable *variable;
  const char *project_id;

  add_dev (fixture);
  store_canary (fixture, "Dev", "api_key");
  rc_test_assert_done ("", "env", "set", "-q", fixture->path, "Dev", "--var", "region=eu-west",
                       "--var", "tenant=acme");

  rc_test_assert_done (renamed, "env", "set", fixture->path, "Dev", "--rename", "Development",
                       "--color", "none", "--var", "tenant=other");
  /* The keyring files values by the environment's id: a rename keeps them. */
  value = keyring_value (fixture, "Development", "api_key");
  g_assert_cmpstr (value, ==, fixture->canary);
  rc_secret_free (g_steal_pointer (&value));

  rc_test_assert_done (moved, "env", "set", fixture->path, "Development", "--rename-var",
                       "api_key=key", "--secret-var", "region");
  value = keyring_value (fixture, "Development", "key");
  g_assert_cmpstr (value, ==, fixture->canary);
  rc_secret_free (g_steal_pointer (&value));
  g_assert_null (keyring_value (fixture, "Development", "api_key"));
  value = keyring_value (fixture, "Development", "region");
  g_assert_cmpstr (value, ==, "eu-west");
  rc_secret_free (g_steal_pointer (&value));
  file = rc_test_read_file (fixture->path);
  g_assert_null (strstr (file, "eu-west"));

  project = rc_test_load_project (fixture->path);
  environment = rc_project_find_environment (project, "Development");
  project_id = rc_project_get_id (project);
  g_assert_cmpstr (rc_environment_get_color (environment), ==, "");
  g_assert_cmpstr (rc_variable_get_value (rc_environment_find_variable (environment, "tenant")),
                   ==, "other");
  g_assert_true (rc_variable_get_secret (rc_environment_find_variable (environment, "key")));
  g_assert_true (rc_variable_get_secret (rc_environment_find_variable (environment, "region")));
  g_assert_null (rc_environment_find_variable (environment, "api_key"));
  g_assert_cmpuint (count_values (project_id, rc_environment_get_id (environment)), ==, 2);

  rc_test_assert_done (cleared, "env", "set", fixture->path, "Development", "--remove-var", "key",
                       "--plain-var", "region=us-east", "--remove-var", "tenant");
  g_assert_cmpuint (count_values (project_id, rc_environment_get_id (environment)), ==, 0);
  g_clear_object (&project);
  project = rc_test_load_project (fixture->path);
  environment = rc_project_find_environment (project, "Development");
  g_assert_cmpuint (rc_environment_get_n_variables (environment), ==, 2);
  variable = rc_environment_find_variable (environment, "region");
  g_assert_false (rc_variable_get_secret (variable));
  g_assert_cmpstr (rc_variable_get_value (variable), ==, "us-east");
  g_assert_cmpstr (rc_variable_get_value (rc_environment_find_variable (environment, "base_url")),
                   ==, DEV_URL);
}

/* Removing an environment removes its secret variables' values from the
 * keyring, and says so; when it was the active one, the next is. */
static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RcProject) project = NULL;
  g_autofree char *removed = g_strdup_printf (
    "Removed the environment “Dev” from %s. Its stored secrets were removed from the keyring.\n"
    "“Prod” is now the active environment.\n", fixture->path);
  g_autofree char *removed_plain = g_strdup_printf (
    "Removed the environment “Plain” from %s.\n", fixture->path);
  g_autofree char *project_id = NULL;
  g_autofree char *dev_id = NULL;
  g_autofree char *prod_id = NULL;

  add_dev (fixture);
  rc_test_assert_done ("", "env", "add", "-q", fixture->path, "Prod", "--secret-var", "api_key");
  rc_test_assert_done ("", "env", "add", "-q", fixture->path, "Plain", "--var", "a=b");
  store_canary (fixture, "Dev", "api_key");
  store_canary (fixture, "Prod", "api_key");

  project = rc_test_load_project (fixture->path);
  project_id = g_strdup (rc_project_get_id (project));
  dev_id = g_strdup (rc_environment_get_id (rc_project_find_environment (project, "Dev")));
  prod_id = g_strdup (rc_environment_get_id (rc_project_find_environment (project, "Prod")));
  g_assert_cmpuint (count_values (project_id, dev_id), ==, 1);
  g_assert_cmpuint (count_values (project_id, prod_id), ==, 1);

  rc_test_assert_done (removed, "env", "remove", fixture->path, "Dev");
  g_assert_cmpuint (count_values (project_id, dev_id), ==, 0);
  g_assert_cmpuint (count_values (project_id, prod_id), ==, 1);

  /* One without secret variables does not ask the keyring. */
  {
    static const char * const no_keyring[] = { NO_KEYRING, NULL };
    g_auto(RcTestRun) run = { 0 };

    run_ok (&run, NULL, no_keyring, "env", "remove", fixture->path, "Plain");
    g_assert_cmpstr (run.out, ==, removed_plain);
  }

  g_clear_object (&project);
  project = rc_test_load_project (fixture->path);
  g_assert_cmpuint (rc_project_get_n_environments (project), ==, 1);
  g_assert_cmpstr (rc_environment_get_name (rc_project_get_active_environment (project)), ==,
                   "Prod");
}

/* Without a keyring: listing says so; removing still removes from the
 * file, and says the values were left, with the keyring's status; what
 * would store a value fails before the file is touched. */
static void
test_no_keyring (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const no_keyring[] = { NO_KEYRING, NULL };
  g_autofree char *canary_env = g_strdup_printf ("RC_TEST_CANARY=%s", fixture->canary);
  const char * const no_keyring_canary[] = { NO_KEYRING, canary_env, NULL };
  g_autoptr(RcProject) project = NULL;
  g_autofree char *project_id = NULL;
  g_autofree char *dev_id = NULL;
  g_autofree char *removed = NULL;
  g_auto(RcTestRun) list = { 0 };
  g_auto(RcTestRun) run = { 0 };

  add_dev (fixture);
  store_canary (fixture, "Dev", "api_key");
  rc_test_assert_done ("", "env", "set", "-q", fixture->path, "Dev", "--var", "region=eu");

  run_ok (&list, NULL, no_keyring, "env", "list", fixture->path);
  g_assert_nonnull (strstr (list.out, "  api_key:  secret, unknown (keyring unavailable)\n"));

  rc_test_assert_refused (fixture->path, 4, no_keyring_canary,
                          "The value of “api_key” was not stored in the keyring (no keyring could "
                          "be used), so nothing was changed.", "env", "set", fixture->path,
                          "Dev", "--var", "x=y", "--secret", "api_key", "--secret-env",
                          "RC_TEST_CANARY");
  rc_test_assert_refused (fixture->path, 4, no_keyring,
                          "The value of “region” could not be moved from the file to the keyring "
                          "(no keyring could be used), so nothing was changed: it stays plain.",
                          "env", "set", fixture->path, "Dev", "--secret-var", "region");
  rc_test_assert_refused (fixture->path, 4, no_keyring,
                          "The stored value of “api_key” could not be moved to “key” (no keyring "
                          "could be used), so nothing was changed.", "env", "set", fixture->path,
                          "Dev", "--rename-var", "api_key=key");
  /* What needs no keyring works without one. */
  rc_test_assert_done ("", "env", "set", "-q", fixture->path, "Dev", "--var", "region=us");

  project = rc_test_load_project (fixture->path);
  project_id = g_strdup (rc_project_get_id (project));
  dev_id = g_strdup (rc_environment_get_id (rc_project_find_environment (project, "Dev")));

  rc_test_run_restcall (&run, NULL, no_keyring, "env", "remove", fixture->path, "Dev");
  g_assert_cmpint (run.status, ==, 4);
  removed = g_strdup_printf ("Removed the environment “Dev” from %s.\n", fixture->path);
  g_assert_cmpstr (run.out, ==, removed);
  g_assert_true (g_str_has_prefix (run.err, "restcall: Removed the environment “Dev” from "));
  g_assert_nonnull (strstr (run.err, "no keyring could be used, so its stored secrets were left "
                                     "in it"));
  g_clear_object (&project);
  project = rc_test_load_project (fixture->path);
  g_assert_cmpuint (rc_project_get_n_environments (project), ==, 0);
  g_assert_cmpuint (count_values (project_id, dev_id), ==, 1);
}

/* --from starts from another environment: its colour, its variables and
 * its stored values, in the keyring under the new one. Without a keyring
 * the environment is added, and the command says what was not copied. */
static void
test_from (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const no_keyring[] = { NO_KEYRING, NULL };
  g_autoptr(RcProject) project = NULL;
  g_autofree char *added = g_strdup_printf (
    "Added the environment “Staging” to %s. Copied the stored value of 1 secret variable.\n",
    fixture->path);
  g_autofree char *value = NULL;
  g_autofree char *command = NULL;
  g_auto(RcTestRun) copy = { 0 };
  RcEnvironment *staging;

  add_dev (fixture);
  rc_test_assert_done ("", "env", "set", "-q", fixture->path, "Dev", "--secret-var", "token",
                       "--var", "region=eu");
  store_canary (fixture, "Dev", "api_key");

  rc_test_assert_done (added, "env", "add", fixture->path, "Staging", "--from", "Dev", "--var",
                       "base_url=https://staging.example.com");
  value = keyring_value (fixture, "Staging", "api_key");
  g_assert_cmpstr (value, ==, fixture->canary);
  rc_secret_free (g_steal_pointer (&value));
  g_assert_null (keyring_value (fixture, "Staging", "token"));
  value = keyring_value (fixture, "Dev", "api_key");
  g_assert_cmpstr (value, ==, fixture->canary);
  rc_secret_free (g_steal_pointer (&value));

  project = rc_test_load_project (fixture->path);
  staging = rc_project_find_environment (project, "Staging");
  g_assert_cmpstr (rc_environment_get_color (staging), ==, "blue");
  g_assert_cmpuint (rc_environment_get_n_variables (staging), ==, 4);
  g_assert_cmpstr (rc_variable_get_value (rc_environment_find_variable (staging, "base_url")), ==,
                   "https://staging.example.com");
  g_assert_cmpstr (rc_variable_get_value (rc_environment_find_variable (staging, "region")), ==,
                   "eu");
  g_assert_true (rc_variable_get_secret (rc_environment_find_variable (staging, "token")));
  g_assert_cmpstr (rc_environment_get_name (rc_project_get_active_environment (project)), ==,
                   "Dev");

  rc_test_assert_refused (fixture->path, 3, NULL, "The project ", "env", "add", fixture->path,
                          "Other", "--from", "Nope");

  rc_test_run_restcall (&copy, NULL, no_keyring, "env", "add", fixture->path, "QA", "--from",
                        "Dev", "--color", "green");
  g_assert_cmpint (copy.status, ==, 0);
  command = g_strdup_printf ("restcall: The stored values of the secret variables of “Dev” were "
                             "not copied to “QA” (no keyring could be used). Store each with "
                             "“restcall env set %s QA --secret NAME --secret-stdin”.\n",
                             fixture->path);
  g_assert_cmpstr (copy.err, ==, command);
  g_clear_object (&project);
  project = rc_test_load_project (fixture->path);
  g_assert_cmpstr (rc_environment_get_color (rc_project_find_environment (project, "QA")), ==,
                   "green");
}

/* Names: an environment's is not blank and is its project's one; a
 * variable's is one `{{name}}` can name, its environment's one, and given
 * to one option only. */
static void
test_names (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *clash = NULL;
  g_auto(RcTestRun) run = { 0 };

  add_dev (fixture);
  rc_test_assert_done ("", "env", "add", "-q", fixture->path, "Prod");

  rc_test_run_restcall (&run, NULL, NULL, "env", "add", fixture->path, "Dev");
  g_assert_cmpint (run.status, ==, 3);
  clash = g_strdup_printf ("restcall: %s already has an environment named “Dev”. Choose another "
                           "name, or change that one with “restcall env set %s Dev”.\n",
                           fixture->path, fixture->path);
  g_assert_cmpstr (run.err, ==, clash);

  rc_test_assert_refused (fixture->path, 3, NULL, "The project already has an environment named "
                          "“Prod”. Choose another name.", "env", "set", fixture->path, "Dev",
                          "--rename", "Prod");
  rc_test_assert_refused (fixture->path, 2, NULL, "Give a name that is not blank.", "env", "add",
                          fixture->path, " ");
  rc_test_assert_refused (fixture->path, 2, NULL, "--rename needs a name that is not blank.",
                          "env", "set", fixture->path, "Dev", "--rename", "");
  rc_test_assert_refused (fixture->path, 2, NULL, "--var “1st” does not name a variable: a name "
                          "is 1 to 64 letters, digits, “_”, “-” or “.”, and starts with a letter "
                          "or “_”, such as base_url.", "env", "set", fixture->path, "Dev",
                          "--var", "1st=x");
  rc_test_assert_refused (fixture->path, 2, NULL, "--secret-var “a b” does not name a variable",
                          "env", "add", fixture->path, "New", "--secret-var", "a b");
  rc_test_assert_refused (fixture->path, 2, NULL, "--var “x” is not NAME=VALUE.", "env", "set",
                          fixture->path, "Dev", "--var", "x");
  rc_test_assert_refused (fixture->path, 2, NULL, "--rename-var “a” is not OLD=NEW.", "env",
                          "set", fixture->path, "Dev", "--rename-var", "a");
  rc_test_assert_refused (fixture->path, 2, NULL, "The variable “x” is named by two options: say "
                          "once what becomes of it.", "env", "set", fixture->path, "Dev", "--var",
                          "x=1", "--secret-var", "x");
  rc_test_assert_refused (fixture->path, 2, NULL, "The variable “x” is named by two options",
                          "env", "add", fixture->path, "New", "--var", "x=1", "--var", "x=2");
  rc_test_assert_refused (fixture->path, 3, NULL, "The environment “Dev” already has a variable "
                          "named “base_url”. Choose another name, or remove that one with "
                          "--remove-var base_url.", "env", "set", fixture->path, "Dev",
                          "--rename-var", "api_key=base_url");
  rc_test_assert_refused (fixture->path, 3, NULL, "The environment “Dev” has no variable “nope”. "
                          "Its variables: “base_url”, “api_key”.", "env", "set", fixture->path,
                          "Dev", "--remove-var", "nope");
  rc_test_assert_refused (fixture->path, 3, NULL, "The environment “Prod” has no variable “x”: it "
                          "has no variables at all.", "env", "set", fixture->path, "Prod",
                          "--rename-var", "x=y");
  rc_test_assert_refused (fixture->path, 3, NULL, "The project ", "env", "set", fixture->path,
                          "Staging", "--activate");
  {
    g_auto(RcTestRun) missing = { 0 };
    g_autofree char *message = g_strdup_printf (
      "restcall: The project %s has no environment “Staging”. Its environments: “Dev”, “Prod”.\n",
      fixture->path);

    rc_test_run_restcall (&missing, NULL, NULL, "env", "remove", fixture->path, "Staging");
    g_assert_cmpstr (missing.err, ==, message);
  }
  rc_test_assert_refused (fixture->path, 2, NULL, "Unknown colour “pink”: use one of blue, green, "
                          "yellow, orange, red, purple, brown, or none.", "env", "set",
                          fixture->path, "Dev", "--color", "pink");
  rc_test_assert_refused (fixture->path, 2, NULL, "Say what to change: --rename, --color", "env",
                          "set", fixture->path, "Dev");
  rc_test_assert_refused (fixture->path, 2, NULL, "Name a project file and an environment.", "env",
                          "add", fixture->path);
  rc_test_assert_refused (fixture->path, 2, NULL, "Name one project file.", "env", "list");
}

/* A project file with no file, or one that is not a project: said, and
 * nothing is made. */
static void
test_missing_project (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.restcall", NULL);
  g_autofree char *message = g_strdup_printf (
    "There is no project file “%s”. Make one with “restcall api add %s NAME --base-url URL”.",
    missing, missing);

  rc_test_assert_refused (missing, 3, NULL, message, "env", "list", missing);
  rc_test_assert_refused (missing, 3, NULL, message, "env", "add", missing, "Dev");
  rc_test_assert_refused (missing, 3, NULL, message, "env", "set", missing, "Dev", "--activate");
  rc_test_assert_refused (missing, 3, NULL, message, "env", "remove", missing, "Dev");
}

/* `cp pets.restcall copy.restcall`, then a value stored in the copy: the
 * copy gets a project id of its own first, so that the original's value
 * stays as it was; removing an environment of a copy leaves the
 * original's values alone. */
static void
test_copy_keeps_original (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.restcall", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *value = NULL;
  g_autofree char *project_id = NULL;
  g_autofree char *dev_id = NULL;
  g_autoptr(RcProject) original = NULL;
  g_autoptr(RcProject) copy = NULL;
  g_autoptr(RcSecretStore) store = rc_secret_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *secret_id = NULL;
  g_auto(RcTestRun) set = { 0 };
  g_auto(RcTestRun) removed = { 0 };

  add_dev (fixture);
  store_canary (fixture, "Dev", "api_key");
  original = rc_test_load_project (fixture->path);
  project_id = g_strdup (rc_project_get_id (original));
  dev_id = g_strdup (rc_environment_get_id (rc_project_find_environment (original, "Dev")));

  contents = rc_test_read_file (fixture->path);
  g_file_set_contents (copy_path, contents, -1, &error);
  g_assert_no_error (error);

  /* Removing from the copy leaves the original's values. */
  run_ok (&removed, NULL, NULL, "env", "remove", copy_path, "Dev");
  g_assert_cmpuint (count_values (project_id, dev_id), ==, 1);
  g_file_set_contents (copy_path, contents, -1, &error);
  g_assert_no_error (error);

  rc_test_run_restcall (&set, "other\n", NULL, "env", "set", copy_path, "Dev", "--secret",
                        "api_key", "--secret-stdin");
  g_assert_cmpint (set.status, ==, 0);
  g_assert_nonnull (strstr (set.out, "so it now has an ID of its own"));

  copy = rc_test_load_project (copy_path);
  g_assert_cmpstr (rc_project_get_id (copy), !=, project_id);
  value = keyring_value (fixture, "Dev", "api_key");
  g_assert_cmpstr (value, ==, fixture->canary);
  rc_secret_free (g_steal_pointer (&value));

  secret_id = rc_environment_dup_secret_id (rc_project_find_environment (copy, "Dev"), "api_key");
  value = rc_test_keyring_lookup (store, rc_project_get_id (copy), secret_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "other");
  rc_secret_free (g_steal_pointer (&value));
}

static void
server_handler (RcTestServer      *server,
                SoupServerMessage *message,
                const char        *path,
                gpointer           user_data)
{
  rc_test_respond (message, 200, "application/json", "{\"ok\": true}");
}

/* What `env` stores is what a call uses: a plain variable's value, and a
 * secret one's from the keyring; switching with --activate switches what
 * is sent. */
static void
test_run_with_env (Fixture       *fixture,
                   gconstpointer  data)
{
  RcTestServer *server = rc_test_server_new (FALSE);
  g_autofree char *base_url = rc_test_server_url (server, "/api");
  g_auto(RcTestRun) dev = { 0 };
  g_auto(RcTestRun) prod = { 0 };
  RcTestRequest *request;

  server->handler = server_handler;
  /* `method add --url` does not take a {{variable}} yet (rc_check_method_url()). */
  rc_test_assert_done ("", "api", "set", "-q", fixture->path, "Pets", "--base-url", base_url,
                       "--header", "X-Key: {{api_key}}", "--header", "X-Region: {{region}}");
  rc_test_assert_done ("", "method", "add", "-q", fixture->path, "Pets", "list", "--url",
                       "/pets");
  rc_test_assert_done ("", "env", "add", "-q", fixture->path, "Dev", "--var", "region=eu",
                       "--secret-var", "api_key");
  rc_test_assert_done ("", "env", "add", "-q", fixture->path, "Prod", "--var", "region=us",
                       "--secret-var", "api_key");
  store_canary (fixture, "Dev", "api_key");
  {
    g_auto(RcTestRun) set = { 0 };

    run_ok (&set, "prod-key\n", NULL, "env", "set", fixture->path, "Prod", "--secret",
            "api_key", "--secret-stdin");
  }

  rc_test_run_restcall (&dev, NULL, NULL, "run", fixture->path, "Pets", "list");
  g_assert_cmpint (dev.status, ==, 0);
  request = g_ptr_array_index (server->requests, server->requests->len - 1);
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "X-Region"), ==, "eu");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "X-Key"), ==,
                   fixture->canary);
  rc_test_assert_nowhere (&dev, fixture->dir, fixture->canary);

  rc_test_assert_done ("", "env", "set", "-q", fixture->path, "Prod", "--activate");
  rc_test_run_restcall (&prod, NULL, NULL, "run", fixture->path, "Pets", "list");
  g_assert_cmpint (prod.status, ==, 0);
  request = g_ptr_array_index (server->requests, server->requests->len - 1);
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "X-Region"), ==, "us");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "X-Key"), ==, "prod-key");

  rc_test_server_free (server);
}

/* Each action's help: usage, options, examples, the exit statuses; the
 * actions; a mistyped one. */
static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const actions[][2] = {
    { "list", "PROJECT" }, { "add", "PROJECT NAME" }, { "set", "PROJECT NAME" },
    { "remove", "PROJECT NAME" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_auto(RcTestRun) run = { 0 };
      g_autofree char *usage = g_strdup_printf ("restcall env %s [OPTION…] %s", actions[i][0],
                                                actions[i][1]);
      g_autofree char *example = g_strdup_printf ("  restcall env %s pets.restcall", actions[i][0]);

      rc_test_run_restcall (&run, NULL, NULL, "env", actions[i][0], "--help");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, usage));
      g_assert_nonnull (strstr (run.out, "\nExamples:\n"));
      g_assert_nonnull (strstr (run.out, example));
      g_assert_nonnull (strstr (run.out, "--json"));
      g_assert_nonnull (strstr (run.out, "\n   0  none           success"));
      g_assert_nonnull (strstr (run.out, "\n   4  keyring "));
    }

  {
    g_auto(RcTestRun) run = { 0 };

    rc_test_run_restcall (&run, NULL, NULL, "env", "set", "--help");
    g_assert_nonnull (strstr (run.out, "--secret-stdin"));
    g_assert_nonnull (strstr (run.out, "--secret-env=VAR"));
    g_assert_nonnull (strstr (run.out, "--rename-var=OLD=NEW"));
    g_assert_nonnull (strstr (run.out, "--color=COLOUR"));
  }
  {
    g_auto(RcTestRun) run = { 0 };

    rc_test_run_restcall (&run, NULL, NULL, "env", "--help");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "Usage:\n"
                                              "  restcall env list [OPTION…] PROJECT\n"
                                              "  restcall env add [OPTION…] PROJECT NAME\n"));
  }
  {
    g_auto(RcTestRun) run = { 0 };

    rc_test_run_restcall (&run, NULL, NULL, "env", "show", fixture->path);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.err, ==,
                     "restcall: Unknown action “show”: use list, add, set or remove.\n"
                     "Try “restcall env --help” for more information.\n");
  }
  {
    g_auto(RcTestRun) run = { 0 };

    rc_test_run_restcall (&run, NULL, NULL, "evn", "list", fixture->path);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, "restcall: Unknown command “evn”; did you mean "
                                              "“env”?\n"));
  }
  {
    g_auto(RcTestRun) run = { 0 };

    rc_test_run_restcall (&run, NULL, NULL, "--help");
    g_assert_nonnull (strstr (run.out, "  env  "));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rc_test_keyring_require_session ();

#define ADD(path, func) \
  g_test_add ("/restcall/cli-env/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("add-list", test_add_list);
  ADD ("json", test_json);
  ADD ("secret-value", test_secret_value);
  ADD ("secret-refused", test_secret_refused);
  ADD ("set", test_set);
  ADD ("remove", test_remove);
  ADD ("no-keyring", test_no_keyring);
  ADD ("from", test_from);
  ADD ("names", test_names);
  ADD ("missing-project", test_missing_project);
  ADD ("copy-keeps-original", test_copy_keeps_original);
  ADD ("run-with-env", test_run_with_env);
  ADD ("help", test_help);

#undef ADD

  return g_test_run ();
}
