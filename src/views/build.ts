import { directionOf, type Locale } from '../i18n/locales.js';
import { type Block, plainText, type Text, type View } from './view.js';

/** Builds a view from blocks; the summary is the first heading or text unless given. */
export function view(locale: Locale, blocks: Block[], summary?: string): View {
  const first = blocks.find((b) => b.type === 'heading' || b.type === 'text');
  const fallback = first && 'text' in first ? plainText(first.text) : '';
  return { locale, dir: directionOf(locale), summary: (summary ?? fallback).slice(0, 300), blocks };
}

export const heading = (text: Text): Block => ({ type: 'heading', text });
export const text = (t: Text): Block => ({ type: 'text', text: t });
export const context = (t: Text): Block => ({ type: 'context', text: t });
export const list = (items: Text[]): Block => ({ type: 'list', items });
export const divider: Block = { type: 'divider' };
