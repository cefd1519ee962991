/* rc-inspector.h: the four panes of a call: API request and response, token request and response
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_INSPECTOR (rc_inspector_get_type ())

G_DECLARE_FINAL_TYPE (RcInspector, rc_inspector, RC, INSPECTOR, GtkBox)

GtkWidget  *rc_inspector_new          (void);
RcExchange *rc_inspector_get_exchange (RcInspector *self);
void        rc_inspector_set_exchange (RcInspector *self,
                                       RcExchange  *exchange);
RcMethod   *rc_inspector_get_method   (RcInspector *self);
void        rc_inspector_set_method   (RcInspector *self,
                                       RcMethod    *method);
gboolean    rc_inspector_get_reveal   (RcInspector *self);
void        rc_inspector_set_reveal   (RcInspector *self,
                                       gboolean     reveal);
gboolean    rc_inspector_get_busy     (RcInspector *self);
void        rc_inspector_focus        (RcInspector *self);
void        rc_inspector_show_texts   (RcInspector        *self,
                                       const char * const *texts);

G_END_DECLS
