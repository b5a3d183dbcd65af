/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hop-workbench.h — the hopping page's analysis, without widgets
 *
 * What a researcher does with a trajectory (PHYSICS-TRANSPORT.md §2): read
 * one (extended XYZ, LAMMPS dump, XDATCAR) or take the KMC engine's
 * samples, compute its MSD over all time origins per direction and total,
 * pick the diffusive window (sp_diffusion_suggest_window, or set by
 * dragging on the MSD plot), fit D* with its GLS uncertainty (block
 * averaging beside it), D_σ, the Haven ratio and σ by Nernst–Einstein;
 * F_s(Q, t) → Γ(Q) → the Chudley–Elliott fit (or Γ(Q) from a table); and
 * over several runs (files at several temperatures or box sizes) the
 * Arrhenius E_a of D and the finite-size extrapolation D∞.
 *
 * Like SpEisWorkbench: the workbench holds the inputs and the results, and
 * runs everything that may take longer than a frame — reading files, the
 * MSD and its fits, F_s and QENS, the runs — in GTask threads with a
 * GCancellable.  Results are immutable values made in the thread and
 * swapped in on the main thread; then "changed" is emitted.  "busy" is
 * TRUE while anything runs, "progress" (0 … 1) says how far the longest
 * part (reading a file) has got.  A failure is reported once through
 * "error" with a translated message naming the file (and line) and the
 * problem, and changes nothing else.
 *
 * GLib, GIO and json-glib only (no GTK): the hopping page observes it;
 * tests drive it without a display.  Use it from the thread whose
 * thread-default main context was current when it was made.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sp-diffusion.h"
#include "sp-hop-figure-data.h"
#include "sp-msd.h"
#include "sp-traj-read.h"
#include "sp-trajectory.h"

G_BEGIN_DECLS

#define SP_TYPE_HOP_WORKBENCH (sp_hop_workbench_get_type ())
G_DECLARE_FINAL_TYPE (SpHopWorkbench, sp_hop_workbench, SP, HOP_WORKBENCH, GObject)

SpHopWorkbench *sp_hop_workbench_new               (void);

/* ---- the current trajectory -------------------------------------------- */

/* Reads @file in a thread with @options (copied), then analyses it; the
 * new trajectory replaces the current one only when it was read whole.
 * Progress goes to "progress"; cancel with sp_hop_workbench_cancel(). */
void            sp_hop_workbench_open_trajectory   (SpHopWorkbench          *self,
                                                    GFile                   *file,
                                                    const SpTrajReadOptions *options);
/* Takes @trajectory (the KMC engine's samples; may be NULL: none) as the
 * current one and analyses it.  No file: the session does not keep it. */
void            sp_hop_workbench_set_trajectory    (SpHopWorkbench *self,
                                                    SpTrajectory   *trajectory);
/* Borrowed, valid until the next "changed"; NULL: none. */
const SpTrajectory *sp_hop_workbench_get_trajectory (SpHopWorkbench *self);
/* The file the current trajectory came from, or NULL (KMC, none). */
const char     *sp_hop_workbench_get_path          (SpHopWorkbench *self);
/* The options it was read with; NULL when not from a file. */
const SpTrajReadOptions *sp_hop_workbench_get_read_options (SpHopWorkbench *self);

/* The lattice layer the lattice figure draws (the KMC engine's sites,
 * copied; NULL: none — the figure then draws the tracers in the cell). */
void            sp_hop_workbench_set_lattice       (SpHopWorkbench           *self,
                                                    const SpHopFigureLattice *lattice);

/* ---- analysis options -------------------------------------------------- */

/* The diffusive window of the fits, ps (0 < t0 < t1); NAN, NAN: the window
 * suggested by sp_diffusion_suggest_window.  Refits in a thread (the MSD stays). */
void            sp_hop_workbench_set_window        (SpHopWorkbench *self,
                                                    double          t0_ps,
                                                    double          t1_ps);
/* The window in use (NAN, NAN before any MSD) and whether it is the
 * suggested one. */
void            sp_hop_workbench_get_window        (SpHopWorkbench *self,
                                                    double         *t0_ps,
                                                    double         *t1_ps,
                                                    gboolean       *automatic);
/* The temperature (K) and carrier charge (e) for σ by Nernst–Einstein;
 * NAN: the trajectory's own (a file's header, the KMC's T). */
void            sp_hop_workbench_set_temperature   (SpHopWorkbench *self,
                                                    double          temperature_k);
double          sp_hop_workbench_get_temperature   (SpHopWorkbench *self);
void            sp_hop_workbench_set_charge        (SpHopWorkbench *self,
                                                    double          charge_e);
double          sp_hop_workbench_get_charge        (SpHopWorkbench *self);
/* The Q values (Å⁻¹, > 0, at most 32) of F_s(Q, t) and Γ(Q) from the
 * trajectory; by default 0.2, 0.4 … 2.0 Å⁻¹. */
void            sp_hop_workbench_set_q_values      (SpHopWorkbench *self,
                                                    const double   *q_inv_angstrom,
                                                    guint           n);

/* ---- tables and runs (Arrhenius, finite size, QENS) --------------------- */

/* A Q/Γ(/err) table (Å⁻¹, meV): its Γ(Q) replaces the trajectory's on the
 * QENS figure until cleared (NULL). */
