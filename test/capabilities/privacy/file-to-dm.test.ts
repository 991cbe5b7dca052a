import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assemble } from '../../../src/app.js';
import { Bot } from '../../../src/bot.js';
import { capabilities } from '../../../src/capabilities.js';
import { answer, command, noArguments } from '../../../src/grammar/command.js';
import { t } from '../../../src/i18n/translate.js';
import { text, view } from '../../../src/views/build.js';
import { type TestApp, testApp } from '../../support/app.js';

describe('a file in any answer', () => {
  let app: TestApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(async () => {
    await app.dispose();
  });

  it('goes to the asker’s direct messages, never where it was asked, and the asker hears where it went', () => {
    // A capability that answers its asker with a file (as a community export might).
    const { registry, homeSections, reactions } = assemble(capabilities());
    registry.add(
      command({
        words: ['report'],
        help: 'help',
        access: 'anyone',
        community: 'none',
        ...noArguments,
        run: (ctx) => [
          answer(view(ctx.i18n.locale, [text('Report'), { type: 'file', file: { name: 'r.csv', mime: 'text/csv', content: 'a,b\n' } }])),
        ],
      }),
    );
    const bot = new Bot({
      store: app.store,
      clock: app.clock,
      registry,
      homeSections,
      reactions,
      defaultTz: 'UTC',
      log: pino({ level: 'silent' }),
    });
    const h = bot.handle({
      workspace: { platform: 'console', externalId: 'school-a' },
      user: { externalId: 'ana', displayName: 'ana' },
      place: { channel: 'math', channelName: 'math' },
      text: 'report',
    });
    const withFile = h.deliveries.filter((d) => d.view.blocks.some((b) => b.type === 'file'));
    expect(withFile.map((d) => (d.to === 'user' ? [d.to, d.user.externalId, d.asked] : [d.to]))).toEqual([['user', 'ana', true]]);
    const asker = h.deliveries.filter((d) => d.to === 'asker').map((d) => d.view.blocks);
    expect(asker.at(-1)).toEqual([{ type: 'text', text: t('en', 'delivery.fileInDm') }]);
  });
});
