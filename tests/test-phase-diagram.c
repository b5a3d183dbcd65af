/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-phase-diagram.c — binodal and spinodal branches against T */

#include "config.h"

#include <math.h>

#include "sp-gsl.h"
#include "sp-phase-diagram.h"
#include "test-helpers.h"

static void
test_symmetric_rows (void)
{
  SpModel m;
  g_autoptr(SpPhaseDiagram) d = NULL;
  double t_c;

  sp_model_init_default (&m);
  m.omega = 115.8;
  m.stiffness = 43.4;
  t_c = (m.omega - m.stiffness) / (2 * 0.08617333262);
  d = sp_phase_diagram_compute_default (&m, 200);
  g_assert_cmpuint (d->n_rows, ==, 200);
  g_assert_true (d->has_critical);
  sp_assert_close (d->t_c, t_c, 1e-14, 1.0);
  sp_assert_close (d->t_max, 1.1 * t_c, 1e-14, 1.0);

  for (guint i = 0; i < d->n_rows; i++)
    {
      const SpPhaseRow *row = &d->rows[i];
      SpModel at = m;
      SpEquilibrium direct;

      if (i > 0)
        g_assert_cmpfloat (row->temperature, >, d->rows[i - 1].temperature);
      at.temperature = row->temperature;
      if (row->temperature >= t_c)
        {
          g_assert_cmpuint (row->eq.n_gaps, ==, 0);
          continue;
        }
      g_assert_cmpuint (row->eq.n_gaps, ==, 1);
      g_assert_cmpuint (row->eq.n_spinodals, ==, 1);
      /* continuation row by row equals a fresh computation */
      sp_equilibrium_compute (&at, &direct);
      sp_assert_close (row->eq.gaps[0].c_alpha, direct.gaps[0].c_alpha, 1e-10, 1e-300);
      sp_assert_close (row->eq.gaps[0].c_beta, direct.gaps[0].c_beta, 1e-10, 1e-300);
      /* spinodal c(1−c) = k_BT/(2(Ω − K)) */
      {
        double p = SP_KT (row->temperature) / (2 * (m.omega - m.stiffness));
        sp_assert_close (row->eq.spinodals[0].lo, 2 * p / (1 + sqrt (1 - 4 * p)), 1e-12, 0.0);
      }
      /* binodal ⊇ spinodal, and the gap narrows as T rises */
      g_assert_cmpfloat (row->eq.gaps[0].c_alpha, <, row->eq.spinodals[0].lo);
      if (i > 0 && d->rows[i - 1].eq.n_gaps == 1)
        g_assert_cmpfloat (row->eq.gaps[0].c_alpha, >, d->rows[i - 1].eq.gaps[0].c_alpha);
    }
}

/* The regular solution (no strain, no s1): at every row the binodal
 * satisfies ln(c/(1−c)) = Ω(2c − 1)/k_BT and the spinodal
 * c(1−c) = k_BT/2Ω, both to 1e−10, and T_c = Ω/2k_B. */
static void
test_regular_solution_rows (void)
{
  SpModel m;
  g_autoptr(SpPhaseDiagram) d = NULL;
  guint n_gap_rows = 0;

  sp_model_init_default (&m);
  m.omega = 103.4;
  d = sp_phase_diagram_compute_default (&m, 200);
  g_assert_cmpuint (d->n_rows, ==, 200);
  sp_assert_close (d->t_c, m.omega / (2 * 0.08617333262), 1e-14, 1.0);
  for (guint i = 0; i < d->n_rows; i++)
    {
      const SpPhaseRow *row = &d->rows[i];
      double kt = SP_KT (row->temperature);

      if (row->temperature >= d->t_c)
        {
          g_assert_cmpuint (row->eq.n_gaps, ==, 0);
          continue;
        }
      g_assert_cmpuint (row->eq.n_gaps, ==, 1);
      g_assert_cmpuint (row->eq.n_spinodals, ==, 1);
      n_gap_rows++;
      {
        const SpGap *gap = &row->eq.gaps[0];
        const SpInterval *s = &row->eq.spinodals[0];
        /* 2c − 1 = −((1 − c) − c), exact from the stored pair. */
        double x_alpha = gap->c_alpha - gap->one_minus_c_alpha;
        double x_beta = gap->c_beta - gap->one_minus_c_beta;

        sp_assert_close (gap->u_alpha, m.omega * x_alpha / kt, 1e-10, 1e-10);
        sp_assert_close (gap->u_beta, m.omega * x_beta / kt, 1e-10, 1e-10);
        sp_assert_close (s->lo * s->one_minus_lo, kt / (2 * m.omega), 1e-10, 0.0);
        sp_assert_close (s->hi * s->one_minus_hi, kt / (2 * m.omega), 1e-10, 0.0);
      }
    }
  g_assert_cmpuint (n_gap_rows, >, 150);
}

