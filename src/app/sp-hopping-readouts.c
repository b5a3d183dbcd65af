/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hopping-readouts.c — the Hopping page's numbers under its figures
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sp-hopping-params.h"
#include "sp-hopping-readouts.h"
#include "sp-readout.h"
#include "sp-readout-groups.h"

enum {
  ROW_D_STAR, ROW_D_DIRECTIONS, ROW_D_SIGMA, ROW_HAVEN, ROW_SIGMA, ROW_METHOD,
  N_DIFFUSION_ROWS
};
enum { ROW_GAMMA, ROW_GAMMA_Z, ROW_DILUTE, ROW_DENSITY, N_LATTICE_ROWS };
enum { ROW_CE_L, ROW_CE_TAU, ROW_CE_D, N_QENS_ROWS };

/* The room the ⓘ button takes at the end of the QENS heading, px. */
#define INFO_BUTTON_ROOM 36
/* The widest a read-out's name grows before it wraps, in characters. */
#define NAME_MAX_CHARS 18

struct _SpHoppingReadouts
{
  GtkWidget  parent_instance;

  GtkWidget *groups;           /* diffusion, lattice, QENS: rearranged to fit */
  GtkWidget *lattice_grid;
  GtkLabel  *diffusion[N_DIFFUSION_ROWS];
  GtkLabel  *lattice[N_LATTICE_ROWS];
  GtkLabel  *qens[N_QENS_ROWS];
  GtkLabel  *percolation;      /* hidden while the open sites percolate */
  GtkWidget *info_button;
  GtkWidget *info_revealer;
};

G_DEFINE_FINAL_TYPE (SpHoppingReadouts, sp_hopping_readouts, GTK_TYPE_WIDGET)

void
sp_hopping_readout_init (SpHoppingReadout *r)
{
  *r = (SpHoppingReadout) {
    NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NULL,
    NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN,
    FALSE, TRUE, 0.0,
  };
}

/* "⁻⁶" */
static void
append_superscript (GString *text,
                    int      power)
{
  static const char *superscripts[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  g_autofree char *digits = g_strdup_printf ("%d", ABS (power));

  if (power < 0)
    g_string_append (text, "⁻");
  for (const char *d = digits; *d != '\0'; d++)
    g_string_append (text, superscripts[*d - '0']);
}

char *
sp_hopping_readouts_format_pm (double      value,
                               double      se,
                               const char *unit)
{
  gboolean has_se = isfinite (se) && se > 0.0;
  double reference;
  int power = 0, decimals;
  g_autofree char *mantissa = NULL;
  g_autofree char *error = NULL;
  GString *text;

  if (!isfinite (value))
    return g_strdup (SP_READOUT_UNDEFINED);
  reference = value != 0.0 ? fabs (value) : (has_se ? se : 1.0);
  power = (int) floor (log10 (reference) + 1e-9);   /* 10⁻⁵ held as 9.99…e-6 */
  /* 0.01 … 999 read best without a power of ten. */
  if (power >= -2 && power <= 2)
    power = 0;
  if (has_se)
    {
      /* Two significant digits of the error fix the decimals of both. */
      double scaled_se = se / pow (10.0, power);

      decimals = 1 - (int) floor (log10 (scaled_se) + 1e-9);
      decimals = CLAMP (decimals, 0, 8);
    }
  else
    {
      decimals = 2 - (int) floor (log10 (reference / pow (10.0, power)) + 1e-9);
      decimals = CLAMP (decimals, 0, 8);
    }
  mantissa = sp_readout_fixed (value / pow (10.0, power), decimals);
  text = g_string_new (NULL);
  if (has_se)
    {
      error = sp_readout_fixed (se / pow (10.0, power), decimals);
      if (power != 0)
        g_string_append (text, "(");
      g_string_append_printf (text, "%s ± %s", mantissa, error);
      if (power != 0)
        g_string_append (text, ")");
    }
  else
    g_string_append (text, mantissa);
  if (power != 0)
    {
      /* Translators: the multiplication sign of scientific notation,
       * as in "1.2 × 10⁻⁵". */
      g_string_append (text, _(" × 10"));
      append_superscript (text, power);
    }
  if (unit != NULL && *unit != '\0')
    g_string_append_printf (text, " %s", unit);
  return g_string_free (text, FALSE);
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
  /* A heading spans names and numbers: in the names' column alone it set
   * that column's width.  Long names (German) wrap past NAME_MAX_CHARS.
   * So the groups fit a 1280 × 720 window with the panel open. */
  if (!heading && column == 0)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), NAME_MAX_CHARS);
    }
  gtk_grid_attach (GTK_GRID (grid), label, column, row, heading ? 2 : 1, 1);
  return GTK_LABEL (label);
}

