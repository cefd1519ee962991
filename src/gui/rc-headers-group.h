/* rc-headers-group.h: the headers of an API or a method, with the Authorization override warning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_HEADERS_GROUP (rc_headers_group_get_type ())

G_DECLARE_FINAL_TYPE (RcHeadersGroup, rc_headers_group, RC, HEADERS_GROUP, AdwPreferencesGroup)

GtkWidget *rc_headers_group_new       (void);
void       rc_headers_group_set_owner (RcHeadersGroup *self,
                                       GObject        *owner);
void       rc_headers_group_focus     (RcHeadersGroup *self);

G_END_DECLS
