/* mq-ics-writer.c: events as iCalendar (RFC 5545)
 *
 * Times are written in the event's own zone (DTSTART;TZID=…) so a calendar
 * moves them correctly if the zone's rules change; the VTIMEZONE is derived
 * from GLib's view of the zone (the system tzdata) instead of a copied
 * table, one observance per transition in the years the events fall in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-ics-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-error.h"
#include "mq-ics-writer.h"

#define MAX_OCTETS 75

char *
mq_ics_event_uid (MqEvent *event)
{
  GDateTime *created;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (MQ_IS_EVENT (event), NULL);

  /* The id alone repeats in another club's database; with the creation
   * time it does not, and neither changes when the event is edited.
   */
  created = mq_event_get_created_at (event);
  stamp = created != NULL ? g_date_time_format (created, "%Y%m%dT%H%M%SZ") : g_strdup ("0");

  return g_strdup_printf ("event-%" G_GINT64_FORMAT "-%s@marquee.invalid",
                          mq_event_get_id (event), stamp);
}

char *
mq_ics_escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ';': g_string_append (out, "\\;"); break;
        case ',': g_string_append (out, "\\,"); break;
        case '\r':
          if (p[1] == '\n')
            p++;
          G_GNUC_FALLTHROUGH;
        case '\n': g_string_append (out, "\\n"); break;
        default:
          /* Other control characters are not allowed in TEXT. */
          if ((guchar) *p >= 0x20 || *p == '\t')
            g_string_append_c (out, *p);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

void
mq_ics_append_folded (GString    *out,
                      const char *line)
{
  gsize length, pos = 0;
  gsize room = MAX_OCTETS;

  g_return_if_fail (out != NULL);
  g_return_if_fail (line != NULL);

  length = strlen (line);
  while (length - pos > room)
    {
      gsize cut = room;

      /* Back up to the first byte of a character. */
      while (cut > 0 && ((guchar) line[pos + cut] & 0xC0) == 0x80)
        cut--;

      g_string_append_len (out, line + pos, cut);
      g_string_append (out, "\r\n ");
      pos += cut;
      room = MAX_OCTETS - 1;
    }

  g_string_append (out, line + pos);
  g_string_append (out, "\r\n");
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);

  mq_ics_append_folded (out, line);
}

static void
append_text (GString    *out,
             const char *name,
             const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;

  escaped = mq_ics_escape_text (text);
  append_property (out, name, escaped);
}

static gboolean
is_utc (const char *zone)
{
  return zone == NULL || *zone == '\0' || g_str_equal (zone, "UTC") ||
         g_str_equal (zone, "Etc/UTC") || g_str_equal (zone, "Z");
}

static GTimeZone *
event_zone (MqEvent *event)
{
  const char *name = mq_event_get_time_zone (event);

  if (is_utc (name))
    return NULL;

  return g_time_zone_new_identifier (name);
}

static void
append_time (GString    *out,
             const char *name,
             MqEvent    *event,
             GDateTime  *time)
{
  g_autoptr(GTimeZone) zone = event_zone (event);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *value = NULL;
  g_autofree char *property = NULL;

  if (zone == NULL)
    {
      local = g_date_time_to_utc (time);
      value = g_date_time_format (local, "%Y%m%dT%H%M%SZ");
      append_property (out, name, value);
      return;
    }

  local = g_date_time_to_timezone (time, zone);
  value = g_date_time_format (local, "%Y%m%dT%H%M%S");
  property = g_strdup_printf ("%s;TZID=%s", name, mq_event_get_time_zone (event));
  append_property (out, property, value);
}

static char *
format_offset (gint32 seconds)
{
  char sign = seconds < 0 ? '-' : '+';
  guint32 value = ABS (seconds);

  if (value % 60 != 0)
    return g_strdup_printf ("%c%02u%02u%02u", sign, value / 3600, value / 60 % 60, value % 60);
  return g_strdup_printf ("%c%02u%02u", sign, value / 3600, value / 60 % 60);
}

