/* rc-cli-advice.h: a settings error, in the command line's words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-cli-target.h"

G_BEGIN_DECLS

char *rc_cli_dup_error_message (const GError *error,
                                RcCliTarget  *target,
                                RcMethod     *method);
void  rc_cli_advise_exchange   (RcExchange   *exchange,
                                RcCliTarget  *target,
                                RcMethod     *method);

G_END_DECLS
