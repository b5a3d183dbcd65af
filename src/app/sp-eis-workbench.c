/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-workbench.c — the object, its inputs and opening files
 *
 * The actions live in sp-eis-workbench-jobs.c, the figure data in
 * sp-eis-workbench-figure.c, the session state in
 * sp-eis-workbench-state.c.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-eis-ceramic.h"
#include "sp-eis-read.h"
#include "sp-eis-workbench-private.h"

G_DEFINE_FINAL_TYPE (SpEisWorkbench, sp_eis_workbench, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_BUSY,
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
  SpEisJobKind  kind;
  GCancellable *cancellable;
} RunningJob;

/* ---- entries ------------------------------------------------------------ */

void
sp_eis_fit_outcome_free (SpEisFitOutcome *outcome)
{
  if (outcome == NULL)
    return;
  sp_eis_fit_result_free (outcome->result);
  sp_circuit_free (outcome->circuit);
  sp_eis_spectrum_free (outcome->curve);
  g_free (outcome);
}

SpEisEntry *
sp_eis_entry_new (SpEisSpectrum *spectrum,
                  const char    *path)
{
  SpEisEntry *entry = g_new0 (SpEisEntry, 1);

  entry->spectrum = spectrum;
  entry->path = g_strdup (path);
  entry->typed_temperature_k = NAN;
  return entry;
}

void
sp_eis_entry_free (SpEisEntry *entry)
{
  if (entry == NULL)
    return;
  sp_eis_spectrum_free (entry->spectrum);
  g_free (entry->path);
  sp_eis_fit_outcome_free (entry->fit);
  sp_linkk_result_free (entry->linkk);
  sp_drt_result_free (entry->drt);
  g_free (entry);
}

double
sp_eis_entry_temperature (const SpEisEntry *entry)
{
  if (isfinite (entry->typed_temperature_k))
    return entry->typed_temperature_k;
  return entry->spectrum->temperature_k;
}

void
sp_eis_arrhenius_series_free (SpEisArrheniusSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->temperature_k);
  for (guint k = 0; k < SP_EIS_N_CONDUCTIVITIES; k++)
    {
      g_free (series->resistance_ohm[k]);
      g_free (series->sigma_s_cm[k]);
      g_free (series->sigma_err_s_cm[k]);
    }
  g_free (series->circuit);
  g_free (series->note);
  g_free (series);
}

/* ---- the object --------------------------------------------------------- */

static void
sp_eis_workbench_dispose (GObject *object)
{
  SpEisWorkbench *self = SP_EIS_WORKBENCH (object);

  /* The threads hold their own data and a reference on the workbench
   * (through their GTask), so disposing only asks them to stop early. */
  for (guint i = 0; i < self->jobs->len; i++)
    g_cancellable_cancel (((RunningJob *) g_ptr_array_index (self->jobs, i))->cancellable);
  G_OBJECT_CLASS (sp_eis_workbench_parent_class)->dispose (object);
}

static void
sp_eis_workbench_finalize (GObject *object)
{
  SpEisWorkbench *self = SP_EIS_WORKBENCH (object);

  g_ptr_array_unref (self->entries);
  g_free (self->circuit_text);
  sp_circuit_free (self->circuit);
  g_free (self->circuit_error);
  g_hash_table_unref (self->param_settings);
  sp_eis_arrhenius_series_free (self->arrhenius);
  g_ptr_array_unref (self->jobs);
  sp_eis_figure_cache_clear (&self->figure);
  G_OBJECT_CLASS (sp_eis_workbench_parent_class)->finalize (object);
}

