/* rc-openapi-build.c: what an imported document becomes
 *
 * The authentication chosen for the API, the `restcall import --json`
 * object, and the RcApi with one RcMethod per imported operation. Its base
 * URL is the first server's, its variables as `{{name}}`, or another
 * chosen; a relative token URL is resolved against it, so that it follows
 * the same variables.
 *
 * Authentication, over the operations being imported:
 * - the first OAuth 2.0 client credentials scheme that an operation's
 *   effective security names gives *OAuth 2.0: client credentials*, with
 *   that scheme's (resolved) token URL and as scopes the union, in order of
 *   appearance, of the scopes the operations require from it, or all of the
 *   scheme's scopes when they name none; either way only the scopes its
 *   client credentials flow (Swagger's `application`) declares, never those
 *   of another flow, and never one whose name holds whitespace (it could not
 *   be sent as one scope; the reader warns about both);
 * - else the first http basic (Swagger `basic`) scheme named gives *Basic*;
 * - else *None*.
 * When no operation and no top level declares any security at all, a
 * declared client credentials (else basic) scheme is taken all the same,
 * since many documents declare their scheme and forget to apply it; the
 * parser warns about it.
 *
 * Methods inherit the API's authentication. A method gets its own only
 * when its effective security cannot be met by the API's: `security: []`
 * under an API that authenticates (its own is *None*), or a requirement
 * that names neither the API's scheme nor `{}` but a basic or another client
 * credentials scheme (its scopes chosen as the API's are, from what that
 * operation requires). Per-operation scopes are not turned into a method's
 * own authentication: that would give each method its own client ID and
 * secret to enter, and a token with the union of scopes serves every
 * method. They are kept instead in the method's description (“Security:
 * cc (read:pets)”) and in the `--json` output.
 *
 * Other schemes (API keys, bearer tokens, other OAuth 2.0 flows, OpenID
 * Connect, mutual TLS) cannot be applied by Restcall; they are listed in the
 * API's description (“Also declares: …”) and in `security_schemes`.
 *
 * A method keeps every parameter it can send. Its URL is the operation's
 * path, `{placeholders}` kept, followed by `?name={name}` for each query
 * parameter, required or optional, in document order (path-level ones
 * first); the required ones, path parameters among them, are marked as
 * required, so an optional one left empty is not sent (rc-method.c). Each
 * header parameter becomes one of its headers, with an empty value for the
 * user to fill in. What is not imported (cookies, for one) the reader has
 * already named in a warning (_rc_open_api_parameter_get_fate()). Every
 * parameter is listed in the method's description too, and the method's
 * content type is the request body's (JSON preferred). Its body and test
 * values start empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-json.h"
#include "rc-model-json.h"
#include "rc-openapi-private.h"
#include "rc-text.h"

typedef struct
{
  RcAuthKind             kind;
  const RcOpenApiScheme *scheme;
  GStrv                  scopes;
} AuthChoice;

/* Security */

static gboolean
scheme_is_client_credentials (const RcOpenApiScheme *scheme)
{
  return scheme && scheme->client_credentials;
}

static gboolean
scheme_is_basic (const RcOpenApiScheme *scheme)
{
  return scheme && g_strcmp0 (scheme->type, "http") == 0 &&
         g_strcmp0 (scheme->http_scheme, "basic") == 0;
}

/* The first scheme named by @operations that @predicate accepts. */
static const RcOpenApiScheme *
find_required_scheme (RcOpenApi  *self,
                      GPtrArray  *operations,
                      gboolean  (*predicate) (const RcOpenApiScheme *scheme))
{
  for (guint i = 0; i < operations->len; i++)
    {
      const RcOpenApiOperation *operation = operations->pdata[i];

      for (guint j = 0; j < operation->security->len; j++)
        {
          GPtrArray *requirements = operation->security->pdata[j];

          for (guint k = 0; k < requirements->len; k++)
            {
              const RcOpenApiRequirement *requirement = requirements->pdata[k];
              const RcOpenApiScheme *scheme = rc_open_api_find_scheme (self, requirement->scheme);

              if (predicate (scheme))
                return scheme;
            }
        }
    }

  return NULL;
}

