/* bench-people-search.c: the People page's list model over a big directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints `bench: NAME VALUE UNIT`. MARQUEE_BENCH_PEOPLE sets the size of
 * the directory (100000) and MARQUEE_BENCH_DB keeps the database file;
 * MARQUEE_BENCH_CACHE_KIB sets SQLite's page cache (512, as the window's
 * connection has it; 2000 is SQLite's default).
 */

#include "config.h"

#include <glib/gstdio.h>

#include "marquee-core.h"
#include "mq-person-list-model.h"

/* What a list view binds on screen: about one window of rows. */
#define VISIBLE_ROWS 40

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

/* Sets the query and reads the rows a list view would show, as typing does. */
static double
keystroke (MqPersonListModel *model,
           const char        *query)
{
  gint64 start = g_get_monotonic_time ();
  guint n;

  mq_person_list_model_set_query (model, query);
  n = MIN (VISIBLE_ROWS, g_list_model_get_n_items (G_LIST_MODEL (model)));
  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));

  return elapsed_ms (start);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const typed[] = {
    "m", "ma", "mar", "mari", "maria", "maria ", "maria g", "maria ga",
    "k", "ko", "kof", "kofi",
    "o", "ol", "ola", "olaf",
    "bj", "bjo", "bjor", "bjorn",
    "z", "zo", "zoe",
    "a", "an", "ann", "anna", "anna s",
  };
  const char *size = g_getenv ("MARQUEE_BENCH_PEOPLE");
  const char *cache = g_getenv ("MARQUEE_BENCH_CACHE_KIB");
  guint people = size != NULL ? (guint) g_ascii_strtoull (size, NULL, 10) : 100000;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = NULL;
  g_autoptr(MqDemoData) demo = NULL;
  g_autoptr(MqPersonListModel) model = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double total = 0;
  gint64 start;
  guint n;

  if (g_getenv ("MARQUEE_BENCH_DB") != NULL)
    path = g_strdup (g_getenv ("MARQUEE_BENCH_DB"));
  else
    {
      dir = g_dir_make_tmp ("marquee-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "people.db", NULL);
    }

  store = mq_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (mq_store_set_cache_size (store, cache != NULL ? (guint) g_ascii_strtoull (cache, NULL, 10) : 512,
                                          &error));
  if (mq_demo_data_is_store_empty (store))
    {
      demo = mq_demo_data_new (store);
      mq_demo_data_set_people (demo, people);
      mq_demo_data_set_events (demo, 8);
      start = g_get_monotonic_time ();
      g_assert_true (mq_demo_data_generate (demo, &error));
      g_assert_no_error (error);
      g_print ("bench: people-generate-%u %.0f ms\n", people, elapsed_ms (start));
    }

  start = g_get_monotonic_time ();
  model = mq_person_list_model_new (store);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_print ("bench: people-open-count %.2f ms (%u people)\n", elapsed_ms (start), n);

  /* The first screen of the whole directory, then a jump to the end. */
  g_print ("bench: people-first-screen %.2f ms\n", keystroke (model, NULL));
  start = g_get_monotonic_time ();
  for (guint i = n - VISIBLE_ROWS; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  g_print ("bench: people-jump-to-end %.2f ms\n", elapsed_ms (start));
  g_print ("bench: people-cached-pages %u pages\n", mq_person_list_model_get_n_cached_pages (model));

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      double ms = keystroke (model, typed[i]);

      g_array_append_val (times, ms);
      total += ms;
    }
  g_array_sort (times, compare_doubles);
  g_print ("bench: people-keystroke-p50 %.2f ms\n", g_array_index (times, double, times->len / 2));
  g_print ("bench: people-keystroke-max %.2f ms\n", g_array_index (times, double, times->len - 1));
  g_print ("bench: people-keystroke-mean %.2f ms\n", total / times->len);
  g_print ("bench: people-clear-search %.2f ms\n", keystroke (model, ""));

  g_clear_object (&model);
  g_clear_object (&demo);
  g_clear_object (&store);
  if (dir != NULL)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
          g_remove (file);
        }
      g_rmdir (dir);
    }

  return 0;
}
