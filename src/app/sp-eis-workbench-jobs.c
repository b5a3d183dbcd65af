/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-workbench-jobs.c — fit, Lin-KK, DRT and Arrhenius off the main thread
 *
 * Each action copies what it needs (the points in the range, the circuit
 * text, the options) into a job on the main thread, computes in a GTask
 * thread, and hands an immutable result back to the main thread, which
 * swaps it into the spectrum's entry — unless the job was cancelled or
 * replaced by a newer one of its kind, or its spectrum was closed
 * meanwhile: then the result is dropped and nothing changes.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-eis-ceramic.h"
#include "sp-eis-guess.h"
#include "sp-eis-workbench-private.h"

/* The model curve: this many points per decade, over the spectrum's band. */
#define CURVE_POINTS_PER_DECADE 40.0

typedef struct
{
  SpEisJobKind kind;
  guint        entry_id;
  SpEisSpectrum *points;       /* the selected spectrum in the range     */
  double       f_lo_hz, f_hi_hz;  /* the whole spectrum's band (curve)   */

  /* fit, Arrhenius */
  char        *circuit_text;
  SpEisWeight  weight;
  guint        n_params;
  double      *initial;
  gboolean    *fixed;

  SpLinKKOptions linkk_options;
  SpDrtOptions   drt_options;

  /* Arrhenius: every spectrum with a temperature, in the range */
  GPtrArray   *series_points;  /* SpEisSpectrum *                        */
  GArray      *series_t_k;     /* double                                 */
  double       thickness_cm, area_cm2;
  SpArrheniusForm form;
  GString     *skipped;        /* the spectra left out, for the note     */

  /* results */
  SpEisFitOutcome      *fit;
  SpLinKKResult        *linkk;
  SpDrtResult          *drt;
  SpEisArrheniusSeries *series;
} Job;

static void
job_free (Job *job)
{
  sp_eis_spectrum_free (job->points);
  g_free (job->circuit_text);
  g_free (job->initial);
  g_free (job->fixed);
  g_clear_pointer (&job->series_points, g_ptr_array_unref);
  g_clear_pointer (&job->series_t_k, g_array_unref);
  if (job->skipped != NULL)
    g_string_free (job->skipped, TRUE);
  sp_eis_fit_outcome_free (job->fit);
  sp_linkk_result_free (job->linkk);
  sp_drt_result_free (job->drt);
  sp_eis_arrhenius_series_free (job->series);
  g_free (job);
}

/* ---- the threads -------------------------------------------------------- */

static SpEisSpectrum *
model_curve (const SpCircuit *circuit,
             const double    *params,
             double           f_lo_hz,
             double           f_hi_hz)
{
  SpEisSpectrum *curve;

  if (!(f_hi_hz > f_lo_hz))
    f_hi_hz = f_lo_hz * 10.0;
  curve = sp_eis_spectrum_new_log (f_lo_hz, f_hi_hz, CURVE_POINTS_PER_DECADE, NULL);
  if (curve == NULL)
    return NULL;
  for (guint i = 0; i < curve->n_points; i++)
    {
      double complex z = sp_circuit_eval (circuit, params, 2.0 * G_PI * curve->freq_hz[i]);
      curve->z_re_ohm[i] = creal (z);
      curve->z_im_ohm[i] = cimag (z);
    }
  sp_eis_spectrum_set_name (curve, "fit");
  return curve;
}

static SpEisFitOutcome *
fit_outcome (const char          *circuit_text,
             const SpEisSpectrum *points,
             const SpEisFitOptions *options,
             double               f_lo_hz,
             double               f_hi_hz,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(SpCircuit) circuit = sp_circuit_parse (circuit_text, error);
  SpEisFitResult *result;
  SpEisFitOutcome *outcome;

  if (circuit == NULL)
    return NULL;
  result = sp_eis_fit (circuit, points, options, cancellable, error);
  if (result == NULL)
    return NULL;
  outcome = g_new0 (SpEisFitOutcome, 1);
  outcome->result = result;
  outcome->curve = model_curve (circuit, result->value, f_lo_hz, f_hi_hz);
  outcome->circuit = g_steal_pointer (&circuit);
  return outcome;
}

