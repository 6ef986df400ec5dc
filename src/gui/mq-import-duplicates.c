/* mq-import-duplicates.c: the import's possible duplicates, to compare and resolve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-import-duplicates"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-import-duplicate-row.h"
#include "mq-import-duplicates.h"

/* Each row reads the directory and builds a dozen widgets: a file whose
 * names repeat a lot must not stall the window, so rows come a page at a
 * time.
 */
#define PAGE_SIZE 50

struct _MqImportDuplicates
{
  AdwPreferencesGroup  parent_instance;

  MqStore             *store;
  GPtrArray           *duplicates; /* (element-type MqImportDuplicate) */
  guint                shown;
  gboolean             imported;

  /* Template widgets */
  GtkListBox          *list;
  GtkButton           *more_button;
};

G_DEFINE_FINAL_TYPE (MqImportDuplicates, mq_import_duplicates, ADW_TYPE_PREFERENCES_GROUP)

static void
show_page (MqImportDuplicates *self)
{
  guint end = MIN (self->shown + PAGE_SIZE, self->duplicates->len);
  guint next;

  for (; self->shown < end; self->shown++)
    gtk_list_box_append (self->list,
                         mq_import_duplicate_row_new (self->store, g_ptr_array_index (self->duplicates, self->shown),
                                                      self->imported));

  next = MIN (PAGE_SIZE, self->duplicates->len - self->shown);
  if (next > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More", "Show %u More", next),
                                                next);

      gtk_button_set_label (self->more_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), next > 0);
}

static void
show_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  show_page (MQ_IMPORT_DUPLICATES (widget));
}

void
mq_import_duplicates_show (MqImportDuplicates *self,
                           MqStore            *store,
                           GPtrArray          *duplicates,
                           gboolean            imported)
{
  GtkWidget *child;

  g_return_if_fail (MQ_IS_IMPORT_DUPLICATES (self));
  g_return_if_fail (MQ_IS_STORE (store));
  g_return_if_fail (duplicates != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  self->duplicates = g_ptr_array_ref (duplicates);
  self->shown = 0;
  self->imported = imported;

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         imported ? _("Each of these rows became a new person who shares a name with "
                                                      "someone in the directory. Nothing was merged: merge the ones "
                                                      "that are the same person, keep both where they are not.")
                                                  : _("These rows would become new people who share a name with "
                                                      "someone in the directory. Nothing is merged by name alone: "
                                                      "once imported, each pair can be merged or kept."));
  show_page (self);
  gtk_widget_set_visible (GTK_WIDGET (self), duplicates->len > 0);
}

static void
mq_import_duplicates_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MQ_TYPE_IMPORT_DUPLICATES);

  G_OBJECT_CLASS (mq_import_duplicates_parent_class)->dispose (object);
}

static void
mq_import_duplicates_finalize (GObject *object)
{
  MqImportDuplicates *self = MQ_IMPORT_DUPLICATES (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);

  G_OBJECT_CLASS (mq_import_duplicates_parent_class)->finalize (object);
}

static void
mq_import_duplicates_class_init (MqImportDuplicatesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_import_duplicates_dispose;
  object_class->finalize = mq_import_duplicates_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-import-duplicates.ui");
  gtk_widget_class_bind_template_child (widget_class, MqImportDuplicates, list);
  gtk_widget_class_bind_template_child (widget_class, MqImportDuplicates, more_button);

  gtk_widget_class_install_action (widget_class, "duplicates.show-more", NULL, show_more_action);
}

static void
mq_import_duplicates_init (MqImportDuplicates *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
