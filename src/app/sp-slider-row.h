/* sp-slider-row.h — a parameter row: title, slider, exact entry, unit
 *
 * An AdwActionRow with a GtkScale and a GtkSpinButton sharing one
 * GtkAdjustment (AdwSpinRow is libadwaita 1.4).  sp_slider_row_bind() takes
 * the range from SpParams and binds the adjustment to the property both
 * ways, so the row can never hold a value SpParams would refuse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-params.h"

G_BEGIN_DECLS

#define SP_TYPE_SLIDER_ROW (sp_slider_row_get_type ())
G_DECLARE_FINAL_TYPE (SpSliderRow, sp_slider_row, SP, SLIDER_ROW, AdwActionRow)

void           sp_slider_row_bind           (SpSliderRow *self,
                                             SpParams    *params,
                                             const char  *property);
GtkAdjustment *sp_slider_row_get_adjustment (SpSliderRow *self);
GtkSpinButton *sp_slider_row_get_spin       (SpSliderRow *self);
GtkScale      *sp_slider_row_get_scale      (SpSliderRow *self);

G_END_DECLS
