/* test-jwt.c: reading a JWT's header and claims
 *
 * Tokens are built from JSON the test writes (rc_test_make_jwt(): GLib's
 * base64 turned into base64url by hand, RFC 4648 §5), so that what the
 * decoder gives back can be compared with what went in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rc-test-server.h"
#include "restcall-core.h"

/* Helpers */

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
assert_not_a_jwt (const char *token,
                  int         code,
                  const char *words)
{
  g_autoptr(GError) error = NULL;
  char *header = (char *) "untouched";
  char *claims = (char *) "untouched";

  g_assert_false (rc_jwt_decode (token, &header, &claims, &error));
  g_assert_error (error, RC_JWT_ERROR, code);
  /* A token's first 80 characters: a line of TAP longer than 64 KiB is
   * split by meson's reader, and its rest taken for output that is not TAP. */
  g_test_message ("“%.80s%s”: %s", token, strlen (token) > 80 ? "…" : "", error->message);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);

  /* Nothing is handed back on failure. */
  g_assert_cmpstr (header, ==, "untouched");
  g_assert_cmpstr (claims, ==, "untouched");
}

/* Tests */

static void
test_decode (void)
{
  const char *header_in = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"key-1\"}";
  const char *claims_in = "{\"sub\":\"client-42\",\"scope\":\"pets:read pets:write\","
                          "\"aud\":[\"https://api.example.com\"],\"exp\":1893456000,"
                          "\"name\":\"Zoë “quoted” ✓\",\"nested\":{\"a\":[1,2.5,true,null]}}";
  g_autofree char *token = rc_test_make_jwt (header_in, claims_in);
  g_autofree char *header = NULL;
  g_autofree char *claims = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) header_object = NULL;
  g_autoptr(JsonObject) claims_object = NULL;
  JsonArray *aud, *nested;

  g_assert_true (rc_jwt_decode (token, &header, &claims, &error));
  g_assert_no_error (error);
  g_test_message ("Header:\n%s\nClaims:\n%s", header, claims);

  header_object = parse_object (header);
  g_assert_cmpstr (json_object_get_string_member (header_object, "alg"), ==, "RS256");
  g_assert_cmpstr (json_object_get_string_member (header_object, "kid"), ==, "key-1");
  g_assert_cmpuint (json_object_get_size (header_object), ==, 3);

  claims_object = parse_object (claims);
  g_assert_cmpstr (json_object_get_string_member (claims_object, "sub"), ==, "client-42");
  g_assert_cmpstr (json_object_get_string_member (claims_object, "scope"), ==,
                   "pets:read pets:write");
  g_assert_cmpstr (json_object_get_string_member (claims_object, "name"), ==, "Zoë “quoted” ✓");
  g_assert_cmpint (json_object_get_int_member (claims_object, "exp"), ==, 1893456000);
  aud = json_object_get_array_member (claims_object, "aud");
  g_assert_cmpstr (json_array_get_string_element (aud, 0), ==, "https://api.example.com");
  nested =
    json_object_get_array_member (json_object_get_object_member (claims_object, "nested"), "a");
  g_assert_cmpuint (json_array_get_length (nested), ==, 4);
  g_assert_cmpfloat (json_array_get_double_element (nested, 1), ==, 2.5);

  /* Pretty-printed: one member a line, indented by two spaces. */
  g_assert_true (g_str_has_prefix (header, "{\n  \""));
  g_assert_nonnull (strstr (claims, "\n  \"sub\": \"client-42\""));

  /* Numbers as the issuer wrote them: json-glib's generator wrote 2e89
   * as "2e+89.0" and 1e400 as "inf.0", neither of them JSON. */
  {
    g_autofree char *big = rc_test_make_jwt (header_in, "{\"exp\":2e89,\"iat\":1e400,\"n\":0.1}");
    g_autofree char *shown = NULL;
    g_autoptr(JsonObject) reread = NULL;

    g_assert_true (rc_jwt_decode (big, NULL, &shown, NULL));
    g_assert_cmpstr (shown, ==, "{\n  \"exp\": 2e89,\n  \"iat\": 1e400,\n  \"n\": 0.1\n}");
    reread = parse_object (shown);
    g_assert_cmpuint (json_object_get_size (reread), ==, 3);
  }

  /* Either output may be left out. */
  g_assert_true (rc_jwt_decode (token, NULL, NULL, NULL));
}

/* base64url's own characters, and every length of the last group. */
static void
test_base64url (void)
{
  /* "??>" and "~~~" encode to "Pz8-" and "fn5-" in base64url ("Pz8+", "fn5+" in base64). */
  const char *claims_in[] = {
    "{\"q\":\"?\?>?\?>\"}",     /* 14 bytes: 2 left over */
    "{\"q\":\"~~~?\"}",       /* 12 bytes: none left over */
    "{\"q\":\"~~~~?\?\"}",     /* 13 bytes: 1 left over */
  };
  gboolean saw_minus = FALSE, saw_underscore = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (claims_in); i++)
    {
      g_autofree char *token = rc_test_make_jwt ("{\"alg\":\"none\"}", claims_in[i]);
      g_autofree char *claims = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) expected = parse_object (claims_in[i]);
      g_autoptr(JsonObject) decoded = NULL;

      saw_minus |= strchr (token, '-') != NULL;
      saw_underscore |= strchr (token, '_') != NULL;

      g_assert_true (rc_jwt_decode (token, NULL, &claims, &error));
      g_assert_no_error (error);
      decoded = parse_object (claims);
      g_assert_cmpstr (json_object_get_string_member (decoded, "q"), ==,
                       json_object_get_string_member (expected, "q"));
    }

  /* The tokens did use the two characters base64url has and base64 has not. */
  g_assert_true (saw_minus);
  g_assert_true (saw_underscore);

  /* Padding, which some servers add, is accepted. */
  {
    g_autofree char *padded = g_strdup ("eyJhbGciOiJub25lIn0=.eyJhIjoxfQ==.");
    g_autofree char *claims = NULL;

    g_assert_true (rc_jwt_decode (padded, NULL, &claims, NULL));
    g_assert_nonnull (strstr (claims, "\"a\": 1"));
  }
}

