/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-window-pins.c — pinned comparisons: Pin, the pins' menu items, every
 * figure's ghosts, and the session's "pins"
 *
 * The window holds one immutable SpPinSet; every change makes a new one,
 * which every figure of every page gets (sp_plot_view_set_pins()) and the
 * document gets as JSON (sp_document_set_pins(), what a save writes).  A
 * file's pins come back through SpDocument::pins-loaded: each pin's model
 * is analysed again (a few ms each) and its impedance curve read back.
 *
 * A pin also keeps the curves of the figures whose data a model cannot
 * reproduce (the hopping page's, the impedance page's data-mode figures,
 * the Simulation page's traces: sp_figure_kind_pins_curves()), taken from
 * every page's figures at the moment of pinning, so a pin made on one
 * page shows on the others too.
 *
 * A pin's label says what differs: the parameters whose values differ
 * from the previous pin's (or, for the first, from the preset's own), as
 * "K = 0 meV"; else the preset's name; else "Pin N".  Rename… changes it.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-presets.h"
#include "sp-window-private.h"

/* The figures and the document follow the set --------------------------------- */

static void
give_views (SpWindow *self)
{
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (self);

  for (guint i = 0; i < views->len; i++)
    sp_plot_view_set_pins (g_ptr_array_index (views, i), self->pins);
}

static JsonArray *
pins_to_json (const SpPinSet *pins)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < sp_pin_set_get_n (pins); i++)
    {
      const SpPin *pin = sp_pin_set_get (pins, i);
      const SpEisSpectrum *s = pin->impedance;
      SpModel model;

      if (pin->analysis != NULL)
        model = pin->analysis->model;
      else
        sp_model_init_default (&model);
      json_array_add_object_element (array,
                                     sp_session_pin_new (pin->label, &model,
                                                         s != NULL ? s->n_points : 0,
                                                         s != NULL ? s->freq_hz : NULL,
                                                         s != NULL ? s->z_re_ohm : NULL,
                                                         s != NULL ? s->z_im_ohm : NULL));
      for (guint k = 0; pin->curves != NULL && k < pin->curves->len; k++)
        {
          const SpPinCurve *c = g_ptr_array_index (pin->curves, k);
          JsonObject *object = json_array_get_object_element (array, i);

          /* Captured within the session's limits: this cannot fail. */
          sp_session_pin_add_curve (object, c->figure, c->axes, c->name, c->x_name, c->points,
                                    c->x, c->y, c->n);
        }
    }
  return array;
}

static void
rebuild_menu (SpWindow *self)
{
  guint n = sp_pin_set_get_n (self->pins);

  g_menu_remove_all (self->pin_items);
  for (guint i = 0; i < n; i++)
    {
      /* A menu label reads "_" as a mnemonic: doubled, it shows as itself. */
      g_auto(GStrv) parts = g_strsplit (sp_pin_set_get (self->pins, i)->label, "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);
      /* Translators: a menu item; %s is a pin's label ("K = 0 meV"). */
      g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), label);
      /* Translators: a menu item; %s is a pin's label. */
      g_autofree char *rename = g_strdup_printf (_("Rename “%s”…"), label);
      g_autoptr(GMenuItem) r = g_menu_item_new (remove, NULL);
      g_autoptr(GMenuItem) m = g_menu_item_new (rename, NULL);

      g_menu_item_set_action_and_target (r, "win.remove-pin", "u", i);
      g_menu_item_set_action_and_target (m, "win.rename-pin", "u", i);
      g_menu_append_item (self->pin_items, r);
      g_menu_append_item (self->pin_items, m);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pin", n < SP_PIN_SET_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-all-pins", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-pin", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-pin", n > 0);
}

/* Takes @pins; @to_document: a change of the window's own (else the
 * document's pins were loaded from a file and already are these). */
static void
set_pins (SpWindow *self,
          SpPinSet *pins,
          gboolean  to_document)
{
  g_clear_pointer (&self->pins, sp_pin_set_unref);
  self->pins = pins;
  give_views (self);
  rebuild_menu (self);
  if (to_document)
    {
      g_autoptr(JsonArray) array = pins_to_json (self->pins);

      self->pins_syncing = TRUE;
      sp_document_set_pins (self->document, json_array_get_length (array) > 0 ? array : NULL);
      self->pins_syncing = FALSE;
    }
}

/* Labels ------------------------------------------------------------------------ */

static void
append_difference (GString    *label,
                   const char *symbol,
                   double      value,
                   const char *unit)
{
  g_autofree char *number = g_strdup_printf ("%.4g", value);

  if (label->len > 0)
    g_string_append (label, ", ");
  g_string_append_printf (label, "%s = %s", symbol, number);
  if (unit != NULL)
    g_string_append_printf (label, " %s", unit);
}

/* "K = 0 meV", "T = 350 K, c₀ = 0.3": what differs between @a and @b;
 * "" when nothing does. */
