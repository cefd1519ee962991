/* test-gui-test-panel.c: the Test tab, in a real window, against real servers
 *
 * A method of an API with OAuth 2.0 client credentials, whose client
 * secret (a canary string) is stored first in the real throwaway keyring
 * (keyring-session.sh) through a store of the test's own; an authorization
 * server and an API, both SoupServers on 127.0.0.1. The panel is pressed
 * as a user would (its buttons, Ctrl+Enter), and what it shows is read
 * from its labels and text views: the status, the pretty body, the four
 * panes masked and revealed, the token from the cache, a refused token
 * request in words, a call cancelled, and a 20 MB body shown cut (how
 * long the main loop stalls meanwhile is bench/bench-gui-stalls.c's
 * business, not a test's), and each call kept in the context's history,
 * masked, but one cancelled. The panel goes (its window destroyed) or shows
 * another method while the keyring or the API has not answered yet: what
 * comes back later is dropped, and nothing is logged. The layout holds at
 * 760 pixels high and 360 wide, the Test button has the focus first, no
 * two mnemonics of the Consume dialog's Test tab clash. Screenshots (light
 * and dark) go to $RC_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "rc-history-list.h"
#include "rc-inspector.h"
#include "rc-method-dialog.h"
#include "rc-response-view.h"
#include "rc-test-documents.h"
#include "rc-test-gui.h"
#include "rc-test-keyring.h"
#include "rc-test-panel.h"
#include "rc-test-server.h"

#define CANARY "canary-SECRET-7f3a9c"
#define TRICKY_CANARY "c@nary+SECRET/7f%3a x"
#define ACCESS_TOKEN "tok-4b1d9e2a7c5f8e3b6a0d1c9f2e7b4a8d"
#define ERROR_DESCRIPTION "The client secret expired on 2026-01-01"
#define BIG_BODY_SIZE (20 * 1000 * 1000)

typedef enum {
  TOKEN_OK,
  TOKEN_REFUSED,
  TOKEN_UNENCODED_ONLY,   /* Basic credentials compared unencoded */
} TokenMode;

typedef enum {
  API_OK,
  API_NEVER_ANSWER,
  API_BIG,
} ApiMode;

typedef struct
{
  RcTestServer *token_server;
  RcTestServer *api_server;
  TokenMode     token_mode;
  ApiMode       api_mode;
  GPtrArray    *paused;
  GBytes       *big_body;
  char         *project_id;
  RcApi        *api;
  RcMethod     *method;
  GtkWindow    *window;
  RcTestPanel  *panel;
  guint         n_kept;     /* how many calls the history is to hold */
} Fixture;

/* Helpers */

static GtkWidget *
get_widget (Fixture    *fixture,
            const char *name)
{
  GtkWidget *widget = rc_test_gui_find_named (GTK_WIDGET (fixture->panel), name);

  if (widget == NULL)
    g_error ("No widget named “%s” in the test panel", name);

  return widget;
}

static char *
dup_view_text (Fixture    *fixture,
               const char *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_widget (fixture, name)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
get_status (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (get_widget (fixture, "test-status-label")));
}

static gboolean
view_contains (Fixture    *fixture,
               const char *name,
               const char *needle)
{
  g_autofree char *text = dup_view_text (fixture, name);

  return strstr (text, needle) != NULL;
}

static void
assert_view_contains (Fixture    *fixture,
                      const char *name,
                      const char *needle)
{
  g_autofree char *text = dup_view_text (fixture, name);

  if (strstr (text, needle) == NULL)
    g_error ("“%s” does not show “%s”; it shows:\n%s", name, needle, text);
}

static void
assert_view_lacks (Fixture    *fixture,
                   const char *name,
                   const char *needle)
{
  g_autofree char *text = dup_view_text (fixture, name);

  if (strstr (text, needle) != NULL)
    g_error ("“%s” shows “%s”, which it must not:\n%s", name, needle, text);
}

static const char * const panes[] = {
  "inspector-api-request",
  "inspector-api-response",
  "inspector-token-request",
  "inspector-token-response",
};

/* Neither the client secret nor the token in any of the four panes. */
static void
assert_panes_masked (Fixture *fixture)
{
  for (guint k = 0; k < G_N_ELEMENTS (panes); k++)
    {
      assert_view_lacks (fixture, panes[k], CANARY);
      assert_view_lacks (fixture, panes[k], ACCESS_TOKEN);
    }
}

static gboolean
stored_cb (gpointer data)
{
  return *(gboolean *) data;
}

static void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rc_secret_store_store_finish (RC_SECRET_STORE (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

/* Into the real keyring, through a store that is not the panel's. */
static void
store_secret (Fixture    *fixture,
              const char *secret)
{
  g_autoptr(RcSecretStore) store = rc_secret_store_new ();
  g_autoptr(RcSecretBinding) binding = rc_secret_binding_new_for_api (fixture->api);
  RcAuth *auth = rc_api_get_auth (fixture->api);
  gboolean stored = FALSE;

  rc_secret_store_store_async (store, fixture->project_id, rc_api_get_id (fixture->api),
                               rc_auth_ensure_secret_id (auth), binding, "Test panel client secret",
                               secret, NULL, store_done_cb, &stored);
  g_assert_true (rc_test_gui_wait (stored_cb, &stored));
  g_assert_false (
    rc_secret_store_is_session_only (store, fixture->project_id, rc_auth_get_secret_id (auth)));
}

static void
token_handler (RcTestServer      *server,
               SoupServerMessage *message,
               const char        *path,
               gpointer           user_data)
{
  Fixture *fixture = user_data;

  if (fixture->token_mode == TOKEN_REFUSED)
    rc_test_respond (message, 401, "application/json",
                     "{\"error\":\"invalid_client\",\"error_description\":\"" ERROR_DESCRIPTION
                     "\"}");
  else if (fixture->token_mode == TOKEN_UNENCODED_ONLY)
    {
      g_autofree char *credentials =
        rc_oauth_basic_credentials ("panel-client", TRICKY_CANARY, TRUE);
      g_autofree char *expected = g_strconcat ("Basic ", credentials, NULL);
      const char *authorization = soup_message_headers_get_one (
        soup_server_message_get_request_headers (message), "Authorization");

      if (g_strcmp0 (authorization, expected) == 0)
        rc_test_respond (message, 200, "application/json",
                         "{\"access_token\":\"" ACCESS_TOKEN
                         "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
      else
        rc_test_respond (message, 401, "application/json",
                         "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client\"}");
    }
  else
    rc_test_respond (message, 200, "application/json",
                     "{\"access_token\":\"" ACCESS_TOKEN "\",\"token_type\":\"Bearer\","
                     "\"expires_in\":3600,\"scope\":\"pets:read\"}");
}

static void
api_handler (RcTestServer      *server,
             SoupServerMessage *message,
             const char        *path,
             gpointer           user_data)
{
  Fixture *fixture = user_data;

  switch (fixture->api_mode)
    {
    case API_NEVER_ANSWER:
      g_ptr_array_add (fixture->paused, g_object_ref (message));
      soup_server_message_pause (message);
      break;

    case API_BIG:
      soup_server_message_set_status (message, 200, NULL);
      soup_message_headers_set_content_type (soup_server_message_get_response_headers (message),
                                             "application/json", NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (message),
                                      fixture->big_body);
      break;

    case API_OK:
    default:
      if (g_strcmp0 (path, "/pets/42") == 0)
        rc_test_respond (message, 200, "application/json",
                         "{\"id\":42,\"name\":\"Rex\",\"tags\":[\"good\",\"dog\"]}");
      else
        rc_test_respond (message, 404, "application/json", "{\"message\":\"no such pet\"}");
      break;
    }
}

static gboolean
idle_cb (gpointer data)
{
  Fixture *fixture = data;
  RcInspector *inspector = RC_INSPECTOR (rc_test_gui_find_of_type (GTK_WIDGET (fixture->panel),
                                                                   RC_TYPE_INSPECTOR));
  gboolean running, showing_body;

  g_object_get (fixture->panel, "running", &running, "showing-body", &showing_body, NULL);

  return !running && !showing_body && !rc_inspector_get_busy (inspector);
}

/* Waits for the call to end and everything it brought to be shown. */
static void
wait_until_done (Fixture *fixture)
{
  if (!rc_test_gui_wait (idle_cb, fixture))
    g_error ("The call did not end in time; the panel says “%s”", get_status (fixture));
  g_test_message ("Status: %s", get_status (fixture));
}

/* Presses a key with @modifiers on @widget, through its shortcuts. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static void
click (Fixture    *fixture,
       const char *name)
{
  GtkWidget *button = get_widget (fixture, name);

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* With the secret stored and the window at @width × @height, presses Test
 * and waits for the call to end in 200 OK. */
static void
call_at_size (Fixture *fixture,
              int      width,
              int      height)
{
  store_secret (fixture, CANARY);
  rc_test_gui_resize (fixture->window, width, height);
  click (fixture, "test-button");
  wait_until_done (fixture);
  g_assert_true (g_str_has_prefix (get_status (fixture), "200 OK"));
}

/* Where the frame around widget @name is in the window: its border is
 * the edge seen. */
static void
frame_bounds (Fixture         *fixture,
              const char      *name,
              graphene_rect_t *bounds)
{
  GtkWidget *frame = gtk_widget_get_ancestor (get_widget (fixture, name), GTK_TYPE_FRAME);

  g_assert_nonnull (frame);
  g_assert_true (gtk_widget_compute_bounds (frame, GTK_WIDGET (fixture->window), bounds));
}

typedef struct
{
  GFile    *file;
  gsize     size;
  GtkLabel *note;
} Saved;

/* The panel said it saved, and the file has the size of the body. */
static gboolean
saved_cb (gpointer data)
{
  Saved *saved = data;
  g_autoptr(GFileInfo) info = g_file_query_info (saved->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info && (gsize) g_file_info_get_size (info) == saved->size &&
         strstr (gtk_label_get_text (saved->note), "Saved") != NULL;
}

/* Where Save Response… starts when the panel was not told a folder. */
static GFile *
get_downloads_folder (void)
{
  const char *downloads = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);

  if (downloads && g_file_test (downloads, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (downloads);

  return g_file_new_for_path (g_get_home_dir ());
}

/* Through the file chooser, as a user would: a folder and a name, then Save. */
static void
save_response (Fixture *fixture)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-test-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GFile) downloads = get_downloads_folder ();
  GtkWindow *chooser = NULL;
  Saved saved = { file, g_bytes_get_size (fixture->big_body),
                  GTK_LABEL (get_widget (fixture, "test-body-note")) };

  g_assert_nonnull (dir);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "test.save", NULL));
  chooser = rc_test_gui_wait_for_file_chooser ();
  /* The URL's last segment, the extension of the content type; in Downloads. */
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==, "42.json");
  if (!rc_test_gui_wait_for_chooser_folder (chooser, downloads))
    g_error ("The chooser does not start in %s", g_file_peek_path (downloads));
  rc_test_gui_choose_file (chooser, file);

  if (!rc_test_gui_wait (saved_cb, &saved))
    g_error ("The response was not saved to %s; the panel says “%s”", path,
             gtk_label_get_text (GTK_LABEL (get_widget (fixture, "test-body-note"))));
  written = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (written, fixture->big_body));

  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static gboolean
