/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-eis-common.c — what the `eis` analysis subcommands share, so that
 * kk, drt and fit word their errors and write their numbers alike */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "sp-cli-options.h"
#include "sp-cli-eis-common.h"

void
sp_cli_eis_fail (const char *command,
                 const char *message)
{
  g_printerr ("spinodal-cli %s: %s\n", command, message);
}

void
sp_cli_eis_json_add_number (JsonBuilder *builder,
                            const char  *key,
                            double       value)
{
  json_builder_set_member_name (builder, key);
  /* JSON has no NaN: an undetermined number is null. */
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
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
