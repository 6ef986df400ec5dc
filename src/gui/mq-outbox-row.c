/* mq-outbox-row.c: one post of the outbox, with its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-outbox-row"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-outbox-row.h"
#include "mq-social-display.h"

struct _MqOutboxRow
{
  AdwExpanderRow  parent_instance;

  gint64          job_id;
  MqOutboxState   state;
  char           *url;
  const char     *state_class;   /* the style class set on state_label */

  /* Template widgets */
  GtkImage       *network_icon;
  GtkButton      *send_button;
  GtkButton      *open_button;
  GtkLabel       *state_label;
  GtkLabel       *text_label;
  GtkLabel       *error_label;
  GtkWidget      *job_actions;
  GtkButton      *retry_button;
  GtkButton      *cancel_button;
};

G_DEFINE_FINAL_TYPE (MqOutboxRow, mq_outbox_row, ADW_TYPE_EXPANDER_ROW)

static gboolean
is_in_future (const char *iso)
{
  g_autoptr(GDateTime) when = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return when != NULL && g_date_time_compare (when, now) > 0;
}

/* What happened to the post, in words: the pill says the state, this says
 * when and how often.
 */
static char *
describe_progress (const MqOutboxJob *job)
{
  g_autofree char *scheduled = mq_display_outbox_time (job->scheduled_at);
  g_autofree char *next_try = mq_display_outbox_time (job->next_try_at);
  g_autofree char *updated = mq_display_outbox_time (job->updated_at);

  switch (job->state)
    {
    case MQ_OUTBOX_STATE_DRAFT:
      return g_strdup (_("Not sent until you send it"));
    case MQ_OUTBOX_STATE_QUEUED:
      if (next_try != NULL && job->attempts > 0)
        /* Translators: "Next try at 14:05, after 2 attempts" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Next try at %s, after %d attempt",
                                             "Next try at %s, after %d attempts", job->attempts),
                                next_try, job->attempts);
      if (scheduled != NULL && is_in_future (job->scheduled_at))
        /* Translators: %s is a date and time */
        return g_strdup_printf (_("Scheduled for %s"), scheduled);
      return g_strdup (_("Waiting to be sent"));
    case MQ_OUTBOX_STATE_SENDING:
      return g_strdup_printf (_("Sending, attempt %d"), job->attempts);
    case MQ_OUTBOX_STATE_POSTED:
      if (job->remote_scheduled && scheduled != NULL)
        /* Translators: %s is a date and time */
        return g_strdup_printf (_("The server publishes it at %s"), scheduled);
      /* Translators: %s is a time or a date and time */
      return updated != NULL ? g_strdup_printf (_("Posted %s"), updated) : g_strdup (_("Posted"));
    case MQ_OUTBOX_STATE_FAILED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Not posted, after %d attempt",
                                           "Not posted, after %d attempts", job->attempts),
                              job->attempts);
    default:
      g_return_val_if_reached (NULL);
    }
}

