/* rc-test-panel.c: the Test tab: test values, the Test button, the response and the inspector
 *
 * The rows at the top edit the method's test values (RcTestValues, as on
 * the Request tab); Enter in one calls too. Test (or Ctrl+Enter) looks
 * the secret up in the keyring, then makes the call through its
 * context's executor (rc_call_method_async()), so the token cache is the
 * one every window shares. Nothing of this waits on the main loop: the keyring and
 * the network answer later. What came back is shown in words under the
 * Test button (the status, the time, the size, the exchange's notes), its
 * body in an RcResponseView, and the whole exchange in the inspector;
 * Save Response… writes the whole body (rc-response-save.c).
 *
 * The keyring hands the secret out only if it was saved for where the
 * call would send it (the token URL's origin and the client ID, or the
 * call's origin and the user name): otherwise the panel asks
 * (rc-secret-prompt.c) and sends nothing until the user answers. “Use It
 * Here” binds the secret to where it would go, then makes the call; “Type
 * a New Secret” emits RcTestPanel::secret-wanted, for the editor to show
 * the secret's entry.
 *
 * Every call made is kept in the context's history (rc_history_record(),
 * off the main thread), as it ends, even when the panel has moved on; one
 * the user cancelled is not.
 *
 * Cancel cancels the keyring lookup, the question or the call; the
 * executor ends it and says so. Every answer that comes later (the
 * keyring's, the call's) first checks that it is still the one the panel
 * waits for: another method may be shown by then, or the panel gone with
 * its window (what waits holds no reference on it). A save the panel
 * started is cancelled when it goes; a file already chosen is written
 * all the same.
 * An error is shown in words under the Test button, the server's
 * error_description included; what the user typed stays as it was. A
 * missing secret is said with where to type it: the Headers and
 * Authentication tab for the method's own authentication, the API's page
 * for the API's that it uses (unless the editor beside edits that one,
 * rc_test_panel_set_api_auth_here()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-history-list.h"
#include "rc-inspector.h"
#include "rc-page.h"
#include "rc-response-save.h"
#include "rc-response-view.h"
#include "rc-secret-prompt.h"
#include "rc-test-panel.h"
#include "rc-test-values.h"

struct _RcTestPanel
{
  GtkBox           parent_instance;

  RcContext       *context;
  RcMethod        *method;
  char            *project_id;
  GCancellable    *cancellable;      /* the run under way, if any */
  GCancellable    *save_cancellable; /* the last save */
  GFile           *save_folder;
  RcExchange      *exchange;
  GBytes          *response_body;
  char            *response_type;
  guint            running : 1;
  guint            api_auth_here : 1;  /* the editor beside edits the API's authentication */

  RcPage          *page;
  GtkWidget       *inspect_button;
  AdwPreferencesGroup *values_group;
  RcTestValues    *test_values;
  GtkWidget       *test_button;
  GtkWidget       *cancel_button;
  GtkSpinner      *spinner;
  GtkLabel        *status_label;
  GtkLabel        *notes_label;
  RcResponseView  *response_view;
  RcInspector     *inspector;
  RcHistoryList   *history_list;
};

/* One run of the Test button, and the panel it is for. The panel is not
 * kept alive by it: a panel gone with its window is disposed at once, and
 * its dispose cancels the run. */
typedef struct
{
  GWeakRef         self;
  RcContext       *context;
  GCancellable    *cancellable;
  RcMethod        *method;      /* with the environment filled in, once resolved */
  RcResolver      *resolver;    /* the project's active environment's */
  RcAuthKind       auth_kind;   /* as it was when Test was pressed */
  char            *api_name;    /* the API whose secret is typed on its page, or NULL */
  char            *project_id;
  char            *secret_id;   /* to store the secret again, bound elsewhere */
  RcSecretBinding *binding;     /* where the secret would go, when it was saved elsewhere */
} Run;

static void prompt_answered_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data);

G_DEFINE_FINAL_TYPE (RcTestPanel, rc_test_panel, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_METHOD,
  PROP_RUNNING,
  PROP_EXCHANGE,
  PROP_SHOWING_BODY,
  N_PROPS
};

