/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-qens.c — `spinodal-cli qens`: the Chudley–Elliott jump length,
 * residence time and diffusivity from QENS linewidths Γ(Q), measured (a
 * table) or computed from an MD trajectory through F_s(Q, t), as a table
 * or as one line of JSON */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sp-cli-commands.h"
#include "sp-cli-options.h"
#include "sp-cli-traj-options.h"
#include "sp-json.h"
#include "sp-qens.h"
#include "sp-traj-read.h"

#define COMMAND "spinodal-cli qens"

/* Q values tried when --q is not given (Å⁻¹). */
static const double default_q[] = { 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0 };

/* "0.2,0.4,1" → numbers, each positive and finite. */
static GArray *
parse_list (const char *flag,
            const char *text,
            guint       min_count,
            guint       max_count,
            GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *field = g_strstrip (g_strdup (parts[i]));
      char *end = NULL;
      double v = g_ascii_strtod (field, &end);

      if (*field == '\0' || *end != '\0' || !isfinite (v) || !(v > 0))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s: “%s” is not a positive number"), flag, parts[i]);
          return NULL;
        }
      g_array_append_val (values, v);
    }
  if (values->len < min_count || values->len > max_count)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: expected %u to %u comma-separated numbers, found %u"), flag,
                   min_count, max_count, values->len);
      return NULL;
    }
  return g_steal_pointer (&values);
}

typedef struct
{
  const SpTrajectory *trajectory;   /* NULL for a table */
  const SpQensGamma  *gamma;
  GArray             *skipped_q;    /* Q values whose F_s could not be fitted */
  double              max_lag_ps;
} Result;

