/* fuzz-exchange.c: libFuzzer target for the exchange masking (rc-exchange.c, rc-http-record.c)
 *
 * The input is one call as the inspector shows it, in up to four parts
 * split by lines `@@@`: the API request, the API response, the token
 * request and the token response. Each part is header lines, a blank line
 * and a body; a request's first line is its verb and URL:
 *
 *   POST https://api.example.com/pets
 *   Content-Type: application/json
 *
 *   {"name":"Rex"}
 *   @@@
 *   Content-Type: application/json
 *   …
 *
 * Header values are made valid UTF-8, as libsoup makes a response's and
 * as the editors make a request's. The exchange is formatted masked and
 * revealed, whole and part by part; every text must be UTF-8. Then secrets
 * the target knows are added (an Authorization header, and a
 * client_secret and an access_token in a form or JSON object body) and
 * the masked text must not show them (more often than the input itself
 * spelled them out).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "rc-fuzz.h"
#include "restcall-core.h"

#define PART_MARKER "\n@@@\n"
#define SECRET "Canary-Secret-3f9a"
#define TOKEN "Canary-Token-0123456789abcdefghijklmnop"

typedef struct
{
  SoupMessage *message;
  GBytes      *body;
} Part;

static void
part_clear (Part *part)
{
  g_clear_object (&part->message);
  g_clear_pointer (&part->body, g_bytes_unref);
}

/* Whether the executor would send a header so named: an RFC 9110 token. */
static gboolean
is_token (const char *name)
{
  if (name[0] == '\0')
    return FALSE;

  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("!#$%&'*+-.^_`|~", *p) == NULL)
      return FALSE;

  return TRUE;
}

/* Whether soup_message_new() takes @url (it fails a critical on a URL
 * that parses but has no host). */
static gboolean
is_http_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);

  return uri && g_uri_get_host (uri) && g_uri_get_host (uri)[0] &&
         (g_str_equal (g_uri_get_scheme (uri), "https") ||
          g_str_equal (g_uri_get_scheme (uri), "http"));
}

/* The next part of the input, up to a marker line, as a message whose
 * request or response headers are the part's and a body. */
static void
take_part (const guint8 **data,
           gsize         *size,
           gboolean       request,
           Part          *part)
{
  const guint8 *marker = memmem (*data, *size, PART_MARKER, strlen (PART_MARKER));
  gsize part_size = marker ? (gsize) (marker - *data) : *size;
  const guint8 *p = *data;
  gsize left = part_size;
  SoupMessageHeaders *headers;

  if (request)
    {
      g_autofree char *line = rc_fuzz_take_line (&p, &left);
      g_auto(GStrv) words = g_strsplit (line, " ", 2);

      if (words[0] && is_token (words[0]) && words[1] && is_http_url (words[1]))
        part->message = soup_message_new (words[0], words[1]);
    }
  if (part->message == NULL)
    part->message = soup_message_new ("GET", "https://api.fuzz.invalid/");

  headers = request ? soup_message_get_request_headers (part->message)
                    : soup_message_get_response_headers (part->message);
  while (left > 0)
    {
      g_autofree char *line = rc_fuzz_take_line (&p, &left);
      char *colon = strchr (line, ':');

      if (line[0] == '\0')
        break;
      if (colon == NULL)
        continue;
      *colon = '\0';
      if (is_token (line) && strpbrk (colon + 1, "\r\n") == NULL)
        {
          g_autofree char *value = g_utf8_make_valid (g_strstrip (colon + 1), -1);

          soup_message_headers_append (headers, line, value);
        }
    }
  part->body = g_bytes_new (p, left);

  *data += marker ? part_size + strlen (PART_MARKER) : part_size;
  *size -= marker ? part_size + strlen (PART_MARKER) : part_size;
}

static RcHttpRecord *
new_record (Part *request,
            Part *response)
{
  RcHttpRecord *record = rc_http_record_new_for_request (request->message, request->body);

  if (response->body != NULL)
    {
      SoupMessageHeadersIter iter;
      const char *name, *value;

      soup_message_headers_clear (soup_message_get_response_headers (request->message));
      soup_message_headers_iter_init (&iter, soup_message_get_response_headers (response->message));
      while (soup_message_headers_iter_next (&iter, &name, &value))
        soup_message_headers_append (soup_message_get_response_headers (request->message), name,
                                     value);
      rc_http_record_set_response (record, request->message, response->body);
    }

  return record;
}

