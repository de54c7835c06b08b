// A tiny static server on 127.0.0.1 for the pages the extension is tried on: the bundled sample article and the
// read-only test corpus beside the project. Shared by `npm run dev`, the end-to-end tests and the bench.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { CORPUS_PAGES_DIR, PROJECT_ROOT } from './paths.ts';

export const SAMPLE_DIR = join(PROJECT_ROOT, 'sample');
/** Small pages written for the end-to-end tests (a page that edits, grows and navigates itself), under `/e2e/`. */
export const E2E_PAGES_DIR = join(PROJECT_ROOT, 'tests', 'e2e', 'pages');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

export interface PageServer {
  /** `http://127.0.0.1:PORT` without a trailing slash. */
  origin: string;
  sampleUrl: string;
  corpusUrl(name: string): string;
  close(): Promise<void>;
}

/** The corpus pages that exist, so callers can fail with a clear message when the corpus is missing. */
export function corpusPageExists(name: string): boolean {
  return existsSync(join(CORPUS_PAGES_DIR, name, 'source.html'));
}

/** Maps a request path to a file, or null. Paths never leave the served folders. */
function fileFor(pathname: string): string | null {
  const sample = /^\/sample(\/.*)?$/.exec(pathname);
  if (sample) {
    const rest = sample[1] === undefined || sample[1] === '/' ? '/index.html' : sample[1];
    return inside(SAMPLE_DIR, rest);
  }
  // Each corpus page is served as a folder so its relative links stay under it (they 404, as they should offline).
  const corpus = /^\/corpus\/([A-Za-z0-9_-]+)\/$/.exec(pathname);
  if (corpus?.[1]) return join(CORPUS_PAGES_DIR, corpus[1], 'source.html');
  const e2e = /^\/e2e(\/.+)$/.exec(pathname);
  if (e2e?.[1]) return inside(E2E_PAGES_DIR, e2e[1]);
  return null;
}

function inside(dir: string, rest: string): string | null {
  const file = resolve(dir, '.' + rest);
  return file.startsWith(dir + sep) ? file : null;
}

export async function startServer(port = 0): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        pathname = '';
      }
      if (pathname === '/' || pathname === '/sample') {
        res.writeHead(302, { location: '/sample/' }).end();
        return;
      }
      if (/^\/corpus\/[A-Za-z0-9_-]+$/.test(pathname)) {
        res.writeHead(302, { location: pathname + '/' }).end();
        return;
      }
      const file = fileFor(pathname);
      if (file && (await stat(file).catch(() => null))?.isFile()) {
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The page server has no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    sampleUrl: `${origin}/sample/`,
    corpusUrl: (name) => `${origin}/corpus/${name}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

/** True for URLs the browsers may load: the local server and the browsers' own pages. */
export function isLocalUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'http:' || protocol === 'https:' || protocol === 'ws:' || protocol === 'wss:') {
      return hostname === '127.0.0.1';
    }
    return true; // data:, blob:, about:, chrome-extension:, moz-extension:
  } catch {
    return false;
  }
}
