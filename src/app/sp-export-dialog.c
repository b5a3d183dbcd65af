/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-export-dialog.c — file chooser, threaded write, toast; clipboard copy */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-export-dialog.h"
#include "sp-export.h"
#include "sp-file.h"

/* Everything a job needs, owned, so the window may change or drop its own
 * data while the worker thread draws. */
typedef struct
{
  SpFigureKind     kind;
  SpAnalysis      *analysis;
  SpFrame         *frame;
  SpChHistory     *history;
  SpDriveTrace    *trace;      /* a copy: the run goes on meanwhile */
  char            *caption;
  double           cursor_c;
  gboolean         field_fixed_scale;
  SpEisFigureData *eis;        /* a copy: the page's data moves on meanwhile */
  SpPinSet        *pins;       /* immutable: shared */
  SpHopFigureData *hop;        /* the same for the hopping figures */
  SpRateSweepResult *rate_sweep;  /* immutable: shared */
  SpPlotStyle      screen_style;
  gboolean         has_screen_style;
  SpExportOptions  options;
  gboolean         use_screen_style;
  GFile           *file;
  GtkWidget       *widget;
  AdwToastOverlay *toasts;
  SpExportFormat   initial_format;   /* the file type the chooser opened with */
} Job;

static Job *
job_new (SpFigureKind        kind,
         const SpFigureData *data,
         const SpPlotStyle  *screen_style,
         GtkWidget          *widget,
         AdwToastOverlay    *toasts)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->analysis = data->analysis != NULL ? sp_analysis_ref (data->analysis) : NULL;
  job->frame = data->frame != NULL ? sp_frame_ref (data->frame) : NULL;
  job->history = data->history != NULL ? sp_ch_history_copy (data->history) : NULL;
  job->trace = data->trace != NULL ? sp_drive_trace_copy (data->trace) : NULL;
  job->caption = g_strdup (data->caption);
  job->cursor_c = data->cursor_c;
  job->field_fixed_scale = data->field_fixed_scale;
  job->eis = sp_eis_figure_data_copy (data->eis);
  job->pins = data->pins != NULL ? sp_pin_set_ref ((SpPinSet *) data->pins) : NULL;
  job->hop = sp_hop_figure_data_copy (data->hop);
  job->rate_sweep = data->rate_sweep != NULL
                    ? sp_rate_sweep_result_ref ((SpRateSweepResult *) data->rate_sweep) : NULL;
  if (screen_style != NULL)
    {
      sp_plot_style_copy (screen_style, &job->screen_style);
      job->has_screen_style = TRUE;
    }
  job->widget = widget != NULL ? g_object_ref (widget) : NULL;
  job->toasts = toasts != NULL ? g_object_ref (toasts) : NULL;
  sp_export_options_init (&job->options, kind);
  return job;
}

