/* pds-test-steps.c: the steps the Bluesky interop test takes through marquee-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <string.h>

#include "mq-secret-store.h"
#include "pds-test-steps.h"

/* marquee-cli with @input on its standard input, as a user pipes an app password. */
int
run_with_input (Cli        *cli,
                const char *input,
                const char *first,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("MARQUEE_CLI"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, cli->db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&cli->out, g_free);
  g_clear_pointer (&cli->err, g_free);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &cli->out, &cli->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* An account on the PDS with an app password, added to Marquee by the CLI
 * (which logs in with it); returns Marquee's account id.
 */
char *
add_account (Cli        *cli,
             const char *server,
             PdsAccount *account)
{
  g_autoptr(JsonNode) list = NULL;
  JsonObject *row;
  char *id;

  if (run_with_input (cli, account->app_password, "account", "add", "bluesky", "--server", server,
                      "--handle", account->handle, NULL) != 0)
    g_error ("account add failed: %s", cli->err);
  id = g_strchomp (g_strdup (cli->out));

  g_free (run_ok (cli, "account", "list", "--json", NULL));
  list = parse_json (cli->out);
  row = json_array_get_object_element (json_node_get_array (list), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "handle"), ==, account->handle);
  /* The login told Marquee the account's DID. */
  g_assert_cmpstr (json_object_get_string_member (row, "remote_id"), ==, account->did);
  return id;
}

char *
add_screening (Cli *cli)
{
  g_free (run_ok (cli, "init", NULL));
  return run_ok (cli, "event", "add", "--title", "Ciné-club: Spirited Away", "--kind", "screening",
                 "--starts", "2026-12-03T19:30", "--tz", "Europe/Berlin",
                 "--venue", "Kino Moviemento", "--capacity", "40", "--hashtag", "cinéclub",
                 "--film-title", "千と千尋の神隠し", NULL);
}

/* `outbox run`, which must say what it did. */
void
outbox_run (Cli        *cli,
            const char *says)
{
  g_autofree char *out = run_ok (cli, "outbox", "run", NULL);

  g_assert_cmpstr (out, ==, says);
}

/* The newest job of the outbox, as `outbox list --json` shows it. */
JsonObject *
last_job (Cli      *cli,
          JsonNode **keep)
{
  JsonArray *jobs;

  g_free (run_ok (cli, "outbox", "list", "--json", NULL));
  *keep = parse_json (cli->out);
  jobs = json_node_get_array (*keep);
  g_assert_cmpuint (json_array_get_length (jobs), >=, 1);
  return json_array_get_object_element (jobs, json_array_get_length (jobs) - 1);
}

void
assert_json_equal (JsonNode *expected,
                   JsonNode *actual)
{
  if (actual == NULL || !json_node_equal (expected, actual))
    {
      g_autofree char *want = json_to_string (expected, FALSE);
      g_autofree char *got = actual ? json_to_string (actual, FALSE) : g_strdup ("nothing");

      g_error ("expected %s\n got %s", want, got);
    }
}

static gboolean
contains_bytes (const char *haystack,
                gsize       len,
                const char *needle)
{
  gsize needle_len = strlen (needle);

  for (gsize i = 0; i + needle_len <= len; i++)
    if (memcmp (haystack + i, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

/* No secret of @account_id is anywhere in the database files. */
/* The keyring as marquee-cli sees it for the database at @db. */
static MqSecretStore *
secrets_of (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = mq_store_open (db, &error);

  g_assert_no_error (error);
  return mq_secret_store_libsecret_new (store);
}

void
assert_no_secret_in_database (Cli    *cli,
                              gint64  account_id)
{
  g_autoptr(MqSecretStore) secrets = secrets_of (cli->db);
  const char *names[] = { MQ_SECRET_APP_PASSWORD, MQ_SECRET_ACCESS_TOKEN, MQ_SECRET_REFRESH_TOKEN };
  const char *suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MqSecret) secret = mq_secret_store_lookup (secrets, account_id, names[i], NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (secret);
      for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
        {
          g_autofree char *path = g_strconcat (cli->db, suffixes[k], NULL);
          g_autofree char *bytes = NULL;
          gsize len = 0;

          if (!g_file_get_contents (path, &bytes, &len, NULL))
            continue;
          if (contains_bytes (bytes, len, secret))
            g_error ("the %s is in %s", names[i], path);
        }
    }
}

char *
keyring_secret (const char *db,
                gint64      account_id,
                const char *name)
{
  g_autoptr(MqSecretStore) secrets = secrets_of (db);
  g_autoptr(GError) error = NULL;
  char *secret = mq_secret_store_lookup (secrets, account_id, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (secret);
  return secret;
}

/* The requests the proxy passed on since the last look, one a line. */
char *
calls_since (CrashProxy *proxy,
             guint      *seen)
{
  g_auto(GStrv) calls = crash_proxy_dup_calls (proxy);
  guint n = g_strv_length (calls);
  char *joined;

  g_assert_cmpuint (*seen, <=, n);
  joined = g_strjoinv ("\n", calls + *seen);
  *seen = n;
  return joined;
}

/* A PNG drawn by cairo. Noise does not compress: a noisy one is large. */
char *
write_poster (Cli        *cli,
              const char *name,
              int         width,
              int         height,
              gboolean    noisy)
{
  g_autofree char *dir = g_path_get_dirname (cli->db);
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.1, 0.2, 0.4);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.9, 0.7, 0.2);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 3.0, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  if (noisy)
    {
      guint32 *pixels;
      int stride;

      cairo_surface_flush (surface);
      pixels = (guint32 *) cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface) / 4;
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          pixels[y * stride + x] = g_random_int () & 0xffffff;
      cairo_surface_mark_dirty (surface);
    }
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}
