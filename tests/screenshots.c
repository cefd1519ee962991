/* screenshots.c: Restcall's windows, light and dark, as PNG files
 *
 * Regenerate the README's images with one command: build-aux/screenshots
 * (into data/screenshots). The suite runs it too (suite "screenshots", into
 * _build/screenshots), so it keeps working as the GUI changes.
 *
 * Run by keyring-session.sh (a private session bus with a throwaway,
 * unlocked GNOME Keyring) under Xvfb. Two SoupServers on 127.0.0.1 play an
 * OAuth 2.0 authorization server (a JWT access token for the client's
 * credentials, checked) and the Petstore API (/v1/pets/{petId}, a small
 * pretty JSON pet for a valid Bearer token). The sample project's Petstore
 * API points at them, and its client secret is stored in the keyring.
 *
 * Rendered, each light and dark, at the window's default size (1000×700),
 * with GNOME's font (Cantarell 11, where installed): the main window with a
 * method on its Request tab (also 360 px wide), the API page's token panel
 * after Get New Token (also 360 px wide), the API page from its top (also
 * 360 px wide), the method's Test tab after Test, then at its inspector
 * (Go to Inspector), and 360 px wide, and the Consume dialog on each of its
 * four tabs (Headers and Authentication also 360 px wide), filled with a
 * realistic OAuth 2.0 method, the Test tab after a
 * successful Test with its inspector (masked). The dialog's four tabs
 * again with DejaVu Sans 11 (dialog-TAB-dejavu-sans-*.png): wider than
 * Cantarell, and the font GTK's “Sans” is on Debian outside GNOME. In
 * both, the tabs must be in the header bar. The import dialog on a
 * document with many operations and twelve long scopes, at 1000×700 and
 * 360 px wide, with its scopes popover (import-dialog*.png). Everything
 * shown is checked first, so the program fails when the GUI breaks; every
 * wait is bounded. Restcall's style.css is loaded, as the application does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <string.h>

#include "rc-import-dialog.h"
#include "rc-inspector.h"
#include "rc-method-dialog.h"
#include "rc-test-gui.h"
#include "rc-test-keyring.h"
#include "rc-test-panel.h"
#include "rc-test-server.h"
#include "rc-text-row.h"
#include "rc-token-panel.h"

#define WIDTH         1000
#define HEIGHT        700
#define FONT          "Cantarell 11"
#define WIDE_FONT     "DejaVu Sans 11"
#define NARROW_WIDTH  360
#define CLIENT_ID     "petstore-client"
#define CLIENT_SECRET "pEt5-s3cret-2b7e91"
#define SCOPES        "pets:read pets:write"
#define AUDIENCE      "https://petstore.example.com"
#define PET_JSON \
  "{\n" \
  "  \"id\": 42,\n" \
  "  \"name\": \"Rex\",\n" \
  "  \"tag\": \"dog\",\n" \
  "  \"status\": \"available\",\n" \
  "  \"photoUrls\": [\n" \
  "    \"https://petstore.example.com/photos/rex.jpg\"\n" \
  "  ]\n" \
  "}\n"
#define UPDATE_BODY \
  "{\n" \
  "  \"name\": \"Rex\",\n" \
  "  \"tag\": \"dog\",\n" \
  "  \"status\": \"available\"\n" \
  "}"

typedef struct
{
  RcTestServer   *token_server;
  RcTestServer   *api_server;
  char           *jwt;

  RcProject      *project;
  RcApi          *petstore;
  RcWindow       *window;
  RcMethodDialog *dialog;
} Shots;

/* Helpers */

/* A JWT as an authorization server issues it (the signature is not checked). */
static char *
make_jwt (const char *issuer)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *claims =
    g_strdup_printf ("{\"iss\":\"%s\",\"sub\":\"" CLIENT_ID "\",\"aud\":\"" AUDIENCE "\","
                     "\"client_id\":\"" CLIENT_ID "\",\"scope\":\"" SCOPES "\","
                     "\"iat\":%" G_GINT64_FORMAT ",\"exp\":%" G_GINT64_FORMAT ","
                     "\"jti\":\"9f8c2a41-6d3e-4b7a-a1c5-0e2f7d9b3c84\"}",
                     issuer, now, now + 3600);

  return rc_test_make_jwt ("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"petstore-2026\"}",
                           claims);
}

