/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-eis-simulate.c — `spinodal-cli eis simulate`: the impedance of an
 * equivalent circuit (or of a ceramic preset of the explore model) on a
 * log-spaced frequency grid, written as CSV */

#include "config.h"

#include <complex.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sp-circuit.h"
#include "sp-cli-commands.h"
#include "sp-cli-eis-common.h"
#include "sp-cli-options.h"
#include "sp-cli-run.h"
#include "sp-eis-ceramic.h"
#include "sp-csv.h"
#include "sp-eis-csv.h"
#include "sp-json.h"

#define COMMAND "eis simulate"

typedef struct
{
  char  *circuit;
  char  *preset;
  char **params;          /* "NAME=VALUE", one per --param */
  char  *f_min;
  char  *f_max;
  char  *points_per_decade;
  char  *output;
  gboolean json;
} Flags;

static void
flags_clear (Flags *flags)
{
  g_free (flags->circuit);
  g_free (flags->preset);
  g_strfreev (flags->params);
  g_free (flags->f_min);
  g_free (flags->f_max);
  g_free (flags->points_per_decade);
  g_free (flags->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Flags, flags_clear)

/* What was simulated: the circuit, its parameter values, and the preset's
 * model when there is one. */
typedef struct
{
  SpCircuit *circuit;
  double    *params;
  const SpEisCeramicPreset *preset;
  SpEisCeramic model;
} Source;

static void
source_clear (Source *source)
{
  g_clear_pointer (&source->circuit, sp_circuit_free);
  g_clear_pointer (&source->params, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Source, source_clear)

static void
fail (const char *message)
{
  g_printerr ("spinodal-cli " COMMAND ": %s\n", message);
}

static char *
preset_ids (void)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < sp_eis_ceramic_get_n_presets (); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", sp_eis_ceramic_get_preset (i)->id);
  return g_string_free (ids, FALSE);
}

/* A preset of the explore model, with --param NAME=VALUE setting its values
 * by their ids (rb_ohm, temperature_k, …). */
static gboolean
resolve_preset (const Flags *flags,
                Source      *source)
{
  g_autoptr(GError) error = NULL;

  source->preset = sp_eis_ceramic_find_preset (flags->preset);
  if (source->preset == NULL)
    {
      g_autofree char *ids = preset_ids ();
      g_autofree char *message =
        g_strdup_printf (_("--preset: no preset “%s”; the presets are %s"), flags->preset, ids);

      fail (message);
      return FALSE;
    }
  source->model = source->preset->model;

  for (guint i = 0; flags->params != NULL && flags->params[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *flag = NULL;
      const SpEisCeramicRange *model_range;
      SpParamRange range;
      const char *value;
      int id;

      if (!sp_cli_eis_split_assignment (COMMAND, flags->params[i], &name, &value))
        return FALSE;
      id = sp_eis_ceramic_find_param (name);
      if (id < 0)
        {
          g_autoptr(GString) ids = g_string_new (NULL);
          g_autofree char *message = NULL;

          for (int k = 0; k < SP_EIS_CERAMIC_N_PARAMS; k++)
            g_string_append_printf (ids, "%s%s", k > 0 ? ", " : "",
                                    sp_eis_ceramic_get_range (k)->id);
          message = g_strdup_printf (_("the preset model has no parameter “%s”; its "
                                       "parameters are %s"), name, ids->str);
          fail (message);
          return FALSE;
        }
      model_range = sp_eis_ceramic_get_range (id);
      range = (SpParamRange) {
        .name = model_range->id, .unit = model_range->unit,
        .min = model_range->min, .max = model_range->max,
      };
      flag = g_strdup_printf ("--param %s", name);
      if (!sp_cli_parse_number (flag, value, &range, &source->model.values[id], &error))
        {
          fail (error->message);
          return FALSE;
        }
    }

  source->circuit = sp_circuit_parse (SP_EIS_CERAMIC_CIRCUIT, NULL);
  source->params = g_new0 (double, SP_EIS_CERAMIC_N_CIRCUIT_PARAMS);
  sp_eis_ceramic_circuit_params (&source->model, source->params);
  return TRUE;
}

static gboolean
parse_frequency_flags (const Flags *flags,
                       double      *f_min,
                       double      *f_max,
                       double      *points_per_decade)
{
  *f_min = 0.1;
  *f_max = 1e7;
  *points_per_decade = 10;
  return sp_cli_eis_parse_grid (COMMAND, flags->f_min, flags->f_max, flags->points_per_decade,
                                f_min, f_max, points_per_decade);
}

static char *
describe_value (double      value,
                const char *unit)
{
  GString *text = g_string_new (NULL);

  sp_csv_append_number (text, value, ' ');
  g_string_append (text, unit);
  if (*unit == '\0')
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

static GString *
make_csv (const Source        *source,
          const SpEisSpectrum *spectrum)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *text = sp_circuit_to_string (source->circuit);
  g_autofree char *what = NULL;

  if (source->preset != NULL)
    {
      g_ptr_array_add (lines, g_strdup_printf ("preset = %s", source->preset->id));
      g_ptr_array_add (lines, g_strdup_printf ("source = %s", source->preset->source));
      for (int k = 0; k < SP_EIS_CERAMIC_N_PARAMS; k++)
        {
          const SpEisCeramicRange *range = sp_eis_ceramic_get_range (k);
          g_autofree char *value = describe_value (source->model.values[k], range->unit);

          g_ptr_array_add (lines, g_strdup_printf ("%s = %s", range->id, value));
        }
      {
        g_autofree char *t_ref = describe_value (source->model.reference_temperature_k, "K");

        g_ptr_array_add (lines, g_strdup_printf ("reference_temperature_k = %s "
                                                 "(rb_ohm and rgb_ohm are given there)", t_ref));
      }
    }
  g_ptr_array_add (lines, g_strdup_printf ("circuit = %s", text));
  for (guint k = 0; k < sp_circuit_get_n_params (source->circuit); k++)
    {
      g_autofree char *value = describe_value (source->params[k],
                                               sp_circuit_get_param_unit (source->circuit, k));

      g_ptr_array_add (lines, g_strdup_printf ("%s = %s",
                                               sp_circuit_get_param_name (source->circuit, k),
                                               value));
    }
  g_ptr_array_add (lines, NULL);
  what = g_strdup_printf ("impedance spectrum of %s", text);
  return sp_eis_csv_spectrum (spectrum, what, (const char *const *) lines->pdata);
}

static void
print_json (const Flags         *flags,
            const Source        *source,
            const SpEisSpectrum *spectrum,
            double               points_per_decade)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "output");
  json_builder_add_string_value (builder, flags->output);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "csv");
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "freq_hz");
  json_builder_add_string_value (builder, "z_re_ohm");
  json_builder_add_string_value (builder, "z_im_ohm");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "circuit");
  json_builder_add_string_value (builder, sp_circuit_to_string (source->circuit));
  json_builder_set_member_name (builder, "preset");
  if (source->preset != NULL)
    json_builder_add_string_value (builder, source->preset->id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "n_points");
  json_builder_add_int_value (builder, spectrum->n_points);
  json_builder_set_member_name (builder, "f_max_hz");
  json_builder_add_double_value (builder, spectrum->freq_hz[0]);
  json_builder_set_member_name (builder, "f_min_hz");
  json_builder_add_double_value (builder, spectrum->freq_hz[spectrum->n_points - 1]);
  json_builder_set_member_name (builder, "points_per_decade");
  json_builder_add_double_value (builder, points_per_decade);
  json_builder_set_member_name (builder, "temperature_k");
  if (isfinite (spectrum->temperature_k))
    json_builder_add_double_value (builder, spectrum->temperature_k);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "parameters");
  json_builder_begin_array (builder);
  for (guint k = 0; k < sp_circuit_get_n_params (source->circuit); k++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, sp_circuit_get_param_name (source->circuit, k));
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, source->params[k]);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, sp_circuit_get_param_unit (source->circuit, k));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = sp_json_to_data (root, 0, NULL);
  printf ("%s\n", text);
}

