/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-arrhenius.c — `spinodal-cli arrhenius`: the activation energy of a
 * table of conductivities at several temperatures, as a table or as one
 * line of JSON */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "sp-arrhenius.h"
#include "sp-cli-commands.h"
#include "sp-cli-options.h"
#include "sp-json.h"

static const char *
prefactor_unit (SpArrheniusForm form)
{
  return form == SP_ARRHENIUS_SIGMA_T ? "S K/cm" : "S/cm";
}

static char *
fit_to_json (const SpArrheniusFit  *fit,
             const SpArrheniusData *data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "form");
  json_builder_add_string_value (builder, sp_arrhenius_form_to_string (fit->form));
  sp_json_builder_add_number (builder, "ea_ev", fit->ea_ev);
  sp_json_builder_add_number (builder, "ea_stderr_ev", fit->ea_stderr_ev);
  sp_json_builder_add_number (builder, "ea_ci95_halfwidth_ev", sp_arrhenius_ea_halfwidth (fit, 0.95));
  sp_json_builder_add_number (builder, "prefactor", fit->prefactor);
  sp_json_builder_add_number (builder, "prefactor_stderr", fit->prefactor_stderr);
  json_builder_set_member_name (builder, "prefactor_unit");
  json_builder_add_string_value (builder, prefactor_unit (fit->form));
  sp_json_builder_add_number (builder, "ln_prefactor", fit->ln_prefactor);
  sp_json_builder_add_number (builder, "ln_prefactor_stderr", fit->ln_prefactor_stderr);
  sp_json_builder_add_number (builder, "r_squared", fit->r_squared);
  sp_json_builder_add_number (builder, "chi2", fit->chi2);
  json_builder_set_member_name (builder, "n_points");
  json_builder_add_int_value (builder, fit->n_points);
  json_builder_set_member_name (builder, "weighted");
  json_builder_add_boolean_value (builder, fit->weighted);
  json_builder_set_member_name (builder, "points");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->n_points; i++)
    {
      json_builder_begin_object (builder);
      sp_json_builder_add_number (builder, "temperature_k", data->temperature_k[i]);
      sp_json_builder_add_number (builder, "sigma_s_per_cm", data->sigma_s_per_cm[i]);
      if (data->sigma_stderr != NULL)
        sp_json_builder_add_number (builder, "sigma_stderr_s_per_cm", data->sigma_stderr[i]);
      sp_json_builder_add_number (builder, "sigma_fit_s_per_cm",
                  sp_arrhenius_sigma_at (fit, data->temperature_k[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return sp_json_to_data (root, 0, NULL);
}

static void
print_table (const SpArrheniusFit  *fit,
             const SpArrheniusData *data,
             const char            *path)
{
  double half = sp_arrhenius_ea_halfwidth (fit, 0.95);

  printf ("%s\n", fit->form == SP_ARRHENIUS_SIGMA_T
                  ? _("Arrhenius fit of ln(σT) against 1/T: σT = A exp(−E_a/k_BT)")
                  : _("Arrhenius fit of ln σ against 1/T: σ = σ₀ exp(−E_a/k_BT)"));
  /* Translators: %u points, %s the file name. */
  printf (_("%u points from %s"), fit->n_points, path);
  if (data->celsius)
    printf (" %s", _("(temperatures in °C, converted to K)"));
  printf ("\n\n");
  if (isfinite (fit->ea_stderr_ev))
    /* Translators: E_a ± its standard error, then the half-width of the
     * 95 % confidence interval; %% is a percent sign. */
    printf (_("  E_a  = %.6g ± %.2g eV  (95 %% interval ± %.2g eV)\n"),
            fit->ea_ev, fit->ea_stderr_ev, half);
  else
    printf ("  E_a  = %.6g eV  (%s)\n", fit->ea_ev,
            _("two points: no standard error"));
  if (isfinite (fit->prefactor_stderr))
    printf ("  %s = %.6g ± %.2g %s\n", fit->form == SP_ARRHENIUS_SIGMA_T ? "A   " : "σ₀  ",
            fit->prefactor, fit->prefactor_stderr, prefactor_unit (fit->form));
  else
    printf ("  %s = %.6g %s\n", fit->form == SP_ARRHENIUS_SIGMA_T ? "A   " : "σ₀  ",
            fit->prefactor, prefactor_unit (fit->form));
  printf ("  R²   = %.6f\n", fit->r_squared);
  printf ("  %s\n", fit->weighted
                    ? _("Weights from the σ uncertainties in the file.")
                    : _("Equal weights; standard errors from the scatter about the line."));
}

int
sp_cli_arrhenius (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpArrheniusData) data = NULL;
  g_autofree char *path = NULL;
  g_autofree char *form_text = NULL;
  gboolean json = FALSE;
  SpArrheniusForm form = SP_ARRHENIUS_SIGMA_T;
  SpArrheniusFit fit;
  const GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &path,
      N_("Table of temperature and conductivity (required)"), N_("FILE") },
    { "form", 0, 0, G_OPTION_ARG_STRING, &form_text,
      N_("Fit ln(σT) (sigma-t, the default) or ln σ (sigma) against 1/T"), "sigma-t|sigma" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one line of JSON instead of a table"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
    _("The activation energy E_a ± standard error of conductivities measured at\n"
      "several temperatures, by weighted linear least squares of ln(σT) (or ln σ)\n"
      "against 1/T.\n\n"
      "FILE is a CSV, TSV or blank-separated table.  With a header the columns are\n"
      "found by name: the temperature “T”, “temp” or “temperature”, in K unless its\n"
      "unit says °C (“T (°C)”, “T/°C”, “T_C”, “temperature_celsius”); the\n"
      "conductivity “sigma”, “σ” or “conductivity” in S/cm (mS/cm and S/m are\n"
      "converted); optionally its uncertainty (“sigma_err”, “u(sigma)”, “error”…),\n"
      "which then weighs the points.  Without a header: T (K), σ (S/cm) and\n"
      "optionally the uncertainty, in that order.  Without uncertainties the\n"
      "standard errors come from the scatter about the line.\n\n"
      "Exit status: 0 on success, 2 on a bad flag or a file that cannot be read\n"
      "or fitted (the message names the file, the line and the problem).\n\n"
      "Examples:\n"
      "  spinodal-cli arrhenius --data llzo.csv\n"
      "  spinodal-cli arrhenius --data llzo.csv --form sigma --json"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse (context, "arrhenius", &argc, &argv))
    return SP_CLI_EXIT_USAGE;

  if (path == NULL)
    {
      g_printerr ("spinodal-cli arrhenius: %s\n", _("--data FILE is required"));
      return SP_CLI_EXIT_USAGE;
    }
  if (form_text != NULL && !sp_arrhenius_form_from_string (form_text, &form))
    {
      g_printerr (_("spinodal-cli arrhenius: --form: “%s” is not a form; allowed: sigma-t, sigma\n"),
                  form_text);
      return SP_CLI_EXIT_USAGE;
    }

  data = sp_arrhenius_data_read_file (path, &error);
  if (data == NULL)
    {
      g_printerr ("spinodal-cli arrhenius: %s\n", error->message);
      return SP_CLI_EXIT_USAGE;
    }
  if (!sp_arrhenius_fit (data->temperature_k, data->sigma_s_per_cm, data->sigma_stderr,
                         data->n_points, form, &fit, &error))
    {
      g_autofree char *base = g_path_get_basename (path);

      /* The fit's message names the point; the file is named here. */
      g_printerr ("spinodal-cli arrhenius: %s: %s\n", base, error->message);
      return SP_CLI_EXIT_USAGE;
    }

  if (json)
    {
      g_autofree char *text = fit_to_json (&fit, data);
      printf ("%s\n", text);
    }
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      print_table (&fit, data, base);
    }
  return SP_CLI_EXIT_OK;
}
