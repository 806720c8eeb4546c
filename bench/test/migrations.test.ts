import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseTemplate, commonMigrations, isSubset, migrationsKey, parseTemplateComment, templateComment, type Migration } from '../src/migrations.ts';

const m = (name: string, checksum = `sum-${name}`): Migration => ({ name, checksum });

describe('templates and migrations: a run copies a template whose migrations it all has', () => {
  it('a subset counts only unchanged migrations', () => {
    assert.equal(isSubset([m('1'), m('2')], [m('1'), m('2'), m('3')]), true);
    assert.equal(isSubset([m('1'), m('2', 'edited')], [m('1'), m('2'), m('3')]), false);
    assert.equal(isSubset([m('1'), m('4')], [m('1'), m('2')]), false);
  });

  it('the migrations two checkouts share, in name order', () => {
    assert.deepEqual(commonMigrations([m('3'), m('1'), m('2', 'x')], [m('1'), m('2'), m('3')]), [m('1'), m('3')]);
  });

  it('picks the most complete fitting template, none when every one has a migration the run lacks', () => {
    const candidates = [
      { name: 'base', migrations: [m('1')] },
      { name: 'more', migrations: [m('1'), m('2')] },
      { name: 'branch', migrations: [m('1'), m('2'), m('9')] },
    ];
    assert.equal(chooseTemplate(candidates, [m('1'), m('2'), m('3')]), 'more');
    assert.equal(chooseTemplate(candidates, [m('1')]), 'base');
    assert.equal(chooseTemplate(candidates, [m('2')]), undefined);
  });

  it('names a set of migrations whatever their order, and tells edited sets apart', () => {
    assert.equal(migrationsKey([m('1'), m('2')]), migrationsKey([m('2'), m('1')]));
    assert.notEqual(migrationsKey([m('1'), m('2')]), migrationsKey([m('1'), m('2', 'edited')]));
    assert.match(migrationsKey([]), /^[0-9a-f]{8}$/u);
  });

  it("reads back the migrations a template's comment lists; a foreign comment is none", () => {
    const list = [m('20260101_init', 'a'.repeat(64)), m("20260102_it's", 'b'.repeat(64))];
    assert.deepEqual(parseTemplateComment(templateComment(list)), list);
    assert.equal(parseTemplateComment(null), undefined);
    assert.equal(parseTemplateComment('built by hand'), undefined);
    assert.equal(parseTemplateComment('{"migrations":[[1,2]]}'), undefined);
  });
});
