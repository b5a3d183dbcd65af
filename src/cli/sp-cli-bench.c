/* sp-cli-bench.c — `spinodal-cli bench`: the cost of one full recompute of
 * everything the window plots (what a slider drag pays per frame) */

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
  return SP_CLI_EXIT_OK;
}
