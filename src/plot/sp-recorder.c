/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-recorder.c — the recorder's queue and thread, and the PNG sequence
 * (the WebM encoder is in sp-recorder-webm.c) */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sp-export.h"
#include "sp-file.h"
#include "sp-figure.h"
#include "sp-recorder-private.h"

#define DEFAULT_QUEUE 8

void
sp_recorder_options_init (SpRecorderOptions *options)
{
  memset (options, 0, sizeof *options);
  options->width = 512;
  options->height = 512;
  options->fps = 25;
  options->queue_length = DEFAULT_QUEUE;
}

void
sp_recorder_fail (SpRecorder *self,
                  GError     *error)
{
  g_mutex_lock (&self->lock);
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
  g_mutex_unlock (&self->lock);
}

gboolean
sp_recorder_failed (SpRecorder *self)
{
  gboolean result;

  g_mutex_lock (&self->lock);
  result = self->error != NULL;
  g_mutex_unlock (&self->lock);
  return result;
}

void
sp_recorder_count_written (SpRecorder *self)
{
  g_mutex_lock (&self->lock);
  self->written++;
  g_mutex_unlock (&self->lock);
}

static cairo_surface_t *
render (SpRecorder *self,
        SpFrame    *frame)
{
  SpFigureData data;

  sp_figure_data_init (&data);
  data.frame = frame;
  data.field_fixed_scale = self->options.field_fixed_scale;
  return sp_export_render_image (SP_FIGURE_FIELD, &data, &self->style,
                                 self->options.width, self->options.height, 1.0);
}

static void
write_png (SpRecorder      *self,
           cairo_surface_t *surface)
{
  g_autofree char *name = g_strdup_printf ("frame-%06u.png", self->written + 1);
  g_autofree char *path = g_build_filename (self->output, name, NULL);
  g_autoptr(GBytes) png = NULL;
  GError *error = NULL;

  png = sp_export_encode_png (surface, &error);
  if (png == NULL ||
      !sp_file_write_atomic (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error))
    {
      sp_recorder_fail (self, error);
      return;
    }
  sp_recorder_count_written (self);
}

static gpointer
recorder_thread (gpointer user_data)
{
  SpRecorder *self = user_data;

  for (;;)
    {
      SpFrame *frame;
      cairo_surface_t *surface;

      g_mutex_lock (&self->lock);
      while (g_queue_is_empty (&self->queue) && !self->closing)
        g_cond_wait (&self->cond, &self->lock);
      frame = g_queue_pop_head (&self->queue);
      g_mutex_unlock (&self->lock);
      if (frame == NULL)
        break;

      if (!sp_recorder_failed (self))
        {
          surface = render (self, frame);
          if (self->kind == SP_RECORDER_PNG_SEQUENCE)
            write_png (self, surface);
          else
            sp_recorder_webm_push (self, surface);
          cairo_surface_destroy (surface);
        }
      sp_frame_unref (frame);
    }

  if (self->kind == SP_RECORDER_WEBM)
    sp_recorder_webm_end (self);
  return NULL;
}

static gboolean
start_png (SpRecorder  *self,
           GError     **error)
{
  if (g_mkdir_with_parents (self->output, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("cannot create the folder “%s”: %s"), self->output, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_options (const SpRecorderOptions *o,
               GError                 **error)
{
  if (o->width < SP_RECORDER_MIN_SIZE || o->width > SP_RECORDER_MAX_SIZE ||
      o->height < SP_RECORDER_MIN_SIZE || o->height > SP_RECORDER_MAX_SIZE ||
      o->width % 2 != 0 || o->height % 2 != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The video size must be even and between %d and %d pixels"),
                   SP_RECORDER_MIN_SIZE, SP_RECORDER_MAX_SIZE);
      return FALSE;
    }
  if (o->fps < 1 || o->fps > SP_RECORDER_MAX_FPS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The frame rate must be between 1 and %d frames per second"),
                   SP_RECORDER_MAX_FPS);
      return FALSE;
    }
  return TRUE;
}

SpRecorder *
sp_recorder_new (const char              *path,
                 const SpRecorderOptions *options,
                 GError                 **error)
{
  g_autoptr(SpRecorder) self = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL && options != NULL, NULL);

  if (!check_options (options, error))
    return NULL;

  self = g_new0 (SpRecorder, 1);
  self->options = *options;
  if (self->options.queue_length == 0)
    self->options.queue_length = DEFAULT_QUEUE;
  if (options->style != NULL)
    sp_plot_style_copy (options->style, &self->style);
  else
    sp_plot_style_init_light (&self->style);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  g_queue_init (&self->queue);

  self->kind = !options->force_png && sp_recorder_can_encode_webm () ? SP_RECORDER_WEBM
                                                                     : SP_RECORDER_PNG_SEQUENCE;
  if (self->kind == SP_RECORDER_WEBM)
    {
      self->output = g_strdup (path);
      ok = sp_recorder_webm_start (self, error);
    }
  else
    {
      self->output = g_str_has_suffix (path, ".webm")
                     ? g_strndup (path, strlen (path) - strlen (".webm"))
                     : g_strdup (path);
      ok = start_png (self, error);
    }
  if (!ok)
    return NULL;

  self->thread = g_thread_new ("sp-recorder", recorder_thread, self);
  return g_steal_pointer (&self);
}

