/* mq-edit-history.h: the organizer's edits, each one undoable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "marquee-core.h"

G_BEGIN_DECLS

#define MQ_TYPE_EDIT_HISTORY (mq_edit_history_get_type ())

G_DECLARE_FINAL_TYPE (MqEditHistory, mq_edit_history, MQ, EDIT_HISTORY, GObject)

MqEditHistory *mq_edit_history_new               (MqStore        *store);
MqStore       *mq_edit_history_get_store         (MqEditHistory  *self);
gboolean       mq_edit_history_get_can_undo      (MqEditHistory  *self);

gint64         mq_edit_history_add_event         (MqEditHistory  *self,
                                                  MqEvent        *event,
                                                  GError        **error);
gboolean       mq_edit_history_update_event      (MqEditHistory  *self,
                                                  MqEvent        *event,
                                                  GError        **error);
gint64         mq_edit_history_duplicate_event   (MqEditHistory  *self,
                                                  gint64          event_id,
                                                  GError        **error);
gboolean       mq_edit_history_set_event_status  (MqEditHistory  *self,
                                                  gint64          event_id,
                                                  MqEventStatus   status,
                                                  GError        **error);
/* Hides the event at once and deletes it at the next flush, so that undo
 * can bring it back with its RSVPs and history intact.
 */
void           mq_edit_history_delete_event      (MqEditHistory  *self,
                                                  gint64          event_id);
gboolean       mq_edit_history_is_event_hidden   (MqEditHistory  *self,
                                                  gint64          event_id);
MqRsvp        *mq_edit_history_set_rsvp          (MqEditHistory  *self,
                                                  gint64          event_id,
                                                  gint64          person_id,
                                                  MqRsvpStatus    status,
                                                  int             party_size,
                                                  GError        **error);

/* A new person, an edit of one, two records merged into one (@keep_values,
 * when not NULL, is @keep_id with the values picked from both, written in
 * the same transaction): undo removes the new person, writes the edited
 * one back, or brings the merged one back with their RSVPs, check-ins,
 * roles and history.
 */
gint64         mq_edit_history_add_person        (MqEditHistory  *self,
                                                  MqPerson       *person,
                                                  GError        **error);
gboolean       mq_edit_history_update_person     (MqEditHistory  *self,
                                                  MqPerson       *person,
                                                  GError        **error);
gboolean       mq_edit_history_merge_people      (MqEditHistory  *self,
                                                  gint64          keep_id,
                                                  MqPerson       *keep_values,
                                                  gint64          drop_id,
                                                  GError        **error);

/* Takes back the latest edit. */
gboolean       mq_edit_history_undo              (MqEditHistory  *self,
                                                  GError        **error);
/* Carries out the deletions still waiting for their undo to expire. */
void           mq_edit_history_flush             (MqEditHistory  *self);

G_END_DECLS
