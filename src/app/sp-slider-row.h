/* sp-slider-row.h — a parameter row: title, slider, exact entry, unit
 *
 * An AdwPreferencesRow with the title, unit and a GtkSpinButton on one
 * line and a full-width GtkScale below (AdwSpinRow is libadwaita 1.4).
 * sp_slider_row_bind() takes the range from SpParams and binds the entry's
 * adjustment to the property both ways, so the row can never hold a value
 * SpParams would refuse.  The slider has an adjustment of its own: it may
 * show a narrower range that suits the material (with a toggle for the
 * full range), and a range over decades slides in log10.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-params.h"

G_BEGIN_DECLS

#define SP_TYPE_SLIDER_ROW (sp_slider_row_get_type ())
G_DECLARE_FINAL_TYPE (SpSliderRow, sp_slider_row, SP, SLIDER_ROW, AdwPreferencesRow)

void           sp_slider_row_bind           (SpSliderRow *self,
                                             SpParams    *params,
                                             const char  *property);
/* The same for a value that is no SpParams property (the impedance page's
 * model): the range is @source's lower … upper, the values follow each
 * other both ways.  A logarithmic row whose range reaches below the shown
 * digits or up to 10⁶ shows its value with three significant digits
 * ("6.66e-11", "35000"), and the slider rounds to them. */
void           sp_slider_row_bind_adjustment (SpSliderRow   *self,
                                              GtkAdjustment *source);
GtkAdjustment *sp_slider_row_get_adjustment (SpSliderRow *self);
GtkSpinButton *sp_slider_row_get_spin       (SpSliderRow *self);
GtkScale      *sp_slider_row_get_scale      (SpSliderRow *self);
/* The range the slider spans unless its full-range toggle is on: e.g. T up
 * to 1.5 T_c of the material.  It widens by itself to include a value set
 * outside it; NAN (or the whole range) removes it and hides the toggle. */
void           sp_slider_row_set_focus_range (SpSliderRow *self,
                                              double       min,
                                              double       max);
/* The range the slider spans now, in the value's units. */
void           sp_slider_row_get_scale_range (SpSliderRow *self,
                                              double      *min,
                                              double      *max);
GtkToggleButton *sp_slider_row_get_full_range_button (SpSliderRow *self);

G_END_DECLS
