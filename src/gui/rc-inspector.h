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

GtkWidget *rc_inspector_new          (void);
void       rc_inspector_set_exchange (RcInspector *self,
                                      RcExchange  *exchange);

G_END_DECLS
