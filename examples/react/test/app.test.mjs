// The React 19 page, built by Vite and driven in headless Chromium (scripts/framework-app.mjs):
// React's `onikrar-signed` prop is the handler that must receive the record.
import path from 'node:path';
import { verifyPledge } from '@ikrar/core';
import { frameworkAppSuite } from '../../../scripts/framework-app.mjs';

frameworkAppSuite({
  name: 'examples/react',
  dir: path.resolve(import.meta.dirname, '..'),
  mount: '#root',
  verifyPledge,
});
