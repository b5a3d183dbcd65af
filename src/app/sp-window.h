/* sp-window.h — the main window: a preset chooser and its analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-application.h"

G_BEGIN_DECLS

#define SP_TYPE_WINDOW (sp_window_get_type ())

G_DECLARE_FINAL_TYPE (SpWindow, sp_window, SP, WINDOW, AdwApplicationWindow)

SpWindow   *sp_window_new           (SpApplication *application);
/* The id of the selected preset ("lifepo4"), or NULL when none loaded. */
const char *sp_window_get_preset_id (SpWindow      *self);
/* Selects the preset with @id; returns FALSE when there is none. */
gboolean    sp_window_set_preset_id (SpWindow      *self,
                                     const char    *id);

G_END_DECLS
