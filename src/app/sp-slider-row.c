/* sp-slider-row.c — a parameter row: title, slider, exact entry, unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sp-slider-row.h"

struct _SpSliderRow
{
  AdwActionRow   parent_instance;

  GtkAdjustment *adjustment;
  GtkScale      *scale;
  GtkSpinButton *spin;

  char          *unit;
  guint          digits;
  gboolean       logarithmic;
};

G_DEFINE_FINAL_TYPE (SpSliderRow, sp_slider_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_UNIT,
  PROP_DIGITS,
  PROP_LOGARITHMIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The scale and the entry are announced with the row's title: a screen
 * reader says "Temperature, slider, 298" rather than "slider, 298". */
static void
update_accessible_labels (SpSliderRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *plain = NULL;

  if (title == NULL)
    return;
  if (!pango_parse_markup (title, -1, 0, NULL, &plain, NULL, NULL))
    plain = g_strdup (title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

static gboolean
value_to_log (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  g_value_set_double (to, log10 (g_value_get_double (from)));
  return TRUE;
}

static gboolean
log_to_value (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  SpSliderRow *self = user_data;
  double scale = pow (10.0, self->digits);

  /* Whole units of the last digit, as the entry shows them. */
  g_value_set_double (to, round (pow (10.0, g_value_get_double (from)) * scale) / scale);
  return TRUE;
}

/* A range over decades (D₀ from 0.01 to 100 nm²/s) slides in log10: the
 * scale gets its own adjustment, the entry keeps the linear one. */
static void
sp_slider_row_setup_log_scale (SpSliderRow *self,
                               double       min,
                               double       max)
{
  GtkAdjustment *log_adjustment;
  double lo = log10 (min), hi = log10 (max);

  g_return_if_fail (min > 0.0);

  log_adjustment = gtk_adjustment_new (lo, lo, hi, (hi - lo) / 100.0, (hi - lo) / 10.0, 0.0);
  gtk_range_set_adjustment (GTK_RANGE (self->scale), log_adjustment);
  g_object_bind_property_full (self->adjustment, "value", log_adjustment, "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               value_to_log, log_to_value, self, NULL);
}

void
sp_slider_row_bind (SpSliderRow *self,
                    SpParams    *params,
                    const char  *property)
{
  double min, max, span;

  g_return_if_fail (SP_IS_SLIDER_ROW (self));
  g_return_if_fail (SP_IS_PARAMS (params));

  sp_params_get_range (params, property, &min, &max);
  span = max - min;
  /* Arrow keys move by a unit of the last shown digit, Page keys by a
   * twentieth of the range: both are useful steps at every range. */
  gtk_adjustment_configure (self->adjustment, min, min, max,
                            pow (10.0, -(double) self->digits),
                            span / 20.0, 0.0);
  gtk_spin_button_set_digits (self->spin, self->digits);
  gtk_spin_button_set_increments (self->spin, pow (10.0, -(double) self->digits), span / 20.0);
  gtk_scale_set_digits (self->scale, self->digits);
  g_object_bind_property (params, property, self->adjustment, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  if (self->logarithmic)
    sp_slider_row_setup_log_scale (self, min, max);
  update_accessible_labels (self);
}

GtkAdjustment *
sp_slider_row_get_adjustment (SpSliderRow *self)
{
  g_return_val_if_fail (SP_IS_SLIDER_ROW (self), NULL);
  return self->adjustment;
}

GtkSpinButton *
sp_slider_row_get_spin (SpSliderRow *self)
{
  g_return_val_if_fail (SP_IS_SLIDER_ROW (self), NULL);
  return self->spin;
}

GtkScale *
sp_slider_row_get_scale (SpSliderRow *self)
{
  g_return_val_if_fail (SP_IS_SLIDER_ROW (self), NULL);
  return self->scale;
}

static void
sp_slider_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SpSliderRow *self = SP_SLIDER_ROW (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_DIGITS:
      g_value_set_uint (value, self->digits);
      break;
    case PROP_LOGARITHMIC:
      g_value_set_boolean (value, self->logarithmic);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_slider_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SpSliderRow *self = SP_SLIDER_ROW (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      g_free (self->unit);
      self->unit = g_value_dup_string (value);
      /* The unit reads as the row's subtitle, leaving the width of the
       * row to the slider and the entry. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->unit);
      break;
    case PROP_DIGITS:
      self->digits = g_value_get_uint (value);
      gtk_spin_button_set_digits (self->spin, self->digits);
      break;
    case PROP_LOGARITHMIC:
      self->logarithmic = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_slider_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_SLIDER_ROW);

  G_OBJECT_CLASS (sp_slider_row_parent_class)->dispose (object);
}

static void
sp_slider_row_finalize (GObject *object)
{
  SpSliderRow *self = SP_SLIDER_ROW (object);

  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (sp_slider_row_parent_class)->finalize (object);
}

static void
sp_slider_row_class_init (SpSliderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sp_slider_row_get_property;
  object_class->set_property = sp_slider_row_set_property;
  object_class->dispose = sp_slider_row_dispose;
  object_class->finalize = sp_slider_row_finalize;

  /* The unit symbol (Pango markup), e.g. "meV·nm²", shown as the subtitle. */
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Decimals shown in the entry; also sets the arrow-key step. */
  properties[PROP_DIGITS] =
    g_param_spec_uint ("digits", NULL, NULL, 0, 6, 1,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* The slider moves in log10 of the value (set before sp_slider_row_bind). */
  properties[PROP_LOGARITHMIC] =
    g_param_spec_boolean ("logarithmic", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinodal/Spinodal/sp-slider-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpSliderRow, adjustment);
  gtk_widget_class_bind_template_child (widget_class, SpSliderRow, scale);
  gtk_widget_class_bind_template_child (widget_class, SpSliderRow, spin);
}

static void
sp_slider_row_init (SpSliderRow *self)
{
  self->digits = 1;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self, "notify::title",
                            G_CALLBACK (update_accessible_labels), self);
}
