/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-eis-kk.c — `spinodal-cli eis kk`: the Kramers–Kronig (Lin-KK)
 * check of a measured spectrum, as a table or one line of JSON */

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
#include "sp-eis-read.h"
#include "sp-linkk.h"

#define COMMAND "eis kk"

static void
print_json (const char           *path,
            const SpLinKKOptions *o,
            const SpLinKKResult  *r)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *why = sp_linkk_explain (r);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "data");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "n_points");
  json_builder_add_int_value (builder, r->n_points);
  json_builder_set_member_name (builder, "fit");
  json_builder_add_string_value (builder, sp_linkk_fit_to_string (o->fit));
  sp_json_builder_add_number (builder, "c", o->c);
  json_builder_set_member_name (builder, "m");
  json_builder_add_int_value (builder, r->m);
  sp_json_builder_add_number (builder, "mu", r->mu);
  json_builder_set_member_name (builder, "mu_reached");
  json_builder_add_boolean_value (builder, r->mu_reached);
  sp_json_builder_add_number (builder, "pseudo_chi2", r->pseudo_chi2);
  sp_json_builder_add_number (builder, "r0_ohm", r->r0_ohm);
  sp_json_builder_add_number (builder, "inductance_h",
                              o->add_inductance ? r->inductance_h : NAN);
  sp_json_builder_add_number (builder, "capacitance_f",
                              o->add_capacitance ? r->capacitance_f : NAN);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, sp_linkk_verdict_to_string (r->verdict));
  json_builder_set_member_name (builder, "explanation");
  json_builder_add_string_value (builder, why);
  sp_json_builder_add_number (builder, "tolerance", r->tolerance);
  json_builder_set_member_name (builder, "n_outside");
  json_builder_add_int_value (builder, r->n_outside);
  sp_json_builder_add_number (builder, "max_abs_residual", r->max_abs_residual);
  sp_json_builder_add_number (builder, "lag1_re", r->lag1_re);
  sp_json_builder_add_number (builder, "lag1_im", r->lag1_im);
  json_builder_set_member_name (builder, "residuals");
  json_builder_begin_object (builder);
  sp_cli_eis_json_add_array (builder, "freq_hz", r->freq_hz, r->n_points);
  sp_cli_eis_json_add_array (builder, "re", r->residual_re, r->n_points);
  sp_cli_eis_json_add_array (builder, "im", r->residual_im, r->n_points);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "time_constants");
  json_builder_begin_object (builder);
  sp_cli_eis_json_add_array (builder, "tau_s", r->tau_s, r->m);
  sp_cli_eis_json_add_array (builder, "r_ohm", r->r_ohm, r->m);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  sp_cli_eis_print_json (builder);
}

static void
print_table (const char           *path,
             const SpLinKKOptions *o,
             const SpLinKKResult  *r)
{
  g_autofree char *why = sp_linkk_explain (r);

  /* Translators: the heading of `eis kk`; the file, then the fit mode
   * (complex, real or imag, untranslated keywords). */
  printf (_("Kramers–Kronig check (Lin-KK) of %s, %s fit, %u points\n"),
          path, sp_linkk_fit_to_string (o->fit), r->n_points);
  {
    g_autofree char *m = g_strdup_printf ("%u", r->m);
    g_autofree char *mu = g_strdup_printf ("%.4f (c = %.3g)%s", r->mu, o->c,
                                           r->mu_reached ? "" : _(", never below c up to the cap"));
    g_autofree char *chi2 = g_strdup_printf ("%.4g", r->pseudo_chi2);
    g_autofree char *r0 = g_strdup_printf ("%.6g Ω", r->r0_ohm);

    sp_cli_eis_print_row (_("RC elements M"), m);
    sp_cli_eis_print_row ("μ", mu);
    sp_cli_eis_print_row ("pseudo-χ²", chi2);
    sp_cli_eis_print_row ("R₀", r0);
    if (o->add_inductance)
      {
        g_autofree char *l = g_strdup_printf ("%.6g H", r->inductance_h);

        sp_cli_eis_print_row (_("series inductance"), l);
      }
    if (o->add_capacitance)
      {
        g_autofree char *c = g_strdup_printf ("%.6g F", r->capacitance_f);

        sp_cli_eis_print_row (_("series capacitance"), c);
      }
  }
  printf ("\n%s\n\n", why);
  printf ("            f/Hz       Δ′/%%       Δ″/%%\n");
  for (guint i = 0; i < r->n_points; i++)
    printf ("  %14.6g %10.4f %10.4f\n", r->freq_hz[i], 100 * r->residual_re[i],
            100 * r->residual_im[i]);
}

