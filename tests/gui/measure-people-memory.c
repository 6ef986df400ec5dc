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
 * (MEASURE_HEAP=1 adds the anonymous/file split and the malloc heap).
 */

#include "config.h"

#include <adwaita.h>
#include <malloc.h>

#include "mq-application.h"
#include "mq-people-page.h"
#include "mq-window.h"

static MqWindow *window;

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

static void
report (const char *stage)
{
  g_print ("bench: rss-%s %.1f MB\n", stage, status_kb ("VmRSS") / 1000.0);
  g_print ("bench: peak-%s %.1f MB\n", stage, status_kb ("VmHWM") / 1000.0);
  if (g_getenv ("MEASURE_HEAP"))
    {
      struct mallinfo2 info = mallinfo2 ();

      g_print ("  anon %.1f MB, file %.1f MB, shmem %.1f MB; heap in use %.1f MB, free %.1f MB\n",
               status_kb ("RssAnon") / 1e3, status_kb ("RssFile") / 1e3, status_kb ("RssShmem") / 1e3,
               info.uordblks / 1e6, info.fordblks / 1e6);
    }
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

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      mq_people_page_set_query (page, queries[i]);
      spin (30);
    }
  spin (500);
  report ("searched");

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

  app_argv[2] = argv[1];
  app = mq_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);

  return g_application_run (G_APPLICATION (app), 3, (char **) app_argv);
}
