/* rc-history.h: the calls made, kept masked in the user's state folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rc-api.h"
#include "rc-exchange.h"
#include "rc-method.h"
#include "rc-pair-list.h"
#include "rc-resolve.h"

G_BEGIN_DECLS

#define RC_TYPE_HISTORY (rc_history_get_type ())

G_DECLARE_FINAL_TYPE (RcHistory, rc_history, RC, HISTORY, GObject)

/* The defaults of RcHistoryLimits. */
#define RC_HISTORY_DEFAULT_MAX_ENTRIES 100
#define RC_HISTORY_DEFAULT_MAX_TOTAL_SIZE (200 * 1000 * 1000)
#define RC_HISTORY_DEFAULT_MAX_BODY_SIZE (256 * 1024)

/**
 * RcHistoryLimits:
 * @max_entries: how many entries a method (or an API's own token
 *   requests) keeps; the oldest go first
 * @max_total_size: how many bytes every entry of every project takes at
 *   most, together; the oldest anywhere go first
 * @max_body_size: how many bytes of each body an entry keeps (and of each
 *   text of a token exchange); the whole size is recorded
 */
typedef struct
{
  guint   max_entries;
  guint64 max_total_size;
  gsize   max_body_size;
} RcHistoryLimits;

RcHistory  *rc_history_new            (const char             *directory);
const char *rc_history_get_directory  (RcHistory              *self);
void        rc_history_get_limits     (RcHistory              *self,
                                       RcHistoryLimits        *limits);
void        rc_history_set_limits     (RcHistory              *self,
                                       const RcHistoryLimits  *limits);

char       *rc_history_add            (RcHistory              *self,
                                       const char             *project_id,
                                       RcApi                  *api,
                                       RcMethod               *method,
                                       RcPairList             *values,
                                       RcResolver             *resolver,
                                       RcExchange             *exchange,
                                       GError                **error);
void        rc_history_add_async      (RcHistory              *self,
                                       const char             *project_id,
                                       RcApi                  *api,
                                       RcMethod               *method,
                                       RcPairList             *values,
                                       RcResolver             *resolver,
                                       RcExchange             *exchange,
                                       GCancellable           *cancellable,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data);
void        rc_history_record         (RcHistory              *self,
                                       const char             *project_id,
                                       RcApi                  *api,
                                       RcMethod               *method,
                                       RcPairList             *values,
                                       RcResolver             *resolver,
                                       RcExchange             *exchange);
char       *rc_history_add_finish     (RcHistory              *self,
                                       GAsyncResult           *result,
                                       GError                **error);

GPtrArray  *rc_history_list           (RcHistory              *self,
                                       const char             *project_id,
                                       const char             *api_id,
                                       const char             *method_id,
                                       guint                   limit,
                                       GError                **error);
void        rc_history_list_async     (RcHistory              *self,
                                       const char             *project_id,
                                       const char             *api_id,
                                       const char             *method_id,
                                       guint                   limit,
                                       GCancellable           *cancellable,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data);
GPtrArray  *rc_history_list_finish    (RcHistory              *self,
                                       GAsyncResult           *result,
                                       GError                **error);

JsonNode   *rc_history_read           (RcHistory              *self,
                                       const char             *project_id,
                                       const char             *api_id,
                                       const char             *method_id,
                                       const char             *entry_id,
                                       GError                **error);
void        rc_history_read_async     (RcHistory              *self,
                                       const char             *project_id,
                                       const char             *api_id,
                                       const char             *method_id,
                                       const char             *entry_id,
                                       GCancellable           *cancellable,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data);
JsonNode   *rc_history_read_finish    (RcHistory              *self,
                                       GAsyncResult           *result,
                                       GError                **error);

gboolean    rc_history_clear          (RcHistory              *self,
                                       const char             *project_id,
                                       const char             *api_id,
                                       const char             *method_id,
                                       GError                **error);
void        rc_history_clear_async    (RcHistory              *self,
                                       const char             *project_id,
                                       const char             *api_id,
                                       const char             *method_id,
                                       GCancellable           *cancellable,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data);
gboolean    rc_history_clear_finish   (RcHistory              *self,
                                       GAsyncResult           *result,
                                       GError                **error);

char       *rc_history_dup_part_text  (JsonObject             *entry,
                                       RcExchangePart          part);

G_END_DECLS
