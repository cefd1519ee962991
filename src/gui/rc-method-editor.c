/* rc-method-editor.c: the tabs that edit a method: Request, Headers and Authentication, Body, Test
 *
 * The editor edits the method it is given, in place: the rows are bound
 * both ways to it. The Request tab lists the URL's {parameters} with their
 * test values as the user types (RcTestValues, as the Test tab does, saying
 * here whether each is in the path or the query); the name and the URL say
 * what is wrong with them (rc-check) the way the auth fields do
 * (RcFieldCheck). The body is written back to the method once typing
 * pauses, not on every key. Ctrl+Return anywhere in the editor switches to
 * the Test tab and runs the method, after handing a secret typed and not
 * applied yet to the keyring (rc_method_editor_commit(), which Finish calls
 * too); RcSecretStore looks it up only once stored.
 *
 * The host places the switcher: rc_method_editor_set_switcher_title() puts
 * the tabs in its header bar (rc_method_editor_set_header_title(), beside a
 * title that stays), and the bar at the bottom takes over when the window
 * is too narrow for them. “Headers and Authentication” is a long name: the
 * tab has a shorter one while the full name would not fit in the header
 * bar (whose tabs then stay there with the short name) nor in a quarter
 * of the bar at the bottom (a phone's width), on two lines if need be.
 * A host can put its own group at the top of the Request tab
 * (rc_method_editor_add_request_group()).
 *
 * A tab chosen from its switcher, with the mouse or with Alt and the tab's
 * underlined letter, takes the keyboard to its first field (the Request
 * tab's: the name).
 *
 * Headers and Authentication edits the method's authentication: its own,
 * or “Use API’s authentication”. A method consumed into a new API sets the
 * API's instead (rc_method_editor_set_auth_api()), which the method uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "rc-auth-group.h"
#include "rc-field-check.h"
#include "rc-headers-group.h"
#include "rc-method-editor.h"
#include "rc-page.h"
#include "rc-source-style.h"
#include "rc-switcher-title.h"
#include "rc-test-panel.h"
#include "rc-test-values.h"
#include "rc-text-row.h"

/* How long typing in the body must pause before it reaches the method. */
#define BODY_COMMIT_DELAY_MS 300

/* The room a tab's name needs beyond its width to count as fitting (a tab
 * of the bar at the bottom keeps about that much around it); the name is
 * written smaller than the tab's own font. A tab of a header bar whose
 * icon is above its name is at least SWITCHER_TAB_WIDTH wide (libadwaita's
 * narrow view switcher, 1.2 on). */
#define SWITCHER_BUTTON_PADDING 12
#define SWITCHER_FONT_SCALE PANGO_SCALE_SMALL
#define SWITCHER_TAB_WIDTH 100

struct _RcMethodEditor
{
  GtkBox               parent_instance;

  RcMethod            *method;
  char                *project_id;
  RcApi               *auth_api;   /* whose authentication the tab edits, or NULL: the method's */
  GBindingGroup       *bindings;
  GSignalGroup        *method_signals;
  GSignalGroup        *api_signals;
  GBinding            *reveal_binding;
  GtkWidget           *header_title;
  GtkSourceBuffer     *body_buffer;
  guint                body_commit_id;
  char                *headers_title;
  guint                titles_id;
  guint                focus_page_id;
  GdkSurface          *surface;

  AdwViewStack        *stack;
  AdwViewSwitcherBar  *switcher_bar;
  AdwViewStackPage    *headers_page;
  RcPage              *request_page;
  AdwPreferencesGroup *method_group;
  AdwPreferencesGroup *parameters_group;
  AdwEntryRow         *name_row;
  RcFieldCheck        *name_check;
  AdwComboRow         *verb_row;
  AdwEntryRow         *url_row;
  RcFieldCheck        *url_check;
  RcTextRow           *description_row;
  RcTestValues        *parameter_values;
  RcHeadersGroup      *headers_group;
  RcAuthGroup         *auth_group;
  AdwComboRow         *content_type_row;
  AdwEntryRow         *content_type_entry;
  RcFieldCheck        *content_type_check;
  GtkSourceView       *body_view;
  RcTestPanel         *test_panel;

  guint                valid : 1;
  guint                name_touched : 1;
  guint                url_touched : 1;
  guint                loading : 1;
  guint                syncing_body : 1;
  guint                syncing_content_type : 1;
  guint                typing_content_type : 1;
  guint                short_titles : 1;
};

