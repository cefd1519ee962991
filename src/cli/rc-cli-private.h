/* rc-cli-private.h: what the sub-commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "restcall-core.h"

G_BEGIN_DECLS

/* Exit statuses, as documented by `restcall --help`: those of
 * rc_failure_get_exit_status(), named for the commonest. */
enum {
  RC_CLI_EXIT_OK = 0,
  RC_CLI_EXIT_FAILED = 1,
  RC_CLI_EXIT_USAGE = 2,
};

int  rc_cli_show   (int          argc,
                    char       **argv);
int  rc_cli_call   (int          argc,
                    char       **argv);
int  rc_cli_run    (int          argc,
                    char       **argv);
int  rc_cli_history (int         argc,
                     char      **argv);
int  rc_cli_token  (int          argc,
                    char       **argv);
int  rc_cli_auth   (int          argc,
                    char       **argv);
int  rc_cli_secret (int          argc,
                    char       **argv);
int  rc_cli_import (int          argc,
                    char       **argv);
int  rc_cli_api    (int          argc,
                    char       **argv);
int  rc_cli_method (int          argc,
                    char       **argv);
int  rc_cli_env    (int          argc,
                    char       **argv);
void rc_cli_error  (const char  *format,
                    ...) G_GNUC_PRINTF (1, 2);
void rc_cli_print  (const char  *format,
                    ...) G_GNUC_PRINTF (1, 2);
int  rc_cli_usage_error (const char  *message);
int  rc_cli_report_error (const GError *error);
char *rc_cli_dup_exit_statuses (void);
void rc_cli_set_description (GOptionContext *context,
                             const char     *description);

gboolean rc_cli_save_project (RcProject  *project,
                              GFile      *file,
                              GError    **error);
gboolean rc_cli_parse_size   (const char *text,
                              gsize      *size);

G_END_DECLS
