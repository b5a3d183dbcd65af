/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-msd.c — `spinodal-cli msd`: tracer and collective diffusion
 * coefficients from an MD trajectory, each with an error one can defend
 * (GLS with the MSD's covariance beside block averaging), the Haven ratio,
 * σ by Nernst–Einstein and the Green–Kubo cross-check, as a table or one
 * line of JSON */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sp-cli-commands.h"
#include "sp-cli-options.h"
#include "sp-cli-traj-options.h"
#include "sp-diffusion.h"
#include "sp-json.h"
#include "sp-msd.h"
#include "sp-traj-read.h"

#define COMMAND "spinodal-cli msd"

/* "a,b" or "a,b,c,…": @count positive finite numbers. */
static gboolean
parse_numbers (const char *flag,
               const char *text,
               guint       min_count,
               guint       max_count,
               double     *values,
               guint      *count)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  guint n = g_strv_length (parts);

  if (n < min_count || n > max_count)
    {
      g_printerr (_("%s: %s: expected %u to %u comma-separated numbers, found %u\n"),
                  COMMAND, flag, min_count, max_count, n);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *field = g_strstrip (g_strdup (parts[i]));
      char *end = NULL;

      values[i] = g_ascii_strtod (field, &end);
      if (*field == '\0' || *end != '\0' || !isfinite (values[i]) || !(values[i] > 0))
        {
          g_printerr (_("%s: %s: “%s” is not a positive number\n"), COMMAND, flag, parts[i]);
          return FALSE;
        }
    }
  *count = n;
  return TRUE;
}

static void
add_line (JsonBuilder           *builder,
          const char            *key,
          const SpDiffusionLine *line)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_object (builder);
  sp_json_builder_add_number (builder, "d_cm2_s", line->d_cm2_s);
  sp_json_builder_add_number (builder, "d_stderr_cm2_s", line->d_stderr_cm2_s);
  sp_json_builder_add_number (builder, "intercept_angstrom2", line->intercept_a2);
  sp_json_builder_add_number (builder, "intercept_stderr_angstrom2", line->intercept_stderr_a2);
  sp_json_builder_add_number (builder, "chi2_dof", line->chi2_dof);
  sp_json_builder_add_number (builder, "non_gaussian_g", line->non_gaussian_g);
  json_builder_set_member_name (builder, "n_points");
  json_builder_add_int_value (builder, line->n_points);
  sp_json_builder_add_number (builder, "ols_d_cm2_s", line->ols_d_cm2_s);
  sp_json_builder_add_number (builder, "ols_stderr_cm2_s", line->ols_stderr_cm2_s);
  json_builder_end_object (builder);
}

