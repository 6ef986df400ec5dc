/* mq-cli-person.c: marquee-cli person add|list|merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-cli-private.h"

static int
person_add (MqCli  *self,
            char  **argv)
{
  g_autofree char *name = NULL, *email = NULL, *mastodon = NULL, *bluesky = NULL;
  g_autofree char *phone = NULL, *pronouns = NULL, *organization = NULL, *languages = NULL;
  g_auto(GStrv) tags = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Display name"), N_("N") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Email address"), N_("E") },
    { "mastodon", 0, 0, G_OPTION_ARG_STRING, &mastodon, N_("Mastodon handle @user@host"), N_("H") },
    { "bluesky", 0, 0, G_OPTION_ARG_STRING, &bluesky, N_("Bluesky handle"), N_("H") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Phone number"), N_("P") },
    { "pronouns", 0, 0, G_OPTION_ARG_STRING, &pronouns, N_("Pronouns"), N_("P") },
    { "organization", 0, 0, G_OPTION_ARG_STRING, &organization, N_("Organization"), N_("O") },
    { "languages", 0, 0, G_OPTION_ARG_STRING, &languages, N_("Languages spoken, comma-separated"), N_("L") },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("A tag (repeatable)"), N_("TAG") },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqPersonDirectory) directory = NULL;
  g_autoptr(MqPerson) person = NULL;
  MqStore *store;
  gint64 id;
  int status;

  if (!mq_cli_parse (self, entries, "person add --name N", &args, &status))
    return status;
  if (g_strv_length (args) > 2)
    return mq_cli_usage_error (self, _("Unexpected argument “%s”"), args[2]);
  if (name == NULL || *g_strstrip (name) == '\0')
    return mq_cli_fail_message (self, _("A person needs a name: give --name"));
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  person = mq_person_new ();
  mq_person_set_name (person, name);
  mq_person_set_email (person, email);
  mq_person_set_mastodon (person, mastodon);
  mq_person_set_bluesky (person, bluesky);
  mq_person_set_phone (person, phone);
  mq_person_set_pronouns (person, pronouns);
  mq_person_set_organization (person, organization);
  mq_person_set_languages (person, languages);
  mq_person_set_tags (person, (const char * const *) tags);

  directory = mq_person_directory_new (store);
  id = mq_person_directory_add (directory, person, &error);
  if (id == 0)
    return mq_cli_fail (self, error);

  mq_cli_print (self, "%" G_GINT64_FORMAT "\n", id);
  return MQ_CLI_EXIT_OK;
}

static JsonNode *
person_row_to_json (gconstpointer row)
{
  return mq_cli_person_to_json ((MqPerson *) row);
}

static void
print_person (MqCli         *self,
              gconstpointer  row)
{
  MqPerson *person = (MqPerson *) row;

  mq_cli_print (self, "%" G_GINT64_FORMAT "\t%s\t%s\n", mq_person_get_id (person),
                mq_person_get_name (person),
                mq_person_get_email (person) != NULL ? mq_person_get_email (person) : "");
}

static int
person_list (MqCli  *self,
             char  **argv)
{
  g_autofree char *search = NULL;
  gboolean json = FALSE;
  int limit = 0;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only people matching Q"), N_("Q") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N people"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqPersonDirectory) directory = NULL;
  g_autoptr(GPtrArray) people = NULL;
  MqStore *store;
  int status;

  if (!mq_cli_parse (self, entries, "person list [--search Q] [--json]", &args, &status))
    return status;
  if (g_strv_length (args) > 2)
    return mq_cli_usage_error (self, _("Unexpected argument “%s”"), args[2]);
  if (limit < 0)
    return mq_cli_fail_message (self, _("--limit cannot be negative"));
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  directory = mq_person_directory_new (store);
  if (search != NULL)
    people = mq_person_directory_search (directory, search, limit > 0 ? (guint) limit : G_MAXUINT, &error);
  else
    people = mq_person_directory_list (directory, 0, limit > 0 ? (guint) limit : G_MAXUINT, &error);
  if (people == NULL)
    return mq_cli_fail (self, error);

  mq_cli_print_rows (self, people, json, person_row_to_json, print_person);

  return MQ_CLI_EXIT_OK;
}

static int
person_merge (MqCli  *self,
              char  **argv)
{
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqPersonDirectory) directory = NULL;
  MqStore *store;
  gint64 keep_id, drop_id;
  int status;

  if (!mq_cli_parse (self, NULL, "person merge KEEP_ID DROP_ID", &args, &status))
    return status;
  if (g_strv_length (args) != 4)
    return mq_cli_usage_error (self, _("Usage: marquee-cli person merge KEEP_ID DROP_ID"));
  if (!mq_cli_parse_id (args[2], _("person"), &keep_id, &error) ||
      !mq_cli_parse_id (args[3], _("person"), &drop_id, &error))
    return mq_cli_fail (self, error);
  if (keep_id == drop_id)
    return mq_cli_fail_message (self, _("Cannot merge a person with themselves"));
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  directory = mq_person_directory_new (store);
  if (!mq_person_directory_merge (directory, keep_id, drop_id, g_get_user_name (), &error))
    return mq_cli_fail (self, error);

  mq_cli_print (self, "%" G_GINT64_FORMAT "\n", keep_id);
  return MQ_CLI_EXIT_OK;
}

int
mq_cli_command_person (MqCli  *self,
                       int     argc,
                       char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return person_add (self, argv);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return person_list (self, argv);
  if (argc >= 2 && g_str_equal (argv[1], "merge"))
    return person_merge (self, argv);

  return mq_cli_usage_error (self, _("Usage: marquee-cli person add|list|merge …"));
}
