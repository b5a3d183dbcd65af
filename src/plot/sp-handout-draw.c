/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-handout-draw.c — the handout's pages on a Cairo PDF surface
 *
 * A small flow layout: a cursor runs down the page; a block that does not
 * fit on what is left of the page starts the next one.  Text is Pango
 * markup (the lessons' own), in the figures' font, so formulas with
 * <sub>/<sup> and Unicode read the same as in the window.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "sp-file.h"
#include "sp-handout-private.h"
#include "sp-plot-style.h"

#define MARGIN        54.0   /* points: 3/4 in */
#define FOOTER        24.0   /* room kept for the page number */
#define BODY_PT       10.5
#define SMALL_PT       9.0
#define HEADING_PT    14.0
#define TITLE_PT      21.0
/* The figures are drawn at a logical size this much larger than their
 * place on the page and scaled down, so their text lands near 9 pt. */
#define FIGURE_ZOOM    1.45
#define FIGURE_ASPECT  0.6   /* height / width */

typedef struct
{
  cairo_t     *cr;
  SpPlotStyle  style;        /* light print style */
  const char  *footer;       /* plain text */
  double       width, height;
  double       y;            /* the cursor, points from the top */
  guint        page;         /* 1-based; 0 before the first */
} Pager;

static double
content_width (const Pager *p)
{
  return p->width - 2 * MARGIN;
}

static double
bottom (const Pager *p)
{
  return p->height - MARGIN - FOOTER;
}

static PangoLayout *
make_layout (Pager      *p,
             const char *markup,
             double      size_pt,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (p->cr);
  PangoFontDescription *font = pango_font_description_from_string (p->style.font_family);

  pango_font_description_set_size (font, (int) (size_pt * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* The lessons' markup was checked when they were loaded; anything else
   * (a parameter's name) is escaped by whoever made it. */
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
draw_footer (Pager *p)
{
  g_autofree char *escaped = g_markup_escape_text (p->footer, -1);
  /* Translators: the handout's footer: the document's title and the page number. */
  g_autofree char *text = g_strdup_printf (_("%s · page %u"), escaped, p->page);
  PangoLayout *layout = make_layout (p, text, 8.0, FALSE, content_width (p));

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (p->cr, 0.4, 0.4, 0.4);
  cairo_move_to (p->cr, MARGIN, p->height - MARGIN);
  pango_cairo_show_layout (p->cr, layout);
  g_object_unref (layout);
}

static void
new_page (Pager *p)
{
  if (p->page > 0)
    {
      draw_footer (p);
      cairo_show_page (p->cr);
    }
  p->page++;
  p->y = MARGIN;
}

/* Room for @height below the cursor, on a new page when this one is full
 * (a block taller than a page goes on a fresh page and runs over). */
static void
ensure (Pager  *p,
        double  height)
{
  if (p->y + height > bottom (p) && p->y > MARGIN)
    new_page (p);
}

static void
set_foreground (Pager *p)
{
  cairo_set_source_rgba (p->cr, p->style.foreground.red, p->style.foreground.green,
                         p->style.foreground.blue, p->style.foreground.alpha);
}

/* A paragraph at @indent; the cursor moves below it plus @after. */
static void
text_block (Pager      *p,
            const char *markup,
            double      size_pt,
            gboolean    bold,
            double      indent,
            double      after)
{
  PangoLayout *layout = make_layout (p, markup, size_pt, bold, content_width (p) - indent);
  double h = layout_height (layout);

  ensure (p, h);
  set_foreground (p);
  cairo_move_to (p->cr, MARGIN + indent, p->y);
  pango_cairo_show_layout (p->cr, layout);
  g_object_unref (layout);
  p->y += h + after;
}

static void
rule (Pager  *p,
      double  x0,
      double  x1,
      double  y,
      double  grey)
{
  cairo_set_source_rgb (p->cr, grey, grey, grey);
  cairo_set_line_width (p->cr, 0.5);
  cairo_move_to (p->cr, x0, y);
  cairo_line_to (p->cr, x1, y);
  cairo_stroke (p->cr);
}

/* Title page ---------------------------------------------------------------- */

static void
draw_title (Pager           *p,
            const SpHandout *h)
{
  g_autofree char *title = g_markup_escape_text (p->footer, -1);

  text_block (p, title, TITLE_PT, TRUE, 0, 4);
  if (h->subtitle != NULL)
    {
      g_autofree char *sub = g_markup_escape_text (h->subtitle, -1);

      text_block (p, sub, BODY_PT + 1, FALSE, 0, 2);
    }
  if (h->lesson_description != NULL)
    text_block (p, h->lesson_description, BODY_PT + 1, FALSE, 0, 2);
  p->y += 4;
  rule (p, MARGIN, p->width - MARGIN, p->y, 0.3);
  p->y += 12;
  /* Translators: on the handout, a line for the student's name and the date. */
  text_block (p, _("Name: ______________________________    Date: ______________"),
              BODY_PT, FALSE, 0, 16);
}

/* Parameter table ----------------------------------------------------------- */

/* A cell of the parameter table; @right: a value, right-aligned and never
 * wrapped (a value broken over two lines misreads). */
static void
table_cell (Pager      *p,
            const char *markup,
            double      x,
            double      width,
            gboolean    right,
            double     *height)
{
  PangoLayout *layout = make_layout (p, markup, SMALL_PT + 0.5, FALSE, width);

  if (right)
    {
      int w, h;

      pango_layout_set_width (layout, -1);
      pango_layout_get_size (layout, &w, &h);
      x += width - (double) w / PANGO_SCALE;
    }
  set_foreground (p);
  cairo_move_to (p->cr, x, p->y);
  pango_cairo_show_layout (p->cr, layout);
  *height = MAX (*height, layout_height (layout));
  g_object_unref (layout);
}

static void
draw_parameters (Pager           *p,
                 const SpHandout *h)
{
  double w = content_width (p);
  /* Symbol, name, value, unit. */
  const double col_x[4] = { 0, 0.27 * w, 0.62 * w, 0.86 * w };
  const double col_w[4] = { 0.26 * w, 0.34 * w, 0.22 * w, 0.14 * w };
  const char *group = NULL;

  if (h->rows->len == 0)
    return;
  text_block (p, _("Parameters"), HEADING_PT, TRUE, 0, 6);
  for (guint i = 0; i < h->rows->len; i++)
    {
      const SpHandoutRow *row = g_ptr_array_index (h->rows, i);
      g_autofree char *name = g_markup_escape_text (row->name, -1);
      g_autofree char *value = g_markup_escape_text (row->value, -1);
      double height = 0;

      if (g_strcmp0 (group, row->group) != 0)
        {
          g_autofree char *heading = g_markup_printf_escaped ("<b>%s</b>", row->group);

          group = row->group;
          p->y += 4;
          text_block (p, heading, BODY_PT, FALSE, 0, 3);
        }
      ensure (p, 14);
      table_cell (p, row->symbol, MARGIN + col_x[0], col_w[0], FALSE, &height);
      table_cell (p, name, MARGIN + col_x[1], col_w[1], FALSE, &height);
      table_cell (p, value, MARGIN + col_x[2], col_w[2], TRUE, &height);
      table_cell (p, row->unit, MARGIN + col_x[3], col_w[3], FALSE, &height);
      p->y += height + 1.5;
      rule (p, MARGIN, p->width - MARGIN, p->y, 0.8);
      p->y += 2;
    }
  p->y += 14;
}

/* Figures ------------------------------------------------------------------- */

static void
draw_figures (Pager           *p,
              const SpHandout *h)
{
  double w = content_width (p);
  double fh = w * FIGURE_ASPECT;

  for (guint i = 0; i < h->figures->len; i++)
    {
      const SpHandoutFigure *f = g_ptr_array_index (h->figures, i);
      SpFigureData data;

      sp_figure_data_init (&data);
      data.analysis = f->analysis;
      data.frame = f->frame;
      data.history = f->history;
      data.eis = f->eis;
      data.hop = f->hop;
      data.field_fixed_scale = f->field_fixed_scale;
      ensure (p, fh);
      cairo_save (p->cr);
      cairo_translate (p->cr, MARGIN, p->y);
      cairo_rectangle (p->cr, 0, 0, w, fh);
      cairo_clip (p->cr);
      cairo_scale (p->cr, 1.0 / FIGURE_ZOOM, 1.0 / FIGURE_ZOOM);
      sp_figure_draw (p->cr, w * FIGURE_ZOOM, fh * FIGURE_ZOOM, f->kind, &data, &p->style);
      cairo_restore (p->cr);
      p->y += fh + 12;
    }
}

/* The lesson ---------------------------------------------------------------- */

/* A box to tick, at the left of a choice. */
static void
tick_box (Pager  *p,
          double  x,
          double  y)
{
  set_foreground (p);
  cairo_set_line_width (p->cr, 0.8);
  cairo_rectangle (p->cr, x, y + 2.5, 8, 8);
  cairo_stroke (p->cr);
}

static void
writing_lines (Pager  *p,
               guint   n)
{
  for (guint i = 0; i < n; i++)
    {
      ensure (p, 20);
      p->y += 18;
      rule (p, MARGIN + 18, p->width - MARGIN, p->y, 0.6);
    }
  p->y += 10;
}

static char *
choice_letter (guint i)
{
  return g_strdup_printf ("%c", 'A' + (int) MIN (i, 25u));
}

static const char *
quantity_name (SpLessonQuantity quantity)
{
  switch (quantity)
    {
    case SP_LESSON_QUANTITY_BINODAL_LOW: return _("the left binodal c<sub>α</sub>");
    case SP_LESSON_QUANTITY_BINODAL_HIGH: return _("the right binodal c<sub>β</sub>");
    case SP_LESSON_QUANTITY_SPINODAL_LOW: return _("the left spinodal");
    case SP_LESSON_QUANTITY_SPINODAL_HIGH: return _("the right spinodal");
    case SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE: return _("the critical temperature T<sub>c</sub>");
    case SP_LESSON_QUANTITY_PLATEAU_VOLTAGE: return _("the plateau voltage");
    case SP_LESSON_QUANTITY_FASTEST_WAVELENGTH: return _("the fastest-growing wavelength λ*");
    case SP_LESSON_N_QUANTITIES:
    default: return "";
    }
}

static void
draw_question (Pager                   *p,
               const SpHandoutQuestion *q,
               guint                    number)
{
  /* Translators: a question's number on the handout, e.g. "Q3". */
  g_autofree char *label = g_strdup_printf (_("Q%u"), number);
  g_autofree char *prompt = g_strdup_printf ("<b>%s</b>  %s", label, q->prompt);

  p->y += 4;
  text_block (p, prompt, BODY_PT, FALSE, 0, 4);
  for (guint i = 0; q->choices[i] != NULL; i++)
    {
      g_autofree char *letter = choice_letter (i);
      g_autofree char *choice = g_strdup_printf ("%s  %s", letter, q->choices[i]);
      PangoLayout *layout = make_layout (p, choice, BODY_PT, FALSE, content_width (p) - 34);
      double lh = layout_height (layout);

      ensure (p, lh);
      tick_box (p, MARGIN + 18, p->y);
      set_foreground (p);
      cairo_move_to (p->cr, MARGIN + 34, p->y);
      pango_cairo_show_layout (p->cr, layout);
      g_object_unref (layout);
      p->y += lh + 3;
    }
  if (q->marker)
    {
      g_autofree char *unit = g_markup_escape_text (q->marker_unit, -1);
      /* Translators: a marker question on paper: the student writes the
       * value; %s is its unit (may be empty). */
      g_autofree char *line = g_strdup_printf (_("Your estimate: ______________ %s"), unit);

      text_block (p, line, BODY_PT, FALSE, 18, 2);
    }
  /* Translators: on the handout, lines for the student's reasoning. */
  text_block (p, _("<i>Why?</i>"), SMALL_PT, FALSE, 18, 0);
  writing_lines (p, 2);
}

static void
draw_lesson (Pager           *p,
             const SpHandout *h)
{
  guint number = 0;

  if (h->steps->len == 0)
    return;
  /* The lesson starts on a page of its own, after the figures. */
  if (p->y > MARGIN && h->figures->len > 0)
    new_page (p);
  {
    g_autofree char *title = g_markup_printf_escaped ("%s", h->lesson_title);

    text_block (p, title, HEADING_PT + 2, TRUE, 0, 8);
  }
  for (guint s = 0; s < h->steps->len; s++)
    {
      const SpHandoutStep *step = g_ptr_array_index (h->steps, s);
      /* Translators: a lesson step's heading on the handout: its number and title. */
      g_autofree char *heading = g_markup_printf_escaped (_("Step %u: %s"), s + 1, step->title);

      ensure (p, 50);
      p->y += 6;
      text_block (p, heading, HEADING_PT - 1.5, TRUE, 0, 5);
      for (guint i = 0; i < step->paragraphs->len; i++)
        text_block (p, g_ptr_array_index (step->paragraphs, i), BODY_PT, FALSE, 0, 5);
      for (guint i = 0; i < step->questions->len; i++)
        draw_question (p, g_ptr_array_index (step->questions, i), ++number);
    }
}

static void
draw_answers (Pager           *p,
              const SpHandout *h)
{
  guint number = 0;

  new_page (p);
  text_block (p, _("Answers"), HEADING_PT + 2, TRUE, 0, 8);
  for (guint s = 0; s < h->steps->len; s++)
    {
      const SpHandoutStep *step = g_ptr_array_index (h->steps, s);

      for (guint i = 0; i < step->questions->len; i++)
        {
          const SpHandoutQuestion *q = g_ptr_array_index (step->questions, i);
          /* Translators: a question's number on the handout, e.g. "Q3". */
          g_autofree char *label = g_strdup_printf (_("Q%u"), ++number);
          g_autofree char *head = NULL;

          if (q->right >= 0)
            {
              g_autofree char *letter = choice_letter ((guint) q->right);

              head = g_strdup_printf ("<b>%s  %s</b>  %s", label, letter, q->choices[q->right]);
            }
          else if (q->marker)
            /* Translators: the answer to a marker question: %s names the
             * quantity, e.g. "the left binodal cα". */
            head = g_strdup_printf (_("<b>%s</b>  Marker on %s"), label,
                                    quantity_name (q->marker_quantity));
          else
            head = g_strdup_printf ("<b>%s</b>", label);
          text_block (p, head, SMALL_PT + 0.5, FALSE, 0, 2);
          if (q->answer != NULL)
            text_block (p, q->answer, SMALL_PT, FALSE, 18, 6);
          else
            p->y += 4;
        }
    }
}

static guint
count_questions (const SpHandout *h)
{
  guint n = 0;

  for (guint s = 0; s < h->steps->len; s++)
    n += ((SpHandoutStep *) g_ptr_array_index (h->steps, s))->questions->len;
  return n;
}

/* Rendering ------------------------------------------------------------------ */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *bytes,
              unsigned int         length)
{
  g_byte_array_append (closure, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
sp_handout_render (const SpHandout *h,
                   guint           *n_pages,
                   GError         **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *creator = g_strdup_printf ("Spinodal %s", PACKAGE_VERSION);
  cairo_surface_t *surface;
  cairo_status_t status;
  Pager p = { 0 };

  g_return_val_if_fail (h != NULL, NULL);

  sp_handout_paper_size (h->paper, &p.width, &p.height);
  sp_plot_style_init_light (&p.style);
  p.footer = h->title != NULL ? h->title : h->lesson_title != NULL ? h->lesson_title : "Spinodal";

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, p.width, p.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, p.footer);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  p.cr = cairo_create (surface);

  new_page (&p);
  draw_title (&p, h);
  draw_parameters (&p, h);
  draw_figures (&p, h);
  draw_lesson (&p, h);
  if (count_questions (h) > 0)
    draw_answers (&p, h);
  draw_footer (&p);
  cairo_show_page (p.cr);

  status = cairo_status (p.cr);
  cairo_destroy (p.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  sp_plot_style_clear (&p.style);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the handout: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  if (n_pages != NULL)
    *n_pages = p.page;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
sp_handout_write (const SpHandout *h,
                  const char      *path,
                  GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (h != NULL && path != NULL, FALSE);

  bytes = sp_handout_render (h, NULL, &local);
  if (bytes == NULL)
    {
      g_set_error (error, local->domain, local->code, _("Could not export “%s”: %s"),
                   path, local->message);
      return FALSE;
    }
  return sp_file_write_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               error);
}
