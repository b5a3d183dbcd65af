/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c — every export format read back: PNG size and pixels
 * through Cairo, SVG parsed as XML, PDF header, pages and fonts, CSV
 * numbers; failures leave nothing behind */

#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sp-ch.h"
#include "sp-export.h"
#include "sp-gsl.h"
#include "sp-presets.h"
#include "test-helpers.h"
#include "test-tmpdir.h"

typedef struct
{
  SpAnalysis  *analysis;
  SpFrame     *frame;
  SpChHistory *history;
  SpFigureData data;
  char        *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", &error);
  g_autoptr(SpCh) ch = NULL;
  SpChParams p;

  g_assert_no_error (error);
  f->analysis = sp_analysis_new (&preset->model);

  sp_ch_params_init_default (&p);
  p.n = 32;
  ch = sp_ch_new (&p, &error);
  g_assert_no_error (error);
  f->history = sp_ch_history_new ();
  for (guint i = 0; i < 5; i++)
    {
      SpChDiagnostics d;

      for (guint k = 0; k < 4; k++)
        g_assert_true (sp_ch_step (ch, &error));
      sp_ch_diagnostics_compute (ch, &d);
      sp_ch_history_append (f->history, &d);
      sp_ch_diagnostics_clear (&d);
    }
  f->frame = sp_frame_new (ch, &p, SP_WORKER_PAUSED, NULL);

  sp_figure_data_init (&f->data);
  f->data.analysis = f->analysis;
  f->data.frame = f->frame;
  f->data.history = f->history;

  f->dir = g_dir_make_tmp ("test-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  user_data)
{
  test_tmpdir_remove (f->dir);
  g_free (f->dir);
  sp_ch_history_free (f->history);
  sp_frame_unref (f->frame);
  sp_analysis_unref (f->analysis);
}

static char *
export_to (Fixture         *f,
           const char      *name,
           SpFigureKind     kind,
           SpExportOptions *o)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  if (!sp_export_write (path, kind, &f->data, o, &error))
    g_error ("%s: %s", name, error->message);
  return path;
}

static guint
distinct_colours (cairo_surface_t *s)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  int stride = cairo_image_surface_get_stride (s);
  const guchar *data = cairo_image_surface_get_data (s);

  for (int y = 0; y < h; y += 3)
    for (int x = 0; x < w; x += 3)
      g_hash_table_add (seen, GUINT_TO_POINTER (*(const guint32 *) (data + y * stride + 4 * x)));
  return g_hash_table_size (seen);
}

static void
test_png_size (Fixture       *f,
               gconstpointer  user_data)
{
  for (guint scale = 1; scale <= 2; scale++)
    {
      SpExportOptions o;
      g_autofree char *name = g_strdup_printf ("fe@%u.png", scale);
      g_autofree char *path = NULL;
      cairo_surface_t *png, *direct;
      int stride_a, stride_b;

      sp_export_options_init (&o, SP_FIGURE_FREE_ENERGY);
      o.width = 400;
      o.height = 300;
      o.scale = scale;
      path = export_to (f, name, SP_FIGURE_FREE_ENERGY, &o);

      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, 400 * scale);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, 300 * scale);
      /* A drawn figure, not a blank page. */
      g_assert_cmpuint (distinct_colours (png), >, 8);

      /* The file holds exactly the pixels the figure draws (opaque
       * background: PNG's unpremultiplied alpha changes nothing). */
      direct = sp_export_render_image (SP_FIGURE_FREE_ENERGY, &f->data, NULL, 400, 300, scale);
      stride_a = cairo_image_surface_get_stride (png);
      stride_b = cairo_image_surface_get_stride (direct);
      for (int y = 0; y < 300 * (int) scale; y++)
        g_assert_cmpmem (cairo_image_surface_get_data (png) + y * stride_a, 400 * scale * 4,
                         cairo_image_surface_get_data (direct) + y * stride_b, 400 * scale * 4);
      cairo_surface_destroy (direct);
      cairo_surface_destroy (png);
    }
}

