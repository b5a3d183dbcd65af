/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-impedance-readouts.c — the explore mode's numbers under its figures
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-impedance-explore.h"
#include "sp-impedance-readouts.h"
#include "sp-readout.h"
#include "sp-readout-groups.h"

enum { SIGMA_BULK, SIGMA_GB, SIGMA_GB_SPECIFIC, SIGMA_TOTAL, N_SIGMAS };
enum { COL_APEX, COL_C_EFF, COL_C_SCALED, COL_CLASS, N_COLS };

struct _SpImpedanceReadouts
{
  GtkWidget  parent_instance;

  GtkWidget *sigma_grid;
  GtkWidget *arc_grid;
  GtkWidget *row;             /* the two grids: side by side or stacked, to fit */
  GtkWidget *info_button;
  GtkWidget *info_revealer;   /* the explanation, under them */
  GtkLabel  *sigma_names[N_SIGMAS];
  GtkLabel  *sigmas[N_SIGMAS];
  GtkLabel  *arcs[SP_EIS_N_ARCS][N_COLS];
};

G_DEFINE_FINAL_TYPE (SpImpedanceReadouts, sp_impedance_readouts, GTK_TYPE_WIDGET)

/* "5.00 × 10⁻⁴": every conductivity in one form, so a column of them
 * reads at a glance (rather than "0.0005" beside "3.53 × 10⁻⁵"). */
static char *
scientific (double value)
{
  static const char *superscripts[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  int power = (int) floor (log10 (fabs (value)));
  g_autofree char *mantissa = sp_readout_fixed (value / pow (10.0, power), 2);
  g_autofree char *digits = NULL;
  GString *text;

  /* 9.996 rounds to "10.00": one power up. */
  if (g_str_has_prefix (mantissa, "10") || g_str_has_prefix (mantissa, "−10"))
    {
      power++;
      g_free (mantissa);
      mantissa = sp_readout_fixed (value / pow (10.0, power), 2);
    }
  if (power == 0)
    return g_steal_pointer (&mantissa);
  text = g_string_new (mantissa);
  /* Translators: the multiplication sign of scientific notation,
   * as in "1.2 × 10⁻⁵". */
  g_string_append (text, _(" × 10"));
  if (power < 0)
    g_string_append (text, "⁻");
  digits = g_strdup_printf ("%d", ABS (power));
  for (const char *d = digits; *d != '\0'; d++)
    g_string_append (text, superscripts[*d - '0']);
  return g_string_free (text, FALSE);
}

char *
sp_impedance_readouts_format (double      value,
                              const char *unit,
                              gboolean    si_prefix)
{
  static const char *prefixes[] = { "f", "p", "n", "µ", "m", "", "k", "M", "G" };
  g_autofree char *number = NULL;
  int power;

  if (!isfinite (value))
    return g_strdup (SP_READOUT_UNDEFINED);
  if (!si_prefix || value == 0.0)
    {
      number = value == 0.0 ? g_strdup ("0") : scientific (value);
      return sp_readout_quantity (number, unit);
    }
  /* The prefix whose mantissa lies in [1, 1000). */
  power = (int) floor (log10 (fabs (value)) / 3.0);
  power = CLAMP (power, -5, 3);
  number = sp_readout_significant (value / pow (10.0, 3.0 * power), 3);
  {
    g_autofree char *prefixed = g_strconcat (prefixes[power + 5], unit, NULL);

    return sp_readout_quantity (number, prefixed);
  }
}

static GtkLabel *
add_label (GtkWidget  *grid,
           const char *markup,
           int         column,
           int         row,
           gboolean    heading)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup != NULL ? markup : "");
  gtk_label_set_xalign (GTK_LABEL (label), heading || column == 0 ? 0.0 : 1.0);
  if (heading)
    gtk_widget_add_css_class (label, "dim-label");
  else if (column > 0)
    gtk_widget_add_css_class (label, "readout");
  gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
  return GTK_LABEL (label);
}

