/* mq-import-window.c: the assistant that brings an attendee export into an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-import-columns.h"
#include "mq-import-duplicates.h"
#include "mq-import-job.h"
#include "mq-import-window.h"

/* Enough rows to recognise each column, few enough to read instantly. */
#define N_PREVIEW_ROWS 5

struct _MqImportWindow
{
  AdwWindow             parent_instance;

  MqStore              *store;
  gint64                event_id;
  GFile                *file;
  MqImportPreview      *preview;
  MqImportMapping      *mapping;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  guint                 dry_run_rows; /* the denominator of the real import's bar */
  gboolean              running;
  gboolean              syncing;      /* rows are being set from the model, not the user */
  GPtrArray            *column_rows;  /* (element-type AdwComboRow) */

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkLabel             *short_subtitle;
  GtkButton            *close_button;
  GtkButton            *next_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwComboRow          *platform_row;
  AdwComboRow          *encoding_row;
  AdwComboRow          *delimiter_row;
  GtkGrid              *preview_grid;
  GtkListBox           *columns_list;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
  GtkListBox           *counts_list;
  MqImportDuplicates   *review_duplicates;
  AdwPreferencesGroup  *skipped_group;
  GtkListBox           *skipped_list;
  GtkLabel             *summary_label;
  MqImportDuplicates   *summary_duplicates;
};

G_DEFINE_FINAL_TYPE (MqImportWindow, mq_import_window, ADW_TYPE_WINDOW)

static const char * const delimiters = ",;\t";

static void
toast (MqImportWindow *self,
       const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The header bar's button always names the next step. */
static void
show_stage (MqImportWindow *self,
            const char     *stage)
{
  gboolean mapping = g_str_equal (stage, "mapping");
  gboolean review = g_str_equal (stage, "review");

  gtk_stack_set_visible_child_name (self->stack, stage);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), mapping || review);
  gtk_button_set_label (self->next_button, review ? _("_Import") : _("_Preview Import"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button),
                                  review ? "import.start" : "import.dry-run");
  gtk_button_set_label (self->close_button, g_str_equal (stage, "summary") ? _("_Close") : _("_Cancel"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", g_str_equal (stage, "progress"));
}

/* The mapping's choice of every column, without echoing back as edits. */
static void
sync_column_rows (MqImportWindow *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, i),
                                mq_import_mapping_get_field (self->mapping, i));
  adw_combo_row_set_selected (self->platform_row, mq_import_mapping_get_platform (self->mapping) - 1);
  self->syncing = FALSE;
}

static void
on_column_selected (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    MqImportWindow *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  if (self->syncing || self->mapping == NULL)
    return;

  /* A field belongs to one column: the one it left shows "Ignore" now. */
  mq_import_mapping_set_field (self->mapping, column, adw_combo_row_get_selected (row));
  sync_column_rows (self);
}

static void
fill_preview (MqImportWindow *self)
{
  g_autoptr(GListModel) fields = mq_import_field_list_new ();
  guint n_columns = g_strv_length (self->preview->header);

  mq_import_columns_fill_grid (self->preview_grid, self->preview);
  clear_list (self->columns_list);
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint c = 0; c < n_columns; c++)
    {
      AdwComboRow *row = mq_import_column_row_new (self->preview, c, fields);

      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_selected), self, 0);
      gtk_list_box_append (self->columns_list, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

static void
apply_platform (MqImportWindow   *self,
                MqImportPlatform  platform)
{
  g_clear_object (&self->mapping);
  self->mapping = mq_import_mapping_new (platform, (const char * const *) self->preview->header);
  sync_column_rows (self);
}

static void load_preview (MqImportWindow *self,
                          MqCsvEncoding   encoding,
                          char            delimiter);

static void
on_preview_loaded (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MqImportWindow) self = user_data;
  g_autoptr(MqImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  const char *found;

  self->running = FALSE;
  preview = mq_import_preview_load_finish (result, &error);
  if (self->stack == NULL)   /* closed meanwhile */
    return;
  if (preview == NULL)
    {
      show_stage (self, self->preview != NULL ? "mapping" : "file");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->preview, mq_import_preview_free);
  self->preview = g_steal_pointer (&preview);

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->encoding_row, self->preview->encoding - 1);
  found = strchr (delimiters, self->preview->delimiter);
  adw_combo_row_set_selected (self->delimiter_row, found != NULL ? (guint) (found - delimiters) : 0);
  self->syncing = FALSE;

  fill_preview (self);
  apply_platform (self, MQ_IMPORT_PLATFORM_AUTO);
  show_stage (self, "mapping");
}

