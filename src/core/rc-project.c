/* rc-project.c: the document: a list of APIs, its environments, its file and its dirty state
 *
 * The project is a GListModel of RcApi. It also has environments, one of
 * them active (rc-environment.c). Any change anywhere below it (an API, a
 * method, an auth setting, a header, an environment or its variables)
 * marks it dirty; saving or loading marks it clean. Which environment is
 * active is saved with the project, but switching is not an edit: it does
 * not mark the project dirty. Reading and writing the file is in
 * rc-project-file.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-model-private.h"
#include "rc-project-private.h"
#include "rc-util-private.h"

struct _RcProject
{
  GObject     parent_instance;

  char       *id;
  GFile      *file;
  GListStore *apis;
  GListStore *environments;
  RcEnvironment *active_environment;  /* one of environments, or NULL */
  guint64     generation;  /* counts changes, so a save can tell if it missed one */
  guint       dirty : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RcProject, rc_project, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_QUARK (rc-project-error-quark, rc_project_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_FILE,
  PROP_TITLE,
  PROP_DIRTY,
  PROP_ACTIVE_ENVIRONMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The project file's folder, which the auths' relative paths are in. */
static void
set_api_folder (RcProject *self,
                RcApi     *api)
{
  g_autoptr(GFile) folder = self->file ? g_file_get_parent (self->file) : NULL;

  _rc_api_set_folder (api, folder);
}

static void
api_changed_cb (RcProject *self)
{
  rc_project_set_dirty (self, TRUE);
}

static void
apis_items_changed_cb (RcProject  *self,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GListModel *apis)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  rc_project_set_dirty (self, TRUE);
}

static void
environments_items_changed_cb (RcProject  *self,
                               guint       position,
                               guint       removed,
                               guint       added,
                               GListModel *environments)
{
  rc_project_set_dirty (self, TRUE);
}

static GType
rc_project_get_item_type (GListModel *model)
{
  return RC_TYPE_API;
}

static guint
rc_project_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (RC_PROJECT (model)->apis));
}

static gpointer
rc_project_get_item (GListModel *model,
                     guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (RC_PROJECT (model)->apis), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rc_project_get_item_type;
  iface->get_n_items = rc_project_get_n_items;
  iface->get_item = rc_project_get_item;
}

static void
rc_project_dispose (GObject *object)
{
  RcProject *self = (RcProject *)object;

  if (self->apis)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->apis));

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(RcApi) api = g_list_model_get_item (G_LIST_MODEL (self->apis), i);

          g_signal_handlers_disconnect_by_func (api, api_changed_cb, self);
        }
    }

  if (self->environments)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->environments));

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(RcEnvironment) environment =
            g_list_model_get_item (G_LIST_MODEL (self->environments), i);

          g_signal_handlers_disconnect_by_func (environment, api_changed_cb, self);
        }
    }

  self->active_environment = NULL;
  g_clear_object (&self->apis);
  g_clear_object (&self->environments);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (rc_project_parent_class)->dispose (object);
}

static void
rc_project_finalize (GObject *object)
{
  RcProject *self = (RcProject *)object;

  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (rc_project_parent_class)->finalize (object);
}

