/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-rate-sweep.c — `spinodal-cli rate-sweep`: the driven particle
 * filled and emptied at a ladder of C-rates; the contrast at c̄ = ½, the
 * voltage gap, the critical rate and its linear-stability estimate, as a
 * table or as one JSON object */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "sp-cli-commands.h"
#include "sp-cli-options.h"
#include "sp-cli-rate-sweep.h"
#include "sp-drive.h"
#include "sp-fft-size.h"
#include "sp-json.h"

static const SpParamRange k0_range    = { "k0", "1/s", SP_DRIVE_K0_MIN, SP_DRIVE_K0_MAX,
                                          FALSE, FALSE };
static const SpParamRange alpha_range = { "alpha", "", 0.0, 1.0, TRUE, TRUE };
static const SpParamRange noise_range = { "noise", "", 0.0, 0.5, TRUE, TRUE };
static const SpParamRange tol_range   = { "tolerance", "", 0.0, 0.5, TRUE, TRUE };

void
sp_cli_sweep_flags_add (SpCliSweepFlags *flags,
                        GOptionContext  *context)
{
  const GOptionEntry entries[] = {
    { "c-rates", 0, 0, G_OPTION_ARG_STRING, &flags->c_rates,
      N_("Rate sweep: the C-rates to run, comma-separated, e.g. 0.01,0.1,1,10 (1/h; default: "
         "seven half-decades around the estimated critical rate)"), N_("LIST") },
    { "k0", 0, 0, G_OPTION_ARG_STRING, &flags->k0,
      N_("Rate sweep: the reaction's exchange rate k₀ in 1/s (default 1)"), N_("K") },
    { "alpha", 0, 0, G_OPTION_ARG_STRING, &flags->alpha,
      N_("Rate sweep: the transfer coefficient α in (0, 1) (default 0.5)"), N_("A") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

void
sp_cli_sweep_flags_clear (SpCliSweepFlags *flags)
{
  g_clear_pointer (&flags->c_rates, g_free);
  g_clear_pointer (&flags->k0, g_free);
  g_clear_pointer (&flags->alpha, g_free);
}

gboolean
sp_cli_sweep_flags_given (const SpCliSweepFlags *flags)
{
  return flags->c_rates != NULL || flags->k0 != NULL || flags->alpha != NULL;
}

typedef struct
{
  const char *command;
  gint64      start, last_report;
  const double *rates;
} Progress;

static void
report_progress (guint    rate_index,
                 guint    n_rates,
                 double   fraction,
                 gpointer user_data)
{
  Progress *p = user_data;
  gint64 now = g_get_monotonic_time ();

  if (now - p->last_report < 2 * G_USEC_PER_SEC)
    return;
  p->last_report = now;
  g_printerr (_("%s: %gC (%u of %u), %.0f %% done, %.0f s\n"), p->command,
              p->rates[rate_index], rate_index + 1, n_rates, 100.0 * fraction,
              (now - p->start) / (double) G_USEC_PER_SEC);
}

SpRateSweepResult *
sp_cli_sweep_run (const SpCliSweepFlags *flags,
                  SpChParams            *params,
                  const char            *command,
                  gboolean              *usage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rates = NULL;
  SpRateSweepResult *result;
  Progress progress;

  *usage = TRUE;
  if ((flags->k0 != NULL &&
       !sp_cli_parse_number ("--k0", flags->k0, &k0_range, &params->drive.k0, &error)) ||
      (flags->alpha != NULL &&
       !sp_cli_parse_number ("--alpha", flags->alpha, &alpha_range, &params->drive.alpha, &error)))
    {
      g_printerr ("spinodal-cli %s: %s\n", command, error->message);
      return NULL;
    }
  if (flags->c_rates != NULL)
    {
      if (!sp_rate_sweep_parse_rates (flags->c_rates, &rates, &error))
        {
          g_printerr ("spinodal-cli %s: %s\n", command, error->message);
          return NULL;
        }
    }
  else
    {
      SpRateSweepEstimate estimate;

      sp_rate_sweep_estimate (params, &estimate);
      rates = sp_rate_sweep_default_rates (&estimate);
    }

  *usage = FALSE;
  progress.command = command;
  progress.start = progress.last_report = g_get_monotonic_time ();
  progress.rates = (const double *) rates->data;
  result = sp_rate_sweep_run (params, (const double *) rates->data, rates->len,
                              report_progress, &progress, NULL, &error);
  if (result == NULL)
    g_printerr ("spinodal-cli %s: %s\n", command, error->message);
  return result;
}

/* "3.2C", or a sentence when the runs do not bracket it. */
static char *
describe_critical (const SpRateSweepResult *r)
{
  switch (r->critical_kind)
    {
    case SP_RATE_SWEEP_CRITICAL_FOUND:
      return g_strdup_printf ("%.3gC", r->critical_c_rate);
    case SP_RATE_SWEEP_CRITICAL_ABOVE:
      return g_strdup_printf (_("above %gC (every rate split into two phases)"),
                              r->points[r->n_points - 1].c_rate);
    case SP_RATE_SWEEP_CRITICAL_BELOW:
      return g_strdup_printf (_("below %gC (no rate split into two phases)"), r->points[0].c_rate);
    case SP_RATE_SWEEP_CRITICAL_NONE:
    default:
      return g_strdup (_("none (c̄ = ½ lies in no miscibility gap)"));
    }
}

static void
print_table (const SpRateSweepResult *r)
{
  g_autofree char *critical = describe_critical (r);

  printf ("%s\n", _("C-rate (1/h)  contrast  V discharge (V)  V charge (V)  gap (mV)  "
                    "estimate (e-folds)  steps  time (s)"));
  for (guint i = 0; i < r->n_points; i++)
    {
      const SpRateSweepPoint *p = &r->points[i];

      printf ("%12.4g  %8.4f  %15.5f  %12.5f  %8.2f  %18.2f  %5" PRIu64 "  %8.2f\n",
              p->c_rate, p->contrast, p->v_discharge, p->v_charge, 1000.0 * p->voltage_gap,
              p->gain, (uint64_t) p->steps, p->seconds);
    }
  printf (_("Contrast counted as two phases: ≥ %.4g (half the gap %.4g … %.4g)\n"),
          r->estimate.threshold, r->c_alpha, r->c_beta);
  printf (_("Critical C-rate (runs): %s\n"), critical);
  if (isfinite (r->estimate.critical_c_rate))
    printf (_("Critical C-rate (linear-stability estimate): %.3gC (%.2f e-folds needed)\n"),
            r->estimate.critical_c_rate, r->estimate.e_folds);
  else
    printf ("%s\n", _("Critical C-rate (linear-stability estimate): none in range"));
  printf (_("%u runs on %u × %u in %.1f s\n"), r->n_points, r->params.n, r->params.n, r->seconds);
}

int
sp_cli_rate_sweep (int    argc,
                   char **argv)
{
  g_autoptr(SpCliModelOptions) model_opts = sp_cli_model_options_new ();
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpRateSweepResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *grid = NULL, *seed = NULL, *noise = NULL, *tolerance = NULL;
  SpCliSweepFlags flags = { 0 };
  gboolean json = FALSE, usage;
  SpChParams params;
  SpModel model;
  guint64 n = SP_RATE_SWEEP_DEFAULT_GRID, seed_value = 1;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object: each rate's numbers, critical_c_rate and "
         "estimated_critical_c_rate"), NULL },
    { "grid", 0, 0, G_OPTION_ARG_STRING, &grid,
      N_("Grid points per side [16, 512] (default 64, which runs in seconds)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed,
      N_("Seed of the initial noise, 0 … 2⁶⁴−1 (default 1)"), N_("S") },
    { "noise", 0, 0, G_OPTION_ARG_STRING, &noise,
      N_("Amplitude of the initial noise around c_lo = 0.02, (0, 0.5) (default 0.01)"), N_("A") },
    { "tolerance", 0, 0, G_OPTION_ARG_STRING, &tolerance,
      N_("Local error allowed per time step (0, 0.5) (default 0.001)"), N_("TOL") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    _("Fill the driven particle galvanostatically from c = 0.02 to 0.98 and empty it back\n"
      "to ½ at each C-rate; report the field's contrast and the charge–discharge voltage\n"
      "gap at c̄ = ½, the critical rate above which it fills as a solid solution, and the\n"
      "linear-stability estimate of that rate.\n\n"
      "Examples:\n"
      "  spinodal-cli rate-sweep --preset lifepo4 --c-rates 0.01,0.1,1,10\n"
      "  spinodal-cli rate-sweep --preset textbook --k0 10 --json"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  sp_cli_sweep_flags_add (&flags, context);
  g_option_context_add_group (context, sp_cli_model_options_group (model_opts));
  if (!sp_cli_parse (context, "rate-sweep", &argc, &argv))
    {
      sp_cli_sweep_flags_clear (&flags);
      return SP_CLI_EXIT_USAGE;
    }

  if (!sp_cli_model_options_resolve (model_opts, &model, &error) ||
      (grid != NULL && !sp_cli_parse_integer ("--grid", grid, 16, 512, &n, &error)) ||
      (seed != NULL && !sp_cli_parse_integer ("--seed", seed, 0, G_MAXUINT64, &seed_value, &error)))
    {
      g_printerr ("spinodal-cli rate-sweep: %s\n", error->message);
      sp_cli_sweep_flags_clear (&flags);
      return SP_CLI_EXIT_USAGE;
    }
  if (!sp_fft_is_good_size ((guint) n))
    {
      guint good = sp_fft_good_size ((guint) n);

      g_printerr (_("spinodal-cli %s: note: grid %u has a prime factor above 7, which makes "
                    "every transform several times slower; using %u instead\n"),
                  "rate-sweep", (guint) n, good);
      n = good;
    }
  sp_rate_sweep_params_init (&params, &model, (guint) n);
  params.seed = seed_value;
  if ((noise != NULL && !sp_cli_parse_number ("--noise", noise, &noise_range, &params.noise, &error)) ||
      (tolerance != NULL &&
       !sp_cli_parse_number ("--tolerance", tolerance, &tol_range, &params.tolerance, &error)))
    {
      g_printerr ("spinodal-cli rate-sweep: %s\n", error->message);
      sp_cli_sweep_flags_clear (&flags);
      return SP_CLI_EXIT_USAGE;
    }

  result = sp_cli_sweep_run (&flags, &params, "rate-sweep", &usage);
  sp_cli_sweep_flags_clear (&flags);
  if (result == NULL)
    return usage ? SP_CLI_EXIT_USAGE : SP_CLI_EXIT_FAILURE;

  if (json)
    {
      g_autoptr(JsonNode) root = sp_rate_sweep_result_to_json (result);
      g_autofree char *text = sp_json_to_data (root, 2, NULL);

      printf ("%s\n", text);
    }
  else
    print_table (result);
  return SP_CLI_EXIT_OK;
}
