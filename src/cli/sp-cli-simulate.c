/* sp-cli-simulate.c — `spinodal-cli simulate`: a 2D Cahn–Hilliard run from
 * the command line, with the energy history and the final field as CSV */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sp-ch.h"
#include "sp-ch-diagnostics.h"
#include "sp-cli-commands.h"
#include "sp-cli-options.h"
#include "sp-kinetics.h"

/* Flag ranges (the model's own ranges live in sp-model.c). */
static const SpParamRange grid_range   = { "grid",   "",   64.0,  1024.0, FALSE, FALSE };
static const SpParamRange length_range = { "length", "nm",  0.0,  1.0e6,  TRUE,  FALSE };
static const SpParamRange time_range   = { "t-end",  "",    0.0,  1.0e12, TRUE,  FALSE };
static const SpParamRange dt_range     = { "dt-max", "",    0.0,  1.0e12, TRUE,  FALSE };
static const SpParamRange frames_range = { "frames", "",    1.0,  1.0e5,  FALSE, FALSE };
static const SpParamRange noise_range  = { "noise",  "",    0.0,  0.5,    FALSE, TRUE  };

typedef struct
{
  char *grid, *length, *t_end, *dt_max, *seed, *frames, *noise, *model;
  char *energy_csv, *field_out;
} Flags;

static void
flags_clear (Flags *f)
{
  g_free (f->grid);
  g_free (f->length);
  g_free (f->t_end);
  g_free (f->dt_max);
  g_free (f->seed);
  g_free (f->frames);
  g_free (f->noise);
  g_free (f->model);
  g_free (f->energy_csv);
  g_free (f->field_out);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Flags, flags_clear)

static gboolean
usage_error (GError *error)
{
  g_printerr ("spinodal-cli simulate: %s\n", error->message);
  g_error_free (error);
  return FALSE;
}

/* An optional number flag; @is_integer rejects fractions. */
static gboolean
number_flag (const char         *flag,
             const char         *text,
             const SpParamRange *range,
             gboolean            is_integer,
             double             *out)
{
  GError *error = NULL;
  double value;

  if (text == NULL)
    return TRUE;
  if (!sp_cli_parse_number (flag, text, range, &value, &error))
    return usage_error (error);
  if (is_integer && value != floor (value))
    {
      g_autofree char *allowed = sp_param_range_describe (range);
      return usage_error (g_error_new (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                       _("%s must be a whole number in %s"), flag, allowed));
    }
  *out = value;
  return TRUE;
}

