/* test-gui-token.c: the token panel, against a real keyring and a token endpoint
 *
 * Run by keyring-session.sh (a private session bus with a throwaway,
 * unlocked GNOME Keyring) under Xvfb. The panel sits in a preferences page
 * in a real window. The client secret is stored in the keyring first, as
 * the authentication group would; a SoupServer on 127.0.0.1 plays the
 * authorization server, checks the client's credentials and answers with a
 * JWT built here, an opaque token, or an OAuth 2.0 error. Each token
 * request is kept in the context's history, masked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <string.h>

#include "rc-test-gui.h"
#include "rc-test-keyring.h"
#include "rc-test-server.h"
#include "rc-token-panel.h"

#define CLIENT_ID     "pets-client"
#define CLIENT_SECRET "s3cret: with + and %"
#define SECRET_RESOURCE "resource-S3CRET-variable-0b7d"

typedef enum {
  ANSWER_JWT,
  ANSWER_OPAQUE,
  ANSWER_SHORT,
  ANSWER_REFUSE,
  ANSWER_HOLD,
} Answer;

typedef struct
{
  RcTestServer      *server;
  RcProject         *project;
  RcApi             *api;
  GtkWindow         *window;
  RcTokenPanel      *panel;

  Answer             answer;
  char              *jwt;
  SoupServerMessage *held;
  guint              cache_refs;  /* the token cache's, with no fetch on its way */
} Fixture;

/* Helpers */

/* The line of @claim shows its number, then its local date. */
static void
assert_claim_date (const char *claims,
                   const char *claim)
{
  g_autofree char *prefix = g_strdup_printf ("\"%s\": ", claim);
  const char *line = strstr (claims, prefix);
  g_autofree char *shown = NULL;
  g_autofree char *date = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) time = NULL;
  guint64 seconds;
  char *end;

  g_assert_nonnull (line);
  seconds = g_ascii_strtoull (line + strlen (prefix), &end, 10);
  g_assert_cmpuint (seconds, >, 0);
  time = g_date_time_new_from_unix_local (seconds);
  date = g_date_time_format (time, "%c");
  shown = g_strndup (end, strcspn (end, "\n"));
  expected = g_strconcat (",  ", date, NULL);
  g_assert_cmpstr (shown, ==, expected);
}

static char *
make_jwt (void)
{
  g_autofree char *claims =
    g_strdup_printf ("{\"iss\":\"https://auth.example.com\",\"sub\":\"" CLIENT_ID "\","
                     "\"aud\":\"https://pets.example.com\",\"scope\":\"pets:read pets:write\","
                     "\"exp\":%" G_GINT64_FORMAT ",\"tenant\":\"Zoë's pets\"}",
                     g_get_real_time () / G_USEC_PER_SEC + 3600);

  return rc_test_make_jwt ("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"test-key\"}", claims);
}

static void
token_endpoint (RcTestServer      *server,
                SoupServerMessage *message,
                const char        *path,
                gpointer           user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *body = NULL;

  if (!rc_test_check_client (message, CLIENT_ID, CLIENT_SECRET))
    return;

  switch (fixture->answer)
    {
    case ANSWER_JWT:
      body =
        g_strdup_printf ("{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                         "\"scope\":\"pets:read pets:write\"}",
                         fixture->jwt);
      rc_test_respond (message, 200, "application/json", body);
      break;

    case ANSWER_OPAQUE:
      rc_test_respond (message, 200, "application/json",
                       "{\"access_token\":\"2YotnFZFEjr1zCsicMWpAA\",\"token_type\":\"bearer\","
                       "\"expires_in\":120}");
      break;

    case ANSWER_SHORT:
      rc_test_respond (
        message, 200, "application/json",
        "{\"access_token\":\"short-lived\",\"token_type\":\"Bearer\",\"expires_in\":2}");
      break;

    case ANSWER_REFUSE:
      rc_test_respond (message, 401, "application/json",
                       "{\"error\":\"invalid_client\",\"error_description\":\"Client pets-client "
                       "is disabled until 2030\"}");
      break;

    case ANSWER_HOLD:
      g_assert_null (fixture->held);
      fixture->held = g_object_ref (message);
      soup_server_message_pause (message);
      break;

    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
find (Fixture    *fixture,
      const char *name)
{
  GtkWidget *widget = rc_test_gui_find_named (GTK_WIDGET (fixture->window), name);

  g_assert_nonnull (widget);

  return widget;
}

static const char *
row_title (Fixture    *fixture,
           const char *name)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find (fixture, name)));
}

