import { type CapabilityMessages, capabilities } from '../capabilities.js';
import type { MessageModule } from './define.js';
import { LOCALES, type Locale } from './locales.js';
import { messages as core } from './messages/core.js';
import { messages as firstContact } from './messages/first-contact.js';

type KeysOf<M> = M extends { en: infer E } ? keyof E & string : never;

/** Every message key of the core and the capabilities; adapters keep their own (see `localMessages`). */
export type MessageKey = KeysOf<typeof core> | KeysOf<typeof firstContact> | KeysOf<CapabilityMessages>;
export type Catalog = Record<MessageKey, string>;

/** Merges modules per language; a key defined twice is a bug that would make one message win silently. */
export function mergeCatalogs(modules: readonly MessageModule[]): Record<Locale, Record<string, string>> {
  const out = Object.fromEntries(LOCALES.map((l) => [l, {} as Record<string, string>])) as Record<Locale, Record<string, string>>;
  for (const m of modules) {
    for (const key of Object.keys(m.en)) if (key in out.en) throw new Error(`message key ${key} is defined twice`);
    for (const locale of LOCALES) Object.assign(out[locale], m[locale]);
  }
  return out;
}

let built: Record<Locale, Catalog> | null = null;

/**
 * The core's and every capability's messages, merged per language. Built on first use: capabilities import
 * the translator, and the translator's catalog is made of theirs, so nothing here may run at import time.
 */
export function catalogs(): Record<Locale, Catalog> {
  built ??= mergeCatalogs([core, firstContact, ...capabilities().map((c) => c.messages)]) as Record<Locale, Catalog>;
  return built;
}
