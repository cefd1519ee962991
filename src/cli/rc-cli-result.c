/* rc-cli-result.c: one call's result, as a script reads it
 *
 * The one place that says what a call came to, for `call` and `run`
 * (and any command that reports calls): whether and how it failed, as a
 * stable code (rc-failure.c) and a sentence, and the whole call as a JSON
 * object (the schema is in doc/restcall.1, JSON OUTPUT):
 *
 *   method, url, status, headers [{name, value}], body, body_encoding
 *   ("text" when the body is UTF-8 without NUL bytes, else "base64"),
 *   body_size, timings {total_ms, response_ms, token_ms}, token (null
 *   when the call used none, else {source: "request" or "cache",
 *   requests, access_token, expires_in, exchange [{method, url, status,
 *   request, response}]}), notes [], error (null, or {code, message}).
 *
 * It also counts several calls' failures by kind (RcCliTally), for the
 * exit status of a batch or a run of a whole project: that of the most
 * frequent kind; of kinds as frequent, that of the call started first.
 *
 * Secrets stay masked as the inspector masks them (rc-http-record.c):
 * the token exchange is the inspector's text, the access token keeps its
 * first characters only, and credentials in headers are masked. The API
 * request is left out: its Authorization header is the token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-cli-result.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
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

static void
add_headers (JsonBuilder  *builder,
             RcHttpRecord *record)
{
  g_autoptr(SoupMessageHeaders) headers = NULL;
  SoupMessageHeadersIter iter;
  const char *name, *value;

  json_builder_set_member_name (builder, "headers");
  json_builder_begin_array (builder);
  if (record && rc_http_record_has_response (record))
    {
      headers = rc_http_record_dup_headers (record, TRUE, FALSE);
      soup_message_headers_iter_init (&iter, headers);
      while (soup_message_headers_iter_next (&iter, &name, &value))
        {
          json_builder_begin_object (builder);
          add_string (builder, "name", name);
          add_string (builder, "value", value);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
}

/* The body as text when it is UTF-8 without NUL bytes, else in base64. */
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
      add_string (builder, "body", NULL);
      add_string (builder, "body_encoding", NULL);
      add_string (builder, "body_size", NULL);
      return;
    }

  if (size == 0 || g_utf8_validate (data, size, NULL))
    {
      g_autofree char *text = g_strndup (data, size);

      add_string (builder, "body", text);
      add_string (builder, "body_encoding", "text");
    }
  else
    {
      g_autofree char *encoded = g_base64_encode ((const guchar *)data, size);

      add_string (builder, "body", encoded);
      add_string (builder, "body_encoding", "base64");
    }
  json_builder_set_member_name (builder, "body_size");
  json_builder_add_int_value (builder, size);
}

