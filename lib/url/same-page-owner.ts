/**
 * Who may speak for a page's claims. Hostnames alone are not enough: `http://host:8080` is another server than
 * `https://host`, and on hosts shared by many authors (`/~alice/`, `medium.com/@alice`) a page must not borrow another
 * author's article through its canonical link, nor file the reader's claims under it.
 */

/** Hosts where the first path segment names the author or site: each is a publisher of its own. */
const PATH_SHARED_HOSTS = new Set([
  'medium.com',
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'sites.google.com',
  'docs.google.com',
  'web.archive.org',
  'archive.org',
  'linkedin.com',
  'www.linkedin.com',
  'facebook.com',
  'www.facebook.com',
  'x.com',
  'twitter.com',
  'notion.site',
  'www.notion.so',
  'observablehq.com',
  'codepen.io',
  'glitch.com',
  'replit.com',
  'dev.to',
  'hashnode.com',
]);

/** The origin (scheme, host and port) of a URL, or '' when it is not one. */
export function originOf(input: string): string {
  try {
    const url = new URL(input);
    return url.origin === 'null' ? '' : url.origin;
  } catch {
    return '';
  }
}

const firstSegment = (url: URL) => url.pathname.split('/')[1] ?? '';

/** Whether `a` and `b` are one publisher's: the same origin and, on a shared host, the same first path segment. */
export function samePublisher(a: string, b: string): boolean {
  const origin = originOf(a);
  if (!origin || origin !== originOf(b)) return false;
  const [urlA, urlB] = [new URL(a), new URL(b)];
  const userDirectory = firstSegment(urlA).startsWith('~') || firstSegment(urlB).startsWith('~');
  if (userDirectory || PATH_SHARED_HOSTS.has(urlA.hostname)) return firstSegment(urlA) === firstSegment(urlB);
  return true;
}