static void
test_not_a_jwt (void)
{
  g_autofree char *header = rc_test_base64url ("{\"alg\":\"RS256\"}");
  g_autofree char *claims = rc_test_base64url ("{\"sub\":\"x\"}");
  g_autofree char *array = rc_test_base64url ("[1,2]");
  g_autofree char *broken = rc_test_base64url ("{\"sub\":");
  g_autofree char *latin1 = rc_test_base64url ("{\"sub\":\"\xe9\"}");
  g_autofree char *two = g_strconcat (header, ".", claims, NULL);
  g_autofree char *four = g_strconcat (header, ".", claims, ".sig.more", NULL);
  g_autofree char *jwe = g_strconcat (header, "..iv.ciphertext.tag", NULL);
  g_autofree char *bad_char = g_strconcat (header, ".", claims, "+/.sig", NULL);
  /* One character past a whole group of four: no byte ends there. */
  gsize n_more = (5 - strlen (claims) % 4) % 4;
  g_autofree char *bad_length =
    g_strdup_printf ("%s.%s%.*s.sig", header, claims, (int) n_more, "AAAA");
  g_autofree char *not_object = g_strconcat (header, ".", array, ".sig", NULL);
  g_autofree char *not_json = g_strconcat (header, ".", broken, ".sig", NULL);
  g_autofree char *not_utf8 = g_strconcat (header, ".", latin1, ".sig", NULL);
  g_autofree char *bad_header = g_strconcat (array, ".", claims, ".sig", NULL);
  g_autofree char *empty_claims = g_strconcat (header, "..sig", NULL);

  assert_not_a_jwt ("", RC_JWT_ERROR_NOT_A_JWT, "empty");
  assert_not_a_jwt ("2YotnFZFEjr1zCsicMWpAA", RC_JWT_ERROR_NOT_A_JWT, "1 part, a JWT has 3");
  assert_not_a_jwt (two, RC_JWT_ERROR_NOT_A_JWT, "2 parts, a JWT has 3");
  assert_not_a_jwt (four, RC_JWT_ERROR_NOT_A_JWT, "4 parts, a JWT has 3");
  assert_not_a_jwt (jwe, RC_JWT_ERROR_NOT_A_JWT, "encrypted JWT (JWE)");
  assert_not_a_jwt (bad_char, RC_JWT_ERROR_BAD_ENCODING, "claims part is not base64url (character");
  assert_not_a_jwt (bad_length, RC_JWT_ERROR_BAD_ENCODING, "claims part is not base64url");
  assert_not_a_jwt (not_object, RC_JWT_ERROR_BAD_JSON, "claims part is JSON but not an object");
  assert_not_a_jwt (not_json, RC_JWT_ERROR_BAD_JSON, "claims part is not valid JSON");
  assert_not_a_jwt (not_utf8, RC_JWT_ERROR_BAD_JSON, "claims part is not JSON text");
  assert_not_a_jwt (bad_header, RC_JWT_ERROR_BAD_JSON, "header part is JSON but not an object");
  assert_not_a_jwt (empty_claims, RC_JWT_ERROR_BAD_ENCODING, "claims part is empty");

  /* Claims nested too deep for json-glib's recursive parser. */
  {
    g_autofree char *open = g_strnfill (100000, '[');
    g_autofree char *close = g_strnfill (100000, ']');
    g_autofree char *nested = g_strconcat ("{\"a\":", open, close, "}", NULL);
    g_autofree char *deep = rc_test_base64url (nested);
    g_autofree char *deep_jwt = g_strconcat (header, ".", deep, ".sig", NULL);

    assert_not_a_jwt (deep_jwt, RC_JWT_ERROR_BAD_JSON, "nests deeper than 1000 levels");
  }
}

static void
test_expiry (void)
{
  struct {
    const char *claims;
    gboolean    found;
    gint64      exp;
  } cases[] = {
    { "{\"exp\":1893456000}", TRUE, 1893456000 },
    { "{\"exp\":1893456000.75}", TRUE, 1893456000 },
    { "{\"exp\":\"1893456000\"}", FALSE, 0 },
    { "{\"exp\":null}", FALSE, 0 },
    { "{\"iat\":1}", FALSE, 0 },
    /* Beyond gint64: clamped, never undefined. */
    { "{\"exp\":1e300}", TRUE, G_MAXINT64 },
    { "{\"exp\":-1e300}", TRUE, G_MININT64 },
    { "{\"exp\":9.3e18}", TRUE, G_MAXINT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *token = rc_test_make_jwt ("{\"alg\":\"none\"}", cases[i].claims);
      gint64 exp = -1;

      g_assert_cmpint (rc_jwt_get_expiry (token, &exp), ==, cases[i].found);
      if (cases[i].found)
        g_assert_cmpint (exp, ==, cases[i].exp);
      else
        g_assert_cmpint (exp, ==, -1);
    }

  g_assert_false (rc_jwt_get_expiry ("opaque", NULL));
  g_assert_false (rc_jwt_get_expiry ("a.b", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/jwt/decode", test_decode);
  g_test_add_func ("/restcall/jwt/base64url", test_base64url);
  g_test_add_func ("/restcall/jwt/not-a-jwt", test_not_a_jwt);
  g_test_add_func ("/restcall/jwt/expiry", test_expiry);

  return g_test_run ();
}