static const char *
row_subtitle (Fixture    *fixture,
              const char *name)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (find (fixture, name)));
}

static char *
claims_text (Fixture *fixture)
{
  GtkTextBuffer *buffer =
    gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (fixture, "token-claims-view")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
shown (Fixture    *fixture,
       const char *name)
{
  return gtk_widget_get_mapped (find (fixture, name));
}

static void
press (Fixture    *fixture,
       const char *name)
{
  GtkWidget *button = find (fixture, name);

  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

typedef struct
{
  Fixture    *fixture;
  const char *prefix;
} TitleWait;

static gboolean
state_starts_with_cb (gpointer data)
{
  TitleWait *wait = data;

  return g_str_has_prefix (row_title (wait->fixture, "token-state-row"), wait->prefix)
         && !gtk_widget_get_mapped (find (wait->fixture, "token-cancel-button"));
}

static void
assert_state (Fixture    *fixture,
              const char *prefix)
{
  TitleWait wait = { fixture, prefix };

  if (!rc_test_gui_wait (state_starts_with_cb, &wait))
    g_error ("The token state is “%s” (%s), not “%s…”", row_title (fixture, "token-state-row"),
             row_subtitle (fixture, "token-state-row"), prefix);
  g_test_message ("Token state: “%s”: %s", row_title (fixture, "token-state-row"),
                  row_subtitle (fixture, "token-state-row"));
}

static gboolean
claims_shown_cb (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *text = claims_text (fixture);

  return text[0] != '\0';
}

static gboolean
error_shown_cb (gpointer data)
{
  return shown (data, "token-error-label");
}

static gboolean
request_held_cb (gpointer data)
{
  return ((Fixture *) data)->held != NULL;
}

static gboolean
panel_shown_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (((Fixture *) data)->panel));
}

typedef struct
{
  Fixture *fixture;
  char    *title;
} TitleChange;

static gboolean
title_changed_cb (gpointer data)
{
  TitleChange *change = data;

  return g_strcmp0 (row_title (change->fixture, "token-state-row"), change->title) != 0;
}

/* The client secret in the keyring, as the authentication group stores it. */
static void
store_secret (Fixture *fixture)
{
  RcAuth *auth = rc_api_get_auth (fixture->api);
  g_autoptr(RcSecretBinding) binding = rc_secret_binding_new_for_api (fixture->api);
  g_autoptr(GError) error = NULL;

  rc_test_keyring_store (rc_test_gui_get_secret_store (), rc_project_get_id (fixture->project),
                         rc_api_get_id (fixture->api), rc_auth_ensure_secret_id (auth), binding,
                         CLIENT_SECRET, &error);
  g_assert_no_error (error);
}

/* A panel onto the fixture's API with @context, on a page of its own (as
 * on the API page), in a window of its own, shown. */