panel_gone_cb (gpointer data)
{
  Fixture *fixture = data;

  return fixture->panel == NULL;
}

/* Destroys the window, and waits (bounded) for the panel to be finalized:
 * it is once nothing it waits for holds it any more. */
static void
destroy_window (Fixture *fixture)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->panel), (gpointer *) &fixture->panel);
  gtk_window_destroy (g_steal_pointer (&fixture->window));
  if (!rc_test_gui_wait (panel_gone_cb, fixture))
    g_error ("The test panel is still alive after its window was destroyed");
}

/* The method's calls in the history of the test's context, newest first. */
static GPtrArray *
list_history (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries =
    rc_history_list (rc_context_get_history (rc_test_gui_get_context ()), fixture->project_id,
                     rc_api_get_id (fixture->api), rc_method_get_id (fixture->method), 0, &error);

  g_assert_no_error (error);

  return entries;
}

static gboolean
history_holds_cb (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) entries = list_history (fixture);

  return entries->len == fixture->n_kept;
}

/* Waits for the history to hold @n_kept calls of the method. */
static void
wait_for_history (Fixture *fixture,
                  guint    n_kept)
{
  fixture->n_kept = n_kept;
  if (!rc_test_gui_wait (history_holds_cb, fixture))
    g_error ("The history does not hold %u calls of the method", n_kept);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *token_url = NULL;
  g_autofree char *base_url = NULL;
  RcAuth *auth;

  if (!rc_test_gui_has_display ())
    return;

  fixture->paused = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->token_server = rc_test_server_new (FALSE);
  fixture->token_server->handler = token_handler;
  fixture->token_server->handler_data = fixture;
  fixture->api_server = rc_test_server_new (FALSE);
  fixture->api_server->handler = api_handler;
  fixture->api_server->handler_data = fixture;

  /* A project id of its own for each test: nothing left over is found. */
  fixture->project_id = g_uuid_string_random ();
  token_url = rc_test_server_url (fixture->token_server, "/token");
  base_url = rc_test_server_url (fixture->api_server, "/");

  fixture->api = rc_api_new ("Pets");
  rc_api_set_base_url (fixture->api, base_url);
  auth = rc_api_get_auth (fixture->api);
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "panel-client");
  rc_auth_set_token_url (auth, token_url);
  rc_auth_set_scopes (auth, "pets:read");
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_BODY);

  fixture->method = rc_method_new ("getPet");
  rc_method_set_verb (fixture->method, "GET");
  rc_method_set_url (fixture->method, "/pets/{petId}");
  rc_pair_list_set (rc_method_get_test_values (fixture->method), "petId", "42");
  rc_api_add_method (fixture->api, fixture->method);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (fixture->window, "Test panel");
  gtk_window_set_default_size (fixture->window, 1000, 900);
  fixture->panel = RC_TEST_PANEL (rc_test_panel_new (rc_test_gui_get_context ()));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->panel));
  rc_test_panel_set_method (fixture->panel, fixture->method, fixture->project_id);
  rc_test_gui_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!rc_test_gui_has_display ())
    return;

  for (guint i = 0; i < fixture->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fixture->paused, i));
  g_clear_pointer (&fixture->paused, g_ptr_array_unref);

  if (fixture->window)
    destroy_window (fixture);

  g_clear_object (&fixture->method);
  g_clear_object (&fixture->api);
  g_clear_pointer (&fixture->token_server, rc_test_server_free);
  g_clear_pointer (&fixture->api_server, rc_test_server_free);
  g_clear_pointer (&fixture->big_body, g_bytes_unref);
  g_clear_pointer (&fixture->project_id, g_free);
}

/* Tests */

