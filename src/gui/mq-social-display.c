/* mq-social-display.c: how networks, accounts and outbox states read in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-social-display"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mq-display-text.h"
#include "mq-social-display.h"

const char *
mq_display_network (MqSocialNetwork network)
{
  switch (network)
    {
    case MQ_SOCIAL_NETWORK_MASTODON:
      return _("Mastodon");
    case MQ_SOCIAL_NETWORK_BLUESKY:
      return _("Bluesky");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
mq_display_network_icon (MqSocialNetwork network)
{
  return network == MQ_SOCIAL_NETWORK_MASTODON ? "mq-mastodon-symbolic" : "mq-bluesky-symbolic";
}

static const char *
server_host (const char *server)
{
  const char *host = strstr (server, "://");

  return host != NULL ? host + 3 : server;
}

char *
mq_display_account (const MqSocialAccount *account)
{
  const char *handle;

  g_return_val_if_fail (account != NULL, NULL);

  handle = account->handle[0] == '@' ? account->handle + 1 : account->handle;
  if (account->network == MQ_SOCIAL_NETWORK_MASTODON && strchr (handle, '@') == NULL)
    return g_strdup_printf ("@%s@%s", handle, server_host (account->server));
  if (account->network == MQ_SOCIAL_NETWORK_MASTODON)
    return g_strdup_printf ("@%s", handle);
  return g_strdup (handle);
}

char *
mq_display_account_server (const MqSocialAccount *account)
{
  g_return_val_if_fail (account != NULL, NULL);

  /* Translators: a network and a server, like "Bluesky · bsky.social" */
  return g_strdup_printf (_("%s · %s"), mq_display_network (account->network),
                          server_host (account->server));
}

const char *
mq_display_outbox_state (MqOutboxState state)
{
  switch (state)
    {
    case MQ_OUTBOX_STATE_DRAFT:
      return C_("outbox state", "Draft");
    case MQ_OUTBOX_STATE_QUEUED:
      return C_("outbox state", "Queued");
    case MQ_OUTBOX_STATE_SENDING:
      return C_("outbox state", "Sending");
    case MQ_OUTBOX_STATE_POSTED:
      return C_("outbox state", "Posted");
    case MQ_OUTBOX_STATE_FAILED:
      return C_("outbox state", "Failed");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
mq_display_outbox_state_class (MqOutboxState state)
{
  switch (state)
    {
    case MQ_OUTBOX_STATE_DRAFT:
      return "status-declined";
    case MQ_OUTBOX_STATE_QUEUED:
    case MQ_OUTBOX_STATE_SENDING:
      return "status-maybe";
    case MQ_OUTBOX_STATE_POSTED:
      return "status-going";
    case MQ_OUTBOX_STATE_FAILED:
      return "error";
    default:
      g_return_val_if_reached ("");
    }
}

char *
mq_display_outbox_time (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (iso == NULL || (when = g_date_time_new_from_iso8601 (iso, NULL)) == NULL)
    return NULL;

  local = g_date_time_to_local (when);
  now = g_date_time_new_now_local ();
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_date_time_format (local, "%H:%M");
  return mq_display_date_time (when);
}
