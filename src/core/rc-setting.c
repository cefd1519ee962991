/* rc-setting.c: which setting a settings error is about
 *
 * A settings error's message is a problem and what to do in the window
 * (“No client ID is set.” “Enter the client ID…”). The error keeps the
 * problem apart, and which setting it is about, so that the command line
 * can give its own remedy (“… --client-id ID”).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rc-executor.h"
#include "rc-oauth.h"
#include "rc-setting.h"
#include "rc-setting-private.h"

/**
 * rc_setting_from_error:
 * @error: (nullable): an error of any domain
 * @problem: (out) (optional) (transfer none): where to put the problem
 *   alone, without the window's remedy
 *
 * Looks through the errors that wrap others (an executor error around a
 * token request's).
 *
 * Returns: the setting @error is about, or %RC_SETTING_NONE
 */
RcSetting
rc_setting_from_error (const GError  *error,
                       const char   **problem)
{
  for (const GError *e = error; e != NULL; e = rc_executor_error_get_cause (e))
    {
      RcSetting setting = _rc_executor_error_get_setting (e, problem);

      if (setting == RC_SETTING_NONE)
        setting = _rc_oauth_error_get_setting (e, problem);
      if (setting != RC_SETTING_NONE)
        return setting;
    }

  if (problem)
    *problem = NULL;
  return RC_SETTING_NONE;
}
