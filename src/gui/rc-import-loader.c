/* rc-import-loader.c: reads an OpenAPI document from a file or an http(s) URL
 *
 * The bytes come from GIO (a file) or libsoup (a URL), asynchronously; the
 * importer then parses them in a worker thread
 * (rc_open_api_new_from_bytes_async()). One GTask spans both steps, so a
 * single cancellable stops either, and the owner (the task's source object)
 * is told when the parse starts. Every error says what failed and what to
 * do; a syntax error names the line and column.
 *
 * A download is read up to %RC_HTTP_DEFAULT_MAX_BODY_SIZE (decompressed)
 * within %RC_HTTP_DEFAULT_DOWNLOAD_TIMEOUT_SECONDS for the whole of it.
 *
 * Remote `$ref`s are not fetched by the first parse, and `$ref`s out of
 * bounds (files outside the document's folder) are not read: the caller
 * asks the user (rc_open_api_get_unfetched_documents(),
 * rc_open_api_get_external_documents()), then
 * rc_import_reparse_with_refs_async() reads the same bytes again in a
 * worker thread, fetching remote documents synchronously (each under the
 * same cap, within %REF_TIMEOUT_SECONDS) and reading the documents the
 * user allowed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-import-loader.h"

#define REF_TIMEOUT_SECONDS 30

typedef struct
{
  char               *display_name;
  RcImportStatusFunc  status_func;
  /* What was parsed, for a second parse. */
  GBytes             *bytes;
  char               *base_uri;
  char               *document_uri;
  GStrv               allowed_documents;
} Loading;

static void
loading_free (Loading *loading)
{
  g_free (loading->display_name);
  g_clear_pointer (&loading->bytes, g_bytes_unref);
  g_free (loading->base_uri);
  g_free (loading->document_uri);
  g_strfreev (loading->allowed_documents);
  g_free (loading);
}

static GTask *
new_task (GObject             *owner,
          const char          *display_name,
          RcImportStatusFunc   status_func,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = g_task_new (owner, cancellable, callback, user_data);
  Loading *loading = g_new0 (Loading, 1);

  loading->display_name = g_strdup (display_name);
  loading->status_func = status_func;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, loading, (GDestroyNotify) loading_free);

  return task;
}

static void
tell (GTask      *task,
      const char *status)
{
  Loading *loading = g_task_get_task_data (task);

  if (loading->status_func && g_task_get_source_object (task))
    loading->status_func (g_task_get_source_object (task), status);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  RcOpenApi *open_api = rc_open_api_new_from_bytes_finish (result, &error);

  if (open_api == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, open_api, g_object_unref);
}

static void
parse (GTask      *task,
       GBytes     *bytes,
       const char *base_uri,
       const char *document_uri)
{
  Loading *loading = g_task_get_task_data (task);
  g_autofree char *status = g_strdup_printf (_("Reading “%s”…"), loading->display_name);

  loading->bytes = g_bytes_ref (bytes);
  loading->base_uri = g_strdup (base_uri);
  loading->document_uri = g_strdup (document_uri);
  tell (task, status);
  /* $refs into local files are read in the worker thread; remote $refs are
   * not fetched here, with a warning: see rc_import_reparse_with_refs_async(). */
  rc_open_api_new_from_bytes_for_uri_async (bytes, loading->display_name, base_uri, document_uri,
                                            g_task_get_cancellable (task), parsed_cb, task);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Loading *loading = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);

  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                 _("Could not open “%s”: the file does not exist. Choose another file."),
                                 loading->display_name);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, error->domain, error->code, _("Could not open “%s”: %s"),
                                 loading->display_name, error->message);
      return;
    }

  /* A local document's relative server URLs stay relative: the user types the base URL. */
  {
    g_autofree char *document_uri = g_file_get_uri (G_FILE (object));

    parse (g_steal_pointer (&task), bytes, NULL, document_uri);
  }
}

