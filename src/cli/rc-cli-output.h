/* rc-cli-output.h: what the commands print: aligned listings and JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "restcall-core.h"

G_BEGIN_DECLS

typedef struct _RcCliListing RcCliListing;

RcCliListing *rc_cli_listing_new         (void);
void          rc_cli_listing_free        (RcCliListing *self);
void          rc_cli_listing_add_heading (RcCliListing *self,
                                          guint         indent,
                                          const char   *text);
void          rc_cli_listing_add         (RcCliListing *self,
                                          guint         indent,
                                          const char   *label,
                                          const char   *value);
void          rc_cli_listing_add_url     (RcCliListing *self,
                                          guint         indent,
                                          const char   *label,
                                          const char   *url);
void          rc_cli_listing_add_pairs   (RcCliListing *self,
                                          guint         indent,
                                          const char   *label,
                                          RcPairList   *pairs,
                                          const char   *separator);
void          rc_cli_listing_add_auth    (RcCliListing *self,
                                          guint         indent,
                                          RcAuth       *auth,
                                          const char   *secret_state);
void          rc_cli_listing_print       (RcCliListing *self);

void          rc_cli_print_json          (JsonNode     *node);
guint         rc_cli_text_width          (const char   *text);
void          rc_cli_append_padded       (GString      *line,
                                          const char   *text,
                                          guint         width,
                                          gboolean      right);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcCliListing, rc_cli_listing_free)

G_END_DECLS