static RcTokenPanel *
present_panel (Fixture    *fixture,
               RcContext  *context,
               GtkWindow **window)
{
  RcTokenPanel *panel = RC_TOKEN_PANEL (rc_token_panel_new (context));
  GtkWidget *page = adw_preferences_page_new ();

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (panel));
  *window = GTK_WINDOW (adw_window_new ());
  adw_window_set_content (ADW_WINDOW (*window), page);
  gtk_window_set_default_size (*window, 1000, 760);
  gtk_window_present (*window);

  rc_token_panel_set_api (panel, fixture->api, rc_project_get_id (fixture->project));

  return panel;
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *token_url = NULL;
  g_autofree char *project_id = g_uuid_string_random ();
  RcAuth *auth;

  if (!rc_test_gui_has_display ())
    return;

  /* Services of its own: no token asked for in an earlier test. */
  g_assert_cmpuint (rc_token_cache_get_n_requests (rc_test_gui_get_token_cache ()), ==, 0);
  fixture->cache_refs = G_OBJECT (rc_test_gui_get_token_cache ())->ref_count;
  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = token_endpoint;
  fixture->server->handler_data = fixture;
  fixture->jwt = make_jwt ();

  fixture->project = rc_project_new ();
  rc_project_set_id (fixture->project, project_id);
  fixture->api = rc_api_new ("Pets");
  rc_api_set_base_url (fixture->api, "https://pets.example.com/v1");
  token_url = rc_test_server_url (fixture->server, "/oauth2/token");
  auth = rc_api_get_auth (fixture->api);
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, CLIENT_ID);
  rc_auth_set_token_url (auth, token_url);
  rc_auth_set_scopes (auth, "pets:read pets:write");
  rc_auth_ensure_secret_id (auth);
  rc_project_add_api (fixture->project, fixture->api);

  fixture->panel = present_panel (fixture, rc_test_gui_get_context (), &fixture->window);
  g_assert_true (rc_test_gui_wait (panel_shown_cb, fixture));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!rc_test_gui_has_display ())
    return;

  g_object_add_weak_pointer (G_OBJECT (fixture->panel), (gpointer *) &fixture->panel);
  gtk_window_destroy (fixture->window);
  rc_test_gui_wait_gone (&fixture->panel);

  if (fixture->held)
    {
      soup_server_message_unpause (fixture->held);
      rc_test_respond (fixture->held, 503, "text/plain", "gone");
      g_clear_object (&fixture->held);
    }
  /* Every token request has been answered, and the cache let go of it. */
  if (!rc_test_gui_wait_for_refs (rc_test_gui_get_token_cache (), fixture->cache_refs))
    g_error ("A token request is still on its way");

  g_clear_object (&fixture->api);
  g_clear_object (&fixture->project);
  g_clear_pointer (&fixture->server, rc_test_server_free);
  g_free (fixture->jwt);
}

/* Tests */

