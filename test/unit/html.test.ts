import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlToText } from '../../seed/html.js';
import type { ParsedProfile } from '../../seed/parser.js';
import { ImportInputError, readProfileFile } from '../../seed/source.js';
import { seedPageAsHtml } from '../support/htmlProfile.js';
import { containing } from '../support/matchers.js';

const seedPage = path.join(import.meta.dirname, '../../seed/profiles/000_83e153fc7d8806a7.txt');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-html-'));

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function writeFile(name: string, content: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The line numbers of a profile set to 0, to compare a profile read from HTML with one read from text. */
function withoutLines(profile: ParsedProfile): ParsedProfile {
  return {
    ...profile,
    publications: profile.publications.map((publication) => ({ ...publication, line: 0 })),
    warnings: profile.warnings.map((warning) => ({ ...warning, line: 0 })),
  };
}

describe('a profile saved as HTML', () => {
  it('parses to the same profile as the text file, with lines pointing into the HTML', () => {
    const { html, titleLines } = seedPageAsHtml(seedPage);
    for (const extension of ['html', 'htm']) {
      const fromHtml = readProfileFile(writeFile(`seed-page.${extension}`, html));
      const fromText = readProfileFile(seedPage);
      expect(withoutLines(fromHtml.profile)).toEqual(withoutLines(fromText.profile));
      expect(fromHtml.profile.publications.map((publication) => publication.line)).toEqual(titleLines);
    }
  });

  it('reads visible text one block per line: entities decoded, white space collapsed, <br> ends a line, cells share their row', () => {
    const html = [
      '<p>Caf&eacute;&nbsp;&amp;   th&#233;</p>',
      '<div>one<br>two <b>bold</b>\n  end</div>',
      '<table><tr><td>a</td><td>b</td></tr></table>',
      '<script>hidden()</script><style>.x{}</style><noscript>no</noscript><template>t</template><span hidden>kept</span>',
      '<img alt="Portrait of Jo Doe"><img src="no-alt.png">',
      '<p></p><p>   </p>',
      'loose text',
    ].join('\n');
    expect(htmlToText(html)).toEqual({
      text: ['Café & thé', 'one', 'two bold end', 'a b', 'kept', 'Portrait of Jo Doe', 'loose text'].join('\n'),
      sourceLines: [1, 2, 2, 4, 5, 6, 8],
    });
  });

  it('a parse error points to the HTML line of its text', () => {
    const html = '<html><body>\n<img alt="Portrait of Jo Doe">\n<h1>Jo Doe</h1>\n<h2>Publications</h2>\n<div>\n  <h3>A Title</h3>\n  <p>Keller Jordan</p>\n\n  <p>???</p>\n</div>\n</body></html>\n';
    const file = writeFile('bad.html', html);
    expect(() => readProfileFile(file)).toThrow(ImportInputError);
    expect(() => readProfileFile(file)).toThrow(`${file}:9: "???" has no letter or digit`);
  });

  it('a warning points to the HTML line of its text', () => {
    const html = '<img alt="Portrait of Jo Doe">\n<h1>Jo Doe</h1>\n<h2>Publications</h2>\n<div><h3>The Republic</h3></div>\n<div>\n<h3>\nPlato</h3></div>\n';
    const source = readProfileFile(writeFile('warn.html', html));
    expect(source.profile.warnings).toEqual([{ line: 7, message: containing('"Plato" read as the title') }]);
  });

  it('a page with no visible text is empty', () => {
    expect(() => readProfileFile(writeFile('blank.html', '<html><head><title>x</title></head><body><script>1</script></body></html>'))).toThrow(
      /blank\.html:1: the file is empty/,
    );
  });
});
