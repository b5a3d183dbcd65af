/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-replay.c — main() for the fuzz harnesses in a normal build: feeds
 * every file given (or every file in every directory given) to
 * LLVMFuzzerTestOneInput once.  This replays tests/fuzz/regressions/ and the
 * seed corpora as ordinary tests, with or without sanitizers.
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint
replay (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      const char *name;
      guint count = 0;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          count += replay (child);
        }
      return count;
    }
  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  guint count = 0;

  /* What libFuzzer does before the first input. */
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    count += replay (argv[i]);
  if (count == 0)
    {
      fprintf (stderr, "no input replayed\n");
      return 1;
    }
  printf ("replayed %u inputs\n", count);
  return 0;
}
