/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-workbench-private.h — what the workbench's files share
 *
 * sp-eis-workbench.c: the object, the inputs, opening files;
 * sp-eis-workbench-jobs.c: fit, Lin-KK, DRT and Arrhenius in threads;
 * sp-eis-workbench-figure.c: SpEisFigureData from the results;
 * sp-eis-workbench-state.c: the session state.
 */
#pragma once

#include "sp-eis-workbench.h"

G_BEGIN_DECLS

/* A fit and what it was made with, immutable once made. */
typedef struct
{
  SpEisFitResult *result;
  SpCircuit      *circuit;
  SpEisSpectrum  *curve;        /* the model on a dense grid */
} SpEisFitOutcome;

void sp_eis_fit_outcome_free (SpEisFitOutcome *outcome);

/* One loaded spectrum and its results. */
typedef struct
{
  guint            id;                 /* unique in the workbench's life    */
  SpEisSpectrum   *spectrum;           /* never changed once loaded         */
  char            *path;               /* NULL: not from a file             */
  double           typed_temperature_k; /* NAN: the file's                  */
  SpEisFitOutcome *fit;
  SpLinKKResult   *linkk;
  SpDrtResult     *drt;
} SpEisEntry;

SpEisEntry *sp_eis_entry_new  (SpEisSpectrum *spectrum,
                               const char    *path);
void        sp_eis_entry_free (SpEisEntry    *entry);
double      sp_eis_entry_temperature (const SpEisEntry *entry);

typedef enum
{
  SP_EIS_JOB_OPEN,
  SP_EIS_JOB_FIT,
  SP_EIS_JOB_LINKK,
  SP_EIS_JOB_DRT,
  SP_EIS_JOB_ARRHENIUS,
} SpEisJobKind;

typedef struct
{
  double   initial;             /* NAN: the automatic guess              */
  gboolean fixed;
} SpEisParamSetting;

/* The figure's arrays, rebuilt on the first fill after a change. */
typedef struct
{
  gboolean               valid;
  GPtrArray             *spectra;      /* borrowed SpEisSpectrum *       */
  GArray                *arcs;         /* SpEisFigureArc                 */
  GPtrArray             *strings;      /* labels and titles the figure borrows */
  SpEisFigureResiduals   residuals;
  SpEisFigureDrt         drt;
  GArray                *drt_peaks;    /* SpEisFigureDrtPeak             */
  SpEisFigureArrhenius   arrhenius[SP_EIS_N_CONDUCTIVITIES];
  guint                  n_arrhenius;
  char                  *description;
} SpEisFigureCache;

struct _SpEisWorkbench
{
  GObject parent_instance;

  GPtrArray  *entries;          /* SpEisEntry *                          */
  guint       next_id;
  int         selected;

  char       *circuit_text;
  SpCircuit  *circuit;          /* NULL when the text does not parse     */
  char       *circuit_error;
  guint       circuit_error_position;
  /* By parameter name, so that editing the circuit keeps the settings of
   * the parameters that stay: name → SpEisParamSetting. */
  GHashTable *param_settings;

  SpEisWeight weight;
  double      f_min_hz, f_max_hz;
  gboolean    drop_positive_imag;

  double      linkk_c;
  SpLinKKFit  linkk_fit;
  gboolean    linkk_add_capacitance;

  gboolean    drt_gcv;
  double      drt_lambda;
  guint       drt_derivative;

  double          thickness_cm, area_cm2;
  SpArrheniusForm arrhenius_form;
  SpEisArrheniusSeries *arrhenius;

  SpEisResidualsSource residuals_source;
  gboolean    show_all;

  GPtrArray  *jobs;             /* the running jobs (SpEisJob *, borrowed) */
  SpEisFigureCache figure;
};

/* For the job and state files. */
SpEisEntry *sp_eis_workbench_find_entry     (SpEisWorkbench *self,
                                             guint           id);
SpEisEntry *sp_eis_workbench_selected_entry (SpEisWorkbench *self);
void        sp_eis_workbench_emit_changed   (SpEisWorkbench *self);
void        sp_eis_workbench_emit_error     (SpEisWorkbench *self,
                                             const char     *message);
/* Registers a running job (its cancellable; a job of the same kind is
 * cancelled first) and unregisters it; both update "busy". */
void        sp_eis_workbench_job_started    (SpEisWorkbench *self,
                                             SpEisJobKind    kind,
                                             GCancellable   *cancellable);
void        sp_eis_workbench_job_finished   (SpEisWorkbench *self,
                                             GCancellable   *cancellable);
/* The selected spectrum restricted to the range (a new copy). */
SpEisSpectrum *sp_eis_workbench_select_points (SpEisWorkbench      *self,
                                               const SpEisSpectrum *spectrum);
void        sp_eis_arrhenius_series_free    (SpEisArrheniusSeries *series);
void        sp_eis_figure_cache_clear       (SpEisFigureCache *cache);

G_END_DECLS
