/* rc-openapi.h: a Swagger 2.0 or OpenAPI 3.0/3.1 document, read for import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rc-api.h"
#include "rc-variable.h"

G_BEGIN_DECLS

#define RC_OPEN_API_ERROR (rc_open_api_error_quark ())

/**
 * RcOpenApiError:
 * @RC_OPEN_API_ERROR_INVALID: the document's structure is not OpenAPI; the
 *   message names the JSON pointer
 * @RC_OPEN_API_ERROR_UNSUPPORTED: a version other than Swagger 2.0 and
 *   OpenAPI 3.0 and 3.1
 * @RC_OPEN_API_ERROR_NOT_FOUND: the operations or tag asked for are not in
 *   the document
 */
typedef enum {
  RC_OPEN_API_ERROR_INVALID,
  RC_OPEN_API_ERROR_UNSUPPORTED,
  RC_OPEN_API_ERROR_NOT_FOUND,
} RcOpenApiError;

/**
 * RcOpenApiFormat:
 * @RC_OPEN_API_FORMAT_SWAGGER_2_0: Swagger 2.0
 * @RC_OPEN_API_FORMAT_OPENAPI_3_0: OpenAPI 3.0.x
 * @RC_OPEN_API_FORMAT_OPENAPI_3_1: OpenAPI 3.1.x
 */
typedef enum {
  RC_OPEN_API_FORMAT_SWAGGER_2_0,
  RC_OPEN_API_FORMAT_OPENAPI_3_0,
  RC_OPEN_API_FORMAT_OPENAPI_3_1,
} RcOpenApiFormat;

/* What the importer read; owned by the RcOpenApi, read-only. */

typedef struct
{
  char     *name;
  char     *in;           /* "path", "query", "header" or "cookie" */
  gboolean  required;
  char     *description;  /* nullable */
} RcOpenApiParameter;

/* One scheme of one alternative: the scheme's name and the scopes (or, for
 * schemes other than OAuth 2.0, the roles) it requires. */
typedef struct
{
  char  *scheme;
  GStrv  scopes;
} RcOpenApiRequirement;

typedef struct
{
  char      *method;               /* "GET", "POST", … */
  char      *path;                 /* "/pets/{id}" */
  char      *operation_id;         /* the document's, nullable */
  char      *name;                 /* unique: operation_id, suffixed or generated */
  char      *summary;              /* nullable */
  char      *description;          /* nullable */
  GStrv      tags;
  GPtrArray *parameters;           /* RcOpenApiParameter: path-level merged */
  GStrv      request_media_types;
  /* The effective security: alternatives (OR), each a GPtrArray of
   * RcOpenApiRequirement (AND); an empty alternative is `{}`, auth optional;
   * no alternative is `[]`, no auth. */
  GPtrArray *security;
  gboolean   security_declared;    /* at operation or top level */
  char      *pointer;              /* JSON pointer of the operation */
} RcOpenApiOperation;

typedef struct
{
  char     *name;
  char     *type;                  /* "oauth2", "http", "apiKey", "openIdConnect", "mutualTLS" */
  char     *description;           /* nullable */
  char     *http_scheme;           /* http: "basic", "bearer", …; Swagger's basic is http basic */
  char     *bearer_format;         /* nullable */
  char     *in;                    /* apiKey: "header", "query", "cookie" */
  char     *param;                 /* apiKey: the header, query or cookie name */
  gboolean  client_credentials;    /* oauth2 with a client credentials flow */
  char     *token_url;             /* resolved against the first server */
  char     *document_token_url;    /* as the document wrote it, maybe relative */
  char     *refresh_url;           /* nullable, resolved */
  GStrv     scopes;                /* the client credentials flow's, in document order */
  GStrv     other_flows;           /* "implicit", "password", "authorizationCode", … */
  char     *openid_connect_url;    /* nullable */
} RcOpenApiScheme;

/* A server: the API's base URL and variables when it is the one chosen. */
typedef struct
{
  char      *url;          /* as rc_open_api_get_servers() gives it: the defaults filled in */
  char      *base_url;     /* the API's base URL: each variable as {{name}} */
  char      *description;  /* nullable */
  GPtrArray *variables;    /* RcVariable: name, default, enum as choices; in order of use */
  char      *problem;      /* nullable: why no API can be imported with it */
} RcOpenApiServer;

/**
 * RcOpenApiFetchFunc:
 * @url: an http(s) URL an external `$ref` names (no fragment)
 * @user_data: the data given with the function
 * @error: the return location for an error
 *
 * Fetches a document that an external `$ref` points into, synchronously.
 *
 * Returns: (transfer full) (nullable): the document's bytes, or %NULL with
 *   @error set
 */
typedef GBytes *(*RcOpenApiFetchFunc) (const char  *url,
                                       gpointer     user_data,
                                       GError     **error);

