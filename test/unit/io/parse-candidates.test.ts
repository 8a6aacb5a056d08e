// A planner's candidate sites for siting: Chinese headers, coordinates converted, every bad row listed.
import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../../shared/geo/crs.ts';
import { parseCandidateSheet } from '../../../shared/model/parse-candidates.ts';

const sheet = (headers: string[], ...rows: string[][]) => ({ headers, rows });

describe('candidate sites', () => {
  it('reads 编号, 名称, 经度, 纬度; an id is made where none is given', () => {
    const r = parseCandidateSheet(sheet(['编号', '名称', '经度', '纬度'], ['A', '沙坪候选点', '113.0', '28.3'], ['', '新河候选点', '112.99', '28.22']));
    expect(r.problems).toEqual([]);
    expect(r.sites).toEqual([
      { id: 'A', name: '沙坪候选点', lon: 113, lat: 28.3 },
      { id: 'C2', name: '新河候选点', lon: 112.99, lat: 28.22 },
    ]);
  });

  it('converts GCJ-02 (Amap) coordinates', () => {
    const [lon, lat] = toWgs84('gcj02', 113.0, 28.3);
    expect(parseCandidateSheet(sheet(['lon', 'lat'], ['113.0', '28.3']), 'gcj02').sites[0]).toMatchObject({ lon, lat });
  });

  it('lists every bad row and writes nothing; refuses a file without coordinates', () => {
    const r = parseCandidateSheet(sheet(['编号', '经度', '纬度'], ['A', '东经113', '28.3'], ['B', '113', '95'], ['A', '113', '28']));
    expect(r.sites).toEqual([]);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [2, '经度'],
      [3, '纬度'],
      [4, '编号'],
    ]);
    expect(parseCandidateSheet(sheet(['编号', '名称'], ['A', 'x'])).problems.map((p) => p.column)).toEqual(['lon', 'lat']);
    expect(parseCandidateSheet(sheet(['经度', '纬度'])).problems[0]!.message).toContain('没有候选点');
  });

  it('refuses an id longer than the API can name again (200 characters), by row and column', () => {
    const long = 'X'.repeat(201);
    const r = parseCandidateSheet(sheet(['编号', '经度', '纬度'], ['A', '113', '28'], [long, '113', '28']));
    expect(r.sites).toEqual([]);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([[3, '编号']]);
    expect(r.problems[0]!.message).toContain('有 201 个字符，最多 200 个');
    expect(parseCandidateSheet(sheet(['编号', '经度', '纬度'], ['X'.repeat(200), '113', '28'])).sites).toHaveLength(1);
  });
});
