/* sp-window.c — the main window: a preset chooser and its analysis
 *
 * The full explorer (sliders, plots, the simulation) is a later issue; this
 * window shows the selected material preset's parameters and what the core
 * computes from them, in the units of PHYSICS.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sp-critical.h"
#include "sp-equilibrium.h"
#include "sp-kinetics.h"
#include "sp-model.h"
#include "sp-presets.h"

#include "sp-window.h"

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned: every preset, in the order of the resource's index. */
  GPtrArray            *presets;

  /* Template children. */
  AdwWindowTitle       *window_title;
  GtkMenuButton        *primary_menu_button;
  AdwComboRow          *preset_row;
  AdwActionRow         *description_row;
  GtkLabel             *illustrative_label;
  GtkLabel             *omega_label;
  GtkLabel             *temperature_label;
  GtkLabel             *s1_label;
  GtkLabel             *stiffness_label;
  GtkLabel             *rk_label;
  GtkLabel             *kappa_label;
  GtkLabel             *d0_label;
  AdwActionRow         *mobility_row;
  GtkLabel             *mobility_label;
  GtkLabel             *v0_label;
  GtkLabel             *c0_label;
  GtkLabel             *omega_eff_label;
  AdwActionRow         *critical_row;
  GtkLabel             *critical_label;
  GtkLabel             *gap_label;
  AdwActionRow         *plateau_row;
  GtkLabel             *plateau_label;
  GtkLabel             *spinodal_label;
  AdwActionRow         *region_row;
  GtkLabel             *region_label;
  AdwActionRow         *lambda_row;
  GtkLabel             *lambda_label;
};

