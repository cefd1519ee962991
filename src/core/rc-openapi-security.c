/* rc-openapi-security.c: the importer's security schemes and requirements
 *
 * See rc-openapi.c for what is read and how; this file holds the security
 * schemes of both formats (read alike), token URL resolution and checks,
 * security requirement lists, and the checks of the client credentials
 * flow's scopes: a declared name holding whitespace, and scopes the
 * operations ask for that the flow does not declare, are warned about
 * (rc-openapi-build.c leaves them out of the API's scopes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-oauth.h"
#include "rc-openapi-private.h"
#include "rc-text.h"
#include "rc-wire.h"

static void
requirement_free (gpointer data)
{
  RcOpenApiRequirement *requirement = data;

  g_free (requirement->scheme);
  g_strfreev (requirement->scopes);
  g_free (requirement);
}

/* Security schemes */

static char *
resolve_against_server (RcOpenApiReader *reader,
                        const char      *url,
                        const char      *scheme_name)
{
  RcOpenApi *self = reader->self;
  const char *base = NULL;
  char *resolved;

  if (url == NULL || url[0] == '\0' || g_uri_peek_scheme (url) != NULL)
    return g_strdup (url);

  if (self->servers[0] && g_uri_peek_scheme (self->servers[0]) != NULL)
    base = self->servers[0];
  else
    base = self->base_uri;

  if (base && (resolved = g_uri_resolve_relative (base, url, G_URI_FLAGS_NONE, NULL)))
    return resolved;

  _rc_open_api_warn (self,
                     _("The URL “%s” of the security scheme “%s” is relative and there is no "
                       "server URL to resolve it against; enter the access token URL by hand."),
                     url, scheme_name);

  return g_strdup (url);
}

static char *
dup_origin (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  int port;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;

  port = g_uri_get_port (uri);
  if (port < 0)
    port = g_str_equal (g_uri_get_scheme (uri), "http") ? 80 : 443;

  return g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri), port);
}

static void
check_token_url (RcOpenApiReader *reader,
                 RcOpenApiScheme *scheme)
{
  RcOpenApi *self = reader->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *token_origin = NULL;
  g_autofree char *server_origin = NULL;

  if (!rc_oauth_check_token_url (scheme->token_url, &error))
    {
      _rc_open_api_warn (self, _("The security scheme “%s”: %s"), scheme->name, error->message);
      return;
    }

  token_origin = dup_origin (scheme->token_url);
  server_origin = dup_origin (self->servers[0]);
  if (token_origin && server_origin && !g_str_equal (token_origin, server_origin))
    {
      g_autofree char *token_url = rc_text_dup_url (scheme->token_url);
      g_autofree char *server = rc_text_dup_url (self->servers[0]);

      _rc_open_api_warn (self,
                         _("The access token URL %s of the security scheme “%s” is on another site "
                           "than the API (%s); check that you trust both before sending "
                           "credentials."),
                         token_url, scheme->name, server);
    }
}

static void
read_client_credentials (RcOpenApiReader *reader,
                         RcOpenApiScheme *scheme,
                         JsonObject      *flow)
{
  scheme->client_credentials = TRUE;
  scheme->document_token_url = g_strdup (get_string (flow, "tokenUrl"));
  scheme->token_url = resolve_against_server (reader, get_string (flow, "tokenUrl"), scheme->name);
  scheme->refresh_url =
    resolve_against_server (reader, get_string (flow, "refreshUrl"), scheme->name);
  g_strfreev (scheme->scopes);
  scheme->scopes = _rc_open_api_dup_strings (get_member (flow, "scopes"));
  check_token_url (reader, scheme);

  for (guint i = 0; scheme->scopes[i]; i++)
    {
      g_autofree char *shown = NULL;

      if (_rc_open_api_scope_is_sendable (scheme->scopes[i]))
        continue;

      shown = rc_wire_escape (scheme->scopes[i]);
      /* Translators: the first %s is a security scheme's name, the second a scope */
      _rc_open_api_warn (reader->self,
                         _("The OAuth 2.0 scheme “%s” declares the scope “%s”, whose name holds "
                           "a space: it cannot be sent as one scope, so the API’s scopes leave it "
                           "out. Ask the API’s publisher for the scope’s exact name, and enter it "
                           "in the API’s scopes if the API needs it."),
                         scheme->name, shown);
    }
}