/* The token endpoint: a JWT for the right client credentials, in a Basic Auth header. */
static void
token_handler (RcTestServer      *server,
               SoupServerMessage *message,
               const char        *path,
               gpointer           user_data)
{
  Shots *shots = user_data;
  RcTestRequest *request = rc_test_server_get_request (server, server->requests->len - 1);
  g_autofree char *body = NULL;

  if (!g_str_equal (path, "/oauth2/token") || g_strcmp0 (request->method, "POST") != 0)
    {
      rc_test_respond (message, 404, "application/json", "{\"error\":\"not_found\"}");
      return;
    }

  if (!rc_test_check_client (message, CLIENT_ID, CLIENT_SECRET))
    return;

  body = g_strdup_printf ("{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                          "\"scope\":\"" SCOPES "\"}", shots->jwt);
  rc_test_respond (message, 200, "application/json", body);
}

/* The Petstore API: one pet, for a valid Bearer token. */
static void
api_handler (RcTestServer      *server,
             SoupServerMessage *message,
             const char        *path,
             gpointer           user_data)
{
  Shots *shots = user_data;
  RcTestRequest *request = rc_test_server_get_request (server, server->requests->len - 1);
  const char *authorization = soup_message_headers_get_one (request->headers, "Authorization");
  g_autofree char *bearer = g_strconcat ("Bearer ", shots->jwt, NULL);

  if (g_strcmp0 (authorization, bearer) != 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    "WWW-Authenticate", "Bearer error=\"invalid_token\"");
      rc_test_respond (message, 401, "application/json",
                       "{\"message\":\"A valid access token is required\"}");
    }
  else if (g_str_equal (path, "/v1/pets/42"))
    rc_test_respond (message, 200, "application/json", PET_JSON);
  else
    rc_test_respond (message, 404, "application/json", "{\"message\":\"No such pet\"}");
}

/* Every widget at or below @root named @name, depth first. */
static void
collect_named (GtkWidget  *root,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

/* The last widget below @root named @name: the row just added. */
static GtkWidget *
get_last_widget (GtkWidget  *root,
                 const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_named (root, name, found);
  if (found->len == 0)
    g_error ("No widget named “%s” in %s", name, G_OBJECT_TYPE_NAME (root));

  return g_ptr_array_index (found, found->len - 1);
}

static void
click (GtkWidget  *root,
       const char *name)
{
  GtkWidget *button = rc_test_gui_get_named (root, name);

  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  GtkWidget *row = rc_test_gui_get_named (root, name);

  if (RC_IS_TEXT_ROW (row))
    rc_text_row_set_text (RC_TEXT_ROW (row), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Waits until the label, row title or text view @name below @root shows @text. */
static void
wait_for_text (GtkWidget  *root,
               const char *name,
               const char *text)
{
  rc_test_gui_wait_for_text (rc_test_gui_get_named (root, name), text);
}

static void
assert_view_lacks (GtkWidget  *root,
                   const char *name,
                   const char *needle)
{
  g_autofree char *text = rc_test_gui_dup_view_text (rc_test_gui_get_named (root, name));

  if (strstr (text, needle) != NULL)
    g_error ("“%s” shows “%s”, which it must not:\n%s", name, needle, text);
}

/* Saves @widget as @base-light.png and @base-dark.png. */
static void
shoot (GtkWidget  *widget,
       const char *base)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strconcat (base, "-light.png", NULL);
  g_autofree char *dark = g_strconcat (base, "-dark.png", NULL);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style));
  rc_test_gui_save_screenshot (widget, light);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  rc_test_gui_save_screenshot (widget, dark);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static gboolean
dialog_shown_cb (gpointer data)
{
  Shots *shots = data;

  return gtk_widget_get_mapped (GTK_WIDGET (shots->dialog)) &&
         gtk_widget_get_width (GTK_WIDGET (shots->dialog)) > 0;
}

/* The dialog's tabs are in its header bar, not in the bar at the bottom. */
static gboolean
tabs_in_header_cb (gpointer data)
{
  GtkWidget *dialog = data;
  GtkWidget *bar = rc_test_gui_find_of_type (dialog, ADW_TYPE_VIEW_SWITCHER_BAR);

  return !adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar));
}

