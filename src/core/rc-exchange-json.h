/* rc-exchange-json.h: one call as a JSON object, for a script and for the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rc-exchange.h"
#include "rc-method.h"
#include "rc-pair-list.h"

G_BEGIN_DECLS

/**
 * RcExchangeJsonFlags:
 * @RC_EXCHANGE_JSON_DEFAULT: the call as `restcall run --json` prints it:
 *   the response's body whole and as it came
 * @RC_EXCHANGE_JSON_RECORD: the call as the history keeps it: the API
 *   request too, the status's reason and whether each body was cut;
 *   every body masked as the inspector masks it and cut at a limit
 */
typedef enum {
  RC_EXCHANGE_JSON_DEFAULT = 0,
  RC_EXCHANGE_JSON_RECORD  = 1 << 0,
} RcExchangeJsonFlags;

void      rc_exchange_json_add_members    (JsonBuilder         *builder,
                                           RcExchange          *exchange,
                                           const char          *verb,
                                           const char          *url,
                                           RcExchangeJsonFlags  flags,
                                           gsize                body_limit);
JsonNode *rc_exchange_json_build          (RcExchange          *exchange,
                                           RcMethod            *method,
                                           RcPairList          *values);
char     *rc_exchange_json_dup_unsent_url (RcMethod            *method,
                                           RcPairList          *values);

G_END_DECLS
