/* sp-window-export-private.h — what the export actions
 * (sp-window-export.c) and their chooser (sp-window-export-chooser.c) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-window-export.h"

G_BEGIN_DECLS

/* The window's toast overlay (a template child). */
AdwToastOverlay *sp_window_export_get_toasts  (SpWindow   *self);
/* A failure toast that stays until read. */
void             sp_window_export_show_error  (SpWindow   *self,
                                               const char *message);
/* Writes @kind with @options to @file off the main thread, from the
 * figures as the window holds them; the outcome is a toast. */
void             sp_window_export_write       (SpWindow              *self,
                                               SpFigureKind           kind,
                                               const SpExportOptions *options,
                                               GFile                 *file);
/* The chooser (sp-window-export-chooser.c): Export Figure (or, with
 * @data_only, Export Data). */
void             sp_window_export_present_chooser (SpWindow *self,
                                                   gboolean  data_only);

G_END_DECLS
