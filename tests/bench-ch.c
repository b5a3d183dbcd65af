/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-ch.c — the Cahn–Hilliard step against its FFT floor, and PFHub 1a
 *
 * For each grid and mobility model: milliseconds per accepted step (the
 * whole step: transforms, pointwise passes, step control) against its
 * floor, the FFTW transforms alone that such a step needs (3 r2c + c2r
 * pairs for site blocking, 1 for a constant mobility), planned here with
 * FFTW_MEASURE on arrays of the same size, with the same thread count.
 *
 * The machine is usually shared, so a single timing of each means little
 * (ratios from one timing each swung from 0.2 to 38 under load).  Steps
 * and floor are timed instead in many short units (about 10 ms each) that
 * alternate — step, floor, floor, step, … — and every pair of neighbouring
 * units gives one ratio; the figure is the median of those ratios, with
 * the quartiles as its spread.  Each unit is timed both by the wall clock
 * and by CPU time (the calling thread's with one FFTW thread, the
 * process's otherwise), which a descheduled process does not accrue.
 *
 * Then PFHub 1a to t = 10⁴ (F, steps and wall time at every decade), and
 * the LiFePO₄ preset on 256² to a fixed physical time at the default step
 * control.  `--steps-only --tsv` prints one tab-separated line per grid
 * for tools/bench-step-compare.py, which runs two builds of this program
 * alternately to compare them; `--check` prints the end of a fixed run
 * (time, F, a hash of the field) to compare their results.
 *
 * Only the public engine API is used (and the private header's
 * sp_ch_kernel_isa()), so that this file also builds against older
 * revisions of the engine (the comparison's "before").
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sp-ch.h"
#include "sp-ch-diagnostics.h"
#include "sp-ch-private.h"
#include "sp-fft-wisdom.h"
#include "sp-gsl.h"
#include "sp-kinetics.h"
#include "sp-presets.h"

#define UNIT_SECONDS  0.010
#define MIN_PAIRS     15
#define MAX_PAIRS     2000
#define WARMUP_STEPS  30

static double opt_seconds = 2.0;
static gboolean opt_steps_only = FALSE;
static gboolean opt_runs_only = FALSE;
static gboolean opt_tsv = FALSE;
static gboolean opt_check = FALSE;

typedef struct
{
  double wall;
  double cpu;
} Stamp;

static void
stamp (Stamp    *s,
       gboolean  process_cpu)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  s->wall = ts.tv_sec + 1e-9 * ts.tv_nsec;
  clock_gettime (process_cpu ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_THREAD_CPUTIME_ID, &ts);
  s->cpu = ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static double
seconds_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The @q-quantile of @v[0 … n−1] (sorting a copy), linearly interpolated. */
static double
quantile (const double *v,
          guint         n,
          double        q)
{
  g_autofree double *w = g_memdup2 (v, n * sizeof (double));
  double pos = q * (n - 1);
  guint i = (guint) pos;

  qsort (w, n, sizeof (double), compare_doubles);
  if (i + 1 >= n)
    return w[n - 1];
  return w[i] + (pos - i) * (w[i + 1] - w[i]);
}

/* The transforms of one step, on arrays of their own: c2r of the new
 * spectrum and r2c of the nonlinearity (one pair), and for site blocking a
 * batch of two of each (the two flux components, which FFTW does faster as
 * one batch than as two calls), in the engine's order and on buffers of
 * the engine's sizes.  Every plan is FFTW_MEASURE, out of place. */
typedef struct
{
  gsize     n_real, n_cplx;
  double   *field, *out;          /* r2c input (kept), c2r output          */
  fftw_complex *spectrum, *in;    /* r2c output, c2r input (refilled)      */
  double   *out2;                 /* site blocking: the batch's fields     */
  fftw_complex *in2, *spectrum2;  /*   and its spectra                     */
  fftw_complex *source;           /* what `in` and `in2` are refilled from */
  fftw_plan fwd, inv, fwd2, inv2;
} Floor;

static void
floor_init (Floor    *fl,
            SpCh     *ch,
            guint     threads,
            gboolean  site)
{
  const guint n = sp_ch_get_n (ch);
  const int dims[2] = { (int) n, (int) n };
  const double *spectrum = sp_ch_get_spectrum (ch);
  double *src;
  double inv_n2;

  memset (fl, 0, sizeof *fl);
  fl->n_real = (gsize) n * n;
  fl->n_cplx = (gsize) n * (n / 2 + 1);
  inv_n2 = 1.0 / (double) fl->n_real;
  fl->field = fftw_alloc_real (fl->n_real);
  fl->out = fftw_alloc_real (fl->n_real);
  fl->spectrum = fftw_alloc_complex (fl->n_cplx);
  fl->in = fftw_alloc_complex (fl->n_cplx);
  fl->source = fftw_alloc_complex (fl->n_cplx);
  if (site)
    {
      fl->out2 = fftw_alloc_real (2 * fl->n_real);
      fl->in2 = fftw_alloc_complex (2 * fl->n_cplx);
      fl->spectrum2 = fftw_alloc_complex (2 * fl->n_cplx);
    }

  /* FFTW_MEASURE scribbles over the arrays: plan first. */
  sp_fft_planner_lock (n, threads);
  fl->fwd = fftw_plan_dft_r2c_2d (dims[0], dims[1], fl->field, fl->spectrum, FFTW_MEASURE);
  fl->inv = fftw_plan_dft_c2r_2d (dims[0], dims[1], fl->in, fl->out, FFTW_MEASURE);
  if (site)
    {
      fl->inv2 = fftw_plan_many_dft_c2r (2, dims, 2, fl->in2, NULL, 1, (int) fl->n_cplx,
                                         fl->out2, NULL, 1, (int) fl->n_real, FFTW_MEASURE);
      fl->fwd2 = fftw_plan_many_dft_r2c (2, dims, 2, fl->out2, NULL, 1, (int) fl->n_real,
                                         fl->spectrum2, NULL, 1, (int) fl->n_cplx, FFTW_MEASURE);
      g_assert_nonnull (fl->inv2);
      g_assert_nonnull (fl->fwd2);
    }
  sp_fft_planner_unlock ();
  g_assert_nonnull (fl->fwd);
  g_assert_nonnull (fl->inv);

  /* Realistic data: the engine's field, and its spectrum scaled as the
   * engine feeds its inverse transform. */
  memcpy (fl->field, sp_ch_get_field (ch), fl->n_real * sizeof (double));
  src = (double *) fl->source;
  for (gsize i = 0; i < 2 * fl->n_cplx; i++)
    src[i] = spectrum[i] * inv_n2;
}

static void
floor_clear (Floor *fl)
{
  sp_fft_plan_destroy (fl->fwd);
  sp_fft_plan_destroy (fl->inv);
  sp_fft_plan_destroy (fl->fwd2);
  sp_fft_plan_destroy (fl->inv2);
  fftw_free (fl->field);
  fftw_free (fl->out);
  fftw_free (fl->spectrum);
  fftw_free (fl->in);
  fftw_free (fl->source);
  fftw_free (fl->out2);
  fftw_free (fl->in2);
  fftw_free (fl->spectrum2);
}

/* @reps floors, timed without the refills of the c2r inputs (c2r
 * destroys its input); adds the wall and CPU seconds to @t. */
static void
floor_run (Floor    *fl,
           guint     reps,
           gboolean  process_cpu,
           Stamp    *t)
{
  const gsize bytes = fl->n_cplx * sizeof (fftw_complex);

  for (guint r = 0; r < reps; r++)
    {
      Stamp a, b;

      memcpy (fl->in, fl->source, bytes);
      if (fl->inv2 != NULL)
        {
          memcpy (fl->in2, fl->source, bytes);
          memcpy (fl->in2 + fl->n_cplx, fl->source, bytes);
        }
      stamp (&a, process_cpu);
      /* In the order of a step: the new field, its nonlinearity's
       * spectrum, then (site blocking) the gradient and the fluxes. */
      fftw_execute (fl->inv);
      fftw_execute (fl->fwd);
      if (fl->inv2 != NULL)
        {
          fftw_execute (fl->inv2);
          fftw_execute (fl->fwd2);
        }
      stamp (&b, process_cpu);
      t->wall += b.wall - a.wall;
      t->cpu += b.cpu - a.cpu;
    }
}

static void
steps_run (SpCh     *ch,
           guint     reps,
           gboolean  process_cpu,
           Stamp    *t)
{
  g_autoptr(GError) error = NULL;
  Stamp a, b;

  stamp (&a, process_cpu);
  for (guint r = 0; r < reps; r++)
    if (!sp_ch_step (ch, &error))
      g_error ("step failed: %s", error->message);
  stamp (&b, process_cpu);
  t->wall += b.wall - a.wall;
  t->cpu += b.cpu - a.cpu;
}

static void
bench_grid (guint      n,
            SpMobility mobility,
            guint      threads)
{
  const gboolean site = mobility != SP_MOBILITY_CONSTANT;
  const gboolean process_cpu = threads > 1;
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *step_wall = g_new (double, MAX_PAIRS);
  g_autofree double *step_cpu = g_new (double, MAX_PAIRS);
  g_autofree double *floor_wall = g_new (double, MAX_PAIRS);
  g_autofree double *floor_cpu = g_new (double, MAX_PAIRS);
  g_autofree double *ratio_wall = g_new (double, MAX_PAIRS);
  g_autofree double *ratio_cpu = g_new (double, MAX_PAIRS);
  Floor fl;
  Stamp warm = { 0 };
  guint reps, pairs = 0;
  guint64 steps0, rejected0;
  gint64 t0;

  sp_ch_params_init_default (&p);
  p.model.mobility = mobility;
  p.n = n;
  p.length = 0.5 * n;
  p.fft_threads = threads;
  ch = sp_ch_new (&p, &error);
  g_assert_no_error (error);

  /* Past the first, tiny steps so the field and step size are typical;
   * the last ten size the units. */
  steps_run (ch, WARMUP_STEPS - 10, process_cpu, &warm);
  warm = (Stamp) { 0 };
  steps_run (ch, 10, process_cpu, &warm);
  reps = (guint) CLAMP (UNIT_SECONDS / (warm.cpu / 10.0), 1.0, 1000.0);

  floor_init (&fl, ch, threads, site);
  /* One floor set untimed: FFTW's first execution touches fresh pages. */
  {
    Stamp unused = { 0 };
    floor_run (&fl, 1, process_cpu, &unused);
  }

  steps0 = sp_ch_get_steps (ch);
  rejected0 = sp_ch_get_rejected (ch);
  t0 = g_get_monotonic_time ();
  while (pairs < MAX_PAIRS && (pairs < MIN_PAIRS || seconds_since (t0) < opt_seconds))
    {
      Stamp s = { 0 }, f = { 0 };

      /* Alternate which of the two goes first, so that neither always
       * follows the other's cache state. */
      if (pairs % 2 == 0)
        {
          steps_run (ch, reps, process_cpu, &s);
          floor_run (&fl, reps, process_cpu, &f);
        }
      else
        {
          floor_run (&fl, reps, process_cpu, &f);
          steps_run (ch, reps, process_cpu, &s);
        }
      step_wall[pairs] = s.wall / reps;
      step_cpu[pairs] = s.cpu / reps;
      floor_wall[pairs] = f.wall / reps;
      floor_cpu[pairs] = f.cpu / reps;
      ratio_wall[pairs] = s.wall / f.wall;
      ratio_cpu[pairs] = s.cpu / f.cpu;
      pairs++;
    }
  floor_clear (&fl);

  {
    guint used_threads = threads ? threads : sp_fft_default_threads (n);
    double rejected = (double) (sp_ch_get_rejected (ch) - rejected0) /
                      (double) MAX (sp_ch_get_steps (ch) - steps0, 1);

    if (opt_tsv)
      printf ("tsv\t%u\t%s\t%u\t%.5f\t%.5f\t%.4f\t%.4f\t%.4f\t%.5f\t%.5f\t%.4f\t%.4f\t%.4f\t%u\t%.4f\n",
              n, site ? "site" : "constant", used_threads,
              1e3 * quantile (step_wall, pairs, 0.5), 1e3 * quantile (floor_wall, pairs, 0.5),
              quantile (ratio_wall, pairs, 0.5), quantile (ratio_wall, pairs, 0.25),
              quantile (ratio_wall, pairs, 0.75),
              1e3 * quantile (step_cpu, pairs, 0.5), 1e3 * quantile (floor_cpu, pairs, 0.5),
              quantile (ratio_cpu, pairs, 0.5), quantile (ratio_cpu, pairs, 0.25),
              quantile (ratio_cpu, pairs, 0.75), pairs, rejected);
    else
      printf ("%5u²  %-13s %3u  %4u  %8.3f %8.3f  %5.2f [%4.2f–%4.2f]  %8.3f %8.3f  %5.2f [%4.2f–%4.2f]  %5u  %4.1f\n",
              n, site ? "site-blocking" : "constant", used_threads,
              sp_ch_get_transforms_per_step (ch),
              1e3 * quantile (step_wall, pairs, 0.5), 1e3 * quantile (floor_wall, pairs, 0.5),
              quantile (ratio_wall, pairs, 0.5), quantile (ratio_wall, pairs, 0.25),
              quantile (ratio_wall, pairs, 0.75),
              1e3 * quantile (step_cpu, pairs, 0.5), 1e3 * quantile (floor_cpu, pairs, 0.5),
              quantile (ratio_cpu, pairs, 0.5), quantile (ratio_cpu, pairs, 0.25),
              quantile (ratio_cpu, pairs, 0.75), pairs, 100.0 * rejected);
    fflush (stdout);
  }
}

static void
bench_pfhub (void)
{
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double t;

  sp_ch_params_init_pfhub1a (&p);
  ch = sp_ch_new (&p, NULL);
  printf ("\nPFHub 1a (200², Δx = 1), F at each decade, wall time since the start "
          "(plans included):\n");
  printf ("  t = %-6g F = %.4f\n", 0.0, sp_ch_free_energy (ch));
  for (t = 1.0; t <= 1e4; t *= 10.0)
    {
      if (!sp_ch_advance_to (ch, t, NULL))
        g_error ("PFHub 1a failed at t = %g", sp_ch_get_time (ch));
      printf ("  t = %-6g F = %.4f  %7" G_GUINT64_FORMAT " steps  %7.2f s\n", t,
              sp_ch_free_energy (ch), sp_ch_get_steps (ch), seconds_since (t0));
    }
}

/* The LiFePO₄ preset on 256² in a box of sixteen λ* from noise, to the
 * fixed physical time 50/σ_max (the CLI's default end), at the default step
 * control: what one simulation of the main use case costs. */
static void
bench_lifepo4 (void)
{
  g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", NULL);
  SpChParams p;
  SpDispersion disp;
  g_autoptr(SpCh) ch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0;
  static const double fractions[] = { 0.1, 0.2, 0.5, 1.0 };
  double t_end;

  g_assert_nonnull (preset);
  sp_ch_params_init_default (&p);
  p.model = preset->model;
  p.n = 256;
  sp_kinetics_dispersion (&p.model, &disp);
  g_assert_true (disp.unstable);
  p.length = 16.0 * disp.lambda_star;
  t_end = 50.0 / disp.sigma_max;

  t0 = g_get_monotonic_time ();
  ch = sp_ch_new (&p, &error);
  g_assert_no_error (error);
  printf ("\nLiFePO₄ 256², box 16 λ* = %.1f nm, to 50/σ_max = %.4g s at the default "
          "step control:\n", p.length, t_end);
  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    {
      double t = fractions[i] * t_end;

      if (!sp_ch_advance_to (ch, t, &error))
        g_error ("LiFePO₄ failed at t = %g: %s", sp_ch_get_time (ch), error->message);
      printf ("  t = %-10.4g F = %.6g  %7" G_GUINT64_FORMAT " steps  %7.2f s\n", t,
              sp_ch_free_energy (ch), sp_ch_get_steps (ch), seconds_since (t0));
    }
}

/* For comparing builds: 300 steps of 128² from seed 1, then the time
 * reached, F, Σ c² and a hash of the field's bytes (equal hashes: a
 * bit-identical trajectory). */
static void
check_trajectory (SpMobility mobility)
{
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  g_autoptr(GError) error = NULL;
  const double *c;
  double sum2 = 0.0;
  guint64 hash = 14695981039346656037u;   /* FNV-1a */
  gsize np;

  sp_ch_params_init_default (&p);
  p.model.mobility = mobility;
  p.n = 128;
  p.length = 64.0;
  p.fft_threads = 1;
  ch = sp_ch_new (&p, &error);
  g_assert_no_error (error);
  for (guint s = 0; s < 300; s++)
    if (!sp_ch_step (ch, &error))
      g_error ("step failed: %s", error->message);
  c = sp_ch_get_field (ch);
  np = (gsize) p.n * p.n;
  for (gsize i = 0; i < np; i++)
    sum2 += c[i] * c[i];
  for (gsize i = 0; i < np * sizeof (double); i++)
    hash = (hash ^ ((const guint8 *) c)[i]) * 1099511628211u;
  printf ("check\t%s\tt=%.17g\tF=%.17g\tsum_c2=%.17g\trejected=%" G_GUINT64_FORMAT
          "\thash=%016" G_GINT64_MODIFIER "x\n",
          mobility == SP_MOBILITY_CONSTANT ? "constant" : "site", sp_ch_get_time (ch),
          sp_ch_free_energy (ch), sum2, sp_ch_get_rejected (ch), hash);
}

/* A comma-separated list of positive integers, or NULL. */
static GArray *
parse_list (const char *text,
            const char *what)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  GArray *list = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 v;
      guint value;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, 1 << 14, &v, NULL))
        {
          fprintf (stderr, "bench-ch: %s: “%s” is not a positive integer\n", what, parts[i]);
          exit (2);
        }
      value = (guint) v;
      g_array_append_val (list, value);
    }
  return list;
}

