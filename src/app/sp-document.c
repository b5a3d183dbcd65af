/* sp-document.c — the session the explorer shows: file, title, unsaved
 * changes, busy, and loading and saving (the policy: sp-document.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-document.h"
#include "sp-document-pages.h"
#include "sp-file.h"
#include "sp-params-session.h"
#include "sp-presets.h"

struct _SpDocument
{
  GObject    parent_instance;

  SpParams  *params;
  GFile     *file;         /* NULL while untitled                          */
  SpSession  saved;        /* what @file holds (untitled: the defaults)    */
  gboolean   no_preset;    /* @file names no preset, none picked since     */
  SpSession  pristine;     /* untitled: the preset's own parameters        */
  char      *title;
  char      *subtitle;
  gboolean   modified;
  gboolean   applying;     /* inside sp_params_set_session()               */
  guint      holds;        /* busy while > 0                               */
  SpDocumentPages *pages;  /* the window's pages and their states          */
  GStrv      unknown_pages; /* the last file's pages no page here has      */
  JsonArray *pins;         /* the window's pinned comparisons (sealed)     */
  char      *lesson;       /* the lesson on show, or NULL                  */
  guint      lesson_step;
};

G_DEFINE_FINAL_TYPE (SpDocument, sp_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PARAMS,
  PROP_FILE,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_MODIFIED,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PINS_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Names ---------------------------------------------------------------------- */

char *
sp_document_display_name (GFile *file)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  basename = g_file_get_basename (file);
  return basename != NULL ? g_filename_display_name (basename) : g_file_get_parse_name (file);
}

/* "~/Documents" for the header bar's subtitle. */
static char *
folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_strdup ("");
  if (g_file_equal (parent, home))
    return g_strdup ("~");
  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);
  return g_file_get_parse_name (parent);
}

char *
sp_document_suggest_name (SpDocument *self)
{
  const char *id;
  g_autoptr(SpPreset) preset = NULL;

  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    return sp_document_display_name (self->file);
  id = sp_params_get_preset (self->params);
  if (id != NULL)
    preset = sp_presets_lookup (id, NULL);
  return g_strdup (preset != NULL ? preset->name : _("Untitled"));
}

/* State ---------------------------------------------------------------------- */

static void
set_string (SpDocument  *self,
            char       **field,
            char        *value,      /* taken */
            guint        prop)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
update_title (SpDocument *self)
{
  g_autofree char *name = NULL;

  if (self->file == NULL)
    {
      set_string (self, &self->title, g_strdup (""), PROP_TITLE);
      set_string (self, &self->subtitle, g_strdup (""), PROP_SUBTITLE);
      return;
    }
  name = sp_document_display_name (self->file);
  set_string (self, &self->title,
              /* Translators: the title of a session file with unsaved changes. */
              self->modified ? g_strdup_printf (_("• %s"), name) : g_steal_pointer (&name),
              PROP_TITLE);
  set_string (self, &self->subtitle, folder_name (self->file), PROP_SUBTITLE);
}

void
sp_document_get_session (SpDocument *self,
                         SpSession  *session)
{
  g_autoptr(JsonObject) pages = NULL;

  g_return_if_fail (SP_IS_DOCUMENT (self));
  g_return_if_fail (session != NULL);

  sp_params_get_session (self->params, &self->saved, session);
  if (self->no_preset)
    g_clear_pointer (&session->preset, g_free);
  pages = sp_document_pages_collect (self->pages, &self->saved);
  sp_session_set_pages (session, pages);
  sp_session_set_pins (session, self->pins);
  g_free (session->lesson);
  session->lesson = g_strdup (self->lesson);
  session->lesson_step = self->lesson != NULL ? self->lesson_step : 0;
}

void
sp_document_set_lesson (SpDocument *self,
                        const char *source,
                        guint       step)
{
  g_return_if_fail (SP_IS_DOCUMENT (self));

  if (source != self->lesson)
    {
      g_free (self->lesson);
      self->lesson = g_strdup (source);
    }
  self->lesson_step = source != NULL ? step : 0;
}

const char *
sp_document_get_lesson (SpDocument *self,
                        guint      *step)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);

  if (step != NULL)
    *step = self->lesson_step;
  return self->lesson;
}