gboolean
sp_recorder_push (SpRecorder *self,
                  SpFrame    *frame)
{
  gboolean queued = FALSE;

  g_return_val_if_fail (self != NULL && frame != NULL, FALSE);

  g_atomic_int_inc (&self->pushed);
  /* Never wait, not even for the lock: the recorder thread holds it only
   * for a moment, and a frame lost then is cheaper than a late UI frame. */
  if (g_mutex_trylock (&self->lock))
    {
      if (!self->closing && self->error == NULL && frame->field != NULL &&
          self->queue.length < self->options.queue_length)
        {
          g_queue_push_tail (&self->queue, sp_frame_ref (frame));
          g_cond_signal (&self->cond);
          queued = TRUE;
        }
      g_mutex_unlock (&self->lock);
    }
  if (!queued)
    g_atomic_int_inc (&self->dropped);
  return queued;
}

/* Tells the thread to drain and stop, and joins it. */
static void
stop_thread (SpRecorder *self)
{
  if (self->thread == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->closing = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
  g_thread_join (g_steal_pointer (&self->thread));
}

gboolean
sp_recorder_finish (SpRecorder  *self,
                    GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  stop_thread (self);
  self->finished = TRUE;
  if (self->error == NULL && self->temporary != NULL &&
      g_rename (self->temporary, self->output) != 0)
    {
      int saved = errno;

      self->error = g_error_new (G_FILE_ERROR, g_file_error_from_errno (saved),
                                 _("cannot write “%s”: %s"), self->output, g_strerror (saved));
    }
  if (self->error != NULL)
    {
      if (self->temporary != NULL)
        g_unlink (self->temporary);
      g_clear_pointer (&self->temporary, g_free);
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  g_clear_pointer (&self->temporary, g_free);
  return TRUE;
}

void
sp_recorder_free (SpRecorder *self)
{
  if (self == NULL)
    return;

  /* Abandoning: nothing more is encoded, the partial file goes. */
  g_mutex_lock (&self->lock);
  while (!g_queue_is_empty (&self->queue))
    sp_frame_unref (g_queue_pop_head (&self->queue));
  if (self->error == NULL)
    self->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  g_mutex_unlock (&self->lock);
  stop_thread (self);
  sp_recorder_webm_dispose (self);
  if (self->temporary != NULL)
    g_unlink (self->temporary);
  g_free (self->temporary);
  g_free (self->output);
  g_clear_error (&self->error);
  sp_plot_style_clear (&self->style);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

SpRecorderKind
sp_recorder_get_kind (SpRecorder *self)
{
  return self->kind;
}

const char *
sp_recorder_get_output (SpRecorder *self)
{
  return self->output;
}

guint64
sp_recorder_get_pushed (SpRecorder *self)
{
  return (guint) g_atomic_int_get (&self->pushed);
}

guint64
sp_recorder_get_written (SpRecorder *self)
{
  guint64 value;

  g_mutex_lock (&self->lock);
  value = self->written;
  g_mutex_unlock (&self->lock);
  return value;
}

guint64
sp_recorder_get_dropped (SpRecorder *self)
{
  return (guint) g_atomic_int_get (&self->dropped);
}
