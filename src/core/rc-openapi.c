/* rc-openapi.c: reading a Swagger 2.0 or OpenAPI 3.0/3.1 document
 *
 * RcOpenApi reads a document tree (from rc_document_parse(), so JSON and
 * YAML alike) once, into plain records: the format, title and version, the
 * servers, the security schemes and every operation with its effective
 * security. rc-openapi-build.c turns those into an RcApi and into the
 * `restcall import --json` object. The tree is dropped once read. This file
 * reads the format, info and operations; rc-openapi-servers.c the servers,
 * rc-openapi-security.c the security; rc-openapi-tree.c holds the tree
 * getters and `$ref`s.
 *
 * What it reads, and how:
 *
 * - Servers: OpenAPI 3 `servers`, each with its `{variables}` (see
 *   rc-openapi-servers.c: the API's base URL keeps them as `{{name}}`, and
 *   they become variables with their defaults); Swagger 2 `schemes` ×
 *   `host` + `basePath` (a missing host or
 *   scheme is the document URL's, else https). A relative server URL is
 *   resolved against @base_uri (the document's URL) when there is one, else
 *   kept with a warning that a base URL is needed. Path- and
 *   operation-level `servers` are not used; a warning says so.
 * - Operations: every `paths` entry in document order, and in each the
 *   verbs (get put post delete options head patch trace) in document order.
 *   Path-level parameters are merged with the operation's, which win by name
 *   and location; at most %RC_OPEN_API_MAX_PARAMETERS are kept over all
 *   operations, as $refs can multiply them. Swagger's `body` and `formData`
 *   parameters become request media types (`consumes`), as OpenAPI 3's
 *   `requestBody.content` does. A media type that is not one (RFC 9110,
 *   rc-wire.c) is left out with a warning, and so is an operation left
 *   with none of those it declared: it could not be sent. A parameter
 *   that is not imported (a cookie, a header Restcall cannot send or
 *   OpenAPI says to ignore, a query name that cannot be a placeholder) is
 *   kept in the record and named in a warning.
 *   An operation's `name` is its operationId; a duplicate gets `_2`, `_3`
 *   and a warning; a missing one is made from the verb and the path
 *   (`get_pets_petId`).
 * - Security: the operation's `security`, else the top level's: a list of
 *   alternatives (OR), each naming schemes that all apply (AND); `[]` is no
 *   auth, `{}` an alternative with no scheme (auth optional). Swagger's
 *   `basic` is recorded as http basic and its oauth2 `flow: application` as
 *   a client credentials flow, so both formats read alike. A relative token
 *   URL is resolved against the first server (RFC 3986 §5.2), and a token
 *   URL on another origin than the first server gets a warning.
 * - `$ref`s are followed wherever the importer reads (path items,
 *   parameters, request bodies, security schemes): local JSON pointers
 *   (`#/components/…`, `#/definitions/…`, with `~0`, `~1` and %-escapes).
 *   Where each `$ref` leads is remembered, so a chain is followed once
 *   however many paths use it, and a cycle ends with a warning, never a
 *   hang. With the document's location (rc_open_api_new_from_bytes_full()),
 *   `$ref`s into other documents are followed too: local files relative to
 *   the document holding the `$ref`, each read once (at most
 *   %RC_OPEN_API_MAX_EXTERNAL_DOCUMENTS), and http(s) documents only through
 *   a fetch function; a missing file or pointer is a warning. They stay in
 *   bounds (#RcOpenApiRefOptions): regular files under a size cap, inside
 *   the document's folder or on its origin unless allowed. A dangling
 *   `$ref` is a warning naming the pointer. Schemas are never walked, so
 *   their cycles cost nothing.
 *
 * A document whose structure is not OpenAPI at all (no version, a top level
 * that is not a mapping, `paths` that is not a mapping) is an error naming
 * the JSON pointer; anything smaller is a warning, and the rest is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-document.h"
#include "rc-oauth.h"
#include "rc-names.h"
#include "rc-openapi-private.h"
#include "rc-wire.h"

static const char * const verbs[] = {
  "get", "put", "post", "delete", "options", "head", "patch", "trace", NULL
};

G_DEFINE_QUARK (rc-open-api-error-quark, rc_open_api_error)

G_DEFINE_FINAL_TYPE (RcOpenApi, rc_open_api, G_TYPE_OBJECT)

/* Records */

static void
parameter_free (gpointer data)
{
  RcOpenApiParameter *parameter = data;

  g_free (parameter->name);
  g_free (parameter->in);
  g_free (parameter->description);
  g_free (parameter);
}

static void
operation_free (gpointer data)
{
  RcOpenApiOperation *operation = data;

  g_free (operation->method);
  g_free (operation->path);
  g_free (operation->operation_id);
  g_free (operation->name);
  g_free (operation->summary);
  g_free (operation->description);
  g_strfreev (operation->tags);
  g_clear_pointer (&operation->parameters, g_ptr_array_unref);
  g_strfreev (operation->request_media_types);
  g_clear_pointer (&operation->security, g_ptr_array_unref);
  g_free (operation->pointer);
  g_free (operation);
}

