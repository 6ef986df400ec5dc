/* mq-rsvp-row.c: one guest in an event's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-rsvp-row"

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gi18n.h>

#include "mq-display-text.h"
#include "mq-rsvp-history-popover.h"
#include "mq-rsvp-row.h"
#include "mq-window.h"
#include "mq-wrap-box.h"

struct _MqRsvpRow
{
  GtkWidget              parent_instance;

  MqRsvp                *rsvp;
  char                  *status_class;

  /* Template widgets */
  AdwAvatar             *avatar;
  GtkLabel              *name_label;
  GtkLabel              *details_label;
  GtkLabel              *code_label;
  GtkLabel              *status_label;
  GtkMenuButton         *history_button;
  MqRsvpHistoryPopover  *history_popover;
};

G_DEFINE_FINAL_TYPE (MqRsvpRow, mq_rsvp_row, GTK_TYPE_WIDGET)

static char *
describe_details (MqRsvp *rsvp)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  int party = mq_rsvp_get_party_size (rsvp);
  const char *source = mq_rsvp_get_source (rsvp);

  if (party > 1)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "a party of %d", "a party of %d", party), party));

  if (mq_rsvp_get_waitlist_position (rsvp) > 0)
    g_ptr_array_add (parts, mq_display_waitlist_place (mq_rsvp_get_waitlist_position (rsvp)));

  if (mq_rsvp_get_checked_in_at (rsvp) != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (mq_rsvp_get_checked_in_at (rsvp));
      g_autofree char *time = g_date_time_format (local, _("%H:%M"));

      /* Translators: when the guest was checked in at the door */
      g_ptr_array_add (parts, g_strdup_printf (_("in since %s"), time));
    }

  if (g_strcmp0 (source, "walk-in") == 0)
    g_ptr_array_add (parts, g_strdup (_("walk-in")));
  else if (source != NULL && g_str_has_prefix (source, "import:"))
    /* Translators: where an RSVP came from, e.g. "from meetup" */
    g_ptr_array_add (parts, g_strdup_printf (_("from %s"), source + strlen ("import:")));

  if (mq_rsvp_get_override_reason (rsvp) != NULL)
    /* Translators: an organizer let the guest in over capacity, with this reason */
    g_ptr_array_add (parts, g_strdup_printf (_("over capacity: %s"), mq_rsvp_get_override_reason (rsvp)));

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

MqRsvp *
mq_rsvp_row_get_rsvp (MqRsvpRow *self)
{
  g_return_val_if_fail (MQ_IS_RSVP_ROW (self), NULL);

  return self->rsvp;
}

void
mq_rsvp_row_set_rsvp (MqRsvpRow *self,
                      MqRsvp    *rsvp)
{
  g_autofree char *details = NULL;
  g_autoptr(GString) accessible = NULL;
  const char *code;
  MqRsvpStatus status;

  g_return_if_fail (MQ_IS_RSVP_ROW (self));
  g_return_if_fail (MQ_IS_RSVP (rsvp));

  g_set_object (&self->rsvp, rsvp);
  status = mq_rsvp_get_status (rsvp);
  code = mq_rsvp_get_ticket_code (rsvp);

  adw_avatar_set_text (self->avatar, mq_rsvp_get_name (rsvp));
  gtk_label_set_label (self->name_label, mq_rsvp_get_name (rsvp));
  details = describe_details (rsvp);
  gtk_label_set_label (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details[0] != '\0');
  gtk_label_set_label (self->code_label, code);
  gtk_widget_set_visible (GTK_WIDGET (self->code_label), code != NULL);
  gtk_label_set_label (self->status_label, mq_display_rsvp_status (status));

  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  g_free (self->status_class);
  self->status_class = g_strdup (mq_display_rsvp_status_class (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);

  accessible = g_string_new (mq_rsvp_get_name (rsvp));
  g_string_append_printf (accessible, ", %s", mq_display_rsvp_status (status));
  if (details[0] != '\0')
    g_string_append_printf (accessible, ", %s", details);
  if (code != NULL)
    g_string_append_printf (accessible, ", %s", code);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                  -1);
}

static void
change (MqRsvpRow  *self,
        const char *status,
        int         party_size)
{
  if (self->rsvp == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "event.set-rsvp", "(xsi)",
                              mq_rsvp_get_person_id (self->rsvp), status, party_size);
}

static void
status_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MqRsvpRow *self = MQ_RSVP_ROW (widget);

  if (self->rsvp != NULL)
    change (self, g_variant_get_string (param, NULL), mq_rsvp_get_party_size (self->rsvp));
}

static void
party_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  MqRsvpRow *self = MQ_RSVP_ROW (widget);
  MqRsvpStatus status;

  if (self->rsvp == NULL)
    return;

  /* Growing a waitlisted party asks again for seats, like a new request. */
  status = mq_rsvp_get_status (self->rsvp);
  if (status == MQ_RSVP_STATUS_WAITLISTED)
    status = MQ_RSVP_STATUS_GOING;
  change (self, mq_rsvp_status_to_string (status), g_variant_get_int32 (param));
}

static void
on_history_shown (MqRsvpRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->rsvp == NULL || !MQ_IS_WINDOW (root))
    return;

  mq_rsvp_history_popover_load (self->history_popover,
                                mq_edit_history_get_store (mq_window_get_history (MQ_WINDOW (root))),
                                self->rsvp);
}

static void
mq_rsvp_row_dispose (GObject *object)
{
  MqRsvpRow *self = (MqRsvpRow *) object;

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), MQ_TYPE_RSVP_ROW);
  /* GTK 4.8 only unparents the template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->rsvp);
  g_clear_pointer (&self->status_class, g_free);

  G_OBJECT_CLASS (mq_rsvp_row_parent_class)->dispose (object);
}

static void
mq_rsvp_row_class_init (MqRsvpRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_rsvp_row_dispose;

  g_type_ensure (MQ_TYPE_RSVP_HISTORY_POPOVER);
  g_type_ensure (MQ_TYPE_WRAP_BOX);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-rsvp-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MqRsvpRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, MqRsvpRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, MqRsvpRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, MqRsvpRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, MqRsvpRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, MqRsvpRow, history_button);
  gtk_widget_class_bind_template_child (widget_class, MqRsvpRow, history_popover);
  gtk_widget_class_bind_template_callback (widget_class, on_history_shown);

  gtk_widget_class_install_action (widget_class, "rsvp.status", "s", status_action);
  gtk_widget_class_install_action (widget_class, "rsvp.party", "i", party_action);
}

static void
mq_rsvp_row_init (MqRsvpRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mq_rsvp_row_new (void)
{
  return g_object_new (MQ_TYPE_RSVP_ROW, NULL);
}
