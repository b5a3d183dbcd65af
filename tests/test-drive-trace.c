/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-drive-trace.c — the voltage trace and the phase fractions */

#include "config.h"

#include <math.h>

#include "sp-drive-trace.h"
#include "sp-gsl.h"

static SpDrivePoint
point_at (double t,
          int    direction)
{
  return (SpDrivePoint) { .time = t, .mean_c = 0.01 * t, .voltage = 3.4 - 1e-3 * t,
                          .current = 0.01, .overpotential = -0.002, .direction = direction };
}

static void
test_append_grow_copy (void)
{
  g_autoptr(SpDriveTrace) trace = sp_drive_trace_new ();
  g_autoptr(SpDriveTrace) copy = NULL;

  g_assert_false (sp_drive_trace_is_driven (trace));
  for (guint i = 0; i < 1000; i++)
    {
      SpDrivePoint p = point_at (i, i < 500 ? 0 : 1);

      g_assert_true (sp_drive_trace_append (trace, &p));
    }
  g_assert_cmpuint (trace->len, ==, 1000);
  for (guint i = 0; i < 1000; i++)
    {
      g_assert_cmpfloat (trace->points[i].time, ==, i);
      g_assert_cmpfloat (trace->points[i].mean_c, ==, 0.01 * i);
      g_assert_cmpfloat (trace->points[i].voltage, ==, 3.4 - 1e-3 * i);
      g_assert_cmpint (trace->points[i].direction, ==, i < 500 ? 0 : 1);
    }
  g_assert_true (sp_drive_trace_is_driven (trace));

  copy = sp_drive_trace_copy (trace);
  g_assert_cmpuint (copy->len, ==, 1000);
  /* Field by field: the struct's padding is not a value. */
  for (guint i = 0; i < 1000; i++)
    {
      const SpDrivePoint *a = &copy->points[i], *b = &trace->points[i];

      g_assert_true (a->time == b->time && a->mean_c == b->mean_c && a->voltage == b->voltage &&
                     a->current == b->current && a->overpotential == b->overpotential &&
                     a->direction == b->direction);
    }
  /* The copy grows on its own. */
  {
    SpDrivePoint p = point_at (2000, -1);

    g_assert_true (sp_drive_trace_append (copy, &p));
    g_assert_cmpuint (copy->len, ==, 1001);
    g_assert_cmpuint (trace->len, ==, 1000);
    g_assert_cmpint (copy->points[1000].direction, ==, -1);
  }
  sp_drive_trace_clear (trace);
  g_assert_cmpuint (trace->len, ==, 0);
  g_assert_false (sp_drive_trace_is_driven (trace));
}

static void
test_reset_and_repeat (void)
{
  g_autoptr(SpDriveTrace) trace = sp_drive_trace_new ();
  SpDrivePoint p;

  for (guint i = 0; i < 10; i++)
    {
      p = point_at (i, 1);
      sp_drive_trace_append (trace, &p);
    }
  /* The same time again replaces the last point. */
  p = point_at (9, -1);
  sp_drive_trace_append (trace, &p);
  g_assert_cmpuint (trace->len, ==, 10);
  g_assert_cmpint (trace->points[9].direction, ==, -1);
  /* An earlier time restarts the trace there. */
  p = point_at (3, 1);
  sp_drive_trace_append (trace, &p);
  g_assert_cmpuint (trace->len, ==, 1);
  g_assert_cmpfloat (trace->points[0].time, ==, 3);
}

static void
test_refuses_nan (void)
{
  g_autoptr(SpDriveTrace) trace = sp_drive_trace_new ();
  SpDrivePoint p = point_at (1, 1);

  p.voltage = NAN;
  g_assert_false (sp_drive_trace_append (trace, &p));
  p = point_at (1, 1);
  p.mean_c = INFINITY;
  g_assert_false (sp_drive_trace_append (trace, &p));
  p = point_at (NAN, 1);
  g_assert_false (sp_drive_trace_append (trace, &p));
  g_assert_cmpuint (trace->len, ==, 0);
}

/* Thinning: a resting particle (c̄, V fixed) keeps two points however
 * long it rests, the second always the newest; a discharge keeps one per
 * dc of c̄; a turn of direction is always kept. */
