/* sp-plot-view.c — one figure of src/plot as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sp-plot-view.h"

struct _SpPlotView
{
  GtkWidget     parent_instance;

  SpFigureKind  kind;
  SpFigureData  data;      /* analysis and frame are owned references */
  SpPlotStyle   style;
  double        scale;
  double        title_inset;    /* room the info button takes from the title */
  guint64       draw_count;
  gint64        draw_time_us;   /* in sp_figure_draw, summed */

  /* A toggle button and its popover rather than a GtkMenuButton: GTK 4.8
   * exposes a menu button and the button inside it as two buttons of the
   * same name, so screen readers heard every "About …" twice. */
  GtkWidget    *info_button;
  GtkWidget    *info_popover;   /* a child of the view, pointing at the button */
  GtkLabel     *info_label;

  SpPinSet     *pins;            /* owned: data.pins points here */
  SpTangentTourFrame tour;       /* data.tangent_tour points here while it plays */
  /* The MSD figure's fit window being dragged: which bound (0, 1; −1: a
   * new window from the press point), and the lag time at the press. */
  int           drag_bound;
  double        drag_start_t;
  double        drag_other_t;
  /* A lesson's marker question on this figure (sp-figure-marker.c): only
   * the view draws it (data.marker points here during a snapshot), so
   * exports and handouts never show a student's guess. */
  SpFigureMarker marker;
  gboolean      has_marker;
  gboolean      marker_drag;     /* the drag under way moves it */
};

G_DEFINE_FINAL_TYPE (SpPlotView, sp_plot_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SCALE,
  N_PROPS
};

enum {
  CURSOR_MOVED,
  FREQUENCY_MOVED,
  TIME_MOVED,
  WINDOW_DRAGGED,
  MARKER_MOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

gboolean
sp_figure_kind_has_composition (SpFigureKind kind)
{
  return kind == SP_FIGURE_FREE_ENERGY || kind == SP_FIGURE_OCV ||
         kind == SP_FIGURE_PHASE_DIAGRAM || kind == SP_FIGURE_DIFFUSIVITY ||
         kind == SP_FIGURE_VOLTAGE_TRACE;
}

/* Theme ------------------------------------------------------------------ */

static gboolean
lookup_color (GtkStyleContext *context,
              const char      *name,
              SpColor         *out)
{
  GdkRGBA rgba;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, &rgba))
    return FALSE;
  G_GNUC_END_IGNORE_DEPRECATIONS

  *out = (SpColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
  return TRUE;
}

/* The print styles give each role its Adwaita palette colour; the theme
 * supplies the surface, the text and the accent, so light, dark and
 * high-contrast all follow. */
static void
sp_plot_view_update_style (SpPlotView *self)
{
  GtkStyleContext *context;
  GdkRGBA fg;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autofree char *font_name = NULL;

  sp_plot_style_clear (&self->style);
  if (dark)
    sp_plot_style_init_dark (&self->style);
  else
    sp_plot_style_init_light (&self->style);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  self->style.foreground = (SpColor) { fg.red, fg.green, fg.blue, 1.0 };
  lookup_color (context, "view_bg_color", &self->style.background);
  self->style.background.alpha = 1.0;
  lookup_color (context, "accent_color", &self->style.accent);
  /* Grid lines: the text colour, faint, over the surface. */
  self->style.grid = (SpColor) {
    0.88 * self->style.background.red + 0.12 * fg.red,
    0.88 * self->style.background.green + 0.12 * fg.green,
    0.88 * self->style.background.blue + 0.12 * fg.blue,
    1.0,
  };

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      PangoFontDescription *desc = pango_font_description_from_string (font_name);
      const char *family = pango_font_description_get_family (desc);

      if (family != NULL)
        {
          g_free (self->style.font_family);
          self->style.font_family = g_strdup (family);
        }
      pango_font_description_free (desc);
    }

  self->style.scale = self->scale;
}

/* Drawing ---------------------------------------------------------------- */

static void
sp_plot_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SpPlotView *self = SP_PLOT_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gint64 start;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  start = g_get_monotonic_time ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Only on screen: the style handed out for export keeps no inset. */
  self->style.title_inset_right = self->title_inset;
  self->data.marker = self->has_marker ? &self->marker : NULL;
  sp_figure_draw (cr, width, height, self->kind, &self->data, &self->style);
  self->data.marker = NULL;
  self->style.title_inset_right = 0.0;
  cairo_destroy (cr);
  self->draw_time_us += g_get_monotonic_time () - start;
  self->draw_count++;

  gtk_widget_snapshot_child (widget, self->info_button, snapshot);
}