static gboolean
test_done_cb (gpointer data)
{
  GtkWidget *dialog = data;
  RcTestPanel *panel = RC_TEST_PANEL (rc_test_gui_find_of_type (dialog, RC_TYPE_TEST_PANEL));
  RcInspector *inspector =
    RC_INSPECTOR (rc_test_gui_find_of_type (GTK_WIDGET (panel), RC_TYPE_INSPECTOR));
  gboolean running;

  g_object_get (panel, "running", &running, NULL);

  return !running && !rc_inspector_get_busy (inspector);
}

static void
show_tab (GtkWidget  *root,
          const char *page)
{
  AdwViewStack *stack = ADW_VIEW_STACK (rc_test_gui_get_named (root, "method-editor-stack"));

  rc_test_gui_show_page (GTK_WIDGET (stack), page);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, page);
  g_assert_true (gtk_widget_get_mapped (adw_view_stack_get_visible_child (stack)));
}

/* The sample project, its Petstore API pointed at the servers, its secret in the keyring. */
static void
set_up (Shots *shots)
{
  g_autofree char *issuer = NULL;
  g_autofree char *token_url = NULL;
  g_autofree char *base_url = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  RcAuth *auth;
  g_autoptr(RcSecretBinding) binding = NULL;
  g_autoptr(GError) error = NULL;

  /* Text as a GNOME session renders it, which a bare X server does not set:
   * Cantarell 11 (if installed), slight hinting, grayscale antialiasing.
   * No animations: a tab left a moment ago would still fade out. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-font-name", FONT,
                "gtk-xft-antialias", 1,
                "gtk-xft-hinting", 1,
                "gtk-xft-hintstyle", "hintslight",
                "gtk-xft-rgba", "none",
                NULL);

  /* Restcall's own additions to the style, which RcApplication loads. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/restcall/Restcall/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  shots->token_server = rc_test_server_new (FALSE);
  shots->token_server->handler = token_handler;
  shots->token_server->handler_data = shots;
  shots->api_server = rc_test_server_new (FALSE);
  shots->api_server->handler = api_handler;
  shots->api_server->handler_data = shots;

  issuer = rc_test_server_url (shots->token_server, "/");
  shots->jwt = make_jwt (issuer);
  token_url = rc_test_server_url (shots->token_server, "/oauth2/token");
  base_url = rc_test_server_url (shots->api_server, "/v1");

  shots->project = rc_test_gui_load_sample ();
  shots->petstore = rc_project_find_api (shots->project, "Petstore");
  g_assert_nonnull (shots->petstore);
  rc_api_set_base_url (shots->petstore, base_url);
  auth = rc_api_get_auth (shots->petstore);
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_cmpstr (rc_auth_get_client_id (auth), ==, CLIENT_ID);
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, SCOPES);
  rc_auth_set_token_url (auth, token_url);

  binding = rc_secret_binding_new_for_api (shots->petstore);
  rc_test_keyring_store (rc_test_gui_get_secret_store (), rc_project_get_id (shots->project),
                         rc_api_get_id (shots->petstore), rc_auth_ensure_secret_id (auth), binding,
                         CLIENT_SECRET, &error);
  g_assert_no_error (error);
  /* Where a user keeps it: the title says ~/Projects, not the build tree. */
  file = g_file_new_build_filename (g_get_home_dir (), "Projects", "petstore.restcall", NULL);
  rc_project_set_file (shots->project, file);
  rc_project_set_dirty (shots->project, FALSE);

  shots->window = rc_test_gui_present_window (shots->project, WIDTH, HEIGHT);
  /* As users see it: no development stripes on the header bar. */
  gtk_widget_remove_css_class (GTK_WIDGET (shots->window), "devel");
}

