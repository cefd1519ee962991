/* rc-cli.h: the headless `restcall` sub-commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean rc_cli_handles (int    argc,
                         char **argv);
int      rc_cli_main    (int    argc,
                         char **argv);

G_END_DECLS