static void
add_blocks (JsonBuilder          *builder,
            const char           *key,
            const SpBlockAverage *blocks)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_object (builder);
  sp_json_builder_add_number (builder, "d_cm2_s", blocks->d_cm2_s);
  sp_json_builder_add_number (builder, "d_stderr_cm2_s", blocks->stderr_cm2_s);
  sp_json_builder_add_number (builder, "model_stderr_cm2_s", blocks->model_stderr_cm2_s);
  json_builder_set_member_name (builder, "n_blocks");
  json_builder_add_int_value (builder, blocks->n_blocks);
  json_builder_set_member_name (builder, "chosen_level");
  json_builder_add_int_value (builder, blocks->chosen_level);
  json_builder_set_member_name (builder, "plateau");
  json_builder_add_boolean_value (builder, blocks->plateau);
  sp_json_builder_add_number (builder, "window_t1_ps", blocks->t1_ps);
  json_builder_set_member_name (builder, "level_stderr_cm2_s");
  json_builder_begin_array (builder);
  for (guint l = 0; l < blocks->n_levels; l++)
    json_builder_add_double_value (builder, blocks->level_stderr[l]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static char *
to_json (const SpTrajectory *t,
         const SpDiffusion  *d,
         gboolean            suggested)
{
  static const char *const axis_keys[3][2] = {
    { "d_xx_cm2_s", "d_xx_stderr_cm2_s" },
    { "d_yy_cm2_s", "d_yy_stderr_cm2_s" },
    { "d_zz_cm2_s", "d_zz_stderr_cm2_s" },
  };
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *reason = sp_diffusion_trust_reason (d);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, t->name);
  json_builder_set_member_name (builder, "species");
  json_builder_add_string_value (builder, t->species);
  json_builder_set_member_name (builder, "n_ions");
  json_builder_add_int_value (builder, t->n_ions);
  json_builder_set_member_name (builder, "n_frames");
  json_builder_add_int_value (builder, t->n_frames);
  sp_json_builder_add_number (builder, "dt_ps", t->dt_ps);
  sp_json_builder_add_number (builder, "window_t0_ps", d->t0_ps);
  sp_json_builder_add_number (builder, "window_t1_ps", d->t1_ps);
  json_builder_set_member_name (builder, "window_suggested");
  json_builder_add_boolean_value (builder, suggested);
  sp_json_builder_add_number (builder, "d_star_cm2_s", d->d_star_cm2_s);
  sp_json_builder_add_number (builder, "d_star_stderr_cm2_s", d->d_star_stderr_cm2_s);
  for (guint a = 0; a < 3; a++)
    {
      sp_json_builder_add_number (builder, axis_keys[a][0], d->axis[a].d_cm2_s);
      sp_json_builder_add_number (builder, axis_keys[a][1], d->axis[a].d_stderr_cm2_s);
    }
  sp_json_builder_add_number (builder, "d_sigma_cm2_s", d->d_sigma_cm2_s);
  sp_json_builder_add_number (builder, "d_sigma_stderr_cm2_s", d->d_sigma_stderr_cm2_s);
  sp_json_builder_add_number (builder, "haven_ratio", d->haven_ratio);
  sp_json_builder_add_number (builder, "haven_ratio_stderr", d->haven_ratio_stderr);
  sp_json_builder_add_number (builder, "temperature_k", d->temperature_k);
  sp_json_builder_add_number (builder, "charge", d->charge);
  sp_json_builder_add_number (builder, "density_cm3", d->density_cm3);
  if (isfinite (d->sigma_s_cm))
    {
      sp_json_builder_add_number (builder, "sigma_s_cm", d->sigma_s_cm);
      sp_json_builder_add_number (builder, "sigma_stderr_s_cm", d->sigma_stderr_s_cm);
    }
  json_builder_set_member_name (builder, "trusted");
  json_builder_add_string_value (builder, sp_diffusion_trust_to_string (d->trusted));
  json_builder_set_member_name (builder, "trust_reason");
  json_builder_add_string_value (builder, reason);
  add_line (builder, "gls", &d->star);
  add_line (builder, "gls_sigma", &d->sigma);
  add_blocks (builder, "block_averaging", &d->star_blocks);
  add_blocks (builder, "block_averaging_sigma", &d->sigma_blocks);
  json_builder_set_member_name (builder, "green_kubo");
  json_builder_begin_object (builder);
  sp_json_builder_add_number (builder, "d_cm2_s", d->gk_cm2_s);
  sp_json_builder_add_number (builder, "d_stderr_cm2_s", d->gk_stderr_cm2_s);
  sp_json_builder_add_number (builder, "cutoff_ps", d->gk_cutoff_ps);
  json_builder_set_member_name (builder, "n_blocks");
  json_builder_add_int_value (builder, d->gk_blocks);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return sp_json_to_data (root, 0, NULL);
}

/* @label padded to @width characters (not bytes: "Green–Kubo" and the
 * translations hold multi-byte characters). */
static char *
pad (const char *label,
     guint       width)
{
  glong n = g_utf8_strlen (label, -1);
  GString *text = g_string_new (label);

  for (glong i = n; i < (glong) width; i++)
    g_string_append_c (text, ' ');
  return g_string_free (text, FALSE);
}