static void
test_oauth2_call (Fixture       *fixture,
                  gconstpointer  data)
{
  RcTestRequest *api_request;
  RcTestRequest *token_request;
  RcInspector *inspector;
  GtkWidget *status;

  if (rc_test_gui_skip_without_display ())
    return;

  store_secret (fixture, CANARY);

  /* Press Test: the spinner and Cancel while it runs. */
  click (fixture, "test-button");
  g_assert_true (gtk_widget_get_visible (get_widget (fixture, "test-spinner")));
  g_assert_true (gtk_widget_get_visible (get_widget (fixture, "test-cancel-button")));
  g_assert_false (gtk_widget_is_sensitive (get_widget (fixture, "test-button")));
  wait_until_done (fixture);
  g_assert_false (gtk_widget_get_visible (get_widget (fixture, "test-spinner")));
  g_assert_false (gtk_widget_get_visible (get_widget (fixture, "test-cancel-button")));

  /* Status, time and size; the body pretty, with JSON highlighting. */
  status = get_widget (fixture, "test-status-label");
  g_assert_true (g_str_has_prefix (get_status (fixture), "200 OK · "));
  g_assert_nonnull (strstr (get_status (fixture), " ms · "));
  g_assert_true (gtk_widget_has_css_class (status, "success"));
  assert_view_contains (fixture, "test-response-view", "{\n  \"id\": 42,\n  \"name\": \"Rex\",\n");
  g_assert_cmpstr (
    gtk_source_language_get_id (gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (
      gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_widget (fixture, "test-response-view")))))),
    ==, "json");

  /* What went over the wire: the secret from the keyring, the token to the API. */
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 1);
  token_request = rc_test_server_get_request (fixture->token_server, 0);
  g_assert_nonnull (strstr (g_bytes_get_data (token_request->body, NULL), "client_secret=" CANARY));
  g_assert_cmpuint (fixture->api_server->requests->len, ==, 1);
  api_request = rc_test_server_get_request (fixture->api_server, 0);
  g_assert_cmpstr (api_request->path, ==, "/pets/42");
  g_assert_cmpstr (soup_message_headers_get_one (api_request->headers, "Authorization"), ==,
                   "Bearer " ACCESS_TOKEN);

  /* The four panes, masked: the grant type, but neither secret nor token. */
  assert_view_contains (fixture, "inspector-api-request", "GET ");
  assert_view_contains (fixture, "inspector-api-request", "/pets/42");
  assert_view_contains (fixture, "inspector-api-response", "200");
  assert_view_contains (fixture, "inspector-api-response", "\"name\": \"Rex\"");
  assert_view_contains (fixture, "inspector-token-request", "grant_type=client_credentials");
  assert_view_contains (fixture, "inspector-token-response", "\"token_type\": \"Bearer\"");
  assert_panes_masked (fixture);
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "test-panel-1000.png");

  /* Side by side at 1000 pixels. */
  {
    graphene_rect_t request, response;

    g_assert_true (gtk_widget_compute_bounds (get_widget (fixture, "inspector-api-request"),
                                              GTK_WIDGET (fixture->window), &request));
    g_assert_true (gtk_widget_compute_bounds (get_widget (fixture, "inspector-api-response"),
                                              GTK_WIDGET (fixture->window), &response));
    g_assert_cmpfloat (request.origin.y, ==, response.origin.y);
    g_assert_cmpfloat (request.origin.x + request.size.width, <, response.origin.x);
  }

  /* Reveal: the token, in the token response and in the API request. */
  click (fixture, "inspector-reveal-button");
  inspector =
    RC_INSPECTOR (rc_test_gui_find_of_type (GTK_WIDGET (fixture->panel), RC_TYPE_INSPECTOR));
  g_assert_true (rc_inspector_get_reveal (inspector));
  assert_view_contains (fixture, "inspector-token-response", ACCESS_TOKEN);
  assert_view_contains (fixture, "inspector-api-request", "Bearer " ACCESS_TOKEN);
  assert_view_contains (fixture, "inspector-token-request", CANARY);
  rc_test_gui_scroll_to (get_widget (fixture, "inspector-reveal-button"));
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "test-panel-inspector-1000.png");

  /* And masked again. */
  click (fixture, "inspector-reveal-button");
  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    assert_view_lacks (fixture, panes[i], ACCESS_TOKEN);

  /* Ctrl+Enter tests again: the token comes from the cache, and the
   * authorization server's panes show the exchange that obtained it,
   * masked. */
  g_assert_true (press_key (GTK_WIDGET (fixture->panel), GDK_KEY_Return, GDK_CONTROL_MASK));
  wait_until_done (fixture);
  g_assert_true (g_str_has_prefix (get_status (fixture), "200 OK"));
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 1);
  g_assert_cmpuint (fixture->api_server->requests->len, ==, 2);
  assert_view_contains (fixture, "inspector-token-request", "Token from cache, expires in ");
  assert_view_contains (fixture, "inspector-token-response", "Token from cache, expires in ");
  assert_view_contains (fixture, "inspector-token-request", "It was obtained with this request");
  assert_view_contains (fixture, "inspector-token-request", "grant_type=client_credentials");
  assert_view_contains (fixture, "inspector-token-response", "\"token_type\": \"Bearer\"");
  assert_panes_masked (fixture);
}

static gboolean
clipboard_read_cb (gpointer data)
{
  return *(char **) data != NULL;
}

static void
clipboard_text_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);

  *(char **) data = text ? text : g_strdup ("");
}

static void
test_copy_curl (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *status;
  g_autofree char *copied = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  click (fixture, "inspector-copy-curl-button");

  /* No toast overlay here: the inspector says it in a label. */
  status = get_widget (fixture, "inspector-copy-status");
  g_assert_true (gtk_widget_get_visible (status));
  g_test_message ("Copy as curl: %s", gtk_label_get_text (GTK_LABEL (status)));
  g_assert_nonnull (
    strstr (gtk_label_get_text (GTK_LABEL (status)), RC_CURL_CLIENT_SECRET_VARIABLE));

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (fixture->panel)), NULL,
                                 clipboard_text_cb, &copied);
  g_assert_true (rc_test_gui_wait (clipboard_read_cb, &copied));
  g_test_message ("Copied:\n%s", copied);
  g_assert_nonnull (strstr (copied, "curl"));
  g_assert_nonnull (strstr (copied, RC_CURL_CLIENT_SECRET_VARIABLE));
  g_assert_null (strstr (copied, CANARY));
}

static void
test_token_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  if (rc_test_gui_skip_without_display ())
    return;

  store_secret (fixture, CANARY);
  fixture->token_mode = TOKEN_REFUSED;

  click (fixture, "test-button");
  wait_until_done (fixture);

  /* In words, with the server's error and error_description. */
  g_assert_nonnull (strstr (get_status (fixture), ERROR_DESCRIPTION));
  g_assert_nonnull (strstr (get_status (fixture), "invalid_client"));
  g_assert_true (gtk_widget_has_css_class (get_widget (fixture, "test-status-label"), "error"));
  assert_view_contains (fixture, "inspector-token-request", "grant_type=client_credentials");
  assert_view_contains (fixture, "inspector-token-response", "401");
  assert_view_contains (fixture, "inspector-token-response", ERROR_DESCRIPTION);
  g_assert_cmpuint (fixture->api_server->requests->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    assert_view_lacks (fixture, panes[i], CANARY);
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "test-panel-token-refused-1000.png");

  /* Nothing typed is lost: the test value is as it was, and Test works again. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (fixture, "test-value-row"))),
                   ==, "42");
  g_assert_cmpstr (rc_pair_list_lookup (rc_method_get_test_values (fixture->method), "petId"), ==,
                   "42");
  fixture->token_mode = TOKEN_OK;
  click (fixture, "test-button");
  wait_until_done (fixture);
  g_assert_true (g_str_has_prefix (get_status (fixture), "200 OK"));
}

/* A server that compares the Basic credentials unencoded: the panes show
 * both attempts, masked, and the API's auth remembers the form. */
static void
test_basic_form_found (Fixture       *fixture,
                       gconstpointer  data)
{
  RcAuth *auth = rc_api_get_auth (fixture->api);
  g_autofree char *rfc = rc_oauth_basic_credentials ("panel-client", TRICKY_CANARY, FALSE);
  g_autofree char *raw = rc_oauth_basic_credentials ("panel-client", TRICKY_CANARY, TRUE);
  g_autofree char *requests = NULL;
  g_autofree char *responses = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_BASIC_HEADER);
  store_secret (fixture, TRICKY_CANARY);
  fixture->token_mode = TOKEN_UNENCODED_ONLY;

  click (fixture, "test-button");
  wait_until_done (fixture);
  g_assert_true (g_str_has_prefix (get_status (fixture), "200 OK"));
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 2);
  g_assert_cmpint (rc_auth_get_remembered_basic_form (auth), ==, RC_BASIC_FORM_RAW);

  requests = dup_view_text (fixture, "inspector-token-request");
  responses = dup_view_text (fixture, "inspector-token-response");
  g_test_message ("%s\n%s", requests, responses);
  g_assert_true (
    g_str_has_prefix (requests, "Attempt 1 of 2, client ID and secret RFC 6749-encoded:\nPOST "));
  g_assert_nonnull (strstr (requests, "\nAttempt 2 of 2, client ID and secret unencoded:\nPOST "));
  g_assert_true (
    g_str_has_prefix (responses, "Attempt 1 of 2, client ID and secret RFC 6749-encoded:\n"));
  g_assert_nonnull (strstr (responses, "401"));
  g_assert_nonnull (strstr (responses, "\"error_description\": \"Invalid client\""));
  g_assert_nonnull (strstr (responses, "Attempt 2 of 2, client ID and secret unencoded:\n"));
  g_assert_nonnull (strstr (responses, "\"token_type\": \"Bearer\""));
  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    {
      assert_view_lacks (fixture, panes[i], TRICKY_CANARY);
      assert_view_lacks (fixture, panes[i], rfc);
      assert_view_lacks (fixture, panes[i], raw);
      assert_view_lacks (fixture, panes[i], ACCESS_TOKEN);
    }
  rc_test_gui_scroll_to (get_widget (fixture, "inspector-reveal-button"));
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window),
                               "test-panel-basic-form-found-1000.png");

  /* Revealed, each attempt's header as it went. */
  click (fixture, "inspector-reveal-button");
  assert_view_contains (fixture, "inspector-token-request", rfc);
  assert_view_contains (fixture, "inspector-token-request", raw);
  click (fixture, "inspector-reveal-button");
}

/* No secret stored: the message sends the user where it is typed. For a
 * method that uses its API's authentication, that is the API's page (the
 * method's tab has no entry for it), unless the editor beside the panel
 * edits the API's (a new API consumed with the method); for a method's
 * own, its Headers and Authentication tab. */
