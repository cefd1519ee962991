/* test-cli-edit.c: `restcall api` and `restcall method`, building a project from a script
 *
 * Run by keyring-session.sh, inside a private session bus with a
 * throwaway, unlocked GNOME Keyring: removing an API or a method removes
 * its secrets there. Runs the real `restcall` binary, without a display,
 * as a script would, and proves the project it builds works with `restcall
 * show` and `restcall run` against a scripted server on 127.0.0.1. A
 * command that fails must leave the file as it was, byte for byte.
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
#define PET_JSON "{\"name\": \"Rex\", \"tag\": \"dog\"}\n"

typedef struct
{
  RcTestServer *server;
  char         *dir;
  char         *path;       /* the project, not there until a test makes it */
  char         *body_path;  /* a body file */
} Fixture;

static void
server_handler (RcTestServer      *server,
                SoupServerMessage *message,
                const char        *path,
                gpointer           user_data)
{
  rc_test_respond (message, 200, "application/json", "{\"ok\": true}");
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = server_handler;
  fixture->dir = rc_test_make_dir ("restcall-cli-edit-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "pets.restcall", NULL);
  fixture->body_path = g_build_filename (fixture->dir, "pet.json", NULL);
  g_file_set_contents (fixture->body_path, PET_JSON, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  rc_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->body_path, g_free);
  g_clear_pointer (&fixture->server, rc_test_server_free);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = rc_json_parse (text, strlen (text), RC_JSON_DEFAULT, NULL, NULL, &error);

  g_assert_no_error (error);

  return node;
}

/* The API (and method) named, as the project file holds it. */
static JsonNode *
find_in_file (const char *path,
              const char *api_name,
              const char *method_name)
{
  g_autofree char *contents = rc_test_read_file (path);
  g_autoptr(JsonNode) root = parse_json (contents);
  JsonArray *apis = json_object_get_array_member (json_node_get_object (root), "apis");

  for (guint i = 0; i < json_array_get_length (apis); i++)
    {
      JsonObject *api = json_array_get_object_element (apis, i);
      JsonArray *methods = json_object_get_array_member (api, "methods");

      if (!g_str_equal (json_object_get_string_member (api, "name"), api_name))
        continue;
      if (method_name == NULL)
        return json_node_copy (json_array_get_element (apis, i));

      for (guint j = 0; j < json_array_get_length (methods); j++)
        {
          JsonObject *method = json_array_get_object_element (methods, j);

          if (g_str_equal (json_object_get_string_member (method, "name"), method_name))
            return json_node_copy (json_array_get_element (methods, j));
        }
    }

  g_assert_not_reached ();
}

/* Runs a command that must fail with @status, saying @message on its first
 * line of standard error, and leave the file byte for byte as it was. */
#define assert_refused(fixture_, status_, env_, message_, ...) \
  rc_test_assert_refused ((fixture_)->path, status_, env_, message_, __VA_ARGS__)

/* Runs a command that must succeed, with nothing on standard error. */
#define assert_done rc_test_assert_done

/* “Pet Store” with “Get pet” and “Add pet”, from nothing, as the README
 * shows it. */
static void
build_project (Fixture *fixture)
{
  g_autofree char *base_url = rc_test_server_url (fixture->server, "/api");
  g_autofree char *added_api = g_strdup_printf ("Added the API “Pet Store” to %s.\n",
                                                fixture->path);
  g_autofree char *created = g_strdup_printf ("There was no %s, so it is a new project.\n",
                                              fixture->path);
  g_autofree char *added_get = g_strdup_printf (
    "Added the method “Get pet” to the API “Pet Store” in %s.\n", fixture->path);
  g_autofree char *added_post = g_strdup_printf (
    "Added the method “Add pet” to the API “Pet Store” in %s.\n", fixture->path);
  g_auto(RcTestRun) add = { 0 };

  rc_test_run_restcall (&add, NULL, NULL, "api", "add", fixture->path, "Pet Store", "--base-url",
                        base_url, "--header", "X-Api-Version: 2");
  g_assert_cmpint (add.status, ==, 0);
  g_assert_cmpstr (add.out, ==, added_api);
  g_assert_cmpstr (add.err, ==, created);

  assert_done (added_get, "method", "add", fixture->path, "Pet Store", "Get pet", "--url",
               "/pets/{petId}", "--header", "Accept: application/json", "--test-value",
               "petId=7");
  assert_done (added_post, "method", "add", fixture->path, "Pet Store", "Add pet", "--verb",
               "post", "--url", "/pets", "--body-file", fixture->body_path, "--content-type",
               "application/json", "--description", "Adds a pet");
}

static RcTestRequest *
last_request (Fixture *fixture)
{
  g_assert_cmpuint (fixture->server->requests->len, >, 0);

  return g_ptr_array_index (fixture->server->requests, fixture->server->requests->len - 1);
}

/* A project built from nothing by commands works: show lists it, run
 * sends what was given. */
static void
test_build_and_run (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RcProject) project = NULL;
  g_auto(RcTestRun) show = { 0 };
  g_auto(RcTestRun) get = { 0 };
  g_auto(RcTestRun) post = { 0 };
  RcTestRequest *request;
  RcMethod *method;
  RcApi *api;

  build_project (fixture);

  project = rc_test_load_project (fixture->path);
  g_assert_cmpuint (rc_project_get_n_apis (project), ==, 1);
  api = rc_project_get_api (project, 0);
  g_assert_cmpuint (rc_api_get_n_methods (api), ==, 2);
  method = rc_api_find_method (api, "Add pet");
  g_assert_cmpstr (rc_method_get_verb (method), ==, "POST");
  g_assert_cmpstr (rc_method_get_body (method), ==, PET_JSON);
  g_assert_cmpstr (rc_method_get_description (method), ==, "Adds a pet");

  rc_test_run_restcall (&show, NULL, NULL, "show", fixture->path);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Pet Store\n"));
  g_assert_nonnull (strstr (show.out, "  GET     Get pet  /pets/{petId}\n"));
  g_assert_nonnull (strstr (show.out, "  POST    Add pet  /pets\n"));

  rc_test_run_restcall (&get, NULL, NULL, "run", fixture->path, "Pet Store", "Get pet");
  g_assert_cmpint (get.status, ==, 0);
  request = last_request (fixture);
  g_assert_cmpstr (request->method, ==, "GET");
  g_assert_cmpstr (request->path, ==, "/api/pets/7");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "X-Api-Version"), ==, "2");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Accept"), ==,
                   "application/json");

  rc_test_run_restcall (&post, NULL, NULL, "run", fixture->path, "Pet Store", "Add pet");
  g_assert_cmpint (post.status, ==, 0);
  request = last_request (fixture);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (request->path, ==, "/api/pets");
  g_assert_cmpstr (soup_message_headers_get_content_type (request->headers, NULL), ==,
                   "application/json");
  g_assert_cmpmem (g_bytes_get_data (request->body, NULL), g_bytes_get_size (request->body),
                   PET_JSON, strlen (PET_JSON));
}