static void
tear_down (Shots *shots)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  if (shots->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (shots->dialog));
  rc_test_gui_destroy_window (&shots->window);
  rc_test_gui_wait_for_idle ();

  g_clear_object (&shots->project);
  g_clear_pointer (&shots->token_server, rc_test_server_free);
  g_clear_pointer (&shots->api_server, rc_test_server_free);
  g_clear_pointer (&shots->jwt, g_free);
}

static gboolean
switcher_bar_hidden_cb (gpointer data)
{
  return !adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (data));
}

/* Shots */

/* The main window: getPet on its Request tab, wide and narrow. */
static void
shoot_main_window (Shots *shots)
{
  GtkWidget *window = GTK_WIDGET (shots->window);
  RcMethod *method = rc_api_find_method (shots->petstore, "getPet");

  g_assert_nonnull (method);
  rc_test_gui_select_item (shots->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (shots->window, "method");
  show_tab (window, "request");
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (rc_test_gui_get_named (window, "method-name-row"))), ==,
    "getPet");
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (rc_test_gui_get_named (window, "method-url-row"))), ==,
    "/pets/{petId}");
  g_assert_true (gtk_widget_get_mapped (rc_test_gui_get_named (window, "method-parameter-row")));
  /* At this width the tabs settle in the header bar, beside the title. */
  g_assert_true (rc_test_gui_wait (switcher_bar_hidden_cb,
                                   rc_test_gui_find_of_type (window, ADW_TYPE_VIEW_SWITCHER_BAR)));
  rc_test_gui_wait_for_transitions (window);
  shoot (window, "main-window");

  rc_test_gui_resize (GTK_WINDOW (window), NARROW_WIDTH, HEIGHT);
  rc_test_gui_wait_for_transitions (window);
  /* Folded: the method, not the list, with a way back. */
  g_assert_true (gtk_widget_get_mapped (rc_test_gui_get_named (window, "method-name-row")));
  g_assert_true (gtk_widget_get_mapped (rc_test_gui_get_named (window, "back-button")));
  shoot (window, "main-window-narrow");

  rc_test_gui_resize (GTK_WINDOW (window), WIDTH, HEIGHT);
  rc_test_gui_wait_for_transitions (window);
}