static void
sp_plot_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SpPlotView *self = SP_PLOT_VIEW (widget);
  int child_min, child_nat;

  gtk_widget_measure (self->info_button, orientation, -1, &child_min, &child_nat, NULL, NULL);
  *minimum = MAX (orientation == GTK_ORIENTATION_HORIZONTAL ? 140 : 110, child_min);
  *natural = MAX (orientation == GTK_ORIENTATION_HORIZONTAL ? 420 : 300, child_nat);
}

static void
sp_plot_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  SpPlotView *self = SP_PLOT_VIEW (widget);
  GtkRequisition req;
  const int margin = 4;

  gtk_widget_get_preferred_size (self->info_button, NULL, &req);
  self->title_inset = req.width + margin;
  gtk_widget_size_allocate (self->info_button,
                            &(GtkAllocation) { MAX (0, width - req.width - margin), margin,
                                               req.width, req.height },
                            -1);
  gtk_popover_present (GTK_POPOVER (self->info_popover));
}

static void
sp_plot_view_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sp_plot_view_parent_class)->css_changed (widget, change);

  sp_plot_view_update_style (SP_PLOT_VIEW (widget));
  gtk_widget_queue_draw (widget);
}

/* The linked cursor ------------------------------------------------------ */

/* The lag time under (x, y) on the MSD or F_s figure, as drawn. */
static gboolean
time_at (SpPlotView *self,
         double      x,
         double      y,
         double     *t_ps)
{
  gboolean inside;

  self->style.title_inset_right = self->title_inset;
  inside = sp_figure_time_at (self->kind, &self->data, &self->style,
                              gtk_widget_get_width (GTK_WIDGET (self)),
                              gtk_widget_get_height (GTK_WIDGET (self)), x, y, t_ps);
  self->style.title_inset_right = 0.0;
  return inside && isfinite (*t_ps) && *t_ps > 0.0;
}

/* A lesson's marker by the pointer: the quantity under (x, y), while the
 * marker waits for an answer (after the reveal it stays put). */
static gboolean
marker_at (SpPlotView *self,
           double      x,
           double      y,
           gboolean    clamp,
           double     *value)
{
  gboolean found;

  if (!self->has_marker || isfinite (self->marker.truth))
    return FALSE;
  self->style.title_inset_right = self->title_inset;
  found = sp_figure_marker_value_at (self->kind, &self->data, &self->style,
                                     gtk_widget_get_width (GTK_WIDGET (self)),
                                     gtk_widget_get_height (GTK_WIDGET (self)),
                                     self->marker.quantity, x, y, clamp, value);
  self->style.title_inset_right = 0.0;
  return found;
}

/* The MSD's fit window by the pointer: a press near a drawn bound grabs
 * it, a press elsewhere in the plot starts a new window there; every
 * move reports the window (ascending) as "window-dragged". */
