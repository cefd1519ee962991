/* rc-environment.c: a named set of variables, such as Development or Production
 *
 * A project has environments; one is active, and its variables fill the
 * `{{name}}` references of the project's URLs, headers, bodies and
 * authentication fields. An environment has an id (the keyring files its
 * secret variables under it, so a rename keeps them), a name, an optional
 * colour from a small palette (so that Production cannot be mistaken for
 * Development) and its variables in order. Any change emits ::changed,
 * which marks the project dirty.
 *
 * A secret variable's value is in the keyring (rc-secret-store.c), filed
 * under the project's id, the environment's id as its owner (removing the
 * environment removes them all) and a secret id made of both ids and the
 * name (rc_environment_dup_secret_id()). It is bound to the environment
 * and the name, not to an origin: it may go wherever the project's
 * settings use it, so it is never put in a URL (rc-resolve.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-environment.h"
#include "rc-util-private.h"

struct _RcEnvironment
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *color;
  GListStore *variables;
};

G_DEFINE_FINAL_TYPE (RcEnvironment, rc_environment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The palette: libadwaita's named colours; "" is none. */
static const char * const colors[] = {
  "blue", "green", "yellow", "orange", "red", "purple", "brown", NULL
};

static void
emit_changed (RcEnvironment *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
variables_items_changed_cb (RcEnvironment *self,
                            guint          position,
                            guint          removed,
                            guint          added,
                            GListModel    *variables)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(RcVariable) variable = g_list_model_get_item (variables, i);

      g_signal_connect_object (variable, "notify", G_CALLBACK (emit_changed), self,
                               G_CONNECT_SWAPPED);
    }

  emit_changed (self);
}

static void
rc_environment_dispose (GObject *object)
{
  RcEnvironment *self = (RcEnvironment *)object;

  g_clear_object (&self->variables);

  G_OBJECT_CLASS (rc_environment_parent_class)->dispose (object);
}

static void
rc_environment_finalize (GObject *object)
{
  RcEnvironment *self = (RcEnvironment *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (rc_environment_parent_class)->finalize (object);
}

static void
rc_environment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RcEnvironment *self = RC_ENVIRONMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_environment_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RcEnvironment *self = RC_ENVIRONMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      rc_environment_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      rc_environment_set_name (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      rc_environment_set_color (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_environment_class_init (RcEnvironmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rc_environment_dispose;
  object_class->finalize = rc_environment_finalize;
  object_class->get_property = rc_environment_get_property;
  object_class->set_property = rc_environment_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* One of rc_environment_list_colors(), or "" for none. */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcEnvironment::changed:
   *
   * Emitted when anything saved with the environment changes, its
   * variables included.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rc_environment_init (RcEnvironment *self)
{
  self->id = g_uuid_string_random ();
  self->name = g_strdup ("");
  self->color = g_strdup ("");
  self->variables = g_list_store_new (RC_TYPE_VARIABLE);

  g_signal_connect_object (self->variables, "items-changed",
                           G_CALLBACK (variables_items_changed_cb), self, G_CONNECT_SWAPPED);
}

RcEnvironment *
rc_environment_new (const char *name)
{
  return g_object_new (RC_TYPE_ENVIRONMENT,
                       "name", name,
                       NULL);
}

/**
 * rc_environment_duplicate:
 * @name: the copy's name
 *
 * Returns: (transfer full): a new environment, with an id of its own, the
 *   same colour and copies of the variables (a secret variable's value,
 *   in the keyring, is not copied by this)
 */
RcEnvironment *
rc_environment_duplicate (RcEnvironment *self,
                          const char    *name)
{
  RcEnvironment *copy;
  guint n_items;

  g_return_val_if_fail (RC_IS_ENVIRONMENT (self), NULL);

  copy = rc_environment_new (name);
  rc_environment_set_color (copy, self->color);
  n_items = rc_environment_get_n_variables (self);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RcVariable) variable = rc_variable_copy (rc_environment_get_variable (self, i));

      rc_environment_add_variable (copy, variable);
    }

  return copy;
}

const char *
rc_environment_get_id (RcEnvironment *self)
{
  g_return_val_if_fail (RC_IS_ENVIRONMENT (self), NULL);

  return self->id;
}

/**
 * rc_environment_set_id:
 * @id: (nullable): the id read from a file, or %NULL for a new one
 */
void
rc_environment_set_id (RcEnvironment *self,
                       const char    *id)
{
  g_autofree char *random = NULL;

  g_return_if_fail (RC_IS_ENVIRONMENT (self));

  if (id == NULL || id[0] == '\0')
    id = random = g_uuid_string_random ();

  if (rc_set_str (&self->id, id))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
      emit_changed (self);
    }
}

const char *
rc_environment_get_name (RcEnvironment *self)
{
  g_return_val_if_fail (RC_IS_ENVIRONMENT (self), NULL);

  return self->name;
}

void
rc_environment_set_name (RcEnvironment *self,
                         const char    *name)
{
  g_return_if_fail (RC_IS_ENVIRONMENT (self));

  if (rc_set_str (&self->name, name))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      emit_changed (self);
    }
}

