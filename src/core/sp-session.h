/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-session.h — a Spinodal session: every parameter, the preset and the
 * simulation settings, saved as a versioned JSON document (.spinodal)
 *
 *   { "format": "spinodal-session", "version": 2,
 *     "preset": "lifepo4",
 *     "model": { "omega": …, "temperature": …, "s1": …, "stiffness": …,
 *                "kappa": …, "rk": [L1, L2, L3, L4], "d0": …, "v0": …,
 *                "c0": …, "mobility": "site-blocking" | "constant" },
 *     "simulation": { "problem": "model" | "pfhub1", "init": "noise" | "pfhub1a",
 *                     "grid": N, "length": nm, "noise": …, "seed": …,
 *                     "dt_max": …, "tolerance": …, "steps_per_frame": …,
 *                     "drive": { "mode": "galvanostatic", "c_rate": 1/h,
 *                                "voltage": V, "k0": 1/s, "alpha": …,
 *                                "v_cutoff_lo": V, "v_cutoff_hi": V,
 *                                "c_lo": …, "c_hi": … } },
 *     "pages": { "PAGE-NAME": { … }, … },
 *     "pins": [ { "label": "K = 0 meV", "model": { …as above… },
 *                 "impedance": { "freq_hz": […], "z_re_ohm": […],
 *                                "z_im_ohm": […] },
 *                 "curves": [ { "figure": "msd", "axes": "", "name": "msd_total_a2",
 *                               "x_name": "t_ps", "points": false,
 *                               "x": […], "y": […] }, … ] }, … ],
 *     "lesson": { "source": "mixing", "step": 3 } }
 *
 * "model" and "simulation" are the Phase Separation lab's parameters (as
 * in version 1); "pages" (version 2) holds the state of every other page
 * that has one, under its page name (the window's pages, sp-lab-page.h).
 * The core checks only that each is an object (the page judges its
 * contents) and keeps them as read, so a page this version does not know
 * survives a load and a save.  Version-1 files load with no pages;
 * files are written as version 2.  "lesson" (optional, still version 2:
 * older files simply have none) is the lesson on show, a shipped lesson's
 * name or a lesson file's path, and its step counted from 1.
 *
 * "drive" (optional, version 2 without a version change) is the reaction
 * that charges the particle (sp-drive.h); it is written only when the
 * drive is not "closed", so a closed-box file reads as it always did, and
 * a file without it has the closed box and the default drive; two closed
 * sessions are equal whatever their (unused) drive numbers.
 *
 * "pins" (optional, version 2 without a version change: older readers
 * ignore an unknown field) holds the pinned comparisons (at most
 * SP_SESSION_MAX_PINS): each a label, the model whose curves it keeps
 * (the analysis is computed again on load) and optionally the impedance
 * curve it kept, as three equally long arrays, and optionally the curves
 * of the other figures it kept ("curves", sp-pin-set.h's SpPinCurve: the
 * figure's id, what its axes held, the CSV names of y and x, points or a
 * line, and two equally long arrays of finite numbers).  Checked on load like the
 * rest ("session.pins[1].model.omega: …"); sealed and shared by copies.
 *
 * Loading is strict about what it knows and lenient about what it doesn't:
 * every known field is type- and range-checked (the ranges of sp-model.h, so
 * a session can hold exactly what the sliders and flags can), unknown fields
 * are ignored (a newer minor revision may add some), missing fields take the
 * defaults, and a newer "version" is refused with a clear message.  Errors
 * name the field as a path, e.g. "session.model.omega: …".
 *
 * A failed load never touches the caller's session: the document is read
 * into a temporary and copied over only once everything has passed.
 */
#pragma once

#include <gio/gio.h>

#include <json-glib/json-glib.h>

#include "sp-ch.h"

G_BEGIN_DECLS

#define SP_SESSION_FORMAT      "spinodal-session"
#define SP_SESSION_VERSION     2
#define SP_SESSION_MIME_TYPE   "application/x-spinodal-session"
#define SP_SESSION_SUFFIX      ".spinodal"
/* Larger files are refused unread, and a session that would be larger is
 * not saved (it could not be opened again).  A session without pins is
 * about 1 KiB; four pins of measured spectra with their curves reach about
 * 2 MiB (sp-pin-set.h's budgets), which the old 1 MiB refused. */
#define SP_SESSION_MAX_BYTES   (16 * 1024 * 1024)
/* Deeper nesting is refused before json-glib sees it: json-glib 1.6 parses
 * recursively and overflows the stack on ~100000 nested arrays. */
#define SP_SESSION_MAX_DEPTH   64

/* The grid sizes and steps per frame a session may ask for (the UI's range). */
#define SP_SESSION_GRID_MIN            64
#define SP_SESSION_GRID_MAX            1024
#define SP_SESSION_STEPS_PER_FRAME_MAX 10000
#define SP_SESSION_STEPS_PER_FRAME_DEFAULT 10

typedef struct
{
  /* The preset id the parameters started from, or NULL.  A file naming a
   * preset this version does not know loads with NULL (the numbers in the
   * file are what count). */
  char       *preset;
  SpChParams  sim;              /* sim.model is the model                          */
  guint       steps_per_frame;  /* accepted steps between two published frames    */
  /* Version 2: page name → that page's state, each an object; sealed
   * (immutable, shared by copies).  NULL: no page has state. */
  JsonObject *pages;
  /* The pinned comparisons, each an object as above; sealed.  NULL: none. */
  JsonArray  *pins;
  /* The lesson on show (a shipped lesson's name or a file's path) and its
   * step, counted from 0; NULL: no lesson. */
  char       *lesson;
  guint       lesson_step;
} SpSession;

#define SP_SESSION_MAX_PINS        4
#define SP_SESSION_PIN_LABEL_MAX   64     /* characters */
#define SP_SESSION_PIN_MAX_POINTS  4096   /* of an impedance curve */
#define SP_SESSION_PIN_MAX_CURVES  32     /* other figures' curves per pin */
#define SP_SESSION_PIN_CURVE_MAX_POINTS 200  /* of one of those */
#define SP_SESSION_PIN_NAME_MAX    48     /* of a figure id, axes or column name */

/* The longest lesson source and the most steps a session may name. */
#define SP_SESSION_LESSON_MAX   4096
#define SP_SESSION_LESSON_STEPS 1000

#define SP_SESSION_ERROR (sp_session_error_quark ())
GQuark      sp_session_error_quark   (void);
typedef enum
{
  SP_SESSION_ERROR_IO,           /* the file could not be read or written      */
  SP_SESSION_ERROR_TOO_LARGE,    /* above SP_SESSION_MAX_BYTES                 */
  SP_SESSION_ERROR_PARSE,        /* empty, not UTF-8, not JSON, too deep       */
  SP_SESSION_ERROR_FORMAT,       /* JSON, but not a Spinodal session           */
  SP_SESSION_ERROR_VERSION,      /* written by a newer major version           */
  SP_SESSION_ERROR_INVALID,      /* a field has the wrong type or range        */
} SpSessionError;

/* The textbook model with the default simulation settings, no preset. */
void        sp_session_init_default  (SpSession       *session);
void        sp_session_clear         (SpSession       *session);
/* A heap session (default values), for code that hands sessions around. */
SpSession  *sp_session_new           (void);
void        sp_session_free          (SpSession       *session);
/* Deep copy; @dest must be cleared or uninitialised. */
void        sp_session_copy          (SpSession       *dest,
                                      const SpSession *src);
gboolean    sp_session_equal         (const SpSession *a,
                                      const SpSession *b);
/* Every field in range (the same checks as loading). */
gboolean    sp_session_validate      (const SpSession *session,
                                      GError         **error);
/* The state of page @name (borrowed), or NULL. */
JsonObject *sp_session_get_page      (const SpSession *session,
                                      const char      *name);
/* Replaces the pages (takes a reference and seals @pages; NULL: none). */
void        sp_session_set_pages     (SpSession       *session,
                                      JsonObject      *pages);

/* Replaces the pins (takes a reference and seals @pins; NULL: none). */
void        sp_session_set_pins      (SpSession       *session,
                                      JsonArray       *pins);
/* One pin as the session holds it (a new object): @label, @model, and an
 * impedance curve of @n points (@n 0: none; the arrays may then be NULL). */
JsonObject *sp_session_pin_new       (const char      *label,
                                      const SpModel   *model,
                                      guint            n,
                                      const double    *freq_hz,
                                      const double    *z_re_ohm,
                                      const double    *z_im_ohm);
/* Appends one of the other figures' curves to @pin (made by
 * sp_session_pin_new()): @figure, @axes, @name and @x_name of letters,
 * digits, '_', '-' and '.' (@axes may be empty), and @n points (1 to
 * SP_SESSION_PIN_CURVE_MAX_POINTS, finite); FALSE (nothing added) when
 * any is not, or @pin holds SP_SESSION_PIN_MAX_CURVES already. */
gboolean    sp_session_pin_add_curve (JsonObject      *pin,
                                      const char      *figure,
                                      const char      *axes,
                                      const char      *name,
                                      const char      *x_name,
                                      gboolean         points,
                                      const double    *x,
                                      const double    *y,
                                      guint            n);
/* How many of those pin @index of @session holds, and curve @k of them:
 * its names (borrowed) and new arrays of *@n points.  FALSE when there is
 * no such curve. */
guint       sp_session_get_pin_n_curves (const SpSession *session,
                                         guint            index);
gboolean    sp_session_get_pin_curve (const SpSession *session,
                                      guint            index,
                                      guint            k,
                                      const char     **figure,
                                      const char     **axes,
                                      const char     **name,
                                      const char     **x_name,
                                      gboolean        *points,
                                      guint           *n,
                                      double         **x,
                                      double         **y);
/* Reads pin @index of @session (which loading has checked): its label
 * (borrowed), its model, and its impedance curve (new arrays, *@n 0 and
 * NULL when it has none).  FALSE when there is no such pin. */
gboolean    sp_session_get_pin       (const SpSession *session,
                                      guint            index,
                                      const char     **label,
                                      SpModel         *model,
                                      guint           *n,
                                      double         **freq_hz,
                                      double         **z_re_ohm,
                                      double         **z_im_ohm);

/* The JSON document (UTF-8, pretty-printed); NULL when @session is invalid. */
char       *sp_session_to_data       (const SpSession *session,
                                      gsize           *length,
                                      GError         **error);
/* Validates, then writes atomically (sp_file_write_atomic). */
gboolean    sp_session_save          (const SpSession *session,
                                      const char      *path,
                                      GError         **error);
/* The same for a GFile (sp_file_write_atomic_gfile). */
gboolean    sp_session_save_file     (const SpSession *session,
                                      GFile           *file,
                                      GCancellable    *cancellable,
                                      GError         **error);

/* On success replaces *@session (clearing its old contents); on failure
 * returns FALSE with @error set and leaves *@session exactly as it was. */
gboolean    sp_session_load_from_data (SpSession      *session,
                                       const char     *data,
                                       gsize           length,
                                       GError        **error);
/* Reads at most SP_SESSION_MAX_BYTES + 1 bytes, then as above.  Blocking:
 * the window calls it from a GTask thread. */
gboolean    sp_session_load_file     (SpSession       *session,
                                      GFile           *file,
                                      GCancellable    *cancellable,
                                      GError         **error);
gboolean    sp_session_load          (SpSession       *session,
                                      const char      *path,
                                      GError         **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpSession, sp_session_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSession, sp_session_free)

G_END_DECLS
