/* mq-door-window-private.h: what the door window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-door-lookup.h"
#include "mq-door-outcome.h"
#include "mq-door-window.h"
#include "mq-check-in-log.h"

G_BEGIN_DECLS

/* Only the best few: the door screen must not become a browsable guest list. */
#define N_RESULTS 5

struct _MqDoorWindow
{
  AdwWindow        parent_instance;

  MqStore         *store;
  gint64           event_id;
  MqEvent         *event;
  MqDoorLookup    *lookup;
  MqCheckInLog    *log;
  MqDoorOutcomeWriter *outcomes;
  GSettings       *settings;
  char            *station;
  GPtrArray       *matches;        /* (element-type MqDoorMatch) what the rows show */
  gboolean         picked;         /* the volunteer chose a row with the arrows */
  gint64           last_admit_rsvp; /* what Ctrl+Z takes back; 0: nothing */
  char            *last_admit_name;
  MqDoorMatch     *refused;        /* the guest an organizer may let in anyway */
  guint            counters_source;
  GArray          *newcomers;      /* (element-type gint64) cached between admits */
  guint            n_beeps;

  GtkListBoxRow   *rows[N_RESULTS];
  GtkLabel        *row_names[N_RESULTS];
  GtkLabel        *row_details[N_RESULTS];

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkLabel        *admitted_label;
  GtkLabel        *admitted_caption;
  GtkWidget       *inside_card;
  GtkLabel        *inside_label;
  GtkLabel        *inside_caption;
  GtkLabel        *capacity_label;
  GtkLabel        *capacity_caption;
  GtkLabel        *newcomers_label;
  GtkLabel        *newcomers_caption;
  GtkSearchEntry  *search_entry;
  GtkListBox      *results_list;
  GtkLabel        *hint_label;
  GtkWidget       *outcome_box;
  GtkImage        *outcome_icon;
  GtkLabel        *outcome_title;
  GtkLabel        *outcome_name;
  GtkLabel        *outcome_detail;
  GtkWidget       *outcome_walk_in;
  GtkWidget       *outcome_override;
};

void     _mq_door_window_refocus              (MqDoorWindow          *self);
void     _mq_door_window_show_outcome         (MqDoorWindow          *self,
                                               const MqDoorOutcome   *outcome);
void     _mq_door_window_show_error           (MqDoorWindow          *self,
                                               const GError          *error);

/* mq-door-window-admit.c */
MqDoorMatch *_mq_door_match_copy                 (const MqDoorMatch     *match);
/* Says how an admit attempt of @guest ended; @override_reason when an
 * organizer let them in anyway.
 */
void     _mq_door_window_report_admit         (MqDoorWindow          *self,
                                               const MqDoorMatch     *guest,
                                               MqAdmitOutcome         result,
                                               MqCheckIn             *record,
                                               const char            *override_reason);
void     _mq_door_window_admit_match          (MqDoorWindow          *self,
                                               const MqDoorMatch     *match,
                                               gboolean               ask);
void     _mq_door_window_admit_anyway_action  (GtkWidget             *widget,
                                               const char            *action_name,
                                               GVariant              *param);
void     _mq_door_window_admit_some_action    (GtkWidget             *widget,
                                               const char            *action_name,
                                               GVariant              *param);

/* mq-door-window-counters.c */
void     _mq_door_window_watch_counters       (MqDoorWindow          *self);
void     _mq_door_window_update_counters      (MqDoorWindow          *self);

/* mq-door-window-search.c */
const MqDoorMatch *_mq_door_window_get_chosen_match (MqDoorWindow    *self);
void     _mq_door_window_build_result_rows    (MqDoorWindow          *self);
void     _mq_door_window_update_hint          (MqDoorWindow          *self);
void     _mq_door_window_on_search_changed    (GtkSearchEntry        *entry,
                                               MqDoorWindow          *self);
void     _mq_door_window_on_stop_search       (GtkSearchEntry        *entry,
                                               MqDoorWindow          *self);
void     _mq_door_window_on_search_activate   (GtkSearchEntry        *entry,
                                               MqDoorWindow          *self);
void     _mq_door_window_on_result_activated  (GtkListBox            *list,
                                               GtkListBoxRow         *row,
                                               MqDoorWindow          *self);
gboolean _mq_door_window_on_entry_key_pressed (GtkEventControllerKey *controller,
                                               guint                  keyval,
                                               guint                  keycode,
                                               GdkModifierType        state,
                                               MqDoorWindow          *self);

/* mq-door-window-undo.c */
AdwMessageDialog *_mq_door_window_ask_reason  (MqDoorWindow          *self,
                                               const char            *heading,
                                               const char            *body,
                                               const char            *placeholder,
                                               const char            *entry_label,
                                               const char            *cancel_label,
                                               const char            *confirm,
                                               const char            *confirm_label,
                                               AdwResponseAppearance  appearance);
void     _mq_door_window_undo_action          (GtkWidget             *widget,
                                               const char            *action_name,
                                               GVariant              *param);

G_END_DECLS
