import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadCatalogue } from '../src/i18n/translate';

// The app loads the Chinese messages before showing them; tests render either language at once.
await loadCatalogue('zh');

afterEach(() => cleanup());
