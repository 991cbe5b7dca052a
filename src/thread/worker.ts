import { parentPort, workerData } from 'node:worker_threads';
import { createApp } from '../app.js';
import { chartReady } from '../capabilities/summaries/index.js';
import type { PersonalDataHolder } from '../capability.js';
import { createLogger } from '../log.js';
import type { Outcome } from '../metrics.js';
import { ManualClock } from '../ports.js';
import { CommitGroup } from '../store/commit-group.js';
import { Store } from '../store/store.js';
import type { Answer, FromThread, ThreadData, ToThread } from './command-thread.js';

/**
 * The command thread (src/thread/command-thread.ts says why it exists): a bot of its own on a connection of its
 * own to the same file, running the commands the adapters' thread sends, in the order sent, those of one turn of
 * this thread's event loop in one commit. Each runs at the instant the adapters' clock gave when it arrived.
 */
const port = parentPort;
if (!port) throw new Error('src/thread/worker.ts runs only as the command thread');
const data = workerData as ThreadData;

const clock = new ManualClock(0);
const store = Store.open(data.config.DATABASE_PATH);
/** What the bot counted and queued since the last answer: the adapters' thread's /metrics and scheduler are told. */
let counted: [string, Outcome][] = [];
let queued: number | null = null;
store.jobs.onQueued((dueAt) => {
  queued = queued === null ? dueAt : Math.min(queued, dueAt);
});
const app = createApp(data.config, {
  store,
  clock,
  log: createLogger(data.logLevel),
  introduce: data.introduce,
  upgraded: true,
  countCommand: (command, outcome) => counted.push([command, outcome]),
});
const group = new CommitGroup(store);

function post(message: FromThread): void {
  port?.postMessage(message);
}

/** The answers of this turn's commit, sent together once it is done, with what was counted and queued meanwhile. */
let answers: Answer[] = [];
function answered(answer: Answer): void {
  if (answers.length === 0) setImmediate(sendAnswers);
  answers.push(answer);
}
function sendAnswers(): void {
  post({ type: 'answers', answers, counted, queued });
  answers = [];
  counted = [];
  queued = null;
}

/** An adapter's holder of personal data, from the module that exports it, so `forget me` here erases its tables too. */
async function holder(module: string, name: string): Promise<void> {
  const exports = (await import(module)) as Record<string, unknown>;
  const found = Object.values(exports).find(
    (v): v is PersonalDataHolder => typeof v === 'object' && v !== null && (v as PersonalDataHolder).name === name && 'personalData' in v,
  );
  if (!found) throw new Error(`${module} exports no personal data holder named ${name}`);
  app.holdsPersonalData(found);
}

port.on('message', (m: ToThread) => {
  if (m.type === 'run') {
    for (const { id, inbound, now } of m.runs) {
      group
        .run(() => {
          clock.set(now);
          return app.bot.handle(inbound);
        })
        .then(
          (handled) => answered({ id, handled }),
          (e: unknown) => answered({ id, message: e instanceof Error ? e.message : String(e), code: (e as { code?: string }).code }),
        );
    }
  } else if (m.type === 'holder') {
    holder(m.module, m.name).then(
      () => post({ type: 'holding', name: m.name }),
      (e: unknown) => post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) }),
    );
  } else if (m.type === 'stop') {
    // After this turn's commit, whose answers are already posted: close the file and end the thread.
    setImmediate(() => {
      app.close().finally(() => process.exit(0));
    });
  }
});
try {
  for (const h of data.holders) await holder(h.module, h.name);
  // What a capability loads once it starts (the summaries' chart renderer) is loaded before the thread says it is
  // ready, so that a command finds here what it would find on the adapters' thread.
  await chartReady();
  post({ type: 'ready' });
} catch (e) {
  post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
}
