/* mq-newcomer-rule.h: who comes to the club for the first time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-store.h"

G_BEGIN_DECLS

/* Somebody not seen for a year is greeted like a newcomer again. */
#define MQ_NEWCOMER_DEFAULT_LAPSE_DAYS 365
/* The settings key holding the lapse in days; "0" means no lapse. */
#define MQ_NEWCOMER_LAPSE_SETTING "newcomer-lapse-days"

#define MQ_TYPE_NEWCOMER_RULE (mq_newcomer_rule_get_type ())

G_DECLARE_FINAL_TYPE (MqNewcomerRule, mq_newcomer_rule, MQ, NEWCOMER_RULE, GObject)

/* A newcomer at an event is a person with no admit (not undone) at any event
 * that started before it, or whose latest such admit is more than the lapse
 * older than the event's start.
 */
MqNewcomerRule *mq_newcomer_rule_new              (MqStore         *store);
/* Returns the lapse in days (0: none), or -1 with @error set. */
int             mq_newcomer_rule_get_lapse_days   (MqNewcomerRule  *self,
                                                   GError         **error);
gboolean        mq_newcomer_rule_set_lapse_days   (MqNewcomerRule  *self,
                                                   int              days,
                                                   GError         **error);
/* Sets @is_newcomer; MQ_ERROR_NOT_FOUND for an unknown event or person.
 * @last_seen: (out) (optional) (nullable): the latest admit at an earlier
 * event, counted or not, NULL when there is none
 */
gboolean        mq_newcomer_rule_is_newcomer      (MqNewcomerRule  *self,
                                                   gint64           event_id,
                                                   gint64           person_id,
                                                   gboolean        *is_newcomer,
                                                   GDateTime      **last_seen,
                                                   GError         **error);
/* Returns: (transfer full) (element-type gint64): ids of the people with a
 * "going" RSVP to @event_id who are newcomers there, by name
 */
GArray         *mq_newcomer_rule_list_newcomers   (MqNewcomerRule  *self,
                                                   gint64           event_id,
                                                   GError         **error);

G_END_DECLS
