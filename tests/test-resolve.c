/* test-resolve.c: a method with an environment's variables filled in, and called
 *
 * The rules of rc-resolve.c field by field (every field, escapes, values
 * that use other variables, unknown variables, cycles, secrets kept out of
 * URLs, values given for one run), then real calls through one executor
 * against a scripted server on 127.0.0.1 that is both the authorization
 * server and the API: two environments with different client IDs, or the
 * same client ID and different secret variables, get two tokens and never
 * each other's. Secret values come from the real keyring (a throwaway
 * gnome-keyring-daemon in a private D-Bus session).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "restcall-core.h"
#include "rc-test-keyring.h"
#include "rc-test-server.h"

typedef struct
{
  RcTestServer  *server;
  RcProject     *project;
  RcApi         *api;
  RcMethod      *method;
  RcEnvironment *staging;
  RcEnvironment *production;
} Fixture;

/* The token is the client's ID and secret; the API answers with the
 * Authorization header it got. */
static void
handler (RcTestServer      *server,
         SoupServerMessage *message,
         const char        *path,
         gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);

  if (g_str_equal (path, "/token"))
    {
      g_autofree char *credentials = NULL;
      g_autofree char *token = NULL;
      g_autofree char *body = NULL;
      const char *authorization = soup_message_headers_get_one (headers, "Authorization");
      gsize len;
      g_autofree guchar *decoded = NULL;

      g_assert_true (g_str_has_prefix (authorization, "Basic "));
      decoded = g_base64_decode (authorization + strlen ("Basic "), &len);
      credentials = g_strndup ((const char *) decoded, len);
      token = g_strdelimit (g_strdup_printf ("tok-%s", credentials), ":", '-');
      body = g_strdup_printf ("{\"access_token\": \"%s\", \"token_type\": \"Bearer\", "
                              "\"expires_in\": 3600}", token);
      rc_test_respond (message, 200, "application/json", body);
      return;
    }

  rc_test_respond (message, 200, "text/plain",
                   soup_message_headers_get_one (headers, "Authorization"));
}

static RcEnvironment *
add_environment (RcProject  *project,
                 const char *name,
                 const char *first,
                 ...) G_GNUC_NULL_TERMINATED;

/* An environment of NAME, VALUE pairs; a NULL value makes it secret. */
static RcEnvironment *
add_environment (RcProject  *project,
                 const char *name,
                 const char *first,
                 ...)
{
  g_autoptr(RcEnvironment) environment = rc_environment_new (name);
  va_list args;

  va_start (args, first);
  for (const char *variable = first; variable; variable = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      g_autoptr(RcVariable) added = value ? rc_variable_new (variable, value)
                                          : rc_variable_new_secret (variable);

      rc_environment_add_variable (environment, added);
    }
  va_end (args);

  rc_project_add_environment (project, environment);

  return environment;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *origin = NULL;
  RcAuth *auth;

  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = handler;
  origin = rc_test_server_url (fixture->server, "");
  if (g_str_has_suffix (origin, "/"))
    origin[strlen (origin) - 1] = '\0';

  fixture->project = rc_project_new ();
  fixture->staging = add_environment (fixture->project, "Staging",
                                      "origin", origin,
                                      "base", "{{origin}}/api",
                                      "client", "staging-app",
                                      "tenant", "blue",
                                      "secret", NULL,
                                      NULL);
  fixture->production = add_environment (fixture->project, "Production",
                                         "origin", origin,
                                         "base", "{{origin}}/api",
                                         "client", "production-app",
                                         "tenant", "red",
                                         "secret", NULL,
                                         NULL);

  fixture->api = rc_api_new ("Pets");
  rc_api_set_base_url (fixture->api, "{{base}}");
  rc_pair_list_append (rc_api_get_headers (fixture->api), "X-Tenant", "{{tenant}}");
  auth = rc_api_get_auth (fixture->api);
  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "{{client}}");
  rc_auth_set_token_url (auth, "{{origin}}/token");
  rc_auth_set_scopes (auth, "pets:{{tenant}}");
  rc_pair_list_append (rc_auth_get_token_params (auth), "audience", "{{origin}}/{{tenant}}");
  rc_project_add_api (fixture->project, fixture->api);

  fixture->method = rc_method_new ("getPet");
  rc_method_set_verb (fixture->method, "POST");
  rc_method_set_url (fixture->method, "/{{tenant}}/pets/{id}");
  rc_method_set_body (fixture->method, "{\"tenant\": \"{{tenant}}\", \"raw\": \"\\{{tenant}}\"}");
  rc_pair_list_append (rc_method_get_headers (fixture->method), "X-Client", "{{ client }}");
  rc_pair_list_append (rc_method_get_test_values (fixture->method), "id", "{{tenant}}-7");
  rc_api_add_method (fixture->api, fixture->method);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->method);
  g_clear_object (&fixture->api);
  g_clear_object (&fixture->project);
  g_clear_pointer (&fixture->server, rc_test_server_free);
}