static void
test_two_gap_rows (void)
{
  SpModel m;
  g_autoptr(SpPhaseDiagram) d = NULL;

  sp_model_init_default (&m);
  m.omega = 20.0;
  m.rk[0] = 20.0;
  m.rk[1] = 200.0;
  m.rk[3] = -300.0;
  d = sp_phase_diagram_compute (&m, 200.0, 1500.0, 60);  /* T_c ≈ 1417 K */
  g_assert_cmpfloat (d->rows[0].temperature, ==, 200.0);
  g_assert_cmpfloat (d->rows[59].temperature, ==, 1500.0);
  for (guint i = 0; i < d->n_rows; i++)
    {
      SpModel at = m;
      SpEquilibrium direct;

      at.temperature = d->rows[i].temperature;
      sp_equilibrium_compute (&at, &direct);
      g_assert_cmpuint (d->rows[i].eq.n_gaps, ==, direct.n_gaps);
      for (guint g = 0; g < direct.n_gaps; g++)
        sp_assert_close (d->rows[i].eq.gaps[g].c_alpha, direct.gaps[g].c_alpha, 1e-9, 1e-300);
    }
  g_assert_cmpuint (d->rows[0].eq.n_gaps, ==, 2);
  g_assert_cmpuint (d->rows[59].eq.n_gaps, ==, 0);
}

static void
test_no_critical (void)
{
  SpModel m;
  g_autoptr(SpPhaseDiagram) d = NULL;

  sp_model_init_default (&m);
  m.omega = -30.0;   /* attractive: mixes at every temperature */
  d = sp_phase_diagram_compute_default (&m, 20);
  g_assert_false (d->has_critical);
  /* T = 300 K enters rounded up to the 1/8-octave step 2^(66/8) K. */
  sp_assert_close (d->t_max, 1.1 * pow (2.0, 66.0 / 8.0), 1e-14, 1.0);
  sp_assert_close (d->t_min, 0.2 * 1.1 * pow (2.0, 66.0 / 8.0), 1e-14, 1.0);
  for (guint i = 0; i < d->n_rows; i++)
    g_assert_cmpuint (d->rows[i].eq.n_gaps, ==, 0);
}

/* A lower critical point (Ω = −30 meV, s1 = −3: 348.13 K): the dome opens
 * upward, the default range shows the point and a good part of the dome,
 * and every row agrees: no gap below it, one above. */
static void
test_lower_critical (void)
{
  SpModel m;
  g_autoptr(SpPhaseDiagram) d = NULL;
  double t_lower = 30.0 / 0.08617333262;

  sp_model_init_default (&m);
  m.omega = -30.0;
  m.s1 = -3.0;
  d = sp_phase_diagram_compute_default (&m, 120);
  g_assert_true (d->has_critical);
  g_assert_cmpuint (d->n_critical, ==, 1);
  g_assert_cmpint (d->critical_kind, ==, SP_CRITICAL_LOWER);
  sp_assert_close (d->t_c, t_lower, 1e-10, 1.0);
  sp_assert_close (d->t_max, 1.1 * 1.5 * t_lower, 1e-12, 1.0);
  g_assert_cmpfloat (d->t_min, <=, m.temperature);
  for (guint i = 0; i < d->n_rows; i++)
    g_assert_cmpuint (d->rows[i].eq.n_gaps, ==, d->rows[i].temperature > t_lower ? 1 : 0);
}

/* The default range always holds the model's own temperature (the (c0, T)
 * marker) and every critical point, however far apart they are. */
static void
test_default_range_covers (void)
{
  const double temps[] = { 1.0, 50.0, 120.0, 298.0, 2900.0 };

  for (guint i = 0; i < G_N_ELEMENTS (temps); i++)
    {
      SpModel m;
      g_autoptr(SpPhaseDiagram) d = NULL;

      sp_model_init_default (&m);
      m.omega = 20.0;
      m.rk[0] = 20.0;
      m.rk[1] = 200.0;
      m.rk[3] = -300.0;
      m.temperature = temps[i];
      d = sp_phase_diagram_compute_default (&m, 20);
      g_assert_cmpuint (d->n_critical, ==, 2);
      g_assert_cmpfloat (d->t_min, <=, m.temperature);
      g_assert_cmpfloat (d->t_max, >=, m.temperature);
      for (guint k = 0; k < d->n_critical; k++)
        {
          g_assert_cmpfloat (d->t_min, <=, d->critical[k].temperature);
          g_assert_cmpfloat (d->t_max, >=, d->critical[k].temperature);
        }
    }
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/phase-diagram/symmetric-rows", test_symmetric_rows);
  g_test_add_func ("/phase-diagram/two-gap-rows", test_two_gap_rows);
  g_test_add_func ("/phase-diagram/regular-solution-rows", test_regular_solution_rows);
  g_test_add_func ("/phase-diagram/no-critical", test_no_critical);
  g_test_add_func ("/phase-diagram/lower-critical", test_lower_critical);
  g_test_add_func ("/phase-diagram/default-range-covers", test_default_range_covers);
  return g_test_run ();
}
