/* test-gui-import.c: adding methods from an OpenAPI document, in a real window
 *
 * The dialog opens from the window's action, reads a document from a file
 * or a URL in a worker thread, lists what the importer read, searches,
 * selects, and adds an API with exactly the selected methods. A broken
 * document says where it is broken; remote $refs are fetched only when the
 * user agrees; a parse can be cancelled, and a big document is read and
 * listed (how long the main loop stalls meanwhile is measured by
 * bench/bench-gui-stalls.c, not here). The scopes are inline when few and
 * short, else counted, with a popover listing them; a verb shares its
 * path's baseline, and the list its margins with the summary's card. The
 * server's variables are listed, and added to the window's project.
 * Screenshots go to $RC_SCREENSHOT_DIR for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rc-import-dialog.h"
#include "rc-import-item.h"
#include "rc-import-row.h"
#include "rc-import-summary.h"
#include "rc-test-documents.h"
#include "rc-test-gui.h"
#include "rc-test-server.h"
#include "rc-window.h"

#define N_BIG_OPERATIONS 2000

typedef struct
{
  RcProject      *project;
  RcWindow       *window;
  RcImportDialog *dialog;
} Fixture;

/* Helpers */

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "openapi", name, NULL);

  return g_file_new_for_path (path);
}

static RcOpenApi *
read_with_importer (const char *name)
{
  g_autoptr(GFile) file = fixture_file (name);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  RcOpenApi *open_api;

  g_assert_nonnull (bytes);
  open_api = rc_open_api_new_from_bytes (bytes, name, NULL, &error);
  g_assert_no_error (error);

  return open_api;
}

static GtkWidget *
dialog_widget (Fixture    *fixture,
               const char *name)
{
  return rc_test_gui_get_named (GTK_WIDGET (fixture->dialog), name);
}

static void
assert_page (Fixture    *fixture,
             const char *page)
{
  rc_test_gui_assert_stack_page (GTK_WIDGET (fixture->dialog), "import-stack", page);
}

/* Opens the dialog as the user does: through the window's action. */
static void
open_dialog (Fixture *fixture)
{
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-openapi", NULL));
  rc_test_gui_wait_for_window (RC_TYPE_IMPORT_DIALOG, &fixture->dialog);
  assert_page (fixture, "source");
}

static void
load_fixture (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GFile) file = fixture_file (name);

  rc_import_dialog_load_file (fixture->dialog, file);
}

static guint
count_shown_operations (Fixture *fixture)
{
  GListModel *items = rc_import_dialog_get_items (fixture->dialog);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RcImportItem) item = g_list_model_get_item (items, i);

      if (!rc_import_item_is_tag (item))
        n++;
    }

  return n;
}

static RcImportItem *
find_item (Fixture    *fixture,
           const char *name)
{
  GListModel *items = rc_import_dialog_get_items (fixture->dialog);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RcImportItem) item = g_list_model_get_item (items, i);
      const RcOpenApiOperation *operation = rc_import_item_get_operation (item);

      if (operation && g_str_equal (operation->name, name))
        return item;
    }

  return NULL;
}

static RcImportItem *
find_tag (Fixture    *fixture,
          const char *name)
{
  GListModel *items = rc_import_dialog_get_items (fixture->dialog);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RcImportItem) item = g_list_model_get_item (items, i);

      if (rc_import_item_is_tag (item) && g_str_equal (rc_import_item_get_tag (item), name))
        return item;
    }

  return NULL;
}

typedef struct
{
  Fixture *fixture;
  guint    n;
} CountWait;

static gboolean
shows_n_operations_cb (gpointer data)
{
  CountWait *wait = data;

  return count_shown_operations (wait->fixture) == wait->n;
}

static gboolean
add_sensitive_cb (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

static gboolean
add_insensitive_cb (gpointer data)
{
  return !gtk_widget_get_sensitive (data);
}

static gboolean
error_shown_cb (gpointer data)
{
  GtkWidget *label = data;

  return gtk_widget_get_mapped (label) && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

/* The row showing @item, if the list view has made one. */
static RcImportRow *
find_row (GtkWidget    *root,
          RcImportItem *item)
{
  if (RC_IS_IMPORT_ROW (root) && rc_import_row_get_item (RC_IMPORT_ROW (root)) == item)
    return RC_IMPORT_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      RcImportRow *row = find_row (child, item);

      if (row)
        return row;
    }

  return NULL;
}

static gboolean
status_reading_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *label = rc_test_gui_find_named (GTK_WIDGET (fixture->dialog), "import-status-label");

  return g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Reading");
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!rc_test_gui_has_display ())
    return;

  fixture->project = rc_project_new ();
  fixture->window = rc_test_gui_present_window (fixture->project, 1000, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!rc_test_gui_has_display ())
    return;

  rc_test_gui_close_window (&fixture->dialog);
  rc_test_gui_destroy_window (&fixture->window);
  g_assert_finalize_object (fixture->project);
}

/* Tests */

