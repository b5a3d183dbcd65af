/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-pin-curves.c — what a pin keeps of the figures whose data is
 * not the phase-separation analysis or the impedance model
 *
 * The hopping page (MSD, F_s(Q, t), Γ(Q), D against 1000/T and 1/L), the
 * impedance page's data-mode figures (DRT, Lin-KK residuals, σ against
 * 1000/T) and the Simulation page's traces (F(t), L(t), V(c̄), V(t)) are
 * computed from runs and files that a model alone cannot reproduce, so a
 * pin keeps the curves themselves, in the quantities the figure plots on
 * its axes (x = 1000/T, y = σT, …): the ghost is what the class saw, and
 * the CSV columns are what the figure shows.  Fits are kept as sampled
 * lines, data points as points.
 *
 * Not kept: the live 2D field (an image: a grey ghost of a picture under
 * another picture would hide one of them, and it has no curve to compare),
 * the lattice slice (likewise a picture), S(k, t) (its curves are
 * recomputed from the frame's structure bins at each draw and change with
 * every frame, so a pin of one instant would mislead), and the rate sweep
 * (two stacked panels, a separate batch run with its own table).
 *
 * A session holds a few hundred kilobytes at most, so each curve keeps at
 * most SP_SESSION_PIN_CURVE_MAX_POINTS points (log-spaced on a log x
 * axis, so the early decades keep theirs) and a pin at most
 * SP_SESSION_PIN_MAX_CURVES curves.
 */

#include "config.h"

#include <math.h>

#include "sp-figure-private.h"
#include "sp-arrhenius.h"
#include "sp-qens.h"

/* At most this many points of all of a pin's curves together. */
#define PIN_POINT_BUDGET 1600

gboolean
sp_figure_kind_pins_curves (SpFigureKind kind)
{
  switch (kind)
    {
    case SP_FIGURE_MSD:
    case SP_FIGURE_FS:
    case SP_FIGURE_QENS:
    case SP_FIGURE_DIFFUSION_ARRHENIUS:
    case SP_FIGURE_FINITE_SIZE:
    case SP_FIGURE_DRT:
    case SP_FIGURE_EIS_RESIDUALS:
    case SP_FIGURE_ARRHENIUS:
    case SP_FIGURE_ENERGY:
    case SP_FIGURE_COARSENING:
    case SP_FIGURE_VOLTAGE_TRACE:
    case SP_FIGURE_VOLTAGE_TIME:
      return TRUE;
    default:
      return FALSE;
    }
}

const char *
sp_figure_pin_curves_axes (SpFigureKind        kind,
                           const SpFigureData *data)
{
  switch (kind)
    {
    case SP_FIGURE_FINITE_SIZE:
      if (data->hop != NULL && data->hop->finite_size != NULL)
        return data->hop->finite_size->quantity == SP_HOP_FINITE_SIZE_ENERGY ? "E" : "D";
      return "";
    case SP_FIGURE_ARRHENIUS:
      if (data->eis != NULL)
        return data->eis->arrhenius_form == SP_EIS_FIGURE_SIGMA_T ? "sigma_T" : "sigma";
      return "";
    case SP_FIGURE_ENERGY:
    case SP_FIGURE_COARSENING:
    case SP_FIGURE_VOLTAGE_TIME:
      /* PFHub's problem has its own time unit. */
      return sp_figure_is_pfhub (data->frame) ? "pfhub" : "";
    default:
      return "";
    }
}

static gboolean
log_x (SpFigureKind kind)
{
  return kind == SP_FIGURE_MSD || kind == SP_FIGURE_FS || kind == SP_FIGURE_DRT ||
         kind == SP_FIGURE_EIS_RESIDUALS;
}

/* Appends the finite points of (x, y), thinned to @max points: log-spaced
 * in x on a log axis (x ascending), evenly by index otherwise. */
