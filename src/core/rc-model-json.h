/* rc-model-json.h: APIs, methods and authentications as the project file writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rc-project.h"

G_BEGIN_DECLS

/**
 * RcModelJsonFlags:
 * @RC_MODEL_JSON_FILE: every member, as the project file holds it
 * @RC_MODEL_JSON_SHOWN: for a person or a script to read: no keyring
 *   reference (`secret_id`), no URL password, and credential headers
 *   (Authorization) masked; otherwise the same members and values
 */
typedef enum {
  RC_MODEL_JSON_FILE  = 0,
  RC_MODEL_JSON_SHOWN = 1 << 0,
} RcModelJsonFlags;

JsonNode *rc_auth_to_json    (RcAuth           *auth,
                              RcModelJsonFlags  flags);
JsonNode *rc_method_to_json  (RcMethod         *method,
                              RcModelJsonFlags  flags);
JsonNode *rc_api_to_json     (RcApi            *api,
                              RcModelJsonFlags  flags);
JsonNode *rc_project_to_json (RcProject        *project,
                              RcModelJsonFlags  flags);
JsonNode *rc_environment_to_json (RcEnvironment *environment,
                                  RcModelJsonFlags flags);
JsonNode *rc_variable_to_json (RcVariable       *variable,
                               RcModelJsonFlags  flags);

G_END_DECLS
