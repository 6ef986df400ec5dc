/* mq-event-editor-private.h: what the event editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-event-editor.h"

G_BEGIN_DECLS

struct _MqEventEditor
{
  AdwWindow        parent_instance;

  MqEditHistory   *history;
  gint64           event_id;       /* 0 for a new event */
  gint64           saved_id;
  GArray          *parent_ids;     /* gint64, parallel to parent_row's model */
  GStrv            zones;
  char            *poster_path;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkLabel        *error_label;
  AdwEntryRow     *title_row;
  AdwComboRow     *kind_row;
  AdwComboRow     *parent_row;
  AdwComboRow     *status_row;
  GtkMenuButton   *date_button;
  GtkCalendar     *calendar;
  GtkSpinButton   *start_hour;
  GtkSpinButton   *start_minute;
  AdwExpanderRow  *end_row;
  GtkSpinButton   *end_hour;
  GtkSpinButton   *end_minute;
  GtkDropDown     *zone_dropdown;
  GtkSpinButton   *doors_spin;
  GtkSpinButton   *qa_spin;
  GtkLabel        *schedule_label;
  AdwEntryRow     *venue_row;
  AdwEntryRow     *address_row;
  AdwEntryRow     *online_row;
  AdwExpanderRow  *capacity_row;
  GtkSpinButton   *capacity_spin;
  AdwEntryRow     *hashtag_row;
  GtkTextView     *description_view;
  AdwEntryRow     *accessibility_row;
  AdwPreferencesGroup *film_group;
  AdwEntryRow     *film_title_row;
  AdwEntryRow     *director_row;
  GtkSpinButton   *year_spin;
  GtkSpinButton   *runtime_spin;
  AdwEntryRow     *language_row;
  AdwEntryRow     *subtitles_row;
  AdwEntryRow     *content_notes_row;
  AdwEntryRow     *rights_row;
  AdwActionRow    *poster_row;
  GtkButton       *poster_clear_button;
};

/* mq-event-editor-load.c: filling the fields */
void _mq_event_editor_load_parents  (MqEventEditor *self);
void _mq_event_editor_load_zones    (MqEventEditor *self,
                                     const char    *zone);
void _mq_event_editor_load_event    (MqEventEditor *self,
                                     MqEvent       *event);
void _mq_event_editor_load_defaults (MqEventEditor *self);

G_END_DECLS
