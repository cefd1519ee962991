/* rc-inspector.c: the four panes of a call: API request and response, token request and response
 *
 * Each pane shows one part of an RcExchange as rc_exchange_format_part()
 * writes it, masked unless the reveal toggle is on. A JSON body in a pane
 * is pretty-printed, and a pane stops at PANE_LIMIT bytes and says so
 * (rc_http_record_format_preview(), which reads and masks no more of the
 * body than the pane shows): the whole body is the Test tab's to save,
 * not a text view's to hold. Both the masked and the revealed texts are
 * made in one worker thread, so the toggle answers at once and the main
 * loop never waits.
 *
 * A token request sent twice, the Basic credentials in the other form the
 * second time, shows both attempts in each token pane, under headings.
 *
 * When the call made no token request, the token panes say why: the
 * token came from the cache (and when it expires), or the authentication
 * needs no token, or the call stopped before it got that far.
 *
 * The panes stand two a row when there is room for two, and one above the
 * other when not, down to 360 pixels wide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-inspector.h"
#include "rc-scroll-chain.h"

#define N_PARTS 4
#define PANE_LIMIT (256 * 1024)
#define PANE_MIN_WIDTH 300
#define PANE_SPACING 12

struct _RcInspector
{
  GtkBox        parent_instance;

  RcExchange   *exchange;
  RcMethod     *method;
  GCancellable *cancellable;
  char         *texts[2][N_PARTS];  /* [reveal][part], once formatted */
  guint         reveal : 1;
  guint         busy : 1;

  GtkWidget    *panes;
  GtkWidget    *reveal_button;
  GtkLabel     *copy_status_label;
  GtkTextView  *api_request_view;
  GtkTextView  *api_response_view;
  GtkTextView  *token_request_view;
  GtkTextView  *token_response_view;
};

/* What the worker thread formats, and what it makes. */
typedef struct
{
  RcExchange *exchange;
  RcAuthKind  auth_kind;
  gboolean    know_auth;
  char       *texts[2][N_PARTS];
} Format;