G_DEFINE_FINAL_TYPE (RcMethodEditor, rc_method_editor, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_METHOD,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The content types offered, in the combo row's order; "" lets the call
 * engine pick JSON or plain text from the body. Custom comes last. */
static const char * const content_types[] = {
  "",
  "application/json",
  "application/x-www-form-urlencoded",
  "application/xml",
  "text/plain",
};

static gboolean
verb_to_selected (GBinding     *binding,
                  const GValue *from_value,
                  GValue       *to_value,
                  gpointer      user_data)
{
  const char * const *verbs = rc_method_get_verbs ();
  const char *verb = g_value_get_string (from_value);

  for (guint i = 0; verbs[i] != NULL; i++)
    {
      if (g_strcmp0 (verbs[i], verb) == 0)
        {
          g_value_set_uint (to_value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
selected_to_verb (GBinding     *binding,
                  const GValue *from_value,
                  GValue       *to_value,
                  gpointer      user_data)
{
  const char * const *verbs = rc_method_get_verbs ();
  guint selected = g_value_get_uint (from_value);

  if (selected >= g_strv_length ((char **) verbs))
    return FALSE;

  g_value_set_string (to_value, verbs[selected]);
  return TRUE;
}

static void
set_valid (RcMethodEditor *self,
           gboolean        valid)
{
  valid = !!valid;
  if (self->valid == valid)
    return;

  self->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
clear_reveal_binding (RcMethodEditor *self)
{
  GBinding *binding = self->reveal_binding;

  if (binding == NULL)
    return;

  g_clear_weak_pointer (&self->reveal_binding);
  g_binding_unbind (binding);
}

/* Puts the tabs in @title, in the host's header bar, and the bar at the
 * bottom when they do not fit there. */
static void
set_header (RcMethodEditor *self,
            GtkWidget      *title)
{
  clear_reveal_binding (self);
  g_clear_weak_pointer (&self->header_title);

  if (title == NULL)
    {
      adw_view_switcher_bar_set_reveal (self->switcher_bar, TRUE);
      return;
    }

  g_object_set (title, "stack", self->stack, NULL);
  /* Weak: the binding goes by itself with the title or the bar. */
  g_set_weak_pointer (&self->reveal_binding,
                      g_object_bind_property (title, "title-visible",
                                              self->switcher_bar, "reveal",
                                              G_BINDING_SYNC_CREATE));
  g_set_weak_pointer (&self->header_title, title);
}

static void
update_checks (RcMethodEditor *self)
{
  g_autofree char *name_error = NULL;
  g_autofree char *url_error = NULL;
  g_autofree char *content_type_error = NULL;

  if (self->method == NULL)
    {
      rc_field_check_set_message (self->name_check, NULL);
      rc_field_check_set_message (self->url_check, NULL);
      rc_field_check_set_message (self->content_type_check, NULL);
      set_valid (self, FALSE);
      return;
    }

  /* A new method's empty fields are not wrong yet: only once touched. */
  if (self->name_touched)
    name_error = rc_check_method_name (self->method);
  if (self->url_touched)
    url_error = rc_check_method_url (self->method);

  /* Only a custom content type can be wrong, and it is shown at once: it
   * could add headers or requests to the call. */
  content_type_error = rc_check_method_content_type (self->method);

  rc_field_check_set_message (self->name_check, name_error);
  rc_field_check_set_message (self->url_check, url_error);
  rc_field_check_set_message (self->content_type_check, content_type_error);

  set_valid (self, rc_check_method (self->method) && rc_auth_group_get_valid (self->auth_group));
}

static void
update_language (RcMethodEditor *self)
{
  GtkSourceLanguageManager *manager = gtk_source_language_manager_get_default ();
  const char *type = self->method ? rc_method_get_content_type (self->method) : "";
  const char *id = NULL;

  if (type[0] == '\0' || strstr (type, "json") != NULL)
    id = "json";
  else if (strstr (type, "xml") != NULL)
    id = "xml";

  gtk_source_buffer_set_language (
    self->body_buffer, id ? gtk_source_language_manager_get_language (manager, id) : NULL);
}

static void
update_content_type (RcMethodEditor *self)
{
  const char *type = self->method ? rc_method_get_content_type (self->method) : "";
  guint selected = G_N_ELEMENTS (content_types);

  /* The custom type being typed stays custom, even while it is empty. */
  if (self->typing_content_type)
    {
      update_language (self);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (content_types); i++)
    {
      if (g_str_equal (content_types[i], type))
        selected = i;
    }

  self->syncing_content_type = TRUE;
  adw_combo_row_set_selected (self->content_type_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->content_type_entry),
                          selected == G_N_ELEMENTS (content_types));
  if (selected == G_N_ELEMENTS (content_types) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->content_type_entry)), type) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->content_type_entry), type);
  self->syncing_content_type = FALSE;

  update_language (self);
}

/* Puts the method's body in the view, unless the view already holds it. */
static void
update_body (RcMethodEditor *self)
{
  const char *body = self->method ? rc_method_get_body (self->method) : "";
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  if (self->body_commit_id != 0)
    return;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->body_buffer), &start, &end);
  shown = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->body_buffer), &start, &end, TRUE);
  if (g_str_equal (shown, body))
    return;

  self->syncing_body = TRUE;
  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (self->body_buffer));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->body_buffer), body, -1);
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (self->body_buffer));
  self->syncing_body = FALSE;
}