/**
 * RcOpenApiRefOptions:
 * @document_uri: (nullable): where the document is, as a file:// or an
 *   http(s):// URI; `$ref`s into other documents are resolved against it
 * @fetch: (nullable): fetches the http(s) documents that `$ref`s point
 *   into; %NULL leaves them out, listed by
 *   rc_open_api_get_unfetched_documents()
 * @fetch_data: the data given to @fetch
 * @allow_external: follow `$ref`s anywhere: files outside the document's
 *   folder, and other origins than the document's
 * @allowed_documents: (nullable): documents (absolute URIs, no fragment)
 *   outside the document's folder or origin that may be read all the same,
 *   such as those rc_open_api_get_external_documents() listed and the user
 *   agreed to
 * @max_document_size: how many bytes of a file that a `$ref` points into are
 *   read at most; 0 for %RC_HTTP_DEFAULT_MAX_BODY_SIZE. @fetch has its own.
 *
 * How far `$ref`s into other documents may lead. By default only into
 * regular files inside the folder of a local document (its subfolders
 * too, symbolic links resolved), or to the origin of a downloaded one.
 */
typedef struct
{
  const char         *document_uri;
  RcOpenApiFetchFunc  fetch;
  gpointer            fetch_data;
  gboolean            allow_external;
  const char * const *allowed_documents;
  gsize               max_document_size;
} RcOpenApiRefOptions;

#define RC_TYPE_OPEN_API (rc_open_api_get_type ())

G_DECLARE_FINAL_TYPE (RcOpenApi, rc_open_api, RC, OPEN_API, GObject)

GQuark                    rc_open_api_error_quark         (void);

RcOpenApi                *rc_open_api_new                 (JsonNode             *root,
                                                           const char           *display_name,
                                                           const char           *base_uri,
                                                           GError              **error);
RcOpenApi                *rc_open_api_new_from_bytes      (GBytes               *bytes,
                                                           const char           *display_name,
                                                           const char           *base_uri,
                                                           GError              **error);
RcOpenApi                *rc_open_api_new_from_bytes_full (GBytes              *bytes,
                                                           const char          *display_name,
                                                           const char          *base_uri,
                                                           const char          *document_uri,
                                                           RcOpenApiFetchFunc   fetch,
                                                           gpointer             fetch_data,
                                                           GError             **error);
RcOpenApi                *rc_open_api_new_from_bytes_with_options
                                                          (GBytes                    *bytes,
                                                           const char                *display_name,
                                                           const char                *base_uri,
                                                           const RcOpenApiRefOptions *options,
                                                           GError                   **error);

RcOpenApiFormat           rc_open_api_get_format          (RcOpenApi            *self);
const char               *rc_open_api_format_to_string    (RcOpenApiFormat       format);
const char               *rc_open_api_format_get_label    (RcOpenApiFormat       format);
const char               *rc_open_api_get_display_name    (RcOpenApi            *self);
const char               *rc_open_api_get_title           (RcOpenApi            *self);
const char               *rc_open_api_get_version         (RcOpenApi            *self);
const char * const       *rc_open_api_get_servers         (RcOpenApi            *self);
guint                     rc_open_api_get_n_servers       (RcOpenApi            *self);
const RcOpenApiServer    *rc_open_api_get_server          (RcOpenApi            *self,
                                                           guint                 position);
char                     *rc_open_api_server_dup_environment_name
                                                          (const RcOpenApiServer *server);
char                     *rc_open_api_dup_variables_summary (GPtrArray          *variables);
const char * const       *rc_open_api_get_warnings        (RcOpenApi            *self);
const char * const       *rc_open_api_get_unfetched_documents (RcOpenApi          *self);
const char * const       *rc_open_api_get_external_documents (RcOpenApi           *self);
char                     *rc_open_api_dup_document_label  (const char           *uri);
guint                     rc_open_api_get_n_operations    (RcOpenApi            *self);
const RcOpenApiOperation *rc_open_api_get_operation       (RcOpenApi            *self,
                                                           guint                 position);
const RcOpenApiOperation *rc_open_api_find_operation      (RcOpenApi            *self,
                                                           const char           *name);
guint                     rc_open_api_get_n_schemes       (RcOpenApi            *self);
const RcOpenApiScheme    *rc_open_api_get_scheme          (RcOpenApi            *self,
                                                           guint                 position);
const RcOpenApiScheme    *rc_open_api_find_scheme         (RcOpenApi            *self,
                                                           const char           *name);

RcAuth                   *rc_open_api_dup_auth            (RcOpenApi            *self,
                                                           GPtrArray            *operations,
                                                           const RcOpenApiScheme **scheme);
char                     *rc_open_api_resolve_token_url   (RcOpenApi            *self,
                                                           const RcOpenApiScheme *scheme,
                                                           const char           *base_url);
JsonNode                 *rc_open_api_to_json             (RcOpenApi            *self);
RcApi                    *rc_open_api_build_api           (RcOpenApi            *self,
                                                           const char * const   *names,
                                                           const char           *tag,
                                                           GError              **error);
RcApi                    *rc_open_api_build_api_with_base_url
                                                          (RcOpenApi            *self,
                                                           const char           *base_url,
                                                           const char * const   *names,
                                                           const char           *tag,
                                                           GError              **error);

G_END_DECLS
