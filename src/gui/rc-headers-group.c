/* rc-headers-group.c: the headers of an API or a method, with the Authorization override warning
 *
 * One RcPairRow per header of the owner's list, made by the list box from
 * the model, so adding or removing a header anywhere shows here, and typing
 * in a row edits the header at once.
 *
 * A header named Authorization is replaced by the authentication when that
 * is Basic or OAuth 2.0 (the executor applies headers, then auth). The
 * group follows the owner's effective authentication — an API's own; a
 * method's own, or its API's while it has none — and tells every row, live.
 *
 * Below a method's own headers, those its API sends with every method, read
 * only, each row going to the API's page (the window's
 * win.edit-api-headers) where they are edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-headers-group.h"
#include "rc-pair-row.h"

struct _RcHeadersGroup
{
  AdwPreferencesGroup parent_instance;

  GObject            *owner;    /* an RcApi or an RcMethod */
  RcPairList         *headers;
  GSignalGroup       *method_signals;
  GSignalGroup       *api_auth_signals;

  GtkListBox         *list;
  GtkButton          *add_button;
  GtkLabel           *inherited_label;
  GtkListBox         *inherited_list;
  GSignalGroup       *inherited_signals;  /* the API's headers, for a method */
};

static void remove_cb (RcHeadersGroup *self,
                       RcPairRow      *row);

G_DEFINE_FINAL_TYPE (RcHeadersGroup, rc_headers_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_OWNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RcAuth *
get_effective_auth (RcHeadersGroup *self)
{
  if (RC_IS_API (self->owner))
    return rc_api_get_auth (RC_API (self->owner));

  if (RC_IS_METHOD (self->owner))
    return rc_method_get_effective_auth (RC_METHOD (self->owner));

  return NULL;
}

/* Why an Authorization header is replaced, or NULL when it is not. */
static char *
dup_override_explanation (RcHeadersGroup *self)
{
  RcAuth *auth = get_effective_auth (self);
  RcAuthKind kind;

  if (auth == NULL)
    return NULL;

  kind = rc_auth_get_kind (auth);
  if (kind != RC_AUTH_KIND_BASIC && kind != RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    return NULL;

  /* Translators: %s is an authentication type, such as “Basic” */
  return g_strdup_printf (_("The “%s” authentication sets its own Authorization header, which "
                            "replaces this one. Remove this header, or set the authentication "
                            "to None to send it."),
                          rc_auth_kind_get_label (kind));
}

static void
update_overrides (RcHeadersGroup *self)
{
  g_autofree char *explanation = dup_override_explanation (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (RC_IS_PAIR_ROW (child))
        rc_pair_row_set_auth_override (RC_PAIR_ROW (child), explanation);
    }
}

/* The API whose auth a method inherits, followed as the method moves. */
static void
follow_api_auth (RcHeadersGroup *self)
{
  RcAuth *auth = NULL;

  if (RC_IS_API (self->owner))
    auth = rc_api_get_auth (RC_API (self->owner));
  else if (RC_IS_METHOD (self->owner))
    {
      RcApi *api = rc_method_get_api (RC_METHOD (self->owner));

      auth = api ? rc_api_get_auth (api) : NULL;
    }

  g_signal_group_set_target (self->api_auth_signals, auth);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RcHeadersGroup *self = user_data;
  g_autofree char *explanation = dup_override_explanation (self);
  GtkWidget *row = rc_pair_row_new (RC_PAIR (item), RC_PAIR_ROW_HEADER);

  g_signal_connect_object (row, "remove", G_CALLBACK (remove_cb), self, G_CONNECT_SWAPPED);
  rc_pair_row_set_auth_override (RC_PAIR_ROW (row), explanation);

  return row;
}

static guint
find_pair (RcPairList *list,
           RcPair     *pair)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RcPair) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (item == pair)
        return i;
    }

  return G_MAXUINT;
}

