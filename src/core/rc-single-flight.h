/* rc-single-flight.h: one operation in progress, and the calls waiting for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * RcSingleFlightKind:
 * @RC_SINGLE_FLIGHT_FOR_WAITERS: the operation runs for its waiters only:
 *   once every one has cancelled, its cancellable is cancelled and it takes
 *   no new waiter (a token request)
 * @RC_SINGLE_FLIGHT_FOR_ITSELF: the operation runs for its own sake;
 *   waiters only wait for it to end, and their leaving stops nothing (a
 *   keyring write that later calls must come after)
 */
typedef enum {
  RC_SINGLE_FLIGHT_FOR_WAITERS,
  RC_SINGLE_FLIGHT_FOR_ITSELF,
} RcSingleFlightKind;

/**
 * RcSingleFlightFunc:
 * @task: (transfer none): a waiter's task
 *
 * What becomes of a waiter: once, when the flight lands, or when the
 * waiter's own cancellable is cancelled first.
 */
typedef void (*RcSingleFlightFunc) (GTask    *task,
                                    gpointer  user_data);

typedef struct _RcSingleFlight RcSingleFlight;

RcSingleFlight *rc_single_flight_new             (RcSingleFlightKind  kind);
void            rc_single_flight_free            (RcSingleFlight     *self);
GCancellable   *rc_single_flight_get_cancellable (RcSingleFlight     *self);
gboolean        rc_single_flight_join            (RcSingleFlight     *self,
                                                  GTask              *task,
                                                  RcSingleFlightFunc  cancelled,
                                                  gpointer            user_data);
void            rc_single_flight_land            (RcSingleFlight     *self,
                                                  RcSingleFlightFunc  func,
                                                  gpointer            user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcSingleFlight, rc_single_flight_free)

G_END_DECLS