static void
test_no_secret (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RcAuth) own = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  /* A secret reference, but nothing stored under it. */
  rc_auth_ensure_secret_id (rc_api_get_auth (fixture->api));

  click (fixture, "test-button");
  wait_until_done (fixture);
  g_test_message ("Inherited: %s", get_status (fixture));
  g_assert_nonnull (strstr (get_status (fixture), "No client secret is stored for the API “Pets”"));
  g_assert_nonnull (strstr (get_status (fixture), "on the API’s page"));
  g_assert_null (strstr (get_status (fixture), "Headers and Authentication"));
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 0);
  g_assert_cmpuint (fixture->api_server->requests->len, ==, 0);
  g_assert_true (gtk_widget_is_sensitive (get_widget (fixture, "test-button")));

  /* The API's authentication is edited beside the panel. */
  rc_test_panel_set_api_auth_here (fixture->panel, TRUE);
  click (fixture, "test-button");
  wait_until_done (fixture);
  g_test_message ("Edited here: %s", get_status (fixture));
  g_assert_nonnull (
    strstr (get_status (fixture), "No client secret is stored for this authentication"));
  g_assert_nonnull (strstr (get_status (fixture), "Headers and Authentication"));

  /* The method's own. */
  rc_test_panel_set_api_auth_here (fixture->panel, FALSE);
  own = rc_auth_copy (rc_api_get_auth (fixture->api));
  rc_auth_set_secret_id (own, "");
  rc_auth_ensure_secret_id (own);
  rc_method_set_auth (fixture->method, own);
  click (fixture, "test-button");
  wait_until_done (fixture);
  g_test_message ("Own: %s", get_status (fixture));
  g_assert_nonnull (
    strstr (get_status (fixture), "No client secret is stored for this authentication"));
  g_assert_nonnull (strstr (get_status (fixture), "Headers and Authentication"));
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 0);
  g_assert_cmpuint (fixture->api_server->requests->len, ==, 0);
}

static gboolean
api_reached_cb (gpointer data)
{
  Fixture *fixture = data;

  return fixture->paused->len > 0;
}


static void
secret_wanted_cb (RcTestPanel *panel,
                  guint       *n_wanted)
{
  (*n_wanted)++;
}

static gboolean
no_dialog_cb (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return FALSE;
    }

  return TRUE;
}

/* What the keyring's item of the API's secret is bound to. */
static RcSecretBinding *
dup_stored_binding (Fixture *fixture)
{
  return rc_test_keyring_get_binding (fixture->project_id,
                                      rc_auth_get_secret_id (rc_api_get_auth (fixture->api)));
}

/* The project now sends the stored client secret to another token URL
 * origin (an edited or copied file): Test asks first, naming both, and
 * sends nothing until the answer; Type a New Secret and Cancel send
 * nothing; Use It Here binds the secret there, then calls, and asks no
 * more. */
static void
test_secret_saved_elsewhere (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RcTestServer) elsewhere = rc_test_server_new (FALSE);
  g_autofree char *evil_token_url = rc_test_server_url (elsewhere, "/token");
  g_autoptr(RcSecretBinding) saved = NULL;
  g_autoptr(RcSecretBinding) now = NULL;
  g_autoptr(RcSecretBinding) stored = NULL;
  g_autofree char *saved_text = NULL;
  g_autofree char *now_text = NULL;
  AdwMessageDialog *dialog;
  RcTestRequest *request;
  guint n_wanted = 0;
  guint cache_refs;
  RcAuth *auth;

  if (rc_test_gui_skip_without_display ())
    return;

  auth = rc_api_get_auth (fixture->api);
  store_secret (fixture, CANARY);
  saved = rc_secret_binding_new_for_api (fixture->api);
  elsewhere->handler = token_handler;
  elsewhere->handler_data = fixture;
  rc_auth_set_token_url (auth, evil_token_url);
  now = rc_secret_binding_new_for_api (fixture->api);
  saved_text = g_strdup_printf ("saved for %s and the client “panel-client”",
                                rc_secret_binding_get_origin (saved));
  now_text = g_strdup_printf ("would send it to %s and the client “panel-client”",
                              rc_secret_binding_get_origin (now));

  /* Asked, naming both; nothing sent meanwhile. */
  cache_refs = G_OBJECT (rc_test_gui_get_token_cache ())->ref_count;
  click (fixture, "test-button");
  dialog = rc_test_gui_wait_for_dialog (fixture->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Send the Client Secret Elsewhere?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), saved_text));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), now_text));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), CANARY));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "use"), ==, "_Use It Here");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "new"), ==, "_Type a New Secret");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_true (gtk_widget_get_visible (get_widget (fixture, "test-cancel-button")));
  /* Whatever the panel queued has run: no token request on its way (it
   * would hold the token cache), none at the server. */
  rc_test_gui_wait_for_idle ();
  g_assert_cmpuint (G_OBJECT (rc_test_gui_get_token_cache ())->ref_count, ==, cache_refs);
  g_assert_cmpuint (elsewhere->requests->len, ==, 0);
  rc_test_gui_save_screenshot (GTK_WIDGET (dialog), "secret-prompt.png");
  g_signal_connect (fixture->panel, "secret-wanted", G_CALLBACK (secret_wanted_cb), &n_wanted);

  /* Type a New Secret: nothing sent, the editor asked for the entry. */
  rc_test_gui_respond (dialog, "new");
  wait_until_done (fixture);
  g_assert_cmpstr (get_status (fixture), ==,
                   "The stored client secret was not sent. Type the client secret "
                   "for this authentication on the API’s page, then press Test again.");
  g_assert_cmpuint (n_wanted, ==, 1);
  stored = dup_stored_binding (fixture);
  g_assert_true (rc_secret_binding_equal (stored, saved));
  g_clear_pointer (&stored, rc_secret_binding_free);

  /* Cancel: nothing sent either. */
  click (fixture, "test-button");
  dialog = rc_test_gui_wait_for_dialog (fixture->window);
  rc_test_gui_respond (dialog, "cancel");
  wait_until_done (fixture);
  g_assert_cmpstr (get_status (fixture), ==, "Cancelled: the stored secret was not sent.");

  /* The panel's Cancel while asked: the question goes with the call. */
  click (fixture, "test-button");
  dialog = rc_test_gui_wait_for_dialog (fixture->window);
  click (fixture, "test-cancel-button");
  wait_until_done (fixture);
  g_assert_true (rc_test_gui_wait (no_dialog_cb, NULL));
  g_assert_true (g_str_has_prefix (get_status (fixture), "Cancelled."));

  g_assert_cmpuint (elsewhere->requests->len, ==, 0);
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 0);
  g_assert_cmpuint (fixture->api_server->requests->len, ==, 0);
  g_assert_cmpuint (n_wanted, ==, 1);

  /* Use It Here: bound to the new origin, then sent there. */
  click (fixture, "test-button");
  dialog = rc_test_gui_wait_for_dialog (fixture->window);
  rc_test_gui_respond (dialog, "use");
  wait_until_done (fixture);
  g_assert_true (g_str_has_prefix (get_status (fixture), "200 OK"));
  g_assert_cmpuint (elsewhere->requests->len, ==, 1);
  request = rc_test_server_get_request (elsewhere, 0);
  g_assert_nonnull (strstr (g_bytes_get_data (request->body, NULL), "client_secret=" CANARY));
  stored = dup_stored_binding (fixture);
  g_assert_true (rc_secret_binding_equal (stored, now));
  g_assert_cmpuint (rc_test_keyring_count (fixture->project_id, NULL), ==, 1);

  /* Asked once: the next call goes straight. */
  rc_token_cache_clear (rc_test_gui_get_token_cache (), auth);
  click (fixture, "test-button");
  wait_until_done (fixture);
  g_assert_true (no_dialog_cb (NULL));
  g_assert_true (g_str_has_prefix (get_status (fixture), "200 OK"));
  g_assert_cmpuint (elsewhere->requests->len, ==, 2);
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 0);
}

/* A secret an earlier Restcall stored, bound to nothing: asked about once
 * too, and Use It Here binds it. */
static void
test_unbound_secret (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RcSecretBinding) now = NULL;
  g_autoptr(RcSecretBinding) stored = NULL;
  AdwMessageDialog *dialog;
  RcAuth *auth;

  if (rc_test_gui_skip_without_display ())
    return;

  now = rc_secret_binding_new_for_api (fixture->api);
  auth = rc_api_get_auth (fixture->api);

  rc_test_keyring_store_unbound (fixture->project_id, rc_api_get_id (fixture->api),
                                 rc_auth_ensure_secret_id (auth), CANARY);

  click (fixture, "test-button");
  dialog = rc_test_gui_wait_for_dialog (fixture->window);
  g_assert_nonnull (
    strstr (adw_message_dialog_get_body (dialog), "saved by an earlier version of Restcall"));
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 0);
  rc_test_gui_respond (dialog, "use");
  wait_until_done (fixture);
  g_assert_true (g_str_has_prefix (get_status (fixture), "200 OK"));
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 1);
  stored = dup_stored_binding (fixture);
  g_assert_true (rc_secret_binding_equal (stored, now));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  if (rc_test_gui_skip_without_display ())
    return;

  rc_auth_set_kind (rc_api_get_auth (fixture->api), RC_AUTH_KIND_NONE);
  fixture->api_mode = API_NEVER_ANSWER;

  click (fixture, "test-button");
  g_assert_true (rc_test_gui_wait (api_reached_cb, fixture));
  g_assert_true (gtk_widget_get_visible (get_widget (fixture, "test-spinner")));

  /* The API never answers: the call ends only because it was cancelled. */
  click (fixture, "test-cancel-button");
  wait_until_done (fixture);
  g_assert_true (g_str_has_prefix (get_status (fixture), "Cancelled"));
  g_assert_false (gtk_widget_get_visible (get_widget (fixture, "test-cancel-button")));
  g_assert_true (gtk_widget_is_sensitive (get_widget (fixture, "test-button")));
  assert_view_contains (fixture, "inspector-api-response", "cancelled");
  /* No token request, and the pane says why. */
  assert_view_contains (fixture, "inspector-token-request",
                        "authentication of this method is None");

  /* The history keeps the next call, not the one cancelled. */
  fixture->api_mode = API_OK;
  click (fixture, "test-button");
  wait_until_done (fixture);
  wait_for_history (fixture, 1);
}

