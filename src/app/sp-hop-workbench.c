/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hop-workbench.c — the object, its inputs, the runs and the fits over
 * them
 *
 * Reading and analysing live in sp-hop-workbench-jobs.c, the figure data
 * in sp-hop-workbench-figure.c, the session state in
 * sp-hop-workbench-state.c.  The series fits (Arrhenius of D over the
 * runs' temperatures, D against 1/L) are a handful of points and run here
 * on the main thread.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sp-hop-workbench-private.h"

G_DEFINE_FINAL_TYPE (SpHopWorkbench, sp_hop_workbench, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_PROGRESS,
  N_PROPS
};

enum
{
  SIGNAL_CHANGED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  SpHopJobKind  kind;
  GCancellable *cancellable;
} RunningJob;

/* Runs whose temperatures differ by less than this are one temperature. */
#define SAME_TEMPERATURE_K 1.0
/* Box lengths closer than this (relative) are one size. */
#define SAME_LENGTH 1e-3

/* ---- values ------------------------------------------------------------- */

SpHopBase *
sp_hop_base_ref (SpHopBase *base)
{
  return g_atomic_rc_box_acquire (base);
}

static void
base_clear (SpHopBase *base)
{
  sp_trajectory_free (base->trajectory);
  g_free (base->path);
  g_free (base->species);
  sp_msd_free (base->msd);
  sp_qens_fs_free (base->fs);
  sp_qens_gamma_free (base->gamma);
  g_free (base->note);
}

void
sp_hop_base_unref (SpHopBase *base)
{
  if (base != NULL)
    g_atomic_rc_box_release_full (base, (GDestroyNotify) base_clear);
}

void
sp_hop_fit_free (SpHopFit *fit)
{
  if (fit == NULL)
    return;
  g_free (fit->note);
  g_free (fit);
}

SpHopRun *
sp_hop_run_new (const char *path,
                const char *name)
{
  SpHopRun *run = g_new0 (SpHopRun, 1);

  run->path = g_strdup (path);
  run->name = g_strdup (name);
  run->temperature_k = NAN;
  run->file_temperature_k = NAN;
  run->length_angstrom = NAN;
  run->d_star_cm2_s = NAN;
  run->d_star_err_cm2_s = NAN;
  return run;
}

void
sp_hop_run_free (SpHopRun *run)
{
  if (run == NULL)
    return;
  g_free (run->path);
  g_free (run->name);
  g_free (run);
}

/* ---- the object --------------------------------------------------------- */

static void
sp_hop_workbench_dispose (GObject *object)
{
  SpHopWorkbench *self = SP_HOP_WORKBENCH (object);

  /* The threads hold their own data and a reference on the workbench
   * (through their GTask), so disposing only asks them to stop early. */
  for (guint i = 0; i < self->jobs->len; i++)
    g_cancellable_cancel (((RunningJob *) g_ptr_array_index (self->jobs, i))->cancellable);
  G_OBJECT_CLASS (sp_hop_workbench_parent_class)->dispose (object);
}

static void
sp_hop_workbench_finalize (GObject *object)
{
  SpHopWorkbench *self = SP_HOP_WORKBENCH (object);

  sp_hop_base_unref (self->base);
  sp_hop_fit_free (self->fit);
  sp_hop_figure_data_free (self->lattice_owner);
  g_ptr_array_unref (self->runs);
  sp_qens_gamma_free (self->qens_table);
  g_free (self->qens_table_path);
  sp_finite_size_data_free (self->size_table);
  g_free (self->size_table_path);
  g_free (self->series_note);
  g_free (self->note);
  g_ptr_array_unref (self->jobs);
  sp_hop_figure_cache_clear (&self->figure);
  G_OBJECT_CLASS (sp_hop_workbench_parent_class)->finalize (object);
}

static void
sp_hop_workbench_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpHopWorkbench *self = SP_HOP_WORKBENCH (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, sp_hop_workbench_get_busy (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_hop_workbench_class_init (SpHopWorkbenchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_hop_workbench_dispose;
  object_class->finalize = sp_hop_workbench_finalize;
  object_class->get_property = sp_hop_workbench_get_property;

  props[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
running_job_free (RunningJob *job)
{
  g_object_unref (job->cancellable);
  g_free (job);
}

static void
sp_hop_workbench_init (SpHopWorkbench *self)
{
  self->window_t0_ps = NAN;
  self->window_t1_ps = NAN;
  self->temperature_k = NAN;
  self->charge_e = NAN;
  self->n_q = 8;
  for (guint i = 0; i < self->n_q; i++)
    self->q[i] = 0.25 * (i + 1);
  self->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_hop_run_free);
  self->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) running_job_free);
  self->size_quantity = SP_HOP_FINITE_SIZE_DIFFUSIVITY;
}

SpHopWorkbench *
sp_hop_workbench_new (void)
{
  return g_object_new (SP_TYPE_HOP_WORKBENCH, NULL);
}

/* ---- shared with the other files ---------------------------------------- */

static void
update_note (SpHopWorkbench *self)
{
  GString *s = g_string_new (NULL);
  const char *parts[] = {
    self->base != NULL ? self->base->note : NULL,
    self->fit != NULL ? self->fit->note : NULL,
    self->series_note,
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      {
        if (s->len > 0)
          g_string_append_c (s, '\n');
        g_string_append (s, parts[i]);
      }
  g_free (self->note);
  self->note = s->len > 0 ? g_string_free (s, FALSE) : (g_string_free (s, TRUE), NULL);
}

void
sp_hop_workbench_emit_changed (SpHopWorkbench *self)
{
  update_note (self);
  self->figure.valid = FALSE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
sp_hop_workbench_emit_error (SpHopWorkbench *self,
                             const char     *message)
{
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, message);
}

void
sp_hop_workbench_job_started (SpHopWorkbench *self,
                              SpHopJobKind    kind,
                              GCancellable   *cancellable)
{
  RunningJob *job = g_new0 (RunningJob, 1);
  gboolean was_busy = sp_hop_workbench_get_busy (self);

  /* A new job of a kind replaces the running one; a new analysis also
   * makes a running refit of the old trajectory pointless. */
  for (guint i = 0; i < self->jobs->len; i++)
    {
      RunningJob *other = g_ptr_array_index (self->jobs, i);

      if (other->kind == kind || (kind == SP_HOP_JOB_ANALYSE && other->kind == SP_HOP_JOB_FIT))
        g_cancellable_cancel (other->cancellable);
    }
  job->kind = kind;
  job->cancellable = g_object_ref (cancellable);
  g_ptr_array_add (self->jobs, job);
  if (!was_busy)
    {
      self->progress = 0.0;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PROGRESS]);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]);
    }
}

