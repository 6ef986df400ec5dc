/* mq-person-page.c: one person's details and events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-person-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mq-display-text.h"
#include "mq-merge-dialog.h"
#include "mq-person-attendance.h"
#include "mq-person-page.h"
#include "mq-window.h"

struct _MqPersonPage
{
  GtkWidget            parent_instance;

  MqEditHistory       *history;
  MqStore             *store;
  MqPersonDirectory   *directory;
  gint64               person_id;
  MqPerson            *shown;      /* (nullable) as loaded into the form */
  gboolean             folded;
  GPtrArray           *event_rows;

  /* Template widgets */
  AdwSqueezer         *title_squeezer;
  AdwWindowTitle      *window_title;
  GtkWidget           *heading_group;
  GtkLabel            *name_label;
  GtkLabel            *error_label;
  AdwEntryRow         *name_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *organization_row;
  AdwEntryRow         *pronouns_row;
  AdwEntryRow         *languages_row;
  AdwEntryRow         *mastodon_row;
  AdwEntryRow         *bluesky_row;
  AdwEntryRow         *tags_row;
  AdwEntryRow         *notes_row;
  GtkSwitch           *contact_switch;
  GtkSwitch           *photo_switch;
  GtkSwitch           *listed_switch;
  AdwPreferencesGroup *events_group;
};

G_DEFINE_FINAL_TYPE (MqPersonPage, mq_person_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
mark_error (AdwEntryRow *row,
            gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
show_error (MqPersonPage *self,
            const char   *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
clear_event_rows (MqPersonPage *self)
{
  for (guint i = 0; i < self->event_rows->len; i++)
    adw_preferences_group_remove (self->events_group, g_ptr_array_index (self->event_rows, i));
  g_ptr_array_set_size (self->event_rows, 0);
}

static void
add_event_row (MqPersonPage       *self,
               const MqAttendance *attendance)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = attendance->starts_at != NULL ? mq_display_date_time (attendance->starts_at)
                                                        : g_strdup ("");
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_subtitle = NULL;

  if (attendance->attended)
    /* Translators: the person's answer to an event, and that they came */
    subtitle = g_strdup_printf (_("%s · %s · came"), when, mq_display_rsvp_status (attendance->status));
  else
    subtitle = g_strdup_printf (_("%s · %s"), when, mq_display_rsvp_status (attendance->status));

  /* Titles are markup in libadwaita 1.2 whatever "use-markup" says. */
  escaped_title = g_markup_escape_text (attendance->title, -1);
  escaped_subtitle = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  if (attendance->attended)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_set_tooltip_text (icon, _("Checked in"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-event");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", attendance->event_id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  adw_preferences_group_add (self->events_group, row);
  g_ptr_array_add (self->event_rows, row);
}

static void
load_events (MqPersonPage *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  guint came = 0;

  clear_event_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->events_group), self->person_id != 0);
  if (self->person_id == 0)
    return;

  if (!(events = mq_person_attendance_list (self->store, self->person_id, &error)))
    {
      adw_preferences_group_set_description (self->events_group, error->message);
      return;
    }

  for (guint i = 0; i < events->len; i++)
    {
      const MqAttendance *attendance = g_ptr_array_index (events, i);

      came += attendance->attended ? 1 : 0;
      add_event_row (self, attendance);
    }

  if (events->len == 0)
    description = g_strdup (_("No answers to any event yet."));
  else
    /* Translators: e.g. "Answered 5 events, came to 3" */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Answered %u event, came to %u",
                                                "Answered %u events, came to %u", events->len),
                                   events->len, came);
  adw_preferences_group_set_description (self->events_group, description);
}

/* The squeezer gives up the header title when the name would be cut
 * there; the heading on the page takes it over.
 */
static void
on_title_squeezed (MqPersonPage *self)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (self->title_squeezer);

  gtk_widget_set_visible (self->heading_group, shown != GTK_WIDGET (self->window_title));
}

