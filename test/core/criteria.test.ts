import { describe, expect, it } from 'vitest';
import { buildCriteriaTree, codeKey, parentKey, standardMaxTotal } from '../../src/core/criteria';
import { deepFreeze, row, smallTable, table } from './engine-fixtures';

const codesOf = (tree: ReturnType<typeof buildCriteriaTree>, indexes: readonly number[]) => indexes.map((i) => tree.nodes[i]?.code);

describe('codeKey', () => {
  it('folds case and removes spaces around dots', () => {
    expect(codeKey(' I. 1.A ')).toBe('i.1.a');
  });

  it('drops a trailing dot, as in "II."', () => {
    expect(codeKey('II.')).toBe('ii');
  });

  it('returns "" for a blank code', () => {
    expect(codeKey('  ')).toBe('');
  });
});

describe('parentKey', () => {
  it('removes the last dot segment', () => {
    expect(parentKey('i.1.a')).toBe('i.1');
  });

  it('returns "" for a top-level code', () => {
    expect(parentKey('i')).toBe('');
  });
});

describe('buildCriteriaTree', () => {
  it('hangs a row under the code minus its last dot segment', () => {
    const tree = buildCriteriaTree(table(row('I', 'group'), row('I.1', 'group'), row('I.1.a', 'qualitative', 2)));
    const i1 = tree.byCode.get('i.1');
    expect(codesOf(tree, i1?.childIndexes ?? [])).toEqual(['I.1.a']);
  });

  it('makes codes without a dot roots, in sheet order', () => {
    const tree = buildCriteriaTree(table(row('II', 'group'), row('II.1', 'qualitative', 1), row('I', 'group'), row('I.1', 'qualitative', 1)));
    expect(tree.roots.map((r) => r.code)).toEqual(['II', 'I']);
  });

  it('matches a child to its parent ignoring case and spaces', () => {
    const tree = buildCriteriaTree(table(row('I', 'group'), row(' i.1 ', 'qualitative', 3)));
    expect(tree.problems).toEqual([]);
    expect(tree.byCode.get('i')?.childIndexes.length).toBe(1);
  });

  it('lists every node in tree order, a parent before its children', () => {
    const tree = buildCriteriaTree(table(row('I.1', 'qualitative', 1), row('I', 'group'), row('I.2', 'qualitative', 1)));
    expect(tree.nodes.map((n) => n.code)).toEqual(['I', 'I.1', 'I.2']);
  });

  it('gives a group the sum of the standard rows below it, at any depth', () => {
    const tree = buildCriteriaTree(
      table(
        row('I', 'group'),
        row('I.1', 'group'),
        row('I.1.a', 'qualitative', 3),
        row('I.1.b', 'quantitative', 4, { target: 10 }),
        row('I.2', 'qualitative', 5),
        row('I.3', 'bonus', 7),
        row('I.4', 'deduction', 2),
        row('I.5', 'veto'),
      ),
    );
    expect(tree.byCode.get('i')?.maxPoints).toBe(12);
    expect(tree.byCode.get('i.1')?.maxPoints).toBe(7);
  });

  it('ignores the max typed on a group row', () => {
    const tree = buildCriteriaTree(table(row('I', 'group', 99), row('I.1', 'qualitative', 4)));
    expect(tree.byCode.get('i')?.maxPoints).toBe(4);
  });

  it('sums the standard maxima of the whole table', () => {
    expect(buildCriteriaTree(smallTable()).standardMax).toBe(25);
  });

  it('reports a duplicate code and keeps the first row', () => {
    const tree = buildCriteriaTree(table(row('I', 'group'), row('I.1', 'qualitative', 3), row('i.1', 'qualitative', 9)));
    expect(tree.problems).toEqual([{ code: 'i.1', field: 'code', message: 'Mã "i.1" bị trùng: chỉ dòng đầu tiên được tính' }]);
    expect(tree.byCode.get('i.1')?.maxPoints).toBe(3);
  });

  it('treats "I." and "I" as the same code', () => {
    const tree = buildCriteriaTree(table(row('I.', 'group'), row('I', 'group'), row('I.1', 'qualitative', 1)));
    expect(tree.problems.map((p) => p.field)).toEqual(['code']);
  });

  it('reports a row without a code', () => {
    const tree = buildCriteriaTree(table(row(' ', 'qualitative', 1)));
    expect(tree.problems).toEqual([{ field: 'code', message: 'Dòng tiêu chí "Nội dung" chưa có mã' }]);
    expect(tree.nodes).toEqual([]);
  });

  it('reports a missing parent and hangs the row under its nearest ancestor', () => {
    const tree = buildCriteriaTree(table(row('I', 'group'), row('I.1.a', 'qualitative', 2)));
    expect(tree.problems).toEqual([{ code: 'I.1.a', field: 'code', message: 'Mã "I.1.a" không có mục cha "I.1" trong bảng tiêu chí' }]);
    expect(tree.byCode.get('i')?.maxPoints).toBe(2);
  });

  it('makes a row whose ancestors are all missing a root', () => {
    const tree = buildCriteriaTree(table(row('II.3', 'qualitative', 2)));
    expect(tree.problems.map((p) => p.message)).toEqual(['Mã "II.3" không có mục cha "II" trong bảng tiêu chí']);
    expect(tree.roots.map((r) => r.code)).toEqual(['II.3']);
  });

  it('reports a parent that is not a group row, on the parent', () => {
    const tree = buildCriteriaTree(table(row('I', 'qualitative', 5), row('I.1', 'qualitative', 2)));
    expect(tree.problems).toEqual([
      { code: 'I', field: 'kind', message: '"I" có mục con "I.1" nên phải thuộc loại Nhóm (điểm của nhóm là tổng các mục con)' },
    ]);
  });

  it('reports a group without children', () => {
    const tree = buildCriteriaTree(table(row('I', 'group'), row('II', 'group'), row('II.1', 'qualitative', 1)));
    expect(tree.problems).toEqual([{ code: 'I', field: 'kind', message: 'Nhóm "I" không có tiêu chí con nào' }]);
    expect(tree.byCode.get('i')?.maxPoints).toBe(0);
  });

  it('reports a negative max and counts the row as 0', () => {
    const tree = buildCriteriaTree(table(row('I', 'group'), row('I.1', 'qualitative', -2), row('I.2', 'qualitative', 3)));
    expect(tree.problems).toEqual([{ code: 'I.1', field: 'maxPoints', message: 'Điểm chuẩn của "I.1" phải là số không âm, đang là -2' }]);
    expect(tree.byCode.get('i')?.maxPoints).toBe(3);
  });

  it('reports a max that is not a finite number', () => {
    const tree = buildCriteriaTree(table(row('B', 'bonus', Number.NaN), row('C', 'deduction', Infinity)));
    expect(tree.problems.map((p) => [p.code, p.field])).toEqual([
      ['B', 'maxPoints'],
      ['C', 'maxPoints'],
    ]);
  });

  it('accepts a veto row with a max and ignores the max', () => {
    const tree = buildCriteriaTree(table(row('D', 'veto', 5)));
    expect(tree.problems).toEqual([]);
    expect(tree.byCode.get('d')?.maxPoints).toBe(0);
  });

  it('reports a quantitative row without a target', () => {
    const tree = buildCriteriaTree(table(row('Q', 'quantitative', 5)));
    expect(tree.problems).toEqual([
      {
        code: 'Q',
        field: 'target',
        message: 'Tiêu chí định lượng "Q" (cách tính tỷ lệ) chưa có chỉ tiêu: nhập chỉ tiêu chung hoặc chỉ tiêu riêng của từng đơn vị',
      },
    ]);
  });

  it('reports a zero target where the rule divides by it', () => {
    const tree = buildCriteriaTree(table(row('Q', 'quantitative', 5, { target: 0, rule: 'leaderRelative' })));
    expect(tree.problems.map((p) => p.message)).toEqual(['Chỉ tiêu của "Q" phải là số lớn hơn 0 với cách tính dẫn đầu, đang là 0']);
  });

  it('reports a negative target for the lower-is-better rule', () => {
    const tree = buildCriteriaTree(table(row('Q', 'quantitative', 5, { target: -1, rule: 'lowerIsBetter' })));
    expect(tree.problems).toEqual([{ code: 'Q', field: 'target', message: 'Chỉ tiêu của "Q" phải là số từ 0 trở lên với cách tính ngược, đang là -1' }]);
  });

  it('accepts a zero target for the lower-is-better rule (no occurrence allowed)', () => {
    const tree = buildCriteriaTree(table(row('Q', 'quantitative', 5, { target: 0, rule: 'lowerIsBetter' })));
    expect(tree.problems).toEqual([]);
    expect(tree.byCode.get('q')?.target).toBe(0);
  });

  it('accepts a zero target for the pass/fail rule', () => {
    const tree = buildCriteriaTree(table(row('Q', 'quantitative', 5, { target: 0, rule: 'passFail' })));
    expect(tree.problems).toEqual([]);
    expect(tree.byCode.get('q')?.target).toBe(0);
  });

  it('reports a target that is not a finite number', () => {
    const tree = buildCriteriaTree(table(row('Q', 'quantitative', 5, { target: Number.NaN, rule: 'passFail' })));
    expect(tree.problems.map((p) => p.message)).toEqual(['Chỉ tiêu của "Q" không phải là số hữu hạn: NaN']);
  });

  it('gives a quantitative row without a rule the proportional rule', () => {
    expect(buildCriteriaTree(table(row('Q', 'quantitative', 5, { target: 10 }))).byCode.get('q')?.rule).toBe('proportional');
  });

  it('returns an empty tree for an empty table', () => {
    const tree = buildCriteriaTree(table());
    expect([tree.roots, tree.nodes, tree.problems, tree.standardMax]).toEqual([[], [], [], 0]);
  });

  it('does not change the table', () => {
    const input = deepFreeze(smallTable());
    expect(() => buildCriteriaTree(input)).not.toThrow();
  });
});

describe('standardMaxTotal', () => {
  it('sums the standard maxima when every row applies', () => {
    expect(standardMaxTotal(smallTable())).toBe(25);
  });

  it('leaves out rows not applicable, matched loosely', () => {
    expect(standardMaxTotal(smallTable(), [' i.2 '])).toBe(15);
  });

  it('leaves out a whole group marked not applicable', () => {
    expect(standardMaxTotal(smallTable(), ['I'])).toBe(5);
  });

  it('ignores bonus, deduction and unknown codes', () => {
    expect(standardMaxTotal(smallTable(), ['B.1', 'C.1', 'X'])).toBe(25);
  });

  it('accepts a tree already built', () => {
    expect(standardMaxTotal(buildCriteriaTree(smallTable()), ['II.1'])).toBe(20);
  });
});