G_DEFINE_FINAL_TYPE (RcInspector, rc_inspector, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_EXCHANGE,
  PROP_METHOD,
  PROP_REVEAL,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
format_free (Format *format)
{
  g_clear_object (&format->exchange);
  for (guint r = 0; r < 2; r++)
    for (guint i = 0; i < N_PARTS; i++)
      g_free (format->texts[r][i]);
  g_free (format);
}

static void
clear_texts (RcInspector *self)
{
  for (guint r = 0; r < 2; r++)
    for (guint i = 0; i < N_PARTS; i++)
      g_clear_pointer (&self->texts[r][i], g_free);
}

static GtkTextView *
get_view (RcInspector *self,
          guint        part)
{
  GtkTextView *views[N_PARTS] = {
    self->api_request_view,
    self->api_response_view,
    self->token_request_view,
    self->token_response_view,
  };

  return views[part];
}

static void
set_busy (RcInspector *self,
          gboolean     busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_texts (RcInspector *self)
{
  for (guint i = 0; i < N_PARTS; i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (get_view (self, i));
      const char *text = self->texts[self->reveal][i];

      if (text == NULL)
        text = self->exchange ? _("Reading the exchange…")
                              : _("Nothing sent yet. Press Test to make the call.");

      gtk_text_buffer_set_text (buffer, text, -1);
    }
}

/* The record a part is read from, for its content type. */
static RcHttpRecord *
get_record (RcExchange *exchange,
            guint       part)
{
  if (part == RC_EXCHANGE_API_REQUEST || part == RC_EXCHANGE_API_RESPONSE)
    return rc_exchange_get_api_record (exchange);

  return rc_exchange_get_token_record (exchange);
}

/* Why the call made no token request, when the exchange alone cannot say. */
static char *
describe_no_token (Format *format)
{
  const GError *error = rc_exchange_get_error (format->exchange);

  if (!format->know_auth || rc_exchange_get_token (format->exchange) != NULL)
    return NULL;

  switch (format->auth_kind)
    {
    case RC_AUTH_KIND_NONE:
      return g_strdup (_("No token: the authentication of this method is None, so the call "
                         "goes to the API without one.\n"));

    case RC_AUTH_KIND_BASIC:
      return g_strdup (_("No token: Basic authentication sends the user name and password "
                         "with the call itself.\n"));

    case RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS:
    default:
      return g_strdup_printf (_("No token was requested: the call stopped before that (%s).\n"),
                              error ? error->message : _("no reason given"));
    }
}

/* A token request sent twice (the Basic credentials in both forms): each
 * attempt under its heading, in a share of the pane. */
static char *
format_attempts (RcHttpRecord *record,
                 gboolean      request,
                 gboolean      reveal,
                 GCancellable *cancellable)
{
  g_autoptr(GPtrArray) attempts = rc_http_record_dup_attempts (record);
  g_autoptr(GString) pane = g_string_new (NULL);

  for (guint i = 0; i < attempts->len; i++)
    {
      RcHttpRecord *attempt = g_ptr_array_index (attempts, i);
      g_autofree char *heading = rc_http_record_dup_attempt_heading (attempt, i + 1, attempts->len);
      g_autofree char *formatted = rc_http_record_format_preview (
        attempt, !request, reveal, PANE_LIMIT / attempts->len, cancellable);

      if (formatted == NULL)
        return NULL;
      g_string_append_printf (pane, "%s%s%s", i ? "\n" : "", heading, formatted);
    }

  return g_string_free (g_steal_pointer (&pane), FALSE);
}

/* One pane's text, no more than PANE_LIMIT bytes of it. */
static char *
format_pane (RcExchange   *exchange,
             guint         part,
             gboolean      reveal,
             GCancellable *cancellable)
{
  RcHttpRecord *record = get_record (exchange, part);
  gboolean request = part == RC_EXCHANGE_API_REQUEST || part == RC_EXCHANGE_TOKEN_REQUEST;
  gboolean token_part = part == RC_EXCHANGE_TOKEN_REQUEST || part == RC_EXCHANGE_TOKEN_RESPONSE;
  RcHttpRecord *cached = token_part ? rc_exchange_get_cached_token_record (exchange) : NULL;
  g_autofree char *text = NULL;
  gboolean cut;

  /* A token from the cache, and the exchange that obtained it. */
  if (cached != NULL && !rc_http_record_get_previous_attempt (cached))
    {
      g_autofree char *intro = rc_exchange_dup_cached_token_intro (exchange, !request);
      g_autofree char *preview =
        rc_http_record_format_preview (cached, !request, reveal, PANE_LIMIT, cancellable);

      return preview ? g_strconcat (intro, preview, NULL) : NULL;
    }

  if ((part == RC_EXCHANGE_TOKEN_REQUEST || part == RC_EXCHANGE_TOKEN_RESPONSE)
      && record && rc_http_record_get_previous_attempt (record))
    return format_attempts (record, request, reveal, cancellable);

  if (record && (request || rc_http_record_has_response (record)))
    {
      g_autofree char *preview =
        rc_http_record_format_preview (record, !request, reveal, PANE_LIMIT, cancellable);
      g_autofree char *notes = part == RC_EXCHANGE_API_REQUEST
                               ? rc_exchange_format_request_notes (exchange) : g_strdup ("");

      return preview ? g_strconcat (notes, preview, NULL) : NULL;
    }

  /* No record to read (a token from the cache), or no response. */
  text = rc_exchange_format_part (exchange, part, reveal);
  return rc_body_cut_text (text, strlen (text), PANE_LIMIT, &cut);
}

/* Two panes a row when each gets its minimum width. */
static gboolean
has_two_columns (int width)
{
  return width >= 2 * PANE_MIN_WIDTH + PANE_SPACING;
}

static GtkSizeRequestMode
panes_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
panes_measure (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest_natural = PANE_MIN_WIDTH;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          widest_natural = MAX (widest_natural, child_nat);
        }

      *natural = MAX (*minimum, 2 * widest_natural + PANE_SPACING);
    }
  else
    {
      gboolean two = for_size >= 0 && has_two_columns (for_size);
      int column_width = two ? (for_size - PANE_SPACING) / 2 : for_size;
      int row_min = 0, row_nat = 0;
      guint in_row = 0;
      guint rows = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, column_width, &child_min, &child_nat, NULL, NULL);
          row_min = MAX (row_min, child_min);
          row_nat = MAX (row_nat, child_nat);

          if (++in_row == (two ? 2 : 1))
            {
              *minimum += row_min + (rows ? PANE_SPACING : 0);
              *natural += row_nat + (rows ? PANE_SPACING : 0);
              rows++;
              in_row = 0;
              row_min = row_nat = 0;
            }
        }

      if (in_row > 0)
        {
          *minimum += row_min + (rows ? PANE_SPACING : 0);
          *natural += row_nat + (rows ? PANE_SPACING : 0);
        }
    }
}

