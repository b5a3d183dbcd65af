/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-export.c — figures onto PNG/SVG/PDF surfaces in memory, then to disk */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sp-csv.h"
#include "sp-export.h"
#include "sp-export-private.h"
#include "sp-file.h"

/* Cairo image surfaces are limited to 32767 pixels a side. */
#define MAX_PIXELS 32767.0
#define MAX_SCALE  8.0

static const struct
{
  const char *id;
  const char *mime;
} formats[SP_EXPORT_N_FORMATS] = {
  [SP_EXPORT_PNG] = { "png", "image/png" },
  [SP_EXPORT_SVG] = { "svg", "image/svg+xml" },
  [SP_EXPORT_PDF] = { "pdf", "application/pdf" },
  [SP_EXPORT_CSV] = { "csv", "text/csv" },
};

static const SpFigureKind diagnostics_panels[] = {
  SP_FIGURE_ENERGY, SP_FIGURE_COARSENING, SP_FIGURE_STRUCTURE
};

const char *
sp_export_figure_id (SpFigureKind kind)
{
  if (kind == SP_EXPORT_FIGURE_DIAGNOSTICS)
    return "diagnostics";
  return sp_figure_kind_to_id (kind);
}

const char *
sp_export_figure_title (SpFigureKind kind)
{
  if (kind == SP_EXPORT_FIGURE_DIAGNOSTICS)
    return _("Simulation diagnostics");
  return sp_figure_kind_title (kind);
}

void
sp_export_default_size (SpFigureKind  kind,
                        double       *width,
                        double       *height)
{
  /* One panel at a size that reads well on a slide; the composite page
   * gives each of its nine panels about that much room. */
  *width = kind == SP_FIGURE_ALL ? 1800 : kind == SP_EXPORT_FIGURE_DIAGNOSTICS ? 1800 : 800;
  *height = kind == SP_FIGURE_ALL ? 1350 : 560;
}

void
sp_export_options_init (SpExportOptions *options,
                        SpFigureKind     kind)
{
  memset (options, 0, sizeof *options);
  options->format = SP_EXPORT_PNG;
  sp_export_default_size (kind, &options->width, &options->height);
  options->scale = 1.0;
}

const char *
sp_export_format_to_id (SpExportFormat format)
{
  g_return_val_if_fail (format < SP_EXPORT_N_FORMATS, NULL);
  return formats[format].id;
}

const char *
sp_export_format_mime_type (SpExportFormat format)
{
  g_return_val_if_fail (format < SP_EXPORT_N_FORMATS, NULL);
  return formats[format].mime;
}

