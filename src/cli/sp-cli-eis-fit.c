/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-eis-fit.c — `spinodal-cli eis fit`: an equivalent circuit fitted to
 * a measured spectrum (CNLS from the automatic guess), as a table or one
 * line of JSON */

#include "config.h"

#include <float.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sp-circuit.h"
#include "sp-cli-commands.h"
#include "sp-cli-eis-common.h"
#include "sp-cli-options.h"
#include "sp-eis-fit.h"
#include "sp-eis-read.h"
#include "sp-json.h"

#define COMMAND "eis fit"

/* Any finite number: each parameter's own range is checked against the
 * circuit afterwards, with a message naming the parameter. */
static const SpParamRange any_number = { "value", "", -DBL_MAX, DBL_MAX, FALSE, FALSE };

/* Lays "NAME=V,NAME=V" (from every use of @flag) into @values, marking
 * @given; a name given twice is an error. */
static gboolean
parse_assignments (const char      *flag,
                   char           **lists,
                   const SpCircuit *circuit,
                   double          *values,
                   gboolean        *given,
                   GError         **error)
{
  for (guint l = 0; lists != NULL && lists[l] != NULL; l++)
    {
      g_auto(GStrv) items = g_strsplit (lists[l], ",", -1);

      for (guint i = 0; items[i] != NULL; i++)
        {
          g_autofree char *item = g_strstrip (g_strdup (items[i]));
          g_autofree char *label = NULL;
          char *eq = strchr (item, '=');
          guint k;
          double v;

          if (eq == NULL || eq == item)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("%s takes NAME=VALUE pairs separated by commas, not “%s”"),
                           flag, item);
              return FALSE;
            }
          *eq = '\0';
          g_strstrip (item);
          if (!sp_circuit_find_param (circuit, item, &k, error))
            {
              g_prefix_error (error, "%s: ", flag);
              return FALSE;
            }
          label = g_strdup_printf ("%s %s", flag, sp_circuit_get_param_name (circuit, k));
          if (!sp_cli_parse_number (label, g_strstrip (eq + 1), &any_number, &v, error))
            return FALSE;
          if (!sp_circuit_param_valid (circuit, k, v))
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           sp_circuit_get_param_kind (circuit, k) == SP_CIRCUIT_PARAM_EXPONENT
                           ? _("%s: %g is out of range; an exponent must lie in (0, 1]")
                           : _("%s: %g is out of range; it must be positive"),
                           label, v);
              return FALSE;
            }
          if (given[k])
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("%s is given twice"), label);
              return FALSE;
            }
          values[k] = v;
          given[k] = TRUE;
        }
    }
  return TRUE;
}

static char *
result_to_json (const SpCircuit      *circuit,
                const SpEisFitResult *r,
                SpEisWeight           weight)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "circuit");
  json_builder_add_string_value (builder, sp_circuit_to_string (circuit));
  json_builder_set_member_name (builder, "weights");
  json_builder_add_string_value (builder, sp_eis_weight_to_string (weight));
  json_builder_set_member_name (builder, "parameters");
  json_builder_begin_array (builder);
  for (guint k = 0; k < r->n_params; k++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, sp_circuit_get_param_name (circuit, k));
      sp_json_builder_add_number (builder, "value", r->value[k]);
      sp_json_builder_add_number (builder, "stderr", r->std_error[k]);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, sp_circuit_get_param_unit (circuit, k));
      json_builder_set_member_name (builder, "fixed");
      json_builder_add_boolean_value (builder, r->fixed[k]);
      sp_json_builder_add_number (builder, "initial", r->initial[k]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  sp_json_builder_add_number (builder, "chi2", r->chi2);
  sp_json_builder_add_number (builder, "reduced_chi2", r->reduced_chi2);
  sp_json_builder_add_number (builder, "rms_relative_residual", r->rms_relative);
  json_builder_set_member_name (builder, "n_points");
  json_builder_add_int_value (builder, r->n_points);
  json_builder_set_member_name (builder, "n_free");
  json_builder_add_int_value (builder, r->n_free);
  json_builder_set_member_name (builder, "dof");
  json_builder_add_int_value (builder, r->dof);
  json_builder_set_member_name (builder, "converged");
  json_builder_add_boolean_value (builder, r->converged);
  json_builder_set_member_name (builder, "iterations");
  json_builder_add_int_value (builder, r->iterations);
  json_builder_set_member_name (builder, "starts");
  json_builder_add_int_value (builder, r->n_starts);
  json_builder_set_member_name (builder, "warning");
  if (r->warning != NULL)
    json_builder_add_string_value (builder, r->warning);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "residuals");
  json_builder_begin_object (builder);
  sp_cli_eis_json_add_array (builder, "freq_hz", r->freq_hz, r->n_points);
  sp_cli_eis_json_add_array (builder, "relative_re", r->rel_residual_re, r->n_points);
  sp_cli_eis_json_add_array (builder, "relative_im", r->rel_residual_im, r->n_points);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return sp_json_to_data (root, 0, NULL);
}

