/* sp-window-export-chooser.c — the Export menu's file chooser: which
 * figure or table and in which format (Export Figure, Export Data)
 *
 * GtkFileChooserNative: the portal inside Flatpak, GTK's own dialog
 * elsewhere.  The choices ride along as the chooser's drop-downs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sp-export-dialog.h"
#include "sp-window-export-private.h"

static void
add_choice (GtkFileChooser *chooser,
            const char     *id,
            const char     *label,
            const char    **ids,
            const char    **labels,
            const char     *selected)
{
  gtk_file_chooser_add_choice (chooser, id, label, ids, labels);
  gtk_file_chooser_set_choice (chooser, id, selected);
}

/* Export Figure and Export Data --------------------------------------------- */

/* What each chooser offers, in the order listed. */
static const SpFigureKind figure_choices[] = {
  SP_FIGURE_FREE_ENERGY, SP_FIGURE_OCV, SP_FIGURE_PHASE_DIAGRAM, SP_FIGURE_DIFFUSIVITY,
  SP_FIGURE_DISPERSION, SP_FIGURE_FIELD, SP_FIGURE_ENERGY, SP_FIGURE_COARSENING,
  SP_FIGURE_STRUCTURE, SP_FIGURE_ALL, SP_EXPORT_FIGURE_DIAGNOSTICS,
  SP_FIGURE_VOLTAGE_TRACE, SP_FIGURE_VOLTAGE_TIME,
};
/* F(t) and L(t) share one table, the diagnostics time series; V(c̄) and
 * V(t) one, the voltage trace. */
static const SpFigureKind data_choices[] = {
  SP_FIGURE_FREE_ENERGY, SP_FIGURE_OCV, SP_FIGURE_PHASE_DIAGRAM, SP_FIGURE_DIFFUSIVITY,
  SP_FIGURE_DISPERSION, SP_FIGURE_FIELD, SP_FIGURE_STRUCTURE, SP_EXPORT_FIGURE_DIAGNOSTICS,
  SP_FIGURE_VOLTAGE_TRACE,
};

/* On the Impedance page: its own figures (their data is the page's). */
static const SpFigureKind impedance_choices[] = {
  SP_FIGURE_NYQUIST, SP_FIGURE_BODE, SP_FIGURE_EIS_RESIDUALS, SP_FIGURE_DRT, SP_FIGURE_ARRHENIUS,
};

/* On the Hopping page: its figures. */
static const SpFigureKind hopping_choices[] = {
  SP_FIGURE_LATTICE, SP_FIGURE_MSD, SP_FIGURE_FS, SP_FIGURE_QENS, SP_FIGURE_DIFFUSION_ARRHENIUS,
  SP_FIGURE_FINITE_SIZE,
};

typedef struct
{
  SpWindow     *window;
  gboolean      data_only;
  SpFigureKind  suggested;
  SpPlotStyle   screen_style;
  SpExportFormat initial_format;   /* the file type the chooser opened with */
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->window);
  sp_plot_style_clear (&request->screen_style);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static SpFigureKind
offered_kind (SpFigureKind kind,
              gboolean     data_only)
{
  if (data_only && (kind == SP_FIGURE_ENERGY || kind == SP_FIGURE_COARSENING))
    return SP_EXPORT_FIGURE_DIAGNOSTICS;
  if (data_only && kind == SP_FIGURE_VOLTAGE_TIME)
    return SP_FIGURE_VOLTAGE_TRACE;
  return kind;
}

static void
add_figure_choice (GtkFileChooser *chooser,
                   gboolean        data_only,
                   SpFigureKind    selected)
{
  gboolean impedance = selected < SP_N_FIGURES && sp_figure_kind_is_impedance (selected);
  gboolean hopping = selected < SP_N_FIGURES && sp_figure_kind_is_hopping (selected);
  const SpFigureKind *kinds = impedance ? impedance_choices : hopping ? hopping_choices
                              : data_only ? data_choices : figure_choices;
  guint n = impedance ? G_N_ELEMENTS (impedance_choices)
            : hopping ? G_N_ELEMENTS (hopping_choices)
            : data_only ? G_N_ELEMENTS (data_choices) : G_N_ELEMENTS (figure_choices);
  g_autofree const char **ids = g_new0 (const char *, n + 1);
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  guint j = 1;

  /* The figure on show first: GTK 4.8's own dialog (no portal) ignores
   * gtk_file_chooser_set_choice() and always starts on the first option. */
  ids[0] = sp_export_figure_id (selected);
  labels[0] = sp_export_figure_title (selected);
  for (guint i = 0; i < n; i++)
    if (kinds[i] != selected)
      {
        ids[j] = sp_export_figure_id (kinds[i]);
        labels[j++] = sp_export_figure_title (kinds[i]);
      }
  add_choice (chooser, "figure", data_only ? _("Data") : _("Figure"), ids, labels, ids[0]);
}

