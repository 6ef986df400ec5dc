/* printout-tools.h: run poppler and zbar on the PDFs the core writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs @argv and returns its stdout; fails the test on a non-zero exit
 * unless @ok_status says that status is fine too.
 */
static inline char *
printout_run (const char * const *argv,
              int                 ok_status)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  status = g_subprocess_get_exit_status (process);
  if (status != 0 && status != ok_status)
    g_error ("%s exited %d: %s", argv[0], status, err);

  return out;
}

/* The tools come from Debian (poppler-utils, zbar-tools): `make deps`. */
static inline gboolean
printout_have_tools (void)
{
  const char *tools[] = { "pdftoppm", "pdftotext", "pdfinfo", "zbarimg" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s is not installed (run make deps)", tools[i]);

          g_test_skip (message);
          return FALSE;
        }
    }

  return TRUE;
}

static inline int
printout_page_count (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = printout_run (argv, 0);
  const char *line = strstr (info, "Pages:");
  int pages;

  g_assert_nonnull (line);
  /* Read before `info` is freed at the end of the scope. */
  pages = atoi (line + strlen ("Pages:"));
  return pages;
}

static inline char *
printout_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };

  return printout_run (argv, 0);
}

static inline int
printout_compare_strings (gconstpointer a,
                          gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Renders every page of @pdf at @dpi and returns the QR codes zbarimg
 * decodes from them, sorted.
 */
static inline GPtrArray *
printout_decode_qr (const char *pdf,
                    int         dpi)
{
  g_autofree char *dir = g_dir_make_tmp ("marquee-qr-XXXXXX", NULL);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *resolution = g_strdup_printf ("%d", dpi);
  const char *render[] = { "pdftoppm", "-r", resolution, "-gray", "-png", pdf, prefix, NULL };
  g_autoptr(GPtrArray) zbar = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *rendered = NULL;
  g_autofree char *decoded = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDir) listing = NULL;
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  rendered = printout_run (render, 0);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (pages, g_build_filename (dir, name, NULL));
  g_assert_cmpuint (pages->len, >, 0);

  g_ptr_array_add (zbar, g_strdup ("zbarimg"));
  g_ptr_array_add (zbar, g_strdup ("--quiet"));
  g_ptr_array_add (zbar, g_strdup ("--raw"));
  g_ptr_array_add (zbar, g_strdup ("-Sdisable"));
  g_ptr_array_add (zbar, g_strdup ("-Sqrcode.enable"));
  for (guint i = 0; i < pages->len; i++)
    g_ptr_array_add (zbar, g_strdup (g_ptr_array_index (pages, i)));
  g_ptr_array_add (zbar, NULL);

  /* zbarimg exits 4 when an image holds no code: an empty page may. */
  decoded = printout_run ((const char * const *) zbar->pdata, 4);
  lines = g_strsplit (decoded, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*g_strstrip (lines[i]) != '\0')
        g_ptr_array_add (codes, g_strdup (lines[i]));
    }
  g_ptr_array_sort (codes, printout_compare_strings);

  for (guint i = 0; i < pages->len; i++)
    g_remove (g_ptr_array_index (pages, i));
  g_rmdir (dir);

  return codes;
}