/* --json prints the API or method as the file holds it. */
static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(RcTestRun) api = { 0 };
  g_auto(RcTestRun) method = { 0 };
  g_auto(RcTestRun) removed = { 0 };
  g_autoptr(JsonNode) api_printed = NULL;
  g_autoptr(JsonNode) api_saved = NULL;
  g_autoptr(JsonNode) method_printed = NULL;
  g_autoptr(JsonNode) method_saved = NULL;
  g_autoptr(JsonNode) removed_printed = NULL;

  build_project (fixture);

  rc_test_run_restcall (&api, NULL, NULL, "api", "set", fixture->path, "Pet Store",
                        "--description", "Pets for sale", "--json");
  g_assert_cmpint (api.status, ==, 0);
  g_assert_cmpstr (api.err, ==, "");
  api_printed = parse_json (api.out);
  api_saved = find_in_file (fixture->path, "Pet Store", NULL);
  g_assert_true (json_node_equal (api_printed, api_saved));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (api_printed),
                                                  "description"), ==, "Pets for sale");
  /* Written as the file is: its member order, its indentation. */
  g_assert_true (g_str_has_prefix (api.out, "{\n  \"id\" : \""));

  rc_test_run_restcall (&method, NULL, NULL, "method", "set", fixture->path, "Pet Store",
                        "Get pet", "--test-value", "petId=8", "--json");
  g_assert_cmpint (method.status, ==, 0);
  method_printed = parse_json (method.out);
  method_saved = find_in_file (fixture->path, "Pet Store", "Get pet");
  g_assert_true (json_node_equal (method_printed, method_saved));
  g_assert_true (json_object_has_member (json_node_get_object (method_printed), "test_values"));

  /* What was removed, as the file held it. */
  rc_test_run_restcall (&removed, NULL, NULL, "method", "remove", fixture->path, "Pet Store",
                        "Get pet", "--json");
  g_assert_cmpint (removed.status, ==, 0);
  removed_printed = parse_json (removed.out);
  g_assert_true (json_node_equal (removed_printed, method_saved));
}

