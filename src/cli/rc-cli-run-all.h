/* rc-cli-run-all.h: `restcall run PROJECT --all`, every method with its test values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "restcall-core.h"
#include "rc-cli-batch.h"
#include "rc-cli-target.h"

G_BEGIN_DECLS

/* One method of the run, and what it came to. */
typedef struct
{
  RcApi      *api;
  RcMethod   *method;     /* the project's, with the environment filled in (rc-resolve.c) */
  RcMethod   *resolved;   /* … which it owns */
  RcPairList *values;
  char       *secret;     /* wiped when freed; NULL when none is needed */
  RcExchange *exchange;   /* once finished, or made when never sent */
} RcCliRunItem;

int  rc_cli_run_all (RcCliTarget             *target,
                     RcResolver              *resolver,
                     const char              *secret_env,
                     gboolean                 secret_stdin,
                     const char              *junit,
                     const RcCliBatchOptions *options);

G_END_DECLS
