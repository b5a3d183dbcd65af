/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch-history.h — the time series a simulation leaves behind
 *
 * F(t), mean c(t) and L(t) of every frame the UI (or the CLI) saw, and the
 * structure factor of the first frame after the last reset, which the S(k,t)
 * figure compares with linear theory.  Plain data, appended on the thread
 * that owns it; copy it to hand it to another thread.
 */
#pragma once

#include <glib.h>

#include "sp-ch-diagnostics.h"

G_BEGIN_DECLS

typedef struct
{
  guint    len;
  double  *time;          /* s (PFHub: its own units)   */
  double  *free_energy;
  double  *mean_c;
  double  *length_scale;  /* nm                         */
  /* S(k, t0) at the first frame appended after a clear. */
  guint    n_bins;
  double  *k0;
  double  *structure0;
  double   time0;
} SpChHistory;

SpChHistory *sp_ch_history_new     (void);
void         sp_ch_history_free    (SpChHistory           *history);
SpChHistory *sp_ch_history_copy    (const SpChHistory     *history);
/* Forgets everything (a reset or a new grid). */
void         sp_ch_history_clear   (SpChHistory           *history);
/* Appends one frame's diagnostics; a time earlier than the last entry
 * means the run was reset, so the history restarts from it. */
void         sp_ch_history_append  (SpChHistory           *history,
                                    const SpChDiagnostics *diag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpChHistory, sp_ch_history_free)

G_END_DECLS