enum {
  SECRET_WANTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static Run *
run_new (RcTestPanel *self,
         RcAuthKind   auth_kind)
{
  Run *run = g_new0 (Run, 1);

  g_weak_ref_init (&run->self, self);
  run->context = g_object_ref (self->context);
  run->cancellable = g_object_ref (self->cancellable);
  run->method = g_object_ref (self->method);
  run->auth_kind = auth_kind;

  return run;
}

static void
run_free (Run *run)
{
  g_weak_ref_clear (&run->self);
  g_clear_object (&run->context);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->method);
  g_clear_object (&run->resolver);
  g_free (run->project_id);
  g_free (run->secret_id);
  g_free (run->api_name);
  g_clear_pointer (&run->binding, rc_secret_binding_free);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* The panel, if @run is still its current run: not cancelled, not
 * replaced by another, the panel not disposed; else %NULL. */
static RcTestPanel *
run_dup_panel (Run *run)
{
  RcTestPanel *self = g_weak_ref_get (&run->self);

  if (self && self->cancellable != run->cancellable)
    g_clear_object (&self);

  return self;
}

static void
update_actions (RcTestPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "test.run", self->method != NULL && !self->running);
  gtk_widget_action_set_enabled (widget, "test.cancel", self->running);
  gtk_widget_action_set_enabled (widget, "test.save", self->response_body != NULL &&
                                                      g_bytes_get_size (self->response_body) > 0);
}

static void
set_running (RcTestPanel *self,
             gboolean     running)
{
  GtkWidget *focus;
  GtkRoot *root;

  running = !!running;
  if (self->running == running)
    return;

  self->running = running;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_spinner_set_spinning (self->spinner, running);
  update_actions (self);

  /* The focus stays by the button the keyboard pressed, rather than go
   * (the button made insensitive) down to the inspector. */
  if (running && focus == self->test_button)
    gtk_widget_grab_focus (self->cancel_button);
  else if (!running && focus == self->cancel_button)
    gtk_widget_grab_focus (self->test_button);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
set_classes (GtkWidget  *widget,
             const char *css_class)
{
  static const char * const classes[] = { "success", "warning", "error", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  if (css_class)
    gtk_widget_add_css_class (widget, css_class);
}

/* A status line (large, for a response's status) or a message in words. */
static void
set_status (RcTestPanel *self,
            const char  *text,
            const char  *css_class)
{
  set_classes (GTK_WIDGET (self->status_label), css_class);
  gtk_label_set_text (self->status_label, text);
}

static void
set_big_status (RcTestPanel *self,
                gboolean     big)
{
  if (big)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "title-4");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "title-4");
}

/* Ends the run under way with @message instead of a response. */
static void
end_run_with_message (RcTestPanel *self,
                      const char  *message,
                      const char  *css_class)
{
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  set_status (self, message, css_class);
}

/* Forgets the run under way: its answer, when it comes, is not shown. */
static void
abandon_run (RcTestPanel *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
}

/* Empties the response view and forgets the last response. */
static void
clear_response (RcTestPanel *self)
{
  rc_response_view_clear (self->response_view);
  g_clear_pointer (&self->response_body, g_bytes_unref);
  g_clear_pointer (&self->response_type, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), FALSE);
  update_actions (self);
}

static void
set_exchange (RcTestPanel *self,
              RcExchange  *exchange)
{
  if (!g_set_object (&self->exchange, exchange))
    return;

  rc_inspector_set_exchange (self->inspector, exchange);
  /* Nothing to go to before a call: the panes say "Nothing sent yet". */
  gtk_widget_set_visible (self->inspect_button, exchange != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCHANGE]);
}

/* "200 OK · 35 ms · 1.2 kB" */
static char *
describe_response (RcExchange *exchange,
                   gsize       size)
{
  guint status = rc_exchange_get_status (exchange);
  RcHttpRecord *record = rc_exchange_get_api_record (exchange);
  gint64 duration_ms =
    (record ? rc_http_record_get_duration_us (record) : rc_exchange_get_duration_us (exchange)) /
    1000;
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, duration_ms);
  g_autofree char *time_text = NULL;
  const char *phrase = soup_status_get_phrase (status);

  if (duration_ms < 1)
    /* Translators: how long a call took, when it was quicker than a millisecond */
    time_text = g_strdup (_("under 1 ms"));
  else
    /* Translators: how long a call took: %s is a number of milliseconds */
    time_text = g_strdup_printf (_("%s ms"), number);

  /* Translators: status code and reason, the time the call took, and the size of the
   * response body: “200 OK · 35 ms · 1.2 kB” */
  return g_strdup_printf (_("%u %s · %s · %s"), status, phrase ? phrase : "", time_text,
                          size_text);
}

