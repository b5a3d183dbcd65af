/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-guess.c — starting values for a circuit fit (see the header):
 * the spectrum's features and the starts built from them
 *
 * The spectrum is read at descending frequency, −Z″ smoothed over about a
 * fifth of a decade.  sp-eis-guess-shape.c turns features into parameters.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit.h>
#include <math.h>
#include <string.h>

#include "sp-eis-fit.h"
#include "sp-eis-guess.h"
#include "sp-eis-guess-private.h"

/* ---- the spectrum's features -------------------------------------------- */

gboolean
sp_eis_spectrum_check (const SpEisSpectrum *spectrum,
                       GError             **error)
{
  if (spectrum == NULL || spectrum->n_points == 0)
    {
      g_set_error (error, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_DATA,
                   _("the spectrum has no points"));
      return FALSE;
    }
  for (guint i = 0; i < spectrum->n_points; i++)
    {
      if (!(isfinite (spectrum->freq_hz[i]) && spectrum->freq_hz[i] > 0))
        {
          g_set_error (error, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_DATA,
                       _("point %u: the frequency must be a positive number of hertz, not %g"),
                       i + 1, spectrum->freq_hz[i]);
          return FALSE;
        }
      if (!(isfinite (spectrum->z_re_ohm[i]) && isfinite (spectrum->z_im_ohm[i])))
        {
          g_set_error (error, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_DATA,
                       _("point %u (%g Hz): the impedance is not a finite number"),
                       i + 1, spectrum->freq_hz[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* The spectrum at descending frequency, with −Z″ smoothed. */
typedef struct
{
  guint   n;
  double *omega;
  double *zr;
  double *y;        /* −Z″                                   */
  double *ys;       /* −Z″ smoothed                          */
  double  zmax;     /* the largest |Z|                       */
} Curve;

static int
compare_descending (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  const double *f = data;
  double fa = f[*(const guint *) a], fb = f[*(const guint *) b];

  return (fa < fb) - (fa > fb);
}

static void
curve_init (Curve               *c,
            const SpEisSpectrum *s)
{
  g_autofree guint *order = g_new (guint, s->n_points);
  double decades;
  int half;

  c->n = s->n_points;
  c->omega = g_new (double, c->n);
  c->zr = g_new (double, c->n);
  c->y = g_new (double, c->n);
  c->ys = g_new (double, c->n);
  c->zmax = 0;
  for (guint i = 0; i < c->n; i++)
    order[i] = i;
  g_qsort_with_data (order, c->n, sizeof (guint), compare_descending, s->freq_hz);
  for (guint i = 0; i < c->n; i++)
    {
      guint k = order[i];

      c->omega[i] = 2 * G_PI * s->freq_hz[k];
      c->zr[i] = s->z_re_ohm[k];
      c->y[i] = -s->z_im_ohm[k];
      c->zmax = MAX (c->zmax, hypot (s->z_re_ohm[k], s->z_im_ohm[k]));
    }
  if (c->zmax == 0)
    c->zmax = 1;

  /* A moving average over about 0.2 decade (at least three points):
   * enough to keep noise from making peaks, narrow beside an arc's
   * 1.1-decade half width. */
  decades = c->n > 1 ? log10 (c->omega[0] / c->omega[c->n - 1]) : 0;
  half = decades > 0 ? (int) CLAMP (floor (0.1 * (c->n - 1) / decades + 0.5), 1, 8) : 1;
  for (int i = 0; i < (int) c->n; i++)
    {
      double sum = 0;
      int count = 0;

      for (int j = MAX (0, i - half); j <= MIN ((int) c->n - 1, i + half); j++)
        {
          sum += c->y[j];
          count++;
        }
      c->ys[i] = sum / count;
    }
}

static void
curve_clear (Curve *c)
{
  g_free (c->omega);
  g_free (c->zr);
  g_free (c->y);
  g_free (c->ys);
}

typedef struct
{
  guint  index;
  double prominence;
} Peak;

/* Interior local maxima of the smoothed −Z″ that stand out: prominence
 * (height above the higher of the two lowest points reached before a
 * higher point or an end) at least 5 % of the peak and 1 % of |Z| there
 * (noise of a percent makes no peaks after smoothing; |Z|max would be the
 * electrode spike's, far above any arc). */
static GArray *
find_peaks (const Curve *c)
{
  GArray *peaks = g_array_new (FALSE, FALSE, sizeof (Peak));

  for (guint i = 1; i + 1 < c->n; i++)
    {
      double h = c->ys[i], left = h, right = h;
      Peak peak = { i, 0 };

      if (!(h > 0 && h > c->ys[i - 1] && h >= c->ys[i + 1]))
        continue;
      for (guint j = i; j-- > 0 && c->ys[j] <= h;)
        left = MIN (left, c->ys[j]);
      for (guint j = i + 1; j < c->n && c->ys[j] <= h; j++)
        right = MIN (right, c->ys[j]);
      peak.prominence = h - MAX (left, right);
      if (peak.prominence >= 0.05 * h && peak.prominence >= 0.01 * hypot (c->zr[i], h))
        g_array_append_val (peaks, peak);
    }
  return peaks;
}

guint
sp_eis_guess_count_arcs (const SpEisSpectrum *spectrum)
{
  Curve c;
  g_autoptr(GArray) peaks = NULL;

  if (!sp_eis_spectrum_check (spectrum, NULL))
    return 0;
  curve_init (&c, spectrum);
  peaks = find_peaks (&c);
  curve_clear (&c);
  return peaks->len;
}


/* The apex between grid points: a parabola through the three smoothed
 * values around it, in ln ω. */
static double
apex_omega (const Curve *c,
            guint        i)
{
  double y0, y1, y2, d;

  if (i == 0 || i + 1 >= c->n)
    return c->omega[i];
  y0 = c->ys[i - 1];
  y1 = c->ys[i];
  y2 = c->ys[i + 1];
  d = y0 - 2 * y1 + y2;
  if (d >= 0)
    return c->omega[i];
  /* Offset in grid steps, toward lower ω for positive. */
  d = CLAMP (0.5 * (y0 - y2) / d, -0.5, 0.5);
  return c->omega[i] * pow (c->omega[i + 1] / c->omega[i], d);
}


static void
features_clear (Features *f)
{
  g_clear_pointer (&f->arcs, g_array_unref);
  g_clear_pointer (&f->arcs_alt, g_array_unref);
}

static int
compare_peak_index (gconstpointer a,
                    gconstpointer b)
{
  const Peak *pa = a, *pb = b;

  return (pa->index > pb->index) - (pa->index < pb->index);
}

static int
compare_peak_prominence (gconstpointer a,
                         gconstpointer b)
{
  const Peak *pa = a, *pb = b;

  return (pa->prominence < pb->prominence) - (pa->prominence > pb->prominence);
}

/* Arcs from the chosen @peaks (sorted by index): each spans Z′ from the
 * valley (or intercept) before its apex to the valley after it. */
static void
features_arcs (Features    *f,
               const Curve *c,
               GArray      *peaks,
               guint        end)
{
  guint m = peaks->len;
  g_autofree double *bound = g_new (double, m + 1);

  f->arcs = g_array_new (FALSE, FALSE, sizeof (Arc));
  bound[0] = f->r_inf;
  for (guint k = 1; k < m; k++)
    {
      guint a = g_array_index (peaks, Peak, k - 1).index;
      guint b = g_array_index (peaks, Peak, k).index, v = a;

      for (guint j = a; j <= b; j++)
        if (c->ys[j] < c->ys[v])
          v = j;
      bound[k] = c->zr[v];
    }
  if (m > 0)
    {
      guint last = g_array_index (peaks, Peak, m - 1).index;

      bound[m] = c->zr[end];
      /* An arc still open at the lowest frequency: mirror its first half. */
      if (c->ys[end] > 0.3 * c->ys[last])
        bound[m] = MAX (bound[m], 2 * c->zr[last] - bound[m - 1]);
    }

  for (guint k = 0; k < m; k++)
    {
      guint i = g_array_index (peaks, Peak, k).index;
      double h = c->ys[i];
      Arc arc;

      arc.r = bound[k + 1] - bound[k];
      /* Overlapping arcs can put the valleys anywhere: an ideal arc is
       * 2.3 of its height wide at α = 0.9. */
      if (!(arc.r > 1.2 * h && arc.r < 6 * h))
        arc.r = 2.34 * h;
      /* The apex of R‖CPE stands (R/2) tan(απ/4) above the axis. */
      arc.alpha = CLAMP (4 / G_PI * atan (2 * h / arc.r), 0.5, 0.98);
      arc.omega = apex_omega (c, i);
      g_array_append_val (f->arcs, arc);
    }
}

static guint
smallest_arc (GArray *arcs)
{
  guint best = 0;

  for (guint k = 1; k < arcs->len; k++)
    if (g_array_index (arcs, Arc, k).r < g_array_index (arcs, Arc, best).r)
      best = k;
  return best;
}

static guint
widest_arc (GArray *arcs)
{
  guint best = 0;

  for (guint k = 1; k < arcs->len; k++)
    if (g_array_index (arcs, Arc, k).r > g_array_index (arcs, Arc, best).r)
      best = k;
  return best;
}

/* Shoulders: where −Z″ flattens without turning over (a small arc on the
 * flank of a larger one, or an arc inside the electrode's rise).  Local
 * extrema of the log-log slope of the smoothed −Z″ (over ±2 points) that
 * stay on one side of zero and stand 0.15 above or below the slope 3
 * points either side; each becomes an arc as high as −Z″ there (hidden
 * arcs are the smaller ones), in descending frequency. */
static GArray *
find_shoulders (const Curve *c)
{
  GArray *arcs = g_array_new (FALSE, FALSE, sizeof (Arc));
  g_autofree double *rate = g_new (double, MAX (c->n, 1));
  guint n = c->n;

  for (guint i = 0; i < n; i++)
    {
      rate[i] = NAN;
      if (i >= 2 && i + 2 < n && c->ys[i - 2] > 0 && c->ys[i + 2] > 0)
        rate[i] = log (c->ys[i + 2] / c->ys[i - 2]) / log (c->omega[i - 2] / c->omega[i + 2]);
    }
  for (guint i = 5; i + 5 < n; i++)
    {
      double r = rate[i];
      gboolean flat_rise = r > 0.02 && r < rate[i - 1] && r <= rate[i + 1]
                           && MIN (rate[i - 3], rate[i + 3]) - r >= 0.15;
      gboolean flat_fall = r < -0.02 && r > rate[i - 1] && r >= rate[i + 1]
                           && r - MAX (rate[i - 3], rate[i + 3]) >= 0.15;

      if (isfinite (r) && (flat_rise || flat_fall))
        {
          Arc arc = { 2 * c->ys[i], c->omega[i], 0.85 };

          g_array_append_val (arcs, arc);
        }
    }
  return arcs;
}

/* Arcs from a light distribution of relaxation times: −Z″ (weighted by
 * 1/|Z|) as a sum of Debye elements R_j ωτ_j/(1 + ω²τ_j²), four per decade
 * from a decade above the highest frequency to a decade below the lowest,
 * by ridge-regularised least squares (GSL).  Deconvolving the 1.1-decade
 * kernel separates arcs that −Z″ shows as one peak or a shoulder (a small
 * bulk arc on the flank of a large grain-boundary arc).  Each interior
 * peak whose area is at least 3 % of the total is an arc: its area the
 * diameter, its centre the apex.  NULL when the spectrum is too short. */
static GArray *
drt_arcs (const Curve *c,
          double       omega_floor)
{
  double lo = -log (c->omega[0]) - G_LN10, hi = -log (c->omega[c->n - 1]) + G_LN10;
  guint m = (guint) CLAMP (ceil (4 * (hi - lo) / G_LN10) + 1, 8, 120), n = c->n;
  gsl_matrix *a;
  gsl_vector *b, *coef;
  gsl_multifit_linear_workspace *work;
  double rnorm, snorm, total = 0;
  GArray *arcs = NULL;
  int status;

  if (n < 12)
    return NULL;
  m = MIN (m, n - 2);
  a = gsl_matrix_alloc (n, m);
  b = gsl_vector_alloc (n);
  coef = gsl_vector_alloc (m);
  work = gsl_multifit_linear_alloc (n, m);
  for (guint i = 0; i < n; i++)
    {
      double w = 1 / MAX (hypot (c->zr[i], c->y[i]), 1e-300);

      for (guint j = 0; j < m; j++)
        {
          double x = c->omega[i] * exp (lo + (hi - lo) * j / (m - 1));

          gsl_matrix_set (a, i, j, w * x / (1 + x * x));
        }
      gsl_vector_set (b, i, w * c->y[i]);
    }
  status = gsl_multifit_linear_svd (a, work);
  if (status == GSL_SUCCESS)
    status = gsl_multifit_linear_solve (0.03 * gsl_vector_get (work->S, 0), a, b, coef,
                                        &rnorm, &snorm, work);
  if (status == GSL_SUCCESS)
    {
      const double *g = coef->data;

      arcs = g_array_new (FALSE, FALSE, sizeof (Arc));
      /* The total over the arcs' range only: the spike's long-τ end can
       * outweigh every arc. */
      for (guint j = 0; j < m; j++)
        if (exp (-(lo + (hi - lo) * j / (m - 1))) >= omega_floor)
          total += MAX (g[j], 0);
      /* Interior maxima, from the highest frequency (smallest τ) down. */
      for (guint j = 1; j + 1 < m; j++)
        {
          guint l = j, r = j;
          double area = 0, d, u, omega;
          Arc arc;

          if (!(g[j] > 0 && g[j] > g[j - 1] && g[j] >= g[j + 1]))
            continue;
          while (l > 0 && g[l - 1] < g[l] && g[l - 1] > 0)
            l--;
          while (r + 1 < m && g[r + 1] <= g[r] && g[r + 1] > 0)
            r++;
          for (guint k = l; k <= r; k++)
            area += g[k];
          if (!(area >= 0.03 * total))
            continue;
          /* The centre between bins: a parabola through the top three. */
          d = g[j - 1] - 2 * g[j] + g[j + 1];
          u = lo + (hi - lo) * (j + (d < 0 ? CLAMP (0.5 * (g[j - 1] - g[j + 1]) / d, -0.5, 0.5)
                                           : 0)) / (m - 1);
          omega = exp (-u);
          /* Apices above the measured range, or below @omega_floor (in the
           * electrode spike, which the Debye elements mimic at their
           * long-τ end) are no arcs. */
          if (omega > 3 * c->omega[0] || omega < omega_floor)
            continue;
          arc.r = area;
          arc.omega = omega;
          arc.alpha = 0.9;
          {
            guint near = 0;

            for (guint i = 1; i < n; i++)
              if (fabs (log (c->omega[i] / omega)) < fabs (log (c->omega[near] / omega)))
                near = i;
            if (c->ys[near] > 0)
              arc.alpha = CLAMP (4 / G_PI * atan (2 * c->ys[near] / area), 0.5, 0.98);
          }
          g_array_append_val (arcs, arc);
        }
    }
  gsl_multifit_linear_free (work);
  gsl_matrix_free (a);
  gsl_vector_free (b);
  gsl_vector_free (coef);
  return arcs;
}

/* @want: how many arcs the circuit has blocks for. */
static void
features_init (Features    *f,
               const Curve *c,
               guint        want)
{
  g_autoptr(GArray) peaks = find_peaks (c);
  guint n = c->n, t0 = 0, first_apex = n - 1;
  double zlow;

  memset (f, 0, sizeof *f);
  f->zmax = c->zmax;

  /* Keep the most prominent when there are more peaks than blocks. */
  if (peaks->len > want)
    {
      g_array_sort (peaks, compare_peak_prominence);
      g_array_set_size (peaks, want);
    }
  g_array_sort (peaks, compare_peak_index);
  if (peaks->len > 0)
    first_apex = g_array_index (peaks, Peak, 0).index;

  /* The intercept: the lowest Z′ before the first apex; if that arc is cut
   * off at high frequency, its circle's left end. */
  f->r_inf = c->zr[0];
  for (guint i = 0; i < first_apex && i < n; i++)
    f->r_inf = MIN (f->r_inf, c->zr[i]);
  if (peaks->len > 0 && c->ys[0] > 0.3 * c->ys[first_apex])
    f->r_inf = MIN (f->r_inf, c->zr[first_apex] - c->ys[first_apex]);
  if (!(f->r_inf > 0))
    f->r_inf = 1e-3 * MAX (hypot (c->zr[0], c->y[0]), 1e-300);

  /* The tail: the last stretch over which −Z″ rises toward low
   * frequency as one power of ω, the electrode's CPE (its log-log slope
   * within 0.2 of the slope at the lowest frequencies), from where that
   * stops (not below the last peak).  An arc hidden in the rise bends the
   * slope and so stays outside the tail. */
  t0 = n - 1;
  if (n >= 3 && c->ys[n - 1] > 0 && c->ys[n - 2] > 0 && c->ys[n - 3] > 0)
    {
      double end_rate = log (c->ys[n - 1] / c->ys[n - 3]) / log (c->omega[n - 3] / c->omega[n - 1]);

      while (t0 > 0 && c->ys[t0 - 1] > 0 && c->ys[t0 - 1] < c->ys[t0])
        {
          double rate = log (c->ys[t0] / c->ys[t0 - 1]) / log (c->omega[t0 - 1] / c->omega[t0]);

          if (fabs (rate - end_rate) > 0.2)
            break;
          t0--;
        }
    }
  if (peaks->len > 0)
    t0 = MAX (t0, g_array_index (peaks, Peak, peaks->len - 1).index);
  f->has_tail = t0 + 1 < n && c->ys[n - 1] > 1.05 * MAX (c->ys[t0], 0);
  f->arcs_end = f->has_tail ? t0 : n - 1;
  f->n_peaks = peaks->len;
  features_arcs (f, c, peaks, f->arcs_end);

  /* The peaks of −Z″ when they match the blocks (their diameters come
   * straight from Z′); else the deconvolution, which also sees shoulders,
   * its largest arcs if it finds more than there are blocks. */
  {
    GArray *drt = drt_arcs (c, f->has_tail ? c->omega[t0] / 2 : c->omega[n - 1] / 3);

    if (drt != NULL && f->arcs->len != want && drt->len > f->arcs->len)
      {
        while (drt->len > want)
          g_array_remove_index (drt, smallest_arc (drt));
        f->arcs_alt = f->arcs;
        f->arcs = drt;
      }
    else
      f->arcs_alt = drt;
  }

  f->tail_omega = c->omega[n - 1];
  zlow = hypot (c->zr[n - 1], c->y[n - 1]);
  f->tail_alpha = 0.85;
  f->tail_y = MAX (c->y[n - 1], 0.05 * zlow);
  f->tail_dzr = f->has_tail ? c->zr[n - 1] - c->zr[t0] : 0;
  if (f->has_tail)
    {
      /* ln(−Z″) against ln ω over the tail's last few points. */
      guint q = MIN (4, n - t0), used = 0;
      double sx = 0, sy = 0, sxx = 0, sxy = 0;

      for (guint i = n - q; i < n; i++)
        if (c->y[i] > 0)
          {
            double x = log (c->omega[i]), yy = log (c->y[i]);

            sx += x;
            sy += yy;
            sxx += x * x;
            sxy += x * yy;
            used++;
          }
      if (used >= 2 && used * sxx - sx * sx > 0)
        {
          double slope = (used * sxy - sx * sy) / (used * sxx - sx * sx);
          double icpt = (sy - slope * sx) / used;

          if (-slope > 0.25 && -slope < 1.2)
            {
              f->tail_alpha = CLAMP (-slope, 0.3, 0.98);
              f->tail_y = MAX (exp (icpt + slope * log (f->tail_omega)), 0.05 * zlow);
            }
        }
    }

  /* An inductance from a positive Z″ at the highest frequency. */
  {
    double x0 = -c->y[0];

    f->l_guess = x0 > 0 ? x0 / c->omega[0] : 1e-3 * hypot (c->zr[0], c->y[0]) / c->omega[0];
    if (!(f->l_guess > 0))
      f->l_guess = 1e-12;
  }
}

/* A stand-in arc when the spectrum shows none: the whole span, its apex at
 * the largest −Z″. */
static Arc
whole_span_arc (const Curve    *c,
                const Features *f)
{
  Arc arc = { 0, c->omega[0], 0.9 };
  guint top = 0;

  for (guint i = 0; i <= f->arcs_end; i++)
    if (c->ys[i] > c->ys[top])
      top = i;
  arc.omega = c->omega[top];
  arc.r = c->zr[f->arcs_end] - f->r_inf;
  if (!(arc.r > 1e-3 * c->zmax))
    arc.r = MAX (2.34 * c->ys[top], 0.5 * c->zmax);
  return arc;
}

/* Splits arc @j into two of fractions @phi and 1 − @phi, their apices a
 * factor @spread above and below. */
static void
split_arc (GArray *arcs,
           guint   j,
           double  spread,
           double  phi)
{
  Arc a = g_array_index (arcs, Arc, j), hi = a, lo = a;

  hi.r = phi * a.r;
  hi.omega = a.omega * spread;
  hi.alpha = 0.9;
  lo.r = (1 - phi) * a.r;
  lo.omega = a.omega / spread;
  lo.alpha = 0.9;
  g_array_index (arcs, Arc, j) = hi;
  g_array_insert_val (arcs, j + 1, lo);
}


/* Appends the start built from @arcs unless @starts is full or holds
 * the same numbers already. */
static void
add_start (GPtrArray       *starts,
           guint            max_starts,
           const SpCircuit *circuit,
           const Shape     *shape,
           const Features  *f,
           GArray          *arcs,
           double           r_inf,
           double           omega_mid)
{
  gsize size = MAX (sp_circuit_get_n_params (circuit), 1) * sizeof (double);
  double *p;

  if (starts->len >= max_starts)
    return;
  p = g_malloc (size);
  build_params (circuit, shape, f, arcs, r_inf, omega_mid, p);
  for (guint i = 0; i < starts->len; i++)
    if (memcmp (starts->pdata[i], p, size) == 0)
      {
        g_free (p);
        return;
      }
  g_ptr_array_add (starts, p);
}

/* ---- the public functions ------------------------------------------------ */

/* Whether two readings put the same arcs within a factor 1.5 in size
 * and frequency. */
static gboolean
arcs_alike (GArray *a,
            GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint k = 0; k < a->len; k++)
    {
      const Arc *x = &g_array_index (a, Arc, k), *y = &g_array_index (b, Arc, k);

      if (fabs (log (x->r / y->r)) > log (1.5) || fabs (log (x->omega / y->omega)) > log (1.5))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
sp_eis_guess_variants (const SpCircuit     *circuit,
                       const SpEisSpectrum *spectrum,
                       guint                max_starts,
                       guint               *n_readings,
                       GError             **error)
{
  GPtrArray *starts;
  Curve c;
  Shape shape;
  Features f;
  g_autoptr(GArray) base = NULL;
  guint want, found;
  double omega_mid;

  g_return_val_if_fail (circuit != NULL, NULL);
  if (!sp_eis_spectrum_check (spectrum, error))
    return NULL;

  curve_init (&c, spectrum);
  shape_init (&shape, circuit);
  want = shape.arc_items->len;
  features_init (&f, &c, want);
  omega_mid = sqrt (c.omega[0] * c.omega[c.n - 1]);
  found = f.arcs->len;
  starts = g_ptr_array_new_with_free_func (g_free);

  /* The first guess: the arcs found, the widest split while blocks are
   * left over. */
  base = g_array_copy (f.arcs);
  if (base->len == 0 && want > 0)
    {
      Arc arc = whole_span_arc (&c, &f);

      g_array_append_val (base, arc);
    }
  while (base->len > 0 && base->len < want)
    split_arc (base, widest_arc (base), sqrt (10), 0.5);

#define ADD_START(ARCS, RINF)                                                  \
  add_start (starts, MAX (max_starts, 1), circuit, &shape, &f, (ARCS), (RINF), omega_mid)

  ADD_START (base, f.r_inf);

  /* The other reading of the arcs (DRT or −Z″ peaks), fitted to the
   * blocks the same way. */
  if (n_readings != NULL)
    *n_readings = 1;
  if (f.arcs_alt != NULL && f.arcs_alt->len > 0 && want > 0)
    {
      g_autoptr(GArray) alt = g_array_copy (f.arcs_alt);

      while (alt->len > want)
        g_array_remove_index (alt, smallest_arc (alt));
      while (alt->len < want)
        split_arc (alt, widest_arc (alt), sqrt (10), 0.5);
      if (!arcs_alike (alt, base))
        ADD_START (alt, f.r_inf);
    }

  /* Fewer arcs than blocks: each shoulder of −Z″ as an arc besides the
   * ones seen, the rest split as in the first guess. */
  if (found < want)
    {
      g_autoptr(GArray) shoulders = find_shoulders (&c);

      for (guint k = 0; k < shoulders->len; k++)
        {
          g_autoptr(GArray) arcs = g_array_copy (f.arcs);
          const Arc *sh = &g_array_index (shoulders, Arc, k);
          guint at = 0;

          while (at < arcs->len && g_array_index (arcs, Arc, at).omega > sh->omega)
            at++;
          g_array_insert_val (arcs, at, *sh);
          while (arcs->len < want)
            split_arc (arcs, widest_arc (arcs), sqrt (10), 0.5);
          while (arcs->len > want)
            g_array_remove_index (arcs, smallest_arc (arcs));
          ADD_START (arcs, f.r_inf);
        }
    }

  /* The same arcs with their time constants moved a little, their
   * depression changed, or the intercept lowered (an arc hidden above the
   * highest frequency). */
  {
    static const double scales[] = { 3, 1.0 / 3 };

    for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
      {
        g_autoptr(GArray) arcs = g_array_copy (base);

        for (guint k = 0; k < arcs->len; k++)
          g_array_index (arcs, Arc, k).omega *= scales[s];
        ADD_START (arcs, f.r_inf);
      }
  }
  {
    g_autoptr(GArray) arcs = g_array_copy (base);

    for (guint k = 0; k < arcs->len; k++)
      g_array_index (arcs, Arc, k).alpha = 0.75;
    ADD_START (arcs, f.r_inf);
  }
  {
    g_autoptr(GArray) arcs = g_array_copy (base);

    if (arcs->len > 0)
      g_array_index (arcs, Arc, 0).r += 0.8 * f.r_inf;
    ADD_START (arcs, 0.2 * f.r_inf);
  }
  /* Neighbouring arcs' sizes swapped. */
  for (guint k = 0; k + 1 < base->len; k++)
    {
      g_autoptr(GArray) arcs = g_array_copy (base);
      double r = g_array_index (arcs, Arc, k).r;

      g_array_index (arcs, Arc, k).r = g_array_index (arcs, Arc, k + 1).r;
      g_array_index (arcs, Arc, k + 1).r = r;
      ADD_START (arcs, f.r_inf);
    }

  /* Fewer arcs seen than blocks: other splits of each visible arc, the
   * likeliest (halves a decade apart) first. */
  if (found < want)
    {
      static const double spreads[] = { 10, 3, 30 };
      static const double phis[] = { 0.5, 0.2, 0.8 };
      g_autoptr(GArray) seen = g_array_copy (f.arcs);

      if (seen->len == 0)
        {
          Arc arc = whole_span_arc (&c, &f);

          g_array_append_val (seen, arc);
        }
      for (guint s = 0; s < G_N_ELEMENTS (spreads); s++)
        for (guint ph = 0; ph < G_N_ELEMENTS (phis); ph++)
          for (guint j = 0; j < seen->len; j++)
            {
              g_autoptr(GArray) arcs = g_array_copy (seen);

              split_arc (arcs, j, sqrt (spreads[s]), phis[ph]);
              while (arcs->len < want)
                split_arc (arcs, widest_arc (arcs), sqrt (10), 0.5);
              ADD_START (arcs, f.r_inf);
            }
    }

  /* Time constants moved a decade. */
  {
    static const double scales[] = { 10, 0.1 };

    for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
      {
        g_autoptr(GArray) arcs = g_array_copy (base);

        for (guint k = 0; k < arcs->len; k++)
          g_array_index (arcs, Arc, k).omega *= scales[s];
        ADD_START (arcs, f.r_inf);
      }
  }
#undef ADD_START

  /* When −Z″ does not show one peak per block, the second start (the other
   * reading, or the first with its time constants moved) is as likely as
   * the first. */
  if (n_readings != NULL && f.n_peaks != want && starts->len > 1)
    *n_readings = 2;

  features_clear (&f);
  shape_clear (&shape);
  curve_clear (&c);
  return starts;
}

gboolean
sp_eis_guess (const SpCircuit     *circuit,
              const SpEisSpectrum *spectrum,
              double              *params,
              GError             **error)
{
  g_autoptr(GPtrArray) starts = sp_eis_guess_variants (circuit, spectrum, 1, NULL, error);

  if (starts == NULL)
    return FALSE;
  memcpy (params, starts->pdata[0], sp_circuit_get_n_params (circuit) * sizeof (double));
  return TRUE;
}