/* Each attempt at the token request, as the inspector shows it: masked. */
static void
add_token_exchange (JsonBuilder  *builder,
                    RcHttpRecord *record)
{
  g_autoptr(GPtrArray) attempts = record ? rc_http_record_dup_attempts (record) : NULL;

  json_builder_set_member_name (builder, "exchange");
  json_builder_begin_array (builder);
  for (guint i = 0; attempts && i < attempts->len; i++)
    {
      RcHttpRecord *attempt = g_ptr_array_index (attempts, i);
      g_autofree char *request = rc_http_record_format_request (attempt, FALSE);
      g_autofree char *response = rc_http_record_format_response (attempt, FALSE);

      json_builder_begin_object (builder);
      add_string (builder, "method", rc_http_record_get_method (attempt));
      add_string (builder, "url", rc_http_record_get_url (attempt));
      add_status (builder, attempt);
      add_string (builder, "request", request);
      add_string (builder, "response", response);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_token (JsonBuilder *builder,
           RcExchange  *exchange)
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
  add_string (builder, "source", cached ? "cache" : "request");
  json_builder_set_member_name (builder, "requests");
  json_builder_add_int_value (builder, rc_exchange_get_n_token_requests (exchange));

  if (token)
    {
      g_autofree char *masked = rc_mask_secret_value (rc_token_get_access_token (token));

      add_string (builder, "access_token", masked);
      json_builder_set_member_name (builder, "expires_in");
      if (rc_token_get_expires_in (token) >= 0)
        json_builder_add_int_value (builder, rc_token_get_expires_in (token));
      else
        json_builder_add_null_value (builder);
    }
  else
    {
      add_string (builder, "access_token", NULL);
      add_string (builder, "expires_in", NULL);
    }

  /* From the cache: the exchange that obtained it, when known. */
  add_token_exchange (builder, cached ? rc_exchange_get_cached_token_record (exchange) : fetched);
  json_builder_end_object (builder);
}

static void
add_error (JsonBuilder *builder,
           RcExchange  *exchange)
{
  RcFailure failure = rc_cli_result_get_failure (exchange);
  g_autofree char *message = NULL;

  json_builder_set_member_name (builder, "error");
  if (failure == RC_FAILURE_NONE)
    {
      json_builder_add_null_value (builder);
      return;
    }

  message = rc_cli_result_dup_message (exchange);
  json_builder_begin_object (builder);
  add_string (builder, "code", rc_failure_get_code (failure));
  add_string (builder, "message", message);
  json_builder_end_object (builder);
}

/* Where the call was to go, when it was never sent (a token refused). */
static char *
dup_unsent_url (RcMethod   *method,
                RcPairList *values)
{
  g_autofree char *url = method ? rc_executor_build_url (method, values, NULL) : NULL;

  return url ? rc_text_dup_url (url) : NULL;
}

/**
 * rc_cli_result_get_failure:
 *
 * Returns: how the call failed: %RC_FAILURE_NONE when it got a 2xx; the
 *   kind of its error when it got no response; else that of its status
 *   (%RC_FAILURE_OTHER for a status that is neither 4xx nor 5xx)
 */
RcFailure
rc_cli_result_get_failure (RcExchange *exchange)
{
  const GError *error = rc_exchange_get_error (exchange);
  RcFailure failure;

  if (rc_exchange_is_success (exchange))
    return RC_FAILURE_NONE;
  if (error)
    return rc_failure_classify (error);

  failure = rc_failure_for_http_status (rc_exchange_get_status (exchange));

  return failure == RC_FAILURE_NONE ? RC_FAILURE_OTHER : failure;
}

/**
 * rc_cli_result_dup_message:
 *
 * Returns: (transfer full) (nullable): the one line that says why the
 *   call failed, or %NULL when it got a 2xx
 */
char *
rc_cli_result_dup_message (RcExchange *exchange)
{
  const GError *error = rc_exchange_get_error (exchange);
  RcHttpRecord *record = rc_exchange_get_api_record (exchange);
  guint status = rc_exchange_get_status (exchange);
  const char * const *notes = rc_exchange_get_notes (exchange);
  guint n_notes = g_strv_length ((char **)notes);
  g_autofree char *answered = NULL;

  if (rc_exchange_is_success (exchange))
    return NULL;
  if (error)
    return g_strdup (error->message);
  if (record == NULL || status == 0)
    return g_strdup (_("The call got no response."));

  answered = g_strdup_printf (_("%s %s answered HTTP %u %s."), rc_http_record_get_method (record),
                              rc_http_record_get_url (record), status,
                              soup_status_get_phrase (status));

  /* What Restcall did about it, such as not following a redirect to
   * another origin, is the last note. */
  if (n_notes > 0)
    return g_strdup_printf ("%s %s", answered, notes[n_notes - 1]);

  return g_steal_pointer (&answered);
}

/**
 * rc_cli_result_build_json:
 * @method: (nullable): the method called, for where the call was to go
 *   when it was never sent
 * @values: (nullable): its URL parameters' values
 *
 * Returns: (transfer full): the call as a JSON object (see the file's
 *   header comment and doc/restcall.1), secrets masked
 */
JsonNode *
rc_cli_result_build_json (RcExchange *exchange,
                          RcMethod   *method,
                          RcPairList *values)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  RcHttpRecord *api = rc_exchange_get_api_record (exchange);
  RcHttpRecord *token = rc_exchange_get_token_record (exchange);
  const char * const *notes = rc_exchange_get_notes (exchange);
  g_autofree char *unsent_url = api ? NULL : dup_unsent_url (method, values);

  g_return_val_if_fail (RC_IS_EXCHANGE (exchange), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "method", api ? rc_http_record_get_method (api)
                                 : method ? rc_method_get_verb (method) : NULL);
  add_string (builder, "url", api ? rc_http_record_get_url (api) : unsent_url);
  add_status (builder, api);
  add_headers (builder, api);
  add_body (builder, api);

  json_builder_set_member_name (builder, "timings");
  json_builder_begin_object (builder);
  add_ms (builder, "total_ms", rc_exchange_get_duration_us (exchange));
  add_ms (builder, "response_ms", api ? rc_http_record_get_duration_us (api) : 0);
  add_ms (builder, "token_ms", token ? rc_http_record_get_duration_us (token) : 0);
  json_builder_end_object (builder);

  add_token (builder, exchange);

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; notes[i]; i++)
    json_builder_add_string_value (builder, notes[i]);
  json_builder_end_array (builder);

  add_error (builder, exchange);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * rc_cli_json_to_text:
 *
 * Returns: (transfer full): @node as JSON text, two spaces an indent,
 *   with a newline at the end (rc_json_write(), so that every number is
 *   one any reader takes)
 */
