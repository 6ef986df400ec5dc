/* mq-merge-dialog.c: merge two records of the same person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mq-merge-dialog.h"
#include "mq-person-list-model.h"
#include "mq-person-row.h"
#include "mq-window.h"

typedef struct
{
  const char *property;
  const char *label;
} Field;

static const Field fields[] = {
  { "name", N_("Name") },
  { "email", N_("Email") },
  { "phone", N_("Phone") },
  { "mastodon", N_("Mastodon") },
  { "bluesky", N_("Bluesky") },
  { "organization", N_("Organization") },
  { "pronouns", N_("Pronouns") },
  { "languages", N_("Languages") },
  { "notes", N_("Notes") },
};

struct _MqMergeDialog
{
  AdwWindow           parent_instance;

  MqStore            *store;
  MqEditHistory      *history;    /* (nullable) the main window's, for undo */
  MqPersonDirectory  *directory;
  MqPersonListModel  *people;
  GtkSingleSelection *selection;
  MqPerson           *keep;
  MqPerson           *drop;       /* (nullable) until picked */
  GtkCheckButton     *take_other[G_N_ELEMENTS (fields)];
  GPtrArray          *rows;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkListView        *people_list;
  AdwPreferencesGroup *compare_group;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (MqMergeDialog, mq_merge_dialog, ADW_TYPE_WINDOW)

enum {
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_field (MqPerson   *person,
           const char *property)
{
  char *value = NULL;

  g_object_get (person, property, &value, NULL);
  return value;
}

static void
clear_rows (MqMergeDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->compare_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  memset (self->take_other, 0, sizeof self->take_other);
}

static GtkWidget *
choice_row (MqMergeDialog *self,
            guint          field,
            const char    *keep_value,
            const char    *drop_value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *keep_check = gtk_check_button_new_with_label (keep_value);
  GtkWidget *drop_check = gtk_check_button_new_with_label (drop_value);

  gtk_check_button_set_group (GTK_CHECK_BUTTON (drop_check), GTK_CHECK_BUTTON (keep_check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (keep_check), TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), keep_check);
  gtk_box_append (GTK_BOX (box), drop_check);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[field].label));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  self->take_other[field] = GTK_CHECK_BUTTON (drop_check);

  return row;
}

