/* mq-time-zone-list.c: the IANA time zones to pick from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-time-zone-list"

#include "config.h"

#include <string.h>

#include "mq-time-zone-list.h"

/* When tzdata's table is missing (a minimal container), the zones a film
 * club most likely needs still work.
 */
static const char * const fallback_zones[] = {
  "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Mexico_City",
  "America/New_York", "America/Sao_Paulo", "America/Toronto", "Asia/Kolkata",
  "Asia/Seoul", "Asia/Tokyo", "Australia/Sydney", "Europe/Amsterdam", "Europe/Berlin",
  "Europe/Lisbon", "Europe/London", "Europe/Madrid", "Europe/Paris", "Europe/Rome",
  "Europe/Vienna", "Europe/Zurich", "Pacific/Auckland",
};

char *
mq_time_zone_list_get_local (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (local);

  /* "Local" or a path is not something to store in an event. */
  if (id == NULL || strchr (id, '/') == NULL || id[0] == '/' ||
      g_str_equal (id, "Etc/UTC") || g_str_equal (id, "Etc/GMT"))
    return g_strdup ("UTC");

  return g_strdup (id);
}

static gboolean
add_zone (GPtrArray  *zones,
          const char *zone)
{
  for (guint i = 0; i < zones->len; i++)
    if (g_str_equal (g_ptr_array_index (zones, i), zone))
      return FALSE;

  g_ptr_array_add (zones, g_strdup (zone));
  return TRUE;
}

static int
compare_zones (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GStrv
mq_time_zone_list_get (void)
{
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;
  g_autofree char *local = mq_time_zone_list_get_local ();

  if (g_file_get_contents ("/usr/share/zoneinfo/zone1970.tab", &contents, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = NULL;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          fields = g_strsplit (lines[i], "\t", 4);
          if (g_strv_length (fields) >= 3)
            add_zone (zones, fields[2]);
        }
    }

  if (zones->len == 0)
    for (guint i = 0; i < G_N_ELEMENTS (fallback_zones); i++)
      add_zone (zones, fallback_zones[i]);

  add_zone (zones, local);
  add_zone (zones, "UTC");
  g_ptr_array_sort (zones, compare_zones);
  g_ptr_array_add (zones, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&zones), FALSE);
}