static void
test_get_and_clear (Fixture       *fixture,
                    gconstpointer  data)
{
  RcTokenCache *cache = rc_test_gui_get_token_cache ();
  RcAuth *auth;
  g_autofree char *claims = NULL;
  TitleChange change = { fixture, NULL };

  if (rc_test_gui_skip_without_display ())
    return;

  auth = rc_api_get_auth (fixture->api);
  store_secret (fixture);

  assert_state (fixture, "No token");
  g_assert_false (shown (fixture, "token-scopes-row"));
  g_assert_false (shown (fixture, "token-claims-view"));
  g_assert_false (shown (fixture, "token-error-label"));
  g_assert_false (gtk_widget_is_sensitive (find (fixture, "token-clear-button")));
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "token-panel-none.png");

  press (fixture, "token-get-button");
  /* At once: it runs, and can be cancelled. */
  g_assert_true (shown (fixture, "token-cancel-button"));
  g_assert_false (shown (fixture, "token-get-button"));
  assert_state (fixture, "Valid for ");
  g_assert_null (strstr (row_title (fixture, "token-state-row"), "Valid for 0"));

  /* One request, whose credentials the server checked. */
  g_assert_cmpuint (fixture->server->requests->len, ==, 1);
  g_assert_true (rc_token_cache_lookup (cache, auth) != NULL);
  g_assert_cmpstr (rc_token_get_access_token (rc_token_cache_lookup (cache, auth)), ==,
                   fixture->jwt);

  g_assert_true (shown (fixture, "token-scopes-row"));
  g_assert_cmpstr (row_subtitle (fixture, "token-scopes-row"), ==, "pets:read pets:write");

  g_assert_true (rc_test_gui_wait (claims_shown_cb, fixture));
  claims = claims_text (fixture);
  g_test_message ("Claims view:\n%s", claims);
  g_assert_nonnull (strstr (claims, "\"kid\": \"test-key\""));
  g_assert_nonnull (strstr (claims, "\"sub\": \"" CLIENT_ID "\""));
  g_assert_nonnull (strstr (claims, "\"tenant\": \"Zoë's pets\""));
  assert_claim_date (claims, "exp");
  g_assert_true (gtk_text_view_get_monospace (GTK_TEXT_VIEW (find (fixture, "token-claims-view"))));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (find (fixture, "token-claims-view"))));

  /* The token is hidden until asked for. */
  g_assert_null (strstr (row_subtitle (fixture, "token-value-row"), fixture->jwt));
  g_assert_null (strstr (claims, fixture->jwt));
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "token-panel-valid.png");
  rc_test_gui_resize (fixture->window, 360, 760);
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "token-panel-valid-narrow.png");
  rc_test_gui_resize (fixture->window, 1000, 760);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find (fixture, "token-reveal-button")), TRUE);
  g_assert_cmpstr (row_subtitle (fixture, "token-value-row"), ==, fixture->jwt);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find (fixture, "token-reveal-button")), FALSE);
  g_assert_null (strstr (row_subtitle (fixture, "token-value-row"), fixture->jwt));

  /* It counts down while on screen… */
  change.title = g_strdup (row_title (fixture, "token-state-row"));
  g_assert_true (rc_test_gui_wait (title_changed_cb, &change));
  g_test_message ("Then: “%s”", row_title (fixture, "token-state-row"));
  g_free (change.title);

  /* …and not while hidden: no clock of the panel ticks then; on screen
   * again, it is right at once. */
  g_assert_nonnull (
    g_main_context_find_source_by_funcs_user_data (NULL, &g_timeout_funcs, fixture->panel));
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->panel)));
  g_assert_null (
    g_main_context_find_source_by_funcs_user_data (NULL, &g_timeout_funcs, fixture->panel));
  change.title = g_strdup (row_title (fixture, "token-state-row"));
  gtk_window_present (fixture->window);
  g_assert_true (rc_test_gui_wait (title_changed_cb, &change));
  g_free (change.title);

  /* Clear: no token, in the cache or on screen. */
  press (fixture, "token-clear-button");
  assert_state (fixture, "No token");
  g_assert_null (rc_token_cache_lookup (cache, auth));
  g_assert_false (shown (fixture, "token-scopes-row"));
  g_assert_false (shown (fixture, "token-claims-view"));
  g_assert_false (gtk_widget_is_sensitive (find (fixture, "token-clear-button")));

  /* Get it again: a second request. */
  press (fixture, "token-get-button");
  assert_state (fixture, "Valid for ");
  g_assert_cmpuint (fixture->server->requests->len, ==, 2);

  /* "New" means new, even while the cached one is valid. */
  press (fixture, "token-get-button");
  assert_state (fixture, "Valid for ");
  g_assert_cmpuint (fixture->server->requests->len, ==, 3);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "token-panel-valid-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Another scope is another token: the one shown was not for it. */
  rc_auth_set_scopes (auth, "pets:read");
  assert_state (fixture, "No token");

  /* So is another extra parameter, even a changed value. */
  rc_auth_set_scopes (auth, "pets:read pets:write");
  rc_pair_list_append (rc_auth_get_token_params (auth), "audience", "https://pets.example.com");
  press (fixture, "token-get-button");
  assert_state (fixture, "Valid for ");
  rc_pair_set_value (rc_pair_list_find (rc_auth_get_token_params (auth), "audience"),
                     "https://other.example.com");
  assert_state (fixture, "No token");
}