/* Each press of Test is kept in the history, newest first, off the main
 * thread, and masked: neither the client secret nor the token is in the
 * bytes written. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  JsonObject *entry;

  if (rc_test_gui_skip_without_display ())
    return;

  store_secret (fixture, CANARY);
  click (fixture, "test-button");
  wait_until_done (fixture);
  wait_for_history (fixture, 1);

  fixture->api_mode = API_BIG;
  fixture->big_body = g_bytes_new_take (g_strnfill (4096, ' '), 4096);
  click (fixture, "test-button");
  wait_until_done (fixture);
  wait_for_history (fixture, 2);

  entries = list_history (fixture);
  entry = json_node_get_object (g_ptr_array_index (entries, 1));
  g_assert_cmpstr (json_object_get_string_member (entry, "api"), ==, "Pets");
  g_assert_cmpstr (json_object_get_string_member (entry, "method_name"), ==, "getPet");
  g_assert_cmpint (json_object_get_int_member (entry, "status"), ==, 200);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (entry, "url"), "/pets/42"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "token"),
                                                  "source"), ==, "request");
  entry = json_node_get_object (g_ptr_array_index (entries, 0));
  g_assert_cmpint (json_object_get_int_member (entry, "body_size"), ==, 4096);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "token"),
                                                  "source"), ==, "cache");

  entry = json_node_get_object (g_ptr_array_index (entries, 1));
  folder = g_build_filename (rc_history_get_directory (rc_context_get_history (
                               rc_test_gui_get_context ())),
                             fixture->project_id, rc_api_get_id (fixture->api),
                             rc_method_get_id (fixture->method), NULL);
  name = g_strconcat (json_object_get_string_member (entry, "id"), ".json", NULL);
  path = g_build_filename (folder, name, NULL);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_null (strstr (text, CANARY));
  g_assert_null (strstr (text, ACCESS_TOKEN));
}

static gboolean
history_listed_cb (gpointer data)
{
  gpointer *args = data;
  Fixture *fixture = args[0];
  RcHistoryList *list = RC_HISTORY_LIST (rc_test_gui_find_of_type (GTK_WIDGET (fixture->panel),
                                                                   RC_TYPE_HISTORY_LIST));

  return rc_history_list_get_n_entries (list) == GPOINTER_TO_UINT (args[1]);
}

static void
wait_for_listed (Fixture *fixture,
                 guint    n)
{
  gpointer args[] = { fixture, GUINT_TO_POINTER (n) };

  g_assert_true (rc_test_gui_wait (history_listed_cb, args));
}

/* The Test tab lists the calls kept; picking one shows it in the response
 * view and the inspector, masked as kept; Clear History empties it. */
static void
test_history_list (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *row;

  if (rc_test_gui_skip_without_display ())
    return;

  store_secret (fixture, CANARY);
  wait_for_listed (fixture, 0);
  click (fixture, "test-button");
  wait_until_done (fixture);
  wait_for_listed (fixture, 1);

  /* Another method's status first, then the entry picked. */
  rc_test_panel_set_method (fixture->panel, fixture->method, fixture->project_id);
  row = get_widget (fixture, "history-row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "200 OK");
  g_signal_emit_by_name (row, "activated");
  g_assert_true (g_str_has_prefix (get_status (fixture), "From the history, "));
  g_assert_true (g_str_has_suffix (get_status (fixture), ": OK"));
  assert_view_contains (fixture, "inspector-api-request", "GET ");
  assert_view_contains (fixture, "inspector-api-request", "/pets/42");
  assert_view_contains (fixture, "inspector-api-response", "HTTP 200 OK");
  assert_view_contains (fixture, "inspector-token-request", "client_secret=");
  assert_view_lacks (fixture, "inspector-token-request", CANARY);
  assert_view_lacks (fixture, "inspector-api-request", ACCESS_TOKEN);

  click (fixture, "history-clear-button");
  wait_for_listed (fixture, 0);
}

static gboolean
two_value_rows_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *row = rc_test_gui_find_named (GTK_WIDGET (fixture->panel), "test-value-row");
  guint n_rows = 0;

  for (; row != NULL; row = gtk_widget_get_next_sibling (row))
    n_rows += g_strcmp0 (gtk_widget_get_name (row), "test-value-row") == 0;

  return n_rows == 2;
}

static void
test_values_follow_url (Fixture       *fixture,
                        gconstpointer  data)
{
  RcPairList *values;
  GtkWidget *row;
  guint n_rows = 0;
  GtkWidget *group;

  if (rc_test_gui_skip_without_display ())
    return;

  values = rc_method_get_test_values (fixture->method);
  rc_method_set_url (fixture->method, "/pets/{petId}/toys/{toyId}");
  g_assert_true (rc_test_gui_wait (two_value_rows_cb, fixture));

  row = get_widget (fixture, "test-value-row");
  group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  for (GtkWidget *child = row; child; child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_name (child), "test-value-row") != 0)
        continue;
      n_rows++;
      if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), "toyId"))
        {
          /* Typed in the row: into the method's test values. */
          gtk_editable_set_text (GTK_EDITABLE (child), "ball");
          g_assert_cmpstr (rc_pair_list_lookup (values, "toyId"), ==, "ball");
        }
    }
  g_assert_cmpuint (n_rows, ==, 2);
  g_assert_false (gtk_widget_get_visible (rc_test_gui_find_named (group, "test-no-values-row")));

  /* Set elsewhere (the Request tab): shown in the row. */
  rc_pair_list_set (values, "petId", "7");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "7");

  /* The note on the body follows the Body tab. */
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "No body is sent"));
  rc_method_set_body (fixture->method, "{\"name\": \"Rex\"}");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "The body on the Body tab is sent"));

  /* Parameters gone: their rows go, their values stay in the model. */
  rc_method_set_url (fixture->method, "/pets");
  g_assert_null (rc_test_gui_find_named (GTK_WIDGET (fixture->panel), "test-value-row"));
  g_assert_true (gtk_widget_get_visible (get_widget (fixture, "test-no-values-row")));
  g_assert_cmpstr (rc_pair_list_lookup (values, "toyId"), ==, "ball");
}

static void
test_big_json (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *shown = NULL;
  g_autofree char *size = NULL;
  GtkWidget *note;

  if (rc_test_gui_skip_without_display ())
    return;

  rc_auth_set_kind (rc_api_get_auth (fixture->api), RC_AUTH_KIND_NONE);
  fixture->api_mode = API_BIG;
  fixture->big_body = rc_test_big_json_body (BIG_BODY_SIZE);
  rc_test_gui_set_wait_seconds (60);

  click (fixture, "test-button");
  /* Until the text is in its view, a slice at a time. */
  wait_until_done (fixture);
  rc_test_gui_set_wait_seconds (RC_TEST_GUI_WAIT_SECONDS);

  g_assert_true (g_str_has_prefix (get_status (fixture), "200 OK"));
  size = g_format_size (g_bytes_get_size (fixture->big_body));
  g_assert_nonnull (strstr (get_status (fixture), size));

  /* Cut, and it says so; the view holds no more than the limit. */
  note = get_widget (fixture, "test-body-note");
  g_assert_true (gtk_widget_get_visible (note));
  g_test_message ("Body note: %s", gtk_label_get_text (GTK_LABEL (note)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), "cut"));
  shown = dup_view_text (fixture, "test-response-view");
  g_assert_true (g_str_has_prefix (shown, "{\n  \"items\": [\n    {\n      \"id\": 0,\n"));
  g_assert_cmpuint (strlen (shown), <=, RC_RESPONSE_VIEW_LIMIT);
  g_assert_cmpuint (strlen (shown), >, RC_RESPONSE_VIEW_LIMIT / 2);
  g_assert_true (view_contains (fixture, "inspector-api-response", "[Cut here: "));
  g_assert_true (gtk_widget_is_sensitive (get_widget (fixture, "test-save-button")));
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "test-panel-big-1000.png");

  /* Save Response… writes the whole body, not the text shown. */
  save_response (fixture);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  graphene_rect_t request, response;

  if (rc_test_gui_skip_without_display ())
    return;

  call_at_size (fixture, 360, 800);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->panel)), <=, 360);
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "test-panel-360.png");

  /* One pane above the other, each as wide as the panel allows. */
  frame_bounds (fixture, "inspector-api-request", &request);
  frame_bounds (fixture, "inspector-api-response", &response);
  g_assert_cmpfloat (request.origin.x, ==, response.origin.x);
  g_assert_cmpfloat (request.origin.y + request.size.height, <, response.origin.y);
  g_assert_cmpfloat (request.origin.x + request.size.width, <=, 360);

  rc_test_gui_scroll_to (get_widget (fixture, "inspector-reveal-button"));
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "test-panel-inspector-360.png");
}

