import pino from 'pino';
import { consoleStart } from '../adapters/console/console.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ManualClock } from '../src/ports.js';
import { openBotStore } from './store.js';

/**
 * `npm run demo`: the console on a sample school, seeded once through the same commands a person
 * would type: a coordinator (admin), two communities, eight teachers and a guest.
 */
const SEED: [user: string, channel: string | null, command: string][] = [
  ['admin', 'math5', 'create Grade 5 Math'],
  ['admin', 'math5', 'settings tz Europe/Copenhagen'],
  ['admin', 'science', 'create Science'],
  ['admin', 'science', 'settings tz Europe/Copenhagen'],
  ...['ana', 'ben', 'chloe', 'david', 'emma'].map((u): [string, string, string] => [u, 'math5', 'join']),
  ...['farid', 'greta', 'hans', 'david'].map((u): [string, string, string] => [u, 'science', 'join']),
  ['admin', 'math5', 'role @ana lead'],
  ['admin', 'math5', 'role @chloe curator'],
  ['admin', 'science', 'role @greta lead'],
  ['admin', 'math5', 'role @lea guest'],
  ['farid', null, 'lang ar'],
  ['greta', null, 'lang de'],
  ['hans', null, 'lang nl'],
  ['emma', null, 'lang da'],
];

process.env.DATABASE_PATH ??= './data/demo.sqlite';
const config = loadConfig();
const store = openBotStore(config.DATABASE_PATH);
if (!store.workspaces.find('console', 'console')) {
  const clock = new ManualClock(consoleStart(store, Date.now()));
  const app = createApp(config, { store, clock, log: pino({ level: 'silent' }) });
  for (const [user, channel, text] of SEED) {
    app.bot.handle({
      workspace: { platform: 'console', externalId: 'console', name: 'Console' },
      user: { externalId: user, displayName: user },
      place: { channel, channelName: channel },
      text: text.replace(/@(\w+)/g, '<@$1|$1>'),
    });
  }
  process.stdout.write(
    '* A sample school: admin coordinates; #math5 is Grade 5 Math (lead ana), #science is Science (lead greta).\n' +
      '* Try: :in #math5  then  /plc members  ·  :as farid  then  /plc help  ·  :help for the console.\n',
  );
}
store.close();
await import('./main.js');
