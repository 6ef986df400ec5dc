/* mq-ticket-code.c: unguessable, printable ticket codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-ticket-code"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

#include "mq-error.h"
#include "mq-ticket-code.h"

#define ALPHABET_SIZE (sizeof MQ_TICKET_CODE_ALPHABET - 1)

/* Bytes at or above the largest multiple of the alphabet size are drawn
 * again: folding them in with a modulo would make the first letters likelier.
 */
#define ACCEPT_BELOW ((256 / ALPHABET_SIZE) * ALPHABET_SIZE)

G_STATIC_ASSERT (ALPHABET_SIZE == 31);
G_STATIC_ASSERT (ACCEPT_BELOW == 248);

static gboolean
fill_random (guint8  *buffer,
             gsize    size,
             GError **error)
{
  gsize filled = 0;

  while (filled < size)
    {
      ssize_t n = getrandom (buffer + filled, size - filled, 0);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;

          g_set_error (error, MQ_ERROR, MQ_ERROR_FAILED,
                       _("The system could not provide random numbers for a ticket code (%s)"),
                       g_strerror (saved_errno));
          return FALSE;
        }

      filled += (gsize) n;
    }

  return TRUE;
}

char *
mq_ticket_code_generate (GError **error)
{
  char code[MQ_TICKET_CODE_LENGTH + 1];
  guint8 pool[32];
  gsize used = sizeof pool;
  guint len = 0;

  while (len < MQ_TICKET_CODE_LENGTH)
    {
      guint8 byte;

      if (used == sizeof pool)
        {
          if (!fill_random (pool, sizeof pool, error))
            return NULL;
          used = 0;
        }

      byte = pool[used++];
      if (byte >= ACCEPT_BELOW)
        continue;

      code[len++] = MQ_TICKET_CODE_ALPHABET[byte % ALPHABET_SIZE];
    }

  code[len] = '\0';
  explicit_bzero (pool, sizeof pool);

  return g_strdup (code);
}

char *
mq_ticket_code_normalize (const char *text)
{
  g_autoptr(GString) code = NULL;

  if (text == NULL)
    return NULL;

  code = g_string_sized_new (MQ_TICKET_CODE_LENGTH);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-' || g_ascii_isspace (*p))
        continue;

      /* Longer input cannot become a code; stop before copying a whole paste. */
      if (code->len == MQ_TICKET_CODE_LENGTH)
        return NULL;

      g_string_append_c (code, g_ascii_toupper (*p));
    }

  if (!mq_ticket_code_is_valid (code->str))
    return NULL;

  return g_string_free (g_steal_pointer (&code), FALSE);
}

gboolean
mq_ticket_code_is_valid (const char *code)
{
  gsize len = 0;

  if (code == NULL)
    return FALSE;

  for (const char *p = code; *p != '\0'; p++, len++)
    {
      if (len == MQ_TICKET_CODE_LENGTH || memchr (MQ_TICKET_CODE_ALPHABET, *p, ALPHABET_SIZE) == NULL)
        return FALSE;
    }

  return len == MQ_TICKET_CODE_LENGTH;
}