/* The window goes while the keyring has not answered: the answer, when it
 * comes, is dropped (G_DEBUG=fatal-warnings turns any CRITICAL into a
 * failure) and the panel is finalized. */
static void
test_destroy_during_lookup (Fixture       *fixture,
                            gconstpointer  data)
{
  if (rc_test_gui_skip_without_display ())
    return;

  store_secret (fixture, CANARY);
  click (fixture, "test-button");
  g_assert_cmpstr (get_status (fixture), ==, "Reading the secret from the keyring…");

  destroy_window (fixture);
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 0);
  g_assert_cmpuint (fixture->api_server->requests->len, ==, 0);
}

/* The panel shows another method while the keyring is read: nothing of the
 * first one's lookup is shown. */
static void
test_switch_during_lookup (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RcMethod) other = rc_method_new ("listPets");
  gboolean running;

  if (rc_test_gui_skip_without_display ())
    return;

  rc_auth_ensure_secret_id (rc_api_get_auth (fixture->api));
  rc_method_set_url (other, "/pets");
  rc_api_add_method (fixture->api, other);

  click (fixture, "test-button");
  g_assert_cmpstr (get_status (fixture), ==, "Reading the secret from the keyring…");
  rc_test_panel_set_method (fixture->panel, other, fixture->project_id);
  g_object_get (fixture->panel, "running", &running, NULL);
  g_assert_false (running);
  g_assert_false (gtk_widget_get_visible (get_widget (fixture, "test-spinner")));

  /* The first lookup's answer has come back, and been dropped. */
  g_assert_true (rc_test_keyring_wait_idle (rc_test_gui_get_secret_store ()));
  g_assert_cmpstr (get_status (fixture), ==, "Press Test to make the call with these values.");
  g_assert_true (gtk_widget_is_sensitive (get_widget (fixture, "test-button")));
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 0);
}

/* The project's active environment fills the method in: the URL the API
 * gets, and what the inspector shows; switching environment changes the
 * next call; a variable the environment lacks is said before anything is
 * sent. The history keeps the environment of each call. */
static void
test_environment (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RcProject) project = NULL;
  g_autoptr(RcEnvironment) good = rc_environment_new ("Staging");
  g_autoptr(RcEnvironment) bad = rc_environment_new ("Production");
  g_autoptr(RcVariable) id = rc_variable_new ("pet", "42");
  g_autoptr(RcVariable) other = rc_variable_new ("pet", "7");
  g_autoptr(GPtrArray) entries = NULL;
  RcTestRequest *request;
  JsonObject *entry;
  guint n_requests;

  if (rc_test_gui_skip_without_display ())
    return;

  project = rc_project_new ();
  rc_environment_add_variable (good, id);
  rc_environment_add_variable (bad, other);
  rc_project_add_environment (project, good);
  rc_project_add_environment (project, bad);
  rc_project_add_api (project, fixture->api);
  rc_auth_set_kind (rc_api_get_auth (fixture->api), RC_AUTH_KIND_NONE);
  rc_pair_list_set (rc_method_get_test_values (fixture->method), "petId", "{{pet}}");

  click (fixture, "test-button");
  wait_until_done (fixture);
  request = g_ptr_array_index (fixture->api_server->requests,
                               fixture->api_server->requests->len - 1);
  g_assert_cmpstr (request->path, ==, "/pets/42");
  g_assert_nonnull (strstr (get_status (fixture), "200"));

  rc_project_set_active_environment (project, bad);
  click (fixture, "test-button");
  wait_until_done (fixture);
  request = g_ptr_array_index (fixture->api_server->requests,
                               fixture->api_server->requests->len - 1);
  g_assert_cmpstr (request->path, ==, "/pets/7");
  g_assert_nonnull (strstr (get_status (fixture), "404"));
  /* The inspector shows what was sent: the values filled in. */
  assert_view_contains (fixture, "inspector-api-request", "/pets/7");
  g_assert_false (view_contains (fixture, "inspector-api-request", "{{pet}}"));

  /* The project's values are as they were written. */
  g_assert_cmpstr (rc_pair_list_lookup (rc_method_get_test_values (fixture->method), "petId"),
                   ==, "{{pet}}");

  rc_environment_remove_variable (bad, other);
  n_requests = fixture->api_server->requests->len;
  click (fixture, "test-button");
  wait_until_done (fixture);
  g_assert_cmpstr (get_status (fixture), ==,
                   "{{pet}}, used in the test values of the method “getPet”, is not defined in "
                   "“Production”. Add the variable to the environment, or choose another "
                   "environment.");
  g_assert_cmpuint (fixture->api_server->requests->len, ==, n_requests);

  /* The history keeps each call sent with its environment. */
  wait_for_history (fixture, 2);
  entries = list_history (fixture);
  entry = json_node_get_object (g_ptr_array_index (entries, 0));
  g_assert_cmpstr (json_object_get_string_member (entry, "environment"), ==, "Production");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (entry, "url"), "/pets/7"));
  entry = json_node_get_object (g_ptr_array_index (entries, 1));
  g_assert_cmpstr (json_object_get_string_member (entry, "environment"), ==, "Staging");

  rc_project_remove_api (project, fixture->api);
}

/* The method leaves its API (it had no authentication of its own) while
 * the keyring is read: the message speaks of the authentication it had
 * when Test was pressed. */
static void
test_method_leaves_api_during_lookup (Fixture       *fixture,
                                      gconstpointer  data)
{
  if (rc_test_gui_skip_without_display ())
    return;

  /* A secret reference, nothing stored under it: the keyring answers “none”. */
  rc_auth_ensure_secret_id (rc_api_get_auth (fixture->api));
  click (fixture, "test-button");
  g_assert_cmpstr (get_status (fixture), ==, "Reading the secret from the keyring…");

  rc_api_remove_method (fixture->api, fixture->method);
  g_assert_null (rc_method_get_effective_auth (fixture->method));
  wait_until_done (fixture);
  g_assert_nonnull (strstr (get_status (fixture), "No client secret is stored"));
  g_assert_cmpuint (fixture->token_server->requests->len, ==, 0);
}

/* The window goes while the API has not answered: the call is cancelled,
 * its end dropped, the panel finalized. */
static void
test_destroy_during_call (Fixture       *fixture,
                          gconstpointer  data)
{
  if (rc_test_gui_skip_without_display ())
    return;

  rc_auth_set_kind (rc_api_get_auth (fixture->api), RC_AUTH_KIND_NONE);
  fixture->api_mode = API_NEVER_ANSWER;

  click (fixture, "test-button");
  g_assert_true (rc_test_gui_wait (api_reached_cb, fixture));
  g_assert_true (gtk_widget_get_visible (get_widget (fixture, "test-spinner")));

  destroy_window (fixture);
}

/* Another method is shown while a call runs: the call is cancelled, and
 * when it has ended, nothing of it is shown for the new method. */