static void
test_png_every_figure (Fixture       *f,
                       gconstpointer  user_data)
{
  for (SpFigureKind kind = 0; kind <= SP_EXPORT_FIGURE_DIAGNOSTICS; kind++)
    {
      SpExportOptions o;
      g_autofree char *name = g_strdup_printf ("%s.png", sp_export_figure_id (kind));
      g_autofree char *path = NULL;
      cairo_surface_t *png;
      double w, h;

      sp_export_options_init (&o, kind);
      sp_export_default_size (kind, &w, &h);
      g_assert_cmpfloat (o.width, ==, w);
      path = export_to (f, name, kind, &o);
      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) w);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) h);
      g_assert_cmpuint (distinct_colours (png), >, 8);
      cairo_surface_destroy (png);
    }
}

/* SVG parsed as XML: the root element's size and the title we add. */
typedef struct
{
  guint  depth;
  char  *root;
  double width, height;
  GString *title;
  gboolean in_title;
  guint  elements;
} SvgInfo;

static double
svg_length (const char *text)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);

  g_assert_true (end != text);
  g_assert_true (*end == '\0' || g_str_equal (end, "px") || g_str_equal (end, "pt"));
  return v;
}

static void
svg_start (GMarkupParseContext *context,
           const char          *element,
           const char         **names,
           const char         **values,
           gpointer             user_data,
           GError             **error)
{
  SvgInfo *info = user_data;

  if (info->depth++ == 0)
    {
      info->root = g_strdup (element);
      for (guint i = 0; names[i] != NULL; i++)
        {
          if (g_str_equal (names[i], "width"))
            info->width = svg_length (values[i]);
          else if (g_str_equal (names[i], "height"))
            info->height = svg_length (values[i]);
        }
    }
  info->in_title = g_str_equal (element, "title") && info->depth == 2;
  info->elements++;
}

static void
svg_end (GMarkupParseContext *context,
         const char          *element,
         gpointer             user_data,
         GError             **error)
{
  SvgInfo *info = user_data;

  info->depth--;
  info->in_title = FALSE;
}

static void
svg_text (GMarkupParseContext *context,
          const char          *text,
          gsize                len,
          gpointer             user_data,
          GError             **error)
{
  SvgInfo *info = user_data;

  if (info->in_title)
    g_string_append_len (info->title, text, len);
}

static void
test_svg (Fixture       *f,
          gconstpointer  user_data)
{
  const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  SvgInfo info = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  SpExportOptions o;
  gsize len;

  sp_export_options_init (&o, SP_FIGURE_OCV);
  o.format = SP_EXPORT_SVG;
  o.width = 640;
  o.height = 480;
  o.caption = TRUE;
  path = export_to (f, "ocv.svg", SP_FIGURE_OCV, &o);
  g_assert_true (g_file_get_contents (path, &text, &len, NULL));

  /* GMarkup does not take the XML declaration: parse from the root on. */
  body = g_strdup (strstr (text, "<svg"));
  g_assert_nonnull (body);
  info.title = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, &info, NULL);
  g_assert_true (g_markup_parse_context_parse (context, body, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (info.root, ==, "svg");
  g_assert_cmpfloat (info.width, ==, 640);
  g_assert_cmpfloat (info.height, ==, 480);
  g_assert_cmpstr (info.title->str, ==, sp_figure_kind_title (SP_FIGURE_OCV));
  g_assert_cmpuint (info.elements, >, 20);
  /* The caption is in the <desc>. */
  g_assert_nonnull (strstr (text, "<desc>Ω = "));
  g_free (info.root);
  g_string_free (info.title, TRUE);
}

/* Pages are "/Type /Page" objects; "/Type /Pages" is the page tree. */
static guint
pdf_pages (const char *text,
           gsize       len)
{
  guint n = 0;

  /* memmem: the file has binary streams, and g_strstr_len stops at a NUL. */
  for (const char *p = text; (p = memmem (p, len - (p - text), "/Type /Page", 11)) != NULL; p++)
    if (p[strlen ("/Type /Page")] != 's')
      n++;
  return n;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  user_data)
{
  SpFigureKind kinds[] = { SP_FIGURE_PHASE_DIAGRAM, SP_FIGURE_ALL };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", sp_figure_kind_to_id (kinds[i]));
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      SpExportOptions o;
      gsize len;

      sp_export_options_init (&o, kinds[i]);
      o.format = SP_EXPORT_PDF;
      path = export_to (f, name, kinds[i], &o);
      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      g_assert_true (len > 1000);
      g_assert_true (g_str_has_prefix (text, "%PDF-"));
      g_assert_cmpuint (pdf_pages (text, len), ==, 1);
      /* Text as text: embedded (subset) fonts with a ToUnicode map. */
      g_assert_nonnull (memmem (text, len, "/FontFile", 9));
      g_assert_nonnull (memmem (text, len, "/ToUnicode", 10));
      /* Points: the MediaBox is the requested size. */
      {
        g_autofree char *box = g_strdup_printf ("/MediaBox [ 0 0 %g %g ]", o.width, o.height);

        g_assert_nonnull (memmem (text, len, box, strlen (box)));
      }
    }
}