static void
scheme_free (gpointer data)
{
  RcOpenApiScheme *scheme = data;

  g_free (scheme->name);
  g_free (scheme->type);
  g_free (scheme->description);
  g_free (scheme->http_scheme);
  g_free (scheme->bearer_format);
  g_free (scheme->in);
  g_free (scheme->param);
  g_free (scheme->token_url);
  g_free (scheme->document_token_url);
  g_free (scheme->refresh_url);
  g_strfreev (scheme->scopes);
  g_strfreev (scheme->other_flows);
  g_free (scheme->openid_connect_url);
  g_free (scheme);
}

/* Format, title, version */

static gboolean
version_is (const char *version,
            const char *major_minor)
{
  gsize length = strlen (major_minor);

  return strncmp (version, major_minor, length) == 0 &&
         (version[length] == '\0' || version[length] == '.');
}

static gboolean
read_format (RcOpenApiReader  *reader,
             JsonObject       *root,
             GError          **error)
{
  RcOpenApi *self = reader->self;
  g_autofree char *openapi = _rc_open_api_dup_text (root, "openapi");
  g_autofree char *swagger = _rc_open_api_dup_text (root, "swagger");

  if (openapi && version_is (openapi, "3.0"))
    self->format = RC_OPEN_API_FORMAT_OPENAPI_3_0;
  else if (openapi && version_is (openapi, "3.1"))
    self->format = RC_OPEN_API_FORMAT_OPENAPI_3_1;
  else if (openapi)
    {
      g_set_error (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_UNSUPPORTED,
                   _("“%s” is OpenAPI %s (at /openapi), which cannot be imported: Restcall "
                     "reads Swagger 2.0 and OpenAPI 3.0 and 3.1. Import a document in one of "
                     "those versions."),
                   self->display_name, openapi);
      return FALSE;
    }
  else if (swagger && g_str_equal (swagger, "2.0"))
    self->format = RC_OPEN_API_FORMAT_SWAGGER_2_0;
  else if (swagger)
    {
      g_set_error (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_UNSUPPORTED,
                   _("“%s” is Swagger %s (at /swagger), which cannot be imported: Restcall "
                     "reads Swagger 2.0 and OpenAPI 3.0 and 3.1. Import a document in one of "
                     "those versions."),
                   self->display_name, swagger);
      return FALSE;
    }
  else
    {
      g_set_error (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_INVALID,
                   _("“%s” is not an OpenAPI or Swagger document: there is no “openapi” or "
                     "“swagger” version at /openapi or /swagger. Choose an OpenAPI or Swagger "
                     "document."),
                   self->display_name);
      return FALSE;
    }

  return TRUE;
}

static void
read_info (RcOpenApiReader *reader,
           JsonObject      *root)
{
  RcOpenApi *self = reader->self;
  JsonObject *info = node_get_object (get_member (root, "info"));

  self->title = _rc_open_api_dup_text (info, "title");
  if (self->title == NULL || self->title[0] == '\0')
    {
      g_autofree char *base = g_path_get_basename (self->display_name);
      char *dot = strrchr (base, '.');

      if (dot && dot != base)
        *dot = '\0';
      g_free (self->title);
      self->title = g_strdup (base);
      _rc_open_api_warn (self, _("The document has no title (/info/title); the API is named “%s”."),
                         self->title);
    }

  self->version = _rc_open_api_dup_text (info, "version");
  if (self->version == NULL)
    self->version = g_strdup ("");
}

/* Operations */

static RcOpenApiParameter *
read_parameter (RcOpenApiReader *reader,
                JsonNode        *node,
                const char      *where,
                gboolean        *body,
                gboolean        *form)
{
  JsonObject *object = node_get_object (_rc_open_api_resolve (reader, node, where));
  RcOpenApiParameter *parameter;
  const char *name = get_string (object, "name");
  const char *in = get_string (object, "in");
  JsonNode *required;

  if (object == NULL)
    return NULL;

  if (name == NULL || in == NULL)
    {
      _rc_open_api_warn (
        reader->self, _("The parameter at %s has no “name” or no “in”; it is left out."), where);
      return NULL;
    }

  if (g_str_equal (in, "body"))
    {
      *body = TRUE;
      return NULL;
    }

  if (g_str_equal (in, "formData"))
    {
      *form = TRUE;
      return NULL;
    }

  parameter = g_new0 (RcOpenApiParameter, 1);
  parameter->name = g_strdup (name);
  parameter->in = g_strdup (in);
  parameter->description = _rc_open_api_dup_text (object, "description");
  required = get_member (object, "required");
  parameter->required = g_str_equal (in, "path") ||
                        (required && JSON_NODE_HOLDS_VALUE (required) &&
                         json_node_get_value_type (required) == G_TYPE_BOOLEAN &&
                         json_node_get_boolean (required));

  return parameter;
}

/* Whether one more parameter may be kept (see RC_OPEN_API_MAX_PARAMETERS). */
static gboolean
count_parameter (RcOpenApiReader *reader)
{
  if (reader->n_parameters == RC_OPEN_API_MAX_PARAMETERS)
    {
      _rc_open_api_warn (reader->self,
                         _("The operations have more than %u parameters in all; the rest are "
                           "left out."),
                         RC_OPEN_API_MAX_PARAMETERS);
      reader->n_parameters++;
    }

  if (reader->n_parameters > RC_OPEN_API_MAX_PARAMETERS)
    return FALSE;

  reader->n_parameters++;
  return TRUE;
}

