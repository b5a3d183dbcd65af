/* sp-cli-run.c — simulation flags and the run loop of the CLI */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <unistd.h>

#include "sp-ch-box.h"
#include "sp-cli-run.h"
#include "sp-kinetics.h"

/* Flag ranges (the model's own ranges live in sp-model.c). */
static const SpParamRange grid_range   = { "grid",   "",   64.0,  1024.0, FALSE, FALSE };
static const SpParamRange length_range = { "length", "nm",  0.0,  1.0e6,  TRUE,  FALSE };
static const SpParamRange time_range   = { "t-end",  "",    0.0,  1.0e12, TRUE,  FALSE };
static const SpParamRange dt_range     = { "dt-max", "",    0.0,  1.0e12, TRUE,  FALSE };
static const SpParamRange frames_range = { "frames", "",    1.0,  1.0e5,  FALSE, FALSE };
static const SpParamRange noise_range  = { "noise",  "",    0.0,  0.5,    FALSE, TRUE  };

struct _SpCliSimOptions
{
  char *grid, *length, *t_end, *dt_max, *seed, *frames, *noise, *model;
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
  g_free (f->seed);
  g_free (f->frames);
  g_free (f->noise);
  g_free (f->model);
  g_free (f);
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
      N_("Grid points per side N [64, 1024] (default 256)"), N_("N") },
    { "length", 0, 0, G_OPTION_ARG_STRING, &f->length,
      N_("Side of the periodic box in nm (0, 1e6]; refused when the grid cannot resolve the "
         "interfaces (default 16 λ*, made smaller when the grid needs it)"), N_("NM") },
    { "t-end", 0, 0, G_OPTION_ARG_STRING, &f->t_end,
      N_("Simulated time in s (0, 1e12] (default 50/σ_max; pfhub1a: 10000)"), N_("T") },
    { "dt-max", 0, 0, G_OPTION_ARG_STRING, &f->dt_max,
      N_("Largest time step (0, 1e12] (default: no limit, the step adapts)"), N_("DT") },
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

/* An optional number flag; @is_integer rejects fractions. */
static gboolean
number_flag (const char         *command,
             const char         *flag,
             const char         *text,
             const SpParamRange *range,
             gboolean            is_integer,
             double             *out)
{
  g_autoptr(GError) error = NULL;
  double value;

  if (text == NULL)
    return TRUE;
  if (!sp_cli_parse_number (flag, text, range, &value, &error))
    {
      g_printerr ("spinodal-cli %s: %s\n", command, error->message);
      return FALSE;
    }
  if (is_integer && value != floor (value))
    {
      g_autofree char *allowed = sp_param_range_describe (range);

      g_printerr (_("spinodal-cli %s: %s must be a whole number in %s\n"), command, flag, allowed);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
sp_cli_sim_options_resolve (SpCliSimOptions   *f,
                            SpCliModelOptions *model_opts,
                            const char        *command,
                            SpCliSim          *sim)
{
  g_autoptr(GError) error = NULL;
  double grid = 256, length = 0, t_end = 0, dt_max = 0, frames = 100, noise = 0.01;
  guint64 seed = 1;
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
  if (!number_flag (command, "--grid", f->grid, &grid_range, TRUE, &grid) ||
      !number_flag (command, "--length", f->length, &length_range, FALSE, &length) ||
      !number_flag (command, "--t-end", f->t_end, &time_range, FALSE, &t_end) ||
      !number_flag (command, "--dt-max", f->dt_max, &dt_range, FALSE, &dt_max) ||
      !number_flag (command, "--frames", f->frames, &frames_range, TRUE, &frames) ||
      !number_flag (command, "--noise", f->noise, &noise_range, FALSE, &noise))
    return FALSE;
  if (f->seed != NULL &&
      !g_ascii_string_to_unsigned (f->seed, 10, 0, G_MAXUINT64, &seed, NULL))
    {
      /* PRIu64, not G_GUINT64_FORMAT: xgettext understands <inttypes.h>
       * macros, so the catalogue's msgid matches the runtime string. */
      g_printerr (_("spinodal-cli %s: --seed must be a whole number in [0, %" PRIu64 "]\n"),
                  command, UINT64_MAX);
      return FALSE;
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
        t_end = disp.unstable ? 50.0 / disp.sigma_max : 100.0;
    }
  sim->params.seed = seed;
  sim->params.dt_max = dt_max;
  if (session != NULL)
    sim->params.tolerance = session->sim.tolerance;
  sim->pfhub = pfhub;
  sim->t_end = t_end;
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

  if (path == NULL)
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
