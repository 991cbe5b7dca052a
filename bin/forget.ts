import { adminForget, findPerson } from '../src/capabilities/privacy/index.js';
import { adminApp, adminConfig, personArgs, runTool } from './admin.js';

/** `npm run forget -- <platform> <user id> [workspace id]`: erases someone who has left, as `forget @user confirm` does. */
await runTool(async () => {
  const { platform, userId, workspace } = personArgs(process.argv.slice(2), 'npm run forget -- <platform> <user id> [workspace id]');
  const { app, env } = adminApp(adminConfig(), platform);
  try {
    const person = findPerson(env.store, platform, userId, workspace);
    await adminForget(env, person);
    process.stdout.write(`Forgotten: the person with the id ${userId} on ${platform}. Backups still hold them until they age out.\n`);
  } finally {
    await app.close();
  }
});
