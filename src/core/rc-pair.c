/* rc-pair.c: a name and a value (a header, a test value, a token parameter)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-pair.h"
#include "rc-util-private.h"

struct _RcPair
{
  GObject parent_instance;

  char *name;
  char *value;
};

G_DEFINE_FINAL_TYPE (RcPair, rc_pair, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rc_pair_finalize (GObject *object)
{
  RcPair *self = (RcPair *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (rc_pair_parent_class)->finalize (object);
}

static void
rc_pair_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  RcPair *self = RC_PAIR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_pair_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  RcPair *self = RC_PAIR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      rc_pair_set_name (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      rc_pair_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_pair_class_init (RcPairClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_pair_finalize;
  object_class->get_property = rc_pair_get_property;
  object_class->set_property = rc_pair_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rc_pair_init (RcPair *self)
{
  self->name = g_strdup ("");
  self->value = g_strdup ("");
}

RcPair *
rc_pair_new (const char *name,
             const char *value)
{
  return g_object_new (RC_TYPE_PAIR,
                       "name", name,
                       "value", value,
                       NULL);
}

const char *
rc_pair_get_name (RcPair *self)
{
  g_return_val_if_fail (RC_IS_PAIR (self), NULL);

  return self->name;
}

void
rc_pair_set_name (RcPair     *self,
                  const char *name)
{
  g_return_if_fail (RC_IS_PAIR (self));

  if (rc_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
rc_pair_get_value (RcPair *self)
{
  g_return_val_if_fail (RC_IS_PAIR (self), NULL);

  return self->value;
}

void
rc_pair_set_value (RcPair     *self,
                   const char *value)
{
  g_return_if_fail (RC_IS_PAIR (self));

  if (rc_set_str (&self->value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}
