/* test-tangent-tour.c — the tangent-construction animation's geometry
 *
 * At every frame (60 per second) the rolling line touches g(c) at its
 * contact point with slope dg/dc there (checked against a central
 * difference of sp_model_g, an independent computation); once locked it
 * is the common tangent: its contact points are the equilibrium's
 * binodal to 1e-10 and it touches g at c_β too; during the sweep the
 * lever rule's fractions add up to one and reproduce c₀.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sp-analysis.h"
#include "sp-gsl.h"
#include "sp-presets.h"
#include "sp-tangent-tour.h"

static double
dg_dc (const SpModel *model,
       double         c)
{
  double h = 1e-6 * MIN (c, 1.0 - c);

  return (sp_model_g (model, c + h) - sp_model_g (model, c - h)) / (2.0 * h);
}

static void
check_tour (const SpModel *model)
{
  SpEquilibrium eq;
  double duration, scale = MAX (1.0, sp_model_energy_scale (model));
  gboolean saw[SP_TANGENT_TOUR_DONE + 1] = { FALSE };

  sp_equilibrium_compute (model, &eq);
  duration = sp_tangent_tour_duration (model, &eq);
  for (guint i = 0; i <= (guint) ceil (duration * 60.0) + 30; i++)
    {
      double t = i / 60.0;
      SpTangentTourFrame f;

      sp_tangent_tour_frame (model, &eq, t, &f);
      saw[f.phase] = TRUE;
      g_assert_cmpfloat (f.contact_c, >, 0.0);
      g_assert_cmpfloat (f.contact_c, <, 1.0);
      /* It touches the curve where it says, with the curve's slope. */
      g_assert_cmpfloat_with_epsilon (sp_tangent_tour_line (&f, f.contact_c),
                                      sp_model_g (model, f.contact_c), 1e-12 * scale);
      g_assert_cmpfloat_with_epsilon (f.slope, dg_dc (model, f.contact_c), 1e-5 * scale);
      if (f.locked)
        {
          const SpGap *gap = sp_equilibrium_find_gap (&eq, model->c0);

          if (gap == NULL)
            gap = &eq.gaps[0];
          g_assert_true (f.has_gap);
          g_assert_cmpfloat_with_epsilon (f.contact_c, gap->c_alpha, 1e-10);
          g_assert_cmpfloat_with_epsilon (f.c_alpha, gap->c_alpha, 1e-10);
          g_assert_cmpfloat_with_epsilon (f.c_beta, gap->c_beta, 1e-10);
          /* The second contact: the line meets g at c_β with g's slope. */
          g_assert_cmpfloat_with_epsilon (sp_tangent_tour_line (&f, f.c_beta),
                                          sp_model_g (model, f.c_beta), 1e-8 * scale);
          g_assert_cmpfloat_with_epsilon (sp_model_mu (model, f.c_beta), f.slope, 1e-8 * scale);
          /* A common tangent of the hull: nowhere above g. */
          for (guint k = 1; k < 200; k++)
            g_assert_cmpfloat (sp_tangent_tour_line (&f, k / 200.0), <=,
                               sp_model_g (model, k / 200.0) + 1e-9 * scale);
        }
      if (f.phase == SP_TANGENT_TOUR_SWEEP)
        {
          g_assert_cmpfloat (f.sweep_c0, >=, f.c_alpha);
          g_assert_cmpfloat (f.sweep_c0, <=, f.c_beta);
          g_assert_cmpfloat_with_epsilon (f.fraction_alpha + f.fraction_beta, 1.0, 1e-12);
          g_assert_cmpfloat_with_epsilon (f.fraction_alpha * f.c_alpha + f.fraction_beta * f.c_beta,
                                          f.sweep_c0, 1e-12);
        }
      else
        g_assert_true (isnan (f.sweep_c0));
    }
  g_assert_true (saw[SP_TANGENT_TOUR_ROLL]);
  g_assert_true (saw[SP_TANGENT_TOUR_DONE]);
  if (eq.n_gaps > 0)
    {
      g_assert_true (saw[SP_TANGENT_TOUR_BACK]);
      g_assert_true (saw[SP_TANGENT_TOUR_LOCK]);
      g_assert_true (saw[SP_TANGENT_TOUR_SWEEP]);
    }
  else
    g_assert_false (saw[SP_TANGENT_TOUR_LOCK]);
}

static void
test_presets (void)
{
  const char *ids[] = { "textbook", "lifepo4", "lto", "two-plateau", "solid-solution" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      SpPreset *preset = sp_presets_lookup (ids[i], &error);

      g_assert_no_error (error);
      g_test_message ("preset %s", ids[i]);
      check_tour (&preset->model);
      sp_preset_free (preset);
    }
}

/* The lock-on points are the analysis' own binodal (what the figure and
 * the read-outs show), and the final frame keeps them. */
static void
test_lock_is_binodal (void)
{
  SpModel model;
  g_autoptr(SpAnalysis) a = NULL;
  SpTangentTourFrame f;

  sp_model_init_default (&model);
  model.temperature = 250.0;
  a = sp_analysis_new (&model);
  g_assert_cmpuint (a->eq.n_gaps, >, 0);
  sp_tangent_tour_frame (&a->model, &a->eq, 1e9, &f);
  g_assert_cmpint (f.phase, ==, SP_TANGENT_TOUR_DONE);
  g_assert_true (f.locked);
  g_assert_cmpfloat_with_epsilon (f.c_alpha, a->eq.gaps[0].c_alpha, 1e-10);
  g_assert_cmpfloat_with_epsilon (f.c_beta, a->eq.gaps[0].c_beta, 1e-10);
  g_assert_cmpfloat (f.lock, ==, 1.0);
  /* Before the start: the first frame; not a number: the first frame. */
  sp_tangent_tour_frame (&a->model, &a->eq, -3.0, &f);
  g_assert_cmpint (f.phase, ==, SP_TANGENT_TOUR_ROLL);
  sp_tangent_tour_frame (&a->model, &a->eq, NAN, &f);
  g_assert_cmpint (f.phase, ==, SP_TANGENT_TOUR_ROLL);
  g_assert_false (f.locked);
}

/* Above T_c there is nothing to lock onto: the tangent only rolls. */
static void
test_no_gap (void)
{
  SpModel model;

  sp_model_init_default (&model);
  model.temperature = 900.0;
  check_tour (&model);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tangent-tour/presets", test_presets);
  g_test_add_func ("/tangent-tour/lock-is-binodal", test_lock_is_binodal);
  g_test_add_func ("/tangent-tour/no-gap", test_no_gap);

  return g_test_run ();
}
