/* sp-bench.h — `spinodal --bench-redraw`: parameter change → all analysis
 * plots redrawn, measured inside the running window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-window.h"

G_BEGIN_DECLS

/* Presents @window at 1920 × 1080, changes Ω @iterations times, prints the
 * recompute and paint times and quits the application. */
void sp_bench_redraw_start (SpWindow *window,
                            guint     iterations);

G_END_DECLS
