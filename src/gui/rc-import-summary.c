/* rc-import-summary.c: what an OpenAPI document holds, before it is imported
 *
 * A boxed list: the document's title, version and format; the new API's
 * name (the title at first); the servers it declares and the base URL
 * (editable, each server's with its `{{variables}}`); the variables the
 * API gets (the chosen server's that the base URL uses, each with its
 * values), or why it cannot be imported with that server; the
 * authentication the API will get for the operations selected, with the
 * schemes the document also declares; the scopes its access tokens are
 * asked for (a few short ones inline, where they wrap; more, as their
 * count, with each on its own line in a popover); a warning when access
 * tokens come from another origin than the API; and the importer's
 * warnings, folded.
 *
 * The base URL, the chosen server's variables filled in with their
 * defaults, must be http or https (a local document's relative server
 * gives none); one using other variables, which the project may have, is
 * checked when it is called. The base URL of a server no API can be
 * imported with (a variable without a default) is refused while it is
 * kept as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-import-summary.h"

#define MAX_WARNING_ROWS 100

/* More scopes than this, or longer together, are shown as a count. */
#define MAX_INLINE_SCOPES      3
#define MAX_INLINE_SCOPE_CHARS 60

struct _RcImportSummary
{
  GtkWidget       parent_instance;

  RcOpenApi      *open_api;
  GPtrArray      *warning_rows;
  GPtrArray      *selection;        /* RcOpenApiOperation, not owned */

  AdwActionRow   *document_row;
  AdwEntryRow    *name_row;
  AdwComboRow    *server_row;
  AdwEntryRow    *base_url_row;
  AdwActionRow   *variables_row;
  AdwActionRow   *auth_row;
  AdwActionRow   *scopes_row;
  GtkMenuButton  *scopes_button;
  GtkBox         *scopes_box;
  AdwActionRow   *origin_row;
  AdwExpanderRow *warnings_row;
};

G_DEFINE_FINAL_TYPE (RcImportSummary, rc_import_summary, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* scheme://host:port, the port always written, or NULL. */
static char *
dup_origin (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  int port;

  if (url == NULL || !rc_http_is_http_url (url, &uri))
    return NULL;

  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  port = g_uri_get_port (uri);
  if (port < 0)
    port = g_str_equal (scheme, "https") ? 443 : 80;

  return g_strdup_printf ("%s://%s:%d", scheme, host, port);
}

/* The server chosen among those the document declares, if any. */
static const RcOpenApiServer *
get_server (RcImportSummary *self)
{
  guint position = adw_combo_row_get_selected (self->server_row);

  if (self->open_api == NULL || position >= rc_open_api_get_n_servers (self->open_api))
    return NULL;

  return rc_open_api_get_server (self->open_api, position);
}

static const char *
server_lookup_cb (const char *name,
                  gpointer    user_data)
{
  const RcOpenApiServer *server = user_data;

  for (guint i = 0; server && i < server->variables->len; i++)
    {
      RcVariable *variable = server->variables->pdata[i];

      if (g_str_equal (rc_variable_get_name (variable), name))
        return rc_variable_get_value (variable);
    }

  return NULL;
}

/* @url (the base URL, or a URL relative to it) with the chosen server's
 * variables filled in: its URL as the document's defaults make it, for
 * its base URL as it is. */
static char *
dup_filled_url (RcImportSummary  *self,
                const char       *url,
                GError          **error)
{
  const RcOpenApiServer *server = get_server (self);

  if (server && g_str_equal (url, server->base_url))
    return g_strdup (server->url);

  return rc_template_expand (url, server_lookup_cb, (gpointer) server, error);
}

/* Why no API can be imported with the base URL, or NULL: the chosen
 * server's problem, while its base URL is kept. */
static const char *
get_problem (RcImportSummary *self)
{
  const RcOpenApiServer *server = get_server (self);

  if (server && server->problem && g_str_equal (rc_import_summary_get_base_url (self),
                                                server->base_url))
    return server->problem;

  return NULL;
}

/* Whether the base URL is an http(s) URL once the chosen server's
 * variables are filled in; one that uses other variables, which the
 * project may have, is checked when it is called. */
static gboolean
base_url_is_valid (RcImportSummary *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *filled = dup_filled_url (self, rc_import_summary_get_base_url (self), &error);

  if (g_error_matches (error, RC_TEMPLATE_ERROR, RC_TEMPLATE_ERROR_UNDEFINED))
    return TRUE;

  return filled && rc_http_is_http_url (filled, NULL);
}

static char *
describe_auth (RcImportSummary       *self,
               RcAuth                *auth,
               const RcOpenApiScheme *chosen)
{
  GString *text = g_string_new (rc_auth_kind_get_label (rc_auth_get_kind (auth)));
  guint n_schemes = rc_open_api_get_n_schemes (self->open_api);

  if (chosen != NULL)
    /* Translators: the security scheme's name in the document */
    g_string_append_printf (text, _(" (scheme “%s”)"), chosen->name);

  if (rc_auth_get_kind (auth) == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      g_autofree char *token_url = rc_text_dup_url (rc_auth_get_token_url (auth));

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Access token URL: %s"), token_url);
    }

  for (guint i = 0; i < n_schemes; i++)
    {
      const RcOpenApiScheme *scheme = rc_open_api_get_scheme (self->open_api, i);

      if (scheme == chosen)
        continue;
      g_string_append_c (text, '\n');
      /* Translators: a security scheme Restcall does not set up: its type and name */
      g_string_append_printf (text, _("Also declares %s “%s”: set it up by hand if needed"),
                              scheme->type, scheme->name);
    }

  return g_string_free (text, FALSE);
}

/* The popover's list: each scope on a line of its own, selectable, wrapped. */
static void
fill_scopes_box (RcImportSummary    *self,
                 const char * const *scopes)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->scopes_box))))
    gtk_box_remove (self->scopes_box, child);

  for (guint i = 0; scopes[i]; i++)
    {
      GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                       "label", scopes[i],
                                       "xalign", 0.0f,
                                       "wrap", TRUE,
                                       "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                       "max-width-chars", 50,
                                       "selectable", TRUE,
                                       NULL);

      gtk_box_append (self->scopes_box, label);
    }
}

