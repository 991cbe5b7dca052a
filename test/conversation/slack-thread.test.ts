import { slackDriver } from './slack-driver.js';
import { conversationSuite } from './suite.js';

// The same conversation with Slack's commands on the command thread (src/thread), as `npm start` runs them.
conversationSuite((options) => slackDriver({ ...options, commandThread: true }));
