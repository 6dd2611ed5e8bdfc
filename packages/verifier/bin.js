#!/usr/bin/env node
// Thin launcher, as changesets' packages/cli/bin.js: the command is built into dist/.
import './dist/cli.js';
