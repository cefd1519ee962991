/* rc-setting-private.h: settings errors that say which setting they are about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-auth.h"
#include "rc-setting.h"

G_BEGIN_DECLS

RcSetting _rc_executor_error_get_setting (const GError  *error,
                                          const char   **problem);
RcSetting _rc_oauth_error_get_setting    (const GError  *error,
                                          const char   **problem);

void      _rc_oauth_set_settings_error   (GError       **error,
                                          RcSetting      setting,
                                          const char    *problem,
                                          const char    *remedy);

gboolean  _rc_oauth_check_client_id      (RcAuth        *auth,
                                          GError       **error);

G_END_DECLS
