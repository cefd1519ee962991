/* test-openapi.c: reading documents and importing OpenAPI and Swagger
 *
 * The fixtures in tests/data/openapi/ are written for these tests: the
 * same Petstore as Swagger 2.0 JSON, OpenAPI 3.0 YAML and JSON and OpenAPI
 * 3.1 YAML, plus documents for parameters (the same in Swagger 2.0 and
 * OpenAPI 3.0), servers, $refs (external/ for $refs into other files),
 * broken syntax and YAML itself. The last tests run the real `restcall import` binary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* symlink(), mkfifo() */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "restcall-core.h"
#include "rc-openapi-private.h"
#include "rc-test-cli.h"
#include "rc-test-documents.h"

static const char * const petstores[] = {
  "petstore-2.0.json", "petstore-3.0.yaml", "petstore-3.0.json", "petstore-3.1.yaml", NULL
};

/* Helpers */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "openapi", name, NULL);
}

static GBytes *
load_fixture_bytes (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static RcOpenApi *
load_fixture (const char *name,
              const char *base_uri)
{
  g_autoptr(GBytes) bytes = load_fixture_bytes (name);
  g_autoptr(GError) error = NULL;
  RcOpenApi *open_api = rc_open_api_new_from_bytes (bytes, name, base_uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (open_api);

  return open_api;
}

static RcOpenApi *
parse_text (const char  *text,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return rc_open_api_new_from_bytes (bytes, "inline.yaml", NULL, error);
}

static gboolean
has_warning (RcOpenApi  *open_api,
             const char *part1,
             const char *part2)
{
  const char * const *warnings = rc_open_api_get_warnings (open_api);

  for (guint i = 0; warnings[i]; i++)
    {
      if (strstr (warnings[i], part1) && (part2 == NULL || strstr (warnings[i], part2)))
        return TRUE;
    }

  return FALSE;
}

/* The value after @name in a NULL-terminated list of names and values. */
static const char *
lookup_pair_cb (const char *name,
                      gpointer    user_data)
{
  const char * const *pairs = user_data;

  for (guint i = 0; pairs[i]; i += 2)
    {
      if (g_str_equal (pairs[i], name))
        return pairs[i + 1];
    }

  return NULL;
}

static char *
join_strv (const char * const *strv)
{
  return g_strjoinv (" ", (char **)strv);
}

/* "scheme(scope scope)+scheme()|…" for an operation's effective security. */
static char *
security_to_string (const RcOpenApiOperation *operation)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < operation->security->len; i++)
    {
      GPtrArray *requirements = operation->security->pdata[i];

      if (i > 0)
        g_string_append_c (text, '|');
      for (guint j = 0; j < requirements->len; j++)
        {
          const RcOpenApiRequirement *requirement = requirements->pdata[j];
          g_autofree char *scopes = join_strv ((const char * const *)requirement->scopes);

          g_string_append_printf (text, "%s%s(%s)", j ? "+" : "", requirement->scheme, scopes);
        }
      if (requirements->len == 0)
        g_string_append (text, "{}");
    }

  return g_string_free (text, FALSE);
}

/* The Petstore in every format */

static void
check_petstore (RcOpenApi *open_api)
{
  static const struct {
    const char *method, *path, *operation_id, *name, *security, *tags, *media;
  } expected[] = {
    { "GET", "/pets", "listPets", "listPets", "cc(read:pets)", "pets", "" },
    { "POST", "/pets", "createPet", "createPet", "cc(write:pets)", "pets", "application/json" },
    { "GET", "/pets/{petId}", "getPet", "getPet", "cc(read:pets)|basicAuth()", "pets", "" },
    { "DELETE", "/pets/{petId}", "deletePet", "deletePet", "cc(admin)+key()", "pets admin", "" },
    { "GET", "/pets/{petId}/photo", "getPetPhoto", "getPetPhoto", "{}|cc(read:pets)", "pets", "" },
    { "GET", "/health", NULL, "get_health", "", "meta", "" },
  };
  const RcOpenApiScheme *cc, *basic, *key;
  const RcOpenApiOperation *operation;
  const RcOpenApiParameter *parameter;
  g_autoptr(RcAuth) auth = NULL;

  g_assert_cmpstr (rc_open_api_get_title (open_api), ==, "Petstore");
  g_assert_cmpstr (rc_open_api_get_version (open_api), ==, "1.0.0");
  g_assert_cmpstrv (rc_open_api_get_servers (open_api),
                    ((const char *[]){ "https://api.example.com/v1", NULL }));
  g_assert_cmpstrv (rc_open_api_get_warnings (open_api), ((const char *[]) { NULL }));

  g_assert_cmpuint (rc_open_api_get_n_operations (open_api), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *security = NULL;
      g_autofree char *tags = NULL;
      g_autofree char *media = NULL;

      operation = rc_open_api_get_operation (open_api, i);
      security = security_to_string (operation);
      tags = join_strv ((const char * const *)operation->tags);
      media = join_strv ((const char * const *)operation->request_media_types);

      g_assert_cmpstr (operation->method, ==, expected[i].method);
      g_assert_cmpstr (operation->path, ==, expected[i].path);
      g_assert_cmpstr (operation->operation_id, ==, expected[i].operation_id);
      g_assert_cmpstr (operation->name, ==, expected[i].name);
      g_assert_cmpstr (security, ==, expected[i].security);
      g_assert_cmpstr (tags, ==, expected[i].tags);
      g_assert_cmpstr (media, ==, expected[i].media);
      g_assert_true (operation->security_declared);
    }

  /* Path-level parameters are merged; the operation's own win. */
  operation = rc_open_api_find_operation (open_api, "getPet");
  g_assert_cmpuint (operation->parameters->len, ==, 1);
  parameter = operation->parameters->pdata[0];
  g_assert_cmpstr (parameter->name, ==, "petId");
  g_assert_cmpstr (parameter->in, ==, "path");
  g_assert_true (parameter->required);

  operation = rc_open_api_find_operation (open_api, "getPetPhoto");
  g_assert_cmpuint (operation->parameters->len, ==, 3);
  parameter = operation->parameters->pdata[1];
  g_assert_cmpstr (parameter->name, ==, "size");
  g_assert_true (parameter->required);
  parameter = operation->parameters->pdata[2];
  g_assert_cmpstr (parameter->in, ==, "header");
  g_assert_false (parameter->required);

  g_assert_cmpuint (rc_open_api_get_n_schemes (open_api), ==, 3);
  cc = rc_open_api_find_scheme (open_api, "cc");
  g_assert_cmpstr (cc->type, ==, "oauth2");
  g_assert_true (cc->client_credentials);
  g_assert_cmpstr (cc->token_url, ==, "https://api.example.com/oauth/token");
  g_assert_cmpstrv (cc->scopes, ((const char *[]) { "read:pets", "write:pets", "admin", NULL }));
  basic = rc_open_api_find_scheme (open_api, "basicAuth");
  g_assert_cmpstr (basic->type, ==, "http");
  g_assert_cmpstr (basic->http_scheme, ==, "basic");
  key = rc_open_api_find_scheme (open_api, "key");
  g_assert_cmpstr (key->type, ==, "apiKey");
  g_assert_cmpstr (key->in, ==, "header");
  g_assert_cmpstr (key->param, ==, "X-Key");

  /* The API's relative token URL follows its base URL: OpenAPI 3's server
   * has the variable {host}, which the API keeps as {{host}}. */
  auth = rc_open_api_dup_auth (open_api, NULL, NULL);
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  if (rc_open_api_get_format (open_api) == RC_OPEN_API_FORMAT_SWAGGER_2_0)
    g_assert_cmpstr (rc_auth_get_token_url (auth), ==, "https://api.example.com/oauth/token");
  else
    g_assert_cmpstr (rc_auth_get_token_url (auth), ==, "https://{{host}}/oauth/token");
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "read:pets write:pets admin");
}

static void
test_petstore_formats (void)
{
  static const RcOpenApiFormat formats[] = {
    RC_OPEN_API_FORMAT_SWAGGER_2_0, RC_OPEN_API_FORMAT_OPENAPI_3_0,
    RC_OPEN_API_FORMAT_OPENAPI_3_0, RC_OPEN_API_FORMAT_OPENAPI_3_1,
  };
  g_autoptr(JsonNode) first = NULL;

  for (guint i = 0; petstores[i]; i++)
    {
      g_autoptr(RcOpenApi) open_api = load_fixture (petstores[i], NULL);
      g_autoptr(JsonNode) json = NULL;
      JsonObject *root;
      JsonArray *variables;
      const char *token_url;

      g_test_message ("%s", petstores[i]);
      g_assert_cmpint (rc_open_api_get_format (open_api), ==, formats[i]);
      check_petstore (open_api);

      /* Everything but the format and the server variables (Swagger has
       * none) is the same, to the last field. */
      json = rc_open_api_to_json (open_api);
      root = json_node_get_object (json);
      g_assert_cmpstr (json_object_get_string_member (root, "format"), ==,
                       rc_open_api_format_to_string (formats[i]));
      json_object_remove_member (root, "format");
      variables = json_object_get_array_member (root, "variables");
      token_url = json_object_get_string_member (json_object_get_object_member (root, "auth"),
                                                 "token_url");
      if (formats[i] == RC_OPEN_API_FORMAT_SWAGGER_2_0)
        {
          g_assert_cmpstr (json_object_get_string_member (root, "base_url"), ==,
                           "https://api.example.com/v1");
          g_assert_cmpuint (json_array_get_length (variables), ==, 0);
          g_assert_cmpstr (token_url, ==, "https://api.example.com/oauth/token");
        }
      else
        {
          g_assert_cmpstr (json_object_get_string_member (root, "base_url"), ==,
                           "https://{{host}}/v1");
          g_assert_cmpuint (json_array_get_length (variables), ==, 1);
          g_assert_cmpstr (token_url, ==, "https://{{host}}/oauth/token");
        }
      json_object_remove_member (root, "base_url");
      json_object_remove_member (root, "variables");
      json_object_set_string_member (json_object_get_object_member (root, "auth"), "token_url",
                                     "");
      if (first == NULL)
        first = json_node_ref (json);
      else
        g_assert_true (json_node_equal (first, json));

      g_assert_finalize_object (g_steal_pointer (&open_api));
    }
}

static void
test_petstore_json (void)
{
  g_autoptr(RcOpenApi) open_api = load_fixture ("petstore-3.0.yaml", NULL);
  g_autoptr(JsonNode) json = rc_open_api_to_json (open_api);
  JsonObject *root = json_node_get_object (json);
  JsonArray *operations = json_object_get_array_member (root, "operations");
  JsonObject *health = json_array_get_object_element (operations, 5);
  JsonObject *delete = json_array_get_object_element (operations, 3);
  JsonArray *and_list =
    json_array_get_array_element (json_object_get_array_member (delete, "security"), 0);
  JsonObject *auth = json_object_get_object_member (root, "auth");
  JsonArray *schemes = json_object_get_array_member (root, "security_schemes");
  JsonObject *cc = json_array_get_object_element (schemes, 0);
  JsonObject *key = json_array_get_object_element (schemes, 2);

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "openapi-3.0");
  g_assert_cmpuint (json_array_get_length (operations), ==, 6);

  /* operation_id is null when absent; security [] is none. */
  g_assert_true (json_object_get_null_member (health, "operation_id"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (health, "security")), ==,
                    0);

  /* One object naming two schemes: both, in one alternative. */
  g_assert_cmpuint (json_array_get_length (and_list), ==, 2);
  g_assert_cmpstr (
    json_object_get_string_member (json_array_get_object_element (and_list, 1), "scheme"), ==,
    "key");

  g_assert_cmpstr (json_object_get_string_member (auth, "type"), ==, "oauth2-client-credentials");
  g_assert_cmpstr (json_object_get_string_member (root, "auth_scheme"), ==, "cc");
  g_assert_cmpstr (json_object_get_string_member (auth, "token_url"), ==,
                   "https://{{host}}/oauth/token");
  /* As the project file holds them: one string. */
  g_assert_cmpstr (json_object_get_string_member (auth, "scopes"), ==,
                   "read:pets write:pets admin");

  g_assert_cmpstr (json_object_get_string_member (cc, "type"), ==, "oauth2");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (cc, "client_credentials"), "token_url"),
                   ==, "https://api.example.com/oauth/token");
  g_assert_cmpstr (json_object_get_string_member (key, "in"), ==, "header");
  g_assert_cmpstr (json_object_get_string_member (key, "param"), ==, "X-Key");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "warnings")), ==, 0);
}

/* @method's headers are the names given, in order, each with an empty
 * value for the user to fill in. */
static void
assert_headers (RcMethod   *method,
                const char *first,
                ...)
{
  GListModel *headers = G_LIST_MODEL (rc_method_get_headers (method));
  const char *name = first;
  guint n = 0;
  va_list args;

  va_start (args, first);
  for (; name; name = va_arg (args, const char *), n++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (headers, n);

      g_assert_nonnull (pair);
      g_assert_cmpstr (rc_pair_get_name (pair), ==, name);
      g_assert_cmpstr (rc_pair_get_value (pair), ==, "");
    }
  va_end (args);

  g_assert_cmpuint (g_list_model_get_n_items (headers), ==, n);
}

