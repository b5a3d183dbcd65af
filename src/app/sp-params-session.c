/* sp-params-session.c — SpParams ⇄ SpSession
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stddef.h>

#include "sp-params-session.h"

/* Every double SpParams holds, where the session keeps it and what the
 * loader calls it, so a refusal names the field the way the file does. */
typedef struct
{
  const char *property;
  const char *path;
  SpParamId   core;     /* for the unit; SP_N_PARAMS: the box length (nm) */
  gsize       offset;   /* of the double inside SpSession */
} DoubleField;

#define SESSION_OFFSET(member) offsetof (SpSession, member)

static const DoubleField double_fields[] = {
  { "omega",         "session.model.omega",       SP_PARAM_OMEGA,       SESSION_OFFSET (sim.model.omega) },
  { "temperature",   "session.model.temperature", SP_PARAM_TEMPERATURE, SESSION_OFFSET (sim.model.temperature) },
  { "s1",            "session.model.s1",          SP_PARAM_S1,          SESSION_OFFSET (sim.model.s1) },
  { "stiffness",     "session.model.stiffness",   SP_PARAM_STIFFNESS,   SESSION_OFFSET (sim.model.stiffness) },
  { "kappa",         "session.model.kappa",       SP_PARAM_KAPPA,       SESSION_OFFSET (sim.model.kappa) },
  { "l1",            "session.model.rk[0]",       SP_PARAM_RK,          SESSION_OFFSET (sim.model.rk[0]) },
  { "l2",            "session.model.rk[1]",       SP_PARAM_RK,          SESSION_OFFSET (sim.model.rk[1]) },
  { "l3",            "session.model.rk[2]",       SP_PARAM_RK,          SESSION_OFFSET (sim.model.rk[2]) },
  { "l4",            "session.model.rk[3]",       SP_PARAM_RK,          SESSION_OFFSET (sim.model.rk[3]) },
  { "d0",            "session.model.d0",          SP_PARAM_D0,          SESSION_OFFSET (sim.model.d0) },
  { "v0",            "session.model.v0",          SP_PARAM_V0,          SESSION_OFFSET (sim.model.v0) },
  { "c0",            "session.model.c0",          SP_PARAM_C0,          SESSION_OFFSET (sim.model.c0) },
  { "domain-length", "session.simulation.length", SP_N_PARAMS,          SESSION_OFFSET (sim.length) },
};

static double
field_value (const SpSession   *session,
             const DoubleField *field)
{
  return G_STRUCT_MEMBER (double, session, field->offset);
}

static char *
with_unit (double      value,
           SpParamId   core)
{
  const char *unit = core == SP_N_PARAMS ? "nm" : sp_param_range (core)->unit;

  return g_strdup_printf ("%g%s%s", value, *unit != '\0' ? " " : "", unit);
}

static void
uint_range (SpParams   *self,
            const char *property,
            guint      *min,
            guint      *max)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);

  *min = G_PARAM_SPEC_UINT (pspec)->minimum;
  *max = G_PARAM_SPEC_UINT (pspec)->maximum;
}

static gboolean
check_grid (guint    n,
            GError **error)
{
  g_autoptr(GString) sizes = g_string_new (NULL);

  for (guint i = 0; i < SP_PARAMS_N_GRID_SIZES; i++)
    {
      if (sp_params_grid_sizes[i] == n)
        return TRUE;
      g_string_append_printf (sizes, i == 0 ? "%u" : ", %u", sp_params_grid_sizes[i]);
    }
  g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
               /* Translators: the second %s is a list of grid sizes, "64, 128, 256, 512". */
               _("%s: the explorer offers grids of %s points per side, got %u "
                 "(spinodal-cli can run this session)"),
               "session.simulation.grid", sizes->str, n);
  return FALSE;
}

/* The drive's values that its mode uses must lie in the sliders' ranges
 * (the others are clamped into them: they are not in use). */