static void
show_notes (RcTestPanel *self,
            RcExchange  *exchange)
{
  const char * const *notes = rc_exchange_get_notes (exchange);
  g_autofree char *text = NULL;

  if (notes == NULL || notes[0] == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->notes_label), FALSE);
      return;
    }

  text = g_strjoinv ("\n", (char **) notes);
  gtk_label_set_text (self->notes_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), TRUE);
}

/* Where to type the missing secret: under Headers and Authentication, or,
 * for a method that uses its API's authentication (unless the editor edits
 * the API's there), on the API's page: the method's tab has no entry for it. */
static char *
dup_secret_missing_message (Run *run)
{
  if (run->api_name != NULL && run->auth_kind == RC_AUTH_KIND_BASIC)
    /* Translators: %s is an API's name */
    return g_strdup_printf (_("No password is stored for the API “%s”, whose authentication this "
                              "method uses. Enter it on the API’s page, then press Test again."),
                            run->api_name);
  if (run->api_name != NULL)
    /* Translators: %s is an API's name */
    return g_strdup_printf (_("No client secret is stored for the API “%s”, whose authentication "
                              "this method uses. Enter it on the API’s page, then press Test "
                              "again."),
                            run->api_name);

  if (run->auth_kind == RC_AUTH_KIND_BASIC)
    return g_strdup (_("No password is stored for this authentication. Enter it under Headers and "
                       "Authentication, then press Test again."));

  return g_strdup (
    _("No client secret is stored for this authentication. Enter it under Headers and "
      "Authentication, then press Test again."));
}

/* Where to type the secret anew: the method's own tab, or its API's page. */
static const char *
get_type_new_message (Run *run)
{
  gboolean own = run->api_name == NULL;

  if (run->auth_kind == RC_AUTH_KIND_BASIC)
    return own ? _("The stored password was not sent. Type the password for this authentication "
                   "under Headers and Authentication, then press Test again.")
               : _("The stored password was not sent. Type the password for this authentication "
                   "on the API’s page, then press Test again.");

  return own ? _("The stored client secret was not sent. Type the client secret for this "
                 "authentication under Headers and Authentication, then press Test again.")
             : _("The stored client secret was not sent. Type the client secret for this "
                 "authentication on the API’s page, then press Test again.");
}

/* Says whether a body is sent, and which: the Body tab's, as it is. */
static void
update_values_description (RcTestPanel *self)
{
  const char *body = self->method ? rc_method_get_body (self->method) : "";

  if (body[0] == '\0')
    adw_preferences_group_set_description (self->values_group,
                                           _("Values for the parameters in the method’s URL. No "
                                             "body is sent: the Body tab is empty."));
  else
    adw_preferences_group_set_description (self->values_group,
                                           _("Values for the parameters in the method’s URL. The "
                                             "body on the Body tab is sent as it is."));
}

/* Callbacks */

static void
method_body_changed_cb (RcTestPanel *self)
{
  update_values_description (self);
}

/* Enter in a value: the call, as Test makes it. */
static void
value_activated_cb (RcTestPanel *self)
{
  rc_test_panel_run (self);
}