int
sp_cli_eis_kk (int    argc,
               char **argv)
{
  g_autofree char *data = NULL;
  g_autofree char *c_text = NULL;
  g_autofree char *fit_text = NULL;
  gboolean add_capacitance = FALSE, add_inductance = FALSE, json = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEisSpectrum) spectrum = NULL;
  g_autoptr(SpLinKKResult) result = NULL;
  SpLinKKOptions o;
  const GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data,
      N_("The spectrum: CSV/TSV, ZView .z, Gamry .DTA or BioLogic .mpt"), N_("FILE") },
    { "c", 0, 0, G_OPTION_ARG_STRING, &c_text,
      N_("The μ threshold: more RC elements until μ < c, in (0, 1) (default 0.85)"), N_("C") },
    { "fit", 0, 0, G_OPTION_ARG_STRING, &fit_text,
      N_("Fit the real part, the imaginary part or both (default complex)"),
      N_("real|imag|complex") },
    { "add-capacitance", 0, 0, G_OPTION_ARG_NONE, &add_capacitance,
      N_("Add a series capacitance (blocking electrodes, no low-frequency intercept)"), NULL },
    { "add-inductance", 0, 0, G_OPTION_ARG_NONE, &add_inductance,
      N_("Add a series inductance (leads and cables at high frequency)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one line of JSON instead of a table"), NULL },
    { NULL }
  };
  static const SpParamRange c_range = { "c", "", 0, 1, TRUE, TRUE };

  g_option_context_set_summary (context,
    _("Whether a spectrum is causal, linear and stable: the linear Kramers–Kronig test of\n"
      "Schönleber et al. (2014). RC elements with fixed, log-spaced time constants are\n"
      "fitted until the fit starts to follow the noise (μ < c); residuals within ±1 %\n"
      "without a trend mean the spectrum is valid.\n\n"
      "Examples:\n"
      "  spinodal-cli eis kk --data pellet.csv\n"
      "  spinodal-cli eis kk --data cell.mpt --add-capacitance --fit real --json"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse (context, COMMAND, &argc, &argv))
    return SP_CLI_EXIT_USAGE;

  sp_linkk_options_init (&o);
  o.add_capacitance = add_capacitance;
  o.add_inductance = add_inductance;
  if (!sp_cli_eis_require_data (COMMAND, data))
    return SP_CLI_EXIT_USAGE;
  if (c_text != NULL && !sp_cli_parse_number ("--c", c_text, &c_range, &o.c, &error))
    {
      sp_cli_eis_fail (COMMAND, error->message);
      return SP_CLI_EXIT_USAGE;
    }
  if (fit_text != NULL && !sp_linkk_fit_from_string (fit_text, &o.fit))
    {
      g_autofree char *message =
        g_strdup_printf (_("--fit must be real, imag or complex, not “%s”"), fit_text);

      sp_cli_eis_fail (COMMAND, message);
      return SP_CLI_EXIT_USAGE;
    }

  spectrum = sp_cli_eis_read_data (COMMAND, data);
  if (spectrum == NULL)
    return SP_CLI_EXIT_USAGE;
  result = sp_linkk_check (spectrum, &o, &error);
  if (result == NULL)
    return sp_cli_eis_analysis_failed (COMMAND, data, error);
  if (json)
    print_json (data, &o, result);
  else
    print_table (data, &o, result);
  return SP_CLI_EXIT_OK;
}
