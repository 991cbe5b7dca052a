import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { describe, it } from 'vitest';

/**
 * Debian's Chromium (`apt-get install chromium`): the only browser these tests use, so nothing is downloaded.
 * PLC_CHROMIUM names another binary (or a missing one, to see the tests skip).
 */
export const CHROMIUM = process.env.PLC_CHROMIUM || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** CI installs Chromium first (`.ci/run`), so there a missing browser is a failure, never a skip. */
const inCi = process.env.CI === 'true' || process.env.CI === '1';

const REASON = `skipped: no Chromium at ${CHROMIUM} (install Debian's chromium package to run the browser tests)`;
let told = false;

/**
 * A describe block that needs Chromium. Without it, the block is reported as skipped, with the reason in its
 * name and printed once; under CI, it fails instead, so a broken install step cannot hide the browser tests.
 */
export function describeInChromium(title: string, body: () => void): void {
  if (hasChromium) {
    describe(title, body);
    return;
  }
  if (inCi) {
    describe(title, () => {
      it('needs Chromium, which CI installs first', () => {
        throw new Error(`No Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium before the tests; CI must not skip them.`);
      });
    });
    return;
  }
  if (!told) {
    told = true;
    process.stderr.write(`browser tests ${REASON}\n`);
  }
  describe.skip(`${title} (${REASON})`, body);
}

/**
 * A headless Chromium with a fresh profile of its own (Playwright's persistent context is how it takes a
 * `--user-data-dir`), kept off the network's background services; `width` is the viewport of its pages.
 */
export async function launchChromium(width: number): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'plc-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-gpu',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where the browser tests write their screenshots (git-ignored). */
export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
