/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hop-workbench-jobs.c — reading and analysing in threads
 *
 * Each job copies what it needs on the main thread (the options, the Q
 * values, the window), computes in a GTask thread with its own
 * GCancellable, and hands immutable results back on the main thread,
 * where they replace the workbench's only if the job was not cancelled
 * (and, for a refit, only if the trajectory is still the one it fitted).
 * Progress goes from the thread to the workbench's main context,
 * throttled to steps of 1 %.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sp-hop-workbench-private.h"

/* F_s sums over lags × origins × ions (sp-qens.h): its lags are capped so
 * that this product stays near this many terms per Q (about 0.1 s each). */
#define FS_BUDGET 1e7
/* The longest lag the MSD is computed to, as a fraction of the frames:
 * beyond half, too few origins are left to average over. */
#define MSD_LAG_FRACTION 0.5

typedef struct
{
  SpHopJobKind      kind;
  GWeakRef          self;
  GMainContext     *context;
  GCancellable     *cancellable;
  double            last_progress;
  double            progress_lo, progress_hi;   /* the current step's share */

  /* inputs */
  SpTrajectory     *trajectory;      /* ANALYSE without a path, owned        */
  char             *path;            /* ANALYSE from a file, QENS/SIZE table */
  char             *species;
  SpTrajReadOptions options;
  double            q[SP_HOP_MAX_Q];
  guint             n_q;
  double            window_t0_ps, window_t1_ps;
  double            temperature_k, charge_e;
  SpHopBase        *base;            /* FIT                                   */
  char            **paths;           /* RUNS                                  */
  SpHopFiniteSizeQuantity quantity;

  /* outputs */
  SpHopBase        *out_base;
  SpHopFit         *out_fit;
  GPtrArray        *out_runs;        /* SpHopRun *                            */
  GPtrArray        *out_errors;      /* char * (translated messages)          */
  SpQensGamma      *out_table;
  gboolean          out_has_ce;
  SpChudleyElliott  out_ce;
  SpFiniteSizeData *out_size;
} Job;

static void
job_free (Job *job)
{
  g_weak_ref_clear (&job->self);
  g_main_context_unref (job->context);
  g_object_unref (job->cancellable);
  sp_trajectory_free (job->trajectory);
  g_free (job->path);
  g_free (job->species);
  sp_hop_base_unref (job->base);
  g_strfreev (job->paths);
  sp_hop_base_unref (job->out_base);
  sp_hop_fit_free (job->out_fit);
  if (job->out_runs != NULL)
    g_ptr_array_unref (job->out_runs);
  if (job->out_errors != NULL)
    g_ptr_array_unref (job->out_errors);
  sp_qens_gamma_free (job->out_table);
  sp_finite_size_data_free (job->out_size);
  g_free (job);
}

static Job *
job_new (SpHopWorkbench *self,
         SpHopJobKind    kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  g_weak_ref_init (&job->self, self);
  job->context = g_main_context_ref_thread_default ();
  job->cancellable = g_cancellable_new ();
  job->last_progress = -1.0;
  job->progress_hi = 1.0;
  memcpy (job->q, self->q, sizeof job->q);
  job->n_q = self->n_q;
  job->window_t0_ps = self->window_t0_ps;
  job->window_t1_ps = self->window_t1_ps;
  job->temperature_k = self->temperature_k;
  job->charge_e = self->charge_e;
  job->out_errors = g_ptr_array_new_with_free_func (g_free);
  return job;
}

static void
copy_options (Job                     *job,
              const SpTrajReadOptions *options)
{
  job->options = *options;
  job->species = g_strdup (options->species);
  job->options.species = job->species;
}

/* ---- progress ------------------------------------------------------------ */

typedef struct
{
  GWeakRef      self;
  GCancellable *cancellable;
  double        fraction;
} Progress;

