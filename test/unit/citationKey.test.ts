import { describe, expect, it } from 'vitest';
import { citationKey, uniqueKeys } from '../../src/modules/citation/citationKey.js';
import { familyWithParticle, splitName } from '../../src/modules/citation/names.js';

describe('citationKey', () => {
  it('is the family name, the year and the first significant title word', () => {
    expect(citationKey('Baratin', 2024, 'Torque-aware optimizers')).toBe('baratin2024torque');
  });

  it('folds accents and punctuation to lower-case ASCII', () => {
    expect(citationKey('Lévesque', 2023, 'Écoles: a study')).toBe('levesque2023ecoles');
    expect(citationKey('Shea-Brown', 2021, 'Rich and Lazy Learning')).toBe('sheabrown2021rich');
  });

  it('skips leading stop words of the title', () => {
    expect(citationKey('Jordan', 2022, 'On the Limits of Warmup')).toBe('jordan2022limits');
    expect(citationKey('Jordan', 2022, 'A Note on Step-Size Warmup')).toBe('jordan2022note');
  });

  it('says nd without a year, anon without an author, and keeps a title of stop words only', () => {
    expect(citationKey('Roux', null, 'Sparse Rewards')).toBe('rouxndsparse');
    expect(citationKey(undefined, 2020, 'Sparse Rewards')).toBe('anon2020sparse');
    expect(citationKey('Roux', 2020, 'The End')).toBe('roux2020end');
    expect(citationKey('Roux', 2020, 'On The')).toBe('roux2020on');
  });
});

describe('uniqueKeys', () => {
  it('leaves distinct keys alone', () => {
    expect(uniqueKeys([{ id: 1, key: 'a2020x' }, { id: 2, key: 'b2020x' }])).toEqual(new Map([[1, 'a2020x'], [2, 'b2020x']]));
  });

  it('suffixes shared keys a, b, c by id, whatever the order given', () => {
    const keys = uniqueKeys([{ id: 9, key: 'k2020x' }, { id: 3, key: 'k2020x' }, { id: 5, key: 'k2020x' }]);
    expect(keys).toEqual(new Map([[3, 'k2020xa'], [5, 'k2020xb'], [9, 'k2020xc']]));
  });

  it('never hands out a key another paper has already', () => {
    const keys = uniqueKeys([{ id: 1, key: 'k2020x' }, { id: 2, key: 'k2020x' }, { id: 3, key: 'k2020xa' }]);
    expect(keys).toEqual(new Map([[1, 'k2020xb'], [2, 'k2020xc'], [3, 'k2020xa']]));
  });
});

describe('splitName', () => {
  it('splits "First Last": the last word is the family name', () => {
    expect(splitName('Aristide Baratin')).toEqual({ given: 'Aristide', family: 'Baratin' });
    expect(splitName('Md Rifat Arefin')).toEqual({ given: 'Md Rifat', family: 'Arefin' });
    expect(splitName('Fred A. Hamprecht')).toEqual({ given: 'Fred A.', family: 'Hamprecht' });
  });

  it('keeps particles with the family name, but a first word is always a given name', () => {
    expect(splitName('Ludwig van Beethoven')).toEqual({ given: 'Ludwig', family: 'Beethoven', 'non-dropping-particle': 'van' });
    expect(splitName('Jean de la Fontaine')).toEqual({ given: 'Jean', family: 'Fontaine', 'non-dropping-particle': 'de la' });
    expect(splitName('Nicola De Cao')).toEqual({ given: 'Nicola', family: 'Cao', 'non-dropping-particle': 'De' });
    expect(splitName('Van Morrison')).toEqual({ given: 'Van', family: 'Morrison' });
  });

  it('reads a suffix and a one-word name', () => {
    expect(splitName('Martin Luther King, Jr.')).toEqual({ given: 'Martin Luther', family: 'King', suffix: 'Jr.' });
    expect(splitName('Plato')).toEqual({ family: 'Plato' });
  });

  it('familyWithParticle joins the particle back for RIS', () => {
    expect(familyWithParticle(splitName('Nicola De Cao'))).toEqual({ given: 'Nicola', family: 'De Cao' });
    expect(familyWithParticle(splitName('Keller Jordan'))).toEqual({ given: 'Keller', family: 'Jordan' });
  });
});