static void
test_import_petstore (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RcOpenApi) expected = NULL;
  GtkWidget *add, *search, *list, *auth;
  const char *wanted[] = { "pets", "GET", "/pets/{petId}/photo", "listPets — List all pets", NULL };
  CountWait photo = { fixture, 1 };
  CountWait all = { fixture, 0 };
  RcImportItem *list_pets, *create_pet, *tag;
  const char *meta;
  RcImportRow *row;
  RcApi *api;
  RcAuth *api_auth;

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  load_fixture (fixture, "petstore-3.0.yaml");
  assert_page (fixture, "operations");

  /* The list holds what the importer read, every operation once. */
  expected = read_with_importer ("petstore-3.0.yaml");
  all.n = rc_open_api_get_n_operations (expected);
  g_assert_true (rc_test_gui_wait (shows_n_operations_cb, &all));
  for (guint i = 0; i < rc_open_api_get_n_operations (expected); i++)
    {
      const RcOpenApiOperation *operation = rc_open_api_get_operation (expected, i);

      g_test_message ("Listed: %s %s %s", operation->method, operation->path, operation->name);
      g_assert_nonnull (find_item (fixture, operation->name));
    }

  list = dialog_widget (fixture, "import-operation-list");
  g_assert_true (rc_test_gui_shows_labels (list, wanted));
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (dialog_widget (fixture, "import-name-row"))), ==,
    "Petstore");
  /* The server's variable {host} stays one, and the token URL follows. */
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (dialog_widget (fixture, "import-base-url-row"))), ==,
    "https://{{host}}/v1");
  auth = dialog_widget (fixture, "import-auth-row");
  g_test_message ("Authentication: %s", adw_action_row_get_subtitle (ADW_ACTION_ROW (auth)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (auth)),
                            "https://{{host}}/oauth/token"));
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "import-operations.png");

  /* Everything is selected at first; the search narrows the list. */
  add = dialog_widget (fixture, "import-add-button");
  g_assert_true (rc_test_gui_wait (add_sensitive_cb, add));
  search = dialog_widget (fixture, "import-search-entry");
  gtk_editable_set_text (GTK_EDITABLE (search), "photo");
  g_assert_true (rc_test_gui_wait (shows_n_operations_cb, &photo));
  g_assert_nonnull (find_item (fixture, "getPetPhoto"));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_assert_true (rc_test_gui_wait (shows_n_operations_cb, &all));

  /* With nothing selected there is nothing to add. */
  g_signal_emit_by_name (dialog_widget (fixture, "import-select-none-button"), "clicked");
  g_assert_true (rc_test_gui_wait (add_insensitive_cb, add));

  /* A tag's check selects all of its operations, and only those. */
  meta = rc_import_item_get_tag (find_item (fixture, "get_health"));
  tag = find_tag (fixture, "meta");
  g_assert_nonnull (tag);
  g_assert_false (rc_import_item_get_selected (tag));
  rc_import_item_set_selected (tag, TRUE);
  g_assert_true (rc_import_item_get_selected (find_item (fixture, "get_health")));
  g_assert_false (rc_import_item_get_selected (find_item (fixture, "listPets")));
  g_assert_true (rc_test_gui_wait (add_sensitive_cb, add));
  rc_import_item_set_selected (tag, FALSE);
  g_assert_false (rc_import_item_get_selected (find_item (fixture, "get_health")));
  g_assert_true (rc_test_gui_wait (add_insensitive_cb, add));
  g_assert_cmpstr (meta, ==, "meta");

  /* One check clicked on screen, one selected through the model. */
  list_pets = find_item (fixture, "listPets");
  create_pet = find_item (fixture, "createPet");
  g_assert_nonnull (list_pets);
  g_assert_nonnull (create_pet);
  row = find_row (list, list_pets);
  g_assert_nonnull (row);
  gtk_check_button_set_active (
    GTK_CHECK_BUTTON (rc_test_gui_find_of_type (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON)), TRUE);
  g_assert_true (rc_import_item_get_selected (list_pets));
  rc_import_item_set_selected (create_pet, TRUE);
  g_assert_true (rc_test_gui_wait (add_sensitive_cb, add));
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "import-two-selected.png");

  g_signal_emit_by_name (add, "clicked");
  rc_test_gui_wait_gone (&fixture->dialog);

  /* The project has the API, with exactly those methods and the document's OAuth. */
  g_assert_cmpuint (rc_project_get_n_apis (fixture->project), ==, 1);
  api = rc_project_get_api (fixture->project, 0);
  g_assert_cmpstr (rc_api_get_name (api), ==, "Petstore");
  g_assert_cmpstr (rc_api_get_base_url (api), ==, "https://{{host}}/v1");
  g_assert_cmpuint (rc_api_get_n_methods (api), ==, 2);
  g_assert_nonnull (rc_api_find_method (api, "listPets"));
  g_assert_nonnull (rc_api_find_method (api, "createPet"));
  api_auth = rc_api_get_auth (api);
  g_assert_cmpint (rc_auth_get_kind (api_auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_cmpstr (rc_auth_get_token_url (api_auth), ==, "https://{{host}}/oauth/token");
  g_assert_cmpstr (rc_auth_get_scopes (api_auth), ==, "read:pets write:pets");

  /* …and the window shows it. */
  rc_test_gui_assert_page_shown (fixture->window, "api");
}

static void
test_broken_document (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct {
    const char *file;
    const char *where;
  } cases[] = {
    { "broken.yaml", "line 8, column 3" },
    { "broken.json", "line 3, column 31" },
  };
  GtkWidget *label;

  if (rc_test_gui_skip_without_display ())
    return;

  /* Opened from the empty state's second button this time. */
  rc_test_gui_assert_page_shown (fixture->window, "empty");
  g_signal_emit_by_name (rc_test_gui_get_widget (fixture->window, "empty-import-button"),
                         "clicked");
  rc_test_gui_wait_for_window (RC_TYPE_IMPORT_DIALOG, &fixture->dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->dialog)) ==
                 GTK_WINDOW (fixture->window));
  label = dialog_widget (fixture, "import-error-label");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gtk_label_set_text (GTK_LABEL (label), "");
      load_fixture (fixture, cases[i].file);
      g_assert_true (rc_test_gui_wait (error_shown_cb, label));
      assert_page (fixture, "source");
      g_test_message ("Error: %s", gtk_label_get_text (GTK_LABEL (label)));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), cases[i].file));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), cases[i].where));
    }
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "import-error.png");

  /* A URL that is not http(s) is refused in words, and the text typed stays. */
  gtk_label_set_text (GTK_LABEL (label), "");
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "import-url-row")),
                         "ftp://example.com/api.json");
  g_signal_emit_by_name (dialog_widget (fixture, "import-load-button"), "clicked");
  g_assert_true (rc_test_gui_wait (error_shown_cb, label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "not an http or https URL"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_widget (fixture, "import-url-row"))),
                   ==, "ftp://example.com/api.json");
}