static void
test_build_api (void)
{
  g_autoptr(RcOpenApi) open_api = load_fixture ("petstore-2.0.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcApi) api = rc_open_api_build_api (open_api, NULL, NULL, &error);
  g_autoptr(RcApi) selected = NULL;
  g_autoptr(RcApi) tagged = NULL;
  g_autoptr(RcApi) none = NULL;
  RcAuth *auth;
  RcMethod *method;

  g_assert_no_error (error);
  g_assert_cmpstr (rc_api_get_name (api), ==, "Petstore");
  g_assert_cmpstr (rc_api_get_base_url (api), ==, "https://api.example.com/v1");
  g_assert_nonnull (strstr (rc_api_get_description (api), "API key “key” in the header “X-Key”"));
  g_assert_nonnull (strstr (rc_api_get_description (api), "HTTP Basic “basicAuth”"));

  auth = rc_api_get_auth (api);
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_cmpstr (rc_auth_get_token_url (auth), ==, "https://api.example.com/oauth/token");
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "read:pets write:pets admin");

  g_assert_cmpuint (rc_api_get_n_methods (api), ==, 6);
  method = rc_api_get_method (api, 1);
  g_assert_cmpstr (rc_method_get_name (method), ==, "createPet");
  g_assert_cmpstr (rc_method_get_verb (method), ==, "POST");
  g_assert_cmpstr (rc_method_get_content_type (method), ==, "application/json");
  g_assert_null (rc_method_get_auth (method));
  g_assert_nonnull (strstr (rc_method_get_description (method), "Security: cc (write:pets)"));

  /* Query parameters become placeholders, optional ones too; the
   * required ones are marked; headers become headers. */
  method = rc_api_find_method (api, "getPetPhoto");
  g_assert_cmpstr (rc_method_get_url (method), ==, "/pets/{petId}/photo?size={size}");
  g_assert_cmpstrv (rc_method_get_required_parameters (method),
                    ((const char *[]){ "petId", "size", NULL }));
  assert_headers (method, "X-Trace", NULL);
  g_assert_null (rc_method_get_auth (method));
  method = rc_api_find_method (api, "listPets");
  g_assert_cmpstr (rc_method_get_url (method), ==, "/pets?limit={limit}");
  g_assert_cmpstrv (rc_method_get_required_parameters (method), ((const char *[]) { NULL }));

  /* `security: []` under an OAuth API: the method sends no credentials. */
  method = rc_api_find_method (api, "get_health");
  g_assert_cmpstr (rc_method_get_url (method), ==, "/health");
  g_assert_nonnull (rc_method_get_auth (method));
  g_assert_cmpint (rc_auth_get_kind (rc_method_get_auth (method)), ==, RC_AUTH_KIND_NONE);
  /* Said without leaking the text it was not written into (LeakSanitizer). */
  g_assert_true (g_str_has_suffix (rc_method_get_description (method), "Security: none"));

  /* A selection: the scopes are those it needs. */
  selected = rc_open_api_build_api (open_api, (const char *[]){ "get_health", "createPet", NULL },
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rc_api_get_n_methods (selected), ==, 2);
  g_assert_cmpstr (rc_method_get_name (rc_api_get_method (selected, 0)), ==, "createPet");
  g_assert_cmpstr (rc_auth_get_scopes (rc_api_get_auth (selected)), ==, "write:pets");

  tagged = rc_open_api_build_api (open_api, NULL, "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rc_api_get_n_methods (tagged), ==, 1);
  g_assert_cmpstr (rc_auth_get_scopes (rc_api_get_auth (tagged)), ==, "admin");

  none = rc_open_api_build_api (open_api, (const char *[]) { "nope", NULL }, NULL, &error);
  g_assert_error (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_clear_error (&error);

  none = rc_open_api_build_api (open_api, NULL, "no-such-tag", &error);
  g_assert_error (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_NOT_FOUND);
  g_assert_null (none);

  g_assert_finalize_object (g_steal_pointer (&api));
}

/* Every parameter of the document is kept, in Swagger 2.0 and OpenAPI 3.0
 * alike: optional query parameters as well as required ones (eBay Browse's
 * `search` lost its optional `q`), path-level ones, through $refs, and
 * header parameters as headers; a cookie and a header OpenAPI says to
 * ignore are named in a warning. */
static void
test_parameters (void)
{
  static const char * const fixtures[] = { "parameters-2.0.json", "parameters-3.0.yaml" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(RcOpenApi) open_api = load_fixture (fixtures[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(RcApi) api = NULL;
      gboolean swagger = rc_open_api_get_format (open_api) == RC_OPEN_API_FORMAT_SWAGGER_2_0;
      RcMethod *method;

      g_test_message ("%s", fixtures[i]);
      api = rc_open_api_build_api (open_api, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rc_api_get_n_methods (api), ==, 3);

      /* Optional query parameters, one a $ref, and a header. */
      method = rc_api_find_method (api, "search");
      g_assert_cmpstr (rc_method_get_url (method), ==,
                       "/item_summary/search?q={q}&limit={limit}&filter={filter}");
      g_assert_cmpstrv (rc_method_get_required_parameters (method), ((const char *[]) { NULL }));
      assert_headers (method, "X-Marketplace-Id", NULL);

      /* Path-level parameters ($refs among them) first; the operation's
       * `lang` replaces the path's, and is required. */
      method = rc_api_find_method (api, "getItem");
      g_assert_cmpstr (rc_method_get_url (method), ==,
                       "/items/{itemId}?lang={lang}&fields={fields}");
      g_assert_cmpstrv (rc_method_get_required_parameters (method),
                        ((const char *[]){ "itemId", "lang", NULL }));
      assert_headers (method, "X-Tenant", NULL);
      if (!swagger)
        g_assert_nonnull (strstr (rc_method_get_description (method), "session (cookie)"));

      /* The path's parameters alone. */
      method = rc_api_find_method (api, "deleteItem");
      g_assert_cmpstr (rc_method_get_url (method), ==, "/items/{itemId}?lang={lang}");
      g_assert_cmpstrv (rc_method_get_required_parameters (method),
                        ((const char *[]){ "itemId", NULL }));
      assert_headers (method, "X-Tenant", NULL);

      /* What is not imported is named. */
      g_assert_true (
        has_warning (open_api, "header parameter “Authorization” is not imported", NULL));
      if (swagger)
        g_assert_cmpuint (g_strv_length ((char **)rc_open_api_get_warnings (open_api)), ==, 1);
      else
        {
          g_assert_true (
            has_warning (open_api, "cookie parameter “session” is not imported", NULL));
          g_assert_cmpuint (g_strv_length ((char **)rc_open_api_get_warnings (open_api)), ==, 2);
        }
    }
}

/* Parameters that could not be sent, or that OpenAPI says to ignore, are
 * left out of the method, each with a warning; the rest are kept. */
static void
test_unimported_parameters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api =
    parse_text ("openapi: 3.0.0\n"
                "info: {title: Odd, version: '1'}\n"
                "servers: [{url: 'https://api.example.com'}]\n"
                "paths:\n"
                "  /odd:\n"
                "    get:\n"
                "      operationId: odd\n"
                "      parameters:\n"
                "        - {name: 'a{b}', in: query}\n"
                "        - {name: ' padded', in: query}\n"
                "        - {name: '', in: query}\n"
                "        - {name: \"X-Evil: 1\\r\\nX-More\", in: header}\n"
                "        - {name: content-type, in: header}\n"
                "        - {name: Accept, in: header}\n"
                "        - {name: s, in: querystring}\n"
                "        - {name: ok, in: query, required: true}\n"
                "        - {name: 'page[size]', in: query}\n"
                "        - {name: $top, in: query}\n"
                "        - {name: X-Ok, in: header}\n",
                &error);
  g_autoptr(RcApi) api = NULL;
  RcMethod *method;

  g_assert_no_error (error);
  api = rc_open_api_build_api (open_api, NULL, NULL, &error);
  g_assert_no_error (error);

  method = rc_api_find_method (api, "odd");
  g_assert_cmpstr (rc_method_get_url (method), ==,
                   "/odd?ok={ok}&page%5Bsize%5D={page[size]}&$top={$top}");
  g_assert_cmpstrv (rc_method_get_required_parameters (method), ((const char *[]) { "ok", NULL }));
  assert_headers (method, "X-Ok", NULL);

  g_assert_true (
    has_warning (open_api, "“odd” (GET /odd) has the query parameter “a{b}”", "not imported"));
  g_assert_true (has_warning (open_api, "query parameter “ padded”", "not imported"));
  g_assert_true (has_warning (open_api, "query parameter “”", "not imported"));
  g_assert_true (has_warning (open_api,
                              "“odd” (GET /odd) has the header parameter “X-Evil: 1\\r\\nX-More”",
                              "cannot be sent as a header"));
  g_assert_true (has_warning (open_api, "header parameter “content-type”", "not imported"));
  g_assert_true (has_warning (open_api, "header parameter “Accept”", "not imported"));
  g_assert_true (has_warning (open_api, "“odd” (GET /odd) has the parameter “s” in “querystring”",
                              "not imported"));
  g_assert_cmpuint (g_strv_length ((char **)rc_open_api_get_warnings (open_api)), ==, 7);

  /* A cookie on every operation is named once. */
  g_clear_object (&open_api);
  open_api = parse_text ("openapi: 3.0.0\n"
                         "info: {title: Cookies, version: '1'}\n"
                         "servers: [{url: 'https://api.example.com'}]\n"
                         "paths:\n"
                         "  /a:\n"
                         "    parameters: [{name: session, in: cookie}]\n"
                         "    get: {operationId: a1}\n"
                         "    put: {operationId: a2}\n"
                         "  /b:\n"
                         "    get: {operationId: b, parameters: [{name: session, in: cookie}]}\n",
                         &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (
    rc_open_api_get_warnings (open_api),
    ((const char *[]){ "The cookie parameter “session” is not imported: Restcall does not "
                       "send cookies. Add a Cookie header to the methods that need it; "
                       "their descriptions list their parameters.",
                       NULL }));
}

/* Servers, security schemes, $refs */

static void
test_servers (void)
{
  g_autoptr(RcOpenApi) local = load_fixture ("servers.yaml", NULL);
  g_autoptr(RcOpenApi) remote =
    load_fixture ("servers.yaml", "https://docs.example.com/specs/servers.yaml");
  g_autoptr(RcAuth) auth = NULL;
  const RcOpenApiScheme *scheme = NULL;
  const RcOpenApiScheme *jwt, *oidc;

  g_assert_cmpstr (rc_open_api_get_version (local), ==, "2");
  g_assert_cmpstrv (
    rc_open_api_get_servers (local),
    ((const char *[]){ "https://eu.example.com:8443/api/{version}", "/relative", NULL }));
  g_assert_true (
    has_warning (local, "“region”", "defaults to “eu”, which is not one of its values (us, ap)"));
  g_assert_true (has_warning (local, "the variable “version”", NULL));
  g_assert_true (has_warning (local, "“/relative” is relative", NULL));
  g_assert_true (has_warning (local, "https://auth.example.org/token", "another site"));
  g_assert_true (has_warning (local, "/paths/~1things/get names its own server", NULL));
  g_assert_true (has_warning (local, "No operation says which security it needs", "“cc”"));

  /* Downloaded: a relative server is resolved against the document's URL. */
  g_assert_cmpstr (rc_open_api_get_servers (remote)[1], ==, "https://docs.example.com/relative");
  g_assert_false (has_warning (remote, "is relative", NULL));

  /* Declared but applied nowhere: the scheme is used, with all its (no) scopes. */
  auth = rc_open_api_dup_auth (local, NULL, &scheme);
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_cmpstr (scheme->name, ==, "cc");
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "");
  g_assert_cmpstrv (scheme->other_flows, ((const char *[]) { "authorizationCode", NULL }));

  jwt = rc_open_api_find_scheme (local, "jwt");
  g_assert_cmpstr (jwt->http_scheme, ==, "bearer");
  g_assert_cmpstr (jwt->bearer_format, ==, "JWT");
  oidc = rc_open_api_find_scheme (local, "oidc");
  g_assert_cmpstr (oidc->openid_connect_url, ==,
                   "https://auth.example.org/.well-known/openid-configuration");
}

/* A variable of @server: its name, value and choices. */
static void
assert_variable (const RcOpenApiServer *server,
                 guint                  position,
                 const char            *name,
                 const char            *value,
                 const char * const    *choices)
{
  RcVariable *variable;

  g_assert_cmpuint (position, <, server->variables->len);
  variable = server->variables->pdata[position];
  g_assert_cmpstr (rc_variable_get_name (variable), ==, name);
  g_assert_cmpstr (rc_variable_get_value (variable), ==, value);
  g_assert_cmpstrv (rc_variable_get_choices (variable), choices);
}

/* Server variables: the base URL keeps them as {{name}}, each becomes a
 * variable with its default and enum; a name that cannot be Restcall's is
 * filled in, a missing default is the enum's first value, and a variable
 * with neither makes a server no API can be imported with. The same in
 * OpenAPI 3.0 YAML and 3.1 JSON. */
static void
test_server_variables (void)
{
  const char *fixtures[] = { "server-variables-3.0.yaml", "server-variables-3.1.json" };
  const char * const regions[] = { "eu", "us", NULL };
  const char * const none[] = { NULL };
  g_autoptr(JsonNode) first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(RcOpenApi) open_api = load_fixture (fixtures[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(RcApi) api = NULL;
      g_autoptr(RcApi) staging = NULL;
      g_autoptr(JsonNode) json = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *name = NULL;
      const RcOpenApiServer *server;
      JsonObject *root;
      JsonArray *variables;

      g_test_message ("%s", fixtures[i]);
      g_assert_cmpuint (rc_open_api_get_n_servers (open_api), ==, 4);
      g_assert_cmpstrv (rc_open_api_get_servers (open_api),
                        ((const char * const[]) { "https://eu.example.com/v1/eu",
                                                  "https://acme.example.org:8443/api",
                                                  "https://beta.example.net",
                                                  "https://{zone}.example.io", NULL }));

      /* Used twice, a variable is one; the description's first line names
       * its environment. */
      server = rc_open_api_get_server (open_api, 0);
      g_assert_cmpstr (server->url, ==, "https://eu.example.com/v1/eu");
      g_assert_cmpstr (server->base_url, ==,
                       "https://{{region}}.example.com/{{basePath}}/{{region}}");
      g_assert_cmpuint (server->variables->len, ==, 2);
      assert_variable (server, 0, "region", "eu", regions);
      assert_variable (server, 1, "basePath", "v1", none);
      g_assert_null (server->problem);
      name = rc_open_api_server_dup_environment_name (server);
      g_assert_cmpstr (name, ==, "Production");
      summary = rc_open_api_dup_variables_summary (server->variables);
      g_assert_cmpstr (summary, ==, "region (eu, us), basePath");

      /* “tenant id” cannot be a variable: its default is written. */
      server = rc_open_api_get_server (open_api, 1);
      g_assert_cmpstr (server->base_url, ==, "https://acme.example.org:{{port}}/api");
      g_assert_cmpuint (server->variables->len, ==, 1);
      assert_variable (server, 0, "port", "8443", none);
      g_assert_true (has_warning (open_api, "The server variable “tenant id”",
                                  "the base URL has its value, “acme”"));
      g_clear_pointer (&name, g_free);
      name = rc_open_api_server_dup_environment_name (server);
      g_assert_cmpstr (name, ==, "Default");

      /* No default: the enum's first value. */
      server = rc_open_api_get_server (open_api, 2);
      g_assert_cmpstr (server->base_url, ==, "https://{{stage}}.example.net");
      assert_variable (server, 0, "stage", "beta", ((const char * const[]) { "beta", "live", NULL }));
      g_assert_null (server->problem);
      g_assert_true (has_warning (open_api, "The server variable “stage”",
                                  "has no default, which OpenAPI requires; its first value, "
                                  "“beta”, is used"));

      /* Neither default nor enum: no API with this server. */
      server = rc_open_api_get_server (open_api, 3);
      g_assert_cmpuint (server->variables->len, ==, 0);
      g_assert_nonnull (server->problem);
      g_assert_nonnull (strstr (server->problem, "the variable “zone”, which has no default"));
      g_assert_true (has_warning (open_api, "the variable “zone”", "no API can be imported"));

      /* The API: the first server's base URL, the token URL relative to it. */
      api = rc_open_api_build_api (open_api, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (rc_api_get_base_url (api), ==,
                       "https://{{region}}.example.com/{{basePath}}/{{region}}");
      g_assert_cmpstr (rc_auth_get_token_url (rc_api_get_auth (api)), ==,
                       "https://{{region}}.example.com/oauth/token");

      /* Another server chosen: its base URL, and the token URL follows. */
      staging = rc_open_api_build_api_with_base_url (
        open_api, rc_open_api_get_server (open_api, 2)->base_url, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (rc_api_get_base_url (staging), ==, "https://{{stage}}.example.net");
      g_assert_cmpstr (rc_auth_get_token_url (rc_api_get_auth (staging)), ==,
                       "https://{{stage}}.example.net/oauth/token");

      /* --json: the base URL and variables as the project file holds them. */
      json = rc_open_api_to_json (open_api);
      root = json_node_get_object (json);
      g_assert_cmpstr (json_object_get_string_member (root, "base_url"), ==,
                       "https://{{region}}.example.com/{{basePath}}/{{region}}");
      variables = json_object_get_array_member (root, "variables");
      g_assert_cmpuint (json_array_get_length (variables), ==, 2);
      {
        g_autoptr(RcEnvironment) environment = rc_environment_new ("x");
        g_autoptr(JsonNode) written = NULL;
        JsonArray *file_variables;

        for (guint j = 0; j < rc_open_api_get_server (open_api, 0)->variables->len; j++)
          {
            g_autoptr(RcVariable) copy =
              rc_variable_copy (rc_open_api_get_server (open_api, 0)->variables->pdata[j]);

            rc_environment_add_variable (environment, copy);
          }
        written = rc_environment_to_json (environment, RC_MODEL_JSON_FILE);
        file_variables = json_object_get_array_member (json_node_get_object (written), "variables");
        g_assert_true (json_node_equal (json_object_get_member (root, "variables"),
                                        json_object_get_member (json_node_get_object (written),
                                                                "variables")));
        g_assert_false (json_object_has_member (json_array_get_object_element (file_variables, 1),
                                                "choices"));
      }
      json_object_remove_member (root, "format");
      if (first == NULL)
        first = json_node_ref (json);
      else
        g_assert_true (json_node_equal (first, json));
    }
}

/* A first server with a variable that has no value refuses the import,
 * naming it; values and text keep their braces; a relative server's
 * variables are kept as it is resolved. */
static void
test_server_variables_edges (void)
{
  const char *text =
    "{openapi: 3.0.3, info: {title: Edges, version: '1'}, paths: {/a: {get: {}}},\n"
    " servers: [{url: 'https://{zone}.example.io'},\n"
    "           {url: 'https://api.example.com/{p}/{bad name}/{{x',\n"
    "            variables: {p: {default: 'a{{b}}', enum: ['a{{b}}', c]}, 'bad name': {default: 'c{{d'}}},\n"
    "           {url: '/{basePath}', description: \"  \\n\", variables: {basePath: {default: v2}}}]}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api =
    rc_open_api_new_from_bytes (bytes, "edges.yaml", "https://docs.example.com/specs/", &error);
  g_autoptr(RcApi) api = NULL;
  g_autofree char *filled = NULL;
  g_autofree char *name = NULL;
  const RcOpenApiServer *server;
  const char *variables[] = { "p", "a\\{{b}}", NULL };

  g_assert_no_error (error);

  api = rc_open_api_build_api (open_api, NULL, NULL, &error);
  g_assert_error (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_INVALID);
  g_assert_null (api);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“https://{zone}.example.io” uses the variable "
                                            "“zone”, which has no default value"));
  g_assert_nonnull (strstr (error->message, "Give the variable a default in the document."));
  g_clear_error (&error);

  /* Filled in, the base URL is the server's URL, braces and all. */
  server = rc_open_api_get_server (open_api, 1);
  g_assert_cmpstr (server->url, ==, "https://api.example.com/a{{b}}/c{{d/{{x");
  g_assert_cmpstr (server->base_url, ==, "https://api.example.com/{{p}}/c\\{{d/\\{{x");
  assert_variable (server, 0, "p", "a\\{{b}}", ((const char * const[]) { "a\\{{b}}", "c", NULL }));
  filled = rc_template_expand (server->base_url, lookup_pair_cb, variables, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (filled, ==, server->url);

  /* Relative: resolved against the document's URL, its variable kept. */
  server = rc_open_api_get_server (open_api, 2);
  g_assert_cmpstr (server->url, ==, "https://docs.example.com/v2");
  g_assert_cmpstr (server->base_url, ==, "https://docs.example.com/{{basePath}}");
  name = rc_open_api_server_dup_environment_name (server);
  g_assert_cmpstr (name, ==, "Default");

  /* Swagger 2.0 has no server variables. */
  {
    g_autoptr(RcOpenApi) swagger = load_fixture ("petstore-2.0.json", NULL);

    g_assert_cmpuint (rc_open_api_get_n_servers (swagger), ==, 1);
    g_assert_cmpstr (rc_open_api_get_server (swagger, 0)->base_url, ==,
                     "https://api.example.com/v1");
    g_assert_cmpuint (rc_open_api_get_server (swagger, 0)->variables->len, ==, 0);
  }
}

static void
test_relative_token_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) nested = parse_text (
    "openapi: 3.0.0\ninfo: {title: T, version: '1'}\n"
    "servers: [{url: 'https://api.example.com/v1/'}]\n"
    "components: {securitySchemes: {cc: {type: oauth2, flows: {clientCredentials: "
    "{tokenUrl: oauth/token, refreshUrl: ../refresh, scopes: {}}}}}}\n"
    "paths: {}\n", &error);
  g_autoptr(RcOpenApi) unresolved = NULL;
  const RcOpenApiScheme *scheme;

  /* RFC 3986 §5.2: against the server URL, as written. */
  g_assert_no_error (error);
  scheme = rc_open_api_find_scheme (nested, "cc");
  g_assert_cmpstr (scheme->token_url, ==, "https://api.example.com/v1/oauth/token");
  g_assert_cmpstr (scheme->refresh_url, ==, "https://api.example.com/refresh");
  g_assert_false (has_warning (nested, "another site", NULL));

  unresolved = parse_text (
    "swagger: '2.0'\ninfo: {title: T, version: '1'}\nbasePath: /v1\n"
    "securityDefinitions: {cc: {type: oauth2, flow: application, tokenUrl: /token}}\n"
    "paths: {}\n", &error);
  g_assert_no_error (error);
  scheme = rc_open_api_find_scheme (unresolved, "cc");
  g_assert_cmpstr (scheme->token_url, ==, "/token");
  g_assert_true (has_warning (unresolved, "“/token”", "enter the access token URL by hand"));
}

static void
test_refs (void)
{
  g_autoptr(RcOpenApi) open_api = load_fixture ("refs.yaml", NULL);
  const RcOpenApiOperation *operation;
  const RcOpenApiParameter *parameter;
  g_autoptr(RcAuth) auth = NULL;

  /* A chain of path item $refs is followed; the same item twice gets two names. */
  g_assert_cmpuint (rc_open_api_get_n_operations (open_api), ==, 4);
  operation = rc_open_api_get_operation (open_api, 0);
  g_assert_cmpstr (operation->path, ==, "/chain");
  g_assert_cmpstr (operation->name, ==, "chained");
  parameter = operation->parameters->pdata[0];
  g_assert_cmpstr (parameter->name, ==, "slashed");
  operation = rc_open_api_get_operation (open_api, 1);
  g_assert_cmpstr (operation->path, ==, "/middle");
  g_assert_cmpstr (operation->name, ==, "chained_2");
  g_assert_true (has_warning (open_api, "operationId “chained”", "named “chained_2”"));

  /* Cycles end with a warning. */
  g_assert_true (
    has_warning (open_api, "“#/paths/~1loop-b” at /paths/~1loop-a", "leads back to itself"));
  g_assert_true (
    has_warning (open_api, "“#/paths/~1self” at /paths/~1self", "leads back to itself"));
  g_assert_true (
    has_warning (open_api, "“#/components/requestBodies/Loop”", "leads back to itself"));

  /* Dangling and external ones are named. */
  g_assert_true (
    has_warning (open_api, "“#/x-items/Missing” at /paths/~1nowhere", "points to nothing"));
  g_assert_true (
    has_warning (open_api, "“#/components/parameters/missing” at /paths/~1escapes/get/parameters/2",
                 "points to nothing"));
  g_assert_true (has_warning (open_api, "“other.yaml#/paths/~1pets”", "another document"));
  g_assert_true (has_warning (open_api, "“https://example.com/common.yaml#/parameters/page”",
                              "another document"));

  /* ~1, ~0 and %20 in pointers. */
  operation = rc_open_api_find_operation (open_api, "escapes");
  g_assert_cmpuint (operation->parameters->len, ==, 2);
  parameter = operation->parameters->pdata[1];
  g_assert_cmpstr (parameter->name, ==, "spaced");
  g_assert_cmpstr (rc_open_api_get_operation (open_api, 3)->name, ==, "escapes_2");

  /* A security scheme that is a $ref, and an undeclared one. */
  g_assert_true (has_warning (open_api, "“undeclared” is required but not declared", NULL));
  auth = rc_open_api_dup_auth (open_api, NULL, NULL);
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_BASIC);
}

static void
test_scopes (void)
{
  g_autoptr(RcOpenApi) empty = load_fixture ("empty-scopes.yaml", NULL);
  g_autoptr(RcAuth) empty_auth = rc_open_api_dup_auth (empty, NULL, NULL);
  g_autoptr(GString) text = g_string_new ("openapi: 3.0.0\ninfo: {title: Huge, version: '1'}\n"
                                          "servers: [{url: 'https://api.example.com'}]\n"
                                          "paths:\n  /all:\n    get:\n      security: [{cc: [");
  g_autoptr(RcOpenApi) huge = NULL;
  g_autoptr(RcAuth) huge_auth = NULL;
  g_auto(GStrv) scopes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rc_auth_get_kind (empty_auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_cmpstr (rc_auth_get_scopes (empty_auth), ==, "");

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "%sscope:%u", i ? ", " : "", i);
  g_string_append (text,
                   "]}]\n    post: {}\ncomponents: {securitySchemes: {cc: {type: oauth2, flows: "
                   "{clientCredentials: {tokenUrl: /token, scopes: {");
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "%sscope:%u: Scope %u", i ? ", " : "", i, i);
  g_string_append (text, "}}}}}}\n");

  huge = parse_text (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (rc_open_api_find_scheme (huge, "cc")->scopes), ==, 1000);
  huge_auth = rc_open_api_dup_auth (huge, NULL, NULL);
  scopes = rc_auth_dup_scope_list (huge_auth);
  g_assert_cmpuint (g_strv_length (scopes), ==, 1000);
  g_assert_cmpstr (scopes[999], ==, "scope:999");
}

/* The API's scopes are those the client credentials flow declares, less
 * those the operations do not ask for; never another flow's (eBay's
 * developer-analytics asked for seven scopes, one of them declared for
 * client credentials). The rest are named in a warning. */
static void
test_flow_scopes (void)
{
  g_autoptr(RcOpenApi) open_api = load_fixture ("flow-scopes.yaml", NULL);
  g_autoptr(RcAuth) auth = rc_open_api_dup_auth (open_api, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcApi) api = rc_open_api_build_api (open_api, NULL, NULL, &error);
  g_autoptr(RcApi) traffic = NULL;
  g_autoptr(JsonNode) json = NULL;
  const char * const *warnings = rc_open_api_get_warnings (open_api);
  const char *warning = NULL;

  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "https://api.example.com/oauth/api_scope");
  g_assert_no_error (error);
  g_assert_cmpstr (rc_auth_get_scopes (rc_api_get_auth (api)), ==,
                   "https://api.example.com/oauth/api_scope");
  json = rc_open_api_to_json (open_api);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_node_get_object (json), "auth"), "scopes"),
                   ==, "https://api.example.com/oauth/api_scope");

  /* One warning names the scheme, the six scopes and the two operations. */
  for (guint i = 0; warnings[i]; i++)
    {
      g_test_message ("warning: %s", warnings[i]);
      if (strstr (warnings[i], "“api_auth”"))
        {
          g_assert_null (warning);
          warning = warnings[i];
        }
    }
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "2 operations ask"));
  g_assert_nonnull (strstr (warning, "client credentials flow does not declare"));
  for (guint i = 0; i < 6; i++)
    {
      static const char * const undeclared[] = {
        "sell.account", "sell.inventory", "sell.analytics.readonly", "sell.marketing",
        "sell.fulfillment", "commerce.identity.readonly",
      };
      g_autofree char *quoted =
        g_strdup_printf ("“https://api.example.com/oauth/api_scope/%s”", undeclared[i]);

      g_assert_nonnull (strstr (warning, quoted));
    }
  g_assert_null (strstr (warning, "“https://api.example.com/oauth/api_scope”"));

  /* Only operations that ask for undeclared scopes: no scope at all. */
  traffic = rc_open_api_build_api (open_api, (const char *[]){ "getTraffic", NULL }, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_auth_get_scopes (rc_api_get_auth (traffic)), ==, "");
}

