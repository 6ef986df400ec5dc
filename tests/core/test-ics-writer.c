/* test-ics-writer.c: escaping, folding, time zones, the VEVENT fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mq-event.h"
#include "mq-event-private.h"
#include "mq-ics-writer.h"

static void
test_escape (void)
{
  g_autofree char *text = mq_ics_escape_text ("a\\b;c,d\r\ne\nf\rg");

  g_assert_cmpstr (text, ==, "a\\\\b\\;c\\,d\\ne\\nf\\ng");
}

static void
test_fold_ascii (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new ("DESCRIPTION:");

  while (line->len < 200)
    g_string_append_c (line, 'x');
  mq_ics_append_folded (out, line->str);

  /* 75 octets, then 1 + 74 per continuation. */
  g_assert_cmpuint (strstr (out->str, "\r\n") - out->str, ==, 75);
  {
    g_auto(GStrv) lines = g_strsplit (out->str, "\r\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    g_assert_cmpuint (strlen (lines[0]), ==, 75);
    g_assert_cmpuint (strlen (lines[1]), ==, 75);
    g_assert_cmpuint (strlen (lines[2]), ==, 200 - 75 - 74 + 1);
    g_assert_cmpstr (lines[3], ==, "");
  }
}

/* Every physical line at most 75 octets and valid UTF-8 on its own, and
 * unfolding gives the line back.
 */
static void
test_fold_utf8 (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new ("SUMMARY:");
  g_autoptr(GString) unfolded = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append (line, i % 3 == 0 ? "é" : i % 3 == 1 ? "🎬" : "字");
  mq_ics_append_folded (out, line->str);

  lines = g_strsplit (out->str, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_true (i == 0 || lines[i][0] == ' ');
      g_string_append (unfolded, i == 0 ? lines[i] : lines[i] + 1);
    }
  g_assert_cmpstr (unfolded->str, ==, line->str);
}

static MqEvent *
screening (gint64 id)
{
  MqEvent *event = mq_event_new ();
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-07-01T21:30:00+02:00", NULL);
  g_autoptr(GDateTime) end = g_date_time_new_from_iso8601 ("2026-07-01T23:45:00+02:00", NULL);
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 ("2026-05-04T10:00:00Z", NULL);

  _mq_event_set_id (event, id);
  _mq_event_set_created_at (event, created);
  mq_event_set_title (event, "Stalker; with Q&A, outdoors");
  mq_event_set_starts_at (event, start);
  mq_event_set_ends_at (event, end);
  mq_event_set_time_zone (event, "Europe/Berlin");
  mq_event_set_venue (event, "Hof, Kulturhaus");
  mq_event_set_address (event, "Beispielstraße 1, 10115 Berlin");
  mq_event_set_online_url (event, "https://example.org/stalker");
  mq_event_set_hashtag (event, "#SummerCinema");
  mq_event_set_description (event, "Bring a blanket.\nDoors at 21:00.");
  mq_event_set_film_title (event, "Stalker");
  mq_event_set_film_director (event, "Andrei Tarkovsky");
  mq_event_set_film_year (event, 1979);
  mq_event_set_film_runtime (event, 162);
  mq_event_set_film_language (event, "Russian");
  mq_event_set_film_subtitles (event, "English");
  return event;
}