static char *
parameter_dup_key (const RcOpenApiParameter *parameter)
{
  return g_strconcat (parameter->in, "\n", parameter->name, NULL);
}

/* Adds @node's parameters to @parameters; one of the same name and
 * location is replaced. A table of positions keeps long lists linear. An
 * operation's (@count) count towards RC_OPEN_API_MAX_PARAMETERS. */
static void
merge_parameters (RcOpenApiReader *reader,
                  GPtrArray       *parameters,
                  JsonNode        *node,
                  const char      *where,
                  gboolean         count,
                  gboolean        *body,
                  gboolean        *form)
{
  g_autofree char *list_where = _rc_open_api_pointer_append (where, "parameters");
  g_autoptr(GHashTable) positions = NULL;
  JsonArray *array = node_get_array (node);

  if (array == NULL || json_array_get_length (array) == 0)
    return;

  positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint j = 0; j < parameters->len; j++)
    g_hash_table_insert (positions, parameter_dup_key (parameters->pdata[j]),
                         GUINT_TO_POINTER (j + 1));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *index = g_strdup_printf ("%u", i);
      g_autofree char *element_where = _rc_open_api_pointer_append (list_where, index);
      RcOpenApiParameter *parameter = read_parameter (reader, json_array_get_element (array, i),
                                                      element_where, body, form);
      char *key;
      guint position;

      if (parameter == NULL)
        continue;

      key = parameter_dup_key (parameter);
      position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, key));
      if (position > 0)
        {
          g_free (key);
          parameter_free (parameters->pdata[position - 1]);
          parameters->pdata[position - 1] = parameter;
        }
      else if (!count || count_parameter (reader))
        {
          g_ptr_array_add (parameters, parameter);
          g_hash_table_insert (positions, key, GUINT_TO_POINTER (parameters->len));
        }
      else
        {
          g_free (key);
          parameter_free (parameter);
          break;
        }
    }
}

static GStrv
read_media_types (RcOpenApiReader *reader,
                  JsonObject      *root,
                  JsonObject      *object,
                  const char      *where,
                  gboolean         body,
                  gboolean         form)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (reader->self->format == RC_OPEN_API_FORMAT_SWAGGER_2_0)
    {
      JsonNode *consumes = get_member (object, "consumes");

      if (!body && !form)
        return g_strv_builder_end (builder);

      if (consumes == NULL)
        consumes = get_member (root, "consumes");
      if (consumes)
        {
          g_auto(GStrv) types = _rc_open_api_dup_strings (consumes);

          g_strv_builder_addv (builder, (const char **)types);
        }
      else
        g_strv_builder_add (builder,
                            form ? "application/x-www-form-urlencoded" : "application/json");
    }
  else
    {
      g_autofree char *body_where = _rc_open_api_pointer_append (where, "requestBody");
      JsonNode *request_body = get_member (object, "requestBody");
      JsonObject *content;

      if (request_body == NULL)
        return g_strv_builder_end (builder);

      request_body = _rc_open_api_resolve (reader, request_body, body_where);
      content = node_get_object (get_member (node_get_object (request_body), "content"));
      if (content)
        {
          JsonObjectIter iter;
          const char *type;
          JsonNode *media;

          json_object_iter_init_ordered (&iter, content);
          while (json_object_iter_next_ordered (&iter, &type, &media))
            g_strv_builder_add (builder, type);
        }
    }

  return g_strv_builder_end (builder);
}

/* How a warning names an operation, before operations get their names:
 * its operationId if any, its verb and its path. */
static char *
dup_operation_label (const RcOpenApiOperation *operation)
{
  g_autofree char *path = rc_wire_escape (operation->path);
  g_autofree char *operation_id = NULL;

  if (operation->operation_id == NULL)
    return g_strdup_printf ("%s %s", operation->method, path);

  operation_id = rc_wire_escape (operation->operation_id);
  return g_strdup_printf ("“%s” (%s %s)", operation_id, operation->method, path);
}

/* Leaves out, each with a warning, the request media types that could not
 * be sent as a Content-Type (rc-wire.c): a key such as
 * "text/plain\r\nContent-Length: 1\r\n\r\nGET /steal …" would add
 * headers, or a second request carrying the Authorization. Returns FALSE
 * when none is left of those declared: the operation cannot be sent. */
