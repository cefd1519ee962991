/* test-check.c: the checks an editor shows on its fields
 *
 * Every check is tried both ways: a field that is wrong gets a sentence
 * that names the fault, the same field put right gets none, and the
 * summaries (rc_check_auth, rc_check_method) follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "restcall-core.h"

/* Asserts that @message is a sentence containing @part, then frees it. */
static void
assert_message (char       *message,
                const char *part)
{
  g_autofree char *owned = message;

  g_assert_nonnull (owned);
  g_test_message ("Check says: %s", owned);
  g_assert_nonnull (strstr (owned, part));
  g_assert_true (g_str_has_suffix (owned, "."));
}

static void
assert_ok (char *message)
{
  g_autofree char *owned = message;

  g_assert_null (owned);
}

/* A method (a new reference) in a new API (*@api_out, a new reference). */
static RcMethod *
new_method_in_api (const char *base_url,
                   const char *url,
                   RcApi     **api_out)
{
  RcApi *api = rc_api_new ("API");
  g_autoptr(RcMethod) method = rc_method_new ("Get pet");

  rc_api_set_base_url (api, base_url);
  rc_method_set_url (method, url);
  rc_api_add_method (api, method);
  *api_out = api;

  return g_steal_pointer (&method);
}

static void
test_method_name (void)
{
  g_autoptr(RcMethod) method = rc_method_new ("");

  rc_method_set_url (method, "https://api.example.com/pets");
  assert_message (rc_check_method_name (method), "no name");
  g_assert_false (rc_check_method (method));

  rc_method_set_name (method, "   ");
  assert_message (rc_check_method_name (method), "no name");

  rc_method_set_name (method, "Get pet");
  assert_ok (rc_check_method_name (method));
  g_assert_true (rc_check_method (method));
}

static void
test_method_url_empty (void)
{
  g_autoptr(RcMethod) method = rc_method_new ("Get pet");

  assert_message (rc_check_method_url (method), "no URL");
  g_assert_false (rc_check_method (method));

  rc_method_set_url (method, " ");
  assert_message (rc_check_method_url (method), "no URL");

  rc_method_set_url (method, "https://api.example.com/pets");
  assert_ok (rc_check_method_url (method));
  g_assert_true (rc_check_method (method));
}

static void
test_method_url_braces (void)
{
  g_autoptr(RcMethod) method = rc_method_new ("Get pet");
  static const struct {
    const char *url;
    const char *part;
  } bad[] = {
    { "https://api.example.com/pets/{petId", "never closed" },
    { "https://api.example.com/pets/petId}", "closes no parameter" },
    { "https://api.example.com/pets/{pet{Id}}", "inside another" },
    { "https://api.example.com/pets/{ }", "empty parameter" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      rc_method_set_url (method, bad[i].url);
      assert_message (rc_check_method_url (method), bad[i].part);
      g_assert_false (rc_check_method (method));
    }

  /* Balanced, without test values: they are the Test tab's business. */
  rc_method_set_url (method, "https://api.example.com/pets/{petId}?tag={tag}");
  assert_ok (rc_check_method_url (method));
  g_assert_true (rc_check_method (method));
}

static void
test_method_url_malformed (void)
{
  g_autoptr(RcMethod) method = rc_method_new ("Get pet");
  static const char * const bad[] = {
    "ftp://files.example.com/pets",   /* not http(s) */
    "mailto:someone@example.com",     /* not http(s), no host */
    "https:///pets",                  /* no host */
    "http://",                        /* no host */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      rc_method_set_url (method, bad[i]);
      assert_message (rc_check_method_url (method), "not a valid http:// or https:// URL");
      g_assert_false (rc_check_method (method));
    }

  rc_method_set_url (method, "http://localhost:8080/pets");
  assert_ok (rc_check_method_url (method));

  /* A parameter in the host is filled in before the URL is judged. */
  rc_method_set_url (method, "https://{tenant}.example.com/pets");
  assert_ok (rc_check_method_url (method));
}

static void
test_method_url_relative (void)
{
  g_autoptr(RcApi) api = NULL;
  g_autoptr(RcMethod) method = new_method_in_api ("", "/pets/{petId}", &api);
  g_autoptr(RcMethod) lone = rc_method_new ("Lone");

  /* Relative, and its API has no base URL. */
  assert_message (rc_check_method_url (method), "no base URL");
  g_assert_false (rc_check_method (method));

  /* A method outside any API has no base URL either. */
  rc_method_set_url (lone, "pets");
  assert_message (rc_check_method_url (lone), "no base URL");

  rc_api_set_base_url (api, "https://petstore.example.com/v1/");
  assert_ok (rc_check_method_url (method));
  g_assert_true (rc_check_method (method));

  /* A base URL that is itself broken is named too. */
  rc_api_set_base_url (api, "petstore.example.com");
  assert_message (rc_check_method_url (method), "not a valid http:// or https:// URL");

  /* An absolute URL does not need the base URL. */
  rc_method_set_url (method, "https://other.example.com/pets");
  assert_ok (rc_check_method_url (method));
}

static void
test_auth_username (void)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();

  /* Not Basic: the user name is not used, so it is fine. */
  assert_ok (rc_check_auth_username (auth));
  g_assert_true (rc_check_auth (auth));

  rc_auth_set_kind (auth, RC_AUTH_KIND_BASIC);
  assert_message (rc_check_auth_username (auth), "No user name");
  g_assert_false (rc_check_auth (auth));

  rc_auth_set_username (auth, "alice");
  assert_ok (rc_check_auth_username (auth));
  g_assert_true (rc_check_auth (auth));

  /* Basic uses neither the client ID nor the token URL. */
  assert_ok (rc_check_auth_client_id (auth));
  assert_ok (rc_check_auth_token_url (auth));
}

