import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadCatalogue } from '../src/i18n/translate';

// The app loads the Chinese messages before showing them; tests render either language at once.
await loadCatalogue('zh');

// findBy*/waitFor wait for what a user would wait for; on two busy cores with fake IndexedDB a
// screen can take longer than the library's 1 s default to settle, which is patience, not speed.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