static RcMethod *
resolve (RcResolver *resolver,
         Fixture    *fixture,
         GError    **error)
{
  return rc_resolver_resolve_method (resolver, fixture->method, error);
}

/* Every field, filled in from the environment; the project untouched. */
static void
test_every_field (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RcResolver) resolver = rc_resolver_new (fixture->staging);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcMethod) resolved = NULL;
  g_autofree char *origin = rc_test_server_url (fixture->server, "");
  g_autofree char *base = NULL;
  g_autofree char *token_url = NULL;
  g_autofree char *audience = NULL;
  RcApi *api;
  RcAuth *auth;

  origin[strlen (origin) - 1] = '\0';
  base = g_strconcat (origin, "/api", NULL);
  token_url = g_strconcat (origin, "/token", NULL);
  audience = g_strconcat (origin, "/blue", NULL);

  rc_resolver_set_secret (resolver, "secret", "s3cret");
  resolved = resolve (resolver, fixture, &error);
  g_assert_no_error (error);

  api = rc_method_get_api (resolved);
  g_assert_true (api != fixture->api);
  g_assert_cmpstr (rc_api_get_base_url (api), ==, base);
  g_assert_cmpstr (rc_pair_list_lookup (rc_api_get_headers (api), "X-Tenant"), ==, "blue");
  auth = rc_api_get_auth (api);
  g_assert_cmpstr (rc_auth_get_client_id (auth), ==, "staging-app");
  g_assert_cmpstr (rc_auth_get_token_url (auth), ==, token_url);
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "pets:blue");
  g_assert_cmpstr (rc_pair_list_lookup (rc_auth_get_token_params (auth), "audience"), ==,
                   audience);
  /* Before {param} expansion: {id} is still the method's. */
  g_assert_cmpstr (rc_method_get_url (resolved), ==, "/blue/pets/{id}");
  g_assert_cmpstr (rc_method_get_body (resolved), ==,
                   "{\"tenant\": \"blue\", \"raw\": \"{{tenant}}\"}");
  g_assert_cmpstr (rc_pair_list_lookup (rc_method_get_headers (resolved), "X-Client"), ==,
                   "staging-app");
  g_assert_cmpstr (rc_pair_list_lookup (rc_method_get_test_values (resolved), "id"), ==,
                   "blue-7");
  g_assert_cmpstr (rc_method_get_id (resolved), ==, rc_method_get_id (fixture->method));

  /* The project is as it was, and still clean of the copy. */
  g_assert_cmpstr (rc_api_get_base_url (fixture->api), ==, "{{base}}");
  g_assert_cmpstr (rc_method_get_url (fixture->method), ==, "/{{tenant}}/pets/{id}");
  g_assert_cmpuint (rc_api_get_n_methods (fixture->api), ==, 1);
  g_assert_true (rc_method_get_api (fixture->method) == fixture->api);

  /* Basic: the user name. */
  {
    g_autoptr(RcAuth) basic = rc_auth_new ();
    g_autoptr(RcAuth) resolved_basic = NULL;

    rc_auth_set_kind (basic, RC_AUTH_KIND_BASIC);
    rc_auth_set_username (basic, "{{client}}@{{tenant}}");
    /* Another kind's fields are not used, so not filled in. */
    rc_auth_set_client_id (basic, "{{nowhere}}");
    resolved_basic = rc_resolver_resolve_auth (resolver, basic, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rc_auth_get_username (resolved_basic), ==, "staging-app@blue");
  }
}

