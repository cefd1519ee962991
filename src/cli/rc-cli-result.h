/* rc-cli-result.h: one call's result, as a script reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "restcall-core.h"

G_BEGIN_DECLS

RcFailure  rc_cli_result_get_failure  (RcExchange *exchange);
char      *rc_cli_result_dup_message  (RcExchange *exchange);
JsonNode  *rc_cli_result_build_json   (RcExchange *exchange,
                                       RcMethod   *method,
                                       RcPairList *values);
char      *rc_cli_json_to_text        (JsonNode   *node);

G_END_DECLS
