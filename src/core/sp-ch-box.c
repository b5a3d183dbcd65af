/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch-box.c — the interface width of the current model and a box whose
 * grid resolves it (see sp-ch-box.h for the definitions) */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-ch.h"
#include "sp-ch-box.h"
#include "sp-equilibrium.h"

/* Samples of g above the tangent: the barrier is a smooth maximum, so the
 * best sample is within ~1e-6 of it, far below what a width estimate needs. */
#define BARRIER_SAMPLES 1024

void
sp_ch_interface_estimate (const SpModel *model,
                          SpChInterface *out)
{
  SpEquilibrium eq;
  const SpGap *gap;
  double g_alpha, barrier = 0.0, dc;

  *out = (SpChInterface) {
    .width = INFINITY, .c_alpha = NAN, .c_beta = NAN, .barrier = 0.0, .dx_max = INFINITY,
  };
  sp_equilibrium_compute (model, &eq);
  gap = sp_equilibrium_find_gap (&eq, model->c0);
  if (gap == NULL)
    return;

  dc = gap->c_beta - gap->c_alpha;
  g_alpha = sp_model_g_u (model, gap->u_alpha);
  for (guint i = 1; i < BARRIER_SAMPLES; i++)
    {
      double c = gap->c_alpha + dc * i / BARRIER_SAMPLES;

      barrier = fmax (barrier, sp_model_g (model, c) - (g_alpha + gap->mu * (c - gap->c_alpha)));
    }
  if (!(barrier > 0.0) || !(dc > 0.0))
    return;

  out->c_alpha = gap->c_alpha;
  out->c_beta = gap->c_beta;
  out->barrier = barrier;
  out->width = dc * sqrt (model->kappa / (2.0 * barrier));
  out->dx_max = out->width / SP_CH_BOX_POINTS_MIN;
}

double
sp_ch_box_max_length (const SpChInterface *iface,
                      guint                n)
{
  return n * iface->dx_max;
}

/* @x rounded down to two significant digits (92.71 → 92, 0.6826 → 0.68). */
static double
round_down_2 (double x)
{
  double unit = pow (10.0, floor (log10 (x)) - 1.0);
  double r = floor (x / unit) * unit;

  /* pow and the division may land a hair above x: never round up. */
  return r <= x ? r : nextafter (r, 0.0);
}

double
sp_ch_box_fit (const SpModel *model,
               guint          n,
               double         preferred,
               double         current,
               SpChBoxFit    *fit)
{
  double resolved, comfortable;

  fit->preferred = preferred;
  fit->n = n;
  sp_ch_interface_estimate (model, &fit->iface);
  resolved = sp_ch_box_max_length (&fit->iface, n);
  comfortable = n * fit->iface.width / SP_CH_BOX_POINTS_FIT;

  if (preferred <= comfortable)
    fit->length = preferred;
  else if (current > 0.0 && current < preferred && current <= resolved &&
           current >= 0.5 * comfortable)
    /* Still resolved and not needlessly small: keep the run going. */
    fit->length = current;
  else if (preferred <= resolved)
    fit->length = preferred;
  else
    fit->length = round_down_2 (comfortable);
  return fit->length;
}

char *
sp_ch_box_fit_note (const SpChBoxFit *fit)
{
  if (fit->length == fit->preferred)
    return NULL;
  /* Translators: shown under the simulation (and by spinodal-cli) when the
   * box was made smaller than the one asked for so that the grid resolves
   * the interfaces between the phases: the box, the box asked for, the
   * interface width, the grid spacing and the points per interface. */
  return g_strdup_printf (_("Box set to %.4g nm instead of %.4g nm so that the %.2g nm wide "
                            "interfaces are resolved (Δx = %.2g nm, %.2g points per interface)"),
                          fit->length, fit->preferred, fit->iface.width, fit->length / fit->n,
                          fit->iface.width * fit->n / fit->length);
}

gboolean
sp_ch_box_check (const SpModel *model,
                 guint          n,
                 double         length,
                 GError       **error)
{
  SpChInterface iface;
  double dx = length / n;
  double grid;

  sp_ch_interface_estimate (model, &iface);
  if (dx <= iface.dx_max)
    return TRUE;

  grid = ceil (length / iface.dx_max);
  g_set_error (error, SP_CH_ERROR, SP_CH_ERROR_INVALID,
               /* Translators: a box the user gave that the grid cannot resolve. */
               _("a box of %.4g nm on %u points gives Δx = %.3g nm, but the interfaces are about "
                 "%.3g nm wide and need Δx ≤ %.3g nm (%g points per interface): use a box of at "
                 "most %g nm or a grid of at least %.0f points"),
               length, n, dx, iface.width, iface.dx_max, SP_CH_BOX_POINTS_MIN,
               round_down_2 (sp_ch_box_max_length (&iface, n)), grid);
  return FALSE;
}