static void
job_free (Job *job)
{
  g_clear_pointer (&job->analysis, sp_analysis_unref);
  g_clear_pointer (&job->frame, sp_frame_unref);
  g_clear_pointer (&job->history, sp_ch_history_free);
  g_clear_pointer (&job->trace, sp_drive_trace_free);
  g_free (job->caption);
  sp_eis_figure_data_free (job->eis);
  g_clear_pointer (&job->pins, sp_pin_set_unref);
  sp_hop_figure_data_free (job->hop);
  g_clear_pointer (&job->rate_sweep, sp_rate_sweep_result_unref);
  if (job->has_screen_style)
    sp_plot_style_clear (&job->screen_style);
  g_clear_object (&job->file);
  g_clear_object (&job->widget);
  g_clear_object (&job->toasts);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
job_data (Job          *job,
          SpFigureData *data)
{
  sp_figure_data_init (data);
  data->analysis = job->analysis;
  data->frame = job->frame;
  data->history = job->history;
  data->trace = job->trace;
  data->caption = job->caption;
  data->cursor_c = job->cursor_c;
  data->field_fixed_scale = job->field_fixed_scale;
  data->eis = job->eis;
  data->pins = job->pins;
  data->hop = job->hop;
  data->rate_sweep = job->rate_sweep;
}

static void
show_toast (AdwToastOverlay *toasts,
            AdwToast        *toast)
{
  if (toasts != NULL)
    adw_toast_overlay_add_toast (toasts, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
sp_export_dialog_toast_error (AdwToastOverlay *toasts,
                              const char      *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts));
  g_return_if_fail (message != NULL);

  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  /* A failure stays until read. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  show_toast (toasts, toast);
}

static void
on_show_in_folder_clicked (GtkButton *button,
                           GFile     *file)
{
  sp_export_dialog_show_in_folder (GTK_WIDGET (button), file);
}

static void
on_open_clicked (AdwToast *toast,
                 GFile    *file)
{
  GtkWidget *overlay = g_object_get_data (G_OBJECT (toast), "sp-overlay");

  if (overlay != NULL)
    sp_export_dialog_open_file (overlay, file);
}

void
sp_export_dialog_toast_file (AdwToastOverlay *toasts,
                             const char      *title,
                             GFile           *file)
{
  g_autofree char *markup = NULL;
  GtkWidget *box, *label, *button;
  AdwToast *toast;

  g_return_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts));
  g_return_if_fail (title != NULL);
  g_return_if_fail (G_IS_FILE (file));

  /* The plain title stays for screen readers; the custom one is shown. */
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);

  /* A toast has one button: "Open"; "Show in Folder" sits in the title. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  button = gtk_button_new_with_mnemonic (_("Show in _Folder"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_show_in_folder_clicked),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  adw_toast_set_custom_title (toast, box);

  adw_toast_set_button_label (toast, _("_Open"));
  /* The launch needs a widget on the display; the overlay outlives its
   * toasts. */
  if (toasts != NULL)
    g_object_set_data_full (G_OBJECT (toast), "sp-overlay", g_object_ref (toasts), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_clicked),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  show_toast (toasts, toast);
}

/* ---- writing ---------------------------------------------------------------- */

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  SpFigureData data;

  job_data (job, &data);
  if (job->use_screen_style && job->has_screen_style)
    job->options.style = &job->screen_style;
  bytes = sp_export_render (job->kind, &data, &job->options, &error);
  /* A temporary renamed over the file: a failure leaves the old file (or
   * none), never a partial one, and nobody sees it half written. */
  if (bytes == NULL ||
      !sp_file_write_atomic_gfile (job->file, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not export: %s"), error->message);

      sp_export_dialog_toast_error (job->toasts, message);
      return;
    }

  name = g_file_get_basename (job->file);
  title = g_strdup_printf (_("Exported “%s”"), name);
  sp_export_dialog_toast_file (job->toasts, title, job->file);
}

static void
start_write (Job *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_written, NULL);

  g_task_set_source_tag (task, start_write);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, write_in_thread);
}

void
sp_export_dialog_write (GtkWidget             *widget,
                        SpFigureKind           kind,
                        const SpFigureData    *data,
                        const SpExportOptions *options,
                        GFile                 *file,
                        AdwToastOverlay       *toasts)
{
  Job *job;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (data != NULL && options != NULL && G_IS_FILE (file));

  job = job_new (kind, data, options->style, widget, toasts);
  job->options = *options;
  job->options.style = NULL;
  job->use_screen_style = options->style != NULL;
  job->file = g_object_ref (file);
  start_write (job);
}

static const char *
format_name (SpExportFormat format)
{
  switch (format)
    {
    case SP_EXPORT_PNG:
      return _("PNG image");
    case SP_EXPORT_SVG:
      return _("SVG vector image");
    case SP_EXPORT_PDF:
      return _("PDF document");
    case SP_EXPORT_CSV:
      return _("CSV data");
    default:
      g_return_val_if_reached (sp_export_format_to_id (format));
    }
}

