/* rc-import-item.c: one row of the import dialog's list: a tag or an operation
 *
 * The dialog's list is flat: each tag, then the operations it groups (an
 * operation under its first tag; untagged ones under a tag of their own).
 * An operation item says whether it is selected; a tag item is selected when
 * all its operations are, inconsistent when some are, and selecting it
 * selects them all. Each operation keeps a casefolded text to search in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-import-item.h"

struct _RcImportItem
{
  GObject                   parent_instance;

  /* A tag: its name and operations (not owned: each refs its tag). */
  char                     *tag_name;
  GPtrArray                *children;
  guint                     n_selected;
  guint                     n_matching;

  /* An operation: owned by the RcOpenApi, which the dialog keeps. */
  RcImportItem             *tag;
  const RcOpenApiOperation *operation;
  char                     *search_text;
  gboolean                  selected;
};

G_DEFINE_FINAL_TYPE (RcImportItem, rc_import_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_INCONSISTENT,
  PROP_N_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_search_text (const RcOpenApiOperation *operation)
{
  g_autoptr(GString) text = g_string_new (operation->name);
  g_autofree char *tags = g_strjoinv (" ", operation->tags);

  g_string_append_printf (text, " %s %s %s %s", operation->method, operation->path,
                          operation->summary ? operation->summary : "", tags);

  return g_utf8_casefold (text->str, -1);
}

static void
tag_child_changed (RcImportItem *self,
                   gboolean      was_all,
                   gboolean      was_inconsistent)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
  if (was_all != rc_import_item_get_selected (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  if (was_inconsistent != rc_import_item_get_inconsistent (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCONSISTENT]);
}

static void
rc_import_item_finalize (GObject *object)
{
  RcImportItem *self = (RcImportItem *)object;

  if (self->tag != NULL)
    {
      if (self->selected)
        self->tag->n_selected--;
      g_ptr_array_remove_fast (self->tag->children, self);
      g_clear_object (&self->tag);
    }

  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_free (self->tag_name);
  g_free (self->search_text);

  G_OBJECT_CLASS (rc_import_item_parent_class)->finalize (object);
}

static void
rc_import_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RcImportItem *self = RC_IMPORT_ITEM (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_boolean (value, rc_import_item_get_selected (self));
      break;

    case PROP_INCONSISTENT:
      g_value_set_boolean (value, rc_import_item_get_inconsistent (self));
      break;

    case PROP_N_SELECTED:
      g_value_set_uint (value, rc_import_item_get_n_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_import_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RcImportItem *self = RC_IMPORT_ITEM (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      rc_import_item_set_selected (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_import_item_class_init (RcImportItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_import_item_finalize;
  object_class->get_property = rc_import_item_get_property;
  object_class->set_property = rc_import_item_set_property;

  /**
   * RcImportItem:selected:
   *
   * Whether the operation is to be imported; for a tag, whether all of its
   * operations are (setting it selects or unselects them all).
   */
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcImportItem:inconsistent:
   *
   * For a tag: whether some, but not all, of its operations are selected.
   */
  properties[PROP_INCONSISTENT] =
    g_param_spec_boolean ("inconsistent", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcImportItem:n-selected:
   *
   * How many operations are selected: for a tag, of its own; otherwise 0 or 1.
   */
  properties[PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rc_import_item_init (RcImportItem *self)
{
}

/* A tag's header; an empty @tag is the group of untagged operations. */
RcImportItem *
rc_import_item_new_tag (const char *tag)
{
  RcImportItem *self = g_object_new (RC_TYPE_IMPORT_ITEM, NULL);

  self->tag_name = g_strdup (tag);
  self->children = g_ptr_array_new ();

  return self;
}

/* An operation of @tag; @operation must outlive the item. */
RcImportItem *
rc_import_item_new_operation (RcImportItem             *tag,
                              const RcOpenApiOperation *operation)
{
  RcImportItem *self;

  g_return_val_if_fail (RC_IS_IMPORT_ITEM (tag) && rc_import_item_is_tag (tag), NULL);
  g_return_val_if_fail (operation != NULL, NULL);

  self = g_object_new (RC_TYPE_IMPORT_ITEM, NULL);
  self->tag = g_object_ref (tag);
  self->operation = operation;
  self->search_text = dup_search_text (operation);
  g_ptr_array_add (tag->children, self);

  return self;
}

gboolean
rc_import_item_is_tag (RcImportItem *self)
{
  g_return_val_if_fail (RC_IS_IMPORT_ITEM (self), FALSE);

  return self->children != NULL;
}

/* The tag's name (empty for untagged operations), or the operation's tag's. */
const char *
rc_import_item_get_tag (RcImportItem *self)
{
  g_return_val_if_fail (RC_IS_IMPORT_ITEM (self), NULL);

  return self->tag != NULL ? self->tag->tag_name : self->tag_name;
}

/* The operation, or %NULL for a tag. */
const RcOpenApiOperation *
rc_import_item_get_operation (RcImportItem *self)
{
  g_return_val_if_fail (RC_IS_IMPORT_ITEM (self), NULL);

  return self->operation;
}

gboolean
rc_import_item_get_selected (RcImportItem *self)
{
  g_return_val_if_fail (RC_IS_IMPORT_ITEM (self), FALSE);

  if (self->children != NULL)
    return self->children->len > 0 && self->n_selected == self->children->len;

  return self->selected;
}

void
rc_import_item_set_selected (RcImportItem *self,
                             gboolean      selected)
{
  gboolean was_all, was_inconsistent;

  g_return_if_fail (RC_IS_IMPORT_ITEM (self));

  selected = !!selected;
  if (selected == rc_import_item_get_selected (self))
    return;

  if (self->children != NULL)
    {
      /* The children tell their tag, once each. */
      g_object_freeze_notify (G_OBJECT (self));
      for (guint i = 0; i < self->children->len; i++)
        rc_import_item_set_selected (self->children->pdata[i], selected);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  was_all = rc_import_item_get_selected (self->tag);
  was_inconsistent = rc_import_item_get_inconsistent (self->tag);

  self->selected = selected;
  if (selected)
    self->tag->n_selected++;
  else
    self->tag->n_selected--;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
  tag_child_changed (self->tag, was_all, was_inconsistent);
}

gboolean
rc_import_item_get_inconsistent (RcImportItem *self)
{
  g_return_val_if_fail (RC_IS_IMPORT_ITEM (self), FALSE);

  return self->children != NULL && self->n_selected > 0 && self->n_selected < self->children->len;
}

guint
rc_import_item_get_n_selected (RcImportItem *self)
{
  g_return_val_if_fail (RC_IS_IMPORT_ITEM (self), 0);

  return self->children != NULL ? self->n_selected : (guint) self->selected;
}

/* Whether every one of @words (casefolded) is in the operation's name,
 * verb, path, summary or tags; a tag matches when any operation does. */
gboolean
rc_import_item_matches (RcImportItem       *self,
                        const char * const *words)
{
  g_return_val_if_fail (RC_IS_IMPORT_ITEM (self), FALSE);

  if (self->children != NULL)
    return self->n_matching > 0;

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      if (strstr (self->search_text, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* For a tag: how many of its operations the search shows. */
void
rc_import_item_set_n_matching (RcImportItem *self,
                               guint         n_matching)
{
  g_return_if_fail (RC_IS_IMPORT_ITEM (self));

  self->n_matching = n_matching;
}

guint
rc_import_item_get_n_matching (RcImportItem *self)
{
  g_return_val_if_fail (RC_IS_IMPORT_ITEM (self), 0);

  return self->n_matching;
}