static gboolean
run_fit (Job           *job,
         GCancellable  *cancellable,
         GError       **error)
{
  SpEisFitOptions options;

  sp_eis_fit_options_init (&options);
  options.weight = job->weight;
  options.initial = job->initial;
  options.fixed = job->fixed;
  /* A parameter held fixed without a value is held at the automatic guess. */
  for (guint k = 0; k < job->n_params; k++)
    if (job->fixed[k] && isnan (job->initial[k]))
      {
        g_autoptr(SpCircuit) circuit = sp_circuit_parse (job->circuit_text, error);
        g_autofree double *guess = g_new (double, job->n_params);

        if (circuit == NULL || !sp_eis_guess (circuit, job->points, guess, error))
          return FALSE;
        for (guint j = 0; j < job->n_params; j++)
          if (job->fixed[j] && isnan (job->initial[j]))
            job->initial[j] = guess[j];
        break;
      }
  job->fit = fit_outcome (job->circuit_text, job->points, &options,
                          job->f_lo_hz, job->f_hi_hz, cancellable, error);
  return job->fit != NULL;
}

static gboolean
run_arrhenius (Job           *job,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(SpCircuit) circuit = sp_circuit_parse (job->circuit_text, error);
  SpEisArrheniusSeries *series;
  guint n = job->series_points->len, rb = 0, rgb = 0, used = 0;
  SpEisFitOptions options;

  if (circuit == NULL)
    return FALSE;
  if (!sp_circuit_find_param (circuit, "Rb", &rb, NULL)
      || !sp_circuit_find_param (circuit, "Rgb", &rgb, NULL))
    g_return_val_if_reached (FALSE);
  sp_eis_fit_options_init (&options);
  options.weight = job->weight;

  series = g_new0 (SpEisArrheniusSeries, 1);
  job->series = series;
  series->circuit = g_strdup (sp_circuit_to_string (circuit));
  series->temperature_k = g_new (double, n);
  for (guint k = 0; k < SP_EIS_N_CONDUCTIVITIES; k++)
    {
      series->resistance_ohm[k] = g_new (double, n);
      series->sigma_s_cm[k] = g_new (double, n);
      if (k != SP_EIS_CONDUCTIVITY_TOTAL)
        series->sigma_err_s_cm[k] = g_new (double, n);
    }

  for (guint i = 0; i < n; i++)
    {
      const SpEisSpectrum *points = g_ptr_array_index (job->series_points, i);
      g_autoptr(SpEisFitResult) fit = NULL;
      g_autoptr(GError) local = NULL;
      double r[SP_EIS_N_CONDUCTIVITIES], se[SP_EIS_N_CONDUCTIVITIES];

      fit = sp_eis_fit (circuit, points, &options, cancellable, &local);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (fit == NULL)
        {
          /* TRANSLATORS: a spectrum left out of the Arrhenius plot and why. */
          g_string_append_printf (job->skipped, _("%s: the fit failed (%s). "),
                                  points->name, local->message);
          continue;
        }
      r[SP_EIS_CONDUCTIVITY_BULK] = fit->value[rb];
      se[SP_EIS_CONDUCTIVITY_BULK] = fit->std_error[rb];
      r[SP_EIS_CONDUCTIVITY_GRAIN_BOUNDARY] = fit->value[rgb];
      se[SP_EIS_CONDUCTIVITY_GRAIN_BOUNDARY] = fit->std_error[rgb];
      r[SP_EIS_CONDUCTIVITY_TOTAL] = fit->value[rb] + fit->value[rgb];
      se[SP_EIS_CONDUCTIVITY_TOTAL] = NAN;
      series->temperature_k[used] = g_array_index (job->series_t_k, double, i);
      for (guint k = 0; k < SP_EIS_N_CONDUCTIVITIES; k++)
        {
          double sigma = job->thickness_cm / (r[k] * job->area_cm2);

          series->resistance_ohm[k][used] = r[k];
          series->sigma_s_cm[k][used] = sigma;
          if (series->sigma_err_s_cm[k] != NULL)
            series->sigma_err_s_cm[k][used] = sigma * se[k] / r[k];
        }
      used++;
    }
  series->n_points = used;

  /* E_a from the scatter about each line (the fits' own standard errors
   * are far smaller than the sample-to-sample spread of a real series). */
  for (guint k = 0; k < SP_EIS_N_CONDUCTIVITIES; k++)
    {
      g_autoptr(GError) local = NULL;

      series->fitted[k] = sp_arrhenius_fit (series->temperature_k, series->sigma_s_cm[k],
                                            NULL, used, job->form, &series->fit[k], &local);
      if (!series->fitted[k] && k == SP_EIS_CONDUCTIVITY_BULK)
        g_string_append_printf (job->skipped, "%s ", local->message);
    }
  if (job->skipped->len > 0)
    series->note = g_strdup (g_strchomp (job->skipped->str));
  return TRUE;
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case SP_EIS_JOB_FIT:
      ok = run_fit (job, cancellable, &error);
      break;
    case SP_EIS_JOB_LINKK:
      job->linkk = sp_linkk_check (job->points, &job->linkk_options, &error);
      ok = job->linkk != NULL;
      break;
    case SP_EIS_JOB_DRT:
      job->drt = sp_drt_compute (job->points, &job->drt_options, cancellable,
                                 NULL, NULL, &error);
      ok = job->drt != NULL;
      break;
    case SP_EIS_JOB_ARRHENIUS:
      ok = run_arrhenius (job, cancellable, &error);
      break;
    case SP_EIS_JOB_OPEN:
    default:
      g_assert_not_reached ();
    }
  if (ok && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* ---- back on the main thread -------------------------------------------- */

static const char *
job_title (SpEisJobKind kind)
{
  switch (kind)
    {
    case SP_EIS_JOB_FIT:
      return _("Fit");
    case SP_EIS_JOB_LINKK:
      return _("Kramers–Kronig check");
    case SP_EIS_JOB_DRT:
      return _("DRT");
    case SP_EIS_JOB_ARRHENIUS:
      return _("Arrhenius");
    case SP_EIS_JOB_OPEN:
    default:
      return "";
    }
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SpEisWorkbench *self = SP_EIS_WORKBENCH (source);
  GTask *task = G_TASK (result);
  GCancellable *cancellable = g_task_get_cancellable (task);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (task, &error);
  SpEisEntry *entry;

  sp_eis_workbench_job_finished (self, cancellable);
  if (g_cancellable_is_cancelled (cancellable))
    return;   /* cancelled or replaced: nothing changes */
  if (!ok)
    {
      /* TRANSLATORS: "Fit: the spectrum has fewer points than …" */
      g_autofree char *message = g_strdup_printf (_("%s: %s"), job_title (job->kind),
                                                  error->message);
      sp_eis_workbench_emit_error (self, message);
      return;
    }
  if (job->kind == SP_EIS_JOB_ARRHENIUS)
    {
      sp_eis_arrhenius_series_free (self->arrhenius);
      self->arrhenius = g_steal_pointer (&job->series);
      sp_eis_workbench_emit_changed (self);
      return;
    }
  entry = sp_eis_workbench_find_entry (self, job->entry_id);
  if (entry == NULL)
    return;   /* the spectrum was closed meanwhile */
  switch (job->kind)
    {
    case SP_EIS_JOB_FIT:
      sp_eis_fit_outcome_free (entry->fit);
      entry->fit = g_steal_pointer (&job->fit);
      self->residuals_source = SP_EIS_RESIDUALS_FIT;
      break;
    case SP_EIS_JOB_LINKK:
      sp_linkk_result_free (entry->linkk);
      entry->linkk = g_steal_pointer (&job->linkk);
      self->residuals_source = SP_EIS_RESIDUALS_LINKK;
      break;
    case SP_EIS_JOB_DRT:
      sp_drt_result_free (entry->drt);
      entry->drt = g_steal_pointer (&job->drt);
      break;
    case SP_EIS_JOB_ARRHENIUS:
    case SP_EIS_JOB_OPEN:
    default:
      g_assert_not_reached ();
    }
  sp_eis_workbench_emit_changed (self);
}

static void
start_job (SpEisWorkbench *self,
           Job            *job)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = g_task_new (self, cancellable, job_done, NULL);

  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  sp_eis_workbench_job_started (self, job->kind, cancellable);
  g_task_run_in_thread (task, job_thread);
}

