/* sp-document-pages.c — the pages' part of a session (policy:
 * sp-document-pages.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-document-pages.h"

struct _SpDocumentPages
{
  GPtrArray  *pages;      /* SpLabPage (held), in the window's order */
  JsonObject *defaults;   /* sealed; page name → state when added     */
};

SpDocumentPages *
sp_document_pages_new (void)
{
  SpDocumentPages *self = g_new0 (SpDocumentPages, 1);

  self->pages = g_ptr_array_new_with_free_func (g_object_unref);
  self->defaults = json_object_new ();
  json_object_seal (self->defaults);
  return self;
}

void
sp_document_pages_free (SpDocumentPages *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->pages);
  json_object_unref (self->defaults);
  g_free (self);
}

static SpLabPage *
lookup (SpDocumentPages *self,
        const char      *name)
{
  for (guint i = 0; i < self->pages->len; i++)
    if (g_strcmp0 (sp_lab_page_get_page_name (g_ptr_array_index (self->pages, i)), name) == 0)
      return g_ptr_array_index (self->pages, i);
  return NULL;
}

/* @object with @name → @state added (both kept); sealed objects are
 * never changed, so a new one. */
static JsonObject *
with_member (JsonObject *object,
             const char *name,
             JsonObject *state)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    json_object_set_member (copy, member, json_node_copy (node));
  json_object_set_object_member (copy, name, json_object_ref (state));
  return copy;
}

void
sp_document_pages_add (SpDocumentPages *self,
                       SpLabPage       *page)
{
  g_autoptr(JsonObject) state = NULL;

  g_return_if_fail (SP_IS_LAB_PAGE (page));
  g_return_if_fail (lookup (self, sp_lab_page_get_page_name (page)) == NULL);

  g_ptr_array_add (self->pages, g_object_ref (page));
  state = sp_lab_page_save_state (page);
  if (state != NULL)
    {
      JsonObject *defaults = with_member (self->defaults, sp_lab_page_get_page_name (page), state);

      json_object_seal (defaults);
      json_object_unref (self->defaults);
      self->defaults = defaults;
    }
}

JsonObject *
sp_document_pages_defaults (SpDocumentPages *self)
{
  return self->defaults;
}

JsonObject *
sp_document_pages_collect (SpDocumentPages *self,
                           const SpSession *file_session)
{
  JsonObject *pages = json_object_new ();

  for (guint i = 0; i < self->pages->len; i++)
    {
      SpLabPage *page = g_ptr_array_index (self->pages, i);
      JsonObject *state = sp_lab_page_save_state (page);

      if (state != NULL)
        json_object_set_object_member (pages, sp_lab_page_get_page_name (page), state);
    }
  /* What a newer version's pages wrote survives this one's save. */
  if (file_session != NULL && file_session->pages != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init (&iter, file_session->pages);
      while (json_object_iter_next (&iter, &name, &node))
        if (lookup (self, name) == NULL)
          json_object_set_member (pages, name, json_node_copy (node));
    }
  return pages;
}

gboolean
sp_document_pages_check (SpDocumentPages  *self,
                         const SpSession  *session,
                         GError          **error)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      SpLabPage *page = g_ptr_array_index (self->pages, i);
      JsonObject *state = sp_session_get_page (session, sp_lab_page_get_page_name (page));

      if (state != NULL && !sp_lab_page_check_state (page, state, error))
        return FALSE;
    }
  return TRUE;
}

void
sp_document_pages_load (SpDocumentPages *self,
                        const SpSession *session)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      SpLabPage *page = g_ptr_array_index (self->pages, i);
      JsonObject *state = sp_session_get_page (session, sp_lab_page_get_page_name (page));
      g_autoptr(GError) error = NULL;

      /* Checked before anything changed (sp_document_pages_check()). */
      if (state != NULL && !sp_lab_page_load_state (page, state, &error))
        g_critical ("%s: a state its check accepted was refused: %s",
                    sp_lab_page_get_page_name (page), error->message);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort hands pointers to the elements. */
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

GStrv
sp_document_pages_unknown (SpDocumentPages *self,
                           const SpSession *session)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (session->pages == NULL)
    return NULL;
  json_object_iter_init (&iter, session->pages);
  while (json_object_iter_next (&iter, &name, &node))
    if (lookup (self, name) == NULL)
      g_ptr_array_add (names, g_strdup (name));
  if (names->len == 0)
    return NULL;
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
