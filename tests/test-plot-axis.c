/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plot-axis.c — nice ticks, labels and the data ↔ user mapping */

#include "config.h"

#include <math.h>

#include "sp-axis.h"
#include "sp-gsl.h"
#include "test-helpers.h"

/* step = m × 10^k with m ∈ {1, 2, 5}, checked independently of the code. */
static gboolean
is_125 (double step)
{
  double e = floor (log10 (step));
  double m = step / pow (10.0, e);

  return fabs (m - 1.0) < 1e-9 || fabs (m - 2.0) < 1e-9 || fabs (m - 5.0) < 1e-9
         || fabs (m - 10.0) < 1e-9;
}

static void
test_nice_step (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  g_assert_cmpfloat (sp_ticks_nice_step (0.0, 1.0, 6), ==, 0.2);
  g_assert_cmpfloat (sp_ticks_nice_step (0.0, 1.0, 11), ==, 0.1);
  g_assert_cmpfloat (sp_ticks_nice_step (0.0, 100.0, 3), ==, 50.0);

  for (int i = 0; i < 5000; i++)
    {
      double scale = pow (10.0, g_rand_double_range (rand, -9, 9));
      double lo = g_rand_double_range (rand, -1, 1) * scale;
      double hi = lo + g_rand_double_range (rand, 1e-3, 3) * scale;
      guint max_ticks = g_rand_int_range (rand, 2, 12);
      double step = sp_ticks_nice_step (lo, hi, max_ticks);
      double count = floor (hi / step + 1e-9) - ceil (lo / step - 1e-9) + 1;
      double smaller;

      g_assert_true (is_125 (step));
      g_assert_cmpfloat (count, <=, max_ticks);
      /* The next smaller 1-2-5 step would need too many ticks: the step is
       * the finest that fits. */
      smaller = fabs (step / pow (10.0, floor (log10 (step))) - 2.0) < 1e-9 ? step / 2.0
                : fabs (step / pow (10.0, floor (log10 (step))) - 5.0) < 1e-9 ? step * 0.4
                : step / 2.0;
      g_assert_cmpfloat (floor (hi / smaller + 1e-9) - ceil (lo / smaller - 1e-9) + 1, >, max_ticks);
    }
  g_rand_free (rand);
}

static void
test_nice_range (void)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (int i = 0; i < 2000; i++)
    {
      double lo = g_rand_double_range (rand, -50, 50);
      double hi = lo + g_rand_double_range (rand, 0.01, 80);
      double a = lo, b = hi, step;

      sp_ticks_nice_range (&a, &b, 6);
      step = sp_ticks_nice_step (lo, hi, 6);
      g_assert_cmpfloat (a, <=, lo);
      g_assert_cmpfloat (b, >=, hi);
      g_assert_cmpfloat (lo - a, <, step * (1 + 1e-9));
      g_assert_cmpfloat (b - hi, <, step * (1 + 1e-9));
      sp_assert_close (a / step, round (a / step), 1e-9, 1.0);
    }
  g_rand_free (rand);
}

static void
test_linear_ticks (void)
{
  SpAxis axis = { 0.0, 1.0, SP_SCALE_LINEAR, 1.0, 0.0, 100.0, 0 };
  SpTicks ticks;
  const char *expected[] = { "0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0" };

  sp_ticks_compute (&ticks, &axis, 11);
  g_assert_cmpuint (ticks.n, ==, 11);
  for (guint i = 0; i < ticks.n; i++)
    {
      /* 0.1 · 3 must print as 0.3, not 0.30000000000000004. */
      g_assert_cmpstr (ticks.label[i], ==, expected[i]);
      sp_assert_close (ticks.value[i], i / 10.0, 1e-15, 1e-15);
    }
  sp_ticks_clear (&ticks);

  /* Negative values carry the typographic minus. */
  axis.min = -2.0;
  axis.max = 2.0;
  sp_ticks_compute (&ticks, &axis, 5);
  g_assert_cmpuint (ticks.n, ==, 5);
  g_assert_cmpstr (ticks.label[0], ==, "−2");
  g_assert_cmpstr (ticks.label[2], ==, "0");
  sp_ticks_clear (&ticks);

  /* Every tick inside the range, spacing equal to the step. */
  axis.min = -0.0137;
  axis.max = 0.0262;
  sp_ticks_compute (&ticks, &axis, 6);
  g_assert_cmpuint (ticks.n, >=, 3);
  for (guint i = 0; i < ticks.n; i++)
    {
      g_assert_cmpfloat (ticks.value[i], >=, axis.min);
      g_assert_cmpfloat (ticks.value[i], <=, axis.max);
      if (i > 0)
        sp_assert_close (ticks.value[i] - ticks.value[i - 1], 0.01, 1e-9, 1e-12);
    }
  sp_ticks_clear (&ticks);
}

static void
test_exponent (void)
{
  SpAxis axis = { 0.0, 3e-4, SP_SCALE_LINEAR, 1.0, 0.0, 100.0, 0 };
  SpTicks ticks;

  axis.exponent = sp_axis_label_exponent (&axis);
  g_assert_cmpint (axis.exponent, ==, -4);
  sp_ticks_compute (&ticks, &axis, 4);
  g_assert_cmpuint (ticks.n, ==, 4);
  g_assert_cmpstr (ticks.label[1], ==, "1");
  g_assert_cmpstr (ticks.label[3], ==, "3");
  sp_ticks_clear (&ticks);

  axis.min = 8.9e5;
  axis.max = 9.4e5;
  g_assert_cmpint (sp_axis_label_exponent (&axis), ==, 5);
  axis.min = -1.0;
  axis.max = 40.0;
  g_assert_cmpint (sp_axis_label_exponent (&axis), ==, 0);
}

