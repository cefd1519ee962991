/* rc-names.c: names that are free, and names suggested for a method
 *
 * An RcNameSet holds the names taken in one place (a project's APIs, an
 * API's methods, the operations of an imported document) and hands out
 * free ones: the name itself, else the name, a separator and the first
 * number from 2 up that is free. It remembers, for each name, the number
 * it got to, so that thousands of operations sharing one name take linear
 * time, not quadratic.
 *
 * rc_name_suggest_method() names a method after its verb and the path of
 * its URL, as a person would: GET …/pets/{petId} is GetPet, POST …/pets
 * CreatePet, GET …/pets ListPets. It follows the names already in the API
 * (getPet when they start with a small letter) and is free there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-method.h"
#include "rc-names.h"

struct _RcNameSet
{
  char       *separator;
  GHashTable *names;        /* owned strings */
  GHashTable *next_number;  /* name → the first number not tried yet */
};

/**
 * rc_name_set_new:
 * @separator: what goes between a taken name and its number (" " makes
 *   “New API 2”, "_" makes “getPet_2”, "" makes “getPet2”)
 *
 * Returns: (transfer full): a set with no name taken
 */
RcNameSet *
rc_name_set_new (const char *separator)
{
  RcNameSet *self = g_new0 (RcNameSet, 1);

  self->separator = g_strdup (separator ? separator : "");
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->next_number = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

/**
 * rc_name_set_new_for_apis:
 *
 * Returns: (transfer full): the names of @project's APIs; a free one is
 *   numbered after a space, like “New API 2”
 */
RcNameSet *
rc_name_set_new_for_apis (RcProject *project)
{
  RcNameSet *self = rc_name_set_new (" ");

  for (guint i = 0; i < rc_project_get_n_apis (project); i++)
    rc_name_set_add (self, rc_api_get_name (rc_project_get_api (project, i)));

  return self;
}

/**
 * rc_name_set_new_for_methods:
 *
 * Returns: (transfer full): the names of @api's methods; a free one is
 *   numbered with nothing between, like “getPet2”
 */
RcNameSet *
rc_name_set_new_for_methods (RcApi *api)
{
  RcNameSet *self = rc_name_set_new ("");
  GListModel *methods = rc_api_get_methods (api);

  for (guint i = 0; i < g_list_model_get_n_items (methods); i++)
    {
      g_autoptr(RcMethod) method = g_list_model_get_item (methods, i);

      rc_name_set_add (self, rc_method_get_name (method));
    }

  return self;
}

void
rc_name_set_free (RcNameSet *self)
{
  if (self == NULL)
    return;

  g_free (self->separator);
  g_hash_table_unref (self->names);
  g_hash_table_unref (self->next_number);
  g_free (self);
}

/* Marks @name taken. */
void
rc_name_set_add (RcNameSet  *self,
                 const char *name)
{
  g_return_if_fail (self != NULL && name != NULL);

  g_hash_table_add (self->names, g_strdup (name));
}

gboolean
rc_name_set_contains (RcNameSet  *self,
                      const char *name)
{
  g_return_val_if_fail (self != NULL && name != NULL, FALSE);

  return g_hash_table_contains (self->names, name);
}

/**
 * rc_name_set_add_unique:
 *
 * Takes @name, or when it is taken, the first of @name + separator + 2, 3…
 * that is free.
 *
 * Returns: (transfer full): the name taken
 */
char *
rc_name_set_add_unique (RcNameSet  *self,
                        const char *name)
{
  char *unique;
  guint number;

  g_return_val_if_fail (self != NULL && name != NULL, NULL);

  if (!g_hash_table_contains (self->names, name))
    {
      rc_name_set_add (self, name);
      return g_strdup (name);
    }

  number = MAX (2, GPOINTER_TO_UINT (g_hash_table_lookup (self->next_number, name)));
  for (unique = g_strdup_printf ("%s%s%u", name, self->separator, number);
       g_hash_table_contains (self->names, unique);
       unique = g_strdup_printf ("%s%s%u", name, self->separator, ++number))
    g_free (unique);

  g_hash_table_insert (self->next_number, g_strdup (name), GUINT_TO_POINTER (number + 1));
  rc_name_set_add (self, unique);

  return unique;
}

/* Suggested names */

/* The path of @url, an absolute URL or a path (with or without a query). */
static char *
dup_path (const char *url)
{
  const char *start = url;
  const char *scheme_end = strstr (url, "://");

  if (scheme_end != NULL && scheme_end < url + strcspn (url, "/?#"))
    {
      start = scheme_end + 3;
      start += strcspn (start, "/?#");
    }

  return g_strndup (start, strcspn (start, "?#"));
}

static gboolean
is_placeholder (const char *segment)
{
  return segment[0] == '{';
}

/* A plural noun's singular, by English's common rules: pets → pet,
 * categories → category, addresses → address. */
static char *
dup_singular (const char *word)
{
  gsize len = strlen (word);

  if (len > 3 && g_str_has_suffix (word, "ies"))
    {
      g_autofree char *stem = g_strndup (word, len - 3);

      return g_strconcat (stem, "y", NULL);
    }
  if (len > 4 && (g_str_has_suffix (word, "sses") || g_str_has_suffix (word, "xes") ||
                  g_str_has_suffix (word, "ches") || g_str_has_suffix (word, "shes")))
    return g_strndup (word, len - 2);
  /* buses, statuses, viruses; but houses. */
  if (len >= 5 && g_str_has_suffix (word, "uses") && strchr ("tsrpbic", word[len - 5]))
    return g_strndup (word, len - 2);
  /* Not status, virus, campus, bus, census, radius, focus; but menus. */
  if (len > 2 && word[len - 1] == 's' && word[len - 2] == 'u' && strchr ("tsrpbic", word[len - 3]))
    return g_strdup (word);
  if (len > 1 && word[len - 1] == 's' && !g_str_has_suffix (word, "ss"))
    return g_strndup (word, len - 1);

  return g_strdup (word);
}

static gboolean
is_plural (const char *word)
{
  g_autofree char *singular = dup_singular (word);

  return strcmp (singular, word) != 0;
}

/* Appends @segment as capitalized words: "order-items" → "OrderItems". */
static void
append_words (GString    *name,
              const char *segment)
{
  gboolean start = TRUE;

  for (const char *p = segment; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          start = TRUE;
          continue;
        }
      g_string_append_unichar (name, start ? g_unichar_toupper (c) : c);
      start = FALSE;
    }
}

