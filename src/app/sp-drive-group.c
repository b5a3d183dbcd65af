/* sp-drive-group.c — the simulation's drive selector and its sliders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-lesson-runner.h"
#include "sp-slider-row.h"

#include "sp-drive-group.h"

struct _SpDriveGroup
{
  AdwPreferencesGroup parent_instance;

  SpParams     *params;
  gboolean      syncing;   /* the selector follows SpParams */

  AdwComboRow  *drive_row;
  SpSliderRow  *c_rate_row;
  SpSliderRow  *voltage_row;
  SpSliderRow  *k0_row;
  SpSliderRow  *alpha_row;
  SpSliderRow  *v_lo_row;
  SpSliderRow  *v_hi_row;
};

G_DEFINE_FINAL_TYPE (SpDriveGroup, sp_drive_group, ADW_TYPE_PREFERENCES_GROUP)

SpDriveChoice
sp_drive_choice_of (SpDriveMode mode,
                    gboolean    charge)
{
  switch (mode)
    {
    case SP_DRIVE_GALVANOSTATIC:
      return charge ? SP_DRIVE_CHOICE_CHARGE : SP_DRIVE_CHOICE_DISCHARGE;
    case SP_DRIVE_CYCLE:
      return SP_DRIVE_CHOICE_CYCLE;
    case SP_DRIVE_POTENTIOSTATIC:
      return SP_DRIVE_CHOICE_HOLD;
    case SP_DRIVE_CLOSED:
    default:
      return SP_DRIVE_CHOICE_CLOSED;
    }
}

void
sp_drive_choice_apply (SpDriveChoice  choice,
                       SpParams      *params)
{
  SpDriveMode mode = SP_DRIVE_CLOSED;
  gboolean charge;
  double c0;

  g_return_if_fail (choice < SP_N_DRIVE_CHOICES);
  g_return_if_fail (SP_IS_PARAMS (params));

  g_object_get (params, "drive-charge", &charge, "c0", &c0, NULL);
  /* One batch: one "changed", one undo step, one restart. */
  g_object_freeze_notify (G_OBJECT (params));
  switch (choice)
    {
    case SP_DRIVE_CHOICE_DISCHARGE:
    case SP_DRIVE_CHOICE_CYCLE:
      mode = choice == SP_DRIVE_CHOICE_CYCLE ? SP_DRIVE_CYCLE : SP_DRIVE_GALVANOSTATIC;
      charge = FALSE;
      if (c0 >= 0.5)
        g_object_set (params, "c0", SP_DRIVE_GROUP_START_C, NULL);
      break;
    case SP_DRIVE_CHOICE_CHARGE:
      mode = SP_DRIVE_GALVANOSTATIC;
      charge = TRUE;
      if (c0 <= 0.5)
        g_object_set (params, "c0", 1.0 - SP_DRIVE_GROUP_START_C, NULL);
      break;
    case SP_DRIVE_CHOICE_HOLD:
      mode = SP_DRIVE_POTENTIOSTATIC;
      break;
    case SP_DRIVE_CHOICE_CLOSED:
    default:
      break;
    }
  g_object_set (params, "drive-mode", mode, "drive-charge", charge, NULL);
  g_object_thaw_notify (G_OBJECT (params));
}

/* Only the rows the drive uses are shown. */
static void
sp_drive_group_show_drive (SpDriveGroup *self)
{
  SpDriveMode mode = sp_params_get_drive_mode (self->params);
  gboolean charge;
  gboolean driven = mode != SP_DRIVE_CLOSED;
  gboolean current = mode == SP_DRIVE_GALVANOSTATIC || mode == SP_DRIVE_CYCLE;

  g_object_get (self->params, "drive-charge", &charge, NULL);
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->drive_row, sp_drive_choice_of (mode, charge));
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->c_rate_row), current);
  gtk_widget_set_visible (GTK_WIDGET (self->voltage_row), mode == SP_DRIVE_POTENTIOSTATIC);
  gtk_widget_set_visible (GTK_WIDGET (self->k0_row), driven);
  gtk_widget_set_visible (GTK_WIDGET (self->alpha_row), driven);
  gtk_widget_set_visible (GTK_WIDGET (self->v_lo_row), current);
  gtk_widget_set_visible (GTK_WIDGET (self->v_hi_row), current);
}

static void
drive_row_selected_cb (SpDriveGroup *self)
{
  guint selected = adw_combo_row_get_selected (self->drive_row);

  if (self->syncing || self->params == NULL || selected >= SP_N_DRIVE_CHOICES)
    return;
  sp_drive_choice_apply (selected, self->params);
}

void
sp_drive_group_set_params (SpDriveGroup *self,
                           SpParams     *params)
{
  const struct {
    SpSliderRow *row;
    const char  *property;
    const char  *lesson_key;   /* a lesson's @set/@lock/@highlight drive.KEY */
  } sliders[] = {
    { self->c_rate_row, "c-rate", "drive.c_rate" },
    { self->voltage_row, "drive-voltage", "drive.voltage" },
    { self->k0_row, "k0", "drive.k0" },
    { self->alpha_row, "alpha", "drive.alpha" },
    { self->v_lo_row, "v-cutoff-lo", "drive.v_cutoff_lo" },
    { self->v_hi_row, "v-cutoff-hi", "drive.v_cutoff_hi" },
  };

  g_return_if_fail (SP_IS_DRIVE_GROUP (self));
  g_return_if_fail (SP_IS_PARAMS (params));
  g_return_if_fail (self->params == NULL);

  self->params = g_object_ref (params);
  for (guint i = 0; i < G_N_ELEMENTS (sliders); i++)
    {
      sp_slider_row_bind (sliders[i].row, params, sliders[i].property);
      sp_lesson_control_set_key (GTK_WIDGET (sliders[i].row), sliders[i].lesson_key);
    }
  sp_lesson_control_set_key (GTK_WIDGET (self->drive_row), "drive.mode");
  g_signal_connect_object (params, "notify::drive-mode", G_CALLBACK (sp_drive_group_show_drive),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (params, "notify::drive-charge", G_CALLBACK (sp_drive_group_show_drive),
                           self, G_CONNECT_SWAPPED);
  sp_drive_group_show_drive (self);
}

static void
sp_drive_group_dispose (GObject *object)
{
  SpDriveGroup *self = SP_DRIVE_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_DRIVE_GROUP);
  g_clear_object (&self->params);

  G_OBJECT_CLASS (sp_drive_group_parent_class)->dispose (object);
}

static void
sp_drive_group_class_init (SpDriveGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_drive_group_dispose;

  g_type_ensure (SP_TYPE_SLIDER_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinodal/Spinodal/sp-drive-group.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SpDriveGroup, name)
  BIND (drive_row);
  BIND (c_rate_row);
  BIND (voltage_row);
  BIND (k0_row);
  BIND (alpha_row);
  BIND (v_lo_row);
  BIND (v_hi_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, drive_row_selected_cb);
}

static void
sp_drive_group_init (SpDriveGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