static void
show_exchange (RcTestPanel *self,
               RcExchange  *exchange)
{
  const GError *error = rc_exchange_get_error (exchange);
  RcHttpRecord *record = rc_exchange_get_api_record (exchange);
  GBytes *body = NULL;
  g_autofree char *status = NULL;

  set_exchange (self, exchange);
  show_notes (self, exchange);

  if (record && rc_http_record_has_response (record))
    {
      guint code = rc_http_record_get_status (record);

      body = rc_http_record_get_response_body (record);
      self->response_body = body ? g_bytes_ref (body) : g_bytes_new (NULL, 0);
      self->response_type = g_strdup (rc_http_record_get_response_header (record, "Content-Type"));
      update_actions (self);

      status = describe_response (exchange, g_bytes_get_size (self->response_body));
      set_status (self, status,
                  SOUP_STATUS_IS_SUCCESSFUL (code) ? "success" : code >= 400 ? "error" : NULL);
      set_big_status (self, TRUE);
      rc_response_view_show (self->response_view, self->response_body, self->response_type);
    }
  else
    rc_response_view_set_note (self->response_view,
                               _("No response: the call did not reach the API, as said above."),
                               "dim-label");

  if (error)
    set_big_status (self, FALSE);
  if (error && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_status (self, _("Cancelled. Press Test to make the call again."), "dim-label");
  else if (error)
    set_status (self, error->message, "error");
}

/* Keeps the call in the history, unless it was cancelled, with the
 * environment it was made in. */
static void
keep_in_history (Run        *run,
                 RcExchange *exchange)
{
  RcApi *api = rc_method_get_api (run->method);

  if (run->project_id == NULL || api == NULL
      || g_error_matches (rc_exchange_get_error (exchange), G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  rc_history_record (rc_context_get_history (run->context), run->project_id, api, run->method,
                     NULL, run->resolver, exchange);
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSecretBinding) saved_for = NULL;
  g_autoptr(RcSecretBinding) wanted = NULL;
  g_autoptr(RcExchange) exchange = rc_call_method_finish (result, &saved_for, &wanted, &error);
  g_autoptr(RcTestPanel) self = NULL;
  g_autofree char *message = NULL;

  if (exchange != NULL)
    keep_in_history (run, exchange);

  if ((self = run_dup_panel (run)) == NULL)
    return;

  if (exchange != NULL)
    {
      g_clear_object (&self->cancellable);
      set_running (self, FALSE);
      show_exchange (self, exchange);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    end_run_with_message (self, _("Cancelled. Press Test to make the call again."), "dim-label");
  else if (g_error_matches (error, RC_CALL_ERROR, RC_CALL_ERROR_NO_SECRET))
    {
      g_autofree char *missing = dup_secret_missing_message (run);

      end_run_with_message (self, missing, "warning");
    }
  else if (g_error_matches (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH))
    {
      Run *asking = g_steal_pointer (&run);

      /* Nothing is sent before the user says so. */
      asking->binding = g_steal_pointer (&wanted);
      set_status (self, _("The stored secret was saved for another server or login…"), "warning");
      rc_secret_prompt_async (GTK_WIDGET (self), asking->auth_kind, saved_for, asking->binding,
                              asking->cancellable, prompt_answered_cb, asking);
    }
  else
    {
      message = g_strdup_printf (_("The secret could not be read from the keyring: %s. Unlock the "
                                   "keyring, or enter the secret again under Headers and "
                                   "Authentication."), error->message);
      end_run_with_message (self, message, "error");
    }
}

static void
executor_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autoptr(RcExchange) exchange = rc_executor_call_finish (RC_EXECUTOR (object), result);
  g_autoptr(RcTestPanel) self = NULL;

  keep_in_history (run, exchange);
  if ((self = run_dup_panel (run)) == NULL)
    return;

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  show_exchange (self, exchange);
}

/* Looks the secret of @run up (taking @run), then makes the call; a
 * secret variable's value the resolver has already. */
static void
call (Run *run)
{
  const char *variable_secret =
    rc_resolver_get_auth_secret (run->resolver, rc_method_get_effective_auth (run->method));

  if (variable_secret)
    {
      rc_executor_call_async (rc_context_get_executor (run->context), run->method, NULL,
                              variable_secret, run->cancellable, executor_done_cb, run);
      return;
    }

  rc_call_method_async (rc_context_get_executor (run->context),
                        rc_context_get_secret_store (run->context), run->project_id,
                        run->method, NULL, run->cancellable, call_done_cb, run);
}

/* The method as the environment makes it (taking @run), then the call;
 * or why not. */
static void
resolve_then_call (RcTestPanel *self,
                   Run         *run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcMethod) resolved = NULL;

  if (rc_method_get_api (run->method) == NULL)
    {
      end_run_with_message (self, _("This method is not in an API any more, so it cannot be "
                                    "called."), "error");
      run_free (run);
      return;
    }

  if (!(resolved = rc_resolver_resolve_method (run->resolver, run->method, &error)))
    {
      end_run_with_message (self, error->message, "error");
      run_free (run);
      return;
    }

  g_set_object (&run->method, resolved);
  call (run);
}

/* The secret variables' values are in. */
static void
variables_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcTestPanel) self = NULL;
  gboolean loaded = rc_resolver_load_secrets_finish (RC_RESOLVER (object), result, &error);

  if ((self = run_dup_panel (run)) == NULL)
    return;

  if (!loaded)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          end_run_with_message (self, _("Cancelled. Press Test to make the call again."),
                                "dim-label");
          return;
        }
      message = g_strdup_printf (_("The secret variables could not be read from the keyring: %s. "
                                   "Unlock the keyring, then press Test again."),
                                 error->message);
      end_run_with_message (self, message, "error");
      return;
    }

  resolve_then_call (self, g_steal_pointer (&run));
}

