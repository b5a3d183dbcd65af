/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-drive-options.h — the drive flags of `spinodal-cli simulate` (and
 * of any command that runs the driven engine): --drive, --c-rate, --k0,
 * --alpha, --v-cutoff LO,HI, --voltage, --c-limits LO,HI */
#pragma once

#include <glib.h>

#include "sp-drive.h"

G_BEGIN_DECLS

typedef struct _SpCliDriveOptions SpCliDriveOptions;

SpCliDriveOptions *sp_cli_drive_options_new     (void);
void               sp_cli_drive_options_free    (SpCliDriveOptions *opts);
/* Adds the flags to the context's main entries. */
void               sp_cli_drive_options_add     (SpCliDriveOptions *opts,
                                                 GOptionContext    *context);
/* Fills @drive (defaults, then the flags) and checks it; on a bad flag
 * prints one line "spinodal-cli <command>: …" and returns FALSE.  A
 * kinetic flag without a driven --drive is an error too (it would be
 * silently ignored). */
gboolean           sp_cli_drive_options_resolve (SpCliDriveOptions *opts,
                                                 const char        *command,
                                                 SpDriveParams     *drive);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCliDriveOptions, sp_cli_drive_options_free)

G_END_DECLS
