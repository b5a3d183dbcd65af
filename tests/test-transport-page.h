/* test-transport-page.h — a page of a second lab, for the GUI tests only:
 * what the contract (sp-lab-page.h) asks of a new page, and no more.
 *
 * Its page-name, title and lab come as construct properties, so one type
 * gives several pages.  Its panel is a slider for a resistance (one panel
 * per panel name, as the contract has it: the test counts how many were
 * made), its state for a session is that resistance:
 *   { "resistance_ohm": R }, R in [1, 1e6]
 * and a file's state is refused with the field and the problem named.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "sp-lab-page.h"
#include "sp-session.h"

#define TEST_RESISTANCE_MIN     1.0
#define TEST_RESISTANCE_MAX     1e6
#define TEST_RESISTANCE_DEFAULT 100.0

#define TEST_TYPE_TRANSPORT_PAGE (test_transport_page_get_type ())
G_DECLARE_FINAL_TYPE (TestTransportPage, test_transport_page, TEST, TRANSPORT_PAGE, SpLabPage)

struct _TestTransportPage
{
  SpLabPage      parent_instance;
  GtkAdjustment *resistance;     /* the page's state, the panel's slider */
  GtkWidget     *label;          /* what the page shows */
};

G_DEFINE_FINAL_TYPE (TestTransportPage, test_transport_page, SP_TYPE_LAB_PAGE)

/* How many panels the pages made (the window makes one per panel name). */
static guint test_transport_panels_made;

static GtkWidget *
test_transport_page_create_panel (SpLabPage *page)
{
  TestTransportPage *self = TEST_TRANSPORT_PAGE (page);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, self->resistance);

  test_transport_panels_made++;
  gtk_widget_set_size_request (box, 300, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Resistance", -1);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Resistance (Ω)"));
  gtk_box_append (GTK_BOX (box), scale);
  return box;
}

static JsonObject *
test_transport_page_save_state (SpLabPage *page)
{
  TestTransportPage *self = TEST_TRANSPORT_PAGE (page);
  JsonObject *state = json_object_new ();

  json_object_set_double_member (state, "resistance_ohm", gtk_adjustment_get_value (self->resistance));
  return state;
}

static gboolean
test_transport_page_check_state (SpLabPage   *page,
                                 JsonObject  *state,
                                 GError     **error)
{
  JsonNode *node = json_object_get_member (state, "resistance_ohm");
  double r;

  if (node == NULL)
    return TRUE;   /* missing: the default, as the session's own fields */
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64) ||
      !isfinite (r = json_node_get_double (node)) ||
      r < TEST_RESISTANCE_MIN || r > TEST_RESISTANCE_MAX)
    {
      g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
                   "session.pages.%s.resistance_ohm: must be a number in [1, 1e6] Ω",
                   sp_lab_page_get_page_name (page));
      return FALSE;
    }
  return TRUE;
}

static void
test_transport_page_load_state (SpLabPage  *page,
                                JsonObject *state)
{
  TestTransportPage *self = TEST_TRANSPORT_PAGE (page);

  gtk_adjustment_set_value (self->resistance,
                            json_object_get_double_member_with_default (state, "resistance_ohm",
                                                                        TEST_RESISTANCE_DEFAULT));
}

static void
resistance_changed_cb (TestTransportPage *self)
{
  g_autofree char *text = g_strdup_printf ("R = %g Ω", gtk_adjustment_get_value (self->resistance));

  gtk_label_set_label (GTK_LABEL (self->label), text);
  sp_lab_page_state_changed (SP_LAB_PAGE (self));
}

static void
test_transport_page_finalize (GObject *object)
{
  g_clear_object (&TEST_TRANSPORT_PAGE (object)->resistance);
  G_OBJECT_CLASS (test_transport_page_parent_class)->finalize (object);
}

/* Built from a template, as every page is (sp-lab-page.h). */
static const char test_transport_page_ui[] =
  "<interface>"
  "  <template class=\"TestTransportPage\" parent=\"SpLabPage\">"
  "    <child><object class=\"GtkLabel\" id=\"label\"/></child>"
  "  </template>"
  "</interface>";

static void
test_transport_page_class_init (TestTransportPageClass *klass)
{
  SpLabPageClass *page_class = SP_LAB_PAGE_CLASS (klass);
  g_autoptr(GBytes) ui = g_bytes_new_static (test_transport_page_ui, sizeof test_transport_page_ui - 1);

  gtk_widget_class_set_template (GTK_WIDGET_CLASS (klass), ui);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), TestTransportPage, label);
  G_OBJECT_CLASS (klass)->finalize = test_transport_page_finalize;
  page_class->create_panel = test_transport_page_create_panel;
  page_class->save_state = test_transport_page_save_state;
  page_class->check_state = test_transport_page_check_state;
  page_class->load_state = test_transport_page_load_state;
}

static void
test_transport_page_init (TestTransportPage *self)
{
  self->resistance = g_object_ref_sink (gtk_adjustment_new (TEST_RESISTANCE_DEFAULT,
                                                            TEST_RESISTANCE_MIN, TEST_RESISTANCE_MAX,
                                                            1.0, 10.0, 0.0));
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->resistance, "value-changed", G_CALLBACK (resistance_changed_cb), self);
  resistance_changed_cb (self);
}

/* A page of a test lab (beside the window's own two) named @name; @panel_name NULL shares
 * the lab's panel. */
static inline SpLabPage *
test_transport_page_new (const char *name,
                         const char *panel_name)
{
  g_autofree char *title = g_strdup_printf ("_%s", name);

  return g_object_new (TEST_TYPE_TRANSPORT_PAGE,
                       "page-name", name,
                       "title", title,
                       "icon-name", "battery-good-symbolic",
                       "lab-name", "test-lab",
                       "lab-title", "_Test Lab",
                       "lab-icon-name", "battery-full-charged-symbolic",
                       "panel-name", panel_name,
                       NULL);
}

static inline double
test_transport_page_get_resistance (SpLabPage *page)
{
  return gtk_adjustment_get_value (TEST_TRANSPORT_PAGE (page)->resistance);
}

static inline void
test_transport_page_set_resistance (SpLabPage *page,
                                    double     r)
{
  gtk_adjustment_set_value (TEST_TRANSPORT_PAGE (page)->resistance, r);
}
