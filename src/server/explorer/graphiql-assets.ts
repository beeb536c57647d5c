import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** URL prefix of the files the GraphiQL page loads; all of them come from this gateway. */
export const GRAPHIQL_ASSET_PREFIX = '/explorer/';

/** One file of an npm package that the page needs, under the name the page asks for. */
interface AssetSource {
  packageName: string;
  /** Path inside the package (these files are not in the packages' `exports`). */
  file: string;
  contentType: string;
}

const JAVASCRIPT = 'text/javascript; charset=utf-8';

/**
 * The browser builds GraphiQL needs, resolved from the installed packages (graphiql 3 is the last
 * line that ships a ready-to-load browser build with its fonts inlined; React 18 the last with
 * UMD builds). The source map is listed so that opening the browser's devtools does not 404.
 */
const SOURCES: Readonly<Record<string, AssetSource>> = {
  'react.production.min.js': { packageName: 'react', file: 'umd/react.production.min.js', contentType: JAVASCRIPT },
  'react-dom.production.min.js': { packageName: 'react-dom', file: 'umd/react-dom.production.min.js', contentType: JAVASCRIPT },
  'index.umd.js': { packageName: 'graphiql', file: 'dist/index.umd.js', contentType: JAVASCRIPT },
  'index.umd.js.map': { packageName: 'graphiql', file: 'dist/index.umd.js.map', contentType: 'application/json; charset=utf-8' },
  'style.css': { packageName: 'graphiql', file: 'dist/style.css', contentType: 'text/css; charset=utf-8' },
};

/** A file ready to send. */
export interface GraphiqlAsset {
  body: Buffer;
  contentType: string;
}

/**
 * Reads each asset from node_modules on its first request and keeps it in memory (about 1.5 MB in
 * all), so an explorer nobody opens costs nothing.
 */
export class GraphiqlAssets {
  private readonly loaded = new Map<string, Promise<GraphiqlAsset>>();
  private readonly resolvePackageFile = createRequire(import.meta.url).resolve;

  /** The asset called `name`, or undefined when the page never asks for such a file. */
  get(name: string): Promise<GraphiqlAsset> | undefined {
    const source = Object.hasOwn(SOURCES, name) ? SOURCES[name] : undefined;
    if (!source) {
      return undefined;
    }
    let asset = this.loaded.get(name);
    if (!asset) {
      const path = join(dirname(this.resolvePackageFile(`${source.packageName}/package.json`)), source.file);
      asset = readFile(path).then((body) => ({ body, contentType: source.contentType }));
      asset.catch(() => this.loaded.delete(name));
      this.loaded.set(name, asset);
    }
    return asset;
  }
}
