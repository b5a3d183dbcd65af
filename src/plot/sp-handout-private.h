/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-handout-private.h — what sp-handout.c and sp-handout-draw.c share */
#pragma once

#include "sp-handout.h"

G_BEGIN_DECLS

typedef struct
{
  SpFigureKind     kind;
  SpAnalysis      *analysis;   /* owned references and copies */
  SpFrame         *frame;
  SpChHistory     *history;
  SpEisFigureData *eis;
  SpHopFigureData *hop;
  gboolean         field_fixed_scale;
} SpHandoutFigure;

typedef struct
{
  char *group, *symbol, *name, *value, *unit;
} SpHandoutRow;

typedef struct
{
  char             *prompt;       /* Pango markup */
  GStrv             choices;      /* markup; empty for a marker question */
  int               right;        /* the right choice's index, −1 for none */
  gboolean          marker;
  SpLessonQuantity  marker_quantity;
  char             *marker_unit;
  char             *answer;       /* markup or NULL */
} SpHandoutQuestion;

typedef struct
{
  char      *title;
  GPtrArray *paragraphs;   /* char * markup */
  GPtrArray *questions;    /* SpHandoutQuestion * */
} SpHandoutStep;

struct _SpHandout
{
  SpHandoutPaper paper;
  char          *title;
  char          *subtitle;
  GPtrArray     *figures;  /* SpHandoutFigure * */
  GPtrArray     *rows;     /* SpHandoutRow * */
  char          *lesson_title;
  char          *lesson_description;
  GPtrArray     *steps;    /* SpHandoutStep *; empty without a lesson */
};

G_END_DECLS