/* The server's error_description, in the panel. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  const char *text;

  if (rc_test_gui_skip_without_display ())
    return;

  store_secret (fixture);
  fixture->answer = ANSWER_REFUSE;

  press (fixture, "token-get-button");
  g_assert_true (rc_test_gui_wait (error_shown_cb, fixture));
  text = gtk_label_get_text (GTK_LABEL (find (fixture, "token-error-label")));
  g_test_message ("Error: %s", text);
  g_assert_nonnull (strstr (text, "Client pets-client is disabled until 2030"));
  g_assert_nonnull (strstr (text, "invalid_client"));
  assert_state (fixture, "No token");
  g_assert_true (shown (fixture, "token-get-button"));
  rc_test_gui_save_screenshot (GTK_WIDGET (fixture->window), "token-panel-refused.png");

  /* The next attempt starts afresh. */
  fixture->answer = ANSWER_JWT;
  press (fixture, "token-get-button");
  assert_state (fixture, "Valid for ");
  g_assert_false (shown (fixture, "token-error-label"));
}

typedef struct
{
  Fixture *fixture;
  guint    n_kept;
} Kept;

/* The API's own entries in the history of the test's context. */
static GPtrArray *
list_history (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries =
    rc_history_list (rc_context_get_history (rc_test_gui_get_context ()),
                     rc_project_get_id (fixture->project), rc_api_get_id (fixture->api), NULL, 0,
                     &error);

  g_assert_no_error (error);

  return entries;
}

static gboolean
history_holds_cb (gpointer data)
{
  Kept *kept = data;
  g_autoptr(GPtrArray) entries = list_history (kept->fixture);

  return entries->len == kept->n_kept;
}

/* Each Get New Token is kept in the history as the API's own, a refusal
 * too, masked. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  Kept kept = { fixture, 1 };
  JsonObject *entry;

  if (rc_test_gui_skip_without_display ())
    return;

  store_secret (fixture);
  press (fixture, "token-get-button");
  assert_state (fixture, "Valid for ");
  g_assert_true (rc_test_gui_wait (history_holds_cb, &kept));

  fixture->answer = ANSWER_REFUSE;
  press (fixture, "token-get-button");
  g_assert_true (rc_test_gui_wait (error_shown_cb, fixture));
  kept.n_kept = 2;
  g_assert_true (rc_test_gui_wait (history_holds_cb, &kept));

  entries = list_history (fixture);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *text = json_to_string (g_ptr_array_index (entries, i), FALSE);

      g_assert_null (strstr (text, fixture->jwt));
      g_assert_null (strstr (text, "s3cret"));
    }
  entry = json_node_get_object (g_ptr_array_index (entries, 0));
  g_assert_true (json_object_get_null_member (entry, "method_name"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "error"),
                                                  "code"), ==, "token-refused");
  entry = json_node_get_object (g_ptr_array_index (entries, 1));
  g_assert_cmpstr (json_object_get_string_member (entry, "api"), ==, "Pets");
  g_assert_true (json_object_get_null_member (entry, "error"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "token"),
                                                  "source"), ==, "request");
}

/* A secret variable in a token parameter, the token requested in the
 * project's active environment: the history keeps its name, and the
 * secret variable's value nowhere. */
