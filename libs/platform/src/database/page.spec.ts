import { bigintIds, fetchPage, type PageSeek, seekSql } from './page.js';

/** Rows positioned 1..n, read as a store would: bounds, direction, limit. */
function listOf(n: number) {
  const positions = Array.from({ length: n }, (_, i) => i + 1);
  const asked: PageSeek[] = [];
  const fetch = async (seek: PageSeek) => {
    asked.push(seek);
    const within = positions.filter((p) => (seek.below === undefined || p < Number(seek.below)) && (seek.above === undefined || p > Number(seek.above)));
    return (seek.direction === 'desc' ? within.reverse() : within).slice(0, seek.limit);
  };
  const page = (request: { after?: string; before?: string; limit?: number }) => fetchPage(request, 3, fetch, String, (p) => ({ p }));
  return { page, asked };
}

const nodes = (page: { edges: { node: { p: number } }[] }) => page.edges.map((e) => e.node.p);

describe('a page of a list newest first', () => {
  it('pages forward to the end, then back with before to the same pages, in the same order', async () => {
    const { page } = listOf(7);
    const first = await page({});
    expect(nodes(first)).toEqual([7, 6, 5]);
    expect(first).toMatchObject({ has_next_page: true, has_previous_page: false });
    expect(first.edges.map((e) => e.cursor)).toEqual(['7', '6', '5']);
    const second = await page({ after: '5' });
    expect(nodes(second)).toEqual([4, 3, 2]);
    expect(second).toMatchObject({ has_next_page: true, has_previous_page: true });
    const last = await page({ after: '2' });
    expect(nodes(last)).toEqual([1]);
    expect(last).toMatchObject({ has_next_page: false, has_previous_page: true });

    const back = await page({ before: '1' });
    expect(back).toEqual(second);
    const backAgain = await page({ before: '4' });
    expect(nodes(backAgain)).toEqual([7, 6, 5]);
    expect(backAgain).toMatchObject({ has_next_page: true, has_previous_page: false });
  });

  it('reads backwards oldest first, one more than the page, and forwards newest first', async () => {
    const { page, asked } = listOf(7);
    await page({ before: '2', limit: 2 });
    await page({ after: '6', limit: 2 });
    expect(asked).toEqual([{ above: '2', direction: 'asc', limit: 3 }, { below: '6', above: undefined, direction: 'desc', limit: 3 }]);
  });

  it('given both cursors, reads the window between forward', async () => {
    const { page } = listOf(9);
    expect(nodes(await page({ after: '8', before: '2' }))).toEqual([7, 6, 5]);
    const rest = await page({ after: '5', before: '2' });
    expect(nodes(rest)).toEqual([4, 3]);
    expect(rest).toMatchObject({ has_next_page: false, has_previous_page: true });
  });

  it('answers an empty page past either end, and a cursor past bigint as the end', async () => {
    const { page, asked } = listOf(3);
    expect(await page({ after: '1' })).toEqual({ edges: [], has_next_page: false, has_previous_page: true });
    expect(await page({ before: '3' })).toEqual({ edges: [], has_next_page: true, has_previous_page: false });
    expect(nodes(await page({ after: '9999999999999999999' }))).toEqual([3, 2, 1]);
    expect(asked.at(-1)?.below).toBe('9223372036854775807');
  });
});

describe('the SQL of a seek', () => {
  it('bounds the column with numbered parameters after the store\'s own, then orders and limits', () => {
    const parameters: unknown[] = ['account'];
    expect(seekSql('o.seq', { below: '9', above: '2', direction: 'desc', limit: 51 }, parameters)).toEqual({
      where: ['o.seq < $2', 'o.seq > $3'],
      tail: 'ORDER BY o.seq DESC LIMIT $4',
    });
    expect(parameters).toEqual(['account', '9', '2', 51]);
    expect(seekSql('seq', { direction: 'asc', limit: 3 }, [])).toEqual({ where: [], tail: 'ORDER BY seq ASC LIMIT $1' });
  });

  it('drops ids no bigint row can have', () => {
    expect(bigintIds(['1', '9223372036854775807', '9223372036854775808'])).toEqual(['1', '9223372036854775807']);
  });
});