/* The scopes of a client credentials @auth, inline when they are few and
 * short, else as their count with a button to the popover. */
static void
show_scopes (RcImportSummary *self,
             RcAuth          *auth)
{
  g_auto(GStrv) split = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) scopes = NULL;
  g_autofree char *text = NULL;
  guint n_scopes;
  gboolean inline_list;

  if (rc_auth_get_kind (auth) != RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->scopes_row), FALSE);
      return;
    }

  split = g_strsplit (rc_auth_get_scopes (auth) ? rc_auth_get_scopes (auth) : "", " ", -1);
  for (guint i = 0; split[i]; i++)
    if (*split[i] != '\0')
      g_strv_builder_add (builder, split[i]);
  scopes = g_strv_builder_end (builder);
  n_scopes = g_strv_length (scopes);
  text = g_strjoinv (" ", scopes);
  inline_list = n_scopes <= MAX_INLINE_SCOPES &&
                g_utf8_strlen (text, -1) <= MAX_INLINE_SCOPE_CHARS;

  gtk_menu_button_popdown (self->scopes_button);
  if (n_scopes == 0)
    adw_action_row_set_subtitle (self->scopes_row, _("None"));
  else if (inline_list)
    adw_action_row_set_subtitle (self->scopes_row, text);
  else
    {
      g_autofree char *count = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u scope", "%u scopes", n_scopes), n_scopes);

      adw_action_row_set_subtitle (self->scopes_row, count);
      fill_scopes_box (self, (const char * const *) scopes);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->scopes_button), !inline_list);
  gtk_widget_set_visible (GTK_WIDGET (self->scopes_row), TRUE);
}

static void
update_auth (RcImportSummary *self)
{
  const RcOpenApiScheme *scheme = NULL;
  g_autoptr(RcAuth) auth = NULL;
  g_autofree char *text = NULL;
  const char *base_url = rc_import_summary_get_base_url (self);
  g_autofree char *filled_base_url = NULL;
  g_autofree char *filled_token_url = NULL;
  g_autofree char *api_origin = NULL;
  g_autofree char *token_origin = NULL;
  gboolean differs = FALSE;

  if (self->open_api == NULL)
    return;

  filled_base_url = dup_filled_url (self, base_url, NULL);
  api_origin = dup_origin (filled_base_url);
  auth = rc_open_api_dup_auth (
    self->open_api, self->selection && self->selection->len ? self->selection : NULL, &scheme);
  if (scheme && rc_auth_get_kind (auth) == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      g_autofree char *token_url = rc_open_api_resolve_token_url (self->open_api, scheme, base_url);

      rc_auth_set_token_url (auth, token_url);
    }
  text = describe_auth (self, auth, scheme);
  adw_action_row_set_subtitle (self->auth_row, text);
  show_scopes (self, auth);

  if (rc_auth_get_kind (auth) == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      filled_token_url = dup_filled_url (self, rc_auth_get_token_url (auth), NULL);
      token_origin = dup_origin (filled_token_url);
      differs = token_origin && api_origin && !g_str_equal (token_origin, api_origin);
    }

  if (differs)
    {
      g_autofree char *explanation = NULL;

      /* Translators: the client's credentials go to the first URL, the API's calls to the second */
      explanation = g_strdup_printf (
        _("Client credentials go to %s\nAPI calls go to %s\nCheck that you trust both."),
        filled_token_url, filled_base_url);
      adw_action_row_set_subtitle (self->origin_row, explanation);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->origin_row), differs);
}