static void
test_switch_during_call (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RcMethod) other = rc_method_new ("getToy");
  RcInspector *inspector;
  gboolean running;

  if (rc_test_gui_skip_without_display ())
    return;

  rc_auth_set_kind (rc_api_get_auth (fixture->api), RC_AUTH_KIND_NONE);
  rc_method_set_url (other, "/toys/{toyId}");
  rc_pair_list_set (rc_method_get_test_values (other), "toyId", "7");
  rc_api_add_method (fixture->api, other);
  fixture->api_mode = API_NEVER_ANSWER;

  click (fixture, "test-button");
  g_assert_true (rc_test_gui_wait (api_reached_cb, fixture));
  g_assert_cmpint (G_OBJECT (fixture->method)->ref_count, >, 2 + 2);
  rc_test_panel_set_method (fixture->panel, other, fixture->project_id);
  g_object_get (fixture->panel, "running", &running, NULL);
  g_assert_false (running);
  /* Once the panel (and its inspector) let go of the first method, and
   * the call has ended, only the fixture and its API hold it. */
  if (!rc_test_gui_wait_for_refs (fixture->method, 2))
    g_error ("The first method's call did not end: %u references, 2 wanted",
             G_OBJECT (fixture->method)->ref_count);

  /* The first call's end (cancelled) is not shown: the panel is as new. */
  inspector =
    RC_INSPECTOR (rc_test_gui_find_of_type (GTK_WIDGET (fixture->panel), RC_TYPE_INSPECTOR));
  g_assert_cmpstr (get_status (fixture), ==, "Press Test to make the call with these values.");
  g_assert_null (rc_inspector_get_exchange (inspector));
  assert_view_lacks (fixture, "inspector-api-request", "/pets/42");
  assert_view_lacks (fixture, "inspector-api-response", "cancelled");
  g_assert_false (gtk_widget_get_visible (get_widget (fixture, "test-body-note")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (fixture, "test-value-row"))),
                   ==, "7");

  /* And the new method's call shows its own answer. */
  fixture->api_mode = API_OK;
  click (fixture, "test-button");
  wait_until_done (fixture);
  g_assert_true (g_str_has_prefix (get_status (fixture), "404 Not Found"));
  assert_view_contains (fixture, "inspector-api-request", "/toys/7");
  assert_view_contains (fixture, "test-response-view", "no such pet");
}

/* Whether the text view @data is as tall as its text: it does not scroll. */
static gboolean
view_fits_text_cb (gpointer data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (data));

  return gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment);
}

/* At 1000 × 760: the status, the whole of a small body and the top of the
 * inspector are seen together, without scrolling. */
static void
test_small_response_fits (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *scrolled;
  GtkWidget *response;
  GtkWidget *scroller;
  graphene_rect_t status, view, title;
  int viewport_height;
  g_autofree char *body = NULL;
  guint lines = 0;

  if (rc_test_gui_skip_without_display ())
    return;

  store_secret (fixture, CANARY);
  rc_test_gui_resize (fixture->window, 1000, 760);

  /* Before any call: a small box, not a tall empty one. */
  scroller = get_widget (fixture, "test-response-scroller");
  g_assert_cmpint (gtk_widget_get_height (scroller), <, 150);

  click (fixture, "test-button");
  wait_until_done (fixture);
  g_assert_true (g_str_has_prefix (get_status (fixture), "200 OK"));
  /* The view grows to its text as the text is laid out, a frame or more later. */
  response = get_widget (fixture, "test-response-view");
  if (!rc_test_gui_wait (view_fits_text_cb, response))
    g_error ("The response view does not grow to its text: it scrolls");
  rc_test_gui_wait_for_frame (response);
  body = dup_view_text (fixture, "test-response-view");
  for (const char *p = body; *p; p++)
    lines += *p == '\n';
  g_test_message ("The body has %u lines; its view is %d px high", lines + 1,
                  gtk_widget_get_height (scroller));

  scrolled = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  viewport_height = gtk_widget_get_height (scrolled);
  g_assert_true (
    gtk_widget_compute_bounds (get_widget (fixture, "test-status-label"), scrolled, &status));
  g_assert_true (gtk_widget_compute_bounds (scroller, scrolled, &view));
  g_assert_true (
    gtk_widget_compute_bounds (get_widget (fixture, "inspector-title"), scrolled, &title));
  g_test_message ("Viewport %d px; status at %.0f, body %.0f–%.0f, inspector title at %.0f–%.0f",
                  viewport_height, status.origin.y, view.origin.y, view.origin.y + view.size.height,
                  title.origin.y, title.origin.y + title.size.height);
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "test-panel-760.png");

  g_assert_cmpfloat (status.origin.y, >=, 0);
  g_assert_cmpfloat (title.origin.y + title.size.height, <=, viewport_height);
  /* The body view is as tall as its text: it does not scroll. */
  g_assert_cmpfloat (view.size.height, <, 320);
  g_assert_cmpfloat (
    gtk_adjustment_get_upper (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (response))), <=,
    gtk_adjustment_get_page_size (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (response))));
}

/* At 1000 × 700, after a call: Go to Inspector brings the four panes up
 * to the top of the view and the keyboard into the first one. (Alt+I and
 * a real click: tests/e2e/test_consume_oauth.py.) */
static void
test_go_to_inspector (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *scrolled;
  GtkWidget *request_view;
  GtkAdjustment *adjustment;
  graphene_rect_t title, request;
  int viewport_height;

  if (rc_test_gui_skip_without_display ())
    return;

  /* Before a call there is nothing to go to. */
  g_assert_false (gtk_widget_get_visible (get_widget (fixture, "test-inspect-button")));
  call_at_size (fixture, 1000, 700);

  request_view = get_widget (fixture, "inspector-api-request");
  scrolled = gtk_widget_get_ancestor (gtk_widget_get_parent (get_widget (fixture,
                                                                          "test-status-label")),
                                      GTK_TYPE_SCROLLED_WINDOW);
  viewport_height = gtk_widget_get_height (scrolled);
  /* Below the fold before: the reason for the button. */
  g_assert_true (gtk_widget_compute_bounds (request_view, scrolled, &request));
  g_assert_cmpfloat (request.origin.y + request.size.height, >, viewport_height);

  click (fixture, "test-inspect-button");
  rc_test_gui_wait_for_focus (request_view);
  rc_test_gui_wait_for_frame (request_view);

  g_assert_true (gtk_widget_compute_bounds (get_widget (fixture, "inspector-title"), scrolled,
                                            &title));
  g_assert_true (gtk_widget_compute_bounds (request_view, scrolled, &request));
  g_test_message ("Viewport %d px; inspector title at %.0f, API request %.0f–%.0f",
                  viewport_height, title.origin.y, request.origin.y,
                  request.origin.y + request.size.height);
  /* At the top, or as near as the end of the page lets it come. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (title.origin.y, >=, 0);
  if (title.origin.y >= 48)
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >=,
                       gtk_adjustment_get_upper (adjustment) -
                       gtk_adjustment_get_page_size (adjustment) - 1);
  g_assert_cmpfloat (request.origin.y + request.size.height, <=, viewport_height);
}

/* The values, the body and the inspector are one column as wide as every
 * page's content (800 px at most), centred: they share both edges, and the
 * inspector still has two panes a row. */
static void
test_clamped (Fixture       *fixture,
              gconstpointer  data)
{
  graphene_rect_t values, view, request, response;

  if (rc_test_gui_skip_without_display ())
    return;

  /* As wide as the screen of the tests allows (1280). */
  rc_test_gui_resize (fixture->window, 1280, 900);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), >, 1100);

  g_assert_true (gtk_widget_compute_bounds (
    gtk_widget_get_ancestor (get_widget (fixture, "test-value-row"), ADW_TYPE_PREFERENCES_GROUP),
    GTK_WIDGET (fixture->window), &values));
  frame_bounds (fixture, "test-response-scroller", &view);
  frame_bounds (fixture, "inspector-api-request", &request);
  frame_bounds (fixture, "inspector-api-response", &response);
  g_test_message ("Values %.0f px wide at %.0f, inspector %.0f–%.0f", values.size.width,
                  values.origin.x, request.origin.x, response.origin.x + response.size.width);

  g_assert_cmpfloat (values.size.width, <=, 800);
  g_assert_cmpfloat (view.size.width, <=, 800);
  /* Centred, like the other tabs. */
  g_assert_cmpfloat (ABS ((values.origin.x + values.size.width / 2) -
                          gtk_widget_get_width (GTK_WIDGET (fixture->window)) / 2.0), <=, 2);
  g_assert_cmpfloat (request.origin.y, ==, response.origin.y);
  g_assert_cmpfloat (view.origin.x, ==, values.origin.x);
  g_assert_cmpfloat (request.origin.x, ==, values.origin.x);
  g_assert_cmpfloat (response.origin.x + response.size.width, ==,
                     values.origin.x + values.size.width);
}

/* The Test tab shown (focus was on another tab): the Test button has the
 * focus, so Enter or Space makes the call; Tab goes to the test values. */
static gboolean
running_cb (gpointer data)
{
  gboolean running;

  g_object_get (data, "running", &running, NULL);

  return running;
}

static gboolean
value_row_mapped_cb (gpointer data)
{
  GtkWidget *row = rc_test_gui_find_named (data, "test-value-row");

  return row != NULL && gtk_widget_get_mapped (row) && gtk_widget_get_width (row) > 0;
}

