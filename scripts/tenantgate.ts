#!/usr/bin/env node
import 'reflect-metadata';
import { runCli } from '../src/cli/run-cli.js';

// Exit explicitly: open handles (pools, timers) must not keep a finished command alive.
process.exit(await runCli(process.argv.slice(2), process.env));
