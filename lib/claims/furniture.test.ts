import { describe, expect, it } from 'vitest';
import { isFurniture } from './furniture';

describe('isFurniture', () => {
  it('recognises bylines, bios, datelines, credits and print lines', () => {
    for (const text of [
      'By Jane Doe',
      'By JANE DOE and JOHN ROE',
      'By Jane Doe, Reuters',
      'By Kirsten Korosec | Updated 10:32 AM ET',
      'Written by Alex Heath',
      'By AFP',
      'Reporting by Jane Doe in London; Editing by John Roe',
      'Follow him on Twitter @jdoe.',
      'Follow Jane Doe on Twitter',
      'Jane Doe is a staff writer for The Daily Example covering city hall.',
      'She can be reached at jane.doe@example.com.',
      '22 Dec, 2016 22 Dec, 2016',
      'Updated 10:32 AM ET, Thu March 2, 2017',
      'Published: 14:05 GMT, 3 March 2017',
      'Photo: Jane Doe/Getty Images',
      '(Ellen M. Banner / The Seattle Times)',
      'Credit Ashraf Shazly/Agence France-Presse — Getty Images',
      'Image copyright Reuters',
      'A version of this article appears in print on January 14, 2017, on Page A1 of the New York edition.',
      'Order Reprints | Today’s Paper | Subscribe',
      '© 2017 The Daily Example. All rights reserved.',
      'This article was originally published on The Conversation.',
    ])
      expect(isFurniture(text), text).toBe(true);
  });

  it('leaves article sentences alone, even those that start like furniture', () => {
    for (const text of [
      'By Tuesday, the council had approved a budget of $4.2 billion.',
      'By 2020, emissions had fallen by a third.',
      'By contrast, the Senate version cuts taxes for 90 percent of households.',
      'The city council approved a budget of $4.2 billion on Tuesday, the mayor said.',
      'Smith was a reporter for the Times before joining the campaign in 2016.',
      'Police said the photo was taken on March 2, 2017, in Harare.',
      'Getty Images reported revenue of $900 million last year, up 4 percent.',
      'On March 2, 2017, the company cut 300 jobs.',
    ])
      expect(isFurniture(text), text).toBe(false);
  });
});
