/* sp-window-session.h — session files in the window: Open…, Save, Save
 * As…, the title, unsaved changes, drag and drop
 *
 * sp_window_session_init() adds win.open, win.save and win.save-as (the
 * application sets Ctrl+O, Ctrl+S and Ctrl+Shift+S), a drop target for
 * files, the close-request check and the title.  The functions below are
 * what a dropped file, the command line and the tests use; the tests save
 * through sp_window_session_save_to_file(), which skips the chooser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-window.h"

G_BEGIN_DECLS

/* Called once from the window's init, after its template. */
void      sp_window_session_init          (SpWindow *self);

/* Reads @file off the main thread, asks "Save changes?" when the
 * parameters have unsaved changes, then shows it; a file that cannot be
 * opened is reported in a dialog naming the field, and the window stays
 * as it was. */
void      sp_window_session_open_file     (SpWindow *self,
                                           GFile    *file);
/* Writes the parameters to @file and makes it the session's file: Save
 * As… without the chooser.  Failures are reported in a dialog. */
void      sp_window_session_save_to_file  (SpWindow *self,
                                           GFile    *file);

/* The session's file (borrowed), or NULL while untitled. */
GFile    *sp_window_session_get_file      (SpWindow *self);
/* Whether the parameters differ from the file (titled) or from their
 * preset (untitled). */
gboolean  sp_window_session_get_modified  (SpWindow *self);
/* TRUE while a question, a load or a save is under way. */
gboolean  sp_window_session_get_busy      (SpWindow *self);

G_END_DECLS
