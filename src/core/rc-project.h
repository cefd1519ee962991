/* rc-project.h: the document: a list of APIs, its file and its dirty state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rc-api.h"
#include "rc-environment.h"

G_BEGIN_DECLS

/* The project file format this build writes; it reads it and every older
 * one (1: no environments). */
#define RC_PROJECT_FORMAT 2

#define RC_PROJECT_ERROR (rc_project_error_quark ())

/**
 * RcProjectError:
 * @RC_PROJECT_ERROR_INVALID: the file is not a valid project file
 * @RC_PROJECT_ERROR_NEWER_FORMAT: the file was written by a newer Restcall
 * @RC_PROJECT_ERROR_READ_ONLY: the file is read-only, so saving did not
 *   replace it; saving again with %RC_PROJECT_SAVE_REPLACE_READ_ONLY does
 */
typedef enum {
  RC_PROJECT_ERROR_INVALID,
  RC_PROJECT_ERROR_NEWER_FORMAT,
  RC_PROJECT_ERROR_READ_ONLY,
} RcProjectError;

/**
 * RcProjectSaveFlags:
 * @RC_PROJECT_SAVE_NONE: a read-only file is not replaced
 * @RC_PROJECT_SAVE_REPLACE_READ_ONLY: the user said to replace a read-only
 *   file; the new one is read-only too
 */
typedef enum {
  RC_PROJECT_SAVE_NONE              = 0,
  RC_PROJECT_SAVE_REPLACE_READ_ONLY = 1 << 0,
} RcProjectSaveFlags;

#define RC_TYPE_PROJECT (rc_project_get_type ())

G_DECLARE_FINAL_TYPE (RcProject, rc_project, RC, PROJECT, GObject)

GQuark      rc_project_error_quark    (void);

RcProject  *rc_project_new            (void);

const char *rc_project_get_id         (RcProject           *self);
void        rc_project_set_id         (RcProject           *self,
                                       const char          *id);
GFile      *rc_project_get_file       (RcProject           *self);
void        rc_project_set_file       (RcProject           *self,
                                       GFile               *file);
char       *rc_project_dup_title      (RcProject           *self);
gboolean    rc_project_get_dirty      (RcProject           *self);
void        rc_project_set_dirty      (RcProject           *self,
                                       gboolean             dirty);
guint       rc_project_get_n_apis     (RcProject           *self);
RcApi      *rc_project_get_api        (RcProject           *self,
                                       guint                position);
void        rc_project_add_api        (RcProject           *self,
                                       RcApi               *api);
void        rc_project_remove_api     (RcProject           *self,
                                       RcApi               *api);
RcApi      *rc_project_find_api       (RcProject           *self,
                                       const char          *name);

GListModel *rc_project_get_environments (RcProject         *self);
guint       rc_project_get_n_environments (RcProject       *self);
RcEnvironment *rc_project_get_environment (RcProject       *self,
                                       guint                position);
void        rc_project_add_environment (RcProject          *self,
                                       RcEnvironment       *environment);
void        rc_project_remove_environment (RcProject       *self,
                                       RcEnvironment       *environment);
RcEnvironment *rc_project_find_environment (RcProject      *self,
                                       const char          *name);
RcEnvironment *rc_project_find_environment_by_id (RcProject *self,
                                       const char          *id);
RcEnvironment *rc_project_get_active_environment (RcProject *self);
void        rc_project_set_active_environment (RcProject   *self,
                                       RcEnvironment       *environment);
RcEnvironment *rc_project_add_variables (RcProject         *self,
                                       GPtrArray           *variables,
                                       const char          *environment_name);

GBytes     *rc_project_serialize      (RcProject           *self);
char       *rc_project_serialize_api  (RcApi               *api);
char       *rc_project_serialize_method (RcMethod          *method);
char       *rc_project_serialize_environment (RcEnvironment *environment);
RcProject  *rc_project_deserialize    (GBytes              *bytes,
                                       const char          *display_name,
                                       GError             **error);

void        rc_project_load_async     (GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
RcProject  *rc_project_load_finish    (GAsyncResult        *result,
                                       GError             **error);
RcProject  *rc_project_load           (GFile               *file,
                                       GCancellable        *cancellable,
                                       GError             **error);
void        rc_project_save_async     (RcProject           *self,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
void        rc_project_save_full_async (RcProject          *self,
                                        GFile              *file,
                                        RcProjectSaveFlags  flags,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
gboolean    rc_project_save_finish    (RcProject           *self,
                                       GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