#define GRAB_DISTANCE 8.0

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SpPlotView     *self)
{
  double x0, x1, t, value;

  self->drag_bound = -2;   /* nothing grabbed */
  self->marker_drag = FALSE;
  if (marker_at (self, x, y, FALSE, &value))
    {
      self->marker_drag = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[MARKER_MOVED], 0, value);
      return;
    }
  if (self->kind != SP_FIGURE_MSD || self->data.hop == NULL || self->data.hop->msd == NULL ||
      !time_at (self, x, y, &t))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_start_t = t;
  self->drag_bound = -1;
  self->style.title_inset_right = self->title_inset;
  if (sp_figure_msd_window_x (&self->data, &self->style, gtk_widget_get_width (GTK_WIDGET (self)),
                              gtk_widget_get_height (GTK_WIDGET (self)), &x0, &x1))
    {
      const SpHopFigureMsd *msd = self->data.hop->msd;

      if (fabs (x - x0) <= GRAB_DISTANCE && fabs (x - x0) <= fabs (x - x1))
        {
          self->drag_bound = 0;
          self->drag_other_t = msd->window_t1_ps;
        }
      else if (fabs (x - x1) <= GRAB_DISTANCE)
        {
          self->drag_bound = 1;
          self->drag_other_t = msd->window_t0_ps;
        }
    }
  self->style.title_inset_right = 0.0;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SpPlotView     *self)
{
  double x, y, t, other, value;

  if (self->marker_drag)
    {
      if (gtk_gesture_drag_get_start_point (gesture, &x, &y) &&
          marker_at (self, x + dx, y + dy, TRUE, &value))
        g_signal_emit (self, signals[MARKER_MOVED], 0, value);
      return;
    }
  if (self->drag_bound < -1 || !gtk_gesture_drag_get_start_point (gesture, &x, &y) ||
      !time_at (self, x + dx, y, &t))   /* the start's height: inside the plot */
    return;
  other = self->drag_bound < 0 ? self->drag_start_t : self->drag_other_t;
  /* A window of zero width fits nothing: wait for the pointer to move. */
  if (!isfinite (other) || fabs (log (t / other)) < 1e-3)
    return;
  g_signal_emit (self, signals[WINDOW_DRAGGED], 0, MIN (t, other), MAX (t, other));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SpPlotView               *self)
{
  double c = NAN;
  gboolean inside;

  if (self->kind == SP_FIGURE_MSD || self->kind == SP_FIGURE_FS)
    {
      double t = NAN;

      inside = time_at (self, x, y, &t);
      g_signal_emit (self, signals[TIME_MOVED], 0, inside ? t : NAN);
      return;
    }
  if (sp_figure_kind_is_hopping (self->kind))
    return;
  if (sp_figure_kind_is_impedance (self->kind))
    {
      double f = NAN;

      self->style.title_inset_right = self->title_inset;
      inside = sp_figure_frequency_at (self->kind, &self->data, &self->style,
                                       gtk_widget_get_width (GTK_WIDGET (self)),
                                       gtk_widget_get_height (GTK_WIDGET (self)),
                                       x, y, &f);
      self->style.title_inset_right = 0.0;
      g_signal_emit (self, signals[FREQUENCY_MOVED], 0, inside ? f : NAN);
      return;
    }

  /* The same layout as drawn: with the info button's title inset. */
  self->style.title_inset_right = self->title_inset;
  inside = sp_figure_composition_at (self->kind, &self->data, &self->style,
                                     gtk_widget_get_width (GTK_WIDGET (self)),
                                     gtk_widget_get_height (GTK_WIDGET (self)),
                                     x, y, &c);
  self->style.title_inset_right = 0.0;
  if (!inside)
    c = NAN;
  g_signal_emit (self, signals[CURSOR_MOVED], 0, c);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          SpPlotView               *self)
{
  if (self->kind == SP_FIGURE_MSD || self->kind == SP_FIGURE_FS)
    g_signal_emit (self, signals[TIME_MOVED], 0, NAN);
  else if (sp_figure_kind_is_hopping (self->kind))
    return;
  else if (sp_figure_kind_is_impedance (self->kind))
    g_signal_emit (self, signals[FREQUENCY_MOVED], 0, NAN);
  else
    g_signal_emit (self, signals[CURSOR_MOVED], 0, NAN);
}

/* Keyboard: on a composition figure, Left/Right move the cursor by 0.01
 * (with Shift by 0.1), Home/End go to the ends, Escape hides it. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SpPlotView            *self)
{
  double c = isnan (self->data.cursor_c) ? 0.5 : self->data.cursor_c;
  double step = (state & GDK_SHIFT_MASK) ? 0.1 : 0.01;

  if (!sp_figure_kind_has_composition (self->kind))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      c -= isnan (self->data.cursor_c) ? 0.0 : step;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      c += isnan (self->data.cursor_c) ? 0.0 : step;
      break;
    case GDK_KEY_Home:
      c = 0.0;
      break;
    case GDK_KEY_End:
      c = 1.0;
      break;
    case GDK_KEY_Escape:
      if (isnan (self->data.cursor_c))
        return FALSE;
      g_signal_emit (self, signals[CURSOR_MOVED], 0, NAN);
      return TRUE;
    default:
      return FALSE;
    }

  /* Round to the step so that repeated presses land on 0.01 multiples. */
  c = CLAMP (round (c * 100.0) / 100.0, 0.001, 0.999);
  g_signal_emit (self, signals[CURSOR_MOVED], 0, c);
  return TRUE;
}

/* Public API ------------------------------------------------------------- */

