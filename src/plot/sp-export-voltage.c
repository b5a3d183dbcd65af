/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-export-voltage.c — the voltage trace as CSV: one row per frame, with
 * the drive that produced it in the header */

#include "config.h"

#include "sp-csv.h"
#include "sp-drive.h"
#include "sp-export-private.h"

static void
append_drive (GString             *csv,
              const SpDriveParams *drive)
{
  g_string_append_printf (csv, "# drive = %s\n", sp_drive_mode_to_string (drive->mode));
  if (drive->mode == SP_DRIVE_CLOSED)
    return;
  if (drive->mode == SP_DRIVE_POTENTIOSTATIC)
    {
      g_string_append (csv, "# voltage = ");
      sp_csv_append_number (csv, drive->voltage_V, ' ');
      g_string_append (csv, "V\n");
    }
  else
    {
      g_string_append (csv, "# c_rate = ");
      sp_csv_append_number (csv, drive->c_rate, ' ');
      g_string_append (csv, "1/h\n# v_cutoff = ");
      sp_csv_append_number (csv, drive->v_lo, ',');
      sp_csv_append_number (csv, drive->v_hi, ' ');
      g_string_append (csv, "V\n");
    }
  g_string_append (csv, "# k0 = ");
  sp_csv_append_number (csv, drive->k0, ' ');
  g_string_append (csv, "1/s\n# alpha = ");
  sp_csv_append_number (csv, drive->alpha, '\n');
}

GString *
sp_export_voltage_csv (const SpDriveTrace *trace,
                       const SpChParams   *params)
{
  static const char *const names[] = {
    "time_s", "mean_c", "voltage_V", "current_per_s", "overpotential_V", "direction", NULL
  };
  static const char *const meanings[] = {
    "simulated time", "mean composition c (the integral of the current)",
    "cell voltage V", "insertion rate dc/dt (> 0: Li in)",
    "mean overpotential eta = V - V0 + mu/e",
    "+1 discharge (Li in), -1 charge (Li out), 0 at rest", NULL
  };
  GString *csv;

  if (trace == NULL || trace->len == 0)
    return NULL;
  csv = sp_csv_begin ("voltage trace of the driven particle");
  if (params != NULL)
    {
      sp_csv_append_model (csv, &params->model);
      g_string_append_printf (csv, "# grid = %u\n", params->n);
      g_string_append (csv, "# length = ");
      sp_csv_append_number (csv, params->length, ' ');
      g_string_append (csv, "nm\n");
      append_drive (csv, &params->drive);
    }
  sp_csv_append_columns (csv, names, meanings);
  for (guint i = 0; i < trace->len; i++)
    {
      const SpDrivePoint *p = &trace->points[i];
      double row[] = { p->time, p->mean_c, p->voltage, p->current, p->overpotential,
                       p->direction };

      sp_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
  return csv;
}