static void
load_preview (MqImportWindow *self,
              MqCsvEncoding   encoding,
              char            delimiter)
{
  g_autofree char *name = g_file_get_basename (self->file);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;

  adw_window_title_set_subtitle (self->window_title, name);
  gtk_label_set_label (self->short_subtitle, name);
  gtk_widget_set_visible (GTK_WIDGET (self->short_subtitle), name != NULL && *name != '\0');
  adw_status_page_set_title (self->progress_page, _("Reading the File…"));
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_progress_bar_pulse (self->progress_bar);
  show_stage (self, "progress");

  mq_import_preview_load_async (self->file, encoding, delimiter, N_PREVIEW_ROWS, self->cancellable,
                                on_preview_loaded, g_object_ref (self));
}

static void
on_reading_changed (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    MqImportWindow *self)
{
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);

  if (self->syncing || self->file == NULL || delimiter >= strlen (delimiters))
    return;

  load_preview (self, adw_combo_row_get_selected (self->encoding_row) + 1, delimiters[delimiter]);
}

static void
on_platform_changed (AdwComboRow    *row,
                     GParamSpec     *pspec,
                     MqImportWindow *self)
{
  if (self->syncing || self->preview == NULL)
    return;

  apply_platform (self, adw_combo_row_get_selected (row) + 1);
}

static void
add_count_row (MqImportWindow *self,
               const char     *title,
               guint           count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->counts_list, row);
}

static void
add_line_row (GtkListBox *list,
              guint       line,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  /* Translators: %u is a line number of the imported file */
  g_autofree char *title = g_strdup_printf (_("Line %u"), line);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (list, row);
}

static void
show_report (MqImportWindow *self,
             MqImportReport *report)
{
  clear_list (self->counts_list);
  clear_list (self->skipped_list);

  add_count_row (self, _("Rows read"), report->rows);
  add_count_row (self, _("New people"), report->people_created);
  add_count_row (self, _("People already in the directory"), report->people_matched);
  add_count_row (self, _("New RSVPs"), report->rsvps_created);
  add_count_row (self, _("Changed RSVPs"), report->rsvps_updated);
  add_count_row (self, _("Check-ins"), report->check_ins);

  for (guint i = 0; i < report->skipped->len; i++)
    {
      MqImportSkip *skip = g_ptr_array_index (report->skipped, i);

      add_line_row (self->skipped_list, skip->line, skip->reason);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), report->skipped->len > 0);
}

static void
on_progress (guint    rows,
             gpointer user_data)
{
  MqImportWindow *self = user_data;
  /* Translators: %u is how many rows of the file were read so far */
  g_autofree char *text = NULL;

  if (self->progress_bar == NULL)
    return;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", rows), rows);

  gtk_progress_bar_set_text (self->progress_bar, text);
  if (self->dry_run_rows > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) rows / self->dry_run_rows));
  else
    gtk_progress_bar_pulse (self->progress_bar);
}

static void
on_run_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MqImportWindow) self = user_data;
  g_autoptr(MqImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dry_run = self->dry_run_rows == 0;
  g_autofree char *description = NULL;

  self->running = FALSE;
  report = mq_import_job_run_finish (result, &error);
  if (self->stack == NULL)   /* closed meanwhile: cancelled, rolled back */
    return;
  if (report == NULL)
    {
      show_stage (self, dry_run ? "mapping" : "review");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, _("Import cancelled: nothing was changed"));
      else
        toast (self, error->message);
      return;
    }

  show_report (self, report);
  if (dry_run)
    {
      mq_import_duplicates_show (self->review_duplicates, self->store, report->possible_duplicates, FALSE);
      self->dry_run_rows = MAX (report->rows, 1);
      show_stage (self, "review");
      return;
    }

  /* The import wrote through its own connection: the app's pages listen
   * to this one.
   */
  mq_store_notify_changed (self->store, "people");
  mq_store_notify_changed (self->store, "rsvps");
  mq_store_notify_changed (self->store, "check-ins");

  description = g_strdup_printf (_("%u new people, %u already known; %u RSVPs added, %u changed; "
                                   "%u lines skipped, %u possible duplicates to review."),
                                 report->people_created, report->people_matched,
                                 report->rsvps_created, report->rsvps_updated,
                                 report->skipped->len, report->possible_duplicates->len);
  gtk_label_set_label (self->summary_label, description);
  /* Nothing was merged by name: the pairs wait for the organizer here. */
  mq_import_duplicates_show (self->summary_duplicates, self->store, report->possible_duplicates, TRUE);
  show_stage (self, "summary");
}

