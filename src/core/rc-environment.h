/* rc-environment.h: a named set of variables, such as Development or Production
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rc-secret-binding.h"
#include "rc-variable.h"

G_BEGIN_DECLS

#define RC_TYPE_ENVIRONMENT (rc_environment_get_type ())

G_DECLARE_FINAL_TYPE (RcEnvironment, rc_environment, RC, ENVIRONMENT, GObject)

RcEnvironment *rc_environment_new            (const char    *name);
RcEnvironment *rc_environment_duplicate      (RcEnvironment *self,
                                              const char    *name);
const char    *rc_environment_get_id         (RcEnvironment *self);
void           rc_environment_set_id         (RcEnvironment *self,
                                              const char    *id);
const char    *rc_environment_get_name       (RcEnvironment *self);
void           rc_environment_set_name       (RcEnvironment *self,
                                              const char    *name);
const char    *rc_environment_get_color      (RcEnvironment *self);
void           rc_environment_set_color      (RcEnvironment *self,
                                              const char    *color);
gboolean       rc_environment_color_is_valid (const char    *color);
const char * const *rc_environment_list_colors (void);

GListModel    *rc_environment_get_variables  (RcEnvironment *self);
guint          rc_environment_get_n_variables (RcEnvironment *self);
RcVariable    *rc_environment_get_variable   (RcEnvironment *self,
                                              guint          position);
void           rc_environment_add_variable   (RcEnvironment *self,
                                              RcVariable    *variable);
void           rc_environment_remove_variable (RcEnvironment *self,
                                              RcVariable    *variable);
RcVariable    *rc_environment_find_variable  (RcEnvironment *self,
                                              const char    *name);

char          *rc_environment_dup_secret_id  (RcEnvironment *self,
                                              const char    *name);
RcSecretBinding *rc_environment_dup_secret_binding (RcEnvironment *self,
                                              const char    *name);
char          *rc_environment_dup_secret_label (RcEnvironment *self,
                                              const char    *name);

G_END_DECLS
