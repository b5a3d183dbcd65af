/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-extrapolate.c — `spinodal-cli extrapolate`: a diffusivity or a
 * barrier at several box lengths L, fitted against 1/L and extrapolated to
 * infinite size (1/L → 0), as a table or one line of JSON */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "sp-cli-commands.h"
#include "sp-cli-options.h"
#include "sp-finite-size.h"
#include "sp-json.h"

#define COMMAND "spinodal-cli extrapolate"

static char *
to_json (const char             *name,
         const SpFiniteSizeData *data,
         const SpFiniteSizeFit  *fit)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  sp_json_builder_add_number (builder, "extrapolated_value", fit->value_inf);
  sp_json_builder_add_number (builder, "extrapolated_value_stderr", fit->value_inf_stderr);
  sp_json_builder_add_number (builder, "slope", fit->slope);
  sp_json_builder_add_number (builder, "slope_stderr", fit->slope_stderr);
  sp_json_builder_add_number (builder, "cov_value_slope", fit->cov_value_slope);
  sp_json_builder_add_number (builder, "chi2", fit->chi2);
  json_builder_set_member_name (builder, "dof");
  json_builder_add_int_value (builder, fit->dof);
  json_builder_set_member_name (builder, "n_points");
  json_builder_add_int_value (builder, fit->n_points);
  json_builder_set_member_name (builder, "weighted");
  json_builder_add_boolean_value (builder, fit->weighted);
  json_builder_set_member_name (builder, "points");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->n_points; i++)
    {
      json_builder_begin_object (builder);
      sp_json_builder_add_number (builder, "length", data->length[i]);
      sp_json_builder_add_number (builder, "inverse_length", 1.0 / data->length[i]);
      sp_json_builder_add_number (builder, "value", data->value[i]);
      if (data->value_stderr != NULL)
        sp_json_builder_add_number (builder, "value_stderr", data->value_stderr[i]);
      sp_json_builder_add_number (builder, "fit", sp_finite_size_value_at (fit, data->length[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return sp_json_to_data (root, 0, NULL);
}

static void
print_table (const char             *name,
             const SpFiniteSizeData *data,
             const SpFiniteSizeFit  *fit)
{
  /* Translators: %u points, %s the file name. */
  printf (_("%u points from %s\n"), data->n_points, name);
  printf ("%s\n\n", _("Straight line y = y∞ + s/L, extrapolated to 1/L → 0"));
  printf ("  y∞ = %.6g ± %.2g\n", fit->value_inf, fit->value_inf_stderr);
  printf ("  s  = %.6g ± %.2g\n", fit->slope, fit->slope_stderr);
  printf ("  %s\n\n", fit->weighted
                      ? _("Weights 1/err² from the given errors, taken as known.")
                      : _("Equal weights; standard errors from the scatter about the line."));
  /* "±" is two bytes: padded by hand. */
  printf ("  %-12s %-14s ±            %-14s\n", "L", _("value"), _("fit"));
  for (guint i = 0; i < data->n_points; i++)
    printf ("  %-12.6g %-14.6g %-12.3g %-14.6g\n", data->length[i], data->value[i],
            data->value_stderr != NULL ? data->value_stderr[i] : NAN,
            sp_finite_size_value_at (fit, data->length[i]));
}

int
sp_cli_extrapolate (int    argc,
                    char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SpFiniteSizeData) data = NULL;
  g_autofree char *data_path = NULL, *name = NULL;
  gboolean json = FALSE;
  SpFiniteSizeFit fit;
  const GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_path,
      N_("Table of box length L, value and optionally its error"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one line of JSON instead of a table"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
    _("A value computed at several box lengths L, a diffusivity D(L) ≈ D∞ − C/L\n"
      "(Yeh & Hummer 2004) or an NEB barrier E(L) ≈ E∞ + C/L, fitted as a\n"
      "straight line against 1/L and extrapolated to infinite size: y∞ ± its\n"
      "standard error and the slope.  With an error column the points are\n"
      "weighted by 1/err² and the errors taken as known; without, the errors\n"
      "come from the scatter (none for 2 points).\n\n"
      "--data FILE: columns L, value and optionally error (header names L,\n"
      "length, box; value, D, E; error, err, stderr), CSV or blank-separated,\n"
      "# comments.  Any length unit: the slope is in value × that unit.\n\n"
      "Exit status: 0 on success, 2 on a bad flag or a file that cannot be read\n"
      "or fitted (the message names the file, the line and the problem).\n\n"
      "Example:\n"
      "  spinodal-cli extrapolate --data d-vs-box.csv --json"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse (context, "extrapolate", &argc, &argv))
    return SP_CLI_EXIT_USAGE;

  if (data_path == NULL)
    {
      g_printerr ("%s: %s\n", COMMAND, _("give --data FILE"));
      return SP_CLI_EXIT_USAGE;
    }
  data = sp_finite_size_data_read_file (data_path, &error);
  if (data == NULL)
    {
      g_printerr ("%s: %s\n", COMMAND, error->message);
      return SP_CLI_EXIT_USAGE;
    }
  name = g_path_get_basename (data_path);
  if (!sp_finite_size_fit (data->length, data->value, data->value_stderr, data->n_points,
                           &fit, &error))
    {
      g_printerr ("%s: %s: %s\n", COMMAND, name, error->message);
      return SP_CLI_EXIT_USAGE;
    }
  if (json)
    {
      g_autofree char *text = to_json (name, data, &fit);

      printf ("%s\n", text);
    }
  else
    print_table (name, data, &fit);
  return SP_CLI_EXIT_OK;
}
