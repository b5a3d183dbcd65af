/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-eis-workbench.c — the Data mode's actions as the window runs them
 *
 * Each UI path from the button to the figure: the action starts a GTask
 * thread, the result comes back to the main thread, "changed" is emitted
 * and the figure data are filled — against its floor, the bare library
 * call on the same 60-point, three-arc spectrum timed in the same run
 * (sp_eis_fit, sp_linkk_check, sp_drt_compute).  The ratio is what the
 * workbench adds: the thread hop, the copies, the fit's dense model curve
 * and the figure's arrays.  Each figure is the fastest of several
 * interleaved blocks (the machine is shared).
 * Targets (issue 14): fit ≤ 20 ms, Lin-KK ≤ 5 ms, DRT with GCV ≤ 200 ms.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "eis-synth.h"
#include "sp-eis-workbench.h"
#include "sp-gsl.h"

#define ROUNDS        5
#define BLOCK_SECONDS 0.3

typedef enum { PATH_FIT, PATH_LINKK, PATH_DRT } Path;

static double
seconds_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
}

static void
on_changed (SpEisWorkbench *wb,
            guint          *n_changed)
{
  (*n_changed)++;
}

/* The action, through the main loop, to the filled figure data. */
static void
run_ui_path (SpEisWorkbench *wb,
             Path            path,
             guint          *n_changed)
{
  guint before = *n_changed;
  SpEisFigureData data;

  if (path == PATH_FIT)
    sp_eis_workbench_fit (wb);
  else if (path == PATH_LINKK)
    sp_eis_workbench_linkk (wb);
  else
    sp_eis_workbench_drt (wb);
  while (*n_changed == before)
    g_main_context_iteration (NULL, TRUE);
  sp_eis_workbench_fill_figure_data (wb, &data);
  if ((path == PATH_FIT && data.model == NULL)
      || (path == PATH_LINKK && data.residuals == NULL)
      || (path == PATH_DRT && data.drt == NULL))
    g_error ("the result did not reach the figure data");
}

static void
run_floor (const SpEisSpectrum *s,
           const SpCircuit     *circuit,
           Path                 path)
{
  g_autoptr(GError) error = NULL;

  if (path == PATH_FIT)
    {
      SpEisFitOptions options;
      g_autoptr(SpEisFitResult) r = NULL;

      sp_eis_fit_options_init (&options);
      r = sp_eis_fit (circuit, s, &options, NULL, &error);
      if (r == NULL)
        g_error ("fit: %s", error->message);
    }
  else if (path == PATH_LINKK)
    {
      SpLinKKOptions options;
      g_autoptr(SpLinKKResult) r = NULL;

      sp_linkk_options_init (&options);
      r = sp_linkk_check (s, &options, &error);
      if (r == NULL)
        g_error ("Lin-KK: %s", error->message);
    }
  else
    {
      SpDrtOptions options;
      g_autoptr(SpDrtResult) r = NULL;

      sp_drt_options_init (&options);
      r = sp_drt_compute (s, &options, NULL, NULL, NULL, &error);
      if (r == NULL)
        g_error ("DRT: %s", error->message);
    }
}

static void
bench (const char          *label,
       Path                 path,
       SpEisWorkbench      *wb,
       const SpEisSpectrum *s,
       const SpCircuit     *circuit,
       guint               *n_changed,
       double               target_ms)
{
  double ui = G_MAXDOUBLE, floor = G_MAXDOUBLE;

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      guint n = 0;
      double wall;

      while ((wall = seconds_since (t0)) < BLOCK_SECONDS || n < 3)
        {
          run_ui_path (wb, path, n_changed);
          n++;
        }
      ui = MIN (ui, wall / n);

      t0 = g_get_monotonic_time ();
      n = 0;
      while ((wall = seconds_since (t0)) < BLOCK_SECONDS || n < 3)
        {
          run_floor (s, circuit, path);
          n++;
        }
      floor = MIN (floor, wall / n);
    }
  printf ("%-34s %9.3f %9.3f %7.2f %9.0f %s\n", label, 1e3 * ui, 1e3 * floor, ui / floor,
          target_ms, 1e3 * ui <= target_ms ? "yes" : "NO");
}

int
main (void)
{
  static const double three_arcs[] = {
    20, 1e3, 1e-9, 0.9, 5e3, 2e-8, 0.85, 2e4, 5e-6, 0.8,
  };
  const char *text = "R0-p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)";
  g_autoptr(SpCircuit) circuit = NULL;
  g_autoptr(SpEisSpectrum) s = NULL;
  g_autoptr(SpEisWorkbench) wb = NULL;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  guint n_changed = 0;

  sp_gsl_init ();
  circuit = synth_circuit (text);
  gsl_rng_set (rng, 1);
  s = synth_spectrum (circuit, three_arcs, 0.01, 1e7, 60, 0.005, rng);
  gsl_rng_free (rng);

  wb = sp_eis_workbench_new ();
  g_signal_connect (wb, "changed", G_CALLBACK (on_changed), &n_changed);
  sp_eis_workbench_add_spectrum (wb, s, NULL);
  sp_eis_workbench_set_circuit_text (wb, text);

  printf ("The Data mode's actions through the workbench (thread, main loop, figure data)\n"
          "against the bare library call; 60 points, three arcs, 0.5 %% noise.\n");
  printf ("%-34s %9s %9s %7s %9s %s\n", "path", "UI ms", "floor ms", "ratio", "target", "met");
  bench ("fit (automatic guess) + figure", PATH_FIT, wb, s, circuit, &n_changed, 20);
  bench ("Lin-KK + figure", PATH_LINKK, wb, s, circuit, &n_changed, 5);
  bench ("DRT (λ by GCV) + figure", PATH_DRT, wb, s, circuit, &n_changed, 200);
  return 0;
}
