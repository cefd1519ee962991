/* rc-response-view.c: a response body, formatted, in a view as tall as its text
 *
 * Under its heading (and whatever the header suffix holds: the Test tab's
 * Save Response…), a GtkSourceView shows the body made readable: JSON
 * pretty-printed with its highlighting, binary data in hexadecimal, cut
 * at RC_RESPONSE_VIEW_LIMIT. Formatting runs off the main thread
 * (rc_body_format_async()), and the text goes into a buffer of its own,
 * away from the view, as many slices a main loop turn as a few
 * milliseconds allow, each slice ending at a line's end; the full buffer
 * then takes the place of the view's in one step, and the view lays out
 * and highlights what it shows first. RcResponseView:busy is %TRUE
 * meanwhile. A text over HIGHLIGHT_LIMIT is shown plain, with a caption
 * under it that says so: GtkSourceView highlights a whole buffer, a few
 * dozen milliseconds a turn, and its tags cost many times the text's
 * size. The text shown before is not deleted in the view, which
 * would lay out and re-highlight at each step: its buffer is taken out of
 * the view whole and emptied a slice a turn in the background, as it is
 * when the view goes. Before the first body, and once the view is
 * cleared, a line over it says that nothing was received yet. A note
 * above the view says what is not shown as text: no body, binary data, a
 * body cut; the owner may put a note of its own there too.
 *
 * The view is as tall as its text, from a few lines to about twenty: the
 * lines are counted, not measured, which would lay the whole text out.
 * It gets its height while still empty, as a text view that changes size
 * with a big text in it lays all of it out again. Its style scheme follows
 * the light or dark style.
 *
 * Showing another body (or none) cancels the formatting of the one
 * before; so does disposing the view, and a formatting cancelled does not
 * touch the view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <string.h>
#if HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "restcall-core.h"
#include "rc-response-view.h"
#include "rc-scroll-chain.h"
#include "rc-source-style.h"

/* How much text goes into a buffer at a time, and for how long a main
 * loop turn, at most. */
#define INSERT_CHUNK (64 * 1024)
#define INSERT_USEC (8 * 1000)
/* How many lines of a buffer taken out of the view are deleted at a
 * time, and for how long a main loop turn. */
#define RELEASE_LINES 500
#define RELEASE_USEC (8 * 1000)
/* After the view's own work (the text going in, at the default idle
 * priority) and before GtkSourceView's background highlighting (at
 * G_PRIORITY_LOW, 30 ms at a time): never in one main loop turn with
 * either, which would add up to a stall. */
#define RELEASE_PRIORITY (G_PRIORITY_DEFAULT_IDLE + 50)
/* The largest text highlighted, in bytes: GtkSourceView highlights a
 * text of 100 kB with main loop turns of 35 ms at most, one of 200 kB or
 * more with turns of 50 to 60 ms (bench-gui-stalls, issue 15). */
#define HIGHLIGHT_LIMIT (100 * 1000)
/* A text of this many characters or more is taken out of the view in a
 * main loop turn of its own. */
#define EMPTY_LATER_CHARS (64 * 1024)
/* The view is as tall as its text, within these. */
#define MIN_HEIGHT 96
#define MAX_HEIGHT 400

struct _RcResponseView
{
  GtkBox             parent_instance;

  GCancellable      *cancellable;     /* formatting the body to show */
  RcBody            *body;            /* the text being inserted */
  GtkSourceBuffer   *filling;         /* where, until it takes the view's place */
  gsize              inserted;
  guint              insert_source;
  guint              empty_source;    /* a big text to take out of the view */
  guint              resize_tick;     /* waiting for the view's new height */
  guint              resize_ticks;
  int                fitted_height;
  guint              busy : 1;

  GtkWidget         *header_suffix;
  GtkBox            *heading_box;
  GtkLabel          *note_label;
  GtkLabel          *plain_label;
  GtkWidget         *placeholder_label;
  GtkScrolledWindow *scroller;
  GtkSourceView     *source_view;
};

