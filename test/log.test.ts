import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';
import { testApp } from './support/app.js';
import { run } from './support/bot.js';

describe('logs', () => {
  it('redact what users wrote and every token', () => {
    let written = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        written += chunk.toString();
        done();
      },
    });
    const log = createLogger('info', sink as never);
    log.info(
      { text: 'my private reflection', inbound: { text: 'also private' }, token: 'xoxb-secret', headers: { authorization: 'Bearer abc' } },
      'got',
    );
    expect(written).not.toMatch(/private|xoxb-secret|Bearer abc/);
    expect(written).toContain('[redacted]');
  });
});

describe('request ids', () => {
  function capture() {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    return { lines, log: createLogger('debug', sink as never) };
  }

  it('mark every command with an id of its own, its kind and outcome, and none of what was typed', async () => {
    const { lines, log } = capture();
    const app = testApp({ log });
    try {
      run(app, 'carla', 'create Secret Garden Club', { channel: 'math' });
      run(app, 'carla', 'agenda add my private worry about ana', { channel: 'math' });
      run(app, 'carla', 'memebrs', { channel: 'math' });
      const handled = lines.filter((l) => l.msg === 'command handled');
      expect(handled.map((l) => [l.command, l.outcome])).toEqual([
        ['create', 'ok'],
        ['agenda add', 'ok'],
        ['unknown', 'refused'],
      ]);
      const ids = handled.map((l) => l.reqId);
      expect(new Set(ids).size).toBe(3);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8}$/);
      expect(JSON.stringify(lines)).not.toMatch(/Secret Garden|private worry|memebrs/);
    } finally {
      await app.dispose();
    }
  });

  it('mark every scheduled job with an id of its own and its kind', async () => {
    const { lines, log } = capture();
    const app = testApp({ log });
    try {
      app.messenger.register('console', { send: () => Promise.reject(new Error('down')), update: () => Promise.resolve() });
      run(app, 'carla', 'create Math', { channel: 'math' });
      run(app, 'carla', 'schedule weekly thu 15:00', { channel: 'math' });
      await app.advance(app.clock.now().getTime() + 3 * 24 * 3_600_000);
      const failed = lines.filter((l) => l.msg === 'send failed; will retry');
      expect(failed.length).toBeGreaterThan(0);
      for (const l of failed) {
        expect(l.reqId).toMatch(/^[A-Za-z0-9_-]{8}$/);
        expect(String(l.kind)).toMatch(/^meeting\./);
      }
    } finally {
      await app.dispose();
    }
  });
});