static void
serve_document (RcTestServer      *server,
                SoupServerMessage *message,
                const char        *path,
                gpointer           user_data)
{
  g_autoptr(GFile) file = fixture_file ("petstore-3.0.json");
  g_autofree char *contents = NULL;

  /* Never answered while the test looks at the spinner, then cancels. */
  if (g_str_equal (path, "/slow.json"))
    {
      soup_server_message_pause (message);
      return;
    }

  if (!g_str_equal (path, "/openapi.json"))
    {
      rc_test_respond (message, 404, "text/plain", "Not here");
      return;
    }

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  rc_test_respond (message, 200, "application/json", contents);
}

static void
test_load_url (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RcTestServer) server = NULL;
  g_autofree char *url = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *slow = NULL;
  CountWait six = { fixture, 6 };
  GtkWidget *label;

  if (rc_test_gui_skip_without_display ())
    return;

  server = rc_test_server_new (FALSE);
  server->handler = serve_document;
  url = rc_test_server_url (server, "/openapi.json");
  missing = rc_test_server_url (server, "/missing.json");
  slow = rc_test_server_url (server, "/slow.json");

  open_dialog (fixture);
  label = dialog_widget (fixture, "import-error-label");

  rc_import_dialog_load_url (fixture->dialog, missing);
  g_assert_true (rc_test_gui_wait (error_shown_cb, label));
  g_test_message ("Error: %s", gtk_label_get_text (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "404"));

  /* A download that takes long shows a spinner, and Cancel stops it. */
  rc_import_dialog_load_url (fixture->dialog, slow);
  assert_page (fixture, "loading");
  g_assert_true (gtk_widget_get_mapped (dialog_widget (fixture, "import-cancel-button")));
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "import-loading.png");
  g_signal_emit_by_name (dialog_widget (fixture, "import-cancel-button"), "clicked");
  assert_page (fixture, "source");

  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "import-url-row")), url);
  g_signal_emit_by_name (dialog_widget (fixture, "import-load-button"), "clicked");
  assert_page (fixture, "operations");
  g_assert_true (rc_test_gui_wait (shows_n_operations_cb, &six));
}

/* A document at /main.yaml whose parameter and security scheme are in /common.yaml. */
static const char remote_main[] =
  "openapi: 3.0.3\n"
  "info: {title: Remote, version: '1'}\n"
  "servers: [{url: 'https://remote.example.com'}]\n"
  "security: [{oauth: [read]}]\n"
  "paths:\n"
  "  /things/{id}:\n"
  "    get:\n"
  "      operationId: getThing\n"
  "      parameters:\n"
  "        - $ref: 'common.yaml#/components/parameters/Id'\n"
  "      responses: {'200': {description: The thing}}\n"
  "components:\n"
  "  securitySchemes:\n"
  "    oauth: {$ref: 'common.yaml#/components/securitySchemes/oauth'}\n";

static const char remote_common[] =
  "components:\n"
  "  parameters:\n"
  "    Id: {name: id, in: path, required: true, schema: {type: string}}\n"
  "  securitySchemes:\n"
  "    oauth:\n"
  "      type: oauth2\n"
  "      flows:\n"
  "        clientCredentials:\n"
  "          tokenUrl: https://auth.remote.example.com/token\n"
  "          scopes: {read: Reads things}\n";

static void
serve_remote_refs (RcTestServer      *server,
                   SoupServerMessage *message,
                   const char        *path,
                   gpointer           user_data)
{
  if (g_str_equal (path, "/main.yaml"))
    rc_test_respond (message, 200, "application/yaml", remote_main);
  else if (g_str_equal (path, "/slow-main.yaml"))
    {
      g_autoptr(GString) text = g_string_new (remote_main);

      g_string_replace (text, "common.yaml", "slow-common.yaml", 0);
      rc_test_respond (message, 200, "application/yaml", text->str);
    }
  else if (g_str_equal (path, "/slow-common.yaml"))
    soup_server_message_pause (message);  /* never answered: the test cancels */
  else if (g_str_equal (path, "/common.yaml"))
    rc_test_respond (message, 200, "application/yaml", remote_common);
  else
    rc_test_respond (message, 404, "text/plain", "Not here");
}

static guint
count_requests (RcTestServer *server,
                const char   *path)
{
  guint n = 0;

  for (guint i = 0; i < server->requests->len; i++)
    if (g_str_equal (rc_test_server_get_request (server, i)->path, path))
      n++;

  return n;
}