void
sp_hop_workbench_job_finished (SpHopWorkbench *self,
                               GCancellable   *cancellable)
{
  for (guint i = 0; i < self->jobs->len; i++)
    if (((RunningJob *) g_ptr_array_index (self->jobs, i))->cancellable == cancellable)
      {
        g_ptr_array_remove_index (self->jobs, i);
        break;
      }
  if (self->jobs->len == 0)
    {
      self->progress = 1.0;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PROGRESS]);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]);
    }
}

void
sp_hop_workbench_set_progress (SpHopWorkbench *self,
                               double          progress)
{
  progress = CLAMP (progress, 0.0, 1.0);
  if (progress == self->progress || !sp_hop_workbench_get_busy (self))
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PROGRESS]);
}

void
sp_hop_workbench_take_analysis (SpHopWorkbench *self,
                                SpHopBase      *base,
                                SpHopFit       *fit)
{
  if (base != self->base)
    {
      sp_hop_base_unref (self->base);
      self->base = base;
    }
  else
    sp_hop_base_unref (base);
  sp_hop_fit_free (self->fit);
  self->fit = fit;
}

/* ---- the current trajectory --------------------------------------------- */

void
sp_hop_workbench_open_trajectory (SpHopWorkbench          *self,
                                  GFile                   *file,
                                  const SpTrajReadOptions *options)
{
  g_autofree char *path = NULL;

  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (options != NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: only local files can be read"),
                                                  uri);

      sp_hop_workbench_emit_error (self, message);
      return;
    }
  sp_hop_workbench_start_analyse (self, NULL, path, options);
}

