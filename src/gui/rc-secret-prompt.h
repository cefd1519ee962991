/* rc-secret-prompt.h: asks before a stored secret goes elsewhere than it was saved for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

/**
 * RcSecretPromptAnswer:
 * @RC_SECRET_PROMPT_CANCEL: send nothing
 * @RC_SECRET_PROMPT_USE_HERE: store the secret again, bound to where it
 *   would now go, and send it
 * @RC_SECRET_PROMPT_TYPE_NEW: send nothing; the user types another secret
 */
typedef enum {
  RC_SECRET_PROMPT_CANCEL,
  RC_SECRET_PROMPT_USE_HERE,
  RC_SECRET_PROMPT_TYPE_NEW,
} RcSecretPromptAnswer;

void                 rc_secret_prompt_async  (GtkWidget             *parent,
                                              RcAuthKind             kind,
                                              const RcSecretBinding *saved,
                                              const RcSecretBinding *wanted,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
RcSecretPromptAnswer rc_secret_prompt_finish (GAsyncResult          *result);

G_END_DECLS