static void
test_set_rename_remove (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RcProject) project = NULL;
  g_autofree char *renamed_api = g_strdup_printf (
    "Renamed the API “Pet Store” to “Pets” in %s.\n", fixture->path);
  g_autofree char *renamed_method = g_strdup_printf (
    "Renamed the method “Get pet” of the API “Pets” to “Fetch pet” in %s.\n", fixture->path);
  g_autofree char *changed = g_strdup_printf (
    "Changed the method “Add pet” of the API “Pets” in %s.\n", fixture->path);
  g_autofree char *removed = g_strdup_printf (
    "Removed the method “Add pet” from the API “Pets” in %s.\n", fixture->path);
  RcMethod *method;
  RcApi *api;

  build_project (fixture);

  assert_done (renamed_api, "api", "set", fixture->path, "Pet Store", "--rename", "Pets",
               "--remove-header", "x-api-version", "--header", "Accept-Language: fr");
  assert_done (renamed_method, "method", "set", fixture->path, "Pets", "Get pet", "--rename",
               "Fetch pet", "--verb", "DELETE", "--url", "/pets/{id}", "--test-value", "id=3",
               "--remove-header", "Accept", "--header", "X-Trace: on");
  assert_done (changed, "method", "set", fixture->path, "Pets", "Add pet", "--body",
               "{\"name\": \"Tom\"}", "--header", "X-Trace: on");
  /* A header of the same name is replaced, not repeated. */
  assert_done ("", "method", "set", "-q", fixture->path, "Pets", "Add pet", "--header",
               "x-trace: off");

  project = rc_test_load_project (fixture->path);
  api = rc_project_find_api (project, "Pets");
  g_assert_nonnull (api);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rc_api_get_headers (api))), ==, 1);
  g_assert_cmpstr (rc_pair_list_lookup (rc_api_get_headers (api), "Accept-Language"), ==, "fr");
  method = rc_api_find_method (api, "Fetch pet");
  g_assert_nonnull (method);
  g_assert_cmpstr (rc_method_get_verb (method), ==, "DELETE");
  g_assert_cmpstr (rc_method_get_url (method), ==, "/pets/{id}");
  g_assert_cmpstr (rc_pair_list_lookup (rc_method_get_test_values (method), "id"), ==, "3");
  g_assert_null (rc_pair_list_lookup (rc_method_get_headers (method), "Accept"));
  g_assert_cmpstr (rc_pair_list_lookup (rc_method_get_headers (method), "X-Trace"), ==, "on");
  method = rc_api_find_method (api, "Add pet");
  g_assert_cmpstr (rc_method_get_body (method), ==, "{\"name\": \"Tom\"}");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rc_method_get_headers (method))), ==,
                    1);
  g_assert_cmpstr (rc_pair_list_lookup (rc_method_get_headers (method), "X-Trace"), ==, "off");

  assert_done (removed, "method", "remove", fixture->path, "Pets", "Add pet");
  g_clear_object (&project);
  project = rc_test_load_project (fixture->path);
  api = rc_project_find_api (project, "Pets");
  g_assert_cmpuint (rc_api_get_n_methods (api), ==, 1);
  g_assert_null (rc_api_find_method (api, "Add pet"));
}

static void
test_name_clash (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *base_url = rc_test_server_url (fixture->server, "/other");

  build_project (fixture);
  assert_done ("", "api", "add", "-q", fixture->path, "Other", "--base-url", base_url);

  assert_refused (fixture, 3, NULL, "", "api", "add", fixture->path, "Pet Store");
  {
    g_auto(RcTestRun) run = { 0 };
    g_autofree char *message = g_strdup_printf (
      "restcall: %s already has an API named “Pet Store”. Choose another name, or change that "
      "one with “restcall api set %s 'Pet Store'”.\n", fixture->path, fixture->path);

    rc_test_run_restcall (&run, NULL, NULL, "api", "add", fixture->path, "Pet Store");
    g_assert_cmpstr (run.err, ==, message);
  }
  assert_refused (fixture, 3, NULL, "The project already has an API named “Other”.", "api", "set",
                  fixture->path, "Pet Store", "--rename", "Other");
  assert_refused (fixture, 3, NULL, "The API “Pet Store” already has a method named “Get pet”.",
                  "method", "add", fixture->path, "Pet Store", "Get pet", "--url", "/x");
  assert_refused (fixture, 3, NULL, "The API “Pet Store” already has a method named “Add pet”.",
                  "method", "set", fixture->path, "Pet Store", "Get pet", "--rename", "Add pet");
  assert_refused (fixture, 2, NULL, "--rename needs a name that is not blank.", "method", "set",
                  fixture->path, "Pet Store", "Get pet", "--rename", "  ");
  assert_refused (fixture, 3, NULL, "The project", "method", "add", fixture->path, "Pets",
                  "Get pet", "--url", "/x");

  /* Another API may have a method of the same name. */
  assert_done ("", "method", "add", "-q", fixture->path, "Other", "Get pet", "--url", "/x");
}