G_DEFINE_FINAL_TYPE (SpWindow, sp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PRESET_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Number formatting ------------------------------------------------------ */

static const char *superscripts[] = {
  "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
};

/* Turns printf output into typeset text: a true minus sign (U+2212) and
 * "1.2e-05" into "1.2 × 10⁻⁵". */
static char *
typeset_number (const char *printed)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *e = strpbrk (printed, "eE");

  g_string_append_len (out, printed, e ? e - printed : -1);

  if (e != NULL)
    {
      const char *p = e + 1;
      gboolean negative = FALSE;

      if (*p == '+' || *p == '-')
        negative = (*p++ == '-');
      while (*p == '0' && p[1] != '\0')
        p++;

      /* Translators: the multiplication sign of scientific notation,
       * as in "1.2 × 10⁻⁵". */
      g_string_append (out, _(" × 10"));
      if (negative)
        g_string_append (out, "⁻");
      for (; g_ascii_isdigit (*p); p++)
        g_string_append (out, superscripts[*p - '0']);
    }

  g_string_replace (out, "-", "−", 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @digits decimals, without a "−0.000". */
static char *
format_fixed (double value,
              int    digits)
{
  g_autofree char *printed = NULL;

  if (fabs (value) < 0.5 * pow (10.0, -digits))
    value = 0.0;
  printed = g_strdup_printf ("%.*f", digits, value);

  return typeset_number (printed);
}

/* @significant significant digits, trailing zeros dropped. */
static char *
format_significant (double value,
                    int    significant)
{
  g_autofree char *printed = g_strdup_printf ("%.*g", significant, value);

  return typeset_number (printed);
}

/* A value and its unit symbol, which may hold Pango markup. */
static char *
format_quantity (const char *number,
                 const char *unit)
{
  /* Translators: a number and its unit symbol, e.g. "115.8 meV"; use the
   * spacing your language's typography wants (a no-break space is fine). */
  return g_strdup_printf (_("%s %s"), number, unit);
}

/* A composition 0 < c < 1 given with its complement 1 − c (computed from a
 * logit, so exact near both ends): three decimals, unless that would round
 * to 0 or 1. */
static char *
format_composition (double c,
                    double one_minus_c)
{
  g_autofree char *small = NULL;

  if (c >= 0.0005 && one_minus_c >= 0.0005)
    return format_fixed (c, 3);

  if (c < 0.0005)
    return format_significant (c, 2);

  small = format_significant (one_minus_c, 2);
  /* Translators: a composition very close to 1, e.g. "1 − 2.1 × 10⁻⁹". */
  return g_strdup_printf (_("1 − %s"), small);
}

static char *
format_range (double lo,
              double u_lo,
              double hi,
              double u_hi)
{
  g_autofree char *a = format_composition (lo, sp_logistic_complement (u_lo));
  g_autofree char *b = format_composition (hi, sp_logistic_complement (u_hi));

  /* Translators: a composition interval, e.g. "0.146 – 0.854". */
  return g_strdup_printf (_("%s – %s"), a, b);
}

static void
set_label_take (GtkLabel *label,
                char     *text)
{
  gtk_label_set_label (label, text);
  g_free (text);
}

static void
set_quantity (GtkLabel   *label,
              double      value,
              const char *unit)
{
  g_autofree char *number = format_significant (value, 5);

  set_label_take (label, format_quantity (number, unit));
}

/* Showing a preset ------------------------------------------------------- */

static SpPreset *
sp_window_get_selected_preset (SpWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->preset_row);

  if (self->presets == NULL || selected >= self->presets->len)
    return NULL;

  return g_ptr_array_index (self->presets, selected);
}

static void
sp_window_show_parameters (SpWindow       *self,
                           const SpPreset *preset)
{
  const SpModel *model = &preset->model;
  g_autoptr(GString) rk = g_string_new (NULL);
  g_autofree char *description = g_markup_escape_text (preset->description, -1);
  g_autofree char *source = g_markup_escape_text (preset->source, -1);
  static const char *subscripts[SP_RK_MAX] = { "₁", "₂", "₃", "₄" };

  adw_window_title_set_subtitle (self->window_title, preset->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->description_row), description);
  if (preset->source[0] != '\0')
    {
      /* Translators: where a preset's numbers come from (a citation). */
      g_autofree char *line = g_strdup_printf (_("Source: %s"), source);

      adw_action_row_set_subtitle (self->description_row, line);
    }
  else
    adw_action_row_set_subtitle (self->description_row, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->illustrative_label), preset->illustrative);

  set_quantity (self->omega_label, model->omega, "meV");
  set_quantity (self->temperature_label, model->temperature, "K");
  set_quantity (self->s1_label, model->s1, "k<sub>B</sub>");
  set_quantity (self->stiffness_label, model->stiffness, "meV");
  set_quantity (self->kappa_label, model->kappa, "meV·nm²");
  set_quantity (self->d0_label, model->d0, "nm²/s");
  set_quantity (self->v0_label, model->v0, "V");
  set_label_take (self->c0_label, format_significant (model->c0, 4));

  for (guint j = 0; j < SP_RK_MAX; j++)
    {
      g_autofree char *value = NULL;
      g_autofree char *quantity = NULL;

      if (model->rk[j] == 0.0)
        continue;
      value = format_significant (model->rk[j], 5);
      quantity = format_quantity (value, "meV");
      g_string_append_printf (rk, "%sL%s = %s", rk->len > 0 ? "\n" : "",
                              subscripts[j], quantity);
    }
  if (rk->len > 0)
    gtk_label_set_label (self->rk_label, rk->str);
  else
    gtk_label_set_label (self->rk_label, _("None"));

  switch (model->mobility)
    {
    case SP_MOBILITY_CONSTANT:
      gtk_label_set_label (self->mobility_label, _("Constant"));
      adw_action_row_set_subtitle (self->mobility_row,
                                   "M = D₀ / (4k<sub>B</sub>T)");
      break;

    case SP_MOBILITY_SITE_BLOCKING:
    default:
      gtk_label_set_label (self->mobility_label, _("Site blocking"));
      adw_action_row_set_subtitle (self->mobility_row,
                                   "M = (D₀ / k<sub>B</sub>T) c(1 − c)");
      break;
    }
}

