/* bench-door-keystroke.c: from a keystroke to the door's result list on screen
 *
 * A club of a million people (MARQUEE_BENCH_PEOPLE) and one event with ten
 * thousand RSVPs (MARQUEE_BENCH_RSVPS), written by the demo generator into a
 * temporary file; then the real door window, in this process, on the X
 * display (Xvfb in `make bench`). Each keystroke inserts one character into
 * the search entry, as a scanner or a volunteer does, and is timed twice:
 *
 *   rows: until the entry's "changed" handler has searched the index and
 *         updated the five result rows (what the next key press sees);
 *   shown: that plus the next frame's update, layout and paint of the whole
 *         window, measured inside the frame clock so that the wait for the
 *         frame itself (up to 16 ms at 60 Hz) does not count.
 *
 * Also times a scan and admit (code + Enter) to the outcome shown, and the
 * recount of the counters that follows an admit.
 * Prints `bench: NAME VALUE UNIT` lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <time.h>

#include "marquee-core.h"
#include "mq-door-window-private.h"
#include "mq-store-private.h"

#define N_NAMES  400   /* guests whose names are typed, 4 letters each */
#define N_CODES  60    /* ticket codes scanned, 10 characters each */
#define N_ADMITS 40

typedef struct
{
  gint64 before_paint;
  gint64 after_paint;
  guint  frames;
} FrameTimes;

static guint
env_size (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 parsed;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT32, &parsed, NULL))
    return fallback;

  return (guint) parsed;
}

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            guint   p)
{
  guint index = MIN (sorted->len - 1, sorted->len * p / 100);

  return g_array_index (sorted, gint64, index) / 1e6;
}

static void
report (const char *name,
        GArray     *samples)
{
  g_array_sort (samples, compare_gint64);
  g_print ("bench: %s-p50 %.2f ms\n", name, percentile (samples, 50));
  g_print ("bench: %s-p95 %.2f ms\n", name, percentile (samples, 95));
  g_print ("bench: %s-p99 %.2f ms\n", name, percentile (samples, 99));
  g_print ("bench: %s-max %.2f ms\n", name, g_array_index (samples, gint64, samples->len - 1) / 1e6);
  g_print ("# %s: %u samples\n", name, samples->len);
}

static void
on_before_paint (GdkFrameClock *clock,
                 FrameTimes    *times)
{
  times->before_paint = now_ns ();
}

static void
on_after_paint (GdkFrameClock *clock,
                FrameTimes    *times)
{
  times->after_paint = now_ns ();
  times->frames++;
}

/* Runs the main loop until a frame has been painted; returns its cost. */
static gint64
wait_for_frame (FrameTimes *times)
{
  guint frames = times->frames;
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (times->frames == frames && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (times->frames, >, frames);

  return times->after_paint - times->before_paint;
}

static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* One keystroke: the text as it is after the key. */
static void
type_key (MqDoorWindow *door,
          FrameTimes   *times,
          const char   *character,
          gsize         length,
          GArray       *rows,
          GArray       *shown)
{
  GtkEditable *entry = GTK_EDITABLE (door->search_entry);
  int position = g_utf8_strlen (gtk_editable_get_text (entry), -1);
  gint64 start, updated, frame;

  start = now_ns ();
  gtk_editable_insert_text (entry, character, length, &position);
  updated = now_ns () - start;
  frame = wait_for_frame (times);

  g_array_append_val (rows, updated);
  updated += frame;
  g_array_append_val (shown, updated);
}

static void
clear_entry (MqDoorWindow *door,
             FrameTimes   *times,
             GArray       *shown)
{
  gint64 start = now_ns (), elapsed;

  gtk_editable_set_text (GTK_EDITABLE (door->search_entry), "");
  elapsed = now_ns () - start;
  elapsed += wait_for_frame (times);
  g_array_append_val (shown, elapsed);
}

typedef struct
{
  char   *name;
  char   *code;
  gint64  rsvp_id;
} Guest;

static void
guest_free (Guest *guest)
{
  g_free (guest->name);
  g_free (guest->code);
  g_free (guest);
}

/* Spread over the whole list, not only the first names in the index. */
static GPtrArray *
sample_guests (MqStore *store,
               gint64   event_id,
               guint    n)
{
  GPtrArray *guests = g_ptr_array_new_with_free_func ((GDestroyNotify) guest_free);
  sqlite3_stmt *stmt;
  guint total = 0, i = 0, step;

  stmt = mq_store_prepare (store, "SELECT count(*) FROM rsvps WHERE event_id = ?1 AND status = 'going'", NULL);
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    total = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpuint (total, >, 0);
  step = MAX (total / n, 1);

  stmt = mq_store_prepare (store,
                           "SELECT p.name, r.ticket_code, r.id FROM rsvps r JOIN people p ON p.id = r.person_id "
                           "WHERE r.event_id = ?1 AND r.status = 'going' ORDER BY r.id",
                           NULL);
  sqlite3_bind_int64 (stmt, 1, event_id);
  while (sqlite3_step (stmt) == SQLITE_ROW && guests->len < n)
    if (i++ % step == 0)
      {
        Guest *guest = g_new0 (Guest, 1);

        guest->name = g_strdup (mq_column_text (stmt, 0));
        guest->code = g_strdup (mq_column_text (stmt, 1));
        guest->rsvp_id = sqlite3_column_int64 (stmt, 2);
        g_ptr_array_add (guests, guest);
      }
  sqlite3_reset (stmt);

  return guests;
}

static void
bench_typing (MqDoorWindow *door,
              FrameTimes   *times,
              GPtrArray    *guests)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) code_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) code_shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cleared = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint found = 0;

  /* A volunteer types the first letters of a name, then starts over. */
  for (guint i = 0; i < MIN (guests->len, N_NAMES); i++)
    {
      Guest *guest = g_ptr_array_index (guests, i);
      g_auto(GStrv) words = mq_search_text_tokenize (guest->name);
      const char *word = words[0] != NULL ? words[g_str_hash (guest->code) % g_strv_length (words)] : "";
      const char *p = word;

      for (guint letters = 0; letters < 4 && *p != '\0'; letters++, p = g_utf8_next_char (p))
        type_key (door, times, p, g_utf8_next_char (p) - p, rows, shown);
      found += door->matches->len > 0;
      clear_entry (door, times, cleared);
    }

  /* A scanner types a whole code; every character is a keystroke. */
  for (guint i = 0; i < MIN (guests->len, N_CODES); i++)
    {
      Guest *guest = g_ptr_array_index (guests, guests->len - 1 - i);

      for (const char *p = guest->code; *p != '\0'; p = g_utf8_next_char (p))
        type_key (door, times, p, g_utf8_next_char (p) - p, code_rows, code_shown);
      g_assert_cmpuint (door->matches->len, >, 0);
      g_assert_cmpint (((MqDoorMatch *) g_ptr_array_index (door->matches, 0))->rsvp_id, ==, guest->rsvp_id);
      clear_entry (door, times, cleared);
    }

  g_assert_cmpuint (found, >, 0);
  report ("keystroke-rows", rows);
  report ("keystroke-shown", shown);
  report ("scan-keystroke-rows", code_rows);
  report ("scan-keystroke-shown", code_shown);
  report ("clear-shown", cleared);
}