static void
test_bad_url (Fixture       *fixture,
              gconstpointer  data)
{
  build_project (fixture);

  assert_refused (fixture, 2, NULL,
                  "The URL has a “{” that is never closed, at “{petId”. Close the parameter "
                  "with “}”",
                  "method", "add", fixture->path, "Pet Store", "Bad", "--url", "/pets/{petId");
  assert_refused (fixture, 2, NULL, "The URL has an empty parameter “{}”.", "method", "set",
                  fixture->path, "Pet Store", "Get pet", "--url", "/pets/{}");
  assert_refused (fixture, 2, NULL, "--base-url needs an http:// or https:// URL", "api", "set",
                  fixture->path, "Pet Store", "--base-url", "ftp://example.com");
  assert_refused (fixture, 2, NULL, "The URL has a “}” that closes no parameter", "api", "set",
                  fixture->path, "Pet Store", "--base-url", "https://example.com/}");
  /* Without a base URL, the methods' paths would lead nowhere. */
  assert_refused (fixture, 3, NULL, "With this base URL, the method “Get pet” would not work:",
                  "api", "set", fixture->path, "Pet Store", "--base-url", "");
  assert_refused (fixture, 2, NULL, "A new method needs --url URL", "method", "add",
                  fixture->path, "Pet Store", "New");
  assert_refused (fixture, 2, NULL, "Unknown verb “FETCH”", "method", "set", fixture->path,
                  "Pet Store", "Get pet", "--verb", "FETCH");
  assert_refused (fixture, 2, NULL, "The method “Get pet” has no URL parameter “id”. Its "
                  "parameters: petId.", "method", "set", fixture->path, "Pet Store", "Get pet",
                  "--test-value", "id=3");
  assert_refused (fixture, 2, NULL, "Give the body once", "method", "set", fixture->path,
                  "Pet Store", "Add pet", "--body", "x", "--body-file", fixture->body_path);
}

static void
test_bad_header (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(RcTestRun) run = { 0 };

  build_project (fixture);

  rc_test_run_restcall (&run, NULL, NULL, "api", "set", fixture->path, "Pet Store", "--header",
                        "X-Colonless");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==,
                   "restcall: --header “X-Colonless” is not “Name: value”.\n"
                   "Try “restcall api set --help” for more information.\n");

  assert_refused (fixture, 2, NULL, "--header “X-Colonless” is not “Name: value”.", "method",
                  "add", fixture->path, "Pet Store", "New", "--url", "/new", "--header",
                  "X-Colonless");
  assert_refused (fixture, 2, NULL, "--header “Bad Name: 1” is not “Name: value”.", "api", "set",
                  fixture->path, "Pet Store", "--header", "Bad Name: 1");
  /* Removing one that is not there is a mistake worth a word. */
  assert_refused (fixture, 3, NULL, "There is no header “Accept” in the API “Pet Store”. Its "
                  "headers: “X-Api-Version”.", "api", "set", fixture->path, "Pet Store",
                  "--remove-header", "Accept");
}

static void
test_missing_project (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *message = g_strdup_printf (
    "There is no project file “%s”. Make one with “restcall api add %s NAME --base-url URL”.\n",
    fixture->path, fixture->path);

  assert_refused (fixture, 3, NULL, "", "method", "add", fixture->path, "Pet Store", "Get pet",
                  "--url", "https://example.com/");
  {
    g_auto(RcTestRun) run = { 0 };

    rc_test_run_restcall (&run, NULL, NULL, "api", "set", fixture->path, "Pet Store",
                          "--description", "x");
    g_assert_cmpint (run.status, ==, 3);
    g_assert_true (g_str_has_prefix (run.err, "restcall: "));
    g_assert_cmpstr (run.err + strlen ("restcall: "), ==, message);
    g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  }
  assert_refused (fixture, 3, NULL, "There is no project file", "api", "remove", fixture->path,
                  "Pet Store");
  assert_refused (fixture, 3, NULL, "There is no project file", "method", "remove",
                  fixture->path, "Pet Store", "Get pet");
  /* A new project is only made with an API that is fine. */
  assert_refused (fixture, 2, NULL, "--base-url needs", "api", "add", fixture->path, "Pet Store",
                  "--base-url", "example.com");
  assert_refused (fixture, 2, NULL, "Give a name that is not blank.", "api", "add",
                  fixture->path, "");
}

