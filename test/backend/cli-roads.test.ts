// `healthplan import --roads/--boundaries` and `info`, run as a planner would run them, on real files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from './tmp.ts';
import { cliIn } from './cli-run.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dir = tmpDir();
const { healthplan, file } = cliIn(dir);
const line = (coordinates: number[][], properties: object) => ({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates } });
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const info = () => JSON.parse(healthplan('info', 'roads.hplan', '--json').out) as { roads: { segments: number; km: number }; boundaries: number };

describe('healthplan import --roads / --boundaries', () => {
  it('imports units, then roads and boundaries into a new plan, printing what was kept, dropped and wrong', () => {
    const units = file('单位.csv', '区划代码,名称,上级区划代码,类型\n430105000000,开福区,,区\n430105002000,沙坪街道,430105000000,街道\n');
    const roads = file(
      'roads.geojson',
      fc([
        line(
          [
            [112.98, 28.2],
            [112.99, 28.2],
          ],
          { highway: 'primary', oneway: 'yes' },
        ),
        line([[112.98, 28.2]], { highway: 'residential' }),
        line(
          [
            [112.98, 28.2],
            [112.98, 28.21],
          ],
          { highway: 'footway' },
        ),
        line(
          [
            [112.98, 28.2],
            [112.98, 28.21],
          ],
          { highway: 'residential' },
        ),
      ]),
    );
    const square = [
      [
        [112.98, 28.2],
        [112.99, 28.2],
        [112.99, 28.21],
        [112.98, 28.21],
        [112.98, 28.2],
      ],
    ];
    const bounds = file(
      '边界.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { adcode: 430105, name: '开福区' }, geometry: { type: 'Polygon', coordinates: square } },
          { type: 'Feature', properties: { 名称: '沙坪街道' }, geometry: { type: 'Polygon', coordinates: square } },
          { type: 'Feature', properties: { name: '不存在街道' }, geometry: { type: 'Polygon', coordinates: square } },
        ],
      }),
    );
    const r = healthplan('import', 'roads.hplan', '--units', units, '--roads', roads, '--boundaries', bounds);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('新增 2 条');
    expect(r.out).toMatch(/路网 ← roads\.geojson（GeoJSON）：保留 2 条路段（4 个点），共 2\.1 km；已替换方案中的路网/);
    expect(r.out).toContain('按等级: primary 1 km，residential 1.1 km');
    expect(r.out).toContain('已舍弃（不可行车）: footway 1');
    expect(r.out).toContain('跳过 1 个有问题的要素');
    expect(r.out).toContain('第 2 个要素只有 1 个不同的点');
    expect(r.out).toContain('边界 ← 边界.geojson：3 个要素，匹配 2 个单位（按代码 1，按名称 1；新增 2，替换 0）');
    expect(r.out).toContain('第 3 个要素（不存在街道）：方案中没有名称为「不存在街道」的单位');
    expect(info()).toMatchObject({ roads: { segments: 2, km: 2.092 }, boundaries: 2 });
    expect(healthplan('info', 'roads.hplan').out).toContain('路网：2 条路段，2.092 km；边界：2 个单位');
    expect(healthplan('info', 'roads.hplan', '--lang', 'en').out).toContain('road network: 2 segments, 2.092 km; boundaries: 2 units');
  });

  it('a dry run of an .osm.pbf reports and writes nothing; a file that is not a road network is refused (exit 3) naming the fix', () => {
    const pbf = path.resolve(root, 'test/fixtures/roads-kaifu.osm.pbf');
    const dry = healthplan('import', 'roads.hplan', '--roads', pbf, '--dry-run', '--lang', 'en');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('road network ← roads-kaifu.osm.pbf (OpenStreetMap .osm.pbf): would keep 8 segments');
    expect(dry.out).toContain('dropped (not for cars): footway 1, cycleway 1, access=no 1, track 1');
    expect(dry.out).toContain('dry run, nothing written');
    expect(info().roads.segments).toBe(2);

    const bad = healthplan('import', 'roads.hplan', '--roads', file('roads.csv', 'a,b\n1,2\n'));
    expect(bad.code).toBe(3);
    expect(bad.err).toContain('路网 ← roads.csv');
    expect(bad.err).toContain('不是 GeoJSON，也不是 .osm.pbf');
    expect(bad.err).toContain('未写入任何数据');
    expect(info().roads.segments).toBe(2);
    // Into a new plan: nothing is left behind.
    expect(healthplan('import', 'never.hplan', '--roads', path.join(dir, 'roads.csv')).code).toBe(3);
    expect(fs.existsSync(path.join(dir, 'never.hplan'))).toBe(false);
  });

  it('prints progress for a large file and replaces the network', () => {
    const features = [];
    for (let i = 0; i < 30_000; i++) {
      const x = 112.5 + (i % 200) * 0.001,
        y = 27.8 + Math.floor(i / 200) * 0.001;
      features.push(
        line(
          [
            [x, y],
            [x + 0.0005, y + 0.0002],
            [x + 0.001, y],
          ],
          { highway: i % 5 ? 'residential' : 'secondary', name: `路${i}` },
        ),
      );
    }
    const big = file('big.geojson', fc(features));
    expect(fs.statSync(big).size).toBeGreaterThan(5_000_000);
    const r = healthplan('import', 'roads.hplan', '--roads', big);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('正在读取路网…… 50%');
    expect(r.err).toContain('正在读取路网…… 100%');
    expect(r.out).toContain('保留 30,000 条路段');
    expect(info().roads.segments).toBe(30_000);
  });
});
