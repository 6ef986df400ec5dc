/* mq-event-catalog.h: the club's events in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-event.h"
#include "mq-store.h"

G_BEGIN_DECLS

typedef enum
{
  MQ_EVENT_RANGE_ALL,
  MQ_EVENT_RANGE_UPCOMING,   /* starts at or after now, soonest first */
  MQ_EVENT_RANGE_PAST,       /* started before now, latest first */
} MqEventRange;

#define MQ_TYPE_EVENT_CATALOG (mq_event_catalog_get_type ())

G_DECLARE_FINAL_TYPE (MqEventCatalog, mq_event_catalog, MQ, EVENT_CATALOG, GObject)

MqEventCatalog *mq_event_catalog_new    (MqStore         *store);
/* Validates (non-empty title, a start, a valid IANA zone, ends after start,
 * capacity >= -1, an add-on names an existing parent) and inserts. Sets the
 * event's id and returns it, or 0 with MQ_ERROR_INVALID / NOT_FOUND.
 */
gint64          mq_event_catalog_add    (MqEventCatalog  *self,
                                         MqEvent         *event,
                                         GError         **error);
/* Writes every field back. A capacity raise promotes waitlisted RSVPs in
 * the same transaction.
 */
gboolean        mq_event_catalog_update (MqEventCatalog  *self,
                                         MqEvent         *event,
                                         GError         **error);
gboolean        mq_event_catalog_delete (MqEventCatalog  *self,
                                         gint64           id,
                                         GError         **error);
MqEvent        *mq_event_catalog_get    (MqEventCatalog  *self,
                                         gint64           id,
                                         GError         **error);
/* Returns: (transfer full): a GListStore of MqEvent */
GListModel     *mq_event_catalog_list   (MqEventCatalog  *self,
                                         MqEventRange     range,
                                         GError         **error);

G_END_DECLS
