import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type TestApp, testApp } from '../support/app.js';
import { answerText, run } from '../support/bot.js';

let app: TestApp;
/** Another connection to the same file: another process, or anything that writes past the bot. */
let other: Database.Database;

beforeEach(() => {
  app = testApp();
  run(app, 'carla', 'create Math', { channel: 'math' });
  run(app, 'ben', 'join', { channel: 'math' });
  // Ben is in two communities, so a channel that names neither leaves him to say which.
  run(app, 'carla', 'create Art', { channel: 'art' });
  run(app, 'ben', 'join', { channel: 'art' });
  other = new Database(app.config.DATABASE_PATH);
});
afterEach(async () => {
  other.close();
  await app.dispose();
});

const say = (user: string, text: string, channel: string | null = 'math') => run(app, user, text, { channel });

describe('the people and channels the bot keeps between commands', () => {
  it('looks a known person up once while nothing about people changes', () => {
    say('ben', 'help');
    const lookups = vi.spyOn(app.store.users, 'findByExternal');
    say('ben', 'help');
    say('ben', 'agenda');
    expect(lookups).not.toHaveBeenCalled();
  });

  it('sees a role given or taken by another connection at the next command', () => {
    expect(say('ben', 'audit').refused).toBe(true);
    other.prepare("UPDATE users SET is_coordinator = 1 WHERE external_id = 'ben'").run();
    expect(say('ben', 'audit').refused ?? false).toBe(false);
    other.prepare("UPDATE users SET is_coordinator = 0 WHERE external_id = 'ben'").run();
    expect(say('ben', 'audit').refused).toBe(true);
  });

  it('looks a role up once while nobody joins, leaves or changes roles', () => {
    say('ben', 'agenda');
    const lookups = vi.spyOn(app.store.communities, 'roleOf');
    say('ben', 'agenda');
    say('ben', 'agenda');
    expect(lookups).not.toHaveBeenCalled();
    say('carla', 'join', 'art');
    say('ben', 'agenda');
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it("sees a person's role in a community changed by another connection at the next command", () => {
    // A reflection takes a member who is not a guest; a guest may still read the agenda.
    expect(say('ben', 'reflect Fractions went well').refused ?? false).toBe(false);
    other.prepare("UPDATE memberships SET role = 'guest' WHERE user_id = (SELECT id FROM users WHERE external_id = 'ben')").run();
    expect(say('ben', 'reflect Decimals did not').refused).toBe(true);
    other.prepare("UPDATE memberships SET role = 'member' WHERE user_id = (SELECT id FROM users WHERE external_id = 'ben')").run();
    expect(say('ben', 'reflect Decimals did not').refused ?? false).toBe(false);
    other.prepare("DELETE FROM memberships WHERE user_id = (SELECT id FROM users WHERE external_id = 'ben')").run();
    expect(say('ben', 'agenda').refused).toBe(true);
  });

  it('sees a channel moved by another connection at the next command', () => {
    expect(answerText(say('ben', 'agenda'))).toContain('Agenda of Math');
    other.prepare("UPDATE communities SET channel = 'maths' WHERE channel = 'math'").run();
    expect(answerText(say('ben', 'agenda', 'maths'))).toContain('Agenda of Math');
    expect(answerText(say('ben', 'agenda', 'math'))).not.toContain('Agenda of Math');
  });

  it('makes the next person a coordinator once the workspace has none, though it had one when last asked', () => {
    say('ben', 'help');
    other.prepare('UPDATE users SET is_coordinator = 0').run();
    say('ben', 'help');
    const ws = app.store.workspaces.find('console', 'school-a');
    expect(app.store.users.findByExternal(ws?.id as number, 'ben')?.isCoordinator).toBe(true);
  });

  it('counts every change to people, communities and memberships, from any connection', () => {
    const count = (name: string) => (other.prepare('SELECT n FROM identity_versions WHERE name = ?').get(name) as { n: number }).n;
    const users = count('users');
    const communities = count('communities');
    const memberships = count('memberships');
    say('ben', 'leave');
    expect(count('memberships')).toBe(memberships + 1);
    other.prepare("UPDATE memberships SET role = 'lead'").run();
    expect(count('memberships')).toBeGreaterThan(memberships + 1);
    say('carla', 'archive');
    expect(count('communities')).toBeGreaterThan(communities);
    other.prepare("DELETE FROM users WHERE external_id = 'ben'").run();
    expect(count('users')).toBe(users + 1);
  });
});
