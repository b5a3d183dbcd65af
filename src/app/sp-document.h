/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-document.h — the session the explorer shows: its file, its title,
 * whether it has unsaved changes, and loading and saving it
 *
 * An SpDocument maps one SpParams to a session file (through
 * sp-params-session.c) and knows nothing of windows: a window binds its
 * header's title to SpDocument:title and :subtitle, disables Open and Save
 * while SpDocument:busy, and asks its own questions ("Save changes?", which
 * file) before calling the functions below.
 *
 * Policy for unsaved changes (never lose work silently, never nag):
 *
 *  - Untitled work is not a file: every parameter is bound to GSettings,
 *    so it is still there after a restart.  It counts as modified when it
 *    differs from its preset's own parameters (default grid, box, seed and
 *    speed), a test that gives the same answer after a restart.
 *  - A titled session is modified when the parameters differ from what its
 *    file holds, compared by value, so moving a slider back clears the "•".
 *  - Presentation mode is how the window looks, not part of the session.
 *  - The pages' own state (sp_document_add_page()) is part of it (version
 *    2's "pages"): a page's "state-changed" counts like a slider.  A file
 *    whose state a page refuses does not open (the error names the
 *    field); pages a file does not mention keep their state; pages this
 *    version does not have are kept and saved back
 *    (sp_document_get_unknown_pages() names them for the window to say).
 *
 * All file I/O runs off the main thread (a GTask thread); writes are
 * atomic (sp_file_write_atomic_gfile).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-lab-page.h"
#include "sp-params.h"
#include "sp-session.h"

G_BEGIN_DECLS

#define SP_TYPE_DOCUMENT (sp_document_get_type ())

G_DECLARE_FINAL_TYPE (SpDocument, sp_document, SP, DOCUMENT, GObject)

SpDocument *sp_document_new               (SpParams            *params);

SpParams   *sp_document_get_params        (SpDocument          *self);
/* The session's file (borrowed), or NULL while untitled. */
GFile      *sp_document_get_file          (SpDocument          *self);
/* The file's name as shown ("LiFePO₄.spinodal"), with "• " in front while
 * modified; "" while untitled. */
const char *sp_document_get_title         (SpDocument          *self);
/* The file's folder as shown ("~/Documents"); "" while untitled. */
const char *sp_document_get_subtitle      (SpDocument          *self);
/* Whether the parameters differ from the file (titled) or from their
 * preset (untitled). */
gboolean    sp_document_get_modified      (SpDocument          *self);
/* TRUE while a load or a save runs, or while a caller holds the document
 * (sp_document_hold) for a question or a chooser of its own. */
gboolean    sp_document_get_busy          (SpDocument          *self);
void        sp_document_hold              (SpDocument          *self);
void        sp_document_release           (SpDocument          *self);

/* @file's name for display (a file name need not be UTF-8). */
char       *sp_document_display_name      (GFile               *file);
/* A name for Save As…: the file's, else the preset's, else "Untitled". */
char       *sp_document_suggest_name      (SpDocument          *self);
/* The parameters as a save would write them. */
void        sp_document_get_session       (SpDocument          *self,
                                           SpSession           *session);

/* Reads @file and checks that the explorer can show every value of it
 * (sp_params_session_check), without changing anything: the caller asks
 * about unsaved changes only for a file that will open. */
void        sp_document_read_async        (SpDocument          *self,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* The session read, or NULL with @error (SP_SESSION_ERROR, naming the field
 * or the I/O problem; G_IO_ERROR_CANCELLED if cancelled). */
SpSession  *sp_document_read_finish       (SpDocument          *self,
                                           GAsyncResult        *result,
                                           GError             **error);
/* Shows @session, read from @file: sets the parameters (one notification
 * batch) and makes @file the document's, unmodified.  FALSE, with nothing
 * changed, when the parameters refuse it. */
gboolean    sp_document_apply             (SpDocument          *self,
                                           const SpSession     *session,
                                           GFile               *file,
                                           GError             **error);

/* The page names of the last file shown that no page here has (kept and
 * saved back), NULL-terminated; NULL when there were none. */
const char * const *sp_document_get_unknown_pages (SpDocument *self);

/* The lesson on show (a shipped lesson's name or a file's path; NULL:
 * none) and its step, saved as the session's "lesson"; how far a class
 * got is not unsaved work, so it never marks the document modified. */
void        sp_document_set_lesson        (SpDocument          *self,
                                           const char          *source,
                                           guint                step);
const char *sp_document_get_lesson        (SpDocument          *self,
                                           guint               *step);

/* Adds @page's state to the session (the window adds every page). */
void        sp_document_add_page          (SpDocument          *self,
                                           SpLabPage           *page);

/* The pinned comparisons a save writes (the session's "pins"; borrowed,
 * may be NULL); the window sets them whenever its pins change, and a file
 * shown by sp_document_apply() sets them and emits "pins-loaded".  They
 * count as unsaved changes. */
JsonArray  *sp_document_get_pins          (SpDocument          *self);
void        sp_document_set_pins          (SpDocument          *self,
                                           JsonArray           *pins);

/* Shows the parameters and the pages' states of @session (an undone or
 * redone state) without touching the file, the pins or the undo: one
 * parameter batch, then the pages; "modified" follows.  FALSE, nothing
 * changed, when they refuse it. */
gboolean    sp_document_restore           (SpDocument          *self,
                                           const SpSession     *session,
                                           GError             **error);

/* Read, then apply: opening without a question. */
void        sp_document_load_async        (SpDocument          *self,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    sp_document_load_finish       (SpDocument          *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Writes the parameters to @file (NULL: the document's own file, which
 * must then exist) and makes it the document's file.  The parameters are
 * taken when this is called: a change made while the file is written
 * still counts as unsaved. */
void        sp_document_save_async        (SpDocument          *self,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    sp_document_save_finish       (SpDocument          *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Reads the document's file again and shows it, dropping unsaved changes. */
void        sp_document_revert_async      (SpDocument          *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    sp_document_revert_finish     (SpDocument          *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
