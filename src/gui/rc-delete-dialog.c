/* rc-delete-dialog.c: asks before deleting an API or a method, then deletes it
 *
 * Answered with “Delete”, the dialog removes the item from the project and
 * clears the keyring of every secret the item owned: an API's own and each
 * of its methods', so that no orphan is left behind. It then says which
 * item took the deleted one's place, for the window to select.
 *
 * The secrets go at once, even though the project file still holds the
 * item until it is saved; the dialog says so. Renaming needs nothing of the
 * kind: the keyring knows items by their ids, which a rename keeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-delete-dialog.h"

struct _RcDeleteDialog
{
  AdwMessageDialog parent_instance;

  RcContext       *context;
  RcProject       *project;
  GObject         *item;
};

/* Clearing the keyring outlives the dialog; a failure is told over the
 * window, if it is still there. */
typedef struct
{
  GWeakRef  parent;
  guint     pending;
  GError   *error;
} Clearing;

G_DEFINE_FINAL_TYPE (RcDeleteDialog, rc_delete_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PROJECT,
  PROP_ITEM,
  N_PROPS
};

enum {
  DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
get_item_name (GObject *item)
{
  return RC_IS_API (item) ? rc_api_get_name (RC_API (item)) : rc_method_get_name (RC_METHOD (item));
}

static gboolean
find_api (RcProject *project,
          RcApi     *api,
          guint     *position)
{
  for (guint i = 0; i < rc_project_get_n_apis (project); i++)
    {
      if (rc_project_get_api (project, i) == api)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
find_method (RcApi    *api,
             RcMethod *method,
             guint    *position)
{
  for (guint i = 0; i < rc_api_get_n_methods (api); i++)
    {
      if (rc_api_get_method (api, i) == method)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
clearing_free (Clearing *clearing)
{
  g_weak_ref_clear (&clearing->parent);
  g_clear_error (&clearing->error);
  g_free (clearing);
}

static void
owner_cleared_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Clearing *clearing = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWindow) parent = NULL;
  GtkWidget *dialog;

  if (!rc_secret_store_clear_owner_finish (RC_SECRET_STORE (object), result, &error) &&
      clearing->error == NULL)
    clearing->error = g_steal_pointer (&error);

  if (--clearing->pending > 0)
    return;

  parent = g_weak_ref_get (&clearing->parent);
  if (clearing->error != NULL && parent != NULL)
    {
      dialog = adw_message_dialog_new (parent, _("Stored Secrets Were Not Removed"),
                                       clearing->error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (clearing->error != NULL)
    {
      g_message ("Stored secrets were not removed: %s", clearing->error->message);
    }

  clearing_free (clearing);
}

/* Clears the secrets of @owner_ids, without waiting. */
static void
clear_secrets (RcDeleteDialog *self,
               GPtrArray      *owner_ids)
{
  Clearing *clearing = g_new0 (Clearing, 1);

  g_weak_ref_init (&clearing->parent, gtk_window_get_transient_for (GTK_WINDOW (self)));
  clearing->pending = owner_ids->len;

  for (guint i = 0; i < owner_ids->len; i++)
    rc_secret_store_clear_owner_async (rc_context_get_secret_store (self->context),
                                       rc_project_get_id (self->project),
                                       g_ptr_array_index (owner_ids, i),
                                       NULL, owner_cleared_cb, clearing);
}

/* Removes the item; returns (transfer full) the one that takes its place. */
static GObject *
remove_item (RcDeleteDialog *self,
             GPtrArray      *owner_ids)
{
  GObject *next = NULL;
  guint position, n;

  if (RC_IS_API (self->item))
    {
      RcApi *api = RC_API (self->item);

      if (!find_api (self->project, api, &position))
        return NULL;

      g_ptr_array_add (owner_ids, g_strdup (rc_api_get_id (api)));
      for (guint i = 0; i < rc_api_get_n_methods (api); i++)
        g_ptr_array_add (owner_ids, g_strdup (rc_method_get_id (rc_api_get_method (api, i))));

      n = rc_project_get_n_apis (self->project);
      if (position + 1 < n)
        next = g_object_ref (G_OBJECT (rc_project_get_api (self->project, position + 1)));
      else if (position > 0)
        next = g_object_ref (G_OBJECT (rc_project_get_api (self->project, position - 1)));

      rc_project_remove_api (self->project, api);
    }
  else
    {
      RcMethod *method = RC_METHOD (self->item);
      RcApi *api = rc_method_get_api (method);

      if (api == NULL || !find_method (api, method, &position))
        return NULL;

      g_ptr_array_add (owner_ids, g_strdup (rc_method_get_id (method)));

      n = rc_api_get_n_methods (api);
      if (position + 1 < n)
        next = g_object_ref (G_OBJECT (rc_api_get_method (api, position + 1)));
      else if (position > 0)
        next = g_object_ref (G_OBJECT (rc_api_get_method (api, position - 1)));
      else
        next = g_object_ref (G_OBJECT (api));

      rc_api_remove_method (api, method);
    }

  return next;
}

static void
rc_delete_dialog_response (AdwMessageDialog *dialog,
                           const char       *response)
{
  RcDeleteDialog *self = RC_DELETE_DIALOG (dialog);
  g_autoptr(GPtrArray) owner_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GObject) next = NULL;

  if (ADW_MESSAGE_DIALOG_CLASS (rc_delete_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (rc_delete_dialog_parent_class)->response (dialog, response);

  if (!g_str_equal (response, "delete"))
    return;

  next = remove_item (self, owner_ids);
  if (owner_ids->len == 0)
    return;

  clear_secrets (self, owner_ids);
  g_signal_emit (self, signals[DELETED], 0, next);
}

static void
rc_delete_dialog_constructed (GObject *object)
{
  RcDeleteDialog *self = (RcDeleteDialog *)object;
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  G_OBJECT_CLASS (rc_delete_dialog_parent_class)->constructed (object);

  /* Translators: %s is an API's or a method's name */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), get_item_name (self->item));
  adw_message_dialog_set_body (dialog,
                               RC_IS_API (self->item)
                                 ? _("Its methods and stored secrets are deleted too.")
                                 : _("Its stored secrets are deleted too."));
}

static void
rc_delete_dialog_dispose (GObject *object)
{
  RcDeleteDialog *self = (RcDeleteDialog *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->project);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (rc_delete_dialog_parent_class)->dispose (object);
}

static void
rc_delete_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RcDeleteDialog *self = RC_DELETE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_delete_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RcDeleteDialog *self = RC_DELETE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;

    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_delete_dialog_class_init (RcDeleteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->constructed = rc_delete_dialog_constructed;
  object_class->dispose = rc_delete_dialog_dispose;
  object_class->get_property = rc_delete_dialog_get_property;
  object_class->set_property = rc_delete_dialog_set_property;

  dialog_class->response = rc_delete_dialog_response;

  /**
   * RcDeleteDialog:context:
   *
   * The services to use: the secret store the item's secrets are cleared from.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RC_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         RC_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RcDeleteDialog:item:
   *
   * The #RcApi or #RcMethod to delete.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcDeleteDialog::deleted:
   * @next: (nullable): the item that took the deleted one's place: the
   *   next or previous API or method, or a deleted method's API
   *
   * Emitted once the item is out of the project; its secrets are being
   * cleared from the keyring.
   */
  signals[DELETED] =
    g_signal_new ("deleted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);
}

static void
rc_delete_dialog_init (RcDeleteDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
}

/**
 * rc_delete_dialog_new:
 * @context: the services to use, the parent's
 * @project: the project @item is in
 * @item: the #RcApi or #RcMethod to delete
 */
GtkWidget *
rc_delete_dialog_new (GtkWindow *parent,
                      RcContext *context,
                      RcProject *project,
                      GObject   *item)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RC_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (RC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (RC_IS_API (item) || RC_IS_METHOD (item), NULL);

  return g_object_new (RC_TYPE_DELETE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "context", context,
                       "project", project,
                       "item", item,
                       NULL);
}

/**
 * rc_delete_dialog_get_item:
 *
 * Returns: (transfer none): the #RcApi or #RcMethod to delete
 */
GObject *
rc_delete_dialog_get_item (RcDeleteDialog *self)
{
  g_return_val_if_fail (RC_IS_DELETE_DIALOG (self), NULL);

  return self->item;
}
