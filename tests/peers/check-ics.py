#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Reads an .ics with Python's icalendar (Debian python3-icalendar) and prints
# each VEVENT as one line: UID|SUMMARY|start UTC|end UTC|LOCATION|URL|
# DESCRIPTION|CATEGORIES, line breaks as "\n".
import sys
from datetime import timezone

import icalendar


def utc(value):
    return value.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ') if value else ''


with open(sys.argv[1], 'rb') as f:
    calendar = icalendar.Calendar.from_ical(f.read())

for event in calendar.walk('VEVENT'):
    categories = event.get('CATEGORIES')
    cats = ','.join(str(c) for c in categories.cats) if categories is not None else ''
    fields = [
        str(event['UID']), str(event['SUMMARY']),
        utc(event.decoded('DTSTART')), utc(event.decoded('DTEND') if 'DTEND' in event else None),
        str(event.get('LOCATION', '')), str(event.get('URL', '')),
        str(event.get('DESCRIPTION', '')).replace('\n', '\\n'), cats,
    ]
    print('|'.join(fields))