static void
sp_window_show_analysis (SpWindow      *self,
                         const SpModel *model)
{
  SpEquilibrium eq;
  SpDispersion dispersion;
  SpRegion region;
  double t_c, c_c;
  g_autofree char *c0 = NULL;
  g_autofree char *region_title = NULL;

  set_label_take (self->omega_eff_label,
                  format_fixed (sp_model_omega_eff (model) / sp_model_kt (model), 2));

  sp_equilibrium_compute (model, &eq);

  if (sp_critical_point (model, &t_c, &c_c))
    {
      adw_action_row_set_subtitle (self->critical_row,
                                   _("Above it, one solid solution at every composition"));
      g_autofree char *t = format_fixed (t_c, 0);
      g_autofree char *c = NULL;

      if (sp_model_is_symmetric (model))
        set_label_take (self->critical_label, format_quantity (t, "K"));
      else
        {
          g_autofree char *kelvin = format_quantity (t, "K");

          c = format_fixed (c_c, 3);
          /* Translators: the critical temperature and composition,
           * e.g. "612 K at c = 0.430". */
          set_label_take (self->critical_label,
                          g_strdup_printf (_("%s at c = %s"), kelvin, c));
        }
    }
  else
    {
      gtk_label_set_label (self->critical_label, _("None"));
      adw_action_row_set_subtitle (self->critical_row,
                                   eq.n_gaps > 0 ? _("The gap stays open at every temperature")
                                                 : _("No phase separation at any temperature"));
    }

  if (eq.n_gaps == 0)
    {
      gtk_label_set_label (self->gap_label, _("None"));
      gtk_label_set_label (self->plateau_label, _("None"));
      adw_action_row_set_subtitle (self->plateau_row,
                                   _("A single phase: the voltage slopes"));
    }
  else
    {
      g_autoptr(GString) gaps = g_string_new (NULL);
      g_autoptr(GString) plateaus = g_string_new (NULL);

      for (guint i = 0; i < eq.n_gaps; i++)
        {
          const SpGap *gap = &eq.gaps[i];
          g_autofree char *range = format_range (gap->c_alpha, gap->u_alpha,
                                                 gap->c_beta, gap->u_beta);
          g_autofree char *volts = format_fixed (gap->voltage, 3);
          g_autofree char *plateau = format_quantity (volts, "V");

          g_string_append_printf (gaps, "%s%s", i > 0 ? "\n" : "", range);
          g_string_append_printf (plateaus, "%s%s", i > 0 ? "\n" : "", plateau);
        }
      gtk_label_set_label (self->gap_label, gaps->str);
      gtk_label_set_label (self->plateau_label, plateaus->str);
      adw_action_row_set_subtitle (self->plateau_row,
                                   _("Flat while two phases coexist"));
    }

  if (eq.n_spinodals == 0)
    gtk_label_set_label (self->spinodal_label, _("None"));
  else
    {
      g_autoptr(GString) spinodals = g_string_new (NULL);

      for (guint i = 0; i < eq.n_spinodals; i++)
        {
          const SpInterval *interval = &eq.spinodals[i];
          g_autofree char *range = format_range (interval->lo, interval->u_lo,
                                                 interval->hi, interval->u_hi);

          g_string_append_printf (spinodals, "%s%s", i > 0 ? "\n" : "", range);
        }
      gtk_label_set_label (self->spinodal_label, spinodals->str);
    }

  c0 = format_significant (model->c0, 4);
  /* Translators: a row title, e.g. "Region of c₀ = 0.5". */
  region_title = g_strdup_printf (_("Region of c₀ = %s"), c0);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->region_row), region_title);

  region = sp_equilibrium_classify (&eq, model->c0);
  switch (region)
    {
    case SP_REGION_UNSTABLE:
      adw_action_row_set_subtitle (self->region_row,
                                   _("Inside the spinodal: it separates at once, with no barrier"));
      gtk_label_set_label (self->region_label, _("Unstable"));
      break;

    case SP_REGION_METASTABLE:
      adw_action_row_set_subtitle (self->region_row,
                                   _("Inside the gap but outside the spinodal: it needs nucleation"));
      gtk_label_set_label (self->region_label, _("Metastable"));
      break;

    case SP_REGION_STABLE:
    default:
      adw_action_row_set_subtitle (self->region_row,
                                   _("Outside every gap: a single solid solution"));
      gtk_label_set_label (self->region_label, _("Stable"));
      break;
    }

  sp_kinetics_dispersion (model, &dispersion);
  if (dispersion.unstable)
    {
      g_autofree char *nm = format_significant (dispersion.lambda_star, 3);

      set_label_take (self->lambda_label, format_quantity (nm, "nm"));
      adw_action_row_set_subtitle (self->lambda_row,
                                   _("Linear stability of the uniform c₀"));
    }
  else
    {
      gtk_label_set_label (self->lambda_label, _("None"));
      adw_action_row_set_subtitle (self->lambda_row,
                                   _("The uniform c₀ is linearly stable: no wavelength grows"));
    }
}

