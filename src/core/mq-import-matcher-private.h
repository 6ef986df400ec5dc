/* mq-import-matcher-private.h: what the importer and its matcher share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-check-in-log.h"
#include "mq-import-mapping.h"
#include "mq-importer.h"
#include "mq-person-directory.h"
#include "mq-rsvp-ledger.h"
#include "mq-store.h"

G_BEGIN_DECLS

typedef struct
{
  MqStore              *store;
  MqImportMapping      *mapping;
  MqPersonDirectory    *directory;
  MqRsvpLedger         *ledger;
  MqCheckInLog         *log;
  gint64                event_id;
  char                 *source;     /* "import:meetup" */
  MqImportReport       *report;
  GArray               *seen;       /* guint line by person id, 0: not yet */
  GHashTable           *name_seen;  /* name -> rows without email or handle */
  GString              *scratch;
} Import;

/* One row's values, trimmed; NULL when missing or empty. */
typedef struct
{
  char         *name;
  char         *email;
  char         *phone;
  char         *mastodon;
  char         *bluesky;
  char         *organization;
  char         *pronouns;
  char         *rsvp_time;
  MqRsvpStatus  status;
  int           party_size;
  gboolean      checked_in;
} Row;

void      mq_import_row_clear       (Row         *row);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, mq_import_row_clear)

void      mq_import_add_skip        (Import      *import,
                                     guint        line,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (3, 4);
/* FALSE with a reason added to the report when the row cannot be used. */
gboolean  mq_import_read_row        (Import             *import,
                                     const char * const *fields,
                                     guint               n_fields,
                                     guint               line,
                                     Row                *row);
gboolean  mq_import_row_is_blank    (const char * const *fields,
                                     guint               n_fields);

MqPerson *mq_import_match_person    (Import      *import,
                                     Row         *row,
                                     GError     **error);
gint64    mq_import_find_same_name  (Import      *import,
                                     const char  *name,
                                     GError     **error);
gboolean  mq_import_complete_person (Import      *import,
                                     MqPerson    *person,
                                     Row         *row,
                                     GError     **error);

G_END_DECLS
