/* rc-api.c: one REST API: base URL, API-level headers and auth, its methods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-api.h"
#include "rc-model-private.h"
#include "rc-util-private.h"

struct _RcApi
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *base_url;
  char       *description;
  RcPairList *headers;
  RcAuth     *auth;
  GListStore *methods;
  GWeakRef    project;  /* the project it is in, if any */
};

G_DEFINE_FINAL_TYPE (RcApi, rc_api, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_BASE_URL,
  PROP_DESCRIPTION,
  PROP_HEADERS,
  PROP_AUTH,
  PROP_METHODS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
part_changed_cb (RcApi *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
methods_items_changed_cb (RcApi      *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *methods)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
rc_api_notify (GObject    *object,
               GParamSpec *pspec)
{
  g_signal_emit (object, signals[CHANGED], 0);
}

static void
rc_api_dispose (GObject *object)
{
  RcApi *self = (RcApi *)object;

  if (self->methods)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->methods));

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(RcMethod) method = g_list_model_get_item (G_LIST_MODEL (self->methods), i);

          g_signal_handlers_disconnect_by_func (method, part_changed_cb, self);
          _rc_method_set_api (method, NULL);
        }
    }

  g_clear_object (&self->methods);
  g_clear_object (&self->headers);
  g_clear_object (&self->auth);

  G_OBJECT_CLASS (rc_api_parent_class)->dispose (object);
}

static void
rc_api_finalize (GObject *object)
{
  RcApi *self = (RcApi *)object;

  g_weak_ref_clear (&self->project);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (rc_api_parent_class)->finalize (object);
}

