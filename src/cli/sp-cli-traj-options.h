/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-traj-options.h — the trajectory flags `msd` and `qens` share:
 * --trajectory, --species, --timestep-fs, --stride, --format, --unwrap and
 * --cell, checked and turned into SpTrajReadOptions */
#pragma once

#include <glib.h>

#include "sp-traj-read.h"

G_BEGIN_DECLS

typedef struct
{
  char   *path;          /* --trajectory */
  char   *species;
  double  timestep_fs;
  gint    stride;
  char   *format;
  char   *unwrap;
  char   *cell;
} SpCliTrajOptions;

/* Sets the defaults and adds the flags to @context's main group; @opts
 * must outlive the parse. */
void     sp_cli_traj_options_add     (SpCliTrajOptions  *opts,
                                      GOptionContext    *context);

/* Checks the flags given with --trajectory (species, a positive time step,
 * a stride ≥ 1, a known format and unwrapping, 3 or 9 cell numbers) and
 * fills @options.  On a bad flag prints "@command: message" to stderr and
 * returns FALSE. */
gboolean sp_cli_traj_options_resolve (SpCliTrajOptions  *opts,
                                      const char        *command,
                                      SpTrajReadOptions *options);

void     sp_cli_traj_options_clear   (SpCliTrajOptions  *opts);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpCliTrajOptions, sp_cli_traj_options_clear)

G_END_DECLS
