/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-drive-trace.c — the voltage trace of a driven particle */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-drive-trace.h"

#define MIN_CAPACITY 64

SpDriveTrace *
sp_drive_trace_new (void)
{
  return g_new0 (SpDriveTrace, 1);
}

void
sp_drive_trace_free (SpDriveTrace *trace)
{
  if (trace == NULL)
    return;
  g_free (trace->points);
  g_free (trace);
}

SpDriveTrace *
sp_drive_trace_copy (const SpDriveTrace *trace)
{
  SpDriveTrace *copy;

  g_return_val_if_fail (trace != NULL, NULL);

  copy = sp_drive_trace_new ();
  copy->len = trace->len;
  copy->capacity = trace->len;
  if (trace->len > 0)
    copy->points = g_memdup2 (trace->points, trace->len * sizeof (SpDrivePoint));
  return copy;
}

void
sp_drive_trace_clear (SpDriveTrace *trace)
{
  g_return_if_fail (trace != NULL);

  g_clear_pointer (&trace->points, g_free);
  trace->len = 0;
  trace->capacity = 0;
}

gboolean
sp_drive_trace_append (SpDriveTrace       *trace,
                       const SpDrivePoint *point)
{
  g_return_val_if_fail (trace != NULL, FALSE);
  g_return_val_if_fail (point != NULL, FALSE);

  if (!(isfinite (point->time) && isfinite (point->mean_c) && isfinite (point->voltage)))
    return FALSE;

  if (trace->len > 0)
    {
      const SpDrivePoint *last = &trace->points[trace->len - 1];

      /* Time going backwards can only mean a reset: start again here. */
      if (point->time < last->time)
        trace->len = 0;
      else if (point->time == last->time)
        {
          trace->points[trace->len - 1] = *point;
          return TRUE;
        }
    }
  if (trace->len == trace->capacity)
    {
      trace->capacity = MAX (MIN_CAPACITY, 2 * trace->capacity);
      trace->points = g_renew (SpDrivePoint, trace->points, trace->capacity);
    }
  trace->points[trace->len++] = *point;
  return TRUE;
}

gboolean
sp_drive_trace_append_thinned (SpDriveTrace       *trace,
                               const SpDrivePoint *point,
                               double              dc,
                               double              dv)
{
  g_return_val_if_fail (trace != NULL, FALSE);
  g_return_val_if_fail (point != NULL, FALSE);

  if (trace->len >= 2 && isfinite (point->time) && isfinite (point->mean_c) &&
      isfinite (point->voltage) && point->time > trace->points[trace->len - 1].time)
    {
      const SpDrivePoint *kept = &trace->points[trace->len - 2];
      const SpDrivePoint *last = &trace->points[trace->len - 1];

      if (point->direction == last->direction && last->direction == kept->direction &&
          fabs (point->mean_c - kept->mean_c) < dc && fabs (point->voltage - kept->voltage) < dv &&
          point->time <= 1.02 * kept->time)
        {
          trace->points[trace->len - 1] = *point;
          return TRUE;
        }
    }
  return sp_drive_trace_append (trace, point);
}

gboolean
sp_drive_trace_is_driven (const SpDriveTrace *trace)
{
  if (trace == NULL)
    return FALSE;
  for (guint i = 0; i < trace->len; i++)
    if (trace->points[i].direction != 0)
      return TRUE;
  return FALSE;
}

double
sp_phase_fraction_lever (double mean_c,
                         double c_alpha,
                         double c_beta)
{
  if (!(isfinite (mean_c) && isfinite (c_alpha) && isfinite (c_beta) && c_beta > c_alpha))
    return NAN;
  return CLAMP ((mean_c - c_alpha) / (c_beta - c_alpha), 0.0, 1.0);
}

double
sp_phase_fraction_field (const double *field,
                         gsize         n_cells,
                         double        c_alpha,
                         double        c_beta)
{
  double mid = 0.5 * (c_alpha + c_beta);
  gsize rich = 0;

  if (field == NULL || n_cells == 0 ||
      !(isfinite (c_alpha) && isfinite (c_beta) && c_beta > c_alpha))
    return NAN;
  for (gsize i = 0; i < n_cells; i++)
    if (field[i] > mid)
      rich++;
  return (double) rich / (double) n_cells;
}