static void
sp_eis_workbench_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpEisWorkbench *self = SP_EIS_WORKBENCH (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, sp_eis_workbench_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_eis_workbench_class_init (SpEisWorkbenchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_eis_workbench_dispose;
  object_class->finalize = sp_eis_workbench_finalize;
  object_class->get_property = sp_eis_workbench_get_property;

  props[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /* The spectra, an input or a result changed: redraw, refill. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Something failed (translated message naming what); nothing changed. */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sp_eis_workbench_init (SpEisWorkbench *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_eis_entry_free);
  self->next_id = 1;
  self->selected = -1;
  self->param_settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->weight = SP_EIS_WEIGHT_MODULUS;
  self->f_min_hz = 0.0;
  self->f_max_hz = INFINITY;
  self->linkk_c = 0.85;
  self->linkk_fit = SP_LINKK_FIT_COMPLEX;
  self->drt_gcv = TRUE;
  self->drt_lambda = 1e-3;
  self->drt_derivative = 1;
  self->thickness_cm = 0.1;
  self->area_cm2 = 1.0;
  self->arrhenius_form = SP_ARRHENIUS_SIGMA_T;
  self->jobs = g_ptr_array_new_with_free_func (g_free);
  sp_eis_workbench_set_circuit_text (self, SP_EIS_CERAMIC_CIRCUIT);
}

SpEisWorkbench *
sp_eis_workbench_new (void)
{
  return g_object_new (SP_TYPE_EIS_WORKBENCH, NULL);
}

void
sp_eis_workbench_emit_changed (SpEisWorkbench *self)
{
  self->figure.valid = FALSE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
sp_eis_workbench_emit_error (SpEisWorkbench *self,
                             const char     *message)
{
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, message);
}

/* ---- jobs --------------------------------------------------------------- */

gboolean
sp_eis_workbench_get_busy (SpEisWorkbench *self)
{
  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), FALSE);
  return self->jobs->len > 0;
}

void
sp_eis_workbench_job_started (SpEisWorkbench *self,
                              SpEisJobKind    kind,
                              GCancellable   *cancellable)
{
  gboolean was_busy = self->jobs->len > 0;
  RunningJob *job;

  /* Opening files add up; a computation replaces the one of its kind. */
  if (kind != SP_EIS_JOB_OPEN)
    for (guint i = 0; i < self->jobs->len; i++)
      {
        RunningJob *other = g_ptr_array_index (self->jobs, i);
        if (other->kind == kind)
          g_cancellable_cancel (other->cancellable);
      }
  job = g_new (RunningJob, 1);
  job->kind = kind;
  job->cancellable = cancellable;   /* borrowed: the task holds it */
  g_ptr_array_add (self->jobs, job);
  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]);
}

void
sp_eis_workbench_job_finished (SpEisWorkbench *self,
                               GCancellable   *cancellable)
{
  for (guint i = 0; i < self->jobs->len; i++)
    if (((RunningJob *) g_ptr_array_index (self->jobs, i))->cancellable == cancellable)
      {
        g_ptr_array_remove_index (self->jobs, i);
        break;
      }
  if (self->jobs->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BUSY]);
}

void
sp_eis_workbench_cancel (SpEisWorkbench *self)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  for (guint i = 0; i < self->jobs->len; i++)
    g_cancellable_cancel (((RunningJob *) g_ptr_array_index (self->jobs, i))->cancellable);
}

/* ---- spectra ------------------------------------------------------------ */

SpEisEntry *
sp_eis_workbench_find_entry (SpEisWorkbench *self,
                             guint           id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      SpEisEntry *entry = g_ptr_array_index (self->entries, i);
      if (entry->id == id)
        return entry;
    }
  return NULL;
}

SpEisEntry *
sp_eis_workbench_selected_entry (SpEisWorkbench *self)
{
  if (self->selected < 0 || (guint) self->selected >= self->entries->len)
    return NULL;
  return g_ptr_array_index (self->entries, self->selected);
}

/* Takes @spectrum; replaces the entry read from the same @path. */
static void
add_entry (SpEisWorkbench *self,
           SpEisSpectrum  *spectrum,
           const char     *path)
{
  SpEisEntry *entry = sp_eis_entry_new (spectrum, path);

  entry->id = self->next_id++;
  if (path != NULL)
    for (guint i = 0; i < self->entries->len; i++)
      {
        SpEisEntry *old = g_ptr_array_index (self->entries, i);
        if (g_strcmp0 (old->path, path) == 0)
          {
            entry->typed_temperature_k = old->typed_temperature_k;
            sp_eis_entry_free (old);
            self->entries->pdata[i] = entry;
            return;
          }
      }
  g_ptr_array_add (self->entries, entry);
  if (self->selected < 0)
    self->selected = 0;
}

void
sp_eis_workbench_add_spectrum (SpEisWorkbench      *self,
                               const SpEisSpectrum *spectrum,
                               const char          *path)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  g_return_if_fail (spectrum != NULL);
  add_entry (self, sp_eis_spectrum_copy (spectrum), path);
  sp_eis_workbench_emit_changed (self);
}