static void
write_body (RcMethodEditor *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->body_buffer), &start, &end);
  text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->body_buffer), &start, &end, TRUE);
  rc_method_set_body (self->method, text);
}

static void
commit_body (RcMethodEditor *self)
{
  if (self->body_commit_id == 0)
    return;

  g_clear_handle_id (&self->body_commit_id, g_source_remove);

  if (self->method != NULL)
    write_body (self);
}

/* The authentication tab edits the API's (a new one's), or the method's. */
static void
show_auth (RcMethodEditor *self)
{
  if (self->method != NULL && self->auth_api != NULL)
    rc_auth_group_set_auth (self->auth_group, rc_api_get_auth (self->auth_api), self->project_id,
                            G_OBJECT (self->auth_api));
  else
    rc_auth_group_set_method (self->auth_group, self->method, self->project_id);

  rc_test_panel_set_api_auth_here (self->test_panel, self->auth_api != NULL);
}

static void
run_test (RcMethodEditor *self)
{
  if (self->method == NULL)
    return;

  /* The secret just typed, too: the call looks it up after its store. */
  rc_method_editor_commit (self);
  adw_view_stack_set_visible_child_name (self->stack, "test");
  rc_test_panel_run (self->test_panel);
}

/* The user would rather type a new secret than send the stored one
 * where the call would take it: its entry, on its tab; for a method that
 * uses its API's authentication, on the API's page if the window can
 * show it (win.edit-api-secret). */
