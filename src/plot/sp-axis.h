/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-axis.h — axis ranges, scales, nice ticks and the data ↔ user mapping
 *
 * An SpAxis maps a data interval onto a span of user units.  Linear, log10
 * and asinh ("symlog": linear within ±linthresh, logarithmic beyond, for
 * quantities that change sign and span decades) scales share one transform
 * t(v), so mapping and its inverse are exact inverses up to round-off.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SP_SCALE_LINEAR,
  SP_SCALE_LOG,     /* v > 0 */
  SP_SCALE_ASINH,   /* asinh (v / linthresh) */
} SpScale;

typedef struct
{
  double  min, max;     /* data range shown                 */
  SpScale scale;
  double  linthresh;    /* SP_SCALE_ASINH only, > 0         */
  double  start, end;   /* user coordinates of min and max  */
  int     exponent;     /* linear ticks are labelled v / 10^exponent */
  double  tick_step;    /* > 0: linear ticks at multiples of it (two axes
                         * of one unit share a grid); 0: the 1-2-5 rule */
} SpAxis;

#define SP_AXIS_MAX_TICKS 32

typedef struct
{
  guint  n;
  double value[SP_AXIS_MAX_TICKS];
  char  *label[SP_AXIS_MAX_TICKS];   /* owned; UTF-8 */
  gboolean minor_log;                /* log axes: minor ticks at 2…9 × 10^k */
} SpTicks;

/* The power of ten to factor out of a linear axis' tick labels (0 when
 * its values read well as they are). */
int      sp_axis_label_exponent (const SpAxis *axis);

/* The 1-2-5 rule: the smallest step of the form {1, 2, 5} × 10^k that covers
 * [lo, hi] with at most @max_ticks ticks. */
double   sp_ticks_nice_step   (double   lo,
                               double   hi,
                               guint    max_ticks);
/* Widens [*lo, *hi] outward to multiples of the nice step. */
void     sp_ticks_nice_range  (double  *lo,
                               double  *hi,
                               guint    max_ticks);
/* Fills @ticks with the tick values inside the axis' range and their labels
 * (Unicode minus, a shared ×10ⁿ form for very large or small values, powers
 * of ten on log and asinh axes). */
void     sp_ticks_compute     (SpTicks      *ticks,
                               const SpAxis *axis,
                               guint         max_ticks);
void     sp_ticks_clear       (SpTicks      *ticks);
/* A value with the tick's precision, e.g. for read-outs. */
char    *sp_ticks_format      (double        value,
                               double        step);
/* @value to @digits significant digits, as "5963", "0.0123" or "6.2×10⁴"
 * (never C's "6e+04"). */
char    *sp_format_significant (double       value,
                                int          digits);
/* "10⁻³" style powers of ten. */
char    *sp_ticks_format_power (int          exponent);

double   sp_axis_transform    (const SpAxis *axis,
                               double        v);
double   sp_axis_untransform  (const SpAxis *axis,
                               double        t);
/* Data value → user coordinate, and back. */
double   sp_axis_map          (const SpAxis *axis,
                               double        v);
double   sp_axis_unmap        (const SpAxis *axis,
                               double        u);

G_END_DECLS
