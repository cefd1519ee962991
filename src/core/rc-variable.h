/* rc-variable.h: one named value of an environment, plain or secret
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RC_TYPE_VARIABLE (rc_variable_get_type ())

G_DECLARE_FINAL_TYPE (RcVariable, rc_variable, RC, VARIABLE, GObject)

RcVariable *rc_variable_new         (const char *name,
                                     const char *value);
RcVariable *rc_variable_new_secret  (const char *name);
RcVariable *rc_variable_copy        (RcVariable *self);
const char *rc_variable_get_name    (RcVariable *self);
void        rc_variable_set_name    (RcVariable *self,
                                     const char *name);
const char *rc_variable_get_value   (RcVariable *self);
void        rc_variable_set_value   (RcVariable *self,
                                     const char *value);
gboolean    rc_variable_get_secret  (RcVariable *self);
void        rc_variable_set_secret  (RcVariable *self,
                                     gboolean    secret);

const char * const *rc_variable_get_choices (RcVariable *self);
void        rc_variable_set_choices (RcVariable         *self,
                                     const char * const *choices);

G_END_DECLS
