/* rc-method-page.c: edits a method: name, verb, URL, description
 *
 * Like the API page, every row is bound both ways to the method shown. The
 * URL's {parameters} and the authentication in force are read-only rows,
 * recomputed whenever the method or its API changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-method-page.h"

struct _RcMethodPage
{
  AdwPreferencesPage parent_instance;

  RcMethod          *method;
  GBindingGroup     *bindings;
  GSignalGroup      *method_signals;
  GSignalGroup      *api_signals;

  AdwEntryRow       *name_row;
  AdwComboRow       *verb_row;
  AdwEntryRow       *url_row;
  AdwActionRow      *parameters_row;
  AdwEntryRow       *description_row;
  AdwActionRow      *auth_row;
};

G_DEFINE_FINAL_TYPE (RcMethodPage, rc_method_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_METHOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
verb_to_selected (GBinding     *binding,
                  const GValue *from_value,
                  GValue       *to_value,
                  gpointer      user_data)
{
  const char * const *verbs = rc_method_get_verbs ();
  const char *verb = g_value_get_string (from_value);

  for (guint i = 0; verbs[i] != NULL; i++)
    {
      if (g_strcmp0 (verbs[i], verb) == 0)
        {
          g_value_set_uint (to_value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
selected_to_verb (GBinding     *binding,
                  const GValue *from_value,
                  GValue       *to_value,
                  gpointer      user_data)
{
  const char * const *verbs = rc_method_get_verbs ();
  guint selected = g_value_get_uint (from_value);

  if (selected >= g_strv_length ((char **) verbs))
    return FALSE;

  g_value_set_string (to_value, verbs[selected]);
  return TRUE;
}

static void
update_parameters (RcMethodPage *self)
{
  g_auto(GStrv) parameters = NULL;
  g_autofree char *text = NULL;

  if (self->method == NULL)
    return;

  parameters = rc_method_dup_parameters (self->method);
  if (parameters == NULL || parameters[0] == NULL)
    text = g_strdup (_("None. Write {name} in the URL to add one."));
  else
    text = g_strjoinv (", ", parameters);

  adw_action_row_set_subtitle (self->parameters_row, text);
}

static void
update_auth (RcMethodPage *self)
{
  g_autofree char *text = NULL;
  RcAuth *own;
  RcApi *api;

  if (self->method == NULL)
    return;

  own = rc_method_get_auth (self->method);
  api = rc_method_get_api (self->method);

  if (own != NULL)
    /* Translators: %s is the kind of authentication, like “Basic” */
    text = g_strdup_printf (_("%s, set for this method"),
                            rc_auth_kind_get_label (rc_auth_get_kind (own)));
  else if (api != NULL)
    /* Translators: the first %s is the API's name, the second the kind of
     * authentication, like “Basic” */
    text = g_strdup_printf (_("Inherited from API “%s”: %s"),
                            rc_api_get_name (api),
                            rc_auth_kind_get_label (rc_auth_get_kind (rc_api_get_auth (api))));
  else
    text = g_strdup (rc_auth_kind_get_label (RC_AUTH_KIND_NONE));

  adw_action_row_set_subtitle (self->auth_row, text);
}

static void
method_changed_cb (RcMethodPage *self)
{
  update_parameters (self);
  update_auth (self);
}

static void
api_changed_cb (RcMethodPage *self)
{
  update_auth (self);
}

static void
rc_method_page_dispose (GObject *object)
{
  RcMethodPage *self = (RcMethodPage *)object;

  if (self->bindings)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->method_signals)
    g_signal_group_set_target (self->method_signals, NULL);
  if (self->api_signals)
    g_signal_group_set_target (self->api_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_METHOD_PAGE);

  g_clear_object (&self->bindings);
  g_clear_object (&self->method_signals);
  g_clear_object (&self->api_signals);
  g_clear_object (&self->method);

  G_OBJECT_CLASS (rc_method_page_parent_class)->dispose (object);
}

static void
rc_method_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RcMethodPage *self = RC_METHOD_PAGE (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      g_value_set_object (value, self->method);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_method_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RcMethodPage *self = RC_METHOD_PAGE (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      rc_method_page_set_method (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_method_page_class_init (RcMethodPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_method_page_dispose;
  object_class->get_property = rc_method_page_get_property;
  object_class->set_property = rc_method_page_set_property;

  properties[PROP_METHOD] =
    g_param_spec_object ("method", NULL, NULL,
                         RC_TYPE_METHOD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restcall/Restcall/rc-method-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RcMethodPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RcMethodPage, verb_row);
  gtk_widget_class_bind_template_child (widget_class, RcMethodPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, RcMethodPage, parameters_row);
  gtk_widget_class_bind_template_child (widget_class, RcMethodPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, RcMethodPage, auth_row);
}

static void
rc_method_page_init (RcMethodPage *self)
{
  g_autoptr(GtkStringList) verbs = gtk_string_list_new ((const char * const *) rc_method_get_verbs ());

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->verb_row, G_LIST_MODEL (verbs));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "name", self->name_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind_full (self->bindings, "verb", self->verb_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             verb_to_selected, selected_to_verb, NULL, NULL);
  g_binding_group_bind (self->bindings, "url", self->url_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "description", self->description_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  self->method_signals = g_signal_group_new (RC_TYPE_METHOD);
  g_signal_group_connect_swapped (self->method_signals, "changed",
                                  G_CALLBACK (method_changed_cb), self);

  self->api_signals = g_signal_group_new (RC_TYPE_API);
  g_signal_group_connect_swapped (self->api_signals, "changed",
                                  G_CALLBACK (api_changed_cb), self);
}

GtkWidget *
rc_method_page_new (void)
{
  return g_object_new (RC_TYPE_METHOD_PAGE, NULL);
}

/**
 * rc_method_page_get_method:
 *
 * Returns: (transfer none) (nullable): the method shown
 */
RcMethod *
rc_method_page_get_method (RcMethodPage *self)
{
  g_return_val_if_fail (RC_IS_METHOD_PAGE (self), NULL);

  return self->method;
}

void
rc_method_page_set_method (RcMethodPage *self,
                           RcMethod     *method)
{
  g_return_if_fail (RC_IS_METHOD_PAGE (self));
  g_return_if_fail (method == NULL || RC_IS_METHOD (method));

  if (!g_set_object (&self->method, method))
    return;

  g_binding_group_set_source (self->bindings, method);
  g_signal_group_set_target (self->method_signals, method);
  g_signal_group_set_target (self->api_signals, method ? rc_method_get_api (method) : NULL);

  update_parameters (self);
  update_auth (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

/**
 * rc_method_page_focus_name:
 *
 * Moves the keyboard focus to the name, for a new method to be named.
 */
void
rc_method_page_focus_name (RcMethodPage *self)
{
  g_return_if_fail (RC_IS_METHOD_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