static void
secret_wanted_cb (RcMethodEditor *self)
{
  if (self->method != NULL && rc_method_get_auth (self->method) == NULL && self->auth_api == NULL
      && gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-api-secret", NULL))
    return;

  adw_view_stack_set_visible_child_name (self->stack, "headers");
  rc_auth_group_focus_secret (self->auth_group);
}

/* How wide @title is, written as a tab of a switcher writes it. */
static int
measure_tab_title (RcMethodEditor *self,
                   const char     *title)
{
  g_autoptr(PangoLayout) layout =
    gtk_widget_create_pango_layout (GTK_WIDGET (self->switcher_bar), NULL);
  g_autofree char *markup = g_markup_escape_text (title, -1);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  int width;

  pango_layout_set_markup_with_accel (layout, markup, -1, '_', NULL);
  pango_attr_list_insert (attributes, pango_attr_scale_new (SWITCHER_FONT_SCALE));
  pango_layout_set_attributes (layout, attributes);
  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

static const char *
get_short_headers_title (void)
{
  /* Translators: the Headers and Authentication tab, where the window is narrow */
  return C_("A tab of the method editor", "_Headers & Auth");
}

/* Whether @n_pages tabs, the longest named @text_width wide, fit in @width
 * as a header bar's tabs whose icons are above their names. */
static gboolean
tabs_fit (int n_pages,
          int text_width,
          int width)
{
  return width >= 0 &&
         n_pages * MAX (SWITCHER_TAB_WIDTH, text_width + SWITCHER_BUTTON_PADDING) <= width;
}

/* How wide the tabs can be in the host's header bar: beside the title,
 * whole or cut short, or in the title's place; -1 when they are not there. */
static int
get_header_tabs_width (RcMethodEditor *self,
                       gboolean        title_cut)
{
  if (RC_IS_SWITCHER_TITLE (self->header_title))
    return rc_switcher_title_get_tabs_width (RC_SWITCHER_TITLE (self->header_title), title_cut);

  if (self->header_title != NULL && gtk_widget_get_width (self->header_title) > 0)
    return gtk_widget_get_width (self->header_title);

  return -1;
}

/* Whether the Headers and Authentication tab needs its short name: in the
 * host's header bar, if the full name would not fit there and the short
 * one would (beside the whole title first, then beside the title cut
 * short), rather than the tabs going to the bottom; else if the full name
 * does not fit in the bar at the bottom, which gives each tab an equal
 * share of @width. */
static gboolean
needs_short_titles (RcMethodEditor *self,
                    int             width)
{
  g_autoptr(GListModel) pages = G_LIST_MODEL (adw_view_stack_get_pages (self->stack));
  int n_pages = MAX (1, (int) g_list_model_get_n_items (pages));
  int full = measure_tab_title (self, self->headers_title);
  int short_title = measure_tab_title (self, get_short_headers_title ());
  const gboolean title_cut[] = { FALSE, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (title_cut); i++)
    {
      int header = get_header_tabs_width (self, title_cut[i]);

      if (tabs_fit (n_pages, full, header))
        return FALSE;
      if (tabs_fit (n_pages, short_title, header))
        return TRUE;
    }

  return full + SWITCHER_BUTTON_PADDING > width / n_pages;
}

static void
set_short_titles (RcMethodEditor *self,
                  gboolean        short_titles)
{
  short_titles = !!short_titles;
  if (self->short_titles == short_titles)
    return;

  self->short_titles = short_titles;
  adw_view_stack_page_set_title (self->headers_page,
                                 short_titles ? get_short_headers_title () : self->headers_title);
}

/* The bar at the bottom (libadwaita 1.2) cuts a tab's name to one line and
 * ellipsizes it: at a phone's width even “Headers & Auth” ends as
 * “Headers & A…”, where two lines hold it whole. libadwaita has no API for
 * this, and its switcher buttons are private: each holds, in a box with the
 * style class “narrow”, the label the bar shows. Only such labels, inside
 * a toggle button of an AdwViewSwitcher, are let wrap to two lines; on any
 * other structure (another libadwaita) nothing matches, nothing changes, and
 * the names are ellipsized as libadwaita means them to be. */
static void
wrap_switcher_labels (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) &&
          gtk_widget_has_css_class (widget, "narrow") &&
          gtk_widget_get_ancestor (widget, GTK_TYPE_TOGGLE_BUTTON) != NULL &&
          gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER) != NULL)
        {
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_lines (GTK_LABEL (child), 2);
          gtk_label_set_justify (GTK_LABEL (child), GTK_JUSTIFY_CENTER);
        }

      wrap_switcher_labels (child);
    }
}

/* Takes the keyboard to the first field of the tab shown. */
static void
focus_page (RcMethodEditor *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);

  if (page == NULL)
    return;

  if (page == GTK_WIDGET (self->request_page))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  else
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static gboolean
body_commit_cb (gpointer user_data)
{
  RcMethodEditor *self = user_data;

  self->body_commit_id = 0;
  if (self->method != NULL)
    write_body (self);

  return G_SOURCE_REMOVE;
}

static void
body_changed_cb (RcMethodEditor *self)
{
  if (self->syncing_body || self->method == NULL)
    return;

  g_clear_handle_id (&self->body_commit_id, g_source_remove);
  self->body_commit_id = g_timeout_add (BODY_COMMIT_DELAY_MS, body_commit_cb, self);
}

static void
name_changed_cb (RcMethodEditor *self)
{
  if (self->loading || self->method == NULL)
    return;

  self->name_touched = TRUE;
  update_checks (self);
}

static void
url_changed_cb (RcMethodEditor *self)
{
  if (self->loading || self->method == NULL)
    return;

  self->url_touched = TRUE;
  update_checks (self);
}

static void
content_type_selected_cb (RcMethodEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->content_type_row);
  gboolean custom = selected >= G_N_ELEMENTS (content_types);

  if (self->syncing_content_type || self->method == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->content_type_entry), custom);

  if (custom)
    {
      self->typing_content_type = TRUE;
      rc_method_set_content_type (self->method,
                                  gtk_editable_get_text (GTK_EDITABLE (self->content_type_entry)));
      self->typing_content_type = FALSE;
      gtk_widget_grab_focus (GTK_WIDGET (self->content_type_entry));
    }
  else
    {
      rc_method_set_content_type (self->method, content_types[selected]);
    }
}

