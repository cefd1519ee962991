/* rc-cli-batch.h: N calls of one method, C at once, and the options that shape them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-cli-target.h"

G_BEGIN_DECLS

/* How many calls, how many at once, and what to print. */
typedef struct
{
  int      repeat;
  int      concurrency;
  int      timeout;
  gboolean inspect;
  gboolean json;
  gboolean include;         /* -i: the status line and headers before the body */
  gboolean silent;          /* -s: no notes on stderr, errors only */
  char    *output;          /* --output FILE: the body goes there */
  char    *max_size_text;   /* --max-size as typed */
  gsize    max_size;        /* … and as understood */
  char    *cacert;          /* --cacert FILE */
  GTlsDatabase *tls_database; /* … and as read */
  RcHistory *history;       /* run --save-history: where each call is kept */
  RcResolver *resolver;     /* … and the environment it is made in */
} RcCliBatchOptions;

void         rc_cli_batch_options_init        (RcCliBatchOptions       *options);
void         rc_cli_batch_options_clear       (RcCliBatchOptions       *options);
void         rc_cli_batch_options_add_entries (RcCliBatchOptions       *options,
                                               GOptionContext          *context,
                                               gboolean                 batch);
gboolean     rc_cli_batch_options_check       (RcCliBatchOptions       *options,
                                               int                     *exit_status);

RcExecutor  *rc_cli_executor_new              (const RcCliBatchOptions *options);
gboolean     rc_cli_keep_in_history           (const RcCliBatchOptions *options,
                                               RcCliTarget             *target,
                                               RcMethod                *method,
                                               RcPairList              *values,
                                               RcExchange              *exchange,
                                               gboolean                *failed);
int          rc_cli_run_batch                 (RcExecutor              *executor,
                                               RcCliTarget             *target,
                                               RcMethod                *method,
                                               RcPairList              *values,
                                               const char              *secret,
                                               const RcCliBatchOptions *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RcCliBatchOptions, rc_cli_batch_options_clear)

G_END_DECLS