G_DEFINE_FINAL_TYPE (RcResponseView, rc_response_view, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_HEADER_SUFFIX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int fit_height (RcResponseView *self,
                       const char     *text,
                       gsize           length);

/* Helpers */

static GtkSourceBuffer *
get_buffer (RcResponseView *self)
{
  return GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view)));
}

/* A buffer for the view, empty: the view's style, no undo. */
static GtkSourceBuffer *
new_buffer (GtkSourceLanguage *language)
{
  GtkSourceBuffer *buffer = gtk_source_buffer_new (NULL);

  if (language)
    gtk_source_buffer_set_language (buffer, language);

  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (buffer), FALSE);
  rc_source_style_follow (buffer);

  return buffer;
}

/* Empties @buffer, out of any view, a few lines at a time, then lets it
 * go: freeing a big buffer at once would hold the main loop. */
static gboolean
release_slice_cb (gpointer data)
{
  GtkTextBuffer *buffer = data;
  gint64 deadline = g_get_monotonic_time () + RELEASE_USEC;

  do
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_get_iter_at_line (buffer, &end, RELEASE_LINES);
      if (gtk_text_iter_equal (&start, &end))
        {
#if HAVE_MALLOC_TRIM
          malloc_trim (0);
#endif
          return G_SOURCE_REMOVE;  /* the idle's reference was the last */
        }
      gtk_text_buffer_delete (buffer, &start, &end);
    }
  while (g_get_monotonic_time () < deadline);

  return G_SOURCE_CONTINUE;
}

/* Gives the view @buffer in place of the one it shows, which is emptied
 * and freed in the background. */
static void
swap_buffer (RcResponseView  *self,
             GtkSourceBuffer *buffer)
{
  g_autoptr(GtkTextBuffer) old =
    g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view)));

  g_clear_handle_id (&self->empty_source, g_source_remove);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->source_view), GTK_TEXT_BUFFER (buffer));
  if (gtk_text_buffer_get_char_count (old) == 0)
    return;

  /* Nothing to highlight any more, nor to update as it is emptied. */
  gtk_source_buffer_set_highlight_syntax (GTK_SOURCE_BUFFER (old), FALSE);
  g_idle_add_full (RELEASE_PRIORITY, release_slice_cb, g_steal_pointer (&old), g_object_unref);
}

/* Takes the text out of the view, which is left empty and as small as it
 * gets, without a stall. */
static void
empty_view (RcResponseView *self)
{
  g_autoptr(GtkSourceBuffer) empty = NULL;

  if (gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (get_buffer (self))) > 0)
    {
      /* The language's definition is read again once no buffer holds it. */
      empty = new_buffer (gtk_source_buffer_get_language (get_buffer (self)));
      swap_buffer (self, empty);
    }

  fit_height (self, "", 0);
}

static gboolean
empty_view_cb (gpointer data)
{
  RcResponseView *self = data;

  self->empty_source = 0;
  empty_view (self);

  return G_SOURCE_REMOVE;
}

static void
set_busy (RcResponseView *self,
          gboolean        busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
stop_inserting (RcResponseView *self)
{
  g_clear_handle_id (&self->insert_source, g_source_remove);
  if (self->resize_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->scroller), self->resize_tick);
  self->resize_tick = 0;
  g_clear_object (&self->body);
  g_clear_object (&self->filling);
  self->inserted = 0;
}

/* Gives the view the height of @text, within bounds: its lines are
 * counted (up to what the largest height holds), not measured, which
 * would lay the whole text out. */
static int
fit_height (RcResponseView *self,
            const char     *text,
            gsize           length)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), "0");
  int char_width, line_height, width, height;
  guint columns = 0;
  guint lines;

  pango_layout_get_pixel_size (layout, &char_width, &line_height);
  line_height = MAX (line_height, 1);
  width = gtk_widget_get_width (GTK_WIDGET (view)) - gtk_text_view_get_left_margin (view) -
          gtk_text_view_get_right_margin (view);
  if (width > 0 && char_width > 0)
    columns = width / char_width;

  lines = rc_body_count_lines (text, length, columns, MAX_HEIGHT / line_height + 1);
  height = lines * line_height + gtk_text_view_get_top_margin (view) +
           gtk_text_view_get_bottom_margin (view);
  height = CLAMP (height, MIN_HEIGHT, MAX_HEIGHT);
  gtk_widget_set_size_request (GTK_WIDGET (self->scroller), -1, height);

  return height;
}