static void
clear_warnings (RcImportSummary *self)
{
  for (guint i = 0; self->warning_rows && i < self->warning_rows->len; i++)
    adw_expander_row_remove (self->warnings_row, self->warning_rows->pdata[i]);
  g_clear_pointer (&self->warning_rows, g_ptr_array_unref);
}

static void
add_warning_row (RcImportSummary *self,
                 const char      *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_expander_row_add_row (self->warnings_row, row);
  g_ptr_array_add (self->warning_rows, row);
}

static void
show_warnings (RcImportSummary *self)
{
  const char * const *warnings = rc_open_api_get_warnings (self->open_api);
  guint n_warnings = g_strv_length ((char **) warnings);
  g_autofree char *count = NULL;

  clear_warnings (self);
  self->warning_rows = g_ptr_array_new ();
  for (guint i = 0; i < n_warnings && i < MAX_WARNING_ROWS; i++)
    add_warning_row (self, warnings[i]);
  if (n_warnings > MAX_WARNING_ROWS)
    {
      guint more = n_warnings - MAX_WARNING_ROWS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more warning",
                                                            "And %u more warnings", more),
                                               more);

      add_warning_row (self, text);
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n_warnings),
                           n_warnings);
  adw_expander_row_set_subtitle (self->warnings_row, count);
  adw_expander_row_set_expanded (self->warnings_row, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_row), n_warnings > 0);
}

/* The variables the API gets, or why the base URL cannot be imported. */
static void
update_variables (RcImportSummary *self)
{
  g_autoptr(GPtrArray) variables = rc_import_summary_dup_variables (self);
  const char *problem = get_problem (self);
  GtkWidget *row = GTK_WIDGET (self->variables_row);

  if (problem)
    {
      adw_action_row_set_subtitle (self->variables_row, problem);
      gtk_widget_add_css_class (row, "error");
    }
  else
    {
      g_autofree char *summary = rc_open_api_dup_variables_summary (variables);

      adw_action_row_set_subtitle (self->variables_row, summary);
      gtk_widget_remove_css_class (row, "error");
    }
  gtk_widget_set_visible (row, problem != NULL || variables->len > 0);
}

static void
entry_changed_cb (RcImportSummary *self)
{
  gboolean base_url_ok = base_url_is_valid (self);
  const char *problem = get_problem (self);

  if (base_url_ok && problem == NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->base_url_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->base_url_row), "error");
  if (problem)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->base_url_row), problem);
  else
    gtk_widget_set_tooltip_text (
      GTK_WIDGET (self->base_url_row),
      base_url_ok ? NULL : _("Type the API’s address, such as https://api.example.com/v1"));

  update_variables (self);
  update_auth (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
server_selected_cb (RcImportSummary *self)
{
  GtkStringObject *server = adw_combo_row_get_selected_item (self->server_row);

  if (server != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->base_url_row),
                           gtk_string_object_get_string (server));
}

/* The first scope takes the focus as the popover opens, and GTK selects
 * the whole of a selectable label that takes the focus: unselect it, so
 * that no scope stands out. */
static void
scopes_popover_show_cb (RcImportSummary *self)
{
  for (GtkWidget *label = gtk_widget_get_first_child (GTK_WIDGET (self->scopes_box));
       label != NULL;
       label = gtk_widget_get_next_sibling (label))
    gtk_label_select_region (GTK_LABEL (label), 0, 0);
}

static void
rc_import_summary_dispose (GObject *object)
{
  RcImportSummary *self = (RcImportSummary *)object;
  GtkWidget *child;

  clear_warnings (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_IMPORT_SUMMARY);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->selection, g_ptr_array_unref);
  g_clear_object (&self->open_api);

  G_OBJECT_CLASS (rc_import_summary_parent_class)->dispose (object);
}

