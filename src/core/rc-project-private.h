/* rc-project-private.h: what the project file code needs of the project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-project.h"

G_BEGIN_DECLS

guint64 _rc_project_get_generation (RcProject *self);

G_END_DECLS
