/* rc-history-private.h: one call on its way into the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-history.h"

G_BEGIN_DECLS

/* What a call's entry is made of, taken from the model on the caller's
 * thread: strings, and the exchange, which no longer changes. */
typedef struct
{
  char       *id;           /* the file's name but .json: when recorded, then a random part */
  char       *project_id;
  char       *api_id;
  char       *method_id;    /* NULL for a token request of the API's own */
  char       *api_name;
  char       *method_name;
  char       *verb;         /* where a call never sent was to go */
  char       *unsent_url;
  char       *environment;
  GDateTime  *time;         /* when the call began, UTC */
  RcExchange *exchange;
} RcHistoryEntry;

RcHistoryEntry *rc_history_entry_new     (const char     *project_id,
                                          RcApi          *api,
                                          RcMethod       *method,
                                          RcPairList     *values,
                                          RcResolver     *resolver,
                                          RcExchange     *exchange);
void            rc_history_entry_free    (RcHistoryEntry *self);
char           *rc_history_entry_to_text (RcHistoryEntry *self,
                                          gsize           body_limit);
gboolean        rc_history_is_entry_id   (const char     *name,
                                          const char     *suffix);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcHistoryEntry, rc_history_entry_free)

G_END_DECLS
