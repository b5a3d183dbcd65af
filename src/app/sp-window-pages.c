/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-window-pages.c — the window's pages, listed once, and the labs they
 * make: the order here is the labs', the switcher's and Alt+1, Alt+2, …
 * Adding a page is a line here and its own files (sp-<name>-page.{c,h,ui};
 * the contract: sp-lab-page.h).
 *
 * Navigation: the header's lab selector (linked toggle buttons, one per
 * lab, shown once a second lab has pages, and the same choices as radio
 * items in the primary menu, which narrow windows have room for) picks
 * the lab through win.show-lab (the window's "lab" property); the view switcher (AdwViewSwitcherTitle, or
 * the bottom bar on narrow windows) shows only the active lab's pages,
 * the others' stack pages being invisible.  The flap shows the page's panel, the simulation bar shows
 * under the pages that ask for it.  A lab comes back on the page it was
 * left on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-hopping-page.h"
#include "sp-impedance-page.h"
#include "sp-overview-page.h"
#include "sp-simulation-page.h"
#include "sp-window-shortcuts.h"

#include "sp-window-private.h"

static GType (* const page_types[]) (void) = {
  sp_overview_page_get_type,
  sp_simulation_page_get_type,
  sp_impedance_page_get_type,
  sp_hopping_page_get_type,
};

/* One lab: its names and the page it was last on. */
typedef struct
{
  char             *name;
  char             *icon_name;
  char             *last_page;   /* NULL: its first page */
} SpWindowLab;

static void
sp_window_lab_free (SpWindowLab *lab)
{
  g_free (lab->name);
  g_free (lab->icon_name);
  g_free (lab->last_page);
  g_free (lab);
}

static SpWindowLab *
lookup_lab (SpWindow   *self,
            const char *name,
            guint      *index)
{
  for (guint i = 0; i < self->labs->len; i++)
    {
      SpWindowLab *lab = g_ptr_array_index (self->labs, i);

      if (g_strcmp0 (lab->name, name) == 0)
        {
          if (index != NULL)
            *index = i;
          return lab;
        }
    }
  return NULL;
}

SpLabPage *
sp_window_pages_lookup (SpWindow   *self,
                        const char *name)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  for (guint p = 0; p < self->pages->len; p++)
    if (g_strcmp0 (sp_lab_page_get_page_name (g_ptr_array_index (self->pages, p)), name) == 0)
      return g_ptr_array_index (self->pages, p);
  return NULL;
}

static SpLabPage *
first_page_of (SpWindow   *self,
               const char *lab_name)
{
  for (guint p = 0; p < self->pages->len; p++)
    if (g_strcmp0 (sp_lab_page_get_lab_name (g_ptr_array_index (self->pages, p)), lab_name) == 0)
      return g_ptr_array_index (self->pages, p);
  return NULL;
}

/* Only the active lab's pages are in the switcher. */
static void
show_lab_pages (SpWindow   *self,
                const char *lab_name,
                gboolean    visible)
{
  for (guint p = 0; p < self->pages->len; p++)
    {
      SpLabPage *page = g_ptr_array_index (self->pages, p);

      if (g_strcmp0 (sp_lab_page_get_lab_name (page), lab_name) == 0)
        adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack,
                                                                  GTK_WIDGET (page)),
                                         visible);
    }
}

gboolean
sp_window_pages_show (SpWindow   *self,
                      const char *name)
{
  SpLabPage *page;
  SpWindowLab *lab, *old;
  guint index = 0;

  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);

  page = sp_window_pages_lookup (self, name);
  if (page == NULL)
    return FALSE;
  lab = lookup_lab (self, sp_lab_page_get_lab_name (page), &index);
  old = g_ptr_array_index (self->labs, self->active_lab);
  g_return_val_if_fail (lab != NULL, FALSE);
  if (lab != old)
    {
      /* The new lab's pages first: the stack never has none to show. */
      self->active_lab = index;
      show_lab_pages (self, lab->name, TRUE);
      adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (page));
      show_lab_pages (self, old->name, FALSE);
      g_object_notify (G_OBJECT (self), "lab");
    }
  else
    adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (page));
  return TRUE;
}