/* Untitled work is compared with a fresh set of parameters on its preset. */
static void
update_pristine (SpDocument *self)
{
  const char *preset = sp_params_get_preset (self->params);
  g_autoptr(SpParams) fresh = sp_params_new ();

  if (preset != NULL && *preset != '\0')
    sp_params_load_preset (fresh, preset, NULL);
  sp_session_clear (&self->pristine);
  sp_params_get_session (fresh, NULL, &self->pristine);
  g_free (self->pristine.preset);
  self->pristine.preset = g_strdup (preset);
  sp_session_set_pages (&self->pristine, sp_document_pages_defaults (self->pages));
}

static void
update_modified (SpDocument *self)
{
  g_auto(SpSession) now = { 0 };
  g_auto(SpSession) reference = { 0 };
  gboolean modified;

  sp_document_get_session (self, &now);
  sp_session_copy (&reference, self->file != NULL ? &self->saved : &self->pristine);
  /* The lesson's place is not work to save. */
  g_clear_pointer (&now.lesson, g_free);
  g_clear_pointer (&reference.lesson, g_free);
  modified = !sp_session_equal (&now, &reference);
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  update_title (self);
}

static void
params_notify_cb (SpDocument *self,
                  GParamSpec *pspec,
                  SpParams   *params)
{
  if (self->applying || g_str_equal (pspec->name, "presentation"))
    return;
  if (g_str_equal (pspec->name, "preset"))
    {
      self->no_preset = FALSE;
      update_pristine (self);
    }
  update_modified (self);
}

/* @file now holds @session. */
static void
set_saved (SpDocument      *self,
           const SpSession *session,
           GFile           *file)
{
  sp_session_clear (&self->saved);
  sp_session_copy (&self->saved, session);
  self->no_preset = session->preset == NULL;
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  update_pristine (self);
  update_modified (self);
}

