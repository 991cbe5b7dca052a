import { conversationSuite } from './suite.js';
import { teamsDriver } from './teams-driver.js';

conversationSuite(teamsDriver);
