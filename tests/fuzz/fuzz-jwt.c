/* fuzz-jwt.c: libFuzzer target for the JWT decoder (rc-jwt.c)
 *
 * The input is a token, as a server would put it in access_token. It is
 * decoded as the token panel does (rc_jwt_decode()) and read for its
 * expiry as the token cache does (rc_jwt_get_expiry()). A token that
 * decodes must give back both parts as pretty-printed JSON objects.
 *
 * The same input is also read as three lines, the header's JSON, the
 * claims' JSON and the signature, which are made into a token with
 * base64url first: mutations of the JSON then reach the JSON reading,
 * which they seldom would through base64.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "rc-fuzz.h"
#include "restcall-core.h"

static void
check_object (const char *what,
              const char *json)
{
  g_autoptr(JsonNode) root = NULL;

  rc_fuzz_check_text (what, json, -1);
  root = rc_json_parse (json, strlen (json), RC_JSON_DEFAULT, NULL, NULL, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_printerr ("the decoded %s is not a JSON object:\n%s\n", what, json);
      abort ();
    }
}

static char *
base64url (const char *text)
{
  char *encoded = g_base64_encode ((const guchar *) text, strlen (text));

  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');
  g_strdelimit (encoded, "=", '\0');

  return encoded;
}

static void
decode (const char *token)
{
  g_autofree char *header = NULL;
  g_autofree char *claims = NULL;
  g_autoptr(GError) error = NULL;
  gint64 exp = 0;

  if (rc_jwt_decode (token, &header, &claims, &error))
    {
      g_assert_no_error (error);
      check_object ("header", header);
      check_object ("claims", claims);
    }
  else
    {
      g_assert_true (error != NULL && error->domain == RC_JWT_ERROR);
      g_assert_null (header);
      g_assert_null (claims);
      rc_fuzz_check_text ("the error message", error->message, -1);
    }

  rc_jwt_get_expiry (token, &exp);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *token = g_strndup ((const char *) data, size);
  g_autofree char *header = rc_fuzz_take_line (&data, &size);
  g_autofree char *claims = rc_fuzz_take_line (&data, &size);
  g_autofree char *signature = rc_fuzz_take_line (&data, &size);
  g_autofree char *header64 = base64url (header);
  g_autofree char *claims64 = base64url (claims);
  g_autofree char *built = g_strjoin (".", header64, claims64, signature, NULL);

  decode (token);
  decode (built);

  return 0;
}