static void
content_type_entry_changed_cb (RcMethodEditor *self)
{
  if (self->syncing_content_type || self->method == NULL ||
      !gtk_widget_get_visible (GTK_WIDGET (self->content_type_entry)))
    return;

  self->typing_content_type = TRUE;
  rc_method_set_content_type (self->method,
                              gtk_editable_get_text (GTK_EDITABLE (self->content_type_entry)));
  self->typing_content_type = FALSE;
}

static void
method_changed_cb (RcMethodEditor *self)
{
  update_checks (self);
}

static void
method_body_cb (RcMethodEditor *self)
{
  update_body (self);
}

static void
method_content_type_cb (RcMethodEditor *self)
{
  update_content_type (self);
}

/* Which API the method is in, under the Method heading. */
static void
update_api_description (RcMethodEditor *self)
{
  RcApi *api = self->method ? rc_method_get_api (self->method) : NULL;
  g_autofree char *description = NULL;

  if (api != NULL)
    /* Translators: under the “Method” heading; %s is the name of the API the method is in */
    description = g_strdup_printf (_("In the API “%s”"), rc_api_get_name (api));

  adw_preferences_group_set_description (self->method_group, description);
}

static void
api_changed_cb (RcMethodEditor *self)
{
  update_api_description (self);
  update_checks (self);
}

static void
auth_valid_cb (RcMethodEditor *self)
{
  update_checks (self);
}

static gboolean
update_titles_cb (gpointer user_data)
{
  RcMethodEditor *self = user_data;

  self->titles_id = 0;
  /* Not laid out yet: the next layout tells. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    set_short_titles (self, needs_short_titles (self, gtk_widget_get_width (GTK_WIDGET (self))));

  return G_SOURCE_REMOVE;
}

/* Once laid out anew (an idle comes after the layout), the tabs' names fit. */
static void
surface_layout_cb (RcMethodEditor *self)
{
  if (self->titles_id == 0)
    self->titles_id = g_idle_add (update_titles_cb, self);
}

static gboolean
focus_page_cb (gpointer user_data)
{
  RcMethodEditor *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);

  self->focus_page_id = 0;

  if (page != NULL && gtk_widget_get_mapped (page) &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, page)))
    focus_page (self);

  return G_SOURCE_REMOVE;
}

static void
visible_page_cb (RcMethodEditor *self)
{
  /* What was typed in the body reaches the method before another tab
   * shows: the Test tab's Test must send it, pressed however soon. */
  commit_body (self);

  /* The tab is shown (by its switcher, Alt and its letter, or Ctrl+Return
   * for the Test tab): the keyboard goes to it, once it is there. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->focus_page_id == 0)
    self->focus_page_id = g_idle_add (focus_page_cb, self);
}

static void
run_test_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  run_test (RC_METHOD_EDITOR (widget));
}

static void
rc_method_editor_unmap (GtkWidget *widget)
{
  RcMethodEditor *self = RC_METHOD_EDITOR (widget);

  /* What was typed reaches the method before anyone looks away. Not the
   * secret: a dialog whose edits are discarded is unmapped too, and the
   * keyring must not get what the user threw away. */
  commit_body (self);

  if (self->surface != NULL)
    g_signal_handlers_disconnect_by_data (self->surface, self);
  g_clear_weak_pointer (&self->surface);

  GTK_WIDGET_CLASS (rc_method_editor_parent_class)->unmap (widget);
}

