/* rc-curl.h: a method as curl commands, with the secret left in the environment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-method.h"

G_BEGIN_DECLS

/* The environment variables the commands read the secret from. */
#define RC_CURL_PASSWORD_VARIABLE      "RESTCALL_PASSWORD"
#define RC_CURL_CLIENT_SECRET_VARIABLE "RESTCALL_CLIENT_SECRET"
#define RC_CURL_CLIENT_ASSERTION_VARIABLE "RESTCALL_CLIENT_ASSERTION"
#define RC_CURL_CLIENT_KEY_VARIABLE    "RESTCALL_CLIENT_KEY_FILE"

char *rc_curl_format_command (RcMethod    *method,
                              RcPairList  *values,
                              GError     **error);

G_END_DECLS