/* The action a verb does on one item or on a collection. */
static const char *
verb_word (const char *verb,
           gboolean    item,
           gboolean    plural)
{
  if (g_ascii_strcasecmp (verb, "GET") == 0)
    return item || !plural ? "Get" : "List";
  if (g_ascii_strcasecmp (verb, "POST") == 0)
    return item ? "Post" : "Create";
  if (g_ascii_strcasecmp (verb, "PUT") == 0 || g_ascii_strcasecmp (verb, "PATCH") == 0)
    return "Update";
  if (g_ascii_strcasecmp (verb, "DELETE") == 0)
    return "Delete";
  if (g_ascii_strcasecmp (verb, "HEAD") == 0)
    return "Check";

  return NULL;
}

/* Whether most of @names start with a small letter (getPet, listPets). */
static gboolean
names_start_small (const char * const *names)
{
  guint small = 0, capital = 0;

  for (guint i = 0; names && names[i]; i++)
    {
      if (g_ascii_islower (names[i][0]))
        small++;
      else if (g_ascii_isupper (names[i][0]))
        capital++;
    }

  return small > capital;
}

/**
 * rc_name_suggest_method:
 * @verb: the method's verb, like "GET"
 * @url: its URL, absolute or relative to its API, with `{name}` placeholders
 * @names_in_api: (nullable) (array zero-terminated=1): the names of the
 *   other methods of its API
 *
 * Names a method after what it does: the verb's action and the last noun
 * of the path, singular when the call is about one item (the path ends
 * with a placeholder) or creates one: GET /pets/{petId} → GetPet, POST
 * /pets → CreatePet, GET /pets → ListPets, GET /pets/{petId}/photo →
 * GetPetPhoto, DELETE /pets/{petId} → DeletePet. Written like the names
 * already in the API (getPet when most start with a small letter), and
 * numbered when taken there.
 *
 * Returns: (transfer full): the name
 */
char *
rc_name_suggest_method (const char         *verb,
                        const char         *url,
                        const char * const *names_in_api)
{
  g_autofree char *path = dup_path (url ? url : "");
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(RcNameSet) taken = rc_name_set_new ("");
  const char *noun = NULL, *parent = NULL, *action;
  gboolean item = FALSE, plural;
  g_autofree char *singular = NULL;

  g_return_val_if_fail (verb != NULL, NULL);

  for (guint i = 0; segments[i]; i++)
    if (segments[i][0] != '\0')
      g_ptr_array_add (parts, segments[i]);

  /* The last noun, whether an item of it is meant, and the noun before it
   * when an item of that one comes between (pets/{petId}/photo). */
  for (guint i = parts->len; i > 0; i--)
    {
      const char *part = parts->pdata[i - 1];

      if (is_placeholder (part))
        {
          if (noun == NULL)
            item = TRUE;
          continue;
        }
      if (noun == NULL)
        {
          noun = part;
          if (i >= 2 && is_placeholder (parts->pdata[i - 2]))
            for (guint j = i - 2; j > 0; j--)
              if (!is_placeholder (parts->pdata[j - 1]))
                {
                  parent = parts->pdata[j - 1];
                  break;
                }
          break;
        }
    }

  plural = noun != NULL && is_plural (noun);
  action = verb_word (verb, item, plural);
  if (action != NULL)
    g_string_append (name, action);
  else
    {
      g_autofree char *lower = g_ascii_strdown (verb, -1);

      append_words (name, lower);
    }

  if (parent != NULL)
    {
      g_autofree char *parent_singular = dup_singular (parent);

      append_words (name, parent_singular);
    }

  if (noun == NULL)
    /* Translators: the noun of a method's suggested name when its URL has
     * no path, as in “GetRoot”; one word, capitalized */
    append_words (name, C_("method name", "Root"));
  else if (item || g_strcmp0 (action, "Create") == 0)
    {
      singular = dup_singular (noun);
      append_words (name, singular);
    }
  else
    append_words (name, noun);

  if (names_start_small (names_in_api) && name->len > 0 && g_ascii_isupper (name->str[0]))
    name->str[0] = g_ascii_tolower (name->str[0]);

  for (guint i = 0; names_in_api && names_in_api[i]; i++)
    rc_name_set_add (taken, names_in_api[i]);

  return rc_name_set_add_unique (taken, name->str);
}
