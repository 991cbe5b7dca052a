import { z } from 'zod/v4';
import { recordAudit } from '../../audit.js';
import { UserError } from '../../errors.js';
import { answer, command } from '../../grammar/command.js';
import { mention, personFor, readMention } from '../../grammar/people.js';
import { parseChoice } from '../../grammar/values.js';
import { text, view } from '../../views/build.js';

/** `coordinator add|remove @person`: coordinators appoint each other; the last one cannot leave. */
export const coordinatorCommand = command({
  words: ['coordinator'],
  help: 'coordinator',
  access: 'coordinator',
  community: 'none',
  schema: z.object({
    action: z.enum(['add', 'remove']),
    person: z.object({ externalId: z.string(), name: z.string().nullable() }),
  }),
  parse: (c) => {
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    const action = parseChoice(tok.value, ['add', 'remove'] as const);
    return { action, person: readMention(c) };
  },
  run: (ctx, { action, person }) => {
    const { store, workspace, i18n } = ctx;
    const user = personFor(ctx, person);
    const name = mention(user);
    const say = (key: Parameters<typeof i18n.tr>[0]) => [answer(view(i18n.locale, [text(i18n.tr(key, { name }))]))];
    if (action === 'add') {
      if (user.isCoordinator) return say('coordinator.already');
      store.users.setCoordinator(workspace.id, user.id, true);
      recordAudit(store, ctx.now, { workspaceId: workspace.id, actorId: ctx.actor.id, subjectId: user.id, action: 'coordinator.added' });
      return say('coordinator.added');
    }
    if (!user.isCoordinator) return say('coordinator.notOne');
    if (store.users.coordinatorCount(workspace.id) === 1) throw new UserError('error.lastCoordinator');
    store.users.setCoordinator(workspace.id, user.id, false);
    recordAudit(store, ctx.now, { workspaceId: workspace.id, actorId: ctx.actor.id, subjectId: user.id, action: 'coordinator.removed' });
    return say('coordinator.removed');
  },
});