static void
panes_allocate (GtkWidget *widget,
                int        width,
                int        height,
                int        baseline)
{
  gboolean two = has_two_columns (width);
  int column_width = two ? (width - PANE_SPACING) / 2 : width;
  GtkWidget *row[2] = { NULL, NULL };
  guint in_row = 0;
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child && !gtk_widget_should_layout (child))
        continue;
      if (child)
        row[in_row++] = child;

      if (in_row == (two ? 2 : 1) || (child == NULL && in_row > 0))
        {
          int row_height = 0;

          for (guint i = 0; i < in_row; i++)
            {
              int child_min;

              gtk_widget_measure (row[i], GTK_ORIENTATION_VERTICAL, column_width, &child_min, NULL,
                                  NULL, NULL);
              row_height = MAX (row_height, child_min);
            }

          for (guint i = 0; i < in_row; i++)
            gtk_widget_size_allocate (
              row[i],
              &(GtkAllocation){ i * (column_width + PANE_SPACING), y, column_width, row_height },
              -1);

          y += row_height + PANE_SPACING;
          in_row = 0;
        }

      if (child == NULL)
        break;
    }
}

/* Callbacks */

static void
format_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Format *format = task_data;
  g_autofree char *no_token = describe_no_token (format);

  for (guint r = 0; r < 2; r++)
    {
      for (guint i = 0; i < N_PARTS; i++)
        {
          if (g_task_return_error_if_cancelled (task))
            return;

          if (no_token && rc_exchange_get_token_record (format->exchange) == NULL &&
              (i == RC_EXCHANGE_TOKEN_REQUEST || i == RC_EXCHANGE_TOKEN_RESPONSE))
            format->texts[r][i] = g_strdup (no_token);
          else
            format->texts[r][i] = format_pane (format->exchange, i, r, cancellable);
        }
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_boolean (task, TRUE);
}

static void
format_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RcInspector *self = RC_INSPECTOR (object);
  Format *format = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    return;  /* cancelled: another exchange is being shown, or none */

  clear_texts (self);
  for (guint r = 0; r < 2; r++)
    for (guint i = 0; i < N_PARTS; i++)
      self->texts[r][i] = g_steal_pointer (&format->texts[r][i]);

  show_texts (self);
  set_busy (self, FALSE);
}

static void
reveal_toggled_cb (RcInspector *self)
{
  rc_inspector_set_reveal (self,
                           gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->reveal_button)));
}

static void
say_copied (RcInspector *self,
            const char  *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 5);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      gtk_widget_set_visible (GTK_WIDGET (self->copy_status_label), FALSE);
    }
  else
    {
      gtk_label_set_text (self->copy_status_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->copy_status_label), TRUE);
    }
}

static void
copy_curl_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RcInspector *self = RC_INSPECTOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *message = NULL;
  RcAuth *auth;

  if (self->method == NULL)
    return;

  command = rc_curl_format_command (self->method, NULL, &error);
  if (command == NULL)
    {
      message = g_strdup_printf (_("Could not make a curl command: %s"), error->message);
      say_copied (self, message);
      return;
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), command);

  auth = rc_method_get_effective_auth (self->method);
  switch (auth ? rc_auth_get_kind (auth) : RC_AUTH_KIND_NONE)
    {
    case RC_AUTH_KIND_BASIC:
      message = g_strdup_printf (
        _("Copied the curl command. It reads the password from $%s: set it before you run it."),
        RC_CURL_PASSWORD_VARIABLE);
      break;

    case RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS:
      if (rc_auth_get_client_auth (auth) != RC_CLIENT_AUTH_TLS)
        message = g_strdup_printf (_("Copied the curl commands. They read the client secret from "
                                     "$%s: set it before you run them."),
                                   RC_CURL_CLIENT_SECRET_VARIABLE);
      else if (rc_auth_secret_holds_key (auth))
        message = g_strdup_printf (_("Copied the curl commands. The client certificate’s key is "
                                     "in the keyring: save it to a file and set $%s to it before "
                                     "you run them."),
                                   RC_CURL_CLIENT_KEY_VARIABLE);
      else
        message = g_strdup (_("Copied the curl commands. They present the client certificate "
                              "and read its key from their files."));
      break;

    case RC_AUTH_KIND_NONE:
    default:
      message = g_strdup (_("Copied the curl command."));
      break;
    }

  say_copied (self, message);
}

