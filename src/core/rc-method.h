/* rc-method.h: one REST method: verb, URL template, headers, body, test values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-auth.h"

G_BEGIN_DECLS

#define RC_TYPE_METHOD (rc_method_get_type ())

G_DECLARE_FINAL_TYPE (RcMethod, rc_method, RC, METHOD, GObject)

RcMethod    *rc_method_new                (const char *name);

const char  *rc_method_get_id             (RcMethod   *self);
void         rc_method_set_id             (RcMethod   *self,
                                           const char *id);
const char  *rc_method_get_name           (RcMethod   *self);
void         rc_method_set_name           (RcMethod   *self,
                                           const char *name);
const char  *rc_method_get_verb           (RcMethod   *self);
void         rc_method_set_verb           (RcMethod   *self,
                                           const char *verb);
const char  *rc_method_get_url            (RcMethod   *self);
void         rc_method_set_url            (RcMethod   *self,
                                           const char *url);
const char * const *rc_method_get_required_parameters (RcMethod *self);
void         rc_method_set_required_parameters (RcMethod           *self,
                                                const char * const *names);
gboolean     rc_method_is_parameter_required (RcMethod   *self,
                                              const char *name);
const char  *rc_method_get_description    (RcMethod   *self);
void         rc_method_set_description    (RcMethod   *self,
                                           const char *description);
RcPairList  *rc_method_get_headers        (RcMethod   *self);
const char  *rc_method_get_body           (RcMethod   *self);
void         rc_method_set_body           (RcMethod   *self,
                                           const char *body);
const char  *rc_method_get_content_type   (RcMethod   *self);
const char  *rc_method_get_body_content_type (RcMethod *self);
void         rc_method_set_content_type   (RcMethod   *self,
                                           const char *content_type);
RcPairList  *rc_method_get_test_values    (RcMethod   *self);
RcAuth      *rc_method_get_auth           (RcMethod   *self);
void         rc_method_set_auth           (RcMethod   *self,
                                           RcAuth     *auth);
RcApi       *rc_method_get_api            (RcMethod   *self);
RcAuth      *rc_method_get_effective_auth (RcMethod   *self);
char       **rc_method_dup_parameters     (RcMethod   *self);

const char * const *rc_method_get_verbs   (void);

G_END_DECLS