static void
add (GPtrArray          *curves,
     SpFigureKind        kind,
     const SpFigureData *data,
     const char         *name,
     const char         *x_name,
     gboolean            points,
     const double       *x,
     const double       *y,
     guint               n,
     guint               max)
{
  g_autofree double *fx = g_new (double, MAX (n, 1u));
  g_autofree double *fy = g_new (double, MAX (n, 1u));
  g_autofree double *tx = NULL, *ty = NULL;
  gboolean logarithmic = log_x (kind);
  guint m = 0, k = 0;

  for (guint i = 0; i < n; i++)
    if (isfinite (x[i]) && isfinite (y[i]) && (!logarithmic || x[i] > 0.0))
      {
        fx[m] = x[i];
        fy[m++] = y[i];
      }
  if (m == 0 || curves->len >= SP_SESSION_PIN_MAX_CURVES)
    return;
  max = MAX (2u, MIN (max, (guint) SP_SESSION_PIN_CURVE_MAX_POINTS));
  if (m <= max)
    {
      g_ptr_array_add (curves, sp_pin_curve_new (sp_figure_kind_to_id (kind),
                                                 sp_figure_pin_curves_axes (kind, data),
                                                 name, x_name, points, fx, fy, m));
      return;
    }
  tx = g_new (double, max);
  ty = g_new (double, max);
  for (guint j = 0; j < max; j++)
    {
      guint i;

      if (logarithmic && fx[m - 1] > fx[0])
        {
          double target = fx[0] * pow (fx[m - 1] / fx[0], (double) j / (max - 1));

          for (i = 0; i + 1 < m && fx[i] < target * (1.0 - 1e-12); i++)
            ;
        }
      else
        i = (guint) round ((double) j * (m - 1) / (max - 1));
      /* Each point once (log targets crowd where the data are sparse). */
      if (k > 0 && tx[k - 1] == fx[i] && ty[k - 1] == fy[i])
        continue;
      tx[k] = fx[i];
      ty[k++] = fy[i];
    }
  g_ptr_array_add (curves, sp_pin_curve_new (sp_figure_kind_to_id (kind),
                                             sp_figure_pin_curves_axes (kind, data),
                                             name, x_name, points, tx, ty, k));
}

/* A word for a column name: "0.5" for Q = 0.5 Å⁻¹ (never a locale's comma). */
static char *
number_word (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.3g", value));
}