static void
assert_error (GError         *error,
              RcResolveError  code,
              RcResolveField  field,
              gboolean        in_api,
              const char     *variable,
              const char     *fragment)
{
  g_assert_error (error, RC_RESOLVE_ERROR, (int) code);
  g_test_message ("%s", error->message);
  g_assert_cmpint (rc_resolve_error_get_field (error), ==, field);
  g_assert_cmpint (rc_resolve_error_is_in_api (error), ==, in_api);
  g_assert_cmpstr (rc_resolve_error_get_variable (error), ==, variable);
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RcResolver) resolver = rc_resolver_new (fixture->staging);
  g_autoptr(RcResolver) none = rc_resolver_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcMethod) resolved = NULL;

  /* A secret not stored. */
  rc_pair_list_append (rc_method_get_headers (fixture->method), "X-Key", "{{secret}}");
  resolved = resolve (resolver, fixture, &error);
  g_assert_null (resolved);
  assert_error (error, RC_RESOLVE_ERROR_NO_SECRET, RC_RESOLVE_FIELD_HEADERS, FALSE, "secret",
                "has no value stored in the keyring for the environment “Staging”");
  g_clear_error (&error);

  /* … and in a URL, where it is refused before its value is looked at. */
  rc_method_set_url (fixture->method, "/{{secret}}/pets/{id}");
  resolved = resolve (resolver, fixture, &error);
  assert_error (error, RC_RESOLVE_ERROR_SECRET_IN_URL, RC_RESOLVE_FIELD_URL, FALSE, "secret",
                "cannot be used in the URL of the method “getPet”");
  g_clear_error (&error);
  rc_method_set_url (fixture->method, "/{{tenant}}/pets/{id}");
  rc_resolver_set_secret (resolver, "secret", "s3cret");

  /* Not defined in this environment; on the API's field. */
  rc_api_set_base_url (fixture->api, "{{host}}/v1");
  resolved = resolve (resolver, fixture, &error);
  assert_error (error, RC_RESOLVE_ERROR_UNDEFINED, RC_RESOLVE_FIELD_BASE_URL, TRUE, "host",
                "{{host}}, used in the base URL of the API “Pets”, is not defined in “Staging”.");
  g_clear_error (&error);

  /* … and without any environment. */
  resolved = resolve (none, fixture, &error);
  assert_error (error, RC_RESOLVE_ERROR_UNDEFINED, RC_RESOLVE_FIELD_BASE_URL, TRUE, "host",
                "the project has no environment");
  g_clear_error (&error);

  /* Given for this run only (--var). */
  rc_resolver_set_override (resolver, "host", "https://{{tenant}}.example.com");
  resolved = resolve (resolver, fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_api_get_base_url (rc_method_get_api (resolved)), ==,
                   "https://blue.example.com/v1");
  g_clear_object (&resolved);

  /* A cycle, through another variable. */
  rc_variable_set_value (rc_environment_find_variable (fixture->staging, "tenant"), "{{client}}");
  rc_variable_set_value (rc_environment_find_variable (fixture->staging, "client"), "{{tenant}}");
  resolved = resolve (resolver, fixture, &error);
  g_assert_null (resolved);
  g_assert_error (error, RC_RESOLVE_ERROR, RC_RESOLVE_ERROR_CYCLE);
  g_assert_true (g_str_has_prefix (error->message, "In the base URL of the API “Pets”: "));
  g_clear_error (&error);
  rc_variable_set_value (rc_environment_find_variable (fixture->staging, "tenant"), "blue");

  /* A secret in a URL: refused, even when it is reached through another
   * variable. */
  rc_variable_set_value (rc_environment_find_variable (fixture->staging, "tenant"),
                         "t-{{secret}}");
  resolved = resolve (resolver, fixture, &error);
  assert_error (error, RC_RESOLVE_ERROR_SECRET_IN_URL, RC_RESOLVE_FIELD_BASE_URL, TRUE, "secret",
                "servers and proxies keep URLs in their logs");
  g_assert_null (strstr (error->message, "s3cret"));
  g_clear_error (&error);
  rc_variable_set_value (rc_environment_find_variable (fixture->staging, "tenant"), "blue");

  /* Not closed. */
  rc_method_set_body (fixture->method, "{{tenant");
  resolved = resolve (resolver, fixture, &error);
  assert_error (error, RC_RESOLVE_ERROR_SYNTAX, RC_RESOLVE_FIELD_BODY, FALSE, NULL,
                "In the body of the method “getPet”: ");
  g_clear_error (&error);

  /* An auth's secret variable that is plain. */
  rc_method_set_body (fixture->method, "");
  rc_auth_set_secret_variable (rc_api_get_auth (fixture->api), "tenant");
  resolved = resolve (resolver, fixture, &error);
  assert_error (error, RC_RESOLVE_ERROR_NOT_SECRET, RC_RESOLVE_FIELD_SECRET, TRUE, "tenant",
                "which is not secret in “Staging”");
}