static gboolean
has_warning (RcOpenApi  *open_api,
             const char *part)
{
  const char * const *warnings = rc_open_api_get_warnings (open_api);

  for (guint i = 0; warnings[i]; i++)
    if (strstr (warnings[i], part))
      return TRUE;

  return FALSE;
}

/* Remote $refs are fetched only when the user agrees. */
static void
test_remote_refs (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RcTestServer) server = NULL;
  g_autofree char *url = NULL;
  g_autofree char *common = NULL;
  g_autofree char *slow = NULL;
  AdwMessageDialog *question;
  RcOpenApi *open_api;
  const RcOpenApiOperation *operation;
  const char *subtitle;
  GtkWidget *auth;
  guint refs;

  if (rc_test_gui_skip_without_display ())
    return;

  server = rc_test_server_new (FALSE);
  server->handler = serve_remote_refs;
  url = rc_test_server_url (server, "/main.yaml");
  common = rc_test_server_url (server, "/common.yaml");
  slow = rc_test_server_url (server, "/slow-main.yaml");

  open_dialog (fixture);
  auth = dialog_widget (fixture, "import-auth-row");

  /* “Don't Fetch”: read as is, with the warning. */
  rc_import_dialog_load_url (fixture->dialog, url);
  question = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Fetch Referenced Documents?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), common));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "127.0.0.1"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "dont-fetch");
  rc_test_gui_save_screenshot (GTK_WIDGET (question), "import-fetch-question.png");
  rc_test_gui_respond (question, "dont-fetch");
  assert_page (fixture, "operations");
  open_api = rc_import_dialog_get_open_api (fixture->dialog);
  g_assert_nonnull (open_api);
  g_assert_true (has_warning (open_api, "which was not fetched"));
  g_assert_cmpuint (rc_open_api_find_operation (open_api, "getThing")->parameters->len, ==, 0);
  g_assert_cmpuint (count_requests (server, "/common.yaml"), ==, 0);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (auth));
  g_test_message ("Authentication without fetching: %s", subtitle);
  g_assert_null (strstr (subtitle, "https://auth.remote.example.com/token"));

  /* “Fetch”: read again, with the parameter and the OAuth scheme. */
  g_signal_emit_by_name (dialog_widget (fixture, "import-back-button"), "clicked");
  assert_page (fixture, "source");
  rc_import_dialog_load_url (fixture->dialog, url);
  question = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->dialog));
  rc_test_gui_respond (question, "fetch");
  assert_page (fixture, "operations");
  g_assert_cmpuint (count_requests (server, "/common.yaml"), ==, 1);
  open_api = rc_import_dialog_get_open_api (fixture->dialog);
  g_assert_false (has_warning (open_api, "not fetched"));
  g_assert_cmpstrv (rc_open_api_get_unfetched_documents (open_api),
                    ((const char *const[]){ NULL }));
  operation = rc_open_api_find_operation (open_api, "getThing");
  g_assert_cmpuint (operation->parameters->len, ==, 1);
  g_assert_cmpstr (((RcOpenApiParameter *) operation->parameters->pdata[0])->name, ==, "id");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (auth));
  g_test_message ("Authentication after fetching: %s", subtitle);
  g_assert_nonnull (strstr (subtitle, "https://auth.remote.example.com/token"));

  /* A fetch that takes long shows the spinner, and Cancel stops it. */
  g_signal_emit_by_name (dialog_widget (fixture, "import-back-button"), "clicked");
  assert_page (fixture, "source");
  refs = G_OBJECT (fixture->dialog)->ref_count;
  rc_import_dialog_load_url (fixture->dialog, slow);
  question = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->dialog));
  rc_test_gui_respond (question, "fetch");
  assert_page (fixture, "loading");
  g_assert_true (gtk_widget_get_mapped (dialog_widget (fixture, "import-cancel-button")));
  g_test_message ("Status: %s",
                  gtk_label_get_text (GTK_LABEL (dialog_widget (fixture, "import-status-label"))));
  g_signal_emit_by_name (dialog_widget (fixture, "import-cancel-button"), "clicked");
  assert_page (fixture, "source");
  /* The fetch has ended (it held the dialog), and changed nothing. */
  g_assert_true (rc_test_gui_wait_for_refs (fixture->dialog, refs));
  assert_page (fixture, "source");
}

/* A document in doc/ whose parameter is in ../common.yaml, outside its
 * folder, and in doc/sub.yaml, which may be read without asking. */
static const char external_main[] =
  "openapi: 3.0.3\n"
  "info: {title: External, version: '1'}\n"
  "paths:\n"
  "  /things:\n"
  "    get:\n"
  "      operationId: getThings\n"
  "      parameters:\n"
  "        - $ref: '../common.yaml#/Limit'\n"
  "        - $ref: 'sub.yaml#/Offset'\n"
  "      responses: {'200': {description: The things}}\n";