static gboolean
progress_on_main (gpointer data)
{
  Progress *p = data;
  g_autoptr(SpHopWorkbench) self = g_weak_ref_get (&p->self);

  if (self != NULL && !g_cancellable_is_cancelled (p->cancellable))
    sp_hop_workbench_set_progress (self, p->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_weak_ref_clear (&p->self);
  g_object_unref (p->cancellable);
  g_free (p);
}

/* From the thread: @fraction of the current step. */
static void
job_progress (double   fraction,
              gpointer user_data)
{
  Job *job = user_data;
  double total = job->progress_lo + CLAMP (fraction, 0.0, 1.0) * (job->progress_hi - job->progress_lo);
  g_autoptr(GObject) self = NULL;
  Progress *p;

  if (total - job->last_progress < 0.01 && total < 1.0)
    return;
  self = g_weak_ref_get (&job->self);
  if (self == NULL)
    return;
  job->last_progress = total;
  p = g_new0 (Progress, 1);
  g_weak_ref_init (&p->self, self);
  p->cancellable = g_object_ref (job->cancellable);
  p->fraction = total;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_on_main, p, progress_free);
}

static void
job_step (Job   *job,
          double lo,
          double hi)
{
  job->progress_lo = lo;
  job->progress_hi = hi;
  job_progress (0.0, job);
}

/* ---- the computations (thread) -------------------------------------------- */

/* @message with the file's name in front unless the reader put it there. */
static char *
file_message (const char *path,
              const char *message)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_prefix (message, base) || strstr (message, path) != NULL)
    return g_strdup (message);
  return g_strdup_printf (_("“%s”: %s"), base, message);
}

/* Γ(Q) one Q at a time, so that one curve that does not decay (a small Q
 * on a short trajectory) loses only its own point. */
static SpQensGamma *
gamma_per_q (const SpQensFs *fs,
             GString        *note)
{
  g_autoptr(GArray) q = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) g = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) e = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (double));
  SpQensGamma *out;
  guint failed = 0;

  for (guint iq = 0; iq < fs->n_q; iq++)
    {
      SpQensFs one = { 1, fs->n_lags, fs->dt_ps, fs->q + iq, fs->fs + (gsize) iq * fs->n_lags };
      g_autoptr(SpQensGamma) gamma = sp_qens_gamma_from_fs (&one, NULL);

      if (gamma == NULL || gamma->n_points != 1)
        {
          failed++;
          continue;
        }
      {
        double err = gamma->gamma_err_mev != NULL ? gamma->gamma_err_mev[0] : NAN;
        double amplitude = gamma->amplitude != NULL ? gamma->amplitude[0] : NAN;

        g_array_append_val (q, gamma->q[0]);
        g_array_append_val (g, gamma->gamma_mev[0]);
        g_array_append_val (e, err);
        g_array_append_val (a, amplitude);
      }
    }
  if (failed > 0)
    g_string_append_printf (note, ngettext ("Γ(Q): %u Q value gave no linewidth (its Fₛ does not "
                                            "decay within the lags, or decays within one frame).",
                                            "Γ(Q): %u Q values gave no linewidth (their Fₛ does not "
                                            "decay within the lags, or decays within one frame).",
                                            failed), failed);
  if (q->len == 0)
    return NULL;
  out = sp_qens_gamma_new (q->len, TRUE);
  memcpy (out->q, q->data, q->len * sizeof (double));
  memcpy (out->gamma_mev, g->data, q->len * sizeof (double));
  memcpy (out->gamma_err_mev, e->data, q->len * sizeof (double));
  if (out->amplitude == NULL)
    out->amplitude = g_new (double, q->len);
  memcpy (out->amplitude, a->data, q->len * sizeof (double));
  return out;
}