/* Says what of @body the view does not show as text. */
static void
show_body_note (RcResponseView *self,
                RcBody         *body)
{
  g_autofree char *size = g_format_size (rc_body_get_size (body));
  g_autofree char *shown = g_format_size (rc_body_get_length (body));
  g_autofree char *note = NULL;
  const char *css_class = "warning";

  if (rc_body_get_size (body) == 0)
    {
      note = g_strdup (_("The response has no body."));
      css_class = "dim-label";
    }
  else if (rc_body_get_binary (body) && rc_body_get_truncated (body))
    note = g_strdup_printf (_("The body is binary data (%s): the start of it is shown in "
                              "hexadecimal. Save the response to keep all of it."), size);
  else if (rc_body_get_binary (body))
    {
      note = g_strdup_printf (_("The body is binary data (%s), shown in hexadecimal."), size);
      css_class = "dim-label";
    }
  else if (rc_body_get_truncated (body))
    note = g_strdup_printf (_("The body is cut here: the first %s of %s are shown. Save the "
                              "response to keep all of it."), shown, size);

  rc_response_view_set_note (self, note, css_class);
}

/* Whether the text of @body is highlighted once in the view. */
static gboolean
get_highlighted (RcBody *body)
{
  return rc_body_get_length (body) <= HIGHLIGHT_LIMIT;
}

/* Says, under the view, that the text of @body is not highlighted
 * though it could be; or says nothing, for %NULL. */
static void
show_plain_caption (RcResponseView *self,
                    RcBody         *body)
{
  gboolean plain = body && rc_body_get_language (body) && !get_highlighted (body);

  if (plain)
    {
      g_autofree char *limit = g_format_size (HIGHLIGHT_LIMIT);
      g_autofree char *caption =
        g_strdup_printf (_("Syntax highlighting is off for bodies over %s."), limit);

      gtk_label_set_text (self->plain_label, caption);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->plain_label), plain);
}

/* Callbacks */

/* Puts the text into the buffer being filled, away from the view, a
 * slice at a time (each slice ending at the end of a line) for a few
 * milliseconds a turn; once it is all there, the buffer takes the place
 * of the view's. */
static gboolean
insert_chunk_cb (gpointer data)
{
  RcResponseView *self = data;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->filling);
  const char *text = rc_body_get_text (self->body);
  gsize length = rc_body_get_length (self->body);
  gint64 deadline = g_get_monotonic_time () + INSERT_USEC;
  GtkSourceLanguageManager *languages;
  const char *language;
  GtkTextIter iter;

  while (self->inserted < length)
    {
      gsize end = MIN (self->inserted + INSERT_CHUNK, length);

      if (end < length)
        {
          const char *newline = memchr (text + end, '\n', MIN (length - end, INSERT_CHUNK));

          if (newline)
            end = newline - text + 1;
          else
            while (end > self->inserted && ((guchar) text[end] & 0xC0) == 0x80)
              end--;
        }

      gtk_text_buffer_get_end_iter (buffer, &iter);
      gtk_text_buffer_insert (buffer, &iter, text + self->inserted, end - self->inserted);
      self->inserted = end;

      if (self->inserted < length && g_get_monotonic_time () >= deadline)
        return G_SOURCE_CONTINUE;
    }

  /* Highlighted from now on, from the start, as the view shows it. */
  languages = gtk_source_language_manager_get_default ();
  language = get_highlighted (self->body) ? rc_body_get_language (self->body) : NULL;
  gtk_source_buffer_set_language (
    self->filling,
    language ? gtk_source_language_manager_get_language (languages, language) : NULL);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  swap_buffer (self, self->filling);

  self->insert_source = 0;
  g_clear_object (&self->filling);
  g_clear_object (&self->body);
  self->inserted = 0;
  set_busy (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
start_inserting (RcResponseView *self)
{
  /* Highlighted once full: not as it is filled. */
  self->filling = new_buffer (NULL);
  if (insert_chunk_cb (self))
    self->insert_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, insert_chunk_cb, self, NULL);
}

