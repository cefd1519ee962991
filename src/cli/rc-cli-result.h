/* rc-cli-result.h: several calls' results, as a script reads them
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

char      *rc_cli_json_to_text        (JsonNode   *node);

G_END_DECLS
