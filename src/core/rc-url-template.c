/* rc-url-template.c: a method's URL with {name} placeholders: its parameters, filled in
 *
 * The one place that says what a placeholder is. Anywhere in the URL, path
 * or query, “{name}” is a placeholder named “name”; blanks (ASCII white
 * space) around the name are not part of it, so “{ id }” is “id”. These are
 * text, not placeholders: a “{” never closed, a “{” followed by another “{”
 * before any “}” (in “{a{b}” only “{b}” is one), and braces with nothing
 * but blanks inside. A placeholder after the URL's first “?” outside any
 * placeholder is in its query; the others are in its path.
 *
 * A name used more than once is one parameter, where it first appears, and
 * each of its placeholders takes the same value. rc_url_template_expand()
 * percent-encodes every value whole: a “/”, “?”, “&”, “=” or space in a
 * value, and every byte of a character outside ASCII, stays inside its
 * parameter.
 *
 * A parameter is required or optional. A pair “key={name}” of the query
 * (between “?”, “&” or “#” outside any placeholder) whose placeholder is its
 * whole value, for an optional parameter whose value is missing or empty,
 * is left out whole, separator and all, and the “?” too when no pair is
 * left: a server takes “limit=” for a limit of nothing, not for none.
 *
 * rc_url_template_check() is stricter than the rest, for an editor: it
 * calls a stray brace or an empty “{}” a mistake, where the others leave it
 * in the URL as text.
 *
 * A template is absolute (it has a scheme) or relative to its API's base
 * URL: rc_url_template_join() puts the two together, as every call does.
 * The other way round, an absolute template is made relative to an API's
 * base URL (rc_url_template_dup_relative()), or split into the base URL of
 * a new API and the rest (rc_url_template_split_base()), and in both only
 * when joining them again gives the same request back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-url-template.h"

static gboolean
is_blank_span (const char *start,
               const char *end)
{
  for (const char *p = start; p < end; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/* The first placeholder at or after @p: its braces in @open and @close.
 *
 * Returns: (transfer full) (nullable): its name, or %NULL when there is
 *   none left */
static char *
next_placeholder (const char  *p,
                  const char **open,
                  const char **close)
{
  while ((p = strchr (p, '{')) != NULL)
    {
      const char *end = strpbrk (p + 1, "{}");

      if (end == NULL)
        return NULL;

      if (*end == '}' && !is_blank_span (p + 1, end))
        {
          *open = p;
          *close = end;
          return g_strstrip (g_strndup (p + 1, end - p - 1));
        }

      /* "{a{b}": the inner brace starts the placeholder; "{ }" is text. */
      p = *end == '{' ? end : end + 1;
    }

  return NULL;
}

/* The first of @chars at or after @p that is outside any placeholder, or
 * %NULL. */
static const char *
find_outside_placeholders (const char *p,
                           const char *chars)
{
  const char *open;
  const char *close;
  char *name;

  while ((name = next_placeholder (p, &open, &close)) != NULL)
    {
      g_free (name);
      for (const char *q = p; q < open; q++)
        {
          if (strchr (chars, *q) != NULL)
            return q;
        }
      p = close + 1;
    }

  return strpbrk (p, chars);
}

/* Whether the query's pair at @pair, @len bytes long, is left out: see the
 * top of the file. */
static gboolean
is_empty_optional_pair (const char         *pair,
                        gsize               len,
                        RcPairList         *values,
                        const char * const *required)
{
  const char *equals = memchr (pair, '=', len);
  g_autofree char *name = NULL;
  const char *open;
  const char *close;
  const char *value;

  if (equals == NULL)
    return FALSE;

  name = next_placeholder (equals + 1, &open, &close);
  if (name == NULL || open != equals + 1 || close != pair + len - 1 ||
      g_strv_contains (required, name))
    return FALSE;

  value = rc_pair_list_lookup (values, name);

  return value == NULL || value[0] == '\0';
}

/* @url_template without the pairs of its query that is_empty_optional_pair()
 * leaves out. */
static char *
leave_out_empty_optional (const char         *url_template,
                          RcPairList         *values,
                          const char * const *required)
{
  const char *query = find_outside_placeholders (url_template, "?");
  const char *pair;
  const char *end;
  GString *kept;
  guint n_kept = 0;

  if (query == NULL)
    return g_strdup (url_template);

  kept = g_string_new_len (url_template, query + 1 - url_template);
  for (pair = query + 1;; pair = end + 1)
    {
      gsize len;

      end = find_outside_placeholders (pair, "&#");
      len = end ? (gsize)(end - pair) : strlen (pair);
      if (!is_empty_optional_pair (pair, len, values, required))
        {
          if (n_kept++ > 0)
            g_string_append_c (kept, '&');
          g_string_append_len (kept, pair, len);
        }

      if (end == NULL || *end == '#')
        break;
    }

  if (n_kept == 0)
    g_string_truncate (kept, query - url_template);
  if (end != NULL)
    g_string_append (kept, end);

  return g_string_free (kept, FALSE);
}

