/* rc-history-text.c: a history entry's exchange, as the inspector's panes show one
 *
 * An entry (rc-history-entry.c) keeps the API's request and response as
 * JSON members, masked when they were kept, and the token exchange as the
 * inspector's text. This writes each of the four parts back as text, the
 * way rc_http_record_format_request() and _response() do: the request or
 * status line, the headers, a blank line and the body; a binary body as
 * its size. Nothing here unmasks anything: the entry holds no secret.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-history.h"
#include "rc-json.h"
#include "rc-text.h"

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The headers of @object ([{name, value}]), a line each, and its body. */
static void
append_message (GString    *text,
                JsonObject *object)
{
  JsonNode *headers = json_object_get_member (object, "headers");
  const char *body = rc_json_object_get_string (object, "body");
  const char *encoding = rc_json_object_get_string (object, "body_encoding");

  for (guint i = 0; headers && JSON_NODE_HOLDS_ARRAY (headers)
                    && i < json_array_get_length (json_node_get_array (headers)); i++)
    {
      JsonNode *header = json_array_get_element (json_node_get_array (headers), i);

      if (JSON_NODE_HOLDS_OBJECT (header))
        g_string_append_printf (text, "%s: %s\n",
                                rc_json_object_get_string (json_node_get_object (header), "name"),
                                rc_json_object_get_string (json_node_get_object (header), "value"));
    }

  if (body == NULL || body[0] == '\0')
    return;

  g_string_append_c (text, '\n');
  if (g_strcmp0 (encoding, "base64") == 0)
    {
      g_autofree char *size = g_strdup_printf (
        "%" G_GINT64_FORMAT, json_object_get_int_member_with_default (object, "body_size", 0));

      /* TRANSLATORS: %s is a number of bytes */
      g_string_append_printf (text, _("(%s bytes of binary data)"), size);
    }
  else
    g_string_append (text, body);
  g_string_append_c (text, '\n');
}

/* The token exchange's requests or responses, each attempt's text. */
static char *
dup_token_text (JsonObject *entry,
                gboolean    response)
{
  JsonObject *token = get_object (entry, "token");
  JsonNode *exchange = token ? json_object_get_member (token, "exchange") : NULL;
  GString *text = g_string_new (NULL);
  guint n_attempts;

  if (token == NULL)
    {
      g_string_free (text, TRUE);
      return g_strdup (_("No token request: this call used no access token."));
    }

  n_attempts = exchange && JSON_NODE_HOLDS_ARRAY (exchange)
               ? json_array_get_length (json_node_get_array (exchange)) : 0;
  if (n_attempts == 0)
    {
      g_string_free (text, TRUE);
      return g_strdup (_("No token request: the token came from the cache."));
    }

  for (guint i = 0; i < n_attempts; i++)
    {
      JsonNode *attempt = json_array_get_element (json_node_get_array (exchange), i);
      const char *part = JSON_NODE_HOLDS_OBJECT (attempt)
                         ? rc_json_object_get_string (json_node_get_object (attempt),
                                       response ? "response" : "request")
                         : NULL;

      if (n_attempts > 1)
        g_string_append_printf (text, _("%sAttempt %u of %u:\n"), i ? "\n" : "", i + 1,
                                n_attempts);
      g_string_append (text, part ? part : "");
    }

  return g_string_free (text, FALSE);
}

/**
 * rc_history_dup_part_text:
 * @entry: an entry, as rc_history_list() gives them
 * @part: which of the four
 *
 * Returns: (transfer full): that part of the entry's exchange as text,
 *   as the inspector shows a call's; control characters escaped
 */
char *
rc_history_dup_part_text (JsonObject     *entry,
                          RcExchangePart  part)
{
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObject *request = get_object (entry, "request");
  JsonObject *error = get_object (entry, "error");
  const char *reason;

  g_return_val_if_fail (entry != NULL, NULL);

  switch (part)
    {
    case RC_EXCHANGE_API_REQUEST:
      g_string_append_printf (text, "%s %s\n", rc_json_object_get_string (entry, "method"),
                              rc_json_object_get_string (entry, "url"));
      if (request)
        append_message (text, request);
      break;

    case RC_EXCHANGE_API_RESPONSE:
      if (json_object_get_int_member_with_default (entry, "status", 0) == 0)
        {
          g_string_append_printf (text, _("No response: %s\n"),
                                  error ? rc_json_object_get_string (error, "message")
                                        : _("the request was not sent"));
          break;
        }
      reason = rc_json_object_get_string (entry, "reason");
      g_string_append_printf (text, "HTTP %" G_GINT64_FORMAT " %s\n",
                              json_object_get_int_member (entry, "status"), reason ? reason : "");
      append_message (text, entry);
      break;

    case RC_EXCHANGE_TOKEN_REQUEST:
    case RC_EXCHANGE_TOKEN_RESPONSE:
    default:
      {
        g_autofree char *token = dup_token_text (entry, part == RC_EXCHANGE_TOKEN_RESPONSE);

        g_string_append (text, token);
      }
      break;
    }

  return rc_text_dup_printable (text->str, text->len, 0, RC_TEXT_MULTI_LINE);
}
