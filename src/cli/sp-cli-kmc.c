/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-kmc.c — `spinodal-cli kmc`: a lattice kinetic Monte Carlo run,
 * its diffusion coefficients with standard errors, and optionally the
 * carriers' unwrapped trajectory as extended XYZ
 *
 * The estimates here are deliberately plain (the `msd` command does the
 * full analysis on the written trajectory): over a lag τ of a tenth of the
 * run, D_αα = ⟨Δx_α²⟩/(2τ) per axis, D* = ⟨|Δr|²⟩/(6τ) and D_σ =
 * ⟨|ΔΣr|²⟩/(6Nτ), each averaged over every frame as a time origin; the
 * standard error from the scatter of the ten disjoint windows of length τ
 * (conservative: the overlapping origins average better than that).  Once
 * each carrier hops many times per window, the early correlated hops no
 * longer bias D*.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "sp-arrhenius.h"
#include "sp-cli-commands.h"
#include "sp-cli-options.h"
#include "sp-json.h"
#include "sp-kmc.h"
#include "sp-traj-read.h"

#define COMMAND "kmc"
#define N_WINDOWS 10
#define ELEMENTARY_CHARGE_C 1.602176634e-19

typedef struct
{
  char    *values[SP_KMC_N_PARAMS];
  char    *size;
  char    *blocking;
  char    *seed;
  char    *steps;
  char    *duration;
  char    *warmup;
  char    *frames;
  char    *output;
  gboolean json;
} Flags;

static void
flags_clear (Flags *flags)
{
  for (guint k = 0; k < SP_KMC_N_PARAMS; k++)
    g_free (flags->values[k]);
  g_free (flags->size);
  g_free (flags->blocking);
  g_free (flags->seed);
  g_free (flags->steps);
  g_free (flags->duration);
  g_free (flags->warmup);
  g_free (flags->frames);
  g_free (flags->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Flags, flags_clear)

/* The flag of each real-valued parameter. */
static const char *const param_flags[SP_KMC_N_PARAMS] = {
  [SP_KMC_PARAM_CARRIER_FRACTION] = "--carrier-fraction",
  [SP_KMC_PARAM_BARRIER] = "--barrier",
  [SP_KMC_PARAM_BARRIER_Z] = "--barrier-z",
  [SP_KMC_PARAM_ATTEMPT] = "--attempt-frequency",
  [SP_KMC_PARAM_TEMPERATURE] = "--temperature",
  [SP_KMC_PARAM_BLOCKED_FRACTION] = "--blocked",
  [SP_KMC_PARAM_DISORDER] = "--disorder",
  [SP_KMC_PARAM_SPACING] = "--spacing",
};

/* The process's CPU time, s: on a shared machine the wall clock also
 * counts the time others had the core. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
    return NAN;
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static void
fail (const char *message)
{
  g_printerr ("spinodal-cli " COMMAND ": %s\n", message);
}

typedef struct
{
  double mean, stderr_;
} Estimate;

typedef struct
{
  Estimate axis[3];      /* D_xx, D_yy, D_zz, cm²/s  */
  Estimate d_star;
  Estimate d_sigma;
  Estimate haven;
  Estimate sigma;        /* S/cm                    */
  double   lag_ps;
} Results;

/* Mean and standard error of @n window values. */
static Estimate
from_windows (const double *values,
              double        mean)
{
  double var = 0.0;

  for (guint w = 0; w < N_WINDOWS; w++)
    var += (values[w] - mean) * (values[w] - mean);
  return (Estimate) { mean, sqrt (var / (N_WINDOWS - 1) / N_WINDOWS) };
}

/* Squared displacements over @lag frames starting at @f0: per axis of
 * every carrier summed into @tracer[3], of the sum into @collective. */
static void
displacements (const SpTrajectory *t,
               guint               f0,
               guint               lag,
               double              tracer[3],
               double             *collective)
{
  double sum[3] = { 0.0, 0.0, 0.0 };

  for (guint i = 0; i < t->n_ions; i++)
    {
      const double *a = sp_trajectory_position (t, f0, i);
      const double *b = sp_trajectory_position (t, f0 + lag, i);

      for (guint k = 0; k < 3; k++)
        {
          tracer[k] += (b[k] - a[k]) * (b[k] - a[k]);
          sum[k] += b[k] - a[k];
        }
    }
  *collective += sum[0] * sum[0] + sum[1] * sum[1] + sum[2] * sum[2];
}