/* Where the path of @url starts (right after its authority), when @url is
 * an absolute http:// or https:// URL with a host; else %NULL. */
static const char *
find_path (const char *url)
{
  const char *scheme = g_uri_peek_scheme (url);
  const char *authority;
  const char *end;

  if (scheme == NULL || (!g_str_equal (scheme, "http") && !g_str_equal (scheme, "https")))
    return NULL;

  authority = url + strlen (scheme);
  if (!g_str_has_prefix (authority, "://"))
    return NULL;
  authority += strlen ("://");
  end = authority + strcspn (authority, "/?#");

  return end > authority ? end : NULL;
}

/* @url with the path “/” where it has none: “https://h?q” asks for what
 * “https://h/?q” does. */
static char *
dup_with_path (const char *url)
{
  const char *path = find_path (url);

  if (path == NULL || *path == '/')
    return g_strdup (url);

  return g_strdup_printf ("%.*s/%s", (int)(path - url), url, path);
}

/* Whether @relative under @base_url is the request @url asks for. */
static gboolean
joins_back (const char *base_url,
            const char *relative,
            const char *url)
{
  g_autofree char *joined = rc_url_template_join (base_url, relative);
  g_autofree char *joined_path = NULL;
  g_autofree char *url_path = NULL;

  if (joined == NULL)
    return FALSE;
  if (g_str_equal (joined, url))
    return TRUE;

  joined_path = dup_with_path (joined);
  url_path = dup_with_path (url);

  return g_str_equal (joined_path, url_path);
}

/* Whether the segment from @start to @end holds a placeholder. */
static gboolean
has_placeholder (const char *start,
                 const char *end)
{
  g_autofree char *name = NULL;
  const char *open;
  const char *close;

  name = next_placeholder (start, &open, &close);

  return name != NULL && open < end;
}

static void
clear_parameter (gpointer data)
{
  RcUrlParameter *parameter = data;

  g_clear_pointer (&parameter->name, g_free);
}

/**
 * rc_url_template_dup_parameters:
 * @url_template: (nullable): a URL with `{name}` placeholders
 *
 * Returns: (transfer full) (element-type RcUrlParameter): the template's
 *   parameters, each once, in the order they first appear, and whether
 *   that is in the path or in the query
 */
GArray *
rc_url_template_dup_parameters (const char *url_template)
{
  GArray *parameters = g_array_new (FALSE, TRUE, sizeof (RcUrlParameter));
  const char *p = url_template ? url_template : "";
  gboolean in_query = FALSE;
  const char *open;
  const char *close;
  char *name;

  g_array_set_clear_func (parameters, clear_parameter);

  while ((name = next_placeholder (p, &open, &close)) != NULL)
    {
      RcUrlParameter parameter;
      gboolean seen = FALSE;

      in_query = in_query || memchr (p, '?', open - p) != NULL;
      p = close + 1;

      for (guint i = 0; i < parameters->len && !seen; i++)
        seen = g_str_equal (g_array_index (parameters, RcUrlParameter, i).name, name);

      if (seen)
        {
          g_free (name);
          continue;
        }

      parameter.name = name;
      parameter.kind = in_query ? RC_URL_PARAMETER_QUERY : RC_URL_PARAMETER_PATH;
      g_array_append_val (parameters, parameter);
    }

  return parameters;
}

/**
 * rc_url_template_dup_names:
 * @url_template: (nullable): a URL with `{name}` placeholders
 *
 * Returns: (transfer full): the names of the template's parameters, each
 *   once, in the order they first appear
 */
char **
rc_url_template_dup_names (const char *url_template)
{
  g_autoptr(GArray) parameters = rc_url_template_dup_parameters (url_template);
  char **names = g_new0 (char *, parameters->len + 1);

  for (guint i = 0; i < parameters->len; i++)
    names[i] = g_steal_pointer (&g_array_index (parameters, RcUrlParameter, i).name);

  return names;
}

/**
 * rc_url_template_expand:
 * @url_template: a URL with `{name}` placeholders
 * @values: a value for each parameter
 * @required: (nullable) (array zero-terminated=1): the names of the
 *   required parameters, the others being optional; %NULL when all are
 *   required
 * @missing: (out) (optional) (transfer full): where to put the name of
 *   the first parameter @values has no value for
 *
 * Leaves out the query's pairs of optional parameters without a value, as
 * the top of the file says, and fills in each other placeholder with its
 * value, percent-encoded; the rest of the template is kept as it is.
 *
 * Returns: (transfer full) (nullable): the URL, or %NULL when a parameter
 *   that is not left out has no value
 */
