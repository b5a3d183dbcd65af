/* sp-slider-row.c — a parameter row: title, unit and exact entry over a
 * full-width slider
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-slider-row.h"

struct _SpSliderRow
{
  AdwPreferencesRow parent_instance;

  GtkAdjustment *adjustment;        /* the value, over the whole valid range */
  GtkAdjustment *scale_adjustment;  /* the slider's: the shown range, log10 if logarithmic */
  GtkScale      *scale;
  GtkSpinButton *spin;
  GtkLabel      *title_label;
  GtkLabel      *unit_label;
  GtkToggleButton *full_range_button;

  char          *unit;
  guint          digits;
  gboolean       logarithmic;
  gboolean       significant;             /* three significant digits (tiny or huge values) */
  double         focus_min, focus_max;   /* the material's range; NAN: none */
  gboolean       updating;                /* one adjustment follows the other */
};

G_DEFINE_FINAL_TYPE (SpSliderRow, sp_slider_row, ADW_TYPE_PREFERENCES_ROW)

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

  /* One name each, no LABELLED_BY beside it: GTK 4.8 reads both ("Interaction
   * Ω Interaction Ω", when the scale was an AdwActionRow's activatable
   * widget).  test-a11y-names.py checks what AT-SPI reads. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

/* The slider's coordinate for a value, and back.  A range over decades
 * (D₀ from 0.01 to 100 nm²/s) slides in log10; coming back, the value is
 * rounded to whole units of the last digit, as the entry shows it. */
static double
to_scale (SpSliderRow *self,
          double       value)
{
  return self->logarithmic ? log10 (value) : value;
}

static double
from_scale (SpSliderRow *self,
            double       position)
{
  double unit = pow (10.0, self->digits);

  if (!self->logarithmic)
    return position;
  if (self->significant)
    {
      double value = pow (10.0, position);

      /* Three significant digits: 6.66 × 10⁻¹¹, as the entry shows. */
      unit = pow (10.0, 2.0 - floor (log10 (value)));
      return round (value * unit) / unit;
    }
  return round (pow (10.0, position) * unit) / unit;
}

/* The entry of a row with three significant digits: plain decimals from
 * 10⁻³ to 10⁶ ("35000", "0.95"), else the C exponent form ("6.66e-11"),
 * which the input handler reads back (with a point or a comma). */
static char *
format_significant (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value >= 1e-3 && value < 1e6)
    {
      int decimals = MAX (0, 2 - (int) floor (log10 (value)));
      g_autofree char *format = g_strdup_printf ("%%.%df", decimals);
      char *text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));

      if (strchr (text, '.') != NULL)
        {
          char *end = text + strlen (text) - 1;

          while (*end == '0')
            *end-- = '\0';
          if (*end == '.')
            *end = '\0';
        }
      return text;
    }
  g_ascii_formatd (buffer, sizeof buffer, "%.2e", value);
  return g_strdup (buffer);
}

static gboolean
spin_output_cb (GtkSpinButton *spin,
                SpSliderRow   *self)
{
  g_autofree char *text = NULL;

  if (!self->significant)
    return FALSE;
  text = format_significant (gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin)));
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               SpSliderRow   *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin)));
  char *end = NULL;
  double value;

  if (!self->significant)
    return FALSE;
  /* A decimal comma, as typed in German, reads as a point. */
  g_strdelimit (text, ",", '.');
  value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (value))
    return GTK_INPUT_ERROR;
  *new_value = value;
  return TRUE;
}

/* The largest of 1, 2, 5 × 10ⁿ not above @x (and not below @floor): page
 * steps people can count in (50 K, not 72.5 K). */
static double
round_step (double x,
            double floor_step)
{
  double decade, mantissa;

  if (!(x > floor_step))
    return floor_step;
  decade = pow (10.0, floor (log10 (x)));
  mantissa = x / decade;
  return (mantissa >= 5.0 ? 5.0 : mantissa >= 2.0 ? 2.0 : 1.0) * decade;
}

/* The range the slider shows: the material's (when set and the full-range
 * toggle is off), widened to include the current value, so a value typed
 * into the entry or loaded from a session is always on the slider. */