static void
test_thinned (void)
{
  g_autoptr(SpDriveTrace) trace = sp_drive_trace_new ();
  guint after_drive, rested;

  for (guint i = 0; i <= 10000; i++)
    {
      SpDrivePoint p = { .time = 100.0 + 1e-4 * i, .mean_c = 0.5, .voltage = 3.4, .direction = 0 };

      g_assert_true (sp_drive_trace_append_thinned (trace, &p, 1e-3, 5e-4));
    }
  g_assert_cmpuint (trace->len, ==, 2);
  g_assert_cmpfloat (trace->points[1].time, ==, 100.0 + 1e-4 * 10000);
  /* … while its time keeps a point per 2 %: t = 101 → 1000 takes about
   * ln(1000/101)/ln(1.02) ≈ 116. */
  for (guint i = 1; i <= 100000; i++)
    {
      SpDrivePoint p = { .time = 101.0 + 899.0 * i / 100000.0, .mean_c = 0.5, .voltage = 3.4,
                         .direction = 0 };

      sp_drive_trace_append_thinned (trace, &p, 1e-3, 5e-4);
    }
  g_assert_cmpuint (trace->len, >=, 110);
  g_assert_cmpuint (trace->len, <=, 125);

  /* c̄ from 0.5 to 0.9 in steps of 1e-5: one point per 1e-3 (give or take
   * the first and the newest). */
  rested = trace->len;
  for (guint i = 1; i <= 40000; i++)
    {
      SpDrivePoint p = { .time = 1000.0 + 1e-3 * i, .mean_c = 0.5 + 1e-5 * i, .voltage = 3.4,
                         .direction = 1 };

      sp_drive_trace_append_thinned (trace, &p, 1e-3, 5e-4);
    }
  after_drive = trace->len;
  g_assert_cmpuint (after_drive, >=, rested + 400);
  g_assert_cmpuint (after_drive, <=, rested + 405);   /* and the 2 % of time */
  g_assert_cmpfloat_with_epsilon (trace->points[after_drive - 1].mean_c, 0.9, 1e-12);
  for (guint i = rested + 2; i < after_drive - 1; i++)
    g_assert_cmpfloat (trace->points[i].mean_c - trace->points[i - 1].mean_c, <, 1.0001e-3);
  /* A turn is kept at once. */
  {
    SpDrivePoint p = { .time = 1100.0, .mean_c = 0.9, .voltage = 3.5, .direction = -1 };

    sp_drive_trace_append_thinned (trace, &p, 1e-3, 5e-4);
    g_assert_cmpuint (trace->len, ==, after_drive + 1);
  }
  /* A reset still restarts. */
  {
    SpDrivePoint p = { .time = 0.0, .mean_c = 0.1, .voltage = 3.3, .direction = 1 };

    sp_drive_trace_append_thinned (trace, &p, 1e-3, 5e-4);
    g_assert_cmpuint (trace->len, ==, 1);
  }
}

static void
test_lever_rule (void)
{
  /* (c̄ − c_α)/(c_β − c_α), exactly. */
  g_assert_cmpfloat_with_epsilon (sp_phase_fraction_lever (0.5, 0.09, 0.91), 0.5, 1e-15);
  g_assert_cmpfloat_with_epsilon (sp_phase_fraction_lever (0.3, 0.1, 0.9), 0.25, 1e-15);
  g_assert_cmpfloat_with_epsilon (sp_phase_fraction_lever (0.7, 0.1, 0.9), 0.75, 1e-15);
  /* One phase outside the gap. */
  g_assert_cmpfloat (sp_phase_fraction_lever (0.05, 0.1, 0.9), ==, 0.0);
  g_assert_cmpfloat (sp_phase_fraction_lever (0.95, 0.1, 0.9), ==, 1.0);
  /* No gap. */
  g_assert_true (isnan (sp_phase_fraction_lever (0.5, 0.5, 0.5)));
  g_assert_true (isnan (sp_phase_fraction_lever (0.5, NAN, 0.9)));
}

static void
test_field_fraction (void)
{
  double field[1000];

  /* A field split exactly like the lever rule says at c̄ = 0.3 in the gap
   * [0.1, 0.9]: a quarter of the cells at c_β, the rest at c_α. */
  for (guint i = 0; i < 1000; i++)
    field[i] = i < 250 ? 0.9 : 0.1;
  g_assert_cmpfloat (sp_phase_fraction_field (field, 1000, 0.1, 0.9), ==, 0.25);
  {
    double mean = 0.0;

    for (guint i = 0; i < 1000; i++)
      mean += field[i] / 1000.0;
    g_assert_cmpfloat_with_epsilon (sp_phase_fraction_field (field, 1000, 0.1, 0.9),
                                    sp_phase_fraction_lever (mean, 0.1, 0.9), 1e-12);
  }
  /* A uniform field (the solid solution of a fast drive): all on one side
   * of the midpoint, whatever the lever rule says. */
  for (guint i = 0; i < 1000; i++)
    field[i] = 0.45;
  g_assert_cmpfloat (sp_phase_fraction_field (field, 1000, 0.1, 0.9), ==, 0.0);
  for (guint i = 0; i < 1000; i++)
    field[i] = 0.55;
  g_assert_cmpfloat (sp_phase_fraction_field (field, 1000, 0.1, 0.9), ==, 1.0);
  g_assert_true (isnan (sp_phase_fraction_field (field, 0, 0.1, 0.9)));
  g_assert_true (isnan (sp_phase_fraction_field (NULL, 10, 0.1, 0.9)));
  g_assert_true (isnan (sp_phase_fraction_field (field, 1000, 0.9, 0.1)));
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drive-trace/append-grow-copy", test_append_grow_copy);
  g_test_add_func ("/drive-trace/reset-and-repeat", test_reset_and_repeat);
  g_test_add_func ("/drive-trace/refuses-nan", test_refuses_nan);
  g_test_add_func ("/drive-trace/thinned", test_thinned);
  g_test_add_func ("/drive-trace/lever-rule", test_lever_rule);
  g_test_add_func ("/drive-trace/field-fraction", test_field_fraction);
  return g_test_run ();
}
