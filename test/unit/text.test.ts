import { describe, expect, it } from 'vitest';
import { cleanText, escapeLike, foldCase, nameKey, slugify, titleKey } from '../../src/modules/shared/text.js';

describe('text folding', () => {
  it('cleanText composes to NFC and makes every run of white space (no-break, tabs, new lines) one space', () => {
    expect(cleanText('  Jean-\u00a0Luc\t\n  Picard  ')).toBe('Jean- Luc Picard');
    expect(cleanText('E\u0301lise')).toBe('\u00c9lise');
    expect(cleanText('E\u0301lise')).toHaveLength(5);
    expect(cleanText('\u2003')).toBe('');
  });

  it('foldCase lowers case and drops accents, whatever the input normalisation', () => {
    expect(foldCase('Élise  MÜLLER')).toBe('elise muller');
    expect(foldCase('E\u0301lise')).toBe(foldCase('\u00c9lise'));
    expect(foldCase('Ångström')).toBe('angstrom');
    expect(foldCase('Łukasz')).toBe('łukasz'); // a letter of its own, not a mark: kept
  });

  it('nameKey folds case, accents, spacing and punctuation but keeps hyphens and apostrophes', () => {
    expect(nameKey('KELLER  Jordan')).toBe('keller jordan');
    expect(nameKey("Noor Haddad-Lefebvre")).toBe('noor haddad-lefebvre');
    expect(nameKey("O'Neil, Séamus.")).toBe("o'neil seamus");
    expect(nameKey('Keller, Jordan')).toBe(nameKey('keller jordan'));
  });

  it('titleKey also folds punctuation away, so spellings of one title meet', () => {
    expect(titleKey('Lookbehind-SAM: k Steps')).toBe('lookbehind sam k steps');
    expect(titleKey('lookbehind SAM — k steps!')).toBe(titleKey('Lookbehind-SAM: k Steps'));
    expect(titleKey('  «Méta»-apprentissage (2024) ')).toBe('meta apprentissage 2024');
    expect(titleKey('...')).toBe('');
  });

  it('slugify makes a URL-safe identifier', () => {
    expect(slugify('Noor Haddad-Lefebvre')).toBe('noor-haddad-lefebvre');
    expect(slugify('Élise  Müller')).toBe('elise-muller');
    expect(slugify('Graph Neural Networks: A Survey')).toMatch(/^[a-z0-9-]+$/);
  });

  it('escapeLike escapes %, _ and the escape character itself, and nothing else', () => {
    expect(escapeLike('100%_done\\')).toBe('100\\%\\_done\\\\');
    expect(escapeLike("plain text's fine")).toBe("plain text's fine");
  });
});