static void
rc_method_editor_map (GtkWidget *widget)
{
  RcMethodEditor *self = RC_METHOD_EDITOR (widget);
  GdkSurface *surface;

  GTK_WIDGET_CLASS (rc_method_editor_parent_class)->map (widget);

  /* The editor's width changes with its window's (a GtkBox's layout manager
   * allocates it, so size_allocate is never called). */
  surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  if (g_set_weak_pointer (&self->surface, surface))
    g_signal_connect_object (surface, "layout", G_CALLBACK (surface_layout_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  surface_layout_cb (self);
}

static void
rc_method_editor_dispose (GObject *object)
{
  RcMethodEditor *self = (RcMethodEditor *)object;

  commit_body (self);
  g_clear_handle_id (&self->titles_id, g_source_remove);
  g_clear_handle_id (&self->focus_page_id, g_source_remove);
  if (self->surface != NULL)
    g_signal_handlers_disconnect_by_data (self->surface, self);
  g_clear_weak_pointer (&self->surface);

  if (self->bindings)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->method_signals)
    g_signal_group_set_target (self->method_signals, NULL);
  if (self->api_signals)
    g_signal_group_set_target (self->api_signals, NULL);
  clear_reveal_binding (self);
  g_clear_weak_pointer (&self->header_title);

  /* A test under way stops with the editor: its call holds the panel, which
   * would outlive the window and call the server all the same. */
  if (self->test_panel)
    gtk_widget_activate_action (GTK_WIDGET (self->test_panel), "test.cancel", NULL);

  if (self->body_buffer)
    g_signal_handlers_disconnect_by_data (self->body_buffer, self);
  if (self->auth_group)
    g_signal_handlers_disconnect_by_data (self->auth_group, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_METHOD_EDITOR);

  g_clear_object (&self->bindings);
  g_clear_object (&self->method_signals);
  g_clear_object (&self->api_signals);
  g_clear_object (&self->body_buffer);
  g_clear_object (&self->method);
  g_clear_object (&self->auth_api);
  g_clear_pointer (&self->project_id, g_free);
  g_clear_pointer (&self->headers_title, g_free);

  G_OBJECT_CLASS (rc_method_editor_parent_class)->dispose (object);
}

static void
rc_method_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RcMethodEditor *self = RC_METHOD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      g_value_set_object (value, self->method);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_method_editor_class_init (RcMethodEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_method_editor_dispose;
  object_class->get_property = rc_method_editor_get_property;

  widget_class->unmap = rc_method_editor_unmap;
  widget_class->map = rc_method_editor_map;

  /**
   * RcMethodEditor:method:
   *
   * The method being edited; rc_method_editor_set_method() sets it.
   */
  properties[PROP_METHOD] =
    g_param_spec_object ("method", NULL, NULL,
                         RC_TYPE_METHOD,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcMethodEditor:valid:
   *
   * Whether the method passes every check: its name, its URL and its
   * authentication.
   */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcMethodEditor|editor.run-test:
   *
   * Shows the Test tab and runs the method (Ctrl+Return).
   */
  gtk_widget_class_install_action (widget_class, "editor.run-test", NULL, run_test_action);

  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (RC_TYPE_HEADERS_GROUP);
  g_type_ensure (RC_TYPE_PAGE);
  g_type_ensure (RC_TYPE_AUTH_GROUP);
  g_type_ensure (RC_TYPE_FIELD_CHECK);
  g_type_ensure (RC_TYPE_TEST_PANEL);
  g_type_ensure (RC_TYPE_TEST_VALUES);
  g_type_ensure (RC_TYPE_TEXT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-method-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, headers_page);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, request_page);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, method_group);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, parameters_group);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, name_check);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, verb_row);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, url_check);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, parameter_values);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, headers_group);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, auth_group);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, content_type_row);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, content_type_entry);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, content_type_check);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, RcMethodEditor, test_panel);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, content_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, content_type_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, secret_wanted_cb);
  gtk_widget_class_bind_template_callback (widget_class, auth_valid_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_cb);
}