/* Code + Enter: the admit, its outcome, then the counters' recount. */
static void
bench_admits (MqDoorWindow *door,
              FrameTimes   *times,
              GPtrArray    *guests)
{
  g_autoptr(GArray) admits = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) recounts = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < MIN (guests->len, N_ADMITS); i++)
    {
      Guest *guest = g_ptr_array_index (guests, i);
      gint64 start, elapsed;

      gtk_editable_set_text (GTK_EDITABLE (door->search_entry), guest->code);
      wait_for_frame (times);

      start = now_ns ();
      g_signal_emit_by_name (door->search_entry, "activate");
      elapsed = now_ns () - start;
      elapsed += wait_for_frame (times);
      g_array_append_val (admits, elapsed);
      g_assert_cmpstr (gtk_label_get_label (door->outcome_title), !=, "");

      start = now_ns ();
      _mq_door_window_update_counters (door);
      elapsed = now_ns () - start;
      g_array_append_val (recounts, elapsed);
      settle (5);
    }

  report ("admit-to-outcome", admits);
  report ("counters-recount", recounts);
}

static gint64
biggest_event (MqStore *store)
{
  sqlite3_stmt *stmt = mq_store_prepare (store,
                                         "SELECT event_id FROM rsvps GROUP BY event_id ORDER BY count(*) DESC LIMIT 1",
                                         NULL);
  gint64 id = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (id, >, 0);
  return id;
}

int
main (int   argc,
      char *argv[])
{
  guint people = env_size ("MARQUEE_BENCH_PEOPLE", 1000000);
  guint rsvps = MIN (env_size ("MARQUEE_BENCH_RSVPS", 10000), people);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(MqStore) store = NULL;
  g_autoptr(MqDemoData) demo = NULL;
  g_autoptr(GPtrArray) guests = NULL;
  FrameTimes times = { 0 };
  GdkFrameClock *clock;
  MqDoorWindow *door;
  gint64 start, event_id;

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run, as `make bench` does.\n");
      return 77;
    }
  adw_init ();

  dir = g_dir_make_tmp ("marquee-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  store = mq_store_open (path, &error);
  g_assert_no_error (error);
  g_print ("# %u people, %u RSVPs for one event, database %s\n", people, rsvps, path);

  demo = mq_demo_data_new (store);
  mq_demo_data_set_people (demo, people);
  mq_demo_data_set_big_event_rsvps (demo, rsvps);
  start = now_ns ();
  g_assert_true (mq_demo_data_generate (demo, &error));
  g_assert_no_error (error);
  g_print ("# generated in %.1f s\n", (now_ns () - start) / 1e9);

  event_id = biggest_event (store);
  guests = sample_guests (store, event_id, MAX (N_NAMES, N_CODES + N_ADMITS));

  start = now_ns ();
  door = mq_door_window_new (NULL, store, event_id);
  gtk_window_set_default_size (GTK_WINDOW (door), 1280, 800);
  gtk_window_present (GTK_WINDOW (door));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (door));
  g_assert_nonnull (clock);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &times);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &times);
  wait_for_frame (&times);
  g_print ("bench: door-open %.1f ms\n", (now_ns () - start) / 1e6);
  settle (300);

  bench_typing (door, &times, guests);
  bench_admits (door, &times, guests);

  gtk_window_destroy (GTK_WINDOW (door));
  settle (50);
  g_clear_object (&demo);
  g_clear_object (&store);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
