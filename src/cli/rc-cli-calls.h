/* rc-cli-calls.h: what `restcall call`, `run` and `token` share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "restcall-core.h"

G_BEGIN_DECLS

/* How many calls, how many at once, and what to print. */
typedef struct
{
  int      repeat;
  int      concurrency;
  int      timeout;
  gboolean inspect;
  gboolean json;
  char    *max_size_text;   /* --max-size as typed */
  gsize    max_size;        /* … and as understood */
} RcCliBatchOptions;

/* A secret read from the environment or standard input: wiped when freed. */
typedef char RcCliSecret;

void         rc_cli_batch_options_init        (RcCliBatchOptions       *options);
void         rc_cli_batch_options_clear       (RcCliBatchOptions       *options);
void         rc_cli_batch_options_add_entries (RcCliBatchOptions       *options,
                                               GOptionContext          *context,
                                               gboolean                 batch);
gboolean     rc_cli_batch_options_check       (RcCliBatchOptions       *options,
                                               GOptionContext          *context,
                                               int                     *exit_status);

RcExecutor  *rc_cli_executor_new              (const RcCliBatchOptions *options);
int          rc_cli_run_batch                 (RcExecutor              *executor,
                                               RcMethod                *method,
                                               RcPairList              *values,
                                               const char              *secret,
                                               const RcCliBatchOptions *options);

gboolean     rc_cli_parse_options             (GOptionContext          *context,
                                               int                     *argc,
                                               char                  ***argv,
                                               const char              *secret_hint,
                                               int                     *exit_status);
gboolean     rc_cli_split_pair                (const char              *text,
                                               char                     separator,
                                               char                   **name,
                                               char                   **value);

RcCliSecret *rc_cli_read_secret               (const char              *env_var,
                                               gboolean                 from_stdin,
                                               const char              *prompt,
                                               GError                 **error);
void         rc_cli_secret_free               (RcCliSecret             *secret);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcCliSecret, rc_cli_secret_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RcCliBatchOptions, rc_cli_batch_options_clear)

G_END_DECLS
