/* rc-wire.h: what may go on the wire: verbs, media types, headers, tokens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-method.h"

G_BEGIN_DECLS

/* A check of one value; @what (nullable) names where it comes from, as
 * "-H" or "apis[0].methods[1].verb". */
typedef char *(*RcWireCheckFunc) (const char *what,
                                  const char *value);

gboolean  rc_wire_is_token             (const char *text);
gboolean  rc_wire_is_media_type        (const char *text);
gboolean  rc_wire_is_field_value       (const char *text);
gboolean  rc_wire_is_b64token          (const char *text);
char     *rc_wire_escape               (const char *text);

/* Each returns NULL when the value may be sent, or a translated sentence
 * that names @what (when not NULL) and the value, escaped so that control
 * characters show, and says what is wrong and what to do. */
char     *rc_wire_check_verb           (const char *what,
                                        const char *verb);
char     *rc_wire_check_content_type   (const char *what,
                                        const char *content_type);
char     *rc_wire_check_header_name    (const char *what,
                                        const char *name);
char     *rc_wire_check_header_value   (const char *what,
                                        const char *value);
char     *rc_wire_check_method         (RcMethod   *method);
char     *rc_wire_check_bearer_token   (const char *issuer,
                                        const char *token);

G_END_DECLS