/* printf pads bytes, not columns: names and units are ASCII, but the
 * translated headings may not be. */
static void
print_padded (const char *text,
              int         columns)
{
  glong width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (ch))
        width += g_unichar_iswide (ch) ? 2 : 1;
    }
  printf ("%s%*s", text, (int) MAX (columns - width, 1), "");
}

static void
print_table (const SpCircuit      *circuit,
             const SpEisFitResult *r,
             const char           *data_path,
             SpEisWeight           weight)
{
  printf ("%s %s\n", _("Circuit:"), sp_circuit_to_string (circuit));
  printf (g_dngettext (GETTEXT_PACKAGE, "Data: %s (%u point)\n", "Data: %s (%u points)\n",
                       r->n_points), data_path, r->n_points);
  printf ("%s %s\n\n", _("Weights:"), sp_eis_weight_to_string (weight));

  printf ("  ");
  print_padded (_("Parameter"), 12);
  print_padded (_("Value"), 15);
  print_padded (_("± s.e."), 24);
  printf ("%s\n", _("Unit"));
  for (guint k = 0; k < r->n_params; k++)
    {
      g_autofree char *value = g_strdup_printf ("%.6g", r->value[k]);
      g_autofree char *se = NULL;

      if (r->fixed[k])
        se = g_strdup (_("fixed"));
      else if (!isfinite (r->std_error[k]))
        se = g_strdup (_("undetermined"));
      else
        se = g_strdup_printf ("%.3g (%.2g %%)", r->std_error[k],
                              100 * r->std_error[k] / fabs (r->value[k]));
      printf ("  ");
      print_padded (sp_circuit_get_param_name (circuit, k), 12);
      print_padded (value, 15);
      print_padded (se, 24);
      printf ("%s\n", sp_circuit_get_param_unit (circuit, k));
    }

  printf ("\n");
  /* Translators: χ² is the weighted sum of squared residuals. */
  printf (_("χ² = %.6g   reduced χ² = %.6g (%u degrees of freedom)\n"),
          r->chi2, r->reduced_chi2, r->dof);
  printf (_("RMS relative residual: %.3g %%\n"), 100 * r->rms_relative);
  if (r->converged)
    printf (g_dngettext (GETTEXT_PACKAGE, "Converged after %u iteration",
                         "Converged after %u iterations", r->iterations), r->iterations);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "Not converged after %u iteration",
                         "Not converged after %u iterations", r->iterations), r->iterations);
  printf (g_dngettext (GETTEXT_PACKAGE, " (%u start)\n", " (%u starts)\n", r->n_starts),
          r->n_starts);
}

