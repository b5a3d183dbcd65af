/* sp-drive-group.h — the simulation's drive: a selector (closed box,
 * discharge, charge, cycle, hold a voltage) and the sliders the chosen
 * drive uses (C-rate, voltage, k₀, α, cut-offs), bound to SpParams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-params.h"

G_BEGIN_DECLS

#define SP_TYPE_DRIVE_GROUP (sp_drive_group_get_type ())
G_DECLARE_FINAL_TYPE (SpDriveGroup, sp_drive_group, SP, DRIVE_GROUP, AdwPreferencesGroup)

/* The selector's entries, in order. */
typedef enum
{
  SP_DRIVE_CHOICE_CLOSED,
  SP_DRIVE_CHOICE_DISCHARGE,
  SP_DRIVE_CHOICE_CHARGE,
  SP_DRIVE_CHOICE_CYCLE,
  SP_DRIVE_CHOICE_HOLD,
  SP_N_DRIVE_CHOICES
} SpDriveChoice;

/* Choosing a discharge (or a cycle) for a particle at least half full
 * first empties it to this c₀, and a charge of one at most half full
 * fills it to 1 − this: the showpiece is the whole plateau, and a drive
 * that has no room to run shows nothing. */
#define SP_DRIVE_GROUP_START_C 0.02

/* Binds the rows to @params (once). */
void           sp_drive_group_set_params (SpDriveGroup  *self,
                                          SpParams      *params);
/* The selector's entry for a drive mode and direction, and back. */
SpDriveChoice  sp_drive_choice_of        (SpDriveMode    mode,
                                          gboolean       charge);
void           sp_drive_choice_apply     (SpDriveChoice  choice,
                                          SpParams      *params);

G_END_DECLS
