/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ch-history.c — the diagnostics time series */

#include "config.h"

#include <math.h>

#include "sp-ch-history.h"
#include "sp-gsl.h"
#include "test-helpers.h"

/* A diagnostics record with recognisable values derived from @t. */
static void
fake_diag (SpChDiagnostics *d,
           double           t,
           guint            n_bins)
{
  d->time = t;
  d->free_energy = 100.0 - t;
  d->mean_c = 0.4;
  d->length_scale = 10.0 + t;
  d->n_bins = n_bins;
  d->k = g_new (double, n_bins);
  d->structure = g_new (double, n_bins);
  for (guint b = 0; b < n_bins; b++)
    {
      d->k[b] = 0.1 * (b + 1);
      d->structure[b] = t + b;
    }
}

static void
test_append (void)
{
  g_autoptr(SpChHistory) h = sp_ch_history_new ();

  g_assert_cmpuint (h->len, ==, 0);
  for (guint i = 0; i < 1000; i++)
    {
      SpChDiagnostics d = { 0 };

      fake_diag (&d, 2.0 * i + 1.0, 5);
      sp_ch_history_append (h, &d);
      sp_ch_diagnostics_clear (&d);
    }
  g_assert_cmpuint (h->len, ==, 1000);
  for (guint i = 0; i < 1000; i++)
    {
      g_assert_cmpfloat (h->time[i], ==, 2.0 * i + 1.0);
      g_assert_cmpfloat (h->free_energy[i], ==, 100.0 - h->time[i]);
      g_assert_cmpfloat (h->length_scale[i], ==, 10.0 + h->time[i]);
      g_assert_cmpfloat (h->mean_c[i], ==, 0.4);
    }
  /* S(k, t0) is the first frame's. */
  g_assert_cmpuint (h->n_bins, ==, 5);
  g_assert_cmpfloat (h->time0, ==, 1.0);
  for (guint b = 0; b < 5; b++)
    {
      g_assert_cmpfloat (h->k0[b], ==, 0.1 * (b + 1));
      g_assert_cmpfloat (h->structure0[b], ==, 1.0 + b);
    }
}

static void
test_reset_and_duplicates (void)
{
  g_autoptr(SpChHistory) h = sp_ch_history_new ();
  const double times[] = { 0.0, 1.0, 2.0, 2.0, 3.0, 0.5, 0.75 };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      SpChDiagnostics d = { 0 };

      fake_diag (&d, times[i], 3);
      if (i == 3)
        d.free_energy = -1.0;   /* the same frame seen again, newer data */
      sp_ch_history_append (h, &d);
      sp_ch_diagnostics_clear (&d);
      if (i == 3)
        {
          /* A repeated time replaces, never stacks. */
          g_assert_cmpuint (h->len, ==, 3);
          g_assert_cmpfloat (h->free_energy[2], ==, -1.0);
        }
    }
  /* t = 0.5 < 3 restarted the series: [0.5, 0.75] with S0 from t = 0.5. */
  g_assert_cmpuint (h->len, ==, 2);
  g_assert_cmpfloat (h->time[0], ==, 0.5);
  g_assert_cmpfloat (h->time[1], ==, 0.75);
  g_assert_cmpfloat (h->time0, ==, 0.5);
  g_assert_cmpfloat (h->structure0[0], ==, 0.5);
}

static void
test_copy_and_clear (void)
{
  g_autoptr(SpChHistory) h = sp_ch_history_new ();
  g_autoptr(SpChHistory) copy = NULL;

  for (guint i = 0; i < 37; i++)
    {
      SpChDiagnostics d = { 0 };

      fake_diag (&d, i, 4);
      sp_ch_history_append (h, &d);
      sp_ch_diagnostics_clear (&d);
    }
  copy = sp_ch_history_copy (h);
  g_assert_cmpuint (copy->len, ==, 37);
  g_assert_cmpuint (copy->n_bins, ==, 4);
  for (guint i = 0; i < 37; i++)
    g_assert_cmpfloat (copy->length_scale[i], ==, h->length_scale[i]);
  g_assert_true (copy->structure0 != h->structure0);

  /* The copy grows on its own. */
  for (guint i = 37; i < 300; i++)
    {
      SpChDiagnostics d = { 0 };

      fake_diag (&d, i, 4);
      sp_ch_history_append (copy, &d);
      sp_ch_diagnostics_clear (&d);
    }
  g_assert_cmpuint (copy->len, ==, 300);
  g_assert_cmpuint (h->len, ==, 37);
  g_assert_cmpfloat (copy->time[299], ==, 299.0);

  sp_ch_history_clear (h);
  g_assert_cmpuint (h->len, ==, 0);
  g_assert_cmpuint (h->n_bins, ==, 0);
  g_assert_null (h->structure0);
  {
    g_autoptr(SpChHistory) empty = sp_ch_history_copy (h);

    g_assert_cmpuint (empty->len, ==, 0);
    g_assert_null (empty->time);
  }
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ch-history/append", test_append);
  g_test_add_func ("/ch-history/reset-and-duplicates", test_reset_and_duplicates);
  g_test_add_func ("/ch-history/copy-and-clear", test_copy_and_clear);

  return g_test_run ();
}
