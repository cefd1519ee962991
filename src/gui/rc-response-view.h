/* rc-response-view.h: a response body, formatted, in a view as tall as its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* How much of a body the view shows, in bytes of text: a text view holds
 * about ten bytes for each byte of pretty-printed JSON (a line each for a
 * dozen bytes), and a body is saved whole with Save Response…. */
#define RC_RESPONSE_VIEW_LIMIT (1024 * 1024)

#define RC_TYPE_RESPONSE_VIEW (rc_response_view_get_type ())

G_DECLARE_FINAL_TYPE (RcResponseView, rc_response_view, RC, RESPONSE_VIEW, GtkBox)

GtkWidget *rc_response_view_new               (void);
void       rc_response_view_show              (RcResponseView *self,
                                               GBytes         *body,
                                               const char     *content_type);
void       rc_response_view_clear             (RcResponseView *self);
void       rc_response_view_set_note          (RcResponseView *self,
                                               const char     *note,
                                               const char     *css_class);
gboolean   rc_response_view_get_busy          (RcResponseView *self);
GtkWidget *rc_response_view_get_header_suffix (RcResponseView *self);
void       rc_response_view_set_header_suffix (RcResponseView *self,
                                               GtkWidget      *suffix);

G_END_DECLS
