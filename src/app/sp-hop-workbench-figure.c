/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hop-workbench-figure.c — SpHopFigureData from the workbench's results
 *
 * The MSD and F_s arrays are borrowed from the results themselves; the
 * paths, the F_s time axis and the run series are built here once per
 * change and kept in the cache until the next one.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-hop-workbench-private.h"

/* Points of a tracer path at most: a longer trajectory is subsampled. */
#define PATH_POINTS 600

void
sp_hop_figure_cache_clear (SpHopFigureCache *cache)
{
  for (guint k = 0; k < SP_HOP_N_PATHS; k++)
    for (guint a = 0; a < 2; a++)
      g_clear_pointer (&cache->path_xy[k][a], g_free);
  g_clear_pointer (&cache->fs_t, g_free);
  g_clear_pointer (&cache->run_t, g_free);
  g_clear_pointer (&cache->run_d, g_free);
  g_clear_pointer (&cache->run_err, g_free);
  g_clear_pointer (&cache->run_l, g_free);
  g_clear_pointer (&cache->description, g_free);
  g_clear_pointer (&cache->qens_source, g_free);
  cache->valid = FALSE;
}

/* A few tracers' x, y (the first carriers), and the layer or the cell. */
static gboolean
fill_lattice (SpHopWorkbench   *self,
              SpHopFigureCache *cache)
{
  const SpTrajectory *t = self->base != NULL ? self->base->trajectory : NULL;
  guint n_paths = 0;

  if (self->lattice != NULL)
    cache->lattice = *self->lattice;
  else if (t != NULL && fabs (t->cell[0]) > 0.0 && fabs (t->cell[4]) > 0.0)
    {
      memset (&cache->lattice, 0, sizeof cache->lattice);
      cache->lattice.width_angstrom = fabs (t->cell[0]);
      cache->lattice.height_angstrom = fabs (t->cell[4]);
    }
  else
    return FALSE;

  if (t != NULL && t->n_frames > 1)
    {
      guint step = MAX (1u, (t->n_frames + PATH_POINTS - 1) / PATH_POINTS);
      guint n = (t->n_frames + step - 1) / step;

      for (guint k = 0; k < MIN ((guint) SP_HOP_N_PATHS, t->n_ions); k++)
        {
          double *x = g_new (double, n), *y = g_new (double, n);

          for (guint i = 0; i < n; i++)
            {
              const double *r = sp_trajectory_position (t, MIN (i * step, t->n_frames - 1), k);

              x[i] = r[0];
              y[i] = r[1];
            }
          cache->path_xy[k][0] = x;
          cache->path_xy[k][1] = y;
          cache->paths[k] = (SpHopFigurePath) { n, x, y };
          n_paths++;
        }
    }
  /* The engine's own paths win when the page gave a layer with paths. */
  if (self->lattice == NULL || self->lattice->n_paths == 0)
    {
      cache->lattice.n_paths = n_paths;
      cache->lattice.paths = n_paths > 0 ? cache->paths : NULL;
    }
  return TRUE;
}

static void
fill_msd (SpHopWorkbench   *self,
          SpHopFigureCache *cache)
{
  const SpMsd *msd = self->base->msd;
  SpHopFigureMsd *m = &cache->msd;

  memset (m, 0, sizeof *m);
  m->n = msd->n_lags;
  m->t_ps = msd->lag_ps;
  for (guint a = 0; a < 3; a++)
    m->msd_a2[a] = msd->msd_axis[a];
  m->msd_a2[SP_HOP_MSD_TOTAL] = msd->msd;
  m->msd_a2[SP_HOP_MSD_COLLECTIVE] = msd->collective;
  m->dimensions = 3;
  m->window_t0_ps = m->window_t1_ps = NAN;
  m->d_star_cm2_s = m->d_star_err_cm2_s = m->offset_a2 = NAN;
  m->d_sigma_cm2_s = m->d_sigma_err_cm2_s = m->offset_collective_a2 = NAN;
  if (self->fit != NULL && isfinite (self->fit->t0_ps))
    {
      m->window_t0_ps = self->fit->t0_ps;
      m->window_t1_ps = self->fit->t1_ps;
      m->window_automatic = self->fit->automatic;
    }
  if (self->fit != NULL && self->fit->ok)
    {
      const SpDiffusion *d = &self->fit->diffusion;

      m->d_star_cm2_s = d->d_star_cm2_s;
      m->d_star_err_cm2_s = d->d_star_stderr_cm2_s;
      m->offset_a2 = d->star.intercept_a2;
      m->d_sigma_cm2_s = d->d_sigma_cm2_s;
      m->d_sigma_err_cm2_s = d->d_sigma_stderr_cm2_s;
      m->offset_collective_a2 = d->sigma.intercept_a2;
    }
}

/* F_s curves; the fitted Γ where the per-Q fit worked. */
static guint
fill_fs (SpHopWorkbench   *self,
         SpHopFigureCache *cache)
{
  const SpQensFs *fs = self->base->fs;
  const SpQensGamma *g = self->base->gamma;
  guint n = MIN (fs->n_q, (guint) SP_HOP_MAX_Q);

  cache->fs_t = g_new (double, fs->n_lags);
  for (guint i = 0; i < fs->n_lags; i++)
    cache->fs_t[i] = i * fs->dt_ps;
  for (guint iq = 0; iq < n; iq++)
    {
      SpHopFigureFs *f = &cache->fs[iq];

      *f = (SpHopFigureFs) { fs->q[iq], fs->n_lags, cache->fs_t, fs->fs + (gsize) iq * fs->n_lags,
                             NAN, NAN, NAN };
      for (guint j = 0; g != NULL && j < g->n_points; j++)
        if (g->q[j] == fs->q[iq])
          {
            f->gamma_mev = g->gamma_mev[j];
            f->gamma_err_mev = g->gamma_err_mev != NULL ? g->gamma_err_mev[j] : NAN;
            f->amplitude = g->amplitude != NULL ? g->amplitude[j] : NAN;
          }
    }
  return n;
}