typedef struct
{
  gboolean    done;
  RcExchange *exchange;
} Called;

static void
called_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Called *called = user_data;

  called->exchange = rc_executor_call_finish (RC_EXECUTOR (object), result);
  called->done = TRUE;
}

/* Calls the method in @environment, with the secret the resolver gives
 * (a secret variable's) or @own; returns what the API saw. */
static char *
call_in (Fixture       *fixture,
         RcExecutor    *executor,
         RcResolver    *resolver,
         const char    *own)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcMethod) resolved = resolve (resolver, fixture, &error);
  const char *secret;
  Called called = { 0 };
  GBytes *body;

  g_assert_no_error (error);
  secret = rc_resolver_get_auth_secret (resolver, rc_method_get_effective_auth (resolved));
  rc_executor_call_async (executor, resolved, NULL, secret ? secret : own, NULL, called_cb,
                          &called);
  rc_test_wait_for (&called.done, 10);
  g_assert_no_error ((GError *) rc_exchange_get_error (called.exchange));
  g_assert_cmpuint (rc_exchange_get_status (called.exchange), ==, 200);
  body = rc_http_record_get_response_body (rc_exchange_get_api_record (called.exchange));

  {
    char *seen = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

    g_object_unref (called.exchange);
    return seen;
  }
}

/* Two environments, two client IDs: two tokens, each used in its own
 * environment only, however the calls alternate. */
static void
test_token_per_client (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RcExecutor) executor = rc_executor_new ();
  g_autoptr(RcResolver) staging = rc_resolver_new (fixture->staging);
  g_autoptr(RcResolver) production = rc_resolver_new (fixture->production);
  const char *order[] = { "staging", "production", "staging", "production" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      gboolean is_staging = g_str_equal (order[i], "staging");
      g_autofree char *seen = call_in (fixture, executor, is_staging ? staging : production,
                                       "own");

      g_assert_cmpstr (seen, ==, is_staging ? "Bearer tok-staging-app-own"
                                            : "Bearer tok-production-app-own");
    }
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token"), ==, 2);
}

/* The same client ID in both, its secret a secret variable: the token
 * cache tells the environments apart by the secret's identity. */
static void
test_token_per_secret_variable (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(RcExecutor) executor = rc_executor_new ();
  g_autoptr(RcResolver) staging = rc_resolver_new (fixture->staging);
  g_autoptr(RcResolver) production = rc_resolver_new (fixture->production);

  rc_auth_set_client_id (rc_api_get_auth (fixture->api), "shared-app");
  rc_auth_set_secret_variable (rc_api_get_auth (fixture->api), "secret");
  rc_resolver_set_secret (staging, "secret", "staging-secret");
  rc_resolver_set_secret (production, "secret", "production-secret");

  for (guint i = 0; i < 4; i++)
    {
      gboolean is_staging = i % 2 == 0;
      g_autofree char *seen = call_in (fixture, executor, is_staging ? staging : production,
                                       "never-used");

      g_assert_cmpstr (seen, ==, is_staging ? "Bearer tok-shared-app-staging-secret"
                                            : "Bearer tok-shared-app-production-secret");
    }
  g_assert_cmpuint (rc_test_count_requests (fixture->server, "/token"), ==, 2);
}

/* A secret variable's value, sent in a header and the body, is masked
 * in every pane (and shown when revealed); the project holds none. */
