/* test-history.c: the calls kept in the user's state folder, masked and capped
 *
 * Each test keeps its history in a folder of its own (rc_history_new()),
 * against a scripted SoupServer on 127.0.0.1 that is both the
 * authorization server (/token…) and the API (/api/…). Real calls are
 * recorded, listed newest first, read back and cleared; the caps are set
 * small; damaged files are skipped. The masking canary makes calls with
 * every kind of credential (and an environment's secret variable) and
 * looks for each, whole, in the bytes of every file the history wrote:
 * the API echoes its request back, and the authorization server quotes
 * the secret it refuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "restcall-core.h"
#include "rc-test-cli.h"
#include "rc-test-server.h"

#define CLIENT_ID "history-client"
/* Canaries; each begins differently, so that a first few characters
 * left unmasked are found too. */
#define CLIENT_SECRET "Kx7basic-CANARY-client-secret"
#define POST_SECRET "Qz9post-CANARY-client-secret"
#define JWT_SECRET "Wv4jwt-CANARY-client-secret-long-enough-for-hs256"
#define BASIC_USER "alice"
#define BASIC_PASSWORD "Pq2pass-CANARY-password"
#define BODY_PASSWORD "Bd5body-CANARY-password"
#define API_KEY "Ak8key-CANARY-secret-variable"
#define ACCESS_TOKEN "CANARYTOKEN-0123456789abcdefghijklmnop"
#define PROJECT_ID "5a4a1f9e-history-test"

typedef struct
{
  RcTestServer *server;
  char         *dir;
  RcHistory    *history;
  RcExecutor   *executor;
  RcApi        *api;
  RcMethod     *method;
} Fixture;

/* The API echoes the request's Authorization header, as httpbin does;
 * /api/big and /api/binary answer with what they say. */
static void
server_handler (RcTestServer      *server,
                SoupServerMessage *message,
                const char        *path,
                gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  SoupMessageBody *request_body = soup_server_message_get_request_body (message);
  g_autoptr(GBytes) body = soup_message_body_flatten (request_body);
  g_autofree char *form = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  if (g_str_equal (path, "/token"))
    rc_test_respond_token (message, CLIENT_ID, CLIENT_SECRET, ACCESS_TOKEN);
  else if (g_str_equal (path, "/token-post"))
    {
      g_autoptr(GHashTable) fields = soup_form_decode (form);
      g_autofree char *refusal = g_strdup_printf (
        "{\"error\": \"invalid_client\", \"error_description\": \"secret %s is wrong\"}",
        (char *)g_hash_table_lookup (fields, "client_secret"));

      rc_test_respond (message, 401, "application/json", refusal);
    }
  else if (g_str_equal (path, "/token-jwt"))
    {
      g_autofree char *echo = g_strdup_printf ("{\"access_token\": \"%s\", \"token_type\": "
                                               "\"bearer\", \"expires_in\": 60, \"echo\": \"%s\"}",
                                               ACCESS_TOKEN, form);

      rc_test_respond (message, 200, "application/json", echo);
    }
  else if (g_str_equal (path, "/api/big"))
    {
      g_autofree char *big = g_strnfill (5000, 'x');

      rc_test_respond (message, 200, "text/plain", big);
    }
  else if (g_str_equal (path, "/api/binary"))
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/octet-stream", SOUP_MEMORY_STATIC,
                                        "\x89PNG\x00\xff", 6);
    }
  else
    {
      g_autofree char *echo = g_strdup_printf ("{\"headers\": {\"Authorization\": \"%s\"}}",
                                               authorization ? authorization : "");

      rc_test_respond (message, 200, "application/json", echo);
    }
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *folder = NULL;
  g_autofree char *url = NULL;

  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = server_handler;
  fixture->server->handler_data = fixture;
  fixture->dir = rc_test_make_dir ("restcall-history-XXXXXX");
  folder = g_build_filename (fixture->dir, "history", NULL);
  fixture->history = rc_history_new (folder);
  fixture->executor = rc_executor_new ();

  fixture->api = rc_api_new ("Pets");
  fixture->method = rc_method_new ("list");
  url = rc_test_server_url (fixture->server, "/api/pets");
  rc_method_set_url (fixture->method, url);
  rc_api_add_method (fixture->api, fixture->method);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->method);
  g_clear_object (&fixture->api);
  g_clear_object (&fixture->executor);
  /* Everything, so that the folder is empty but for files of its own. */
  g_assert_true (rc_history_clear (fixture->history, NULL, NULL, NULL, NULL));
  g_clear_object (&fixture->history);
  rc_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->server, rc_test_server_free);
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  RcExchange **exchange = user_data;

  *exchange = rc_executor_call_finish (RC_EXECUTOR (object), result);
}