static char *
to_json (const SpChudleyElliott *ce,
         const Result           *r)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const SpQensGamma *g = r->gamma;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, r->trajectory != NULL ? "trajectory" : "data");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, g->name);
  sp_json_builder_add_number (builder, "l_angstrom", ce->l_angstrom);
  sp_json_builder_add_number (builder, "l_stderr_angstrom", ce->l_stderr_angstrom);
  sp_json_builder_add_number (builder, "tau_ps", ce->tau_ps);
  sp_json_builder_add_number (builder, "tau_stderr_ps", ce->tau_stderr_ps);
  sp_json_builder_add_number (builder, "d_cm2_s", ce->d_cm2_s);
  sp_json_builder_add_number (builder, "d_stderr_cm2_s", ce->d_stderr_cm2_s);
  sp_json_builder_add_number (builder, "chi2", ce->chi2);
  sp_json_builder_add_number (builder, "reduced_chi2", ce->reduced_chi2);
  json_builder_set_member_name (builder, "n_points");
  json_builder_add_int_value (builder, ce->n_points);
  json_builder_set_member_name (builder, "weighted");
  json_builder_add_boolean_value (builder, ce->weighted);
  json_builder_set_member_name (builder, "stderr_from_ion_groups");
  json_builder_add_int_value (builder, ce->n_groups);
  sp_json_builder_add_number (builder, "hbar_mev_ps", SP_HBAR_MEV_PS);
  if (r->trajectory != NULL)
    {
      const SpTrajectory *t = r->trajectory;

      json_builder_set_member_name (builder, "species");
      json_builder_add_string_value (builder, t->species);
      json_builder_set_member_name (builder, "n_ions");
      json_builder_add_int_value (builder, t->n_ions);
      json_builder_set_member_name (builder, "n_frames");
      json_builder_add_int_value (builder, t->n_frames);
      sp_json_builder_add_number (builder, "dt_ps", t->dt_ps);
      sp_json_builder_add_number (builder, "max_lag_ps", r->max_lag_ps);
      sp_json_builder_add_number (builder, "fs_fit_floor", SP_QENS_FIT_FLOOR);
      json_builder_set_member_name (builder, "skipped_q_inv_angstrom");
      json_builder_begin_array (builder);
      for (guint i = 0; r->skipped_q != NULL && i < r->skipped_q->len; i++)
        json_builder_add_double_value (builder, g_array_index (r->skipped_q, double, i));
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "points");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g->n_points; i++)
    {
      json_builder_begin_object (builder);
      sp_json_builder_add_number (builder, "q_inv_angstrom", g->q[i]);
      sp_json_builder_add_number (builder, "gamma_mev", g->gamma_mev[i]);
      if (g->gamma_err_mev != NULL)
        sp_json_builder_add_number (builder, "gamma_stderr_mev", g->gamma_err_mev[i]);
      sp_json_builder_add_number (builder, "gamma_fit_mev",
                  sp_chudley_elliott_gamma_mev (g->q[i], ce->l_angstrom, ce->tau_ps));
      sp_json_builder_add_number (builder, "gamma_small_q_mev", sp_qens_small_q_gamma_mev (g->q[i], ce->d_cm2_s));
      if (g->fit_lags != NULL && r->trajectory != NULL)
        {
          sp_json_builder_add_number (builder, "fs_fit_end_ps", g->fit_lags[i] * r->trajectory->dt_ps);
          sp_json_builder_add_number (builder, "fs_amplitude", g->amplitude[i]);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return sp_json_to_data (root, 0, NULL);
}

static void
print_table (const SpChudleyElliott *ce,
             const Result           *r)
{
  const SpQensGamma *g = r->gamma;

  printf ("%s\n", _("Chudley–Elliott fit: Γ(Q) = (ħ/τ)[1 − sin(Ql)/(Ql)], D = l²/(6τ)"));
  if (r->trajectory != NULL)
    /* Translators: Γ(Q) from F_s; %s species, %u ions, %u frames, %g ps, %s file. */
    printf (_("Γ(Q) from F_s(Q, t) of %s (%u ions, %u frames, %g ps apart) in %s\n"),
            r->trajectory->species, r->trajectory->n_ions, r->trajectory->n_frames,
            r->trajectory->dt_ps, g->name);
  else
    /* Translators: %u points, %s the file name. */
    printf (_("%u points from %s\n"), g->n_points, g->name);
  printf ("\n");
  printf ("  l   = %.6g ± %.2g Å\n", ce->l_angstrom, ce->l_stderr_angstrom);
  printf ("  τ   = %.6g ± %.2g ps\n", ce->tau_ps, ce->tau_stderr_ps);
  printf ("  D   = %.6g ± %.2g cm²/s\n", ce->d_cm2_s, ce->d_stderr_cm2_s);
  printf ("  χ²  = %.4g (%s %.3g)\n", ce->chi2, _("reduced"), ce->reduced_chi2);
  if (ce->n_groups > 0)
    /* Translators: %u is the number of groups of ions. */
    printf (_("  Weights 1/err²; standard errors from the spread of the fits to %u groups of ions.\n\n"),
            ce->n_groups);
  else
    printf ("  %s\n\n", ce->weighted
                        ? _("Weights 1/err² from the Γ errors; standard errors scaled by the reduced χ².")
                        : _("Equal weights; standard errors from the scatter about the curve."));
  /* The unit strings hold multi-byte characters: the widths are set by hand. */
  printf ("  Q (Å⁻¹)    Γ (meV)      ± (meV)      %-12s ħDQ² (meV)\n", _("fit (meV)"));
  for (guint i = 0; i < g->n_points; i++)
    printf ("  %-10.4g %-12.5g %-12.3g %-12.5g %-12.5g\n", g->q[i], g->gamma_mev[i],
            g->gamma_err_mev != NULL ? g->gamma_err_mev[i] : NAN,
            sp_chudley_elliott_gamma_mev (g->q[i], ce->l_angstrom, ce->tau_ps),
            sp_qens_small_q_gamma_mev (g->q[i], ce->d_cm2_s));
  if (r->trajectory != NULL)
    {
      printf ("\n  %s\n", r->gamma->n_groups > 0
                          ? _("Γ from A·exp(−Γt/ħ) fitted to F_s while it stays above 0.1; its "
                              "error from the spread over groups of ions.")
                          : _("Γ from A·exp(−Γt/ħ) fitted to F_s while it stays above 0.1; its "
                              "standard error from the fit ignores the correlation between lags."));
      if (r->skipped_q != NULL && r->skipped_q->len > 0)
        {
          printf ("  %s", _("Skipped (F_s decays within 3 frames or not at all):"));
          for (guint i = 0; i < r->skipped_q->len; i++)
            printf (" %g", g_array_index (r->skipped_q, double, i));
          printf (" Å⁻¹\n");
        }
    }
}

int
sp_cli_qens (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(SpCliTrajOptions) traj = { 0 };
  g_autofree char *data_path = NULL, *q_text = NULL;
  g_autoptr(SpTrajectory) trajectory = NULL;
  g_autoptr(SpQensGamma) gamma = NULL;
  g_autoptr(GArray) q = NULL;
  g_autoptr(GArray) skipped = g_array_new (FALSE, FALSE, sizeof (double));
  double max_lag_ps = 0;
  gboolean json = FALSE;
  SpChudleyElliott ce;
  Result result = { 0 };
  const GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_path,
      N_("Table of Q (Å⁻¹), Γ (meV, HWHM) and optionally Γ’s error"), N_("FILE") },
    { "q", 0, 0, G_OPTION_ARG_STRING, &q_text,
      N_("Q values for F_s, Å⁻¹ (default 0.2,0.4,…,2.0)"), N_("LIST") },
    { "max-lag-ps", 0, 0, G_OPTION_ARG_DOUBLE, &max_lag_ps,
      N_("Longest time lag of F_s, ps (default half the trajectory)"), N_("PS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one line of JSON instead of a table"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
    _("The jump length l, residence time τ and diffusivity D = l²/(6τ), each ±\n"
      "standard error, from a weighted Chudley–Elliott fit of QENS linewidths:\n"
      "Γ(Q) = (ħ/τ)[1 − sin(Ql)/(Ql)], which tends to ħDQ² at small Q\n"
      "(ħ = 0.6582119569 meV·ps).\n\n"
      "--data FILE: measured linewidths, one Q (Å⁻¹), Γ (meV, half width) and\n"
      "optionally its error per line; CSV or blank-separated, # comments; a\n"
      "header saying µeV or 1/nm converts the columns.\n\n"
      "--trajectory FILE: Γ(Q) from the self intermediate scattering function\n"
      "F_s(Q, t) = ⟨sin(Q|Δr|)/(Q|Δr|)⟩ of the mobile species (all ions, all time\n"
      "origins), fitted by A·exp(−Γt/ħ) while F_s stays above 0.1.  Needs\n"
      "--species and --timestep-fs.  Positions are unwrapped (image flags or\n"
      "minimum-image steps) and the framework's drift is removed.  Without --q,\n"
      "Q values whose F_s decays within 3 frames are skipped and listed.\n\n"
      "Exit status: 0 on success, 2 on a bad flag or a file that cannot be read\n"
      "or fitted (the message names the file, the line and the problem).\n\n"
      "Examples:\n"
      "  spinodal-cli qens --data llzo-qens.csv\n"
      "  spinodal-cli qens --trajectory md.dump --species Li --timestep-fs 100 --json"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  sp_cli_traj_options_add (&traj, context);
  if (!sp_cli_parse (context, "qens", &argc, &argv))
    return SP_CLI_EXIT_USAGE;

  if ((data_path == NULL) == (traj.path == NULL))
    {
      g_printerr ("%s: %s\n", COMMAND, _("give either --data FILE or --trajectory FILE"));
      return SP_CLI_EXIT_USAGE;
    }

  if (data_path != NULL)
    {
      gamma = sp_qens_read_table (data_path, &error);
      if (gamma == NULL)
        {
          g_printerr ("%s: %s\n", COMMAND, error->message);
          return SP_CLI_EXIT_USAGE;
        }
    }
  else
    {
      SpTrajReadOptions options;
      g_autoptr(SpQensFs) fs = NULL;
      guint max_lag = 0;

      if (!sp_cli_traj_options_resolve (&traj, COMMAND, &options))
        return SP_CLI_EXIT_USAGE;
      if (q_text != NULL)
        {
          q = parse_list ("--q", q_text, 1, 1000, &error);
          if (q == NULL)
            {
              g_printerr ("%s: %s\n", COMMAND, error->message);
              return SP_CLI_EXIT_USAGE;
            }
        }
      else
        {
          q = g_array_new (FALSE, FALSE, sizeof (double));
          g_array_append_vals (q, default_q, G_N_ELEMENTS (default_q));
        }
      if (max_lag_ps < 0 || !isfinite (max_lag_ps))
        {
          g_printerr ("%s: %s\n", COMMAND, _("--max-lag-ps must be positive"));
          return SP_CLI_EXIT_USAGE;
        }

      trajectory = sp_traj_read_file (traj.path, &options, NULL, NULL, NULL, &error);
      if (trajectory == NULL)
        {
          g_printerr ("%s: %s\n", COMMAND, error->message);
          return SP_CLI_EXIT_USAGE;
        }
      if (max_lag_ps > 0)
        max_lag = MAX (1u, (guint) MIN (G_MAXUINT, floor (max_lag_ps / trajectory->dt_ps)));
      fs = sp_qens_fs_compute (trajectory, (const double *) q->data, q->len, max_lag, NULL, &error);
      if (fs == NULL)
        {
          g_printerr ("%s: %s: %s\n", COMMAND, trajectory->name, error->message);
          return SP_CLI_EXIT_USAGE;
        }
      if (q_text != NULL)
        gamma = sp_qens_gamma_from_fs (fs, &error);
      else
        gamma = sp_qens_gamma_from_fs_skipping (fs, skipped, &error);
      if (gamma == NULL)
        {
          g_printerr ("%s: %s: %s\n", COMMAND, trajectory->name, error->message);
          return SP_CLI_EXIT_USAGE;
        }
      g_free (gamma->name);
      gamma->name = g_strdup (trajectory->name);
      result.max_lag_ps = (fs->n_lags - 1) * fs->dt_ps;
    }

  if (!sp_chudley_elliott_fit (gamma, &ce, &error))
    {
      g_printerr ("%s: %s: %s\n", COMMAND, gamma->name, error->message);
      /* Too few points left after skipping: which Q were dropped and what
       * to change, or the user is left guessing. */
      if (skipped->len > 0)
        {
          g_autoptr(GString) list = g_string_new (NULL);

          for (guint i = 0; i < skipped->len; i++)
            g_string_append_printf (list, "%s%g", i > 0 ? ", " : "",
                                    g_array_index (skipped, double, i));
          g_printerr ("%s: ", COMMAND);
          g_printerr (_("skipped Q = %s Å⁻¹: F_s there decays within 3 frames (%g ps apart) or "
                        "not at all; give smaller --q values, or frames closer together"),
                      list->str, trajectory->dt_ps);
          g_printerr ("\n");
        }
      return SP_CLI_EXIT_USAGE;
    }
  result.trajectory = trajectory;
  result.gamma = gamma;
  result.skipped_q = skipped;
  if (json)
    {
      g_autofree char *text = to_json (&ce, &result);
      printf ("%s\n", text);
    }
  else
    print_table (&ce, &result);
  return SP_CLI_EXIT_OK;
}
