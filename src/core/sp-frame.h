/* sp-frame.h — one published moment of a Cahn–Hilliard run
 *
 * An immutable, reference-counted snapshot of the field and its
 * diagnostics.  The worker thread publishes them (sp-worker.h); the CLI and
 * the tests build them from an SpCh of their own; the figures, the CSV
 * writer and the recorder only read them, so they include this header and
 * never the thread's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-ch.h"
#include "sp-ch-diagnostics.h"

G_BEGIN_DECLS

/* The state of the run a frame was published in. */
typedef enum
{
  SP_WORKER_PAUSED  = 0,
  SP_WORKER_RUNNING = 1,
  SP_WORKER_FAILED  = 2,   /* stopped by an error; see SpFrame.message.
                               Running resumes by itself with the next
                               parameters or reset that the engine takes. */
} SpWorkerState;

/* Immutable once published. */
typedef struct
{
  guint64          serial;     /* increases with every published frame      */
  SpWorkerState    state;      /* the worker's state when it was published   */
  char            *message;    /* why the run stopped (FAILED), else NULL    */
  char            *note;       /* SP_WORKER_FIT_BOX: the box was changed, and
                                  why (sp_ch_box_fit_note); else NULL        */
  SpChParams       params;     /* the parameters the field was computed with
                                  (the fitted box, if it was fitted)         */
  guint            n;
  double           length;     /* nm (PFHub: its own units)                  */
  double          *field;      /* n × n, row-major, y slowest; never NaN      */
  double           field_min, field_max;
  guint64          rejected;   /* rejected (retried) steps so far             */
  SpChDiagnostics  diag;
  SpDriveState     drive;      /* c̄, V, current, direction, finished, ⟨η⟩
                                  (sp_ch_get_drive_state; zero without a field) */
} SpFrame;

/* A frame of @ch's current field and diagnostics (serial 0), for code that
 * runs an SpCh itself (the CLI export, tests); @ch may be NULL for a frame
 * without a field. */
SpFrame  *sp_frame_new                  (SpCh              *ch,
                                         const SpChParams  *params,
                                         SpWorkerState      state,
                                         const char        *message);
/* Thread-safe: a frame may be released on any thread. */
SpFrame  *sp_frame_ref                  (SpFrame           *frame);
void      sp_frame_unref                (SpFrame           *frame);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpFrame, sp_frame_unref)

G_END_DECLS
