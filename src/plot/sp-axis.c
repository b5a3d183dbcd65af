/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-axis.c — nice ticks (1-2-5 rule) and the data ↔ user mapping */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-axis.h"

double
sp_ticks_nice_step (double lo,
                    double hi,
                    guint  max_ticks)
{
  static const double mantissa[] = { 1.0, 2.0, 5.0, 10.0 };
  double span = fabs (hi - lo);
  double raw, base;

  if (max_ticks < 2)
    max_ticks = 2;
  if (!(span > 0.0) || !isfinite (span))
    span = fabs (lo) > 0.0 && isfinite (lo) ? fabs (lo) : 1.0;

  /* The first 1-2-5 step whose tick count, ⌊hi/s⌋ − ⌈lo/s⌉ + 1, fits. */
  /* Start a decade below span/(max_ticks − 1): with few ticks a step just
   * under that estimate can still fit. */
  raw = span / (max_ticks - 1);
  base = pow (10.0, floor (log10 (raw)) - 1.0);
  for (int decade = 0; decade < 4; decade++, base *= 10.0)
    for (guint i = 0; i < G_N_ELEMENTS (mantissa); i++)
      {
        double step = mantissa[i] * base;
        double count = floor (MAX (lo, hi) / step + 1e-9) - ceil (MIN (lo, hi) / step - 1e-9) + 1;

        if (count <= max_ticks)
          return step;
      }
  return 10.0 * base;
}

void
sp_ticks_nice_range (double *lo,
                     double *hi,
                     guint   max_ticks)
{
  double step = sp_ticks_nice_step (*lo, *hi, max_ticks);

  *lo = floor (*lo / step + 1e-9) * step;
  *hi = ceil (*hi / step - 1e-9) * step;
  if (*hi <= *lo)
    *hi = *lo + step;
}

