// The road the service-area tests draw by hand: a primary road (55 km/h) along 28°N from 113.00 to 113.10,
// a node every 0.001° (98 m), with two 120 stations on it — 西站 E1 at 113.00 (in V1) and 东站 E2 at 113.10
// (in V3). Each test gives its own units (the villages along and off the road).
export const STREET_STATIONS = '机构编码,机构名称,机构类型,所在区划代码,经度,纬度\nE1,西站,120急救站,V1,113.0,28.0\nE2,东站,120急救站,V3,113.1,28.0\n';
export const STREET_ROAD = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { highway: 'primary' },
      geometry: { type: 'LineString', coordinates: Array.from({ length: 101 }, (_, i) => [113 + i / 1000, 28.0]) },
    },
  ],
});