int
sp_cli_eis_fit (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *circuit_text = NULL;
  g_autofree char *weights = NULL;
  g_autofree char *f_min_text = NULL;
  g_autofree char *f_max_text = NULL;
  g_auto(GStrv) initial_lists = NULL;
  g_auto(GStrv) fixed_lists = NULL;
  gboolean drop_positive = FALSE, json = FALSE;
  const GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_path,
      N_("The spectrum: CSV/TSV, ZView .z, Gamry .DTA or BioLogic .mpt text"), N_("FILE") },
    { "circuit", 0, 0, G_OPTION_ARG_STRING, &circuit_text,
      N_("The equivalent circuit, e.g. R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel"), N_("S") },
    { "initial", 0, 0, G_OPTION_ARG_STRING_ARRAY, &initial_lists,
      N_("Starting values instead of the automatic guess"), N_("NAME=V,…") },
    { "fixed", 0, 0, G_OPTION_ARG_STRING_ARRAY, &fixed_lists,
      N_("Parameters held at the given values"), N_("NAME=V,…") },
    { "weights", 0, 0, G_OPTION_ARG_STRING, &weights,
      N_("unit, modulus (1/|Z|², the default) or proportional (1/Z′², 1/Z″²)"),
      N_("W") },
    { "f-min", 0, 0, G_OPTION_ARG_STRING, &f_min_text,
      N_("Leave out points below this frequency (Hz)"), N_("F") },
    { "f-max", 0, 0, G_OPTION_ARG_STRING, &f_max_text,
      N_("Leave out points above this frequency (Hz)"), N_("F") },
    { "drop-positive-imag", 0, 0, G_OPTION_ARG_NONE, &drop_positive,
      N_("Leave out inductive points (Z″ > 0)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one line of JSON instead of a table"), NULL },
    { NULL }
  };
  static const SpParamRange freq_range = { "frequency", "Hz", 0, DBL_MAX, TRUE, FALSE };
  g_autoptr(SpCircuit) circuit = NULL;
  g_autoptr(SpEisSpectrum) raw = NULL;
  g_autoptr(SpEisSpectrum) spectrum = NULL;
  g_autoptr(SpEisFitResult) result = NULL;
  g_autofree double *initial = NULL;
  g_autofree gboolean *given = NULL;
  g_autofree gboolean *fixed = NULL;
  SpEisFitOptions options;
  double f_min = 0, f_max = INFINITY;
  guint n;

  g_option_context_set_summary (context,
    _("Fits an equivalent circuit to an impedance spectrum by complex non-linear\n"
      "least squares, starting from values read off the spectrum (arcs and\n"
      "intercepts) unless --initial gives them.\n\n"
      "Examples:\n"
      "  spinodal-cli eis fit --data pellet.csv --circuit 'R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel'\n"
      "  spinodal-cli eis fit --data cell.z --circuit 'R0-p(R1,CPE1)' --fixed CPE1_1=1 --json"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse (context, COMMAND, &argc, &argv))
    return SP_CLI_EXIT_USAGE;

  sp_eis_fit_options_init (&options);
  if (data_path == NULL || circuit_text == NULL)
    {
      g_printerr ("spinodal-cli %s: %s\n", COMMAND,
                  data_path == NULL ? _("--data FILE is required")
                                    : _("--circuit S is required"));
      return SP_CLI_EXIT_USAGE;
    }
  if (weights != NULL && !sp_eis_weight_from_string (weights, &options.weight))
    {
      g_printerr (_("spinodal-cli %s: --weights must be unit, modulus or proportional, not “%s”\n"),
                  COMMAND, weights);
      return SP_CLI_EXIT_USAGE;
    }
  if ((f_min_text != NULL && !sp_cli_parse_number ("--f-min", f_min_text, &freq_range, &f_min,
                                                   &error)) ||
      (f_max_text != NULL && !sp_cli_parse_number ("--f-max", f_max_text, &freq_range, &f_max,
                                                   &error)))
    {
      g_printerr ("spinodal-cli %s: %s\n", COMMAND, error->message);
      return SP_CLI_EXIT_USAGE;
    }
  if (f_min > f_max)
    {
      g_printerr (_("spinodal-cli %s: --f-min (%g Hz) is above --f-max (%g Hz)\n"),
                  COMMAND, f_min, f_max);
      return SP_CLI_EXIT_USAGE;
    }

  circuit = sp_circuit_parse (circuit_text, &error);
  if (circuit == NULL)
    {
      g_printerr ("spinodal-cli %s: --circuit: %s\n", COMMAND, error->message);
      return SP_CLI_EXIT_USAGE;
    }
  n = sp_circuit_get_n_params (circuit);
  initial = g_new (double, MAX (n, 1));
  given = g_new0 (gboolean, MAX (n, 1));
  fixed = g_new0 (gboolean, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    initial[k] = NAN;
  /* --fixed first: a value both fixed and started is an error, reported
   * under --initial. */
  if (!parse_assignments ("--fixed", fixed_lists, circuit, initial, fixed, &error) ||
      !parse_assignments ("--initial", initial_lists, circuit, initial, given, &error))
    {
      g_printerr ("spinodal-cli %s: %s\n", COMMAND, error->message);
      return SP_CLI_EXIT_USAGE;
    }
  for (guint k = 0; k < n; k++)
    if (fixed[k] && given[k])
      {
        g_printerr (_("spinodal-cli %s: %s is both --fixed and --initial\n"), COMMAND,
                    sp_circuit_get_param_name (circuit, k));
        return SP_CLI_EXIT_USAGE;
      }

  raw = sp_cli_eis_read_data (COMMAND, data_path);
  if (raw == NULL)
    return SP_CLI_EXIT_USAGE;
  spectrum = sp_eis_spectrum_select (raw, f_min, f_max, drop_positive);
  if (spectrum->n_points == 0)
    {
      g_printerr (_("spinodal-cli %s: %s: no point is left between %g and %g Hz\n"),
                  COMMAND, data_path, f_min, f_max);
      return SP_CLI_EXIT_USAGE;
    }

  options.initial = initial;
  options.fixed = fixed;
  result = sp_eis_fit (circuit, spectrum, &options, NULL, &error);
  if (result == NULL)
    {
      g_printerr ("spinodal-cli %s: %s: %s\n", COMMAND, data_path, error->message);
      return SP_CLI_EXIT_FAILURE;
    }

  if (json)
    {
      g_autofree char *text = result_to_json (circuit, result, options.weight);

      printf ("%s\n", text);
    }
  else
    print_table (circuit, result, data_path, options.weight);
  if (result->warning != NULL)
    g_printerr (_("spinodal-cli %s: warning: %s\n"), COMMAND, result->warning);
  return SP_CLI_EXIT_OK;
}
