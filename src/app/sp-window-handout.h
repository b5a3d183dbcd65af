/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-window-handout.h — the window's Export Handout… (sp-window-handout.c) */
#pragma once

#include <gio/gio.h>

#include "sp-handout.h"
#include "sp-window.h"

G_BEGIN_DECLS

/* The save dialog (a PDF, the paper as a choice), then
 * sp_window_handout_write(). */
void sp_window_handout_present_chooser (SpWindow       *self);
/* Builds the handout of what the window shows, renders and writes it to
 * @file atomically in a worker thread, then a toast ("Handout exported"
 * with Open, or the reason it failed). */
void sp_window_handout_write           (SpWindow       *self,
                                        GFile          *file,
                                        SpHandoutPaper  paper);

G_END_DECLS
