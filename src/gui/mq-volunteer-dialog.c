/* mq-volunteer-dialog.c: who helps at an event, as a greeter or at the door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-volunteer-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-volunteer-dialog.h"
#include "mq-volunteer-roster.h"

/* Enough to pick from, few enough to read; the directory can be huge. */
#define N_PEOPLE 8

struct _MqVolunteerDialog
{
  AdwWindow          parent_instance;

  MqStore           *store;
  MqVolunteerRoster *roster;
  MqPersonDirectory *directory;
  gint64             event_id;
  GArray            *person_ids;  /* gint64, parallel to the rows of people_list */

  /* Template widgets */
  AdwWindowTitle    *window_title;
  AdwToastOverlay   *toast_overlay;
  AdwComboRow       *role_row;
  GtkSearchEntry    *search_entry;
  GtkListBox        *people_list;
  GtkLabel          *search_hint;
  GtkStack          *roster_stack;
  GtkListBox        *roster_list;
};

G_DEFINE_FINAL_TYPE (MqVolunteerDialog, mq_volunteer_dialog, ADW_TYPE_WINDOW)

/* The order of the role row's items. */
static const MqVolunteerRole roles[] = { MQ_VOLUNTEER_ROLE_GREETER, MQ_VOLUNTEER_ROLE_DOOR };

static const char *
describe_role (MqVolunteerRole role)
{
  switch (role)
    {
    case MQ_VOLUNTEER_ROLE_ORGANIZER:
      return C_("volunteer role", "Organizer");
    case MQ_VOLUNTEER_ROLE_DOOR:
      return C_("volunteer role", "Door");
    case MQ_VOLUNTEER_ROLE_GREETER:
    default:
      return C_("volunteer role", "Greeter");
    }
}

static void
toast (MqVolunteerDialog *self,
       const char        *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
create_volunteer_row (MqVolunteer *volunteer)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove;
  g_autofree char *label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), volunteer->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), describe_role (volunteer->role));

  /* The organizer role comes from elsewhere; here only door and greeter. */
  if (volunteer->role == MQ_VOLUNTEER_ROLE_ORGANIZER)
    return row;

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  /* Translators: a button's label for a screen reader; %s is a person's name */
  label = g_strdup_printf (_("Take %s off the roster"), volunteer->name);
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "volunteers.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(xs)", volunteer->person_id,
                                    mq_volunteer_role_to_string (volunteer->role));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
refresh_roster (MqVolunteerDialog *self)
{
  g_autoptr(GPtrArray) volunteers = NULL;
  g_autoptr(GError) error = NULL;

  remove_all (self->roster_list);
  if (!(volunteers = mq_volunteer_roster_list (self->roster, self->event_id, &error)))
    {
      toast (self, error->message);
      return;
    }

  for (guint i = 0; i < volunteers->len; i++)
    gtk_list_box_append (self->roster_list, create_volunteer_row (g_ptr_array_index (volunteers, i)));
  gtk_stack_set_visible_child_name (self->roster_stack, volunteers->len > 0 ? "roster" : "empty");
}

static GtkWidget *
create_person_row (MqPerson *person)
{
  GtkWidget *row = adw_action_row_new ();
  const char *contact = mq_person_get_email (person);
  GtkWidget *icon;

  if (contact == NULL)
    contact = mq_person_get_mastodon (person);
  if (contact == NULL)
    contact = mq_person_get_bluesky (person);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mq_person_get_name (person));
  if (contact != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), contact);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  icon = gtk_image_new_from_icon_name ("list-add-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
search (MqVolunteerDialog *self)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  remove_all (self->people_list);
  g_array_set_size (self->person_ids, 0);

  if (query[0] == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->people_list), FALSE);
      gtk_label_set_label (self->search_hint, _("Type a name to find someone."));
      return;
    }

  if (!(people = mq_person_directory_search (self->directory, query, N_PEOPLE, &error)))
    {
      gtk_label_set_label (self->search_hint, error->message);
      return;
    }

  for (guint i = 0; i < people->len; i++)
    {
      MqPerson *person = g_ptr_array_index (people, i);
      gint64 id = mq_person_get_id (person);

      g_array_append_val (self->person_ids, id);
      gtk_list_box_append (self->people_list, create_person_row (person));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->people_list), people->len > 0);
  if (people->len == 0)
    gtk_label_set_label (self->search_hint,
                         _("Nobody in the directory matches. Add them on the People page first."));
  else if (people->len == 1)
    gtk_label_set_label (self->search_hint, _("Press Enter to add them."));
  else
    gtk_label_set_label (self->search_hint, _("Pick the right person from the list."));
}