void
sp_hop_workbench_set_trajectory (SpHopWorkbench *self,
                                 SpTrajectory   *trajectory)
{
  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));

  if (trajectory == NULL)
    {
      /* Stop whatever would bring the old one back. */
      for (guint i = 0; i < self->jobs->len; i++)
        {
          RunningJob *job = g_ptr_array_index (self->jobs, i);

          if (job->kind == SP_HOP_JOB_ANALYSE || job->kind == SP_HOP_JOB_FIT)
            g_cancellable_cancel (job->cancellable);
        }
      sp_hop_workbench_take_analysis (self, NULL, NULL);
      sp_hop_workbench_emit_changed (self);
      return;
    }
  sp_hop_workbench_start_analyse (self, trajectory, NULL, NULL);
}

const SpTrajectory *
sp_hop_workbench_get_trajectory (SpHopWorkbench *self)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), NULL);
  return self->base != NULL ? self->base->trajectory : NULL;
}

const char *
sp_hop_workbench_get_path (SpHopWorkbench *self)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), NULL);
  return self->base != NULL ? self->base->path : NULL;
}

const SpTrajReadOptions *
sp_hop_workbench_get_read_options (SpHopWorkbench *self)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), NULL);
  return self->base != NULL && self->base->path != NULL ? &self->base->options : NULL;
}

void
sp_hop_workbench_set_lattice (SpHopWorkbench           *self,
                              const SpHopFigureLattice *lattice)
{
  SpHopFigureData only = { 0 };

  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));

  sp_hop_figure_data_free (self->lattice_owner);
  only.lattice = lattice;
  self->lattice_owner = lattice != NULL ? sp_hop_figure_data_copy (&only) : NULL;
  self->lattice = self->lattice_owner != NULL ? (SpHopFigureLattice *) self->lattice_owner->lattice : NULL;
  self->figure.valid = FALSE;
}

/* ---- analysis options --------------------------------------------------- */

void
sp_hop_workbench_set_window (SpHopWorkbench *self,
                             double          t0_ps,
                             double          t1_ps)
{
  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));

  if (isnan (t0_ps) && isnan (t1_ps))
    {
      self->window_t0_ps = self->window_t1_ps = NAN;
    }
  else
    {
      if (!(t0_ps > 0.0) || !(t1_ps > t0_ps) || !isfinite (t1_ps))
        {
          g_autofree char *a = g_strdup_printf ("%g", t0_ps);
          g_autofree char *b = g_strdup_printf ("%g", t1_ps);
          g_autofree char *message =
            g_strdup_printf (_("The fit window %s–%s ps is not a time range: it needs 0 < t₀ < t₁"), a, b);

          sp_hop_workbench_emit_error (self, message);
          return;
        }
      self->window_t0_ps = t0_ps;
      self->window_t1_ps = t1_ps;
    }
  if (self->base != NULL)
    sp_hop_workbench_start_fit (self);
}

void
sp_hop_workbench_get_window (SpHopWorkbench *self,
                             double         *t0_ps,
                             double         *t1_ps,
                             gboolean       *automatic)
{
  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));

  if (t0_ps != NULL)
    *t0_ps = self->fit != NULL ? self->fit->t0_ps : self->window_t0_ps;
  if (t1_ps != NULL)
    *t1_ps = self->fit != NULL ? self->fit->t1_ps : self->window_t1_ps;
  if (automatic != NULL)
    *automatic = isnan (self->window_t0_ps);
}

void
sp_hop_workbench_set_temperature (SpHopWorkbench *self,
                                  double          temperature_k)
{
  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));

  if (!isnan (temperature_k) && !(temperature_k > 0.0 && isfinite (temperature_k)))
    {
      sp_hop_workbench_emit_error (self, _("The temperature must be above 0 K"));
      return;
    }
  self->temperature_k = temperature_k;
  if (self->base != NULL)
    sp_hop_workbench_start_fit (self);
}

