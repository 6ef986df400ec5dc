/* mq-hashtag-timeline.c: who is posting about an event's hashtag
 *
 * The servers are read through the organizer's own accounts: a Bluesky
 * PDS answers app.bsky.* only for a logged-in user, and some Mastodon
 * servers show their tag timelines only to one. The network part may run in
 * a worker thread; matching authors to the directory reads the database and
 * so runs in the thread that owns the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-hashtag-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-bluesky-client.h"
#include "mq-contact-address.h"
#include "mq-error.h"
#include "mq-hashtag-timeline.h"
#include "mq-mastodon-client.h"
#include "mq-person-directory.h"

/* The most each server gives in one page. */
#define MASTODON_LIMIT 40
#define BLUESKY_LIMIT 50

struct _MqHashtagTimeline
{
  GObject        parent_instance;

  MqOutbox      *outbox;
  MqSecretStore *secrets;
};

G_DEFINE_FINAL_TYPE (MqHashtagTimeline, mq_hashtag_timeline, G_TYPE_OBJECT)

void
mq_hashtag_post_free (MqHashtagPost *post)
{
  if (post == NULL)
    return;
  g_free (post->author);
  g_free (post->display_name);
  g_free (post->text);
  g_free (post->url);
  g_free (post->created_at);
  g_free (post);
}

static void
mq_hashtag_timeline_finalize (GObject *object)
{
  MqHashtagTimeline *self = MQ_HASHTAG_TIMELINE (object);

  g_clear_object (&self->outbox);
  g_clear_object (&self->secrets);
  G_OBJECT_CLASS (mq_hashtag_timeline_parent_class)->finalize (object);
}

static void
mq_hashtag_timeline_class_init (MqHashtagTimelineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mq_hashtag_timeline_finalize;
}

static void
mq_hashtag_timeline_init (MqHashtagTimeline *self)
{
}

MqHashtagTimeline *
mq_hashtag_timeline_new (MqOutbox      *outbox,
                         MqSecretStore *secrets)
{
  MqHashtagTimeline *self;

  g_return_val_if_fail (MQ_IS_OUTBOX (outbox), NULL);
  g_return_val_if_fail (MQ_IS_SECRET_STORE (secrets), NULL);

  self = g_object_new (MQ_TYPE_HASHTAG_TIMELINE, NULL);
  self->outbox = g_object_ref (outbox);
  self->secrets = g_object_ref (secrets);
  return self;
}

/* HTML to text. */

static const struct {
  const char *name;
  const char *text;
} entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" }, { "nbsp", "\u00a0" },
};

/* Appends the entity at @p ('&'), returning what follows it; a stray '&' is kept. */
static const char *
append_entity (GString    *out,
               const char *p)
{
  const char *semi = strchr (p, ';');
  g_autofree char *name = NULL;

  if (semi == NULL || semi - p > 10)
    {
      g_string_append_c (out, '&');
      return p + 1;
    }
  name = g_strndup (p + 1, semi - p - 1);
  if (name[0] == '#')
    {
      gboolean hex = name[1] == 'x' || name[1] == 'X';
      char *end = NULL;
      guint64 c = g_ascii_strtoull (name + (hex ? 2 : 1), &end, hex ? 16 : 10);

      if (end != NULL && *end == '\0' && end != name + (hex ? 2 : 1) && g_unichar_validate ((gunichar) c) && c != 0)
        {
          g_string_append_unichar (out, (gunichar) c);
          return semi + 1;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strcmp (name, entities[i].name) == 0)
      {
        g_string_append (out, entities[i].text);
        return semi + 1;
      }
  g_string_append_c (out, '&');
  return p + 1;
}

char *
mq_hashtag_html_to_text (const char *html)
{
  g_autoptr(GString) out = NULL;
  const char *p;

  g_return_val_if_fail (html != NULL, NULL);

  out = g_string_new (NULL);
  for (p = html; *p != '\0';)
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');
          g_autofree char *tag = NULL;

          if (close == NULL)
            break;
          tag = g_ascii_strdown (p + 1, close - p - 1);
          if (g_str_has_prefix (tag, "br"))
            g_string_append_c (out, '\n');
          /* A new paragraph after one that ended: a blank line between. */
          else if ((g_str_has_prefix (tag, "p") && (tag[1] == '\0' || tag[1] == ' ')) && out->len > 0)
            g_string_append (out, "\n\n");
          p = close + 1;
        }
      else if (*p == '&')
        p = append_entity (out, p);
      else
        g_string_append_c (out, *p++);
    }
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

