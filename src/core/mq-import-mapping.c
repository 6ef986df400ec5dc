/* mq-import-mapping.c: which column of an attendee export means what
 *
 * The presets follow what the platforms document of their exports (looked up
 * in their public help and developer pages; the layouts change now and then,
 * which is why every column stays overridable):
 * - Meetup's "Download attendee list" (help.meetup.com, managing RSVPs):
 *   Name, User ID, Title, Event Host, RSVP (Yes / No / Waitlist), Guests,
 *   RSVPed on, Joined Group on, URL of Member Profile, then the answers.
 *   Meetup shares no email addresses.
 * - Eventbrite's Attendee Summary report (eventbrite.com help, "Glossary of
 *   order and attendee statuses in event reports"): Order #, Order Date,
 *   First Name, Last Name, Email, Quantity, Ticket Type, Attendee #,
 *   Attendee Status (Attending, Checked In, Not Attending, …), Cell Phone,
 *   Company. One row per ticket.
 * - Luma's guest CSV (help.luma.com, "Managing your guest list"; the API's
 *   guest object): api_id, name, first_name, last_name, email, phone_number,
 *   created_at, approval_status (approved, declined, pending_approval,
 *   waitlist, invited), checked_in_at, ticket_name.
 * - pretix's check-in list CSV and order data export (docs.pretix.eu,
 *   exporters): Order code, Attendee name, Product, Price, Checked in, Paid,
 *   Secret, E-mail; the positions export adds Status, Attendee email, Order
 *   date, Phone number, Company.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-import-mapping"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-error.h"
#include "mq-import-mapping.h"

struct _MqImportMapping
{
  GObject           parent_instance;

  MqImportPlatform  platform;
  GArray           *fields;   /* MqImportField per column */
};

G_DEFINE_FINAL_TYPE (MqImportMapping, mq_import_mapping, G_TYPE_OBJECT)

typedef struct
{
  const char    *key;    /* header folded by fold_key() */
  MqImportField  field;
} ColumnName;

static const ColumnName meetup_columns[] = {
  { "name", MQ_IMPORT_FIELD_NAME },
  { "rsvp", MQ_IMPORT_FIELD_STATUS },
  { "guests", MQ_IMPORT_FIELD_GUESTS },
  { "rsvpedon", MQ_IMPORT_FIELD_RSVP_TIME },
  { "phone", MQ_IMPORT_FIELD_PHONE },
  { NULL },
};

static const ColumnName eventbrite_columns[] = {
  { "firstname", MQ_IMPORT_FIELD_FIRST_NAME },
  { "lastname", MQ_IMPORT_FIELD_LAST_NAME },
  { "email", MQ_IMPORT_FIELD_EMAIL },
  { "attendeestatus", MQ_IMPORT_FIELD_STATUS },
  { "orderdate", MQ_IMPORT_FIELD_RSVP_TIME },
  { "cellphone", MQ_IMPORT_FIELD_PHONE },
  { "company", MQ_IMPORT_FIELD_ORGANIZATION },
  { NULL },
};

static const ColumnName luma_columns[] = {
  { "name", MQ_IMPORT_FIELD_NAME },
  { "firstname", MQ_IMPORT_FIELD_FIRST_NAME },
  { "lastname", MQ_IMPORT_FIELD_LAST_NAME },
  { "email", MQ_IMPORT_FIELD_EMAIL },
  { "phonenumber", MQ_IMPORT_FIELD_PHONE },
  { "createdat", MQ_IMPORT_FIELD_RSVP_TIME },
  { "approvalstatus", MQ_IMPORT_FIELD_STATUS },
  { "checkedinat", MQ_IMPORT_FIELD_CHECKED_IN },
  { NULL },
};

static const ColumnName pretix_columns[] = {
  { "attendeename", MQ_IMPORT_FIELD_NAME },
  { "attendeenamegivenname", MQ_IMPORT_FIELD_FIRST_NAME },
  { "attendeenamefamilyname", MQ_IMPORT_FIELD_LAST_NAME },
  /* The attendee's own address beats the buyer's. */
  { "attendeeemail", MQ_IMPORT_FIELD_EMAIL },
  { "email", MQ_IMPORT_FIELD_EMAIL },
  { "status", MQ_IMPORT_FIELD_STATUS },
  { "orderdate", MQ_IMPORT_FIELD_RSVP_TIME },
  { "checkedin", MQ_IMPORT_FIELD_CHECKED_IN },
  { "phonenumber", MQ_IMPORT_FIELD_PHONE },
  { "company", MQ_IMPORT_FIELD_ORGANIZATION },
  { NULL },
};

