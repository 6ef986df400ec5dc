/* mq-mastodon-lookup.c: finding a post whose Idempotency-Key has expired
 *
 * docs.joinmastodon.org/methods/statuses, POST /api/v1/statuses, on the
 * Idempotency-Key header: "Idempotency keys are stored for up to 1 hour."
 * Past that, only the account's own statuses can say whether a request
 * whose answer was lost published the post. GET /api/v1/accounts/:id/
 * statuses lists them newest first (limit: 20 by default, 40 at most,
 * older pages through the Link header); a status's content is HTML the
 * server made, so its source (GET /api/v1/statuses/:id/source) is what is
 * compared with the text that was sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-mastodon-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mq-mastodon-client-private.h"
#include "mq-social-http.h"

/* At 40 a page: an account that posted more than this since the lost try
 * is asked to be looked at by hand rather than paged through for ever.
 */
#define LOOKUP_PAGES 5
#define LOOKUP_LIMIT 40

static char *
own_account_id (MqMastodonClient  *self,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  if (!(msg = mq_mastodon_client_new_message (self, "GET", "/api/v1/accounts/verify_credentials", error)) ||
      !(root = mq_mastodon_client_call (self, msg, cancellable, error)) ||
      !(object = mq_mastodon_client_object_or_error (root, "id", error)))
    return NULL;
  return g_strdup (json_object_get_string_member (object, "id"));
}

/* Whether the source text of status @id is @text. */
static gboolean
source_is (MqMastodonClient  *self,
           const char        *id,
           const char        *text,
           gboolean          *same,
           GCancellable      *cancellable,
           GError           **error)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/statuses/%s/source", escaped);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  if (!(msg = mq_mastodon_client_new_message (self, "GET", path, error)) ||
      !(root = mq_mastodon_client_call (self, msg, cancellable, error)) ||
      !(object = mq_mastodon_client_object_or_error (root, "text", error)))
    return FALSE;
  *same = g_strcmp0 (json_object_get_string_member (object, "text"), text) == 0;
  return TRUE;
}

MqPostResult *
mq_mastodon_client_find_own_status (MqMastodonClient  *self,
                                    const char        *text,
                                    GDateTime         *since,
                                    GHashTable        *taken,
                                    GCancellable      *cancellable,
                                    GError           **error)
{
  g_autofree char *account_id = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *next = NULL;

  g_return_val_if_fail (MQ_IS_MASTODON_CLIENT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (since != NULL, NULL);

  if (!(account_id = own_account_id (self, cancellable, error)))
    return NULL;
  escaped = g_uri_escape_string (account_id, NULL, FALSE);
  next = g_strdup_printf ("/api/v1/accounts/%s/statuses?limit=%d&exclude_reblogs=true",
                          escaped, LOOKUP_LIMIT);
  for (guint page = 0; next != NULL; page++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(JsonNode) root = NULL;
      gboolean older_seen = FALSE;
      JsonArray *array;

      if (page == LOOKUP_PAGES)
        {
          g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                       _("The account has posted too much since this post’s answer was lost to tell "
                         "whether it is on the server: look for it on the account"));
          return NULL;
        }
      if (!(msg = mq_mastodon_client_new_message (self, "GET", next, error)) ||
          !(root = mq_mastodon_client_call (self, msg, cancellable, error)))
        return NULL;
      if (!JSON_NODE_HOLDS_ARRAY (root))
        {
          g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                       _("The server’s list of the account’s posts is not a list"));
          return NULL;
        }
      array = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonObject *status = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          const char *created = status != NULL
                                ? json_object_get_string_member_with_default (status, "created_at", NULL) : NULL;
          g_autoptr(GDateTime) created_at = created != NULL ? g_date_time_new_from_iso8601 (created, NULL) : NULL;
          const char *id = status != NULL ? json_object_get_string_member_with_default (status, "id", NULL) : NULL;
          gboolean same = FALSE;

          if (id == NULL || created_at == NULL)
            {
              g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                           _("The server’s answer has no “%s”: is this a Mastodon server?"),
                           id == NULL ? "id" : "created_at");
              return NULL;
            }
          if (g_date_time_compare (created_at, since) < 0)
            {
              older_seen = TRUE;
              continue;
            }
          /* Another job with the same words may have posted it. */
          if (taken != NULL && g_hash_table_contains (taken, id))
            continue;
          if (!source_is (self, id, text, &same, cancellable, error))
            return NULL;
          if (same)
            return mq_mastodon_client_post_result_from (status);
        }
      g_free (next);
      next = older_seen || json_array_get_length (array) == 0 ? NULL : mq_mastodon_client_next_page (self, msg);
    }
  return NULL;
}
