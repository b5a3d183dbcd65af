/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hopping-page.h — the Ion Transport lab's Hopping & Diffusion page
 *
 * Live mode (the default): a lattice gas hopping by kinetic Monte Carlo
 * on a worker thread (SpKmcLive); every parameter an adjustment that the
 * panel's sliders move while it runs.  The page hands the worker's recent
 * tracer samples to an SpHopWorkbench, which computes the MSD, D*, D_σ,
 * the Haven ratio and Γ(Q) off the main thread; the page draws what it
 * fills: the lattice slice with ions and tracer paths, the MSD (log–log,
 * slope-1 guide, the fit window dragged on the plot), F_s(Q,t) and Γ(Q)
 * with the Chudley–Elliott curve, and the read-outs under them.
 * Data mode: an MD trajectory read from a file (extended XYZ, LAMMPS
 * dump, XDATCAR) for one species, with its time step, analysed the same.
 *
 * Its session state (session.pages.hopping; lessons set these as
 * hopping.KEY).  A missing key takes its default; check_state() refuses a
 * value outside the slider's range with a message naming the key.
 *   mode               "live" | "data"
 *   preset             a preset id (sp_hopping_preset_*) or null
 *   running            true | false   the live lattice is hopping
 *   carrier_fraction   c, occupied fraction of the open sites, 0.01 … 0.99
 *   barrier_ev         E_a in the x–y plane, eV, 0.05 … 1.0
 *   barrier_z_ev       E_a along z (channels), eV, 0.05 … 1.0
 *   attempt_hz         ν, attempt frequency, Hz, 1e11 … 1e14
 *   temperature_k      T, K, 100 … 1500
 *   blocked_fraction   p, fraction of blocked sites, 0 … 0.9
 *   blocking           "random" | "clustered"
 *   disorder_ev        Gaussian site-energy width, eV, 0 … 0.3
 *   spacing_angstrom   lattice spacing a, Å, 1 … 5
 *   size               sites along each edge, 8 … 64
 *   seed               the random seed, integer 0 … 4294967295
 *   layer              the lattice layer z shown, 0 … size − 1
 *   speed_hops_s       hops per second of wall time, 0 (as fast as it
 *                      can) or 10 … 1e8 (to watch single hops)
 *   window_t0_ps       MSD fit window start, ps, or null (suggested)
 *   window_t1_ps       MSD fit window end, ps, or null (suggested)
 *   data_file          data mode's trajectory (a path) or null
 *   species            its mobile species ("Li") or null
 *   timestep_fs        time between its frames, fs, > 0
 */
#pragma once

#include "sp-hop-workbench.h"
#include "sp-hopping-readouts.h"
#include "sp-kmc-live.h"
#include "sp-lab-page.h"

G_BEGIN_DECLS

typedef enum
{
  SP_HOPPING_MODE_LIVE,
  SP_HOPPING_MODE_DATA,
} SpHoppingMode;

/* The lattice's parameters the sliders move, in the order of the panel. */
typedef enum
{
  SP_HOPPING_CARRIER_FRACTION,
  SP_HOPPING_BARRIER,
  SP_HOPPING_BARRIER_Z,
  SP_HOPPING_ATTEMPT,
  SP_HOPPING_TEMPERATURE,
  SP_HOPPING_BLOCKED_FRACTION,
  SP_HOPPING_DISORDER,
  SP_HOPPING_SPACING,
  SP_HOPPING_SIZE,
  SP_HOPPING_SEED,
  SP_HOPPING_N_PARAMS
} SpHoppingParam;

#define SP_TYPE_HOPPING_PAGE (sp_hopping_page_get_type ())
G_DECLARE_FINAL_TYPE (SpHoppingPage, sp_hopping_page, SP, HOPPING_PAGE, SpLabPage)

/* The lattice parameter @param over its range (sp_hopping_get_range):
 * the panel's sliders bind to it, tests and lessons move it. */
GtkAdjustment   *sp_hopping_page_get_adjustment   (SpHoppingPage *self,
                                                   SpHoppingParam param);
/* The layer shown (0 … size − 1) and the speed (hops/s of wall time,
 * 0: as fast as it can). */
GtkAdjustment   *sp_hopping_page_get_layer_adjustment (SpHoppingPage *self);
GtkAdjustment   *sp_hopping_page_get_speed_adjustment (SpHoppingPage *self);
/* "blocking" property: an SpHoppingBlocking (sp-hopping-params.h). */
int              sp_hopping_page_get_blocking     (SpHoppingPage *self);
void             sp_hopping_page_set_blocking     (SpHoppingPage *self,
                                                   int            blocking);
/* Every value of preset @id; FALSE when there is none. */
gboolean         sp_hopping_page_apply_preset     (SpHoppingPage *self,
                                                   const char    *id);
/* Every lattice parameter at once (@values in SpHoppingParam order, each
 * in its range; @blocking an SpHoppingBlocking): one change for the
 * worker, no preset. */
void             sp_hopping_page_set_values       (SpHoppingPage *self,
                                                   const double  *values,
                                                   int            blocking);
/* The preset applied last ("preset" property), or NULL after a change. */
const char      *sp_hopping_page_get_preset       (SpHoppingPage *self);
SpHoppingMode    sp_hopping_page_get_mode         (SpHoppingPage *self);
void             sp_hopping_page_set_mode         (SpHoppingPage *self,
                                                   SpHoppingMode  mode);
/* The live lattice hops ("running" property). */
gboolean         sp_hopping_page_get_running      (SpHoppingPage *self);
void             sp_hopping_page_set_running      (SpHoppingPage *self,
                                                   gboolean       running);
/* A new lattice from the same parameters at t = 0. */
void             sp_hopping_page_reset            (SpHoppingPage *self);
/* The live run (its worker thread) and the analysis. */
SpKmcLive       *sp_hopping_page_get_live         (SpHoppingPage *self);
SpHopWorkbench  *sp_hopping_page_get_workbench    (SpHoppingPage *self);
/* The fit window (ps); NAN, NAN: the suggested one. */
void             sp_hopping_page_set_window       (SpHoppingPage *self,
                                                   double         t0_ps,
                                                   double         t1_ps);
/* Data mode: reads @path's @species, frames @timestep_fs apart, in a
 * thread (progress and cancel through the workbench); errors come as a
 * toast naming the file. */
void             sp_hopping_page_import           (SpHoppingPage *self,
                                                   const char    *path,
                                                   const char    *species,
                                                   double         timestep_fs);
/* No file any more (Data mode shows nothing). */
void             sp_hopping_page_forget_data      (SpHoppingPage *self);
/* What was imported (or last asked for): NULL, NULL, NAN before. */
const char      *sp_hopping_page_get_data_file    (SpHoppingPage *self);
const char      *sp_hopping_page_get_species      (SpHoppingPage *self);
double           sp_hopping_page_get_timestep_fs  (SpHoppingPage *self);
SpPlotView      *sp_hopping_page_get_figure       (SpHoppingPage *self,
                                                   SpFigureKind   kind);
SpHoppingReadouts *sp_hopping_page_get_readouts   (SpHoppingPage *self);
/* What the read-outs show now. */
const SpHoppingReadout *sp_hopping_page_get_readout (SpHoppingPage *self);
/* The parameters the worker was last given. */
void             sp_hopping_page_get_kmc_params   (SpHoppingPage *self,
                                                   SpKmcParams   *params);

G_END_DECLS
