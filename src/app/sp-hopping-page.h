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
 *   window_t0_ps       MSD fit window start, ps, or null (suggested)
 *   window_t1_ps       MSD fit window end, ps, or null (suggested)
 *   data_file          data mode's trajectory (a path) or null
 *   species            its mobile species ("Li") or null
 *   timestep_fs        time between its frames, fs, > 0
 */
#pragma once

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

G_END_DECLS