static gboolean
keep_media_types (RcOpenApi          *self,
                  RcOpenApiOperation *operation)
{
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_autofree char *label = NULL;
  GStrv types = operation->request_media_types;
  guint n_kept = 0;

  for (guint i = 0; types[i]; i++)
    {
      if (rc_wire_is_media_type (types[i]))
        {
          g_strv_builder_add (kept, types[i]);
          n_kept++;
        }
    }

  if (n_kept == g_strv_length (types))
    return TRUE;

  label = dup_operation_label (operation);

  for (guint i = 0; types[i]; i++)
    {
      g_autofree char *shown = NULL;

      if (rc_wire_is_media_type (types[i]))
        continue;

      shown = rc_wire_escape (types[i]);
      if (n_kept == 0)
        {
          /* Translators: the first %s names an operation, the second is a content type */
          _rc_open_api_warn (self,
                             _("The operation %s is left out: its request body’s content type "
                               "“%s” is not a media type and cannot be sent as a Content-Type. "
                               "Fix the document, or add the method by hand."),
                             label, shown);
          return FALSE;
        }

      /* Translators: the first %s names an operation, the second is a content type */
      _rc_open_api_warn (self,
                         _("The operation %s declares the request body content type “%s”, which "
                           "is not a media type and cannot be sent as a Content-Type: that type "
                           "is left out, and the operation is imported with its other types."),
                         label, shown);
    }

  g_strfreev (operation->request_media_types);
  operation->request_media_types = g_strv_builder_end (kept);

  return TRUE;
}

/* Says, with a warning, which of @operation's parameters are not imported
 * and why; they stay in the record, which says what the document says. A
 * cookie or a header that OpenAPI says to ignore is often on every
 * operation, so its warning names the parameter only, and is given once;
 * the others are mistakes in the document, so theirs name the operation. */
static void
warn_unimported_parameters (RcOpenApi                *self,
                            const RcOpenApiOperation *operation)
{
  g_autofree char *label = NULL;

  for (guint i = 0; i < operation->parameters->len; i++)
    {
      const RcOpenApiParameter *parameter = operation->parameters->pdata[i];
      RcOpenApiParameterFate fate = _rc_open_api_parameter_get_fate (parameter);
      g_autofree char *name = NULL;
      g_autofree char *in = NULL;

      if (fate == RC_OPEN_API_PARAMETER_IMPORTED)
        continue;

      if (label == NULL && fate != RC_OPEN_API_PARAMETER_COOKIE
          && fate != RC_OPEN_API_PARAMETER_RESERVED_HEADER)
        label = dup_operation_label (operation);
      name = rc_wire_escape (parameter->name);

      switch (fate)
        {
        case RC_OPEN_API_PARAMETER_COOKIE:
          /* Translators: %s is a parameter's name */
          _rc_open_api_warn (self,
                             _("The cookie parameter “%s” is not imported: Restcall does not send "
                               "cookies. Add a Cookie header to the methods that need it; their "
                               "descriptions list their parameters."),
                             name);
          break;

        case RC_OPEN_API_PARAMETER_RESERVED_HEADER:
          /* Translators: %s is a parameter's name */
          _rc_open_api_warn (self,
                             _("The header parameter “%s” is not imported: OpenAPI describes that "
                               "header with the operations’ responses, request bodies or security "
                               "instead."),
                             name);
          break;

        case RC_OPEN_API_PARAMETER_BAD_HEADER_NAME:
          /* Translators: the first %s names an operation, the second a parameter */
          _rc_open_api_warn (self,
                             _("The operation %s has the header parameter “%s”, which is not "
                               "imported: that name cannot be sent as a header."),
                             label, name);
          break;

        case RC_OPEN_API_PARAMETER_BAD_QUERY_NAME:
          /* Translators: the first %s names an operation, the second a parameter */
          _rc_open_api_warn (self,
                             _("The operation %s has the query parameter “%s”, which is not "
                               "imported: a name that is empty, holds braces or starts or ends "
                               "with a space cannot be a parameter of the method’s URL."),
                             label, name);
          break;

        case RC_OPEN_API_PARAMETER_UNKNOWN_LOCATION:
          in = rc_wire_escape (parameter->in);
          /* Translators: the first %s names an operation, the second a parameter, the
           * third where the document says it goes */
          _rc_open_api_warn (self,
                             _("The operation %s has the parameter “%s” in “%s”, which is not "
                               "imported: parameters go in the path, the query, a header or a "
                               "cookie."),
                             label, name, in);
          break;

        case RC_OPEN_API_PARAMETER_IMPORTED:
        default:
          g_assert_not_reached ();
        }
    }
}

