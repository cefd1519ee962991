/* test-single-flight.c: one operation in progress, and the calls waiting for it
 *
 * Waiters are plain GTasks, the operation nothing but the test landing the
 * flight: every waiter still there gets the answer once, in the order it
 * joined; one that cancels leaves alone; a flight for its waiters is
 * cancelled, and closed to newcomers, once they have all gone, before the
 * last hears so (it may ask again from its callback); a flight for itself
 * goes on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rc-single-flight.h"
#include "rc-test-server.h"

#define WAIT_SECONDS 30

/* One call waiting on a flight, and what it was told. */
typedef struct _Call Call;

struct _Call
{
  GCancellable   *cancellable;
  GTask          *task;
  gboolean        done;
  int             answer;
  GError         *error;
  GArray         *order;         /* where the answers are written down, if anywhere */
  int             id;
  /* From the callback: join this flight again, and say whether it took it. */
  RcSingleFlight *join_again;
  gboolean        joined_again;
  gboolean        joined_at_once;  /* from its cancelled func */
  /* From the callback: cancel this call's cancellable. */
  Call           *cancel;
};

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Call *call = user_data;

  g_assert_false (call->done);
  call->done = TRUE;
  call->answer = g_task_propagate_int (G_TASK (result), &call->error);
  if (call->order != NULL)
    g_array_append_val (call->order, call->id);

  if (call->join_again != NULL)
    {
      g_autoptr(GTask) again = g_task_new (NULL, NULL, NULL, NULL);

      call->joined_again = rc_single_flight_join (call->join_again, again, NULL, NULL);
    }

  if (call->cancel != NULL)
    g_cancellable_cancel (call->cancel->cancellable);
}

static void
call_init (Call   *call,
           int     id,
           GArray *order)
{
  *call = (Call) { 0 };
  call->id = id;
  call->order = order;
  call->cancellable = g_cancellable_new ();
  call->task = g_task_new (NULL, call->cancellable, call_done_cb, call);
}

static void
call_clear (Call *call)
{
  g_clear_object (&call->task);
  g_clear_object (&call->cancellable);
  g_clear_error (&call->error);
}

/* The answer a landing gives: the number it was given. */
static void
answer_cb (GTask    *task,
           gpointer  user_data)
{
  g_task_return_int (task, GPOINTER_TO_INT (user_data));
}

/* A cancelled func that asks again at once, as a callback that runs at
 * once could; then answers as the default does. */
static void
rejoin_cancelled_cb (GTask    *task,
                     gpointer  user_data)
{
  Call *call = user_data;
  g_autoptr(GTask) again = g_task_new (NULL, NULL, NULL, NULL);

  call->joined_at_once = rc_single_flight_join (call->join_again, again, NULL, NULL);
  g_task_return_error_if_cancelled (task);
}

/* A cancelled func of the test's own, instead of the default: counts. */
static void
answer_cancelled_cb (GTask    *task,
                     gpointer  user_data)
{
  guint *n_cancelled = user_data;

  (*n_cancelled)++;
  g_task_return_int (task, -1);
}

static gboolean
all_done_cb (gpointer data)
{
  Call **calls = data;

  for (guint i = 0; calls[i] != NULL; i++)
    {
      if (!calls[i]->done)
        return FALSE;
    }

  return TRUE;
}

static void
wait_for_calls (Call **calls)
{
  g_assert_true (rc_test_wait_until (all_done_cb, calls, WAIT_SECONDS));
}

/* Every waiter gets the answer, once, in the order it joined. */
static void
test_land (void)
{
  g_autoptr(RcSingleFlight) flight = rc_single_flight_new (RC_SINGLE_FLIGHT_FOR_WAITERS);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (int));
  Call calls[3];
  Call *all[] = { &calls[0], &calls[1], &calls[2], NULL };

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      call_init (&calls[i], i, order);
      g_assert_true (rc_single_flight_join (flight, calls[i].task, NULL, NULL));
    }

  rc_single_flight_land (flight, answer_cb, GINT_TO_POINTER (42));
  wait_for_calls (all);

  g_assert_cmpuint (order->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_assert_no_error (calls[i].error);
      g_assert_cmpint (calls[i].answer, ==, 42);
      g_assert_cmpint (g_array_index (order, int, i), ==, i);
      call_clear (&calls[i]);
    }

  /* Landed: no one joins any more. */
  {
    g_autoptr(GTask) late = g_task_new (NULL, NULL, NULL, NULL);

    g_assert_false (rc_single_flight_join (flight, late, NULL, NULL));
  }
  g_assert_false (g_cancellable_is_cancelled (rc_single_flight_get_cancellable (flight)));
}

/* One waiter of two cancels: it hears so at once, alone; the flight goes
 * on for the other, who gets its answer. */
