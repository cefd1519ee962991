/* rc-openapi-private.h: what the importer's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rc-openapi.h"

G_BEGIN_DECLS

/* At most this many warnings are kept; the rest are counted. */
#define RC_OPEN_API_MAX_WARNINGS 1000

/* At most this many parameters are kept over all operations: through
 * $refs a small document can name billions (one path item with thousands
 * of parameters, referenced from thousands of paths). */
#define RC_OPEN_API_MAX_PARAMETERS 1000000

/* At most this many other documents are read for external $refs. */
#define RC_OPEN_API_MAX_EXTERNAL_DOCUMENTS 100

struct _RcOpenApi
{
  GObject          parent_instance;

  char            *display_name;
  char            *base_uri;
  RcOpenApiFormat  format;
  char            *title;
  char            *version;
  GStrv            servers;
  GPtrArray       *server_records;  /* RcOpenApiServer, one for each of servers */
  GPtrArray       *operations;  /* RcOpenApiOperation */
  GPtrArray       *schemes;     /* RcOpenApiScheme */
  GHashTable      *scheme_by_name;
  GPtrArray       *warnings;    /* char *, NULL-terminated */
  GHashTable      *warning_set;
  guint            n_dropped_warnings;
  GPtrArray       *unfetched;   /* char *, NULL-terminated: http(s) documents not fetched */
  GPtrArray       *external;    /* char *, NULL-terminated: documents out of bounds, not read */
  guint64          n_ref_steps; /* $ref links followed, for tests */
};

/* What the reading files share while a document is read. */
typedef struct
{
  RcOpenApi *self;
  JsonNode  *root;
  GPtrArray *top_security;  /* NULL when the top level has none */
  gsize      n_parameters;  /* kept so far, for RC_OPEN_API_MAX_PARAMETERS */
  /* External $refs: the document's own location (file:// or http(s)://),
   * nullable; the function fetching http(s) documents, NULL when remote
   * $refs are not allowed; how far they may lead; and the documents read
   * so far, by absolute URI (JsonNode, or NULL for one that could not be
   * read). */
  const char                *document_uri;
  RcOpenApiFetchFunc         fetch;
  gpointer                   fetch_data;
  const RcOpenApiRefOptions *options;
  GHashTable                *documents;
  /* The canonical folder of a local document, found when first needed. */
  char                      *folder;
  /* Where each `$ref` met so far leads ("document#pointer" → Resolution),
   * so that a chain is followed once however many times it is used. */
  GHashTable                *resolutions;
} RcOpenApiReader;

/* Getters that never fail on unexpected shapes: a document may hold
 * anything anywhere. */

static inline JsonObject *
node_get_object (JsonNode *node)
{
  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static inline JsonArray *
node_get_array (JsonNode *node)
{
  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static inline JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  return object ? json_object_get_member (object, name) : NULL;
}

static inline const char *
node_get_string (JsonNode *node)
{
  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static inline const char *
get_string (JsonObject *object,
            const char *name)
{
  return node_get_string (get_member (object, name));
}

/* What becomes of a parameter on import (see rc-openapi-build.c); the
 * reader warns about each one that is not imported. */
typedef enum {
  RC_OPEN_API_PARAMETER_IMPORTED,
  RC_OPEN_API_PARAMETER_COOKIE,           /* Restcall sends no cookies */
  RC_OPEN_API_PARAMETER_RESERVED_HEADER,  /* Accept, Content-Type, Authorization */
  RC_OPEN_API_PARAMETER_BAD_HEADER_NAME,  /* could not be sent as a header */
  RC_OPEN_API_PARAMETER_BAD_QUERY_NAME,   /* could not be a `{name}` placeholder */
  RC_OPEN_API_PARAMETER_UNKNOWN_LOCATION, /* `in` is none of path, query, header, cookie */
} RcOpenApiParameterFate;

RcOpenApiParameterFate _rc_open_api_parameter_get_fate (const RcOpenApiParameter *parameter);

void       _rc_open_api_warn                (RcOpenApi       *self,
                                             const char      *format,
                                             ...) G_GNUC_PRINTF (2, 3);

/* rc-openapi-tree.c */
char      *_rc_open_api_node_dup_text       (JsonNode        *node);
char      *_rc_open_api_dup_text            (JsonObject      *object,
                                             const char      *name);
GStrv      _rc_open_api_dup_strings         (JsonNode        *node);
char      *_rc_open_api_pointer_append      (const char      *base,
                                             const char      *token);
JsonNode  *_rc_open_api_resolve             (RcOpenApiReader *reader,
                                             JsonNode        *node,
                                             const char      *where);
void       _rc_open_api_reader_clear        (RcOpenApiReader *reader);

/* rc-openapi-servers.c */
void       _rc_open_api_server_free         (gpointer         data);
void       _rc_open_api_read_servers        (RcOpenApiReader *reader,
                                             JsonObject      *root);
void       _rc_open_api_check_local_servers (RcOpenApiReader *reader,
                                             JsonObject      *object,
                                             const char      *where);

/* rc-openapi-security.c */
void       _rc_open_api_read_schemes        (RcOpenApiReader *reader,
                                             JsonObject      *root);
GPtrArray *_rc_open_api_read_security       (RcOpenApiReader *reader,
                                             JsonNode        *node,
                                             const char      *where);
gboolean   _rc_open_api_scope_is_sendable   (const char      *scope);
void       _rc_open_api_check_flow_scopes   (RcOpenApi       *self);

G_END_DECLS
