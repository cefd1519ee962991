/* rc-cli-junit.c: a run of a project's methods as JUnit XML, for CI systems
 *
 * The form GitHub, GitLab and Jenkins read: <testsuites> holding one
 * <testsuite> per API, in the project's order, and in it one <testcase>
 * per method (classname: the API, name: the method, time in seconds).
 * A failed method has a <failure> whose type is the stable code of its
 * kind (rc-failure.c) and whose message is the sentence the command line
 * prints; its text is the response's status line and headers, masked as
 * the inspector masks them. A method that got a response has its status
 * line in <system-out>. No body, no secret, no token: the file is meant
 * to be uploaded.
 *
 * Every text and attribute is escaped by GMarkup; the file is written
 * whole or not at all (g_file_set_contents()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-cli-junit.h"
#include "rc-cli-result.h"

/* Seconds, with a dot whatever the locale. */
static char *
dup_seconds (gint64 duration_us)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.3f", MAX (duration_us, 0) / 1e6));
}

static void
append_testcase (GString      *xml,
                 RcCliRunItem *item)
{
  RcHttpRecord *record = rc_exchange_get_api_record (item->exchange);
  gboolean answered = record && rc_http_record_has_response (record);
  RcFailure failure = rc_exchange_get_failure (item->exchange);
  g_autofree char *time = dup_seconds (rc_exchange_get_duration_us (item->exchange));
  g_autofree char *open = NULL;

  open = g_markup_printf_escaped ("    <testcase classname=\"%s\" name=\"%s\" time=\"%s\">\n",
                                  rc_api_get_name (item->api), rc_method_get_name (item->method),
                                  time);
  g_string_append (xml, open);

  if (failure != RC_FAILURE_NONE)
    {
      g_autofree char *message = rc_exchange_dup_failure_message (item->exchange);
      g_autofree char *head = answered ? rc_http_record_format_head (record, TRUE, FALSE) : NULL;
      g_autofree char *element = g_markup_printf_escaped (
        "      <failure message=\"%s\" type=\"%s\">%s</failure>\n", message,
        rc_failure_get_code (failure), head ? head : message);

      g_string_append (xml, element);
    }

  if (answered)
    {
      guint status = rc_http_record_get_status (record);
      g_autofree char *out = g_markup_printf_escaped (
        "      <system-out>%s %s → HTTP %u %s</system-out>\n", rc_http_record_get_method (record),
        rc_http_record_get_url (record), status, soup_status_get_phrase (status));

      g_string_append (xml, out);
    }

  g_string_append (xml, "    </testcase>\n");
}

/* The items of one API, from @start; returns the first of the next. */
static guint
append_testsuite (GString   *xml,
                  GPtrArray *items,
                  guint      start)
{
  RcCliRunItem *first = g_ptr_array_index (items, start);
  guint end = start, n_failures = 0;
  gint64 duration_us = 0;
  g_autofree char *open = NULL;
  g_autofree char *time = NULL;

  for (; end < items->len; end++)
    {
      RcCliRunItem *item = g_ptr_array_index (items, end);

      if (item->api != first->api)
        break;
      if (rc_exchange_get_failure (item->exchange) != RC_FAILURE_NONE)
        n_failures++;
      duration_us += MAX (rc_exchange_get_duration_us (item->exchange), 0);
    }

  time = dup_seconds (duration_us);
  open = g_markup_printf_escaped ("  <testsuite name=\"%s\" tests=\"%u\" failures=\"%u\" "
                                  "errors=\"0\" skipped=\"0\" time=\"%s\">\n",
                                  rc_api_get_name (first->api), end - start, n_failures, time);
  g_string_append (xml, open);
  for (guint i = start; i < end; i++)
    append_testcase (xml, g_ptr_array_index (items, i));
  g_string_append (xml, "  </testsuite>\n");

  return end;
}

/**
 * rc_cli_junit_write:
 * @items: (element-type RcCliRunItem): every method run, each finished,
 *   those of an API together
 * @duration_us: how long the whole run took
 *
 * Writes the run to @path as JUnit XML, whole or not at all.
 *
 * Returns: whether the file was written
 */
gboolean
rc_cli_junit_write (const char  *path,
                    GPtrArray   *items,
                    gint64       duration_us,
                    GError     **error)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autofree char *time = dup_seconds (duration_us);
  g_autofree char *open = NULL;
  guint n_failures = 0;

  for (guint i = 0; i < items->len; i++)
    {
      RcCliRunItem *item = g_ptr_array_index (items, i);

      if (rc_exchange_get_failure (item->exchange) != RC_FAILURE_NONE)
        n_failures++;
    }

  open = g_markup_printf_escaped ("<testsuites name=\"restcall\" tests=\"%u\" failures=\"%u\" "
                                  "errors=\"0\" time=\"%s\">\n",
                                  items->len, n_failures, time);
  g_string_append (xml, open);
  for (guint i = 0; i < items->len;)
    i = append_testsuite (xml, items, i);
  g_string_append (xml, "</testsuites>\n");

  return g_file_set_contents (path, xml->str, xml->len, error);
}