char *
sp_ticks_format_power (int exponent)
{
  static const char *digits[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  GString *s = g_string_new ("10");
  char buf[16];

  if (exponent < 0)
    g_string_append (s, "⁻");
  g_snprintf (buf, sizeof buf, "%d", ABS (exponent));
  for (const char *p = buf; *p; p++)
    g_string_append (s, digits[*p - '0']);
  return g_string_free (s, FALSE);
}

/* Replaces a leading ASCII '-' by the typographic minus sign U+2212. */
static char *
with_minus (char *text)
{
  char *out;

  if (text[0] != '-')
    return text;
  out = g_strconcat ("−", text + 1, NULL);
  g_free (text);
  return out;
}

char *
sp_ticks_format (double value,
                 double step)
{
  int decimals;

  step = fabs (step);
  if (value == 0.0 || fabs (value) < 1e-9 * step)
    {
      /* Zero with the same decimals as its neighbours: 0.0, 0.5, 1.0. */
      decimals = step > 0.0 && step >= 1e-3 && step < 1e5
                 ? MAX (0, (int) ceil (-log10 (step) - 1e-9)) : 0;
      return g_strdup_printf ("%.*f", MIN (decimals, 9), 0.0);
    }
  if (!(step > 0.0))
    step = fabs (value);

  /* Very large or small values: mantissa × 10ⁿ with the step's precision. */
  if (fabs (value) >= 1e5 || (step < 1e-3 && fabs (value) < 1e-2))
    {
      int e = (int) floor (log10 (fabs (value)));
      double m = value / pow (10.0, e);
      int md = MAX (0, (int) ceil (-log10 (step / pow (10.0, e)) - 1e-9));
      g_autofree char *power = sp_ticks_format_power (e);

      md = MIN (md, 6);
      if (fabs (m - 1.0) < 1e-9)
        return g_strdup (power);
      if (fabs (m + 1.0) < 1e-9)
        return g_strconcat ("−", power, NULL);
      return with_minus (g_strdup_printf ("%.*f×%s", md, m, power));
    }

  decimals = MAX (0, (int) ceil (-log10 (step) - 1e-9));
  decimals = MIN (decimals, 9);
  return with_minus (g_strdup_printf ("%.*f", decimals, value));
}

char *
sp_format_significant (double value,
                       int    digits)
{
  int e, decimals;

  if (value == 0.0 || !isfinite (value))
    return g_strdup (value == 0.0 ? "0" : "–");
  digits = CLAMP (digits, 1, 15);
  e = (int) floor (log10 (fabs (value)));
  if (e >= 5 || e < -3)
    {
      double m = value / pow (10.0, e);
      g_autofree char *power = NULL;

      /* Rounding the mantissa can carry into the next decade (9.99 → 10.0). */
      if (fabs (m) >= 10.0 - 0.5 * pow (10.0, 1 - digits))
        {
          e++;
          m /= 10.0;
        }
      power = sp_ticks_format_power (e);
      return with_minus (g_strdup_printf ("%.*f×%s", digits - 1, m, power));
    }
  decimals = MAX (0, digits - 1 - e);
  return with_minus (g_strdup_printf ("%.*f", decimals, value));
}

void
sp_ticks_clear (SpTicks *ticks)
{
  for (guint i = 0; i < ticks->n; i++)
    g_clear_pointer (&ticks->label[i], g_free);
  ticks->n = 0;
}

static void
ticks_add (SpTicks *ticks,
           double   value,
           char    *label)
{
  if (ticks->n >= SP_AXIS_MAX_TICKS)
    {
      g_free (label);
      return;
    }
  ticks->value[ticks->n] = value;
  ticks->label[ticks->n] = label;
  ticks->n++;
}

static gboolean
in_range (const SpAxis *axis,
          double        v)
{
  double lo = MIN (axis->min, axis->max), hi = MAX (axis->min, axis->max);
  double eps = 1e-9 * (hi - lo);

  return v >= lo - eps && v <= hi + eps;
}

static void
ticks_linear (SpTicks      *ticks,
              const SpAxis *axis,
              guint         max_ticks)
{
  double lo = MIN (axis->min, axis->max), hi = MAX (axis->min, axis->max);
  double step = axis->tick_step > 0.0 ? axis->tick_step : sp_ticks_nice_step (lo, hi, max_ticks);
  double first = ceil (lo / step - 1e-9);

  double factor = pow (10.0, -axis->exponent);

  for (double i = first; i * step <= hi + 1e-9 * step; i += 1.0)
    {
      /* i · step, not an accumulated sum: 0.1 + 0.2 must print as 0.3. */
      double v = i * step;

      if (fabs (v) < 1e-12 * step)
        v = 0.0;
      ticks_add (ticks, v, sp_ticks_format (v * factor, step * factor));
    }
}

static void
ticks_log (SpTicks      *ticks,
           const SpAxis *axis,
           guint         max_ticks)
{
  double lo = log10 (MIN (axis->min, axis->max));
  double hi = log10 (MAX (axis->min, axis->max));
  int e0 = (int) ceil (lo - 1e-9), e1 = (int) floor (hi + 1e-9);
  int stride = 1;

  if (e1 < e0)
    {
      /* Less than a decade: linear ticks read better. */
      ticks_linear (ticks, axis, max_ticks);
      return;
    }
  while ((e1 - e0) / stride + 1 > (int) max_ticks)
    stride++;
  if (e1 - e0 < 1)
    {
      /* One power of ten in view: label 2× and 5× too, or the axis would
       * carry a single number. */
      static const double mantissa[] = { 1.0, 2.0, 5.0 };

      for (int e = e0 - 1; e <= e1; e++)
        for (guint m = 0; m < G_N_ELEMENTS (mantissa); m++)
          {
            double v = mantissa[m] * pow (10.0, e);

            if (in_range (axis, v))
              ticks_add (ticks, v, m == 0 ? sp_ticks_format_power (e)
                                          : sp_format_significant (v, 1));
          }
      ticks->minor_log = TRUE;
      return;
    }
  for (int e = e0; e <= e1; e++)
    if ((e - e0) % stride == 0)
      ticks_add (ticks, pow (10.0, e), sp_ticks_format_power (e));
  ticks->minor_log = stride == 1;
}

static void
ticks_asinh (SpTicks      *ticks,
             const SpAxis *axis,
             guint         max_ticks)
{
  double lo = MIN (axis->min, axis->max), hi = MAX (axis->min, axis->max);
  double amax = MAX (fabs (lo), fabs (hi));
  int e_top = (int) floor (log10 (amax) + 1e-9);
  int e_bottom = (int) ceil (log10 (axis->linthresh) - 1e-9);
  double values[2 * SP_AXIS_MAX_TICKS + 1];
  guint n = 0;

  /* 0 and ±10^e for every decade beyond the linear threshold. */
  if (in_range (axis, 0.0))
    values[n++] = 0.0;
  for (int e = e_bottom; e <= e_top && n + 2 < G_N_ELEMENTS (values); e++)
    {
      double p = pow (10.0, e);

      if (in_range (axis, p))
        values[n++] = p;
      if (in_range (axis, -p))
        values[n++] = -p;
    }
  if (n < 3)
    {
      ticks_linear (ticks, axis, max_ticks);
      return;
    }
  /* Sorted ascending for drawing and tests. */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double t = values[j];
        values[j] = values[j - 1];
        values[j - 1] = t;
      }
  for (guint i = 0; i < n; i++)
    {
      double v = values[i];
      int e;

      if (v == 0.0)
        {
          ticks_add (ticks, 0.0, g_strdup ("0"));
          continue;
        }
      e = (int) lround (log10 (fabs (v)));
      if (v > 0)
        ticks_add (ticks, v, sp_ticks_format_power (e));
      else
        {
          g_autofree char *p = sp_ticks_format_power (e);
          ticks_add (ticks, v, g_strconcat ("−", p, NULL));
        }
    }
}

