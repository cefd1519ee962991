/* rc-single-flight.c: one operation in progress, and the calls waiting for it
 *
 * A flight is one operation on its way (a token request, a keyring write)
 * and the calls that wait for it to end: its waiters, each a GTask. It has
 * a cancellable of its own, for the operation, freed with it. Its owner
 * lands it once the operation has ended, and each waiter that is still
 * there is then handed to the function that gives it its answer.
 *
 * A waiter whose own cancellable is cancelled leaves at once, alone: the
 * others wait on, and its task gets its answer then (by default that it
 * was cancelled). A flight that runs for its waiters only
 * (RC_SINGLE_FLIGHT_FOR_WAITERS) is abandoned when the last one leaves:
 * its cancellable is cancelled, and it takes no new waiter, so that a call
 * that comes later starts an operation of its own rather than joining one
 * that will end cancelled. The flight is marked abandoned before that last
 * waiter gets its answer, for it may ask again from its callback.
 *
 * A waiter leaves from a GCancellable source on its task's main context,
 * never from within the cancellable's emission. Everything else runs on
 * the thread-default main context of the caller.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include "rc-single-flight.h"

typedef struct
{
  RcSingleFlight     *flight;     /* borrowed: a flight outlives its waiters */
  GTask              *task;
  GSource            *cancel_source;
  RcSingleFlightFunc  cancelled;
  gpointer            user_data;
} Waiter;

struct _RcSingleFlight
{
  RcSingleFlightKind  kind;
  GPtrArray          *waiters;    /* Waiter* */
  GCancellable       *cancellable;
  guint               abandoned : 1;
  guint               landed : 1;
};

/* Frees @waiter, and gives its task to the caller. */
static GTask *
waiter_free (Waiter *waiter)
{
  GTask *task = g_steal_pointer (&waiter->task);

  if (waiter->cancel_source != NULL)
    {
      g_source_destroy (waiter->cancel_source);
      g_source_unref (waiter->cancel_source);
    }
  g_free (waiter);

  return task;
}

static gboolean
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Waiter *waiter = user_data;
  RcSingleFlight *self = waiter->flight;
  RcSingleFlightFunc cancelled = waiter->cancelled;
  gpointer data = waiter->user_data;
  g_autoptr(GCancellable) abandoned = NULL;
  g_autoptr(GTask) task = NULL;

  g_ptr_array_remove (self->waiters, waiter);
  task = waiter_free (waiter);

  /* Nobody waits any more: the operation can stop, and whoever comes next
   * starts another. Said before the answer, which may ask again. */
  if (self->waiters->len == 0 && self->kind == RC_SINGLE_FLIGHT_FOR_WAITERS)
    {
      self->abandoned = TRUE;
      abandoned = g_object_ref (self->cancellable);
    }

  if (cancelled != NULL)
    cancelled (task, data);
  else
    g_task_return_error_if_cancelled (task);

  /* Not through @self, which the answer may have seen land. */
  if (abandoned != NULL)
    g_cancellable_cancel (abandoned);

  return G_SOURCE_REMOVE;
}

/**
 * rc_single_flight_new:
 * @kind: whether the operation runs for its waiters only
 *
 * Returns: (transfer full): a flight with no waiter yet
 */
RcSingleFlight *
rc_single_flight_new (RcSingleFlightKind kind)
{
  RcSingleFlight *self = g_new0 (RcSingleFlight, 1);

  self->kind = kind;
  self->waiters = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  return self;
}

/**
 * rc_single_flight_free:
 *
 * Frees a flight that has landed, or that no one joined, with its
 * cancellable.
 */
void
rc_single_flight_free (RcSingleFlight *self)
{
  if (self == NULL)
    return;

  g_return_if_fail (self->waiters->len == 0);

  g_ptr_array_unref (self->waiters);
  g_object_unref (self->cancellable);
  g_free (self);
}

/**
 * rc_single_flight_get_cancellable:
 *
 * Returns: (transfer none): the cancellable the operation runs with; it
 *   is cancelled when every waiter of a flight for its waiters has left
 */
GCancellable *
rc_single_flight_get_cancellable (RcSingleFlight *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->cancellable;
}

/**
 * rc_single_flight_join:
 * @task: the call that waits
 * @cancelled: (nullable): what becomes of @task if its cancellable is
 *   cancelled before the flight lands; %NULL to answer that it was
 *   cancelled
 *
 * Makes @task wait for the flight to land.
 *
 * Returns: %FALSE, leaving @task alone, when the flight has landed or,
 *   for its waiters only, has been abandoned: the caller starts an
 *   operation of its own
 */
gboolean
rc_single_flight_join (RcSingleFlight     *self,
                       GTask              *task,
                       RcSingleFlightFunc  cancelled,
                       gpointer            user_data)
{
  GCancellable *cancellable;
  Waiter *waiter;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_TASK (task), FALSE);

  if (self->landed || self->abandoned)
    return FALSE;

  waiter = g_new0 (Waiter, 1);
  waiter->flight = self;
  waiter->task = g_object_ref (task);
  waiter->cancelled = cancelled;
  waiter->user_data = user_data;

  if ((cancellable = g_task_get_cancellable (task)) != NULL)
    {
      waiter->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (waiter->cancel_source, G_SOURCE_FUNC (waiter_cancelled_cb), waiter,
                             NULL);
      g_source_set_static_name (waiter->cancel_source, "[restcall] single flight waiter cancelled");
      g_source_attach (waiter->cancel_source, g_task_get_context (task));
    }

  g_ptr_array_add (self->waiters, waiter);

  return TRUE;
}

/**
 * rc_single_flight_land:
 * @func: gives a waiter its answer
 *
 * The operation has ended: every waiter still there is handed to @func,
 * in the order they joined. The flight takes no waiter from now on.
 */
void
rc_single_flight_land (RcSingleFlight     *self,
                       RcSingleFlightFunc  func,
                       gpointer            user_data)
{
  g_autoptr(GPtrArray) tasks = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);
  g_return_if_fail (!self->landed);

  self->landed = TRUE;

  /* Every waiter out first: an answer may run the main loop, or cancel
   * a waiter not answered yet. */
  tasks = g_ptr_array_new_full (self->waiters->len, g_object_unref);
  for (guint i = 0; i < self->waiters->len; i++)
    g_ptr_array_add (tasks, waiter_free (g_ptr_array_index (self->waiters, i)));
  g_ptr_array_set_size (self->waiters, 0);

  for (guint i = 0; i < tasks->len; i++)
    func (g_ptr_array_index (tasks, i), user_data);
}