static void
rc_method_editor_init (RcMethodEditor *self)
{
  g_autoptr(GtkStringList) verbs =
    gtk_string_list_new ((const char *const *) rc_method_get_verbs ());
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->headers_title = g_strdup (adw_view_stack_page_get_title (self->headers_page));
  wrap_switcher_labels (GTK_WIDGET (self->switcher_bar));

  adw_combo_row_set_model (self->verb_row, G_LIST_MODEL (verbs));

  /* Translators: the content type of a body left for the app to pick */
  gtk_string_list_append (types, _("Automatic (JSON or plain text)"));
  for (guint i = 1; i < G_N_ELEMENTS (content_types); i++)
    gtk_string_list_append (types, content_types[i]);
  /* Translators: a content type the user types in */
  gtk_string_list_append (types, _("Custom…"));
  self->syncing_content_type = TRUE;
  adw_combo_row_set_model (self->content_type_row, G_LIST_MODEL (types));
  self->syncing_content_type = FALSE;

  self->body_buffer =
    GTK_SOURCE_BUFFER (g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view))));
  gtk_source_buffer_set_highlight_matching_brackets (self->body_buffer, TRUE);
  g_signal_connect_swapped (self->body_buffer, "changed", G_CALLBACK (body_changed_cb), self);
  rc_source_style_follow (self->body_buffer);
  update_language (self);

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "name", self->name_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind_full (self->bindings, "verb", self->verb_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             verb_to_selected, selected_to_verb, NULL, NULL);
  g_binding_group_bind (self->bindings, "url", self->url_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "description", self->description_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  self->method_signals = g_signal_group_new (RC_TYPE_METHOD);
  g_signal_group_connect_swapped (self->method_signals, "changed",
                                  G_CALLBACK (method_changed_cb), self);
  g_signal_group_connect_swapped (self->method_signals, "notify::body",
                                  G_CALLBACK (method_body_cb), self);
  g_signal_group_connect_swapped (self->method_signals, "notify::content-type",
                                  G_CALLBACK (method_content_type_cb), self);

  self->api_signals = g_signal_group_new (RC_TYPE_API);
  g_signal_group_connect_swapped (self->api_signals, "changed",
                                  G_CALLBACK (api_changed_cb), self);

  /* Ctrl+Return tests from anywhere in the editor, even from the body,
   * before a text view takes the key for itself. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  shortcut =
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                      gtk_named_action_new ("editor.run-test"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_checks (self);
}

GtkWidget *
rc_method_editor_new (RcContext *context)
{
  RcMethodEditor *self = g_object_new (RC_TYPE_METHOD_EDITOR, NULL);

  rc_method_editor_set_context (self, context);

  return GTK_WIDGET (self);
}

/**
 * rc_method_editor_set_context:
 * @context: the services to use: the secret store, the executor the Test
 *   tab calls through
 *
 * Set before a method is shown.
 */
void
rc_method_editor_set_context (RcMethodEditor *self,
                              RcContext      *context)
{
  g_return_if_fail (RC_IS_METHOD_EDITOR (self));

  rc_auth_group_set_context (self->auth_group, context);
  rc_test_panel_set_context (self->test_panel, context);
}

/**
 * rc_method_editor_get_method:
 *
 * Returns: (transfer none) (nullable): the method being edited
 */
RcMethod *
rc_method_editor_get_method (RcMethodEditor *self)
{
  g_return_val_if_fail (RC_IS_METHOD_EDITOR (self), NULL);

  return self->method;
}

/**
 * rc_method_editor_set_method:
 * @method: (nullable): the method to edit, in place
 * @project_id: (nullable): the ID of @method's project, for the keyring
 *
 * Shows @method in every tab. The editor changes @method itself as the
 * user types.
 */
void
rc_method_editor_set_method (RcMethodEditor *self,
                             RcMethod       *method,
                             const char     *project_id)
{
  g_return_if_fail (RC_IS_METHOD_EDITOR (self));
  g_return_if_fail (method == NULL || RC_IS_METHOD (method));

  if (self->method == method && g_strcmp0 (self->project_id, project_id) == 0)
    return;

  /* The body and the secret typed for the method shown go to that method. */
  rc_method_editor_commit (self);

  g_set_object (&self->method, method);
  g_free (self->project_id);
  self->project_id = g_strdup (project_id);

  /* A method that already has a name and a URL is checked at once. */
  self->name_touched = method != NULL && rc_method_get_name (method)[0] != '\0';
  self->url_touched = method != NULL && rc_method_get_url (method)[0] != '\0';

  self->loading = TRUE;
  g_binding_group_set_source (self->bindings, method);
  self->loading = FALSE;
  g_signal_group_set_target (self->method_signals, method);
  g_signal_group_set_target (self->api_signals, method ? rc_method_get_api (method) : NULL);
  update_api_description (self);

  rc_headers_group_set_owner (self->headers_group, G_OBJECT (method));
  show_auth (self);
  rc_test_panel_set_method (self->test_panel, method, project_id);
  rc_test_values_set_method (self->parameter_values, method);

  update_content_type (self);
  update_body (self);
  update_checks (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

/**
 * rc_method_editor_set_auth_api:
 * @api: (nullable): the API whose authentication Headers and
 *   Authentication edits, or %NULL for the method's own
 *
 * A method consumed into a new API: the authentication set with it is the
 * API's (the method uses it), and so is the secret typed, which the keyring
 * keeps under @api's id. %NULL goes back to the method's own.
 */
void
rc_method_editor_set_auth_api (RcMethodEditor *self,
                               RcApi          *api)
{
  g_return_if_fail (RC_IS_METHOD_EDITOR (self));
  g_return_if_fail (api == NULL || RC_IS_API (api));

  if (self->auth_api == api)
    return;

  /* A secret typed for the authentication shown goes with it. */
  rc_auth_group_commit (self->auth_group);
  g_set_object (&self->auth_api, api);
  show_auth (self);
}

/**
 * rc_method_editor_get_valid:
 *
 * Returns: whether the method passes every check
 */
gboolean
rc_method_editor_get_valid (RcMethodEditor *self)
{
  g_return_val_if_fail (RC_IS_METHOD_EDITOR (self), FALSE);

  return self->valid;
}

/**
 * rc_method_editor_get_stack:
 *
 * Returns: (transfer none): the stack of tabs, for a host's own switcher
 */
AdwViewStack *
rc_method_editor_get_stack (RcMethodEditor *self)
{
  g_return_val_if_fail (RC_IS_METHOD_EDITOR (self), NULL);

  return self->stack;
}

/**
 * rc_method_editor_set_switcher_title:
 * @title: (nullable): the switcher title in the host's header bar
 *
 * Lets @title switch the tabs; the editor's own bar at the bottom shows
 * when @title is too narrow for them. Without one the bar always shows.
 */
void
rc_method_editor_set_switcher_title (RcMethodEditor       *self,
                                     AdwViewSwitcherTitle *title)
{
  g_return_if_fail (RC_IS_METHOD_EDITOR (self));
  g_return_if_fail (title == NULL || ADW_IS_VIEW_SWITCHER_TITLE (title));

  set_header (self, GTK_WIDGET (title));
}

/**
 * rc_method_editor_set_header_title:
 * @title: (nullable): the title in the host's header bar
 *
 * As rc_method_editor_set_switcher_title(), for a title that stays beside
 * the tabs: the tabs take their short names there before they go to the
 * bar at the bottom.
 */
void
rc_method_editor_set_header_title (RcMethodEditor  *self,
                                   RcSwitcherTitle *title)
{
  g_return_if_fail (RC_IS_METHOD_EDITOR (self));
  g_return_if_fail (title == NULL || RC_IS_SWITCHER_TITLE (title));

  set_header (self, GTK_WIDGET (title));
}

/**
 * rc_method_editor_set_page:
 * @page: `request`, `headers`, `body` or `test`
 *
 * Shows a tab.
 */
void
rc_method_editor_set_page (RcMethodEditor *self,
                           const char     *page)
{
  g_return_if_fail (RC_IS_METHOD_EDITOR (self));

  adw_view_stack_set_visible_child_name (self->stack, page);
}

/**
 * rc_method_editor_focus_name:
 *
 * Shows the Request tab with the keyboard focus on the name.
 */
void
rc_method_editor_focus_name (RcMethodEditor *self)
{
  g_return_if_fail (RC_IS_METHOD_EDITOR (self));

  adw_view_stack_set_visible_child_name (self->stack, "request");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/**
 * rc_method_editor_commit:
 *
 * Writes what was typed in the body and not written yet to the method, and
 * hands a secret typed and not applied yet to the keyring (the store runs
 * on; RcSecretStore:busy says until when). Finish calls it, and so does a
 * test run from the editor.
 */
void
rc_method_editor_commit (RcMethodEditor *self)
{
  g_return_if_fail (RC_IS_METHOD_EDITOR (self));

  commit_body (self);
  if (self->method != NULL)
    rc_auth_group_commit (self->auth_group);
}

/**
 * rc_method_editor_get_auth_group:
 *
 * Returns: (transfer none): the authentication rows, for a host that must
 *   know about a secret typed and not stored yet, or still being stored
 */
RcAuthGroup *
rc_method_editor_get_auth_group (RcMethodEditor *self)
{
  g_return_val_if_fail (RC_IS_METHOD_EDITOR (self), NULL);

  return self->auth_group;
}

/**
 * rc_method_editor_add_request_group:
 * @group: a group of the host's, like the API a new method goes to
 *
 * Puts @group at the top of the Request tab, above the method's own groups
 * (and below groups added before), aligned and clamped like them.
 */
void
rc_method_editor_add_request_group (RcMethodEditor      *self,
                                    AdwPreferencesGroup *group)
{
  g_return_if_fail (RC_IS_METHOD_EDITOR (self));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  rc_page_insert_before (self->request_page, GTK_WIDGET (group),
                         GTK_WIDGET (self->method_group));
}

/**
 * rc_method_editor_set_save_folder:
 * @folder: (nullable): the project's folder, or %NULL for a project
 *   without a file
 *
 * Where the Test tab's Save Response… starts: with the project, rather
 * than in Downloads.
 */
void
rc_method_editor_set_save_folder (RcMethodEditor *self,
                                  GFile          *folder)
{
  g_return_if_fail (RC_IS_METHOD_EDITOR (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  rc_test_panel_set_save_folder (self->test_panel, folder);
}
