/* sp-window-pages.c — the window's pages, listed once, and the labs they
 * make: the order here is the labs', the switcher's and Alt+1, Alt+2, …
 * Adding a page is a line here and its own files (sp-<name>-page.{c,h,ui};
 * the contract: sp-lab-page.h).
 *
 * Navigation: the header's lab selector (linked toggle buttons, one per
 * lab, shown once a second lab has pages) picks the lab; the view
 * switcher (AdwViewSwitcherTitle, or the bottom bar on narrow windows)
 * shows only the active lab's pages, the others' stack pages being
 * invisible.  The flap shows the page's panel, the simulation bar shows
 * under the pages that ask for it.  A lab comes back on the page it was
 * left on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-overview-page.h"
#include "sp-simulation-page.h"
#include "sp-window-shortcuts.h"

#include "sp-window-private.h"

static GType (* const page_types[]) (void) = {
  sp_overview_page_get_type,
  sp_simulation_page_get_type,
};

/* One lab: its selector button and the page it was last on. */
typedef struct
{
  char             *name;
  char             *title;
  GtkToggleButton  *button;
  AdwButtonContent *content;
  char             *last_page;   /* NULL: its first page */
} SpWindowLab;

static void
sp_window_lab_free (SpWindowLab *lab)
{
  g_free (lab->name);
  g_free (lab->title);
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
    }
  else
    adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (page));
  return TRUE;
}

static void
lab_toggled_cb (GtkToggleButton *button,
                SpWindow        *self)
{
  SpWindowLab *lab = NULL;
  SpLabPage *page;

  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < self->labs->len && lab == NULL; i++)
    if (((SpWindowLab *) g_ptr_array_index (self->labs, i))->button == button)
      lab = g_ptr_array_index (self->labs, i);
  g_return_if_fail (lab != NULL);

  page = lab->last_page != NULL ? sp_window_pages_lookup (self, lab->last_page) : NULL;
  if (page == NULL)
    page = first_page_of (self, lab->name);
  sp_window_pages_show (self, sp_lab_page_get_page_name (page));
}

/* The page on show decides the lab button, the panel and the bar. */
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
  if (!gtk_toggle_button_get_active (lab->button))
    gtk_toggle_button_set_active (lab->button, TRUE);

  panel = gtk_stack_get_child_by_name (self->panel_stack, sp_lab_page_get_panel_name (page));
  /* A page without a panel: the flap and its button are out of the way. */
  gtk_widget_set_visible (GTK_WIDGET (self->panel_stack), panel != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-panel", panel != NULL);
  gtk_widget_set_sensitive (self->panel_button, panel != NULL);
  if (panel != NULL)
    gtk_stack_set_visible_child (self->panel_stack, panel);
  gtk_widget_set_visible (GTK_WIDGET (self->sim_bar), sp_lab_page_get_simulation_bar (page));
}

static void
show_lab_label (SpWindow    *self,
                SpWindowLab *lab)
{
  adw_button_content_set_label (lab->content, self->folded == TRUE ? "" : lab->title);
}

void
sp_window_pages_show_folded (SpWindow *self,
                             gboolean  folded)
{
  for (guint i = 0; i < self->labs->len; i++)
    show_lab_label (self, g_ptr_array_index (self->labs, i));
}

static SpWindowLab *
add_lab (SpWindow  *self,
         SpLabPage *page)
{
  SpWindowLab *lab = g_new0 (SpWindowLab, 1);
  g_autofree char *plain = NULL;

  lab->name = g_strdup (sp_lab_page_get_lab_name (page));
  lab->title = g_strdup (sp_lab_page_get_lab_title (page));
  lab->content = ADW_BUTTON_CONTENT (adw_button_content_new ());
  adw_button_content_set_icon_name (lab->content, sp_lab_page_get_lab_icon_name (page));
  adw_button_content_set_use_underline (lab->content, TRUE);
  lab->button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_child (GTK_BUTTON (lab->button), GTK_WIDGET (lab->content));
  /* Read aloud and shown as a tooltip without the mnemonic, also while
   * the label is folded away. */
  plain = g_strdup (lab->title);
  for (char *r = plain, *w = plain; ; r++)
    if (*r != '_' && (*w++ = *r) == '\0')
      break;
  gtk_widget_set_tooltip_text (GTK_WIDGET (lab->button), plain);
  gtk_accessible_update_property (GTK_ACCESSIBLE (lab->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
  if (self->labs->len > 0)
    gtk_toggle_button_set_group (lab->button,
                                 ((SpWindowLab *) g_ptr_array_index (self->labs, 0))->button);
  else
    gtk_toggle_button_set_active (lab->button, TRUE);
  g_signal_connect_object (lab->button, "toggled", G_CALLBACK (lab_toggled_cb), self, 0);
  gtk_box_append (self->lab_switcher, GTK_WIDGET (lab->button));
  g_ptr_array_add (self->labs, lab);
  show_lab_label (self, lab);
  /* One lab needs no selector: the window then looks as it always did. */
  gtk_widget_set_visible (GTK_WIDGET (self->lab_switcher), self->labs->len > 1);
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
  if (gtk_stack_get_child_by_name (self->panel_stack, panel_name) == NULL)
    {
      panel = sp_lab_page_create_panel (page);
      if (panel != NULL)
        {
          gtk_stack_add_named (self->panel_stack, panel, panel_name);
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
}
