/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-session-private.h — what sp-session.c and sp-session-load.c share */
#pragma once

#include "sp-session.h"

G_BEGIN_DECLS

#define SP_SESSION_PRESET_MAX 64

/* NULL-terminated, indexed by SpMobility, SpChProblem and SpChInit. */
extern const char *const sp_session_mobility_names[];
extern const char *const sp_session_problem_names[];
extern const char *const sp_session_init_names[];
/* Indexed by SpDriveMode (sp_drive_mode_to_string's names). */
extern const char *const sp_session_drive_mode_names[];

extern const SpParamRange sp_session_length_range;
extern const SpParamRange sp_session_noise_range;
extern const SpParamRange sp_session_dt_max_range;
extern const SpParamRange sp_session_tolerance_range;

/* "PATH: must be a number in [a, b] unit, got GOT" (GOT: the value as
 * written in the file, or NULL to print @value). */
gboolean sp_session_check_range   (const char         *path,
                                   const SpParamRange *range,
                                   double              value,
                                   const char         *got,
                                   GError            **error);
gboolean sp_session_check_integer (const char         *path,
                                   gint64              value,
                                   gint64              min,
                                   gint64              max,
                                   GError            **error);
gboolean sp_session_check_preset  (const char         *preset,
                                   GError            **error);
/* A key of "pages": a page name (the preset ids' alphabet and length). */
gboolean sp_session_check_page_name (const char       *name,
                                     GError          **error);

/* Reads a model object into *@m (members it lacks keep their values);
 * errors name the field as "session.SECTION.NAME". */
gboolean sp_session_read_model    (JsonObject         *model,
                                   const char         *section,
                                   SpModel            *m,
                                   GError            **error);
/* Writes @m as a model object (the builder is inside an object, after a
 * member name, or inside an array). */
void     sp_session_add_model     (JsonBuilder        *builder,
                                   const SpModel      *m);
/* Writes @drive as a whole "drive" object, every member (the session
 * writes it only for a mode other than closed; a lesson's @set drive.KEY
 * needs it for any mode). */
void     sp_session_add_drive     (JsonBuilder        *builder,
                                   const SpDriveParams *drive);

/* sp-session-pins.c: the top-level "pins" read and checked into
 * @session (see sp-session.h); NULL and an empty array are equal. */
gboolean sp_session_read_pins     (JsonNode           *pins,
                                   SpSession          *session,
                                   GError            **error);
gboolean sp_session_check_pins    (JsonArray          *pins,
                                   GError            **error);
gboolean sp_session_pins_equal    (JsonArray          *a,
                                   JsonArray          *b);
/* A lesson's source: a name or a path, one line. */
gboolean sp_session_check_lesson  (const char       *lesson,
                                   GError          **error);

G_END_DECLS