static void
test_secret_masked (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RcExecutor) executor = rc_executor_new ();
  g_autoptr(RcResolver) resolver = rc_resolver_new (fixture->staging);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcMethod) resolved = NULL;
  g_autofree char *request = NULL;
  g_autofree char *revealed = NULL;
  g_autofree char *head = NULL;
  g_autoptr(SoupMessageHeaders) headers = NULL;
  Called called = { 0 };
  RcHttpRecord *record;

  rc_auth_set_kind (rc_api_get_auth (fixture->api), RC_AUTH_KIND_NONE);
  rc_pair_list_append (rc_method_get_headers (fixture->method), "X-Key", "key {{secret}}");
  rc_method_set_body (fixture->method, "{\"key\": \"{{secret}}\"}");
  rc_resolver_set_secret (resolver, "secret", "canary-value-9f3");
  resolved = resolve (resolver, fixture, &error);
  g_assert_no_error (error);

  rc_executor_call_async (executor, resolved, NULL, NULL, NULL, called_cb, &called);
  rc_test_wait_for (&called.done, 10);
  record = rc_exchange_get_api_record (called.exchange);
  g_assert_cmpstr (rc_http_record_get_request_header (record, "X-Key"), ==,
                   "key canary-value-9f3");

  request = rc_http_record_format_request (record, FALSE);
  head = rc_http_record_format_head (record, FALSE, FALSE);
  headers = rc_http_record_dup_headers (record, FALSE, FALSE);
  g_test_message ("%s", request);
  g_assert_null (strstr (request, "canary-value-9f3"));
  g_assert_nonnull (strstr (request, "X-Key: key ••••••••"));
  g_assert_nonnull (strstr (request, "{\"key\":\"••••••••\"}"));
  g_assert_null (strstr (head, "canary-value-9f3"));
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-Key"), ==, "key ••••••••");
  revealed = rc_http_record_format_request (record, TRUE);
  g_assert_nonnull (strstr (revealed, "canary-value-9f3"));
  g_object_unref (called.exchange);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
} Done;

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Done *done = user_data;

  done->ok = rc_secret_store_store_finish (RC_SECRET_STORE (object), result, &done->error);
  done->done = TRUE;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Done *done = user_data;

  done->ok = rc_resolver_load_secrets_finish (RC_RESOLVER (object), result, &done->error);
  done->done = TRUE;
}

static void
store_secret (RcSecretStore *store,
              RcProject     *project,
              RcEnvironment *environment,
              const char    *name,
              const char    *value)
{
  g_autofree char *id = rc_environment_dup_secret_id (environment, name);
  g_autofree char *label = rc_environment_dup_secret_label (environment, name);
  g_autoptr(RcSecretBinding) binding = rc_environment_dup_secret_binding (environment, name);
  Done done = { 0 };

  rc_secret_store_store_async (store, rc_project_get_id (project),
                               rc_environment_get_id (environment), id, binding, label, value,
                               NULL, stored_cb, &done);
  rc_test_wait_for (&done.done, 10);
  g_assert_no_error (done.error);
}

/* Secret values from the real keyring, per environment. */
static void
test_secrets_from_keyring (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RcSecretStore) store = rc_secret_store_new ();
  g_autoptr(RcExecutor) executor = rc_executor_new ();
  g_autoptr(RcResolver) staging = rc_resolver_new (fixture->staging);
  g_autoptr(RcResolver) production = rc_resolver_new (fixture->production);
  g_auto(GStrv) names = NULL;
  RcResolver *resolvers[] = { staging, production };
  const char *expected[] = { "Bearer tok-shared-app-from-keyring-staging",
                             "Bearer tok-shared-app-from-keyring-production" };

  rc_test_keyring_require_session ();

  rc_auth_set_client_id (rc_api_get_auth (fixture->api), "shared-app");
  rc_auth_set_secret_variable (rc_api_get_auth (fixture->api), "secret");
  store_secret (store, fixture->project, fixture->staging, "secret", "from-keyring-staging");
  store_secret (store, fixture->project, fixture->production, "secret",
                "from-keyring-production");

  names = rc_resolver_dup_secret_names (staging, fixture->method, NULL);
  g_assert_cmpstrv (names, ((const char *[]) { "secret", NULL }));

  for (guint i = 0; i < G_N_ELEMENTS (resolvers); i++)
    {
      Done done = { 0 };
      g_autofree char *seen = NULL;

      rc_resolver_load_secrets_async (resolvers[i], store, rc_project_get_id (fixture->project),
                                      (const char * const *) names, NULL, loaded_cb, &done);
      rc_test_wait_for (&done.done, 10);
      g_assert_no_error (done.error);
      g_assert_true (done.ok);
      seen = call_in (fixture, executor, resolvers[i], "never-used");
      g_assert_cmpstr (seen, ==, expected[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/restcall/resolve/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("every-field", test_every_field);
  ADD ("errors", test_errors);
  ADD ("token-per-client", test_token_per_client);
  ADD ("token-per-secret-variable", test_token_per_secret_variable);
  ADD ("secrets-from-keyring", test_secrets_from_keyring);
  ADD ("secret-masked", test_secret_masked);
#undef ADD

  return g_test_run ();
}
