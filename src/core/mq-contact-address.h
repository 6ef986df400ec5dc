/* mq-contact-address.h: email addresses and social handles, checked and spelled one way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One "@", something before it, a dot in the domain after it, no spaces. */
gboolean  mq_contact_is_email           (const char *text);
/* "@user@host" (host in lower case) from "user@host", "@user@host" or a
 * profile link "https://host/@user"; NULL when @text is none of those.
 */
char     *mq_contact_normalize_mastodon (const char *text);
/* A Bluesky handle is a domain name: lower case, without the leading "@";
 * NULL when @text is not one.
 */
char     *mq_contact_normalize_bluesky  (const char *text);

G_END_DECLS
