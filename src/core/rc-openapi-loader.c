/* rc-openapi-loader.c: reads an OpenAPI document from a file or an http(s) URL
 *
 * The one place that loads a document to import, for the import dialog
 * and `restcall import` alike: the bytes come from GIO (a file) or libsoup
 * (a URL), then rc_open_api_new_from_bytes_with_options() reads them,
 * following `$ref`s as far as #RcOpenApiLoadOptions allow.
 *
 * - Asynchronously (the dialog), the bytes are read without blocking and
 *   parsed in a worker thread, where the documents that `$ref`s point into
 *   are read too, and downloaded synchronously. One GTask spans the steps,
 *   so one cancellable stops any of them, the downloads in the thread too;
 *   the status function is told, in the main context and never once the
 *   cancellable is cancelled, what the load is doing now.
 * - Synchronously (the command line), the same steps in the calling
 *   thread.
 *
 * Every download (the document, and each one its `$ref`s point into) is
 * read up to the options' cap, decompressed, within its deadline for the
 * whole of it; every file a `$ref` points into, up to the same cap. Remote
 * `$ref`s are fetched only with @fetch_refs: the dialog first reads
 * without, asks the user (rc_open_api_get_unfetched_documents(),
 * rc_open_api_get_external_documents()), then reads the same bytes again
 * with rc_open_api_reload_async(), with those the user allowed.
 *
 * Errors say what failed, naming the document (a URL without its
 * password); the caller adds what to do (#RcOpenApiLoadError).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-http.h"
#include "rc-openapi-loader.h"
#include "rc-text.h"

struct _RcOpenApiSource
{
  GBytes *bytes;
  char   *display_name;
  char   *base_uri;       /* a download's URL; NULL for a file */
  char   *document_uri;
};

/* The options, copied and with their defaults: they outlive the caller's. */
typedef struct
{
  gsize     max_size;
  guint     timeout;
  guint     ref_timeout;
  gboolean  fetch_refs;
  gboolean  allow_external;
  GStrv     allowed_documents;
  char     *base_uri;
} Settings;

/* The task's data. */
typedef struct
{
  Settings                 settings;
  char                    *display_name;
  RcOpenApiLoadStatusFunc  status_func;
  gpointer                 status_data;
  RcOpenApiSource         *source;       /* once read */
} Load;

/* The worker thread's data: its own, as the thread may outlive the load
 * once cancelled. */
typedef struct
{
  Settings         settings;
  RcOpenApiSource *source;
} Parse;

/* What fetch_ref() needs, for one parse. */
typedef struct
{
  const Settings *settings;
  GCancellable   *cancellable;
} Fetch;

/* What an error keeps beside its message: the libsoup, GIO or GnuTLS
 * error behind a download that failed, so that a caller can tell a name
 * that does not resolve from a refused connection. */
typedef struct
{
  GError *cause;
} RcOpenApiLoadErrorPrivate;

static void
rc_open_api_load_error_private_init (RcOpenApiLoadErrorPrivate *priv)
{
}

static void
rc_open_api_load_error_private_copy (const RcOpenApiLoadErrorPrivate *src,
                                     RcOpenApiLoadErrorPrivate       *dest)
{
  dest->cause = src->cause ? g_error_copy (src->cause) : NULL;
}

static void
rc_open_api_load_error_private_clear (RcOpenApiLoadErrorPrivate *priv)
{
  g_clear_error (&priv->cause);
}

G_DEFINE_EXTENDED_ERROR (RcOpenApiLoadError, rc_open_api_load_error)

/**
 * rc_open_api_load_error_get_cause:
 * @error: an error of any domain
 *
 * Returns: (nullable): the libsoup, GIO or GnuTLS error behind an
 *   %RC_OPEN_API_LOAD_ERROR_DOWNLOAD error, whose message words it; %NULL
 *   for any other error
 */
const GError *
rc_open_api_load_error_get_cause (const GError *error)
{
  if (error == NULL || error->domain != RC_OPEN_API_LOAD_ERROR)
    return NULL;

  return rc_open_api_load_error_get_private (error)->cause;
}