static void
set_text (GtkLabel *label,
          char     *text)
{
  gtk_label_set_label (label, text);
  g_free (text);
}

void
sp_hopping_readouts_set (SpHoppingReadouts      *self,
                         const SpHoppingReadout *r)
{
  g_autofree char *xx = NULL, *yy = NULL, *zz = NULL;

  g_return_if_fail (SP_IS_HOPPING_READOUTS (self));
  g_return_if_fail (r != NULL);

  set_text (self->diffusion[ROW_D_STAR],
            sp_hopping_readouts_format_pm (r->d_star_cm2_s, r->d_star_se, "cm²/s"));
  /* One power of ten for the three: "(1.74 / 1.71 / 1.82) × 10⁻⁷ cm²/s". */
  {
    double largest = MAX (fabs (r->d_xx_cm2_s), MAX (fabs (r->d_yy_cm2_s), fabs (r->d_zz_cm2_s)));
    int power = isfinite (largest) && largest > 0 ? (int) floor (log10 (largest) + 1e-9) : 0;
    double scale = pow (10.0, power);
    g_autofree char *unit = NULL;

    if (power >= -2 && power <= 2)
      power = 0, scale = 1.0;
    xx = sp_hopping_readouts_format_pm (r->d_xx_cm2_s / scale, NAN, NULL);
    yy = sp_hopping_readouts_format_pm (r->d_yy_cm2_s / scale, NAN, NULL);
    zz = sp_hopping_readouts_format_pm (r->d_zz_cm2_s / scale, NAN, NULL);
    unit = power != 0 ? sp_hopping_readouts_format_pm (scale, NAN, "cm²/s") : g_strdup ("cm²/s");
    /* "1.00 × 10⁻⁷ cm²/s" → "× 10⁻⁷ cm²/s" */
    set_text (self->diffusion[ROW_D_DIRECTIONS],
              power != 0 ? g_strdup_printf ("(%s / %s / %s)%s", xx, yy, zz, strstr (unit, " ")
                                                                            ? strstr (unit, " ") : unit)
                         : g_strdup_printf ("%s / %s / %s %s", xx, yy, zz, unit));
  }
  set_text (self->diffusion[ROW_D_SIGMA],
            sp_hopping_readouts_format_pm (r->d_sigma_cm2_s, r->d_sigma_se, "cm²/s"));
  set_text (self->diffusion[ROW_HAVEN], sp_hopping_readouts_format_pm (r->haven, r->haven_se, NULL));
  set_text (self->diffusion[ROW_SIGMA],
            sp_hopping_readouts_format_pm (r->sigma_s_cm, r->sigma_se, "S/cm"));
  gtk_label_set_label (self->diffusion[ROW_METHOD],
                       r->error_method != NULL ? r->error_method : SP_READOUT_UNDEFINED);

  /* Γ and Γ_z on rows of their own, like l and τ below: one row made the
   * group too wide for a 1280 × 720 window with the panel open. */
  set_text (self->lattice[ROW_GAMMA], sp_hopping_readouts_format_pm (r->gamma_hz, NAN, "Hz"));
  set_text (self->lattice[ROW_GAMMA_Z], sp_hopping_readouts_format_pm (r->gamma_z_hz, NAN, "Hz"));
  set_text (self->lattice[ROW_DILUTE],
            sp_hopping_readouts_format_pm (r->d_dilute_cm2_s, NAN, "cm²/s"));
  set_text (self->lattice[ROW_DENSITY], sp_hopping_readouts_format_pm (r->density_cm3, NAN, "cm⁻³"));
  /* Data mode has no lattice: its closed forms are hidden. */
  gtk_widget_set_visible (self->lattice_grid, isfinite (r->gamma_hz));

  /* Jump length and residence time on rows of their own (see Γ). */
  set_text (self->qens[ROW_CE_L], sp_hopping_readouts_format_pm (r->ce_l_angstrom, r->ce_l_se, "Å"));
  set_text (self->qens[ROW_CE_TAU], sp_hopping_readouts_format_pm (r->ce_tau_ps, r->ce_tau_se, "ps"));
  set_text (self->qens[ROW_CE_D], sp_hopping_readouts_format_pm (r->ce_d_cm2_s, r->ce_d_se, "cm²/s"));

  if (r->percolation_known && !r->percolates)
    {
      g_autofree char *p = sp_readout_fixed (r->blocked_fraction, 3);
      g_autofree char *threshold = sp_readout_fixed (1.0 - SP_HOPPING_SITE_PERCOLATION_SC, 3);

      set_text (self->percolation,
                /* Translators: %s are the blocked fraction and the threshold 1 − p_c. */
                g_strdup_printf (_("The open sites no longer percolate (p = %s blocked; the "
                                   "simple cubic lattice's threshold is 1 − p_c = %s): no path "
                                   "spans the lattice, so D* and D_σ collapse to zero at long "
                                   "times."), p, threshold));
      gtk_widget_set_visible (GTK_WIDGET (self->percolation), TRUE);
    }
  else
    {
      gtk_label_set_label (self->percolation, "");
      gtk_widget_set_visible (GTK_WIDGET (self->percolation), FALSE);
    }
}