static char *
describe_difference (const SpModel *now,
                     const SpModel *before)
{
  GString *label = g_string_new (NULL);
  guint n = 0;

#define DIFF(field, symbol, unit) \
  if (now->field != before->field && n++ < 3) \
    append_difference (label, symbol, now->field, unit)
  DIFF (stiffness, "K", _("meV"));
  DIFF (omega, "Ω", _("meV"));
  DIFF (temperature, "T", _("K"));
  DIFF (s1, "s₁", _("k_B"));
  DIFF (kappa, "κ", _("meV·nm²"));
  DIFF (c0, "c₀", NULL);
  DIFF (d0, "D₀", _("nm²/s"));
  DIFF (v0, "V₀", _("V"));
  DIFF (rk[0], "L₁", _("meV"));
  DIFF (rk[1], "L₂", _("meV"));
  DIFF (rk[2], "L₃", _("meV"));
  DIFF (rk[3], "L₄", _("meV"));
#undef DIFF
  if (now->mobility != before->mobility && n++ < 3)
    {
      if (label->len > 0)
        g_string_append (label, ", ");
      g_string_append (label, now->mobility == SP_MOBILITY_CONSTANT ? _("constant mobility")
                                                                    : _("site-blocking mobility"));
    }
  if (n > 3)
    g_string_append (label, ", …");
  return g_string_free (label, FALSE);
}

static char *
auto_label (SpWindow *self)
{
  guint n = sp_pin_set_get_n (self->pins);
  const char *preset_id = sp_params_get_preset (self->params);
  g_autoptr(SpPreset) preset = preset_id != NULL ? sp_presets_lookup (preset_id, NULL) : NULL;
  g_autofree char *label = NULL;

  if (self->analysis != NULL)
    {
      const SpPin *last = n > 0 ? sp_pin_set_get (self->pins, n - 1) : NULL;

      if (last != NULL && last->analysis != NULL)
        label = describe_difference (&self->analysis->model, &last->analysis->model);
      else if (preset != NULL)
        label = describe_difference (&self->analysis->model, &preset->model);
    }
  if (label != NULL && *label != '\0')
    return g_steal_pointer (&label);
  if (preset != NULL && n == 0)
    return g_strdup (_(preset->name));
  /* Translators: a pin's label when nothing else names it. */
  return g_strdup_printf (_("Pin %u"), n + 1);
}

/* A label a session can hold: one line, 1 to 64 characters. */
static char *
clean_label (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdelimit (g_strdup (text), "\r\n\t", ' '));
  glong length = g_utf8_strlen (stripped, -1);

  if (length == 0)
    return NULL;
  if (length > SP_SESSION_PIN_LABEL_MAX)
    *g_utf8_offset_to_pointer (stripped, SP_SESSION_PIN_LABEL_MAX) = '\0';
  return g_steal_pointer (&stripped);
}

/* The impedance curve the Nyquist plot shows: the model's, else the first
 * spectrum's; NULL when it shows none. */
static const SpEisSpectrum *
shown_impedance (SpWindow *self)
{
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (self);

  for (guint i = 0; i < views->len; i++)
    {
      const SpFigureData *data = sp_plot_view_get_data (g_ptr_array_index (views, i));

      if (sp_plot_view_get_kind (g_ptr_array_index (views, i)) != SP_FIGURE_NYQUIST ||
          data->eis == NULL)
        continue;
      if (data->eis->model != NULL && data->eis->model->n_points >= 2)
        return data->eis->model;
      for (guint k = 0; k < data->eis->n_spectra; k++)
        if (data->eis->spectra[k] != NULL && data->eis->spectra[k]->n_points >= 2)
          return data->eis->spectra[k];
    }
  return NULL;
}

/* The curves of every page's figures that a pin keeps as they are. */
static GPtrArray *
shown_curves (SpWindow *self)
{
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (self);
  g_autofree SpFigureKind *kinds = g_new (SpFigureKind, MAX (views->len, 1u));
  g_autofree const SpFigureData **data = g_new (const SpFigureData *, MAX (views->len, 1u));

  for (guint i = 0; i < views->len; i++)
    {
      kinds[i] = sp_plot_view_get_kind (g_ptr_array_index (views, i));
      data[i] = sp_plot_view_get_data (g_ptr_array_index (views, i));
    }
  return sp_figure_pin_curves_capture (views->len, kinds, data);
}

/* The public face ------------------------------------------------------------- */

SpPinSet *
sp_window_get_pins (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->pins;
}