static void
estimate (const SpTrajectory *t,
          Results            *r)
{
  guint lag = (t->n_frames - 1) / N_WINDOWS;
  double tau_s = lag * t->dt_ps * 1e-12;
  /* Å² → cm². */
  double to_cm2 = 1e-16;
  double all_tracer[3] = { 0 }, all_collective = 0.0;
  double win_axis[3][N_WINDOWS], win_star[N_WINDOWS], win_sigma[N_WINDOWS];
  guint n_origins = t->n_frames - lag;
  double n = t->n_ions, volume_cm3, kt_ev;

  r->lag_ps = lag * t->dt_ps;
  for (guint f = 0; f < n_origins; f++)
    displacements (t, f, lag, all_tracer, &all_collective);
  for (guint w = 0; w < N_WINDOWS; w++)
    {
      double tracer[3] = { 0 }, collective = 0.0;

      displacements (t, w * lag, lag, tracer, &collective);
      for (guint k = 0; k < 3; k++)
        win_axis[k][w] = tracer[k] / n / (2.0 * tau_s) * to_cm2;
      win_star[w] = (tracer[0] + tracer[1] + tracer[2]) / n / (6.0 * tau_s) * to_cm2;
      win_sigma[w] = collective / n / (6.0 * tau_s) * to_cm2;
    }
  for (guint k = 0; k < 3; k++)
    r->axis[k] = from_windows (win_axis[k], all_tracer[k] / n / n_origins / (2.0 * tau_s) * to_cm2);
  r->d_star = from_windows (win_star, (all_tracer[0] + all_tracer[1] + all_tracer[2]) / n /
                                      n_origins / (6.0 * tau_s) * to_cm2);
  r->d_sigma = from_windows (win_sigma, all_collective / n / n_origins / (6.0 * tau_s) * to_cm2);

  r->haven.mean = r->d_star.mean / r->d_sigma.mean;
  r->haven.stderr_ = fabs (r->haven.mean) * hypot (r->d_star.stderr_ / r->d_star.mean,
                                                   r->d_sigma.stderr_ / r->d_sigma.mean);
  /* Nernst–Einstein with D_σ: σ = n e² D_σ/(k_B T), n per cm³. */
  volume_cm3 = t->cell[0] * t->cell[4] * t->cell[8] * 1e-24;
  kt_ev = SP_BOLTZMANN_EV_PER_K * t->temperature_k;
  r->sigma.mean = n / volume_cm3 * ELEMENTARY_CHARGE_C * r->d_sigma.mean / kt_ev;
  r->sigma.stderr_ = n / volume_cm3 * ELEMENTARY_CHARGE_C * r->d_sigma.stderr_ / kt_ev;
}

