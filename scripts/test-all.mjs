import { spawnSync } from 'node:child_process';

/** `npm test`: every unit, storage, component and deck test, then the end-to-end tests in Chromium. */
const run = (script) => spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' }).status ?? 1;

const unit = run('test:unit');
if (unit !== 0) process.exit(unit);
process.exit(run('test:e2e'));