/* Spreadsheets made by hand, and Marquee's own exports. */
static const ColumnName generic_columns[] = {
  { "name", MQ_IMPORT_FIELD_NAME },
  { "fullname", MQ_IMPORT_FIELD_NAME },
  { "attendeename", MQ_IMPORT_FIELD_NAME },
  { "displayname", MQ_IMPORT_FIELD_NAME },
  { "guestname", MQ_IMPORT_FIELD_NAME },
  { "participant", MQ_IMPORT_FIELD_NAME },
  { "firstname", MQ_IMPORT_FIELD_FIRST_NAME },
  { "givenname", MQ_IMPORT_FIELD_FIRST_NAME },
  { "first", MQ_IMPORT_FIELD_FIRST_NAME },
  { "vorname", MQ_IMPORT_FIELD_FIRST_NAME },
  { "lastname", MQ_IMPORT_FIELD_LAST_NAME },
  { "surname", MQ_IMPORT_FIELD_LAST_NAME },
  { "familyname", MQ_IMPORT_FIELD_LAST_NAME },
  { "last", MQ_IMPORT_FIELD_LAST_NAME },
  { "nachname", MQ_IMPORT_FIELD_LAST_NAME },
  { "email", MQ_IMPORT_FIELD_EMAIL },
  { "emailaddress", MQ_IMPORT_FIELD_EMAIL },
  { "mail", MQ_IMPORT_FIELD_EMAIL },
  { "attendeeemail", MQ_IMPORT_FIELD_EMAIL },
  { "phone", MQ_IMPORT_FIELD_PHONE },
  { "phonenumber", MQ_IMPORT_FIELD_PHONE },
  { "mobile", MQ_IMPORT_FIELD_PHONE },
  { "cellphone", MQ_IMPORT_FIELD_PHONE },
  { "telephone", MQ_IMPORT_FIELD_PHONE },
  { "mastodon", MQ_IMPORT_FIELD_MASTODON },
  { "mastodonhandle", MQ_IMPORT_FIELD_MASTODON },
  { "fediverse", MQ_IMPORT_FIELD_MASTODON },
  { "bluesky", MQ_IMPORT_FIELD_BLUESKY },
  { "blueskyhandle", MQ_IMPORT_FIELD_BLUESKY },
  { "bsky", MQ_IMPORT_FIELD_BLUESKY },
  { "organization", MQ_IMPORT_FIELD_ORGANIZATION },
  { "organisation", MQ_IMPORT_FIELD_ORGANIZATION },
  { "company", MQ_IMPORT_FIELD_ORGANIZATION },
  { "pronouns", MQ_IMPORT_FIELD_PRONOUNS },
  { "status", MQ_IMPORT_FIELD_STATUS },
  { "rsvp", MQ_IMPORT_FIELD_STATUS },
  { "rsvpstatus", MQ_IMPORT_FIELD_STATUS },
  { "attendeestatus", MQ_IMPORT_FIELD_STATUS },
  { "approvalstatus", MQ_IMPORT_FIELD_STATUS },
  { "response", MQ_IMPORT_FIELD_STATUS },
  { "partysize", MQ_IMPORT_FIELD_PARTY_SIZE },
  { "party", MQ_IMPORT_FIELD_PARTY_SIZE },
  { "seats", MQ_IMPORT_FIELD_PARTY_SIZE },
  { "tickets", MQ_IMPORT_FIELD_PARTY_SIZE },
  { "guests", MQ_IMPORT_FIELD_GUESTS },
  { "plusones", MQ_IMPORT_FIELD_GUESTS },
  { "plusone", MQ_IMPORT_FIELD_GUESTS },
  { "additionalguests", MQ_IMPORT_FIELD_GUESTS },
  { "rsvptime", MQ_IMPORT_FIELD_RSVP_TIME },
  { "rsvpedon", MQ_IMPORT_FIELD_RSVP_TIME },
  { "registeredat", MQ_IMPORT_FIELD_RSVP_TIME },
  { "registrationdate", MQ_IMPORT_FIELD_RSVP_TIME },
  { "createdat", MQ_IMPORT_FIELD_RSVP_TIME },
  { "orderdate", MQ_IMPORT_FIELD_RSVP_TIME },
  { "checkedin", MQ_IMPORT_FIELD_CHECKED_IN },
  { "checkedinat", MQ_IMPORT_FIELD_CHECKED_IN },
  { "checkin", MQ_IMPORT_FIELD_CHECKED_IN },
  { "attended", MQ_IMPORT_FIELD_CHECKED_IN },
  { NULL },
};

