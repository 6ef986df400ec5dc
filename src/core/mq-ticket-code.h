/* mq-ticket-code.h: unguessable, printable ticket codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* No 0/O, 1/I/L: what a volunteer reads aloud or types is what was printed. */
#define MQ_TICKET_CODE_ALPHABET "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
#define MQ_TICKET_CODE_LENGTH 10

char     *mq_ticket_code_generate  (GError     **error);
/* Upper-cases and drops spaces and dashes; NULL when @text cannot be a code. */
char     *mq_ticket_code_normalize (const char  *text);
gboolean  mq_ticket_code_is_valid  (const char  *code);

G_END_DECLS
