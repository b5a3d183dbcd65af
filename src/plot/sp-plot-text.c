/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-plot-text.c — PangoCairo text helpers */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-plot-text.h"

double
sp_plot_text_em (const SpPlotStyle *style,
                 double             size)
{
  return style->font_size * style->scale * size;
}

void
sp_plot_set_color (cairo_t       *cr,
                   const SpColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
layout_setup (PangoLayout       *layout,
              const SpPlotStyle *style,
              double             size,
              SpTextFlags        flags,
              const char        *markup,
              double             wrap_width)
{
  g_autoptr(PangoFontDescription) desc = NULL;

  desc = pango_font_description_from_string (style->font_family != NULL
                                             ? style->font_family : "Sans");
  /* Absolute size: user units, independent of the surface's resolution. */
  pango_font_description_set_absolute_size (desc, sp_plot_text_em (style, size) * PANGO_SCALE);
  if (flags & SP_TEXT_BOLD)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_markup (layout, markup, -1);
}

void
sp_plot_text_measure (const SpPlotStyle *style,
                      double             size,
                      SpTextFlags        flags,
                      const char        *markup,
                      double             wrap_width,
                      double            *width,
                      double            *height)
{
  PangoContext *context;
  PangoLayout *layout;
  cairo_font_options_t *options;
  PangoRectangle logical;

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* Unhinted metrics: the same widths at every scale and on every surface. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  layout = pango_layout_new (context);
  layout_setup (layout, style, size, flags, markup, wrap_width);
  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
  g_object_unref (layout);
  g_object_unref (context);
}

void
sp_plot_text_draw (cairo_t           *cr,
                   const SpPlotStyle *style,
                   double             size,
                   SpTextFlags        flags,
                   const char        *markup,
                   double             wrap_width,
                   double             x,
                   double             y,
                   double             xalign,
                   double             yalign,
                   double             angle,
                   const SpColor     *color)
{
  g_autoptr(PangoLayout) layout = NULL;
  cairo_font_options_t *options;
  PangoRectangle logical;
  double w, h;

  if (markup == NULL || markup[0] == '\0')
    return;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);

  layout = pango_cairo_create_layout (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);
  layout_setup (layout, style, size, flags, markup, wrap_width);
  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;

  if (flags & SP_TEXT_HALO)
    {
      double m = 0.2 * sp_plot_text_em (style, size);
      SpColor bg = style->background;

      bg.alpha = 0.85;
      sp_plot_set_color (cr, &bg);
      cairo_rectangle (cr, -xalign * w - m, -yalign * h - m * 0.5, w + 2 * m, h + m);
      cairo_fill (cr);
    }

  sp_plot_set_color (cr, color);
  cairo_move_to (cr, -xalign * w - (double) logical.x / PANGO_SCALE,
                 -yalign * h - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

char *
sp_plot_format_number (const char *format,
                       double      value)
{
  g_autofree char *plain = NULL;
  GString *out;

  /* The format comes from our own code, never from the user. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  plain = g_strdup_printf (format, value);
#pragma GCC diagnostic pop
  out = g_string_sized_new (strlen (plain) + 4);
  for (const char *p = plain; *p; p++)
    {
      if (*p == '-')
        g_string_append (out, "−");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}
