import { z } from 'zod/v4';
import { parseQuietHours, parseWorkdays, type QuietPolicy } from './quiet-hours.js';

const ADAPTER_NAMES = ['console', 'slack', 'teams'] as const;
export type AdapterName = (typeof ADAPTER_NAMES)[number];

const optional = z
  .string()
  .transform((s) => s.trim())
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** The items of a comma-separated list, trimmed, without empty ones. */
const items = (s: string) =>
  s
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);

/** A comma-separated list of ids, each matching `id` (`what` names it in the error); unset allows anyone. */
const allowList = (id: RegExp, what: string) =>
  optional.pipe(
    z
      .string()
      .transform(items)
      .pipe(z.array(z.string().regex(id, `lists something that is not ${what}`)).min(1, 'lists no ids: leave it unset to allow everyone'))
      .optional(),
  );

/** Every environment variable the bot reads; `.env.example` documents each one. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_PATH: z.string().min(1).default('./data/plc.sqlite'),
  DEFAULT_TZ: z.string().default('UTC').refine(isZone, 'is not an IANA time zone such as Europe/Berlin'),
  ADAPTERS: optional.pipe(
    z
      .string()
      .transform((s) => items(s.toLowerCase()))
      .pipe(z.array(z.enum(ADAPTER_NAMES, { message: 'lists an adapter other than console, slack, teams' })))
      .optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: optional.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, 'is not a port number')
      .transform(Number)
      .pipe(z.number().max(65535, 'is not a port number'))
      .optional(),
  ),
  // Where the HTTP server listens: every interface by default (a container or a host behind a proxy); 127.0.0.1
  // keeps it to this machine, for a reverse proxy on the same host.
  HOST: optional.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9.:-]+$/, 'is not an address to listen on such as 0.0.0.0, 127.0.0.1 or ::')
      .default('0.0.0.0'),
  ),
  PUBLIC_URL: optional.pipe(z.url({ message: 'is not a URL such as https://plc.example.org' }).optional()),
  // When the bot writes to people: the hours (in each person's own zone) and days; `off` keeps no quiet hours.
  QUIET_HOURS: optional.pipe(
    z
      .string()
      .default('07:00-19:00')
      .refine((v) => v.toLowerCase() === 'off' || accepts(parseQuietHours, v), 'is not a span such as 07:00-19:00, or off'),
  ),
  WORKDAYS: optional.pipe(
    z
      .string()
      .default('mon-fri')
      .refine((v) => accepts(parseWorkdays, v), 'is not a list of days such as mon-fri'),
  ),
  // /metrics: with a token, on the shared server for a bearer of it; with a port, on 127.0.0.1 only. Neither: none.
  METRICS_TOKEN: optional.pipe(z.string().min(24, 'is too short: use at least 24 random characters').optional()),
  METRICS_PORT: optional.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, 'is not a port number')
      .transform(Number)
      .pipe(z.number().max(65535, 'is not a port number'))
      .optional(),
  ),
  // Days that reflections, check-in notes, observation notes and meeting notes are kept; 0 keeps them all.
  RETENTION_DAYS: optional.pipe(
    z
      .string()
      .regex(/^\d{1,6}$/, 'is not a number of days such as 730 (0 keeps everything)')
      .transform(Number)
      .default(730),
  ),
  // Where the console writes files (exports); unset: a `files` folder beside the database file.
  FILES_DIR: optional,
  // Where `npm run migrate` writes the backup it takes before migrating; unset: beside the database file.
  BACKUP_DIR: optional,
  // The platforms whose commands run on a thread of their own (src/thread); off runs them all on the HTTP thread.
  COMMAND_THREAD: optional.pipe(
    z
      .string()
      .default('slack')
      .transform((s) => (s.toLowerCase() === 'off' ? [] : items(s.toLowerCase())))
      .pipe(z.array(z.enum(['slack', 'teams'], { message: 'lists something other than slack and teams (or off)' }))),
  ),

  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional,
  SLACK_API_URL: optional.pipe(z.url().optional()),
  SLACK_ALLOWED_TEAMS: allowList(/^[TE][A-Z0-9]{1,30}$/, 'a Slack team id (T…) or Enterprise Grid id (E…)'),
  TOKEN_ENCRYPTION_KEY: optional,

  MICROSOFT_APP_ID: optional,
  MICROSOFT_APP_PASSWORD: optional,
  MICROSOFT_APP_TENANT_ID: optional,
  MICROSOFT_APP_TYPE: optional.pipe(z.enum(['SingleTenant', 'UserAssignedMSI', 'MultiTenant']).optional()),
  TEAMS_ALLOWED_TENANTS: allowList(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i, 'a Microsoft Entra tenant id (a GUID)'),
  TEAMS_SERVICE_URL_HOSTS: optional.pipe(
    z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/, 'lists something other than host names such as smba.trafficmanager.net'),
        ),
      )
      .optional(),
  ),
});

export type Env = z.infer<typeof schema>;

export interface Config extends Env {
  /** The adapters to run: as listed in ADAPTERS, else those with credentials, else the console. */
  adapters: AdapterName[];
}

/** Raised when the environment is wrong; its message names every variable at fault. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Whether `parse` takes `value` (a parser of the command language, which throws a UserError when not). */
function accepts(parse: (v: string) => unknown, value: string): boolean {
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
}

/** The install's quiet hours, from QUIET_HOURS and WORKDAYS. */
export function quietPolicy(config: Config): QuietPolicy {
  const off = config.QUIET_HOURS.toLowerCase() === 'off';
  return {
    rule: off ? null : { ...parseQuietHours(config.QUIET_HOURS), days: parseWorkdays(config.WORKDAYS) },
    defaultTz: config.DEFAULT_TZ,
  };
}

/** Reads and checks the configuration from the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return { ...e, adapters: e.ADAPTERS ?? defaultAdapters(e) };
}

/**
 * Whether an allow-list (`SLACK_ALLOWED_TEAMS`, `TEAMS_ALLOWED_TENANTS`) admits a workspace named by any of
 * `ids`: unset admits everyone; otherwise one of them must be listed (case aside: tenant ids are GUIDs).
 */
export function allowedBy(list: readonly string[] | undefined, ...ids: (string | null | undefined)[]): boolean {
  if (!list) return true;
  const wanted = new Set(list.map((id) => id.toLowerCase()));
  return ids.some((id) => typeof id === 'string' && wanted.has(id.toLowerCase()));
}

function defaultAdapters(e: Env): AdapterName[] {
  const on: AdapterName[] = [];
  const slackSingle = e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET;
  const slackOAuth = e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_SIGNING_SECRET;
  if (slackSingle || slackOAuth) on.push('slack');
  if (e.MICROSOFT_APP_ID && (e.MICROSOFT_APP_PASSWORD || e.MICROSOFT_APP_TYPE === 'UserAssignedMSI')) on.push('teams');
  return on.length ? on : ['console'];
}
