/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-lab-page.h — what every page of the window is: the contract
 *
 * A lab page is one widget built from its own template (ui/sp-*-page.ui).
 * It owns its figures, their layout, its panel and its page-specific
 * actions; the window knows a page only through this class:
 *   - "page-name", "title", "icon-name": set in the page's template; the
 *     window's view stack shows the page under them, the name is the
 *     win.show-page target and the key of its state in a session file;
 *   - its lab: "lab-name" (an id: "phase-separation", "ion-transport"),
 *     "lab-title" (the lab selector's label, with a mnemonic underscore)
 *     and "lab-icon-name" (the selector's icon on narrow windows).  The
 *     window groups the pages into labs by lab-name, in the order of
 *     their first pages; the switcher shows the active lab's pages only,
 *     and Alt+1 … Alt+9 reach every page of every lab in list order;
 *   - its panel, the widget the window's left flap shows while the page
 *     is on show: create_panel() makes it, once per "panel-name" (by
 *     default the lab-name): the pages of one lab share one panel by
 *     sharing the name (only the first page's create_panel() is called),
 *     a page with a panel of its own gives itself its own name;
 *   - its figures (sp_lab_page_add_figure() in the page's init, in the
 *     order Export lists them): the window gives them the analysis, the
 *     simulation's frames, the linked cursor, the colour scale and the
 *     presentation scale, and lists them for Export and Record;
 *   - the area the view stack gives the pages and presentation mode: the
 *     page relayouts its figures in the relayout() vfunc (the overview
 *     shows two focus figures in presentation mode, the simulation page
 *     its field beside the diagnostics);
 *   - "simulation-bar": TRUE for the pages the phase-separation
 *     simulation's play/step bar belongs under;
 *   - its state for a session file (version 2): save_state() returns it
 *     as a JSON object, stored under "pages" → page-name; check_state()
 *     judges a file's object without changing anything (errors name the
 *     field as "session.pages.NAME.FIELD: …"), load_state() then shows
 *     it and cannot fail.  A page calls sp_lab_page_state_changed() when
 *     its state changed, so the document can mark unsaved changes.  The
 *     phase-separation pages have none of their own: their parameters
 *     are the session's "model" and "simulation".
 * A page never knows the window nor another page.
 *
 * Adding a page (e.g. the Ion Transport lab's Impedance page):
 *   1. src/app/sp-impedance-page.{c,h}: a final type derived from
 *      SpLabPage (G_DECLARE_FINAL_TYPE (…, SP_TYPE_LAB_PAGE)); class_init
 *      sets the template and relayout, create_panel (its own sliders:
 *      a new widget each call, built in code or as a second top-level
 *      object of its .ui returned with a new reference; the window calls
 *      it once), save_state, check_state and load_state; its init calls
 *      gtk_widget_init_template() and sp_lab_page_add_figure() for each
 *      figure, and it calls sp_lab_page_state_changed() whenever a
 *      slider, the mode or the data changes what a save would write;
 *   2. ui/sp-impedance-page.ui: <template class="SpImpedancePage"
 *      parent="SpLabPage"> with page-name "impedance", title
 *      "_Impedance", its icon-name, lab-name "ion-transport", lab-title
 *      "_Ion Transport" (mnemonics must not clash with the pages' or the
 *      other lab's), lab-icon-name, and its figures ("simulation-bar"
 *      stays FALSE: the phase-separation run is not its);
 *   3. its state: one JSON object, keys in snake_case with units in the
 *      names ("r_b_ohm"); check_state() refuses what the sliders cannot
 *      show with SP_SESSION_ERROR_INVALID and a message naming the field
 *      ("session.pages.impedance.r_b_ohm: must be …"), and takes a
 *      missing key as its default;
 *   4. one line in sp-window-pages.c's list (its place there is its
 *      place in the switcher and its Alt+N), plus the file lists
 *      (src/app/meson.build, the gresource XML, po/POTFILES.in).
 * No other page and no other window file changes: the lab selector
 * appears by itself once a second lab has a page.
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

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
  void         (*relayout)     (SpLabPage   *self);
  /* A new panel for the flap (a floating or new reference, which the
   * window takes); NULL: the page has none and the flap shows nothing. */
  GtkWidget   *(*create_panel) (SpLabPage   *self);
  /* The page's state (a new reference), or NULL for a page without one. */
  JsonObject  *(*save_state)   (SpLabPage   *self);
  /* Whether @state (a file's, any content) can be shown; changes nothing. */
  gboolean     (*check_state)  (SpLabPage   *self,
                                JsonObject  *state,
                                GError     **error);
  /* Shows @state, which check_state() accepted. */
  void         (*load_state)   (SpLabPage   *self,
                                JsonObject  *state);
};

const char      *sp_lab_page_get_page_name    (SpLabPage  *self);
const char      *sp_lab_page_get_title        (SpLabPage  *self);
const char      *sp_lab_page_get_icon_name    (SpLabPage  *self);
const char      *sp_lab_page_get_lab_name     (SpLabPage  *self);
const char      *sp_lab_page_get_lab_title    (SpLabPage  *self);
const char      *sp_lab_page_get_lab_icon_name (SpLabPage *self);
/* The flap panel's name: "panel-name", else the lab-name. */
const char      *sp_lab_page_get_panel_name   (SpLabPage  *self);
gboolean         sp_lab_page_get_simulation_bar (SpLabPage *self);
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

/* The vfuncs, for the window and the document. */
GtkWidget       *sp_lab_page_create_panel     (SpLabPage  *self);
/* Whether the page has state for a session (its class saves one). */
gboolean         sp_lab_page_has_state        (SpLabPage  *self);
JsonObject      *sp_lab_page_save_state       (SpLabPage  *self);
gboolean         sp_lab_page_check_state      (SpLabPage  *self,
                                               JsonObject *state,
                                               GError    **error);
/* check_state(), then load_state(); FALSE (nothing changed) on an error. */
gboolean         sp_lab_page_load_state       (SpLabPage  *self,
                                               JsonObject *state,
                                               GError    **error);

/* For the pages' init only: registers @figure (a template child). */
void             sp_lab_page_add_figure       (SpLabPage  *self,
                                               SpPlotView *figure);
/* For the pages: their state changed (emits SpLabPage::state-changed). */
void             sp_lab_page_state_changed    (SpLabPage  *self);

G_END_DECLS