char *
rc_cli_json_to_text (JsonNode *node)
{
  g_autofree char *compact = rc_json_write (node);
  GString *text = g_string_new (NULL);
  gboolean truncated;

  if (!rc_json_reindent (compact, strlen (compact), G_MAXSIZE, text, &truncated, NULL, NULL))
    g_assert_not_reached ();

  return g_string_free (text, FALSE);
}

/**
 * rc_cli_tally_add:
 * @index: the call's place: in the order started, or in the project
 *
 * Counts @count calls that failed as @failure (nothing for
 * %RC_FAILURE_NONE).
 */
void
rc_cli_tally_add (RcCliTally *tally,
                  RcFailure   failure,
                  guint       index,
                  guint       count)
{
  if (failure == RC_FAILURE_NONE || count == 0)
    return;
  if (tally->counts[failure] == 0 || index < tally->first[failure])
    tally->first[failure] = index;
  tally->counts[failure] += count;
}

/**
 * rc_cli_tally_get_main:
 *
 * Returns: the most frequent failure; of those as frequent, the one that
 *   came first; %RC_FAILURE_NONE when none failed
 */
RcFailure
rc_cli_tally_get_main (const RcCliTally *tally)
{
  RcFailure main = RC_FAILURE_NONE;

  for (RcFailure failure = RC_FAILURE_OTHER; failure < RC_FAILURE_N_KINDS; failure++)
    {
      guint count = tally->counts[failure];

      if (count == 0)
        continue;
      if (main == RC_FAILURE_NONE || count > tally->counts[main]
          || (count == tally->counts[main] && tally->first[failure] < tally->first[main]))
        main = failure;
    }

  return main;
}

/**
 * rc_cli_tally_add_json:
 *
 * Adds the member "failure_codes": an object that counts the failures by
 * their stable code, in the order of #RcFailure.
 */
void
rc_cli_tally_add_json (const RcCliTally *tally,
                       JsonBuilder      *builder)
{
  json_builder_set_member_name (builder, "failure_codes");
  json_builder_begin_object (builder);
  for (RcFailure failure = RC_FAILURE_OTHER; failure < RC_FAILURE_N_KINDS; failure++)
    if (tally->counts[failure] > 0)
      {
        json_builder_set_member_name (builder, rc_failure_get_code (failure));
        json_builder_add_int_value (builder, tally->counts[failure]);
      }
  json_builder_end_object (builder);
}