/* $refs out of the document's folder are read only when the user agrees. */
static void
test_external_refs (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *top = NULL;
  g_autofree char *doc = NULL;
  g_autofree char *main_path = NULL;
  g_autofree char *sub_path = NULL;
  g_autofree char *common_path = NULL;
  g_autoptr(GFile) file = NULL;
  AdwMessageDialog *question;
  RcOpenApi *open_api;
  const RcOpenApiOperation *operation;

  if (rc_test_gui_skip_without_display ())
    return;

  top = g_dir_make_tmp ("restcall-gui-refs-XXXXXX", NULL);
  doc = g_build_filename (top, "doc", NULL);
  g_assert_cmpint (g_mkdir (doc, 0700), ==, 0);
  main_path = g_build_filename (doc, "main.yaml", NULL);
  sub_path = g_build_filename (doc, "sub.yaml", NULL);
  common_path = g_build_filename (top, "common.yaml", NULL);
  g_assert_true (g_file_set_contents (main_path, external_main, -1, NULL));
  g_assert_true (g_file_set_contents (sub_path, "Offset: {name: offset, in: query}\n", -1, NULL));
  g_assert_true (g_file_set_contents (common_path, "Limit: {name: limit, in: query}\n", -1, NULL));
  file = g_file_new_for_path (main_path);

  open_dialog (fixture);

  /* “Don't Read”: what is in the folder only, with the warning. */
  rc_import_dialog_load_file (fixture->dialog, file);
  question = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Read Files Outside the Folder?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), common_path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "outside its folder"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "dont-fetch");
  g_assert_cmpstr (adw_message_dialog_get_response_label (question, "fetch"), ==, "_Read");
  rc_test_gui_save_screenshot (GTK_WIDGET (question), "import-external-question.png");
  rc_test_gui_respond (question, "dont-fetch");
  assert_page (fixture, "operations");
  open_api = rc_import_dialog_get_open_api (fixture->dialog);
  g_assert_nonnull (open_api);
  g_assert_true (has_warning (open_api, "outside the document’s folder"));
  operation = rc_open_api_find_operation (open_api, "getThings");
  g_assert_cmpuint (operation->parameters->len, ==, 1);
  g_assert_cmpstr (((RcOpenApiParameter *) operation->parameters->pdata[0])->name, ==, "offset");

  /* “Read”: read again, with the file outside the folder. */
  g_signal_emit_by_name (dialog_widget (fixture, "import-back-button"), "clicked");
  assert_page (fixture, "source");
  rc_import_dialog_load_file (fixture->dialog, file);
  question = rc_test_gui_wait_for_dialog (GTK_WINDOW (fixture->dialog));
  rc_test_gui_respond (question, "fetch");
  assert_page (fixture, "operations");
  open_api = rc_import_dialog_get_open_api (fixture->dialog);
  g_assert_false (has_warning (open_api, "outside the document’s folder"));
  g_assert_cmpstrv (rc_open_api_get_external_documents (open_api), ((const char *const[]){ NULL }));
  operation = rc_open_api_find_operation (open_api, "getThings");
  g_assert_cmpuint (operation->parameters->len, ==, 2);
  g_assert_cmpstr (((RcOpenApiParameter *) operation->parameters->pdata[0])->name, ==, "limit");

  g_unlink (common_path);
  g_unlink (sub_path);
  g_unlink (main_path);
  g_rmdir (doc);
  g_rmdir (top);
}

static void
test_cancel_big_document (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) big = NULL;
  CountWait all = { fixture, N_BIG_OPERATIONS };
  guint refs;

  if (rc_test_gui_skip_without_display ())
    return;

  big = rc_test_write_big_openapi (N_BIG_OPERATIONS);
  open_dialog (fixture);

  /* Cancel while the worker parses: back to the first page, nothing shown,
   * once the load has ended (it held the dialog). */
  refs = G_OBJECT (fixture->dialog)->ref_count;
  rc_import_dialog_load_file (fixture->dialog, big);
  g_assert_true (rc_test_gui_wait (status_reading_cb, fixture));
  g_signal_emit_by_name (dialog_widget (fixture, "import-cancel-button"), "clicked");
  assert_page (fixture, "source");
  g_assert_true (rc_test_gui_wait_for_refs (fixture->dialog, refs));
  assert_page (fixture, "source");
  g_assert_false (gtk_widget_get_visible (dialog_widget (fixture, "import-error-label")) &&
                  gtk_widget_get_mapped (dialog_widget (fixture, "import-error-label")));
  g_assert_null (rc_import_dialog_get_open_api (fixture->dialog));

  /* Parsed to the end, every operation listed. */
  rc_import_dialog_load_file (fixture->dialog, big);
  assert_page (fixture, "operations");
  g_assert_true (rc_test_gui_wait (shows_n_operations_cb, &all));
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "import-big.png");

  /* Closing the dialog while it parses cancels the parse and lets it go. */
  rc_import_dialog_load_file (fixture->dialog, big);
  g_assert_true (rc_test_gui_wait (status_reading_cb, fixture));
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  rc_test_gui_wait_gone (&fixture->dialog);
  g_assert_cmpuint (rc_project_get_n_apis (fixture->project), ==, 0);

  g_file_delete (big, NULL, NULL);
}

/* The scopes an access token is asked for, as the importer chooses them
 * for every operation (all are selected at first). */
static GStrv
dup_expected_scopes (const char *name)
{
  g_autoptr(RcOpenApi) open_api = read_with_importer (name);
  g_autoptr(GPtrArray) operations = g_ptr_array_new ();
  g_autoptr(RcAuth) auth = NULL;

  for (guint i = 0; i < rc_open_api_get_n_operations (open_api); i++)
    g_ptr_array_add (operations, (gpointer) rc_open_api_get_operation (open_api, i));
  auth = rc_open_api_dup_auth (open_api, operations, NULL);

  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);

  g_test_message ("Scopes of %s: “%s”", name, rc_auth_get_scopes (auth));

  return g_strsplit (rc_auth_get_scopes (auth), " ", -1);
}