const char *
sp_window_pages_get_lab (SpWindow *self)
{
  /* A string for win.show-lab's state even before the pages exist. */
  if (self->labs == NULL || self->labs->len == 0)
    return "";
  return ((SpWindowLab *) g_ptr_array_index (self->labs, self->active_lab))->name;
}

/* win.show-lab: the lab comes back on the page it was left on. */
gboolean
sp_window_pages_show_lab (SpWindow   *self,
                          const char *name)
{
  SpWindowLab *lab = self->labs != NULL ? lookup_lab (self, name, NULL) : NULL;
  SpLabPage *page;

  if (lab == NULL)
    return FALSE;
  page = lab->last_page != NULL ? sp_window_pages_lookup (self, lab->last_page) : NULL;
  if (page == NULL)
    page = first_page_of (self, lab->name);
  return sp_window_pages_show (self, sp_lab_page_get_page_name (page));
}

#define PANEL_NAME_KEY "sp-panel-name"

GtkWidget *
sp_window_pages_get_panel (SpWindow   *self,
                           const char *panel_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->panel_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), PANEL_NAME_KEY), panel_name) == 0)
      return child;
  return NULL;
}

/* The page on show decides the lab it is remembered for, the panel and
 * the simulation bar. */
static void
visible_page_cb (SpWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);
  SpLabPage *page;
  SpWindowLab *lab;
  GtkWidget *panel;

  if (!SP_IS_LAB_PAGE (child))
    return;
  page = SP_LAB_PAGE (child);
  lab = lookup_lab (self, sp_lab_page_get_lab_name (page), NULL);
  g_return_if_fail (lab != NULL);
  g_free (lab->last_page);
  lab->last_page = g_strdup (sp_lab_page_get_page_name (page));

  panel = sp_window_pages_get_panel (self, sp_lab_page_get_panel_name (page));
  /* A page without a panel: the flap and its button are out of the way. */
  gtk_widget_set_visible (GTK_WIDGET (self->panel_box), panel != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-panel", panel != NULL);
  gtk_widget_set_sensitive (self->panel_button, panel != NULL);
  for (GtkWidget *other = gtk_widget_get_first_child (GTK_WIDGET (self->panel_box)); other != NULL;
       other = gtk_widget_get_next_sibling (other))
    gtk_widget_set_visible (other, other == panel);
  gtk_widget_set_visible (GTK_WIDGET (self->sim_bar), sp_lab_page_get_simulation_bar (page));
}

/* The toggle buttons while there is room; folded (narrow), only the
 * primary menu's: the header centres its title, so it needs twice its
 * wider side, and its start holds the labelled panel button. */
static void
show_selector (SpWindow *self)
{
  GMenu *primary = G_MENU (gtk_menu_button_get_menu_model (self->primary_menu_button));
  gboolean two = self->labs->len > 1;

  gtk_widget_set_visible (GTK_WIDGET (self->lab_switcher), two && self->folded != TRUE);
  /* Once: later labs join the section, a live GMenu. */
  if (two && !self->lab_menu_shown)
    {
      g_menu_prepend_section (primary, _("Lab"), G_MENU_MODEL (self->lab_menu));
      self->lab_menu_shown = TRUE;
    }
}

void
sp_window_pages_show_folded (SpWindow *self,
                             gboolean  folded)
{
  show_selector (self);
}

/* @title without its mnemonic underscore. */
static char *
plain_title (const char *title)
{
  char *plain = g_strdup (title);

  for (char *r = plain, *w = plain; ; r++)
    if (*r != '_' && (*w++ = *r) == '\0')
      break;
  return plain;
}