static void
test_focus (Fixture       *fixture,
            gconstpointer  data)
{
  AdwViewStack *stack;
  GtkWindow *window;
  GtkWidget *entry;
  GtkWidget *panel;
  GtkWidget *focus;
  GtkWidget *button;
  gboolean running;

  if (rc_test_gui_skip_without_display ())
    return;

  /* A window of its own: a tab with an entry, and the Test tab. */
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 760);
  stack = ADW_VIEW_STACK (adw_view_stack_new ());
  entry = gtk_entry_new ();
  panel = rc_test_panel_new (rc_test_gui_get_context ());
  rc_test_panel_set_method (RC_TEST_PANEL (panel), fixture->method, fixture->project_id);
  adw_view_stack_add_titled (stack, entry, "request", "Request");
  adw_view_stack_add_titled (stack, panel, "test", "Test");
  gtk_window_set_child (window, GTK_WIDGET (stack));
  rc_test_gui_present (window);

  gtk_widget_grab_focus (entry);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (window), entry));
  adw_view_stack_set_visible_child_name (stack, "test");
  button = rc_test_gui_find_named (panel, "test-button");
  rc_test_gui_wait_for_focus (button);

  focus = gtk_window_get_focus (window);
  for (GtkWidget *w = focus; w; w = gtk_widget_get_parent (w))
    g_test_message ("Focus in %s “%s”", G_OBJECT_TYPE_NAME (w), gtk_widget_get_name (w));
  g_assert_true (focus == button);

  /* Tab: into the first test value, then back. On a busy machine the
   * value rows may still be on their way to the screen. */
  g_assert_true (rc_test_gui_wait (value_row_mapped_cb, panel));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (window),
                                         rc_test_gui_find_named (panel, "test-value-row")));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_window_get_focus (window) == button);

  /* Enter on the button (a keyboard activation, which clicks it a moment
   * later): the call. */
  store_secret (fixture, CANARY);
  g_assert_true (gtk_widget_activate (gtk_window_get_focus (window)));
  if (!rc_test_gui_wait (running_cb, panel))
    g_error ("Activating the Test button did not make the call");
  /* The focus on Cancel, beside it, not down in the inspector. */
  g_assert_true (gtk_window_get_focus (window) ==
                 rc_test_gui_find_named (panel, "test-cancel-button"));
  /* Its call ends with it: the panel goes once it has. */
  g_object_add_weak_pointer (G_OBJECT (panel), (gpointer *) &panel);
  gtk_window_destroy (window);
  rc_test_gui_wait_gone (&panel);

  /* Enter in a test value (in the fixture's panel): the call too. */
  g_signal_emit_by_name (get_widget (fixture, "test-value-row"), "entry-activated");
  g_object_get (fixture->panel, "running", &running, NULL);
  g_assert_true (running);
  wait_until_done (fixture);
  g_assert_true (g_str_has_prefix (get_status (fixture), "200 OK"));
}

static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *mnemonics)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) &&
      gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    {
      guint keyval = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      const char *other = g_hash_table_lookup (mnemonics, GUINT_TO_POINTER (keyval));

      g_test_message ("Alt+%s: “%s”", gdk_keyval_name (keyval),
                      gtk_label_get_label (GTK_LABEL (widget)));
      if (other)
        g_error ("Alt+%s is both “%s” and “%s”", gdk_keyval_name (keyval), other,
                 gtk_label_get_label (GTK_LABEL (widget)));
      g_hash_table_insert (mnemonics, GUINT_TO_POINTER (keyval),
                           (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, mnemonics);
}

/* In the Consume dialog, on the Test tab: every mnemonic shown is unique,
 * and the one of Cancel (shown while a call runs) is not among them. */
static void
test_mnemonics (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GHashTable) mnemonics = g_hash_table_new (NULL, NULL);
  AdwViewStack *stack;
  GtkWidget *dialog;
  GtkWidget *test_button;

  if (rc_test_gui_skip_without_display ())
    return;

  project = rc_project_new ();
  rc_project_add_api (project, fixture->api);
  dialog = rc_method_dialog_new (fixture->window, rc_test_gui_get_context (), project,
                                 fixture->api);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1000, 760);
  rc_test_gui_present (GTK_WINDOW (dialog));

  stack = ADW_VIEW_STACK (rc_test_gui_find_named (dialog, "method-editor-stack"));
  rc_test_gui_show_page (GTK_WIDGET (stack), "test");
  /* The tabs in one switcher: the other has faded out. */
  rc_test_gui_wait_for_transitions (dialog);
  collect_mnemonics (dialog, mnemonics);
  g_assert_cmpuint (g_hash_table_size (mnemonics), >=, 5);

  /* Cancel, shown while a call runs, has a letter of its own. */
  {
    GtkWidget *cancel = rc_test_gui_find_named (dialog, "test-cancel-button");
    guint keyval =
      gtk_label_get_mnemonic_keyval (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (cancel))));

    g_assert_cmpuint (keyval, !=, GDK_KEY_VoidSymbol);
    g_assert_null (
      g_hash_table_lookup (mnemonics, GUINT_TO_POINTER (gdk_keyval_to_lower (keyval))));
  }

  /* The Test button has none (Alt+T is the tab's); its tooltip says Ctrl+Return. */
  test_button = rc_test_gui_find_named (dialog, "test-button");
  g_assert_false (gtk_button_get_use_underline (GTK_BUTTON (test_button)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (test_button), "Ctrl+Return"));

  rc_test_gui_close_window (&dialog);
}

typedef struct
{
  GtkSourceBuffer *buffer;
  const char      *scheme;
} Scheme;

static gboolean
has_scheme_cb (gpointer data)
{
  Scheme *wanted = data;

  return g_strcmp0 (
           gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (wanted->buffer)),
           wanted->scheme) == 0;
}

/* Waits until @buffer has the style scheme @scheme; fails naming the one it has. */
static void
assert_scheme (GtkSourceBuffer *buffer,
               const char      *scheme)
{
  Scheme wanted = { buffer, scheme };

  if (!rc_test_gui_wait (has_scheme_cb, &wanted))
    g_error ("The response view's scheme is %s, not %s",
             gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer)), scheme);
}

/* Light and dark: the response view's scheme follows the style manager. */
static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSourceBuffer *buffer;

  if (rc_test_gui_skip_without_display ())
    return;

  call_at_size (fixture, 1000, 760);

  buffer = GTK_SOURCE_BUFFER (
    gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_widget (fixture, "test-response-view"))));
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer)), ==,
                   "Adwaita");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  assert_scheme (buffer, "Adwaita-dark");
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "test-panel-dark-1000.png");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  assert_scheme (buffer, "Adwaita");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rc_test_gui_init ();

  g_test_add ("/restcall/gui/test-panel/oauth2-call", Fixture, NULL,
              fixture_set_up, test_oauth2_call, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/environment", Fixture, NULL,
              fixture_set_up, test_environment, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/history-list", Fixture, NULL,
              fixture_set_up, test_history_list, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/copy-curl", Fixture, NULL,
              fixture_set_up, test_copy_curl, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/token-refused", Fixture, NULL,
              fixture_set_up, test_token_refused, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/basic-form-found", Fixture, NULL,
              fixture_set_up, test_basic_form_found, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/no-secret", Fixture, NULL,
              fixture_set_up, test_no_secret, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/secret-saved-elsewhere", Fixture, NULL,
              fixture_set_up, test_secret_saved_elsewhere, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/unbound-secret", Fixture, NULL,
              fixture_set_up, test_unbound_secret, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/history", Fixture, NULL,
              fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/values-follow-url", Fixture, NULL,
              fixture_set_up, test_values_follow_url, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/big-json", Fixture, NULL,
              fixture_set_up, test_big_json, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/narrow", Fixture, NULL,
              fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/destroy-during-lookup", Fixture, NULL,
              fixture_set_up, test_destroy_during_lookup, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/switch-during-lookup", Fixture, NULL,
              fixture_set_up, test_switch_during_lookup, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/method-leaves-api-during-lookup", Fixture, NULL,
              fixture_set_up, test_method_leaves_api_during_lookup, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/destroy-during-call", Fixture, NULL,
              fixture_set_up, test_destroy_during_call, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/switch-during-call", Fixture, NULL,
              fixture_set_up, test_switch_during_call, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/small-response-fits", Fixture, NULL,
              fixture_set_up, test_small_response_fits, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/go-to-inspector", Fixture, NULL,
              fixture_set_up, test_go_to_inspector, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/clamped", Fixture, NULL,
              fixture_set_up, test_clamped, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/focus", Fixture, NULL,
              fixture_set_up, test_focus, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/mnemonics", Fixture, NULL,
              fixture_set_up, test_mnemonics, fixture_tear_down);
  g_test_add ("/restcall/gui/test-panel/dark", Fixture, NULL,
              fixture_set_up, test_dark, fixture_tear_down);

  return g_test_run ();
}