static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Loading *loading = g_task_get_task_data (task);
  g_autofree char *final_url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rc_http_download_finish (result, &final_url, &error);

  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (g_error_matches (error, RC_HTTP_ERROR, RC_HTTP_ERROR_STATUS))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 _("Could not download “%s”: %s. Check the URL."),
                                 loading->display_name, error->message);
      else if (g_error_matches (error, RC_HTTP_ERROR, RC_HTTP_ERROR_TOO_LARGE)
               || g_error_matches (error, RC_HTTP_ERROR, RC_HTTP_ERROR_TIMED_OUT))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 _("Could not download “%s”: %s. Download the document another way "
                                   "and choose the file."),
                                 loading->display_name, error->message);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 _("Could not download “%s”: %s. Check the URL and the network, or "
                                   "download the document and choose the file."),
                                 loading->display_name, error->message);
      return;
    }

  /* Relative server and token URLs resolve against where the document is. */
  parse (g_steal_pointer (&task), bytes, final_url, final_url);
}

/**
 * rc_import_is_http_url:
 * @uri: (out) (optional): the URL parsed
 *
 * Returns: whether @text is an absolute http or https URL with a host
 */
gboolean
rc_import_is_http_url (const char  *text,
                       GUri       **uri)
{
  g_autoptr(GUri) parsed = text ? g_uri_parse (text, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme = parsed ? g_uri_get_scheme (parsed) : NULL;
  const char *host = parsed ? g_uri_get_host (parsed) : NULL;

  if (parsed == NULL || host == NULL || *host == '\0' ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return FALSE;

  if (uri)
    *uri = g_steal_pointer (&parsed);

  return TRUE;
}

/**
 * rc_import_load_file_async:
 * @owner: the task's source object, given to @status_func
 *
 * Reads @file and parses it in a worker thread.
 */
void
rc_import_load_file_async (GObject             *owner,
                           GFile               *file,
                           RcImportStatusFunc   status_func,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *display_name = NULL;
  g_autofree char *status = NULL;
  GTask *task;

  g_return_if_fail (G_IS_FILE (file));

  display_name = g_file_get_parse_name (file);
  task = new_task (owner, display_name, status_func, cancellable, callback, user_data,
                   rc_import_load_file_async);
  status = g_strdup_printf (_("Opening “%s”…"), display_name);
  tell (task, status);
  g_file_load_bytes_async (file, cancellable, file_loaded_cb, task);
}

/**
 * rc_import_load_url_async:
 * @session: the session to download with
 *
 * Downloads @url, which must be http or https, and parses it in a worker
 * thread; relative URLs in the document resolve against where it was. The
 * download is read up to %RC_HTTP_DEFAULT_MAX_BODY_SIZE, decompressed, and
 * must end within %RC_HTTP_DEFAULT_DOWNLOAD_TIMEOUT_SECONDS.
 */
void
rc_import_load_url_async (GObject             *owner,
                          SoupSession         *session,
                          const char          *url,
                          RcImportStatusFunc   status_func,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autofree char *status = NULL;
  g_autofree char *shown = NULL;
  GTask *task;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (url != NULL);

  /* Messages name the URL without its password, if it has one. */
  shown = rc_text_dup_url (url);
  task = new_task (owner, shown, status_func, cancellable, callback, user_data, rc_import_load_url_async);
  if (!rc_import_is_http_url (url, NULL))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not an http or https URL. Type an address such as "
                                 "https://api.example.com/openapi.json, or choose a file."),
                               shown);
      g_object_unref (task);
      return;
    }

  status = g_strdup_printf (_("Downloading “%s”…"), shown);
  tell (task, status);
  rc_http_download_async (session, url, RC_HTTP_DEFAULT_MAX_BODY_SIZE, RC_HTTP_DEFAULT_DOWNLOAD_TIMEOUT_SECONDS,
                          cancellable, downloaded_cb, task);
}

/**
 * rc_import_load_finish:
 *
 * Returns: (transfer full): the document read, or %NULL with @error set
 */
