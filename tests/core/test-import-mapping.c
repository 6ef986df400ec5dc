/* test-import-mapping.c: presets, the generic names, status words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mq-error.h"
#include "mq-import-mapping.h"

/* "column=field" for every mapped column, in order. */
static char *
mapping_text (MqImportMapping *mapping)
{
  GString *text = g_string_new (NULL);

  for (guint c = 0; c < mq_import_mapping_get_n_columns (mapping); c++)
    {
      MqImportField field = mq_import_mapping_get_field (mapping, c);

      if (field != MQ_IMPORT_FIELD_IGNORE)
        g_string_append_printf (text, "%u=%s ", c, mq_import_field_to_string (field));
    }
  return g_string_free (text, FALSE);
}

static void
assert_preset (const char * const *header,
               MqImportPlatform    platform,
               const char         *expected)
{
  g_autoptr(MqImportMapping) mapping = mq_import_mapping_new (MQ_IMPORT_PLATFORM_AUTO, header);
  g_autofree char *text = mapping_text (mapping);

  g_assert_cmpstr (mq_import_platform_to_string (mq_import_mapping_get_platform (mapping)), ==,
                   mq_import_platform_to_string (platform));
  g_assert_cmpstr (text, ==, expected);
}

static void
test_meetup (void)
{
  const char *header[] = { "Name", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on",
                           "Joined Group on", "URL of Member Profile", NULL };

  assert_preset (header, MQ_IMPORT_PLATFORM_MEETUP, "0=name 4=status 5=guests 6=rsvp_time ");
}

static void
test_eventbrite (void)
{
  const char *header[] = { "Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity",
                           "Ticket Type", "Attendee #", "Attendee Status", "Cell Phone", "Company", NULL };

  assert_preset (header, MQ_IMPORT_PLATFORM_EVENTBRITE,
                 "1=rsvp_time 2=first_name 3=last_name 4=email 8=status 9=phone 10=organization ");
}

static void
test_luma (void)
{
  const char *header[] = { "api_id", "name", "first_name", "last_name", "email", "phone_number",
                           "created_at", "approval_status", "checked_in_at", "ticket_name", NULL };

  assert_preset (header, MQ_IMPORT_PLATFORM_LUMA,
                 "1=name 2=first_name 3=last_name 4=email 5=phone 6=rsvp_time 7=status 8=checked_in ");
}

static void
test_pretix (void)
{
  const char *checkin_list[] = { "Order code", "Attendee name", "Product", "Price", "Checked in", "Paid",
                                 "E-mail", NULL };
  /* The attendee's own address wins over the buyer's. */
  const char *positions[] = { "Order code", "Status", "Email", "Order date", "Attendee name",
                              "Attendee email", "Phone number", NULL };

  assert_preset (checkin_list, MQ_IMPORT_PLATFORM_PRETIX, "1=name 4=checked_in 6=email ");
  assert_preset (positions, MQ_IMPORT_PLATFORM_PRETIX,
                 "1=status 3=rsvp_time 4=name 5=email 6=phone ");
}

static void
test_generic (void)
{
  const char *header[] = { "Vorname", "Nachname", "E-Mail", "Mobile", "Mastodon handle", "Bluesky",
                           "Pronouns", "RSVP status", "Plus-ones", "Registered at", "Attended", "Notes", NULL };

  assert_preset (header, MQ_IMPORT_PLATFORM_GENERIC,
                 "0=first_name 1=last_name 2=email 3=phone 4=mastodon 5=bluesky 6=pronouns 7=status "
                 "8=guests 9=rsvp_time 10=checked_in ");
}

