/* rc-pair-list.c: an ordered list of RcPair that reports every change
 *
 * Headers, test values and extra token parameters are all lists of pairs.
 * The list is a GListModel for the GUI and emits ::changed when a pair is
 * added, removed or edited, so its owner can mark the project dirty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-pair-list.h"

struct _RcPairList
{
  GObject    parent_instance;

  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RcPairList, rc_pair_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pair_notify_cb (RcPairList *self,
                GParamSpec *pspec,
                RcPair     *pair)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
rc_pair_list_release (RcPairList *self,
                      RcPair     *pair)
{
  g_signal_handlers_disconnect_by_func (pair, pair_notify_cb, self);
  g_object_unref (pair);
}

static GType
rc_pair_list_get_item_type (GListModel *model)
{
  return RC_TYPE_PAIR;
}

static guint
rc_pair_list_get_n_items (GListModel *model)
{
  return RC_PAIR_LIST (model)->items->len;
}

static gpointer
rc_pair_list_get_item (GListModel *model,
                       guint       position)
{
  RcPairList *self = RC_PAIR_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rc_pair_list_get_item_type;
  iface->get_n_items = rc_pair_list_get_n_items;
  iface->get_item = rc_pair_list_get_item;
}

static void
rc_pair_list_dispose (GObject *object)
{
  RcPairList *self = (RcPairList *)object;

  while (self->items->len > 0)
    rc_pair_list_release (self, g_ptr_array_steal_index (self->items, self->items->len - 1));

  G_OBJECT_CLASS (rc_pair_list_parent_class)->dispose (object);
}

static void
rc_pair_list_finalize (GObject *object)
{
  RcPairList *self = (RcPairList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (rc_pair_list_parent_class)->finalize (object);
}

static void
rc_pair_list_class_init (RcPairListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rc_pair_list_dispose;
  object_class->finalize = rc_pair_list_finalize;

  /**
   * RcPairList::changed:
   *
   * Emitted when a pair is added, removed, or its name or value changes.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rc_pair_list_init (RcPairList *self)
{
  self->items = g_ptr_array_new ();
}

RcPairList *
rc_pair_list_new (void)
{
  return g_object_new (RC_TYPE_PAIR_LIST, NULL);
}

/**
 * rc_pair_list_append:
 *
 * Returns: (transfer none): the new pair, owned by the list
 */
RcPair *
rc_pair_list_append (RcPairList *self,
                     const char *name,
                     const char *value)
{
  RcPair *pair;

  g_return_val_if_fail (RC_IS_PAIR_LIST (self), NULL);

  pair = rc_pair_new (name, value);
  g_signal_connect_object (pair, "notify", G_CALLBACK (pair_notify_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->items, pair);

  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
  g_signal_emit (self, signals[CHANGED], 0);

  return pair;
}

void
rc_pair_list_remove (RcPairList *self,
                     guint       position)
{
  g_return_if_fail (RC_IS_PAIR_LIST (self));
  g_return_if_fail (position < self->items->len);

  rc_pair_list_release (self, g_ptr_array_steal_index (self->items, position));

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
rc_pair_list_clear (RcPairList *self)
{
  guint n_items;

  g_return_if_fail (RC_IS_PAIR_LIST (self));

  n_items = self->items->len;
  if (n_items == 0)
    return;

  while (self->items->len > 0)
    rc_pair_list_release (self, g_ptr_array_steal_index (self->items, self->items->len - 1));

  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_items, 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * rc_pair_list_find:
 *
 * Finds the first pair called @name; header names compare without regard
 * to ASCII case, as HTTP does.
 *
 * Returns: (transfer none) (nullable): the pair
 */
RcPair *
rc_pair_list_find (RcPairList *self,
                   const char *name)
{
  g_return_val_if_fail (RC_IS_PAIR_LIST (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      RcPair *pair = g_ptr_array_index (self->items, i);

      if (g_ascii_strcasecmp (rc_pair_get_name (pair), name) == 0)
        return pair;
    }

  return NULL;
}

const char *
rc_pair_list_lookup (RcPairList *self,
                     const char *name)
{
  RcPair *pair = rc_pair_list_find (self, name);

  return pair ? rc_pair_get_value (pair) : NULL;
}

/**
 * rc_pair_list_set:
 *
 * Sets the value of the first pair called @name, or appends one.
 */
void
rc_pair_list_set (RcPairList *self,
                  const char *name,
                  const char *value)
{
  RcPair *pair;

  g_return_if_fail (RC_IS_PAIR_LIST (self));

  if ((pair = rc_pair_list_find (self, name)))
    rc_pair_set_value (pair, value);
  else
    rc_pair_list_append (self, name, value);
}

void
rc_pair_list_copy_from (RcPairList *self,
                        RcPairList *other)
{
  g_return_if_fail (RC_IS_PAIR_LIST (self));
  g_return_if_fail (RC_IS_PAIR_LIST (other));

  rc_pair_list_clear (self);

  for (guint i = 0; i < other->items->len; i++)
    {
      RcPair *pair = g_ptr_array_index (other->items, i);

      rc_pair_list_append (self, rc_pair_get_name (pair), rc_pair_get_value (pair));
    }
}
