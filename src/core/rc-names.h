/* rc-names.h: names that are free, and names suggested for a method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rc-api.h"
#include "rc-project.h"

G_BEGIN_DECLS

typedef struct _RcNameSet RcNameSet;

RcNameSet  *rc_name_set_new             (const char *separator);
RcNameSet  *rc_name_set_new_for_apis    (RcProject  *project);
RcNameSet  *rc_name_set_new_for_methods (RcApi      *api);
void        rc_name_set_free            (RcNameSet  *self);
void        rc_name_set_add             (RcNameSet  *self,
                                         const char *name);
gboolean    rc_name_set_contains        (RcNameSet  *self,
                                         const char *name);
char       *rc_name_set_add_unique      (RcNameSet  *self,
                                         const char *name);

char       *rc_name_suggest_method      (const char         *verb,
                                         const char         *url,
                                         const char * const *names_in_api);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcNameSet, rc_name_set_free)

G_END_DECLS