static void
rc_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RcProject *self = RC_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_take_string (value, rc_project_dup_title (self));
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_ACTIVE_ENVIRONMENT:
      g_value_set_object (value, self->active_environment);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RcProject *self = RC_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      rc_project_set_id (self, g_value_get_string (value));
      break;

    case PROP_FILE:
      rc_project_set_file (self, g_value_get_object (value));
      break;

    case PROP_DIRTY:
      rc_project_set_dirty (self, g_value_get_boolean (value));
      break;

    case PROP_ACTIVE_ENVIRONMENT:
      rc_project_set_active_environment (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_project_class_init (RcProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rc_project_dispose;
  object_class->finalize = rc_project_finalize;
  object_class->get_property = rc_project_get_property;
  object_class->set_property = rc_project_set_property;

  /**
   * RcProject:id:
   *
   * An opaque identifier of the project, used to tell its secrets in the
   * keyring from those of other projects.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcProject:active-environment:
   *
   * The environment whose variables fill `{{name}}` references, one of
   * the project's; %NULL when it has none.
   */
  properties[PROP_ACTIVE_ENVIRONMENT] =
    g_param_spec_object ("active-environment", NULL, NULL,
                         RC_TYPE_ENVIRONMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rc_project_init (RcProject *self)
{
  self->id = g_uuid_string_random ();
  self->apis = g_list_store_new (RC_TYPE_API);
  self->environments = g_list_store_new (RC_TYPE_ENVIRONMENT);

  g_signal_connect_object (self->apis, "items-changed",
                           G_CALLBACK (apis_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->environments, "items-changed",
                           G_CALLBACK (environments_items_changed_cb), self, G_CONNECT_SWAPPED);
}

RcProject *
rc_project_new (void)
{
  return g_object_new (RC_TYPE_PROJECT, NULL);
}

const char *
rc_project_get_id (RcProject *self)
{
  g_return_val_if_fail (RC_IS_PROJECT (self), NULL);

  return self->id;
}

void
rc_project_set_id (RcProject  *self,
                   const char *id)
{
  g_return_if_fail (RC_IS_PROJECT (self));

  if (rc_set_str (&self->id, id))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
      rc_project_set_dirty (self, TRUE);
    }
}

/**
 * rc_project_get_file:
 *
 * Returns: (transfer none) (nullable): where the project was last loaded
 *   from or saved to
 */
GFile *
rc_project_get_file (RcProject *self)
{
  g_return_val_if_fail (RC_IS_PROJECT (self), NULL);

  return self->file;
}

void
rc_project_set_file (RcProject *self,
                     GFile     *file)
{
  g_return_if_fail (RC_IS_PROJECT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (self->file == file || (self->file && file && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->apis)); i++)
    {
      g_autoptr(RcApi) api = g_list_model_get_item (G_LIST_MODEL (self->apis), i);

      set_api_folder (self, api);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * rc_project_dup_title:
 *
 * Returns: (transfer full): the file's name, or a placeholder for a project
 *   never saved
 */
char *
rc_project_dup_title (RcProject *self)
{
  g_return_val_if_fail (RC_IS_PROJECT (self), NULL);

  if (self->file == NULL)
    return g_strdup (_("Untitled Project"));

  return g_file_get_basename (self->file);
}

gboolean
rc_project_get_dirty (RcProject *self)
{
  g_return_val_if_fail (RC_IS_PROJECT (self), FALSE);

  return self->dirty;
}

void
rc_project_set_dirty (RcProject *self,
                      gboolean   dirty)
{
  g_return_if_fail (RC_IS_PROJECT (self));

  if (dirty)
    self->generation++;

  dirty = !!dirty;
  if (self->dirty == dirty)
    return;

  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

/* Every change marks the project dirty, so this counts them. */
guint64
_rc_project_get_generation (RcProject *self)
{
  g_return_val_if_fail (RC_IS_PROJECT (self), 0);

  return self->generation;
}

guint
rc_project_get_n_apis (RcProject *self)
{
  g_return_val_if_fail (RC_IS_PROJECT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->apis));
}

/**
 * rc_project_get_api:
 *
 * Returns: (transfer none) (nullable): the API at @position
 */
RcApi *
rc_project_get_api (RcProject *self,
                    guint      position)
{
  g_autoptr(RcApi) api = NULL;

  g_return_val_if_fail (RC_IS_PROJECT (self), NULL);

  api = g_list_model_get_item (G_LIST_MODEL (self->apis), position);

  /* The store keeps its own reference. */
  return api;
}

void
rc_project_add_api (RcProject *self,
                    RcApi     *api)
{
  g_return_if_fail (RC_IS_PROJECT (self));
  g_return_if_fail (RC_IS_API (api));

  set_api_folder (self, api);
  _rc_api_set_project (api, self);
  g_signal_connect_object (api, "changed",
                           G_CALLBACK (api_changed_cb), self, G_CONNECT_SWAPPED);
  g_list_store_append (self->apis, api);
}

void
rc_project_remove_api (RcProject *self,
                       RcApi     *api)
{
  guint position;

  g_return_if_fail (RC_IS_PROJECT (self));
  g_return_if_fail (RC_IS_API (api));

  if (!g_list_store_find (self->apis, api, &position))
    {
      g_critical ("API “%s” is not in the project", rc_api_get_name (api));
      return;
    }

  g_signal_handlers_disconnect_by_func (api, api_changed_cb, self);
  _rc_api_set_project (api, NULL);
  g_list_store_remove (self->apis, position);
}

/**
 * rc_project_find_api:
 *
 * Returns: (transfer none) (nullable): the first API called @name
 */
RcApi *
rc_project_find_api (RcProject  *self,
                     const char *name)
{
  guint n_items;

  g_return_val_if_fail (RC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n_items = rc_project_get_n_apis (self);
  for (guint i = 0; i < n_items; i++)
    {
      RcApi *api = rc_project_get_api (self, i);

      if (g_str_equal (rc_api_get_name (api), name))
        return api;
    }

  return NULL;
}

/**
 * rc_project_get_environments:
 *
 * Returns: (transfer none): the environments, a list of #RcEnvironment
 */
GListModel *
rc_project_get_environments (RcProject *self)
{
  g_return_val_if_fail (RC_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->environments);
}

guint
rc_project_get_n_environments (RcProject *self)
{
  g_return_val_if_fail (RC_IS_PROJECT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->environments));
}

/**
 * rc_project_get_environment:
 *
 * Returns: (transfer none) (nullable): the environment at @position
 */
RcEnvironment *
rc_project_get_environment (RcProject *self,
                            guint      position)
{
  g_autoptr(RcEnvironment) environment = NULL;

  g_return_val_if_fail (RC_IS_PROJECT (self), NULL);

  environment = g_list_model_get_item (G_LIST_MODEL (self->environments), position);

  /* The store keeps its own reference. */
  return environment;
}

/**
 * rc_project_add_environment:
 *
 * Adds @environment last; the first one added becomes the active one.
 */
void
rc_project_add_environment (RcProject     *self,
                            RcEnvironment *environment)
{
  g_return_if_fail (RC_IS_PROJECT (self));
  g_return_if_fail (RC_IS_ENVIRONMENT (environment));

  g_signal_connect_object (environment, "changed",
                           G_CALLBACK (api_changed_cb), self, G_CONNECT_SWAPPED);
  g_list_store_append (self->environments, environment);

  if (self->active_environment == NULL)
    rc_project_set_active_environment (self, environment);
}

/**
 * rc_project_remove_environment:
 *
 * Removes @environment; when it was the active one, the first left
 * becomes active (none when none is left).
 */
void
rc_project_remove_environment (RcProject     *self,
                               RcEnvironment *environment)
{
  guint position;

  g_return_if_fail (RC_IS_PROJECT (self));
  g_return_if_fail (RC_IS_ENVIRONMENT (environment));

  if (!g_list_store_find (self->environments, environment, &position))
    {
      g_critical ("Environment “%s” is not in the project", rc_environment_get_name (environment));
      return;
    }

  g_signal_handlers_disconnect_by_func (environment, api_changed_cb, self);
  g_list_store_remove (self->environments, position);

  if (self->active_environment == environment)
    rc_project_set_active_environment (self, rc_project_get_environment (self, 0));
}

static RcEnvironment *
find_environment (RcProject  *self,
                  const char *(*get) (RcEnvironment *),
                  const char *value)
{
  guint n_items = rc_project_get_n_environments (self);

  for (guint i = 0; i < n_items; i++)
    {
      RcEnvironment *environment = rc_project_get_environment (self, i);

      if (g_str_equal (get (environment), value))
        return environment;
    }

  return NULL;
}

/**
 * rc_project_find_environment:
 *
 * Returns: (transfer none) (nullable): the environment called @name
 */
RcEnvironment *
rc_project_find_environment (RcProject  *self,
                             const char *name)
{
  g_return_val_if_fail (RC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return find_environment (self, rc_environment_get_name, name);
}

/**
 * rc_project_find_environment_by_id:
 *
 * Returns: (transfer none) (nullable): the environment whose id is @id
 */
RcEnvironment *
rc_project_find_environment_by_id (RcProject  *self,
                                   const char *id)
{
  g_return_val_if_fail (RC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find_environment (self, rc_environment_get_id, id);
}

/**
 * rc_project_get_active_environment:
 *
 * Returns: (transfer none) (nullable): the active environment; %NULL when
 *   the project has none
 */
RcEnvironment *
rc_project_get_active_environment (RcProject *self)
{
  g_return_val_if_fail (RC_IS_PROJECT (self), NULL);

  return self->active_environment;
}

/**
 * rc_project_set_active_environment:
 * @environment: (nullable): one of the project's environments
 *
 * Switches environment. Not an edit: the project is not marked dirty.
 */
void
rc_project_set_active_environment (RcProject     *self,
                                   RcEnvironment *environment)
{
  g_return_if_fail (RC_IS_PROJECT (self));
  g_return_if_fail (environment == NULL || RC_IS_ENVIRONMENT (environment));

  if (environment && !g_list_store_find (self->environments, environment, NULL))
    {
      g_critical ("Environment “%s” is not in the project", rc_environment_get_name (environment));
      return;
    }

  if (self->active_environment == environment)
    return;

  self->active_environment = environment;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_ENVIRONMENT]);
}

/**
 * rc_project_add_variables:
 * @variables: (element-type RcVariable): the variables, such as an
 *   OpenAPI server's (each is copied)
 * @environment_name: the name of the environment made when the project
 *   has none
 *
 * Gives the project @variables, never changing one it has. When it has no
 * environment, one named @environment_name is made with them, and made
 * the active one; else each environment gets those it lacks, with their
 * values, and keeps its own value of the others.
 *
 * Returns: (transfer none) (nullable): the environment made, or %NULL
 *   when the project had some (or @variables is empty)
 */
RcEnvironment *
rc_project_add_variables (RcProject  *self,
                          GPtrArray  *variables,
                          const char *environment_name)
{
  g_autoptr(RcEnvironment) made = NULL;
  guint n_environments;

  g_return_val_if_fail (RC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (variables != NULL, NULL);
  g_return_val_if_fail (environment_name != NULL, NULL);

  if (variables->len == 0)
    return NULL;

  n_environments = rc_project_get_n_environments (self);
  for (guint i = 0; i < n_environments; i++)
    {
      RcEnvironment *environment = rc_project_get_environment (self, i);

      for (guint j = 0; j < variables->len; j++)
        {
          RcVariable *variable = variables->pdata[j];

          if (rc_environment_find_variable (environment, rc_variable_get_name (variable)) == NULL)
            {
              g_autoptr(RcVariable) copy = rc_variable_copy (variable);

              rc_environment_add_variable (environment, copy);
            }
        }
    }

  if (n_environments > 0)
    return NULL;

  made = rc_environment_new (environment_name);
  for (guint i = 0; i < variables->len; i++)
    {
      g_autoptr(RcVariable) copy = rc_variable_copy (variables->pdata[i]);

      rc_environment_add_variable (made, copy);
    }
  rc_project_add_environment (self, made);
  rc_project_set_active_environment (self, made);

  return made;
}