/* The API page's token panel, after Get New Token. */
static void
shoot_token_panel (Shots *shots)
{
  GtkWidget *window = GTK_WIDGET (shots->window);
  GtkWidget *panel;
  g_autofree char *claims = NULL;

  rc_test_gui_select_item (shots->window, G_OBJECT (shots->petstore));
  rc_test_gui_assert_page_shown (shots->window, "api");
  panel = rc_test_gui_find_of_type (window, RC_TYPE_TOKEN_PANEL);
  g_assert_nonnull (panel);
  g_assert_true (gtk_widget_get_mapped (panel));

  click (window, "token-get-button");
  wait_for_text (window, "token-state-row", "Valid for ");
  g_assert_cmpuint (shots->token_server->requests->len, ==, 1);
  wait_for_text (window, "token-claims-view", "\"sub\"");
  claims = rc_test_gui_dup_view_text (rc_test_gui_get_named (window, "token-claims-view"));
  g_assert_nonnull (strstr (claims, CLIENT_ID));
  g_assert_null (strstr (claims, shots->jwt));
  g_assert_cmpstr (adw_action_row_get_subtitle (
                     ADW_ACTION_ROW (rc_test_gui_get_named (window, "token-scopes-row"))),
                   ==, SCOPES);

  /* Once the claims are laid out, the page is long enough to scroll to the panel. */
  rc_test_gui_scroll_to (panel);
  shoot (window, "token-panel");

  /* The page would scroll back to the name, which has the keyboard. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  rc_test_gui_resize (GTK_WINDOW (window), NARROW_WIDTH, HEIGHT);
  rc_test_gui_wait_for_transitions (window);
  rc_test_gui_scroll_to (panel);
  shoot (window, "token-panel-narrow");
  rc_test_gui_resize (GTK_WINDOW (window), WIDTH, HEIGHT);
  rc_test_gui_wait_for_transitions (window);
}

/* The API page from its top (name, headers, authentication), wide and narrow. */
static void
shoot_api_page (Shots *shots)
{
  GtkWidget *window = GTK_WIDGET (shots->window);
  GtkWidget *name_row;

  rc_test_gui_select_item (shots->window, G_OBJECT (shots->petstore));
  rc_test_gui_assert_page_shown (shots->window, "api");
  name_row = rc_test_gui_get_named (window, "api-name-row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Petstore");
  /* As a person sees it before clicking into it: no field selected. */
  gtk_editable_select_region (GTK_EDITABLE (name_row), 0, 0);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  rc_test_gui_scroll_to (gtk_widget_get_ancestor (name_row, ADW_TYPE_PREFERENCES_GROUP));
  rc_test_gui_wait_for_transitions (window);
  shoot (window, "api-page");

  rc_test_gui_resize (GTK_WINDOW (window), NARROW_WIDTH, HEIGHT);
  rc_test_gui_wait_for_transitions (window);
  g_assert_true (gtk_widget_get_mapped (name_row));
  shoot (window, "api-page-narrow");

  rc_test_gui_resize (GTK_WINDOW (window), WIDTH, HEIGHT);
  rc_test_gui_wait_for_transitions (window);
}

/* The main window's Test tab after Test (the token from the cache): the
 * status and the body, then the inspector after Go to Inspector; narrow. */
static void
shoot_main_test (Shots *shots)
{
  GtkWidget *window = GTK_WIDGET (shots->window);
  RcMethod *method = rc_api_find_method (shots->petstore, "getPet");
  GtkWidget *panel;

  g_assert_nonnull (method);
  rc_test_gui_select_item (shots->window, G_OBJECT (method));
  rc_test_gui_assert_page_shown (shots->window, "method");
  show_tab (window, "test");
  panel = rc_test_gui_find_of_type (window, RC_TYPE_TEST_PANEL);
  rc_test_panel_run (RC_TEST_PANEL (panel));
  g_assert_true (rc_test_gui_wait (test_done_cb, window));
  wait_for_text (window, "test-status-label", "200 OK");
  wait_for_text (window, "test-response-view", "\"name\": \"Rex\"");
  wait_for_text (window, "inspector-token-request", "Token from cache");
  assert_view_lacks (window, "inspector-api-request", shots->jwt);
  rc_test_gui_wait_for_transitions (window);
  shoot (window, "main-window-test");

  click (window, "test-inspect-button");
  rc_test_gui_wait_for_focus (rc_test_gui_get_named (window, "inspector-api-request"));
  rc_test_gui_wait_for_frame (window);
  shoot (window, "main-window-inspector");

  rc_test_gui_resize (GTK_WINDOW (window), NARROW_WIDTH, HEIGHT);
  rc_test_gui_wait_for_transitions (window);
  g_assert_true (gtk_widget_get_mapped (rc_test_gui_get_named (window, "test-button")));
  rc_test_gui_scroll_to (rc_test_gui_get_named (window, "test-button"));
  shoot (window, "main-window-test-narrow");

  rc_test_gui_resize (GTK_WINDOW (window), WIDTH, HEIGHT);
  rc_test_gui_wait_for_transitions (window);
}

/* The Consume dialog's four tabs, a PUT with OAuth 2.0 of its own, tested. */
static void
shoot_dialog (Shots *shots)
{
  g_autofree char *token_url = rc_test_server_url (shots->token_server, "/oauth2/token");
  GtkWidget *dialog;
  GtkWidget *body_view;
  RcMethod *draft;
  RcAuth *auth;
  RcTestRequest *request;
  const char * const panes[] = {
    "inspector-api-request", "inspector-api-response",
    "inspector-token-request", "inspector-token-response",
  };

  /* A token request of its own, for the Authorization server panes. */
  rc_token_cache_clear (rc_test_gui_get_token_cache (),
                        rc_api_get_auth (shots->petstore));

  shots->dialog = RC_METHOD_DIALOG (rc_method_dialog_new (GTK_WINDOW (shots->window),
                                                          rc_test_gui_get_context (),
                                                          shots->project, shots->petstore));
  g_object_add_weak_pointer (G_OBJECT (shots->dialog), (gpointer *) &shots->dialog);
  dialog = GTK_WIDGET (shots->dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (rc_test_gui_wait (dialog_shown_cb, shots));
  if (!rc_test_gui_wait (tabs_in_header_cb, dialog))
    g_error ("With %s, the dialog's tabs are at the bottom at %d×%d", FONT, WIDTH, HEIGHT);
  draft = rc_method_dialog_get_method (shots->dialog);

  /* Request */
  set_text (dialog, "method-name-row", "updatePet");
  rc_test_gui_select_combo_label (rc_test_gui_get_named (dialog, "method-verb-row"), "PUT");
  set_text (dialog, "method-url-row", "/pets/{petId}");
  set_text (dialog, "method-description-row", "Update a pet in the store");
  set_text (dialog, "method-parameter-row", "42");
  g_assert_cmpstr (rc_method_get_verb (draft), ==, "PUT");
  g_assert_cmpstr (rc_pair_list_lookup (rc_method_get_test_values (draft), "petId"), ==, "42");
  show_tab (dialog, "request");
  shoot (dialog, "dialog-request");

  /* Headers and Authentication */
  show_tab (dialog, "headers");
  click (dialog, "headers-add-button");
  gtk_editable_set_text (GTK_EDITABLE (get_last_widget (dialog, "header-name-entry")),
                         "Accept-Language");
  gtk_editable_set_text (GTK_EDITABLE (get_last_widget (dialog, "header-value-entry")),
                         "en-GB");
  g_assert_cmpstr (rc_pair_list_lookup (rc_method_get_headers (draft), "Accept-Language"), ==,
                   "en-GB");

  rc_test_gui_select_combo_label (rc_test_gui_get_named (dialog, "auth-kind-row"),
                                  rc_auth_kind_get_label (RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS));
  auth = rc_method_get_auth (draft);
  g_assert_nonnull (auth);
  set_text (dialog, "auth-client-id-row", CLIENT_ID);
  set_text (dialog, "auth-token-url-row", token_url);
  set_text (dialog, "auth-scopes-row", SCOPES);
  g_assert_cmpstr (rc_auth_get_token_url (auth), ==, token_url);

  adw_expander_row_set_expanded (
    ADW_EXPANDER_ROW (rc_test_gui_get_named (dialog, "auth-token-params-row")), TRUE);
  click (dialog, "auth-token-params-add-button");
  gtk_editable_set_text (GTK_EDITABLE (get_last_widget (dialog, "auth-token-param-name-entry")),
                         "audience");
  gtk_editable_set_text (GTK_EDITABLE (get_last_widget (dialog, "auth-token-param-value-entry")),
                         AUDIENCE);
  g_assert_cmpstr (rc_pair_list_lookup (rc_auth_get_token_params (auth), "audience"), ==, AUDIENCE);

  /* The secret, typed and applied: to the keyring, out of the entry. */
  set_text (dialog, "auth-secret-row", CLIENT_SECRET);
  g_signal_emit_by_name (rc_test_gui_get_named (dialog, "auth-secret-row"), "entry-activated");
  g_assert_nonnull (rc_auth_get_secret_id (auth));
  g_assert_true (rc_test_keyring_wait_for (rc_test_gui_get_secret_store (),
                                           rc_project_get_id (shots->project),
                                           rc_auth_get_secret_id (auth), CLIENT_SECRET));
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (rc_test_gui_get_named (dialog, "auth-secret-row"))), ==,
    "");
  g_assert_true (
    gtk_widget_is_sensitive (rc_test_gui_get_named (dialog, "method-dialog-finish-button")));
  shoot (dialog, "dialog-headers");
  rc_test_gui_resize (GTK_WINDOW (dialog), NARROW_WIDTH, HEIGHT);
  rc_test_gui_wait_for_transitions (dialog);
  shoot (dialog, "dialog-headers-narrow");
  rc_test_gui_resize (GTK_WINDOW (dialog), WIDTH, HEIGHT);
  rc_test_gui_wait_for_transitions (dialog);
  g_assert_true (rc_test_gui_wait (tabs_in_header_cb, dialog));

  /* Body */
  show_tab (dialog, "body");
  rc_test_gui_select_combo_label (rc_test_gui_get_named (dialog, "method-content-type-row"),
                                  "application/json");
  body_view = rc_test_gui_get_named (dialog, "method-body-view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body_view)), UPDATE_BODY, -1);
  g_assert_cmpstr (rc_method_get_content_type (draft), ==, "application/json");
  shoot (dialog, "dialog-body");

  /* Test: the call, then the response and the four panes, masked. */
  show_tab (dialog, "test");
  gtk_widget_grab_focus (rc_test_gui_get_named (dialog, "test-button"));
  click (dialog, "test-button");
  if (!rc_test_gui_wait (test_done_cb, dialog))
    g_error ("The test call did not end in time; the panel says “%s”",
             gtk_label_get_text (GTK_LABEL (rc_test_gui_get_named (dialog, "test-status-label"))));
  wait_for_text (dialog, "test-status-label", "200");
  g_test_message ("Status: %s", gtk_label_get_text (
                                  GTK_LABEL (rc_test_gui_get_named (dialog, "test-status-label"))));
  wait_for_text (dialog, "test-response-view", "\"name\": \"Rex\"");

  g_assert_cmpuint (shots->token_server->requests->len, ==, 2);
  g_assert_cmpuint (shots->api_server->requests->len, ==, 1);
  request = rc_test_server_get_request (shots->api_server, 0);
  g_assert_cmpstr (request->method, ==, "PUT");
  g_assert_cmpstr (request->path, ==, "/v1/pets/42");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Accept-Language"), ==,
                   "en-GB");
  g_assert_nonnull (strstr (g_bytes_get_data (request->body, NULL), "\"status\": \"available\""));
  request = rc_test_server_get_request (shots->token_server, 1);
  g_assert_nonnull (strstr (g_bytes_get_data (request->body, NULL), "audience="));

  wait_for_text (dialog, "inspector-api-request", "PUT ");
  wait_for_text (dialog, "inspector-api-request", "/v1/pets/42");
  wait_for_text (dialog, "inspector-api-response", "200");
  wait_for_text (dialog, "inspector-token-request", "grant_type=client_credentials");
  wait_for_text (dialog, "inspector-token-response", "\"expires_in\"");
  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    {
      assert_view_lacks (dialog, panes[i], CLIENT_SECRET);
      assert_view_lacks (dialog, panes[i], shots->jwt);
    }
  g_assert_false (
    rc_inspector_get_reveal (RC_INSPECTOR (rc_test_gui_find_of_type (dialog, RC_TYPE_INSPECTOR))));
  rc_test_gui_scroll_to (rc_test_gui_get_named (dialog, "inspector-reveal-button"));
  shoot (dialog, "dialog-test");
}