static void
settings_init (Settings                   *settings,
               const RcOpenApiLoadOptions *options)
{
  static const RcOpenApiLoadOptions defaults = { 0 };

  if (options == NULL)
    options = &defaults;

  settings->max_size = options->max_size ? options->max_size : RC_HTTP_DEFAULT_MAX_BODY_SIZE;
  settings->timeout =
    options->timeout_seconds ? options->timeout_seconds : RC_HTTP_DEFAULT_DOWNLOAD_TIMEOUT_SECONDS;
  settings->ref_timeout =
    options->ref_timeout_seconds ? options->ref_timeout_seconds : settings->timeout;
  settings->fetch_refs = options->fetch_refs;
  settings->allow_external = options->allow_external;
  settings->allowed_documents = g_strdupv ((GStrv) options->allowed_documents);
  settings->base_uri = g_strdup (options->base_uri);
}

static void
settings_copy (Settings       *settings,
               const Settings *from)
{
  *settings = *from;
  settings->allowed_documents = g_strdupv (from->allowed_documents);
  settings->base_uri = g_strdup (from->base_uri);
}

static void
settings_clear (Settings *settings)
{
  g_clear_pointer (&settings->allowed_documents, g_strfreev);
  g_clear_pointer (&settings->base_uri, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Settings, settings_clear)

static void
source_clear (gpointer data)
{
  RcOpenApiSource *source = data;

  g_bytes_unref (source->bytes);
  g_free (source->display_name);
  g_free (source->base_uri);
  g_free (source->document_uri);
}

static RcOpenApiSource *
source_new (GBytes     *bytes,
            const char *display_name,
            const char *base_uri,
            const char *document_uri)
{
  RcOpenApiSource *source = g_atomic_rc_box_new0 (RcOpenApiSource);

  source->bytes = g_bytes_ref (bytes);
  source->display_name = g_strdup (display_name);
  source->base_uri = g_strdup (base_uri);
  source->document_uri = g_strdup (document_uri);

  return source;
}

static void
load_free (Load *load)
{
  settings_clear (&load->settings);
  g_free (load->display_name);
  g_clear_pointer (&load->source, rc_open_api_source_unref);
  g_free (load);
}

static void
parse_free (Parse *parse)
{
  settings_clear (&parse->settings);
  rc_open_api_source_unref (parse->source);
  g_free (parse);
}

/* Why a file could not be read, said. */
static GError *
file_error (const GError *error,
            const char   *display_name)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_error_new (RC_OPEN_API_LOAD_ERROR, RC_OPEN_API_LOAD_ERROR_NO_SUCH_FILE,
                        _("Could not open “%s”: the file does not exist."), display_name);

  return g_error_new (RC_OPEN_API_LOAD_ERROR, RC_OPEN_API_LOAD_ERROR_UNREADABLE,
                      _("Could not open “%s”: %s"), display_name, error->message);
}

static GError *
invalid_url_error (const char *display_name)
{
  return g_error_new (RC_OPEN_API_LOAD_ERROR, RC_OPEN_API_LOAD_ERROR_INVALID_URL,
                      _("“%s” is not an http or https URL."), display_name);
}

/* Why a download failed, said: rc-http.c's reason after the URL. */
static GError *
download_error (const GError *error,
                const char   *display_name)
{
  RcOpenApiLoadError code = RC_OPEN_API_LOAD_ERROR_DOWNLOAD;
  GError *load_error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (g_error_matches (error, RC_HTTP_ERROR, RC_HTTP_ERROR_INVALID_URL))
    return invalid_url_error (display_name);

  if (g_error_matches (error, RC_HTTP_ERROR, RC_HTTP_ERROR_STATUS))
    code = RC_OPEN_API_LOAD_ERROR_STATUS;
  else if (g_error_matches (error, RC_HTTP_ERROR, RC_HTTP_ERROR_TOO_LARGE))
    code = RC_OPEN_API_LOAD_ERROR_TOO_LARGE;
  else if (g_error_matches (error, RC_HTTP_ERROR, RC_HTTP_ERROR_TIMED_OUT))
    code = RC_OPEN_API_LOAD_ERROR_TIMED_OUT;

  load_error = g_error_new (RC_OPEN_API_LOAD_ERROR, code, _("Could not download “%s”: %s."),
                            display_name, error->message);
  if (code == RC_OPEN_API_LOAD_ERROR_DOWNLOAD)
    rc_open_api_load_error_get_private (load_error)->cause = g_error_copy (error);

  return load_error;
}