static void
read_operation (RcOpenApiReader *reader,
                JsonObject      *root,
                const char      *path,
                const char      *verb,
                JsonObject      *object,
                const char      *where,
                GPtrArray       *path_parameters,
                gboolean         path_body,
                gboolean         path_form)
{
  RcOpenApi *self = reader->self;
  RcOpenApiOperation *operation = g_new0 (RcOpenApiOperation, 1);
  JsonNode *security = get_member (object, "security");
  gboolean body = path_body, form = path_form;
  const char *operation_id = get_string (object, "operationId");

  operation->method = g_ascii_strup (verb, -1);
  operation->path = g_strdup (path);
  operation->operation_id = operation_id && operation_id[0] ? g_strdup (operation_id) : NULL;
  operation->summary = _rc_open_api_dup_text (object, "summary");
  operation->description = _rc_open_api_dup_text (object, "description");
  operation->tags = _rc_open_api_dup_strings (node_get_array (get_member (object, "tags"))
                                              ? get_member (object, "tags")
                                              : NULL);
  operation->pointer = g_strdup (where);

  operation->parameters = g_ptr_array_new_with_free_func (parameter_free);
  for (guint i = 0; i < path_parameters->len && count_parameter (reader); i++)
    {
      RcOpenApiParameter *source = path_parameters->pdata[i];
      RcOpenApiParameter *copy = g_new0 (RcOpenApiParameter, 1);

      copy->name = g_strdup (source->name);
      copy->in = g_strdup (source->in);
      copy->required = source->required;
      copy->description = g_strdup (source->description);
      g_ptr_array_add (operation->parameters, copy);
    }
  merge_parameters (reader, operation->parameters, get_member (object, "parameters"), where, TRUE,
                    &body, &form);
  operation->request_media_types = read_media_types (reader, root, object, where, body, form);
  if (!keep_media_types (self, operation))
    {
      operation_free (operation);
      return;
    }
  warn_unimported_parameters (self, operation);

  if (security)
    {
      g_autofree char *security_where = _rc_open_api_pointer_append (where, "security");

      operation->security = _rc_open_api_read_security (reader, security, security_where);
    }
  if (operation->security)
    operation->security_declared = TRUE;
  else if (reader->top_security)
    {
      operation->security = g_ptr_array_ref (reader->top_security);
      operation->security_declared = TRUE;
    }
  else
    operation->security = g_ptr_array_new ();

  _rc_open_api_check_local_servers (reader, object, where);

  g_ptr_array_add (self->operations, operation);
}

static void
read_path_item (RcOpenApiReader *reader,
                JsonObject      *root,
                const char      *path,
                JsonNode        *node)
{
  g_autofree char *where = _rc_open_api_pointer_append ("/paths", path);
  g_autoptr(GPtrArray) path_parameters = g_ptr_array_new_with_free_func (parameter_free);
  gboolean body = FALSE, form = FALSE;
  JsonObject *item = node_get_object (_rc_open_api_resolve (reader, node, where));
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (item == NULL)
    {
      if (node && !JSON_NODE_HOLDS_OBJECT (node))
        _rc_open_api_warn (reader->self,
                           _("The path item at %s is not a mapping; it is left out."), where);
      return;
    }

  merge_parameters (reader, path_parameters, get_member (item, "parameters"), where, FALSE, &body,
                    &form);
  _rc_open_api_check_local_servers (reader, item, where);

  json_object_iter_init_ordered (&iter, item);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      g_autofree char *operation_where = NULL;

      if (!g_strv_contains (verbs, key))
        continue;

      operation_where = _rc_open_api_pointer_append (where, key);
      if (!JSON_NODE_HOLDS_OBJECT (member))
        {
          _rc_open_api_warn (reader->self,
                             _("The operation at %s is not a mapping; it is left out."),
                             operation_where);
          continue;
        }

      read_operation (reader, root, path, key, json_node_get_object (member), operation_where,
                      path_parameters, body, form);
    }
}

static char *
generate_name (const RcOpenApiOperation *operation)
{
  GString *name = g_string_new (NULL);

  for (const char *p = operation->method; *p; p++)
    g_string_append_c (name, g_ascii_tolower (*p));

  for (const char *p = operation->path; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (name, *p);
      else if (name->str[name->len - 1] != '_')
        g_string_append_c (name, '_');
    }

  while (name->str[name->len - 1] == '_')
    g_string_truncate (name, name->len - 1);

  return g_string_free (name, FALSE);
}

/* operationIds first, so that a generated name never takes one. */
static void
name_operations (RcOpenApi *self)
{
  /* getPet, getPet_2…: numbered as generated names are separated. */
  g_autoptr(RcNameSet) names = rc_name_set_new ("_");

  for (guint i = 0; i < self->operations->len; i++)
    {
      RcOpenApiOperation *operation = self->operations->pdata[i];

      if (operation->operation_id == NULL)
        continue;

      operation->name = rc_name_set_add_unique (names, operation->operation_id);
      if (!g_str_equal (operation->name, operation->operation_id))
        _rc_open_api_warn (self,
                           _("Two operations have the operationId “%s”; the one at %s is named "
                             "“%s”."),
                           operation->operation_id, operation->pointer, operation->name);
    }

  for (guint i = 0; i < self->operations->len; i++)
    {
      RcOpenApiOperation *operation = self->operations->pdata[i];
      g_autofree char *generated = NULL;

      if (operation->name)
        continue;

      generated = generate_name (operation);
      operation->name = rc_name_set_add_unique (names, generated);
    }
}

static gboolean
read_paths (RcOpenApiReader  *reader,
            JsonObject       *root,
            GError          **error)
{
  JsonNode *paths_node = get_member (root, "paths");
  JsonObject *paths = node_get_object (paths_node);
  JsonObjectIter iter;
  const char *path;
  JsonNode *item;

  if (paths_node && !paths && !JSON_NODE_HOLDS_NULL (paths_node))
    {
      g_set_error (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_INVALID,
                   _("“%s” is not a valid OpenAPI document: /paths is not a mapping of paths. "
                     "Fix the document, or get a valid copy from its publisher."),
                   reader->self->display_name);
      return FALSE;
    }

  if (paths == NULL)
    {
      if (reader->self->format != RC_OPEN_API_FORMAT_OPENAPI_3_1)
        _rc_open_api_warn (reader->self,
                           _("The document has no paths (/paths), so no operations."));
      return TRUE;
    }

  json_object_iter_init_ordered (&iter, paths);
  while (json_object_iter_next_ordered (&iter, &path, &item))
    {
      if (g_str_has_prefix (path, "x-"))
        continue;
      read_path_item (reader, root, path, item);
    }

  name_operations (reader->self);

  return TRUE;
}

