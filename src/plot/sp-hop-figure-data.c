/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hop-figure-data.c — a deep copy of the hopping figures' data, for an
 * export that runs in a worker thread
 */

#include "config.h"


#include "sp-hop-figure-data.h"

static double *
dup_doubles (const double *values,
             guint         n)
{
  return values != NULL && n > 0 ? g_memdup2 (values, n * sizeof *values) : NULL;
}

static SpHopFigureLattice *
lattice_copy (const SpHopFigureLattice *src)
{
  SpHopFigureLattice *copy = g_memdup2 (src, sizeof *src);
  gsize n_sites = (gsize) src->nx * src->ny;

  copy->sites = src->sites != NULL && n_sites > 0 ? g_memdup2 (src->sites, n_sites) : NULL;
  if (copy->sites == NULL)
    copy->nx = copy->ny = 0;
  copy->label = g_strdup (src->label);
  if (src->n_paths > 0 && src->paths != NULL)
    {
      SpHopFigurePath *paths = g_new0 (SpHopFigurePath, src->n_paths);

      for (guint i = 0; i < src->n_paths; i++)
        {
          paths[i].n = src->paths[i].n;
          paths[i].x_angstrom = dup_doubles (src->paths[i].x_angstrom, paths[i].n);
          paths[i].y_angstrom = dup_doubles (src->paths[i].y_angstrom, paths[i].n);
          if (paths[i].x_angstrom == NULL || paths[i].y_angstrom == NULL)
            paths[i].n = 0;
        }
      copy->paths = paths;
    }
  else
    {
      copy->n_paths = 0;
      copy->paths = NULL;
    }
  return copy;
}

static void
lattice_free (SpHopFigureLattice *lattice)
{
  if (lattice == NULL)
    return;
  g_free ((gpointer) lattice->sites);
  g_free ((char *) lattice->label);
  for (guint i = 0; i < lattice->n_paths; i++)
    {
      g_free ((gpointer) lattice->paths[i].x_angstrom);
      g_free ((gpointer) lattice->paths[i].y_angstrom);
    }
  g_free ((gpointer) lattice->paths);
  g_free (lattice);
}

static SpHopFigureMsd *
msd_copy (const SpHopFigureMsd *src)
{
  SpHopFigureMsd *copy = g_memdup2 (src, sizeof *src);

  copy->t_ps = dup_doubles (src->t_ps, src->n);
  for (guint c = 0; c < SP_HOP_MSD_N; c++)
    copy->msd_a2[c] = dup_doubles (src->msd_a2[c], src->n);
  copy->total_err_a2 = dup_doubles (src->total_err_a2, src->n);
  if (copy->t_ps == NULL)
    copy->n = 0;
  return copy;
}

static void
msd_free (SpHopFigureMsd *msd)
{
  if (msd == NULL)
    return;
  g_free ((gpointer) msd->t_ps);
  for (guint c = 0; c < SP_HOP_MSD_N; c++)
    g_free ((gpointer) msd->msd_a2[c]);
  g_free ((gpointer) msd->total_err_a2);
  g_free (msd);
}

