/* sp-params.c — the explorer's parameters as GObject properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stddef.h>

#include "sp-presets.h"

#include "sp-params.h"

struct _SpParams
{
  GObject     parent_instance;

  SpModel     model;
  /* The drive (charging the particle): its mode and direction, and the
   * doubles in double_params[] (c_rate the magnitude, ≥ 0). */
  SpDriveParams drive;
  gboolean    drive_charge;
  guint       grid_size;
  double      domain_length;
  char       *preset;
  gboolean    presentation;
  guint64     seed;
  guint       steps_per_frame;
  double      tolerance;
};

G_DEFINE_FINAL_TYPE (SpParams, sp_params, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SpMobility, sp_mobility,
  G_DEFINE_ENUM_VALUE (SP_MOBILITY_SITE_BLOCKING, "site-blocking"),
  G_DEFINE_ENUM_VALUE (SP_MOBILITY_CONSTANT, "constant"))

/* The nicks are sp_drive_mode_to_string()'s. */
G_DEFINE_ENUM_TYPE (SpDriveMode, sp_drive_mode,
  G_DEFINE_ENUM_VALUE (SP_DRIVE_CLOSED, "closed"),
  G_DEFINE_ENUM_VALUE (SP_DRIVE_GALVANOSTATIC, "galvanostatic"),
  G_DEFINE_ENUM_VALUE (SP_DRIVE_POTENTIOSTATIC, "potentiostatic"),
  G_DEFINE_ENUM_VALUE (SP_DRIVE_CYCLE, "cycle"))

const guint sp_params_grid_sizes[SP_PARAMS_N_GRID_SIZES] = { 64, 128, 256, 512 };