void            sp_hop_workbench_open_qens_table   (SpHopWorkbench *self,
                                                    GFile          *file);
/* An L/value(/err) table (Å, and D in cm²/s or E in eV): the finite-size
 * figure shows it instead of the runs until cleared (NULL). */
void            sp_hop_workbench_open_finite_size_table (SpHopWorkbench         *self,
                                                    GFile                  *file,
                                                    SpHopFiniteSizeQuantity quantity);

/* The tables' files (NULL: none), and the size table's quantity. */
const char     *sp_hop_workbench_get_qens_table_path (SpHopWorkbench *self);
const char     *sp_hop_workbench_get_finite_size_table_path (SpHopWorkbench          *self,
                                                    SpHopFiniteSizeQuantity *quantity);
/* One trajectory of a series: at its own temperature (Arrhenius) or box
 * length (finite size), reduced to its D* ± s.e. with the suggested
 * window. */
typedef struct
{
  char   *path;                 /* NULL: the KMC samples                  */
  char   *name;                 /* the file's base name, or "KMC"         */
  double  temperature_k;        /* typed, else the file's; NAN: unknown   */
  double  file_temperature_k;   /* the file's (or the engine's); NAN      */
  double  length_angstrom;      /* the cell's volume^(1/3), Å; NAN        */
  double  d_star_cm2_s, d_star_err_cm2_s;
} SpHopRun;

/* Reads, analyses and appends each of @files (one "error" per bad file,
 * naming it); the series' Arrhenius and finite-size fits follow. */
void            sp_hop_workbench_add_runs          (SpHopWorkbench          *self,
                                                    GFile                  **files,
                                                    guint                    n_files,
                                                    const SpTrajReadOptions *options);
/* Appends the current trajectory's result as a run (the KMC at this T). */
gboolean        sp_hop_workbench_add_current_run   (SpHopWorkbench *self);
guint           sp_hop_workbench_get_n_runs        (SpHopWorkbench *self);
/* Borrowed, valid until the next "changed". */
const SpHopRun *sp_hop_workbench_get_run           (SpHopWorkbench *self,
                                                    guint           index);
void            sp_hop_workbench_remove_run        (SpHopWorkbench *self,
                                                    guint           index);
/* Types a run's temperature (K; NAN returns to the file's). */
void            sp_hop_workbench_set_run_temperature (SpHopWorkbench *self,
                                                    guint           index,
                                                    double          temperature_k);

/* Cancels whatever runs (reading files too); nothing changes. */
void            sp_hop_workbench_cancel            (SpHopWorkbench *self);
gboolean        sp_hop_workbench_get_busy          (SpHopWorkbench *self);
double          sp_hop_workbench_get_progress      (SpHopWorkbench *self);

/* ---- results (borrowed, valid until the next "changed"; NULL: none) --- */

const SpMsd       *sp_hop_workbench_get_msd        (SpHopWorkbench *self);
const SpDiffusion *sp_hop_workbench_get_diffusion  (SpHopWorkbench *self);
/* Translated notes for the read-outs, or NULL: which uncertainty is
 * trusted and why; why a series has no fit (one temperature only …). */
const char     *sp_hop_workbench_get_note          (SpHopWorkbench *self);

/* Fills @data for the hopping figures: the lattice layer (or the cell)
 * with a few tracer paths, the MSD with its window and fitted lines,
 * F_s(Q, t) with its fits, Γ(Q) with the Chudley–Elliott fit, D against
 * 1000/T over the runs, D against 1/L.  Parts without a result are left
 * NULL.  Pointers are borrowed, valid until the next "changed" (or the
 * next set_lattice()). */
void            sp_hop_workbench_fill_figure_data  (SpHopWorkbench  *self,
                                                    SpHopFigureData *data);

/* ---- session state ----------------------------------------------------- */

/* The inputs: the trajectory's file and read options (species, time step,
 * stride, format), the window, temperature, charge, Q values, the runs'
 * files and typed temperatures, the tables' files.  KMC samples are not
 * kept (the page runs the engine again). */
JsonObject     *sp_hop_workbench_save_state        (SpHopWorkbench *self);
/* Whether @state can be loaded; changes nothing.  Errors name the field
 * ("runs[1].temperature_k: not a number"). */
gboolean        sp_hop_workbench_check_state       (SpHopWorkbench *self,
                                                    JsonObject     *state,
                                                    GError        **error);
/* check_state(), then replaces every input and reads the files again in
 * threads (a file that is gone gives one "error" naming it); FALSE and
 * nothing changed on an error. */
gboolean        sp_hop_workbench_load_state        (SpHopWorkbench *self,
                                                    JsonObject     *state,
                                                    GError        **error);

/* Only the series: the runs and the tables' files (the members of
 * save_state's object that concern them).  The Hopping page keeps these
 * beside its own trajectory keys.  check_state() checks such an object;
 * load_series() replaces the runs and reads the tables again, leaving the
 * trajectory and its analysis alone. */
JsonObject     *sp_hop_workbench_save_series       (SpHopWorkbench *self);
gboolean        sp_hop_workbench_load_series       (SpHopWorkbench *self,
                                                    JsonObject     *state,
                                                    GError        **error);

G_END_DECLS