void
sp_eis_workbench_remove_spectrum (SpEisWorkbench *self,
                                  guint           index)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  g_return_if_fail (index < self->entries->len);
  g_ptr_array_remove_index (self->entries, index);
  if (self->selected >= (int) self->entries->len)
    self->selected = (int) self->entries->len - 1;
  /* The series was made from spectra one of which is gone. */
  g_clear_pointer (&self->arrhenius, sp_eis_arrhenius_series_free);
  sp_eis_workbench_emit_changed (self);
}

guint
sp_eis_workbench_get_n_spectra (SpEisWorkbench *self)
{
  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), 0);
  return self->entries->len;
}

static SpEisEntry *
entry_at (SpEisWorkbench *self,
          guint           index)
{
  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_ptr_array_index (self->entries, index);
}

const SpEisSpectrum *
sp_eis_workbench_get_spectrum (SpEisWorkbench *self,
                               guint           index)
{
  SpEisEntry *entry = entry_at (self, index);
  return entry != NULL ? entry->spectrum : NULL;
}

const char *
sp_eis_workbench_get_spectrum_path (SpEisWorkbench *self,
                                    guint           index)
{
  SpEisEntry *entry = entry_at (self, index);
  return entry != NULL ? entry->path : NULL;
}

double
sp_eis_workbench_get_temperature (SpEisWorkbench *self,
                                  guint           index)
{
  SpEisEntry *entry = entry_at (self, index);
  return entry != NULL ? sp_eis_entry_temperature (entry) : NAN;
}

void
sp_eis_workbench_set_temperature (SpEisWorkbench *self,
                                  guint           index,
                                  double          temperature_k)
{
  SpEisEntry *entry = entry_at (self, index);

  g_return_if_fail (isnan (temperature_k) || (isfinite (temperature_k) && temperature_k > 0));
  if (entry == NULL)
    return;
  if (entry->typed_temperature_k == temperature_k
      || (isnan (entry->typed_temperature_k) && isnan (temperature_k)))
    return;
  entry->typed_temperature_k = temperature_k;
  sp_eis_workbench_emit_changed (self);
}

int
sp_eis_workbench_get_selected (SpEisWorkbench *self)
{
  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), -1);
  return self->selected;
}

void
sp_eis_workbench_set_selected (SpEisWorkbench *self,
                               int             index)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  g_return_if_fail (index >= -1 && index < (int) self->entries->len);
  if (self->selected == index)
    return;
  self->selected = index;
  sp_eis_workbench_emit_changed (self);
}

SpEisSpectrum *
sp_eis_workbench_select_points (SpEisWorkbench      *self,
                                const SpEisSpectrum *spectrum)
{
  return sp_eis_spectrum_select (spectrum, self->f_min_hz, self->f_max_hz,
                                 self->drop_positive_imag);
}

/* ---- opening files ------------------------------------------------------ */

typedef struct
{
  GPtrArray *files;      /* GFile *                                      */
  GPtrArray *spectra;    /* SpEisSpectrum * read, NULL for a bad file     */
  GPtrArray *paths;      /* char * (NULL for a file without a path)       */
  GPtrArray *messages;   /* char * per bad file                           */
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_ptr_array_unref (job->files);
  g_ptr_array_unref (job->spectra);
  g_ptr_array_unref (job->paths);
  g_ptr_array_unref (job->messages);
  g_free (job);
}

static SpEisSpectrum *
read_one (GFile         *file,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *contents = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;

  /* The size first, so that a huge file is refused before it is read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local);
  if (info != NULL && g_file_info_get_size (info) > SP_EIS_READ_MAX_BYTES)
    {
      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB; a spectrum is much smaller"),
                   name, SP_EIS_READ_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  /* A failed query (a file system without sizes) is not an error yet:
   * loading says what is wrong. */
  g_clear_error (&local);
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local))
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, local->domain, local->code, "%s: %s", name, local->message);
      return NULL;
    }
  return sp_eis_read_data (contents, length, name, error);
}

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;

  for (guint i = 0; i < job->files->len; i++)
    {
      GFile *file = g_ptr_array_index (job->files, i);
      g_autoptr(GError) error = NULL;
      SpEisSpectrum *spectrum = read_one (file, cancellable, &error);

      if (g_cancellable_is_cancelled (cancellable))
        {
          sp_eis_spectrum_free (spectrum);
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
          return;
        }
      g_ptr_array_add (job->spectra, spectrum);
      g_ptr_array_add (job->paths, g_file_get_path (file));
      if (spectrum == NULL)
        g_ptr_array_add (job->messages, g_strdup (error->message));
    }
  g_task_return_boolean (task, TRUE);
}