static void
test_event (void)
{
  g_autoptr(MqEvent) event = screening (7);
  MqEvent *events[] = { event };
  g_autofree char *ics = mq_ics_write_events (events, 1);
  g_autofree char *uid = mq_ics_event_uid (event);

  g_assert_cmpstr (uid, ==, "event-7-20260504T100000Z@marquee.invalid");
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Marquee//Marquee "));
  g_assert_true (g_str_has_suffix (ics, "END:VEVENT\r\nEND:VCALENDAR\r\n"));

  /* Europe/Berlin in 2026: CET from the start of the year, CEST from the
   * last Sunday of March at 02:00, CET again from the last Sunday of
   * October at 03:00 local.
   */
  g_assert_nonnull (strstr (ics,
                            "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"
                            "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\n"
                            "TZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\n"
                            "BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\n"
                            "TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT\r\n"
                            "BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\n"
                            "TZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\n"
                            "END:VTIMEZONE\r\n"));

  g_assert_nonnull (strstr (ics, "\r\nUID:event-7-20260504T100000Z@marquee.invalid\r\n"
                                 "DTSTAMP:20260504T100000Z\r\n"
                                 "DTSTART;TZID=Europe/Berlin:20260701T213000\r\n"
                                 "DTEND;TZID=Europe/Berlin:20260701T234500\r\n"
                                 "SUMMARY:Stalker\\; with Q&A\\, outdoors\r\n"
                                 "LOCATION:Hof\\, Kulturhaus\\, Beispielstraße 1\\, 10115 Berlin\r\n"
                                 "URL:https://example.org/stalker\r\n"
                                 "DESCRIPTION:Bring a blanket.\\nDoors at 21:00.\\n\\nFilm: Stalker (1979)\\nDire\r\n"
                                 " ctor: Andrei Tarkovsky\\nRuntime: 162 min\\nLanguage: Russian\\nSubtitles: En\r\n"
                                 " glish\r\n"
                                 "CATEGORIES:SCREENING,SummerCinema\r\n"
                                 "STATUS:CONFIRMED\r\n"));
}

static void
test_season_and_utc (void)
{
  g_autoptr(MqEvent) summer = screening (1);
  g_autoptr(MqEvent) winter = screening (2);
  g_autoptr(MqEvent) online = screening (3);
  g_autoptr(MqEvent) tokyo = screening (4);
  g_autoptr(GDateTime) january = g_date_time_new_from_iso8601 ("2027-01-15T19:00:00+01:00", NULL);
  g_autoptr(GDateTime) tokyo_start = g_date_time_new_from_iso8601 ("2026-09-01T19:00:00+09:00", NULL);
  MqEvent *events[] = { summer, winter, online, tokyo };
  g_autofree char *ics = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  const char *p;
  guint count = 0;

  mq_event_set_starts_at (winter, january);
  mq_event_set_ends_at (winter, NULL);
  mq_event_set_time_zone (online, "UTC");
  mq_event_set_status (online, MQ_EVENT_STATUS_CANCELLED);
  mq_event_set_time_zone (tokyo, "Asia/Tokyo");
  mq_event_set_starts_at (tokyo, tokyo_start);
  mq_event_set_ends_at (tokyo, NULL);
  mq_event_set_film_runtime (tokyo, 0);

  ics = mq_ics_write_events (events, G_N_ELEMENTS (events));

  /* One VTIMEZONE per zone, over both years of the season. */
  for (p = ics; (p = strstr (p, "BEGIN:VTIMEZONE")); p++)
    count++;
  g_assert_cmpuint (count, ==, 2);
  g_assert_nonnull (strstr (ics, "DTSTART:20270328T020000\r\n"));
  g_assert_nonnull (strstr (ics, "TZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
                                 "TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nTZNAME:JST\r\nEND:STANDARD\r\n"
                                 "END:VTIMEZONE\r\n"));

  /* Without an end: the film's runtime plus Q&A. */
  g_assert_nonnull (strstr (ics, "DTSTART;TZID=Europe/Berlin:20270115T190000\r\n"
                                 "DTEND;TZID=Europe/Berlin:20270115T214200\r\n"));
  g_assert_nonnull (strstr (ics, "DTSTART:20260701T193000Z\r\nDTEND:20260701T214500Z\r\n"));
  g_assert_nonnull (strstr (ics, "STATUS:CANCELLED\r\n"));
  g_assert_nonnull (strstr (ics, "DTSTART;TZID=Asia/Tokyo:20260901T190000\r\nSUMMARY:"));

  /* The same input, the same bytes. */
  first = mq_ics_write_events (events, G_N_ELEMENTS (events));
  again = mq_ics_write_events (events, G_N_ELEMENTS (events));
  g_assert_cmpstr (first, ==, again);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/ics-writer/escape", test_escape);
  g_test_add_func ("/core/ics-writer/fold/ascii", test_fold_ascii);
  g_test_add_func ("/core/ics-writer/fold/utf8-never-split", test_fold_utf8);
  g_test_add_func ("/core/ics-writer/event", test_event);
  g_test_add_func ("/core/ics-writer/season-and-utc", test_season_and_utc);

  return g_test_run ();
}
