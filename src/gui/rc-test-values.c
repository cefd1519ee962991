/* rc-test-values.c: one entry row per URL parameter, editing the method's test values
 *
 * The Request tab and the Test tab both show the method's test values, one
 * row a parameter of its URL (rc-url-template.c), and both edit them: what
 * is typed in a row is the method's at once, and a value set anywhere else
 * shows in the row. The rows follow the URL as it is edited, and are made
 * anew only when a parameter comes, goes or moves between path and query,
 * so typing elsewhere in the URL keeps them, and the focus in them.
 *
 * Showing a value in a row sets the row's text, which first clears it and
 * emits “changed”: the guard keeps that from writing back into the method
 * (which would free the value being shown, and go round again through the
 * other view), and a copy keeps the value alive whatever another view
 * does meanwhile.
 *
 * A parameter the method marks as required (as an OpenAPI import does)
 * says so in its row, which is made anew when that changes; the others
 * may be left empty, and are then left out of the request.
 *
 * A host names the list, labels it and gives it a placeholder or rows of
 * its own through <child internal-child="list">; the parameters' rows go
 * after those, with the widget name RcTestValues:row-name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-test-values.h"

struct _RcTestValues
{
  GtkWidget   parent_instance;

  RcMethod   *method;
  char       *row_name;
  GStrv       keys;          /* each row's parameter: see make_key() */
  GPtrArray  *rows;

  GtkListBox *list;
  GtkSizeGroup *facts_group;  /* the rows' location and Required column */

  guint       show_location : 1;
  guint       syncing : 1;
};

G_DEFINE_FINAL_TYPE (RcTestValues, rc_test_values, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_METHOD,
  PROP_SHOW_LOCATION,
  PROP_ROW_NAME,
  PROP_EMPTY,
  N_PROPS
};

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a row shows of its parameter, which makes it anew when it
 * changes: "p" (path) or "q" (query), "r" (required) or "-", its name. */
static char *
make_key (const RcUrlParameter *parameter,
          gboolean              required)
{
  return g_strconcat (parameter->kind == RC_URL_PARAMETER_QUERY ? "q" : "p",
                      required ? "r" : "-", parameter->name, NULL);
}

static gboolean
get_key_required (const char *key)
{
  return key[1] == 'r';
}

static const char *
get_key_name (const char *key)
{
  return key + 2;
}

/* The parameter @row is for. */
static const char *
get_row_parameter (RcTestValues *self,
                   GtkWidget    *row)
{
  guint index;

  if (!g_ptr_array_find (self->rows, row, &index))
    return NULL;

  return get_key_name (self->keys[index]);
}

/* Shows each test value in its row, unless the row already says it. */
static void
sync_values (RcTestValues *self)
{
  RcPairList *values;

  if (self->method == NULL)
    return;

  values = rc_method_get_test_values (self->method);
  self->syncing = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkEditable *row = g_ptr_array_index (self->rows, i);
      g_autofree char *value =
        g_strdup (rc_pair_list_lookup (values, get_key_name (self->keys[i])));

      if (g_strcmp0 (gtk_editable_get_text (row), value ? value : "") != 0)
        gtk_editable_set_text (row, value ? value : "");
    }
  self->syncing = FALSE;
}

static void
row_changed_cb (RcTestValues *self,
                GtkEditable  *row)
{
  const char *name = get_row_parameter (self, GTK_WIDGET (row));
  RcPairList *values;
  const char *old;

  if (self->syncing || self->method == NULL || name == NULL)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  values = rc_method_get_test_values (self->method);
  old = rc_pair_list_lookup (values, name);
  if (g_strcmp0 (old ? old : "", gtk_editable_get_text (row)) != 0)
    rc_pair_list_set (values, name, gtk_editable_get_text (row));
}

static void
row_activated_cb (RcTestValues *self)
{
  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0);
}

