// The command thread's first module (src/thread/command-thread.ts). A worker starts without the TypeScript loader
// of the thread that made it (tsx under `npm start`, vite under vitest), so this registers tsx's, then loads the
// thread itself.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
