/* rc-cli-edit.h: what `restcall api` and `restcall method` share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "restcall-core.h"
#include "rc-cli-target.h"

G_BEGIN_DECLS

typedef enum {
  RC_CLI_EDIT_ADD,
  RC_CLI_EDIT_SET,
  RC_CLI_EDIT_REMOVE,
} RcCliEditAction;

/* The options every action of both commands may have. */
typedef struct
{
  RcCliEditAction   action;
  char             *rename;
  char             *description;
  char            **headers;
  char            **remove_headers;
  gboolean          force;
  gboolean          quiet;
  gboolean          json;
  char            **args;
} RcCliEditOptions;

gboolean rc_cli_edit_parse_action   (const char        *command,
                                     const char        *arguments,
                                     int                argc,
                                     char             **argv,
                                     RcCliEditAction   *action,
                                     int               *exit_status);
void     rc_cli_edit_options_clear  (RcCliEditOptions  *options);
GOptionContext *rc_cli_edit_context_new (RcCliEditOptions *options,
                                     const char        *command,
                                     const char        *summary,
                                     const char        *arguments,
                                     const GOptionEntry *entries,
                                     const char        *help,
                                     const char        *examples);
gboolean rc_cli_edit_parse          (GOptionContext    *context,
                                     RcCliEditOptions  *options,
                                     int               *argc,
                                     char            ***argv,
                                     guint              n_args,
                                     int               *exit_status);
gboolean rc_cli_edit_load           (RcCliTarget       *target,
                                     const char        *path,
                                     const char        *api_name,
                                     const char        *method_name);
char    *rc_cli_edit_check_name     (const char        *name,
                                     const char        *option);
int      rc_cli_edit_apply_headers  (RcCliEditOptions  *options,
                                     RcPairList        *headers,
                                     const char        *what);
gboolean rc_cli_edit_save           (RcCliTarget       *target,
                                     GFile             *file);
void     rc_cli_edit_report         (RcCliEditOptions  *options,
                                     const char        *line,
                                     const char        *json);
int      rc_cli_edit_report_removal (RcCliEditOptions  *options,
                                     RcCliTarget       *target,
                                     GObject           *item,
                                     const char        *what,
                                     const char        *line,
                                     const char        *json);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RcCliEditOptions, rc_cli_edit_options_clear)

G_END_DECLS