static gboolean
mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static gboolean
unmapped_cb (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* A few short scopes are shown inline; many long ones as their count, with
 * a button to a popover that lists each on its own line. */
static void
test_scopes (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(GStrv) few = dup_expected_scopes ("petstore-3.0.yaml");
  g_auto(GStrv) many = dup_expected_scopes ("many-scopes.yaml");
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *inline_list = g_strjoinv (" ", few);
  GtkWidget *row, *auth, *button, *popover, *label;

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  row = dialog_widget (fixture, "import-scopes-row");
  auth = dialog_widget (fixture, "import-auth-row");
  button = dialog_widget (fixture, "import-scopes-button");
  popover = dialog_widget (fixture, "import-scopes-popover");

  /* Three short scopes: inline, where the subtitle wraps them, no button. */
  load_fixture (fixture, "petstore-3.0.yaml");
  assert_page (fixture, "operations");
  g_assert_cmpuint (g_strv_length (few), ==, 3);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, inline_list);
  g_assert_false (gtk_widget_get_visible (button));

  /* Twelve long ones: their count, and the button. */
  g_signal_emit_by_name (dialog_widget (fixture, "import-back-button"), "clicked");
  assert_page (fixture, "source");
  load_fixture (fixture, "many-scopes.yaml");
  assert_page (fixture, "operations");
  g_assert_cmpuint (g_strv_length (many), ==, 12);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "12 scopes");
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (auth)), many[0]));
  rc_test_gui_scroll_to (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_false (gtk_widget_get_mapped (popover));

  /* The button opens the popover: each scope on a line, in order,
   * selectable and wrapped, none selected at first. */
  g_signal_emit_by_name (rc_test_gui_find_of_type (button, GTK_TYPE_TOGGLE_BUTTON), "clicked");
  g_assert_true (rc_test_gui_wait (mapped_cb, popover));
  rc_test_gui_collect_shown_labels (popover, shown);
  g_ptr_array_add (shown, NULL);
  g_assert_cmpstrv ((const char * const *) shown->pdata, many);
  for (label = gtk_widget_get_first_child (dialog_widget (fixture, "import-scopes-list"));
       label != NULL;
       label = gtk_widget_get_next_sibling (label))
    {
      g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
      g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
      g_assert_false (gtk_label_get_selection_bounds (GTK_LABEL (label), NULL, NULL));
    }
  rc_test_gui_save_screenshot (popover, "import-scopes-popover.png");
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (rc_test_gui_wait (unmapped_cb, popover));
}

/* Where @label draws its text's baseline, in @root's coordinates, in whole
 * pixels as GTK aligns baselines (Pango's baseline, cut to the pixel). */
static int
text_baseline (GtkWidget *label,
               GtkWidget *root)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  int x, y;
  double root_x, root_y;

  gtk_label_get_layout_offsets (GTK_LABEL (label), &x, &y);
  g_assert_true (gtk_widget_translate_coordinates (
    label, root, x, y + pango_layout_get_baseline (layout) / PANGO_SCALE, &root_x, &root_y));

  return (int) (root_y + 0.5);
}

/* An operation's verb and path share a baseline; the list and the summary's
 * card start and end at the same x. */
static void
assert_aligned (Fixture *fixture)
{
  GtkWidget *dialog = GTK_WIDGET (fixture->dialog);
  GtkWidget *list = dialog_widget (fixture, "import-operation-list");
  GtkWidget *summary = rc_test_gui_find_of_type (dialog, RC_TYPE_IMPORT_SUMMARY);
  GtkWidget *row = GTK_WIDGET (find_row (list, find_item (fixture, "listInventoryItems")));
  GtkWidget *verb, *path;
  graphene_rect_t list_bounds, summary_bounds;

  g_assert_nonnull (row);
  verb = rc_test_gui_get_named (row, "import-row-verb");
  path = rc_test_gui_get_named (row, "import-row-title");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (verb)), ==, "GET");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (path)), ==, "/inventory/items");
  g_test_message ("Baselines at %d px wide: verb %d, path %d", gtk_widget_get_width (dialog),
                  text_baseline (verb, dialog), text_baseline (path, dialog));
  g_assert_cmpint (text_baseline (verb, dialog), ==, text_baseline (path, dialog));

  g_assert_true (gtk_widget_compute_bounds (list, dialog, &list_bounds));
  g_assert_true (gtk_widget_compute_bounds (summary, dialog, &summary_bounds));
  g_test_message ("List at x %.0f, %.0f wide; summary at x %.0f, %.0f wide",
                  list_bounds.origin.x, list_bounds.size.width,
                  summary_bounds.origin.x, summary_bounds.size.width);
  g_assert_cmpfloat (summary_bounds.size.width, >, 0);
  g_assert_cmpfloat_with_epsilon (list_bounds.origin.x, summary_bounds.origin.x, 0.5);
  g_assert_cmpfloat_with_epsilon (list_bounds.size.width, summary_bounds.size.width, 0.5);
}

