/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-params-session.h — the explorer's parameters (SpParams) ⇄ a session
 * file's contents (SpSession)
 *
 * A session can hold more than the explorer: the core's full parameter
 * ranges (the sliders' are narrower teaching ranges), any grid from 64 to
 * 1024, PFHub's benchmark problem.  Rather than clamp a value silently, a
 * session the explorer cannot show is refused with a message naming the
 * field, so what the window shows is always exactly what the file says.
 *
 * SpParams does not hold the initial noise amplitude, the time-step limit
 * or the step tolerance (the explorer simulates with the engine's
 * defaults): sp_params_get_session() takes them from a @base session, so a
 * file's values survive a load and a save unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-params.h"
#include "sp-session.h"

G_BEGIN_DECLS

/* TRUE when every value of @session fits the explorer: each slider's
 * range, one of sp_params_grid_sizes, the steps per frame it offers, the
 * material model started from noise.  Otherwise @error (SP_SESSION_ERROR,
 * SP_SESSION_ERROR_INVALID) names the field as the loader does
 * ("session.model.omega: …"). */
gboolean  sp_params_session_check    (SpParams        *self,
                                      const SpSession *session,
                                      GError         **error);

/* Sets every parameter @session holds in one notification batch (one
 * SpParams::changed), after sp_params_session_check(); on failure nothing
 * changes.  A session without a preset leaves SpParams:preset as it is
 * (Reset to Preset needs one to return to). */
gboolean  sp_params_set_session      (SpParams        *self,
                                      const SpSession *session,
                                      GError         **error);

/* Fills @session (uninitialised or cleared) from the parameters, with the
 * noise, dt_max and tolerance of @base (NULL: the engine's defaults) and
 * SpParams:preset as the preset. */
void      sp_params_get_session      (SpParams        *self,
                                      const SpSession *base,
                                      SpSession       *session);

/* TRUE when @session's noise, dt_max or tolerance differ from the
 * defaults the explorer simulates with (they are kept, not used). */
gboolean  sp_params_session_has_own_numerics (const SpSession *session);

G_END_DECLS
