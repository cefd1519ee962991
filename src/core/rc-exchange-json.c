/* rc-exchange-json.c: one call as a JSON object, for a script and for the history
 *
 * The one builder of a call's JSON: `restcall call` and `run` print it
 * (the schema is in doc/restcall.1, JSON OUTPUT), and the history keeps
 * it (rc-history.c), with more in it. Its members, in order:
 *
 *   method, url, status, headers [{name, value}], body, body_encoding
 *   ("text" when the body is UTF-8 without NUL bytes, else "base64"),
 *   body_size, timings {total_ms, response_ms, token_ms}, token (null
 *   when the call used none, else {source: "request" or "cache",
 *   requests, access_token, expires_in, exchange [{method, url, status,
 *   request, response}]}), notes [], error (null, or {code, message}).
 *
 * As the history keeps it (%RC_EXCHANGE_JSON_RECORD), also: request
 * {headers, body, body_encoding, body_size, body_truncated} after url,
 * reason after status, and body_truncated after body_size; every body
 * (the request's, the response's) is masked as the inspector masks it
 * (rc_http_record_dup_masked_body(): a form's secret fields, a JSON
 * body's secret and token members) and cut at a limit, body_size being
 * the whole body's; the token exchange's texts are cut at it too.
 *
 * Secrets stay masked as the inspector masks them (rc-http-record.c):
 * the token exchange is the inspector's text, the access token keeps its
 * first characters only, and credentials in headers are masked. Printed
 * for a script, the API request is left out (its Authorization header is
 * the token), and the response's body is whole, as it came: it is the
 * answer the script asked for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <string.h>

#include "rc-body.h"
#include "rc-exchange-json.h"
#include "rc-executor.h"
#include "rc-json.h"
#include "rc-text.h"

static void
add_boolean (JsonBuilder *builder,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* A duration in milliseconds, to the microsecond; null when unknown. */
static void
add_ms (JsonBuilder *builder,
        const char  *name,
        gint64       duration_us)
{
  json_builder_set_member_name (builder, name);
  if (duration_us > 0)
    json_builder_add_double_value (builder, duration_us / 1000.0);
  else
    json_builder_add_null_value (builder);
}

static void
add_status (JsonBuilder  *builder,
            RcHttpRecord *record)
{
  json_builder_set_member_name (builder, "status");
  if (record && rc_http_record_has_response (record))
    json_builder_add_int_value (builder, rc_http_record_get_status (record));
  else
    json_builder_add_null_value (builder);
}

