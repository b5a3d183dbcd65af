/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-lesson.h — a guided lesson: a title and a sequence of steps, read
 * from a line-oriented, Markdown-like text file a teacher can write in
 * any editor (NAME.lesson; translations NAME.de.lesson, NAME.zh_CN.lesson)
 *
 *   % a comment
 *   # Why an electrode mixes or separates         the title (required, first)
 *   @lab phase-separation                         optional header directives
 *   @description Free energy and the common tangent.
 *
 *   ## The free energy of mixing                  a step begins
 *   @page overview                                overview | simulation | impedance | hopping
 *   @preset textbook                              a preset id
 *   @set omega 100                                a session key (model or simulation,
 *   @set impedance.r_b_ohm 1250                     as in a session file) or PAGE.KEY
 *   @lock omega temperature                       keys whose controls the lesson holds
 *   @highlight free-energy temperature            figures (export ids) or keys
 *   @simulation run                               run | pause | reset
 *   Any other line is text (Pango markup); a blank line ends a paragraph.
 *   @question Below T_c, how many minima does g(c) have?
 *   @choice One                                   choices; the starred one is right
 *   @choice* Two
 *   @marker free-energy binodal-low 0.03          or: drag a marker (figure, quantity,
 *                                                   tolerance in the quantity's unit)
 *   @conceal free-energy readouts                 figures (export ids) veiled, and the
 *                                                   read-outs hidden, until its Check
 *   @answer The physics… (continues on the following lines up to a blank line)
 *
 * While a question is open nothing on screen may give its answer away: a
 * marker question's quantity is hidden on every figure and read-out by
 * itself; a choice question whose answer a figure shows names that figure
 * in @conceal, and the figure draws a veil until the reveal.
 *
 * What the core can judge it judges while parsing, with errors naming the
 * file and line ("mixing.lesson:14: …"): the directives, the page names,
 * the model and simulation keys and their values (the ranges of a session
 * file), the quantities, the questions' shape.  Figure names and Pango
 * markup are judged by sp_lesson_check() (src/plot/sp-lesson-check.h),
 * which every loader outside the core calls; PAGE.KEY settings are judged
 * by the page when a step is applied (its check_state()).
 *
 * The shipped lessons live in the GResource /io/github/spinodal/Spinodal/lessons/.
 */
#pragma once

#include <gio/gio.h>

#include "sp-analysis.h"
#include "sp-session.h"

G_BEGIN_DECLS

#define SP_LESSON_SUFFIX        ".lesson"
#define SP_LESSON_RESOURCE_PATH "/io/github/spinodal/Spinodal/lessons"
/* In the resource beside the lessons: their teaching order, one name a
 * line ("%" begins a comment). */
#define SP_LESSON_ORDER_FILE    "lessons.order"
/* Larger files are refused unread: a real lesson is a few KiB. */
#define SP_LESSON_MAX_BYTES     (256 * 1024)
/* In @conceal, beside the figures: the read-outs of the parameter panel
 * and the simulation bar. */
#define SP_LESSON_CONCEAL_READOUTS "readouts"

#define SP_LESSON_ERROR (sp_lesson_error_quark ())
GQuark sp_lesson_error_quark (void);
typedef enum
{
  SP_LESSON_ERROR_IO,         /* the file could not be read                 */
  SP_LESSON_ERROR_NOT_FOUND,  /* no shipped lesson of that name              */
  SP_LESSON_ERROR_PARSE,      /* a line the format does not allow            */
  SP_LESSON_ERROR_INVALID,    /* a name or value the app does not know       */
} SpLessonError;

typedef enum
{
  SP_LESSON_SIMULATION_NONE,  /* leave the simulation as it is */
  SP_LESSON_SIMULATION_RUN,
  SP_LESSON_SIMULATION_PAUSE,
  SP_LESSON_SIMULATION_RESET,
} SpLessonSimulation;

/* What a marker question asks for, computed from the current analysis. */
typedef enum
{
  SP_LESSON_QUANTITY_BINODAL_LOW,          /* c, the first gap's c_α             */
  SP_LESSON_QUANTITY_BINODAL_HIGH,         /* c, the first gap's c_β             */
  SP_LESSON_QUANTITY_SPINODAL_LOW,         /* c, the first spinodal's lower end  */
  SP_LESSON_QUANTITY_SPINODAL_HIGH,        /* c, its upper end                   */
  SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE, /* K                                  */
  SP_LESSON_QUANTITY_PLATEAU_VOLTAGE,      /* V, the first gap's plateau         */
  SP_LESSON_QUANTITY_FASTEST_WAVELENGTH,   /* nm, λ* at c0                       */
  SP_LESSON_N_QUANTITIES
} SpLessonQuantity;

typedef enum
{
  SP_LESSON_QUESTION_CHOICE,
  SP_LESSON_QUESTION_MARKER,
} SpLessonQuestionKind;

typedef struct
{
  char     *text;      /* Pango markup */
  gboolean  correct;   /* written as @choice* */
  guint     line;
} SpLessonChoice;

typedef struct
{
  SpLessonQuestionKind kind;
  guint             line;        /* of its @question */
  char             *prompt;      /* Pango markup */
  GPtrArray        *choices;     /* SpLessonChoice *; empty for a marker */
  /* A marker question's figure (an export id), quantity and tolerance. */
  char             *marker_figure;
  SpLessonQuantity  marker_quantity;
  double            marker_tolerance;
  guint             marker_line;   /* of its @marker */
  char             *answer;      /* Pango markup; NULL when none was written */
  guint             answer_line;
  /* Figures (export ids, judged by sp_lesson_check()) veiled until the
   * reveal, and SP_LESSON_CONCEAL_READOUTS; empty: none. */
  GStrv             conceal;
  guint             conceal_line;
} SpLessonQuestion;

typedef struct
{
  char       *key;     /* "omega", "grid" or "impedance.r_b_ohm" */
  char       *value;   /* as written */
  guint       line;
} SpLessonSetting;

typedef struct
{
  char              *title;       /* the "## " line, markup-free text */
  guint              line;        /* of its "## " line */
  char              *page;        /* NULL: stay on the page on show */
  guint              page_line;
  char              *preset;      /* NULL: keep the parameters */
  GPtrArray         *settings;    /* SpLessonSetting *, in file order */
  GStrv              locks;       /* keys; empty: none */
  guint              locks_line;
  GStrv              highlights;  /* figure ids and keys; empty: none */
  guint              highlights_line;
  SpLessonSimulation simulation;
  GPtrArray         *paragraphs;  /* char *, Pango markup; at least one */
  GArray            *paragraph_lines;  /* guint: each paragraph's first line */
  GPtrArray         *questions;   /* SpLessonQuestion *, in file order */
} SpLessonStep;

typedef struct
{
  char      *filename;     /* the base name errors are reported against */
  char      *title;
  char      *lab;          /* NULL when no @lab was written */
  char      *description;  /* NULL when none */
  GPtrArray *steps;        /* SpLessonStep *; at least one */
} SpLesson;

/* Parses @data (UTF-8); @filename names it in the errors.  NULL with
 * SP_LESSON_ERROR_PARSE or _INVALID and a "FILE:LINE: …" message. */
SpLesson   *sp_lesson_parse          (const char   *data,
                                      gssize        length,
                                      const char   *filename,
                                      GError      **error);
/* Reads at most SP_LESSON_MAX_BYTES, then parses.  Blocking. */
SpLesson   *sp_lesson_load_file      (GFile        *file,
                                      GCancellable *cancellable,
                                      GError      **error);
/* A shipped lesson by name: the first of NAME.LANG.lesson for LANG in
 * @languages (NULL: g_get_language_names()), else NAME.lesson. */
SpLesson   *sp_lesson_load_shipped   (const char   *name,
                                      const char *const *languages,
                                      GError      **error);
/* @name_or_path: a file when it names an existing file or ends in
 * ".lesson", else a shipped lesson's name. */
SpLesson   *sp_lesson_open           (const char   *name_or_path,
                                      GError      **error);
/* The shipped lessons' names (untranslated files only) in teaching order:
 * as SP_LESSON_ORDER_FILE lists them, then any it does not list, sorted. */
GStrv       sp_lesson_list_shipped   (void);
/* The names SP_LESSON_ORDER_FILE lists, as written (comments and blank
 * lines left out); empty when the resource has none. */
GStrv       sp_lesson_list_shipped_order (void);
/* Every shipped file's name (NAME.lesson, NAME.LANG.lesson), sorted. */
GStrv       sp_lesson_list_shipped_files (void);
void        sp_lesson_free           (SpLesson     *lesson);

/* The name a lesson has in a session and on the command line: the file
 * name without the language and ".lesson" ("mixing.de.lesson" → "mixing"). */
char       *sp_lesson_name_from_filename (const char *filename);

/* Whether @key is a model or simulation key (as in a session file). */
gboolean    sp_lesson_key_is_session (const char   *key);
/* Splits "PAGE.KEY" (KEY may be a path "explore.r_b_ohm"; a single word
 * names a member of the page's state or, when it has none of that name,
 * the one member of that name in its objects); FALSE for a session key or
 * a malformed one. */
gboolean    sp_lesson_key_split_page (const char   *key,
                                      char        **page,
                                      char        **page_key);
/* The JSON value of a setting as written: true/false, an integer, a
 * number, else a string. */
JsonNode   *sp_lesson_value_to_node  (const char   *value);
/* Sets @key (a session key) to @value in @session: through the session
 * file's own checks, so every range and name is enforced; on an error
 * ("omega: must be …") @session is unchanged. */
gboolean    sp_lesson_apply_session_setting (SpSession  *session,
                                             const char *key,
                                             const char *value,
                                             GError    **error);

const char *sp_lesson_quantity_to_id   (SpLessonQuantity quantity);
gboolean    sp_lesson_quantity_from_id (const char      *id,
                                        SpLessonQuantity *quantity);
/* Its unit for display ("", "K", "V", "nm"). */
const char *sp_lesson_quantity_unit    (SpLessonQuantity quantity);
/* The quantity in @analysis; FALSE with a message when it does not exist
 * there (no gap, no spinodal at c0, …). */
gboolean    sp_lesson_quantity_value   (SpLessonQuantity  quantity,
                                        const SpAnalysis *analysis,
                                        double           *value,
                                        GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpLesson, sp_lesson_free)

G_END_DECLS
