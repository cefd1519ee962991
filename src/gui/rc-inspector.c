/* rc-inspector.c: the four panes of a call: API request and response, token request and response
 *
 * SCAFFOLD: the type exists so that other widgets can hold it; its owner
 * replaces this file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-inspector.h"

struct _RcInspector
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (RcInspector, rc_inspector, GTK_TYPE_BOX)

static void
rc_inspector_class_init (RcInspectorClass *klass)
{
}

static void
rc_inspector_init (RcInspector *self)
{
}

GtkWidget *
rc_inspector_new (void)
{
  return g_object_new (RC_TYPE_INSPECTOR, NULL);
}

void
rc_inspector_set_exchange (RcInspector *self,
                           RcExchange  *exchange)
{
}
