/* mq-importer.h: attendee exports into the directory and an event's RSVPs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-csv-reader.h"
#include "mq-import-mapping.h"
#include "mq-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint  line;
  char  *reason;
} MqImportSkip;

/* A person the import created whose name someone else already has. */
typedef struct
{
  guint   line;
  char   *name;
  char   *email;       /* (nullable) the row's, to tell the two apart */
  gint64  person_id;   /* the new person (gone again after a dry run) */
  gint64  existing_id; /* the one with the same name */
} MqImportDuplicate;

typedef struct
{
  guint      rows;
  guint      people_created;
  guint      people_matched;
  guint      rsvps_created;
  guint      rsvps_updated;
  /* Admits written for rows that say the guest came. */
  guint      check_ins;
  GPtrArray *skipped;             /* (element-type MqImportSkip) */
  GPtrArray *possible_duplicates; /* (element-type MqImportDuplicate) */
} MqImportReport;

void mq_import_report_free (MqImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqImportReport, mq_import_report_free)

typedef enum
{
  MQ_IMPORT_NONE    = 0,
  /* Work out the same report, then roll everything back. */
  MQ_IMPORT_DRY_RUN = 1 << 0,
} MqImportFlags;

/* Called every few hundred rows from the importing thread. */
typedef void (*MqImportProgressFunc) (guint    rows,
                                      gpointer user_data);

/* Imports the rows of @reader (opened) into @event_id, in one transaction:
 * on any error nothing of the file stays. People are matched by email
 * (case-insensitive, trimmed), then by Mastodon or Bluesky handle, never by
 * name; a row with neither is the same person as the same-named RSVP of
 * this event (a re-import). Re-importing a file changes nothing. Rows that
 * cannot be imported (no name, an unknown status, …) are listed as skipped.
 * Runs in whatever thread calls it; nothing else may use @store meanwhile.
 * Returns: (transfer full): the report, or NULL with @error set
 */
MqImportReport *mq_import_run (MqStore              *store,
                               MqCsvReader          *reader,
                               MqImportMapping      *mapping,
                               gint64                event_id,
                               MqImportFlags         flags,
                               MqImportProgressFunc  progress,
                               gpointer              user_data,
                               GCancellable         *cancellable,
                               GError              **error);

G_END_DECLS
