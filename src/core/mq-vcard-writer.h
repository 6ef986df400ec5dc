/* mq-vcard-writer.h: people who agreed to be listed, as vCard 4.0 (RFC 6350)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-person.h"

G_BEGIN_DECLS

/* One VCARD, or NULL when the person did not consent to be listed. */
char     *mq_vcard_for_person     (MqPerson        *person);
/* Every person of @people who consented, one VCARD after the other.
 * @n_written: (out) (optional): how many
 */
gboolean  mq_vcard_write_to_stream (MqPerson * const *people,
                                    guint            n_people,
                                    GOutputStream   *out,
                                    guint           *n_written,
                                    GCancellable    *cancellable,
                                    GError         **error);

G_END_DECLS