double
sp_hop_workbench_get_temperature (SpHopWorkbench *self)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), NAN);
  if (isfinite (self->temperature_k))
    return self->temperature_k;
  return self->base != NULL ? self->base->trajectory->temperature_k : NAN;
}

void
sp_hop_workbench_set_charge (SpHopWorkbench *self,
                             double          charge_e)
{
  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));

  if (!isnan (charge_e) && !(isfinite (charge_e) && charge_e != 0.0))
    {
      sp_hop_workbench_emit_error (self, _("The carrier charge must be a number other than 0"));
      return;
    }
  self->charge_e = charge_e;
  if (self->base != NULL)
    sp_hop_workbench_start_fit (self);
}

double
sp_hop_workbench_get_charge (SpHopWorkbench *self)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), NAN);
  if (isfinite (self->charge_e))
    return self->charge_e;
  return self->base != NULL ? self->base->trajectory->charge : NAN;
}

void
sp_hop_workbench_set_q_values (SpHopWorkbench *self,
                               const double   *q_inv_angstrom,
                               guint           n)
{
  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));

  if (n == 0 || n > SP_HOP_MAX_Q || q_inv_angstrom == NULL)
    {
      sp_hop_workbench_emit_error (self, _("Give between 1 and 32 Q values"));
      return;
    }
  for (guint i = 0; i < n; i++)
    if (!(q_inv_angstrom[i] > 0.0) || !isfinite (q_inv_angstrom[i]))
      {
        sp_hop_workbench_emit_error (self, _("Every Q value must be above 0 Å⁻¹"));
        return;
      }
  memcpy (self->q, q_inv_angstrom, n * sizeof *self->q);
  self->n_q = n;
  /* F_s depends on Q: the whole analysis again (the MSD is cheap beside it). */
  if (self->base != NULL)
    sp_hop_workbench_start_analyse (self, sp_trajectory_copy (self->base->trajectory),
                                    self->base->path,
                                    self->base->path != NULL ? &self->base->options : NULL);
}

/* ---- tables and runs ----------------------------------------------------- */

static char *
local_path (SpHopWorkbench *self,
            GFile          *file)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: only local files can be read"),
                                                  uri);

      sp_hop_workbench_emit_error (self, message);
    }
  return path;
}

void
sp_hop_workbench_open_qens_table (SpHopWorkbench *self,
                                  GFile          *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));

  if (file == NULL)
    {
      g_clear_pointer (&self->qens_table, sp_qens_gamma_free);
      g_clear_pointer (&self->qens_table_path, g_free);
      self->has_table_ce = FALSE;
      sp_hop_workbench_emit_changed (self);
      return;
    }
  path = local_path (self, file);
  if (path != NULL)
    sp_hop_workbench_start_qens_table (self, path);
}

void
sp_hop_workbench_open_finite_size_table (SpHopWorkbench         *self,
                                         GFile                  *file,
                                         SpHopFiniteSizeQuantity quantity)
{
  g_autofree char *path = NULL;

  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));

  if (file == NULL)
    {
      g_clear_pointer (&self->size_table, sp_finite_size_data_free);
      g_clear_pointer (&self->size_table_path, g_free);
      self->has_table_size = FALSE;
      sp_hop_workbench_update_series (self);
      sp_hop_workbench_emit_changed (self);
      return;
    }
  path = local_path (self, file);
  if (path != NULL)
    sp_hop_workbench_start_size_table (self, path, quantity);
}

void
sp_hop_workbench_add_runs (SpHopWorkbench          *self,
                           GFile                  **files,
                           guint                    n_files,
                           const SpTrajReadOptions *options)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));
  g_return_if_fail (options != NULL);

  for (guint i = 0; i < n_files; i++)
    {
      char *path = local_path (self, files[i]);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    return;
  g_ptr_array_add (paths, NULL);
  sp_hop_workbench_start_runs (self, (char **) paths->pdata, options);
}