static RcOpenApiScheme *
read_scheme_3 (RcOpenApiReader *reader,
               const char      *name,
               JsonObject      *object)
{
  RcOpenApiScheme *scheme = g_new0 (RcOpenApiScheme, 1);
  g_autoptr(GStrvBuilder) other_flows = g_strv_builder_new ();
  const char *type = get_string (object, "type");

  scheme->name = g_strdup (name);
  scheme->type = g_strdup (type ? type : "");
  scheme->description = _rc_open_api_dup_text (object, "description");

  if (g_strcmp0 (type, "oauth2") == 0)
    {
      JsonObject *flows = node_get_object (get_member (object, "flows"));
      JsonObjectIter iter;
      const char *flow_name;
      JsonNode *flow;

      if (flows)
        {
          json_object_iter_init_ordered (&iter, flows);
          while (json_object_iter_next_ordered (&iter, &flow_name, &flow))
            {
              if (g_str_equal (flow_name, "clientCredentials"))
                read_client_credentials (reader, scheme, node_get_object (flow));
              else if (!g_str_has_prefix (flow_name, "x-"))
                g_strv_builder_add (other_flows, flow_name);
            }
        }
    }
  else if (g_strcmp0 (type, "http") == 0)
    {
      const char *http_scheme = get_string (object, "scheme");

      scheme->http_scheme = g_ascii_strdown (http_scheme ? http_scheme : "", -1);
      scheme->bearer_format = _rc_open_api_dup_text (object, "bearerFormat");
    }
  else if (g_strcmp0 (type, "apiKey") == 0)
    {
      scheme->in = _rc_open_api_dup_text (object, "in");
      scheme->param = _rc_open_api_dup_text (object, "name");
    }
  else if (g_strcmp0 (type, "openIdConnect") == 0)
    scheme->openid_connect_url = _rc_open_api_dup_text (object, "openIdConnectUrl");
  else if (g_strcmp0 (type, "mutualTLS") != 0)
    _rc_open_api_warn (reader->self, _("The security scheme “%s” has the unknown type “%s”."),
                       name, scheme->type);

  if (scheme->scopes == NULL)
    scheme->scopes = g_new0 (char *, 1);
  scheme->other_flows = g_strv_builder_end (other_flows);

  return scheme;
}

static RcOpenApiScheme *
read_scheme_2 (RcOpenApiReader *reader,
               const char      *name,
               JsonObject      *object)
{
  RcOpenApiScheme *scheme = g_new0 (RcOpenApiScheme, 1);
  g_autoptr(GStrvBuilder) other_flows = g_strv_builder_new ();
  const char *type = get_string (object, "type");

  scheme->name = g_strdup (name);
  scheme->type = g_strdup (type ? type : "");
  scheme->description = _rc_open_api_dup_text (object, "description");

  if (g_strcmp0 (type, "basic") == 0)
    {
      g_free (scheme->type);
      scheme->type = g_strdup ("http");
      scheme->http_scheme = g_strdup ("basic");
    }
  else if (g_strcmp0 (type, "apiKey") == 0)
    {
      scheme->in = _rc_open_api_dup_text (object, "in");
      scheme->param = _rc_open_api_dup_text (object, "name");
    }
  else if (g_strcmp0 (type, "oauth2") == 0)
    {
      const char *flow = get_string (object, "flow");

      if (g_strcmp0 (flow, "application") == 0)
        read_client_credentials (reader, scheme, object);
      else if (g_strcmp0 (flow, "accessCode") == 0)
        g_strv_builder_add (other_flows, "authorizationCode");
      else if (flow)
        g_strv_builder_add (other_flows, flow);
    }
  else
    _rc_open_api_warn (reader->self, _("The security scheme “%s” has the unknown type “%s”."),
                       name, scheme->type);

  if (scheme->scopes == NULL)
    scheme->scopes = g_new0 (char *, 1);
  scheme->other_flows = g_strv_builder_end (other_flows);

  return scheme;
}

