/**
 * Signed requests already let in, by their signature (an HMAC of the timestamp and the body), so a request
 * replayed within the five minutes its timestamp stays acceptable runs once, after a restart too.
 */
export const slackRequests = {
  version: 11,
  name: 'slack-requests',
  sql: `
      CREATE TABLE slack_requests (
        signature TEXT PRIMARY KEY,
        received_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX slack_requests_received ON slack_requests (received_at);
    `,
};