static SpHopBase *
compute_base (Job           *job,
              SpTrajectory  *trajectory,
              const char    *path,
              GError       **error)
{
  SpHopBase *base = g_atomic_rc_box_new0 (SpHopBase);
  g_autoptr(GString) note = g_string_new (NULL);
  guint max_lag = MAX (2u, (guint) (MSD_LAG_FRACTION * trajectory->n_frames));

  base->trajectory = trajectory;
  base->path = g_strdup (path);
  if (path != NULL)
    {
      base->options = job->options;
      base->species = g_strdup (job->species);
      base->options.species = base->species;
    }
  base->suggested_t0_ps = base->suggested_t1_ps = NAN;

  job_step (job, job->progress_lo, job->progress_lo + 0.5 * (job->progress_hi - job->progress_lo));
  base->msd = sp_msd_compute_full (trajectory, max_lag, job_progress, job, job->cancellable, error);
  if (base->msd == NULL)
    {
      sp_hop_base_unref (base);
      return NULL;
    }
  base->has_suggestion = sp_diffusion_suggest_window (trajectory, base->msd, &base->suggested_t0_ps,
                                                      &base->suggested_t1_ps);

  /* F_s and Γ(Q): a result of its own, so a failure is a note. */
  if (trajectory->n_frames >= 3 && job->n_q > 0)
    {
      double per_lag = (double) trajectory->n_frames * MAX (1u, trajectory->n_ions);
      guint lags = (guint) CLAMP (FS_BUDGET / per_lag, 2.0, trajectory->n_frames / 2.0);
      g_autoptr(GError) local = NULL;

      base->fs = sp_qens_fs_compute (trajectory, job->q, job->n_q, MAX (lags, 2u), job->cancellable,
                                     &local);
      if (base->fs == NULL && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          sp_hop_base_unref (base);
          return NULL;
        }
      if (base->fs == NULL)
        g_string_append_printf (note, _("Fₛ(Q, t): %s."), local->message);
      else
        base->gamma = gamma_per_q (base->fs, note);
      if (base->gamma != NULL && base->gamma->n_points >= SP_QENS_MIN_POINTS)
        {
          g_clear_error (&local);
          base->has_ce = sp_chudley_elliott_fit (base->gamma, &base->ce, &local);
          if (!base->has_ce)
            g_string_append_printf (note, note->len > 0 ? _(" Chudley–Elliott: %s.")
                                                        : _("Chudley–Elliott: %s."), local->message);
        }
    }
  base->note = note->len > 0 ? g_strdup (note->str) : NULL;
  return base;
}

/* The window: the one asked for (clamped to the lags), else the suggested,
 * else the tenth to the quarter of the lags. */
static SpHopFit *
compute_fit (Job             *job,
             const SpHopBase *base)
{
  SpHopFit *fit = g_new0 (SpHopFit, 1);
  const SpMsd *msd = base->msd;
  g_autoptr(GError) error = NULL;
  double first = msd->n_lags > 1 ? msd->lag_ps[1] : NAN, last = msd->lag_ps[msd->n_lags - 1];

  fit->automatic = isnan (job->window_t0_ps);
  if (msd->n_lags < 4)
    {
      fit->t0_ps = fit->t1_ps = NAN;
      fit->note = g_strdup (_("Too few frames for a diffusion fit (at least 4 lag times are needed)."));
      return fit;
    }
  if (!fit->automatic)
    {
      fit->t0_ps = CLAMP (job->window_t0_ps, first, last);
      fit->t1_ps = CLAMP (job->window_t1_ps, first, last);
    }
  else if (base->has_suggestion)
    {
      fit->t0_ps = base->suggested_t0_ps;
      fit->t1_ps = base->suggested_t1_ps;
    }
  else
    {
      guint k0 = MAX (1u, msd->n_lags / 10), k1 = MAX (k0 + 2, msd->n_lags / 2);

      fit->t0_ps = msd->lag_ps[k0];
      fit->t1_ps = msd->lag_ps[MIN (k1, msd->n_lags - 1)];
    }
  if (sp_diffusion_fit_full (base->trajectory, msd, fit->t0_ps, fit->t1_ps, job->cancellable,
                             &fit->diffusion, &error))
    {
      SpDiffusion *d = &fit->diffusion;
      g_autofree char *reason = NULL;

      fit->ok = TRUE;
      fit->t0_ps = d->t0_ps;
      fit->t1_ps = d->t1_ps;
      /* A typed temperature or charge: σ by Nernst–Einstein again. */
      if (isfinite (job->temperature_k) || isfinite (job->charge_e))
        {
          if (isfinite (job->temperature_k))
            d->temperature_k = job->temperature_k;
          if (isfinite (job->charge_e))
            d->charge = job->charge_e;
          d->sigma_s_cm = sp_nernst_einstein_s_cm (d->density_cm3, d->charge, d->d_sigma_cm2_s,
                                                   d->temperature_k);
          d->sigma_stderr_s_cm = fabs (d->sigma_s_cm) * d->d_sigma_stderr_cm2_s / fabs (d->d_sigma_cm2_s);
        }
      reason = sp_diffusion_trust_reason (d);
      fit->note = fit->automatic && !base->has_suggestion
        ? g_strdup_printf (_("No diffusive window found (the MSD's log–log slope never stays near 1): "
                             "fitted over a tenth to half of the lags. %s"), reason)
        : g_steal_pointer (&reason);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      sp_hop_fit_free (fit);
      return NULL;
    }
  else
    fit->note = g_strdup_printf (_("No diffusion fit: %s."), error->message);
  return fit;
}