static SpFigureKind
chosen_kind (GtkFileChooser *chooser,
             SpFigureKind    fallback)
{
  const char *id = gtk_file_chooser_get_choice (chooser, "figure");

  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (figure_choices); i++)
    if (g_str_equal (id, sp_export_figure_id (figure_choices[i])))
      return figure_choices[i];
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (impedance_choices); i++)
    if (g_str_equal (id, sp_export_figure_id (impedance_choices[i])))
      return impedance_choices[i];
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (hopping_choices); i++)
    if (g_str_equal (id, sp_export_figure_id (hopping_choices[i])))
      return hopping_choices[i];
  return fallback;
}

/* The file to write: the format by sp_export_dialog_resolve_name()'s rule (a
 * file type the user picked wins and the extension follows it); a name
 * left as suggested follows the figure chosen in the dialog. */
static GFile *
chosen_file (GtkFileChooser *chooser,
             const Request  *request,
             SpFigureKind    kind,
             SpExportFormat *format)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  char *dot;

  if (file == NULL)
    return NULL;
  parent = g_file_get_parent (file);
  name = g_file_get_basename (file);
  if (parent == NULL)
    return g_steal_pointer (&file);

  if (request->data_only)
    /* One file type only: it is always the chosen one. */
    stem = sp_export_dialog_resolve_name (name, SP_EXPORT_CSV, TRUE, format);
  else
    {
      SpExportFormat chosen = sp_export_dialog_chosen_format (chooser, request->initial_format);

      stem = sp_export_dialog_resolve_name (name, chosen, chosen != request->initial_format,
                                            format);
    }
  /* The resolved name always ends in the format's extension. */
  dot = strrchr (stem, '.');
  if (dot != NULL && dot != stem)
    *dot = '\0';
  if (g_str_equal (stem, sp_export_figure_id (request->suggested)))
    {
      g_free (stem);
      stem = g_strdup (sp_export_figure_id (kind));
    }
  g_free (name);
  name = g_strdup_printf ("%s.%s", stem, sp_export_format_to_id (*format));
  return g_file_get_child (parent, name);
}

static void
on_response (GtkNativeDialog *native,
             int              response,
             gpointer         user_data)
{
  g_autoptr(Request) request = user_data;
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  g_autoptr(GFile) file = NULL;
  SpExportOptions options;
  SpFigureKind kind = request->suggested;
  SpExportFormat format = SP_EXPORT_PNG;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      kind = offered_kind (chosen_kind (chooser, request->suggested), request->data_only);
      file = chosen_file (chooser, request, kind, &format);
    }
  if (file != NULL)
    {
      sp_export_options_init (&options, kind);
      options.format = format;
      if (!request->data_only)
        sp_export_dialog_remember_format (GTK_WIDGET (request->window), format);
      if (!request->data_only)
        {
          if (sp_export_dialog_read_image_choices (chooser, TRUE, &options))
            options.style = &request->screen_style;
        }
      sp_window_export_write (request->window, kind, &options, file);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
sp_window_export_present_chooser (SpWindow *self,
                                  gboolean  data_only)
{
  SpPlotView *view = sp_window_export_get_current_view (self);
  Request *request = g_new0 (Request, 1);
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  request->window = g_object_ref (self);
  request->data_only = data_only;
  request->suggested = offered_kind (sp_plot_view_get_kind (view), data_only);
  sp_plot_style_copy (sp_plot_view_get_style (view), &request->screen_style);

  native = gtk_file_chooser_native_new (data_only ? _("Export Data") : _("Export Figure"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  chooser = GTK_FILE_CHOOSER (native);
  if (data_only)
    sp_export_dialog_add_file_filter (chooser, SP_EXPORT_CSV);
  else
    for (SpExportFormat format = SP_EXPORT_PNG; format <= SP_EXPORT_PDF; format++)
      sp_export_dialog_add_file_filter (chooser, format);

  add_figure_choice (chooser, data_only, request->suggested);
  if (!data_only)
    sp_export_dialog_add_image_choices (chooser, TRUE);

  /* The figure's name in the format of the last figure export (PNG at
   * first), with that file type selected: the name and the type agree. */
  request->initial_format = SP_EXPORT_CSV;
  if (!data_only)
    {
      request->initial_format = sp_export_dialog_remembered_format (GTK_WIDGET (self),
                                                                    SP_EXPORT_PNG);
      if (request->initial_format > SP_EXPORT_PDF)
        request->initial_format = SP_EXPORT_PNG;
      sp_export_dialog_select_filter (chooser, request->initial_format);
    }
  name = g_strdup_printf ("%s.%s", sp_export_figure_id (request->suggested),
                          sp_export_format_to_id (request->initial_format));
  gtk_file_chooser_set_current_name (chooser, name);
  g_signal_connect (native, "response", G_CALLBACK (on_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