gboolean
sp_export_format_from_id (const char     *id,
                          SpExportFormat *format)
{
  for (guint i = 0; id != NULL && i < SP_EXPORT_N_FORMATS; i++)
    if (g_ascii_strcasecmp (id, formats[i].id) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
sp_export_format_from_path (const char     *path,
                            SpExportFormat *format)
{
  g_autofree char *base = path != NULL ? g_path_get_basename (path) : NULL;
  const char *dot = base != NULL ? strrchr (base, '.') : NULL;

  return dot != NULL && dot != base && sp_export_format_from_id (dot + 1, format);
}

/* The data with the caption filled in when asked for and not given. */
static void
prepare_data (SpFigureKind           kind,
              const SpFigureData    *data,
              gboolean               caption,
              SpFigureData          *out,
              char                 **owned_caption)
{
  *out = *data;
  *owned_caption = NULL;
  if (caption && out->caption == NULL)
    out->caption = *owned_caption = sp_export_caption_for_figure (kind, data);
  else if (!caption)
    out->caption = NULL;
}

/* The diagnostics row: F(t), L(t) and S(k) in three panels of equal
 * width; the caption, one for the row, goes under the first panel. */
static void
draw_row (cairo_t            *cr,
          double              width,
          double              height,
          const SpFigureData *data,
          const SpPlotStyle  *style)
{
  guint n = G_N_ELEMENTS (diagnostics_panels);
  double w = width / n;

  for (guint i = 0; i < n; i++)
    {
      SpFigureData panel = *data;

      if (i > 0)
        panel.caption = NULL;
      cairo_save (cr);
      cairo_translate (cr, i * w, 0);
      cairo_rectangle (cr, 0, 0, w, height);
      cairo_clip (cr);
      sp_figure_draw (cr, w, height, diagnostics_panels[i], &panel, style);
      cairo_restore (cr);
    }
}

static void
draw (cairo_t            *cr,
      double              width,
      double              height,
      SpFigureKind        kind,
      const SpFigureData *data,
      const SpPlotStyle  *style)
{
  SpPlotStyle light;

  if (style == NULL)
    {
      sp_plot_style_init_light (&light);
      style = &light;
    }
  if (kind == SP_EXPORT_FIGURE_DIAGNOSTICS)
    draw_row (cr, width, height, data, style);
  else
    sp_figure_draw (cr, width, height, kind, data, style);
  if (style == &light)
    sp_plot_style_clear (&light);
}

cairo_surface_t *
sp_export_render_image (SpFigureKind        kind,
                        const SpFigureData *data,
                        const SpPlotStyle  *style,
                        double              width,
                        double              height,
                        double              scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (width * scale),
                                        (int) ceil (height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  draw (cr, width, height, kind, data, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *bytes,
              unsigned int         length)
{
  g_byte_array_append (closure, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t status,
             GError       **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not draw the figure: %s"), cairo_status_to_string (status));
  return FALSE;
}

static gboolean
check_options (const SpExportOptions *o,
               GError               **error)
{
  double scale = o->format == SP_EXPORT_PNG ? o->scale : 1.0;

  if (!(o->width >= 1 && o->height >= 1 && o->width * scale <= MAX_PIXELS &&
        o->height * scale <= MAX_PIXELS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The size must be at least 1 and at most %.0f pixels a side"), MAX_PIXELS);
      return FALSE;
    }
  if (o->format == SP_EXPORT_PNG && !(o->scale >= 1 && o->scale <= MAX_SCALE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale must be between 1 and %.0f"), MAX_SCALE);
      return FALSE;
    }
  return TRUE;
}

/* The SVG's <title> and <desc> go right after the root element's start tag:
 * the glyphs themselves are outlines, so this is the text a search or a
 * screen reader finds. */
static void
insert_svg_text (GByteArray *svg,
                 const char *title,
                 const char *desc)
{
  const char *text = (const char *) svg->data;
  const char *root = g_strstr_len (text, svg->len, "<svg");
  const char *end = root != NULL ? memchr (root, '>', svg->len - (root - text)) : NULL;
  g_autofree char *t = g_markup_escape_text (title, -1);
  g_autofree char *d = desc != NULL ? g_markup_escape_text (desc, -1) : NULL;
  g_autofree char *insert = NULL;
  gsize at;

  if (end == NULL)
    return;
  at = end + 1 - text;
  insert = d != NULL ? g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", t, d)
                     : g_strdup_printf ("\n<title>%s</title>", t);
  g_byte_array_set_size (svg, svg->len + strlen (insert));
  memmove (svg->data + at + strlen (insert), svg->data + at, svg->len - strlen (insert) - at);
  memcpy (svg->data + at, insert, strlen (insert));
}

static GBytes *
render_vector (SpFigureKind           kind,
               const SpFigureData    *data,
               const SpExportOptions *o,
               GError               **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (o->format == SP_EXPORT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, o->width, o->height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    {
      g_autofree char *creator = g_strdup_printf ("Spinodal %s", PACKAGE_VERSION);

      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, o->width, o->height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      sp_export_figure_title (kind));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
      if (data->caption != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, data->caption);
    }

  cr = cairo_create (surface);
  draw (cr, o->width, o->height, kind, data, o->style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!check_cairo (status, error))
    return NULL;

  if (o->format == SP_EXPORT_SVG)
    insert_svg_text (bytes, sp_export_figure_title (kind), data->caption);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

GBytes *
sp_export_encode_png (cairo_surface_t  *surface,
                      GError          **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  if (!check_cairo (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static GBytes *
render_png (SpFigureKind           kind,
            const SpFigureData    *data,
            const SpExportOptions *o,
            GError               **error)
{
  cairo_surface_t *surface;
  GBytes *bytes;

  surface = sp_export_render_image (kind, data, o->style, o->width, o->height, o->scale);
  bytes = sp_export_encode_png (surface, error);
  cairo_surface_destroy (surface);
  return bytes;
}

static GBytes *
no_data (SpFigureKind   kind,
         GError       **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("There is no data for “%s” yet"), sp_export_figure_title (kind));
  return NULL;
}

static GBytes *
render_csv (SpFigureKind        kind,
            const SpFigureData *data,
            GError            **error)
{
  static const SpCsvCurve curves[] = {
    [SP_FIGURE_FREE_ENERGY] = SP_CSV_FREE_ENERGY,
    [SP_FIGURE_OCV] = SP_CSV_OCV,
    [SP_FIGURE_PHASE_DIAGRAM] = SP_CSV_PHASE_DIAGRAM,
    [SP_FIGURE_DIFFUSIVITY] = SP_CSV_DIFFUSIVITY,
    [SP_FIGURE_DISPERSION] = SP_CSV_DISPERSION,
  };
  GString *csv = NULL;

  switch (kind)
    {
    case SP_FIGURE_FREE_ENERGY:
    case SP_FIGURE_OCV:
    case SP_FIGURE_PHASE_DIAGRAM:
    case SP_FIGURE_DIFFUSIVITY:
    case SP_FIGURE_DISPERSION:
      if (data->analysis == NULL)
        return no_data (kind, error);
      csv = sp_csv_analysis (data->analysis, curves[kind]);
      break;
    case SP_FIGURE_FIELD:
      if (data->frame == NULL || data->frame->field == NULL)
        return no_data (kind, error);
      csv = sp_csv_field (data->frame);
      break;
    case SP_FIGURE_ENERGY:
    case SP_FIGURE_COARSENING:
    case SP_EXPORT_FIGURE_DIAGNOSTICS:
      if (data->history == NULL || data->history->len == 0)
        return no_data (kind, error);
      csv = sp_csv_history (data->history, data->frame != NULL ? &data->frame->params : NULL);
      break;
    case SP_FIGURE_STRUCTURE:
      if (data->frame == NULL || data->frame->diag.n_bins == 0)
        return no_data (kind, error);
      csv = sp_csv_structure (data->frame, data->history);
      break;
    case SP_FIGURE_NYQUIST:
    case SP_FIGURE_BODE:
    case SP_FIGURE_EIS_RESIDUALS:
    case SP_FIGURE_DRT:
    case SP_FIGURE_ARRHENIUS:
      csv = sp_export_eis_csv (kind, data->eis);
      if (csv == NULL)
        return no_data (kind, error);
      break;
    case SP_FIGURE_LATTICE:
    case SP_FIGURE_MSD:
    case SP_FIGURE_FS:
    case SP_FIGURE_QENS:
    case SP_FIGURE_DIFFUSION_ARRHENIUS:
    case SP_FIGURE_FINITE_SIZE:
      csv = sp_export_hop_csv (kind, data->hop);
      if (csv == NULL)
        return no_data (kind, error);
      break;
    case SP_FIGURE_RATE_SWEEP:
      if (data->rate_sweep == NULL || data->rate_sweep->n_points == 0)
        return no_data (kind, error);
      csv = sp_rate_sweep_result_to_csv (data->rate_sweep);
      break;
    case SP_FIGURE_VOLTAGE_TRACE:
    case SP_FIGURE_VOLTAGE_TIME:
      csv = sp_export_voltage_csv (data->trace, data->frame != NULL ? &data->frame->params : NULL);
      if (csv == NULL)
        return no_data (kind, error);
      break;
    case SP_FIGURE_ALL:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("A CSV file holds one table: export the figures one at a time"));
      return NULL;
    }
  if (kind < SP_N_FIGURES && sp_figure_kind_takes_pins (kind))
    sp_export_csv_add_pins (csv, kind, data);
  return g_string_free_to_bytes (csv);
}

GBytes *
sp_export_render (SpFigureKind           kind,
                  const SpFigureData    *data,
                  const SpExportOptions *options,
                  GError               **error)
{
  g_autofree char *caption = NULL;
  SpFigureData d;

  g_return_val_if_fail (kind <= SP_EXPORT_FIGURE_DIAGNOSTICS, NULL);
  g_return_val_if_fail (data != NULL && options != NULL, NULL);

  if (options->format == SP_EXPORT_CSV)
    return render_csv (kind, data, error);
  if (!check_options (options, error))
    return NULL;

  prepare_data (kind, data, options->caption, &d, &caption);
  if (options->format == SP_EXPORT_PNG)
    return render_png (kind, &d, options, error);
  return render_vector (kind, &d, options, error);
}

gboolean
sp_export_write (const char            *path,
                 SpFigureKind           kind,
                 const SpFigureData    *data,
                 const SpExportOptions *options,
                 GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = sp_export_render (kind, data, options, &local);
  if (bytes == NULL)
    {
      g_set_error (error, local->domain, local->code, _("Could not export “%s”: %s"),
                   path, local->message);
      return FALSE;
    }
  return sp_file_write_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               error);
}
