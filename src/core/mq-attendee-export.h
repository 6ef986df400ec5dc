/* mq-attendee-export.h: attendee lists that open cleanly in a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-store.h"

G_BEGIN_DECLS

typedef enum
{
  /* Name, party, status, ticket code, checked in: the list at the door. */
  MQ_ATTENDEE_PRESET_DOOR,
  /* Every field of the person and the RSVP, answers and source included. */
  MQ_ATTENDEE_PRESET_FULL,
  /* Newcomer, greeter, met. */
  MQ_ATTENDEE_PRESET_GREETERS,
} MqAttendeePreset;

const char *mq_attendee_preset_to_string   (MqAttendeePreset  preset);
gboolean    mq_attendee_preset_from_string (const char       *text,
                                            MqAttendeePreset *preset);

typedef enum
{
  MQ_CSV_WRITE_NONE      = 0,
  /* A UTF-8 byte order mark, so Excel reads the file as UTF-8. */
  MQ_CSV_WRITE_BOM       = 1 << 0,
  /* ';' between cells, for Excel set up where ',' is the decimal mark. */
  MQ_CSV_WRITE_SEMICOLON = 1 << 1,
} MqCsvWriteFlags;

/* Appends @value as one RFC 4180 cell: a value a spreadsheet would run as a
 * formula (starting with '=', '+', '-', '@', tab or CR) gets a leading "'",
 * unless it is plainly a number or a phone number ("+49 30 1234"); quoted
 * when it holds the delimiter, a quote or a line break.
 */
void        mq_csv_append_cell             (GString          *line,
                                            const char       *value,
                                            char              delimiter);
/* Writes the event's list with the preset's columns, CRLF line ends. */
gboolean    mq_attendee_export_write       (MqStore          *store,
                                            gint64            event_id,
                                            MqAttendeePreset  preset,
                                            MqCsvWriteFlags   flags,
                                            GOutputStream    *out,
                                            GCancellable     *cancellable,
                                            GError          **error);

G_END_DECLS