/* Fills the project's active environment in (taking @run), then calls:
 * at once when no secret variable is used, so that the call is of the
 * method as it was when Test was pressed. */
static void
resolve_and_call (RcTestPanel *self,
                  Run         *run)
{
  g_auto(GStrv) names = NULL;

  run->resolver = rc_resolver_new_for_api (rc_method_get_api (run->method));
  names = rc_resolver_dup_secret_names (run->resolver, run->method, NULL);
  if (names[0] == NULL)
    {
      resolve_then_call (self, run);
      return;
    }

  rc_resolver_load_secrets_async (run->resolver, rc_context_get_secret_store (run->context),
                                  run->project_id ? run->project_id : "",
                                  (const char * const *) names, run->cancellable,
                                  variables_loaded_cb, run);
}

static void
rebound_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcTestPanel) self = NULL;
  gboolean rebound = rc_call_rebind_secret_finish (result, &error);

  if ((self = run_dup_panel (run)) == NULL)
    return;

  if (!rebound)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          end_run_with_message (self, _("Cancelled. Press Test to make the call again."),
                                "dim-label");
          return;
        }

      message = g_strdup_printf (_("The secret could not be stored for this authentication: %s"),
                                 error->message);
      end_run_with_message (self, message, "error");
      return;
    }

  /* Looked up again, for what it is bound to now. */
  call (g_steal_pointer (&run));
}

static void
prompt_answered_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  RcSecretPromptAnswer answer = rc_secret_prompt_finish (result);
  g_autoptr(RcTestPanel) self = run_dup_panel (run);

  if (self == NULL)
    return;

  switch (answer)
    {
    case RC_SECRET_PROMPT_USE_HERE:
      {
        Run *rebinding = g_steal_pointer (&run);

        set_status (self, _("Storing the secret for this authentication…"), "dim-label");
        rc_call_rebind_secret_async (rc_context_get_secret_store (rebinding->context),
                                     rebinding->project_id, rebinding->secret_id,
                                     rebinding->binding, rebinding->cancellable, rebound_cb,
                                     rebinding);
      }
      break;

    case RC_SECRET_PROMPT_TYPE_NEW:
      end_run_with_message (self, get_type_new_message (run), "warning");
      g_signal_emit (self, signals[SECRET_WANTED], 0);
      break;

    case RC_SECRET_PROMPT_CANCEL:
    default:
      if (g_cancellable_is_cancelled (run->cancellable))
        end_run_with_message (self, _("Cancelled. Press Test to make the call again."),
                              "dim-label");
      else
        end_run_with_message (self, _("Cancelled: the stored secret was not sent."), "dim-label");
      break;
    }
}

static void
response_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = rc_response_save_finish (result, &error);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  RcTestPanel *self;
  GtkWidget *overlay;

  /* Dismissed, or the panel gone or saving again: a file chosen is
   * written all the same. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RC_TEST_PANEL (user_data);
  g_clear_object (&self->save_cancellable);

  if (file == NULL)
    {
      rc_response_view_set_note (self->response_view, error->message, "error");
      return;
    }

  name = g_file_get_parse_name (file);
  message = g_strdup_printf (_("Saved the response to “%s”."), name);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    rc_response_view_set_note (self->response_view, message, "dim-label");
}

static void
showing_body_changed_cb (RcTestPanel *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_BODY]);
}

static void
run_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rc_test_panel_run (RC_TEST_PANEL (widget));
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rc_test_panel_cancel (RC_TEST_PANEL (widget));
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RcTestPanel *self = RC_TEST_PANEL (widget);
  RcHttpRecord *record = self->exchange ? rc_exchange_get_api_record (self->exchange) : NULL;

  if (self->response_body == NULL)
    return;

  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  self->save_cancellable = g_cancellable_new ();
  rc_response_save_async (widget, self->response_body, self->response_type,
                          record ? rc_http_record_get_url (record) : NULL, self->save_folder,
                          self->save_cancellable, response_saved_cb, self);
}

/* The four panes start at the top of the view, the keyboard in the first. */
static void
inspect_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RcTestPanel *self = RC_TEST_PANEL (widget);

  rc_inspector_focus (self->inspector);
  rc_page_scroll_to_widget (self->page, GTK_WIDGET (self->inspector));
}

/* Overrides */

/* Focus coming in forwards (the tab shown, Tab from above) goes to the
 * Test button, so that Enter or Space makes the call; the test values are
 * next. */
