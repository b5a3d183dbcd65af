/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-phase-diagram.c — binodal and spinodal branches over a temperature range */

#include "config.h"

#include <math.h>

#include "sp-critical.h"
#include "sp-phase-diagram.h"

#define SP_PHASE_T_STEPS_PER_OCTAVE 8.0

static SpPhaseDiagram *
phase_diagram_new (const SpModel *model)
{
  SpPhaseDiagram *diagram = g_atomic_rc_box_new0 (SpPhaseDiagram);

  diagram->n_critical = sp_critical_points (model, diagram->critical);
  diagram->has_critical = diagram->n_critical > 0;
  if (diagram->has_critical)
    {
      const SpCriticalPoint *top = &diagram->critical[diagram->n_critical - 1];

      diagram->t_c = top->temperature;
      diagram->c_c = top->c;
      diagram->critical_kind = top->kind;
    }
  return diagram;
}

/* Newton's start for the row at @temperature: each gap of the last row
 * carried on along the polynomial through it and up to two rows before
 * with as many gaps (sp_extrapolate()), which saves Newton steps; the last
 * row's own gaps where the carried-on gap would shrink by more than half. */
static const SpEquilibrium *
extrapolate (const SpPhaseRow *last[3],
             guint             n_last,
             double            temperature,
             SpEquilibrium    *guess)
{
  const SpEquilibrium *previous;
  double t[3], ua[3], ub[3];
  guint n = 1;

  if (n_last == 0)
    return NULL;
  previous = &last[0]->eq;
  while (n < n_last && last[n]->eq.n_gaps == previous->n_gaps)
    n++;
  if (n == 1)
    return previous;

  *guess = *previous;
  for (guint g = 0; g < previous->n_gaps; g++)
    {
      const SpGap *p = &previous->gaps[g];

      for (guint i = 0; i < n; i++)
        {
          t[i] = last[i]->temperature;
          ua[i] = last[i]->eq.gaps[g].u_alpha;
          ub[i] = last[i]->eq.gaps[g].u_beta;
        }
      guess->gaps[g].u_alpha = sp_extrapolate (n, t, ua, temperature);
      guess->gaps[g].u_beta = sp_extrapolate (n, t, ub, temperature);
      if (!(guess->gaps[g].u_beta - guess->gaps[g].u_alpha > 0.5 * (p->u_beta - p->u_alpha)))
        return previous;
    }
  return guess;
}

static void
compute_rows (SpPhaseDiagram *diagram,
              const SpModel  *model,
              double          t_min,
              double          t_max,
              guint           n_rows)
{
  SpModel at = *model;
  const SpPhaseRow *last[3] = { NULL };
  guint n_last = 0;
  SpEquilibrium guess;
  SpSpinodalSweep sweep;

  sp_spinodal_sweep_init (&sweep, model);
  diagram->n_rows = n_rows;
  diagram->rows = g_new0 (SpPhaseRow, n_rows);
  diagram->t_min = t_min;
  diagram->t_max = t_max;

  /* From the top down: below an upper critical point the gaps widen
   * smoothly as T falls, so each row is a good Newton start for the next;
   * where a gap vanishes instead (below a lower critical point) the
   * continuation fails and sp_equilibrium_continue_gaps() starts afresh. */
  for (guint i = n_rows; i-- > 0;)
    {
      SpPhaseRow *row = &diagram->rows[i];

      row->temperature = t_min + (t_max - t_min) * i / (n_rows - 1);
      at.temperature = row->temperature;
      row->eq.n_spinodals = sp_spinodal_sweep_find (&sweep, row->temperature, row->eq.spinodals);
      sp_equilibrium_continue_gaps (&at, extrapolate (last, n_last, row->temperature, &guess),
                                    &row->eq);
      last[2] = last[1];
      last[1] = last[0];
      last[0] = row;
      n_last = MIN (n_last + 1, 3);
    }
}

SpPhaseDiagram *
sp_phase_diagram_compute (const SpModel *model,
                          double         t_min,
                          double         t_max,
                          guint          n_rows)
{
  SpPhaseDiagram *diagram;

  g_return_val_if_fail (n_rows >= 2, NULL);
  g_return_val_if_fail (t_min > 0.0 && t_min < t_max, NULL);

  diagram = phase_diagram_new (model);
  compute_rows (diagram, model, t_min, t_max, n_rows);
  return diagram;
}

void
sp_phase_diagram_default_range (const SpPhaseDiagram *diagram,
                                double                temperature,
                                double               *t_min,
                                double               *t_max)
{
  const SpParamRange *range = sp_param_range (SP_PARAM_TEMPERATURE);
  /* The model's own T enters rounded outward to steps of 1/8 octave (9 %):
   * the range, and with it the whole diagram, then stays the same while a
   * slider moves T within a step, so sp_analysis_new_from() can keep it. */
  double top = exp2 (ceil (SP_PHASE_T_STEPS_PER_OCTAVE * log2 (temperature)) /
                     SP_PHASE_T_STEPS_PER_OCTAVE);
  double bottom = exp2 (floor (SP_PHASE_T_STEPS_PER_OCTAVE * log2 (temperature)) /
                        SP_PHASE_T_STEPS_PER_OCTAVE);

  for (guint i = 0; i < diagram->n_critical; i++)
    {
      double t = diagram->critical[i].temperature;

      if (diagram->critical[i].kind == SP_CRITICAL_LOWER)
        t *= 1.5;   /* the dome opens upward: show a good part of it */
      top = MAX (top, t);
      bottom = MIN (bottom, diagram->critical[i].temperature);
    }
  *t_max = MIN (1.1 * top, range->max);
  /* Down to a fifth of the top, and always low enough for the model's own
   * temperature and the lowest critical point to lie inside. */
  *t_min = MAX (MIN (0.2 * *t_max, 0.9 * bottom), range->min);
  if (*t_min >= *t_max)
    *t_min = 0.5 * *t_max;
}

SpPhaseDiagram *
sp_phase_diagram_compute_default (const SpModel *model,
                                  guint          n_rows)
{
  SpPhaseDiagram *diagram;
  double t_min, t_max;

  g_return_val_if_fail (n_rows >= 2, NULL);

  diagram = phase_diagram_new (model);
  sp_phase_diagram_default_range (diagram, model->temperature, &t_min, &t_max);
  compute_rows (diagram, model, t_min, t_max, n_rows);
  return diagram;
}

SpPhaseDiagram *
sp_phase_diagram_with_voltages (const SpPhaseDiagram *diagram,
                                const SpModel        *model)
{
  SpPhaseDiagram *copy = (g_atomic_rc_box_dup) (sizeof *diagram, diagram);

  copy->rows = g_memdup2 (diagram->rows, diagram->n_rows * sizeof *diagram->rows);
  for (guint i = 0; i < copy->n_rows; i++)
    sp_equilibrium_set_voltages (model, &copy->rows[i].eq);
  return copy;
}

SpPhaseDiagram *
sp_phase_diagram_ref (SpPhaseDiagram *diagram)
{
  return g_atomic_rc_box_acquire (diagram);
}

static void
phase_diagram_clear (SpPhaseDiagram *diagram)
{
  g_free (diagram->rows);
}

void
sp_phase_diagram_free (SpPhaseDiagram *diagram)
{
  if (diagram == NULL)
    return;
  g_atomic_rc_box_release_full (diagram, (GDestroyNotify) phase_diagram_clear);
}