GtkWidget *
sp_plot_view_new (SpFigureKind kind)
{
  return g_object_new (SP_TYPE_PLOT_VIEW, "kind", kind, NULL);
}

SpFigureKind
sp_plot_view_get_kind (SpPlotView *self)
{
  g_return_val_if_fail (SP_IS_PLOT_VIEW (self), SP_FIGURE_FREE_ENERGY);
  return self->kind;
}

gboolean
sp_plot_view_shows_simulation (SpPlotView *self)
{
  g_return_val_if_fail (SP_IS_PLOT_VIEW (self), FALSE);
  return (self->kind >= SP_FIGURE_FIELD && self->kind <= SP_FIGURE_STRUCTURE) ||
         self->kind == SP_FIGURE_VOLTAGE_TRACE || self->kind == SP_FIGURE_VOLTAGE_TIME;
}

void
sp_plot_view_set_analysis (SpPlotView *self,
                           SpAnalysis *analysis)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  if (self->data.analysis == analysis)
    return;
  g_clear_pointer (&self->data.analysis, sp_analysis_unref);
  if (analysis != NULL)
    self->data.analysis = sp_analysis_ref (analysis);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sp_plot_view_set_field_fixed_scale (SpPlotView *self,
                                    gboolean    fixed)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  fixed = !!fixed;
  if (self->data.field_fixed_scale == fixed)
    return;
  self->data.field_fixed_scale = fixed;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sp_plot_view_set_frame (SpPlotView *self,
                        SpFrame    *frame)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  if (self->data.frame == frame)
    return;
  g_clear_pointer (&self->data.frame, sp_frame_unref);
  if (frame != NULL)
    self->data.frame = sp_frame_ref (frame);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sp_plot_view_set_history (SpPlotView        *self,
                          const SpChHistory *history)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  self->data.history = history;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sp_plot_view_set_trace (SpPlotView         *self,
                        const SpDriveTrace *trace)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  self->data.trace = trace;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sp_plot_view_set_cursor (SpPlotView *self,
                         double      c)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  if (!sp_figure_kind_has_composition (self->kind) ||
      (isnan (c) && isnan (self->data.cursor_c)) || c == self->data.cursor_c)
    return;
  self->data.cursor_c = c;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sp_plot_view_set_eis_data (SpPlotView            *self,
                           const SpEisFigureData *eis)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  /* Always redrawn: the owner sets the same pointer after changing it. */
  self->data.eis = eis;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sp_plot_view_set_pins (SpPlotView *self,
                       SpPinSet   *pins)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  if (pins == self->pins)
    return;
  g_clear_pointer (&self->pins, sp_pin_set_unref);
  self->pins = pins != NULL ? sp_pin_set_ref (pins) : NULL;
  self->data.pins = self->pins;
  if (sp_figure_kind_takes_pins (self->kind))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sp_plot_view_set_tangent_tour (SpPlotView               *self,
                               const SpTangentTourFrame *frame)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  if (frame == NULL && self->data.tangent_tour == NULL)
    return;
  if (frame != NULL)
    {
      self->tour = *frame;
      self->data.tangent_tour = &self->tour;
    }
  else
    self->data.tangent_tour = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sp_plot_view_set_marker (SpPlotView           *self,
                         const SpFigureMarker *marker)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  if (marker == NULL && !self->has_marker)
    return;
  self->has_marker = marker != NULL;
  if (marker != NULL)
    self->marker = *marker;
  else
    self->marker_drag = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const SpFigureMarker *
sp_plot_view_get_marker (SpPlotView *self)
{
  g_return_val_if_fail (SP_IS_PLOT_VIEW (self), NULL);
  return self->has_marker ? &self->marker : NULL;
}

gboolean
sp_plot_view_marker_range (SpPlotView       *self,
                           SpLessonQuantity  quantity,
                           double           *min,
                           double           *max)
{
  int width, height;
  gboolean found;

  g_return_val_if_fail (SP_IS_PLOT_VIEW (self), FALSE);

  /* A figure never laid out yet (a page not on show): its axes at a
   * typical size; the ranges hardly depend on it. */
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    {
      width = 640;
      height = 480;
    }
  self->style.title_inset_right = self->title_inset;
  found = sp_figure_marker_range (self->kind, &self->data, &self->style, width, height,
                                  quantity, min, max);
  self->style.title_inset_right = 0.0;
  return found;
}

