/* rc-http-record.h: one HTTP request and its response, as sent and received
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define RC_TYPE_HTTP_RECORD (rc_http_record_get_type ())

G_DECLARE_FINAL_TYPE (RcHttpRecord, rc_http_record, RC, HTTP_RECORD, GObject)

RcHttpRecord *rc_http_record_new_for_request  (SoupMessage  *message,
                                               GBytes       *request_body);
void          rc_http_record_set_response     (RcHttpRecord *self,
                                               SoupMessage  *message,
                                               GBytes       *response_body);
void          rc_http_record_set_error        (RcHttpRecord *self,
                                               const GError *error);

const char   *rc_http_record_get_method       (RcHttpRecord *self);
const char   *rc_http_record_get_url          (RcHttpRecord *self);
const char   *rc_http_record_get_request_header  (RcHttpRecord *self,
                                                  const char   *name);
GBytes       *rc_http_record_get_request_body (RcHttpRecord *self);
gboolean      rc_http_record_has_response     (RcHttpRecord *self);
guint         rc_http_record_get_status       (RcHttpRecord *self);
const char   *rc_http_record_get_reason       (RcHttpRecord *self);
const char   *rc_http_record_get_response_header (RcHttpRecord *self,
                                                  const char   *name);
GBytes       *rc_http_record_get_response_body (RcHttpRecord *self);
const char   *rc_http_record_get_error        (RcHttpRecord *self);
const char   *rc_http_record_get_client_certificate (RcHttpRecord *self);
gint64        rc_http_record_get_duration_us  (RcHttpRecord *self);

char         *rc_http_record_format_request   (RcHttpRecord *self,
                                               gboolean      reveal);
char         *rc_http_record_format_response  (RcHttpRecord *self,
                                               gboolean      reveal);
char         *rc_http_record_format_preview   (RcHttpRecord *self,
                                               gboolean      response,
                                               gboolean      reveal,
                                               gsize         limit,
                                               GCancellable *cancellable);

void          rc_http_record_add_secret       (RcHttpRecord *self,
                                               const char   *value);
GPtrArray    *rc_http_record_get_secrets      (RcHttpRecord *self);
void          rc_http_record_set_previous_attempt (RcHttpRecord *self,
                                                   RcHttpRecord *previous);
void          rc_http_record_set_label        (RcHttpRecord *self,
                                               const char   *label);
RcHttpRecord *rc_http_record_get_previous_attempt (RcHttpRecord *self);
GPtrArray    *rc_http_record_dup_attempts     (RcHttpRecord *self);
char         *rc_http_record_dup_attempt_heading (RcHttpRecord *self,
                                                  guint         number,
                                                  guint         count);
char         *rc_http_record_format_attempts  (RcHttpRecord *self,
                                               gboolean      response,
                                               gboolean      reveal);
SoupMessageHeaders *rc_http_record_dup_headers (RcHttpRecord *self,
                                               gboolean      response,
                                               gboolean      reveal);
char         *rc_http_record_format_head      (RcHttpRecord *self,
                                               gboolean      response,
                                               gboolean      reveal);
GBytes       *rc_http_record_dup_masked_body  (RcHttpRecord *self,
                                               gboolean      response,
                                               gsize         limit,
                                               gboolean     *truncated);

char         *rc_mask_secret_value            (const char   *value);
char         *rc_mask_header_value            (const char   *name,
                                               const char   *value);
char         *rc_mask_authorization           (const char   *value);

G_END_DECLS