static gboolean
is_set_cb (gpointer data)
{
  return *(gpointer *)data != NULL;
}

static RcExchange *
call (Fixture    *fixture,
      RcMethod   *method,
      const char *secret)
{
  RcExchange *exchange = NULL;

  rc_executor_call_async (fixture->executor, method, NULL, secret, NULL, call_done_cb, &exchange);
  g_assert_true (rc_test_wait_until (is_set_cb, &exchange, 30));

  return exchange;
}

/* Calls @method and keeps the call; returns the entry's id. */
static char *
call_and_add (Fixture    *fixture,
              RcMethod   *method,
              const char *secret)
{
  g_autoptr(RcExchange) exchange = call (fixture, method, secret);
  g_autoptr(GError) error = NULL;
  char *id = rc_history_add (fixture->history, PROJECT_ID, rc_method_get_api (method), method,
                             NULL, NULL, exchange, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);

  return id;
}

/* An entry of a call that was never sent, without the network: its
 * size is the same from one to the next, but for its time's digits. */
static char *
add_unsent (Fixture    *fixture,
            const char *project_id,
            RcMethod   *method)
{
  g_autoptr(RcExchange) exchange = rc_exchange_new ();
  g_autoptr(GError) failure = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "not sent");
  g_autoptr(GError) error = NULL;
  char *id;

  rc_exchange_set_error (exchange, failure);
  id = rc_history_add (fixture->history, project_id, rc_method_get_api (method), method, NULL,
                       NULL, exchange, &error);
  g_assert_no_error (error);

  return id;
}

static GPtrArray *
list (Fixture    *fixture,
      const char *project_id,
      RcMethod   *method,
      guint       limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = rc_history_list (fixture->history, project_id,
                                        rc_api_get_id (rc_method_get_api (method)),
                                        rc_method_get_id (method), limit, &error);

  g_assert_no_error (error);

  return entries;
}

static const char *
entry_id (GPtrArray *entries,
          guint      index)
{
  return json_object_get_string_member (json_node_get_object (g_ptr_array_index (entries, index)),
                                        "id");
}

/* Every file below @folder, appended to @all; returns how many. */
static guint
read_tree (const char *folder,
           GString    *all)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint count = 0;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        count += read_tree (path, all);
      else
        {
          g_autofree char *data = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (path, &data, &length, NULL));
          g_string_append_len (all, data, length);
          count++;
        }
    }

  return count;
}

static char *
dup_method_folder (Fixture    *fixture,
                   const char *project_id,
                   RcMethod   *method)
{
  return g_build_filename (rc_history_get_directory (fixture->history), project_id,
                           rc_api_get_id (rc_method_get_api (method)), rc_method_get_id (method),
                           NULL);
}

/* A call is kept in its method's folder, private, one line of JSON with
 * the members the history promises, and read back as it was listed. */
