/* mq-cli-hashtag.c: marquee-cli hashtag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-cli-hashtag.h"
#include "mq-cli-private.h"
#include "mq-hashtag-timeline.h"
#include "mq-outbox.h"
#include "mq-secret-store.h"

static JsonNode *
post_to_json (const MqHashtagPost *post)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  mq_cli_json_add_string (builder, "network", mq_social_network_to_string (post->network));
  mq_cli_json_add_string (builder, "author", post->author);
  mq_cli_json_add_string (builder, "display_name", post->display_name);
  mq_cli_json_add_string (builder, "text", post->text);
  mq_cli_json_add_string (builder, "url", post->url);
  mq_cli_json_add_string (builder, "created_at", post->created_at);
  mq_cli_json_add_int_or_null (builder, "person_id", post->person_id, post->person_id > 0);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_json (MqCli      *self,
            GPtrArray  *posts,
            char      **problems)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "posts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < posts->len; i++)
    json_builder_add_value (builder, post_to_json (g_ptr_array_index (posts, i)));
  json_builder_end_array (builder);
  /* Servers that could not be read, so an empty list is not mistaken for silence. */
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; problems[i] != NULL; i++)
    json_builder_add_string_value (builder, problems[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  mq_cli_print_json (self, json_builder_get_root (builder));
}

/* hashtag EVENT_ID [--json] */
int
mq_cli_command_hashtag (MqCli  *self,
                        int     argc,
                        char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_auto(GStrv) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MqEvent) event = NULL;
  g_autoptr(MqOutbox) outbox = NULL;
  g_autoptr(MqSecretStore) secrets = NULL;
  g_autoptr(MqHashtagTimeline) timeline = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  const char *hashtag;
  MqStore *store;
  int status;

  if (!mq_cli_parse (self, entries, "hashtag EVENT_ID [--json]", &args, &status))
    return status;
  if (g_strv_length (args) != 2)
    return mq_cli_usage_error (self, _("Usage: marquee-cli hashtag EVENT_ID [--json]"));
  if (!(event = mq_cli_load_event (self, args[1], &store, &error)))
    return mq_cli_fail (self, error);
  hashtag = mq_event_get_hashtag (event);
  if (hashtag == NULL || *hashtag == '\0')
    return mq_cli_fail_message (self, _("Event %s has no hashtag: give it one (event add --hashtag), "
                                        "then read who is posting with it"), args[1]);

  outbox = mq_outbox_new (store);
  secrets = mq_secret_store_libsecret_new (store);
  timeline = mq_hashtag_timeline_new (outbox, secrets);
  if (!(posts = mq_hashtag_timeline_fetch (timeline, hashtag, &problems, NULL, &error)))
    return mq_cli_fail (self, error);

  for (guint i = 0; !json && problems[i] != NULL; i++)
    mq_cli_note (self, _("Not read: %s"), problems[i]);
  if (json)
    {
      print_json (self, posts, problems);
      return MQ_CLI_EXIT_OK;
    }

  for (guint i = 0; i < posts->len; i++)
    {
      const MqHashtagPost *post = g_ptr_array_index (posts, i);
      g_autofree char *person = post->person_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, post->person_id)
                                                    : g_strdup ("");
      g_autofree char *text = g_strdup (post->text);

      g_strdelimit (text, "\t\r\n", ' ');
      mq_cli_print (self, "%s\t%s\t%s\t%s\t%s\n", post->created_at ? post->created_at : "",
                    mq_social_network_to_string (post->network), post->author, person, text);
    }
  return MQ_CLI_EXIT_OK;
}
