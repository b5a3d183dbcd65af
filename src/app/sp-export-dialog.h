/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-export-dialog.h — the window's side of export: a file chooser, the
 * write off the main thread, and a toast with the outcome; and copying a
 * figure to the clipboard
 *
 * Not wired into the window here: the window's Export menu (Ctrl+E) and
 * Copy action call these with the figure on show.
 */
#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>

#include "sp-export.h"
#include "sp-figure.h"
#include "sp-plot-style.h"

G_BEGIN_DECLS

/* Asks where to save @kind (PNG, SVG, PDF or CSV: see
 * sp_export_dialog_resolve_name()), with choices for the style (light print
 * style, or @screen_style as on screen when it is given), a caption and, for PNG,
 * the scale.  Writes in a worker thread and reports in @toasts: "Open" and
 * "Show in Folder" on success, the reason on failure.  @data is copied
 * (references taken): the caller may drop it at once. */
void      sp_export_dialog_present      (GtkWindow          *parent,
                                         SpFigureKind        kind,
                                         const SpFigureData *data,
                                         const SpPlotStyle  *screen_style,
                                         AdwToastOverlay    *toasts);

/* What the dialog does once a file is chosen: writes @kind to @file with
 * @options (its style, when set, is copied) in a worker thread, then the
 * toast.  For callers that know the file already (and for tests). */
void      sp_export_dialog_write        (GtkWidget             *widget,
                                         SpFigureKind           kind,
                                         const SpFigureData    *data,
                                         const SpExportOptions *options,
                                         GFile                 *file,
                                         AdwToastOverlay       *toasts);

/* Puts @kind, drawn at @width × @height (user units) and @scale in
 * @style (NULL: light print style), on @widget's clipboard as an image;
 * drawn off the main thread, then a toast. */
void      sp_export_dialog_copy_to_clipboard   (GtkWidget          *widget,
                                                SpFigureKind        kind,
                                                const SpFigureData *data,
                                                const SpPlotStyle  *style,
                                                double              width,
                                                double              height,
                                                double              scale,
                                                AdwToastOverlay    *toasts);

/* Opens @file with its default application; shows its folder with the
 * file selected (org.freedesktop.FileManager1), or the folder alone when
 * no file manager answers. */
void      sp_export_dialog_open_file           (GtkWidget          *widget,
                                                GFile              *file);
void      sp_export_dialog_show_in_folder      (GtkWidget          *widget,
                                                GFile              *file);

/* What the figure export, the window's Export menu and the recording
 * share: */

/* Adds a filter for @format ("PNG image", …) matching its extension and
 * MIME type; sp_export_dialog_chosen_format() reads it back. */
void           sp_export_dialog_add_file_filter    (GtkFileChooser  *chooser,
                                                    SpExportFormat   format);
/* The format of @chooser's chosen filter, or @fallback when there is none
 * (or it is not one of sp_export_dialog_add_file_filter()'s). */
SpExportFormat sp_export_dialog_chosen_format      (GtkFileChooser  *chooser,
                                                    SpExportFormat   fallback);
/* Selects the filter sp_export_dialog_add_file_filter() added for @format. */
void           sp_export_dialog_select_filter      (GtkFileChooser  *chooser,
                                                    SpExportFormat   format);

/* The format to write and the file name to write it to, from a save
 * dialog's answer: @name as typed, @chosen the file type selected, and
 * whether the user changed the file type from the one the dialog opened
 * with.  A file type the user chose wins and a known extension in the name
 * is corrected to it ("fig.png" with PDF chosen → "fig.pdf"), as GNOME
 * applications with a file-type list (GIMP, Inkscape) do.  With the file
 * type left as it opened, an extension typed in the name decides
 * ("fig.svg" → SVG).  A name without a known extension gets the file
 * type's. */
char          *sp_export_dialog_resolve_name       (const char      *name,
                                                    SpExportFormat   chosen,
                                                    gboolean         type_was_chosen,
                                                    SpExportFormat  *format);

/* The format of the last export from @window (@fallback before the first):
 * the next dialog suggests it, so the default name and file type agree
 * with what the user exports. */
SpExportFormat sp_export_dialog_remembered_format  (GtkWidget       *window,
                                                    SpExportFormat   fallback);
void           sp_export_dialog_remember_format    (GtkWidget       *window,
                                                    SpExportFormat   format);

/* Adds the choice of style: light print style (the default) or as on
 * screen; sp_export_dialog_chose_screen_style() reads it back. */
void           sp_export_dialog_add_style_choice   (GtkFileChooser  *chooser);
gboolean       sp_export_dialog_chose_screen_style (GtkFileChooser  *chooser);
/* Adds an image's choices: the style (when @with_style), the PNG scale
 * and the caption; reading them back sets @options' scale and caption and
 * returns whether the screen style was chosen. */
void           sp_export_dialog_add_image_choices  (GtkFileChooser  *chooser,
                                                    gboolean         with_style);
gboolean       sp_export_dialog_read_image_choices (GtkFileChooser  *chooser,
                                                    gboolean         with_style,
                                                    SpExportOptions *options);
/* A failure toast that stays until read (@message is plain text).  With
 * @toasts NULL the toast is dropped. */
void           sp_export_dialog_toast_error        (AdwToastOverlay *toasts,
                                                    const char      *message);
/* A success toast for @file: @title (plain text) with "Show in Folder",
 * and "Open" as its button.  With @toasts NULL the toast is dropped. */
void           sp_export_dialog_toast_file         (AdwToastOverlay *toasts,
                                                    const char      *title,
                                                    GFile           *file);

G_END_DECLS