/* A frame's tick, before its layout: the last frame's layout is done. */
static gboolean
resized_cb (GtkWidget     *widget,
            GdkFrameClock *frame_clock,
            gpointer       user_data)
{
  RcResponseView *self = user_data;

  if (gtk_widget_get_height (widget) != self->fitted_height && ++self->resize_ticks < 10)
    return G_SOURCE_CONTINUE;

  self->resize_tick = 0;
  start_inserting (self);

  return G_SOURCE_REMOVE;
}

static void
formatted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcBody) body = rc_body_format_finish (result, &error);
  RcResponseView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* another body is shown by now, or none, or the view is gone */

  self = RC_RESPONSE_VIEW (user_data);
  g_clear_object (&self->cancellable);

  if (body == NULL)
    {
      rc_response_view_set_note (self, error->message, "error");
      set_busy (self, FALSE);
      return;
    }

  stop_inserting (self);
  self->fitted_height = fit_height (self, rc_body_get_text (body), rc_body_get_length (body));
  show_body_note (self, body);
  show_plain_caption (self, body);

  self->body = g_steal_pointer (&body);
  self->inserted = 0;

  /* A text view that changes size lays all its text out again: the text
   * goes in once the view has its new height, while it is still empty
   * (rc_response_view_show() emptied it). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->scroller)) &&
      gtk_widget_get_height (GTK_WIDGET (self->scroller)) != self->fitted_height)
    {
      self->resize_ticks = 0;
      self->resize_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->scroller), resized_cb,
                                                        self, NULL);
    }
  else
    start_inserting (self);
}

/* Overrides */

