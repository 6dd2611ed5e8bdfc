// The Vue 3 page, built by Vite and driven in headless Chromium (scripts/framework-app.mjs):
// Vue's `@ikrar-signed` listener is the handler that must receive the record; the work unit comes
// from a typed `:prefill` object and is locked.
import path from 'node:path';
import { verifyPledge } from '@ikrar/core';
import { frameworkAppSuite } from '../../../scripts/framework-app.mjs';

frameworkAppSuite({ name: 'examples/vue', dir: path.resolve(import.meta.dirname, '..'), mount: '#app', verifyPledge });
