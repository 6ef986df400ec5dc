/* mq-door-outcome.c: what the door screen says after a scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-door-outcome"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-door-outcome.h"
#include "mq-greeter-pairing.h"
#include "mq-newcomer-rule.h"

struct _MqDoorOutcomeWriter
{
  GObject           parent_instance;

  MqNewcomerRule   *newcomers;
  MqGreeterPairing *pairing;
};

G_DEFINE_FINAL_TYPE (MqDoorOutcomeWriter, mq_door_outcome_writer, G_TYPE_OBJECT)

void
mq_door_outcome_clear (MqDoorOutcome *outcome)
{
  g_clear_pointer (&outcome->title, g_free);
  g_clear_pointer (&outcome->name, g_free);
  g_clear_pointer (&outcome->detail, g_free);
}

/* Door volunteers read the clock of the venue, not of the laptop. */
static char *
format_time_at_event (MqEvent   *event,
                      GDateTime *when)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (mq_event_get_time_zone (event) != NULL)
    zone = g_time_zone_new_identifier (mq_event_get_time_zone (event));
  local = zone != NULL ? g_date_time_to_timezone (when, zone) : g_date_time_to_local (when);

  return g_date_time_format (local, "%H:%M");
}

static char *
describe_party (const char *name,
                int         people)
{
  if (people > 1)
    return g_strdup_printf ("%s + %d", name, people - 1);

  return g_strdup (name);
}

static gboolean
describe_newcomer (MqDoorOutcomeWriter *self,
                   MqEvent             *event,
                   gint64               person_id,
                   char               **detail,
                   GError             **error)
{
  g_autoptr(MqGreeterAssignment) pair = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean is_newcomer = FALSE;

  *detail = NULL;
  if (!mq_newcomer_rule_is_newcomer (self->newcomers, mq_event_get_id (event), person_id,
                                     &is_newcomer, NULL, error))
    return FALSE;
  if (!is_newcomer)
    return TRUE;

  pair = mq_greeter_pairing_find (self->pairing, mq_event_get_id (event), person_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (pair != NULL)
    *detail = g_strdup_printf (_("First time here — greeter: %s"),
                               mq_greeter_assignment_get_greeter_name (pair));
  else
    *detail = g_strdup (_("First time here — no greeter assigned yet"));

  return TRUE;
}

static void
describe_not_admissible (MqRsvpStatus   status,
                         MqDoorOutcome *outcome)
{
  switch (status)
    {
    case MQ_RSVP_STATUS_WAITLISTED:
      outcome->title = g_strdup (_("Waitlisted"));
      outcome->detail = g_strdup (_("Not admitted: they are waiting for a seat. An organizer can let them in."));
      break;
    case MQ_RSVP_STATUS_CANCELLED:
      outcome->title = g_strdup (_("Cancelled"));
      outcome->detail = g_strdup (_("Not admitted: they cancelled. An organizer can let them in."));
      break;
    case MQ_RSVP_STATUS_DECLINED:
      outcome->title = g_strdup (_("Declined"));
      outcome->detail = g_strdup (_("Not admitted: they said they would not come. An organizer can let them in."));
      break;
    case MQ_RSVP_STATUS_MAYBE:
    default:
      outcome->title = g_strdup (_("Not confirmed"));
      outcome->detail = g_strdup (_("Not admitted: they answered maybe. An organizer can set them to going."));
      break;
    }
}

gboolean
mq_door_outcome_writer_describe (MqDoorOutcomeWriter *self,
                                 MqEvent             *event,
                                 gint64               person_id,
                                 const char          *name,
                                 MqRsvpStatus         status,
                                 MqAdmitOutcome       result,
                                 MqCheckIn           *record,
                                 MqDoorOutcome       *outcome,
                                 GError             **error)
{
  g_return_val_if_fail (MQ_IS_DOOR_OUTCOME_WRITER (self), FALSE);
  g_return_val_if_fail (MQ_IS_EVENT (event), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (outcome != NULL, FALSE);

  switch (result)
    {
    case MQ_ADMIT_ADMITTED:
      g_return_val_if_fail (MQ_IS_CHECK_IN (record), FALSE);
      outcome->kind = MQ_DOOR_OUTCOME_ADMITTED;
      outcome->style = "admitted";
      outcome->icon_name = "emblem-ok-symbolic";
      outcome->title = g_strdup (_("Admitted"));
      outcome->name = describe_party (name, mq_check_in_get_people (record));
      return describe_newcomer (self, event, person_id, &outcome->detail, error);

    case MQ_ADMIT_ALREADY_IN:
      {
        g_autofree char *time = NULL;

        g_return_val_if_fail (MQ_IS_CHECK_IN (record), FALSE);
        time = format_time_at_event (event, mq_check_in_get_at (record));
        outcome->kind = MQ_DOOR_OUTCOME_ALREADY_IN;
        outcome->style = "already-in";
        outcome->icon_name = "dialog-warning-symbolic";
        /* Translators: "Already in since 19:42 at Door 2" */
        outcome->title = g_strdup_printf (_("Already in since %s at %s"), time,
                                          mq_check_in_get_station (record) != NULL
                                            ? mq_check_in_get_station (record) : _("the door"));
        outcome->name = g_strdup (name);
        return TRUE;
      }

    case MQ_ADMIT_NOT_ADMISSIBLE:
      outcome->kind = MQ_DOOR_OUTCOME_NOT_ADMISSIBLE;
      outcome->style = "refused";
      outcome->icon_name = "action-unavailable-symbolic";
      outcome->name = g_strdup (name);
      describe_not_admissible (status, outcome);
      return TRUE;

    case MQ_ADMIT_FAILED:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
mq_door_outcome_writer_finalize (GObject *object)
{
  MqDoorOutcomeWriter *self = (MqDoorOutcomeWriter *) object;

  g_clear_object (&self->newcomers);
  g_clear_object (&self->pairing);

  G_OBJECT_CLASS (mq_door_outcome_writer_parent_class)->finalize (object);
}

static void
mq_door_outcome_writer_class_init (MqDoorOutcomeWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mq_door_outcome_writer_finalize;
}

static void
mq_door_outcome_writer_init (MqDoorOutcomeWriter *self)
{
}

MqDoorOutcomeWriter *
mq_door_outcome_writer_new (MqStore *store)
{
  MqDoorOutcomeWriter *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_DOOR_OUTCOME_WRITER, NULL);
  self->newcomers = mq_newcomer_rule_new (store);
  self->pairing = mq_greeter_pairing_new (store);

  return self;
}