static void
load_person (MqPersonPage *self,
             MqPerson     *person)
{
  g_autofree char *tags = NULL;
  const char *title;

  g_set_object (&self->shown, person);
  set_entry_text (self->name_row, person != NULL ? mq_person_get_name (person) : NULL);
  set_entry_text (self->email_row, person != NULL ? mq_person_get_email (person) : NULL);
  set_entry_text (self->phone_row, person != NULL ? mq_person_get_phone (person) : NULL);
  set_entry_text (self->organization_row, person != NULL ? mq_person_get_organization (person) : NULL);
  set_entry_text (self->pronouns_row, person != NULL ? mq_person_get_pronouns (person) : NULL);
  set_entry_text (self->languages_row, person != NULL ? mq_person_get_languages (person) : NULL);
  set_entry_text (self->mastodon_row, person != NULL ? mq_person_get_mastodon (person) : NULL);
  set_entry_text (self->bluesky_row, person != NULL ? mq_person_get_bluesky (person) : NULL);
  set_entry_text (self->notes_row, person != NULL ? mq_person_get_notes (person) : NULL);
  if (person != NULL && mq_person_get_tags (person) != NULL)
    tags = g_strjoinv (", ", (char **) mq_person_get_tags (person));
  set_entry_text (self->tags_row, tags);
  gtk_switch_set_active (self->contact_switch, person != NULL && mq_person_get_consent_contact (person));
  gtk_switch_set_active (self->photo_switch, person != NULL && mq_person_get_consent_photo (person));
  gtk_switch_set_active (self->listed_switch, person != NULL && mq_person_get_consent_listed (person));

  title = person != NULL ? mq_person_get_name (person) : _("New Person");
  adw_window_title_set_title (self->window_title, title);
  gtk_label_set_label (self->name_label, title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.merge", person != NULL);

  for (AdwEntryRow **row = (AdwEntryRow *[]) { self->name_row, self->email_row, self->mastodon_row,
                                               self->bluesky_row, NULL };
       *row != NULL; row++)
    mark_error (*row, FALSE);
  show_error (self, NULL);
}

void
mq_person_page_set_person_id (MqPersonPage *self,
                              gint64        person_id)
{
  g_autoptr(MqPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MQ_IS_PERSON_PAGE (self));

  if (self->directory == NULL)
    return;

  if (person_id != 0 && !(person = mq_person_directory_get (self->directory, person_id, &error)))
    {
      g_warning ("Could not open person %" G_GINT64_FORMAT ": %s", person_id, error->message);
      person_id = 0;
    }

  self->person_id = person_id;
  load_person (self, person);
  load_events (self);
}

static gboolean
text_matches (AdwEntryRow *row,
              const char  *value)
{
  return g_strcmp0 (entry_text (row), value != NULL ? value : "") == 0;
}

/* Whether the form still shows what was loaded: nothing typed since. */
static gboolean
form_is_unchanged (MqPersonPage *self)
{
  MqPerson *person = self->shown;
  g_autofree char *tags = NULL;

  if (person == NULL)
    return FALSE;

  tags = mq_person_get_tags (person) != NULL ? g_strjoinv (", ", (char **) mq_person_get_tags (person))
                                             : NULL;
  return text_matches (self->name_row, mq_person_get_name (person)) &&
         text_matches (self->email_row, mq_person_get_email (person)) &&
         text_matches (self->phone_row, mq_person_get_phone (person)) &&
         text_matches (self->organization_row, mq_person_get_organization (person)) &&
         text_matches (self->pronouns_row, mq_person_get_pronouns (person)) &&
         text_matches (self->languages_row, mq_person_get_languages (person)) &&
         text_matches (self->mastodon_row, mq_person_get_mastodon (person)) &&
         text_matches (self->bluesky_row, mq_person_get_bluesky (person)) &&
         text_matches (self->notes_row, mq_person_get_notes (person)) &&
         text_matches (self->tags_row, tags) &&
         gtk_switch_get_active (self->contact_switch) == mq_person_get_consent_contact (person) &&
         gtk_switch_get_active (self->photo_switch) == mq_person_get_consent_photo (person) &&
         gtk_switch_get_active (self->listed_switch) == mq_person_get_consent_listed (person);
}

gboolean
mq_person_page_reload (MqPersonPage *self)
{
  g_autoptr(MqPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MQ_IS_PERSON_PAGE (self), FALSE);

  if (self->person_id == 0 || self->directory == NULL)
    return TRUE;

  person = mq_person_directory_get (self->directory, self->person_id, &error);
  if (g_error_matches (error, MQ_ERROR, MQ_ERROR_NOT_FOUND))
    {
      mq_person_page_set_person_id (self, 0);
      return FALSE;
    }
  if (person == NULL)
    {
      g_warning ("Could not read person %" G_GINT64_FORMAT " again: %s", self->person_id, error->message);
      return TRUE;
    }

  /* What an undo put back shows, unless the organizer is typing. */
  if (form_is_unchanged (self))
    load_person (self, person);
  load_events (self);
  return TRUE;
}

gint64
mq_person_page_get_person_id (MqPersonPage *self)
{
  g_return_val_if_fail (MQ_IS_PERSON_PAGE (self), 0);

  return self->person_id;
}

void
mq_person_page_focus_name (MqPersonPage *self)
{
  g_return_if_fail (MQ_IS_PERSON_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static char **
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (tags, g_strdup (parts[i]));
    }
  g_ptr_array_add (tags, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

/* What the directory would refuse, marked on the field that caused it. */
static gboolean
validate (MqPersonPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (entry_text (self->name_row)));
  const char *email = entry_text (self->email_row);
  const char *at = strchr (email, '@');
  const char *mastodon = entry_text (self->mastodon_row);
  gboolean bad_email = email[0] != '\0' && (at == NULL || strchr (at, '.') == NULL || strchr (at + 1, '@') != NULL);
  gboolean bad_mastodon = mastodon[0] != '\0' && strchr (mastodon[0] == '@' ? mastodon + 1 : mastodon, '@') == NULL;
  const char *message = NULL;

  mark_error (self->name_row, name[0] == '\0');
  mark_error (self->email_row, bad_email);
  mark_error (self->mastodon_row, bad_mastodon);

  if (bad_mastodon)
    message = _("A Mastodon handle looks like @name@server.social.");
  if (bad_email)
    message = _("This email address is missing its “@” or domain.");
  if (name[0] == '\0')
    message = _("Enter a name.");

  show_error (self, message);
  return message == NULL;
}

gboolean
mq_person_page_save (MqPersonPage *self)
{
  g_autoptr(MqPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *name = NULL;
  gboolean created;

  g_return_val_if_fail (MQ_IS_PERSON_PAGE (self), FALSE);

  if (!validate (self))
    return FALSE;

  created = self->person_id == 0;
  if (created)
    person = mq_person_new ();
  else if (!(person = mq_person_directory_get (self->directory, self->person_id, &error)))
    {
      show_error (self, error->message);
      return FALSE;
    }

  name = g_strstrip (g_strdup (entry_text (self->name_row)));
  tags = split_tags (entry_text (self->tags_row));
  mq_person_set_name (person, name);
  mq_person_set_email (person, entry_text (self->email_row));
  mq_person_set_phone (person, entry_text (self->phone_row));
  mq_person_set_organization (person, entry_text (self->organization_row));
  mq_person_set_pronouns (person, entry_text (self->pronouns_row));
  mq_person_set_languages (person, entry_text (self->languages_row));
  mq_person_set_mastodon (person, entry_text (self->mastodon_row));
  mq_person_set_bluesky (person, entry_text (self->bluesky_row));
  mq_person_set_notes (person, entry_text (self->notes_row));
  mq_person_set_tags (person, (const char * const *) tags);
  mq_person_set_consent_contact (person, gtk_switch_get_active (self->contact_switch));
  mq_person_set_consent_photo (person, gtk_switch_get_active (self->photo_switch));
  mq_person_set_consent_listed (person, gtk_switch_get_active (self->listed_switch));

  if (created ? mq_edit_history_add_person (self->history, person, &error) == 0
              : !mq_edit_history_update_person (self->history, person, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  mq_person_page_set_person_id (self, mq_person_get_id (person));
  mq_window_toast_for (GTK_WIDGET (self), created ? _("Person added") : _("Changes saved"), TRUE);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  mq_person_page_save (MQ_PERSON_PAGE (widget));
}

static void
on_merged (MqMergeDialog *dialog,
           gint64         keep_id,
           MqPersonPage  *self)
{
  /* The dialog says so, with the offer to undo. */
  mq_person_page_set_person_id (self, keep_id);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  MqPersonPage *self = MQ_PERSON_PAGE (widget);
  MqMergeDialog *dialog;

  if (self->person_id == 0)
    return;

  dialog = mq_merge_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->person_id);
  g_signal_connect_object (dialog, "merged", G_CALLBACK (on_merged), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_store_changed (MqStore      *store,
                  const char   *what,
                  MqPersonPage *self)
{
  load_events (self);
}

void
mq_person_page_set_history (MqPersonPage  *self,
                            MqEditHistory *history)
{
  g_return_if_fail (MQ_IS_PERSON_PAGE (self));
  g_return_if_fail (MQ_IS_EDIT_HISTORY (history));
  g_return_if_fail (self->history == NULL);

  self->history = g_object_ref (history);
  self->store = g_object_ref (mq_edit_history_get_store (history));
  self->directory = mq_person_directory_new (self->store);
  g_signal_connect_object (self->store, "changed::rsvps", G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (self->store, "changed::check-ins", G_CALLBACK (on_store_changed), self, 0);
}

static void
mq_person_page_dispose (GObject *object)
{
  MqPersonPage *self = (MqPersonPage *) object;

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), MQ_TYPE_PERSON_PAGE);
  /* GTK 4.8 only unparents the template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->event_rows, g_ptr_array_unref);
  g_clear_object (&self->shown);
  g_clear_object (&self->directory);
  g_clear_object (&self->store);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (mq_person_page_parent_class)->dispose (object);
}

static void
mq_person_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MqPersonPage *self = MQ_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_person_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MqPersonPage *self = MQ_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_person_page_class_init (MqPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_person_page_dispose;
  object_class->get_property = mq_person_page_get_property;
  object_class->set_property = mq_person_page_set_property;

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-person-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MqPersonPage, name)
  BIND (title_squeezer);
  BIND (window_title);
  BIND (heading_group);
  BIND (name_label);
  BIND (error_label);
  BIND (name_row);
  BIND (email_row);
  BIND (phone_row);
  BIND (organization_row);
  BIND (pronouns_row);
  BIND (languages_row);
  BIND (mastodon_row);
  BIND (bluesky_row);
  BIND (tags_row);
  BIND (notes_row);
  BIND (contact_switch);
  BIND (photo_switch);
  BIND (listed_switch);
  BIND (events_group);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_title_squeezed);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "person.merge", NULL, merge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "person.save", NULL);
}

static void
mq_person_page_init (MqPersonPage *self)
{
  self->event_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
