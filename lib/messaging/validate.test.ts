import { describe, expect, it } from 'vitest';
import {
  assertSenderOwnsPage,
  MessageRejected,
  newManualClaimRequest,
  parseMessage,
  storedClaimsRequest,
} from './validate';

const page = 'https://www.news.example/story';

describe('parseMessage', () => {
  it('accepts a well-formed request', () => {
    expect(parseMessage(storedClaimsRequest, { url: page })).toEqual({ url: page });
  });

  it.each([undefined, null, 42, {}, { url: 7 }, { url: 'javascript:alert(1)' }, { url: 'x'.repeat(9000) }])(
    'rejects %j with a MessageRejected error',
    (data) => {
      expect(() => parseMessage(storedClaimsRequest, data)).toThrow(MessageRejected);
    },
  );
});

describe('assertSenderOwnsPage', () => {
  const tab = { id: 3, url: page };

  it('lets a page ask for its own claims, canonical URL included', () => {
    expect(() =>
      assertSenderOwnsPage({ id: 'ext', url: page, tab }, 'ext', 'https://www.news.example/story-canonical'),
    ).not.toThrow();
  });

  it('compares whole origins: another port, scheme or host is another publisher', () => {
    for (const other of [
      'http://www.news.example/story',
      'https://www.news.example:8080/story',
      'https://news.example/story',
    ]) {
      expect(
        () => assertSenderOwnsPage({ id: 'ext', url: other, tab: { id: 3, url: other } }, 'ext', page),
        other,
      ).toThrow(/asked for/);
    }
  });

  it('refuses another site, another extension and senders without a tab', () => {
    expect(() => assertSenderOwnsPage({ id: 'ext', url: page, tab }, 'ext', 'https://bank.example/')).toThrow(
      /asked for/,
    );
    expect(() => assertSenderOwnsPage({ id: 'other', url: page, tab }, 'ext', page)).toThrow(/another extension/);
    expect(() => assertSenderOwnsPage({ id: 'ext', url: page }, 'ext', page)).toThrow(/Only a page/);
  });
});

describe('newManualClaimRequest', () => {
  const valid = {
    page: { url: page, title: 'Story', site: 'News' },
    exact: 'Fees reach $210,000 a month.',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'Fees reach $210,000 a month.', prefix: 'said. ', suffix: ' The' },
      { type: 'TextPositionSelector', start: 10, end: 38 },
    ],
  };

  it('accepts a passage with its selectors', () => {
    expect(parseMessage(newManualClaimRequest, valid)).toEqual(valid);
  });

  it.each([
    [{ ...valid, exact: '   ' }, /exact is empty/],
    [{ ...valid, exact: 'x'.repeat(5001) }, /longer than/],
    [{ ...valid, selectors: [] }, /selectors/],
    [{ ...valid, selectors: [{ type: 'CssSelector', value: 'p' }] }, /selectors/],
    [{ ...valid, selectors: [{ type: 'TextPositionSelector', start: -1, end: 3 }] }, /selectors/],
    [{ ...valid, page: { ...valid.page, url: 'file:///etc/passwd' } }, /page.url/],
  ])('rejects a malformed request (%#)', (data, message) => {
    expect(() => parseMessage(newManualClaimRequest, data)).toThrow(message);
  });
});