static gboolean
rc_test_panel_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  RcTestPanel *self = RC_TEST_PANEL (widget);

  if (direction == GTK_DIR_TAB_FORWARD &&
      gtk_widget_get_focus_child (widget) == NULL &&
      gtk_widget_is_sensitive (self->test_button) &&
      gtk_widget_get_visible (self->test_button))
    return gtk_widget_grab_focus (self->test_button);

  return GTK_WIDGET_CLASS (rc_test_panel_parent_class)->focus (widget, direction);
}

static void
rc_test_panel_dispose (GObject *object)
{
  RcTestPanel *self = (RcTestPanel *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* A file being written is written all the same; only the panel's word
   * about it is dropped. */
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);

  if (self->method)
    g_signal_handlers_disconnect_by_data (self->method, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_TEST_PANEL);

  g_clear_object (&self->method);
  g_clear_object (&self->exchange);
  g_clear_pointer (&self->response_body, g_bytes_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rc_test_panel_parent_class)->dispose (object);
}

static void
rc_test_panel_finalize (GObject *object)
{
  RcTestPanel *self = (RcTestPanel *)object;

  g_clear_pointer (&self->project_id, g_free);
  g_clear_object (&self->save_folder);
  g_clear_pointer (&self->response_type, g_free);

  G_OBJECT_CLASS (rc_test_panel_parent_class)->finalize (object);
}

