/* rc-secret-row.c: whether an auth's secret is in the keyring, and forgetting it
 *
 * A secret (a client secret, a Basic password) never enters the model or
 * the project file: it is stored in the keyring through RcSecretStore,
 * under the ids of the project, of the API or method that owns the auth,
 * and of the auth's secret reference. This row says where the secret of the
 * auth shown stands: being looked up, stored, not stored, or, when no
 * keyring could be used, kept for this session only, with a warning. Its
 * button forgets the secret.
 *
 * A secret is stored bound to what the auth sends it to as it is then: the
 * token URL's origin and the client ID, or the API's (or the method's URL)
 * origin and the user name. One saved for something else (a project file
 * edited or copied since, or an item of an earlier Restcall) is shown as
 * such, with both: it is not sent without asking (rc-secret-prompt.c).
 * The row follows the auth and its owner: once an edit changes where the
 * secret would go (and the typing has paused), it asks the keyring again.
 *
 * A secret typed before the auth says where it goes (the client secret
 * before the access token URL, in the reference document's order) is bound
 * to no origin. Until the row shows another auth, it follows the edits made
 * meanwhile: each time the typing pauses, it is bound again to where the
 * auth sends it then. One read from a project file, or typed once the
 * destination was known, never moves by itself. What waits for the typing
 * to pause (or for the store) is done at once when the row goes out of
 * sight: Test is on another tab, or another page, and its lookup comes
 * after (RcSecretStore keeps the writes and lookups in order).
 *
 * Nothing here waits for the keyring: a locked keyring or an open unlock
 * prompt leaves the main loop free. A lookup is cancelled when another auth
 * is shown or the row goes away; a store or a clear runs to its end, and
 * its answer is shown only if its auth still is. The store keeps the
 * writes in order, and says while they are on their way
 * (RcSecretStore:busy): a clear asked for later waits for them. The store
 * is the context's (rc_secret_row_set_context()).
 *
 * When the secret is a private key (a private_key_jwt or mutual TLS client
 * with no key file), the row offers to import it from a file: read and
 * checked in a thread (rc_client_assertion_read_key_async()), then stored
 * as a typed secret is. A key typed or pasted is checked before it is
 * stored: GtkText keeps a pasted PEM's line breaks, and what is no key (a
 * paste cut short) is refused with a word about the import. What is wrong
 * is said on the row, with the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-client-assertion.h"
#include "rc-client-cert.h"
#include "rc-pem-chooser.h"
#include "rc-secret-row.h"

struct _RcSecretRow
{
  AdwActionRow  parent_instance;

  RcContext    *context;
  RcAuth       *auth;
  char         *project_id;
  GObject      *owner;  /* the RcApi or RcMethod whose auth this is */
  GCancellable *lookup_cancellable;
  GCancellable *import_cancellable;  /* a key file being read */
  RcSecretBinding *binding;  /* what the state shown is for */
  gboolean      provisional; /* typed here for no origin yet: follows the edits */
  GSignalGroup *auth_signals;
  GSignalGroup *owner_signals;
  guint         recheck_id;
  gboolean      stored;      /* a secret the auth can use without asking */

  GtkSpinner   *spinner;
  GtkImage     *icon;
  GtkWidget    *import_button;
  GtkWidget    *forget_button;
};

/* A keyring request, and the auth it was made for. */
typedef struct
{
  RcSecretRow *self;
  RcAuth      *auth;
} Request;

static void recheck_if_moved (RcSecretRow *self);

G_DEFINE_FINAL_TYPE (RcSecretRow, rc_secret_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_STORED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum {
  STATE_CHECKING,
  STATE_STORING,
  STATE_FORGETTING,
  STATE_STORED,
  STATE_NOT_STORED,
} State;

static Request *
request_new (RcSecretRow *self)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->auth = g_object_ref (self->auth);

  return request;
}

static void
request_free (Request *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->auth);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static gboolean
request_is_current (Request *request)
{
  return request->self->auth == request->auth;
}

