/* mq-door-window-admit.c: letting guests in: whole parties, part of one,
 * and an organizer's override for those who are not "going"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-door-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-door-window-private.h"

MqDoorMatch *
_mq_door_match_copy (const MqDoorMatch *match)
{
  MqDoorMatch *copy = g_new0 (MqDoorMatch, 1);

  *copy = *match;
  copy->name = g_strdup (match->name);
  copy->ticket_code = g_strdup (match->ticket_code);

  return copy;
}

/* A party coming in parts: the volunteer must see who is still outside. */
static char *
describe_progress (int admitted_now,
                   int people_in,
                   int party_size)
{
  if (party_size <= 1 || people_in <= 0)
    return NULL;

  if (people_in < party_size)
    /* Translators: a party admitted in parts, like "1 of 3 in · 2 to come later" */
    return g_strdup_printf (_("%d of %d in · %d to come later"),
                            people_in, party_size, party_size - people_in);

  if (admitted_now < party_size)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The whole party of %d is in",
                                         "The whole party of %d is in", party_size),
                            party_size);

  return NULL;
}

static char *
join_lines (const char *first,
            const char *second,
            const char *third)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  if (first != NULL)
    g_strv_builder_add (builder, first);
  if (second != NULL)
    g_strv_builder_add (builder, second);
  if (third != NULL)
    g_strv_builder_add (builder, third);
  lines = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return lines[0] != NULL ? g_strjoinv ("\n", lines) : NULL;
}

void
_mq_door_window_report_admit (MqDoorWindow      *self,
                              const MqDoorMatch *guest,
                              MqAdmitOutcome     result,
                              MqCheckIn         *record,
                              const char        *override_reason)
{
  g_auto(MqDoorOutcome) outcome = { 0 };
  g_autoptr(GError) error = NULL;
  MqRsvpStatus status = result == MQ_ADMIT_NOT_ADMISSIBLE ? guest->status : MQ_RSVP_STATUS_GOING;

  if (!mq_door_outcome_writer_describe (self->outcomes, self->event, guest->person_id, guest->name,
                                        status, result, record, &outcome, &error))
    {
      _mq_door_window_show_error (self, error);
      return;
    }

  /* Only the guest just refused can be let in anyway. */
  g_clear_pointer (&self->refused, mq_door_match_free);
  if (result == MQ_ADMIT_NOT_ADMISSIBLE)
    self->refused = _mq_door_match_copy (guest);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "door.admit-anyway", self->refused != NULL);

  if (result == MQ_ADMIT_ADMITTED)
    {
      int people_in = mq_check_in_log_people_in (self->log, guest->rsvp_id, NULL);
      g_autofree char *progress = describe_progress (mq_check_in_get_people (record), people_in,
                                                     guest->party_size);
      g_autofree char *why = NULL;
      char *detail;

      if (override_reason != NULL)
        /* Translators: the reason an organizer gave for letting a guest in */
        why = g_strdup_printf (_("Organizer override: %s"), override_reason);
      detail = join_lines (progress, outcome.detail, why);
      g_free (outcome.detail);
      outcome.detail = detail;

      self->last_admit_rsvp = guest->rsvp_id;
      g_free (self->last_admit_name);
      self->last_admit_name = g_strdup (guest->name);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "door.undo", TRUE);
    }

  _mq_door_window_show_outcome (self, &outcome);
}

/* @guest may point into self->matches, which clearing the entry replaces. */
static void
admit_people (MqDoorWindow      *self,
              const MqDoorMatch *guest,
              int                people)
{
  g_autoptr(MqDoorMatch) copy = _mq_door_match_copy (guest);
  g_autoptr(MqCheckIn) record = NULL;
  g_autoptr(GError) error = NULL;
  MqAdmitOutcome result;

  result = mq_check_in_log_admit (self->log, copy->rsvp_id, people, self->station, NULL, &record, &error);
  if (result == MQ_ADMIT_FAILED)
    {
      _mq_door_window_show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _mq_door_window_report_admit (self, copy, result, record, NULL);
}

static void
on_count_response (AdwMessageDialog *dialog,
                   const char       *response,
                   MqDoorWindow     *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (dialog), "count-spin");
  const MqDoorMatch *guest = g_object_get_data (G_OBJECT (dialog), "guest");

  _mq_door_window_refocus (self);
  if (!g_str_equal (response, "admit"))
    return;

  gtk_spin_button_update (spin);
  admit_people (self, guest, gtk_spin_button_get_value_as_int (spin));
}

static void
on_count_activate (GtkText          *text,
                   AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "admit");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* How many of a party are at the door now; the rest use the same ticket later. */