static void
test_csv (Fixture       *f,
          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  SpExportOptions o;
  guint row = 0;

  sp_export_options_init (&o, SP_FIGURE_DIFFUSIVITY);
  o.format = SP_EXPORT_CSV;
  path = export_to (f, "d.csv", SP_FIGURE_DIFFUSIVITY, &o);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) cells = NULL;

      if (lines[i][0] == '#' || g_str_has_prefix (lines[i], "c,"))
        continue;
      cells = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 2);
      sp_assert_close (g_ascii_strtod (cells[0], NULL), f->analysis->c[row], 1e-12, 1e-300);
      sp_assert_close (g_ascii_strtod (cells[1], NULL), f->analysis->dchem[row], 1e-12, 1e-300);
      row++;
    }
  g_assert_cmpuint (row, ==, f->analysis->n_curve);

  /* No composite CSV; no data, no file. */
  g_assert_null (sp_export_render (SP_FIGURE_ALL, &f->data, &o, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  {
    SpFigureData empty;

    sp_figure_data_init (&empty);
    g_assert_null (sp_export_render (SP_FIGURE_FIELD, &empty, &o, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }
}

static void
test_failure (Fixture       *f,
              gconstpointer  user_data)
{
  for (SpExportFormat format = 0; format < SP_EXPORT_N_FORMATS; format++)
    {
      g_autofree char *name = g_strdup_printf ("x.%s", sp_export_format_to_id (format));
      g_autofree char *missing = g_build_filename (f->dir, "missing", name, NULL);
      g_autofree char *blocker = g_build_filename (f->dir, "file", NULL);
      g_autofree char *through = g_build_filename (blocker, name, NULL);
      g_autoptr(GError) error = NULL;
      SpExportOptions o;

      sp_export_options_init (&o, SP_FIGURE_FREE_ENERGY);
      o.format = format;
      g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
      g_assert_cmpuint (test_tmpdir_count (f->dir), ==, 1);

      g_assert_false (sp_export_write (missing, SP_FIGURE_FREE_ENERGY, &f->data, &o, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      g_assert_nonnull (strstr (error->message, missing));
      g_clear_error (&error);
      g_assert_false (sp_export_write (through, SP_FIGURE_FREE_ENERGY, &f->data, &o, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
      g_assert_nonnull (strstr (error->message, through));

      /* Only the blocker: no partial file, no temporary left. */
      g_assert_cmpuint (test_tmpdir_count (f->dir), ==, 1);
      g_assert_cmpint (g_remove (blocker), ==, 0);
    }
}

static void
test_bad_options (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "bad.png", NULL);
  g_autoptr(GError) error = NULL;
  SpExportOptions o;

  sp_export_options_init (&o, SP_FIGURE_OCV);
  o.scale = 9;
  g_assert_false (sp_export_write (path, SP_FIGURE_OCV, &f->data, &o, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  o.scale = 1;
  o.width = 0;
  g_assert_false (sp_export_write (path, SP_FIGURE_OCV, &f->data, &o, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (test_tmpdir_count (f->dir), ==, 0);
}

static void
test_formats (void)
{
  SpExportFormat format;

  g_assert_true (sp_export_format_from_path ("/tmp/a.b/figure.PNG", &format));
  g_assert_cmpint (format, ==, SP_EXPORT_PNG);
  g_assert_true (sp_export_format_from_path ("f.svg", &format));
  g_assert_cmpint (format, ==, SP_EXPORT_SVG);
  g_assert_true (sp_export_format_from_path ("f.pdf", &format));
  g_assert_cmpint (format, ==, SP_EXPORT_PDF);
  g_assert_true (sp_export_format_from_path ("f.csv", &format));
  g_assert_cmpint (format, ==, SP_EXPORT_CSV);
  g_assert_false (sp_export_format_from_path ("figure", &format));
  g_assert_false (sp_export_format_from_path ("dir.png/figure", &format));
  g_assert_false (sp_export_format_from_path ("dir/.svg", &format));
  g_assert_false (sp_export_format_from_path ("f.jpeg", &format));
  g_assert_true (sp_export_format_from_id ("pdf", &format));
  g_assert_cmpstr (sp_export_format_to_id (format), ==, "pdf");
  g_assert_cmpstr (sp_export_format_mime_type (SP_EXPORT_SVG), ==, "image/svg+xml");
  g_assert_cmpstr (sp_export_figure_id (SP_EXPORT_FIGURE_DIAGNOSTICS), ==, "diagnostics");
  g_assert_cmpstr (sp_export_figure_id (SP_FIGURE_ALL), ==, "all");
}

static void
test_caption (Fixture       *f,
              gconstpointer  user_data)
{
  SpModel m;
  g_autofree char *caption = NULL;
  g_autofree char *sim = NULL;
  cairo_surface_t *plain, *captioned;
  SpFigureData d = f->data;
  gboolean differ = FALSE;

  sp_model_init_default (&m);
  m.rk[1] = -12.5;
  m.s1 = 0;
  caption = sp_export_caption_for_model (&m);
  {
    g_autofree char *expected = g_strdup_printf (
      "Ω = %g meV, T = %g K, K = %g meV, L2 = -12.5 meV, κ = %g meV·nm², D₀ = %g nm²/s, "
      "V₀ = %g V, c₀ = %g, site-blocking mobility",
      m.omega, m.temperature, m.stiffness, m.kappa, m.d0, m.v0, m.c0);

    g_assert_cmpstr (caption, ==, expected);
  }

  sim = sp_export_caption_for_figure (SP_FIGURE_FIELD, &f->data);
  g_assert_nonnull (strstr (sim, "; 32 × 32 grid, box = "));
  g_assert_true (g_str_has_suffix (sim, " s"));

  /* The caption is drawn: the pixels change. */
  d.caption = NULL;
  plain = sp_export_render_image (SP_FIGURE_FREE_ENERGY, &d, NULL, 500, 400, 1);
  d.caption = caption;
  captioned = sp_export_render_image (SP_FIGURE_FREE_ENERGY, &d, NULL, 500, 400, 1);
  differ = memcmp (cairo_image_surface_get_data (plain), cairo_image_surface_get_data (captioned),
                   (gsize) cairo_image_surface_get_stride (plain) * 400) != 0;
  g_assert_true (differ);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (captioned);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/export/png-size", Fixture, NULL, fixture_setup, test_png_size, fixture_teardown);
  g_test_add ("/export/png-every-figure", Fixture, NULL, fixture_setup, test_png_every_figure,
              fixture_teardown);
  g_test_add ("/export/svg", Fixture, NULL, fixture_setup, test_svg, fixture_teardown);
  g_test_add ("/export/pdf", Fixture, NULL, fixture_setup, test_pdf, fixture_teardown);
  g_test_add ("/export/csv", Fixture, NULL, fixture_setup, test_csv, fixture_teardown);
  g_test_add ("/export/failure", Fixture, NULL, fixture_setup, test_failure, fixture_teardown);
  g_test_add ("/export/bad-options", Fixture, NULL, fixture_setup, test_bad_options,
              fixture_teardown);
  g_test_add ("/export/caption", Fixture, NULL, fixture_setup, test_caption, fixture_teardown);
  g_test_add_func ("/export/formats", test_formats);
  return g_test_run ();
}
