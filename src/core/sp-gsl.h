/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-gsl.h — GSL set up once per program
 *
 * GSL reports errors through a process-global handler that aborts by
 * default.  The core checks every GSL status it gets back, so the handler
 * is turned off once, at start-up, before any thread exists: swapping it
 * around each call would race as soon as a solver runs off the main thread.
 * Every program's main() (the app, the CLI, each test and benchmark) calls
 * sp_gsl_init() first; tests/test-gsl-init.py checks that none forgets.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Turns GSL's error handler off for the whole process.  Call from main()
 * before any thread starts; calling it again is harmless. */
void     sp_gsl_init            (void);

/* TRUE when GSL's error handler is off (for tests: it swaps the handler,
 * so call it only while no other thread uses GSL). */
gboolean sp_gsl_handler_is_off  (void);

G_END_DECLS