void
sp_ticks_compute (SpTicks      *ticks,
                  const SpAxis *axis,
                  guint         max_ticks)
{
  g_return_if_fail (ticks != NULL && axis != NULL);

  memset (ticks, 0, sizeof *ticks);
  if (!isfinite (axis->min) || !isfinite (axis->max) || axis->min == axis->max)
    return;
  max_ticks = CLAMP (max_ticks, 2, SP_AXIS_MAX_TICKS);
  switch (axis->scale)
    {
    case SP_SCALE_LOG:
      ticks_log (ticks, axis, max_ticks);
      break;
    case SP_SCALE_ASINH:
      ticks_asinh (ticks, axis, max_ticks);
      break;
    case SP_SCALE_LINEAR:
    default:
      ticks_linear (ticks, axis, max_ticks);
      /* A range like 0 … 4969 with room for two ticks gets a step of 5000
       * and one tick: an axis needs two to be read, so allow a finer step. */
      for (guint more = max_ticks + 1; ticks->n < 2 && more <= SP_AXIS_MAX_TICKS; more++)
        {
          sp_ticks_clear (ticks);
          ticks_linear (ticks, axis, more);
        }
      break;
    }
}

int
sp_axis_label_exponent (const SpAxis *axis)
{
  double amax = MAX (fabs (axis->min), fabs (axis->max));

  if (axis->scale != SP_SCALE_LINEAR || !(amax > 0.0) || !isfinite (amax))
    return 0;
  if (amax >= 1e4 || amax < 1e-2)
    return (int) floor (log10 (amax));
  return 0;
}

double
sp_axis_transform (const SpAxis *axis,
                   double        v)
{
  switch (axis->scale)
    {
    case SP_SCALE_LOG:
      return log10 (v);
    case SP_SCALE_ASINH:
      return asinh (v / axis->linthresh);
    case SP_SCALE_LINEAR:
    default:
      return v;
    }
}

double
sp_axis_untransform (const SpAxis *axis,
                     double        t)
{
  switch (axis->scale)
    {
    case SP_SCALE_LOG:
      return pow (10.0, t);
    case SP_SCALE_ASINH:
      return axis->linthresh * sinh (t);
    case SP_SCALE_LINEAR:
    default:
      return t;
    }
}

double
sp_axis_map (const SpAxis *axis,
             double        v)
{
  double t0 = sp_axis_transform (axis, axis->min);
  double t1 = sp_axis_transform (axis, axis->max);
  double f = (sp_axis_transform (axis, v) - t0) / (t1 - t0);

  return axis->start + f * (axis->end - axis->start);
}

double
sp_axis_unmap (const SpAxis *axis,
               double        u)
{
  double t0 = sp_axis_transform (axis, axis->min);
  double t1 = sp_axis_transform (axis, axis->max);
  double f = (u - axis->start) / (axis->end - axis->start);

  /* On a linear axis interpolate between the ends directly: exact at both. */
  if (axis->scale == SP_SCALE_LINEAR)
    return axis->min + f * (axis->max - axis->min);
  return sp_axis_untransform (axis, t0 + f * (t1 - t0));
}