static gboolean
job_analyse (Job     *job,
             GError **error)
{
  SpTrajectory *trajectory = g_steal_pointer (&job->trajectory);

  if (trajectory == NULL)
    {
      g_autoptr(GError) local = NULL;

      job_step (job, 0.0, 0.7);
      trajectory = sp_traj_read_file (job->path, &job->options, job_progress, job, job->cancellable, &local);
      if (trajectory == NULL)
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local));
          else
            {
              g_autofree char *message = file_message (job->path, local->message);

              g_set_error_literal (error, local->domain, local->code, message);
            }
          return FALSE;
        }
      job_step (job, 0.7, 1.0);
    }
  job->out_base = compute_base (job, trajectory, job->path, error);
  if (job->out_base == NULL)
    return FALSE;
  job->out_fit = compute_fit (job, job->out_base);
  if (job->out_fit == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return FALSE;
    }
  return TRUE;
}

static gboolean
job_fit (Job     *job,
         GError **error)
{
  job->out_fit = compute_fit (job, job->base);
  if (job->out_fit == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return FALSE;
    }
  return TRUE;
}

/* Each file: read, MSD, the suggested window, D* ± s.e.  A bad file is a
 * message; the others go on. */
static gboolean
job_runs (Job     *job,
          GError **error)
{
  guint n = g_strv_length (job->paths);

  job->out_runs = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_hop_run_free);
  for (guint i = 0; i < n; i++)
    {
      const char *path = job->paths[i];
      g_autoptr(GError) local = NULL;
      g_autoptr(SpTrajectory) trajectory = NULL;
      g_autoptr(SpMsd) msd = NULL;
      g_autofree char *name = g_path_get_basename (path);
      SpDiffusion d;
      double t0, t1, volume;
      SpHopRun *run;

      job_step (job, (double) i / n, (i + 0.7) / n);
      trajectory = sp_traj_read_file (path, &job->options, job_progress, job, job->cancellable, &local);
      if (trajectory != NULL)
        {
          job_step (job, (i + 0.7) / n, (i + 1.0) / n);
          msd = sp_msd_compute_full (trajectory, MAX (2u, (guint) (MSD_LAG_FRACTION * trajectory->n_frames)),
                                     job_progress, job, job->cancellable, &local);
        }
      if (msd != NULL)
        {
          if (!sp_diffusion_suggest_window (trajectory, msd, &t0, &t1) && msd->n_lags >= 4)
            {
              t0 = msd->lag_ps[MAX (1u, msd->n_lags / 10)];
              t1 = msd->lag_ps[MIN (MAX (msd->n_lags / 10 + 2, msd->n_lags / 2), msd->n_lags - 1)];
            }
          if (msd->n_lags < 4)
            g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 _("too few frames for a diffusion fit"));
          else if (!sp_diffusion_fit_full (trajectory, msd, t0, t1, job->cancellable, &d, &local))
            g_clear_pointer (&msd, sp_msd_free);
        }
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (local != NULL)
        {
          g_ptr_array_add (job->out_errors, file_message (path, local->message));
          continue;
        }
      run = sp_hop_run_new (path, name);
      run->file_temperature_k = trajectory->temperature_k;
      run->temperature_k = trajectory->temperature_k;
      volume = sp_trajectory_volume_a3 (trajectory);
      run->length_angstrom = volume > 0.0 ? cbrt (volume) : NAN;
      run->d_star_cm2_s = d.d_star_cm2_s;
      run->d_star_err_cm2_s = d.d_star_stderr_cm2_s;
      g_ptr_array_add (job->out_runs, run);
    }
  return TRUE;
}