void
_rc_open_api_read_schemes (RcOpenApiReader *reader,
                           JsonObject      *root)
{
  RcOpenApi *self = reader->self;
  gboolean swagger = self->format == RC_OPEN_API_FORMAT_SWAGGER_2_0;
  const char *where = swagger ? "/securityDefinitions" : "/components/securitySchemes";
  JsonObject *schemes;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (swagger)
    schemes = node_get_object (get_member (root, "securityDefinitions"));
  else
    schemes = node_get_object (get_member (node_get_object (get_member (root, "components")),
                                           "securitySchemes"));
  if (schemes == NULL)
    return;

  json_object_iter_init_ordered (&iter, schemes);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      g_autofree char *pointer = _rc_open_api_pointer_append (where, name);
      JsonObject *object = node_get_object (_rc_open_api_resolve (reader, node, pointer));
      RcOpenApiScheme *scheme;

      if (object == NULL)
        continue;

      scheme =
        swagger ? read_scheme_2 (reader, name, object) : read_scheme_3 (reader, name, object);
      g_ptr_array_add (self->schemes, scheme);
      g_hash_table_replace (self->scheme_by_name, scheme->name, scheme);
    }
}

/* Security requirements: %NULL when @node is not a list. */
GPtrArray *
_rc_open_api_read_security (RcOpenApiReader *reader,
                            JsonNode        *node,
                            const char      *where)
{
  RcOpenApi *self = reader->self;
  JsonArray *array = node_get_array (node);
  GPtrArray *alternatives;

  if (array == NULL)
    {
      _rc_open_api_warn (self, _("The security at %s is not a list; it is ignored."), where);
      return NULL;
    }

  alternatives = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = node_get_object (json_array_get_element (array, i));
      GPtrArray *requirements;
      JsonObjectIter iter;
      const char *name;
      JsonNode *scopes;

      if (object == NULL)
        {
          _rc_open_api_warn (
            self, _("The security requirement at %s/%u is not a mapping; it is ignored."), where,
            i);
          continue;
        }

      requirements = g_ptr_array_new_with_free_func (requirement_free);
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &scopes))
        {
          RcOpenApiRequirement *requirement = g_new0 (RcOpenApiRequirement, 1);

          if (!g_hash_table_contains (self->scheme_by_name, name))
            _rc_open_api_warn (self,
                               _("The security scheme “%s” is required but not declared in the "
                                 "document."),
                               name);

          requirement->scheme = g_strdup (name);
          requirement->scopes = _rc_open_api_dup_strings (node_get_array (scopes) ? scopes : NULL);
          g_ptr_array_add (requirements, requirement);
        }
      g_ptr_array_add (alternatives, requirements);
    }

  return alternatives;
}

/* Scopes are sent as one space-separated list (RFC 6749 §3.3): a name
 * holding whitespace would be sent as two scopes. */
gboolean
_rc_open_api_scope_is_sendable (const char *scope)
{
  return strpbrk (scope, " \t\n\v\f\r") == NULL;
}

/* Adds to @undeclared, once each and in order, the scopes that @operation
 * asks @scheme for and that its client credentials flow does not declare
 * (@declared); returns whether there was one. */
static gboolean
add_undeclared_scopes (const RcOpenApiOperation *operation,
                       const RcOpenApiScheme    *scheme,
                       GHashTable               *declared,
                       GPtrArray                *undeclared,
                       GHashTable               *seen)
{
  gboolean found = FALSE;

  for (guint i = 0; i < operation->security->len; i++)
    {
      GPtrArray *requirements = operation->security->pdata[i];

      for (guint j = 0; j < requirements->len; j++)
        {
          const RcOpenApiRequirement *requirement = requirements->pdata[j];

          if (!g_str_equal (requirement->scheme, scheme->name))
            continue;

          for (guint k = 0; requirement->scopes[k]; k++)
            {
              const char *scope = requirement->scopes[k];

              if (g_hash_table_contains (declared, scope))
                continue;
              found = TRUE;
              if (g_hash_table_add (seen, (gpointer)scope))
                g_ptr_array_add (undeclared, (gpointer)scope);
            }
        }
    }

  return found;
}