/* A job on the selected spectrum, or NULL with an "error" when there is
 * none or nothing is left of it in the range. */
static Job *
job_on_selected (SpEisWorkbench *self,
                 SpEisJobKind    kind)
{
  SpEisEntry *entry = sp_eis_workbench_selected_entry (self);
  const SpEisSpectrum *spectrum;
  Job *job;

  if (entry == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: open a spectrum first."), job_title (kind));
      sp_eis_workbench_emit_error (self, message);
      return NULL;
    }
  spectrum = entry->spectrum;
  job = g_new0 (Job, 1);
  job->kind = kind;
  job->entry_id = entry->id;
  job->points = sp_eis_workbench_select_points (self, spectrum);
  job->f_lo_hz = G_MAXDOUBLE;
  job->f_hi_hz = 0.0;
  for (guint i = 0; i < spectrum->n_points; i++)
    {
      job->f_lo_hz = MIN (job->f_lo_hz, spectrum->freq_hz[i]);
      job->f_hi_hz = MAX (job->f_hi_hz, spectrum->freq_hz[i]);
    }
  if (job->points->n_points == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: no point of %s lies in the frequency range chosen."),
                         job_title (kind), spectrum->name);
      sp_eis_workbench_emit_error (self, message);
      job_free (job);
      return NULL;
    }
  return job;
}

