/** Types of scripts/chromium.mjs, for the TypeScript tests that launch Chromium. */
export declare const chromiumArgs: string[];
export declare const chromiumPath: string;
