/** The playground's sample year keeps its registers: initiatives of two units and the fund's entries. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlaygroundHost } from '../../scripts/playground/host';
import { seedSampleYear } from '../../scripts/playground/seed';

const root = join(__dirname, '..', '..');

describe('the sample year in the playground', () => {
  it('has Sáng kiến with three initiatives (two recognised) and Quỹ with the payments and spending, with no problem in either', () => {
    const host = new PlaygroundHost({ distDir: join(root, 'dist') });
    host.reset();
    seedSampleYear(host);
    const initiatives = host.google.peek('Sáng kiến').filter((r, i) => i >= 3 && r[1] !== '');
    expect(initiatives.map((r) => [r[0], r[3], r[4]])).toEqual([
      ['Bình Dương', 'Được công nhận', 'Cấp ngành'],
      ['Bình Dương', 'Được công nhận', 'Toàn quốc'],
      ['Đồng Nai', 'Đăng ký', ''],
    ]);
    const fund = host.google.peek('Quỹ');
    expect(fund.slice(3).filter((r) => r[4] === 'Chi').map((r) => r[5])).toEqual(['Bình Phước', 'Đồng Nai']);
    const leader = 'vanphong.binhduong@example.com';
    const problems = host.run(leader, 'getProblems', []).result as { problems: Array<{ sheet: string; message: string }> };
    expect(problems.problems.filter((p) => p.sheet === 'Sáng kiến' || p.sheet === 'Quỹ' || p.message.includes('bảng Sáng kiến'))).toEqual([]);
  });
});