/* Swagger 2.0's application flow, likewise. */
static void
test_flow_scopes_swagger (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api = parse_text (
    "swagger: '2.0'\ninfo: {title: S, version: '1'}\nhost: api.example.com\n"
    "securityDefinitions:\n"
    "  cc: {type: oauth2, flow: application, tokenUrl: 'https://api.example.com/token',\n"
    "       scopes: {read: Read}}\n"
    "paths:\n"
    "  /a: {get: {operationId: getA, security: [{cc: [read, write]}], responses: {}}}\n",
    &error);
  g_autoptr(RcAuth) auth = NULL;

  g_assert_no_error (error);
  auth = rc_open_api_dup_auth (open_api, NULL, NULL);
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "read");
  g_assert_true (has_warning (open_api, "1 operation asks the OAuth 2.0 scheme “cc” for scopes",
                              "does not declare: “write”."));
  g_clear_object (&open_api);

  /* Ten are named, the rest counted. */
  open_api = parse_text (
    "swagger: '2.0'\ninfo: {title: S, version: '1'}\nhost: api.example.com\n"
    "securityDefinitions:\n"
    "  cc: {type: oauth2, flow: application, tokenUrl: 'https://api.example.com/token',\n"
    "       scopes: {}}\n"
    "paths:\n"
    "  /a: {get: {operationId: getA, security: [{cc: [s1, s2, s3, s4, s5, s6]}]}}\n"
    "  /b: {get: {operationId: getB, security: [{cc: [s6, s7, s8, s9, s10, s11, s12]}]}}\n",
    &error);
  g_assert_no_error (error);
  g_assert_true (has_warning (open_api, "2 operations ask", "“s9”, “s10” and 2 more."));
  g_assert_false (has_warning (open_api, "“s11”", NULL));
}

