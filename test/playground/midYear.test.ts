/** The playground's sample year holds its mid-year round: opened, every unit's column typed, closed. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlaygroundHost } from '../../scripts/playground/host';
import { seedSampleYear } from '../../scripts/playground/seed';

const root = join(__dirname, '..', '..');
const TAB = 'Sơ kết 6 tháng';

describe('the sample year\'s mid-year round in the playground', () => {
  it('is closed, with a rank for every unit but the one with blank rows, good practices typed, and its columns locked', () => {
    const host = new PlaygroundHost({ distDir: join(root, 'dist') });
    host.reset();
    seedSampleYear(host);
    const tab = host.google.peek(TAB);
    const header = tab[2]!;
    expect(header.slice(4)).toEqual(['Bình Thuận', 'Bình Dương', 'Bình Phước', 'Bà Rịa – Vũng Tàu', 'Đồng Nai', 'Tây Ninh']);
    expect(String(tab[1]![1])).toMatch(/^Đã chốt lúc \d\d:\d\d ngày 29\/06\/2021$/);
    const labelRow = (label: string) => tab.find((r) => r[1] === label)!.slice(4);
    expect(labelRow('Thứ hạng').slice(0, 5).every((v) => typeof v === 'number')).toBe(true);
    expect(labelRow('Thứ hạng')[5]).toBe('Chưa xếp (còn 3 dòng trống)');
    expect(labelRow('Cách làm hay, mô hình mới').filter((v) => v !== '')).toHaveLength(5);
    const status = host.run('vanphong.binhduong@example.com', 'getMidYearStatus', []).result as { opened: boolean; closed: boolean; units: Array<{ filled: number; required: number }> };
    expect(status).toMatchObject({ opened: true, closed: true });
    expect(status.units.filter((u) => u.filled === u.required)).toHaveLength(5);
    expect(host.edit('vanphong.dongnai@example.com', TAB, 'I8', [[1]]).ok).toBe(false);
  });
});
