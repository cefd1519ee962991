/* rc-application.h: the application: windows, opening files, app actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_APPLICATION (rc_application_get_type ())

G_DECLARE_FINAL_TYPE (RcApplication, rc_application, RC, APPLICATION, AdwApplication)

RcApplication *rc_application_new            (void);
RcContext     *rc_application_get_context    (RcApplication *self);
void           rc_application_open_file      (RcApplication *self,
                                              GFile         *file);
GtkFileFilter *rc_application_project_filter (void);

G_END_DECLS
