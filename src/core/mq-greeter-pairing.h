/* mq-greeter-pairing.h: every newcomer gets a greeter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-greeter-assignment.h"
#include "mq-introduction.h"
#include "mq-store.h"

G_BEGIN_DECLS

/* A greeter's newcomer, and whether they came through the door yet. */
typedef struct
{
  MqGreeterAssignment *assignment;
  /* The first admit of the newcomer's RSVP that is not undone; NULL while
   * they have not arrived.
   */
  GDateTime           *arrived_at;
} MqGreeterNewcomer;

void mq_greeter_newcomer_free (MqGreeterNewcomer *newcomer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqGreeterNewcomer, mq_greeter_newcomer_free)

#define MQ_TYPE_GREETER_PAIRING (mq_greeter_pairing_get_type ())

G_DECLARE_FINAL_TYPE (MqGreeterPairing, mq_greeter_pairing, MQ, GREETER_PAIRING, GObject)

MqGreeterPairing    *mq_greeter_pairing_new          (MqStore           *store);
/* Pairs the event's newcomers (see MqNewcomerRule; volunteers of the event
 * are staff, not newcomers) with its greeters. Existing pairs stay; a pair
 * not yet met is released when its greeter left the roster or its newcomer
 * no longer comes. New pairs go to the least loaded greeters, a shared
 * language beating a shared tag beating none, so no greeter ends with more
 * than an even share (rounded up). Deterministic; one transaction.
 * MQ_ERROR_INVALID when newcomers wait and the event has no greeter.
 * @n_new: (out) (optional): how many pairs this run made
 * Returns: (transfer full) (element-type MqGreeterAssignment): every pair of
 * the event after the run, by newcomer name
 */
GPtrArray           *mq_greeter_pairing_assign       (MqGreeterPairing  *self,
                                                      gint64             event_id,
                                                      guint             *n_new,
                                                      GError           **error);
/* Returns: (transfer full) (element-type MqGreeterAssignment): by newcomer name */
GPtrArray           *mq_greeter_pairing_list         (MqGreeterPairing  *self,
                                                      gint64             event_id,
                                                      GError           **error);
/* The newcomer's pair at the event; NULL without error when there is none. */
MqGreeterAssignment *mq_greeter_pairing_find         (MqGreeterPairing  *self,
                                                      gint64             event_id,
                                                      gint64             newcomer_id,
                                                      GError           **error);
/* "My newcomers", by name, each with whether they arrived.
 * Returns: (transfer full) (element-type MqGreeterNewcomer)
 */
GPtrArray           *mq_greeter_pairing_list_for_greeter (MqGreeterPairing *self,
                                                          gint64            event_id,
                                                          gint64            greeter_id,
                                                          GError          **error);
/* Marks the pair met (or back to assigned). MQ_ERROR_NOT_FOUND without a pair. */
gboolean             mq_greeter_pairing_set_met      (MqGreeterPairing  *self,
                                                      gint64             event_id,
                                                      gint64             newcomer_id,
                                                      gboolean           met,
                                                      GError           **error);
/* Logs that @by_person (0: nobody recorded) introduced two people at the event.
 * Returns: (transfer full): the introduction
 */
MqIntroduction      *mq_greeter_pairing_introduce    (MqGreeterPairing  *self,
                                                      gint64             event_id,
                                                      gint64             person_a,
                                                      gint64             person_b,
                                                      gint64             by_person,
                                                      const char        *note,
                                                      GError           **error);
/* Returns: (transfer full) (element-type MqIntroduction): oldest first */
GPtrArray           *mq_greeter_pairing_list_introductions (MqGreeterPairing *self,
                                                            gint64            event_id,
                                                            GError          **error);

G_END_DECLS