static void
sp_window_update (SpWindow *self)
{
  SpPreset *preset = sp_window_get_selected_preset (self);

  if (preset == NULL)
    return;

  sp_window_show_parameters (self, preset);
  sp_window_show_analysis (self, &preset->model);
}

static void
preset_row_selected_cb (SpWindow    *self,
                        GParamSpec  *pspec,
                        AdwComboRow *row)
{
  sp_window_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESET_ID]);
}

/* Public API ------------------------------------------------------------- */

const char *
sp_window_get_preset_id (SpWindow *self)
{
  SpPreset *preset;

  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  preset = sp_window_get_selected_preset (self);

  return preset != NULL ? preset->id : NULL;
}

gboolean
sp_window_set_preset_id (SpWindow   *self,
                         const char *id)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->presets == NULL)
    return FALSE;

  for (guint i = 0; i < self->presets->len; i++)
    {
      SpPreset *preset = g_ptr_array_index (self->presets, i);

      if (g_strcmp0 (preset->id, id) == 0)
        {
          adw_combo_row_set_selected (self->preset_row, i);
          return TRUE;
        }
    }

  return FALSE;
}

SpWindow *
sp_window_new (SpApplication *application)
{
  g_return_val_if_fail (SP_IS_APPLICATION (application), NULL);

  return g_object_new (SP_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/* GObject ---------------------------------------------------------------- */

static void
sp_window_load_presets (SpWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->presets = sp_presets_load_all (&error);
  if (self->presets == NULL)
    {
      g_warning ("Could not load the material presets: %s", error->message);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->description_row),
                                     _("The material presets could not be loaded."));
      return;
    }

  for (guint i = 0; i < self->presets->len; i++)
    {
      SpPreset *preset = g_ptr_array_index (self->presets, i);

      gtk_string_list_append (names, preset->name);
    }

  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (names));

  if (!sp_window_set_preset_id (self, SP_PRESET_DEFAULT))
    sp_window_update (self);
}

static void
sp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESET_ID:
      g_value_set_string (value, sp_window_get_preset_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESET_ID:
      if (g_value_get_string (value) != NULL)
        sp_window_set_preset_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_dispose (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WINDOW);

  G_OBJECT_CLASS (sp_window_parent_class)->dispose (object);
}

static void
sp_window_finalize (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  g_clear_pointer (&self->presets, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_window_parent_class)->finalize (object);
}

static void
sp_window_class_init (SpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sp_window_get_property;
  object_class->set_property = sp_window_set_property;
  object_class->dispose = sp_window_dispose;
  object_class->finalize = sp_window_finalize;

  /**
   * SpWindow:preset-id:
   *
   * The id of the material preset on show, e.g. "lifepo4".
   */
  properties[PROP_PRESET_ID] =
    g_param_spec_string ("preset-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinodal/Spinodal/sp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, preset_row);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, description_row);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, illustrative_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, omega_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, temperature_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, s1_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, stiffness_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, rk_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, kappa_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, d0_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, mobility_row);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, mobility_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, v0_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, c0_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, omega_eff_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, critical_row);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, critical_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, gap_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, plateau_row);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, plateau_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, spinodal_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, region_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, lambda_row);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, lambda_label);
  gtk_widget_class_bind_template_callback (widget_class, preset_row_selected_cb);
}

static void
sp_window_init (SpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  sp_window_load_presets (self);
}
