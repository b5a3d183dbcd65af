/* sp-params.h — the explorer's single source of truth for its parameters
 *
 * One GObject property per parameter, each with a range inside the core's
 * sp_param_range(), so that no value the sliders, GSettings or a session can
 * set ever reaches the numerics out of range.  Widgets bind to the
 * properties (g_object_bind_property), GSettings binds to them
 * (sp_params_bind_settings) and the core gets plain structs
 * (sp_params_to_model, sp_params_to_ch_params).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-ch.h"
#include "sp-drive.h"
#include "sp-model.h"

G_BEGIN_DECLS

#define SP_TYPE_MOBILITY (sp_mobility_get_type ())
GType sp_mobility_get_type (void) G_GNUC_CONST;

#define SP_TYPE_DRIVE_MODE (sp_drive_mode_get_type ())
GType sp_drive_mode_get_type (void) G_GNUC_CONST;

#define SP_TYPE_PARAMS (sp_params_get_type ())
G_DECLARE_FINAL_TYPE (SpParams, sp_params, SP, PARAMS, GObject)

/* The grid sizes the explorer offers, smallest first. */
#define SP_PARAMS_N_GRID_SIZES 4
extern const guint sp_params_grid_sizes[SP_PARAMS_N_GRID_SIZES];

/* The explorer's defaults: the LiFePO₄ preset on 256² in a 128 nm box
 * (Δx = 0.5 nm resolves the interfaces; it separates within seconds). */
#define SP_PARAMS_DEFAULT_GRID   256u
#define SP_PARAMS_DEFAULT_LENGTH 128.0

SpParams *sp_params_new            (void);

/* The property's allowed [min, max] (the slider's range). */
void      sp_params_get_range      (SpParams      *self,
                                    const char    *property,
                                    double        *min,
                                    double        *max);
/* Sets a double property, clamping @value into its range (NaN is
 * ignored); returns the value actually set. */
double    sp_params_set_clamped    (SpParams      *self,
                                    const char    *property,
                                    double         value);

/* Every model field, in one notification batch ("changed" fires once). */
void      sp_params_set_model      (SpParams      *self,
                                    const SpModel *model);
void      sp_params_to_model       (SpParams      *self,
                                    SpModel       *model);
/* The most a time step of a run at a set current moves c̄ (the window's
 * dt_max follows the C-rate), so that the voltage trace has a point every
 * few thousandths of c̄. */
#define SP_PARAMS_DRIVE_STEP_C 0.0025

/* The simulation: the model, the grid, the box, the seed and the drive
 * (with dt_max from SP_PARAMS_DRIVE_STEP_C at a set current). */
void      sp_params_to_ch_params   (SpParams      *self,
                                    SpChParams    *params);
/* The drive as the engine takes it: c_rate < 0 when "drive-charge" (the
 * sliders hold its magnitude), cut-offs in order. */
void      sp_params_to_drive       (SpParams      *self,
                                    SpDriveParams *drive);
/* Every drive property from @drive (a session's), in one batch; values
 * outside the sliders' ranges are clamped into them. */
void      sp_params_set_drive      (SpParams      *self,
                                    const SpDriveParams *drive);
SpDriveMode sp_params_get_drive_mode (SpParams    *self);

/* Loads the model of preset @id (with its reaction kinetics k₀ and α,
 * and, for the drive, cut-offs V₀ ∓ 0.5 V and a set voltage V₀ − 0.1 V)
 * and remembers @id; leaves everything untouched and sets @error when
 * there is no such preset. */
gboolean  sp_params_load_preset    (SpParams      *self,
                                    const char    *id,
                                    GError       **error);
/* Reloads the remembered preset's model (and the default step tolerance). */
gboolean  sp_params_reset_to_preset (SpParams     *self,
                                     GError      **error);

const char *sp_params_get_preset   (SpParams      *self);
gboolean  sp_params_get_presentation (SpParams    *self);
guint     sp_params_get_steps_per_frame (SpParams *self);
guint64   sp_params_get_seed       (SpParams      *self);

/* Binds every parameter to the key of the same name in @settings
 * (schema io.github.spinodal.Spinodal). */
void      sp_params_bind_settings  (SpParams      *self,
                                    GSettings     *settings);

G_END_DECLS
