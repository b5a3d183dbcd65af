/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-runner.h — runs spinodal-cli as a user would, for the CLI tests
 *
 * The binary's path is the test program's first argument (meson passes
 * spinodal_cli.full_path ()); cli_runner_init() takes it out before GTest
 * sees the arguments.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

void     run_clear           (Run *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Call first in main(); exits with a usage message when the path is missing. */
void     cli_runner_init     (int    *argc,
                              char ***argv);

/* Runs the CLI with @args (NULL-terminated, without the program), no shell,
 * in the C locale so that messages are the untranslated ones. */
void     run_cli             (const char *const *args,
                              Run               *run);

/* run_cli(), and fails the test unless the CLI exits 0 with nothing on
 * standard error. */
void     run_cli_ok          (const char *const *args,
                              Run               *run);

/* run_cli(), and fails the test unless the CLI exits 2 (usage) with nothing
 * on standard output and a message on standard error that starts with
 * @prefix and contains @fragment. */
void     run_cli_expect_usage (const char *const *args,
                               const char        *prefix,
                               const char        *fragment);

gboolean contains_nan_or_inf (const char *text);

G_END_DECLS