/* An API with methods goes only with --force, and says how many would. */
static void
test_remove_force (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RcProject) project = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *removed_empty = NULL;

  build_project (fixture);

  assert_refused (fixture, 3, NULL,
                  "The API “Pet Store” has 2 methods, which would be removed with it. Add "
                  "--force to remove the API and its methods.",
                  "api", "remove", fixture->path, "Pet Store");

  removed = g_strdup_printf ("Removed the API “Pet Store” and its 2 methods from %s.\n",
                             fixture->path);
  assert_done (removed, "api", "remove", fixture->path, "Pet Store", "--force");
  project = rc_test_load_project (fixture->path);
  g_assert_cmpuint (rc_project_get_n_apis (project), ==, 0);

  /* One without methods needs no --force. */
  assert_done ("", "api", "add", "-q", fixture->path, "Empty");
  removed_empty = g_strdup_printf ("Removed the API “Empty” from %s.\n", fixture->path);
  assert_done (removed_empty, "api", "remove", fixture->path, "Empty");
}

/* Stores a Basic password for the API, or for a method of its own, with
 * `restcall auth`. */
static void
store_password (Fixture    *fixture,
                const char *method,
                const char *user)
{
  g_auto(RcTestRun) run = { 0 };

  if (method)
    rc_test_run_restcall (&run, "pw\n", NULL, "auth", fixture->path, "Pet Store", method,
                          "--type", "basic", "--user", user, "--secret-stdin");
  else
    rc_test_run_restcall (&run, "pw\n", NULL, "auth", fixture->path, "Pet Store", "--type",
                          "basic", "--user", user, "--secret-stdin");
  if (run.status != 0)
    g_error ("restcall auth failed: %s", run.err);
}

/* Removed, an API or a method leaves no secret behind in the keyring, as
 * when the window deletes it. */
static void
test_remove_secrets (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RcProject) project = NULL;
  g_autofree char *api_id = NULL;
  g_autofree char *get_id = NULL;
  g_autofree char *add_id = NULL;
  g_autofree char *removed_method = NULL;
  g_autofree char *removed_api = NULL;
  const char *project_id;

  build_project (fixture);
  store_password (fixture, NULL, "alice");
  store_password (fixture, "Get pet", "bob");
  store_password (fixture, "Add pet", "carol");

  project = rc_test_load_project (fixture->path);
  project_id = rc_project_get_id (project);
  api_id = g_strdup (rc_api_get_id (rc_project_get_api (project, 0)));
  get_id = g_strdup (rc_method_get_id (rc_api_find_method (rc_project_get_api (project, 0),
                                                           "Get pet")));
  add_id = g_strdup (rc_method_get_id (rc_api_find_method (rc_project_get_api (project, 0),
                                                           "Add pet")));
  g_assert_cmpuint (rc_test_keyring_count (project_id, api_id), ==, 1);
  g_assert_cmpuint (rc_test_keyring_count (project_id, get_id), ==, 1);
  g_assert_cmpuint (rc_test_keyring_count (project_id, add_id), ==, 1);

  removed_method = g_strdup_printf ("Removed the method “Get pet” from the API “Pet Store” in %s. "
                                    "Its stored secrets were removed from the keyring.\n",
                                    fixture->path);
  assert_done (removed_method, "method", "remove", fixture->path, "Pet Store", "Get pet");
  g_assert_cmpuint (rc_test_keyring_count (project_id, get_id), ==, 0);
  g_assert_cmpuint (rc_test_keyring_count (project_id, api_id), ==, 1);
  g_assert_cmpuint (rc_test_keyring_count (project_id, add_id), ==, 1);

  removed_api = g_strdup_printf ("Removed the API “Pet Store” and its 1 method from %s. Its "
                                 "stored secrets were removed from the keyring.\n",
                                 fixture->path);
  assert_done (removed_api, "api", "remove", fixture->path, "Pet Store", "--force");
  g_assert_cmpuint (rc_test_keyring_count (project_id, NULL), ==, 0);
}

