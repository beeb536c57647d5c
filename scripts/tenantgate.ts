#!/usr/bin/env node
import 'reflect-metadata';
import { runCli } from '../src/cli/run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), process.env);