/* Downloads a document that a $ref points into, synchronously (in the
 * worker thread, or the command line's), under the same cap. */
static GBytes *
fetch_ref (const char  *url,
           gpointer     user_data,
           GError     **error)
{
  Fetch *fetch = user_data;

  if (g_cancellable_set_error_if_cancelled (fetch->cancellable, error))
    return NULL;

  return rc_http_download (url, fetch->settings->max_size, fetch->settings->ref_timeout,
                           fetch->cancellable, NULL, error);
}

static RcOpenApi *
parse (RcOpenApiSource *source,
       const Settings  *settings,
       GCancellable    *cancellable,
       GError         **error)
{
  Fetch fetch = { settings, cancellable };
  RcOpenApiRefOptions options = {
    .document_uri = source->document_uri,
    .fetch = settings->fetch_refs ? fetch_ref : NULL,
    .fetch_data = &fetch,
    .allow_external = settings->allow_external,
    .allowed_documents = (const char * const *) settings->allowed_documents,
    .max_document_size = settings->max_size,
  };

  return rc_open_api_new_from_bytes_with_options (
    source->bytes, source->display_name, settings->base_uri ? settings->base_uri : source->base_uri,
    &options, error);
}

static GTask *
new_task (const char                 *display_name,
          const RcOpenApiLoadOptions *options,
          RcOpenApiLoadStatusFunc     status_func,
          gpointer                    status_data,
          GCancellable               *cancellable,
          GAsyncReadyCallback         callback,
          gpointer                    user_data,
          gpointer                    source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Load *load = g_new0 (Load, 1);

  settings_init (&load->settings, options);
  load->display_name = g_strdup (display_name);
  load->status_func = status_func;
  load->status_data = status_data;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);

  return task;
}

/* Says what the load does now; never once cancelled, as the status
 * function's data may be gone. */
G_GNUC_PRINTF (2, 3)
static void
tell (GTask      *task,
      const char *format,
      ...)
{
  Load *load = g_task_get_task_data (task);
  g_autofree char *status = NULL;
  va_list args;

  if (load->status_func == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;

  va_start (args, format);
  status = g_strdup_vprintf (format, args);
  va_end (args);
  load->status_func (status, load->status_data);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Parse *parse_data = task_data;
  g_autoptr(GError) error = NULL;
  RcOpenApi *open_api = parse (parse_data->source, &parse_data->settings, cancellable, &error);

  if (open_api == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, open_api, g_object_unref);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  RcOpenApi *open_api = g_task_propagate_pointer (G_TASK (result), &error);

  if (open_api == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, open_api, g_object_unref);
}

/* Parses @source in a worker thread: the thread's task returns at once
 * when cancelled, and holds what the thread reads. */
static void
parse_async (GTask           *task,
             RcOpenApiSource *source)
{
  Load *load = g_task_get_task_data (task);
  Parse *parse_data = g_new0 (Parse, 1);
  g_autoptr(GTask) thread_task = NULL;

  load->source = rc_open_api_source_ref (source);
  settings_copy (&parse_data->settings, &load->settings);
  parse_data->source = rc_open_api_source_ref (source);

  thread_task = g_task_new (NULL, g_task_get_cancellable (task), parsed_cb, task);
  g_task_set_source_tag (thread_task, parse_async);
  g_task_set_task_data (thread_task, parse_data, (GDestroyNotify) parse_free);
  g_task_set_return_on_cancel (thread_task, TRUE);
  g_task_run_in_thread (thread_task, parse_thread);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Load *load = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  g_autoptr(RcOpenApiSource) source = NULL;
  g_autofree char *document_uri = NULL;

  if (bytes == NULL)
    {
      g_task_return_error (task, file_error (error, load->display_name));
      g_object_unref (task);
      return;
    }

  document_uri = g_file_get_uri (G_FILE (object));
  source = source_new (bytes, load->display_name, NULL, document_uri);
  tell (task, _("Reading “%s”…"), load->display_name);
  parse_async (task, source);
}

static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Load *load = g_task_get_task_data (task);
  g_autofree char *final_url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rc_http_download_finish (result, &final_url, &error);
  g_autoptr(RcOpenApiSource) source = NULL;

  if (bytes == NULL)
    {
      g_task_return_error (task, download_error (error, load->display_name));
      g_object_unref (task);
      return;
    }

  /* Relative server and token URLs resolve against where the document is. */
  source = source_new (bytes, load->display_name, final_url, final_url);
  tell (task, _("Reading “%s”…"), load->display_name);
  parse_async (task, source);
}

