/* rc-curl.c: a method as curl commands, with the secret left in the environment
 *
 * SCAFFOLD: declared so that the GUI can call it; its owner replaces this file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include "rc-curl.h"

char *
rc_curl_format_command (RcMethod    *method,
                        RcPairList  *values,
                        GError     **error)
{
  return g_strdup ("");
}