const char *
rc_environment_get_color (RcEnvironment *self)
{
  g_return_val_if_fail (RC_IS_ENVIRONMENT (self), NULL);

  return self->color;
}

/**
 * rc_environment_set_color:
 * @color: (nullable): one of rc_environment_list_colors(), or "" or %NULL
 *   for none
 */
void
rc_environment_set_color (RcEnvironment *self,
                          const char    *color)
{
  g_return_if_fail (RC_IS_ENVIRONMENT (self));
  g_return_if_fail (color == NULL || rc_environment_color_is_valid (color));

  if (rc_set_str (&self->color, color))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
      emit_changed (self);
    }
}

/**
 * rc_environment_color_is_valid:
 *
 * Returns: whether @color is "" (none) or one of rc_environment_list_colors()
 */
gboolean
rc_environment_color_is_valid (const char *color)
{
  g_return_val_if_fail (color != NULL, FALSE);

  return color[0] == '\0' || g_strv_contains (colors, color);
}

/**
 * rc_environment_list_colors:
 *
 * Returns: (transfer none): the colours an environment may have, as the
 *   project file names them
 */
const char * const *
rc_environment_list_colors (void)
{
  return colors;
}

/**
 * rc_environment_get_variables:
 *
 * Returns: (transfer none): the variables, a list of #RcVariable in order
 */
GListModel *
rc_environment_get_variables (RcEnvironment *self)
{
  g_return_val_if_fail (RC_IS_ENVIRONMENT (self), NULL);

  return G_LIST_MODEL (self->variables);
}

guint
rc_environment_get_n_variables (RcEnvironment *self)
{
  g_return_val_if_fail (RC_IS_ENVIRONMENT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->variables));
}

/**
 * rc_environment_get_variable:
 *
 * Returns: (transfer none) (nullable): the variable at @position
 */
RcVariable *
rc_environment_get_variable (RcEnvironment *self,
                             guint          position)
{
  g_autoptr(RcVariable) variable = NULL;

  g_return_val_if_fail (RC_IS_ENVIRONMENT (self), NULL);

  variable = g_list_model_get_item (G_LIST_MODEL (self->variables), position);

  /* The store keeps its own reference. */
  return variable;
}

void
rc_environment_add_variable (RcEnvironment *self,
                             RcVariable    *variable)
{
  g_return_if_fail (RC_IS_ENVIRONMENT (self));
  g_return_if_fail (RC_IS_VARIABLE (variable));

  g_list_store_append (self->variables, variable);
}

void
rc_environment_remove_variable (RcEnvironment *self,
                                RcVariable    *variable)
{
  guint position;

  g_return_if_fail (RC_IS_ENVIRONMENT (self));
  g_return_if_fail (RC_IS_VARIABLE (variable));

  if (!g_list_store_find (self->variables, variable, &position))
    {
      g_critical ("Variable “%s” is not in the environment", rc_variable_get_name (variable));
      return;
    }

  g_signal_handlers_disconnect_by_func (variable, emit_changed, self);
  g_list_store_remove (self->variables, position);
}

/**
 * rc_environment_find_variable:
 *
 * Returns: (transfer none) (nullable): the variable called @name
 */
RcVariable *
rc_environment_find_variable (RcEnvironment *self,
                              const char    *name)
{
  guint n_items;

  g_return_val_if_fail (RC_IS_ENVIRONMENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n_items = rc_environment_get_n_variables (self);
  for (guint i = 0; i < n_items; i++)
    {
      RcVariable *variable = rc_environment_get_variable (self, i);

      if (g_str_equal (rc_variable_get_name (variable), name))
        return variable;
    }

  return NULL;
}

/**
 * rc_environment_dup_secret_id:
 * @name: the name of one of its secret variables
 *
 * Returns: (transfer full): the keyring's secret id for the value of the
 *   secret variable @name of this environment
 */
char *
rc_environment_dup_secret_id (RcEnvironment *self,
                              const char    *name)
{
  g_return_val_if_fail (RC_IS_ENVIRONMENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_strconcat (self->id, "/", name, NULL);
}

/**
 * rc_environment_dup_secret_binding:
 *
 * Returns: (transfer full): what the value of the secret variable @name is
 *   stored for: this environment's variable of that name
 */
RcSecretBinding *
rc_environment_dup_secret_binding (RcEnvironment *self,
                                   const char    *name)
{
  g_autofree char *login = rc_environment_dup_secret_id (self, name);

  return rc_secret_binding_new ("", login);
}

/**
 * rc_environment_dup_secret_label:
 *
 * Returns: (transfer full): what the keyring shows for the value of the
 *   secret variable @name
 */
char *
rc_environment_dup_secret_label (RcEnvironment *self,
                                 const char    *name)
{
  g_return_val_if_fail (RC_IS_ENVIRONMENT (self), NULL);

  /* TRANSLATORS: “Restcall: “client_secret” of the environment “Production”” */
  return g_strdup_printf (_("Restcall: “%s” of the environment “%s”"), name, self->name);
}
