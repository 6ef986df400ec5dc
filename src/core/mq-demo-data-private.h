/* mq-demo-data-private.h: what the parts of the sample data generator share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-store-private.h"

G_BEGIN_DECLS

#define MQ_DEMO_DAY ((gint64) 24 * 60 * 60)

/* One event of the season, as the RSVP part needs to know it. */
typedef struct
{
  gint64   id;
  gint64   created_at;     /* Unix time */
  gint64   starts_at;
  int      capacity;       /* -1: unlimited */
  int      doors_minutes;
  guint    rsvps;          /* requests to make */
  gboolean from_everyone;  /* draw from all people, not only the active club */
} MqDemoEvent;

typedef struct
{
  MqStore *store;
  GRand   *rand;
  gint64   now;
  gint64  *person_ids;     /* (owned) by index */
  guint    n_people;
  guint    active;         /* people who come to events: the first ones */
  guint32 *order;          /* (owned) (nullable) a permutation of all people */
  char    *door_volunteers[2]; /* (owned) names */
} MqDemoContext;

void     mq_demo_format_time     (gint64          unix_time,
                                  char            buffer[32]);
gboolean mq_demo_insert_people   (MqDemoContext  *ctx,
                                  GError        **error);
gboolean mq_demo_insert_rsvps    (MqDemoContext  *ctx,
                                  MqDemoEvent    *event,
                                  GError        **error);

G_END_DECLS