static void
capture_hop (SpFigureKind        kind,
             const SpFigureData *data,
             GPtrArray          *curves,
             guint               max)
{
  const SpHopFigureData *hop = data->hop;
  static const char *const msd_names[SP_HOP_MSD_N] = {
    "msd_x_a2", "msd_y_a2", "msd_z_a2", "msd_total_a2", "msd_collective_a2",
  };

  if (hop == NULL)
    return;
  if (kind == SP_FIGURE_MSD && hop->msd != NULL && hop->msd->t_ps != NULL)
    {
      for (guint c = 0; c < SP_HOP_MSD_N; c++)
        if (hop->msd->msd_a2[c] != NULL)
          add (curves, kind, data, msd_names[c], "t_ps", FALSE, hop->msd->t_ps,
               hop->msd->msd_a2[c], hop->msd->n, max);
    }
  else if (kind == SP_FIGURE_FS)
    {
      guint usable[64], m = 0;

      for (guint i = 0; i < hop->n_fs && m < G_N_ELEMENTS (usable); i++)
        if (hop->fs[i].n > 0 && hop->fs[i].t_ps != NULL && hop->fs[i].fs != NULL)
          usable[m++] = i;
      /* The six curves the figure draws: the first, the last and four between. */
      for (guint k = 0; k < MIN (m, 6u); k++)
        {
          const SpHopFigureFs *f = &hop->fs[usable[m <= 6 ? k : (guint) round ((double) k * (m - 1) / 5.0)]];
          g_autofree char *q = number_word (f->q_inv_angstrom);
          g_autofree char *name = g_strdup_printf ("fs_Q%s", q);

          add (curves, kind, data, name, "t_ps", FALSE, f->t_ps, f->fs, f->n, max);
        }
    }
  else if (kind == SP_FIGURE_QENS && hop->qens != NULL && hop->qens->q_inv_angstrom != NULL &&
           hop->qens->gamma_mev != NULL)
    {
      const SpHopFigureQens *q = hop->qens;
      double q_hi = 0.0;

      add (curves, kind, data, "gamma_meV", "Q_per_angstrom", TRUE, q->q_inv_angstrom,
           q->gamma_mev, q->n, max);
      for (guint i = 0; i < q->n; i++)
        if (isfinite (q->q_inv_angstrom[i]))
          q_hi = MAX (q_hi, q->q_inv_angstrom[i]);
      if (isfinite (q->l_angstrom) && isfinite (q->tau_ps) && q->tau_ps > 0.0 &&
          q->l_angstrom > 0.0 && q_hi > 0.0)
        {
          enum { N = 120 };
          double x[N], y[N];

          /* Γ = (ħ/τ)(1 − sin(Ql)/(Ql)) over the figure's Q range. */
          for (guint i = 0; i < N; i++)
            {
              x[i] = 1.06 * q_hi * i / (N - 1);
              y[i] = sp_chudley_elliott_gamma_mev (x[i], q->l_angstrom, q->tau_ps);
            }
          add (curves, kind, data, "gamma_chudley_elliott_meV", "Q_per_angstrom", FALSE, x, y, N,
               max);
        }
    }
  else if (kind == SP_FIGURE_DIFFUSION_ARRHENIUS)
    {
      for (guint k = 0; k < MIN (hop->n_arrhenius, 4u); k++)
        {
          const SpHopFigureArrhenius *s = &hop->arrhenius[k];
          g_autofree double *x = g_new (double, MAX (s->n, 1u));
          g_autofree char *name = g_strdup_printf ("D%u_cm2_per_s", k + 1);
          double lo = INFINITY, hi = -INFINITY;

          if (s->temperature_k == NULL || s->d_cm2_s == NULL)
            continue;
          for (guint i = 0; i < s->n; i++)
            {
              x[i] = s->temperature_k[i] > 0.0 ? 1000.0 / s->temperature_k[i] : NAN;
              if (isfinite (x[i]) && s->d_cm2_s[i] > 0.0)
                {
                  lo = MIN (lo, x[i]);
                  hi = MAX (hi, x[i]);
                }
            }
          add (curves, kind, data, name, "inv_T_1000_per_K", TRUE, x, s->d_cm2_s, s->n, max);
          if (isfinite (s->ea_ev) && s->prefactor_cm2_s > 0.0 && hi > lo)
            {
              g_autofree char *fit = g_strdup_printf ("D%u_fit_cm2_per_s", k + 1);
              /* log D is linear in 1000/T: two points are the line. */
              double fx[2] = { lo, hi }, fy[2];

              for (int j = 0; j < 2; j++)
                fy[j] = s->prefactor_cm2_s * exp (-s->ea_ev * fx[j] / (1000.0 * SP_BOLTZMANN_EV_PER_K));
              add (curves, kind, data, fit, "inv_T_1000_per_K", FALSE, fx, fy, 2, max);
            }
        }
    }
  else if (kind == SP_FIGURE_FINITE_SIZE && hop->finite_size != NULL &&
           hop->finite_size->length_angstrom != NULL && hop->finite_size->value != NULL)
    {
      const SpHopFigureFiniteSize *f = hop->finite_size;
      gboolean energy = f->quantity == SP_HOP_FINITE_SIZE_ENERGY;
      g_autofree double *x = g_new (double, MAX (f->n, 1u));
      double hi = 0.0;

      for (guint i = 0; i < f->n; i++)
        {
          x[i] = f->length_angstrom[i] > 0.0 ? 1.0 / f->length_angstrom[i] : NAN;
          if (isfinite (x[i]))
            hi = MAX (hi, x[i]);
        }
      add (curves, kind, data, energy ? "E_eV" : "D_cm2_per_s", "inv_L_per_angstrom", TRUE, x,
           f->value, f->n, max);
      if (isfinite (f->intercept) && isfinite (f->slope) && hi > 0.0)
        {
          /* value = intercept + slope/L, down to the infinite box. */
          double fx[2] = { 0.0, hi }, fy[2] = { f->intercept, f->intercept + f->slope * hi };

          add (curves, kind, data, energy ? "E_fit_eV" : "D_fit_cm2_per_s", "inv_L_per_angstrom",
               FALSE, fx, fy, 2, max);
        }
    }
}

