import { z } from 'zod';

/**
 * Zod compiles object parsers with `new Function` where it may. The app's Content-Security-Policy
 * has no 'unsafe-eval', and even zod's probe for it is reported as a violation: parse without it.
 * Imported, for this effect, by the modules that parse (main thread and workers alike).
 */
z.config({ jitless: true });