static void
rc_response_view_dispose (GObject *object)
{
  RcResponseView *self = (RcResponseView *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_inserting (self);
  g_clear_handle_id (&self->empty_source, g_source_remove);
  self->header_suffix = NULL;
  /* A big text would be freed at once with the view. */
  if (self->source_view)
    empty_view (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_RESPONSE_VIEW);

  G_OBJECT_CLASS (rc_response_view_parent_class)->dispose (object);
}

static void
rc_response_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RcResponseView *self = RC_RESPONSE_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_HEADER_SUFFIX:
      g_value_set_object (value, self->header_suffix);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_response_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RcResponseView *self = RC_RESPONSE_VIEW (object);

  switch (prop_id)
    {
    case PROP_HEADER_SUFFIX:
      rc_response_view_set_header_suffix (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_response_view_class_init (RcResponseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_response_view_dispose;
  object_class->get_property = rc_response_view_get_property;
  object_class->set_property = rc_response_view_set_property;

  /**
   * RcResponseView:busy:
   *
   * Whether the body is still being formatted, or put into the view a
   * slice at a time.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcResponseView:header-suffix:
   *
   * A widget at the end of the heading, such as a button that saves the
   * response.
   */
  properties[PROP_HEADER_SUFFIX] =
    g_param_spec_object ("header-suffix", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-response-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RcResponseView, heading_box);
  gtk_widget_class_bind_template_child (widget_class, RcResponseView, note_label);
  gtk_widget_class_bind_template_child (widget_class, RcResponseView, plain_label);
  gtk_widget_class_bind_template_child (widget_class, RcResponseView, scroller);
  gtk_widget_class_bind_template_child (widget_class, RcResponseView, source_view);
  gtk_widget_class_bind_template_child (widget_class, RcResponseView, placeholder_label);
}

static void
rc_response_view_init (RcResponseView *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rc_scroll_chain_attach (self->scroller);

  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (get_buffer (self)), FALSE);
  /* Most responses are JSON. Loading a language the first time reads
   * every language file and blocks for a while: better now than as the
   * response comes in. */
  gtk_source_buffer_set_language (get_buffer (self),
                                  gtk_source_language_manager_get_language (languages, "json"));
  rc_source_style_follow (get_buffer (self));
}

/* Public API */

GtkWidget *
rc_response_view_new (void)
{
  return g_object_new (RC_TYPE_RESPONSE_VIEW, NULL);
}

/**
 * rc_response_view_show:
 * @body: the response body, whole
 * @content_type: (nullable): its Content-Type
 *
 * Shows @body, made readable, in place of what the view showed: it is
 * formatted off the main thread, then put into the view a slice at a
 * time (RcResponseView:busy meanwhile).
 */
void
rc_response_view_show (RcResponseView *self,
                       GBytes         *body,
                       const char     *content_type)
{
  g_return_if_fail (RC_IS_RESPONSE_VIEW (self));
  g_return_if_fail (body != NULL);

  rc_response_view_clear (self);
  gtk_widget_set_visible (self->placeholder_label, FALSE);

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  rc_body_format_async (body, content_type, RC_RESPONSE_VIEW_LIMIT, self->cancellable, formatted_cb,
                        self);
}

/**
 * rc_response_view_clear:
 *
 * Empties the view, its note and its caption; the body being formatted or put into
 * the view, if any, is not shown.
 */
void
rc_response_view_clear (RcResponseView *self)
{
  g_return_if_fail (RC_IS_RESPONSE_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_inserting (self);
  set_busy (self, FALSE);
  rc_response_view_set_note (self, NULL, NULL);
  gtk_widget_set_visible (self->placeholder_label, TRUE);

  /* Taking a text out of a view tells the accessibility bus all of it:
   * a big one goes in a main loop turn of its own, before the next frame,
   * not in the one that asked (a new Test has work of its own). */
  if (gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (get_buffer (self))) < EMPTY_LATER_CHARS)
    empty_view (self);
  else if (self->empty_source == 0)
    self->empty_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, empty_view_cb, self, NULL);
  show_plain_caption (self, NULL);
}

/**
 * rc_response_view_set_note:
 * @note: (nullable): what to say above the view; %NULL for nothing
 * @css_class: (nullable): its style: "dim-label", "warning", "error"…
 *
 * Says something about the body, such as why there is none. The view
 * says what it does not show itself, once a body is formatted.
 */
void
rc_response_view_set_note (RcResponseView *self,
                           const char     *note,
                           const char     *css_class)
{
  const char *classes[] = { css_class, NULL };

  g_return_if_fail (RC_IS_RESPONSE_VIEW (self));

  gtk_widget_set_css_classes (GTK_WIDGET (self->note_label), classes);
  gtk_label_set_text (self->note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
}

gboolean
rc_response_view_get_busy (RcResponseView *self)
{
  g_return_val_if_fail (RC_IS_RESPONSE_VIEW (self), FALSE);

  return self->busy;
}

/**
 * rc_response_view_get_header_suffix:
 *
 * Returns: (transfer none) (nullable): the widget at the end of the heading
 */
GtkWidget *
rc_response_view_get_header_suffix (RcResponseView *self)
{
  g_return_val_if_fail (RC_IS_RESPONSE_VIEW (self), NULL);

  return self->header_suffix;
}

/**
 * rc_response_view_set_header_suffix:
 * @suffix: (nullable): a widget to put at the end of the heading
 */
void
rc_response_view_set_header_suffix (RcResponseView *self,
                                    GtkWidget      *suffix)
{
  g_return_if_fail (RC_IS_RESPONSE_VIEW (self));
  g_return_if_fail (suffix == NULL || GTK_IS_WIDGET (suffix));

  if (self->header_suffix == suffix)
    return;

  if (self->header_suffix)
    gtk_box_remove (self->heading_box, self->header_suffix);
  self->header_suffix = suffix;
  if (suffix)
    gtk_box_append (self->heading_box, suffix);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER_SUFFIX]);
}