static void
capture_eis (SpFigureKind        kind,
             const SpFigureData *data,
             GPtrArray          *curves,
             guint               max)
{
  const SpEisFigureData *eis = data->eis;

  if (eis == NULL)
    return;
  if (kind == SP_FIGURE_DRT && eis->drt != NULL && eis->drt->tau_s != NULL &&
      eis->drt->gamma_ohm != NULL)
    add (curves, kind, data, "gamma_ohm", "tau_s", FALSE, eis->drt->tau_s, eis->drt->gamma_ohm,
         eis->drt->n, max);
  else if (kind == SP_FIGURE_EIS_RESIDUALS && eis->residuals != NULL &&
           eis->residuals->freq_hz != NULL)
    {
      const SpEisFigureResiduals *r = eis->residuals;
      g_autofree double *pct = g_new (double, MAX (r->n, 1u));

      /* In per cent, as the figure plots them. */
      for (guint part = 0; part < 2; part++)
        {
          const double *d = part == 0 ? r->d_re : r->d_im;

          if (d == NULL)
            continue;
          for (guint i = 0; i < r->n; i++)
            pct[i] = 100.0 * d[i];
          add (curves, kind, data, part == 0 ? "d_re_percent" : "d_im_percent", "freq_hz", FALSE,
               r->freq_hz, pct, r->n, max);
        }
    }
  else if (kind == SP_FIGURE_ARRHENIUS)
    {
      gboolean sigma_t = eis->arrhenius_form == SP_EIS_FIGURE_SIGMA_T;

      for (guint k = 0; k < MIN (eis->n_arrhenius, 4u); k++)
        {
          const SpEisFigureArrhenius *s = &eis->arrhenius[k];
          g_autofree double *x = g_new (double, MAX (s->n, 1u));
          g_autofree double *y = g_new (double, MAX (s->n, 1u));
          g_autofree char *name = g_strdup_printf (sigma_t ? "sigma_T%u_S_K_per_cm"
                                                           : "sigma%u_S_per_cm", k + 1);
          double lo = INFINITY, hi = -INFINITY;

          if (s->temperature_k == NULL || s->sigma_s_cm == NULL)
            continue;
          for (guint i = 0; i < s->n; i++)
            {
              double t = s->temperature_k[i];

              x[i] = t > 0.0 ? 1000.0 / t : NAN;
              y[i] = s->sigma_s_cm[i] > 0.0 ? (sigma_t ? s->sigma_s_cm[i] * t : s->sigma_s_cm[i])
                                            : NAN;
              if (isfinite (x[i]) && isfinite (y[i]))
                {
                  lo = MIN (lo, x[i]);
                  hi = MAX (hi, x[i]);
                }
            }
          add (curves, kind, data, name, "inv_T_1000_per_K", TRUE, x, y, s->n, max);
          if (isfinite (s->ea_ev) && s->prefactor > 0.0 && isfinite (s->prefactor) && hi > lo)
            {
              g_autofree char *fit = g_strdup_printf (sigma_t ? "sigma_T%u_fit_S_K_per_cm"
                                                              : "sigma%u_fit_S_per_cm", k + 1);
              double fx[2] = { lo, hi }, fy[2];

              for (int j = 0; j < 2; j++)
                fy[j] = s->prefactor * exp (-s->ea_ev * fx[j] / (1000.0 * SP_BOLTZMANN_EV_PER_K));
              add (curves, kind, data, fit, "inv_T_1000_per_K", FALSE, fx, fy, 2, max);
            }
        }
    }
}

