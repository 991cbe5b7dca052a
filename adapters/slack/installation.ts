import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Installation, type InstallationQuery, type InstallationStore, type InstallURLOptions, webApi } from '@slack/bolt';
import { directionOf, type Locale, matchLocale } from '../../src/i18n/locales.js';
import type { Logger } from '../../src/log.js';
import type { Db } from '../../src/store/db.js';
import { installKey } from './ids.js';
import { slackT } from './messages.js';

const ALGORITHM = 'aes-256-gcm';

/** Encrypts with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url; the key never leaves memory. */
export function seal(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Decrypts what `seal` wrote; a wrong key or a tampered value throws. */
export function unseal(sealed: string, key: Buffer): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** Called after an installation is stored: the installer becomes the workspace's coordinator. */
export type OnInstalled = (installation: Installation) => void | Promise<void>;

/**
 * Bolt's installation store in our SQLite file. The whole installation (bot, user and refresh tokens)
 * is sealed under TOKEN_ENCRYPTION_KEY; only the ids needed to find it are stored in clear.
 */
export class SqliteInstallationStore implements InstallationStore {
  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
    private readonly now: () => number,
    private readonly onInstalled?: OnInstalled,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const isEnterprise = installation.isEnterpriseInstall === true;
    const key = installKey({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: isEnterprise });
    this.db
      .prepare(
        `INSERT INTO slack_installations (install_key, team_id, enterprise_id, is_enterprise, installer_user_id, sealed, installed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (install_key) DO UPDATE SET sealed = excluded.sealed, installer_user_id = excluded.installer_user_id,
           installed_at = excluded.installed_at`,
      )
      .run(
        key,
        installation.team?.id ?? null,
        installation.enterprise?.id ?? null,
        isEnterprise ? 1 : 0,
        installation.user.id,
        seal(JSON.stringify(installation), this.key),
        this.now(),
      );
    await this.onInstalled?.(installation);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const found = this.find(query);
    if (!found) throw new Error(`no installation for ${installKey(query)}`);
    return found;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    this.db.prepare('DELETE FROM slack_installations WHERE install_key = ?').run(installKey(query));
  }

  /** The installation for a team (or its enterprise, for org-wide installs), or null. */
  find(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): Installation | null {
    const row = (this.db.prepare('SELECT sealed FROM slack_installations WHERE install_key = ?').get(installKey(query)) ??
      (query.enterpriseId
        ? this.db.prepare('SELECT sealed FROM slack_installations WHERE install_key = ?').get(`E:${query.enterpriseId}`)
        : undefined)) as { sealed: string } | undefined;
    return row ? (JSON.parse(unseal(row.sealed, this.key)) as Installation) : null;
  }

  /** Removes a team's installation (the app was uninstalled or its tokens revoked). */
  removeTeam(teamId: string): void {
    this.db.prepare('DELETE FROM slack_installations WHERE team_id = ? AND is_enterprise = 0').run(teamId);
  }
}

/** Bolt's `afterInstallation` hook: runs once the OAuth code is exchanged, before anything is stored; false stops there. */
export type AfterInstallation = (
  installation: Installation,
  options: InstallURLOptions,
  req: IncomingMessage,
  res: ServerResponse,
) => Promise<boolean>;

/**
 * Refuses, at the OAuth redirect, an install into a workspace SLACK_ALLOWED_TEAMS does not admit: nothing is
 * stored, the tokens Slack just issued are revoked (so the app leaves that workspace again), and the browser
 * gets a 403 page that says why, in the language it asks for.
 */
export function refuseOutsiders(
  allowed: (teamId: string | null, enterpriseId: string | null) => boolean,
  opts: { log: Logger; slackApiUrl?: string },
): AfterInstallation {
  return async (installation, _options, req, res) => {
    const teamId = installation.team?.id ?? null;
    const enterpriseId = installation.enterprise?.id ?? null;
    if (allowed(teamId, enterpriseId)) return true;
    opts.log.warn({ team: teamId, enterprise: enterpriseId }, 'slack install from a workspace not in SLACK_ALLOWED_TEAMS refused');
    const tokens = [installation.bot?.token, installation.user.token].filter((t): t is string => typeof t === 'string');
    for (const token of tokens) {
      try {
        await new webApi.WebClient(token, { slackApiUrl: opts.slackApiUrl, retryConfig: { retries: 0 } }).auth.revoke();
      } catch (err) {
        opts.log.warn({ err }, 'could not revoke the token of a refused slack install');
      }
    }
    const locale = browserLocale(req.headers['accept-language']);
    const message = slackT(locale, 'slack.installRefused');
    res.writeHead(403, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><meta charset="utf-8"><title>PLC</title><p>${message}</p></html>`,
    );
    return false;
  };
}

/** The first language of an Accept-Language header the bot speaks; English when none. */
function browserLocale(header: string | undefined): Locale {
  for (const tag of (header ?? '').split(',')) {
    const locale = matchLocale(tag.split(';')[0]?.trim());
    if (locale) return locale;
  }
  return 'en';
}