static GtkWidget *
create_row (RcTestValues       *self,
            const char         *name,
            RcUrlParameterKind  kind,
            gboolean            required)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *facts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gboolean in_query = kind == RC_URL_PARAMETER_QUERY;

  gtk_widget_set_name (row, self->row_name ? self->row_name : "");
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  if (self->show_location)
    {
      /* Under "Parameters" the row is the parameter's test value, and says
       * so; under "Test Values" its name is enough. */
      /* Translators: %s is a URL parameter's name; the row holds the value
       * the Test tab sends for it */
      g_autofree char *title = g_strdup_printf (C_("parameter row", "%s · test value"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);

  /* Where the parameter is and whether it is required go before the
   * value, in a column as wide in every row: after it, they would push
   * the edit icon left of the other rows' (suffixes come after it). */
  gtk_widget_set_name (facts, "test-value-facts");
  gtk_widget_set_valign (facts, GTK_ALIGN_CENTER);
  gtk_size_group_add_widget (self->facts_group, facts);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), facts);

  if (self->show_location)
    {
      /* Translators: where a URL parameter is: in the URL's path or its query */
      GtkWidget *location = gtk_label_new (in_query ? C_("parameter location", "Query")
                                                    : C_("parameter location", "Path"));

      gtk_widget_set_name (location, "method-parameter-location");
      gtk_label_set_xalign (GTK_LABEL (location), 0);
      gtk_widget_add_css_class (location, "dim-label");
      gtk_widget_add_css_class (location, "caption");
      gtk_widget_set_tooltip_text (location,
                                   in_query ? _("Sent in the URL’s query")
                                            : _("Part of the URL’s path"));
      gtk_box_append (GTK_BOX (facts), location);
    }

  if (required)
    {
      /* Translators: a URL parameter the request must have a value for */
      GtkWidget *marker = gtk_label_new (C_("parameter", "Required"));

      gtk_widget_set_name (marker, "test-value-required");
      gtk_label_set_xalign (GTK_LABEL (marker), 0);
      gtk_widget_add_css_class (marker, "caption");
      gtk_widget_set_tooltip_text (marker,
                                   in_query ? _("The API’s description requires it. Left out of "
                                                "the request while it is empty.")
                                            : _("The request needs a value for it"));
      gtk_box_append (GTK_BOX (facts), marker);
      /* The row's name is the parameter's; a screen reader says this after. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      C_("parameter", "Required"), -1);
    }

  g_signal_connect_object (row, "changed", G_CALLBACK (row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  return row;
}

static void
remove_rows (RcTestValues *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->keys, g_strfreev);
}

/* One row per parameter of the URL, made anew only when they change. */
static void
update_rows (RcTestValues *self)
{
  g_autoptr(GArray) parameters = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  gboolean was_empty = self->rows->len == 0;

  parameters =
    rc_url_template_dup_parameters (self->method ? rc_method_get_url (self->method) : NULL);
  for (guint i = 0; i < parameters->len; i++)
    {
      RcUrlParameter *parameter = &g_array_index (parameters, RcUrlParameter, i);
      /* A path needs every value; the description may require a query's. */
      g_autofree char *key =
        make_key (parameter, parameter->kind == RC_URL_PARAMETER_PATH ||
                             rc_method_is_parameter_required (self->method, parameter->name));

      g_strv_builder_add (builder, key);
    }
  keys = g_strv_builder_end (builder);

  if (self->keys == NULL ||
      !g_strv_equal ((const char *const *) self->keys, (const char *const *) keys))
    {
      remove_rows (self);
      for (guint i = 0; i < parameters->len; i++)
        {
          RcUrlParameter *parameter = &g_array_index (parameters, RcUrlParameter, i);
          GtkWidget *row = create_row (self, parameter->name, parameter->kind,
                                       get_key_required (keys[i]));

          gtk_list_box_append (self->list, row);
          g_ptr_array_add (self->rows, row);
        }
      self->keys = g_steal_pointer (&keys);

      if (was_empty != (self->rows->len == 0))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
    }

  sync_values (self);
}

static void
method_url_cb (RcTestValues *self)
{
  update_rows (self);
}

static void
method_required_cb (RcTestValues *self)
{
  update_rows (self);
}

static void
test_values_changed_cb (RcTestValues *self)
{
  sync_values (self);
}

/* Up from the first row, down from the last: on to the next field, as
 * from the rows of an AdwPreferencesGroup. */
static gboolean
list_keynav_failed_cb (RcTestValues     *self,
                       GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL || (direction != GTK_DIR_UP && direction != GTK_DIR_DOWN))
    return FALSE;

  return gtk_widget_child_focus (GTK_WIDGET (root), direction == GTK_DIR_UP ? GTK_DIR_TAB_BACKWARD
                                                                            : GTK_DIR_TAB_FORWARD);
}

static void
disconnect_method (RcTestValues *self)
{
  if (self->method == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->method, self);
  g_signal_handlers_disconnect_by_data (rc_method_get_test_values (self->method), self);
}

static void
rc_test_values_dispose (GObject *object)
{
  RcTestValues *self = (RcTestValues *)object;

  disconnect_method (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_TEST_VALUES);

  g_clear_object (&self->method);

  G_OBJECT_CLASS (rc_test_values_parent_class)->dispose (object);
}

static void
rc_test_values_finalize (GObject *object)
{
  RcTestValues *self = (RcTestValues *)object;

  g_clear_pointer (&self->row_name, g_free);
  g_clear_pointer (&self->keys, g_strfreev);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->facts_group);

  G_OBJECT_CLASS (rc_test_values_parent_class)->finalize (object);
}