gboolean
sp_hop_workbench_add_current_run (SpHopWorkbench *self)
{
  const SpTrajectory *t;
  SpHopRun *run;
  double volume;

  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), FALSE);

  if (self->base == NULL || self->fit == NULL || !self->fit->ok)
    return FALSE;
  t = self->base->trajectory;
  run = sp_hop_run_new (self->base->path, t->name != NULL && t->name[0] != '\0' ? t->name : "KMC");
  run->file_temperature_k = t->temperature_k;
  run->temperature_k = isfinite (self->temperature_k) ? self->temperature_k : t->temperature_k;
  volume = sp_trajectory_volume_a3 (t);
  run->length_angstrom = volume > 0.0 ? cbrt (volume) : NAN;
  run->d_star_cm2_s = self->fit->diffusion.d_star_cm2_s;
  run->d_star_err_cm2_s = self->fit->diffusion.d_star_stderr_cm2_s;
  g_ptr_array_add (self->runs, run);
  sp_hop_workbench_update_series (self);
  sp_hop_workbench_emit_changed (self);
  return TRUE;
}

guint
sp_hop_workbench_get_n_runs (SpHopWorkbench *self)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), 0);
  return self->runs->len;
}

const SpHopRun *
sp_hop_workbench_get_run (SpHopWorkbench *self,
                          guint           index)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), NULL);
  g_return_val_if_fail (index < self->runs->len, NULL);
  return g_ptr_array_index (self->runs, index);
}

void
sp_hop_workbench_remove_run (SpHopWorkbench *self,
                             guint           index)
{
  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));
  g_return_if_fail (index < self->runs->len);

  g_ptr_array_remove_index (self->runs, index);
  sp_hop_workbench_update_series (self);
  sp_hop_workbench_emit_changed (self);
}

void
sp_hop_workbench_set_run_temperature (SpHopWorkbench *self,
                                      guint           index,
                                      double          temperature_k)
{
  SpHopRun *run;

  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));
  g_return_if_fail (index < self->runs->len);

  if (!isnan (temperature_k) && !(temperature_k > 0.0 && isfinite (temperature_k)))
    {
      sp_hop_workbench_emit_error (self, _("The temperature must be above 0 K"));
      return;
    }
  run = g_ptr_array_index (self->runs, index);
  run->temperature_k = isnan (temperature_k) ? run->file_temperature_k : temperature_k;
  sp_hop_workbench_update_series (self);
  sp_hop_workbench_emit_changed (self);
}

/* The runs' D* against T (every run with a temperature and a D*). */
static void
fit_run_arrhenius (SpHopWorkbench *self,
                   GString        *note)
{
  g_autoptr(GArray) t = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) d = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) e = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  gboolean all_errors = TRUE;
  double t_min = INFINITY, t_max = -INFINITY;

  self->has_run_arrhenius = FALSE;
  for (guint i = 0; i < self->runs->len; i++)
    {
      const SpHopRun *run = g_ptr_array_index (self->runs, i);

      if (!(run->temperature_k > 0.0) || !(run->d_star_cm2_s > 0.0))
        continue;
      g_array_append_val (t, run->temperature_k);
      g_array_append_val (d, run->d_star_cm2_s);
      g_array_append_val (e, run->d_star_err_cm2_s);
      all_errors = all_errors && run->d_star_err_cm2_s > 0.0;
      t_min = MIN (t_min, run->temperature_k);
      t_max = MAX (t_max, run->temperature_k);
    }
  if (t->len == 0)
    return;
  if (t->len < 2 || t_max - t_min < SAME_TEMPERATURE_K)
    {
      g_string_append (note, _("Arrhenius: add runs at two or more temperatures for E_a."));
      return;
    }
  if (!sp_diffusion_arrhenius ((double *) t->data, (double *) d->data,
                               all_errors ? (double *) e->data : NULL, t->len, &self->run_arrhenius,
                               &error))
    {
      g_string_append_printf (note, _("Arrhenius: %s."), error->message);
      return;
    }
  self->has_run_arrhenius = TRUE;
}