void
sp_document_hold (SpDocument *self)
{
  g_return_if_fail (SP_IS_DOCUMENT (self));

  if (self->holds++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
sp_document_release (SpDocument *self)
{
  g_return_if_fail (SP_IS_DOCUMENT (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Reading -------------------------------------------------------------------- */

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(SpSession) session = sp_session_new ();
  GError *error = NULL;

  /* Into a fresh session: the document's own is touched only on success. */
  if (sp_session_load_file (session, G_FILE (task_data), cancellable, &error))
    g_task_return_pointer (task, g_steal_pointer (&session), (GDestroyNotify) sp_session_free);
  else
    g_task_return_error (task, error);
}

/* Back on the main thread: SpParams judges whether it can show the file. */
static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpDocument *self = g_task_get_source_object (task);
  g_autoptr(SpSession) session = NULL;
  GError *error = NULL;

  sp_document_release (self);
  session = g_task_propagate_pointer (G_TASK (result), &error);
  if (session == NULL || !sp_params_session_check (self->params, session, &error) ||
      !sp_document_pages_check (self->pages, session, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&session), (GDestroyNotify) sp_session_free);
}

void
sp_document_read_async (SpDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) read = NULL;

  g_return_if_fail (SP_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_document_read_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  sp_document_hold (self);
  read = g_task_new (NULL, cancellable, read_done, task);
  g_task_set_task_data (read, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (read, read_thread);
}

SpSession *
sp_document_read_finish (SpDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
sp_document_apply (SpDocument       *self,
                   const SpSession  *session,
                   GFile            *file,
                   GError          **error)
{
  g_auto(SpSession) shown = { 0 };
  g_autoptr(JsonObject) pages = NULL;
  gboolean applied;

  g_return_val_if_fail (SP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (session != NULL && G_IS_FILE (file), FALSE);

  /* Everything is checked before anything changes. */
  if (!sp_document_pages_check (self->pages, session, error))
    return FALSE;
  self->applying = TRUE;
  applied = sp_params_set_session (self->params, session, error);
  if (applied)
    sp_document_pages_load (self->pages, session);
  self->applying = FALSE;
  if (!applied)
    return FALSE;

  g_strfreev (self->unknown_pages);
  self->unknown_pages = sp_document_pages_unknown (self->pages, session);
  /* The file's pins (none: the pins go); the window shows them. */
  g_clear_pointer (&self->pins, json_array_unref);
  if (session->pins != NULL)
    self->pins = json_array_ref (session->pins);
  g_signal_emit (self, signals[PINS_LOADED], 0);
  sp_document_set_lesson (self, session->lesson, session->lesson_step);
  /* The file as a save now would write it: pages it does not mention
   * keep their state, so they do not count as changes. */
  sp_session_copy (&shown, session);
  pages = sp_document_pages_collect (self->pages, session);
  sp_session_set_pages (&shown, pages);
  set_saved (self, &shown, file);
  return TRUE;
}

const char * const *
sp_document_get_unknown_pages (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return (const char * const *) self->unknown_pages;
}

JsonArray *
sp_document_get_pins (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return self->pins;
}

void
sp_document_set_pins (SpDocument *self,
                      JsonArray  *pins)
{
  g_return_if_fail (SP_IS_DOCUMENT (self));

  if (pins != NULL)
    {
      json_array_ref (pins);
      json_array_seal (pins);
    }
  g_clear_pointer (&self->pins, json_array_unref);
  self->pins = pins;
  update_modified (self);
}

gboolean
sp_document_restore (SpDocument       *self,
                     const SpSession  *session,
                     GError          **error)
{
  gboolean applied;

  g_return_val_if_fail (SP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  if (!sp_document_pages_check (self->pages, session, error))
    return FALSE;
  /* One batch for the parameters, then the pages; "modified" once. */
  self->applying = TRUE;
  applied = sp_params_set_session (self->params, session, error);
  if (applied)
    sp_document_pages_load (self->pages, session);
  self->applying = FALSE;
  if (applied)
    {
      /* Back to the file's own preset choice too (NULL: none named). */
      self->no_preset = session->preset == NULL && self->no_preset;
      update_pristine (self);
      update_modified (self);
    }
  return applied;
}

static void
page_state_changed_cb (SpDocument *self)
{
  if (!self->applying)
    update_modified (self);
}

void
sp_document_add_page (SpDocument *self,
                      SpLabPage  *page)
{
  g_return_if_fail (SP_IS_DOCUMENT (self));
  g_return_if_fail (SP_IS_LAB_PAGE (page));

  sp_document_pages_add (self->pages, page);
  g_signal_connect_object (page, "state-changed", G_CALLBACK (page_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_pristine (self);
  update_modified (self);
}

/* Loading and reverting: read, then apply ------------------------------------- */

static void
load_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpDocument *self = SP_DOCUMENT (source);
  g_autoptr(SpSession) session = NULL;
  GError *error = NULL;

  session = sp_document_read_finish (self, result, &error);
  if (session == NULL || !sp_document_apply (self, session, g_task_get_task_data (task), &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
load (SpDocument          *self,
      GFile               *file,
      gpointer             tag,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  /* Read before the task is handed over: the order in which arguments are
   * evaluated is unspecified. */
  GCancellable *task_cancellable = g_task_get_cancellable (task);

  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  sp_document_read_async (self, file, task_cancellable, load_read_cb, task);
}

void
sp_document_load_async (SpDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (SP_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  load (self, file, sp_document_load_async, cancellable, callback, user_data);
}

gboolean
sp_document_load_finish (SpDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
sp_document_revert_async (SpDocument          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (SP_IS_DOCUMENT (self));

  if (self->file == NULL)
    {
      g_task_report_new_error (self, callback, user_data, sp_document_revert_async,
                               SP_SESSION_ERROR, SP_SESSION_ERROR_IO,
                               _("the session has no file to revert to"));
      return;
    }
  load (self, self->file, sp_document_revert_async, cancellable, callback, user_data);
}

gboolean
sp_document_revert_finish (SpDocument    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Saving --------------------------------------------------------------------- */

typedef struct
{
  GFile     *file;
  GBytes    *bytes;
  SpSession *session;   /* what the file will hold */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->session, sp_session_free);
  g_free (data);
}

/* Runs in a GTask thread: the write and its fsync never block the UI. */
static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GError) error = NULL;

  /* Written to a temporary file and renamed over the old one: a crash or a
   * full disk never leaves half a session. */
  if (!sp_file_write_atomic_gfile (data->file, g_bytes_get_data (data->bytes, NULL),
                                   g_bytes_get_size (data->bytes), cancellable, &error))
    {
      g_autofree char *name = g_file_get_parse_name (data->file);

      g_task_return_new_error (task, SP_SESSION_ERROR, SP_SESSION_ERROR_IO,
                               _("cannot save “%s”: %s"), name, error->message);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SpDocument *self = SP_DOCUMENT (source);
  SaveData *data = g_task_get_task_data (G_TASK (result));
  GAsyncReadyCallback callback = g_object_get_data (G_OBJECT (result), "sp-callback");
  gpointer callback_data = g_object_get_data (G_OBJECT (result), "sp-callback-data");

  sp_document_release (self);
  /* The parameters as they were when the save began: any change made
   * while it was written still counts as unsaved. */
  if (!g_task_had_error (G_TASK (result)))
    set_saved (self, data->session, data->file);
  if (callback != NULL)
    callback (source, result, callback_data);
}

void
sp_document_save_async (SpDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;
  GError *error = NULL;
  char *bytes;
  gsize length;

  g_return_if_fail (SP_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);

  /* The state is updated before @callback runs, so the task calls it
   * itself from save_done. */
  task = g_task_new (self, cancellable, save_done, NULL);
  g_task_set_source_tag (task, sp_document_save_async);
  g_object_set_data (G_OBJECT (task), "sp-callback", callback);
  g_object_set_data (G_OBJECT (task), "sp-callback-data", user_data);
  sp_document_hold (self);

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file != NULL ? file : self->file);
  data->session = sp_session_new ();
  sp_document_get_session (self, data->session);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  /* Serialised now (about 1 KiB, microseconds): the write runs while the
   * parameters go on changing. */
  bytes = sp_session_to_data (data->session, &length, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data->bytes = g_bytes_new_take (bytes, length);
  g_task_run_in_thread (task, save_thread);
}

gboolean
sp_document_save_finish (SpDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Getters -------------------------------------------------------------------- */

SpParams *
sp_document_get_params (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return self->params;
}

GFile *
sp_document_get_file (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
sp_document_get_title (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
sp_document_get_subtitle (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), NULL);
  return self->subtitle;
}

gboolean
sp_document_get_modified (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

gboolean
sp_document_get_busy (SpDocument *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT (self), FALSE);
  return self->holds > 0;
}

/* GObject -------------------------------------------------------------------- */

SpDocument *
sp_document_new (SpParams *params)
{
  g_return_val_if_fail (SP_IS_PARAMS (params), NULL);
  return g_object_new (SP_TYPE_DOCUMENT, "params", params, NULL);
}

static void
sp_document_constructed (GObject *object)
{
  SpDocument *self = SP_DOCUMENT (object);

  G_OBJECT_CLASS (sp_document_parent_class)->constructed (object);

  g_signal_connect_object (self->params, "notify", G_CALLBACK (params_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update_pristine (self);
  self->modified = !self->modified;   /* so that the first update notifies */
  update_modified (self);
}

static void
sp_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SpDocument *self = SP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PARAMS:
      g_value_set_object (value, self->params);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->holds > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SpDocument *self = SP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PARAMS:
      self->params = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_document_finalize (GObject *object)
{
  SpDocument *self = SP_DOCUMENT (object);

  g_clear_object (&self->params);
  g_clear_object (&self->file);
  sp_session_clear (&self->saved);
  sp_session_clear (&self->pristine);
  g_clear_pointer (&self->pages, sp_document_pages_free);
  g_clear_pointer (&self->unknown_pages, g_strfreev);
  g_clear_pointer (&self->pins, json_array_unref);
  g_clear_pointer (&self->lesson, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (sp_document_parent_class)->finalize (object);
}

static void
sp_document_class_init (SpDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sp_document_constructed;
  object_class->get_property = sp_document_get_property;
  object_class->set_property = sp_document_set_property;
  object_class->finalize = sp_document_finalize;

  properties[PROP_PARAMS] =
    g_param_spec_object ("params", NULL, NULL, SP_TYPE_PARAMS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* sp_document_apply() showed a file: its pins (sp_document_get_pins())
   * replace the window's. */
  signals[PINS_LOADED] =
    g_signal_new ("pins-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_document_init (SpDocument *self)
{
  sp_session_init_default (&self->saved);
  sp_session_init_default (&self->pristine);
  self->pages = sp_document_pages_new ();
  self->title = g_strdup ("");
  self->subtitle = g_strdup ("");
}
