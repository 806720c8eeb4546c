import fs from 'node:fs';
import { seedVocabularyPath } from '../src/db/paths.js';
import { slugify, titleKey } from '../src/modules/shared/text.js';

/**
 * The bilingual vocabulary (seed/vocabulary.json): topics, supervision roles
 * and positions, each with a key and English and French labels. A label on a
 * page, in either language, resolves to its entry; an unknown label becomes
 * an entry of its own, named by the label in both languages.
 */

export type VocabularyKind = 'topics' | 'roles' | 'positions';

export interface VocabularyEntry {
  key: string;
  en: string;
  fr: string;
  aliases?: string[];
}

export type Vocabulary = Record<VocabularyKind, VocabularyEntry[]>;

export function loadVocabulary(): Vocabulary {
  return JSON.parse(fs.readFileSync(seedVocabularyPath, 'utf8')) as Vocabulary;
}

/** Resolves labels of one kind; labels compare with case, accents and punctuation folded. */
export class LabelResolver {
  private readonly byLabel = new Map<string, VocabularyEntry>();

  constructor(entries: VocabularyEntry[]) {
    for (const entry of entries) {
      for (const label of [entry.en, entry.fr, ...(entry.aliases ?? [])]) this.byLabel.set(titleKey(label), entry);
    }
  }

  /** The entry a label names, if the vocabulary knows it. */
  find(label: string): VocabularyEntry | undefined {
    return this.byLabel.get(titleKey(label));
  }

  /** The entry a label names, or a new one made from the label. */
  resolve(label: string): VocabularyEntry {
    return this.find(label) ?? { key: slugify(label), en: label, fr: label };
  }
}