static void
test_one_waiter_cancels (void)
{
  g_autoptr(RcSingleFlight) flight = rc_single_flight_new (RC_SINGLE_FLIGHT_FOR_WAITERS);
  Call quitter, stayer;
  Call *quitters[] = { &quitter, NULL };
  Call *stayers[] = { &stayer, NULL };

  call_init (&quitter, 0, NULL);
  call_init (&stayer, 1, NULL);
  g_assert_true (rc_single_flight_join (flight, quitter.task, NULL, NULL));
  g_assert_true (rc_single_flight_join (flight, stayer.task, NULL, NULL));

  g_cancellable_cancel (quitter.cancellable);
  wait_for_calls (quitters);
  g_assert_error (quitter.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (stayer.done);
  g_assert_false (g_cancellable_is_cancelled (rc_single_flight_get_cancellable (flight)));

  rc_single_flight_land (flight, answer_cb, GINT_TO_POINTER (7));
  wait_for_calls (stayers);
  g_assert_no_error (stayer.error);
  g_assert_cmpint (stayer.answer, ==, 7);

  call_clear (&quitter);
  call_clear (&stayer);
}

/* Every waiter cancels: the flight is cancelled, and takes no one new,
 * not even the last one asking again as it hears so. */
static void
test_all_waiters_cancel (void)
{
  g_autoptr(RcSingleFlight) flight = rc_single_flight_new (RC_SINGLE_FLIGHT_FOR_WAITERS);
  Call first, last;
  Call *all[] = { &first, &last, NULL };

  call_init (&first, 0, NULL);
  call_init (&last, 1, NULL);
  last.join_again = flight;
  g_assert_true (rc_single_flight_join (flight, first.task, NULL, NULL));
  g_assert_true (rc_single_flight_join (flight, last.task, rejoin_cancelled_cb, &last));

  g_cancellable_cancel (first.cancellable);
  g_cancellable_cancel (last.cancellable);
  wait_for_calls (all);

  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (last.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (last.joined_at_once);
  g_assert_false (last.joined_again);
  g_assert_true (g_cancellable_is_cancelled (rc_single_flight_get_cancellable (flight)));

  {
    g_autoptr(GTask) late = g_task_new (NULL, NULL, NULL, NULL);

    g_assert_false (rc_single_flight_join (flight, late, NULL, NULL));
  }

  /* The operation ends anyway, as a cancelled one does: no one to tell. */
  rc_single_flight_land (flight, answer_cb, GINT_TO_POINTER (1));

  call_clear (&first);
  call_clear (&last);
}

/* A flight for itself goes on when its waiters leave, and takes new ones;
 * each that leaves is handed to the function its joiner chose. */
static void
test_for_itself (void)
{
  g_autoptr(RcSingleFlight) flight = rc_single_flight_new (RC_SINGLE_FLIGHT_FOR_ITSELF);
  Call quitter, newcomer;
  Call *quitters[] = { &quitter, NULL };
  Call *newcomers[] = { &newcomer, NULL };
  guint n_cancelled = 0;

  call_init (&quitter, 0, NULL);
  quitter.join_again = flight;
  g_assert_true (rc_single_flight_join (flight, quitter.task, answer_cancelled_cb, &n_cancelled));
  g_cancellable_cancel (quitter.cancellable);
  wait_for_calls (quitters);
  g_assert_cmpuint (n_cancelled, ==, 1);
  g_assert_error (quitter.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (quitter.joined_again);
  g_assert_false (g_cancellable_is_cancelled (rc_single_flight_get_cancellable (flight)));

  call_init (&newcomer, 1, NULL);
  g_assert_true (rc_single_flight_join (flight, newcomer.task, answer_cancelled_cb, &n_cancelled));

  /* The task joined from the callback has no callback of its own. */
  rc_single_flight_land (flight, answer_cb, GINT_TO_POINTER (5));
  wait_for_calls (newcomers);
  g_assert_no_error (newcomer.error);
  g_assert_cmpint (newcomer.answer, ==, 5);
  g_assert_cmpuint (n_cancelled, ==, 1);

  call_clear (&quitter);
  call_clear (&newcomer);
}

/* A call cancelled before it joins leaves as soon as the main loop runs. */
static void
test_cancelled_before_join (void)
{
  g_autoptr(RcSingleFlight) flight = rc_single_flight_new (RC_SINGLE_FLIGHT_FOR_WAITERS);
  Call call;
  Call *all[] = { &call, NULL };

  call_init (&call, 0, NULL);
  g_cancellable_cancel (call.cancellable);
  g_assert_true (rc_single_flight_join (flight, call.task, NULL, NULL));
  g_assert_false (call.done);
  wait_for_calls (all);

  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_cancellable_is_cancelled (rc_single_flight_get_cancellable (flight)));

  call_clear (&call);
}

/* An answer that cancels a waiter not answered yet: that one still gets
 * the answer of the landing, once, and never a second for its cancel. */
static void
test_cancel_while_landing (void)
{
  g_autoptr(RcSingleFlight) flight = rc_single_flight_new (RC_SINGLE_FLIGHT_FOR_WAITERS);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (int));
  Call first, second;
  Call *all[] = { &first, &second, NULL };

  call_init (&first, 0, order);
  call_init (&second, 1, order);
  first.cancel = &second;
  g_assert_true (rc_single_flight_join (flight, first.task, NULL, NULL));
  g_assert_true (rc_single_flight_join (flight, second.task, NULL, NULL));

  rc_single_flight_land (flight, answer_cb, GINT_TO_POINTER (3));
  wait_for_calls (all);
  /* A few more turns, for a stray cancel source to show. */
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpint (first.answer, ==, 3);
  g_assert_no_error (first.error);
  g_assert_true (g_cancellable_is_cancelled (second.cancellable));
  /* GTask makes a cancelled task's answer an error: the answer was given. */
  g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (order->len, ==, 2);

  call_clear (&first);
  call_clear (&second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/single-flight/land", test_land);
  g_test_add_func ("/restcall/single-flight/one-waiter-cancels", test_one_waiter_cancels);
  g_test_add_func ("/restcall/single-flight/all-waiters-cancel", test_all_waiters_cancel);
  g_test_add_func ("/restcall/single-flight/for-itself", test_for_itself);
  g_test_add_func ("/restcall/single-flight/cancelled-before-join", test_cancelled_before_join);
  g_test_add_func ("/restcall/single-flight/cancel-while-landing", test_cancel_while_landing);

  return g_test_run ();
}
