/* fake-mastodon-account.c: the account's own statuses, from what was posted
 *
 * GET /api/v1/accounts/:id/statuses lists the statuses the fake published,
 * newest first (limit 20 by default, 40 at most; older pages by max_id and
 * a Link rel="next"), each with the created_at of its POST and its content
 * as HTML; GET /api/v1/statuses/:id/source gives back the plain text that
 * was posted (docs.joinmastodon.org/methods/accounts, methods/statuses).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fake-social-server-private.h"

/* The "status" of the POST that made status @id. */
static char *
posted_text (FakeSocial *fake,
             const char *id)
{
  const char *body = g_hash_table_lookup (fake->status_requests, id);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (body == NULL || !json_parser_load_from_data (parser, body, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return g_strdup (fake_string_member (json_node_get_object (root), "status"));
}

static gint
newest_first (gconstpointer a,
              gconstpointer b)
{
  gint64 x = g_ascii_strtoll (*(const char * const *) a, NULL, 10);
  gint64 y = g_ascii_strtoll (*(const char * const *) b, NULL, 10);

  return x < y ? 1 : x > y ? -1 : 0;
}

static void
add_status (FakeSocial  *fake,
            JsonBuilder *builder,
            const char  *id)
{
  g_autofree char *text = posted_text (fake, id);
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_autofree char *content = g_strdup_printf ("<p>%s</p>", escaped);
  g_autofree char *url = g_strdup_printf ("https://films.example/@club/%s", id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, g_hash_table_lookup (fake->status_created_at, id));
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_set_member_name (builder, "reblog");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
fake_mastodon_account_statuses (SoupServer        *server,
                                SoupServerMessage *msg,
                                const char        *path,
                                GHashTable        *query,
                                gpointer           user_data)
{
  FakeSocial *fake = user_data;
  const char *rest = path + strlen ("/api/v1/accounts/");
  const char *limit_text = query ? g_hash_table_lookup (query, "limit") : NULL;
  const char *max_id = query ? g_hash_table_lookup (query, "max_id") : NULL;
  g_autofree char *statuses_path = g_strdup_printf ("%s/statuses", FAKE_MASTODON_ACCOUNT_ID);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint limit = limit_text ? (guint) CLAMP (atoi (limit_text), 1, 40) : 20;
  guint fault;
  guint added = 0;
  gboolean more = FALSE;
  const char *last = NULL;
  GHashTableIter iter;
  gpointer key;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  fault = fake->account_statuses_fault;
  fake->account_statuses_fault = 0;
  if (!fake_mastodon_authorized (fake, msg))
    goto out;
  if (strcmp (soup_server_message_get_method (msg), "GET") != 0 || strcmp (rest, statuses_path) != 0)
    {
      fake_answer (msg, 404, "{\"error\":\"Record not found\"}");
      goto out;
    }
  fake->account_status_lists++;
  if (fault != 0)
    {
      fake_answer (msg, fault, "{\"error\":\"Bad gateway\"}");
      goto out;
    }

  ids = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, fake->status_requests);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);
  g_ptr_array_sort (ids, newest_first);
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (max_id != NULL && g_ascii_strtoll (id, NULL, 10) >= g_ascii_strtoll (max_id, NULL, 10))
        continue;
      if (added == limit)
        {
          more = TRUE;
          break;
        }
      add_status (fake, builder, id);
      last = id;
      added++;
    }
  json_builder_end_array (builder);
  if (more)
    {
      g_autofree char *link = g_strdup_printf ("<%s/api/v1/accounts/%s?limit=%u&max_id=%s>; rel=\"next\"",
                                               fake->url, statuses_path, limit, last);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Link", link);
    }
  root = json_builder_get_root (builder);
  fake_answer_node (msg, 200, root);

out:
  g_mutex_unlock (&fake->lock);
}

static void
fake_mastodon_status_source (SoupServer        *server,
                             SoupServerMessage *msg,
                             const char        *path,
                             GHashTable        *query,
                             gpointer           user_data)
{
  FakeSocial *fake = user_data;
  const char *rest = path + strlen ("/api/v1/statuses/");
  const char *slash = strchr (rest, '/');
  g_autofree char *id = slash ? g_strndup (rest, slash - rest) : NULL;
  g_autofree char *text = NULL;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  if (!fake_mastodon_authorized (fake, msg))
    ;
  else if (strcmp (soup_server_message_get_method (msg), "GET") != 0 || slash == NULL ||
           strcmp (slash, "/source") != 0 || (text = posted_text (fake, id)) == NULL)
    fake_answer (msg, 404, "{\"error\":\"Record not found\"}");
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      fake->source_requests++;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text);
      json_builder_set_member_name (builder, "spoiler_text");
      json_builder_add_string_value (builder, "");
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      fake_answer_node (msg, 200, root);
    }
  g_mutex_unlock (&fake->lock);
}

void
fake_mastodon_add_account_handlers (FakeSocial *fake)
{
  /* verify_credentials, registered with its full path, is the closer match. */
  soup_server_add_handler (fake->server, "/api/v1/accounts/", fake_mastodon_account_statuses, fake, NULL);
  soup_server_add_handler (fake->server, "/api/v1/statuses/", fake_mastodon_status_source, fake, NULL);
}