void
sp_impedance_readouts_set (SpImpedanceReadouts       *self,
                           const SpEisCeramicReadout *readout)
{
  const double sigmas[N_SIGMAS] = {
    readout->sigma_bulk_s_per_cm, readout->sigma_gb_s_per_cm,
    readout->sigma_gb_specific_s_per_cm, readout->sigma_total_s_per_cm,
  };

  g_return_if_fail (SP_IS_IMPEDANCE_READOUTS (self));
  g_return_if_fail (readout != NULL);

  for (guint i = 0; i < N_SIGMAS; i++)
    {
      g_autofree char *text = sp_impedance_readouts_format (sigmas[i], "S/cm", FALSE);

      gtk_label_set_label (self->sigmas[i], text);
    }
  for (guint a = 0; a < SP_EIS_N_ARCS; a++)
    {
      const SpEisArc *arc = &readout->arcs[a];
      g_autofree char *apex = sp_impedance_readouts_format (arc->apex_hz, "Hz", TRUE);
      g_autofree char *c_eff = sp_impedance_readouts_format (arc->c_eff_f, "F", TRUE);
      g_autofree char *c_scaled = sp_impedance_readouts_format (arc->c_scaled_f_per_cm, "F/cm", FALSE);

      gtk_label_set_label (self->arcs[a][COL_APEX], apex);
      gtk_label_set_label (self->arcs[a][COL_C_EFF], c_eff);
      gtk_label_set_label (self->arcs[a][COL_C_SCALED], c_scaled);
      gtk_label_set_label (self->arcs[a][COL_CLASS], sp_eis_capacitance_class_label (arc->klass));
    }
}

void
sp_impedance_readouts_set_narrow (SpImpedanceReadouts *self,
                                  gboolean             narrow)
{
  g_return_if_fail (SP_IS_IMPEDANCE_READOUTS (self));

  /* Narrow, the four conductivities take two rows of two: the figures
   * above keep the height (the two grids stack by themselves when they do
   * not fit side by side). */
  for (guint i = 0; i < N_SIGMAS; i++)
    {
      GtkLayoutManager *layout = gtk_widget_get_layout_manager (self->sigma_grid);
      int column = narrow ? 2 * (i % 2) : 0;
      int row = narrow ? 1 + i / 2 : 1 + i;
      GtkWidget *cells[2] = { GTK_WIDGET (self->sigma_names[i]), GTK_WIDGET (self->sigmas[i]) };

      for (guint c = 0; c < 2; c++)
        {
          GtkGridLayoutChild *child =
            GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, cells[c]));

          gtk_grid_layout_child_set_column (child, column + c);
          gtk_grid_layout_child_set_row (child, row);
        }
    }
}

const char *
sp_impedance_readouts_get_sigma_total_text (SpImpedanceReadouts *self)
{
  g_return_val_if_fail (SP_IS_IMPEDANCE_READOUTS (self), NULL);
  return gtk_label_get_label (self->sigmas[SIGMA_TOTAL]);
}

const char *
sp_impedance_readouts_get_apex_text (SpImpedanceReadouts *self,
                                     SpEisArcKind         arc)
{
  g_return_val_if_fail (SP_IS_IMPEDANCE_READOUTS (self), NULL);
  g_return_val_if_fail (arc < SP_EIS_N_ARCS, NULL);
  return gtk_label_get_label (self->arcs[arc][COL_APEX]);
}

static void
sp_impedance_readouts_dispose (GObject *object)
{
  SpImpedanceReadouts *self = SP_IMPEDANCE_READOUTS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (sp_impedance_readouts_parent_class)->dispose (object);
}

static void
sp_impedance_readouts_class_init (SpImpedanceReadoutsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sp_impedance_readouts_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "impedancereadouts");
}

static GtkWidget *
new_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_valign (grid, GTK_ALIGN_START);
  return grid;
}

