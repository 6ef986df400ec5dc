/* mq-door-outcome.h: what the door screen says after a scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "marquee-core.h"
#include "mq-check-in-log.h"
#include "mq-event.h"

G_BEGIN_DECLS

typedef enum
{
  MQ_DOOR_OUTCOME_ADMITTED,
  MQ_DOOR_OUTCOME_ALREADY_IN,
  MQ_DOOR_OUTCOME_NOT_ON_LIST,
  MQ_DOOR_OUTCOME_NOT_ADMISSIBLE,
  MQ_DOOR_OUTCOME_UNDONE,
  MQ_DOOR_OUTCOME_FAILED,
} MqDoorOutcomeKind;

/* Never colour alone: every outcome has an icon and words as well. */
typedef struct
{
  MqDoorOutcomeKind  kind;
  const char        *style;      /* CSS class: admitted, already-in, refused, neutral */
  const char        *icon_name;
  char              *title;      /* "Admitted", "Already in since 19:42 at Door 2" */
  char              *name;       /* (nullable) "Ana García + 1" */
  char              *detail;     /* (nullable) "First time here — greeter: Sam" */
} MqDoorOutcome;

void mq_door_outcome_clear (MqDoorOutcome *outcome);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MqDoorOutcome, mq_door_outcome_clear)

#define MQ_TYPE_DOOR_OUTCOME_WRITER (mq_door_outcome_writer_get_type ())

G_DECLARE_FINAL_TYPE (MqDoorOutcomeWriter, mq_door_outcome_writer, MQ, DOOR_OUTCOME_WRITER, GObject)

MqDoorOutcomeWriter *mq_door_outcome_writer_new      (MqStore             *store);
/* Words for an admit attempt of @person_id's RSVP (in @status) that ended
 * in @result; @record is the admit written or the earlier one.
 */
gboolean             mq_door_outcome_writer_describe (MqDoorOutcomeWriter *self,
                                                      MqEvent             *event,
                                                      gint64               person_id,
                                                      const char          *name,
                                                      MqRsvpStatus         status,
                                                      MqAdmitOutcome       result,
                                                      MqCheckIn           *record,
                                                      MqDoorOutcome       *outcome,
                                                      GError             **error);

G_END_DECLS
