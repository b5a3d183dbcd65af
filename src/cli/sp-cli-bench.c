/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-bench.c — `spinodal-cli bench`: the cost of one full recompute of
 * everything the window plots, and of one slider change (what a slider drag
 * pays per frame): a fresh sp_analysis_new() against sp_analysis_new_from()
 * the snapshot before the change, timed interleaved in the same run */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "sp-analysis.h"
#include "sp-cli-commands.h"
#include "sp-cli-options.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The median of every other element of @v (from @first), sorting them. */
static double
median_of_every_other (double *v,
                       guint   n,
                       guint   first)
{
  g_autofree double *w = g_new (double, n / 2 + 1);
  guint m = 0;

  for (guint i = first; i < n; i += 2)
    w[m++] = v[i];
  qsort (w, m, sizeof (double), compare_doubles);
  return w[m / 2];
}

/* @model with one slider moved by a step of about 1 %. */
static const char *
slider_change (const SpModel *model,
               guint          which,
               SpModel       *changed)
{
  static const char *names[] = {
    "omega", "temperature", "s1", "stiffness", "kappa", "L1", "L2", "L3", "L4",
    "d0", "v0", "c0", "mobility",
  };
  double *fields[] = {
    &changed->omega, &changed->temperature, &changed->s1, &changed->stiffness,
    &changed->kappa, &changed->rk[0], &changed->rk[1], &changed->rk[2], &changed->rk[3],
    &changed->d0, &changed->v0, &changed->c0,
  };

  *changed = *model;
  if (which >= G_N_ELEMENTS (names))
    return NULL;
  if (which == G_N_ELEMENTS (fields))
    changed->mobility = model->mobility == SP_MOBILITY_CONSTANT ? SP_MOBILITY_SITE_BLOCKING
                                                                : SP_MOBILITY_CONSTANT;
  else if (which == 1)
    *fields[which] += 1.0;                       /* one kelvin */
  else if (*fields[which] == 0.0)
    *fields[which] = which == 2 ? 0.05 : 1.0;    /* s1 in k_B, the rest in meV */
  else
    *fields[which] *= which == 11 && *fields[which] > 0.9 ? 0.99 : 1.01;   /* c0 < 1 */
  return names[which];
}

/* Each slider in turn, moved back and forth: every change timed once as a
 * fresh recompute and once built from the snapshot before it. */
static void
bench_sliders (const SpModel *model,
               guint          runs)
{
  g_autofree double *fresh = g_new (double, 2 * runs);
  g_autofree double *incremental = g_new (double, 2 * runs);
  SpModel changed;
  const char *name;
  double worst = 0.0;

  printf ("one slider change (%u each way): fresh, incremental (mean of both ways' medians), ratio\n",
          runs);
  for (guint which = 0; (name = slider_change (model, which, &changed)) != NULL; which++)
    {
      g_autoptr(SpAnalysis) at_model = sp_analysis_new (model);
      g_autoptr(SpAnalysis) at_changed = sp_analysis_new (&changed);
      double f, inc;

      if (!sp_model_validate (&changed, NULL))
        continue;
      for (guint i = 0; i < 2 * runs; i++)
        {
          /* Forth (model → changed) and back, alternating. */
          const SpModel *to = i % 2 ? model : &changed;
          SpAnalysis *from = i % 2 ? at_changed : at_model;
          gint64 t0, t1;

          /* Each result is dropped before the next is timed, so both find
           * the allocator in the same state. */
          t0 = g_get_monotonic_time ();
          sp_analysis_unref (sp_analysis_new (to));
          t1 = g_get_monotonic_time ();
          fresh[i] = (t1 - t0) / 1000.0;

          t0 = g_get_monotonic_time ();
          sp_analysis_unref (sp_analysis_new_from (from, to));
          t1 = g_get_monotonic_time ();
          incremental[i] = (t1 - t0) / 1000.0;
        }
      /* A change and its reverse can cost very differently (a model
       * whose phase diagram needs more Newton restarts): the mean of the
       * two directions' medians. */
      f = 0.5 * (median_of_every_other (fresh, 2 * runs, 0) +
                 median_of_every_other (fresh, 2 * runs, 1));
      inc = 0.5 * (median_of_every_other (incremental, 2 * runs, 0) +
                   median_of_every_other (incremental, 2 * runs, 1));
      worst = MAX (worst, inc);
      printf ("  %-12s %8.3f ms %8.3f ms  %6.1f×\n", name, f, inc, f / MAX (inc, 1e-3));
    }
  printf ("slowest single slider change: %.3f ms\n", worst);
}

int
sp_cli_bench (int    argc,
              char **argv)
{
  g_autoptr(SpCliModelOptions) opts = sp_cli_model_options_new ();
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree double *ms = NULL;
  g_autofree char *runs_text = NULL;
  guint64 runs = 200;
  /* A string, not G_OPTION_ARG_INT (which takes "0x10" and " 5"): every
   * integer flag is parsed the same way (issue 11). */
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_STRING, &runs_text, N_("Number of timed recomputes (1–100000)"), N_("N") },
    { NULL }
  };
  SpModel model;
  double sum = 0.0;

  g_option_context_set_summary (context,
    _("Time one full recompute of every analysis plot: 512-point g, μ, OCV and\n"
      "D_chem curves, the 200-row phase diagram and the 256-point dispersion.\n\n"
      "Example:\n"
      "  spinodal-cli bench --preset lifepo4 --runs 500"));
  g_option_context_set_description (context,
    _("Then each slider in turn is moved by about a hundredth and back, and every change\n"
      "is timed as a fresh recompute and as one that keeps what the change leaves\n"
      "alone (the phase diagram after a c0 change, for instance)."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, sp_cli_model_options_group (opts));
  if (!sp_cli_parse (context, "bench", &argc, &argv))
    return SP_CLI_EXIT_USAGE;
  if (runs_text != NULL && !sp_cli_parse_integer ("--runs", runs_text, 1, 100000, &runs, &error))
    {
      g_printerr ("spinodal-cli bench: %s\n", error->message);
      return SP_CLI_EXIT_USAGE;
    }
  if (!sp_cli_model_options_resolve (opts, &model, &error))
    {
      g_printerr ("spinodal-cli bench: %s\n", error->message);
      return SP_CLI_EXIT_USAGE;
    }

  /* One untimed run warms the caches and the lazily built hull grid. */
  sp_analysis_unref (sp_analysis_new (&model));

  ms = g_new (double, runs);
  for (guint64 i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      SpAnalysis *analysis = sp_analysis_new (&model);

      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      sum += ms[i];
      sp_analysis_unref (analysis);
    }
  qsort (ms, runs, sizeof (double), compare_doubles);

  printf ("full analysis recompute (%u runs): min %.3f ms, median %.3f ms, "
          "mean %.3f ms, max %.3f ms\n",
          (guint) runs, ms[0], ms[runs / 2], sum / runs, ms[runs - 1]);
  bench_sliders (&model, (guint) MIN (runs, 1000));
  return SP_CLI_EXIT_OK;
}
