/* rc-cli-input.h: what a command reads from its user: options and secrets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "restcall-core.h"

G_BEGIN_DECLS

/* A secret read from the environment or standard input: wiped when freed. */
typedef char RcCliSecret;

gboolean     rc_cli_parse_options (GOptionContext   *context,
                                   int              *argc,
                                   char           ***argv,
                                   const char       *secret_hint,
                                   int              *exit_status);
gboolean     rc_cli_split_pair    (const char       *text,
                                   char              separator,
                                   char            **name,
                                   char            **value);

char        *rc_cli_parse_header  (const char       *option,
                                   const char       *text,
                                   char            **name,
                                   char            **value);
char        *rc_cli_parse_verb    (const char       *text,
                                   char            **verb);
char        *rc_cli_read_body     (const char       *path,
                                   char            **body);
char        *rc_cli_parse_values  (RcMethod         *method,
                                   const char       *option,
                                   char            **args,
                                   RcPairList       *values);

RcCliSecret *rc_cli_read_secret   (const char       *env_var,
                                   gboolean          from_stdin,
                                   const char       *prompt,
                                   GError          **error);
RcCliSecret *rc_cli_read_auth_secret (RcAuth        *auth,
                                      const char    *env_var,
                                      gboolean       from_stdin,
                                      GError       **error);
void         rc_cli_secret_free   (RcCliSecret      *secret);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcCliSecret, rc_cli_secret_free)

G_END_DECLS