/* The request's headers, or the response's (none when it never came). */
static void
add_headers (JsonBuilder  *builder,
             RcHttpRecord *record,
             gboolean      response)
{
  g_autoptr(SoupMessageHeaders) headers = NULL;
  SoupMessageHeadersIter iter;
  const char *name, *value;

  json_builder_set_member_name (builder, "headers");
  json_builder_begin_array (builder);
  if (record && (!response || rc_http_record_has_response (record)))
    {
      headers = rc_http_record_dup_headers (record, response, FALSE);
      soup_message_headers_iter_init (&iter, headers);
      while (soup_message_headers_iter_next (&iter, &name, &value))
        {
          json_builder_begin_object (builder);
          rc_json_builder_add_string (builder, "name", name);
          rc_json_builder_add_string (builder, "value", value);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
}

/* "body" as text when it is UTF-8 without NUL bytes, else in base64,
 * and "body_encoding" to say which. */
static void
add_encoded (JsonBuilder *builder,
             const char  *data,
             gsize        size)
{
  if (size == 0 || g_utf8_validate (data, size, NULL))
    {
      g_autofree char *text = g_strndup (data, size);

      rc_json_builder_add_string (builder, "body", text);
      rc_json_builder_add_string (builder, "body_encoding", "text");
    }
  else
    {
      g_autofree char *encoded = g_base64_encode ((const guchar *)data, size);

      rc_json_builder_add_string (builder, "body", encoded);
      rc_json_builder_add_string (builder, "body_encoding", "base64");
    }
}

/* The response's body, whole and as it came. */
static void
add_body (JsonBuilder  *builder,
          RcHttpRecord *record)
{
  GBytes *body = NULL;
  const char *data = NULL;
  gsize size = 0;

  if (record && rc_http_record_has_response (record))
    {
      body = rc_http_record_get_response_body (record);
      data = body ? g_bytes_get_data (body, &size) : "";
    }

  if (data == NULL)
    {
      rc_json_builder_add_string (builder, "body", NULL);
      rc_json_builder_add_string (builder, "body_encoding", NULL);
      rc_json_builder_add_string (builder, "body_size", NULL);
      return;
    }

  add_encoded (builder, data, size);
  json_builder_set_member_name (builder, "body_size");
  json_builder_add_int_value (builder, size);
}

/* The request's or the response's body as the history keeps it: masked,
 * cut at @limit; its whole size, and whether it was cut. */
static void
add_masked_body (JsonBuilder  *builder,
                 RcHttpRecord *record,
                 gboolean      response,
                 gsize         limit)
{
  g_autoptr(GBytes) kept = NULL;
  GBytes *whole = NULL;
  gboolean truncated = FALSE;
  gsize size = 0;
  const char *data;

  if (record)
    {
      kept = rc_http_record_dup_masked_body (record, response, limit, &truncated);
      whole = response ? rc_http_record_get_response_body (record)
                       : rc_http_record_get_request_body (record);
    }

  if (kept == NULL)
    {
      rc_json_builder_add_string (builder, "body", NULL);
      rc_json_builder_add_string (builder, "body_encoding", NULL);
      rc_json_builder_add_string (builder, "body_size", NULL);
      rc_json_builder_add_string (builder, "body_truncated", NULL);
      return;
    }

  data = g_bytes_get_data (kept, &size);
  add_encoded (builder, data ? data : "", size);
  json_builder_set_member_name (builder, "body_size");
  json_builder_add_int_value (builder, whole ? g_bytes_get_size (whole) : 0);
  add_boolean (builder, "body_truncated", truncated);
}

/* The API request as it went (the last attempt), for the history. */
static void
add_request (JsonBuilder  *builder,
             RcHttpRecord *record,
             gsize         limit)
{
  json_builder_set_member_name (builder, "request");
  if (record == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  add_headers (builder, record, FALSE);
  add_masked_body (builder, record, FALSE, limit);
  json_builder_end_object (builder);
}

/* An exchange's text, cut at @limit (0: whole) for the history. */
static void
add_text (JsonBuilder *builder,
          const char  *name,
          char        *text,
          gsize        limit)
{
  gboolean truncated;

  if (limit > 0)
    {
      g_autofree char *whole = text;

      text = rc_body_cut_text (whole, strlen (whole), limit, &truncated);
    }
  rc_json_builder_add_string (builder, name, text);
  g_free (text);
}

/* Each attempt at the token request, as the inspector shows it: masked. */
static void
add_token_exchange (JsonBuilder  *builder,
                    RcHttpRecord *record,
                    gsize         limit)
{
  g_autoptr(GPtrArray) attempts = record ? rc_http_record_dup_attempts (record) : NULL;

  json_builder_set_member_name (builder, "exchange");
  json_builder_begin_array (builder);
  for (guint i = 0; attempts && i < attempts->len; i++)
    {
      RcHttpRecord *attempt = g_ptr_array_index (attempts, i);

      json_builder_begin_object (builder);
      rc_json_builder_add_string (builder, "method", rc_http_record_get_method (attempt));
      rc_json_builder_add_string (builder, "url", rc_http_record_get_url (attempt));
      add_status (builder, attempt);
      add_text (builder, "request", rc_http_record_format_request (attempt, FALSE), limit);
      add_text (builder, "response", rc_http_record_format_response (attempt, FALSE), limit);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_token (JsonBuilder *builder,
           RcExchange  *exchange,
           gsize        limit)
{
  RcHttpRecord *fetched = rc_exchange_get_token_record (exchange);
  RcToken *token = rc_exchange_get_token (exchange);
  gboolean cached = fetched == NULL && token && rc_exchange_get_token_from_cache (exchange);

  json_builder_set_member_name (builder, "token");
  if (fetched == NULL && !cached)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  rc_json_builder_add_string (builder, "source", cached ? "cache" : "request");
  json_builder_set_member_name (builder, "requests");
  json_builder_add_int_value (builder, rc_exchange_get_n_token_requests (exchange));

  if (token)
    {
      g_autofree char *masked = rc_mask_secret_value (rc_token_get_access_token (token));

      rc_json_builder_add_string (builder, "access_token", masked);
      json_builder_set_member_name (builder, "expires_in");
      if (rc_token_get_expires_in (token) >= 0)
        json_builder_add_int_value (builder, rc_token_get_expires_in (token));
      else
        json_builder_add_null_value (builder);
    }
  else
    {
      rc_json_builder_add_string (builder, "access_token", NULL);
      rc_json_builder_add_string (builder, "expires_in", NULL);
    }

  /* From the cache: the exchange that obtained it, when known. */
  add_token_exchange (builder, cached ? rc_exchange_get_cached_token_record (exchange) : fetched,
                      limit);
  json_builder_end_object (builder);
}

static void
add_error (JsonBuilder *builder,
           RcExchange  *exchange)
{
  RcFailure failure = rc_exchange_get_failure (exchange);
  g_autofree char *message = NULL;

  json_builder_set_member_name (builder, "error");
  if (failure == RC_FAILURE_NONE)
    {
      json_builder_add_null_value (builder);
      return;
    }

  message = rc_exchange_dup_failure_message (exchange);
  json_builder_begin_object (builder);
  rc_json_builder_add_string (builder, "code", rc_failure_get_code (failure));
  rc_json_builder_add_string (builder, "message", message);
  json_builder_end_object (builder);
}

/**
 * rc_exchange_json_add_members:
 * @builder: a builder inside an object
 * @verb: (nullable): the verb of the call, when it was never sent
 * @url: (nullable): where it was to go, when it was never sent
 * @body_limit: with %RC_EXCHANGE_JSON_RECORD, how much of each body (and
 *   of each text of the token exchange) to keep; 0 for all
 *
 * Adds the call's members to the object @builder is in (see the file's
 * header comment), secrets masked. Reads only @exchange, which no longer
 * changes once the call has ended: it may run in a worker thread.
 */
void
rc_exchange_json_add_members (JsonBuilder         *builder,
                              RcExchange          *exchange,
                              const char          *verb,
                              const char          *url,
                              RcExchangeJsonFlags  flags,
                              gsize                body_limit)
{
  RcHttpRecord *api = rc_exchange_get_api_record (exchange);
  RcHttpRecord *token = rc_exchange_get_token_record (exchange);
  const char * const *notes = rc_exchange_get_notes (exchange);
  gboolean record = (flags & RC_EXCHANGE_JSON_RECORD) != 0;
  gsize limit = record ? body_limit : 0;

  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (RC_IS_EXCHANGE (exchange));

  rc_json_builder_add_string (builder, "method", api ? rc_http_record_get_method (api) : verb);
  rc_json_builder_add_string (builder, "url", api ? rc_http_record_get_url (api) : url);
  if (record)
    add_request (builder, api, limit);
  add_status (builder, api);
  if (record)
    rc_json_builder_add_string (builder, "reason", api ? rc_http_record_get_reason (api) : NULL);
  add_headers (builder, api, TRUE);
  if (record)
    add_masked_body (builder, api, TRUE, limit);
  else
    add_body (builder, api);

  json_builder_set_member_name (builder, "timings");
  json_builder_begin_object (builder);
  add_ms (builder, "total_ms", rc_exchange_get_duration_us (exchange));
  add_ms (builder, "response_ms", api ? rc_http_record_get_duration_us (api) : 0);
  add_ms (builder, "token_ms", token ? rc_http_record_get_duration_us (token) : 0);
  json_builder_end_object (builder);

  add_token (builder, exchange, limit);

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; notes[i]; i++)
    json_builder_add_string_value (builder, notes[i]);
  json_builder_end_array (builder);

  add_error (builder, exchange);
}

/**
 * rc_exchange_json_dup_unsent_url:
 * @method: (nullable): the method called
 * @values: (nullable): its URL parameters' values
 *
 * Returns: (transfer full) (nullable): where a call of @method was to
 *   go, for one that was never sent (a token refused), its password
 *   hidden; %NULL when its values make no URL
 */
char *
rc_exchange_json_dup_unsent_url (RcMethod   *method,
                                 RcPairList *values)
{
  g_autofree char *url = method ? rc_executor_build_url (method, values, NULL) : NULL;

  return url ? rc_text_dup_url (url) : NULL;
}

/**
 * rc_exchange_json_build:
 * @method: (nullable): the method called, for where the call was to go
 *   when it was never sent
 * @values: (nullable): its URL parameters' values
 *
 * Returns: (transfer full): the call as `restcall run --json` prints it
 *   (see the file's header comment and doc/restcall.1), secrets masked
 */
JsonNode *
rc_exchange_json_build (RcExchange *exchange,
                        RcMethod   *method,
                        RcPairList *values)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *unsent_url = NULL;

  g_return_val_if_fail (RC_IS_EXCHANGE (exchange), NULL);

  if (rc_exchange_get_api_record (exchange) == NULL)
    unsent_url = rc_exchange_json_dup_unsent_url (method, values);

  json_builder_begin_object (builder);
  rc_exchange_json_add_members (builder, exchange, method ? rc_method_get_verb (method) : NULL,
                                unsent_url, RC_EXCHANGE_JSON_DEFAULT, 0);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