/* Reading the servers (may run in a worker thread). */

static char *
utc_iso (const char *text)
{
  g_autoptr(GDateTime) time = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
  g_autoptr(GDateTime) utc = time != NULL ? g_date_time_to_utc (time) : NULL;

  return utc != NULL ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  return object != NULL ? json_object_get_string_member_with_default (object, name, NULL) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A local account's acct has no domain: it is the server's. */
static char *
mastodon_author (const char *acct,
                 const char *server)
{
  g_autoptr(GUri) uri = NULL;

  if (strchr (acct, '@') != NULL)
    return g_strconcat ("@", acct, NULL);
  uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);
  return g_strdup_printf ("@%s@%s", acct, uri != NULL ? g_uri_get_host (uri) : server);
}

static void
add_mastodon_posts (GPtrArray  *posts,
                    JsonNode   *root,
                    const char *server)
{
  JsonArray *array = json_node_get_array (root);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *status = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *account = member_object (status, "account");
      const char *acct = member_string (account, "acct");
      MqHashtagPost *post;

      if (acct == NULL || member_string (status, "content") == NULL)
        continue;
      post = g_new0 (MqHashtagPost, 1);
      post->network = MQ_SOCIAL_NETWORK_MASTODON;
      post->author = mastodon_author (acct, server);
      post->display_name = g_strdup (member_string (account, "display_name"));
      post->text = mq_hashtag_html_to_text (member_string (status, "content"));
      post->url = g_strdup (member_string (status, "url") ? member_string (status, "url")
                                                          : member_string (status, "uri"));
      post->created_at = utc_iso (member_string (status, "created_at"));
      g_ptr_array_add (posts, post);
    }
}

static void
add_bluesky_posts (GPtrArray *posts,
                   JsonNode  *root)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (root), "posts");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *view = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *author = member_object (view, "author");
      JsonObject *record = member_object (view, "record");
      const char *handle = member_string (author, "handle");
      MqHashtagPost *post;

      if (handle == NULL || member_string (record, "text") == NULL)
        continue;
      post = g_new0 (MqHashtagPost, 1);
      post->network = MQ_SOCIAL_NETWORK_BLUESKY;
      post->author = g_strdup (handle);
      post->display_name = g_strdup (member_string (author, "displayName"));
      post->text = g_strdup (member_string (record, "text"));
      post->url = mq_bluesky_post_url (handle, member_string (view, "uri"));
      post->created_at = utc_iso (member_string (record, "createdAt"));
      g_ptr_array_add (posts, post);
    }
}

static JsonNode *
read_mastodon (MqSecretStore          *secrets,
               const MqSocialAccount  *account,
               const char             *tag,
               GCancellable           *cancellable,
               GError                **error)
{
  g_autoptr(MqSecret) token = NULL;
  g_autoptr(MqMastodonClient) client = NULL;

  /* Without a token the public timeline is still read. */
  token = mq_secret_store_lookup (secrets, account->id, MQ_SECRET_ACCESS_TOKEN, cancellable, NULL);
  client = mq_mastodon_client_new (account->server, token);
  return mq_mastodon_client_get_tag_timeline (client, tag, MASTODON_LIMIT, cancellable, error);
}

