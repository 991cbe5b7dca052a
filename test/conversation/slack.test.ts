import { slackDriver } from './slack-driver.js';
import { conversationSuite } from './suite.js';

conversationSuite(slackDriver);