static gboolean
parse_flags (const Flags  *flags,
             SpKmcParams  *params,
             guint64      *steps,
             double       *duration_s,
             guint64      *warmup,
             guint64      *frames)
{
  g_autoptr(GError) error = NULL;
  double *fields[SP_KMC_N_PARAMS] = {
    [SP_KMC_PARAM_CARRIER_FRACTION] = &params->carrier_fraction,
    [SP_KMC_PARAM_BARRIER] = &params->barrier_ev,
    [SP_KMC_PARAM_BARRIER_Z] = &params->barrier_z_ev,
    [SP_KMC_PARAM_ATTEMPT] = &params->attempt_hz,
    [SP_KMC_PARAM_TEMPERATURE] = &params->temperature_k,
    [SP_KMC_PARAM_BLOCKED_FRACTION] = &params->blocked_fraction,
    [SP_KMC_PARAM_DISORDER] = &params->disorder_ev,
    [SP_KMC_PARAM_SPACING] = &params->spacing_angstrom,
  };
  guint64 value;

  sp_kmc_params_init_default (params);
  for (guint k = 0; k < SP_KMC_N_PARAMS; k++)
    if (flags->values[k] != NULL &&
        !sp_cli_parse_number (param_flags[k], flags->values[k], sp_kmc_param_range (k),
                              fields[k], &error))
      {
        fail (error->message);
        return FALSE;
      }
  /* One barrier given: the lattice is isotropic. */
  if (flags->values[SP_KMC_PARAM_BARRIER_Z] == NULL)
    params->barrier_z_ev = params->barrier_ev;

  if (flags->size != NULL)
    {
      if (!sp_cli_parse_integer ("--size", flags->size, 2, SP_KMC_MAX_SIZE, &value, &error))
        {
          fail (error->message);
          return FALSE;
        }
      params->size = (guint) value;
    }
  if (flags->seed != NULL &&
      !sp_cli_parse_integer ("--seed", flags->seed, 0, G_MAXUINT64, &params->seed, &error))
    {
      fail (error->message);
      return FALSE;
    }
  if (flags->blocking != NULL && !sp_kmc_blocking_from_string (flags->blocking, &params->blocking))
    {
      g_autofree char *message =
        g_strdup_printf (_("--blocking: “%s” is not a kind of blocking; allowed: random, "
                           "clustered"), flags->blocking);

      fail (message);
      return FALSE;
    }

  if (flags->steps != NULL && flags->duration != NULL)
    {
      fail (_("give --steps or --duration, not both"));
      return FALSE;
    }
  *steps = 1000000;
  if (flags->steps != NULL &&
      !sp_cli_parse_integer ("--steps", flags->steps, 1, 1000000000000ull, steps, &error))
    {
      fail (error->message);
      return FALSE;
    }
  *duration_s = NAN;
  if (flags->duration != NULL)
    {
      SpParamRange range = { "duration", "s", 0.0, 1e6, TRUE, FALSE };

      if (!sp_cli_parse_number ("--duration", flags->duration, &range, duration_s, &error))
        {
          fail (error->message);
          return FALSE;
        }
    }
  *warmup = 0;
  if (flags->warmup != NULL &&
      !sp_cli_parse_integer ("--warmup", flags->warmup, 0, 1000000000000ull, warmup, &error))
    {
      fail (error->message);
      return FALSE;
    }
  *frames = 201;
  if (flags->frames != NULL &&
      !sp_cli_parse_integer ("--frames", flags->frames, 2 * N_WINDOWS + 1, 1000000, frames,
                             &error))
    {
      fail (error->message);
      return FALSE;
    }
  if (!sp_kmc_params_check (params, &error))
    {
      fail (error->message);
      return FALSE;
    }
  return TRUE;
}

static void
add_estimate (JsonBuilder *builder,
              const char  *key,
              const char  *stderr_key,
              Estimate     value)
{
  sp_json_builder_add_number (builder, key, value.mean);
  sp_json_builder_add_number (builder, stderr_key, value.stderr_);
}

static char *
axes_text (guint axes)
{
  GString *text = g_string_new (NULL);

  for (guint k = 0; k < 3; k++)
    if (axes & (1u << k))
      g_string_append_c (text, "xyz"[k]);
  return g_string_free (text, FALSE);
}

typedef struct
{
  const SpKmcParams  *params;
  SpKmc              *kmc;
  const SpTrajectory *trajectory;
  const Results      *results;
  guint64             hops;
  double              seconds;
  double              cpu_seconds;
  const char         *output;
} Report;

static double
dilute_d_cm2_s (const SpKmcParams *p)
{
  double a2 = p->spacing_angstrom * p->spacing_angstrom * 1e-16;

  return (2.0 * sp_kmc_hop_rate_hz (p) + sp_kmc_hop_rate_z_hz (p)) / 3.0 * a2;
}