void
sp_plot_view_set_hop_data (SpPlotView            *self,
                           const SpHopFigureData *hop)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  /* Always redrawn: the owner sets the same pointer after changing it. */
  self->data.hop = hop;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sp_plot_view_set_rate_sweep (SpPlotView        *self,
                             SpRateSweepResult *result)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  if (result != NULL)
    sp_rate_sweep_result_ref (result);
  g_clear_pointer ((SpRateSweepResult **) &self->data.rate_sweep, sp_rate_sweep_result_unref);
  self->data.rate_sweep = result;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sp_plot_view_set_cursor_time (SpPlotView *self,
                              double      t_ps)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  if ((self->kind != SP_FIGURE_MSD && self->kind != SP_FIGURE_FS) ||
      (isnan (t_ps) && isnan (self->data.cursor_time_ps)) || t_ps == self->data.cursor_time_ps)
    return;
  self->data.cursor_time_ps = t_ps;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sp_plot_view_set_cursor_frequency (SpPlotView *self,
                                   double      freq_hz)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  if (!sp_figure_kind_is_impedance (self->kind) ||
      (isnan (freq_hz) && isnan (self->data.cursor_freq_hz)) ||
      freq_hz == self->data.cursor_freq_hz)
    return;
  self->data.cursor_freq_hz = freq_hz;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sp_plot_view_set_scale (SpPlotView *self,
                        double      scale)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  if (self->scale == scale)
    return;
  self->scale = scale;
  self->style.scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const SpFigureData *
sp_plot_view_get_data (SpPlotView *self)
{
  g_return_val_if_fail (SP_IS_PLOT_VIEW (self), NULL);
  return &self->data;
}

const SpPlotStyle *
sp_plot_view_get_style (SpPlotView *self)
{
  g_return_val_if_fail (SP_IS_PLOT_VIEW (self), NULL);
  return &self->style;
}

guint64
sp_plot_view_get_draw_count (SpPlotView *self)
{
  g_return_val_if_fail (SP_IS_PLOT_VIEW (self), 0);
  return self->draw_count;
}

gint64
sp_plot_view_get_draw_time (SpPlotView *self)
{
  g_return_val_if_fail (SP_IS_PLOT_VIEW (self), 0);
  return self->draw_time_us;
}

void
sp_plot_view_set_concealed (SpPlotView *self,
                            guint       quantities,
                            gboolean    veiled)
{
  g_return_if_fail (SP_IS_PLOT_VIEW (self));

  if (self->data.concealed == quantities && self->data.veiled == !!veiled)
    return;
  self->data.concealed = quantities;
  /* A screen reader hears what the class sees: that it is hidden, and why. */
  if (self->data.veiled != !!veiled)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    veiled ? _("Hidden until the lesson’s question is checked")
                                           : sp_figure_kind_explanation (self->kind), -1);
  self->data.veiled = !!veiled;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject ---------------------------------------------------------------- */

static void
sp_plot_view_set_kind (SpPlotView   *self,
                       SpFigureKind  kind)
{
  const char *title = sp_figure_kind_title (kind);
  const char *explanation = sp_figure_kind_explanation (kind);
  g_autofree char *info = NULL;

  self->kind = kind;
  /* Composition figures take the keyboard for the linked cursor. */
  gtk_widget_set_focusable (GTK_WIDGET (self), sp_figure_kind_has_composition (kind));
  gtk_label_set_label (self->info_label, explanation);
  /* Translators: the tooltip of a plot's info button, e.g.
   * "About “Free energy”". */
  info = g_strdup_printf (_("About “%s”"), title);
  gtk_widget_set_tooltip_text (self->info_button, info);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->info_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, info, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, explanation,
                                  -1);
}