static const char *
get_owner_id (RcSecretRow *self)
{
  if (RC_IS_API (self->owner))
    return rc_api_get_id (RC_API (self->owner));

  return rc_method_get_id (RC_METHOD (self->owner));
}

/* Where the auth shown sends its secret now. */
static RcSecretBinding *
dup_binding (RcSecretRow *self)
{
  g_autofree char *url = NULL;

  if (RC_IS_API (self->owner))
    url = g_strdup (rc_api_get_base_url (RC_API (self->owner)));
  else if (rc_auth_get_kind (self->auth) == RC_AUTH_KIND_BASIC
           && rc_method_get_api (RC_METHOD (self->owner)) != NULL)
    url = rc_executor_build_url (RC_METHOD (self->owner), NULL, NULL);

  return rc_secret_binding_new_for_auth (self->auth, url);
}

/* What the keyring shows the user (in Seahorse…): a name, never a URL. */
static char *
dup_label (RcSecretRow *self)
{
  const char *name = RC_IS_API (self->owner) ? rc_api_get_name (RC_API (self->owner))
                                             : rc_method_get_name (RC_METHOD (self->owner));

  if (rc_auth_get_kind (self->auth) == RC_AUTH_KIND_BASIC)
    /* Translators: a keyring item's label; %s is an API's or a method's name */
    return g_strdup_printf (_("Restcall: password of “%s”"), name);

  /* Translators: a keyring item's label; %s is an API's or a method's name */
  return g_strdup_printf (_("Restcall: client secret of “%s”"), name);
}

static void
show_status (RcSecretRow *self,
             const char  *title,
             const char  *subtitle,
             const char  *icon_name,
             gboolean     busy,
             gboolean     warning,
             gboolean     can_forget)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle ? subtitle : "");

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);

  gtk_widget_set_visible (GTK_WIDGET (self->icon), icon_name != NULL);
  if (icon_name != NULL)
    gtk_image_set_from_icon_name (self->icon, icon_name);

  if (warning)
    gtk_widget_add_css_class (GTK_WIDGET (self->icon), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "warning");

  /* The keyboard stays on the row when the button goes away under it. */
  if (!can_forget && gtk_widget_has_focus (self->forget_button))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_set_visible (self->forget_button, can_forget);
}

static void
set_stored (RcSecretRow *self,
            gboolean     stored)
{
  if (self->stored == stored)
    return;

  self->stored = stored;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORED]);
}

