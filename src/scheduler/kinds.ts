import { registerMeetingJobs } from '../commands/meetings-jobs.js';
import { JobHandlers } from './handlers.js';

/** Every kind of scheduled work the product knows. A capability with scheduled work adds one line. */
export function createJobHandlers(): JobHandlers {
  const handlers = new JobHandlers();
  registerMeetingJobs(handlers);
  return handlers;
}