static void
sp_plot_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpPlotView *self = SP_PLOT_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_SCALE:
      g_value_set_double (value, self->scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_plot_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpPlotView *self = SP_PLOT_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      sp_plot_view_set_kind (self, g_value_get_int (value));
      break;
    case PROP_SCALE:
      sp_plot_view_set_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_plot_view_dispose (GObject *object)
{
  SpPlotView *self = SP_PLOT_VIEW (object);

  g_clear_pointer (&self->info_popover, gtk_widget_unparent);
  g_clear_pointer (&self->info_button, gtk_widget_unparent);
  g_clear_pointer (&self->data.analysis, sp_analysis_unref);
  g_clear_pointer (&self->data.frame, sp_frame_unref);
  self->data.history = NULL;
  self->data.trace = NULL;
  self->data.eis = NULL;
  self->data.pins = NULL;
  self->data.tangent_tour = NULL;
  g_clear_pointer (&self->pins, sp_pin_set_unref);
  self->data.hop = NULL;
  g_clear_pointer ((SpRateSweepResult **) &self->data.rate_sweep, sp_rate_sweep_result_unref);

  G_OBJECT_CLASS (sp_plot_view_parent_class)->dispose (object);
}

static void
sp_plot_view_finalize (GObject *object)
{
  SpPlotView *self = SP_PLOT_VIEW (object);

  sp_plot_style_clear (&self->style);

  G_OBJECT_CLASS (sp_plot_view_parent_class)->finalize (object);
}

static void
sp_plot_view_class_init (SpPlotViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sp_plot_view_get_property;
  object_class->set_property = sp_plot_view_set_property;
  object_class->dispose = sp_plot_view_dispose;
  object_class->finalize = sp_plot_view_finalize;

  widget_class->snapshot = sp_plot_view_snapshot;
  widget_class->measure = sp_plot_view_measure;
  widget_class->size_allocate = sp_plot_view_size_allocate;
  widget_class->css_changed = sp_plot_view_css_changed;

  /* An SpFigureKind (an int: src/plot registers no GType). */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, SP_N_FIGURES - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Presentation mode enlarges fonts and lines by this factor. */
  properties[PROP_SCALE] =
    g_param_spec_double ("scale", NULL, NULL, 0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpPlotView::cursor-moved:
   * @c: the composition under the pointer, or NAN when it left the axis
   */
  signals[CURSOR_MOVED] =
    g_signal_new ("cursor-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  /**
   * SpPlotView::frequency-moved:
   * @freq_hz: on an impedance figure, the frequency under the pointer
   *   (sp_figure_frequency_at()), or NAN when it left the plot area
   */
  signals[FREQUENCY_MOVED] =
    g_signal_new ("frequency-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  /**
   * SpPlotView::time-moved:
   * @t_ps: on the MSD or F_s(Q, t) figure, the lag time under the
   *   pointer (sp_figure_time_at()), or NAN when it left the plot area
   */
  signals[TIME_MOVED] =
    g_signal_new ("time-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  /**
   * SpPlotView::window-dragged:
   * @t0_ps: the start of the fit window dragged on the MSD figure
   * @t1_ps: its end (> @t0_ps)
   */
  signals[WINDOW_DRAGGED] =
    g_signal_new ("window-dragged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  /**
   * SpPlotView::marker-moved:
   * @value: where the pointer dragged the lesson's marker
   *   (sp_plot_view_set_marker()), in its quantity's unit
   */
  signals[MARKER_MOVED] =
    g_signal_new ("marker-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "plotview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
info_toggled_cb (GtkToggleButton *button,
                 SpPlotView      *self)
{
  graphene_rect_t bounds;

  if (!gtk_toggle_button_get_active (button))
    {
      gtk_popover_popdown (GTK_POPOVER (self->info_popover));
      return;
    }
  if (gtk_widget_compute_bounds (self->info_button, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->info_popover),
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->info_popover));
}

static void
info_closed_cb (GtkPopover *popover,
                SpPlotView *self)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->info_button), FALSE);
}

static void
sp_plot_view_init (SpPlotView *self)
{
  GtkEventController *motion;
  GtkEventController *key;
  GtkGesture *drag;
  GtkWidget *popover;

  sp_figure_data_init (&self->data);
  self->scale = 1.0;
  sp_plot_style_init_light (&self->style);

  self->info_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->info_label, TRUE);
  gtk_label_set_max_width_chars (self->info_label, 44);
  gtk_label_set_xalign (self->info_label, 0.0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->info_label), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->info_label), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self->info_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->info_label), 6);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->info_label));

  self->info_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->info_button), "help-about-symbolic");
  gtk_widget_add_css_class (self->info_button, "flat");
  gtk_widget_add_css_class (self->info_button, "circular");
  gtk_widget_set_parent (self->info_button, GTK_WIDGET (self));
  self->info_popover = popover;
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  g_signal_connect (self->info_button, "toggled", G_CALLBACK (info_toggled_cb), self);
  g_signal_connect (popover, "closed", G_CALLBACK (info_closed_cb), self);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}
