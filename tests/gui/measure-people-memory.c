/* measure-people-memory.c: the window's memory with a large directory open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: run by hand under Xvfb on a big database, e.g.
 *   marquee-cli --db /tmp/big.db demo --people 100000
 *   GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none \
 *     xvfb-run -a -s "-screen 0 1280x800x24" tests/gui/measure-people-memory /tmp/big.db
 * It opens the real window, shows People, drags the list to the end in
 * steps, types 28 queries letter by letter, clears the search and prints
 * `bench: NAME VALUE UNIT` lines with VmRSS and VmHWM after each stage
 * It also times each keystroke in the window: the query set until the
 * model and the rows are updated, and until the next frame is painted
 * (MEASURE_HEAP=1 adds the anonymous/file split and the malloc heap;
 * MEASURE_SMAPS=DIR copies /proc/self/smaps to DIR/STAGE.smaps, to compare
 * the stages mapping by mapping; MEASURE_EXIT_AFTER=STAGE exits right after
 * that stage, so a heap profiler such as heaptrack reports what is still
 * allocated there as "leaked").
 */

#include "config.h"

#include <adwaita.h>
#include <malloc.h>
#include <stdlib.h>

#include "mq-application.h"
#include "mq-memory.h"
#include "mq-people-page.h"
#include "mq-window.h"

static MqWindow *window;
static guint n_paints;

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static guint64
status_kb (const char *key)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL) ||
      !(line = strstr (text, key)))
    return 0;

  return g_ascii_strtoull (line + strlen (key) + 1, NULL, 10);
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);

  return n;
}

static void
report (const char *stage)
{
  g_print ("bench: rss-%s %.1f MB\n", stage, status_kb ("VmRSS") / 1000.0);
  g_print ("bench: peak-%s %.1f MB\n", stage, status_kb ("VmHWM") / 1000.0);
  if (g_getenv ("MEASURE_HEAP"))
    {
      struct mallinfo2 info = mallinfo2 ();

      g_print ("  anon %.1f MB, file %.1f MB, shmem %.1f MB; heap in use %.1f MB, free %.1f MB; "
               "%u widgets\n",
               status_kb ("RssAnon") / 1e3, status_kb ("RssFile") / 1e3, status_kb ("RssShmem") / 1e3,
               info.uordblks / 1e6, info.fordblks / 1e6, count_widgets (GTK_WIDGET (window)));
    }
  if (g_getenv ("MEASURE_SMAPS"))
    {
      g_autofree char *smaps = NULL;
      g_autofree char *name = g_strconcat (stage, ".smaps", NULL);
      g_autofree char *path = g_build_filename (g_getenv ("MEASURE_SMAPS"), name, NULL);
      gsize length;

      if (g_file_get_contents ("/proc/self/smaps", &smaps, &length, NULL))
        g_file_set_contents (path, smaps, length, NULL);
    }
  if (g_strcmp0 (g_getenv ("MEASURE_EXIT_AFTER"), stage) == 0)
    exit (0);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  n_paints++;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report_times (const char *name,
              GArray     *times)
{
  if (times->len == 0)
    return;

  g_array_sort (times, compare_doubles);
  g_print ("bench: %s-median %.1f ms\n", name, g_array_index (times, double, times->len / 2));
  g_print ("bench: %s-max %.1f ms\n", name, g_array_index (times, double, times->len - 1));
}

/* Sets @query and returns how long the model and the list's rows took;
 * adds the time until the next frame was painted to @painted.
 */
static double
type_query (MqPeoplePage *page,
            const char   *query,
            GArray       *painted)
{
  guint paints = n_paints;
  gint64 start = g_get_monotonic_time ();
  gint64 set, until;

  mq_people_page_set_query (page, query);
  set = g_get_monotonic_time ();

  /* A query that changes nothing ("anna " after "anna") paints nothing. */
  until = set + G_USEC_PER_SEC;
  while (n_paints == paints && g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (200);
    }
  if (n_paints != paints)
    {
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (painted, ms);
    }

  return (set - start) / 1000.0;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
run (gpointer user_data)
{
  static const char * const queries[] = {
    "m", "ma", "mar", "mari", "maria", "j", "jo", "joh", "john", "s", "sm", "smi", "smit",
    "smith", "l", "le", "lee", "k", "ki", "kim", "a", "an", "ann", "anna", "anna ", "anna s",
    "o", "ol",
  };
  g_autoptr(GArray) set_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) painted_times = g_array_new (FALSE, FALSE, sizeof (double));
  MqPeoplePage *page;
  GtkWidget *list;
  GtkAdjustment *adjustment;

  spin (1000);
  report ("events-page");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people");
  spin (1000);
  report ("people-open");

  page = MQ_PEOPLE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), MQ_TYPE_WINDOW,
                                                        "people_page"));
  list = find_list_view (GTK_WIDGET (page));
  g_assert (list != NULL);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

  /* A scrollbar dragged from the top to the bottom: 200 stops. */
  for (guint i = 1; i <= 200; i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, upper * i / 200);
      spin (10);
    }
  spin (500);
  report ("scrolled");

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      double ms = type_query (page, queries[i], painted_times);

      g_array_append_val (set_times, ms);
      spin (30);
    }
  spin (500);
  report ("searched");
  report_times ("keystroke-rows", set_times);
  report_times ("keystroke-painted", painted_times);

  mq_people_page_set_query (page, NULL);
  spin (500);
  report ("cleared");

  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *added,
                 gpointer        user_data)
{
  if (MQ_IS_WINDOW (added) && window == NULL)
    {
      window = MQ_WINDOW (added);
      gtk_window_set_default_size (added, 1280, 800);
      g_idle_add (run, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MqApplication) app = NULL;
  const char *app_argv[] = { "marquee", "--db", NULL, NULL };

  if (argc != 2)
    {
      g_printerr ("usage: %s DATABASE\n", argv[0]);
      return 2;
    }

  /* As src/gui/main.c does. */
  mq_memory_configure ();
  app_argv[2] = argv[1];
  app = mq_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);

  return g_application_run (G_APPLICATION (app), 3, (char **) app_argv);
}
