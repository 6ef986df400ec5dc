/* mq-event-page-printing.c: the event's door list and badges on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-event-page-printing"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-badge-sheet.h"
#include "mq-door-list-pdf.h"
#include "mq-event-page-printing.h"
#include "mq-event-page-private.h"
#include "mq-window.h"

/* Badges carry the ribbon and greeter: they are for greeting newcomers. */
#define BADGE_FLAGS (MQ_BADGE_NEWCOMER_RIBBON | MQ_BADGE_GREETER_NAME)

static void
door_list_begin_print (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       MqDoorListPdf     *door_list)
{
  guint n_pages = mq_door_list_pdf_paginate (door_list,
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
door_list_draw_page (GtkPrintOperation *operation,
                     GtkPrintContext   *context,
                     int                page,
                     MqDoorListPdf     *door_list)
{
  mq_door_list_pdf_draw_page (door_list, gtk_print_context_get_cairo_context (context), page);
}

static void
badges_draw_page (GtkPrintOperation *operation,
                  GtkPrintContext   *context,
                  int                page,
                  MqBadgeSheet      *badges)
{
  mq_badge_sheet_draw_page (badges, gtk_print_context_get_cairo_context (context), page);
}

/* The badge sheet is laid out for one paper size, to the millimetre, so the
 * cut marks line up: print on exactly that page, from its corner.
 */
static GtkPageSetup *
create_badge_page_setup (MqBadgeSheet *badges)
{
  g_autoptr(GtkPaperSize) paper = NULL;
  GtkPageSetup *setup = gtk_page_setup_new ();
  double width, height;

  mq_badge_sheet_get_page_size (badges, &width, &height);
  paper = gtk_paper_size_new_custom ("marquee-badges", _("Badge Sheet"), width, height, GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

/* The exported PDF is A4 and draws its own margins: printing starts from the
 * same page, so paper and screen agree page for page.
 */
static GtkPageSetup *
create_a4_page_setup (void)
{
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPageSetup *setup = gtk_page_setup_new ();

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

GtkPrintOperation *
mq_event_page_create_print_operation (MqEventPage  *self,
                                      MqPrintout    printout,
                                      GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *job_name = NULL;
  gint64 event_id;

  g_return_val_if_fail (MQ_IS_EVENT_PAGE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->event == NULL)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND, _("Pick an event to print its door list or badges"));
      return NULL;
    }

  event_id = mq_event_get_id (self->event);
  operation = gtk_print_operation_new ();

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  if (printout == MQ_PRINTOUT_DOOR_LIST)
    {
      g_autoptr(MqDoorListPdf) door_list = mq_door_list_pdf_new (self->store, event_id, error);
      g_autoptr(GtkPageSetup) setup = NULL;

      if (door_list == NULL)
        return NULL;

      /* Translators: a print job's name; %s is the event's title */
      job_name = g_strdup_printf (_("%s — Door List"), mq_event_get_title (self->event));
      setup = create_a4_page_setup ();
      gtk_print_operation_set_default_page_setup (operation, setup);
      gtk_print_operation_set_use_full_page (operation, TRUE);
      g_signal_connect_object (operation, "begin-print", G_CALLBACK (door_list_begin_print), door_list, 0);
      g_signal_connect_object (operation, "draw-page", G_CALLBACK (door_list_draw_page), door_list, 0);
      g_object_set_data_full (G_OBJECT (operation), "printout", g_steal_pointer (&door_list), g_object_unref);
    }
  else
    {
      g_autoptr(MqBadgeSheet) badges = NULL;
      g_autoptr(GtkPageSetup) setup = NULL;

      badges = mq_badge_sheet_new (self->store, event_id, MQ_BADGE_LAYOUT_A4_SHEET, BADGE_FLAGS, error);
      if (badges == NULL)
        return NULL;

      /* Translators: a print job's name; %s is the event's title */
      job_name = g_strdup_printf (_("%s — Badges"), mq_event_get_title (self->event));
      setup = create_badge_page_setup (badges);
      gtk_print_operation_set_default_page_setup (operation, setup);
      gtk_print_operation_set_use_full_page (operation, TRUE);
      gtk_print_operation_set_n_pages (operation, MAX (mq_badge_sheet_get_n_pages (badges), 1));
      g_signal_connect_object (operation, "draw-page", G_CALLBACK (badges_draw_page), badges, 0);
      g_object_set_data_full (G_OBJECT (operation), "printout", g_steal_pointer (&badges), g_object_unref);
    }

  gtk_print_operation_set_job_name (operation, job_name);
  return g_steal_pointer (&operation);
}

static void
print (MqEventPage *self,
       MqPrintout   printout)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->event == NULL)
    return;

  if (!(operation = mq_event_page_create_print_operation (self, printout, &error)))
    {
      mq_window_toast_for (GTK_WIDGET (self), error->message, FALSE);
      return;
    }

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s. Check the printer, or export a PDF instead."),
                                                  error->message);

      mq_window_toast_for (GTK_WIDGET (self), message, FALSE);
    }
}

