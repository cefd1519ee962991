/* rc-api.h: one REST API: base URL, API-level headers and auth, its methods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rc-method.h"

G_BEGIN_DECLS

#define RC_TYPE_API (rc_api_get_type ())

G_DECLARE_FINAL_TYPE (RcApi, rc_api, RC, API, GObject)

/* rc-project.h includes this file. */
typedef struct _RcProject RcProject;

RcApi       *rc_api_new             (const char *name);
RcProject   *rc_api_dup_project     (RcApi      *self);

const char  *rc_api_get_id          (RcApi      *self);
void         rc_api_set_id          (RcApi      *self,
                                     const char *id);
const char  *rc_api_get_name        (RcApi      *self);
void         rc_api_set_name        (RcApi      *self,
                                     const char *name);
const char  *rc_api_get_base_url    (RcApi      *self);
void         rc_api_set_base_url    (RcApi      *self,
                                     const char *base_url);
const char  *rc_api_get_description (RcApi      *self);
void         rc_api_set_description (RcApi      *self,
                                     const char *description);
RcPairList  *rc_api_get_headers     (RcApi      *self);
RcAuth      *rc_api_get_auth        (RcApi      *self);
GListModel  *rc_api_get_methods     (RcApi      *self);
guint        rc_api_get_n_methods   (RcApi      *self);
RcMethod    *rc_api_get_method      (RcApi      *self,
                                     guint       position);
void         rc_api_add_method      (RcApi      *self,
                                     RcMethod   *method);
void         rc_api_insert_method   (RcApi      *self,
                                     guint       position,
                                     RcMethod   *method);
void         rc_api_remove_method   (RcApi      *self,
                                     RcMethod   *method);
RcMethod    *rc_api_find_method     (RcApi      *self,
                                     const char *name);

G_END_DECLS
