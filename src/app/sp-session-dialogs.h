/* sp-session-dialogs.h — the questions a window asks about session files
 *
 * UI helpers only: which file to open or save to, "Save changes?", a
 * failure, files dropped from a file manager.  Reading and writing are
 * SpDocument's (sp-document.h); the flows that join both are the window's
 * (sp-window-document.c).  GTK 4.8 API only (GtkFileChooserNative;
 * GtkFileDialog is 4.10), libadwaita 1.2 (AdwMessageDialog).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-session.h"

G_BEGIN_DECLS

/* Asks for a .spinodal file to open. */
void        sp_session_dialogs_choose_open      (GtkWindow           *parent,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Asks for a .lesson file to open (sp_session_dialogs_choose_finish). */
void        sp_session_dialogs_choose_lesson    (GtkWindow           *parent,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Asks where to save (@suggested_name, e.g. "LiFePO₄.spinodal"; the
 * ".spinodal" suffix is added to the name shown, and to a chosen name
 * without any suffix). */
void        sp_session_dialogs_choose_save      (GtkWindow           *parent,
                                                 const char          *suggested_name,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* The file chosen, or NULL with G_IO_ERROR_CANCELLED when the chooser was
 * dismissed (show nothing for it). */
GFile      *sp_session_dialogs_choose_finish    (GAsyncResult        *result,
                                                 GError             **error);

typedef enum
{
  SP_SESSION_DISCARD_CANCEL,   /* keep the window as it is              */
  SP_SESSION_DISCARD_DISCARD,  /* go ahead and lose the changes         */
  SP_SESSION_DISCARD_SAVE,     /* save first (the caller saves), then go */
} SpSessionDiscardResponse;

/* "Save changes to @document_name?" with Cancel / Discard / Save; Escape
 * and closing the dialog mean Cancel.  Unsaved work is never lost silently. */
void        sp_session_dialogs_confirm_discard  (GtkWindow           *parent,
                                                 const char          *document_name,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
SpSessionDiscardResponse
            sp_session_dialogs_confirm_discard_finish (GAsyncResult  *result);

/* Shows @error (from load or save) in a dialog headed @heading. */
void        sp_session_dialogs_show_error       (GtkWindow           *parent,
                                                 const char          *heading,
                                                 const GError        *error);

/* Called for a file dropped on the widget; return TRUE to accept it. */
typedef gboolean (*SpSessionDropFunc) (GFile    *file,
                                       gpointer  user_data);

/* A drop target for GFiles (from a file manager) calling @func; a new
 * reference, which gtk_widget_add_controller() takes over. */
GtkDropTarget *sp_session_dialogs_drop_target_new (SpSessionDropFunc  func,
                                                   gpointer           user_data,
                                                   GDestroyNotify     destroy);

/* The chooser's filter: *.spinodal and application/x-spinodal-session. */
GtkFileFilter *sp_session_dialogs_file_filter     (void);

G_END_DECLS
