/* rc-cli-result.h: one call's result, as a script reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "restcall-core.h"

G_BEGIN_DECLS

/* Failures of several calls by kind, and which call each kind came first in. */
typedef struct
{
  guint counts[RC_FAILURE_N_KINDS];
  guint first[RC_FAILURE_N_KINDS];
} RcCliTally;

void       rc_cli_tally_add           (RcCliTally       *tally,
                                       RcFailure         failure,
                                       guint             index,
                                       guint             count);
RcFailure  rc_cli_tally_get_main      (const RcCliTally *tally);
void       rc_cli_tally_add_json      (const RcCliTally *tally,
                                       JsonBuilder      *builder);

RcFailure  rc_cli_result_get_failure  (RcExchange *exchange);
char      *rc_cli_result_dup_message  (RcExchange *exchange);
JsonNode  *rc_cli_result_build_json   (RcExchange *exchange,
                                       RcMethod   *method,
                                       RcPairList *values);
char      *rc_cli_json_to_text        (JsonNode   *node);

G_END_DECLS
