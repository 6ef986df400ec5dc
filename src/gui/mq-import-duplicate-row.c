/* mq-import-duplicate-row.c: an imported row beside the person it may be
 *
 * The importer never merges by name: it only notes that a new person shares
 * a name with someone already in the directory. This row puts the two side
 * by side with what tells people apart (emails, handles, past RSVPs) and,
 * once the import is written, lets the organizer merge them through the
 * usual merge dialog or keep both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-import-duplicate-row"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-import-duplicate-row.h"
#include "mq-merge-dialog.h"
#include "mq-person-attendance.h"

struct _MqImportDuplicateRow
{
  GtkListBoxRow  parent_instance;

  MqStore       *store;
  guint          line;
  char          *name;
  char          *email;
  gint64         person_id;
  gint64         existing_id;
  gboolean       imported;
  gboolean       merged;

  /* Template widgets */
  GtkLabel      *incoming_caption;
  GtkLabel      *incoming_name;
  GtkLabel      *incoming_details;
  GtkLabel      *existing_caption;
  GtkLabel      *existing_name;
  GtkLabel      *existing_details;
  GtkLabel      *existing_events;
  GtkWidget     *actions_box;
  GtkWidget     *merge_button;
  GtkWidget     *keep_button;
  GtkLabel      *state_label;
};

G_DEFINE_FINAL_TYPE (MqImportDuplicateRow, mq_import_duplicate_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_MERGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_text (GtkLabel   *label,
          const char *text,
          gboolean    missing)
{
  gtk_label_set_label (label, text);
  if (missing)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

/* One contact per line: an organizer compares them at a glance. */
static char *
describe_contacts (MqPerson *person)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (mq_person_get_email (person) != NULL)
    g_ptr_array_add (lines, g_strdup (mq_person_get_email (person)));
  if (mq_person_get_mastodon (person) != NULL)
    /* Translators: %s is a Mastodon handle such as @ana@films.example */
    g_ptr_array_add (lines, g_strdup_printf (_("Mastodon %s"), mq_person_get_mastodon (person)));
  if (mq_person_get_bluesky (person) != NULL)
    /* Translators: %s is a Bluesky handle such as ana.bsky.social */
    g_ptr_array_add (lines, g_strdup_printf (_("Bluesky @%s"), mq_person_get_bluesky (person)));

  if (lines->len == 0)
    return NULL;

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static char *
describe_events (MqStore *store,
                 gint64   person_id)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  if (!(events = mq_person_attendance_list (store, person_id, &error)))
    {
      g_warning ("Cannot count the RSVPs of person %" G_GINT64_FORMAT ": %s", person_id, error->message);
      return NULL;
    }

  if (events->len == 0)
    return g_strdup (_("No RSVPs yet"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "RSVP’d to %u event", "RSVP’d to %u events", events->len),
                          events->len);
}

static void
show_state (MqImportDuplicateRow *self,
            const char           *state)
{
  gtk_label_set_label (self->state_label, state);
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), state != NULL);
  gtk_widget_set_visible (self->actions_box, self->imported && state == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicate.merge", self->imported && state == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicate.keep-both", self->imported && state == NULL);
}

static void
fill_incoming (MqImportDuplicateRow *self)
{
  /* Translators: %u is a line number of the imported file */
  g_autofree char *caption = g_strdup_printf (_("Line %u of the file"), self->line);
  g_autofree char *merge_label = NULL;
  g_autofree char *keep_label = NULL;

  gtk_label_set_label (self->incoming_caption, caption);
  gtk_label_set_label (self->incoming_name, self->name);
  set_text (self->incoming_details, self->email != NULL ? self->email : _("No email in the file"),
            self->email == NULL);

  /* Every row has the same two buttons: say whose they are. */
  /* Translators: %s is a person's name; read out for the "Merge…" button */
  merge_label = g_strdup_printf (_("Merge the two records of %s"), self->name);
  /* Translators: %s is a person's name; read out for the "Keep Both" button */
  keep_label = g_strdup_printf (_("Keep both records of %s"), self->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->merge_button), GTK_ACCESSIBLE_PROPERTY_LABEL, merge_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->keep_button), GTK_ACCESSIBLE_PROPERTY_LABEL, keep_label, -1);
}

/* Returns FALSE when the person is not in the directory (any more). */
static gboolean
fill_existing (MqImportDuplicateRow *self)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (self->store);
  g_autoptr(MqPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *events = NULL;

  if (!(person = mq_person_directory_get (directory, self->existing_id, &error)))
    {
      if (!g_error_matches (error, MQ_ERROR, MQ_ERROR_NOT_FOUND))
        g_warning ("Cannot load person %" G_GINT64_FORMAT ": %s", self->existing_id, error->message);

      gtk_label_set_label (self->existing_name, self->name);
      gtk_widget_set_visible (GTK_WIDGET (self->existing_events), FALSE);
      /* A dry run rolled back the new people: a namesake that is gone now
       * came from an earlier row of the same file.
       */
      if (!self->imported)
        {
          gtk_label_set_label (self->existing_caption, _("Earlier in the file"));
          set_text (self->existing_details, _("Another row of this file has the same name."), TRUE);
        }
      else
        set_text (self->existing_details, _("No longer in the directory."), TRUE);
      return FALSE;
    }

  contacts = describe_contacts (person);
  events = describe_events (self->store, self->existing_id);

  gtk_label_set_label (self->existing_caption, _("In the directory"));
  gtk_label_set_label (self->existing_name, mq_person_get_name (person));
  set_text (self->existing_details, contacts != NULL ? contacts : _("No email or handle"), contacts == NULL);
  gtk_label_set_label (self->existing_events, events);
  gtk_widget_set_visible (GTK_WIDGET (self->existing_events), events != NULL);
  return TRUE;
}