static JsonNode *
read_bluesky (MqSecretStore          *secrets,
              const MqSocialAccount  *account,
              const char             *tag,
              GCancellable           *cancellable,
              GError                **error)
{
  g_autoptr(MqSecret) password = NULL;
  g_autoptr(MqSecret) access = NULL;
  g_autoptr(MqSecret) refresh = NULL;
  g_autoptr(MqBlueskyClient) client = NULL;
  g_autofree char *query = g_strconcat ("#", tag, NULL);
  JsonNode *root;

  password = mq_secret_store_lookup (secrets, account->id, MQ_SECRET_APP_PASSWORD, cancellable, NULL);
  access = mq_secret_store_lookup (secrets, account->id, MQ_SECRET_ACCESS_TOKEN, cancellable, NULL);
  refresh = mq_secret_store_lookup (secrets, account->id, MQ_SECRET_REFRESH_TOKEN, cancellable, NULL);
  client = mq_bluesky_client_new (account->server, account->handle, password);
  if (access != NULL && account->remote_id != NULL)
    mq_bluesky_client_set_session (client, account->remote_id, access, refresh);
  root = mq_bluesky_client_search_posts (client, query, BLUESKY_LIMIT, cancellable, error);

  /* A refreshed session goes back to the keyring, as the sender does. */
  if (mq_bluesky_client_get_access_jwt (client) != NULL &&
      g_strcmp0 (mq_bluesky_client_get_access_jwt (client), access) != 0)
    {
      g_autofree char *label = g_strdup_printf ("Marquee: %s on %s", account->handle, account->server);

      if (!mq_secret_store_store (secrets, account->id, MQ_SECRET_ACCESS_TOKEN, label,
                                  mq_bluesky_client_get_access_jwt (client), NULL, NULL) ||
          !mq_secret_store_store (secrets, account->id, MQ_SECRET_REFRESH_TOKEN, label,
                                  mq_bluesky_client_get_refresh_jwt (client), NULL, NULL))
        g_debug ("the refreshed session of account %" G_GINT64_FORMAT " was not saved", account->id);
    }
  return root;
}

typedef struct
{
  GPtrArray *posts;     /* MqHashtagPost */
  GPtrArray *problems;  /* char *, NULL-terminated when handed out */
  GError    *error;
} Reading;

static void
reading_free (Reading *reading)
{
  g_clear_pointer (&reading->posts, g_ptr_array_unref);
  g_clear_pointer (&reading->problems, g_ptr_array_unref);
  g_clear_error (&reading->error);
  g_free (reading);
}

/* Every server once; the first failure is the error when none answered. */
static Reading *
read_servers (MqSecretStore *secrets,
              GPtrArray     *accounts,
              const char    *tag,
              GCancellable  *cancellable)
{
  Reading *reading = g_new0 (Reading, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint read = 0;

  reading->posts = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_hashtag_post_free);
  reading->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < accounts->len; i++)
    {
      const MqSocialAccount *account = g_ptr_array_index (accounts, i);
      char *key = g_strconcat (mq_social_network_to_string (account->network), " ", account->server, NULL);
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_hash_table_add (seen, key))
        continue;
      if (account->network == MQ_SOCIAL_NETWORK_MASTODON)
        root = read_mastodon (secrets, account, tag, cancellable, &error);
      else
        root = read_bluesky (secrets, account, tag, cancellable, &error);

      if (root == NULL)
        {
          g_ptr_array_add (reading->problems, g_strdup_printf ("%s: %s", account->server, error->message));
          if (reading->error == NULL)
            reading->error = g_steal_pointer (&error);
          continue;
        }
      read++;
      if (account->network == MQ_SOCIAL_NETWORK_MASTODON)
        add_mastodon_posts (reading->posts, root, account->server);
      else
        add_bluesky_posts (reading->posts, root);
    }
  if (read > 0)
    g_clear_error (&reading->error);
  return reading;
}

/* Matching and sorting (the store's thread). */

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const MqHashtagPost *first = *(MqHashtagPost * const *) a;
  const MqHashtagPost *second = *(MqHashtagPost * const *) b;

  return -g_strcmp0 (first->created_at, second->created_at);
}

static gboolean
match_people (MqHashtagTimeline  *self,
              GPtrArray          *posts,
              GError            **error)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (mq_outbox_get_store (self->outbox));
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < posts->len; i++)
    {
      MqHashtagPost *post = g_ptr_array_index (posts, i);
      g_autofree char *handle = post->network == MQ_SOCIAL_NETWORK_MASTODON
                                ? mq_contact_normalize_mastodon (post->author)
                                : mq_contact_normalize_bluesky (post->author);
      gpointer id;

      if (handle == NULL)
        continue;
      if (!g_hash_table_lookup_extended (known, handle, NULL, &id))
        {
          g_autoptr(MqPerson) person = NULL;
          g_autoptr(GError) local_error = NULL;

          person = mq_person_directory_find_by_handle (directory, handle, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          id = GSIZE_TO_POINTER (person != NULL ? (gsize) mq_person_get_id (person) : 0);
          g_hash_table_insert (known, g_strdup (handle), id);
        }
      post->person_id = (gint64) GPOINTER_TO_SIZE (id);
    }
  g_ptr_array_sort (posts, newest_first);
  return TRUE;
}