static void
test_auth_client_id (void)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_token_url (auth, "https://auth.example.com/token");
  assert_message (rc_check_auth_client_id (auth), "No client ID");
  g_assert_false (rc_check_auth (auth));

  rc_auth_set_client_id (auth, "  ");
  assert_message (rc_check_auth_client_id (auth), "No client ID");

  rc_auth_set_client_id (auth, "restcall");
  assert_ok (rc_check_auth_client_id (auth));
  g_assert_true (rc_check_auth (auth));

  /* OAuth 2.0 does not use the user name. */
  assert_ok (rc_check_auth_username (auth));
}

static void
test_auth_token_url (void)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();
  static const struct {
    const char *url;
    const char *part;
  } bad[] = {
    { "", "No access token URL" },
    { "auth.example.com/token", "not a valid https:// address" },
    { "ftp://auth.example.com/token", "not a valid https:// address" },
    { "https:///token", "not a valid https:// address" },
    { "http://auth.example.com/token", "unencrypted" },
    { "http://10.0.0.1/token", "unencrypted" },
  };
  static const char * const good[] = {
    "https://auth.example.com/token",
    "http://127.0.0.1:8080/token",
    "http://localhost/token",
    "http://[::1]:9000/token",
  };

  /* Not OAuth 2.0: the token URL is not used. */
  rc_auth_set_token_url (auth, "http://auth.example.com/token");
  assert_ok (rc_check_auth_token_url (auth));

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "restcall");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      rc_auth_set_token_url (auth, bad[i].url);
      assert_message (rc_check_auth_token_url (auth), bad[i].part);
      g_assert_false (rc_check_auth (auth));
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      rc_auth_set_token_url (auth, good[i]);
      assert_ok (rc_check_auth_token_url (auth));
      g_assert_true (rc_check_auth (auth));
    }
}

static void
test_token_param_name (void)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();
  g_autoptr(RcPair) audience = rc_pair_new ("audience", "https://api.example.com");
  static const struct {
    const char *name;
    const char *instead;
  } own[] = {
    { "grant_type", "always sends grant_type=client_credentials" },
    { "scope", "Scopes field (--scope" },
    { " scope ", "Scopes field (--scope" },
    { "client_id", "Client ID (--client-id" },
    { "client_secret", "Client Secret" },
    { "client_assertion", "private_key_jwt" },
    { "client_assertion_type", "private_key_jwt" },
  };

  assert_ok (rc_check_token_param_name (audience));

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "restcall");
  rc_auth_set_token_url (auth, "https://auth.example.com/token");
  rc_pair_list_append (rc_auth_get_token_params (auth), "audience", "x");
  g_assert_true (rc_check_auth (auth));

  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      g_autoptr(RcPair) param = rc_pair_new (own[i].name, "x");
      g_autofree char *stripped = g_strstrip (g_strdup (own[i].name));
      g_autofree char *start = g_strdup_printf ("“%s” cannot be an extra token parameter: "
                                                "Restcall sets it itself.", stripped);
      char *message = rc_check_token_param_name (param);

      g_assert_nonnull (message);
      g_assert_true (g_str_has_prefix (message, start));
      assert_message (message, own[i].instead);

      rc_pair_list_append (rc_auth_get_token_params (auth), own[i].name, "x");
      g_assert_false (rc_check_auth (auth));
      rc_pair_list_remove (rc_auth_get_token_params (auth), 1);
      g_assert_true (rc_check_auth (auth));
    }

  /* Not OAuth 2.0: the parameters are not sent. */
  rc_pair_list_append (rc_auth_get_token_params (auth), "scope", "x");
  rc_auth_set_kind (auth, RC_AUTH_KIND_BASIC);
  rc_auth_set_username (auth, "bob");
  g_assert_true (rc_check_auth (auth));
}