static void
open_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SpEisWorkbench *self = SP_EIS_WORKBENCH (source);
  GTask *task = G_TASK (result);
  OpenJob *job = g_task_get_task_data (task);
  guint n_added = 0;

  sp_eis_workbench_job_finished (self, g_task_get_cancellable (task));
  if (!g_task_propagate_boolean (task, NULL))
    return;   /* cancelled: nothing changes */
  for (guint i = 0; i < job->spectra->len; i++)
    if (job->spectra->pdata[i] != NULL)
      {
        add_entry (self, g_steal_pointer (&job->spectra->pdata[i]), job->paths->pdata[i]);
        n_added++;
      }
  if (n_added > 0)
    sp_eis_workbench_emit_changed (self);
  for (guint i = 0; i < job->messages->len; i++)
    sp_eis_workbench_emit_error (self, job->messages->pdata[i]);
}

void
sp_eis_workbench_open_files (SpEisWorkbench *self,
                             GFile         **files,
                             guint           n_files)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = NULL;
  OpenJob *job;

  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  g_return_if_fail (files != NULL || n_files == 0);
  if (n_files == 0)
    return;
  job = g_new0 (OpenJob, 1);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  job->spectra = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_eis_spectrum_free);
  job->paths = g_ptr_array_new_with_free_func (g_free);
  job->messages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  task = g_task_new (self, cancellable, open_done, NULL);
  g_task_set_source_tag (task, sp_eis_workbench_open_files);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  sp_eis_workbench_job_started (self, SP_EIS_JOB_OPEN, cancellable);
  g_task_run_in_thread (task, open_thread);
}

/* ---- the circuit and the fit's options ---------------------------------- */

void
sp_eis_workbench_set_circuit_text (SpEisWorkbench *self,
                                   const char     *text)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  g_return_if_fail (text != NULL);
  if (g_strcmp0 (self->circuit_text, text) == 0)
    return;
  g_free (self->circuit_text);
  self->circuit_text = g_strdup (text);
  g_clear_pointer (&self->circuit, sp_circuit_free);
  g_clear_pointer (&self->circuit_error, g_free);
  self->circuit = sp_circuit_parse_full (text, &self->circuit_error_position, &error);
  if (self->circuit == NULL)
    self->circuit_error = g_strdup (error->message);
  sp_eis_workbench_emit_changed (self);
}

const char *
sp_eis_workbench_get_circuit_text (SpEisWorkbench *self)
{
  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), NULL);
  return self->circuit_text;
}

const SpCircuit *
sp_eis_workbench_get_circuit (SpEisWorkbench *self)
{
  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), NULL);
  return self->circuit;
}

const char *
sp_eis_workbench_get_circuit_error (SpEisWorkbench *self,
                                    guint          *position)
{
  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), NULL);
  if (position != NULL)
    *position = self->circuit_error != NULL ? self->circuit_error_position : 0;
  return self->circuit_error;
}

void
sp_eis_workbench_set_weight (SpEisWorkbench *self,
                             SpEisWeight     weight)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  g_return_if_fail (weight <= SP_EIS_WEIGHT_PROPORTIONAL);
  if (self->weight == weight)
    return;
  self->weight = weight;
  sp_eis_workbench_emit_changed (self);
}

SpEisWeight
sp_eis_workbench_get_weight (SpEisWorkbench *self)
{
  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), SP_EIS_WEIGHT_MODULUS);
  return self->weight;
}

static SpEisParamSetting *
param_setting (SpEisWorkbench *self,
               guint           index,
               gboolean        create)
{
  const char *name;
  SpEisParamSetting *setting;

  if (self->circuit == NULL || index >= sp_circuit_get_n_params (self->circuit))
    return NULL;
  name = sp_circuit_get_param_name (self->circuit, index);
  setting = g_hash_table_lookup (self->param_settings, name);
  if (setting == NULL && create)
    {
      setting = g_new (SpEisParamSetting, 1);
      setting->initial = NAN;
      setting->fixed = FALSE;
      g_hash_table_insert (self->param_settings, g_strdup (name), setting);
    }
  return setting;
}