static void
sp_impedance_readouts_init (SpImpedanceReadouts *self)
{
  const char *sigma_names[N_SIGMAS] = {
    "σ<sub>bulk</sub>", "σ<sub>gb</sub>",
    /* Translators: the grain boundaries' own conductivity in the brick-layer model. */
    _("σ<sub>gb,sp</sub> (brick layer)"), "σ<sub>total</sub>",
  };
  const char *headings[N_COLS] = {
    /* Symbols: the apex frequency, the effective capacitance, and it
     * scaled by the cell constant. */
    "f<sub>apex</sub>", "C<sub>eff</sub>", "C<sub>eff</sub>·t/A",
    /* Translators: a column heading: the process the capacitance points to
     * (Irvine, Sinclair and West's table). */
    _("What it is"),
  };
  GtkWidget *label;
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "impedance-readouts");
  self->row = sp_readout_groups_new (24);
  gtk_widget_set_parent (self->row, GTK_WIDGET (self));

  self->sigma_grid = new_grid ();
  sp_readout_groups_append (SP_READOUT_GROUPS (self->row), self->sigma_grid);
  add_label (self->sigma_grid, _("Conductivity"), 0, 0, TRUE);
  for (guint i = 0; i < N_SIGMAS; i++)
    {
      self->sigma_names[i] = add_label (self->sigma_grid, sigma_names[i], 0, i + 1, FALSE);
      self->sigmas[i] = add_label (self->sigma_grid, NULL, 1, i + 1, FALSE);
    }

  self->arc_grid = new_grid ();
  sp_readout_groups_append (SP_READOUT_GROUPS (self->row), self->arc_grid);
  add_label (self->arc_grid, _("Arc"), 0, 0, TRUE);
  for (guint c = 0; c < N_COLS; c++)
    add_label (self->arc_grid, headings[c], c + 1, 0, TRUE);
  for (guint a = 0; a < SP_EIS_N_ARCS; a++)
    {
      add_label (self->arc_grid, sp_impedance_explore_arc_name (a), 0, a + 1, FALSE);
      for (guint c = 0; c < N_COLS; c++)
        self->arcs[a][c] = add_label (self->arc_grid, NULL, c + 1, a + 1, FALSE);
      /* The class is words, not a number: left-aligned, and wrapped
       * rather than cut off at the page's edge (German, a projector). */
      gtk_label_set_xalign (self->arcs[a][COL_CLASS], 0.0);
      gtk_label_set_wrap (self->arcs[a][COL_CLASS], TRUE);
      gtk_label_set_max_width_chars (self->arcs[a][COL_CLASS], 36);
      gtk_widget_set_hexpand (GTK_WIDGET (self->arcs[a][COL_CLASS]), TRUE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->arcs[a][COL_CLASS]), "readout");
    }

  /* What the numbers are, for a student. */
  label = gtk_label_new (_("σ = t/(R·A) from the thickness t and the electrode area A; "
                           "σ_total counts R_b + R_gb.  Brick layer: the grain-boundary "
                           "layers are thin, so their own conductivity is σ_gb·C_b/C_gb.  "
                           "C_eff = Q^(1/α) R^((1−α)/α) (Brug) turns an arc's CPE into a "
                           "capacitance; scaled by t/A it tells the process apart: about "
                           "10⁻¹² F/cm bulk, 10⁻¹¹–10⁻⁸ grain boundary, 10⁻⁷–10⁻⁵ the "
                           "electrode interface (Irvine, Sinclair & West, Adv. Mater. 2, "
                           "132 (1990)).  The electrode's frequency is where its spike "
                           "takes over from the sample's resistance."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 100);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);

  self->info_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->info_button), "help-about-symbolic");
  gtk_widget_add_css_class (self->info_button, "flat");
  gtk_widget_add_css_class (self->info_button, "circular");
  gtk_widget_set_valign (self->info_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->info_button, _("About the read-outs"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->info_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("About the read-outs"), -1);
  gtk_widget_set_halign (self->info_button, GTK_ALIGN_END);
  /* At the table's top right, side by side or stacked. */
  gtk_grid_attach (GTK_GRID (self->arc_grid), self->info_button, N_COLS + 1, 0, 1, 2);
  self->info_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->info_revealer), label);
  gtk_widget_set_parent (self->info_revealer, GTK_WIDGET (self));
  g_object_bind_property (self->info_button, "active", self->info_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
}

GtkWidget *
sp_impedance_readouts_new (void)
{
  return g_object_new (SP_TYPE_IMPEDANCE_READOUTS, NULL);
}
