import { expect } from 'vitest';

// vitest types its asymmetric matchers as `any`; these give each the type of
// the value it stands for, so expected objects stay type-checked.

/** Stands for any string that contains `text`. */
export const containing = (text: string): string => expect.stringContaining(text) as string;

/** Stands for any string that matches `pattern`. */
export const matching = (pattern: string | RegExp): string => expect.stringMatching(pattern) as string;

/** Stands for any array. */
export const anArray = (): unknown[] => expect.any(Array) as unknown[];