/* Many documents declare their scheme and forget to apply it; the API
 * still gets it (rc-openapi-build.c), and the user is told. */
static void
warn_unapplied_schemes (RcOpenApi *self)
{
  for (guint i = 0; i < self->operations->len; i++)
    {
      const RcOpenApiOperation *operation = self->operations->pdata[i];

      if (operation->security_declared)
        return;
    }

  for (guint i = 0; i < self->schemes->len; i++)
    {
      const RcOpenApiScheme *scheme = self->schemes->pdata[i];

      if (scheme->client_credentials)
        {
          _rc_open_api_warn (self,
                             _("No operation says which security it needs; the API uses the "
                               "declared OAuth 2.0 client credentials scheme “%s”."),
                             scheme->name);
          return;
        }
    }
}

static gboolean
read_document (RcOpenApi                 *self,
               JsonNode                  *root_node,
               const RcOpenApiRefOptions *options,
               GError                   **error)
{
  RcOpenApiReader reader = { self, root_node, NULL };
  JsonObject *root = node_get_object (root_node);
  JsonNode *security;
  gboolean ok;

  reader.options = options;
  reader.document_uri =
    options->document_uri && options->document_uri[0] ? options->document_uri : NULL;
  reader.fetch = options->fetch;
  reader.fetch_data = options->fetch_data;

  if (root == NULL)
    {
      g_set_error (error, RC_OPEN_API_ERROR, RC_OPEN_API_ERROR_INVALID,
                   _("“%s” is not an OpenAPI or Swagger document: its top level (/) is not a "
                     "mapping. Choose an OpenAPI or Swagger document."),
                   self->display_name);
      return FALSE;
    }

  if (!read_format (&reader, root, error))
    {
      _rc_open_api_reader_clear (&reader);
      return FALSE;
    }

  read_info (&reader, root);
  _rc_open_api_read_servers (&reader, root);
  _rc_open_api_read_schemes (&reader, root);

  if ((security = get_member (root, "security")))
    reader.top_security = _rc_open_api_read_security (&reader, security, "/security");

  ok = read_paths (&reader, root, error);
  g_clear_pointer (&reader.top_security, g_ptr_array_unref);
  _rc_open_api_reader_clear (&reader);

  if (ok)
    {
      warn_unapplied_schemes (self);
      _rc_open_api_check_flow_scopes (self);
    }

  if (ok && self->n_dropped_warnings > 0)
    {
      g_autofree char *more =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "…and %u more warning.",
                                      "…and %u more warnings.", self->n_dropped_warnings),
                         self->n_dropped_warnings);

      g_ptr_array_insert (self->warnings, self->warnings->len - 1, g_steal_pointer (&more));
    }

  return ok;
}

static void
rc_open_api_finalize (GObject *object)
{
  RcOpenApi *self = (RcOpenApi *)object;

  g_free (self->display_name);
  g_free (self->base_uri);
  g_free (self->title);
  g_free (self->version);
  g_strfreev (self->servers);
  g_ptr_array_unref (self->server_records);
  g_ptr_array_unref (self->operations);
  g_hash_table_unref (self->scheme_by_name);
  g_ptr_array_unref (self->schemes);
  g_ptr_array_unref (self->warnings);
  g_hash_table_unref (self->warning_set);
  g_ptr_array_unref (self->unfetched);
  g_ptr_array_unref (self->external);

  G_OBJECT_CLASS (rc_open_api_parent_class)->finalize (object);
}

static void
rc_open_api_class_init (RcOpenApiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_open_api_finalize;
}

static void
rc_open_api_init (RcOpenApi *self)
{
  self->operations = g_ptr_array_new_with_free_func (operation_free);
  self->schemes = g_ptr_array_new_with_free_func (scheme_free);
  self->scheme_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
  self->unfetched = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->unfetched, NULL);
  self->external = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->external, NULL);
  self->warning_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->servers = g_new0 (char *, 1);
  self->server_records = g_ptr_array_new_with_free_func (_rc_open_api_server_free);
}

void
_rc_open_api_warn (RcOpenApi  *self,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (g_hash_table_contains (self->warning_set, message))
    return;

  if (self->warnings->len > RC_OPEN_API_MAX_WARNINGS)
    {
      self->n_dropped_warnings++;
      return;
    }

  g_hash_table_add (self->warning_set, message);
  g_ptr_array_insert (self->warnings, self->warnings->len - 1, g_steal_pointer (&message));
}

/* Path parameters are in the operation's path already; query parameters
 * become `name={name}` in the method's URL, so their names must make
 * placeholders that read back the same (rc-url-template.c); header
 * parameters become the method's headers, so their names must be fit to
 * send (rc-wire.c). OpenAPI says to ignore header parameters named Accept,
 * Content-Type or Authorization: the responses, the request body and the
 * security describe those. */
