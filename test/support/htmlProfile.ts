import fs from 'node:fs';
import { readProfileFile } from '../../seed/source.js';

/** Text as HTML source: markup characters escaped, accents and apostrophes as entities like saved pages have. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;').replace(/é/g, '&eacute;');
}

/**
 * The seed page as a browser would save it: the portrait as the photo's alt text,
 * headings, a list of topics, each publication in a <div> with its co-authors in a
 * <ul> and the abstract in a <p>, plus scripts, styles and a comment that must not count.
 * Returns the HTML and, for each publication, the HTML line its title is on.
 */
export function seedPageAsHtml(seedPage: string): { html: string; titleLines: number[] } {
  const text = readProfileFile(seedPage).profile;
  const lines = fs.readFileSync(seedPage, 'utf8').split('\n');
  const titleLineNumbers = new Set(text.publications.map((publication) => publication.line));
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head><meta charset="utf-8"><title>Aristide Baratin | Mila</title>',
    '<style>p { color: red; } /* Publications */</style>',
    '<script>document.write("Keller Jordan\\nPublications");</script>',
    '</head>',
    '<body>',
    '<header>',
  ];
  const titleLines: number[] = [];
  let index = 0;
  const next = () => lines[index++]!;
  out.push(`  <img src="photo.jpg" alt="${escape(next())}">`);
  for (;;) {
    const line = next();
    if (line === '') continue;
    if (line === 'Publications') {
      out.push('</header>', '<main>', '  <h2>Publications</h2>', '  <script>var label = "Keller Jordan";</script>', '  <style>.publication { margin: 0 }</style>');
      break;
    }
    if (line === 'Sujets de recherche') out.push(`  <h2>${escape(line)}</h2>`, '  <ul>');
    else if (line === 'Apprentissage profond') out.push(`    <li>${escape(line)}</li>`, '  </ul>');
    else if (line === 'Aristide Baratin') out.push(`  <h1>\n    ${escape(line)}\n  </h1>`);
    else out.push(`  <div>${escape(line)}</div>`);
  }
  let open = false;
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line === '') continue;
    if (titleLineNumbers.has(index + 1)) {
      if (open) out.push('  </div>');
      out.push('  <div class="publication">');
      titleLines.push(out.join('\n').split('\n').length + 1);
      out.push(`    <h3><a href="#">${escape(line)}</a></h3>`);
      open = true;
    } else if (line.split(' ').length <= 4) {
      out.push(`    <ul><li><span>${escape(line)}</span></li></ul>`);
    } else {
      // The page's "(voir plus)" link sits inside the paragraph, its text split across inline elements.
      out.push(`    <p>${escape(line).replace('… (voir plus)', '… <button>(voir plus)</button>')}<!-- no text here --></p>`);
    }
  }
  out.push('  </div>', '</main>', '<noscript>Activez JavaScript</noscript>', '<template><p>Keller Jordan</p></template>', '</body>', '</html>', '');
  return { html: out.join('\n'), titleLines };
}