static gboolean
check_drive (SpParams            *self,
             const SpDriveParams *drive,
             GError             **error)
{
  gboolean current = drive->mode == SP_DRIVE_GALVANOSTATIC || drive->mode == SP_DRIVE_CYCLE;
  const struct {
    const char *property;
    const char *path;
    const char *unit;
    double      value;
    gboolean    used;
  } fields[] = {
    { "c-rate", "session.simulation.drive.c_rate", "C", fabs (drive->c_rate), current },
    { "drive-voltage", "session.simulation.drive.voltage", "V", drive->voltage_V,
      drive->mode == SP_DRIVE_POTENTIOSTATIC },
    { "k0", "session.simulation.drive.k0", "1/s", drive->k0, drive->mode != SP_DRIVE_CLOSED },
    { "alpha", "session.simulation.drive.alpha", "", drive->alpha, drive->mode != SP_DRIVE_CLOSED },
    { "v-cutoff-lo", "session.simulation.drive.v_cutoff_lo", "V", drive->v_lo, current },
    { "v-cutoff-hi", "session.simulation.drive.v_cutoff_hi", "V", drive->v_hi, current },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      double lo, hi;

      if (!fields[i].used)
        continue;
      sp_params_get_range (self, fields[i].property, &lo, &hi);
      if (fields[i].value >= lo && fields[i].value <= hi)
        continue;
      g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
                   /* Translators: e.g. "session.simulation.drive.c_rate: 5000 C is
                    * outside the explorer’s range, 0.01 C to 1000 C (…)". */
                   _("%s: %g %s is outside the explorer’s range, %g %s to %g %s "
                     "(spinodal-cli can run this session)"),
                   fields[i].path, fields[i].value, fields[i].unit, lo, fields[i].unit, hi,
                   fields[i].unit);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_params_session_check (SpParams        *self,
                         const SpSession *session,
                         GError         **error)
{
  guint min, max;

  g_return_val_if_fail (SP_IS_PARAMS (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  /* The core's checks first: a loaded session has passed them already,
   * anything else gets the loader's messages. */
  if (!sp_session_validate (session, error))
    return FALSE;

  if (session->sim.problem != SP_CH_PROBLEM_MODEL)
    {
      g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
                   _("%s: the explorer simulates the material model only "
                     "(spinodal-cli can run this session)"),
                   "session.simulation.problem");
      return FALSE;
    }
  if (session->sim.init != SP_CH_INIT_NOISE)
    {
      g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
                   _("%s: the explorer starts simulations from noise only "
                     "(spinodal-cli can run this session)"),
                   "session.simulation.init");
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (double_fields); i++)
    {
      const DoubleField *field = &double_fields[i];
      double value = field_value (session, field);
      double lo, hi;
      g_autofree char *got = NULL;
      g_autofree char *lo_text = NULL;
      g_autofree char *hi_text = NULL;

      sp_params_get_range (self, field->property, &lo, &hi);
      if (value >= lo && value <= hi)
        continue;
      got = with_unit (value, field->core);
      lo_text = with_unit (lo, field->core);
      hi_text = with_unit (hi, field->core);
      g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
                   _("%s: %s is outside the explorer’s range, %s to %s "
                     "(spinodal-cli can run this session)"),
                   field->path, got, lo_text, hi_text);
      return FALSE;
    }

  if (!check_grid (session->sim.n, error) || !check_drive (self, &session->sim.drive, error))
    return FALSE;

  uint_range (self, "steps-per-frame", &min, &max);
  if (session->steps_per_frame < min || session->steps_per_frame > max)
    {
      g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
                   _("%s: the explorer runs %u to %u steps per frame, got %u"),
                   "session.simulation.steps_per_frame", min, max, session->steps_per_frame);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_params_set_session (SpParams        *self,
                       const SpSession *session,
                       GError         **error)
{
  g_return_val_if_fail (SP_IS_PARAMS (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  if (!sp_params_session_check (self, session, error))
    return FALSE;

  /* One batch: the window recomputes the analysis and the simulation
   * restarts once, not once per field. */
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < G_N_ELEMENTS (double_fields); i++)
    g_object_set (self, double_fields[i].property, field_value (session, &double_fields[i]), NULL);
  g_object_set (self,
                "mobility", session->sim.model.mobility,
                "grid-size", session->sim.n,
                "seed", session->sim.seed,
                "steps-per-frame", session->steps_per_frame,
                NULL);
  if (session->preset != NULL)
    g_object_set (self, "preset", session->preset, NULL);
  /* A closed box keeps the sliders' drive numbers (the material's
   * kinetics): a file does not hold them, and they are not in use. */
  if (session->sim.drive.mode != SP_DRIVE_CLOSED)
    sp_params_set_drive (self, &session->sim.drive);
  else
    g_object_set (self, "drive-mode", SP_DRIVE_CLOSED, NULL);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

void
sp_params_get_session (SpParams        *self,
                       const SpSession *base,
                       SpSession       *session)
{
  SpChParams ch;

  g_return_if_fail (SP_IS_PARAMS (self));
  g_return_if_fail (session != NULL);

  if (base != NULL)
    sp_session_copy (session, base);
  else
    sp_session_init_default (session);
  g_clear_pointer (&session->preset, g_free);

  sp_params_to_ch_params (self, &ch);
  session->sim.problem = SP_CH_PROBLEM_MODEL;
  session->sim.init = SP_CH_INIT_NOISE;
  session->sim.model = ch.model;
  session->sim.n = ch.n;
  session->sim.length = ch.length;
  session->sim.seed = ch.seed;
  session->sim.drive = ch.drive;
  session->steps_per_frame = sp_params_get_steps_per_frame (self);
  session->preset = g_strdup (sp_params_get_preset (self));
}

gboolean
sp_params_session_has_own_numerics (const SpSession *session)
{
  SpChParams defaults;

  g_return_val_if_fail (session != NULL, FALSE);

  sp_ch_params_init_default (&defaults);
  return session->sim.noise != defaults.noise || session->sim.dt_max != defaults.dt_max ||
         session->sim.tolerance != defaults.tolerance;
}