/* Overrides */

static void
rc_inspector_dispose (GObject *object)
{
  RcInspector *self = (RcInspector *)object;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_INSPECTOR);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->exchange);
  g_clear_object (&self->method);
  clear_texts (self);

  G_OBJECT_CLASS (rc_inspector_parent_class)->dispose (object);
}

static void
rc_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RcInspector *self = RC_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_EXCHANGE:
      g_value_set_object (value, self->exchange);
      break;

    case PROP_METHOD:
      g_value_set_object (value, self->method);
      break;

    case PROP_REVEAL:
      g_value_set_boolean (value, self->reveal);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RcInspector *self = RC_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_EXCHANGE:
      rc_inspector_set_exchange (self, g_value_get_object (value));
      break;

    case PROP_METHOD:
      rc_inspector_set_method (self, g_value_get_object (value));
      break;

    case PROP_REVEAL:
      rc_inspector_set_reveal (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_inspector_class_init (RcInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_inspector_dispose;
  object_class->get_property = rc_inspector_get_property;
  object_class->set_property = rc_inspector_set_property;

  /**
   * RcInspector:exchange:
   *
   * The call shown, or %NULL before one was made.
   */
  properties[PROP_EXCHANGE] =
    g_param_spec_object ("exchange", NULL, NULL,
                         RC_TYPE_EXCHANGE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcInspector:method:
   *
   * The method the calls are made for: "Copy as curl" copies it, and the
   * token panes say what its authentication needs.
   */
  properties[PROP_METHOD] =
    g_param_spec_object ("method", NULL, NULL,
                         RC_TYPE_METHOD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcInspector:reveal:
   *
   * Whether the panes show secrets and tokens; masked by default.
   */
  properties[PROP_REVEAL] =
    g_param_spec_boolean ("reveal", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcInspector:busy:
   *
   * Whether the exchange is still being formatted in the background.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "inspector.copy-curl", NULL, copy_curl_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, RcInspector, panes);
  gtk_widget_class_bind_template_child (widget_class, RcInspector, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, RcInspector, copy_status_label);
  gtk_widget_class_bind_template_child (widget_class, RcInspector, api_request_view);
  gtk_widget_class_bind_template_child (widget_class, RcInspector, api_response_view);
  gtk_widget_class_bind_template_child (widget_class, RcInspector, token_request_view);
  gtk_widget_class_bind_template_child (widget_class, RcInspector, token_response_view);
}

static void
rc_inspector_init (RcInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_layout_manager (self->panes,
                                 gtk_custom_layout_new (panes_get_request_mode,
                                                        panes_measure,
                                                        panes_allocate));

  /* The wheel over a pane at its end moves the Test tab, not nothing. */
  for (guint i = 0; i < N_PARTS; i++)
    {
      GtkWidget *pane = gtk_widget_get_parent (GTK_WIDGET (get_view (self, i)));

      rc_scroll_chain_attach (GTK_SCROLLED_WINDOW (pane));
    }

  g_signal_connect_object (self->reveal_button, "toggled",
                           G_CALLBACK (reveal_toggled_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.copy-curl", FALSE);
  show_texts (self);
}

/* Public API */

GtkWidget *
rc_inspector_new (void)
{
  return g_object_new (RC_TYPE_INSPECTOR, NULL);
}

/**
 * rc_inspector_get_exchange:
 *
 * Returns: (transfer none) (nullable): the call shown
 */
RcExchange *
rc_inspector_get_exchange (RcInspector *self)
{
  g_return_val_if_fail (RC_IS_INSPECTOR (self), NULL);

  return self->exchange;
}

/**
 * rc_inspector_set_exchange:
 * @exchange: (nullable): the call to show, or %NULL for none
 *
 * Shows @exchange once its panes are formatted, in a worker thread
 * (#RcInspector:busy is %TRUE until then).
 */
void
rc_inspector_set_exchange (RcInspector *self,
                           RcExchange  *exchange)
{
  g_autoptr(GTask) task = NULL;
  Format *format;
  RcAuth *auth;

  g_return_if_fail (RC_IS_INSPECTOR (self));
  g_return_if_fail (exchange == NULL || RC_IS_EXCHANGE (exchange));

  if (!g_set_object (&self->exchange, exchange))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_texts (self);
  show_texts (self);

  if (exchange == NULL)
    {
      set_busy (self, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCHANGE]);
      return;
    }

  /* What the authentication is now, as the call was just made with it. */
  format = g_new0 (Format, 1);
  format->exchange = g_object_ref (exchange);
  auth = self->method ? rc_method_get_effective_auth (self->method) : NULL;
  format->know_auth = auth != NULL;
  format->auth_kind = auth ? rc_auth_get_kind (auth) : RC_AUTH_KIND_NONE;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, format_done_cb, NULL);
  g_task_set_source_tag (task, rc_inspector_set_exchange);
  g_task_set_task_data (task, format, (GDestroyNotify) format_free);
  g_task_run_in_thread (task, format_thread);

  set_busy (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCHANGE]);
}

/**
 * rc_inspector_get_method:
 *
 * Returns: (transfer none) (nullable): the method the calls are made for
 */
RcMethod *
rc_inspector_get_method (RcInspector *self)
{
  g_return_val_if_fail (RC_IS_INSPECTOR (self), NULL);

  return self->method;
}

void
rc_inspector_set_method (RcInspector *self,
                         RcMethod    *method)
{
  g_return_if_fail (RC_IS_INSPECTOR (self));
  g_return_if_fail (method == NULL || RC_IS_METHOD (method));

  if (!g_set_object (&self->method, method))
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.copy-curl", method != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->copy_status_label), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

gboolean
rc_inspector_get_reveal (RcInspector *self)
{
  g_return_val_if_fail (RC_IS_INSPECTOR (self), FALSE);

  return self->reveal;
}

/* Shows secrets and tokens in every pane, or masks them again. */
void
rc_inspector_set_reveal (RcInspector *self,
                         gboolean     reveal)
{
  g_return_if_fail (RC_IS_INSPECTOR (self));

  reveal = !!reveal;
  if (self->reveal == reveal)
    return;

  self->reveal = reveal;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->reveal_button), reveal);
  gtk_button_set_icon_name (GTK_BUTTON (self->reveal_button),
                            reveal ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (self->reveal_button, reveal ? _("Mask Secrets and Tokens")
                                                           : _("Reveal Secrets and Tokens"));
  show_texts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEAL]);
}

gboolean
rc_inspector_get_busy (RcInspector *self)
{
  g_return_val_if_fail (RC_IS_INSPECTOR (self), FALSE);

  return self->busy;
}

/**
 * rc_inspector_focus:
 *
 * Puts the keyboard in the first pane, the API request.
 */
void
rc_inspector_focus (RcInspector *self)
{
  g_return_if_fail (RC_IS_INSPECTOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->api_request_view));
}

/**
 * rc_inspector_show_texts:
 * @texts: (array fixed-size=4): the four parts, in the order of
 *   #RcExchangePart, already masked (a history entry's)
 *
 * Shows texts that are not a call of this session: there is nothing to
 * reveal, so revealing shows them as they are.
 */
void
rc_inspector_show_texts (RcInspector        *self,
                         const char * const *texts)
{
  g_return_if_fail (RC_IS_INSPECTOR (self));
  g_return_if_fail (texts != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->exchange);
  clear_texts (self);
  for (guint r = 0; r < 2; r++)
    for (guint i = 0; i < N_PARTS; i++)
      self->texts[r][i] = g_strdup (texts[i]);
  show_texts (self);
  set_busy (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCHANGE]);
}