SpHopFigureData *
sp_hop_figure_data_copy (const SpHopFigureData *data)
{
  SpHopFigureData *copy;

  if (data == NULL)
    return NULL;
  copy = g_new0 (SpHopFigureData, 1);
  copy->lattice = data->lattice != NULL ? lattice_copy (data->lattice) : NULL;
  copy->msd = data->msd != NULL ? msd_copy (data->msd) : NULL;

  if (data->n_fs > 0 && data->fs != NULL)
    {
      SpHopFigureFs *fs = g_memdup2 (data->fs, data->n_fs * sizeof *fs);

      for (guint i = 0; i < data->n_fs; i++)
        {
          fs[i].t_ps = dup_doubles (data->fs[i].t_ps, fs[i].n);
          fs[i].fs = dup_doubles (data->fs[i].fs, fs[i].n);
          if (fs[i].t_ps == NULL || fs[i].fs == NULL)
            fs[i].n = 0;
        }
      copy->fs = fs;
      copy->n_fs = data->n_fs;
    }

  if (data->qens != NULL)
    {
      SpHopFigureQens *q = g_memdup2 (data->qens, sizeof *q);

      q->q_inv_angstrom = dup_doubles (data->qens->q_inv_angstrom, q->n);
      q->gamma_mev = dup_doubles (data->qens->gamma_mev, q->n);
      q->gamma_err_mev = dup_doubles (data->qens->gamma_err_mev, q->n);
      q->source = g_strdup (data->qens->source);
      if (q->q_inv_angstrom == NULL || q->gamma_mev == NULL)
        q->n = 0;
      copy->qens = q;
    }

  if (data->n_arrhenius > 0 && data->arrhenius != NULL)
    {
      SpHopFigureArrhenius *lines = g_memdup2 (data->arrhenius, data->n_arrhenius * sizeof *lines);

      for (guint i = 0; i < data->n_arrhenius; i++)
        {
          lines[i].label = g_strdup (data->arrhenius[i].label);
          lines[i].temperature_k = dup_doubles (data->arrhenius[i].temperature_k, lines[i].n);
          lines[i].d_cm2_s = dup_doubles (data->arrhenius[i].d_cm2_s, lines[i].n);
          lines[i].d_err_cm2_s = dup_doubles (data->arrhenius[i].d_err_cm2_s, lines[i].n);
          if (lines[i].temperature_k == NULL || lines[i].d_cm2_s == NULL)
            lines[i].n = 0;
        }
      copy->arrhenius = lines;
      copy->n_arrhenius = data->n_arrhenius;
    }

  if (data->finite_size != NULL)
    {
      SpHopFigureFiniteSize *fsz = g_memdup2 (data->finite_size, sizeof *fsz);

      fsz->length_angstrom = dup_doubles (data->finite_size->length_angstrom, fsz->n);
      fsz->value = dup_doubles (data->finite_size->value, fsz->n);
      fsz->value_err = dup_doubles (data->finite_size->value_err, fsz->n);
      if (fsz->length_angstrom == NULL || fsz->value == NULL)
        fsz->n = 0;
      copy->finite_size = fsz;
    }
  copy->description = g_strdup (data->description);
  return copy;
}

void
sp_hop_figure_data_free (SpHopFigureData *copy)
{
  if (copy == NULL)
    return;
  lattice_free ((SpHopFigureLattice *) copy->lattice);
  msd_free ((SpHopFigureMsd *) copy->msd);
  for (guint i = 0; i < copy->n_fs; i++)
    {
      g_free ((gpointer) copy->fs[i].t_ps);
      g_free ((gpointer) copy->fs[i].fs);
    }
  g_free ((gpointer) copy->fs);
  if (copy->qens != NULL)
    {
      g_free ((gpointer) copy->qens->q_inv_angstrom);
      g_free ((gpointer) copy->qens->gamma_mev);
      g_free ((gpointer) copy->qens->gamma_err_mev);
      g_free ((char *) copy->qens->source);
      g_free ((gpointer) copy->qens);
    }
  for (guint i = 0; i < copy->n_arrhenius; i++)
    {
      g_free ((char *) copy->arrhenius[i].label);
      g_free ((gpointer) copy->arrhenius[i].temperature_k);
      g_free ((gpointer) copy->arrhenius[i].d_cm2_s);
      g_free ((gpointer) copy->arrhenius[i].d_err_cm2_s);
    }
  g_free ((gpointer) copy->arrhenius);
  if (copy->finite_size != NULL)
    {
      g_free ((gpointer) copy->finite_size->length_angstrom);
      g_free ((gpointer) copy->finite_size->value);
      g_free ((gpointer) copy->finite_size->value_err);
      g_free ((gpointer) copy->finite_size);
    }
  g_free ((char *) copy->description);
  g_free (copy);
}