void
sp_eis_workbench_set_param_initial (SpEisWorkbench *self,
                                    guint           index,
                                    double          value)
{
  SpEisParamSetting *setting;

  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  g_return_if_fail (self->circuit != NULL);
  g_return_if_fail (isnan (value) || sp_circuit_param_valid (self->circuit, index, value));
  setting = param_setting (self, index, TRUE);
  g_return_if_fail (setting != NULL);
  if (setting->initial == value || (isnan (setting->initial) && isnan (value)))
    return;
  setting->initial = value;
  sp_eis_workbench_emit_changed (self);
}

double
sp_eis_workbench_get_param_initial (SpEisWorkbench *self,
                                    guint           index)
{
  SpEisParamSetting *setting;

  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), NAN);
  setting = param_setting (self, index, FALSE);
  return setting != NULL ? setting->initial : NAN;
}

void
sp_eis_workbench_set_param_fixed (SpEisWorkbench *self,
                                  guint           index,
                                  gboolean        fixed)
{
  SpEisParamSetting *setting;

  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  setting = param_setting (self, index, TRUE);
  g_return_if_fail (setting != NULL);
  if (setting->fixed == !!fixed)
    return;
  setting->fixed = !!fixed;
  sp_eis_workbench_emit_changed (self);
}

gboolean
sp_eis_workbench_get_param_fixed (SpEisWorkbench *self,
                                  guint           index)
{
  SpEisParamSetting *setting;

  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), FALSE);
  setting = param_setting (self, index, FALSE);
  return setting != NULL && setting->fixed;
}

void
sp_eis_workbench_reset_params (SpEisWorkbench *self)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  if (g_hash_table_size (self->param_settings) == 0)
    return;
  g_hash_table_remove_all (self->param_settings);
  sp_eis_workbench_emit_changed (self);
}

void
sp_eis_workbench_set_range (SpEisWorkbench *self,
                            double          f_min_hz,
                            double          f_max_hz,
                            gboolean        drop_positive_imag)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  g_return_if_fail (f_min_hz >= 0 && !isnan (f_max_hz) && f_max_hz > f_min_hz);
  if (self->f_min_hz == f_min_hz && self->f_max_hz == f_max_hz
      && self->drop_positive_imag == !!drop_positive_imag)
    return;
  self->f_min_hz = f_min_hz;
  self->f_max_hz = f_max_hz;
  self->drop_positive_imag = !!drop_positive_imag;
  sp_eis_workbench_emit_changed (self);
}

void
sp_eis_workbench_get_range (SpEisWorkbench *self,
                            double         *f_min_hz,
                            double         *f_max_hz,
                            gboolean       *drop_positive_imag)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  if (f_min_hz != NULL)
    *f_min_hz = self->f_min_hz;
  if (f_max_hz != NULL)
    *f_max_hz = self->f_max_hz;
  if (drop_positive_imag != NULL)
    *drop_positive_imag = self->drop_positive_imag;
}

/* ---- Lin-KK, DRT, Arrhenius options ------------------------------------- */

void
sp_eis_workbench_set_linkk_options (SpEisWorkbench *self,
                                    double          c,
                                    SpLinKKFit      fit,
                                    gboolean        add_capacitance)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  g_return_if_fail (c > 0 && c < 1);
  g_return_if_fail (fit <= SP_LINKK_FIT_IMAG);
  if (self->linkk_c == c && self->linkk_fit == fit
      && self->linkk_add_capacitance == !!add_capacitance)
    return;
  self->linkk_c = c;
  self->linkk_fit = fit;
  self->linkk_add_capacitance = !!add_capacitance;
  sp_eis_workbench_emit_changed (self);
}

void
sp_eis_workbench_get_linkk_options (SpEisWorkbench *self,
                                    double         *c,
                                    SpLinKKFit     *fit,
                                    gboolean       *add_capacitance)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  if (c != NULL)
    *c = self->linkk_c;
  if (fit != NULL)
    *fit = self->linkk_fit;
  if (add_capacitance != NULL)
    *add_capacitance = self->linkk_add_capacitance;
}