void
sp_export_dialog_add_file_filter (GtkFileChooser *chooser,
                                  SpExportFormat  format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", sp_export_format_to_id (format));

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  gtk_file_filter_set_name (filter, format_name (format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, sp_export_format_mime_type (format));
  /* Stored +1, so that a filter without one (video) reads as none. */
  g_object_set_data (G_OBJECT (filter), "sp-format", GUINT_TO_POINTER (format + 1));
  gtk_file_chooser_add_filter (chooser, filter);
}

SpExportFormat
sp_export_dialog_chosen_format (GtkFileChooser *chooser,
                                SpExportFormat  fallback)
{
  GtkFileFilter *filter;
  guint stored;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), fallback);

  filter = gtk_file_chooser_get_filter (chooser);
  stored = filter != NULL ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (filter), "sp-format"))
                          : 0;
  return stored > 0 ? (SpExportFormat) (stored - 1) : fallback;
}

void
sp_export_dialog_add_style_choice (GtkFileChooser *chooser)
{
  const char *ids[] = { "light", "screen", NULL };
  const char *labels[] = { _("Light (print)"), _("As on screen"), NULL };

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  gtk_file_chooser_add_choice (chooser, "style", _("Style"), ids, labels);
  gtk_file_chooser_set_choice (chooser, "style", "light");
}

gboolean
sp_export_dialog_chose_screen_style (GtkFileChooser *chooser)
{
  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), FALSE);

  return g_strcmp0 (gtk_file_chooser_get_choice (chooser, "style"), "screen") == 0;
}

void
sp_export_dialog_add_image_choices (GtkFileChooser *chooser,
                                    gboolean        with_style)
{
  const char *scale_ids[] = { "1", "2", NULL };
  const char *scale_labels[] = { _("Normal"), _("Double (HiDPI)"), NULL };

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  if (with_style)
    sp_export_dialog_add_style_choice (chooser);
  gtk_file_chooser_add_choice (chooser, "scale", _("PNG size"), scale_ids, scale_labels);
  gtk_file_chooser_set_choice (chooser, "scale", "1");
  gtk_file_chooser_add_choice (chooser, "caption", _("Add a caption with the parameters"),
                               NULL, NULL);
}

gboolean
sp_export_dialog_read_image_choices (GtkFileChooser  *chooser,
                                     gboolean         with_style,
                                     SpExportOptions *options)
{
  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  options->scale = g_strcmp0 (gtk_file_chooser_get_choice (chooser, "scale"), "2") == 0 ? 2.0
                                                                                         : 1.0;
  options->caption = g_strcmp0 (gtk_file_chooser_get_choice (chooser, "caption"), "true") == 0;
  return with_style && sp_export_dialog_chose_screen_style (chooser);
}

char *
sp_export_dialog_resolve_name (const char     *name,
                               SpExportFormat  chosen,
                               gboolean        type_was_chosen,
                               SpExportFormat *format)
{
  const char *dot = strrchr (name, '.');
  SpExportFormat typed;
  gboolean has_typed = dot != NULL && dot != name && sp_export_format_from_path (name, &typed);

  g_return_val_if_fail (name != NULL && format != NULL, NULL);

  if (has_typed && (!type_was_chosen || typed == chosen))
    {
      *format = typed;
      return g_strdup (name);
    }
  /* The file type wins: a known extension is replaced, any other kept
   * ("data.v2" → "data.v2.pdf"). */
  *format = chosen;
  return g_strdup_printf ("%.*s.%s", has_typed ? (int) (dot - name) : (int) strlen (name), name,
                          sp_export_format_to_id (chosen));
}

SpExportFormat
sp_export_dialog_remembered_format (GtkWidget      *window,
                                    SpExportFormat  fallback)
{
  guint stored = window != NULL
                 ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "sp-export-format"))
                 : 0;

  return stored > 0 ? (SpExportFormat) (stored - 1) : fallback;
}

void
sp_export_dialog_remember_format (GtkWidget      *window,
                                  SpExportFormat  format)
{
  if (window != NULL)
    g_object_set_data (G_OBJECT (window), "sp-export-format", GUINT_TO_POINTER (format + 1));
}

void
sp_export_dialog_select_filter (GtkFileChooser *chooser,
                                SpExportFormat  format)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (filter), "sp-format")) == format + 1)
        {
          gtk_file_chooser_set_filter (chooser, filter);
          return;
        }
    }
}

/* The file and format to write from the chooser's answer (see
 * sp_export_dialog_resolve_name for the rule). */
