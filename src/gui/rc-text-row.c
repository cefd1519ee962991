/* rc-text-row.c: a boxed-list row like an entry row, whose text wraps and grows
 *
 * An AdwEntryRow shows one line: a description imported with line breaks
 * shows a line-break glyph and hides the rest, and a long scope list is
 * cut. This row looks like one (the title as a small caption above the
 * text, or alone, dimmed, while there is no text and the row is not being
 * edited; the edit icon at the end, where an entry row has it) but its
 * text is a GtkTextView that wraps at word boundaries and grows with the
 * text, so that every line shows.
 *
 * RcTextRow:text is the text, to bind to the model: it is notified once
 * for each edit the user makes, and once when rc_text_row_set_text()
 * changes it, never more (setting it back from a binding does nothing).
 *
 * In single-line mode (RcTextRow:single-line, for a value that must hold
 * no line break, such as OAuth scopes) Enter emits ::entry-activated, as
 * an entry row's Enter does, instead of breaking the line, and a line
 * break pasted or dropped becomes a space; long text still wraps. Text
 * set by the program is kept as it is, so that the row never rewrites
 * what it was given.
 *
 * Tab moves the focus on, as in any entry (GtkTextView:accepts-tab is
 * off); Up on the first line and Down on the last move to the rows of the
 * list around it. The title labels the text view for assistive
 * technologies and holds its mnemonic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-text-row.h"

struct _RcTextRow
{
  AdwPreferencesRow  parent_instance;

  char              *text;         /* the buffer's, as last notified */
  gboolean           single_line;
  gboolean           setting;      /* rc_text_row_set_text() fills the buffer */
  int                wanted;       /* the text view's height last asked again */
  GdkFrameClock     *frame_clock;  /* while mapped */

  GtkWidget         *empty_title;
  GtkWidget         *title_label;
  GtkTextView       *text_view;
  GtkWidget         *edit_icon;
};

G_DEFINE_FINAL_TYPE (RcTextRow, rc_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_SINGLE_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkTextBuffer *
get_buffer (RcTextRow *self)
{
  return gtk_text_view_get_buffer (self->text_view);
}

static char *
dup_buffer_text (RcTextRow *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (get_buffer (self), &start, &end);

  return gtk_text_buffer_get_text (get_buffer (self), &start, &end, TRUE);
}

/* The title alone while there is nothing to show and nothing is typed;
 * otherwise the caption above the text, as an entry row does it. */
static void
update_state (RcTextRow *self)
{
  gboolean editing = gtk_widget_has_focus (GTK_WIDGET (self->text_view));
  gboolean placeholder = self->text[0] == '\0' && !editing;

  gtk_widget_set_visible (self->empty_title, placeholder);
  gtk_widget_set_opacity (self->title_label, placeholder ? 0 : 1);
  gtk_widget_set_opacity (GTK_WIDGET (self->text_view), placeholder ? 0 : 1);
  gtk_widget_set_visible (self->edit_icon, !editing);

  if (editing)
    gtk_widget_add_css_class (GTK_WIDGET (self), "focused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "focused");
}

/* The buffer's text is RcTextRow:text now. */
static void
text_changed (RcTextRow *self)
{
  g_free (self->text);
  self->text = dup_buffer_text (self);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
buffer_changed_cb (RcTextRow *self)
{
  if (!self->setting)
    text_changed (self);
}

/* In single-line mode, what the user inserts (a paste, a drop) has its
 * line breaks turned into spaces: CR LF, CR and LF each make one. */
static void
buffer_insert_text_cb (GtkTextBuffer *buffer,
                       GtkTextIter   *location,
                       const char    *text,
                       int            length,
                       RcTextRow     *self)
{
  g_autoptr(GString) flat = NULL;

  if (!self->single_line || self->setting ||
      (memchr (text, '\n', length) == NULL && memchr (text, '\r', length) == NULL))
    return;

  flat = g_string_new_len (text, length);
  g_string_replace (flat, "\r\n", " ", 0);
  g_strdelimit (flat->str, "\r\n", ' ');

  g_signal_stop_emission_by_name (buffer, "insert-text");
  g_signal_handlers_block_by_func (buffer, buffer_insert_text_cb, self);
  gtk_text_buffer_insert (buffer, location, flat->str, (int) flat->len);
  g_signal_handlers_unblock_by_func (buffer, buffer_insert_text_cb, self);
}

static gboolean
text_key_pressed_cb (RcTextRow       *self,
                     guint            keyval,
                     guint            keycode,
                     GdkModifierType  state)
{
  if (!self->single_line)
    return GDK_EVENT_PROPAGATE;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;

  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0);

  return GDK_EVENT_STOP;
}

/* Up from the first line, Down from the last: the row above or below,
 * as the list's own keys move from an entry row. */
static gboolean
text_keynav_failed_cb (RcTextRow        *self,
                       GtkDirectionType  direction)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));

  if (!GTK_IS_LIST_BOX (list) || (direction != GTK_DIR_UP && direction != GTK_DIR_DOWN))
    return GDK_EVENT_PROPAGATE;

  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES,
                         direction == GTK_DIR_UP ? -1 : 1, FALSE, FALSE);

  return GDK_EVENT_STOP;
}