static void
test_override (void)
{
  const char *header[] = { "Ticket holder", "Name", "Email", NULL };
  g_autoptr(MqImportMapping) mapping = mq_import_mapping_new (MQ_IMPORT_PLATFORM_GENERIC, header);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = mapping_text (mapping);
  g_autofree char *after = NULL;

  g_assert_cmpstr (before, ==, "1=name 2=email ");

  /* One column per field: the name moves. */
  mq_import_mapping_set_field (mapping, 0, MQ_IMPORT_FIELD_NAME);
  after = mapping_text (mapping);
  g_assert_cmpstr (after, ==, "0=name 2=email ");
  g_assert_cmpint (mq_import_mapping_find_column (mapping, MQ_IMPORT_FIELD_NAME), ==, 0);

  mq_import_mapping_set_field (mapping, 0, MQ_IMPORT_FIELD_IGNORE);
  g_assert_false (mq_import_mapping_validate (mapping, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
}

static void
test_platform_forced (void)
{
  const char *header[] = { "Name", "RSVP", "Guests", NULL };
  g_autoptr(MqImportMapping) detected = mq_import_mapping_new (MQ_IMPORT_PLATFORM_AUTO, header);
  g_autoptr(MqImportMapping) forced = mq_import_mapping_new (MQ_IMPORT_PLATFORM_MEETUP, header);

  g_assert_cmpint (mq_import_mapping_get_platform (detected), ==, MQ_IMPORT_PLATFORM_GENERIC);
  g_assert_cmpint (mq_import_mapping_get_platform (forced), ==, MQ_IMPORT_PLATFORM_MEETUP);
}

static void
test_status_words (void)
{
  static const struct {
    const char          *word;
    MqImportStatusMatch  match;
    MqRsvpStatus         status;
    gboolean             in;
  } cases[] = {
    { "Yes", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING, FALSE },
    { "No", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_DECLINED, FALSE },
    { "Waitlist", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_WAITLISTED, FALSE },
    { "Not Attending", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_DECLINED, FALSE },
    { "Checked In", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING, TRUE },
    { "approved", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING, FALSE },
    { "pending_approval", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_MAYBE, FALSE },
    { "declined", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_DECLINED, FALSE },
    { "invited", MQ_IMPORT_STATUS_SKIP, MQ_RSVP_STATUS_MAYBE, FALSE },
    { "canceled", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_CANCELLED, FALSE },
    { " Paid ", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING, FALSE },
    { "", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING, FALSE },
    { "teleported", MQ_IMPORT_STATUS_UNKNOWN, MQ_RSVP_STATUS_GOING, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MqRsvpStatus status = MQ_RSVP_STATUS_GOING;
      gboolean in = FALSE;

      g_assert_cmpint (mq_import_map_status (cases[i].word, &status, &in), ==, cases[i].match);
      if (cases[i].match != MQ_IMPORT_STATUS_UNKNOWN)
        g_assert_cmpint (status, ==, cases[i].status);
      g_assert_cmpint (in, ==, cases[i].in);
    }
}

static void
test_checked_in_cells (void)
{
  g_assert_true (mq_import_parse_checked_in ("2026-12-01 19:02:11"));
  g_assert_true (mq_import_parse_checked_in ("Yes"));
  g_assert_true (mq_import_parse_checked_in ("1"));
  g_assert_false (mq_import_parse_checked_in (""));
  g_assert_false (mq_import_parse_checked_in ("No"));
  g_assert_false (mq_import_parse_checked_in ("false"));
  g_assert_false (mq_import_parse_checked_in ("0"));
  g_assert_false (mq_import_parse_checked_in (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/import-mapping/preset/meetup", test_meetup);
  g_test_add_func ("/core/import-mapping/preset/eventbrite", test_eventbrite);
  g_test_add_func ("/core/import-mapping/preset/luma", test_luma);
  g_test_add_func ("/core/import-mapping/preset/pretix", test_pretix);
  g_test_add_func ("/core/import-mapping/preset/generic", test_generic);
  g_test_add_func ("/core/import-mapping/preset/forced", test_platform_forced);
  g_test_add_func ("/core/import-mapping/override-column", test_override);
  g_test_add_func ("/core/import-mapping/status-words", test_status_words);
  g_test_add_func ("/core/import-mapping/checked-in-cells", test_checked_in_cells);

  return g_test_run ();
}