static GFile *
resolve_format (GtkFileChooser *chooser,
                GFile          *file,
                SpExportFormat  initial,
                SpExportFormat *format)
{
  g_autofree char *name = g_file_get_basename (file);
  SpExportFormat chosen = sp_export_dialog_chosen_format (chooser, initial);
  g_autofree char *resolved = sp_export_dialog_resolve_name (name, chosen, chosen != initial,
                                                             format);
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (parent == NULL || g_str_equal (resolved, name))
    return g_object_ref (file);
  return g_file_get_child (parent, resolved);
}

static void
on_response (GtkNativeDialog *native,
             int              response,
             gpointer         user_data)
{
  g_autoptr(Job) job = user_data;
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (chooser);
  if (chosen == NULL)
    {
      g_object_unref (native);
      return;
    }

  job->file = resolve_format (chooser, chosen, job->initial_format, &job->options.format);
  sp_export_dialog_remember_format (job->widget, job->options.format);
  /* The style choice exists only when there is a screen style. */
  job->use_screen_style = sp_export_dialog_read_image_choices (chooser, job->has_screen_style,
                                                               &job->options);
  g_object_unref (native);
  start_write (g_steal_pointer (&job));
}

void
sp_export_dialog_present (GtkWindow          *parent,
                          SpFigureKind        kind,
                          const SpFigureData *data,
                          const SpPlotStyle  *screen_style,
                          AdwToastOverlay    *toasts)
{
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;
  Job *job;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (data != NULL);

  job = job_new (kind, data, screen_style, GTK_WIDGET (parent), toasts);
  native = gtk_file_chooser_native_new (_("Export Figure"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (native);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  for (SpExportFormat format = SP_EXPORT_PNG; format <= SP_EXPORT_CSV; format++)
    sp_export_dialog_add_file_filter (chooser, format);

  /* The figure's name in the format of the last export from this window,
   * with that file type selected: the name and the type agree. */
  job->initial_format = sp_export_dialog_remembered_format (GTK_WIDGET (parent), SP_EXPORT_PNG);
  sp_export_dialog_select_filter (chooser, job->initial_format);
  name = g_strdup_printf ("%s.%s", sp_figure_kind_to_id (kind),
                          sp_export_format_to_id (job->initial_format));
  gtk_file_chooser_set_current_name (chooser, name);

  sp_export_dialog_add_image_choices (chooser, screen_style != NULL);

  g_signal_connect (native, "response", G_CALLBACK (on_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- clipboard ---------------------------------------------------------------- */

static void
render_texture_in_thread (GTask        *task,
                          gpointer      source,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  Job *job = task_data;
  SpFigureData data;
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  int width, height, stride;

  job_data (job, &data);
  surface = sp_export_render_image (job->kind, &data,
                                    job->has_screen_style ? &job->screen_style : NULL,
                                    job->options.width, job->options.height,
                                    job->options.scale);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not draw the figure: %s"),
                               cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return;
    }
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  cairo_surface_destroy (surface);
  /* Cairo's ARGB32 is GDK_MEMORY_DEFAULT (premultiplied, native endian). */
  g_task_return_pointer (task, gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT,
                                                       bytes, stride),
                         g_object_unref);
}

static void
on_texture (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);

  if (texture == NULL)
    {
      sp_export_dialog_toast_error (job->toasts, error->message);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (job->widget), texture);
  show_toast (job->toasts, adw_toast_new (_("Figure copied to the clipboard")));
}

void
sp_export_dialog_copy_to_clipboard (GtkWidget          *widget,
                                    SpFigureKind        kind,
                                    const SpFigureData *data,
                                    const SpPlotStyle  *style,
                                    double              width,
                                    double              height,
                                    double              scale,
                                    AdwToastOverlay    *toasts)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (data != NULL && width >= 1 && height >= 1 && scale >= 1);

  job = job_new (kind, data, style, widget, toasts);
  job->options.width = width;
  job->options.height = height;
  job->options.scale = scale;
  task = g_task_new (NULL, NULL, on_texture, NULL);
  g_task_set_source_tag (task, sp_export_dialog_copy_to_clipboard);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, render_texture_in_thread);
}