RcOpenApiParameterFate
_rc_open_api_parameter_get_fate (const RcOpenApiParameter *parameter)
{
  static const char * const reserved[] = { "Accept", "Content-Type", "Authorization" };
  const char *name = parameter->name;
  gsize len = strlen (name);

  if (g_str_equal (parameter->in, "path"))
    return RC_OPEN_API_PARAMETER_IMPORTED;

  if (g_str_equal (parameter->in, "query"))
    {
      if (len == 0 || strpbrk (name, "{}") != NULL ||
          g_ascii_isspace (name[0]) || g_ascii_isspace (name[len - 1]))
        return RC_OPEN_API_PARAMETER_BAD_QUERY_NAME;
      return RC_OPEN_API_PARAMETER_IMPORTED;
    }

  if (g_str_equal (parameter->in, "header"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
        {
          if (g_ascii_strcasecmp (name, reserved[i]) == 0)
            return RC_OPEN_API_PARAMETER_RESERVED_HEADER;
        }
      if (!rc_wire_is_token (name))
        return RC_OPEN_API_PARAMETER_BAD_HEADER_NAME;
      return RC_OPEN_API_PARAMETER_IMPORTED;
    }

  if (g_str_equal (parameter->in, "cookie"))
    return RC_OPEN_API_PARAMETER_COOKIE;

  return RC_OPEN_API_PARAMETER_UNKNOWN_LOCATION;
}

/**
 * rc_open_api_new:
 * @root: the document's tree, from rc_document_parse()
 * @display_name: how messages name the document
 * @base_uri: (nullable): the document's URL, to resolve relative server URLs
 *   against; %NULL for a local file
 *
 * Reads the document; @root is not kept.
 *
 * Returns: (transfer full): the document's contents, or %NULL when it is no
 *   Swagger 2.0 or OpenAPI 3.0/3.1 document
 */
static RcOpenApi *
open_api_new (JsonNode                  *root,
              const char                *display_name,
              const char                *base_uri,
              const RcOpenApiRefOptions *options,
              GError                   **error)
{
  g_autoptr(RcOpenApi) self = NULL;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = g_object_new (RC_TYPE_OPEN_API, NULL);
  self->display_name = g_strdup (display_name);
  self->base_uri = base_uri && base_uri[0] ? g_strdup (base_uri) : NULL;

  if (!read_document (self, root, options, error))
    return NULL;

  return g_steal_pointer (&self);
}

RcOpenApi *
rc_open_api_new (JsonNode    *root,
                 const char  *display_name,
                 const char  *base_uri,
                 GError     **error)
{
  RcOpenApiRefOptions options = { NULL };

  return open_api_new (root, display_name, base_uri, &options, error);
}

/**
 * rc_open_api_new_from_bytes:
 *
 * Parses @bytes (JSON or YAML) with rc_document_parse() and reads it with
 * rc_open_api_new().
 */
RcOpenApi *
rc_open_api_new_from_bytes (GBytes      *bytes,
                            const char  *display_name,
                            const char  *base_uri,
                            GError     **error)
{
  JsonNode *root;
  RcOpenApi *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!(root = rc_document_parse (bytes, display_name, error)))
    return NULL;

  self = rc_open_api_new (root, display_name, base_uri, error);
  rc_document_free_big (root, g_bytes_get_size (bytes));

  return self;
}

/**
 * rc_open_api_new_from_bytes_full:
 * @document_uri: (nullable): where the document is, as a file:// or an
 *   http(s):// URI; `$ref`s into other documents are resolved against it
 * @fetch: (nullable): fetches the http(s) documents that `$ref`s point
 *   into; %NULL leaves them out with a warning
 *
 * Like rc_open_api_new_from_bytes(), and follows `$ref`s into other
 * documents, within the bounds rc_open_api_new_from_bytes_with_options()
 * keeps by default: local files relative to the document that holds the
 * `$ref`, each read once, and http(s) documents through @fetch.
 */
RcOpenApi *
rc_open_api_new_from_bytes_full (GBytes              *bytes,
                                 const char          *display_name,
                                 const char          *base_uri,
                                 const char          *document_uri,
                                 RcOpenApiFetchFunc   fetch,
                                 gpointer             fetch_data,
                                 GError             **error)
{
  RcOpenApiRefOptions options = { document_uri, fetch, fetch_data };

  return rc_open_api_new_from_bytes_with_options (bytes, display_name, base_uri, &options, error);
}

/**
 * rc_open_api_new_from_bytes_with_options:
 * @options: where the document is, and how far its `$ref`s may lead
 *
 * Like rc_open_api_new_from_bytes(), and follows `$ref`s into other
 * documents as @options allow. Those out of bounds are left out with a
 * warning, and listed by rc_open_api_get_external_documents(); a file that
 * is not a regular file (a device, a pipe, a folder) or that is larger than
 * @options->max_document_size is never read.
 */