static void
test_alignment (Fixture       *fixture,
                gconstpointer  data)
{
  CountWait all = { fixture, 15 };
  GtkWidget *dialog;

  if (rc_test_gui_skip_without_display ())
    return;

  dialog = rc_import_dialog_new (fixture->window);
  fixture->dialog = RC_IMPORT_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &fixture->dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1000, 700);
  gtk_window_present (GTK_WINDOW (dialog));
  load_fixture (fixture, "many-scopes.yaml");
  assert_page (fixture, "operations");
  g_assert_true (rc_test_gui_wait (shows_n_operations_cb, &all));
  rc_test_gui_wait_for_frame (dialog);
  assert_aligned (fixture);

  rc_test_gui_resize (GTK_WINDOW (dialog), 360, 700);
  assert_aligned (fixture);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *dialog, *origin, *scrolled;
  GtkAdjustment *adjustment;
  const char *subtitle;

  if (rc_test_gui_skip_without_display ())
    return;

  dialog = rc_import_dialog_new (fixture->window);
  fixture->dialog = RC_IMPORT_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &fixture->dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  gtk_window_present (GTK_WINDOW (dialog));
  assert_page (fixture, "source");
  rc_test_gui_save_screenshot (dialog, "import-source-narrow.png");

  load_fixture (fixture, "servers.yaml");
  assert_page (fixture, "operations");
  g_assert_true (gtk_widget_get_mapped (dialog_widget (fixture, "import-origin-row")));
  rc_test_gui_save_screenshot (dialog, "import-operations-narrow.png");
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 400);

  /* The token URL is on another origin than the API: both are shown. */
  origin = dialog_widget (fixture, "import-origin-row");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (origin));
  g_test_message ("Origin warning: %s", subtitle);
  g_assert_nonnull (strstr (subtitle, "https://auth.example.org/token"));
  g_assert_nonnull (strstr (subtitle, "https://eu.example.com:8443/"));
  /* Its client credentials flow declares no scope. */
  g_assert_cmpstr (adw_action_row_get_subtitle (
                     ADW_ACTION_ROW (dialog_widget (fixture, "import-scopes-row"))), ==, "None");
  scrolled = gtk_widget_get_ancestor (origin, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  rc_test_gui_save_screenshot (dialog, "import-origin-narrow.png");
}

/* Operations whose content type could not be sent are not offered; the
 * summary says which, and why, among its warnings. */
static void
test_smuggled_content_types (Fixture       *fixture,
                             gconstpointer  data)
{
  CountWait two = { fixture, 2 };
  GtkWidget *warnings;
  const char *wanted[] = {
    "The operation “stealPet” (POST /steal) is left out: its request body’s content type "
    "“text/plain\\r\\nContent-Length: 1\\r\\n\\r\\nxGET /steal HTTP/1.1\\r\\nX-Ignore: ” is not a "
    "media type "
    "and cannot be sent as a Content-Type. Fix the document, or add the method by hand.",
    NULL
  };

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  load_fixture (fixture, "smuggling.yaml");
  assert_page (fixture, "operations");
  g_assert_true (rc_test_gui_wait (shows_n_operations_cb, &two));
  g_assert_nonnull (find_item (fixture, "listPets"));
  g_assert_nonnull (find_item (fixture, "addPet"));
  g_assert_null (find_item (fixture, "stealPet"));

  warnings = dialog_widget (fixture, "import-warnings-row");
  g_assert_true (gtk_widget_get_visible (warnings));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (warnings)), ==, "3 warnings");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (warnings), TRUE);
  rc_test_gui_wait_for_labels (warnings, wanted);
}

static const char *
variables_subtitle (Fixture *fixture)
{
  GtkWidget *row = dialog_widget (fixture, "import-variables-row");

  g_assert_true (gtk_widget_get_visible (row));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
choose_server (Fixture *fixture,
               guint    position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_widget (fixture, "import-server-row")),
                              position);
}

static const char *
base_url_text (Fixture *fixture)
{
  return gtk_editable_get_text (GTK_EDITABLE (dialog_widget (fixture, "import-base-url-row")));
}

/* The summary lists the chosen server's variables that the base URL uses,
 * or why that server cannot be imported; Add gives them to the window's
 * project, which has no environment: a new one, active, named after the
 * server's description. */
static void
test_server_variables (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *add;
  RcEnvironment *environment;
  RcVariable *region;
  RcApi *api;

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  load_fixture (fixture, "server-variables-3.0.yaml");
  assert_page (fixture, "operations");
  add = dialog_widget (fixture, "import-add-button");
  g_assert_true (rc_test_gui_wait (add_sensitive_cb, add));

  g_assert_true (gtk_widget_get_visible (dialog_widget (fixture, "import-server-row")));
  g_assert_cmpstr (base_url_text (fixture), ==,
                   "https://{{region}}.example.com/{{basePath}}/{{region}}");
  g_assert_cmpstr (variables_subtitle (fixture), ==, "region (eu, us), basePath");
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->dialog), "import-variables.png");

  /* A variable with neither default nor enum: that server is refused. */
  choose_server (fixture, 3);
  g_assert_cmpstr (base_url_text (fixture), ==, "https://{{zone}}.example.io");
  g_assert_nonnull (strstr (variables_subtitle (fixture), "the variable “zone”, which has no "
                                                          "default value"));
  g_assert_true (gtk_widget_has_css_class (dialog_widget (fixture, "import-base-url-row"),
                                           "error"));
  g_assert_true (rc_test_gui_wait (add_insensitive_cb, add));

  /* No default: the first of its values. */
  choose_server (fixture, 2);
  g_assert_cmpstr (variables_subtitle (fixture), ==, "stage (beta, live)");
  g_assert_true (rc_test_gui_wait (add_sensitive_cb, add));

  /* Only those the base URL still uses. */
  choose_server (fixture, 0);
  gtk_editable_set_text (GTK_EDITABLE (dialog_widget (fixture, "import-base-url-row")),
                         "https://{{region}}.example.com/v2");
  g_assert_cmpstr (variables_subtitle (fixture), ==, "region (eu, us)");
  g_assert_true (rc_test_gui_wait (add_sensitive_cb, add));

  g_signal_emit_by_name (add, "clicked");
  rc_test_gui_wait_gone (&fixture->dialog);

  api = rc_project_find_api (fixture->project, "Regions");
  g_assert_nonnull (api);
  g_assert_cmpstr (rc_api_get_base_url (api), ==, "https://{{region}}.example.com/v2");
  g_assert_cmpstr (rc_auth_get_token_url (rc_api_get_auth (api)), ==,
                   "https://{{region}}.example.com/oauth/token");
  g_assert_cmpuint (rc_project_get_n_environments (fixture->project), ==, 1);
  environment = rc_project_get_active_environment (fixture->project);
  g_assert_nonnull (environment);
  g_assert_cmpstr (rc_environment_get_name (environment), ==, "Production");
  g_assert_cmpuint (rc_environment_get_n_variables (environment), ==, 1);
  region = rc_environment_find_variable (environment, "region");
  g_assert_cmpstr (rc_variable_get_value (region), ==, "eu");
  g_assert_cmpstrv (rc_variable_get_choices (region), ((const char * const[]) { "eu", "us", NULL }));
  g_assert_true (rc_project_get_dirty (fixture->project));
}

