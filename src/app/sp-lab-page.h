/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-lab-page.h — what every page of the window is: the contract
 *
 * A lab page is one widget built from its own template (ui/sp-*-page.ui).
 * It owns its figures, their layout and its page-specific actions; the
 * window knows a page only through this class:
 *   - "page-name", "title", "icon-name": set in the page's template; the
 *     window's view stack shows the page under them, the name is the
 *     win.show-page target and Alt+N follows the pages' order;
 *   - its figures (sp_lab_page_add_figure() in the page's init, in the
 *     order Export lists them): the window gives them the analysis, the
 *     simulation's frames, the linked cursor, the colour scale and the
 *     presentation scale, and lists them for Export and Record;
 *   - the area the view stack gives the pages and presentation mode: the
 *     page relayouts its figures in the relayout() vfunc (the overview
 *     shows two focus figures in presentation mode, the simulation page
 *     its field beside the diagnostics).
 * A page never knows the window nor another page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-plot-view.h"

G_BEGIN_DECLS

#define SP_TYPE_LAB_PAGE (sp_lab_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (SpLabPage, sp_lab_page, SP, LAB_PAGE, GtkWidget)

struct _SpLabPageClass
{
  GtkWidgetClass parent_class;

  /* The area or presentation mode changed: place the figures again.
   * Called in an idle after the allocation (moving children inside one
   * would re-enter it), at most once per main-loop turn. */
  void (*relayout) (SpLabPage *self);
};

const char      *sp_lab_page_get_page_name    (SpLabPage  *self);
const char      *sp_lab_page_get_title        (SpLabPage  *self);
const char      *sp_lab_page_get_icon_name    (SpLabPage  *self);
/* The page's figures (borrowed), in the order Export lists them. */
GPtrArray       *sp_lab_page_get_figures      (SpLabPage  *self);

/* The size of the area the page is shown in (the view stack's), also
 * while another page is on show, so every page is laid out at once. */
void             sp_lab_page_set_area         (SpLabPage  *self,
                                               int         width,
                                               int         height);
void             sp_lab_page_get_area         (SpLabPage  *self,
                                               int        *width,
                                               int        *height);
void             sp_lab_page_set_presentation (SpLabPage  *self,
                                               gboolean    presentation);
gboolean         sp_lab_page_get_presentation (SpLabPage  *self);
/* Asks for a relayout (in an idle); for pages whose own state changed. */
void             sp_lab_page_queue_relayout   (SpLabPage  *self);

/* For the pages' init only: registers @figure (a template child). */
void             sp_lab_page_add_figure       (SpLabPage  *self,
                                               SpPlotView *figure);

G_END_DECLS