static const RcOpenApiScheme *
find_declared_scheme (RcOpenApi  *self,
                      gboolean  (*predicate) (const RcOpenApiScheme *scheme))
{
  for (guint i = 0; i < self->schemes->len; i++)
    {
      if (predicate (self->schemes->pdata[i]))
        return self->schemes->pdata[i];
    }

  return NULL;
}

static gboolean
any_security_declared (GPtrArray *operations)
{
  for (guint i = 0; i < operations->len; i++)
    {
      const RcOpenApiOperation *operation = operations->pdata[i];

      if (operation->security_declared)
        return TRUE;
    }

  return FALSE;
}

/* The scopes a client credentials token from @scheme is asked for: those
 * of @required that its client credentials flow declares, in the order
 * of @required, or all it declares when @required is empty; never one of
 * another flow, nor one that cannot be sent (rc-openapi-security.c warns
 * about both). */
static GStrv
dup_flow_scopes (const RcOpenApiScheme *scheme,
                 const char * const    *required)
{
  g_autoptr(GStrvBuilder) scopes = g_strv_builder_new ();
  g_autoptr(GHashTable) declared = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; scheme->scopes[i]; i++)
    g_hash_table_add (declared, scheme->scopes[i]);

  if (required == NULL || required[0] == NULL)
    required = (const char * const *)scheme->scopes;

  for (guint i = 0; required[i]; i++)
    {
      if (g_hash_table_contains (declared, required[i])
          && _rc_open_api_scope_is_sendable (required[i]))
        g_strv_builder_add (scopes, required[i]);
    }

  return g_strv_builder_end (scopes);
}

/* The scopes that @operations require from @scheme, each once, in order,
 * as dup_flow_scopes() keeps them. */
static GStrv
dup_required_scopes (GPtrArray             *operations,
                     const RcOpenApiScheme *scheme)
{
  g_autoptr(GPtrArray) scopes = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < operations->len; i++)
    {
      const RcOpenApiOperation *operation = operations->pdata[i];

      for (guint j = 0; j < operation->security->len; j++)
        {
          GPtrArray *requirements = operation->security->pdata[j];

          for (guint k = 0; k < requirements->len; k++)
            {
              const RcOpenApiRequirement *requirement = requirements->pdata[k];

              if (!g_str_equal (requirement->scheme, scheme->name))
                continue;

              for (guint l = 0; requirement->scopes[l]; l++)
                {
                  if (g_hash_table_add (seen, requirement->scopes[l]))
                    g_ptr_array_add (scopes, requirement->scopes[l]);
                }
            }
        }
    }

  g_ptr_array_add (scopes, NULL);

  return dup_flow_scopes (scheme, (const char * const *)scopes->pdata);
}

static void
choose_auth (RcOpenApi  *self,
             GPtrArray  *operations,
             AuthChoice *choice)
{
  gboolean declared = any_security_declared (operations);
  const RcOpenApiScheme *scheme;

  memset (choice, 0, sizeof *choice);

  scheme = find_required_scheme (self, operations, scheme_is_client_credentials);
  if (scheme == NULL && !declared)
    scheme = find_declared_scheme (self, scheme_is_client_credentials);
  if (scheme)
    {
      choice->kind = RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS;
      choice->scheme = scheme;
      choice->scopes = dup_required_scopes (operations, scheme);
      return;
    }

  scheme = find_required_scheme (self, operations, scheme_is_basic);
  if (scheme == NULL && !declared)
    scheme = find_declared_scheme (self, scheme_is_basic);
  if (scheme)
    {
      choice->kind = RC_AUTH_KIND_BASIC;
      choice->scheme = scheme;
      return;
    }

  choice->kind = RC_AUTH_KIND_NONE;
}