static void
print_table (const SpTrajectory *t,
             const SpDiffusion  *d,
             gboolean            suggested)
{
  static const char *const axes[3] = { "D_xx", "D_yy", "D_zz" };
  g_autofree char *reason = sp_diffusion_trust_reason (d);

  /* Translators: %s species, %u ions, %u frames, %g ps, %s file. */
  printf (_("MSD of %s (%u ions, %u frames, %g ps apart) in %s\n"), t->species, t->n_ions,
          t->n_frames, t->dt_ps, t->name);
  printf (suggested ? _("Fit window %g–%g ps (suggested: log–log slope near 1, then the MSD a straight line)\n")
                    : _("Fit window %g–%g ps (given)\n"), d->t0_ps, d->t1_ps);
  printf ("\n");
  printf ("  D*        = %.5g ± %.2g cm²/s  (%s)\n", d->d_star_cm2_s, d->d_star_stderr_cm2_s,
          sp_diffusion_trust_to_string (d->trusted));
  for (guint a = 0; a < 3; a++)
    printf ("  %-9s = %.5g ± %.2g cm²/s\n", axes[a], d->axis[a].d_cm2_s,
            d->axis[a].d_stderr_cm2_s);
  printf ("  D_σ       = %.5g ± %.2g cm²/s\n", d->d_sigma_cm2_s, d->d_sigma_stderr_cm2_s);
  printf ("  H_R       = %.4g ± %.2g\n", d->haven_ratio, d->haven_ratio_stderr);
  if (isfinite (d->sigma_s_cm))
    printf (_("  σ         = %.5g ± %.2g S/cm  (Nernst–Einstein, %g K, q = %g e, n = %.4g cm⁻³)\n"),
            d->sigma_s_cm, d->sigma_stderr_s_cm, d->temperature_k, d->charge, d->density_cm3);
  else
    printf ("  %s\n", _("σ: give --temperature and --charge (and a cell) for Nernst–Einstein."));
  printf ("\n  %s\n", _("Errors of D*:"));
  g_autofree char *gls = pad (_("GLS (MSD covariance)"), 22);
  g_autofree char *blocks = pad (_("block averaging"), 22);
  g_autofree char *ols = pad (_("bare least squares"), 22);
  g_autofree char *gk = pad (_("Green–Kubo"), 22);

  printf (_("    %s %.5g ± %.2g cm²/s  (χ²/dof %.2f, %u lags)\n"), gls,
          d->star.d_cm2_s, d->star.d_stderr_cm2_s, d->star.chi2_dof, d->star.n_points);
  printf (_("    %s %.5g ± %.2g cm²/s  (%u blocks, %s)\n"), blocks,
          d->star_blocks.d_cm2_s, d->star_blocks.stderr_cm2_s, d->star_blocks.n_blocks,
          d->star_blocks.plateau ? _("plateau") : _("no plateau"));
  printf ("    %s %.5g ± %.2g cm²/s  (%s)\n", ols, d->star.ols_d_cm2_s,
          d->star.ols_stderr_cm2_s, _("too small: ignores correlated lags"));
  printf ("    %s %.5g ± %.2g cm²/s  (%s %g ps)\n", gk, d->gk_cm2_s,
          d->gk_stderr_cm2_s, _("cut-off"), d->gk_cutoff_ps);
  printf ("\n  %s\n", reason);
}