static void
show_state (RcSecretRow *self,
            State        state)
{
  set_stored (self, state == STATE_STORED || state == STATE_STORING);

  switch (state)
    {
    case STATE_CHECKING:
      show_status (self, _("Checking the keyring…"), NULL, NULL, TRUE, FALSE, FALSE);
      break;

    case STATE_STORING:
      show_status (self, _("Storing in the keyring…"), NULL, NULL, TRUE, FALSE, FALSE);
      break;

    case STATE_FORGETTING:
      show_status (self, _("Removing from the keyring…"), NULL, NULL, TRUE, FALSE, FALSE);
      break;

    case STATE_STORED:
      show_status (self, _("Stored in the keyring"), _("Type a new one above to replace it."),
                   "dialog-password-symbolic", FALSE, FALSE, TRUE);
      break;

    case STATE_NOT_STORED:
      show_status (self, _("Not stored"),
                   _("Type it above and press Enter to keep it in the keyring."),
                   "dialog-warning-symbolic", FALSE, TRUE, FALSE);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
show_warning (RcSecretRow *self,
              const char  *title,
              const char  *message,
              gboolean     can_forget)
{
  set_stored (self, FALSE);
  show_status (self, title, message, "dialog-warning-symbolic", FALSE, TRUE, can_forget);
}

static void
show_session_only (RcSecretRow *self,
                   const char  *message)
{
  show_warning (self, _("Kept for this session only"), message, TRUE);
  set_stored (self, TRUE);
}

static void
cancel_lookup (RcSecretRow *self)
{
  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
}

/* What a store's answer means for the auth shown. */
static void
show_stored (RcSecretRow  *self,
             gboolean      stored,
             const GError *error)
{
  /* This answer is newer than any lookup still running. */
  cancel_lookup (self);

  if (stored)
    show_state (self, STATE_STORED);
  else if (g_error_matches (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_UNAVAILABLE))
    show_session_only (self, error->message);
  else
    show_warning (self, _("The secret could not be stored"), error->message, FALSE);
}

/* A secret is stored, but saved for something else than the auth shown. */
static void
show_saved_for_other (RcSecretRow           *self,
                      const RcSecretBinding *saved_for)
{
  RcAuthKind kind = rc_auth_get_kind (self->auth);
  g_autoptr(RcSecretBinding) binding = dup_binding (self);
  g_autofree char *to = binding ? rc_secret_binding_describe (binding, kind) : g_strdup ("");
  g_autofree char *from = NULL;
  g_autofree char *message = NULL;

  if (saved_for == NULL)
    {
      message =
        g_strdup_printf (_("An earlier version of Restcall did not record where it may be "
                           "sent. Test asks before sending it to %s; or type it again above."),
                         to);
      show_warning (self, _("Stored for no settings in particular"), message, TRUE);
      return;
    }

  from = rc_secret_binding_describe (saved_for, kind);
  message = g_strdup_printf (_("It was saved for %s. Test asks before sending it to %s; or type a "
                               "new one above."),
                             from, to);
  show_warning (self, _("Stored for other settings"), message, TRUE);
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  RcSecretRow *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSecretBinding) saved_for = NULL;
  char *secret;
  gboolean found;

  /* Only whether there is one matters here: the value is wiped at once. */
  secret = rc_secret_store_lookup_finish (RC_SECRET_STORE (object), result, &saved_for, &error);
  found = secret != NULL;
  rc_secret_free (secret);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !request_is_current (request))
    return;

  g_clear_object (&self->lookup_cancellable);

  if (g_error_matches (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH))
    show_saved_for_other (self, saved_for);
  else if (error != NULL)
    show_warning (self, _("The keyring could not be checked"), error->message, FALSE);
  else
    show_state (self, found ? STATE_STORED : STATE_NOT_STORED);
}

/* What a store's or a rebind's answer means for the auth shown. */
static void
show_written (Request      *request,
              gboolean      written,
              const GError *error)
{
  RcSecretRow *self = request->self;

  /* Shown before RcSecretStore:busy turns FALSE, for whoever waits on it. */
  if (!request_is_current (request))
    return;

  show_stored (self, written, error);
  /* Typed for no origin, and edited while it was on its way. */
  if (written && self->provisional)
    recheck_if_moved (self);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GError) error = NULL;
  gboolean stored = rc_secret_store_store_finish (RC_SECRET_STORE (object), result, &error);

  show_written (request, stored, error);
}

static void
rebound_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GError) error = NULL;
  gboolean rebound = rc_secret_store_rebind_finish (RC_SECRET_STORE (object), result, &error);

  show_written (request, rebound, error);
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  RcSecretRow *self = request->self;
  g_autoptr(GError) error = NULL;
  gboolean cleared;

  cleared = rc_secret_store_clear_finish (RC_SECRET_STORE (object), result, &error);

  if (request_is_current (request))
    {
      cancel_lookup (self);

      if (cleared)
        show_state (self, STATE_NOT_STORED);
      else
        show_warning (self, _("The secret could not be removed"), error->message, TRUE);
    }
}

/* Shows where the secret of the auth shown stands, for where it would go
 * now, once the keyring has answered. */