RcOpenApi *
rc_open_api_new_from_bytes_with_options (GBytes                    *bytes,
                                         const char                *display_name,
                                         const char                *base_uri,
                                         const RcOpenApiRefOptions *options,
                                         GError                   **error)
{
  JsonNode *root;
  RcOpenApi *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!(root = rc_document_parse (bytes, display_name, error)))
    return NULL;

  self = open_api_new (root, display_name, base_uri, options, error);
  /* A big tree takes a while to free: not in the caller's time. */
  rc_document_free_big (root, g_bytes_get_size (bytes));

  return self;
}

RcOpenApiFormat
rc_open_api_get_format (RcOpenApi *self)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), RC_OPEN_API_FORMAT_OPENAPI_3_0);

  return self->format;
}

/**
 * rc_open_api_format_to_string:
 *
 * Returns: "swagger-2.0", "openapi-3.0" or "openapi-3.1"
 */
const char *
rc_open_api_format_to_string (RcOpenApiFormat format)
{
  switch (format)
    {
    case RC_OPEN_API_FORMAT_SWAGGER_2_0:
      return "swagger-2.0";
    case RC_OPEN_API_FORMAT_OPENAPI_3_0:
      return "openapi-3.0";
    case RC_OPEN_API_FORMAT_OPENAPI_3_1:
      return "openapi-3.1";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rc_open_api_format_get_label:
 *
 * Returns: the format's name for people, such as “OpenAPI 3.0”
 */
const char *
rc_open_api_format_get_label (RcOpenApiFormat format)
{
  switch (format)
    {
    case RC_OPEN_API_FORMAT_SWAGGER_2_0:
      return _("Swagger 2.0");
    case RC_OPEN_API_FORMAT_OPENAPI_3_0:
      return _("OpenAPI 3.0");
    case RC_OPEN_API_FORMAT_OPENAPI_3_1:
      return _("OpenAPI 3.1");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
rc_open_api_get_display_name (RcOpenApi *self)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);

  return self->display_name;
}

const char *
rc_open_api_get_title (RcOpenApi *self)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);

  return self->title;
}

const char *
rc_open_api_get_version (RcOpenApi *self)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);

  return self->version;
}

/**
 * rc_open_api_get_servers:
 *
 * Returns: (transfer none): the server URLs, in document order; relative
 *   ones only when no base URL was known
 */
const char * const *
rc_open_api_get_servers (RcOpenApi *self)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);

  return (const char * const *)self->servers;
}

/**
 * rc_open_api_get_warnings:
 *
 * Returns: (transfer none): what was read only in part, or not at all
 */
const char * const *
rc_open_api_get_warnings (RcOpenApi *self)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);

  return (const char * const *)self->warnings->pdata;
}

/**
 * rc_open_api_get_unfetched_documents:
 *
 * The http(s) documents that `$ref`s point into but that were not fetched,
 * because no fetch function was given: reading the document again with one
 * would fill in what they describe.
 *
 * Returns: (transfer none): their URLs (no fragment), each once, in the
 *   order first met; empty when there are none
 */
const char * const *
rc_open_api_get_unfetched_documents (RcOpenApi *self)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);

  return (const char * const *)self->unfetched->pdata;
}

/**
 * rc_open_api_get_external_documents:
 *
 * The documents that `$ref`s point into but that were not read because
 * they are out of bounds (see #RcOpenApiRefOptions): files outside the
 * document's folder, documents on other origins. Reading the document
 * again with them in @allowed_documents would fill in what they describe.
 *
 * Returns: (transfer none): their URIs (no fragment), each once, in the
 *   order first met; empty when there are none
 */
const char * const *
rc_open_api_get_external_documents (RcOpenApi *self)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);

  return (const char * const *)self->external->pdata;
}

guint
rc_open_api_get_n_operations (RcOpenApi *self)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), 0);

  return self->operations->len;
}

const RcOpenApiOperation *
rc_open_api_get_operation (RcOpenApi *self,
                           guint      position)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);
  g_return_val_if_fail (position < self->operations->len, NULL);

  return self->operations->pdata[position];
}

/**
 * rc_open_api_find_operation:
 * @name: an operation's name or operationId
 *
 * Returns: (nullable): the first operation so named
 */
const RcOpenApiOperation *
rc_open_api_find_operation (RcOpenApi  *self,
                            const char *name)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->operations->len; i++)
    {
      const RcOpenApiOperation *operation = self->operations->pdata[i];

      if (g_str_equal (operation->name, name))
        return operation;
    }

  for (guint i = 0; i < self->operations->len; i++)
    {
      const RcOpenApiOperation *operation = self->operations->pdata[i];

      if (g_strcmp0 (operation->operation_id, name) == 0)
        return operation;
    }

  return NULL;
}

guint
rc_open_api_get_n_schemes (RcOpenApi *self)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), 0);

  return self->schemes->len;
}

const RcOpenApiScheme *
rc_open_api_get_scheme (RcOpenApi *self,
                        guint      position)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);
  g_return_val_if_fail (position < self->schemes->len, NULL);

  return self->schemes->pdata[position];
}

const RcOpenApiScheme *
rc_open_api_find_scheme (RcOpenApi  *self,
                         const char *name)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->scheme_by_name, name);
}
