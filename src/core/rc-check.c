/* rc-check.c: the checks an editor shows on its fields
 *
 * SCAFFOLD: declared so that the GUI can call it; its owner replaces this file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include "rc-check.h"

char *
rc_check_method_name (RcMethod *method)
{
  return NULL;
}

char *
rc_check_method_url (RcMethod *method)
{
  return NULL;
}

char *
rc_check_auth_username (RcAuth *auth)
{
  return NULL;
}

char *
rc_check_auth_client_id (RcAuth *auth)
{
  return NULL;
}

char *
rc_check_auth_token_url (RcAuth *auth)
{
  return NULL;
}

gboolean
rc_check_auth (RcAuth *auth)
{
  return TRUE;
}

gboolean
rc_check_method (RcMethod *method)
{
  return TRUE;
}