static gboolean
check_circuit (SpEisWorkbench *self,
               SpEisJobKind    kind)
{
  g_autofree char *message = NULL;

  if (self->circuit != NULL)
    return TRUE;
  message = g_strdup_printf (_("%s: the circuit is not valid: %s"), job_title (kind),
                             self->circuit_error);
  sp_eis_workbench_emit_error (self, message);
  return FALSE;
}

void
sp_eis_workbench_fit (SpEisWorkbench *self)
{
  Job *job;

  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  if (!check_circuit (self, SP_EIS_JOB_FIT))
    return;
  job = job_on_selected (self, SP_EIS_JOB_FIT);
  if (job == NULL)
    return;
  job->circuit_text = g_strdup (self->circuit_text);
  job->weight = self->weight;
  job->n_params = sp_circuit_get_n_params (self->circuit);
  job->initial = g_new (double, job->n_params);
  job->fixed = g_new (gboolean, job->n_params);
  for (guint k = 0; k < job->n_params; k++)
    {
      job->initial[k] = sp_eis_workbench_get_param_initial (self, k);
      job->fixed[k] = sp_eis_workbench_get_param_fixed (self, k);
    }
  start_job (self, job);
}

void
sp_eis_workbench_linkk (SpEisWorkbench *self)
{
  Job *job;

  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  job = job_on_selected (self, SP_EIS_JOB_LINKK);
  if (job == NULL)
    return;
  sp_linkk_options_init (&job->linkk_options);
  job->linkk_options.c = self->linkk_c;
  job->linkk_options.fit = self->linkk_fit;
  job->linkk_options.add_capacitance = self->linkk_add_capacitance;
  start_job (self, job);
}

void
sp_eis_workbench_drt (SpEisWorkbench *self)
{
  Job *job;

  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  job = job_on_selected (self, SP_EIS_JOB_DRT);
  if (job == NULL)
    return;
  sp_drt_options_init (&job->drt_options);
  job->drt_options.gcv = self->drt_gcv;
  job->drt_options.lambda = self->drt_lambda;
  job->drt_options.derivative = self->drt_derivative;
  start_job (self, job);
}

void
sp_eis_workbench_arrhenius (SpEisWorkbench *self)
{
  const char *circuit_text = SP_EIS_CERAMIC_CIRCUIT;
  Job *job;

  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  /* The user's circuit when it names the bulk and grain-boundary
   * resistances (e.g. the ceramic without its electrode spike). */
  if (self->circuit != NULL
      && sp_circuit_find_param (self->circuit, "Rb", NULL, NULL)
      && sp_circuit_find_param (self->circuit, "Rgb", NULL, NULL))
    circuit_text = self->circuit_text;

  job = g_new0 (Job, 1);
  job->kind = SP_EIS_JOB_ARRHENIUS;
  job->circuit_text = g_strdup (circuit_text);
  job->weight = self->weight;
  job->thickness_cm = self->thickness_cm;
  job->area_cm2 = self->area_cm2;
  job->form = self->arrhenius_form;
  job->series_points = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_eis_spectrum_free);
  job->series_t_k = g_array_new (FALSE, FALSE, sizeof (double));
  job->skipped = g_string_new (NULL);
  for (guint i = 0; i < self->entries->len; i++)
    {
      SpEisEntry *entry = g_ptr_array_index (self->entries, i);
      double t = sp_eis_entry_temperature (entry);

      if (!isfinite (t))
        {
          g_string_append_printf (job->skipped, _("%s: no temperature (type it in the list). "),
                                  entry->spectrum->name);
          continue;
        }
      g_ptr_array_add (job->series_points, sp_eis_workbench_select_points (self, entry->spectrum));
      g_array_append_val (job->series_t_k, t);
    }
  if (job->series_points->len < 2)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: at least two spectra with a temperature are needed (%u given)."),
                         job_title (SP_EIS_JOB_ARRHENIUS), job->series_points->len);
      sp_eis_workbench_emit_error (self, message);
      job_free (job);
      return;
    }
  start_job (self, job);
}