static void
test_method_effective_auth (void)
{
  g_autoptr(RcApi) api = NULL;
  g_autoptr(RcMethod) method = new_method_in_api ("https://api.example.com", "/pets", &api);
  g_autoptr(RcAuth) own = rc_auth_new ();

  /* None, and inherit: nothing to check. */
  g_assert_true (rc_check_auth (NULL));
  g_assert_true (rc_check_method (method));

  /* The API's auth is the method's while it has none of its own. */
  rc_auth_set_kind (rc_api_get_auth (api), RC_AUTH_KIND_BASIC);
  g_assert_false (rc_check_method (method));

  /* Its own auth, fine, takes over. */
  rc_auth_set_kind (own, RC_AUTH_KIND_NONE);
  rc_method_set_auth (method, own);
  g_assert_true (rc_check_method (method));

  rc_auth_set_kind (own, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_false (rc_check_method (method));
  rc_auth_set_client_id (own, "restcall");
  rc_auth_set_token_url (own, "https://auth.example.com/token");
  g_assert_true (rc_check_method (method));

  /* Back to inheriting. */
  rc_method_set_auth (method, NULL);
  g_assert_false (rc_check_method (method));
  rc_auth_set_username (rc_api_get_auth (api), "alice");
  g_assert_true (rc_check_method (method));
}

/* A custom content type and the headers are checked as the executor
 * checks them before it sends; the method is not valid until they pass. */
static void
test_method_wire (void)
{
  g_autoptr(RcApi) api = NULL;
  g_autoptr(RcMethod) method = new_method_in_api ("https://api.example.com", "/pets", &api);
  RcPair *header;
  RcPair *api_header;

  g_assert_true (rc_check_method (method));

  rc_method_set_content_type (method, "text/plain\r\nContent-Length: 1\r\n\r\nxGET /steal");
  assert_message (rc_check_method_content_type (method), "“text/plain\\r\\nContent-Length: 1");
  g_assert_false (rc_check_method (method));
  rc_method_set_content_type (method, "text/plain; charset=utf-8");
  assert_ok (rc_check_method_content_type (method));
  rc_method_set_content_type (method, "");
  assert_ok (rc_check_method_content_type (method));
  g_assert_true (rc_check_method (method));

  /* A header row not named yet is fine: it is not sent. */
  header = rc_pair_list_append (rc_method_get_headers (method), "", "a\nb");
  assert_ok (rc_check_header_name (header));
  assert_ok (rc_check_header_value (header));
  g_assert_true (rc_check_method (method));

  rc_pair_set_name (header, "X Trace");
  assert_message (rc_check_header_name (header), "“X Trace” is not a header name");
  g_assert_false (rc_check_method (method));
  rc_pair_set_name (header, "X-Trace");
  rc_pair_set_value (header, "on\r\nX-Injected: 1");
  assert_ok (rc_check_header_name (header));
  assert_message (rc_check_header_value (header), "“on\\r\\nX-Injected: 1” holds a line break");
  g_assert_false (rc_check_method (method));
  rc_pair_set_value (header, "on");
  g_assert_true (rc_check_method (method));

  /* The API's headers go with the method's call. */
  api_header = rc_pair_list_append (rc_api_get_headers (api), "Accept", "a\nb");
  g_assert_false (rc_check_method (method));
  rc_pair_set_value (api_header, "application/json");
  g_assert_true (rc_check_method (method));

  rc_method_set_verb (method, "GET /x HTTP/1.1\r\n\r\nGET");
  g_assert_false (rc_check_method (method));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/check/method-name", test_method_name);
  g_test_add_func ("/restcall/check/method-url-empty", test_method_url_empty);
  g_test_add_func ("/restcall/check/method-url-braces", test_method_url_braces);
  g_test_add_func ("/restcall/check/method-url-malformed", test_method_url_malformed);
  g_test_add_func ("/restcall/check/method-url-relative", test_method_url_relative);
  g_test_add_func ("/restcall/check/auth-username", test_auth_username);
  g_test_add_func ("/restcall/check/auth-client-id", test_auth_client_id);
  g_test_add_func ("/restcall/check/auth-token-url", test_auth_token_url);
  g_test_add_func ("/restcall/check/token-param-name", test_token_param_name);
  g_test_add_func ("/restcall/check/method-effective-auth", test_method_effective_auth);
  g_test_add_func ("/restcall/check/method-wire", test_method_wire);

  return g_test_run ();
}