static void
print_json (const Report *report)
{
  const SpKmcParams *p = report->params;
  const Results *r = report->results;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *axes = axes_text (sp_kmc_percolating_axes (report->kmc));
  const char *axis_keys[3][2] = {
    { "d_star_xx_cm2_s", "d_star_xx_stderr_cm2_s" },
    { "d_star_yy_cm2_s", "d_star_yy_stderr_cm2_s" },
    { "d_star_zz_cm2_s", "d_star_zz_stderr_cm2_s" },
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, p->size);
  sp_json_builder_add_number (builder, "carrier_fraction", p->carrier_fraction);
  sp_json_builder_add_number (builder, "barrier_ev", p->barrier_ev);
  sp_json_builder_add_number (builder, "barrier_z_ev", p->barrier_z_ev);
  sp_json_builder_add_number (builder, "attempt_hz", p->attempt_hz);
  sp_json_builder_add_number (builder, "temperature_k", p->temperature_k);
  sp_json_builder_add_number (builder, "blocked_fraction", p->blocked_fraction);
  json_builder_set_member_name (builder, "blocking");
  json_builder_add_string_value (builder, sp_kmc_blocking_to_string (p->blocking));
  sp_json_builder_add_number (builder, "disorder_ev", p->disorder_ev);
  sp_json_builder_add_number (builder, "spacing_angstrom", p->spacing_angstrom);
  json_builder_set_member_name (builder, "seed");
  /* A JSON number keeps 53 bits: the seed as text keeps all 64. */
  {
    g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, p->seed);

    json_builder_add_string_value (builder, seed);
  }
  json_builder_set_member_name (builder, "n_carriers");
  json_builder_add_int_value (builder, sp_kmc_n_carriers (report->kmc));
  json_builder_set_member_name (builder, "n_open_sites");
  json_builder_add_int_value (builder, sp_kmc_n_open_sites (report->kmc));
  sp_json_builder_add_number (builder, "carrier_density_cm3", sp_trajectory_density_cm3 (report->trajectory));
  json_builder_set_member_name (builder, "percolates");
  json_builder_add_boolean_value (builder, sp_kmc_open_sites_percolate (report->kmc));
  json_builder_set_member_name (builder, "percolating_axes");
  json_builder_add_string_value (builder, axes);
  sp_json_builder_add_number (builder, "gamma_hz", sp_kmc_hop_rate_hz (p));
  sp_json_builder_add_number (builder, "gamma_z_hz", sp_kmc_hop_rate_z_hz (p));
  sp_json_builder_add_number (builder, "d_star_gamma_a2_cm2_s", dilute_d_cm2_s (p));
  add_estimate (builder, "d_star_cm2_s", "d_star_stderr_cm2_s", r->d_star);
  for (guint k = 0; k < 3; k++)
    add_estimate (builder, axis_keys[k][0], axis_keys[k][1], r->axis[k]);
  add_estimate (builder, "d_sigma_cm2_s", "d_sigma_stderr_cm2_s", r->d_sigma);
  add_estimate (builder, "haven_ratio", "haven_ratio_stderr", r->haven);
  add_estimate (builder, "sigma_s_cm", "sigma_stderr_s_cm", r->sigma);
  sp_json_builder_add_number (builder, "lag_ps", r->lag_ps);
  json_builder_set_member_name (builder, "hops");
  json_builder_add_int_value (builder, (gint64) report->hops);
  sp_json_builder_add_number (builder, "kmc_time_s", sp_kmc_time_s (report->kmc));
  sp_json_builder_add_number (builder, "hops_per_s", report->hops / report->seconds);
  sp_json_builder_add_number (builder, "hops_per_cpu_s", report->hops / report->cpu_seconds);
  json_builder_set_member_name (builder, "frames");
  json_builder_add_int_value (builder, report->trajectory->n_frames);
  sp_json_builder_add_number (builder, "dt_ps", report->trajectory->dt_ps);
  json_builder_set_member_name (builder, "trajectory");
  if (report->output != NULL)
    json_builder_add_string_value (builder, report->output);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = sp_json_to_data (root, 0, NULL);
  printf ("%s\n", text);
}

static void
print_line (const char *label,
            Estimate    value,
            const char *unit)
{
  /* Pad by characters, not bytes (σ, ₀ and – are several bytes). */
  glong pad = MAX (0, 22 - g_utf8_strlen (label, -1));

  if (isfinite (value.mean) && isfinite (value.stderr_))
    printf ("  %s%*s %.4g ± %.2g %s\n", label, (int) pad, "", value.mean, value.stderr_, unit);
  else
    /* No hop in the run: the ratio and its error are undefined. */
    printf ("  %s%*s —\n", label, (int) pad, "");
}