static void
test_add_list_read (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = call_and_add (fixture, fixture->method, NULL);
  g_autofree char *folder = dup_method_folder (fixture, PROJECT_ID, fixture->method);
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *text = rc_test_read_file (path);
  g_autoptr(GPtrArray) entries = list (fixture, PROJECT_ID, fixture->method, 0);
  g_autoptr(JsonNode) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = NULL;
  JsonObject *entry, *request;
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (rc_history_get_directory (fixture->history), &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);

  /* One line, its newline last. */
  g_assert_true (g_str_has_suffix (text, "}\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);

  g_assert_cmpuint (entries->len, ==, 1);
  entry = json_node_get_object (g_ptr_array_index (entries, 0));
  g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==, id);
  time = g_date_time_new_from_iso8601 (json_object_get_string_member (entry, "time"), NULL);
  g_assert_nonnull (time);
  g_assert_true (json_object_get_null_member (entry, "environment"));
  g_assert_cmpstr (json_object_get_string_member (entry, "api"), ==, "Pets");
  g_assert_cmpstr (json_object_get_string_member (entry, "method_name"), ==, "list");
  g_assert_cmpstr (json_object_get_string_member (entry, "method"), ==, "GET");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (entry, "url"), "/api/pets"));
  g_assert_cmpint (json_object_get_int_member (entry, "status"), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (entry, "reason"), ==, "OK");
  g_assert_cmpstr (json_object_get_string_member (entry, "body_encoding"), ==, "text");
  g_assert_false (json_object_get_boolean_member (entry, "body_truncated"));
  g_assert_true (json_object_has_member (entry, "timings"));
  g_assert_true (json_object_get_null_member (entry, "token"));
  g_assert_true (json_object_get_null_member (entry, "error"));
  request = json_object_get_object_member (entry, "request");
  g_assert_true (json_object_has_member (request, "headers"));
  g_assert_cmpint (json_object_get_int_member (request, "body_size"), ==, 0);

  read = rc_history_read (fixture->history, PROJECT_ID, rc_api_get_id (fixture->api),
                          rc_method_get_id (fixture->method), id, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (read, g_ptr_array_index (entries, 0)));
}

/* Newest first, as many as asked; an id that names no entry is refused,
 * one that names none any longer is not found. */