static void
append_observance (GString   *out,
                   GTimeZone *zone,
                   int        interval,
                   gint32     offset_from,
                   gint64     utc_start)
{
  gboolean dst = g_time_zone_is_dst (zone, interval);
  gint32 offset_to = g_time_zone_get_offset (zone, interval);
  g_autofree char *from = format_offset (offset_from);
  g_autofree char *to = format_offset (offset_to);
  g_autofree char *start = NULL;
  g_autofree char *name = NULL;

  /* DTSTART of an observance is the local time under the offset in force
   * before it.
   */
  if (utc_start == G_MININT64)
    start = g_strdup ("19700101T000000");
  else
    {
      g_autoptr(GDateTime) local = g_date_time_new_from_unix_utc (utc_start + offset_from);

      start = g_date_time_format (local, "%Y%m%dT%H%M%S");
    }

  g_string_append (out, dst ? "BEGIN:DAYLIGHT\r\n" : "BEGIN:STANDARD\r\n");
  append_property (out, "DTSTART", start);
  append_property (out, "TZOFFSETFROM", from);
  append_property (out, "TZOFFSETTO", to);
  name = mq_ics_escape_text (g_time_zone_get_abbreviation (zone, interval));
  if (*name != '\0')
    append_property (out, "TZNAME", name);
  g_string_append (out, dst ? "END:DAYLIGHT\r\n" : "END:STANDARD\r\n");
}

static gint64
year_start (int year)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (year, 1, 1, 0, 0, 0);

  return g_date_time_to_unix (start);
}

/* GTimeZone lists no transitions, so they are found by stepping an hour at
 * a time and narrowing each change down to the second.
 */
static void
append_vtimezone (GString    *out,
                  const char *tzid,
                  int         first_year,
                  int         last_year)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  gint64 t = year_start (first_year), end = year_start (last_year + 1);
  int interval;

  if (zone == NULL)
    return;

  g_string_append (out, "BEGIN:VTIMEZONE\r\n");
  append_property (out, "TZID", tzid);

  interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, t);
  append_observance (out, zone, interval, g_time_zone_get_offset (zone, interval), G_MININT64);

  for (; t < end; t += 3600)
    {
      int next = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, t + 3600);
      gint64 low = t, high = t + 3600;

      if (next == interval)
        continue;

      /* Invariant: low is in @interval, high in @next. */
      while (high - low > 1)
        {
          gint64 mid = low + (high - low) / 2;

          if (g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, mid) == interval)
            low = mid;
          else
            high = mid;
        }

      append_observance (out, zone, next, g_time_zone_get_offset (zone, interval), high);
      interval = next;
    }

  g_string_append (out, "END:VTIMEZONE\r\n");
}

