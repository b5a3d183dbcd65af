/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-traj-lines.c — streamed lines of a trajectory file (see
 * sp-traj-read-private.h)
 *
 * An MD trajectory is gigabytes of short lines.  GDataInputStream's
 * read_line allocates a string per line; here the lines are cut out of one
 * large buffer refilled by g_input_stream_read(), so a gigabyte reads at
 * close to the speed of the disk.  A gzip file (1f 8b) is read through
 * GLib's GZlibDecompressor.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sp-traj-read-private.h"

#define BUFFER_BYTES   (1 << 20)
#define REPORT_BYTES   (4 << 20)

gboolean
sp_traj_lines_open (SpTrajLines        *lines,
                    const char         *path,
                    SpTrajProgressFunc  progress,
                    gpointer            user_data,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local = NULL;
  GFileInputStream *in;
  guchar magic[2] = { 0, 0 };
  gsize got = 0;

  memset (lines, 0, sizeof *lines);
  lines->name = g_path_get_basename (path);
  lines->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  lines->progress = progress;
  lines->user_data = user_data;

  in = g_file_read (file, cancellable, &local);
  if (in == NULL)
    {
      g_set_error (error, local->domain, local->code, _("%s: cannot read it: %s"),
                   lines->name, local->message);
      return FALSE;
    }
  lines->base = G_INPUT_STREAM (in);
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE
                                         "," G_FILE_ATTRIBUTE_STANDARD_TYPE, cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_FORMAT,
                   _("%s: is a folder, not a trajectory file"), lines->name);
      return FALSE;
    }
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    lines->total_bytes = g_file_info_get_size (info);
  lines->next_report = REPORT_BYTES;

  if (!g_input_stream_read_all (lines->base, magic, 2, &got, cancellable, &local))
    {
      g_set_error (error, local->domain, local->code, _("%s: cannot read it: %s"),
                   lines->name, local->message);
      return FALSE;
    }
  if (!g_seekable_seek (G_SEEKABLE (in), 0, G_SEEK_SET, cancellable, &local))
    {
      g_set_error (error, local->domain, local->code, _("%s: cannot read it: %s"),
                   lines->name, local->message);
      return FALSE;
    }
  if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
    {
      g_autoptr (GZlibDecompressor) gunzip =
        g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      lines->stream = g_converter_input_stream_new (lines->base, G_CONVERTER (gunzip));
    }
  else
    lines->stream = g_object_ref (lines->base);

  lines->buf_size = BUFFER_BYTES;
  lines->buf = g_malloc (lines->buf_size + 1);
  return TRUE;
}

void
sp_traj_lines_clear (SpTrajLines *lines)
{
  if (lines->stream != NULL)
    g_input_stream_close (lines->stream, NULL, NULL);
  g_clear_object (&lines->stream);
  g_clear_object (&lines->base);
  g_clear_object (&lines->cancellable);
  g_clear_pointer (&lines->buf, g_free);
  g_clear_pointer (&lines->name, g_free);
}

gboolean
sp_traj_lines_check_atom_count (SpTrajLines *lines,
                                gint64       count,
                                GError     **error)
{
  gint64 most = SP_TRAJ_MAX_ATOMS;

  if (lines->total_bytes > 0)
    most = MIN (most, (lines->stream != lines->base ? lines->total_bytes * 1032
                                                    : lines->total_bytes) / 6 + 1);
  if (count >= 1 && count <= most)
    return TRUE;
  if (count < 1)
    sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                   _("the number of atoms must be at least 1, found %lld"), (long long) count);
  else
    sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                   _("%lld atoms announced, more than a file of this size can hold"),
                   (long long) count);
  return FALSE;
}

static void
report_progress (SpTrajLines *lines)
{
  goffset at;

  if (lines->progress == NULL || lines->total_bytes <= 0)
    return;
  at = g_seekable_tell (G_SEEKABLE (lines->base));
  if (at < lines->next_report)
    return;
  lines->next_report = at + REPORT_BYTES;
  lines->progress (MIN (1.0, (double) at / (double) lines->total_bytes), lines->user_data);
}

