/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-simulate.c — `spinodal-cli simulate`: a 2D Cahn–Hilliard run from
 * the command line, with the energy history and the final field as CSV */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "sp-ch.h"
#include "sp-ch-diagnostics.h"
#include "sp-cli-commands.h"
#include "sp-cli-drive-options.h"
#include "sp-cli-options.h"
#include "sp-cli-run.h"
#include "sp-csv.h"
#include "sp-worker.h"

static void
append_number (GString    *s,
               const char *format,
               double      value,
               char        sep)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Locale-independent: a decimal comma would break the CSV. */
  g_string_append (s, g_ascii_formatd (buf, sizeof buf, format, value));
  g_string_append_c (s, sep);
}

typedef struct
{
  gboolean pfhub;
  GString *energy;
} Energy;

static void
append_energy (SpCh     *ch,
               guint     index,
               gpointer  user_data)
{
  Energy *e = user_data;

  if (e->pfhub)
    {
      append_number (e->energy, "%.10g", sp_ch_get_time (ch), ',');
      append_number (e->energy, "%.12g", sp_ch_free_energy (ch), '\n');
    }
  else
    {
      SpChDiagnostics diag;

      sp_ch_diagnostics_compute (ch, &diag);
      append_number (e->energy, "%.10g", diag.time, ',');
      append_number (e->energy, "%.12g", diag.free_energy, ',');
      append_number (e->energy, "%.15g", diag.mean_c, ',');
      append_number (e->energy, "%.8g", diag.length_scale, '\n');
      sp_ch_diagnostics_clear (&diag);
    }
}

/* One row of a driven run's trace: time,mean_c,voltage_V,current,
 * free_energy,contrast (current = dc̄/dt in 1/s, so its integral is c̄ − c̄₀;
 * contrast = max c − min c). */
static void
append_drive_row (SpCh    *ch,
                  GString *energy)
{
  SpDriveState s;
  const double *field = sp_ch_get_field (ch);
  gsize np = (gsize) sp_ch_get_n (ch) * sp_ch_get_n (ch);
  double lo = field[0], hi = field[0];

  for (gsize p = 1; p < np; p++)
    {
      lo = MIN (lo, field[p]);
      hi = MAX (hi, field[p]);
    }
  sp_ch_get_drive_state (ch, &s);
  append_number (energy, "%.10g", sp_ch_get_time (ch), ',');
  append_number (energy, "%.15g", s.mean_c, ',');
  append_number (energy, "%.10g", s.voltage_V, ',');
  append_number (energy, "%.10g", s.current, ',');
  append_number (energy, "%.12g", sp_ch_free_energy (ch), ',');
  append_number (energy, "%.8g", hi - lo, '\n');
}

/* A driven run: a row after every step (the trace V(c̄) at the engine's
 * resolution, Δc̄ ≤ 10⁻³ per step), until the drive finishes (galvanostatic,
 * cycle) or t-end (potentiostatic, or any drive given --t-end). */
static gboolean
run_driven (const SpCliSim  *sim,
            SpCh            *ch,
            GString         *energy,
            GError         **error)
{
  gboolean bounded = sim->t_end_given || sim->params.drive.mode == SP_DRIVE_POTENTIOSTATIC;
  gint64 start = g_get_monotonic_time (), last_report = start;

  append_drive_row (ch, energy);
  while (!sp_ch_get_drive_finished (ch) && !(bounded && sp_ch_get_time (ch) >= sim->t_end))
    {
      gint64 now;
      gboolean ok = bounded && sp_ch_get_time (ch) + sp_ch_get_dt (ch) > sim->t_end
                    ? sp_ch_advance_to (ch, sim->t_end, error)
                    : sp_ch_step (ch, error);

      if (!ok)
        return FALSE;
      append_drive_row (ch, energy);
      now = g_get_monotonic_time ();
      if (now - last_report > 2 * G_USEC_PER_SEC)
        {
          g_printerr (_("simulate: t = %.4g s, mean c = %.4f, V = %.4f V, %" PRIu64 " steps, %.0f s\n"),
                      sp_ch_get_time (ch), sp_ch_get_mean_c (ch), sp_ch_get_voltage (ch),
                      (uint64_t) sp_ch_get_steps (ch), (now - start) / (double) G_USEC_PER_SEC);
          last_report = now;
        }
    }
  return TRUE;
}

/* A length for the summary line, or "—" when it is undefined (NaN or not
 * positive). */
static char *
length_or_dash (double nm)
{
  return isfinite (nm) && nm > 0.0 ? g_strdup_printf ("%.6g", nm) : g_strdup ("—");
}

