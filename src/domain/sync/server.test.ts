import { describe, expect, it } from 'vitest';
import { databaseUrl, failureOfStatus, serverUrlIssue } from './server';

describe('the sync server URL', () => {
  it('must be HTTPS, except on this machine', () => {
    expect(serverUrlIssue('https://couch.example.com/recall')).toBeNull();
    expect(serverUrlIssue('http://localhost:5984/recall')).toBeNull();
    expect(serverUrlIssue('http://127.0.0.1:5984/recall')).toBeNull();
    expect(serverUrlIssue('http://couch.example.com/recall')).toBe('insecure');
  });

  it('names a database and carries no credentials', () => {
    expect(serverUrlIssue('https://couch.example.com/')).toBe('noDatabase');
    expect(serverUrlIssue('https://me:pw@couch.example.com/recall')).toBe('credentialsInUrl');
    expect(serverUrlIssue('couch.example.com/recall')).toBe('invalid');
    expect(serverUrlIssue('ftp://couch.example.com/recall')).toBe('invalid');
  });

  it('is kept without a trailing slash', () => {
    expect(databaseUrl(' https://couch.example.com/recall/ ')).toBe('https://couch.example.com/recall');
  });

  it('failures are named from the status', () => {
    expect([401, 403, 404, 500].map(failureOfStatus)).toEqual([
      'credentials',
      'forbidden',
      'noDatabase',
      'server',
    ]);
  });
});