static char *
film_details (MqEvent *event)
{
  GString *text = g_string_new (NULL);
  const char *description = mq_event_get_description (event);
  const char *film = mq_event_get_film_title (event);
  GString *film_text = g_string_new (NULL);

  if (film != NULL)
    {
      if (mq_event_get_film_year (event) > 0)
        g_string_append_printf (film_text, _("Film: %s (%d)"), film, mq_event_get_film_year (event));
      else
        g_string_append_printf (film_text, _("Film: %s"), film);
      g_string_append_c (film_text, '\n');
    }
  if (mq_event_get_film_director (event) != NULL)
    g_string_append_printf (film_text, _("Director: %s\n"), mq_event_get_film_director (event));
  if (mq_event_get_film_runtime (event) > 0)
    g_string_append_printf (film_text, _("Runtime: %d min\n"), mq_event_get_film_runtime (event));
  if (mq_event_get_film_language (event) != NULL)
    g_string_append_printf (film_text, _("Language: %s\n"), mq_event_get_film_language (event));
  if (mq_event_get_film_subtitles (event) != NULL)
    g_string_append_printf (film_text, _("Subtitles: %s\n"), mq_event_get_film_subtitles (event));
  if (mq_event_get_content_notes (event) != NULL)
    g_string_append_printf (film_text, _("Content notes: %s\n"), mq_event_get_content_notes (event));
  if (mq_event_get_accessibility_notes (event) != NULL)
    g_string_append_printf (film_text, _("Accessibility: %s\n"), mq_event_get_accessibility_notes (event));

  if (description != NULL)
    g_string_append (text, description);
  if (description != NULL && film_text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append (text, film_text->str);
  g_string_free (film_text, TRUE);

  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  return g_string_free (text, FALSE);
}

static void
append_vevent (GString *out,
               MqEvent *event)
{
  g_autofree char *uid = mq_ics_event_uid (event);
  g_autofree char *stamp = NULL;
  g_autofree char *location = NULL;
  g_autofree char *description = film_details (event);
  g_autofree char *categories = NULL;
  g_autoptr(GDateTime) ends = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDateTime *created = mq_event_get_created_at (event);
  const char *venue = mq_event_get_venue (event);
  const char *address = mq_event_get_address (event);
  const char *hashtag = mq_event_get_hashtag (event);
  const char *status;

  g_string_append (out, "BEGIN:VEVENT\r\n");
  append_property (out, "UID", uid);

  /* Without METHOD, DTSTAMP is when the information was written down: the
   * creation time keeps repeated exports identical.
   */
  if (created == NULL)
    created = now = g_date_time_new_now_utc ();
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (created);

    stamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
  }
  append_property (out, "DTSTAMP", stamp);

  append_time (out, "DTSTART", event, mq_event_get_starts_at (event));
  if (mq_event_get_ends_at (event) != NULL)
    ends = g_date_time_ref (mq_event_get_ends_at (event));
  else
    ends = mq_event_dup_qa_ends_at (event);
  if (ends != NULL)
    append_time (out, "DTEND", event, ends);

  append_text (out, "SUMMARY", mq_event_get_title (event));

  if (venue != NULL && address != NULL)
    location = g_strdup_printf ("%s, %s", venue, address);
  else
    location = g_strdup (venue != NULL ? venue : address);
  append_text (out, "LOCATION", location);

  if (mq_event_get_online_url (event) != NULL)
    append_property (out, "URL", mq_event_get_online_url (event));

  append_text (out, "DESCRIPTION", description);

  {
    g_autofree char *kind = g_ascii_strup (mq_event_kind_to_string (mq_event_get_kind (event)), -1);
    g_autofree char *tag = NULL;

    if (hashtag != NULL && *hashtag != '\0')
      tag = mq_ics_escape_text (hashtag[0] == '#' ? hashtag + 1 : hashtag);
    categories = tag != NULL ? g_strdup_printf ("%s,%s", kind, tag) : g_strdup (kind);
    append_property (out, "CATEGORIES", categories);
  }

  switch (mq_event_get_status (event))
    {
    case MQ_EVENT_STATUS_CANCELLED: status = "CANCELLED"; break;
    case MQ_EVENT_STATUS_DRAFT: status = "TENTATIVE"; break;
    case MQ_EVENT_STATUS_PUBLISHED:
    default: status = "CONFIRMED"; break;
    }
  append_property (out, "STATUS", status);

  g_string_append (out, "END:VEVENT\r\n");
}

char *
mq_ics_write_events (MqEvent * const *events,
                     guint            n_events)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GHashTable) years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (events != NULL || n_events == 0, NULL);

  g_string_append (out, "BEGIN:VCALENDAR\r\n");
  append_property (out, "VERSION", "2.0");
  append_property (out, "PRODID", "-//Marquee//Marquee " PACKAGE_VERSION "//EN");
  append_property (out, "CALSCALE", "GREGORIAN");

  /* Each zone once, covering every year its events touch. */
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(GTimeZone) zone = event_zone (events[i]);
      const char *name = mq_event_get_time_zone (events[i]);
      int *range;

      if (zone == NULL)
        continue;

      for (guint k = 0; k < 2; k++)
        {
          GDateTime *time = k == 0 ? mq_event_get_starts_at (events[i]) : mq_event_get_ends_at (events[i]);
          g_autoptr(GDateTime) local = NULL;
          int year;

          if (time == NULL)
            continue;
          local = g_date_time_to_timezone (time, zone);
          year = g_date_time_get_year (local);

          if (!(range = g_hash_table_lookup (years, name)))
            {
              range = g_new (int, 2);
              range[0] = range[1] = year;
              g_hash_table_insert (years, g_strdup (name), range);
              g_ptr_array_add (zones, g_strdup (name));
            }
          range[0] = MIN (range[0], year);
          range[1] = MAX (range[1], year);
        }
    }

  for (guint i = 0; i < zones->len; i++)
    {
      const char *name = g_ptr_array_index (zones, i);
      int *range = g_hash_table_lookup (years, name);

      append_vtimezone (out, name, range[0], range[1]);
    }

  for (guint i = 0; i < n_events; i++)
    append_vevent (out, events[i]);

  g_string_append (out, "END:VCALENDAR\r\n");
  return g_string_free (out, FALSE);
}

gboolean
mq_ics_write_to_stream (MqEvent * const *events,
                        guint            n_events,
                        GOutputStream   *out,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autofree char *text = mq_ics_write_events (events, n_events);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (!g_output_stream_write_all (out, text, strlen (text), NULL, cancellable, &local_error))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_IO, _("Cannot write the calendar: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}
