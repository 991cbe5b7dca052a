import { describe, expect, it } from 'vitest';
import { capabilities } from '../../src/capabilities.js';
import { mergeCatalogs } from '../../src/i18n/catalog.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { messages as core } from '../../src/i18n/messages/core.js';

/** Slack cuts a modal's title at 24 characters (Block Kit's limit), mid-word: "Punkt für die Tagesordn…". */
const SLACK_MODAL_TITLE = 24;

describe('form titles', () => {
  it('fit a Slack modal’s title in every language', () => {
    const catalogs = mergeCatalogs([core, ...capabilities().map((c) => c.messages)]);
    const titles = Object.keys(catalogs.en).filter((k) => k.endsWith('.form.title'));
    expect(titles.length).toBeGreaterThan(0);
    const long = LOCALES.flatMap((locale) =>
      titles
        .filter((k) => [...(catalogs[locale][k] ?? '')].length > SLACK_MODAL_TITLE)
        .map((k) => `${locale}:${k}: ${catalogs[locale][k]}`),
    );
    expect(long).toEqual([]);
  });
});
