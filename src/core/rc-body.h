/* rc-body.h: a response body made readable, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rc-json-format.h"

G_BEGIN_DECLS

/* How much text a body is shown with at most, unless told otherwise. */
#define RC_BODY_DEFAULT_LIMIT (2 * 1024 * 1024)

#define RC_TYPE_BODY (rc_body_get_type ())

G_DECLARE_FINAL_TYPE (RcBody, rc_body, RC, BODY, GObject)

RcBody     *rc_body_format          (GBytes              *body,
                                     const char          *content_type,
                                     gsize                limit,
                                     GCancellable        *cancellable,
                                     GError             **error);
RcBody     *rc_body_format_masked   (GBytes              *body,
                                     const char          *content_type,
                                     gsize                limit,
                                     RcJsonMaskFunc       mask,
                                     GCancellable        *cancellable,
                                     GError             **error);
void        rc_body_format_async    (GBytes              *body,
                                     const char          *content_type,
                                     gsize                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
RcBody     *rc_body_format_finish   (GAsyncResult        *result,
                                     GError             **error);

const char *rc_body_get_text        (RcBody              *self);
gsize       rc_body_get_length      (RcBody              *self);
const char *rc_body_get_language    (RcBody              *self);
gsize       rc_body_get_size        (RcBody              *self);
gboolean    rc_body_get_truncated   (RcBody              *self);
gboolean    rc_body_get_reformatted (RcBody              *self);
gboolean    rc_body_get_binary      (RcBody              *self);

const char *rc_body_guess_language  (const char          *data,
                                     gsize                size,
                                     const char          *content_type);
char       *rc_body_cut_text        (const char          *text,
                                     gsize                length,
                                     gsize                limit,
                                     gboolean            *truncated);
guint       rc_body_count_lines     (const char          *text,
                                     gssize               length,
                                     guint                columns,
                                     guint                max);
char       *rc_body_guess_file_name (const char          *url,
                                     const char          *content_type,
                                     const char          *data,
                                     gsize                size);

G_END_DECLS
