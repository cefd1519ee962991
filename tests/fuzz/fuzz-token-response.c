/* fuzz-token-response.c: libFuzzer target for the token response (rc-oauth.c, rc-token.c)
 *
 * The input is what an authorization server answers to a client
 * credentials request:
 *
 *   200 OK                         the status (200 when not a number) and reason
 *   Content-Type: application/json response headers, up to a blank line
 *
 *   {"access_token":"…",…}         the body
 *
 * It is read as the token cache reads an answer (through
 * _rc_oauth_parse_token_answer(), which rc_oauth_parse_token_response()
 * calls with the message's parts, so no connection is needed), and
 * recorded and formatted for the inspector, masked and revealed. A token
 * or an error must come back, never both; a token's lifetime must agree
 * with whether it is cached; every text must be UTF-8 and the masked
 * request must not show the client secret.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rc-fuzz.h"
#include "rc-oauth-private.h"
#include "restcall-core.h"

#define TOKEN_URL "https://auth.fuzz.invalid/oauth2/token"
#define SECRET "fuzz-secret-0123456789"

/* Reads the status line and the headers off @data, up to a blank line. */
static guint
take_answer (const guint8       **data,
             gsize               *size,
             char               **reason,
             SoupMessageHeaders  *headers)
{
  g_autofree char *status_line = rc_fuzz_take_line (data, size);
  char *space = strchr (status_line, ' ');
  guint64 status = 200;

  if (space)
    *space = '\0';
  if (!g_ascii_string_to_unsigned (status_line, 10, 100, 599, &status, NULL))
    status = 200;
  *reason = space ? g_strdup (space + 1) : NULL;

  while (*size > 0)
    {
      g_autofree char *line = rc_fuzz_take_line (data, size);
      char *colon = strchr (line, ':');

      if (line[0] == '\0')
        break;
      if (colon == NULL || colon == line)
        continue;

      /* What libsoup takes from a server: a name without white space or
       * colons, a value without CR or LF, which it makes valid UTF-8 (but
       * not the reason phrase). */
      *colon = '\0';
      if (strpbrk (line, " \t\r") == NULL && strchr (colon + 1, '\r') == NULL)
        {
          g_autofree char *name = g_utf8_make_valid (line, -1);
          g_autofree char *value = g_utf8_make_valid (g_strstrip (colon + 1), -1);

          soup_message_headers_append (headers, name, value);
        }
    }

  return status;
}

static void
check_token (RcToken *token)
{
  const char *access_token = rc_token_get_access_token (token);
  gint64 expires_in = rc_token_get_expires_in (token);

  g_assert_nonnull (access_token);
  g_assert_cmpstr (access_token, !=, "");
  g_assert_nonnull (rc_token_get_scopes (token));

  switch (rc_token_get_lifetime (token))
    {
    case RC_TOKEN_LIFETIME_KNOWN:
      g_assert_true (rc_token_is_cacheable (token));
      g_assert_cmpint (expires_in, >=, 0);
      g_assert_cmpint (rc_token_get_cache_until (token), <=,
                       g_get_monotonic_time () + (expires_in + 1) * G_USEC_PER_SEC);
      break;

    case RC_TOKEN_LIFETIME_UNKNOWN:
      g_assert_true (rc_token_is_cacheable (token));
      g_assert_cmpint (expires_in, ==, -1);
      g_assert_true (rc_token_is_fresh (token));
      break;

    case RC_TOKEN_LIFETIME_NONE:
      g_assert_false (rc_token_is_cacheable (token));
      break;

    default:
      g_assert_not_reached ();
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) request_body = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(RcHttpRecord) record = NULL;
  g_autoptr(RcToken) token = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *request_text = NULL;
  g_autofree char *response_text = NULL;
  g_autofree char *revealed_text = NULL;
  g_autofree char *credentials = rc_oauth_basic_credentials ("fuzz-client", SECRET, FALSE);
  SoupMessageHeaders *headers;
  guint status;

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "fuzz-client");
  rc_auth_set_token_url (auth, TOKEN_URL);
  rc_auth_set_scopes (auth, "read write");
  rc_auth_set_client_auth (auth, size % 2 ? RC_CLIENT_AUTH_BODY : RC_CLIENT_AUTH_BASIC_HEADER);
  rc_auth_set_basic_form (auth, size % 3);

  message =
    rc_oauth_new_token_message (auth, SECRET, rc_basic_form_first (auth), &request_body, &error);
  g_assert_no_error (error);
  record = rc_http_record_new_for_request (message, request_body);

  headers = soup_message_get_response_headers (message);
  status = take_answer (&data, &size, &reason, headers);
  body = g_bytes_new (data, size);

  token = _rc_oauth_parse_token_answer (auth, TOKEN_URL, status, reason, headers, body,
                                        size % 5 == 0, &error);
  if (token)
    {
      g_assert_no_error (error);
      check_token (token);
    }
  else
    {
      g_assert_true (error != NULL && error->domain == RC_OAUTH_ERROR);
      rc_fuzz_check_text ("the error message", error->message, -1);
    }

  /* The status stays 0: a message's status is libsoup's to set. */
  rc_http_record_set_response (record, message, body);
  if (error)
    rc_http_record_set_error (record, error);

  request_text = rc_http_record_format_request (record, FALSE);
  rc_fuzz_check_text ("the masked token request", request_text, -1);
  g_assert_null (strstr (request_text, SECRET));
  g_assert_null (strstr (request_text, credentials));
  response_text = rc_http_record_format_response (record, FALSE);
  rc_fuzz_check_text ("the masked token response", response_text, -1);
  revealed_text = rc_http_record_format_response (record, TRUE);
  rc_fuzz_check_text ("the revealed token response", revealed_text, -1);

  return 0;
}