static void
refresh (RcSecretRow *self)
{
  g_autoptr(RcSecretBinding) before = g_steal_pointer (&self->binding);
  RcSecretStore *store;
  const char *secret_id;

  cancel_lookup (self);

  if (self->auth == NULL)
    return;

  self->binding = dup_binding (self);
  store = rc_context_get_secret_store (self->context);

  secret_id = rc_auth_get_secret_id (self->auth);
  if (secret_id[0] == '\0')
    {
      show_state (self, STATE_NOT_STORED);
      return;
    }

  /* Typed here before it was known where it goes: it goes there now. */
  if (self->provisional && self->binding != NULL &&
      !rc_secret_binding_equal (self->binding, before))
    {
      show_state (self, STATE_STORING);
      rc_secret_store_rebind_async (store, self->project_id, secret_id, self->binding,
                                    NULL, rebound_cb, request_new (self));
      return;
    }

  if (rc_secret_store_is_session_only (store, self->project_id, secret_id))
    {
      show_session_only (self,
                         _("The keyring could not be used when the secret was given, so it is "
                           "kept in memory until Restcall quits. Unlock the keyring, or start a "
                           "Secret Service such as GNOME Keyring, then type it again to keep it."));
      return;
    }

  show_state (self, STATE_CHECKING);
  self->lookup_cancellable = g_cancellable_new ();
  rc_secret_store_lookup_async (store, self->project_id, secret_id, self->binding,
                                self->lookup_cancellable, looked_up_cb, request_new (self));
}

static gboolean
recheck_cb (gpointer user_data)
{
  RcSecretRow *self = user_data;

  self->recheck_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* Asks again once the typing pauses, if the secret would now go elsewhere. */
static void
recheck_if_moved (RcSecretRow *self)
{
  g_autoptr(RcSecretBinding) binding = dup_binding (self);

  if (rc_secret_binding_equal (binding, self->binding))
    return;

  g_clear_handle_id (&self->recheck_id, g_source_remove);
  self->recheck_id = g_timeout_add (300, recheck_cb, self);
}

static void
cancel_import (RcSecretRow *self)
{
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
}

/* Import Key From File…, when the secret is a private key. */
static void
update_import_button (RcSecretRow *self)
{
  gtk_widget_set_visible (self->import_button,
                          self->auth != NULL && rc_auth_secret_holds_key (self->auth));
}

/* The algorithm the key the secret holds must sign with: any for TLS. */
static RcJwtAlg
get_key_alg (RcSecretRow *self)
{
  return rc_client_cert_is_used (self->auth) ? RC_JWT_ALG_AUTO : rc_auth_get_jwt_alg (self->auth);
}

/* Stores @secret, checked, for the auth shown. */
static void
store_secret (RcSecretRow *self,
              const char  *secret)
{
  g_autofree char *label = NULL;
  g_autoptr(RcSecretBinding) binding = NULL;
  const char *secret_id;

  /* Bound to where the auth sends it now; no authentication, no secret. */
  if ((binding = dup_binding (self)) == NULL)
    return;

  cancel_lookup (self);
  g_clear_handle_id (&self->recheck_id, g_source_remove);
  g_clear_pointer (&self->binding, rc_secret_binding_free);
  self->binding = rc_secret_binding_copy (binding);
  self->provisional = rc_secret_binding_get_origin (binding)[0] == '\0';

  secret_id = rc_auth_ensure_secret_id (self->auth);
  label = dup_label (self);

  /* Said before RcSecretStore:busy turns TRUE. The store keeps its own
   * copy: the caller may wipe @secret at once. */
  show_state (self, STATE_STORING);
  rc_secret_store_store_async (rc_context_get_secret_store (self->context),
                               self->project_id, get_owner_id (self), secret_id, binding, label,
                               secret, NULL, stored_cb, request_new (self));
}

static void
key_read_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char *pem = rc_client_assertion_read_key_finish (result, &error);
  RcSecretRow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;                     /* self may be gone */

  self = RC_SECRET_ROW (user_data);
  g_clear_object (&self->import_cancellable);

  if (pem == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s Choose another file, or give a key file instead."), error->message);

      show_warning (self, _("The key was not imported"), message,
                    gtk_widget_get_visible (self->forget_button));
      return;
    }

  store_secret (self, pem);
  rc_secret_free (pem);
}

static void
key_file_chosen_cb (GtkNativeDialog *native,
                    int              response,
                    RcSecretRow     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->auth != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file ? g_file_get_path (file) : NULL;
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (path == NULL)
    return;

  cancel_import (self);
  self->import_cancellable = g_cancellable_new ();
  show_status (self, _("Reading the key…"), NULL, NULL, TRUE, FALSE, FALSE);
  rc_client_assertion_read_key_async (path, get_key_alg (self), self->import_cancellable,
                                      key_read_cb, self);
}

