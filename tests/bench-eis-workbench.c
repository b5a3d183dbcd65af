/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-eis-workbench.c — the Data mode's actions as the window runs them
 *
 * Each UI path from the button to the figure: the action starts a GTask
 * thread, the result comes back to the main thread, "changed" is emitted
 * and the figure data are filled — against its floor, the bare library
 * call on the same 60-point, three-arc spectrum timed in the same run
 * (sp_eis_fit, sp_linkk_check, sp_drt_compute).  The ratio is what the
 * workbench adds: the thread hop, the copies, the fit's dense model curve
 * and the figure's arrays.  Each figure is the median of calls
 * interleaved one by one with the floor's (the machine is shared); the
 * ratio is of process CPU time, which the machine's load does not stretch.
 * Targets (issue 14): fit ≤ 20 ms, Lin-KK ≤ 5 ms, DRT with GCV ≤ 200 ms.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eis-synth.h"
#include "sp-eis-workbench.h"
#include "sp-gsl.h"


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

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static void
bench (const char          *label,
       Path                 path,
       SpEisWorkbench      *wb,
       const SpEisSpectrum *s,
       const SpCircuit     *circuit,
       guint               *n_changed,
       guint                samples,
       double               target_ms)
{
  g_autofree double *ui = g_new (double, samples);
  g_autofree double *ui_cpu = g_new (double, samples);
  g_autofree double *floor = g_new (double, samples);
  g_autofree double *floor_cpu = g_new (double, samples);
  double ui_ms, ui_cpu_ms, floor_ms, floor_cpu_ms;

  /* Warm up (first allocations, the thread pool's first thread). */
  run_ui_path (wb, path, n_changed);
  run_floor (s, circuit, path);
  /* Interleaved one by one, so that the load of the shared machine falls
   * on both alike; medians.  The process CPU time (the worker thread's
   * included) is what the machine's load does not stretch. */
  for (guint i = 0; i < samples; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_seconds ();

      run_ui_path (wb, path, n_changed);
      ui[i] = seconds_since (t0);
      ui_cpu[i] = cpu_seconds () - c0;
      t0 = g_get_monotonic_time ();
      c0 = cpu_seconds ();
      run_floor (s, circuit, path);
      floor[i] = seconds_since (t0);
      floor_cpu[i] = cpu_seconds () - c0;
    }
  ui_ms = 1e3 * median (ui, samples);
  ui_cpu_ms = 1e3 * median (ui_cpu, samples);
  floor_ms = 1e3 * median (floor, samples);
  floor_cpu_ms = 1e3 * median (floor_cpu, samples);
  printf ("%-32s %8.3f %8.3f %8.3f %8.3f %6.2f %7.0f %s\n", label, ui_ms, ui_cpu_ms,
          floor_ms, floor_cpu_ms, ui_cpu_ms / floor_cpu_ms, target_ms,
          ui_ms <= target_ms ? "yes" : "NO");
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
  printf ("%-32s %8s %8s %8s %8s %6s %7s %s\n", "path", "UI ms", "UI CPU", "floor ms",
          "flr CPU", "ratio", "target", "met");
  bench ("fit (automatic guess) + figure", PATH_FIT, wb, s, circuit, &n_changed, 101, 20);
  bench ("Lin-KK + figure", PATH_LINKK, wb, s, circuit, &n_changed, 501, 5);
  bench ("DRT (λ by GCV) + figure", PATH_DRT, wb, s, circuit, &n_changed, 51, 200);
  return 0;
}
