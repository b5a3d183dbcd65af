/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hopping-series.h — the Hopping page's Data mode, beyond one file:
 * runs at several temperatures or box sizes and the two tables
 *
 * A group of rows under the trajectory's: Add Files… (several trajectories
 * read with the imported one's species and time step, each reduced to its
 * D* ± s.e.) and Add Current (the analysed trajectory as it stands); one
 * row per run with its D*, box length and temperature (typed when the file
 * does not say), and Remove; the Γ(Q) table (Q, Γ, error) that replaces the
 * trajectory's on the QENS figure, and the box-size table (L, D or an NEB
 * barrier E) that replaces the runs on the finite-size figure — each opened
 * with the window's file chooser and cleared again.  The workbench reads
 * every file in a thread; the Arrhenius and finite-size figures follow.
 */
#pragma once

#include <adwaita.h>

#include "sp-hop-workbench.h"

G_BEGIN_DECLS

#define SP_TYPE_HOPPING_SERIES (sp_hopping_series_get_type ())
G_DECLARE_FINAL_TYPE (SpHoppingSeries, sp_hopping_series, SP, HOPPING_SERIES, AdwPreferencesGroup)

GtkWidget   *sp_hopping_series_new              (SpHopWorkbench  *workbench);

/* For tests: the rows' controls. */
GtkWidget   *sp_hopping_series_get_add_files_button   (SpHoppingSeries *self);
GtkWidget   *sp_hopping_series_get_add_current_button (SpHoppingSeries *self);
/* The run rows in order (AdwActionRow), and a run's temperature spin
 * button and remove button. */
guint        sp_hopping_series_get_n_run_rows   (SpHoppingSeries *self);
GtkSpinButton *sp_hopping_series_get_run_temperature (SpHoppingSeries *self,
                                                 guint            index);
GtkWidget   *sp_hopping_series_get_run_remove   (SpHoppingSeries *self,
                                                 guint            index);
/* The tables' group, for the panel to place after this one. */
AdwPreferencesGroup *sp_hopping_series_get_tables (SpHoppingSeries *self);
/* The tables' rows (their subtitles name the file) and the quantity
 * drop-down of the box-size table. */
AdwActionRow *sp_hopping_series_get_qens_row    (SpHoppingSeries *self);
AdwActionRow *sp_hopping_series_get_size_row    (SpHoppingSeries *self);
GtkDropDown  *sp_hopping_series_get_size_quantity (SpHoppingSeries *self);
GtkWidget    *sp_hopping_series_get_qens_clear  (SpHoppingSeries *self);
GtkWidget    *sp_hopping_series_get_size_clear  (SpHoppingSeries *self);

/* As if chosen in the file choosers. */
void         sp_hopping_series_add_files        (SpHoppingSeries *self,
                                                 GFile          **files,
                                                 guint            n_files);
void         sp_hopping_series_open_qens_table  (SpHoppingSeries *self,
                                                 GFile           *file);
void         sp_hopping_series_open_size_table  (SpHoppingSeries *self,
                                                 GFile           *file);

G_END_DECLS
