import { consoleDriver } from './console-driver.js';
import { conversationSuite } from './suite.js';

conversationSuite(consoleDriver);