/* The Consume dialog's four tabs again, as filled and tested, with a
 * font wider than Cantarell. */
static void
shoot_dialog_wide_font (Shots *shots)
{
  const char * const tabs[] = { "request", "headers", "body", "test" };
  GtkWidget *dialog = GTK_WIDGET (shots->dialog);

  g_object_set (gtk_settings_get_default (), "gtk-font-name", WIDE_FONT, NULL);
  rc_test_gui_wait_for_transitions (dialog);
  if (!rc_test_gui_wait (tabs_in_header_cb, dialog))
    g_error ("With %s, the dialog's tabs are at the bottom at %d×%d", WIDE_FONT, WIDTH, HEIGHT);

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_autofree char *base = g_strdup_printf ("dialog-%s-dejavu-sans", tabs[i]);

      show_tab (dialog, tabs[i]);
      /* No field left selected by the tab's focus (given once idle); each
       * tab from its top, the Test tab at its panes, as before. */
      rc_test_gui_wait_for_idle ();
      gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
      if (g_str_equal (tabs[i], "request"))
        gtk_editable_select_region (
          GTK_EDITABLE (rc_test_gui_get_named (dialog, "method-name-row")), 0, 0);
      else if (g_str_equal (tabs[i], "headers"))
        rc_test_gui_scroll_to (rc_test_gui_get_named (dialog, "headers-add-button"));
      else if (g_str_equal (tabs[i], "test"))
        rc_test_gui_scroll_to (rc_test_gui_get_named (dialog, "inspector-reveal-button"));
      shoot (dialog, base);
    }

  g_object_set (gtk_settings_get_default (), "gtk-font-name", FONT, NULL);
}

