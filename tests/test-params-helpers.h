/* test-params-helpers.h — every property of an SpParams: a snapshot to
 * compare after a refused change, and a check against a session, shared
 * by test-params-session.c and test-app-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "sp-params.h"
#include "sp-session.h"

/* Every property of an SpParams, to compare after a refused change. */
typedef struct
{
  guint        n;
  GParamSpec **pspecs;
  GValue      *values;
} Snapshot;

static inline Snapshot *
snapshot_new (SpParams *params)
{
  Snapshot *snap = g_new0 (Snapshot, 1);

  snap->pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (params), &snap->n);
  snap->values = g_new0 (GValue, snap->n);
  for (guint i = 0; i < snap->n; i++)
    {
      g_value_init (&snap->values[i], snap->pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (params), snap->pspecs[i]->name, &snap->values[i]);
    }
  return snap;
}

static inline void
snapshot_free (Snapshot *snap)
{
  for (guint i = 0; i < snap->n; i++)
    g_value_unset (&snap->values[i]);
  g_free (snap->values);
  g_free (snap->pspecs);
  g_free (snap);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

/* Bit for bit: doubles by their bytes, the rest by g_param_values_cmp(). */
static inline void
assert_params_equal (SpParams *params,
                     Snapshot *snap,
                     gboolean  with_presentation)
{
  for (guint i = 0; i < snap->n; i++)
    {
      GValue now = G_VALUE_INIT;

      if (!with_presentation && g_str_equal (snap->pspecs[i]->name, "presentation"))
        continue;
      g_value_init (&now, snap->pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (params), snap->pspecs[i]->name, &now);
      if (G_VALUE_HOLDS_DOUBLE (&now))
        {
          double a = g_value_get_double (&now), b = g_value_get_double (&snap->values[i]);

          if (memcmp (&a, &b, sizeof a) != 0)
            g_error ("%s: %.17g, was %.17g", snap->pspecs[i]->name, a, b);
        }
      else if (g_param_values_cmp (snap->pspecs[i], &now, &snap->values[i]) != 0)
        g_error ("%s changed", snap->pspecs[i]->name);
      g_value_unset (&now);
    }
}

/* SpParams shows @session: each property against the struct field, named
 * here by hand rather than through sp-params-session.c's table. */
static inline void
assert_params_show (SpParams        *params,
                    const SpSession *session)
{
  const SpModel *m = &session->sim.model;
  double omega, temperature, s1, stiffness, kappa, l1, l2, l3, l4, d0, v0, c0, length;
  SpMobility mobility;
  guint grid, steps;
  guint64 seed;

  g_object_get (params, "omega", &omega, "temperature", &temperature, "s1", &s1,
                "stiffness", &stiffness, "kappa", &kappa, "l1", &l1, "l2", &l2, "l3", &l3,
                "l4", &l4, "d0", &d0, "v0", &v0, "c0", &c0, "domain-length", &length,
                "mobility", &mobility, "grid-size", &grid, "steps-per-frame", &steps,
                "seed", &seed, NULL);
  g_assert_cmpfloat (omega, ==, m->omega);
  g_assert_cmpfloat (temperature, ==, m->temperature);
  g_assert_cmpfloat (s1, ==, m->s1);
  g_assert_cmpfloat (stiffness, ==, m->stiffness);
  g_assert_cmpfloat (kappa, ==, m->kappa);
  g_assert_cmpfloat (l1, ==, m->rk[0]);
  g_assert_cmpfloat (l2, ==, m->rk[1]);
  g_assert_cmpfloat (l3, ==, m->rk[2]);
  g_assert_cmpfloat (l4, ==, m->rk[3]);
  g_assert_cmpfloat (d0, ==, m->d0);
  g_assert_cmpfloat (v0, ==, m->v0);
  g_assert_cmpfloat (c0, ==, m->c0);
  g_assert_cmpint (mobility, ==, m->mobility);
  g_assert_cmpfloat (length, ==, session->sim.length);
  {
    const SpDriveParams *d = &session->sim.drive;
    double rate, k0, alpha, voltage, v_lo, v_hi;
    gboolean charge;

    g_object_get (params, "c-rate", &rate, "k0", &k0, "alpha", &alpha, "drive-voltage", &voltage,
                  "v-cutoff-lo", &v_lo, "v-cutoff-hi", &v_hi, "drive-charge", &charge, NULL);
    g_assert_cmpint (sp_params_get_drive_mode (params), ==, d->mode);
    /* A closed box leaves the drive's numbers as they were. */
    if (d->mode != SP_DRIVE_CLOSED)
      {
        g_assert_cmpfloat (charge ? -rate : rate, ==, d->c_rate);
        g_assert_cmpfloat (k0, ==, d->k0);
        g_assert_cmpfloat (alpha, ==, d->alpha);
        g_assert_cmpfloat (voltage, ==, d->voltage_V);
        g_assert_cmpfloat (v_lo, ==, d->v_lo);
        g_assert_cmpfloat (v_hi, ==, d->v_hi);
      }
  }
  g_assert_cmpuint (grid, ==, session->sim.n);
  g_assert_cmpuint (steps, ==, session->steps_per_frame);
  g_assert_cmpuint (seed, ==, session->sim.seed);
  if (session->preset != NULL)
    g_assert_cmpstr (sp_params_get_preset (params), ==, session->preset);
}

