/* sp-window-pages.c — the window's pages, listed once: the order here is
 * the switcher's and Alt+1, Alt+2, …  Adding a page is a line here and
 * its own files (sp-<name>-page.{c,h,ui}; the contract: sp-lab-page.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-overview-page.h"
#include "sp-simulation-page.h"

#include "sp-window-private.h"

static GType (* const page_types[]) (void) = {
  sp_overview_page_get_type,
  sp_simulation_page_get_type,
};

void
sp_window_pages_init (SpWindow *self)
{
  g_return_if_fail (self->pages == NULL);

  /* Held until the window's template is gone: a late signal then finds
   * pages without figures rather than freed ones. */
  self->pages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    {
      SpLabPage *page = g_object_new (page_types[i] (), NULL);
      AdwViewStackPage *stack_page;

      stack_page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (page),
                                              sp_lab_page_get_page_name (page),
                                              sp_lab_page_get_title (page));
      adw_view_stack_page_set_icon_name (stack_page, sp_lab_page_get_icon_name (page));
      adw_view_stack_page_set_use_underline (stack_page, TRUE);
      g_ptr_array_add (self->pages, g_object_ref (page));
    }
}
