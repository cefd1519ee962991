/* rc-cli-history.c: `restcall history PROJECT API METHOD` and `restcall history clear …`
 *
 * Lists the calls of a method that the history keeps (rc-history.c),
 * newest first: one aligned line each (when, in local time; the status,
 * or the failure's code when no response came; how long; the
 * environment; the URL), or with --json the entries as they are kept,
 * in an array. --limit N lists the N newest. An empty history is no
 * failure: it is said on stderr, with how calls get there.
 *
 * `history clear PROJECT [API [METHOD]]` forgets a project's calls, an
 * API's (its methods' and its own token requests') or a method's;
 * `history clear --all` every project's. A project file named "clear" is
 * ./clear.
 *
 * The entries are masked when they are written: nothing here can reveal
 * a secret. What a server sent is printed with its control characters
 * escaped (rc_cli_print()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rc-cli-output.h"
#include "rc-cli-private.h"
#include "rc-cli-target.h"

enum {
  COLUMN_TIME,
  COLUMN_STATUS,
  COLUMN_DURATION,
  COLUMN_ENVIRONMENT,
  COLUMN_URL,
  N_COLUMNS
};

/* A number member, or %FALSE when it is missing or no number. */
static gboolean
get_number (JsonObject *object,
            const char *name,
            double     *number)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;
  GType type = node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_NONE;

  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;

  *number = json_node_get_double (node);

  return TRUE;
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* "2025-01-02 03:04:05", in local time. */
static char *
dup_time (JsonObject *entry)
{
  const char *text = rc_json_object_get_string (entry, "time");
  g_autoptr(GDateTime) time = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
  g_autoptr(GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : g_strdup ("—");
}

/* "200 OK", or the failure's code when no response came. */
static char *
dup_status (JsonObject *entry)
{
  const char *reason = rc_json_object_get_string (entry, "reason");
  const char *code = rc_json_object_get_string (get_object (entry, "error"), "code");
  double status;

  if (get_number (entry, "status", &status))
    return g_strdup_printf ("%.0f %s", status,
                            reason ? reason : soup_status_get_phrase ((guint)status));

  return g_strdup (code ? code : "—");
}

static char *
dup_duration (JsonObject *entry)
{
  double ms;

  if (!get_number (get_object (entry, "timings"), "total_ms", &ms))
    return g_strdup ("—");

  return g_strdup_printf (_("%.1f ms"), ms);
}

static char *
dup_column (JsonObject *entry,
            guint       column)
{
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_TIME:
      return dup_time (entry);
    case COLUMN_STATUS:
      return dup_status (entry);
    case COLUMN_DURATION:
      return dup_duration (entry);
    case COLUMN_ENVIRONMENT:
      text = rc_json_object_get_string (entry, "environment");
      break;
    case COLUMN_URL:
    default:
      text = rc_json_object_get_string (entry, "url");
      break;
    }

  return g_strdup (text ? text : "—");
}

/* One aligned line an entry, newest first. */
static void
print_text (GPtrArray *entries)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (NULL);
  guint widths[N_COLUMNS] = { 0 };

  for (guint i = 0; i < entries->len; i++)
    {
      JsonObject *entry = json_node_get_object (g_ptr_array_index (entries, i));

      for (guint column = 0; column < N_COLUMNS; column++)
        {
          char *cell = dup_column (entry, column);

          widths[column] = MAX (widths[column], rc_cli_text_width (cell));
          g_ptr_array_add (cells, cell);
        }
    }

  for (guint i = 0; i < entries->len; i++)
    {
      g_string_truncate (line, 0);
      for (guint column = 0; column < N_COLUMNS; column++)
        {
          const char *cell = g_ptr_array_index (cells, i * N_COLUMNS + column);

          if (column == COLUMN_URL)
            g_string_append (line, cell);
          else
            {
              rc_cli_append_padded (line, cell, widths[column], column == COLUMN_DURATION);
              g_string_append (line, "  ");
            }
        }
      rc_cli_print ("%s\n", line->str);
    }
}

static void
print_json (GPtrArray *entries)
{
  g_autoptr(JsonArray) array = json_array_sized_new (entries->len);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < entries->len; i++)
    json_array_add_element (array, json_node_copy (g_ptr_array_index (entries, i)));
  json_node_set_array (root, array);
  rc_cli_print_json (root);
}

