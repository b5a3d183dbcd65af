/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-eis-drt.c — `spinodal-cli eis drt`: the distribution of relaxation
 * times of a measured spectrum and its peaks, as a table or one line of
 * JSON */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sp-cli-commands.h"
#include "sp-cli-eis-common.h"
#include "sp-json.h"
#include "sp-cli-options.h"
#include "sp-drt.h"
#include "sp-eis-read.h"

#define COMMAND "eis drt"

static void
print_json (const char        *path,
            const SpDrtResult *r)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "data");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "n_points");
  json_builder_add_int_value (builder, r->n_points);
  sp_json_builder_add_number (builder, "lambda", r->lambda);
  json_builder_set_member_name (builder, "lambda_method");
  json_builder_add_string_value (builder, r->lambda_from_gcv ? "gcv" : "given");
  sp_json_builder_add_number (builder, "gcv_score", r->gcv_score);
  json_builder_set_member_name (builder, "derivative");
  json_builder_add_int_value (builder, r->derivative);
  sp_json_builder_add_number (builder, "r_inf_ohm", r->r_inf_ohm);
  sp_json_builder_add_number (builder, "inductance_h", r->inductance_h);
  sp_json_builder_add_number (builder, "polarisation_ohm", r->polarisation_ohm);
  json_builder_set_member_name (builder, "peaks");
  json_builder_begin_array (builder);
  for (guint k = 0; k < r->n_peaks; k++)
    {
      const SpDrtPeak *p = &r->peaks[k];

      json_builder_begin_object (builder);
      sp_json_builder_add_number (builder, "tau_s", p->tau_s);
      sp_json_builder_add_number (builder, "freq_hz", p->freq_hz);
      sp_json_builder_add_number (builder, "gamma_ohm", p->gamma_ohm);
      sp_json_builder_add_number (builder, "resistance_ohm", p->resistance_ohm);
      sp_json_builder_add_number (builder, "capacitance_f", p->capacitance_f);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  sp_cli_eis_json_add_array (builder, "tau_s", r->tau_s, r->n_out);
  sp_cli_eis_json_add_array (builder, "gamma_ohm", r->gamma_ohm, r->n_out);
  json_builder_set_member_name (builder, "residuals");
  json_builder_begin_object (builder);
  sp_cli_eis_json_add_array (builder, "freq_hz", r->freq_hz, r->n_points);
  sp_cli_eis_json_add_array (builder, "re", r->residual_re, r->n_points);
  sp_cli_eis_json_add_array (builder, "im", r->residual_im, r->n_points);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  sp_cli_eis_print_json (builder);
}

static void
print_table (const char        *path,
             const SpDrtResult *r)
{
  /* Translators: the heading of `eis drt`: the file and the point count. */
  printf (_("Distribution of relaxation times of %s, %u points\n"), path, r->n_points);
  {
    g_autofree char *lambda = g_strdup_printf ("%.4g (%s)", r->lambda,
                                               r->lambda_from_gcv
                                               ? _("generalised cross-validation") : _("given"));
    g_autofree char *r_inf = g_strdup_printf ("%.6g Ω", r->r_inf_ohm);
    g_autofree char *l = g_strdup_printf ("%.6g H", r->inductance_h);
    g_autofree char *total = g_strdup_printf ("%.6g Ω", r->polarisation_ohm);

    sp_cli_eis_print_row ("λ", lambda);
    sp_cli_eis_print_row ("R∞", r_inf);
    sp_cli_eis_print_row ("L", l);
    sp_cli_eis_print_row (_("total of γ"), total);
  }
  printf ("\n           τ/s         f/Hz            R/Ω          C/F\n");
  for (guint k = 0; k < r->n_peaks; k++)
    printf ("  %12.4g %12.4g %14.6g %12.4g\n", r->peaks[k].tau_s, r->peaks[k].freq_hz,
            r->peaks[k].resistance_ohm, r->peaks[k].capacitance_f);
  if (r->n_peaks == 0)
    printf ("  %s\n", _("no peak"));
}

int
sp_cli_eis_drt (int    argc,
                char **argv)
{
  g_autofree char *data = NULL;
  g_autofree char *lambda_text = NULL;
  g_autofree char *derivative_text = NULL;
  gboolean json = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEisSpectrum) spectrum = NULL;
  g_autoptr(SpDrtResult) result = NULL;
  SpDrtOptions o;
  const GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data,
      N_("The spectrum: CSV/TSV, ZView .z, Gamry .DTA or BioLogic .mpt"), N_("FILE") },
    { "lambda", 0, 0, G_OPTION_ARG_STRING, &lambda_text,
      N_("The regularisation parameter λ > 0, or gcv to choose it by generalised "
         "cross-validation (default gcv)"), N_("X|gcv") },
    { "derivative", 0, 0, G_OPTION_ARG_STRING, &derivative_text,
      N_("The derivative of γ the penalty acts on, 1 or 2 (default 1)"), N_("1|2") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one line of JSON instead of a table"), NULL },
    { NULL }
  };
  static const SpParamRange lambda_range = { "lambda", "", 0, 1e6, TRUE, FALSE };

  g_option_context_set_summary (context,
    _("The distribution of relaxation times γ(τ) of a spectrum (Wan et al. 2015, the\n"
      "DRTtools method): Gaussian basis functions, γ ≥ 0, Tikhonov regularisation with λ\n"
      "chosen by generalised cross-validation or given. Each peak is a process: its\n"
      "time constant, its resistance (the area) and its capacitance τ/R.\n\n"
      "Examples:\n"
      "  spinodal-cli eis drt --data pellet.csv\n"
      "  spinodal-cli eis drt --data cell.z --lambda 1e-3 --derivative 2 --json"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse (context, COMMAND, &argc, &argv))
    return SP_CLI_EXIT_USAGE;

  sp_drt_options_init (&o);
  if (!sp_cli_eis_require_data (COMMAND, data))
    return SP_CLI_EXIT_USAGE;
  if (lambda_text != NULL && strcmp (lambda_text, "gcv") != 0)
    {
      if (!sp_cli_parse_number ("--lambda", lambda_text, &lambda_range, &o.lambda, &error))
        {
          sp_cli_eis_fail (COMMAND, error->message);
          return SP_CLI_EXIT_USAGE;
        }
      o.gcv = FALSE;
    }
  if (derivative_text != NULL)
    {
      guint64 d;

      if (!sp_cli_parse_integer ("--derivative", derivative_text, 1, 2, &d, &error))
        {
          sp_cli_eis_fail (COMMAND, error->message);
          return SP_CLI_EXIT_USAGE;
        }
      o.derivative = (guint) d;
    }

  spectrum = sp_cli_eis_read_data (COMMAND, data);
  if (spectrum == NULL)
    return SP_CLI_EXIT_USAGE;
  result = sp_drt_compute (spectrum, &o, NULL, NULL, NULL, &error);
  if (result == NULL)
    return sp_cli_eis_analysis_failed (COMMAND, data, error);
  if (json)
    print_json (data, result);
  else
    print_table (data, result);
  return SP_CLI_EXIT_OK;
}
