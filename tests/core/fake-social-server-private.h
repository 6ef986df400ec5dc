/* fake-social-server-private.h: what the scripted servers' files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fake-social-server.h"

G_BEGIN_DECLS

void         fake_answer                (SoupServerMessage *msg,
                                         guint              status,
                                         const char        *json);
void         fake_answer_node           (SoupServerMessage *msg,
                                         guint              status,
                                         JsonNode          *node);
/* Closes the connection without an answer. */
void         fake_drop                  (SoupServerMessage *msg);
const char  *fake_bearer                (SoupServerMessage *msg);
gboolean     fake_bearer_is             (SoupServerMessage *msg,
                                         const char        *token);
JsonObject  *fake_request_object        (SoupServerMessage *msg,
                                         JsonParser        *parser);
/* String parameters of a form or JSON body. */
GHashTable  *fake_request_params        (SoupServerMessage *msg);
const char  *fake_string_member         (JsonObject        *object,
                                         const char        *name);

void         fake_media_free            (FakeMedia         *media);
/* Checks the bearer token (401 when it is not one the fake issued) and
 * puts Mastodon's rate-limit headers on the answer.
 */
gboolean     fake_mastodon_authorized   (FakeSocial        *fake,
                                         SoupServerMessage *msg);
void         fake_mastodon_add_account_handlers (FakeSocial *fake);
void         fake_mastodon_add_handlers (FakeSocial        *fake);
void         fake_bluesky_add_handlers  (FakeSocial        *fake);

G_END_DECLS