static gboolean
person_exists (MqImportDuplicateRow *self,
               gint64                id)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (self->store);
  g_autoptr(MqPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  if (!(person = mq_person_directory_get (directory, id, &error)) &&
      !g_error_matches (error, MQ_ERROR, MQ_ERROR_NOT_FOUND))
    g_warning ("Cannot load person %" G_GINT64_FORMAT ": %s", id, error->message);

  return person != NULL;
}

static void
on_merged (MqMergeDialog        *dialog,
           gint64                keep_id,
           MqImportDuplicateRow *self)
{
  self->merged = TRUE;
  /* The record that stayed now holds both: show what it became. */
  fill_existing (self);
  show_state (self, _("Merged into one person"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGED]);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  MqImportDuplicateRow *self = MQ_IMPORT_DUPLICATE_ROW (widget);
  MqMergeDialog *dialog;

  /* Either may have been merged or deleted elsewhere since the import. */
  if (!person_exists (self, self->existing_id) || !person_exists (self, self->person_id))
    {
      fill_existing (self);
      show_state (self, _("One of the two is no longer in the directory"));
      return;
    }

  dialog = mq_merge_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->existing_id);
  g_signal_connect_object (dialog, "merged", G_CALLBACK (on_merged), self, 0);
  mq_merge_dialog_set_other (dialog, self->person_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
keep_both_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_autoptr(GtkWidget) hold = g_object_ref (widget);
  GtkWidget *list = gtk_widget_get_parent (widget);

  /* Two people was the import's outcome already: only the question goes. */
  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_remove (GTK_LIST_BOX (list), widget);
}

static void
mq_import_duplicate_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  MqImportDuplicateRow *self = MQ_IMPORT_DUPLICATE_ROW (object);

  switch (prop_id)
    {
    case PROP_MERGED:
      g_value_set_boolean (value, self->merged);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_import_duplicate_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MQ_TYPE_IMPORT_DUPLICATE_ROW);

  G_OBJECT_CLASS (mq_import_duplicate_row_parent_class)->dispose (object);
}

static void
mq_import_duplicate_row_finalize (GObject *object)
{
  MqImportDuplicateRow *self = MQ_IMPORT_DUPLICATE_ROW (object);

  g_clear_object (&self->store);
  g_free (self->name);
  g_free (self->email);

  G_OBJECT_CLASS (mq_import_duplicate_row_parent_class)->finalize (object);
}

static void
mq_import_duplicate_row_class_init (MqImportDuplicateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mq_import_duplicate_row_get_property;
  object_class->dispose = mq_import_duplicate_row_dispose;
  object_class->finalize = mq_import_duplicate_row_finalize;

  properties[PROP_MERGED] =
    g_param_spec_boolean ("merged", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-import-duplicate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MqImportDuplicateRow, incoming_caption);
  gtk_widget_class_bind_template_child (widget_class, MqImportDuplicateRow, incoming_name);
  gtk_widget_class_bind_template_child (widget_class, MqImportDuplicateRow, incoming_details);
  gtk_widget_class_bind_template_child (widget_class, MqImportDuplicateRow, existing_caption);
  gtk_widget_class_bind_template_child (widget_class, MqImportDuplicateRow, existing_name);
  gtk_widget_class_bind_template_child (widget_class, MqImportDuplicateRow, existing_details);
  gtk_widget_class_bind_template_child (widget_class, MqImportDuplicateRow, existing_events);
  gtk_widget_class_bind_template_child (widget_class, MqImportDuplicateRow, actions_box);
  gtk_widget_class_bind_template_child (widget_class, MqImportDuplicateRow, merge_button);
  gtk_widget_class_bind_template_child (widget_class, MqImportDuplicateRow, keep_button);
  gtk_widget_class_bind_template_child (widget_class, MqImportDuplicateRow, state_label);

  gtk_widget_class_install_action (widget_class, "duplicate.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "duplicate.keep-both", NULL, keep_both_action);
}

static void
mq_import_duplicate_row_init (MqImportDuplicateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mq_import_duplicate_row_new (MqStore           *store,
                             MqImportDuplicate *duplicate,
                             gboolean           imported)
{
  MqImportDuplicateRow *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);
  g_return_val_if_fail (duplicate != NULL, NULL);

  self = g_object_new (MQ_TYPE_IMPORT_DUPLICATE_ROW, NULL);
  self->store = g_object_ref (store);
  self->line = duplicate->line;
  self->name = g_strdup (duplicate->name);
  self->email = g_strdup (duplicate->email);
  self->person_id = duplicate->person_id;
  self->existing_id = duplicate->existing_id;
  self->imported = imported;

  fill_incoming (self);
  if (!fill_existing (self) && imported)
    show_state (self, _("One of the two is no longer in the directory"));
  else
    show_state (self, NULL);

  return GTK_WIDGET (self);
}

gboolean
mq_import_duplicate_row_get_merged (MqImportDuplicateRow *self)
{
  g_return_val_if_fail (MQ_IS_IMPORT_DUPLICATE_ROW (self), FALSE);

  return self->merged;
}