int
main (int    argc,
      char **argv)
{
  /* 509 and 1021 are prime: what a grid FFTW handles badly costs against
   * its neighbour (the CLI rounds such a --grid up, issue 12). */
  g_autofree char *grids = g_strdup ("128,256,509,512,1021,1024");
  g_autofree char *mobilities = g_strdup ("both");
  g_autofree char *threads = NULL;
  g_autoptr(GArray) grid_list = NULL;
  g_autoptr(GArray) thread_list = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("— Cahn–Hilliard step benchmark");
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "grids", 0, 0, G_OPTION_ARG_STRING, &grids, "Grid sizes (comma-separated)", "N,…" },
    { "mobility", 0, 0, G_OPTION_ARG_STRING, &mobilities, "site, constant or both", "M" },
    { "threads", 0, 0, G_OPTION_ARG_STRING, &threads,
      "FFTW thread counts (default: 1, and all cores when there are several)", "T,…" },
    { "seconds", 0, 0, G_OPTION_ARG_DOUBLE, &opt_seconds, "Time per grid (default 2)", "S" },
    { "steps-only", 0, 0, G_OPTION_ARG_NONE, &opt_steps_only, "Skip PFHub 1a and LiFePO₄", NULL },
    { "runs-only", 0, 0, G_OPTION_ARG_NONE, &opt_runs_only, "Only PFHub 1a and LiFePO₄", NULL },
    { "tsv", 0, 0, G_OPTION_ARG_NONE, &opt_tsv, "Tab-separated lines for scripts", NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &opt_check,
      "Only print a fixed run's final time, F and field hash (to compare builds)", NULL },
    { NULL }
  };
  gboolean do_site, do_constant;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-ch: %s\n", error->message);
      return 2;
    }
  do_site = g_str_equal (mobilities, "site") || g_str_equal (mobilities, "both");
  do_constant = g_str_equal (mobilities, "constant") || g_str_equal (mobilities, "both");
  if (!do_site && !do_constant)
    {
      fprintf (stderr, "bench-ch: --mobility must be site, constant or both\n");
      return 2;
    }
  grid_list = parse_list (grids, "--grids");
  if (threads != NULL)
    thread_list = parse_list (threads, "--threads");

  sp_gsl_init ();
  if (opt_check)
    {
      check_trajectory (SP_MOBILITY_SITE_BLOCKING);
      check_trajectory (SP_MOBILITY_CONSTANT);
      return 0;
    }
  if (opt_runs_only)
    g_array_set_size (grid_list, 0);
  else if (!opt_tsv)
    {
      printf ("step kernels: %s\n", sp_ch_kernel_isa ());
      printf ("Medians of per-pair ratios, [quartiles]; CPU is the thread's at 1 FFTW thread, "
              "the process's otherwise.\n");
      printf ("grid   mobility      thr  FFTs  ms/step floor ms  ratio (wall)     "
              "cpu ms/st cpu floor ratio (CPU)      pairs  rej%%\n");
    }
  for (guint i = 0; i < grid_list->len; i++)
    {
      guint n = g_array_index (grid_list, guint, i);

      for (guint m = 0; m < 2; m++)
        {
          SpMobility mobility = m ? SP_MOBILITY_CONSTANT : SP_MOBILITY_SITE_BLOCKING;

          if (!(m ? do_constant : do_site))
            continue;
          if (thread_list != NULL)
            for (guint t = 0; t < thread_list->len; t++)
              bench_grid (n, mobility, g_array_index (thread_list, guint, t));
          else
            {
              bench_grid (n, mobility, 1);
              if (sp_fft_default_threads (n) > 1 || g_get_num_processors () > 1)
                bench_grid (n, mobility, MAX (2, sp_fft_default_threads (n)));
            }
        }
    }

  if (!opt_steps_only)
    {
      bench_pfhub ();
      bench_lifepo4 ();
    }
  return 0;
}