/* Fails early, before a long run, when an output file cannot be created. */
static gboolean
check_writable (const char *path)
{
  g_autofree char *dir = NULL;

  if (path == NULL)
    return TRUE;
  dir = g_path_get_dirname (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR) || g_access (dir, W_OK) != 0)
    {
      g_printerr (_("spinodal-cli simulate: cannot write “%s”: %s\n"), path,
                  g_file_test (path, G_FILE_TEST_IS_DIR) ? _("it is a directory")
                                                         : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_file (const char *path,
            GString    *text)
{
  g_autoptr(GError) error = NULL;

  /* g_file_set_contents writes a temporary file and renames it into
   * place: the file is complete or absent, never partial. */
  if (!g_file_set_contents (path, text->str, (gssize) text->len, &error))
    {
      g_printerr (_("spinodal-cli simulate: cannot write “%s”: %s\n"), path, error->message);
      return FALSE;
    }
  return TRUE;
}

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

static GString *
field_csv (SpCh *ch)
{
  guint n = sp_ch_get_n (ch);
  const double *c = sp_ch_get_field (ch);
  GString *s = g_string_sized_new ((gsize) n * n * 12);

  /* One row per y, one column per x; no header (a plain matrix). */
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      append_number (s, "%.10g", c[(gsize) i * n + j], j + 1 < n ? ',' : '\n');
  return s;
}

/* Output times: 0, then @frames intervals, linear up to t_end for the
 * material; for PFHub logarithmic from 1 to t_end (one more row), which
 * lands exactly on every decade when @frames is a multiple of the number of
 * decades (the default 100 over 1 … 10⁴ does). */
static gboolean
log_times (gboolean pfhub,
           double   t_end)
{
  return pfhub && t_end > 1.0;
}

static double
frame_time (gboolean pfhub,
            double   t_end,
            guint    i,
            guint    frames)
{
  if (i == 0)
    return 0.0;
  if (log_times (pfhub, t_end))
    return i == frames + 1 ? t_end : pow (10.0, log10 (t_end) * (i - 1) / frames);
  return i == frames ? t_end : t_end * i / frames;
}

int
sp_cli_simulate (int    argc,
                 char **argv)
{
  g_autoptr(SpCliModelOptions) model_opts = sp_cli_model_options_new ();
  g_autoptr(GOptionContext) context = NULL;
  g_auto(Flags) flags = { 0 };
  g_autoptr(SpCh) ch = NULL;
  g_autoptr(GString) energy = NULL;
  g_autoptr(GError) error = NULL;
  SpChParams params;
  gboolean pfhub;
  double grid = 256, length = 0, t_end = 0, dt_max = 0, frames = 100, noise = 0.01;
  guint64 seed = 1;
  gint64 start, last_report;
  const GOptionEntry entries[] = {
    { "model", 0, 0, G_OPTION_ARG_STRING, &flags.model,
      N_("What to simulate: material (the model flags below, default) or pfhub1a "
         "(PFHub benchmark 1a exactly: 200 × 200, Δx = 1)"), N_("NAME") },
    { "grid", 0, 0, G_OPTION_ARG_STRING, &flags.grid,
      N_("Grid points per side N [64, 1024] (default 256)"), N_("N") },
    { "length", 0, 0, G_OPTION_ARG_STRING, &flags.length,
      N_("Side of the periodic box in nm (0, 1e6] (default 16 λ*)"), N_("NM") },
    { "t-end", 0, 0, G_OPTION_ARG_STRING, &flags.t_end,
      N_("Simulated time in s (0, 1e12] (default 50/σ_max; pfhub1a: 10000)"), N_("T") },
    { "dt-max", 0, 0, G_OPTION_ARG_STRING, &flags.dt_max,
      N_("Largest time step (0, 1e12] (default: no limit, the step adapts)"), N_("DT") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &flags.seed,
      N_("Seed of the initial noise, 0 … 2⁶⁴−1 (default 1)"), N_("S") },
    { "noise", 0, 0, G_OPTION_ARG_STRING, &flags.noise,
      N_("Amplitude of the initial noise around c₀ [0, 0.5) (default 0.01)"), N_("A") },
    { "frames", 0, 0, G_OPTION_ARG_STRING, &flags.frames,
      N_("Rows of the energy history [1, 100000] (default 100; log-spaced for pfhub1a)"), N_("K") },
    { "energy-csv", 0, 0, G_OPTION_ARG_FILENAME, &flags.energy_csv,
      N_("Write time,free_energy,mean_c,length (pfhub1a: PFHub's time,free_energy)"), N_("FILE") },
    { "field-out", 0, 0, G_OPTION_ARG_FILENAME, &flags.field_out,
      N_("Write the final field as an N × N CSV matrix (rows y, columns x)"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Run a 2D Cahn–Hilliard simulation of the model "
                                           "(semi-implicit Fourier spectral, adaptive step)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, sp_cli_model_options_group (model_opts));
  if (!sp_cli_parse (context, "simulate", &argc, &argv))
    return SP_CLI_EXIT_USAGE;

  pfhub = g_strcmp0 (flags.model, "pfhub1a") == 0;
  if (flags.model != NULL && !pfhub && g_strcmp0 (flags.model, "material") != 0)
    {
      g_printerr (_("spinodal-cli simulate: --model: “%s” is not known; allowed: material, pfhub1a\n"),
                  flags.model);
      return SP_CLI_EXIT_USAGE;
    }
  if (pfhub && (flags.grid != NULL || flags.length != NULL || flags.noise != NULL))
    {
      g_printerr (_("spinodal-cli simulate: --grid, --length and --noise are fixed by --model pfhub1a\n"));
      return SP_CLI_EXIT_USAGE;
    }
  if (!number_flag ("--grid", flags.grid, &grid_range, TRUE, &grid) ||
      !number_flag ("--length", flags.length, &length_range, FALSE, &length) ||
      !number_flag ("--t-end", flags.t_end, &time_range, FALSE, &t_end) ||
      !number_flag ("--dt-max", flags.dt_max, &dt_range, FALSE, &dt_max) ||
      !number_flag ("--frames", flags.frames, &frames_range, TRUE, &frames) ||
      !number_flag ("--noise", flags.noise, &noise_range, FALSE, &noise))
    return SP_CLI_EXIT_USAGE;
  if (flags.seed != NULL &&
      !g_ascii_string_to_unsigned (flags.seed, 10, 0, G_MAXUINT64, &seed, NULL))
    {
      g_printerr (_("spinodal-cli simulate: --seed must be a whole number in [0, %" G_GUINT64_FORMAT "]\n"),
                  G_MAXUINT64);
      return SP_CLI_EXIT_USAGE;
    }

  if (pfhub)
    {
      sp_ch_params_init_pfhub1a (&params);
      if (t_end == 0)
        t_end = 1e4;
    }
  else
    {
      SpDispersion disp;

      sp_ch_params_init_default (&params);
      if (!sp_cli_model_options_resolve (model_opts, &params.model, &error))
        {
          g_printerr ("spinodal-cli simulate: %s\n", error->message);
          return SP_CLI_EXIT_USAGE;
        }
      sp_kinetics_dispersion (&params.model, &disp);
      params.n = (guint) grid;
      params.noise = noise;
      params.length = length > 0 ? length
                      : disp.unstable ? 16.0 * disp.lambda_star : 128.0;
      if (t_end == 0)
        t_end = disp.unstable ? 50.0 / disp.sigma_max : 100.0;
    }
  params.seed = seed;
  params.dt_max = dt_max;

  if (!check_writable (flags.energy_csv) || !check_writable (flags.field_out))
    return SP_CLI_EXIT_FAILURE;

  ch = sp_ch_new (&params, &error);
  if (ch == NULL)
    {
      g_printerr ("spinodal-cli simulate: %s\n", error->message);
      return SP_CLI_EXIT_USAGE;
    }

  energy = g_string_new (pfhub ? "time,free_energy\n" : "time,free_energy,mean_c,length\n");
  start = last_report = g_get_monotonic_time ();

  for (guint i = 0; i <= (guint) frames + (log_times (pfhub, t_end) ? 1 : 0); i++)
    {
      double t = frame_time (pfhub, t_end, i, (guint) frames);
      gint64 now;

      if (!sp_ch_advance_to (ch, t, &error))
        {
          g_printerr ("spinodal-cli simulate: %s\n", error->message);
          return SP_CLI_EXIT_FAILURE;
        }

      if (pfhub)
        {
          append_number (energy, "%.10g", sp_ch_get_time (ch), ',');
          append_number (energy, "%.12g", sp_ch_free_energy (ch), '\n');
        }
      else
        {
          SpChDiagnostics diag;

          sp_ch_diagnostics_compute (ch, &diag);
          append_number (energy, "%.10g", diag.time, ',');
          append_number (energy, "%.12g", diag.free_energy, ',');
          append_number (energy, "%.15g", diag.mean_c, ',');
          append_number (energy, "%.8g", diag.length_scale, '\n');
          sp_ch_diagnostics_clear (&diag);
        }

      now = g_get_monotonic_time ();
      if (now - last_report > 2 * G_USEC_PER_SEC)
        {
          g_printerr (_("simulate: t = %.4g of %.4g (%.0f %%), %" G_GUINT64_FORMAT " steps, %.0f s\n"),
                      sp_ch_get_time (ch), t_end, 100.0 * sp_ch_get_time (ch) / t_end,
                      sp_ch_get_steps (ch), (now - start) / (double) G_USEC_PER_SEC);
          last_report = now;
        }
    }

  {
    SpChDiagnostics diag;

    sp_ch_diagnostics_compute (ch, &diag);
    printf (_("t = %.6g  F = %.10g  mean c = %.15g  L = %.6g  λ_dominant = %.6g  λ* = %.6g\n"),
            diag.time, diag.free_energy, diag.mean_c, diag.length_scale,
            diag.lambda_dominant, diag.lambda_star);
    printf (_("%" G_GUINT64_FORMAT " steps (%" G_GUINT64_FORMAT " retried) in %.3f s\n"),
            sp_ch_get_steps (ch), sp_ch_get_rejected (ch),
            (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
    sp_ch_diagnostics_clear (&diag);
  }

  if (flags.energy_csv != NULL && !write_file (flags.energy_csv, energy))
    return SP_CLI_EXIT_FAILURE;
  if (flags.field_out != NULL)
    {
      g_autoptr(GString) field = field_csv (ch);

      if (!write_file (flags.field_out, field))
        return SP_CLI_EXIT_FAILURE;
    }
  return SP_CLI_EXIT_OK;
}