static void
auth_choice_clear (AuthChoice *choice)
{
  g_clear_pointer (&choice->scopes, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AuthChoice, auth_choice_clear)

/* A relative token URL is resolved against @base_url, the API's. */
static void
set_auth (RcOpenApi             *self,
          RcAuth                *auth,
          RcAuthKind             kind,
          const RcOpenApiScheme *scheme,
          const char * const    *scopes,
          const char            *base_url)
{
  rc_auth_set_kind (auth, kind);
  if (kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      g_autofree char *joined = g_strjoinv (" ", (char **)scopes);
      g_autofree char *token_url = rc_open_api_resolve_token_url (self, scheme, base_url);

      rc_auth_set_token_url (auth, token_url);
      rc_auth_set_scopes (auth, joined);
    }
}

static RcAuth *
new_auth (RcOpenApi             *self,
          RcAuthKind             kind,
          const RcOpenApiScheme *scheme,
          const char * const    *scopes,
          const char            *base_url)
{
  RcAuth *auth = rc_auth_new ();

  set_auth (self, auth, kind, scheme, scopes, base_url);

  return auth;
}

/* The API's base URL when none is chosen: the first server's. */
static const char *
get_first_base_url (RcOpenApi *self)
{
  if (self->server_records->len == 0)
    return "";

  return ((RcOpenApiServer *) self->server_records->pdata[0])->base_url;
}

/* Descriptions */

static char *
describe_scheme (const RcOpenApiScheme *scheme)
{
  if (g_str_equal (scheme->type, "apiKey"))
    return g_strdup_printf (_("API key “%s” in the %s “%s”"), scheme->name,
                            scheme->in ? scheme->in : "", scheme->param ? scheme->param : "");

  if (g_str_equal (scheme->type, "http"))
    {
      if (g_strcmp0 (scheme->http_scheme, "basic") == 0)
        return g_strdup_printf (_("HTTP Basic “%s”"), scheme->name);
      if (g_strcmp0 (scheme->http_scheme, "bearer") == 0)
        return g_strdup_printf (_("HTTP Bearer token “%s”"), scheme->name);
      return g_strdup_printf (_("HTTP %s “%s”"), scheme->http_scheme, scheme->name);
    }

  if (g_str_equal (scheme->type, "oauth2"))
    {
      g_autofree char *flows = g_strjoinv (", ", scheme->other_flows);

      if (scheme->client_credentials && scheme->other_flows[0])
        return g_strdup_printf (_("OAuth 2.0 “%s” (client credentials with the token URL %s; "
                                  "also %s)"),
                                scheme->name, scheme->token_url, flows);
      if (scheme->client_credentials)
        return g_strdup_printf (_("OAuth 2.0 “%s” (client credentials with the token URL %s)"),
                                scheme->name, scheme->token_url);
      return g_strdup_printf (_("OAuth 2.0 “%s” (%s)"), scheme->name, flows);
    }

  if (g_str_equal (scheme->type, "openIdConnect"))
    return g_strdup_printf (_("OpenID Connect “%s” (%s)"), scheme->name,
                            scheme->openid_connect_url ? scheme->openid_connect_url : "");

  if (g_str_equal (scheme->type, "mutualTLS"))
    return g_strdup_printf (_("Mutual TLS “%s”"), scheme->name);

  return g_strdup_printf (_("“%s” of type %s"), scheme->name, scheme->type);
}

static char *
describe_security (GPtrArray *security)
{
  GString *text;

  if (security->len == 0)
    return g_strdup (_("none"));

  text = g_string_new (NULL);
  for (guint i = 0; i < security->len; i++)
    {
      GPtrArray *requirements = security->pdata[i];

      if (i > 0)
        g_string_append (text, _(" or "));

      if (requirements->len == 0)
        g_string_append (text, _("none (optional)"));

      for (guint j = 0; j < requirements->len; j++)
        {
          const RcOpenApiRequirement *requirement = requirements->pdata[j];

          if (j > 0)
            g_string_append (text, _(" and "));
          g_string_append (text, requirement->scheme);
          if (requirement->scopes[0])
            {
              g_autofree char *scopes = g_strjoinv (" ", requirement->scopes);

              g_string_append_printf (text, " (%s)", scopes);
            }
        }
    }

  return g_string_free (text, FALSE);
}

static char *
describe_operation (const RcOpenApiOperation *operation)
{
  GString *text = g_string_new (NULL);
  g_autofree char *security = describe_security (operation->security);

  if (operation->summary && operation->summary[0])
    g_string_append_printf (text, "%s\n", operation->summary);
  if (operation->description && operation->description[0] &&
      g_strcmp0 (operation->description, operation->summary) != 0)
    g_string_append_printf (text, "%s\n", operation->description);

  if (operation->parameters->len > 0)
    {
      g_string_append (text, _("Parameters:"));
      for (guint i = 0; i < operation->parameters->len; i++)
        {
          const RcOpenApiParameter *parameter = operation->parameters->pdata[i];

          g_string_append (text, i ? ", " : " ");
          if (parameter->required)
            g_string_append_printf (text, _("%s (%s, required)"), parameter->name, parameter->in);
          else
            g_string_append_printf (text, _("%s (%s)"), parameter->name, parameter->in);
        }
      g_string_append_c (text, '\n');
    }

  if (operation->request_media_types[0])
    {
      g_autofree char *types = g_strjoinv (", ", operation->request_media_types);

      g_string_append_printf (text, _("Request body: %s\n"), types);
    }

  g_string_append_printf (text, _("Security: %s"), security);

  return g_string_free (text, FALSE);
}

static char *
describe_api (RcOpenApi             *self,
              const RcOpenApiScheme *chosen)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);

  if (self->version[0])
    g_string_append_printf (text, _("Imported from “%s” (%s, version %s)."), self->display_name,
                            rc_open_api_format_get_label (self->format), self->version);
  else
    g_string_append_printf (text, _("Imported from “%s” (%s)."), self->display_name,
                            rc_open_api_format_get_label (self->format));

  for (guint i = 0; i < self->schemes->len; i++)
    {
      if (self->schemes->pdata[i] != chosen)
        g_ptr_array_add (others, describe_scheme (self->schemes->pdata[i]));
    }

  if (others->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (others, NULL);
      list = g_strjoinv ("; ", (char **)others->pdata);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Also declares: %s."), list);
    }

  return g_string_free (text, FALSE);
}

