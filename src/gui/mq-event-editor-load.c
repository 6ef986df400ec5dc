/* mq-event-editor-load.c: filling the editor's fields from an event or the defaults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-event-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-display-text.h"
#include "mq-event-editor-private.h"
#include "mq-time-zone-list.h"

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

void
_mq_event_editor_load_parents (MqEventEditor *self)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (mq_edit_history_get_store (self->history));
  g_autoptr(GListModel) events = mq_event_catalog_list (catalog, MQ_EVENT_RANGE_ALL, NULL);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint n = events != NULL ? g_list_model_get_n_items (events) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MqEvent) event = g_list_model_get_item (events, i);
      g_autofree char *when = NULL;
      g_autofree char *label = NULL;

      if (mq_event_get_id (event) == self->event_id || mq_event_get_kind (event) == MQ_EVENT_KIND_ADDON)
        continue;

      when = mq_display_event_when (event);
      /* Translators: an event in the "Part of" list: title, then date */
      label = g_strdup_printf (_("%s (%s)"), mq_event_get_title (event), when);
      gtk_string_list_append (titles, label);
      g_array_append_vals (self->parent_ids, (gint64[]) { mq_event_get_id (event) }, 1);
    }

  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (titles));
}

void
_mq_event_editor_load_zones (MqEventEditor *self,
                             const char    *zone)
{
  g_autoptr(GtkStringList) list = NULL;

  self->zones = mq_time_zone_list_get ();
  list = gtk_string_list_new ((const char * const *) self->zones);
  gtk_drop_down_set_model (self->zone_dropdown, G_LIST_MODEL (list));

  for (guint i = 0; self->zones[i] != NULL; i++)
    if (g_str_equal (self->zones[i], zone))
      gtk_drop_down_set_selected (self->zone_dropdown, i);
}

void
_mq_event_editor_load_event (MqEventEditor *self,
                             MqEvent       *event)
{
  g_autoptr(GDateTime) starts = mq_event_dup_starts_local (event);
  GDateTime *ends = mq_event_get_ends_at (event);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);

  set_entry_text (self->title_row, mq_event_get_title (event));
  adw_combo_row_set_selected (self->kind_row, mq_event_get_kind (event));
  for (guint i = 0; i < self->parent_ids->len; i++)
    if (g_array_index (self->parent_ids, gint64, i) == mq_event_get_parent_id (event))
      adw_combo_row_set_selected (self->parent_row, i);
  adw_combo_row_set_selected (self->status_row, mq_event_get_status (event));

  if (starts != NULL)
    {
      gtk_calendar_select_day (self->calendar, starts);
      gtk_spin_button_set_value (self->start_hour, g_date_time_get_hour (starts));
      gtk_spin_button_set_value (self->start_minute, g_date_time_get_minute (starts));
    }
  adw_expander_row_set_enable_expansion (self->end_row, ends != NULL);
  if (ends != NULL && starts != NULL)
    {
      g_autoptr(GDateTime) local_end = g_date_time_to_timezone (ends, g_date_time_get_timezone (starts));

      gtk_spin_button_set_value (self->end_hour, g_date_time_get_hour (local_end));
      gtk_spin_button_set_value (self->end_minute, g_date_time_get_minute (local_end));
    }
  gtk_spin_button_set_value (self->doors_spin, mq_event_get_doors_minutes (event));
  gtk_spin_button_set_value (self->qa_spin, mq_event_get_qa_minutes (event));

  set_entry_text (self->venue_row, mq_event_get_venue (event));
  set_entry_text (self->address_row, mq_event_get_address (event));
  set_entry_text (self->online_row, mq_event_get_online_url (event));
  adw_expander_row_set_enable_expansion (self->capacity_row, mq_event_get_capacity (event) >= 0);
  if (mq_event_get_capacity (event) >= 0)
    gtk_spin_button_set_value (self->capacity_spin, mq_event_get_capacity (event));
  set_entry_text (self->hashtag_row, mq_event_get_hashtag (event));
  gtk_text_buffer_set_text (buffer, mq_event_get_description (event) != NULL
                                      ? mq_event_get_description (event) : "", -1);
  set_entry_text (self->accessibility_row, mq_event_get_accessibility_notes (event));

  set_entry_text (self->film_title_row, mq_event_get_film_title (event));
  set_entry_text (self->director_row, mq_event_get_film_director (event));
  gtk_spin_button_set_value (self->year_spin, mq_event_get_film_year (event));
  gtk_spin_button_set_value (self->runtime_spin, mq_event_get_film_runtime (event));
  set_entry_text (self->language_row, mq_event_get_film_language (event));
  set_entry_text (self->subtitles_row, mq_event_get_film_subtitles (event));
  set_entry_text (self->content_notes_row, mq_event_get_content_notes (event));
  set_entry_text (self->rights_row, mq_event_get_rights_note (event));
  self->poster_path = g_strdup (mq_event_get_poster_path (event));
}

/* A new event: next week at 19:30, the default capacity. */
void
_mq_event_editor_load_defaults (MqEventEditor *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_week = g_date_time_add_days (now, 7);
  int capacity = g_settings_get_int (settings, "default-capacity");

  gtk_calendar_select_day (self->calendar, next_week);
  gtk_spin_button_set_value (self->start_hour, 19);
  gtk_spin_button_set_value (self->start_minute, 30);
  gtk_spin_button_set_value (self->doors_spin, 30);
  adw_expander_row_set_enable_expansion (self->capacity_row, capacity > 0);
  if (capacity > 0)
    gtk_spin_button_set_value (self->capacity_spin, capacity);
  adw_combo_row_set_selected (self->status_row, MQ_EVENT_STATUS_PUBLISHED);
}