static void
remove_cb (RcHeadersGroup *self,
           RcPairRow      *row)
{
  guint position = find_pair (self->headers, rc_pair_row_get_pair (row));
  guint n_items;
  GtkListBoxRow *next;

  if (position == G_MAXUINT)
    return;

  rc_pair_list_remove (self->headers, position);

  /* The keyboard goes to the header that took its place, or the one
   * before, or the add button when none is left. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->headers));
  next =
    n_items > 0 ? gtk_list_box_get_row_at_index (self->list, MIN (position, n_items - 1)) : NULL;
  if (RC_IS_PAIR_ROW (next))
    rc_pair_row_focus_name (RC_PAIR_ROW (next));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

static void
add_clicked_cb (RcHeadersGroup *self)
{
  guint n_items;
  GtkListBoxRow *row;

  if (self->headers == NULL)
    return;

  rc_pair_list_append (self->headers, "", "");

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->headers));
  row = gtk_list_box_get_row_at_index (self->list, n_items - 1);
  if (RC_IS_PAIR_ROW (row))
    rc_pair_row_focus_name (RC_PAIR_ROW (row));
}

/* A header of the method's API, as it is sent: read only. */
static GtkWidget *
create_inherited_row (gpointer item,
                      gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *shared = g_object_new (GTK_TYPE_IMAGE,
                                    "icon-name", "emblem-shared-symbolic",
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                    "tooltip-text", _("From the API"),
                                    NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (item, "name", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "value", row, "subtitle", G_BINDING_SYNC_CREATE);
  gtk_widget_add_css_class (row, "property");
  /* The share glyph means "inherited" everywhere, as on the auth row. */
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), shared);
  gtk_widget_set_tooltip_text (icon, _("Edit it on the API’s page"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
inherited_row_activated_cb (RcHeadersGroup *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-api-headers", NULL);
}

/* The method's API's headers, under the method's own, when it has any. */
static void
update_inherited (RcHeadersGroup *self)
{
  RcApi *api = RC_IS_METHOD (self->owner) ? rc_method_get_api (RC_METHOD (self->owner)) : NULL;
  RcPairList *headers = api ? rc_api_get_headers (api) : NULL;
  gboolean shown = headers != NULL && g_list_model_get_n_items (G_LIST_MODEL (headers)) > 0;

  if (shown)
    {
      g_autofree char *label =
        /* Translators: above the read-only list of an API's headers, on a method's page */
        g_strdup_printf (_("Also sent, as every method of “%s” sends them:"),
                         rc_api_get_name (api));

      gtk_label_set_text (self->inherited_label, label);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->inherited_label), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->inherited_list), shown);
}

static void
follow_api_headers (RcHeadersGroup *self)
{
  RcApi *api = RC_IS_METHOD (self->owner) ? rc_method_get_api (RC_METHOD (self->owner)) : NULL;

  g_signal_group_set_target (self->inherited_signals, api);
  gtk_list_box_bind_model (self->inherited_list,
                           api ? G_LIST_MODEL (rc_api_get_headers (api)) : NULL,
                           create_inherited_row, self, NULL);
  update_inherited (self);
}

static void
method_api_changed_cb (RcHeadersGroup *self)
{
  follow_api_auth (self);
  follow_api_headers (self);
  update_overrides (self);
}

static void
rc_headers_group_dispose (GObject *object)
{
  RcHeadersGroup *self = (RcHeadersGroup *)object;

  if (self->method_signals)
    g_signal_group_set_target (self->method_signals, NULL);
  if (self->api_auth_signals)
    g_signal_group_set_target (self->api_auth_signals, NULL);
  if (self->inherited_signals)
    g_signal_group_set_target (self->inherited_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_HEADERS_GROUP);

  g_clear_object (&self->method_signals);
  g_clear_object (&self->api_auth_signals);
  g_clear_object (&self->inherited_signals);
  g_clear_object (&self->headers);
  g_clear_object (&self->owner);

  G_OBJECT_CLASS (rc_headers_group_parent_class)->dispose (object);
}

static void
rc_headers_group_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RcHeadersGroup *self = RC_HEADERS_GROUP (object);

  switch (prop_id)
    {
    case PROP_OWNER:
      g_value_set_object (value, self->owner);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_headers_group_class_init (RcHeadersGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_headers_group_dispose;
  object_class->get_property = rc_headers_group_get_property;

  /**
   * RcHeadersGroup:owner:
   *
   * The #RcApi or #RcMethod whose headers are shown.
   */
  properties[PROP_OWNER] =
    g_param_spec_object ("owner", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-headers-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RcHeadersGroup, list);
  gtk_widget_class_bind_template_child (widget_class, RcHeadersGroup, add_button);
  gtk_widget_class_bind_template_child (widget_class, RcHeadersGroup, inherited_label);
  gtk_widget_class_bind_template_child (widget_class, RcHeadersGroup, inherited_list);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
rc_headers_group_init (RcHeadersGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A method's own auth changing, or being set or unset, is a ::changed
   * of the method; the auth it inherits is its API's. */
  self->method_signals = g_signal_group_new (RC_TYPE_METHOD);
  g_signal_group_connect_swapped (self->method_signals, "changed",
                                  G_CALLBACK (update_overrides), self);
  g_signal_group_connect_swapped (self->method_signals, "notify::api",
                                  G_CALLBACK (method_api_changed_cb), self);

  self->api_auth_signals = g_signal_group_new (RC_TYPE_AUTH);
  g_signal_group_connect_swapped (self->api_auth_signals, "changed",
                                  G_CALLBACK (update_overrides), self);

  /* Its API's name and headers, shown under a method's own. */
  self->inherited_signals = g_signal_group_new (RC_TYPE_API);
  g_signal_group_connect_swapped (self->inherited_signals, "changed",
                                  G_CALLBACK (update_inherited), self);
  g_signal_connect_object (self->inherited_list, "row-activated",
                           G_CALLBACK (inherited_row_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
}

GtkWidget *
rc_headers_group_new (void)
{
  return g_object_new (RC_TYPE_HEADERS_GROUP, NULL);
}

/**
 * rc_headers_group_set_owner:
 * @owner: (nullable): the #RcApi or #RcMethod whose headers to edit
 */
void
rc_headers_group_set_owner (RcHeadersGroup *self,
                            GObject        *owner)
{
  RcPairList *headers = NULL;

  g_return_if_fail (RC_IS_HEADERS_GROUP (self));
  g_return_if_fail (owner == NULL || RC_IS_API (owner) || RC_IS_METHOD (owner));

  if (!g_set_object (&self->owner, owner))
    return;

  if (RC_IS_API (owner))
    headers = rc_api_get_headers (RC_API (owner));
  else if (RC_IS_METHOD (owner))
    headers = rc_method_get_headers (RC_METHOD (owner));

  g_set_object (&self->headers, headers);
  g_signal_group_set_target (self->method_signals, RC_IS_METHOD (owner) ? owner : NULL);
  follow_api_auth (self);
  follow_api_headers (self);

  gtk_list_box_bind_model (self->list, G_LIST_MODEL (headers), create_row, self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), headers != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

/**
 * rc_headers_group_focus:
 *
 * Moves the keyboard to the first header, or to Add Header when there is
 * none, scrolled into view.
 */
void
rc_headers_group_focus (RcHeadersGroup *self)
{
  GtkListBoxRow *first;

  g_return_if_fail (RC_IS_HEADERS_GROUP (self));

  /* Into the first header's name, ready to type, not onto its row. */
  first = gtk_list_box_get_row_at_index (self->list, 0);
  if (RC_IS_PAIR_ROW (first))
    rc_pair_row_focus_name (RC_PAIR_ROW (first));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}