static char *
clean_tag (const char  *hashtag,
           GError     **error)
{
  g_autofree char *tag = g_strstrip (g_strdup (hashtag[0] == '#' ? hashtag + 1 : hashtag));

  if (*tag == '\0' || strpbrk (tag, " \t#/?&") != NULL)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("“%s” is not a hashtag: write it like #filmclub"), hashtag);
      return NULL;
    }
  return g_steal_pointer (&tag);
}

static GPtrArray *
list_accounts (MqHashtagTimeline  *self,
               GError            **error)
{
  g_autoptr(GPtrArray) accounts = mq_outbox_list_accounts (self->outbox, error);

  if (accounts != NULL && accounts->len == 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("Add a Mastodon or Bluesky account first: Marquee reads hashtags through "
                     "your accounts’ servers"));
      return NULL;
    }
  return g_steal_pointer (&accounts);
}

/* Takes the messages out of @problems, which stays (empty) with its owner. */
static char **
problems_strv (GPtrArray *problems)
{
  g_ptr_array_add (problems, NULL);
  return (char **) g_ptr_array_steal (problems, NULL);
}

GPtrArray *
mq_hashtag_timeline_fetch (MqHashtagTimeline   *self,
                           const char          *hashtag,
                           char              ***problems,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *tag = NULL;
  Reading *reading;
  GPtrArray *posts;

  g_return_val_if_fail (MQ_IS_HASHTAG_TIMELINE (self), NULL);
  g_return_val_if_fail (hashtag != NULL, NULL);

  if (!(tag = clean_tag (hashtag, error)) || !(accounts = list_accounts (self, error)))
    return NULL;
  reading = read_servers (self->secrets, accounts, tag, cancellable);
  if (reading->error != NULL || !match_people (self, reading->posts, error))
    {
      if (reading->error != NULL)
        g_propagate_error (error, g_steal_pointer (&reading->error));
      reading_free (reading);
      return NULL;
    }
  if (problems != NULL)
    *problems = problems_strv (reading->problems);
  posts = g_steal_pointer (&reading->posts);
  reading_free (reading);
  return posts;
}

typedef struct
{
  GPtrArray *accounts;
  char      *tag;
  Reading   *reading;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_clear_pointer (&data->accounts, g_ptr_array_unref);
  g_free (data->tag);
  g_clear_pointer (&data->reading, reading_free);
  g_free (data);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  MqHashtagTimeline *self = source_object;
  FetchData *data = task_data;

  data->reading = read_servers (self->secrets, data->accounts, data->tag, cancellable);
  g_task_return_boolean (task, TRUE);
}

static void
fetch_read (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MqHashtagTimeline *self = MQ_HASHTAG_TIMELINE (object);
  FetchData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (data->reading->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->reading->error));
  else if (!match_people (self, data->reading->posts, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&data->reading), (GDestroyNotify) reading_free);
}

void
mq_hashtag_timeline_fetch_async (MqHashtagTimeline   *self,
                                 const char          *hashtag,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read = NULL;
  g_autoptr(GError) error = NULL;
  FetchData *data;

  g_return_if_fail (MQ_IS_HASHTAG_TIMELINE (self));
  g_return_if_fail (hashtag != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mq_hashtag_timeline_fetch_async);

  data = g_new0 (FetchData, 1);
  if (!(data->tag = clean_tag (hashtag, &error)) || !(data->accounts = list_accounts (self, &error)))
    {
      fetch_data_free (data);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  read = g_task_new (self, cancellable, fetch_read, g_object_ref (task));
  g_task_set_task_data (read, data, (GDestroyNotify) fetch_data_free);
  g_task_run_in_thread (read, fetch_thread);
}

GPtrArray *
mq_hashtag_timeline_fetch_finish (MqHashtagTimeline   *self,
                                  GAsyncResult        *result,
                                  char              ***problems,
                                  GError             **error)
{
  Reading *reading;
  GPtrArray *posts;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!(reading = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;
  if (problems != NULL)
    *problems = problems_strv (reading->problems);
  posts = g_steal_pointer (&reading->posts);
  reading_free (reading);
  return posts;
}