/* Methods */

/* A query parameter's name as the key of its `name={name}` pair: percent-
 * encoded, but for the delimiters that mean nothing there. */
#define QUERY_KEY_ALLOWED "!$'()*,;:@/?"

/* Gives @method the URL, the required parameters and the headers of
 * @operation; see the top of the file. */
static void
add_parameters (RcMethod                 *method,
                const RcOpenApiOperation *operation)
{
  g_autoptr(GString) url = g_string_new (operation->path);
  g_autoptr(GPtrArray) required = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  RcPairList *headers = rc_method_get_headers (method);
  gboolean first = strchr (operation->path, '?') == NULL;

  for (guint i = 0; i < operation->parameters->len; i++)
    {
      const RcOpenApiParameter *parameter = operation->parameters->pdata[i];

      if (_rc_open_api_parameter_get_fate (parameter) != RC_OPEN_API_PARAMETER_IMPORTED)
        continue;

      if (g_str_equal (parameter->in, "header"))
        {
          rc_pair_list_append (headers, parameter->name, "");
          continue;
        }

      if (g_str_equal (parameter->in, "query"))
        {
          g_autofree char *key = g_uri_escape_string (parameter->name, QUERY_KEY_ALLOWED, FALSE);

          g_string_append_printf (url, "%c%s={%s}", first ? '?' : '&', key, parameter->name);
          first = FALSE;
        }

      if (parameter->required && g_hash_table_add (seen, parameter->name))
        g_ptr_array_add (required, parameter->name);
    }

  g_ptr_array_add (required, NULL);
  rc_method_set_url (method, url->str);
  rc_method_set_required_parameters (method, (const char * const *)required->pdata);
}

static const char *
pick_content_type (const RcOpenApiOperation *operation)
{
  for (guint i = 0; operation->request_media_types[i]; i++)
    {
      if (g_str_equal (operation->request_media_types[i], "application/json"))
        return operation->request_media_types[i];
    }

  return operation->request_media_types[0];
}

/* The authentication @operation needs when the API's cannot serve it; see
 * the top of the file. */