static void
ask_how_many (MqDoorWindow      *self,
              const MqDoorMatch *guest,
              int                people_in)
{
  int remaining = guest->party_size - people_in;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *spin;

  if (people_in == 0)
    {
      heading = g_strdup (_("How Many Are Here?"));
      body = g_strdup_printf (_("%s has a party of %d. Admit those here now; the others can come in later with the same ticket."),
                              guest->name, guest->party_size);
    }
  else
    {
      /* Translators: a party partly admitted, like "2 of 3 In" */
      heading = g_strdup_printf (_("%d of %d In"), people_in, guest->party_size);
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s's party is partly in: %d person is still to come. Admit the rest?",
                                           "%s's party is partly in: %d people are still to come. Admit the rest?",
                                           remaining),
                              guest->name, remaining);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  label = gtk_label_new_with_mnemonic (_("_Arriving now"));
  spin = gtk_spin_button_new_with_range (1, remaining, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), remaining);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), spin);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "admit", _("_Admit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "admit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "admit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "count-spin", spin);
  g_object_set_data_full (G_OBJECT (dialog), "guest", _mq_door_match_copy (guest),
                          (GDestroyNotify) mq_door_match_free);
  /* The spin button has no activate signal of its own in GTK 4.8. */
  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate",
                    G_CALLBACK (on_count_activate), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_count_response), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (spin);
}

/* Enter admits the whole party, as a scanner expects; a party already partly
 * in, or @ask (Shift+Enter), asks how many are here now.
 */
void
_mq_door_window_admit_match (MqDoorWindow      *self,
                             const MqDoorMatch *match,
                             gboolean           ask)
{
  if (match->status == MQ_RSVP_STATUS_GOING && match->party_size > 1)
    {
      g_autoptr(GError) error = NULL;
      int people_in = mq_check_in_log_people_in (self->log, match->rsvp_id, &error);

      if (people_in < 0)
        {
          _mq_door_window_show_error (self, error);
          return;
        }

      if (people_in < match->party_size && (ask || people_in > 0))
        {
          ask_how_many (self, match, people_in);
          return;
        }
    }

  admit_people (self, match, 0);
}

static void
on_override_response (AdwMessageDialog *dialog,
                      const char       *response,
                      MqDoorWindow     *self)
{
  GtkEditable *reason_entry = g_object_get_data (G_OBJECT (dialog), "reason-entry");
  g_autoptr(MqDoorMatch) guest = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(MqCheckIn) record = NULL;
  g_autoptr(GError) error = NULL;
  MqAdmitOutcome result;

  _mq_door_window_refocus (self);
  if (!g_str_equal (response, "admit") || self->refused == NULL)
    return;

  guest = g_steal_pointer (&self->refused);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "door.admit-anyway", FALSE);
  reason = g_strstrip (g_strdup (gtk_editable_get_text (reason_entry)));
  result = mq_check_in_log_admit_override (self->log, guest->rsvp_id, 0, self->station, NULL,
                                           reason, &record, &error);
  if (result == MQ_ADMIT_FAILED)
    {
      _mq_door_window_show_error (self, error);
      return;
    }

  _mq_door_window_report_admit (self, guest, result, record, reason);
}

void
_mq_door_window_admit_anyway_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  MqDoorWindow *self = MQ_DOOR_WINDOW (widget);
  g_autofree char *situation = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->refused == NULL)
    return;

  switch (self->refused->status)
    {
    case MQ_RSVP_STATUS_WAITLISTED:
      situation = g_strdup_printf (_("%s is on the waitlist."), self->refused->name);
      break;
    case MQ_RSVP_STATUS_CANCELLED:
      situation = g_strdup_printf (_("%s cancelled."), self->refused->name);
      break;
    case MQ_RSVP_STATUS_DECLINED:
      situation = g_strdup_printf (_("%s declined."), self->refused->name);
      break;
    case MQ_RSVP_STATUS_MAYBE:
    default:
      situation = g_strdup_printf (_("%s answered maybe."), self->refused->name);
      break;
    }

  body = g_strjoin (" ", situation,
                    _("An organizer can let them in anyway: their RSVP becomes going, even over capacity. Say why; the reason is kept in its history."),
                    NULL);
  dialog = _mq_door_window_ask_reason (self, _("Admit Anyway?"), body,
                                       _("Reason, e.g. on the crew list"),
                                       _("Reason for letting them in"),
                                       _("_Cancel"), "admit", _("_Admit Anyway"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_override_response), self, 0);
}

void
_mq_door_window_admit_some_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  MqDoorWindow *self = MQ_DOOR_WINDOW (widget);
  const MqDoorMatch *match = _mq_door_window_get_chosen_match (self);

  if (match == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
      return;
    }

  _mq_door_window_admit_match (self, match, TRUE);
}
