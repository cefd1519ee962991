/* bench-figures.h: rounds of a measure, held against a goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-test-server.h"

G_BEGIN_DECLS

typedef struct _BenchFigure BenchFigure;

BenchFigure *bench_figure_new    (const char      *name,
                                  const char      *what,
                                  double           goal_ms);
void         bench_figure_add    (BenchFigure     *figure,
                                  double           ms);
void         bench_figure_report (BenchFigure     *figure);
gboolean     bench_goal_missed   (void);
double       bench_ms_since      (gint64           start);
void         bench_wait          (RcTestCondition  condition,
                                  gpointer         data,
                                  const char      *what);

G_END_DECLS