static void
fill_qens (SpHopFigureQens        *q,
           const SpQensGamma      *g,
           gboolean                has_ce,
           const SpChudleyElliott *ce,
           const char             *source)
{
  *q = (SpHopFigureQens) { g->n_points, g->q, g->gamma_mev, g->gamma_err_mev,
                           NAN, NAN, NAN, NAN, NAN, NAN, source };
  if (has_ce)
    {
      q->l_angstrom = ce->l_angstrom;
      q->l_err_angstrom = ce->l_stderr_angstrom;
      q->tau_ps = ce->tau_ps;
      q->tau_err_ps = ce->tau_stderr_ps;
      q->d_cm2_s = ce->d_cm2_s;
      q->d_err_cm2_s = ce->d_stderr_cm2_s;
    }
}

static void
fill_runs (SpHopWorkbench   *self,
           SpHopFigureCache *cache,
           SpHopFigureData  *data)
{
  guint n = self->runs->len, m = 0;

  cache->run_t = g_new (double, MAX (n, 1u));
  cache->run_d = g_new (double, MAX (n, 1u));
  cache->run_err = g_new (double, MAX (n, 1u));
  cache->run_l = g_new (double, MAX (n, 1u));
  for (guint i = 0; i < n; i++)
    {
      const SpHopRun *run = g_ptr_array_index (self->runs, i);

      cache->run_t[m] = run->temperature_k;
      cache->run_d[m] = run->d_star_cm2_s;
      cache->run_err[m] = run->d_star_err_cm2_s;
      cache->run_l[m] = run->length_angstrom;
      m++;
    }
  if (m > 0)
    {
      cache->arrhenius = (SpHopFigureArrhenius) { "D*", m, cache->run_t, cache->run_d, cache->run_err,
                                                  NAN, NAN, NAN };
      if (self->has_run_arrhenius)
        {
          cache->arrhenius.ea_ev = self->run_arrhenius.ea_ev;
          cache->arrhenius.ea_err_ev = self->run_arrhenius.ea_stderr_ev;
          cache->arrhenius.prefactor_cm2_s = self->run_arrhenius.prefactor;
        }
      data->n_arrhenius = 1;
      data->arrhenius = &cache->arrhenius;
    }
  if (self->size_table != NULL)
    {
      const SpFiniteSizeData *s = self->size_table;

      cache->finite_size = (SpHopFigureFiniteSize) { self->size_quantity, s->n_points, s->length, s->value,
                                                     s->value_stderr, NAN, NAN, NAN };
      if (self->has_table_size)
        {
          cache->finite_size.intercept = self->table_size.value_inf;
          cache->finite_size.intercept_err = self->table_size.value_inf_stderr;
          cache->finite_size.slope = self->table_size.slope;
        }
      data->finite_size = &cache->finite_size;
    }
  else if (m > 1 && self->has_run_size)
    {
      cache->finite_size = (SpHopFigureFiniteSize) { SP_HOP_FINITE_SIZE_DIFFUSIVITY, m, cache->run_l,
                                                     cache->run_d, cache->run_err,
                                                     self->run_size.value_inf,
                                                     self->run_size.value_inf_stderr,
                                                     self->run_size.slope };
      data->finite_size = &cache->finite_size;
    }
}

static char *
describe (SpHopWorkbench *self)
{
  const SpTrajectory *t = self->base != NULL ? self->base->trajectory : NULL;
  g_autofree char *dt = NULL;

  if (t == NULL)
    return NULL;
  dt = g_strdup_printf ("%g", t->dt_ps);
  if (isfinite (t->temperature_k))
    return g_strdup_printf (_("%s: %u %s ions, %u frames %s ps apart, T = %.0f K"),
                            t->name, t->n_ions, t->species, t->n_frames, dt, t->temperature_k);
  return g_strdup_printf (_("%s: %u %s ions, %u frames %s ps apart"),
                          t->name, t->n_ions, t->species, t->n_frames, dt);
}

void
sp_hop_workbench_fill_figure_data (SpHopWorkbench  *self,
                                   SpHopFigureData *data)
{
  SpHopFigureCache *cache;

  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));
  g_return_if_fail (data != NULL);

  cache = &self->figure;
  /* Every view of the page fills its own copy: until the next change they
   * all point into the same cache, which is built once. */
  if (cache->valid)
    {
      *data = cache->data;
      return;
    }
  memset (data, 0, sizeof *data);
  sp_hop_figure_cache_clear (cache);

  if (fill_lattice (self, cache))
    data->lattice = &cache->lattice;
  if (self->base != NULL)
    {
      fill_msd (self, cache);
      data->msd = &cache->msd;
      if (self->base->fs != NULL)
        {
          data->n_fs = fill_fs (self, cache);
          data->fs = cache->fs;
        }
    }
  if (self->qens_table != NULL)
    {
      cache->qens_source = g_path_get_basename (self->qens_table_path);
      fill_qens (&cache->qens, self->qens_table, self->has_table_ce, &self->table_ce, cache->qens_source);
      data->qens = &cache->qens;
    }
  else if (self->base != NULL && self->base->gamma != NULL)
    {
      fill_qens (&cache->qens, self->base->gamma, self->base->has_ce, &self->base->ce, _("trajectory"));
      data->qens = &cache->qens;
    }
  fill_runs (self, cache, data);
  cache->description = describe (self);
  data->description = cache->description;
  cache->data = *data;
  cache->valid = TRUE;
}
