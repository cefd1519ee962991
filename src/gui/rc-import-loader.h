/* rc-import-loader.h: reads an OpenAPI document from a file or an http(s) URL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "restcall-core.h"

G_BEGIN_DECLS

/* Told, in the main thread, what the load is doing now, in words. */
typedef void (*RcImportStatusFunc) (GObject    *owner,
                                    const char *status);

void       rc_import_load_file_async (GObject             *owner,
                                      GFile               *file,
                                      RcImportStatusFunc   status_func,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
void       rc_import_load_url_async  (GObject             *owner,
                                      SoupSession         *session,
                                      const char          *url,
                                      RcImportStatusFunc   status_func,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
void       rc_import_reparse_with_refs_async (GObject             *owner,
                                              GBytes              *bytes,
                                              const char          *display_name,
                                              const char          *base_uri,
                                              const char          *document_uri,
                                              const char * const  *allowed_documents,
                                              RcImportStatusFunc   status_func,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
RcOpenApi *rc_import_load_finish     (GAsyncResult        *result,
                                      GError             **error);
void       rc_import_load_get_source (GAsyncResult        *result,
                                      GBytes             **bytes,
                                      char               **base_uri,
                                      char               **document_uri,
                                      GStrv               *allowed_documents);
gboolean   rc_import_is_http_url     (const char          *text,
                                      GUri               **uri);

G_END_DECLS