static void
run (MqImportWindow *self,
     MqImportFlags   flags)
{
  g_autoptr(GError) error = NULL;

  if (self->mapping == NULL || self->running)
    return;

  if (!mq_import_mapping_validate (self->mapping, &error))
    {
      toast (self, error->message);
      return;
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  if (flags & MQ_IMPORT_DRY_RUN)
    self->dry_run_rows = 0;

  adw_status_page_set_title (self->progress_page, (flags & MQ_IMPORT_DRY_RUN) ? _("Checking Every Row…")
                                                                               : _("Importing…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, "");
  show_stage (self, "progress");

  mq_import_job_run_async (mq_store_get_path (self->store), self->file,
                           self->preview->encoding, self->preview->delimiter,
                           (const char * const *) self->preview->header, self->mapping,
                           self->event_id, flags, on_progress, self,
                           self->cancellable, on_run_done, g_object_ref (self));
}

static void
dry_run_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  run (MQ_IMPORT_WINDOW (widget), MQ_IMPORT_DRY_RUN);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  run (MQ_IMPORT_WINDOW (widget), MQ_IMPORT_NONE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_cancellable_cancel (MQ_IMPORT_WINDOW (widget)->cancellable);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     MqImportWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      mq_import_window_set_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MqImportWindow *self = MQ_IMPORT_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (csv, _("Spreadsheet exports (CSV, TSV)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_mime_type (csv, "text/tab-separated-values");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Choose an Attendee Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
mq_import_window_dispose (GObject *object)
{
  MqImportWindow *self = MQ_IMPORT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), MQ_TYPE_IMPORT_WINDOW);

  G_OBJECT_CLASS (mq_import_window_parent_class)->dispose (object);
}

static void
mq_import_window_finalize (GObject *object)
{
  MqImportWindow *self = MQ_IMPORT_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->mapping);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->preview, mq_import_preview_free);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mq_import_window_parent_class)->finalize (object);
}

static void
mq_import_window_class_init (MqImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_import_window_dispose;
  object_class->finalize = mq_import_window_finalize;

  g_type_ensure (MQ_TYPE_IMPORT_DUPLICATES);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/marqueeapp/Marquee/mq-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, short_subtitle);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, close_button);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, platform_row);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, columns_list);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, progress_page);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, counts_list);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, review_duplicates);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, skipped_list);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MqImportWindow, summary_duplicates);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.dry-run", NULL, dry_run_action);
  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mq_import_window_init (MqImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();
  g_signal_connect_object (self->platform_row, "notify::selected", G_CALLBACK (on_platform_changed), self, 0);
  g_signal_connect_object (self->encoding_row, "notify::selected", G_CALLBACK (on_reading_changed), self, 0);
  g_signal_connect_object (self->delimiter_row, "notify::selected", G_CALLBACK (on_reading_changed), self, 0);
  show_stage (self, "file");
}

MqImportWindow *
mq_import_window_new (GtkWindow *parent,
                      MqStore   *store,
                      gint64     event_id)
{
  MqImportWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MQ_IS_STORE (store), NULL);
  g_return_val_if_fail (event_id > 0, NULL);

  self = g_object_new (MQ_TYPE_IMPORT_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->event_id = event_id;

  return self;
}

void
mq_import_window_set_file (MqImportWindow *self,
                           GFile          *file)
{
  g_return_if_fail (MQ_IS_IMPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_clear_pointer (&self->preview, mq_import_preview_free);
  g_clear_object (&self->mapping);
  load_preview (self, MQ_CSV_ENCODING_AUTO, 0);
}

const char *
mq_import_window_get_stage (MqImportWindow *self)
{
  g_return_val_if_fail (MQ_IS_IMPORT_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
