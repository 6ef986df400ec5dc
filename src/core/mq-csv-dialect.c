/* mq-csv-dialect.c: which delimiter a CSV file uses
 *
 * Spreadsheets write ",", European Excel ";", and some exports a tab; the
 * file does not say which, so the first records decide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mq-csv-encoding-private.h"

/* Records looked at: enough for a header and a screenful of rows. */
#define SNIFF_RECORDS 20

/* Counts each candidate outside quotes, record by record, over what the
 * text holds: the delimiter that splits every record the same way wins,
 * the one splitting the header most among equals.
 */
char
mq_csv_sniff_delimiter (const char *text,
                        gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)][SNIFF_RECORDS] = { { 0 } };
  guint n_records = 0;
  gboolean in_quotes = FALSE, line_has_text = FALSE;
  char best = ',';
  guint best_score = 0;

  for (gsize i = 0; i < length && n_records < SNIFF_RECORDS; i++)
    {
      char c = text[i];

      if (c == '"')
        in_quotes = !in_quotes;
      else if (!in_quotes && (c == '\n' || c == '\r'))
        {
          if (line_has_text)
            n_records++;
          line_has_text = FALSE;
          continue;
        }
      else if (!in_quotes)
        {
          for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
            if (c == candidates[k])
              counts[k][n_records]++;
        }
      line_has_text = TRUE;
    }
  if (line_has_text && n_records < SNIFF_RECORDS)
    n_records++;

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      gboolean consistent = TRUE;
      guint score;

      if (counts[k][0] == 0)
        continue;
      for (guint r = 1; r < n_records; r++)
        consistent &= counts[k][r] == counts[k][0];

      /* Consistency first, then the number of columns it makes. */
      score = (consistent ? 1000000 : 0) + counts[k][0];
      if (score > best_score)
        {
          best_score = score;
          best = candidates[k];
        }
    }

  return best;
}