static void
import_clicked_cb (RcSecretRow *self)
{
  GtkFileChooserNative *native;

  if (self->auth == NULL)
    return;

  native = rc_pem_chooser_new (GTK_WIDGET (self), _("Import the Private Key"), _("_Import"));
  g_signal_connect_object (native, "response", G_CALLBACK (key_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* An edit of the auth or its owner. A store on its way says itself what
 * it stored. */
static void
settings_changed_cb (RcSecretRow *self)
{
  if (self->auth == NULL || rc_secret_store_get_busy (rc_context_get_secret_store (self->context)))
    return;

  recheck_if_moved (self);
}

static void
forget_clicked_cb (RcSecretRow *self)
{
  const char *secret_id;

  if (self->auth == NULL)
    return;

  cancel_lookup (self);

  secret_id = rc_auth_get_secret_id (self->auth);
  if (secret_id[0] == '\0')
    {
      show_state (self, STATE_NOT_STORED);
      return;
    }

  show_state (self, STATE_FORGETTING);
  rc_secret_store_clear_async (rc_context_get_secret_store (self->context), self->project_id,
                               secret_id, NULL, cleared_cb, request_new (self));
}

static void
rc_secret_row_unmap (GtkWidget *widget)
{
  RcSecretRow *self = RC_SECRET_ROW (widget);
  g_autoptr(RcSecretBinding) binding = self->auth ? dup_binding (self) : NULL;

  /* A secret typed for no origin goes after its store, still on its way. */
  if (self->recheck_id != 0 ||
      (self->provisional && !rc_secret_binding_equal (binding, self->binding)))
    {
      g_clear_handle_id (&self->recheck_id, g_source_remove);
      refresh (self);
    }

  GTK_WIDGET_CLASS (rc_secret_row_parent_class)->unmap (widget);
}

static void
rc_secret_row_dispose (GObject *object)
{
  RcSecretRow *self = (RcSecretRow *)object;

  /* Answers still on their way find no auth shown, and are dropped. */
  cancel_lookup (self);
  cancel_import (self);
  g_clear_handle_id (&self->recheck_id, g_source_remove);
  if (self->auth_signals)
    g_signal_group_set_target (self->auth_signals, NULL);
  if (self->owner_signals)
    g_signal_group_set_target (self->owner_signals, NULL);
  g_clear_object (&self->auth_signals);
  g_clear_object (&self->owner_signals);
  g_clear_object (&self->auth);
  g_clear_object (&self->owner);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_SECRET_ROW);

  G_OBJECT_CLASS (rc_secret_row_parent_class)->dispose (object);
}

static void
rc_secret_row_finalize (GObject *object)
{
  RcSecretRow *self = (RcSecretRow *)object;

  g_free (self->project_id);
  g_clear_pointer (&self->binding, rc_secret_binding_free);

  G_OBJECT_CLASS (rc_secret_row_parent_class)->finalize (object);
}

static void
rc_secret_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RcSecretRow *self = RC_SECRET_ROW (object);

  switch (prop_id)
    {
    case PROP_STORED:
      g_value_set_boolean (value, self->stored);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_secret_row_class_init (RcSecretRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_secret_row_dispose;
  object_class->finalize = rc_secret_row_finalize;
  object_class->get_property = rc_secret_row_get_property;

  widget_class->unmap = rc_secret_row_unmap;

  /**
   * RcSecretRow:stored:
   *
   * Whether the auth shown has a secret it can use without asking: in the
   * keyring for its settings (or on its way there), or kept for the
   * session.
   */
  properties[PROP_STORED] =
    g_param_spec_boolean ("stored", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-secret-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RcSecretRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RcSecretRow, icon);
  gtk_widget_class_bind_template_child (widget_class, RcSecretRow, import_button);
  gtk_widget_class_bind_template_child (widget_class, RcSecretRow, forget_button);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, forget_clicked_cb);
}

static void
rc_secret_row_init (RcSecretRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->auth_signals = g_signal_group_new (RC_TYPE_AUTH);
  g_signal_group_connect_swapped (self->auth_signals, "changed", G_CALLBACK (settings_changed_cb),
                                  self);
  g_signal_group_connect_swapped (self->auth_signals, "changed",
                                  G_CALLBACK (update_import_button), self);
  self->owner_signals = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->owner_signals, "notify", G_CALLBACK (settings_changed_cb),
                                  self);

  show_state (self, STATE_NOT_STORED);
}

GtkWidget *
rc_secret_row_new (RcContext *context)
{
  RcSecretRow *self = g_object_new (RC_TYPE_SECRET_ROW, NULL);

  rc_secret_row_set_context (self, context);

  return GTK_WIDGET (self);
}

/**
 * rc_secret_row_set_context:
 * @context: the services to use: the secret store
 *
 * Set before an auth is shown.
 */
void
rc_secret_row_set_context (RcSecretRow *self,
                           RcContext   *context)
{
  g_return_if_fail (RC_IS_SECRET_ROW (self));
  g_return_if_fail (RC_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  refresh (self);
}

/**
 * rc_secret_row_set_auth:
 * @auth: (nullable): the auth whose secret to show, or %NULL
 * @project_id: (nullable): the id of the project it is in
 * @owner: (nullable): the #RcApi or #RcMethod whose auth it is
 *
 * Shows where the secret of @auth stands, once the keyring has answered.
 */
void
rc_secret_row_set_auth (RcSecretRow *self,
                        RcAuth      *auth,
                        const char  *project_id,
                        GObject     *owner)
{
  g_return_if_fail (RC_IS_SECRET_ROW (self));
  g_return_if_fail (auth == NULL || RC_IS_AUTH (auth));
  g_return_if_fail (owner == NULL || RC_IS_API (owner) || RC_IS_METHOD (owner));
  g_return_if_fail ((auth == NULL) == (project_id == NULL) && (auth == NULL) == (owner == NULL));

  cancel_lookup (self);
  g_clear_handle_id (&self->recheck_id, g_source_remove);
  if (self->auth != auth || self->owner != owner)
    {
      self->provisional = FALSE;
      cancel_import (self);
    }
  g_set_object (&self->auth, auth);
  g_set_object (&self->owner, owner);
  g_free (self->project_id);
  self->project_id = g_strdup (project_id);
  g_signal_group_set_target (self->auth_signals, auth);
  g_signal_group_set_target (self->owner_signals, owner);

  update_import_button (self);
  refresh (self);
}

/**
 * rc_secret_row_store:
 * @secret: the secret the user typed
 *
 * Stores @secret in the keyring for the auth shown, and says how that went
 * once it has. RcSecretStore:busy is TRUE until then. The auth gets a secret
 * reference if it had none, which the project file must keep: the project
 * has unsaved changes then. When the secret is a private key, @secret is
 * checked first: one that is not a key the auth can use is said on the
 * row, and not stored.
 */
void
rc_secret_row_store (RcSecretRow *self,
                     const char  *secret)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RC_IS_SECRET_ROW (self));
  g_return_if_fail (secret != NULL);

  if (self->auth == NULL || secret[0] == '\0')
    return;

  /* A key that lost its line breaks, or no key: said, not stored. */
  if (rc_auth_secret_holds_key (self->auth)
      && !rc_client_assertion_check_key (secret, get_key_alg (self), &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s Paste the whole key, line breaks included, or use Import Key From "
                           "File…"),
                         error->message);

      show_warning (self, _("The key was not stored"), message,
                    gtk_widget_get_visible (self->forget_button));
      return;
    }

  store_secret (self, secret);
}

/**
 * rc_secret_row_get_stored:
 *
 * Returns: see RcSecretRow:stored
 */
gboolean
rc_secret_row_get_stored (RcSecretRow *self)
{
  g_return_val_if_fail (RC_IS_SECRET_ROW (self), FALSE);

  return self->stored;
}
