/* rc-cli-edit.h: what `restcall api`, `method` and `env` share
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
  RC_CLI_EDIT_LIST,
} RcCliEditAction;

/* Which of the shared options an item has besides --rename, --quiet and
 * --json. */
typedef enum {
  RC_CLI_EDIT_SHARED_NAMES_ONLY = 0,
  RC_CLI_EDIT_SHARED_CONTENT    = 1 << 0,  /* --description, --header, --remove-header */
} RcCliEditShared;

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
                                     const char        *list_arguments,
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
GOptionContext *rc_cli_edit_context_new_full (RcCliEditOptions *options,
                                     RcCliEditShared    which,
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
gboolean rc_cli_edit_parse_full     (GOptionContext    *context,
                                     RcCliEditOptions  *options,
                                     int               *argc,
                                     char            ***argv,
                                     guint              n_args,
                                     const char        *secret_hint,
                                     const char        *missing_args,
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
