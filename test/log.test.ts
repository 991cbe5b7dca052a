import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

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