static int
list (RcCliTarget *target,
      gboolean     json,
      int          limit)
{
  g_autoptr(RcHistory) history = rc_history_new (NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = rc_history_list (history, rc_project_get_id (target->project),
                             rc_api_get_id (target->api), rc_method_get_id (target->method),
                             limit > 0 ? limit : 0, &error);
  if (entries == NULL)
    return rc_cli_report_error (error);

  if (json)
    print_json (entries);
  else
    print_text (entries);

  if (entries->len == 0 && !json)
    {
      g_autofree char *what = rc_cli_target_describe (target, target->method);
      g_autofree char *command = rc_cli_target_dup_command (target, "run", target->method);

      rc_cli_error (_("The history holds no call of %s. The calls made with Test in the window "
                      "are kept, and those of “%s --save-history”."),
                    what, command);
    }

  return RC_CLI_EXIT_OK;
}

static int
clear (RcCliTarget *target)
{
  g_autoptr(RcHistory) history = rc_history_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  const char *project_id = target->project ? rc_project_get_id (target->project) : NULL;

  if (!rc_history_clear (history, project_id, target->api ? rc_api_get_id (target->api) : NULL,
                         target->method ? rc_method_get_id (target->method) : NULL, &error))
    return rc_cli_report_error (error);

  if (target->project == NULL)
    g_print ("%s\n", _("Cleared the history of every project."));
  else if (target->api)
    {
      what = rc_cli_target_describe (target, target->method);
      rc_cli_print (_("Cleared the history of %s.\n"), what);
    }
  else
    rc_cli_print (_("Cleared the history of %s.\n"), target->path);

  return RC_CLI_EXIT_OK;
}

int
rc_cli_history (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RcCliTarget) target = { 0 };
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  gboolean all = FALSE;
  int limit = -1;
  guint n_args;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the entries as a JSON array, as they are kept"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("List the N newest calls only"), N_("N") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("With clear, forget the calls of every project"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
      N_("PROJECT API METHOD | clear PROJECT [API [METHOD]] | clear --all") },
    { NULL }
  };

  g_set_prgname ("restcall history");
  context = g_option_context_new (_("— list the calls a method made, or forget them"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  rc_cli_set_description (
    context, _("Lists the calls of a method that the history keeps, newest first: when (in local "
               "time), the status (or the failure’s code), how long it took, the environment and "
               "the URL. The calls made with Test and Get New Token in the window are kept, and "
               "those of “restcall run --save-history”, secrets masked. A method keeps its 100 "
               "latest calls, and every project together at most 200 MB.\n"
               "\n"
               "Commands:\n"
               "  clear PROJECT [API [METHOD]]   Forget the calls of a project, an API or a "
               "method\n"
               "  clear --all                    Forget the calls of every project\n"
               "\n"
               "The history is kept in restcall/history in $XDG_STATE_HOME "
               "(~/.local/state by default)."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return rc_cli_usage_error (error->message);

  n_args = args ? g_strv_length (args) : 0;

  if (n_args > 0 && g_str_equal (args[0], "clear"))
    {
      if (json || limit != -1)
        return rc_cli_usage_error (_("--json and --limit are for listing a method’s calls, not "
                                     "with clear."));
      if (all)
        return n_args == 1 ? clear (&target)
                           : rc_cli_usage_error (_("With --all, name no project: it forgets the "
                                                   "calls of every project."));
      if (n_args < 2 || n_args > 4)
        return rc_cli_usage_error (_("Name a project file, and one of its APIs and one of its "
                                     "methods if you like; or give --all."));
      if (!rc_cli_target_load (&target, args[1], args[2], n_args > 2 ? args[3] : NULL))
        return rc_failure_get_exit_status (RC_FAILURE_FILE);

      return clear (&target);
    }

  if (all)
    return rc_cli_usage_error (_("--all goes with clear: “restcall history clear --all”."));
  if (limit != -1 && limit < 1)
    return rc_cli_usage_error (_("--limit takes a number of calls, 1 or more."));
  if (n_args != 3)
    return rc_cli_usage_error (_("Name a project file, one of its APIs and one of its methods."));

  if (!rc_cli_target_load (&target, args[0], args[1], args[2]))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  return list (&target, json, limit);
}
