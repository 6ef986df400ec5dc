// SPDX-License-Identifier: GPL-3.0-or-later
// Reads an .ics with ical.js, times through the file's own VTIMEZONEs, and
// prints what check-ics.py prints: one line per VEVENT.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const peers = process.env.MARQUEE_PEERS_DIR;
const ICAL = createRequire(peers + '/')('ical.js');

const root = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], 'utf8')));
for (const zone of root.getAllSubcomponents('vtimezone'))
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));

const utc = (time) => time ? time.toJSDate().toISOString().replace('.000Z', 'Z') : '';

for (const component of root.getAllSubcomponents('vevent')) {
  const event = new ICAL.Event(component);
  const categories = component.getAllProperties('categories').flatMap((p) => p.getValues());
  console.log([
    event.uid, event.summary, utc(event.startDate), utc(component.hasProperty('dtend') ? event.endDate : null),
    event.location || '', component.getFirstPropertyValue('url') || '',
    (event.description || '').replace(/\n/g, '\\n'), categories.join(','),
  ].join('|'));
}