int
sp_cli_eis_simulate (int    argc,
                     char **argv)
{
  g_auto(Flags) flags = { 0 };
  g_auto(Source) source = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEisSpectrum) spectrum = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GBytes) bytes = NULL;
  double f_min, f_max, points_per_decade;
  const GOptionEntry entries[] = {
    { "circuit", 0, 0, G_OPTION_ARG_STRING, &flags.circuit,
      N_("The circuit, e.g. R0-p(R1,CPE1): '-' in series, p(…,…) in parallel; elements "
         "R, C, L, CPE, W, Wo, Ws"), N_("CIRCUIT") },
    { "param", 0, 0, G_OPTION_ARG_STRING_ARRAY, &flags.params,
      N_("A parameter's value, once per parameter (names as impedance.py: R1, CPE1_0 = Q, "
         "CPE1_1 = α, Wo1_0 = Z₀, Wo1_1 = τ; or CPE1.Q, CPE1.alpha, Wo1.Z0, Wo1.tau); with "
         "--preset, a model value by its id (rb_ohm, temperature_k, …)"), N_("NAME=VALUE") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &flags.preset,
      N_("Instead of --circuit: a ceramic of the explore model (llzo, li6ps5cl, ysz)"),
      N_("ID") },
    { "f-min", 0, 0, G_OPTION_ARG_STRING, &flags.f_min,
      N_("Lowest frequency, Hz (default 0.1)"), N_("HZ") },
    { "f-max", 0, 0, G_OPTION_ARG_STRING, &flags.f_max,
      N_("Highest frequency, Hz (default 1e7)"), N_("HZ") },
    { "points-per-decade", 0, 0, G_OPTION_ARG_STRING, &flags.points_per_decade,
      N_("Frequencies per decade, log-spaced from --f-max down [1, 1000] (default 10)"),
      N_("N") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &flags.output,
      N_("The CSV file to write, columns freq_hz,z_re_ohm,z_im_ohm (replaced atomically; "
         "- is standard output)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &flags.json,
      N_("Print one line of JSON describing what was written"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
    _("The impedance Z(f) of an equivalent circuit, or of a ceramic preset of the\n"
      "impedance lab's explore model, on a log-spaced frequency grid, as CSV.\n\n"
      "Examples:\n"
      "  spinodal-cli eis simulate --circuit 'R0-p(R1,C1)' --param R0=10 --param R1=100 "
      "--param C1=1e-6 -o rc.csv\n"
      "  spinodal-cli eis simulate --preset llzo --param temperature_k=250 -o llzo.csv --json"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse (context, COMMAND, &argc, &argv))
    return SP_CLI_EXIT_USAGE;

  if (flags.circuit != NULL && flags.preset != NULL)
    {
      fail (_("--circuit and --preset exclude each other: give one"));
      return SP_CLI_EXIT_USAGE;
    }
  if (flags.circuit == NULL && flags.preset == NULL)
    {
      g_autofree char *ids = preset_ids ();
      g_autofree char *message =
        g_strdup_printf (_("give --circuit CIRCUIT with --param NAME=VALUE for each parameter, "
                           "or --preset (%s)"), ids);

      fail (message);
      return SP_CLI_EXIT_USAGE;
    }
  if (flags.output == NULL)
    {
      fail (_("-o FILE is required (- writes to standard output)"));
      return SP_CLI_EXIT_USAGE;
    }
  if (flags.json && strcmp (flags.output, "-") == 0)
    {
      fail (_("--json with -o - would mix the JSON line into the CSV on standard output"));
      return SP_CLI_EXIT_USAGE;
    }
  if (!parse_frequency_flags (&flags, &f_min, &f_max, &points_per_decade))
    return SP_CLI_EXIT_USAGE;
  if (flags.circuit != NULL)
    {
      if (!sp_cli_eis_circuit_params (COMMAND, flags.circuit, flags.params, &source.circuit,
                                      &source.params))
        return SP_CLI_EXIT_USAGE;
    }
  else if (!resolve_preset (&flags, &source))
    return SP_CLI_EXIT_USAGE;

  if (source.preset != NULL)
    spectrum = sp_eis_ceramic_simulate (&source.model, f_min, f_max, points_per_decade, &error);
  else
    {
      spectrum = sp_eis_spectrum_new_log (f_min, f_max, points_per_decade, &error);
      for (guint i = 0; spectrum != NULL && i < spectrum->n_points; i++)
        {
          double complex z = sp_circuit_eval (source.circuit, source.params,
                                              2 * G_PI * spectrum->freq_hz[i]);

          spectrum->z_re_ohm[i] = creal (z);
          spectrum->z_im_ohm[i] = cimag (z);
        }
      if (spectrum != NULL)
        sp_eis_spectrum_set_name (spectrum, sp_circuit_to_string (source.circuit));
    }
  if (spectrum == NULL)
    {
      fail (error->message);
      return SP_CLI_EXIT_USAGE;
    }

  csv = make_csv (&source, spectrum);
  bytes = g_bytes_new (csv->str, csv->len);
  {
    const char *paths[] = { flags.output };
    GBytes *contents[] = { bytes };

    if (!sp_cli_write_files (COMMAND, 1, paths, contents))
      return SP_CLI_EXIT_FAILURE;
  }
  if (flags.json)
    print_json (&flags, &source, spectrum, points_per_decade);
  return SP_CLI_EXIT_OK;
}
