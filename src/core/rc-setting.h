/* rc-setting.h: which setting a settings error is about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RcSetting:
 * @RC_SETTING_NONE: no one setting, or not a settings error
 * @RC_SETTING_BASE_URL: the API's base URL (a relative method URL needs it)
 * @RC_SETTING_PARAMETER: a URL parameter's value
 *   (rc_executor_error_get_parameter() names it)
 * @RC_SETTING_TOKEN_URL: the access token URL
 * @RC_SETTING_CLIENT_ID: the client ID
 * @RC_SETTING_PRIVATE_KEY: the private key of a private_key_jwt client
 *
 * The one setting a %RC_EXECUTOR_ERROR_SETTINGS or %RC_OAUTH_ERROR_SETTINGS
 * error is about, so that the command line can say how to change it where
 * the window says where to type it.
 */
typedef enum {
  RC_SETTING_NONE,
  RC_SETTING_BASE_URL,
  RC_SETTING_PARAMETER,
  RC_SETTING_TOKEN_URL,
  RC_SETTING_CLIENT_ID,
  RC_SETTING_PRIVATE_KEY,
} RcSetting;

RcSetting rc_setting_from_error (const GError  *error,
                                 const char   **problem);

G_END_DECLS
