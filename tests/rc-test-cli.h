/* rc-test-cli.h: running the real restcall binary, as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "restcall-core.h"
#include "rc-test-server.h"

G_BEGIN_DECLS

/* What one run of restcall left: its exit status and everything it printed. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} RcTestRun;

void           rc_test_run_clear          (RcTestRun          *run);
void           rc_test_run_restcall_full  (RcTestRun          *run,
                                           const char         *stdin_text,
                                           const char * const *env,
                                           const char * const *args);
RcTestRequest *rc_test_find_request       (RcTestServer       *server,
                                           const char         *path_prefix);
JsonNode      *rc_test_parse_json         (const char         *text);
JsonObject    *rc_test_parse_object       (const char         *text);
char          *rc_test_squeeze_listing    (const char         *listing);

char          *rc_test_make_dir           (const char         *tmpl);
void           rc_test_remove_dir         (const char         *dir);
char          *rc_test_read_file          (const char         *path);
RcProject     *rc_test_load_project       (const char         *path);
void           rc_test_save_project       (RcProject          *project,
                                           const char         *path);
void           rc_test_respond_token      (SoupServerMessage  *message,
                                           const char         *client_id,
                                           const char         *client_secret,
                                           const char         *access_token);
void           rc_test_assert_lacks       (const char         *text,
                                           ...) G_GNUC_NULL_TERMINATED;
void           rc_test_assert_absent      (const char         *where,
                                           const char         *text,
                                           const char         *needle);
void           rc_test_assert_nowhere     (RcTestRun          *run,
                                           const char         *dir,
                                           const char         *needle);
void           rc_test_assert_refused_full (const char        *path,
                                           int                 status,
                                           const char         *stdin_text,
                                           const char * const *env,
                                           const char         *message,
                                           const char * const *args);
void           rc_test_assert_done_full   (const char         *out,
                                           const char * const *args);

/* Runs restcall with the arguments that follow @env (at least one). */
#define rc_test_run_restcall(run, stdin_text, env, ...) \
  rc_test_run_restcall_full (run, stdin_text, env, (const char * const[]) { __VA_ARGS__, NULL })

/* Runs a command that must fail with @status, saying @message first on
 * standard error, and leave @path as it was. */
#define rc_test_assert_refused(path, status, env, message, ...) \
  rc_test_assert_refused_full (path, status, NULL, env, message,  \
                               (const char * const[]) { __VA_ARGS__, NULL })

/* Runs a command that must succeed, print @out and nothing on stderr. */
#define rc_test_assert_done(out, ...) \
  rc_test_assert_done_full (out, (const char * const[]) { __VA_ARGS__, NULL })

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RcTestRun, rc_test_run_clear)

G_END_DECLS
