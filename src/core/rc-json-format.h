/* rc-json-format.h: JSON text written out, exactly and readably
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * RcJsonMaskFunc:
 * @name: a member's name
 * @value: its value, a string
 *
 * Returns: (transfer full) (nullable): what to show in place of @value,
 *   or %NULL to show it as it is
 */
typedef char *(*RcJsonMaskFunc) (const char *name,
                                 const char *value);

gboolean rc_json_reindent        (const char      *data,
                                  gsize            size,
                                  gsize            limit,
                                  GString         *out,
                                  gboolean        *truncated,
                                  GCancellable    *cancellable,
                                  GError         **error);
gboolean rc_json_reindent_masked (const char      *data,
                                  gsize            size,
                                  gsize            limit,
                                  RcJsonMaskFunc   mask,
                                  GString         *out,
                                  gboolean        *truncated,
                                  GCancellable    *cancellable,
                                  GError         **error);

char    *rc_json_write           (JsonNode        *node);

G_END_DECLS
