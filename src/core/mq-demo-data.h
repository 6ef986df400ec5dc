/* mq-demo-data.h: realistic sample data for a club
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-store.h"

G_BEGIN_DECLS

#define MQ_TYPE_DEMO_DATA (mq_demo_data_get_type ())

G_DECLARE_FINAL_TYPE (MqDemoData, mq_demo_data, MQ, DEMO_DATA, GObject)

MqDemoData *mq_demo_data_new            (MqStore     *store);
/* Defaults: 300 people, 8 events, seed 1. */
void        mq_demo_data_set_people     (MqDemoData  *self,
                                         guint        people);
void        mq_demo_data_set_events     (MqDemoData  *self,
                                         guint        events);
/* The largest event gets this many RSVPs (default: what fits the club). */
void        mq_demo_data_set_big_event_rsvps (MqDemoData *self,
                                              guint       rsvps);
void        mq_demo_data_set_seed       (MqDemoData  *self,
                                         guint32      seed);
/* One transaction: all or nothing. */
gboolean    mq_demo_data_generate       (MqDemoData  *self,
                                         GError     **error);
gboolean    mq_demo_data_is_store_empty (MqStore     *store);

G_END_DECLS
