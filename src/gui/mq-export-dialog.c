/* mq-export-dialog.c: an event's guest list, calendar entry or contacts as a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-attendee-export.h"
#include "mq-export-dialog.h"
#include "mq-ics-writer.h"
#include "mq-vcard-writer.h"
#include "mq-window.h"

typedef enum
{
  FORMAT_CSV,
  FORMAT_ICS,
  FORMAT_VCARD,
} ExportFormat;

struct _MqExportDialog
{
  AdwWindow             parent_instance;

  MqStore              *store;
  gint64                event_id;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  GtkWindow            *parent;      /* (weak) where the outcome is told */

  /* Template widgets */
  GtkWidget            *export_button;
  AdwToastOverlay      *toast_overlay;
  AdwComboRow          *format_row;
  GtkWidget            *csv_group;
  GtkWidget            *vcard_group;
  AdwComboRow          *preset_row;
  GtkSwitch            *bom_switch;
  GtkSwitch            *semicolon_switch;
};

G_DEFINE_FINAL_TYPE (MqExportDialog, mq_export_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  char             *db_path;
  gint64            event_id;
  ExportFormat      format;
  MqAttendeePreset  preset;
  MqCsvWriteFlags   flags;
  GFile            *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_clear_object (&job->file);
  g_free (job);
}

/* Guests who are coming or may come; the writer keeps those who agreed
 * to be listed.
 */
static GPtrArray *
event_people (MqStore  *store,
              gint64    event_id,
              GError  **error)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(GPtrArray) rsvps = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(rsvps = mq_rsvp_ledger_list (ledger, event_id, error)))
    return NULL;

  for (guint i = 0; i < rsvps->len; i++)
    {
      MqRsvp *rsvp = g_ptr_array_index (rsvps, i);
      MqPerson *person;

      if (mq_rsvp_get_status (rsvp) == MQ_RSVP_STATUS_DECLINED ||
          mq_rsvp_get_status (rsvp) == MQ_RSVP_STATUS_CANCELLED)
        continue;

      if (!(person = mq_person_directory_get (directory, mq_rsvp_get_person_id (rsvp), error)))
        return NULL;
      g_ptr_array_add (people, person);
    }

  return g_steal_pointer (&people);
}

