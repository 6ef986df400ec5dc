/* mq-contact-address.c: email addresses and social handles, checked and spelled one way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-contact-address"

#include "config.h"

#include <string.h>

#include "mq-contact-address.h"

static gboolean
has_space (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        return TRUE;
    }

  return FALSE;
}

gboolean
mq_contact_is_email (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  const char *at = strchr (text, '@');
  const char *dot;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL || has_space (text))
    return FALSE;

  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

static gboolean
is_domain (const char *text)
{
  g_auto(GStrv) labels = g_strsplit (text, ".", -1);

  if (g_strv_length (labels) < 2)
    return FALSE;

  for (guint i = 0; labels[i] != NULL; i++)
    {
      const char *label = labels[i];
      gsize len = strlen (label);

      if (len == 0 || label[0] == '-' || label[len - 1] == '-')
        return FALSE;

      for (const char *p = label; *p != '\0'; p++)
        {
          if (!g_ascii_isalnum (*p) && *p != '-')
            return FALSE;
        }
    }

  return TRUE;
}

char *
mq_contact_normalize_mastodon (const char *text)
{
  g_autofree char *user = NULL;
  g_autofree char *host = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (g_str_has_prefix (text, "https://"))
    {
      const char *slash = strstr (text + strlen ("https://"), "/@");

      if (slash == NULL)
        return NULL;
      host = g_strndup (text + strlen ("https://"), slash - (text + strlen ("https://")));
      user = g_strdup (slash + 2);
    }
  else
    {
      const char *start = text[0] == '@' ? text + 1 : text;
      const char *at = strchr (start, '@');

      if (at == NULL)
        return NULL;
      user = g_strndup (start, at - start);
      host = g_strdup (at + 1);
    }

  if (*user == '\0' || strchr (user, '@') != NULL || strchr (user, '/') != NULL ||
      has_space (user) || !is_domain (host))
    return NULL;

  lower = g_ascii_strdown (host, -1);
  return g_strdup_printf ("@%s@%s", user, lower);
}

char *
mq_contact_normalize_bluesky (const char *text)
{
  const char *start;

  g_return_val_if_fail (text != NULL, NULL);

  start = text[0] == '@' ? text + 1 : text;

  if (!is_domain (start))
    return NULL;

  return g_ascii_strdown (start, -1);
}