/* Moves the unread rest to the front and reads more behind it. */
static gboolean
refill (SpTrajLines *lines,
        GError     **error)
{
  g_autoptr (GError) local = NULL;
  gssize n;

  if (g_cancellable_set_error_if_cancelled (lines->cancellable, error))
    return FALSE;
  if (lines->start > 0)
    {
      memmove (lines->buf, lines->buf + lines->start, lines->end - lines->start);
      lines->end -= lines->start;
      lines->start = 0;
    }
  if (lines->end == lines->buf_size)
    {
      if (lines->buf_size >= SP_TRAJ_MAX_LINE_BYTES)
        {
          lines->line++;   /* the message is about the line being read */
          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                         _("a line longer than %u bytes: not a trajectory file"),
                         (guint) SP_TRAJ_MAX_LINE_BYTES);
          return FALSE;
        }
      lines->buf_size *= 2;
      lines->buf = g_realloc (lines->buf, lines->buf_size + 1);
    }
  n = g_input_stream_read (lines->stream, lines->buf + lines->end,
                           lines->buf_size - lines->end, lines->cancellable, &local);
  if (n < 0)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      /* A corrupt or cut-off .gz is a bad file, not an I/O failure: the
       * decompressor reports it as invalid data or partial input. */
      else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        g_set_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_FORMAT,
                     _("%s: the compressed data is corrupt (%s)"), lines->name, local->message);
      else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
        g_set_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_TRUNCATED,
                     _("%s: the compressed data ends early (%s)"), lines->name, local->message);
      else
        g_set_error (error, local->domain, local->code, _("%s: cannot read it: %s"),
                     lines->name, local->message);
      return FALSE;
    }
  if (n == 0)
    lines->eof = TRUE;
  else if (memchr (lines->buf + lines->end, '\0', n) != NULL)
    {
      g_set_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_FORMAT,
                   _("%s: binary content (a NUL byte after line %lu): not a text trajectory"),
                   lines->name, lines->line);
      return FALSE;
    }
  lines->end += n;
  report_progress (lines);
  return TRUE;
}

char *
sp_traj_lines_next (SpTrajLines *lines,
                    GError     **error)
{
  for (;;)
    {
      char *begin = lines->buf + lines->start;
      char *nl = memchr (begin, '\n', lines->end - lines->start);
      gsize len;

      if (nl == NULL && lines->eof)
        {
          if (lines->start == lines->end)
            return NULL;
          nl = lines->buf + lines->end;   /* the last line has no end */
        }
      if (nl == NULL)
        {
          if (!refill (lines, error))
            return NULL;
          continue;
        }
      len = nl - begin;
      lines->start = MIN (lines->end, lines->start + len + 1);
      if (len > 0 && begin[len - 1] == '\r')
        len--;
      begin[len] = '\0';
      lines->line++;
      return begin;
    }
}

void
sp_traj_error (SpTrajLines    *lines,
               GError        **error,
               SpTrajReadError code,
               const char     *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (lines->frame > 0)
    g_set_error (error, SP_TRAJ_READ_ERROR, code, _("%s, line %lu (frame %u): %s"),
                 lines->name, lines->line, lines->frame, message);
  else
    g_set_error (error, SP_TRAJ_READ_ERROR, code, _("%s, line %lu: %s"),
                 lines->name, lines->line, message);
}

void
sp_traj_error_truncated (SpTrajLines *lines,
                         GError     **error,
                         const char  *what)
{
  g_set_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_TRUNCATED,
               _("%s: the file ends inside frame %u (after line %lu): expected %s"),
               lines->name, lines->frame, lines->line, what);
}

guint
sp_traj_split (char  *line,
               char **fields,
               guint  max)
{
  guint n = 0;
  char *p = line;

  for (;;)
    {
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '\0')
        return n;
      if (n < max)
        fields[n] = p;
      n++;
      while (*p != '\0' && *p != ' ' && *p != '\t')
        p++;
      if (*p == '\0')
        return n;
      *p++ = '\0';
    }
}

gboolean
sp_traj_parse_double (SpTrajLines *lines,
                      const char  *field,
                      const char  *what,
                      double      *value,
                      GError     **error)
{
  char *end = NULL;

  *value = g_ascii_strtod (field, &end);
  if (end == field || *end != '\0' || !isfinite (*value))
    {
      g_autofree char *shown = g_utf8_make_valid (field, MIN (strlen (field), 40));

      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_VALUE,
                     _("%s is not a number: “%s”"), what, shown);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_traj_parse_int (SpTrajLines *lines,
                   const char  *field,
                   const char  *what,
                   gint64      *value,
                   GError     **error)
{
  char *end = NULL;

  *value = g_ascii_strtoll (field, &end, 10);
  if (end == field || *end != '\0')
    {
      g_autofree char *shown = g_utf8_make_valid (field, MIN (strlen (field), 40));

      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_VALUE,
                     _("%s is not a whole number: “%s”"), what, shown);
      return FALSE;
    }
  return TRUE;
}
