/* sp-window-session-private.h — what sp-window-session.c (the open,
 * save and close flows) and sp-window-session-state.c (the window's
 * session state: title, unsaved changes, busy) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-session.h"
#include "sp-window-session.h"

G_BEGIN_DECLS

/* What follows a "Save changes?" answer or a save. */
typedef enum
{
  SP_SESSION_THEN_NOTHING,
  SP_SESSION_THEN_APPLY,   /* show the pending session */
  SP_SESSION_THEN_CLOSE,   /* close the window         */
} SpSessionThen;

typedef struct
{
  SpWindow       *window;          /* borrowed: the state is the window's data  */
  AdwWindowTitle *file_title;      /* the file's name in the header bar         */
  guint           title_idle;      /* shows or hides it after an allocation     */
  GCancellable   *cancellable;     /* cancelled when the window goes            */
  GFile          *file;            /* NULL while untitled                       */
  SpSession       saved;           /* what @file holds (untitled: the defaults) */
  gboolean        no_preset;       /* @file names no preset, none picked since  */
  SpSession       pristine;        /* untitled: the preset's own parameters     */
  gboolean        modified;
  gboolean        applying;        /* inside sp_params_set_session()            */
  gboolean        busy;
  gboolean        close_pending;
  gboolean        close_confirmed; /* the next close-request goes through       */
  SpSessionThen   then;
  SpSession      *saving;          /* the parameters being written              */
  GFile          *saving_file;
  SpSession      *pending;         /* read, waiting for the answer to show      */
  GFile          *pending_file;
} SpWindowSessionState;

/* Made once by sp_window_session_init(), kept as the window's data (freed
 * with the window, which the callbacks hold a reference to). */
SpWindowSessionState *sp_window_session_state_new        (SpWindow             *self);
SpWindowSessionState *sp_window_session_state            (SpWindow             *self);

char                 *sp_window_session_display_name     (GFile                *file);
/* The parameters as a session, as a save would write them. */
void                  sp_window_session_current          (SpWindowSessionState *state,
                                                          SpSession            *session);
void                  sp_window_session_update_pristine  (SpWindowSessionState *state);
void                  sp_window_session_update_title     (SpWindowSessionState *state);
void                  sp_window_session_update_modified  (SpWindowSessionState *state);
/* Disables the actions while busy; done, carries out a close that came
 * meanwhile (which may destroy the window). */
void                  sp_window_session_set_busy         (SpWindowSessionState *state,
                                                          gboolean              busy);

G_END_DECLS
