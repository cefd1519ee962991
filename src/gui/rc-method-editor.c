/* rc-method-editor.c: the tabs that edit a method: Request, Headers and Authentication, Body, Test
 *
 * SCAFFOLD: the type exists so that other widgets can hold it; its owner
 * replaces this file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-method-editor.h"

struct _RcMethodEditor
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (RcMethodEditor, rc_method_editor, GTK_TYPE_BOX)

static void
rc_method_editor_class_init (RcMethodEditorClass *klass)
{
}

static void
rc_method_editor_init (RcMethodEditor *self)
{
}

GtkWidget *
rc_method_editor_new (void)
{
  return g_object_new (RC_TYPE_METHOD_EDITOR, NULL);
}

RcMethod *
rc_method_editor_get_method (RcMethodEditor *self)
{
  return NULL;
}

void
rc_method_editor_set_method (RcMethodEditor *self,
                             RcMethod       *method,
                             const char     *project_id)
{
}
