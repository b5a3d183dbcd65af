/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-document-pages.h — the pages' part of a session (version 2's
 * "pages"), for SpDocument: which pages there are, what a save writes for
 * them, whether a file's can be shown, and showing them
 *
 * Policy (README "Session files"): a page's state goes under its page
 * name; a page the file does not mention keeps its state; a page this
 * version does not have is kept as the file holds it (and saved back),
 * and named so the window can say so; a known page that refuses its
 * state refuses the file (the error names the field), like the
 * parameters do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-lab-page.h"
#include "sp-session.h"

G_BEGIN_DECLS

typedef struct _SpDocumentPages SpDocumentPages;

SpDocumentPages *sp_document_pages_new      (void);
void             sp_document_pages_free     (SpDocumentPages   *self);

/* Adds @page (held); its state now is its untitled default. */
void             sp_document_pages_add      (SpDocumentPages   *self,
                                             SpLabPage         *page);
/* The pages' states now, with those of @file_session (NULL: none) whose
 * pages are not known: a new object. */
JsonObject      *sp_document_pages_collect  (SpDocumentPages   *self,
                                             const SpSession   *file_session);
/* Every known page's state as it was added (untitled work's reference). */
JsonObject      *sp_document_pages_defaults (SpDocumentPages   *self);
/* Whether every known page accepts its state in @session. */
gboolean         sp_document_pages_check    (SpDocumentPages   *self,
                                             const SpSession   *session,
                                             GError           **error);
/* Shows @session's states (after sp_document_pages_check()). */
void             sp_document_pages_load     (SpDocumentPages   *self,
                                             const SpSession   *session);
/* The names in @session's "pages" that no known page has, sorted; NULL
 * when there are none. */
GStrv            sp_document_pages_unknown  (SpDocumentPages   *self,
                                             const SpSession   *session);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDocumentPages, sp_document_pages_free)

G_END_DECLS
