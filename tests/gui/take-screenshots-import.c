/* take-screenshots-import.c: the import assistant's steps for take-screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mq-import-window.h"
#include "screenshot-capture.h"
#include "take-screenshots.h"

/* Scrolls the page around @target so that it starts near the top. */
static void
scroll_to (GtkWidget *target)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  screenshot_spin (200);
  if (scrolled == NULL ||
      !gtk_widget_compute_bounds (target, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)), &bounds))
    return;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                            bounds.origin.y - 12);
}

/* A club's sign-up sheet as a meetup.com export, to map in the assistant. */
static GFile *
write_sample_csv (void)
{
  static const char csv[] =
    "Name,User ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile\n"
    "Ada Okafor,user 1001,,No,Yes,1,2026-11-20 18:02,2024-02-11,https://www.meetup.com/members/1001/\n"
    "Lukas Brandt,user 1002,,No,Yes,0,2026-11-21 09:40,2025-06-03,https://www.meetup.com/members/1002/\n"
    "Mei Tanaka,user 1003,,No,Waitlist,0,2026-11-22 21:15,2026-01-19,https://www.meetup.com/members/1003/\n"
    "Sofía Ibáñez,user 1004,Organizer,Yes,Yes,0,2026-11-18 12:00,2023-09-30,https://www.meetup.com/members/1004/\n";
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "marquee-screenshots-meetup.csv", NULL);

  if (!g_file_set_contents (path, csv, -1, NULL))
    return NULL;
  return g_file_new_for_path (path);
}

GtkWindow *
shot_import (Driver *driver)
{
  g_autoptr(GFile) file = write_sample_csv ();
  GtkWindow *window = open_from_event (driver, "event.import", MQ_TYPE_IMPORT_WINDOW);

  if (window != NULL && file != NULL)
    {
      mq_import_window_set_file (MQ_IMPORT_WINDOW (window), file);
      screenshot_spin (800);
    }
  return window;
}

static gboolean
wait_for_stage (MqImportWindow *window,
                const char     *stage)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_strcmp0 (mq_import_window_get_stage (window), stage) != 0)
    {
      if (g_get_monotonic_time () > until)
        {
          g_printerr ("The import assistant shows “%s”, not “%s”\n", mq_import_window_get_stage (window), stage);
          return FALSE;
        }
      screenshot_spin (50);
    }
  return TRUE;
}

/* The assistant on @file, at its mapping step. */
static MqImportWindow *
open_import (Driver *driver,
             GFile  *file)
{
  GtkWindow *window;

  if (file == NULL)
    return NULL;
  window = open_from_event (driver, "event.import", MQ_TYPE_IMPORT_WINDOW);
  if (window == NULL)
    return NULL;
  mq_import_window_set_file (MQ_IMPORT_WINDOW (window), file);
  if (!wait_for_stage (MQ_IMPORT_WINDOW (window), "mapping"))
    return NULL;
  screenshot_spin (300);
  return MQ_IMPORT_WINDOW (window);
}

GtkWindow *
shot_import_mapping (Driver *driver)
{
  g_autoptr(GFile) file = write_sample_csv ();
  MqImportWindow *window = open_import (driver, file);

  /* Below the file's first rows: what each column becomes. */
  if (window != NULL)
    scroll_to (template_child (window, MQ_TYPE_IMPORT_WINDOW, "columns_list"));
  return GTK_WINDOW (window);
}

/* A sign-up sheet on which two people of the directory come back with
 * another address, beside two new names.
 */
static GFile *
write_duplicates_csv (Driver *driver)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (driver->store);
  g_autoptr(MqPerson) known = mq_person_directory_get (directory, driver->person_id, NULL);
  g_autoptr(GPtrArray) people = mq_person_directory_list (directory, 40, 1, NULL);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "marquee-screenshots-signups.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("Name,Email,Status\n");

  if (known == NULL || people == NULL || people->len == 0)
    return NULL;
  g_string_append (csv, "Tomás Ortega,tomas.ortega@example.net,going\n");
  g_string_append_printf (csv, "%s,%s,going\n", mq_person_get_name (known), "new.address@example.org");
  g_string_append (csv, "Mira Chen,mira.chen@example.org,maybe\n");
  g_string_append_printf (csv, "%s,%s,going\n", mq_person_get_name (g_ptr_array_index (people, 0)),
                          "work.address@example.com");
  if (!g_file_set_contents (path, csv->str, csv->len, NULL))
    return NULL;
  return g_file_new_for_path (path);
}

static MqImportWindow *
open_import_review (Driver *driver)
{
  g_autoptr(GFile) file = write_duplicates_csv (driver);
  MqImportWindow *window = open_import (driver, file);

  if (window == NULL)
    return NULL;
  gtk_widget_activate_action (GTK_WIDGET (window), "import.dry-run", NULL);
  return wait_for_stage (window, "review") ? window : NULL;
}

GtkWindow *
shot_import_review (Driver *driver)
{
  MqImportWindow *window = open_import_review (driver);

  if (window != NULL)
    scroll_to (template_child (window, MQ_TYPE_IMPORT_WINDOW, "review_duplicates"));
  return GTK_WINDOW (window);
}

/* Imports for real: the last shot, so the others show the demo as it was. */
GtkWindow *
shot_import_summary (Driver *driver)
{
  MqImportWindow *window = open_import_review (driver);

  if (window == NULL)
    return NULL;
  gtk_widget_activate_action (GTK_WIDGET (window), "import.start", NULL);
  return wait_for_stage (window, "summary") ? GTK_WINDOW (window) : NULL;
}
