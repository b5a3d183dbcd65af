/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-run.c — simulation flags and the run loop of the CLI */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include "sp-ch-box.h"
#include "sp-cli-run.h"
#include "sp-fft-size.h"
#include "sp-file.h"
#include "sp-kinetics.h"

/* Flag ranges (the model's own ranges live in sp-model.c). */
#define GRID_MIN    64
#define GRID_MAX    1024
#define FRAMES_MAX  100000
static const SpParamRange length_range = { "length", "nm",  0.0,  1.0e6,  TRUE,  FALSE };
static const SpParamRange time_range   = { "t-end",  "",    0.0,  1.0e12, TRUE,  FALSE };
static const SpParamRange dt_range     = { "dt-max", "",    0.0,  1.0e12, TRUE,  FALSE };
static const SpParamRange tol_range    = { "tolerance", "", 0.0,  0.5,    TRUE,  TRUE  };
static const SpParamRange noise_range  = { "noise",  "",    0.0,  0.5,    FALSE, TRUE  };

struct _SpCliSimOptions
{
  char *grid, *length, *t_end, *dt_max, *tolerance, *seed, *frames, *noise, *model;
};

SpCliSimOptions *
sp_cli_sim_options_new (void)
{
  return g_new0 (SpCliSimOptions, 1);
}

void
sp_cli_sim_options_free (SpCliSimOptions *f)
{
  if (f == NULL)
    return;
  g_free (f->grid);
  g_free (f->length);
  g_free (f->t_end);
  g_free (f->dt_max);
  g_free (f->tolerance);
  g_free (f->seed);
  g_free (f->frames);
  g_free (f->noise);
  g_free (f->model);
  g_free (f);
}

gboolean
sp_cli_sim_options_grid_given (const SpCliSimOptions *f)
{
  return f->grid != NULL;
}