static const char * const field_names[MQ_IMPORT_N_FIELDS] = {
  "ignore", "name", "first_name", "last_name", "email", "phone", "mastodon",
  "bluesky", "organization", "pronouns", "status", "party_size", "guests",
  "rsvp_time", "checked_in",
};

static const char * const platform_names[] = {
  "auto", "generic", "meetup", "eventbrite", "luma", "pretix",
};

const char *
mq_import_platform_to_string (MqImportPlatform platform)
{
  g_return_val_if_fail (platform <= MQ_IMPORT_PLATFORM_PRETIX, NULL);
  return platform_names[platform];
}

gboolean
mq_import_platform_from_string (const char       *text,
                                MqImportPlatform *platform)
{
  g_return_val_if_fail (platform != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (platform_names); i++)
    {
      if (g_ascii_strcasecmp (text, platform_names[i]) == 0)
        {
          *platform = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
mq_import_field_to_string (MqImportField field)
{
  g_return_val_if_fail (field < MQ_IMPORT_N_FIELDS, NULL);
  return field_names[field];
}

gboolean
mq_import_field_from_string (const char    *text,
                             MqImportField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  for (guint i = 0; text != NULL && i < MQ_IMPORT_N_FIELDS; i++)
    {
      if (g_ascii_strcasecmp (text, field_names[i]) == 0)
        {
          *field = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* "E-mail", "e_mail " and "Email" are one key: ASCII letters and digits,
 * lower case.
 */
static char *
fold_key (const char *text)
{
  GString *key = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, g_ascii_tolower (*p));
    }

  return g_string_free (key, FALSE);
}

static gboolean
header_has (const char * const *header,
            const char         *key)
{
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *folded = fold_key (header[i]);

      if (g_str_equal (folded, key))
        return TRUE;
    }
  return FALSE;
}

MqImportPlatform
mq_import_mapping_detect (const char * const *header)
{
  g_return_val_if_fail (header != NULL, MQ_IMPORT_PLATFORM_GENERIC);

  /* Each test names columns no other platform writes. */
  if (header_has (header, "approvalstatus") ||
      (header_has (header, "apiid") && header_has (header, "checkedinat")))
    return MQ_IMPORT_PLATFORM_LUMA;
  if (header_has (header, "attendee") || header_has (header, "attendeestatus") ||
      (header_has (header, "order") && header_has (header, "firstname")))
    return MQ_IMPORT_PLATFORM_EVENTBRITE;
  if (header_has (header, "ordercode") &&
      (header_has (header, "attendeename") || header_has (header, "attendeeemail") ||
       header_has (header, "attendeenamegivenname")))
    return MQ_IMPORT_PLATFORM_PRETIX;
  if (header_has (header, "rsvp") &&
      (header_has (header, "userid") || header_has (header, "rsvpedon") ||
       header_has (header, "urlofmemberprofile")))
    return MQ_IMPORT_PLATFORM_MEETUP;

  return MQ_IMPORT_PLATFORM_GENERIC;
}

static const ColumnName *
preset_columns (MqImportPlatform platform)
{
  switch (platform)
    {
    case MQ_IMPORT_PLATFORM_MEETUP: return meetup_columns;
    case MQ_IMPORT_PLATFORM_EVENTBRITE: return eventbrite_columns;
    case MQ_IMPORT_PLATFORM_LUMA: return luma_columns;
    case MQ_IMPORT_PLATFORM_PRETIX: return pretix_columns;
    case MQ_IMPORT_PLATFORM_AUTO:
    case MQ_IMPORT_PLATFORM_GENERIC:
    default:
      return NULL;
    }
}

/* Each name of @names, in order, takes the first column it fits whose field
 * is still free: the order of the table is the preference.
 */
static void
apply_names (MqImportMapping    *self,
             GStrv               keys,
             const ColumnName   *names)
{
  for (guint n = 0; names != NULL && names[n].key != NULL; n++)
    {
      if (mq_import_mapping_find_column (self, names[n].field) >= 0)
        continue;

      for (guint c = 0; c < self->fields->len; c++)
        {
          if (g_array_index (self->fields, MqImportField, c) == MQ_IMPORT_FIELD_IGNORE &&
              g_str_equal (keys[c], names[n].key))
            {
              g_array_index (self->fields, MqImportField, c) = names[n].field;
              break;
            }
        }
    }
}

MqImportMapping *
mq_import_mapping_new (MqImportPlatform    platform,
                       const char * const *header)
{
  MqImportMapping *self;
  g_auto(GStrv) keys = NULL;
  guint n_columns;

  g_return_val_if_fail (header != NULL, NULL);
  g_return_val_if_fail (platform <= MQ_IMPORT_PLATFORM_PRETIX, NULL);

  if (platform == MQ_IMPORT_PLATFORM_AUTO)
    platform = mq_import_mapping_detect (header);

  n_columns = g_strv_length ((GStrv) header);
  keys = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    keys[i] = fold_key (header[i]);

  self = g_object_new (MQ_TYPE_IMPORT_MAPPING, NULL);
  self->platform = platform;
  g_array_set_size (self->fields, n_columns);

  apply_names (self, keys, preset_columns (platform));
  apply_names (self, keys, generic_columns);

  return self;
}

static void
mq_import_mapping_finalize (GObject *object)
{
  MqImportMapping *self = (MqImportMapping *) object;

  g_clear_pointer (&self->fields, g_array_unref);

  G_OBJECT_CLASS (mq_import_mapping_parent_class)->finalize (object);
}

static void
mq_import_mapping_class_init (MqImportMappingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mq_import_mapping_finalize;
}

static void
mq_import_mapping_init (MqImportMapping *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (MqImportField));
}

MqImportPlatform
mq_import_mapping_get_platform (MqImportMapping *self)
{
  g_return_val_if_fail (MQ_IS_IMPORT_MAPPING (self), MQ_IMPORT_PLATFORM_GENERIC);
  return self->platform;
}

guint
mq_import_mapping_get_n_columns (MqImportMapping *self)
{
  g_return_val_if_fail (MQ_IS_IMPORT_MAPPING (self), 0);
  return self->fields->len;
}

MqImportField
mq_import_mapping_get_field (MqImportMapping *self,
                             guint            column)
{
  g_return_val_if_fail (MQ_IS_IMPORT_MAPPING (self), MQ_IMPORT_FIELD_IGNORE);
  g_return_val_if_fail (column < self->fields->len, MQ_IMPORT_FIELD_IGNORE);

  return g_array_index (self->fields, MqImportField, column);
}

void
mq_import_mapping_set_field (MqImportMapping *self,
                             guint            column,
                             MqImportField    field)
{
  int previous;

  g_return_if_fail (MQ_IS_IMPORT_MAPPING (self));
  g_return_if_fail (column < self->fields->len);
  g_return_if_fail (field < MQ_IMPORT_N_FIELDS);

  if (field != MQ_IMPORT_FIELD_IGNORE &&
      (previous = mq_import_mapping_find_column (self, field)) >= 0)
    g_array_index (self->fields, MqImportField, previous) = MQ_IMPORT_FIELD_IGNORE;

  g_array_index (self->fields, MqImportField, column) = field;
}

int
mq_import_mapping_find_column (MqImportMapping *self,
                               MqImportField    field)
{
  g_return_val_if_fail (MQ_IS_IMPORT_MAPPING (self), -1);

  for (guint c = 0; c < self->fields->len; c++)
    {
      if (g_array_index (self->fields, MqImportField, c) == field)
        return c;
    }
  return -1;
}

gboolean
mq_import_mapping_validate (MqImportMapping  *self,
                            GError          **error)
{
  g_return_val_if_fail (MQ_IS_IMPORT_MAPPING (self), FALSE);

  if (mq_import_mapping_find_column (self, MQ_IMPORT_FIELD_NAME) < 0 &&
      mq_import_mapping_find_column (self, MQ_IMPORT_FIELD_FIRST_NAME) < 0 &&
      mq_import_mapping_find_column (self, MQ_IMPORT_FIELD_LAST_NAME) < 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("No column gives the attendees’ names: name a column “Name” (or “First name” "
                     "and “Last name”), or choose the column in the mapping"));
      return FALSE;
    }

  return TRUE;
}

const char *
mq_import_mapping_get_value (MqImportMapping    *self,
                             const char * const *row,
                             guint               n_fields,
                             MqImportField       field,
                             GString            *scratch)
{
  int column;
  const char *start, *end;

  g_return_val_if_fail (MQ_IS_IMPORT_MAPPING (self), NULL);

  column = mq_import_mapping_find_column (self, field);
  if (column < 0 || (guint) column >= n_fields || row[column] == NULL)
    return NULL;

  start = row[column];
  end = start + strlen (start);
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  g_string_truncate (scratch, 0);
  g_string_append_len (scratch, start, end - start);
  return scratch->str;
}

typedef struct
{
  const char          *key;
  MqImportStatusMatch  match;
  MqRsvpStatus         status;
} StatusWord;

static const StatusWord status_words[] = {
  /* Meetup */
  { "yes", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING },
  { "no", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_DECLINED },
  { "waitlist", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_WAITLISTED },
  { "maybe", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_MAYBE },
  /* Eventbrite */
  { "attending", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING },
  { "checkedin", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING },
  { "notattending", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_DECLINED },
  { "deleted", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_CANCELLED },
  { "refunded", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_CANCELLED },
  { "transferred", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_CANCELLED },
  { "abandoned", MQ_IMPORT_STATUS_SKIP, MQ_RSVP_STATUS_CANCELLED },
  /* Luma */
  { "approved", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING },
  { "declined", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_DECLINED },
  { "pendingapproval", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_MAYBE },
  { "invited", MQ_IMPORT_STATUS_SKIP, MQ_RSVP_STATUS_MAYBE },
  /* pretix */
  { "paid", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING },
  { "pending", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_MAYBE },
  { "canceled", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_CANCELLED },
  { "expired", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_CANCELLED },
  /* Marquee's own words and common spreadsheet ones */
  { "going", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING },
  { "waitlisted", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_WAITLISTED },
  { "cancelled", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_CANCELLED },
  { "confirmed", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING },
  { "accepted", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING },
  { "registered", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING },
  { "attended", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_GOING },
  { "waiting", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_WAITLISTED },
  { "waitinglist", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_WAITLISTED },
  { "tentative", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_MAYBE },
  { "interested", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_MAYBE },
  { "notgoing", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_DECLINED },
  { "cantgo", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_DECLINED },
  { "rejected", MQ_IMPORT_STATUS_KNOWN, MQ_RSVP_STATUS_DECLINED },
};

MqImportStatusMatch
mq_import_map_status (const char   *text,
                      MqRsvpStatus *status,
                      gboolean     *checked_in)
{
  g_autofree char *key = fold_key (text);

  g_return_val_if_fail (status != NULL, MQ_IMPORT_STATUS_UNKNOWN);

  if (checked_in != NULL)
    *checked_in = g_str_equal (key, "checkedin") || g_str_equal (key, "attended");

  if (*key == '\0')
    {
      *status = MQ_RSVP_STATUS_GOING;
      return MQ_IMPORT_STATUS_KNOWN;
    }

  for (guint i = 0; i < G_N_ELEMENTS (status_words); i++)
    {
      if (g_str_equal (key, status_words[i].key))
        {
          *status = status_words[i].status;
          return status_words[i].match;
        }
    }

  return MQ_IMPORT_STATUS_UNKNOWN;
}

gboolean
mq_import_parse_checked_in (const char *text)
{
  static const char * const falsy[] = {
    "", "no", "n", "false", "0", "notcheckedin", "nein", "non",
  };
  g_autofree char *key = fold_key (text);

  if (text == NULL)
    return FALSE;

  /* A time, "Yes", "1", "Checked In": anything but a "no". */
  for (guint i = 0; i < G_N_ELEMENTS (falsy); i++)
    {
      if (g_str_equal (key, falsy[i]))
        return FALSE;
    }
  return TRUE;
}
