import type { BrowserContext } from 'playwright-core';

export declare const TEXTS: {
  refused: Record<
    'emphasis9999' | 'matrix4000' | 'formulas600' | 'quotes3000' | 'mathChars1800InOneParagraph',
    string
  >;
  accepted: Record<
    | 'emphasis1000'
    | 'matrix225'
    | 'formulas30InOneParagraph'
    | 'formulas200'
    | 'nesting32'
    | 'prose20000'
    | 'formulas200InOneList'
    | 'tables20000'
    | 'looseList20000'
    | 'quotes30Deep20000'
    | 'code20000',
    string
  >;
};
export declare const csv: (rows: [string, string][]) => string;
export declare function bigDeck(): string;
export declare function pathologicalProbe(
  context: BrowserContext,
  base: string,
): Promise<{ metrics: Record<string, number>; env: unknown }>;