char *
rc_url_template_expand (const char          *url_template,
                        RcPairList          *values,
                        const char * const  *required,
                        char               **missing)
{
  g_autoptr(GString) url = NULL;
  g_autofree char *kept = NULL;
  const char *p;
  const char *open;
  const char *close;
  char *name;

  g_return_val_if_fail (url_template != NULL, NULL);
  g_return_val_if_fail (RC_IS_PAIR_LIST (values), NULL);
  g_return_val_if_fail (missing == NULL || *missing == NULL, NULL);

  p = url_template;
  if (required != NULL)
    p = kept = leave_out_empty_optional (url_template, values, required);

  url = g_string_new (NULL);
  while ((name = next_placeholder (p, &open, &close)) != NULL)
    {
      const char *value = rc_pair_list_lookup (values, name);

      if (value == NULL)
        {
          if (missing)
            *missing = name;
          else
            g_free (name);
          return NULL;
        }

      g_string_append_len (url, p, open - p);
      g_string_append_uri_escaped (url, value, NULL, FALSE);
      g_free (name);
      p = close + 1;
    }
  g_string_append (url, p);

  return g_string_free (g_steal_pointer (&url), FALSE);
}

/**
 * rc_url_template_check:
 * @url_template: a URL with `{name}` placeholders
 *
 * Checks that every brace pairs up and that no placeholder is empty: what
 * the others take for text is most likely a typing mistake.
 *
 * Returns: (transfer full) (nullable): a sentence about the first brace
 *   that does not pair up, or %NULL when they all do
 */
char *
rc_url_template_check (const char *url_template)
{
  const char *open = NULL;

  g_return_val_if_fail (url_template != NULL, NULL);

  for (const char *p = url_template; *p; p++)
    {
      if (*p == '{')
        {
          if (open != NULL)
            return g_strdup_printf (_("The URL has a “{” inside another parameter, at “%s”. "
                                      "Close each parameter with “}”, as in /pets/{petId}."),
                                    open);
          open = p;
        }
      else if (*p == '}')
        {
          if (open == NULL)
            return g_strdup_printf (_("The URL has a “}” that closes no parameter, at “%s”. "
                                      "Remove it, or open the parameter with “{”."),
                                    p);
          if (is_blank_span (open + 1, p))
            return g_strdup (_("The URL has an empty parameter “{}”. Put the parameter’s "
                               "name between the braces, as in /pets/{petId}."));
          open = NULL;
        }
    }

  if (open != NULL)
    return g_strdup_printf (_("The URL has a “{” that is never closed, at “%s”. Close the "
                              "parameter with “}”, as in /pets/{petId}."),
                            open);

  return NULL;
}

/**
 * rc_url_template_join:
 * @base_url: an API's base URL, or ""
 * @url_template: a method's URL template
 *
 * Puts an API's base URL and a method's URL template together as a call
 * does: an absolute template (one with a scheme) stands alone; a relative
 * one follows the base URL, one slash between them whatever slashes either
 * has there.
 *
 * Returns: (transfer full) (nullable): the joined template, still with its
 *   placeholders, or %NULL for a relative template and an empty base URL
 */
char *
rc_url_template_join (const char *base_url,
                      const char *url_template)
{
  gsize base_len;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (url_template != NULL, NULL);

  if (g_uri_peek_scheme (url_template) != NULL)
    return g_strdup (url_template);

  base_len = strlen (base_url);
  if (base_len == 0)
    return NULL;

  while (base_len > 0 && base_url[base_len - 1] == '/')
    base_len--;
  while (*url_template == '/')
    url_template++;

  return g_strdup_printf ("%.*s%s%s", (int) base_len, base_url, *url_template ? "/" : "",
                          url_template);
}

/**
 * rc_url_template_dup_relative:
 * @url_template: a method's URL template
 * @base_url: an API's base URL
 *
 * Says whether an absolute template is under an API's base URL, and what
 * is left of it there: “https://api.example.com/v1/pets/{petId}” is
 * “/pets/{petId}” under “https://api.example.com/v1” (or “…/v1/”), and is
 * under neither “https://api.example.com/v” nor “https://example.com/v1”.
 * The base URL must be an http:// or https:// URL, and the template must
 * go on after it with a “/”, a “?”, a “#” or nothing; what is left must
 * join back (rc_url_template_join()) to the same request.
 *
 * Returns: (transfer full) (nullable): the template relative to @base_url,
 *   starting with a “/”, or %NULL when it is not under it
 */