static void
test_history_environment (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RcEnvironment) staging = rc_environment_new ("Staging");
  g_autoptr(RcVariable) resource = rc_variable_new_secret ("resource");
  g_autoptr(RcSecretBinding) binding = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  RcTestRequest *request;
  Kept kept = { fixture, 1 };

  if (rc_test_gui_skip_without_display ())
    return;

  rc_environment_add_variable (staging, resource);
  rc_project_add_environment (fixture->project, staging);
  rc_project_set_active_environment (fixture->project, staging);
  id = rc_environment_dup_secret_id (staging, "resource");
  binding = rc_environment_dup_secret_binding (staging, "resource");
  rc_test_keyring_store (rc_test_gui_get_secret_store (), rc_project_get_id (fixture->project),
                         rc_environment_get_id (staging), id, binding, SECRET_RESOURCE, &error);
  g_assert_no_error (error);
  rc_pair_list_append (rc_auth_get_token_params (rc_api_get_auth (fixture->api)), "resource",
                       "{{resource}}");
  store_secret (fixture);

  press (fixture, "token-get-button");
  g_assert_true (rc_test_gui_wait (history_holds_cb, &kept));
  request = rc_test_server_get_request (fixture->server, 0);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (request->body, NULL),
                                  g_bytes_get_size (request->body), SECRET_RESOURCE));
  g_assert_true (rc_test_gui_wait (history_holds_cb, &kept));

  entries = list_history (fixture);
  text = json_to_string (g_ptr_array_index (entries, 0), FALSE);
  g_assert_null (strstr (text, SECRET_RESOURCE));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (
                     g_ptr_array_index (entries, 0)), "environment"), ==, "Staging");

  /* The token fetched with the secret variable's value is the one shown:
   * the panel keys it by the values it was fetched with. */
  assert_state (fixture, "Valid for ");
}

/* No secret in the keyring: no request, and what to do. */
static void
test_no_secret (Fixture       *fixture,
                gconstpointer  data)
{
  if (rc_test_gui_skip_without_display ())
    return;

  press (fixture, "token-get-button");
  g_assert_true (rc_test_gui_wait (error_shown_cb, fixture));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find (fixture, "token-error-label"))),
                            "No client secret is stored for this API: enter it above"));
  assert_state (fixture, "No token");
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);
}


static void
secret_wanted_cb (RcTokenPanel *panel,
                  guint        *n_wanted)
{
  (*n_wanted)++;
}

static const char *
error_text (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (find (fixture, "token-error-label")));
}

/* The token URL now points at another server: Get New Token asks first,
 * naming both; Cancel and Type a New Secret send nothing, Use It Here
 * binds the secret there and gets the token from it. */
static void
test_secret_saved_elsewhere (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RcTestServer) elsewhere = NULL;
  g_autofree char *evil_token_url = NULL;
  g_autoptr(RcSecretBinding) now = NULL;
  g_autoptr(RcSecretBinding) stored = NULL;
  AdwMessageDialog *dialog;
  guint n_wanted = 0;
  RcAuth *auth;

  if (rc_test_gui_skip_without_display ())
    return;

  store_secret (fixture);
  auth = rc_api_get_auth (fixture->api);
  elsewhere = rc_test_server_new (FALSE);
  elsewhere->handler = token_endpoint;
  elsewhere->handler_data = fixture;
  evil_token_url = rc_test_server_url (elsewhere, "/oauth2/token");
  rc_auth_set_token_url (auth, evil_token_url);
  now = rc_secret_binding_new_for_api (fixture->api);

  press (fixture, "token-get-button");
  dialog = rc_test_gui_wait_for_dialog (fixture->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Send the Client Secret Elsewhere?");
  g_assert_nonnull (
    strstr (adw_message_dialog_get_body (dialog), rc_secret_binding_get_origin (now)));
  g_signal_connect (fixture->panel, "secret-wanted", G_CALLBACK (secret_wanted_cb), &n_wanted);
  rc_test_gui_respond (dialog, "cancel");
  g_assert_true (rc_test_gui_wait (error_shown_cb, fixture));
  g_assert_cmpstr (error_text (fixture), ==, "Cancelled: the stored client secret was not sent.");
  assert_state (fixture, "No token");

  press (fixture, "token-get-button");
  dialog = rc_test_gui_wait_for_dialog (fixture->window);
  rc_test_gui_respond (dialog, "new");
  g_assert_true (rc_test_gui_wait (error_shown_cb, fixture));
  g_assert_nonnull (
    strstr (error_text (fixture), "Type the client secret for this authentication above"));
  g_assert_cmpuint (n_wanted, ==, 1);
  g_assert_cmpuint (elsewhere->requests->len, ==, 0);
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);

  press (fixture, "token-get-button");
  dialog = rc_test_gui_wait_for_dialog (fixture->window);
  rc_test_gui_respond (dialog, "use");
  assert_state (fixture, "Valid for ");
  g_assert_cmpuint (elsewhere->requests->len, ==, 1);
  g_assert_cmpuint (fixture->server->requests->len, ==, 0);
  stored = rc_test_keyring_get_binding (rc_project_get_id (fixture->project),
                                        rc_auth_get_secret_id (auth));
  g_assert_true (rc_secret_binding_equal (stored, now));
}

