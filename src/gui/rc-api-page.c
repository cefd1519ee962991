/* rc-api-page.c: edits an API: name, base URL, authentication, token, headers
 *
 * Every row is bound both ways to the API shown; showing another API moves
 * the bindings over to it, so nothing is copied and nothing goes stale.
 * The groups below (authentication, token, headers) are each told the API
 * and follow it themselves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-api-page.h"
#include "rc-auth-group.h"
#include "rc-headers-group.h"
#include "rc-text-row.h"
#include "rc-token-panel.h"

struct _RcApiPage
{
  RcPage             parent_instance;

  RcApi             *api;
  GBindingGroup     *bindings;

  AdwEntryRow       *name_row;
  AdwEntryRow       *base_url_row;
  RcTextRow         *description_row;
  RcAuthGroup       *auth_group;
  RcTokenPanel      *token_panel;
  RcHeadersGroup    *headers_group;
};

G_DEFINE_FINAL_TYPE (RcApiPage, rc_api_page, RC_TYPE_PAGE)

enum {
  PROP_0,
  PROP_API,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The user would rather type a new client secret than send the stored
 * one where the token request would take it. */
static void
secret_wanted_cb (RcApiPage *self)
{
  rc_auth_group_focus_secret (self->auth_group);
}

static void
rc_api_page_dispose (GObject *object)
{
  RcApiPage *self = (RcApiPage *)object;

  if (self->bindings)
    g_binding_group_set_source (self->bindings, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_API_PAGE);

  g_clear_object (&self->bindings);
  g_clear_object (&self->api);

  G_OBJECT_CLASS (rc_api_page_parent_class)->dispose (object);
}

static void
rc_api_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RcApiPage *self = RC_API_PAGE (object);

  switch (prop_id)
    {
    case PROP_API:
      g_value_set_object (value, self->api);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_api_page_class_init (RcApiPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_api_page_dispose;
  object_class->get_property = rc_api_page_get_property;

  properties[PROP_API] =
    g_param_spec_object ("api", NULL, NULL,
                         RC_TYPE_API,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RC_TYPE_AUTH_GROUP);
  g_type_ensure (RC_TYPE_HEADERS_GROUP);
  g_type_ensure (RC_TYPE_TEXT_ROW);
  g_type_ensure (RC_TYPE_TOKEN_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-api-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RcApiPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RcApiPage, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, RcApiPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, RcApiPage, auth_group);
  gtk_widget_class_bind_template_child (widget_class, RcApiPage, token_panel);
  gtk_widget_class_bind_template_child (widget_class, RcApiPage, headers_group);
  gtk_widget_class_bind_template_callback (widget_class, secret_wanted_cb);
}

static void
rc_api_page_init (RcApiPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "name", self->name_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "base-url", self->base_url_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "description", self->description_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  /* Get New Token is the suggested action only while it can work. */
  g_object_bind_property (self->auth_group, "ready", self->token_panel, "ready",
                          G_BINDING_SYNC_CREATE);
}

GtkWidget *
rc_api_page_new (RcContext *context)
{
  RcApiPage *self = g_object_new (RC_TYPE_API_PAGE, NULL);

  rc_api_page_set_context (self, context);

  return GTK_WIDGET (self);
}

/**
 * rc_api_page_set_context:
 * @context: the services to use: the secret store, the token cache
 *
 * Set before an API is shown.
 */
void
rc_api_page_set_context (RcApiPage *self,
                         RcContext *context)
{
  g_return_if_fail (RC_IS_API_PAGE (self));

  rc_auth_group_set_context (self->auth_group, context);
  rc_token_panel_set_context (self->token_panel, context);
}

/**
 * rc_api_page_get_api:
 *
 * Returns: (transfer none) (nullable): the API shown
 */
RcApi *
rc_api_page_get_api (RcApiPage *self)
{
  g_return_val_if_fail (RC_IS_API_PAGE (self), NULL);

  return self->api;
}

/**
 * rc_api_page_set_api:
 * @project: (nullable): the project @api is in, whose id the keyring needs
 * @api: (nullable): the API to show
 */
void
rc_api_page_set_api (RcApiPage *self,
                     RcProject *project,
                     RcApi     *api)
{
  g_return_if_fail (RC_IS_API_PAGE (self));
  g_return_if_fail (project == NULL || RC_IS_PROJECT (project));
  g_return_if_fail (api == NULL || RC_IS_API (api));
  g_return_if_fail (api == NULL || project != NULL);

  if (!g_set_object (&self->api, api))
    return;

  g_binding_group_set_source (self->bindings, api);
  if (api != NULL)
    {
      const char *project_id = rc_project_get_id (project);

      rc_auth_group_set_auth (self->auth_group, rc_api_get_auth (api), project_id, G_OBJECT (api));
      rc_token_panel_set_api (self->token_panel, api, project_id);
    }
  else
    {
      rc_auth_group_set_auth (self->auth_group, NULL, NULL, NULL);
      rc_token_panel_set_api (self->token_panel, NULL, NULL);
    }

  rc_headers_group_set_owner (self->headers_group, G_OBJECT (api));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_API]);
}

/**
 * rc_api_page_focus_name:
 *
 * Moves the keyboard focus to the name, for a new API to be named.
 */
void
rc_api_page_focus_name (RcApiPage *self)
{
  g_return_if_fail (RC_IS_API_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/**
 * rc_api_page_focus_headers:
 *
 * Moves the keyboard to the API's headers: the first, or Add Header.
 */
void
rc_api_page_focus_headers (RcApiPage *self)
{
  g_return_if_fail (RC_IS_API_PAGE (self));

  rc_headers_group_focus (self->headers_group);
}

/**
 * rc_api_page_get_auth_group:
 *
 * Returns: (transfer none): the authentication rows, for a host that must
 *   know about a secret typed and not stored yet, or still being stored
 */
RcAuthGroup *
rc_api_page_get_auth_group (RcApiPage *self)
{
  g_return_val_if_fail (RC_IS_API_PAGE (self), NULL);

  return self->auth_group;
}