/* At most this many scopes are named in one warning. */
#define MAX_NAMED_SCOPES 10

static void
warn_undeclared_scopes (RcOpenApi             *self,
                        const RcOpenApiScheme *scheme)
{
  g_autoptr(GHashTable) declared = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) undeclared = g_ptr_array_new ();
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_operations = 0;

  for (guint i = 0; scheme->scopes[i]; i++)
    g_hash_table_add (declared, scheme->scopes[i]);

  for (guint i = 0; i < self->operations->len; i++)
    {
      if (add_undeclared_scopes (self->operations->pdata[i], scheme, declared, undeclared, seen))
        n_operations++;
    }

  if (n_operations == 0)
    return;

  for (guint i = 0; i < undeclared->len && i < MAX_NAMED_SCOPES; i++)
    {
      g_autofree char *shown = rc_wire_escape (undeclared->pdata[i]);

      g_string_append_printf (names, i ? ", “%s”" : "“%s”", shown);
    }
  if (undeclared->len > MAX_NAMED_SCOPES)
    {
      guint more = undeclared->len - MAX_NAMED_SCOPES;

      g_string_append_printf (names,
                              g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", more),
                              more);
    }

  /* Translators: %u counts operations, the first %s is a security
   * scheme's name, the second a list of quoted scopes */
  _rc_open_api_warn (self,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u operation asks the OAuth 2.0 scheme “%s” for scopes its "
                                  "client credentials flow does not declare: %s. A client "
                                  "credentials token cannot carry them, so the API’s scopes leave "
                                  "them out; if the API refuses a call, ask its publisher which "
                                  "scopes a client may have, and add them to the API’s scopes.",
                                  "%u operations ask the OAuth 2.0 scheme “%s” for scopes its "
                                  "client credentials flow does not declare: %s. A client "
                                  "credentials token cannot carry them, so the API’s scopes leave "
                                  "them out; if the API refuses a call, ask its publisher which "
                                  "scopes a client may have, and add them to the API’s scopes.",
                                  n_operations),
                     n_operations, scheme->name, names->str);
}

/* The operations may ask an OAuth 2.0 scheme for scopes of another flow
 * (authorization code, say) or for none it declares: the API's scopes
 * leave them out (rc-openapi-build.c), and the user is told. */
void
_rc_open_api_check_flow_scopes (RcOpenApi *self)
{
  for (guint i = 0; i < self->schemes->len; i++)
    {
      const RcOpenApiScheme *scheme = self->schemes->pdata[i];

      if (scheme->client_credentials)
        warn_undeclared_scopes (self, scheme);
    }
}

/**
 * rc_open_api_resolve_token_url:
 * @base_url: (nullable): the server the user chose for the API
 *
 * A relative token URL belongs to the server the API is called on: when
 * the user picks another server than the first, this resolves the
 * document's token URL against that one (RFC 3986 §5.2).
 *
 * Returns: (transfer full) (nullable): the token URL to use
 */
char *
rc_open_api_resolve_token_url (RcOpenApi             *self,
                               const RcOpenApiScheme *scheme,
                               const char            *base_url)
{
  char *resolved;

  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);
  g_return_val_if_fail (scheme != NULL, NULL);

  if (scheme->document_token_url == NULL
      || g_uri_peek_scheme (scheme->document_token_url) != NULL
      || base_url == NULL
      || g_uri_peek_scheme (base_url) == NULL)
    return g_strdup (scheme->token_url);

  resolved = g_uri_resolve_relative (base_url, scheme->document_token_url, G_URI_FLAGS_NONE, NULL);

  return resolved ? resolved : g_strdup (scheme->token_url);
}