static void
test_opaque (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *claims = NULL;

  if (rc_test_gui_skip_without_display ())
    return;

  store_secret (fixture);
  fixture->answer = ANSWER_OPAQUE;

  press (fixture, "token-get-button");
  assert_state (fixture, "Valid for ");
  g_assert_true (rc_test_gui_wait (claims_shown_cb, fixture));
  claims = claims_text (fixture);
  g_test_message ("Claims view: %s", claims);
  g_assert_true (g_str_has_prefix (claims, "Not a JWT"));
  g_assert_null (strstr (claims, "2YotnFZFEjr1zCsicMWpAA"));
  g_assert_cmpstr (row_subtitle (fixture, "token-scopes-row"), ==, "pets:read pets:write");
}

/* A token past its time says so. */
static void
test_expires (Fixture       *fixture,
              gconstpointer  data)
{
  if (rc_test_gui_skip_without_display ())
    return;

  store_secret (fixture);
  fixture->answer = ANSWER_SHORT;

  press (fixture, "token-get-button");
  assert_state (fixture, "Valid for ");
  assert_state (fixture, "Expired");
  g_assert_null (rc_token_cache_lookup (rc_test_gui_get_token_cache (),
                                        rc_api_get_auth (fixture->api)));
  /* What it was is still shown, and can be cleared. */
  g_assert_true (shown (fixture, "token-scopes-row"));
  press (fixture, "token-clear-button");
  assert_state (fixture, "No token");
}

/* A request that hangs can be cancelled; the panel is free meanwhile. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  if (rc_test_gui_skip_without_display ())
    return;

  store_secret (fixture);
  fixture->answer = ANSWER_HOLD;

  press (fixture, "token-get-button");
  g_assert_true (shown (fixture, "token-cancel-button"));
  g_assert_true (rc_test_gui_wait (request_held_cb, fixture));
  g_assert_true (gtk_widget_get_mapped (find (fixture, "token-cancel-button")));
  g_assert_true (gtk_spinner_get_spinning (
    GTK_SPINNER (rc_test_gui_find_of_type (find (fixture, "token-state-row"), GTK_TYPE_SPINNER))));
  g_assert_cmpstr (row_title (fixture, "token-state-row"), ==, "Getting a new token…");
  g_assert_false (gtk_widget_is_sensitive (find (fixture, "token-clear-button")));

  press (fixture, "token-cancel-button");
  assert_state (fixture, "No token");
  g_assert_true (shown (fixture, "token-get-button"));
  g_assert_false (shown (fixture, "token-error-label"));
  g_assert_false (gtk_spinner_get_spinning (
    GTK_SPINNER (rc_test_gui_find_of_type (find (fixture, "token-state-row"), GTK_TYPE_SPINNER))));
}

/* The panel uses the services it was given, not the process's: a token
 * got through one context is not in another's cache, and a panel given
 * that other context shows none, then gets one of its own. */