char *
rc_url_template_dup_relative (const char *url_template,
                              const char *base_url)
{
  g_autofree char *relative = NULL;
  const char *base_path;
  const char *rest;
  gsize base_len;

  g_return_val_if_fail (url_template != NULL, NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  base_path = find_path (base_url);
  if (base_path == NULL || find_path (url_template) == NULL)
    return NULL;

  base_len = strlen (base_url);
  while (base_len > (gsize)(base_path - base_url) && base_url[base_len - 1] == '/')
    base_len--;
  if (strncmp (url_template, base_url, base_len) != 0)
    return NULL;

  rest = url_template + base_len;
  if (*rest != '\0' && *rest != '/' && *rest != '?' && *rest != '#')
    return NULL;

  relative = *rest == '/' ? g_strdup (rest) : g_strconcat ("/", rest, NULL);
  if (!joins_back (base_url, relative, url_template))
    return NULL;

  return g_steal_pointer (&relative);
}

/**
 * rc_url_template_split_base:
 * @url_template: a method's absolute URL template
 * @base_url: (out) (optional) (transfer full): where to put the base URL
 * @relative: (out) (optional) (transfer full): where to put the rest,
 *   relative to it
 *
 * Splits the absolute URL of a single method into the base URL of an API
 * made for it and the method's URL under that base. The base URL is the
 * URL's origin and its path up to the resource the method is about: up to
 * the last segment of the path or, when a segment holds a placeholder, up
 * to the segment before the first such one (the collection it is an item
 * of). The method keeps that resource, whatever follows it and the query:
 *
 * - https://api.example.com/v1/pets/{petId}?full=1 →
 *   https://api.example.com/v1 and /pets/{petId}?full=1
 * - https://api.example.com/v1/pets → https://api.example.com/v1 and /pets
 * - https://api.example.com/pets/{petId}/photos → https://api.example.com
 *   and /pets/{petId}/photos
 * - https://api.example.com/{tenant}/pets → https://api.example.com and
 *   /{tenant}/pets
 * - https://api.example.com → https://api.example.com and /
 *
 * A trailing slash stays with the method (/pets/). Nothing is split when
 * the template is not an http:// or https:// URL, when its origin holds a
 * placeholder, or when the two would not join back to the same request.
 *
 * Returns: whether the template was split
 */
gboolean
rc_url_template_split_base (const char  *url_template,
                            char       **base_url,
                            char       **relative)
{
  g_autoptr(GArray) slashes = g_array_new (FALSE, FALSE, sizeof (const char *));
  g_autofree char *base = NULL;
  g_autofree char *rest = NULL;
  const char *path;
  const char *path_end;
  const char *cut;
  guint n_segments;
  guint first_placeholder;
  guint resource;

  g_return_val_if_fail (url_template != NULL, FALSE);

  path = find_path (url_template);
  if (path == NULL || memchr (url_template, '{', path - url_template) != NULL)
    return FALSE;

  path_end = find_outside_placeholders (path, "?#");
  if (path_end == NULL)
    path_end = path + strlen (path);

  /* Each segment starts at its slash; an empty last one (a trailing
   * slash) is no resource. */
  for (const char *slash = path;
       slash != NULL && slash < path_end;
       slash = find_outside_placeholders (slash + 1, "/"))
    g_array_append_val (slashes, slash);
  n_segments = slashes->len;
  if (n_segments > 0 && g_array_index (slashes, const char *, n_segments - 1) + 1 == path_end)
    n_segments--;

  for (first_placeholder = 0; first_placeholder < n_segments; first_placeholder++)
    {
      const char *start = g_array_index (slashes, const char *, first_placeholder) + 1;
      const char *end = first_placeholder + 1 < slashes->len
                        ? g_array_index (slashes, const char *, first_placeholder + 1)
                        : path_end;

      if (has_placeholder (start, end))
        break;
    }

  /* The last segment, or the one before the first placeholder. */
  resource = first_placeholder > 0 ? first_placeholder - 1 : 0;
  cut = n_segments > 0 ? g_array_index (slashes, const char *, resource) : path;

  base = g_strndup (url_template, cut - url_template);
  rest = *cut == '/' ? g_strdup (cut) : g_strconcat ("/", cut, NULL);
  if (!joins_back (base, rest, url_template))
    return FALSE;

  if (base_url != NULL)
    *base_url = g_steal_pointer (&base);
  if (relative != NULL)
    *relative = g_steal_pointer (&rest);

  return TRUE;
}