static gboolean
job_qens_table (Job     *job,
                GError **error)
{
  g_autoptr(GError) local = NULL;

  job->out_table = sp_qens_read_table (job->path, &local);
  if (job->out_table == NULL)
    {
      g_autofree char *message = file_message (job->path, local->message);

      g_set_error_literal (error, local->domain, local->code, message);
      return FALSE;
    }
  job->out_has_ce = job->out_table->n_points >= SP_QENS_MIN_POINTS
                    && sp_chudley_elliott_fit (job->out_table, &job->out_ce, &local);
  if (!job->out_has_ce)
    {
      g_autofree char *base = g_path_get_basename (job->path);

      g_ptr_array_add (job->out_errors,
                       local != NULL ? g_strdup_printf (_("“%s”: no Chudley–Elliott fit: %s"), base, local->message)
                                     : g_strdup_printf (_("“%s”: no Chudley–Elliott fit: it needs at least %u points"),
                                                        base, SP_QENS_MIN_POINTS));
    }
  return TRUE;
}

static gboolean
job_size_table (Job     *job,
                GError **error)
{
  g_autoptr(GError) local = NULL;

  job->out_size = sp_finite_size_data_read_file (job->path, &local);
  if (job->out_size == NULL)
    {
      g_autofree char *message = file_message (job->path, local->message);

      g_set_error_literal (error, local->domain, local->code, message);
      return FALSE;
    }
  return TRUE;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case SP_HOP_JOB_ANALYSE:
      ok = job_analyse (job, &error);
      break;
    case SP_HOP_JOB_FIT:
      ok = job_fit (job, &error);
      break;
    case SP_HOP_JOB_RUNS:
      ok = job_runs (job, &error);
      break;
    case SP_HOP_JOB_QENS_TABLE:
      ok = job_qens_table (job, &error);
      break;
    case SP_HOP_JOB_SIZE_TABLE:
      ok = job_size_table (job, &error);
      break;
    }
  if (ok && g_cancellable_is_cancelled (cancellable))
    {
      ok = FALSE;
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* ---- results (main thread) ------------------------------------------------ */

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SpHopWorkbench *self = SP_HOP_WORKBENCH (source);
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (task, &error);
  gboolean changed = FALSE;

  sp_hop_workbench_job_finished (self, job->cancellable);
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sp_hop_workbench_emit_error (self, error->message);
      return;
    }
  switch (job->kind)
    {
    case SP_HOP_JOB_ANALYSE:
      sp_hop_workbench_take_analysis (self, g_steal_pointer (&job->out_base),
                                      g_steal_pointer (&job->out_fit));
      changed = TRUE;
      /* The window (or T, charge) changed while it ran: fit again. */
      if (!((isnan (job->window_t0_ps) && isnan (self->window_t0_ps))
            || (job->window_t0_ps == self->window_t0_ps && job->window_t1_ps == self->window_t1_ps))
          || !((isnan (job->temperature_k) && isnan (self->temperature_k)) || job->temperature_k == self->temperature_k)
          || !((isnan (job->charge_e) && isnan (self->charge_e)) || job->charge_e == self->charge_e))
        sp_hop_workbench_start_fit (self);
      break;
    case SP_HOP_JOB_FIT:
      if (job->base == self->base)
        {
          sp_hop_fit_free (self->fit);
          self->fit = g_steal_pointer (&job->out_fit);
          changed = TRUE;
        }
      break;
    case SP_HOP_JOB_RUNS:
      for (guint i = 0; i < job->out_runs->len; i++)
        g_ptr_array_add (self->runs, g_steal_pointer (&g_ptr_array_index (job->out_runs, i)));
      g_ptr_array_set_size (job->out_runs, 0);
      sp_hop_workbench_update_series (self);
      changed = TRUE;
      break;
    case SP_HOP_JOB_QENS_TABLE:
      sp_qens_gamma_free (self->qens_table);
      self->qens_table = g_steal_pointer (&job->out_table);
      g_free (self->qens_table_path);
      self->qens_table_path = g_strdup (job->path);
      self->has_table_ce = job->out_has_ce;
      self->table_ce = job->out_ce;
      changed = TRUE;
      break;
    case SP_HOP_JOB_SIZE_TABLE:
      sp_finite_size_data_free (self->size_table);
      self->size_table = g_steal_pointer (&job->out_size);
      g_free (self->size_table_path);
      self->size_table_path = g_strdup (job->path);
      self->size_quantity = job->quantity;
      sp_hop_workbench_update_series (self);
      changed = TRUE;
      break;
    }
  if (changed)
    sp_hop_workbench_emit_changed (self);
  for (guint i = 0; i < job->out_errors->len; i++)
    sp_hop_workbench_emit_error (self, g_ptr_array_index (job->out_errors, i));
}