static void
rc_api_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  RcApi *self = RC_API (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_HEADERS:
      g_value_set_object (value, self->headers);
      break;

    case PROP_AUTH:
      g_value_set_object (value, self->auth);
      break;

    case PROP_METHODS:
      g_value_set_object (value, self->methods);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_api_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  RcApi *self = RC_API (object);

  switch (prop_id)
    {
    case PROP_ID:
      rc_api_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      rc_api_set_name (self, g_value_get_string (value));
      break;

    case PROP_BASE_URL:
      rc_api_set_base_url (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      rc_api_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_api_class_init (RcApiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rc_api_dispose;
  object_class->finalize = rc_api_finalize;
  object_class->get_property = rc_api_get_property;
  object_class->set_property = rc_api_set_property;
  object_class->notify = rc_api_notify;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HEADERS] =
    g_param_spec_object ("headers", NULL, NULL,
                         RC_TYPE_PAIR_LIST,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTH] =
    g_param_spec_object ("auth", NULL, NULL,
                         RC_TYPE_AUTH,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_METHODS] =
    g_param_spec_object ("methods", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcApi::changed:
   *
   * Emitted when anything saved with the API changes, its methods included.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rc_api_init (RcApi *self)
{
  g_weak_ref_init (&self->project, NULL);
  self->id = g_uuid_string_random ();
  self->name = g_strdup ("");
  self->base_url = g_strdup ("");
  self->description = g_strdup ("");
  self->headers = rc_pair_list_new ();
  self->auth = rc_auth_new ();
  self->methods = g_list_store_new (RC_TYPE_METHOD);

  g_signal_connect_object (self->headers, "changed",
                           G_CALLBACK (part_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->auth, "changed",
                           G_CALLBACK (part_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->methods, "items-changed",
                           G_CALLBACK (methods_items_changed_cb), self, G_CONNECT_SWAPPED);
}

RcApi *
rc_api_new (const char *name)
{
  return g_object_new (RC_TYPE_API,
                       "name", name,
                       NULL);
}

/**
 * rc_api_get_id:
 *
 * Returns: the API's opaque, stable identifier
 */
const char *
rc_api_get_id (RcApi *self)
{
  g_return_val_if_fail (RC_IS_API (self), NULL);

  return self->id;
}

void
rc_api_set_id (RcApi      *self,
               const char *id)
{
  g_return_if_fail (RC_IS_API (self));

  if (rc_set_str (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rc_api_get_name (RcApi *self)
{
  g_return_val_if_fail (RC_IS_API (self), NULL);

  return self->name;
}

void
rc_api_set_name (RcApi      *self,
                 const char *name)
{
  g_return_if_fail (RC_IS_API (self));

  if (rc_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
rc_api_get_base_url (RcApi *self)
{
  g_return_val_if_fail (RC_IS_API (self), NULL);

  return self->base_url;
}

void
rc_api_set_base_url (RcApi      *self,
                     const char *base_url)
{
  g_return_if_fail (RC_IS_API (self));

  if (rc_set_str (&self->base_url, base_url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

const char *
rc_api_get_description (RcApi *self)
{
  g_return_val_if_fail (RC_IS_API (self), NULL);

  return self->description;
}

void
rc_api_set_description (RcApi      *self,
                        const char *description)
{
  g_return_if_fail (RC_IS_API (self));

  if (rc_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * rc_api_get_headers:
 *
 * Returns: (transfer none): headers sent with every method of the API
 */
RcPairList *
rc_api_get_headers (RcApi *self)
{
  g_return_val_if_fail (RC_IS_API (self), NULL);

  return self->headers;
}

/**
 * rc_api_get_auth:
 *
 * Returns: (transfer none): the API's authentication, inherited by every
 *   method that has none of its own
 */
RcAuth *
rc_api_get_auth (RcApi *self)
{
  g_return_val_if_fail (RC_IS_API (self), NULL);

  return self->auth;
}

/**
 * rc_api_get_methods:
 *
 * Returns: (transfer none): a list model of #RcMethod
 */
GListModel *
rc_api_get_methods (RcApi *self)
{
  g_return_val_if_fail (RC_IS_API (self), NULL);

  return G_LIST_MODEL (self->methods);
}

guint
rc_api_get_n_methods (RcApi *self)
{
  g_return_val_if_fail (RC_IS_API (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->methods));
}

/**
 * rc_api_get_method:
 *
 * Returns: (transfer none) (nullable): the method at @position
 */
RcMethod *
rc_api_get_method (RcApi *self,
                   guint  position)
{
  g_autoptr(RcMethod) method = NULL;

  g_return_val_if_fail (RC_IS_API (self), NULL);

  method = g_list_model_get_item (G_LIST_MODEL (self->methods), position);

  /* The store keeps its own reference. */
  return method;
}

void
rc_api_insert_method (RcApi    *self,
                      guint     position,
                      RcMethod *method)
{
  RcApi *old_api;

  g_return_if_fail (RC_IS_API (self));
  g_return_if_fail (RC_IS_METHOD (method));

  g_object_ref (method);

  if ((old_api = rc_method_get_api (method)))
    rc_api_remove_method (old_api, method);

  position = MIN (position, rc_api_get_n_methods (self));

  _rc_method_set_api (method, self);
  if (rc_method_get_auth (method))
    rc_auth_set_folder (rc_method_get_auth (method), rc_auth_get_folder (self->auth));
  g_signal_connect_object (method, "changed",
                           G_CALLBACK (part_changed_cb), self, G_CONNECT_SWAPPED);
  g_list_store_insert (self->methods, position, method);

  g_object_unref (method);
}

/* The folder of the project file the API is in, for its auths' paths. */
void
_rc_api_set_folder (RcApi *self,
                    GFile *folder)
{
  guint n_methods = rc_api_get_n_methods (self);

  rc_auth_set_folder (self->auth, folder);
  for (guint i = 0; i < n_methods; i++)
    {
      g_autoptr(RcMethod) method = g_list_model_get_item (G_LIST_MODEL (self->methods), i);

      if (rc_method_get_auth (method))
        rc_auth_set_folder (rc_method_get_auth (method), folder);
    }
}

/* The project the API is in, or NULL when it leaves it. */
void
_rc_api_set_project (RcApi     *self,
                     RcProject *project)
{
  g_weak_ref_set (&self->project, project);
}

/**
 * rc_api_dup_project:
 *
 * Returns: (transfer full) (nullable): the project the API is in
 */
RcProject *
rc_api_dup_project (RcApi *self)
{
  g_return_val_if_fail (RC_IS_API (self), NULL);

  return g_weak_ref_get (&self->project);
}

void
rc_api_add_method (RcApi    *self,
                   RcMethod *method)
{
  g_return_if_fail (RC_IS_API (self));

  rc_api_insert_method (self, G_MAXUINT, method);
}

void
rc_api_remove_method (RcApi    *self,
                      RcMethod *method)
{
  guint position;

  g_return_if_fail (RC_IS_API (self));
  g_return_if_fail (RC_IS_METHOD (method));

  if (!g_list_store_find (self->methods, method, &position))
    {
      g_critical ("Method “%s” is not in API “%s”", rc_method_get_name (method), self->name);
      return;
    }

  g_signal_handlers_disconnect_by_func (method, part_changed_cb, self);
  _rc_method_set_api (method, NULL);
  g_list_store_remove (self->methods, position);
}

/**
 * rc_api_find_method:
 *
 * Returns: (transfer none) (nullable): the first method called @name
 */
RcMethod *
rc_api_find_method (RcApi      *self,
                    const char *name)
{
  guint n_items;

  g_return_val_if_fail (RC_IS_API (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n_items = rc_api_get_n_methods (self);
  for (guint i = 0; i < n_items; i++)
    {
      RcMethod *method = rc_api_get_method (self, i);

      if (g_str_equal (rc_method_get_name (method), name))
        return method;
    }

  return NULL;
}