void
sp_cli_sim_options_add (SpCliSimOptions *f,
                        GOptionContext  *context)
{
  const GOptionEntry entries[] = {
    { "model", 0, 0, G_OPTION_ARG_STRING, &f->model,
      N_("What to simulate: material (the model flags below, default) or pfhub1a "
         "(PFHub benchmark 1a exactly: 200 × 200, Δx = 1)"), N_("NAME") },
    { "grid", 0, 0, G_OPTION_ARG_STRING, &f->grid,
      N_("Grid points per side N [64, 1024] (default 256); a size with a prime factor above 7 "
         "is rounded up to the next one without (509 → 512), with a note"), N_("N") },
    { "length", 0, 0, G_OPTION_ARG_STRING, &f->length,
      N_("Side of the periodic box in nm (0, 1e6]; refused when the grid cannot resolve the "
         "interfaces (default 16 λ*, made smaller when the grid needs it)"), N_("NM") },
    { "t-end", 0, 0, G_OPTION_ARG_STRING, &f->t_end,
      N_("Simulated time in s (0, 1e12] (default: 50/σ_max when c₀ is unstable, "
         "else 2 L²/D_chem(c₀); pfhub1a: 10000)"), N_("T") },
    { "dt-max", 0, 0, G_OPTION_ARG_STRING, &f->dt_max,
      N_("Largest time step (0, 1e12] (default: no limit, the step adapts)"), N_("DT") },
    { "tolerance", 0, 0, G_OPTION_ARG_STRING, &f->tolerance,
      N_("Local error allowed per time step, relative to the pattern's amplitude (0, 0.5) "
         "(default 0.001, the window's “Precise”; 0.01 is its “Fast”)"), N_("TOL") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &f->seed,
      N_("Seed of the initial noise, 0 … 2⁶⁴−1 (default 1)"), N_("S") },
    { "noise", 0, 0, G_OPTION_ARG_STRING, &f->noise,
      N_("Amplitude of the initial noise around c₀ [0, 0.5) (default 0.01)"), N_("A") },
    { "frames", 0, 0, G_OPTION_ARG_STRING, &f->frames,
      N_("Samples of the time series [1, 100000] (default 100; log-spaced for pfhub1a)"), N_("K") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* A run whose --dt-max forces more steps than this to reach t-end would
 * take days with no visible progress (--dt-max 1e-300 never ends). */
#define MAX_FORCED_STEPS 1e7

/* An optional number flag. */
static gboolean
number_flag (const char         *command,
             const char         *flag,
             const char         *text,
             const SpParamRange *range,
             double             *out)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return TRUE;
  if (!sp_cli_parse_number (flag, text, range, out, &error))
    {
      g_printerr ("spinodal-cli %s: %s\n", command, error->message);
      return FALSE;
    }
  return TRUE;
}

/* An optional whole-number flag, decimal digits only like every integer. */
static gboolean
integer_flag (const char *command,
              const char *flag,
              const char *text,
              guint64     min,
              guint64     max,
              guint64    *out)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return TRUE;
  if (!sp_cli_parse_integer (flag, text, min, max, out, &error))
    {
      g_printerr ("spinodal-cli %s: %s\n", command, error->message);
      return FALSE;
    }
  return TRUE;
}

/* The default --t-end: long enough to see what the model does, measured
 * in its own time scale, so that a large D₀ does not mean a long run.
 * Unstable: 50 e-foldings of the fastest mode (coarsening well under
 * way).  Stable: twice the diffusion time L²/D_chem(c₀) of the box (the
 * slowest mode, e^(−4π²Dt/L²), has decayed by e^−79: the noise is gone). */
static double
default_t_end (const SpModel      *model,
               const SpDispersion *disp,
               double              length)
{
  double d;

  if (disp->unstable)
    return 50.0 / disp->sigma_max;
  d = sp_kinetics_dchem (model, model->c0);
  if (!(d > 0) || !isfinite (length * length / d))
    return 100.0;
  return 2.0 * length * length / d;
}

gboolean
sp_cli_sim_options_resolve (SpCliSimOptions   *f,
                            SpCliModelOptions *model_opts,
                            const char        *command,
                            SpCliSim          *sim)
{
  g_autoptr(GError) error = NULL;
  double length = 0, t_end = 0, dt_max = 0, noise = 0.01, tolerance = 0;
  guint64 grid = 256, frames = 100, seed = 1;
  gboolean pfhub = g_strcmp0 (f->model, "pfhub1a") == 0;
  const SpSession *session = sp_cli_model_options_session (model_opts);

  /* A --session file's simulation settings replace the defaults; flags
   * given explicitly still win (issue 7). */
  if (session != NULL)
    {
      grid = session->sim.n;
      length = session->sim.length;
      noise = session->sim.noise;
      seed = session->sim.seed;
      dt_max = session->sim.dt_max;
      if (f->model == NULL)
        pfhub = session->sim.problem == SP_CH_PROBLEM_PFHUB1;
    }

  if (f->model != NULL && !pfhub && g_strcmp0 (f->model, "material") != 0)
    {
      g_printerr (_("spinodal-cli %s: --model: “%s” is not known; allowed: material, pfhub1a\n"),
                  command, f->model);
      return FALSE;
    }
  if (pfhub && (f->grid != NULL || f->length != NULL || f->noise != NULL))
    {
      g_printerr (_("spinodal-cli %s: --grid, --length and --noise are fixed by --model pfhub1a\n"),
                  command);
      return FALSE;
    }
  if (pfhub)
    {
      /* The benchmark's free energy, mobility and κ are its own: a model
       * flag would be silently ignored, so say so instead. */
      g_autofree char *given = sp_cli_model_options_describe_given (model_opts);

      if (given != NULL)
        {
          g_printerr (_("spinodal-cli %s: --model pfhub1a fixes the whole model and ignores "
                        "the model flags (--omega, --temperature, --s1, --stiffness, --kappa, "
                        "--rk, --c0, --d0, --v0, --mobility, --preset); given: %s\n"),
                      command, given);
          return FALSE;
        }
    }
  if (!integer_flag (command, "--grid", f->grid, GRID_MIN, GRID_MAX, &grid) ||
      !number_flag (command, "--length", f->length, &length_range, &length) ||
      !number_flag (command, "--t-end", f->t_end, &time_range, &t_end) ||
      !number_flag (command, "--dt-max", f->dt_max, &dt_range, &dt_max) ||
      !number_flag (command, "--tolerance", f->tolerance, &tol_range, &tolerance) ||
      !integer_flag (command, "--frames", f->frames, 1, FRAMES_MAX, &frames) ||
      !number_flag (command, "--noise", f->noise, &noise_range, &noise) ||
      !integer_flag (command, "--seed", f->seed, 0, G_MAXUINT64, &seed))
    return FALSE;

  if (!pfhub && !sp_fft_is_good_size ((guint) grid))
    {
      /* A large prime factor makes every FFT several times slower (509²
       * costs 7–9 times 512² per step): round up, and say so. */
      guint good = sp_fft_good_size ((guint) grid);

      g_printerr (_("spinodal-cli %s: note: grid %u has a prime factor above 7, which makes "
                    "every transform several times slower; using %u instead\n"),
                  command, (guint) grid, good);
      grid = good;
    }

  if (pfhub)
    {
      sp_ch_params_init_pfhub1a (&sim->params);
      if (t_end == 0)
        t_end = 1e4;
    }
  else
    {
      SpDispersion disp;

      sp_ch_params_init_default (&sim->params);
      if (!sp_cli_model_options_resolve (model_opts, &sim->params.model, &error))
        {
          g_printerr ("spinodal-cli %s: %s\n", command, error->message);
          return FALSE;
        }
      sp_kinetics_dispersion (&sim->params.model, &disp);
      sim->params.n = (guint) grid;
      sim->params.noise = noise;
      if (f->length != NULL)
        {
          /* A box the user gave is used as given, or refused up front when
           * the grid cannot resolve the interfaces in it. */
          if (!sp_ch_box_check (&sim->params.model, sim->params.n, length, &error))
            {
              g_printerr ("spinodal-cli %s: --length: %s\n", command, error->message);
              return FALSE;
            }
          sim->params.length = length;
        }
      else
        {
          /* Sixteen fastest wavelengths (or the session's box), made
           * smaller when the grid would not resolve the interfaces. */
          SpChBoxFit fit;
          g_autofree char *note = NULL;

          sp_ch_box_fit (&sim->params.model, sim->params.n,
                         length > 0 ? length : disp.unstable ? 16.0 * disp.lambda_star : 128.0,
                         0.0, &fit);
          sim->params.length = fit.length;
          note = sp_ch_box_fit_note (&fit);
          if (note != NULL)
            g_printerr (_("spinodal-cli %s: note: %s\n"), command, note);
        }
      if (t_end == 0)
        t_end = default_t_end (&sim->params.model, &disp, sim->params.length);
    }
  if (dt_max > 0 && t_end / dt_max > MAX_FORCED_STEPS)
    {
      g_printerr (_("spinodal-cli %s: --dt-max %g is too small: reaching t-end = %g s would "
                    "take at least %.3g steps (the limit is %.0e); give a larger --dt-max "
                    "or a shorter --t-end\n"),
                  command, dt_max, t_end, t_end / dt_max, MAX_FORCED_STEPS);
      return FALSE;
    }
  sim->params.seed = seed;
  sim->params.dt_max = dt_max;
  if (session != NULL)
    sim->params.tolerance = session->sim.tolerance;
  if (f->tolerance != NULL)
    sim->params.tolerance = tolerance;
  sim->pfhub = pfhub;
  sim->t_end = t_end;
  sim->t_end_given = f->t_end != NULL;
  sim->frames = (guint) frames;
  return TRUE;
}

/* Sample times: 0, then @frames intervals, linear up to t_end for the
 * material; for PFHub logarithmic from 1 to t_end (one more row), which
 * lands exactly on every decade when @frames is a multiple of the number of
 * decades (the default 100 over 1 … 10⁴ does). */
static gboolean
log_times (const SpCliSim *sim)
{
  return sim->pfhub && sim->t_end > 1.0;
}

static double
sample_time (const SpCliSim *sim,
             guint           i)
{
  if (i == 0)
    return 0.0;
  if (log_times (sim))
    return i == sim->frames + 1 ? sim->t_end
                                : pow (10.0, log10 (sim->t_end) * (i - 1) / sim->frames);
  return i == sim->frames ? sim->t_end : sim->t_end * i / sim->frames;
}

gboolean
sp_cli_sim_run (const SpCliSim  *sim,
                SpCh            *ch,
                const char      *command,
                SpCliSimSample   sample,
                gpointer         user_data,
                GError         **error)
{
  gint64 start = g_get_monotonic_time (), last_report = start;
  guint last = sim->frames + (log_times (sim) ? 1 : 0);

  for (guint i = 0; i <= last; i++)
    {
      gint64 now;

      if (!sp_ch_advance_to (ch, sample_time (sim, i), error))
        return FALSE;
      if (sample != NULL)
        sample (ch, i, user_data);

      now = g_get_monotonic_time ();
      if (now - last_report > 2 * G_USEC_PER_SEC)
        {
          g_printerr (_("%s: t = %.4g of %.4g (%.0f %%), %" PRIu64 " steps, %.0f s\n"),
                      command, sp_ch_get_time (ch), sim->t_end,
                      100.0 * sp_ch_get_time (ch) / sim->t_end,
                      (uint64_t) sp_ch_get_steps (ch), (now - start) / (double) G_USEC_PER_SEC);
          last_report = now;
        }
    }
  return TRUE;
}

gboolean
sp_cli_check_writable (const char *command,
                       const char *path)
{
  g_autofree char *dir = NULL;
  gboolean is_dir;

  /* Standard output, a link (its target's directory is what counts) and a
   * device or pipe are checked by the write itself. */
  if (path == NULL || g_strcmp0 (path, "-") == 0 ||
      g_file_test (path, G_FILE_TEST_IS_SYMLINK) ||
      (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
       !g_file_test (path, G_FILE_TEST_IS_DIR)))
    return TRUE;
  dir = g_path_get_dirname (path);
  is_dir = g_file_test (path, G_FILE_TEST_IS_DIR);
  if (is_dir || g_access (dir, W_OK) != 0)
    {
      int saved = errno;

      g_printerr (_("spinodal-cli %s: cannot write “%s”: %s\n"), command, path,
                  is_dir ? _("it is a directory") : g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_cli_write_files (const char         *command,
                    guint               n,
                    const char *const  *paths,
                    GBytes     *const  *contents)
{
  g_autoptr(SpFileBatch) batch = sp_file_batch_new ();
  g_autoptr(GError) error = NULL;

  /* Every temporary first: one file that cannot be written leaves all the
   * existing ones as they were (issue 11). */
  for (guint i = 0; i < n; i++)
    {
      gsize len;
      const void *data = g_bytes_get_data (contents[i], &len);

      if (g_strcmp0 (paths[i], "-") != 0 &&
          !sp_file_batch_add (batch, paths[i], data, len, &error))
        {
          g_printerr ("spinodal-cli %s: %s\n", command, error->message);
          return FALSE;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      gsize len;
      const void *data = g_bytes_get_data (contents[i], &len);

      if (g_strcmp0 (paths[i], "-") == 0 &&
          (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0))
        {
          g_printerr (_("spinodal-cli %s: cannot write to standard output: %s\n"),
                      command, g_strerror (errno));
          return FALSE;
        }
    }
  if (!sp_file_batch_commit (batch, &error))
    {
      g_printerr ("spinodal-cli %s: %s\n", command, error->message);
      return FALSE;
    }
  return TRUE;
}
