/* restcall-core.h: the public API of the GTK-free core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-types.h"
#include "rc-pair.h"
#include "rc-pair-list.h"
#include "rc-auth.h"
#include "rc-method.h"
#include "rc-api.h"
#include "rc-project.h"
#include "rc-project-registry.h"
#include "rc-core-enums.h"
#include "rc-token.h"
#include "rc-oauth.h"
#include "rc-http-record.h"
#include "rc-token-cache.h"
#include "rc-exchange.h"
#include "rc-executor.h"
#include "rc-secret-binding.h"
#include "rc-secret-store.h"
#include "rc-json.h"
#include "rc-json-format.h"
#include "rc-text.h"
#include "rc-http.h"
#include "rc-document.h"
#include "rc-openapi.h"
#include "rc-check.h"
#include "rc-curl.h"
#include "rc-body.h"
#include "rc-jwt.h"
#include "rc-wire.h"