static void
test_own_context (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RcContext) context = rc_context_new ();
  RcTokenCache *cache = rc_test_gui_get_token_cache ();
  RcTokenCache *other_cache = rc_executor_get_token_cache (rc_context_get_executor (context));
  Fixture other = *fixture;  /* the same API and server, seen in another window */
  RcAuth *auth;

  if (rc_test_gui_skip_without_display ())
    return;

  auth = rc_api_get_auth (fixture->api);
  store_secret (fixture);

  press (fixture, "token-get-button");
  assert_state (fixture, "Valid for ");
  g_assert_cmpuint (fixture->server->requests->len, ==, 1);
  g_assert_nonnull (rc_token_cache_lookup (cache, auth));
  g_assert_null (rc_token_cache_lookup (other_cache, auth));

  other.panel = present_panel (fixture, context, &other.window);
  g_assert_true (rc_test_gui_wait (panel_shown_cb, &other));
  assert_state (&other, "No token");
  g_assert_cmpuint (fixture->server->requests->len, ==, 1);

  press (&other, "token-get-button");
  assert_state (&other, "Valid for ");
  g_assert_cmpuint (fixture->server->requests->len, ==, 2);
  g_assert_cmpuint (rc_token_cache_get_n_requests (cache), ==, 1);
  g_assert_cmpuint (rc_token_cache_get_n_requests (other_cache), ==, 1);
  g_assert_nonnull (rc_token_cache_lookup (other_cache, auth));
  g_assert_true (rc_token_cache_lookup (other_cache, auth) != rc_token_cache_lookup (cache, auth));

  g_object_add_weak_pointer (G_OBJECT (other.panel), (gpointer *) &other.panel);
  gtk_window_destroy (other.window);
  rc_test_gui_wait_gone (&other.panel);
}

/* Shown only for OAuth 2.0 client credentials, following the auth. */
static void
test_follows_kind (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RcApi) basic_api = rc_api_new ("Basic API");
  RcAuth *auth;

  if (rc_test_gui_skip_without_display ())
    return;

  auth = rc_api_get_auth (fixture->api);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->panel)));

  rc_auth_set_kind (auth, RC_AUTH_KIND_BASIC);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->panel)));
  rc_auth_set_kind (auth, RC_AUTH_KIND_NONE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->panel)));
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->panel)));

  /* Another API, with Basic: hidden; no API at all: hidden. */
  rc_auth_set_kind (rc_api_get_auth (basic_api), RC_AUTH_KIND_BASIC);
  rc_token_panel_set_api (fixture->panel, basic_api, rc_project_get_id (fixture->project));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->panel)));
  rc_token_panel_set_api (fixture->panel, NULL, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->panel)));

  /* Back, and the panel follows this API's auth, not the other's. */
  rc_token_panel_set_api (fixture->panel, fixture->api, rc_project_get_id (fixture->project));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->panel)));
  rc_auth_set_kind (rc_api_get_auth (basic_api), RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->panel)));
  rc_auth_set_kind (auth, RC_AUTH_KIND_BASIC);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->panel)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!rc_test_gui_init_keyring_session ())
    return 1;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/restcall/gui/token/get-and-clear", test_get_and_clear);
  ADD ("/restcall/gui/token/refused", test_refused);
  ADD ("/restcall/gui/token/history", test_history);
  ADD ("/restcall/gui/token/history-environment", test_history_environment);
  ADD ("/restcall/gui/token/no-secret", test_no_secret);
  ADD ("/restcall/gui/token/opaque", test_opaque);
  ADD ("/restcall/gui/token/expires", test_expires);
  ADD ("/restcall/gui/token/cancel", test_cancel);
  ADD ("/restcall/gui/token/follows-kind", test_follows_kind);
  ADD ("/restcall/gui/token/secret-saved-elsewhere", test_secret_saved_elsewhere);
  ADD ("/restcall/gui/token/own-context", test_own_context);

#undef ADD

  return g_test_run ();
}
