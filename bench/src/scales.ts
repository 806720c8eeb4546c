/** The database sizes the benchmark builds (issue 13): researchers and papers. */
export const scales = {
  S: { researchers: 1_000, publications: 10_000 },
  M: { researchers: 5_000, publications: 50_000 },
  L: { researchers: 20_000, publications: 200_000 },
} as const;

export type ScaleName = keyof typeof scales;
export type Scale = (typeof scales)[ScaleName];

export function isScaleName(value: string): value is ScaleName {
  return Object.hasOwn(scales, value);
}