static void
sp_slider_row_update_scale_range (SpSliderRow *self)
{
  double full_min = gtk_adjustment_get_lower (self->adjustment);
  double full_max = gtk_adjustment_get_upper (self->adjustment);
  double value = gtk_adjustment_get_value (self->adjustment);
  double step = pow (10.0, -(double) self->digits);
  double lo = full_min, hi = full_max, margin, lo_s, hi_s;
  gboolean focused = !isnan (self->focus_min) &&
                     !gtk_toggle_button_get_active (self->full_range_button);

  if (focused)
    {
      lo = self->focus_min;
      hi = self->focus_max;
      /* A value outside it: grow by a page beyond the value. */
      margin = round_step ((hi - lo) / 10.0, step);
      if (value > hi)
        hi = MIN (full_max, value + margin);
      if (value < lo)
        lo = MAX (full_min, value - margin);
    }
  lo_s = to_scale (self, lo);
  hi_s = to_scale (self, hi);

  self->updating = TRUE;
  if (self->logarithmic)
    /* Arrow keys a hundredth of the decades, Page keys a tenth. */
    gtk_adjustment_configure (self->scale_adjustment, to_scale (self, value), lo_s, hi_s,
                              (hi_s - lo_s) / 100.0, (hi_s - lo_s) / 10.0, 0.0);
  else
    /* Arrow keys one unit of the last shown digit, Page keys a round
     * tenth of the shown range. */
    gtk_adjustment_configure (self->scale_adjustment, value, lo_s, hi_s,
                              step, round_step ((hi - lo) / 10.0, step), 0.0);
  self->updating = FALSE;
}

/* The value changed (entry, property, preset): move the slider, widening
 * its range first when the value lies outside it. */
static void
value_changed_cb (SpSliderRow *self)
{
  double value = gtk_adjustment_get_value (self->adjustment);
  double position = to_scale (self, value);

  if (self->updating)
    return;
  if (position < gtk_adjustment_get_lower (self->scale_adjustment) ||
      position > gtk_adjustment_get_upper (self->scale_adjustment))
    {
      sp_slider_row_update_scale_range (self);
      return;
    }
  self->updating = TRUE;
  gtk_adjustment_set_value (self->scale_adjustment, position);
  self->updating = FALSE;
}

/* The slider moved.  The slider's own position is not written back while
 * it moves (no rounding echo under a dragging pointer). */
static void
scale_value_changed_cb (SpSliderRow *self)
{
  if (self->updating)
    return;
  self->updating = TRUE;
  gtk_adjustment_set_value (self->adjustment,
                            from_scale (self, gtk_adjustment_get_value (self->scale_adjustment)));
  self->updating = FALSE;
}

/* Arrow keys and the +/− buttons of a three-digit entry: a unit of its
 * second digit at the value's own decade. */
static void
update_significant_step (SpSliderRow *self)
{
  double value = gtk_adjustment_get_value (self->adjustment);
  double step;

  if (!self->significant || !(value > 0.0))
    return;
  step = pow (10.0, floor (log10 (value)) - 1.0);
  gtk_spin_button_set_increments (self->spin, step, 10.0 * step);
}

/* The entry's range, steps and digits. */
static void
configure_range (SpSliderRow *self,
                 double       min,
                 double       max)
{
  double step = pow (10.0, -(double) self->digits);

  g_return_if_fail (!self->logarithmic || min > 0.0);
  self->significant = self->logarithmic && (min < step || max >= 1e6);
  /* The entry takes any valid value: arrow keys a unit of the last shown
   * digit, Page keys a round tenth of the range. */
  gtk_adjustment_configure (self->adjustment, min, min, max,
                            step, round_step ((max - min) / 10.0, step), 0.0);
  gtk_spin_button_set_digits (self->spin, self->digits);
  gtk_spin_button_set_increments (self->spin, step, round_step ((max - min) / 10.0, step));
  gtk_scale_set_digits (self->scale, self->logarithmic ? -1 : (int) self->digits);
  if (self->significant)
    /* Room for "6.66e-11". */
    gtk_editable_set_width_chars (GTK_EDITABLE (self->spin), 8);
}

