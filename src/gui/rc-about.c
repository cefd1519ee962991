/* rc-about.c: the About window, from the AppStream metainfo
 *
 * What the About window says of the project, the software centre says
 * too: the website, the issue tracker, the developer's name and the notes
 * of the latest release are read from the metainfo (built into the
 * resources), as adw_about_window_new_from_appdata() does in libadwaita
 * 1.4, which Debian 12 lacks. The notes are translated as the metainfo's
 * paragraphs are (po/POTFILES), and written in the markup the window takes:
 * paragraphs and lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-about.h"

#define METAINFO_RESOURCE "/io/github/restcall/Restcall/metainfo.xml"

typedef struct
{
  char    *website;
  char    *issue_url;
  char    *developer_name;
  char    *version;        /* of the latest release */
  GString *notes;          /* its description, as markup */
  GString *text;           /* the paragraph or item being read */
  char    *url_type;       /* of the <url> being read */
  guint    releases;       /* <release> elements begun */
  gboolean in_notes;
  gboolean in_developer_name;
} Metainfo;

static void
metainfo_clear (Metainfo *info)
{
  g_free (info->website);
  g_free (info->issue_url);
  g_free (info->developer_name);
  g_free (info->version);
  g_string_free (info->notes, TRUE);
  g_string_free (info->text, TRUE);
  g_free (info->url_type);
}

static void
replace_string (char       **string,
                const char  *value)
{
  g_free (*string);
  *string = g_strdup (value);
}

static gboolean
is_text_element (const char *name)
{
  return g_str_equal (name, "p") || g_str_equal (name, "li");
}

static void
start_element (GMarkupParseContext  *context,
               const char           *name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  Metainfo *info = user_data;
  const char *parent = NULL;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  if (stack->next)
    parent = stack->next->data;

  g_string_truncate (info->text, 0);

  if (g_str_equal (name, "url"))
    {
      g_free (info->url_type);
      info->url_type = NULL;
      for (guint i = 0; attribute_names[i]; i++)
        if (g_str_equal (attribute_names[i], "type"))
          info->url_type = g_strdup (attribute_values[i]);
    }
  else if (g_str_equal (name, "developer_name") && g_strcmp0 (parent, "component") == 0)
    info->in_developer_name = TRUE;
  else if (g_str_equal (name, "release") && info->releases++ == 0)
    {
      for (guint i = 0; attribute_names[i]; i++)
        if (g_str_equal (attribute_names[i], "version"))
          info->version = g_strdup (attribute_values[i]);
    }
  else if (g_str_equal (name, "description") && g_strcmp0 (parent, "release") == 0)
    info->in_notes = info->releases == 1;
  else if (info->in_notes && (g_str_equal (name, "ul") || g_str_equal (name, "ol")))
    g_string_append_printf (info->notes, "<%s>", name);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  Metainfo *info = user_data;

  if (g_str_equal (name, "url") && info->text->len > 0)
    {
      if (g_strcmp0 (info->url_type, "homepage") == 0)
        replace_string (&info->website, info->text->str);
      else if (g_strcmp0 (info->url_type, "bugtracker") == 0)
        replace_string (&info->issue_url, info->text->str);
    }
  else if (g_str_equal (name, "developer_name") && info->in_developer_name)
    {
      replace_string (&info->developer_name, info->text->str);
      info->in_developer_name = FALSE;
    }
  else if (g_str_equal (name, "description"))
    info->in_notes = FALSE;
  else if (info->in_notes && is_text_element (name))
    {
      /* As the translations' msgids are: blanks collapsed. */
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (info->text->str), " \t\n", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) joined = NULL;
      g_autofree char *msgid = NULL;
      g_autofree char *escaped = NULL;

      for (guint i = 0; words[i]; i++)
        if (words[i][0] != '\0')
          g_strv_builder_add (kept, words[i]);
      joined = g_strv_builder_end (kept);
      msgid = g_strjoinv (" ", joined);
      escaped = g_markup_escape_text (_(msgid), -1);
      g_string_append_printf (info->notes, "<%s>%s</%s>", name, escaped, name);
    }
  else if (info->in_notes && (g_str_equal (name, "ul") || g_str_equal (name, "ol")))
    g_string_append_printf (info->notes, "</%s>", name);

  g_string_truncate (info->text, 0);
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  Metainfo *info = user_data;

  g_string_append_len (info->text, text, length);
}

static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };

/* Reads the metainfo in the resources; what it cannot read stays unset. */
static void
read_metainfo (Metainfo *info)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  bytes = g_resources_lookup_data (METAINFO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_warning ("No metainfo for the About window: %s", error->message);
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, info, NULL);
  if (!g_markup_parse_context_parse (context, data, size, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_warning ("The metainfo could not be read for the About window: %s", error->message);
}

/**
 * rc_about_window_new:
 * @parent: (nullable): the window it is about
 *
 * Returns: (transfer floating): the About window, to present
 */
GtkWidget *
rc_about_window_new (GtkWindow *parent)
{
  Metainfo info = { .notes = g_string_new (NULL), .text = g_string_new (NULL) };
  GtkWidget *about;

  read_metainfo (&info);

  /* A dialog to assistive technologies too, named as its menu item. */
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                        "title", _("About Restcall"),
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Restcall"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", info.developer_name,
                        "website", info.website,
                        "issue-url", info.issue_url,
                        "comments", _("Consume REST APIs, authenticated with Basic or OAuth 2.0 "
                                      "client credentials"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  if (info.notes->len > 0)
    {
      adw_about_window_set_release_notes (ADW_ABOUT_WINDOW (about), info.notes->str);
      adw_about_window_set_release_notes_version (ADW_ABOUT_WINDOW (about), info.version);
    }

  metainfo_clear (&info);

  return about;
}