static void
on_search_changed (GtkSearchEntry    *entry,
                   MqVolunteerDialog *self)
{
  search (self);
}

static MqVolunteerRole
selected_role (MqVolunteerDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  return roles[selected < G_N_ELEMENTS (roles) ? selected : 0];
}

static void
add_person (MqVolunteerDialog *self,
            guint              index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->people_list, index);
  MqVolunteerRole role = selected_role (self);

  if (row == NULL || index >= self->person_ids->len)
    return;

  if (!mq_volunteer_roster_add (self->roster, self->event_id,
                                g_array_index (self->person_ids, gint64, index), role, &error))
    {
      toast (self, error->message);
      return;
    }

  /* Translators: "Sam Okafor helps as Greeter" */
  message = g_strdup_printf (_("%s helps as %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                             describe_role (role));
  toast (self, message);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_person_activated (GtkListBox        *list,
                     GtkListBoxRow     *row,
                     MqVolunteerDialog *self)
{
  add_person (self, gtk_list_box_row_get_index (row));
}

/* Enter adds only an unambiguous match: a wrong greeter is worse than one key more. */
static void
on_search_activate (GtkSearchEntry    *entry,
                    MqVolunteerDialog *self)
{
  search (self);
  if (self->person_ids->len == 1)
    add_person (self, 0);
  else
    gtk_widget_error_bell (GTK_WIDGET (entry));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MqVolunteerDialog *self = MQ_VOLUNTEER_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  MqVolunteerRole role;
  const char *role_name;
  gint64 person_id;

  g_variant_get (param, "(x&s)", &person_id, &role_name);
  if (!mq_volunteer_role_from_string (role_name, &role))
    g_return_if_reached ();

  if (!mq_volunteer_roster_remove (self->roster, self->event_id, person_id, role, &error))
    toast (self, error->message);
}

/* The roster also changes from the CLI and the greeter view. */
static void
on_store_changed (MqStore           *store,
                  const char        *what,
                  MqVolunteerDialog *self)
{
  refresh_roster (self);
}

static void
mq_volunteer_dialog_finalize (GObject *object)
{
  MqVolunteerDialog *self = (MqVolunteerDialog *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->roster);
  g_clear_object (&self->directory);
  g_clear_pointer (&self->person_ids, g_array_unref);

  G_OBJECT_CLASS (mq_volunteer_dialog_parent_class)->finalize (object);
}

static void
mq_volunteer_dialog_class_init (MqVolunteerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mq_volunteer_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-volunteer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MqVolunteerDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MqVolunteerDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MqVolunteerDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, MqVolunteerDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MqVolunteerDialog, people_list);
  gtk_widget_class_bind_template_child (widget_class, MqVolunteerDialog, search_hint);
  gtk_widget_class_bind_template_child (widget_class, MqVolunteerDialog, roster_stack);
  gtk_widget_class_bind_template_child (widget_class, MqVolunteerDialog, roster_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_person_activated);

  gtk_widget_class_install_action (widget_class, "volunteers.remove", "(xs)", remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mq_volunteer_dialog_init (MqVolunteerDialog *self)
{
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

MqVolunteerDialog *
mq_volunteer_dialog_new (GtkWindow       *parent,
                         MqStore         *store,
                         gint64           event_id,
                         MqVolunteerRole  role)
{
  g_autoptr(MqEventCatalog) catalog = NULL;
  g_autoptr(MqEvent) event = NULL;
  MqVolunteerDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MQ_IS_STORE (store), NULL);
  g_return_val_if_fail (event_id > 0, NULL);

  self = g_object_new (MQ_TYPE_VOLUNTEER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->roster = mq_volunteer_roster_new (store);
  self->directory = mq_person_directory_new (store);
  self->event_id = event_id;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i] == role)
      adw_combo_row_set_selected (self->role_row, i);

  catalog = mq_event_catalog_new (store);
  if ((event = mq_event_catalog_get (catalog, event_id, NULL)) != NULL)
    adw_window_title_set_subtitle (self->window_title, mq_event_get_title (event));

  g_signal_connect_object (store, "changed::volunteers", G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (store, "changed::people", G_CALLBACK (on_store_changed), self, 0);
  refresh_roster (self);
  search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return self;
}

guint
mq_volunteer_dialog_get_n_found (MqVolunteerDialog *self)
{
  g_return_val_if_fail (MQ_IS_VOLUNTEER_DIALOG (self), 0);

  return self->person_ids->len;
}
