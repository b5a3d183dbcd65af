/* sp-session-actions.h — the window's side of session files, self-contained
 *
 * Everything here works on SpSession values, GFiles and callbacks, never on
 * the window's internals, so the window only has to:
 *
 *   - Open (Ctrl+O):      sp_session_actions_open (), then apply the session
 *                         from sp_session_actions_open_finish () — only on
 *                         success, so a bad file leaves the window untouched;
 *   - Save (Ctrl+S):      sp_session_actions_save () to the current file, or
 *   - Save As:            sp_session_actions_save_as () to a chosen file;
 *   - closing, or opening over unsaved changes:
 *                         sp_session_actions_confirm_discard ();
 *   - drag and drop:      gtk_widget_add_controller (w, sp_session_actions_drop_target_new (…));
 *   - a file from the command line or the file manager:
 *                         sp_session_actions_load () on the GFile.
 *
 * All file I/O is asynchronous (reads in a GTask thread, writes through
 * g_file_replace_contents_bytes_async, which is atomic for local files): the
 * UI never blocks.  GTK 4.8 API only (GtkFileChooserNative; GtkFileDialog is
 * 4.10), libadwaita 1.2 (AdwMessageDialog).
 */
#pragma once

#include <adwaita.h>

#include "sp-session.h"

G_BEGIN_DECLS

/* Reads and validates @file off the main thread. */
void        sp_session_actions_load             (GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* A new session, or NULL with @error (SP_SESSION_ERROR, message naming the field). */
SpSession  *sp_session_actions_load_finish      (GAsyncResult        *result,
                                                 GError             **error);

/* Asks for a .spinodal file, then loads it.  Cancelling the chooser
 * finishes with G_IO_ERROR_CANCELLED (show nothing for it). */
void        sp_session_actions_open             (GtkWindow           *parent,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* The session and, in @file, the file it came from (for later Saves). */
SpSession  *sp_session_actions_open_finish      (GAsyncResult        *result,
                                                 GFile              **file,
                                                 GError             **error);

/* Writes @session (validated first) to @file atomically; @session is
 * serialised before this returns, so the caller may change it at once. */
void        sp_session_actions_save             (const SpSession     *session,
                                                 GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean    sp_session_actions_save_finish      (GAsyncResult        *result,
                                                 GError             **error);

/* Asks where to save (@suggested_name, e.g. "LiFePO₄.spinodal"; the
 * ".spinodal" suffix is added when the name lacks it), then saves. */
void        sp_session_actions_save_as          (GtkWindow           *parent,
                                                 const SpSession     *session,
                                                 const char          *suggested_name,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* The file written, or NULL (G_IO_ERROR_CANCELLED when the chooser was cancelled). */
GFile      *sp_session_actions_save_as_finish   (GAsyncResult        *result,
                                                 GError             **error);

typedef enum
{
  SP_SESSION_DISCARD_CANCEL,   /* keep the window as it is              */
  SP_SESSION_DISCARD_DISCARD,  /* go ahead and lose the changes         */
  SP_SESSION_DISCARD_SAVE,     /* save first (the caller saves), then go */
} SpSessionDiscardResponse;

/* "Save changes to @document_name?" with Cancel / Discard / Save; Escape
 * and closing the dialog mean Cancel.  Unsaved work is never lost silently. */
void        sp_session_actions_confirm_discard  (GtkWindow           *parent,
                                                 const char          *document_name,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
SpSessionDiscardResponse
            sp_session_actions_confirm_discard_finish (GAsyncResult  *result);

/* Shows @error (from load or save) in a dialog headed @heading. */
void        sp_session_actions_show_error       (GtkWindow           *parent,
                                                 const char          *heading,
                                                 const GError        *error);

/* Called for a file dropped on the widget; return TRUE to accept it. */
typedef gboolean (*SpSessionDropFunc) (GFile    *file,
                                       gpointer  user_data);

/* A drop target for GFiles (from a file manager) calling @func; a new
 * reference, which gtk_widget_add_controller() takes over. */
GtkDropTarget *sp_session_actions_drop_target_new (SpSessionDropFunc  func,
                                                   gpointer           user_data,
                                                   GDestroyNotify     destroy);

/* The chooser's filter: *.spinodal and application/x-spinodal-session. */
GtkFileFilter *sp_session_actions_file_filter     (void);

G_END_DECLS
