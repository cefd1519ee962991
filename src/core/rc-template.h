/* rc-template.h: {{name}} references in a text, filled in with variables' values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RC_TEMPLATE_ERROR (rc_template_error_quark ())

/**
 * RcTemplateError:
 * @RC_TEMPLATE_ERROR_UNDEFINED: a `{{name}}` the lookup does not know;
 *   the name is rc_template_error_get_name()
 * @RC_TEMPLATE_ERROR_CYCLE: a variable whose value leads back to itself,
 *   or variables nested more than 16 deep; the variable is
 *   rc_template_error_get_name()
 * @RC_TEMPLATE_ERROR_SYNTAX: a `{{name` without its `}}`, or a name too
 *   long; in a variable's value, that variable is
 *   rc_template_error_get_name()
 * @RC_TEMPLATE_ERROR_TOO_LARGE: values that use other variables so many
 *   times that the text would grow past 16 MB; the variable being filled
 *   in is rc_template_error_get_name()
 */
typedef enum {
  RC_TEMPLATE_ERROR_UNDEFINED,
  RC_TEMPLATE_ERROR_CYCLE,
  RC_TEMPLATE_ERROR_SYNTAX,
  RC_TEMPLATE_ERROR_TOO_LARGE,
} RcTemplateError;

/**
 * RcTemplateLookup:
 * @name: a variable's name
 * @user_data: the data given to rc_template_expand()
 *
 * Returns: (nullable): the raw value of @name (which may itself hold
 *   `{{…}}`), or %NULL when it is not defined
 */
typedef const char *(*RcTemplateLookup) (const char *name,
                                         gpointer    user_data);

GQuark      rc_template_error_quark    (void);
const char *rc_template_error_get_name (const GError     *error);

char       *rc_template_expand         (const char       *text,
                                        RcTemplateLookup  lookup,
                                        gpointer          user_data,
                                        GError          **error);
gboolean    rc_template_has_references (const char       *text);
char      **rc_template_dup_names      (const char       *text);
gboolean    rc_template_name_is_valid  (const char       *name);
char       *rc_template_escape         (const char       *text);

G_END_DECLS
