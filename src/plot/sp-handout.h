/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-handout.h — a printable handout: one PDF with the current figures in
 * the light print style, the parameter table with units, the active
 * lesson's text and its questions (choices to tick, lines to write on),
 * and the answers on the last page
 *
 * An SpHandout owns everything it prints (references on the analysis and
 * the frame, copies of the history, the impedance data and the lesson's
 * text), so it can be built on the main thread and rendered on a worker
 * thread while the window goes on.  Rendering is pure Cairo (a PDF
 * surface writing into memory) with Pango for the text, and
 * sp_figure_draw() for the figures: the same pixels as the window.
 *
 * Pages, in order: the title with the parameter table, the figures (two a
 * page), the lesson's steps with their questions, and, when the lesson
 * asks anything, the answers starting on a page of their own at the end.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "sp-eis-ceramic.h"
#include "sp-figure.h"
#include "sp-lesson.h"
#include "sp-model.h"

G_BEGIN_DECLS

typedef enum
{
  SP_HANDOUT_PAPER_A4,
  SP_HANDOUT_PAPER_LETTER,
} SpHandoutPaper;

typedef struct _SpHandout SpHandout;

/* "a4", "letter" (case-insensitive). */
gboolean    sp_handout_paper_from_id  (const char      *id,
                                       SpHandoutPaper  *paper);
const char *sp_handout_paper_to_id    (SpHandoutPaper   paper);
/* The page in points (1/72 in): A4 595.28 × 841.89, Letter 612 × 792. */
void        sp_handout_paper_size     (SpHandoutPaper   paper,
                                       double          *width,
                                       double          *height);
/* The paper the user's locale prints on: Letter in the United States and
 * Canada (LC_PAPER / LANG), else A4. */
SpHandoutPaper sp_handout_paper_default (void);

SpHandout  *sp_handout_new            (SpHandoutPaper   paper);
void        sp_handout_free           (SpHandout       *handout);

SpHandoutPaper sp_handout_get_paper   (const SpHandout *handout);
/* The title on the first page and in the PDF's metadata (plain text);
 * default: the lesson's title, else "Spinodal". */
void        sp_handout_set_title      (SpHandout       *handout,
                                       const char      *title);
/* A line under the title (plain text), e.g. the material preset. */
void        sp_handout_set_subtitle   (SpHandout       *handout,
                                       const char      *subtitle);

/* Adds @kind as drawn from @data (references taken, the history and the
 * impedance data copied; the caption and the cursors are not printed). */
void        sp_handout_add_figure     (SpHandout          *handout,
                                       SpFigureKind        kind,
                                       const SpFigureData *data);
guint       sp_handout_get_n_figures  (const SpHandout    *handout);

/* One row of the parameter table: @symbol and @unit are Pango markup
 * ("Ω", "meV"; @unit "" for none), @name plain text, @value already
 * formatted.  Rows are printed under their @group's heading, groups in
 * the order first added. */
void        sp_handout_add_parameter  (SpHandout       *handout,
                                       const char      *group,
                                       const char      *symbol,
                                       const char      *name,
                                       const char      *value,
                                       const char      *unit);
/* The phase-separation model's parameters (Ω, T, s₁, K, L₁…L₄ when not
 * zero, κ, D₀, V₀, c₀, the mobility) with their units. */
void        sp_handout_add_model_parameters   (SpHandout          *handout,
                                               const SpModel      *model);
/* The impedance explore model's parameters with their units. */
void        sp_handout_add_ceramic_parameters (SpHandout          *handout,
                                               const SpEisCeramic *model);
/* A page's state (session.pages.NAME) as rows: every number, string and
 * boolean member by its key, the unit read from the key's suffix
 * ("barrier_ev" → eV, "temperature_k" → K); objects, arrays and nulls
 * are skipped.  @state NULL: nothing. */
void        sp_handout_add_state_parameters   (SpHandout          *handout,
                                               const char         *group,
                                               JsonObject         *state);
guint       sp_handout_get_n_parameters (const SpHandout *handout);

/* Copies the lesson's title, description, steps, questions and answers
 * (NULL: none). */
void        sp_handout_set_lesson     (SpHandout       *handout,
                                       const SpLesson  *lesson);

/* The PDF's bytes and its number of pages (@n_pages may be NULL). */
GBytes     *sp_handout_render         (const SpHandout *handout,
                                       guint           *n_pages,
                                       GError         **error);
/* Renders, then writes @path atomically (sp_file_write_atomic): a failure
 * leaves no file, or the old one untouched.  The message names @path. */
gboolean    sp_handout_write          (const SpHandout *handout,
                                       const char      *path,
                                       GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpHandout, sp_handout_free)

G_END_DECLS