static void
print_table (const Report *report)
{
  const SpKmcParams *p = report->params;
  const Results *r = report->results;
  g_autofree char *axes = axes_text (sp_kmc_percolating_axes (report->kmc));

  /* Translators: the lattice's edge three times, the spacing in Å, then
   * the number of carriers and of open sites. */
  printf (_("Lattice gas of %u × %u × %u sites (a = %g Å): %u carriers on %u open sites\n"),
          p->size, p->size, p->size, p->spacing_angstrom, sp_kmc_n_carriers (report->kmc),
          sp_kmc_n_open_sites (report->kmc));
  printf (_("Γ = %.4g Hz in the plane, %.4g Hz along z; dilute limit D* = %.4g cm²/s\n"),
          sp_kmc_hop_rate_hz (p), sp_kmc_hop_rate_z_hz (p), dilute_d_cm2_s (p));
  {
    g_autofree char *hops = g_strdup_printf ("%" G_GUINT64_FORMAT, report->hops);

    /* Translators: the number of hops, the KMC time, hops per second of
     * wall time. */
    printf (_("%s hops in %.4g s of KMC time (%.3g hops per second)\n"), hops,
            sp_kmc_time_s (report->kmc), report->hops / report->seconds);
  }
  if (sp_kmc_open_sites_percolate (report->kmc))
    printf (_("The open sites percolate (along %s).\n"), axes);
  else
    printf ("%s\n", _("The open sites do not percolate: every carrier is caged, D → 0."));
  /* Translators: %.4g is the lag in ps. */
  printf (_("Over a lag of %.4g ps, with standard errors from ten disjoint windows:\n"), r->lag_ps);
  print_line ("D*", r->d_star, "cm²/s");
  print_line ("D_xx", r->axis[0], "cm²/s");
  print_line ("D_yy", r->axis[1], "cm²/s");
  print_line ("D_zz", r->axis[2], "cm²/s");
  print_line ("D_σ", r->d_sigma, "cm²/s");
  print_line ("H_R = D*/D_σ", r->haven, "");
  print_line (_("σ (Nernst–Einstein)"), r->sigma, "S/cm");
  if (report->output != NULL)
    printf (_("Trajectory: %s (%u frames, %.4g ps apart)\n"), report->output,
            report->trajectory->n_frames, report->trajectory->dt_ps);
}