int
sp_cli_msd (int    argc,
            char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_auto (SpCliTrajOptions) traj = { 0 };
  g_autofree char *window_text = NULL;
  g_autoptr (SpTrajectory) trajectory = NULL;
  g_autoptr (SpMsd) msd = NULL;
  double temperature = NAN, charge = NAN, window[2] = { 0, 0 };
  gboolean json = FALSE, suggested = FALSE;
  SpTrajReadOptions options;
  SpDiffusion result;
  const GOptionEntry entries[] = {
    { "window", 0, 0, G_OPTION_ARG_STRING, &window_text,
      N_("Fit window T0,T1 in ps (default: suggested where the MSD is a straight line)"), N_("T0,T1") },
    { "temperature", 0, 0, G_OPTION_ARG_DOUBLE, &temperature,
      N_("Temperature for Nernst–Einstein, K (default: the file's, if it says)"), N_("K") },
    { "charge", 0, 0, G_OPTION_ARG_DOUBLE, &charge,
      N_("Charge of the mobile ion in e, e.g. 1 for Li⁺ (for Nernst–Einstein)"), N_("Z") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one line of JSON instead of a table"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
    _("Tracer diffusivity D* (total and D_xx, D_yy, D_zz), collective D_σ, the\n"
      "Haven ratio D*/D_σ and, with a temperature and a charge, σ by\n"
      "Nernst–Einstein, from the mean-squared displacement of the mobile species\n"
      "over every time origin (FFT), fitted as MSD = 6D·t + b in a window.\n\n"
      "Errors: generalised least squares with the MSD's own covariance (as\n"
      "kinisi does), block averaging (Flyvbjerg–Petersen) beside it, and the\n"
      "output says which is trusted and why; the bare least-squares error is\n"
      "shown to make the point that it is far too small.  Green–Kubo (velocity\n"
      "autocorrelation from position differences, integrated to the window's\n"
      "start) is a cross-check.\n\n"
      "Without --window the window is the longest stretch, up to a quarter of\n"
      "the run, where the log–log slope of the MSD stays within 0.2 of 1; its\n"
      "start then moves later until the MSD is a straight line by its own GLS\n"
      "fit (χ²/dof near 1, and the same D from the window starting twice as\n"
      "late), so that a short-time regime that is linear too (back-hops in a\n"
      "lattice gas, rattling in a cage) does not bias D.\n\n"
      "Exit status: 0 on success, 2 on a bad flag or a file that cannot be read\n"
      "or fitted (the message names the file, the line and the problem).\n\n"
      "Example:\n"
      "  spinodal-cli msd --trajectory md.dump --species Li --timestep-fs 2 \\\n"
      "      --temperature 600 --charge 1 --json"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  sp_cli_traj_options_add (&traj, context);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse (context, "msd", &argc, &argv))
    return SP_CLI_EXIT_USAGE;

  if (traj.path == NULL)
    {
      g_printerr ("%s: %s\n", COMMAND, _("give --trajectory FILE"));
      return SP_CLI_EXIT_USAGE;
    }
  if (!sp_cli_traj_options_resolve (&traj, COMMAND, &options))
    return SP_CLI_EXIT_USAGE;
  if (!isnan (temperature) && !(temperature > 0 && isfinite (temperature)))
    {
      g_printerr ("%s: %s\n", COMMAND, _("--temperature must be above 0 K"));
      return SP_CLI_EXIT_USAGE;
    }
  if (!isnan (charge) && !(isfinite (charge) && charge != 0))
    {
      g_printerr ("%s: %s\n", COMMAND, _("--charge must be a non-zero number of e"));
      return SP_CLI_EXIT_USAGE;
    }
  if (window_text != NULL)
    {
      guint n;

      if (!parse_numbers ("--window", window_text, 2, 2, window, &n))
        return SP_CLI_EXIT_USAGE;
      if (!(window[1] > window[0]))
        {
          g_printerr ("%s: %s\n", COMMAND, _("--window: T1 must be later than T0"));
          return SP_CLI_EXIT_USAGE;
        }
    }
  options.charge = charge;
  trajectory = sp_traj_read_file (traj.path, &options, NULL, NULL, NULL, &error);
  if (trajectory == NULL)
    {
      g_printerr ("%s: %s\n", COMMAND, error->message);
      return SP_CLI_EXIT_USAGE;
    }
  if (!isnan (temperature))
    trajectory->temperature_k = temperature;
  if (!isnan (charge))
    trajectory->charge = charge;

  msd = sp_msd_compute (trajectory, 0, NULL, &error);
  if (msd == NULL)
    {
      g_printerr ("%s: %s: %s\n", COMMAND, trajectory->name, error->message);
      return SP_CLI_EXIT_USAGE;
    }
  if (window_text == NULL)
    {
      if (!sp_diffusion_suggest_window (trajectory, msd, &window[0], &window[1]))
        {
          g_printerr ("%s: %s: %s\n", COMMAND, trajectory->name,
                      _("no diffusive window: the MSD's log–log slope never stays near 1 "
                        "over a factor of 2 in time; give --window T0,T1"));
          return SP_CLI_EXIT_USAGE;
        }
      suggested = TRUE;
    }
  if (!sp_diffusion_fit (trajectory, msd, window[0], window[1], &result, &error))
    {
      g_printerr ("%s: %s: %s\n", COMMAND, trajectory->name, error->message);
      return SP_CLI_EXIT_USAGE;
    }
  if (json)
    {
      g_autofree char *text = to_json (trajectory, &result, suggested);

      printf ("%s\n", text);
    }
  else
    print_table (trajectory, &result, suggested);
  return SP_CLI_EXIT_OK;
}