void
sp_eis_workbench_set_drt_options (SpEisWorkbench *self,
                                  gboolean        gcv,
                                  double          lambda,
                                  guint           derivative)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  g_return_if_fail (isfinite (lambda) && lambda > 0);
  g_return_if_fail (derivative == 1 || derivative == 2);
  if (self->drt_gcv == !!gcv && self->drt_lambda == lambda
      && self->drt_derivative == derivative)
    return;
  self->drt_gcv = !!gcv;
  self->drt_lambda = lambda;
  self->drt_derivative = derivative;
  sp_eis_workbench_emit_changed (self);
}

void
sp_eis_workbench_get_drt_options (SpEisWorkbench *self,
                                  gboolean       *gcv,
                                  double         *lambda,
                                  guint          *derivative)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  if (gcv != NULL)
    *gcv = self->drt_gcv;
  if (lambda != NULL)
    *lambda = self->drt_lambda;
  if (derivative != NULL)
    *derivative = self->drt_derivative;
}

void
sp_eis_workbench_set_arrhenius_options (SpEisWorkbench  *self,
                                        double           thickness_cm,
                                        double           area_cm2,
                                        SpArrheniusForm  form)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  g_return_if_fail (isfinite (thickness_cm) && thickness_cm > 0);
  g_return_if_fail (isfinite (area_cm2) && area_cm2 > 0);
  g_return_if_fail (form <= SP_ARRHENIUS_SIGMA);
  if (self->thickness_cm == thickness_cm && self->area_cm2 == area_cm2
      && self->arrhenius_form == form)
    return;
  self->thickness_cm = thickness_cm;
  self->area_cm2 = area_cm2;
  self->arrhenius_form = form;
  sp_eis_workbench_emit_changed (self);
}

void
sp_eis_workbench_get_arrhenius_options (SpEisWorkbench  *self,
                                        double          *thickness_cm,
                                        double          *area_cm2,
                                        SpArrheniusForm *form)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  if (thickness_cm != NULL)
    *thickness_cm = self->thickness_cm;
  if (area_cm2 != NULL)
    *area_cm2 = self->area_cm2;
  if (form != NULL)
    *form = self->arrhenius_form;
}

void
sp_eis_workbench_set_residuals_source (SpEisWorkbench       *self,
                                       SpEisResidualsSource  source)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  g_return_if_fail (source <= SP_EIS_RESIDUALS_LINKK);
  if (self->residuals_source == source)
    return;
  self->residuals_source = source;
  sp_eis_workbench_emit_changed (self);
}

SpEisResidualsSource
sp_eis_workbench_get_residuals_source (SpEisWorkbench *self)
{
  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), SP_EIS_RESIDUALS_FIT);
  return self->residuals_source;
}

void
sp_eis_workbench_set_show_all (SpEisWorkbench *self,
                               gboolean        show_all)
{
  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  if (self->show_all == !!show_all)
    return;
  self->show_all = !!show_all;
  sp_eis_workbench_emit_changed (self);
}

gboolean
sp_eis_workbench_get_show_all (SpEisWorkbench *self)
{
  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), FALSE);
  return self->show_all;
}

/* ---- results ------------------------------------------------------------ */

const SpEisFitResult *
sp_eis_workbench_get_fit (SpEisWorkbench *self)
{
  SpEisEntry *entry;

  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), NULL);
  entry = sp_eis_workbench_selected_entry (self);
  return entry != NULL && entry->fit != NULL ? entry->fit->result : NULL;
}

const SpCircuit *
sp_eis_workbench_get_fit_circuit (SpEisWorkbench *self)
{
  SpEisEntry *entry;

  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), NULL);
  entry = sp_eis_workbench_selected_entry (self);
  return entry != NULL && entry->fit != NULL ? entry->fit->circuit : NULL;
}

const SpLinKKResult *
sp_eis_workbench_get_linkk (SpEisWorkbench *self)
{
  SpEisEntry *entry;

  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), NULL);
  entry = sp_eis_workbench_selected_entry (self);
  return entry != NULL ? entry->linkk : NULL;
}

const SpDrtResult *
sp_eis_workbench_get_drt (SpEisWorkbench *self)
{
  SpEisEntry *entry;

  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), NULL);
  entry = sp_eis_workbench_selected_entry (self);
  return entry != NULL ? entry->drt : NULL;
}

const SpEisArrheniusSeries *
sp_eis_workbench_get_arrhenius (SpEisWorkbench *self)
{
  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), NULL);
  return self->arrhenius;
}
