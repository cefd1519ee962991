/* rc-headers-group.c: the headers of an API or a method, with the Authorization override warning
 *
 * SCAFFOLD: the type exists so that other widgets can hold it; its owner
 * replaces this file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-headers-group.h"

struct _RcHeadersGroup
{
  AdwPreferencesGroup parent_instance;
};

G_DEFINE_FINAL_TYPE (RcHeadersGroup, rc_headers_group, ADW_TYPE_PREFERENCES_GROUP)

static void
rc_headers_group_class_init (RcHeadersGroupClass *klass)
{
}

static void
rc_headers_group_init (RcHeadersGroup *self)
{
}

GtkWidget *
rc_headers_group_new (void)
{
  return g_object_new (RC_TYPE_HEADERS_GROUP, NULL);
}

void
rc_headers_group_set_owner (RcHeadersGroup *self,
                            GObject        *owner)
{
}
