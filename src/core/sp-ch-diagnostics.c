/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch-diagnostics.c — F, mean composition, S(k), L(t) and wavelengths */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-ch-diagnostics.h"
#include "sp-ch-private.h"

/* Neumaier's compensated sum: F changes by parts in 1e-12 per step late in
 * a run, below what a plain sum over 10⁶ points resolves. */
typedef struct
{
  double sum, comp;
} Accumulator;

static inline void
acc_add (Accumulator *a,
         double       x)
{
  double t = a->sum + x;

  if (fabs (a->sum) >= fabs (x))
    a->comp += (a->sum - t) + x;
  else
    a->comp += (x - t) + a->sum;
  a->sum = t;
}

static inline double
acc_value (const Accumulator *a)
{
  return a->sum + a->comp;
}

/* Weight of column j of an r2c half spectrum in a sum over all modes. */
static inline double
column_weight (guint j,
               guint n)
{
  return (j == 0 || 2 * j == n) ? 1.0 : 2.0;
}

static inline double
wavenumber (guint i,
            guint n,
            double dk)
{
  return (i <= n / 2 ? (double) i : (double) i - (double) n) * dk;
}

double
sp_ch_mean_composition (SpCh *ch)
{
  const double *c = sp_ch_get_field (ch);
  gsize np = (gsize) sp_ch_get_n (ch) * sp_ch_get_n (ch);
  Accumulator a = { 0 };

  for (gsize p = 0; p < np; p++)
    acc_add (&a, c[p]);
  return acc_value (&a) / (double) np;
}

double
sp_ch_free_energy (SpCh *ch)
{
  const SpChParams *params = sp_ch_get_params (ch);
  guint n = sp_ch_get_n (ch), nh = n / 2 + 1;
  double dx = params->length / n, dk = 2.0 * G_PI / params->length;
  const double *c = sp_ch_get_field (ch);
  const double *chat = sp_ch_get_spectrum (ch);
  SpChFreeEnergy fe;
  Accumulator bulk = { 0 }, grad = { 0 };
  /* f(c) a block at a time through the vectorised kernel (its logarithms
   * were most of a frame's cost), summed in order as before. */
  double block[512];
  gsize np = (gsize) n * n;

  sp_ch_free_energy_init (&fe, params);
  for (gsize p = 0; p < np; p += G_N_ELEMENTS (block))
    {
      gsize len = MIN (G_N_ELEMENTS (block), np - p);

      sp_ch_kernel_free_energy_density (&fe, c + p, block, len);
      for (gsize q = 0; q < len; q++)
        acc_add (&bulk, block[q]);
    }

  for (guint i = 0; i < n; i++)
    {
      double ky = wavenumber (i, n, dk);
      for (guint j = 0; j < nh; j++)
        {
          const double *z = chat + 2 * ((gsize) i * nh + j);
          double kx = j * dk;
          acc_add (&grad, column_weight (j, n) * (kx * kx + ky * ky) * (z[0] * z[0] + z[1] * z[1]));
        }
    }

  return dx * dx * (acc_value (&bulk)
                    + 0.5 * fe.kappa * acc_value (&grad) / ((double) n * n));
}

double
sp_ch_lambda_star (const SpChParams *params)
{
  double c0 = sp_ch_params_c0 (params);
  double g2 = sp_ch_params_f2 (params, c0);

  if (!(g2 < 0.0))
    return NAN;
  return 2.0 * G_PI * sqrt (2.0 * sp_ch_params_kappa (params) / -g2);
}

void
sp_ch_diagnostics_compute (SpCh            *ch,
                           SpChDiagnostics *out)
{
  const SpChParams *params = sp_ch_get_params (ch);
  guint n = sp_ch_get_n (ch), nh = n / 2 + 1, n_bins = n / 2;
  double dk = 2.0 * G_PI / params->length, norm = 1.0 / ((double) n * n);
  const double *chat = sp_ch_get_spectrum (ch);
  g_autofree guint *count = g_new0 (guint, n_bins);
  Accumulator moment = { 0 }, total = { 0 };
  guint peak = 0;

  *out = (SpChDiagnostics) {
    .time = sp_ch_get_time (ch),
    .steps = sp_ch_get_steps (ch),
    .dt = sp_ch_get_dt (ch),
    /* The k = 0 mode: the scheme carries it over bit for bit, so it is the
     * conserved mean without a pass over the field. */
    .mean_c = chat[0] * norm,
    .free_energy = sp_ch_free_energy (ch),
    .n_bins = n_bins,
    .k = g_new (double, n_bins),
    .structure = g_new0 (double, n_bins),
    .lambda_star = sp_ch_lambda_star (params),
  };

  for (guint i = 0; i < n; i++)
    {
      double ky = wavenumber (i, n, dk);
      for (guint j = 0; j < nh; j++)
        {
          const double *z = chat + 2 * ((gsize) i * nh + j);
          double kx = j * dk, kabs = sqrt (kx * kx + ky * ky);
          double w = column_weight (j, n), s = (z[0] * z[0] + z[1] * z[1]) * norm;
          guint b = (guint) floor (kabs / dk + 0.5);

          if (i == 0 && j == 0)
            continue;
          acc_add (&moment, w * kabs * s);
          acc_add (&total, w * s);
          if (b >= 1 && b <= n_bins)
            {
              out->structure[b - 1] += w * s;
              count[b - 1] += (guint) w;
            }
        }
    }

  for (guint b = 0; b < n_bins; b++)
    {
      out->k[b] = (b + 1) * dk;
      if (count[b] > 0)
        out->structure[b] /= count[b];
      if (out->structure[b] > out->structure[peak])
        peak = b;
    }

  if (acc_value (&total) > 0.0)
    {
      out->mean_k = acc_value (&moment) / acc_value (&total);
      out->length_scale = 2.0 * G_PI / out->mean_k;
      out->lambda_dominant = 2.0 * G_PI / out->k[peak];
    }
  else
    {
      /* A perfectly uniform field has no pattern to measure. */
      out->mean_k = 0.0;
      out->length_scale = NAN;
      out->lambda_dominant = NAN;
    }
}

void
sp_ch_diagnostics_clear (SpChDiagnostics *diag)
{
  g_clear_pointer (&diag->k, g_free);
  g_clear_pointer (&diag->structure, g_free);
  diag->n_bins = 0;
}

void
sp_ch_diagnostics_copy (const SpChDiagnostics *src,
                        SpChDiagnostics       *dest)
{
  *dest = *src;
  dest->k = g_memdup2 (src->k, src->n_bins * sizeof (double));
  dest->structure = g_memdup2 (src->structure, src->n_bins * sizeof (double));
}
