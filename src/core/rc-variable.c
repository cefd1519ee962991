/* rc-variable.c: one named value of an environment, plain or secret
 *
 * A plain variable's value is written in the project file; a secret one's
 * is not: the file holds its name only, and the keyring its value, per
 * environment. Making a variable secret empties its value here, so that it
 * can never reach the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include "rc-variable.h"
#include "rc-util-private.h"

struct _RcVariable
{
  GObject parent_instance;

  char    *name;
  char    *value;
  GStrv    choices;
  gboolean secret;
};

G_DEFINE_FINAL_TYPE (RcVariable, rc_variable, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VALUE,
  PROP_SECRET,
  PROP_CHOICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rc_variable_finalize (GObject *object)
{
  RcVariable *self = (RcVariable *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->choices, g_strfreev);

  G_OBJECT_CLASS (rc_variable_parent_class)->finalize (object);
}

static void
rc_variable_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RcVariable *self = RC_VARIABLE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    case PROP_SECRET:
      g_value_set_boolean (value, self->secret);
      break;

    case PROP_CHOICES:
      g_value_set_boxed (value, self->choices);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_variable_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RcVariable *self = RC_VARIABLE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      rc_variable_set_name (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      rc_variable_set_value (self, g_value_get_string (value));
      break;

    case PROP_SECRET:
      rc_variable_set_secret (self, g_value_get_boolean (value));
      break;

    case PROP_CHOICES:
      rc_variable_set_choices (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_variable_class_init (RcVariableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_variable_finalize;
  object_class->get_property = rc_variable_get_property;
  object_class->set_property = rc_variable_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Always empty for a secret variable. */
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECRET] =
    g_param_spec_boolean ("secret", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The values it may take, as an OpenAPI server variable's enum lists
   * them; empty for any. */
  properties[PROP_CHOICES] =
    g_param_spec_boxed ("choices", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rc_variable_init (RcVariable *self)
{
  self->name = g_strdup ("");
  self->value = g_strdup ("");
  self->choices = g_new0 (char *, 1);
}

RcVariable *
rc_variable_new (const char *name,
                 const char *value)
{
  return g_object_new (RC_TYPE_VARIABLE,
                       "name", name,
                       "value", value,
                       NULL);
}

/**
 * rc_variable_new_secret:
 *
 * Returns: (transfer full): a secret variable: its value is in the keyring
 */
RcVariable *
rc_variable_new_secret (const char *name)
{
  return g_object_new (RC_TYPE_VARIABLE,
                       "name", name,
                       "secret", TRUE,
                       NULL);
}

/**
 * rc_variable_copy:
 *
 * Returns: (transfer full): a new variable with the same name, value and
 *   secrecy
 */
RcVariable *
rc_variable_copy (RcVariable *self)
{
  g_return_val_if_fail (RC_IS_VARIABLE (self), NULL);

  return g_object_new (RC_TYPE_VARIABLE,
                       "name", self->name,
                       "value", self->value,
                       "secret", self->secret,
                       "choices", self->choices,
                       NULL);
}

const char *
rc_variable_get_name (RcVariable *self)
{
  g_return_val_if_fail (RC_IS_VARIABLE (self), NULL);

  return self->name;
}

void
rc_variable_set_name (RcVariable *self,
                      const char *name)
{
  g_return_if_fail (RC_IS_VARIABLE (self));

  if (rc_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * rc_variable_get_value:
 *
 * Returns: the plain value; the empty string for a secret variable
 */
const char *
rc_variable_get_value (RcVariable *self)
{
  g_return_val_if_fail (RC_IS_VARIABLE (self), NULL);

  return self->value;
}

/**
 * rc_variable_set_value:
 *
 * Sets a plain variable's value; a secret variable keeps none.
 */
void
rc_variable_set_value (RcVariable *self,
                       const char *value)
{
  g_return_if_fail (RC_IS_VARIABLE (self));

  if (self->secret)
    value = "";

  if (rc_set_str (&self->value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

gboolean
rc_variable_get_secret (RcVariable *self)
{
  g_return_val_if_fail (RC_IS_VARIABLE (self), FALSE);

  return self->secret;
}

/**
 * rc_variable_set_secret:
 *
 * Makes the variable secret (its value goes: it belongs in the keyring)
 * or plain again.
 */
void
rc_variable_set_secret (RcVariable *self,
                        gboolean    secret)
{
  g_return_if_fail (RC_IS_VARIABLE (self));

  secret = !!secret;
  if (self->secret == secret)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->secret = secret;
  if (secret)
    rc_variable_set_value (self, "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECRET]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * rc_variable_get_choices:
 *
 * Returns: (transfer none): the values the variable may take; empty for any
 */
const char * const *
rc_variable_get_choices (RcVariable *self)
{
  g_return_val_if_fail (RC_IS_VARIABLE (self), NULL);

  return (const char * const *) self->choices;
}

/**
 * rc_variable_set_choices:
 * @choices: (nullable): the values the variable may take; %NULL or empty
 *   for any
 */
void
rc_variable_set_choices (RcVariable         *self,
                         const char * const *choices)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (RC_IS_VARIABLE (self));

  if (choices == NULL)
    choices = none;
  if (g_strv_equal ((const char * const *) self->choices, choices))
    return;

  g_strfreev (self->choices);
  self->choices = g_strdupv ((char **) choices);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICES]);
}
