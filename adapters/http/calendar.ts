import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { App } from '../../src/app.js';
import { calendarFeed, type Feed } from '../../src/capabilities/meetings/index.js';
import type { HttpServer } from './server.js';

const TOKEN_PATH = /^\/calendar\/([A-Za-z0-9_-]{16,128})\.ics$/;

/** Writes a community's feed as iCalendar text that Outlook, Google and Apple Calendar subscribe to. */
export function feedToIcs(feed: Feed, now: number): string {
  const calendar = ical({
    name: feed.name,
    prodId: { company: 'plc-bot', product: 'meetings' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 3600,
  });
  for (const e of feed.events) {
    const allDay = typeof e.start === 'string';
    calendar.createEvent({
      id: e.uid,
      summary: e.summary,
      // All-day dates are floating local dates; meeting times are exact instants (written in UTC).
      start: allDay ? new Date(`${e.start}T00:00:00Z`) : new Date(e.start),
      end: allDay ? new Date(`${e.end}T00:00:00Z`) : new Date(e.end),
      allDay,
      stamp: new Date(now),
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: allDay ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      location: e.location,
      description: e.description,
    });
  }
  return calendar.toString();
}

/** Serves `GET /calendar/<secret token>.ics` on the shared HTTP server; an unknown token is a plain 404. */
export function registerCalendarFeed(http: HttpServer, app: App): void {
  http.route('GET', '/calendar/*', (req, res) => {
    const path = (req.url ?? '').split('?')[0] as string;
    const token = TOKEN_PATH.exec(path)?.[1];
    const now = app.clock.now().getTime();
    const feed = token ? calendarFeed(app.store, token, now) : null;
    if (!feed) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res
      .writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'cache-control': 'private, max-age=300',
        'content-disposition': 'inline; filename="meetings.ics"',
      })
      .end(feedToIcs(feed, now));
  });
}