RcOpenApi *
rc_import_load_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rc_import_load_get_source:
 * @result: the result of a load that succeeded
 * @bytes: (out) (transfer full): the document's bytes
 * @base_uri: (out) (transfer full) (nullable): what relative URLs resolve against
 * @document_uri: (out) (transfer full) (nullable): where the document is
 * @allowed_documents: (out) (transfer full): the documents out of bounds it
 *   was parsed with; empty for a first parse
 *
 * Tells what was parsed, to parse it again with
 * rc_import_reparse_with_refs_async().
 */
void
rc_import_load_get_source (GAsyncResult  *result,
                           GBytes       **bytes,
                           char         **base_uri,
                           char         **document_uri,
                           GStrv         *allowed_documents)
{
  Loading *loading;

  g_return_if_fail (G_IS_TASK (result));

  loading = g_task_get_task_data (G_TASK (result));
  *bytes = loading->bytes ? g_bytes_ref (loading->bytes) : NULL;
  *base_uri = g_strdup (loading->base_uri);
  *document_uri = g_strdup (loading->document_uri);
  *allowed_documents = loading->allowed_documents ? g_strdupv (loading->allowed_documents) : g_new0 (char *, 1);
}

/* In the worker thread: downloads a document that a $ref points into, on
 * a main context and a session of its own; @user_data is the cancellable. */
static GBytes *
fetch_ref (const char  *url,
           gpointer     user_data,
           GError     **error)
{
  GCancellable *cancellable = user_data;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return rc_http_download (url, RC_HTTP_DEFAULT_MAX_BODY_SIZE, REF_TIMEOUT_SECONDS, cancellable, NULL, error);
}

/* The thread's task has no source object: the owner, a widget, must not be
 * let go of in the worker thread. Its data is the outer task's Loading,
 * which outlives it. */
static void
reparse_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Loading *loading = task_data;
  RcOpenApiRefOptions options = { loading->document_uri, fetch_ref, cancellable, FALSE,
                                  (const char * const *) loading->allowed_documents };
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api = NULL;

  open_api = rc_open_api_new_from_bytes_with_options (loading->bytes, loading->display_name, loading->base_uri,
                                                      &options, &error);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (open_api == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&open_api), g_object_unref);
}

static void
reparsed_cb (GObject      *object,
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

/**
 * rc_import_reparse_with_refs_async:
 * @owner: the task's source object, given to @status_func
 * @bytes: the document, as rc_import_load_get_source() told
 * @allowed_documents: (nullable): documents out of the document's bounds
 *   (rc_open_api_get_external_documents(), and unfetched ones on other
 *   origins) that the user agreed to read
 *
 * Parses @bytes again in a worker thread, this time downloading the http(s)
 * documents its `$ref`s point into on the document's own origin and those
 * in @allowed_documents (each within 30 s, capped), and reading the files
 * in @allowed_documents; @cancellable stops the downloads too. Finish with
 * rc_import_load_finish().
 */
void
rc_import_reparse_with_refs_async (GObject             *owner,
                                   GBytes              *bytes,
                                   const char          *display_name,
                                   const char          *base_uri,
                                   const char          *document_uri,
                                   const char * const  *allowed_documents,
                                   RcImportStatusFunc   status_func,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *status = NULL;
  g_autoptr(GTask) thread_task = NULL;
  Loading *loading;
  GTask *task;

  g_return_if_fail (bytes != NULL);
  g_return_if_fail (display_name != NULL);

  task = new_task (owner, display_name, status_func, cancellable, callback, user_data,
                   rc_import_reparse_with_refs_async);
  loading = g_task_get_task_data (task);
  loading->bytes = g_bytes_ref (bytes);
  loading->base_uri = g_strdup (base_uri);
  loading->document_uri = g_strdup (document_uri);
  loading->allowed_documents = g_strdupv ((GStrv) allowed_documents);
  status = g_strdup_printf (_("Reading “%s” with the documents it refers to…"), display_name);
  tell (task, status);

  thread_task = g_task_new (NULL, cancellable, reparsed_cb, task);
  g_task_set_task_data (thread_task, loading, NULL);
  g_task_run_in_thread (thread_task, reparse_thread);
}