static void
start_job (SpHopWorkbench *self,
           Job            *job)
{
  g_autoptr(GTask) task = g_task_new (self, job->cancellable, job_done, NULL);

  sp_hop_workbench_job_started (self, job->kind, job->cancellable);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

void
sp_hop_workbench_start_analyse (SpHopWorkbench          *self,
                                SpTrajectory            *trajectory,
                                const char              *path,
                                const SpTrajReadOptions *options)
{
  Job *job = job_new (self, SP_HOP_JOB_ANALYSE);

  /* With both a trajectory and a path (new Q values for a file's
   * trajectory), the trajectory is analysed and the path only kept. */
  job->trajectory = trajectory;
  job->path = g_strdup (path);
  if (options != NULL)
    copy_options (job, options);
  start_job (self, job);
}

void
sp_hop_workbench_start_fit (SpHopWorkbench *self)
{
  Job *job;

  if (self->base == NULL)
    return;
  job = job_new (self, SP_HOP_JOB_FIT);
  job->base = sp_hop_base_ref (self->base);
  start_job (self, job);
}

void
sp_hop_workbench_start_runs (SpHopWorkbench          *self,
                             char                   **paths,
                             const SpTrajReadOptions *options)
{
  Job *job = job_new (self, SP_HOP_JOB_RUNS);

  job->paths = g_strdupv (paths);
  copy_options (job, options);
  start_job (self, job);
}

void
sp_hop_workbench_start_qens_table (SpHopWorkbench *self,
                                   const char     *path)
{
  Job *job = job_new (self, SP_HOP_JOB_QENS_TABLE);

  job->path = g_strdup (path);
  start_job (self, job);
}

void
sp_hop_workbench_start_size_table (SpHopWorkbench         *self,
                                   const char             *path,
                                   SpHopFiniteSizeQuantity quantity)
{
  Job *job = job_new (self, SP_HOP_JOB_SIZE_TABLE);

  job->path = g_strdup (path);
  job->quantity = quantity;
  start_job (self, job);
}
