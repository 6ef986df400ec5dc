/* mq-door-walk-in-dialog.c: someone not on the list, admitted from the door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-door-walk-in-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-door-walk-in-dialog.h"
#include "mq-walk-in.h"

#define N_CANDIDATES 5

struct _MqDoorWalkInDialog
{
  AdwWindow        parent_instance;

  MqStore         *store;
  MqWalkIn        *walk_in;
  gint64           event_id;
  char            *station;
  guint            n_candidates;

  /* Template widgets */
  AdwEntryRow     *name_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *handle_row;
  GtkSpinButton   *party_spin;
  GtkWidget       *candidates_group;
  GtkListBox      *candidates_list;
  GtkWidget       *override_group;
  AdwEntryRow     *reason_row;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (MqDoorWalkInDialog, mq_door_walk_in_dialog, ADW_TYPE_WINDOW)

enum {
  ADMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
field_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
describe_match (MqWalkInMatch match)
{
  switch (match)
    {
    case MQ_WALK_IN_SAME_EMAIL:
      return _("Same email");
    case MQ_WALK_IN_SAME_HANDLE:
      return _("Same handle");
    case MQ_WALK_IN_SAME_NAME:
      return _("Same name");
    case MQ_WALK_IN_NAME_PREFIX:
    default:
      return _("Similar name");
    }
}

static void
show_error (MqDoorWalkInDialog *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
admit (MqDoorWalkInDialog *self,
       gint64              person_id)
{
  g_autofree char *name = field_text (self->name_row);
  g_autofree char *email = field_text (self->email_row);
  g_autofree char *handle = field_text (self->handle_row);
  g_autofree char *reason = field_text (self->reason_row);
  g_autoptr(MqCheckIn) record = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(GError) error = NULL;
  MqAdmitOutcome outcome = MQ_ADMIT_FAILED;
  MqWalkInRequest request = {
    .person_id = person_id,
    .name = name,
    .email = email,
    .handle = handle,
    .party_size = gtk_spin_button_get_value_as_int (self->party_spin),
    .station = self->station,
    .override_reason = gtk_widget_get_visible (self->override_group) && reason[0] != '\0'
                         ? reason : NULL,
  };

  if (person_id == 0 && name[0] == '\0')
    {
      show_error (self, _("Type their name, or pick them from the directory."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  rsvp = mq_walk_in_admit (self->walk_in, self->event_id, &request, &outcome, &record, &error);
  if (rsvp == NULL)
    {
      if (g_error_matches (error, MQ_ERROR, MQ_ERROR_CAPACITY))
        {
          gtk_widget_set_visible (self->override_group, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
        }
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[ADMITTED], 0, rsvp, record, (int) outcome);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_that_is_them (GtkButton          *button,
                 MqDoorWalkInDialog *self)
{
  admit (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "person-id")));
}

static void
on_candidate_activated (GtkListBox         *list,
                        GtkListBoxRow      *row,
                        MqDoorWalkInDialog *self)
{
  admit (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id")));
}

static GtkWidget *
candidate_row_new (MqDoorWalkInDialog      *self,
                   const MqWalkInCandidate *candidate,
                   gboolean                 first)
{
  MqPerson *person = candidate->person;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *subtitle = NULL;
  gpointer id = GSIZE_TO_POINTER ((gsize) mq_person_get_id (person));

  subtitle = mq_person_get_email (person) != NULL
    ? g_strdup_printf ("%s · %s", describe_match (candidate->match), mq_person_get_email (person))
    : g_strdup (describe_match (candidate->match));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mq_person_get_name (person));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "person-id", id);

  /* The strongest candidate gets the one key: Alt+T. */
  button = gtk_button_new_with_mnemonic (first ? _("_That’s Them") : _("That’s Them"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "person-id", id);
  g_signal_connect (button, "clicked", G_CALLBACK (on_that_is_them), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
on_fields_changed (MqDoorWalkInDialog *self)
{
  g_autofree char *name = field_text (self->name_row);
  g_autofree char *email = field_text (self->email_row);
  g_autofree char *handle = field_text (self->handle_row);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  show_error (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->candidates_list))) != NULL)
    gtk_list_box_remove (self->candidates_list, child);
  self->n_candidates = 0;

  if (name[0] == '\0' && email[0] == '\0' && handle[0] == '\0')
    {
      gtk_widget_set_visible (self->candidates_group, FALSE);
      return;
    }

  candidates = mq_walk_in_find_candidates (self->walk_in, name, email, handle, N_CANDIDATES, &error);
  if (candidates == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < candidates->len; i++)
    gtk_list_box_append (self->candidates_list,
                         candidate_row_new (self, g_ptr_array_index (candidates, i), i == 0));

  self->n_candidates = candidates->len;
  gtk_widget_set_visible (self->candidates_group, candidates->len > 0);
}

static void
on_entry_activated (MqDoorWalkInDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "walk-in.add", NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  admit (MQ_DOOR_WALK_IN_DIALOG (widget), 0);
}

static void
mq_door_walk_in_dialog_finalize (GObject *object)
{
  MqDoorWalkInDialog *self = (MqDoorWalkInDialog *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->walk_in);
  g_clear_pointer (&self->station, g_free);

  G_OBJECT_CLASS (mq_door_walk_in_dialog_parent_class)->finalize (object);
}

static void
mq_door_walk_in_dialog_class_init (MqDoorWalkInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mq_door_walk_in_dialog_finalize;

  /**
   * MqDoorWalkInDialog::admitted:
   * @rsvp: the walk-in's RSVP after the admit
   * @record: the admit (or the earlier one when they were in already)
   * @outcome: an MqAdmitOutcome
   */
  signals[ADMITTED] = g_signal_new ("admitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                    MQ_TYPE_RSVP, MQ_TYPE_CHECK_IN, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-door-walk-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MqDoorWalkInDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWalkInDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWalkInDialog, handle_row);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWalkInDialog, party_spin);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWalkInDialog, candidates_group);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWalkInDialog, candidates_list);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWalkInDialog, override_group);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWalkInDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, MqDoorWalkInDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_fields_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_candidate_activated);

  gtk_widget_class_install_action (widget_class, "walk-in.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mq_door_walk_in_dialog_init (MqDoorWalkInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MqDoorWalkInDialog *
mq_door_walk_in_dialog_new (GtkWindow  *parent,
                            MqStore    *store,
                            gint64      event_id,
                            const char *station,
                            const char *name)
{
  MqDoorWalkInDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MQ_IS_STORE (store), NULL);
  g_return_val_if_fail (event_id > 0, NULL);

  self = g_object_new (MQ_TYPE_DOOR_WALK_IN_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->walk_in = mq_walk_in_new (store);
  self->event_id = event_id;
  self->station = g_strdup (station);

  mq_door_walk_in_dialog_set_fields (self, name, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

void
mq_door_walk_in_dialog_set_fields (MqDoorWalkInDialog *self,
                                   const char         *name,
                                   const char         *email,
                                   const char         *handle)
{
  g_return_if_fail (MQ_IS_DOOR_WALK_IN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email != NULL ? email : "");
  gtk_editable_set_text (GTK_EDITABLE (self->handle_row), handle != NULL ? handle : "");
}

guint
mq_door_walk_in_dialog_get_n_candidates (MqDoorWalkInDialog *self)
{
  g_return_val_if_fail (MQ_IS_DOOR_WALK_IN_DIALOG (self), 0);

  return self->n_candidates;
}