/**
 * rc_open_api_source_ref:
 *
 * Returns: (transfer full): @self
 */
RcOpenApiSource *
rc_open_api_source_ref (RcOpenApiSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
rc_open_api_source_unref (RcOpenApiSource *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, source_clear);
}

/**
 * rc_open_api_source_get_display_name:
 *
 * Returns: the document's name in messages: a file's, or its URL without
 *   a password
 */
const char *
rc_open_api_source_get_display_name (RcOpenApiSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

/**
 * rc_open_api_source_get_document_uri:
 *
 * Returns: where the document is: a file:// URI, or the URL it was
 *   downloaded from, after redirects
 */
const char *
rc_open_api_source_get_document_uri (RcOpenApiSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->document_uri;
}

/**
 * rc_open_api_load_file_async:
 * @display_name: (nullable): the document's name in messages; %NULL for
 *   the file's parse name
 * @options: (nullable): what to read, and how far; %NULL for the defaults
 * @status_func: (nullable): told what the load does now
 * @status_data: the data given to @status_func; it must stay valid until
 *   the load ends or @cancellable is cancelled
 *
 * Reads @file without blocking and parses it in a worker thread. Finish
 * with rc_open_api_load_finish().
 */
void
rc_open_api_load_file_async (GFile                      *file,
                             const char                 *display_name,
                             const RcOpenApiLoadOptions *options,
                             RcOpenApiLoadStatusFunc     status_func,
                             gpointer                    status_data,
                             GCancellable               *cancellable,
                             GAsyncReadyCallback         callback,
                             gpointer                    user_data)
{
  g_autofree char *parse_name = NULL;
  GTask *task;

  g_return_if_fail (G_IS_FILE (file));

  if (display_name == NULL)
    display_name = parse_name = g_file_get_parse_name (file);
  task = new_task (display_name, options, status_func, status_data, cancellable, callback,
                   user_data, rc_open_api_load_file_async);
  tell (task, _("Opening “%s”…"), display_name);
  g_file_load_bytes_async (file, cancellable, file_loaded_cb, task);
}

/**
 * rc_open_api_load_url_async:
 * @session: the session to download the document with
 * @url: an http(s) URL; any other fails with
 *   %RC_OPEN_API_LOAD_ERROR_INVALID_URL
 * @options: (nullable): what to read, and how far; %NULL for the defaults
 * @status_func: (nullable): told what the load does now
 * @status_data: the data given to @status_func; it must stay valid until
 *   the load ends or @cancellable is cancelled
 *
 * Downloads @url without blocking (redirects followed) and parses it in a
 * worker thread; messages name the URL without its password. Finish with
 * rc_open_api_load_finish().
 */
void
rc_open_api_load_url_async (SoupSession                *session,
                            const char                 *url,
                            const RcOpenApiLoadOptions *options,
                            RcOpenApiLoadStatusFunc     status_func,
                            gpointer                    status_data,
                            GCancellable               *cancellable,
                            GAsyncReadyCallback         callback,
                            gpointer                    user_data)
{
  g_autofree char *shown = NULL;
  Load *load;
  GTask *task;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (url != NULL);

  shown = rc_text_dup_url (url);
  task = new_task (shown, options, status_func, status_data, cancellable, callback, user_data,
                   rc_open_api_load_url_async);
  if (!rc_http_is_http_url (url, NULL))
    {
      g_task_return_error (task, invalid_url_error (shown));
      g_object_unref (task);
      return;
    }

  load = g_task_get_task_data (task);
  tell (task, _("Downloading “%s”…"), shown);
  rc_http_download_async (session, url, load->settings.max_size, load->settings.timeout,
                          cancellable, downloaded_cb, task);
}

/**
 * rc_open_api_reload_async:
 * @source: what an earlier load read (rc_open_api_load_finish())
 * @options: (nullable): how far to read this time, typically with
 *   @fetch_refs and the documents the user allowed; %NULL for the defaults
 * @status_func: (nullable): told what the load does now
 * @status_data: the data given to @status_func; it must stay valid until
 *   the load ends or @cancellable is cancelled
 *
 * Parses @source's bytes again in a worker thread, as @options allow this
 * time; @cancellable stops the downloads in the thread too. Finish with
 * rc_open_api_load_finish().
 */
void
rc_open_api_reload_async (RcOpenApiSource            *source,
                          const RcOpenApiLoadOptions *options,
                          RcOpenApiLoadStatusFunc     status_func,
                          gpointer                    status_data,
                          GCancellable               *cancellable,
                          GAsyncReadyCallback         callback,
                          gpointer                    user_data)
{
  GTask *task;

  g_return_if_fail (source != NULL);

  task = new_task (source->display_name, options, status_func, status_data, cancellable, callback,
                   user_data, rc_open_api_reload_async);
  tell (task, _("Reading “%s” with the documents it refers to…"), source->display_name);
  parse_async (task, source);
}

/**
 * rc_open_api_load_finish:
 * @source: (out) (optional) (transfer full): what was read, to read it
 *   again with rc_open_api_reload_async(); set only on success
 *
 * Returns: (transfer full): the document read, or %NULL with @error set:
 *   in %RC_OPEN_API_LOAD_ERROR when it could not be read, the reader's
 *   error when it is not a document it understands,
 *   %G_IO_ERROR_CANCELLED when cancelled
 */
RcOpenApi *
rc_open_api_load_finish (GAsyncResult     *result,
                         RcOpenApiSource **source,
                         GError          **error)
{
  RcOpenApi *open_api;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  open_api = g_task_propagate_pointer (G_TASK (result), error);
  if (open_api && source)
    {
      Load *load = g_task_get_task_data (G_TASK (result));

      *source = rc_open_api_source_ref (load->source);
    }

  return open_api;
}

/**
 * rc_open_api_load_file:
 * @display_name: (nullable): the document's name in messages; %NULL for
 *   the file's parse name
 * @options: (nullable): what to read, and how far; %NULL for the defaults
 *
 * rc_open_api_load_file_async(), in the calling thread.
 *
 * Returns: (transfer full): the document read, or %NULL with @error set
 */
RcOpenApi *
rc_open_api_load_file (GFile                       *file,
                       const char                  *display_name,
                       const RcOpenApiLoadOptions  *options,
                       GCancellable                *cancellable,
                       GError                     **error)
{
  g_auto(Settings) settings = { 0 };
  g_autofree char *parse_name = NULL;
  g_autofree char *document_uri = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RcOpenApiSource) source = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (display_name == NULL)
    display_name = parse_name = g_file_get_parse_name (file);

  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, &local_error)))
    {
      g_propagate_error (error, file_error (local_error, display_name));
      return NULL;
    }

  document_uri = g_file_get_uri (file);
  source = source_new (bytes, display_name, NULL, document_uri);
  settings_init (&settings, options);

  return parse (source, &settings, cancellable, error);
}