/* The runs' D* against 1/L, when they share one temperature. */
static void
fit_run_size (SpHopWorkbench *self,
              GString        *note)
{
  g_autoptr(GArray) l = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) d = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) e = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  gboolean all_errors = TRUE;
  double t_min = INFINITY, t_max = -INFINITY, l_min = INFINITY, l_max = -INFINITY;

  self->has_run_size = FALSE;
  for (guint i = 0; i < self->runs->len; i++)
    {
      const SpHopRun *run = g_ptr_array_index (self->runs, i);

      if (!(run->length_angstrom > 0.0) || !isfinite (run->d_star_cm2_s))
        continue;
      g_array_append_val (l, run->length_angstrom);
      g_array_append_val (d, run->d_star_cm2_s);
      g_array_append_val (e, run->d_star_err_cm2_s);
      all_errors = all_errors && run->d_star_err_cm2_s > 0.0;
      if (isfinite (run->temperature_k))
        {
          t_min = MIN (t_min, run->temperature_k);
          t_max = MAX (t_max, run->temperature_k);
        }
      l_min = MIN (l_min, run->length_angstrom);
      l_max = MAX (l_max, run->length_angstrom);
    }
  if (l->len < 2 || l_max - l_min <= SAME_LENGTH * l_max)
    return;
  if (t_max - t_min >= SAME_TEMPERATURE_K)
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append (note, _("Finite size: the runs are at different temperatures; "
                               "D against 1/L needs runs at one temperature."));
      return;
    }
  if (!sp_finite_size_fit ((double *) l->data, (double *) d->data,
                           all_errors ? (double *) e->data : NULL, l->len, &self->run_size, &error))
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append_printf (note, _("Finite size: %s."), error->message);
      return;
    }
  self->has_run_size = TRUE;
}

void
sp_hop_workbench_update_series (SpHopWorkbench *self)
{
  g_autoptr(GString) note = g_string_new (NULL);

  fit_run_arrhenius (self, note);
  fit_run_size (self, note);
  self->has_table_size = FALSE;
  if (self->size_table != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->has_table_size = sp_finite_size_fit (self->size_table->length, self->size_table->value,
                                                 self->size_table->value_stderr,
                                                 self->size_table->n_points, &self->table_size, &error);
      if (!self->has_table_size)
        {
          g_autofree char *base = g_path_get_basename (self->size_table_path);

          if (note->len > 0)
            g_string_append_c (note, ' ');
          g_string_append_printf (note, _("%s: %s."), base, error->message);
        }
    }
  g_free (self->series_note);
  self->series_note = note->len > 0 ? g_strdup (note->str) : NULL;
}

/* ---- state and results ---------------------------------------------------- */

void
sp_hop_workbench_cancel (SpHopWorkbench *self)
{
  g_return_if_fail (SP_IS_HOP_WORKBENCH (self));

  for (guint i = 0; i < self->jobs->len; i++)
    g_cancellable_cancel (((RunningJob *) g_ptr_array_index (self->jobs, i))->cancellable);
}

gboolean
sp_hop_workbench_get_busy (SpHopWorkbench *self)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), FALSE);
  return self->jobs->len > 0;
}

double
sp_hop_workbench_get_progress (SpHopWorkbench *self)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), 0.0);
  return self->progress;
}

const SpMsd *
sp_hop_workbench_get_msd (SpHopWorkbench *self)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), NULL);
  return self->base != NULL ? self->base->msd : NULL;
}

const SpDiffusion *
sp_hop_workbench_get_diffusion (SpHopWorkbench *self)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), NULL);
  return self->fit != NULL && self->fit->ok ? &self->fit->diffusion : NULL;
}

const char *
sp_hop_workbench_get_note (SpHopWorkbench *self)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), NULL);
  return self->note;
}

const char *
sp_hop_workbench_get_qens_table_path (SpHopWorkbench *self)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), NULL);
  return self->qens_table_path;
}

const char *
sp_hop_workbench_get_finite_size_table_path (SpHopWorkbench          *self,
                                             SpHopFiniteSizeQuantity *quantity)
{
  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), NULL);
  if (quantity != NULL)
    *quantity = self->size_quantity;
  return self->size_table_path;
}