/* A declared scope whose name holds whitespace cannot be sent as one
 * scope: a warning names it, and the API's scopes leave it out, whether
 * the operations ask for it or not. */
static void
test_scope_with_space (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api = parse_text (
    "openapi: 3.0.0\ninfo: {title: T, version: '1'}\n"
    "servers: [{url: 'https://api.example.com'}]\n"
    "paths:\n"
    "  /a: {get: {operationId: getA, security: [{cc: []}]}}\n"
    "  /b: {get: {operationId: getB, security: [{cc: ['read pets', 'read:pets']}]}}\n"
    "components: {securitySchemes: {cc: {type: oauth2, flows: {clientCredentials: {\n"
    "  tokenUrl: /token, scopes: {'read pets': A, 'read:pets': B, \"x\\ty\": C}}}}}}\n",
    &error);
  g_autoptr(RcAuth) all = NULL;
  g_autoptr(RcApi) only_a = NULL;

  g_assert_no_error (error);
  g_assert_true (has_warning (open_api, "The OAuth 2.0 scheme “cc” declares the scope “read pets”",
                              "cannot be sent as one scope"));
  g_assert_true (has_warning (open_api, "declares the scope “x\\ty”", NULL));
  /* Declared, so not among the scopes the flow does not declare. */
  g_assert_false (has_warning (open_api, "does not declare", NULL));

  all = rc_open_api_dup_auth (open_api, NULL, NULL);
  g_assert_cmpstr (rc_auth_get_scopes (all), ==, "read:pets");
  only_a = rc_open_api_build_api (open_api, (const char *[]){ "getA", NULL }, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_auth_get_scopes (rc_api_get_auth (only_a)), ==, "read:pets");
}

/* A method that gets its own client credentials (another scheme than the
 * API's) follows the same rules. */
static void
test_method_flow_scopes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api = parse_text (
    "openapi: 3.0.0\ninfo: {title: T, version: '1'}\n"
    "servers: [{url: 'https://api.example.com'}]\n"
    "paths:\n"
    "  /a: {get: {operationId: getA, security: [{first: [a]}]}}\n"
    "  /b: {get: {operationId: getB, security: [{second: [x, 'y z', user]}]}}\n"
    "  /c: {get: {operationId: getC, security: [{second: []}]}}\n"
    "components:\n"
    "  securitySchemes:\n"
    "    first: {type: oauth2, flows: {clientCredentials: {tokenUrl: /t1, scopes: {a: A}}}}\n"
    "    second: {type: oauth2, flows: {\n"
    "      authorizationCode: {authorizationUrl: /auth, tokenUrl: /t2, scopes: {user: U}},\n"
    "      clientCredentials: {tokenUrl: /t2, scopes: {x: X, 'y z': Y}}}}\n",
    &error);
  g_autoptr(RcApi) api = NULL;
  RcAuth *auth;

  g_assert_no_error (error);
  api = rc_open_api_build_api (open_api, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_auth_get_scopes (rc_api_get_auth (api)), ==, "a");

  auth = rc_method_get_auth (rc_api_find_method (api, "getB"));
  g_assert_nonnull (auth);
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "x");
  auth = rc_method_get_auth (rc_api_find_method (api, "getC"));
  g_assert_nonnull (auth);
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "x");

  g_assert_true (has_warning (open_api, "1 operation asks the OAuth 2.0 scheme “second”",
                              "does not declare: “user”."));
  g_assert_true (has_warning (open_api, "“second” declares the scope “y z”", NULL));
}