static RcAuth *
dup_own_auth (RcOpenApi                *self,
              const RcOpenApiOperation *operation,
              const AuthChoice         *api,
              const char               *base_url)
{
  const RcOpenApiScheme *basic = NULL;
  const RcOpenApiScheme *client_credentials = NULL;
  const RcOpenApiRequirement *client_credentials_requirement = NULL;

  if (operation->security->len == 0)
    return operation->security_declared && api->kind != RC_AUTH_KIND_NONE
           ? new_auth (self, RC_AUTH_KIND_NONE, NULL, NULL, base_url)
           : NULL;

  for (guint i = 0; i < operation->security->len; i++)
    {
      GPtrArray *requirements = operation->security->pdata[i];

      if (requirements->len == 0)
        return NULL;

      for (guint j = 0; j < requirements->len; j++)
        {
          const RcOpenApiRequirement *requirement = requirements->pdata[j];
          const RcOpenApiScheme *scheme = rc_open_api_find_scheme (self, requirement->scheme);

          if (scheme && scheme == api->scheme)
            return NULL;
          if (basic == NULL && scheme_is_basic (scheme))
            basic = scheme;
          if (client_credentials == NULL && scheme_is_client_credentials (scheme))
            {
              client_credentials = scheme;
              client_credentials_requirement = requirement;
            }
        }
    }

  if (client_credentials)
    {
      g_auto(GStrv) scopes =
        dup_flow_scopes (client_credentials,
                         (const char * const *)client_credentials_requirement->scopes);

      return new_auth (self, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS, client_credentials,
                       (const char * const *)scopes, base_url);
    }
  if (basic)
    return new_auth (self, RC_AUTH_KIND_BASIC, basic, NULL, base_url);

  return NULL;
}

static GPtrArray *
select_operations (RcOpenApi           *self,
                   const char * const  *names,
                   const char          *tag,
                   GError             **error)
{
  g_autoptr(GPtrArray) selected = g_ptr_array_new ();
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);

  for (guint i = 0; names && names[i]; i++)
    {
      const RcOpenApiOperation *operation = rc_open_api_find_operation (self, names[i]);

      if (operation == NULL)
        {
          g_autofree char *quoted = rc_text_dup_shell_word (self->display_name);

          g_set_error (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_NOT_FOUND,
                       _("“%s” has no operation “%s”. List the operations with "
                         "“restcall import %s” and choose among them."),
                       self->display_name, names[i], quoted);
          return NULL;
        }
      g_hash_table_add (wanted, (gpointer)operation);
    }

  for (guint i = 0; i < self->operations->len; i++)
    {
      RcOpenApiOperation *operation = self->operations->pdata[i];

      if (names && !g_hash_table_contains (wanted, operation))
        continue;
      if (tag && !g_strv_contains ((const char * const *)operation->tags, tag))
        continue;
      g_ptr_array_add (selected, operation);
    }

  if (selected->len == 0 && tag)
    {
      g_set_error (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_NOT_FOUND,
                   _("No operation of “%s” has the tag “%s”. Check the tag’s spelling, or "
                     "import without choosing a tag."),
                   self->display_name, tag);
      return NULL;
    }

  if (selected->len == 0)
    {
      g_set_error (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_NOT_FOUND,
                   _("“%s” has no operations to import."), self->display_name);
      return NULL;
    }

  return g_steal_pointer (&selected);
}

/* JSON */

