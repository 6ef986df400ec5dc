/* mq-rsvp-history-popover.c: every change of one RSVP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-rsvp-history-popover"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mq-display-text.h"
#include "mq-rsvp-history-popover.h"

struct _MqRsvpHistoryPopover
{
  GtkPopover  parent_instance;

  /* Template widgets */
  GtkLabel   *title_label;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (MqRsvpHistoryPopover, mq_rsvp_history_popover, GTK_TYPE_POPOVER)

static char *
describe_change (MqRsvpTransition *transition)
{
  const char *to = mq_display_rsvp_status (mq_rsvp_transition_get_to_status (transition));
  int to_party = mq_rsvp_transition_get_to_party (transition);

  if (!mq_rsvp_transition_has_from (transition))
    /* Translators: the first line of an RSVP's history, e.g. "Answered Going, party of 2" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Answered %s, party of %d", "Answered %s, party of %d", to_party),
                            to, to_party);

  if (mq_rsvp_transition_get_from_status (transition) == mq_rsvp_transition_get_to_status (transition))
    /* Translators: the party size changed, e.g. "Party of 2 → 3" */
    return g_strdup_printf (_("Party of %d → %d"), mq_rsvp_transition_get_from_party (transition), to_party);

  /* Translators: a status change, e.g. "Waitlisted → Going" */
  return g_strdup_printf (_("%s → %s"),
                          mq_display_rsvp_status (mq_rsvp_transition_get_from_status (transition)), to);
}

static char *
describe_circumstances (MqRsvpTransition *transition)
{
  g_autofree char *when = mq_display_date_time (mq_rsvp_transition_get_at (transition));
  const char *actor = mq_rsvp_transition_get_actor (transition);
  const char *reason = mq_rsvp_transition_get_reason (transition);
  GString *text = g_string_new (when);

  if (g_strcmp0 (actor, "waitlist") == 0)
    g_string_append_printf (text, " · %s", _("moved up from the waitlist"));
  else if (actor != NULL && actor[0] != '\0')
    /* Translators: who made a change */
    g_string_append_printf (text, " · %s", actor);

  if (reason != NULL && reason[0] != '\0')
    g_string_append_printf (text, " · %s", reason);

  return g_string_free (text, FALSE);
}

void
mq_rsvp_history_popover_load (MqRsvpHistoryPopover *self,
                              MqStore              *store,
                              MqRsvp               *rsvp)
{
  g_autoptr(MqRsvpLedger) ledger = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;

  g_return_if_fail (MQ_IS_RSVP_HISTORY_POPOVER (self));
  g_return_if_fail (MQ_IS_STORE (store));
  g_return_if_fail (MQ_IS_RSVP (rsvp));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);

  /* Translators: the heading of an RSVP's history; %s is the guest's name */
  title = g_strdup_printf (_("History of %s"), mq_rsvp_get_name (rsvp));
  gtk_label_set_label (self->title_label, title);

  ledger = mq_rsvp_ledger_new (store);
  if (!(history = mq_rsvp_ledger_history (ledger, mq_rsvp_get_id (rsvp), &error)))
    {
      GtkWidget *row = adw_action_row_new ();

      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      gtk_list_box_append (self->list_box, row);
      return;
    }

  /* Latest first: the question is usually "why is this so now?" */
  for (guint i = history->len; i > 0; i--)
    {
      MqRsvpTransition *transition = g_ptr_array_index (history, i - 1);
      g_autofree char *change = describe_change (transition);
      g_autofree char *circumstances = describe_circumstances (transition);
      g_autofree char *escaped_change = g_markup_escape_text (change, -1);
      g_autofree char *escaped_circumstances = g_markup_escape_text (circumstances, -1);
      GtkWidget *row = adw_action_row_new ();

      /* Titles are markup in libadwaita 1.2 whatever "use-markup" says. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_change);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_circumstances);
      gtk_list_box_append (self->list_box, row);
    }
}

static void
mq_rsvp_history_popover_class_init (MqRsvpHistoryPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-rsvp-history-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, MqRsvpHistoryPopover, title_label);
  gtk_widget_class_bind_template_child (widget_class, MqRsvpHistoryPopover, list_box);
}

static void
mq_rsvp_history_popover_init (MqRsvpHistoryPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
