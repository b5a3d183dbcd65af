/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hop-workbench-private.h — what the workbench's files share
 *
 * sp-hop-workbench.c: the object, the inputs, the runs and series fits;
 * sp-hop-workbench-jobs.c: reading and analysing in threads;
 * sp-hop-workbench-figure.c: SpHopFigureData from the results;
 * sp-hop-workbench-state.c: the session state.
 */
#pragma once

#include "sp-arrhenius.h"
#include "sp-finite-size.h"
#include "sp-hop-workbench.h"
#include "sp-qens.h"

G_BEGIN_DECLS

#define SP_HOP_MAX_Q 32
#define SP_HOP_N_PATHS 3

/* A trajectory and what does not depend on the window: its MSD, F_s and
 * Γ(Q) with the Chudley–Elliott fit.  Immutable once made; shared by
 * reference between the workbench and a refit running in a thread. */
typedef struct
{
  SpTrajectory    *trajectory;
  char            *path;              /* NULL: not from a file              */
  SpTrajReadOptions options;          /* with species owned (below)         */
  char            *species;
  SpMsd           *msd;
  gboolean         has_suggestion;
  double           suggested_t0_ps, suggested_t1_ps;
  SpQensFs        *fs;                /* NULL when it could not be computed */
  SpQensGamma     *gamma;             /* the Q values whose Γ fit worked    */
  gboolean         has_ce;
  SpChudleyElliott ce;
  char            *note;              /* translated; NULL                   */
} SpHopBase;

SpHopBase *sp_hop_base_ref   (SpHopBase *base);
void       sp_hop_base_unref (SpHopBase *base);

/* The fit in a window. */
typedef struct
{
  double      t0_ps, t1_ps;
  gboolean    automatic;
  gboolean    ok;
  SpDiffusion diffusion;
  char       *note;                   /* translated: why no fit, or the trust reason */
} SpHopFit;

void sp_hop_fit_free (SpHopFit *fit);

typedef enum
{
  SP_HOP_JOB_ANALYSE,     /* read (optional) + everything                  */
  SP_HOP_JOB_FIT,         /* the window's fit on the current base          */
  SP_HOP_JOB_RUNS,
  SP_HOP_JOB_QENS_TABLE,
  SP_HOP_JOB_SIZE_TABLE,
} SpHopJobKind;

/* The figure's arrays, rebuilt on the first fill after a change. */
typedef struct
{
  gboolean               valid;
  SpHopFigureLattice     lattice;
  SpHopFigurePath        paths[SP_HOP_N_PATHS];
  double                *path_xy[SP_HOP_N_PATHS][2];
  SpHopFigureMsd         msd;
  double                *fs_t;
  SpHopFigureFs          fs[SP_HOP_MAX_Q];
  SpHopFigureQens        qens;
  double                *run_t, *run_d, *run_err, *run_l;
  SpHopFigureArrhenius   arrhenius;
  SpHopFigureFiniteSize  finite_size;
  char                  *description;
  char                  *qens_source;
  SpHopFigureData        data;        /* what the last fill gave            */
} SpHopFigureCache;

struct _SpHopWorkbench
{
  GObject parent_instance;

  SpHopBase  *base;                   /* NULL: no trajectory               */
  SpHopFit   *fit;                    /* NULL: none yet                    */
  double      window_t0_ps, window_t1_ps;  /* NAN, NAN: automatic          */
  double      temperature_k, charge_e;     /* NAN: the trajectory's        */
  double      q[SP_HOP_MAX_Q];
  guint       n_q;

  SpHopFigureLattice *lattice;        /* deep copy (sp_hop_figure_data_copy's part) */
  SpHopFigureData    *lattice_owner;

  GPtrArray  *runs;                   /* SpHopRun *                        */
  gboolean        has_run_arrhenius;
  SpArrheniusFit  run_arrhenius;
  gboolean        has_run_size;
  SpFiniteSizeFit run_size;

  SpQensGamma      *qens_table;
  char             *qens_table_path;
  gboolean          has_table_ce;
  SpChudleyElliott  table_ce;
  SpFiniteSizeData *size_table;
  char             *size_table_path;
  SpHopFiniteSizeQuantity size_quantity;
  gboolean          has_table_size;
  SpFiniteSizeFit   table_size;

  char       *series_note;            /* translated; NULL                  */
  char       *note;                   /* the joined notes for get_note()   */

  GPtrArray  *jobs;                   /* running jobs (RunningJob *)       */
  double      progress;
  SpHopFigureCache figure;
};

/* sp-hop-workbench.c */
void     sp_hop_workbench_emit_changed  (SpHopWorkbench *self);
void     sp_hop_workbench_emit_error    (SpHopWorkbench *self,
                                         const char     *message);
void     sp_hop_workbench_job_started   (SpHopWorkbench *self,
                                         SpHopJobKind    kind,
                                         GCancellable   *cancellable);
void     sp_hop_workbench_job_finished  (SpHopWorkbench *self,
                                         GCancellable   *cancellable);
void     sp_hop_workbench_set_progress  (SpHopWorkbench *self,
                                         double          progress);
/* Takes @base (and @fit, may be NULL) as the current analysis. */
void     sp_hop_workbench_take_analysis (SpHopWorkbench *self,
                                         SpHopBase      *base,
                                         SpHopFit       *fit);
/* The Arrhenius and finite-size fits over the runs and tables again. */
void     sp_hop_workbench_update_series (SpHopWorkbench *self);
SpHopRun *sp_hop_run_new                (const char     *path,
                                         const char     *name);
void     sp_hop_run_free                (SpHopRun       *run);

/* sp-hop-workbench-jobs.c */
void     sp_hop_workbench_start_analyse (SpHopWorkbench          *self,
                                         SpTrajectory            *trajectory,
                                         const char              *path,
                                         const SpTrajReadOptions *options);
void     sp_hop_workbench_start_fit     (SpHopWorkbench *self);
void     sp_hop_workbench_start_runs    (SpHopWorkbench          *self,
                                         char                   **paths,
                                         const SpTrajReadOptions *options);
void     sp_hop_workbench_start_qens_table (SpHopWorkbench *self,
                                         const char     *path);
void     sp_hop_workbench_start_size_table (SpHopWorkbench         *self,
                                         const char             *path,
                                         SpHopFiniteSizeQuantity quantity);

/* sp-hop-workbench-figure.c */
void     sp_hop_figure_cache_clear      (SpHopFigureCache *cache);

G_END_DECLS