static void
rc_test_values_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RcTestValues *self = RC_TEST_VALUES (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      g_value_set_object (value, self->method);
      break;

    case PROP_SHOW_LOCATION:
      g_value_set_boolean (value, self->show_location);
      break;

    case PROP_ROW_NAME:
      g_value_set_string (value, self->row_name);
      break;

    case PROP_EMPTY:
      g_value_set_boolean (value, rc_test_values_get_empty (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_test_values_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RcTestValues *self = RC_TEST_VALUES (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      rc_test_values_set_method (self, g_value_get_object (value));
      break;

    case PROP_SHOW_LOCATION:
      rc_test_values_set_show_location (self, g_value_get_boolean (value));
      break;

    case PROP_ROW_NAME:
      rc_test_values_set_row_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_test_values_class_init (RcTestValuesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_test_values_dispose;
  object_class->finalize = rc_test_values_finalize;
  object_class->get_property = rc_test_values_get_property;
  object_class->set_property = rc_test_values_set_property;

  /**
   * RcTestValues:method: (nullable)
   *
   * The method whose test values the rows edit.
   */
  properties[PROP_METHOD] =
    g_param_spec_object ("method", NULL, NULL,
                         RC_TYPE_METHOD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcTestValues:show-location:
   *
   * Whether each row says if its parameter is in the URL's path or in its
   * query.
   */
  properties[PROP_SHOW_LOCATION] =
    g_param_spec_boolean ("show-location", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcTestValues:row-name: (nullable)
   *
   * The widget name of each parameter's row, for style sheets and tests.
   */
  properties[PROP_ROW_NAME] =
    g_param_spec_string ("row-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcTestValues:empty:
   *
   * Whether the method's URL has no parameters, and so there is no row.
   */
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcTestValues::entry-activated:
   *
   * Emitted when Enter is pressed in a value.
   */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-test-values.ui");
  gtk_widget_class_bind_template_child_internal (widget_class, RcTestValues, list);
  gtk_widget_class_bind_template_callback (widget_class, list_keynav_failed_cb);
}

static void
rc_test_values_init (RcTestValues *self)
{
  self->rows = g_ptr_array_new ();
  self->facts_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rc_test_values_new (void)
{
  return g_object_new (RC_TYPE_TEST_VALUES, NULL);
}

/**
 * rc_test_values_get_method:
 *
 * Returns: (transfer none) (nullable): the method whose test values the
 *   rows edit
 */
RcMethod *
rc_test_values_get_method (RcTestValues *self)
{
  g_return_val_if_fail (RC_IS_TEST_VALUES (self), NULL);

  return self->method;
}

/**
 * rc_test_values_set_method:
 * @method: (nullable): the method whose test values to edit, in place
 *
 * Makes a row for each parameter of @method's URL, with its test value.
 */
void
rc_test_values_set_method (RcTestValues *self,
                           RcMethod     *method)
{
  g_return_if_fail (RC_IS_TEST_VALUES (self));
  g_return_if_fail (method == NULL || RC_IS_METHOD (method));

  if (self->method == method)
    return;

  disconnect_method (self);
  g_set_object (&self->method, method);

  if (method != NULL)
    {
      g_signal_connect_object (method, "notify::url", G_CALLBACK (method_url_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (method, "notify::required-parameters",
                               G_CALLBACK (method_required_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (rc_method_get_test_values (method), "changed",
                               G_CALLBACK (test_values_changed_cb), self, G_CONNECT_SWAPPED);
    }

  /* Rows made anew: another method's, even for the same parameters. */
  g_clear_pointer (&self->keys, g_strfreev);
  update_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

gboolean
rc_test_values_get_show_location (RcTestValues *self)
{
  g_return_val_if_fail (RC_IS_TEST_VALUES (self), FALSE);

  return self->show_location;
}

void
rc_test_values_set_show_location (RcTestValues *self,
                                  gboolean      show_location)
{
  g_return_if_fail (RC_IS_TEST_VALUES (self));

  show_location = !!show_location;
  if (self->show_location == show_location)
    return;

  self->show_location = show_location;
  g_clear_pointer (&self->keys, g_strfreev);
  update_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LOCATION]);
}

const char *
rc_test_values_get_row_name (RcTestValues *self)
{
  g_return_val_if_fail (RC_IS_TEST_VALUES (self), NULL);

  return self->row_name;
}

void
rc_test_values_set_row_name (RcTestValues *self,
                             const char   *row_name)
{
  g_return_if_fail (RC_IS_TEST_VALUES (self));

  if (g_strcmp0 (self->row_name, row_name) == 0)
    return;

  g_free (self->row_name);
  self->row_name = g_strdup (row_name);

  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_set_name (g_ptr_array_index (self->rows, i), row_name ? row_name : "");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_NAME]);
}

/**
 * rc_test_values_get_empty:
 *
 * Returns: whether there is no row: the method's URL has no parameters
 */
gboolean
rc_test_values_get_empty (RcTestValues *self)
{
  g_return_val_if_fail (RC_IS_TEST_VALUES (self), TRUE);

  return self->rows->len == 0;
}

/**
 * rc_test_values_mark_missing:
 *
 * Marks the rows of the path parameters that have no value (a path needs
 * each) as errors until they are typed into, and moves the focus to the
 * first.
 *
 * Returns: (transfer full) (nullable): the name of the first, or %NULL
 *   when each has a value
 */
char *
rc_test_values_mark_missing (RcTestValues *self)
{
  char *first = NULL;

  g_return_val_if_fail (RC_IS_TEST_VALUES (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (self->keys[i][0] != 'p' || gtk_editable_get_text (GTK_EDITABLE (row))[0] != '\0')
        continue;

      gtk_widget_add_css_class (row, "error");
      if (first == NULL)
        {
          first = g_strdup (get_key_name (self->keys[i]));
          gtk_widget_grab_focus (row);
        }
    }

  return first;
}
