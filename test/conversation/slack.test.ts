import { afterAll, expect } from 'vitest';
import { slackCallProblems } from '../slack/block-kit-rules.js';
import { sentToSlack, slackDriver } from './slack-driver.js';
import { conversationSuite } from './suite.js';

conversationSuite(slackDriver);

// After every chapter, later capabilities' included: each payload the suite made Slack show keeps Block Kit's limits.
afterAll(() => {
  const withBlocks = sentToSlack.filter(({ body }) => Array.isArray(body.blocks) || typeof body.view === 'object');
  expect(withBlocks.length).toBeGreaterThan(20);
  const problems = sentToSlack.flatMap(({ method, body }) => {
    const found = slackCallProblems(method, body);
    return found.length ? [{ method, problems: found, payload: JSON.stringify(body).slice(0, 2000) }] : [];
  });
  expect(problems).toEqual([]);
});