/* Without a keyring, what has secrets is removed from the file all the
 * same, and the command says they were left and fails; what has none is
 * removed without asking the keyring. */
static void
test_remove_no_keyring (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const no_keyring[] = { NO_KEYRING, NULL };
  g_autoptr(RcProject) project = NULL;
  g_autofree char *api_id = NULL;
  g_autofree char *removed = NULL;
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) plain = { 0 };
  g_autofree char *project_id = NULL;

  build_project (fixture);
  store_password (fixture, NULL, "alice");
  project = rc_test_load_project (fixture->path);
  project_id = g_strdup (rc_project_get_id (project));
  api_id = g_strdup (rc_api_get_id (rc_project_get_api (project, 0)));
  g_clear_object (&project);

  /* Get pet inherits the API's authentication: no secret of its own. */
  rc_test_run_restcall (&plain, NULL, no_keyring, "method", "remove", fixture->path,
                        "Pet Store", "Get pet");
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpstr (plain.err, ==, "");

  rc_test_run_restcall (&run, NULL, no_keyring, "api", "remove", fixture->path, "Pet Store",
                        "--force");
  g_assert_cmpint (run.status, ==, 4);
  removed = g_strdup_printf ("Removed the API “Pet Store” and its 1 method from %s.\n",
                             fixture->path);
  g_assert_cmpstr (run.out, ==, removed);
  g_assert_true (g_str_has_prefix (run.err, "restcall: Removed the API “Pet Store” from "));
  g_assert_nonnull (strstr (run.err, "no keyring could be used, so its stored secrets were left "
                                     "in it"));

  project = rc_test_load_project (fixture->path);
  g_assert_cmpuint (rc_project_get_n_apis (project), ==, 0);
  g_assert_cmpuint (rc_test_keyring_count (project_id, api_id), ==, 1);
}

/* Each action's help: usage, options, examples with quoted names, the
 * exit statuses. */
static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const commands[][2] = {
    { "api", "add" }, { "api", "set" }, { "api", "remove" },
    { "method", "add" }, { "method", "set" }, { "method", "remove" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(RcTestRun) run = { 0 };
      g_autofree char *usage = g_strdup_printf ("restcall %s %s [OPTION…] PROJECT ",
                                                commands[i][0], commands[i][1]);
      g_autofree char *example = g_strdup_printf ("  restcall %s %s pets.restcall 'Pet Store'",
                                                  commands[i][0], commands[i][1]);

      rc_test_run_restcall (&run, NULL, NULL, commands[i][0], commands[i][1], "--help");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, usage));
      g_assert_nonnull (strstr (run.out, "\nExamples:\n"));
      g_assert_nonnull (strstr (run.out, example));
      g_assert_nonnull (strstr (run.out, "--json"));
      g_assert_nonnull (strstr (run.out, "\n   0  none           success"));
    }

  {
    g_auto(RcTestRun) run = { 0 };

    rc_test_run_restcall (&run, NULL, NULL, "api", "--help");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "restcall api remove [OPTION…] PROJECT NAME\n"));
  }
  {
    g_auto(RcTestRun) run = { 0 };

    rc_test_run_restcall (&run, NULL, NULL, "method", "rename", fixture->path);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.err, ==,
                     "restcall: Unknown action “rename”: use add, set or remove.\n"
                     "Try “restcall method --help” for more information.\n");
  }
  {
    g_auto(RcTestRun) run = { 0 };

    /* Secrets are never arguments. */
    rc_test_run_restcall (&run, NULL, NULL, "api", "add", fixture->path, "Pet Store",
                          "--password", "x");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "restcall auth"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rc_test_keyring_require_session ();

#define ADD(path, func) \
  g_test_add ("/restcall/cli-edit/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("build-and-run", test_build_and_run);
  ADD ("json", test_json);
  ADD ("set-rename-remove", test_set_rename_remove);
  ADD ("name-clash", test_name_clash);
  ADD ("bad-url", test_bad_url);
  ADD ("bad-header", test_bad_header);
  ADD ("missing-project", test_missing_project);
  ADD ("remove-force", test_remove_force);
  ADD ("remove-secrets", test_remove_secrets);
  ADD ("remove-no-keyring", test_remove_no_keyring);
  ADD ("help", test_help);

#undef ADD

  return g_test_run ();
}