gboolean
mq_merge_dialog_set_other (MqMergeDialog *self,
                           gint64         drop_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  guint conflicts = 0;

  g_return_val_if_fail (MQ_IS_MERGE_DIALOG (self), FALSE);

  clear_rows (self);
  g_clear_object (&self->drop);

  if (drop_id == mq_person_get_id (self->keep))
    {
      gtk_label_set_label (self->error_label, _("Pick someone other than the person you started from."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  if (!(self->drop = mq_person_directory_get (self->directory, drop_id, &error)))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *keep_value = dup_field (self->keep, fields[i].property);
      g_autofree char *drop_value = dup_field (self->drop, fields[i].property);
      GtkWidget *row;

      /* An empty field is filled from the other record anyway. */
      if (keep_value == NULL || drop_value == NULL || g_str_equal (keep_value, drop_value))
        continue;

      row = choice_row (self, i, keep_value, drop_value);
      adw_preferences_group_add (self->compare_group, row);
      g_ptr_array_add (self->rows, row);
      conflicts++;
    }

  /* Translators: %s is the name of the record that will be removed */
  description = g_strdup_printf (_("%s’s answers, check-ins and history move to the record that stays; "
                                   "empty fields are filled in. %s"),
                                 mq_person_get_name (self->drop),
                                 conflicts > 0 ? _("Where both have a value, pick the one to keep.")
                                               : _("No details differ."));
  adw_preferences_group_set_description (self->compare_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "compare");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.merge", TRUE);

  return TRUE;
}

gboolean
mq_merge_dialog_take_other (MqMergeDialog *self,
                            const char    *field)
{
  g_return_val_if_fail (MQ_IS_MERGE_DIALOG (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].property, field) && self->take_other[i] != NULL)
      {
        gtk_check_button_set_active (self->take_other[i], TRUE);
        return TRUE;
      }

  return FALSE;
}

gboolean
mq_merge_dialog_merge (MqMergeDialog  *self,
                       GError        **error)
{
  gboolean changed = FALSE;
  gint64 keep_id, drop_id;

  g_return_val_if_fail (MQ_IS_MERGE_DIALOG (self), FALSE);

  if (self->drop == NULL)
    {
      g_set_error_literal (error, MQ_ERROR, MQ_ERROR_INVALID, _("Pick the record to merge first."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (self->take_other[i] != NULL && gtk_check_button_get_active (self->take_other[i]))
        {
          g_autofree char *value = dup_field (self->drop, fields[i].property);

          g_object_set (self->keep, fields[i].property, value, NULL);
          changed = TRUE;
        }
    }

  keep_id = mq_person_get_id (self->keep);
  drop_id = mq_person_get_id (self->drop);
  if (self->history != NULL)
    return mq_edit_history_merge_people (self->history, keep_id, changed ? self->keep : NULL,
                                         drop_id, error);

  if (changed && !mq_person_directory_update (self->directory, self->keep, error))
    return FALSE;

  return mq_person_directory_merge (self->directory, keep_id, drop_id, "organizer", error);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  MqMergeDialog *self = MQ_MERGE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!mq_merge_dialog_merge (self, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[MERGED], 0, mq_person_get_id (self->keep));
  mq_window_toast_for (GTK_WIDGET (self), _("People merged"), self->history != NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_search_changed (GtkSearchEntry *entry,
                   MqMergeDialog  *self)
{
  mq_person_list_model_set_query (self->people, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_activate (GtkListView   *list,
             guint          position,
             MqMergeDialog *self)
{
  g_autoptr(MqPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), position);

  if (person != NULL)
    mq_merge_dialog_set_other (self, mq_person_get_id (person));
}

static void
mq_merge_dialog_dispose (GObject *object)
{
  MqMergeDialog *self = (MqMergeDialog *) object;

  g_clear_object (&self->selection);
  g_clear_object (&self->people);
  g_clear_object (&self->directory);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->keep);
  g_clear_object (&self->drop);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mq_merge_dialog_parent_class)->dispose (object);
}

static void
mq_merge_dialog_class_init (MqMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_merge_dialog_dispose;

  /**
   * MqMergeDialog::merged:
   * @keep_id: the person who stayed
   */
  signals[MERGED] = g_signal_new ("merged",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (MQ_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MqMergeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MqMergeDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MqMergeDialog, people_list);
  gtk_widget_class_bind_template_child (widget_class, MqMergeDialog, compare_group);
  gtk_widget_class_bind_template_child (widget_class, MqMergeDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "merge.merge", NULL, merge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mq_merge_dialog_init (MqMergeDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = mq_person_row_factory_new ();

  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_view_set_factory (self->people_list, factory);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.merge", FALSE);
}

MqMergeDialog *
mq_merge_dialog_new (GtkWindow *parent,
                     MqStore   *store,
                     gint64     keep_id)
{
  MqMergeDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_MERGE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->directory = mq_person_directory_new (store);

  /* Merged from the People page or from an import over the main window:
   * the window's history makes it undoable.
   */
  for (GtkWindow *window = parent; window != NULL; window = gtk_window_get_transient_for (window))
    {
      if (MQ_IS_WINDOW (window))
        {
          self->history = g_object_ref (mq_window_get_history (MQ_WINDOW (window)));
          break;
        }
    }
  self->keep = mq_person_directory_get (self->directory, keep_id, &error);
  if (self->keep == NULL)
    g_critical ("Cannot merge into person %" G_GINT64_FORMAT ": %s", keep_id, error->message);
  self->people = mq_person_list_model_new (store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->people)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_list_view_set_model (self->people_list, GTK_SELECTION_MODEL (self->selection));

  /* Most duplicates share a name: start by searching for it. */
  if (self->keep != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), mq_person_get_name (self->keep));

  return self;
}
