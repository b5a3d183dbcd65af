/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-session.c — libFuzzer harness: the session loader on arbitrary bytes
 *
 * Every input must either load (and then survive a save/load round trip
 * unchanged: the same session, and the same text when saved again, which
 * with shortest-form numbers means every double came back bit for bit) or
 * be refused with an SP_SESSION_ERROR, leaving the caller's
 * session exactly as it was.  Built with -fsanitize=fuzzer (meson -Dfuzzing=true);
 * without it, fuzz-replay.c supplies main() and replays files.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-session.h"

/* A failed property aborts (SIGABRT) rather than trapping as g_error does
 * under G_DEBUG: libFuzzer saves the input only on the signals it handles. */
#undef g_error
#define g_error(...) (g_printerr (__VA_ARGS__), g_printerr ("\n"), abort ())

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* libFuzzer's start-up hook (fuzz-replay.c calls it too). */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sp_gsl_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  SpSession session, before, again;
  GError *error = NULL;

  sp_session_init_default (&session);
  session.preset = g_strdup ("textbook");
  sp_session_copy (&before, &session);

  if (sp_session_load_from_data (&session, (const char *) data, size, &error))
    {
      char *text = sp_session_to_data (&session, NULL, &error);
      char *text_again;

      /* What loaded is valid, so it saves; and what it saves loads back equal. */
      if (text == NULL)
        g_error ("a loaded session does not save: %s", error->message);
      sp_session_init_default (&again);
      if (!sp_session_load_from_data (&again, text, strlen (text), &error))
        g_error ("a saved session does not load: %s", error->message);
      if (!sp_session_equal (&session, &again))
        g_error ("a session changed in a save/load round trip");
      text_again = sp_session_to_data (&again, NULL, &error);
      if (text_again == NULL || strcmp (text, text_again) != 0)
        g_error ("a session saved, loaded and saved again is not the same text:\n%s\n%s",
                 text, text_again != NULL ? text_again : error->message);
      sp_session_clear (&again);
      g_free (text);
      g_free (text_again);
    }
  else
    {
      if (error == NULL || error->domain != SP_SESSION_ERROR || error->message[0] == '\0')
        g_error ("refused without an SP_SESSION_ERROR message");
      if (!sp_session_equal (&session, &before) ||
          strcmp (session.preset, "textbook") != 0)
        g_error ("a refused load changed the session");
      g_clear_error (&error);
    }

  sp_session_clear (&session);
  sp_session_clear (&before);
  return 0;
}