/* Into a project with environments: each gets the variables it lacks and
 * keeps its own values; none is added. */
static void
test_server_variables_into_environments (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(RcEnvironment) dev = rc_environment_new ("Dev");
  g_autoptr(RcVariable) region = rc_variable_new ("region", "local");
  GtkWidget *add;

  if (rc_test_gui_skip_without_display ())
    return;

  rc_environment_add_variable (dev, region);
  rc_project_add_environment (fixture->project, dev);

  open_dialog (fixture);
  load_fixture (fixture, "server-variables-3.1.json");
  assert_page (fixture, "operations");
  add = dialog_widget (fixture, "import-add-button");
  g_assert_true (rc_test_gui_wait (add_sensitive_cb, add));
  g_signal_emit_by_name (add, "clicked");
  rc_test_gui_wait_gone (&fixture->dialog);

  g_assert_nonnull (rc_project_find_api (fixture->project, "Regions"));
  g_assert_cmpuint (rc_project_get_n_environments (fixture->project), ==, 1);
  g_assert_true (rc_project_get_active_environment (fixture->project) == dev);
  g_assert_cmpuint (rc_environment_get_n_variables (dev), ==, 2);
  g_assert_true (rc_environment_find_variable (dev, "region") == region);
  g_assert_cmpstr (rc_variable_get_value (region), ==, "local");
  g_assert_cmpstr (rc_variable_get_value (rc_environment_find_variable (dev, "basePath")), ==,
                   "v1");
}

/* Add builds the API in a worker; the dialog closed meanwhile adds
 * nothing, and the window is as it was. */
static void
test_close_while_adding (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *add;

  if (rc_test_gui_skip_without_display ())
    return;

  open_dialog (fixture);
  load_fixture (fixture, "petstore-3.0.yaml");
  add = dialog_widget (fixture, "import-add-button");
  g_assert_true (rc_test_gui_wait (add_sensitive_cb, add));

  g_signal_emit_by_name (add, "clicked");
  /* Clicked again before the API is built: nothing more. */
  g_assert_false (gtk_widget_get_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  rc_test_gui_close_window (&fixture->dialog);
  rc_test_gui_wait_for_idle ();

  g_assert_cmpuint (rc_project_get_n_apis (fixture->project), ==, 0);
  g_assert_false (rc_project_get_dirty (fixture->project));
  rc_test_gui_assert_page_shown (fixture->window, "empty");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rc_test_gui_init ();

  g_test_add ("/restcall/gui/import/petstore", Fixture, NULL,
              fixture_set_up, test_import_petstore, fixture_tear_down);
  g_test_add ("/restcall/gui/import/broken-document", Fixture, NULL,
              fixture_set_up, test_broken_document, fixture_tear_down);
  g_test_add ("/restcall/gui/import/url", Fixture, NULL,
              fixture_set_up, test_load_url, fixture_tear_down);
  g_test_add ("/restcall/gui/import/remote-refs", Fixture, NULL,
              fixture_set_up, test_remote_refs, fixture_tear_down);
  g_test_add ("/restcall/gui/import/external-refs", Fixture, NULL,
              fixture_set_up, test_external_refs, fixture_tear_down);
  g_test_add ("/restcall/gui/import/cancel-big-document", Fixture, NULL,
              fixture_set_up, test_cancel_big_document, fixture_tear_down);
  g_test_add ("/restcall/gui/import/close-while-adding", Fixture, NULL,
              fixture_set_up, test_close_while_adding, fixture_tear_down);
  g_test_add ("/restcall/gui/import/scopes", Fixture, NULL,
              fixture_set_up, test_scopes, fixture_tear_down);
  g_test_add ("/restcall/gui/import/alignment", Fixture, NULL,
              fixture_set_up, test_alignment, fixture_tear_down);
  g_test_add ("/restcall/gui/import/narrow", Fixture, NULL,
              fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/restcall/gui/import/smuggled-content-types", Fixture, NULL,
              fixture_set_up, test_smuggled_content_types, fixture_tear_down);
  g_test_add ("/restcall/gui/import/server-variables", Fixture, NULL,
              fixture_set_up, test_server_variables, fixture_tear_down);
  g_test_add ("/restcall/gui/import/server-variables-into-environments", Fixture, NULL,
              fixture_set_up, test_server_variables_into_environments, fixture_tear_down);

  return g_test_run ();
}
