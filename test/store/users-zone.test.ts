import { afterEach, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../support/app.js';
import { answerText, run } from '../support/bot.js';

let app: TestApp;
afterEach(async () => {
  await app.dispose();
});

describe('a stored time zone this machine does not know', () => {
  it('is read as none, so the person is still answered in the community’s zone', () => {
    app = testApp();
    run(app, 'carla', 'create Math', { channel: 'math' });
    run(app, 'ana', 'join', { channel: 'math' });
    // As a Slack profile could store it before platforms' zones were checked.
    app.store.db.prepare("UPDATE users SET tz = 'Mars/Olympus_Mons' WHERE external_id = 'ana'").run();
    const workspace = app.store.workspaces.find('console', 'school-a');
    expect(app.store.users.findByExternal(workspace?.id ?? 0, 'ana')?.tz).toBeNull();
    expect(answerText(run(app, 'ana', 'reflect Wait time worked.', { channel: 'math' }))).toMatch(/#\d+/);
    expect(answerText(run(app, 'ana', 'next', { channel: 'math' }))).not.toMatch(/went wrong/i);
  });
});