static gboolean
write_export (ExportJob      *job,
              GOutputStream  *out,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(MqStore) store = NULL;
  g_autoptr(MqEventCatalog) catalog = NULL;
  g_autoptr(MqEvent) event = NULL;
  g_autoptr(GPtrArray) people = NULL;

  if (!(store = mq_store_open (job->db_path, error)))
    return FALSE;

  switch (job->format)
    {
    case FORMAT_CSV:
      return mq_attendee_export_write (store, job->event_id, job->preset, job->flags, out, cancellable, error);

    case FORMAT_ICS:
      catalog = mq_event_catalog_new (store);
      if (!(event = mq_event_catalog_get (catalog, job->event_id, error)))
        return FALSE;
      return mq_ics_write_to_stream (&event, 1, out, cancellable, error);

    case FORMAT_VCARD:
      if (!(people = event_people (store, job->event_id, error)))
        return FALSE;
      return mq_vcard_write_to_stream ((MqPerson * const *) people->pdata, people->len, out, NULL,
                                       cancellable, error);

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The file appears whole or not at all: a failed export leaves whatever
 * was there before.
 */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GFileOutputStream) out = NULL;
  GError *error = NULL;

  if (!(out = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!write_export (job, G_OUTPUT_STREAM (out), cancellable, &error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      g_task_return_error (task, error);
      return;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
run_export (ExportJob           *job,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, run_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
tell_exported (GtkWidget *widget,
               GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *message = g_strdup_printf (_("Saved as “%s”"), name);

  mq_window_toast_for (widget, message, FALSE);
}

/* A file name from the event's title, safe on every file system. */
static char *
suggested_name (MqStore    *store,
                gint64      event_id,
                const char *suffix)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqEvent) event = mq_event_catalog_get (catalog, event_id, NULL);
  g_autofree char *title = g_strdup (event != NULL ? mq_event_get_title (event) : "event");

  g_strdelimit (title, "/\\:*?\"<>|", '-');
  return g_strconcat (title, suffix, NULL);
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MqExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = ((ExportJob *) g_task_get_task_data (G_TASK (result)))->file;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self->toast_overlay != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      if (self->export_button != NULL)
        gtk_widget_set_sensitive (self->export_button, TRUE);
      return;
    }

  if (self->parent != NULL)
    tell_exported (GTK_WIDGET (self->parent), file);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
mq_export_dialog_export_to (MqExportDialog *self,
                            GFile          *file)
{
  ExportJob *job;

  g_return_if_fail (MQ_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (mq_store_get_path (self->store));
  job->event_id = self->event_id;
  job->format = adw_combo_row_get_selected (self->format_row);
  job->preset = adw_combo_row_get_selected (self->preset_row);
  job->file = g_object_ref (file);
  if (gtk_switch_get_active (self->bom_switch))
    job->flags |= MQ_CSV_WRITE_BOM;
  if (gtk_switch_get_active (self->semicolon_switch))
    job->flags |= MQ_CSV_WRITE_SEMICOLON;

  gtk_widget_set_sensitive (self->export_button, FALSE);
  run_export (job, self->cancellable, on_exported, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     MqExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      mq_export_dialog_export_to (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MqExportDialog *self = MQ_EXPORT_DIALOG (widget);
  static const char * const suffixes[] = { ".csv", ".ics", ".vcf" };
  static const char * const preset_suffixes[] = { " - door.csv", " - guests.csv", " - greeters.csv" };
  guint format = adw_combo_row_get_selected (self->format_row);
  g_autofree char *name = NULL;

  if (self->chooser != NULL || format >= G_N_ELEMENTS (suffixes))
    return;

  name = suggested_name (self->store, self->event_id,
                         format == FORMAT_CSV ? preset_suffixes[MIN (adw_combo_row_get_selected (self->preset_row), 2)]
                                              : suffixes[format]);
  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_format_changed (AdwComboRow    *row,
                   GParamSpec     *pspec,
                   MqExportDialog *self)
{
  guint format = adw_combo_row_get_selected (row);

  gtk_widget_set_visible (self->csv_group, format == FORMAT_CSV);
  gtk_widget_set_visible (self->vcard_group, format == FORMAT_VCARD);
}

static void
mq_export_dialog_dispose (GObject *object)
{
  MqExportDialog *self = MQ_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->parent);

  gtk_widget_dispose_template (GTK_WIDGET (self), MQ_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (mq_export_dialog_parent_class)->dispose (object);
}

static void
mq_export_dialog_finalize (GObject *object)
{
  MqExportDialog *self = MQ_EXPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mq_export_dialog_parent_class)->finalize (object);
}

static void
mq_export_dialog_class_init (MqExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_export_dialog_dispose;
  object_class->finalize = mq_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/marqueeapp/Marquee/mq-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MqExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, MqExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MqExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, MqExportDialog, csv_group);
  gtk_widget_class_bind_template_child (widget_class, MqExportDialog, vcard_group);
  gtk_widget_class_bind_template_child (widget_class, MqExportDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, MqExportDialog, bom_switch);
  gtk_widget_class_bind_template_child (widget_class, MqExportDialog, semicolon_switch);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mq_export_dialog_init (MqExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (on_format_changed), self, 0);
}

MqExportDialog *
mq_export_dialog_new (GtkWindow *parent,
                      MqStore   *store,
                      gint64     event_id)
{
  MqExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MQ_IS_STORE (store), NULL);
  g_return_val_if_fail (event_id > 0, NULL);

  self = g_object_new (MQ_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->event_id = event_id;
  g_set_weak_pointer (&self->parent, parent);

  return self;
}

typedef struct
{
  GtkWidget *widget;
  MqStore   *store;
  gint64     event_id;
} CalendarRequest;

static void
calendar_request_free (CalendarRequest *request)
{
  g_clear_object (&request->widget);
  g_clear_object (&request->store);
  g_free (request);
}

static void
on_calendar_written (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = ((ExportJob *) g_task_get_task_data (G_TASK (result)))->file;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    mq_window_toast_for (widget, error->message, FALSE);
  else
    tell_exported (widget, file);
}

static void
on_calendar_chosen (GtkNativeDialog *chooser,
                    int              response,
                    CalendarRequest *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      ExportJob *job = g_new0 (ExportJob, 1);

      job->db_path = g_strdup (mq_store_get_path (request->store));
      job->event_id = request->event_id;
      job->format = FORMAT_ICS;
      job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      run_export (job, NULL, on_calendar_written, g_object_ref (request->widget));
    }

  calendar_request_free (request);
  g_object_unref (chooser);
}

void
mq_export_add_to_calendar (GtkWidget *widget,
                           MqStore   *store,
                           gint64     event_id)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  CalendarRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (MQ_IS_STORE (store));

  request = g_new0 (CalendarRequest, 1);
  request->widget = g_object_ref (widget);
  request->store = g_object_ref (store);
  request->event_id = event_id;

  name = suggested_name (store, event_id, ".ics");
  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  chooser = gtk_file_chooser_native_new (_("Add to Calendar"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_calendar_chosen), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
