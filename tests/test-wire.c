/* test-wire.c: what may go on the wire: verbs, media types, headers, tokens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "restcall-core.h"

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not hold “%s”", text ? text : "(null)", part);
}

static void
test_token (void)
{
  const char *good[] = { "GET", "post", "M-SEARCH", "PROPFIND", "X!#$%&'*+-.^_`|~9", NULL };
  const char *bad[] = { "",      "GET ",    " GET",
                        "GE T",  "GET\r\n", "GET /x HTTP/1.1\r\nHost: evil\r\n\r\nGET",
                        "GÉT",   "GET:",    "GET/",
                        "(GET)", "G\"T",    "G\tT",
                        NULL };

  for (guint i = 0; good[i]; i++)
    g_assert_true (rc_wire_is_token (good[i]));
  for (guint i = 0; bad[i]; i++)
    {
      g_assert_false (rc_wire_is_token (bad[i]));
    }
}

static void
test_media_type (void)
{
  const char *good[] = {
    "application/json",
    "text/plain; charset=utf-8",
    "text/plain;charset=UTF-8",
    "text/plain ; charset=\"utf-8\"",
    "multipart/form-data; boundary=\"a b;c\\\"d\"",
    "application/vnd.api+json",
    "*/*",
    "application/*",
    "text/plain;",
    "text/plain; ; a=b",
    " text/plain ",
    "text/plain; title=\"caf\xc3\xa9\"",
    NULL
  };
  const char *bad[] = {
    "",
    "json",
    "application/",
    "/json",
    "application/json/x",
    "application json",
    "text/plain; charset",
    "text/plain; charset=",
    "text/plain; charset=utf 8",
    "text/plain; charset=\"utf-8",
    "text/plain; a=\"\\\r\"",
    "text/plain, text/html",
    "text/plain\r\nContent-Length: 1\r\n\r\nxGET /steal HTTP/1.1\r\nHost: evil\r\n\r\n",
    "text/plain\n",
    "text/plain; a=\"b\nc\"",
    "text/plain\x01",
    NULL
  };

  for (guint i = 0; good[i]; i++)
    {
      g_autofree char *shown = rc_wire_escape (good[i]);

      g_test_message ("a media type: %s", shown);
      g_assert_true (rc_wire_is_media_type (good[i]));
    }
  for (guint i = 0; bad[i]; i++)
    {
      g_autofree char *shown = rc_wire_escape (bad[i]);

      g_test_message ("not a media type: %s", shown);
      g_assert_false (rc_wire_is_media_type (bad[i]));
    }
}

static void
test_field_value (void)
{
  g_assert_true (rc_wire_is_field_value (""));
  g_assert_true (rc_wire_is_field_value ("Bearer abc, \"quoted\"\tcafé"));
  g_assert_false (rc_wire_is_field_value ("a\r\nY: b"));
  g_assert_false (rc_wire_is_field_value ("a\rb"));
  g_assert_false (rc_wire_is_field_value ("a\nb"));
}

static void
test_b64token (void)
{
  const char *good[] = { "abc", "2YotnFZFEjr1zCsicMWpAA", "a-b.c_d~e+f/g", "YWJj==", "eyJ.eyJ.sig",
                         NULL };
  const char *bad[] = { "", "=", "abc\r\nX-Evil: 1", "a b", "abc=def", "tök", "a,b", "a\"b", NULL };

  for (guint i = 0; good[i]; i++)
    g_assert_true (rc_wire_is_b64token (good[i]));
  for (guint i = 0; bad[i]; i++)
    g_assert_false (rc_wire_is_b64token (bad[i]));
}

static void
test_escape (void)
{
  g_autofree char *plain = rc_wire_escape ("café/json");
  g_autofree char *controls = rc_wire_escape ("a\r\nb\tc\x01\x7f");
  g_autofree char *not_utf8 = rc_wire_escape ("a\xe9z");
  g_autofree char *c1 = rc_wire_escape ("a\xc2\x85z\xe2\x80\xa8");
  g_autofree char *long_text = g_strnfill (500, 'x');
  g_autofree char *cut = rc_wire_escape (long_text);
  g_autofree char *none = rc_wire_escape (NULL);

  g_assert_cmpstr (plain, ==, "café/json");
  g_assert_cmpstr (controls, ==, "a\\r\\nb\\tc\\x01\\x7f");
  g_assert_cmpstr (not_utf8, ==, "a\xef\xbf\xbdz");
  g_assert_cmpstr (c1, ==, "a\\u0085z\\u2028");
  g_assert_true (g_utf8_validate (cut, -1, NULL));
  g_assert_true (g_str_has_suffix (cut, "…"));
  g_assert_cmpuint (g_utf8_strlen (cut, -1), ==, 101);
  g_assert_cmpstr (none, ==, "");
}

/* Each message names the field and shows the value, control characters
 * visible, and says what to do. */