static void
test_errors (void)
{
  static const struct {
    const char *text;
    GQuark      domain;
    int         code;
    const char *message;
  } cases[] = {
    { "openapi: 2.5.0\npaths: {}\n", 0, RC_OPEN_API_ERROR_UNSUPPORTED, "OpenAPI 2.5.0" },
    { "swagger: '1.2'\n", 0, RC_OPEN_API_ERROR_UNSUPPORTED, "Swagger 1.2" },
    { "info: {title: x}\n", 0, RC_OPEN_API_ERROR_INVALID, "/openapi or /swagger" },
    { "[1, 2]", 0, RC_OPEN_API_ERROR_INVALID, "its top level (/)" },
    { "openapi: 3.0.0\npaths: [1]\n", 0, RC_OPEN_API_ERROR_INVALID, "/paths is not a mapping" },
    { "  \n", 1, RC_DOCUMENT_ERROR_EMPTY, "is empty" },
    { "# only a comment\n", 1, RC_DOCUMENT_ERROR_EMPTY, "is empty" },
    { "openapi: 3.0.0\n\xff\n", 1, RC_DOCUMENT_ERROR_ENCODING, "line 2, column 1" },
    { "a: *nowhere\n", 1, RC_DOCUMENT_ERROR_SYNTAX, "line 1, column 4: the alias “*nowhere”" },
    { "? [a, b]\n: c\n", 1, RC_DOCUMENT_ERROR_SYNTAX, "line 1, column 3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RcOpenApi) open_api = parse_text (cases[i].text, &error);
      g_autofree char *shown = g_strescape (cases[i].text, NULL);

      g_test_message ("%s", shown);
      g_assert_null (open_api);
      g_assert_error (error, (cases[i].domain ? RC_DOCUMENT_ERROR : RC_OPEN_API_ERROR),
                      cases[i].code);
      g_assert_nonnull (strstr (error->message, "“inline.yaml”"));
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_broken_syntax (void)
{
  static const struct {
    const char *name, *message;
  } cases[] = {
    { "broken.json", "“broken.json” is not valid JSON: line 3, column 31: " },
    { "broken.yaml",
      "“broken.yaml” is not valid YAML: line 8, column 3: did not find expected ',' or '}'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = load_fixture_bytes (cases[i].name);
      g_autoptr(GError) error = NULL;
      g_autoptr(RcOpenApi) open_api =
        rc_open_api_new_from_bytes (bytes, cases[i].name, NULL, &error);

      g_assert_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_SYNTAX);
      g_assert_null (open_api);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
      g_assert_null (strchr (error->message, '\n'));
    }
}

/* Documents */

static void
test_yaml_features (void)
{
  g_autoptr(GBytes) yaml = load_fixture_bytes ("yaml-features.yaml");
  g_autoptr(GBytes) json = load_fixture_bytes ("yaml-features.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) from_yaml = rc_document_parse (yaml, "yaml-features.yaml", &error);
  g_autoptr(JsonNode) from_json = NULL;

  g_assert_no_error (error);
  from_json = rc_document_parse (json, "yaml-features.json", &error);
  g_assert_no_error (error);

  if (!json_node_equal (from_yaml, from_json))
    {
      g_autofree char *text = json_to_string (from_yaml, TRUE);

      g_test_message ("%s", text);
      g_assert_not_reached ();
    }
}

static void
test_detection (void)
{
  static const char * const yaml_texts[] = { "# {\n{a: 1}\n", "a: [1]\n", "--- {a: 1}\n", NULL };
  static const char * const json_texts[] = { "\xEF\xBB\xBF {\"a\": 1}", "\n  [1]", NULL };

  for (guint i = 0; yaml_texts[i]; i++)
    g_assert_false (rc_document_is_json (yaml_texts[i], strlen (yaml_texts[i])));

  for (guint i = 0; json_texts[i]; i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (json_texts[i], strlen (json_texts[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;

      g_assert_true (rc_document_is_json (json_texts[i], strlen (json_texts[i])));
      root = rc_document_parse (bytes, "text", &error);
      g_assert_no_error (error);
    }
}

static void
test_alias_bomb (void)
{
  g_autoptr(GBytes) bytes = rc_test_yaml_alias_bomb ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  /* Each level holds ten of the one before: 10^20 nodes if expanded. */
  root = rc_document_parse (bytes, "bomb.yaml", &error);
  g_assert_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_null (root);
  g_assert_nonnull (strstr (error->message, "aliases expand to more than"));
}

static void
test_too_deep (void)
{
  guint depth = 100000;
  GString *json = g_string_new (NULL);
  GString *yaml = g_string_new (NULL);
  g_autoptr(GBytes) json_bytes = NULL;
  g_autoptr(GBytes) yaml_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  /* json-glib's parser would crash on this: it is refused first. */
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  json_bytes = g_string_free_to_bytes (json);
  root = rc_document_parse (json_bytes, "deep.json", &error);
  g_assert_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "line 1, column 1001"));
  g_assert_null (root);
  g_clear_error (&error);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (yaml, '[');
  yaml_bytes = g_string_free_to_bytes (yaml);
  root = rc_document_parse (yaml_bytes, "deep.yaml", &error);
  g_assert_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_TOO_DEEP);
  g_assert_null (root);
}

/* A big document is parsed (and freed) in threads of its own: it reads as
 * a small one does, and its errors still say where. */
static void
test_big_document (void)
{
  GString *json = g_string_new ("{\n  \"items\": [\n");
  GString *yaml = g_string_new ("items:\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  guint n = 0;

  while (json->len < RC_DOCUMENT_BIG_SIZE || yaml->len < RC_DOCUMENT_BIG_SIZE)
    {
      g_string_append_printf (json, "    {\"name\": \"item %u\", \"tags\": [\"a\", \"b\"]},\n", n);
      g_string_append_printf (yaml, "  - name: item %u\n    tags: [a, b]\n", n);
      n++;
    }
  g_string_append_printf (json, "    {\"name\": \"item %u\"}\n  ]\n}\n", n);
  g_string_append_printf (yaml, "  - name: item %u\n", n);

  bytes = g_bytes_new (json->str, json->len);
  root = rc_document_parse (bytes, "big.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (root), "items")), ==, n + 1);
  rc_document_free_big (root, g_bytes_get_size (bytes));
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = g_bytes_new (yaml->str, yaml->len);
  g_assert_cmpuint (g_bytes_get_size (bytes), >=, RC_DOCUMENT_BIG_SIZE);
  root = rc_document_parse (bytes, "big.yaml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (root), "items")), ==, n + 1);
  rc_document_free_big (root, g_bytes_get_size (bytes));
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A bracket for a brace at the end: the error comes back from the
   * thread. */
  g_string_truncate (json, json->len - 2);
  g_string_append (json, "]\n");
  bytes = g_bytes_new (json->str, json->len);
  root = rc_document_parse (bytes, "big.json", &error);
  g_assert_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "big.json"));
  g_assert_nonnull (strstr (error->message, "line "));
  g_assert_null (root);

  g_string_free (json, TRUE);
  g_string_free (yaml, TRUE);
}

static void
test_duplicate_names (void)
{
  g_autoptr(RcOpenApi) open_api = load_fixture ("duplicate-names.yaml", NULL);
  const char *const expected[] = {
    "dup", "dup_2", "dup_2_2", "dup_3", "get_c", "get_c_3", "get_c_2"
  };

  g_assert_cmpuint (rc_open_api_get_n_operations (open_api), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (rc_open_api_get_operation (open_api, i)->name, ==, expected[i]);
}

/* Thousands of operations with one operationId are named in linear time:
 * trying every suffix from _2 each time took minutes (the test's timeout
 * catches that; bench/bench-timings.c times it against its goal). */
static void
test_many_duplicate_names (void)
{
  guint n = 20000;
  g_autoptr(GBytes) bytes = rc_test_openapi_same_ids (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api = NULL;

  open_api = rc_open_api_new_from_bytes (bytes, "same.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rc_open_api_get_n_operations (open_api), ==, n);
  g_assert_cmpstr (rc_open_api_get_operation (open_api, 1)->name, ==, "same_2");
  g_assert_cmpstr (rc_open_api_get_operation (open_api, n - 1)->name, ==, "same_20000");
}

/* $refs multiply parameters: one path item with 1,000 of them and eight
 * operations, referenced from 130 paths, names 1,040,000. At most
 * RC_OPEN_API_MAX_PARAMETERS are kept, with a warning, in bounded time
 * (bench/bench-timings.c times it);
 * merging long lists is linear. */
static void
test_many_parameters (void)
{
  g_autoptr(GBytes) bytes = rc_test_openapi_many_params ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api = NULL;
  const RcOpenApiOperation *operation;
  gsize n_parameters = 0;

  open_api = rc_open_api_new_from_bytes (bytes, "many.json", NULL, &error);
  g_assert_no_error (error);

  operation = rc_open_api_get_operation (open_api, 0);
  g_assert_cmpuint (operation->parameters->len, ==, 2000);
  g_assert_true (((RcOpenApiParameter *)operation->parameters->pdata[0])->required);
  g_assert_cmpstr (((RcOpenApiParameter *)operation->parameters->pdata[1999])->name, ==, "p1999");
  for (guint i = 0; i < rc_open_api_get_n_operations (open_api); i++)
    n_parameters += rc_open_api_get_operation (open_api, i)->parameters->len;
  g_assert_cmpuint (n_parameters, ==, 1000000);  /* RC_OPEN_API_MAX_PARAMETERS */
  g_assert_true (has_warning (open_api, "more than 1000000 parameters in all", NULL));
}

/* The depth pre-scan skips strings: brackets inside them do not count,
 * an escaped quote does not end one, an escaped backslash before a quote
 * does, and an unterminated string is json-glib's to report. */
static void
test_too_deep_strings (void)
{
  GString *text = g_string_new ("{\"a\": \"\\\" ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_c (text, '[');
  g_string_append (text, "\", \"b\": \"\\\\\"}");
  bytes = g_string_free_to_bytes (text);
  root = rc_document_parse (bytes, "strings.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_size (json_node_get_object (root)), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "b"), ==, "\\");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&bytes, g_bytes_unref);

  text = g_string_new ("[\"\\\\\"");
  for (guint i = 0; i < 2000; i++)
    g_string_append (text, ",[");
  bytes = g_string_free_to_bytes (text);
  root = rc_document_parse (bytes, "deep-after-string.json", &error);
  g_assert_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_TOO_DEEP);
  g_assert_null (root);
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = g_bytes_new_static ("{\"a\": \"[[[\\\"", strlen ("{\"a\": \"[[[\\\""));
  root = rc_document_parse (bytes, "unterminated.json", &error);
  g_assert_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_SYNTAX);
  g_assert_null (root);
  g_clear_error (&error);

  /* json-glib reads single-quoted strings and skips comments: a double
   * quote inside either must not hide the nesting after it (this slipped
   * past the pre-scan and crashed). */
  for (guint hiding = 0; hiding < 2; hiding++)
    {
      g_autoptr(GBytes) deep = NULL;

      text = g_string_new (hiding == 0 ? "{\"openapi\": \"3.0.0\", \"x\": '\"', \"y\": "
                                       : "{\"openapi\": \"3.0.0\", /* \" */ \"y\": ");
      for (guint i = 0; i < 100000; i++)
        g_string_append_c (text, '[');
      for (guint i = 0; i < 100000; i++)
        g_string_append_c (text, ']');
      g_string_append_c (text, '}');
      deep = g_string_free_to_bytes (text);
      root = rc_document_parse (deep, "hidden.json", &error);
      g_assert_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_TOO_DEEP);
      g_assert_nonnull (strstr (error->message, "“hidden.json” is not valid JSON: line 1"));
      g_assert_nonnull (strstr (error->message, "nests deeper than 1000 levels"));
      g_assert_null (root);
      g_clear_error (&error);
    }
}

static void
parsed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RcOpenApi **open_api = user_data;
  g_autoptr(GError) error = NULL;

  *open_api = rc_open_api_load_finish (result, NULL, &error);
  g_assert_no_error (error);
}

/* Parsed in a worker thread (rc-openapi-loader.c). */
static void
test_async (void)
{
  g_autofree char *path = fixture_path ("petstore-3.1.yaml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RcOpenApi *open_api = NULL;

  rc_open_api_load_file_async (file, "petstore-3.1.yaml", NULL, NULL, NULL, NULL, parsed_cb,
                               &open_api);
  while (open_api == NULL)
    g_main_context_iteration (NULL, TRUE);

  check_petstore (open_api);
  g_assert_finalize_object (open_api);
}

/* External $refs */

static RcOpenApi *
load_external (const char         *name,
               RcOpenApiFetchFunc  fetch,
               gpointer            fetch_data)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GBytes) bytes = load_fixture_bytes (name);
  g_autoptr(GError) error = NULL;
  RcOpenApi *open_api =
    rc_open_api_new_from_bytes_full (bytes, name, NULL, uri, fetch, fetch_data, &error);

  g_assert_no_error (error);
  g_assert_nonnull (open_api);

  return open_api;
}

static void
check_external (RcOpenApi *open_api)
{
  const RcOpenApiOperation *operation;
  const RcOpenApiParameter *parameter;
  const RcOpenApiScheme *scheme;
  g_autoptr(RcAuth) auth = NULL;

  g_assert_cmpuint (rc_open_api_get_n_operations (open_api), ==, 5);

  /* Parameters from common.yaml, one through a $ref inside common.yaml. */
  operation = rc_open_api_find_operation (open_api, "listPets");
  g_assert_nonnull (operation);
  g_assert_cmpuint (operation->parameters->len, ==, 2);
  parameter = operation->parameters->pdata[0];
  g_assert_cmpstr (parameter->name, ==, "limit");
  g_assert_cmpstr (parameter->description, ==, "How many");
  parameter = operation->parameters->pdata[1];
  g_assert_cmpstr (parameter->name, ==, "offset");

  /* A path item that is a whole file, whose $refs are relative to it. */
  operation = rc_open_api_find_operation (open_api, "getPet");
  g_assert_nonnull (operation);
  g_assert_cmpstr (operation->path, ==, "/pets/{id}");
  g_assert_cmpuint (operation->parameters->len, ==, 1);
  parameter = operation->parameters->pdata[0];
  g_assert_cmpstr (parameter->name, ==, "id");
  g_assert_true (parameter->required);
  operation = rc_open_api_find_operation (open_api, "deletePet");
  g_assert_nonnull (operation);
  g_assert_cmpuint (operation->parameters->len, ==, 2);
  parameter = operation->parameters->pdata[1];
  g_assert_cmpstr (parameter->name, ==, "force");

  /* The OAuth scheme from shared/security.yaml, through a $ref in that file. */
  scheme = rc_open_api_find_scheme (open_api, "cc");
  g_assert_nonnull (scheme);
  g_assert_cmpstr (scheme->type, ==, "oauth2");
  g_assert_true (scheme->client_credentials);
  g_assert_cmpstr (scheme->token_url, ==, "https://ext.example.com/oauth/token");
  auth = rc_open_api_dup_auth (open_api, NULL, NULL);
  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_cmpstr (rc_auth_get_token_url (auth), ==, "https://ext.example.com/oauth/token");

  /* The cycle across two files ends; the parameter is left out. */
  operation = rc_open_api_find_operation (open_api, "cycle");
  g_assert_nonnull (operation);
  g_assert_cmpuint (operation->parameters->len, ==, 0);
  g_assert_true (has_warning (open_api, "cycle-a.yaml#/Param” at /paths/~1cycle/get/parameters/0",
                              "leads back to itself"));

  /* A missing file and a dangling pointer are named; a local $ref still works. */
  operation = rc_open_api_find_operation (open_api, "broken");
  g_assert_nonnull (operation);
  g_assert_cmpuint (operation->parameters->len, ==, 1);
  parameter = operation->parameters->pdata[0];
  g_assert_cmpstr (parameter->name, ==, "local");
  g_assert_true (has_warning (open_api, "“missing.yaml#/components/parameters/Nope”",
                              "missing.yaml”, which could not be read"));
  g_assert_true (has_warning (open_api, "“common.yaml#/components/parameters/Dangling”",
                              "common.yaml” (no “/components/parameters/Dangling” there)"));
  g_assert_cmpuint (g_strv_length ((GStrv)rc_open_api_get_warnings (open_api)), ==, 3);
}

static void
test_external_refs (void)
{
  g_autoptr(RcOpenApi) open_api = load_external ("external/main.yaml", NULL, NULL);

  check_external (open_api);
}

/* The files they point into are read in the worker thread. */
static void
test_external_refs_async (void)
{
  g_autofree char *path = fixture_path ("external/main.yaml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RcOpenApi *open_api = NULL;

  rc_open_api_load_file_async (file, "main.yaml", NULL, NULL, NULL, NULL, parsed_cb, &open_api);
  while (open_api == NULL)
    g_main_context_iteration (NULL, TRUE);

  check_external (open_api);
  g_assert_finalize_object (open_api);
}

/* A chain of $refs through more files than are read. */
static void
test_external_refs_limit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-refs-XXXXXX", NULL);
  g_autofree char *main_path = g_build_filename (dir, "main.yaml", NULL);
  g_autofree char *main_uri = g_filename_to_uri (main_path, NULL, NULL);
  const char *text = "openapi: 3.0.0\n"
                     "info: {title: Chain, version: '1'}\n"
                     "paths:\n"
                     "  /x:\n"
                     "    get:\n"
                     "      parameters: [{$ref: 'f0.yaml#/P'}]\n"
                     "      responses: {}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api = NULL;
  guint n = 150;

  for (guint i = 0; i <= n; i++)
    {
      g_autofree char *name = g_strdup_printf ("f%u.yaml", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = i < n ? g_strdup_printf ("P: {$ref: 'f%u.yaml#/P'}\n", i + 1)
                                        : g_strdup ("P: {name: deep, in: query}\n");

      g_assert_true (g_file_set_contents (path, contents, -1, NULL));
    }

  open_api =
    rc_open_api_new_from_bytes_full (bytes, "main.yaml", NULL, main_uri, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rc_open_api_get_operation (open_api, 0)->parameters->len, ==, 0);
  g_assert_true (has_warning (open_api, "more than 100 other documents", "f100.yaml"));

  for (guint i = 0; i <= n; i++)
    {
      g_autofree char *name = g_strdup_printf ("f%u.yaml", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

typedef struct
{
  GHashTable *documents;  /* URL → text */
  GPtrArray  *fetched;
} FakeWeb;

static GBytes *
fake_fetch (const char  *url,
            gpointer     user_data,
            GError     **error)
{
  FakeWeb *web = user_data;
  const char *text = g_hash_table_lookup (web->documents, url);

  g_ptr_array_add (web->fetched, g_strdup (url));
  if (text == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the server answered 404 Not Found");
      return NULL;
    }

  return g_bytes_new_static (text, strlen (text));
}

/* A downloaded document's $refs: fetched only with a fetch function, each
 * URL once, relative to the document holding them, on the document's own
 * origin unless other origins are allowed; never into local files. */
static void
test_remote_refs (void)
{
  const char *text = "openapi: 3.0.0\n"
                     "info: {title: Remote, version: '1'}\n"
                     "servers: [{url: 'https://api.example.com/v1'}]\n"
                     "paths:\n"
                     "  /x:\n"
                     "    get:\n"
                     "      operationId: x\n"
                     "      parameters:\n"
                     "        - $ref: 'common.yaml#/P'\n"
                     "        - $ref: 'common.yaml#/Q'\n"
                     "        - $ref: 'common.yaml#/Local'\n"
                     "        - $ref: 'https://other.example.com/gone.yaml#/P'\n"
                     "      responses: {}\n";
  const char *common = "P: {name: p, in: query}\n"
                       "Q: {$ref: 'sub/q.yaml'}\n"
                       "Local: {$ref: 'file:///etc/hostname'}\n";
  const char *q = "name: q\nin: header\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api = NULL;
  g_autoptr(RcOpenApi) offline = NULL;
  g_autoptr(RcOpenApi) anywhere = NULL;
  const RcOpenApiOperation *operation;
  FakeWeb web = { g_hash_table_new (g_str_hash, g_str_equal),
                  g_ptr_array_new_with_free_func (g_free) };
  RcOpenApiRefOptions options = { "https://api.example.com/v1/openapi.yaml", fake_fetch, &web,
                                  TRUE };

  g_hash_table_insert (web.documents, "https://api.example.com/v1/common.yaml", (gpointer)common);
  g_hash_table_insert (web.documents, "https://api.example.com/v1/sub/q.yaml", (gpointer)q);

  open_api = rc_open_api_new_from_bytes_full (bytes, "remote.yaml", NULL,
                                              "https://api.example.com/v1/openapi.yaml",
                                              fake_fetch, &web, &error);
  g_assert_no_error (error);
  operation = rc_open_api_find_operation (open_api, "x");
  g_assert_cmpuint (operation->parameters->len, ==, 2);
  g_assert_cmpstr (((RcOpenApiParameter *)operation->parameters->pdata[0])->name, ==, "p");
  g_assert_cmpstr (((RcOpenApiParameter *)operation->parameters->pdata[1])->name, ==, "q");
  g_assert_cmpuint (web.fetched->len, ==, 2);
  g_assert_cmpstr (web.fetched->pdata[0], ==, "https://api.example.com/v1/common.yaml");
  g_assert_cmpstr (web.fetched->pdata[1], ==, "https://api.example.com/v1/sub/q.yaml");
  g_assert_true (has_warning (open_api, "“file:///etc/hostname#”", "points to a local file"));
  g_assert_true (has_warning (
    open_api, "https://other.example.com/gone.yaml”, which is not on the document’s own origin",
    "--allow-external-refs"));
  g_assert_cmpstrv (rc_open_api_get_external_documents (open_api),
                    ((const char * const[]) { "https://other.example.com/gone.yaml", NULL }));

  /* Other origins too, when allowed. */
  g_ptr_array_set_size (web.fetched, 0);
  anywhere = rc_open_api_new_from_bytes_with_options (bytes, "remote.yaml", NULL, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (web.fetched->len, ==, 3);
  g_assert_cmpstr (web.fetched->pdata[2], ==, "https://other.example.com/gone.yaml");
  g_assert_true (has_warning (anywhere, "“file:///etc/hostname#”", "points to a local file"));
  g_assert_true (has_warning (
    anywhere, "https://other.example.com/gone.yaml”, which could not be read", "404 Not Found"));
  g_assert_cmpuint (g_strv_length ((char **) rc_open_api_get_external_documents (anywhere)), ==, 0);

  /* Without a fetch function nothing is fetched. */
  offline = rc_open_api_new_from_bytes_full (
    bytes, "remote.yaml", NULL, "https://api.example.com/v1/openapi.yaml", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rc_open_api_find_operation (offline, "x")->parameters->len, ==, 0);
  g_assert_true (
    has_warning (offline, "“common.yaml#/P”", "was not fetched, so what it describes is left out"));
  g_assert_cmpstrv (rc_open_api_get_unfetched_documents (offline),
                    ((const char * const[]) { "https://api.example.com/v1/common.yaml",
                                               "https://other.example.com/gone.yaml", NULL }));
  g_assert_cmpuint (g_strv_length ((char **) rc_open_api_get_unfetched_documents (open_api)), ==,
                    0);

  g_hash_table_unref (web.documents);
  g_ptr_array_unref (web.fetched);
}

/* $refs in bounds */

/* Removes @path and all below it; links are removed, never followed. */
static void
remove_tree (const char *path)
{
  GDir *dir;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && (dir = g_dir_open (path, 0, NULL)))
    {
      const char *name;

      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

#define BOUNDS_MAIN "openapi: 3.0.0\n" \
                    "info: {title: Bounds, version: '1'}\n" \
                    "paths:\n" \
                    "  /x:\n" \
                    "    get:\n" \
                    "      operationId: x\n" \
                    "      parameters:\n" \
                    "        - $ref: 'in.yaml#/P'\n" \
                    "        - $ref: 'sub/deep.yaml#/P'\n" \
                    "        - $ref: '../outside.yaml#/P'\n" \
                    "        - $ref: 'link.yaml#/P'\n" \
                    "        - $ref: 'fifo.yaml#/P'\n" \
                    "        - $ref: 'big.yaml#/P'\n" \
                    "        - $ref: '/dev/zero#/P'\n" \
                    "        - $ref: '/dev/stdin#/P'\n" \
                    "      responses: {}\n"

typedef struct
{
  char   *top;
  char   *main_uri;
  char   *outside_uri;
  char   *link_uri;
  GBytes *bytes;
} Bounds;

/* top/doc/main.yaml refers to: top/doc/in.yaml and top/doc/sub/deep.yaml
 * (in bounds), top/outside.yaml (out), top/doc/link.yaml (a link to
 * it), top/doc/fifo.yaml (a pipe nobody writes to), top/doc/big.yaml (a
 * sparse file of 65 MiB) and /dev/zero and /dev/stdin. */
static void
bounds_setup (Bounds *bounds)
{
  g_autofree char *doc = NULL;
  g_autofree char *path = NULL;
  int fd;

  bounds->top = g_dir_make_tmp ("restcall-bounds-XXXXXX", NULL);
  doc = g_build_filename (bounds->top, "doc", "sub", NULL);
  g_assert_cmpint (g_mkdir_with_parents (doc, 0700), ==, 0);
  g_free (doc);
  doc = g_build_filename (bounds->top, "doc", NULL);

#define WRITE(dir, name, text) \
  G_STMT_START { \
    g_autofree char *file = g_build_filename (dir, name, NULL); \
    g_assert_true (g_file_set_contents (file, text, -1, NULL)); \
  } G_STMT_END
  WRITE (doc, "main.yaml", BOUNDS_MAIN);
  WRITE (doc, "in.yaml", "P: {name: in, in: query}\n");
  WRITE (doc, "sub/deep.yaml", "P: {name: deep, in: query}\n");
  WRITE (bounds->top, "outside.yaml", "P: {name: outside, in: query}\n");
#undef WRITE

  path = g_build_filename (doc, "link.yaml", NULL);
  g_assert_cmpint (symlink ("../outside.yaml", path), ==, 0);
  bounds->link_uri = g_filename_to_uri (path, NULL, NULL);
  g_free (path);

  path = g_build_filename (doc, "fifo.yaml", NULL);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_free (path);

  path = g_build_filename (doc, "big.yaml", NULL);
  fd = g_open (path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 65 << 20), ==, 0);
  close (fd);
  g_free (path);

  path = g_build_filename (doc, "main.yaml", NULL);
  bounds->main_uri = g_filename_to_uri (path, NULL, NULL);
  g_free (path);
  path = g_build_filename (bounds->top, "outside.yaml", NULL);
  bounds->outside_uri = g_filename_to_uri (path, NULL, NULL);
  bounds->bytes = g_bytes_new_static (BOUNDS_MAIN, strlen (BOUNDS_MAIN));
}

static void
bounds_clear (Bounds *bounds)
{
  remove_tree (bounds->top);
  g_free (bounds->top);
  g_free (bounds->main_uri);
  g_free (bounds->outside_uri);
  g_free (bounds->link_uri);
  g_bytes_unref (bounds->bytes);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bounds, bounds_clear)

static char *
dup_parameter_names (RcOpenApi *open_api)
{
  const RcOpenApiOperation *operation = rc_open_api_find_operation (open_api, "x");
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < operation->parameters->len; i++)
    g_strv_builder_add (names, ((RcOpenApiParameter *) operation->parameters->pdata[i])->name);
  strv = g_strv_builder_end (names);

  return g_strjoinv (" ", strv);
}

/* A local document's $refs read regular files under the size cap, inside
 * its folder (links resolved); the rest is left out, said, and listed. A
 * device, a pipe or standard input is never opened for reading. */
static void
test_ref_bounds (void)
{
  g_auto(Bounds) bounds = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api = NULL;
  g_autofree char *names = NULL;

  bounds_setup (&bounds);
  open_api = rc_open_api_new_from_bytes_full (bounds.bytes, "main.yaml", NULL, bounds.main_uri,
                                              NULL, NULL, &error);
  g_assert_no_error (error);

  names = dup_parameter_names (open_api);
  g_assert_cmpstr (names, ==, "in deep");
  g_assert_true (has_warning (open_api, "“../outside.yaml#/P”", "outside the document’s folder"));
  g_assert_true (has_warning (open_api, "“link.yaml#/P”", "--allow-external-refs"));
  g_assert_true (has_warning (open_api, "“/dev/zero#/P”", "outside the document’s folder"));
  g_assert_true (has_warning (open_api, "“/dev/stdin#/P”", "outside the document’s folder"));
  g_assert_true (has_warning (open_api, "“fifo.yaml#/P”",
                              "it is not a regular file, and only regular files are read"));
  g_assert_true (
    has_warning (open_api, "“big.yaml#/P”", "it is larger than 64 MiB, the most Restcall reads"));
  g_assert_cmpstrv (rc_open_api_get_external_documents (open_api),
                    ((const char *const[]){ bounds.outside_uri, bounds.link_uri, "file:///dev/zero",
                                            "file:///dev/stdin", NULL }));
}

/* Out of bounds when allowed: any regular file, a link's target too; never
 * a device, a pipe or standard input, nor a file past the cap. */
static void
test_ref_bounds_allowed (void)
{
  g_auto(Bounds) bounds = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) anywhere = NULL;
  g_autoptr(RcOpenApi) one = NULL;
  g_autofree char *names = NULL;
  RcOpenApiRefOptions options = { NULL };
  const char *allowed[2] = { NULL };

  bounds_setup (&bounds);
  options.document_uri = bounds.main_uri;
  options.allow_external = TRUE;
  anywhere =
    rc_open_api_new_from_bytes_with_options (bounds.bytes, "main.yaml", NULL, &options, &error);
  g_assert_no_error (error);
  names = dup_parameter_names (anywhere);
  g_assert_cmpstr (names, ==, "in deep outside");
  g_assert_true (has_warning (anywhere, "“/dev/zero#/P”", "it is not a regular file"));
  g_assert_true (has_warning (anywhere, "“/dev/stdin#/P”", "it is not a regular file"));
  g_assert_true (has_warning (anywhere, "“fifo.yaml#/P”", "it is not a regular file"));
  g_assert_true (has_warning (anywhere, "“big.yaml#/P”", "larger than 64 MiB"));
  g_assert_cmpuint (g_strv_length ((char **) rc_open_api_get_external_documents (anywhere)), ==, 0);

  /* Only the documents allowed by name; and a smaller cap. */
  allowed[0] = bounds.link_uri;
  options.allow_external = FALSE;
  options.allowed_documents = allowed;
  options.max_document_size = 16;
  one = rc_open_api_new_from_bytes_with_options (bounds.bytes, "main.yaml", NULL, &options, &error);
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = dup_parameter_names (one);
  g_assert_cmpstr (names, ==, "");
  g_assert_true (has_warning (one, "“in.yaml#/P”", "it is larger than 16 bytes"));
  g_assert_true (has_warning (one, "“link.yaml#/P”", "it is larger than 16 bytes"));
  g_assert_true (has_warning (one, "“../outside.yaml#/P”", "outside the document’s folder"));
  g_assert_cmpstrv (
    rc_open_api_get_external_documents (one),
    ((const char *const[]){ bounds.outside_uri, "file:///dev/zero", "file:///dev/stdin", NULL }));
}

/* A chain of 5,000 $refs used by 1,000 paths (175 KB) is followed once:
 * each $ref is looked up once, and the paths reuse where it led. The same
 * for a cycle of 5,000: it ends, once, with a warning for each path. */
static void
test_ref_chain_linear (void)
{
  for (guint cycle = 0; cycle < 2; cycle++)
    {
      GString *text =
        g_string_new ("{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RcOpenApi) open_api = NULL;

      for (guint i = 0; i < 5000; i++)
        g_string_append_printf (text, ", \"x-%u\": {\"$ref\": \"#/x-%u\"}", i,
                                cycle && i == 4999 ? 0 : i + 1);
      g_string_append (text, ", \"x-5000\": {\"get\": {\"responses\": {}}}, \"paths\": {");
      for (guint i = 0; i < 1000; i++)
        g_string_append_printf (text, "%s\"/p%u\": {\"$ref\": \"#/x-0\"}", i ? ", " : "", i);
      g_string_append (text, "}}");
      bytes = g_string_free_to_bytes (text);
      g_test_message ("%s: %zu bytes", cycle ? "A cycle" : "A chain", g_bytes_get_size (bytes));

      open_api = rc_open_api_new_from_bytes (bytes, "chain.json", NULL, &error);
      g_assert_no_error (error);
      /* How many $ref links were followed, all paths together: the
       * paths' $ref once, then each of the chain once (N × M before). */
      g_test_message ("%" G_GUINT64_FORMAT " $ref steps", open_api->n_ref_steps);
      g_assert_cmpuint (open_api->n_ref_steps, ==, cycle ? 5000 : 5001);
      if (cycle)
        {
          g_assert_cmpuint (rc_open_api_get_n_operations (open_api), ==, 0);
          g_assert_true (has_warning (open_api, "“#/x-0” at /paths/~1p0", "leads back to itself"));
          g_assert_true (
            has_warning (open_api, "“#/x-0” at /paths/~1p500", "leads back to itself"));
        }
      else
        {
          g_assert_cmpuint (rc_open_api_get_n_operations (open_api), ==, 1000);
          g_assert_cmpstr (rc_open_api_get_operation (open_api, 999)->path, ==, "/p999");
        }
    }
}

/* GLib's relaxed URI parser reads "https://a;b/x" as host "" and path
 * ";b/x", and then fails a critical making it a string; "file:/..///x"
 * leaves no host and a path that starts with "//", which fails another
 * (found by fuzzing). Such a $ref is left out with a warning. */
static void
test_ref_url_with_semicolon (void)
{
  const char *text = "openapi: 3.0.0\n"
                     "info: {title: Odd, version: '1'}\n"
                     "paths:\n"
                     "  /x:\n"
                     "    get:\n"
                     "      operationId: x\n"
                     "      parameters:\n"
                     "        - $ref: 'https://a;b/common.yaml#/P'\n"
                     "        - $ref: '//;c/common.yaml#/P'\n"
                     "        - $ref: 'file:/..///etc/hostname#/x'\n"
                     "      responses: {}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api = NULL;
  FakeWeb web = { g_hash_table_new (g_str_hash, g_str_equal),
                  g_ptr_array_new_with_free_func (g_free) };

  open_api = rc_open_api_new_from_bytes_full (
    bytes, "odd.yaml", NULL, "https://api.example.com/v1/openapi.yaml", fake_fetch, &web, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rc_open_api_find_operation (open_api, "x")->parameters->len, ==, 0);
  g_assert_true (has_warning (open_api, "“https://a;b/common.yaml#/P”", "is left out"));
  g_assert_true (has_warning (open_api, "“//;c/common.yaml#/P”", "is left out"));
  g_assert_true (has_warning (open_api, "“file:/..///etc/hostname#/x”", "is left out"));

  g_hash_table_unref (web.documents);
  g_ptr_array_unref (web.fetched);
}

/* The command line */

static void
test_cli_json (void)
{
  g_autofree char *path = fixture_path ("petstore-2.0.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(RcTestRun) run = { 0 };
  JsonObject *root, *operation, *auth;
  JsonArray *operations, *security;

  rc_test_run_restcall (&run, NULL, NULL, "import", path, "--json");
  if (g_test_failed () || run.out == NULL)
    return;
  g_assert_cmpint (run.status, ==, 0);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "swagger-2.0");
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Petstore");
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "1.0.0");
  g_assert_cmpstr (
    json_array_get_string_element (json_object_get_array_member (root, "servers"), 0), ==,
    "https://api.example.com/v1");

  operations = json_object_get_array_member (root, "operations");
  g_assert_cmpuint (json_array_get_length (operations), ==, 6);
  operation = json_array_get_object_element (operations, 2);
  g_assert_cmpstr (json_object_get_string_member (operation, "method"), ==, "GET");
  g_assert_cmpstr (json_object_get_string_member (operation, "path"), ==, "/pets/{petId}");
  g_assert_cmpstr (json_object_get_string_member (operation, "operation_id"), ==, "getPet");
  security = json_object_get_array_member (operation, "security");
  g_assert_cmpuint (json_array_get_length (security), ==, 2);
  g_assert_cmpstr (
    json_array_get_string_element (
      json_object_get_array_member (
        json_array_get_object_element (json_array_get_array_element (security, 0), 0), "scopes"),
      0),
    ==, "read:pets");

  auth = json_object_get_object_member (root, "auth");
  g_assert_cmpstr (json_object_get_string_member (auth, "type"), ==, "oauth2-client-credentials");
  g_assert_cmpstr (json_object_get_string_member (auth, "token_url"), ==,
                   "https://api.example.com/oauth/token");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "security_schemes")),
                    ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "warnings")), ==, 0);
}

static void
test_cli_external_refs (void)
{
  g_autofree char *path = fixture_path ("external/main.yaml");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(RcTestRun) run = { 0 };
  JsonObject *root, *auth, *scheme;
  JsonArray *warnings;
  gboolean named = FALSE;

  rc_test_run_restcall (&run, NULL, NULL, "import", path, "--json", "--allow-remote-refs");
  if (g_test_failed () || run.out == NULL)
    return;
  g_assert_cmpint (run.status, ==, 0);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "operations")), ==,
                    5);
  scheme =
    json_array_get_object_element (json_object_get_array_member (root, "security_schemes"), 0);
  g_assert_cmpstr (json_object_get_string_member (scheme, "name"), ==, "cc");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (scheme, "client_credentials"), "token_url"),
                   ==, "https://ext.example.com/oauth/token");
  auth = json_object_get_object_member (root, "auth");
  g_assert_cmpstr (json_object_get_string_member (auth, "type"), ==, "oauth2-client-credentials");
  g_assert_cmpstr (json_object_get_string_member (auth, "token_url"), ==,
                   "https://ext.example.com/oauth/token");

  warnings = json_object_get_array_member (root, "warnings");
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    if (strstr (json_array_get_string_element (warnings, i),
                "missing.yaml”, which could not be read"))
      named = TRUE;
  g_assert_true (named);
}