static SpWindowLab *
add_lab (SpWindow  *self,
         SpLabPage *page)
{
  SpWindowLab *lab = g_new0 (SpWindowLab, 1);
  const char *title = sp_lab_page_get_lab_title (page);
  g_autofree char *plain = plain_title (title);
  g_autoptr(GMenuItem) item = NULL;
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *button = gtk_toggle_button_new ();

  lab->name = g_strdup (sp_lab_page_get_lab_name (page));
  lab->icon_name = g_strdup (sp_lab_page_get_lab_icon_name (page));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), lab->icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), title);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  /* Pressed while its lab is the window's "lab". */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-lab");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", lab->name);
  gtk_widget_set_tooltip_text (button, plain);
  /* No accessible label of its own: GTK 4.8 reads it and the content's
   * label both ("Ion Transport Ion Transport"). */
  gtk_box_append (self->lab_switcher, button);

  /* The narrow window's menu: radio items on the same action. */
  item = g_menu_item_new (title, NULL);
  g_menu_item_set_action_and_target (item, "win.show-lab", "s", lab->name);
  g_menu_append_item (self->lab_menu, item);

  g_ptr_array_add (self->labs, lab);
  /* One lab needs no selector: the window then looks as it always did. */
  show_selector (self);
  return lab;
}

/* Alt+1 … Alt+9: every page of every lab, in list order. */
static void
update_page_keys (SpWindow *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint p = 0; p < self->pages->len; p++)
    g_ptr_array_add (names, (gpointer) sp_lab_page_get_page_name (g_ptr_array_index (self->pages, p)));
  g_ptr_array_add (names, NULL);
  sp_window_shortcuts_set_pages (GTK_WIDGET (self), (const char * const *) names->pdata);
}

void
sp_window_add_page (SpWindow  *self,
                    SpLabPage *page)
{
  AdwViewStackPage *stack_page;
  SpWindowLab *lab;
  GtkWidget *panel = NULL;
  const char *panel_name;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (SP_IS_LAB_PAGE (page));
  g_return_if_fail (sp_lab_page_get_page_name (page) != NULL);
  g_return_if_fail (sp_lab_page_get_lab_name (page) != NULL);
  g_return_if_fail (sp_window_pages_lookup (self, sp_lab_page_get_page_name (page)) == NULL);

  g_object_ref_sink (page);
  lab = lookup_lab (self, sp_lab_page_get_lab_name (page), NULL);
  if (lab == NULL)
    lab = add_lab (self, page);

  panel_name = sp_lab_page_get_panel_name (page);
  if (sp_window_pages_get_panel (self, panel_name) == NULL)
    {
      panel = sp_lab_page_create_panel (page);
      if (panel != NULL)
        {
          g_object_set_data_full (G_OBJECT (panel), PANEL_NAME_KEY, g_strdup (panel_name), g_free);
          /* Shown when its page is (visible_page_cb). */
          gtk_widget_set_visible (panel, FALSE);
          gtk_box_append (self->panel_box, panel);
          if (self->panel == NULL && SP_IS_PARAM_PANEL (panel))
            self->panel = SP_PARAM_PANEL (panel);
        }
    }

  stack_page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (page),
                                          sp_lab_page_get_page_name (page),
                                          sp_lab_page_get_title (page));
  adw_view_stack_page_set_icon_name (stack_page, sp_lab_page_get_icon_name (page));
  adw_view_stack_page_set_use_underline (stack_page, TRUE);
  adw_view_stack_page_set_visible (stack_page,
                                   lab == g_ptr_array_index (self->labs, self->active_lab));
  /* Held until the window's template is gone: a late signal then finds
   * pages without figures rather than freed ones. */
  g_ptr_array_add (self->pages, page);

  if (self->pages_ready)
    {
      sp_window_adopt_page (self, page, panel);
      update_page_keys (self);
      visible_page_cb (self);
    }
}

void
sp_window_pages_init (SpWindow *self)
{
  g_return_if_fail (self->pages == NULL);

  self->pages = g_ptr_array_new_with_free_func (g_object_unref);
  self->labs = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_window_lab_free);
  self->lab_menu = g_menu_new ();
  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    sp_window_add_page (self, g_object_new (page_types[i] (), NULL));
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_page_cb), self, G_CONNECT_SWAPPED);
}

/* After the window's init: the keys, the first page's panel; pages added
 * from now on are wired at once. */
void
sp_window_pages_ready (SpWindow *self)
{
  self->pages_ready = TRUE;
  update_page_keys (self);
  visible_page_cb (self);
}

void
sp_window_pages_dispose (SpWindow *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->labs, g_ptr_array_unref);
  g_clear_object (&self->lab_menu);
}
