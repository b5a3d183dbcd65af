/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-export.h — a figure (or its data) as a PNG, SVG, PDF or CSV file
 *
 * The very same sp_figure_draw() as the screen, onto a Cairo image, SVG or
 * PDF surface that writes into memory; the file is then written atomically
 * (temporary file + rename), so a failure never leaves a partial file.
 *
 * Sizes are in user units: pixels at scale 1 for PNG (the image is
 * width·scale × height·scale pixels, drawn with that device scale so text
 * and lines grow with it), CSS pixels for SVG, points (1/72 in) for PDF.
 *
 * Text: PDF keeps text as text (subset fonts embedded, with a ToUnicode map,
 * so it can be selected and searched).  Cairo's SVG surface — the only SVG
 * writer Pango can draw on — always turns glyphs into outlines
 * (<symbol>/<use>), so SVG text is vector outlines, not <text>; the exporter
 * adds the figure's title and caption as the SVG's <title>/<desc>, which
 * search engines and screen readers do read.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "sp-figure.h"
#include "sp-plot-style.h"

G_BEGIN_DECLS

/* Export-only figure: F(t), L(t) and S(k) side by side in one image; its
 * CSV is the time series behind F(t) and L(t). */
#define SP_EXPORT_FIGURE_DIAGNOSTICS ((SpFigureKind) SP_N_FIGURES)

typedef enum
{
  SP_EXPORT_PNG,
  SP_EXPORT_SVG,
  SP_EXPORT_PDF,
  SP_EXPORT_CSV,
  SP_EXPORT_N_FORMATS
} SpExportFormat;

typedef struct
{
  SpExportFormat     format;
  double             width, height;  /* user units (see above), > 0       */
  double             scale;          /* PNG device scale, ≥ 1 (1 or 2 …)  */
  const SpPlotStyle *style;          /* NULL: the light print style       */
  gboolean           caption;        /* add a caption of the parameters   */
} SpExportOptions;

/* The figure's identifier and title, SP_EXPORT_FIGURE_DIAGNOSTICS included. */
const char     *sp_export_figure_id           (SpFigureKind        kind);
const char     *sp_export_figure_title        (SpFigureKind        kind);

/* PNG, the figure's default size, scale 1, light style, no caption. */
void            sp_export_options_init        (SpExportOptions    *options,
                                               SpFigureKind        kind);
/* The default size of a figure: one panel, or the composite page. */
void            sp_export_default_size        (SpFigureKind        kind,
                                               double             *width,
                                               double             *height);

/* "png", "svg", "pdf", "csv". */
const char     *sp_export_format_to_id        (SpExportFormat      format);
gboolean        sp_export_format_from_id      (const char         *id,
                                               SpExportFormat     *format);
/* From the file name's extension (case-insensitive); FALSE when unknown. */
gboolean        sp_export_format_from_path    (const char         *path,
                                               SpExportFormat     *format);
const char     *sp_export_format_mime_type    (SpExportFormat      format);

/* The model's parameters with their units, one line, translated:
 * "Ω = 115.8 meV, T = 298 K, …". */
char           *sp_export_caption_for_model   (const SpModel      *model);
/* The caption @kind shows for @data: the model's line, and for the
 * simulation figures the grid, box and time too; NULL with no data. */
char           *sp_export_caption_for_figure  (SpFigureKind        kind,
                                               const SpFigureData *data);

/* The figure drawn on an ARGB32 image of width·scale × height·scale pixels
 * (for the clipboard and the recorder).  @style NULL: light print style. */
cairo_surface_t *sp_export_render_image       (SpFigureKind        kind,
                                               const SpFigureData *data,
                                               const SpPlotStyle  *style,
                                               double              width,
                                               double              height,
                                               double              scale);

/* @surface (an image surface) as PNG file bytes. */
GBytes         *sp_export_encode_png          (cairo_surface_t       *surface,
                                               GError               **error);

/* The file's bytes.  CSV needs the figure's data (the analysis, the frame
 * or the history) and has no composite: SP_FIGURE_ALL fails with
 * G_IO_ERROR_NOT_SUPPORTED, missing data with G_IO_ERROR_INVALID_DATA. */
GBytes         *sp_export_render              (SpFigureKind           kind,
                                               const SpFigureData    *data,
                                               const SpExportOptions *options,
                                               GError               **error);

/* Renders and writes @path atomically; the error message names @path. */
gboolean        sp_export_write               (const char            *path,
                                               SpFigureKind           kind,
                                               const SpFigureData    *data,
                                               const SpExportOptions *options,
                                               GError               **error);

G_END_DECLS
