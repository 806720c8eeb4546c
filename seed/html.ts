import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { cleanText } from '../src/modules/shared/text.js';

/**
 * The visible text of a profile page saved from a browser, one block element per
 * line, for the same parser as a page saved as text. parse5 builds the tree the
 * way a browser does (unclosed `<p>` and `<li>`, entities, stray tags), and tells
 * where each node starts in the source, so that errors point into the HTML file.
 */

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** The page's text and, for each of its lines, the 1-based line of the HTML source it comes from. */
export interface HtmlText {
  text: string;
  sourceLines: number[];
}

/** Elements that start and end a line of text (as a browser lays them out). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'tfoot', 'thead', 'tr', 'ul',
]);

/**
 * Elements whose content is never shown as text. Elements hidden by an attribute or
 * a style are read: the page hides the end of a long abstract behind "(voir plus)",
 * and the saved text keeps it.
 */
const HIDDEN = new Set(['head', 'script', 'style', 'noscript', 'template', 'title', 'svg', 'math', 'iframe', 'object', 'select', 'textarea']);

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

/** Reads the page's visible text; every line knows the source line where its text starts. */
export function htmlToText(html: string): HtmlText {
  const lines: string[] = [];
  const sourceLines: number[] = [];
  let pending = '';
  let pendingLine = 0;

  const endLine = () => {
    const line = cleanText(pending);
    if (line !== '') {
      lines.push(line);
      sourceLines.push(pendingLine);
    }
    pending = '';
    pendingLine = 0;
  };

  /** The source line of the first character of a text node that is not white space. */
  const firstVisibleLine = (node: DefaultTreeAdapterTypes.TextNode): number => {
    const location = node.sourceCodeLocation;
    if (!location) return 1;
    const raw = html.slice(location.startOffset, location.endOffset);
    const leading = raw.slice(0, raw.length - raw.trimStart().length);
    return location.startLine + (leading.match(/\n/gu)?.length ?? 0);
  };

  const walk = (node: Node): void => {
    if (node.nodeName === '#text') {
      const text = node as DefaultTreeAdapterTypes.TextNode;
      if (pendingLine === 0 && text.value.trim() !== '') pendingLine = firstVisibleLine(text);
      pending += text.value;
      return;
    }
    if (!isElement(node)) {
      // The document itself; comments and the doctype hold no visible text.
      if (node.nodeName === '#document' || node.nodeName === '#document-fragment') (node as DefaultTreeAdapterTypes.ParentNode).childNodes.forEach(walk);
      return;
    }
    if (HIDDEN.has(node.tagName)) return;
    if (node.tagName === 'br') return endLine();
    if (node.tagName === 'img') {
      // The page starts with the photo's alt text (`Portrait de …`): its own line.
      const alt = attribute(node, 'alt');
      endLine();
      if (alt !== undefined) {
        pending = alt;
        pendingLine = node.sourceCodeLocation?.startLine ?? 1;
        endLine();
      }
      return;
    }
    const block = BLOCKS.has(node.tagName);
    if (block) endLine();
    for (const child of node.childNodes) {
      walk(child);
      // Table cells of a row share its line, a space apart.
      if (isElement(child) && (child.tagName === 'td' || child.tagName === 'th')) pending += ' ';
    }
    if (block) endLine();
  };

  walk(parse(html, { sourceCodeLocationInfo: true }));
  endLine();
  return { text: lines.join('\n'), sourceLines };
}
