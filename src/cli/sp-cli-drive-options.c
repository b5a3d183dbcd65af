/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-drive-options.c — parsing the drive flags (sp-cli-drive-options.h) */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-cli-drive-options.h"
#include "sp-cli-options.h"

struct _SpCliDriveOptions
{
  char *drive, *c_rate, *k0, *alpha, *v_cutoff, *voltage, *c_limits;
};

static const SpParamRange c_rate_range  = { "c-rate",   "1/h", -SP_DRIVE_C_RATE_MAX, SP_DRIVE_C_RATE_MAX, FALSE, FALSE };
static const SpParamRange k0_range      = { "k0",       "1/s", SP_DRIVE_K0_MIN, SP_DRIVE_K0_MAX, FALSE, FALSE };
static const SpParamRange alpha_range   = { "alpha",    "",    0.0, 1.0, TRUE, TRUE };
static const SpParamRange voltage_range = { "voltage",  "V",   -100.0, 100.0, FALSE, FALSE };
static const SpParamRange c_limit_range = { "c-limits", "",    SP_DRIVE_C_LIMIT_MIN, 1.0 - SP_DRIVE_C_LIMIT_MIN, FALSE, FALSE };

SpCliDriveOptions *
sp_cli_drive_options_new (void)
{
  return g_new0 (SpCliDriveOptions, 1);
}

void
sp_cli_drive_options_free (SpCliDriveOptions *opts)
{
  if (opts == NULL)
    return;
  g_free (opts->drive);
  g_free (opts->c_rate);
  g_free (opts->k0);
  g_free (opts->alpha);
  g_free (opts->v_cutoff);
  g_free (opts->voltage);
  g_free (opts->c_limits);
  g_free (opts);
}

void
sp_cli_drive_options_add (SpCliDriveOptions *opts,
                          GOptionContext    *context)
{
  const GOptionEntry entries[] = {
    { "drive", 0, 0, G_OPTION_ARG_STRING, &opts->drive,
      N_("Insert or extract lithium: closed (default), galvanostatic, potentiostatic or cycle"),
      N_("MODE") },
    { "c-rate", 0, 0, G_OPTION_ARG_STRING, &opts->c_rate,
      N_("Galvanostatic current in C (1C fills 0 → 1 in an hour; negative extracts; default 1)"),
      N_("RATE") },
    { "k0", 0, 0, G_OPTION_ARG_STRING, &opts->k0,
      N_("Butler–Volmer exchange rate k₀ in 1/s (default 1)"), N_("K") },
    { "alpha", 0, 0, G_OPTION_ARG_STRING, &opts->alpha,
      N_("Butler–Volmer transfer coefficient α in (0, 1) (default 0.5)"), N_("A") },
    { "v-cutoff", 0, 0, G_OPTION_ARG_STRING, &opts->v_cutoff,
      N_("Cut-off voltages: insertion stops at LO, extraction at HI (default 2,4.5)"), N_("LO,HI") },
    { "voltage", 0, 0, G_OPTION_ARG_STRING, &opts->voltage,
      N_("Potentiostatic cell voltage in V"), N_("V") },
    { "c-limits", 0, 0, G_OPTION_ARG_STRING, &opts->c_limits,
      N_("Mean-composition limits that end a galvanostatic leg (default 0.01,0.99)"), N_("LO,HI") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* "LO,HI": two numbers in @range. */
static gboolean
parse_pair (const char         *flag,
            const char         *text,
            const SpParamRange *range,
            double             *lo,
            double             *hi,
            GError            **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  if (g_strv_length (parts) != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s needs two numbers LO,HI (got “%s”)"), flag, text);
      return FALSE;
    }
  if (!sp_cli_parse_number (flag, g_strstrip (parts[0]), range, lo, error) ||
      !sp_cli_parse_number (flag, g_strstrip (parts[1]), range, hi, error))
    return FALSE;
  if (!(*lo < *hi))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s needs LO < HI (got “%s”)"), flag, text);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_cli_drive_options_resolve (SpCliDriveOptions *opts,
                              const char        *command,
                              SpDriveParams     *drive)
{
  g_autoptr(GError) error = NULL;

  sp_drive_params_init_default (drive);
  if (opts->drive != NULL && !sp_drive_mode_from_string (opts->drive, &drive->mode))
    {
      g_printerr (_("spinodal-cli %s: --drive must be closed, galvanostatic, potentiostatic or "
                    "cycle (got “%s”)\n"), command, opts->drive);
      return FALSE;
    }
  if (drive->mode == SP_DRIVE_CLOSED &&
      (opts->c_rate || opts->k0 || opts->alpha || opts->v_cutoff || opts->voltage || opts->c_limits))
    {
      g_printerr (_("spinodal-cli %s: --c-rate, --k0, --alpha, --v-cutoff, --voltage and "
                    "--c-limits need --drive galvanostatic, potentiostatic or cycle\n"), command);
      return FALSE;
    }
  if (drive->mode == SP_DRIVE_POTENTIOSTATIC && opts->voltage == NULL)
    {
      g_printerr (_("spinodal-cli %s: --drive potentiostatic needs --voltage\n"), command);
      return FALSE;
    }
  if ((opts->c_rate && !sp_cli_parse_number ("--c-rate", opts->c_rate, &c_rate_range,
                                             &drive->c_rate, &error)) ||
      (opts->k0 && !sp_cli_parse_number ("--k0", opts->k0, &k0_range, &drive->k0, &error)) ||
      (opts->alpha && !sp_cli_parse_number ("--alpha", opts->alpha, &alpha_range,
                                            &drive->alpha, &error)) ||
      (opts->voltage && !sp_cli_parse_number ("--voltage", opts->voltage, &voltage_range,
                                              &drive->voltage_V, &error)) ||
      (opts->v_cutoff && !parse_pair ("--v-cutoff", opts->v_cutoff, &voltage_range,
                                      &drive->v_lo, &drive->v_hi, &error)) ||
      (opts->c_limits && !parse_pair ("--c-limits", opts->c_limits, &c_limit_range,
                                      &drive->c_lo, &drive->c_hi, &error)) ||
      !sp_drive_params_validate (drive, &error))
    {
      g_printerr ("spinodal-cli %s: %s\n", command, error->message);
      return FALSE;
    }
  return TRUE;
}
