/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pdf-helpers.h — what the handout tests read back from a PDF:
 * its page count and each page's text, through poppler's pdfinfo and
 * pdftotext (poppler-utils, installed by tools/setup.sh) */
#pragma once

#include <string.h>

#include <gio/gio.h>

/* Runs @argv; its standard output, or fails the test. */
static inline char *
test_pdf_run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL, err = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);

  if (program == NULL)
    g_error ("%s is missing: install poppler-utils (tools/setup.sh does)", argv[0]);
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %.*s", argv[0], (int) g_bytes_get_size (err),
             (const char *) g_bytes_get_data (err, NULL));
  return g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
}

static inline guint
test_pdf_count_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = test_pdf_run (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  /* strtoull skips the blanks before the number. */
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* "595.276 x 841.89 pts (A4)": the page size line of pdfinfo. */
static inline char *
test_pdf_page_size (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = test_pdf_run (argv);
  const char *size = strstr (info, "Page size:");
  const char *end;

  g_assert_nonnull (size);
  size += strlen ("Page size:");
  size += strspn (size, " ");
  end = strchr (size, '\n');
  return g_strndup (size, end != NULL ? (gsize) (end - size) : strlen (size));
}

/* The text of pages @first … @last (1-based), in reading order. */
static inline char *
test_pdf_text (const char *path,
               guint       first,
               guint       last)
{
  g_autofree char *f = g_strdup_printf ("%u", first);
  g_autofree char *l = g_strdup_printf ("%u", last);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", f, "-l", l, path, "-", NULL };

  return test_pdf_run (argv);
}