static void
test_log_ticks (void)
{
  SpAxis axis = { 3e-3, 2e4, SP_SCALE_LOG, 1.0, 0.0, 100.0, 0 };
  SpTicks ticks;

  sp_ticks_compute (&ticks, &axis, 10);
  g_assert_cmpuint (ticks.n, ==, 7);
  for (guint i = 0; i < ticks.n; i++)
    sp_assert_close (ticks.value[i], pow (10.0, (int) i - 2), 1e-12, 0);
  g_assert_cmpstr (ticks.label[0], ==, "10⁻²");
  g_assert_cmpstr (ticks.label[2], ==, "10⁰");
  g_assert_cmpstr (ticks.label[6], ==, "10⁴");
  sp_ticks_clear (&ticks);

  /* Within one decade: 1-2-5 values are labelled too. */
  axis.min = 15.0;
  axis.max = 160.0;
  sp_ticks_compute (&ticks, &axis, 10);
  g_assert_cmpuint (ticks.n, ==, 3);
  g_assert_cmpstr (ticks.label[0], ==, "20");
  g_assert_cmpstr (ticks.label[1], ==, "50");
  g_assert_cmpstr (ticks.label[2], ==, "10²");
  sp_ticks_clear (&ticks);
}

static void
test_asinh_ticks (void)
{
  SpAxis axis = { -40.0, 3000.0, SP_SCALE_ASINH, 1.0, 0.0, 100.0, 0 };
  SpTicks ticks;
  const double expected[] = { -10.0, -1.0, 0.0, 1.0, 10.0, 100.0, 1000.0 };

  sp_ticks_compute (&ticks, &axis, 10);
  g_assert_cmpuint (ticks.n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < ticks.n; i++)
    sp_assert_close (ticks.value[i], expected[i], 1e-12, 1e-300);
  g_assert_cmpstr (ticks.label[0], ==, "−10¹");
  g_assert_cmpstr (ticks.label[2], ==, "0");
  sp_ticks_clear (&ticks);
}

static void
test_mapping_inverse (void)
{
  const SpScale scales[] = { SP_SCALE_LINEAR, SP_SCALE_LOG, SP_SCALE_ASINH };
  GRand *rand = g_rand_new_with_seed (3);

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      SpAxis axis = { 0 };

      axis.scale = scales[s];
      axis.linthresh = 0.5;
      axis.min = scales[s] == SP_SCALE_LOG ? 1e-3 : -7.0;
      axis.max = scales[s] == SP_SCALE_LOG ? 1e5 : 300.0;
      axis.start = 61.5;
      axis.end = 742.25;

      /* The ends map exactly to the ends. */
      sp_assert_close (sp_axis_map (&axis, axis.min), axis.start, 1e-14, 1.0);
      sp_assert_close (sp_axis_map (&axis, axis.max), axis.end, 1e-14, 1.0);
      for (int i = 0; i < 1000; i++)
        {
          double u = g_rand_double_range (rand, axis.start, axis.end);
          double v = sp_axis_unmap (&axis, u);

          sp_assert_close (sp_axis_map (&axis, v), u, 1e-12, 1.0);
        }
      /* A flipped (screen y) axis works the same. */
      axis.start = 500.0;
      axis.end = 20.0;
      for (int i = 0; i < 100; i++)
        {
          double u = g_rand_double_range (rand, 20.0, 500.0);

          sp_assert_close (sp_axis_map (&axis, sp_axis_unmap (&axis, u)), u, 1e-12, 1.0);
        }
    }
  /* Linear: the midpoint is exactly the mean. */
  {
    SpAxis axis = { 2.0, 4.0, SP_SCALE_LINEAR, 1.0, 0.0, 10.0, 0 };

    g_assert_cmpfloat (sp_axis_unmap (&axis, 5.0), ==, 3.0);
    g_assert_cmpfloat (sp_axis_map (&axis, 3.0), ==, 5.0);
  }
  g_rand_free (rand);
}

static void
test_format (void)
{
  g_autofree char *a = sp_ticks_format (-0.5, 0.1);
  g_autofree char *b = sp_ticks_format (2.5e-5, 5e-6);
  g_autofree char *c = sp_format_significant (59625.3, 4);
  g_autofree char *d = sp_format_significant (0.012345, 3);
  g_autofree char *e = sp_format_significant (-9.9996e6, 4);
  g_autofree char *f = sp_ticks_format_power (-12);
  g_autofree char *g = sp_format_significant (669.25, 4);

  g_assert_cmpstr (a, ==, "−0.5");
  g_assert_cmpstr (b, ==, "2.5×10⁻⁵");
  g_assert_cmpstr (c, ==, "59625");
  g_assert_cmpstr (d, ==, "0.0123");
  g_assert_cmpstr (e, ==, "−1.000×10⁷");
  g_assert_cmpstr (f, ==, "10⁻¹²");
  g_assert_cmpstr (g, ==, "669.2");
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot-axis/nice-step", test_nice_step);
  g_test_add_func ("/plot-axis/nice-range", test_nice_range);
  g_test_add_func ("/plot-axis/linear-ticks", test_linear_ticks);
  g_test_add_func ("/plot-axis/exponent", test_exponent);
  g_test_add_func ("/plot-axis/log-ticks", test_log_ticks);
  g_test_add_func ("/plot-axis/asinh-ticks", test_asinh_ticks);
  g_test_add_func ("/plot-axis/mapping-inverse", test_mapping_inverse);
  g_test_add_func ("/plot-axis/format", test_format);

  return g_test_run ();
}