const char *
sp_hopping_readouts_get_d_star_text (SpHoppingReadouts *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_READOUTS (self), NULL);
  return gtk_label_get_label (self->diffusion[ROW_D_STAR]);
}

const char *
sp_hopping_readouts_get_haven_text (SpHoppingReadouts *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_READOUTS (self), NULL);
  return gtk_label_get_label (self->diffusion[ROW_HAVEN]);
}

const char *
sp_hopping_readouts_get_gamma_text (SpHoppingReadouts *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_READOUTS (self), NULL);
  return gtk_label_get_label (self->lattice[ROW_GAMMA]);
}

const char *
sp_hopping_readouts_get_percolation_text (SpHoppingReadouts *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_READOUTS (self), NULL);
  return gtk_label_get_label (self->percolation);
}

static void
sp_hopping_readouts_dispose (GObject *object)
{
  SpHoppingReadouts *self = SP_HOPPING_READOUTS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (sp_hopping_readouts_parent_class)->dispose (object);
}

static void
sp_hopping_readouts_class_init (SpHoppingReadoutsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sp_hopping_readouts_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "hoppingreadouts");
}

static GtkWidget *
new_grid (GtkWidget  *groups,
          const char *heading)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_valign (grid, GTK_ALIGN_START);
  sp_readout_groups_append (SP_READOUT_GROUPS (groups), grid);
  add_label (grid, heading, 0, 0, TRUE);
  return grid;
}

