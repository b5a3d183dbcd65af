/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-rate-sweep.h — the rate sweep's flags and run, shared by
 * `spinodal-cli rate-sweep` and `export --figure rate-sweep` */
#pragma once

#include <glib.h>

#include "sp-rate-sweep.h"

G_BEGIN_DECLS

typedef struct
{
  char *c_rates;   /* --c-rates 0.01,0.1,1,10 */
  char *k0;        /* --k0 K (1/s)            */
  char *alpha;     /* --alpha A               */
} SpCliSweepFlags;

/* Adds --c-rates, --k0 and --alpha to @context's main entries. */
void               sp_cli_sweep_flags_add   (SpCliSweepFlags  *flags,
                                             GOptionContext   *context);
void               sp_cli_sweep_flags_clear (SpCliSweepFlags  *flags);
/* Whether any of them was given. */
gboolean           sp_cli_sweep_flags_given (const SpCliSweepFlags *flags);

/* Applies --k0 and --alpha to @params' drive and runs the sweep at
 * --c-rates (default: the ladder around the estimate), printing progress
 * to stderr every two seconds.  NULL (one line "spinodal-cli @command: …"
 * printed) on a bad flag or a failed run; *@usage says which. */
SpRateSweepResult *sp_cli_sweep_run         (const SpCliSweepFlags *flags,
                                             SpChParams            *params,
                                             const char            *command,
                                             gboolean              *usage);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpCliSweepFlags, sp_cli_sweep_flags_clear)

G_END_DECLS