#define REMOTE_MAIN "openapi: 3.0.0\n" \
                    "info: {title: Remote, version: '1'}\n" \
                    "security: [{cc: []}]\n" \
                    "paths:\n" \
                    "  /pets:\n" \
                    "    get:\n" \
                    "      operationId: listPets\n" \
                    "      parameters: [{$ref: 'common.yaml#/Limit'}]\n" \
                    "      responses: {}\n" \
                    "components:\n" \
                    "  securitySchemes:\n" \
                    "    cc: {$ref: 'shared/security.yaml#/cc'}\n"

static void
remote_handler (RcTestServer      *server,
                SoupServerMessage *message,
                const char        *path,
                gpointer           user_data)
{
  if (g_str_equal (path, "/v1/openapi.yaml"))
    rc_test_respond (message, 200, "application/yaml", REMOTE_MAIN);
  else if (g_str_equal (path, "/v1/common.yaml"))
    rc_test_respond (message, 200, "application/yaml", "Limit:\n  name: limit\n  in: query\n");
  else if (g_str_equal (path, "/v1/shared/security.yaml"))
    rc_test_respond (message, 200, "application/yaml",
                     "cc:\n"
                     "  type: oauth2\n"
                     "  flows:\n"
                     "    clientCredentials:\n"
                     "      tokenUrl: ../token\n"
                     "      scopes: {}\n");
  else
    rc_test_respond (message, 404, "text/plain", "not here");
}

