import { toGlobalId } from '@app/core';
import { ideaCsvHeader, ideaCsvRecords } from './idea-csv';

describe('ideas CSV', () => {
  const idea = {
    id: '0b6f3c9e-4a51-4c1e-9d55-2a7f4f0f1a10',
    title: 'Offline maps, please',
    status: 'PLANNED',
    voteCount: 42,
    authorHandle: 'ada',
    createdAt: new Date('2026-03-01T08:30:00.125Z'),
    tags: ['maps', 'offline'],
  };

  it('names the columns in the contract order', () => {
    expect(ideaCsvHeader()).toBe('id,title,status,votes,author,created,tags,url\r\n');
  });

  it('writes global ids, ISO 8601 dates, tags joined by semicolons and a link to the idea', () => {
    const id = toGlobalId('Idea', idea.id);
    expect(ideaCsvRecords([idea], 'https://community.example')).toBe(
      `${id},"Offline maps, please",PLANNED,42,ada,2026-03-01T08:30:00.125Z,maps;offline,` +
        `https://community.example/ideas/${id}\r\n`,
    );
  });

  it('neutralises a handle or tag that would read as a formula', () => {
    const record = ideaCsvRecords(
      [{ ...idea, authorHandle: '-ada', tags: ['-x'] }],
      'https://c.example',
    );
    expect(record).toContain(",'-ada,");
    expect(record).toContain(",'-x,");
  });

  it('writes a page of ideas as one record each', () => {
    const second = { ...idea, id: '5d1e2f3a-0000-4000-8000-000000000001', title: 'Dark mode' };
    const records = ideaCsvRecords([idea, second], 'https://c.example').split('\r\n');
    expect(records).toHaveLength(3);
    expect(records[1]).toContain(',Dark mode,');
    expect(records[2]).toBe('');
    expect(ideaCsvRecords([], 'https://c.example')).toBe('');
  });

  it('shows a title that would run as a formula as text', () => {
    expect(
      ideaCsvRecords(
        [{ ...idea, title: '=HYPERLINK("http://evil.example","click")' }],
        'https://c',
      ),
    ).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
  });
});
