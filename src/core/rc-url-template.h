/* rc-url-template.h: a method's URL with {name} placeholders: its parameters, filled in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rc-pair-list.h"

G_BEGIN_DECLS

/**
 * RcUrlParameterKind:
 * @RC_URL_PARAMETER_PATH: the placeholder is in the URL's path
 * @RC_URL_PARAMETER_QUERY: the placeholder is in the URL's query, after
 *   its “?”
 */
typedef enum {
  RC_URL_PARAMETER_PATH,
  RC_URL_PARAMETER_QUERY,
} RcUrlParameterKind;

/**
 * RcUrlParameter:
 * @name: the placeholder's name, without its braces and the blanks
 *   around it
 * @kind: where it first appears
 */
typedef struct {
  char               *name;
  RcUrlParameterKind  kind;
} RcUrlParameter;

GArray *rc_url_template_dup_parameters (const char  *url_template);
char  **rc_url_template_dup_names      (const char  *url_template);
char   *rc_url_template_expand         (const char          *url_template,
                                        RcPairList          *values,
                                        const char * const  *required,
                                        char               **missing);
char   *rc_url_template_check          (const char  *url_template);
char   *rc_url_template_join           (const char  *base_url,
                                        const char  *url_template);
char   *rc_url_template_dup_relative   (const char  *url_template,
                                        const char  *base_url);
gboolean rc_url_template_split_base    (const char  *url_template,
                                        char       **base_url,
                                        char       **relative);

G_END_DECLS
