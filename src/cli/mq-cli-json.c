/* mq-cli-json.c: domain objects as the JSON the CLI contract names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mq-cli-private.h"

void
mq_cli_json_add_string (JsonBuilder *builder,
                        const char  *name,
                        const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *value)
{
  g_autofree char *text = mq_cli_format_time (value);

  mq_cli_json_add_string (builder, name, text);
}

void
mq_cli_json_add_int_or_null (JsonBuilder *builder,
                             const char  *name,
                             gint64       value,
                             gboolean     present)
{
  json_builder_set_member_name (builder, name);
  if (present)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
mq_cli_event_to_json (MqEvent *event)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) doors = mq_event_dup_doors_at (event);
  g_autoptr(GDateTime) qa_ends = mq_event_dup_qa_ends_at (event);
  int capacity = mq_event_get_capacity (event);

  json_builder_begin_object (builder);
  mq_cli_json_add_int_or_null (builder, "id", mq_event_get_id (event), TRUE);
  mq_cli_json_add_string (builder, "kind", mq_event_kind_to_string (mq_event_get_kind (event)));
  mq_cli_json_add_string (builder, "title", mq_event_get_title (event));
  add_time (builder, "starts_at", mq_event_get_starts_at (event));
  add_time (builder, "ends_at", mq_event_get_ends_at (event));
  mq_cli_json_add_string (builder, "time_zone", mq_event_get_time_zone (event));
  mq_cli_json_add_string (builder, "venue", mq_event_get_venue (event));
  mq_cli_json_add_string (builder, "address", mq_event_get_address (event));
  mq_cli_json_add_string (builder, "online_url", mq_event_get_online_url (event));
  mq_cli_json_add_int_or_null (builder, "capacity", capacity, capacity >= 0);
  mq_cli_json_add_string (builder, "hashtag", mq_event_get_hashtag (event));
  mq_cli_json_add_string (builder, "status", mq_event_status_to_string (mq_event_get_status (event)));
  mq_cli_json_add_int_or_null (builder, "parent_id", mq_event_get_parent_id (event),
                               mq_event_get_parent_id (event) > 0);
  mq_cli_json_add_string (builder, "description", mq_event_get_description (event));
  mq_cli_json_add_string (builder, "film_title", mq_event_get_film_title (event));
  mq_cli_json_add_string (builder, "film_director", mq_event_get_film_director (event));
  mq_cli_json_add_int_or_null (builder, "film_year", mq_event_get_film_year (event),
                               mq_event_get_film_year (event) > 0);
  mq_cli_json_add_int_or_null (builder, "film_runtime", mq_event_get_film_runtime (event),
                               mq_event_get_film_runtime (event) > 0);
  add_time (builder, "doors_at", doors);
  add_time (builder, "qa_ends_at", qa_ends);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
mq_cli_person_to_json (MqPerson *person)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *tags = mq_person_get_tags (person);

  json_builder_begin_object (builder);
  mq_cli_json_add_int_or_null (builder, "id", mq_person_get_id (person), TRUE);
  mq_cli_json_add_string (builder, "name", mq_person_get_name (person));
  mq_cli_json_add_string (builder, "email", mq_person_get_email (person));
  mq_cli_json_add_string (builder, "phone", mq_person_get_phone (person));
  mq_cli_json_add_string (builder, "mastodon", mq_person_get_mastodon (person));
  mq_cli_json_add_string (builder, "bluesky", mq_person_get_bluesky (person));
  mq_cli_json_add_string (builder, "organization", mq_person_get_organization (person));
  mq_cli_json_add_string (builder, "pronouns", mq_person_get_pronouns (person));
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
  add_time (builder, "created_at", mq_person_get_created_at (person));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
mq_cli_rsvp_to_json (MqRsvp *rsvp)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int position = mq_rsvp_get_waitlist_position (rsvp);

  json_builder_begin_object (builder);
  mq_cli_json_add_int_or_null (builder, "id", mq_rsvp_get_id (rsvp), TRUE);
  mq_cli_json_add_int_or_null (builder, "event_id", mq_rsvp_get_event_id (rsvp), TRUE);
  mq_cli_json_add_int_or_null (builder, "person_id", mq_rsvp_get_person_id (rsvp), TRUE);
  mq_cli_json_add_string (builder, "name", mq_rsvp_get_name (rsvp));
  mq_cli_json_add_string (builder, "status", mq_rsvp_status_to_string (mq_rsvp_get_status (rsvp)));
  mq_cli_json_add_int_or_null (builder, "party_size", mq_rsvp_get_party_size (rsvp), TRUE);
  mq_cli_json_add_string (builder, "ticket_code", mq_rsvp_get_ticket_code (rsvp));
  mq_cli_json_add_string (builder, "source", mq_rsvp_get_source (rsvp));
  add_time (builder, "created_at", mq_rsvp_get_created_at (rsvp));
  add_time (builder, "checked_in_at", mq_rsvp_get_checked_in_at (rsvp));
  mq_cli_json_add_int_or_null (builder, "checked_in_people", mq_rsvp_get_checked_in_people (rsvp), TRUE);
  mq_cli_json_add_int_or_null (builder, "waitlist_position", position, position > 0);
  mq_cli_json_add_string (builder, "override_reason", mq_rsvp_get_override_reason (rsvp));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