static void
sp_hopping_readouts_init (SpHoppingReadouts *self)
{
  const char *diffusion_names[N_DIFFUSION_ROWS] = {
    /* Translators: the tracer diffusivity. */
    _("Tracer D*"),
    "D<sub>xx</sub> / D<sub>yy</sub> / D<sub>zz</sub>",
    /* Translators: the jump (collective, charge) diffusivity. */
    _("Jump D<sub>σ</sub>"),
    /* Translators: H_R = D* over D_σ. */
    _("Haven ratio H<sub>R</sub>"),
    /* Translators: the conductivity from D_σ by the Nernst–Einstein relation. */
    _("σ (Nernst–Einstein)"),
    /* Translators: which uncertainty of D* is quoted (GLS or block averaging). */
    _("Error from"),
  };
  const char *lattice_names[N_LATTICE_ROWS] = {
    /* Translators: the hop rate in the x–y plane. */
    _("Hop rate Γ (x, y)"),
    /* Translators: the hop rate along z (the channels' axis). */
    _("Hop rate Γ<sub>z</sub>"),
    /* Translators: the closed form of the tracer diffusivity with few carriers. */
    _("Dilute limit Γa²"),
    _("Carrier density n"),
  };
  const char *qens_names[N_QENS_ROWS] = {
    /* Translators: the Chudley–Elliott jump length. */
    _("Jump length l"),
    /* Translators: the Chudley–Elliott residence time between jumps. */
    _("Residence time τ"),
    "D = l²/6τ",
  };
  GtkWidget *grid, *label;
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "impedance-readouts");
  self->groups = sp_readout_groups_new (24);
  gtk_widget_set_parent (self->groups, GTK_WIDGET (self));

  grid = new_grid (self->groups, _("Diffusion (MSD fit)"));
  for (guint i = 0; i < N_DIFFUSION_ROWS; i++)
    {
      add_label (grid, diffusion_names[i], 0, i + 1, FALSE);
      self->diffusion[i] = add_label (grid, NULL, 1, i + 1, FALSE);
    }
  self->lattice_grid = new_grid (self->groups, _("Lattice (closed forms)"));
  for (guint i = 0; i < N_LATTICE_ROWS; i++)
    {
      add_label (self->lattice_grid, lattice_names[i], 0, i + 1, FALSE);
      self->lattice[i] = add_label (self->lattice_grid, NULL, 1, i + 1, FALSE);
    }
  grid = new_grid (self->groups, _("QENS (Chudley–Elliott fit)"));
  for (guint i = 0; i < N_QENS_ROWS; i++)
    {
      add_label (grid, qens_names[i], 0, i + 1, FALSE);
      self->qens[i] = add_label (grid, NULL, 1, i + 1, FALSE);
    }

  self->info_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->info_button), "help-about-symbolic");
  gtk_widget_add_css_class (self->info_button, "flat");
  gtk_widget_add_css_class (self->info_button, "circular");
  gtk_widget_set_halign (self->info_button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (self->info_button, _("About the read-outs"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->info_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("About the read-outs"), -1);
  /* Over the heading's end: a column of its own widened the group.  The
   * heading keeps clear of it, however narrow the group gets. */
  gtk_widget_set_valign (self->info_button, GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (grid), self->info_button, 1, 0, 1, 1);
  gtk_widget_set_margin_end (gtk_grid_get_child_at (GTK_GRID (grid), 0, 0), INFO_BUTTON_ROOM);

  /* The collapse of D past the percolation threshold, in words. */
  self->percolation = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->percolation, TRUE);
  gtk_label_set_xalign (self->percolation, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->percolation), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->percolation), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->percolation), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->percolation), GTK_WIDGET (self));

  label = gtk_label_new (_("D* = slope/6 of the tracers' MSD in the fit window (slope/2 per "
                           "direction); its error from generalised least squares with the "
                           "MSD's own covariance (as kinisi does), block averaging beside it "
                           "(Flyvbjerg & Petersen 1989) — never the bare fit error, which is "
                           "far too small because MSD points are correlated.  D_σ from the "
                           "MSD of the carriers' centre (Einstein–Helfand), H_R = D*/D_σ, "
                           "σ = n q² D_σ/(k_B T).  On the lattice: Γ = ν exp(−E_a/k_B T), "
                           "dilute D* = Γa², D_σ = (1 − c)Γa², H_R → 0.653 as c → 1.  "
                           "Γ(Q) from F_s(Q,t) ∝ exp(−Γt/ħ); Chudley–Elliott: "
                           "Γ = (ħ/τ)[1 − sin(Ql)/(Ql)], D = l²/6τ."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 100);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_top (label, 6);
  self->info_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->info_revealer), label);
  gtk_widget_set_parent (self->info_revealer, GTK_WIDGET (self));
  g_object_bind_property (self->info_button, "active", self->info_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);

  {
    SpHoppingReadout empty;

    sp_hopping_readout_init (&empty);
    sp_hopping_readouts_set (self, &empty);
  }
}

GtkWidget *
sp_hopping_readouts_new (void)
{
  return g_object_new (SP_TYPE_HOPPING_READOUTS, NULL);
}
