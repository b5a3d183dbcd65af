/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-export-hop.c — the data of `spinodal-cli export --figure
 * lattice|msd|fs|qens|diffusion-arrhenius|finite-size`
 *
 * A trajectory (--trajectory FILE --species S --timestep-fs X, read by
 * sp_traj_read_file), or without one a lattice Monte Carlo run from the
 * lattice flags (sp_kmc_record: --kmc-frames frames one mean residence time
 * 1/Γ apart), gives the lattice layer (KMC; a file draws its tracers in the
 * cell), the MSD with its window (--window T0,T1, else the suggested one)
 * and D* ± s.e., F_s(Q, t) at --q and Γ(Q) with the Chudley–Elliott fit.
 * --data FILE gives qens a Q/Γ table and finite-size an L/value table;
 * several --trajectory files give diffusion-arrhenius (each at its file's
 * temperature) and finite-size (each at its cell's length) their runs.
 * The same analysis as the window's (sp-hop-workbench-jobs.c), run here
 * synchronously.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "sp-cli-export-hop.h"
#include "sp-cli-options.h"
#include "sp-diffusion.h"
#include "sp-finite-size.h"
#include "sp-kmc.h"
#include "sp-msd.h"
#include "sp-qens.h"
#include "sp-traj-read.h"

#define PREFIX "spinodal-cli export: "
#define MAX_Q 32
#define N_PATHS 3
#define PATH_POINTS 600
/* F_s: lags × origins × ions per Q (sp-hop-workbench-jobs.c). */
#define FS_BUDGET 1e7

struct _SpCliHopFigure
{
  SpHopFigureData        data;
  SpTrajectory          *trajectory;
  SpMsd                 *msd;
  gboolean               fitted;
  SpDiffusion            diffusion;
  SpQensFs              *fs;
  SpQensGamma           *gamma;
  gboolean               has_ce;
  SpChudleyElliott       ce;
  SpHopFigureLattice     lattice;
  guint8                *sites;
  SpHopFigurePath        paths[N_PATHS];
  double                *path_xy[N_PATHS][2];
  SpHopFigureMsd         msd_fig;
  double                *fs_t;
  SpHopFigureFs          fs_fig[MAX_Q];
  SpHopFigureQens        qens;
  GArray                *run_t, *run_d, *run_e, *run_l;
  SpHopFigureArrhenius   arrhenius;
  SpHopFigureFiniteSize  size;
  SpFiniteSizeData      *size_data;
  char                  *label, *source, *description;
};

void
sp_cli_hop_flags_add (SpCliHopFlags  *f,
                      GOptionContext *context)
{
  const GOptionEntry entries[] = {
    { "trajectory", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &f->trajectory,
      N_("Hopping figures: a trajectory (extended XYZ, LAMMPS dump, XDATCAR); repeatable for "
         "diffusion-arrhenius and finite-size"), N_("FILE") },
    { "species", 0, 0, G_OPTION_ARG_STRING, &f->species,
      N_("The mobile species of --trajectory (element or LAMMPS type)"), N_("S") },
    { "timestep-fs", 0, 0, G_OPTION_ARG_STRING, &f->timestep_fs,
      N_("Time between the trajectory's frames, fs"), N_("X") },
    { "stride", 0, 0, G_OPTION_ARG_STRING, &f->stride,
      N_("Keep every N-th frame of the trajectory (default 1)"), N_("N") },
    { "trajectory-format", 0, 0, G_OPTION_ARG_STRING, &f->trajectory_format,
      N_("auto (default), xyz, lammps or xdatcar"), N_("FORMAT") },
    { "window", 0, 0, G_OPTION_ARG_STRING, &f->window,
      N_("msd: the fit window in ps (default: suggested where the MSD is a straight line)"), N_("T0,T1") },
    { "q", 0, 0, G_OPTION_ARG_STRING, &f->q,
      N_("fs, qens: the Q values in Å⁻¹ (default 0.25,0.5,…,2)"), N_("Q1,Q2,…") },
    { "quantity", 0, 0, G_OPTION_ARG_STRING, &f->quantity,
      N_("finite-size --data: diffusivity (cm²/s, default) or energy (eV)"), N_("NAME") },
    { "layer", 0, 0, G_OPTION_ARG_STRING, &f->layer,
      N_("lattice: the layer z drawn (default: the middle one)"), N_("Z") },
    { "lattice-size", 0, 0, G_OPTION_ARG_STRING, &f->lattice_size,
      N_("Lattice Monte Carlo: sites per edge [2, 64] (default 16)"), N_("N") },
    { "carrier-fraction", 0, 0, G_OPTION_ARG_STRING, &f->carrier_fraction,
      N_("Lattice Monte Carlo: carriers per open site c (default 0.1)"), N_("C") },
    { "barrier-ev", 0, 0, G_OPTION_ARG_STRING, &f->barrier_ev,
      N_("Lattice Monte Carlo: hop barrier in x and y, eV (default 0.3)"), N_("E") },
    { "barrier-z-ev", 0, 0, G_OPTION_ARG_STRING, &f->barrier_z_ev,
      N_("Lattice Monte Carlo: hop barrier along z, eV (default: --barrier-ev)"), N_("E") },
    { "attempt-hz", 0, 0, G_OPTION_ARG_STRING, &f->attempt_hz,
      N_("Lattice Monte Carlo: attempt frequency ν, Hz (default 1e13)"), N_("NU") },
    { "temperature-k", 0, 0, G_OPTION_ARG_STRING, &f->temperature_k,
      N_("Lattice Monte Carlo: temperature, K (default 300)"), N_("T") },
    { "blocked-fraction", 0, 0, G_OPTION_ARG_STRING, &f->blocked_fraction,
      N_("Lattice Monte Carlo: fraction of blocked sites p (default 0)"), N_("P") },
    { "blocking", 0, 0, G_OPTION_ARG_STRING, &f->blocking,
      N_("Lattice Monte Carlo: random (default) or clustered blocked sites"), N_("KIND") },
    { "disorder-ev", 0, 0, G_OPTION_ARG_STRING, &f->disorder_ev,
      N_("Lattice Monte Carlo: width of the Gaussian site energies, eV (default 0)"), N_("W") },
    { "spacing-angstrom", 0, 0, G_OPTION_ARG_STRING, &f->spacing_angstrom,
      N_("Lattice Monte Carlo: site spacing a, Å (default 2.5)"), N_("A") },
    { "kmc-seed", 0, 0, G_OPTION_ARG_STRING, &f->kmc_seed,
      N_("Lattice Monte Carlo: random seed (default 1)"), N_("N") },
    { "kmc-frames", 0, 0, G_OPTION_ARG_STRING, &f->kmc_frames,
      N_("Lattice Monte Carlo: frames recorded (default 100 for lattice, 400 otherwise; "
         "0.1, 1 and 0.05 mean residence times 1/Γ apart for lattice, msd, fs and qens)"),
      N_("N") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

void
sp_cli_hop_flags_clear (SpCliHopFlags *f)
{
  g_strfreev (f->trajectory);
  g_free (f->species);
  g_free (f->timestep_fs);
  g_free (f->stride);
  g_free (f->trajectory_format);
  g_free (f->window);
  g_free (f->q);
  g_free (f->quantity);
  g_free (f->layer);
  g_free (f->lattice_size);
  g_free (f->carrier_fraction);
  g_free (f->barrier_ev);
  g_free (f->barrier_z_ev);
  g_free (f->attempt_hz);
  g_free (f->temperature_k);
  g_free (f->blocked_fraction);
  g_free (f->blocking);
  g_free (f->disorder_ev);
  g_free (f->spacing_angstrom);
  g_free (f->kmc_seed);
  g_free (f->kmc_frames);
  memset (f, 0, sizeof *f);
}

static gboolean
kmc_flags_given (const SpCliHopFlags *f)
{
  return f->lattice_size != NULL || f->carrier_fraction != NULL || f->barrier_ev != NULL ||
         f->barrier_z_ev != NULL || f->attempt_hz != NULL || f->temperature_k != NULL ||
         f->blocked_fraction != NULL || f->blocking != NULL || f->disorder_ev != NULL ||
         f->spacing_angstrom != NULL || f->kmc_seed != NULL || f->kmc_frames != NULL;
}

gboolean
sp_cli_hop_flags_given (const SpCliHopFlags *f)
{
  return f->trajectory != NULL || f->species != NULL || f->timestep_fs != NULL || f->stride != NULL ||
         f->trajectory_format != NULL || f->window != NULL || f->q != NULL || f->quantity != NULL ||
         f->layer != NULL || kmc_flags_given (f);
}

void
sp_cli_hop_figure_free (SpCliHopFigure *fig)
{
  if (fig == NULL)
    return;
  sp_trajectory_free (fig->trajectory);
  sp_msd_free (fig->msd);
  sp_qens_fs_free (fig->fs);
  sp_qens_gamma_free (fig->gamma);
  g_free (fig->sites);
  for (guint k = 0; k < N_PATHS; k++)
    {
      g_free (fig->path_xy[k][0]);
      g_free (fig->path_xy[k][1]);
    }
  g_free (fig->fs_t);
  g_array_unref (fig->run_t);
  g_array_unref (fig->run_d);
  g_array_unref (fig->run_e);
  g_array_unref (fig->run_l);
  sp_finite_size_data_free (fig->size_data);
  g_free (fig->label);
  g_free (fig->source);
  g_free (fig->description);
  g_free (fig);
}

const SpHopFigureData *
sp_cli_hop_figure_get_data (SpCliHopFigure *fig)
{
  return &fig->data;
}

/* ---- parsing ----------------------------------------------------------- */

static gboolean
number (const char *flag,
        const char *text,
        double      lo,
        double      hi,
        double     *out)
{
  SpParamRange range = { flag + 2, "", lo, hi, FALSE, FALSE };
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return TRUE;
  if (!sp_cli_parse_number (flag, text, &range, out, &error))
    {
      g_printerr (PREFIX "%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
integer (const char *flag,
         const char *text,
         guint64     lo,
         guint64     hi,
         guint64    *out)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return TRUE;
  if (!sp_cli_parse_integer (flag, text, lo, hi, out, &error))
    {
      g_printerr (PREFIX "%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* "a,b,c" → up to @max numbers in (lo, hi]. */
static gboolean
number_list (const char *flag,
             const char *text,
             double      lo,
             double      hi,
             guint       max,
             double     *out,
             guint      *n)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  guint count = g_strv_length (parts);

  if (count == 0 || count > max)
    {
      g_printerr (_("spinodal-cli export: %s: give 1 to %u numbers separated by commas\n"), flag, max);
      return FALSE;
    }
  for (guint i = 0; i < count; i++)
    if (!number (flag, g_strstrip (parts[i]), lo, hi, &out[i]))
      return FALSE;
  *n = count;
  return TRUE;
}

static gboolean
read_options (const SpCliHopFlags *f,
              SpTrajReadOptions   *options)
{
  guint64 stride = 1;

  sp_traj_read_options_init (options);
  if (f->species == NULL || f->timestep_fs == NULL)
    {
      g_printerr (_("spinodal-cli export: --trajectory needs --species and --timestep-fs\n"));
      return FALSE;
    }
  options->species = f->species;
  if (!number ("--timestep-fs", f->timestep_fs, 1e-6, 1e9, &options->timestep_fs)
      || !integer ("--stride", f->stride, 1, G_MAXUINT, &stride))
    return FALSE;
  options->stride = (guint) stride;
  if (f->trajectory_format != NULL && !sp_traj_format_from_string (f->trajectory_format, &options->format))
    {
      g_printerr (_("spinodal-cli export: --trajectory-format: “%s” is not a format; "
                    "allowed: auto, xyz, lammps, xdatcar\n"), f->trajectory_format);
      return FALSE;
    }
  return TRUE;
}

static SpTrajectory *
read_trajectory (const char              *path,
                 const SpTrajReadOptions *options)
{
  g_autoptr(GError) error = NULL;
  SpTrajectory *t = sp_traj_read_file (path, options, NULL, NULL, NULL, &error);

  if (t == NULL)
    g_printerr (PREFIX "%s\n", error->message);
  return t;
}

/* ---- the lattice Monte Carlo run ---------------------------------------- */

/* Frames and their spacing (in mean residence times 1/Γ of the faster
 * direction) per figure: a tenth for the lattice's paths, so that a path
 * segment is one hop; one for the MSD, which wants long times; a
 * twentieth for F_s, which at Q = 2 Å⁻¹ decays within a third of 1/Γ. */
static void
kmc_sampling (SpFigureKind kind,
              guint64     *frames,
              double      *spacing)
{
  *frames = kind == SP_FIGURE_LATTICE ? 100 : 400;
  *spacing = kind == SP_FIGURE_LATTICE ? 0.1 : kind == SP_FIGURE_MSD ? 1.0 : 0.05;
}

static SpKmc *
kmc_run (SpCliHopFigure      *fig,
         const SpCliHopFlags *f,
         SpFigureKind         kind)
{
  g_autoptr(GError) error = NULL;
  SpKmcParams p;
  guint64 size = 16, seed = 1, frames;
  double rate, spacing;
  SpKmc *kmc;

  kmc_sampling (kind, &frames, &spacing);
  sp_kmc_params_init_default (&p);
  p.size = 16;
  p.barrier_z_ev = NAN;
  if (!integer ("--lattice-size", f->lattice_size, 2, SP_KMC_MAX_SIZE, &size)
      || !number ("--carrier-fraction", f->carrier_fraction, 1e-9, 1, &p.carrier_fraction)
      || !number ("--barrier-ev", f->barrier_ev, 0, 10, &p.barrier_ev)
      || !number ("--barrier-z-ev", f->barrier_z_ev, 0, 10, &p.barrier_z_ev)
      || !number ("--attempt-hz", f->attempt_hz, 1, 1e18, &p.attempt_hz)
      || !number ("--temperature-k", f->temperature_k, 1, 1e5, &p.temperature_k)
      || !number ("--blocked-fraction", f->blocked_fraction, 0, 0.999, &p.blocked_fraction)
      || !number ("--disorder-ev", f->disorder_ev, 0, 10, &p.disorder_ev)
      || !number ("--spacing-angstrom", f->spacing_angstrom, 0.1, 100, &p.spacing_angstrom)
      || !integer ("--kmc-seed", f->kmc_seed, 0, G_MAXUINT64, &seed)
      || !integer ("--kmc-frames", f->kmc_frames, 4, 100000, &frames))
    return NULL;
  if (f->blocking != NULL && !sp_kmc_blocking_from_string (f->blocking, &p.blocking))
    {
      g_printerr (_("spinodal-cli export: --blocking: “%s” is not a kind; allowed: random, clustered\n"),
                  f->blocking);
      return NULL;
    }
  if (isnan (p.barrier_z_ev))
    p.barrier_z_ev = p.barrier_ev;
  p.size = (guint) size;
  p.seed = seed;
  kmc = sp_kmc_new (&p, &error);
  if (kmc == NULL)
    {
      g_printerr (PREFIX "%s\n", error->message);
      return NULL;
    }
  rate = MAX (sp_kmc_hop_rate_hz (&p), sp_kmc_hop_rate_z_hz (&p));
  fig->trajectory = sp_kmc_record (kmc, (guint) frames, spacing / rate, NULL);
  if (fig->trajectory == NULL)
    {
      g_printerr (_("spinodal-cli export: the lattice Monte Carlo trajectory does not fit in memory\n"));
      sp_kmc_free (kmc);
      return NULL;
    }
  fig->description = g_strdup_printf (_("Lattice Monte Carlo: %u³ sites, c = %g, E_a = %g eV, "
                                        "E_a,z = %g eV, ν = %g Hz, T = %g K, p = %g, seed %" PRIu64),
                                      p.size, p.carrier_fraction, p.barrier_ev, p.barrier_z_ev,
                                      p.attempt_hz, p.temperature_k, p.blocked_fraction, p.seed);
  return kmc;
}

/* ---- the analyses -------------------------------------------------------- */

static void
fill_paths (SpCliHopFigure *fig)
{
  const SpTrajectory *t = fig->trajectory;
  guint step = MAX (1u, (t->n_frames + PATH_POINTS - 1) / PATH_POINTS);
  guint n = (t->n_frames + step - 1) / step, k;

  for (k = 0; k < MIN ((guint) N_PATHS, t->n_ions); k++)
    {
      fig->path_xy[k][0] = g_new (double, n);
      fig->path_xy[k][1] = g_new (double, n);
      for (guint i = 0; i < n; i++)
        {
          const double *r = sp_trajectory_position (t, MIN (i * step, t->n_frames - 1), k);

          fig->path_xy[k][0][i] = r[0];
          fig->path_xy[k][1][i] = r[1];
        }
      fig->paths[k] = (SpHopFigurePath) { n, fig->path_xy[k][0], fig->path_xy[k][1] };
    }
  fig->lattice.n_paths = k;
  fig->lattice.paths = fig->paths;
}

static gboolean
analyse_msd (SpCliHopFigure      *fig,
             const SpCliHopFlags *f)
{
  g_autoptr(GError) error = NULL;
  const SpTrajectory *t = fig->trajectory;
  SpHopFigureMsd *m = &fig->msd_fig;
  double window[2] = { NAN, NAN };
  gboolean automatic = TRUE;
  guint n;

  if (f->window != NULL)
    {
      if (!number_list ("--window", f->window, 1e-12, 1e12, 2, window, &n) || n != 2 || !(window[1] > window[0]))
        {
          g_printerr (_("spinodal-cli export: --window needs two times T0,T1 in ps with T0 < T1\n"));
          return FALSE;
        }
      automatic = FALSE;
    }
  fig->msd = sp_msd_compute (t, MAX (2u, t->n_frames / 2), NULL, &error);
  if (fig->msd == NULL)
    {
      g_printerr (PREFIX "%s\n", error->message);
      return FALSE;
    }
  if (automatic && !sp_diffusion_suggest_window (t, fig->msd, &window[0], &window[1])
      && fig->msd->n_lags >= 4)
    {
      guint k0 = MAX (1u, fig->msd->n_lags / 10), k1 = MAX (k0 + 2, fig->msd->n_lags / 2);

      window[0] = fig->msd->lag_ps[k0];
      window[1] = fig->msd->lag_ps[MIN (k1, fig->msd->n_lags - 1)];
    }
  memset (m, 0, sizeof *m);
  m->n = fig->msd->n_lags;
  m->t_ps = fig->msd->lag_ps;
  for (guint a = 0; a < 3; a++)
    m->msd_a2[a] = fig->msd->msd_axis[a];
  m->msd_a2[SP_HOP_MSD_TOTAL] = fig->msd->msd;
  m->msd_a2[SP_HOP_MSD_COLLECTIVE] = fig->msd->collective;
  m->dimensions = 3;
  m->window_automatic = automatic;
  m->window_t0_ps = m->window_t1_ps = NAN;
  m->d_star_cm2_s = m->d_star_err_cm2_s = m->offset_a2 = NAN;
  m->d_sigma_cm2_s = m->d_sigma_err_cm2_s = m->offset_collective_a2 = NAN;
  if (isfinite (window[0]))
    {
      window[0] = CLAMP (window[0], fig->msd->lag_ps[1], fig->msd->lag_ps[fig->msd->n_lags - 1]);
      window[1] = CLAMP (window[1], fig->msd->lag_ps[1], fig->msd->lag_ps[fig->msd->n_lags - 1]);
      fig->fitted = sp_diffusion_fit (t, fig->msd, window[0], window[1], &fig->diffusion, &error);
      if (!fig->fitted)
        g_printerr (_("spinodal-cli export: no diffusion fit in %g–%g ps: %s\n"), window[0], window[1],
                    error->message);
      else
        {
          window[0] = fig->diffusion.t0_ps;
          window[1] = fig->diffusion.t1_ps;
          m->d_star_cm2_s = fig->diffusion.d_star_cm2_s;
          m->d_star_err_cm2_s = fig->diffusion.d_star_stderr_cm2_s;
          m->offset_a2 = fig->diffusion.star.intercept_a2;
          m->d_sigma_cm2_s = fig->diffusion.d_sigma_cm2_s;
          m->d_sigma_err_cm2_s = fig->diffusion.d_sigma_stderr_cm2_s;
          m->offset_collective_a2 = fig->diffusion.sigma.intercept_a2;
        }
      m->window_t0_ps = window[0];
      m->window_t1_ps = window[1];
    }
  fig->data.msd = m;
  return TRUE;
}

static gboolean
analyse_fs (SpCliHopFigure      *fig,
            const SpCliHopFlags *f)
{
  g_autoptr(GError) error = NULL;
  const SpTrajectory *t = fig->trajectory;
  double q[MAX_Q];
  guint n_q = 8, lags;
  g_autoptr(GArray) gq = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) gg = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ge = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n_q; i++)
    q[i] = 0.25 * (i + 1);
  if (f->q != NULL && !number_list ("--q", f->q, 1e-6, 1e3, MAX_Q, q, &n_q))
    return FALSE;
  lags = (guint) CLAMP (FS_BUDGET / ((double) t->n_frames * MAX (1u, t->n_ions)), 2.0, t->n_frames / 2.0);
  fig->fs = sp_qens_fs_compute (t, q, n_q, MAX (lags, 2u), NULL, &error);
  if (fig->fs == NULL)
    {
      g_printerr (PREFIX "%s\n", error->message);
      return FALSE;
    }
  fig->fs_t = g_new (double, fig->fs->n_lags);
  for (guint i = 0; i < fig->fs->n_lags; i++)
    fig->fs_t[i] = i * fig->fs->dt_ps;
  for (guint iq = 0; iq < n_q; iq++)
    {
      SpQensFs one = { 1, fig->fs->n_lags, fig->fs->dt_ps, fig->fs->q + iq,
                       fig->fs->fs + (gsize) iq * fig->fs->n_lags };
      g_autoptr(GError) local = NULL;
      g_autoptr(SpQensGamma) g = sp_qens_gamma_from_fs (&one, &local);

      fig->fs_fig[iq] = (SpHopFigureFs) { q[iq], fig->fs->n_lags, fig->fs_t, one.fs, NAN, NAN, NAN };
      if (g == NULL)
        {
          g_printerr (_("spinodal-cli export: Q = %g Å⁻¹: no linewidth: %s\n"), q[iq], local->message);
          continue;
        }
      fig->fs_fig[iq].gamma_mev = g->gamma_mev[0];
      fig->fs_fig[iq].gamma_err_mev = g->gamma_err_mev != NULL ? g->gamma_err_mev[0] : NAN;
      fig->fs_fig[iq].amplitude = g->amplitude != NULL ? g->amplitude[0] : NAN;
      g_array_append_val (gq, q[iq]);
      g_array_append_val (gg, fig->fs_fig[iq].gamma_mev);
      g_array_append_val (ge, fig->fs_fig[iq].gamma_err_mev);
    }
  fig->data.n_fs = n_q;
  fig->data.fs = fig->fs_fig;
  if (gq->len > 0)
    {
      fig->gamma = sp_qens_gamma_new (gq->len, TRUE);
      memcpy (fig->gamma->q, gq->data, gq->len * sizeof (double));
      memcpy (fig->gamma->gamma_mev, gg->data, gq->len * sizeof (double));
      memcpy (fig->gamma->gamma_err_mev, ge->data, gq->len * sizeof (double));
    }
  return TRUE;
}

static void
fill_qens (SpCliHopFigure *fig,
           const char     *source)
{
  g_autoptr(GError) error = NULL;
  const SpQensGamma *g = fig->gamma;

  fig->has_ce = g->n_points >= SP_QENS_MIN_POINTS && sp_chudley_elliott_fit (g, &fig->ce, &error);
  if (!fig->has_ce)
    g_printerr (_("spinodal-cli export: no Chudley–Elliott fit: %s\n"),
                error != NULL ? error->message : _("fewer than 3 linewidths"));
  fig->source = g_strdup (source);
  fig->qens = (SpHopFigureQens) { g->n_points, g->q, g->gamma_mev, g->gamma_err_mev,
                                  NAN, NAN, NAN, NAN, NAN, NAN, fig->source };
  if (fig->has_ce)
    {
      fig->qens.l_angstrom = fig->ce.l_angstrom;
      fig->qens.l_err_angstrom = fig->ce.l_stderr_angstrom;
      fig->qens.tau_ps = fig->ce.tau_ps;
      fig->qens.tau_err_ps = fig->ce.tau_stderr_ps;
      fig->qens.d_cm2_s = fig->ce.d_cm2_s;
      fig->qens.d_err_cm2_s = fig->ce.d_stderr_cm2_s;
    }
  fig->data.qens = &fig->qens;
}

/* Each --trajectory → D* ± s.e. at its temperature and box length. */
static gboolean
runs (SpCliHopFigure      *fig,
      const SpCliHopFlags *f,
      gboolean             need_temperature)
{
  SpTrajReadOptions options;

  if (!read_options (f, &options))
    return FALSE;
  for (guint i = 0; f->trajectory[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpTrajectory) t = read_trajectory (f->trajectory[i], &options);
      g_autoptr(SpMsd) msd = NULL;
      SpDiffusion d;
      double t0, t1, volume;

      if (t == NULL)
        return FALSE;
      if (need_temperature && !isfinite (t->temperature_k))
        {
          g_printerr (_("spinodal-cli export: %s states no temperature (an extended XYZ "
                        "temperature= key): diffusion-arrhenius needs one per file\n"), f->trajectory[i]);
          return FALSE;
        }
      msd = sp_msd_compute (t, MAX (2u, t->n_frames / 2), NULL, &error);
      if (msd != NULL && !sp_diffusion_suggest_window (t, msd, &t0, &t1) && msd->n_lags >= 4)
        {
          t0 = msd->lag_ps[MAX (1u, msd->n_lags / 10)];
          t1 = msd->lag_ps[MIN (MAX (msd->n_lags / 10 + 2, msd->n_lags / 2), msd->n_lags - 1)];
        }
      if (msd == NULL || msd->n_lags < 4 || !sp_diffusion_fit (t, msd, t0, t1, &d, &error))
        {
          g_printerr (_("spinodal-cli export: %s: no diffusion coefficient: %s\n"), f->trajectory[i],
                      error != NULL ? error->message : _("too few frames"));
          return FALSE;
        }
      volume = sp_trajectory_volume_a3 (t);
      g_array_append_val (fig->run_t, t->temperature_k);
      g_array_append_val (fig->run_d, d.d_star_cm2_s);
      g_array_append_val (fig->run_e, d.d_star_stderr_cm2_s);
      volume = volume > 0.0 ? cbrt (volume) : NAN;
      g_array_append_val (fig->run_l, volume);
    }
  return TRUE;
}

static gboolean
arrhenius (SpCliHopFigure      *fig,
           const SpCliHopFlags *f)
{
  g_autoptr(GError) error = NULL;
  SpArrheniusFit fit;

  if (f->trajectory == NULL)
    {
      g_printerr (_("spinodal-cli export: diffusion-arrhenius needs --trajectory files at "
                    "several temperatures\n"));
      return FALSE;
    }
  if (!runs (fig, f, TRUE))
    return FALSE;
  fig->arrhenius = (SpHopFigureArrhenius) { "D*", fig->run_t->len, (double *) fig->run_t->data,
                                            (double *) fig->run_d->data, (double *) fig->run_e->data,
                                            NAN, NAN, NAN };
  if (sp_diffusion_arrhenius ((double *) fig->run_t->data, (double *) fig->run_d->data,
                              (double *) fig->run_e->data, fig->run_t->len, &fit, &error))
    {
      fig->arrhenius.ea_ev = fit.ea_ev;
      fig->arrhenius.ea_err_ev = fit.ea_stderr_ev;
      fig->arrhenius.prefactor_cm2_s = fit.prefactor;
    }
  else
    g_printerr (_("spinodal-cli export: no Arrhenius fit: %s\n"), error->message);
  fig->data.n_arrhenius = 1;
  fig->data.arrhenius = &fig->arrhenius;
  return TRUE;
}

static gboolean
finite_size (SpCliHopFigure      *fig,
             const SpCliHopFlags *f,
             char               **data)
{
  g_autoptr(GError) error = NULL;
  SpHopFiniteSizeQuantity quantity = SP_HOP_FINITE_SIZE_DIFFUSIVITY;
  SpFiniteSizeFit fit;
  const double *l, *v, *e;
  guint n;

  if (f->quantity != NULL)
    {
      if (g_strcmp0 (f->quantity, "energy") == 0)
        quantity = SP_HOP_FINITE_SIZE_ENERGY;
      else if (g_strcmp0 (f->quantity, "diffusivity") != 0)
        {
          g_printerr (_("spinodal-cli export: --quantity: “%s” is not a quantity; allowed: "
                        "diffusivity, energy\n"), f->quantity);
          return FALSE;
        }
    }
  if (data != NULL)
    {
      if (data[0] == NULL || data[1] != NULL || f->trajectory != NULL)
        {
          g_printerr (_("spinodal-cli export: finite-size takes one --data table or several "
                        "--trajectory files\n"));
          return FALSE;
        }
      fig->size_data = sp_finite_size_data_read_file (data[0], &error);
      if (fig->size_data == NULL)
        {
          g_printerr (PREFIX "%s\n", error->message);
          return FALSE;
        }
      l = fig->size_data->length;
      v = fig->size_data->value;
      e = fig->size_data->value_stderr;
      n = fig->size_data->n_points;
    }
  else if (f->trajectory != NULL)
    {
      if (quantity == SP_HOP_FINITE_SIZE_ENERGY)
        {
          g_printerr (_("spinodal-cli export: --quantity energy needs a --data table of barriers\n"));
          return FALSE;
        }
      if (!runs (fig, f, FALSE))
        return FALSE;
      l = (double *) fig->run_l->data;
      v = (double *) fig->run_d->data;
      e = (double *) fig->run_e->data;
      n = fig->run_l->len;
    }
  else
    {
      g_printerr (_("spinodal-cli export: finite-size needs --data FILE (L and D or E) or "
                    "--trajectory files at several box sizes\n"));
      return FALSE;
    }
  fig->size = (SpHopFigureFiniteSize) { quantity, n, l, v, e, NAN, NAN, NAN };
  if (sp_finite_size_fit (l, v, e, n, &fit, &error))
    {
      fig->size.intercept = fit.value_inf;
      fig->size.intercept_err = fit.value_inf_stderr;
      fig->size.slope = fit.slope;
    }
  else
    g_printerr (_("spinodal-cli export: no finite-size fit: %s\n"), error->message);
  fig->data.finite_size = &fig->size;
  return TRUE;
}

/* The trajectory (file or KMC) for lattice, msd, fs, qens; the lattice
 * layer when from KMC. */
static gboolean
trajectory_or_kmc (SpCliHopFigure      *fig,
                   const SpCliHopFlags *f,
                   SpFigureKind         kind)
{
  gboolean want_layer = kind == SP_FIGURE_LATTICE;

  if (f->trajectory != NULL)
    {
      SpTrajReadOptions options;

      if (f->trajectory[1] != NULL)
        {
          g_printerr (_("spinodal-cli export: this figure takes one --trajectory\n"));
          return FALSE;
        }
      if (kmc_flags_given (f))
        {
          g_printerr (_("spinodal-cli export: --trajectory and the lattice Monte Carlo flags "
                        "exclude each other\n"));
          return FALSE;
        }
      if (!read_options (f, &options) || (fig->trajectory = read_trajectory (f->trajectory[0], &options)) == NULL)
        return FALSE;
      {
        g_autofree char *dt = g_strdup_printf ("%g", fig->trajectory->dt_ps);

        fig->description = g_strdup_printf (_("%s: %u %s ions, %u frames %s ps apart"),
                                            fig->trajectory->name, fig->trajectory->n_ions,
                                            fig->trajectory->species, fig->trajectory->n_frames, dt);
      }
      if (want_layer)
        {
          fig->lattice.width_angstrom = fabs (fig->trajectory->cell[0]);
          fig->lattice.height_angstrom = fabs (fig->trajectory->cell[4]);
        }
    }
  else
    {
      SpKmc *kmc = kmc_run (fig, f, kind);
      guint64 layer;

      if (kmc == NULL)
        return FALSE;
      layer = sp_kmc_size (kmc) / 2;
      if (!integer ("--layer", f->layer, 0, sp_kmc_size (kmc) - 1, &layer))
        {
          sp_kmc_free (kmc);
          return FALSE;
        }
      if (want_layer)
        {
          guint size = sp_kmc_size (kmc);

          fig->sites = g_new (guint8, (gsize) size * size);
          sp_kmc_copy_layer (kmc, (guint) layer, fig->sites);
          fig->lattice.nx = fig->lattice.ny = size;
          fig->lattice.sites = fig->sites;
          fig->lattice.spacing_angstrom = sp_kmc_get_params (kmc)->spacing_angstrom;
          fig->lattice.width_angstrom = fig->lattice.height_angstrom = size * fig->lattice.spacing_angstrom;
          fig->label = g_strdup_printf (_("z = %u (of %u layers)"), (guint) layer, size);
          fig->lattice.label = fig->label;
        }
      sp_kmc_free (kmc);
    }
  return TRUE;
}

SpCliHopFigure *
sp_cli_hop_figure_new (const SpCliHopFlags *f,
                       char               **data,
                       SpFigureKind         kind)
{
  g_autoptr(SpCliHopFigure) fig = g_new0 (SpCliHopFigure, 1);
  gboolean ok = FALSE;

  fig->run_t = g_array_new (FALSE, FALSE, sizeof (double));
  fig->run_d = g_array_new (FALSE, FALSE, sizeof (double));
  fig->run_e = g_array_new (FALSE, FALSE, sizeof (double));
  fig->run_l = g_array_new (FALSE, FALSE, sizeof (double));
  if (data != NULL && kind != SP_FIGURE_QENS && kind != SP_FIGURE_FINITE_SIZE)
    {
      g_printerr (_("spinodal-cli export: --data applies to qens (a Q/Γ table) and finite-size "
                    "(an L/value table) among the hopping figures\n"));
      return NULL;
    }
  switch (kind)
    {
    case SP_FIGURE_LATTICE:
      ok = trajectory_or_kmc (fig, f, kind);
      if (ok)
        {
          fill_paths (fig);
          fig->data.lattice = &fig->lattice;
        }
      break;
    case SP_FIGURE_MSD:
      ok = trajectory_or_kmc (fig, f, kind) && analyse_msd (fig, f);
      break;
    case SP_FIGURE_FS:
      ok = trajectory_or_kmc (fig, f, kind) && analyse_fs (fig, f);
      break;
    case SP_FIGURE_QENS:
      if (data != NULL)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *base = NULL;

          if (data[1] != NULL)
            {
              g_printerr (_("spinodal-cli export: qens takes one --data table\n"));
              return NULL;
            }
          fig->gamma = sp_qens_read_table (data[0], &error);
          if (fig->gamma == NULL)
            {
              g_printerr (PREFIX "%s\n", error->message);
              return NULL;
            }
          base = g_path_get_basename (data[0]);
          fill_qens (fig, base);
          ok = TRUE;
        }
      else
        {
          ok = trajectory_or_kmc (fig, f, kind) && analyse_fs (fig, f);
          if (ok && fig->gamma == NULL)
            {
              g_printerr (_("spinodal-cli export: no Q value gave a linewidth\n"));
              ok = FALSE;
            }
          if (ok)
            fill_qens (fig, _("trajectory"));
        }
      break;
    case SP_FIGURE_DIFFUSION_ARRHENIUS:
      ok = arrhenius (fig, f);
      break;
    case SP_FIGURE_FINITE_SIZE:
      ok = finite_size (fig, f, data);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (!ok)
    return NULL;
  fig->data.description = fig->description;
  return g_steal_pointer (&fig);
}
