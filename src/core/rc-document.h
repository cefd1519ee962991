/* rc-document.h: a JSON or YAML document read into one json-glib tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-json.h"

G_BEGIN_DECLS

/* How deep mappings and sequences may nest; deeper documents are refused
 * rather than risking the stack (json-glib's parser and node functions
 * recurse). */
#define RC_DOCUMENT_MAX_DEPTH RC_JSON_MAX_DEPTH

/* How many nodes YAML aliases may add to a document in all: a few aliases
 * of aliases would otherwise expand to billions of nodes. */
#define RC_DOCUMENT_MAX_ALIAS_NODES 1000000

/* From this size on, a document is parsed and freed in threads of their
 * own (rc-document.c says why). */
#define RC_DOCUMENT_BIG_SIZE (1024 * 1024)

#define RC_DOCUMENT_ERROR (rc_document_error_quark ())

/**
 * RcDocumentError:
 * @RC_DOCUMENT_ERROR_EMPTY: the document holds nothing
 * @RC_DOCUMENT_ERROR_ENCODING: the document is not UTF-8 text
 * @RC_DOCUMENT_ERROR_SYNTAX: the JSON or YAML is broken
 * @RC_DOCUMENT_ERROR_TOO_DEEP: the document nests deeper than
 *   %RC_DOCUMENT_MAX_DEPTH
 * @RC_DOCUMENT_ERROR_TOO_LARGE: YAML aliases expand to too many nodes
 */
typedef enum {
  RC_DOCUMENT_ERROR_EMPTY,
  RC_DOCUMENT_ERROR_ENCODING,
  RC_DOCUMENT_ERROR_SYNTAX,
  RC_DOCUMENT_ERROR_TOO_DEEP,
  RC_DOCUMENT_ERROR_TOO_LARGE,
} RcDocumentError;

GQuark    rc_document_error_quark (void);

gboolean  rc_document_is_json     (const char  *data,
                                   gsize        length);
JsonNode *rc_document_parse       (GBytes      *bytes,
                                   const char  *display_name,
                                   GError     **error);
void      rc_document_free_big    (JsonNode    *root,
                                   gsize        document_size);

G_END_DECLS
