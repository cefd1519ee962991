/* rc-context.c: the services a window and its widgets share
 *
 * One context holds the executor (and so the token cache: a token is
 * fetched once for every method of every window), the secret store
 * (the writes on their way, the secrets kept for this session only) and
 * the history of the calls made (in the user's state folder). The
 * application makes one and hands it to each window it opens; a window
 * hands it to the widgets and dialogs it makes, which take their services
 * from it and from nowhere else. A test makes one of its own, so that no
 * token or secret crosses from one test to the next.
 *
 * As GNOME Calendar's GcalContext: it only owns and hands out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include "rc-context.h"

struct _RcContext
{
  GObject        parent_instance;

  RcExecutor    *executor;
  RcSecretStore *secret_store;
  RcHistory     *history;
};

G_DEFINE_FINAL_TYPE (RcContext, rc_context, G_TYPE_OBJECT)

static void
rc_context_finalize (GObject *object)
{
  RcContext *self = (RcContext *)object;

  g_clear_object (&self->executor);
  g_clear_object (&self->secret_store);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (rc_context_parent_class)->finalize (object);
}

static void
rc_context_class_init (RcContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_context_finalize;
}

static void
rc_context_init (RcContext *self)
{
  self->executor = rc_executor_new ();
  self->secret_store = rc_secret_store_new ();
  self->history = rc_history_new (NULL);
}

RcContext *
rc_context_new (void)
{
  return g_object_new (RC_TYPE_CONTEXT, NULL);
}

/**
 * rc_context_get_executor:
 *
 * Returns: (transfer none): the executor, whose token cache every call
 *   made through this context shares
 */
RcExecutor *
rc_context_get_executor (RcContext *self)
{
  g_return_val_if_fail (RC_IS_CONTEXT (self), NULL);

  return self->executor;
}

/**
 * rc_context_get_secret_store:
 *
 * Returns: (transfer none): the secret store
 */
RcSecretStore *
rc_context_get_secret_store (RcContext *self)
{
  g_return_val_if_fail (RC_IS_CONTEXT (self), NULL);

  return self->secret_store;
}

/**
 * rc_context_get_history:
 *
 * Returns: (transfer none): the history of the calls made, in the user's
 *   state folder
 */
RcHistory *
rc_context_get_history (RcContext *self)
{
  g_return_val_if_fail (RC_IS_CONTEXT (self), NULL);

  return self->history;
}