static gboolean
import_listed_cb (gpointer data)
{
  GListModel *items = rc_import_dialog_get_items (data);

  return items != NULL && g_list_model_get_n_items (items) > 0;
}

static gboolean
popover_shown_cb (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static gboolean
popover_hidden_cb (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* The import dialog's scopes popover, opened from its button: a window of its own. */
static void
shoot_import_scopes (RcImportDialog *dialog,
                     const char     *base)
{
  GtkWidget *button = rc_test_gui_get_named (GTK_WIDGET (dialog), "import-scopes-button");
  GtkWidget *popover = rc_test_gui_get_named (GTK_WIDGET (dialog), "import-scopes-popover");

  rc_test_gui_scroll_to (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (rc_test_gui_wait (popover_shown_cb, popover));
  shoot (popover, base);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  g_assert_true (rc_test_gui_wait (popover_hidden_cb, popover));
}

/* The import dialog on a document with many operations and a client
 * credentials scheme with twelve long scopes, wide and narrow. */
static void
shoot_import_dialog (Shots *shots)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "openapi",
                                                 "many-scopes.yaml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RcImportDialog *dialog = RC_IMPORT_DIALOG (rc_import_dialog_new (shots->window));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (dialog));
  rc_import_dialog_load_file (dialog, file);
  rc_test_gui_assert_stack_page (GTK_WIDGET (dialog), "import-stack", "operations");
  g_assert_true (rc_test_gui_wait (import_listed_cb, dialog));
  wait_for_text (GTK_WIDGET (dialog), "import-count-label", "15 of 15");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     rc_test_gui_get_named (GTK_WIDGET (dialog), "import-scopes-row"))),
                   ==, "12 scopes");
  shoot (GTK_WIDGET (dialog), "import-dialog");
  shoot_import_scopes (dialog, "import-dialog-scopes");

  rc_test_gui_resize (GTK_WINDOW (dialog), NARROW_WIDTH, HEIGHT);
  rc_test_gui_wait_for_transitions (GTK_WIDGET (dialog));
  shoot (GTK_WIDGET (dialog), "import-dialog-narrow");
  shoot_import_scopes (dialog, "import-dialog-scopes-narrow");

  rc_test_gui_close_window (&dialog);
}

/* Tests */

static void
test_all (void)
{
  Shots shots = { 0 };

  if (rc_test_gui_skip_without_display ())
    return;
  if (g_getenv ("RC_SCREENSHOT_DIR") == NULL)
    g_test_message (
      "RC_SCREENSHOT_DIR is not set: everything is rendered and checked, nothing saved");

  set_up (&shots);
  shoot_main_window (&shots);
  shoot_token_panel (&shots);
  shoot_api_page (&shots);
  shoot_dialog (&shots);
  shoot_main_test (&shots);
  shoot_dialog_wide_font (&shots);
  shoot_import_dialog (&shots);
  tear_down (&shots);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The keyring and the servers answer over D-Bus and HTTP: long waits. */
  if (!rc_test_gui_init_keyring_session ())
    return 1;

  g_test_add_func ("/restcall/screenshots/all", test_all);

  return g_test_run ();
}