static RcExchange *
new_exchange (Part *parts)
{
  RcExchange *exchange = rc_exchange_new ();
  g_autoptr(RcHttpRecord) api = new_record (&parts[0], &parts[1]);

  rc_exchange_add_api_record (exchange, api);
  if (parts[2].message)
    {
      g_autoptr(RcHttpRecord) token = new_record (&parts[2], &parts[3]);
      g_autoptr(RcToken) access_token = rc_token_new (TOKEN, "read", RC_TOKEN_LIFETIME_KNOWN, 3600);

      rc_exchange_set_token_record (exchange, token);
      rc_exchange_set_token (exchange, access_token, FALSE);
    }

  return exchange;
}

static char *
format_exchange (RcExchange *exchange,
                 gboolean    reveal)
{
  char *text = rc_exchange_format (exchange, reveal);

  rc_fuzz_check_text (reveal ? "the revealed exchange" : "the masked exchange", text, -1);
  for (RcExchangePart part = RC_EXCHANGE_API_REQUEST; part <= RC_EXCHANGE_TOKEN_RESPONSE; part++)
    {
      g_autofree char *part_text = rc_exchange_format_part (exchange, part, reveal);

      rc_fuzz_check_text ("a part of the exchange", part_text, -1);
    }

  return text;
}

/* The first header so named, as the record reads it. */
static const char *
get_first (SoupMessageHeaders *headers,
           const char         *name)
{
  SoupMessageHeadersIter iter;
  const char *header_name, *value;

  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &header_name, &value))
    if (g_ascii_strcasecmp (header_name, name) == 0)
      return value;

  return NULL;
}

static guint
count (const char *text,
       const char *word)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, word)) != NULL; p++)
    n++;

  return n;
}

/* How often the secrets the target adds show in @text. */
static guint
count_secrets (const char *text,
               const char *credentials)
{
  return count (text, SECRET) + count (text, TOKEN) + count (text, credentials);
}

/* Adds a client_secret and an access_token to @part's body when it is a
 * form or a JSON object, and to a request a Basic Authorization header. */
static void
add_secrets (Part     *part,
             gboolean  request)
{
  SoupMessageHeaders *headers = request ? soup_message_get_request_headers (part->message)
                                        : soup_message_get_response_headers (part->message);
  const char *content_type = get_first (headers, "Content-Type");
  gsize size = 0;
  const char *data = g_bytes_get_data (part->body, &size);

  if (request)
    {
      g_autofree char *credentials = rc_oauth_basic_credentials ("client", SECRET, FALSE);
      g_autofree char *value = g_strconcat ("Basic ", credentials, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
    }

  if (content_type &&
      g_ascii_strncasecmp (content_type, "application/x-www-form-urlencoded", 33) == 0)
    {
      GString *body = g_string_new_len (data, size);

      g_string_append (body, "&client_secret=" SECRET "&access_token=" TOKEN);
      g_bytes_unref (part->body);
      part->body = g_string_free_to_bytes (body);
    }
  else
    {
      /* A JSON object, whatever the Content-Type says. */
      g_autoptr(JsonNode) root = rc_json_parse (data, size, RC_JSON_DEFAULT, NULL, NULL, NULL);

      if (root && JSON_NODE_HOLDS_OBJECT (root))
        {
          g_autofree char *body = NULL;

          json_object_set_string_member (json_node_get_object (root), "client_secret", SECRET);
          json_object_set_string_member (json_node_get_object (root), "access_token", TOKEN);
          body = json_to_string (root, FALSE);
          g_bytes_unref (part->body);
          part->body = g_bytes_new (body, strlen (body));
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *credentials = rc_oauth_basic_credentials ("client", SECRET, FALSE);
  Part parts[4] = { { NULL, NULL } };
  g_autoptr(RcExchange) exchange = NULL;
  g_autoptr(RcExchange) secret_exchange = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *revealed = NULL;
  g_autofree char *secret_masked = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts) && (i < 2 || size > 0); i++)
    take_part (&data, &size, i % 2 == 0, &parts[i]);

  exchange = new_exchange (parts);
  masked = format_exchange (exchange, FALSE);
  revealed = format_exchange (exchange, TRUE);

  /* The input may spell the secrets itself, where nothing masks them:
   * they may show as often as they did before they were added. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i].message)
      add_secrets (&parts[i], i % 2 == 0);

  secret_exchange = new_exchange (parts);
  secret_masked = format_exchange (secret_exchange, FALSE);
  if (count_secrets (secret_masked, credentials) > count_secrets (masked, credentials))
    {
      g_printerr ("the masked exchange shows a secret:\n%s\n", secret_masked);
      abort ();
    }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    part_clear (&parts[i]);

  return 0;
}
