/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-eis-common.c — what the `eis` analysis subcommands share, so that
 * kk, drt and fit word their errors and write their numbers alike */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <stdio.h>

#include "sp-cli-options.h"
#include "sp-cli-eis-common.h"
#include "sp-json.h"

void
sp_cli_eis_fail (const char *command,
                 const char *message)
{
  g_printerr ("spinodal-cli %s: %s\n", command, message);
}

void
sp_cli_eis_json_add_array (JsonBuilder  *builder,
                           const char   *key,
                           const double *values,
                           guint         n)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]))
      json_builder_add_double_value (builder, values[i]);
    else
      json_builder_add_null_value (builder);
  json_builder_end_array (builder);
}

/* The JSON output of a subcommand: one line, non-finite numbers as null. */
void
sp_cli_eis_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = sp_json_to_data (root, 0, NULL);

  printf ("%s\n", text);
}

/* printf pads bytes, not characters: μ, χ², R₀ are multibyte, CJK labels
 * two columns wide. */
void
sp_cli_eis_print_row (const char *label,
                      const char *value)
{
  glong width = 0;

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (ch))
        width += g_unichar_iswide (ch) ? 2 : 1;
    }
  printf ("  %s%*s %s\n", label, (int) MAX (28 - width, 0), "", value);
}

gboolean
sp_cli_eis_require_data (const char *command,
                         const char *data)
{
  if (data != NULL)
    return TRUE;
  sp_cli_eis_fail (command, _("--data FILE is required"));
  return FALSE;
}

/* A file that cannot be read is the caller's mistake: a usage error. */
SpEisSpectrum *
sp_cli_eis_read_data (const char *command,
                      const char *data)
{
  g_autoptr(GError) error = NULL;
  SpEisSpectrum *spectrum = sp_eis_read_file (data, &error);

  if (spectrum == NULL)
    sp_cli_eis_fail (command, error->message);
  return spectrum;
}

/* Data the analysis cannot use (too few points, …) is a usage error; any
 * other failure is the analysis's own. */
int
sp_cli_eis_analysis_failed (const char   *command,
                            const char   *data,
                            const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", data, error->message);

  sp_cli_eis_fail (command, message);
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ? SP_CLI_EXIT_USAGE
                                                                      : SP_CLI_EXIT_FAILURE;
}

/* "NAME=VALUE" split at the first '='; FALSE (message printed) otherwise. */
gboolean
sp_cli_eis_split_assignment (const char  *command,
                             const char  *text,
                             char       **name,
                             const char **value)
{
  const char *eq = strchr (text, '=');

  if (eq == NULL || eq == text)
    {
      g_autofree char *message =
        g_strdup_printf (_("--param “%s” is not NAME=VALUE (for example --param R1=100)"), text);

      sp_cli_eis_fail (command, message);
      return FALSE;
    }
  *name = g_strndup (text, eq - text);
  *value = eq + 1;
  return TRUE;
}

/* --circuit with every parameter given exactly once by --param, each valid
 * for its kind; FALSE (message printed) otherwise. */
gboolean
sp_cli_eis_circuit_params (const char         *command,
                           const char         *circuit_text,
                           char *const        *param_list,
                           SpCircuit         **circuit_out,
                           double            **params_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCircuit) circuit = sp_circuit_parse (circuit_text, &error);
  g_autofree double *params = NULL;
  g_autofree gboolean *given = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n;

  if (circuit == NULL)
    {
      g_autofree char *message = g_strdup_printf ("--circuit “%s”: %s", circuit_text,
                                                  error->message);

      sp_cli_eis_fail (command, message);
      return FALSE;
    }
  n = sp_circuit_get_n_params (circuit);
  params = g_new0 (double, n);
  given = g_new0 (gboolean, n);
  for (guint i = 0; param_list != NULL && param_list[i] != NULL; i++)
    {
      g_autofree char *name = NULL, *flag = NULL;
      const char *value;
      SpParamRange range;
      guint index;

      if (!sp_cli_eis_split_assignment (command, param_list[i], &name, &value))
        return FALSE;
      if (!sp_circuit_find_param (circuit, name, &index, &error))
        {
          sp_cli_eis_fail (command, error->message);
          return FALSE;
        }
      if (given[index])
        {
          g_autofree char *message = g_strdup_printf (_("--param gives %s twice"),
                                                      sp_circuit_get_param_name (circuit, index));

          sp_cli_eis_fail (command, message);
          return FALSE;
        }
      range = (SpParamRange) {
        .name = sp_circuit_get_param_name (circuit, index),
        .unit = sp_circuit_get_param_unit (circuit, index),
        .min = 0, .min_open = TRUE,
        .max = sp_circuit_get_param_kind (circuit, index) == SP_CIRCUIT_PARAM_EXPONENT ? 1 : 1e300,
      };
      flag = g_strdup_printf ("--param %s", name);
      if (!sp_cli_parse_number (flag, value, &range, &params[index], &error))
        {
          sp_cli_eis_fail (command, error->message);
          return FALSE;
        }
      given[index] = TRUE;
    }
  for (guint k = 0; k < n; k++)
    if (!given[k])
      g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                              sp_circuit_get_param_name (circuit, k));
  if (missing->len > 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s needs a value for every parameter; missing: %s "
                           "(give each as --param NAME=VALUE)"),
                         sp_circuit_to_string (circuit), missing->str);

      sp_cli_eis_fail (command, message);
      return FALSE;
    }
  *circuit_out = g_steal_pointer (&circuit);
  *params_out = g_steal_pointer (&params);
  return TRUE;
}

/* --f-min, --f-max and --points-per-decade over the defaults the caller has
 * put in @f_min, @f_max and @points_per_decade; FALSE (message printed) on a
 * bad value or an empty band. */
gboolean
sp_cli_eis_parse_grid (const char *command,
                       const char *f_min_text,
                       const char *f_max_text,
                       const char *points_per_decade_text,
                       double     *f_min,
                       double     *f_max,
                       double     *points_per_decade)
{
  static const SpParamRange frequency = { "frequency", "Hz", 0, 1e12, TRUE, FALSE };
  static const SpParamRange density = { "points_per_decade", "", 1, 1000, FALSE, FALSE };
  g_autoptr(GError) error = NULL;

  if ((f_min_text != NULL && !sp_cli_parse_number ("--f-min", f_min_text, &frequency, f_min,
                                                   &error)) ||
      (f_max_text != NULL && !sp_cli_parse_number ("--f-max", f_max_text, &frequency, f_max,
                                                   &error)) ||
      (points_per_decade_text != NULL &&
       !sp_cli_parse_number ("--points-per-decade", points_per_decade_text, &density,
                             points_per_decade, &error)))
    {
      sp_cli_eis_fail (command, error->message);
      return FALSE;
    }
  if (!(*f_max > *f_min))
    {
      g_autofree char *message =
        g_strdup_printf (_("--f-max (%g Hz) must be above --f-min (%g Hz)"), *f_max, *f_min);

      sp_cli_eis_fail (command, message);
      return FALSE;
    }
  return TRUE;
}