gboolean
sp_window_pin (SpWindow   *self,
               const char *label)
{
  g_autofree char *text = NULL;
  const SpEisSpectrum *impedance;
  g_autoptr(GPtrArray) curves = NULL;
  SpPinSet *pins;

  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);

  text = label != NULL ? clean_label (label) : NULL;
  if (text == NULL)
    text = auto_label (self);
  impedance = shown_impedance (self);
  curves = shown_curves (self);
  pins = sp_pin_set_add_full (self->pins, text, self->analysis,
                              impedance != NULL && impedance->n_points <= SP_SESSION_PIN_MAX_POINTS
                              ? impedance : NULL, curves);
  if (pins == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Four pins at most: remove one first")));
      return FALSE;
    }
  set_pins (self, pins, TRUE);
  return TRUE;
}

void
sp_window_remove_pin (SpWindow *self,
                      guint     index)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  if (index < sp_pin_set_get_n (self->pins))
    set_pins (self, sp_pin_set_remove (self->pins, index), TRUE);
}

void
sp_window_clear_pins (SpWindow *self)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  if (sp_pin_set_get_n (self->pins) > 0)
    set_pins (self, sp_pin_set_new (), TRUE);
}

void
sp_window_rename_pin (SpWindow   *self,
                      guint       index,
                      const char *label)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SP_IS_WINDOW (self));

  text = label != NULL ? clean_label (label) : NULL;
  if (text != NULL && index < sp_pin_set_get_n (self->pins))
    set_pins (self, sp_pin_set_rename (self->pins, index, text), TRUE);
}

/* Actions ---------------------------------------------------------------------- */

static void
pin_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  if (sp_window_pin (self, NULL))
    {
      guint n = sp_pin_set_get_n (self->pins);
      g_autofree char *escaped = g_markup_escape_text (sp_pin_set_get (self->pins, n - 1)->label,
                                                       -1);
      /* Translators: a toast; %s is the pin's label. */
      g_autofree char *title = g_strdup_printf (_("Pinned “%s”"), escaped);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Rename"));
      adw_toast_set_action_name (toast, "win.rename-pin");
      adw_toast_set_action_target_value (toast, g_variant_new_uint32 (n - 1));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
remove_pin_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sp_window_remove_pin (SP_WINDOW (widget), g_variant_get_uint32 (parameter));
}

static void
remove_all_pins_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  sp_window_clear_pins (SP_WINDOW (widget));
}

/* The dialog's entry and pin (data on the dialog, freed with it): a
 * response may come more than once (a button, then the close). */
static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SpWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "sp-pin-entry");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "sp-pin-index"));

  if (g_str_equal (response, "rename"))
    sp_window_rename_pin (self, index, gtk_editable_get_text (entry));
}

static void
rename_entry_activate_cb (GtkEntry         *entry,
                          AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "rename");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
rename_pin_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  guint index = g_variant_get_uint32 (parameter);
  GtkWidget *dialog, *entry;

  if (index >= sp_pin_set_get_n (self->pins))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Pin"),
                                   _("The label names the pinned curves in the figures' "
                                     "legends and in CSV files."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), sp_pin_set_get (self->pins, index)->label);
  gtk_entry_set_max_length (GTK_ENTRY (entry), SP_SESSION_PIN_LABEL_MAX);

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pin label"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sp-pin-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "sp-pin-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  /* Enter in the entry renames. */
  g_signal_connect (entry, "activate", G_CALLBACK (rename_entry_activate_cb), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
sp_window_pins_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.pin", NULL, pin_action);
  gtk_widget_class_install_action (widget_class, "win.remove-pin", "u", remove_pin_action);
  gtk_widget_class_install_action (widget_class, "win.remove-all-pins", NULL,
                                   remove_all_pins_action);
  gtk_widget_class_install_action (widget_class, "win.rename-pin", "u", rename_pin_action);
}

/* A file's pins ---------------------------------------------------------------- */

static void
pins_loaded_cb (SpWindow *self)
{
  g_auto(SpSession) session = { 0 };

  if (self->pins_syncing)
    return;
  sp_session_init_default (&session);
  sp_session_set_pins (&session, sp_document_get_pins (self->document));
  set_pins (self, sp_pin_set_new_from_session (&session), FALSE);
}

void
sp_window_pins_add_page (SpWindow  *self,
                         SpLabPage *page)
{
  GPtrArray *figures = sp_lab_page_get_figures (page);

  for (guint i = 0; self->pins != NULL && i < figures->len; i++)
    sp_plot_view_set_pins (g_ptr_array_index (figures, i), self->pins);
}

void
sp_window_pins_init (SpWindow *self)
{
  g_autoptr(GMenuItem) submenu = NULL;

  self->pin_items = g_menu_new ();
  submenu = g_menu_item_new_section (NULL, G_MENU_MODEL (self->pin_items));
  g_menu_append_item (self->pins_section, submenu);
  g_signal_connect_object (self->document, "pins-loaded", G_CALLBACK (pins_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  set_pins (self, sp_pin_set_new (), FALSE);
}

void
sp_window_pins_dispose (SpWindow *self)
{
  g_clear_pointer (&self->pins, sp_pin_set_unref);
  g_clear_object (&self->pin_items);
}
