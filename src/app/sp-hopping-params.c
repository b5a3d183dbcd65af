/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hopping-params.c — the Hopping page's lattice parameters and presets
 *
 * The bounds: a carrier fraction strictly inside (0, 1) (a full or empty
 * lattice has no hops); barriers of fast-ion conductors (0.1–0.5 eV) with
 * room either side; ν about a phonon frequency, 10¹¹–10¹⁴ Hz; T from a
 * cold to a sintering furnace; blocked fractions past the open sites'
 * percolation threshold (0.688), so the collapse of D can be watched;
 * disorder up to several k_BT at room temperature; the lattice spacing of
 * Li–Li hops in solids (1–5 Å); 8³ … 64³ sites (the engine's limit).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sp-hopping-params.h"

static const SpHoppingRange ranges[SP_HOPPING_N_PARAMS] = {
  [SP_HOPPING_CARRIER_FRACTION] = { "carrier_fraction", N_("Carrier fraction c"), "",
                                    0.01, 0.99, 0.5, FALSE, 2, FALSE },
  [SP_HOPPING_BARRIER] = { "barrier_ev", N_("Barrier E<sub>a</sub> (x, y)"), "eV",
                           0.05, 1.0, 0.25, FALSE, 3, FALSE },
  [SP_HOPPING_BARRIER_Z] = { "barrier_z_ev", N_("Barrier along z E<sub>a,z</sub>"), "eV",
                             0.05, 1.0, 0.25, FALSE, 3, FALSE },
  [SP_HOPPING_ATTEMPT] = { "attempt_hz", N_("Attempt frequency ν"), "Hz",
                           1e11, 1e14, 1e13, TRUE, 2, FALSE },
  [SP_HOPPING_TEMPERATURE] = { "temperature_k", N_("Temperature T"), "K",
                               100, 1500, 300, FALSE, 1, FALSE },
  [SP_HOPPING_BLOCKED_FRACTION] = { "blocked_fraction", N_("Blocked sites p"), "",
                                    0.0, 0.9, 0.0, FALSE, 3, FALSE },
  [SP_HOPPING_DISORDER] = { "disorder_ev", N_("Site-energy disorder σ<sub>E</sub>"), "eV",
                            0.0, 0.3, 0.0, FALSE, 3, FALSE },
  [SP_HOPPING_SPACING] = { "spacing_angstrom", N_("Lattice spacing a"), "Å",
                           1.0, 5.0, 2.5, FALSE, 2, FALSE },
  [SP_HOPPING_SIZE] = { "size", N_("Lattice size L"), N_("sites"),
                        8, 64, 32, FALSE, 0, TRUE },
  [SP_HOPPING_SEED] = { "seed", N_("Random seed"), "",
                        0, 4294967295.0, 1, FALSE, 0, TRUE },
};

/* Order of values[]: c, E_a, E_a,z, ν, T, p, σ_E, a, L, seed. */
static const SpHoppingPreset presets[] = {
  {
    "network-3d", N_("3D network"),
    N_("An isotropic three-dimensional hopping network with a fast-ion-conductor "
       "barrier (0.25 eV) and ν = 10¹³ Hz, about an optical-phonon frequency. "
       "Typical magnitudes (PHYSICS-TRANSPORT §2 lattice gas), not one material."),
    TRUE,
    { 0.5, 0.25, 0.25, 1e13, 300, 0.0, 0.0, 2.5, 32, 1 },
    SP_HOPPING_BLOCKING_RANDOM,
  },
  {
    "channels-1d", N_("1D channels (LGPS-like)"),
    N_("Li₁₀GeP₂S₁₂: fast one-dimensional channels along c, slower hops between "
       "them in the ab plane (the source text on LGPS). Here a low barrier along z "
       "and a high one across; the two barriers are illustrative."),
    TRUE,
    { 0.5, 0.35, 0.18, 1e13, 300, 0.0, 0.0, 2.5, 32, 1 },
    SP_HOPPING_BLOCKING_RANDOM,
  },
  {
    "garnet-al", N_("Blocked garnet (Al)"),
    N_("Al³⁺ on Li sites of a garnet (LLZO) blocks the bottleneck sites of the "
       "three-dimensional Li network (the source text on garnets). Here a quarter "
       "of the sites blocked at random; raise p past 0.688 and the open sites "
       "stop percolating. Barrier and blocked fraction illustrative."),
    TRUE,
    { 0.5, 0.3, 0.3, 1e13, 300, 0.25, 0.0, 2.5, 32, 1 },
    SP_HOPPING_BLOCKING_RANDOM,
  },
  {
    "argyrodite-disordered", N_("Disordered argyrodite (Li₆PS₅Cl)"),
    N_("Cl⁻/S²⁻ disorder on the anion sites of Li₆PS₅Cl makes a flat energy "
       "landscape and a well-connected Li network (the source text on "
       "argyrodites): a low barrier and a narrow site-energy spread. Illustrative."),
    TRUE,
    { 0.5, 0.2, 0.2, 1e13, 300, 0.0, 0.02, 2.5, 32, 1 },
    SP_HOPPING_BLOCKING_RANDOM,
  },
  {
    "argyrodite-ordered", N_("Ordered argyrodite (Li₆PS₅I)"),
    N_("I⁻ and S²⁻ order on the anion sites of Li₆PS₅I, trapping Li in deep "
       "wells; the conductivity drops by orders of magnitude (the source text on "
       "argyrodites). Here a wide site-energy spread over the same barrier. "
       "Illustrative."),
    TRUE,
    { 0.5, 0.2, 0.2, 1e13, 300, 0.0, 0.15, 2.5, 32, 1 },
    SP_HOPPING_BLOCKING_RANDOM,
  },
  {
    "dilute", N_("Dilute carriers (D* = Γa²)"),
    N_("Few carriers on an open lattice: every hop is uncorrelated and the tracer "
       "diffusivity is the closed form D* = Γa² of the simple cubic lattice "
       "(PHYSICS-TRANSPORT §2)."),
    FALSE,
    { 0.02, 0.25, 0.25, 1e13, 300, 0.0, 0.0, 2.5, 32, 1 },
    SP_HOPPING_BLOCKING_RANDOM,
  },
  {
    "nearly-full", N_("Nearly full lattice (Haven ratio)"),
    N_("Carriers move by the few vacancies: a tracer's hops are correlated and "
       "D*/D_σ tends to the correlation factor f = 0.653 of the simple cubic "
       "lattice as c → 1 (PHYSICS-TRANSPORT §2)."),
    FALSE,
    { 0.95, 0.25, 0.25, 1e13, 300, 0.0, 0.0, 2.5, 32, 1 },
    SP_HOPPING_BLOCKING_RANDOM,
  },
};

const SpHoppingRange *
sp_hopping_get_range (SpHoppingParam param)
{
  g_return_val_if_fail (param < SP_HOPPING_N_PARAMS, NULL);
  return &ranges[param];
}

guint
sp_hopping_get_n_presets (void)
{
  return G_N_ELEMENTS (presets);
}

const SpHoppingPreset *
sp_hopping_get_preset (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (presets), NULL);
  return &presets[index];
}

const SpHoppingPreset *
sp_hopping_find_preset (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (presets); i++)
    if (strcmp (presets[i].id, id) == 0)
      return &presets[i];
  return NULL;
}

const char *
sp_hopping_blocking_to_id (SpHoppingBlocking blocking)
{
  return blocking == SP_HOPPING_BLOCKING_CLUSTERED ? "clustered" : "random";
}

gboolean
sp_hopping_blocking_from_id (const char        *id,
                             SpHoppingBlocking *blocking)
{
  if (g_strcmp0 (id, "random") == 0)
    *blocking = SP_HOPPING_BLOCKING_RANDOM;
  else if (g_strcmp0 (id, "clustered") == 0)
    *blocking = SP_HOPPING_BLOCKING_CLUSTERED;
  else
    return FALSE;
  return TRUE;
}