/* A downloaded document's $refs are fetched with --allow-remote-refs only. */
static void
test_cli_remote_refs (void)
{
  g_autoptr(RcTestServer) server = rc_test_server_new (FALSE);
  g_autofree char *url = NULL;
  g_autofree char *token_url = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(RcTestRun) allowed = { 0 };
  g_auto(RcTestRun) refused = { 0 };
  JsonObject *root, *operation, *auth;

  if (g_getenv ("RESTCALL_BIN") == NULL)
    {
      g_test_skip ("RESTCALL_BIN is not set");
      return;
    }

  server->handler = remote_handler;
  url = rc_test_server_url (server, "/v1/openapi.yaml");
  token_url = rc_test_server_url (server, "/token");

  rc_test_run_restcall (&allowed, NULL, NULL, "import", url, "--json", "--allow-remote-refs");
  g_assert_cmpint (allowed.status, ==, 0);
  json_parser_load_from_data (parser, allowed.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  operation = json_array_get_object_element (json_object_get_array_member (root, "operations"), 0);
  g_assert_cmpstr (
    json_object_get_string_member (
      json_array_get_object_element (json_object_get_array_member (operation, "parameters"), 0),
      "name"),
    ==, "limit");
  auth = json_object_get_object_member (root, "auth");
  g_assert_cmpstr (json_object_get_string_member (auth, "type"), ==, "oauth2-client-credentials");
  g_assert_cmpstr (json_object_get_string_member (auth, "token_url"), ==, token_url);
  g_assert_nonnull (rc_test_find_request (server, "/v1/common.yaml"));
  g_assert_nonnull (rc_test_find_request (server, "/v1/shared/security.yaml"));

  rc_test_run_restcall (&refused, NULL, NULL, "import", url);
  g_assert_cmpint (refused.status, ==, 0);
  g_assert_nonnull (strstr (refused.err, "was not fetched, so what it describes is left out"));
  g_assert_nonnull (strstr (refused.err, "--allow-remote-refs"));
  g_assert_nonnull (strstr (refused.out, "1 operation"));
}

/* `restcall import FILE` keeps $refs in the file's folder, reads regular
 * files only, under the cap; --allow-external-refs reads other files. */
static void
test_cli_ref_bounds (void)
{
  g_auto(Bounds) bounds = { 0 };
  g_autofree char *path = NULL;
  g_auto(RcTestRun) run = { 0 };
  g_auto(RcTestRun) allowed = { 0 };

  if (g_getenv ("RESTCALL_BIN") == NULL)
    {
      g_test_skip ("RESTCALL_BIN is not set");
      return;
    }

  bounds_setup (&bounds);
  path = g_filename_from_uri (bounds.main_uri, NULL, NULL);

  rc_test_run_restcall (&run, NULL, NULL, "import", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 operation"));
  g_assert_nonnull (strstr (run.err, "“../outside.yaml#/P”"));
  g_assert_nonnull (strstr (run.err, "outside the document’s folder"));
  g_assert_nonnull (strstr (run.err, "--allow-external-refs"));
  g_assert_nonnull (
    strstr (run.err, "fifo.yaml”, which could not be read (it is not a regular file"));
  g_assert_nonnull (
    strstr (run.err, "big.yaml”, which could not be read (it is larger than 64 MiB"));

  rc_test_run_restcall (&allowed, NULL, NULL, "import", path, "--json", "--allow-external-refs",
                        "--max-size", "1K");
  g_assert_cmpint (allowed.status, ==, 0);
  g_assert_nonnull (strstr (allowed.out, "\"name\" : \"outside\""));
  g_assert_nonnull (
    strstr (allowed.out, "/dev/zero”, which could not be read (it is not a regular file"));
  g_assert_nonnull (
    strstr (allowed.out, "big.yaml”, which could not be read (it is larger than 1 KiB"));
}

static void
limits_handler (RcTestServer      *server,
                SoupServerMessage *message,
                const char        *path,
                gpointer           user_data)
{
  const char *other = user_data;

  if (g_str_equal (path, "/drip.yaml"))
    rc_test_respond_drip (message, "application/yaml", "openapi: 3.0.0\n", 100, NULL);
  else if (g_str_equal (path, "/endless.yaml"))
    /* As good as endless: 48 MiB at most. */
    rc_test_respond_stream (message, 200, "application/yaml", 48 << 20, 0, NULL);
  else if (g_str_equal (path, "/main.yaml"))
    {
      g_autofree char *text = g_strdup_printf ("openapi: 3.0.0\n"
                                               "info: {title: Limits, version: '1'}\n"
                                               "paths:\n"
                                               "  /x:\n"
                                               "    get:\n"
                                               "      operationId: x\n"
                                               "      parameters:\n"
                                               "        - $ref: 'common.yaml#/P'\n"
                                               "        - $ref: 'endless.yaml#/P'\n"
                                               "        - $ref: '%scommon.yaml#/Q'\n"
                                               "      responses: {}\n",
                                               other);

      rc_test_respond (message, 200, "application/yaml", text);
    }
  else if (g_str_equal (path, "/common.yaml"))
    rc_test_respond (message, 200, "application/yaml",
                     "P: {name: p, in: query}\nQ: {name: q, in: query}\n");
  else
    rc_test_respond (message, 404, "text/plain", "not here");
}

/* `restcall import URL`: a whole-download deadline (--timeout), a size
 * cap (--max-size), and $refs on the document's own origin only, unless
 * --allow-external-refs. */
static void
test_cli_import_limits (void)
{
  g_autoptr(RcTestServer) server = rc_test_server_new (FALSE);
  g_autoptr(RcTestServer) other = rc_test_server_new (FALSE);
  g_autofree char *other_url = rc_test_server_url (other, "/");
  g_autofree char *drip = rc_test_server_url (server, "/drip.yaml");
  g_autofree char *endless = rc_test_server_url (server, "/endless.yaml");
  g_autofree char *main_url = rc_test_server_url (server, "/main.yaml");
  g_autofree char *other_common = rc_test_server_url (other, "/common.yaml");
  g_auto(RcTestRun) slow = { 0 };
  g_auto(RcTestRun) big = { 0 };
  g_auto(RcTestRun) same_origin = { 0 };
  g_auto(RcTestRun) anywhere = { 0 };
  g_auto(RcTestRun) usage = { 0 };

  if (g_getenv ("RESTCALL_BIN") == NULL)
    {
      g_test_skip ("RESTCALL_BIN is not set");
      return;
    }

  server->handler = limits_handler;
  server->handler_data = other_url;
  other->handler = limits_handler;
  other->handler_data = other_url;

  rc_test_run_restcall (&slow, NULL, NULL, "import", drip, "--timeout", "1");
  g_assert_cmpint (slow.status, ==, 8);
  g_assert_nonnull (strstr (slow.err, drip));
  g_assert_nonnull (strstr (slow.err, "it did not arrive in full within 1 second"));
  g_assert_nonnull (strstr (slow.err, "--timeout"));

  rc_test_run_restcall (&big, NULL, NULL, "import", endless, "--max-size", "1M");
  g_assert_cmpint (big.status, ==, 1);
  g_assert_nonnull (strstr (big.err, endless));
  g_assert_nonnull (strstr (big.err, "it is larger than 1 MiB once decompressed"));
  g_assert_nonnull (strstr (big.err, "--max-size"));

  /* Remote $refs: the document's origin only, each under the cap. */
  rc_test_run_restcall (&same_origin, NULL, NULL, "import", main_url, "--allow-remote-refs",
                        "--max-size", "1M");
  g_assert_cmpint (same_origin.status, ==, 0);
  g_assert_nonnull (strstr (same_origin.out, "1 operation"));
  g_assert_nonnull (
    strstr (same_origin.err, "endless.yaml”, which could not be read (it is larger than 1 MiB"));
  g_assert_nonnull (strstr (same_origin.err, other_common));
  g_assert_nonnull (strstr (same_origin.err, "not on the document’s own origin"));
  g_assert_cmpuint (other->requests->len, ==, 0);

  rc_test_run_restcall (&anywhere, NULL, NULL, "import", main_url, "--json",
                        "--allow-external-refs", "--max-size", "1M");
  g_assert_cmpint (anywhere.status, ==, 0);
  g_assert_nonnull (strstr (anywhere.out, "\"name\" : \"q\""));
  g_assert_cmpuint (other->requests->len, ==, 1);

  rc_test_run_restcall (&usage, NULL, NULL, "import", main_url, "--timeout", "0");
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "--timeout takes a number of seconds"));
}

static void
test_cli_into (void)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-import-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "pets.restcall", NULL);
  g_autofree char *yaml = fixture_path ("petstore-3.0.yaml");
  g_autofree char *json = fixture_path ("petstore-2.0.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(RcTestRun) first = { 0 };
  g_auto(RcTestRun) again = { 0 };
  g_auto(RcTestRun) second = { 0 };
  g_auto(RcTestRun) show = { 0 };
  JsonArray *apis;
  JsonObject *api, *auth;

  rc_test_run_restcall (&first, NULL, NULL, "import", yaml, "--into", project);
  if (g_test_failed () || first.out == NULL)
    return;
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "Added the API “Petstore” with 6 methods"));

  /* The same name again is refused, and the file kept. */
  rc_test_run_restcall (&again, NULL, NULL, "import", yaml, "--into", project);
  g_assert_cmpint (again.status, ==, 3);
  g_assert_nonnull (strstr (again.err, "already has an API named “Petstore”"));

  rc_test_run_restcall (&second, NULL, NULL, "import", json, "--into", project, "--api-name",
                        "Admin", "--tag", "admin");
  g_assert_cmpint (second.status, ==, 0);

  rc_test_run_restcall (&show, NULL, NULL, "show", project, "--json");
  g_assert_cmpint (show.status, ==, 0);
  json_parser_load_from_data (parser, show.out, -1, &error);
  g_assert_no_error (error);
  apis =
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "apis");
  g_assert_cmpuint (json_array_get_length (apis), ==, 2);

  /* The server's variable {host} stays one: {{host}}. */
  api = json_array_get_object_element (apis, 0);
  g_assert_cmpstr (json_object_get_string_member (api, "name"), ==, "Petstore");
  g_assert_cmpstr (json_object_get_string_member (api, "base_url"), ==, "https://{{host}}/v1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (api, "methods")), ==, 6);
  auth = json_object_get_object_member (api, "auth");
  g_assert_cmpstr (json_object_get_string_member (auth, "type"), ==, "oauth2-client-credentials");
  g_assert_cmpstr (json_object_get_string_member (auth, "token_url"), ==,
                   "https://{{host}}/oauth/token");

  api = json_array_get_object_element (apis, 1);
  g_assert_cmpstr (json_object_get_string_member (api, "name"), ==, "Admin");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (api, "methods")), ==, 1);
  auth = json_object_get_object_member (api, "auth");
  g_assert_cmpstr (json_object_get_string_member (auth, "scopes"), ==, "admin");

  g_remove (project);
  g_rmdir (dir);
}

