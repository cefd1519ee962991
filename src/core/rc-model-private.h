/* rc-model-private.h: links between the model objects, for the core only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-api.h"
#include "rc-method.h"

G_BEGIN_DECLS

void _rc_method_set_api (RcMethod *self,
                         RcApi    *api);
void _rc_api_set_folder (RcApi    *self,
                         GFile    *folder);
void _rc_api_set_project (RcApi   *self,
                          RcProject *project);
void _rc_auth_set_source (RcAuth  *self,
                          RcAuth  *source);

G_END_DECLS