static void
rc_import_summary_class_init (RcImportSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_import_summary_dispose;

  /**
   * RcImportSummary::changed:
   *
   * The API's name or base URL changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-import-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, RcImportSummary, document_row);
  gtk_widget_class_bind_template_child (widget_class, RcImportSummary, name_row);
  gtk_widget_class_bind_template_child (widget_class, RcImportSummary, server_row);
  gtk_widget_class_bind_template_child (widget_class, RcImportSummary, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, RcImportSummary, variables_row);
  gtk_widget_class_bind_template_child (widget_class, RcImportSummary, auth_row);
  gtk_widget_class_bind_template_child (widget_class, RcImportSummary, scopes_row);
  gtk_widget_class_bind_template_child (widget_class, RcImportSummary, scopes_button);
  gtk_widget_class_bind_template_child (widget_class, RcImportSummary, scopes_box);
  gtk_widget_class_bind_template_child (widget_class, RcImportSummary, origin_row);
  gtk_widget_class_bind_template_child (widget_class, RcImportSummary, warnings_row);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, server_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, scopes_popover_show_cb);
}

static void
rc_import_summary_init (RcImportSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Shows what @open_api holds; the API's name and base URL start as its title and first server. */
void
rc_import_summary_set_document (RcImportSummary *self,
                                RcOpenApi       *open_api)
{
  guint n_servers;
  guint n_operations;
  g_autoptr(GtkStringList) server_list = NULL;
  g_autofree char *count = NULL;
  g_autofree char *details = NULL;

  g_return_if_fail (RC_IS_IMPORT_SUMMARY (self));
  g_return_if_fail (RC_IS_OPEN_API (open_api));

  g_set_object (&self->open_api, open_api);
  g_clear_pointer (&self->selection, g_ptr_array_unref);

  n_servers = rc_open_api_get_n_servers (open_api);
  n_operations = rc_open_api_get_n_operations (open_api);
  count = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u operation", "%u operations", n_operations), n_operations);
  /* Translators: the document's version, format (like “OpenAPI 3.0”) and how many
   * operations it has */
  details = g_strdup_printf (_("Version %s · %s · %s"),
                             rc_open_api_get_version (open_api),
                             rc_open_api_format_get_label (rc_open_api_get_format (open_api)),
                             count);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->document_row),
                                 rc_open_api_get_title (open_api));
  adw_action_row_set_subtitle (self->document_row, details);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rc_open_api_get_title (open_api));

  /* Each server as the API's base URL, with its {{variables}}. */
  server_list = gtk_string_list_new (NULL);
  for (guint i = 0; i < n_servers; i++)
    gtk_string_list_append (server_list, rc_open_api_get_server (open_api, i)->base_url);
  adw_combo_row_set_model (self->server_row, G_LIST_MODEL (server_list));
  gtk_widget_set_visible (GTK_WIDGET (self->server_row), n_servers > 1);
  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row),
                         n_servers > 0 ? rc_open_api_get_server (open_api, 0)->base_url : "");

  show_warnings (self);
  update_auth (self);
}

/* The operations to import (not owned; they belong to the document), for
 * the authentication shown: its scopes are those they need. */
void
rc_import_summary_set_selection (RcImportSummary *self,
                                 GPtrArray       *operations)
{
  g_return_if_fail (RC_IS_IMPORT_SUMMARY (self));

  g_clear_pointer (&self->selection, g_ptr_array_unref);
  self->selection = operations ? g_ptr_array_ref (operations) : NULL;
  update_auth (self);
}

const char *
rc_import_summary_get_name (RcImportSummary *self)
{
  g_return_val_if_fail (RC_IS_IMPORT_SUMMARY (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

const char *
rc_import_summary_get_base_url (RcImportSummary *self)
{
  g_return_val_if_fail (RC_IS_IMPORT_SUMMARY (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->base_url_row));
}

/* Whether the API has a name and an http(s) base URL (its {{variables}}
 * filled in), which is not that of a server no API can be imported with. */
gboolean
rc_import_summary_is_complete (RcImportSummary *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (RC_IS_IMPORT_SUMMARY (self), FALSE);

  name = g_strstrip (g_strdup (rc_import_summary_get_name (self)));

  return *name != '\0' && base_url_is_valid (self) && get_problem (self) == NULL;
}

/**
 * rc_import_summary_get_server:
 *
 * Returns: (transfer none) (nullable): the server chosen, if the document
 *   declares any
 */
const RcOpenApiServer *
rc_import_summary_get_server (RcImportSummary *self)
{
  g_return_val_if_fail (RC_IS_IMPORT_SUMMARY (self), NULL);

  return get_server (self);
}

/**
 * rc_import_summary_dup_variables:
 *
 * Returns: (transfer full) (element-type RcVariable): the variables of
 *   the server chosen that the base URL uses (the document's, not to be
 *   changed), in the server's order
 */
GPtrArray *
rc_import_summary_dup_variables (RcImportSummary *self)
{
  const RcOpenApiServer *server;
  GPtrArray *variables;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (RC_IS_IMPORT_SUMMARY (self), NULL);

  variables = g_ptr_array_new_with_free_func (g_object_unref);
  if (!(server = get_server (self)))
    return variables;

  names = rc_template_dup_names (rc_import_summary_get_base_url (self));
  for (guint i = 0; i < server->variables->len; i++)
    {
      RcVariable *variable = server->variables->pdata[i];

      if (g_strv_contains ((const char * const *) names, rc_variable_get_name (variable)))
        g_ptr_array_add (variables, g_object_ref (variable));
    }

  return variables;
}
