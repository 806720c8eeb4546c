import { describe, expect, it } from 'vitest';
import { findCodeLink, isCodeHostRepository, stripTrailingPunctuation } from '../../seed/codeLink.js';

const PROSE = 'We propose a method and evaluate it on three benchmarks.';

describe('a URL introduced as code, in English or French', () => {
  it.each([
    ['Code is available at https://github.com/rarefin/CoBalT.', 'https://github.com/rarefin/CoBalT'],
    ['Our code is available at https://github.com/chandar-lab/Lookbehind-SAM.', 'https://github.com/chandar-lab/Lookbehind-SAM'],
    ['Our implementation: https://example.org/impl', 'https://example.org/impl'],
    ['Code and data: https://lab.example.edu/project.', 'https://lab.example.edu/project'],
    ['Le code est disponible à https://gitlab.inria.fr/equipe/projet.', 'https://gitlab.inria.fr/equipe/projet'],
    ['Code : https://codeberg.org/lab/tool', 'https://codeberg.org/lab/tool'],
    ['Code\u00a0: https://forge.example.fr/outil', 'https://forge.example.fr/outil'],
    ['Source code: https://sourceforge.net/projects/widgets/', 'https://sourceforge.net/projects/widgets/'],
    ['Code will be released at https://bitbucket.org/team/repo;', 'https://bitbucket.org/team/repo'],
    ['Notre implémentation est disponible sur https://labo.example.fr/code.', 'https://labo.example.fr/code'],
    ['Le dépôt : https://git.example.fr/projet', 'https://git.example.fr/projet'],
    ['Code and videos are on our project page (https://team.github.io/project).', 'https://team.github.io/project'],
    ['Our models and code are at https://huggingface.co/lab/model, with demos.', 'https://huggingface.co/lab/model'],
  ])('%s', (sentence, url) => {
    expect(findCodeLink(`${PROSE} ${sentence}`)).toBe(url);
  });
});

describe('a repository on a code host, whatever the sentence', () => {
  it.each([
    ['See https://github.com/owner/repo for details.', 'https://github.com/owner/repo'],
    ['Experiments use https://gitlab.com/group/project', 'https://gitlab.com/group/project'],
    ['Try the demo (https://huggingface.co/spaces/lab/demo).', 'https://huggingface.co/spaces/lab/demo'],
    ['Everything lives in github.com/owner/repo.', 'https://github.com/owner/repo'],
  ])('%s', (sentence, url) => {
    expect(findCodeLink(`${PROSE} ${sentence}`)).toBe(url);
  });

  it('prefers the URL introduced as code over an earlier hosted repository the paper builds on', () => {
    expect(findCodeLink('We build on https://github.com/pytorch/pytorch. Our code is at https://example.org/ours.')).toBe('https://example.org/ours');
  });
});

describe('not a code link', () => {
  it.each([
    'Data at https://zenodo.org/records/123.',
    'See https://example.org for details.',
    'The dataset is available at https://huggingface.co/datasets/lab/data.',
    'Our profile: https://github.com/owner',
    'We release the dataset at https://zenodo.org/records/1 and describe it in full.',
    'Videos: https://youtube.com/watch?v=abc.',
  ])('%s', (sentence) => {
    expect(findCodeLink(`${PROSE} ${sentence}`)).toBeNull();
  });

  it('a URL the page cut for good', () => {
    expect(findCodeLink(`${PROSE} Our code is available at https://github.com/chandar-lab/Look…`)).toBeNull();
  });

  it('an abstract without a URL', () => {
    expect(findCodeLink(`${PROSE} Our code will be released.`)).toBeNull();
  });

  it('a code word in another sentence does not introduce the URL', () => {
    expect(findCodeLink('We study code generation with language models. Results are at https://example.org/results.')).toBeNull();
  });
});

describe('trailing punctuation', () => {
  it.each([
    ['https://github.com/a/b.', 'https://github.com/a/b'],
    ['https://github.com/a/b,', 'https://github.com/a/b'],
    ['https://github.com/a/b)', 'https://github.com/a/b'],
    ['https://github.com/a/b).', 'https://github.com/a/b'],
    ['https://github.com/a/b];', 'https://github.com/a/b'],
    ['https://github.com/a/b"', 'https://github.com/a/b'],
    ["https://github.com/a/b'", 'https://github.com/a/b'],
    ['https://github.com/a/b”.', 'https://github.com/a/b'],
    ['https://en.wikipedia.org/wiki/Widget_(tool)', 'https://en.wikipedia.org/wiki/Widget_(tool)'],
    ['https://en.wikipedia.org/wiki/Widget_(tool)).', 'https://en.wikipedia.org/wiki/Widget_(tool)'],
  ])('%s', (raw, url) => {
    expect(stripTrailingPunctuation(raw)).toBe(url);
  });

  it('in an abstract, quoted', () => {
    expect(findCodeLink(`${PROSE} Code: "https://github.com/a/b".`)).toBe('https://github.com/a/b');
    expect(findCodeLink(`${PROSE} (Code: https://github.com/a/b).`)).toBe('https://github.com/a/b');
  });
});

describe('code hosts', () => {
  it.each([
    ['https://github.com/a/b', true],
    ['https://www.github.com/a/b/tree/main', true],
    ['https://github.com/a', false],
    ['https://gitlab.com/a/b', true],
    ['https://bitbucket.org/a/b', true],
    ['https://codeberg.org/a/b', true],
    ['https://huggingface.co/a/b', true],
    ['https://huggingface.co/datasets/a/b', false],
    ['https://sourceforge.net/projects/x', true],
    ['https://a.github.io/b', false],
    ['https://zenodo.org/records/1', false],
  ])('%s: %s', (url, expected) => {
    expect(isCodeHostRepository(url)).toBe(expected);
  });
});