static void
rc_test_panel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RcTestPanel *self = RC_TEST_PANEL (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      g_value_set_object (value, self->method);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_EXCHANGE:
      g_value_set_object (value, self->exchange);
      break;

    case PROP_SHOWING_BODY:
      g_value_set_boolean (value, rc_response_view_get_busy (self->response_view));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_test_panel_class_init (RcTestPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_test_panel_dispose;
  object_class->finalize = rc_test_panel_finalize;
  object_class->get_property = rc_test_panel_get_property;

  widget_class->focus = rc_test_panel_focus;

  /**
   * RcTestPanel:method:
   *
   * The method tested; rc_test_panel_set_method() sets it.
   */
  properties[PROP_METHOD] =
    g_param_spec_object ("method", NULL, NULL,
                         RC_TYPE_METHOD,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcTestPanel:running:
   *
   * Whether a call (or the keyring lookup before it) is under way.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcTestPanel:exchange:
   *
   * What went over the wire in the last call, or %NULL.
   */
  properties[PROP_EXCHANGE] =
    g_param_spec_object ("exchange", NULL, NULL,
                         RC_TYPE_EXCHANGE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcTestPanel:showing-body:
   *
   * Whether the response body is still being formatted, or put into its
   * view a slice at a time.
   */
  properties[PROP_SHOWING_BODY] =
    g_param_spec_boolean ("showing-body", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcTestPanel::secret-wanted:
   *
   * Emitted when the user chose to type a new secret rather than send the
   * stored one where the call would take it: the editor shows the entry.
   */
  signals[SECRET_WANTED] =
    g_signal_new ("secret-wanted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "test.run", NULL, run_action_cb);
  gtk_widget_class_install_action (widget_class, "test.cancel", NULL, cancel_action_cb);
  gtk_widget_class_install_action (widget_class, "test.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "test.inspect", NULL, inspect_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "test.run",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "test.run",
                                       NULL);

  g_type_ensure (RC_TYPE_INSPECTOR);
  g_type_ensure (RC_TYPE_PAGE);
  g_type_ensure (RC_TYPE_RESPONSE_VIEW);
  g_type_ensure (RC_TYPE_TEST_VALUES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-test-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RcTestPanel, page);
  gtk_widget_class_bind_template_child (widget_class, RcTestPanel, inspect_button);
  gtk_widget_class_bind_template_child (widget_class, RcTestPanel, values_group);
  gtk_widget_class_bind_template_child (widget_class, RcTestPanel, test_values);
  gtk_widget_class_bind_template_child (widget_class, RcTestPanel, test_button);
  gtk_widget_class_bind_template_child (widget_class, RcTestPanel, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RcTestPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, RcTestPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, RcTestPanel, notes_label);
  gtk_widget_class_bind_template_child (widget_class, RcTestPanel, response_view);
  gtk_widget_class_bind_template_child (widget_class, RcTestPanel, inspector);
  gtk_widget_class_bind_template_callback (widget_class, value_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, showing_body_changed_cb);
}

static void
rc_test_panel_init (RcTestPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/* The content type an entry's response said it had. */
static const char *
find_entry_header (JsonObject *entry,
                   const char *name)
{
  JsonNode *headers = json_object_get_member (entry, "headers");

  for (guint i = 0; headers && JSON_NODE_HOLDS_ARRAY (headers)
                    && i < json_array_get_length (json_node_get_array (headers)); i++)
    {
      JsonNode *header = json_array_get_element (json_node_get_array (headers), i);

      if (JSON_NODE_HOLDS_OBJECT (header)
          && g_ascii_strcasecmp (json_object_get_string_member_with_default (
                                   json_node_get_object (header), "name", ""), name) == 0)
        return json_object_get_string_member_with_default (json_node_get_object (header),
                                                           "value", NULL);
    }

  return NULL;
}

/* An entry of the history, picked: its body in the response view and its
 * four parts in the inspector, as kept (masked). */
static void
history_entry_activated_cb (RcTestPanel *self,
                            JsonNode    *node)
{
  JsonObject *entry = json_node_get_object (node);
  const char *body = json_object_get_string_member_with_default (entry, "body", NULL);
  const char *encoding = json_object_get_string_member_with_default (entry, "body_encoding", "");
  const char *time = json_object_get_string_member_with_default (entry, "time", "");
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (time, NULL);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%x %X") : g_strdup (time);
  g_autofree char *status = NULL;
  char *texts[RC_EXCHANGE_TOKEN_RESPONSE + 1];

  if (self->running)
    return;

  clear_response (self);
  set_exchange (self, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    texts[i] = rc_history_dup_part_text (entry, i);
  rc_inspector_show_texts (self->inspector, (const char * const *) texts);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (texts[i]);
  gtk_widget_set_visible (self->inspect_button, TRUE);

  if (body)
    {
      gsize size = 0;
      guchar *data = g_str_equal (encoding, "base64") ? g_base64_decode (body, &size) : NULL;

      self->response_body = data ? g_bytes_new_take (data, size)
                                 : g_bytes_new (body, strlen (body));
      self->response_type = g_strdup (find_entry_header (entry, "Content-Type"));
      rc_response_view_show (self->response_view, self->response_body, self->response_type);
      update_actions (self);
    }
  else
    rc_response_view_set_note (self->response_view, _("No response was kept for this call."),
                               "dim-label");

  /* TRANSLATORS: “From the history, 12/07/26 17:03:12: 200 OK” */
  status = g_strdup_printf (_("From the history, %s: %s"), when,
                            json_object_get_int_member_with_default (entry, "status", 0)
                            ? json_object_get_string_member_with_default (entry, "reason", "")
                            : _("no response"));
  set_big_status (self, FALSE);
  set_status (self, status, "dim-label");
}

/* Public API */

GtkWidget *
rc_test_panel_new (RcContext *context)
{
  RcTestPanel *self = g_object_new (RC_TYPE_TEST_PANEL, NULL);

  rc_test_panel_set_context (self, context);

  return GTK_WIDGET (self);
}

/**
 * rc_test_panel_set_context:
 * @context: the services to use: the executor and the secret store a
 *   call goes through
 *
 * Set before a call is made; a call under way keeps the context it began
 * with.
 */
void
rc_test_panel_set_context (RcTestPanel *self,
                           RcContext   *context)
{
  g_return_if_fail (RC_IS_TEST_PANEL (self));
  g_return_if_fail (RC_IS_CONTEXT (context));

  g_set_object (&self->context, context);

  /* The history below the inspector, once there is one to read. */
  if (self->history_list == NULL)
    {
      self->history_list = RC_HISTORY_LIST (rc_history_list_new (context));
      gtk_widget_insert_after (GTK_WIDGET (self->history_list),
                               gtk_widget_get_parent (GTK_WIDGET (self->inspector)),
                               GTK_WIDGET (self->inspector));
      g_signal_connect_object (self->history_list, "entry-activated",
                               G_CALLBACK (history_entry_activated_cb), self,
                               G_CONNECT_SWAPPED);
      rc_history_list_set_method (self->history_list, self->method, self->project_id);
    }
}

/**
 * rc_test_panel_get_method:
 *
 * Returns: (transfer none) (nullable): the method tested
 */
RcMethod *
rc_test_panel_get_method (RcTestPanel *self)
{
  g_return_val_if_fail (RC_IS_TEST_PANEL (self), NULL);

  return self->method;
}

/**
 * rc_test_panel_set_method:
 * @method: (nullable): the method to test
 * @project_id: (nullable): the id of its project, under which its secret
 *   is in the keyring
 *
 * Shows @method's test values; a call under way for another method is
 * cancelled, and its response forgotten.
 */
void
rc_test_panel_set_method (RcTestPanel *self,
                          RcMethod    *method,
                          const char  *project_id)
{
  g_return_if_fail (RC_IS_TEST_PANEL (self));
  g_return_if_fail (method == NULL || RC_IS_METHOD (method));

  g_free (self->project_id);
  self->project_id = g_strdup (project_id);
  if (self->history_list)
    rc_history_list_set_method (self->history_list, method, project_id);

  if (self->method == method)
    return;

  if (self->method)
    {
      g_signal_handlers_disconnect_by_data (self->method, self);
      abandon_run (self);
    }

  g_set_object (&self->method, method);

  if (method)
    {
      g_signal_connect_object (method, "notify::body", G_CALLBACK (method_body_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  rc_test_values_set_method (self->test_values, method);
  update_values_description (self);
  clear_response (self);
  set_exchange (self, NULL);
  rc_inspector_set_method (self->inspector, method);
  set_status (self, _("Press Test to make the call with these values."), NULL);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

/**
 * rc_test_panel_run:
 *
 * Makes the call, as the Test button does: the secret from the keyring
 * first, then the call; what came back is shown when it comes.
 */
void
rc_test_panel_run (RcTestPanel *self)
{
  RcAuth *auth;
  Run *run;

  g_return_if_fail (RC_IS_TEST_PANEL (self));

  if (self->method == NULL || self->running)
    return;

  clear_response (self);
  set_exchange (self, NULL);
  set_big_status (self, FALSE);

  if (rc_method_get_api (self->method) == NULL)
    {
      set_status (self, _("This method is not in an API yet, so it cannot be called. Add it to an "
                          "API first."), "error");
      return;
    }

  /* A path needs each of its values: the rows without one say so. */
  {
    g_autofree char *missing = rc_test_values_mark_missing (self->test_values);

    if (missing != NULL)
      {
        g_autofree char *message =
          g_strdup_printf (_("The path parameter “%s” has no test value. Enter one: the URL "
                             "needs it."),
                           missing);

        set_status (self, message, "error");
        return;
      }
  }

  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  set_status (self, _("Calling…"), "dim-label");

  auth = rc_method_get_effective_auth (self->method);
  run = run_new (self, auth ? rc_auth_get_kind (auth) : RC_AUTH_KIND_NONE);
  run->project_id = g_strdup (self->project_id);
  run->secret_id = g_strdup (auth ? rc_auth_get_secret_id (auth) : "");
  if (rc_method_get_auth (self->method) == NULL && !self->api_auth_here)
    run->api_name = g_strdup (rc_api_get_name (rc_method_get_api (self->method)));
  if (run->auth_kind != RC_AUTH_KIND_NONE)
    set_status (self, _("Reading the secret from the keyring…"), "dim-label");
  resolve_and_call (self, run);
}

/**
 * rc_test_panel_cancel:
 *
 * Cancels the call under way, if any; the panel says so once it ended.
 */
void
rc_test_panel_cancel (RcTestPanel *self)
{
  g_return_if_fail (RC_IS_TEST_PANEL (self));

  if (!self->running)
    return;

  set_status (self, _("Cancelling…"), "dim-label");
  g_cancellable_cancel (self->cancellable);
}

/**
 * rc_test_panel_set_save_folder:
 * @folder: (nullable): the folder Save Response… starts in, such as the
 *   project's; %NULL for the Downloads folder
 */
void
rc_test_panel_set_save_folder (RcTestPanel *self,
                               GFile       *folder)
{
  g_return_if_fail (RC_IS_TEST_PANEL (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  g_set_object (&self->save_folder, folder);
}

/**
 * rc_test_panel_set_api_auth_here:
 * @here: whether the editor beside the panel edits the API's
 *   authentication (a new API consumed with its method), rather than the
 *   method's own
 *
 * Says where to type a secret the call lacks: for a method that uses its
 * API's authentication, on the API's page, unless it is edited here.
 */
void
rc_test_panel_set_api_auth_here (RcTestPanel *self,
                                 gboolean     here)
{
  g_return_if_fail (RC_IS_TEST_PANEL (self));

  self->api_auth_here = !!here;
}
