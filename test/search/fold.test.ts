import { describe, expect, it } from 'vitest';
import { fold, foldWithOffsets } from '../../src/search/fold.js';
import { parseQuery } from '../../src/search/query.js';
import { trigramTokens } from '../../src/search/trigrams.js';

describe('folding text for the search', () => {
  it('folds case and the accents of German, Danish, Dutch and French', () => {
    expect(fold('Leseförderung')).toBe('leseforderung');
    expect(fold('STRASSE Straße')).toBe('strasse strasse');
    expect(fold('Øvelse gør mester, Ærø og Åbenrå')).toBe('ovelse gor mester, aero og abenra');
    expect(fold('ideeën café coöperatief')).toBe('ideeen cafe cooperatief');
  });

  it('folds Arabic diacritics, tatweel and the forms of alef, yaa and taa marbuta', () => {
    expect(fold('المُعَلِّمُونَ')).toBe('المعلمون');
    expect(fold('تـعـلّـم')).toBe('تعلم');
    expect(fold('أهداف إدارة آخر ٱلعلم')).toBe('اهداف اداره اخر العلم');
    expect(fold('على مدرسة')).toBe('علي مدرسه');
    expect(fold('الصف ٣ والصف ۴')).toBe('الصف 3 والصف 4');
  });

  it('makes runs of space one space and keeps other scripts whole', () => {
    expect(fold('  a \t\n b  ')).toBe('a b');
    expect(fold('한국어 수업')).toBe('한국어 수업');
  });

  it('says where each folded character came from, so snippets are cut from the text as written', () => {
    const text = 'Große  Übung';
    const { folded, offsets } = foldWithOffsets(text);
    expect(folded).toBe('grosse ubung');
    const at = folded.indexOf('ubung');
    expect(text.slice(offsets[at])).toBe('Übung');
    expect(offsets[folded.length]).toBe(text.length);
  });
});

describe('reading a search', () => {
  it('reads words, and a balanced quotation as one phrase', () => {
    expect(parseQuery('Exit  Tickets')).toEqual(['exit', 'tickets']);
    expect(parseQuery('"exit tickets" fractions')).toEqual(['exit tickets', 'fractions']);
  });

  it('reads FTS syntax as the words beside it, never as operators', () => {
    expect(parseQuery('"unbalanced NEAR(a b) fract* -minus OR ^x')).toEqual(['unbalanced', 'near', 'a', 'b', 'fract', 'minus', 'or', 'x']);
    expect(parseQuery('" * - " ""')).toEqual([]);
  });
});

describe('trigram tokens', () => {
  it('write each three characters with the community in front, and ASCII punctuation as letters', () => {
    // "a q" and " q!": a space is q20, q is qq, ! is q21.
    expect(trigramTokens(7, 'a q!')).toBe('7taq20qq 7tq20qqq21');
    expect(trigramTokens(7, 'ab')).toBe('');
  });

  it('write every ASCII character and others as the first writing of the index did (regular expression per character)', () => {
    const plain = /^[a-pr-z0-9]$/;
    const before = (ch: string) =>
      plain.test(ch)
        ? ch
        : ch === 'q'
          ? 'qq'
          : (ch.codePointAt(0) as number) < 0x80
            ? `q${(ch.codePointAt(0) as number).toString(16).padStart(2, '0')}`
            : ch;
    const reference = (id: number, folded: string) => {
      const chars = Array.from(folded, before);
      const out: string[] = [];
      for (let i = 0; i + 3 <= chars.length; i++) out.push(`${id}t${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
      return out.join(' ');
    };
    let ascii = '';
    for (let c = 0; c < 0x80; c++) ascii += String.fromCharCode(c);
    for (const text of [ascii, 'ærø øvelse ðé 学习 🙂 lernen، ما تعلمناه', `x${'\u0000'}\u007f\u0080q`])
      expect(trigramTokens(3, text)).toBe(reference(3, text));
  });
});