static void
test_newest_first (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *first = add_unsent (fixture, PROJECT_ID, fixture->method);
  g_autofree char *second = add_unsent (fixture, PROJECT_ID, fixture->method);
  g_autofree char *third = add_unsent (fixture, PROJECT_ID, fixture->method);
  g_autoptr(GPtrArray) all = list (fixture, PROJECT_ID, fixture->method, 0);
  g_autoptr(GPtrArray) two = list (fixture, PROJECT_ID, fixture->method, 2);
  g_autoptr(GPtrArray) none = list (fixture, "another-project", fixture->method, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *entry;

  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (entry_id (all, 0), ==, third);
  g_assert_cmpstr (entry_id (all, 1), ==, second);
  g_assert_cmpstr (entry_id (all, 2), ==, first);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpstr (entry_id (two, 1), ==, second);
  g_assert_cmpuint (none->len, ==, 0);

  /* A call never sent says where it was to go, and why it was not. */
  entry = json_node_get_object (g_ptr_array_index (all, 0));
  g_assert_true (json_object_get_null_member (entry, "status"));
  g_assert_true (json_object_get_null_member (entry, "request"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "error"),
                                                  "message"), ==, "not sent");

  node = rc_history_read (fixture->history, PROJECT_ID, rc_api_get_id (fixture->api),
                          rc_method_get_id (fixture->method), "../../etc/passwd", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (node);
  g_clear_error (&error);
  node = rc_history_read (fixture->history, PROJECT_ID, rc_api_get_id (fixture->api),
                          rc_method_get_id (fixture->method), "20000101T000000.000000Z-00000000",
                          &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (node);
}

/* A method keeps its newest entries, as many as the cap: the oldest go. */
static void
test_method_cap (Fixture       *fixture,
                 gconstpointer  data)
{
  RcHistoryLimits limits;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(RcMethod) other = rc_method_new ("other");
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *folder = dup_method_folder (fixture, PROJECT_ID, fixture->method);
  g_autoptr(GString) all = g_string_new (NULL);

  rc_api_add_method (fixture->api, other);
  rc_history_get_limits (fixture->history, &limits);
  g_assert_cmpuint (limits.max_entries, ==, 100);
  g_assert_cmpuint (limits.max_total_size, ==, 200 * 1000 * 1000);
  g_assert_cmpuint (limits.max_body_size, ==, 256 * 1024);
  limits.max_entries = 3;
  rc_history_set_limits (fixture->history, &limits);

  g_free (add_unsent (fixture, PROJECT_ID, other));
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (ids, add_unsent (fixture, PROJECT_ID, fixture->method));

  entries = list (fixture, PROJECT_ID, fixture->method, 0);
  g_assert_cmpuint (entries->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (entry_id (entries, i), ==, g_ptr_array_index (ids, 4 - i));
  g_assert_cmpuint (read_tree (folder, all), ==, 3);

  /* Another method's entries are its own. */
  others = list (fixture, PROJECT_ID, other, 0);
  g_assert_cmpuint (others->len, ==, 1);
}

static goffset
file_size (Fixture    *fixture,
           const char *project_id,
           const char *id)
{
  g_autofree char *folder = dup_method_folder (fixture, project_id, fixture->method);
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);

  return info.st_size;
}

/* Every entry of every project within the total: the oldest anywhere go. */
static void
test_total_cap (Fixture       *fixture,
                gconstpointer  data)
{
  RcHistoryLimits limits;
  g_autofree char *a1 = add_unsent (fixture, "project-a", fixture->method);
  goffset size = file_size (fixture, "project-a", a1);
  g_autofree char *b1 = NULL;
  g_autofree char *a2 = NULL;
  g_autofree char *b2 = NULL;
  g_autofree char *a3 = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  /* Room for three entries, give or take the digits of their times. */
  rc_history_get_limits (fixture->history, &limits);
  limits.max_total_size = 3 * size + 16;
  rc_history_set_limits (fixture->history, &limits);

  b1 = add_unsent (fixture, "project-b", fixture->method);
  a2 = add_unsent (fixture, "project-a", fixture->method);
  b2 = add_unsent (fixture, "project-b", fixture->method);
  a3 = add_unsent (fixture, "project-a", fixture->method);

  a = list (fixture, "project-a", fixture->method, 0);
  b = list (fixture, "project-b", fixture->method, 0);
  g_assert_cmpuint (a->len, ==, 2);
  g_assert_cmpstr (entry_id (a, 0), ==, a3);
  g_assert_cmpstr (entry_id (a, 1), ==, a2);
  g_assert_cmpuint (b->len, ==, 1);
  g_assert_cmpstr (entry_id (b, 0), ==, b2);
  g_assert_cmpuint (read_tree (rc_history_get_directory (fixture->history), all), ==, 3);
  g_assert_cmpuint (all->len, <=, limits.max_total_size);
}

/* A body over the cap is cut, its whole size kept; a binary one is kept
 * in base64. */
static void
test_body_cap (Fixture       *fixture,
               gconstpointer  data)
{
  RcHistoryLimits limits;
  g_autoptr(RcMethod) binary = rc_method_new ("binary");
  g_autofree char *big_url = rc_test_server_url (fixture->server, "/api/big");
  g_autofree char *binary_url = rc_test_server_url (fixture->server, "/api/binary");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) binaries = NULL;
  g_autofree char *big_id = NULL;
  g_autofree char *binary_id = NULL;
  JsonObject *entry;

  rc_history_get_limits (fixture->history, &limits);
  limits.max_body_size = 1000;
  rc_history_set_limits (fixture->history, &limits);
  rc_method_set_url (fixture->method, big_url);
  rc_method_set_url (binary, binary_url);
  rc_api_add_method (fixture->api, binary);

  big_id = call_and_add (fixture, fixture->method, NULL);
  binary_id = call_and_add (fixture, binary, NULL);

  entries = list (fixture, PROJECT_ID, fixture->method, 0);
  entry = json_node_get_object (g_ptr_array_index (entries, 0));
  g_assert_cmpuint (strlen (json_object_get_string_member (entry, "body")), ==, 1000);
  g_assert_cmpint (json_object_get_int_member (entry, "body_size"), ==, 5000);
  g_assert_true (json_object_get_boolean_member (entry, "body_truncated"));

  binaries = list (fixture, PROJECT_ID, binary, 0);
  entry = json_node_get_object (g_ptr_array_index (binaries, 0));
  g_assert_cmpstr (json_object_get_string_member (entry, "body_encoding"), ==, "base64");
  g_assert_cmpstr (json_object_get_string_member (entry, "body"), ==, "iVBORwD/");
  g_assert_cmpint (json_object_get_int_member (entry, "body_size"), ==, 6);
  g_assert_false (json_object_get_boolean_member (entry, "body_truncated"));
}

static void
write_file (const char *folder,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Half an entry (a crash, a full disk), garbage and a file that is no
 * entry are skipped; reading the damaged one says so. */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *good = add_unsent (fixture, PROJECT_ID, fixture->method);
  g_autofree char *folder = dup_method_folder (fixture, PROJECT_ID, fixture->method);
  g_autofree char *name = g_strconcat (good, ".json", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *text = rc_test_read_file (path);
  g_autofree char *half = g_strndup (text, strlen (text) / 2);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  write_file (folder, "29990101T000000.000000Z-0000000a.json", half);
  write_file (folder, "29990101T000000.000000Z-0000000b.json", "[1, 2]\n");
  write_file (folder, "29990101T000000.000000Z-0000000c.json", "\xff\xfe not text");
  write_file (folder, "29990101T000000.000000Z-0000000d.json", "");
  write_file (folder, "notes.txt", "{}");
  write_file (folder, "29990101T000000.000000Z-0000000e.json.X1Y2Z3", text);

  entries = list (fixture, PROJECT_ID, fixture->method, 0);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (entry_id (entries, 0), ==, good);

  node = rc_history_read (fixture->history, PROJECT_ID, rc_api_get_id (fixture->api),
                          rc_method_get_id (fixture->method), "29990101T000000.000000Z-0000000a",
                          &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (node);
}

static guint
count (Fixture    *fixture,
       const char *project_id,
       RcMethod   *method)
{
  g_autoptr(GPtrArray) entries = list (fixture, project_id, method, 0);

  return entries->len;
}

/* A method's entries, an API's, a project's, everything. */
static void
test_clear (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RcMethod) sibling = rc_method_new ("sibling");
  g_autoptr(RcApi) other_api = rc_api_new ("Stores");
  g_autoptr(RcMethod) stores = rc_method_new ("stores");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  rc_api_add_method (fixture->api, sibling);
  rc_api_add_method (other_api, stores);
  g_free (add_unsent (fixture, "p1", fixture->method));
  g_free (add_unsent (fixture, "p1", sibling));
  g_free (add_unsent (fixture, "p1", stores));
  g_free (add_unsent (fixture, "p2", fixture->method));

  g_assert_true (rc_history_clear (fixture->history, "p1", rc_api_get_id (fixture->api),
                                   rc_method_get_id (fixture->method), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, "p1", fixture->method), ==, 0);
  g_assert_cmpuint (count (fixture, "p1", sibling), ==, 1);

  g_assert_true (rc_history_clear (fixture->history, "p1", rc_api_get_id (fixture->api), NULL,
                                   &error));
  g_assert_cmpuint (count (fixture, "p1", sibling), ==, 0);
  g_assert_cmpuint (count (fixture, "p1", stores), ==, 1);

  g_assert_true (rc_history_clear (fixture->history, "p1", NULL, NULL, &error));
  g_assert_cmpuint (count (fixture, "p1", stores), ==, 0);
  g_assert_cmpuint (count (fixture, "p2", fixture->method), ==, 1);

  /* What is not there is cleared already. */
  g_assert_true (rc_history_clear (fixture->history, "p1", NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (rc_history_clear (fixture->history, NULL, NULL, NULL, &error));
  g_assert_cmpuint (count (fixture, "p2", fixture->method), ==, 0);
  g_assert_cmpuint (read_tree (rc_history_get_directory (fixture->history), all), ==, 0);
}

/* An id of the project file never leaves its folder. */
static void
test_escaped_ids (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *parent = g_path_get_dirname (rc_history_get_directory (fixture->history));

  rc_method_set_id (fixture->method, "../../../escape");
  g_free (add_unsent (fixture, "../..", fixture->method));
  g_assert_cmpuint (count (fixture, "../..", fixture->method), ==, 1);

  /* All below the history's folder: the fixture's folder holds it alone. */
  g_assert_cmpuint (read_tree (rc_history_get_directory (fixture->history), all), ==, 1);
  g_string_truncate (all, 0);
  g_assert_cmpuint (read_tree (parent, all), ==, 1);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  char **id = user_data;
  g_autoptr(GError) error = NULL;

  *id = rc_history_add_finish (RC_HISTORY (object), result, &error);
  g_assert_no_error (error);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GPtrArray **entries = user_data;
  g_autoptr(GError) error = NULL;

  *entries = rc_history_list_finish (RC_HISTORY (object), result, &error);
  g_assert_no_error (error);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  JsonNode **node = user_data;
  g_autoptr(GError) error = NULL;

  *node = rc_history_read_finish (RC_HISTORY (object), result, &error);
  g_assert_no_error (error);
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *cleared = user_data;
  g_autoptr(GError) error = NULL;

  *cleared = rc_history_clear_finish (RC_HISTORY (object), result, &error);
  g_assert_no_error (error);
}

/* The async forms, as the window uses them; the API's own token request
 * (Get New Token) is kept beside its methods' calls. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RcExchange) exchange = call (fixture, fixture->method, NULL);
  g_autoptr(RcExchange) token_request = NULL;
  g_autoptr(RcToken) token = rc_token_new (ACCESS_TOKEN, NULL, RC_TOKEN_LIFETIME_KNOWN, 60);
  g_autofree char *id = NULL;
  g_autofree char *token_id = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) tokens = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(RcEnvironment) staging = rc_environment_new ("Staging");
  g_autoptr(RcResolver) resolver = rc_resolver_new (staging);
  gboolean cleared = FALSE;
  JsonObject *entry;

  rc_history_add_async (fixture->history, PROJECT_ID, fixture->api, fixture->method, NULL,
                        resolver, exchange, NULL, added_cb, &id);
  g_assert_true (rc_test_wait_until (is_set_cb, &id, 30));

  token_request = rc_exchange_new_for_token_request (token, NULL, NULL);
  g_assert_true (rc_exchange_is_success (token_request));
  g_assert_cmpint (rc_exchange_get_failure (token_request), ==, RC_FAILURE_NONE);
  rc_history_add_async (fixture->history, PROJECT_ID, fixture->api, NULL, NULL, NULL,
                        token_request, NULL, added_cb, &token_id);
  g_assert_true (rc_test_wait_until (is_set_cb, &token_id, 30));

  rc_history_list_async (fixture->history, PROJECT_ID, rc_api_get_id (fixture->api),
                         rc_method_get_id (fixture->method), 10, NULL, listed_cb, &entries);
  g_assert_true (rc_test_wait_until (is_set_cb, &entries, 30));
  g_assert_cmpuint (entries->len, ==, 1);
  entry = json_node_get_object (g_ptr_array_index (entries, 0));
  g_assert_cmpstr (json_object_get_string_member (entry, "environment"), ==, "Staging");

  rc_history_list_async (fixture->history, PROJECT_ID, rc_api_get_id (fixture->api), NULL, 10,
                         NULL, listed_cb, &tokens);
  g_assert_true (rc_test_wait_until (is_set_cb, &tokens, 30));
  g_assert_cmpuint (tokens->len, ==, 1);
  entry = json_node_get_object (g_ptr_array_index (tokens, 0));
  g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==, token_id);
  g_assert_true (json_object_get_null_member (entry, "method_name"));
  g_assert_true (json_object_get_null_member (entry, "error"));

  rc_history_read_async (fixture->history, PROJECT_ID, rc_api_get_id (fixture->api),
                         rc_method_get_id (fixture->method), id, NULL, read_cb, &node);
  g_assert_true (rc_test_wait_until (is_set_cb, &node, 30));
  g_assert_true (json_node_equal (node, g_ptr_array_index (entries, 0)));

  rc_history_clear_async (fixture->history, PROJECT_ID, NULL, NULL, NULL, cleared_cb, &cleared);
  rc_test_wait_for (&cleared, 30);
  g_assert_cmpuint (count (fixture, PROJECT_ID, fixture->method), ==, 0);
}

/* A method of its own API, that posts a JSON body with a password. */
static RcMethod *
make_method (Fixture    *fixture,
             const char *name,
             RcApi     **api)
{
  g_autofree char *url = rc_test_server_url (fixture->server, "/api/echo");
  RcMethod *method = rc_method_new (name);

  *api = rc_api_new (name);
  rc_method_set_verb (method, "POST");
  rc_method_set_url (method, url);
  rc_method_set_body (method, "{\"password\": \"" BODY_PASSWORD "\", \"note\": \"hi\"}");
  rc_method_set_content_type (method, "application/json");
  rc_api_add_method (*api, method);

  return method;
}

static void
set_oauth (RcApi        *api,
           Fixture      *fixture,
           const char   *path,
           RcClientAuth  client_auth)
{
  g_autofree char *token_url = rc_test_server_url (fixture->server, path);
  RcAuth *auth = rc_api_get_auth (api);

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, CLIENT_ID);
  rc_auth_set_token_url (auth, token_url);
  rc_auth_set_client_auth (auth, client_auth);
}

static void
fetched_token_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RcExchange **exchange = user_data;
  g_autoptr(RcHttpRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcToken) token = rc_token_cache_get_token_finish (RC_TOKEN_CACHE (object), result,
                                                              &record, &error);

  *exchange = rc_exchange_new_for_token_request (token, record, error);
}

/* The masking canary: calls with each kind of credential, a token request
 * of its own, and an API and an authorization server that echo what they
 * got; no credential is whole in any byte the history wrote. */
static void
test_masked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RcApi) basic_api = NULL, header_api = NULL, post_api = NULL, jwt_api = NULL;
  g_autoptr(RcMethod) basic = make_method (fixture, "basic", &basic_api);
  g_autoptr(RcMethod) header = make_method (fixture, "header", &header_api);
  g_autoptr(RcMethod) post = make_method (fixture, "post", &post_api);
  g_autoptr(RcMethod) jwt = make_method (fixture, "jwt", &jwt_api);
  g_autoptr(RcApi) variable_api = NULL;
  g_autoptr(RcMethod) variable = make_method (fixture, "variable", &variable_api);
  g_autoptr(RcEnvironment) environment = rc_environment_new ("Production");
  g_autoptr(RcVariable) api_key = rc_variable_new_secret ("api_key");
  g_autoptr(RcResolver) resolver = NULL;
  g_autoptr(RcMethod) resolved = NULL;
  g_autoptr(RcExchange) token_request = NULL;
  g_autoptr(RcExchange) refused = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GPtrArray) assertions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *basic_credentials = rc_oauth_basic_credentials (BASIC_USER, BASIC_PASSWORD, FALSE);
  g_autofree char *client_credentials = rc_oauth_basic_credentials (CLIENT_ID, CLIENT_SECRET, FALSE);
  g_autofree char *basic_prefix = g_strndup (basic_credentials, 6);
  g_autofree char *client_prefix = g_strndup (client_credentials, 6);
  g_autoptr(GError) error = NULL;
  RcTokenCache *cache = rc_executor_get_token_cache (fixture->executor);
  g_autoptr(GPtrArray) tokens = NULL;
  JsonObject *entry, *token;
  guint n_files;

  rc_auth_set_kind (rc_api_get_auth (basic_api), RC_AUTH_KIND_BASIC);
  rc_auth_set_username (rc_api_get_auth (basic_api), BASIC_USER);
  set_oauth (header_api, fixture, "/token", RC_CLIENT_AUTH_BASIC_HEADER);
  set_oauth (post_api, fixture, "/token-post", RC_CLIENT_AUTH_BODY);
  set_oauth (jwt_api, fixture, "/token-jwt", RC_CLIENT_AUTH_SECRET_JWT);

  g_free (call_and_add (fixture, basic, BASIC_PASSWORD));
  g_free (call_and_add (fixture, header, CLIENT_SECRET));
  /* Again, the token from the cache. */
  g_free (call_and_add (fixture, header, CLIENT_SECRET));
  g_free (call_and_add (fixture, post, POST_SECRET));
  g_free (call_and_add (fixture, jwt, JWT_SECRET));

  /* A secret variable, in a header and in the body, that no field says
   * is a secret. */
  rc_environment_add_variable (environment, api_key);
  resolver = rc_resolver_new (environment);
  rc_resolver_set_secret (resolver, "api_key", API_KEY);
  rc_pair_list_append (rc_method_get_headers (variable), "X-Api-Key", "{{api_key}}");
  rc_method_set_body (variable, "{\"key\": \"{{api_key}}\"}");
  resolved = rc_resolver_resolve_method (resolver, variable, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RcExchange) exchange = call (fixture, resolved, NULL);

    g_free (rc_history_add (fixture->history, PROJECT_ID, rc_method_get_api (resolved), resolved,
                            NULL, resolver, exchange, &error));
    g_assert_no_error (error);
  }

  /* Get New Token, a success and a refusal. */
  rc_token_cache_clear (cache, rc_api_get_auth (header_api));
  rc_token_cache_get_token_async (cache, rc_api_get_auth (header_api), CLIENT_SECRET, NULL, NULL,
                                  fetched_token_cb, &token_request);
  g_assert_true (rc_test_wait_until (is_set_cb, &token_request, 30));
  g_assert_true (rc_exchange_is_success (token_request));
  g_free (rc_history_add (fixture->history, PROJECT_ID, header_api, NULL, NULL, NULL,
                          token_request, &error));
  g_assert_no_error (error);
  rc_token_cache_get_token_async (cache, rc_api_get_auth (post_api), POST_SECRET, NULL, NULL,
                                  fetched_token_cb, &refused);
  g_assert_true (rc_test_wait_until (is_set_cb, &refused, 30));
  g_assert_cmpint (rc_exchange_get_failure (refused), ==, RC_FAILURE_TOKEN_REFUSED);
  g_free (rc_history_add (fixture->history, PROJECT_ID, post_api, NULL, NULL, NULL, refused,
                          &error));
  g_assert_no_error (error);

  /* Get New Token's entries are the API's own. */
  tokens = rc_history_list (fixture->history, PROJECT_ID, rc_api_get_id (header_api), NULL, 0,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tokens->len, ==, 1);
  entry = json_node_get_object (g_ptr_array_index (tokens, 0));
  g_assert_cmpstr (json_object_get_string_member (entry, "method"), ==, "POST");
  token = json_object_get_object_member (entry, "token");
  g_assert_cmpstr (json_object_get_string_member (token, "source"), ==, "request");
  g_assert_cmpstr (json_object_get_string_member (token, "access_token"), ==, "CANARY••••••••");
  g_assert_true (json_object_get_null_member (entry, "error"));

  /* Each client assertion sent, and its signature. */
  for (guint i = 0; i < fixture->server->requests->len; i++)
    {
      RcTestRequest *request = rc_test_server_get_request (fixture->server, i);
      g_autofree char *form = NULL;
      g_autoptr(GHashTable) fields = NULL;
      const char *assertion;

      if (!g_str_equal (request->path, "/token-jwt"))
        continue;
      form = g_strndup (g_bytes_get_data (request->body, NULL), g_bytes_get_size (request->body));
      fields = soup_form_decode (form);
      assertion = g_hash_table_lookup (fields, "client_assertion");
      g_assert_nonnull (assertion);
      g_ptr_array_add (assertions, g_strdup (assertion));
      g_ptr_array_add (assertions, g_strdup (strrchr (assertion, '.') + 1));
    }
  g_assert_cmpuint (assertions->len, ==, 2);

  n_files = read_tree (rc_history_get_directory (fixture->history), all);
  g_assert_cmpuint (n_files, ==, 8);
  rc_test_assert_lacks (all->str, CLIENT_SECRET, POST_SECRET, JWT_SECRET, BASIC_PASSWORD,
                        BODY_PASSWORD, API_KEY, ACCESS_TOKEN, basic_credentials, client_credentials,
                        g_ptr_array_index (assertions, 0), g_ptr_array_index (assertions, 1),
                        NULL);

  /* Masked whole, but for an access token's first characters. */
  rc_test_assert_lacks (all->str, "CANARY-", "Kx7bas", "Qz9pos", "Wv4jwt", "Pq2pas", "Bd5bod",
                        "Ak8key", basic_prefix, client_prefix, NULL);

  /* Not for want of anything written: the masks are there. */
  g_assert_nonnull (strstr (all->str, "CANARY••••••••"));
  g_assert_nonnull (strstr (all->str, "Basic ••••••••"));
  g_assert_nonnull (strstr (all->str, "note"));
  g_assert_nonnull (strstr (all->str, "\"token-refused\""));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/restcall/history/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("add-list-read", test_add_list_read);
  ADD ("newest-first", test_newest_first);
  ADD ("method-cap", test_method_cap);
  ADD ("total-cap", test_total_cap);
  ADD ("body-cap", test_body_cap);
  ADD ("damaged", test_damaged);
  ADD ("clear", test_clear);
  ADD ("escaped-ids", test_escaped_ids);
  ADD ("async", test_async);
  ADD ("masked", test_masked);

#undef ADD

  return g_test_run ();
}
