import type { HostileCase } from './case.ts';

/**
 * content/newsletters.yaml and site.yaml's `newsletter`: an edition id names folders of the
 * output, and the signup form's URL is where readers' addresses go.
 */

const EDITIONS = 'content/newsletters.yaml';

export const cases: HostileCase[] = [
  {
    name: 'an edition id that climbs out of /newsletters/',
    alone: true,
    edit: { [EDITIONS]: (text) => text.replace('id: morning', 'id: ../../../etc') },
    expect: 'refused',
    file: EDITIONS,
    at: 'id: ../../../etc',
    field: 'editions.0.id',
    says: /must be a lower-case id/,
  },
  {
    name: 'an edition of a section that does not exist',
    alone: true,
    edit: {
      [EDITIONS]: (text) => text.replace('sections: [politics, immigration]', 'sections: [politics, imigration]'),
    },
    expect: 'refused',
    file: EDITIONS,
    at: 'sections: [politics, imigration]',
    field: 'editions.1.sections.1',
    says: /no section "imigration" in content\/sections\//,
  },
  {
    name: 'a signup form that posts readers’ addresses over http',
    alone: true,
    edit: {
      'content/site.yaml': (text) =>
        text.replace('url: https://lists.ledgerdesk-mail.example/subscribe', 'url: http://lists.evil.example/'),
    },
    expect: 'refused',
    file: 'content/site.yaml',
    at: 'url: http://lists.evil.example/',
    field: 'newsletter.signup.url',
    says: /must be a full https:\/\/ address/,
  },
];