static void
test_cli_errors (void)
{
  g_autofree char *broken = fixture_path ("broken.yaml");
  g_autofree char *petstore = fixture_path ("petstore-3.0.yaml");
  g_auto(RcTestRun) syntax = { 0 };
  g_auto(RcTestRun) missing = { 0 };
  g_auto(RcTestRun) usage = { 0 };
  g_auto(RcTestRun) lonely = { 0 };

  rc_test_run_restcall (&syntax, NULL, NULL, "import", broken);
  if (g_test_failed () || syntax.out == NULL)
    return;
  g_assert_cmpint (syntax.status, ==, 3);
  g_assert_cmpstr (syntax.out, ==, "");
  g_assert_true (g_str_has_prefix (syntax.err, "restcall: "));
  g_assert_nonnull (strstr (syntax.err, "broken.yaml” is not valid YAML: line 8, column 3"));
  g_assert_nonnull (strchr (syntax.err, '\n'));
  g_assert_cmpstr (strchr (syntax.err, '\n'), ==, "\n");

  rc_test_run_restcall (&missing, NULL, NULL, "import", "/nonexistent/openapi.yaml");
  g_assert_cmpint (missing.status, ==, 3);
  g_assert_nonnull (strstr (missing.err, "does not exist"));

  rc_test_run_restcall (&usage, NULL, NULL, "import");
  g_assert_cmpint (usage.status, ==, 2);

  rc_test_run_restcall (&lonely, NULL, NULL, "import", petstore, "--tag", "pets");
  g_assert_cmpint (lonely.status, ==, 2);
}

static gboolean
warned (RcOpenApi  *api,
        const char *part)
{
  const char * const *warnings = rc_open_api_get_warnings (api);

  for (guint i = 0; warnings[i]; i++)
    {
      if (strstr (warnings[i], part))
        return TRUE;
    }

  return FALSE;
}

/* A request body content type that is not a media type would add headers
 * and a request to every call: it is left out, and so is an operation left
 * with none, each with a warning that names it; the rest is imported. */
static void
test_smuggled_media_types (void)
{
  g_autoptr(RcOpenApi) api = load_fixture ("smuggling.yaml", NULL);
  g_autoptr(RcOpenApi) swagger = NULL;
  g_autoptr(RcApi) built = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *warnings = rc_open_api_get_warnings (api);

  for (guint i = 0; warnings[i]; i++)
    {
      g_test_message ("warning: %s", warnings[i]);
      g_assert_null (strchr (warnings[i], '\r'));
      g_assert_null (strchr (warnings[i], '\n'));
    }

  g_assert_cmpuint (rc_open_api_get_n_operations (api), ==, 2);
  g_assert_cmpstr (rc_open_api_get_operation (api, 0)->name, ==, "listPets");
  g_assert_cmpstr (rc_open_api_get_operation (api, 1)->name, ==, "addPet");
  g_assert_cmpuint (g_strv_length (rc_open_api_get_operation (api, 1)->request_media_types), ==, 1);
  g_assert_cmpstr (rc_open_api_get_operation (api, 1)->request_media_types[0], ==,
                   "application/json");

  g_assert_true (warned (
    api, "The operation “addPet” (POST /pets) declares the request body content type "
         "“text/plain\\r\\nContent-Length: 1\\r\\n\\r\\nxGET /steal HTTP/1.1\\r\\nX-Ignore: ”, "
         "which is not a media type"));
  g_assert_true (
    warned (api, "The operation “stealPet” (POST /steal) is left out: its request body’s content "
                 "type “text/plain\\r\\nContent-Length: 1"));
  g_assert_true (warned (api,
                         "The operation PUT /steal is left out: its request body’s content type "
                         "“application/json; charset” is not a media type"));

  built = rc_open_api_build_api (api, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rc_api_get_n_methods (built), ==, 2);
  g_assert_cmpstr (rc_method_get_content_type (rc_api_get_method (built, 1)), ==,
                   "application/json");

  /* Swagger's consumes, likewise. */
  swagger = parse_text ("swagger: '2.0'\ninfo: {title: S, version: '1'}\n"
                        "consumes: [\"application/json\\nX-Evil: 1\"]\n"
                        "paths:\n  /a:\n    post:\n      operationId: postA\n"
                        "      parameters: [{name: b, in: body, schema: {}}]\n"
                        "    put:\n      operationId: putA\n      consumes: [text/plain]\n"
                        "      parameters: [{name: b, in: body, schema: {}}]\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rc_open_api_get_n_operations (swagger), ==, 1);
  g_assert_cmpstr (rc_open_api_get_operation (swagger, 0)->name, ==, "putA");
  g_assert_true (
    warned (swagger, "The operation “postA” (POST /a) is left out: its request body’s content type "
                     "“application/json\\nX-Evil: 1” is not a media type"));
}

/* restcall import reports the operations left out, and adds the rest. */
static void
test_cli_smuggling (void)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-import-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "pets.restcall", NULL);
  g_autofree char *yaml = fixture_path ("smuggling.yaml");
  g_autoptr(GFile) file = g_file_new_for_path (project);
  g_autoptr(RcProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RcTestRun) summary = { 0 };
  g_auto(RcTestRun) into = { 0 };
  RcApi *api;

  rc_test_run_restcall (&summary, NULL, NULL, "import", yaml);
  if (g_test_failed () || summary.out == NULL)
    return;
  g_assert_cmpint (summary.status, ==, 0);
  g_assert_nonnull (strstr (summary.out, "2 operations:"));
  g_assert_nonnull (
    strstr (summary.err, "restcall: warning: The operation “stealPet” (POST /steal) is left out"));
  g_assert_null (strchr (summary.err, '\r'));

  rc_test_run_restcall (&into, NULL, NULL, "import", yaml, "--into", project);
  g_assert_cmpint (into.status, ==, 0);
  g_assert_nonnull (strstr (into.out, "Added the API “Smuggling” with 2 methods"));
  g_assert_nonnull (strstr (into.err, "The operation “stealPet” (POST /steal) is left out"));
  g_assert_nonnull (strstr (into.err, "The operation PUT /steal is left out"));

  loaded = rc_project_load (file, NULL, &error);
  g_assert_no_error (error);
  api = rc_project_get_api (loaded, 0);
  g_assert_cmpuint (rc_api_get_n_methods (api), ==, 2);
  g_assert_cmpstr (rc_method_get_content_type (rc_api_get_method (api, 1)), ==, "application/json");

  g_remove (project);
  g_rmdir (dir);
}

static void
test_token_url_follows_server (void)
{
  g_autoptr(RcOpenApi) api = load_fixture ("petstore-3.0.yaml", NULL);
  const RcOpenApiScheme *scheme = NULL;
  g_autofree char *first = NULL;
  g_autofree char *other = NULL;
  g_autofree char *unchanged = NULL;

  for (guint i = 0; i < rc_open_api_get_n_schemes (api); i++)
    if (rc_open_api_get_scheme (api, i)->client_credentials)
      scheme = rc_open_api_get_scheme (api, i);
  g_assert_nonnull (scheme);
  g_assert_cmpstr (scheme->document_token_url, ==, "/oauth/token");

  /* Relative to the server the user picks, not only the first one. */
  first = rc_open_api_resolve_token_url (api, scheme, "https://api.example.com/v1");
  g_assert_cmpstr (first, ==, "https://api.example.com/oauth/token");
  other = rc_open_api_resolve_token_url (api, scheme, "https://eu.example.org:8443/v2/");
  g_assert_cmpstr (other, ==, "https://eu.example.org:8443/oauth/token");
  unchanged = rc_open_api_resolve_token_url (api, scheme, "not a url");
  g_assert_cmpstr (unchanged, ==, scheme->token_url);
}

/* YAML may open with a flow mapping, which looks like JSON at first. */
static void
test_yaml_flow_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) api = parse_text ("{openapi: 3.0.3, info: {title: Flow, version: '1'},\n"
                                         " paths: {/a: {get: {operationId: getA}}}}\n", &error);
  g_autoptr(RcOpenApi) broken = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (rc_open_api_get_title (api), ==, "Flow");
  g_assert_cmpuint (rc_open_api_get_n_operations (api), ==, 1);
  g_assert_cmpstr (rc_open_api_get_operation (api, 0)->name, ==, "getA");

  /* Broken either way: the JSON error, with its line and column. */
  broken = parse_text ("{\"openapi\": \"3.0.3\",\n  \"info\": {]\n}\n", &error);
  g_assert_null (broken);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "line 2"));
}

/* restcall import shows the scopes warning of the report. */
static void
test_cli_flow_scopes (void)
{
  g_autofree char *yaml = fixture_path ("flow-scopes.yaml");
  g_auto(RcTestRun) summary = { 0 };

  rc_test_run_restcall (&summary, NULL, NULL, "import", yaml);
  if (g_test_failed () || summary.out == NULL)
    return;
  g_assert_cmpint (summary.status, ==, 0);
  g_assert_nonnull (strstr (summary.err, "restcall: warning: 2 operations ask the OAuth 2.0 "
                                         "scheme “api_auth” for scopes"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/openapi/petstore-in-every-format", test_petstore_formats);
  g_test_add_func ("/restcall/openapi/petstore-json", test_petstore_json);
  g_test_add_func ("/restcall/openapi/build-api", test_build_api);
  g_test_add_func ("/restcall/openapi/parameters", test_parameters);
  g_test_add_func ("/restcall/openapi/unimported-parameters", test_unimported_parameters);
  g_test_add_func ("/restcall/openapi/servers", test_servers);
  g_test_add_func ("/restcall/openapi/server-variables", test_server_variables);
  g_test_add_func ("/restcall/openapi/server-variables-edges", test_server_variables_edges);
  g_test_add_func ("/restcall/openapi/relative-token-url", test_relative_token_url);
  g_test_add_func ("/restcall/openapi/token-url-follows-server", test_token_url_follows_server);
  g_test_add_func ("/restcall/document/yaml-flow-document", test_yaml_flow_document);
  g_test_add_func ("/restcall/openapi/refs", test_refs);
  g_test_add_func ("/restcall/openapi/scopes-empty-and-huge", test_scopes);
  g_test_add_func ("/restcall/openapi/flow-scopes", test_flow_scopes);
  g_test_add_func ("/restcall/openapi/flow-scopes-swagger", test_flow_scopes_swagger);
  g_test_add_func ("/restcall/openapi/scope-with-space", test_scope_with_space);
  g_test_add_func ("/restcall/openapi/method-flow-scopes", test_method_flow_scopes);
  g_test_add_func ("/restcall/openapi/errors", test_errors);
  g_test_add_func ("/restcall/openapi/smuggled-media-types", test_smuggled_media_types);
  g_test_add_func ("/restcall/openapi/duplicate-names", test_duplicate_names);
  g_test_add_func ("/restcall/openapi/many-duplicate-names", test_many_duplicate_names);
  g_test_add_func ("/restcall/openapi/many-parameters", test_many_parameters);
  g_test_add_func ("/restcall/openapi/broken-syntax", test_broken_syntax);
  g_test_add_func ("/restcall/openapi/async", test_async);
  g_test_add_func ("/restcall/openapi/external-refs", test_external_refs);
  g_test_add_func ("/restcall/openapi/external-refs-async", test_external_refs_async);
  g_test_add_func ("/restcall/openapi/external-refs-limit", test_external_refs_limit);
  g_test_add_func ("/restcall/openapi/remote-refs", test_remote_refs);
  g_test_add_func ("/restcall/openapi/ref-url-with-semicolon", test_ref_url_with_semicolon);
  g_test_add_func ("/restcall/openapi/ref-bounds", test_ref_bounds);
  g_test_add_func ("/restcall/openapi/ref-bounds-allowed", test_ref_bounds_allowed);
  g_test_add_func ("/restcall/openapi/ref-chain-linear", test_ref_chain_linear);
  g_test_add_func ("/restcall/document/yaml-features", test_yaml_features);
  g_test_add_func ("/restcall/document/detection", test_detection);
  g_test_add_func ("/restcall/document/alias-bomb", test_alias_bomb);
  g_test_add_func ("/restcall/document/too-deep", test_too_deep);
  g_test_add_func ("/restcall/document/big", test_big_document);
  g_test_add_func ("/restcall/document/too-deep-strings", test_too_deep_strings);
  g_test_add_func ("/restcall/cli/import/json", test_cli_json);
  g_test_add_func ("/restcall/cli/import/into", test_cli_into);
  g_test_add_func ("/restcall/cli/import/external-refs", test_cli_external_refs);
  g_test_add_func ("/restcall/cli/import/remote-refs", test_cli_remote_refs);
  g_test_add_func ("/restcall/cli/import/ref-bounds", test_cli_ref_bounds);
  g_test_add_func ("/restcall/cli/import/limits", test_cli_import_limits);
  g_test_add_func ("/restcall/cli/import/errors", test_cli_errors);
  g_test_add_func ("/restcall/cli/import/smuggling", test_cli_smuggling);
  g_test_add_func ("/restcall/cli/import/flow-scopes", test_cli_flow_scopes);

  return g_test_run ();
}