int
sp_cli_kmc (int    argc,
            char **argv)
{
  g_auto(Flags) flags = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpTrajectory) trajectory = NULL;
  SpKmcParams params;
  SpKmc *kmc;
  Results results;
  Report report;
  guint64 steps, warmup, frames;
  double duration_s, rate, t0, cpu0, seconds, cpu;
  const GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &flags.size,
      N_("Sites per edge of the periodic simple-cubic lattice [2, 64] (default 32)"), N_("N") },
    { "carrier-fraction", 0, 0, G_OPTION_ARG_STRING, &flags.values[SP_KMC_PARAM_CARRIER_FRACTION],
      N_("Carriers per open site c (0, 1] (default 0.1)"), N_("C") },
    { "barrier", 0, 0, G_OPTION_ARG_STRING, &flags.values[SP_KMC_PARAM_BARRIER],
      N_("Hop barrier E_a in x and y, eV [0, 20] (default 0.3)"), N_("EV") },
    { "barrier-z", 0, 0, G_OPTION_ARG_STRING, &flags.values[SP_KMC_PARAM_BARRIER_Z],
      N_("Hop barrier along z, eV (default: --barrier; lower for channels along z)"), N_("EV") },
    { "attempt-frequency", 0, 0, G_OPTION_ARG_STRING, &flags.values[SP_KMC_PARAM_ATTEMPT],
      N_("Attempt frequency ν, Hz (default 1e13)"), N_("HZ") },
    { "temperature", 0, 0, G_OPTION_ARG_STRING, &flags.values[SP_KMC_PARAM_TEMPERATURE],
      N_("Temperature, K (default 300)"), N_("K") },
    { "blocked", 0, 0, G_OPTION_ARG_STRING, &flags.values[SP_KMC_PARAM_BLOCKED_FRACTION],
      N_("Fraction of blocked sites [0, 1) (default 0)"), N_("P") },
    { "blocking", 0, 0, G_OPTION_ARG_STRING, &flags.blocking,
      N_("Blocked sites at random or grown into blobs"), "random|clustered" },
    { "disorder", 0, 0, G_OPTION_ARG_STRING, &flags.values[SP_KMC_PARAM_DISORDER],
      N_("Width of the Gaussian site energies, eV [0, 5] (default 0)"), N_("EV") },
    { "spacing", 0, 0, G_OPTION_ARG_STRING, &flags.values[SP_KMC_PARAM_SPACING],
      N_("Lattice spacing a, Å (default 2.5)"), N_("ANGSTROM") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &flags.seed,
      N_("Random seed: the same seed gives the same run (default 1)"), N_("N") },
    { "steps", 0, 0, G_OPTION_ARG_STRING, &flags.steps,
      N_("About this many hops: the run lasts N over the total hop rate at its start "
         "(default 1000000)"), N_("N") },
    { "duration", 0, 0, G_OPTION_ARG_STRING, &flags.duration,
      N_("Instead of --steps: the KMC time to run, s"), N_("SECONDS") },
    { "warmup", 0, 0, G_OPTION_ARG_STRING, &flags.warmup,
      N_("Hops before recording starts, to reach equilibrium (default 0)"), N_("N") },
    { "frames", 0, 0, G_OPTION_ARG_STRING, &flags.frames,
      N_("Frames recorded at even KMC times, ≥ 21 (default 201)"), N_("N") },
    { "trajectory-out", 0, 0, G_OPTION_ARG_FILENAME, &flags.output,
      N_("Write every carrier's unwrapped positions as extended XYZ (replaced atomically)"),
      N_("FILE.xyz") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &flags.json,
      N_("Print one line of JSON instead of a table"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
    _("Lattice kinetic Monte Carlo of hopping carriers (residence-time algorithm):\n"
      "a periodic simple-cubic lattice gas with a fraction of blocked sites and\n"
      "Gaussian site-energy disorder; each carrier hops to an empty neighbour at\n"
      "Γ = ν exp(−E_a/k_BT).  Prints the tracer diffusivity D* (per axis), the jump\n"
      "diffusivity D_σ, the Haven ratio and σ by Nernst–Einstein with standard\n"
      "errors, against the dilute limit D* = Γa², and whether the open sites\n"
      "percolate.\n\n"
      "Exit status: 0 on success, 1 when the trajectory cannot be written or held\n"
      "in memory, 2 on a bad flag or value.\n\n"
      "Examples:\n"
      "  spinodal-cli kmc --size 32 --carrier-fraction 0.1 --steps 10000000 --json\n"
      "  spinodal-cli kmc --barrier 0.5 --barrier-z 0.2 --trajectory-out lgps.xyz\n"
      "  spinodal-cli kmc --blocked 0.75 --blocking clustered"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse (context, COMMAND, &argc, &argv))
    return SP_CLI_EXIT_USAGE;
  if (!parse_flags (&flags, &params, &steps, &duration_s, &warmup, &frames))
    return SP_CLI_EXIT_USAGE;

  kmc = sp_kmc_new (&params, &error);
  if (kmc == NULL)
    {
      fail (error->message);
      return SP_CLI_EXIT_USAGE;
    }
  t0 = g_get_monotonic_time ();
  cpu0 = cpu_seconds ();
  sp_kmc_run_hops (kmc, warmup);
  rate = sp_kmc_total_rate_hz (kmc);
  if (isnan (duration_s))
    {
      if (!(rate > 0.0))
        {
          fail (_("no hop is possible in this lattice (every carrier's neighbours are full "
                  "or blocked): give --duration to run the clock anyway"));
          sp_kmc_free (kmc);
          return SP_CLI_EXIT_USAGE;
        }
      duration_s = steps / rate;
    }
  trajectory = sp_kmc_record (kmc, (guint) frames, duration_s / (frames - 1), NULL);
  seconds = MAX ((g_get_monotonic_time () - t0) * 1e-6, 1e-9);
  cpu = MAX (cpu_seconds () - cpu0, 1e-9);
  if (trajectory == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("%u frames of %u carriers do not fit in memory: give fewer --frames"),
                         (guint) frames, sp_kmc_n_carriers (kmc));

      fail (message);
      sp_kmc_free (kmc);
      return SP_CLI_EXIT_FAILURE;
    }
  estimate (trajectory, &results);

  if (flags.output != NULL && !sp_trajectory_write_xyz (trajectory, flags.output, &error))
    {
      fail (error->message);
      sp_kmc_free (kmc);
      return SP_CLI_EXIT_FAILURE;
    }

  report = (Report) {
    .params = &params, .kmc = kmc, .trajectory = trajectory, .results = &results,
    .hops = sp_kmc_hop_count (kmc), .seconds = seconds, .cpu_seconds = cpu,
    .output = flags.output,
  };
  if (flags.json)
    print_json (&report);
  else
    print_table (&report);
  sp_kmc_free (kmc);
  return SP_CLI_EXIT_OK;
}
