/* rc-window.h: a window onto one project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

#include "rc-application.h"

G_BEGIN_DECLS

#define RC_TYPE_WINDOW (rc_window_get_type ())

G_DECLARE_FINAL_TYPE (RcWindow, rc_window, RC, WINDOW, AdwApplicationWindow)

RcWindow  *rc_window_new             (RcApplication *application,
                                      RcContext     *context,
                                      RcProject     *project);
RcContext *rc_window_get_context     (RcWindow      *self);
RcProject *rc_window_get_project     (RcWindow      *self);
void       rc_window_set_project     (RcWindow      *self,
                                      RcProject     *project);
void       rc_window_present_project (RcWindow      *self,
                                      RcProject     *project);
void       rc_window_add_api         (RcWindow      *self,
                                      RcApi         *api);
void       rc_window_select_item     (RcWindow      *self,
                                      GObject       *item);
gboolean   rc_window_is_pristine     (RcWindow      *self);
void       rc_window_show_error      (RcWindow      *self,
                                      const char    *heading,
                                      const char    *message);

G_END_DECLS
