/* rc-project-registry.h: which file a project's id, and so its secrets, belong to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GFile    *rc_project_registry_find_original (const char    *project_id,
                                             GFile         *file,
                                             GCancellable  *cancellable);
gboolean  rc_project_registry_claim         (const char    *project_id,
                                             GFile         *file,
                                             GError       **error);
GFile    *rc_project_registry_check         (const char    *project_id,
                                             GFile         *file,
                                             GCancellable  *cancellable);

G_END_DECLS
