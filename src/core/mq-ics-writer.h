/* mq-ics-writer.h: events as iCalendar (RFC 5545)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-event.h"

G_BEGIN_DECLS

/* The same for an event in every export, unique across databases. */
char     *mq_ics_event_uid      (MqEvent        *event);
/* TEXT value escaping: backslash, ';', ',' and line breaks. */
char     *mq_ics_escape_text    (const char     *text);
/* Appends @line folded at 75 octets (never inside a UTF-8 character), each
 * physical line ended by CRLF.
 */
void      mq_ics_append_folded  (GString        *out,
                                 const char     *line);
/* One VCALENDAR with a VEVENT per event and a VTIMEZONE per time zone they
 * use, built from the zone's transitions around the events' years.
 */
char     *mq_ics_write_events   (MqEvent * const *events,
                                 guint           n_events);
gboolean  mq_ics_write_to_stream (MqEvent * const *events,
                                  guint            n_events,
                                  GOutputStream   *out,
                                  GCancellable    *cancellable,
                                  GError         **error);

G_END_DECLS
