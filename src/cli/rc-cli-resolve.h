/* rc-cli-resolve.h: --env and --var: the environment a command's calls are made in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-cli-target.h"

G_BEGIN_DECLS

typedef struct
{
  char  *env;   /* --env NAME */
  char **vars;  /* --var NAME=VALUE, repeatable */
} RcCliEnvOptions;

void        rc_cli_env_options_add_entries (RcCliEnvOptions *options,
                                            GOptionContext  *context);
void        rc_cli_env_options_clear       (RcCliEnvOptions *options);
RcResolver *rc_cli_resolver_new            (RcCliTarget     *target,
                                            const RcCliEnvOptions *options,
                                            int             *exit_status);
gboolean    rc_cli_resolver_load           (RcResolver      *resolver,
                                            RcCliTarget     *target,
                                            RcMethod        *method,
                                            RcAuth          *auth,
                                            int             *exit_status);
char       *rc_cli_dup_resolve_message     (const GError    *error,
                                            RcCliTarget     *target,
                                            RcResolver      *resolver);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RcCliEnvOptions, rc_cli_env_options_clear)

G_END_DECLS
