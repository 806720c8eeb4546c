import { describe, expect, it } from 'vitest';
import { bibName, bibNameKey, namesCompatible, type BibName } from '../../seed/bibtex/names.js';

const name = (family: string, given: string): BibName => bibName({ lastName: family, firstName: given })!;

describe('BibTeX names', () => {
  it('are written as a profile writes them, particles and suffixes in place, accents composed (NFC)', () => {
    expect(bibName({ lastName: 'Berg', prefix: 'van der', firstName: 'Jan' })).toEqual({ given: 'Jan', family: 'van der Berg', display: 'Jan van der Berg' });
    expect(bibName({ lastName: 'King', firstName: 'Martin Luther', suffix: 'Jr.' })?.display).toBe('Martin Luther King Jr.');
    expect(bibName({ lastName: 'Le\u0301vy', firstName: 'E\u0301lise' })?.display).toBe('Élise Lévy');
    expect(bibName({ name: 'Google  Research' })).toEqual({ given: '', family: 'Google Research', display: 'Google Research' });
  });

  it('`and others` names nobody', () => {
    expect(bibName({ lastName: 'others' })).toBeNull();
  });

  it('have the profiles\' name key', () => {
    expect(bibNameKey(name('Hjelm', 'R Devon'))).toBe('r devon hjelm');
    expect(bibNameKey(name('Hamprecht', 'Fred A.'))).toBe('fred a hamprecht');
  });
});

describe('surname and initials matching', () => {
  it.each([
    ['Baratin', 'A.', 'Aristide Baratin'],
    ['Baratin', 'Aristide', 'Aristide Baratin'],
    ['Bacon', 'P.-L.', 'Pierre-Luc Bacon'],
    ['Hamprecht', 'Fred', 'Fred A. Hamprecht'],
    ['Hamprecht', 'F. A.', 'Fred A. Hamprecht'],
    ['Shea-Brown', 'E.', 'Eric Shea-Brown'],
    ['Le Roux', 'Nicolas', 'Nicolas Roux'],
    ['Le Roux', 'N.', 'Nicolas Le Roux'],
    ['Lévy', 'Elise', 'Élise Levy'],
    ['Baratin', 'Aristide', 'A. Baratin'],
  ])('%s, %s is %s', (family, given, person) => {
    expect(namesCompatible(name(family, given), person)).toBe(true);
  });

  it.each([
    ['Baratin', 'B.', 'Aristide Baratin'],
    ['Baratin', 'Alain', 'Aristide Baratin'],
    ['Brown', 'Eric', 'Eric Shea-Brown'],
    ['Courville', 'A.', 'Aaron Courvile'],
    ['Liu', 'Z.', 'Yuhan Helena Liu'],
    ['Baratin', '', 'Aristide Baratin'],
  ])('%s, %s is not %s', (family, given, person) => {
    expect(namesCompatible(name(family, given), person)).toBe(false);
  });
});
