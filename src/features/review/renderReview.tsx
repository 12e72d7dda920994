import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { DbProvider } from '../../components/DbContext';
import type { AppDb } from '../../storage/db';
import ReviewScreen from './ReviewScreen';

/** Tests: the review screen on `db`, at `path` (`/review` or `/review/<role>`). */
export const renderReview = (db: AppDb, path = '/review') =>
  render(
    <DbProvider db={db}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/review" element={<ReviewScreen />} />
          <Route path="/review/:roleId" element={<ReviewScreen />} />
        </Routes>
      </MemoryRouter>
    </DbProvider>,
  );