static void
print_door_list_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  print (MQ_EVENT_PAGE (widget), MQ_PRINTOUT_DOOR_LIST);
}

static void
print_badges_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  print (MQ_EVENT_PAGE (widget), MQ_PRINTOUT_BADGES);
}

/* By id: the page may show another event by the time the file is chosen. */
static gboolean
write_printout (MqStore      *store,
                gint64        event_id,
                MqPrintout    printout,
                const char   *path,
                GError      **error)
{
  if (printout == MQ_PRINTOUT_DOOR_LIST)
    {
      g_autoptr(MqDoorListPdf) door_list = mq_door_list_pdf_new (store, event_id, error);

      return door_list != NULL && mq_door_list_pdf_write (door_list, path, error);
    }
  else
    {
      g_autoptr(MqBadgeSheet) badges = NULL;

      badges = mq_badge_sheet_new (store, event_id, MQ_BADGE_LAYOUT_A4_SHEET, BADGE_FLAGS, error);
      return badges != NULL && mq_badge_sheet_write (badges, path, error);
    }
}

gboolean
mq_event_page_export_printout (MqEventPage  *self,
                               MqPrintout    printout,
                               const char   *path,
                               GError      **error)
{
  g_return_val_if_fail (MQ_IS_EVENT_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->event == NULL)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND, _("Pick an event to export its door list or badges"));
      return FALSE;
    }

  return write_printout (self->store, mq_event_get_id (self->event), printout, path, error);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    MqEventPage     *self)
{
  MqPrintout printout = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "printout"));
  const gint64 *event_id = g_object_get_data (G_OBJECT (chooser), "event-id");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (path = g_file_get_path (file)) == NULL)
    message = g_strdup (_("Choose a folder on this computer to save the PDF in"));
  else if (path != NULL && !write_printout (self->store, *event_id, printout, path, &error))
    /* Translators: %s says why the file could not be written */
    message = g_strdup_printf (_("Could not save the PDF: %s"), error->message);
  else if (path != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Saved as %s"), name);
    }

  if (message != NULL)
    mq_window_toast_for (GTK_WIDGET (self), message, FALSE);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export (MqEventPage *self,
        MqPrintout   printout)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  gint64 event_id;

  if (self->event == NULL)
    return;

  event_id = mq_event_get_id (self->event);
  chooser = gtk_file_chooser_native_new (printout == MQ_PRINTOUT_DOOR_LIST ? _("Export Door List") : _("Export Badges"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  name = g_strdup_printf (printout == MQ_PRINTOUT_DOOR_LIST
                          /* Translators: a file name; %s is the event's title */
                          ? _("%s - door list.pdf")
                          /* Translators: a file name; %s is the event's title */
                          : _("%s - badges.pdf"),
                          mq_event_get_title (self->event));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_object_set_data (G_OBJECT (chooser), "printout", GINT_TO_POINTER (printout));
  g_object_set_data_full (G_OBJECT (chooser), "event-id", g_memdup2 (&event_id, sizeof event_id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_door_list_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  export (MQ_EVENT_PAGE (widget), MQ_PRINTOUT_DOOR_LIST);
}

static void
export_badges_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  export (MQ_EVENT_PAGE (widget), MQ_PRINTOUT_BADGES);
}

void
_mq_event_page_class_printing_init (MqEventPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "event.print-door-list", NULL, print_door_list_action);
  gtk_widget_class_install_action (widget_class, "event.print-badges", NULL, print_badges_action);
  gtk_widget_class_install_action (widget_class, "event.export-door-list", NULL, export_door_list_action);
  gtk_widget_class_install_action (widget_class, "event.export-badges", NULL, export_badges_action);
}
