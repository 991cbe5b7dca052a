import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { SlackMessage } from './render.js';

// Answers go to a handful of Slack hosts; keeping their connections open saves a TLS handshake per answer.
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });

/**
 * Posts an answer to a slash command's or button's `response_url` (valid for 30 minutes, 5 uses).
 * A plain keep-alive request: it is on the path of every command, and Bolt's axios-based `respond`
 * costs several times more CPU per answer.
 */
export function respondTo(
  responseUrl: string,
  message: SlackMessage & { response_type?: 'ephemeral' | 'in_channel'; replace_original?: boolean },
): Promise<void> {
  const url = new URL(responseUrl);
  const https = url.protocol === 'https:';
  const body = JSON.stringify(message);
  return new Promise((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        agent: https ? httpsAgent : httpAgent,
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`response_url answered ${res.statusCode}`))));
      },
    );
    req.on('timeout', () => req.destroy(new Error('response_url timed out')));
    req.on('error', reject);
    req.end(body);
  });
}