/* A text view lays its lines out as it is allocated, for its new width:
 * the height they need comes too late for that allocation, which keeps
 * the height it had (none before the first, or the lines of the old
 * width). After each layout, the height it needs now is asked again. */
static void
frame_layout_cb (RcTextRow *self)
{
  GtkWidget *view = GTK_WIDGET (self->text_view);
  int height;

  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view),
                      &height, NULL, NULL, NULL);
  if (height == gtk_widget_get_height (view) || height == self->wanted)
    return;

  self->wanted = height;
  gtk_widget_queue_resize (view);
}

/* A click on the row, beside the text (its title, its margins): into the text. */
static void
pressed_cb (GtkGesture *gesture,
            int         n_press,
            double      x,
            double      y,
            RcTextRow  *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (picked != NULL && gtk_widget_is_ancestor (picked, GTK_WIDGET (self->text_view)))
    {
      gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The row itself never holds the focus: the text does, as in an entry row. */
static gboolean
rc_text_row_focus (GtkWidget        *widget,
                   GtkDirectionType  direction)
{
  RcTextRow *self = RC_TEXT_ROW (widget);

  return gtk_widget_child_focus (GTK_WIDGET (self->text_view), direction);
}

static void
rc_text_row_map (GtkWidget *widget)
{
  RcTextRow *self = RC_TEXT_ROW (widget);

  GTK_WIDGET_CLASS (rc_text_row_parent_class)->map (widget);

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  g_signal_connect_object (self->frame_clock, "layout", G_CALLBACK (frame_layout_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
rc_text_row_unmap (GtkWidget *widget)
{
  RcTextRow *self = RC_TEXT_ROW (widget);

  if (self->frame_clock != NULL)
    g_signal_handlers_disconnect_by_func (self->frame_clock, frame_layout_cb, self);
  g_clear_object (&self->frame_clock);
  self->wanted = 0;

  GTK_WIDGET_CLASS (rc_text_row_parent_class)->unmap (widget);
}

static gboolean
rc_text_row_grab_focus (GtkWidget *widget)
{
  RcTextRow *self = RC_TEXT_ROW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
rc_text_row_dispose (GObject *object)
{
  RcTextRow *self = RC_TEXT_ROW (object);

  if (self->text_view != NULL)
    g_signal_handlers_disconnect_by_data (get_buffer (self), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_TEXT_ROW);

  G_OBJECT_CLASS (rc_text_row_parent_class)->dispose (object);
}

static void
rc_text_row_finalize (GObject *object)
{
  RcTextRow *self = RC_TEXT_ROW (object);

  g_free (self->text);

  G_OBJECT_CLASS (rc_text_row_parent_class)->finalize (object);
}

static void
rc_text_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RcTextRow *self = RC_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_SINGLE_LINE:
      g_value_set_boolean (value, self->single_line);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_text_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RcTextRow *self = RC_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      rc_text_row_set_text (self, g_value_get_string (value));
      break;

    case PROP_SINGLE_LINE:
      rc_text_row_set_single_line (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_text_row_class_init (RcTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_text_row_dispose;
  object_class->finalize = rc_text_row_finalize;
  object_class->get_property = rc_text_row_get_property;
  object_class->set_property = rc_text_row_set_property;

  widget_class->map = rc_text_row_map;
  widget_class->unmap = rc_text_row_unmap;
  widget_class->focus = rc_text_row_focus;
  widget_class->grab_focus = rc_text_row_grab_focus;

  /**
   * RcTextRow:text:
   *
   * The text, never %NULL.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcTextRow:single-line:
   *
   * Whether Enter emits #RcTextRow::entry-activated rather than breaking
   * the line, and inserted line breaks become spaces.
   */
  properties[PROP_SINGLE_LINE] =
    g_param_spec_boolean ("single-line", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcTextRow::entry-activated:
   *
   * Enter was pressed in single-line mode.
   */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RcTextRow, empty_title);
  gtk_widget_class_bind_template_child (widget_class, RcTextRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RcTextRow, text_view);
  gtk_widget_class_bind_template_child (widget_class, RcTextRow, edit_icon);
  gtk_widget_class_bind_template_callback (widget_class, update_state);
  gtk_widget_class_bind_template_callback (widget_class, text_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_keynav_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pressed_cb);
}

static void
rc_text_row_init (RcTextRow *self)
{
  GtkTextBuffer *buffer;

  self->text = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not a view's background: the row's, as behind an entry row's text. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->text_view), "view");

  buffer = get_buffer (self);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  g_signal_connect (buffer, "insert-text", G_CALLBACK (buffer_insert_text_cb), self);

  update_state (self);
}

GtkWidget *
rc_text_row_new (void)
{
  return g_object_new (RC_TYPE_TEXT_ROW, NULL);
}

/**
 * rc_text_row_get_text:
 *
 * Returns: (transfer none): the text, never %NULL
 */
const char *
rc_text_row_get_text (RcTextRow *self)
{
  g_return_val_if_fail (RC_IS_TEXT_ROW (self), NULL);

  return self->text;
}

/**
 * rc_text_row_set_text:
 * @text: (nullable): the text; %NULL is the empty text
 *
 * Shows @text as it is, line breaks included even in single-line mode,
 * and notifies RcTextRow:text once if it changed. The user cannot undo
 * it.
 */
void
rc_text_row_set_text (RcTextRow  *self,
                      const char *text)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (RC_IS_TEXT_ROW (self));

  if (text == NULL)
    text = "";
  if (g_str_equal (text, self->text))
    return;

  buffer = get_buffer (self);
  self->setting = TRUE;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->setting = FALSE;

  text_changed (self);
}

gboolean
rc_text_row_get_single_line (RcTextRow *self)
{
  g_return_val_if_fail (RC_IS_TEXT_ROW (self), FALSE);

  return self->single_line;
}

void
rc_text_row_set_single_line (RcTextRow *self,
                             gboolean   single_line)
{
  g_return_if_fail (RC_IS_TEXT_ROW (self));

  single_line = !!single_line;
  if (single_line == self->single_line)
    return;

  self->single_line = single_line;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINGLE_LINE]);
}

/**
 * rc_text_row_get_text_view:
 *
 * Returns: (transfer none): the view that shows and edits the text
 */
GtkTextView *
rc_text_row_get_text_view (RcTextRow *self)
{
  g_return_val_if_fail (RC_IS_TEXT_ROW (self), NULL);

  return self->text_view;
}
