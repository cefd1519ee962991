/* rc-json.h: the one way the app parses JSON text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How deep arrays and objects may nest. json-glib's parser, its generator
 * and its node functions recurse once per level, so deeper text would
 * overflow the stack; it is refused instead. */
#define RC_JSON_MAX_DEPTH 1000

#define RC_JSON_ERROR (rc_json_error_quark ())

/**
 * RcJsonError:
 * @RC_JSON_ERROR_ENCODING: the text is not UTF-8
 * @RC_JSON_ERROR_SYNTAX: the text is not valid JSON
 * @RC_JSON_ERROR_TOO_DEEP: arrays and objects nest deeper than
 *   %RC_JSON_MAX_DEPTH
 * @RC_JSON_ERROR_EMPTY: the text holds no value
 */
typedef enum {
  RC_JSON_ERROR_ENCODING,
  RC_JSON_ERROR_SYNTAX,
  RC_JSON_ERROR_TOO_DEEP,
  RC_JSON_ERROR_EMPTY,
} RcJsonError;

/**
 * RcJsonFlags:
 * @RC_JSON_DEFAULT: nodes that can be changed
 * @RC_JSON_IMMUTABLE: sealed nodes, for text that is only read
 * @RC_JSON_VALID_UTF8: the caller has checked that the text is UTF-8
 */
typedef enum {
  RC_JSON_DEFAULT    = 0,
  RC_JSON_IMMUTABLE  = 1 << 0,
  RC_JSON_VALID_UTF8 = 1 << 1,
} RcJsonFlags;

GQuark    rc_json_error_quark (void);

JsonNode *rc_json_parse       (const char   *data,
                               gsize         length,
                               RcJsonFlags   flags,
                               guint        *line,
                               guint        *column,
                               GError      **error);

const char *rc_json_object_get_string (JsonObject *object,
                                       const char *name);
void        rc_json_builder_add_string (JsonBuilder *builder,
                                        const char  *name,
                                        const char  *value);

G_END_DECLS
