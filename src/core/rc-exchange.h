/* rc-exchange.h: everything that went over the wire for one call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-failure.h"
#include "rc-http-record.h"
#include "rc-token.h"

G_BEGIN_DECLS

#define RC_TYPE_EXCHANGE (rc_exchange_get_type ())

G_DECLARE_FINAL_TYPE (RcExchange, rc_exchange, RC, EXCHANGE, GObject)

/**
 * RcExchangePart:
 * @RC_EXCHANGE_API_REQUEST: the request sent to the API (the last attempt)
 * @RC_EXCHANGE_API_RESPONSE: the API's response to it
 * @RC_EXCHANGE_TOKEN_REQUEST: the request sent to the authorization server
 * @RC_EXCHANGE_TOKEN_RESPONSE: the authorization server's response
 */
typedef enum {
  RC_EXCHANGE_API_REQUEST,
  RC_EXCHANGE_API_RESPONSE,
  RC_EXCHANGE_TOKEN_REQUEST,
  RC_EXCHANGE_TOKEN_RESPONSE,
} RcExchangePart;

RcExchange   *rc_exchange_new                  (void);
RcExchange   *rc_exchange_new_for_token_request (RcToken      *token,
                                                 RcHttpRecord *record,
                                                 const GError *error);
gboolean      rc_exchange_is_token_request_only (RcExchange   *self);

/* The API call: every attempt, in order (redirects, a replay after 401). */
GPtrArray    *rc_exchange_get_api_records      (RcExchange   *self);
RcHttpRecord *rc_exchange_get_api_record       (RcExchange   *self);
void          rc_exchange_add_api_record       (RcExchange   *self,
                                                RcHttpRecord *record);

/* The token exchange for this call, when a token request was made. */
RcHttpRecord *rc_exchange_get_token_record     (RcExchange   *self);
void          rc_exchange_set_token_record     (RcExchange   *self,
                                                RcHttpRecord *record);
RcToken      *rc_exchange_get_token            (RcExchange   *self);
void          rc_exchange_set_token            (RcExchange   *self,
                                                RcToken      *token,
                                                gboolean      from_cache);
gboolean      rc_exchange_get_token_from_cache (RcExchange   *self);
guint         rc_exchange_get_n_token_requests (RcExchange   *self);

gboolean      rc_exchange_get_authorization_overridden (RcExchange *self);
void          rc_exchange_set_authorization_overridden (RcExchange *self,
                                                        gboolean    overridden);
const char * const *rc_exchange_get_request_notes (RcExchange *self);
void          rc_exchange_add_request_note     (RcExchange   *self,
                                                const char   *note);
char         *rc_exchange_format_request_notes (RcExchange   *self);
const char * const *rc_exchange_get_notes      (RcExchange   *self);
void          rc_exchange_add_note             (RcExchange   *self,
                                                const char   *note);

const GError *rc_exchange_get_error            (RcExchange   *self);
void          rc_exchange_set_error            (RcExchange   *self,
                                                const GError *error);
guint         rc_exchange_get_status           (RcExchange   *self);
gboolean      rc_exchange_is_success           (RcExchange   *self);
RcFailure     rc_exchange_get_failure          (RcExchange   *self);
char         *rc_exchange_dup_failure_message  (RcExchange   *self);
gint64        rc_exchange_get_duration_us      (RcExchange   *self);
void          rc_exchange_set_duration_us      (RcExchange   *self,
                                                gint64        duration_us);

RcHttpRecord *rc_exchange_get_cached_token_record (RcExchange *self);
char         *rc_exchange_dup_cached_token_intro  (RcExchange *self,
                                                   gboolean    response);
char         *rc_exchange_format_part          (RcExchange    *self,
                                                RcExchangePart part,
                                                gboolean       reveal);
char         *rc_exchange_format               (RcExchange   *self,
                                                gboolean      reveal);

G_END_DECLS