enum {
  PROP_0,
  /* The double-valued parameters, in the order of double_params[]. */
  PROP_OMEGA,
  PROP_TEMPERATURE,
  PROP_S1,
  PROP_STIFFNESS,
  PROP_KAPPA,
  PROP_L1,
  PROP_L2,
  PROP_L3,
  PROP_L4,
  PROP_D0,
  PROP_V0,
  PROP_C0,
  PROP_DOMAIN_LENGTH,
  /* The drive's doubles (not bound to GSettings: a new window starts
   * closed; sessions keep them). */
  PROP_C_RATE,
  PROP_K0,
  PROP_ALPHA,
  PROP_DRIVE_VOLTAGE,
  PROP_V_CUTOFF_LO,
  PROP_V_CUTOFF_HI,
  /* The rest. */
  PROP_MOBILITY,
  PROP_GRID_SIZE,
  PROP_PRESET,
  PROP_PRESENTATION,
  PROP_SEED,
  PROP_STEPS_PER_FRAME,
  /* Bound to GSettings on its own (the loop binds the ones before it). */
  PROP_TOLERANCE,
  /* Not bound to GSettings. */
  PROP_DRIVE_MODE,
  PROP_DRIVE_CHARGE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The sliders' ranges: teaching ranges, each inside the core's
 * sp_param_range() (test-params checks it), with the core's open ends
 * (D₀ > 0, 0 < c₀ < 1) kept away from. */
typedef struct
{
  const char *name;
  SpParamId   core;      /* SP_N_PARAMS: not a model parameter */
  double      min, max;
  double      fallback;  /* before a preset or GSettings sets it */
  gsize       offset;    /* of the double inside SpParams */
} DoubleParam;

#define MODEL_OFFSET(field) (G_STRUCT_OFFSET (SpParams, model) + G_STRUCT_OFFSET (SpModel, field))
#define DRIVE_OFFSET(field) (G_STRUCT_OFFSET (SpParams, drive) + G_STRUCT_OFFSET (SpDriveParams, field))

static const DoubleParam double_params[] = {
  { "omega",         SP_PARAM_OMEGA,       -200.0,  500.0, 115.8, MODEL_OFFSET (omega) },
  { "temperature",   SP_PARAM_TEMPERATURE,   50.0, 1500.0, 298.0, MODEL_OFFSET (temperature) },
  { "s1",            SP_PARAM_S1,            -5.0,    5.0,   0.0, MODEL_OFFSET (s1) },
  { "stiffness",     SP_PARAM_STIFFNESS,      0.0,  200.0,  43.4, MODEL_OFFSET (stiffness) },
  { "kappa",         SP_PARAM_KAPPA,          1.0, 1000.0, 227.0, MODEL_OFFSET (kappa) },
  { "l1",            SP_PARAM_RK,          -500.0,  500.0,   0.0, MODEL_OFFSET (rk) + 0 * sizeof (double) },
  { "l2",            SP_PARAM_RK,          -500.0,  500.0,   0.0, MODEL_OFFSET (rk) + 1 * sizeof (double) },
  { "l3",            SP_PARAM_RK,          -500.0,  500.0,   0.0, MODEL_OFFSET (rk) + 2 * sizeof (double) },
  { "l4",            SP_PARAM_RK,          -500.0,  500.0,   0.0, MODEL_OFFSET (rk) + 3 * sizeof (double) },
  { "d0",            SP_PARAM_D0,             0.01,  100.0,  0.53, MODEL_OFFSET (d0) },
  { "v0",            SP_PARAM_V0,            -1.0,    6.0, 3.4654, MODEL_OFFSET (v0) },
  { "c0",            SP_PARAM_C0,             0.01,   0.99,  0.5, MODEL_OFFSET (c0) },
  { "domain-length", SP_N_PARAMS,            16.0, 1024.0, SP_PARAMS_DEFAULT_LENGTH,
    G_STRUCT_OFFSET (SpParams, domain_length) },
  /* The drive: C-rate (1/h, its magnitude; drive-charge gives the sign)
   * from a crawl to far past the rate that suppresses phase separation,
   * the Butler–Volmer exchange rate (1/s) and transfer coefficient, the
   * potentiostat's voltage and the cut-offs (V, around every preset's V₀). */
  { "c-rate",        SP_N_PARAMS,             0.01, 1000.0, 1.0,  DRIVE_OFFSET (c_rate) },
  { "k0",            SP_N_PARAMS,             1e-5,   10.0, 3.62e-3, DRIVE_OFFSET (k0) },
  { "alpha",         SP_N_PARAMS,             0.05,   0.95, 0.5,  DRIVE_OFFSET (alpha) },
  { "drive-voltage", SP_N_PARAMS,            -1.5,    7.5, 3.37, DRIVE_OFFSET (voltage_V) },
  { "v-cutoff-lo",   SP_N_PARAMS,            -1.5,    7.5, 3.0,  DRIVE_OFFSET (v_lo) },
  { "v-cutoff-hi",   SP_N_PARAMS,            -1.5,    7.5, 4.0,  DRIVE_OFFSET (v_hi) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (double_params) == PROP_V_CUTOFF_HI - PROP_OMEGA + 1);

static double *
double_slot (SpParams *self,
             guint     prop_id)
{
  return G_STRUCT_MEMBER_P (self, double_params[prop_id - PROP_OMEGA].offset);
}

static guint
snap_grid_size (guint n)
{
  guint best = sp_params_grid_sizes[0];

  for (guint i = 1; i < SP_PARAMS_N_GRID_SIZES; i++)
    if (abs ((int) sp_params_grid_sizes[i] - (int) n) < abs ((int) best - (int) n))
      best = sp_params_grid_sizes[i];
  return best;
}

static void
set_double (SpParams *self,
            guint     prop_id,
            double    value)
{
  double *slot = double_slot (self, prop_id);

  if (*slot == value)
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Public API ------------------------------------------------------------- */

SpParams *
sp_params_new (void)
{
  return g_object_new (SP_TYPE_PARAMS, NULL);
}

static guint
find_double_prop (const char *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (double_params); i++)
    if (g_str_equal (double_params[i].name, property))
      return PROP_OMEGA + i;
  return 0;
}

void
sp_params_get_range (SpParams   *self,
                     const char *property,
                     double     *min,
                     double     *max)
{
  guint prop_id;

  g_return_if_fail (SP_IS_PARAMS (self));

  prop_id = find_double_prop (property);
  g_return_if_fail (prop_id != 0);

  *min = double_params[prop_id - PROP_OMEGA].min;
  *max = double_params[prop_id - PROP_OMEGA].max;
}

double
sp_params_set_clamped (SpParams   *self,
                       const char *property,
                       double      value)
{
  const DoubleParam *param;
  guint prop_id;

  g_return_val_if_fail (SP_IS_PARAMS (self), NAN);

  prop_id = find_double_prop (property);
  g_return_val_if_fail (prop_id != 0, NAN);

  param = &double_params[prop_id - PROP_OMEGA];
  if (!isnan (value))
    set_double (self, prop_id, CLAMP (value, param->min, param->max));
  return *double_slot (self, prop_id);
}

void
sp_params_set_model (SpParams      *self,
                     const SpModel *model)
{
  SpModel *m = &self->model;
  double values[] = {
    model->omega, model->temperature, model->s1, model->stiffness, model->kappa,
    model->rk[0], model->rk[1], model->rk[2], model->rk[3],
    model->d0, model->v0, model->c0,
  };

  g_return_if_fail (SP_IS_PARAMS (self));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    sp_params_set_clamped (self, double_params[i].name, values[i]);
  if (m->mobility != model->mobility &&
      (model->mobility == SP_MOBILITY_SITE_BLOCKING || model->mobility == SP_MOBILITY_CONSTANT))
    {
      m->mobility = model->mobility;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOBILITY]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
sp_params_to_model (SpParams *self,
                    SpModel  *model)
{
  g_return_if_fail (SP_IS_PARAMS (self));

  *model = self->model;
}

void
sp_params_to_ch_params (SpParams   *self,
                        SpChParams *params)
{
  g_return_if_fail (SP_IS_PARAMS (self));

  sp_ch_params_init_default (params);
  params->model = self->model;
  params->n = self->grid_size;
  params->length = self->domain_length;
  params->seed = self->seed;
  params->tolerance = self->tolerance;
  sp_params_to_drive (self, &params->drive);
  /* At a set current the adaptive step would cross the plateau in a few
   * long steps once the field has settled, and the voltage trace (one
   * point per frame) would have a handful of points: a step moves c̄ by
   * at most SP_PARAMS_DRIVE_STEP_C. */
  if (params->drive.mode == SP_DRIVE_GALVANOSTATIC || params->drive.mode == SP_DRIVE_CYCLE)
    {
      double dt = SP_PARAMS_DRIVE_STEP_C / sp_drive_current_of_c_rate (fabs (params->drive.c_rate));

      if (!(params->dt_max > 0.0) || dt < params->dt_max)
        params->dt_max = dt;
    }
}

void
sp_params_to_drive (SpParams      *self,
                    SpDriveParams *drive)
{
  g_return_if_fail (SP_IS_PARAMS (self));

  *drive = self->drive;
  drive->c_rate = self->drive_charge ? -self->drive.c_rate : self->drive.c_rate;
  /* A cut-off pair the wrong way round (two sliders crossed) is swapped:
   * the engine refuses lo ≥ hi, and the user meant the two limits. */
  if (drive->v_lo > drive->v_hi)
    {
      double t = drive->v_lo;

      drive->v_lo = drive->v_hi;
      drive->v_hi = t;
    }
  else if (drive->v_lo == drive->v_hi)
    drive->v_hi = drive->v_lo + 0.01;
}

void
sp_params_set_drive (SpParams            *self,
                     const SpDriveParams *drive)
{
  g_return_if_fail (SP_IS_PARAMS (self));
  g_return_if_fail (drive != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  /* The c̄ limits have no slider: they come along with the rest. */
  self->drive.c_lo = drive->c_lo;
  self->drive.c_hi = drive->c_hi;
  g_object_set (self,
                "drive-mode", drive->mode,
                "drive-charge", drive->c_rate < 0.0,
                NULL);
  sp_params_set_clamped (self, "c-rate", fabs (drive->c_rate));
  sp_params_set_clamped (self, "k0", drive->k0);
  sp_params_set_clamped (self, "alpha", drive->alpha);
  sp_params_set_clamped (self, "drive-voltage", drive->voltage_V);
  sp_params_set_clamped (self, "v-cutoff-lo", drive->v_lo);
  sp_params_set_clamped (self, "v-cutoff-hi", drive->v_hi);
  g_object_thaw_notify (G_OBJECT (self));
}

SpDriveMode
sp_params_get_drive_mode (SpParams *self)
{
  g_return_val_if_fail (SP_IS_PARAMS (self), SP_DRIVE_CLOSED);
  return self->drive.mode;
}

gboolean
sp_params_load_preset (SpParams   *self,
                       const char *id,
                       GError    **error)
{
  g_autoptr(SpPreset) preset = NULL;

  g_return_val_if_fail (SP_IS_PARAMS (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  preset = sp_presets_lookup (id, error);
  if (preset == NULL)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  sp_params_set_model (self, &preset->model);
  /* The material's reaction, and cut-offs and a set voltage around its
   * V₀ (a preset's plateau lies within a few tenths of a volt of V₀), so
   * that a drive started on any preset runs before it stops. */
  if (preset->has_kinetics)
    {
      sp_params_set_clamped (self, "k0", preset->k0);
      sp_params_set_clamped (self, "alpha", preset->alpha);
    }
  sp_params_set_clamped (self, "v-cutoff-lo", round (10.0 * (preset->model.v0 - 0.5)) / 10.0);
  sp_params_set_clamped (self, "v-cutoff-hi", round (10.0 * (preset->model.v0 + 0.5)) / 10.0);
  sp_params_set_clamped (self, "drive-voltage", round (100.0 * (preset->model.v0 - 0.1)) / 100.0);
  if (g_strcmp0 (self->preset, id) != 0)
    {
      g_free (self->preset);
      self->preset = g_strdup (id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESET]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

gboolean
sp_params_reset_to_preset (SpParams *self,
                           GError  **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (SP_IS_PARAMS (self), FALSE);

  id = g_strdup (self->preset);
  g_object_freeze_notify (G_OBJECT (self));
  /* Back to a state known to run: the step control's default, too. */
  g_object_set (self, "tolerance", 0.0, NULL);
  if (!sp_params_load_preset (self, id, error))
    {
      g_object_thaw_notify (G_OBJECT (self));
      return FALSE;
    }
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

const char *
sp_params_get_preset (SpParams *self)
{
  g_return_val_if_fail (SP_IS_PARAMS (self), NULL);
  return self->preset;
}

gboolean
sp_params_get_presentation (SpParams *self)
{
  g_return_val_if_fail (SP_IS_PARAMS (self), FALSE);
  return self->presentation;
}

guint
sp_params_get_steps_per_frame (SpParams *self)
{
  g_return_val_if_fail (SP_IS_PARAMS (self), 1);
  return self->steps_per_frame;
}

guint64
sp_params_get_seed (SpParams *self)
{
  g_return_val_if_fail (SP_IS_PARAMS (self), 0);
  return self->seed;
}

void
sp_params_bind_settings (SpParams  *self,
                         GSettings *settings)
{
  g_return_if_fail (SP_IS_PARAMS (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  /* Binding reads each key into its property: one "changed" for all. */
  g_object_freeze_notify (G_OBJECT (self));
  for (guint prop_id = PROP_OMEGA; prop_id < PROP_TOLERANCE; prop_id++)
    if (prop_id < PROP_C_RATE || prop_id > PROP_V_CUTOFF_HI)
      g_settings_bind (settings, g_param_spec_get_name (properties[prop_id]),
                     self, g_param_spec_get_name (properties[prop_id]),
                     G_SETTINGS_BIND_DEFAULT);
  /* The window's Precise / Fast choice. */
  g_settings_bind (settings, "tolerance", self, "tolerance", G_SETTINGS_BIND_DEFAULT);
  g_object_thaw_notify (G_OBJECT (self));
}

/* GObject ---------------------------------------------------------------- */

static void
sp_params_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpParams *self = SP_PARAMS (object);

  if (prop_id >= PROP_OMEGA && prop_id <= PROP_V_CUTOFF_HI)
    {
      g_value_set_double (value, *double_slot (self, prop_id));
      return;
    }

  switch (prop_id)
    {
    case PROP_MOBILITY:
      g_value_set_enum (value, self->model.mobility);
      break;
    case PROP_GRID_SIZE:
      g_value_set_uint (value, self->grid_size);
      break;
    case PROP_PRESET:
      g_value_set_string (value, self->preset);
      break;
    case PROP_PRESENTATION:
      g_value_set_boolean (value, self->presentation);
      break;
    case PROP_SEED:
      g_value_set_uint64 (value, self->seed);
      break;
    case PROP_STEPS_PER_FRAME:
      g_value_set_uint (value, self->steps_per_frame);
      break;
    case PROP_TOLERANCE:
      g_value_set_double (value, self->tolerance);
      break;
    case PROP_DRIVE_MODE:
      g_value_set_enum (value, self->drive.mode);
      break;
    case PROP_DRIVE_CHARGE:
      g_value_set_boolean (value, self->drive_charge);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define SET_FIELD(field, prop, getter)                                        \
  G_STMT_START {                                                              \
    if (self->field != getter (value))                                        \
      {                                                                       \
        self->field = getter (value);                                         \
        g_object_notify_by_pspec (object, properties[prop]);                  \
      }                                                                       \
  } G_STMT_END

static void
sp_params_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpParams *self = SP_PARAMS (object);

  if (prop_id >= PROP_OMEGA && prop_id <= PROP_V_CUTOFF_HI)
    {
      /* GObject has already refused values outside the pspec's range. */
      set_double (self, prop_id, g_value_get_double (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_MOBILITY:
      SET_FIELD (model.mobility, PROP_MOBILITY, (SpMobility) g_value_get_enum);
      break;
    case PROP_GRID_SIZE:
      {
        guint n = snap_grid_size (g_value_get_uint (value));

        if (self->grid_size != n)
          {
            self->grid_size = n;
            g_object_notify_by_pspec (object, properties[PROP_GRID_SIZE]);
          }
      }
      break;
    case PROP_PRESET:
      if (g_strcmp0 (self->preset, g_value_get_string (value)) != 0)
        {
          g_free (self->preset);
          self->preset = g_value_dup_string (value);
          g_object_notify_by_pspec (object, properties[PROP_PRESET]);
        }
      break;
    case PROP_PRESENTATION:
      SET_FIELD (presentation, PROP_PRESENTATION, g_value_get_boolean);
      break;
    case PROP_SEED:
      SET_FIELD (seed, PROP_SEED, g_value_get_uint64);
      break;
    case PROP_STEPS_PER_FRAME:
      SET_FIELD (steps_per_frame, PROP_STEPS_PER_FRAME, g_value_get_uint);
      break;
    case PROP_TOLERANCE:
      SET_FIELD (tolerance, PROP_TOLERANCE, g_value_get_double);
      break;
    case PROP_DRIVE_MODE:
      SET_FIELD (drive.mode, PROP_DRIVE_MODE, (SpDriveMode) g_value_get_enum);
      break;
    case PROP_DRIVE_CHARGE:
      SET_FIELD (drive_charge, PROP_DRIVE_CHARGE, g_value_get_boolean);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#undef SET_FIELD

/* A whole batch of notifications (a preset, a GSettings bind) is one
 * "changed": the window recomputes once, not once per property. */
static void
sp_params_dispatch_properties_changed (GObject     *object,
                                       guint        n_pspecs,
                                       GParamSpec **pspecs)
{
  G_OBJECT_CLASS (sp_params_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i] != properties[PROP_PRESENTATION] && pspecs[i] != properties[PROP_PRESET])
      {
        g_signal_emit (object, signals[CHANGED], 0);
        break;
      }
}

static void
sp_params_finalize (GObject *object)
{
  SpParams *self = SP_PARAMS (object);

  g_clear_pointer (&self->preset, g_free);

  G_OBJECT_CLASS (sp_params_parent_class)->finalize (object);
}

static void
sp_params_class_init (SpParamsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = sp_params_get_property;
  object_class->set_property = sp_params_set_property;
  object_class->dispatch_properties_changed = sp_params_dispatch_properties_changed;
  object_class->finalize = sp_params_finalize;

  for (guint i = 0; i < G_N_ELEMENTS (double_params); i++)
    {
      const DoubleParam *p = &double_params[i];

      properties[PROP_OMEGA + i] =
        g_param_spec_double (p->name, NULL, NULL, p->min, p->max, p->fallback, flags);
    }

  properties[PROP_MOBILITY] =
    g_param_spec_enum ("mobility", NULL, NULL,
                       SP_TYPE_MOBILITY, SP_MOBILITY_SITE_BLOCKING, flags);
  properties[PROP_GRID_SIZE] =
    g_param_spec_uint ("grid-size", NULL, NULL,
                       sp_params_grid_sizes[0],
                       sp_params_grid_sizes[SP_PARAMS_N_GRID_SIZES - 1],
                       SP_PARAMS_DEFAULT_GRID, flags);
  properties[PROP_PRESET] =
    g_param_spec_string ("preset", NULL, NULL, SP_PRESET_DEFAULT, flags);
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL, FALSE, flags);
  properties[PROP_SEED] =
    g_param_spec_uint64 ("seed", NULL, NULL, 0, G_MAXUINT64, 1, flags);
  properties[PROP_STEPS_PER_FRAME] =
    g_param_spec_uint ("steps-per-frame", NULL, NULL, 1, 100, 4, flags);
  /* The engine's step tolerance (SpChParams.tolerance; 0: its default). */
  properties[PROP_TOLERANCE] =
    g_param_spec_double ("tolerance", NULL, NULL, 0.0, 0.49, 0.0, flags);
  /* The drive: closed (c̄ fixed, as ever), a set current, a set voltage
   * or cycling; and at a set current whether it charges (extracts
   * lithium) rather than discharges (inserts). */
  properties[PROP_DRIVE_MODE] =
    g_param_spec_enum ("drive-mode", NULL, NULL, SP_TYPE_DRIVE_MODE, SP_DRIVE_CLOSED, flags);
  properties[PROP_DRIVE_CHARGE] =
    g_param_spec_boolean ("drive-charge", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpParams::changed:
   *
   * Once per batch of changes to anything the physics or the simulation
   * uses (not the presentation toggle nor the preset name).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_params_init (SpParams *self)
{
  g_autoptr(SpPreset) preset = sp_presets_lookup (SP_PRESET_DEFAULT, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (double_params); i++)
    *double_slot (self, PROP_OMEGA + i) = double_params[i].fallback;
  self->model.mobility = SP_MOBILITY_SITE_BLOCKING;
  self->grid_size = SP_PARAMS_DEFAULT_GRID;
  self->preset = g_strdup (SP_PRESET_DEFAULT);
  self->seed = 1;
  self->steps_per_frame = 4;
  {
    SpDriveParams defaults;

    /* The engine's c̄ limits; the sliders' values come from the fallbacks
     * above and the preset below. */
    sp_drive_params_init_default (&defaults);
    self->drive.mode = SP_DRIVE_CLOSED;
    self->drive.c_lo = defaults.c_lo;
    self->drive.c_hi = defaults.c_hi;
  }

  /* The preset file is the reference; the fallbacks above only matter if
   * the resource could not be read.  Presets lie inside the ranges. */
  if (preset != NULL)
    {
      self->model = preset->model;
      if (preset->has_kinetics)
        {
          self->drive.k0 = preset->k0;
          self->drive.alpha = preset->alpha;
        }
    }
}
