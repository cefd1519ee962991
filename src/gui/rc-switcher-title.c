/* rc-switcher-title.c: a header bar's title, with a view stack's tabs beside it
 *
 * AdwViewSwitcherTitle shows the tabs in place of the title, and the title
 * only when the tabs do not fit. A window whose title says which file it
 * shows and whether it has unsaved changes cannot lose it to the tabs:
 * here the title stays, and the tabs go beside it, their icons beside their
 * names where there is room, above them where there is less, and the title
 * cut short (to TITLE_CUT_WIDTH) before the tabs give way. Only then, in a
 * narrow window, is the title alone (title-visible), and the host shows
 * the tabs in a bar at the bottom, as with AdwViewSwitcherTitle.
 *
 * A squeezer picks the first of these that fits at its natural width, so
 * a title that fits is never cut. How wide the tabs can be beside the
 * title (rc_switcher_title_get_tabs_width()) lets the host give them
 * shorter names rather than send them to the bottom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include "rc-switcher-title.h"

/* How much of a long title stays beside the tabs: the marker and a dozen
 * letters or so, enough to tell two files apart. */
#define TITLE_CUT_WIDTH 120

struct _RcSwitcherTitle
{
  GtkWidget       parent_instance;

  char           *title;
  char           *subtitle;
  AdwViewStack   *stack;
  gboolean        title_visible;

  AdwSqueezer    *squeezer;
  AdwWindowTitle *narrow_title;
  AdwClamp       *title_clamp;
  AdwWindowTitle *title_alone;
};

G_DEFINE_FINAL_TYPE (RcSwitcherTitle, rc_switcher_title, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_STACK,
  PROP_TITLE_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Callbacks */

static void
visible_child_cb (RcSwitcherTitle *self)
{
  gboolean title_visible =
    adw_squeezer_get_visible_child (self->squeezer) == GTK_WIDGET (self->title_alone);

  if (self->title_visible == title_visible)
    return;

  self->title_visible = title_visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_VISIBLE]);
}

/* Overrides */

static void
rc_switcher_title_dispose (GObject *object)
{
  RcSwitcherTitle *self = RC_SWITCHER_TITLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_SWITCHER_TITLE);
  g_clear_object (&self->stack);

  G_OBJECT_CLASS (rc_switcher_title_parent_class)->dispose (object);
}

static void
rc_switcher_title_finalize (GObject *object)
{
  RcSwitcherTitle *self = RC_SWITCHER_TITLE (object);

  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (rc_switcher_title_parent_class)->finalize (object);
}

static void
rc_switcher_title_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RcSwitcherTitle *self = RC_SWITCHER_TITLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;

    case PROP_TITLE_VISIBLE:
      g_value_set_boolean (value, self->title_visible);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_switcher_title_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RcSwitcherTitle *self = RC_SWITCHER_TITLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      rc_switcher_title_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUBTITLE:
      rc_switcher_title_set_subtitle (self, g_value_get_string (value));
      break;

    case PROP_STACK:
      rc_switcher_title_set_stack (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_switcher_title_class_init (RcSwitcherTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_switcher_title_dispose;
  object_class->finalize = rc_switcher_title_finalize;
  object_class->get_property = rc_switcher_title_get_property;
  object_class->set_property = rc_switcher_title_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL,
                         ADW_TYPE_VIEW_STACK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcSwitcherTitle:title-visible:
   *
   * Whether the title is shown alone, the tabs not fitting beside it: the
   * host then shows them elsewhere (as with AdwViewSwitcherTitle).
   */
  properties[PROP_TITLE_VISIBLE] =
    g_param_spec_boolean ("title-visible", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/restcall/Restcall/rc-switcher-title.ui");
  gtk_widget_class_bind_template_child (widget_class, RcSwitcherTitle, squeezer);
  gtk_widget_class_bind_template_child (widget_class, RcSwitcherTitle, narrow_title);
  gtk_widget_class_bind_template_child (widget_class, RcSwitcherTitle, title_clamp);
  gtk_widget_class_bind_template_child (widget_class, RcSwitcherTitle, title_alone);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_cb);
}

static void
rc_switcher_title_init (RcSwitcherTitle *self)
{
  self->title = g_strdup ("");
  self->subtitle = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_clamp_set_maximum_size (self->title_clamp, TITLE_CUT_WIDTH);
  adw_clamp_set_tightening_threshold (self->title_clamp, TITLE_CUT_WIDTH);
  visible_child_cb (self);
}

/* Public API */

GtkWidget *
rc_switcher_title_new (void)
{
  return g_object_new (RC_TYPE_SWITCHER_TITLE, NULL);
}

const char *
rc_switcher_title_get_title (RcSwitcherTitle *self)
{
  g_return_val_if_fail (RC_IS_SWITCHER_TITLE (self), NULL);

  return self->title;
}

void
rc_switcher_title_set_title (RcSwitcherTitle *self,
                             const char      *title)
{
  g_return_if_fail (RC_IS_SWITCHER_TITLE (self));

  if (title == NULL)
    title = "";
  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
rc_switcher_title_get_subtitle (RcSwitcherTitle *self)
{
  g_return_val_if_fail (RC_IS_SWITCHER_TITLE (self), NULL);

  return self->subtitle;
}

void
rc_switcher_title_set_subtitle (RcSwitcherTitle *self,
                                const char      *subtitle)
{
  g_return_if_fail (RC_IS_SWITCHER_TITLE (self));

  if (subtitle == NULL)
    subtitle = "";
  if (g_strcmp0 (self->subtitle, subtitle) == 0)
    return;

  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/**
 * rc_switcher_title_get_stack:
 *
 * Returns: (transfer none) (nullable): the stack whose tabs are shown
 */
AdwViewStack *
rc_switcher_title_get_stack (RcSwitcherTitle *self)
{
  g_return_val_if_fail (RC_IS_SWITCHER_TITLE (self), NULL);

  return self->stack;
}

void
rc_switcher_title_set_stack (RcSwitcherTitle *self,
                             AdwViewStack    *stack)
{
  g_return_if_fail (RC_IS_SWITCHER_TITLE (self));
  g_return_if_fail (stack == NULL || ADW_IS_VIEW_STACK (stack));

  if (g_set_object (&self->stack, stack))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

/**
 * rc_switcher_title_get_title_visible:
 *
 * Returns: whether the title is shown alone, without the tabs
 */
gboolean
rc_switcher_title_get_title_visible (RcSwitcherTitle *self)
{
  g_return_val_if_fail (RC_IS_SWITCHER_TITLE (self), FALSE);

  return self->title_visible;
}

/**
 * rc_switcher_title_get_tabs_width:
 * @title_cut: whether a long title may be cut short
 *
 * Returns: how wide the tabs can be beside the title as laid out now (the
 * title whole, or cut short if it is long and @title_cut), or -1 before it
 * is laid out
 */
int
rc_switcher_title_get_tabs_width (RcSwitcherTitle *self,
                                  gboolean         title_cut)
{
  GtkWidget *box;
  int width;
  int title;

  g_return_val_if_fail (RC_IS_SWITCHER_TITLE (self), -1);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (width <= 0)
    return -1;

  box = gtk_widget_get_parent (GTK_WIDGET (self->narrow_title));
  gtk_widget_measure (GTK_WIDGET (self->narrow_title), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &title, NULL, NULL);
  if (title_cut)
    title = MIN (title, TITLE_CUT_WIDTH);

  return MAX (0, width - title - gtk_box_get_spacing (GTK_BOX (box)));
}
