/* mq-add-guest-dialog.c: pick someone from the directory or enter them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-add-guest-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-add-guest-dialog.h"
#include "mq-person-list-model.h"
#include "mq-person-row.h"

/* The answers one can give for someone else; "waitlisted" is what the
 * ledger makes of "going" when the event is full.
 */
static const MqRsvpStatus answers[] = {
  MQ_RSVP_STATUS_GOING, MQ_RSVP_STATUS_MAYBE, MQ_RSVP_STATUS_DECLINED,
};

struct _MqAddGuestDialog
{
  AdwWindow           parent_instance;

  MqStore            *store;
  MqPersonListModel  *people;
  GtkSingleSelection *selection;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkStack           *mode_stack;
  GtkSearchEntry     *search_entry;
  GtkListView        *people_list;
  AdwEntryRow        *name_row;
  AdwEntryRow        *email_row;
  AdwEntryRow        *mastodon_row;
  GtkLabel           *error_label;
  AdwComboRow        *answer_row;
  GtkSpinButton      *party_spin;
};

G_DEFINE_FINAL_TYPE (MqAddGuestDialog, mq_add_guest_dialog, ADW_TYPE_WINDOW)

enum {
  GUEST_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (MqAddGuestDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_add_enabled (MqAddGuestDialog *self)
{
  gboolean ready;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "new") == 0)
    ready = TRUE; /* checked on "Add", with a message next to the field */
  else
    ready = gtk_single_selection_get_selected_item (self->selection) != NULL ||
            gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guest.add", ready);
}

static void
on_search_changed (GtkSearchEntry   *entry,
                   MqAddGuestDialog *self)
{
  mq_person_list_model_set_query (self->people, gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->people)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  update_add_enabled (self);
}

static void
on_mode_changed (MqAddGuestDialog *self)
{
  show_error (self, NULL);
  update_add_enabled (self);
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* The new person's id, or 0 with the reason shown next to the fields. */
static gint64
create_person (MqAddGuestDialog *self)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (self->store);
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(MqPerson) existing = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  const char *mastodon = gtk_editable_get_text (GTK_EDITABLE (self->mastodon_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  gint64 id;

  set_row_error (self->name_row, trimmed[0] == '\0');
  set_row_error (self->email_row, FALSE);
  if (trimmed[0] == '\0')
    {
      show_error (self, _("Enter the guest’s name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return 0;
    }

  /* Someone who answered before under the same email is the same person. */
  if (email[0] != '\0' &&
      (existing = mq_person_directory_find_by_email (directory, email, NULL)) != NULL)
    return mq_person_get_id (existing);

  mq_person_set_name (person, trimmed);
  mq_person_set_email (person, email);
  mq_person_set_mastodon (person, mastodon);

  if (!(id = mq_person_directory_add (directory, person, &error)))
    {
      set_row_error (self->email_row, email[0] != '\0');
      show_error (self, error->message);
      return 0;
    }

  return id;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  MqAddGuestDialog *self = MQ_ADD_GUEST_DIALOG (widget);
  guint answer = adw_combo_row_get_selected (self->answer_row);
  int party = gtk_spin_button_get_value_as_int (self->party_spin);
  gint64 person_id;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "new") == 0)
    {
      if (!(person_id = create_person (self)))
        return;
    }
  else
    {
      MqPerson *person = gtk_single_selection_get_selected_item (self->selection);

      /* Nobody by that name yet: offer to enter them, name filled in. */
      if (person == NULL)
        {
          mq_add_guest_dialog_set_new_name (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), NULL);
          gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
          return;
        }
      person_id = mq_person_get_id (person);
    }

  if (answer >= G_N_ELEMENTS (answers))
    answer = 0;

  g_signal_emit (self, signals[GUEST_CHOSEN], 0, person_id, (int) answers[answer], party);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_activate (GtkListView      *list,
             guint             position,
             MqAddGuestDialog *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "guest.add", NULL);
}

static void
on_search_activate (GtkSearchEntry   *entry,
                    MqAddGuestDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "guest.add", NULL);
}

void
mq_add_guest_dialog_set_query (MqAddGuestDialog *self,
                               const char       *query)
{
  g_return_if_fail (MQ_IS_ADD_GUEST_DIALOG (self));

  gtk_stack_set_visible_child_name (self->mode_stack, "find");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  /* Don't wait for the search entry's typing delay. */
  on_search_changed (self->search_entry, self);
}

gboolean
mq_add_guest_dialog_select (MqAddGuestDialog *self,
                            guint             position)
{
  g_return_val_if_fail (MQ_IS_ADD_GUEST_DIALOG (self), FALSE);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  update_add_enabled (self);
  return TRUE;
}

void
mq_add_guest_dialog_set_new_name (MqAddGuestDialog *self,
                                  const char       *name,
                                  const char       *email)
{
  g_return_if_fail (MQ_IS_ADD_GUEST_DIALOG (self));

  gtk_stack_set_visible_child_name (self->mode_stack, "new");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email != NULL ? email : "");
}

void
mq_add_guest_dialog_set_party_size (MqAddGuestDialog *self,
                                    int               party_size)
{
  g_return_if_fail (MQ_IS_ADD_GUEST_DIALOG (self));

  gtk_spin_button_set_value (self->party_spin, party_size);
}

static void
mq_add_guest_dialog_dispose (GObject *object)
{
  MqAddGuestDialog *self = (MqAddGuestDialog *) object;

  g_clear_object (&self->selection);
  g_clear_object (&self->people);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_add_guest_dialog_parent_class)->dispose (object);
}

static void
mq_add_guest_dialog_class_init (MqAddGuestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_add_guest_dialog_dispose;

  /**
   * MqAddGuestDialog::guest-chosen:
   * @person_id: who
   * @status: an MqRsvpStatus
   * @party_size: the guest and their plus-ones
   */
  signals[GUEST_CHOSEN] = g_signal_new ("guest-chosen",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-add-guest-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MqAddGuestDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MqAddGuestDialog, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, MqAddGuestDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MqAddGuestDialog, people_list);
  gtk_widget_class_bind_template_child (widget_class, MqAddGuestDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, MqAddGuestDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, MqAddGuestDialog, mastodon_row);
  gtk_widget_class_bind_template_child (widget_class, MqAddGuestDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, MqAddGuestDialog, answer_row);
  gtk_widget_class_bind_template_child (widget_class, MqAddGuestDialog, party_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_changed);

  gtk_widget_class_install_action (widget_class, "guest.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mq_add_guest_dialog_init (MqAddGuestDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = mq_person_row_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_view_set_factory (self->people_list, factory);
}

MqAddGuestDialog *
mq_add_guest_dialog_new (GtkWindow *parent,
                         MqStore   *store,
                         MqEvent   *event)
{
  MqAddGuestDialog *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);
  g_return_val_if_fail (MQ_IS_EVENT (event), NULL);

  self = g_object_new (MQ_TYPE_ADD_GUEST_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->people = mq_person_list_model_new (store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->people)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (update_add_enabled), self);
  gtk_list_view_set_model (self->people_list, GTK_SELECTION_MODEL (self->selection));
  adw_window_title_set_subtitle (self->window_title, mq_event_get_title (event));
  update_add_enabled (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));

  return self;
}