/**
 * rc_open_api_load_url:
 * @url: an http(s) URL; any other fails with
 *   %RC_OPEN_API_LOAD_ERROR_INVALID_URL
 * @options: (nullable): what to read, and how far; %NULL for the defaults
 *
 * rc_open_api_load_url_async(), in the calling thread, on a session of its
 * own (rc_http_download()).
 *
 * Returns: (transfer full): the document read, or %NULL with @error set
 */
RcOpenApi *
rc_open_api_load_url (const char                  *url,
                      const RcOpenApiLoadOptions  *options,
                      GCancellable                *cancellable,
                      GError                     **error)
{
  g_auto(Settings) settings = { 0 };
  g_autofree char *shown = NULL;
  g_autofree char *final_url = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RcOpenApiSource) source = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  shown = rc_text_dup_url (url);
  if (!rc_http_is_http_url (url, NULL))
    {
      g_propagate_error (error, invalid_url_error (shown));
      return NULL;
    }

  settings_init (&settings, options);
  if (!(bytes = rc_http_download (url, settings.max_size, settings.timeout, cancellable, &final_url,
                                  &local_error)))
    {
      g_propagate_error (error, download_error (local_error, shown));
      return NULL;
    }

  source = source_new (bytes, shown, final_url, final_url);

  return parse (source, &settings, cancellable, error);
}