int
sp_cli_simulate (int    argc,
                 char **argv)
{
  g_autoptr(SpCliModelOptions) model_opts = sp_cli_model_options_new ();
  g_autoptr(SpCliSimOptions) sim_opts = sp_cli_sim_options_new ();
  g_autoptr(SpCliDriveOptions) drive_opts = sp_cli_drive_options_new ();
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *energy_csv = NULL;
  g_autofree char *field_out = NULL;
  g_autoptr(SpCh) ch = NULL;
  g_autoptr(GString) energy = NULL;
  g_autoptr(GError) error = NULL;
  SpCliSim sim;
  SpDriveParams drive;
  Energy e;
  gint64 start;
  const GOptionEntry entries[] = {
    { "energy-csv", 0, 0, G_OPTION_ARG_FILENAME, &energy_csv,
      N_("Write time,free_energy,mean_c,length (pfhub1a: PFHub's time,free_energy; with --drive: "
         "time,mean_c,voltage_V,current,free_energy,contrast after every step)"), N_("FILE") },
    { "field-out", 0, 0, G_OPTION_ARG_FILENAME, &field_out,
      N_("Write the final field as CSV rows x_nm,y_nm,c (pfhub1a: x,y,c)"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    _("Run a 2D Cahn–Hilliard simulation of the model (semi-implicit Fourier\n"
      "spectral, adaptive step) and print the final free energy and length scale.\n\n"
      "Examples:\n"
      "  spinodal-cli simulate --preset lifepo4 --grid 128 --t-end 2000 --energy-csv energy.csv\n"
      "  spinodal-cli simulate --model pfhub1a --energy-csv pfhub.csv\n"
      "  spinodal-cli simulate --drive galvanostatic --c-rate 1 --c0 0.02 --grid 64 --energy-csv v.csv"));
  sp_cli_sim_options_add (sim_opts, context);
  sp_cli_drive_options_add (drive_opts, context);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, sp_cli_model_options_group (model_opts));
  if (!sp_cli_parse (context, "simulate", &argc, &argv))
    return SP_CLI_EXIT_USAGE;
  if (!sp_cli_sim_options_resolve (sim_opts, model_opts, "simulate", &sim) ||
      !sp_cli_drive_options_resolve (drive_opts, "simulate", &drive))
    return SP_CLI_EXIT_USAGE;
  sim.params.drive = drive;

  if (g_strcmp0 (energy_csv, "-") == 0 && g_strcmp0 (field_out, "-") == 0)
    {
      g_printerr (_("spinodal-cli simulate: only one of --energy-csv and --field-out can be "
                    "“-” (standard output)\n"));
      return SP_CLI_EXIT_USAGE;
    }
  if (!sp_cli_check_writable ("simulate", energy_csv) ||
      !sp_cli_check_writable ("simulate", field_out))
    return SP_CLI_EXIT_FAILURE;

  ch = sp_ch_new (&sim.params, &error);
  if (ch == NULL)
    {
      g_printerr ("spinodal-cli simulate: %s\n", error->message);
      return SP_CLI_EXIT_USAGE;
    }

  e.pfhub = sim.pfhub;
  start = g_get_monotonic_time ();
  if (drive.mode != SP_DRIVE_CLOSED)
    energy = g_string_new ("time,mean_c,voltage_V,current,free_energy,contrast\n");
  else
    energy = g_string_new (sim.pfhub ? "time,free_energy\n" : "time,free_energy,mean_c,length\n");
  e.energy = energy;
  if (drive.mode != SP_DRIVE_CLOSED ? !run_driven (&sim, ch, energy, &error)
                                    : !sp_cli_sim_run (&sim, ch, "simulate", append_energy, &e, &error))
    {
      g_printerr ("spinodal-cli simulate: %s\n", error->message);
      return SP_CLI_EXIT_FAILURE;
    }

  {
    SpChDiagnostics diag;
    g_autofree char *length = NULL, *lambda = NULL, *lambda_star = NULL;
    /* With a CSV on standard output the summary goes to stderr. */
    FILE *summary = g_strcmp0 (energy_csv, "-") == 0 || g_strcmp0 (field_out, "-") == 0
                    ? stderr : stdout;

    sp_ch_diagnostics_compute (ch, &diag);
    /* L and λ of a uniform field and λ* of a stable c0 are undefined: "—",
     * never "nan". */
    length = length_or_dash (diag.length_scale);
    lambda = length_or_dash (diag.lambda_dominant);
    lambda_star = length_or_dash (diag.lambda_star);
    fprintf (summary, _("t = %.6g  F = %.10g  mean c = %.15g  L = %s  λ_dominant = %s  λ* = %s\n"),
             diag.time, diag.free_energy, diag.mean_c, length, lambda, lambda_star);
    /* PRIu64, not G_GUINT64_FORMAT: xgettext understands <inttypes.h>
     * macros, so the catalogue's msgid matches the runtime string. */
    fprintf (summary, _("%" PRIu64 " steps (%" PRIu64 " retried) in %.3f s\n"),
             (uint64_t) sp_ch_get_steps (ch), (uint64_t) sp_ch_get_rejected (ch),
             (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
    if (drive.mode != SP_DRIVE_CLOSED)
      {
        SpDriveState s;

        sp_ch_get_drive_state (ch, &s);
        fprintf (summary, _("drive %s: mean c = %.6f, V = %.6f V, charge passed %.6g, %s\n"),
                 sp_drive_mode_to_string (drive.mode), s.mean_c, s.voltage_V, s.charge_passed,
                 s.finished ? _("finished at a cut-off") : _("not finished"));
      }
    sp_ch_diagnostics_clear (&diag);
  }

  /* Both files or neither (issue 11): a run whose second file cannot be
   * written leaves the first one as it was too. */
  {
    const char *paths[2];
    GBytes *contents[2] = { NULL, NULL };
    guint n = 0;
    gboolean ok;

    if (energy_csv != NULL)
      {
        paths[n] = energy_csv;
        contents[n++] = g_string_free_to_bytes (g_steal_pointer (&energy));
      }
    if (field_out != NULL)
      {
        /* The same table as the window's and `export`'s field CSV. */
        g_autoptr(SpFrame) frame = sp_frame_new (ch, &sim.params, SP_WORKER_PAUSED, NULL);

        paths[n] = field_out;
        contents[n++] = g_string_free_to_bytes (sp_csv_field (frame));
      }
    ok = sp_cli_write_files ("simulate", n, paths, contents);
    for (guint i = 0; i < n; i++)
      g_bytes_unref (contents[i]);
    if (!ok)
      return SP_CLI_EXIT_FAILURE;
  }
  return SP_CLI_EXIT_OK;
}
