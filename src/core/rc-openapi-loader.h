/* rc-openapi-loader.h: reads an OpenAPI document from a file or an http(s) URL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "rc-openapi.h"

G_BEGIN_DECLS

#define RC_OPEN_API_LOAD_ERROR (rc_open_api_load_error_quark ())

/**
 * RcOpenApiLoadError:
 * @RC_OPEN_API_LOAD_ERROR_NO_SUCH_FILE: the file does not exist
 * @RC_OPEN_API_LOAD_ERROR_UNREADABLE: the file could not be read
 * @RC_OPEN_API_LOAD_ERROR_INVALID_URL: the URL is not an http(s) URL
 * @RC_OPEN_API_LOAD_ERROR_STATUS: the server answered with a status other
 *   than 2xx
 * @RC_OPEN_API_LOAD_ERROR_TOO_LARGE: the download is larger than the cap
 * @RC_OPEN_API_LOAD_ERROR_TIMED_OUT: the download did not end in time
 * @RC_OPEN_API_LOAD_ERROR_DOWNLOAD: the download failed otherwise (the
 *   error behind it is rc_open_api_load_error_get_cause()): the
 *   network, the name, TLS…
 *
 * Why the document could not be read. The message says what failed, in a
 * sentence that names the document; the caller adds what to do, in its own
 * terms (a file to choose, an option to give). A document read but not
 * understood fails with the reader's error instead (rc_document_parse(),
 * #RcOpenApiError), which says what to do.
 */
typedef enum {
  RC_OPEN_API_LOAD_ERROR_NO_SUCH_FILE,
  RC_OPEN_API_LOAD_ERROR_UNREADABLE,
  RC_OPEN_API_LOAD_ERROR_INVALID_URL,
  RC_OPEN_API_LOAD_ERROR_STATUS,
  RC_OPEN_API_LOAD_ERROR_TOO_LARGE,
  RC_OPEN_API_LOAD_ERROR_TIMED_OUT,
  RC_OPEN_API_LOAD_ERROR_DOWNLOAD,
} RcOpenApiLoadError;

/**
 * RcOpenApiLoadOptions:
 * @max_size: how many bytes of each download (decompressed) and of each
 *   file a `$ref` points into are read at most; 0 for
 *   %RC_HTTP_DEFAULT_MAX_BODY_SIZE
 * @timeout_seconds: how long the document's download may take, from the
 *   first byte to the last; 0 for %RC_HTTP_DEFAULT_DOWNLOAD_TIMEOUT_SECONDS
 * @ref_timeout_seconds: the same for each document a `$ref` points into;
 *   0 for @timeout_seconds
 * @fetch_refs: download the http(s) documents that `$ref`s point into, on
 *   the document's origin (and elsewhere as @allow_external and
 *   @allowed_documents allow); without, they are left out and listed by
 *   rc_open_api_get_unfetched_documents()
 * @allow_external: follow `$ref`s anywhere: files outside the document's
 *   folder, other origins
 * @allowed_documents: (nullable): documents out of bounds that may be read
 *   all the same (see #RcOpenApiRefOptions)
 * @base_uri: (nullable): what relative server and token URLs resolve
 *   against; %NULL for a downloaded document's own URL (after redirects),
 *   and none for a file: its relative URLs stay relative
 *
 * What a load reads, and how far. Zeroed, the defaults: the document and
 * the files in its folder, no download but the document's.
 */
typedef struct
{
  gsize               max_size;
  guint               timeout_seconds;
  guint               ref_timeout_seconds;
  gboolean            fetch_refs;
  gboolean            allow_external;
  const char * const *allowed_documents;
  const char         *base_uri;
} RcOpenApiLoadOptions;

/* What a load read, to read it again with rc_open_api_reload_async(). */
typedef struct _RcOpenApiSource RcOpenApiSource;

/* Told, in the main context, what the load is doing now, in words. */
typedef void (*RcOpenApiLoadStatusFunc) (const char *status,
                                         gpointer    user_data);

GQuark           rc_open_api_load_error_quark        (void);
const GError    *rc_open_api_load_error_get_cause    (const GError *error);

RcOpenApiSource *rc_open_api_source_ref              (RcOpenApiSource             *self);
void             rc_open_api_source_unref            (RcOpenApiSource             *self);
const char      *rc_open_api_source_get_display_name (RcOpenApiSource             *self);
const char      *rc_open_api_source_get_document_uri (RcOpenApiSource             *self);

void             rc_open_api_load_file_async         (GFile                       *file,
                                                      const char                  *display_name,
                                                      const RcOpenApiLoadOptions  *options,
                                                      RcOpenApiLoadStatusFunc      status_func,
                                                      gpointer                     status_data,
                                                      GCancellable                *cancellable,
                                                      GAsyncReadyCallback          callback,
                                                      gpointer                     user_data);
void             rc_open_api_load_url_async          (SoupSession                 *session,
                                                      const char                  *url,
                                                      const RcOpenApiLoadOptions  *options,
                                                      RcOpenApiLoadStatusFunc      status_func,
                                                      gpointer                     status_data,
                                                      GCancellable                *cancellable,
                                                      GAsyncReadyCallback          callback,
                                                      gpointer                     user_data);
void             rc_open_api_reload_async            (RcOpenApiSource             *source,
                                                      const RcOpenApiLoadOptions  *options,
                                                      RcOpenApiLoadStatusFunc      status_func,
                                                      gpointer                     status_data,
                                                      GCancellable                *cancellable,
                                                      GAsyncReadyCallback          callback,
                                                      gpointer                     user_data);
RcOpenApi       *rc_open_api_load_finish             (GAsyncResult                *result,
                                                      RcOpenApiSource            **source,
                                                      GError                     **error);

RcOpenApi       *rc_open_api_load_file               (GFile                       *file,
                                                      const char                  *display_name,
                                                      const RcOpenApiLoadOptions  *options,
                                                      GCancellable                *cancellable,
                                                      GError                     **error);
RcOpenApi       *rc_open_api_load_url                (const char                  *url,
                                                      const RcOpenApiLoadOptions  *options,
                                                      GCancellable                *cancellable,
                                                      GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcOpenApiSource, rc_open_api_source_unref)

G_END_DECLS