void
mq_outbox_row_set_job (MqOutboxRow           *self,
                       const MqOutboxJob     *job,
                       const MqSocialAccount *account,
                       const char            *event_title)
{
  g_autofree char *who = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  const char *state_class;
  gboolean has_error;
  gboolean can_retry;
  gboolean can_cancel;

  g_return_if_fail (MQ_IS_OUTBOX_ROW (self));
  g_return_if_fail (job != NULL);

  self->job_id = job->id;
  self->state = job->state;
  g_free (self->url);
  self->url = g_strdup (job->remote_url);

  if (event_title != NULL)
    title = g_strdup (event_title);
  else
    {
      g_auto(GStrv) lines = g_strsplit (job->text, "\n", 2);
      title = g_strdup (lines[0]);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  who = account != NULL ? mq_display_account (account) : g_strdup (_("Removed account"));
  progress = describe_progress (job);
  /* Translators: an account and what happened, like "club.bsky.social · Posted 14:05" */
  subtitle = g_strdup_printf (_("%s · %s"), who, progress);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  if (account != NULL)
    gtk_image_set_from_icon_name (self->network_icon, mq_display_network_icon (account->network));
  gtk_widget_set_visible (GTK_WIDGET (self->network_icon), account != NULL);

  /* Waiting for its time, here or on the server: "Scheduled" says both. */
  if ((job->state == MQ_OUTBOX_STATE_POSTED && job->remote_scheduled) ||
      (job->state == MQ_OUTBOX_STATE_QUEUED && job->attempts == 0 && is_in_future (job->scheduled_at)))
    {
      gtk_label_set_text (self->state_label, C_("outbox state", "Scheduled"));
      state_class = "status-maybe";
    }
  else
    {
      gtk_label_set_text (self->state_label, mq_display_outbox_state (job->state));
      state_class = mq_display_outbox_state_class (job->state);
    }
  if (self->state_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), self->state_class);
  self->state_class = state_class;
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), self->state_class);

  gtk_widget_set_visible (GTK_WIDGET (self->open_button), self->url != NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "s", self->url != NULL ? self->url : "");
  gtk_widget_set_visible (GTK_WIDGET (self->send_button), job->state == MQ_OUTBOX_STATE_DRAFT);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->send_button), "x", job->id);
  /* Only what certainly never reached the server can be taken back here:
   * a job whose answer was lost is sent again instead.
   */
  can_retry = job->state == MQ_OUTBOX_STATE_FAILED;
  can_cancel = mq_outbox_job_can_cancel (job);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), can_retry);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), can_cancel);
  gtk_widget_set_visible (self->job_actions, can_retry || can_cancel);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->retry_button), "x", job->id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->cancel_button), "x", job->id);
  /* Named once the targets exist, so the actions never see a missing one. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "outbox.open-post");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->send_button), "outbox.send-draft");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry_button), "outbox.retry");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "outbox.cancel");

  gtk_label_set_text (self->text_label, job->text);
  /* A retry's reason matters while it waits; a posted job's old error does not. */
  has_error = job->last_error != NULL && job->state != MQ_OUTBOX_STATE_POSTED;
  gtk_label_set_text (self->error_label, has_error ? job->last_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), has_error);
}

gint64
mq_outbox_row_get_job_id (MqOutboxRow *self)
{
  g_return_val_if_fail (MQ_IS_OUTBOX_ROW (self), 0);

  return self->job_id;
}

MqOutboxState
mq_outbox_row_get_state (MqOutboxRow *self)
{
  g_return_val_if_fail (MQ_IS_OUTBOX_ROW (self), MQ_OUTBOX_STATE_DRAFT);

  return self->state;
}

const char *
mq_outbox_row_get_url (MqOutboxRow *self)
{
  g_return_val_if_fail (MQ_IS_OUTBOX_ROW (self), NULL);

  return self->url;
}

static void
mq_outbox_row_finalize (GObject *object)
{
  MqOutboxRow *self = MQ_OUTBOX_ROW (object);

  g_free (self->url);

  G_OBJECT_CLASS (mq_outbox_row_parent_class)->finalize (object);
}

static void
mq_outbox_row_class_init (MqOutboxRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mq_outbox_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-outbox-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MqOutboxRow, network_icon);
  gtk_widget_class_bind_template_child (widget_class, MqOutboxRow, send_button);
  gtk_widget_class_bind_template_child (widget_class, MqOutboxRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, MqOutboxRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, MqOutboxRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, MqOutboxRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, MqOutboxRow, job_actions);
  gtk_widget_class_bind_template_child (widget_class, MqOutboxRow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, MqOutboxRow, cancel_button);
}

static void
mq_outbox_row_init (MqOutboxRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mq_outbox_row_new (void)
{
  return g_object_new (MQ_TYPE_OUTBOX_ROW, NULL);
}