static void
test_messages (void)
{
  g_autofree char *verb = rc_wire_check_verb ("apis[0].methods[1].verb",
                                              "GET /smuggled HTTP/1.1\r\nHost: evil\r\n\r\nGET");
  g_autofree char *type = rc_wire_check_content_type ("--content-type", "text/plain\r\nX: 1");
  g_autofree char *name = rc_wire_check_header_name (NULL, "X Y");
  g_autofree char *value = rc_wire_check_header_value ("-H", "a\r\nY: b");

  g_assert_null (rc_wire_check_verb (NULL, "PATCH"));
  g_assert_null (rc_wire_check_content_type (NULL, ""));
  g_assert_null (rc_wire_check_content_type (NULL, "application/json"));
  g_assert_null (rc_wire_check_header_name (NULL, "X-Request-Id"));
  g_assert_null (rc_wire_check_header_value (NULL, "anything at all"));

  g_test_message ("%s\n%s\n%s\n%s", verb, type, name, value);
  assert_contains (
    verb, "apis[0].methods[1].verb: “GET /smuggled HTTP/1.1\\r\\nHost: evil\\r\\n\\r\\nGET” "
          "is not an HTTP verb");
  assert_contains (verb, "such as GET or POST");
  assert_contains (type, "--content-type: “text/plain\\r\\nX: 1” is not a media type");
  assert_contains (type, "application/json");
  assert_contains (name, "“X Y” is not a header name");
  g_assert_true (g_str_has_prefix (name, "“X Y”"));
  assert_contains (value, "-H: “a\\r\\nY: b” holds a line break");
  assert_contains (value, "Remove the line break");
  g_assert_null (strchr (verb, '\r'));
  g_assert_null (strchr (value, '\n'));
}

static void
test_method (void)
{
  g_autoptr(RcApi) api = rc_api_new ("Pets");
  g_autoptr(RcMethod) method = rc_method_new ("getPet");
  RcPair *api_header, *method_header;
  char *problem;

  rc_api_add_method (api, method);
  g_assert_null (rc_wire_check_method (method));

  rc_method_set_verb (method, "GET /x HTTP/1.1\r\nHost: evil\r\n\r\nGET");
  problem = rc_wire_check_method (method);
  assert_contains (problem, "The verb of the method “getPet”: “GET /X HTTP/1.1\\r\\n");
  g_free (problem);
  rc_method_set_verb (method, "PROPFIND");
  g_assert_null (rc_wire_check_method (method));

  rc_method_set_content_type (method, "text/plain\r\nContent-Length: 1");
  problem = rc_wire_check_method (method);
  assert_contains (problem, "The content type of the method “getPet”: “text/plain\\r\\n");
  g_free (problem);
  rc_method_set_content_type (method, "text/plain; charset=utf-8");

  /* A header without a name is a row being typed: not sent, not checked. */
  method_header = rc_pair_list_append (rc_method_get_headers (method), "", "a\r\nb");
  g_assert_null (rc_wire_check_method (method));

  rc_pair_set_name (method_header, "X Y");
  problem = rc_wire_check_method (method);
  assert_contains (problem, "A header name of the method “getPet”: “X Y”");
  g_free (problem);
  rc_pair_set_name (method_header, "X-Y");
  problem = rc_wire_check_method (method);
  assert_contains (problem,
                   "The header “X-Y” of the method “getPet”: “a\\r\\nb” holds a line break");
  g_free (problem);
  rc_pair_set_value (method_header, "b");

  /* The API's headers go with every call of its methods. */
  api_header = rc_pair_list_append (rc_api_get_headers (api), "Accept", "x\ny");
  problem = rc_wire_check_method (method);
  assert_contains (problem, "The header “Accept” of the API “Pets”: “x\\ny”");
  g_free (problem);
  rc_pair_set_value (api_header, "application/json");
  g_assert_null (rc_wire_check_method (method));
}

static void
test_bearer_token (void)
{
  g_autofree char *crlf = rc_wire_check_bearer_token ("https://auth.example.com/token",
                                                      "SECRETTOKEN\r\nX-Evil: 1");
  g_autofree char *space =
    rc_wire_check_bearer_token ("https://auth.example.com/token", "SECRET TOKEN");
  g_autofree char *empty = rc_wire_check_bearer_token ("https://auth.example.com/token", "");
  g_autofree char *password =
    rc_wire_check_bearer_token ("https://id:PaSsWoRd@auth.example.com/token", "a b");

  g_assert_null (rc_wire_check_bearer_token ("https://a", "eyJhbGciOiJub25lIn0.e30.sig"));

  g_test_message ("%s\n%s\n%s", crlf, space, empty);
  assert_contains (crlf,
                   "The authorization server at https://auth.example.com/token issued an access "
                   "token that cannot be sent as a Bearer header: it holds “\\r”");
  assert_contains (space, "it holds “ ”");
  assert_contains (empty, "empty access token");
  /* The token is a secret: not a character of it but the one at fault. */
  g_assert_null (strstr (crlf, "SECRET"));
  g_assert_null (strstr (space, "SECRET"));
  assert_contains (password, "https://id@auth.example.com/token");
  g_assert_null (strstr (password, "PaSsWoRd"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/wire/token", test_token);
  g_test_add_func ("/restcall/wire/media-type", test_media_type);
  g_test_add_func ("/restcall/wire/field-value", test_field_value);
  g_test_add_func ("/restcall/wire/b64token", test_b64token);
  g_test_add_func ("/restcall/wire/escape", test_escape);
  g_test_add_func ("/restcall/wire/messages", test_messages);
  g_test_add_func ("/restcall/wire/method", test_method);
  g_test_add_func ("/restcall/wire/bearer-token", test_bearer_token);

  return g_test_run ();
}
