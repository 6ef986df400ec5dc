/* mq-import-mapping.h: which column of an attendee export means what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mq-rsvp.h"

G_BEGIN_DECLS

typedef enum
{
  MQ_IMPORT_PLATFORM_AUTO,
  MQ_IMPORT_PLATFORM_GENERIC,
  MQ_IMPORT_PLATFORM_MEETUP,
  MQ_IMPORT_PLATFORM_EVENTBRITE,
  MQ_IMPORT_PLATFORM_LUMA,
  MQ_IMPORT_PLATFORM_PRETIX,
} MqImportPlatform;

const char *mq_import_platform_to_string   (MqImportPlatform  platform);
gboolean    mq_import_platform_from_string (const char       *text,
                                            MqImportPlatform *platform);

typedef enum
{
  MQ_IMPORT_FIELD_IGNORE,
  MQ_IMPORT_FIELD_NAME,
  MQ_IMPORT_FIELD_FIRST_NAME,
  MQ_IMPORT_FIELD_LAST_NAME,
  MQ_IMPORT_FIELD_EMAIL,
  MQ_IMPORT_FIELD_PHONE,
  MQ_IMPORT_FIELD_MASTODON,
  MQ_IMPORT_FIELD_BLUESKY,
  MQ_IMPORT_FIELD_ORGANIZATION,
  MQ_IMPORT_FIELD_PRONOUNS,
  MQ_IMPORT_FIELD_STATUS,
  /* The whole party, the attendee included. */
  MQ_IMPORT_FIELD_PARTY_SIZE,
  /* Plus-ones: the party is 1 + guests. */
  MQ_IMPORT_FIELD_GUESTS,
  MQ_IMPORT_FIELD_RSVP_TIME,
  /* "yes", "1", "true", "checked in" or a time. */
  MQ_IMPORT_FIELD_CHECKED_IN,
  MQ_IMPORT_N_FIELDS,
} MqImportField;

const char *mq_import_field_to_string   (MqImportField  field);
gboolean    mq_import_field_from_string (const char    *text,
                                         MqImportField *field);

/* What a platform's status word means for Marquee. */
typedef enum
{
  MQ_IMPORT_STATUS_UNKNOWN,
  MQ_IMPORT_STATUS_KNOWN,
  /* A row to leave out (an abandoned order, an invitation never answered). */
  MQ_IMPORT_STATUS_SKIP,
} MqImportStatusMatch;

#define MQ_TYPE_IMPORT_MAPPING (mq_import_mapping_get_type ())

G_DECLARE_FINAL_TYPE (MqImportMapping, mq_import_mapping, MQ, IMPORT_MAPPING, GObject)

/* Recognises a platform's export by its header; GENERIC when none fits. */
MqImportPlatform     mq_import_mapping_detect        (const char * const *header);
/* The preset of @platform applied to @header (AUTO detects first). Columns
 * the preset does not know are matched by the generic names.
 */
MqImportMapping     *mq_import_mapping_new           (MqImportPlatform    platform,
                                                      const char * const *header);
MqImportPlatform     mq_import_mapping_get_platform  (MqImportMapping    *self);
guint                mq_import_mapping_get_n_columns (MqImportMapping    *self);
MqImportField        mq_import_mapping_get_field     (MqImportMapping    *self,
                                                      guint               column);
/* The user's override of one column; a field mapped elsewhere before moves
 * here (one column per field).
 */
void                 mq_import_mapping_set_field     (MqImportMapping    *self,
                                                      guint               column,
                                                      MqImportField       field);
/* The column of @field, or -1. */
int                  mq_import_mapping_find_column   (MqImportMapping    *self,
                                                      MqImportField       field);
/* MQ_ERROR_INVALID when no column gives a name. */
gboolean             mq_import_mapping_validate      (MqImportMapping    *self,
                                                      GError            **error);
/* The cell of @field in @row (NULL when unmapped or missing), trimmed into
 * @scratch.
 */
const char          *mq_import_mapping_get_value     (MqImportMapping    *self,
                                                      const char * const *row,
                                                      guint               n_fields,
                                                      MqImportField       field,
                                                      GString            *scratch);
/* Maps a status word of any of the platforms (case-insensitive): "Yes",
 * "waitlist", "not attending", "approved", "pending_approval", "Checked In",
 * "canceled", … An empty word is "going": the row is on an attendee list.
 * @checked_in: (out) (optional): TRUE for words that also say the guest
 * came ("Checked In", "attended")
 */
MqImportStatusMatch  mq_import_map_status            (const char         *text,
                                                      MqRsvpStatus       *status,
                                                      gboolean           *checked_in);
/* Truthy cells of a "checked in" column. */
gboolean             mq_import_parse_checked_in      (const char         *text);

G_END_DECLS
