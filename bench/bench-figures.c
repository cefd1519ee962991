/* bench-figures.c: rounds of a measure, held against a goal
 *
 * A figure collects one measure over several rounds; its report prints the
 * median and the worst round, and whether the worst stays under the goal.
 * Waits have a generous deadline against a hang only: a slow round is a
 * figure, not a failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-figures.h"

/* The longest any one wait may take. */
#define WAIT_SECONDS 120

struct _BenchFigure
{
  const char *name;
  const char *what;
  double      goal_ms;
  GArray     *values;  /* double, ms */
};

static gboolean goal_missed;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* A figure called @name, measuring @what, whose worst round must stay under
 * @goal_ms (0: no goal, a figure for its own sake). */
BenchFigure *
bench_figure_new (const char *name,
                  const char *what,
                  double      goal_ms)
{
  BenchFigure *figure = g_new0 (BenchFigure, 1);

  figure->name = name;
  figure->what = what;
  figure->goal_ms = goal_ms;
  figure->values = g_array_new (FALSE, FALSE, sizeof (double));

  return figure;
}

void
bench_figure_add (BenchFigure *figure,
                  double       ms)
{
  g_array_append_val (figure->values, ms);
}

/* Prints the median and the worst round, against the goal; frees @figure. */
void
bench_figure_report (BenchFigure *figure)
{
  double *values = (double *) figure->values->data;
  guint n = figure->values->len;
  double median, worst;

  g_assert_cmpuint (n, >, 0);
  g_array_sort (figure->values, compare_doubles);
  median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  worst = values[n - 1];

  g_print ("%-19s %-42s median %7.0f ms, worst %7.0f ms", figure->name, figure->what, median,
           worst);
  if (figure->goal_ms > 0)
    {
      g_print ("   goal < %5.0f ms: %s", figure->goal_ms,
               worst < figure->goal_ms ? "met" : "MISSED");
      goal_missed |= worst >= figure->goal_ms;
    }
  g_print ("\n");

  g_array_unref (figure->values);
  g_free (figure);
}

/* Whether a figure reported so far missed its goal. */
gboolean
bench_goal_missed (void)
{
  return goal_missed;
}

/* Milliseconds since the monotonic time @start. */
double
bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Runs the main loop until @condition holds; gives up, saying it was
 * waiting for @what, only after a long while. */
void
bench_wait (RcTestCondition  condition,
            gpointer         data,
            const char      *what)
{
  if (!rc_test_wait_until (condition, data, WAIT_SECONDS))
    g_error ("Gave up waiting for %s", what);
}