void
sp_slider_row_bind (SpSliderRow *self,
                    SpParams    *params,
                    const char  *property)
{
  double min, max;

  g_return_if_fail (SP_IS_SLIDER_ROW (self));
  g_return_if_fail (SP_IS_PARAMS (params));

  sp_params_get_range (params, property, &min, &max);
  configure_range (self, min, max);
  g_object_bind_property (params, property, self->adjustment, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  sp_slider_row_update_scale_range (self);
  update_accessible_labels (self);
}

void
sp_slider_row_bind_adjustment (SpSliderRow   *self,
                               GtkAdjustment *source)
{
  g_return_if_fail (SP_IS_SLIDER_ROW (self));
  g_return_if_fail (GTK_IS_ADJUSTMENT (source));

  configure_range (self, gtk_adjustment_get_lower (source), gtk_adjustment_get_upper (source));
  g_object_bind_property (source, "value", self->adjustment, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  update_significant_step (self);
  sp_slider_row_update_scale_range (self);
  /* The entry's text in three digits: the output handler now knows it
   * has to (no gtk_spin_button_update(): that would read the value back
   * from the text, rounded). */
  spin_output_cb (self->spin, self);
  update_accessible_labels (self);
}

void
sp_slider_row_set_focus_range (SpSliderRow *self,
                               double       min,
                               double       max)
{
  double full_min, full_max;

  g_return_if_fail (SP_IS_SLIDER_ROW (self));

  full_min = gtk_adjustment_get_lower (self->adjustment);
  full_max = gtk_adjustment_get_upper (self->adjustment);
  min = MAX (min, full_min);
  max = MIN (max, full_max);
  if (isnan (min) || isnan (max) || !(max > min) || (min == full_min && max == full_max))
    {
      /* No narrower range: the toggle would do nothing. */
      self->focus_min = self->focus_max = NAN;
      gtk_widget_set_visible (GTK_WIDGET (self->full_range_button), FALSE);
    }
  else
    {
      self->focus_min = min;
      self->focus_max = max;
      gtk_widget_set_visible (GTK_WIDGET (self->full_range_button), TRUE);
    }
  sp_slider_row_update_scale_range (self);
}

void
sp_slider_row_get_scale_range (SpSliderRow *self,
                               double      *min,
                               double      *max)
{
  g_return_if_fail (SP_IS_SLIDER_ROW (self));

  *min = from_scale (self, gtk_adjustment_get_lower (self->scale_adjustment));
  *max = from_scale (self, gtk_adjustment_get_upper (self->scale_adjustment));
}

GtkToggleButton *
sp_slider_row_get_full_range_button (SpSliderRow *self)
{
  g_return_val_if_fail (SP_IS_SLIDER_ROW (self), NULL);
  return self->full_range_button;
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
      /* The unit reads under the title, beside the entry. */
      gtk_label_set_label (self->unit_label, self->unit != NULL ? self->unit : "");
      gtk_widget_set_visible (GTK_WIDGET (self->unit_label), self->unit != NULL && *self->unit != '\0');
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
  gtk_widget_class_bind_template_child (widget_class, SpSliderRow, scale_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SpSliderRow, scale);
  gtk_widget_class_bind_template_child (widget_class, SpSliderRow, spin);
  gtk_widget_class_bind_template_child (widget_class, SpSliderRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SpSliderRow, unit_label);
  gtk_widget_class_bind_template_child (widget_class, SpSliderRow, full_range_button);
}

/* GtkRange switches to its fine-tune mode when the pointer rests on the
 * knob for a long press, which a slow drag easily is: from then on the
 * knob moves at (trough length / range) of the pointer's speed (1/17 for
 * 86 px over 1450 K), autoscrolls within 15 px of either end, and when the
 * pointer leaves that edge re-anchors from mixed coordinates, so the knob
 * stops following the pointer and jumps back.  The long press is switched
 * off; fine-tuning stays on Shift, which is deliberate. */
static void
disable_long_press_fine_tune (GtkWidget *range)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (range);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_LONG_PRESS (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
    }
}

static void
sp_slider_row_init (SpSliderRow *self)
{
  self->digits = 1;
  self->focus_min = self->focus_max = NAN;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self, "notify::title",
                            G_CALLBACK (update_accessible_labels), self);
  g_signal_connect_swapped (self->adjustment, "value-changed",
                            G_CALLBACK (value_changed_cb), self);
  g_signal_connect_swapped (self->adjustment, "value-changed",
                            G_CALLBACK (update_significant_step), self);
  g_signal_connect (self->spin, "output", G_CALLBACK (spin_output_cb), self);
  g_signal_connect (self->spin, "input", G_CALLBACK (spin_input_cb), self);
  g_signal_connect_swapped (self->scale_adjustment, "value-changed",
                            G_CALLBACK (scale_value_changed_cb), self);
  g_signal_connect_swapped (self->full_range_button, "toggled",
                            G_CALLBACK (sp_slider_row_update_scale_range), self);
  disable_long_press_fine_tune (GTK_WIDGET (self->scale));
}
