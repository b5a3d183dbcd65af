/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-eis-spectrum.c — the spectrum value: log grids, copies, selections */

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-eis-spectrum.h"

static void
test_log_grid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEisSpectrum) s = sp_eis_spectrum_new_log (0.1, 1e6, 10, &error);

  g_assert_no_error (error);
  /* 7 decades at 10 per decade, both ends: 71 points, descending. */
  g_assert_cmpuint (s->n_points, ==, 71);
  g_assert_cmpfloat (s->freq_hz[0], ==, 1e6);
  g_assert_cmpfloat (s->freq_hz[70], ==, 0.1);
  for (guint i = 0; i < s->n_points; i++)
    {
      double expected = 1e6 * pow (10.0, -0.1 * i);
      g_assert_cmpfloat_with_epsilon (s->freq_hz[i] / expected, 1.0, 1e-12);
      g_assert_cmpfloat (s->z_re_ohm[i], ==, 0.0);
    }
  g_assert_true (isnan (s->temperature_k));
  g_assert_cmpstr (s->name, ==, "");
}

static void
test_log_grid_bad (void)
{
  const double bad[][3] = {
    { 0, 1e6, 10 }, { -1, 1e6, 10 }, { NAN, 1e6, 10 }, { 10, 10, 10 },
    { 10, 1, 10 }, { 1, INFINITY, 10 }, { 1, 10, 0.5 }, { 1, 10, 1e4 },
    { 1e-300, 1e300, 1000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      SpEisSpectrum *s = sp_eis_spectrum_new_log (bad[i][0], bad[i][1], bad[i][2], &error);

      g_assert_null (s);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, " "));
    }
}

static void
test_copy_and_select (void)
{
  g_autoptr(SpEisSpectrum) s = sp_eis_spectrum_new (5);
  g_autoptr(SpEisSpectrum) copy = NULL;
  g_autoptr(SpEisSpectrum) kept = NULL;
  const double f[] = { 1e5, 1e4, 1e3, 1e2, 10 };
  const double im[] = { 3, -1, -2, -3, -4 };

  for (guint i = 0; i < 5; i++)
    {
      s->freq_hz[i] = f[i];
      s->z_re_ohm[i] = 100 + i;
      s->z_im_ohm[i] = im[i];
    }
  s->temperature_k = 298.15;
  sp_eis_spectrum_set_name (s, "pellet.csv");

  copy = sp_eis_spectrum_copy (s);
  g_assert_cmpuint (copy->n_points, ==, 5);
  g_assert_cmpmem (copy->z_im_ohm, 5 * sizeof (double), s->z_im_ohm, 5 * sizeof (double));
  g_assert_cmpfloat (copy->temperature_k, ==, 298.15);
  g_assert_cmpstr (copy->name, ==, "pellet.csv");

  /* 10 Hz … 1e4 Hz without the inductive point: drops 1e5 twice over. */
  kept = sp_eis_spectrum_select (s, 10, 1e4, TRUE);
  g_assert_cmpuint (kept->n_points, ==, 4);
  g_assert_cmpfloat (kept->freq_hz[0], ==, 1e4);
  g_assert_cmpfloat (kept->z_re_ohm[0], ==, 101);
  g_clear_pointer (&kept, sp_eis_spectrum_free);

  kept = sp_eis_spectrum_select (s, 100, 1e6, FALSE);
  g_assert_cmpuint (kept->n_points, ==, 4);
  g_assert_cmpfloat (kept->z_im_ohm[0], ==, 3);
  g_assert_cmpfloat (kept->freq_hz[3], ==, 100);
  g_clear_pointer (&kept, sp_eis_spectrum_free);

  kept = sp_eis_spectrum_select (s, 1e6, 1e7, FALSE);
  g_assert_cmpuint (kept->n_points, ==, 0);
}

static void
test_frequency_order (void)
{
  const double f[] = { 1e3, 10, 1e5, 100, 1e4 };
  const guint expected[] = { 1, 3, 0, 4, 2 };
  g_autofree guint *order = sp_eis_spectrum_frequency_order (f, G_N_ELEMENTS (f));

  g_assert_cmpmem (order, sizeof expected, expected, sizeof expected);
}

static void
test_distinct_frequencies (void)
{
  g_autoptr(SpEisSpectrum) s = sp_eis_spectrum_new (5);
  const double f[] = { 1e4, 1e3, 100, 1e3, 10 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    s->freq_hz[i] = f[i];
  /* Points 2 and 4 (from 1) share 1 kHz, whichever of them sorts first. */
  g_assert_false (sp_eis_spectrum_check_distinct_frequencies (s, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "2 and 4"));
  g_assert_nonnull (strstr (error->message, "1000 Hz"));
  g_clear_error (&error);

  s->freq_hz[3] = 999.999;
  g_assert_true (sp_eis_spectrum_check_distinct_frequencies (s, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  g_test_add_func ("/eis-spectrum/log-grid", test_log_grid);
  g_test_add_func ("/eis-spectrum/log-grid-bad", test_log_grid_bad);
  g_test_add_func ("/eis-spectrum/copy-and-select", test_copy_and_select);
  g_test_add_func ("/eis-spectrum/frequency-order", test_frequency_order);
  g_test_add_func ("/eis-spectrum/distinct-frequencies", test_distinct_frequencies);
  return g_test_run ();
}