static void
add_strings (JsonBuilder        *builder,
             const char         *name,
             const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values && values[i]; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
build_security_json (JsonBuilder *builder,
                     GPtrArray   *security)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < security->len; i++)
    {
      GPtrArray *requirements = security->pdata[i];

      json_builder_begin_array (builder);
      for (guint j = 0; j < requirements->len; j++)
        {
          const RcOpenApiRequirement *requirement = requirements->pdata[j];

          json_builder_begin_object (builder);
          rc_json_builder_add_string (builder, "scheme", requirement->scheme);
          add_strings (builder, "scopes", (const char * const *)requirement->scopes);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

static void
build_operation_json (JsonBuilder              *builder,
                      const RcOpenApiOperation *operation)
{
  json_builder_begin_object (builder);
  rc_json_builder_add_string (builder, "method", operation->method);
  rc_json_builder_add_string (builder, "path", operation->path);
  rc_json_builder_add_string (builder, "operation_id", operation->operation_id);
  json_builder_set_member_name (builder, "security");
  build_security_json (builder, operation->security);
  rc_json_builder_add_string (builder, "name", operation->name);
  rc_json_builder_add_string (builder, "summary", operation->summary);
  add_strings (builder, "tags", (const char * const *)operation->tags);
  json_builder_set_member_name (builder, "parameters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < operation->parameters->len; i++)
    {
      const RcOpenApiParameter *parameter = operation->parameters->pdata[i];

      json_builder_begin_object (builder);
      rc_json_builder_add_string (builder, "name", parameter->name);
      rc_json_builder_add_string (builder, "in", parameter->in);
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, parameter->required);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_strings (builder, "request_media_types",
               (const char *const *) operation->request_media_types);
  json_builder_end_object (builder);
}

static void
build_scheme_json (JsonBuilder           *builder,
                   const RcOpenApiScheme *scheme)
{
  json_builder_begin_object (builder);
  rc_json_builder_add_string (builder, "name", scheme->name);
  rc_json_builder_add_string (builder, "type", scheme->type);

  if (g_str_equal (scheme->type, "oauth2"))
    {
      if (scheme->client_credentials)
        {
          json_builder_set_member_name (builder, "client_credentials");
          json_builder_begin_object (builder);
          rc_json_builder_add_string (builder, "token_url", scheme->token_url);
          if (scheme->refresh_url)
            rc_json_builder_add_string (builder, "refresh_url", scheme->refresh_url);
          add_strings (builder, "scopes", (const char * const *)scheme->scopes);
          json_builder_end_object (builder);
        }
      add_strings (builder, "other_flows", (const char * const *)scheme->other_flows);
    }
  else if (g_str_equal (scheme->type, "http"))
    {
      rc_json_builder_add_string (builder, "scheme", scheme->http_scheme);
      if (scheme->bearer_format)
        rc_json_builder_add_string (builder, "bearer_format", scheme->bearer_format);
    }
  else if (g_str_equal (scheme->type, "apiKey"))
    {
      rc_json_builder_add_string (builder, "in", scheme->in);
      rc_json_builder_add_string (builder, "param", scheme->param);
    }
  else if (g_str_equal (scheme->type, "openIdConnect"))
    rc_json_builder_add_string (builder, "openid_connect_url", scheme->openid_connect_url);

  json_builder_end_object (builder);
}

/**
 * rc_open_api_dup_auth:
 * @operations: (nullable) (element-type RcOpenApiOperation): the operations
 *   being imported, or %NULL for all
 * @scheme: (out) (optional) (nullable): the scheme it comes from
 *
 * Returns: (transfer full): the authentication the API gets when
 *   @operations are imported, as described at the top of this file
 */
RcAuth *
rc_open_api_dup_auth (RcOpenApi              *self,
                      GPtrArray              *operations,
                      const RcOpenApiScheme **scheme)
{
  g_auto(AuthChoice) choice = { 0 };

  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);

  choose_auth (self, operations ? operations : self->operations, &choice);
  if (scheme)
    *scheme = choice.scheme;

  return new_auth (self, choice.kind, choice.scheme, (const char * const *)choice.scopes,
                   get_first_base_url (self));
}

/**
 * rc_open_api_to_json:
 *
 * Returns: (transfer full): what `restcall import --json` prints: format,
 *   title, version, servers, operations, security_schemes, then the API's
 *   as the project file writes them: base_url (the first server's, with
 *   its {{variables}}), variables (that server's: rc_variable_to_json()),
 *   auth (rc_auth_to_json()); then auth_scheme (the scheme it comes from,
 *   or null), warnings
 */
JsonNode *
rc_open_api_to_json (RcOpenApi *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(AuthChoice) choice = { 0 };
  g_autoptr(RcAuth) auth = NULL;

  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);

  choose_auth (self, self->operations, &choice);

  json_builder_begin_object (builder);
  rc_json_builder_add_string (builder, "format", rc_open_api_format_to_string (self->format));
  rc_json_builder_add_string (builder, "title", self->title);
  rc_json_builder_add_string (builder, "version", self->version);
  add_strings (builder, "servers", (const char * const *)self->servers);

  json_builder_set_member_name (builder, "operations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->operations->len; i++)
    build_operation_json (builder, self->operations->pdata[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "security_schemes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->schemes->len; i++)
    build_scheme_json (builder, self->schemes->pdata[i]);
  json_builder_end_array (builder);

  /* As the project file will hold them; which scheme it comes from beside. */
  rc_json_builder_add_string (builder, "base_url", get_first_base_url (self));
  json_builder_set_member_name (builder, "variables");
  json_builder_begin_array (builder);
  if (self->server_records->len > 0)
    {
      GPtrArray *variables = ((RcOpenApiServer *) self->server_records->pdata[0])->variables;

      for (guint i = 0; i < variables->len; i++)
        json_builder_add_value (builder,
                                rc_variable_to_json (variables->pdata[i], RC_MODEL_JSON_SHOWN));
    }
  json_builder_end_array (builder);

  auth = new_auth (self, choice.kind, choice.scheme, (const char * const *)choice.scopes,
                   get_first_base_url (self));
  json_builder_set_member_name (builder, "auth");
  json_builder_add_value (builder, rc_auth_to_json (auth, RC_MODEL_JSON_SHOWN));
  rc_json_builder_add_string (builder, "auth_scheme", choice.scheme ? choice.scheme->name : NULL);

  add_strings (builder, "warnings", rc_open_api_get_warnings (self));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * rc_open_api_build_api_with_base_url:
 * @base_url: the API's base URL, such as the base_url of one of its
 *   servers (#RcOpenApiServer)
 * @names: (nullable) (array zero-terminated=1): the operations to import, by
 *   name or operationId, or %NULL for all
 * @tag: (nullable): import only the operations with this tag
 *
 * Makes a new API named after the document's title, with @base_url, its
 * authentication set as described at the top of this file (a relative
 * token URL resolved against @base_url), and a method per operation, in
 * document order.
 *
 * Returns: (transfer full): the API, or %NULL when an operation named does
 *   not exist or nothing is left to import
 */
RcApi *
rc_open_api_build_api_with_base_url (RcOpenApi           *self,
                                     const char          *base_url,
                                     const char * const  *names,
                                     const char          *tag,
                                     GError             **error)
{
  g_autoptr(GPtrArray) operations = NULL;
  g_autoptr(RcApi) api = NULL;
  g_autofree char *description = NULL;
  g_auto(AuthChoice) choice = { 0 };

  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  if (!(operations = select_operations (self, names, tag, error)))
    return NULL;

  choose_auth (self, operations, &choice);

  api = rc_api_new (self->title);
  rc_api_set_base_url (api, base_url);
  description = describe_api (self, choice.scheme);
  rc_api_set_description (api, description);

  set_auth (self, rc_api_get_auth (api), choice.kind, choice.scheme,
            (const char * const *)choice.scopes, base_url);

  for (guint i = 0; i < operations->len; i++)
    {
      const RcOpenApiOperation *operation = operations->pdata[i];
      g_autoptr(RcMethod) method = rc_method_new (operation->name);
      g_autoptr(RcAuth) own_auth = dup_own_auth (self, operation, &choice, base_url);
      g_autofree char *method_description = describe_operation (operation);
      const char *content_type = pick_content_type (operation);

      rc_method_set_verb (method, operation->method);
      add_parameters (method, operation);
      rc_method_set_description (method, method_description);
      if (content_type)
        rc_method_set_content_type (method, content_type);
      if (own_auth)
        rc_method_set_auth (method, own_auth);
      rc_api_add_method (api, method);
    }

  return g_steal_pointer (&api);
}

/**
 * rc_open_api_build_api:
 *
 * Like rc_open_api_build_api_with_base_url(), with the first server's
 * base URL; refused when no API can be imported with that server (its
 * `problem`).
 */
RcApi *
rc_open_api_build_api (RcOpenApi           *self,
                       const char * const  *names,
                       const char          *tag,
                       GError             **error)
{
  const RcOpenApiServer *server;

  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);

  server = self->server_records->len > 0 ? self->server_records->pdata[0] : NULL;
  if (server && server->problem)
    {
      g_set_error_literal (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_INVALID, server->problem);
      return NULL;
    }

  return rc_open_api_build_api_with_base_url (self, get_first_base_url (self), names, tag, error);
}