static void
capture_sim (SpFigureKind        kind,
             const SpFigureData *data,
             GPtrArray          *curves,
             guint               max)
{
  const char *t_name = sp_figure_is_pfhub (data->frame) ? "t" : "t_s";

  if ((kind == SP_FIGURE_ENERGY || kind == SP_FIGURE_COARSENING) && data->history != NULL &&
      data->history->len >= 2)
    {
      const SpChHistory *h = data->history;

      if (kind == SP_FIGURE_ENERGY)
        add (curves, kind, data, sp_figure_is_pfhub (data->frame) ? "F" : "F_meV_nm2", t_name,
             FALSE, h->time, h->free_energy, h->len, max);
      else
        add (curves, kind, data, "L_nm", t_name, FALSE, h->time, h->length_scale, h->len, max);
    }
  else if ((kind == SP_FIGURE_VOLTAGE_TRACE || kind == SP_FIGURE_VOLTAGE_TIME) &&
           data->trace != NULL && data->trace->len >= 2)
    {
      const SpDriveTrace *trace = data->trace;
      g_autofree double *x = g_new (double, trace->len);
      g_autofree double *v = g_new (double, trace->len);

      for (guint i = 0; i < trace->len; i++)
        {
          x[i] = kind == SP_FIGURE_VOLTAGE_TIME ? trace->points[i].time : trace->points[i].mean_c;
          v[i] = trace->points[i].voltage;
        }
      add (curves, kind, data, "V", kind == SP_FIGURE_VOLTAGE_TIME ? t_name : "mean_c", FALSE, x,
           v, trace->len, max);
    }
}

/* Whether figure @i is the first of its kind in @kinds (a page may show
 * one figure twice: a thumbnail and the large view). */
static gboolean
first_of_kind (const SpFigureKind *kinds,
               guint               i)
{
  for (guint j = 0; j < i; j++)
    if (kinds[j] == kinds[i])
      return FALSE;
  return TRUE;
}

static void
capture (SpFigureKind        kind,
         const SpFigureData *data,
         GPtrArray          *curves,
         guint               max)
{
  if (sp_figure_kind_is_hopping (kind))
    capture_hop (kind, data, curves, max);
  else if (sp_figure_kind_is_impedance (kind))
    capture_eis (kind, data, curves, max);
  else
    capture_sim (kind, data, curves, max);
}

GPtrArray *
sp_figure_pin_curves_capture (guint                n_figures,
                              const SpFigureKind  *kinds,
                              const SpFigureData *const *data)
{
  GPtrArray *curves = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_pin_curve_free);
  guint total = 0, max;

  g_return_val_if_fail (n_figures == 0 || (kinds != NULL && data != NULL), curves);

  /* Once at full resolution to count, then again within the budget. */
  for (guint i = 0; i < n_figures; i++)
    if (sp_figure_kind_pins_curves (kinds[i]) && data[i] != NULL && first_of_kind (kinds, i))
      capture (kinds[i], data[i], curves, SP_SESSION_PIN_CURVE_MAX_POINTS);
  for (guint i = 0; i < curves->len; i++)
    total += ((SpPinCurve *) g_ptr_array_index (curves, i))->n;
  if (total <= PIN_POINT_BUDGET)
    return curves;
  max = MAX (16u, PIN_POINT_BUDGET / MAX (curves->len, 1u));
  g_ptr_array_set_size (curves, 0);
  for (guint i = 0; i < n_figures; i++)
    if (sp_figure_kind_pins_curves (kinds[i]) && data[i] != NULL && first_of_kind (kinds, i))
      capture (kinds[i], data[i], curves, max);
  return curves;
}
